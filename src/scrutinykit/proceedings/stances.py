"""Stances: what members thought of what they heard — concern, challenge, welcome, reassurance, doubt.

Reads: each sentence for the ``STANCE_*`` terminals of
``grammar/proceedings.lark`` ("Members expressed concern …", "pressed for an
assurance", "welcomed the report", "were reassured", "remained
unconvinced"); each pattern is searched only when one of its trigger words
is in the sentence.  Guarantees: at most one stance of each kind per
sentence, spanning the sentence, with the phrase that shows it and the
speaker of its clause (else the sentence's subject; none for "There was
concern …"); an officer's or cabinet member's reassurance is an answer, not
a stance, and gives none.  The kinds found are returned, for
:func:`.exchanges.settle` to tell a challenge.
"""

from __future__ import annotations

from .._model import Speaker, Stance, StanceKind
from . import terminals
from .speakers import ANSWER_SIDE, clause_speaker
from .state import State
from .text import Text, Triggers

__all__ = ["EVERY_STANCE", "STANCE_TRIGGERS", "stances"]

_STANCES: tuple[tuple[str, StanceKind, tuple[str, ...]], ...] = (
    ("STANCE_CONCERN", StanceKind.CONCERN, ("concern", "worried", "alarmed", "disappointed")),
    ("STANCE_CHALLENGE", StanceKind.CHALLENGE, ("challeng", "pressed", "assurance", "whether")),
    (
        "STANCE_WELCOME",
        StanceKind.WELCOME,
        (
            "welcom",
            "pleased",
            "encouraged",
            "impressed",
            "delighted",
            "prais",
            "commend",
            "congratul",
            "thank",
        ),
    ),
    ("STANCE_REASSURANCE", StanceKind.REASSURANCE, ("reassur", "satisfied", "assur", "content")),
    (
        "STANCE_UNCONVINCED",
        StanceKind.UNCONVINCED,
        ("unconvinced", "not ", "sceptical", "skeptical", "dissatisfied", "unhappy"),
    ),
)

_STANCE_TRIGGERS: tuple[tuple[str, StanceKind, Triggers], ...] = tuple(
    (name, kind, Triggers(*words)) for name, kind, words in _STANCES
)


STANCE_TRIGGERS = tuple(triggers for _, _, triggers in _STANCE_TRIGGERS)
"""Each stance's trigger words, in the order of ``_STANCES``."""

EVERY_STANCE: tuple[int | None, ...] = (0,) * len(_STANCE_TRIGGERS)


def stances(
    state: State,
    t: Text,
    start: int,
    end: int,
    low: str,
    subject: Speaker | None,
    in_paragraph: tuple[int | None, ...] = EVERY_STANCE,
) -> set[StanceKind]:
    """Record the stances of the sentence ``t.text[start:end]`` (``low`` casefolded); their kinds.

    ``in_paragraph`` (for each stance, :meth:`~.text.Triggers.first` of the
    paragraph, which the scanner reads through its trigger index) leaves out
    the stances whose trigger words the whole paragraph lacks, and the
    words before the first it holds.
    """
    kinds: set[StanceKind] = set()
    for (name, kind, triggers), first in zip(_STANCE_TRIGGERS, in_paragraph):
        if first is None or not triggers.present_from(low, first):
            continue
        m = terminals.search(name, t, start, end)
        if m is None:
            continue
        if kind is StanceKind.CONCERN and m.group().casefold().startswith("there"):
            speaker = None
        else:
            found, _ = clause_speaker(t, start, m.start(), state.roster, state.last)
            speaker = found.speaker if found else subject
        if kind is StanceKind.REASSURANCE and speaker is not None and speaker.kind in ANSWER_SIDE:
            continue  # "officers reassured members": a response, not the members' stance
        kinds.add(kind)
        state.stances.append(Stance(span=t.span(start, end), kind=kind, speaker=speaker, phrase=m.group()))
    return kinds
