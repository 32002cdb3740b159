"""Find and load the grammar files that ship with scrutinykit.

The ``.lark`` files live in the top-level ``grammar/`` folder of the source
tree and are copied into the wheel as ``scrutinykit/grammar/``.  They are
loaded with :mod:`importlib.resources`; in a source checkout (no wheel) the
folder beside ``src/`` is used instead.

Lark caches the analysed LALR tables between processes, but its contextual
lexer compiles, on first use in each process, one regular expression per
lexer state: the union of the terminals that state accepts, several
kilobytes each, about 8 ms apiece with :mod:`re`.  :class:`LexerPatterns`
keeps what :mod:`re` compiled them to (its code array) in a per-user folder
beside Lark's cache, so that a later process builds the same pattern objects
from it in a fraction of a millisecond.  An entry is stored only when the
pattern rebuilt from it compares equal (same code) to the one :mod:`re`
compiled, and is keyed by the exact Python build; on any doubt the pattern
is compiled by :mod:`re` as before.  The tokens, and so the trees, are the
same either way.
"""

from __future__ import annotations

import hashlib
import importlib
import marshal
import os
import re
import sys
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import GrammarError

if TYPE_CHECKING:
    from lark import Lark

__all__ = ["GRAMMAR_FILE", "LexerPatterns", "grammar_dir", "load_parser"]

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
                _use_pattern_cache(parser, LexerPatterns(_pattern_folder()))
                _parser = parser
    return _parser


# ---------------------------------------------------------------------------
# The lexer's compiled patterns, kept between processes
# ---------------------------------------------------------------------------


def _sre_parts() -> tuple[Any, Any, Any] | None:
    """CPython's regular-expression compiler stages, or None where they differ."""
    try:
        _sre = importlib.import_module("_sre")
        _compiler = importlib.import_module("re._compiler")
        _parser = importlib.import_module("re._parser")
    except ImportError:  # another interpreter, or Python 3.10 (sre_compile)
        return None
    if not (callable(getattr(_sre, "compile", None)) and callable(getattr(_compiler, "_code", None))):
        return None  # pragma: no cover - a CPython whose internals moved
    return _sre, _compiler, _parser


def _pattern_folder() -> Path | None:
    """This user's folder of compiled lexer patterns for this exact Python build, or None."""
    sre = _sre_parts()
    if sre is None or not hasattr(os, "getuid"):
        return None
    build = f"{sys.version}|{sre[0].MAGIC}|{sre[0].CODESIZE}|{sys.implementation.cache_tag}"
    tag = hashlib.sha256(build.encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f".scrutinykit_lexer_{os.getuid()}_{tag}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    # Only a folder of our own that no one else may write to is trusted.
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    return folder


class LexerPatterns:
    """The ``re`` module as Lark's lexer uses it, with compiled patterns kept in ``folder``.

    Lark's lexers call ``compile(pattern, flags)`` and ``match(pattern,
    string, flags)``.  A pattern is built from its stored code array when
    one is there, else compiled by :func:`re.compile` and stored.  With
    ``folder`` None nothing is read or written: it is :mod:`re`.
    """

    error = re.error

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._compiled: dict[tuple[str, int], re.Pattern[str]] = {}

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """The compiled ``pattern``, as :func:`re.compile` gives it."""
        key = (pattern, int(flags))
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._load(*key) if self.folder is not None and isinstance(pattern, str) else None
            if compiled is None:
                compiled = re.compile(pattern, flags)
                if self.folder is not None and isinstance(pattern, str):
                    self._store(compiled, *key)
            self._compiled[key] = compiled
        return compiled

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        """``re.match``, through :meth:`compile`."""
        return self.compile(pattern, flags).match(string)

    def _path(self, pattern: str, flags: int) -> Path:
        assert self.folder is not None
        digest = hashlib.sha256(f"{flags}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / f"{digest[:40]}.bin"

    def _load(self, pattern: str, flags: int) -> re.Pattern[str] | None:
        sre = _sre_parts()
        try:
            data = self._path(pattern, flags).read_bytes()
        except OSError:
            return None
        try:
            entry = marshal.loads(data)
            stored, given, final, code, groups, groupindex, indexgroup = entry
            if stored != pattern or given != flags or sre is None:
                return None
            if not isinstance(code, list) or not isinstance(groupindex, dict):
                return None
            compiled: re.Pattern[str] = sre[0].compile(pattern, final, code, groups, groupindex, indexgroup)
        except Exception:  # a damaged or foreign entry: compile afresh
            return None
        return compiled

    def _store(self, compiled: re.Pattern[str], pattern: str, flags: int) -> None:
        sre = _sre_parts()
        if sre is None:  # pragma: no cover - only with a folder, which needs them
            return
        _sre, _compiler, _parser = sre
        try:
            tree = _parser.parse(pattern, flags)
            code = [int(op) for op in _compiler._code(tree, flags)]
            groupindex = dict(tree.state.groupdict)
            indexgroup: list[str | None] = [None] * tree.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            final = int(flags | tree.state.flags)
            parts = (final, code, tree.state.groups - 1, groupindex, tuple(indexgroup))
            rebuilt = _sre.compile(pattern, *parts)
            # Pattern equality compares the flags and the compiled code itself.
            if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex:
                return  # pragma: no cover - the stages above no longer make what re.compile makes
            path = self._path(pattern, flags)
            scratch = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}")
            scratch.write_bytes(marshal.dumps((pattern, flags, *parts)))
            os.replace(scratch, path)
        except Exception:  # a cache that cannot be written is no cache
            return


def _use_pattern_cache(parser: Lark, patterns: LexerPatterns) -> None:
    """Have every lexer of ``parser`` compile its patterns through ``patterns``."""
    from lark.lexer import BasicLexer, ContextualLexer

    lexer = getattr(parser.parser, "lexer", None)
    if not isinstance(lexer, ContextualLexer):  # pragma: no cover - the grammar uses the contextual lexer
        return
    for basic in (*lexer.lexers.values(), lexer.root_lexer):
        if isinstance(basic, BasicLexer) and getattr(basic, "_scanner", None) is None:
            basic.re = patterns  # type: ignore[assignment]
