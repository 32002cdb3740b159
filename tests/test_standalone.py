"""The standalone parser gives the library's trees, and runs without lark installed.

The module written at install (``hatch_build.py``) is the same module: the
library parses with it while the grammar files are those it was made from,
and with Lark itself otherwise.
"""

from __future__ import annotations

import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing import loader as _grammar
from scrutinykit.parsing.loader import BUILT_MODULE, grammar_digest, load_parser
from scrutinykit.parsing.standalone import write_standalone

from .conftest import FIXTURES, SEEDS
from .test_grammar import SAMPLE_LINES

MODULE_NAME = "scrutinykit_minutes_standalone"
INPUTS = SEEDS + sorted(FIXTURES.glob("*/*.txt"))


@pytest.fixture(scope="module")
def standalone_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The standalone parser module, written once into a fresh folder."""
    path = tmp_path_factory.mktemp("standalone") / f"{MODULE_NAME}.py"
    with path.open("w", encoding="utf-8") as out:
        write_standalone(out)
    return path


@pytest.fixture(scope="module")
def standalone(standalone_path: Path) -> ModuleType:
    """The standalone module, imported from its file."""
    spec = importlib.util.spec_from_file_location(MODULE_NAME, standalone_path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def standalone_parser(standalone: ModuleType) -> Any:
    """The standalone module's parser, built once."""
    return standalone.Lark_StandAlone()


def shape(tree: Any) -> Any:
    """A tree (the library's or the standalone's) as plain tuples: rules, tokens and positions."""
    if hasattr(tree, "data"):
        return (str(tree.data), tuple(shape(child) for child in tree.children))
    return (tree.type, str(tree), tree.start_pos, tree.end_pos, tree.line, tree.column)


def library_tree(text: str) -> Any:
    """What the library's own parser (the module written at install) makes of a text."""
    return load_parser().parse(normalise(text).text)


@pytest.fixture(scope="module")
def lark_parser() -> Any:
    """Lark itself over the grammar: the oracle for every standalone module, states numbered its own way."""
    return _grammar.open_with_lark()


def test_write_standalone_writes_a_python_module(standalone_path: Path) -> None:
    """The module says what it is, is valid Python and offers Lark_StandAlone."""
    source = standalone_path.read_text(encoding="utf-8")
    assert source.startswith("# A standalone LALR parser for minutes.lark")
    assert "Mozilla Public License" in source[:1000]
    compile(source, str(standalone_path), "exec")
    assert "def Lark_StandAlone(" in source


def test_write_standalone_is_deterministic() -> None:
    """Two writes give the same text, so a generated parser can be checked in and diffed."""
    first, second = io.StringIO(), io.StringIO()
    write_standalone(first)
    write_standalone(second)
    assert first.getvalue() == second.getvalue()


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name[:24])
def test_standalone_tree_equals_library_tree(path: Path, standalone_parser: Any, lark_parser: Any) -> None:
    """On every seed and fixture, the standalone parser and the library give Lark's own tree."""
    text = path.read_text(encoding="utf-8")
    expected = shape(lark_parser.parse(normalise(text).text))
    assert expected[0] == "start"
    assert shape(standalone_parser.parse(normalise(text).text)) == expected
    assert shape(library_tree(text)) == expected


def test_every_seed_is_compared() -> None:
    """The comparison above covers the seeds (it would pass vacuously on none)."""
    assert len(SEEDS) >= 5
    assert all(p in INPUTS for p in SEEDS)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.sampled_from(SAMPLE_LINES), max_size=25), sep=st.sampled_from(["\n", "\n\n"]))
def test_standalone_agrees_on_any_sequence_of_line_kinds(
    standalone_parser: Any, lark_parser: Any, lines: list[str], sep: str
) -> None:
    """Random sequences of every kind of line: the standalone module gives Lark's own tree."""
    text = normalise(sep.join(lines) + "\n").text
    assert shape(standalone_parser.parse(text)) == shape(lark_parser.parse(text))


def test_standalone_runs_without_lark(standalone_path: Path) -> None:
    """With no site-packages (so no lark, no scrutinykit), the module still parses a seed."""
    seed = SEEDS[0]
    text = normalise(seed.read_text(encoding="utf-8")).text
    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(standalone_path.parent)!r})\n"
        f"import {MODULE_NAME} as m\n"
        "assert 'lark' not in sys.modules, 'the standalone module imported lark'\n"
        "tree = m.Lark_StandAlone().parse(sys.stdin.read())\n"
        "print(tree.pretty(), end='')\n"
    )
    result = subprocess.run(
        [sys.executable, "-S", "-I", "-c", script],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == library_tree(seed.read_text(encoding="utf-8")).pretty()


# ---------------------------------------------------------------------------
# The module written at install
# ---------------------------------------------------------------------------


def test_the_library_parses_with_the_module_written_at_install() -> None:
    """The installed package has the built module, made from these grammar files, and uses it."""
    module = importlib.import_module(f"scrutinykit.{BUILT_MODULE}")
    assert grammar_digest() == module.GRAMMAR_DIGEST, "the grammar changed: pip install -e . rebuilds it"
    assert load_parser().origin == "built"
    assert issubclass(load_parser().unexpected_input, load_parser().error)


def test_built_module_is_what_write_standalone_writes() -> None:
    """The module written at install is, to the byte, the standalone module of the grammar files."""
    module = importlib.import_module(f"scrutinykit.{BUILT_MODULE}")
    assert module.__file__ is not None
    written = io.StringIO()
    write_standalone(written)
    built = Path(module.__file__).read_text(encoding="utf-8")
    assert built == written.getvalue(), "pip install -e . rewrites it"


def test_edited_grammar_falls_back_to_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    """When the grammar files differ from the built module's digest, Lark itself parses, to the same trees."""
    monkeypatch.setattr(_grammar, "grammar_digest", lambda folder=None: "0" * 64)
    assert _grammar._built_parser() is None
    lark_parser = _grammar._lark_parser()
    assert lark_parser.origin == "lark"
    for path in SEEDS:
        text = normalise(path.read_text(encoding="utf-8")).text
        assert shape(lark_parser.parse(text)) == shape(load_parser().parse(text)), path.name


def test_missing_module_falls_back_to_lark(monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout that was never installed has no built module: load_parser uses Lark."""
    monkeypatch.setattr(_grammar, "BUILT_MODULE", "_no_such_parser_module")
    monkeypatch.setattr(_grammar, "_parser", None)
    parser = load_parser()
    assert parser.origin == "lark"
    text = normalise(SEEDS[1].read_text(encoding="utf-8")).text
    assert shape(parser.parse(text)) == shape(library_tree(SEEDS[1].read_text(encoding="utf-8")))


def test_built_and_lark_parsers_name_their_own_errors() -> None:
    """Each origin names the error classes its parse raises, so the library can turn them into ParseError."""
    import lark

    built, plain = load_parser(), _grammar._lark_parser()
    module = importlib.import_module(f"scrutinykit.{BUILT_MODULE}")
    assert (plain.unexpected_input, plain.error) == (lark.UnexpectedInput, lark.LarkError)
    assert (built.unexpected_input, built.error) == (module.UnexpectedInput, module.LarkError)
    assert issubclass(built.unexpected_input, built.error)


def test_built_module_sets_up_its_logger_and_saving_modules_when_first_used() -> None:
    """The module written imports neither logging nor pickle until they are used, then behaves as Lark's."""
    code = (
        "import sys, scrutinykit._minutes_lalr as m; "
        "before = [n in sys.modules for n in ('logging', 'pickle', 'base64')]; "
        "import logging; level = m.logger.getEffectiveLevel() == logging.CRITICAL; "
        "same = m.logger.name == 'lark' and logging.getLogger('lark').handlers != []; "
        "print(*before, level, same, m.pickle.loads(m.pickle.dumps([1])) == [1], m.zlib.crc32(b'a'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "False", "True", "True", "True", "3904355907"]


def test_deferred_imports_keep_code_they_do_not_know() -> None:
    """Code that does not read as Lark 1.3 writes it is left as it is."""
    from scrutinykit.parsing.standalone import _deferred_imports

    other = "import logging\nlogger = logging.getLogger('x')\nimport pickle\n"
    assert _deferred_imports(other) == other
    lark_like = (
        "import sys, re\nimport logging\n"
        'logger: logging.Logger = logging.getLogger("lark")\nlogger.addHandler(logging.StreamHandler())\n'
        "logger.setLevel(logging.CRITICAL)\nimport pickle, zlib, base64\n"
    )
    changed = _deferred_imports(lark_like)
    assert "import logging\n" not in changed.split("class _DeferredLogger")[0]
    assert "class _DeferredModule" in changed
    kept = _deferred_imports(lark_like + "logging.warning('x')\n")  # logging named elsewhere: kept
    assert kept.startswith("import sys, re\nimport logging\n")
