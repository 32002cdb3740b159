"""Span helpers shared by the name readers.

Reads: a span of a string.  Guarantees: :func:`_trim` narrows a span past
surrounding white space and separators, :func:`_trim_final_stop` past a
closing full stop too; neither widens a span nor moves it outside the text.
"""

from __future__ import annotations


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to leave out surrounding whitespace."""
    if start >= end:
        return start, start
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return start, start
    start += len(piece) - len(stripped)
    end -= len(stripped) - len(stripped.rstrip())
    return start, end


def _trim_final_stop(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a closing full stop that does not end an initial."""
    start, end = _trim(text, start, end)
    if end > start and text[end - 1] == ".":
        before = text[end - 2] if end - 2 >= start else ""
        initial = before.isalpha() and before.isupper() and (end - 3 < start or not text[end - 3].isalpha())
        if not initial:
            start, end = _trim(text, start, end - 1)
    return start, end


_OPEN = frozenset("([")
_CLOSE = frozenset(")]")
