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
    assert res.text == "that a grant of £400 be paid to the village show."
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
    assert res.text == "that the minutes of the last meeting be signed."


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
