"""Write the grammar as a Lark standalone parser: one Python module, no dependencies.

:func:`write_standalone` writes a module built by Lark's own standalone tool
(:mod:`lark.tools.standalone`) from the very parser scrutinykit parses with
(:func:`scrutinykit.parsing.loader.load_parser`: LALR, contextual lexer, strict),
so the trees it gives are the library's trees.  Another program uses it so::

    import minutes_parser                      # the module written here
    parser = minutes_parser.Lark_StandAlone()
    tree = parser.parse(text)                  # text in normalised form

The module needs neither scrutinykit nor lark installed.  It expects text
as scrutinykit's normaliser leaves it (``\\n`` line ends, spaces for tabs and
no-break spaces, straight quotes, a final newline); see ``docs/grammar.md``.

``python -m scrutinykit.parsing.standalone > minutes_parser.py`` writes it too.

Installing scrutinykit writes one into the package (``hatch_build.py``):
:func:`scrutinykit.parsing.loader.load_parser` uses it when its
``GRAMMAR_DIGEST`` matches the grammar files, and so parses without
importing lark.
"""

from __future__ import annotations

import io
import sys
from collections import deque
from pathlib import Path
from typing import Any, TextIO

from .._errors import GrammarError
from .loader import GRAMMAR_FILE, grammar_digest, grammar_dir, open_with_lark

__all__ = ["write_standalone"]


def _header(lark_version: str) -> str:
    # No scrutinykit version here: the build writes the module before the
    # package is installed, and the same grammar must give the same text.
    return (
        f"# A standalone LALR parser for {GRAMMAR_FILE}, the grammar of UK council committee\n"
        f"# minutes, written by scrutinykit with Lark {lark_version}'s standalone tool.\n"
        "# Do not edit: regenerate with `scrutinykit grammar --standalone`.\n"
        "#\n"
        "# Usage: Lark_StandAlone().parse(text), where text is in the normalised form\n"
        "# described in scrutinykit's docs/grammar.md (\\n line ends, final newline).\n"
        "#\n"
        "# The grammar tables are scrutinykit's (MIT). The parser code below is Lark's standalone\n"
        "# code, under the Mozilla Public License 2.0 as its own notice says.\n"
    )


def write_standalone(out: TextIO, *, folder: Path | None = None) -> None:
    """Write a standalone Python parser module for the grammar to ``out``.

    ``folder`` holds the grammar files (by default :func:`grammar_dir`).
    The module opens with ``GRAMMAR_DIGEST``, the :func:`grammar_digest`
    of the files it was made from.  The same grammar files and Lark version
    give the same module, byte for byte, in any process.

    :raises GrammarError: the grammar cannot be found or loaded.
    """
    import lark
    from lark.tools.standalone import gen_standalone

    folder = folder or grammar_dir()
    parser = open_with_lark(folder)
    _number_states_canonically(parser)
    out.write(_header(lark.__version__))
    out.write(f"\nGRAMMAR_DIGEST = {grammar_digest(folder)!r}\n")
    out.write('"""SHA-256 of the grammar files this module was made from (see grammar_digest)."""\n\n')
    code = io.StringIO()
    gen_standalone(parser, out=code)  # type: ignore[no-untyped-call]
    out.write(_deferred_imports(code.getvalue()))


#: Lark's standalone code sets up its logger as it is imported, which imports
#: :mod:`logging` (with :mod:`traceback`, :mod:`string` and more), and imports
#: :mod:`pickle`, :mod:`zlib` and :mod:`base64` for saving and loading a parser
#: to a file: some milliseconds of every process that parses, for a logger set
#: to report only critical messages and for functions a parse never calls.
#: The module written makes each when it is first used instead.
_LOGGER_SETUP = (
    'logger: logging.Logger = logging.getLogger("lark")\nlogger.addHandler(logging.StreamHandler())\n',
    "logger.setLevel(logging.CRITICAL)\n",
)
_DEFERRED_LOGGER = """\
class _DeferredLogger:
    # Lark's "lark" logger, set up as Lark sets it up, when it is first used (written by scrutinykit).
    made = None

    def __getattr__(self, name):
        if _DeferredLogger.made is None:
            import logging
            made = logging.getLogger("lark")
            made.addHandler(logging.StreamHandler())
            made.setLevel(logging.CRITICAL)
            _DeferredLogger.made = made
        return getattr(_DeferredLogger.made, name)


logger = _DeferredLogger()
"""
_SAVING_IMPORTS = "import pickle, zlib, base64\n"
_DEFERRED_MODULES = """\
class _DeferredModule:
    # A module imported when one of its names is first used (written by scrutinykit).
    def __init__(self, name):
        self._name = name

    def __getattr__(self, attr):
        import importlib
        return getattr(importlib.import_module(self._name), attr)


pickle, zlib, base64 = _DeferredModule("pickle"), _DeferredModule("zlib"), _DeferredModule("base64")
"""


def _deferred_imports(code: str) -> str:
    """Lark's standalone ``code`` with its logger and its saving modules made when first used.

    Each change is made only where the code reads exactly as Lark 1.3
    writes it (and ``logging`` is then named nowhere else); elsewhere the
    code is kept as it is.
    """
    first, last = _LOGGER_SETUP
    importing = "import logging\n"
    named = importing.count("logging") + first.count("logging") + last.count("logging")
    once = code.count(importing) == code.count(first) == code.count(last) == 1
    if once and code.count("logging") == named:
        code = code.replace(importing, "", 1).replace(first, _DEFERRED_LOGGER, 1).replace(last, "", 1)
    if code.count(_SAVING_IMPORTS) == 1:
        code = code.replace(_SAVING_IMPORTS, _DEFERRED_MODULES, 1)
    return code


def _number_states_canonically(parser: Any) -> None:
    """Renumber the LALR states of ``parser`` in an order fixed by the grammar alone.

    Lark numbers the states in the order its analysis meets them, which
    varies from process to process (it iterates sets of objects), and so
    would the module written.  Here they are numbered breadth first from
    the start states, following each state's shifts in the order of the
    terminal names, and each state's actions are listed in that order.
    Only the table is changed, so ``parser`` is fit only to be written out:
    its lexer still knows the old numbers.
    """
    from lark.parsers.lalr_analysis import Shift

    table = parser.parser.parser._parse_table
    order: list[int] = []
    seen: set[int] = set()
    queue = deque(table.start_states[name] for name in sorted(table.start_states))
    while queue:
        state = queue.popleft()
        if state in seen:
            continue
        seen.add(state)
        order.append(state)
        for _terminal, (action, target) in sorted(table.states[state].items()):
            if action is Shift and target not in seen:
                queue.append(target)
    if len(order) != len(table.states):  # pragma: no cover - every LALR state is reachable
        raise GrammarError("the parse table has states no start state reaches")
    number = {old: new for new, old in enumerate(order)}
    table.states = {
        number[state]: {
            terminal: (action, number[target]) if action is Shift else (action, target)
            for terminal, (action, target) in sorted(table.states[state].items())
        }
        for state in order
    }
    table.start_states = {name: number[state] for name, state in table.start_states.items()}
    table.end_states = {name: number[state] for name, state in table.end_states.items()}


if __name__ == "__main__":
    write_standalone(sys.stdout)
