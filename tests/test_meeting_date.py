"""The meeting's date comes from its own line, never from a reference to another meeting or a report."""

from __future__ import annotations

import datetime

import pytest

import scrutinykit
from scrutinykit.build.meeting import meeting_date_of
from scrutinykit.parsing.vocabulary import default_patterns

_ITEM = "\n\n1. Bus Shelter Repairs\n\nRESOLVED that the report be noted.\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Minutes of the meeting of the Harrowgate Scrutiny Panel held on 9 May 2025", "2025-05-09"),
        ("Harrowgate Scrutiny Panel - Friday, 9th May, 2025 7.00 pm", "2025-05-09"),
        ("Thursday 9 May 2025 at 6.30 pm", "2025-05-09"),
        ("Date: 09/05/2025", "2025-05-09"),
        ("KELLBRIDGE, 9 May 2025.  Minute of Meeting of the HOUSING COMMITTEE.", "2025-05-09"),
        ("Harrowgate Parish Council A.G.M. - 9th May 2025", "2025-05-09"),
        ("The minutes of the previous meeting held on 4 April 2025 were approved.", None),
        ("Published: 12 May 2025", None),
        ("Report of the Director of Place dated 1 May 2025", None),
        ("The Cabinet will consider the plan at its meeting on 20 June 2025.", None),
        ("Date of next meeting: 6 June 2025", None),
        ("The bus station opened on 3 March 1998 after a long campaign.", None),
    ],
)
def test_a_line_gives_the_meetings_date_only_when_its_own(line: str, expected: str | None) -> None:
    found = meeting_date_of(line, default_patterns())
    assert (found[2].isoformat() if found else None) == expected


def test_a_previous_meetings_date_in_the_front_matter_is_never_the_meetings() -> None:
    text = (
        "Harrowgate Scrutiny Panel\n\n"
        "The minutes of the meeting held on 4 April 2025 were agreed as a correct record.\n" + _ITEM
    )
    assert scrutinykit.parse(text).meeting.date is None


def test_the_meetings_own_line_wins_over_a_publication_date_before_it() -> None:
    text = (
        "Published: 12 May 2025\n\n"
        "Minutes of the meeting of the Harrowgate Scrutiny Panel held on 9 May 2025 at 6.30 pm\n" + _ITEM
    )
    meeting = scrutinykit.parse(text).meeting
    assert meeting.date == datetime.date(2025, 5, 9)
    assert meeting.start_time == datetime.time(18, 30)


def test_a_decision_page_gives_its_date_in_a_labelled_line() -> None:
    text = (
        "Decision details\n\nLibrary Opening Hours\n\nDecision Maker: Harrowgate Scrutiny Panel\n\n"
        "Decision:\n\nRESOLVED that the revised hours be supported.\n\n"
        "Publication date: 21/05/2025\n\nDate of decision: 14/05/2025\n"
    )
    assert scrutinykit.parse(text).meeting.date == datetime.date(2025, 5, 14)


def test_a_sites_listing_line_gives_no_date() -> None:
    # An aggregator's title line, cut off with an ellipsis: the date it shows is the site's.
    text = (
        "KELLBRIDGE COUNCIL MINUTES OF THE HOUSING PANEL · Monday 3rd March 2025 at 7.00pm...\n\n"
        "Download\n" + _ITEM
    )
    meeting = scrutinykit.parse(text).meeting
    assert meeting.date is None
    assert meeting.committee is None


def test_a_running_header_before_a_page_mark_is_not_the_meetings_line() -> None:
    text = (
        "Kellbridge Council – Housing Panel – 3 March 2025 Page 1 of 2 KELLBRIDGE COUNCIL MINUTES\n"
        + _ITEM
    )
    meeting = scrutinykit.parse(text).meeting
    assert meeting.date is None
    assert meeting.committee is None


def test_the_meetings_line_after_a_running_header_still_counts() -> None:
    text = (
        "Housing Panel 03.03.25 Page 1 of 2 Housing Panel – 3 March 2025 Present: Councillor Ada Fenwick\n"
        + _ITEM
    )
    meeting = scrutinykit.parse(text).meeting
    assert meeting.date == datetime.date(2025, 3, 3)


def test_an_ordinal_split_from_its_number_is_read() -> None:
    text = "MINUTES OF THE MEETING OF THE HOUSING PANEL HELD ON MONDAY 3 rd MARCH 2025 AT 7.00PM\n" + _ITEM
    assert scrutinykit.parse(text).meeting.date == datetime.date(2025, 3, 3)


def test_an_issue_pages_later_meeting_is_not_the_pages_date() -> None:
    # A decision of one date recorded first, then a meeting line of another: which is the page's?
    text = (
        "Issue - decisions\n\n01/04/2025 - Library Strategy\n\n"
        "The Council noted the strategy.\n\n"
        "Meeting: 12/03/2025 - Harrowgate Scrutiny Panel (Item 4)\n\n"
        "The Panel considered the draft strategy.\n" + _ITEM
    )
    meeting = scrutinykit.parse(text).meeting
    assert meeting.date is None
    assert meeting.committee is None
