"""Nothing is lost: every non-whitespace character is owned by exactly one node."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrutinykit as sk
from scrutinykit._model import TEXTUAL_NODES, walk

from .conftest import FIXTURES, SEEDS


def ownership(doc: sk.Document) -> list[int]:
    """How many textual nodes own each character of the source."""
    owners = [0] * len(doc.source)
    # Page furniture inside a sentence rejoined around it (the layout stage,
    # rule 4) lies in that sentence's span and is owned by the Furniture node.
    furniture = [n.span for n in doc.walk() if isinstance(n, sk.Furniture)]
    for node in doc.walk():
        if not isinstance(node, TEXTUAL_NODES):
            continue
        span = node.span  # type: ignore[attr-defined]
        children = [c.span for c in getattr(node, "points", ())]
        if not isinstance(node, sk.Furniture):
            children += [f for f in furniture if span.start < f.start and f.end < span.end]
        for i in range(span.start, span.end):
            if not any(c.start <= i < c.end for c in children):
                owners[i] += 1
    return owners


def assert_lossless(doc: sk.Document) -> None:
    """Every non-whitespace character has one owner; spans nest and are ordered."""
    owners = ownership(doc)
    for i, ch in enumerate(doc.source):
        if not ch.isspace() and ch not in "\u200b\u200c\u200d\u200e\u200f\ufeff\u00ad":
            assert owners[i] == 1, (
                f"offset {i} ({ch!r}) owned {owners[i]} times: {doc.source[max(0, i - 30) : i + 30]!r}"
            )
    for node in doc.walk():
        span = node.span  # type: ignore[attr-defined]
        assert 0 <= span.start <= span.end <= len(doc.source)
        assert doc.text_of(node) == doc.source[span.start : span.end]
        if isinstance(node, TEXTUAL_NODES):
            text = doc.text_of(node)
            assert text == text.strip(), f"{type(node).__name__} span has untrimmed whitespace"


def siblings_ordered(doc: sk.Document) -> None:
    """Blocks at each level come in text order and do not overlap."""
    levels = [doc.front_matter, tuple(doc.items), doc.closing]
    for item in doc.items:
        levels.append(item.agenda)
        levels.extend(s.blocks for s in item.sections)
    last = -1
    for level in levels[:3]:
        for node in level:
            if isinstance(node, sk.Furniture) and node.span.end < last:
                continue  # inside the sentence before it, rejoined around it
            assert node.span.start >= last
            last = node.span.end
    for level in levels[3:]:
        prev = None
        for b in level:
            if prev is not None and isinstance(b, sk.Furniture) and b.span.end < prev.span.end:
                assert prev.span.start < b.span.start
                continue  # inside the sentence before it, rejoined around it
            if prev is not None:
                assert prev.span.end <= b.span.start
            prev = b


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_is_lossless(path: Path) -> None:
    """Every non-whitespace character of each seed lies in exactly one node."""
    doc = sk.parse_file(path)
    assert doc.source == path.read_text(encoding="utf-8")
    assert_lossless(doc)
    siblings_ordered(doc)


@pytest.mark.parametrize("path", sorted((FIXTURES / "documents").glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_is_lossless(path: Path) -> None:
    """Our own fixture documents are covered exactly too."""
    doc = sk.parse_file(path)
    assert_lossless(doc)
    siblings_ordered(doc)


def test_crlf_and_invisible_characters_keep_spans_original() -> None:
    """Spans point into the original text even when normalising removed characters."""
    text = (
        "Agenda item\r\n\r\nBus\u200bes Review\r\n\r\nMinutes:\r\n\r\n"
        "RESOLVED: That the re\u00adport be noted.\r\n"
    )
    doc = sk.parse(text)
    (outcome,) = doc.outcomes()
    assert doc.text_of(outcome) == "RESOLVED: That the re\u00adport be noted."
    assert doc.text_of(doc.items[0].heading[1]) == "Bus\u200bes Review"
    assert_lossless(doc)


def test_walk_yields_parents_first_in_text_order() -> None:
    """walk gives each node before its children, children in order, and never an annotation."""
    inner = sk.Point(span=sk.Span(start=10, end=15), label="(a)", text="inner")
    outer = sk.Point(span=sk.Span(start=0, end=15), label="1.", text="outer", points=(inner,))
    last = sk.Point(span=sk.Span(start=16, end=20), label="2.", text="last")
    points = sk.PointList(span=sk.Span(start=0, end=20), points=(outer, last))
    assert [getattr(n, "text", "list") for n in walk(points)] == ["list", "outer", "inner", "last"]
    doc = sk.parse((FIXTURES / "documents" / "written-minutes-harbourside.txt").read_text(encoding="utf-8"))
    nodes = list(doc.walk())
    assert len({id(n) for n in nodes}) == len(nodes)
    assert not any(isinstance(n, (sk.Person, sk.Figure, sk.Commitment)) for n in nodes)
    starts = [n.span.start for n in nodes if isinstance(n, TEXTUAL_NODES)]  # type: ignore[attr-defined]
    assert starts == sorted(starts)
