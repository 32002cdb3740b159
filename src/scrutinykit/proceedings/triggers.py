"""Which rules' trigger words a paragraph holds, found through its words rather than word by word.

Reads: a paragraph's casefolded text.  Every rule of the scanner (and every
stance) has :class:`~.text.Triggers`, words one of which a sentence must
hold for the rule's patterns to be searched in it; the scanner asks, once
per paragraph, which is the first word of each rule's list that the
paragraph holds (:meth:`~.text.Triggers.first`).  Asking that of each word
in turn scans the whole paragraph once per word absent from it — about
eighty scans of every paragraph, the largest single cost of the
proceedings.

Guarantees: :meth:`TriggerIndex.firsts` gives exactly what
:meth:`~.text.Triggers.first` gives for each rule.  A word without a space
is in a text exactly when it is in one of the text's space-separated
pieces, and the pieces recur (a paragraph shares most of its words with
the paragraphs before it), so each piece is looked at once: which trigger
words it holds is kept, keyed by the piece, and a paragraph's answer is
the union over its pieces, found with set operations.  A word with a space
("agreed that", " for") is looked for in the text itself, and only when a
piece holds its first word ("agreed", "for"), without which it cannot be
there.  The answer for each set of words found is kept too (few recur).
What is kept is bounded (:data:`KEPT` pieces, and as many answers): past
it, it is started afresh.  It is never wrong, only quicker or slower; it
is safe to share between threads (a table is replaced whole, and what a
piece holds is stored before the piece is marked as seen).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .text import Triggers

__all__ = ["KEPT", "TriggerIndex"]

KEPT = 20_000
"""The most pieces whose trigger words are kept (and answers): past it the table is started afresh."""


class _Table:
    """What is known of the pieces seen so far (replaced whole, never emptied in place)."""

    __slots__ = ("hits", "known", "masks")

    def __init__(self) -> None:
        self.known: set[str] = set()  # every piece looked at
        self.hits: set[str] = set()  # the pieces that hold a trigger word
        self.masks: dict[str, int] = {}  # a piece of ``hits``: the bits of the words it holds


class TriggerIndex:
    """The rules' trigger words, and the pieces of text already looked at for them."""

    def __init__(self, rules: Sequence[Triggers], kept: int = KEPT) -> None:
        self.rules = tuple(rules)
        """The rules, in the order :meth:`firsts` answers for them."""
        self._kept = kept
        bits: dict[str, int] = {}
        if any("\n" in word for rule in self.rules for word in rule.words):
            raise ValueError("a trigger word holds a line break, which joins the pieces looked at")
        for rule in self.rules:
            for word in rule.words:
                bits.setdefault(word, 1 << len(bits))
        self._bits = bits
        # Words without a space are looked for in the pieces.  A word with a
        # space is looked for in the text when every part of it between the
        # spaces is in some piece (each is: the first ends a piece, the last
        # starts one, any other is one), so each part is a word looked for too.
        spaced = [word for word in bits if " " in word]
        self._spaced = tuple((word, bits[word], _parts_bits(word, bits)) for word in spaced)
        self._plain = tuple((word, bit) for word, bit in bits.items() if " " not in word)
        self._rule_bits = tuple(
            (sum({bits[w] for w in rule.words}), tuple(bits[w] for w in rule.words)) for rule in self.rules
        )
        self._table = _Table()
        # What ``firsts`` answers for the words found (few sets of them recur).
        self._answers: dict[int, tuple[int | None, ...]] = {}

    def firsts(self, low: str) -> tuple[int | None, ...]:
        """For each rule, ``rule.first(low)``: the index of the first of its words ``low`` holds, or None."""
        found = self._found(low)
        answers = self._answers
        answer = answers.get(found)
        if answer is None:
            if len(answers) >= self._kept:
                answers = self._answers = {}
            answer = answers[found] = self._firsts(found)
        return answer

    def _firsts(self, found: int) -> tuple[int | None, ...]:
        """For each rule, the index of the first of its words among ``found``, or None."""
        out: list[int | None] = []
        for every, each in self._rule_bits:
            first: int | None = None
            if found & every:
                for i, bit in enumerate(each):
                    if found & bit:
                        first = i
                        break
            out.append(first)
        return tuple(out)

    def _found(self, low: str) -> int:
        """The bits of the trigger words ``low`` holds."""
        table = self._table
        pieces = set(low.split(" "))
        new = pieces.difference(table.known)
        if new:
            if len(table.known) + len(new) > self._kept:
                table = self._table = _Table()
                self._answers = {}
                new = pieces
            self._learn(table, new)
        found = 0
        masks = table.masks
        for piece in pieces.intersection(table.hits):
            found |= masks[piece]
        for word, bit, parts in self._spaced:
            if found & parts == parts and word in low:
                found |= bit
        return found

    def _learn(self, table: _Table, new: set[str]) -> None:
        """Look at each new piece for the words without a space, all pieces in one string."""
        pieces = list(new)
        starts: list[int] = []
        at = 0
        for piece in pieces:
            starts.append(at)
            at += len(piece) + 1
        joined = "\n".join(pieces)  # no word holds a line break, so none is found across two pieces
        masks: dict[str, int] = {}
        for word, bit in self._plain:
            i = joined.find(word)
            while i >= 0:
                k = bisect.bisect_right(starts, i) - 1
                piece = pieces[k]
                masks[piece] = masks.get(piece, 0) | bit
                following = starts[k + 1] if k + 1 < len(starts) else len(joined)
                i = joined.find(word, following)
        # The masks first, then the hits, then the pieces known: a reader that
        # finds a piece known finds what it holds.
        table.masks.update(masks)
        table.hits.update(masks)
        table.known.update(pieces)


def _parts_bits(word: str, bits: dict[str, int]) -> int:
    """The bits of the parts of ``word`` between its spaces, each given a bit of its own if it has none."""
    out = 0
    for part in word.split(" "):
        if part:
            out |= bits.setdefault(part, 1 << len(bits))
    return out
