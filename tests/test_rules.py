"""The grammar's rules, each with a fixture file of input lines and the nodes expected (tests/rules.py)."""

from __future__ import annotations

import re

import pytest

from scrutinykit.layout.lines import layout
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir, load_parser, open_with_lark

from .rules import RULES, Case, cases, render_text

ALL = [case for path in sorted(RULES.glob("*.txt")) for case in cases(path)]

#: Rules that every document passes through, or that only group others: no case of their own.
_STRUCTURAL = {"start", "front_matter", "agenda_item", "item_heading", "item_section", "paragraph"}


@pytest.mark.parametrize("case", ALL, ids=lambda c: f"{c.file.stem}:{c.line}")
def test_rule_case(case: Case) -> None:
    assert render_text(case.text) == case.expected, f"{case.file.name}:{case.line} {case.title}"


def test_every_rule_of_the_grammar_has_a_case() -> None:
    """Each rule and alias of minutes.lark is met by at least one case of the fixture files."""
    grammar = (grammar_dir() / GRAMMAR_FILE).read_text(encoding="utf-8")
    rules = set(re.findall(r"^\??([a-z][a-z0-9_]*):", grammar, re.M))
    rules |= set(re.findall(r"->\s*([a-z_]+)", grammar))
    rules -= _STRUCTURAL
    lark = open_with_lark()
    terminals = load_parser().terminals
    met: set[str] = set()
    for case in ALL:
        tree = lark.parse(layout(normalise(case.text), terminals).text)
        met |= {str(t.data) for t in tree.iter_subtrees()}
    missing = sorted(rules - met)
    assert not missing, f"rules with no case in tests/fixtures/rules: {missing}"
