"""Small invented snippets, one per reading rule (no text here comes from a real council)."""

from __future__ import annotations

import scrutinykit
from scrutinykit import Resolution

from .test_lossless import assert_lossless


def _items(text: str) -> list[tuple[str | None, str]]:
    return [(i.minute_number, i.title) for i in scrutinykit.parse(text).items]


def test_item_numbers_are_kept_as_written() -> None:
    """A number alone on its line keeps its full stop; so does one before an upper-case title."""
    text = (
        "Minutes of the Parks Panel\n\n"
        "17.\n\nTree Planting Strategy\n\nThe Panel noted the strategy.\n\n"
        "18. PLAY AREAS – The Panel received an update.\n"
    )
    assert [number for number, _ in _items(text)] == ["17.", "18."]


def _only(text: str) -> tuple[scrutinykit.Document, Resolution]:
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    (resolution,) = [o for o in doc.walk() if isinstance(o, Resolution)]
    return doc, resolution


def test_bare_label_ending_in_a_dash_takes_the_next_paragraph() -> None:
    """ "The Panel resolved:-" alone on its line: the paragraph after it is the resolution's text."""
    doc, res = _only(
        "The Panel resolved:-\n\n"
        "to ask the Cabinet Member for a written reply on bus shelters.\n\nNext business.\n"
    )
    assert res.text == "to ask the Cabinet Member for a written reply on bus shelters."
    assert doc.text_of(res).endswith("bus shelters.")
    assert res.made_by == "Panel"


def test_words_ending_in_a_colon_take_a_list_printed_one_line_per_entry() -> None:
    """A resolution ending "noted:-" takes the short lines after it, not the prose that follows them."""
    doc, res = _only(
        "RESOLVED: That the following substitutes be noted:-\n\nRegular member\n\nSubstitute\n\n"
        "Councillor Wren Ashby\n\nCouncillor Tobin Marsh\n\n"
        "The Chair thanked officers for the report and said it would return in the spring.\n"
    )
    assert [p.text for p in res.body] == [
        "Regular member",
        "Substitute",
        "Councillor Wren Ashby",
        "Councillor Tobin Marsh",
    ]
    assert doc.text_of(res).endswith("Tobin Marsh")


def test_resolution_inside_a_line_starts_at_its_motion() -> None:
    """ "Proposed …, seconded …, all in favour. RESOLVED …" is one resolution, from "Proposed"."""
    text = (
        "The grant request was discussed. "
        "Proposed Cllr Ada Fenwick, seconded Cllr Bo Lintott, all in favour. "
        "RESOLVED that a grant of £400 be paid to the village show.\n"
    )
    doc, res = _only(text)
    assert doc.text_of(res).startswith("Proposed Cllr Ada Fenwick")
    assert doc.text_of(res).endswith("village show.")
    assert res.that == "that"
    assert res.text == "a grant of £400 be paid to the village show."
    assert doc.front_matter[0].text == "The grant request was discussed."  # type: ignore[union-attr]


def test_it_was_resolved_with_inline_points() -> None:
    """ "it was RESOLVED … (i) … and (ii) …" gives two points whose spans hold their own words."""
    text = (
        "After a short debate it was RESOLVED to object on the grounds that (i) the access is unsafe, "
        "and (ii) the design is out of keeping. Cllr Pryce returned.\n"
    )
    doc, res = _only(text)
    assert doc.text_of(res).startswith("it was RESOLVED to object")
    assert res.text == "to object on the grounds that"
    assert [p.label for p in res.points] == ["i", "ii"]
    assert doc.text_of(res.points[0]) == "(i) the access is unsafe, and"
    assert res.points[1].text == "the design is out of keeping. Cllr Pryce returned."


def test_inline_points_need_a_run_from_the_first_label() -> None:
    """A lone "(b)" in a resolution is not a list."""
    _, res = _only("RESOLVED that the scheme in option (b) be adopted.\n")
    assert res.points == ()


def test_numbered_paragraph_label() -> None:
    """ "4.2   RESOLVED – that …": the number stays prose and the resolution starts at its label."""
    doc, res = _only("4.2   RESOLVED – that the minutes of the last meeting be signed.\n")
    assert doc.text_of(res).startswith("RESOLVED")
    assert res.that == "that"
    assert res.text == "the minutes of the last meeting be signed."


def test_decimal_points_before_lower_case_words() -> None:
    """ "6.1   that …" lines after a label are its points."""
    _, res = _only(
        "UNANIMOUSLY RESOLVED:\n\n"
        "6.1   that the report be received;\n\n6.2   that officers write to the trust.\n"
    )
    assert [p.label for p in res.points] == ["6.1", "6.2"]


def test_number_before_a_label_is_not_an_item() -> None:
    """A paragraph number alone on its line before "RESOLVED" does not start an item."""
    text = (
        "Minutes of the Culture Panel\n\n"
        "12.\n\nLibrary Review\n\n12.1\n\nMembers asked about opening hours.\n\n"
        "12.2\n\nRESOLVED: That the Panel:-\n\n(a) notes the survey;\n\n(b) asks for figures by ward.\n"
    )
    doc, res = _only(text)
    assert [i.minute_number for i in doc.items][-1] != "12.2"
    assert len(res.points) == 2


def test_flattened_line_resolution_stops_at_the_next_minute() -> None:
    """In a line holding several minutes, a resolution ends where the next minute number begins."""
    text = (
        "TOWN COUNCIL MINUTES Present: Cllr A Brook. "
        "TC/3/25-26 MINUTES RESOLVED: That the minutes be signed. "
        "Proposed Cllr Brook, seconded Cllr Dale, unanimous. TC/4/25-26 CORRESPONDENCE None received.\n"
    )
    doc, res = _only(text)
    assert doc.text_of(res) == (
        "RESOLVED: That the minutes be signed. Proposed Cllr Brook, seconded Cllr Dale, unanimous."
    )


def test_upper_case_headings_after_a_bare_number() -> None:
    """ "1   APOLOGIES" and "3.1   GR/17 GRANTS TO HALLS" are items numbered as written."""
    text = (
        "Minutes of the Rural Affairs Committee\n\n"
        "1           APOLOGIES\n\nCouncillor Noor Petrie.\n\n"
        "3.1         GR/17 GRANTS TO VILLAGE HALLS\n\nMembers considered the scheme.\n"
    )
    assert _items(text) == [("1", "APOLOGIES"), ("3.1", "GR/17 GRANTS TO VILLAGE HALLS")]


def test_numbered_title_ending_in_a_report_link() -> None:
    """A numbered line ending in its report's PDF link is an item heading; the link is not in the title."""
    text = "Minutes of the Panel\n\n37 Review of Allotment Rents pdf icon PDF 88 KB\n\nThe Panel noted it.\n"
    assert _items(text) == [("37", "Review of Allotment Rents")]


def test_minute_word_before_a_dash() -> None:
    """ "Minute 12 – Title": the number is "12"."""
    text = "Minutes of the Board\n\nMinute 12 – Declarations of Interest\n\nNone were made.\n"
    assert _items(text) == [("12", "Declarations of Interest")]


def test_numbered_title_case_heading() -> None:
    """ "4.   Street Lighting Plan 2025/26" is an item; a numbered sentence is not."""
    text = (
        "Minutes of the Area Committee\n\n"
        "4.       Street Lighting Plan 2025/26\n\nThe Committee noted the plan.\n\n"
        "5.       The report was noted.\n"
    )
    assert _items(text) == [("4.", "Street Lighting Plan 2025/26")]


def test_numbered_title_case_lines_in_a_list_stay_points() -> None:
    """Numbered capitalised lines that follow one another are a list, not items."""
    text = (
        "RESOLVED that the work programme include:\n\n"
        "1. Highway Verges\n\n2. Youth Services Review\n\nThe Chair closed the item.\n"
    )
    doc = scrutinykit.parse(text)
    assert len(doc.items) <= 1


def test_upper_case_title_then_numbered_paragraph() -> None:
    """An upper-case title over a paragraph numbered "6." is item "6."; the paragraph is its text."""
    text = (
        "Minute of Meeting of the Schools Committee.\n\n"
        "SCHOOL TRANSPORT POLICY\n\n"
        "6.       The Committee had before it a report on school transport.\n\n"
        "The Committee resolved:-\n\nto approve the policy.\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    (item,) = doc.items
    assert (item.minute_number, item.title) == ("6.", "SCHOOL TRANSPORT POLICY")
    assert item.agenda[0].text == "The Committee had before it a report on school transport."  # type: ignore[union-attr]


def test_resolution_on_a_minute_heading_line() -> None:
    """ "5  MINUTES – Resolved – That …": the item is "MINUTES" and the resolution follows its title."""
    text = (
        "Minutes of the Health Panel\n\n"
        "5  MINUTES – Resolved – That the minutes of the meeting held on 2 May be approved.\n\n"
        "6  ANY OTHER BUSINESS – None.\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert (doc.items[0].minute_number, doc.items[0].title) == ("5", "MINUTES")
    (res,) = doc.items[0].outcomes()
    assert doc.text_of(res).startswith("Resolved – That the minutes")


def test_numbered_sentence_alone_is_not_an_item() -> None:
    """A paragraph number alone on its line, before a long sentence, does not start an item."""
    text = (
        "Minutes of the Panel\n\n7.\n\nHousing Repairs\n\n7.1\n\n"
        "The Head of Housing presented the repairs report and answered questions from Members.\n"
    )
    assert [number for number, _ in _items(text)] == ["7."]


def test_attendance_labels_with_committee_words() -> None:
    """ "In the Chair :", "Committee Members Present … :", "Non-Committee Members :", "Officers Present :"."""
    text = (
        "MINUTES OF THE MEETING OF THE LEISURE COMMITTEE HELD ON MONDAY 3 MARCH 2025\n\n"
        "In the Chair :     Alderman R Quinlan\n\n"
        "Committee Members Present (In Person) :  Councillors – A Brook and C Dale\n\n"
        "Non-Committee Members :   Councillor E Frew\n\n"
        "Officers Present :   Head of Leisure – G Hollis\n\n"
        "1   APOLOGIES\n\nNone.\n"
    )
    a = scrutinykit.parse(text).attendance
    assert [p.name for p in a.present] == ["R Quinlan", "A Brook", "C Dale"]
    assert [p.name for p in a.also_attending] == ["E Frew"]
    assert [p.name for p in a.officers] == ["G Hollis"]


def test_members_present_in_lower_case_and_an_officers_heading() -> None:
    """ "Members present:" and an "Officers:" heading over a list."""
    text = (
        "Minutes of the Housing Panel\n\n"
        "Members present:  Councillor Ida Roe (Chairperson); Councillors Ben Tait and Cara Vane.\n\n"
        "Officers:\nDev Patel (Head of Housing)\n\n"
        "1. Apologies for Absence\n\nNone.\n"
    )
    a = scrutinykit.parse(text).attendance
    assert [p.name for p in a.present] == ["Ida Roe", "Ben Tait", "Cara Vane"]
    assert [p.name for p in a.officers] == ["Dev Patel"]


def test_motion_ending_in_and_before_a_lost_label() -> None:
    """ "It was moved by …, seconded by … and" then a paragraph: that paragraph is an implicit resolution."""
    text = (
        "Minutes of the meeting of the Ashcombe Parish Council held on 4 March 2025\n\n"
        "It was moved by Councillor Ines Hale, seconded by Councillor Omar Reid and\n\n\n"
        "The revised fees be approved from April.\n\nThe Panel then took the next item.\n"
    )
    doc, res = _only(text)
    assert res.implicit
    assert doc.text_of(res) == "The revised fees be approved from April."


def test_a_lost_motion_is_not_a_resolution() -> None:
    """A "That …" motion followed by "… declared lost" is prose, not an implicit resolution."""
    text = (
        "Minutes of the meeting of the Ashcombe Parish Council held on 4 March 2025\n\n"
        "Moved by Councillor Ada Quist,\nSeconded by Councillor Lev Moran,\n\n"
        "That the Committee doubles the grant to the youth club.\n\n"
        "On a vote, four Members voted for and six against and it was declared lost.\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert not [n for n in doc.walk() if isinstance(n, Resolution)]


def test_that_in_the_first_cell_of_a_table_row_is_not_a_clause() -> None:
    """A table row "That … | Accepted | …" is not a resolution; a clause ending in a lone pipe still is."""
    rows = "Recommendation | Response |\nThat the trust publish waiting times | Accepted | Done |\n"
    doc = scrutinykit.parse(rows)
    assert not [n for n in doc.walk() if isinstance(n, Resolution)]
    _, res = _only("Resolved:-\nThat the report be noted. |\n")
    assert res.that == "That"
    assert res.text == "the report be noted. |"


def test_clauses_after_points_start_a_new_resolution() -> None:
    """ "That …", points, then "That …" again: two resolutions, and no point's span covers a clause."""
    text = (
        "The Panel considered the options.\n\n"
        "That the first option be preferred.\n\n1. costs be checked\n\n(a) by the auditor\n\n"
        "That the second option be dropped.\n\n(b) with reasons\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert len([n for n in doc.walk() if isinstance(n, Resolution)]) == 2


def test_unnumbered_title_over_its_purpose_line() -> None:
    """A capitalised line over "Report of the …" / "To approve …" is an item; the purpose is its agenda."""
    text = (
        "Minutes of the Place Panel\n\n"
        "Minutes of the Previous Meeting pdf icon PDF 90 KB\n\nTo approve the minutes of 4 June.\n\n"
        "The minutes were approved.\n\n"
        "Bus Shelter Renewal\n\nReport of the Head of Transport\n\n"
        "Members asked about timing. The Panel noted the report.\n\n"
        "REPORT OF THE HEAD OF PARKS\n\nTo review the tree survey.\n\n"
        "Review of Play Areas in the North - Draft Scope pdf icon PDF 84 KB\n\n"
        "Report of the Scrutiny Manager\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert [i.title for i in doc.items] == [
        "Minutes of the Previous Meeting",
        "Bus Shelter Renewal",
        "Review of Play Areas in the North - Draft Scope",
    ]
    assert doc.items[1].agenda[0].text == "Report of the Head of Transport"  # type: ignore[union-attr]


def test_label_ending_a_line_of_prose_opens_the_clause_below() -> None:
    """ "… Members noted the figures. Resolved:-" then "That …": one resolution from the label."""
    text = "The Panel received the figures and noted them. Resolved:-\nThat the figures be published.\n"
    doc, res = _only(text)
    assert doc.text_of(res) == "Resolved:-\nThat the figures be published."
    assert doc.front_matter[0].text == "The Panel received the figures and noted them."  # type: ignore[union-attr]


def test_present_tense_decision_with_its_label_lost() -> None:
    """ "The Panel notes the report and asks …" is an implicit resolution; past-tense narration is not."""
    text = (
        "The Panel noted that footfall had fallen.\n\n"
        "The Panel notes the report and asks for a further update in March.\n"
    )
    _, res = _only(text)
    assert res.implicit
    assert res.text == "The Panel notes the report and asks for a further update in March."


def test_flattened_items_table_rows() -> None:
    """Rows "Title PDF n KB Additional documents: Minutes: …" are items; "Resolved:-" opens a clause."""
    text = (
        "No. | Item |\n"
        "Apologies Additional documents: Minutes: None were received. |\n"
        "Library Hours Review PDF 120 KB Additional documents: Minutes: Members met. Resolved:-\n"
        "That the review be noted. |\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert [i.title for i in doc.items] == ["Apologies", "Library Hours Review"]
    (res,) = doc.items[1].outcomes()
    assert doc.text_of(res) == "Resolved:-\nThat the review be noted. |"


def test_minute_headings_inside_a_flattened_line_open_items() -> None:
    """A PDF run together into one long line: each "PC/13/25-26 UPPER TITLE" inside it opens an item."""
    text = (
        "BRACKENFOLD PARISH COUNCIL MINUTES OF THE MEETING HELD ON TUESDAY 4 MARCH 2025 IN THE VILLAGE HALL "
        "PRESENT: Cllr A Lowther (Chair) Cllr B Noakes Cllr C Pybus IN ATTENDANCE: Mrs D Quill (Clerk) "
        "PC/12/25-26 APOLOGIES Cllr E Rudd sent apologies. "
        "PC/13/25-26 PLAYING FIELD LEASE The Clerk reported that the lease ends in June. "
        "RESOLVED: That the lease be renewed for five years. Proposed Cllr Noakes, seconded Cllr Pybus. "
        "PC/14/25-26 CORRESPONDENCE None had been received.\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert [(i.minute_number, i.title) for i in doc.items] == [
        ("PC/12/25-26", "APOLOGIES"),
        ("PC/13/25-26", "PLAYING FIELD LEASE"),
        ("PC/14/25-26", "CORRESPONDENCE"),
    ]
    (res,) = doc.items[1].outcomes()
    assert doc.text_of(res).endswith("seconded Cllr Pybus.")


def test_short_lines_are_not_split_at_minute_numbers() -> None:
    """In an ordinary line a minute number is a reference, not a heading."""
    doc = scrutinykit.parse("Members recalled minute 12/25 AUDIT and asked for an update.\n")
    assert doc.items == ()


def test_unnumbered_titles_after_the_attendance() -> None:
    """With no item headings at all, short capitalised lines after the attendance open items."""
    text = (
        "Lowfield Borough Council\n\nLeisure Committee\n\n"
        "Members present:  Councillor Ama Reyes (Chairperson); Councillors Bo Strand and Cy Tully.\n\n"
        "Apologies\n\nApologies were reported on behalf of Councillor Dee Vance.\n\n"
        "Swimming Pool – Roof Repairs\n\nThe Committee noted the survey.\n\nThe Committee:\n\n"
        "- approved the repairs.\n\nChairperson\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert [i.title for i in doc.items] == ["Apologies", "Swimming Pool – Roof Repairs"]
    assert [p.name for p in doc.attendance.present] == ["Ama Reyes", "Bo Strand", "Cy Tully"]


def test_repeated_page_banner() -> None:
    """ "Agenda item" printed twice: the second banner takes the next line as the title."""
    text = "Agenda item\n\nAgenda item\n\n\nTo consider the quarterly budget report.\n\nThat it be noted.\n"
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert [i.title for i in doc.items] == ["To consider the quarterly budget report."]


def test_labels_over_numbered_lines_are_not_items() -> None:
    """ "RESOLVED" or "PRESENT" alone over numbered lines stays a label; numbered names are not titles."""
    text = (
        "Minutes of the Panel\n\nPRESENT\n\n1. Councillor Ann Shaw\n\n2. Councillor Rhys Orme\n\n"
        "1. APOLOGIES\n\nNone.\n\nRESOLVED\n\n1. That the report be noted.\n\n2. That officers report back.\n"
    )
    doc = scrutinykit.parse(text)
    assert [(i.minute_number, i.title) for i in doc.items] == [("1.", "APOLOGIES")]
    assert [p.name for p in doc.attendance.present] == ["Ann Shaw", "Rhys Orme"]
    (res,) = doc.items[0].outcomes()
    assert len(res.points) == 2


def test_it_was_resolved_in_any_case() -> None:
    """ "it was Resolved that …" inside prose is a resolution too."""
    doc, res = _only("After debate it was Resolved that the hall be let to the bowls club.\n")
    assert doc.text_of(res).startswith("it was Resolved")


def test_decision_repeated_in_the_minutes_is_marked() -> None:
    """A Decision: block and the same resolution in the minutes: both kept, the later marked duplicate."""
    text = (
        "14.\n\nPlay area review\n\nDecision:\n\n"
        "That the Panel: (1) notes the review; and (2) asks for a repair plan.\n\n"
        "Minutes:\n\nThe Panel considered the review.\n\n"
        "RESOLVED – That the Panel: (1) notes the review; and (2) asks for a repair plan.\n"
    )
    doc = scrutinykit.parse(text)
    assert [(type(o).__name__, o.duplicate, len(o.points)) for o in doc.outcomes()] == [
        ("Decision", False, 2),
        ("Resolution", True, 2),
    ]


def test_cut_off_text_is_marked_truncated() -> None:
    """A text that stops mid-sentence is marked truncated; a whole one is not."""
    whole = "Agenda item\n\nRoads\n\nMinutes:\n\nRESOLVED: That the report be noted.\n"
    assert not scrutinykit.parse(whole).truncated
    assert scrutinykit.parse(whole + "\nMembers asked whether the").truncated


def test_numbered_titles_of_any_case_are_items() -> None:
    """A number and a title on a line of its own, blank lines around it: bare, dotted, decimal, any case."""
    text = (
        "Minutes of the Allotments Panel held on 4 March 2025\n\n"
        "Present: Councillor A Fenwick\n\n"
        "7   Apologies for Absence and Substitutes\n\n"
        "None were received.\n\n"
        "8. Plot waiting list review\n\n"
        "The Allotments Officer reported on the waiting list.\n\n"
        "8.1 Water supply at Hollin Lane\n\n"
        "Members asked about the standpipes.\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert _items(text) == [
        ("7", "Apologies for Absence and Substitutes"),
        ("8.", "Plot waiting list review"),
        ("8.1", "Water supply at Hollin Lane"),
    ]


def test_numbered_lines_that_are_no_titles() -> None:
    """A date, a person, a sentence, a list of short numbered lines and a table row are no item headings."""
    text = (
        "Minutes of the Allotments Panel\n\n"
        "4 March 2025\n\n"
        "1 Councillor A Fenwick\n\n"
        "12 The Panel walked the site\n\n"
        "The Panel asked that:\n\n"
        "1. Plot rents stay the same\n\n"
        "2. Water charges be reviewed\n\n"
        "Action log:\n"
        "3 Repair the gate Clerk Open\n"
        "4 Order new signs Clerk Done\n"
    )
    assert _items(text) == []


def test_pipe_rendered_items_table_rows() -> None:
    """Each row of a "No. | Item |" table is an item: its number cell, a title up to its purpose or label."""
    text = (
        "No. | Item |\n"
        "14. | Apologies for absence Minutes: Apologies were received from Councillor B Oduya. |\n"
        "15. | Minutes To approve the minutes of the last meeting. Minutes: RESOLVED – That the minutes be"
        " approved. |\n"
        "16. | Cemetery extension update pdf icon PDF 88 KB Additional documents: Minutes: Members noted"
        " the update. |\n"
    )
    doc = scrutinykit.parse(text)
    assert_lossless(doc)
    assert _items(text) == [
        ("14.", "Apologies for absence"),
        ("15.", "Minutes"),
        ("16.", "Cemetery extension update"),
    ]
    (res,) = doc.items[1].outcomes()
    assert doc.text_of(res).startswith("RESOLVED")


def test_undertakings_of_a_convener_a_mayor_and_a_portfolio_with_and() -> None:
    """'The Convener', 'The Mayor' chair; a portfolio's own 'and' does not cut its holder off the verb."""
    text = (
        "Minutes of the Parks Panel held on 4 March 2025\n\nPresent: Councillor A Fenwick\n\n"
        "7   Play Areas\n\n"
        "The Cabinet Member for Parks and Leisure undertook to report back on the splash pad.\n\n"
        "The Convener undertook to write to the contractor.\n\n"
        "The Mayor agreed to write to the bus company.\n"
    )
    doc = scrutinykit.parse(text)
    owners = [c.owner.text for c in doc.actions() if c.owner is not None]
    assert owners == ["The Cabinet Member for Parks and Leisure", "The Convener", "The Mayor"]
