"""The fast JSON paths give what the cattrs converter gives, and refuse what it refuses.

``loads`` and ``dumps`` go through functions written for the model on first
use; the converter from ``make_converter`` stays the reference.  These tests
hold the two to each other: equal documents and equal JSON text where the
converter accepts, a refusal (and so the converter's own error message) where
it does not.  Speed itself is measured by a benchmark, never asserted here.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit.io import serialise as _serialise

from .conftest import ROOT, SEEDS
from .test_robustness import _paths
from .test_serialise import documents

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))


def reference_dict(doc: sk.Document) -> dict[str, Any]:
    """``to_dict`` as the cattrs converter alone writes it."""
    return {"schema_version": sk.SCHEMA_VERSION, **sk.make_converter().unstructure(doc)}


def reference_load(data: dict[str, Any]) -> sk.Document | sk.SerialisationError:
    """The converter's verdict on document data (without ``schema_version``)."""
    try:
        return _serialise._structure_checked(copy.deepcopy(data))
    except sk.SerialisationError as exc:
        return exc


def fast_load(data: dict[str, Any]) -> sk.Document | None:
    """The fast path's document, or ``None``; it must leave ``data`` as it was."""
    before = copy.deepcopy(data)
    found = _serialise._structure_fast(data)
    assert data == before, "the fast path changed the data it was given"
    return found


def test_fast_paths_cover_the_model() -> None:
    """Every field type of the model has a fast structure and unstructure path."""
    assert _serialise._fast_structure() is not None
    assert _serialise._fast_unstructure() is not None


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name[:3])
def test_golden_files_load_the_same_both_ways(path: Path) -> None:
    """Each golden file gives the converter's document on the fast path, not a refusal."""
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["schema_version"]
    expected = reference_load(data)
    assert isinstance(expected, sk.Document)
    assert fast_load(data) == expected


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_json_is_the_converters_byte_for_byte(path: Path) -> None:
    """to_dict and dumps (both indents) give exactly the converter's data and text."""
    doc = sk.parse_file(path)
    expected = reference_dict(doc)
    assert sk.to_dict(doc) == expected
    assert list(sk.to_dict(doc)) == list(expected)
    for indent in (None, 1):
        assert sk.dumps(doc, indent=indent) == json.dumps(expected, ensure_ascii=False, indent=indent)


@settings(max_examples=120, deadline=None)
@given(documents)
def test_generated_documents_agree_both_ways(doc: sk.Document) -> None:
    """Any model instance: same JSON text as the converter, same document back on the fast path."""
    expected = reference_dict(doc)
    assert json.dumps(sk.to_dict(doc), ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    data = json.loads(sk.dumps(doc))
    del data["schema_version"]
    assert fast_load(data) == doc == reference_load(data)


def _json_values() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(-3, 10**6)
        | st.floats(allow_nan=False)
        | st.sampled_from(["", "x", "heading", "point", "present", "2017-09-19", "18:30:00", "1.5", "type"])
    )
    return st.recursive(
        scalars,
        lambda kids: (
            st.lists(kids, max_size=3) | st.dictionaries(st.sampled_from(["span", "text", "type"]), kids)
        ),
        max_leaves=6,
    )


_GOLDEN_DATA = json.loads(GOLDEN[-1].read_text(encoding="utf-8"))
del _GOLDEN_DATA["schema_version"]
_GOLDEN_PATHS = _paths(_GOLDEN_DATA)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_GOLDEN_PATHS), _json_values(), st.booleans())
def test_fast_path_takes_nothing_the_converter_refuses(path: tuple[Any, ...], value: Any, drop: bool) -> None:
    """A value replaced or a key dropped anywhere: the fast path refuses it or agrees with the converter."""
    data = copy.deepcopy(_GOLDEN_DATA)
    target = data
    for key in path[:-1]:
        target = target[key]
    if drop and isinstance(target, dict):
        del target[path[-1]]
    else:
        target[path[-1]] = value
    found = fast_load(data)
    expected = reference_load(data)
    if found is not None:
        assert found == expected
    if isinstance(expected, sk.Document):
        assert found == expected


# A small document made by hand (not by the parser, so its JSON stays put),
# and the messages the converter-only loads gave for breakages of it.
_SOURCE = "1. Budget\nRESOLVED that the report be noted.\n"
_DOC = sk.Document(
    source=_SOURCE,
    kind=sk.DocumentKind.MEETING,
    meeting=sk.Meeting(committee="Budget Panel"),
    attendance=sk.Attendance(present=(sk.Person(span=sk.Span(start=0, end=9), name="A Member"),)),
    items=(
        sk.AgendaItem(
            span=sk.Span(start=0, end=45),
            heading=(sk.Heading(span=sk.Span(start=0, end=9), text="1. Budget"),),
            title="Budget",
            agenda=(
                sk.Resolution(
                    span=sk.Span(start=10, end=45),
                    intro=sk.Paragraph(
                        span=sk.Span(start=10, end=45), text="RESOLVED that the report be noted."
                    ),
                ),
            ),
        ),
    ),
)
_DROP = object()
_FIT = "JSON does not fit the model: "


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("items", 0, "span"), "everywhere", "invalid value for type, expected Span @ $.items[0].span"),
        (
            ("items", 0, "span"),
            [0, 99],
            "the span [0, 99] at $.items[0].span lies outside the source (45 characters)",
        ),
        (("items", 0, "span"), [9, 3], "invalid value for type, expected Span @ $.items[0].span"),
        (
            ("items", 0, "heading", 0, "span"),
            [0, True],
            "invalid value for type, expected Span @ $.items[0].heading[0].span",
        ),
        (("items", 0, "title"), None, "invalid value for type, expected str @ $.items[0].title"),
        (("items", 0, "agenda", 0, "type"), "ruling", "required field missing @ $.items[0].agenda[0]"),
        (
            ("items", 0, "agenda", 0, "intro", "surprise"),
            1,
            "extra fields found (surprise) @ $.items[0].agenda[0].intro",
        ),
        (("attendance", "present"), {}, "invalid value for type, expected tuple @ $.attendance.present"),
        (
            ("attendance", "present", 0, "kind"),
            "visitor",
            "invalid value for type, expected AttendanceKind @ $.attendance.present[0].kind",
        ),
        (
            ("meeting", "date"),
            "19 September",
            "invalid value for type, expected datetime.date | None @ $.meeting.date",
        ),
        (("kind",), _DROP, "required field missing @ $.kind"),
    ],
)
def test_error_messages_are_the_converters(path: tuple[Any, ...], value: object, message: str) -> None:
    """Broken JSON raises SerialisationError with exactly the message loads gave before the fast path."""
    data = json.loads(sk.dumps(_DOC))
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is _DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    with pytest.raises(sk.SerialisationError) as caught:
        sk.loads(json.dumps(data))
    assert str(caught.value) == _FIT + message


def test_hand_made_document_round_trips() -> None:
    """The hand-made document the messages are pinned on loads back equal."""
    assert sk.loads(sk.dumps(_DOC)) == _DOC


def test_plain_slotted_classes_are_told_apart() -> None:
    """Only classes whose __init__ just stores the fields are built by setting slots."""

    @attrs.frozen
    class Plain:
        a: int

    @attrs.frozen
    class Checked:
        a: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Hooked:
        a: int

        def __attrs_post_init__(self) -> None:
            pass

    @attrs.define(slots=False)
    class Unslotted:
        a: int

    assert _serialise._plain_slotted(Plain)
    assert _serialise._plain_slotted(sk.Span)
    assert not _serialise._plain_slotted(Checked)
    assert not _serialise._plain_slotted(Hooked)
    assert not _serialise._plain_slotted(Unslotted)


def test_converter_is_built_only_when_needed() -> None:
    """Importing, parsing and a JSON round trip build no cattrs converter; a refused load does."""
    code = (
        "import sys, scrutinykit as sk\n"
        "from scrutinykit.io import serialise as s\n"
        "seen = ['cattrs' in sys.modules]\n"
        f"doc = sk.parse_file({str(SEEDS[0])!r})\n"
        "assert sk.loads(sk.dumps(doc)) == doc\n"
        "seen += ['cattrs' in sys.modules, len(s._CONVERTER)]\n"
        "try:\n"
        '    sk.loads(\'{"schema_version": 6, "source": 5}\')\n'
        "except sk.SerialisationError:\n"
        "    pass\n"
        "seen.append(len(s._CONVERTER))\n"
        "print(seen)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[False, False, 0, 1]"
