"""The ``scrutinykit`` command: a thin layer over the library.

Data goes to stdout, messages to stderr.  Exit status: 0 every file parsed;
1 a file failed (not text, not minutes, unreadable) or ``check`` found an
error; 2 the command line was wrong.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ._api import parse_file
from ._errors import ScrutinyKitError
from ._grammar import grammar_dir
from ._model import (
    TEXTUAL_NODES,
    AgendaItem,
    Conclusion,
    Document,
    Paragraph,
    Recommendation,
    Resolution,
)
from ._serialise import dumps

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_EPILOG = """\
exit status:
  0  every file was parsed (check: and no errors were found)
  1  at least one file failed: unreadable, not text, not minutes;
     the other files are still processed and a summary is printed
  2  the command line was wrong
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutinykit",
        description="Read UK council committee minutes into structured data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        help="parse minutes files and print JSON or a summary",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="minutes files (or folders with -r)")
    p.add_argument(
        "--format",
        choices=("json", "summary"),
        default="json",
        help="json: one JSON document per line (default); summary: a readable outline",
    )
    p.add_argument("--indent", type=int, default=None, help="indent JSON by this many spaces")
    p.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")

    c = sub.add_parser(
        "check",
        help="report what was found and any unclassified text",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")

    g = sub.add_parser("grammar", help="where the grammar files are")
    g.add_argument("--path", action="store_true", help="print the folder holding the .lark files")
    return parser


def _files(names: Sequence[str], recursive: bool, err: TextIO) -> Iterator[Path | ScrutinyKitError]:
    for name in names:
        path = Path(name)
        if path.is_dir():
            if not recursive:
                yield ScrutinyKitError("is a directory (use -r to read the files under it)", source=name)
                continue
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def _report(exc: ScrutinyKitError, err: TextIO) -> None:
    print(f"scrutinykit: {exc}", file=err)


def _summary(doc: Document, out: TextIO) -> None:
    m = doc.meeting
    print(f"{doc.kind.value}: {m.committee or '(committee not named)'}", file=out)
    when = " ".join(str(v) for v in (m.date, m.start_time) if v is not None)
    if when or m.end_time:
        print(f"  meeting: {when or '?'}" + (f", ended {m.end_time}" if m.end_time else ""), file=out)
    a = doc.attendance
    for label, people in (
        ("present", a.present),
        ("co-optees", a.co_optees),
        ("also attending", a.also_attending),
        ("officers", a.officers),
    ):
        if people:
            print(f"  {label}: " + ", ".join(p.name for p in people), file=out)
    if a.apologies is not None:
        print("  apologies: " + (", ".join(p.name for p in a.apologies) or "none"), file=out)
    for item in doc.items:
        _item_summary(item, out)


def _item_summary(item: AgendaItem, out: TextIO) -> None:
    number = item.minute_number or item.agenda_number or "-"
    print(f"  [{number}] {item.title} ({item.kind.value})", file=out)
    for outcome in item.outcomes():
        name = type(outcome).__name__.lower()
        count = f"{len(outcome.points)} points" if outcome.points else (outcome.text[:60] or "")
        print(f"      {name}: {count}", file=out)


def _check(doc: Document, path: Path, out: TextIO) -> int:
    """Print findings for one document; return the number of errors."""
    warnings = 0
    outcomes = doc.outcomes()
    print(f"{path}: {doc.kind.value}, {len(doc.items)} items, {len(outcomes)} outcomes", file=out)
    for outcome in outcomes:
        if isinstance(outcome, (Resolution, Recommendation, Conclusion)) and not outcome.points:
            intro = outcome.intro.text
            if not outcome.text and intro.rstrip().endswith((":", "that", "conclusions")):
                line, col = doc.line_col(outcome.span.start)
                print(f"{path}:{line}:{col}: warning: outcome announces points but has none", file=out)
                warnings += 1
    for item in doc.items:
        if not item.minutes and not item.outcomes():
            line, col = doc.line_col(item.span.start)
            print(f"{path}:{line}:{col}: warning: item {item.title!r} has no minutes", file=out)
            warnings += 1
    unclassified = sum(1 for n in doc.walk() if type(n) is Paragraph)
    textual = sum(1 for n in doc.walk() if isinstance(n, TEXTUAL_NODES))
    print(f"{path}: {unclassified} of {textual} text nodes are plain paragraphs (unclassified)", file=out)
    return 0


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; return the exit status."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK

    if args.command == "grammar":
        print(grammar_dir(), file=out)
        return EXIT_OK

    done = failed = errors = 0
    for entry in _files(args.files, args.recursive, err):
        if isinstance(entry, ScrutinyKitError):
            _report(entry, err)
            failed += 1
            continue
        try:
            doc = parse_file(entry)
        except ScrutinyKitError as exc:
            _report(exc, err)
            failed += 1
            continue
        done += 1
        if args.command == "parse":
            if args.format == "json":
                print(dumps(doc, indent=args.indent), file=out)
            else:
                _summary(doc, out)
        else:
            errors += _check(doc, entry, out)
    if done + failed > 1 or failed:
        print(f"scrutinykit: {done} parsed, {failed} failed", file=err)
    return EXIT_FAILED if failed or errors else EXIT_OK
