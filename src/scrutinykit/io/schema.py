"""The JSON Schema (draft 2020-12) of scrutinykit's JSON form, generated from the model.

Nothing here is written by hand: :func:`json_schema` walks the attrs classes
of :mod:`scrutinykit._model` and their type hints, following the rules of
:mod:`scrutinykit.io.serialise`:

* every attrs class is an object with exactly its fields, all of them
  required (``dumps`` writes every field, defaults included);
* a member of a union of classes (``Block``, ``EntryLine``, ``HeadingLine``)
  carries a ``"type"`` tag naming its class in snake case, so a union is a
  ``oneOf`` discriminated by ``"type": {"const": …}``; where a class stands
  alone (a ``Paragraph`` as an outcome's intro) it has no tag;
* a ``Span`` is a ``[start, end]`` pair of integers;
* dates are ISO ``YYYY-MM-DD`` strings (``format: date``); times are ISO
  local times ``hh:mm:ss[.ffffff]`` (a pattern, not ``format: time``, which
  means an RFC 3339 time *with* an offset);
* a ``Decimal`` is a string holding a finite decimal number;
* an enum is a string, one of its values; ``X | None`` may be ``null``;
  a ``tuple[X, ...]`` is an array.

Descriptions come from the docstrings under each field in the model's
source; they are left out when the source cannot be read.

``python -m scrutinykit.io.schema`` prints the schema (it is published as
``docs/schema.json``); ``--fingerprint`` prints :func:`schema_fingerprint`,
the hash that ``tests/schema_versions.json`` ties to each ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import ast
import datetime
import enum
import hashlib
import inspect
import itertools
import json
import sys
import types
from decimal import Decimal
from typing import Any, Union, get_args, get_origin, get_type_hints

import attrs

from .. import _model
from .serialise import SCHEMA_VERSION, _tag

__all__ = ["DIALECT", "json_schema", "schema_fingerprint", "schema_id", "schema_text"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect the schema is written in."""

DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$"
"""A finite decimal number as ``str(Decimal)`` writes it: ``1100000``, ``7.5``, ``-0``, ``1E+6``."""

TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?$"
"""A local time as ``datetime.time.isoformat()`` writes it: ``18:30:00``."""

# Keywords that describe rather than constrain: left out of the fingerprint.
_ANNOTATIONS = frozenset({"$id", "title", "description", "default", "examples", "$comment"})
# Keywords whose value maps names (not keywords) to subschemas.
_NAMED_SUBSCHEMAS = frozenset({"properties", "$defs", "patternProperties", "dependentSchemas"})
# Keywords whose value is a list of subschemas.
_SUBSCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
# Keywords whose value is a single subschema.
_SUBSCHEMAS = frozenset({"items", "not", "additionalProperties", "unevaluatedProperties", "contains"})


def schema_id(version: int = SCHEMA_VERSION) -> str:
    """The ``$id`` of the schema of JSON form ``version``."""
    return f"urn:scrutinykit:json-schema:document:v{version}"


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _docstrings() -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """Docstrings under the model's fields (by class) and under its module-level names."""
    try:
        tree = ast.parse(inspect.getsource(_model))
    except (OSError, TypeError, SyntaxError):  # no source to read: no descriptions
        return {}, {}

    def under_names(body: list[ast.stmt]) -> dict[str, str]:
        found: dict[str, str] = {}
        for stmt, following in itertools.pairwise(body):
            if isinstance(stmt, ast.AnnAssign):
                targets: list[ast.expr] = [stmt.target]
            elif isinstance(stmt, ast.Assign):
                targets = stmt.targets
            else:
                continue
            if (
                len(targets) == 1
                and isinstance(targets[0], ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                found[targets[0].id] = inspect.cleandoc(following.value.value)
        return found

    fields = {node.name: under_names(node.body) for node in tree.body if isinstance(node, ast.ClassDef)}
    return fields, under_names(tree.body)


def _json_default(value: object) -> object:
    """A field default as JSON, or ``NOTHING`` when it has no plain JSON form."""
    if isinstance(value, enum.Enum):
        return value.value
    if value == ():
        return []
    if value is None or isinstance(value, (str, bool, int)):
        return value
    return attrs.NOTHING


class _Builder:
    """Walks the model's types, collecting ``$defs`` and the places classes are used."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.field_docs, self.name_docs = _docstrings()
        self.union_names = {
            value: name
            for name, value in vars(_model).items()
            if not name.startswith("_") and get_origin(value) is Union
        }
        # Where each class is used: (the schema at that place, whether it is tagged).
        self.uses: dict[type, list[tuple[dict[str, Any], bool]]] = {}

    # -- types ---------------------------------------------------------------

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = get_origin(tp)
        if origin is Union or origin is types.UnionType:
            return self.union_schema(get_args(tp))
        if origin is tuple:
            args = get_args(tp)
            if len(args) != 2 or args[1] is not Ellipsis:
                raise TypeError(f"no JSON Schema for the fixed-length tuple {tp!r}")
            return {"type": "array", "items": self.type_schema(args[0])}
        if tp is type(None):
            return {"type": "null"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is str:
            return {"type": "string"}
        if tp is datetime.date:
            return {"type": "string", "format": "date"}
        if tp is datetime.time:
            return {"type": "string", "pattern": TIME_PATTERN}
        if tp is Decimal:
            return {"type": "string", "pattern": DECIMAL_PATTERN}
        if tp is _model.Span:
            self.defs.setdefault("Span", self.span_schema())
            return _ref("Span")
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            self.defs.setdefault(tp.__name__, self.enum_schema(tp))
            return _ref(tp.__name__)
        if isinstance(tp, type) and attrs.has(tp):
            return self.class_use(tp, tagged=False)
        raise TypeError(f"no JSON Schema for {tp!r}: teach scrutinykit.io.schema this type")

    def union_schema(self, args: tuple[Any, ...]) -> dict[str, Any]:
        members = [a for a in args if a is not type(None)]
        if len(members) < len(args):
            inner = self.type_schema(members[0] if len(members) == 1 else Union[tuple(members)])
            return {"anyOf": [inner, {"type": "null"}]}
        if not all(isinstance(m, type) and attrs.has(m) for m in members):
            raise TypeError(f"no JSON Schema for the union of {members!r}: only classes are tagged")
        union: Any = Union[tuple(members)]
        name = self.union_names.get(union)
        tagged: dict[str, Any] = {"oneOf": [self.class_use(m, tagged=True) for m in members]}
        if name is None:
            return tagged
        if name not in self.defs:
            self.defs[name] = self.described(tagged, self.name_docs.get(name))
        return _ref(name)

    # -- definitions ---------------------------------------------------------

    @staticmethod
    def described(schema: dict[str, Any], doc: str | None) -> dict[str, Any]:
        """``schema`` with ``doc`` as its description, first; in place, as uses are patched later."""
        if doc:
            rest = list(schema.items())
            schema.clear()
            schema["description"] = doc
            schema.update(rest)
        return schema

    def span_schema(self) -> dict[str, Any]:
        offset = {"type": "integer", "minimum": 0}
        return {
            "description": "A half-open range [start, end) of offsets (in Unicode code points) into "
            "the original text, written as a pair; start <= end.",
            "type": "array",
            "prefixItems": [offset, offset],
            "minItems": 2,
            "maxItems": 2,
        }

    def enum_schema(self, cls: type[enum.Enum]) -> dict[str, Any]:
        member_docs = self.field_docs.get(cls.__name__, {})
        values = []
        for member in cls:
            doc = member_docs.get(member.name)
            values.append(f"- `{member.value}`" + (f": {doc}" if doc else ""))
        description = inspect.cleandoc(cls.__doc__ or "") + "\n\n" + "\n".join(values)
        return {"description": description.strip(), "type": "string", "enum": [m.value for m in cls]}

    def class_use(self, cls: type, *, tagged: bool) -> dict[str, Any]:
        if cls.__name__ not in self.defs:
            self.defs[cls.__name__] = {}  # placeholder: the model is recursive (Point in Point)
            self.defs[cls.__name__] = self.class_schema(cls)
        use = _ref(cls.__name__)
        self.uses.setdefault(cls, []).append((use, tagged))
        return use

    def properties(self, cls: type) -> tuple[dict[str, Any], list[str]]:
        hints = get_type_hints(cls, vars(_model))
        props: dict[str, Any] = {}
        for f in attrs.fields(cls):
            schema = self.type_schema(hints[f.name])
            doc = next(
                (d for c in cls.__mro__ if (d := self.field_docs.get(c.__name__, {}).get(f.name))), None
            )
            prop = self.described(schema, doc)
            if f.default is not attrs.NOTHING:
                default = _json_default(f.default)
                if default is not attrs.NOTHING:
                    prop["default"] = default
            props[f.name] = prop
        return props, list(props)

    def class_schema(self, cls: type) -> dict[str, Any]:
        props, required = self.properties(cls)
        schema = {"type": "object", "properties": props, "required": required, "additionalProperties": False}
        return self.described(schema, inspect.cleandoc(cls.__doc__ or ""))

    def tag_classes(self) -> None:
        """Give the ``"type"`` tag to the classes used in unions, where they are so used."""
        for cls, uses in self.uses.items():
            modes = {tagged for _, tagged in uses}
            if True not in modes:
                continue
            definition = self.defs[cls.__name__]
            tag = {"type": {"const": _tag(cls), "description": "The tag naming the class in a union."}}
            definition["properties"] = {**tag, **definition["properties"]}
            if modes == {True}:
                definition["required"] = ["type", *definition["required"]]
                continue
            # Used both ways: the tag is required in unions and absent elsewhere.
            for use, tagged in uses:
                use.update({"required": ["type"]} if tagged else {"properties": {"type": False}})


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what :func:`scrutinykit.dumps` writes."""
    builder = _Builder()
    props, required = builder.properties(_model.Document)
    builder.tag_classes()
    version = {
        "description": "The version of the JSON form; it changes whenever this schema does.",
        "const": SCHEMA_VERSION,
    }
    doc = inspect.cleandoc(_model.Document.__doc__ or "")
    return {
        "$schema": DIALECT,
        "$id": schema_id(),
        "title": f"scrutinykit document, JSON form version {SCHEMA_VERSION}",
        "description": f"{doc}\n\nWritten by scrutinykit.dumps(); read back by scrutinykit.loads().",
        "type": "object",
        "properties": {"schema_version": version, **props},
        "required": ["schema_version", *required],
        "additionalProperties": False,
        "$defs": dict(sorted(builder.defs.items())),
    }


def schema_text() -> str:
    """The schema as published in ``docs/schema.json``: indented JSON and a final newline."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def _constraints(schema: Any) -> Any:
    """``schema`` without its annotations (descriptions, titles, defaults, ``$id``)."""
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key in _NAMED_SUBSCHEMAS:
            out[key] = {name: _constraints(sub) for name, sub in value.items()}
        elif key in _SUBSCHEMA_LISTS:
            out[key] = [_constraints(sub) for sub in value]
        elif key in _SUBSCHEMAS:
            out[key] = _constraints(value)
        else:
            out[key] = value
    return out


def schema_fingerprint(schema: dict[str, Any] | None = None) -> str:
    """SHA-256 of what the schema accepts (annotations left out), as hex.

    Editing a docstring leaves it alone; any change to the shape of the JSON
    changes it, and then ``SCHEMA_VERSION`` must change too.
    """
    canonical = json.dumps(
        _constraints(json_schema() if schema is None else schema), sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    """``python -m scrutinykit.io.schema [--fingerprint]``."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--fingerprint"]:
        sys.stdout.write(schema_fingerprint() + "\n")
    elif not args:
        sys.stdout.write(schema_text())
    else:
        sys.stderr.write("usage: python -m scrutinykit.io.schema [--fingerprint]\n")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
