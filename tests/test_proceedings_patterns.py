"""The proceedings scanner's patterns rewritten for speed match what they were first written as."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrutinykit.proceedings.speakers import _is_cabinet_office
from scrutinykit.proceedings.text import _SENTENCE_END, _SPACES

#: The sentence end as first written: two alternatives, each tried at every position.
FIRST_SENTENCE_END = re.compile(
    r"[.!?][\"')\]]{0,2} (?=[\"'(]{0,2}[A-Z0-9])|[:;] (?=(?:action|ACTION|Action)\b)"
)
#: Whitespace folding as first written: every run, one space or more.
FIRST_SPACES = re.compile(r"\s+")

PIECES = st.sampled_from(
    [*"aA1 .!?:;\"')](\t\n\u00a0", ". ", "! ", "? ", ": ", "; ", ".) ", "!' (", "action", "Action", "ACTION"]
)


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("It ended. Then! A question? 1. Yes: Action: none; ACTION: her")
@example("He said \"no.\" (Then) it 'ended.' 'A")
def test_sentence_end_finds_what_it_first_found(text: str) -> None:
    """The punctuation-first sentence end gives the same matches as the pattern first written."""
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [
        m.span() for m in FIRST_SENTENCE_END.finditer(text)
    ]


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_space_folding_folds_as_first_written(text: str) -> None:
    """Substituting only runs and odd whitespace folds a text as substituting every run did."""
    assert _SPACES.sub(" ", text) == FIRST_SPACES.sub(" ", text)


def test_cabinet_office_descriptions() -> None:
    """A description names a cabinet office whatever its case; other offices do not."""
    assert _is_cabinet_office("Cabinet Member for Children and Young People")
    assert _is_cabinet_office("deputy PORTFOLIO HOLDER for Housing")
    assert not _is_cabinet_office("Director of Children's Services")


#: ACTION_WILL as first written: its look-behind first, tried at every position.
FIRST_ACTION_WILL = re.compile(
    r"(?<![a-z])(?:will|would|was asked to)"
    r"(?= (?!(?:be|have|like|not|need|want|wish|prefer|appreciate|welcome)\b)[a-z])"
)
WILL_PIECES = st.sampled_from(
    ["will", "would", "was asked to", "w", "ill", " ", "s", "S", "The Clerk ", "be", "write", "like", "."]
)


@settings(max_examples=400)
@given(st.lists(WILL_PIECES, max_size=20).map("".join))
@example("The Clerk will write. She would be. swill write. He was asked to call")
def test_action_will_finds_what_it_first_found(text: str) -> None:
    """The "w"-first ACTION_WILL gives the same matches as the pattern first written, searched and matched."""
    from scrutinykit.proceedings.terminals import vocabulary

    will = vocabulary()["ACTION_WILL"]
    assert will.pattern != FIRST_ACTION_WILL.pattern
    assert [m.span() for m in will.finditer(text)] == [m.span() for m in FIRST_ACTION_WILL.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = will.match(text, pos), FIRST_ACTION_WILL.match(text, pos)
        assert (a and a.span()) == (b and b.span())
