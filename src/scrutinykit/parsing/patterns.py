"""Compiled regular expressions, kept between processes.

scrutinykit compiles a few hundred regular expressions: its own scanners
(:mod:`scrutinykit.build.readers`, the proceedings vocabulary, the assembler's
patterns) and the union patterns of Lark's contextual lexer, several
kilobytes each.  :mod:`re` compiles in Python, and in a fresh interpreter
that is about a third of the time to the first parsed document.

A :class:`PatternStore` builds pattern objects from what :mod:`re` compiled
each pattern to — its code array, flags and groups — with the interpreter's
own constructor, a fraction of a millisecond for them all, instead of
compiling them again.  It reads those entries from two places:

* **The file written at install** (``scrutinykit/_patterns_<build>.marshal``):
  ``hatch_build.py`` parses the seed documents with the package and keeps
  every pattern the parse compiled (:func:`write_shipped`).  It is read
  only, and only by the Python build that wrote it; under another build
  (a wheel made elsewhere) there is no such file and the patterns are
  compiled as usual.
* **A folder the caller names**, opt-in: ``SCRUTINYKIT_PATTERN_CACHE=DIR``
  (an absolute path) keeps the patterns this process compiled that the
  installed file lacks (a grammar edited after the install, added
  vocabulary) in ``DIR/.scrutinykit_patterns_<uid>_<build>/``, mode 0700,
  only used when owned by the user and writable by no one else.  Unset (the
  default) or empty: the library writes no file.  ``0`` turns the store off
  altogether, the installed file too (every pattern compiled by :mod:`re`).

The guarantees:

* A pattern from the store is equal to :func:`re.compile`'s (pattern
  objects compare their source, flags and compiled code): an entry is
  written only after the pattern rebuilt from it compared equal to the one
  :mod:`re` compiled, and it is read back only by the same Python build
  (version, bytecode tag and the regular-expression engine's magic number).
* Anything unexpected — another interpreter, a file that cannot be read or
  written, a damaged entry, internals that moved — means the pattern is
  compiled by :mod:`re` as usual.  The store never raises.

The store also keeps small derived tables (:meth:`PatternStore.derived`),
each under a digest of what it is made from: the proceedings vocabulary's
terminals as regular expressions (which would otherwise need the vocabulary
grammar loaded through Lark in every process), the shipped vocabulary's
Python patterns as pattern text, and what the layout's cues read from the
grammar's terminals.  Tests compare each table the install kept with a
fresh one.  And it keeps the code objects of the methods attrs writes for
the package's classes (:meth:`PatternStore.class_code`,
:func:`cached_class_code`), under their source, so that a fresh process
does not compile them again.  A pattern's code is kept as the bytes of an
array, which marshal reads at once.

New entries of an opt-in folder are written when the process exits (or on
:meth:`PatternStore.save`), merged with what the file holds by then, through
a scratch file renamed into place, so that processes running side by side
never see half a file.
"""

from __future__ import annotations
import __future__

import atexit
import builtins
import contextlib
import importlib
import marshal
import os
import re
import sys
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import CodeType
from typing import Any, Protocol, cast

__all__ = ["ENV_VAR", "PatternStore", "compile", "compile_bytes", "shipped_path", "store", "write_shipped"]

_Key = tuple[str | bytes, int]
_Entry = tuple[int, bytes | list[int], int, dict[str, int], tuple[str | None, ...]]
"""The flags, the code (as :data:`_CODE_TYPE` items' bytes; a list of ints read from an older file
is taken too), the groups, the group index and the index's names."""

_MAX_ENTRIES = 4000
"""A file with more entries than this (grammars edited many times) starts afresh."""


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


_CODE_TYPE = next((t for t in "IL" if array(t).itemsize == 4), "L")
"""The :mod:`array` type of a compiled code item (4 bytes; the build tag holds the code size).

A file keeps each pattern's code as the bytes of such an array, which marshal
reads as one object, instead of a list of hundreds of thousands of ints,
which it reads one by one: the code is turned into a list only for the
patterns a process rebuilds."""

class Digest(Protocol):
    """What :func:`sha256` gives: a running SHA-256 (as :func:`hashlib.sha256` gives)."""

    def update(self, data: bytes, /) -> None:
        """Add ``data``."""

    def hexdigest(self) -> str:
        """The digest so far, in hexadecimal."""


def _sha256_maker() -> Callable[[bytes], Digest]:
    """CPython's own SHA-256 where it has one (``_sha2``, or ``_sha256`` before 3.12), else hashlib's."""
    for name in ("_sha2", "_sha256"):
        with contextlib.suppress(ImportError):
            maker: Callable[[bytes], Digest] = importlib.import_module(name).sha256
            return maker
    import hashlib  # pragma: no cover - a Python without CPython's modules

    return hashlib.sha256  # pragma: no cover


_SHA256 = _sha256_maker()


def sha256(data: bytes = b"") -> Digest:
    """:func:`hashlib.sha256` (the same digests): importing hashlib loads OpenSSL, a few milliseconds
    of a cold start that only the store's keys would need."""
    return _SHA256(data)


ENV_VAR = "SCRUTINYKIT_PATTERN_CACHE"
"""The environment variable naming a folder for the opt-in store (unset: none)."""


def _build_tag() -> str | None:
    """A short digest naming this exact Python build's compiled patterns, or None (no store)."""
    sre = _sre_parts()
    if sre is None:
        return None
    build = f"{sys.version}|{sre[0].MAGIC}|{sre[0].CODESIZE}|{sys.implementation.cache_tag}"
    return sha256(build.encode()).hexdigest()[:16]


def shipped_path(package: Path | None = None) -> Path | None:
    """The file written at install for this Python build (in ``package``, by default this package)."""
    tag = _build_tag()
    if tag is None:
        return None
    return (package or Path(__file__).resolve().parents[1]) / f"_patterns_{tag}.marshal"


def default_path() -> Path | None:
    """This user's opt-in store file (``$SCRUTINYKIT_PATTERN_CACHE``), or None (the default: no file)."""
    folder_name = os.environ.get(ENV_VAR, "")
    if folder_name in ("", "0") or not os.path.isabs(folder_name):
        return None
    tag = _build_tag()
    if tag is None or not hasattr(os, "getuid"):
        return None
    folder = Path(folder_name) / f".scrutinykit_patterns_{os.getuid()}_{tag}"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        return None
    return folder / "patterns.marshal"


class PatternStore:
    """:func:`re.compile` with the compiled code kept in the file ``path``.

    With ``path`` None nothing is written.  ``shipped`` is a file read but
    never written (the one made at install); its entries come before the
    ``path`` file's.  With neither it is :func:`re.compile` with a dictionary
    in front.  It also offers ``match`` and ``error``, as Lark's lexers use
    the :mod:`re` module.
    """

    error = re.error

    def __init__(self, path: Path | None, shipped: Path | None = None) -> None:
        self.path = path
        self.shipped = shipped
        self._lock = threading.Lock()
        self._compiled: dict[_Key, re.Pattern[str]] = {}
        self._entries: dict[_Key, _Entry] | None = None
        self._new: dict[_Key, _Entry] = {}
        self._derived: dict[str, dict[str, str]] | None = None
        self._new_derived: dict[str, dict[str, str]] = {}
        self._code: dict[str, bytes] = {}
        self._new_code: dict[str, bytes] = {}
        self._registered = False

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """The compiled ``pattern``, equal to what :func:`re.compile` gives."""
        key = (pattern, int(flags))
        compiled = self._compiled.get(key)
        if compiled is not None:
            return compiled
        with self._lock:
            compiled = self._compiled.get(key)
            if compiled is None:
                compiled = self._rebuild(key) if self.path or self.shipped else None
                if compiled is None:
                    compiled = re.compile(pattern, flags)
                    if self.path is not None and isinstance(pattern, (str, bytes)):
                        self._remember(compiled, key)
                self._compiled[key] = compiled
        return compiled

    def compile_bytes(self, pattern: bytes, flags: int = 0) -> re.Pattern[bytes]:
        """:meth:`compile` of a bytes pattern (kept alike)."""
        return cast("re.Pattern[bytes]", self.compile(cast(str, pattern), flags))

    def match(self, pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
        """``re.match``, through :meth:`compile`."""
        return self.compile(pattern, flags).match(string)

    def derived(self, key: str, make: Callable[[], dict[str, str]]) -> dict[str, str]:
        """The table ``make()`` gives, kept in the store under ``key``.

        ``key`` must name everything the table depends on (hashes of the
        files it is read from): a table found under it is returned as stored.
        """
        with self._lock:
            self._load()
            assert self._derived is not None
            found = self._derived.get(key)
            if found is not None:
                return dict(found)
        table = make()
        if self.path is not None:
            with self._lock:
                self._derived[key] = self._new_derived[key] = dict(table)
                self._register()
        return table

    def class_code(self, source: str, filename: str, flags: int) -> CodeType:
        """``compile(source, filename, "exec", flags, dont_inherit=True)``, kept in the store.

        For the methods attrs writes for a class (:func:`cached_class_code`).
        The one part of such a source that changes from process to process,
        the salt of ``__hash__`` (a hash of a string), is blanked in the key
        and compiled as a stand-in number of the same width and sign (so the
        code's positions are alike), which is then replaced in the code
        object's constants by the salt (:func:`_salt_of`, :func:`_with_constant`).
        The usual widths are all kept when one is learnt.
        """
        blanked, salt = _salt_of(source)
        shape = "" if salt is None else _shape(salt)
        found = None
        if blanked is not None:
            with self._lock:
                self._load()
                found = self._code.get(_code_key(flags, filename, blanked, shape))
        if found is not None:
            try:
                code = marshal.loads(found)
            except Exception:  # a damaged entry: compile afresh
                code = None
            if isinstance(code, CodeType):
                return code if salt is None else _with_constant(code, _stand_in(shape), int(salt))
        code = builtins.compile(source, filename, "exec", flags, dont_inherit=True)
        assert isinstance(code, CodeType)
        if self.path is not None and blanked is not None:
            learnt: dict[str, bytes] = {}
            for each in [shape] if salt is None else sorted({shape, *_SHAPES}):
                text = blanked if salt is None else blanked.replace("#", str(_stand_in(each)), 1)
                made = builtins.compile(text, filename, "exec", flags, dont_inherit=True)
                learnt[_code_key(flags, filename, blanked, each)] = marshal.dumps(made)
            with self._lock:
                self._code.update(learnt)
                self._new_code.update(learnt)
                self._register()
        return code

    # -- reading --------------------------------------------------------------

    def _load(self) -> dict[_Key, _Entry]:
        """The file's entries, read once (with its derived tables)."""
        if self._entries is None:
            self._entries, self._derived, self._code = _sections(_read_file(self.shipped))
            if self.path is not None:
                entries, derived, code = _sections(_read_file(self.path))
                self._entries = {**entries, **self._entries}
                self._derived = {**derived, **self._derived}
                self._code = {**code, **self._code}
        return self._entries

    def _rebuild(self, key: _Key) -> re.Pattern[str] | None:
        entry = self._load().get(key)
        sre = _sre_parts()
        if entry is None or sre is None:
            return None
        try:
            final, code, groups, groupindex, indexgroup = entry
            if isinstance(code, bytes):
                code = array(_CODE_TYPE, code).tolist()
            compiled: re.Pattern[str] = sre[0].compile(key[0], final, code, groups, groupindex, indexgroup)
        except Exception:  # a damaged entry: compile afresh
            return None
        return compiled

    # -- writing --------------------------------------------------------------

    def _remember(self, compiled: re.Pattern[str], key: _Key) -> None:
        sre = _sre_parts()
        if sre is None:  # pragma: no cover - only with a path, which needs them
            return
        _sre, _compiler, _parser = sre
        pattern, flags = key
        try:
            tree = _parser.parse(pattern, flags)
            code = [int(op) for op in _compiler._code(tree, flags)]
            packed = array(_CODE_TYPE, code)
            groupindex = dict(tree.state.groupdict)
            indexgroup: list[str | None] = [None] * tree.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            entry: _Entry = (
                int(flags | tree.state.flags),
                packed.tobytes() if packed.itemsize == sre[0].CODESIZE else code,
                tree.state.groups - 1,
                groupindex,
                tuple(indexgroup),
            )
            rebuilt = _sre.compile(pattern, entry[0], code, *entry[2:])
        except Exception:  # pragma: no cover - internals that no longer work this way
            return
        # Pattern equality compares the source, the flags and the compiled code.
        if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex:
            return  # pragma: no cover - the stages above no longer make what re.compile makes
        self._new[key] = entry
        self._register()

    def _register(self) -> None:
        if not self._registered:
            self._registered = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the entries learnt in this process to the file (merged with what it holds)."""
        with self._lock:
            if self.path is None or not (self._new or self._new_derived or self._new_code):
                return
            entries, derived, code = _sections(_read_file(self.path))
            if len(entries) + len(self._new) + len(derived) + len(code) > _MAX_ENTRIES:
                entries, derived, code = {}, {}, {}
            entries.update(self._new)
            derived.update(self._new_derived)
            code.update(self._new_code)
            scratch = self.path.with_name(f"{self.path.name}.{os.getpid()}.{threading.get_ident()}")
            try:
                data = {"patterns": entries, "derived": derived, "code": code, "byteorder": sys.byteorder}
                scratch.write_bytes(marshal.dumps(data))
                os.replace(scratch, self.path)
            except OSError:  # a store that cannot be written is no store
                with contextlib.suppress(OSError):
                    scratch.unlink()
                return
            self._new.clear()
            self._new_derived.clear()
            self._new_code.clear()


_HASH_OPENER = "hash((\n" + " " * 16
"""What stands before the salt in the ``__hash__`` attrs writes: ``hash((``, a line break and the indent."""

_SHAPES = tuple(f"{sign}{width}" for sign in ("", "-") for width in range(16, 20))
"""The widths (and signs) of the salts kept when one is learnt: nearly every salt has one of them."""


def _salt_of(source: str) -> tuple[str | None, str | None]:
    """``source`` with its ``__hash__`` salt made ``#`` (None: not to be kept), and the salt's text.

    The salt is the number alone on the line after ``hash((``.
    """
    at = source.find(_HASH_OPENER)
    if at < 0:
        return source, None
    start = at + len(_HASH_OPENER)
    end = source.find(",\n", start)
    literal = source[start:end]
    if end < 0 or not literal.removeprefix("-").isdigit():
        return None, None  # pragma: no cover - attrs writes its hash otherwise
    blanked = source[:start] + "#" + source[end:]
    if any(str(_stand_in(shape)) in blanked for shape in (*_SHAPES, _shape(literal))):
        return None, None  # pragma: no cover - a source that holds a stand-in itself
    return blanked, literal


def _shape(literal: str) -> str:
    """A number's sign and width of digits: ``-19`` for ``-1234567890123456789``."""
    digits = literal.removeprefix("-")
    return f"{literal[: len(literal) - len(digits)]}{len(digits)}"


def _stand_in(shape: str) -> int:
    """The stand-in number of a :func:`_shape`: its digits all 7."""
    width = shape.removeprefix("-")
    return int(f"{shape[: len(shape) - len(width)]}{'7' * int(width)}")


def _code_key(flags: int, filename: str, blanked: str, shape: str) -> str:
    """The store's key of a class's code: its flags, file name, salt's shape and blanked source's digest."""
    return f"{flags}\0{filename}\0{shape}\0{sha256(blanked.encode()).hexdigest()}"


def _with_constant(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` with the constant ``old`` (an int) made ``new``, in it and its nested code objects."""
    consts = tuple(
        _with_constant(c, old, new) if isinstance(c, CodeType) else new if type(c) is int and c == old else c
        for c in code.co_consts
    )
    return code.replace(co_consts=consts)


def _read_file(path: Path | None) -> dict[str, Any]:
    """What a store file holds; empty when it is missing or not one."""
    try:
        data = marshal.loads(path.read_bytes()) if path is not None else None
    except Exception:  # missing, unreadable or damaged: start afresh
        data = None
    return data if isinstance(data, dict) else {}


def _read_all(path: Path | None) -> tuple[dict[_Key, _Entry], dict[str, dict[str, str]]]:
    """The pattern entries and derived tables of a store file; empty when it is missing or not one."""
    entries, tables, _ = _sections(_read_file(path))
    return entries, tables


def _sections(
    data: dict[str, Any],
) -> tuple[dict[_Key, _Entry], dict[str, dict[str, str]], dict[str, bytes]]:
    """The pattern entries, derived tables and class code of a store file's contents."""
    patterns, derived, code = data.get("patterns"), data.get("derived"), data.get("code", {})
    if not isinstance(patterns, dict) or not isinstance(derived, dict) or not isinstance(code, dict):
        return {}, {}, {}
    if data.get("byteorder", sys.byteorder) != sys.byteorder:
        patterns = {}  # code bytes written on a machine of the other byte order
    entries = {
        key: entry
        for key, entry in patterns.items()
        if isinstance(key, tuple)
        and len(key) == 2
        and isinstance(key[0], (str, bytes))
        and isinstance(key[1], int)
        and isinstance(entry, tuple)
        and len(entry) == 5
    }
    tables = {
        key: table
        for key, table in derived.items()
        if isinstance(key, str)
        and isinstance(table, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items())
    }
    kept = {key: value for key, value in code.items() if isinstance(key, str) and isinstance(value, bytes)}
    return entries, tables, kept


def _read(path: Path) -> dict[_Key, _Entry]:
    """The pattern entries of a store file; empty when it is missing or not one."""
    return _read_all(path)[0]


_store: PatternStore | None = None
_store_lock = threading.Lock()


def store() -> PatternStore:
    """The process's pattern store: the file written at install, and the opt-in folder's."""
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                shipped = None if os.environ.get(ENV_VAR) == "0" else shipped_path()
                _store = PatternStore(default_path(), shipped if shipped and shipped.is_file() else None)
    return _store


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """:func:`re.compile` through the process's :class:`PatternStore`."""
    return store().compile(pattern, flags)


@contextlib.contextmanager
def cached_class_code() -> Iterator[None]:
    """While open, the methods attrs writes for a class are compiled through the store.

    attrs writes each class's methods as Python source and compiles it, a
    few hundred microseconds a class; the store keeps the code objects
    (:meth:`PatternStore.class_code`; the file written at install has the
    model's) under their source, so a class is made with the code that
    compiling its source gives.  attrs must be imported already; with no
    store file, or an attrs that no longer compiles through ``compile``,
    this does nothing.
    """
    make = sys.modules.get("attr._make")
    kept = store()
    if make is None or "compile" in vars(make) or not (kept.path or kept.shipped):
        yield
        return
    # attrs compiles with the __future__ flags of its own module.
    future = __future__.annotations
    flags = future.compiler_flag if vars(make).get("annotations") is future else 0

    def compile_through_store(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or mode != "exec" or not isinstance(source, str) or not isinstance(filename, str):
            return builtins.compile(source, filename, mode, *args, **kwargs)  # pragma: no cover - not attrs'
        return kept.class_code(source, filename, flags)

    make.compile = compile_through_store  # type: ignore[attr-defined]  # shadows the builtin there
    try:
        yield
    finally:
        with contextlib.suppress(AttributeError):
            del make.compile


def compile_bytes(pattern: bytes, flags: int = 0) -> re.Pattern[bytes]:
    """:func:`re.compile` of a bytes pattern through the process's :class:`PatternStore`."""
    return store().compile_bytes(pattern, flags)


def write_shipped(package: Path, seeds: Sequence[Path]) -> Path | None:
    """Write the install-time store into ``package``: every pattern parsing ``seeds`` compiles.

    Called by ``hatch_build.py`` with the package imported from the source
    tree.  Returns the file written, or None where this Python keeps no
    compiled patterns (another interpreter).
    """
    global _store
    target = shipped_path(package)
    if target is None:
        return None
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    kept = _store
    _store = PatternStore(target)
    try:
        with cached_class_code():  # the classes of the modules a parse imports
            from .._api import parse
        from .._errors import NotMinutesError

        for seed in seeds:
            with contextlib.suppress(NotMinutesError):
                parse(seed.read_text(encoding="utf-8"))
        _record_model_code()
        _store.save()
    finally:
        _store = kept
    return target if target.is_file() else None


def _record_model_code() -> None:
    """Run the model module's code again, in a module thrown away, for the store to keep its classes' code.

    The package's own model was made before the store that writes the file
    (its import comes first); a copy made under :func:`cached_class_code`
    gives the store the same sources, under the same names.
    """
    import types

    path = Path(__file__).resolve().parents[1] / "_model.py"
    module = types.ModuleType("scrutinykit._model")
    module.__file__ = str(path)
    with cached_class_code():
        code = builtins.compile(path.read_text(encoding="utf-8"), str(path), "exec", dont_inherit=True)
        exec(code, vars(module))
