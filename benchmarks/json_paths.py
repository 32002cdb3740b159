"""JSON paths compared: scrutinykit's own reader and writer, orjson, and cattrs' orjson converter.

Run from the repository root, with orjson installed (the ``json`` extra;
the ``test`` extra includes it)::

    python -m benchmarks.json_paths            # --repeats 9 by default
    python -m benchmarks.json_paths --json     # the figures as JSON

Two inputs, as ``benchmarks/throughput.py`` builds them: the JSON of the
1 MB document, and of the seeds twenty times over (what ``json_load_speed``
reads). Each round runs every path once on each input, in turn, so the
paths share the machine's load alike (the inputs are frozen out of the
garbage collector's way, and each timed call starts after a collection,
so the collections a path triggers are its own); a path's figure is the median over the
rounds of MB of *source text* per second, and its ratio the median of its
per-round ratios to ``json.loads`` alone (reading) or to ``dumps`` (writing).

Reading:

* ``json.loads alone`` and ``orjson.loads alone``: the floors;
* ``loads``: what :func:`scrutinykit.loads` does (``orjson.loads`` and the
  generated per-class functions when orjson is installed);
* ``loads, json module``: the same without orjson (``_load_checked``: the
  standard library's ``json.loads`` and the same functions), which is what
  ``loads`` was before orjson and is without it;
* ``loads, collector paused``: ``loads`` with Python's cyclic garbage
  collector switched off around it (a trial: ``loads`` does not do this);
* ``cattrs orjson preconf converter``: ``cattrs.preconf.orjson`` configured
  with scrutinykit's rules; ``cattrs converter``: the plain one after
  ``json.loads`` (the checked path that gives the error messages).

Writing:

* ``dumps``: :func:`scrutinykit.dumps` (the generated unstructure functions,
  written by the standard library's C encoder a part at a time);
* ``to_dict alone``: the generated functions' data, not encoded;
* ``orjson.dumps(to_dict)``: that data through orjson (compact text), and
  the same re-spaced by a regular expression to ``dumps``' separators;
* ``cattrs orjson preconf dumps``: the converter's own;
* the same with an indent of 2: ``dumps(indent=2)`` (written by orjson
  when it is installed), the same with the standard library's encoder (as
  without orjson, and before it), and ``orjson.dumps(to_dict,
  option=OPT_INDENT_2)`` in one piece.

Each writing path says whether its text is, byte for byte, what ``dumps``
has always written: ``json.dumps(to_dict(doc), ensure_ascii=False)`` (with
``indent=2`` for the indented paths);
each reading path is first checked to give back the very document.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.throughput import MB, SEEDS, _build, _mb, _texts

READ_FLOOR = "json.loads alone"
WRITE_BASE = "dumps"


Paths = dict[str, Callable[[], object]]

#: orjson's compact text re-spaced to ``dumps``' separators (", " and ": "), strings skipped whole.
RESPACE = re.compile(r'((?:"[^"\\]*(?:\\.[^"\\]*)*"|[^",:])*)([,:])')


def _json_module(fn: Callable[[], Any]) -> Any:
    """``fn()`` with scrutinykit's JSON functions not using orjson (as without the ``json`` extra)."""
    from scrutinykit.io import serialise as se

    saved, se._ORJSON[:] = list(se._ORJSON), [None]
    try:
        return fn()
    finally:
        se._ORJSON[:] = saved


def _paused(fn: Callable[[], Any]) -> Any:
    """``fn()`` with the cyclic garbage collector switched off (not what ``loads`` does: a trial)."""
    gc.disable()
    try:
        return fn()
    finally:
        gc.enable()


def _paths(texts: list[str]) -> tuple[Paths, Paths, dict[str, bool]]:
    """The reading paths, the writing paths, and whether each writing path gives ``json.dumps``' text."""
    import cattrs.preconf.orjson as preconf
    import orjson

    import scrutinykit as sk
    from scrutinykit._model import Document
    from scrutinykit.io import serialise as se

    docs = [sk.parse(t) for t in texts]
    dumped = [sk.dumps(d) for d in docs]
    converter = preconf.make_converter(forbid_extra_keys=True)
    se.configure_converter(converter)

    def data(raw: dict[str, Any]) -> dict[str, Any]:
        version = raw.pop("schema_version")
        return se._migrate(raw, version)

    read: dict[str, Callable[[], object]] = {
        "json.loads alone": lambda: [json.loads(j) for j in dumped],
        "orjson.loads alone": lambda: [orjson.loads(j) for j in dumped],
        "loads": lambda: [sk.loads(j) for j in dumped],
        "loads, json module": lambda: [se._load_checked(j) for j in dumped],
        "loads, collector paused": lambda: _paused(lambda: [sk.loads(j) for j in dumped]),
        "cattrs orjson preconf converter": lambda: [
            converter.structure(data(orjson.loads(j)), Document) for j in dumped
        ],
        "cattrs converter (json.loads)": lambda: [
            se._converter().structure(data(json.loads(j)), Document) for j in dumped
        ],
    }
    for name, fn in read.items():
        if "alone" not in name:
            assert fn() == docs, name
    indent2 = orjson.OPT_INDENT_2
    write: dict[str, Callable[[], list[Any]]] = {
        "dumps": lambda: [sk.dumps(d) for d in docs],
        "to_dict alone": lambda: [sk.to_dict(d) for d in docs],
        "orjson.dumps(to_dict)": lambda: [orjson.dumps(sk.to_dict(d)).decode() for d in docs],
        "orjson.dumps(to_dict) re-spaced": lambda: [
            RESPACE.sub(r"\1\2 ", orjson.dumps(sk.to_dict(d)).decode()) for d in docs
        ],
        "cattrs orjson preconf dumps": lambda: [converter.dumps(d) for d in docs],
        "dumps(indent=2)": lambda: [sk.dumps(d, indent=2) for d in docs],
        "dumps(indent=2), json module": lambda: _json_module(lambda: [sk.dumps(d, indent=2) for d in docs]),
        "orjson.dumps(to_dict, OPT_INDENT_2)": lambda: [
            orjson.dumps(sk.to_dict(d), option=indent2).decode() for d in docs
        ],
    }
    # The text dumps has always written: json.dumps of to_dict's data.
    plain = [json.dumps(sk.to_dict(d), ensure_ascii=False) for d in docs]
    indented = [json.dumps(sk.to_dict(d), ensure_ascii=False, indent=2) for d in docs]
    same = {
        name: fn() == (indented if "indent" in name.lower() else plain)
        for name, fn in write.items()
        if name != "to_dict alone"
    }
    return read, write, same


def measure(repeats: int) -> dict[str, dict[str, Any]]:
    """For each input: MB/s and ratio of every path, and which writers give ``dumps``' text."""
    seeds = _texts(SEEDS)
    inputs = {"1 MB document": [_build(seeds, MB)], "seeds x 20": seeds * 20}
    prepared = {name: _paths(texts) for name, texts in inputs.items()}
    times: dict[str, dict[str, list[float]]] = {
        name: {path: [] for path in [*read, *write]} for name, (read, write, _) in prepared.items()
    }
    # The inputs and documents made above live through the run: out of the
    # collector's way, so that a full collection costs each path what its own
    # objects cost; and each path starts from an empty young generation.
    gc.collect()
    gc.freeze()
    for _ in range(repeats):
        for name, (read, write, _) in prepared.items():
            for path, fn in [*read.items(), *write.items()]:
                gc.collect()
                start = time.perf_counter()
                fn()
                times[name][path].append(time.perf_counter() - start)
    gc.unfreeze()
    out: dict[str, dict[str, Any]] = {}
    for name, texts in inputs.items():
        size = _mb(texts)
        read, write, same = prepared[name]
        rows: dict[str, Any] = {}
        for path, seconds in times[name].items():
            base = times[name][READ_FLOOR if path in read else WRITE_BASE]
            rows[path] = {
                "MB_s": round(size / statistics.median(seconds), 1),
                # Above 1: quicker than the floor (reading) or than dumps (writing).
                "ratio": round(statistics.median(b / s for b, s in zip(base, seconds)), 2),
            }
            if path in same:
                rows[path]["same_text"] = same[path]
        pairs = zip(times[name]["loads, json module"], times[name]["loads"])
        rows["loads over loads, json module"] = round(statistics.median(j / o for j, o in pairs), 2)
        out[name] = rows
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the MB/s and ratio of each path on each input."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=9)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    figures = measure(args.repeats)
    if args.json:
        print(json.dumps(figures, indent=1))
        return 0
    for name, rows in figures.items():
        print(f"{name}  (ratio: reading to {READ_FLOOR!r}, writing to {WRITE_BASE!r})")
        for path, row in rows.items():
            if not isinstance(row, dict):
                print(f"  {path:<40} {row:>7} x")
                continue
            same = row.get("same_text")
            note = "" if same is None else ("  same text" if same else "  other text")
            print(f"  {path:<40} {row['MB_s']:>7} MB/s {row['ratio']:>6} x{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
