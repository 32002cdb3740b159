"""Write the grammar as a Lark standalone parser: one Python module, no dependencies.

:func:`write_standalone` writes a module built by Lark's own standalone tool
(:mod:`lark.tools.standalone`) from the very parser scrutinykit parses with
(:func:`scrutinykit._grammar.load_parser`: LALR, contextual lexer, strict),
so the trees it gives are the library's trees.  Another program uses it so::

    import minutes_parser                      # the module written here
    parser = minutes_parser.Lark_StandAlone()
    tree = parser.parse(text)                  # text in normalised form

The module needs neither scrutinykit nor lark installed.  It expects text
as scrutinykit's normaliser leaves it (``\\n`` line ends, spaces for tabs and
no-break spaces, straight quotes, a final newline); see ``docs/grammar.md``.

``python -m scrutinykit._standalone > minutes_parser.py`` writes it too.
"""

from __future__ import annotations

import sys
from typing import TextIO

import lark
from lark.tools.standalone import gen_standalone

from ._grammar import GRAMMAR_FILE, load_parser

__all__ = ["write_standalone"]


def _header() -> str:
    try:
        from importlib.metadata import version

        made_by = f"scrutinykit {version('scrutinykit')}"
    except Exception:  # pragma: no cover - a bare checkout
        made_by = "scrutinykit"
    return (
        f"# A standalone LALR parser for {GRAMMAR_FILE}, the grammar of UK council committee\n"
        f"# minutes, written by {made_by} with Lark {lark.__version__}'s standalone tool.\n"
        "# Do not edit: regenerate with `scrutinykit grammar --standalone`.\n"
        "#\n"
        "# Usage: Lark_StandAlone().parse(text), where text is in the normalised form\n"
        "# described in scrutinykit's docs/grammar.md (\\n line ends, final newline).\n"
        "#\n"
        "# The grammar tables are scrutinykit's (MIT). The parser code below is Lark's standalone\n"
        "# code, under the Mozilla Public License 2.0 as its own notice says.\n"
    )


def write_standalone(out: TextIO) -> None:
    """Write a standalone Python parser module for the grammar to ``out``.

    :raises GrammarError: the grammar cannot be found or loaded.
    """
    parser = load_parser()
    out.write(_header())
    gen_standalone(parser, out=out)  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    write_standalone(sys.stdout)
