"""Find and load the grammar files that ship with scrutinykit, and the parser over them.

The ``.lark`` files live in the top-level ``grammar/`` folder of the source
tree and are copied into the wheel as ``scrutinykit/grammar/``, beside
this module; in a source checkout (no wheel) the folder beside ``src/`` is
used instead.  (Lark opens grammar files by path, so a package imported
from a zip archive could not use them either way: the folder is looked up
on disk, without :mod:`importlib.resources` and the modules it imports.)

The parser comes from one of two places, with the same trees either way:

* **The built module.**  Installing scrutinykit (a wheel, or ``pip install
  -e``) runs ``hatch_build.py``, which writes the grammar as Lark's
  standalone LALR module (:mod:`scrutinykit.parsing.standalone`) into the package
  as ``_minutes_lalr.py``, with the digest of the grammar files it was made
  from.  Loading it needs no ``import lark``, which is most of the cost of
  a first parse in a fresh process.
* **Lark itself**, when that module is missing (a checkout that was never
  installed) or was made from other grammar files (they were edited after
  the install): :meth:`lark.Lark.open` with :data:`PARSER_OPTIONS` and
  Lark's own table cache.

Either way the contextual lexer compiles, on first use in each process, one
regular expression per lexer state: the union of the terminals that state
accepts, several kilobytes each, about 8 ms apiece with :mod:`re`.  The
lexers compile them through the process's
:class:`~scrutinykit.parsing.patterns.PatternStore`, which keeps what :mod:`re`
compiled them to between processes (see that module for its guarantees);
the patterns, and so the tokens and trees, are the same either way.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .._errors import GrammarError
from .patterns import PatternStore, sha256, store
from .tokens import use_line_tokens
from .vocabulary import GENERATED_FILE, VOCABULARY_DIR, load_vocabulary, render_lark

if TYPE_CHECKING:
    from lark import Lark, Token, Tree

__all__ = [
    "BUILT_MODULE",
    "GRAMMAR_FILE",
    "PARSER_OPTIONS",
    "MinutesParser",
    "grammar_digest",
    "grammar_dir",
    "load_parser",
    "open_with_lark",
    "parser_for",
    "parser_from",
]

GRAMMAR_FILE = "minutes.lark"
"""The grammar's entry file."""

BUILT_MODULE = "_minutes_lalr"
"""The module (in this package) that installing writes the parser into."""

PARSER_OPTIONS: dict[str, Any] = {
    "parser": "lalr",
    "lexer": "contextual",
    "strict": True,
    "propagate_positions": False,
    "maybe_placeholders": False,
}
"""How the grammar is loaded with Lark, here and when the built module is made."""


class MinutesParser(NamedTuple):
    """The parser over the minutes grammar, and the errors its parse raises."""

    parse: Callable[[str], Tree[Token]]
    """Parse a normalised text into Lark's tree."""
    unexpected_input: type[Exception]
    """The error for text the grammar does not accept (``UnexpectedInput``)."""
    error: type[Exception]
    """The base of every error the parser raises (``LarkError``)."""
    origin: Literal["built", "lark"]
    """``"built"`` for the module written at install, ``"lark"`` for Lark itself."""
    terminals: tuple[tuple[str, str], ...] = ()
    """Each terminal's name and regular expression (flags inlined), as the lexer
    matches it: what the layout stage derives its structural cues from."""


_lock = threading.Lock()
_parser: MinutesParser | None = None


def grammar_dir() -> Path:
    """The folder holding the grammar files."""
    package = Path(__file__).resolve().parents[1]  # scrutinykit/
    for folder in (package / "grammar", package.parents[1] / "grammar"):  # a wheel, then a checkout
        if (folder / GRAMMAR_FILE).is_file():
            return folder
    raise GrammarError(f"cannot find the grammar file {GRAMMAR_FILE!r}: is scrutinykit installed whole?")


def grammar_digest(folder: Path | None = None) -> str:
    """SHA-256 over the ``.lark`` files of ``folder`` (the grammar folder) and its phrase files."""
    digest = sha256()
    root = folder or grammar_dir()
    for path in sorted(root.glob("*.lark")) + sorted((root / VOCABULARY_DIR).glob("*.txt")):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_parser() -> MinutesParser:
    """The LALR parser over the grammar, built once per process."""
    global _parser
    if _parser is None:
        with _lock:
            if _parser is None:
                _parser = _built_parser() or _lark_parser()
    return _parser


_custom: dict[tuple[str, ...], MinutesParser] = {}


def parser_for(vocabulary: Sequence[Path]) -> MinutesParser:
    """The parser over the grammar with the phrases of the ``vocabulary`` folders added.

    Built once per set of folders and phrases in a process (the key holds the
    vocabulary's digest, so a folder whose files changed gets a new parser).
    With no folders it is :func:`load_parser`.

    :raises GrammarError: a folder is missing or holds a file that names no
        phrase list, or the grammar cannot be built with the phrases.
    """
    if not vocabulary:
        return load_parser()
    folders = tuple(Path(v) for v in vocabulary)
    vocab = load_vocabulary(grammar_dir() / VOCABULARY_DIR, folders)
    key = (vocab.digest, *map(str, folders))
    parser = _custom.get(key)
    if parser is None:
        parser = parser_from(extra=folders)
        with _lock:
            _custom[key] = parser
    return parser


def parser_from(folder: Path | None = None, *, extra: Sequence[Path] = ()) -> MinutesParser:
    """A new parser (Lark itself) over the grammar in ``folder``, with the phrases of ``extra`` folders."""
    import lark
    import lark.lexer

    built = open_with_lark(folder, extra=extra)
    use_line_tokens(built, lark.lexer)
    return MinutesParser(
        built.parse, lark.UnexpectedInput, lark.LarkError, "lark", _terminal_patterns(built)
    )


def _built_parser() -> MinutesParser | None:
    """The parser from the module written at install, if it was made from these grammar files."""
    try:
        module = importlib.import_module(f"scrutinykit.{BUILT_MODULE}")
    except ImportError:
        return None
    if getattr(module, "GRAMMAR_DIGEST", None) != grammar_digest():
        return None  # the grammar was edited since the install
    parser = module.Lark_StandAlone()
    _use_pattern_cache(parser, module, store())
    use_line_tokens(parser, module)
    return MinutesParser(
        parser.parse, module.UnexpectedInput, module.LarkError, "built", _terminal_patterns(parser)
    )


def open_with_lark(
    folder: Path | None = None, *, cache: bool = False, extra: Sequence[Path] = ()
) -> Lark:
    """The grammar in ``folder`` (by default :func:`grammar_dir`) loaded by Lark with :data:`PARSER_OPTIONS`.

    Its vocabulary terminals are made from the folder's phrase files, with the
    phrases of the ``extra`` vocabulary folders added.  ``cache`` keeps Lark's
    analysed tables between processes.

    :raises GrammarError: the grammar cannot be found or loaded.
    """
    import lark

    root = folder or grammar_dir()
    path = root / GRAMMAR_FILE
    vocab = load_vocabulary(root / VOCABULARY_DIR, extra)
    generated = render_lark(vocab)

    def vocabulary_loader(base_path: str | None, grammar_path: str) -> tuple[str, str]:
        # The terminals of vocabulary.lark are made from the phrase files
        # themselves, so a copy of the folder with a phrase added (or extra
        # phrase folders) needs no regenerated file.
        if grammar_path != GENERATED_FILE:
            raise OSError(grammar_path)
        return str(root / GENERATED_FILE), generated

    # When the file on disk is what the phrase files give, Lark reads it (and
    # may cache the tables, which it checks against the files it read);
    # otherwise the generated text is handed over, uncached.
    on_disk = root / GENERATED_FILE
    current = on_disk.is_file() and on_disk.read_text(encoding="utf-8") == generated
    imports: list[Any] = [] if current else [vocabulary_loader]
    try:
        return lark.Lark.open(str(path), cache=cache and current, import_paths=imports, **PARSER_OPTIONS)
    except Exception as exc:  # lark raises many kinds here
        raise GrammarError(f"cannot load the grammar {path}: {exc}") from exc


def _lark_parser() -> MinutesParser:
    """The parser from Lark itself, its tables cached by Lark between processes."""
    import lark
    import lark.lexer

    parser = open_with_lark(cache=True)
    _use_pattern_cache(parser, lark.lexer, store())
    use_line_tokens(parser, lark.lexer)
    return MinutesParser(
        parser.parse, lark.UnexpectedInput, lark.LarkError, "lark", _terminal_patterns(parser)
    )


def _terminal_patterns(parser: Any) -> tuple[tuple[str, str], ...]:
    """Each terminal of ``parser`` (Lark or the built module) as ``(name, regex)``, flags inlined."""
    out = []
    for term in parser.terminals:
        regex = term.pattern.to_regexp()
        flags = "".join(sorted(term.pattern.flags))
        out.append((term.name, f"(?{flags}:{regex})" if flags else regex))
    return tuple(out)


def _use_pattern_cache(parser: Any, lexers: ModuleType, patterns: PatternStore) -> None:
    """Have every lexer of ``parser`` compile its patterns through ``patterns``.

    ``lexers`` is the module defining the parser's lexer classes: Lark's
    ``lark.lexer``, or the built module, which carries its own copy.
    """
    lexer = getattr(parser.parser, "lexer", None)
    if not isinstance(lexer, lexers.ContextualLexer):  # pragma: no cover - the grammar's lexer is contextual
        return
    for basic in (*lexer.lexers.values(), lexer.root_lexer):
        if isinstance(basic, lexers.BasicLexer) and getattr(basic, "_scanner", None) is None:
            basic.re = patterns
