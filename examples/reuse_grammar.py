"""Use scrutinykit's grammar on its own, with plain Lark: list the outcome lines.

python examples/reuse_grammar.py seeds/002_eb523b947f5c9452.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

from lark import Lark

import scrutinykit


def main(paths: list[str]) -> int:
    """Print every resolution, recommendation and conclusion line with its line number."""
    grammar = scrutinykit.grammar_dir() / "minutes.lark"
    parser = Lark.open(str(grammar), parser="lalr", strict=True)
    for name in paths:
        # The grammar expects "\n" line ends, spaces and a final newline.
        text = Path(name).read_text(encoding="utf-8").replace("\r\n", "\n").replace("\u00a0", " ") + "\n"
        tree = parser.parse(text)
        for rule in ("resolution", "recommendation", "conclusion"):
            for node in tree.find_data(rule):
                label = node.children[0]
                print(f"{name}:{label.line}: {rule}: {label.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
