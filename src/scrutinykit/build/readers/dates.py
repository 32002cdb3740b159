"""Dates: "Tuesday 19 September 2017", "19th Sept, 2017", "19/09/2017", "2017-09-19".

Reads: calendar dates written day-first in words or digits, month-first in
words ("September 19, 2017") and ISO.  Guarantees: :func:`find_dates` gives
``(start, end, date)`` in text order with spans into the string passed in, a
leading weekday inside the span; impossible dates (31 February) are skipped;
text without four digits in a row costs one scan and gives nothing; no input
raises.  A new date form is a new branch of ``_DATE_RE`` here.
"""

from __future__ import annotations

import datetime
import re

from ...parsing import patterns as rx

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
