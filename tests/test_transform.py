"""The transformer: consuming the parse tree as it goes gives what reading it leaves whole does."""

from __future__ import annotations

import re

import pytest

import scrutinykit as sk
from scrutinykit.build.assemble import assemble
from scrutinykit.build.transform import MinutesTransformer
from scrutinykit.build.transform.transformer import _RULE_METHODS
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir, load_parser

from .conftest import SEEDS


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
