"""The stages outside Lark's parse and the proceedings, against another revision's: paired and interleaved.

Run from the repository root::

    python -m benchmarks.stages_ab --rev 1f91895 --rounds 4

``benchmarks/stages.py --rev`` measures one side and then the other, so on
a shared machine a drift between the two halves shows as a difference.
Here, as in ``benchmarks/end_to_end_ab.py``, the other revision is checked
out in a temporary ``git worktree`` (its parser module and pattern file
written as an install would) and each round runs one fresh interpreter per
side, in turn, the order alternating between rounds.  Each interpreter
times, on the 1 MB document (as ``benchmarks/throughput.py`` builds it),
the layout stage, the transformer alone (on a tree parsed beforehand),
assembly with the proceedings scanner and the figure scan told apart (and
``rest``: assembly without the two), the not-minutes check and ``dumps``,
each the fastest of ``--repeats`` runs in CPU time (``time.process_time``:
time the process waits for a core is not counted).  It prints each
stage's median over the rounds, in milliseconds per MB, for both sides and
the median of the paired ratios (this over the other).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.end_to_end_ab import WORKER_START, installed_checkout, interleaved
from benchmarks.throughput import ROOT

_WORKER = WORKER_START + """from scrutinykit.build import assemble as _assemble
from scrutinykit.build.detect import not_minutes_reason
from scrutinykit.build.transform import MinutesTransformer
doc = sk.parse(text)
sk.dumps(doc)
parser = load_parser()
normalised = normalise(text)
laid_out = layout(normalised, parser.terminals)
tree = parser.parse(laid_out.text)
parsed = MinutesTransformer(laid_out).transform(tree)

def fastest(fn):
    best = float("inf")
    for _ in range({repeats}):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best

out = {{
    "layout": fastest(lambda: layout(normalised, parser.terminals)),
    "transform": fastest(lambda: MinutesTransformer(laid_out).transform(tree)),
}}
spent = {{}}
real = _assemble.proceedings, _assemble._figures

def timed(name, fn):
    def run(*args):
        start = time.process_time()
        try:
            return fn(*args)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return run

_assemble.proceedings = timed("proceedings", real[0])
_assemble._figures = timed("figures", real[1])
best = {{}}
for _ in range({repeats}):
    spent.clear()
    start = time.process_time()
    _assemble.assemble(parsed, text, None)
    spent["assemble"] = time.process_time() - start
    spent["rest"] = spent["assemble"] - spent["proceedings"] - spent["figures"]
    for key, value in spent.items():
        best[key] = min(best.get(key, float("inf")), value)
_assemble.proceedings, _assemble._figures = real
out.update(best)
out["not-minutes check"] = fastest(lambda: not_minutes_reason(doc))
out["dumps"] = fastest(lambda: sk.dumps(doc))
print(json.dumps({{key: value * 1000 / size for key, value in out.items()}}))
"""


def _run(src: Path, repeats: int) -> dict[str, float]:
    code = _WORKER.format(src=str(src), root=str(ROOT), repeats=repeats)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.splitlines()[-1])
    return result


def compare(rev: str, rounds: int, repeats: int) -> None:
    """Print each stage's median on both sides and the median paired ratio."""
    with installed_checkout(rev) as other:
        found = interleaved({"this": ROOT / "src", rev: other}, rounds, lambda src: _run(src, repeats))
    print(f"ms per MB, median of {rounds} rounds (each the fastest of {repeats}, CPU time)")
    print(f"  {'':<20} {'this':>8} {rev:>12} {'paired ratio':>13}")
    for key in found["this"][0]:
        this = statistics.median(r[key] for r in found["this"])
        other = statistics.median(r[key] for r in found[rev])
        ratio = statistics.median(a[key] / b[key] for a, b in zip(found["this"], found[rev]))
        print(f"  {key:<20} {this:>8.1f} {other:>12.1f} {ratio:>13.3f}")


def main() -> None:
    """Parse the options and compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", required=True, help="the revision to compare against")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    compare(args.rev, args.rounds, args.repeats)


if __name__ == "__main__":
    main()
