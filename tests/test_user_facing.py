"""What a new user meets first (issue 16): where a result came from, outcome words, votes, reprs, tables.

Every text here is invented.
"""

from __future__ import annotations

import builtins
import contextlib
import json
import warnings
from pathlib import Path
from typing import Any

import pytest

import scrutinykit as sk

MINUTES = """\
LOWFORD DISTRICT COUNCIL

MINUTES of a meeting of the Housing Scrutiny Panel held on Tuesday 4 March 2025 at 6.30 pm

Present: Councillor A. Pemberton (Chair), Councillors B. Quarry and C. Ruston

1. PLAY AREAS

Councillor Quarry moved that the play area at Elm Green be reopened; seconded by Councillor Ruston. \
On being put to the vote the motion was LOST (2 for, 4 against, 0 abstentions).

ACTION: J. Clerk to add the play area review to the work programme by 30 April 2025.

RECOMMENDED to Cabinet that the closure of the Elm Green play area be reviewed.

2. RENT ARREARS

The Panel noted that arrears had risen by £12,500 since April, across 40 households.

AGREED that the arrears policy be reviewed in June.

RESOLVED that the report be noted.

The meeting ended at 8.05 pm
"""


@pytest.fixture(scope="module")
def doc() -> sk.Document:
    return sk.parse(MINUTES, source="lowford-housing.txt")


# -- where a result came from --------------------------------------------------


def test_the_document_knows_its_source(doc: sk.Document, tmp_path: Path) -> None:
    """The caller's name, or the file's path, is the document's source_name and is in its JSON."""
    assert doc.source_name == "lowford-housing.txt"
    assert sk.parse(MINUTES).source_name is None
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    from_file = sk.parse_file(path)
    assert from_file.source_name == str(path)
    assert json.loads(sk.dumps(from_file))["source_name"] == str(path)
    assert sk.loads(sk.dumps(from_file)) == from_file
    # The content hash stays the stable key: the same text under another name has the same id.
    assert sk.document_id(from_file) == sk.document_id(doc)


def test_parse_of_a_file_path_warns(tmp_path: Path) -> None:
    """parse() of a string naming an existing file warns that parse_file reads files."""
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    # The path's few words are not minutes; the warning said why.
    with pytest.warns(UserWarning, match="parse_file"), contextlib.suppress(sk.NotMinutesError):
        sk.parse(str(path))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sk.parse(MINUTES)  # text is not a path: no warning


def test_a_missing_file_is_also_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.txt"
    with pytest.raises(FileNotFoundError) as info:
        sk.parse_file(missing)
    assert isinstance(info.value, sk.ScrutinyKitError)
    assert isinstance(info.value, sk.MissingFileError)
    assert info.value.filename == str(missing)
    assert str(missing) in str(info.value)


# -- one rule for an outcome's text ------------------------------------------


def test_outcome_text_is_what_was_resolved(doc: sk.Document) -> None:
    """Label, addressee and the introducing "that" are fields; text is what was resolved."""
    by_type = {type(o).__name__: o for o in doc.outcomes()}
    rec = by_type["Recommendation"]
    assert (rec.label, rec.addressee, rec.that) == ("RECOMMENDED", "Cabinet", "that")
    assert rec.text == "the closure of the Elm Green play area be reviewed."
    agreed = by_type["Agreement"]
    assert (agreed.label, agreed.that) == ("AGREED", "that")
    assert agreed.text == "the arrears policy be reviewed in June."
    res = by_type["Resolution"]
    assert (res.label, res.that) == ("RESOLVED", "that")
    assert res.text == "the report be noted."


def test_an_announcing_that_is_not_the_text() -> None:
    """An intro that only announces points ("… recommended that") has an empty text, not 'that'."""
    doc = sk.parse(
        "Minutes of the Parks Sub-Committee held on 2 May 2025\n\n4. Allotments\n\n"
        "The Sub-Committee recommended that\n\n1. The waiting list be published.\n\n"
        "2. Vacant plots be relet within a month.\n"
    )
    (rec,) = doc.outcomes()
    assert rec.text == ""
    assert rec.that == "that"
    assert rec.label == "The Sub-Committee recommended"
    assert len(rec.points) == 2


def test_version_6_json_moves_the_that(doc: sk.Document) -> None:
    """JSON of schema version 6 (text kept "that") loads with the word moved to its field."""
    data = json.loads(sk.dumps(doc))
    data["schema_version"] = 6
    del data["source_name"]
    for item in data["items"]:
        for section in item["sections"] or [{"blocks": item["agenda"]}]:
            for block in section["blocks"]:
                if "that" in block and "label" in block:
                    if block["that"]:
                        block["text"] = f"{block['that']} {block['text']}"
                    del block["that"], block["label"]
    old = sk.loads(json.dumps(data))
    res = next(o for o in old.outcomes() if isinstance(o, sk.Resolution))
    assert (res.that, res.text, res.label) == ("that", "the report be noted.", None)


# -- votes and owners ------------------------------------------------------------


def test_a_moved_seconded_and_put_motion_is_one_vote(doc: sk.Document) -> None:
    (vote,) = doc.items[0].votes
    assert vote.proposer == "Councillor Quarry"
    assert vote.seconder == "Councillor Ruston"
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (2, 4, 0)
    assert vote.result is sk.VoteResult.LOST
    assert doc.text_of(vote).startswith("Councillor Quarry moved")
    assert doc.text_of(vote).endswith("0 abstentions).")


def test_an_action_owner_keeps_initials(doc: sk.Document) -> None:
    (action,) = doc.items[0].commitments
    assert action.owner is not None
    assert action.owner.text == "J. Clerk"
    assert doc.text_of(action.owner) == "J. Clerk"


# -- reprs -------------------------------------------------------------------------


def test_concise_reprs_and_the_full_form(doc: sk.Document) -> None:
    text = repr(doc)
    assert len(text) < 300
    assert "lowford-housing.txt" in text
    assert "2 items" in text
    assert "2025-03-04" in text
    item = repr(doc.items[0])
    assert len(item) < 200
    assert "PLAY AREAS" in item
    full = doc.full_repr()
    assert full.startswith("Document(source=<")
    assert "AgendaItem(span=Span(" in full
    assert "Councillor Quarry moved" in full
    assert doc.items[0].full_repr().startswith("AgendaItem(span=Span(")


# -- tables ------------------------------------------------------------------------


def test_tables_have_source_and_numeric_figures(doc: sk.Document) -> None:
    pytest.importorskip("pandas")
    frames = sk.tables([doc])
    assert frames["documents"]["source"].tolist() == ["lowford-housing.txt"]
    figures = frames["figures"]
    money = figures[figures["kind"] == "money"]
    assert money["value"].tolist() == [12500.0]
    assert str(figures["value"].dtype) == "Float64"
    assert "unit" in figures.columns
    rows = sk.table_rows([doc])
    assert rows["documents"][0]["source"] == "lowford-housing.txt"


def test_tables_without_pandas_is_a_missing_extra(doc: sk.Document, monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("no pandas here")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(sk.MissingExtraError, match=r"scrutinykit\[tables\]"):
        sk.tables([doc])
