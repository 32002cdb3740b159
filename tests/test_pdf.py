"""PDFs: text page by page, furniture kept apart, split sentences rejoined, pages recorded."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit.sources.pdf import render_pdf

from .test_lossless import assert_lossless, siblings_ordered

pytest.importorskip("pypdfium2")
pytest.importorskip("fpdf")

from .pdfgen import PAGE_BREAK, Piece, Wrapped, minutes_pdf

HEADER = "Brackenmoor Borough Council - Adult Social Care Scrutiny Panel - 6 March 2025"

#: Invented minutes over three pages: a two-column attendance block, a
#: sentence split by the first page break, an outcome on page 2, an item on page 3.
BODY: list[Piece] = [
    "BRACKENMOOR BOROUGH COUNCIL",
    "Minutes of the meeting of the Adult Social Care Scrutiny Panel held on Thursday 6 March 2025 at 7.00pm",
    "Present:",
    ("Councillor Petra Quillfeather (Chair)", "Councillor Osman Trelawney (Vice-Chair)"),
    ("Councillor Ruth Abernethy", "Councillor Idris Moffatt"),
    "",
    "Apologies: Councillor Bettina Strode",
    "P14/25 Apologies for absence (agenda item 1)",
    "Apologies were received from Councillor Bettina Strode.",
    "P15/25 Home care recommissioning (agenda item 2)",
    [
        "The Cabinet Member introduced the report and said that the new contracts would",
        "start in October. Members asked how many providers had bid and were",
        PAGE_BREAK,
        "told that nine had, of whom four were local firms.",
    ],
    "A Member asked whether the saving of 2.4 million pounds was realistic.",
    "RESOLVED that:",
    [
        "1. The Panel note the progress of the recommissioning;",
        "2. The Cabinet be asked to report back to the Panel in September 2025.",
    ],
    PAGE_BREAK,
    "P16/25 Work programme (agenda item 3)",
    "RESOLVED that the work programme be agreed.",
    "The meeting ended at 8.40pm",
]


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return minutes_pdf(BODY, running_header=HEADER, footer="Page {page} of 3")


@pytest.fixture(scope="module")
def pdf_path(pdf_bytes: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "minutes.pdf"
    path.write_bytes(pdf_bytes)
    return path


@pytest.fixture(scope="module")
def doc(pdf_path: Path) -> sk.Document:
    return sk.parse_file(pdf_path)


def test_items_outcomes_and_meeting(doc: sk.Document) -> None:
    """The items, their outcomes and the meeting come out of the PDF."""
    assert doc.format is sk.InputFormat.PDF
    assert doc.kind is sk.DocumentKind.MEETING
    assert [i.minute_number for i in doc.items] == ["P14/25", "P15/25", "P16/25"]
    assert [i.title for i in doc.items] == [
        "Apologies for absence",
        "Home care recommissioning",
        "Work programme",
    ]
    (resolution,) = doc.items[1].outcomes()
    assert [p.text for p in resolution.points] == [
        "The Panel note the progress of the recommissioning;",
        "The Cabinet be asked to report back to the Panel in September 2025.",
    ]
    assert doc.meeting.date is not None
    assert doc.meeting.date.isoformat() == "2025-03-06"
    assert str(doc.meeting.start_time) == "19:00:00"
    assert str(doc.meeting.end_time) == "20:40:00"
    # The running header on page 1 is not taken for the meeting's heading.
    assert doc.meeting.span is not None
    assert "Minutes of the meeting" in doc.text_of(doc.meeting.span)


def test_two_column_attendance(doc: sk.Document) -> None:
    """Both columns of the attendance block are read, one person a line, roles kept."""
    present = doc.attendance.present
    assert sorted(p.name for p in present) == [
        "Idris Moffatt",
        "Osman Trelawney",
        "Petra Quillfeather",
        "Ruth Abernethy",
    ]
    # Read column by column: down the first column, then down the second.
    assert [p.name for p in present] == [
        "Petra Quillfeather",
        "Ruth Abernethy",
        "Osman Trelawney",
        "Idris Moffatt",
    ]
    roles = {p.name: p.role for p in present}
    assert roles["Petra Quillfeather"] == "Chair"
    assert roles["Osman Trelawney"] == "Vice-Chair"
    apologies = doc.attendance.apologies
    assert apologies is not None
    assert [p.name for p in apologies] == ["Bettina Strode"]


def test_furniture_is_furniture_and_not_in_paragraphs(doc: sk.Document) -> None:
    """Page numbers and the running header are Furniture nodes; no paragraph holds them."""
    furniture = [n for n in doc.walk() if isinstance(n, sk.Furniture)]
    texts = [f.text for f in furniture]
    assert texts.count(HEADER) == 3
    assert [t for t in texts if t.startswith("Page")] == ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]
    for node in doc.walk():
        if isinstance(node, (sk.Paragraph, sk.Point, sk.Heading)):
            assert "Page " not in node.text, node
            assert "Brackenmoor Borough Council -" not in node.text, node
    for person in doc.attendance.everyone():
        assert "Brackenmoor" not in person.name


def test_sentence_split_across_pages_is_rejoined(doc: sk.Document) -> None:
    """The sentence broken by the page break is one paragraph, ahead of the furniture."""
    item = doc.items[1]
    first = item.agenda[0]
    assert isinstance(first, sk.Paragraph)
    assert "Members asked how many providers had bid and were told that nine had, of whom four" in first.text
    assert doc.page_of(first) == 1
    assert "were\n\n" not in doc.source


def test_page_of_every_node(doc: sk.Document) -> None:
    """Pages cover the rendering in order, and nodes know their page."""
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert doc.pages[0].span.start == 0
    for before, after in zip(doc.pages, doc.pages[1:]):
        assert before.span.end == after.span.start
    assert doc.pages[-1].span.end == len(doc.source)
    items = doc.items
    assert [doc.page_of(i) for i in items] == [1, 1, 3]
    (resolution,) = items[1].outcomes()
    assert doc.page_of(resolution) == 2
    assert doc.page_of(resolution.points[1]) == 2
    assert doc.page_of(resolution.span) == 2
    assert doc.page_of(resolution.span.start) == 2
    assert doc.page_of(len(doc.source) + 5) is None
    assert doc.page_of(-1) is None
    closing = doc.closing[0]
    assert isinstance(closing, sk.MeetingEnd)
    assert doc.page_of(closing) == 3
    for node in doc.walk():
        page = doc.page_of(node)
        assert page is not None
        assert doc.pages[page - 1].span.start <= node.span.start  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        doc.page_of("not a node")


def test_pdf_is_lossless_on_the_rendering(doc: sk.Document, pdf_bytes: bytes) -> None:
    """Every non-whitespace character of the rendering is owned by exactly one node."""
    assert_lossless(doc)
    siblings_ordered(doc)
    assert doc.source == render_pdf(pdf_bytes)[0]


def test_pdf_round_trips_through_json(doc: sk.Document) -> None:
    """Pages and the format survive dumps and loads."""
    again = sk.loads(sk.dumps(doc))
    assert again == doc
    assert again.page_of(again.items[2]) == 3


def test_content_sniffing_ignores_a_wrong_extension(pdf_bytes: bytes, tmp_path: Path) -> None:
    """A PDF saved as .txt (or .html) is still read as a PDF."""
    for name in ("minutes.txt", "minutes.html"):
        path = tmp_path / name
        path.write_bytes(pdf_bytes)
        parsed = sk.parse_file(path)
        assert parsed.format is sk.InputFormat.PDF
        assert len(parsed.items) == 3


def test_printed_page_numbers_alone(tmp_path: Path) -> None:
    """With no running header, bare page numbers are still furniture, and one page has no header."""
    data = minutes_pdf(
        [
            "Minutes of the meeting of the Licensing Sub-Committee held on 2 April 2025",
            "L1/25 Election of Chair (agenda item 1)",
            "RESOLVED that Councillor Una Pryor be elected Chair.",
        ],
        footer="{page}",
    )
    text, pages, furniture = render_pdf(data)
    assert [text[s.start : s.end] for s in furniture] == ["1"]
    assert len(pages) == 1
    path = tmp_path / "one.pdf"
    path.write_bytes(data)
    parsed = sk.parse_file(path)
    assert [n.text for n in parsed.walk() if isinstance(n, sk.Furniture)] == ["1"]
    assert parsed.page_of(parsed.items[0]) == 1


def test_a_line_opening_two_pages_of_six_is_not_furniture() -> None:
    """Only a line repeated at the same place on half the pages or more is a running header."""
    body: list[Piece] = []
    for n in range(1, 7):
        if n > 1:
            body.append(PAGE_BREAK)
        if n in (3, 5):
            body.append("RESOLVED that the report be noted.")
        body.append(f"Q{n}/25 Item number {n} (agenda item {n})")
        body.append("The Panel discussed the item.")
    text, pages, furniture = render_pdf(minutes_pdf(body, running_header=HEADER))
    shown = [text[s.start : s.end] for s in furniture]
    assert len(pages) == 6
    assert shown.count(HEADER) == 6
    assert "RESOLVED that the report be noted." not in shown
    assert text.count("RESOLVED that the report be noted.") == 2


def test_a_pdf_without_text_is_not_minutes(tmp_path: Path) -> None:
    """A PDF with no text (a scan) is NotMinutesError saying so."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(minutes_pdf([], footer=None))
    with pytest.raises(sk.NotMinutesError, match="no text"):
        sk.parse_file(path)


def test_a_broken_pdf_is_not_text(tmp_path: Path) -> None:
    """A file that starts like a PDF but is not one is NotTextError naming PDF."""
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(sk.NotTextError, match="looks like a PDF file"):
        sk.parse_file(path)


def _parsed(tmp_path: Path, data: bytes) -> sk.Document:
    path = tmp_path / "generated.pdf"
    path.write_bytes(data)
    doc = sk.parse_file(path)
    assert_lossless(doc)
    siblings_ordered(doc)
    return doc


LONG = (
    "The Scrutiny Officer reported that the consultation on the revised library opening hours had"
    " drawn four hundred and twelve responses, most of them from residents of the northern villages,"
    " and that a summary of the themes raised would be circulated to Members before the next meeting"
    " together with the figures for visits to each branch over the last three years."
)


def test_a_wrapped_paragraph_is_one_paragraph(tmp_path: Path) -> None:
    """A paragraph that the PDF wraps over several lines comes out as one paragraph, every word in order."""
    doc = _parsed(
        tmp_path,
        minutes_pdf(
            [
                "Minutes of the meeting of the Communities Scrutiny Panel held on 4 June 2025",
                "C7/25 Library opening hours (agenda item 3)",
                Wrapped(LONG),
                "RESOLVED that the summary be noted.",
            ]
        ),
    )
    (item,) = doc.items
    first = item.agenda[0]
    assert isinstance(first, sk.Paragraph)
    assert first.text == LONG
    assert doc.text_of(first).count("\n") >= 2  # wrapped over three lines or more in the rendering


def test_a_page_break_inside_a_list_of_points(tmp_path: Path) -> None:
    """A resolution's points that run onto the next page stay one list, ahead of the page's furniture."""
    doc = _parsed(
        tmp_path,
        minutes_pdf(
            [
                "Minutes of the meeting of the Housing Scrutiny Committee held on 11 September 2025",
                "H21/25 Damp and mould in council homes (agenda item 5)",
                "RESOLVED that:",
                [
                    "1. The Committee note the number of open cases;",
                    "2. The Director report the backlog monthly;",
                    PAGE_BREAK,
                    "3. A sample of repairs be inspected by Members;",
                    "4. The item return to the Committee in March 2026.",
                ],
                "H22/25 Work programme (agenda item 6)",
                "RESOLVED that the work programme be agreed.",
            ],
            running_header="Kelderby District Council - Housing Scrutiny Committee",
        ),
    )
    first, second = doc.items
    (resolution,) = first.outcomes()
    assert [p.label for p in resolution.points] == ["1", "2", "3", "4"]
    assert resolution.points[3].text == "The item return to the Committee in March 2026."
    furniture = [n.text for n in doc.walk() if isinstance(n, sk.Furniture)]
    assert furniture == [
        "Kelderby District Council - Housing Scrutiny Committee",
        "Page 1",
        "Kelderby District Council - Housing Scrutiny Committee",
        "Page 2",
    ]
    # The moved points count to the page their list started on; the next item is on page 2.
    assert doc.page_of(resolution.points[3]) == 1
    assert doc.page_of(second) == 2


def test_a_page_that_starts_another_list_is_not_joined(tmp_path: Path) -> None:
    """A numbered line that does not follow the list before the page break stays on its own page."""
    text, pages, _ = render_pdf(
        minutes_pdf(
            [
                "Minutes of the meeting of the Housing Scrutiny Committee held on 11 September 2025",
                "RESOLVED that:",
                ["1. The Committee note the number of open cases;", "2. The report be published."],
                PAGE_BREAK,
                ["5. Any other business", "There was none."],
            ]
        )
    )
    assert text.index("5. Any other business") >= pages[1].span.start


def test_a_table_reads_a_row_a_line_and_a_list_column_by_column(tmp_path: Path) -> None:
    """Two columns of long cells are a table (a row a line); of short ones, a list (column by column)."""
    text, _, _ = render_pdf(
        minutes_pdf(
            [
                "Minutes of the meeting of the Finance Panel held on 2 October 2025",
                ("Grant to the Ashmere village hall committee", "750.00"),
                ("Repairs to the bus shelter on Tollgate Road", "1,240.00"),
                "",
                ("Councillor Ada Penrose", "Councillor Milo Strand"),
                ("Councillor Tess Vane", "Councillor Rufus Hale"),
            ]
        )
    )
    assert "Grant to the Ashmere village hall committee 750.00\n" in text
    assert "Repairs to the bus shelter on Tollgate Road 1,240.00\n" in text
    names = ["Ada Penrose", "Tess Vane", "Milo Strand", "Rufus Hale"]
    assert "".join(f"Councillor {name}\n" for name in names) in text


def test_a_page_number_drawn_first_is_still_the_pages_footer(tmp_path: Path) -> None:
    """Furniture is found by where it stands: a footer drawn before the text still closes its page."""
    data = minutes_pdf(
        [
            "Minutes of the meeting of the Licensing Sub-Committee held on 2 April 2025",
            "L1/25 Election of Chair (agenda item 1)",
            "RESOLVED that Councillor Una Pryor be elected Chair.",
            PAGE_BREAK,
            "L2/25 Premises licence review (agenda item 2)",
            "RESOLVED that the licence be suspended for six weeks.",
        ],
        footer="Page {page} of 2",
        footer_first=True,
    )
    text, pages, furniture = render_pdf(data)
    assert [text[s.start : s.end] for s in furniture] == ["Page 1 of 2", "Page 2 of 2"]
    for page, span in zip(pages, furniture):
        assert text[page.span.start : page.span.end].rstrip().endswith(text[span.start : span.end])
    doc = _parsed(tmp_path, data)
    assert [i.minute_number for i in doc.items] == ["L1/25", "L2/25"]


def test_every_furniture_line_is_a_furniture_node(doc: sk.Document, pdf_bytes: bytes) -> None:
    """Each furniture line of the rendering is a Furniture node with the line's span and text."""
    _, _, furniture = render_pdf(pdf_bytes)
    nodes = [n for n in doc.walk() if isinstance(n, sk.Furniture)]
    assert [n.span for n in nodes] == list(furniture)
    assert all(n.text == doc.text_of(n) for n in nodes)


def test_missing_pdfium_names_the_extra(pdf_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pypdfium2, reading a PDF says which extra to install."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(sk.MissingExtraError, match=r"pip install 'scrutinykit\[pdf\]'") as caught:
        sk.parse_file(pdf_path)
    assert isinstance(caught.value, sk.ScrutinyKitError)
    assert "pypdfium2" in str(caught.value)


def test_parse_bytes_still_refuses_a_pdf(pdf_bytes: bytes) -> None:
    """parse_bytes reads text only: a PDF there is NotTextError, as before."""
    with pytest.raises(sk.NotTextError, match="PDF"):
        sk.parse_bytes(pdf_bytes)


def test_text_and_char_indices_apart_give_the_same_rendering(
    pdf_bytes: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When PDFium's text and char indices differ, they are translated: the same rendering comes out."""
    from scrutinykit.sources import pdf as _pdf


    expected = render_pdf(pdf_bytes)
    init = _pdf._Reader.__init__

    def translated(self: _pdf._Reader, *args: object) -> None:
        init(self, *args)  # type: ignore[arg-type]
        self.same_indices = False

    monkeypatch.setattr(_pdf._Reader, "__init__", translated)
    assert render_pdf(pdf_bytes) == expected


_MARKS = ["a", "B", "7", " ", "\t", "\u00a0", "\ufffe", "\uf0b7", "\u2019"]


@given(st.text(alphabet=st.sampled_from(_MARKS)))
def test_cell_text_reads_pdfium_marks_and_folds_spaces(text: str) -> None:
    """PDFium's soft-hyphen and Symbol-bullet marks read as ``-`` and a bullet; whitespace folded."""
    from scrutinykit.sources import pdf as _pdf

    marks = str.maketrans({"\ufffe": "-", "\uf0b7": "\u2022"})
    assert _pdf._fold(text) == " ".join(text.translate(marks).split())


def test_cell_text_example() -> None:
    """A bullet mark, a soft hyphen, a tab and no-break spaces in one cell."""
    from scrutinykit.sources import pdf as _pdf

    assert _pdf._fold("\uf0b7\tsub\ufffe committee  \u00a0 report ") == "\u2022 sub- committee report"
