"""The meeting's committee comes from the document's own heading or meeting line, never from a mention."""

from __future__ import annotations

import pytest

import scrutinykit

_ITEM = "\n\n1. Bus Shelter Repairs\n\nRESOLVED that the report be noted.\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # A labelled meeting line of an issue page, its item reference left out.
        (
            "Issue - meetings\n\nBus Shelters\n\nMeeting: 12/03/2025 - Harrowgate Scrutiny Panel (Item 4)",
            "Harrowgate Scrutiny Panel",
        ),
        # The same on a page that lost its line breaks.
        (
            "Issue - meetings Bus Shelters Meeting: 12/03/2025 - Harrowgate Scrutiny Panel (Item 4)",
            "Harrowgate Scrutiny Panel",
        ),
        # A title block run into one line: the council, the committee, then the "Date:" label.
        (
            "KELLBRIDGE COUNTY COUNCIL Roads and Transport Scrutiny Panel Date: Monday 3 March 2025"
            " Time: 7.00 pm",
            "Roads and Transport Scrutiny Panel",
        ),
        # ... or the "MINUTES" banner.
        (
            "KELLBRIDGE PARISH COUNCIL FINANCE AND GENERAL PURPOSES COMMITTEE MINUTES of a meeting held on"
            " 3 March 2025",
            "FINANCE AND GENERAL PURPOSES COMMITTEE",
        ),
        # A local council's name over the meeting line: the council met.
        (
            "Holloway Vale Town Council\n\nMinutes of the meeting held on Monday, 3 March 2025 at 7.00 pm",
            "Holloway Vale Town Council",
        ),
        # An agenda page's banner is not part of the name.
        ("Agenda\nRoads Scrutiny Panel - Monday, 3rd March, 2025 7.00 pm", "Roads Scrutiny Panel"),
    ],
)
def test_the_committee_comes_from_the_documents_own_lines(head: str, expected: str) -> None:
    doc = scrutinykit.parse(head + _ITEM)
    assert doc.meeting.committee == expected


@pytest.mark.parametrize(
    "head",
    [
        # A principal council's name says whose minutes, not which committee met.
        "KELLBRIDGE BOROUGH COUNCIL MINUTES Present: Councillors Ada Fenwick and Rhys Omondi",
        # A body mentioned with another meeting's date is no title.
        "Consultees\n\nHarrowgate Scrutiny Panel (at its meeting on 3 March 2025).",
        # An office is not a body.
        "Decision details\n\nBus Shelters\n\nDecision Maker: Cabinet Member for Transport\n\n"
        "Date of decision: 03/03/2025",
    ],
)
def test_no_committee_where_the_text_does_not_name_the_meetings(head: str) -> None:
    assert scrutinykit.parse(head + _ITEM).meeting.committee is None


def test_a_decision_pages_decision_maker_is_the_body_that_met() -> None:
    text = (
        "Decision details\n\nBus Shelters\n\nDecision Maker: Harrowgate Scrutiny Panel\n\n"
        "Decision:\n\nRESOLVED that the report be noted.\n\nDate of decision: 03/03/2025\n"
    )
    assert scrutinykit.parse(text).meeting.committee == "Harrowgate Scrutiny Panel"


def test_an_undated_decision_maker_is_no_meeting() -> None:
    # A forward-plan notice names the body that will decide; no meeting is dated.
    text = (
        "Bus Shelters\n\nDecision maker: Harrowgate Scrutiny Panel\n\nDecision due: May 2025\n" + _ITEM
    )
    assert scrutinykit.parse(text).meeting.committee is None


def test_an_issue_page_takes_its_first_meeting_not_a_later_bodys() -> None:
    text = (
        "Issue - meetings\n\nBus Shelters\n\nMeeting: 12/03/2025 - Harrowgate Scrutiny Panel (Item 4)\n\n"
        "4 Bus Shelters\n\nMinutes:\n\nRESOLVED that the report be noted.\n\n"
        "Meeting: 14/01/2025 - Cabinet (Item 9)\n\n9 Bus Shelters\n\nMinutes:\n\n"
        "RESOLVED that the plan be approved.\n"
    )
    meeting = scrutinykit.parse(text).meeting
    assert meeting.committee == "Harrowgate Scrutiny Panel"
