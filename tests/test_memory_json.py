"""JSON written a piece at a time: ``dump`` and the piecewise ``dumps`` give exactly ``json.dumps``'s text.

``dumps`` encodes a long document field by field and item by item, and
``dump`` writes those pieces as they come; both must put the pieces
together into the very text ``json.dumps`` gives for :func:`to_dict`'s data,
for every indent.  The seeds are shorter than the length at which the
piecewise path starts, so most tests lower the module's thresholds to make
every document go through it (and through its deeper splits).  How much
memory the pieces save is measured by a benchmark, never asserted here.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

import scrutinykit as sk
from scrutinykit._cli import main
from scrutinykit.io import serialise as _serialise

from .conftest import ROOT, SEEDS
from .test_serialise import documents

GOLDEN = ROOT / "tests" / "golden"
INDENTS = (None, 0, 1, 2, 4)


def reference(doc: sk.Document, indent: int | None = None) -> str:
    """The text ``json.dumps`` gives for the document's data in one go."""
    return json.dumps(sk.to_dict(doc), ensure_ascii=False, indent=indent)


def dumped(doc: sk.Document, indent: int | None = None) -> str:
    """What :func:`scrutinykit.dump` writes to a text buffer."""
    buffer = io.StringIO()
    sk.dump(doc, buffer, indent=indent)
    return buffer.getvalue()


@pytest.fixture
def piecewise(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every document is encoded piecewise, its items split into fields, its strings in short slices."""
    monkeypatch.setattr(_serialise, "_WHOLE", 0)
    monkeypatch.setattr(_serialise, "_SPLIT", 0)
    monkeypatch.setattr(_serialise, "_SLICE", 7)


def long_text() -> str:
    """Minutes longer than the piecewise threshold: the seeds one after another, twice over."""
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return "\n\n".join(texts * 2)


@pytest.fixture(scope="module")
def long_doc() -> sk.Document:
    """The long minutes parsed once."""
    return sk.parse(long_text())


@pytest.mark.parametrize("indent", INDENTS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_dump_writes_what_dumps_returns_for_seeds(
    seed: Path, indent: int | None, seed_docs: dict[str, sk.Document], piecewise: None
) -> None:
    """For each seed and indent, dump writes, and dumps returns, json.dumps's text of the data."""
    doc = seed_docs[seed.name[:3]]
    expected = reference(doc, indent)
    assert sk.dumps(doc, indent=indent) == expected
    assert dumped(doc, indent) == expected


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_piecewise_output_equals_the_golden_file(
    seed: Path, seed_docs: dict[str, sk.Document], piecewise: None
) -> None:
    """Written piecewise with indent 1, each seed's JSON is its golden file (less the final newline)."""
    golden = (GOLDEN / f"{seed.stem}.json").read_text(encoding="utf-8")
    doc = seed_docs[seed.name[:3]]
    assert dumped(doc, 1) + "\n" == golden
    assert sk.dumps(doc, indent=1) + "\n" == golden


@pytest.mark.parametrize("indent", INDENTS)
def test_long_document_as_it_comes(long_doc: sk.Document, indent: int | None) -> None:
    """A document past the threshold, with the module's own settings: both writers give json.dumps's text."""
    assert len(long_doc.source) >= _serialise._WHOLE
    expected = reference(long_doc, indent)
    assert sk.dumps(long_doc, indent=indent) == expected
    assert dumped(long_doc, indent) == expected


def test_long_document_round_trips(long_doc: sk.Document) -> None:
    """loads gives back the long document from what dumps returns and from what dump writes."""
    assert sk.loads(sk.dumps(long_doc)) == long_doc
    assert sk.loads(dumped(long_doc, 2)) == long_doc


def test_dump_writes_a_long_document_in_pieces(long_doc: sk.Document) -> None:
    """dump makes many writes, none holding a large part of the text, and no newline at the end."""
    writes: list[str] = []

    class Recorder:
        def write(self, text: str) -> int:
            writes.append(text)
            return len(text)

    sk.dump(long_doc, Recorder())
    text = "".join(writes)
    assert text == sk.dumps(long_doc)
    assert not text.endswith("\n")
    assert len(writes) > len(long_doc.items)
    assert max(map(len, writes)) < len(text) // 4


def test_dump_to_a_utf8_file_is_the_bytes_of_dumps(long_doc: sk.Document, tmp_path: Path) -> None:
    """A UTF-8 file written by dump holds dumps's text, non-ASCII characters as they are."""
    path = tmp_path / "doc.json"
    with path.open("w", encoding="utf-8") as fp:
        sk.dump(long_doc, fp)
    text = sk.dumps(long_doc)
    assert not text.isascii()
    assert path.read_bytes() == text.encode("utf-8")


@settings(max_examples=100, deadline=None)
@given(documents)
def test_generated_documents_piecewise(doc: sk.Document) -> None:
    """Any model instance, encoded piecewise, gives json.dumps's text and loads back unchanged."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_serialise, "_WHOLE", 0)
        mp.setattr(_serialise, "_SPLIT", 0)
        mp.setattr(_serialise, "_SLICE", 3)
        for indent in (None, 2):
            text = sk.dumps(doc, indent=indent)
            assert text == reference(doc, indent)
            assert dumped(doc, indent) == text
            assert sk.loads(text) == doc


def test_without_the_fast_fields_the_text_is_the_same(
    long_doc: sk.Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the model has no field-by-field function, dump and dumps still give json.dumps's text."""
    monkeypatch.setattr(_serialise, "_fast_fields", lambda: None)
    assert sk.dumps(long_doc, indent=1) == reference(long_doc, 1)
    assert dumped(long_doc) == reference(long_doc)


def run(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process: (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("indent", [None, 2])
def test_cli_output_is_dumps_per_line(tmp_path: Path, indent: int | None) -> None:
    """`parse` on stdout, with --out, and with --jobs 2 writes dumps(doc) and a newline per file.

    With --indent, several files make one JSON array of the same texts, and --out (JSON Lines) is refused.
    """
    long_file = tmp_path / "long.txt"
    long_file.write_text(long_text(), encoding="utf-8")
    files = [str(SEEDS[0]), str(long_file), str(SEEDS[3])]
    extra = [] if indent is None else ["--indent", str(indent)]
    texts = [sk.dumps(sk.parse_file(f), indent=indent) for f in files]
    expected = "".join(t + "\n" for t in texts) if indent is None else "[\n" + ",\n".join(texts) + "\n]\n"

    status, out, err = run("parse", *extra, *files)
    assert (status, err) == (0, "scrutinykit: 3 parsed, 0 failed\n")
    assert out == expected

    out_file = tmp_path / "out.jsonl"
    status, out, _ = run("parse", *extra, "--out", str(out_file), *files)
    if indent is None:
        assert (status, out) == (0, "")
        assert out_file.read_text(encoding="utf-8") == expected
    else:
        assert (status, out) == (2, "")
        assert not out_file.exists()

    status, out, _ = run("parse", *extra, "--jobs", "2", *files)
    assert status == 0
    assert out == expected
