"""Golden files: each seed's JSON, reviewed by hand, must not drift.

To update after a deliberate change, run ``python -m tests.test_golden``,
read the diff it prints, and pass ``--write`` only when every change in it
is intended.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import pytest

import scrutinykit as sk

from .conftest import ROOT, SEEDS, parse_seed

GOLDEN = ROOT / "tests" / "golden"


def golden_path(seed: Path) -> Path:
    """Where the golden JSON of a seed lives."""
    return GOLDEN / f"{seed.stem}.json"


def render(seed: Path) -> str:
    """The JSON the library gives for a seed, as stored in the golden file."""
    return sk.dumps(parse_seed(seed), indent=1) + "\n"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_seed_matches_golden(seed: Path) -> None:
    """The JSON of each seed equals its reviewed golden file."""
    expected = golden_path(seed).read_text(encoding="utf-8")
    actual = render(seed)
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now", n=2)
        )
        pytest.fail(f"{seed.name} differs from its golden file:\n{diff[:4000]}")


def test_golden_loads_back_to_the_parse() -> None:
    """Each golden file loads into the model and equals a fresh parse."""
    for seed in SEEDS:
        assert sk.loads(golden_path(seed).read_text(encoding="utf-8")) == parse_seed(seed)


def _main(argv: list[str]) -> int:
    write = "--write" in argv
    for seed in SEEDS:
        path = golden_path(seed)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = render(seed)
        if old != new:
            sys.stdout.writelines(
                difflib.unified_diff(old.splitlines(True), new.splitlines(True), str(path), "now")
            )
            if write:
                path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
