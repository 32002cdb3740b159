"""PDFs of written minutes: text page by page, page furniture kept apart, then parsed.

:func:`render_pdf` extracts each page's text with pypdf in layout mode (which
keeps lines, columns and vertical gaps) and builds a plain-text *rendering*:

1. **Lines and columns.**  Each line is stripped; a gap of four or more
   spaces inside a line separates columns, and each column's text goes on a
   line of its own, row by row (so a two-column attendance block gives one
   name a line).  A vertical gap (a blank line in the layout) is kept as one
   blank line; runs of them fold to one.
2. **Page furniture.**  Among the first and the last three lines of each page,
   working inwards from the edge, a line is furniture when it is a page
   number (``7``, ``Page 7``, ``Page 7 of 12``, ``- 7 -``) or when the same
   line, digits aside, stands at the same place from the top or the bottom
   of at least two pages, and of at least half of them (rounded down) (a running header
   or footer).  Furniture is kept, never dropped: each such
   line stands alone between blank lines, where the grammar reads a page
   number as :class:`~scrutinykit._model.Furniture`; a paragraph that the
   grammar makes of any other furniture line in the flow of the document is
   turned into ``Furniture`` too, and the meeting and the attendance are read
   from the text with the furniture blanked out (so a running header is
   neither the meeting's heading nor an attendee).
3. **Sentences split across pages** are rejoined: when a page's text ends in
   a lower-case letter or a comma and the next page's text starts with a
   lower-case letter, the first paragraph of the next page is joined to the
   last line of the page before, ahead of the furniture between them.
4. Pages follow one another in the rendering: page furniture at the top, the
   page's text, furniture at the bottom.  :class:`~scrutinykit._model.Page`
   records which part of the rendering came from which page (a moved
   sentence counts to the page it started on), and
   :meth:`~scrutinykit._model.Document.page_of` finds a node's page.

A PDF whose pages are laid out in two columns of prose is read across both
columns, row by row; scanned PDFs (images, no text) have no text to read.

pypdf is an optional dependency: ``pip install 'scrutinykit[pdf]'``.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from typing import Final

import attrs

from ._api import parse
from ._errors import NotMinutesError, NotTextError
from ._extras import import_extra
from ._model import (
    Block,
    BudgetProposal,
    Document,
    Furniture,
    Heading,
    InputFormat,
    Page,
    Paragraph,
    Span,
)

__all__ = ["parse_pdf", "render_pdf"]

#: How many lines at the top and at the bottom of a page may be furniture.
_EDGE_LINES: Final = 3

#: A running header or footer stands at the same place (the same edge, the
#: same line from it) on at least this many pages, and on at least one page
#: in :data:`_REPEAT_SHARE` (so that an outcome label that happens to open
#: two pages of a long document is not taken for one).
_REPEATS: Final = 2
_REPEAT_SHARE: Final = 2

#: Columns within a line are separated by at least this many spaces.
_COLUMN_GAP: Final = re.compile(r" {4,}")

_PAGE_NUMBER: Final = re.compile(
    r"(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]", re.I
)
_DIGITS: Final = re.compile(r"\d+")
_CONTINUES: Final = re.compile(r"[a-z,]\Z")
_CONTINUATION: Final = re.compile(r"\A[a-z]")


@attrs.define
class _PageText:
    header: list[str]
    body: list[str]
    footer: list[str]


def _page_lines(layout: str) -> list[str]:
    """The page's lines, columns split, with ``""`` for one vertical gap."""
    lines: list[str] = []
    for raw in layout.splitlines():
        cells = [c.strip() for c in _COLUMN_GAP.split(raw.strip())]
        cells = [" ".join(c.split()) for c in cells if c.strip()]
        if not cells:
            if lines and lines[-1] != "":
                lines.append("")
            continue
        lines.extend(cells)
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indices of the non-blank lines at the top and at the bottom of a page."""
    text = [i for i, line in enumerate(lines) if line]
    return text[:_EDGE_LINES], text[::-1][:_EDGE_LINES]


def _split_furniture(pages: list[list[str]]) -> list[_PageText]:
    """Each page's header furniture, body and footer furniture."""
    counts: Counter[tuple[str, int, str]] = Counter()
    for lines in pages:
        top, bottom = _edges(lines)
        counts.update({("top", n, _shape(lines[i])) for n, i in enumerate(top)})
        counts.update({("bottom", n, _shape(lines[i])) for n, i in enumerate(bottom)})
    least = max(_REPEATS, len(pages) // _REPEAT_SHARE)
    repeated = {key for key, n in counts.items() if n >= least} if len(pages) > 1 else set()

    def furniture(line: str, edge: str, position: int) -> bool:
        return _PAGE_NUMBER.fullmatch(line) is not None or (edge, position, _shape(line)) in repeated

    out: list[_PageText] = []
    for lines in pages:
        top, bottom = _edges(lines)
        head_end = 0
        for n, i in enumerate(top):
            if not furniture(lines[i], "top", n):
                break
            head_end = i + 1
        foot_start = len(lines)
        for n, i in enumerate(bottom):
            if i < head_end or not furniture(lines[i], "bottom", n):
                break
            foot_start = i
        header = [line for line in lines[:head_end] if line]
        footer = [line for line in lines[foot_start:] if line]
        body = lines[head_end:foot_start]
        while body and body[0] == "":
            body.pop(0)
        while body and body[-1] == "":
            body.pop()
        out.append(_PageText(header, body, footer))
    return out


def _rejoin(pages: list[_PageText]) -> None:
    """Move a sentence's end back to the page it started on."""
    for before, after in itertools.pairwise(pages):
        if not before.body or not after.body:
            continue
        if _CONTINUES.search(before.body[-1]) is None or _CONTINUATION.match(after.body[0]) is None:
            continue
        end = after.body.index("") if "" in after.body else len(after.body)
        moved = after.body[:end]
        before.body[-1] = f"{before.body[-1]} {moved[0]}"
        before.body.extend(moved[1:])
        del after.body[: end + 1]


def render_pdf(data: bytes, *, source: str | None = None) -> tuple[str, tuple[Page, ...], tuple[Span, ...]]:
    """The text rendering of a PDF, its pages, and the spans of its furniture lines.

    :raises MissingExtraError: pypdf is not installed.
    :raises NotTextError: pypdf cannot read the file.
    """
    pypdf = import_extra("pypdf", "pdf", "a PDF", source=source)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        layouts = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except Exception as exc:  # pypdf raises many kinds of error for broken files
        raise NotTextError(
            f"looks like a PDF file, but its text cannot be read ({type(exc).__name__}: {exc})",
            source=source,
            offset=0,
        ) from exc
    pages = _split_furniture([_page_lines(layout) for layout in layouts])
    _rejoin(pages)

    parts: list[str] = []
    length = 0
    page_spans: list[Page] = []
    furniture: list[Span] = []

    def add(text: str) -> None:
        nonlocal length
        parts.append(text)
        length += len(text)

    for number, page in enumerate(pages, 1):
        start = length
        for line in page.header:
            furniture.append(Span(start=length, end=length + len(line)))
            add(line + "\n\n")
        for line in page.body:
            add(line + "\n")
        if page.body:
            add("\n")
        for line in page.footer:
            furniture.append(Span(start=length, end=length + len(line)))
            add(line + "\n\n")
        page_spans.append(Page(span=Span(start=start, end=length), number=number))
    return "".join(parts), tuple(page_spans), tuple(furniture)


def _as_furniture(blocks: tuple[Block, ...], spans: frozenset[tuple[int, int]]) -> tuple[Block, ...]:
    """``blocks`` with each paragraph or heading that is a furniture line made :class:`Furniture`."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)) and (block.span.start, block.span.end) in spans:
            out.append(Furniture(span=block.span, text=block.text))
        elif isinstance(block, BudgetProposal):
            out.append(attrs.evolve(block, blocks=_as_furniture(block.blocks, spans)))
        else:
            out.append(block)
    return tuple(out)


def _mark_furniture(doc: Document, lines: tuple[Span, ...]) -> Document:
    """``doc`` with the furniture lines the grammar read as paragraphs made :class:`Furniture`."""
    if not lines:
        return doc
    spans = frozenset((s.start, s.end) for s in lines)
    items = tuple(
        attrs.evolve(
            item,
            agenda=_as_furniture(item.agenda, spans),
            sections=tuple(
                attrs.evolve(section, blocks=_as_furniture(section.blocks, spans))
                for section in item.sections
            ),
        )
        for item in doc.items
    )
    return attrs.evolve(
        doc,
        front_matter=_as_furniture(doc.front_matter, spans),
        items=items,
        closing=_as_furniture(doc.closing, spans),
    )


def _facts_without_furniture(doc: Document, text: str, lines: tuple[Span, ...]) -> Document:
    """``doc`` with the meeting and attendance read from the text with its furniture blanked.

    A running header would otherwise be taken for the meeting's heading, or
    for one more name in the attendance list before it.  Blanking each
    furniture line with spaces keeps every offset, so the facts read from the
    blanked text point into the rendering as they are.
    """
    if not lines:
        return doc
    chars = list(text)
    for span in lines:
        chars[span.start : span.end] = " " * len(span)
    try:
        clean = parse("".join(chars))
    except NotMinutesError as exc:
        if not isinstance(exc.document, Document):
            return doc
        clean = exc.document
    return attrs.evolve(doc, meeting=clean.meeting, attendance=clean.attendance)


def parse_pdf(data: bytes, *, source: str | None = None) -> Document:
    """Parse a PDF of minutes; ``source`` of the result is the rendering.

    :raises MissingExtraError: pypdf is not installed.
    :raises NotTextError: pypdf cannot read the file.
    :raises NotMinutesError: the PDF holds no text (a scan) or no minutes.
    """
    text, pages, furniture = render_pdf(data, source=source)
    if not text.strip():
        raise NotMinutesError(
            "the PDF has no text to read (is it a scan? its text must be recognised first)", source=source
        )
    try:
        doc = parse(text, source=source)
    except NotMinutesError as exc:
        if isinstance(exc.document, Document):
            exc.document = _finish(exc.document, text, pages, furniture)
        raise
    return _finish(doc, text, pages, furniture)


def _finish(doc: Document, text: str, pages: tuple[Page, ...], furniture: tuple[Span, ...]) -> Document:
    doc = _facts_without_furniture(_mark_furniture(doc, furniture), text, furniture)
    return attrs.evolve(doc, format=InputFormat.PDF, pages=pages)
