"""Replay every failing input ever found (``tests/regressions/*.json``).

Each file names its target (``parse``, ``parse_bytes`` or ``loads``) and the
outcome expected now; the input gets the same checks as the properties in
:mod:`tests.test_robustness`.  ``tests/regressions/README.md`` describes the
fields.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import scrutinykit as sk

from .test_robustness import KNOWN_BUGS, check_bytes, check_json, check_text

REGRESSIONS = Path(__file__).parent / "regressions"
FILES = sorted(REGRESSIONS.glob("*.json"))


def load_case(path: Path) -> dict[str, Any]:
    """A regression file, with its input built."""
    case: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if "input_hex" in case:
        case["data"] = bytes.fromhex(case["input_hex"])
    elif "input_repeat" in case:
        case["data"] = "".join(piece * times for piece, times in case["input_repeat"])
    else:
        case["data"] = case["input"]
    return case


def _marks(path: Path) -> list[pytest.MarkDecorator]:
    reason = json.loads(path.read_text(encoding="utf-8")).get("xfail")
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


def test_the_corpus_is_not_empty() -> None:
    """The corpus is found (a moved folder would silently replay nothing)."""
    assert len(FILES) >= 9


def test_known_bugs_are_expected_failures_here() -> None:
    """Every input the properties pass over is replayed here as an expected failure."""
    for name, pattern in KNOWN_BUGS.items():
        case = load_case(REGRESSIONS / name)
        assert case.get("xfail"), f"{name} is listed as a known bug but is not marked xfail"
        assert pattern.search(case["data"]), f"{name}: its input does not match its KNOWN_BUGS pattern"


@pytest.mark.parametrize("path", [pytest.param(p, marks=_marks(p), id=p.stem) for p in FILES])
def test_regression(path: Path) -> None:
    """The input gives the expected outcome and keeps every property."""
    case = load_case(path)
    for field in ("target", "expect", "found", "failure", "fixed"):
        assert field in case, f"{path.name} has no {field!r}"
    check = {"parse": check_text, "parse_bytes": check_bytes, "loads": check_json}[case["target"]]
    expect = case["expect"]
    if expect == "Document":
        assert check(case["data"]) is not None
        return
    error = getattr(sk, expect)
    assert issubclass(error, sk.ScrutinyKitError)
    assert error is not sk.InternalError
    with pytest.raises(error):
        {"parse": sk.parse, "parse_bytes": sk.parse_bytes, "loads": sk.loads}[case["target"]](case["data"])
    assert check(case["data"]) is None
