"""Visitors in prose: the patterns searched through an item's whole text open with a word.

Each writes its word boundary as a look-behind after its first word
("welcomed(?<!\\wwelcomed)"), so that Python's engine can skip ahead to the
word; the tests check that this finds exactly what the plain ``\\b`` form
finds, on the seeds and fixtures and on texts made of the words they look for.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrutinykit.build.attendance import prose

from .conftest import FIXTURES, SEEDS

_WORD_FIRST = re.compile(r"(\w+)\(\?<!\\w\1\)")


def _plain(pattern: str) -> str:
    """``pattern`` with each ``word(?<!\\wword)`` written back as ``\\bword``."""
    return _WORD_FIRST.sub(lambda m: r"\b" + m.group(1), pattern)


_PATTERNS = {
    "cabinet speaker": prose._CABINET_SPEAKER,
    "welcomed": prose._WELCOMED,
    "attended": prose._TRIGGERS[id(prose._PROSE_ATTENDED)],
}
_TEXT = "\n\n".join(p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))])

_WORDS = st.sampled_from(
    [
        *("Portfolio", "Holder", "Cabinet", "Member", "Executive", "Lead", "Leader", "of", "the", "Council"),
        *("Deputy", "for", "Parks,", "Councillor", "Cllr", "Ann", "Example,", "said", "welcomed", "attended"),
        *("xwelcomed", "MyCabinet", "reattended", "to", "meeting", ".", ":", "Dr", "Jo", "Sample", "\n"),
    ]
)


@pytest.mark.parametrize("name", sorted(_PATTERNS))
def test_written_word_first(name: str) -> None:
    pattern = _PATTERNS[name].pattern
    assert not pattern.startswith(r"\b")
    assert _plain(pattern) != pattern


def _same(text: str) -> None:
    for pattern in _PATTERNS.values():
        plain = re.compile(_plain(pattern.pattern))
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_examples_match() -> None:
    """The generated texts can match at all: each pattern finds its example."""
    assert prose._CABINET_SPEAKER.search("The Portfolio Holder for Parks, Councillor Ann Example, said")
    assert not prose._CABINET_SPEAKER.search("The MyCabinet Member for Parks, Councillor Ann Example, said")
    assert prose._WELCOMED.search("The Chair welcomed Dr Jo Sample to the meeting.")
    assert not prose._WELCOMED.search("The Chair xwelcomed Dr Jo Sample to the meeting.")


# The cabinet speaker is tried only where one of its first words stands
# (prose._matches_at); the visitors' patterns are read through _matches_near,
# which must give what a search through the whole text gives.
_NEAR = {
    "cabinet speaker": prose._CABINET_SPEAKER,
    "welcomed": prose._WELCOMED,
    "named speakers": prose._NAMED_SPEAKERS,
    "attended": prose._PROSE_ATTENDED,
}


def _same_near(text: str) -> None:
    for name, pattern in _NEAR.items():
        plain = re.compile(_plain(pattern.pattern))
        got = [m.span() for m in prose._matches_near(pattern, text)]
        assert got == [m.span() for m in plain.finditer(text)], name


def test_same_matches_on_seeds_and_fixtures() -> None:
    """Searched whole and read near their words, as the plain forms find them."""
    _same(_TEXT)
    _same_near(_TEXT)


@settings(max_examples=500)
@given(st.lists(_WORDS, max_size=30).map(" ".join))
@example("The Portfolio Holder for Parks, Councillor Ann Example, said")
@example("The MyCabinet Member for Parks, Councillor Ann Example, said")
@example("The Chair welcomed Dr Jo Sample to the meeting.")
@example("The Chair xwelcomed Dr Jo Sample to the meeting.")
@example("Jo Sample attended. Jo Sample reattended.")
@example("Deputy Leader, Cllr Jo Sample, Lead Member for Parks, Councillor Ann Example, said")
def test_same_matches_on_generated_text(text: str) -> None:
    _same(text)
    _same_near(text)
