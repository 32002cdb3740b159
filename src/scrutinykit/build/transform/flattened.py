"""Flattened lines: a page run together into one long line, and minutes with no headings.

Handles no grammar rule of its own; the ``paragraph`` and ``resolution``
rules call :meth:`FlattenedLines._prose` for every line of prose, and the
``start`` rule calls :meth:`FlattenedLines._flat_items` and
:meth:`FlattenedLines._titled_items`.  Guarantees: a line shorter than
``_FLAT_LINE`` stays one paragraph; in a longer one, each minute heading
run in among the prose (``… TC/121/24-25 MAYOR'S ANNOUNCEMENTS The …``)
becomes a :class:`Heading` remembered in ``_flat``, and the words around it
stay paragraphs, nothing dropped.  Items are opened at those headings (or,
with no heading the grammar knows, at title lines after the attendance
lists) only before the first item the grammar found.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._model import (
    AgendaItem,
    AttendanceBlock,
    Block,
    Heading,
    Paragraph,
)
from ...parsing import patterns as rx
from .base import TransformerBase, fold

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


# A flattened page: one line holding what were many (a PDF run together).
_FLAT_LINE = 300

# A minute heading inside a flattened line: " TC/121/24-25 MAYOR'S ANNOUNCEMENTS The Mayor …";
# the title is the run of upper-case words after the number (not an outcome label).
_FLAT_HEADING = rx.compile(
    r"(?:(?<=[ ])|^)(?P<number>(?:[A-Za-z]{1,4}/)?\d{1,4}/\d{2}(?:-\d{2})?)[ ]+"
    r"(?P<title>(?!RESOLVED\b)[A-Z][A-Z0-9'&,()-]+(?:[ ]+(?!RESOLVED\b)(?:[A-Z][A-Z0-9'&,()-]+|&))*)"
)

# A title alone on its line: at most eight words, each capitalised but for
# small joining words, with no closing punctuation ("Cemetery Capacity – Land Acquisition").
_TITLE_LINE = rx.compile(
    r"[A-Z][A-Za-z0-9'&/()-]*(?:[ ]+(?:[A-Z0-9(][^ ]*|of|for|to|and|the|in|on|at|with|from|by|a|an|or"
    r"|\u2013|\u2014|-|&)){0,7}(?<![.,;:])"
)


class FlattenedLines(TransformerBase):
    """Prose lines cut at the minute headings run into them, and the items opened at those headings."""

    def _prose(self, token: Token, flattened: bool) -> list[Block]:
        """A line of prose as blocks: one paragraph, or, in a flattened line, paragraphs and
        the minute headings run in among them ("… TC/121/24-25 MAYOR'S ANNOUNCEMENTS The …").

        The headings are plain :class:`Heading` blocks, remembered so that
        :meth:`start` can open an item at each one found before the first item.
        """
        if not flattened:
            return [self._paragraph(token)]
        blocks: list[Block] = []
        at = 0
        # A minute number holds a slash: without one the search (tried at every position) is skipped.
        found = _FLAT_HEADING.finditer(token.value) if "/" in token.value else ()
        for m in found:
            before = self._piece(token, at, m.start())
            if before is not None:
                blocks.append(self._paragraph(before))
            heading_tok = self._piece(token, m.start(), m.end())
            if heading_tok is None:  # pragma: no cover - a heading is never blank
                continue
            heading = Heading(span=self._span(*self._token_span(heading_tok)), text=fold(heading_tok.value))
            self._flat[id(heading)] = (m.group("number"), fold(m.group("title")).rstrip(",("))
            blocks.append(heading)
            at = m.end()
        rest = self._piece(token, at, len(token.value))
        if rest is not None:
            blocks.append(self._paragraph(rest))
        return blocks

    def _flat_items(self, front: list[Block]) -> tuple[list[Block], list[AgendaItem]]:
        """Open an item at each minute heading found inside a flattened line of the front matter.

        What precedes the first such heading stays front matter; every block
        after a heading, up to the next, is that item's agenda text.
        """
        if not any(id(b) in self._flat for b in front):
            return front, []
        kept: list[Block] = []
        heads: list[tuple[Heading, list[Block]]] = []
        for block in front:
            if isinstance(block, Heading) and id(block) in self._flat:
                heads.append((block, []))
            elif heads:
                heads[-1][1].append(block)
            else:
                kept.append(block)
        items = []
        for heading, blocks in heads:
            number, title = self._flat[id(heading)]
            last = blocks[-1].span if blocks else heading.span
            items.append(
                AgendaItem(
                    span=self._joined(heading.span, last),
                    heading=(heading,),
                    title=title,
                    minute_number=number,
                    agenda=tuple(blocks),
                )
            )
        return kept, items

    def _titled_items(self, front: list[Block]) -> tuple[list[Block], list[AgendaItem]]:
        """Minutes with no item headings the grammar knows: open an item at each title line.

        Only after the attendance lists (before them, short capitalised lines
        name the council and the committee), and only a title line with text
        after it that is not another title.
        """
        marks = [k for k, b in enumerate(front) if isinstance(b, AttendanceBlock)]
        if not marks:
            return front, []

        def is_title(k: int) -> bool:
            block = front[k]
            return type(block) is Paragraph and _TITLE_LINE.fullmatch(block.text) is not None

        titles = [
            k
            for k in range(marks[-1] + 1, len(front) - 1)
            if is_title(k) and not is_title(k + 1) and not isinstance(front[k + 1], AttendanceBlock)
        ]
        if not titles:
            return front, []
        items = []
        for n, k in enumerate(titles):
            para = front[k]
            blocks = front[k + 1 : titles[n + 1] if n + 1 < len(titles) else len(front)]
            heading = Heading(span=para.span, text=para.text)  # type: ignore[union-attr]
            last = blocks[-1].span if blocks else heading.span
            items.append(
                AgendaItem(
                    span=self._joined(heading.span, last),
                    heading=(heading,),
                    title=heading.text,
                    agenda=tuple(blocks),
                )
            )
        return front[: titles[0]], items
