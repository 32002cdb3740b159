"""The command: three corpora side by side, each with its figures, its miss classes and its misses.

``python -m benchmarks.accuracy`` scores the development corpus, the generated
corpora and the real documents (``--corpus dev|generated|real|all``, default
all); ``--corpus DIR`` scores a folder laid out like the development corpus.
A corpus that is absent is skipped with a message (exit status 2 when nothing
could be scored, or when the corpus asked for alone is absent).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import scrutinykit

from .core import (
    DEFAULT_CORPUS,
    DocResult,
    _fmt,
    document_misses,
    format_figures,
    format_misses,
    run_corpus,
    score,
)
from .generated import DEFAULT_COUNT, DEFAULT_SEEDS, GENERATOR_DIR, run_generated
from .real import (
    DEFAULT_REAL,
    RealResult,
    format_real_figures,
    format_real_misses,
    real_document_misses,
    run_real,
    score_real,
)

__all__ = ["HEADLINE", "main", "miss_class", "miss_classes", "per_format"]

CORPORA = ("dev", "generated", "real")

HEADLINE: tuple[tuple[str, str, str], ...] = (
    # label, key in the devcorpus-schema figures, key in the real-document figures
    ("documents", "documents", "documents"),
    ("crashes", "crashes", "crashes"),
    ("outcomes precision", "outcomes_50_precision", "outcomes_precision"),
    ("outcomes recall", "outcomes_50_recall", "outcomes_recall"),
    ("outcomes F1", "outcomes_50_f1", "outcomes_f1"),
    ("outcomes F1, typed", "outcomes_50_typed_f1", "outcomes_typed_f1"),
    ("items precision", "items_precision", "items_precision"),
    ("items recall", "items_recall", "items_recall"),
    ("items F1", "items_f1", "items_f1"),
    ("people present F1", "people_present_f1", "people_present_f1"),
    ("people apologies F1", "people_apologies_f1", "people_apologies_f1"),
    ("people also attending F1", "people_also_attending_f1", "people_also_attending_f1"),
    ("people officers F1", "people_officers_f1", "people_officers_f1"),
    ("people (all roles) precision", "people_all_precision", "people_all_precision"),
    ("people (all roles) recall", "people_all_recall", "people_all_recall"),
    ("people (all roles) F1", "people_all_f1", "people_all_f1"),
    ("meeting date recall", "meeting_date_accuracy", "meeting_date_accuracy"),
    ("meeting dates wrong", "meeting_date_wrong", "meeting_date_wrong"),
    ("committee right", "committee_accuracy", "committee_accuracy"),
    ("committees wrong", "committee_wrong", "committee_wrong"),
    ("not-minutes refused", "not_minutes_recall", "not_minutes_recall"),
    ("outcomes on not-minutes", "not_minutes_outcomes", "not_minutes_outcomes"),
    ("minutes refused", "minutes_refused", "minutes_refused"),
)
"""The rows of the side-by-side table (outcomes at overlap 0.5 where spans are scored)."""

_FORMAT_ROWS = (
    ("docs", "documents"),
    ("outcomes F1", "outcomes_50_f1"),
    ("typed", "outcomes_50_typed_f1"),
    ("≥0.9 F1", "outcomes_90_f1"),
    ("items F1", "items_f1"),
    ("people F1", "people_all_f1"),
    ("date recall", "meeting_date_accuracy"),
    ("wrong dates", "meeting_date_wrong"),
    ("not-minutes refused", "not_minutes_recall"),
)


def per_format(results: Sequence[DocResult]) -> dict[str, dict[str, Any]]:
    """The figures of each publishing format (gold ``style``), formats in name order."""
    groups: dict[str, list[DocResult]] = {}
    for r in results:
        groups.setdefault(str(r.gold.get("style") or "?"), []).append(r)
    return {style: score((r.gold, r.pred) for r in groups[style]) for style in sorted(groups)}


_SPAN = re.compile(r"\s*\[\d+:\d+\]")


def miss_class(line: str) -> tuple[str, int]:
    """The class of one miss line and how many misses it holds.

    The class is the line up to its quotation (``missed outcome resolution``,
    ``extra item``, ``meeting date wrong``…); a people line counts each name.
    """
    head, _, rest = _SPAN.sub("", line).partition(":")
    head = head.strip()
    if head.startswith("meeting "):
        predicted = rest.split(",")[0].replace("predicted", "").strip()
        return (f"{head} missing" if predicted == "None" else f"{head} wrong"), 1
    if head.startswith("wrong type"):
        return f"wrong type ({rest.split(':')[0].strip()})", 1
    if head.startswith(("missed ", "extra ")) and head.split()[1] in (
        "present",
        "apologies",
        "also_attending",
        "officers",
    ):
        return head, len(rest.split(";"))
    if head.startswith("missed outcome"):
        head = head.split(" (item")[0]
    if head.startswith(("missed item", "extra item")):  # the number is the item's, not the class's
        words = head.split()
        head = " ".join(words[:2] + words[3:])
    if head.startswith(("loose span", "wrong points", "crash", "refused")):
        head = head.split(" predicted")[0]
    return head.split(" points=")[0], 1


def miss_classes(
    results: Sequence[Any], misses: Callable[[Any], list[str]], group: Callable[[Any], str] | None = None
) -> Counter[tuple[str, str]]:
    """Misses counted by ``(class, group)`` over ``results`` (group ``""`` when none is given)."""
    counts: Counter[tuple[str, str]] = Counter()
    for r in results:
        where = group(r) if group is not None else ""
        for line in misses(r):
            kind, n = miss_class(line)
            counts[(kind, where)] += n
    return counts


def _format_classes(counts: Counter[tuple[str, str]], limit: int, grouped: bool) -> str:
    if not counts:
        return "No misses."
    header = (
        "| misses | class | format |\n| ---: | --- | --- |"
        if grouped
        else "| misses | class |\n| ---: | --- |"
    )
    rows = [
        f"| {n} | {kind} | {where} |" if grouped else f"| {n} | {kind} |"
        for (kind, where), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    ]
    return "\n".join([header, *rows])


def _side_by_side(columns: dict[str, tuple[dict[str, Any], bool]]) -> str:
    names = list(columns)
    lines = ["| figure | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for label, dev_key, real_key in HEADLINE:
        cells = []
        for name in names:
            figures, is_real = columns[name]
            value = figures.get(real_key if is_real else dev_key)
            if real_key == "not_minutes_recall" and figures.get("not_minutes_gold") == 0:
                value = None
            cells.append(_fmt(value))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _format_breakdown(groups: dict[str, dict[str, Any]], title: str) -> str:
    lines = [f"| {title} | " + " | ".join(label for label, _ in _FORMAT_ROWS) + " |"]
    lines.append("| --- |" + " ---: |" * len(_FORMAT_ROWS))
    for name, figures in groups.items():
        cells = []
        for _, key in _FORMAT_ROWS:
            value = figures.get(key)
            if key == "not_minutes_recall" and figures.get("not_minutes_gold") == 0:
                value = None
            cells.append(_fmt(value))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _parse_seeds(text: str) -> tuple[int, ...]:
    try:
        seeds = tuple(int(s) for s in text.split(",") if s.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"seeds are integers separated by commas, not {text!r}") from exc
    if not seeds:
        raise argparse.ArgumentTypeError("give at least one seed")
    return seeds


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the figures, miss classes and misses or, with ``--json``, the figures."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.accuracy",
        description="Score scrutinykit on the development corpus, generated corpora and real documents.",
    )
    parser.add_argument(
        "--corpus",
        default="all",
        help="dev, generated, real or all (default), or a folder laid out like the development corpus "
        "(docs/ and gold/), scored alone",
    )
    parser.add_argument("--dev-dir", type=Path, default=DEFAULT_CORPUS, help="the development corpus")
    parser.add_argument("--real-dir", type=Path, default=DEFAULT_REAL, help="the real documents")
    parser.add_argument("--generator", type=Path, default=GENERATOR_DIR, help="the generator's folder")
    parser.add_argument(
        "--seeds", type=_parse_seeds, default=DEFAULT_SEEDS, help="generator seeds, e.g. 1,2,3 (default)"
    )
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="documents per seed (default 300)")
    parser.add_argument("--workers", type=int, default=2, help="processes to parse on (default 2)")
    parser.add_argument("--no-misses", action="store_true", help="leave out the per-document misses")
    parser.add_argument("--classes", type=int, default=25, help="miss classes listed per corpus (default 25)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON, nothing else")
    args = parser.parse_args(argv)

    wanted: tuple[str, ...]
    dev_dir: Path = args.dev_dir
    if args.corpus == "all":
        wanted = CORPORA
    elif args.corpus in CORPORA:
        wanted = (args.corpus,)
    else:  # a folder in the development corpus's layout
        wanted, dev_dir = ("dev",), Path(args.corpus)
    alone = len(wanted) == 1

    out: dict[str, Any] = {}
    sections: list[str] = []
    columns: dict[str, tuple[dict[str, Any], bool]] = {}
    seconds: dict[str, float] = {}
    failed = False

    if "dev" in wanted:
        started = time.perf_counter()
        try:
            dev = run_corpus(dev_dir, workers=args.workers)
        except FileNotFoundError as exc:
            print(f"accuracy: {exc}; pass --dev-dir DIR", file=sys.stderr)
            failed = True
        else:
            seconds["dev"] = time.perf_counter() - started
            figures = score((r.gold, r.pred) for r in dev)
            out["dev"] = figures
            columns["development"] = (figures, False)
            text = [
                f"## Development corpus: {dev_dir} ({figures['documents']} documents)",
                "",
                format_figures(figures),
            ]
            if not args.no_misses:
                text += ["", "### Misses by document (outcomes matched at 0.5)", "", format_misses(dev)]
            sections.append("\n".join(text))

    if "generated" in wanted:
        started = time.perf_counter()
        try:
            gen = run_generated(args.seeds, args.count, workers=args.workers, generator_dir=args.generator)
        except FileNotFoundError as exc:
            print(f"accuracy: {exc}; pass --generator DIR", file=sys.stderr)
            failed = True
        else:
            seconds["generated"] = time.perf_counter() - started
            figures = score((r.gold, r.pred) for r in gen)
            by_seed = {
                f"seed {s}": score((r.gold, r.pred) for r in gen if r.doc_id.startswith(f"s{s}/"))
                for s in args.seeds
            }
            by_format = per_format(gen)
            out["generated"] = {
                "seeds": list(args.seeds),
                "count": args.count,
                "all": figures,
                "by_seed": by_seed,
                "by_format": by_format,
            }
            columns[f"generated ({len(args.seeds)}×{args.count})"] = (figures, False)
            classes = miss_classes(
                gen,
                lambda r: document_misses(r.gold, r.pred, r.text, r.error),
                lambda r: r.gold.get("style", "?"),
            )
            pooled: Counter[tuple[str, str]] = Counter()
            for (kind, _), n in classes.items():
                pooled[(kind, "")] += n
            text = [
                f"## Generated corpora: seeds {','.join(map(str, args.seeds))}, {args.count} documents each "
                f"({figures['documents']} documents)",
                "",
                format_figures(figures),
                "",
                "### By seed",
                "",
                _format_breakdown(by_seed, "seed"),
                "",
                "### By format (gold style)",
                "",
                _format_breakdown(by_format, "format"),
                "",
                "### Miss classes",
                "",
                _format_classes(pooled, args.classes, grouped=False),
                "",
                "### Miss classes by format",
                "",
                _format_classes(classes, args.classes, grouped=True),
            ]
            if not args.no_misses:
                text += ["", "### Misses by document (outcomes matched at 0.5)", "", format_misses(gen)]
            sections.append("\n".join(text))

    if "real" in wanted:
        started = time.perf_counter()
        try:
            real: list[RealResult] = run_real(args.real_dir, workers=args.workers)
        except FileNotFoundError as exc:
            print(f"accuracy: {exc}; pass --real-dir DIR", file=sys.stderr)
            failed = True
        else:
            seconds["real"] = time.perf_counter() - started
            figures = score_real((r.gold, r.pred) for r in real)
            out["real"] = figures
            columns["real"] = (figures, True)
            classes = miss_classes(real, lambda r: real_document_misses(r.gold, r.pred, r.error))
            text = [
                f"## Real documents: {args.real_dir} ({figures['documents']} documents, through parse_file)",
                "",
                format_real_figures(figures),
                "",
                "### Miss classes",
                "",
                _format_classes(classes, args.classes, grouped=False),
            ]
            if not args.no_misses:
                text += ["", "### Misses by document", "", format_real_misses(real)]
            sections.append("\n".join(text))

    if not out or (alone and failed):
        return 2
    if args.json:
        print(json.dumps(out, indent=2, sort_keys=True))
        return 0
    timing = ", ".join(f"{name} {s:.1f} s" for name, s in seconds.items())
    print(f"# Accuracy of scrutinykit {scrutinykit.__version__} ({timing}; {args.workers} workers)")
    print()
    print(_side_by_side(columns))
    for section in sections:
        print()
        print(section)
    return 0
