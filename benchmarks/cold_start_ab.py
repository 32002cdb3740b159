"""Cold start against another revision's: fresh interpreters, paired and interleaved.

Run from the repository root::

    python -m benchmarks.cold_start_ab --rev 1f91895 --runs 21

A cold start is a fresh interpreter importing scrutinykit and parsing one
seed, as on a machine where scrutinykit was installed and has run before:
the bytecode is written first (``PYTHONDONTWRITEBYTECODE`` is lifted for the
children) and the files an install writes are there.  The other revision is
checked out in a temporary ``git worktree`` and given those files as an
install would (its parser module ``_minutes_lalr.py`` and its compiled-pattern
file, by ``hatch_build.py``'s own functions run on that tree,
:func:`benchmarks.end_to_end_ab._install_like`).  Each side is imported from
its own ``src`` folder (``PYTHONPATH``), and parses this checkout's seed.

Each run starts one interpreter per side, in turn (the order alternating
between runs), and times its whole life from outside.  It prints each side's
median milliseconds and the median of the paired ratios (this over the
other), which holds on a shared machine where the timings themselves drift.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.end_to_end_ab import installed_checkout, interleaved
from benchmarks.throughput import ROOT, SEEDS

SEED = SEEDS[2]
"""The seed a cold start parses (``seeds/002_….txt``, as ``throughput.cold_start`` does)."""

_CODE = "import sys, scrutinykit; scrutinykit.parse_file(sys.argv[1])"
_WHERE = "import scrutinykit; print(scrutinykit.__file__)"


def _env(src: Path) -> dict[str, str]:
    """This environment with bytecode writing allowed and ``src`` first on the import path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH")}
    env["PYTHONPATH"] = str(src)
    return env


def _run(src: Path) -> float:
    """Wall seconds of one cold start of the package in ``src``."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _CODE, str(SEED)], check=True, env=_env(src), cwd=src.parent)
    return time.perf_counter() - start


def compare(rev: str, runs: int) -> dict[str, list[float]]:
    """Each side's wall seconds, run by run (``"this"`` and ``rev``)."""
    with installed_checkout(rev) as other:
        sides = {"this": ROOT / "src", rev: other}
        for src in sides.values():
            where = subprocess.run(
                [sys.executable, "-c", _WHERE], check=True, capture_output=True, text=True, env=_env(src)
            ).stdout.strip()
            assert where.startswith(str(src)), (where, src)
            _run(src)  # writes the bytecode
            _run(src)
        return interleaved(sides, runs, _run)


def main() -> None:
    """Parse the options, compare and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="the revision to compare against")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    found = compare(args.rev, args.runs)
    for name, times in found.items():
        print(f"{name:>10}: median {statistics.median(times) * 1000:.1f} ms over {len(times)} cold starts")
    ratios = [a / b for a, b in zip(found["this"], found[args.rev])]
    print(f"paired ratios (this / {args.rev}): median {statistics.median(ratios):.3f}", end="")
    low, _, high = statistics.quantiles(ratios, n=4)
    print(f" (quartiles {low:.3f}-{high:.3f})")


if __name__ == "__main__":
    main()
