"""The proceedings' rule modules, each with a fixture file of minutes and the annotations expected."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrutinykit.proceedings

from .proceedings_rules import RULES, render_text
from .rules import Case, cases

ALL = [case for path in sorted(RULES.glob("*.txt")) for case in cases(path)]

#: Modules of the package that are not rules: the driver and what every rule shares.
_SHARED = {"__init__", "scanner", "state", "terminals", "text", "triggers"}


@pytest.mark.parametrize("case", ALL, ids=lambda c: f"{c.file.stem}:{c.line}")
def test_proceedings_rule_case(case: Case) -> None:
    assert render_text(case.text) == case.expected, f"{case.file.name}:{case.line} {case.title}"


def test_every_rule_module_has_a_fixture_file() -> None:
    """Each rule module of proceedings/ has its fixture file with cases, and each fixture file a module."""
    package = Path(scrutinykit.proceedings.__file__).parent
    modules = {p.stem for p in package.glob("*.py")} - _SHARED
    files = {p.stem for p in RULES.glob("*.txt")}
    assert modules == files
    for name in files:
        assert list(cases(RULES / f"{name}.txt")), f"{name}.txt has no case"
