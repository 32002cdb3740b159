"""Where the time goes, stage by stage, and how a revision compares.

Run from the repository root::

    python -m benchmarks.stages                 # this checkout
    python -m benchmarks.stages --rev HEAD~3    # side by side with another revision

For the 1 MB document built from the seeds (as ``benchmarks/throughput.py``
builds it) and the development corpus (when ``../shared/devcorpus`` is
there), it prints milliseconds per MB of source text for each stage of the
pipeline — normalise, layout, Lark's parse, the transformer, assembly (with the
proceedings scanner and the figure scan inside it shown apart), the
not-minutes check (``parse`` runs it after assembly) and JSON —
each the fastest of ``--repeats`` runs (the fastest, not the median: a
stage takes tens of milliseconds, and on a shared machine interference only
ever adds time).  It also prints the time of every grammar terminal tried
alone at the start of every line, the cost a line pays before it is known
to be plain text.

With ``--rev`` the same measurement runs on another revision, checked out
in a temporary ``git worktree`` and imported from there in a fresh
interpreter, and the two are printed side by side with their ratio: the way
to reproduce what a change gained (``--rev <commit>^`` against the commit).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def _fastest(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _corpora() -> dict[str, list[str]]:
    from benchmarks.throughput import DEVCORPUS, MB, SEEDS, _build, _texts

    corpora = {"1 MB document": [_build(_texts(SEEDS), MB)]}
    if DEVCORPUS.is_dir():
        corpora["development corpus"] = _texts(sorted(DEVCORPUS.glob("*.txt")))
    return corpora


def measure(repeats: int) -> dict[str, Any]:
    """Milliseconds per MB for each stage and each terminal, for the scrutinykit on sys.path."""
    from lark import Lark

    import scrutinykit as sk
    from scrutinykit.build import assemble as _assemble
    from scrutinykit.build.detect import not_minutes_reason
    from scrutinykit.layout.normalise import normalise
    from scrutinykit.parsing.loader import GRAMMAR_FILE, grammar_dir, load_parser

    try:  # revisions before the layout stage (--rev) have none
        from scrutinykit.layout.lines import layout
    except ImportError:
        layout = None
    terminals = load_parser().terminals if layout is not None else ()
    from scrutinykit.build.transform import MinutesTransformer

    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return run

    out: dict[str, Any] = {"scrutinykit": str(Path(sk.__file__).parent)}
    real = _assemble.proceedings, _assemble._figures
    _assemble.proceedings = timed("proceedings", real[0])  # type: ignore[assignment]
    _assemble._figures = timed("figures", real[1])  # type: ignore[assignment]
    try:
        for name, texts in _corpora().items():
            size = sum(len(t.encode("utf-8")) for t in texts) / MB
            for text in texts[:1]:  # load the parser and the caches before timing
                with contextlib.suppress(sk.ScrutinyKitError):
                    sk.dumps(sk.parse(text))
            prepared = [(text, normalise(text)) for text in texts]
            normalised = [n for _, n in prepared]
            if layout is not None:
                prepared = [(text, layout(n, terminals)) for text, n in prepared]
            trees = [load_parser().parse(n.text) for _, n in prepared]
            parsed = [MinutesTransformer(n).transform(tree) for (_, n), tree in zip(prepared, trees)]
            docs = [_assemble.assemble(p, text, None) for (text, _), p in zip(prepared, parsed)]
            def lark_parse(p: list[Any] = prepared) -> object:
                return [load_parser().parse(n.text) for _, n in p]

            def parse_and_transform(p: list[Any] = prepared) -> object:
                return [MinutesTransformer(n).transform(load_parser().parse(n.text)) for _, n in p]

            stages: dict[str, float] = {
                "normalise": _fastest(lambda t=texts: [normalise(x) for x in t], repeats),  # type: ignore[misc]
                "lark parse": _fastest(lark_parse, repeats),
                "transform": _fastest(parse_and_transform, repeats) - _fastest(lark_parse, repeats),
            }
            if layout is not None:
                stages["layout"] = _fastest(
                    lambda ns=normalised, lay=layout: [lay(n, terminals) for n in ns],  # type: ignore[misc]
                    repeats,
                )
            best: dict[str, float] = {}
            for _ in range(repeats):
                spent.clear()
                start = time.perf_counter()
                for (text, _), p in zip(prepared, parsed):
                    _assemble.assemble(p, text, None)
                spent["assemble"] = time.perf_counter() - start
                for key, value in spent.items():
                    best[key] = min(best.get(key, float("inf")), value)
            stages.update(best)
            stages["not-minutes check"] = _fastest(
                lambda d=docs: [not_minutes_reason(x) for x in d if x is not None],  # type: ignore[misc]
                repeats,
            )
            stages["dumps"] = _fastest(lambda d=docs: [sk.dumps(x) for x in d if x is not None], repeats)  # type: ignore[misc]
            out[name] = {key: round(value * 1000 / size, 1) for key, value in stages.items()}
            out[name]["MB"] = round(size, 3)
    finally:
        _assemble.proceedings, _assemble._figures = real  # type: ignore[assignment]

    lark = Lark.open(str(grammar_dir() / GRAMMAR_FILE), parser="lalr", lexer="basic")
    texts = [normalise(t).text for ts in _corpora().values() for t in ts]
    size = sum(len(t.encode("utf-8")) for t in texts) / MB
    lines = [(t, m.end()) for t in texts for m in re.finditer(r"(?m)^[ ]*(?=\S)", t)]
    terminals: dict[str, float] = {}
    for terminal in lark.terminals:
        pattern = re.compile(terminal.pattern.to_regexp())
        terminals[terminal.name] = round(
            _fastest(lambda p=pattern: [p.match(t, s) for t, s in lines], repeats) * 1000 / size, 2  # type: ignore[misc]
        )
    out["terminals ms per MB (all corpora)"] = dict(sorted(terminals.items(), key=lambda kv: -kv[1]))
    return out


def _other_revision(rev: str, repeats: int) -> dict[str, Any]:
    """:func:`measure` run on ``rev``, checked out in a temporary worktree, in a fresh interpreter."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        git = ["git", "-C", str(ROOT), "worktree"]
        subprocess.run([*git, "add", "-q", "--detach", str(tree), rev], check=True)
        try:
            code = (
                f"import sys, json; sys.path.insert(0, {str(tree / 'src')!r}); "
                f"sys.path.insert(1, {str(ROOT)!r}); "
                f"from benchmarks.stages import measure; print(json.dumps(measure({repeats})))"
            )
            done = subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=str(tree)
            )
        finally:
            subprocess.run([*git, "remove", "--force", str(tree)], check=False)
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _print(this: dict[str, Any], other: dict[str, Any] | None, rev: str | None) -> None:
    for name, stages in this.items():
        if not isinstance(stages, dict):
            continue
        print(f"\n{name}")
        head = f"  {'':<24} {'ms per MB':>10}"
        if other is not None:
            head += f" {rev:>12} {'ratio':>7}"
        print(head)
        for key, value in stages.items():
            row = f"  {key:<24} {value:>10}"
            theirs = (other or {}).get(name, {}).get(key) if other is not None else None
            if other is not None:
                ratio = f"{value / theirs:.2f}" if theirs else "-"
                row += f" {theirs if theirs is not None else '-':>12} {ratio:>7}"
            print(row)


def main(argv: list[str] | None = None) -> int:
    """Print the stages (and terminals) of this checkout, beside another revision's if asked."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rev", help="a git revision to measure side by side (in a temporary worktree)")
    ap.add_argument("--repeats", type=int, default=5, help="runs per figure; the fastest is kept")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    this = measure(args.repeats)
    other = _other_revision(args.rev, args.repeats) if args.rev else None
    if args.json:
        print(json.dumps({"this": this, "other": other}, indent=1))
    else:
        _print(this, other, args.rev)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
