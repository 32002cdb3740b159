"""The transformer: consuming the parse tree as it goes gives what reading it leaves whole does."""

from __future__ import annotations

import pytest

import scrutinykit as sk
from scrutinykit.build.assemble import assemble
from scrutinykit.build.transform import MinutesTransformer
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser

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
