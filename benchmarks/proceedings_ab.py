"""The proceedings scanner against another revision's, paired and interleaved in one process.

Run from the repository root::

    python -m benchmarks.proceedings_ab --rev HEAD~1

The other revision's ``src/scrutinykit/proceedings/`` package (the driver
``scanner.py`` and its rule modules, or the one ``scanner.py`` of a revision
before they were split) is loaded beside this one (it imports this
checkout's model and readers, so it is the way to measure a change to the
proceedings stage alone).  One parse of the 1 MB
document (as ``benchmarks/throughput.py`` builds it) records the arguments of
every item's ``proceedings`` call; both scanners are first checked to give
equal items for every one of them, then timed over them in turn,
``--repeats`` times.  It prints each side's median in ms per MB and the
median of the paired ratios (this over the other), which holds on a shared
machine where the timings themselves drift.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from benchmarks.throughput import MB, ROOT, SEEDS, _build, _texts

_PACKAGE = "src/scrutinykit/proceedings"


def _load_other(rev: str, folder: Path) -> ModuleType:
    """``rev``'s proceedings driver, its package loaded as ``scrutinykit._proceedings_other``."""
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", f"{rev}:{_PACKAGE}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    for name in names:
        if name.endswith(".py"):
            source = subprocess.run(
                ["git", "show", f"{rev}:{_PACKAGE}/{name}"],
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (folder / name).write_text(source, encoding="utf-8")
    package = "scrutinykit._proceedings_other"
    spec = importlib.util.spec_from_file_location(
        package, folder / "__init__.py", submodule_search_locations=[str(folder)]
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[package] = module
    spec.loader.exec_module(module)
    return importlib.import_module(f"{package}.scanner")


def measure(rev: str, repeats: int) -> dict[str, float]:
    """Medians in ms per MB for this scanner and ``rev``'s, and the median paired ratio."""
    import scrutinykit as sk
    import scrutinykit.proceedings.scanner as this
    from scrutinykit.build import assemble

    text = _build(_texts(SEEDS), MB)
    size = len(text.encode("utf-8")) / MB
    calls: list[tuple[Any, ...]] = []
    original = assemble.proceedings

    def record(*args: Any) -> Any:
        calls.append(args)
        return original(*args)

    assemble.proceedings = record  # type: ignore[assignment]
    try:
        sk.parse(text)
    finally:
        assemble.proceedings = original
    with tempfile.TemporaryDirectory() as folder:
        other = _load_other(rev, Path(folder))
        for args in calls:
            assert this.proceedings(*args) == other.proceedings(*args), "the scanners disagree"
        times: dict[str, list[float]] = {"this": [], rev: []}
        for _ in range(repeats):
            for name, module in (("this", this), (rev, other)):
                start = time.perf_counter()
                for args in calls:
                    module.proceedings(*args)
                times[name].append((time.perf_counter() - start) * 1000 / size)
    ratios = [a / b for a, b in zip(times["this"], times[rev])]
    out = {f"{name}_ms_per_MB": round(statistics.median(t), 1) for name, t in times.items()}
    out["paired_ratio_this_over_other"] = round(statistics.median(ratios), 3)
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the two medians and the paired ratio."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", required=True, help="the revision whose scanner to compare with")
    ap.add_argument("--repeats", type=int, default=11)
    args = ap.parse_args(argv)
    print(measure(args.rev, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
