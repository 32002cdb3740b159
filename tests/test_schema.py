"""The JSON Schema: generated from the model, published, obeyed, and versioned.

* Every golden file, every seed's fresh JSON and generated documents validate.
* The schema rejects what ``loads`` rejects, for the usual ways JSON goes wrong.
* ``docs/schema.json`` is exactly what :func:`json_schema` gives.
* The shape of the schema is tied to ``SCHEMA_VERSION`` by a fingerprint
  recorded in ``tests/schema_versions.json``.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import scrutinykit as sk
from scrutinykit.io.schema import json_schema, schema_fingerprint, schema_id, schema_text

from .conftest import ROOT, SEEDS
from .test_serialise import documents

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.json"))
PUBLISHED = ROOT / "docs" / "schema.json"
VERSIONS = ROOT / "tests" / "schema_versions.json"

Validator = jsonschema.Draft202012Validator
_GENERATED_VALIDATOR = Validator(json_schema(), format_checker=Validator.FORMAT_CHECKER)


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    """A draft 2020-12 validator of the schema that checks formats too."""
    return Validator(json_schema(), format_checker=Validator.FORMAT_CHECKER)


def errors(validator: jsonschema.protocols.Validator, data: object) -> list[str]:
    """The validation errors, each with the path to where it is."""
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]


def test_schema_is_a_valid_2020_12_schema() -> None:
    """The generated schema follows the draft 2020-12 metaschema."""
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Validator.check_schema(schema)


def test_golden_files_exist() -> None:
    """There is a golden file to validate for every seed."""
    assert len(GOLDEN) == len(SEEDS) > 0


@pytest.mark.parametrize("path", GOLDEN, ids=lambda p: p.name[:3])
def test_golden_file_validates(path: Path, validator: jsonschema.protocols.Validator) -> None:
    """Every golden JSON file fits the schema."""
    assert errors(validator, json.loads(path.read_text(encoding="utf-8"))) == []


def test_fresh_seed_json_validates(
    seed_docs: dict[str, sk.Document], validator: jsonschema.protocols.Validator
) -> None:
    """What dumps writes for every seed now fits the schema."""
    assert len(seed_docs) == len(SEEDS)
    for key, doc in seed_docs.items():
        assert errors(validator, json.loads(sk.dumps(doc))) == [], key


@settings(max_examples=100, deadline=None)
@given(documents)
def test_generated_documents_validate(doc: sk.Document) -> None:
    """Any model instance, however odd, serialises to JSON that fits the schema."""
    assert errors(_GENERATED_VALIDATOR, json.loads(sk.dumps(doc))) == []


# ---------------------------------------------------------------------------
# The schema is not vacuous: it rejects what loads rejects
# ---------------------------------------------------------------------------


def _first_block(data: dict[str, Any], tag: str) -> dict[str, Any]:
    """The first block (anywhere in the document) with the given type tag."""
    found: list[dict[str, Any]] = []

    def visit(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == tag:
                found.append(node)
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(data)
    assert found, f"no {tag} in the seed"
    return found[0]


def _drop_tag(d: dict[str, Any]) -> None:
    del _first_block(d, "resolution")["type"]


def _unknown_tag(d: dict[str, Any]) -> None:
    _first_block(d, "resolution")["type"] = "verdict"


def _tag_on_untagged(d: dict[str, Any]) -> None:
    _first_block(d, "resolution")["intro"]["type"] = "paragraph"


def _extra_key(d: dict[str, Any]) -> None:
    d["meeting"]["chair"] = "Councillor Nobody"


def _missing_key(d: dict[str, Any]) -> None:
    del d["items"][0]["title"]


def _span_of_three(d: dict[str, Any]) -> None:
    d["items"][0]["span"] = [*d["items"][0]["span"], 9]


def _negative_span(d: dict[str, Any]) -> None:
    d["items"][0]["span"] = [-1, 4]


def _span_as_object(d: dict[str, Any]) -> None:
    start, end = d["items"][0]["span"]
    d["items"][0]["span"] = {"start": start, "end": end}


def _figure(value: object) -> dict[str, Any]:
    """A figure that is valid but for its value (seed 002 has none of its own)."""
    return {"span": [0, 4], "kind": "money", "value": value, "text": "£1.5m", "unit": None}


def test_a_valid_figure_passes(
    seed_docs: dict[str, sk.Document], validator: jsonschema.protocols.Validator
) -> None:
    """The figure the decimal mutations break is valid with a string value."""
    data = json.loads(sk.dumps(seed_docs["002"]))
    data["figures"] = [_figure("1500000"), _figure("7.5"), _figure("-0"), _figure("1.5E+6")]
    assert errors(validator, data) == []
    assert [f.value for f in sk.loads(json.dumps(data)).figures][-1] == 1500000


def _decimal_as_number(d: dict[str, Any]) -> None:
    d["figures"] = [_figure(1500000.0)]


def _decimal_not_a_number(d: dict[str, Any]) -> None:
    d["figures"] = [_figure("lots")]


def _unknown_enum_value(d: dict[str, Any]) -> None:
    d["items"][0]["kind"] = "tea_break"


def _date_as_number(d: dict[str, Any]) -> None:
    d["meeting"]["date"] = 20170919


def _time_not_a_time(d: dict[str, Any]) -> None:
    d["meeting"]["start_time"] = "half past six"


def _future_version(d: dict[str, Any]) -> None:
    d["schema_version"] = sk.SCHEMA_VERSION + 1


def _null_where_required(d: dict[str, Any]) -> None:
    d["attendance"]["present"] = None


MUTATIONS: list[Callable[[dict[str, Any]], None]] = [
    _drop_tag,
    _unknown_tag,
    _tag_on_untagged,
    _extra_key,
    _missing_key,
    _span_of_three,
    _negative_span,
    _span_as_object,
    _decimal_as_number,
    _decimal_not_a_number,
    _unknown_enum_value,
    _date_as_number,
    _time_not_a_time,
    _future_version,
    _null_where_required,
]


@pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda f: f.__name__.strip("_"))
def test_schema_and_loads_reject_the_same_breakage(
    mutate: Callable[[dict[str, Any]], None],
    seed_docs: dict[str, sk.Document],
    validator: jsonschema.protocols.Validator,
) -> None:
    """A broken document fails the schema, and loads refuses it too."""
    data = json.loads(sk.dumps(seed_docs["002"]))
    assert errors(validator, data) == []
    mutate(data)
    assert errors(validator, data) != []
    with pytest.raises(sk.SerialisationError):
        sk.loads(json.dumps(data))


def test_every_union_member_must_carry_its_tag() -> None:
    """In each union, every member has a required "type" tag, as cattrs writes it."""
    schema = json_schema()
    for name in ("Block", "EntryLine", "HeadingLine"):
        for option in schema["$defs"][name]["oneOf"]:
            definition = schema["$defs"][option["$ref"].rsplit("/", 1)[1]]
            assert "type" in definition["properties"], name
            assert "type" in definition["required"] or option.get("required") == ["type"], name


# ---------------------------------------------------------------------------
# Published and versioned
# ---------------------------------------------------------------------------


def test_published_schema_is_the_generated_one() -> None:
    """docs/schema.json cannot drift from the model."""
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema.json is out of date: run `python -m scrutinykit.io.schema > docs/schema.json` "
        "(and see test_schema_changes_only_with_schema_version)"
    )


def test_schema_names_its_version() -> None:
    """The schema's schema_version const, $id and title all name SCHEMA_VERSION."""
    schema = json_schema()
    assert schema["properties"]["schema_version"]["const"] == sk.SCHEMA_VERSION
    assert schema["required"][0] == "schema_version"
    assert schema["$id"] == schema_id(sk.SCHEMA_VERSION)
    assert schema["$id"].endswith(f":v{sk.SCHEMA_VERSION}")
    assert f"version {sk.SCHEMA_VERSION}" in schema["title"]


def test_schema_changes_only_with_schema_version() -> None:
    """The schema's shape is recorded for SCHEMA_VERSION: change one, change the other.

    When this fails after a change to the model or to the JSON rules, JSON
    written by the previous release may no longer load or validate.  Bump
    ``SCHEMA_VERSION`` in ``src/scrutinykit/io/serialise.py``, teach ``_migrate``
    the old form, record the new fingerprint under the new version here,
    regenerate ``docs/schema.json``, and describe the change in
    ``docs/json.md`` and ``CHANGELOG.md``.
    """
    recorded: dict[str, str] = json.loads(VERSIONS.read_text(encoding="utf-8"))
    current = schema_fingerprint()
    version = str(sk.SCHEMA_VERSION)
    how = (
        f"bump SCHEMA_VERSION to {sk.SCHEMA_VERSION + 1}, add a migration in _serialise._migrate, "
        f'record "{sk.SCHEMA_VERSION + 1}": "{current}" in tests/schema_versions.json, '
        "regenerate docs/schema.json and note the change in docs/json.md and CHANGELOG.md"
    )
    assert version in recorded, (
        f'no fingerprint recorded for schema version {version}: add "{version}": "{current}"'
    )
    assert recorded[version] == current, f"the JSON form changed but SCHEMA_VERSION did not: {how}"
    assert max(int(v) for v in recorded) == sk.SCHEMA_VERSION, (
        "a recorded version is newer than SCHEMA_VERSION"
    )
    assert len(set(recorded.values())) == len(recorded), "two schema versions have the same shape"


def test_fingerprint_ignores_descriptions_but_not_shape() -> None:
    """Rewording a docstring keeps the fingerprint; changing a field changes it."""
    schema = json_schema()
    reworded = copy.deepcopy(schema)
    reworded["$defs"]["Person"]["properties"]["name"]["description"] = "Reworded."
    reworded["$defs"]["Person"]["description"] = "Reworded."
    assert schema_fingerprint(reworded) == schema_fingerprint(schema)
    reshaped = copy.deepcopy(schema)
    # "description" is also the name of a Person field: a property, not an annotation.
    del reshaped["$defs"]["Person"]["properties"]["description"]
    assert schema_fingerprint(reshaped) != schema_fingerprint(schema)
    retyped = copy.deepcopy(schema)
    retyped["$defs"]["Span"]["prefixItems"][0]["minimum"] = 1
    assert schema_fingerprint(retyped) != schema_fingerprint(schema)


def test_schema_module_prints_the_published_text(capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m scrutinykit.io.schema`` writes what is published; --fingerprint its hash."""
    from scrutinykit.io.schema import main

    assert main([]) == 0
    assert capsys.readouterr().out == schema_text()
    assert main(["--fingerprint"]) == 0
    assert capsys.readouterr().out == schema_fingerprint() + "\n"
    assert main(["--bogus"]) == 2
