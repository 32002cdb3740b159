"""The text every rule reads: a node's source whitespace-folded, cut into sentences, mapped back.

Reads: the raw source text of one paragraph or point (its own text, without
its sub-points).  Guarantees: :class:`Text` folds every run of whitespace to
one space, straightens curly quotes and makes no-break spaces plain, and maps
any position of the folded text back to its source offset
(:meth:`Text.span`), so every annotation the rules make has a span into the
original document; :func:`sentences` cuts folded text at sentence ends in one
linear pass (never after a title's or an initial's full stop).  Also here:
:class:`Triggers`, the words every rule tests for before a search (one
``in`` a word, each a C substring search: about half the time of one
alternation pattern, which the engine tries at every position), and
:data:`POINT_LABEL`, a point's own label ("1.", "(a)", "•").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from .._model import Span
from ..parsing import patterns as rx

__all__ = ["POINT_LABEL", "Text", "Triggers", "last_sentence", "sentences"]


class Triggers:
    """A rule's trigger words, tested once for a paragraph and then sentence by sentence.

    A sentence's folded text is a piece of its paragraph's (case folding
    maps each character on its own), so a word the paragraph lacks is in
    none of its sentences: :meth:`first` finds the first word the paragraph
    holds, and :meth:`present_from` tests a sentence for that word and the
    ones after it only.
    """

    __slots__ = ("_after", "words")

    def __init__(self, *words: str) -> None:
        self.words = words
        """The words, in the order they are tested."""
        self._after = tuple(words[i:] for i in range(len(words)))

    def first(self, text: str) -> int | None:
        """The index of the first word that is in ``text``; None when none is."""
        for i, word in enumerate(self.words):
            if word in text:
                return i
        return None

    def present_from(self, text: str, first: int | None) -> bool:
        """Whether any word from index ``first`` on is in ``text`` (False for None).

        ``first`` is :meth:`first` of a text that ``text`` is a piece of: the
        words before it are in neither.
        """
        if first is None:
            return False
        for word in self._after[first]:  # noqa: SIM110 - any() over a generator is half as quick again
            if word in text:
                return True
        return False


# Whitespace that folding changes: a run of two or more, or one that is not a
# plain space (substituting every single space by a space would be wasted work).
# Each is written with a whitespace character first and what else it needs
# after it, so the engine skips to each whitespace character instead of trying
# the alternatives at every position.
_ODD_SPACE = rx.compile(r"\s(?:\s|(?<=[^\S ]))")  # as \s\s|[^\S ]
_SPACES = rx.compile(r"\s(?:\s+|(?<=[^\S ]))")  # as \s{2,}|[^\S ]
_WIDE_SPACE = rx.compile(r"\s\s+")  # as \s{2,}
_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))


def _straight(text: str) -> str:
    """Curly quotes straightened and no-break spaces made plain (one for one).

    Chained ``str.replace`` calls: each is a C loop, far quicker than
    ``str.translate`` with a mapping, which calls back per character.
    """
    for old, new in _QUOTES:
        if old in text:
            text = text.replace(old, new)
    return text


class Text:
    """A node's source text, whitespace-folded, with offsets back into the source."""

    __slots__ = ("_lower", "anchors_f", "anchors_r", "base", "lines", "raw", "speakers", "text")

    def __init__(self, raw: str, base: int) -> None:
        self.base = base
        self.raw = raw
        #: What :func:`.speakers.speaker_at` read at each position, so no position is read twice.
        self.speakers: dict[int, Any] = {}
        self._lower: str | None = None
        self.lines = "\n" in raw  #: whether the source runs over more than one line
        self.anchors_f: list[int] = [0]
        self.anchors_r: list[int] = [0]
        # No double space and nothing unprintable: no whitespace but plain
        # spaces (every other whitespace character is unprintable), so the
        # text is already folded; the regular expression decides otherwise.
        if ("  " not in raw and raw.isprintable()) or _ODD_SPACE.search(raw) is None:
            self.text = _straight(raw)
            return
        # A run of whitespace folds to one space; only a run of two or more
        # moves the offsets after it, so only those need an anchor.
        self.text = _straight(_SPACES.sub(" ", raw))
        anchors_f = self.anchors_f
        anchors_r = self.anchors_r
        shrunk = 0
        for m in _WIDE_SPACE.finditer(raw):
            end = m.end()
            shrunk += end - m.start() - 1
            anchors_f.append(end - shrunk)
            anchors_r.append(end)

    def ascii_lower(self) -> str | None:
        """The folded text in lower case when it is ASCII (positions as in ``text``), else None.

        Made once, at the first call.
        """
        if self._lower is None and self.text.isascii():
            self._lower = self.text.lower()
        return self._lower

    def offset(self, folded: int) -> int:
        """The source offset of a position in the folded text."""
        i = bisect.bisect_right(self.anchors_f, folded) - 1
        return self.base + self.anchors_r[i] + folded - self.anchors_f[i]

    def span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]`` (ends mapped from the last character)."""
        while start < end and self.text[start] == " ":
            start += 1
        while end > start and self.text[end - 1] == " ":
            end -= 1
        if end <= start:
            at = self.offset(start)
            return Span(start=at, end=at)
        return Span(start=self.offset(start), end=self.offset(end - 1) + 1)


# The end of a sentence: ". " before a capital or a digit (closing quotes and
# brackets allowed between), or ": "/"; " before "Action".  Written with the
# punctuation first, so the engine scans for it quickly instead of trying the
# alternatives at every position.
_SENTENCE_END = rx.compile(
    r"[.!?:;](?:(?<=[.!?])[\"')\]]{0,2} (?=[\"'(]{0,2}[A-Z0-9])|(?<=[:;]) (?=(?:action|ACTION|Action)\b))"
)
_ABBREVIATION = rx.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|St|No|Prof|Rev|Revd|Cllrs|Nos|approx|e\.g|i\.e|etc|vs)|\b[A-Z]|\.[A-Z])\.\Z"
)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence in folded text."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        stop = m.start() + 1
        if text[m.start()] == "." and _ABBREVIATION.search(text, max(0, stop - 8), stop):
            continue
        yield start, stop
        start = m.end()
    if start < len(text):
        yield start, len(text)


def last_sentence(text: str) -> int:
    """Where the last sentence of folded text starts."""
    return max((start for start, _ in sentences(text)), default=0)


POINT_LABEL = rx.compile(r"(?:\(?[0-9]{1,2}[.)]|\(?[a-z]{1,4}[.)]|[-•·▪●*–])\)? ")
"""A point's own label at the start of its text: "1. ", "(a) ", "ii) ", "• "."""
