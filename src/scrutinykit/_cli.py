"""The ``scrutinykit`` command: a thin layer over the library.

Data goes to stdout, messages to stderr.  Exit status: 0 every file parsed;
1 a file failed (not text, not minutes, unreadable), or ``check --strict``
found a warning; 2 the command line was wrong.

A file that fails gets one line on stderr, ``scrutinykit: FILE:LINE:COL:
message`` (the parts that are known), and, where there is a place, the line
of the file with a caret under the column.  ``check`` prints its warnings as
``FILE:LINE:COL: warning: …`` on stdout; :func:`check_warnings` finds them.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from ._api import parse_file
from ._errors import InternalError, NotTextError, ScrutinyKitError
from ._grammar import grammar_dir
from ._model import (
    TEXTUAL_NODES,
    AgendaItem,
    AttendanceBlock,
    Block,
    BudgetProposal,
    Document,
    Furniture,
    Heading,
    Marker,
    MeetingEnd,
    Note,
    Paragraph,
    Point,
)
from ._serialise import dumps

__all__ = ["check_warnings", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_EPILOG = """\
errors go to stderr, one line each: scrutinykit: FILE:LINE:COL: message
(with the line and a caret under the column when there is a place).

exit status:
  0  every file was parsed (check: warnings do not change this
     unless --strict is given)
  1  at least one file failed: missing, unreadable, a directory without -r,
     not text, not minutes; the other files are still processed and a
     summary is printed; or check --strict found a warning
  2  the command line was wrong
"""


_CHECK_DESCRIPTION = """\
Parse minutes files and print, for each, what was found and then one line
per warning, as FILE:LINE:COL: warning: ...  The warnings:

  unclassified text   a line that looks like an outcome (RESOLVED ...) or a
                      numbered point but was read as plain prose; text after
                      the closing line; control or invisible characters
  announced list      an outcome that announces points (ends in ':' or
                      'that') but has none
  no minutes          an agenda item with no minutes and no outcome
  attendance          a name in an attendance list that never appears again
  truncation          the text ends mid-sentence, as a cut-off file does
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
        help="report what was found, and warnings a clerk would want to look at",
        description=_CHECK_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("-r", "--recursive", action="store_true", help="read every file under folders")
    c.add_argument("--strict", action="store_true", help="exit with status 1 when there is any warning")

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


#: How many characters of a line an excerpt shows on each side of the caret.
_EXCERPT_REACH = 40


def _report(exc: ScrutinyKitError, err: TextIO, path: Path | None = None) -> None:
    """One line for the error; the line it points at, with a caret, when it has a place."""
    if path is not None and exc.line is None and isinstance(exc, NotTextError) and exc.offset is not None:
        _place_in_bytes(exc, path)
    one_line = " ".join(str(exc).splitlines())
    print(f"scrutinykit: {one_line}", file=err)
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
    return "?" if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn", "Cs", "Mn", "Me") else ch


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
    """Print the findings and warnings for one document; return the number of warnings."""
    outcomes = doc.outcomes()
    print(f"{path}: {doc.kind.value}, {len(doc.items)} items, {len(outcomes)} outcomes", file=out)
    found = check_warnings(doc)
    for offset, message in found:
        line, col = doc.line_col(offset)
        print(f"{path}:{line}:{col}: warning: {message}", file=out)
    unclassified = sum(1 for n in doc.walk() if type(n) is Paragraph)
    textual = sum(1 for n in doc.walk() if isinstance(n, TEXTUAL_NODES))
    print(f"{path}: {unclassified} of {textual} text nodes are plain paragraphs (unclassified)", file=out)
    return len(found)


# ---------------------------------------------------------------------------
# Warnings for ``check``
# ---------------------------------------------------------------------------

#: Words that open an outcome; a plain paragraph starting with one was missed.
_OUTCOME_WORDS = re.compile(
    r"(?:resolved|recommended|agreed|decided|recommendations?|conclusions?)\b\s*(?:[:;,.–-]|that\b|$)",
    re.IGNORECASE,
)
#: A point label at the start of a line: ``1.``, ``(a)``, ``iv)``, ``•``.
_POINT_START = re.compile(r"(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]|[•▪◦●·*])\s+\S")
#: The end of an outcome's intro that promises a list.
_ANNOUNCES = re.compile(r"(?::-?|\bthat|\bfollowing|\bconclusions|\brecommendations)\s*$", re.IGNORECASE)
#: Lines that may follow the closing line: signatures and dates.
_SIGNATURE = re.compile(
    r"(?:\(?chair(?:man|person)?\)?|signed|date[d]?|[\s._:/0-9-]*)\s*:?[\s._]*$", re.IGNORECASE
)
#: Controls and invisible marks, other than the whitespace controls.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]"
)
#: A text ending like this has lost its end.
_COMPLETE_END = re.compile(r"""[.!?:;)\]"'’”…]$|\d(?:am|pm)?$|^[^a-z]*$""")
#: A word of a name: letters, then letters, digits, apostrophes and hyphens.
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Words a sentence does not end on.
_OPEN_WORDS = frozenset(
    [
        *("the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "by", "on", "at"),
        *("that", "which", "be", "is", "are", "was", "were", "as", "from"),
    ]
)


def check_warnings(doc: Document) -> list[tuple[int, str]]:
    """The warnings ``scrutinykit check`` prints, as ``(offset, message)`` in text order."""
    found: list[tuple[int, str]] = []
    found.extend(_unclassified(doc))
    found.extend(_announced_lists(doc))
    found.extend(_items_without_minutes(doc))
    found.extend(_silent_attendees(doc))
    found.extend(_truncation(doc))
    return sorted(found)


def _flow_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Plain paragraphs standing in the flow: prose the grammar gave no role."""

    def blocks(seq: Sequence[Block]) -> Iterator[Paragraph]:
        for block in seq:
            if type(block) is Paragraph:
                yield block
            elif isinstance(block, BudgetProposal):
                yield from blocks(block.blocks)

    yield from blocks(doc.front_matter)
    for item in doc.items:
        yield from blocks(item.agenda)
        for section in item.sections:
            yield from blocks(section.blocks)
    yield from blocks(doc.closing)


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _unclassified(doc: Document) -> Iterator[tuple[int, str]]:
    for para in _flow_paragraphs(doc):
        text = doc.text_of(para)
        for line_start, line in _lines(text, para.span.start):
            stripped = line.strip()
            if _OUTCOME_WORDS.match(stripped):
                yield (
                    line_start,
                    f"unclassified text: {_short(stripped)} looks like an outcome, read as prose",
                )
            elif _POINT_START.match(stripped):
                yield (
                    line_start,
                    f"unclassified text: {_short(stripped)} looks like a numbered point, read as prose",
                )
    ended = False
    for block in doc.closing:
        if isinstance(block, MeetingEnd):
            ended = True
        elif ended and type(block) is Paragraph and not _SIGNATURE.fullmatch(block.text):
            yield block.span.start, f"unclassified text after the closing line: {_short(block.text)}"
    first = _INVISIBLE.search(doc.source)
    if first is not None:
        count = len(_INVISIBLE.findall(doc.source))
        name = unicodedata.name(first.group(), f"U+{ord(first.group()):04X}")
        yield first.start(), f"the text holds {count} control or invisible character(s), the first {name}"


def _lines(text: str, offset: int) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset + start + (len(line) - len(line.lstrip())), line
        start += len(line) + 1


def _announced_lists(doc: Document) -> Iterator[tuple[int, str]]:
    for outcome in doc.outcomes():
        if outcome.points or outcome.body or outcome.text:
            continue
        if _ANNOUNCES.search(outcome.intro.text):
            name = type(outcome).__name__.lower()
            yield outcome.span.start, f"{name} announces points but has none: {_short(outcome.intro.text)}"


def _items_without_minutes(doc: Document) -> Iterator[tuple[int, str]]:
    for item in doc.items:
        if not item.minutes and not item.outcomes():
            yield item.span.start, f"item {_short(item.title)} has no minutes"


def _silent_attendees(doc: Document) -> Iterator[tuple[int, str]]:
    """Names in attendance lists that the rest of the text never mentions."""
    lists = [b.span for b in doc.walk() if isinstance(b, AttendanceBlock)]
    people = [*doc.attendance.everyone(), *(doc.attendance.apologies or ())]
    if not people:
        return
    rest = list(doc.source)
    for span in lists + [p.span for p in people]:
        rest[span.start : span.end] = " " * (span.end - span.start)
    elsewhere = set(_NAME_WORD.findall("".join(rest).casefold()))
    for person in people:
        words = _NAME_WORD.findall(person.name.casefold())
        if words and words[-1] not in elsewhere:
            yield (
                person.span.start,
                f"{person.name!r} ({person.kind.value}) is not mentioned again in the text",
            )


def _truncation(doc: Document) -> Iterator[tuple[int, str]]:
    """The last text of the document, when it stops mid-sentence."""
    leaves = (
        n
        for n in doc.walk()
        if isinstance(n, (Paragraph, Heading, Note, Marker, Furniture, MeetingEnd, Point))
        and not (isinstance(n, Point) and n.points)
    )
    last = max(leaves, key=lambda n: n.span.end, default=None)
    if last is None or isinstance(last, (MeetingEnd, Marker, Heading)):
        return
    text = doc.text_of(last).rstrip()
    words = text.split()
    if not words or _COMPLETE_END.search(text) or _SIGNATURE.fullmatch(text):
        return
    if text[-1] in ",-–(/&" or words[-1].casefold() in _OPEN_WORDS or text[-1].islower():
        end = last.span.end
        yield end, f"the text may be truncated: it ends mid-sentence with {_short(' '.join(words[-6:]))}"


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

    done = failed = warned = 0
    for entry in _files(args.files, args.recursive, err):
        if isinstance(entry, ScrutinyKitError):
            _report(entry, err)
            failed += 1
            continue
        try:
            doc = parse_file(entry)
        except ScrutinyKitError as exc:
            _report(exc, err, entry)
            failed += 1
            continue
        except Exception as exc:  # a bug: report it and go on with the other files
            _report(
                InternalError(
                    f"scrutinykit failed ({type(exc).__name__}: {exc}); please report it", source=str(entry)
                ),
                err,
            )
            failed += 1
            continue
        done += 1
        if args.command == "parse":
            if args.format == "json":
                print(dumps(doc, indent=args.indent), file=out)
            else:
                _summary(doc, out)
        else:
            warned += _check(doc, entry, out)
    if done + failed > 1 or failed:
        summary = f"scrutinykit: {done} parsed, {failed} failed"
        if args.command == "check":
            summary += f", {warned} warning{'s' if warned != 1 else ''}"
        print(summary, file=err)
    strict = args.command == "check" and args.strict
    return EXIT_FAILED if failed or (strict and warned) else EXIT_OK
