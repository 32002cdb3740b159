"""Proceedings outside the agenda items: the front matter and the closing.

The proceedings scanner (:func:`scrutinykit.proceedings.scanner.proceedings`)
reads an agenda item.  An action, a question and its answer, a vote or a
reference to another meeting may also stand before the first item (a
preamble, the minutes of an item whose heading was lost) or after the
closing line; this module reads those blocks the same way, as the agenda
text of an item with no heading and no title, and keeps what it finds in a
:class:`~scrutinykit.Proceedings`.

In the front matter the paragraphs that follow an attendance list are folded
into its :class:`~scrutinykit.AttendanceBlock` (the lists may go on under
labels of their own); the scanner reads those paragraphs too, all but the
block's label line.  Its phrases are those of narration ("asked",
"responded that", "Action:", "seconded"), which a list of names does not
hold.

An item whose heading was lost leaves its page structure in the front
matter: its title, the agenda's line on it, then a section label
(``Minutes:``).  A one-sentence paragraph directly before a section label
is that line: what the agenda said would happen ("The Chair to present the
annual report"), not what the meeting recorded, and it is not read.

The outcomes among the blocks stay as the grammar gave them: the scanner
would give them an addressee and a due date, as it gives an item's, but the
benchmark's gold gives a resolution no due date, and the due dates of the
front matter's outcomes would lower its "action due dates right" figure
(0.660 -> 0.650 on the generated corpora).  Their points' due dates are
commitments here as in an item.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._model import (
    AgendaItem,
    Attendance,
    AttendanceBlock,
    Block,
    Marker,
    MarkerKind,
    Meeting,
    Paragraph,
    Proceedings,
    Span,
)
from ..parsing import patterns as rx
from ..parsing.vocabulary import Patterns
from ..proceedings.scanner import proceedings

__all__ = ["outside_proceedings"]


def outside_proceedings(
    blocks: Sequence[Block],
    source: str,
    attendance: Attendance,
    meeting: Meeting,
    vocab: Patterns | None = None,
) -> Proceedings:
    """The proceedings read from ``blocks``.

    ``blocks`` are the front matter or the closing of a document, in order;
    ``meeting`` is the meeting read from the document: relative due dates
    count from its date, and its own line ("Minutes of a meeting … held on
    4 March 2025") is no reference to another meeting; ``vocab`` is the
    document's vocabulary, handed to the scanner.
    """
    if not blocks:
        return Proceedings()
    read_blocks: list[Block] = []
    for n, block in enumerate(blocks):
        if _agenda_line(blocks, n):
            continue
        if isinstance(block, AttendanceBlock):
            read_blocks.extend(line for line in block.lines[1:] if isinstance(line, Paragraph))
        else:
            read_blocks.append(block)
    if not read_blocks:
        return Proceedings()
    span = Span(start=blocks[0].span.start, end=max(b.span.end for b in blocks))
    # The scanner's unit is an item: the blocks stand as the agenda text of one with no heading.
    vehicle = AgendaItem(span=span, heading=(), title="", agenda=tuple(read_blocks))
    read = proceedings(vehicle, source, attendance, meeting.date, vocab)
    own = meeting.span
    references = read.references
    if own is not None:
        references = tuple(r for r in references if r.span.end <= own.start or r.span.start >= own.end)
    return Proceedings(
        exchanges=read.exchanges,
        stances=read.stances,
        commitments=read.commitments,
        references=references,
        votes=read.votes,
    )


def _agenda_line(blocks: Sequence[Block], n: int) -> bool:
    """Whether ``blocks[n]`` is an agenda's line: one sentence directly before a section label."""
    block = blocks[n]
    if not isinstance(block, Paragraph) or n + 1 >= len(blocks):
        return False
    after = blocks[n + 1]
    if not isinstance(after, Marker) or after.kind is not MarkerKind.SECTION_LABEL:
        return False
    return _SENTENCE_END.search(block.text.rstrip(" .")) is None


#: Where a sentence ends inside a paragraph: a full stop, question or exclamation mark, then a capital.
_SENTENCE_END = rx.compile(r"[.?!] +[A-Z]")
