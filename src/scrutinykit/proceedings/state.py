"""What one item's reading keeps between sentences: the annotations found so far and the last speaker.

Reads: nothing itself.  Every rule module is handed the :class:`State` of the
item being read and appends what it finds to one of its lists; the driver
(:mod:`.scanner`) makes one per item and turns its lists into the item's
annotations.  Guarantees: :meth:`State.commit` is the one way a commitment
is recorded — its text is what follows the verb, without the closing
punctuation, and its due time is read from that text when the rule gives
none.
"""

from __future__ import annotations

import datetime

from .._model import Commitment, CommitmentKind, Due, Reference, Speaker, Stance, Statement, Vote
from ..parsing.vocabulary import Patterns
from .due import due_in
from .speakers import Roster
from .text import Text

__all__ = ["State"]


class State:
    """One item's reading: the people it may name, the meeting's date, and what has been found."""

    def __init__(self, roster: Roster, meeting: datetime.date | None, vocab: Patterns) -> None:
        self.roster = roster
        self.vocab = vocab  # the document's vocabulary: its bodies ("The Panel")
        self.meeting = meeting
        self.statements: list[Statement] = []
        self.stances: list[Stance] = []
        self.commitments: list[Commitment] = []
        self.references: list[Reference] = []
        self.votes: list[Vote] = []
        self.last: Speaker | None = None
        self.prev_sentence: tuple[Text, int, int] | None = None
        self.labelled = False  # reading the points under an "Actions:" label

    def commit(
        self,
        kind: CommitmentKind,
        t: Text,
        start: int,
        end: int,
        owner: Speaker | None,
        what: int,
        *,
        due: Due | None = None,
        in_outcome: bool = False,
    ) -> None:
        """Record a commitment: the sentence ``t.text[start:end]``, what is to be done from ``what``."""
        stop = end
        while stop > what and t.text[stop - 1] in ".;, ":
            stop -= 1
        if due is None:
            due = due_in(t, what, end, self.meeting)
        self.commitments.append(
            Commitment(
                span=t.span(start, end),
                kind=kind,
                text=t.text[what:stop].strip(),
                owner=owner,
                due=due,
                in_outcome=in_outcome,
            )
        )
