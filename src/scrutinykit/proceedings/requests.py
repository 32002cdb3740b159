"""Requests: what members asked to be given — "Members asked for the figures to be circulated."

Reads: each sentence for the ``REQUEST_FOR`` terminal of
``grammar/proceedings.lark`` ("asked for", "requested", "called for"),
searched only when one of its trigger words is in the sentence, followed by
something to be provided: a ``REQUEST_PASSIVE`` phrase ("… to be
circulated") or a thing ("a report", "further information", "an update",
"details").  Guarantees: at most one :class:`~scrutinykit.Commitment` of
kind ``REQUEST`` per sentence, with no owner (who is to provide it is not
said in prose), only when the sentence's subject is on the members' side or
none is named; its text is what was asked for and its due time is read from
it.  Requests in a resolution's points are :mod:`.outcomes`'.
"""

from __future__ import annotations

import re

from .._model import CommitmentKind, Speaker
from . import terminals
from .speakers import MEMBER_SIDE
from .state import State
from .terminals import vocabulary
from .text import Text, Triggers

__all__ = ["REQUEST_TRIGGERS", "request"]

REQUEST_TRIGGERS = Triggers("ask", "request", "called for")
"""The words one of which a sentence holds when :func:`request` can find one in it."""


def request(state: State, t: Text, start: int, end: int, subject: Speaker | None) -> None:
    """Record the request of the sentence ``t.text[start:end]``, if it makes one."""
    v = vocabulary()
    rm = terminals.search("REQUEST_FOR", t, start, end)
    if rm is not None and (subject is None or subject.kind in MEMBER_SIDE):
        rest = t.text[rm.end() : end]
        if v["REQUEST_PASSIVE"].search(rest) or re.match(
            r" (?:a |an |the |further |more |sight |information|an update|details)", rest
        ):
            state.commit(CommitmentKind.REQUEST, t, start, end, None, rm.end())
