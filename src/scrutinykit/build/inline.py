"""Typed inline values inside one line or paragraph of minutes text.

Every extractor here is a small, linear-time scan: the regular expressions use
only bounded quantifiers (no ``+``/``*`` over open-ended runs, no nested
repetition), so searching a megabyte line that holds no match costs one pass
over it.  Each ``find_*`` function returns ``(start, end, value)`` triples in
text order, where ``start``/``end`` index into the string passed in (end
exclusive).  No function raises on any ``str``: text that holds nothing gives
``None`` or an empty list.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import re
from typing import NamedTuple

from ..parsing import patterns as rx

__all__ = [
    "HONORIFICS",
    "POST_NOMINAL",
    "ROLE_WORDS",
    "PersonParts",
    "counted_after",
    "find_counts",
    "find_dates",
    "find_minute_numbers",
    "find_money",
    "find_percentages",
    "find_times",
    "parse_date",
    "parse_person",
    "parse_time",
    "split_name_list",
]

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

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

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

# Month and weekday names as tries: a failing position costs a step or two.
_MONTH = (
    r"(?:J(?:an(?:uary)?|u(?:ne?|ly?))|F(?:eb(?:ruary)?)|M(?:ar(?:ch)?|ay)"
    r"|A(?:pr(?:il)?|ug(?:ust)?)|S(?:ep(?:t(?:ember)?)?)|O(?:ct(?:ober)?)"
    r"|N(?:ov(?:ember)?)|D(?:ec(?:ember)?))\.?(?![^\W\d_])"
)
_WEEKDAY = (
    r"(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:r(?:s)?)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
    r"\.?,?\s{1,3}"
)
_ORDINAL = r"(?:st|nd|rd|th)?"


def _dmy(tag: str) -> str:
    return (
        rf"(?P<d1{tag}>[0-9]{{1,2}}){_ORDINAL}\s{{0,3}}(?:of\s{{1,3}})?"
        rf"(?P<m1{tag}>{_MONTH}),?\s{{1,3}}(?P<y1{tag}>[0-9]{{4}})(?![0-9])"
    )


def _mdy(tag: str) -> str:
    return (
        rf"(?P<m2{tag}>{_MONTH})\s{{1,3}}(?P<d2{tag}>[0-9]{{1,2}}){_ORDINAL},?\s{{1,3}}"
        rf"(?P<y2{tag}>[0-9]{{4}})(?![0-9])"
    )


def _numeric(tag: str) -> str:
    return (
        rf"(?P<d3{tag}>[0-9]{{1,2}})(?P<sep{tag}>[./-])(?P<m3{tag}>[0-9]{{1,2}})"
        rf"(?P=sep{tag})(?P<y3{tag}>[0-9]{{4}})(?![0-9]|[./-][0-9])"
        rf"|(?P<y4{tag}>[0-9]{{4}})-(?P<m4{tag}>[0-9]{{1,2}})-(?P<d4{tag}>[0-9]{{1,2}})"
        rf"(?![0-9]|[./-][0-9])"
    )


# Top-level branches open with a one-character look-ahead and a one-character
# look-behind, so a position that cannot start a date costs a step or two:
# "a" starts at a digit, "b" at a weekday, "c" at a month name.
_DATE_RE = rx.compile(
    rf"(?=[0-9])(?<![0-9./-])(?:{_dmy('a')}|{_numeric('a')})"
    rf"|(?=[a-z])(?<![^\W\d_])(?:{_WEEKDAY}(?:{_dmy('b')}|{_mdy('b')}|{_numeric('b')})|{_mdy('c')})",
    re.IGNORECASE,
)


#: Every form of date holds a four-digit year: text without one holds no date,
#: and finding that out is one fast scan.
_YEAR_DIGITS = rx.compile(r"[0-9]{4}")


def _month_number(name: str) -> int | None:
    if name.isdigit():
        return int(name)
    return _MONTHS.get(name.casefold()[:3])


def _date_from_match(match: re.Match[str]) -> datetime.date | None:
    # Exactly one form matched: its day, month and year groups are the only
    # ones set, named d*, m* and y*.
    parts = {
        key[0]: value for key, value in match.groupdict().items() if value is not None and key[0] in "dmy"
    }
    month = _month_number(parts["m"])
    if month is None:
        return None
    try:
        return datetime.date(int(parts["y"]), month, int(parts["d"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, datetime.date]]:
    """Return every valid calendar date written in ``text``, in order.

    Recognised forms: "Tuesday 19 September 2017", "19th September, 2017",
    "Wednesday, 15th January, 2025", "September 19, 2017", "19 Sept 2017",
    "19/09/2017", "19.09.2017", "19-09-2017" (all day-first) and
    "2017-09-19".  A leading weekday is part of the span.  Impossible dates
    such as 31 February are skipped.
    """
    found: list[tuple[int, int, datetime.date]] = []
    if _YEAR_DIGITS.search(text) is None:
        return found
    for match in _DATE_RE.finditer(text):
        value = _date_from_match(match)
        if value is not None:
            found.append((match.start(), match.end(), value))
    return found


def parse_date(text: str) -> datetime.date | None:
    """Return the first valid date in ``text`` (see :func:`find_dates`), or None."""
    if _YEAR_DIGITS.search(text) is None:
        return None
    for match in _DATE_RE.finditer(text):
        value = _date_from_match(match)
        if value is not None:
            return value
    return None


# --------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------

#: A bare "H.MM" with hour 0-12 is a time after one of these words
#: ("started at 6.30").
_TIME_CONTEXT = r"""
    (?:at|from|until|till|to|by|between|commenced|commencing|started|starting
      |began|beginning|begins|ended|ending|ends|closed|closing|finished
      |concluded|adjourned|reconvened|resumed|approximately|approx\.?|around
      |about|before|after)
"""

#: ...but not when a unit follows that makes it a plain number.
_NOT_A_TIME_AFTER = r"(?!\s{0,2}(?:[%％]|per\s{0,2}cent|percent|million|billion|bn|[mk](?![^\W\d_])))"

# The optional context word is captured so the span can leave it out; the
# conditional ``(?(ctx)...)`` lets a 24-hour "H.MM" with hour 0-12 through
# only after such a word (or with a leading zero, "09.30").
_TIME_RE = rx.compile(
    rf"""
    (?<![\w.:,/£$€])
    (?:(?=[a-z])(?P<ctx>{_TIME_CONTEXT})\s{{1,3}})?
    (?=[0-9nm])
    (?P<time>
        (?P<word>(?:12(?:[.:]00)?\s{{0,2}})?(?:noon|mid-?day|midnight))(?![^\W\d_])
      |
        (?P<h>1[0-2]|0?[1-9])(?![0-9])(?:[.:](?P<m>[0-5][0-9]))?
        \s{{0,2}}(?P<ampm>[ap])(?:\.m(?![^\W\d_])\.?|m(?![^\W\d_]))
      |
        (?P<h24>2[0-3]|1[3-9]|0[0-9]|(?(ctx)1?[0-9]|(?!)))[.:](?P<m24>[0-5][0-9])
        (?![.:/]?[0-9]){_NOT_A_TIME_AFTER}
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _time_from_match(match: re.Match[str]) -> datetime.time:
    word = match.group("word")
    if word is not None:
        return datetime.time(0, 0) if "night" in word.casefold() else datetime.time(12, 0)
    hour_text = match.group("h")
    if hour_text is not None:
        minute_text = match.group("m")
        hour = int(hour_text) % 12 + (12 if match.group("ampm") in "pP" else 0)
        return datetime.time(hour, int(minute_text) if minute_text is not None else 0)
    return datetime.time(int(match.group("h24")), int(match.group("m24")))


def find_times(text: str) -> list[tuple[int, int, datetime.time]]:
    """Return every clock time written in ``text``, in order.

    Recognised: "6.30pm", "6.30 p.m.", "6:30pm", "10am", "10.00 a.m.",
    "12 noon", "noon", "midday", "midnight", and 24-hour "18:30"/"18.30" when
    clearly a time: hour above 12, a leading zero ("09.30"), or a preceding
    word such as "at", "from" or "until" ("started at 6.30").  The span
    covers the time only, not that word.
    """
    return [
        (match.start("time"), match.end("time"), _time_from_match(match)) for match in _TIME_RE.finditer(text)
    ]


def parse_time(text: str) -> datetime.time | None:
    """Return the first clock time in ``text`` (see :func:`find_times`), or None."""
    match = _TIME_RE.search(text)
    return _time_from_match(match) if match is not None else None


# --------------------------------------------------------------------------
# Money and percentages
# --------------------------------------------------------------------------

_NUMBER = r"(?P<int>[0-9]{1,3}(?:,[0-9]{3}){1,5}|[0-9]{1,15})(?![0-9])(?:\.(?P<frac>[0-9]{1,8})(?![0-9]))?"

_MONEY_RE = rx.compile(
    rf"""
    £\s{{0,2}}{_NUMBER}
    (?:\s{{0,2}}(?P<mult>[Bb]illion|[Bb][Nn]|[Mm]illion|[Mm]n|[Mm]|[Tt]housand|[Kk])
       (?![^\W\d_]))?
    """,
    re.VERBOSE,
)

_MULTIPLIERS: dict[str, int] = {
    "billion": 10**9,
    "bn": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}

# A pattern whose first step is a character class lets re skip at C speed to
# the next position that can start a match; a leading look-behind would be
# tried at every character.  So the "no digit, point or comma before" test
# is made after the first digit: "(?<![0-9.,][0-9])" there is "(?<![0-9.,])"
# before it.  The groups and their spans are those of _NUMBER.
_PERCENT_RE = rx.compile(
    r"(?P<int>[0-9](?<![0-9.,][0-9])(?:[0-9]{0,2}(?:,[0-9]{3}){1,5}|[0-9]{0,14}))(?![0-9])"
    r"(?:\.(?P<frac>[0-9]{1,8})(?![0-9]))?"
    r"\s{0,2}(?:[%％]|(?i:per\s{0,2}cent|percent)(?![^\W\d_]))",
)

#: Enough precision that no amount the patterns can match is ever rounded.
_DECIMAL_CONTEXT = decimal.Context(prec=64)


def _number(match: re.Match[str]) -> decimal.Decimal:
    digits = match.group("int").replace(",", "")
    frac = match.group("frac")
    return decimal.Decimal(f"{digits}.{frac}" if frac is not None else digits)


def find_money(text: str) -> list[tuple[int, int, decimal.Decimal]]:
    """Return every sterling amount in ``text`` as an exact Decimal of pounds.

    "£3,500" -> 3500, "£12.50" -> 12.50, "£1.1 million"/"£25million"/"£2.5m"
    scale by a million, "£300k"/"£5 thousand" by a thousand and "£1bn"/
    "£1 billion" by a billion; a scaled whole amount has no fractional digits.
    """
    found: list[tuple[int, int, decimal.Decimal]] = []
    if "£" not in text:  # the common case, at C speed
        return found
    for match in _MONEY_RE.finditer(text):
        value = _number(match)
        mult = match.group("mult")
        if mult is not None:
            factor = decimal.Decimal(_MULTIPLIERS[mult.lower()])
            value = _DECIMAL_CONTEXT.multiply(value, factor)
            if value == value.to_integral_value(context=_DECIMAL_CONTEXT):
                value = value.quantize(decimal.Decimal(1), context=_DECIMAL_CONTEXT)
        found.append((match.start(), match.end(), value))
    return found


def find_percentages(text: str) -> list[tuple[int, int, decimal.Decimal]]:
    """Return every percentage in ``text``: "24%", "7.5 per cent", "12 percent"."""
    if "%" not in text and "％" not in text and "cent" not in text.lower():
        return []
    return [(m.start(), m.end(), _number(m)) for m in _PERCENT_RE.finditer(text)]


# --------------------------------------------------------------------------
# Counts, and what a figure counts
# --------------------------------------------------------------------------

#: Words that end the phrase naming what a figure counts.
_UNIT_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "would",
        "will",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "do",
        "does",
        "not",
        "it",
        "its",
        "their",
        "this",
        "these",
        "those",
        "there",
        "here",
        "per",
        "so",
        "if",
        "when",
        "while",
        "whilst",
        "after",
        "before",
        "since",
        "until",
        "during",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "around",
        "between",
        "within",
        "without",
        "across",
        "against",
        "among",
    ]
)
_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_NOT_COUNTED = frozenset(
    ["am", "pm", "a.m", "p.m", "years'", "year-old", "am.", "pm.", "o'clock", "per", "percent"]
)
#: Words before a number that make it a label, not a count: "agenda item 5".
_LABEL_BEFORE = rx.compile(
    r"(?:item|items|minute|minutes|paragraph|paragraphs|page|pages|section|appendix|annex|no|number"
    r"|recommendation|ward|phase|stage|level|year|tier|key stage|ks|room|bed|flat|house|route|bus"
    r"|quarter|quarters|q|week|day|grade|band|option|question)"
    # "quarter 3 and 4": the second number is a label too.
    r"\s{1,3}(?:[0-9]{1,4}\s{0,3}(?:,|and|or|to|&)\s{1,3})?\Z",
    re.IGNORECASE,
)
# The number is found first and the hedge before it ("about 16") after: a
# pattern that opened with the optional hedge would try its words at every
# character of the text.
# As for _PERCENT_RE, the look-behind comes after the first digit so that the
# pattern opens with a character class: "(?<![\w£$€.,/:#-])" before the number.
_COUNT_RE = rx.compile(
    r"(?P<n>[0-9](?<![\w£$€.,/:#-][0-9])(?:[0-9]{0,2}(?:,[0-9]{3}){1,4}|[0-9]{0,8}))"
    r"(?![0-9.,/:%£-]|\.[0-9])"
    r"(?=\s{1,3}[a-z])"
)
_APPROX_BEFORE = rx.compile(
    r"(?<![\w£$€.,/:#-])(?:about|around|approximately|some|over|under|nearly|almost|roughly|more\s{1,3}than"
    r"|fewer\s{1,3}than|less\s{1,3}than|up\s{1,3}to|at\s{1,3}least)\s{1,3}\Z"
)
_DIGIT = rx.compile(r"[0-9]")
_PER_RE = rx.compile(r"\s{1,3}per\s{1,3}(?P<what>[a-z][a-z'-]{0,30})")
_UNIT_AFTER_RE = rx.compile(r"\s{0,3}(?P<unit>[a-z][a-z'-]{0,30}(?:\s{1,3}[a-z][a-z'-]{0,30}){0,2})")
_OF_AFTER_RE = rx.compile(
    r"\s{1,3}(?P<unit>of\s{1,3}(?:the\s{1,3}|all\s{1,3}|our\s{1,3})?[a-z][a-z'-]{0,30}(?:\s{1,3}[a-z][a-z'-]{0,30}){0,2})"
)


def _unit_words(phrase: str) -> str:
    """The leading words of ``phrase`` that name a thing.

    They stop at a stop word, and after the first word at a word that reads
    as a verb or an adverb (``-ed``, ``-ing``, ``-ly``): "12 months given" is
    twelve months.
    """
    words: list[str] = []
    for word in phrase.split():
        low = word.casefold()
        if low in _UNIT_STOP or (words and low.endswith(("ed", "ing", "ly"))):
            break
        words.append(word)
        if low.endswith("s") and not low.endswith("ss"):
            break  # a plural noun ends the phrase: "12 months given" counts months
    return " ".join(words)


#: What an amount of money is, when a single word after it says so.
_MONEY_NOUNS = frozenset(
    [
        "saving",
        "savings",
        "overspend",
        "overspends",
        "underspend",
        "budget",
        "budgets",
        "funding",
        "grant",
        "grants",
        "investment",
        "cost",
        "costs",
        "deficit",
        "surplus",
        "pressure",
        "pressures",
        "reduction",
        "reductions",
        "spend",
        "spending",
        "allocation",
        "contract",
        "income",
        "shortfall",
        "gap",
        "loan",
        "loans",
        "uplift",
        "increase",
        "cut",
        "cuts",
        "reserve",
        "reserves",
        "fund",
        "bid",
        "capital",
        "revenue",
        "subsidy",
        "payment",
        "payments",
        "fee",
        "fees",
        "charge",
        "charges",
    ]
)


def counted_after(
    text: str, end: int, *, of_only: bool = False, money: bool = False
) -> tuple[str, int] | None:
    """What a figure ending at ``end`` counts, and where that phrase ends.

    "24% of agency staff" → ``"of agency staff"``; "£1.1 million saving" →
    ``"saving"``; "16 cases per officer" → ``"cases per officer"``.  With
    ``of_only`` only the "of …" form counts (a percentage is of something);
    with ``money`` a word after the amount counts only when it names money
    (``saving``, ``budget``, ``overspend`` …).
    """
    m = _OF_AFTER_RE.match(text, end)
    if m is not None:
        rest = _unit_words(m.group("unit")[2:].strip().removeprefix("the ").removeprefix("all "))
        if rest:
            head = m.group("unit")[: m.group("unit").index(rest.split()[0])] if rest else ""
            phrase = (head + rest).strip()
            stop = m.start("unit") + len(phrase)
            return " ".join(phrase.split()), stop
    if of_only:
        return None
    m = _UNIT_AFTER_RE.match(text, end)
    if m is None:
        return None
    unit = _unit_words(m.group("unit"))
    if not unit or unit.split()[0].casefold() in _MONTH_WORDS | _NOT_COUNTED:
        return None
    if money:
        first = unit.split()[0]
        if first.casefold() not in _MONEY_NOUNS:
            return None
        unit = first
    stop = m.start("unit") + len(unit)
    per = _PER_RE.match(text, stop)
    if per is not None and per.group("what").casefold() not in _UNIT_STOP:
        unit = f"{unit} per {per.group('what')}"
        stop = per.end()
    return unit, stop


def find_counts(text: str) -> list[tuple[int, int, decimal.Decimal, str]]:
    """Counts with what they count: "about 16 cases per officer" → (…, 16, "cases per officer").

    A number written in digits followed by the thing it counts.  Not counts:
    years, dates and times, money and percentages, and numbers that label
    something ("agenda item 5", "page 3", "Ward 7").  Numbers written in words
    ("two letters") are not read.
    """
    found: list[tuple[int, int, decimal.Decimal, str]] = []
    if _DIGIT.search(text) is None:
        return found
    for m in _COUNT_RE.finditer(text):
        digits = m.group("n").replace(",", "")
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            continue  # a year
        if _LABEL_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        after = counted_after(text, m.end("n"))
        if after is None:
            continue
        unit, stop = after
        hedge = _APPROX_BEFORE.search(text, max(0, m.start() - 25), m.start())
        start = hedge.start() if hedge is not None else m.start()
        found.append((start, stop, decimal.Decimal(digits), unit))
    return found


# --------------------------------------------------------------------------
# Minute numbers
# --------------------------------------------------------------------------

_MINUTE_REF = r"""
    (?:
        [A-Z][A-Za-z]{1,5}/[0-9]{1,4}/[0-9]{2}(?:[0-9]{2})?(?:-[0-9]{2})?   # Cou/286/07-08
      | [A-Z]{0,3}[0-9]{1,4}/[0-9]{2}(?:[0-9]{2})?                       # A26/17, 77/21
      | [A-Z]{2,6}\.[0-9]{1,4}                                           # CYP.12
      | [0-9]{4}\.[0-9]{2}                                               # 2307.01
    )
"""

_MINUTE_RE = rx.compile(
    rf"""
    (?<![\w/.,£$-])
    (?:
        (?i:minutes?)\s{{1,3}}(?:(?i:no|number|ref)\.?\s{{0,3}})?
        (?P<ref>{_MINUTE_REF}|[0-9]{{1,4}}[a-z]?)
      |
        (?P<bare>{_MINUTE_REF})
    )
    (?![\w/]|[.-][0-9])
    """,
    re.VERBOSE,
)

_YEAR_SPAN_RE = rx.compile(r"((?:19|20)[0-9]{2})/([0-9]{2}|[0-9]{4})")
_YYMM_ITEM_RE = rx.compile(r"[0-9]{2}([0-9]{2})\.[0-9]{2}")


def _is_minute_reference(ref: str) -> bool:
    span = _YEAR_SPAN_RE.fullmatch(ref)
    if span is not None:  # "2017/18" is a financial year, not a minute
        first, second = int(span.group(1)), int(span.group(2))
        return (first + 1) % (100 if len(span.group(2)) == 2 else 10000) != second
    yymm = _YYMM_ITEM_RE.fullmatch(ref)
    if yymm is not None:  # "2307.01": year 23, month 07, item 01
        return 1 <= int(yymm.group(1)) <= 12
    return True


def find_minute_numbers(text: str) -> list[tuple[int, int, str]]:
    """Return minute/item references in ``text`` as written, in order.

    Recognised: "A26/17", "77/21", "C41/24", "CYP.12", "2307.01" (YYMM.NN),
    "Cou/286/07-08", and "Minute 45" / "Minute No. 512" (giving "45"/"512").
    Each span covers exactly the returned reference, so ``text[start:end]``
    equals it.  Financial years such as "2017/18" are not references.
    """
    found: list[tuple[int, int, str]] = []
    for match in _MINUTE_RE.finditer(text):
        name = "ref" if match.group("ref") is not None else "bare"
        ref = match.group(name)
        if _is_minute_reference(ref):
            found.append((match.start(name), match.end(name), ref))
    return found


# --------------------------------------------------------------------------
# Shared span helpers
# --------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to leave out surrounding whitespace."""
    if start >= end:
        return start, start
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return start, start
    start += len(piece) - len(stripped)
    end -= len(stripped) - len(stripped.rstrip())
    return start, end


def _trim_final_stop(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a closing full stop that does not end an initial."""
    start, end = _trim(text, start, end)
    if end > start and text[end - 1] == ".":
        before = text[end - 2] if end - 2 >= start else ""
        initial = before.isalpha() and before.isupper() and (end - 3 < start or not text[end - 3].isalpha())
        if not initial:
            start, end = _trim(text, start, end - 1)
    return start, end


_OPEN = frozenset("([")
_CLOSE = frozenset(")]")

# --------------------------------------------------------------------------
# Name lists
# --------------------------------------------------------------------------

_LIST_LABEL_RE = rx.compile(
    r"""
    \s{0,20}
    (?:also\s{1,3})?
    (?:present|in\s{1,3}attendance|attending|absent
      |apologies(?:\s{1,3}for\s{1,3}absence)?)
    \s{0,3}:\s{0,20}
    """,
    re.IGNORECASE | re.VERBOSE,
)

_LIST_PLURAL_RE = rx.compile(
    r"""
    \s{0,20}
    (?:(?:County|Borough|District|City|Town|Parish)\s{1,3})?
    (?:Councillors|COUNCILLORS|Cllrs\.?|CLLRS\.?|Aldermen|Messrs\.?)
    (?:\s{0,3}:)?
    \s{1,20}
    """,
    re.VERBOSE,
)

_LIST_SEP_RE = rx.compile(r"[()\[\]]|[,;]|(?<!\s)\s{1,10}(?:and|&)(?=\s)")
#: After a note in brackets, the next entry with no separator before it: "J Example (Chair) R Sample".
#: Not when that entry is a name and an office after a dash, the other column of a list
#: flattened into one ("Cllr Jo Example (Chair) Bo Sample – Head of Finance").
_NEXT_AFTER_NOTE = rx.compile(
    r"[ \t]{1,10}(?=[A-Z](?:\.|[a-z'’-]{1,30})?[ \t]{1,3}[A-Z])(?![^,;()\n]{0,80}[ \t][–—-][ \t])"
)


def _emit_entry(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _trim_final_stop(text, start, end)
    if start >= end or text[start:end] in ("and", "&"):
        return
    if spans and _POST_NOMINALS_ONLY_RE.fullmatch(text, start, end):
        # "Mr Jo Example, OBE, …": the honours belong to the name before them.
        spans[-1] = (spans[-1][0], end)
        return
    if any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))


def split_name_list(text: str) -> list[tuple[int, int]]:
    """Return the spans of the individual people in a list of names.

    Entries are separated by ",", ";", " and " and " & " outside parentheses,
    so "Councillor A (Chair, from 7pm)" stays whole, and by a note in
    brackets that a name follows with no separator ("J Example (Chair) R
    Sample").  A leading "Present:" style label and a leading plural title ("Councillors", "Cllrs") are not
    part of the first entry; a singular "Councillor" is.  Each span is trimmed
    of whitespace and of a closing full stop (but not the stop of an initial).
    """
    pos = 0
    label = _LIST_LABEL_RE.match(text)
    if label is not None:
        pos = label.end()
    plural = _LIST_PLURAL_RE.match(text, pos)
    if plural is not None:
        pos = plural.end()
    spans: list[tuple[int, int]] = []
    depth = 0
    entry_start = pos
    for match in _LIST_SEP_RE.finditer(text, pos):
        token = match.group()
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
            gap = _NEXT_AFTER_NOTE.match(text, match.end()) if depth == 0 else None
            if gap is not None:
                _emit_entry(text, entry_start, match.end(), spans)
                entry_start = gap.end()
        elif depth == 0:
            _emit_entry(text, entry_start, match.start(), spans)
            entry_start = match.end()
    _emit_entry(text, entry_start, len(text), spans)
    return spans


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


class PersonParts(NamedTuple):
    """One person's entry in minutes, taken apart.

    ``honorific`` is the leading title as written (a plural "Councillors"
    made singular, a trailing full stop dropped).  ``name`` is the name as
    written without office titles (Councillor, Cllr, Alderman, police ranks),
    parenthetical notes or post-nominals; personal honorifics (Mr, Dr, ...)
    stay in it.  ``role`` is a chairing role ("Chair", "Vice-Chair", "in the
    Chair", ...), ``description`` the office or job title after the first
    comma or dash, ``note`` any other parenthetical remarks.  ``name_start``
    and ``name_end`` locate ``name`` in the text parsed.
    """

    honorific: str | None
    name: str
    role: str | None
    description: str | None
    note: str | None
    name_start: int
    name_end: int


def _honorific_pattern(title: str) -> str:
    pattern = r"\s{1,3}".join(re.escape(word) for word in title.split())
    if title.endswith(("Councillor", "Cllr")):
        pattern += "s?"
    elif title == "Alderman":
        pattern = r"Alderm[ae]n"
    return pattern


def _alternation(titles: tuple[str, ...]) -> str:
    return "|".join(_honorific_pattern(t) for t in sorted(titles, key=len, reverse=True))


_HONORIFIC_RE = rx.compile(
    rf"(?:(?P<office>{_alternation(_ROLE_HONORIFICS)})|(?P<personal>{_alternation(_PERSONAL_HONORIFICS)}))"
    r"\.?(?=\s)",
    re.IGNORECASE,
)

_CHAIR = (
    r"(?:(?:vice|deputy|depute)[\s-]{0,2})?(?:chair(?:man|woman|person)?|conven[eo]r)"
    r"|in\s{1,3}the\s{1,3}chair"
)
_CHAIR_RE = rx.compile(rf"(?:{_CHAIR})\.?", re.IGNORECASE)
_CHAIR_LABEL_RE = rx.compile(rf"(?P<role>{_CHAIR})\s{{0,3}}:\s{{0,10}}", re.IGNORECASE)
_CHAIR_SUFFIX_RE = rx.compile(
    r"[\s,]{1,5}(?P<role>in\s{1,3}the\s{1,3}[Cc]hair"
    r"|(?:Vice[\s-]{0,2}|Deputy\s{1,3}|Depute\s{1,3})?(?:Chair(?:man|woman|person)?|Conven[eo]r))\Z"
)

POST_NOMINAL = "|".join(_POST_NOMINALS)
"""The post-nominal letters a name may carry (MBE, OBE, JP …), as one alternation."""
_POST_NOMINAL_SUFFIX_RE = rx.compile(rf"[\s,]{{1,5}}(?:{POST_NOMINAL})\.?\Z")
_POST_NOMINALS_ONLY_RE = rx.compile(rf"(?:{POST_NOMINAL})\.?(?:[\s,]{{1,5}}(?:{POST_NOMINAL})\.?){{0,8}}")

_DEPUTY_RE = rx.compile(r"Deputy\s{1,3}")
_PERSON_SEP_RE = rx.compile(r"[()\[\]]|[,;]|\s{1,5}[-–—]{1,2}\s{1,5}|[–—]")
_PAREN_RE = rx.compile(r"[()\[\]]")
_ITEM_SEP_RE = rx.compile(r"[()\[\]]|[,;]")

#: Longest stretch of text still considered as a name side.
_MAX_NAME_SIDE = 300


def _normalise_role(text: str) -> str:
    """Spell a chairing role one way: "vice chair" -> "Vice-Chair"."""
    compact = "".join(c for c in text.casefold() if c.isalpha())
    if compact.startswith("in"):
        return "in the Chair"
    for prefix, spelled in (("vice", "Vice-"), ("deputy", "Deputy "), ("depute", "Depute ")):
        if compact.startswith(prefix):
            return spelled + compact[len(prefix) :].capitalize()
    return compact.capitalize()


def _chair_role(text: str, start: int, end: int) -> str | None:
    if end - start > 40:
        return None
    match = _CHAIR_RE.fullmatch(text, start, end)
    return _normalise_role(match.group()) if match is not None else None


def _singular_honorific(written: str) -> str:
    title = " ".join(written.split()).rstrip(".")
    folded = title.casefold()
    if folded.endswith(("councillors", "cllrs")):
        return title[:-1]
    if folded.endswith("aldermen"):
        return title[:-2] + ("a" if title[-2] == "e" else "A") + title[-1]
    return title


def _valid_name_token(token: str) -> bool:
    word = token.rstrip(".,")
    if not word or not word[0].isalpha():
        return False
    if not all(c.isalpha() or c in "'’-." for c in word):
        return False
    if word[0].isupper():
        return True
    if word.casefold() in _PARTICLES:
        return True
    return len(word) > 2 and word[0] in "dlo" and word[1] in "'’"


def _is_role_word(token: str) -> bool:
    return token.strip(".,'’").casefold() in _ROLE_WORDS_FOLDED


def _is_title_word(token: str) -> bool:
    return token.strip(".,'’").casefold() in _TITLE_WORDS_FOLDED


class _Side(NamedTuple):
    honorific: str | None
    name_start: int
    name_end: int
    role: str | None
    notes: list[str]
    plausible: bool
    namelike: bool


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) at commas/semicolons outside nested brackets."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for match in _ITEM_SEP_RE.finditer(text, start, end):
        token = match.group()
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            items.append(_trim(text, item_start, match.start()))
            item_start = match.end()
    items.append(_trim(text, item_start, end))
    return [(a, b) for a, b in items if a < b]


def _analyse_side(text: str, start: int, end: int) -> _Side:
    """Take apart the part of a person entry that should hold the name."""
    start, end = _trim(text, start, end)
    if end - start > _MAX_NAME_SIDE:  # far too long for a name and its notes
        return _Side(None, start, start, None, [], False, False)
    # Segments outside brackets, and the contents of top-level brackets.
    outside: list[tuple[int, int]] = []
    brackets: list[tuple[int, int]] = []
    depth = 0
    seg_start = start
    for match in _PAREN_RE.finditer(text, start, end):
        if match.group() in _OPEN:
            if depth == 0:
                outside.append((seg_start, match.start()))
                seg_start = match.end()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                brackets.append((seg_start, match.start()))
                seg_start = match.end()
    (brackets if depth > 0 else outside).append((seg_start, end))

    role: str | None = None
    notes: list[str] = []
    for a, b in brackets:
        rest: list[str] = []
        for ia, ib in _split_items(text, a, b):
            chair = _chair_role(text, ia, ib)
            if chair is None and role is None:
                # "(Vice-Chair in the Chair)": the chairing role is the suffix.
                suffix = _CHAIR_SUFFIX_RE.search(text, max(ia, ib - 40), ib)
                if suffix is not None and suffix.group("role")[:2].casefold() == "in":
                    role = "in the Chair"
                    ib = _trim(text, ia, suffix.start())[1]
                    if ia < ib:
                        rest.append(text[ia:ib])
                    continue
            if chair is not None and role is None:
                role = chair
            else:
                rest.append(text[ia:ib])
        if rest:
            notes.append(", ".join(rest))

    segments = [_trim(text, a, b) for a, b in outside]
    segments = [(a, b) for a, b in segments if a < b]
    if not segments:
        return _Side(None, start, start, role, notes, False, False)
    (ns, ne), extras = segments[0], segments[1:]
    for a, b in extras:
        if _POST_NOMINALS_ONLY_RE.fullmatch(text, a, b) is not None:
            continue
        chair = _chair_role(text, a, b)
        if chair is not None and role is None:
            role = chair
        else:
            notes.append(text[a:b])

    honorific: str | None = None
    core_start = ns
    hon = _HONORIFIC_RE.match(text, ns, ne)
    if hon is not None:
        honorific = _singular_honorific(hon.group())
        if hon.group("office") is not None:
            ns, ne = _trim(text, hon.end(), ne)
            personal = _HONORIFIC_RE.match(text, ns, ne)
            if personal is not None and personal.group("personal") is not None:
                core_start = personal.end()
            else:
                core_start = ns
        else:
            core_start = hon.end()
    else:
        # "Deputy" before a personal name is an office held (an alderman's
        # deputy), not a word of the name; before a job title it is the title.
        deputy = _DEPUTY_RE.match(text, ns, ne)
        if deputy is not None:
            rest = text[deputy.end() : ne].split()
            if 2 <= len(rest) <= 4 and all(_valid_name_token(t) and not _is_title_word(t) for t in rest):
                honorific = "Deputy"
                ns = core_start = deputy.end()

    # Trailing post-nominals and "in the Chair" style suffixes.
    while ne > core_start:
        window = max(core_start, ne - 40)
        suffix = _POST_NOMINAL_SUFFIX_RE.search(text, window, ne)
        if suffix is None:
            suffix = _CHAIR_SUFFIX_RE.search(text, window, ne)
            if suffix is None:
                break
            if role is None:
                role = _normalise_role(suffix.group("role"))
        ns, ne = _trim(text, ns, suffix.start())
        while ne > ns and text[ne - 1] == ",":
            ns, ne = _trim(text, ns, ne - 1)

    plausible = False
    namelike = False
    if ns < ne and ne - core_start <= _MAX_NAME_SIDE:
        core = text[core_start:ne].split()
        if 1 <= len(core) <= 6 and all(_valid_name_token(t) for t in core):
            plausible = not all(_is_title_word(t) for t in core)
            namelike = (
                plausible
                and not any(_is_role_word(t) for t in core)
                and (2 <= len(core) <= 4 or (honorific is not None and len(core) <= 4))
            )
    return _Side(honorific, ns, ne, role, notes, plausible, namelike)


def _first_separator(text: str, start: int, end: int) -> tuple[int, int] | None:
    depth = 0
    for match in _PERSON_SEP_RE.finditer(text, start, end):
        token = match.group()
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            return match.start(), match.end()
    return None


# An attendance entry is read several times (for the person, for an office,
# for grouping entries); the answer depends on the text alone and is an
# immutable tuple, so it is kept.
@functools.lru_cache(maxsize=1024)
def parse_person(text: str) -> PersonParts | None:
    """Take one person's entry in minutes apart into :class:`PersonParts`.

    "Councillor Jan Example (Chairman)" gives honorific "Councillor", name
    "Jan Example", role "Chairman"; "Elaine Sample, Diocesan co-optee" gives
    description "Diocesan co-optee"; with a dash, as in "Head of Service -
    Pat Example", the side that looks like a personal name is the name.
    Returns None when the text holds no plausible name.
    """
    start, end = _trim_final_stop(text, 0, len(text))
    label_role: str | None = None
    label = _CHAIR_LABEL_RE.match(text, start, end)
    if label is not None:
        label_role = _normalise_role(label.group("role"))
        start = label.end()
    if start >= end or _chair_role(text, start, end) is not None:
        return None  # nothing, or a chairing role alone ("Vice Chair"): no name

    description: tuple[int, int] | None = None
    # A name side is short, so the separator is looked for near the start only.
    separator = _first_separator(text, start, min(end, start + _MAX_NAME_SIDE))
    if separator is None:
        side = _analyse_side(text, start, end)
        if not side.plausible:
            return None
    else:
        side = _analyse_side(text, start, separator[0])
        description = (separator[1], end)
        if not side.namelike:
            tail = _analyse_side(text, separator[1], end)
            if tail.namelike or (tail.plausible and not side.plausible):
                side, description = tail, (start, separator[0])
            elif not side.plausible:
                return None

    desc_role: str | None = None
    desc_text: str | None = None
    if description is not None:
        da, db = _trim(text, *description)
        while db > da and text[db - 1] in ",;":
            da, db = _trim(text, da, db - 1)
        desc_role = _chair_role(text, da, db)
        if desc_role is None and da < db and _POST_NOMINALS_ONLY_RE.fullmatch(text, da, db) is None:
            desc_text = text[da:db]

    return PersonParts(
        honorific=side.honorific,
        name=text[side.name_start : side.name_end],
        role=label_role or side.role or desc_role,
        description=desc_text,
        note="; ".join(side.notes) or None,
        name_start=side.name_start,
        name_end=side.name_end,
    )
