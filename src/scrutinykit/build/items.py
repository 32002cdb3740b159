"""Items: each agenda item's kind, its previous-minutes date, its own people and duplicate outcomes.

Reads: the item's title (its kind: apologies, declarations, previous
minutes …), its paragraphs (the date of the minutes approved and whether
they were agreed; apologies; officer lists and visitors) and its outcomes.
Guarantees: no node is moved or dropped; a repeated outcome stays and is
marked as the duplicate of the first.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable
from typing import Final

import attrs

from .._model import (
    AgendaItem,
    AttendanceBlock,
    AttendanceKind,
    Block,
    Heading,
    ItemKind,
    Outcome,
    Paragraph,
    Person,
    Resolution,
    Span,
)
from ..parsing import patterns as rx
from ..parsing.vocabulary import Patterns
from .attendance.apologies import _NO_APOLOGIES, _apologies_from_text
from .attendance.entries import _AGREED, _COOPTEE
from .attendance.labelled import _block_people
from .attendance.roll_calls import _roll_call
from .attendance.wrapped import _OWN_LABEL
from .item_kinds import _classify_item
from .readers import (
    parse_date,
)


def _item_lines(item: AgendaItem) -> Iterable[Heading | Paragraph]:
    """The item's own lines of text: its agenda text and its sections' paragraphs."""
    yield from (b for b in item.agenda if isinstance(b, (Heading, Paragraph)))
    for section in item.sections:
        yield from (b for b in section.blocks if isinstance(b, (Heading, Paragraph)))


def _texts(blocks: Iterable[Block]) -> Iterable[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Resolution):
            yield block.intro
            yield from block.body


#: A paragraph whose last sentence has not ended (no stop, colon or bracket at its end).
_RUNS_ON = rx.compile(r"[\w,]\s*\Z")


def _finish_item(
    item: AgendaItem, source: str, apologies: list[Person] | None, vocab: Patterns
) -> tuple[AgendaItem, list[Person] | None, list[Person]]:
    """The item with its kind, minutes date and officers; the apologies so far; the people of its lists.

    The people are those of the item's officer lists (:func:`_officer_list_people`), read once here
    for its officers and handed back for the rest of them.
    """
    kind = _classify_item(item.title)
    blocks = _item_blocks(item, source, vocab)
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
        # The minute may run on in the heading: "611  APOLOGIES – Apologies … were received from …".
        listed = _listed(blocks)  # names under "Present:" are no bare list of apologies
        # A list under another label ("Committee Members:" / "Cllrs …") names who attended.
        others = {
            id(after)
            for before, after in itertools.pairwise(minutes)
            if isinstance(before, AttendanceBlock)
            and before.kind is not AttendanceKind.APOLOGIES
            and len(before.lines) == 1
            and _label_alone(before.lines[0].text, vocab)
        }
        texts: list[Heading | Paragraph] = [
            *(h for h in item.heading if isinstance(h, Heading)),
            *(p for p in _texts(minutes) if id(p) not in others or "pologi" in p.text),
        ]
        for k, node in enumerate(texts):
            if _NO_APOLOGIES.search(node.text):
                apologies = apologies or []
            written = source[node.span.start : node.span.end]
            after = texts[k + 1] if k + 1 < len(texts) else None
            if isinstance(node, Paragraph) and isinstance(after, Paragraph) and _RUNS_ON.search(node.text):
                # A sentence cut by a page break runs on in the next paragraph: "… Mr Jo" / "Example, …";
                # the break is read as a space (offsets unchanged).
                gap = after.span.start - node.span.end
                written += " " * gap + source[after.span.start : after.span.end]
            found = _apologies_from_text(
                written,
                node.span.start,
                under_heading=not isinstance(node, Heading) and node.span.start not in listed,
            )
            if found:
                apologies = (apologies or []) + found
    people = _officer_list_people(blocks, source, vocab)
    officers = [p for p in people if p.kind is AttendanceKind.OFFICER]
    finished = attrs.evolve(
        item,
        kind=kind,
        previous_minutes_date=previous_date,
        previous_minutes_agreed=previous_agreed,
        officers=tuple(officers),
    )
    return finished, apologies, people


def _officer_list_people(blocks: list[Block], source: str, vocab: Patterns) -> list[Person]:
    """The people of the officer lists among an item's blocks (:func:`_item_blocks`): "The following
    officers were in attendance"."""
    found: list[Person] = []
    for node in blocks:
        if isinstance(node, AttendanceBlock) and node.kind is AttendanceKind.OFFICER:
            found.extend(_block_people(node, source, vocab))
    return found


def _item_attendance(item: AgendaItem, source: str, vocab: Patterns) -> list[Person]:
    """The people of an item's attendance lists but its officer lists (those are the item's own)."""
    found: list[Person] = []
    for node in _item_blocks(item, source, vocab):
        if isinstance(node, AttendanceBlock) and node.kind is not AttendanceKind.OFFICER:
            found.extend(_block_people(node, source, vocab))
    return found


def _item_blocks(item: AgendaItem, source: str, vocab: Patterns) -> list[Block]:
    """An item's blocks, a label alone on its line ("Present:-", "PRESENT      IN ATTENDANCE") joined by
    the paragraph of names under it."""
    out: list[Block] = []
    for block in (*item.agenda, *(b for s in item.sections for b in s.blocks)):
        prev = out[-1] if out else None
        if (
            isinstance(prev, AttendanceBlock)
            and isinstance(block, Paragraph)
            and (
                (len(prev.lines) == 1 and _label_alone(prev.lines[0].text, vocab))
                or (
                    prev.kind is AttendanceKind.PRESENT
                    and bool(_roll_call(source[block.span.start : block.span.end].split("\n", 1)[0], 0))
                )
                # a list under a label of its own: "Co-opted members: Mrs Jo Example (…)"
                or (_OWN_LABEL.match(block.text) is not None and _COOPTEE.match(block.text) is not None)
            )
        ):
            out[-1] = attrs.evolve(
                prev, span=Span(start=prev.span.start, end=block.span.end), lines=(*prev.lines, block)
            )
        else:
            out.append(block)
    return out


def _label_alone(text: str, vocab: Patterns) -> bool:
    """Whether a line is an attendance label with no names after it (perhaps two, for two columns)."""
    return (
        _LABEL_ALONE.fullmatch(text) is not None
        or vocab.attendance_label.fullmatch(text) is not None
        or vocab.attendance_two_labels.fullmatch(text) is not None
    )


def _listed(blocks: list[Block]) -> set[int]:
    """The starts of an item's paragraphs that :func:`_item_blocks` (giving ``blocks``) joins to a list of
    those present."""
    return {
        line.span.start
        for block in blocks
        if isinstance(block, AttendanceBlock) and block.kind is AttendanceKind.PRESENT
        for line in block.lines[1:]
    }


_LABEL_ALONE = rx.compile(r"[^:\n]{1,60}:-?\s*")


_LABEL_WORDS = rx.compile(
    r"^(?:(?:unanimously|it was)\s+)?(?:resolved|decision|decided|agreed|recommended)\b"
    r"[\s:;,.\-\u2013\u2014]*(?:that\b)?",
    re.IGNORECASE,
)


#: Every ASCII character but a lower-case letter or a digit, made a space (see :func:`_outcome_key`).
_NOT_ALNUM_ASCII: Final = {i: " " for i in range(128) if not ("a" <= chr(i) <= "z" or "0" <= chr(i) <= "9")}

_NOT_ALNUM: Final = rx.compile(r"[^a-z0-9]+")


def _outcome_key(outcome: Outcome) -> str:
    """An outcome's words and points, folded, without the label that opens them.

    The key is the runs of ``[a-z0-9]`` of the folded words, one space between
    each: for ASCII text the other characters are made spaces by ``translate``
    and the runs split apart (quicker than replacing each run by a pattern,
    as ``_NOT_ALNUM.sub`` does for the rest: ``str.split`` splits at every
    ASCII whitespace character, and no letter or digit is one).
    """
    words = " ".join([outcome.text, *(p.text for p in outcome.points)]).casefold()
    words = _LABEL_WORDS.sub("", " ".join(words.split()))
    if words.isascii():
        return " ".join(words.translate(_NOT_ALNUM_ASCII).split())
    return _NOT_ALNUM.sub(" ", words).strip()


def _mark_duplicates(item: AgendaItem) -> AgendaItem:
    """Mark each outcome whose words the item already recorded (a Decision block
    repeated by the minutes); both stay, the later one is the duplicate."""
    outcomes = item.outcomes()
    if len(outcomes) < 2:
        return item
    seen: set[str] = set()
    marked: dict[int, Outcome] = {}
    for outcome in outcomes:
        key = _outcome_key(outcome)
        if len(key) >= 12 and key in seen:
            marked[id(outcome)] = attrs.evolve(outcome, duplicate=True)
        seen.add(key)
    if not marked:
        return item

    def swap(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(marked.get(id(b), b) for b in blocks)

    return attrs.evolve(
        item,
        agenda=swap(item.agenda),
        sections=tuple(attrs.evolve(s, blocks=swap(s.blocks)) for s in item.sections),
    )
