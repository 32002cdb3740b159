"""Titles: the words around a name that are not the name.

Reads: nothing; holds the vocabulary the name readers share — office titles
("Councillor", "County Cllr"), personal honorifics ("Mr", "Dr", "Professor"),
role words that mark a job title rather than a person ("Head", "Director",
"Officer"), name particles ("de", "van") and post-nominals ("OBE", "MBE").
Guarantees: plain tuples and frozensets, built once at import; a new title,
honorific, role word or post-nominal is added here and reaches
:mod:`.names` and :mod:`.name_lists` with no other change.
"""

from __future__ import annotations

#: Titles that are offices rather than part of a person's name; they are
#: reported as ``honorific`` and left out of ``name``.
_ROLE_HONORIFICS: tuple[str, ...] = (
    "County Councillor",
    "County Cllr",
    "District Cllr",
    "Borough Cllr",
    "City Cllr",
    "Town Cllr",
    "Parish Cllr",
    "Borough Councillor",
    "District Councillor",
    "City Councillor",
    "Town Councillor",
    "Parish Councillor",
    "Councillor",
    "Cllr",
    "Alderman",
    "Alderwoman",
    "Assistant Chief Constable",
    "Deputy Chief Constable",
    "Chief Constable",
    "Detective Chief Superintendent",
    "Detective Superintendent",
    "Detective Chief Inspector",
    "Detective Inspector",
    "Detective Sergeant",
    "Detective Constable",
    "Chief Superintendent",
    "Superintendent",
    "Chief Inspector",
    "Inspector",
    "Sergeant",
    "Police Constable",
)

#: Personal forms of address: reported as ``honorific`` and also kept in
#: ``name`` ("Dr Rachel Ingleby").
_PERSONAL_HONORIFICS: tuple[str, ...] = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Dr",
    "Canon",
    "Professor",
    "Prof",
    "The Reverend",
    "The Rev",
    "Reverend",
    "Revd",
    "Rev",
    "Father",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Rabbi",
    "Imam",
    "Pastor",
    "Bishop",
)

#: Every honorific :func:`parse_person` recognises (singular forms).
HONORIFICS: tuple[str, ...] = _ROLE_HONORIFICS + _PERSONAL_HONORIFICS

#: Words that mark a job title or office rather than a personal name; used to
#: decide which side of "Head of SEND - Paul Tresham" is the person.
ROLE_WORDS: tuple[str, ...] = (
    "Head",
    "Director",
    "Officer",
    "Manager",
    "Member",
    "Chief",
    "Assistant",
    "Executive",
    "Deputy",
    "Interim",
    "Acting",
    "Senior",
    "Lead",
    "Leader",
    "Cabinet",
    "Portfolio",
    "Holder",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Vice-Chair",
    "Vice-Chairman",
    "Clerk",
    "Secretary",
    "Adviser",
    "Advisor",
    "Analyst",
    "Coordinator",
    "Co-ordinator",
    "Commissioner",
    "Consultant",
    "Convener",
    "Convenor",
    "Depute",
    "Provost",
    "Administrator",
    "Worker",
    "Nurse",
    "Representative",
    "Co-optee",
    "Governor",
    "Solicitor",
    "Lawyer",
    "Auditor",
    "Accountant",
    "Treasurer",
    "Engineer",
    "Planner",
    "Inspector",
    "Superintendent",
    "Sergeant",
    "Constable",
    "Commander",
    "Mayor",
    "President",
    "Principal",
    "Specialist",
    "Practitioner",
    "Partner",
    "Service",
    "Services",
    "Team",
    "Strategic",
    "Corporate",
    "Monitoring",
    "Democratic",
    "Council",
    "Committee",
    "Board",
    "Panel",
    "Department",
    "Directorate",
    "Councillor",
    "Councillors",
    "Cllr",
    "Alderman",
)

_ROLE_WORDS_FOLDED = frozenset(word.casefold() for word in ROLE_WORDS)

#: Role words plus every word of an honorific: a "name" made only of these
#: ("Councillor", "Mr", "Chief Executive") is no name.
_TITLE_WORDS_FOLDED = (
    _ROLE_WORDS_FOLDED
    | frozenset(word.casefold() for title in HONORIFICS for word in title.split())
    | frozenset(("councillors", "cllrs", "aldermen"))
)

_PARTICLES = frozenset(
    (
        "de",
        "da",
        "di",
        "du",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "le",
        "la",
        "al",
        "el",
        "bin",
        "binti",
        "ap",
        "ter",
        "ten",
        "dos",
        "das",
        "y",
    )
)

_POST_NOMINALS = (
    "MBE",
    "OBE",
    "CBE",
    "KBE",
    "DBE",
    "BEM",
    "JP",
    "DL",
    "QC",
    "KC",
    "MP",
    "MEP",
    "QPM",
    "KPM",
    "PhD",
    "FRSA",
    "CPFA",
)
