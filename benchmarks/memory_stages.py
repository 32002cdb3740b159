"""Where a parse's memory goes: live memory at each stage boundary of ``parse_with``.

Run from the repository root::

    python -m benchmarks.memory_stages           # the 1 MB document of benchmarks/throughput.py
    python -m benchmarks.memory_stages --top 10  # and the largest allocations alive after the parse

The pipeline of :func:`scrutinykit._api.parse_with` is run step by step on
the 1 MB document (built from the seeds as ``benchmarks/throughput.py``
builds it), each stage's input handed over as the library hands it (no
extra reference kept here), with :mod:`tracemalloc` on.  For each stage it
prints, in MB per MB of input, the memory alive after it and the most alive
at any moment during it, both over the source text itself (which the
document keeps; add ``source_MB_per_MB`` for the whole).  These are Python's
own allocations; the process's high-water mark (``python -m
benchmarks.throughput --memory``) is higher by what the C allocator keeps
of memory freed (see docs/performance.md, "Memory").
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc

import scrutinykit as sk
from scrutinykit._api import furniture_of
from scrutinykit.build.assemble import assemble
from scrutinykit.build.detect import not_minutes_reason
from scrutinykit.build.furniture import place_furniture
from scrutinykit.build.transform import MinutesTransformer
from scrutinykit.layout.lines import layout
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser
from scrutinykit.parsing.vocabulary import patterns_for

from .throughput import MB, SEEDS, _build, _texts


def stages(top: int = 0) -> None:
    """Print the live memory at each stage boundary of one parse of the 1 MB document."""
    sk.dumps(sk.parse(SEEDS[0].read_text(encoding="utf-8")))  # every module and table loaded
    text = _build(_texts(SEEDS), MB)
    size = len(text.encode("utf-8")) / MB
    parser = load_parser()
    patterns = patterns_for(())
    source = sys.getsizeof(text) / MB / size
    print(f"input {size:.2f} MB; source_MB_per_MB {source:.2f}; parser {parser.origin}")
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]

    def mark(stage: str) -> None:
        now, peak = tracemalloc.get_traced_memory()
        after, most = (now - base) / MB / size, (peak - base) / MB / size
        print(f"{stage:<40} after {after:5.2f}   most during {most:5.2f}")
        tracemalloc.reset_peak()

    held = [normalise(text)]
    mark("normalise")
    normalised = layout(held.pop(), parser.terminals)  # the only reference, as parse_with's
    mark("layout")
    tree = parser.parse(normalised.text)
    mark("LALR parse (tree and tokens alive)")
    snapshot = tracemalloc.take_snapshot() if top else None
    parsed = MinutesTransformer(normalised, patterns).transform(tree, consume=True)
    mark("transform (the tree freed as it goes)")
    furniture = furniture_of(normalised, text)
    del tree, normalised
    mark("tree and laid-out text let go")
    doc = place_furniture(assemble(parsed, text, None, patterns), furniture)
    mark("assemble")
    del parsed
    not_minutes_reason(doc, patterns)
    mark("not_minutes_reason")
    if snapshot is not None:
        print(f"the {top} largest allocations alive after the LALR parse (MB per MB, count, where):")
        for stat in snapshot.statistics("lineno")[:top]:
            print(f"  {stat.size / MB / size:5.2f} {stat.count:>7}  {stat.traceback[0]}")


def main(argv: list[str] | None = None) -> int:
    """Run the measurement."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=0, help="also list the N largest allocations after the parse")
    stages(ap.parse_args(argv).top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
