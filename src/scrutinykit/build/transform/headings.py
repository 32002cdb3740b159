"""Item headings: rules ``numbered_heading``, ``referenced_heading``, ``number_then_title``,
``title_then_number``, ``title_then_purpose``, ``title_then_section``,
``table_row_heading`` and ``banner_then_title`` (the aliases of ``item_heading``).

A new heading form is a terminal and an alias in ``grammar/minutes.lark``,
and a method here named after the alias.  Each returns a :class:`HeadingInfo`
that ``agenda_item`` opens the item with.  Guarantees: the heading's lines
are its nodes, in order; the title is the heading's text without its minute
number, an ``(Agenda item N)`` reference or a PDF link's size; the minute
number is kept as written ("41." keeps its full stop); words on the heading's
lines after the title (a purpose line, a table row's rest, a resolution run
into the heading) open the item's agenda, nothing dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..._model import (
    Block,
    Heading,
    Marker,
    MarkerKind,
    Resolution,
)
from ...parsing import patterns as rx
from .base import HeadingInfo, fold
from .outcomes import OutcomeRules

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


# The number that opens a minute's first paragraph: "6.   The Committee had before it …".
_LEADING_NUMBER = rx.compile(r"(\d{1,3}\.)[ ]+")

# Where the title of a flattened table row stops: its report link or its section labels.
# The number cell of a pipe-rendered items table row: "49. | ".
_ROW_NUMBER = rx.compile(r"(?P<number>\d{1,4}\.?)[ ]+\|[ \n]+")
# An item's number on a line of its own, over its title: "21", "41.", "C41/24", "CYP.12".
_NUMBER_LINE = rx.compile(r"(?:[A-Za-z]{1,5}[/.]?)?\d{1,4}(?:[./]\d{1,4}){0,2}(?:-\d{2})?\.?[ ]*")

_AGENDA_REF = rx.compile(r"\(\s*[Aa]genda [Ii]tem\s+(\d{1,3}[a-z]?)\s*\)[ .]*$")


# The number of a minute heading, as written ("A26/17", "41.", "3.1"); after
# the word "Minute" only the number itself ("Minute 85 –" is minute "85").
_MINUTE_NUMBER = rx.compile(
    r"^(?:(?:Minute|MINUTE)[ ]+(?:[Nn][Oo]\.?[ ]*)?)?"
    r"(?P<number>(?:[A-Z]{1,4}\.?)?\d{1,4}/\d{2,4}(?:-\d{2})?|[A-Za-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?"
    r"|[A-Z]{2,5}\.\d{1,3}|\d{1,4}\.\d{1,2}\.\d{1,3}\.?|\d{4}\.\d{2}|\d{1,3}\.\d{1,2}(?=[ ])|\d{1,4}\.?)"
)

_PDF_SUFFIX = rx.compile(r"\s*(?:pdf icon\s*)?PDF\s+\d+\s*[KM]B\s*$", re.IGNORECASE)


class HeadingRules(OutcomeRules):
    """One method per item heading form: the heading's nodes, the item's title and numbers."""

    def _title_node(self, token: Token) -> tuple[Heading, str, str | None]:
        para = self._paragraph(token)
        title = _PDF_SUFFIX.sub("", para.text)
        agenda_number = None
        m = _AGENDA_REF.search(title)
        if m:
            agenda_number = m.group(1)
            title = title[: m.start()].rstrip()
        return Heading(span=para.span, text=para.text), title, agenda_number

    def numbered_heading(self, children: list[Token]) -> HeadingInfo:
        token = children[0]
        extra: tuple[Block, ...] = ()
        split = self._v.heading_outcome.search(token.value)
        if split is not None:
            # "613  MINUTES – Resolved – That …": the heading, then the item's resolution.
            outcome = self._piece(token, split.start("label"), len(token.value))
            heading = self._piece(token, 0, split.start("label"))
            if outcome is not None and heading is not None:
                token = heading
                extra = tuple(self._outcome(Resolution, [outcome]))
        node, title, agenda_number = self._title_node(token)
        m = _MINUTE_NUMBER.match(title)
        number = None
        if m:
            number = m.group("number")  # as written: "41." keeps its full stop
            title = title[m.end() :].strip()
            title = title.lstrip("\u2013\u2014-:. ").strip()
        if extra:
            title = title.rstrip("\u2013\u2014-:. ")
        return HeadingInfo((node,), title, number, agenda_number, False, extra)

    def referenced_heading(self, children: list[Token]) -> HeadingInfo:
        node, title, agenda_number = self._title_node(children[0])
        return HeadingInfo((node,), title, None, agenda_number, False)

    def _two_lines(self, token: Token) -> tuple[tuple[int, int, str], Token]:
        """Split a number-or-banner token into its first line and a title token."""
        value = token.value
        start = token.start_pos or 0
        first = value.split("\n", 1)[0]
        rest = value[len(first) :]
        lead = len(rest) - len(rest.lstrip())
        title_start = start + len(first) + lead
        title = type(token)("TEXT", rest[lead:], start_pos=title_start)
        return (start, start + len(first.rstrip()), fold(first)), title

    def number_then_title(self, children: list[Token]) -> HeadingInfo:
        (start, end, text), title_tok = self._two_lines(children[0])
        number = Heading(span=self._span(start, end), text=text)
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((number, node), title, text, agenda_number, False)

    def title_then_number(self, children: list[Token]) -> HeadingInfo:
        """An upper-case title line, then the minute's first paragraph with its number ("1.")."""
        token = children[0]
        line_end = token.value.index("\n")
        number = _LEADING_NUMBER.search(token.value, line_end)
        title_tok = self._piece(token, 0, line_end)
        number_tok = self._piece(token, number.start(1), number.end(1)) if number else None
        if title_tok is None or number_tok is None or number is None:  # pragma: no cover - terminal shape
            raise ValueError(f"not an upper-case title and a numbered paragraph: {token.value!r}")
        node, title, agenda_number = self._title_node(title_tok)
        number_node = Heading(span=self._span(*self._token_span(number_tok)), text=number_tok.value)
        words = self._piece(token, number.end(), len(token.value))
        extra = (self._paragraph(words),) if words is not None else ()
        return HeadingInfo((node, number_node), title, number_tok.value, agenda_number, False, extra)

    def title_then_purpose(self, children: list[Token]) -> HeadingInfo:
        """A title (perhaps under its number line), then the line saying what the item is for."""
        token = children[0]
        numbers: tuple[Heading, ...] = ()
        if _NUMBER_LINE.fullmatch(token.value.split("\n", 1)[0]):
            (start, end, text), token = self._two_lines(token)
            numbers = (Heading(span=self._span(start, end), text=text),)
        line_end = token.value.index("\n")
        title_tok = self._piece(token, 0, line_end)
        purpose = self._piece(token, line_end, len(token.value))
        if title_tok is None or purpose is None:  # pragma: no cover - terminal shape
            raise ValueError(f"not a title and a purpose line: {token.value!r}")
        node, title, agenda_number = self._title_node(title_tok)
        number = numbers[0].text if numbers else None
        return HeadingInfo((*numbers, node), title, number, agenda_number, False, (self._paragraph(purpose),))

    def title_then_section(self, children: list[Token]) -> HeadingInfo:
        """A title a section label soon follows: alone, with its number, or under its number line."""
        token = children[0]
        if "\n" not in token.value:
            info = self.numbered_heading(children)
            info.loose = info.minute_number is None
            return info
        (start, end, text), title_tok = self._two_lines(token)
        number = Heading(span=self._span(start, end), text=text)
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((number, node), title, text, agenda_number, False)

    def table_row_heading(self, children: list[Token]) -> HeadingInfo:
        """A flattened items-table row: the title, then the rest of the row as the item's text.

        The title stops at the report link or the section labels; a
        resolution in the rest ("… Minutes: Resolved:-") is read as in prose.
        """
        token = children[0]
        numbered = _ROW_NUMBER.match(token.value)
        begin = numbered.end() if numbered else 0
        cut = self._v.row_title_end.search(token.value, begin)
        end = cut.start() if cut else len(token.value)
        title_tok = self._piece(token, begin, end)
        if title_tok is None:  # pragma: no cover - the terminal starts with a letter
            raise ValueError(f"not a table row: {token.value!r}")
        node, title, agenda_number = self._title_node(title_tok)
        nodes: tuple[Marker | Heading, ...] = (node,)
        number = None
        if numbered is not None:
            number = numbered.group("number")
            number_tok = self._piece(token, 0, numbered.end())  # the cell's "|" with it
            if number_tok is not None:
                nodes = (Heading(span=self._span(*self._token_span(number_tok)), text=number), node)
        rest = self._piece(token, end, len(token.value))
        extra: list[Block] = []
        if rest is not None:
            if self._v.inline_resolved.search(rest.value):
                extra = self._inline_resolutions([rest])
            else:
                extra = [self._paragraph(rest)]
        return HeadingInfo(nodes, title, number, agenda_number, False, tuple(extra))

    def banner_then_title(self, children: list[Token]) -> HeadingInfo:
        """The "Agenda item" banner, perhaps the meeting's line or the item's time, then the title."""
        (start, end, text), title_tok = self._two_lines(children[0])
        banner = Marker(span=self._span(start, end), kind=MarkerKind.AGENDA_ITEM_BANNER, text=text)
        nodes: tuple[Marker | Heading, ...] = (banner,)
        while "\n" in title_tok.value:
            (start, end, text), title_tok = self._two_lines(title_tok)
            nodes = (*nodes, Heading(span=self._span(start, end), text=text))
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((*nodes, node), title, None, agenda_number, True)
