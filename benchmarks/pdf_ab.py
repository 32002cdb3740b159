"""The PDF reader against another revision's, paired and interleaved in one process.

Run from the repository root::

    python -m benchmarks.pdf_ab --rev 1f91895

The other revision's ``src/scrutinykit/sources/pdf.py`` is loaded beside this
one (as ``scrutinykit.sources._pdf_other``: it imports this checkout's
model and parser, so it is the way to measure a change to the PDF reader
alone).  The PDFs are those of ``python -m benchmarks.throughput --pdf``: the
real PDFs of ``../shared/realdocs`` (when present) and the generated ones
(fpdf2, when installed).  Both readers are first checked to give the same
rendering (text, pages and furniture spans) of every PDF, then timed in
turn, ``--repeats`` times, each repeat running this one first or the other
first in alternation: ``render_pdf`` over every PDF of a set (the
rendering) and ``parse_pdf`` over every PDF of it (PDF → model).  It prints,
per set, each side's median in pages per second of process CPU time and
the median of the paired ratios of CPU time (this over the other, below 1
when this one is faster), which holds on a shared machine where the
timings themselves drift.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from benchmarks.throughput import ROOT, pdf_sets

_MODULE = "src/scrutinykit/sources/pdf.py"


def _load_other(rev: str, folder: Path) -> ModuleType:
    """``rev``'s PDF reader, loaded as ``scrutinykit.sources._pdf_other``."""
    source = subprocess.run(
        ["git", "show", f"{rev}:{_MODULE}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    path = folder / "_pdf_other.py"
    path.write_text(source, encoding="utf-8")
    name = "scrutinykit.sources._pdf_other"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def measure(rev: str, repeats: int) -> dict[str, dict[str, float]]:
    """Per set of PDFs: both sides' medians (pages/s, CPU) and the median paired ratios."""
    import pypdfium2

    import scrutinykit as sk
    import scrutinykit.sources.pdf as this

    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        other = _load_other(rev, Path(folder))
        for name, datas in pdf_sets().items():
            for data in datas:
                assert this.render_pdf(data) == other.render_pdf(data), "the readers disagree"
            pages = sum(len(pypdfium2.PdfDocument(d)) for d in datas)

            def render(module: ModuleType, datas: list[bytes] = datas) -> None:
                for data in datas:
                    module.render_pdf(data)

            def parse(module: ModuleType, datas: list[bytes] = datas) -> None:
                for data in datas:
                    with contextlib.suppress(sk.ScrutinyKitError):
                        module.parse_pdf(data)

            parse(this)  # warm: the parser built, the engine loaded
            parse(other)
            times: dict[tuple[str, str], list[float]] = {
                (stage, side): [] for stage in ("render", "parse") for side in ("this", "other")
            }
            for n in range(repeats):
                sides = [("this", this), ("other", other)]
                for side, module in sides if n % 2 == 0 else sides[::-1]:
                    times["render", side].append(_cpu(lambda m=module: render(m)))
                    times["parse", side].append(_cpu(lambda m=module: parse(m)))
            figures: dict[str, float] = {"files": len(datas), "pages": pages}
            for stage in ("render", "parse"):
                for side in ("this", "other"):
                    figures[f"{stage}_pages_s_cpu_{side}"] = round(
                        pages / statistics.median(times[stage, side]), 1
                    )
                ratios = [a / b for a, b in zip(times[stage, "this"], times[stage, "other"])]
                figures[f"{stage}_paired_ratio_this_over_other"] = round(statistics.median(ratios), 3)
            out[name] = figures
    return out


def main(argv: list[str] | None = None) -> int:
    """Print, per set of PDFs, the medians and the paired ratios."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", required=True, help="the revision whose PDF reader to compare with")
    ap.add_argument("--repeats", type=int, default=11)
    args = ap.parse_args(argv)
    for name, figures in measure(args.rev, args.repeats).items():
        print(f"{name}: {figures}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
