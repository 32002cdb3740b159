"""Page furniture placed in a built document, where it stands in the source.

The layout stage (:mod:`scrutinykit.layout.lines`, rule 4) and the PDF
source (:mod:`scrutinykit.sources.pdf`) find page furniture — running headers
and footers, page numbers — and keep it from the grammar, so a page number
is never an item and never splits a sentence.  :func:`place_furniture` puts
each as a :class:`~scrutinykit._model.Furniture` node back into the document
by its span: in the front matter before the first item, in the closing from
the closing line on, otherwise in the item it follows (in the section it
stands in, or the item's agenda blocks before its first section), and inside
a budget proposal that holds it.  Among the blocks it goes after the last
block that starts before it, so furniture inside a sentence rejoined around
it follows that sentence's block.  Nothing is lost: every furniture
character lies in a node's span.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from .._model import AgendaItem, Block, BudgetProposal, Document, Furniture

__all__ = ["place_furniture"]


def _insert(blocks: tuple[Block, ...], nodes: Sequence[Furniture]) -> tuple[Block, ...]:
    """``blocks`` with ``nodes`` (in text order) each where it stands, inside a budget proposal that holds it.

    One pass over ``blocks`` for all the nodes, so a text with thousands of page lines stays linear.
    """
    if not nodes:
        return blocks
    starts = [b.span.start for b in blocks]
    before: list[tuple[int, Furniture]] = []  # (index of the block it goes before, node)
    held: dict[int, list[Furniture]] = {}  # nodes inside the budget proposal at an index
    for node in nodes:
        at = node.span.start
        index = bisect.bisect_right(starts, at)
        holder = blocks[index - 1] if index > 0 else None
        if isinstance(holder, BudgetProposal) and at < holder.span.end:
            held.setdefault(index - 1, []).append(node)
        else:
            before.append((index, node))
    out: list[Block] = []
    waiting = iter(before)
    pending = next(waiting, None)
    for k, block in enumerate(blocks):
        while pending is not None and pending[0] <= k:
            out.append(pending[1])
            pending = next(waiting, None)
        if k in held and isinstance(block, BudgetProposal):
            block = attrs.evolve(block, blocks=_insert(block.blocks, held[k]))
        out.append(block)
    while pending is not None:
        out.append(pending[1])
        pending = next(waiting, None)
    return tuple(out)


def _into_item(item: AgendaItem, nodes: Sequence[Furniture]) -> AgendaItem:
    """``item`` with ``nodes`` (in text order) in its agenda text or the section each stands in."""
    sections = item.sections
    section_starts = [s.span.start for s in sections]
    agenda: list[Furniture] = []
    per_section: dict[int, list[Furniture]] = {}
    for node in nodes:
        index = bisect.bisect_right(section_starts, node.span.start) - 1
        if index < 0:
            agenda.append(node)
        else:
            per_section.setdefault(index, []).append(node)
    return attrs.evolve(
        item,
        agenda=_insert(item.agenda, agenda),
        sections=tuple(
            attrs.evolve(s, blocks=_insert(s.blocks, per_section[k])) if k in per_section else s
            for k, s in enumerate(sections)
        ),
    )


def place_furniture(doc: Document, nodes: Sequence[Furniture]) -> Document:
    """``doc`` with each of ``nodes`` placed where its span stands (module docstring)."""
    if not nodes:
        return doc
    items = doc.items
    item_starts = [i.span.start for i in items]
    closing_start = doc.closing[0].span.start if doc.closing else None
    front: list[Furniture] = []
    closing: list[Furniture] = []
    per_item: dict[int, list[Furniture]] = {}
    for node in sorted(nodes, key=lambda n: n.span.start):
        index = bisect.bisect_right(item_starts, node.span.start) - 1
        if closing_start is not None and node.span.start >= closing_start:
            closing.append(node)
        elif index < 0:
            front.append(node)
        else:
            per_item.setdefault(index, []).append(node)
    return attrs.evolve(
        doc,
        front_matter=_insert(doc.front_matter, front),
        items=tuple(_into_item(it, per_item[k]) if k in per_item else it for k, it in enumerate(items)),
        closing=_insert(doc.closing, closing),
    )
