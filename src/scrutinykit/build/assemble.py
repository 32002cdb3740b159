"""Assemble a :class:`Document` from the transformed parse tree: the driver.

The transformer gives nodes in document order; this step reads the facts a
reader wants out of them — the meeting, who attended, what each item is —
without moving or dropping any node.  It calls, in order:

* :mod:`.meeting` — the committee, date, time and place;
* :mod:`.attendance` — who attended, by layout: labelled lists
  (:mod:`.attendance.labelled`), wrapped lists, two columns, roll calls,
  inline lists, apologies, visitors in prose, each entry read by
  :mod:`.attendance.entries`;
* :mod:`.items` — each item's kind, minutes date, people and duplicates;
* :mod:`scrutinykit.proceedings` and :mod:`.outside` — the proceedings;
* :mod:`.figures` — money, percentages and counts.
"""

from __future__ import annotations

import attrs

from .._model import (
    AgendaItem,
    Attendance,
    AttendanceBlock,
    AttendanceKind,
    Document,
    DocumentKind,
    Heading,
    Marker,
    MarkerKind,
    Paragraph,
    Person,
    walk,
)
from ..parsing.vocabulary import Patterns, default_patterns
from ..proceedings.scanner import proceedings
from ..views.check import truncated_at
from .attendance.apologies import _NO_APOLOGIES, _apologies_from_text
from .attendance.entries import _fold, _unique
from .attendance.inline_lists import _inline_lists
from .attendance.labelled import _block_people, _group_attendance
from .attendance.prose import _item_visitors
from .attendance.roll_calls import _roll_call
from .figures import _figures
from .items import _finish_item, _item_attendance, _item_lines, _mark_duplicates
from .meeting import read_meeting
from .outside import outside_proceedings
from .transform import ParsedTree

__all__ = ["assemble"]


def assemble(
    tree: ParsedTree, source: str, encoding: str | None = None, vocab: Patterns | None = None
) -> Document:
    """Build the document from the transformer's result (``vocab``: the vocabulary it was parsed with)."""
    vocab = vocab or default_patterns()
    front = _group_attendance(tree.front_matter, source)
    people: dict[AttendanceKind, list[Person]] = {k: [] for k in AttendanceKind}
    apologies: list[Person] | None = None
    for block in front:
        if isinstance(block, AttendanceBlock):
            found = _block_people(block, source, vocab)
            if block.kind is AttendanceKind.APOLOGIES:
                apologies = apologies or []
            for person in found:
                if person.kind is AttendanceKind.APOLOGIES:
                    apologies = [*(apologies or []), person]
                elif person.kind is not AttendanceKind.ABSENT:
                    people[person.kind].append(person)
        elif isinstance(block, Paragraph):
            written = source[block.span.start : block.span.end]
            found = _apologies_from_text(written, block.span.start)
            if found:
                apologies = (apologies or []) + found
            elif _NO_APOLOGIES.search(block.text):
                apologies = apologies or []
            listed = _inline_lists(written, block.span.start, vocab)
            if not listed and not found and len(people[AttendanceKind.PRESENT]) <= 1:
                # No label: a roll call of the members, or the chair's line, before any list of them.
                listed = _roll_call(written, block.span.start)
            for person in listed:
                if person.kind is AttendanceKind.APOLOGIES:
                    apologies = [*(apologies or []), person]
                elif person.kind is not AttendanceKind.ABSENT:
                    people[person.kind].append(person)
    items: list[AgendaItem] = []
    for item in tree.items:
        item, apologies, listed_people = _finish_item(item, source, apologies, vocab)
        items.append(item)
        people[AttendanceKind.OFFICER].extend(item.officers)
        people[AttendanceKind.ALSO_ATTENDING].extend(
            p for p in listed_people if p.kind is AttendanceKind.ALSO_ATTENDING
        )
    if not people[AttendanceKind.PRESENT]:
        # No list in the front matter: a meeting page may give it in its first item's minutes.
        for item in items[:2]:
            for person in _item_attendance(item, source, vocab):
                if person.kind is AttendanceKind.APOLOGIES:
                    apologies = [*(apologies or []), person]
                elif person.kind is not AttendanceKind.ABSENT:
                    people[person.kind].append(person)
    if apologies is not None:
        apologies = _unique(apologies)
    known = {
        key
        for p in (*(q for k in people.values() for q in k), *(apologies or ()))
        for key in (_fold(p.name), _fold(p.name.split()[-1]) if p.name.split() else "")
    }
    for item in items:
        for person in _item_visitors(item, source):
            if _fold(person.name) not in known and _fold(person.name.split()[-1]) not in known:
                known.add(_fold(person.name))
                people[AttendanceKind.ALSO_ATTENDING].append(person)
    for kind in (AttendanceKind.PRESENT, AttendanceKind.ALSO_ATTENDING):
        people[kind] = _unique(people[kind])  # "Mr Jo Example in the Chair" after the list names them again
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
    # An agenda-item page prints the meeting's own line under its banner.
    page_lines = [n for n in items[0].heading if isinstance(n, Heading)][:-1] if is_item_page else []
    meeting = read_meeting(
        [*front, *page_lines], tree.closing, vocab, (n for it in items for n in _item_lines(it)), source
    )
    # Proceedings: exchanges, stances, commitments, references and votes (_proceedings.py).
    items = [_mark_duplicates(proceedings(item, source, attendance, meeting.date, vocab)) for item in items]
    # The same read before the first item and after the close (build/outside.py).
    front_proceedings = outside_proceedings(front, source, attendance, meeting, vocab)
    closing_proceedings = outside_proceedings(tree.closing, source, attendance, meeting, vocab)
    # Every node in Document.walk order, walked once for the figures and the truncation check.
    nodes = [node for root in (*front, *items, *tree.closing) for node in walk(root)]
    doc = Document(
        source=source,
        kind=DocumentKind.AGENDA_ITEM if is_item_page else DocumentKind.MEETING,
        meeting=meeting,
        attendance=attendance,
        front_matter=tuple(front),
        front_matter_proceedings=front_proceedings,
        items=tuple(items),
        closing=tuple(tree.closing),
        closing_proceedings=closing_proceedings,
        figures=_figures(nodes, source),
        encoding=encoding,
    )
    return attrs.evolve(doc, truncated=True) if truncated_at(doc, nodes) is not None else doc
