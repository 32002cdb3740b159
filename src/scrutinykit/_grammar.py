"""Find and load the grammar files that ship with scrutinykit.

The ``.lark`` files live in the top-level ``grammar/`` folder of the source
tree and are copied into the wheel as ``scrutinykit/grammar/``.  They are
loaded with :mod:`importlib.resources`; in a source checkout (no wheel) the
folder beside ``src/`` is used instead.

Lark caches the analysed LALR tables between processes, but its contextual
lexer compiles, on first use in each process, one regular expression per
lexer state: the union of the terminals that state accepts, several
kilobytes each, about 8 ms apiece with :mod:`re`.  The lexers compile them
through the process's :class:`~scrutinykit._patterns.PatternStore`, which
keeps what :mod:`re` compiled them to between processes (see that module
for its guarantees); the patterns, and so the tokens and trees, are the
same either way.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ._errors import GrammarError
from ._patterns import PatternStore, store

if TYPE_CHECKING:
    from lark import Lark

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
                from lark import Lark

                path = grammar_dir() / GRAMMAR_FILE
                try:
                    parser = Lark.open(
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
                _use_pattern_cache(parser, store())
                _parser = parser
    return _parser


def _use_pattern_cache(parser: Lark, patterns: PatternStore) -> None:
    """Have every lexer of ``parser`` compile its patterns through ``patterns``."""
    from lark.lexer import BasicLexer, ContextualLexer

    lexer = getattr(parser.parser, "lexer", None)
    if not isinstance(lexer, ContextualLexer):  # pragma: no cover - the grammar uses the contextual lexer
        return
    for basic in (*lexer.lexers.values(), lexer.root_lexer):
        if isinstance(basic, BasicLexer) and getattr(basic, "_scanner", None) is None:
            basic.re = patterns  # type: ignore[assignment]
