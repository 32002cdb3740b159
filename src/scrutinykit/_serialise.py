"""JSON for the model, through cattrs.

The serialised form is one JSON object: ``schema_version`` and then the
document's fields.  Dates and times are ISO 8601 strings, ``Decimal`` values
are strings, enums are their values, spans are ``[start, end]`` pairs, and
every member of a union of node types carries a ``"type"`` tag naming its
class in snake case (``"resolution"``, ``"point_list"``).

:func:`make_converter` builds a converter with these rules;
:func:`configure_converter` adds them to a converter of your own.

Version history (see ``docs/json.md``):

* 0 — the pre-release form, never written by a release but accepted by
  :func:`loads`: spans were ``{"start": s, "end": e}`` objects and the
  document's text was under ``"text"`` instead of ``"source"``.
* 1 — the first form: documents, items, outcomes, attendance, figures.
* 2 — adds the proceedings: exchanges, stances, commitments, references and
  votes on items, and ``addressee``/``due`` on outcomes (all empty by default,
  so version 1 data loads unchanged).
* 3 — adds where the text came from: the document's ``format`` (``"text"``,
  ``"html"`` or ``"pdf"``), ``pages`` (PDF pages as spans of the rendering)
  and ``links`` (an HTML page's links with their URLs); version 2 data is
  text with no pages and no links, and loads unchanged.
* 6 — outcomes gain ``duplicate`` (the same outcome recorded earlier in the
  item) and the document ``truncated``; version 5 data marks neither and
  loads unchanged.
* 5 — two outcome types join the blocks: ``"agreement"`` (what a committee
  agreed or noted, told as narrative) and ``"decision"`` (a ``Decision:``
  block); version 4 data holds neither and loads unchanged.
* 4 — figures gain counts (``"kind": "count"``) and ``unit``, what a figure
  counts; version 3 figures have no unit and load unchanged.

Older versions load through :data:`MIGRATIONS`: the function registered under
version ``n`` turns data of version ``n`` into data of version ``n + 1``, and
:func:`loads` applies them in turn up to :data:`SCHEMA_VERSION`.  When the
form changes: bump :data:`SCHEMA_VERSION` and register a migration under the
old number (``docs/robustness.md`` walks through it).
"""

from __future__ import annotations

import datetime
import json
import re
import typing
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.strategies import configure_tagged_union

from ._errors import SerialisationError
from ._model import Block, Document, EntryLine, HeadingLine, Span

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "configure_converter",
    "dumps",
    "loads",
    "make_converter",
    "to_dict",
]

SCHEMA_VERSION = 6
"""The version of the JSON form this release writes."""

_SNAKE = re.compile(r"(?<!^)(?=[A-Z])")


def _tag(cls: type) -> str:
    return _SNAKE.sub("_", cls.__name__).lower()


def _structure_span(value: Any, _: type) -> Span:
    if (
        not isinstance(value, (list, tuple))
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise ValueError(f"a span is a [start, end] pair of integers, not {value!r}")
    start, end = value
    if not 0 <= start <= end:
        raise ValueError(f"a span must have 0 <= start <= end, not {value!r}")
    return Span(start=start, end=end)


def _structure_decimal(value: Any, _: type) -> Decimal:
    if not isinstance(value, str):
        raise ValueError(f"a decimal is written as a string, not {value!r}")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(f"not a decimal number: {value!r}") from exc


def _structure_date(value: Any, _: type) -> datetime.date:
    if not isinstance(value, str):
        raise ValueError(f"a date is an ISO string, not {value!r}")
    return datetime.date.fromisoformat(value)


def _structure_time(value: Any, _: type) -> datetime.time:
    if not isinstance(value, str):
        raise ValueError(f"a time is an ISO string, not {value!r}")
    return datetime.time.fromisoformat(value)


def _strict(kind: type, name: str) -> Callable[[Any, type], Any]:
    """A structure hook that takes a JSON value of exactly one type, never a look-alike."""

    def structure(value: Any, _: type) -> Any:
        if type(value) is not kind:
            raise ValueError(f"expected {name}, not {type(value).__name__} {value!r:.40}")
        return value

    return structure


def _is_homogeneous_tuple(t: Any) -> bool:
    args = typing.get_args(t)
    return typing.get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, type], Any]]:
    """Tuples come from JSON arrays only (cattrs alone would take an object's keys)."""

    def factory(t: Any) -> Callable[[Any, type], Any]:
        elem = typing.get_args(t)[0]
        hook = converter.get_structure_hook(elem)

        def structure(value: Any, _: type) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise ValueError(f"expected an array, not {type(value).__name__}")
            out: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    out.append(hook(item, elem))
                except Exception as exc:
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"Structuring {t} @ index {i}", i, elem),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    return factory


def configure_converter(converter: cattrs.Converter) -> None:
    """Teach ``converter`` scrutinykit's JSON rules (see the module docstring).

    Structuring is strict: a string field takes only a JSON string, a number
    only a number, a flag only ``true``/``false``, and a tuple only an array.
    """
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _strict(int, "an integer"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(converter))
    converter.register_unstructure_hook(Span, lambda s: [s.start, s.end])
    converter.register_structure_hook(Span, _structure_span)
    converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
    converter.register_structure_hook(datetime.date, _structure_date)
    converter.register_unstructure_hook(datetime.time, lambda t: t.isoformat())
    converter.register_structure_hook(datetime.time, _structure_time)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    # The inner unions first: configuring Block builds hooks for the classes in it.
    for union in (EntryLine, HeadingLine, Block):
        configure_tagged_union(union, converter, tag_generator=_tag, tag_name="type")


def make_converter() -> cattrs.Converter:
    """A new converter configured for scrutinykit's model."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


_converter = make_converter()


def to_dict(document: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data, with ``schema_version`` first."""
    data = _converter.unstructure(document)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps(document: Document, *, indent: int | None = None) -> str:
    """The document as JSON text; the same document always gives the same text."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=indent)


Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns the data of one schema version (without ``schema_version``) into the next."""


def _spans_to_pairs(value: Any) -> Any:
    """Version 0 → 1 for one value: ``{"start": s, "end": e}`` becomes ``[s, e]``."""
    if isinstance(value, dict):
        if value.keys() == {"start", "end"}:
            return [value["start"], value["end"]]
        return {key: _spans_to_pairs(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_spans_to_pairs(item) for item in value]
    return value


def _from_version_0(data: dict[str, Any]) -> dict[str, Any]:
    """Version 0 → 1: spans become pairs and ``"text"`` becomes ``"source"``."""
    if "text" not in data:
        raise ValueError("version 0 keeps the document's text under 'text', which is missing")
    if "source" in data:
        raise ValueError("version 0 has 'text' and no 'source', but this has both")
    migrated = _spans_to_pairs({key: value for key, value in data.items() if key != "text"})
    return {"source": data["text"], **migrated}


def _from_version_1(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 → 2: the proceedings (exchanges, stances, commitments,
    references and votes on items; addressee and due on outcomes) were added.

    Every new field has an empty default, so version 1 data is version 2 data
    that records no proceedings; nothing needs rewriting.
    """
    return data


def _from_version_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 → 3: the document's ``format``, ``pages`` and ``links`` were added.

    Their defaults (``"text"``, no pages, no links) describe every version 2
    document, which was always read from text; nothing needs rewriting.
    """
    return data


def _from_version_3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 → 4: figures gained ``unit`` (default ``None``) and the ``count`` kind.

    A version 3 figure is a version 4 figure whose unit was not read.
    """
    return data


def _from_version_4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 → 5: the ``agreement`` and ``decision`` block types were added.

    Version 4 data uses neither tag, so it is version 5 data as it stands.
    """
    return data


def _from_version_5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 → 6: ``duplicate`` on outcomes and ``truncated`` on the document.

    Both default to false, which is how version 5 data reads.
    """
    return data


MIGRATIONS: Final[dict[int, Migration]] = {
    0: _from_version_0,
    1: _from_version_1,
    2: _from_version_2,
    3: _from_version_3,
    4: _from_version_4,
    5: _from_version_5,
}
"""Migrations by the version they read: ``MIGRATIONS[n]`` gives version ``n + 1``."""

_OLDEST = min(MIGRATIONS, default=SCHEMA_VERSION)


def _migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring data of an older schema version up to :data:`SCHEMA_VERSION`.

    :raises SerialisationError: a migration found data that does not fit the
        version it claims; the message names the version and why.
    """
    for step in range(version, SCHEMA_VERSION):
        try:
            data = MIGRATIONS[step](data)
        except (KeyError, TypeError, ValueError, RecursionError) as exc:
            raise SerialisationError(f"cannot migrate schema_version {step} to {step + 1}: {exc}") from exc
    return data


def loads(text: str | bytes) -> Document:
    """A document back from JSON written by :func:`dumps`.

    :raises SerialisationError: the JSON is malformed, of an unknown schema
        version, or does not fit the model; the message names the field.
    """
    try:
        data = json.loads(text)
    except RecursionError as exc:
        raise SerialisationError("not valid JSON for scrutinykit: nested too deeply to read") from exc
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, an integer of 5000 digits
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "colno", None)
        raise SerialisationError(f"not valid JSON: {exc}", line=line, column=col) from exc
    if not isinstance(data, dict):
        raise SerialisationError(f"expected a JSON object, found {type(data).__name__}")
    version = data.pop("schema_version", None)
    if not isinstance(version, int) or isinstance(version, bool):
        raise SerialisationError("missing or invalid 'schema_version': not scrutinykit JSON?")
    if version > SCHEMA_VERSION or version < _OLDEST:
        raise SerialisationError(
            f"unknown schema_version {version}: this scrutinykit reads versions {_OLDEST} to {SCHEMA_VERSION}"
        )
    data = _migrate(data, version)
    try:
        doc = _converter.structure(data, Document)
    except Exception as exc:
        messages = (
            cattrs.transform_error(exc, path="$")
            if isinstance(exc, cattrs.BaseValidationError)
            else [str(exc)]
        )
        raise SerialisationError("JSON does not fit the model: " + "; ".join(messages)) from exc
    outside = _span_outside(doc)
    if outside is not None:
        raise SerialisationError(
            f"JSON does not fit the model: the span {outside} lies outside the source "
            f"({len(doc.source)} characters)"
        )
    return doc


def _span_outside(doc: Document) -> str | None:
    """The path of the first span that reaches past the end of the source, or ``None``."""
    limit = len(doc.source)
    stack: list[tuple[str, object]] = [("$", doc)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, Span):
            if value.end > limit:
                return f"[{value.start}, {value.end}] at {path}"
        elif isinstance(value, tuple):
            stack.extend((f"{path}[{i}]", v) for i, v in enumerate(value))
        elif attrs.has(type(value)):
            for f in attrs.fields(type(value)):  # type: ignore[arg-type]
                if f.name != "source":
                    stack.append((f"{path}.{f.name}", getattr(value, f.name)))
    return None
