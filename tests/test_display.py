"""Rich display: documents, items and outcomes render as escaped HTML outlines."""

from __future__ import annotations

import scrutinykit as sk


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
    assert "That &lt;b&gt; be noted." in html
