"""Rich display: documents, items and outcomes render as escaped HTML outlines."""

from __future__ import annotations

import scrutinykit as sk

from .conftest import FIXTURES

MARSHWICK = FIXTURES / "proceedings" / "scrutiny-panel-marshwick.txt"


def test_document_outline(seed_docs: dict[str, sk.Document]) -> None:
    """A document's HTML names the committee, the chair, items and outcome points."""
    html = seed_docs["002"]._repr_html_()  # type: ignore[attr-defined]
    assert "CHILDREN AND YOUNG PEOPLE SCRUTINY SUB-COMMITTEE" in html
    assert "Jan Buttinger <i>(Chairman)</i>" in html
    assert "<b>Apologies:</b> none" in html
    assert html.count("<b>Resolution</b>") == 3


def test_item_and_outcome_html(seed_docs: dict[str, sk.Document]) -> None:
    """Items list their budget proposals; outcomes say who made them."""
    item = seed_docs["001"].items[0]
    html = item._repr_html_()  # type: ignore[attr-defined]
    assert "2024-28 SAV CYPE 001" in html
    outcome = seed_docs["000"].outcomes()[1]
    assert "<b>Recommendation</b> by the Sub-Committee" in outcome._repr_html_()  # type: ignore[attr-defined]


def test_html_is_escaped() -> None:
    """Text from the minutes is escaped, never interpreted as HTML."""
    doc = sk.parse(
        "Agenda item\n\n<script>alert(1)</script> & more\n\nMinutes:\n\nRESOLVED: That <b> be noted.\n"
    )
    html = doc._repr_html_()  # type: ignore[attr-defined]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt; be noted." in html


def test_outline_times_without_seconds_and_with_proceedings() -> None:
    """Times read as minutes give them; commitments and exchanges are shown, with their words."""
    doc = sk.parse_file(MARSHWICK)
    html = doc._repr_html_()  # type: ignore[attr-defined]
    assert "19:00" in html
    assert "19:00:00" not in html
    assert ":00:00" not in html
    assert "<i>Commitments</i>" in html
    assert "send the inspection results to all Members" in html
    assert "<i>Exchanges</i>" in html
    assert "how many complaints about missed grass cuts" in html
    assert str(MARSHWICK) in html  # where the document came from


def test_outline_says_nothing_of_what_is_not_recorded() -> None:
    """No "Present: none" when no attendance is recorded; no empty bold where an item has no number."""
    doc = sk.parse("Agenda item\n\nThe panel met.\n\nMinutes:\n\nRESOLVED: That the report be noted.\n")
    assert doc.attendance.present == ()
    html = doc._repr_html_()  # type: ignore[attr-defined]
    assert "Present" not in html
    assert ":</b> none" not in html
    assert "<b></b>" not in html
