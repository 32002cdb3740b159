"""Wrapped lists: one list broken over lines, and lists written with no separators.

Reads: the line breaks of a list (a line that cannot end an entry, or a next
line that cannot start one, is a wrap) and a line of names run together.
Guarantees: :func:`unwrap_list` keeps the text's length and offsets (a wrap
becomes a space), so spans stay spans into the source.
"""

from __future__ import annotations

from ..._model import (
    AttendanceKind,
    Person,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns, default_patterns
from .entries import _HONORIFIC_START, _SEPARATOR
from .inline_lists import _inline_lists
from .roll_calls import _titled_run

_OPEN_END = rx.compile(
    r"(?:[,;(]|\b(?:and|&|of|for|the|to|Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|[A-Z])\.?)[ \t]*\Z"
)
#: A line that cannot start an entry: a note, a lower-case word, a separator.
_GOES_ON = rx.compile(r"[ \t]*(?:[(,;]|[a-z]|(?:and|&)\s)")


#: A line that opens with a label of its own: "Co-opted Members:", "Substitutes:".
_OWN_LABEL = rx.compile(r"[ \t]*[A-Z][^:,;()\n]{0,40}:")


def unwrap_list(text: str, vocab: Patterns | None = None) -> str:
    """``text`` with the line breaks that wrap a list read as spaces (same length, same offsets).

    A break is a wrap when the line before cannot end an entry ("…, R" / "Mr" /
    "Cabinet Member for"), when the line after cannot start one ("(remote)",
    "for Education", "and Jo Example"), when the line before has an open
    bracket, or when it is a long line of a separated list (two separators or
    more in 60 characters or more) that ends mid-entry and the next line does not
    open with a title, as hard-wrapped text gives it.  A list of one entry a line
    ("Jo Example, Clerk") keeps its breaks, and so does a line that opens a
    list of its own ("Co-opted Members: …").
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for k, line in enumerate(lines):
        out.append(line)
        if k + 1 == len(lines):
            break
        out.append(" " if _wraps(line, lines[k + 1], vocab or default_patterns()) else "\n")
    return "".join(out)


def _wraps(line: str, after: str, vocab: Patterns) -> bool:
    """Whether the break between ``line`` and the line ``after`` wraps one list (:func:`unwrap_list`)."""
    if not line.strip() or not after.strip():
        return False
    if vocab.attendance_label.match(after) is not None or _OWN_LABEL.match(after) is not None:
        return False
    return (
        _OPEN_END.search(line) is not None
        or _GOES_ON.match(after) is not None
        or line.count("(") > line.count(")")
        or line.rfind("(") > line.rfind(")")  # "… and Jo Example (Acting Chief" / "Accountant)"
        or (
            len(line.rstrip()) >= 60
            and len(_SEPARATOR.findall(line)) >= 2
            and not line.rstrip().endswith((")", "."))
            and _HONORIFIC_START.match(after) is None
        )
    )


def _run_on_people(piece: str, base: int, kind: AttendanceKind, vocab: Patterns) -> list[Person]:
    """People of a line listing them without separators, and of any labelled lists run on after it."""
    label = vocab.attendance_inline.search(piece)
    cut = label.start() if label is not None else len(piece)
    people = _titled_run(piece[:cut], base, kind)
    if label is not None:
        people.extend(_inline_lists(piece[cut:], base + cut, vocab))
    return people
