"""Terminals whose words are taken possessively match as they did written with plain repeats.

A possessive repeat (``*+``, ``++``, ``{m,n}+``) never gives back what it
took: where only the whole line can be followed by what comes next, giving
back never matches, so the possessive form only fails sooner.  Each terminal
here is checked against the same pattern with every possessive repeat made a
plain one, on every line of the seeds and fixtures and on generated lines.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lark import Lark

from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir

from .conftest import FIXTURES, SEEDS

_TERMINALS = {t.name: t.pattern.to_regexp() for t in Lark.open(str(grammar_dir() / GRAMMAR_FILE)).terminals}

# Each possessive fragment and the plain one it stands for (the ``(?!…[?;])``
# test is written to scan the line once: up to the first "?" or ";", not to
# the line's end and back).
_PLAIN = (
    ("(?![^\n?;]*+[?;])", "(?![^\n]*[?;])"),
    ("[^ \n]*+", "[^ \n]*"),
    ("[^ \n]++", "[^ \n]+"),
    ("{0,24}+", "{0,24}"),
    ("[ ]*+", "[ ]*"),
)


def _plain(pattern: str) -> str:
    for possessive, plain in _PLAIN:
        pattern = pattern.replace(possessive, plain)
    return pattern


POSSESSIVE = {
    name: (re.compile(pattern), re.compile(_plain(pattern)))
    for name, pattern in _TERMINALS.items()
    if _plain(pattern) != pattern
}

_TEXTS = [p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]]
_LINES = [
    (text, m.end())
    for text in (normalise(t).text for t in _TEXTS)
    for m in re.finditer(r"(?m)^[ ]*(?=\S)", text)
]

_WORDS = st.sampled_from(
    [
        *("Budget", "Plan", "2024", "The", "Committee", "that", "and", "the", "of", "Report", "agreed."),
        *("Minutes:", "Decision:", "Supporting documents:", "Decision Maker:", "?", ";", "Is", "it", "\n"),
        *("\n\n", "  ", "Minutes :", "Work", "Programme", "Item", "(a)", "12.", "–", "x" * 30),
    ]
)


def test_title_then_section_is_possessive() -> None:
    """The title-then-section heading takes its words possessively (the lexer's slowest terminal before)."""
    assert "TITLE_THEN_SECTION" in POSSESSIVE


@pytest.mark.parametrize("name", sorted(POSSESSIVE))
def test_possessive_changes_no_match_on_real_lines(name: str) -> None:
    """On every line of the seeds and fixtures, the terminal matches as its plain form does."""
    possessive, plain = POSSESSIVE[name]
    for text, pos in _LINES:
        a, b = possessive.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span()), text[pos : pos + 80]


@settings(max_examples=400)
@given(st.lists(_WORDS, max_size=32).map(" ".join))
@example("Budget Plan 2024\n\nMinutes:\n")
@example("Budget Plan 2024  \n\nSupporting documents:\n")
@example("Is it agreed?\n\nMinutes:\n")
@example("The Committee and\n\nMinutes:\n")
@example(" ".join(["Word"] * 25) + "\n\nMinutes:\n")
@example(" ".join(["Word"] * 26) + "\n\nMinutes:\n")
@example("Budget Plan\nA line of text.\nDecision:\n")
def test_possessive_changes_no_match_on_generated_lines(text: str) -> None:
    """On lines made of the words the heading looks for, each terminal matches as its plain form does."""
    for possessive, plain in POSSESSIVE.values():
        a, b = possessive.match(text), plain.match(text)
        assert (a and a.span()) == (b and b.span())
