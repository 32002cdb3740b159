"""Assemble a :class:`Document` from the transformed parse tree.

The transformer gives nodes in document order; this step reads the facts a
reader wants out of them — the meeting, who attended, what each item is —
without moving or dropping any node.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

import attrs

from ._inline import (
    counted_after,
    find_counts,
    find_dates,
    find_money,
    find_percentages,
    parse_date,
    parse_person,
    parse_time,
    split_name_list,
)
from ._model import (
    TEXTUAL_NODES,
    AgendaItem,
    Attendance,
    AttendanceBlock,
    AttendanceKind,
    Block,
    Document,
    DocumentKind,
    Figure,
    FigureKind,
    Heading,
    ItemKind,
    Marker,
    MarkerKind,
    Meeting,
    MeetingEnd,
    Paragraph,
    Person,
    Point,
    Resolution,
    Span,
    walk,
)
from ._proceedings import proceedings
from ._transform import ParsedTree

__all__ = ["assemble"]

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

_ITEM_KINDS: tuple[tuple[ItemKind, re.Pattern[str]], ...] = (
    (ItemKind.APOLOGIES, re.compile(r"\bapolog", re.I)),
    (
        ItemKind.DECLARATIONS,
        re.compile(r"\b(?:disclosures?|declarations?)\b.*\binterests?\b|\binterests?\b", re.I),
    ),
    (ItemKind.PREVIOUS_MINUTES, re.compile(r"^(?:to (?:approve|confirm|agree) )?(?:the )?minutes\b", re.I)),
    (ItemKind.URGENT_BUSINESS, re.compile(r"\burgent (?:business|items?)\b", re.I)),
    (
        ItemKind.EXEMPT_ITEMS,
        re.compile(r"\bexempt (?:items?|information)\b|\bexclusion of (?:the )?(?:press|public)\b", re.I),
    ),
    (
        ItemKind.PUBLIC_QUESTIONS,
        re.compile(
            r"\bpublic (?:questions?|speaking|participation)\b|questions from (?:members of )?the public",
            re.I,
        ),
    ),
    (ItemKind.WORK_PROGRAMME, re.compile(r"\bwork ?programme\b|\bforward plan\b", re.I)),
)

_NO_APOLOGIES = re.compile(
    r"\b(?:there were no|no) apologies\b|\bno apologies (?:for absence )?(?:were|had been) received\b", re.I
)
_APOLOGIES_FROM = re.compile(
    r"\bapologies(?: for absence)? (?:were|was) (?:received|submitted|given|tendered)"
    r" (?:from|by|on behalf of)\s+",
    re.I,
)
_AGREED = re.compile(
    r"\b(?:were|be|was|being) (?:agreed|approved|confirmed|signed|accepted)\b|\bcorrect record\b", re.I
)
_COMMITTEE = re.compile(
    r"(?P<name>[A-Z][A-Za-z&,'()\- ]*?(?:Sub-Committee|Sub-committee|Committee|Panel|Board|Commission|Forum"
    r"|SUB-COMMITTEE|COMMITTEE|PANEL|BOARD|COMMISSION|FORUM))\b"
)
_MEETING_OF = re.compile(r"^(?:(?:MEETING|Meeting|Minutes|MINUTES) OF (?:THE|the|a|A)\s*)")
_VENUE = re.compile(r"^(?:Venue|VENUE|Place|Location)\s*:\s*(?P<v>.+?)\.?(?:\s+View directions)?$")
_HELD_AT = re.compile(r"\b(?:held|met) (?:at|in) (?:the )?(?P<v>[A-Z][^.]{2,120})")
_LABEL = re.compile(r"^[^:]{0,60}:\s*(?:-\s*)?")
_COOPTEE = re.compile(r"co-?opt", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:Director|Head|Officer|Manager|Chief|Executive|Assistant|Clerk|Lead|Leader|Member|Advisor|Adviser"
    r"|Co-?optee|representative|Inspector|Commissioner|Solicitor|Lawyer|Coordinator|Co-ordinator|Analyst"
    r"|Secretary|Treasurer|Governor|Superintendent|Portfolio|Cabinet)\b",
    re.I,
)


def _classify_item(title: str) -> ItemKind:
    for kind, pattern in _ITEM_KINDS:
        if pattern.search(title):
            return kind
    return ItemKind.SUBSTANTIVE


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


def _person(text: str, base: int, kind: AttendanceKind, plural_honorific: str | None) -> Person | None:
    parts = parse_person(text)
    if parts is None:
        return None
    honorific = parts.honorific or plural_honorific
    description = parts.description
    if kind is AttendanceKind.PRESENT and description and _COOPTEE.search(description):
        kind = AttendanceKind.CO_OPTEE
    stripped = text.rstrip(" .;,")
    lead = len(text) - len(text.lstrip())
    return Person(
        span=Span(start=base + lead, end=base + len(stripped)),
        name=parts.name,
        honorific=honorific,
        role=parts.role,
        description=description,
        kind=kind,
    )


_PLURAL = re.compile(r"^(?:County\s+)?(Councillors|Cllrs\.?|Aldermen)\s+")


def people_in_text(text: str, base: int, kind: AttendanceKind) -> list[Person]:
    """The people named in one attendance entry line starting at ``base``."""
    plural = None
    m = _PLURAL.match(text)
    offset = 0
    if m:
        plural = "Councillor" if m.group(1).startswith(("Councillors", "Cllr")) else "Alderman"
        offset = m.end()
    body = text[offset:]
    # "Name, Office" is one person with a description; "A, B and C" is a list.
    first_comma = body.find(",")
    if plural is None and first_comma > 0 and _ROLE_WORDS.search(body[first_comma:]):
        person = _person(body, base + offset, kind, None)
        return [person] if person else []
    people: list[Person] = []
    for start, end in split_name_list(body):
        person = _person(body[start:end], base + offset + start, kind, plural)
        if person is not None:
            people.append(person)
    return people


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


def _block_people(block: AttendanceBlock, source: str) -> list[Person]:
    people: list[Person] = []
    for i, line in enumerate(block.lines):
        text = source[line.span.start : line.span.end]
        base = line.span.start
        if isinstance(line, Point):
            own = line.text
            at = text.find(own[:20]) if own else -1
            if at < 0:
                continue
            text, base = text[at:], base + at
        elif i == 0:
            m = _LABEL.match(text)
            if m is None or (block.kind is AttendanceKind.OFFICER and text.rstrip().endswith(":")):
                continue
            text, base = text[m.end() :], base + m.end()
        text = text.split("\n")[0] if "\n" in text and i == 0 else text
        for piece in text.split("\n"):
            if piece.strip():
                people.extend(people_in_text(piece, base, block.kind))
            base += len(piece) + 1
    return people


def _apologies_from_text(text: str, base: int) -> list[Person]:
    m = _APOLOGIES_FROM.search(text)
    if m is None:
        return []
    rest = text[m.end() :]
    stop = re.search(r"[.;](?:\s|$)", rest)
    rest = rest[: stop.start()] if stop else rest
    return people_in_text(rest, base + m.end(), AttendanceKind.APOLOGIES)


# ---------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------


def _group_attendance(blocks: Sequence[Block]) -> list[Block]:
    """Fold the paragraphs that follow an attendance label into its block."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(prev, AttendanceBlock) and isinstance(block, Paragraph):
            out[-1] = attrs.evolve(
                prev, span=Span(start=prev.span.start, end=block.span.end), lines=(*prev.lines, block)
            )
        else:
            out.append(block)
    return out


def _meeting(front: Sequence[Block], closing: Sequence[Block], source: str) -> Meeting:
    committee: str | None = None
    date = None
    start_time = None
    venue: str | None = None
    spans: list[Span] = []
    texts = [b for b in front if isinstance(b, (Heading, Paragraph))]
    for block in texts:
        text = block.text
        if venue is None:
            v = _VENUE.match(text) or _HELD_AT.search(text)
            if v:
                venue = v.group("v").strip().rstrip(".")
                # A line that names the place may give the date too:
                # "… held at the Town Hall on 8 October 2024 at 6.30pm".
        if date is None:
            found = find_dates(text)
            if found:
                date = found[0][2]
                start_time = parse_time(text[found[0][1] :]) or parse_time(text)
                spans.append(block.span)
        if committee is None:
            stripped = _MEETING_OF.sub("", text)
            if stripped.lower().startswith(("minutes of", "held on")):
                continue
            m = _COMMITTEE.match(stripped)
            if m and len(m.group("name")) <= 120:
                committee = m.group("name").strip(" ,-")
                spans.append(block.span)
    end_time = None
    for node in closing:
        if isinstance(node, MeetingEnd):
            end_time = node.time
            break
    span = Span(start=min(s.start for s in spans), end=max(s.end for s in spans)) if spans else None
    return Meeting(
        committee=committee, date=date, start_time=start_time, end_time=end_time, venue=venue, span=span
    )


# ---------------------------------------------------------------------------
# Items
# ---------------------------------------------------------------------------


def _texts(blocks: Iterable[Block]) -> Iterable[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Resolution):
            yield block.intro
            yield from block.body


def _finish_item(
    item: AgendaItem, source: str, apologies: list[Person] | None
) -> tuple[AgendaItem, list[Person] | None]:
    kind = _classify_item(item.title)
    minutes = item.minutes
    previous_date: datetime.date | None = None
    previous_agreed: bool | None = None
    if kind is ItemKind.PREVIOUS_MINUTES:
        previous_date = parse_date(item.title)
        for p in _texts(minutes):
            if previous_date is None:
                previous_date = parse_date(p.text)
            if _AGREED.search(p.text):
                previous_agreed = True
        if any(_AGREED.search(o.text) for o in item.outcomes()):
            previous_agreed = True
    if kind is ItemKind.APOLOGIES:
        for p in _texts(minutes):
            if _NO_APOLOGIES.search(p.text):
                apologies = apologies or []
            found = _apologies_from_text(source[p.span.start : p.span.end], p.span.start)
            if found:
                apologies = (apologies or []) + found
    officers: list[Person] = []
    for node in (*item.agenda, *(b for s in item.sections for b in s.blocks)):
        if isinstance(node, AttendanceBlock) and node.kind is AttendanceKind.OFFICER:
            officers.extend(_block_people(node, source))
    finished = attrs.evolve(
        item,
        kind=kind,
        previous_minutes_date=previous_date,
        previous_minutes_agreed=previous_agreed,
        officers=tuple(officers),
    )
    return finished, apologies


def _figures(roots: Iterable[object], source: str) -> tuple[Figure, ...]:
    """Money, percentages and counts in the text each textual node owns, in order."""
    found: list[Figure] = []
    for root in roots:
        for node in walk(root):
            if not isinstance(node, TEXTUAL_NODES):
                continue
            span: Span = node.span  # type: ignore[attr-defined]
            kids = getattr(node, "points", ())
            end = kids[0].span.start if kids else span.end
            text = source[span.start : end]
            for kind, finder in ((FigureKind.MONEY, find_money), (FigureKind.PERCENTAGE, find_percentages)):
                for start, stop, value in finder(text):
                    after = counted_after(
                        text, stop, of_only=kind is FigureKind.PERCENTAGE, money=kind is FigureKind.MONEY
                    )
                    if after is not None:
                        stop = after[1]
                    found.append(
                        Figure(
                            span=Span(start=span.start + start, end=span.start + stop),
                            kind=kind,
                            value=value,
                            text=text[start:stop],
                            unit=after[0] if after is not None else None,
                        )
                    )
            for start, stop, value, unit in find_counts(text):
                found.append(
                    Figure(
                        span=Span(start=span.start + start, end=span.start + stop),
                        kind=FigureKind.COUNT,
                        value=value,
                        text=text[start:stop],
                        unit=unit,
                    )
                )
    found.sort(key=lambda f: f.span)
    return tuple(found)


def assemble(tree: ParsedTree, source: str, encoding: str | None = None) -> Document:
    """Build the document from the transformer's result."""
    front = _group_attendance(tree.front_matter)
    people: dict[AttendanceKind, list[Person]] = {k: [] for k in AttendanceKind}
    apologies: list[Person] | None = None
    for block in front:
        if isinstance(block, AttendanceBlock):
            found = _block_people(block, source)
            if block.kind is AttendanceKind.APOLOGIES:
                apologies = (apologies or []) + found
                continue
            for person in found:
                people[person.kind].append(person)
        elif isinstance(block, Paragraph):
            found = _apologies_from_text(source[block.span.start : block.span.end], block.span.start)
            if found:
                apologies = (apologies or []) + found
            elif _NO_APOLOGIES.search(block.text):
                apologies = apologies or []
    items: list[AgendaItem] = []
    for item in tree.items:
        item, apologies = _finish_item(item, source, apologies)
        items.append(item)
        people[AttendanceKind.OFFICER].extend(item.officers)
    if apologies is not None:
        apologies = _unique(apologies)
    attendance = Attendance(
        present=tuple(people[AttendanceKind.PRESENT]),
        co_optees=tuple(people[AttendanceKind.CO_OPTEE]),
        also_attending=tuple(people[AttendanceKind.ALSO_ATTENDING]),
        officers=tuple(people[AttendanceKind.OFFICER]),
        apologies=None if apologies is None else tuple(apologies),
        substitutes=tuple(people[AttendanceKind.SUBSTITUTE]),
    )
    is_item_page = bool(items) and any(
        isinstance(n, Marker) and n.kind is MarkerKind.AGENDA_ITEM_BANNER for n in items[0].heading
    )
    meeting = _meeting(front, tree.closing, source)
    # Proceedings: exchanges, stances, commitments, references and votes (_proceedings.py).
    items = [proceedings(item, source, attendance, meeting.date) for item in items]
    return Document(
        source=source,
        kind=DocumentKind.AGENDA_ITEM if is_item_page else DocumentKind.MEETING,
        meeting=meeting,
        attendance=attendance,
        front_matter=tuple(front),
        items=tuple(items),
        closing=tuple(tree.closing),
        figures=_figures((*front, *items, *tree.closing), source),
        encoding=encoding,
    )
