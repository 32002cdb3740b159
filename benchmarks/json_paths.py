"""JSON paths compared: scrutinykit's own reader and writer against cattrs' orjson converter.

Run from the repository root (orjson is not a dependency; install it to run
this)::

    pip install orjson
    python -m benchmarks.json_paths

On the 1 MB document (as ``benchmarks/throughput.py`` builds it), MB of
source text per second, each the median of ``--repeats`` interleaved runs:

* ``loads``: scrutinykit's reader (``json.loads`` and the generated
  per-class functions, the cattrs converter only for errors);
* the same generated functions after ``orjson.loads``;
* cattrs' orjson preconf converter (``cattrs.preconf.orjson``) configured
  with scrutinykit's rules, and the plain cattrs converter;
* the two parsers alone (the floors);
* ``dumps`` against the orjson converter's ``dumps`` (which writes the same
  JSON value, but not the same text: compact separators, characters beyond
  ASCII unescaped, no ``schema_version``).

Every path is first checked to give back the very document parsed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.throughput import MB, SEEDS, _build, _texts


def measure(repeats: int) -> dict[str, float]:
    """MB/s of each JSON path on the 1 MB document."""
    import cattrs.preconf.orjson as preconf
    import orjson

    import scrutinykit as sk
    from scrutinykit._model import Document
    from scrutinykit.io import serialise as se

    text = _build(_texts(SEEDS), MB)
    size = len(text.encode("utf-8")) / MB
    doc = sk.parse(text)
    js = sk.dumps(doc)
    converter = preconf.make_converter(forbid_extra_keys=True)
    se.configure_converter(converter)

    def data(raw: dict[str, Any]) -> dict[str, Any]:
        version = raw.pop("schema_version")
        return se._migrate(raw, version)

    paths: dict[str, Callable[[], object]] = {
        "loads (json.loads + generated functions)": lambda: sk.loads(js),
        "orjson.loads + generated functions": lambda: se._structure_fast(data(orjson.loads(js))),
        "cattrs orjson preconf converter": lambda: converter.structure(data(orjson.loads(js)), Document),
        "cattrs converter (json.loads)": lambda: se._converter().structure(data(json.loads(js)), Document),
        "json.loads alone": lambda: json.loads(js),
        "orjson.loads alone": lambda: orjson.loads(js),
        "dumps": lambda: sk.dumps(doc),
        "cattrs orjson preconf dumps": lambda: converter.dumps(doc),
    }
    for name, fn in list(paths.items())[:4]:
        assert fn() == doc, name
    times: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(repeats):
        for name, fn in paths.items():
            start = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - start)
    return {name: round(size / statistics.median(t), 1) for name, t in times.items()}


def main(argv: list[str] | None = None) -> int:
    """Print the MB/s of each path."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=9)
    args = ap.parse_args(argv)
    for name, speed in measure(args.repeats).items():
        print(f"{name:<44} {speed:>7} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
