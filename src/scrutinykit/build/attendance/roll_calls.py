"""Roll calls: the members a paragraph with no label lists, "Councillors A Example (Chair), B Sample".

Reads: a paragraph that is only a list of titled names, with separators or
flattened without them ("Cllr A Example (Mayor) Cllr Mrs B Sample").
Guarantees: [] when the paragraph is no roll call (a sentence that merely
starts with a name); a chairing note stays on its entry.
"""

from __future__ import annotations

import re

from ..._model import (
    AttendanceKind,
    Person,
)
from ...parsing import patterns as rx
from .entries import (
    _HONORIFIC_START,
    _IN_CHAIR,
    _PLURAL,
    _PROSE,
    _ROLE_TOKEN,
    _entry_groups,
    _is_prose,
    _line_people,
    _without_brackets,
    people_in_text,
)

_TITLED = rx.compile(
    r"(?<![^\W\d_])(?:(?:County|District|Borough|Town)\s+)?(?:Councillors?|Cllrs?|Alderm[ae]n|Mr|Mrs|Ms|Miss|Dr"
    r"|Canon|Reverend|Revd|Rev|PCSO)\.?(?=\s)"
)
_TITLED_NAME = rx.compile(
    r"(?:(?:[A-Z]\.?\s{0,2}){1,3}[A-Z][\w'’-]{1,40}|[A-Z][a-z][\w'’-]{0,40}(?:\s{1,3}[A-Z][\w'’-]{1,40}){0,2})"
    r"(?:\s*\([^()]{1,60}\))?"
)


def _titled_run(text: str, base: int, kind: AttendanceKind) -> list[Person]:
    """People of a list flattened without separators: "Cllr A Example (Mayor) Cllr Mrs B Sample …".

    Each person starts at a title; after the name (initials and a surname, or
    up to three capitalised words) and a note in brackets, anything else is
    not part of the list ("4 members of the public", a minute number).
    """
    starts: list[int] = []
    last_end: int | None = None
    depth, seen = 0, 0
    for m in _TITLED.finditer(text):
        depth += text.count("(", seen, m.start()) - text.count(")", seen, m.start())
        seen = m.start()
        if depth > 0:
            continue  # a name in a note: "(substitute for Cllr Jo Example)"
        if last_end is None or text[last_end : m.start()].strip():
            starts.append(m.start())
        last_end = m.end()
    people: list[Person] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        title_end = start
        while True:
            t = _TITLED.match(text, title_end)
            if t is None:
                break
            title_end = t.end()
            while title_end < end and text[title_end].isspace():
                title_end += 1
        name = _TITLED_NAME.match(text, title_end, end)
        if name is None:
            continue
        people.extend(_line_people(text[start : name.end()], base + start, kind))
    return people


#: A chair's note on the first entry of a list of members: "(Chair)", "(in the Chair)", ", Chairman".
_CHAIR_NOTE = rx.compile(r"(?:\(|,\s*)(?:in\s+the\s+)?(?:chair\w*|convene[rn]|mayor|provost)\b", re.I)
#: Words that do not stand in a name: a digit, or a lower-case word outside brackets.
_NOT_NAME = rx.compile(r"\d|(?<![\w'’-])(?!(?:and|de|van|von|du|da|le|la|of)\b)[a-z]")
_BRACKETED = rx.compile(r"\([^()]*\)")


def _roll_call(text: str, base: int) -> list[Person]:
    """The members a paragraph with no label lists, as a roll call gives them; [] when it is no roll call.

    "Councillors A Example (Chair), B Sample and C Test": a list of names opening
    with a title (or, untitled, whose first entry is the chair's: "A Example
    (Chair), B Sample, C Test"), every entry of it a person, two or more (three
    untitled); or the chair's line "Councillor A Example in the Chair.".  A
    sentence, a title block or a list with an office in it is not one.
    """
    flat = text.replace("\n", " ")
    if len(flat) > 1500 or not flat.strip():
        return []
    # "in the Chair" outside brackets ("A Example (in the Chair), …" is a list's note).
    chair = _IN_CHAIR.search(_BRACKETED.sub(lambda m: " " * len(m.group()), flat))
    if chair is not None:
        # "Councillor A Example in the Chair." (or "A Example in the Chair"): the chair, present.
        if flat[chair.end() :].strip(" .") or _PROSE.search(flat[: chair.start()]):
            return []
        name = flat[: chair.start()].rstrip(" ,")
        if _NOT_NAME.search(_without_brackets(name)) or not 2 <= len(name.split()) <= 6:
            return []
        people = people_in_text(name, base, AttendanceKind.PRESENT)
        return people if len(people) == 1 else []
    if _is_prose(flat) or flat.rstrip().endswith(":"):
        return []
    plural = _PLURAL.match(flat)
    titled = plural is not None or _HONORIFIC_START.match(flat) is not None
    body = flat[plural.end() :] if plural else flat
    groups = _entry_groups(body, AttendanceKind.PRESENT, plural is not None)
    if not titled:
        first = body[groups[0][0] : groups[0][1]] if groups else ""
        if len(groups) < 3 or _CHAIR_NOTE.search(first) is None:
            return []
    if len(groups) < 2 or any(office for _, _, office in groups):
        return []
    for start, end, _ in groups:
        bare = _CHAIR_NOTE.sub(" ", _without_brackets(body[start:end]))
        if _NOT_NAME.search(bare) or _ROLE_TOKEN.search(bare):
            return []  # a lower-case word, a figure or an office: "Jo Example, Head of Housing"
    people = people_in_text(flat, base, AttendanceKind.PRESENT)
    return people if len(people) == len(groups) else []
