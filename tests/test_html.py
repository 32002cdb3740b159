"""HTML pages: ModernGov agenda-item and meeting pages become a text rendering, then a Document."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import attrs
import pytest

import scrutinykit as sk
from scrutinykit._api import sniff_format
from scrutinykit.sources.html import render_html

from .conftest import FIXTURES
from .test_lossless import assert_lossless, siblings_ordered

pytest.importorskip("lxml")

HTML = FIXTURES / "html"
ITEM_PAGE = HTML / "agenda-item-ashcombe.html"
MEETING_PAGE = HTML / "meeting-ashcombe.html"
DECISION_PAGE = HTML / "decision-ashcombe.html"


@pytest.fixture(scope="module")
def item_doc() -> sk.Document:
    return sk.parse_file(ITEM_PAGE)


@pytest.fixture(scope="module")
def meeting_doc() -> sk.Document:
    return sk.parse_file(MEETING_PAGE)


def test_item_page_gives_its_item_sections_and_outcomes(item_doc: sk.Document) -> None:
    """The agenda-item page: one item, its Minutes: and Supporting documents:, two outcomes."""
    assert item_doc.format is sk.InputFormat.HTML
    assert item_doc.kind is sk.DocumentKind.AGENDA_ITEM
    (item,) = item_doc.items
    assert item.title == "Street Lighting Energy Savings"
    assert item.notes == ("Report to follow",)
    assert [s.kind for s in item.sections] == [sk.SectionKind.MINUTES, sk.SectionKind.SUPPORTING_DOCUMENTS]
    conclusion, resolution = item.outcomes()
    assert isinstance(conclusion, sk.Conclusion)
    assert [p.text for p in conclusion.points] == [
        "The savings were credible.",
        "Residents near the town centre had not yet been asked for their views.",
    ]
    assert isinstance(resolution, sk.Resolution)
    assert [p.label for p in resolution.points] == ["1", "2"]
    assert resolution.points[1].text.startswith("The Cabinet Member for Environment report back")


def test_rendering_keeps_the_structure(item_doc: sk.Document) -> None:
    """Labels and titles stand on lines of their own, paragraphs between blank lines, lists numbered."""
    lines = item_doc.source.splitlines()
    for label in ("Agenda item", "Street Lighting Energy Savings", "Minutes:", "Supporting documents:"):
        assert label in lines
    assert "1. The savings were credible." in lines
    assert "- Street lighting report, item 6 PDF 412 KB" in lines
    assert "\n\nMembers asked whether the police had been consulted." in item_doc.source
    # The page outside #modgov, scripts, forms and hidden elements are not rendered.
    for absent in ("Search", "window.mgSiteName", "Hidden footer text", "<"):
        assert absent not in item_doc.source
    # A no-break space folds to a space; the pound sign survives.
    assert "that the change would save £310,000 a year." in item_doc.source
    assert item_doc.figures[0].value == 310000


def test_links_carry_their_urls(item_doc: sk.Document) -> None:
    """Every link is a Link whose span is its text in the rendering."""
    by_text = {link.text: link for link in item_doc.links}
    report = by_text["Street lighting report, item 6 PDF 412 KB"]
    assert report.url == "documents/s88012/Street%20lighting%20report.pdf"
    assert item_doc.text_of(report) == report.text
    appendix = by_text["Appendix A - lighting map, item 6 PDF 1 MB"]
    assert appendix.url.endswith("Appendix%20A%20-%20lighting%20map.pdf")
    assert by_text["Home"].url == "https://www.ashcombe.example.gov.uk/"
    # The supporting documents' links lie in the Supporting documents: section.
    (section,) = [s for s in item_doc.items[0].sections if s.kind is sk.SectionKind.SUPPORTING_DOCUMENTS]
    assert section.span.contains(report.span)
    assert section.span.contains(appendix.span)


def test_meeting_page_items_table(meeting_doc: sk.Document) -> None:
    """The meeting page's items table gives each item with its number, minutes and outcomes."""
    doc = meeting_doc
    assert doc.kind is sk.DocumentKind.MEETING
    assert [(i.minute_number, i.title) for i in doc.items] == [
        ("14.", "Apologies for Absence"),
        ("15.", "Minutes of the previous meeting"),
        ("16.", "Street Lighting Energy Savings"),
    ]
    kinds = [i.kind for i in doc.items]
    assert kinds[:2] == [sk.ItemKind.APOLOGIES, sk.ItemKind.PREVIOUS_MINUTES]
    assert doc.items[1].previous_minutes_date is not None
    assert doc.items[1].previous_minutes_date.isoformat() == "2025-01-15"
    (resolution,) = doc.items[1].outcomes()
    assert isinstance(resolution, sk.Resolution)
    (recommendation,) = doc.items[2].outcomes()
    assert isinstance(recommendation, sk.Recommendation)
    assert recommendation.points[0].text.startswith("Cabinet consult residents")
    assert doc.meeting.date is not None
    assert doc.meeting.date.isoformat() == "2025-03-12"
    assert str(doc.meeting.end_time) == "20:55:00"
    assert doc.meeting.venue == "Committee Room 2, Ashcombe Civic Centre"


def test_meeting_page_people(meeting_doc: sk.Document) -> None:
    """Attendance and apologies are read from the page."""
    present = meeting_doc.attendance.present
    assert [p.name for p in present] == [
        "Hester Mallory",
        "Dominic Ferris",
        "Alba Quenby",
        "Rhys Tolland",
        "Miriam Oakhurst",
    ]
    assert present[0].role == "Chair"
    (cabinet,) = meeting_doc.attendance.also_attending
    assert (cabinet.name, cabinet.description) == ("Leon Varcoe", "Cabinet Member for Environment")
    apologies = meeting_doc.attendance.apologies
    assert apologies is not None
    assert [p.name for p in apologies] == ["Ines Kettleby"]


def test_meeting_page_links_resolve_against_base(meeting_doc: sk.Document) -> None:
    """With a <base href>, links are absolute; item titles link to their item pages."""
    urls = {link.text: link.url for link in meeting_doc.links}
    assert urls["Apologies for Absence"] == "https://democracy.ashcombe.example.gov.uk/mgAi.aspx?ID=4415"
    assert urls["Minutes 15012025 PDF 180 KB"] == (
        "https://democracy.ashcombe.example.gov.uk/documents/s88001/Minutes%2015012025.pdf"
    )
    assert meeting_doc.encoding == "windows-1252"


def test_decision_page_gives_its_decision() -> None:
    """A decision page: the Decision: label on its own line, the resolution and its points, the links.

    The grammar has no heading for a decision page ("Decision details" and
    the title), so the resolution stands in the front matter, not in an item.
    """
    doc = sk.parse_file(DECISION_PAGE)
    assert "\nDecision:\n" in doc.source
    resolutions = [n for n in doc.walk() if isinstance(n, sk.Resolution)]
    assert [[p.text for p in r.points] for r in resolutions] == [
        ["The report be noted.", "Cabinet consult residents near the town centre before any change is made."]
    ]
    urls = {link.text: link.url for link in doc.links}
    assert urls["12/03/2025 - Environment and Communities Scrutiny Panel"] == (
        "ieListDocuments.aspx?CId=310&MId=2210"
    )
    assert urls["Street lighting report PDF 412 KB"].startswith("documents/s88012/")


@pytest.mark.parametrize("path", [ITEM_PAGE, MEETING_PAGE, DECISION_PAGE], ids=lambda p: p.stem)
def test_html_is_lossless_on_the_rendering(path: Path) -> None:
    """Every non-whitespace character of the rendering is owned by exactly one node."""
    doc = sk.parse_file(path)
    assert_lossless(doc)
    siblings_ordered(doc)
    assert doc.source == render_html(path.read_bytes())[0]


@pytest.mark.parametrize("path", [ITEM_PAGE, MEETING_PAGE], ids=lambda p: p.stem)
def test_html_round_trips_through_json(path: Path) -> None:
    """Links and the format survive dumps and loads."""
    doc = sk.parse_file(path)
    again = sk.loads(sk.dumps(doc))
    assert again == doc
    assert again.links
    assert again.format is sk.InputFormat.HTML


def test_rendering_is_stable() -> None:
    """The same bytes always give the same rendering and links."""
    data = ITEM_PAGE.read_bytes()
    assert render_html(data) == render_html(data)


def test_content_sniffing_ignores_a_wrong_extension(tmp_path: Path) -> None:
    """An HTML page saved as .txt is still read as HTML."""
    wrong = tmp_path / "minutes.txt"
    shutil.copy(ITEM_PAGE, wrong)
    doc = sk.parse_file(wrong)
    assert doc.format is sk.InputFormat.HTML
    assert doc.source_name == str(wrong)
    assert attrs.evolve(doc, source_name=None) == attrs.evolve(sk.parse_file(ITEM_PAGE), source_name=None)


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", None, sk.InputFormat.HTML),
        (b"\xef\xbb\xbf\n  <!doctype HTML>\n<html>", None, sk.InputFormat.HTML),
        (b"<!-- saved from url=(0030)https://example.org/ -->\r\n<html>", None, sk.InputFormat.HTML),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', None, sk.InputFormat.HTML),
        (b"<div>Minutes:</div>", "page.htm", sk.InputFormat.HTML),
        (b"<div>Minutes:</div>", "page.txt", sk.InputFormat.TEXT),
        (b"%PDF-1.7\n", "minutes.html", sk.InputFormat.PDF),
        (b"Minutes of the meeting <html> held", "minutes.html", sk.InputFormat.TEXT),
        (b"RESOLVED that the report be noted.", None, sk.InputFormat.TEXT),
    ],
)
def test_sniff_format(data: bytes, name: str | None, expected: sk.InputFormat) -> None:
    """The content decides; the name counts only when the content starts with a tag."""
    assert sniff_format(data, name) is expected


def test_text_is_still_text() -> None:
    """A plain text file keeps format "text", no links and no pages."""
    doc = sk.parse_file(FIXTURES / "documents" / "item-page-lindenford.txt")
    assert doc.format is sk.InputFormat.TEXT
    assert doc.links == ()
    assert doc.pages == ()
    assert doc.page_of(0) is None


def test_missing_lxml_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without lxml, reading an HTML page says which extra to install."""
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.html", None)
    with pytest.raises(sk.MissingExtraError, match=r"pip install 'scrutinykit\[html\]'") as caught:
        sk.parse_file(ITEM_PAGE)
    assert isinstance(caught.value, sk.ScrutinyKitError)
    assert caught.value.source == str(ITEM_PAGE)


def test_a_page_without_minutes_is_not_minutes(tmp_path: Path) -> None:
    """An empty page is NotMinutesError, not a crash."""
    page = tmp_path / "empty.html"
    page.write_bytes(b"<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>")
    with pytest.raises(sk.NotMinutesError):
        sk.parse_file(page)


def test_lists_tables_and_breaks_render_as_lines() -> None:
    """Lettered lists, simple table rows and <br> each give lines the grammar reads."""
    html = (
        "<html><body><p>RESOLVED that:</p><ol type='a'><li>the report be noted;</li>"
        "<li value='3'>officers report back.</li></ol>"
        "<table><tr><td>For</td><td>7</td></tr><tr><td>Against</td><td>2</td></tr></table>"
        "<p>First line<br>second line</p><pre>kept\n  as lines</pre></body></html>"
    )
    text, links, _ = render_html(html)
    assert links == ()
    assert text == (
        "RESOLVED that:\n\n(a) the report be noted;\n(c) officers report back.\n\n"
        "For | 7\nAgainst | 2\n\nFirst line\nsecond line\n\nkept\nas lines\n"
    )
