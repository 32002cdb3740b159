"""The trigger index gives what testing each trigger word in turn gives, whatever it has seen before."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinykit.proceedings import scanner, stances
from scrutinykit.proceedings.text import Triggers
from scrutinykit.proceedings.triggers import TriggerIndex

_RULES = (*scanner._RULE_TRIGGERS, *stances.STANCE_TRIGGERS)
_WORDS = sorted({w for rule in _RULES for w in rule.words})
# The trigger words, pieces of them and words around them: what makes a word
# hold one, end or start one, or fall across a space.
_PIECES = st.sampled_from(
    [
        *_WORDS,
        *(w[: len(w) // 2] for w in _WORDS),
        *(w[len(w) // 2 :] for w in _WORDS),
        " ",
        "  ",
        "re",
        "un",
        "ed",
        "s",
        ", ",
        ".",
        "\n",
        "x",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)


def _plain(rules: tuple[Triggers, ...], low: str) -> tuple[int | None, ...]:
    return tuple(rule.first(low) for rule in rules)


@settings(max_examples=400)
@given(st.lists(_TEXTS, min_size=1, max_size=6), st.integers(min_value=1, max_value=30))
def test_firsts_are_each_rules_first_word(texts: list[str], kept: int) -> None:
    """Text after text, with a table small enough to be started afresh, every answer is the plain one."""
    index = TriggerIndex(_RULES, kept=kept)
    for text in texts:
        assert index.firsts(text) == _plain(_RULES, text)
    for text in reversed(texts):  # seen before: answered from what was kept
        assert index.firsts(text) == _plain(_RULES, text)


def test_words_with_spaces_need_every_part() -> None:
    """A word with a space is found only where it stands whole, not where its parts stand apart."""
    rules = (Triggers("agreed that"), Triggers(" for"), Triggers("not "), Triggers("was asked to"))
    index = TriggerIndex(rules)
    assert index.firsts("members agreed that it would") == (0, None, None, None)
    assert index.firsts("that was agreed") == (None, None, None, None)
    assert index.firsts("asked for a report") == (None, 0, None, None)
    assert index.firsts("for the cannot be") == (None, None, 0, None)
    assert index.firsts("he was asked to report") == (None, None, None, 0)
    assert index.firsts("was it asked to") == (None, None, None, None)


def test_what_is_kept_is_bounded() -> None:
    """Past the bound, the pieces and answers kept are started afresh."""
    index = TriggerIndex(_RULES, kept=50)
    for i in range(200):
        text = f"word{i} concern{i} welcomed"
        assert index.firsts(text) == _plain(_RULES, text)
        assert len(index._table.known) <= 50
        assert len(index._answers) <= 50


def test_shared_between_threads() -> None:
    """Threads asking at once, with a table started afresh often, all get the plain answers."""
    index = TriggerIndex(_RULES, kept=40)
    texts = [f"councillor {i} asked whether report{i} was welcomed, not agreed that {i}" for i in range(60)]
    wrong: list[str] = []

    def ask() -> None:
        for _ in range(20):
            for text in texts:
                if index.firsts(text) != _plain(_RULES, text):
                    wrong.append(text)

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wrong == []


def test_a_word_with_a_line_break_is_refused() -> None:
    """The pieces are looked at joined by line breaks: a trigger word holding one is refused."""
    with pytest.raises(ValueError, match="line break"):
        TriggerIndex((Triggers("a\nb"),))
