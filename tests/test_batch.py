"""parse_many: results in order, errors as values, and JSON written by the workers."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrutinykit as sk

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def _sources(tmp_path: Path) -> list[str | Path]:
    """Files: a Path, an empty file, a path as a str, a missing file, a Path."""
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return [SEEDS[0], empty, str(SEEDS[1]), missing, SEEDS[2]]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_order_with_errors_as_values(tmp_path: Path, workers: int) -> None:
    """Each source gives its document or its error, in the order given, on one or two processes."""
    results = list(sk.parse_many(_sources(tmp_path), workers=workers, chunksize=1))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "NotMinutesError",
        "Document",
        "MissingFileError",
        "Document",
    ]
    assert results[0] == sk.parse_file(SEEDS[0])
    assert results[2] == sk.parse_file(SEEDS[1])
    assert isinstance(results[3], FileNotFoundError)
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


@pytest.mark.parametrize("workers", [1, 2])
def test_a_str_is_a_path_and_texts_are_asked_for(tmp_path: Path, workers: int) -> None:
    """A str source is a file's path (glob.glob gives str); texts go in texts=, never guessed."""
    text = SEEDS[0].read_text(encoding="utf-8")
    by_path = list(sk.parse_many([str(SEEDS[0])], workers=workers))
    by_text = list(sk.parse_many(texts=[text, ""], workers=workers))
    assert isinstance(by_path[0], sk.Document)
    assert by_path[0].source_name == str(SEEDS[0])
    assert isinstance(by_text[0], sk.Document)
    assert by_text[0].source == by_path[0].source
    assert by_text[0].source_name is None
    assert isinstance(by_text[1], sk.NotMinutesError)
    # A string that is not a file is reported as a missing file, not parsed as minutes.
    missing = list(sk.parse_many(["RESOLVED that the report be noted."], workers=workers))
    assert isinstance(missing[0], sk.MissingFileError)


def test_sources_and_texts_one_of_the_two() -> None:
    with pytest.raises(TypeError, match="one of the two"):
        sk.parse_many()
    with pytest.raises(TypeError, match="one of the two"):
        sk.parse_many([SEEDS[0]], texts=["x"])
    with pytest.raises(TypeError, match="takes str"):
        list(sk.parse_many(texts=[SEEDS[0]]))  # type: ignore[list-item]
