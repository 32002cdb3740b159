"""What ``scrutinykit check`` reports: the warnings a clerk would want.

:func:`check` reads a parsed document and returns :class:`Finding` values in
text order, each with its offset into the source.  The kinds:

* ``unclassified``: a line that looks like an outcome (``RESOLVED …``) or a
  numbered point but was read as plain prose; text after the closing line;
  control or invisible characters;
* ``announced-list``: an outcome that announces points (ends in ``:`` or
  ``that``) but has none;
* ``no-minutes``: an agenda item with no minutes and no outcome;
* ``outside``: an outcome that stands outside every agenda item;
* ``truncation``: the text ends mid-sentence, as a cut-off file does.

Two more kinds are *pedantic*, reported only when asked
(``check(doc, pedantic=True)``, ``scrutinykit check --pedantic``): they are
true of most clean minutes and seldom something a clerk would change:

* ``no-minutes``: an agenda item with no minutes and no outcome;
* ``attendance``: a name in an attendance list that never appears again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from attrs import frozen

from .._model import (
    AttendanceBlock,
    Block,
    BudgetProposal,
    Document,
    Furniture,
    Heading,
    Marker,
    MeetingEnd,
    Note,
    Paragraph,
    Point,
    is_outcome,
    walk,
)
from ..parsing import patterns as rx

__all__ = [
    "PEDANTIC_KINDS",
    "Finding",
    "Shape",
    "ShapeCounter",
    "check",
    "check_warnings",
    "line_shape",
    "unclassified_lines",
]


@frozen(kw_only=True)
class Finding:
    """One warning about a parsed document."""

    offset: int
    """Where in the source it points (0-based)."""
    kind: str
    """``unclassified``, ``announced-list``, ``outside``, ``truncation``; with
    ``pedantic``: ``no-minutes``, ``attendance``."""
    message: str
    """What is wrong, in a clerk's words."""


#: Words that open an outcome; a plain paragraph starting with one was missed.
_OUTCOME_WORDS = rx.compile(
    r"(?:resolved|recommended|agreed|decided|recommendations?|conclusions?)\b\s*(?:[:;,.–-]|that\b|$)",
    re.IGNORECASE,
)
#: A point label at the start of a line: ``1.``, ``(a)``, ``iv)``, ``•``.
_POINT_START = rx.compile(r"(?:\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)]|[•▪◦●·*])\s+\S")
#: The end of an outcome's intro that promises a list.
_ANNOUNCES = rx.compile(r"(?::-?|\bthat|\bfollowing|\bconclusions|\brecommendations)\s*$", re.IGNORECASE)
#: Lines that may follow the closing line: signatures and dates.
_SIGNATURE = rx.compile(
    r"(?:\(?chair(?:man|person)?\)?|signed|date[d]?|[\s._:/0-9-]*)\s*:?[\s._]*$", re.IGNORECASE
)
#: Controls and invisible marks, other than the whitespace controls.
_INVISIBLE = rx.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]"
)
#: A text ending like this has lost its end.
_COMPLETE_END = rx.compile(r"""[.!?:;)\]"'’”…]$|\d(?:am|pm)?$|^[^a-z]*$""")
#: A word of a name: letters, then letters, digits, apostrophes and hyphens.
_NAME_WORD = rx.compile(r"[^\W\d_][\w'’-]*")
#: Words a sentence does not end on.
_OPEN_WORDS = frozenset(
    [
        *("the", "a", "an", "and", "or", "of", "to", "in", "for", "with", "by", "on", "at"),
        *("that", "which", "be", "is", "are", "was", "were", "as", "from"),
    ]
)


#: The kinds reported only with ``pedantic=True``.
PEDANTIC_KINDS = frozenset({"no-minutes", "attendance"})


def check(doc: Document, *, pedantic: bool = False) -> list[Finding]:
    """The warnings about ``doc`` a clerk would act on, in text order.

    With ``pedantic`` also the kinds in :data:`PEDANTIC_KINDS` (items without
    minutes, attendees not mentioned again).
    """
    found: list[Finding] = []
    for kind, finder in (
        ("unclassified", _unclassified),
        ("announced-list", _announced_lists),
        ("outside", _outcomes_outside_items),
        ("no-minutes", _items_without_minutes),
        ("attendance", _silent_attendees),
        ("truncation", _truncation),
    ):
        if kind in PEDANTIC_KINDS and not pedantic:
            continue
        found.extend(Finding(offset=offset, kind=kind, message=message) for offset, message in finder(doc))
    return sorted(found, key=lambda f: (f.offset, f.message))


def check_warnings(doc: Document, *, pedantic: bool = False) -> list[tuple[int, str]]:
    """The warnings as ``(offset, message)`` pairs, in text order."""
    return [(f.offset, f.message) for f in check(doc, pedantic=pedantic)]


def _flow_paragraphs(doc: Document) -> Iterator[Paragraph]:
    """Plain paragraphs standing in the flow: prose the grammar gave no role."""

    def blocks(seq: Sequence[Block]) -> Iterator[Paragraph]:
        for block in seq:
            if type(block) is Paragraph:
                yield block
            elif isinstance(block, BudgetProposal):
                yield from blocks(block.blocks)

    yield from blocks(doc.front_matter)
    for item in doc.items:
        yield from blocks(item.agenda)
        for section in item.sections:
            yield from blocks(section.blocks)
    yield from blocks(doc.closing)


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _unclassified(doc: Document) -> Iterator[tuple[int, str]]:
    for para in _flow_paragraphs(doc):
        text = doc.text_of(para)
        for line_start, line in _lines(text, para.span.start):
            stripped = line.strip()
            if _OUTCOME_WORDS.match(stripped):
                yield (
                    line_start,
                    f"unclassified text: {_short(stripped)} looks like an outcome, read as prose",
                )
            elif _POINT_START.match(stripped):
                yield (
                    line_start,
                    f"unclassified text: {_short(stripped)} looks like a numbered point, read as prose",
                )
    ended = False
    for block in doc.closing:
        if isinstance(block, MeetingEnd):
            ended = True
        elif ended and type(block) is Paragraph and not _SIGNATURE.fullmatch(block.text):
            yield block.span.start, f"unclassified text after the closing line: {_short(block.text)}"
    first = _INVISIBLE.search(doc.source)
    if first is not None:
        count = len(_INVISIBLE.findall(doc.source))
        name = unicodedata.name(first.group(), f"U+{ord(first.group()):04X}")
        yield first.start(), f"the text holds {count} control or invisible character(s), the first {name}"


def _lines(text: str, offset: int) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset + start + (len(line) - len(line.lstrip())), line
        start += len(line) + 1


def _announced_lists(doc: Document) -> Iterator[tuple[int, str]]:
    for outcome in doc.outcomes():
        if outcome.points or outcome.body or outcome.text:
            continue
        if _ANNOUNCES.search(outcome.intro.text):
            name = type(outcome).__name__.lower()
            yield outcome.span.start, f"{name} announces points but has none: {_short(outcome.intro.text)}"


def _outcomes_outside_items(doc: Document) -> Iterator[tuple[int, str]]:
    for block in (*doc.front_matter, *doc.closing):
        for node in walk(block):
            if is_outcome(node):
                name = type(node).__name__.lower()
                yield node.span.start, f"{name} outside any agenda item: {_short(doc.text_of(node))}"


def _items_without_minutes(doc: Document) -> Iterator[tuple[int, str]]:
    for item in doc.items:
        if not item.minutes and not item.outcomes():
            yield item.span.start, f"item {_short(item.title)} has no minutes"


def _silent_attendees(doc: Document) -> Iterator[tuple[int, str]]:
    """Names in attendance lists that the rest of the text never mentions."""
    lists = [b.span for b in doc.walk() if isinstance(b, AttendanceBlock)]
    people = [*doc.attendance.everyone(), *(doc.attendance.apologies or ())]
    if not people:
        return
    rest = list(doc.source)
    for span in lists + [p.span for p in people]:
        rest[span.start : span.end] = " " * (span.end - span.start)
    elsewhere = set(_NAME_WORD.findall("".join(rest).casefold()))
    for person in people:
        words = _NAME_WORD.findall(person.name.casefold())
        if words and words[-1] not in elsewhere:
            yield (
                person.span.start,
                f"{person.name!r} ({person.kind.value}) is not mentioned again in the text",
            )


def truncated_at(doc: Document, nodes: Iterable[object] | None = None) -> tuple[int, str] | None:
    """Where and how the text stops mid-sentence, or ``None`` when it ends whole.

    ``nodes`` are the document's nodes in :meth:`Document.walk` order, when
    the caller has walked it already.
    """
    return next(_truncation(doc, nodes), None)


def _truncation(doc: Document, nodes: Iterable[object] | None = None) -> Iterator[tuple[int, str]]:
    """The last text of the document, when it stops mid-sentence."""
    leaves = (
        n
        for n in (doc.walk() if nodes is None else nodes)
        if isinstance(n, (Paragraph, Heading, Note, Marker, Furniture, MeetingEnd, Point))
        and not (isinstance(n, Point) and n.points)
    )
    last = max(leaves, key=lambda n: n.span.end, default=None)
    if last is None or isinstance(last, (MeetingEnd, Marker, Heading)):
        return
    text = doc.text_of(last).rstrip()
    words = text.split()
    if not words or _COMPLETE_END.search(text) or _SIGNATURE.fullmatch(text):
        return
    if text[-1] in ",-–(/&" or words[-1].casefold() in _OPEN_WORDS or text[-1].islower():
        end = last.span.end
        yield end, f"the text may be truncated: it ends mid-sentence with {_short(' '.join(words[-6:]))}"


# ---------------------------------------------------------------------------
# Unclassified line shapes: what the vocabulary may lack
# ---------------------------------------------------------------------------

#: How many words (after any leading number) make a line's shape.
SHAPE_WORDS = 3

_TOKEN = rx.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'()[]{}.,;!?*\u2018\u2019\u201c\u201d\u2022\u2013\u2014-"


def line_shape(line: str, words: int = SHAPE_WORDS) -> str:
    """The shape of a line: its leading words, case folded, numbers made ``N``.

    Any word holding a digit becomes ``N`` (``7.``, ``2023/24``, ``6.30pm``),
    and a number at the start does not count towards ``words``; a word that
    ends in a colon ends the shape there, colon kept (a label:
    ``"Members in attendance: Cllr …"`` → ``"members in attendance:"``).
    """
    shape: list[str] = []
    counted = 0
    for match in _TOKEN.finditer(line):
        raw = match.group()
        label = raw.endswith(":")
        word = raw.strip(_EDGE_PUNCTUATION + ":")
        word = "N" if any(ch.isdigit() for ch in word) else word.casefold()
        if not word:
            continue
        shape.append(word + (":" if label else ""))
        if word != "N" or counted:
            counted += 1
        if label or counted >= words:
            break
    return " ".join(shape)


@frozen(kw_only=True)
class Shape:
    """One line shape left unclassified, counted across documents."""

    shape: str
    """The line's leading words, normalised (:func:`line_shape`)."""
    files: int
    """How many documents hold a line of this shape."""
    lines: int
    """How many lines of this shape there are, in all."""
    example: tuple[str, int]
    """The first one seen: the document's name and the 1-based line."""


def _blocks(doc: Document) -> Iterator[Block]:
    """Every block of ``doc`` in text order: front matter, each item's agenda and sections, the closing."""
    yield from doc.front_matter
    for item in doc.items:
        yield from item.agenda
        for section in item.sections:
            yield from section.blocks
    yield from doc.closing


def unclassified_lines(doc: Document) -> Iterator[tuple[str, int]]:
    """The shape and offset of each paragraph the grammar left unclassified.

    That is a block that is a plain :class:`Paragraph` (not the opening
    paragraph of an outcome, which is a ``Paragraph`` inside a classified
    node); the shape is its first line's (:func:`line_shape`).
    """
    for block in _blocks(doc):
        if type(block) is not Paragraph:
            continue
        text = doc.text_of(block)
        lead = len(text) - len(text.lstrip())
        shape = line_shape(text[lead:].split("\n", 1)[0])
        if shape:
            yield shape, block.span.start + lead


class ShapeCounter:
    """Counts unclassified line shapes over many documents, for ``check --unclassified``."""

    def __init__(self) -> None:
        self._files: dict[str, int] = {}
        self._lines: dict[str, int] = {}
        self._example: dict[str, tuple[str, int]] = {}

    def add(self, doc: Document, name: str) -> None:
        """Count the unclassified shapes of ``doc``, read from the file ``name``."""
        seen: set[str] = set()
        for shape, offset in unclassified_lines(doc):
            self._lines[shape] = self._lines.get(shape, 0) + 1
            if shape not in seen:
                seen.add(shape)
                self._files[shape] = self._files.get(shape, 0) + 1
            self._example.setdefault(shape, (name, doc.line_col(offset)[0]))

    def ranked(self) -> list[Shape]:
        """The shapes, held by the most files first (then the most lines, then alphabetically)."""
        shapes = [
            Shape(shape=s, files=self._files[s], lines=self._lines[s], example=self._example[s])
            for s in self._files
        ]
        shapes.sort(key=lambda s: (-s.files, -s.lines, s.shape))
        return shapes
