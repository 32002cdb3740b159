"""The example scripts run and do what their docstrings say."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import scrutinykit as sk

from .conftest import ROOT, seed_path

EXAMPLES = ROOT / "examples"


def run(script: str, *args: str, cwd: Path = ROOT) -> str:
    """Run an example script with this interpreter and return its stdout."""
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args], cwd=cwd, check=True, capture_output=True, text=True
    )
    return done.stdout


def test_parse_to_json_writes_loadable_json(tmp_path: Path) -> None:
    """parse_to_json.py writes JSON that loads back into the model."""
    copy = tmp_path / "minutes.txt"
    shutil.copy(seed_path("004"), copy)
    out = run("parse_to_json.py", str(copy))
    assert "1 items, 2 outcomes" in out
    doc = sk.loads((tmp_path / "minutes.json").read_text(encoding="utf-8"))
    assert doc == sk.parse_file(copy)


def test_outcomes_to_csv_has_a_row_per_point() -> None:
    """outcomes_to_csv.py writes one row per point: 6 + 4 for seed 000."""
    rows = list(csv.DictReader(io.StringIO(run("outcomes_to_csv.py", str(seed_path("000"))))))
    assert len(rows) == 10
    assert [r["outcome"] for r in rows].count("conclusion") == 6


def test_reuse_grammar_lists_outcome_lines() -> None:
    """reuse_grammar.py finds the three resolutions of seed 002 with plain Lark."""
    lines = run("reuse_grammar.py", str(seed_path("002"))).splitlines()
    assert len(lines) == 3
    assert all(": resolution: RESOLVED" in line for line in lines)
