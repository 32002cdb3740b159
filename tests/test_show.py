"""The annotated view without a browser: the page's structure, escaping, the notebook form, the command."""

from __future__ import annotations

import html
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit._cli import main
from scrutinykit.views.show import _Mark, _Point, source_html

from .conftest import FIXTURES, SEEDS, seed_path

HOSTILE = FIXTURES / "show" / "hostile-minutes-fernleigh.txt"
_VOID = {"meta", "br", "img", "input", "link", "hr"}


class _Tree(HTMLParser):
    """Checks that elements nest properly; collects each id's text and the source pane's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text_by_id: dict[str, list[str]] = {}
        self.source: list[str] | None = None
        self.in_source = 0
        self.ids: dict[str, dict[str, str | None]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in _VOID:
            return
        self.stack.append((tag, a))
        if a.get("id") == "source":
            self.source, self.in_source = [], len(self.stack)
        if a.get("id"):
            self.ids[str(a["id"])] = a
            self.text_by_id.setdefault(str(a["id"]), [])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1]}"
        if len(self.stack) == self.in_source:
            self.in_source = 0
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_source and self.source is not None:
            self.source.append(data)
        for _tag, a in self.stack:
            key = a.get("id") or a.get("data-of")
            if key and key in self.text_by_id:
                self.text_by_id[key].append(data)


def _tree(page: str) -> _Tree:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    assert not tree.stack
    return tree


def test_every_seed_view_nests_and_holds_the_whole_source() -> None:
    for path in SEEDS:
        doc = sk.parse_file(path)
        tree = _tree(doc.to_html())
        assert "".join(tree.source or []) == doc.source, path.name


def test_outcomes_and_items_are_elements_around_exactly_their_text() -> None:
    doc = sk.parse_file(seed_path("002"))
    tree = _tree(doc.to_html())
    outcome_ids = [i for i, a in tree.ids.items() if "outcome" in str(a.get("class", "")).split()]
    assert len(outcome_ids) == len(doc.outcomes()) > 0
    for outcome, oid in zip(doc.outcomes(), outcome_ids):
        assert "".join(tree.text_by_id[oid]) == doc.text_of(outcome)
        assert type(outcome).__name__.lower() in str(tree.ids[oid]["class"])
    items = [i for i, a in tree.ids.items() if a.get("class") == "item"]
    assert ["".join(tree.text_by_id[i]) for i in items] == [doc.text_of(i) for i in doc.items]


def test_points_nest_inside_their_outcome() -> None:
    """A point is an element inside its outcome's element, not beside it."""
    doc = sk.parse_file(FIXTURES / "documents" / "written-minutes-harbourside.txt")
    page = doc.to_html()
    outcome = next(o for o in doc.outcomes() if o.points)
    start = page.index('class="outcome ')
    inner = page[start : page.index("</span>", page.index(html.escape(outcome.points[-1].text[:20]), start))]
    assert inner.count('class="point"') >= len(outcome.points)


def test_unclassified_paragraphs_are_marked_and_counted() -> None:
    doc = sk.parse_file(seed_path("002"))
    page = doc.to_html()
    plain = [n for n in doc.walk() if type(n) is sk.Paragraph]
    marked = page.count('class="unclassified" title=')
    assert 0 < marked <= len(plain)
    assert f"{marked} unclassified paragraphs" in page
    assert 'title="Unclassified: the grammar read this as plain prose"' in page


def test_hostile_text_is_escaped_everywhere() -> None:
    doc = sk.parse_file(HOSTILE)
    page = doc.to_html()
    assert page.count("<script") == 1
    for raw in ("<img", "<iframe", "<svg", "<b ", "</pre></main>"):
        assert raw not in page
    assert "&lt;script&gt;document.title=" in page
    assert "were &amp;lt;" in page
    assert "&amp;gt;." in page
    assert "".join(_tree(page).source or []) == doc.source


def test_carriage_returns_and_nul_survive_as_references() -> None:
    """An HTML parser folds CR into LF: the view writes CR as a reference, so the text stays exact."""
    assert "&#13;" in source_html("a\r\nb", [])
    assert source_html("a\x00b", []) == "a&#xFFFD;b"


_TEXT = st.text(alphabet=st.sampled_from(list("ab <&>\"'\n\r")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(
    text=_TEXT,
    spans=st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45), st.integers(0, 8)), max_size=12),
    points=st.lists(st.integers(0, 45), max_size=4),
)
def test_marks_nest_and_keep_the_text(
    text: str, spans: list[tuple[int, int, int]], points: list[int]
) -> None:
    """Any marks, crossing or not: the output nests, the text is the source, a mark's pieces are its span."""
    marks = [_Mark(a, b, rank, "m", "<&\">", f"m{n}") for n, (a, b, rank) in enumerate(spans)]
    out = source_html(text, marks, [_Point(p, '<span class="p"></span>') for p in points])
    tree = _Tree()
    tree.feed(f'<div id="source">{out}</div>')
    tree.close()
    assert not tree.stack
    assert "".join(tree.source or []) == text
    for mark in marks:
        start, end = max(0, mark.start), min(len(text), mark.end)
        if start < end:
            assert "".join(tree.text_by_id[str(mark.id)]) == text[start:end]


def test_notebook_shows_the_view_in_a_sandboxed_frame() -> None:
    doc = sk.parse_file(seed_path("002"))
    view = doc.show()
    assert isinstance(view, sk.DocumentView)
    frame = view._repr_html_()
    assert frame.startswith("<iframe srcdoc=")
    assert 'sandbox="allow-scripts"' in frame
    srcdoc = frame.split('srcdoc="', 1)[1].split('" sandbox=', 1)[0]
    assert html.unescape(srcdoc) == doc.to_html() == sk.show(doc).html
    assert "<b>Document</b>" not in doc._repr_html_()  # the outline stays the short repr
    assert "CHILDREN AND YOUNG PEOPLE" in doc._repr_html_()


def test_show_takes_only_a_document() -> None:
    with pytest.raises(TypeError, match="takes a Document"):
        sk.show("minutes")  # type: ignore[arg-type]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_show_file_writes_the_page_to_stdout_or_a_file(tmp_path: Path) -> None:
    doc = sk.parse_file(seed_path("003"))
    status, out, err = run("show", str(seed_path("003")))
    assert (status, err) == (0, "")
    assert out.startswith("<!DOCTYPE html>")
    assert "".join(_tree(out).source or []) == doc.source
    page = tmp_path / "page.html"
    written = run("show", str(seed_path("003")), "-o", str(page))
    assert written == (0, "", "")
    assert page.read_text(encoding="utf-8") == out


def test_show_of_a_file_that_fails_is_one_message(tmp_path: Path) -> None:
    bad = tmp_path / "blob.bin"
    bad.write_bytes(b"\x00\x01\x02\xff")
    status, out, err = run("show", str(bad))
    assert status == 1
    assert out == ""
    assert err.startswith(f"scrutinykit: {bad}")
    assert "Traceback" not in err


def test_show_site_has_a_row_per_file(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    (archive / "2025").mkdir(parents=True)
    for p in SEEDS[:2]:
        (archive / "2025" / p.name).write_bytes(p.read_bytes())
    (archive / "agenda.txt").write_bytes((FIXTURES / "snippets" / "agenda-only-quarrybank.txt").read_bytes())
    (archive / "blob.bin").write_bytes(b"\x00\x01\x02\xff")
    site = tmp_path / "site"
    status, out, err = run("show", "-r", str(archive), "-o", str(site))
    assert status == 1
    assert out == ""
    assert "blob.bin" in err
    assert "Traceback" not in err
    index = (site / "index.html").read_text(encoding="utf-8")
    _tree(index)
    assert index.count("<tr class=") == 4
    for p in SEEDS[:2]:
        assert f'<a href="2025/{p.name}.html">2025/{p.name}</a>' in index
        assert (site / "2025" / f"{p.name}.html").is_file()
    assert '<tr class="not-minutes"><td>agenda.txt</td>' in index
    assert '<tr class="unreadable"><td>blob.bin</td>' in index
    assert "NUL bytes" in index
    assert not (site / "agenda.txt.html").exists()
    row = index.split(f"2025/{SEEDS[0].name}</a>", 1)[1].split("</tr>", 1)[0]
    doc = sk.parse_file(SEEDS[0])
    assert f"<td>{len(doc.items)}</td><td>{len(doc.outcomes())}</td>" in row
    assert f"<td>{len(sk.check(doc))}" in row


def test_show_several_files_needs_a_folder(tmp_path: Path) -> None:
    status, _out, err = run("show", str(SEEDS[0]), str(SEEDS[1]))
    assert status == 2
    assert "-o FOLDER" in err
    page = tmp_path / "page.html"
    page.write_text("x")
    status, _out, err = run("show", "-r", str(FIXTURES / "documents"), "-o", str(page))
    assert status == 2
    assert "needs a folder" in err


def test_show_of_a_folder_needs_recursive() -> None:
    status, out, err = run("show", str(FIXTURES / "documents"))
    assert status == 1
    assert out == ""
    assert "use -r" in err
