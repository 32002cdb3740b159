"""Visitors in prose: people an item's minutes name in running text.

Reads: "The Chair welcomed Dr Jo Example, Medical Director, …", "Jo
Example (Cabinet Member) said …", "… attended for this item".  Guarantees:
council staff named in prose are not visitors; patterns are searched only
near their trigger words, so a long paragraph costs one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..._model import (
    AgendaItem,
    AttendanceKind,
    Heading,
    Person,
)
from ...parsing import patterns as rx
from .entries import _COUNCILLOR, _OFFICE_OF_STAFF, _OUTSIDE_BODY, _person, people_in_text

_P_TITLE = (
    r"(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Reverend|Revd|Canon|PCSO|(?:Detective\s+)?(?:Chief\s+)?"
    r"(?:Inspector|Superintendent|Sergeant|Constable))\.?\s+)"
)
_P_WORD = r"[A-Z][\w'’-]+"
_P_NAME = rf"(?:{_P_TITLE}{{1,2}}{_P_WORD}(?:\s+{_P_WORD}){{0,2}}|{_P_WORD}(?:\s+{_P_WORD}){{1,2}})"
_P_APPOSITION = r"[^,;.()]{3,90}"
_SPOKE = (
    r"(?:said|presented|introduced|explained|outlined|gave|reported|replied|responded|questioned|confirmed|added"
    r"|stated|attended|addressed|spoke|answered|informed|highlighted|described|updated|advised|summarised)\b"
)
#: "Jo Example, Head of X at the Trust, presented …", "… and Sam Sample, its Lead, presented".
_NAMED_SPEAKERS = rx.compile(
    rf"(?P<p1>{_P_NAME}),\s+(?P<a1>{_P_APPOSITION}),\s+(?:and\s+(?P<p2>{_P_NAME}),\s+(?P<a2>{_P_APPOSITION}),\s+)?"
    rf"{_SPOKE}"
)
# The patterns below are searched through an item's whole text, so each opens
# with a word, its word boundary written as a look-behind after it
# ("welcomed(?<!\wwelcomed)" for "\bwelcomed"): Python's engine then skips
# ahead to the word's letters instead of trying the pattern at every
# character, many times quicker (tests/test_attendance_prose.py checks the
# two forms find the same).
#: "the Portfolio Holder for X, Councillor Jo Example, said …".
_CABINET_SPEAKER = rx.compile(
    r"(?:Portfolio(?<!\wPortfolio)\s+Holder|Cabinet(?<!\wCabinet)\s+Member|Executive(?<!\wExecutive)\s+Member"
    r"|Lead(?<!\wLead)\s+Member|Leader(?<!\wLeader)\s+of\s+the\s+Council|Deputy(?<!\wDeputy)\s+Leader)\b"
    rf"[^,.;]{{0,80}},\s+(?P<p1>(?:Councillor|Cllr)\.?\s+{_P_WORD}(?:\s+{_P_WORD}){{0,2}}),"
)
_WELCOMED = rx.compile(
    r"welcomed(?<!\wwelcomed)\s+(?P<list>[^.]{5,400}?)(?:\s+to\s+the\s+(?:meeting|panel|committee)|:|\.(?:\s|$))"
)
_PROSE_ATTENDED = rx.compile(
    rf"(?P<p1>{_P_NAME})(?:\s+(?:of|from)\s+[^,.;]{{3,80}}?)?\s+attended\b(?!\s+as\s+(?:a\s+)?substitute)"
)
_MEMBER_APPOSITION = rx.compile(r"\b(?:chair|vice|member\s+of\s+the|ward\s+member)", re.I)
_FROM_OUTSIDE = rx.compile(rf"\b(?:its|their)\b|{_OUTSIDE_BODY.pattern}", re.I)


def _staff_apposition(apposition: str, name: str) -> bool:
    """Whether "Jo Example, <apposition>," reads as council staff (named in prose, not a visitor)."""
    if _COUNCILLOR.match(name):
        return False
    return bool(_OFFICE_OF_STAFF.search(apposition)) and not _FROM_OUTSIDE.search(apposition)


_AFTER_OK = rx.compile(r"(?:^|[.;:!?]\s*|\n\s*|\b(?:and|by|from|with|In\s+response,?)\s+)$")


def _prose_person(text: str, base: int, start: int, end: int) -> Person | None:
    if not _AFTER_OK.search(text[max(0, start - 20) : start]):
        return None  # mid-phrase: "… the Dunmere Teaching Hospitals …"
    person = _person(text[start:end], base + start, AttendanceKind.ALSO_ATTENDING, None)
    if person is None or (person.honorific is None and len(person.name.split()) < 2):
        return None
    return person


#: Groups of words, each match of a prose pattern holding a word of every group (as written,
#: case and all): a text missing every word of a group is not searched at all.  (Both tables
#: are keyed by the patterns' ids: hashing a compiled pattern hashes its whole code, on every
#: lookup.)  A cabinet member named as they answer is named with a title after the comma:
#: "…, Councillor Jo Example," (or "Cllr"), checked after the office's own word.
_NEEDS: dict[int, tuple[tuple[str, ...], ...]] = {
    id(_WELCOMED): (("welcomed",),),
    id(_CABINET_SPEAKER): (("Holder", "Member", "Leader"), ("Councillor", "Cllr")),
    id(_PROSE_ATTENDED): (("attended",),),
}
#: The word each prose pattern must end on (or start with), found first so the pattern runs only near it.
_TRIGGERS: dict[int, re.Pattern[str]] = {
    id(_NAMED_SPEAKERS): rx.compile(rf",\s+{_SPOKE}"),
    id(_PROSE_ATTENDED): rx.compile(r"attended(?<!\wattended)\b"),
}
#: The words a match of a prose pattern starts with: it is tried only where one of them stands
#: (found by ``str.find``), not searched through the whole text.
_STARTS: dict[int, tuple[str, ...]] = {
    id(_CABINET_SPEAKER): ("Portfolio", "Cabinet", "Executive", "Lead", "Deputy"),
}
_REACH = 420
"""Longer than any match of a prose pattern before its trigger word."""


def _matches_near(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """The matches of ``pattern`` at its trigger words, searching only around each one.

    The search runs from :data:`_REACH` characters before a trigger to 40
    after it, so a look-ahead ("not as a substitute") still sees its words.
    """
    for needs in _NEEDS.get(id(pattern), ()):
        if not any(word in text for word in needs):
            return
    starts = _STARTS.get(id(pattern))
    if starts is not None:
        yield from _matches_at(pattern, text, starts)
        return
    trigger = _TRIGGERS.get(id(pattern))
    if trigger is None:
        yield from pattern.finditer(text)
        return
    seen: set[int] = set()
    for t in trigger.finditer(text):
        for m in pattern.finditer(text, max(0, t.start() - _REACH), t.end() + 40):
            if m.start() not in seen:
                seen.add(m.start())
                yield m


def _matches_at(pattern: re.Pattern[str], text: str, words: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (whose matches each start with one of ``words``) in ``text``, in order.

    What ``pattern.finditer(text)`` gives: each match is the first starting at
    or after the end of the one before, and a match can start only at a word.
    """
    at: set[int] = set()
    for word in words:
        i = text.find(word)
        while i >= 0:
            at.add(i)
            i = text.find(word, i + 1)
    end = 0
    for i in sorted(at):
        if i < end:
            continue
        m = pattern.match(text, i)
        if m is not None:
            end = m.end()
            yield m


def _visitors_in_prose(text: str, base: int) -> list[Person]:
    """Visitors the minutes name in prose.

    The people welcomed to the meeting ("The Chair welcomed Dr Jo Example,
    Medical Director, and …", or "welcomed the following witnesses:" over a
    table), people introduced with their office as they speak ("Jo Example,
    Chief Executive of the Trust, presented …"), a cabinet member named as
    they answer, and a named person who "attended" (not as a substitute).
    """
    found: list[Person] = []
    for m in _matches_near(_WELCOMED, text):
        if m.group(0).endswith(":"):
            after = text[m.end() :]
            for line in after.split("\n")[:20]:
                cells = [c.strip() for c in line.split("|")]
                if len(cells) < 2 or not cells[0] or cells[0].casefold() == "name":
                    if found and not line.strip().strip("\u00a0"):
                        continue
                    continue
                at = base + m.end() + after.find(line)
                person = _person(cells[0], at, AttendanceKind.ALSO_ATTENDING, None)
                if person is not None and (person.honorific or len(person.name.split()) >= 2):
                    found.append(person)
            continue
        for person in people_in_text(m.group("list"), base + m.start("list"), AttendanceKind.ALSO_ATTENDING):
            if person.honorific is not None or len(person.name.split()) >= 2:
                found.append(person)
    for pattern in (_NAMED_SPEAKERS, _CABINET_SPEAKER, _PROSE_ATTENDED):
        for m in _matches_near(pattern, text):
            for k in ("1", "2"):
                name = m.groupdict().get("p" + k)
                if name is None:
                    continue
                apposition = m.groupdict().get("a" + k)
                if apposition and (
                    _MEMBER_APPOSITION.search(apposition) or _staff_apposition(apposition, name)
                ):
                    continue
                if pattern is _CABINET_SPEAKER:
                    person = _person(name, base + m.start("p1"), AttendanceKind.ALSO_ATTENDING, None)
                else:
                    person = _prose_person(text, base, m.start("p" + k), m.end("p" + k))
                if person is not None:
                    found.append(person)
    return found


def _item_visitors(item: AgendaItem, source: str) -> list[Person]:
    """Visitors named in prose in an item's minutes (and a minute run on into its heading)."""
    found: list[Person] = []
    for h in item.heading:
        if isinstance(h, Heading):
            found.extend(_visitors_in_prose(source[h.span.start : h.span.end], h.span.start))
    blocks = item.minutes
    if blocks:
        start, end = blocks[0].span.start, blocks[-1].span.end
        found.extend(_visitors_in_prose(source[start:end], start))
    return found
