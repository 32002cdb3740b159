"""Proceedings outside the items: before the first item and after the closing line (issue 15).

The document's accessors (``exchanges()``, ``commitments()``, ``actions()``,
``references()``, ``votes()`` …) cover the front matter and the closing as
well as the items, in source order.  The minutes below are invented.
"""

from __future__ import annotations

import csv
import io
import json

import scrutinykit as sk
from scrutinykit.io.tables import table_rows

MINUTES = (
    "MINUTES of a meeting of the Harbourside Overview and Scrutiny Committee held on Tuesday 4 March 2025\n"
    "\n"
    "Present: Councillors Amara Quill (Chair), Tobias Wren and Hester Lamb\n"
    "\n"
    "A Member asked when the new library at Saltmarsh would open. The Head of Libraries responded"
    " that it would open in the spring.\n"
    "\n"
    "Action: The Clerk to circulate the revised work programme by 31 March 2025.\n"
    "\n"
    "1. BUS SERVICES REVIEW\n"
    "\n"
    "The Committee considered the report on rural bus routes.\n"
    "\n"
    "The Director undertook to share the passenger figures by the next meeting.\n"
    "\n"
    "RESOLVED that the report be noted.\n"
    "\n"
    "The meeting ended at 8.05pm.\n"
    "\n"
    "The minutes of the meeting held on 14 January 2025 were signed by the Chair."
    " Proposed by Councillor Quill, seconded by Councillor Lamb, that the next meeting be moved"
    " to the Corn Exchange; carried unanimously.\n"
)


def _doc() -> sk.Document:
    return sk.parse(MINUTES)


def test_an_action_before_the_first_item_is_the_documents() -> None:
    doc = _doc()
    first = doc.items[0].span.start
    before = [c for c in doc.actions() if c.span.start < first]
    assert [doc.text_of(c) for c in before] == [
        "Action: The Clerk to circulate the revised work programme by 31 March 2025."
    ]
    (action,) = before
    assert action.kind is sk.CommitmentKind.ACTION
    assert action.owner is not None
    assert action.owner.title == "Clerk"
    assert action.due is not None
    assert doc.text_of(action.due) == "31 March 2025"
    assert doc.front_matter_proceedings.commitments == (action,)


def test_a_question_and_answer_in_the_front_matter_is_an_exchange() -> None:
    doc = _doc()
    (exchange,) = doc.exchanges()
    assert doc.text_of(exchange.question).startswith("A Member asked when the new library")
    assert doc.text_of(exchange.responses[0]).startswith("The Head of Libraries responded")
    assert doc.front_matter_proceedings.exchanges == (exchange,)
    assert exchange.span.end <= doc.items[0].span.start


def test_a_vote_and_a_reference_after_the_close_are_the_documents() -> None:
    doc = _doc()
    (vote,) = doc.votes()
    assert doc.text_of(vote).startswith("Proposed by Councillor Quill, seconded by Councillor Lamb")
    assert vote.unanimous
    assert vote.result is sk.VoteResult.CARRIED
    (reference,) = doc.references()
    assert doc.text_of(reference) == "The minutes of the meeting held on 14 January 2025"
    assert reference.date is not None
    assert reference.date.isoformat() == "2025-01-14"
    closed = next(b for b in doc.closing if isinstance(b, sk.MeetingEnd))
    assert vote.span.start > closed.span.end
    assert reference.span.start > closed.span.end
    assert doc.closing_proceedings.votes == (vote,)
    assert doc.closing_proceedings.references == (reference,)


def test_accessors_run_in_source_order() -> None:
    """Front matter, then the items, then the closing."""
    doc = _doc()
    commitments = doc.commitments()
    assert [c.kind for c in commitments] == [sk.CommitmentKind.ACTION, sk.CommitmentKind.UNDERTAKING]
    assert commitments[1] in doc.items[0].commitments
    starts = [c.span.start for c in commitments]
    assert starts == sorted(starts)


def test_no_proceedings_outside_items_is_falsy() -> None:
    doc = sk.parse(
        "Minutes of the Dunmore Parish Council held on 2 June 2025\n\n1. Allotments\n\n"
        "A Member asked about the waiting list. The Clerk said that it had fallen.\n"
    )
    assert not doc.front_matter_proceedings
    assert not doc.closing_proceedings
    assert doc.front_matter_proceedings == sk.Proceedings()
    assert len(doc.exchanges()) == 1


def test_an_item_pages_agenda_line_is_not_an_action() -> None:
    """A lone sentence between a lost item's title and its ``Minutes:`` label is what the agenda said."""
    doc = sk.parse(
        "Issue - decisions\n\n"
        "Meeting: 13/11/2024 - Coastal Scrutiny Panel (Item 8)\n\n"
        "The Chair to present the draft annual report for approval.\n\n"
        "Minutes:\n\n"
        "The Panel considered the draft annual report.\n\n"
        "The Chair undertook to add a section on recommendations not accepted.\n"
    )
    assert not doc.items
    texts = [doc.text_of(c) for c in doc.commitments()]
    assert texts == ["The Chair undertook to add a section on recommendations not accepted."]


def test_json_round_trip_keeps_the_proceedings_outside_items() -> None:
    doc = _doc()
    data = json.loads(sk.dumps(doc))
    assert data["schema_version"] == sk.SCHEMA_VERSION == 8
    assert len(data["front_matter_proceedings"]["commitments"]) == 1
    assert len(data["closing_proceedings"]["votes"]) == 1
    back = sk.loads(sk.dumps(doc))
    assert back == doc
    assert back.votes() == doc.votes()


def test_version_7_json_loads_with_no_proceedings_outside_items() -> None:
    doc = _doc()
    data = json.loads(sk.dumps(doc))
    data["schema_version"] = 7
    del data["front_matter_proceedings"], data["closing_proceedings"]
    old = sk.loads(json.dumps(data))
    assert old.front_matter_proceedings == old.closing_proceedings == sk.Proceedings()
    assert old.items == doc.items
    assert [doc.text_of(c) for c in old.commitments()] == [
        "The Director undertook to share the passenger figures by the next meeting."
    ]


def test_the_actions_table_has_the_rows_outside_items() -> None:
    doc = _doc()
    rows = table_rows([doc], ["d"])["actions"]
    assert [(r["item_id"], r["kind"]) for r in rows] == [(None, "action"), ("d/0", "undertaking")]


def test_the_actions_command_lists_the_rows_outside_items(tmp_path: object) -> None:
    from pathlib import Path

    from scrutinykit._cli import main

    path = Path(str(tmp_path)) / "minutes.txt"
    path.write_text(MINUTES, encoding="utf-8")
    out = io.StringIO()
    assert main(["actions", "--format", "csv", str(path)], stdout=out, stderr=io.StringIO()) == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["item"], r["kind"]) for r in rows] == [("", "action"), ("1.", "undertaking")]


def test_the_outline_shows_what_stands_before_the_first_item() -> None:
    from scrutinykit.views.display import document_html

    html = document_html(_doc())
    assert "Before the first item" in html
    assert html.index("circulate the revised work programme") < html.index("BUS SERVICES REVIEW")
