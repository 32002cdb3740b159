"""Attendance lists: rule ``attendance``.

A new attendance label's words belong in the vocabulary; the list it opens
is the role of the vocabulary file they come from (``_ROLE_KIND``).
Guarantees: the label line is the block's first line; each following line is
a paragraph or a point, in order, nothing dropped; the people are read later,
by ``build/attendance/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._model import (
    AttendanceBlock,
    AttendanceKind,
    Block,
    Paragraph,
    Point,
)
from ...parsing.vocabulary import Patterns
from .points import PointRules

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


#: The attendance list of each role of the vocabulary (``chair``: those present).
_ROLE_KIND = {
    "present": AttendanceKind.PRESENT,
    "apologies": AttendanceKind.APOLOGIES,
    "also_attending": AttendanceKind.ALSO_ATTENDING,
    "officers": AttendanceKind.OFFICER,
    "chair": AttendanceKind.PRESENT,
}


def _attendance_kind(vocab: Patterns, label: str) -> AttendanceKind:
    """The list an attendance label opens, by the vocabulary file its words come from."""
    m = vocab.attendance_roles.match(label)
    if m is None or m.lastgroup is None:  # pragma: no cover - the grammar matched a label
        return AttendanceKind.PRESENT
    return _ROLE_KIND[m.lastgroup]


class AttendanceRules(PointRules):
    """The attendance rule: a label line and the lines of its list."""

    def attendance(self, children: list[Token]) -> list[Block]:
        label = self._paragraph(children[0])
        lines: list[Paragraph | Point] = [label]
        for tok in children[1:]:
            if tok.type == "POINT":
                lines.extend(self._nest_points([tok]))
            else:
                lines.append(self._paragraph(tok))
        return [
            AttendanceBlock(
                span=self._joined(label.span, lines[-1].span),
                kind=_attendance_kind(self._v, label.text),
                lines=tuple(lines),
            )
        ]
