"""Normalise minutes text for the grammar, keeping a map back to the original.

:func:`normalise` guarantees, for any ``str``:

1. **Line ends** are ``"\\n"`` only: ``"\\r\\n"`` loses its ``"\\r"``; a lone
   ``"\\r"``, form feed, vertical tab, NEL and the Unicode line and paragraph
   separators each become ``"\\n"``.
2. **Spaces**: tab, no-break space and every other Unicode space separator
   become ``" "``; other control characters become ``" "``.
3. **Invisible characters** (zero-width spaces and joiners, bidirectional
   marks and embeddings, the soft hyphen, a byte-order mark) are removed.
4. **Quotes**: curly single and double quotes become ``'`` and ``"``.
5. **Page-break joins**: a sentence split by blank lines — the line before
   ends in a lower-case letter or a comma and the next non-blank line starts
   with a lower-case letter — is joined: the newlines between become spaces.
6. The text ends with ``"\\n"`` (one is appended when missing).

Only rules 1 (``"\\r"`` of ``"\\r\\n"``), 3 and 6 change the length; every
other rule replaces one character with one character.  :class:`Normalised`
maps any offset in the normalised text back to the original with
:meth:`Normalised.to_original`, so spans always point into the original.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from attrs import field, frozen

__all__ = ["Normalised", "normalise"]

_DELETE = re.compile("\r(?=\n)|[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

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

# A lower-case letter or comma ending a line, one or more blank lines, and a
# lower-case letter starting the next: the run of whitespace is one sentence
# split by a page break.
_SPLIT_SENTENCE = re.compile(r"(?<=[a-z,])[ ]*\n(?:[ ]*\n)+[ ]*(?=[a-z])")


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

    def to_original(self, offset: int) -> int:
        """The original offset of normalised ``offset`` (clamped to the text)."""
        if self.deletions:
            offset += bisect_right(self.deletions, offset)
        return min(offset, self.original_length)

    def to_original_end(self, offset: int) -> int:
        """The original offset for an exclusive end at normalised ``offset``."""
        if offset <= 0:
            return 0
        return min(self.to_original(offset - 1) + 1, self.original_length)

    def original_slice(self, start: int, end: int) -> str:
        """The original text between two *original* offsets."""
        return self.original[start:end]


def normalise(text: str) -> Normalised:
    """Normalise ``text`` as the module docstring describes."""
    deletions: list[int] = []
    if _DELETE.search(text) is not None:
        pieces: list[str] = []
        last = 0
        kept = 0
        for m in _DELETE.finditer(text):
            piece = text[last : m.start()]
            pieces.append(piece)
            kept += len(piece)
            deletions.append(kept)
            last = m.end()
        pieces.append(text[last:])
        body = "".join(pieces)
    else:
        body = text
    body = body.translate(_TABLE)
    body = _SPLIT_SENTENCE.sub(lambda m: " " * len(m.group()), body)
    if not body.endswith("\n"):
        body += "\n"
    return Normalised(text=body, original=text, original_length=len(text), deletions=tuple(deletions))
