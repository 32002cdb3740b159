"""HTML pages (ModernGov agenda-item, meeting and decision pages) to text, then parsed.

:func:`render_html` turns a page into a stable plain-text *rendering* that
keeps the page's structure in the form the line grammar reads:

* the content is the ModernGov part of the page (the element with
  ``id="modgov"``), else ``<main>`` (or ``role="main"``), else ``<body>``;
  scripts, styles, forms' controls and hidden elements are left out;
* headings, paragraphs, divisions, lists and tables are blocks separated by a
  blank line, so an item title, a ``Minutes:`` or ``Decision:`` label and
  each paragraph stand on lines of their own; ``<br>`` breaks a line;
* a list item starts ``- `` in a bulleted list and with its number (``1.``,
  ``(a)``, ``(i)``) in a numbered one, one item a line;
* a table row whose cells hold only inline content is one line, its cells
  joined by `` | `` — except that a leading cell holding only an item number
  (``5.``) stands on a line of its own, as a number line above its title; a
  row whose cells hold blocks (a ModernGov items table) gives each cell's
  blocks in turn;
* runs of whitespace inside a block (no-break spaces included) fold to one
  space.

The same bytes always give the same rendering.  :func:`parse_html` parses the
rendering: the document's ``source`` *is* the rendering, so every span
points into it, and the page's links (``<a href>``) become
:class:`~scrutinykit._model.Link` annotations with their text's span and URL.

lxml is an optional dependency: ``pip install 'scrutinykit[html]'``.
"""

from __future__ import annotations

import codecs
import re
from typing import Any, Final
from urllib.parse import urljoin

import attrs

from .._api import VocabularyDirs, parse
from .._errors import NotMinutesError, NotTextError
from .._extras import import_extra
from .._model import Document, InputFormat, Link, Span

__all__ = ["parse_html", "render_html"]

#: Elements whose content is never shown.
_SKIP: Final = frozenset(
    {
        "head", "title", "script", "style", "noscript", "template", "meta", "link", "iframe",
        "object", "embed", "svg", "canvas", "input", "select", "option", "button", "textarea",
    }
)  # fmt: skip

#: Elements that start and end a block (a blank line before and after).
_BLOCKS: Final = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
        "nav", "aside", "main", "blockquote", "pre", "address", "figure", "figcaption", "dl",
        "ul", "ol", "table", "caption", "form", "fieldset", "legend", "details", "summary", "hr",
        "center", "body", "html",
    }
)  # fmt: skip

#: Elements that start and end a line (a line break before and after).
_LINES: Final = frozenset({"li", "dt", "dd", "tr", "thead", "tbody", "tfoot"})

_CELLS: Final = frozenset({"td", "th"})

#: A cell holding only an item number.
_ITEM_NUMBER: Final = re.compile(r"\d{1,4}[a-z]?\.?")

_WHITESPACE: Final = re.compile(r"\s+")

_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_XML_DECLARATION: Final = re.compile(r"\A\s*<\?xml[^>]*\?>")

_NONE, _LINE, _BLANK = 0, 1, 2


class _Writer:
    """Builds the rendering: folded words, line breaks, blank lines, link spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = _NONE
        self.space = False
        self.at_line_start = True
        self.open_links: list[list[Any]] = []
        self.links: list[tuple[int, int, str]] = []

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def brk(self, level: int) -> None:
        """Ask for a line break (``_LINE``) or a blank line (``_BLANK``) before more text."""
        if self.length:
            self.pending = max(self.pending, level)
        self.space = False

    def words(self, text: str) -> None:
        """Write ``text`` with its whitespace folded."""
        for n, word in enumerate(_WHITESPACE.split(text)):
            if n > 0:
                self.space = True
            if word:
                self._word(word)

    def _word(self, word: str) -> None:
        if self.pending:
            self.write("\n" * self.pending)
            self.pending = _NONE
            self.space = False
            self.at_line_start = True
        elif self.space and not self.at_line_start:
            self.write(" ")
        self.space = False
        self.at_line_start = False
        for link in self.open_links:
            if link[0] is None:
                link[0] = self.length
        self.write(word)

    def text(self) -> str:
        return "".join(self.parts) + "\n" if self.parts else ""


class _Renderer:
    def __init__(self, base: str | None) -> None:
        self.out = _Writer()
        self.base = base

    def node(self, el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # a comment or processing instruction: only its tail counts
            return
        tag = tag.lower()
        if tag in _SKIP or el.get("hidden") is not None or _hidden_style(el.get("style")):
            return
        if tag == "br":
            self.out.brk(_LINE)
            return
        if tag in _BLOCKS:
            self.out.brk(_BLANK)
            if tag == "pre":
                self.pre(el)
            elif tag in {"ul", "ol"}:
                self.list(el, tag)
            elif tag == "hr":
                pass
            else:
                self.children(el)
            self.out.brk(_BLANK)
            return
        if tag == "tr":
            self.row(el)
            return
        if tag in _LINES:
            self.out.brk(_LINE)
            self.children(el)
            self.out.brk(_LINE)
            return
        if tag == "a" and el.get("href"):
            self.anchor(el)
            return
        self.children(el)

    def children(self, el: Any) -> None:
        if el.text:
            self.out.words(el.text)
        for child in el:
            self.node(child)
            if child.tail:
                self.out.words(child.tail)

    def pre(self, el: Any) -> None:
        for n, line in enumerate(el.text_content().split("\n")):
            if n:
                self.out.brk(_LINE)
            self.out.words(line)

    def list(self, el: Any, tag: str) -> None:
        kind = (el.get("type") or "1") if tag == "ol" else "-"
        number = _int(el.get("start"), 1)
        if el.text:
            self.out.words(el.text)
        for child in el:
            if isinstance(child.tag, str) and child.tag.lower() == "li":
                number = _int(child.get("value"), number)
                self.out.brk(_LINE)
                self.out.words(_label(kind, number))
                self.out.space = True
                self.children(child)
                self.out.brk(_LINE)
                number += 1
            else:
                self.node(child)
            if child.tail:
                self.out.words(child.tail)

    def row(self, el: Any) -> None:
        cells = [c for c in el if isinstance(c.tag, str) and c.tag.lower() in _CELLS]
        if any(_has_blocks(c) for c in cells):
            self.out.brk(_BLANK)
            for cell in cells:
                self.out.brk(_BLANK)
                self.children(cell)
                self.out.brk(_BLANK)
            return
        self.out.brk(_LINE)
        first = True
        for n, cell in enumerate(cells):
            if not " ".join(cell.text_content().split()):
                continue
            if n == 0 and len(cells) > 1 and _ITEM_NUMBER.fullmatch(cell.text_content().strip()):
                self.children(cell)
                self.out.brk(_BLANK)
                continue
            if not first:
                self.out.words(" | ")
            first = False
            self.children(cell)
        self.out.brk(_LINE)

    def anchor(self, el: Any) -> None:
        href = el.get("href", "").strip()
        if not href or href.startswith("#") or href.lower().startswith(("javascript:", "mailto:")):
            self.children(el)
            return
        record: list[Any] = [None, urljoin(self.base, href) if self.base else href]
        self.out.open_links.append(record)
        self.children(el)
        self.out.open_links.remove(record)
        start = record[0]
        if start is None:
            return
        self.out.links.append((start, self.out.length, record[1]))


def _hidden_style(style: str | None) -> bool:
    return (
        style is not None
        and re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style, re.I) is not None
    )


def _has_blocks(el: Any) -> bool:
    for child in el.iter():
        if child is not el and isinstance(child.tag, str) and child.tag.lower() in (_BLOCKS | {"br", "li"}):
            return True
    return False


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _label(kind: str, number: int) -> str:
    if kind == "-":
        return "-"
    if kind in {"a", "A"} and 1 <= number <= 26:
        letter = chr(ord(kind) + number - 1)
        return f"({letter})"
    if kind in {"i", "I"} and 1 <= number <= 39:
        roman = _roman(number)
        return f"({roman if kind == 'I' else roman.lower()})"
    return f"{number}."


def _roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def decode_html(data: bytes) -> tuple[str, str]:
    """The text of an HTML file and its encoding: BOM, then ``<meta charset>``, then UTF-8, Windows-1252."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    declared = _CHARSET.search(data[:4096])
    if declared is not None:
        name = declared.group(1).decode("ascii").lower()
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def render_html(data: bytes | str, *, source: str | None = None) -> tuple[str, tuple[Link, ...], str | None]:
    """The text rendering of an HTML page, its links, and the encoding it was decoded from.

    :raises MissingExtraError: lxml is not installed.
    :raises NotTextError: the bytes are not an HTML document lxml can read.
    """
    lxml_html = import_extra("lxml.html", "html", "an HTML page", source=source)
    if isinstance(data, bytes):
        text, encoding = decode_html(data)
    else:
        text, encoding = data, None
    text = _XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return "", (), encoding
    try:
        root = lxml_html.document_fromstring(text)
    except Exception as exc:  # lxml's ParserError and ValueError for a page it cannot read
        raise NotTextError(f"cannot read the HTML page: {exc}", source=source) from exc
    base_el = root.find(".//base[@href]")
    base = base_el.get("href") if base_el is not None else None
    content = _content(root)
    renderer = _Renderer(base)
    renderer.node(content)
    rendering = renderer.out.text()
    links = tuple(
        Link(span=Span(start=start, end=end), text=" ".join(rendering[start:end].split()), url=url)
        for start, end, url in renderer.out.links
    )
    return rendering, links, encoding


def _content(root: Any) -> Any:
    for path in ('.//*[@id="modgov"]', ".//main", './/*[@role="main"]', ".//body"):
        found = root.find(path)
        if found is not None:
            return found
    return root


def parse_html(
    data: bytes | str, *, source: str | None = None, vocabulary: VocabularyDirs = None
) -> Document:
    """Parse an HTML page of minutes; ``source`` of the result is the rendering.

    :raises MissingExtraError: lxml is not installed.
    :raises NotMinutesError: the page holds no minutes; its ``document`` (when
        set) is the HTML document read, links included.
    """
    text, links, encoding = render_html(data, source=source)
    try:
        doc = parse(text, source=source, encoding=encoding, vocabulary=vocabulary)
    except NotMinutesError as exc:
        if isinstance(exc.document, Document):
            exc.document = attrs.evolve(exc.document, format=InputFormat.HTML, links=links)
        raise
    return attrs.evolve(doc, format=InputFormat.HTML, links=links)
