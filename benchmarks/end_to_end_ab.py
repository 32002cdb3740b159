"""Text → model → JSON against another revision's, in fresh interpreters, paired and interleaved.

Run from the repository root::

    python -m benchmarks.end_to_end_ab --rev df9ccba --rounds 10

The other revision is checked out in a temporary ``git worktree`` and its
parser module and compiled-pattern file are written as an install would
(``hatch_build.py``'s own functions), so both sides parse with the parser an
installed copy uses.  Each round runs one interpreter per side, in turn (the
order alternating between rounds), each timing ``dumps(parse(text))`` and
Lark's parse alone of the 1 MB document (as ``benchmarks/throughput.py``
builds it) ``--repeats`` times and giving the medians.  It prints each
side's median MB/s, its ``x parse`` and the median of the paired ratios
(this over the other), which holds on a shared machine where the timings
themselves drift.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from benchmarks.throughput import ROOT

WORKER_START = """
import json, statistics, sys, time
sys.path.insert(0, {src!r})
sys.path.insert(1, {root!r})
import scrutinykit as sk
from benchmarks.throughput import MB, SEEDS, _build, _texts
from scrutinykit.layout.lines import layout
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser
assert sk.__file__.startswith({src!r}), sk.__file__
text = _build(_texts(SEEDS), MB)
size = len(text.encode("utf-8")) / MB
"""
"""How a worker of another revision's ``src`` starts: the package imported from there, the 1 MB document."""

_WORKER = WORKER_START + """parser = load_parser()
prepared = layout(normalise(text), parser.terminals).text
sk.dumps(sk.parse(text))
parser.parse(prepared)
full, lark = [], []
for _ in range({repeats}):
    start = time.perf_counter(); sk.dumps(sk.parse(text)); full.append(time.perf_counter() - start)
    start = time.perf_counter(); parser.parse(prepared); lark.append(time.perf_counter() - start)
print(json.dumps({{"full": statistics.median(full) / size, "lark": statistics.median(lark) / size}}))
"""


def _install_like(tree: Path) -> None:
    """Write ``tree``'s parser module and pattern file as ``pip install`` would."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; import hatch_build as h; "
        f"root = Path({str(tree)!r}); "
        "(root / 'src/scrutinykit' / h.MODULE).write_text(h.standalone_module(root), encoding='utf-8'); "
        "h.shipped_patterns(root, root / 'src/scrutinykit')"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tree)


def _run(src: Path, repeats: int) -> dict[str, float]:
    code = _WORKER.format(src=str(src), root=str(ROOT), repeats=repeats)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out)
    return result


_T = TypeVar("_T")


@contextlib.contextmanager
def installed_checkout(rev: str) -> Iterator[Path]:
    """``rev`` checked out in a temporary ``git worktree``, given its parser module and pattern file
    as an install would (:func:`_install_like`): its ``src`` folder, removed at the end."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "-q", "--detach", str(tree), rev], check=True)
        try:
            _install_like(tree)
            yield tree / "src"
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=True)


def interleaved(sides: dict[str, Path], rounds: int, run: Callable[[Path], _T]) -> dict[str, list[_T]]:
    """``run`` of each side's ``src``, ``rounds`` times, the sides in turn (the order alternating)."""
    found: dict[str, list[_T]] = {name: [] for name in sides}
    for k in range(rounds):
        order = list(sides) if k % 2 == 0 else list(reversed(sides))
        for name in order:
            found[name].append(run(sides[name]))
    return found


def compare(rev: str, rounds: int, repeats: int) -> None:
    """Print both sides' medians and the median paired ratio."""
    with installed_checkout(rev) as other:
        found = interleaved({"this": ROOT / "src", rev: other}, rounds, lambda src: _run(src, repeats))
    for name, runs in found.items():
        full = statistics.median(r["full"] for r in runs)
        lark = statistics.median(r["lark"] for r in runs)
        print(f"{name:>10}: end to end {1 / full:.2f} MB/s, Lark's parse {1 / lark:.2f} MB/s", end="")
        print(f", x parse {full / lark:.2f}")
    ratios = [a["full"] / b["full"] for a, b in zip(found["this"], found[rev])]
    print(f"paired time ratios (this / {rev}): {[round(r, 3) for r in ratios]}", end="")
    print(f", median {statistics.median(ratios):.3f}")


def main() -> None:
    """Parse the options and compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="the revision to compare against")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    compare(args.rev, args.rounds, args.repeats)


if __name__ == "__main__":
    main()
