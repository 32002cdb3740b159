"""parse_many: results in order, errors as values, and JSON written by the workers."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrutinykit as sk

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _sources(tmp_path: Path) -> list[str | Path]:
    missing = tmp_path / "missing.txt"
    return [SEEDS[0], "", SEEDS[1].read_text(encoding="utf-8"), missing, SEEDS[2]]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_order_with_errors_as_values(tmp_path: Path, workers: int) -> None:
    """Each source gives its document or its error, in the order given, on one or two processes."""
    results = list(sk.parse_many(_sources(tmp_path), workers=workers, chunksize=1))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "NotMinutesError",
        "Document",
        "ScrutinyKitError",
        "Document",
    ]
    assert results[0] == sk.parse_file(SEEDS[0])
    assert results[4] == sk.parse_file(SEEDS[2])
    assert isinstance(results[3], sk.ScrutinyKitError)
    assert "missing.txt" in str(results[3])


@pytest.mark.parametrize("workers", [1, 2])
def test_as_json_is_what_dumps_writes(tmp_path: Path, workers: int) -> None:
    """as_json=True yields exactly dumps() of each document, and the same errors."""
    sources = _sources(tmp_path)
    documents = list(sk.parse_many(sources, workers=1))
    texts = list(sk.parse_many(sources, workers=workers, as_json=True, chunksize=2))
    assert len(texts) == len(documents)
    for doc, text in zip(documents, texts):
        if isinstance(doc, sk.ScrutinyKitError):
            assert type(text) is type(doc)
            assert str(text) == str(doc)
        else:
            assert text == sk.dumps(doc)
            assert sk.loads(text) == doc
