"""References: other meetings and documents named with their date — "the meeting held on 3 March 2025".

Reads: each date in a sentence (or an outcome's point) that the
``REF_MEETING`` or ``REF_DOCUMENT`` terminal of ``grammar/proceedings.lark``
ends right before ("the meeting of the Panel on …", "the report dated …",
"the letter from … of …"); the dates are read only when the sentence holds
one of the trigger words and one of the words every such phrase ends in.
Guarantees: a :class:`~scrutinykit.Reference` of kind ``MEETING`` or
``DOCUMENT`` for each such date, its text and span from the phrase's start
to the date's end, with the date; a meeting is tried before a document, and
a date no phrase ends at gives nothing.
"""

from __future__ import annotations

import re

from .._model import Reference, ReferenceKind
from ..build.readers import find_dates
from ..parsing import patterns as rx
from . import terminals
from .state import State
from .text import Text, Triggers

__all__ = ["REFERENCE_TRIGGERS", "reference"]

REFERENCE_TRIGGERS = Triggers(
    "meeting", "report", "plan", "strategy", "letter", "review", "inspection", "minutes"
)
"""The words one of which a sentence holds when :func:`reference` can find one in it."""
# How every REF_MEETING and REF_DOCUMENT match ends: a word after a space, before the date it
# reads.  The leading space lets the engine skip to each space rather than try every position.
_REF_END = rx.compile(r" (?:on|of|dated|from) (?=[0-9]|mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)


def reference(state: State, t: Text, start: int, end: int) -> None:
    """Record the references of ``t.text[start:end]``: each date preceded by a meeting or a document."""
    text = t.text
    if _REF_END.search(text, start, end) is None:
        return  # every reference ends in one of these words before a date: no dates to read
    for a, b, value in find_dates(text[start:end]):
        a, b = a + start, b + start
        window = max(start, a - 140)
        for name, kind in (
            ("REF_MEETING", ReferenceKind.MEETING),
            ("REF_DOCUMENT", ReferenceKind.DOCUMENT),
        ):
            hit = None
            for m in terminals.finditer(name, t, window, min(end, a + 4)):
                if m.end() == a:
                    hit = m
                    break
            if hit is not None:
                state.references.append(
                    Reference(span=t.span(hit.start(), b), kind=kind, text=text[hit.start() : b], date=value)
                )
                break
