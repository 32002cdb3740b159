"""Find and load the grammar files that ship with scrutinykit.

The ``.lark`` files live in the top-level ``grammar/`` folder of the source
tree and are copied into the wheel as ``scrutinykit/grammar/``.  They are
loaded with :mod:`importlib.resources`; in a source checkout (no wheel) the
folder beside ``src/`` is used instead.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path

from lark import Lark

from ._errors import GrammarError

__all__ = ["GRAMMAR_FILE", "grammar_dir", "load_parser"]

GRAMMAR_FILE = "minutes.lark"
"""The grammar's entry file."""

_lock = threading.Lock()
_parser: Lark | None = None


def grammar_dir() -> Path:
    """The folder holding the grammar files."""
    try:
        shipped = resources.files("scrutinykit") / "grammar"
        if shipped.is_dir() and (shipped / GRAMMAR_FILE).is_file():
            return Path(str(shipped))
    except (ModuleNotFoundError, OSError):  # pragma: no cover - defensive
        pass
    checkout = Path(__file__).resolve().parents[2] / "grammar"
    if (checkout / GRAMMAR_FILE).is_file():
        return checkout
    raise GrammarError(f"cannot find the grammar file {GRAMMAR_FILE!r}: is scrutinykit installed whole?")


def load_parser() -> Lark:
    """The LALR parser over the grammar, built once per process."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                path = grammar_dir() / GRAMMAR_FILE
                try:
                    _parser = Lark.open(
                        str(path),
                        parser="lalr",
                        lexer="contextual",
                        strict=True,
                        cache=True,
                        propagate_positions=False,
                        maybe_placeholders=False,
                    )
                except Exception as exc:  # lark raises many kinds here
                    raise GrammarError(f"cannot load the grammar {path}: {exc}") from exc
    return _parser
