"""Two columns: "Present" and "In attendance" side by side, flattened into one line a row.

Reads: rows of a left entry (a titled name and its note) and a right entry
("Jo Example – Head of Service").  Guarantees: each person with the list of
its column; a line that is not two columns gives nobody.
"""

from __future__ import annotations

from ..._model import (
    AttendanceKind,
    Person,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns
from ..readers import (
    POST_NOMINAL,
)
from .entries import _HONORIFIC_START, _is_prose, _line_people

#: The left column's entry: a title, then initials and a surname or two names, then a note in brackets.
_LEFT_ENTRY = rx.compile(
    r"\s{0,20}(?:(?:County|District|Borough|Town)\s{1,3})?(?:Councillor|Cllr|Alderman|Mr|Mrs|Ms|Miss|Dr)\.?\s{1,3}"
    r"(?:(?:Mrs|Mr|Ms|Dr)\.?\s{1,3})?(?:(?:[A-Z]\.?\s{0,2}){1,3}|[A-Z][\w'’-]{1,40}\s{1,3})"
    r"(?:[A-ZÀ-Þ][\w'’]{0,2}\s{1,2})?[A-ZÀ-Þ][\w'’-]{1,40}"  # a particle before the surname: "Ó", "Ní", "Mac"
    rf"(?:\s{{1,3}}(?:{POST_NOMINAL})\b\.?)*(?:\s*\([^()]{{1,60}}\))?"
)


#: A row of the right column alone, the left one having ended: "Jo Example – Head of Highways".
_RIGHT_ENTRY = rx.compile(r"\s{0,20}[A-Z][\w'’.-]*(?:\s{1,3}[A-Z][\w'’.-]*){1,3}\s{1,3}[–—-]\s")


def _two_column_people(
    text: str, base: int, columns: tuple[AttendanceKind, AttendanceKind], vocab: Patterns
) -> list[Person] | None:
    """The people of each line of a two-column list whose columns were flattened into one line.

    A row is the left column's entry (a titled name and its note) and the right
    column's; once the left column has ended a row is the right one's alone
    ("Jo Example – Head of Highways"); a line that is neither goes on the right
    entry above it, which hard wrapping broke ("Jo Example – Customer Services" /
    "Manager").  None when the lines no longer look like the columns (the list ended).
    """
    rows: list[list[int]] = []  # [left start, left end, right start, right end], offsets into text
    at = 0
    for piece in text.split("\n"):
        here = at
        at += len(piece) + 1
        if not piece.strip():
            continue
        if vocab.attendance_label.match(piece) is not None:
            break
        left = _LEFT_ENTRY.match(piece)
        if left is not None:
            rows.append([here, here + left.end(), here + left.end(), here + len(piece)])
        elif _RIGHT_ENTRY.match(piece) is not None:
            rows.append([here, here, here, here + len(piece)])
        elif (
            rows
            and rows[-1][3] > rows[-1][2]
            and len(piece) <= 60
            and _HONORIFIC_START.match(piece) is None
            and not _is_prose(piece)
        ):
            rows[-1][3] = here + len(piece)  # the wrapped end of the right entry above
        else:
            break
    if not rows:
        return None
    found: list[Person] = []
    flat = text.replace("\n", " ")
    for left_start, left_end, right_start, right_end in rows:
        if left_end > left_start:
            found.extend(_line_people(flat[left_start:left_end], base + left_start, columns[0]))
        if flat[right_start:right_end].strip():
            found.extend(_line_people(flat[right_start:right_end], base + right_start, columns[1]))
    return found
