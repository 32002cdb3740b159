"""The built wheel carries the grammar and the parser module: parse a seed from outside the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import ROOT, seed_path


@pytest.mark.slow
def test_wheel_installs_and_parses_a_seed(tmp_path: Path) -> None:
    """A wheel installed in a fresh venv parses seed 002 elsewhere: built parser, pattern file, no lark."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("scrutinykit-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    script = (
        "import json, sys, scrutinykit;"
        "d = scrutinykit.parse_file(sys.argv[1]);"
        "from scrutinykit.parsing.loader import load_parser;"
        "print(json.dumps([str(scrutinykit.grammar_dir()), str(d.meeting.date), len(d.items),"
        " load_parser().origin, 'lark' in sys.modules,"
        " __import__('scrutinykit.parsing.patterns').parsing.patterns.store().shipped is not None]))"
    )
    out = subprocess.run(
        [str(python), "-c", script, str(seed_path("002"))],
        cwd=outside,
        check=True,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    grammar, date, items, origin, lark_loaded, shipped = json.loads(out.stdout)
    assert "site-packages" in grammar
    assert date == "2017-09-19"
    assert items == 7
    assert (origin, lark_loaded) == ("built", False)
    assert shipped  # the compiled-pattern file written at install, for this Python build
