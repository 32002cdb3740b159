"""Agenda items and the document: rules ``agenda_item`` and ``start``.

Guarantees: an item spans its heading's nodes to its last section or block;
its agenda is the heading's extra blocks then the blocks before its first
section; a title alone that a section label follows folds into the bare
heading before it, and takes an issue page's "(Item 8)" number from the
meeting line above it; a closing line with items after it stays in the flow;
before the first item, items are opened at the headings found in flattened
lines (or at title lines, see ``flattened.py``).
"""

from __future__ import annotations

from typing import Any

import attrs

from ..._model import (
    AgendaItem,
    Block,
    Heading,
    ItemSection,
    Paragraph,
    Span,
)
from ...parsing import patterns as rx
from .base import HeadingInfo, ParsedTree
from .blocks import BlockLists


def _extend_item(item: AgendaItem, blocks: list[Block]) -> AgendaItem:
    """``item`` with ``blocks`` appended to its last part."""
    end = Span(start=item.span.start, end=blocks[-1].span.end)
    if item.sections:
        last = item.sections[-1]
        last = attrs.evolve(
            last, span=Span(start=last.span.start, end=end.end), blocks=(*last.blocks, *blocks)
        )
        return attrs.evolve(item, span=end, sections=(*item.sections[:-1], last))
    return attrs.evolve(item, span=end, agenda=(*item.agenda, *blocks))


# The item number an issue page's meeting line gives: "Meeting: 13/11/2024 - Committee (Item 8)".
_ISSUE_ITEM = rx.compile(r"^(?:Meeting|MEETING)[ ]*:.*\([Ii]tem[ ]+(\d{1,4}[a-z]?)\)[ ]*$")


class ItemRules(BlockLists):
    """The agenda item rule and the start rule that gathers front matter, items and closing."""

    def agenda_item(self, children: list[Any]) -> AgendaItem:
        info: HeadingInfo = children[0]
        agenda: list[Any] = []
        sections: list[ItemSection] = []
        for child in children[1:]:
            if isinstance(child, ItemSection):
                sections.append(child)
            else:
                agenda.append(child)
        blocks = tuple(self._blocks([list(info.extra), *agenda]))
        last = info.nodes[-1].span
        if sections:
            last = sections[-1].span
        elif blocks:
            last = blocks[-1].span
        self._lines.clear()  # read by Decision: blocks of this item only
        item = AgendaItem(
            span=self._joined(info.nodes[0].span, last),
            heading=info.nodes,
            title=info.title,
            minute_number=info.minute_number,
            agenda_number=info.agenda_number,
            agenda=blocks,
            sections=tuple(sections),
        )
        if info.loose and isinstance(info.nodes[0], Heading):
            self._loose[id(item)] = info.nodes[0]
        return item

    def _issue_number(self, item: AgendaItem, before: AgendaItem | list[Block]) -> AgendaItem:
        """An unnumbered title under an issue page's meeting line takes that line's item number.

        "Meeting: 13/11/2024 - Scrutiny Committee (Item 8)" / "Annual Report" /
        … "Minutes:": the line stays where it stands (it is the meeting's, and
        dates it); only the number is read from it.
        """
        if id(item) not in self._loose or item.minute_number or item.agenda_number:
            return item
        if isinstance(before, AgendaItem):
            blocks = before.sections[-1].blocks if before.sections else before.agenda
        else:
            blocks = tuple(before)
        last = blocks[-1] if blocks else None
        m = _ISSUE_ITEM.search(last.text) if isinstance(last, Paragraph) else None
        return item if m is None else attrs.evolve(item, agenda_number=m.group(1))

    def _fold_loose_title(self, items: list[AgendaItem], item: AgendaItem) -> bool:
        """Fold ``item`` into the last of ``items`` when that one is a heading alone.

        A title with nothing under it, then an unnumbered line that a section
        label follows ("Agenda item" / "Impact of …" / "Presentation on behalf
        of …" / "Minutes:"): the second line is the first item's agenda text,
        not a title of its own.
        """
        heading = self._loose.get(id(item))
        if heading is None or not items or items[-1].agenda or items[-1].sections:
            return False
        prev = items[-1]
        items[-1] = attrs.evolve(
            prev,
            span=self._joined(prev.span, item.span),
            agenda=(Paragraph(span=heading.span, text=heading.text), *item.agenda),
            sections=item.sections,
        )
        return True

    def start(self, children: list[Any]) -> ParsedTree:
        front, items = self._flat_items(list(children[0]))
        if not items and not any(isinstance(child, AgendaItem) for child in children[1:]):
            front, items = self._titled_items(front)
        closing: list[Block] = []
        for child in children[1:]:
            if isinstance(child, AgendaItem):
                if closing:
                    # A closing line with items after it (two meetings on one
                    # page): it stays in the flow, at the end of what it closed.
                    if items:
                        items[-1] = _extend_item(items[-1], closing)
                    else:
                        front.extend(closing)
                    closing = []
                if not self._fold_loose_title(items, child):
                    items.append(self._issue_number(child, items[-1] if items else front))
            else:
                closing.extend(child)
        return ParsedTree(front, items, closing)
