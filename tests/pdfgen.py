"""Make small PDFs of invented minutes for the tests and the docs, with fpdf2.

A body is a list of pieces: a ``str`` is a paragraph written as it stands (one
line; keep it short enough for the page), a ``list[str]`` is a paragraph
written line by line, a :class:`Wrapped` is a paragraph that fpdf2 wraps to
the page's width, a ``tuple[str, str]`` is a row of a two-column block,
``""`` leaves a gap, and :data:`PAGE_BREAK` starts a new page there (in the middle of a
paragraph's lines, it splits a sentence across pages).
"""

from __future__ import annotations

from pathlib import Path
from typing import Union

from fpdf import FPDF

PAGE_BREAK = "\f"


class Wrapped(str):
    """A paragraph that fpdf2 wraps to the width of the page (a line break wherever it fits)."""


Piece = Union[str, list[str], tuple[str, str]]


class _Minutes(FPDF):  # type: ignore[misc]
    def __init__(self, running_header: str | None, footer: str | None, footer_first: bool) -> None:
        super().__init__(format="A4")
        self.running_header = running_header
        self.footer_text = footer
        self.footer_first = footer_first

    def header(self) -> None:
        if self.footer_first and self.footer_text:
            # The page number is drawn before anything else, at the foot of the page.
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, self.footer_text.format(page=self.page_no()), align="C")
            self.set_y(15)
        if self.running_header:
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, self.running_header, align="C")
            self.ln(14)

    def footer(self) -> None:
        if self.footer_text and not self.footer_first:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, self.footer_text.format(page=self.page_no()), align="C")


def minutes_pdf(
    body: list[Piece],
    *,
    running_header: str | None = None,
    footer: str | None = "Page {page}",
    footer_first: bool = False,
) -> bytes:
    """The bytes of a PDF holding ``body``, with a running header and a page-number footer.

    With ``footer_first`` the footer is drawn first on each page, before the
    header and the text (where it stands on the page does not change).
    """
    pdf = _Minutes(running_header, footer, footer_first)
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 15, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for piece in body:
        if piece == "":
            pdf.ln(5)
        elif piece == PAGE_BREAK:
            pdf.add_page()
            pdf.set_font("Helvetica", size=11)
        elif isinstance(piece, Wrapped):
            pdf.multi_cell(0, 6, str(piece), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
        elif isinstance(piece, tuple):
            pdf.cell(85, 6, piece[0])
            pdf.cell(85, 6, piece[1], new_x="LMARGIN", new_y="NEXT")
        else:
            lines = [piece] if isinstance(piece, str) else piece
            for line in lines:
                if line == PAGE_BREAK:
                    pdf.add_page()
                    pdf.set_font("Helvetica", size=11)
                    continue
                pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(5)
    return bytes(pdf.output())


def write_minutes_pdf(path: Path, body: list[Piece], **options: str | bool | None) -> Path:
    """Write :func:`minutes_pdf` to ``path`` and return the path."""
    path.write_bytes(minutes_pdf(body, **options))  # type: ignore[arg-type]
    return path
