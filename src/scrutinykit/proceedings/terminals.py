"""The proceedings' vocabulary: ``grammar/proceedings.lark``'s terminals, compiled once.

Reads: the vocabulary grammar beside ``minutes.lark`` (documented terminals
such as ``ASK_OPENER``, ``RESPONSE_VERB``, ``UNDERTAKING_VERB``,
``DUE_MEETING``).  Guarantees: :func:`vocabulary` gives each terminal's
pattern, as Lark turns it into a regular expression, compiled, keyed by the
terminal's name; the table is made once per process (and kept in the pattern
store, so a process whose store has it needs no Lark here).  Every rule
module takes its phrases from here: none spells a formula of its own.
"""

from __future__ import annotations

import hashlib
import importlib.util
import re
import threading
from pathlib import Path

from ..parsing import patterns as rx
from ..parsing.loader import grammar_dir

__all__ = ["PROCEEDINGS_GRAMMAR", "vocabulary"]

PROCEEDINGS_GRAMMAR = "proceedings.lark"
"""The vocabulary grammar's file name, beside ``minutes.lark``."""

_lock = threading.Lock()
_vocabulary: dict[str, re.Pattern[str]] | None = None


def vocabulary() -> dict[str, re.Pattern[str]]:
    """The grammar's terminals as compiled patterns, by terminal name (loaded once).

    Lark turns the terminals into regular expressions; the table of them is
    kept in the pattern store under the hashes of the grammar file and of
    Lark's version file (the file written at install has it), so a process
    whose store has it needs no Lark here.
    """
    global _vocabulary
    if _vocabulary is None:
        with _lock:
            if _vocabulary is None:
                path = grammar_dir() / PROCEEDINGS_GRAMMAR
                table = rx.store().derived(_vocabulary_key(path), lambda: _terminal_patterns(path))
                _vocabulary = {name: rx.compile(pattern) for name, pattern in table.items()}
    return _vocabulary


def _terminal_patterns(path: Path) -> dict[str, str]:
    from lark import Lark

    # No cache=True: Lark would write its cache file into $TMPDIR, a file the caller did not ask for.
    lark = Lark.open(str(path), parser="lalr", lexer="basic")
    return {t.name: t.pattern.to_regexp() for t in lark.terminals}


def _vocabulary_key(path: Path) -> str:
    """What the vocabulary's regular expressions depend on: the grammar and Lark's version."""
    digest = hashlib.sha256(path.read_bytes())
    spec = importlib.util.find_spec("lark")
    if spec is not None and spec.origin is not None:
        digest.update(Path(spec.origin).read_bytes())  # lark/__init__.py holds __version__
    return f"proceedings-terminals:{digest.hexdigest()}"
