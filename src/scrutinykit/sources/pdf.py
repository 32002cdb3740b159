"""PDFs of written minutes: text page by page, page furniture kept apart, then parsed once.

:func:`render_pdf` reads each page with PDFium (through pypdfium2) and builds
a plain-text *rendering*:

1. **Lines, rows and columns.**  PDFium gives each page's text in content
   order, a line at a time, and the box of every character.  Lines that
   stand side by side (a superscript ``st`` that PDFium put on a line of its
   own) are one row again.  Where the characters on either side of a run of
   spaces stand :data:`_COLUMN_GAP` font sizes apart or more (and, on a line
   of three spaces or more, :data:`_STRETCH` times the line's usual space,
   which justified text stretches), the row is cut into cells.  A block of
   two rows or more whose cells start at the same places is a list laid out
   in columns when every cell is short (fewer than :data:`_LIST_WORDS`
   words), read column by column — a two-column attendance block gives one
   name a line, down the first column, then down the second — and otherwise
   a table, read a row a line.  A single row's cells go on lines of their
   own.  A label alone in the first cell (``84.``, ``(a)``) stays on its own
   line when it stands at the document's left margin, as an item number
   does, and joins its text when it is indented, as a point's label does.
   A baseline further below the one before than the page's usual line
   spacing (read from the baselines and the font size) starts a paragraph:
   one blank line.
2. **Page furniture.**  Among the rows in the top or the bottom band of a
   page (:data:`_BAND` of its height), by where they stand and working
   inwards from the edge, a row is furniture when it is a page number
   (``7``, ``Page 7``, ``Page 7 of 12``, ``- 7 -``) or when the same row,
   digits aside, stands in the same band of at least two pages, and of at
   least half of them (rounded down) (a running header or footer).
   Furniture is kept, never dropped: each line stands alone between blank
   lines in the rendering, header lines at the top of the page's text and
   footer lines at its foot, wherever the page's content drew them.
3. **Sentences and lists split across pages** are rejoined: when a page's
   text ends in a lower-case letter or a comma and the next page's text
   starts with a lower-case letter, the first paragraph of the next page is
   joined to the last line of the page before, ahead of the furniture
   between them; when the next page starts with the next point of the list
   that the page before ends in (``2.`` after ``1.``, ``(c)`` after
   ``(b)``, ``iv)`` after ``iii)``, a bullet after a bullet), its first
   paragraph follows that list, ahead of the furniture.
4. Pages follow one another in the rendering.  :class:`~scrutinykit._model.Page`
   records which part of the rendering came from which page (moved text
   counts to the page its sentence or list started on), and
   :meth:`~scrutinykit._model.Document.page_of` finds a node's page.

:func:`parse_pdf` parses the rendering once, with each furniture line
replaced by a page number of the same length (every offset kept): the
grammar reads it as a :class:`~scrutinykit._model.Furniture` block standing
between blocks, so a running header is never the meeting's heading, an
attendee or a line of a paragraph, and never inside a list.  Each such
block then gets its furniture line's span and text back, and the document's
``source`` is the rendering.

pypdfium2 is an optional dependency: ``pip install 'scrutinykit[pdf]'``.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from types import ModuleType
from typing import Any, Final

import attrs

from .._api import VocabularyDirs, parse
from .._errors import NotMinutesError, NotTextError
from .._extras import import_extra
from .._model import (
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
from ..build.furniture import place_furniture

__all__ = ["parse_pdf", "render_pdf"]

#: How many rows at the top and at the bottom of a page may be furniture.
_EDGE_LINES: Final = 3

#: Furniture stands in the top or bottom band of the page: this share of its height.
_BAND: Final = 0.12

#: A running header or footer stands in the same band on at least this many
#: pages, and on at least one page in :data:`_REPEAT_SHARE` (so that an
#: outcome label that happens to open two pages of a long document is not
#: taken for one).
_REPEATS: Final = 2
_REPEAT_SHARE: Final = 2

#: The characters on either side of a run of spaces are in different columns
#: when the gap between them is at least this many times the font size ...
_COLUMN_GAP: Final = 1.2

#: ... and at least this many times the line's usual space (justified text
#: stretches every space of a line alike).
_STRETCH: Final = 2.5

#: Column starts that differ by less than this (points) are the same column.
_ALIGN: Final = 6.0

#: A row's baseline this much further below the one before than a line's
#: usual spacing (or than :data:`_GAP_FONT` font sizes) starts a new paragraph.
_GAP_PITCH: Final = 1.3
_GAP_FONT: Final = 2.2

_PAGE_NUMBER: Final = re.compile(
    r"(?:(?:page|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]", re.I
)
_DIGITS: Final = re.compile(r"\d+")
#: What the parse reads in place of a furniture line: a page number, which the
#: grammar makes a Furniture block that stands between blocks, never in one.
_PLACEHOLDER: Final = "1"

_CONTINUES: Final = re.compile(r"[a-z,]\Z")
_CONTINUATION: Final = re.compile(r"\A[a-z]")

#: A cell that is only a label (a number, a letter in brackets, ``Present:``):
#: at the left margin it stays alone (an item's number), indented it joins
#: its text (a point's label), and it is never an entry of a list in columns.
_LABEL: Final = re.compile(r"\S{1,12}")

#: A block of rows is a list laid out in columns, read column by column, when
#: each of its cells has fewer words than this (and is not a label alone);
#: otherwise it is a table, read row by row.
_LIST_WORDS: Final = 8

#: PDFium's marks for characters: U+FFFE for a hyphen it took for a soft
#: one, U+F0B7 for the bullet of the Symbol font.
_CHARS: Final = (("\ufffe", "-"), ("\uf0b7", "\u2022"))


@attrs.define
class _Cell:
    """A run of text on a row, with its horizontal extent."""

    text: str
    left: float
    right: float


@attrs.define
class _Row:
    """A row of text: its cells left to right, baseline, font size and vertical extent."""

    cells: list[_Cell]
    baseline: float
    size: float
    top: float
    bottom: float


@attrs.define
class _PageText:
    header: list[str]
    body: list[str]
    footer: list[str]


class _Pdfium:
    """PDFium's text functions that read a page's characters, called with no argument conversion.

    pypdfium2's bindings convert every argument of every call (a pointer
    argument costs more than the call itself), and these functions are
    called for every line and twice for every run of spaces of a document;
    the same C functions are called through prototypes that declare no
    arguments, given objects ctypes passes as they are (the text page's
    handle, references to ``c_double`` made once, ``int`` indices).
    """

    def __init__(self, raw: ModuleType) -> None:
        def function(name: str, restype: Any = ctypes.c_int) -> Any:
            address = ctypes.cast(getattr(raw, name), ctypes.c_void_p).value
            assert address is not None
            call = ctypes.CFUNCTYPE(restype)(address)
            call.argtypes = None  # type: ignore[assignment]
            return call

        self.count_chars = function("FPDFText_CountChars")
        self.char_index = function("FPDFText_GetCharIndexFromTextIndex")
        self.char_box = function("FPDFText_GetCharBox")
        self.char_origin = function("FPDFText_GetCharOrigin")
        self.font_size = function("FPDFText_GetFontSize", ctypes.c_double)
        self.count_rects = function("FPDFText_CountRects")
        self.rect = function("FPDFText_GetRect")


_PDFIUM: dict[int, _Pdfium] = {}


def _pdfium(raw: ModuleType) -> _Pdfium:
    found = _PDFIUM.get(id(raw))
    if found is None:
        found = _PDFIUM[id(raw)] = _Pdfium(raw)
    return found


class _Reader:
    """PDFium's text of one page, read a line at a time with the boxes of its characters."""

    def __init__(self, raw: ModuleType, textpage: Any, text: str) -> None:
        self.pdfium = _pdfium(raw)
        self.handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
        #: left, right, bottom, top of a box; left, top, right, bottom of a rect; x, y of an origin
        self.values = [ctypes.c_double() for _ in range(4)]
        self.refs = [ctypes.byref(value) for value in self.values]
        # Text and char indices are one when PDFium left no char out (nearly always).
        self.same_indices = len(text) == self.pdfium.count_chars(self.handle)

    def char_index(self, text_index: int) -> int:
        """The index in PDFium's list of chars of a character of the page's text."""
        if self.same_indices:
            return text_index
        return int(self.pdfium.char_index(self.handle, text_index))

    def edges(self, start: int, runs: list[tuple[int, int]]) -> list[tuple[float, float]]:
        """For each run of spaces (offsets from ``start``): the right of the char before, left of the next."""
        get_box, handle = self.pdfium.char_box, self.handle
        left, right, _, _ = self.values
        l_ref, r_ref, b_ref, t_ref = self.refs
        out = []
        if self.same_indices:
            for begin, end in runs:
                get_box(handle, start + begin - 1, l_ref, r_ref, b_ref, t_ref)
                before = right.value
                get_box(handle, start + end, l_ref, r_ref, b_ref, t_ref)
                out.append((before, left.value))
            return out
        index = self.char_index
        for begin, end in runs:
            get_box(handle, index(start + begin - 1), l_ref, r_ref, b_ref, t_ref)
            before = right.value
            get_box(handle, index(start + end), l_ref, r_ref, b_ref, t_ref)
            out.append((before, left.value))
        return out

    def extent(self, text_index: int, count: int) -> tuple[float, float, float, float] | None:
        """The left, top, right and bottom of ``count`` characters, or ``None`` if they have no box."""
        pdfium, h = self.pdfium, self.handle
        n = pdfium.count_rects(h, self.char_index(text_index), count)
        get_rect, (l_ref, t_ref, r_ref, b_ref) = pdfium.rect, self.refs
        l_value, t_value, r_value, b_value = self.values
        left = top = -1e9
        right = bottom = 1e9
        found = False
        for i in range(n):
            get_rect(h, i, l_ref, t_ref, r_ref, b_ref)
            t, b = t_value.value, b_value.value
            if t - b > 0.5:  # PDFium also boxes spaces, flat
                found = True
                left = min(left, l_value.value) if left > -1e9 else l_value.value
                right = max(right, r_value.value) if right < 1e9 else r_value.value
                top = max(top, t)
                bottom = min(bottom, b)
        return (left, top, right, bottom) if found else None

    def baseline(self, text_index: int) -> float | None:
        x_ref, y_ref = self.refs[0], self.refs[1]
        if not self.pdfium.char_origin(self.handle, self.char_index(text_index), x_ref, y_ref):
            return None
        return float(self.values[1].value)

    def font_size(self, text_index: int) -> float:
        return float(self.pdfium.font_size(self.handle, self.char_index(text_index)))


def _fold(text: str) -> str:
    for mark, char in _CHARS:  # a replace each: str.translate looks every character up
        text = text.replace(mark, char)
    return " ".join(text.split())


_SPACES: Final = re.compile(r" +")


def _line_cells(reader: _Reader, piece: str, at: int) -> tuple[list[_Cell], float, float, float] | None:
    """A PDFium line's cells, its top, bottom and font size; ``None`` when it has no box.

    ``at`` is the line's index in the page's text.  The line is cut into
    cells at each run of spaces whose neighbours stand :data:`_COLUMN_GAP`
    font sizes apart or more.
    """
    body = piece.strip()
    start = at + len(piece) - len(piece.lstrip())
    extent = reader.extent(start, len(body))
    if extent is None:
        return None
    left, top, right, bottom = extent
    size = reader.font_size(start)
    if not 0.5 * (top - bottom) <= size <= 3 * (top - bottom):  # a size scaled by the text matrix
        size = top - bottom
    runs = [run.span() for run in _SPACES.finditer(body)]
    edges = reader.edges(start, runs)
    gaps = [after - before for before, after in edges]
    least = _COLUMN_GAP * size
    if len(gaps) >= 3:  # justified text stretches every space of a line: a column gap stands out
        least = max(least, _STRETCH * statistics.median(gaps))
    if not gaps or max(gaps) < least:  # one cell (most lines)
        text = _fold(body)
        return ([_Cell(text, left, right)] if text else []), top, bottom, size
    cells: list[_Cell] = []
    cut, cell_left = 0, left
    for (begin, end), gap, (before, after) in zip(runs, gaps, edges):
        if gap >= least:
            cells.append(_Cell(_fold(body[cut:begin]), cell_left, before))
            cut, cell_left = end, after
    cells.append(_Cell(_fold(body[cut:]), cell_left, right))
    return [c for c in cells if c.text], top, bottom, size


def _page_rows(reader: _Reader, text: str) -> list[_Row]:
    """The rows of a page in content order: PDFium's lines, side-by-side ones merged."""
    rows: list[_Row] = []
    offset = 0
    for piece in text.split("\r\n"):
        char, offset = offset, offset + len(piece) + 2
        if not piece.strip():
            continue
        found = _line_cells(reader, piece, char)
        if found is None:  # text without a box: it stays, on the row before or a row of its own
            if rows:
                rows[-1].cells.append(_Cell(_fold(piece), rows[-1].cells[-1].right, rows[-1].cells[-1].right))
            else:
                rows.append(_Row([_Cell(_fold(piece), 0.0, 0.0)], 0.0, 0.0, 0.0, 0.0))
            continue
        cells, top, bottom, size = found
        if not cells:
            continue
        baseline = reader.baseline(char + len(piece) - len(piece.lstrip()))
        if rows and _same_row(rows[-1], top, bottom, cells):
            rows[-1].cells = _merge_cells(rows[-1].cells + cells, size)
            rows[-1].top = max(rows[-1].top, top)
            rows[-1].bottom = min(rows[-1].bottom, bottom)
            continue
        rows.append(_Row(cells, bottom if baseline is None else baseline, size, top, bottom))
    return rows


def _same_row(row: _Row, top: float, bottom: float, cells: list[_Cell]) -> bool:
    """Whether a line stands beside ``row`` (overlapping it vertically, to its right)."""
    overlap = min(row.top, top) - max(row.bottom, bottom)
    beside = cells[0].left >= row.cells[-1].right - 1
    return beside and overlap >= 0.5 * min(row.top - row.bottom, top - bottom)


def _merge_cells(cells: list[_Cell], size: float) -> list[_Cell]:
    cells = sorted(cells, key=lambda c: c.left)
    out = [cells[0]]
    for cell in cells[1:]:
        if cell.left - out[-1].right < _COLUMN_GAP * size:
            out[-1] = _Cell(f"{out[-1].text} {cell.text}", out[-1].left, max(out[-1].right, cell.right))
        else:
            out.append(cell)
    return out


def _listed(text: str) -> bool:
    """Whether a cell's text is an entry of a list laid out in columns (a name, not a label or prose)."""
    return _LABEL.fullmatch(text) is None and text.count(" ") < _LIST_WORDS


def _aligned(a: list[_Cell], b: list[_Cell]) -> bool:
    return len(a) == len(b) and all(abs(x.left - y.left) < _ALIGN for x, y in zip(a, b))


def _hang(cells: list[_Cell], margin: float) -> list[_Cell]:
    """The cells of a row, an indented label (a point's) joined to its text.

    A label at the page's left margin followed by a gap stays alone, as an
    item number does ("84." then the title); an indented one numbers a point
    of a list ("(a)", "1.") and stays with its text.
    """
    if len(cells) < 2 or _LABEL.fullmatch(cells[0].text) is None or cells[0].left <= margin + _ALIGN:
        return cells
    first, second = cells[0], cells[1]
    return [_Cell(f"{first.text} {second.text}", first.left, second.right), *cells[2:]]


def _margin(pages: list[list[_Row]]) -> float:
    """The left margin of the document's text: where the first twentieth of its rows start."""
    lefts = sorted(row.cells[0].left for rows in pages for row in rows)
    return lefts[len(lefts) // 20] if lefts else 0.0


def _row_lines(rows: list[_Row], margin: float) -> list[tuple[int, str]]:
    """Each row's text lines (index of its row), column blocks read column by column."""
    cells = [_hang(row.cells, margin) for row in rows]
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(rows):
        if len(cells[i]) < 2:
            out.append((i, cells[i][0].text))
            i += 1
            continue
        end = i + 1
        while (
            end < len(rows)
            and _aligned(cells[i], cells[end])
            and not _paragraph_break(rows[end - 1], rows[end])
        ):
            end += 1
        if end - i == 1:
            out.extend((i, c.text) for c in cells[i])
        elif not all(_listed(c.text) for r in range(i, end) for c in cells[r]):
            # A table: a row a line, so that a figure stays with what it is for.
            out.extend((r, " ".join(c.text for c in cells[r])) for r in range(i, end))
        else:
            for column in range(len(cells[i])):
                out.extend((r, cells[r][column].text) for r in range(i, end))
        i = end
    return out


def _pitch(rows: list[_Row]) -> float:
    """A line's usual spacing on the page: the lower quartile of baseline steps, bounded by the font size."""
    steps = [a.baseline - b.baseline for a, b in itertools.pairwise(rows) if a.baseline > b.baseline]
    sizes = [r.size for r in rows if r.size > 0]
    size = statistics.median(sizes) if sizes else 10.0
    if not steps:
        return 1.6 * size
    steps.sort()
    return min(max(steps[len(steps) // 4], size), 1.6 * size)


def _paragraph_break(before: _Row, after: _Row, pitch: float | None = None) -> bool:
    step = before.baseline - after.baseline
    if step <= 0:  # the text goes back up the page: another column or box
        return True
    limit = _GAP_FONT * max(before.size, after.size, 1.0)
    if pitch is not None:
        limit = min(limit, _GAP_PITCH * pitch)
    return step > limit


@attrs.define
class _Line:
    text: str
    top: float
    bottom: float
    gap_before: bool


def _page_lines(rows: list[_Row], margin: float) -> list[_Line]:
    pitch = _pitch(rows)
    lines: list[_Line] = []
    last = -1
    for index, text in _row_lines(rows, margin):
        row = rows[index]
        gap = index > last and index > 0 and _paragraph_break(rows[index - 1], row, pitch)
        lines.append(_Line(text, row.top, row.bottom, gap))
        last = index
    return lines


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _edges(lines: list[_Line], height: float) -> tuple[list[int], list[int]]:
    """Indices of the lines in the top and in the bottom band of a page, from the edge inwards.

    By where they stand, not where they come in the page's content: a page
    number drawn first still stands at the foot of the page.
    """
    band = _BAND * height
    top = sorted(
        (i for i, line in enumerate(lines) if line.bottom >= height - band), key=lambda i: -lines[i].top
    )
    bottom = sorted(
        (i for i, line in enumerate(lines) if line.top <= band and i not in top),
        key=lambda i: lines[i].bottom,
    )
    return top[:_EDGE_LINES], bottom[:_EDGE_LINES]


def _split_furniture(pages: list[tuple[list[_Line], float]]) -> list[_PageText]:
    """Each page's header furniture, body (``""`` for a paragraph break) and footer furniture."""
    counts: Counter[tuple[str, str]] = Counter()
    edges = [_edges(lines, height) for lines, height in pages]
    for (lines, _), (top, bottom) in zip(pages, edges):
        counts.update({("top", _shape(lines[i].text)) for i in top})
        counts.update({("bottom", _shape(lines[i].text)) for i in bottom})
    least = max(_REPEATS, len(pages) // _REPEAT_SHARE)
    repeated = {key for key, n in counts.items() if n >= least} if len(pages) > 1 else set()

    def furniture(line: str, edge: str) -> bool:
        return _PAGE_NUMBER.fullmatch(line) is not None or (edge, _shape(line)) in repeated

    def outer(lines: list[_Line], candidates: list[int], edge: str) -> list[int]:
        """The candidates that are furniture, from the edge up to the first that is not."""
        return list(itertools.takewhile(lambda i: furniture(lines[i].text, edge), candidates))

    out: list[_PageText] = []
    for (lines, _), (top, bottom) in zip(pages, edges):
        head = outer(lines, top, "top")
        foot = outer(lines, bottom, "bottom")[::-1]
        edge = set(head) | set(foot)
        body: list[str] = []
        for line in (line for i, line in enumerate(lines) if i not in edge):
            if line.gap_before and body:
                body.append("")
            body.append(line.text)
        out.append(_PageText([lines[i].text for i in head], body, [lines[i].text for i in foot]))
    return out


_ROMAN: Final = [
    "i",
    "ii",
    "iii",
    "iv",
    "v",
    "vi",
    "vii",
    "viii",
    "ix",
    "x",
    "xi",
    "xii",
    "xiii",
    "xiv",
    "xv",
    "xvi",
    "xvii",
    "xviii",
    "xix",
    "xx",
]

#: A point's label: a number, a letter or a roman number, bracketed or followed by ``.`` or ``)``; a bullet.
_POINT_LABEL: Final = re.compile(
    r"(\(?)(\d{1,3}|[a-z]|[ivx]{1,5})([.)])\s|([\u2022\u25cf\u25aa\u2013*-])\s", re.I
)


def _next_label(label: re.Match[str]) -> set[str]:
    """The labels that may follow ``label`` in the same list."""
    if label.group(4):
        return {label.group(4)}
    opening, value, closing = label.group(1), label.group(2), label.group(3)
    following: set[str] = set()
    if value.isdigit():
        following.add(str(int(value) + 1))
    elif value.lower() in _ROMAN[:-1]:
        following.add(_ROMAN[_ROMAN.index(value.lower()) + 1])
    if len(value) == 1 and value.isalpha() and value.lower() != "z":
        following.add(chr(ord(value.lower()) + 1))
    return {f"{opening}{v}{closing}" for v in following} | {
        f"{opening}{v.upper()}{closing}" for v in following
    }


def _continues_list(before: list[str], first: str) -> bool:
    """Whether ``first`` numbers the next point of the list that ``before`` (a page's text) ends in."""
    start = len(before) - before[::-1].index("") if "" in before else 0
    following = _POINT_LABEL.match(first)
    if following is None:
        return False
    for line in reversed(before[start:]):
        label = _POINT_LABEL.match(line)
        if label is not None:
            return following.group(0).strip() in _next_label(label)
    return False


def _rejoin(pages: list[_PageText]) -> None:
    """Move a sentence's end, or a list's next points, back to the page it started on."""
    for before, after in itertools.pairwise(pages):
        if not before.body or not after.body:
            continue
        end = after.body.index("") if "" in after.body else len(after.body)
        moved = after.body[:end]
        if _CONTINUES.search(before.body[-1]) is not None and _CONTINUATION.match(after.body[0]) is not None:
            before.body[-1] = f"{before.body[-1]} {moved[0]}"
            before.body.extend(moved[1:])
        elif _continues_list(before.body, after.body[0]):
            before.body.extend(moved)
        else:
            continue
        del after.body[: end + 1]


def _read_pages(data: bytes, source: str | None) -> list[tuple[list[_Row], float]]:
    """Each page's rows and height, read by PDFium."""
    pdfium = import_extra("pypdfium2", "pdf", "a PDF", source=source)
    raw = import_extra("pypdfium2.raw", "pdf", "a PDF", source=source)
    try:
        document = pdfium.PdfDocument(data)
    except Exception as exc:  # PdfiumError: broken, encrypted or not a PDF at all
        raise NotTextError(
            f"looks like a PDF file, but its text cannot be read ({type(exc).__name__}: {exc})",
            source=source,
            offset=0,
        ) from exc
    pages: list[tuple[list[_Row], float]] = []
    try:
        for number in range(len(document)):
            page = document[number]
            try:
                height = float(page.get_height())
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                    rows = _page_rows(_Reader(raw, textpage, text), text)
                finally:
                    textpage.close()
            finally:
                page.close()
            pages.append((rows, height))
    except NotTextError:
        raise
    except Exception as exc:  # PDFium failed on a page
        raise NotTextError(
            f"looks like a PDF file, but the text of page {len(pages) + 1} cannot be read"
            f" ({type(exc).__name__}: {exc})",
            source=source,
            offset=0,
        ) from exc
    finally:
        document.close()
    return pages


def render_pdf(data: bytes, *, source: str | None = None) -> tuple[str, tuple[Page, ...], tuple[Span, ...]]:
    """The text rendering of a PDF, its pages, and the spans of its furniture lines.

    :raises MissingExtraError: pypdfium2 is not installed.
    :raises NotTextError: PDFium cannot read the file.
    """
    read = _read_pages(data, source)
    margin = _margin([rows for rows, _ in read])
    pages = _split_furniture([(_page_lines(rows, margin), height) for rows, height in read])
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


def _mask(text: str, lines: Sequence[Span], first: str) -> str:
    """``text`` with each furniture line replaced by ``first`` and spaces (every offset kept)."""
    parts: list[str] = []
    at = 0
    for span in lines:
        parts.append(text[at : span.start])
        parts.append(first + " " * (span.end - span.start - len(first)))
        at = span.end
    parts.append(text[at:])
    return "".join(parts)


def _restore(
    blocks: tuple[Block, ...], lines: dict[int, Span], text: str, found: set[int]
) -> tuple[Block, ...]:
    """``blocks`` with each furniture placeholder (read as a page number) made the furniture line again."""
    out: list[Block] = []
    for block in blocks:
        span = lines.get(block.span.start)
        if span is not None and isinstance(block, (Furniture, Paragraph, Heading)):
            out.append(Furniture(span=span, text=text[span.start : span.end]))
            found.add(span.start)
        elif isinstance(block, BudgetProposal):
            out.append(attrs.evolve(block, blocks=_restore(block.blocks, lines, text, found)))
        else:
            out.append(block)
    return tuple(out)


def _with_furniture(doc: Document, text: str, lines: Sequence[Span]) -> Document:
    """``doc`` (parsed with placeholders) with ``source`` the rendering and its furniture lines.

    The parse read each placeholder as a page number, a :class:`Furniture`
    block where the line stands; each gets the furniture line's span and
    text back.  A line the parse did not make a block of (none is known) is
    added where it stands: in the front matter before the first item, in the
    closing from the closing lines on, otherwise in the item it follows.
    """
    by_start = {span.start: span for span in lines}
    found: set[int] = set()
    items = tuple(
        attrs.evolve(
            item,
            agenda=_restore(item.agenda, by_start, text, found),
            sections=tuple(
                attrs.evolve(section, blocks=_restore(section.blocks, by_start, text, found))
                for section in item.sections
            ),
        )
        for item in doc.items
    )
    doc = attrs.evolve(
        doc,
        source=text,
        front_matter=_restore(doc.front_matter, by_start, text, found),
        items=items,
        closing=_restore(doc.closing, by_start, text, found),
    )
    missing = [
        Furniture(span=span, text=text[span.start : span.end]) for span in lines if span.start not in found
    ]
    return place_furniture(doc, missing)


def parse_pdf(data: bytes, *, source: str | None = None, vocabulary: VocabularyDirs = None) -> Document:
    """Parse a PDF of minutes; ``source`` of the result is the rendering.

    ``vocabulary`` is passed to :func:`scrutinykit.parse`: folders of extra phrase files.

    :raises MissingExtraError: pypdfium2 is not installed.
    :raises NotTextError: PDFium cannot read the file.
    :raises NotMinutesError: the PDF holds no text (a scan) or no minutes.
    """
    text, pages, furniture = render_pdf(data, source=source)
    if not text.strip():
        raise NotMinutesError(
            "the PDF has no text layer to read (a scan? its text must be recognised first)", source=source
        )
    if not _mask(text, furniture, "").strip():
        raise NotMinutesError("the PDF's text is only page furniture (page numbers, headers)", source=source)
    try:
        doc = parse(_mask(text, furniture, _PLACEHOLDER), source=source, vocabulary=vocabulary)
    except NotMinutesError as exc:
        if isinstance(exc.document, Document):
            exc.document = _finish(exc.document, text, pages, furniture)
        raise
    return _finish(doc, text, pages, furniture)


def _finish(doc: Document, text: str, pages: tuple[Page, ...], furniture: tuple[Span, ...]) -> Document:
    doc = _with_furniture(doc, text, furniture)
    return attrs.evolve(doc, format=InputFormat.PDF, pages=pages)
