"""Flat tables for notebooks and Parquet: stable columns, keys that join."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrutinykit as sk


def test_rows_have_exactly_the_documented_columns(seed_docs: dict[str, sk.Document]) -> None:
    """Every row of every table has the columns COLUMNS lists, in order."""
    rows = sk.table_rows(seed_docs.values())
    assert set(rows) == set(sk.COLUMNS)
    for name, table in rows.items():
        assert table, name
        for row in table:
            assert list(row) == list(sk.COLUMNS[name])


def test_keys_join(seed_docs: dict[str, sk.Document]) -> None:
    """Outcomes join items, points join outcomes, and counts agree."""
    rows = sk.table_rows(seed_docs.values())
    items = {r["item_id"] for r in rows["items"]}
    outcomes = {r["outcome_id"]: r for r in rows["outcomes"]}
    assert all(r["item_id"] in items or r["item_id"] is None for r in rows["outcomes"])
    assert all(r["outcome_id"] in outcomes for r in rows["points"])
    for outcome_id, row in outcomes.items():
        top = [p for p in rows["points"] if p["outcome_id"] == outcome_id and p["depth"] == 0]
        assert len(top) == row["points"]
    assert len(rows["documents"]) == 5
    assert sum(r["outcomes"] for r in rows["documents"]) == len(rows["outcomes"]) == 11


def test_budget_proposal_outcomes_carry_their_reference(seed_docs: dict[str, sk.Document]) -> None:
    """Conclusions on a budget proposal name its savings reference."""
    rows = sk.table_rows([seed_docs["001"]], ids=["budget"])
    assert [r["budget_reference"] for r in rows["outcomes"]] == [
        "2024-28 SAV CYPE 001",
        "2024-28 SAV CYPE 003",
    ]
    assert rows["outcomes"][0]["outcome_id"] == "budget/0/0"


def test_document_id_is_a_content_hash(seed_docs: dict[str, sk.Document]) -> None:
    """The default id depends on the text only."""
    doc = seed_docs["003"]
    assert sk.document_id(doc) == sk.document_id(sk.parse(doc.source))
    assert sk.document_id(doc) != sk.document_id(seed_docs["004"])


def test_dataframes_have_stable_dtypes(seed_docs: dict[str, sk.Document]) -> None:
    """tables() gives DataFrames with the documented dtypes."""
    pytest.importorskip("pandas")
    frames = sk.tables(seed_docs.values())
    for name, frame in frames.items():
        assert list(frame.columns) == list(sk.COLUMNS[name])
        assert [str(t) for t in frame.dtypes] == list(sk.COLUMNS[name].values())
    docs = frames["documents"].set_index("document_id")
    assert str(docs.loc[sk.document_id(seed_docs["002"]), "date"].date()) == "2017-09-19"


def test_parquet_round_trip(seed_docs: dict[str, sk.Document], tmp_path: Path) -> None:
    """write_parquet writes one file per table that reads back equal."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    paths = sk.write_parquet(seed_docs.values(), tmp_path)
    assert sorted(paths) == sorted(sk.COLUMNS)
    back = pd.read_parquet(paths["outcomes"])
    assert len(back) == 11
    assert list(back.columns) == list(sk.COLUMNS["outcomes"])


def test_partitioned_parquet(seed_docs: dict[str, sk.Document], tmp_path: Path) -> None:
    """With part=, each table is one part of a dataset that reads back whole."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    docs = list(seed_docs.values())
    sk.write_parquet(docs[:2], tmp_path, part="a")
    paths = sk.write_parquet(docs[2:], tmp_path, part="b")
    assert paths["items"] == tmp_path / "items" / "part-b.parquet"
    whole = pd.read_parquet(tmp_path / "outcomes")
    assert len(whole) == 11


def test_actions_table_holds_every_commitment(seed_docs: dict[str, sk.Document]) -> None:
    """The actions table has one row per commitment, with its kind, owner, due date and span."""
    docs = list(seed_docs.values())
    rows = sk.table_rows(docs)["actions"]
    commitments = [c for doc in docs for c in doc.commitments()]
    assert len(rows) == len(commitments) > 0
    by_span = {(r["start"], r["end"], r["kind"]): r for r in rows}
    for c in commitments:
        row = by_span[(c.span.start, c.span.end, c.kind.value)]
        assert row["owner_kind"] == (c.owner.kind.value if c.owner else None)
        assert row["due"] == (c.due.date if c.due else None)
        assert row["in_outcome"] is c.in_outcome
    assert {r["kind"] for r in rows} <= {"action", "undertaking", "request"}


def test_outcomes_outside_items_are_rows_too() -> None:
    """An outcome before the first item or after the close is a row with no item, and its points join it."""
    doc = sk.parse(
        "Minutes of the Larkspur Scrutiny Panel held on 4 March 2025\n\n"
        "RESOLVED that:\n\n(a) the Chair sign the register;\n(b) the meeting be recorded.\n\n"
        "1. Play Area Renewal\n\nRESOLVED that the report be noted.\n\n"
        "The meeting closed at 8.15 pm.\n\nRESOLVED that the next meeting be on 1 April 2025.\n"
    )
    assert [type(o).__name__ for o in doc.outcomes()] == ["Resolution"] * 3
    rows = sk.table_rows([doc])
    doc_id = sk.document_id(doc)
    assert [(r["item_id"], r["outcome_id"], r["position"]) for r in rows["outcomes"]] == [
        (None, f"{doc_id}/front/0", 0),
        (f"{doc_id}/0", f"{doc_id}/0/0", 0),
        (None, f"{doc_id}/closing/0", 0),
    ]
    assert rows["documents"][0]["outcomes"] == len(doc.outcomes()) == 3
    assert [p["outcome_id"] for p in rows["points"]] == [f"{doc_id}/front/0"] * 2
    assert [doc.source[r["start"] : r["end"]][:9] for r in rows["outcomes"]] == ["RESOLVED "] * 3
