"""Name lists: "Councillors A Example (Chair), B Sample and C Person".

Reads: a run of people's entries separated by ",", ";", " and ", " & ", or
by a bracketed note that the next name follows with no separator.
Guarantees: :func:`split_name_list` gives one ``(start, end)`` span per
entry, a bracketed note staying inside its entry; a leading "Present:"
style label and a leading plural title are left out of the first entry; no
input raises.  A new way of separating names goes here.
"""

from __future__ import annotations

import re

from ...parsing import patterns as rx
from .names import _POST_NOMINALS_ONLY_RE
from .spans import _CLOSE, _OPEN, _trim_final_stop

_LIST_LABEL_RE = rx.compile(
    r"""
    \s{0,20}
    (?:also\s{1,3})?
    (?:present|in\s{1,3}attendance|attending|absent
      |apologies(?:\s{1,3}for\s{1,3}absence)?)
    \s{0,3}:\s{0,20}
    """,
    re.IGNORECASE | re.VERBOSE,
)

_LIST_PLURAL_RE = rx.compile(
    r"""
    \s{0,20}
    (?:(?:County|Borough|District|City|Town|Parish)\s{1,3})?
    (?:Councillors|COUNCILLORS|Cllrs\.?|CLLRS\.?|Aldermen|Messrs\.?)
    (?:\s{0,3}:)?
    \s{1,20}
    """,
    re.VERBOSE,
)

_LIST_SEP_RE = rx.compile(r"[()\[\]]|[,;]|(?<!\s)\s{1,10}(?:and|&)(?=\s)")
#: After a note in brackets, the next entry with no separator before it: "J Example (Chair) R Sample".
#: Not when that entry is a name and an office after a dash, the other column of a list
#: flattened into one ("Cllr Jo Example (Chair) Bo Sample – Head of Finance").
_NEXT_AFTER_NOTE = rx.compile(
    r"[ \t]{1,10}(?=[A-Z](?:\.|[a-z'’-]{1,30})?[ \t]{1,3}[A-Z])(?![^,;()\n]{0,80}[ \t][–—-][ \t])"
)


def _emit_entry(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    start, end = _trim_final_stop(text, start, end)
    if start >= end or text[start:end] in ("and", "&"):
        return
    if spans and _POST_NOMINALS_ONLY_RE.fullmatch(text, start, end):
        # "Mr Jo Example, OBE, …": the honours belong to the name before them.
        spans[-1] = (spans[-1][0], end)
        return
    if any(c.isalnum() for c in text[start:end]):
        spans.append((start, end))


def split_name_list(text: str) -> list[tuple[int, int]]:
    """Return the spans of the individual people in a list of names.

    Entries are separated by ",", ";", " and " and " & " outside parentheses,
    so "Councillor A (Chair, from 7pm)" stays whole, and by a note in
    brackets that a name follows with no separator ("J Example (Chair) R
    Sample").  A leading "Present:" style label and a leading plural title ("Councillors", "Cllrs") are not
    part of the first entry; a singular "Councillor" is.  Each span is trimmed
    of whitespace and of a closing full stop (but not the stop of an initial).
    """
    pos = 0
    label = _LIST_LABEL_RE.match(text)
    if label is not None:
        pos = label.end()
    plural = _LIST_PLURAL_RE.match(text, pos)
    if plural is not None:
        pos = plural.end()
    spans: list[tuple[int, int]] = []
    depth = 0
    entry_start = pos
    for match in _LIST_SEP_RE.finditer(text, pos):
        token = match.group()
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
            gap = _NEXT_AFTER_NOTE.match(text, match.end()) if depth == 0 else None
            if gap is not None:
                _emit_entry(text, entry_start, match.end(), spans)
                entry_start = gap.end()
        elif depth == 0:
            _emit_entry(text, entry_start, match.start(), spans)
            entry_start = match.end()
    _emit_entry(text, entry_start, len(text), spans)
    return spans
