"""The ``scrutinykit`` command: a thin layer over the library.

Data goes to stdout, messages to stderr.  Exit status: 0 every file parsed;
1 a file failed (not text, not minutes, unreadable), or ``check --strict``
found a warning; 2 the command line was wrong, or an output cannot be
written (checked before any parsing, where it can be: a missing folder, a
directory for a file, a file for a folder, results already there, pyarrow
missing; a full disk when the first write fails).  A file named ``-`` is
standard input.

A file that fails gets one line on stderr, ``scrutinykit: FILE:LINE:COL:
message`` (the parts that are known), and, where there is a place, the line
of the file with a caret under the column.  ``check`` prints its warnings as
``FILE:LINE:COL: warning: …`` on stdout; :func:`scrutinykit.check` finds them.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import hashlib
import importlib.util
import io
import itertools
import json
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ._api import parse_bytes
from ._errors import NotMinutesError, NotTextError, ScrutinyKitError
from ._model import (
    TEXTUAL_NODES,
    AgendaItem,
    Document,
    Paragraph,
)
from .io.batch import DEFAULT_TIMEOUT, _bug, checked_vocabulary, parse_many, parse_many_json
from .io.schema import schema_text
from .io.serialise import dump
from .io.tables import write_parquet
from .parsing.loader import grammar_dir
from .parsing.standalone import write_standalone
from .sources.decode import decode_bytes
from .views.check import ShapeCounter, check_warnings

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_EPILOG = """\
errors go to stderr, one line each: scrutinykit: FILE:LINE:COL: message
(with the line and a caret under the column when there is a place).

a file found under a folder by -r that is not minutes (a README, an
agenda, a news page, data or code) is skipped with one line on stderr,
scrutinykit: FILE: skipped, not minutes: why; it is not a failure.

exit status:
  0  every file was parsed or skipped as not minutes (check: warnings do
     not change this unless --strict is given)
  1  at least one file failed: missing, unreadable, a directory without -r,
     not text, not minutes when named on the command line, over --timeout,
     or it crashed its worker; the other files are still processed and a
     summary is printed; or check --strict found a warning
  2  the command line was wrong, or an output cannot be written: --out in
     a missing folder or naming a folder, --parquet naming a file, results
     already in --out or --parquet without --resume, pyarrow missing for
     --parquet, a full disk; or a --vocabulary folder is missing or holds a
     file that names no phrase list; checked before parsing starts where it
     can be

a FILE named - is standard input.
"""


_CHECK_DESCRIPTION = """\
Parse minutes files and print, for each, what was found and then one line
per warning, as FILE:LINE:COL: warning: ...  The warnings:

  unclassified text   a line that looks like an outcome (RESOLVED ...) or a
                      numbered point but was read as plain prose; text after
                      the closing line; control or invisible characters
  announced list      an outcome that announces points (ends in ':' or
                      'that') but has none
  outside             an outcome outside any agenda item
  truncation          the text ends mid-sentence, as a cut-off file does

With --pedantic also (true of most clean minutes, so not by default):
  no minutes          an agenda item with no minutes and no outcome
  attendance          a name in an attendance list that never appears again

With --unclassified, instead of the above: one table for all the files, of
the line shapes the grammar left unclassified (a paragraph's first words,
case folded, numbers as N), ranked by how many files hold each, with an
example FILE:LINE; the phrasings a council uses that the vocabulary lacks.
Add them to a phrase file and pass --vocabulary DIR.
"""


def _add_vocabulary(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--vocabulary",
        action="append",
        default=[],
        metavar="DIR",
        help="a folder of extra phrase files (resolution.txt, present.txt, …) added to the shipped"
        " vocabulary; may be given more than once",
    )


def _jobs(value: str) -> int:
    """``-j N``: a whole number of processes, at least 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of processes") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{n}: the number of processes must be 1 or more")
    return n


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from . import __version__

        print(f"scrutinykit {__version__}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutinykit",
        description="Read UK council committee minutes into structured data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "parse",
        help="parse minutes files and print JSON or a summary",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="minutes files (or folders with -r; - is stdin)")
    p.add_argument(
        "--format",
        choices=("json", "summary"),
        default="json",
        help="json: one JSON document per line, JSON Lines (default); summary: a readable outline",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"fail a file that takes longer than this (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    p.add_argument(
        "--indent",
        type=int,
        default=None,
        metavar="N",
        help="indent JSON by N spaces; with several files the output is one JSON array (not with --out)",
    )
    p.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")
    p.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="parse on N processes (1 or more)"
    )
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write the JSON Lines to FILE instead of stdout; a FILE that holds results is refused"
        " unless --resume is given",
    )
    p.add_argument(
        "--parquet",
        metavar="DIR",
        help="also write the tables (documents, items, …) as Parquet under DIR; a DIR that holds"
        " results is refused unless --resume is given",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="add to --out FILE and --parquet DIR: skip files whose text is already there (by content hash)",
    )
    _add_vocabulary(p)

    c = sub.add_parser(
        "check",
        help="report what was found, and warnings a clerk would want to look at",
        description=_CHECK_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")
    c.add_argument("--strict", action="store_true", help="exit with status 1 when there is any warning")
    c.add_argument(
        "--pedantic", action="store_true", help="also warn of items without minutes and silent attendees"
    )
    c.add_argument(
        "--unclassified",
        action="store_true",
        help="rank the line shapes left unclassified across the files, with an example of each",
    )
    c.add_argument(
        "--top",
        type=int,
        default=40,
        metavar="N",
        help="with --unclassified, show the N most common shapes (default 40; 0: all)",
    )
    _add_vocabulary(c)

    a = sub.add_parser(
        "actions",
        help="list every commitment (action, undertaking, request) with owner, due date and line",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    a.add_argument("files", nargs="+", metavar="FILE")
    a.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")
    a.add_argument("--format", choices=("table", "csv"), default="table", help="table (default) or CSV")
    _add_vocabulary(a)

    g = sub.add_parser("grammar", help="the grammar files: where they are, or a standalone parser")
    what = g.add_mutually_exclusive_group()
    what.add_argument("--path", action="store_true", help="print the folder holding the .lark files")
    what.add_argument(
        "--standalone",
        action="store_true",
        help="print a standalone Python parser module of the grammar (needs no lark to run)",
    )

    sub.add_parser("schema", help="print the JSON Schema of scrutinykit's JSON")

    s = sub.add_parser(
        "show",
        help="an HTML page of a document: the text with what was read highlighted, beside the facts",
        description="One self-contained HTML page per document: the source text with every span "
        "highlighted by what it was read as, beside the facts, each linked to its text. With several "
        "files or -r, -o names a folder: a page per file and index.html with a row per file.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("files", nargs="+", metavar="FILE", help="minutes files (or folders with -r)")
    s.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")
    s.add_argument(
        "-o", "--output", metavar="PATH", help="the page (one file; default: stdout) or the site's folder"
    )
    _add_vocabulary(s)
    return parser


class _Stdin:
    """The file ``-``: standard input, read whole when its turn comes."""

    def __str__(self) -> str:
        return "<stdin>"


_Entry = Path | _Stdin


def _files(
    names: Sequence[str], recursive: bool, found: set[Path] | None = None
) -> Iterator[_Entry | ScrutinyKitError]:
    """The files named, and under folders with ``recursive``; those found under a folder go in ``found``."""
    for name in names:
        if name == "-":
            yield _Stdin()
            continue
        path = Path(name)
        if path.is_dir():
            if not recursive:
                yield ScrutinyKitError("is a directory (use -r to read the files under it)", source=name)
                continue
            under = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if found is not None:
                found.update(under)
            yield from under
        else:
            yield path


#: How many characters of a line an excerpt shows on each side of the caret.
_EXCERPT_REACH = 40


def _report(exc: ScrutinyKitError, err: TextIO, path: Path | None = None) -> None:
    """One line for the error; the line it points at, with a caret, when it has a place."""
    if path is not None and exc.line is None and isinstance(exc, NotTextError) and exc.offset is not None:
        _place_in_bytes(exc, path)
    print(f"scrutinykit: {_one_line(str(exc))}", file=err)
    # Binary input is never echoed: the excerpt shows every byte that is not printable text as "?".
    if path is not None and exc.line is not None and exc.column is not None:
        excerpt = _excerpt(path, exc.line, exc.column)
        if excerpt:
            print(excerpt, file=err)


def _place_in_bytes(exc: ScrutinyKitError, path: Path) -> None:
    """Give an error found at a byte offset its line and column in the bytes."""
    try:
        data = path.read_bytes()
    except OSError:
        return
    offset = min(exc.offset or 0, len(data))
    exc.line = data.count(b"\n", 0, offset) + 1
    exc.column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _excerpt(path: Path, line: int, column: int) -> str:
    """``line`` of the file and a caret under ``column``, both trimmed to a window."""
    try:
        with path.open("rb") as f:
            raw = next(itertools.islice(f, line - 1, None), None)
    except OSError:
        return ""
    if raw is None:
        return ""
    text = raw.rstrip(b"\r\n").decode("utf-8", errors="replace")
    start = max(0, column - 1 - _EXCERPT_REACH)
    shown = "".join(_visible(ch) for ch in text[start : column - 1 + _EXCERPT_REACH])
    gutter = " " * len(str(line))
    caret = " " * (column - 1 - start) + "^"
    lead = "..." if start else ""
    return f"  {line} | {lead}{shown}\n  {gutter} | {' ' * len(lead)}{caret}"


def _visible(ch: str) -> str:
    """A character as one visible column: controls and invisible marks become ``?``."""
    if ch == "\t":
        return " "
    if ch == "\ufffd":  # a byte that decodes to nothing: never echoed
        return "?"
    return "?" if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn", "Cs", "Mn", "Me") else ch


def _summary(doc: Document, out: TextIO) -> None:
    m = doc.meeting
    where = f"{doc.source_name}: " if doc.source_name else ""
    print(f"{where}{doc.kind.value}: {m.committee or '(committee not named)'}", file=out)
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


def _check(doc: Document, path: _Entry, out: TextIO, pedantic: bool = False) -> int:
    """Print the findings and warnings for one document; return the number of warnings."""
    outcomes = doc.outcomes()
    print(f"{path}: {doc.kind.value}, {len(doc.items)} items, {len(outcomes)} outcomes", file=out)
    found = check_warnings(doc, pedantic=pedantic)
    for offset, message in found:
        line, col = doc.line_col(offset)
        print(f"{path}:{line}:{col}: warning: {message}", file=out)
    unclassified = sum(1 for n in doc.walk() if type(n) is Paragraph)
    textual = sum(1 for n in doc.walk() if isinstance(n, TEXTUAL_NODES))
    print(f"{path}: {unclassified} of {textual} text nodes are plain paragraphs (unclassified)", file=out)
    return len(found)


def _one_line(text: str) -> str:
    """``text`` on one line, every character visible."""
    return "".join(_visible(ch) if ch not in "\n\r" else " " for ch in text)


def _shape_table(shapes: ShapeCounter, top: int, out: TextIO) -> None:
    """``check --unclassified``: the unclassified line shapes, most widespread first."""
    ranked = shapes.ranked()
    shown = ranked if top <= 0 else ranked[:top]
    print(f"{'files':>5} {'lines':>5}  {'shape':<32}  example", file=out)
    for shape in shown:
        name, line = shape.example
        print(f"{shape.files:>5} {shape.lines:>5}  {shape.shape:<32}  {name}:{line}", file=out)
    if len(shown) < len(ranked):
        print(f"({len(ranked) - len(shown)} more shapes; --top 0 shows them all)", file=out)


def _utf8(out: TextIO) -> TextIO:
    """``out`` writing UTF-8 whatever the locale (the terminal's own stream only)."""
    if out is sys.stdout and hasattr(sys.stdout, "buffer"):
        return io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", write_through=True)
    return out


#: The columns of ``actions --format csv``.
_ACTION_COLUMNS = ["file", "line", "column", "item", "kind", "owner", "due_text", "due_date", "text"]


def _actions(doc: Document, path: _Entry, writer: Callable[[list[str]], object]) -> int:
    """Write one row per commitment of ``doc`` (the columns of :data:`_ACTION_COLUMNS`); return how many."""
    rows = 0
    # Before the first item and after the close: no item number.
    places = [
        ("", doc.front_matter_proceedings.commitments),
        *((item.minute_number or item.agenda_number or "", item.commitments) for item in doc.items),
        ("", doc.closing_proceedings.commitments),
    ]
    for number, commitments in places:
        for c in commitments:
            line, col = doc.line_col(c.span.start)
            owner = ""
            if c.owner is not None:
                owner = c.owner.title or c.owner.text
                if c.owner.name and c.owner.name not in owner:
                    owner = f"{owner} ({c.owner.name})"
            due_text = c.due.text if c.due is not None else ""
            due_date = c.due.date.isoformat() if c.due is not None and c.due.date else ""
            text = " ".join(c.text.split())
            writer([str(path), str(line), str(col), number, c.kind.value, owner, due_text, due_date, text])
            rows += 1
    return rows


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line; return the exit status.

    When the reader of the output goes away (``scrutinykit parse … | head``),
    the run stops quietly with status 0: the reader had all it wanted.
    """
    try:
        return _main(argv, stdout, stderr)
    except BrokenPipeError:
        # Point stdout at nothing so that the interpreter's final flush is silent too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None, stdout: TextIO | None, stderr: TextIO | None) -> int:
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    parser = _parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK

    if args.command == "grammar":
        if args.standalone:
            try:
                write_standalone(_utf8(out))
            except ScrutinyKitError as exc:
                _report(exc, err)
                return EXIT_FAILED
        else:
            print(grammar_dir(), file=out)
        return EXIT_OK
    if args.command == "schema":
        print(schema_text(), file=_utf8(out))
        return EXIT_OK
    try:
        args.vocabulary = checked_vocabulary(args.vocabulary)
    except ScrutinyKitError as exc:
        _report(exc, err)
        return EXIT_USAGE
    if args.command == "show":
        from .views.show import run as show_command

        return show_command(args.files, args.recursive, args.output, out, err, vocabulary=args.vocabulary)
    if args.command == "parse" and args.resume and not (args.out or args.parquet):
        print("scrutinykit: --resume needs --out FILE or --parquet DIR", file=err)
        return EXIT_USAGE

    found: set[Path] = set()
    entries = list(_files(args.files, args.recursive, found))
    if args.command == "parse":
        problem = _output_problem(args)
        if problem is not None:
            print(f"scrutinykit: {problem}", file=err)
            return EXIT_USAGE
    sink = out
    sink_name = args.out if args.command == "parse" and args.out else "standard output"
    skip: set[str] | None = None
    if args.command == "parse" and args.resume:
        skip = _done(args)
    if args.command == "parse" and args.out:
        try:
            sink = open(args.out, "a", encoding="utf-8")  # noqa: SIM115 - closed below
        except OSError as exc:
            print(f"scrutinykit: {args.out}: cannot write: {exc.strerror or exc}", file=err)
            return EXIT_USAGE
    try:
        return _run(args, entries, out, err, sink, skip or set(), found)
    except BrokenPipeError:
        raise
    except OSError as exc:
        # Writing the output failed (a full disk, a device that refuses): one line, no traceback.
        print(f"scrutinykit: {sink_name}: cannot write: {exc.strerror or exc}", file=err)
        if sink is sys.stdout or out is sys.stdout:
            _silence_stdout()
        return EXIT_USAGE
    finally:
        if sink is not out:
            with contextlib.suppress(OSError):
                sink.close()


def _silence_stdout() -> None:
    """Point stdout at nothing, so that the interpreter's last flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def _output_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with where ``parse`` would write, as one line naming the path; or ``None``."""
    if args.out:
        path = Path(args.out)
        folder = path.parent
        if path.is_dir():
            return f"{path}: is a directory; --out needs a file"
        if not folder.exists():
            return f"{path}: no such directory: {folder}"
        if not folder.is_dir():
            return f"{path}: {folder} is not a directory"
        writable = os.access(path, os.W_OK) if path.exists() else os.access(folder, os.W_OK | os.X_OK)
        if not writable:
            return f"{path}: permission denied"
        if path.exists() and path.stat().st_size > 0 and not args.resume:
            return (
                f"{path}: already holds results; --resume adds only the files not in it"
                " (or remove it to start again)"
            )
        if args.indent is not None:
            return f"{path}: --out writes JSON Lines, one document a line, which --indent cannot be"
    if args.parquet:
        folder = Path(args.parquet)
        if folder.exists() and not folder.is_dir():
            return f"{folder}: is a file; --parquet needs a folder"
        for module in ("pandas", "pyarrow"):
            if importlib.util.find_spec(module) is None:
                return (
                    f"{folder}: --parquet needs {module}, which is not installed:"
                    " pip install 'scrutinykit[parquet]'"
                )
        if folder.is_dir() and any(folder.rglob("*.parquet")) and not args.resume:
            return (
                f"{folder}: already holds Parquet results; --resume adds only the files not in it"
                " (or choose an empty folder)"
            )
    return None


def _done(args: argparse.Namespace) -> set[str]:
    """The content hashes already written to every output being resumed (both, when both are given)."""
    found: list[set[str]] = []
    if args.out:
        found.append(_done_hashes(Path(args.out)))
    if args.parquet:
        found.append(_parquet_hashes(Path(args.parquet)))
    return set.intersection(*found) if found else set()


def _parquet_hashes(folder: Path) -> set[str]:
    """The document ids in a Parquet folder's documents table (parts or one file)."""
    import pyarrow.parquet as pq

    done: set[str] = set()
    for path in sorted(folder.glob("documents/*.parquet")) + sorted(folder.glob("documents.parquet")):
        table = pq.read_table(path, columns=["document_id"])
        done.update(str(v) for v in table.column("document_id").to_pylist() if v is not None)
    return done


def _run(
    args: argparse.Namespace,
    entries: list[_Entry | ScrutinyKitError],
    out: TextIO,
    err: TextIO,
    sink: TextIO,
    skip: set[str],
    found: set[Path] | None = None,
) -> int:
    """Parse every entry and write what the command asks; the exit status.

    A file in ``found`` (found under a folder by ``-r``) that is not minutes
    is skipped with one line on ``err``, not counted as a failure.
    """
    found = found or set()
    shapes = ShapeCounter() if args.command == "check" and args.unclassified else None
    writer: Callable[[list[str]], object] | None = None
    if args.command == "actions" and args.format == "csv":
        writer = csv.writer(out, lineterminator="\n").writerow
        writer(_ACTION_COLUMNS)
    elif args.command == "actions":
        writer = _table_writer(out)
    # Indented JSON of several documents is one JSON array: JSON Lines cannot hold it.
    array = args.command == "parse" and args.format == "json" and args.indent is not None and len(entries) > 1
    written = 0

    def separate() -> None:
        nonlocal written
        if array:
            sink.write("[\n" if written == 0 else ",\n")
        written += 1

    done = failed = warned = skipped = rows = not_minutes = 0
    docs_for_tables: list[Document] = []
    parts, run = 0, _part_name()
    progress = _Progress(err, len(entries)) if err.isatty() and len(entries) > 1 else None
    try:
        for entry, result in _parse_all(entries, args, skip):
            if progress is not None:
                progress.step()
            if result is None:
                skipped += 1
                continue
            if isinstance(result, NotMinutesError) and entry in found:
                print(f"scrutinykit: {entry}: skipped, not minutes: {_one_line(result.message)}", file=err)
                not_minutes += 1
                continue
            if isinstance(result, ScrutinyKitError):
                _report(result, err, entry if isinstance(entry, Path) else None)
                failed += 1
                continue
            done += 1
            assert not isinstance(entry, ScrutinyKitError)
            if isinstance(result, str):
                separate()
                sink.write(result if array else result + "\n")
                continue
            if args.command == "parse":
                if args.format == "json":
                    separate()
                    # Written a piece at a time: the text is never whole in memory.
                    try:
                        dump(result, sink, indent=args.indent)
                    except OSError:
                        raise
                    except Exception as exc:  # a bug of ours: end the broken line, report it, go on
                        sink.write("\n")
                        _report(_bug(exc, str(entry)), err, entry if isinstance(entry, Path) else None)
                        done, failed = done - 1, failed + 1
                        continue
                    if not array:
                        sink.write("\n")
                else:
                    _summary(result, sink)
                if args.parquet:
                    docs_for_tables.append(result)
                    if len(docs_for_tables) >= _PARQUET_PART:
                        parts += 1
                        failed += _write_part(docs_for_tables, args.parquet, f"{run}-{parts:05d}", err)
                        docs_for_tables = []
            elif args.command == "actions":
                assert writer is not None
                rows += _actions(result, entry, writer)
            elif shapes is not None:
                shapes.add(result, str(entry))
            else:
                warned += _check(result, entry, out, args.pedantic)
        if shapes is not None:
            _shape_table(shapes, args.top, out)
        if array:
            sink.write("[]\n" if written == 0 else "\n]\n")
        sink.flush()
    finally:
        if progress is not None:
            progress.close()
    if docs_for_tables:
        failed += _write_part(docs_for_tables, args.parquet, f"{run}-{parts + 1:05d}", err)
    if done + failed + skipped + not_minutes > 1 or failed:
        summary = f"scrutinykit: {done} parsed, {failed} failed"
        if not_minutes:
            summary += f", {not_minutes} not minutes (skipped)"
        if skipped:
            summary += f", {skipped} skipped (already written)"
        if args.command == "check":
            summary += f", {warned} warning{'s' if warned != 1 else ''}"
        if args.command == "actions":
            summary += f", {rows} commitment{'s' if rows != 1 else ''}"
        print(summary, file=err)
    strict = args.command == "check" and args.strict
    return EXIT_FAILED if failed or (strict and warned) else EXIT_OK


def _parse_all(
    entries: Sequence[_Entry | ScrutinyKitError], args: argparse.Namespace, skip: set[str]
) -> Iterator[tuple[_Entry | ScrutinyKitError, Document | str | ScrutinyKitError | None]]:
    """Each entry with its document (or its JSON: :func:`_json_only`), its error, or ``None`` if skipped."""
    todo: list[Path] = []
    for entry in entries:
        if not isinstance(entry, Path):
            continue
        if skip and _file_hash(entry) in skip:
            continue
        todo.append(entry)
    jobs = getattr(args, "jobs", 1) or 1
    limit = getattr(args, "timeout", DEFAULT_TIMEOUT)
    timeout = limit if limit and limit > 0 else None
    results: Iterator[Document | str | ScrutinyKitError]
    if _json_only(args) and jobs > 1:
        # Only the JSON is kept: the workers write it, and no document crosses back.
        # (On one process the documents come back, and their JSON is written a piece
        # at a time rather than made whole first.)
        results = parse_many_json(
            todo, workers=jobs, chunksize=4, indent=args.indent, timeout=timeout, vocabulary=args.vocabulary
        )
    else:
        results = iter(
            parse_many(todo, workers=jobs, chunksize=4, timeout=timeout, vocabulary=args.vocabulary)
        )
    chosen = set(map(id, todo))
    for entry in entries:
        if isinstance(entry, ScrutinyKitError):
            yield entry, entry
        elif isinstance(entry, _Stdin):
            yield entry, _parse_stdin(args.vocabulary)
        elif id(entry) not in chosen:
            yield entry, None
        else:
            yield entry, next(results)


def _parse_stdin(vocabulary: Sequence[Path] = ()) -> Document | ScrutinyKitError:
    """Standard input, read whole as bytes and parsed as a file's bytes are."""
    stream = sys.stdin
    try:
        buffer = getattr(stream, "buffer", None)
        data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
        return parse_bytes(data, source="<stdin>", vocabulary=vocabulary)
    except ScrutinyKitError as exc:
        return exc
    except OSError as exc:
        return ScrutinyKitError(f"cannot read: {exc.strerror or exc}", source="<stdin>")
    except Exception as exc:
        return _bug(exc, "<stdin>")


def _json_only(args: argparse.Namespace) -> bool:
    """Whether the run keeps nothing of a document but its JSON text."""
    return args.command == "parse" and args.format == "json" and not args.parquet


def _file_hash(path: Path) -> str | None:
    """The document id (content hash) the text of a file would get, or None."""
    try:
        text, _ = decode_bytes(path.read_bytes())
    except (OSError, ScrutinyKitError):
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _done_hashes(out: Path) -> set[str]:
    """The content hashes of the documents already written to a JSON Lines file."""
    done: set[str] = set()
    if not out.exists():
        return done
    with out.open(encoding="utf-8") as f:
        for line in f:
            try:
                source = json.loads(line).get("source")
            except (ValueError, AttributeError):
                continue
            if isinstance(source, str):
                done.add(hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16])
    return done


#: Documents per Parquet part: the documents waiting for their part are all in memory.
_PARQUET_PART = 200


def _part_name() -> str:
    """A name for this run's parts of a partitioned Parquet dataset."""
    # The random part keeps two runs in the same second (a --resume) from writing the same part.
    return f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"


def _write_part(docs: list[Document], directory: str, part: str, err: TextIO) -> int:
    """Write one part of every table; the number of failures (0 or 1)."""
    try:
        write_parquet(docs, directory, part=part)
    except ScrutinyKitError as exc:
        _report(exc, err)
        return 1
    return 0


def _table_writer(out: TextIO) -> Callable[[list[str]], None]:
    def write(row: list[str]) -> None:
        path, line, col, number, kind, owner, due_text, due_date, text = row
        due = due_text + (f" [{due_date}]" if due_date else "")
        print(f"{path}:{line}:{col}  [{number or '-'}] {kind}: {text}", file=out)
        parts = (f"owner: {owner}" if owner else "", f"due: {due}" if due else "")
        details = ", ".join(x for x in parts if x)
        if details:
            print(f"    {details}", file=out)

    return write


class _Progress:
    """A one-line progress bar on a terminal's stderr."""

    def __init__(self, err: TextIO, total: int) -> None:
        self.err, self.total, self.count = err, total, 0

    def step(self) -> None:
        self.count += 1
        width = 30
        filled = width * self.count // self.total
        print(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.count}/{self.total}", end="", file=self.err)

    def close(self) -> None:
        print(file=self.err)
