"""The annotated view: a document's source with every span highlighted, beside the facts read from it.

:func:`show` (and ``Document.show()`` / ``Document.to_html()``) writes one
self-contained HTML page per document: no external assets, so it works
offline and can be attached to an email.  The source pane is built from the
span tree: every node and annotation with a span becomes a ``<span>``
element around exactly its characters, nested as the spans nest; a span that
crosses another's end (an annotation read across two nodes) is split at that
end, and its later pieces point back to the first with ``data-of``.  Page
breaks of a PDF and the places ``check`` warns about are empty elements, so
the text content of the source pane is the document's source, character for
character.  Everything taken from the document is escaped.

:func:`write_site` (``scrutinykit show -r DIR -o SITE/``) writes a view per
file and an index page with a row per file.
"""

from __future__ import annotations

import heapq
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from html import escape
from pathlib import Path
from typing import NamedTuple, TextIO

from .._errors import NotMinutesError, ScrutinyKitError
from .._model import (
    TEXTUAL_NODES,
    AgendaItem,
    AttendanceBlock,
    AttendanceKind,
    BudgetProposal,
    Commitment,
    Document,
    Due,
    Figure,
    FigureKind,
    Furniture,
    Heading,
    ItemSection,
    Marker,
    MeetingEnd,
    Note,
    Outcome,
    Paragraph,
    Person,
    Point,
    PointList,
    ScrutinyQuestions,
    Span,
    is_outcome,
)

__all__ = ["DocumentView", "SiteRow", "show", "write_site"]


# ---------------------------------------------------------------------------
# Marks: the spans to highlight
# ---------------------------------------------------------------------------


class _Mark(NamedTuple):
    start: int
    end: int
    rank: int
    """Which of two marks with the same span is outside: the lower rank."""
    css: str
    label: str
    id: str | None


_ROLE_LABELS: dict[AttendanceKind, str] = {
    AttendanceKind.PRESENT: "Present",
    AttendanceKind.CO_OPTEE: "Co-optee",
    AttendanceKind.ALSO_ATTENDING: "Also in attendance",
    AttendanceKind.OFFICER: "Officer",
    AttendanceKind.APOLOGIES: "Apologies",
    AttendanceKind.ABSENT: "Absent",
    AttendanceKind.SUBSTITUTE: "Substitute",
}

_FIGURE_LABELS = {FigureKind.MONEY: "Money", FigureKind.PERCENTAGE: "Percentage", FigureKind.COUNT: "Count"}


def _outcome_label(outcome: Outcome) -> str:
    label = type(outcome).__name__
    if outcome.made_by:
        label += f" made by the {outcome.made_by}"
    if outcome.addressee:
        label += f", addressed to {outcome.addressee}"
    if outcome.implicit:
        label += " (its label was lost: recognised by its form)"
    if outcome.duplicate:
        label += " (repeats an outcome recorded earlier in the item)"
    return label


def _person_label(person: Person) -> str:
    extra = ", ".join(x for x in (person.role, person.description) if x)
    who = (f"{person.honorific} " if person.honorific else "") + person.name
    return f"{_ROLE_LABELS[person.kind]}: {who}" + (f" ({extra})" if extra else "")


def _due_label(due: Due) -> str:
    label = f"Due: {due.relation + ' ' if due.relation else ''}{due.text} ({due.kind.value})"
    return label + (f", read as {due.date.isoformat()}" if due.date else "")


def _commitment_label(c: Commitment) -> str:
    label = f"{c.kind.value.capitalize()}: {' '.join(c.text.split())}"
    if c.owner is not None:
        label += f"; owner: {_owner(c)}"
    if c.due is not None:
        label += f"; due: {c.due.text}" + (f" ({c.due.date.isoformat()})" if c.due.date else "")
    return label


def _owner(c: Commitment) -> str:
    if c.owner is None:
        return ""
    owner = c.owner.title or c.owner.text
    if c.owner.name and c.owner.name not in owner:
        owner = f"{owner} ({c.owner.name})"
    return owner


def _figure_label(f: Figure) -> str:
    label = f"{_FIGURE_LABELS[f.kind]}: {f.text.strip()} = {f.value}"
    return label + (f" ({f.unit})" if f.unit else "")


class _Ids:
    """Element ids for the nodes the facts link to, given in text order of discovery."""

    def __init__(self) -> None:
        self._by_node: dict[int, str] = {}
        self._keep: list[object] = []  # the nodes, alive while their ids are

    def __call__(self, node: object) -> str:
        key = id(node)
        found = self._by_node.get(key)
        if found is None:
            found = self._by_node[key] = f"n{len(self._by_node) + 1}"
            self._keep.append(node)
        return found

    def get(self, node: object) -> str | None:
        return self._by_node.get(id(node))


def _classified_paragraphs(doc: Document) -> set[int]:
    """The ids of the paragraphs that have a role: outcome intros and bodies, attendance lines."""
    found: set[int] = set()
    for node in doc.walk():
        if is_outcome(node):
            found.add(id(node.intro))
            found.update(id(p) for p in node.body)
        elif isinstance(node, ScrutinyQuestions):
            found.add(id(node.intro))
        elif isinstance(node, AttendanceBlock):
            found.update(id(line) for line in node.lines)
        elif isinstance(node, BudgetProposal):
            found.add(id(node.heading))
    return found


def _node_mark(node: object, ids: _Ids, classified: set[int]) -> _Mark | None:
    """The mark of a node of the tree (``None`` for nodes that are not highlighted)."""
    span = getattr(node, "span", None)
    if not isinstance(span, Span):
        return None
    s, e = span.start, span.end
    if isinstance(node, AgendaItem):
        number = node.minute_number or node.agenda_number
        label = f"Agenda item{' ' + number if number else ''}: {node.title} ({node.kind.value})"
        return _Mark(s, e, 0, "item", label, ids(node))
    if isinstance(node, ItemSection):
        return _Mark(s, e, 1, "section", f"Section: {node.kind.value.replace('_', ' ')}", None)
    if isinstance(node, BudgetProposal):
        return _Mark(s, e, 2, "budget", f"Budget proposal {node.reference}: {node.title}", ids(node))
    if is_outcome(node):
        kind = type(node).__name__.lower()
        return _Mark(s, e, 3, f"outcome {kind}", _outcome_label(node), ids(node))
    if isinstance(node, ScrutinyQuestions):
        return _Mark(s, e, 3, "questions", "Questions put to the committee", None)
    if isinstance(node, AttendanceBlock):
        role = _ROLE_LABELS[node.kind]
        return _Mark(s, e, 3, f"attendance att-{node.kind.value}", f"Attendance list: {role}", None)
    if isinstance(node, PointList):
        return _Mark(s, e, 3, "pointlist", "A list of points outside any outcome", None)
    if isinstance(node, Point):
        return _Mark(s, e, 4, "point", f"Point {node.label}", ids(node))
    if type(node) is Paragraph:
        if id(node) in classified:
            return _Mark(s, e, 6, "prose", "Part of the enclosing block", None)
        label = "Unclassified: the grammar read this as plain prose"
        return _Mark(s, e, 6, "unclassified", label, ids(node))
    if isinstance(node, Heading):
        return _Mark(s, e, 6, "heading", "Heading", None)
    if isinstance(node, Marker):
        return _Mark(s, e, 6, "marker", f"Page structure: {node.kind.value.replace('_', ' ')}", None)
    if isinstance(node, Note):
        return _Mark(s, e, 6, "note", f"Note on the item: {node.text}", None)
    if isinstance(node, Furniture):
        return _Mark(s, e, 6, "furniture", "Page furniture (a running header, footer or page number)", None)
    if isinstance(node, MeetingEnd):
        when = f" at {node.time.strftime('%H:%M')}" if node.time else ""
        return _Mark(s, e, 6, "meeting-end", f"The meeting ended{when}", None)
    if isinstance(node, TEXTUAL_NODES):
        return _Mark(s, e, 6, "text", type(node).__name__, None)
    return None


def _marks(doc: Document, ids: _Ids) -> list[_Mark]:
    """Every span to highlight: the nodes, then the annotations read from them."""
    classified = _classified_paragraphs(doc)
    marks: list[_Mark] = []
    for node in doc.walk():
        mark = _node_mark(node, ids, classified)
        if mark is not None:
            marks.append(mark)
        if isinstance(node, AgendaItem):
            for line in node.heading:
                marks.append(_Mark(line.span.start, line.span.end, 5, "item-heading", "Item heading", None))
    m = doc.meeting
    if m.span is not None:
        facts = [m.committee, m.date.isoformat() if m.date else None, m.venue]
        label = "Meeting: " + ", ".join(f for f in facts if f) if any(facts) else "Meeting header"
        marks.append(_Mark(m.span.start, m.span.end, 3, "meeting", label, ids(m)))
    a = doc.attendance
    for person in (*a.everyone(), *(a.apologies or ())):
        marks.append(
            _Mark(
                person.span.start,
                person.span.end,
                7,
                f"person att-{person.kind.value}",
                _person_label(person),
                ids(person),
            )
        )
    for item in doc.items:
        for officer in item.officers:
            span, label = officer.span, _person_label(officer)
            marks.append(_Mark(span.start, span.end, 7, "person att-officer", label, None))
    # Commitments, references and votes before the first item, in the items and after the close.
    for c in doc.commitments():
        css = f"commitment c-{c.kind.value}"
        marks.append(_Mark(c.span.start, c.span.end, 5, css, _commitment_label(c), ids(c)))
        if c.due is not None:
            marks.append(_Mark(c.due.span.start, c.due.span.end, 8, "due", _due_label(c.due), None))
    for ref in doc.references():
        dated = f", dated {ref.date.isoformat()}" if ref.date else ""
        label = f"Reference to a {ref.kind.value}{dated}"
        marks.append(_Mark(ref.span.start, ref.span.end, 7, "reference", label, None))
    for vote in doc.votes():
        marks.append(_Mark(vote.span.start, vote.span.end, 5, "vote", _vote_label(vote), None))
    for outcome in doc.outcomes():
        if outcome.due is not None:
            due = outcome.due
            marks.append(_Mark(due.span.start, due.span.end, 8, "due", _due_label(due), None))
    for figure in doc.figures:
        marks.append(
            _Mark(
                figure.span.start,
                figure.span.end,
                8,
                f"figure fig-{figure.kind.value}",
                _figure_label(figure),
                ids(figure),
            )
        )
    for link in doc.links:
        marks.append(_Mark(link.span.start, link.span.end, 7, "link", f"Link to {link.url}", None))
    return marks


def _vote_label(vote: object) -> str:
    parts = ["Vote"]
    for name, text in (("proposer", "proposed by"), ("seconder", "seconded by")):
        value = getattr(vote, name)
        if value:
            parts.append(f"{text} {value}")
    counts = [getattr(vote, n) for n in ("votes_for", "votes_against", "abstentions")]
    if any(c is not None for c in counts):
        parts.append("for/against/abstaining: " + "/".join("?" if c is None else str(c) for c in counts))
    result = getattr(vote, "result", None)
    if result is not None:
        parts.append(result.value)
    return ", ".join(parts)


# ---------------------------------------------------------------------------
# The highlighted source
# ---------------------------------------------------------------------------

#: Characters that the HTML parser would drop or change in text: carriage
#: returns (folded into line feeds), NUL, and lone surrogates (not UTF-8).
_AWKWARD = re.compile("[\r\x00\ud800-\udfff]")


def _awkward(match: re.Match[str]) -> str:
    ch = match.group()
    return "&#13;" if ch == "\r" else "&#xFFFD;"


def _esc_text(text: str) -> str:
    """Text for element content: escaped, with carriage returns kept."""
    text = escape(text, quote=False)
    return _AWKWARD.sub(_awkward, text) if _AWKWARD.search(text) else text


def _esc_attr(text: str) -> str:
    text = escape(text, quote=True)
    return _AWKWARD.sub(_awkward, text) if _AWKWARD.search(text) else text


class _Point(NamedTuple):
    """An empty element at an offset: a page break or a warning's place."""

    offset: int
    html: str


def source_html(source: str, marks: Iterable[_Mark], points: Sequence[_Point] = ()) -> str:
    """The source as HTML: every mark a ``<span>`` around its characters, properly nested.

    Marks are opened in order of start (longer first, then by rank); a mark
    that would end after an enclosing one is cut at that end and carries on
    as a piece with ``data-of`` pointing at its first piece.
    """
    size = len(source)
    heap: list[tuple[int, int, int, int, _Mark, bool]] = []
    for seq, mark in enumerate(marks):
        start, end = max(0, mark.start), min(size, mark.end)
        if start < end:
            heap.append((start, -end, mark.rank, seq, mark, False))
    heapq.heapify(heap)
    pending = sorted(points, key=lambda p: p.offset)
    out: list[str] = []
    pos = 0
    next_point = 0
    stack: list[int] = []

    def text_to(end: int, *, inclusive: bool) -> None:
        nonlocal pos, next_point
        while next_point < len(pending):
            point = pending[next_point]
            if point.offset > end or (point.offset == end and not inclusive):
                break
            at = max(pos, min(point.offset, end))
            out.append(_esc_text(source[pos:at]))
            out.append(point.html)
            pos = at
            next_point += 1
        out.append(_esc_text(source[pos:end]))
        pos = end

    while heap:
        start, neg_end, rank, seq, mark, piece = heapq.heappop(heap)
        end = -neg_end
        while stack and stack[-1] <= start:
            text_to(stack.pop(), inclusive=False)
            out.append("</span>")
        if stack and end > stack[-1]:
            heapq.heappush(heap, (stack[-1], neg_end, rank, seq, mark, True))
            end = stack[-1]
        text_to(start, inclusive=True)
        attrs = f' class="{mark.css}{" piece" if piece else ""}" title="{_esc_attr(mark.label)}"'
        if mark.id is not None:
            attrs = (f' data-of="{mark.id}"' if piece else f' id="{mark.id}"') + attrs
        out.append(f"<span{attrs}>")
        stack.append(end)
    while stack:
        text_to(stack.pop(), inclusive=False)
        out.append("</span>")
    text_to(size, inclusive=True)
    return "".join(out)


# ---------------------------------------------------------------------------
# The facts
# ---------------------------------------------------------------------------


def _link(ids: _Ids, node: object, text: str, css: str = "") -> str:
    """A fact linked to its span (plain text when the node has no highlighted span)."""
    target = ids.get(node)
    if target is None:
        return escape(text)
    cls = f"fact {css}".strip()
    return f'<a class="{cls}" href="#{target}">{escape(text)}</a>'


def _short(text: str, width: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _meeting_facts(doc: Document, ids: _Ids) -> str:
    m = doc.meeting
    rows = []
    for label, value in (
        ("Committee", m.committee),
        ("Date", f"{m.date.strftime('%A')} {m.date.day} {m.date.strftime('%B %Y')}" if m.date else None),
        ("Began", m.start_time.strftime("%H:%M") if m.start_time else None),
        ("Ended", m.end_time.strftime("%H:%M") if m.end_time else None),
        ("Venue", m.venue),
    ):
        if value is not None:
            rows.append(f"<dt>{label}</dt><dd>{_link(ids, m, str(value))}</dd>")
    body = "".join(rows) or "<dt>Meeting</dt><dd>the text does not say</dd>"
    return f'<section aria-labelledby="h-meeting"><h2 id="h-meeting">Meeting</h2><dl>{body}</dl></section>'


def _attendance_facts(doc: Document, ids: _Ids) -> str:
    a = doc.attendance
    lists: list[tuple[str, AttendanceKind, tuple[Person, ...] | None]] = [
        ("Present", AttendanceKind.PRESENT, a.present),
        ("Co-optees", AttendanceKind.CO_OPTEE, a.co_optees),
        ("Substitutes", AttendanceKind.SUBSTITUTE, a.substitutes),
        ("Also in attendance", AttendanceKind.ALSO_ATTENDING, a.also_attending),
        ("Officers", AttendanceKind.OFFICER, a.officers),
        ("Apologies", AttendanceKind.APOLOGIES, a.apologies),
    ]
    parts = []
    for label, kind, people in lists:
        if people is None or (not people and kind is not AttendanceKind.APOLOGIES):
            continue
        entries = []
        for p in people:
            extra = ", ".join(x for x in (p.role, p.description) if x)
            who = (f"{p.honorific} " if p.honorific else "") + p.name
            entries.append(
                f"<li>{_link(ids, p, who, f'att-{p.kind.value}')}"
                + (f' <span class="aside">{escape(extra)}</span>' if extra else "")
                + "</li>"
            )
        body = "".join(entries) or "<li>none</li>"
        parts.append(f'<h3 class="att-{kind.value}">{label} ({len(people)})</h3><ul>{body}</ul>')
    inner = "".join(parts) or "<p>No attendance lists were read.</p>"
    return f'<section aria-labelledby="h-att"><h2 id="h-att">Attendance</h2>{inner}</section>'


def _points_facts(points: tuple[Point, ...], ids: _Ids) -> str:
    if not points:
        return ""
    rows = "".join(
        f"<li>{_link(ids, p, f'{p.label} {_short(p.text, 90)}', 'point')}{_points_facts(p.points, ids)}</li>"
        for p in points
    )
    return f'<ul class="points">{rows}</ul>'


def _item_facts(doc: Document, ids: _Ids) -> str:
    if not doc.items:
        return (
            '<section aria-labelledby="h-items"><h2 id="h-items">Items</h2>'
            "<p>No agenda items.</p></section>"
        )
    rows = []
    for item in doc.items:
        number = item.minute_number or item.agenda_number
        head = f"{number} {item.title}" if number else item.title
        outcomes = []
        for o in item.outcomes():
            kind = type(o).__name__
            name = kind + (" (repeated)" if o.duplicate else "")
            words = f' <span class="aside">{escape(_short(o.text))}</span>' if o.text else ""
            outcomes.append(
                f'<li>{_link(ids, o, name, f"outcome {kind.lower()}")}{words}'
                f"{_points_facts(o.points, ids)}</li>"
            )
        outcome_list = f'<ul class="outcomes">{"".join(outcomes)}</ul>' if outcomes else ""
        rows.append(
            f"<li>{_link(ids, item, head, 'item')} "
            f'<span class="aside">[{escape(item.kind.value.replace("_", " "))}]</span>{outcome_list}</li>'
        )
    return (
        '<section aria-labelledby="h-items"><h2 id="h-items">Items and outcomes</h2>'
        f'<ol class="items">{"".join(rows)}</ol></section>'
    )


def _action_facts(doc: Document, ids: _Ids) -> str:
    commitments = doc.commitments()
    if not commitments:
        return ""
    rows = []
    for c in commitments:
        due = ""
        if c.due is not None:
            due = escape(c.due.text) + (f" <b>{c.due.date.isoformat()}</b>" if c.due.date else "")
        rows.append(
            f"<tr><td>{escape(c.kind.value)}</td><td>{_link(ids, c, _short(c.text, 120), 'commitment')}</td>"
            f"<td>{escape(_owner(c))}</td><td>{due}</td></tr>"
        )
    return (
        '<section aria-labelledby="h-actions"><h2 id="h-actions">Actions and requests</h2>'
        '<table><thead><tr><th scope="col">Kind</th><th scope="col">What</th><th scope="col">Owner</th>'
        f'<th scope="col">Due</th></tr></thead><tbody>{"".join(rows)}</tbody></table></section>'
    )


def _figure_facts(doc: Document, ids: _Ids) -> str:
    if not doc.figures:
        return ""
    rows = "".join(
        f"<li>{_link(ids, f, f.text.strip(), 'figure')}"
        f' <span class="aside">{escape(f.kind.value)}{", " + escape(f.unit) if f.unit else ""}</span></li>'
        for f in doc.figures
    )
    return f'<section aria-labelledby="h-figures"><h2 id="h-figures">Figures</h2><ul>{rows}</ul></section>'


def _warning_facts(doc: Document, warnings: Sequence[tuple[int, str, str]]) -> str:
    if not warnings:
        return ""
    rows = []
    for n, (offset, kind, message) in enumerate(warnings, 1):
        line, col = doc.line_col(offset)
        rows.append(
            f'<li><a class="fact warning" href="#w{n}">line {line}:{col}</a> '
            f'<span class="aside">{escape(kind)}</span> {escape(message)}</li>'
        )
    return (
        '<section aria-labelledby="h-warn"><h2 id="h-warn">Warnings from check</h2>'
        f'<ul class="warnings">{"".join(rows)}</ul></section>'
    )


_LEGEND = (
    ("item-heading", "item heading"),
    ("outcome resolution", "resolution"),
    ("outcome recommendation", "recommendation"),
    ("outcome conclusion", "conclusion"),
    ("outcome agreement", "agreement"),
    ("outcome decision", "decision"),
    ("point", "point"),
    ("person att-present", "present"),
    ("person att-co_optee", "co-optee"),
    ("person att-also_attending", "also attending"),
    ("person att-officer", "officer"),
    ("person att-apologies", "apologies"),
    ("commitment", "action or request"),
    ("due", "due date"),
    ("figure", "figure"),
    ("reference", "dated reference"),
    ("unclassified", "unclassified text"),
    ("furniture", "page furniture"),
)


def _legend() -> str:
    keys = "".join(f'<li><span class="{css}">{escape(text)}</span></li>' for css, text in _LEGEND)
    return f'<section aria-labelledby="h-key"><h2 id="h-key">Key</h2><ul class="legend">{keys}</ul></section>'


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------

_CSS = """
:root { --ink: #1b1b1b; --muted: #5e5e5e; --focus: #1a5fb4; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       display: grid; grid-template-columns: minmax(18rem, 38%) 1fr; grid-template-rows: auto 1fr; }
header { grid-column: 1 / -1; padding: .5rem 1rem; border-bottom: 1px solid #ccc; background: #f6f6f4; }
header h1 { font-size: 1.2rem; margin: 0; }
header p { margin: .15rem 0 0; color: var(--muted); }
#facts { overflow: auto; padding: .5rem 1rem 2rem; border-right: 1px solid #ccc; }
#facts h2 { font-size: 1.05rem; margin: 1rem 0 .3rem; border-bottom: 1px solid #ddd; }
#facts h3 { font-size: .95rem; margin: .6rem 0 .2rem; }
#facts ul, #facts ol { margin: .2rem 0; padding-left: 1.3rem; }
#facts ul.points { list-style: none; padding-left: 1rem; }
#facts dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: 0; }
#facts dt { color: var(--muted); }
#facts dd { margin: 0; }
#facts table { border-collapse: collapse; width: 100%; font-size: .9rem; }
#facts th, #facts td { text-align: left; vertical-align: top; border-bottom: 1px solid #e4e4e4;
                       padding: .2rem; }
.aside { color: var(--muted); font-size: .9em; }
a.fact { color: #0b4f9c; text-decoration: underline; text-underline-offset: 2px; }
a.fact:hover { background: #e8f0fb; }
a:focus-visible, [tabindex]:focus-visible, #source:focus-visible { outline: 3px solid var(--focus);
                                                                    outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; background: #fff; padding: .3rem; z-index: 2; }
main { overflow: auto; padding: .5rem 1rem 40vh; }
main h2 { font-size: 1.05rem; margin: .5rem 0; }
#source { white-space: pre-wrap; overflow-wrap: anywhere;
          font: 14px/1.6 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
#source span { box-decoration-break: clone; -webkit-box-decoration-break: clone; }
.item-heading { font-weight: bold; color: #0b3d78; background: #dce8fa; }
.outcome { border-radius: 2px; }
.resolution { background: #d7f2d0; }
.recommendation { background: #fff0bf; }
.conclusion { background: #e7ddff; }
.agreement { background: #d3eff4; }
.decision { background: #ffd9cf; }
.point { border-left: 3px solid #6b7a8f; padding-left: 2px; }
.att-present { --c: #2e7d32; } .att-co_optee { --c: #6a1b9a; } .att-substitute { --c: #00838f; }
.att-also_attending { --c: #ef6c00; } .att-officer { --c: #1565c0; }
.att-apologies, .att-absent { --c: #9e9e9e; }
.person { border-bottom: 3px solid var(--c, #888); }
.person.att-apologies, .person.att-absent { border-bottom-style: dotted; }
#facts h3[class^="att-"] { border-left: 4px solid var(--c); padding-left: .3rem; }
.commitment { outline: 2px dashed #b3261e; outline-offset: 1px; }
.due { background: #ffd6ec; font-weight: 600; }
.figure { background: #fff59d; font-weight: 600; }
.reference { text-decoration: underline dotted #7b1fa2 2px; }
.vote { text-decoration: underline double #37474f; }
.unclassified { background: #fdf0f0; text-decoration: underline wavy #d9534f 1px;
                text-decoration-skip-ink: none; text-underline-offset: 3px; }
.furniture { color: #8a8a8a; font-style: italic; }
.meeting-end { font-style: italic; }
.link { color: #0b4f9c; text-decoration: underline; }
.pagebreak { display: block; }
.pagebreak::before { content: "\\2014  page " attr(data-page) "  \\2014"; display: block; margin: .8rem 0;
                     border-top: 2px dashed #999; color: #666; font: italic 12px system-ui, sans-serif; }
.warn::before { content: "\\26A0"; color: #b3261e; font-weight: bold; padding: 0 1px; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .6rem; }
ul.legend span { padding: 0 .2rem; }
.flash { animation: flash 1.6s ease-out; outline: 3px solid #f9a825 !important; }
@keyframes flash { from { background-color: #ffeb3b; } to { background-color: inherit; } }
@media (prefers-reduced-motion: reduce) { .flash { animation: none; } }
@media print {
  html, body { height: auto; }
  body { display: block; font-size: 10pt; }
  #facts, main { overflow: visible; border: 0; padding: 0; }
  #facts { break-after: page; }
  .skip, #facts section[aria-labelledby="h-key"] ul { display: none; }
  a.fact { color: inherit; text-decoration: none; }
  #source { font-size: 9pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .flash { outline: 0 !important; animation: none; }
}
"""

_JS = """
(function () {
  "use strict";
  function flash(id) {
    var target = document.getElementById(id);
    if (!target) { return false; }
    var rest = document.querySelectorAll('[data-of="' + id + '"]');
    var pieces = [target].concat(Array.prototype.slice.call(rest));
    pieces.forEach(function (el) {
      el.classList.remove("flash");
      void el.offsetWidth;
      el.classList.add("flash");
    });
    target.scrollIntoView({block: "center", inline: "nearest"});
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus({preventScroll: true});
    return true;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.fact") : null;
    if (!link) { return; }
    if (flash(link.getAttribute("href").slice(1))) {
      event.preventDefault();
      try { history.replaceState(null, "", link.getAttribute("href")); } catch (e) { /* a sandboxed frame */ }
    }
  });
  document.addEventListener("animationend", function (event) { event.target.classList.remove("flash"); });
  if (location.hash.length > 1) { flash(location.hash.slice(1)); }
})();
"""


def _title(doc: Document) -> str:
    m = doc.meeting
    parts = [m.committee or "Minutes", m.date.isoformat() if m.date else None]
    return " — ".join(p for p in parts if p)


class DocumentView:
    """The annotated view of a document: one self-contained HTML page.

    The page shows the source text with every span highlighted by what it was
    read as (hover for the reading) beside the facts — meeting, attendance,
    items and outcomes, actions, figures, the warnings of
    :func:`scrutinykit.check` — each a link that scrolls the text to its span.
    In a notebook the view renders inline (in a sandboxed frame).
    """

    def __init__(self, doc: Document, *, name: str | None = None) -> None:
        if not isinstance(doc, Document):
            raise TypeError(f"show() takes a Document, not a {type(doc).__name__}")
        self.document = doc
        """The document shown."""
        self.name = name
        """Where the document came from (a file name), shown in the page's header."""
        self._html: str | None = None

    @property
    def html(self) -> str:
        """The page, a complete HTML document (built on first use)."""
        if self._html is None:
            self._html = _page(self.document, self.name)
        return self._html

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the page to ``path`` (UTF-8) and return the path."""
        target = Path(path)
        target.write_text(self.html, encoding="utf-8")
        return target

    def _repr_html_(self) -> str:
        page = escape(self.html, quote=True)
        return (
            f'<iframe srcdoc="{page}" sandbox="allow-scripts" title="{escape(_title(self.document))}" '
            'style="width: 100%; height: 640px; border: 1px solid #ccc; resize: vertical"></iframe>'
        )

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<DocumentView of {_title(self.document)!r}, {len(self.document.source)} characters>"


def show(doc: Document, *, name: str | None = None) -> DocumentView:
    """The annotated view of ``doc``: the source with its spans highlighted, beside the facts.

    ``view.html`` is the page (``doc.to_html()`` gives it too), ``view.save(path)``
    writes it, and a notebook shows the view inline.  ``name`` (a file name, say)
    is shown in the page's header.
    """
    return DocumentView(doc, name=name)


def _warnings(doc: Document) -> list[tuple[int, str, str]]:
    from .check import check

    return [(f.offset, f.kind, f.message) for f in check(doc)]


def _page(doc: Document, name: str | None) -> str:
    ids = _Ids()
    marks = _marks(doc, ids)
    warnings = _warnings(doc)
    points = [
        _Point(p.span.start, f'<span class="pagebreak" data-page="{p.number}"></span>')
        for p in doc.pages
        if p.number > 1 or p.span.start > 0
    ]
    points.extend(
        _Point(offset, f'<span class="warn" id="w{n}" title="Warning: {_esc_attr(message)}"></span>')
        for n, (offset, _kind, message) in enumerate(warnings, 1)
    )
    source = source_html(doc.source, marks, points)
    outcomes = doc.outcomes()
    unclassified = sum(1 for m in marks if m.css == "unclassified")
    counts = (
        f"{len(doc.items)} items, {len(outcomes)} outcomes, {len(doc.commitments())} actions and requests, "
        f"{len(doc.figures)} figures, {unclassified} unclassified paragraphs, {len(warnings)} warnings"
    )
    title = _title(doc)
    origin = f"{name} · " if name else ""
    pages = f", {len(doc.pages)} pages" if doc.pages else ""
    facts = "".join(
        (
            _meeting_facts(doc, ids),
            _attendance_facts(doc, ids),
            _item_facts(doc, ids),
            _action_facts(doc, ids),
            _figure_facts(doc, ids),
            _warning_facts(doc, warnings),
            _legend(),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="scrutinykit">'
        f"<title>{_esc_text(title)}</title><style>{_CSS}</style></head><body>"
        '<a class="skip" href="#source">Skip to the source text</a>'
        f"<header><h1>{_esc_text(title)}</h1><p>{_esc_text(origin)}{escape(doc.format.value)} "
        f"{escape(doc.kind.value.replace('_', ' '))}{pages}: {counts}</p></header>"
        f'<nav id="facts" aria-label="What was read">{facts}</nav>'
        '<main><h2 id="h-source">Source text</h2>'
        f'<div id="source" tabindex="0" aria-labelledby="h-source">{source}</div></main>'
        f"<script>{_JS}</script></body></html>\n"
    )


# ---------------------------------------------------------------------------
# A site: a view per file and an index
# ---------------------------------------------------------------------------


class SiteRow(NamedTuple):
    """One file of a site's index."""

    source: str
    """The file, as named on the command line or under its folder."""
    page: str | None
    """The view's path relative to the index, or ``None`` when there is no view."""
    status: str
    """``minutes``, ``not minutes`` (refused) or ``unreadable``."""
    message: str = ""
    """The error, for a file without a view."""
    committee: str | None = None
    date: str | None = None
    items: int = 0
    outcomes: int = 0
    actions: int = 0
    unclassified: int = 0
    warnings: tuple[str, ...] = ()
    """The kinds of the warnings of ``check``, one per warning."""


def _page_name(rel: str, taken: set[str]) -> str:
    base = rel.replace(os.sep, "/") + ".html"
    name, n = base, 1
    while name.lower() in taken:
        n += 1
        name = f"{base[:-5]}-{n}.html"
    taken.add(name.lower())
    return name


def _row_for(doc: Document, source: str, page: str) -> SiteRow:
    unclassified_ids = _classified_paragraphs(doc)
    unclassified = sum(1 for n in doc.walk() if type(n) is Paragraph and id(n) not in unclassified_ids)
    m = doc.meeting
    return SiteRow(
        source=source,
        page=page,
        status="minutes",
        committee=m.committee,
        date=m.date.isoformat() if m.date else None,
        items=len(doc.items),
        outcomes=len(doc.outcomes()),
        actions=len(doc.commitments()),
        unclassified=unclassified,
        warnings=tuple(kind for _offset, kind, _message in _warnings(doc)),
    )


def write_site(
    entries: Iterable[tuple[str, Document | ScrutinyKitError]], folder: str | os.PathLike[str]
) -> list[SiteRow]:
    """Write a view per document under ``folder`` and ``index.html`` with a row per entry.

    ``entries`` pairs each file's name (relative, as the index shows it) with
    its document or the error it raised.  Returns the index's rows.
    """
    root = Path(folder)
    root.mkdir(parents=True, exist_ok=True)
    rows: list[SiteRow] = []
    taken = {"index.html"}
    for source, result in entries:
        if isinstance(result, Document):
            page = _page_name(source, taken)
            target = root / page
            target.parent.mkdir(parents=True, exist_ok=True)
            DocumentView(result, name=source).save(target)
            rows.append(_row_for(result, source, page))
            continue
        if isinstance(result, NotMinutesError):
            found = result.document if isinstance(result.document, Document) else None
            m = found.meeting if found is not None else None
            rows.append(
                SiteRow(
                    source=source,
                    page=None,
                    status="not minutes",
                    message=result.message,
                    committee=m.committee if m else None,
                    date=m.date.isoformat() if m and m.date else None,
                )
            )
        else:
            rows.append(SiteRow(source=source, page=None, status="unreadable", message=result.message))
    (root / "index.html").write_text(index_html(rows), encoding="utf-8")
    return rows


def _warning_summary(kinds: tuple[str, ...]) -> str:
    if not kinds:
        return "0"
    counts: dict[str, int] = {}
    for kind in kinds:
        counts[kind] = counts.get(kind, 0) + 1
    detail = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
    return f"{len(kinds)} <span class=aside>({escape(detail)})</span>"


def index_html(rows: Sequence[SiteRow]) -> str:
    """The index page of a site: one row per file, linking to its view."""
    body = []
    for r in rows:
        href = "/".join(_quote_part(p) for p in r.page.split("/")) if r.page else ""
        source = f'<a href="{href}">{_esc_text(r.source)}</a>' if r.page else _esc_text(r.source)
        why = f': <span class="aside">{_esc_text(r.message)}</span>' if r.message else ""
        status = escape(r.status) + why
        body.append(
            f'<tr class="{r.status.replace(" ", "-")}"><td>{source}</td>'
            f"<td>{_esc_text(r.committee or '')}</td>"
            f"<td>{escape(r.date or '')}</td><td>{r.items}</td><td>{r.outcomes}</td><td>{r.actions}</td>"
            f"<td>{r.unclassified}</td><td>{_warning_summary(r.warnings)}</td><td>{status}</td></tr>"
        )
    shown = sum(1 for r in rows if r.page)
    refused = sum(1 for r in rows if r.status == "not minutes")
    failed = sum(1 for r in rows if r.status == "unreadable")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="scrutinykit"><title>scrutinykit: documents</title><style>'
        "body{font:15px/1.45 system-ui,sans-serif;margin:1rem;color:#1b1b1b}"
        "table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;"
        "border-bottom:1px solid #ddd}td:nth-child(n+4):nth-child(-n+8){text-align:right}"
        ".aside{color:#5e5e5e;font-size:.9em}tr.not-minutes td{background:#fff6e0}"
        "tr.unreadable td{background:#fde7e7}a:focus-visible{outline:3px solid #1a5fb4}"
        "@media print{tr.not-minutes td,tr.unreadable td{background:none}}</style></head><body>"
        f"<h1>Documents</h1><p>{len(rows)} files: {shown} shown, {refused} refused as not minutes, "
        f"{failed} unreadable.</p>"
        '<table><thead><tr><th scope="col">Source</th><th scope="col">Committee</th><th scope="col">Date</th>'
        '<th scope="col">Items</th><th scope="col">Outcomes</th><th scope="col">Actions</th>'
        '<th scope="col">Unclassified</th><th scope="col">Warnings</th><th scope="col">Status</th></tr>'
        f'</thead><tbody>{"".join(body)}</tbody></table></body></html>\n'
    )


def _quote_part(part: str) -> str:
    from urllib.parse import quote

    return quote(part)


# ---------------------------------------------------------------------------
# The command: scrutinykit show
# ---------------------------------------------------------------------------


def _named(names: Sequence[str], recursive: bool) -> Iterator[tuple[str, Path | ScrutinyKitError]]:
    """Each file with the name the index gives it: its path under the folder named, or as named."""
    for name in names:
        path = Path(name)
        if path.is_dir() and recursive:
            for p in sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")):
                yield p.relative_to(path).as_posix(), p
        elif path.is_dir():
            yield name, ScrutinyKitError("is a directory (use -r to read the files under it)", source=name)
        else:
            yield path.name, path


def run(
    files: Sequence[str],
    recursive: bool,
    output: str | None,
    out: TextIO,
    err: TextIO,
    *,
    vocabulary: Sequence[Path] = (),
) -> int:
    """``scrutinykit show``: a page for one file, or a site for many; the exit status.

    ``vocabulary`` holds folders of extra phrase files (``--vocabulary DIR``).
    """
    from .._cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, _report, _utf8
    from ..io.batch import parse_many

    named = list(_named(files, recursive))
    if len(files) == 1 and not recursive and Path(files[0]).is_dir():
        _report(ScrutinyKitError("is a directory (use -r to read the files under it)", source=files[0]), err)
        return EXIT_FAILED
    single = len(files) == 1 and not recursive
    if not single and output is None:
        print("scrutinykit: show with several files or -r needs -o FOLDER for the site", file=err)
        return EXIT_USAGE
    if not single and output is not None and Path(output).exists() and not Path(output).is_dir():
        print(f"scrutinykit: {output}: is a file; -o needs a folder for a site", file=err)
        return EXIT_USAGE
    paths = [p for _, p in named if isinstance(p, Path)]
    results = iter(parse_many(paths, workers=1, vocabulary=vocabulary))
    failed = 0

    def entries() -> Iterator[tuple[str, Document | ScrutinyKitError]]:
        # One document at a time: a site of a whole archive never holds it all.
        nonlocal failed
        for shown, entry in named:
            result = entry if isinstance(entry, ScrutinyKitError) else next(results)
            if isinstance(result, ScrutinyKitError):
                _report(result, err, entry if isinstance(entry, Path) else None)
                failed += 1
            yield shown, result

    if single:
        ((shown, result),) = list(entries())
        if not isinstance(result, Document):
            return EXIT_FAILED
        view = DocumentView(result, name=shown)
        try:
            if output is None:
                _utf8(out).write(view.html)
            else:
                view.save(output)
        except OSError as exc:
            print(f"scrutinykit: {output}: cannot write the page: {exc.strerror or exc}", file=err)
            return EXIT_FAILED
        return EXIT_OK
    assert output is not None
    try:
        rows = write_site(entries(), output)
    except OSError as exc:
        print(f"scrutinykit: {output}: cannot write the site: {exc.strerror or exc}", file=err)
        return EXIT_FAILED
    shown_count = sum(1 for r in rows if r.page)
    index = Path(output) / "index.html"
    print(f"scrutinykit: {shown_count} shown, {failed} failed; index: {index}", file=err)
    return EXIT_FAILED if failed else EXIT_OK
