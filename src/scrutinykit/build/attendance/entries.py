"""Attendance entries: the people of one entry of a list, and which list a label starts.

Reads: one attendance entry as written ("Councillor Jo Example (Chair)",
"Jo Example, Head of SEND", "Councillors A Example and B Sample") and the
attendance labels of the vocabulary ("Present:", "In attendance:", "Apologies:").
Guarantees: :func:`people_in_text` gives one :class:`~scrutinykit.Person` a
person with its span in the source (offsets from ``base``); an office or
description written after a name stays with that person, an office alone is
nobody; the first mention of a name is kept (:func:`_unique`).  Every
attendance layout module reads its entries through here.
"""

from __future__ import annotations

import re

import attrs

from ..._model import (
    AttendanceKind,
    Person,
    Span,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns
from ..readers import (
    ROLE_WORDS,
    parse_person,
    split_name_list,
)

_AGREED = rx.compile(
    r"\b(?:were|be|was|being) (?:agreed|approved|confirmed|signed|accepted)\b|\bcorrect record\b", re.I
)
_LABEL = rx.compile(r"^[^:]{0,60}:\s*(?:-\s*)?")
_COOPTEE = rx.compile(r"co-?opt", re.I)
_ROLE_WORDS = rx.compile(
    r"\b(?:Director|Head|Officer|Manager|Chief|Executive|Assistant|Clerk|Lead|Leader|Member|Advisor|Adviser"
    r"|Co-?optee|representative|Inspector|Commissioner|Solicitor|Lawyer|Coordinator|Co-ordinator|Analyst"
    r"|Secretary|Treasurer|Governor|Superintendent|Portfolio|Cabinet)\b",
    re.I,
)


_POLICE_RANK = rx.compile(
    r"(?:(?:Assistant|Deputy)\s+)?Chief\s+Constable|(?:Detective\s+)?(?:Chief\s+)?(?:Superintendent|Inspector"
    r"|Sergeant|Constable)|Police\s+Constable"
)


def _person(text: str, base: int, kind: AttendanceKind, plural_honorific: str | None) -> Person | None:
    parts = parse_person(text)
    if parts is None:
        return None
    honorific = parts.honorific or plural_honorific
    description = parts.description
    if kind is AttendanceKind.PRESENT and description and _COOPTEE.search(description):
        kind = AttendanceKind.CO_OPTEE
    name = " ".join(parts.name.split())  # a name wrapped over two lines is one line
    if parts.honorific is not None and _POLICE_RANK.fullmatch(" ".join(parts.honorific.split())):
        # A police rank is how the person is addressed: "Inspector Jo Example".
        rank = text.rfind(parts.honorific.split()[0], 0, parts.name_start)
        if rank >= 0:
            name = " ".join(text[rank : parts.name_end].split())
    stripped = text.rstrip(" .;,")
    lead = len(text) - len(text.lstrip())
    return Person(
        span=Span(start=base + lead, end=base + len(stripped)),
        name=name,
        honorific=honorific,
        role=parts.role,
        description=description,
        kind=kind,
    )


_PLURAL = rx.compile(r"^(?:County\s+)?(Councillors|Cllrs\.?|Aldermen)\s+")
_AND = rx.compile(r"\s*(?:and|&)\s*\Z")


def _is_office(text: str, single_is_name: bool) -> bool:
    """Whether a list entry is an office or a description rather than a person.

    "Head of SEND", "Customer Services Manager", "its Engagement Lead" and
    "parent governor representative" are offices; "Dr Jo Example" and
    "Jo Example" are people.  A lone capitalised word is a surname in a list
    of councillors and a fragment of a job title elsewhere (``single_is_name``).
    """
    words = text.split()
    if not words or not words[0][:1].isupper():
        return True
    parts = parse_person(text)
    if parts is None:
        return True
    tokens = parts.name.split()
    if any(_ROLE_TOKEN.fullmatch(t.strip(".,'’")) for t in tokens) and parts.honorific is None:
        return True
    return len(tokens) == 1 and parts.honorific is None and not single_is_name


_ROLE_TOKEN = rx.compile("|".join(re.escape(w) for w in ROLE_WORDS), re.I)


def _trim_lead(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a dash or colon before an entry ("Aldermen – Jo Example")."""
    while start < end and text[start] in " \t–—-:":
        start += 1
    return start, end


def _entry_groups(body: str, kind: AttendanceKind, plural: bool) -> list[tuple[int, int, bool]]:
    """The list entries of ``body`` grouped into people: ``(start, end, office_only)``.

    An office written after a name ("Jo Example, Head of SEND") belongs to
    that name; its words joined by "and" ("Director of Education and Skills")
    stay one office; an office with no name before it is an entry of its own.
    """
    spans = [_trim_lead(body, a, b) for a, b in split_name_list(body)]
    groups: list[list[int | bool]] = []  # [start, end, has_person, ends_in_office]
    single_is_name = plural or kind is not AttendanceKind.OFFICER
    for k, (start, end) in enumerate(spans):
        entry = body[start:end]
        office = _is_office(entry, single_is_name)
        joined_by_and = k > 0 and _AND.search(body, spans[k - 1][1], start) is not None
        serial_and = joined_by_and and "," in body[spans[k - 1][1] : start]
        named = _HONORIFIC_START.match(entry) is not None
        # A list of offices alone ("Head of Finance, Director of Place and Scrutiny Officer"):
        # an office after a whole office starts its own entry, where words with no office
        # in them go on the one before ("Head of Revenues and Benefits", "Scrutiny and
        # Democratic Services Officer").
        next_office = office and kind is AttendanceKind.OFFICER and _ROLE_TOKEN.search(entry) is not None
        if (
            groups
            and not groups[-1][2]
            and next_office
            and _ROLE_TOKEN.search(body, int(groups[-1][0]), int(groups[-1][1])) is not None
        ):
            groups.append([start, end, False, True])
            continue
        if groups and groups[-1][3] and (office or (not named and not serial_and)):
            # The office goes on: "Head of Revenues and Benefits", "Cabinet
            # Member for Children, Young People and Learning"; ", and Jo
            # Example" starts the next person.
            groups[-1][1] = end
            continue
        if not office and len(spans) == 2 and k == 1 and not plural and not joined_by_and:
            # "Inspector Jo Example, Exampleshire Police": one comma, no "and": a description.
            parts = parse_person(entry)
            office = parts is not None and parts.honorific is None and bool(groups) and bool(groups[-1][2])
        if office and groups and groups[-1][2] and not groups[-1][3] and not joined_by_and:
            groups[-1][1] = end
            groups[-1][3] = True
            continue
        if office and groups and groups[-1][3] and groups[-1][2]:
            groups[-1][1] = end  # "Jo Example, Head of Service, Children's Services"
            continue
        # "Jo Example – Director of Education" already ends in an office, which "and Skills" goes on.
        described = (
            not office and (parts := parse_person(entry)) is not None and parts.description is not None
        )
        groups.append([start, end, not office, office or described])
    return [(int(g[0]), int(g[1]), not g[2]) for g in groups]


def people_in_text(text: str, base: int, kind: AttendanceKind) -> list[Person]:
    """The people named in one attendance entry line starting at ``base``."""
    plural = None
    m = _PLURAL.match(text)
    offset = 0
    if m:
        plural = "Councillor" if m.group(1).startswith(("Councillors", "Cllr")) else "Alderman"
        offset = m.end()
    body = text[offset:]
    people: list[Person] = []
    for start, end, office_only in _entry_groups(body, kind, plural is not None):
        entry = body[start:end]
        if office_only:
            # Only a role is given ("Customer Services Manager"): the role is the entry.
            if kind is AttendanceKind.OFFICER and _ROLE_TOKEN.search(entry):
                people.append(
                    Person(
                        span=Span(start=base + offset + start, end=base + offset + end),
                        name=" ".join(entry.split()),
                        description=" ".join(entry.split()),
                        kind=kind,
                    )
                )
            continue
        person = _person(entry, base + offset + start, kind, plural)
        if person is not None:
            people.append(person)
    return people


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _unique(people: list[Person]) -> list[Person]:
    """The first mention of each name (folded), in order."""
    seen: set[str] = set()
    out: list[Person] = []
    for person in people:
        key = " ".join(person.name.casefold().split())
        if key not in seen:
            seen.add(key)
            out.append(person)
    return out


_PROSE = rx.compile(r"\b(?:attended|met|was|were|is|are|had|has|have|welcomed|said|noted|held)\b")
_IN_CHAIR = rx.compile(r"\bin\s+the\s+chair\b", re.I)
_OFFICE_OF_STAFF = rx.compile(
    r"\b(?:Director|Head|Manager|Officer|Clerk|Administrator|Adviser|Advisor|Solicitor|Lawyer|Accountant"
    r"|Engineer|Planner|Analyst|Co-?ordinator|Secretary|Treasurer|RFO|Monitoring|Chief\s+Executive"
    r"|Assistant|Lead|Worker|Specialist|Surveyor|Auditor|(?:General|Legal)\s+Counsel|Democratic\s+Services)\b",
    re.I,
)
_OUTSIDE_BODY = rx.compile(
    r"\b(?:NHS|Trust|Police|Constabulary|Fire|Ambulance|Healthwatch|University|College|Ltd|Limited|plc"
    r"|Integrated\s+Care|ICB|CCG|Diocese|Church|Association|Partnership|Foundation|Charity|Agency)\b"
)
_COUNCILLOR = rx.compile(r"(?:\w+\s+)?(?:Councillor|Cllr|Alderm[ae]n|Deputy)\b", re.I)


#: The list each attendance label of the vocabulary (its group in ``Patterns.attendance_label``,
#: ``attendance_inline`` and ``attendance_roles``) fills.
_ROLE_KIND = {
    "present": AttendanceKind.PRESENT,
    "chair": AttendanceKind.PRESENT,
    "apologies": AttendanceKind.APOLOGIES,
    "also_attending": AttendanceKind.ALSO_ATTENDING,
    "officers": AttendanceKind.OFFICER,
    "co_optees": AttendanceKind.CO_OPTEE,
    "substitutes": AttendanceKind.SUBSTITUTE,
    "absent": AttendanceKind.ABSENT,
}


def _label_kind(m: re.Match[str]) -> AttendanceKind:
    """The list a match of one of the vocabulary's attendance label patterns starts."""
    return _ROLE_KIND[next(role for role, words in m.groupdict().items() if words is not None)]


def _sub_kind(label: str, default: AttendanceKind, vocab: Patterns) -> AttendanceKind:
    """The list a label starts ("IN ATTENDANCE" → also attending), ``default`` for words of no label."""
    m = vocab.attendance_label.match(label)
    return _label_kind(m) if m is not None else default


def _is_heading_line(text: str) -> bool:
    """A line folded into an attendance block that is a heading, not names."""
    words = text.split()
    if not words or _HONORIFIC_START.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and not any(c in text for c in ",;–-"):
        return True
    return len(words) == 1 and words[0][:1].isupper()


_HONORIFIC_START = rx.compile(
    r"\s*(?:(?:County|District|Borough|City|Town|Parish)\s+)?(?:Councillors?|Cllrs?|Alderm[ae]n|Mr|Mrs|Ms|Miss|Mx|Dr"
    r"|Canon|Professor|Prof|Reverend|Rev|Revd|Sir|Dame|Lord|Lady|Baroness|Deputy|Inspector|Sergeant|PCSO|PC)\b",
    re.I,
)


def _visitor_or_officer(person: Person, entry: str) -> AttendanceKind:
    """Split an "In attendance" entry: council staff have a job title, visitors do not or are councillors.

    ``entry`` is the entry as written, so a title in brackets counts too:
    "Mrs Jo Example (Clerk and RFO)".
    """
    if _COOPTEE.search(entry):
        return AttendanceKind.CO_OPTEE  # a co-opted member of the committee
    if person.honorific is not None and _COUNCILLOR.fullmatch(person.honorific):
        return AttendanceKind.ALSO_ATTENDING
    if person.honorific is not None and _POLICE_RANK.fullmatch(" ".join(person.honorific.split())):
        return AttendanceKind.ALSO_ATTENDING
    about = entry.replace(person.name, " ", 1)
    if _OFFICE_OF_STAFF.search(about) and not _OUTSIDE_BODY.search(about):
        return AttendanceKind.OFFICER
    return AttendanceKind.ALSO_ATTENDING


def _is_prose(piece: str) -> bool:
    """Whether a line is a sentence, not a list: a verb of narration, or five lower-case words in a row.

    An entry's description has a few ("parent governor representative"); a
    sentence has a run of them ("declared an interest in the item on …").
    """
    bare = _without_brackets(piece)
    if _PROSE.search(bare):
        return True
    for part in _SEPARATOR.split(bare):
        run = 0
        for word in part.split():
            run = run + 1 if word[:1].islower() else 0
            if run >= 5:
                return True
    return False


def _line_people(piece: str, base: int, kind: AttendanceKind) -> list[Person]:
    """The people of one line of an attendance block, with their lists."""
    if _IN_CHAIR.search(piece) and kind is not AttendanceKind.APOLOGIES:
        kind = AttendanceKind.PRESENT  # "Mr Jo Example in the Chair"
    found = people_in_text(piece, base, kind)
    if kind is AttendanceKind.ALSO_ATTENDING:
        found = [
            attrs.evolve(p, kind=_visitor_or_officer(p, piece[p.span.start - base : p.span.end - base]))
            for p in found
        ]
    return found


_SEPARATOR = rx.compile(r"[,;]")
_SHORT_BRACKETED = rx.compile(r"\([^()]{0,200}\)")


def _without_brackets(text: str) -> str:
    return _SHORT_BRACKETED.sub("", text)
