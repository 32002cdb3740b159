"""The transformer's state, its span mapping, and the values passed up the tree.

Handles no grammar rule itself.  :class:`TransformerBase` holds what every
rule module reads: the normalised text and the vocabulary, the maps kept
between rules (flattened headings, the lines of each paragraph, loose titles,
the normalised range of each paragraph), and the helpers that make a span or
a paragraph from a token.  Guarantees: tokens carry offsets into the
*normalised* text; every span made here is mapped back to the original text
and trimmed of trailing blanks, so the model only ever sees original offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._model import (
    AgendaItem,
    Block,
    Heading,
    Marker,
    Paragraph,
    Point,
    Span,
)
from ...layout.normalise import Normalised
from ...parsing import patterns as rx
from ...parsing.vocabulary import SEPARATOR, THAT, Patterns, default_patterns

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


def fold(text: str) -> str:
    """``text`` with runs of whitespace folded to one space, trimmed.

    Text that is already folded is returned as it is, told without splitting
    it: every whitespace character but the space is unprintable
    (``str.isprintable``), so printable text with no two spaces together and
    none at either end has nothing to fold (a test checks every character).
    Printable text with none at either end but runs of spaces inside (a
    line of a table, words spread to the margins) has its runs halved by
    ``str.replace`` until none is left, without a list of its words.
    """
    if text.isprintable() and text[:1] != " " and text[-1:] != " ":
        while "  " in text:
            text = text.replace("  ", " ")
        return text
    return " ".join(text.split())


# The word that introduces what was resolved ("That the report be noted"), and
# the punctuation after it: not part of the outcome's text but its own field.
_LEAD_THAT = rx.compile(rf"(?P<that>{THAT})\b[ ]*{SEPARATOR}?[ ]*")


def _lead_that(text: str) -> tuple[str | None, str]:
    """The introducing "that" of ``text`` (or ``None``) and the words after it."""
    m = _LEAD_THAT.match(text)
    if m is None or m.end() == 0:
        return None, text
    return m.group("that"), text[m.end() :]


class HeadingInfo:
    """What an item heading rule found: its nodes and the item's numbers."""

    __slots__ = ("agenda_number", "extra", "from_banner", "loose", "minute_number", "nodes", "title")

    def __init__(
        self,
        nodes: tuple[Marker | Heading, ...],
        title: str,
        minute_number: str | None,
        agenda_number: str | None,
        from_banner: bool,
        extra: tuple[Block, ...] = (),
    ) -> None:
        self.nodes = nodes
        self.title = title
        self.minute_number = minute_number
        self.agenda_number = agenda_number
        self.from_banner = from_banner
        self.extra = extra
        """Blocks the heading's lines hold after the title: they open the item's agenda."""
        self.loose = False
        """An unnumbered title found only by the section label after it (``title_then_section``)."""


class FrontMatter(list[Block]):
    """The blocks before the first item."""


class Closing(list[Block]):
    """The closing line and what follows it."""


class ParsedTree:
    """The transformer's result: the parts a :class:`Document` is built from."""

    __slots__ = ("closing", "front_matter", "items")

    def __init__(self, front_matter: list[Block], items: list[AgendaItem], closing: list[Block]) -> None:
        self.front_matter = front_matter
        self.items = items
        self.closing = closing


class TransformerBase:
    """The state of one transformation and the span helpers every rule module uses."""

    def __init__(self, normalised: Normalised, vocabulary: Patterns | None = None) -> None:
        self._v = vocabulary or default_patterns()
        self._n = normalised
        self._text = normalised.text
        # Headings found inside flattened lines: id(heading) -> (minute number, title).
        self._flat: dict[int, tuple[str, str]] = {}
        # The line tokens of each paragraph, by id of its first block: a
        # "Decision:" block turns its first paragraph into the decision.
        self._lines: dict[int, list[Token]] = {}
        # Items headed by a title alone that a section label follows: their
        # headings, by id of the item (see :meth:`_fold_loose_title`).
        self._loose: dict[int, Heading] = {}
        # The normalised range of each paragraph made from line tokens, by id
        # (the paragraph is kept with it, so an id is never taken for another's).
        # A point of one line (and the lines that finish its sentence) is kept there too.
        self._norm: dict[int, tuple[Paragraph | Point, int, int]] = {}
        # The class of the parser's tokens (Lark's or the standalone module's), seen on the first line.
        self._token_type: type[Token] | None = None
        # The points that took a run-on line (by id; each is kept in ``_norm``).
        self._run_points: set[int] = set()
        # Without deletions and invisible characters an offset maps to itself (clamped to the
        # original's length): ``_span`` then maps it without the two calls of the general map.
        self._same_offsets = not normalised.deletions and not normalised.unseen
        self._length = normalised.original_length

    def _span(self, start: int, end: int) -> Span:
        """Map a normalised ``[start, end)`` to an original span."""
        if self._same_offsets:
            # What to_original and to_original_end give when nothing was deleted or blanked.
            length = self._length
            return Span(
                start=start if start < length else length,
                end=0 if end <= 0 else end if end < length else length,
            )
        return Span(start=self._n.to_original(start), end=self._n.to_original_end(end))

    def _token_span(self, token: Token) -> tuple[int, int]:
        """Normalised start and end of a token, trailing blanks trimmed."""
        start = token.start_pos or 0
        return start, start + len(token.value.rstrip())

    def _paragraph(self, token: Token) -> Paragraph:
        value = token.value
        start = token.start_pos or 0  # _token_span, written out: a call saved on every line
        end = start + len(value.rstrip())
        par = Paragraph(span=self._span(start, end), text=fold(value))
        self._norm[id(par)] = (par, start, end)
        self._token_type = type(token)
        return par

    def _normalised_range(self, par: Paragraph | Point) -> tuple[int, int] | None:
        entry = self._norm.get(id(par))
        if entry is None or entry[0] is not par:
            return None
        return entry[1], entry[2]

    def _joined(self, first: Span, last: Span) -> Span:
        return Span(start=first.start, end=last.end)

    def _piece(self, token: Token, start: int, end: int) -> Token | None:
        """The part ``[start, end)`` of a line token, trimmed, as a token of its own."""
        value = token.value[start:end]
        lead = len(value) - len(value.lstrip())
        value = value.strip()
        if not value:
            return None
        return type(token)(token.type, value, start_pos=(token.start_pos or 0) + start + lead)

    def _gap(self, orig_end: int, orig_start: int) -> str:
        """The original text between two original offsets (whitespace only)."""
        return self._n.original_slice(orig_end, orig_start)
