"""Due dates: when a commitment is to be done, as written and as a date.

Reads: the words after a commitment's verb (or an outcome's point) for the
``DUE_*`` terminals of ``grammar/proceedings.lark``, after one of the
``DUE_PREPOSITION`` words ("by 31 January 2025", "to the April meeting",
"within four weeks", "by the end of November"), a bracketed meeting or month
("(March 2025)"), a recurring time ("at every meeting") or a soon ("as soon
as possible").  Guarantees: a :class:`Due` with its kind, its words as
written and their span, the relation word, and a date only where the words
fix one — a month, a meeting's month or a period resolved against the
meeting's date (a month before the meeting's is next year's), English month
names whatever the process's locale; no date is guessed without a meeting
date to count from, and a bare "the meeting" is no due time.
"""

from __future__ import annotations

import datetime
import re

from .._model import Due, DueKind
from ..build.readers import find_dates
from ..parsing import patterns as rx
from . import terminals
from .terminals import vocabulary
from .text import Text

__all__ = ["due_in", "find_due"]

_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
}
# English month names, written out: calendar.month_name follows the process's
# LC_TIME locale, which the program using scrutinykit may have set.
_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august")
_MONTHS += ("september", "october", "november", "december")
_MONTH_NAMES = {name: number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_WORD = rx.compile(rf"\b({'|'.join(_MONTHS)})\b", re.I)
_YEAR = rx.compile(r"\b((?:19|20)[0-9]{2})\b")
_DAY_OF_MONTH = rx.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? ")
_PERIOD_PARTS = rx.compile(r"([a-z]+|[0-9]{1,2}) (day|week|month|year)", re.I)


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (datetime.date(year, month + 1, 1) - datetime.date(year, month, 1)).days


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, _days_in_month(year, month)))


def _month_date(text: str, meeting: datetime.date | None) -> datetime.date | None:
    mm = _MONTH_WORD.search(text)
    if mm is None:
        return None
    month = _MONTH_NAMES[mm.group(1).casefold()]
    ym = _YEAR.search(text)
    if ym is not None:
        year = int(ym.group(1))
    elif meeting is not None:
        year = meeting.year if month >= meeting.month else meeting.year + 1
    else:
        return None
    day = _days_in_month(year, month) if text.casefold().startswith(("the end of", "end of")) else 1
    dm = _DAY_OF_MONTH.match(text)
    if dm is not None:
        day = int(dm.group(1))
        if ym is None and meeting is not None and (month, day) < (meeting.month, meeting.day):
            year = meeting.year + 1  # "by 3 March" said on 20 March: next year's
        if not 1 <= day <= _days_in_month(year, month):
            return None
    return datetime.date(year, month, day)


def _resolve(kind: DueKind, text: str, meeting: datetime.date | None) -> datetime.date | None:
    if kind in (DueKind.MONTH, DueKind.MEETING):
        return _month_date(text, meeting)
    if kind is DueKind.PERIOD and meeting is not None:
        m = _PERIOD_PARTS.search(text)
        if m is None:
            return None
        count_text = m.group(1).casefold()
        count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
        if count is None:
            return None
        unit = m.group(2).casefold()
        if unit == "day":
            return meeting + datetime.timedelta(days=count)
        if unit == "week":
            return meeting + datetime.timedelta(weeks=count)
        return _add_months(meeting, count * (12 if unit == "year" else 1))
    return None


_DATE_AFTER = rx.compile(r" (?:on|of|held on) ")
_DUE_KINDS = (
    ("DUE_MEETING", DueKind.MEETING),
    ("DUE_MONTH", DueKind.MONTH),
    ("DUE_PERIOD", DueKind.PERIOD),
)
_PERIOD_RELATIONS = frozenset({"in", "within", "after", "over"})
_BARE_MEETING = rx.compile(
    r"(?:the |its |their |a |an )?meeting"
    r"(?: of (?:the )?(?:sub-committee|committee|panel|board|cabinet|council))?",
    re.IGNORECASE,
)
_BRACKET = rx.compile(r"\((?=[A-Za-z0-9])")


def due_in(t: Text, start: int, end: int, meeting: datetime.date | None) -> Due | None:
    """The first due time stated in ``text[start:end]``."""
    v = vocabulary()
    text = t.text
    low = text[start:end].casefold()
    dates: list[tuple[int, int, datetime.date]] | None = None  # read at the first preposition
    best: Due | None = None
    for m in terminals.finditer("DUE_PREPOSITION", t, start, end):
        if m.start() > start and text[m.start() - 1] not in " ('":
            continue
        relation = m.group().casefold()
        pos = m.end() + 1
        if dates is None:
            dates = [(a + start, b + start, d) for a, b, d in find_dates(text[start:end])]
        candidates: list[tuple[int, DueKind, datetime.date | None]] = []
        for a, b, d in dates:
            if a == pos or (a > pos and text[pos:a].casefold() in ("the ", "")):
                candidates.append((b, DueKind.DATE, d))
        for name, kind in _DUE_KINDS:
            if kind is DueKind.PERIOD and relation not in _PERIOD_RELATIONS:
                continue
            dm = v[name].match(text, pos, end)
            if dm is not None and dm.end() > pos:
                stop = dm.end()
                on_date: datetime.date | None = None
                if kind is DueKind.MEETING:
                    after = _DATE_AFTER.match(text, stop, end)
                    if after is not None:
                        for a, b, d in dates:
                            if a == after.end():
                                stop, on_date = b, d
                candidates.append((stop, kind, on_date))
        if not candidates:
            continue
        stop, kind, value = max(candidates, key=lambda c: c[0])
        if (
            kind is DueKind.MONTH
            and _MONTH_WORD.search(text, pos, stop) is None
            and "year" not in text[pos:stop]
            and not re.search(r"summer|autumn|winter|spring", text[pos:stop], re.I)
        ):
            continue
        phrase = text[pos:stop]
        if kind is DueKind.MEETING and _BARE_MEETING.fullmatch(phrase) and value is None:
            continue
        value = value if value is not None else _resolve(kind, phrase, meeting)
        if kind is DueKind.MONTH and _DAY_OF_MONTH.match(phrase):
            kind = DueKind.DATE  # "by 28 March": a day, its year the meeting's or the next
        best = Due(span=t.span(pos, stop), kind=kind, text=phrase, relation=relation, date=value)
        break
    if best is None and "(" in low:
        for bm in _BRACKET.finditer(text, start, end):
            dm = v["DUE_MEETING"].match(text, bm.end(), end) or v["DUE_MONTH"].match(text, bm.end(), end)
            if dm is not None and _MONTH_WORD.search(dm.group()) and not _BARE_MEETING.fullmatch(dm.group()):
                kind = DueKind.MEETING if "meeting" in dm.group().casefold() else DueKind.MONTH
                best = Due(
                    span=t.span(dm.start(), dm.end()),
                    kind=kind,
                    text=dm.group(),
                    date=_resolve(kind, dm.group(), meeting),
                )
                break
    if "every" in low or "each" in low or "ly" in low:
        for rm in terminals.finditer("DUE_RECURRING", t, start, end):
            phrase = rm.group()
            at: str | None = None
            pos = rm.start()
            if phrase.casefold().startswith("at "):
                at, pos = "at", pos + 3
            elif text.endswith(" for ", 0, pos):
                continue  # "the agenda for every meeting": which papers, not when
            if best is None or rm.start() < best.span.start - t.base:
                best = Due(
                    span=t.span(pos, rm.end()),
                    kind=DueKind.RECURRING,
                    text=text[pos : rm.end()],
                    relation=at,
                )
            break
    if best is None and ("soon" in low or "due course" in low or "shortly" in low or "once" in low):
        sm = terminals.search("DUE_SOON", t, start, end)
        if sm is not None:
            best = Due(span=t.span(sm.start(), sm.end()), kind=DueKind.SOON, text=sm.group())
    return best


def find_due(text: str, meeting: datetime.date | None = None) -> Due | None:
    """The first due time in ``text`` (spans index ``text``), resolved against ``meeting``."""
    t = Text(text, 0)
    return due_in(t, 0, len(t.text), meeting)
