"""Names: one person's entry taken apart — title, name, chairing role, description.

Reads: an entry such as "Councillor Jan Example (Chairman)", "Elaine
Sample, Diocesan co-optee", "Head of Service - Pat Example", "Cllr A Person
MBE".  Guarantees: :func:`parse_person` gives :class:`PersonParts` with the
name as written (office titles, notes and post-nominals out of it, personal
honorifics kept), or None when the entry holds no plausible name; with a
dash, the side that looks like a personal name is the name; results are
cached per entry; no input raises.  A new name form goes here; a new title
or role word in :mod:`.titles`.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from ...parsing import patterns as rx
from .spans import _CLOSE, _OPEN, _trim, _trim_final_stop
from .titles import (
    _PARTICLES,
    _PERSONAL_HONORIFICS,
    _POST_NOMINALS,
    _ROLE_HONORIFICS,
    _ROLE_WORDS_FOLDED,
    _TITLE_WORDS_FOLDED,
)


class PersonParts(NamedTuple):
    """One person's entry in minutes, taken apart.

    ``honorific`` is the leading title as written (a plural "Councillors"
    made singular, a trailing full stop dropped).  ``name`` is the name as
    written without office titles (Councillor, Cllr, Alderman, police ranks),
    parenthetical notes or post-nominals; personal honorifics (Mr, Dr, ...)
    stay in it.  ``role`` is a chairing role ("Chair", "Vice-Chair", "in the
    Chair", ...), ``description`` the office or job title after the first
    comma or dash, ``note`` any other parenthetical remarks.  ``name_start``
    and ``name_end`` locate ``name`` in the text parsed.
    """

    honorific: str | None
    name: str
    role: str | None
    description: str | None
    note: str | None
    name_start: int
    name_end: int


def _honorific_pattern(title: str) -> str:
    pattern = r"\s{1,3}".join(re.escape(word) for word in title.split())
    if title.endswith(("Councillor", "Cllr")):
        pattern += "s?"
    elif title == "Alderman":
        pattern = r"Alderm[ae]n"
    return pattern


def _alternation(titles: tuple[str, ...]) -> str:
    return "|".join(_honorific_pattern(t) for t in sorted(titles, key=len, reverse=True))


_HONORIFIC_RE = rx.compile(
    rf"(?:(?P<office>{_alternation(_ROLE_HONORIFICS)})|(?P<personal>{_alternation(_PERSONAL_HONORIFICS)}))"
    r"\.?(?=\s)",
    re.IGNORECASE,
)

_CHAIR = (
    r"(?:(?:vice|deputy|depute)[\s-]{0,2})?(?:chair(?:man|woman|person)?|conven[eo]r)"
    r"|in\s{1,3}the\s{1,3}chair"
)
_CHAIR_RE = rx.compile(rf"(?:{_CHAIR})\.?", re.IGNORECASE)
_CHAIR_LABEL_RE = rx.compile(rf"(?P<role>{_CHAIR})\s{{0,3}}:\s{{0,10}}", re.IGNORECASE)
_CHAIR_SUFFIX_RE = rx.compile(
    r"[\s,]{1,5}(?P<role>in\s{1,3}the\s{1,3}[Cc]hair"
    r"|(?:Vice[\s-]{0,2}|Deputy\s{1,3}|Depute\s{1,3})?(?:Chair(?:man|woman|person)?|Conven[eo]r))\Z"
)

POST_NOMINAL = "|".join(_POST_NOMINALS)
"""The post-nominal letters a name may carry (MBE, OBE, JP …), as one alternation."""
_POST_NOMINAL_SUFFIX_RE = rx.compile(rf"[\s,]{{1,5}}(?:{POST_NOMINAL})\.?\Z")
_POST_NOMINALS_ONLY_RE = rx.compile(rf"(?:{POST_NOMINAL})\.?(?:[\s,]{{1,5}}(?:{POST_NOMINAL})\.?){{0,8}}")

_DEPUTY_RE = rx.compile(r"Deputy\s{1,3}")
_PERSON_SEP_RE = rx.compile(r"[()\[\]]|[,;]|\s{1,5}[-–—]{1,2}\s{1,5}|[–—]")
_PAREN_RE = rx.compile(r"[()\[\]]")
_ITEM_SEP_RE = rx.compile(r"[()\[\]]|[,;]")

#: Longest stretch of text still considered as a name side.
_MAX_NAME_SIDE = 300


def _normalise_role(text: str) -> str:
    """Spell a chairing role one way: "vice chair" -> "Vice-Chair"."""
    compact = "".join(c for c in text.casefold() if c.isalpha())
    if compact.startswith("in"):
        return "in the Chair"
    for prefix, spelled in (("vice", "Vice-"), ("deputy", "Deputy "), ("depute", "Depute ")):
        if compact.startswith(prefix):
            return spelled + compact[len(prefix) :].capitalize()
    return compact.capitalize()


def _chair_role(text: str, start: int, end: int) -> str | None:
    if end - start > 40:
        return None
    match = _CHAIR_RE.fullmatch(text, start, end)
    return _normalise_role(match.group()) if match is not None else None


def _singular_honorific(written: str) -> str:
    title = " ".join(written.split()).rstrip(".")
    folded = title.casefold()
    if folded.endswith(("councillors", "cllrs")):
        return title[:-1]
    if folded.endswith("aldermen"):
        return title[:-2] + ("a" if title[-2] == "e" else "A") + title[-1]
    return title


def _valid_name_token(token: str) -> bool:
    word = token.rstrip(".,")
    if not word or not word[0].isalpha():
        return False
    if not all(c.isalpha() or c in "'’-." for c in word):
        return False
    if word[0].isupper():
        return True
    if word.casefold() in _PARTICLES:
        return True
    return len(word) > 2 and word[0] in "dlo" and word[1] in "'’"


def _is_role_word(token: str) -> bool:
    return token.strip(".,'’").casefold() in _ROLE_WORDS_FOLDED


def _is_title_word(token: str) -> bool:
    return token.strip(".,'’").casefold() in _TITLE_WORDS_FOLDED


class _Side(NamedTuple):
    honorific: str | None
    name_start: int
    name_end: int
    role: str | None
    notes: list[str]
    plausible: bool
    namelike: bool


def _split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split [start, end) at commas/semicolons outside nested brackets."""
    items: list[tuple[int, int]] = []
    depth = 0
    item_start = start
    for match in _ITEM_SEP_RE.finditer(text, start, end):
        token = match.group()
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            items.append(_trim(text, item_start, match.start()))
            item_start = match.end()
    items.append(_trim(text, item_start, end))
    return [(a, b) for a, b in items if a < b]


def _analyse_side(text: str, start: int, end: int) -> _Side:
    """Take apart the part of a person entry that should hold the name."""
    start, end = _trim(text, start, end)
    if end - start > _MAX_NAME_SIDE:  # far too long for a name and its notes
        return _Side(None, start, start, None, [], False, False)
    # Segments outside brackets, and the contents of top-level brackets.
    outside: list[tuple[int, int]] = []
    brackets: list[tuple[int, int]] = []
    depth = 0
    seg_start = start
    for match in _PAREN_RE.finditer(text, start, end):
        if match.group() in _OPEN:
            if depth == 0:
                outside.append((seg_start, match.start()))
                seg_start = match.end()
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                brackets.append((seg_start, match.start()))
                seg_start = match.end()
    (brackets if depth > 0 else outside).append((seg_start, end))

    role: str | None = None
    notes: list[str] = []
    for a, b in brackets:
        rest: list[str] = []
        for ia, ib in _split_items(text, a, b):
            chair = _chair_role(text, ia, ib)
            if chair is None and role is None:
                # "(Vice-Chair in the Chair)": the chairing role is the suffix.
                suffix = _CHAIR_SUFFIX_RE.search(text, max(ia, ib - 40), ib)
                if suffix is not None and suffix.group("role")[:2].casefold() == "in":
                    role = "in the Chair"
                    ib = _trim(text, ia, suffix.start())[1]
                    if ia < ib:
                        rest.append(text[ia:ib])
                    continue
            if chair is not None and role is None:
                role = chair
            else:
                rest.append(text[ia:ib])
        if rest:
            notes.append(", ".join(rest))

    segments = [_trim(text, a, b) for a, b in outside]
    segments = [(a, b) for a, b in segments if a < b]
    if not segments:
        return _Side(None, start, start, role, notes, False, False)
    (ns, ne), extras = segments[0], segments[1:]
    for a, b in extras:
        if _POST_NOMINALS_ONLY_RE.fullmatch(text, a, b) is not None:
            continue
        chair = _chair_role(text, a, b)
        if chair is not None and role is None:
            role = chair
        else:
            notes.append(text[a:b])

    honorific: str | None = None
    core_start = ns
    hon = _HONORIFIC_RE.match(text, ns, ne)
    if hon is not None:
        honorific = _singular_honorific(hon.group())
        if hon.group("office") is not None:
            ns, ne = _trim(text, hon.end(), ne)
            personal = _HONORIFIC_RE.match(text, ns, ne)
            if personal is not None and personal.group("personal") is not None:
                core_start = personal.end()
            else:
                core_start = ns
        else:
            core_start = hon.end()
    else:
        # "Deputy" before a personal name is an office held (an alderman's
        # deputy), not a word of the name; before a job title it is the title.
        deputy = _DEPUTY_RE.match(text, ns, ne)
        if deputy is not None:
            rest = text[deputy.end() : ne].split()
            if 2 <= len(rest) <= 4 and all(_valid_name_token(t) and not _is_title_word(t) for t in rest):
                honorific = "Deputy"
                ns = core_start = deputy.end()

    # Trailing post-nominals and "in the Chair" style suffixes.
    while ne > core_start:
        window = max(core_start, ne - 40)
        suffix = _POST_NOMINAL_SUFFIX_RE.search(text, window, ne)
        if suffix is None:
            suffix = _CHAIR_SUFFIX_RE.search(text, window, ne)
            if suffix is None:
                break
            if role is None:
                role = _normalise_role(suffix.group("role"))
        ns, ne = _trim(text, ns, suffix.start())
        while ne > ns and text[ne - 1] == ",":
            ns, ne = _trim(text, ns, ne - 1)

    plausible = False
    namelike = False
    if ns < ne and ne - core_start <= _MAX_NAME_SIDE:
        core = text[core_start:ne].split()
        if 1 <= len(core) <= 6 and all(_valid_name_token(t) for t in core):
            plausible = not all(_is_title_word(t) for t in core)
            namelike = (
                plausible
                and not any(_is_role_word(t) for t in core)
                and (2 <= len(core) <= 4 or (honorific is not None and len(core) <= 4))
            )
    return _Side(honorific, ns, ne, role, notes, plausible, namelike)


def _first_separator(text: str, start: int, end: int) -> tuple[int, int] | None:
    depth = 0
    for match in _PERSON_SEP_RE.finditer(text, start, end):
        token = match.group()
        if token in _OPEN:
            depth += 1
        elif token in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            return match.start(), match.end()
    return None


# An attendance entry is read several times (for the person, for an office,
# for grouping entries); the answer depends on the text alone and is an
# immutable tuple, so it is kept.
@functools.lru_cache(maxsize=1024)
def parse_person(text: str) -> PersonParts | None:
    """Take one person's entry in minutes apart into :class:`PersonParts`.

    "Councillor Jan Example (Chairman)" gives honorific "Councillor", name
    "Jan Example", role "Chairman"; "Elaine Sample, Diocesan co-optee" gives
    description "Diocesan co-optee"; with a dash, as in "Head of Service -
    Pat Example", the side that looks like a personal name is the name.
    Returns None when the text holds no plausible name.
    """
    start, end = _trim_final_stop(text, 0, len(text))
    label_role: str | None = None
    label = _CHAIR_LABEL_RE.match(text, start, end)
    if label is not None:
        label_role = _normalise_role(label.group("role"))
        start = label.end()
    if start >= end or _chair_role(text, start, end) is not None:
        return None  # nothing, or a chairing role alone ("Vice Chair"): no name

    description: tuple[int, int] | None = None
    # A name side is short, so the separator is looked for near the start only.
    separator = _first_separator(text, start, min(end, start + _MAX_NAME_SIDE))
    if separator is None:
        side = _analyse_side(text, start, end)
        if not side.plausible:
            return None
    else:
        side = _analyse_side(text, start, separator[0])
        description = (separator[1], end)
        if not side.namelike:
            tail = _analyse_side(text, separator[1], end)
            if tail.namelike or (tail.plausible and not side.plausible):
                side, description = tail, (start, separator[0])
            elif not side.plausible:
                return None

    desc_role: str | None = None
    desc_text: str | None = None
    if description is not None:
        da, db = _trim(text, *description)
        while db > da and text[db - 1] in ",;":
            da, db = _trim(text, da, db - 1)
        desc_role = _chair_role(text, da, db)
        if desc_role is None and da < db and _POST_NOMINALS_ONLY_RE.fullmatch(text, da, db) is None:
            desc_text = text[da:db]

    return PersonParts(
        honorific=side.honorific,
        name=text[side.name_start : side.name_end],
        role=label_role or side.role or desc_role,
        description=desc_text,
        note="; ".join(side.notes) or None,
        name_start=side.name_start,
        name_end=side.name_end,
    )
