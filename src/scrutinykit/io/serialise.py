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
* 4 — figures gain counts (``"kind": "count"``) and ``unit``, what a figure
  counts; version 3 figures have no unit and load unchanged.
* 5 — two outcome types join the blocks: ``"agreement"`` (what a committee
  agreed or noted, told as narrative) and ``"decision"`` (a ``Decision:``
  block); version 4 data holds neither and loads unchanged.
* 6 — outcomes gain ``duplicate`` (the same outcome recorded earlier in the
  item) and the document ``truncated``; version 5 data marks neither and
  loads unchanged.
* 7 — outcomes gain ``label`` and ``that`` (moved out of ``text``), the
  document ``source_name``.
* 8 — the document gains ``front_matter_proceedings`` and
  ``closing_proceedings``: the exchanges, stances, commitments, references
  and votes read before the first item and after the closing line (empty
  by default, so version 7 data loads unchanged).

:func:`loads` and :func:`dumps` run functions written for the model on first
use, which take and give exactly what this converter does; data they do not
take goes to the converter, whose error message names the field.
:func:`dumps` encodes a long document a part at a time (each agenda item on
its own) and :func:`dump` writes those parts to a file as they come, so
neither holds the converter's data for the whole document at once.

Older versions load through :data:`MIGRATIONS`: the function registered under
version ``n`` turns data of version ``n`` into data of version ``n + 1``, and
:func:`loads` applies them in turn up to :data:`SCHEMA_VERSION`.  When the
form changes: bump :data:`SCHEMA_VERSION` and register a migration under the
old number (``docs/robustness.md`` walks through it).
"""

from __future__ import annotations

import datetime
import enum
import json
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any, Final

import attrs

from .._errors import SerialisationError
from .._model import Block, Document, EntryLine, HeadingLine, Span

if typing.TYPE_CHECKING:
    import cattrs

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "configure_converter",
    "dump",
    "dumps",
    "loads",
    "make_converter",
    "to_dict",
]

SCHEMA_VERSION = 8
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
    from cattrs.errors import IterableValidationError, IterableValidationNote

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
    # The fast paths at the end of this module follow these same rules: a rule
    # changed here must change there too (tests/test_serialise_speed.py holds
    # the two together).
    from cattrs.strategies import configure_tagged_union

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
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


_CONVERTER: list[cattrs.Converter] = []
"""The converter :func:`loads` and :func:`dumps` fall back on, made on first use."""


def _converter() -> cattrs.Converter:
    """The module's converter: built (and cattrs imported) the first time it is needed."""
    if not _CONVERTER:
        _CONVERTER.append(make_converter())
    return _CONVERTER[0]


def to_dict(document: Document) -> dict[str, Any]:
    """The document as plain JSON-ready data, with ``schema_version`` first."""
    unstructure = _fast_unstructure()
    if unstructure is not None:
        return unstructure(document)
    data = _converter().unstructure(document)
    return {"schema_version": SCHEMA_VERSION, **data}


def dumps(document: Document, *, indent: int | None = None) -> str:
    """The document as JSON text; the same document always gives the same text.

    ``indent`` indents the JSON by that many spaces, as :func:`json.dumps`
    does; the text is exactly what ``json.dumps(to_dict(document),
    ensure_ascii=False, indent=indent)`` gives (with orjson installed, the
    ``json`` extra, ``indent=2`` is written by orjson: the same text, several
    times quicker).  To write the JSON to a file, :func:`dump` uses less
    memory.
    """
    return "".join(_pieces(document, indent, None))


def dump(document: Document, fp: SupportsWrite, *, indent: int | None = None) -> None:
    """Write the document's JSON to the text file ``fp``, exactly the text :func:`dumps` gives.

    The text is written a piece at a time (the fields, each agenda item,
    slices of the source), so the whole of it is never in memory at once::

        with open("minutes.json", "w", encoding="utf-8") as fp:
            scrutinykit.dump(doc, fp)

    No newline is written after the JSON.  ``fp`` is anything with a
    ``write(str)`` method: open it with an encoding that holds every
    character (UTF-8), since the JSON keeps non-ASCII characters as they are.
    """
    write = fp.write
    for piece in _pieces(document, indent, _SLICE):
        write(piece)


class SupportsWrite(typing.Protocol):
    """What :func:`dump` writes to: a text file, ``sys.stdout``, :class:`io.StringIO`."""

    def write(self, text: str, /) -> object: ...


_WHOLE: Final = 1 << 16
"""A document whose source is shorter than this is encoded in one piece."""

_SLICE: Final = 1 << 16
"""How many characters of the source :func:`dump` escapes at a time."""

_SPLIT: Final = 1 << 17
"""A node whose span is longer than this is encoded member by member (a long agenda item, its sections)."""


def _pieces(document: Document, indent: int | str | None, slice_size: int | None) -> Iterator[str]:
    """The JSON text of :func:`dumps`, in pieces whose concatenation is the text.

    The document is unstructured and encoded a field at a time, and each
    element of its tuples (each agenda item) on its own, so that neither the
    whole of :func:`to_dict`'s data nor the encoder's list of small chunks
    for all of it is ever alive; the pieces are what ``json.dumps`` gives for
    each part, put together with its separators and indentation.  With
    ``slice_size``, long strings (the source) are escaped that many
    characters at a time.
    """
    # The data is fresh lists and dicts, never circular: no need to check.
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False, indent=indent)
    encode: Callable[[Any], str] = encoder.encode
    if type(indent) is int and indent == 2:
        # The standard library writes indented JSON in Python, several times
        # slower than without an indent: orjson writes the same text.
        encode = _indent_2_encoder(encode) or encode
    fields = _fast_fields()
    if fields is None or len(document.source) < _WHOLE:
        # A short document is quicker encoded whole, and small whichever way;
        # a model with a type the fast path does not know goes to the converter.
        yield encode(to_dict(document))
        return
    layout = _Layout(encode, indent, slice_size)
    yield "{"
    for n, (key, value, each) in enumerate(fields(document)):
        yield layout.open(1) if n == 0 else layout.separator(1)
        yield layout.encode(key)
        yield ": "
        if each is None:
            yield from layout.value(value, 1)
            continue
        if value:
            yield from layout.elements(map(each, value), 1)
        else:
            yield "[]"
    yield layout.close(0)
    yield "}"


class _Layout:
    """The separators and indentation ``json.dumps`` writes, level by level."""

    def __init__(
        self, encode: Callable[[Any], str], indent: int | str | None, slice_size: int | None
    ) -> None:
        self.encode = encode
        self.slice_size = slice_size
        if indent is None:
            self.newlines: list[str] | None = None
            self.pad = ""
            self.item_separator = ", "
        else:
            self.pad = indent if isinstance(indent, str) else " " * indent
            self.newlines = ["\n" + self.pad * level for level in range(4)]
            self.item_separator = ","

    def newline(self, level: int) -> str:
        """A newline and the indentation of ``level`` (nothing without an indent)."""
        if self.newlines is None:
            return ""
        while len(self.newlines) <= level:
            self.newlines.append("\n" + self.pad * len(self.newlines))
        return self.newlines[level]

    def open(self, level: int) -> str:
        """What follows ``[`` or ``{`` before the first member, at ``level``."""
        return self.newline(level)

    def separator(self, level: int) -> str:
        """What comes between two members at ``level``."""
        return self.item_separator + self.newline(level)

    def close(self, level: int) -> str:
        """What comes before the ``]`` or ``}`` closing a container at ``level``."""
        return self.newline(level)

    def value(self, value: Any, level: int) -> Iterator[str]:
        """The JSON of ``value`` written at ``level``: a node whose span is long, member by member."""
        if type(value) is dict and _long(value):
            yield from self.members(value, level)
            return
        if type(value) is str and self.slice_size is not None and len(value) > self.slice_size:
            yield '"'
            for start in range(0, len(value), self.slice_size):
                yield self.encode(value[start : start + self.slice_size])[1:-1]
            yield '"'
            return
        text = self.encode(value)
        if self.newlines is not None and level and "\n" in text:
            # Newlines in JSON text are all indentation: strings escape theirs.
            text = text.replace("\n", self.newline(level))
        yield text

    def members(self, value: dict[str, Any], level: int) -> Iterator[str]:
        """The JSON of a non-empty object at ``level``, member by member (arrays of objects by element)."""
        yield "{"
        for n, (key, member) in enumerate(value.items()):
            yield self.open(level + 1) if n == 0 else self.separator(level + 1)
            yield self.encode(key)
            yield ": "
            if type(member) is list and member and type(member[0]) is dict:
                yield from self.elements(member, level + 1)
            else:
                yield from self.value(member, level + 1)
        yield self.close(level)
        yield "}"

    def elements(self, value: Iterable[Any], level: int) -> Iterator[str]:
        """The JSON of a non-empty array at ``level``, element by element."""
        yield "["
        for n, element in enumerate(value):
            yield self.open(level + 1) if n == 0 else self.separator(level + 1)
            yield from self.value(element, level + 1)
        yield self.close(level)
        yield "]"


def _long(data: dict[str, Any]) -> bool:
    """Whether ``data`` is a node whose span is longer than :data:`_SPLIT` (written member by member)."""
    span = data.get("span")
    return type(span) is list and len(span) == 2 and span[1] - span[0] > _SPLIT


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


_OUTCOME_TAGS = frozenset({"resolution", "recommendation", "conclusion", "agreement", "decision"})
#: The introducing "that" at the start of a version 6 outcome's text, and the punctuation after it.
_LEAD_THAT = re.compile(r"(THAT|That|that|T H A T)\b *(?::-|:|\u2013|\u2014|-|,)? *")


def _split_that(value: Any) -> Any:
    """Every outcome under ``value`` with its leading "that" moved out of ``text``."""
    if isinstance(value, list):
        return [_split_that(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {key: _split_that(item) for key, item in value.items()}
    text = out.get("text")
    if out.get("type") in _OUTCOME_TAGS and isinstance(text, str) and "that" not in out:
        m = _LEAD_THAT.match(text)
        if m is not None and m.end() > 0:
            out["that"], out["text"] = m.group(1), text[m.end() :]
    return out


def _from_version_6(data: dict[str, Any]) -> dict[str, Any]:
    """Version 6 → 7: outcomes gain ``label`` and ``that``, the document ``source_name``.

    An outcome's ``text`` is now only what was resolved: a version 6 text
    that starts with the introducing "that" gives the word to ``that`` and
    keeps the rest.  ``label`` (not recorded in version 6) and
    ``source_name`` stay ``null``.
    """
    return {
        key: _split_that(value) if key in ("front_matter", "items", "closing") else value
        for key, value in data.items()
    }


def _from_version_7(data: dict[str, Any]) -> dict[str, Any]:
    """Version 7 → 8: the document gains ``front_matter_proceedings`` and ``closing_proceedings``.

    Exchanges, stances, commitments, references and votes read before the
    first item and after the closing line; version 7 did not read them, so
    both default to empty proceedings and nothing needs rewriting.
    """
    return data


MIGRATIONS: Final[dict[int, Migration]] = {
    0: _from_version_0,
    1: _from_version_1,
    2: _from_version_2,
    3: _from_version_3,
    4: _from_version_4,
    5: _from_version_5,
    6: _from_version_6,
    7: _from_version_7,
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

    With orjson installed (the ``json`` extra) the text is read by
    ``orjson.loads``; anything that path does not take whole (malformed JSON,
    an old schema version that does not migrate, data that does not fit the
    model) is read again with the standard library's :mod:`json` and checked
    by the cattrs converter, so what is accepted and every error message are
    the same with orjson or without it.

    :raises SerialisationError: the JSON is malformed, of an unknown schema
        version, or does not fit the model; the message names the field.
    """
    orjson = _orjson()
    if orjson is not None and type(text) in (str, bytes):
        found = _load_fast(orjson.loads, text)
        if found is not None:
            return found
    return _load_checked(text)


_ORJSON: list[Any] = []
"""The orjson module, or ``None`` when it cannot be imported: looked up on first use."""


def _orjson() -> Any:
    """The orjson module if it can be imported (the ``json`` extra), else ``None``.

    Without it :func:`loads` reads with the standard library's :mod:`json`
    and ``dumps(indent=2)`` writes with it: the same documents, the same
    text, the same errors, only slower.
    """
    if not _ORJSON:
        try:
            import orjson
        except ImportError:
            _ORJSON.append(None)
        else:
            _ORJSON.append(orjson)
    return _ORJSON[0]


def _indent_2_encoder(fallback: Callable[[Any], str]) -> Callable[[Any], str] | None:
    """An encoder giving ``json.dumps(value, ensure_ascii=False, indent=2)``'s text through orjson.

    ``None`` without orjson.  orjson's ``OPT_INDENT_2`` writes the same
    separators, indentation and escapes as the standard library for the
    values the model unstructures to (strings, integers, true, false, null,
    lists and dicts); what it refuses (a lone surrogate, an integer beyond
    64 bits) goes to ``fallback``.
    """
    orjson = _orjson()
    if orjson is None:
        return None
    dumps, option = orjson.dumps, orjson.OPT_INDENT_2

    def encode(value: Any) -> str:
        try:
            return typing.cast(bytes, dumps(value, option=option)).decode()
        except TypeError:  # orjson.JSONEncodeError
            return fallback(value)

    return encode


def _load_fast(parse: Callable[[str | bytes], Any], text: str | bytes) -> Document | None:
    """The document read with ``parse`` and the generated functions, or ``None`` to read it the checked way.

    ``None`` for anything but a well-formed current (or cleanly migrated)
    document: orjson refuses some JSON the standard library reads (a UTF-8
    byte order mark in bytes, other encodings, ``NaN``, lone surrogates, deep
    nesting) and reads integers beyond 64 bits as floats, which the
    generated functions refuse; :func:`_load_checked` then decides.
    """
    try:
        data = parse(text)
    except ValueError:  # orjson.JSONDecodeError
        return None
    if type(data) is not dict:
        return None
    version = data.pop("schema_version", None)
    if type(version) is not int or not _OLDEST <= version <= SCHEMA_VERSION:
        return None
    if version != SCHEMA_VERSION:
        try:
            data = _migrate(data, version)
        except SerialisationError:
            return None
    return _structure_fast(data)


def _load_checked(text: str | bytes) -> Document:
    """:func:`loads` through the standard library's :mod:`json`, every refusal explained."""
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
    found = _structure_fast(data)
    return found if found is not None else _structure_checked(data)


def _structure_checked(data: dict[str, Any]) -> Document:
    """Document data through the cattrs converter, every error named with its path.

    The reference path: :func:`loads` comes here only when the fast path
    refuses the data, so that the error says exactly what cattrs says.
    """
    import cattrs

    try:
        doc = _converter().structure(data, Document)
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


# ---------------------------------------------------------------------------
# The fast paths: structure and unstructure code written for the model
# ---------------------------------------------------------------------------
#
# cattrs checks every value through a chain of hooks and collects every error
# with its path; that costs several times what reading the JSON does.  The
# model is fixed, so on first use we write one plain Python function per class
# that takes exactly the JSON the cattrs converter takes (never more: a string
# only for a string field, an array only for a tuple, no extra keys, spans
# inside the source) and builds the same objects.  When that function meets
# anything else it gives up, and :func:`loads` runs the cattrs converter on the
# same data, so every error message is the converter's own.  Unstructuring is
# written the same way and gives the converter's dicts, key for key.


class _Refused(Exception):
    """The fast structure path met data it does not take (the converter decides)."""


_ABSENT: Final = object()
"""A key missing from a JSON object (JSON never holds this value)."""

_TAGGED_UNIONS: Final = (EntryLine, HeadingLine, Block)
"""The unions written with a ``"type"`` tag (see :func:`configure_converter`)."""

_FACTORY: Final[Any] = type(attrs.Factory(list))
"""The class of ``attrs.Factory`` defaults."""

_STRICT_SCALARS: Final = (str, int, bool)
_ISO_TYPES: Final = (datetime.date, datetime.time)


def _plain_slotted(cls: type) -> bool:
    """Whether an instance of ``cls`` can be made by setting its slots.

    True when attrs wrote ``__init__`` to do nothing but store its arguments:
    no validators, converters or init hooks, a slot for each field and nothing
    else.  Other classes are made by calling them.
    """
    init = getattr(typing.cast(Any, cls).__init__, "__code__", None)
    if init is None or not init.co_filename.startswith("<attrs generated"):
        return False
    if hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__"):
        return False
    fields = attrs.fields(cls)
    if any(f.validator is not None or f.converter is not None or not f.init for f in fields):
        return False
    slots = {name for klass in cls.__mro__ for name in getattr(klass, "__slots__", ())} - {"__weakref__"}
    if slots != {f.name for f in fields}:
        return False
    return all(isinstance(getattr(cls, f.name, None), types.MemberDescriptorType) for f in fields)


_HINTS: dict[type, dict[str, Any]] = {}
"""Each model class's resolved field types, shared by the two writers."""


class _Writer:
    """Writes the source of the fast functions and the namespace they run in."""

    def __init__(self) -> None:
        self.ns: dict[str, Any] = {
            "_Refused": _Refused,
            "_ABSENT": _ABSENT,
            "_new": object.__new__,
            "_Span": Span,
            "_set_start": Span.start.__set__,  # type: ignore[attr-defined]
            "_set_end": Span.end.__set__,  # type: ignore[attr-defined]
            "_Decimal": Decimal,
            "_SCHEMA_VERSION": SCHEMA_VERSION,
        }
        if not _plain_slotted(Span):
            raise NotImplementedError("Span is not a plain slotted class")
        self.source: list[str] = []
        self.names: dict[Any, str] = {}
        self.unions: dict[Any, str] = {}
        self._count = 0

    def counter(self) -> int:
        """A number not given before."""
        self._count += 1
        return self._count

    def name(self, stem: str, value: Any) -> str:
        """A fresh global name bound to ``value``."""
        key = f"_{stem}_{len(self.ns)}"
        self.ns[key] = value
        return key

    def hints(self, cls: type) -> list[tuple[attrs.Attribute[Any], Any]]:
        """The fields of ``cls`` in order, with their resolved types."""
        if cls not in _HINTS:
            _HINTS[cls] = typing.get_type_hints(cls)
        return [(f, _HINTS[cls][f.name]) for f in attrs.fields(cls)]

    def union(self, t: Any) -> Any:
        """The tagged union ``t`` is, if it is one."""
        for union in _TAGGED_UNIONS:
            if t == union:
                return union
        return None

    def write(self, lines: list[str]) -> None:
        self.source.extend([*lines, ""])

    prefix = ""
    """Function names are ``<prefix>_<Class>`` (``<prefix>t_<Class>`` for a union member)."""

    def function(self, cls: type, tagged: bool) -> str:
        """The name of the function for ``cls`` (as a member of a tagged union if ``tagged``)."""
        key = (cls, tagged)
        if key not in self.names:
            fn = f"{self.prefix}{'t' if tagged else ''}_{cls.__name__}"
            self.names[key] = fn
            self.write(self.lines(cls, tagged, fn))
        return self.names[key]

    def lines(self, cls: type, tagged: bool, fn: str) -> list[str]:
        """The source of the function ``fn`` for ``cls``."""
        raise NotImplementedError

    def key_of(self, cls: type) -> Any:
        """What a union's table is keyed by, for the member ``cls``."""
        raise NotImplementedError

    def tags(self, union: Any) -> str:
        """The name of the table from each member of ``union`` (by :meth:`key_of`) to its function."""
        if union not in self.unions:
            table: dict[Any, Any] = {}
            self.unions[union] = self.name("union", table)
            functions = {self.key_of(cls): self.function(cls, True) for cls in typing.get_args(union)}
            # The table is filled once the functions exist (see _finish).
            self.ns.setdefault("_fill", []).append((table, functions))
        return self.unions[union]

    def build(self) -> dict[str, Any]:
        code = compile("\n".join(self.source), "<scrutinykit fast serialise>", "exec")
        exec(code, self.ns)
        return self.ns


def _optional_of(t: Any) -> Any:
    """``X`` for ``X | None``, else ``None``."""
    args = typing.get_args(t)
    if typing.get_origin(t) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
        return args[0] if args[1] is type(None) else args[1]
    return None


class _StructureWriter(_Writer):
    """Structure functions: ``_s_<Class>(o, L)`` takes a JSON value and the source length."""

    prefix = "_s"

    def key_of(self, cls: type) -> Any:
        return _tag(cls)

    def lines(self, cls: type, tagged: bool, fn: str) -> list[str]:
        fields = self.hints(cls)
        required = [f for f, _ in fields if f.default is attrs.NOTHING]
        extra = 1 if tagged else 0
        # No type check on ``o``: of the JSON values only an object has ``o[key]``
        # for a string key (a list or a string raises TypeError, so does a number).
        lines = [f"def {fn}(o, L):"]
        if not fields:
            lines.append("    if type(o) is not dict: raise _Refused")
        lines.append(f"    if len(o) == {len(fields) + extra}:")
        lines += [f"        a_{f.name} = o[{f.name!r}]" for f, _ in fields]
        lines.append("    else:")
        for f, _ in fields:
            get = f"o[{f.name!r}]" if f.default is attrs.NOTHING else f"o.get({f.name!r}, _ABSENT)"
            lines.append(f"        a_{f.name} = {get}")
        present = "".join(
            f" + (a_{f.name} is not _ABSENT)" for f, _ in fields if f.default is not attrs.NOTHING
        )
        lines.append(f"        if len(o) != {len(required) + extra}{present}: raise _Refused")
        for f, t in fields:
            var = f"a_{f.name}"
            body = self.statements(t, var)
            if f.default is attrs.NOTHING:
                lines += [f"    {line}" for line in body]
                continue
            default: Any = f.default
            if isinstance(default, _FACTORY):
                if default.takes_self:
                    raise NotImplementedError(f"{cls.__name__}.{f.name}: a default that takes self")
                value = f"{self.name('factory', default.factory)}()"
            else:
                value = self.name("default", default)
            lines.append(f"    if {var} is _ABSENT: {var} = {value}")
            if body:
                lines.append("    else:")
                lines += [f"        {line}" for line in body]
        if _plain_slotted(cls):
            lines.append(f"    r = _new({self.name('cls', cls)})")
            for f, _ in fields:
                setter = self.name("set", getattr(cls, f.name).__set__)
                lines.append(f"    {setter}(r, a_{f.name})")
            lines.append("    return r")
        else:
            args = ", ".join(f"{f.alias}=a_{f.name}" for f, _ in fields)
            lines.append(f"    return {self.name('cls', cls)}({args})")
        return lines

    def element(self, t: Any) -> str:
        """An expression structuring the array element ``x`` of type ``t``."""
        union = self.union(t)
        if union is not None:
            return f"{self.tags(union)}[x['type']](x, L)"
        if attrs.has(t) and t is not Span:
            return f"{self.function(t, False)}(x, L)"
        key = ("element", t)
        if key not in self.names:
            fn = f"_e_{len(self.names)}"
            self.names[key] = fn
            self.write(
                [f"def {fn}(x, L):", *(f"    {line}" for line in self.statements(t, "x")), "    return x"]
            )
        return f"{self.names[key]}(x, L)"

    def statements(self, t: Any, var: str) -> list[str]:
        """Statements that check ``var`` (a JSON value) and turn it into a value of type ``t``."""
        refuse = "raise _Refused"
        if t in _STRICT_SCALARS:
            return [f"if type({var}) is not {t.__name__}: {refuse}"]
        if t is Span:
            a, b = f"{var}_a", f"{var}_b"
            return [
                f"if type({var}) is not list: {refuse}",
                f"{a}, {b} = {var}",  # anything but two values raises
                f"if type({a}) is not int or type({b}) is not int or not 0 <= {a} <= {b} <= L: {refuse}",
                f"{var} = _new(_Span)",
                f"_set_start({var}, {a})",
                f"_set_end({var}, {b})",
            ]
        if t is Decimal:
            return [f"if type({var}) is not str: {refuse}", f"{var} = _Decimal({var})"]
        if t in _ISO_TYPES:
            parse = self.name("fromisoformat", t.fromisoformat)
            return [f"if type({var}) is not str: {refuse}", f"{var} = {parse}({var})"]
        if isinstance(t, type) and issubclass(t, enum.Enum):
            if not all(type(m.value) is str for m in t):
                return [f"{var} = {self.name('enum', t)}({var})"]
            # Only strings are keys, and no other JSON value equals a string: a
            # look-up finds exactly what ``t(value)`` finds (or raises).
            members = self.name("members", {m.value: m for m in t} | dict(t._value2member_map_))
            return [f"{var} = {members}[{var}]"]
        other = _optional_of(t)
        if other is not None:
            inner = self.statements(other, var)
            return [f"if {var} is not None:", *(f"    {line}" for line in inner)] if inner else []
        if _is_homogeneous_tuple(t):
            return [
                f"if type({var}) is not list: {refuse}",
                f"{var} = tuple([{self.element(typing.get_args(t)[0])} for x in {var}])",
            ]
        union = self.union(t)
        if union is not None:
            return [f"{var} = {self.tags(union)}[{var}['type']]({var}, L)"]
        if attrs.has(t):
            return [f"{var} = {self.function(t, False)}({var}, L)"]
        raise NotImplementedError(f"no fast structure for {t!r}")


class _UnstructureWriter(_Writer):
    """Unstructure functions: ``_u_<Class>(x)`` gives the converter's dict for ``x``."""

    prefix = "_u"

    def key_of(self, cls: type) -> Any:
        return cls

    def lines(self, cls: type, tagged: bool, fn: str) -> list[str]:
        items = [f"{f.name!r}: {self.expression(t, f'x.{f.name}')}" for f, t in self.hints(cls)]
        if tagged:
            items.append(f"'type': {_tag(cls)!r}")
        if cls is Document:
            items.insert(0, "'schema_version': _SCHEMA_VERSION")
        lines = [f"def {fn}(x):", "    return {", *(f"        {item}," for item in items), "    }"]
        if cls is Document:
            lines += ["", *self.fields(cls)]
        return lines

    def fields(self, cls: type) -> list[str]:
        """The source of ``_uf_<Class>(x)``: ``(key, value, each)`` for each key of the dict, in order.

        ``each`` is ``None`` and ``value`` the key's JSON-ready value; or, for
        a tuple of values that need unstructuring, ``value`` is the tuple itself
        and ``each`` the function giving an element's JSON-ready value, so that
        the elements can be written one at a time (see :func:`_pieces`).
        """
        entries = ["('schema_version', _SCHEMA_VERSION, None)"] if cls is Document else []
        for f, t in self.hints(cls):
            if _is_homogeneous_tuple(t):
                element = self.expression(typing.get_args(t)[0], "e")
                if element != "e":
                    each = f"_each_{self.counter()}"
                    self.write([f"def {each}(e):", f"    return {element}"])
                    entries.append(f"({f.name!r}, x.{f.name}, {each})")
                    continue
            entries.append(f"({f.name!r}, {self.expression(t, f'x.{f.name}')}, None)")
        return [f"def _uf_{cls.__name__}(x):", "    return (", *(f"        {e}," for e in entries), "    )"]

    def expression(self, t: Any, value: str) -> str:
        """An expression giving the JSON-ready form of ``value``, of type ``t``."""
        if t in _STRICT_SCALARS:
            return value
        if t is Span:
            return f"[{value}.start, {value}.end]"
        if t is Decimal:
            return f"str({value})"
        if t in _ISO_TYPES:
            return f"{value}.isoformat()"
        if isinstance(t, type) and issubclass(t, enum.Enum):
            if "_value_" in t.__annotations__:
                raise NotImplementedError(f"no fast unstructure for the typed enum {t!r}")
            # ``_value_`` is what ``.value`` returns, read as a plain attribute:
            # ``.value`` is a descriptor written in Python, a call per member read.
            return f"{value}._value_"
        other = _optional_of(t)
        if other is not None:
            v = f"_v{self.counter()}"
            inner = self.expression(other, v)
            if inner == v:
                return value
            return f"(None if ({v} := {value}) is None else {inner})"
        if _is_homogeneous_tuple(t):
            element = self.expression(typing.get_args(t)[0], "e")
            return f"list({value})" if element == "e" else f"[{element} for e in {value}]"
        union = self.union(t)
        if union is not None:
            return f"{self.tags(union)}[{value}.__class__]({value})"
        if attrs.has(t):
            return f"{self.function(t, False)}({value})"
        raise NotImplementedError(f"no fast unstructure for {t!r}")


def _finish(ns: dict[str, Any]) -> None:
    """Fill the tag tables with the functions now that they exist."""
    for table, functions in ns.pop("_fill", []):
        for key, fn in functions.items():
            table[key] = ns[fn]


def _write(writer: _Writer) -> Callable[..., Any] | None:
    """The function ``writer`` writes for :class:`Document`, or ``None`` if the model
    has a type it does not know (then the converter does all the work)."""
    try:
        top = writer.function(Document, False)
    except NotImplementedError:
        return None
    ns = writer.build()
    _finish(ns)
    return typing.cast(Callable[..., Any], ns[top])


_STRUCTURE: list[Callable[[dict[str, Any], int], Document] | None] = []
_UNSTRUCTURE: list[Callable[[Document], dict[str, Any]] | None] = []


def _fast_structure() -> Callable[[dict[str, Any], int], Document] | None:
    """``structure(data, len(source))``, written on first use (``None``: not for this model)."""
    if not _STRUCTURE:
        _STRUCTURE.append(_write(_StructureWriter()))
    return _STRUCTURE[0]


_FIELDS: list[Callable[[Document], tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]] | None] = []


def _fast_unstructure() -> Callable[[Document], dict[str, Any]] | None:
    """``unstructure(document)`` giving :func:`to_dict`'s data, written on first use."""
    if not _UNSTRUCTURE:
        writer = _UnstructureWriter()
        top = _write(writer)
        _FIELDS.append(None if top is None else writer.ns["_uf_Document"])
        _UNSTRUCTURE.append(top)
    return _UNSTRUCTURE[0]


def _fast_fields() -> Callable[[Document], tuple[tuple[str, Any, Callable[[Any], Any] | None], ...]] | None:
    """``fields(document)``: :func:`to_dict`'s data key by key, tuples unconverted (``_uf_Document``)."""
    _fast_unstructure()
    return _FIELDS[0]


def _structure_fast(data: dict[str, Any]) -> Document | None:
    """The document from its data, or ``None`` when the data needs the converter's verdict."""
    structure = _fast_structure()
    source = data.get("source")
    if structure is None or type(source) is not str:
        return None
    try:
        return structure(data, len(source))
    except Exception:  # anything at all: the converter says what is wrong
        return None
