"""Fingerprints of everything scrutinykit makes of the corpora: to show a change moved no output.

A refactor claims "outputs unchanged"; this is the check behind the claim.
For every document of the development corpus, the seeds, the real documents
(through ``parse_file``) and the generated corpora (seeds 1–3 × 300, as the
accuracy benchmark generates and caches them), it records the SHA-256 of
``scrutinykit.dumps`` of the parse (or the name of the error raised), then
compares two such records.

Run from the repository root, before and after a change::

    python -m benchmarks.outputs --save before.json     # at the old revision
    python -m benchmarks.outputs --save after.json      # at the new one
    python -m benchmarks.outputs --compare before.json after.json

``--compare`` prints the documents whose output differs and how many there
are, and exits 1 when any differ.  Corpora absent from ``../shared`` are
skipped (and said so).

``--indent N`` fingerprints ``dumps(doc, indent=N)`` instead;
``--through-loads`` fingerprints the JSON after a round trip, ``dumps(loads(
dumps(doc)))`` (the same fingerprints as without it when ``loads`` gives the
document back); ``--without-orjson`` hides orjson (the ``json`` extra), so
that the two states can be compared::

    python -m benchmarks.outputs --save a.json --indent 2 --through-loads --without-orjson
    python -m benchmarks.outputs --save b.json --indent 2 --through-loads
    python -m benchmarks.outputs --compare a.json b.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import scrutinykit as sk

from .accuracy.generated import GENERATOR_DIR, generated_corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _documents(seeds: list[int], count: int) -> Iterator[tuple[str, Path, bool]]:
    """``(name, path, as_file)`` for every document scored; ``as_file``: read with ``parse_file``."""
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        yield f"seeds/{path.name}", path, False
    dev = SHARED / "devcorpus" / "docs"
    if dev.is_dir():
        for path in sorted(dev.glob("*.txt")):
            yield f"devcorpus/{path.name}", path, False
    else:
        print(f"skipped: no development corpus at {dev}", file=sys.stderr)
    real = SHARED / "realdocs" / "docs"
    if real.is_dir():
        for path in sorted(real.iterdir()):
            yield f"realdocs/{path.name}", path, True
    else:
        print(f"skipped: no real documents at {real}", file=sys.stderr)
    if not (GENERATOR_DIR / "generate.py").is_file():
        print(f"skipped: no generator at {GENERATOR_DIR}", file=sys.stderr)
        return
    for seed in seeds:
        folder = generated_corpus(seed, count) / "docs"
        for path in sorted(folder.glob("*.txt")):
            yield f"generated/seed{seed}/{path.name}", path, False


def fingerprints(
    seeds: list[int], count: int, indent: int | None = None, through_loads: bool = False
) -> dict[str, str]:
    """Each document's name → the SHA-256 of its JSON, or ``error: <ErrorName>``."""
    out: dict[str, str] = {}
    for name, path, as_file in _documents(seeds, count):
        try:
            doc = sk.parse_file(path) if as_file else sk.parse(path.read_text(encoding="utf-8"))
        except sk.ScrutinyKitError as exc:
            out[name] = f"error: {type(exc).__name__}"
            continue
        if through_loads:
            doc = sk.loads(sk.dumps(doc))
        out[name] = hashlib.sha256(sk.dumps(doc, indent=indent).encode("utf-8")).hexdigest()
    return out


def compare(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The names whose fingerprint differs, or that only one side has."""
    return sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.outputs", description=__doc__.split("\n")[0])
    parser.add_argument("--save", metavar="FILE", help="write the fingerprints of this revision to FILE")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two saved files")
    parser.add_argument("--seeds", default="1,2,3", help="generator seeds (default 1,2,3)")
    parser.add_argument("--count", type=int, default=300, help="documents per seed (default 300)")
    parser.add_argument("--indent", type=int, default=None, help="fingerprint dumps(doc, indent=N)")
    parser.add_argument("--through-loads", action="store_true", help="fingerprint dumps(loads(dumps(doc)))")
    parser.add_argument("--without-orjson", action="store_true", help="as without the json extra (orjson)")
    args = parser.parse_args(argv)
    if args.without_orjson:
        from scrutinykit.io import serialise

        sys.modules["orjson"] = None  # type: ignore[assignment]  # import orjson now raises ImportError
        serialise._ORJSON.clear()
    if args.compare:
        before, after = (json.loads(Path(p).read_text(encoding="utf-8")) for p in args.compare)
        differ = compare(before, after)
        for name in differ:
            print(name)
        print(f"{len(differ)} of {len(before.keys() | after.keys())} documents differ", file=sys.stderr)
        return 1 if differ else 0
    if not args.save:
        parser.error("give --save FILE or --compare BEFORE AFTER")
    seeds = [int(s) for s in args.seeds.split(",") if s]
    found = fingerprints(seeds, args.count, args.indent, args.through_loads)
    Path(args.save).write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} documents fingerprinted into {args.save}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
