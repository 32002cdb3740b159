"""Shortcuts the text → model pipeline takes: each gives what the long way gives."""

from __future__ import annotations

import re
from types import SimpleNamespace

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit import _model
from scrutinykit._model import AttendanceKind
from scrutinykit.build.items import _finish_item, _item_blocks, _officer_list_people, _outcome_key
from scrutinykit.build.transform import MinutesTransformer
from scrutinykit.layout.lines import layout
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser
from scrutinykit.parsing.vocabulary import default_patterns

from .conftest import SEEDS


def _key_the_long_way(text: str, points: tuple[str, ...] = ()) -> str:
    words = " ".join([text, *points]).casefold()
    words = re.sub(
        r"^(?:(?:unanimously|it was)\s+)?(?:resolved|decision|decided|agreed|recommended)\b"
        r"[\s:;,.\-\u2013\u2014]*(?:that\b)?",
        "",
        " ".join(words.split()),
        flags=re.IGNORECASE,
    )
    return re.sub(r"[^a-z0-9]+", " ", words).strip()


def _outcome(text: str, points: tuple[str, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(text=text, points=tuple(SimpleNamespace(text=p) for p in points))


@pytest.mark.parametrize(
    ("text", "points"),
    [
        ("RESOLVED that the report be noted.", ()),
        (
            "Resolved:- That (a) the £1,200 grant be paid; and",
            ("(i) the Clerk write to\tthe Trust;", "ii) 50%"),
        ),
        ("Agreed\x1cthat the\x0bminutes of 3/4/24 be signed", ()),
        ("That the café's Straße lease — 2024/25 — be renewed", ("Ⅻ items", "ﬁnal")),
        ("  -- ", ()),
        ("", ()),
    ],
)
def test_an_outcome_key_is_the_alphanumeric_runs_of_its_folded_words(
    text: str, points: tuple[str, ...]
) -> None:
    """The ASCII shortcut (translate and split) and the pattern give the same key."""
    assert _outcome_key(_outcome(text, points)) == _key_the_long_way(text, points)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)), st.text(max_size=20))
def test_an_outcome_key_is_the_long_way_for_any_text(ascii_text: str, other: str) -> None:
    """Any ASCII text (controls and all), and any text at all, keys as the pattern keys it."""
    for text in (ascii_text, other, ascii_text + other):
        assert _outcome_key(_outcome(text)) == _key_the_long_way(text)  # type: ignore[arg-type]


def _parsed(text: str) -> tuple[object, object]:
    normalised = layout(normalise(text), load_parser().terminals)
    return normalised, MinutesTransformer(normalised).transform(load_parser().parse(normalised.text))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_an_item_is_finished_with_the_people_of_its_lists(path: object) -> None:
    """The people _finish_item hands back are those its finished item's lists give read anew."""
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    vocab = default_patterns()
    _, parsed = _parsed(text)
    for item in parsed.items:  # type: ignore[attr-defined]
        finished, _, people = _finish_item(item, text, None, vocab)
        again = _officer_list_people(_item_blocks(finished, text, vocab), text, vocab)
        assert people == again
        assert finished.officers == tuple(p for p in again if p.kind is AttendanceKind.OFFICER)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n:"), min_size=1, max_size=60), st.data())
def test_a_span_without_deletions_maps_as_the_offset_map_does(text: str, data: st.DataObject) -> None:
    """Where normalising deleted and blanked nothing, the transformer's shortcut span is the map's."""
    normalised = normalise(text)
    assert not normalised.deletions
    assert not normalised.unseen
    transformer = MinutesTransformer(normalised)
    assert transformer._same_offsets
    length = len(normalised.text)
    start = data.draw(st.integers(-2, length + 3))
    end = data.draw(st.integers(-2, length + 3))
    span = transformer._span(start, end)
    assert (span.start, span.end) == (normalised.to_original(start), normalised.to_original_end(end))


def _walk_the_long_way(node: object) -> list[object]:
    """Every node under ``node``, each element of a tuple asked whether it is one (walk as it was)."""
    out = [node]
    for name in _model._child_fields(type(node)) if attrs.has(type(node)) else ():
        value = getattr(node, name)
        if isinstance(value, tuple):
            for c in value:
                if attrs.has(type(c)) and hasattr(c, "span"):
                    out.extend(_walk_the_long_way(c))
        elif attrs.has(type(value)) and isinstance(getattr(value, "span", None), _model.Span):
            out.extend(_walk_the_long_way(value))
    return out


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_walk_tells_a_node_by_its_class_as_asking_each_would(path: object) -> None:
    """walk yields the very nodes, in the same order, as asking every element of every tuple."""
    doc = sk.parse(path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    for root in (*doc.front_matter, *doc.items, *doc.closing):
        walked = list(_model.walk(root))
        assert len(walked) == len(_walk_the_long_way(root))
        assert all(a is b for a, b in zip(walked, _walk_the_long_way(root)))


@attrs.define(slots=False)
class _DictNode:
    span: _model.Span
    points: tuple[object, ...] = ()


@attrs.define(slots=False)
class _NoSpan:
    text: str


def test_walk_asks_each_instance_of_a_class_without_a_span_slot() -> None:
    """A dict class's instances hold ``span`` where the class shows none: each is asked."""
    inner = _DictNode(span=_model.Span(start=1, end=2))
    outer = _DictNode(span=_model.Span(start=0, end=3), points=(inner, _NoSpan("x"), "text", 4))
    assert list(_model.walk(outer)) == [outer, inner]
    assert _model._SPAN_NODES[_DictNode] == 2
    assert _model._SPAN_NODES[_NoSpan] == 2
    assert _model._SPAN_NODES[str] == 0
    assert _model._span_node(_model.Paragraph) == 1



_LABEL_PIECES = st.sampled_from(
    [
        *("item", "Items", "MINUTE", "page", "key stage", "ks", "q", "no", "casino", "Ward", "question"),
        *(" ", "  ", "\t", "\n", "   ", "3", "12", "2024", ",", "and", "or", "to", "&", "x", "é", "ſ", "K"),
    ]
)
_BLANKS = st.sampled_from(["", " ", "  ", "   ", "    ", "\t", "\n ", "\u2003"])
#: A label and what may follow it before a number, near misses among them.
_LABELLED = st.tuples(
    st.lists(_LABEL_PIECES, max_size=4).map("".join),
    st.sampled_from(["item", "ITEMS", "Key Stage", "key  stage", "ks", "q", "no", "casino", "stag", "pages"]),
    _BLANKS,
    st.sampled_from(["", "3", "12", "2024", "12345", "x"]),
    _BLANKS,
    st.sampled_from(["", ",", "and", "AND", "or", "to", "&", "an"]),
    _BLANKS,
).map("".join)


def _label_found_both_ways(text: str) -> None:
    from scrutinykit.build.readers.counts import _LABEL_BEFORE, _LABEL_BEFORE_REVERSED

    end = len(text)
    forwards = _LABEL_BEFORE.search(text, max(0, end - 20), end) is not None
    backwards = _LABEL_BEFORE_REVERSED.match(text[max(0, end - 20) : end][::-1]) is not None
    assert forwards == backwards


@settings(max_examples=2000, deadline=None)
@given(st.one_of(_LABELLED, st.lists(_LABEL_PIECES, max_size=12).map("".join)))
def test_a_label_before_a_number_is_found_backwards_as_forwards(text: str) -> None:
    """The reversed label pattern matched on the reversed window finds a label exactly when
    the pattern searched through the window finds one ending at the number."""
    _label_found_both_ways(text)


def test_a_label_before_a_number_is_found_backwards_in_the_seeds() -> None:
    """The same, before every number of the seeds, and the examples that matter found."""
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"[0-9]+", text):
            _label_found_both_ways(text[: m.start()])
    from scrutinykit.build.readers.counts import _LABEL_BEFORE_REVERSED

    assert _LABEL_BEFORE_REVERSED.match("agenda item 3 and "[::-1])
    assert _LABEL_BEFORE_REVERSED.match("see Key Stage  "[::-1])
    assert not _LABEL_BEFORE_REVERSED.match("we received "[::-1])


_TITLE_PIECES = st.sampled_from(
    [
        *("Apologies", "APOLOGY", "Declarations of", "Interests", "INTERESTS", "ſ", "ı", "K", "İ", "Minutes"),
        *("To approve the minutes", "Urgent Business", "urgent items", "Exempt Information", "exclusion of"),
        *("the public", "Public Questions", "questions from the public", "Work programme", "Forward Plan"),
        *("WORKPROGRAMME", " ", "x", "é", "intereſt", "apologıes", "the ", "press"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_TITLE_PIECES, max_size=6).map("".join))
def test_an_item_kind_is_read_as_every_pattern_tried_in_turn_reads_it(title: str) -> None:
    """The words a kind's pattern needs skip only titles the pattern cannot match."""
    from scrutinykit._model import ItemKind
    from scrutinykit.build.item_kinds import _ITEM_KINDS, _classify_item

    expected = next((kind for kind, pattern in _ITEM_KINDS if pattern.search(title)), ItemKind.SUBSTANTIVE)
    assert _classify_item(title) is expected


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab 09٣３²\n£")), st.data())
def test_a_node_holds_a_digit_as_the_pattern_finds_one(text: str, data: st.DataObject) -> None:
    """The figure scan's ten searches tell an ASCII digit in a range as ``[0-9]`` does."""
    from scrutinykit.build.figures import _holds_digit

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert _holds_digit(text, start, end) == (re.search("[0-9]", text[start:end]) is not None)
