"""Inline lists: attendance lists inside a paragraph, after a label such as "Present:-" or "APOLOGIES:".

Reads: the vocabulary's in-line attendance labels and the names after each.
Guarantees: each person with the list its label starts.
"""

from __future__ import annotations

import attrs

from ..._model import (
    AttendanceKind,
    Person,
)
from ...parsing.vocabulary import Patterns
from .apologies import _LIST_END
from .entries import _label_kind, _visitor_or_officer, people_in_text
from .roll_calls import _titled_run


def _inline_lists(text: str, base: int, vocab: Patterns) -> list[Person]:
    """Attendance lists written inside a paragraph, after labels such as "Present:-" or "APOLOGIES:"."""
    labels = list(vocab.attendance_inline.finditer(text))
    people: list[Person] = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        kind = _label_kind(m)
        segment = text[m.end() : end]
        if "," in segment or ";" in segment:
            stop = _LIST_END.search(segment)
            segment = segment[: stop.start()] if stop else segment
            for person in people_in_text(segment, base + m.end(), kind):
                if kind is AttendanceKind.ALSO_ATTENDING:
                    person = attrs.evolve(person, kind=_visitor_or_officer(person, person.name))
                people.append(person)
        else:
            people.extend(_titled_run(segment, base + m.end(), kind))
    return people
