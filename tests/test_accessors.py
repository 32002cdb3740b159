"""The document's accessors cover the whole document: front matter, items and closing."""

from __future__ import annotations

import scrutinykit
from scrutinykit._model import Resolution


def test_an_outcome_before_the_first_item_is_one_of_the_documents_outcomes() -> None:
    text = (
        "Minutes of the meeting of the Harrowgate Scrutiny Panel held on 9 May 2025\n\n"
        "RESOLVED that Councillor Imani Osei be appointed Chair for the meeting.\n\n"
        "1. Bus Shelter Repairs\n\nRESOLVED that the report be noted.\n"
    )
    doc = scrutinykit.parse(text)
    assert [doc.text_of(o) for o in doc.outcomes()] == [
        "RESOLVED that Councillor Imani Osei be appointed Chair for the meeting.",
        "RESOLVED that the report be noted.",
    ]
    assert all(isinstance(o, Resolution) for o in doc.outcomes())
    assert len(doc.items) == 1
