"""The layout stage: give the grammar logical lines, keeping every offset.

The grammar reads lines.  Text from PDFs and aggregator sites often does not
come in logical lines: a paragraph, a point, a heading or a list of names is
hard-wrapped over several lines, or a whole page is flattened into one.  This
stage sits between :func:`scrutinykit.layout.normalise.normalise` and the parser
and restores lines.  :func:`layout` guarantees, for any normalised text:

1. **Only whitespace changes, one character for one**: a ``"\\n"`` between
   two lines becomes ``" "`` (a *join*) and a ``" "`` inside a line becomes
   ``"\\n"`` (a *split*) (:func:`lay_out`, :func:`layout_text`).  The
   laid-out text has the length of its input and every non-whitespace
   character keeps its offset, so the normaliser's map
   (:meth:`~scrutinykit.layout.normalise.Normalised.to_original`,
   :meth:`~scrutinykit.layout.normalise.Normalised.to_original_end`) maps the
   laid-out text back to the source unchanged: :func:`layout` returns the
   same :class:`~scrutinykit.layout.normalise.Normalised` with its ``text``
   replaced.  Nothing is added, removed or moved, so nothing can be lost.
   The one other change is for the grammar's eyes only: :func:`layout`
   blanks each piece of page furniture (rule 4) in the text it returns and
   records its span in ``Normalised.furniture``; the pipeline puts each back
   as a :class:`~scrutinykit._model.Furniture` node where it stands
   (:func:`scrutinykit.build.furniture.place_furniture`).
2. **Reflow** joins a line to the next only when the text is hard-wrapped
   (rule 5) and the line was *full*: the next line's first word would not
   have fitted within the text's wrap width.  It never joins

   * across a blank line (two paragraphs stay two; a sentence split by a
     page break, rule 6, is the one exception),
   * a line that opens a structure (:class:`Cues`: any line terminal of the
     grammar that is decided by how the line *starts*, a point label
     included) to the line before it,
   * a line after one that closes a structure: a label ending in ``:`` or
     ``:-``, a closing line, a page-furniture line,
   * page furniture (rule 4) to anything (rule 6 joins *around* it).
3. **Split run-on text**: a line of at least :data:`RUN_ON` characters in
   which at least two structural cues stand after a space is taken for a
   flattened page and split before each cue: a structure-opening terminal of
   the grammar (an outcome, attendance, meeting or closing label), a minute
   number followed by a heading (:data:`_NUMBERED_HEADING`, and after the
   heading's title, before the sentence that follows it), a bullet
   (:data:`_BULLET`), and the end of a pipe-rendered table row (``" |"``
   after the end of a sentence and followed by more text: a row's minutes
   end in a full stop, the cells of a table of names or short values do
   not; a ``No. | Item |`` header is split after ``No.``, and stays text).
   Shorter lines are never split.  In text holding pipe-rendered table rows
   (a line ending ``" |"``) only row ends split, in lines of any length.
4. **Page furniture** is recognised wherever it stands, and never read as
   text: a line that is a page number (``Page 7``, ``Page 7 of 12``,
   ``7 of 12``, ``- 7 -``; :data:`_PAGE_LINE`; a bare ``7`` only where the
   text corroborates it, :func:`_bare_page_numbers`); a *running header or
   footer*: a line of at most 100 characters with a word and a digit or a
   path separator, that no grammar terminal opens a structure with, and
   that recurs — the same line but for at most one number (the page
   number), at least :data:`_PAGE_LENGTH` characters apart each time, three
   times or more, or twice when both stand between blank lines, one of them
   at a page break (beside a page-number line, or inside a sentence that runs
   on across it) or the two at least :data:`_TWICE_APART` characters apart (a
   file-path footer, ``Council – Committee – 3 May 2023``, on a two-page
   text; a page's title printed twice near its head is no footer); and
   ``Page 3 of 7``
   inside a line (glued into a sentence, or in a flattened page), which is
   never a split point.  So a page number inside a sentence neither splits
   it nor becomes an item.
5. **Hard-wrapped text** is recognised, not assumed: at least three
   adjacent line pairs where one line ends mid-sentence (a lower-case letter
   or a comma) and the next begins with a lower-case letter, most of them
   (:data:`_FULL_SHARE`) within a tenth of the longest such line, whose
   length is the wrap width.  Text with no such evidence is not reflowed.
6. **Sentences split by a page break are rejoined**: when the last line
   of text before a run of blank lines and furniture lines ends in a
   lower-case letter or a comma and the next line of text starts with a
   lower-case letter that is not a point label (``ii.``, ``b)``), every
   line end between them becomes a space: the sentence is one line again,
   with the furniture (blanked for the grammar) inside it.  This rule was
   the normaliser's; it lives here, with the furniture it must see past.

**Where the cues come from.**  The grammar's line terminals say what a
structural line is; :func:`cues` compiles them, once per parser, into a
pattern that tells whether a line starting at an offset opens a structure.
A terminal that matches a line whatever text opens it (``TEXT``, and those
that find their cue further along the line, such as ``RESOLVED_INLINE`` or
``AGENDA_REF_HEADING``) says nothing about where a structure starts and is
left out (:func:`_opens_anywhere`); so are the dependents (points and
``That`` clauses, :data:`DEPENDENTS`) when splitting run-on text.  When the
terminals change — they are to be generated from vocabulary files — the
cues follow.  The few cues the terminals cannot give (a heading's end in
run-on text, bullets) are in one place below, under "Cues the grammar
cannot give".  Inside a long line the split cues are tried in two parts
(:attr:`Cues.in_line`, :attr:`Cues.split_parts`): a terminal that needs
one of a few literals (read from the parsed terminal, kept in the pattern
store) is tried alone, only in a line holding one of them and at a
character a match may start with; a terminal that needs a line break is
never tried there.

Everything runs in time linear in the length of the text: lines are visited
once, and every pattern tried at a candidate offset is bounded to
:data:`_WINDOW` characters.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
from attrs import frozen

try:  # the regular-expression parser: re._parser from Python 3.11, sre_parse before
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

from ..parsing import patterns as rx
from .normalise import Normalised

__all__ = ["DEPENDENTS", "RUN_ON", "Cues", "cues", "lay_out", "layout", "layout_text"]

DEPENDENTS: Final = frozenset({"POINT", "THAT_CLAUSE"})
"""Terminals that continue the block above them rather than open one."""

RUN_ON: Final = 600
"""The length from which a line may be a flattened page (rule 3)."""

_WINDOW: Final = 200
"""How far past a candidate offset a cue pattern may look."""

_FULL_SHARE: Final = 0.6
"""The share of mid-sentence line ends that must be near the wrap width (rule 5)."""

_LONGER_SHARE: Final = 0.05
"""The share of lines that may be longer than the wrap width (rule 5)."""

_PAGE_LENGTH: Final = 100
"""How far apart (characters) a running header or footer recurs at the least: a page (rule 4)."""

_TWICE_APART: Final = 1500
"""How far apart a line seen only twice must be to be a running header or footer: a page of text (rule 4)."""

_MIN_EVIDENCE: Final = 3
"""How many mid-sentence line pairs make a text hard-wrapped (rule 5)."""

# ---- Cues the grammar cannot give ---------------------------------------
#
# In run-on text a numbered heading has no line end to say where its title
# stops, so the heading cue is kept here: a minute number ("47.", "12/24",
# "Minute 12", or a number before an upper-case word), then the title, whose
# end is where a sentence begins: for a title in capitals the first word
# that is not in capitals, for a title in title case the last capitalised
# word before the first lower-case word that is not a joining word (one
# word earlier when that word is a determiner: "… Repairs The Panel
# considered").  The joining words are those the grammar's title-case
# heading allows.

_NUMBERED_HEADING: Final = rx.compile(
    r"(?!(?:19|20)\d\d\b)"
    r"(?:\d{1,4}\.(?:\d{1,2}\.?)?|(?P<bare>\d{1,4})(?=[ ]+[A-Z]{3,}\b)"
    r"|[A-Z]{1,4}\.?\d{1,4}/\d{2,4}|Minute[ ]+\d{1,4}[.:]?)"
    r"[ ]+(?=[A-Z])"
)
#: A minute number opening a cue the grammar gave ("TC/118/24-25 PUBLIC …"):
#: the title after it ends where a sentence starts, as above.
_MINUTE_NUMBER: Final = rx.compile(r"(?:[A-Za-z]{1,4}/)?\d{1,4}(?:[./]\d{1,4})*(?:-\d{2})?\.?[ ]+(?=[A-Z])")
_JOINING: Final = frozenset(
    [
        "of",
        "for",
        "to",
        "and",
        "the",
        "in",
        "on",
        "at",
        "with",
        "from",
        "by",
        "a",
        "an",
        "or",
        "&",
        "-",
        "\u2013",
    ]
)
_DETERMINERS: Final = frozenset({"The", "This", "These", "A", "An"})
_BULLET: Final = rx.compile(r"[\u2022\u00b7\u25aa\u25cf][ ]+(?=\S)")
#: " | " after a sentence's end, where a pipe-rendered row runs on into the next.
#: (Written with its literal first, so the engine scans for it quickly; what stands before is checked after.)
_ROW_END: Final = rx.compile(r"[ ]\|(?<=[.!?)][ ]\|)(?=[ ]+\S)")
_YEAR: Final = rx.compile(r"(?:19|20)\d\d\b")
_SENTENCE_END: Final = frozenset(".:;!?)|")

# ---- Plain-text shapes ------------------------------------------------------

_WORD: Final = rx.compile(r"\S+")
#: A space (run) where a cue may start: after the end of a sentence or a
#: capitalised word or number, before a capital, a digit or a bracket.
#: (Written with one character class first, so the engine scans for it
#: quickly; that a word starts there is checked after, by a look-behind:
#: three times quicker than the same pattern opening with its look-behind.)
_CANDIDATE: Final = rx.compile(
    r"[.:;!?)|A-Z0-9](?:(?<=[.:;!?)|])|(?<![^ ].)(?<=[A-Z0-9])[^ \n]*)[ ]+(?=[A-Z0-9(])"
)
_FURNITURE_KEY: Final = rx.compile(r"\d+")
#: A line that is a page number: ``7``, ``Page 7``, ``Page 7 of 12``, ``7 of 12``, ``- 7 -``.
_PAGE_LINE: Final = rx.compile(
    r"(?:(?:Page|PAGE|page)[ ]+)?\d{1,3}(?:[ ]+(?:of|OF)[ ]+\d{1,3})?"
    r"|[-\u2013\u2014][ ]*\d{1,3}[ ]*[-\u2013\u2014]"
)
#: ``Page 3 of 7`` inside a line (a page break glued into a sentence or a flattened page).
#: (It opens with a literal, which the engine scans for quickly; the start of a word is checked after.)
_PAGE_OF: Final = rx.compile(r"P(?:age|AGE)[ ]+\d{1,3}[ ]+(?:of|OF)[ ]+\d{1,3}(?![^ \n])")
#: A line holding a digit or a path separator, which furniture lines hold.
_KEYED: Final = rx.compile(r"[0-9/\\]")
_PAGE_LINE_FIRST: Final = frozenset("0123456789Pp-\u2013\u2014")
#: A line that starts lower case and not with a point label (``ii.``, ``b)``): the rest of a sentence.
_NOT_A_POINT: Final = rx.compile(r"(?=[a-z])(?![ivx]{1,5}[.)][ ]|[a-z][.)][ ])")
_CLOSES: Final = rx.compile(r"(?::-?|:[ ]*-)[ ]*$")


@frozen
class Cues:
    """What the grammar's terminals say about where structures open."""

    opens: re.Pattern[str]
    """Matches at an offset where a line that starts there opens a structure
    (every terminal but the catch-alls; the dependents included)."""
    splits: re.Pattern[str]
    """The same without the dependents: where run-on text may be split."""
    closing: re.Pattern[str] | None
    """The closing-line terminal (``MEETING_END``), after which nothing joins."""
    in_line: re.Pattern[str] | None = None
    """What ``splits`` matches inside a line (an offset after a space, no line
    break before the match's end), but for ``split_parts``: the terminals
    that need no literal telling enough (:func:`_needed`), those that never
    match inside a line left out."""
    split_parts: tuple[tuple[tuple[str, ...], frozenset[str] | None, re.Pattern[str]], ...] = ()
    """The other terminals of ``splits``, each with the lower-case literals one
    of which any match of it inside a line holds (:func:`_needed`) and the
    ASCII characters a match may start with (:func:`_first`; None: any): a
    line holding none of a terminal's literals is never tried with it, nor
    an offset with a character no match starts with (:func:`_cue_offsets`)."""

    literals: tuple[str, ...] = ()
    """Every literal of ``split_parts``, each once."""

    def splits_in(self, line: str) -> list[tuple[frozenset[str] | None, re.Pattern[str]]]:
        """The terminals of ``split_parts`` (with their first characters) that may match in ``line``."""
        low = line.lower()
        held = {n for n in self.literals if n in low}
        return [(first, p) for needed, first, p in self.split_parts if not held.isdisjoint(needed)]


def _structure(regex: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(offset, character, depth)`` of each grouping character of ``regex`` from ``start``.

    Escapes and character classes are stepped over; ``depth`` is the group
    depth after a ``(`` or ``)`` (and the depth at a ``|``).
    """
    depth, i, in_class = 0, start, False
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if regex[i + 1 : i + 2] == "]" or regex[i + 1 : i + 3] == "^]":
                i += 2 if regex[i + 1] == "]" else 3
                continue
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth
        i += 1


def _top_alternatives(regex: str) -> list[str]:
    """The alternatives of ``regex`` at its top level, outer groups unwrapped."""
    while True:
        inner = _unwrap(regex)
        if inner is None:
            break
        regex = inner
    parts: list[str] = []
    start = 0
    for i, ch, depth in _structure(regex):
        if ch == "|" and depth == 0:
            parts.append(regex[start:i])
            start = i + 1
    parts.append(regex[start:])
    return parts


def _group_end(regex: str, open_at: int) -> int:
    """The offset of the ``)`` closing the group opened at ``open_at``."""
    for i, ch, depth in _structure(regex, open_at):
        if ch == ")" and depth == 0:
            return i
    return len(regex)


def _unwrap(regex: str) -> str | None:
    """The inside of ``(?:…)`` or ``(?flags:…)`` when it is the whole of ``regex``."""
    m = re.match(r"\(\?[a-zA-Z]*:", regex)
    if m is None or _group_end(regex, 0) != len(regex) - 1:
        return None
    return regex[m.end() : -1]


_ANY_TEXT_FIRST = rx.compile(r"(?:\[[^\]]*\]|[^\[(\\])?\[\^[^\]]*\]\*")


def _opens_anywhere(regex: str) -> bool:
    """Whether some alternative of ``regex`` may start with any text at all.

    After its look-aheads, the alternative opens with an unbounded run of a
    negated class (``[^ \\n][^\\n]*``, ``[A-Z][^\\n|]*?``): it finds its cue
    further along the line, so it does not say that a structure opens where
    the line starts.
    """
    for alt in _top_alternatives(regex):
        while alt.startswith(("(?=", "(?!")):
            alt = alt[_group_end(alt, 0) + 1 :]
        if _ANY_TEXT_FIRST.match(alt):
            return True
    return False


@functools.lru_cache(maxsize=8)
def cues(terminals: tuple[tuple[str, str], ...]) -> Cues:
    """The cues of a parser's ``terminals`` (``(name, regex)`` pairs), compiled once.

    What is read from each terminal's pattern text (:func:`_cue_table`) is
    kept in the pattern store under a digest of the terminals and of this
    module's code, so a process whose store has it reads no terminal here.
    """
    table = rx.store().derived(_table_key(terminals), lambda: _cue_table(terminals))
    read = {name: json.loads(table[name]) for name, _ in terminals if name in table}
    opening = [(name, regex) for name, regex in terminals if name in read and not read[name][0]]
    if not opening:  # a parser that gives no terminals: no structure is known to open
        never = rx.compile(r"(?!)")
        return Cues(opens=never, splits=never, closing=None)
    opens = rx.compile("|".join(f"(?:{regex})" for _, regex in opening))
    splits = rx.compile(
        "|".join(f"(?:{regex})" for name, regex in opening if name not in DEPENDENTS) or "(?!)"
    )
    closing = next((rx.compile(regex) for name, regex in opening if name == "MEETING_END"), None)
    always: list[str] = []
    parts: list[tuple[tuple[str, ...], frozenset[str] | None, re.Pattern[str]]] = []
    splitting = [(name, regex) for name, regex in opening if name not in DEPENDENTS]
    for name, regex in splitting:
        _, needed, first = read[name]
        if needed == []:
            continue  # it never matches inside a line
        if needed is None or min(map(len, needed)) < 4:
            always.append(regex)
        else:
            needed = tuple(sorted({_SPACED_PIECE if _SPACED.fullmatch(n) else n for n in needed}))
            parts.append((needed, None if first is None else frozenset(first), rx.compile(regex)))
    in_line = rx.compile("|".join(f"(?:{regex})" for regex in always) or "(?!)")
    literals = tuple(sorted({n for needed, _, _ in parts for n in needed}))
    return Cues(
        opens=opens,
        splits=splits,
        closing=closing,
        in_line=in_line,
        split_parts=tuple(parts),
        literals=literals,
    )


#: A literal of letters standing apart (``r e s o l v e d``) holding `` e ``: it is looked for
#: by that piece alone (weaker, so never missed), which all such literals share.
_SPACED: Final = rx.compile(r"(?=.*[ ]e[ ])[ ]?(?:[a-z][ ])+[a-z][ ]?")
_SPACED_PIECE: Final = " e "


def _cue_table(terminals: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """What :func:`cues` reads from each terminal but the internal ones (``__…``), as JSON, by name:
    whether it opens anywhere (:func:`_opens_anywhere`) and, for one that does not and is no
    dependent, its :func:`_needed` and :func:`_first` (sorted); else two nulls."""
    table: dict[str, str] = {}
    for name, regex in terminals:
        if name.startswith("__"):
            continue
        anywhere = _opens_anywhere(regex)
        if anywhere or name in DEPENDENTS:
            table[name] = json.dumps([anywhere, None, None])
            continue
        first = _first(regex)
        table[name] = json.dumps([False, _needed(regex), None if first is None else "".join(sorted(first))])
    return table


def _table_key(terminals: tuple[tuple[str, str], ...]) -> str:
    """What :func:`_cue_table` depends on: the terminals and this module's code."""
    digest = rx.sha256(Path(__file__).read_bytes())
    for name, regex in terminals:
        digest.update(f"{name}\0{regex}\0".encode())
    return f"line-cues:{digest.hexdigest()}"


def _needed(regex: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of ``regex`` inside a line holds (lower
    case), or its look-aheads look at; None if unknown (and empty when it never matches there).

    A look-ahead's literals count: in :func:`_cue_offsets` a match and what
    its look-aheads see both stand inside the line.  From the parsed
    pattern: a sequence gives its most telling part (a run of literal
    characters, or what a part that must match gives), an alternation the
    union of its branches' (unknown if one branch's is), a repeat what its
    body gives when it repeats at least once.  Anything else (a class, a
    look-behind, a negative look-ahead, a case-insensitive group) gives nothing.
    """
    parsed = _case_sensitive_parse(regex)
    if parsed is None:
        return None
    found = _needed_in(parsed)
    return None if found is None else tuple(sorted(found))


def _case_sensitive_parse(regex: str) -> list[Any] | None:
    """``regex`` parsed by the engine's own parser, or None when it cannot be or ignores case."""
    try:
        parsed = _sre_parse.parse(regex)
    except re.error:  # pragma: no cover - the terminals compiled already
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return list(parsed)


def _line_literals(run: set[str]) -> frozenset[str] | None:
    """A run's spellings as :func:`_needed` keeps them: lower case, those a line can hold, none
    holding another (it holds that one too); None when one is not ASCII (lower case is then
    not told character by character)."""
    if not all(r.isascii() for r in run):
        return None
    low = {r.lower() for r in run if "\n" not in r}
    return _fewest(low)


def _fewest(found: set[str]) -> frozenset[str] | None:
    """``found`` without the literals that hold another of them; None when more than eight are left
    (each is looked for in each long line: more cost more than they save)."""
    out = frozenset(r for r in found if not any(o != r and o in r for o in found))
    return out if len(out) <= 8 else None


_NEVER: Final = frozenset[str]()
"""What a part that never matches needs: nothing any match holds, as it has no match."""


def _needed_in(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """:func:`_needed` of a parsed sequence.

    A run of literal characters and small classes (``[Pp]resent``) gives
    its spellings (a few at most); a class that matches nothing
    (``[^\\s\\S]``) makes the sequence need nothing: it never matches.
    """
    options: list[frozenset[str] | None] = []
    run: set[str] = {""}
    for op, av in items:
        chars = _chars(op, av)
        if chars is not None and len(chars) * len(run) <= 16:
            if not chars:
                return _NEVER
            run = {r + c for r in run for c in chars}
            continue
        if run != {""}:
            options.append(_line_literals(run))
            run = {""}
        options.append(_needed_of(op, av))
    if run != {""}:
        options.append(_line_literals(run))
    known = [o for o in options if o is not None]
    if any(not o for o in known):
        return _NEVER
    if not known:
        return None
    # the most telling: the fewest spellings, then the longest
    return max(known, key=lambda o: (min(map(len, o)) >= 4, -len(o), min(map(len, o))))


def _chars(op: Any, av: Any) -> frozenset[str] | None:
    """The characters one parsed item matches when it matches exactly one of a known few, else None."""
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    if op is not _sre.IN:
        return None
    items = list(av)
    if items == [
        (_sre.NEGATE, None),
        (_sre.CATEGORY, _sre.CATEGORY_SPACE),
        (_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE),
    ]:
        return frozenset()  # [^\s\S]: nothing
    out = _class_members(items, widest=8, digits=False)
    return None if out is None else frozenset(out)


def _class_members(items: list[tuple[Any, Any]], *, widest: int, digits: bool) -> set[str] | None:
    """The characters of a parsed class's items: literals, ranges narrower than ``widest`` and,
    with ``digits``, the ASCII digits for ``\\d``; None when an item is anything else."""
    out: set[str] = set()
    for kind, value in items:
        if kind is _sre.LITERAL:
            out.add(chr(value))
        elif kind is _sre.RANGE and value[1] - value[0] < widest:
            out.update(chr(c) for c in range(value[0], value[1] + 1))
        elif digits and kind is _sre.CATEGORY and value is _sre.CATEGORY_DIGIT:
            out.update("0123456789")  # and digits of other scripts, which are not ASCII
        else:
            return None
    return out


def _first(regex: str) -> frozenset[str] | None:
    """The ASCII characters a match of ``regex`` may start with, or None when it may start with any.

    A match may also start with a character that is not ASCII (``\\d`` matches
    the digits of every script): the set speaks of ASCII characters only.
    """
    parsed = _case_sensitive_parse(regex)
    return None if parsed is None else _first_in(parsed)[0]


def _first_in(items: list[tuple[Any, Any]]) -> tuple[frozenset[str] | None, bool]:
    """The first characters of a parsed sequence (None: any) and whether it may match the empty string."""
    out: set[str] = set()
    for op, av in items:
        first, empty = _first_of(op, av)
        if first is None:
            return None, False
        out |= first
        if not empty:
            return frozenset(out), False
    return frozenset(out), True


def _first_of(op: Any, av: Any) -> tuple[frozenset[str] | None, bool]:
    """:func:`_first_in` of one parsed item (look-arounds are passed over: they match no character)."""
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return frozenset(), True
    if op is _sre.LITERAL:
        return frozenset(chr(av)), False
    if op is _sre.IN:
        members = _class_members(list(av), widest=128, digits=True)
        return (None if members is None else frozenset(members)), False
    if op is _sre.SUBPATTERN:
        _, add, _, body = av
        return (None, False) if add & re.IGNORECASE else _first_in(list(body))
    if op is _sre.BRANCH:
        union: set[str] = set()
        any_empty = False
        for alt in av[1]:
            first, empty = _first_in(list(alt))
            if first is None:
                return None, False
            union |= first
            any_empty = any_empty or empty
        return frozenset(union), any_empty
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, _, body = av
        first, empty = _first_in(list(body))
        return first, empty or low == 0
    return None, False


def _needed_of(op: Any, av: Any) -> frozenset[str] | None:
    """:func:`_needed` of one parsed item."""
    if op is _sre.SUBPATTERN:
        _, add, _, body = av
        return None if add & re.IGNORECASE else _needed_in(list(body))
    if op is _sre.BRANCH:
        union: set[str] = set()
        for alt in av[1]:
            got = _needed_in(list(alt))
            if got is None:
                return None
            union |= got
        return _fewest(union)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, _, body = av
        return _needed_in(list(body)) if low >= 1 else None
    if op is _sre.ASSERT:
        direction, body = av
        return _needed_in(list(body)) if direction == 1 else None
    return None


def layout(normalised: Normalised, terminals: tuple[tuple[str, str], ...]) -> Normalised:
    """``normalised`` laid out (module docstring): its text with lines restored and page
    furniture blanked, the furniture's spans in ``furniture``; the offset map is unchanged.

    The input's text is let go once the pieces of the new one are cut from it:
    when the caller holds no other reference to it (the pipeline, which calls
    ``layout(normalise(text), ...)``, holds none), the two texts are never
    alive together.
    """
    edits, furniture = _edits(normalised.text, cues(terminals))
    if not edits and not furniture:
        return normalised
    pieces = _pieces(normalised.text, edits, furniture)
    normalised = attrs.evolve(normalised, text="", furniture=furniture)
    return attrs.evolve(normalised, text=_join(pieces))


def layout_text(text: str, cue: Cues) -> str:
    """``text`` laid out: the same length, only ``"\\n"``/``" "`` swapped (module docstring)."""
    return lay_out(text, cue)[0]


def lay_out(text: str, cue: Cues) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` laid out (only ``"\\n"``/``" "`` swapped), and the ``[start, end)`` of its furniture."""
    edits, spans = _edits(text, cue)
    return (_apply(text, edits, ()) if edits else text), spans


def _edits(text: str, cue: Cues) -> tuple[list[tuple[int, str]], tuple[tuple[int, int], ...]]:
    """The characters to swap (offset and new character, in order) and the furniture's spans.

    The text's lines (a copy of it, piece by piece) live only while this runs:
    they are gone before the laid-out text is made.
    """
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    furniture = _furniture(text, lines, starts, cue)
    spans = _furniture_spans(text, lines, starts, furniture)
    splits = _run_on_splits(text, lines, starts, cue)
    joins = _reflow_joins(text, lines, starts, cue, furniture)
    joins.extend(_page_split_joins(lines, starts, furniture))
    return sorted([(p, "\n") for p in splits] + [(p, " ") for p in joins]), spans


def _apply(text: str, edits: list[tuple[int, str]], blanks: tuple[tuple[int, int], ...]) -> str:
    """``text`` with each edit's character put in and each ``[start, end)`` of ``blanks`` made spaces."""
    out = _join(_pieces(text, edits, blanks))
    assert len(out) == len(text)
    return out


def _pieces(text: str, edits: list[tuple[int, str]], blanks: tuple[tuple[int, int], ...]) -> list[str]:
    """The pieces of :func:`_apply`'s result, in order (a blank range wins over an edit inside it)."""
    pieces: list[str] = []
    last = 0
    k = 0
    for start, end in (*blanks, (len(text), len(text))):
        while k < len(edits) and edits[k][0] < start:
            p, ch = edits[k]
            pieces.append(text[last:p])
            pieces.append(ch)
            last = p + 1
            k += 1
        while k < len(edits) and edits[k][0] < end:
            k += 1
        pieces.append(text[last:start])
        pieces.append(" " * (end - start))
        last = end
    pieces.append(text[last:])
    return pieces


def _join(pieces: list[str]) -> str:
    """``"".join(pieces)``, emptying the list."""
    out = "".join(pieces)
    pieces.clear()
    return out


# ---- Reflow -----------------------------------------------------------------


def _wrap_width(lines: list[str]) -> int | None:
    """The wrap width of hard-wrapped text, or ``None`` (rule 5)."""
    lengths: list[int] = []
    for a, b in itertools.pairwise(lines):
        a = a.rstrip()
        b = b.lstrip()
        if a and b and a[-1] in _MID_SENTENCE_END and b[0].islower():
            lengths.append(len(a))
    if len(lengths) < _MIN_EVIDENCE:
        return None
    width = max(lengths)
    near = sum(1 for n in lengths if n >= width - max(4, width // 10))
    if near < _FULL_SHARE * len(lengths):
        return None
    longer = sum(1 for line in lines if len(line.rstrip()) > width + 2)
    if longer > _LONGER_SHARE * sum(1 for line in lines if line.strip()):
        return None  # lines of any length: text that is not wrapped, with a few wrapped lines
    return width


_MID_SENTENCE_END: Final = frozenset("abcdefghijklmnopqrstuvwxyz,")


def _furniture(text: str, lines: list[str], starts: list[int], cue: Cues) -> set[int]:
    """Indexes of the page-furniture lines (rule 4)."""
    out: set[int] = set()
    bare: list[int] = []
    keys: list[str | None] = []
    for line in lines:
        s = line.strip()
        if not s or len(s) > 100 or _KEYED.search(s) is None:
            keys.append(None)
        elif s[0] in _PAGE_LINE_FIRST and _PAGE_LINE.fullmatch(s):
            keys.append(None)
            i = len(keys) - 1
            if s.isdigit():
                # A bare number is weighed once every line is seen (rule 4).
                bare.append(i)
            else:
                out.add(i)
        else:
            keys.append(None if "|" in s else _FURNITURE_KEY.sub("#", s))
    out.update(_bare_page_numbers(lines, starts, bare, out))
    where: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        if k is not None:
            where.setdefault(k, []).append(i)
    for key, found in where.items():
        # a running header or footer has words, and is not a line of the grammar's
        if len(found) < 2 or not any(c.isalpha() for c in key):
            continue
        if any(cue.opens.match(text, starts[i] + len(lines[i]) - len(lines[i].lstrip())) for i in found):
            continue
        if len(found) == 2 and (
            not all(_stands_alone(lines, i) for i in found)
            or (
                starts[found[1]] - starts[found[0]] < _TWICE_APART
                and not any(_at_page_break(lines, i, out) for i in found)
            )
        ):
            continue
        if all(_continues(lines, i) for i in found):
            continue  # a sentence's own words, quoted again (a motion read out twice), not a header
        numbers = [_FURNITURE_KEY.findall(lines[i]) for i in found]
        varying = sum(len(set(column)) > 1 for column in zip(*numbers))
        if varying <= 1 and all(starts[b] - starts[a] >= _PAGE_LENGTH for a, b in itertools.pairwise(found)):
            out.update(found)  # the same line on each page, but for its page number
    return out


def _bare_page_numbers(
    lines: list[str], starts: list[int], bare: list[int], page_lines: set[int]
) -> set[int]:
    """Which lines holding a bare number (``7``) are page numbers: those the text corroborates.

    A bare number straight under a line of text is that line's (a contents
    page's page number), never the page's own.  Otherwise it is a page number
    when it stands at a page break, or when another bare number one higher or
    lower stands at least a page (:data:`_TWICE_APART`) away; a lone ``12``
    between blank lines, over a title, is an item's number.
    """
    alone = [i for i in bare if not (i > 0 and lines[i - 1].strip())]
    # The first and last offset each number stands at: one pass, so a text of many numbers stays linear.
    reach: dict[int, tuple[int, int]] = {}
    for i in alone:
        n = int(lines[i])
        first, last = reach.get(n, (starts[i], starts[i]))
        reach[n] = (min(first, starts[i]), max(last, starts[i]))
    out: set[int] = set()
    for i in alone:
        n, at = int(lines[i]), starts[i]
        apart = any(
            near is not None and (near[0] <= at - _TWICE_APART or near[1] >= at + _TWICE_APART)
            for near in (reach.get(n - 1), reach.get(n + 1))
        )
        if apart or _at_page_break(lines, i, page_lines):
            out.add(i)
    return out


def _at_page_break(lines: list[str], i: int, page_lines: set[int]) -> bool:
    """Whether line ``i`` stands at a page break: beside a page-number line, or inside a running sentence."""
    before = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    after = next((j for j in range(i + 1, len(lines)) if lines[j].strip()), None)
    if before in page_lines or after in page_lines:
        return True
    if before is None or after is None:
        return False
    return lines[before].rstrip()[-1] in _MID_SENTENCE_END and lines[after].lstrip()[0].islower()


def _continues(lines: list[str], i: int) -> bool:
    """Whether line ``i`` carries on the sentence of the line just before it (no blank between)."""
    before = lines[i - 1].rstrip() if i > 0 else ""
    return bool(before) and before[-1] not in ".:;!?)"


def _stands_alone(lines: list[str], i: int) -> bool:
    """Whether line ``i`` has a blank line (or the text's edge) before and after it."""
    return (i == 0 or not lines[i - 1].strip()) and (i + 1 >= len(lines) or not lines[i + 1].strip())


def _furniture_spans(
    text: str, lines: list[str], starts: list[int], furniture: set[int]
) -> tuple[tuple[int, int], ...]:
    """The ``[start, end)`` of each furniture line, and of each ``Page 3 of 7`` inside a line."""
    spans: list[tuple[int, int]] = []
    for i in sorted(furniture):
        line = lines[i]
        spans.append((starts[i] + len(line) - len(line.lstrip()), starts[i] + len(line.rstrip())))
    for m in _PAGE_OF.finditer(text):
        if m.start() > 0 and text[m.start() - 1] not in " \n":
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i not in furniture:
            spans.append((m.start(), m.end()))
    return tuple(sorted(spans))


def _page_split_joins(lines: list[str], starts: list[int], furniture: set[int]) -> list[int]:
    """The line ends of sentences split by a page break (rule 6)."""
    joins: list[int] = []
    last = -1  # the last line holding text that is not furniture
    for j, line in enumerate(lines):
        if not line.strip() or j in furniture:
            continue
        if last >= 0 and j > last + 1:
            before = lines[last].rstrip()
            if before[-1] in _MID_SENTENCE_END and _NOT_A_POINT.match(line.lstrip()) is not None:
                joins.extend(starts[k] - 1 for k in range(last + 1, j + 1))
        last = j
    return joins


def _reflow_joins(
    text: str, lines: list[str], starts: list[int], cue: Cues, furniture: set[int]
) -> list[int]:
    """Offsets of the line ends to join (rule 2)."""
    width = _wrap_width(lines)
    if width is None:
        return []
    tolerance = max(3, width // 10)
    joins: list[int] = []
    for i in range(len(lines) - 1):
        a = lines[i].rstrip()
        nxt = lines[i + 1]
        b = nxt.lstrip()
        if not a or not b or i in furniture or i + 1 in furniture:
            continue
        word = _WORD.match(b)
        assert word is not None
        # A line before a capital (a name, a sentence) must have been full to
        # the width; before a lower-case word a little short of it will do.
        room = width - (tolerance if b[0].islower() else 0)
        if len(a) + 1 + len(word.group()) <= room:
            continue  # the next word would have fitted: the line ended on purpose
        if _CLOSES.search(a) or (
            cue.closing is not None
            and cue.closing.match(text, starts[i] + len(lines[i]) - len(lines[i].lstrip()))
        ):
            continue
        at = starts[i + 1] + len(nxt) - len(b)
        if cue.opens.match(text, at) is not None and not _continues_sentence(a, b):
            continue
        joins.append(starts[i] + len(lines[i]))
    return joins


def _continues_sentence(a: str, b: str) -> bool:
    """A line ending mid-sentence and the next starting lower case, not with a point label."""
    return a[-1] in _MID_SENTENCE_END and b[0].islower() and _POINT_LABEL.match(b) is None


_POINT_LABEL: Final = rx.compile(r"(?:\(?[a-z]{1,4}\)|[a-z]\.|[ivx]{2,5}\.)[ ]")


# ---- Run-on text ------------------------------------------------------------


def _run_on_splits(text: str, lines: list[str], starts: list[int], cue: Cues) -> list[int]:
    """Offsets of the spaces to turn into line ends (rule 3)."""
    out: list[int] = []
    # A page of pipe-rendered table rows (a row may run over several lines)
    # is split only where one row runs on into the next.
    table = any(line.endswith(" |") for line in lines)
    for line, start in zip(lines, starts):
        end = start + len(line)
        if table:
            out.extend(m.end() for m in _ROW_END.finditer(text, start, end))
            continue
        if len(line) < RUN_ON:
            continue
        found = _cue_offsets(text, start, end, cue)
        if len(found) >= 2:
            out.extend(p - 1 for p in found)
    return out


def _cue_offsets(text: str, start: int, end: int, cue: Cues) -> list[int]:
    """Offsets in ``text[start:end]``, each after a space, where a structure opens."""
    found: list[int] = []
    for m in _ROW_END.finditer(text, start, end):
        found.append(m.end() + 1)
    for m in _BULLET.finditer(text, start + 1, end):
        if text[m.start() - 1] == " ":
            found.append(m.start())
    opened = -1  # where the last structure found opens
    # Only the terminals whose literals the line holds can match in it.
    splits = cue.splits_in(text[start:end])
    in_line = (cue.splits if cue.in_line is None else cue.in_line).match
    heading_at, year_at = _NUMBERED_HEADING.match, _YEAR.match
    # Most candidates of a long line of prose open nothing: the loop takes the
    # fewest steps it can on each (the patterns bound, no call but theirs).
    for m in _CANDIDATE.finditer(text, start, end):
        p = m.end()
        window = p + _WINDOW
        if window > end:
            window = end
        if opened >= 0:
            held = text[opened:p]
            if len(held.split()) <= 2 and "." not in held and ";" not in held and ":" not in held:
                continue  # "The Board resolved": a structure opened a word or two back holds this one
        c = text[p]
        if (c == "1" or c == "2") and year_at(text, p) is not None:  # a year starts 19 or 20
            continue
        h = heading_at(text, p, window)
        if h is not None and h.group("bare") is not None and text[m.start()] not in _SENTENCE_END:
            h = None  # "TUESDAY 4 MARCH": a bare number opens a heading only after a full stop
        if h is None and in_line(text, p, window) is None:
            for first, s in splits:
                if (first is None or c in first or not c.isascii()) and s.match(text, p, window) is not None:
                    break
            else:
                continue
        found.append(p)
        number = h or _MINUTE_NUMBER.match(text, p, window)
        opened = p if number is None else -1  # a heading's title may hold a label after it
        if number is not None:
            sentence = _sentence_after_title(text, number.end(), window)
            if sentence is not None:
                found.append(sentence)
    return sorted({p for p in found if start < p < end and text[p - 1] == " " and text[p] != " "})


def _sentence_after_title(text: str, at: int, end: int) -> int | None:
    """Where the sentence after a run-on heading's title starts, if it can be told."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, at, end)]
    if not words:
        return None
    if words[0][1] in _DETERMINERS:
        return None  # "7. The Parks Manager introduced …": a numbered sentence, not a title
    upper = (
        len(words[0][1]) >= 2 and words[0][1].upper() == words[0][1] and any(c.isalpha() for c in words[0][1])
    )
    for k, (offset, word) in enumerate(words):
        if upper:
            if word.upper() != word and word[0].isupper():
                return offset if k > 0 else None
            if word.upper() != word:
                return None
            continue
        if word[0].isupper() or word[0].isdigit() or word in _JOINING or word[0] == "(":
            continue
        # the first lower-case word that is not a joining word: the sentence
        # began at the capitalised word before it
        j = k - 1
        while j > 0 and not words[j][1][0].isupper():
            j -= 1
        if j > 1 and words[j - 1][1] in _DETERMINERS:
            j -= 1
        return words[j][0] if j > 0 else None
    return None
