"""Cost of scrutinykit on adversarial input: time per MB should stay flat as size grows.

Each case builds a hostile text at several sizes — fractions of a nominal size
(a 1 MB line without a newline, four long lines before a label, 100k bullets, 10k ``RESOLVED`` lines, deeply
nested numbering, …) — and times :func:`scrutinykit.parse` on it, taking the
median of repeated runs.  When the cost is linear, the seconds per MB are the
same at every size; a catastrophically backtracking regex or a quadratic step
shows up as seconds per MB growing with the size (the ``growth`` column: the
largest size's time per MB over the smallest's).

Run from the repository root::

    python -m benchmarks.adversarial            # sizes 1/8, 1/4, 1/2 and 1 of nominal, 3 repeats
    python -m benchmarks.adversarial --quick    # sizes 1/16 to 1/4, 1 repeat
    python -m benchmarks.adversarial --case bullets --case long-line

A parse that raises a ``ScrutinyKitError`` (most of these are not minutes)
still counts: the time is what it cost to decide.  This is a benchmark, not a
test: nothing here asserts a timing.  The figures are in docs/robustness.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import scrutinykit as sk

MB = 1_000_000

ITEM = "Agenda item\n\nBudget monitoring\n\nMinutes:\n\n"
NESTED_LABELS = ["1.", "(a)", "(i)", "a)", "i)", "A.", "I.", "-", "•", "*", "–", "o"]


def _repeat_to(unit: str, chars: int) -> str:
    return unit * max(1, chars // len(unit))


def long_line(n: int) -> str:
    """Nominal 1 MB: one line of prose and no newline at all."""
    return _repeat_to("the Committee noted the report ", n * MB // 1_000_000)


def long_lines(n: int) -> str:
    """Nominal 1 MB: four long lines of words with no full stop, then a ``Minutes:`` label.

    The shape a heading terminal's look-ahead meets on a flattened page: a
    pattern that backtracks within a line costs the square of its length here.
    """
    line = _repeat_to("Councillors discussed the housing repairs backlog ", n * MB // 4_000_000)
    return (line.rstrip() + "\n\n") * 4 + "Minutes:\n\nThe report was noted.\n"


def bare_numbers(n: int) -> str:
    """Nominal 50k bare numbers, each alone between blank lines over a short line: page numbers or not."""
    count = n * 50_000 // 1_000_000
    return ITEM + "".join(f"{i % 500}\n\nThe Panel noted item {i}.\n\n" for i in range(count))


def bullets(n: int) -> str:
    """Nominal 100k bullet points under one resolution."""
    return (
        ITEM + "RESOLVED that:\n" + "- the officers report back on the budget\n" * (n * 100_000 // 1_000_000)
    )


def resolved_lines(n: int) -> str:
    """Nominal 10k lines of ``RESOLVED`` alone: outcomes that never get a body."""
    return ITEM + "RESOLVED\n" * (n * 10_000 // 1_000_000)


def nested_numbering(n: int) -> str:
    """Nominal 100k point lines cycling through every label style, as deep as nesting goes."""
    count = n * 100_000 // 1_000_000
    lines = [f"{NESTED_LABELS[i % len(NESTED_LABELS)]} point {i}" for i in range(count)]
    return ITEM + "RESOLVED that:\n" + "\n".join(lines) + "\n"


def attendance_line(n: int) -> str:
    """Nominal 1 MB: one ``Present:`` line naming tens of thousands of councillors."""
    return "Present: " + _repeat_to("Councillor Ada Example (Chair), ", n * MB // 1_000_000) + "\n" + ITEM


def money(n: int) -> str:
    """Nominal 1 MB of money and percentages on one line, for the figure extractors."""
    return ITEM + _repeat_to("£1,234.5 million and 7.5 per cent, ", n * MB // 1_000_000) + "\n"


def blank_run(n: int) -> str:
    """Nominal 1 MB of blank lines between two halves of a sentence (the page-break join)."""
    return ITEM + "the report was" + " \n" * (n * MB // 2_000_000) + "noted by members\n"


def blank_run_capital(n: int) -> str:
    """Nominal 1 MB of blank lines after a sentence's first half, then a capital (no join)."""
    return ITEM + "the report was" + " \n" * (n * MB // 2_000_000) + "Noted by members\n"


def spaces(n: int) -> str:
    """Nominal 1 MB of tabs, no-break spaces and spaces, then one word."""
    return ITEM + _repeat_to(" \t\xa0", n * MB // 1_000_000) + "noted\n"


def invisible(n: int) -> str:
    """Nominal 1 MB where every other character is a zero-width space or a control."""
    return ITEM + _repeat_to("a\u200bb\x02", n * MB // 1_000_000) + "\n"


def headings(n: int) -> str:
    """Nominal 25k minute-numbered item headings with nothing under them."""
    count = n * 25_000 // 1_000_000
    return "".join(f"A{i}/24 Item title number {i} (agenda item {i})\n\n" for i in range(count))


CASES: dict[str, Callable[[int], str]] = {
    "long-line": long_line,
    "long-lines": long_lines,
    "bare-numbers": bare_numbers,
    "bullets": bullets,
    "resolved-lines": resolved_lines,
    "nested-numbering": nested_numbering,
    "attendance-line": attendance_line,
    "money": money,
    "blank-run": blank_run,
    "blank-run-capital": blank_run_capital,
    "spaces": spaces,
    "invisible": invisible,
    "headings": headings,
}


def _parse(text: str) -> str:
    try:
        doc = sk.parse(text)
    except sk.InternalError:
        raise
    except sk.ScrutinyKitError as exc:
        return type(exc).__name__
    return f"{sum(1 for _ in doc.walk())} nodes"


def _median_seconds(text: str, repeats: int) -> tuple[float, str]:
    times = []
    result = ""
    for _ in range(repeats):
        start = time.perf_counter()
        result = _parse(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def run(cases: list[str], fractions: list[float], repeats: int) -> None:
    """Print one row per case and size, and the growth of time per MB per case."""
    _parse(ITEM + "RESOLVED: That the report be noted.\n")  # load the grammar before timing
    print(f"{'case':<18} {'size MB':>8} {'seconds':>9} {'s per MB':>9}  result")
    growth: dict[str, float] = {}
    for name in cases:
        per_mb = []
        for fraction in fractions:
            text = CASES[name](int(fraction * 1_000_000))
            size = len(text.encode("utf-8")) / MB
            seconds, result = _median_seconds(text, repeats)
            per_mb.append(seconds / size)
            print(f"{name:<18} {size:>8.3f} {seconds:>9.3f} {seconds / size:>9.3f}  {result}", flush=True)
        growth[name] = per_mb[-1] / per_mb[0]
    print()
    print(f"growth of s per MB from the smallest size to the largest ({fractions[-1] / fractions[0]:.0f}x):")
    for name, ratio in growth.items():
        print(f"  {name:<18} {ratio:5.2f}")


def main() -> None:
    """``python -m benchmarks.adversarial [--quick] [--repeats N] [--case NAME]...``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes 1/16 to 1/4 of nominal, one repeat")
    parser.add_argument("--repeats", type=int, default=None, help="runs per size (default 3, quick 1)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only this case (repeatable)")
    args = parser.parse_args()
    fractions = [1 / 16, 1 / 8, 1 / 4] if args.quick else [1 / 8, 1 / 4, 1 / 2, 1]
    repeats = args.repeats or (1 if args.quick else 3)
    run(args.case or list(CASES), fractions, repeats)


if __name__ == "__main__":
    main()
