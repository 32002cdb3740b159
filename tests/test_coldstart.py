"""What ``import scrutinykit`` loads, and that the names it defers still resolve."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import scrutinykit as sk

from .conftest import ROOT

#: Modules a program that only imports scrutinykit (and never parses,
#: serialises, checks or displays) must not pay for.
DEFERRED = (
    "lark",
    "cattrs",
    "json",
    "html",
    "multiprocessing",
    "scrutinykit._api",
    "scrutinykit._batch",
    "scrutinykit._check",
    "scrutinykit._display",
    "scrutinykit._serialise",
    "scrutinykit._tables",
)


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter from the repository root; its standard output."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout


def test_import_defers_parser_json_and_display() -> None:
    """A fresh ``import scrutinykit`` leaves lark, cattrs, json, html and the optional modules unloaded."""
    out = _run(f"import sys, scrutinykit; print([m for m in {DEFERRED!r} if m in sys.modules])")
    assert out.strip() == "[]"


def test_parse_alone_does_not_load_json_or_display() -> None:
    """Parsing a file loads the parser but not cattrs, json, the display or the tables."""
    code = (
        "import sys, scrutinykit; scrutinykit.parse_file('seeds/002_eb523b947f5c9452.txt'); "
        "print(sorted(m for m in ('lark', 'cattrs', 'scrutinykit._serialise', 'scrutinykit._display', "
        "'scrutinykit._tables', 'multiprocessing') if m in sys.modules))"
    )
    assert _run(code).strip() == "['lark']"


def test_every_public_name_resolves_to_its_module_object() -> None:
    """Each name in ``__all__`` is reachable, listed by dir(), and is the object its module defines."""
    assert len(set(sk.__all__)) == len(sk.__all__)
    assert set(sk.__all__) <= set(dir(sk))
    for name in sk.__all__:
        value = getattr(sk, name)
        if name == "__version__":
            assert isinstance(value, str)
            continue
        module = getattr(value, "__module__", None)
        if isinstance(module, str) and module.startswith("scrutinykit."):
            assert getattr(importlib.import_module(module), name) is value, name
    assert sk.parse is importlib.import_module("scrutinykit._api").parse
    assert sk.dumps is importlib.import_module("scrutinykit._serialise").dumps


def test_from_import_of_deferred_names() -> None:
    """``from scrutinykit import dumps, parse_many, COLUMNS`` works in a fresh interpreter."""
    out = _run("from scrutinykit import COLUMNS, SCHEMA_VERSION, dumps, parse_many; print(callable(dumps))")
    assert out.strip() == "True"


def test_unknown_name_is_an_attribute_error() -> None:
    """A name scrutinykit does not define raises AttributeError, not an import of something else."""
    with pytest.raises(AttributeError, match="no_such_name"):
        getattr(sk, "no_such_name")  # noqa: B009


def test_notebook_view_in_a_fresh_interpreter() -> None:
    """Outcomes, items and documents show HTML in a notebook without importing the display module first."""
    code = (
        "import scrutinykit as sk\n"
        "doc = sk.parse_file('seeds/002_eb523b947f5c9452.txt')\n"
        "print(doc._repr_html_().startswith('<div'), doc.items[0]._repr_html_().startswith('<div'),\n"
        "      doc.outcomes()[0]._repr_html_().startswith('<div'))\n"
    )
    assert _run(code).split() == ["True", "True", "True"]
