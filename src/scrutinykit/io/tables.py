"""Documents as flat tables that join: for notebooks, Parquet and SQL.

:func:`table_rows` gives plain rows (lists of dicts) using only the standard
library; :func:`tables` turns them into pandas DataFrames with fixed column
names and dtypes (pandas is the optional extra ``scrutinykit[tables]``);
:func:`write_parquet` writes one Parquet file per table (the extra
``scrutinykit[parquet]``).

The ``documents`` table's ``source`` is where each document came from
(:attr:`Document.source_name`: the file's path or the caller's name for
it); ``document_id`` stays the stable key.  A figure's ``value`` is a number
and its ``unit`` what it counts (``"homes"``), when the text says.

Keys: ``document_id`` (by default the first 16 hex digits of the SHA-256 of
the source text, so the same text always gets the same id), ``item_id``
(``<document_id>/<item position>``), ``outcome_id`` (``<item_id>/<outcome
position>``; an outcome before the first item or after the closing line has
``item_id`` ``None`` and the id ``<document_id>/front/<position>`` or
``<document_id>/closing/<position>``) and ``point_id`` (``<outcome_id>/<path
of positions>``).
Offsets ``start``/``end`` are spans into the document's source.  The
``actions`` table holds every commitment of the document, in source order —
actions, undertakings and requests (``kind``); one written before the first
item or after the closing line has ``item_id`` ``None`` — with its owner (as written, and the
person's ``owner_name`` when the attendance lists name them), its due date
when one could be worked out (``due``) and the words that say when
(``due_text``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._extras import MissingExtraError
from .._model import BudgetProposal, Commitment, Document, Outcome, Person, Point, is_outcome

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["COLUMNS", "document_id", "table_rows", "tables", "write_parquet"]

COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "document_id": "string",
        "source": "string",
        "kind": "string",
        "committee": "string",
        "date": "datetime64[s]",
        "start_time": "string",
        "end_time": "string",
        "venue": "string",
        "encoding": "string",
        "items": "Int64",
        "outcomes": "Int64",
        "characters": "Int64",
    },
    "items": {
        "document_id": "string",
        "item_id": "string",
        "position": "Int64",
        "minute_number": "string",
        "agenda_number": "string",
        "title": "string",
        "kind": "string",
        "previous_minutes_date": "datetime64[s]",
        "start": "Int64",
        "end": "Int64",
    },
    "outcomes": {
        "document_id": "string",
        "item_id": "string",
        "outcome_id": "string",
        "position": "Int64",
        "type": "string",
        "made_by": "string",
        "budget_reference": "string",
        "text": "string",
        "implicit": "boolean",
        "points": "Int64",
        "start": "Int64",
        "end": "Int64",
    },
    "points": {
        "document_id": "string",
        "outcome_id": "string",
        "point_id": "string",
        "parent_id": "string",
        "depth": "Int64",
        "label": "string",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
    },
    "people": {
        "document_id": "string",
        "item_id": "string",
        "list": "string",
        "name": "string",
        "honorific": "string",
        "role": "string",
        "description": "string",
        "start": "Int64",
        "end": "Int64",
    },
    "figures": {
        "document_id": "string",
        "kind": "string",
        "value": "Float64",
        "unit": "string",
        "text": "string",
        "start": "Int64",
        "end": "Int64",
    },
    "actions": {
        "document_id": "string",
        "item_id": "string",
        "kind": "string",
        "owner": "string",
        "owner_name": "string",
        "owner_kind": "string",
        "due": "datetime64[s]",
        "due_text": "string",
        "text": "string",
        "in_outcome": "boolean",
        "start": "Int64",
        "end": "Int64",
    },
}
"""Every table's columns and their pandas dtypes, in order."""


def document_id(doc: Document) -> str:
    """The default id of a document: a hash of its source text."""
    return hashlib.sha256(doc.source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _iso(value: object) -> str | None:
    return None if value is None else value.isoformat()  # type: ignore[attr-defined]


def _block_outcomes(blocks: Iterable[object]) -> Iterator[tuple[Outcome, str | None]]:
    """The outcomes among ``blocks`` (a budget proposal's, with its reference), in order."""
    for block in blocks:
        if isinstance(block, BudgetProposal):
            yield from ((o, block.reference) for o in block.outcomes())
        elif is_outcome(block):
            yield block, None


def _outcomes(doc: Document) -> Iterator[tuple[int | None, str, Outcome, str | None]]:
    """Every outcome with its item's position (``None`` outside the items) and its key under the document.

    The key is ``<item position>/<outcome position>`` in an item, ``front/<position>`` before the first
    item and ``closing/<position>`` after the closing line.
    """
    for k, (outcome, ref) in enumerate(_block_outcomes(doc.front_matter)):
        yield None, f"front/{k}", outcome, ref
    for i, item in enumerate(doc.items):
        found = _block_outcomes((*item.agenda, *(b for s in item.sections for b in s.blocks)))
        for k, (outcome, ref) in enumerate(found):
            yield i, f"{i}/{k}", outcome, ref
    for k, (outcome, ref) in enumerate(_block_outcomes(doc.closing)):
        yield None, f"closing/{k}", outcome, ref


def _points(
    points: Sequence[Point], doc_id: str, outcome_id: str, parent: str | None, depth: int
) -> Iterator[dict[str, Any]]:
    for n, point in enumerate(points):
        point_id = f"{parent or outcome_id}/{n}"
        yield {
            "document_id": doc_id,
            "outcome_id": outcome_id,
            "point_id": point_id,
            "parent_id": parent,
            "depth": depth,
            "label": point.label,
            "text": point.text,
            "start": point.span.start,
            "end": point.span.end,
        }
        yield from _points(point.points, doc_id, outcome_id, point_id, depth + 1)


def _person(doc_id: str, item_id: str | None, person: Person) -> dict[str, Any]:
    return {
        "document_id": doc_id,
        "item_id": item_id,
        "list": person.kind.value,
        "name": person.name,
        "honorific": person.honorific,
        "role": person.role,
        "description": person.description,
        "start": person.span.start,
        "end": person.span.end,
    }


def _commitment(doc_id: str, item_id: str | None, c: Commitment) -> dict[str, Any]:
    owner = c.owner
    return {
        "document_id": doc_id,
        "item_id": item_id,
        "kind": c.kind.value,
        "owner": None if owner is None else (owner.title or owner.text),
        "owner_name": None if owner is None else owner.name,
        "owner_kind": None if owner is None else owner.kind.value,
        "due": None if c.due is None else c.due.date,
        "due_text": None if c.due is None else c.due.text,
        "text": " ".join(c.text.split()),
        "in_outcome": c.in_outcome,
        "start": c.span.start,
        "end": c.span.end,
    }


def table_rows(docs: Iterable[Document], ids: Iterable[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table in :data:`COLUMNS` for ``docs``.

    ``ids`` names the documents (for instance their file names); by default
    each document's id is :func:`document_id`.
    """
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    id_iter = iter(ids) if ids is not None else None
    for doc in docs:
        doc_id = next(id_iter) if id_iter is not None else document_id(doc)
        m = doc.meeting
        outcomes = list(_outcomes(doc))
        out["documents"].append(
            {
                "document_id": doc_id,
                "source": doc.source_name,
                "kind": doc.kind.value,
                "committee": m.committee,
                "date": m.date,
                "start_time": _iso(m.start_time),
                "end_time": _iso(m.end_time),
                "venue": m.venue,
                "encoding": doc.encoding,
                "items": len(doc.items),
                "outcomes": len(outcomes),
                "characters": len(doc.source),
            }
        )
        # Commitments before the first item and after the close have no item: item_id is None.
        out["actions"].extend(_commitment(doc_id, None, c) for c in doc.front_matter_proceedings.commitments)
        for i, item in enumerate(doc.items):
            out["items"].append(
                {
                    "document_id": doc_id,
                    "item_id": f"{doc_id}/{i}",
                    "position": i,
                    "minute_number": item.minute_number,
                    "agenda_number": item.agenda_number,
                    "title": item.title,
                    "kind": item.kind.value,
                    "previous_minutes_date": item.previous_minutes_date,
                    "start": item.span.start,
                    "end": item.span.end,
                }
            )
            out["people"].extend(_person(doc_id, f"{doc_id}/{i}", p) for p in item.officers)
            out["actions"].extend(_commitment(doc_id, f"{doc_id}/{i}", c) for c in item.commitments)
        out["actions"].extend(_commitment(doc_id, None, c) for c in doc.closing_proceedings.commitments)
        for at, key, outcome, ref in outcomes:
            outcome_id = f"{doc_id}/{key}"
            kind = type(outcome).__name__.lower()
            out["outcomes"].append(
                {
                    "document_id": doc_id,
                    "item_id": None if at is None else f"{doc_id}/{at}",
                    "outcome_id": outcome_id,
                    "position": int(key.rsplit("/", 1)[1]),
                    "type": kind,
                    "made_by": outcome.made_by,
                    "budget_reference": ref,
                    "text": outcome.text,
                    "implicit": outcome.implicit,
                    "points": len(outcome.points),
                    "start": outcome.span.start,
                    "end": outcome.span.end,
                }
            )
            out["points"].extend(_points(outcome.points, doc_id, outcome_id, None, 0))
        a = doc.attendance
        for person in (*a.present, *a.co_optees, *a.also_attending, *a.substitutes, *(a.apologies or ())):
            out["people"].append(_person(doc_id, None, person))
        for figure in doc.figures:
            out["figures"].append(
                {
                    "document_id": doc_id,
                    "kind": figure.kind.value,
                    "value": float(figure.value),
                    "unit": figure.unit,
                    "text": figure.text,
                    "start": figure.span.start,
                    "end": figure.span.end,
                }
            )
    return out


def _need(module: str, extra: str) -> Any:
    try:
        return __import__(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"this needs {module}, which is not installed: pip install 'scrutinykit[{extra}]'"
        ) from exc


def tables(docs: Iterable[Document], ids: Iterable[str] | None = None) -> dict[str, pandas.DataFrame]:
    """pandas DataFrames of every table, with the columns and dtypes of :data:`COLUMNS`.

    :raises MissingExtraError: pandas is not installed (``scrutinykit[tables]``).
    """
    pd = _need("pandas", "tables")
    frames = {}
    for name, rows in table_rows(docs, ids).items():
        frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS[name]))
        frames[name] = frame.astype(COLUMNS[name])
    return frames


def write_parquet(
    docs: Iterable[Document],
    directory: str | Path,
    ids: Iterable[str] | None = None,
    *,
    part: str | None = None,
) -> dict[str, Path]:
    """Write each table as Parquet under ``directory``; return the paths.

    Without ``part`` each table is one file, ``<directory>/<table>.parquet``.
    With ``part`` it is one part of a partitioned dataset,
    ``<directory>/<table>/part-<part>.parquet``, so that many workers (a Dask
    bag, a batch run) can each write their share; read a table back whole
    with ``pandas.read_parquet("<directory>/<table>")`` or DuckDB's
    ``read_parquet('<directory>/<table>/*.parquet')``.

    :raises MissingExtraError: pandas or pyarrow is missing (``scrutinykit[parquet]``).
    """
    _need("pyarrow", "parquet")
    folder = Path(directory)
    paths = {}
    for name, frame in tables(docs, ids).items():
        path = folder / f"{name}.parquet" if part is None else folder / name / f"part-{part}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        frame.to_parquet(path, index=False)
        paths[name] = path
    return paths
