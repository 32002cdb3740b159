"""Labelled lists: the attendance blocks the grammar finds ("Present:", "Apologies:", "In attendance:").

Reads: an :class:`~scrutinykit.AttendanceBlock` and the paragraphs folded
into it, line by line; a line may start a list of its own ("Also
present:"), be a heading, or say the list is empty ("None", "Nil").
Guarantees: each person comes with the list its label starts; prose folded
into a block is no list; :func:`_group_attendance` folds the paragraphs after
a label into its block without moving any other node.  A new list label is
a phrase in ``grammar/vocabulary``; a new way of laying out the lines under
a label goes here or in a module beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ..._model import (
    AttendanceBlock,
    AttendanceKind,
    Block,
    ItemKind,
    Note,
    Paragraph,
    Person,
    Point,
    Span,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns
from ..item_kinds import _classify_item
from .apologies import _apologies_from_text
from .columns import _two_column_people
from .entries import (
    _HONORIFIC_START,
    _IN_CHAIR,
    _LABEL,
    _is_heading_line,
    _is_prose,
    _label_kind,
    _line_people,
    _sub_kind,
)
from .prose import _visitors_in_prose
from .roll_calls import _TITLED
from .wrapped import _run_on_people, _wraps, unwrap_list

#: What a label says when its list is empty: "Apologies: None", "Nil.", "N/A".
_NOBODY = rx.compile(
    r"[ ]*(?:none|nil|n/a|no[ ]+apologies(?:[ ]+were[ ]+received)?)[ ]*\.?[ ]*", re.IGNORECASE
)


def _joined_lines(
    block: AttendanceBlock, source: str, vocab: Patterns
) -> list[tuple[Paragraph | Point, int, int]]:
    """The block's lines with their spans, a list wrapped over lines that the layout split joined again."""
    out: list[tuple[Paragraph | Point, int, int]] = []
    for line in block.lines:
        start, end = line.span.start, line.span.end
        if out and isinstance(line, Paragraph) and isinstance(out[-1][0], Paragraph):
            prev, a, b = out[-1]
            before = source[a:b].rsplit("\n", 1)[-1]
            first = source[start:end].split("\n", 1)[0]
            if source[b:start] == "\n" and _wraps(before, first, vocab):
                out[-1] = (prev, a, end)
                continue
        out.append((line, start, end))
    return out


def _block_people(block: AttendanceBlock, source: str, vocab: Patterns) -> list[Person]:
    """The people of an attendance block, each with the list it belongs to.

    Paragraphs folded into the block may start a list of their own ("Also
    present:", "Co-opted Members:", "In Attendance:"); a heading ends the
    block; a sentence is not a list ("The panel met at …").
    """
    people: list[Person] = []
    kind = block.kind
    columns: tuple[AttendanceKind, AttendanceKind] | None = None
    ended = False
    for i, (line, base, stop) in enumerate(_joined_lines(block, source, vocab)):
        text = source[base:stop]
        if i == 0:
            first = text.split("\n", 1)[0]
            two = vocab.attendance_two_labels.match(first)
            if two is not None:
                # "PRESENT        IN ATTENDANCE": two columns flattened into one line each.
                columns = (_sub_kind(two.group("a"), kind, vocab), _sub_kind(two.group("b"), kind, vocab))
                if len(first) + 1 >= len(text):
                    continue
                text, base = text[len(first) + 1 :], base + len(first) + 1
        if columns is not None and not isinstance(line, Point):
            found = _two_column_people(text, base, columns, vocab)
            if found is None:
                columns = None
            else:
                people.extend(found)
                continue
        if isinstance(line, Point):
            own = line.text
            if i > 0 and not _HONORIFIC_START.match(own) and _classify_item(own) is not ItemKind.SUBSTANTIVE:
                ended = True  # "1. Welcome and apologies": the first item, not a list entry
        if ended:
            people.extend(_apologies_from_text(text, base))  # that item's prose
            continue
        if isinstance(line, Point):
            at = text.find(own[:20]) if own else -1
            if at < 0:
                continue
            text, base = text[at:], base + at
        elif i == 0:
            m = _LABEL.match(text)
            if m is None or (block.kind is AttendanceKind.OFFICER and text.rstrip().endswith(":")):
                continue
            text, base = text[m.end() :], base + m.end()
        text = unwrap_list(text, vocab)
        if i == 0 and _NOBODY.fullmatch(text.split("\n")[0]):
            continue  # "Apologies: None": the list is empty, not a person called None
        for piece in text.split("\n"):
            here = base
            base += len(piece) + 1
            if not piece.strip():
                continue
            if i > 0:
                sub = vocab.attendance_label.match(piece)
                if sub is not None:
                    kind = _label_kind(sub)
                    piece, here = piece[sub.end() :], here + sub.end()
                    if not piece.strip():
                        continue
                elif _is_heading_line(piece):
                    return people
                elif _is_prose(piece) and not _IN_CHAIR.search(piece):
                    people.extend(_apologies_from_text(piece, here) or _visitors_in_prose(piece, here))
                    continue
            if "," not in piece and ";" not in piece and len(_TITLED.findall(piece)) >= 2:
                # A list with no separators ("Cllr A Example Cllr B Sample"), as a
                # flattened page gives it, perhaps running on into the next label.
                people.extend(_run_on_people(piece, here, kind, vocab))
                continue
            people.extend(_line_people(piece, here, kind))
    return people


#: A line that cannot end an entry: it ends on a separator, "and", a title or an initial.


def _group_attendance(blocks: Sequence[Block], source: str) -> list[Block]:
    """Fold the paragraphs that follow an attendance label into its block.

    A note in brackets on the next line goes on the entry it wraps ("… and Mr Jo
    Example" / "(General Counsel)"): it becomes a line of the block, as written.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(prev, AttendanceBlock)
            and isinstance(block, Note)
            and source[prev.span.end : block.span.start] == "\n"
            and source[prev.span.start : prev.span.end].rstrip()[-1:].isalpha()
        ):
            written = source[block.span.start : block.span.end]
            block = Paragraph(span=block.span, text=" ".join(written.split()))
        if isinstance(prev, AttendanceBlock) and isinstance(block, Paragraph):
            out[-1] = attrs.evolve(
                prev, span=Span(start=prev.span.start, end=block.span.end), lines=(*prev.lines, block)
            )
        else:
            out.append(block)
    return out
