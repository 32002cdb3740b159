"""What ``import scrutinykit`` loads, that deferred names still resolve, and the compiled-pattern store."""

from __future__ import annotations

import importlib
import json
import marshal
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

import scrutinykit as sk
from scrutinykit.parsing.patterns import _CODE_TYPE, PatternStore, _read

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
    "scrutinykit.io.batch",
    "scrutinykit.views.check",
    "scrutinykit.views.display",
    "scrutinykit.io.serialise",
    "scrutinykit.io.tables",
)


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter from the repository root; its standard output."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout


def test_import_defers_parser_json_and_display() -> None:
    """A fresh ``import scrutinykit`` leaves lark, cattrs, json, html and the optional modules unloaded."""
    out = _run(f"import sys, scrutinykit; print([m for m in {DEFERRED!r} if m in sys.modules])")
    assert out.strip() == "[]"


def test_parse_alone_does_not_load_lark_json_or_display() -> None:
    """Parsing a file loads the built parser module, but not lark, cattrs, json, the display or the tables."""
    code = (
        "import sys, scrutinykit; scrutinykit.parse_file('seeds/002_eb523b947f5c9452.txt'); "
        "print(sorted(m for m in ('lark', 'cattrs', 'scrutinykit.io.serialise', 'scrutinykit.views.display', "
        "'scrutinykit.io.tables', 'multiprocessing', 'scrutinykit._minutes_lalr') if m in sys.modules))"
    )
    assert _run(code).strip() == "['scrutinykit._minutes_lalr']", "reinstall (pip install -e .) to rebuild it"


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
    assert sk.dumps is importlib.import_module("scrutinykit.io.serialise").dumps


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


def test_pattern_store_round_trip(tmp_path: Path) -> None:
    """A pattern kept by the store is rebuilt in a new store equal to re.compile's (code, groups, flags)."""
    pattern = r"(?P<DATE>\d{1,2}[ ]+(?:Jan|Feb)[a-z]*)|(?P<WORD>[A-Za-z]+)|(?P<SP>[ ]+)"
    path = tmp_path / "patterns.marshal"
    first = PatternStore(path)
    compiled = first.compile(pattern, re.IGNORECASE)
    assert compiled == re.compile(pattern, re.IGNORECASE)
    first.save()
    if not path.exists():
        pytest.skip("this Python's regular-expression internals are not CPython 3.11+'s: nothing stored")
    again = PatternStore(path).compile(pattern, re.IGNORECASE)
    assert again is not compiled  # built from the stored entry, not re's own cache
    assert again == compiled
    assert (again.groupindex, again.groups, again.flags) == (
        compiled.groupindex,
        compiled.groups,
        compiled.flags,
    )
    assert again.match("12 february 2024").lastgroup == "DATE"
    assert PatternStore(path).match(pattern, "word", re.IGNORECASE) is not None
    # The code is kept as bytes (read as one object); a file holding it as a list of ints still serves.
    entry = _read(path)[(pattern, int(re.IGNORECASE))]
    assert isinstance(entry[1], bytes)
    as_list = (entry[0], array(_CODE_TYPE, entry[1]).tolist(), *entry[2:])
    assert len(as_list[1]) * 4 == len(entry[1])
    path.write_bytes(marshal.dumps({"patterns": {(pattern, int(re.IGNORECASE)): as_list}, "derived": {}}))
    assert PatternStore(path).compile(pattern, re.IGNORECASE) == compiled
    # Code written on a machine of the other byte order is not read.
    other = "big" if sys.byteorder == "little" else "little"
    path.write_bytes(
        marshal.dumps({"patterns": {(pattern, int(re.IGNORECASE)): entry}, "derived": {}, "byteorder": other})
    )
    assert _read(path) == {}


def test_pattern_store_merges_and_ignores_damage(tmp_path: Path) -> None:
    """Two processes' entries are merged; a damaged file or entry is compiled afresh, never trusted."""
    path = tmp_path / "patterns.marshal"
    one, two = PatternStore(path), PatternStore(path)
    one.compile(r"(?P<A>a+)")
    two.compile(r"(?P<B>b+)")
    one.save()
    two.save()
    if not path.exists():
        pytest.skip("this Python's regular-expression internals are not CPython 3.11+'s: nothing stored")
    assert set(_read(path)) == {(r"(?P<A>a+)", 0), (r"(?P<B>b+)", 0)}
    damaged = {key: (0, [1, 2, 3], 0, {}, ()) for key in _read(path)}
    path.write_bytes(marshal.dumps(damaged))
    assert PatternStore(path).compile(r"(?P<A>a+)") == re.compile(r"(?P<A>a+)")
    path.write_bytes(b"\x00not marshal")
    assert PatternStore(path).compile(r"(?P<B>b+)") == re.compile(r"(?P<B>b+)")
    assert PatternStore(None).compile(r"(?P<B>b+)") == re.compile(r"(?P<B>b+)")


def _store_paths(env: dict[str, str]) -> list[str]:
    code = (
        "import sys, scrutinykit\n"
        "scrutinykit.parse_file('seeds/002_eb523b947f5c9452.txt')\n"
        "from scrutinykit.parsing.patterns import store\n"
        "print(store().path, store().shipped is not None)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    return done.stdout.split()


@pytest.mark.parametrize("value", [None, "", "0", "relative/folder"])
def test_pattern_store_writes_nothing_by_default(value: str | None, tmp_path: Path) -> None:
    """Unset, empty, 0 or a relative path: no store folder, nothing written at exit (under $TMPDIR either)."""
    env = {k: v for k, v in os.environ.items() if k != "SCRUTINYKIT_PATTERN_CACHE"}
    env["TMPDIR"] = str(tmp_path)
    if value is not None:
        env["SCRUTINYKIT_PATTERN_CACHE"] = value
    path, _ = _store_paths(env)
    assert path == "None"
    assert list(tmp_path.iterdir()) == []
    assert not (ROOT / "relative").exists()


def test_pattern_store_in_the_folder_asked_for(tmp_path: Path) -> None:
    """SCRUTINYKIT_PATTERN_CACHE=DIR keeps the store in a private folder inside DIR."""
    env = {**os.environ, "SCRUTINYKIT_PATTERN_CACHE": str(tmp_path / "cache")}
    path, _ = _store_paths(env)
    assert Path(path).parent.parent == tmp_path / "cache"
    assert Path(path).parent.stat().st_mode & 0o777 == 0o700


def test_shipped_store_is_read_and_never_written(tmp_path: Path) -> None:
    """The install-time file gives patterns equal to re's and is never written by a store reading it."""
    shipped = tmp_path / "shipped.marshal"
    writer = PatternStore(shipped)
    writer.compile(r"(?P<A>a+)")
    writer.save()
    if not shipped.exists():
        pytest.skip("this Python's regular-expression internals are not CPython 3.11+'s: nothing stored")
    before = shipped.read_bytes()
    reader = PatternStore(None, shipped)
    assert reader.compile(r"(?P<A>a+)") == re.compile(r"(?P<A>a+)")
    assert reader.compile(r"(?P<B>b+)") == re.compile(r"(?P<B>b+)")
    reader.save()
    assert shipped.read_bytes() == before
    both = PatternStore(tmp_path / "mine.marshal", shipped)
    both.compile(r"(?P<A>a+)")
    both.compile(r"(?P<C>c+)")
    both.save()
    assert set(_read(tmp_path / "mine.marshal")) == {(r"(?P<C>c+)", 0)}  # only what the shipped file lacks
    assert shipped.read_bytes() == before


def test_installed_package_has_its_pattern_file() -> None:
    """The install wrote this Python build's pattern file, and a parse finds it (reinstall if not)."""
    env = {k: v for k, v in os.environ.items() if k != "SCRUTINYKIT_PATTERN_CACHE"}
    assert _store_paths(env) == ["None", "True"], "reinstall (pip install -e .) to write it"
    assert _store_paths({**env, "SCRUTINYKIT_PATTERN_CACHE": "0"}) == ["None", "False"]  # off altogether


def test_cached_lexer_gives_lark_trees() -> None:
    """The library's parser (lexer patterns from the cache) gives the trees a plain Lark parser gives."""
    from lark import Lark

    from scrutinykit.layout.normalise import normalise
    from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir, load_parser

    plain = Lark.open(
        str(grammar_dir() / GRAMMAR_FILE),
        parser="lalr",
        lexer="contextual",
        strict=True,
        propagate_positions=False,
        maybe_placeholders=False,
    )
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8")).text
        assert load_parser().parse(text) == plain.parse(text), path.name


def test_pattern_store_keeps_derived_tables(tmp_path: Path) -> None:
    """A derived table is made once, kept under its key, and read back by a later store without making it."""
    path = tmp_path / "patterns.marshal"
    calls: list[int] = []

    def make() -> dict[str, str]:
        calls.append(1)
        return {"WORD": "[a-z]+", "NUMBER": "[0-9]+"}

    first = PatternStore(path)
    assert first.derived("key-1", make) == {"WORD": "[a-z]+", "NUMBER": "[0-9]+"}
    assert first.derived("key-1", make) == {"WORD": "[a-z]+", "NUMBER": "[0-9]+"}
    first.save()
    assert len(calls) == 1
    again = PatternStore(path)
    assert list(again.derived("key-1", make)) == ["WORD", "NUMBER"]  # order kept
    assert len(calls) == 1
    assert again.derived("key-2", make) == {"WORD": "[a-z]+", "NUMBER": "[0-9]+"}  # another key: made anew
    assert len(calls) == 2
    assert PatternStore(None).derived("key-1", make)["WORD"] == "[a-z]+"


def test_vocabulary_from_the_store_equals_lark_terminals() -> None:
    """The proceedings vocabulary (from the store when it has it) is the vocabulary grammar's terminals."""
    from lark import Lark

    from scrutinykit.parsing.loader import grammar_dir
    from scrutinykit.proceedings.scanner import PROCEEDINGS_GRAMMAR, vocabulary

    lark = Lark.open(str(grammar_dir() / PROCEEDINGS_GRAMMAR), parser="lalr", lexer="basic")
    assert {name: p.pattern for name, p in vocabulary().items()} == {
        t.name: t.pattern.to_regexp() for t in lark.terminals
    }


def test_line_cue_table_in_the_installed_store_equals_a_fresh_one() -> None:
    """The layout cue table the install kept is what reading the parser's terminals gives now."""
    from scrutinykit.layout.lines import _cue_table, _table_key, cues
    from scrutinykit.parsing.loader import load_parser
    from scrutinykit.parsing.patterns import _read_all, shipped_path

    terminals = load_parser().terminals
    shipped = shipped_path()
    assert shipped is not None
    assert shipped.is_file(), "reinstall (pip install -e .) to write it"
    stored = _read_all(shipped)[1].get(_table_key(terminals))
    assert stored is not None, "reinstall (pip install -e .): the pattern file lacks the cue table"
    fresh = _cue_table(terminals)
    assert stored == fresh
    assert any(json.loads(v)[0] for v in fresh.values())  # some terminal opens anywhere (TEXT)
    assert any(json.loads(v)[1] for v in fresh.values())  # some needs a literal
    assert cues(terminals).split_parts  # the table is read into split parts


def test_vocabulary_patterns_in_the_installed_store_equal_fresh_ones() -> None:
    """The vocabulary's pattern text the install kept is what the phrase files give now, and the
    shipped vocabulary's patterns made from it equal those made from the phrase files."""
    from scrutinykit.parsing.loader import grammar_dir
    from scrutinykit.parsing.patterns import _read_all, shipped_path
    from scrutinykit.parsing.vocabulary import (
        VOCABULARY_DIR,
        Gated,
        Patterns,
        _sources,
        _sources_key,
        default_patterns,
        default_vocabulary,
    )

    key = _sources_key(grammar_dir() / VOCABULARY_DIR)
    assert key is not None
    shipped = shipped_path()
    assert shipped is not None
    stored = _read_all(shipped)[1].get(key)
    assert stored is not None, "reinstall (pip install -e .): no vocabulary patterns in the pattern file"
    fresh = _sources(default_vocabulary())
    assert stored == fresh
    made, direct = default_patterns(), Patterns(default_vocabulary())
    names = [n for n in vars(direct) if not n.startswith("_")]
    assert len(names) == len(fresh) - 2  # the three page-mark families are one attribute
    for name in names:
        a, b = getattr(made, name), getattr(direct, name)
        if isinstance(a, Gated):
            assert (a.pattern, a.words) == (b.pattern, b.words), name
        else:
            assert a == b, name
    assert made.outcome_label.match("RESOLVED: that") is not None


def test_pattern_store_keeps_bytes_patterns(tmp_path: Path) -> None:
    """A bytes pattern is kept and rebuilt like a str one, equal to re.compile's, and still matches bytes."""
    pattern = rb"\A(?:\xef\xbb\xbf)?\s*(?:<!doctype\s+html|<html[\s>])"
    path = tmp_path / "patterns.marshal"
    first = PatternStore(path)
    compiled = first.compile_bytes(pattern, re.I)
    assert compiled == re.compile(pattern, re.I)
    first.save()
    if not path.exists():
        pytest.skip("this Python's regular-expression internals are not CPython 3.11+'s: nothing stored")
    assert set(_read(path)) == {(pattern, int(re.I))}
    again = PatternStore(path).compile_bytes(pattern, re.I)
    assert again is not compiled
    assert again == compiled
    assert again.match(b"\xef\xbb\xbf  <HTML>") is not None
    assert again.match(b"<p>") is None


def _class_sources() -> list[tuple[str, str, int]]:
    """``(source, file name, flags)`` of the methods attrs writes and compiles for each class a parse
    makes, in a fresh interpreter with the store off (attrs compiling as it does on its own)."""
    code = (
        "import __future__, builtins, json, sys, attr._make as make; seen = []; "
        "flags = __future__.annotations.compiler_flag if vars(make).get('annotations') else 0\n"
        "def recording(source, filename, mode):\n"
        "    seen.append((source, filename, flags))\n"
        "    return builtins.compile(source, filename, mode, flags, dont_inherit=True)\n"
        "make.compile = recording\n"
        "import scrutinykit; scrutinykit.parse_file(sys.argv[1]); del make.compile\n"
        "print(json.dumps([s for s in seen if 'scrutinykit' in s[1]]))"
    )
    env = {**os.environ, "SCRUTINYKIT_PATTERN_CACHE": "0"}
    seed = str(sorted((ROOT / "seeds").glob("*.txt"))[2])
    run = [sys.executable, "-c", code, seed]
    done = subprocess.run(run, capture_output=True, text=True, check=True, env=env)
    return [(source, filename, flags) for source, filename, flags in json.loads(done.stdout)]


def test_class_code_in_the_installed_store_equals_compiled_code() -> None:
    """The method code the install kept for each class a parse makes (the model's and the others'),
    its hash salt put back, is what compiling its source gives."""
    from scrutinykit.parsing.patterns import (
        _SHAPES,
        _code_key,
        _read_file,
        _salt_of,
        _sections,
        _shape,
        shipped_path,
    )

    shipped = shipped_path()
    assert shipped is not None
    kept = _sections(_read_file(shipped))[2]
    reader = PatternStore(None, shipped)
    sources = _class_sources()
    assert len(sources) >= 40
    assert any("scrutinykit._model.Span>" in filename for _, filename, _ in sources)
    assert any("scrutinykit.layout.lines.Cues>" in filename for _, filename, _ in sources)
    for source, filename, flags in sources:
        blanked, salt = _salt_of(source)
        assert blanked is not None
        if salt is None or _shape(salt) in _SHAPES:  # all but about one salt in ten thousand
            shape = "" if salt is None else _shape(salt)
            assert _code_key(flags, filename, blanked, shape) in kept, "reinstall (pip install -e .)"
        code = reader.class_code(source, filename, flags)
        fresh = compile(source, filename, "exec", flags, dont_inherit=True)
        assert code == fresh, filename
        assert code.co_filename == fresh.co_filename


def test_class_code_round_trip_puts_each_salt_back(tmp_path: Path) -> None:
    """A class's code learnt with one salt is read back for another salt of the usual widths, equal to
    compiling it; a salt of another width, or a damaged entry, is compiled afresh."""
    import __future__

    flags = __future__.annotations.compiler_flag
    indent = " " * 16
    template = f"def __hash__(self):\n        return hash((\n{indent}{{}},\n{indent}self.a,\n            ))"
    path = tmp_path / "code.marshal"
    first = PatternStore(path)
    made = first.class_code(template.format(1234567890123456789), "<h>", flags)
    assert made == compile(template.format(1234567890123456789), "<h>", "exec", flags, dont_inherit=True)
    first.save()
    again = PatternStore(path)
    for salt in (-4242424242424242424, 9876543210987654321, 123456789012345, 12, -1):
        source = template.format(salt)
        code = again.class_code(source, "<h>", flags)
        assert code == compile(source, "<h>", "exec", flags, dont_inherit=True), salt
        namespace: dict[str, object] = {}
        exec(code, namespace)
        assert namespace["__hash__"].__code__.co_consts.count(salt) == 1  # type: ignore[attr-defined]


def test_model_hash_salt_is_this_process_own() -> None:
    """In a fresh interpreter (the model's code from the store), a class's hash holds this process's salt."""
    code = (
        "import attr._make, scrutinykit as sk; "
        "salt = hash(attr._make._generate_unique_filename(sk.Span, 'hash')); "
        "print(salt in sk.Span.__hash__.__code__.co_consts, 'compile' in vars(attr._make), "
        "hash(sk.Span(start=1, end=2)) == hash((salt, 1, 2)))"
    )
    assert _run(code).split() == ["True", "False", "True"]


def test_store_sha256_is_hashlibs_and_a_parse_loads_no_openssl() -> None:
    """The store's keys use hashlib's SHA-256 digests, without importing hashlib (OpenSSL) in a parse."""
    import hashlib

    from scrutinykit.parsing.patterns import sha256

    for data in (b"", b"x", bytes(range(256)) * 50):
        running = sha256(data[:7])
        running.update(data[7:])
        assert running.hexdigest() == sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    seed = str(ROOT / "seeds" / "002_eb523b947f5c9452.txt")
    code = f"import sys, scrutinykit; scrutinykit.parse_file({seed!r}); "
    assert _run(code + "print('_hashlib' in sys.modules)").split() == ["False"]
