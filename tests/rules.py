"""The fixture files of the grammar's rules: input lines and the nodes expected, one file per rule family.

Each file in ``tests/fixtures/rules/`` holds cases in the style of
markdown-it-py's fixtures::

    a title for the case
    .
    the input lines
    .
    the nodes expected, as :func:`render` writes them
    .

A line starting ``#`` before a case is a comment.  :func:`render` writes a
parsed document as an indented outline: every block with the facts that say
what it was read as (a heading's number and title, an outcome's type, text and
points, an attendance list's role and names).  ``python -m tests.rules FILE``
prints what the parser makes of each case of a file, beside what the file
expects, to review a new case before it is written in.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

import scrutinykit as sk
from scrutinykit._model import (
    AgendaItem,
    AttendanceBlock,
    BudgetProposal,
    Furniture,
    Heading,
    ItemSection,
    Marker,
    MeetingEnd,
    Note,
    Paragraph,
    Point,
    PointList,
    ScrutinyQuestions,
    is_outcome,
)

RULES = Path(__file__).resolve().parent / "fixtures" / "rules"


@attrs.frozen
class Case:
    """One case of a fixture file."""

    file: Path
    line: int
    title: str
    text: str
    expected: str


def cases(path: Path) -> Iterator[Case]:
    """The cases of one fixture file, in order."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("#"):
            i += 1
            continue
        title, start = lines[i], i + 1
        if lines[i + 1] != ".":
            raise ValueError(f"{path}:{i + 2}: a case's title must be followed by a line '.'")
        parts: list[list[str]] = [[], []]
        j = i + 2
        for part in parts:
            while lines[j] != ".":
                part.append(lines[j])
                j += 1
            j += 1
        yield Case(path, start, title, "\n".join(parts[0]) + "\n", "\n".join(parts[1]))
        i = j


def _points(points: tuple[Point, ...], depth: int) -> Iterator[str]:
    for p in points:
        yield "  " * depth + f"point ({p.label}) {p.text}"
        yield from _points(p.points, depth + 1)


def _block(block: object, depth: int) -> Iterator[str]:
    pad = "  " * depth
    if is_outcome(block):
        kind = type(block).__name__.lower()
        made = f" by={block.made_by}" if block.made_by else ""
        yield f"{pad}{kind}{made}: {block.text}"
        yield from _points(block.points, depth + 1)
    elif isinstance(block, AttendanceBlock):
        yield f"{pad}attendance {block.kind.value}"
    elif isinstance(block, Paragraph):
        yield f"{pad}paragraph: {block.text}"
    elif isinstance(block, Heading):
        yield f"{pad}heading: {block.text}"
    elif isinstance(block, PointList):
        yield f"{pad}points"
        yield from _points(block.points, depth + 1)
    elif isinstance(block, Note):
        yield f"{pad}note: {block.text}"
    elif isinstance(block, Marker):
        yield f"{pad}marker {block.kind.value}: {block.text}"
    elif isinstance(block, Furniture):
        yield f"{pad}furniture: {block.text}"
    elif isinstance(block, MeetingEnd):
        yield f"{pad}meeting end: {block.time}"
    elif isinstance(block, ScrutinyQuestions):
        yield f"{pad}questions: {block.intro.text}"
        yield from _points(block.questions, depth + 1)
    elif isinstance(block, BudgetProposal):
        yield f"{pad}proposal {block.reference}: {block.title}"
        for inner in block.blocks:
            yield from _block(inner, depth + 1)
    elif isinstance(block, ItemSection):
        yield f"{pad}section {block.kind.value}"
        for inner in block.blocks:
            yield from _block(inner, depth + 1)
    else:  # pragma: no cover - a new node type: render it by name
        yield f"{pad}{type(block).__name__}"


def _item(item: AgendaItem) -> Iterator[str]:
    agenda = f" (agenda item {item.agenda_number})" if item.agenda_number else ""
    yield f"item {item.minute_number or '-'}{agenda}: {item.title}"
    for block in item.agenda:
        yield from _block(block, 1)
    for section in item.sections:
        yield from _block(section, 1)


def render(doc: sk.Document) -> str:
    """The document as an outline of what each block was read as (the fixtures' expected form)."""
    out: list[str] = []
    if doc.meeting.date or doc.meeting.committee:
        out.append(f"meeting: {doc.meeting.committee} {doc.meeting.date}")
    people = doc.attendance
    for role, names in (
        ("present", people.present),
        ("apologies", people.apologies or ()),
        ("also attending", people.also_attending),
        ("officers", people.officers),
    ):
        if names:
            out.append(f"{role}: " + "; ".join(p.name for p in names))
    for block in doc.front_matter:
        out.extend(_block(block, 0))
    for item in doc.items:
        out.extend(_item(item))
    for block in doc.closing:
        out.extend(_block(block, 0))
    return "\n".join(out)


def render_text(text: str) -> str:
    """:func:`render` of ``text`` parsed; a page refused as not minutes renders as why."""
    try:
        return render(sk.parse(text))
    except sk.NotMinutesError as exc:
        return f"not minutes: {exc.message}" if hasattr(exc, "message") else f"not minutes: {exc}"


def main(argv: list[str]) -> int:
    """Print each case of a fixture file: its title, what is expected and what the parser gives."""
    for name in argv:
        for case in cases(Path(name)):
            got = render_text(case.text)
            mark = "ok" if got == case.expected else "DIFFERS"
            print(f"== {case.title} ({case.file.name}:{case.line}) {mark}\n{got}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
