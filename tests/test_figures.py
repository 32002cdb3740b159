"""The figure scan passes over a node whose text holds no digit: no reader finds a figure in such text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinykit.build.readers import find_counts, find_money, find_percentages

_PIECES = st.sampled_from(
    [
        *(" ", "£", "%", "％", "per cent", "percent", "million", "m", "k", "bn", ",", ".", "about", "of"),
        *("cases", "staff", "saving", "budget", "per", "officer", "item", "page", "x", "\u0663", "\u00bd"),
        *("\u2155", "IV", "twelve", "\n"),
    ]
)


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_no_figure_without_a_digit(text: str) -> None:
    assert not any(c in "0123456789" for c in text)
    assert find_money(text) == []
    assert find_percentages(text) == []
    assert find_counts(text) == []


def test_a_digit_makes_a_figure() -> None:
    """The readers do find figures (the test above could not pass by finding none anywhere)."""
    assert find_money("a saving of £3 million")
    assert find_percentages("24% of staff")
    assert find_counts("about 16 cases per officer")
