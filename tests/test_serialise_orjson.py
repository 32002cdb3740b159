"""orjson (the ``json`` extra) changes nothing but speed: the same documents, text and errors without it.

With orjson importable, :func:`scrutinykit.loads` reads with ``orjson.loads``
and ``dumps(indent=2)`` writes with ``orjson.dumps``; without it (the import
hidden here) both use the standard library's :mod:`json`.  Every test runs in
both states and compares them, or checks which path ran.  Speed is measured
by ``benchmarks/json_paths.py``, never asserted here.
"""

from __future__ import annotations

import copy
import io
import json
import re
import sys
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit.io import serialise as _serialise

from .conftest import SEEDS
from .test_memory_json import long_text
from .test_serialise import documents

STATES = ("orjson", "json module")


@pytest.fixture
def without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """orjson cannot be imported, and the module has not looked for it yet."""
    monkeypatch.setitem(sys.modules, "orjson", None)  # ``import orjson`` raises ImportError
    monkeypatch.setattr(_serialise, "_ORJSON", [])


@pytest.fixture
def with_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """orjson is importable, and the module has not looked for it yet."""
    monkeypatch.setattr(_serialise, "_ORJSON", [])


@pytest.fixture(scope="module")
def long_doc() -> sk.Document:
    """A document long enough to be written a piece at a time."""
    return sk.parse(long_text())


def outcome(text: str | bytes) -> tuple[str, object]:
    """What loads does with ``text``: the document, or the error's message, line and column."""
    try:
        return "document", sk.loads(text)
    except sk.SerialisationError as exc:
        return "error", (str(exc), exc.line, exc.column)


def in_both_states(monkeypatch: pytest.MonkeyPatch, fn: Any, *args: Any) -> dict[str, Any]:
    """``fn(*args)`` with orjson and with its import hidden."""
    results: dict[str, Any] = {}
    for state in STATES:
        with monkeypatch.context() as m:
            m.setattr(_serialise, "_ORJSON", [])
            if state == "json module":
                m.setitem(sys.modules, "orjson", None)
            results[state] = fn(*args)
            assert (_serialise._orjson() is None) == (state == "json module")
    return results


def test_orjson_is_found_when_importable(with_orjson: None) -> None:
    """With the test extra installed, the module finds orjson."""
    assert _serialise._orjson() is orjson


def test_fallback_when_orjson_cannot_be_imported(
    without_orjson: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without orjson, loads never tries the orjson path, dumps gets no orjson encoder, and both work."""
    assert _serialise._orjson() is None

    def refuse(*_: object) -> None:
        raise AssertionError("the orjson path ran without orjson")

    encoders: list[object] = []
    real = _serialise._indent_2_encoder

    def spy(fallback: Any) -> Any:
        encoders.append(real(fallback))
        return encoders[-1]

    monkeypatch.setattr(_serialise, "_load_fast", refuse)
    monkeypatch.setattr(_serialise, "_indent_2_encoder", spy)
    doc = sk.parse_file(SEEDS[3])
    assert sk.loads(sk.dumps(doc, indent=2)) == doc
    assert encoders == [None]


def test_a_good_document_is_read_by_orjson_alone(with_orjson: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """With orjson, a well-formed document never reaches the standard library's reader."""

    def refuse(_: object) -> None:
        raise AssertionError("the json module's path ran for a good document")

    doc = sk.parse_file(SEEDS[3])
    text = sk.dumps(doc)
    monkeypatch.setattr(_serialise, "_load_checked", refuse)
    assert sk.loads(text) == doc
    assert sk.loads(text.encode("utf-8")) == doc


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seeds_load_the_same_in_both_states(seed: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each seed's JSON, as text and as UTF-8 bytes, loads to the parsed document both ways."""
    doc = sk.parse_file(seed)
    text = sk.dumps(doc)
    for given_text in (text, text.encode("utf-8")):
        assert in_both_states(monkeypatch, sk.loads, given_text) == dict.fromkeys(STATES, doc)


def _seed_data() -> dict[str, Any]:
    return dict(json.loads(sk.dumps(sk.parse_file(SEEDS[3]))))


def _with(path: tuple[Any, ...], value: object) -> str:
    data = _seed_data()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data, ensure_ascii=False)


_GOOD = json.dumps(_seed_data(), ensure_ascii=False)

# Inputs where orjson and the json module part ways: orjson refuses them, or
# reads them otherwise (an integer beyond 64 bits becomes a float).
CASES: dict[str, str | bytes] = {
    "empty": "",
    "truncated": _GOOD[:-1],
    "trailing data": _GOOD + " x",
    "bad utf-16": b"\xff\xfe\x00{",
    "utf-8 bom in text": "\ufeff" + _GOOD,
    "utf-8 bom in bytes": b"\xef\xbb\xbf" + _GOOD.encode("utf-8"),
    "utf-16 bytes": _GOOD.encode("utf-16"),
    "invalid utf-8": _GOOD.encode("utf-8")[:20] + b"\xff" + _GOOD.encode("utf-8")[20:],
    "deep": "[" * 100_000,
    "5000-digit integer": '{"schema_version": ' + "9" * 5000 + "}",
    "version beyond 64 bits": '{"schema_version": 18446744073709551616}',
    "span beyond 64 bits": _with(("items", 0, "span"), [0, 18446744073709551616]),
    "negative span beyond 64 bits": _with(("items", 0, "span"), [-9223372036854775809, 3]),
    "NaN for an integer": re.sub(r'"span": \[\d+', '"span": [NaN', _GOOD, count=1),
    "lone surrogate escaped": _with(("items", 0, "title"), "\ud800"),
    "lone surrogate in the text": _GOOD.replace('"title": "', '"title": "\ud800', 1),
    "float for an integer": _with(("items", 0, "span"), [0.0, 3]),
    "null": "null",
    "array": "[1, 2]",
    "no version": '{"source": "x"}',
    "version true": '{"schema_version": true}',
    "version 1.0": '{"schema_version": 1.0}',
    "future version": f'{{"schema_version": {sk.SCHEMA_VERSION + 1}}}',
    "version 0 of the wrong shape": '{"schema_version": 0, "source": "x"}',
    "version 6": _GOOD.replace(f'"schema_version": {sk.SCHEMA_VERSION}', '"schema_version": 6', 1),
    "missing field": '{"schema_version": 8, "source": "x"}',
    "wrong type": _with(("items", 0, "title"), 5),
    "extra key": _with(("items", 0, "surprise"), 1),
    "duplicate key": _GOOD[:-1] + ', "truncated": true}',
}


@pytest.mark.parametrize("name", list(CASES))
def test_loads_is_the_same_in_both_states(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Broken, odd and old JSON gives the same document or the same error, message, line and column."""
    results = in_both_states(monkeypatch, outcome, CASES[name])
    assert results["orjson"] == results["json module"]


def test_the_cases_part_ways_where_they_should() -> None:
    """The cases above do reach orjson's differences (else the comparison proves little)."""
    refused = ("utf-8 bom in bytes", "utf-16 bytes", "deep", "lone surrogate escaped", "NaN for an integer")
    for name in refused:
        with pytest.raises(orjson.JSONDecodeError):
            orjson.loads(CASES[name])
    assert type(orjson.loads(CASES["span beyond 64 bits"])["items"][0]["span"][1]) is float
    # ... and some of them load: orjson's refusal is not the verdict.
    assert outcome(CASES["utf-8 bom in bytes"])[0] == "document"
    assert outcome(CASES["lone surrogate escaped"])[0] == "document"
    assert outcome(CASES["version 6"])[0] == "document"


@settings(max_examples=60, deadline=None)
@given(documents)
def test_generated_documents_load_the_same_in_both_states(doc: sk.Document) -> None:
    """Documents of any shape come back equal through either reader."""
    text = sk.dumps(doc)
    assert sk.loads(text) == doc
    assert _serialise._load_checked(text) == doc


@pytest.mark.parametrize("indent", [None, 2])
def test_dumps_and_dump_are_the_same_text_in_both_states(
    indent: int | None, long_doc: sk.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dumps and dump give json.dumps's text with orjson and without, for a short and a long document."""

    def written(doc: sk.Document) -> tuple[str, str]:
        buffer = io.StringIO()
        sk.dump(doc, buffer, indent=indent)
        return sk.dumps(doc, indent=indent), buffer.getvalue()

    for doc in (sk.parse_file(SEEDS[3]), long_doc):
        expected = json.dumps(sk.to_dict(doc), ensure_ascii=False, indent=indent)
        assert in_both_states(monkeypatch, written, doc) == dict.fromkeys(STATES, (expected, expected))


def test_indent_2_falls_back_on_what_orjson_refuses(with_orjson: None) -> None:
    """A lone surrogate or an integer beyond 64 bits, which orjson will not write, still gives json's text."""
    doc = sk.parse_file(SEEDS[3])
    odd = attrs.evolve(doc, source=doc.source + "\ud800")
    wide = attrs.evolve(doc.items[0], span=sk.Span(start=0, end=2**70))
    big = attrs.evolve(doc, items=(wide, *doc.items[1:]))
    for d in (odd, big):
        with pytest.raises(TypeError):
            orjson.dumps(sk.to_dict(d), option=orjson.OPT_INDENT_2)
        assert sk.dumps(d, indent=2) == json.dumps(sk.to_dict(d), ensure_ascii=False, indent=2)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_indent_2_encoder_writes_json_dumps_text(value: Any) -> None:
    """orjson's indent-2 text is json.dumps's for any value of the kinds the model unstructures to."""
    reference = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=2).encode
    encode = _serialise._indent_2_encoder(reference)
    assert encode is not None
    assert encode(copy.deepcopy(value)) == reference(value)
