"""The literal look-aheads that open some terminals change no match, only how soon a line fails."""

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


def _without_prefilter(pattern: str) -> str | None:
    """``pattern`` without its opening look-ahead ``(?=[^\\n]*…)``, or None when it has none.

    Lark's regular expressions hold the line break itself, not its escape.
    """
    if not pattern.startswith("(?=[^\n]*"):
        return None
    depth = 0
    for i, ch in enumerate(pattern):
        if ch == "\\":
            continue
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return pattern[i + 1 :]
    raise AssertionError(f"unbalanced look-ahead in {pattern[:60]!r}")


PREFILTERED = {
    name: (re.compile(pattern), re.compile(bare))
    for name, pattern in _TERMINALS.items()
    if (bare := _without_prefilter(pattern)) is not None
}

_TEXTS = [p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]]
_LINES = [
    (text, m.end())
    for text in (normalise(t).text for t in _TEXTS)
    for m in re.finditer(r"(?m)^[ ]*(?=\S)", text)
]

_WORDS = st.sampled_from(
    [
        *("Resolved", "RESOLVED", "resolved:", "it", "was", "solved", "documents:", "Additional"),
        *("Supporting", "Minutes:", "Decision:", "agenda", "(Agenda", "item", "7)", "conclusions"),
        *("view", "on", "the", "following", ":-", "Report", "of", "To", "approve", "Budget", "Plan"),
        *("2024", "The", "Committee", "\n", "\n\n", "Additional documents: Minutes:", "Work Programme"),
    ]
)


def test_four_terminals_open_with_a_prefilter() -> None:
    """The terminals that search a line for a word (and the title-then-purpose heading) have one."""
    assert set(PREFILTERED) == {
        "RESOLVED_INLINE",
        "TABLE_ROW_HEADING",
        "QUESTIONS_INTRO",
        "TITLE_THEN_PURPOSE",
    }


@pytest.mark.parametrize("name", sorted(PREFILTERED))
def test_prefilter_changes_no_match_on_real_lines(name: str) -> None:
    """On every line of the seeds and fixtures, the terminal matches as it does without its look-ahead."""
    with_it, without = PREFILTERED[name]
    for text, pos in _LINES:
        a, b = with_it.match(text, pos), without.match(text, pos)
        assert (a and a.span()) == (b and b.span()), text[pos : pos + 80]


@settings(max_examples=300)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
@example("Work Programme PDF 97 KB Additional documents: Minutes: Resolved:-")
@example("The Chair said it was resolved to wait. RESOLVED that the plan be noted")
@example("Scrutiny of the Budget (Agenda item 7)")
@example("Members were asked to reach conclusions on the following :-\n")
@example("Work Programme 2025/26\n\nReport of the Scrutiny Manager")
def test_prefilter_changes_no_match_on_generated_lines(text: str) -> None:
    """On lines made of the words the terminals look for, each matches as it does without its look-ahead."""
    for with_it, without in PREFILTERED.values():
        a, b = with_it.match(text), without.match(text)
        assert (a and a.span()) == (b and b.span())


_SECTION_LOOK = "(?=[^\n]*\n(?:[ ]*\n)*(?:[ ]*[^ \n][^\n]*\n"
"""How the quick look-ahead for a section label opens in TITLE_THEN_SECTION's title forms."""


def _without_section_look(pattern: str) -> str:
    """``pattern`` with each quick section-label look-ahead taken out."""
    out, start = [], 0
    while (at := pattern.find(_SECTION_LOOK, start)) >= 0:
        out.append(pattern[start:at])
        depth, i = 0, at
        while True:
            ch = pattern[i]
            if ch == "\\":
                i += 2
                continue
            depth += {"(": 1, ")": -1}.get(ch, 0)
            i += 1
            if depth == 0:
                break
        start = i
    out.append(pattern[start:])
    return "".join(out)


_TITLE_THEN_SECTION = re.compile(_TERMINALS["TITLE_THEN_SECTION"])
_TITLE_THEN_SECTION_BARE = re.compile(_without_section_look(_TERMINALS["TITLE_THEN_SECTION"]))


def test_title_then_section_has_its_quick_look_ahead() -> None:
    """Both title forms open with it (the form under a number line does not need it)."""
    assert _TERMINALS["TITLE_THEN_SECTION"].count(_SECTION_LOOK) == 2


def test_section_look_ahead_changes_no_match_on_real_lines() -> None:
    for text, pos in _LINES:
        a, b = _TITLE_THEN_SECTION.match(text, pos), _TITLE_THEN_SECTION_BARE.match(text, pos)
        assert (a and a.span()) == (b and b.span()), text[pos : pos + 80]


@settings(max_examples=300)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
@example("Work Programme\n\nReport of the Head of Service.\n\nMinutes:\n")
@example("12. Work Programme\nDecision Maker: Cabinet")
@example("Work Programme\nTo note the plan.\nTo agree it.\n(Report to follow)\nAdditional documents:\n")
@example("Work Programme\nOne.\nTwo.\nThree.\nFour.\nMinutes:\n")
def test_section_look_ahead_changes_no_match_on_generated_lines(text: str) -> None:
    a, b = _TITLE_THEN_SECTION.match(text), _TITLE_THEN_SECTION_BARE.match(text)
    assert (a and a.span()) == (b and b.span())
