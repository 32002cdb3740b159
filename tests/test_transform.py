"""The transformer: consuming the parse tree as it goes gives what reading it leaves whole does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit.build.assemble import assemble
from scrutinykit.build.transform import MinutesTransformer
from scrutinykit.build.transform.transformer import _RULE_METHODS
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir, load_parser

from .conftest import FIXTURES, SEEDS


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_consuming_the_tree_gives_the_same_document(path: object) -> None:
    """transform(tree, consume=True) builds the same document and leaves the tree empty."""
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    normalised = normalise(text)
    kept = load_parser().parse(normalised.text)
    eaten = load_parser().parse(normalised.text)
    whole = assemble(MinutesTransformer(normalised).transform(kept), text)
    consumed = assemble(MinutesTransformer(normalised).transform(eaten, consume=True), text)
    assert sk.dumps(consumed) == sk.dumps(whole)
    assert kept.children
    assert eaten.children == []


def test_every_rule_has_its_method() -> None:
    """Each rule and alias of minutes.lark that names a tree node has a method named after it.

    The methods live in the mixins of ``build/transform/`` (one module a
    grammar section); the transformer finds them through its classes.
    ``item_heading`` names no node: every alternative of it is aliased.
    """
    grammar = (grammar_dir() / GRAMMAR_FILE).read_text(encoding="utf-8")
    rules = set(re.findall(r"^([a-z][a-z0-9_]*):", grammar, re.M))
    rules |= set(re.findall(r"->\s*([a-z_]+)", grammar))
    rules -= {"item_heading"}
    assert sorted(rules - set(_RULE_METHODS)) == []
    assert sorted(set(_RULE_METHODS) - rules) == []
    for name, method in _RULE_METHODS.items():
        assert getattr(MinutesTransformer, name) is method


# ---- fold returns folded text as it is ------------------------------------------


def test_every_whitespace_character_but_the_space_is_unprintable() -> None:
    """What fold's quick path rests on, checked for every character."""
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    assert " " in spaces
    assert "\u2003" in spaces
    assert [c for c in spaces if c != " " and c.isprintable()] == []


_FOLD_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u2028", "\x1c", "\x85", "a", "B", "£", "–", ".", "é"]
)


@settings(max_examples=1000)
@given(st.lists(_FOLD_PIECES, max_size=20).map("".join))
def test_fold_is_split_and_join(text: str) -> None:
    from scrutinykit.build.transform.base import fold

    assert fold(text) == " ".join(text.split())


# ---- A sentence is tried as a narrated agreement only when it holds a verb word ----

_NARRATED_PIECES = st.sampled_from(
    [
        *("It", "it", "was", "were", "unanimously", "UNANIMOUSLY", "further", "agreed", "AGREED", "approved"),
        *("A G R E E D", "A P P R O V E D", "endorsed", "NOTED", "noted", "to", "that", "by", "the"),
        *("Council",),
        *("Proposed", "Cllr", "Ann", "Example,", "seconded", "and", "All", "Councillors", "following", "."),
        *("The", "Chairman", "proposed", "accounts", "Parish", "disagreed", "\n", "11i)", "Following", "a"),
    ]
)


def _verb_word_in_every_match(text: str) -> int:
    from scrutinykit.build.transform.narrated import _narrated_agreement, _sentence_ranges
    from scrutinykit.parsing.vocabulary import default_patterns

    vocab = default_patterns()
    words = vocab.agreement_verb_alone.words
    matched = 0
    for start, end in [*_sentence_ranges(text), (0, len(text))]:
        if _narrated_agreement(vocab).match(text, start, end) is not None:
            matched += 1
            assert any(w in text[start:end] for w in words), text[start:end]
    return matched


@settings(max_examples=500)
@given(st.lists(_NARRATED_PIECES, max_size=25).map(" ".join))
def test_a_narrated_agreement_holds_a_verb_word(text: str) -> None:
    _verb_word_in_every_match(text)


def test_a_narrated_agreement_holds_a_verb_word_on_the_seeds_and_fixtures() -> None:
    paths = [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]
    lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = sum(_verb_word_in_every_match(line) for line in lines)
    assert _verb_word_in_every_match("It was unanimously agreed to renew the lease.") == 2
    assert found > 0  # the fixtures tell agreements in prose: the check above ran on real matches
