"""The public API as a user writes against it: type-checked by mypy --strict, never run.

``tests/test_typing.py`` runs mypy on this file.  ``assert_type`` pins what
each call gives; the lines marked ``# type: ignore[code]`` are misuses that
mypy must reject (strict mode reports an ignore that is no longer needed,
so they fail the check the day the types stop catching them).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, assert_type

import scrutinykit as sk
from scrutinykit import (
    AgendaItem,
    Attendance,
    Document,
    Outcome,
    Person,
    Point,
    Span,
)


def summarise(path: Path) -> dict[str, Any]:
    """Parse a file and pull out what a scrutiny officer asks for."""
    doc = sk.parse_file(path)
    assert_type(doc, Document)
    meeting = doc.meeting
    assert_type(meeting.committee, str | None)
    assert_type(meeting.date, datetime.date | None)
    assert_type(meeting.end_time, datetime.time | None)
    attendance: Attendance = doc.attendance
    present: tuple[Person, ...] = attendance.present
    apologies = attendance.apologies
    assert_type(apologies, tuple[Person, ...] | None)
    everyone = attendance.everyone()
    chairs = [p.name for p in everyone if p.role is not None and p.role.startswith("Chair")]
    kinds = {p.kind.value for p in present}

    items: tuple[AgendaItem, ...] = doc.items
    outcomes_by_item: dict[str, list[str]] = {}
    for item in items:
        assert_type(item.minute_number, str | None)
        assert_type(item.kind, sk.ItemKind)
        assert_type(item.minutes, tuple[sk.Block, ...])
        assert_type(item.notes, tuple[str, ...])
        for outcome in item.outcomes():
            assert_type(outcome, Outcome)
            points: tuple[Point, ...] = outcome.points
            subpoints = [s.text for p in points for s in p.points]
            texts = [doc.text_of(outcome), *(p.text for p in points), *subpoints]
            kind = "resolved" if isinstance(outcome, sk.Resolution) else type(outcome).__name__.lower()
            outcomes_by_item.setdefault(item.title, []).append(f"{kind}: {' '.join(texts)}")
        for proposal in item.budget_proposals():
            assert_type(proposal.reference, str)
        for question in item.scrutiny_questions():
            assert_type(question, Point)

    money = [f.value for f in doc.figures if f.kind is sk.FigureKind.MONEY]
    assert_type(money, list[Decimal])
    line, column = doc.line_col(doc.items[0].span.start if doc.items else 0)
    assert_type(line, int)
    return {
        "committee": meeting.committee,
        "chairs": chairs,
        "kinds": sorted(kinds),
        "outcomes": outcomes_by_item,
        "all_outcomes": len(doc.outcomes()),
        "first_item_at": (line, column),
        "total": str(sum(money, Decimal(0))),
    }


def round_trip(text: str) -> Document:
    """Text to JSON and back, as a pipeline storing the JSON would."""
    doc = sk.parse(text, source="pasted.txt")
    payload = sk.dumps(doc, indent=1)
    assert_type(payload, str)
    data = sk.to_dict(doc)
    assert_type(data, dict[str, Any])
    assert data["schema_version"] == sk.SCHEMA_VERSION
    again = sk.loads(payload)
    assert_type(again, Document)
    assert sk.loads(json.dumps(data).encode("utf-8")) == again
    return again


def load_many(paths: list[Path]) -> list[Document]:
    """Parse what parses; report the rest by the error's kind and place."""
    docs: list[Document] = []
    for path in paths:
        try:
            docs.append(sk.parse_bytes(path.read_bytes(), source=str(path)))
        except sk.NotTextError as exc:
            print(f"skipped binary {exc.source}: {exc.message}")
        except sk.NotMinutesError as exc:
            print(f"not minutes: {exc}")
        except sk.ParseError as exc:
            where: tuple[int | None, int | None, int | None] = (exc.line, exc.column, exc.offset)
            print(exc.location(), where)
        except sk.ScrutinyKitError as exc:
            print(f"{type(exc).__name__}: {exc}")
    for result in sk.parse_many(paths, workers=1):
        if isinstance(result, sk.ScrutinyKitError):
            print(result.location())
        else:
            assert_type(result, Document)
    return docs


def read_back(stored: str) -> Document | None:
    """Stored JSON may be from a newer release: SerialisationError says so."""
    try:
        return sk.loads(stored)
    except sk.SerialisationError as exc:
        print(exc.message)
        return None


def nodes(doc: Document) -> Iterator[tuple[str, Span]]:
    """Every node with a span, by kind: walk() yields plain objects to narrow."""
    for node in doc.walk():
        assert_type(node, object)
        if isinstance(node, (sk.Paragraph, sk.Heading, sk.Point)):
            yield type(node).__name__, node.span
    for node in sk.walk(doc.items[0]):
        if isinstance(node, sk.ItemSection):
            assert_type(node.kind, sk.SectionKind)
            yield "section", node.span


def where_it_came_from(path: Path) -> list[tuple[str, int | None]]:
    """An HTML page's links or a PDF's pages, as a user reads them."""
    try:
        doc = sk.parse_file(path)
    except sk.MissingExtraError as exc:
        assert_type(exc.message, str)
        return []
    assert_type(doc.format, sk.InputFormat)
    if doc.format is sk.InputFormat.HTML:
        return [(link.url, None) for link in doc.links]
    pages: list[tuple[str, int | None]] = []
    for item in doc.items:
        page = doc.page_of(item)
        assert_type(page, int | None)
        pages.append((item.title, page))
    assert_type(doc.pages[0].number if doc.pages else 0, int)
    return pages


def grammar_location() -> Path:
    """Where the .lark files are, for a program reusing the grammar."""
    folder = sk.grammar_dir()
    assert_type(folder, Path)
    assert_type(sk.__version__, str)
    return folder / "minutes.lark"


def misuses(doc: Document, item: AgendaItem) -> int:
    """Mistakes the types catch: each line must stay an error."""
    sk.parse(b"RESOLVED that the report be noted.\n")  # type: ignore[arg-type]
    sk.Span(0, 4)  # type: ignore[call-arg]
    sk.dumps(item)  # type: ignore[arg-type]
    item.title = "Renamed"  # type: ignore[misc]
    return doc.meeting.date.year  # type: ignore[union-attr]
