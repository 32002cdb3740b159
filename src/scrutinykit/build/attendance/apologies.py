"""Apologies: "Apologies were received from …", "No apologies", a bare list under an apologies heading.

Reads: the sentence that reports apologies, and under an apologies heading
also "These were received from …" and a paragraph that opens with a list of
titled names.  Guarantees: people only where the sentence says they sent
apologies, or where every entry of a bare list is a person.
"""

from __future__ import annotations

import re

from ..._model import (
    AttendanceKind,
    Person,
)
from ...parsing import patterns as rx
from .entries import _HONORIFIC_START, _PLURAL, _PROSE, _entry_groups, _without_brackets, people_in_text

_NO_APOLOGIES = rx.compile(
    r"\b(?:there were no|no) apologies\b|\bno apologies (?:for absence )?(?:were|had been) received\b", re.I
)
#: "Apologies were received from …", "Apologies received from …", "reported apologies from …".
_APOLOGIES_FROM = rx.compile(
    r"\bapologies(?:\s+for\s+(?:absence|inability\s+to\s+attend|non-attendance|lateness))?"
    r"(?:(?:\s+(?:were|was|had\s+been|have\s+been|are))?"
    r"\s+(?:received|submitted|given|tendered|reported|intimated|recorded|noted|sent|offered))?"
    r"\s+(?:from|by|on\s+behalf\s+of)\s+",
    re.I,
)
#: Under an apologies heading the sentence need not say "apologies": "These were received from …".
_RECEIVED_FROM = rx.compile(
    r"^\s*(?:these|they)\s+(?:were|was|had\s+been)\s+(?:received|submitted|tendered|reported|intimated)"
    r"\s+(?:from|by|on\s+behalf\s+of)\s+",
    re.I,
)


def _apologies_from_text(text: str, base: int, under_heading: bool = False) -> list[Person]:
    """Apologies a sentence reports; under an apologies heading also "These were received from …"
    and a bare list of names ("Cllr Jo Example (work commitments).")."""
    m = _APOLOGIES_FROM.search(text)
    if m is None and under_heading:
        m = _RECEIVED_FROM.search(text)
        if m is None:
            return _bare_apologies(text, base)
    if m is None:
        return []
    rest = text[m.end() :]
    stop = _SENTENCE_END.search(rest)
    rest = rest[: stop.start()] if stop else rest
    return people_in_text(rest, base + m.end(), AttendanceKind.APOLOGIES)


#: The end of a sentence: not the stop of an initial or of "Mrs.", nor one inside brackets.
_SENTENCE_END = rx.compile(
    r"(?<!\b(?:Mr|Ms|Dr|St|No))(?<!\b(?:Mrs|Rev))(?<!\bCllr)(?<!\bCllrs)(?<!\b[A-Z])[.;](?:\s|$)(?![^()]*\))"
)

#: The end of a list written in a sentence: a full stop, as :data:`_SENTENCE_END`.
_LIST_END = rx.compile(_SENTENCE_END.pattern.replace("[.;]", "\\."))


def _bare_apologies(text: str, base: int) -> list[Person]:
    """A paragraph under an apologies heading that opens with a list of titled names."""
    if _HONORIFIC_START.match(text) is None:
        return []
    stop = _SENTENCE_END.search(text)
    first = text[: stop.start()] if stop else text
    if _PROSE.search(_without_brackets(first)) or len(first) > 400:
        return []
    plural = _PLURAL.match(first)
    body = first[plural.end() :] if plural else first
    groups = _entry_groups(body, AttendanceKind.APOLOGIES, plural is not None)
    people = people_in_text(first, base, AttendanceKind.APOLOGIES)
    # Every entry must be a person: a sentence that merely starts with a name is not a list.
    return people if people and len(people) == len(groups) else []


#: Where a flattened list ("Cllr A Example Cllr B Sample") starts a new person.
