"""Normalise minutes text for the grammar, keeping a map back to the original.

:func:`normalise` guarantees, for any ``str``:

1. **Line ends** are ``"\\n"`` only: ``"\\r\\n"`` loses its ``"\\r"``; a lone
   ``"\\r"``, form feed, vertical tab, NEL and the Unicode line and paragraph
   separators each become ``"\\n"``.
2. **Spaces**: tab, no-break space and every other Unicode space separator
   become ``" "``; other control characters (C0, DEL, C1) become ``" "``.
3. **Invisible characters** (zero-width spaces and joiners, bidirectional
   marks and embeddings, the soft hyphen, a byte-order mark) are removed.
4. **Quotes**: curly single and double quotes become ``'`` and ``"``.
5. The text ends with ``"\\n"`` (one is appended when missing).
6. **Lines of nothing but invisible characters** (a line holding only
   controls, zero-width or bidirectional marks, and blanks) keep those
   characters as they are, so the grammar sees a line of text: rules 2 and 3
   do not apply to it (its tabs and no-break spaces still become ``" "``).

Only rules 1 (``"\\r"`` of ``"\\r\\n"``), 3 and 5 change the length; every
other rule replaces one character with one character.  :class:`Normalised`
maps any offset in the normalised text back to the original with
:meth:`Normalised.to_original`, so spans always point into the original.

**Nothing is lost.**  A control or invisible character that rule 2 or 3 turns
into a blank (or removes) between two pieces of text, or at the start or end
of a line, would fall outside every span.  So :meth:`Normalised.to_original`
(for a start) reaches back over such characters before the text, on its
line, and :meth:`Normalised.to_original_end` (for an end) reaches forward
over those between the text and the end of its line: the span of
``"\\u202bRESOLVED: …"`` starts at the mark, and in ``"3.\\x02That"`` split
into two nodes the control belongs to the second.  Rule 6 does the same for lines
that hold nothing else.  Together with the grammar, which gives every line
with a non-blank character a node, every character that is not whitespace
(``str.isspace``) lies in some node's span.

A sentence split by a page break (blank lines, page furniture) is
rejoined by the layout stage (:mod:`.lines`), not here: it is the stage
that knows the furniture between the two halves.

Everything here runs in time linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from attrs import field, frozen

from ..parsing import patterns as rx

__all__ = ["Normalised", "normalise"]

#: Invisible characters that rule 3 removes.
_INVISIBLE: Final = "\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"

#: Control characters that are not whitespace to ``str.isspace`` (rule 2).
_CONTROLS: Final = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"

#: Characters that end a line (rule 1).
_BREAKS: Final = "\n\r\x0b\x0c\x85\u2028\u2029"

#: Blanks that are not line breaks (rule 2), including the whitespace controls.
_BLANKS: Final = "\t \x1c-\x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"

_TABLE: dict[int, str] = {}
for _cp in [*range(0x20), 0x7F, *range(0x80, 0xA0)]:
    _TABLE[_cp] = " "
for _cp in (0x0A,):
    del _TABLE[_cp]
for _cp in (0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029):
    _TABLE[_cp] = "\n"
for _cp in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)):
    _TABLE[_cp] = " "
_TABLE.update({0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'"})
_TABLE.update({0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x2033: '"'})

#: The characters of :data:`_TABLE` that text copied from web pages and
#: word processors is full of, replaced by chained ``str.replace`` (a C loop
#: each); the rest are rare and go through :data:`_RARE`.
_COMMON: Final = tuple((chr(cp), _TABLE[cp]) for cp in (0xA0, 0x2019, 0x2018, 0x201C, 0x201D, 0x09))
_RARE: Final = rx.compile(
    "["
    + "".join(re.escape(chr(cp)) for cp in _TABLE if cp not in (0xA0, 0x2019, 0x2018, 0x201C, 0x201D, 0x09))
    + "]"
)


def _translate(text: str) -> str:
    """``text.translate(_TABLE)``, several times quicker on real minutes.

    ``str.translate`` with a mapping calls back into Python for every
    character; most texts hold only a few kinds of character to replace.
    """
    text = _translate_common(text)
    if _RARE.search(text) is not None:
        text = _RARE.sub(lambda m: _TABLE[ord(m.group())], text)
    return text


def _translate_common(text: str) -> str:
    """``text`` with the characters of :data:`_COMMON` replaced: all :func:`_translate` does
    to a text holding none of :data:`_RARE`'s."""
    for old, new in _COMMON:
        if old in text:
            text = text.replace(old, new)
    return text


#: Rule 6's table: blanks become spaces, everything else stays.
_KEEP_TABLE: dict[int, str] = {cp: " " for cp, to in _TABLE.items() if to == " " and chr(cp).isspace()}

#: What the normaliser treats specially: a line of nothing but invisible
#: characters and blanks (rule 6), or one character to remove (rule 3, and
#: the ``"\r"`` of ``"\r\n"``).  The line alternative can only begin at the
#: start of a line, and its classes are disjoint, so matching is linear.
_SPECIAL: Final = rx.compile(
    f"(?<![^{_BREAKS}])(?P<keep>[{_BLANKS}]*[{_INVISIBLE}{_CONTROLS}][{_BLANKS}{_INVISIBLE}{_CONTROLS}]*)"
    f"(?=[{_BREAKS}]|\\Z)"
    f"|(?P<delete>\r(?=\n)|[{_INVISIBLE}])"
)

#: Characters a span may reach over at the edge of a line: those rules 2 and
#: 3 make blank or remove, except line breaks.
_SLACK: Final = frozenset(
    [
        " ",
        *(chr(cp) for cp, to in _TABLE.items() if to == " "),
        # Every invisible character lies in U+00AD, U+2000-U+206F or U+FEFF.
        *rx.compile(f"[{_INVISIBLE}]").findall("".join(map(chr, [0xAD, *range(0x2000, 0x2070), 0xFEFF]))),
    ]
)

#: Any character of :data:`_SLACK` that is not whitespace: when a text has
#: none, spans need no reaching.
_UNSEEN: Final = rx.compile(f"[{_INVISIBLE}{_CONTROLS}]")

#: Any character of :data:`_UNSEEN` or :data:`_RARE` (``"\r"`` among them): a text
#: holding none, the common case, is scanned once instead of twice.
_ANY_SPECIAL: Final = rx.compile("[" + _UNSEEN.pattern[1:-1] + _RARE.pattern[1:-1] + "]")


@frozen(kw_only=True)
class Normalised:
    """Normalised text and the map of its offsets back to the original."""

    text: str
    """The normalised text."""
    original: str = field(repr=False)
    """The original text."""
    original_length: int
    """The length of the original text."""
    deletions: tuple[int, ...] = ()
    """For each character removed, the normalised offset it stood before."""
    unseen: bool = False
    """Whether the original holds controls or invisible characters that the
    normaliser blanked or removed (spans then reach over them)."""
    furniture: tuple[tuple[int, int], ...] = ()
    """Page furniture the layout stage found (:mod:`.lines`, rule 4): the
    ``[start, end)`` of each, in normalised offsets, in text order.  It is
    blanked in :attr:`text` (the grammar never reads it)."""

    def _plain_original(self, offset: int) -> int:
        if self.deletions:
            offset += bisect_right(self.deletions, offset)
        return min(offset, self.original_length)

    def to_original(self, offset: int) -> int:
        """The original offset of normalised ``offset`` (clamped to the text).

        When blanks and invisible characters stand just before it (on its
        line), the offset moves back to the first of them that is not
        whitespace, so that a span starting here owns them.
        """
        start = self._plain_original(offset)
        if not self.unseen:
            return start
        src = self.original
        q = start
        while q > 0 and src[q - 1] in _SLACK:
            q -= 1
        while q < start and src[q].isspace():
            q += 1
        return q

    def to_original_end(self, offset: int) -> int:
        """The original offset for an exclusive end at normalised ``offset``.

        When the characters after it, up to the end of its line, are blanks
        and invisible characters, the end moves forward past the last of them
        that is not whitespace.
        """
        if offset <= 0:
            return 0
        end = min(self._plain_original(offset - 1) + 1, self.original_length)
        if not self.unseen:
            return end
        src = self.original
        q = end
        n = len(src)
        while q < n and src[q] in _SLACK:
            q += 1
        if q < n and src[q] not in _BREAKS:
            return end
        while q > end and src[q - 1].isspace():
            q -= 1
        return q

    def original_slice(self, start: int, end: int) -> str:
        """The original text between two *original* offsets."""
        return self.original[start:end]


def normalise(text: str) -> Normalised:
    """Normalise ``text`` as the module docstring describes."""
    deletions: list[int] = []
    if _ANY_SPECIAL.search(text) is None:
        body = _translate_common(text)
        if not body.endswith("\n"):
            body += "\n"
        return Normalised(text=body, original=text, original_length=len(text))
    unseen = _UNSEEN.search(text) is not None
    if unseen or "\r" in text:
        pieces: list[str] = []
        last = 0
        kept = 0
        for m in _SPECIAL.finditer(text):
            piece = _translate(text[last : m.start()])
            pieces.append(piece)
            kept += len(piece)
            keep = m.group("keep")
            if keep is not None:
                pieces.append(keep.translate(_KEEP_TABLE))
                kept += len(keep)
            else:
                deletions.append(kept)
            last = m.end()
        pieces.append(_translate(text[last:]))
        body = "".join(pieces)
    else:
        body = _translate(text)
    if not body.endswith("\n"):
        body += "\n"
    return Normalised(
        text=body, original=text, original_length=len(text), deletions=tuple(deletions), unseen=unseen
    )
