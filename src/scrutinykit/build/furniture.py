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


def _insert(blocks: tuple[Block, ...], node: Furniture) -> tuple[Block, ...]:
    """``blocks`` with ``node`` in text order (inside a budget proposal that holds it)."""
    at = node.span.start
    starts = [b.span.start for b in blocks]
    index = bisect.bisect_right(starts, at)
    if index > 0:
        holder = blocks[index - 1]
        if isinstance(holder, BudgetProposal) and at < holder.span.end:
            inner = attrs.evolve(holder, blocks=_insert(holder.blocks, node))
            return (*blocks[: index - 1], inner, *blocks[index:])
    return (*blocks[:index], node, *blocks[index:])


def _into_item(item: AgendaItem, node: Furniture) -> AgendaItem:
    at = node.span.start
    sections = item.sections
    index = bisect.bisect_right([s.span.start for s in sections], at) - 1
    if index < 0:
        return attrs.evolve(item, agenda=_insert(item.agenda, node))
    section = attrs.evolve(sections[index], blocks=_insert(sections[index].blocks, node))
    return attrs.evolve(item, sections=(*sections[:index], section, *sections[index + 1 :]))


def place_furniture(doc: Document, nodes: Sequence[Furniture]) -> Document:
    """``doc`` with each of ``nodes`` placed where its span stands (module docstring)."""
    if not nodes:
        return doc
    front, listed, closing = doc.front_matter, list(doc.items), doc.closing
    item_starts = [i.span.start for i in listed]
    closing_start = closing[0].span.start if closing else None
    for node in nodes:
        index = bisect.bisect_right(item_starts, node.span.start) - 1
        if closing_start is not None and node.span.start >= closing_start:
            closing = _insert(closing, node)
        elif index < 0:
            front = _insert(front, node)
        else:
            listed[index] = _into_item(listed[index], node)
    return attrs.evolve(doc, front_matter=front, items=tuple(listed), closing=closing)
