"""Proceedings: who asked, who answered, who must act, and by when.

The vocabulary lives in ``grammar/proceedings.lark`` as documented terminals
(``ASK_OPENER``, ``RESPONSE_VERB``, ``UNDERTAKING_VERB``, ``DUE_MEETING`` …).
The grammar is loaded once with plain Lark; its terminal patterns are
compiled here into scanners, keyed by terminal name, that run over the
sentences of an item's paragraphs and outcome points.  What they find are
*annotations* — :class:`~scrutinykit.Exchange`, :class:`~scrutinykit.Stance`,
:class:`~scrutinykit.Commitment`, :class:`~scrutinykit.Reference`,
:class:`~scrutinykit.Vote` — each with a span into the original source; the
text nodes keep owning their characters.

Every scan is linear in the sentence: the patterns are tried at a sentence
or clause start (``match``) or searched once, and a search is skipped
outright when none of its trigger words is in the sentence.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import hashlib
import importlib.util
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

import attrs

from .._model import (
    AgendaItem,
    Agreement,
    Attendance,
    AttendanceKind,
    Block,
    BudgetProposal,
    Commitment,
    CommitmentKind,
    Decision,
    Due,
    DueKind,
    Exchange,
    Outcome,
    Paragraph,
    Person,
    Point,
    PointList,
    Recommendation,
    Reference,
    ReferenceKind,
    Resolution,
    SectionKind,
    Span,
    Speaker,
    SpeakerKind,
    Stance,
    StanceKind,
    Statement,
    StatementKind,
    Vote,
    VoteResult,
)
from ..build.inline import find_dates
from ..parsing import patterns as rx
from ..parsing.loader import grammar_dir

__all__ = ["PROCEEDINGS_GRAMMAR", "find_due", "proceedings", "vocabulary"]

PROCEEDINGS_GRAMMAR = "proceedings.lark"
"""The vocabulary grammar's file name, beside ``minutes.lark``."""

# ---------------------------------------------------------------------------
# The vocabulary, compiled once from the grammar's terminals
# ---------------------------------------------------------------------------

_lock = threading.Lock()
_vocabulary: dict[str, re.Pattern[str]] | None = None


def vocabulary() -> dict[str, re.Pattern[str]]:
    """The grammar's terminals as compiled patterns, by terminal name (loaded once).

    Lark turns the terminals into regular expressions; the table of them is
    kept in the pattern store under the hashes of the grammar file and of
    Lark's version file (the file written at install has it), so a process
    whose store has it needs no Lark here.
    """
    global _vocabulary
    if _vocabulary is None:
        with _lock:
            if _vocabulary is None:
                path = grammar_dir() / PROCEEDINGS_GRAMMAR
                table = rx.store().derived(_vocabulary_key(path), lambda: _terminal_patterns(path))
                _vocabulary = {name: rx.compile(pattern) for name, pattern in table.items()}
    return _vocabulary


def _terminal_patterns(path: Path) -> dict[str, str]:
    from lark import Lark

    # No cache=True: Lark would write its cache file into $TMPDIR, a file the caller did not ask for.
    lark = Lark.open(str(path), parser="lalr", lexer="basic")
    return {t.name: t.pattern.to_regexp() for t in lark.terminals}


def _vocabulary_key(path: Path) -> str:
    """What the vocabulary's regular expressions depend on: the grammar and Lark's version."""
    digest = hashlib.sha256(path.read_bytes())
    spec = importlib.util.find_spec("lark")
    if spec is not None and spec.origin is not None:
        digest.update(Path(spec.origin).read_bytes())  # lark/__init__.py holds __version__
    return f"proceedings-terminals:{digest.hexdigest()}"


_SPEAKER_KINDS: tuple[tuple[str, SpeakerKind], ...] = (
    ("SPEAKER_NAMED", SpeakerKind.MEMBER),
    ("SPEAKER_CABINET", SpeakerKind.CABINET_MEMBER),
    ("SPEAKER_CHAIR", SpeakerKind.CHAIR),
    ("SPEAKER_CO_OPTEE", SpeakerKind.CO_OPTEE),
    ("SPEAKER_OFFICER", SpeakerKind.OFFICER),
    ("SPEAKER_MEMBER", SpeakerKind.MEMBER),
    ("SPEAKER_COMMITTEE", SpeakerKind.COMMITTEE),
    ("SPEAKER_WITNESS", SpeakerKind.WITNESS),
)
_MEMBER_SIDE = frozenset({SpeakerKind.MEMBER, SpeakerKind.CHAIR, SpeakerKind.CO_OPTEE, SpeakerKind.COMMITTEE})
_PRESSING = frozenset({StanceKind.CONCERN, StanceKind.CHALLENGE, StanceKind.UNCONVINCED})
_ANSWER_SIDE = frozenset({SpeakerKind.OFFICER, SpeakerKind.CABINET_MEMBER, SpeakerKind.WITNESS})

_STANCES: tuple[tuple[str, StanceKind, tuple[str, ...]], ...] = (
    ("STANCE_CONCERN", StanceKind.CONCERN, ("concern", "worried", "alarmed", "disappointed")),
    ("STANCE_CHALLENGE", StanceKind.CHALLENGE, ("challeng", "pressed", "assurance", "whether")),
    (
        "STANCE_WELCOME",
        StanceKind.WELCOME,
        (
            "welcom",
            "pleased",
            "encouraged",
            "impressed",
            "delighted",
            "prais",
            "commend",
            "congratul",
            "thank",
        ),
    ),
    ("STANCE_REASSURANCE", StanceKind.REASSURANCE, ("reassur", "satisfied", "assur", "content")),
    (
        "STANCE_UNCONVINCED",
        StanceKind.UNCONVINCED,
        ("unconvinced", "not ", "sceptical", "skeptical", "dissatisfied", "unhappy"),
    ),
)


def _any_of(*words: str) -> Callable[[str], bool]:
    """A test of whether any of ``words`` is in a text.

    One ``in`` per word, stopping at the first found: each is a C substring
    search, and together they take about half the time of one alternation
    pattern, which the regular expression engine tries at every position.
    """

    def present(text: str) -> bool:
        for word in words:  # noqa: SIM110 - any() over a generator is half as quick again
            if word in text:
                return True
        return False

    return present


_STANCE_TRIGGERS: tuple[tuple[str, StanceKind, Callable[[str], bool]], ...] = tuple(
    (name, kind, _any_of(*words)) for name, kind, words in _STANCES
)


_ASK_TRIGGERS = _any_of("ask", "enquir", "inquir", "quer", "question", "sought", "wanted to know", "challeng")
_RESPONSE_TRIGGERS = _any_of(
    "respond",
    "repl",
    "explain",
    "said",
    "stated",
    "advis",
    "confirm",
    "clarif",
    "answer",
    "added",
    "acknowledg",
    "report",
    "inform",
    "assur",
    "outlin",
    "indicat",
    "accept",
    "agreed that",
    "noted that",
    "commented that",
)
_COMMIT_TRIGGERS = _any_of("undert", "agreed to", "agrees to", "promised", "offered", "committed", "pledged")
_REQUEST_TRIGGERS = _any_of("ask", "request", "called for")
_WILL_TRIGGERS = _any_of("will ", "would ", "was asked to")
_REF_TRIGGERS = _any_of("meeting", "report", "plan", "strategy", "letter", "review", "inspection", "minutes")
_VOTE_TRIGGERS = _any_of(
    "propos", "moved", "second", " for", "favour", "abstain", "abstention", "amendment", "nem"
)

# ---------------------------------------------------------------------------
# Text: folded for scanning, mapped back to the source
# ---------------------------------------------------------------------------

_ODD_SPACE = rx.compile(r"\s\s|[^\S ]")
# Whitespace that folding changes: a run of two or more, or one that is not a
# plain space (substituting every single space by a space would be wasted work).
_SPACES = rx.compile(r"\s{2,}|[^\S ]")
_WIDE_SPACE = rx.compile(r"\s{2,}")
_QUOTES = (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("\u00a0", " "))


def _straight(text: str) -> str:
    """Curly quotes straightened and no-break spaces made plain (one for one).

    Chained ``str.replace`` calls: each is a C loop, far quicker than
    ``str.translate`` with a mapping, which calls back per character.
    """
    for old, new in _QUOTES:
        if old in text:
            text = text.replace(old, new)
    return text


class _Text:
    """A node's source text, whitespace-folded, with offsets back into the source."""

    __slots__ = ("anchors_f", "anchors_r", "base", "raw", "text")

    def __init__(self, raw: str, base: int) -> None:
        self.base = base
        self.raw = raw
        self.anchors_f: list[int] = [0]
        self.anchors_r: list[int] = [0]
        # No double space and nothing unprintable: no whitespace but plain
        # spaces (every other whitespace character is unprintable), so the
        # text is already folded; the regular expression decides otherwise.
        if ("  " not in raw and raw.isprintable()) or _ODD_SPACE.search(raw) is None:
            self.text = _straight(raw)
            return
        # A run of whitespace folds to one space; only a run of two or more
        # moves the offsets after it, so only those need an anchor.
        self.text = _straight(_SPACES.sub(" ", raw))
        anchors_f = self.anchors_f
        anchors_r = self.anchors_r
        shrunk = 0
        for m in _WIDE_SPACE.finditer(raw):
            end = m.end()
            shrunk += end - m.start() - 1
            anchors_f.append(end - shrunk)
            anchors_r.append(end)

    def offset(self, folded: int) -> int:
        """The source offset of a position in the folded text."""
        i = bisect.bisect_right(self.anchors_f, folded) - 1
        return self.base + self.anchors_r[i] + folded - self.anchors_f[i]

    def span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]`` (ends mapped from the last character)."""
        while start < end and self.text[start] == " ":
            start += 1
        while end > start and self.text[end - 1] == " ":
            end -= 1
        if end <= start:
            at = self.offset(start)
            return Span(start=at, end=at)
        return Span(start=self.offset(start), end=self.offset(end - 1) + 1)


# The end of a sentence: ". " before a capital or a digit (closing quotes and
# brackets allowed between), or ": "/"; " before "Action".  Written with the
# punctuation first, so the engine scans for it quickly instead of trying the
# alternatives at every position.
_SENTENCE_END = rx.compile(
    r"[.!?:;](?:(?<=[.!?])[\"')\]]{0,2} (?=[\"'(]{0,2}[A-Z0-9])|(?<=[:;]) (?=(?:action|ACTION|Action)\b))"
)
_ABBREVIATION = rx.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|St|No|Prof|Rev|Revd|Cllrs|Nos|approx|e\.g|i\.e|etc|vs)|\b[A-Z]|\.[A-Z])\.\Z"
)


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence in folded text."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        stop = m.start() + 1
        if text[m.start()] == "." and _ABBREVIATION.search(text, max(0, stop - 8), stop):
            continue
        yield start, stop
        start = m.end()
    if start < len(text):
        yield start, len(text)


# ---------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------

_LEAD_WORDS = (
    "however|also|in addition|additionally|finally|further|furthermore|separately|in particular"
    "|moreover|then|later|subsequently|similarly|accordingly|overall|again|in summary"
)
_LEAD = rx.compile(rf"(?:(?:{_LEAD_WORDS}),? ){{0,2}}", re.IGNORECASE)
_CAP_WORD = r"[A-Z][\w'&-]*"
_PORTFOLIO = rx.compile(
    rf" for ({_CAP_WORD}(?:(?:,| and| &)? (?:and |& )?(?!Councillor|Cllr|Mr|Mrs|Ms|Dr){_CAP_WORD}){{0,7}})"
)
_OFFICE = rx.compile(
    rf"(?: (?:of|for) (?:the )?{_CAP_WORD}(?:(?:,| and| &| of| for)? (?:the )?{_CAP_WORD}){{0,6}})?"
    r"(?: \([A-Z][\w&' -]{0,40}\))?"
)
_APPOSITIVE = rx.compile(r", (?:Councillor |Cllr |Mr |Mrs |Ms |Dr )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3},")
_ADVERB_WORDS = "also|further|then|again|subsequently|later|additionally|both"
_ADVERB = rx.compile(rf"(?:{_ADVERB_WORDS}) ", re.IGNORECASE)


def _first_letters(words: str) -> frozenset[str]:
    """The ASCII letters, both cases, that an ignore-case match of one of ``words`` can start with."""
    firsts = {word[0] for word in words.split("|")}
    return frozenset(firsts | {c.upper() for c in firsts})


# A pattern matched with IGNORECASE can start only with one of these letters
# at an ASCII character (beyond ASCII, "ſ", "K", "ı" and "İ" match "s", "k"
# and "i": those are left to the pattern).  Most clause starts are ruled out
# by one set test instead of a pattern call.
_LEAD_FIRST = _first_letters(_LEAD_WORDS)
_ADVERB_FIRST = _first_letters(_ADVERB_WORDS)


def _lead_end(text: str, pos: int) -> int:
    """Where ``_LEAD`` matched at ``pos`` ends (it always matches, maybe empty)."""
    c = text[pos : pos + 1]
    if c.isascii() and c not in _LEAD_FIRST:
        return pos
    m = _LEAD.match(text, pos)
    return m.end() if m else pos


def _adverb_end(text: str, pos: int) -> int:
    """Where ``_ADVERB`` matched at ``pos`` ends, or ``pos`` when it does not match."""
    c = text[pos : pos + 1]
    if c.isascii() and c not in _ADVERB_FIRST:
        return pos
    m = _ADVERB.match(text, pos)
    return m.end() if m else pos
_FOR_PORTFOLIO = rx.compile(r"\bfor (.+)$")
_FIRST_WORD = rx.compile(r"^\S+ ")
_CABINET_OR_LEADER = rx.compile(r"cabinet member|portfolio holder|lead member|leader", re.IGNORECASE)
_ARTICLE = rx.compile(r"^(?:the|a|an|one) ", re.IGNORECASE)
_NAMED_TITLE = rx.compile(r"^(?:councillor|cllr\.?|alderman) ", re.IGNORECASE)


_CABINET_TITLE = rx.compile(
    r"((?:Cabinet Member|Portfolio Holder|Lead Member|Executive Member) for [A-Z][\w'&-]*"
    r"(?:(?:,| and| &)? (?:and |& )?(?!Councillor|Cllr|Mr|Mrs|Ms|Dr)[A-Z][\w'&-]*){0,7})"
)


_CABINET_DESCRIPTION = rx.compile(r"cabinet member|portfolio holder|lead member|executive member", re.I)


@functools.lru_cache(maxsize=4096)
def _is_cabinet_office(description: str) -> bool:
    """Whether a person's description names a cabinet office (the same lists recur)."""
    return _CABINET_DESCRIPTION.search(description) is not None


_LETTER_WORDS = rx.compile(r"[a-z]+")
_CHAIR_ROLES = ("chair", "chairman", "chairwoman", "chairperson")


@functools.lru_cache(maxsize=4096)
def _office_words(description: str) -> frozenset[str]:
    """The words of a person's description, as :meth:`_Roster.by_office` compares them."""
    return frozenset(description.casefold().replace(",", " ").split())


@functools.lru_cache(maxsize=4096)
def _letter_words(text: str) -> frozenset[str]:
    """The runs of letters of ``text`` casefolded, as :meth:`_Roster.cabinet` compares them."""
    return frozenset(_LETTER_WORDS.findall(text.casefold()))


class _Roster:
    """The people of a meeting, for resolving speakers to names.

    The descriptions' folded words are cached across items and documents
    (the same lists recur), so each lookup is a pass over the people with
    set tests, not a re-split of every description.
    """

    def __init__(self, attendance: Attendance, officers: Sequence[Person], context: str = "") -> None:
        self.people: list[Person] = [*attendance.everyone(), *officers]
        offices = {m.group(1).rstrip(",") for m in _CABINET_TITLE.finditer(context)}
        #: The one cabinet office the item names ("Question time with the Cabinet Member for …").
        self.cabinet_office: str | None = offices.pop() if len(offices) == 1 else None
        self._cabinet: list[Person] | None = None

    def by_name(self, words: str) -> Person | None:
        folded = words.casefold().split()
        if not folded:
            return None
        for person in self.people:
            name = person.name.casefold().split()
            if name[-len(folded) :] == folded or (len(folded) == 1 and folded[0] in name):
                return person
        return None

    def by_office(self, title: str) -> Person | None:
        want = title.casefold()
        want = want[4:] if want.startswith("the ") else want
        exact = [p for p in self.people if p.description and p.description.casefold() == want]
        if len(exact) == 1:
            return exact[0]
        words = want.split()
        found = [p for p in self.people if p.description and _office_words(p.description).issuperset(words)]
        return found[0] if len(found) == 1 else None

    def cabinet(self, portfolio: str | None) -> Person | None:
        if self._cabinet is None:
            self._cabinet = [p for p in self.people if p.description and _is_cabinet_office(p.description)]
        found = self._cabinet
        if portfolio:
            want = _letter_words(portfolio) - {"and", "for", "the"}
            found = [p for p in found if want <= _letter_words(p.description or "")]
        return found[0] if len(found) == 1 else None

    def chair(self) -> Person | None:
        for person in self.people:
            if person.role and person.role.casefold() in _CHAIR_ROLES:
                return person
        return None

    def co_optee(self, words: str) -> Person | None:
        key = [
            w for w in words.casefold().split() if w not in ("the", "a", "one", "representative", "co-optee")
        ]
        found = [p for p in self.people if p.kind is AttendanceKind.CO_OPTEE]
        if key:
            found = [p for p in found if p.description and all(k in p.description.casefold() for k in key)]
        return found[0] if len(found) == 1 else None


class _Found(NamedTuple):
    speaker: Speaker
    end: int


@functools.lru_cache(maxsize=1)
def _speaker_start() -> re.Pattern[str]:
    """Any speaker terminal or the pronoun, in one pattern.

    It fails where each of them fails: one call rules out a clause start
    with no speaker (about half of them) instead of nine.
    """
    v = vocabulary()
    names = ["SPEAKER_PRONOUN", *(name for name, _ in _SPEAKER_KINDS)]
    return rx.compile("|".join(f"(?:{v[name].pattern})" for name in names))


def _speaker_at(t: _Text, pos: int, roster: _Roster, last: Speaker | None) -> _Found | None:
    """The speaker named at ``pos`` of the folded text, longest phrase first."""
    text = t.text
    if pos >= len(text) or _speaker_start().match(text, pos) is None:
        return None
    v = vocabulary()
    m = v["SPEAKER_PRONOUN"].match(text, pos)
    if m is not None:
        if last is None:
            return None
        return _Found(attrs.evolve(last, span=t.span(m.start(), m.end()), text=m.group()), m.end())
    best: tuple[int, SpeakerKind] | None = None
    for terminal, kind in _SPEAKER_KINDS:
        m = v[terminal].match(text, pos)
        if m is not None and (best is None or m.end() > best[0]):
            best = (m.end(), kind)
    if best is None:
        return None
    end, kind = best
    words = text[pos:end]
    lower = words.casefold()
    plural = (
        lower.endswith("s") and not lower.endswith(("ss", "chairs")) and kind is not SpeakerKind.COMMITTEE
    )
    name: str | None = None
    title: str | None = None
    portfolio: str | None = None
    person: Person | None = None
    if kind is SpeakerKind.CABINET_MEMBER:
        m = _PORTFOLIO.match(text, end) if text.startswith(" for ", end) else None
        if m is not None:
            portfolio = m.group(1)
            end = m.end()
        person = roster.cabinet(portfolio)
        if person is not None:
            title = person.description
            if portfolio is None and person.description:
                pm = _FOR_PORTFOLIO.search(person.description)
                portfolio = pm.group(1) if pm else None
        elif portfolio is None and roster.cabinet_office is not None:
            title = roster.cabinet_office
            portfolio = title.split(" for ", 1)[1]
        else:
            title = _strip_article(text[pos:end])
    elif kind is SpeakerKind.OFFICER:
        m = _OFFICE.match(text, end)
        if m is not None and m.end() > end:
            end = m.end()
        title = _strip_article(text[pos:end])
        if lower.rstrip("s") in ("officer", "the officer"):
            title = None
        else:
            person = roster.by_office(title)
    elif kind is SpeakerKind.CHAIR:
        person = roster.chair()
        title = _strip_article(words)
    elif kind is SpeakerKind.CO_OPTEE:
        person = roster.co_optee(words)
        title = _strip_article(words)
    elif kind is SpeakerKind.WITNESS:
        title = _strip_article(words)
    if kind is SpeakerKind.MEMBER and v["SPEAKER_NAMED"].match(text, pos) is not None and best[0] == end:
        bare = _FIRST_WORD.sub("", words)
        person = roster.by_name(bare)
        name = person.name if person is not None else bare
        plural = False
        if person is not None:
            kind, title = _kind_of(person)
        elif _NAMED_TITLE.match(words) is None:
            kind = SpeakerKind.WITNESS  # "Dr Example", not on any list: someone from outside
    if person is not None and name is None:
        name = person.name
    speaker = Speaker(
        span=t.span(pos, end),
        kind=kind,
        text=text[pos:end],
        name=name,
        title=title,
        portfolio=portfolio,
        plural=plural,
    )
    return _Found(speaker, end)


def _kind_of(person: Person) -> tuple[SpeakerKind, str | None]:
    description = person.description or ""
    if _CABINET_OR_LEADER.search(description):
        return SpeakerKind.CABINET_MEMBER, description
    if person.role and "chair" in person.role.casefold():
        return SpeakerKind.CHAIR, person.role
    if person.kind is AttendanceKind.CO_OPTEE:
        return SpeakerKind.CO_OPTEE, description or None
    if person.kind is AttendanceKind.OFFICER:
        return SpeakerKind.OFFICER, description or None
    return SpeakerKind.MEMBER, description or None


def _strip_article(words: str) -> str:
    return _ARTICLE.sub("", words)


def _subject(t: _Text, start: int, roster: _Roster, last: Speaker | None) -> tuple[_Found | None, int]:
    """The speaker a sentence or clause starts with, and where its verb should be."""
    pos = _lead_end(t.text, start)
    found = _speaker_at(t, pos, roster, last)
    if found is None:
        return None, pos
    after = found.end
    app = _APPOSITIVE.match(t.text, after) if t.text.startswith(", ", after) else None
    if app is not None:
        after = app.end()
    if after < len(t.text) and t.text[after] == " ":
        after += 1
    return found, _adverb_end(t.text, after)


_CLAUSE_START = rx.compile(r"(?:, | and | but | while | whilst |; )")
# Where a clause that gives an action may start: "…, the Clerk to write …", "…; Clerk to check …".
_ACTION_CLAUSE = rx.compile(r"[,;] (?=(?:the |The )?[A-Z])")
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"  # a capital letter, accented ones too ("Ó Dochartaigh")
_CAPITAL_NEXT = re.compile(f" {_CAPITAL}[a-z]")
# An owner the vocabulary does not know: capitalised words, initials kept with
# the name ("J. Clerk", "A.B. Example", "H.F. Ó Example").
_OWNER_WORDS = re.compile(
    rf"((?:The |the )?(?:{_CAPITAL}\.[ ]?){{0,3}}{_CAPITAL}[\w'&()-]*"
    rf"(?: (?!The |Action|ACTION)(?:of |for |and |& )?(?:{_CAPITAL}|\()[\w'&()-]*){{0,6}})"
)
# What follows "to" when it is not a verb: "the Clerk to the Council".
_NOT_A_VERB = rx.compile(r"(?:the|a|an|this|that|these|those|all|any|each|its|their|his|her)\b")


def _one_owner(speaker: Speaker) -> bool:
    """Whether ``speaker`` is one person who can be given an action: a named member, an officer, the chair."""
    if speaker.plural or speaker.text.casefold() in ("he", "she", "they"):
        return False  # a pronoun's sentence narrates ("She would remain in the room")
    if speaker.kind is SpeakerKind.MEMBER:
        return speaker.name is not None
    return speaker.kind in (SpeakerKind.OFFICER, SpeakerKind.CHAIR, SpeakerKind.CABINET_MEMBER)


def _clause_speaker(
    t: _Text, start: int, verb_at: int, roster: _Roster, last: Speaker | None
) -> tuple[_Found | None, int]:
    """The speaker right before a verb at ``verb_at``: the clause's subject."""
    window = max(start, verb_at - 160)
    clauses = [start, *(m.end() for m in _CLAUSE_START.finditer(t.text, window, verb_at))]
    # The last clause start first; an earlier one when the speaker's own words
    # hold the "and" ("The Cabinet Member for Parks and Leisure undertook").
    for clause in reversed(clauses):
        found, after = _subject(t, clause, roster, last)
        if found is not None and after >= verb_at - 1:
            return found, clause
    return None, clauses[-1]


# ---------------------------------------------------------------------------
# Due dates
# ---------------------------------------------------------------------------

_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
}
# English month names, written out: calendar.month_name follows the process's
# LC_TIME locale, which the program using scrutinykit may have set.
_MONTHS: tuple[str, ...] = ("january", "february", "march", "april", "may", "june", "july", "august")
_MONTHS += ("september", "october", "november", "december")
_MONTH_NAMES = {name: number for number, name in enumerate(_MONTHS, start=1)}
_MONTH_WORD = rx.compile(rf"\b({'|'.join(_MONTHS)})\b", re.I)
_YEAR = rx.compile(r"\b((?:19|20)[0-9]{2})\b")
_DAY_OF_MONTH = rx.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? ")
_PERIOD_PARTS = rx.compile(r"([a-z]+|[0-9]{1,2}) (day|week|month|year)", re.I)


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (datetime.date(year, month + 1, 1) - datetime.date(year, month, 1)).days


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return datetime.date(year, month, min(day.day, _days_in_month(year, month)))


def _month_date(text: str, meeting: datetime.date | None) -> datetime.date | None:
    mm = _MONTH_WORD.search(text)
    if mm is None:
        return None
    month = _MONTH_NAMES[mm.group(1).casefold()]
    ym = _YEAR.search(text)
    if ym is not None:
        year = int(ym.group(1))
    elif meeting is not None:
        year = meeting.year if month >= meeting.month else meeting.year + 1
    else:
        return None
    day = _days_in_month(year, month) if text.casefold().startswith(("the end of", "end of")) else 1
    dm = _DAY_OF_MONTH.match(text)
    if dm is not None:
        day = int(dm.group(1))
        if ym is None and meeting is not None and (month, day) < (meeting.month, meeting.day):
            year = meeting.year + 1  # "by 3 March" said on 20 March: next year's
        if not 1 <= day <= _days_in_month(year, month):
            return None
    return datetime.date(year, month, day)


def _resolve(kind: DueKind, text: str, meeting: datetime.date | None) -> datetime.date | None:
    if kind in (DueKind.MONTH, DueKind.MEETING):
        return _month_date(text, meeting)
    if kind is DueKind.PERIOD and meeting is not None:
        m = _PERIOD_PARTS.search(text)
        if m is None:
            return None
        count_text = m.group(1).casefold()
        count = int(count_text) if count_text.isdigit() else _NUMBERS.get(count_text)
        if count is None:
            return None
        unit = m.group(2).casefold()
        if unit == "day":
            return meeting + datetime.timedelta(days=count)
        if unit == "week":
            return meeting + datetime.timedelta(weeks=count)
        return _add_months(meeting, count * (12 if unit == "year" else 1))
    return None


_DATE_AFTER = rx.compile(r" (?:on|of|held on) ")
_DUE_KINDS = (
    ("DUE_MEETING", DueKind.MEETING),
    ("DUE_MONTH", DueKind.MONTH),
    ("DUE_PERIOD", DueKind.PERIOD),
)
_PERIOD_RELATIONS = frozenset({"in", "within", "after", "over"})
_BARE_MEETING = rx.compile(
    r"(?:the |its |their |a |an )?meeting"
    r"(?: of (?:the )?(?:sub-committee|committee|panel|board|cabinet|council))?",
    re.IGNORECASE,
)
_BRACKET = rx.compile(r"\((?=[A-Za-z0-9])")


def _due_in(t: _Text, start: int, end: int, meeting: datetime.date | None) -> Due | None:
    """The first due time stated in ``text[start:end]``."""
    v = vocabulary()
    text = t.text
    low = text[start:end].casefold()
    dates: list[tuple[int, int, datetime.date]] | None = None  # read at the first preposition
    best: Due | None = None
    for m in v["DUE_PREPOSITION"].finditer(text, start, end):
        if m.start() > start and text[m.start() - 1] not in " ('":
            continue
        relation = m.group().casefold()
        pos = m.end() + 1
        if dates is None:
            dates = [(a + start, b + start, d) for a, b, d in find_dates(text[start:end])]
        candidates: list[tuple[int, DueKind, datetime.date | None]] = []
        for a, b, d in dates:
            if a == pos or (a > pos and text[pos:a].casefold() in ("the ", "")):
                candidates.append((b, DueKind.DATE, d))
        for name, kind in _DUE_KINDS:
            if kind is DueKind.PERIOD and relation not in _PERIOD_RELATIONS:
                continue
            dm = v[name].match(text, pos, end)
            if dm is not None and dm.end() > pos:
                stop = dm.end()
                on_date: datetime.date | None = None
                if kind is DueKind.MEETING:
                    after = _DATE_AFTER.match(text, stop, end)
                    if after is not None:
                        for a, b, d in dates:
                            if a == after.end():
                                stop, on_date = b, d
                candidates.append((stop, kind, on_date))
        if not candidates:
            continue
        stop, kind, value = max(candidates, key=lambda c: c[0])
        if (
            kind is DueKind.MONTH
            and _MONTH_WORD.search(text, pos, stop) is None
            and "year" not in text[pos:stop]
            and not re.search(r"summer|autumn|winter|spring", text[pos:stop], re.I)
        ):
            continue
        phrase = text[pos:stop]
        if kind is DueKind.MEETING and _BARE_MEETING.fullmatch(phrase) and value is None:
            continue
        value = value if value is not None else _resolve(kind, phrase, meeting)
        if kind is DueKind.MONTH and _DAY_OF_MONTH.match(phrase):
            kind = DueKind.DATE  # "by 28 March": a day, its year the meeting's or the next
        best = Due(span=t.span(pos, stop), kind=kind, text=phrase, relation=relation, date=value)
        break
    if best is None and "(" in low:
        for bm in _BRACKET.finditer(text, start, end):
            dm = v["DUE_MEETING"].match(text, bm.end(), end) or v["DUE_MONTH"].match(text, bm.end(), end)
            if dm is not None and _MONTH_WORD.search(dm.group()) and not _BARE_MEETING.fullmatch(dm.group()):
                kind = DueKind.MEETING if "meeting" in dm.group().casefold() else DueKind.MONTH
                best = Due(
                    span=t.span(dm.start(), dm.end()),
                    kind=kind,
                    text=dm.group(),
                    date=_resolve(kind, dm.group(), meeting),
                )
                break
    if "every" in low or "each" in low or "ly" in low:
        for rm in v["DUE_RECURRING"].finditer(text, start, end):
            phrase = rm.group()
            at: str | None = None
            pos = rm.start()
            if phrase.casefold().startswith("at "):
                at, pos = "at", pos + 3
            elif text.endswith(" for ", 0, pos):
                continue  # "the agenda for every meeting": which papers, not when
            if best is None or rm.start() < best.span.start - t.base:
                best = Due(
                    span=t.span(pos, rm.end()),
                    kind=DueKind.RECURRING,
                    text=text[pos : rm.end()],
                    relation=at,
                )
            break
    if best is None and ("soon" in low or "due course" in low or "shortly" in low or "once" in low):
        sm = v["DUE_SOON"].search(text, start, end)
        if sm is not None:
            best = Due(span=t.span(sm.start(), sm.end()), kind=DueKind.SOON, text=sm.group())
    return best


def find_due(text: str, meeting: datetime.date | None = None) -> Due | None:
    """The first due time in ``text`` (spans index ``text``), resolved against ``meeting``."""
    t = _Text(text, 0)
    return _due_in(t, 0, len(t.text), meeting)


# ---------------------------------------------------------------------------
# One item's proceedings
# ---------------------------------------------------------------------------


class _Proceedings:
    def __init__(self, roster: _Roster, meeting: datetime.date | None) -> None:
        self.roster = roster
        self.meeting = meeting
        self.statements: list[Statement] = []
        self.stances: list[Stance] = []
        self.commitments: list[Commitment] = []
        self.references: list[Reference] = []
        self.votes: list[Vote] = []
        self.last: Speaker | None = None
        self.prev_sentence: tuple[_Text, int, int] | None = None
        self.labelled = False  # reading the points under an "Actions:" label

    # -- prose -------------------------------------------------------------

    def prose(self, t: _Text) -> None:
        labelled = self.labelled
        for start, end in _sentences(t.text):
            for part in _owner_line(t, start, end):
                self.sentence(t, *part)
                self.prev_sentence = (t, *part)
                self.labelled = False  # a label stands over a point's first sentence only
        self.labelled = labelled

    def sentence(self, t: _Text, start: int, end: int) -> None:
        v = vocabulary()
        text = t.text
        low = text[start:end].casefold()
        found, verb_at = _subject(t, start, self.roster, self.last)
        subject = found.speaker if found else None
        kind: StatementKind | None = None
        phrase = ""
        speaker = subject
        # Actions: "Action: Owner to …", "Owner to …"
        if ("action" in low or self.labelled) and self.action(t, start, end):
            return
        to = v["ACTION_TO"].match(text, found.end, end) if found is not None else None
        if found is not None and to is None and text.startswith(" and ", found.end):
            # "Cllr. A. Example and the Clerk to review …": two owners, the first named.
            second = _speaker_at(t, found.end + 5, self.roster, self.last)
            if second is not None:
                to = v["ACTION_TO"].match(text, second.end, end)
        if subject is not None and to is not None:
            self.commit(CommitmentKind.ACTION, t, start, end, subject, to.end())
            self.last = subject
            return
        if ", " in low or "; " in low:
            self.clause_action(t, start, end)
        # Questions put by nobody in particular: "It was asked", "In response to a question".
        opener = v["ASK_OPENER"].match(text, verb_at if subject is None else start, end)
        if opener is None and subject is None:
            opener = v["ASK_OPENER"].match(text, _lead_end(text, start), end)
        if opener is not None:
            kind, phrase, speaker = StatementKind.QUESTION, opener.group(), None
            answer = self.inline_answer(t, opener.end(), end)
            if answer is not None:
                self.statements.append(Statement(span=t.span(start, end), kind=kind, phrase=phrase))
                self.statements.append(answer)
                self.after(t, start, end, low, subject)
                return
        elif subject is not None and subject.kind in _ANSWER_SIDE:
            # Each verb pattern is tried only where its answer is used.
            if text.startswith(("was asked", "were asked"), verb_at):
                kind, phrase, speaker = StatementKind.QUESTION, text[verb_at : verb_at + 9], None
            else:
                verb = v["RESPONSE_VERB"].match(text, verb_at, end)
                if verb is not None or v["UNDERTAKING_VERB"].match(text, verb_at, end):
                    kind = StatementKind.RESPONSE
                    phrase = verb.group() if verb is not None else ""
        elif subject is not None and subject.kind in _MEMBER_SIDE:
            heard = v["HEARD_OPENER"].match(text, verb_at, end) or (
                v["HEARD_OPENER"].match(text, verb_at + 5, end) if text.startswith("were ", verb_at) else None
            )
            if heard is not None:
                kind, phrase, speaker = StatementKind.RESPONSE, heard.group(), None
            else:
                ask = v["ASK_VERB"].match(text, verb_at, end)
                if ask is not None or (_ASK_TRIGGERS(low) and v["ASK_VERB"].search(text, verb_at, end)):
                    am = ask or v["ASK_VERB"].search(text, verb_at, end)
                    assert am is not None
                    if not v["REQUEST_FOR"].match(text, am.start(), end):
                        kind, phrase = StatementKind.QUESTION, am.group()
                if kind is None:
                    comment = v["COMMENT_VERB"].match(text, verb_at, end)
                    if comment is not None:
                        kind, phrase = StatementKind.COMMENT, comment.group()
                if kind is None and subject.kind is not SpeakerKind.COMMITTEE:
                    verb = v["RESPONSE_VERB"].match(text, verb_at, end)
                    if verb is not None:
                        kind, phrase = StatementKind.COMMENT, verb.group()
        elif subject is not None:
            pass  # every speaker kind is on one side or the other
        elif text.startswith(("It was ", "it was "), verb_at):
            cm = v["COMMENT_VERB"].match(text, verb_at + 7, end)
            if cm is not None:
                kind, phrase = StatementKind.COMMENT, text[verb_at : cm.end()]
        if kind is None and _RESPONSE_TRIGGERS(low):
            # "…, officers stated that …": an answer in a clause.
            answer = self.inline_answer(t, start, end)
            if answer is not None:
                self.statements.append(answer)
                kind = StatementKind.RESPONSE
                self.after(t, start, end, low, subject)
                return
        stance_kinds = self.stance(t, start, end, low, subject)
        if (
            kind in (None, StatementKind.COMMENT)
            and subject is not None
            and subject.kind in _MEMBER_SIDE
            and stance_kinds & _PRESSING
        ):
            kind = StatementKind.CHALLENGE
        if kind is None and subject is None and StanceKind.CHALLENGE in stance_kinds and "it was" in low[:12]:
            kind = StatementKind.CHALLENGE
        if kind is not None:
            self.statements.append(
                Statement(span=t.span(start, end), kind=kind, speaker=speaker, phrase=phrase)
            )
        self.after(t, start, end, low, subject, stanced=True)

    def after(
        self, t: _Text, start: int, end: int, low: str, subject: Speaker | None, *, stanced: bool = False
    ) -> None:
        """Commitments, references and votes in a sentence; remember its speaker."""
        v = vocabulary()
        if not stanced:
            self.stance(t, start, end, low, subject)
        if _COMMIT_TRIGGERS(low):
            for um in v["UNDERTAKING_VERB"].finditer(t.text, start, end):
                found, _ = _clause_speaker(t, start, um.start(), self.roster, self.last)
                if found is None:
                    owner_at = _lead_end(t.text, start)
                    om = _OWNER_WORDS.fullmatch(t.text, owner_at, um.start() - 1)
                    if (
                        om is None
                        or not om.group().startswith(("The ", "the "))
                        or any(
                            m.end() == len(om.group())
                            for name in ("SPEAKER_COMMITTEE", "SPEAKER_MEMBER")
                            for m in v[name].finditer(om.group())
                        )
                    ):
                        continue  # no owner, or a body ("The Planning Committee agreed to …")
                    # "The Governance Officer undertook to …": an office the vocabulary does not know.
                    owner = Speaker(
                        span=t.span(owner_at, om.end()),
                        kind=SpeakerKind.OFFICER,
                        text=om.group(),
                        title=_strip_article(om.group()),
                    )
                else:
                    owner = found.speaker
                if (
                    um.group().casefold().startswith(("agreed", "agrees"))
                    and owner.kind is SpeakerKind.MEMBER
                    and owner.plural
                ):
                    continue
                self.commit(CommitmentKind.UNDERTAKING, t, start, end, owner, um.end())
                break
        if _WILL_TRIGGERS(low) and not any(c.span == t.span(start, end) for c in self.commitments[-1:]):
            for wm in v["ACTION_WILL"].finditer(t.text, start, end):
                found, clause = _clause_speaker(t, start, wm.start(), self.roster, self.last)
                if found is not None and _one_owner(found.speaker):
                    self.commit(CommitmentKind.ACTION, t, clause, end, found.speaker, wm.end())
                    break
        if _REQUEST_TRIGGERS(low):
            rm = v["REQUEST_FOR"].search(t.text, start, end)
            if rm is not None and (subject is None or subject.kind in _MEMBER_SIDE):
                rest = t.text[rm.end() : end]
                if v["REQUEST_PASSIVE"].search(rest) or re.match(
                    r" (?:a |an |the |further |more |sight |information|an update|details)", rest
                ):
                    self.commit(CommitmentKind.REQUEST, t, start, end, None, rm.end())
        if "agreed that" in low and subject is not None and subject.kind in _MEMBER_SIDE:
            am = re.search(r"agreed that ", t.text[start:end])
            if am is not None:
                due = _due_in(t, start + am.end(), end, self.meeting)
                if due is not None and re.search(r"\b(?:would|will|should)\b", low):
                    named = _speaker_at(t, start + am.end(), self.roster, None)
                    owner = named.speaker if named is not None else subject
                    self.commit(CommitmentKind.ACTION, t, start, end, owner, start + am.end(), due=due)
        if _REF_TRIGGERS(low):
            self.reference(t, start, end)
        if _VOTE_TRIGGERS(low):
            self.vote(t, start, end, low)
        if subject is not None:
            self.last = subject

    def inline_answer(self, t: _Text, start: int, end: int) -> Statement | None:
        v = vocabulary()
        for vm in v["RESPONSE_VERB"].finditer(t.text, start, end):
            found, clause = _clause_speaker(t, start, vm.start(), self.roster, self.last)
            if found is not None and found.speaker.kind in _ANSWER_SIDE:
                self.last = found.speaker
                return Statement(
                    span=t.span(clause, end),
                    kind=StatementKind.RESPONSE,
                    speaker=found.speaker,
                    phrase=vm.group(),
                )
        return None

    def stance(self, t: _Text, start: int, end: int, low: str, subject: Speaker | None) -> set[StanceKind]:
        v = vocabulary()
        kinds: set[StanceKind] = set()
        for name, kind, triggers in _STANCE_TRIGGERS:
            if not triggers(low):
                continue
            m = v[name].search(t.text, start, end)
            if m is None:
                continue
            if kind is StanceKind.CONCERN and m.group().casefold().startswith("there"):
                speaker = None
            else:
                found, _ = _clause_speaker(t, start, m.start(), self.roster, self.last)
                speaker = found.speaker if found else subject
            if kind is StanceKind.REASSURANCE and speaker is not None and speaker.kind in _ANSWER_SIDE:
                continue  # "officers reassured members": a response, not the members' stance
            kinds.add(kind)
            self.stances.append(Stance(span=t.span(start, end), kind=kind, speaker=speaker, phrase=m.group()))
        return kinds

    def commit(
        self,
        kind: CommitmentKind,
        t: _Text,
        start: int,
        end: int,
        owner: Speaker | None,
        what: int,
        *,
        due: Due | None = None,
        in_outcome: bool = False,
    ) -> None:
        stop = end
        while stop > what and t.text[stop - 1] in ".;, ":
            stop -= 1
        if due is None:
            due = _due_in(t, what, end, self.meeting)
        self.commitments.append(
            Commitment(
                span=t.span(start, end),
                kind=kind,
                text=t.text[what:stop].strip(),
                owner=owner,
                due=due,
                in_outcome=in_outcome,
            )
        )

    def clause_action(self, t: _Text, start: int, end: int) -> None:
        """An action given in a clause after a comma: "…, the Clerk to write to the owner."."""
        v = vocabulary()
        text = t.text
        for cm in _ACTION_CLAUSE.finditer(text, start, end):
            found = _speaker_at(t, cm.end(), self.roster, self.last)
            if found is None or not _one_owner(found.speaker):
                continue
            to = v["ACTION_TO"].match(text, found.end, end)
            if to is None or _NOT_A_VERB.match(text, to.end()):
                continue
            self.commit(CommitmentKind.ACTION, t, cm.end(), end, found.speaker, to.end())
            return

    def action(self, t: _Text, start: int, end: int) -> bool:
        v = vocabulary()
        text = t.text
        pos = _lead_end(text, start)
        label = v["ACTION_LABEL"].match(text, pos, end)
        if label is not None:
            label_start, at = label.start(), label.end()
        elif self.labelled:
            # A point under an "Actions:" label: the label is above it, the point's own label here.
            point = _POINT_LABEL.match(text, start, end)
            label_start, at = start, point.end() if point is not None else start
        else:
            label = v["ACTION_LABEL"].search(text, pos, end)
            if (
                label is None
                or text[label.start() - 1 : label.start()] not in (" ", "(")
                or not text[label.start()].isupper()
            ):
                return False
            label_start, at = label.start(), label.end()
        while at < end and text[at] in "·•-–* ":
            at += 1
        found, _ = _subject(t, at, self.roster, self.last)
        if found is not None and (found.end > end or _CAPITAL_NEXT.match(text, found.end, end)):
            # "The Committee Services Officer": the words known make only the start of the owner's title.
            found = None
        owner_end = found.end if found else at
        to = v["ACTION_TO"].search(text, owner_end, min(end, owner_end + 80))
        if found is None:
            # An owner the vocabulary does not know: the capitalised words before " to ".
            om = _OWNER_WORDS.match(text[at:end])
            if om is None:
                return False
            owner = Speaker(
                span=t.span(at, at + om.end()),
                kind=SpeakerKind.OFFICER,
                text=om.group(1),
                title=_strip_article(om.group(1)),
            )
            owner_end = at + om.end()
            to = v["ACTION_TO"].match(text, owner_end, end)
        else:
            owner = found.speaker
        if label is None and (to is None or to.start() > owner_end + 2):
            return False  # a point under the label that names no owner "to" do something
        if label_start > pos and to is None:
            # "… write to the Portfolio Holder. ACTION: Councillor Example": the owner trails the sentence.
            self.commit(CommitmentKind.ACTION, t, start, end, owner, start)
            return True
        if to is None or to.start() > owner_end + 2:
            if self.prev_sentence is not None and owner_end >= end - 2:
                pt, ps, pe = self.prev_sentence
                if pt is t:
                    before = t.span(ps, pe)
                    self.commitments = [c for c in self.commitments if not before.contains(c.span)]
                    self.commit(CommitmentKind.ACTION, t, ps, end, owner, ps)
                    return True
            self.commit(CommitmentKind.ACTION, t, start, end, owner, owner_end)
            return True
        self.commit(CommitmentKind.ACTION, t, start, end, owner, to.end())
        return True

    # -- references and votes ---------------------------------------------

    def reference(self, t: _Text, start: int, end: int) -> None:
        text = t.text
        if _REF_END.search(text, start, end) is None:
            return  # every reference ends in one of these words before a date: no dates to read
        v = vocabulary()
        for a, b, value in find_dates(text[start:end]):
            a, b = a + start, b + start
            window = max(start, a - 140)
            for name, kind in (
                ("REF_MEETING", ReferenceKind.MEETING),
                ("REF_DOCUMENT", ReferenceKind.DOCUMENT),
            ):
                hit = None
                for m in v[name].finditer(text, window, min(end, a + 4)):
                    if m.end() == a:
                        hit = m
                        break
                if hit is not None:
                    self.references.append(
                        Reference(
                            span=t.span(hit.start(), b), kind=kind, text=text[hit.start() : b], date=value
                        )
                    )
                    break

    def vote(self, t: _Text, start: int, end: int, low: str) -> None:
        v = vocabulary()
        text = t.text
        # Each pattern holds these words or a digit (none an "i", which
        # matches "ı" and "İ" but is not what they fold to): no search without them.
        proposed = (
            v["VOTE_PROPOSED"].search(text, start, end) if "proposed" in low or "moved" in low else None
        )
        seconded = v["VOTE_SECONDED"].search(text, start, end) if "seconded" in low else None
        counts = v["VOTE_COUNTS"].search(text, start, end) if _DIGIT.search(low) else None
        if proposed is None and seconded is None and counts is None:
            return
        if (
            proposed is None
            and seconded is None
            and counts is not None
            and not re.search(r"against|abstain|vote", low)
        ):
            return
        proposer = _name_after(text, proposed.end(), end) if proposed else None
        if proposer is None and ("moved" in low or "proposed" in low):
            # "Councillor A moved that …": the proposer stands before the verb.
            before = _NAME_BEFORE_MOVED.search(text, start, end)
            if before is not None:
                proposer = before.group(1)
                if proposed is None:
                    proposed = before
        seconder = _name_after(text, seconded.end(), end) if seconded else None
        votes_for = votes_against = abstentions = None
        if counts is not None:
            c = counts.group()
            votes_for = _count(
                c, r"([0-9]{1,3}) (?:votes? )?(?:for|in favour)|(?:for|in favour)[: ]{1,2}([0-9]{1,3})"
            )
            votes_against = _count(c, r"([0-9]{1,3}) (?:votes? )?against|against[: ]{1,2}([0-9]{1,3})")
            abstentions = _count(c, r"([0-9]{1,3}) abstentions?|abstentions?[: ]{1,2}([0-9]{1,3})")
        unanimous = v["VOTE_UNANIMOUS"].search(text, start, end) is not None
        result: VoteResult | None = None
        if v["VOTE_LOST"].search(text, start, end):
            result = VoteResult.LOST
        elif (
            v["VOTE_CARRIED"].search(text, start, end)
            or unanimous
            or re.search(r"\bagreed\b|\bresolved\b", low)
        ):
            result = VoteResult.CARRIED
        if votes_for is not None and votes_against is not None and result is None:
            result = VoteResult.CARRIED if votes_for > votes_against else VoteResult.LOST
        vote = Vote(
            span=t.span(start, end),
            proposer=proposer,
            seconder=seconder,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            result=result,
            unanimous=unanimous,
            amendment="amendment" in low,
        )
        prev = self.votes[-1] if self.votes else None
        if prev is not None and _continues(prev, vote):
            # "Councillor A moved …; seconded by Councillor B. On being put to the vote
            # the motion was LOST (2 for, 4 against)": one vote, told in two sentences.
            self.votes[-1] = attrs.evolve(
                vote,
                span=Span(start=prev.span.start, end=vote.span.end),
                proposer=prev.proposer,
                seconder=prev.seconder,
                amendment=prev.amendment or vote.amendment,
            )
            return
        self.votes.append(vote)

    # -- outcomes ----------------------------------------------------------

    def outcome(self, outcome: Outcome, source: str) -> Outcome:
        """Give an outcome its addressee and due date; its points' requests become commitments."""
        intro = _Text(source[outcome.intro.span.start : outcome.intro.span.end], outcome.intro.span.start)
        addressee: str | None = None
        am = _ADDRESSEE.search(intro.text)
        if am is not None:
            addressee = am.group(1)
        units: list[_Text] = []
        if outcome.points:
            for point in outcome.points:
                end = point.points[0].span.start if point.points else point.span.end
                units.append(_Text(source[point.span.start : end].rstrip(), point.span.start))
        else:
            for para in (outcome.intro, *outcome.body):
                units.append(_Text(source[para.span.start : para.span.end], para.span.start))
        due: Due | None = None
        for unit in units:
            self.unit(unit, outcome, addressee)
        if not outcome.points:
            for unit in units:
                due = _due_in(unit, 0, len(unit.text), self.meeting)
                if due is not None:
                    break
        for unit in units:
            self.reference(unit, 0, len(unit.text))
        if addressee is None and due is None:
            return outcome
        return attrs.evolve(outcome, addressee=addressee, due=due)

    def unit(self, t: _Text, outcome: Outcome, addressee: str | None) -> None:
        v = vocabulary()
        text = t.text
        pos = 0
        lm = _POINT_LABEL.match(text)
        if lm is not None:
            pos = lm.end()
        label = _OUTCOME_LABEL.match(text, pos)
        if label is not None:
            pos = label.end()
        that = _THAT.match(text, pos)
        if that is not None:
            pos = that.end()
        found = _speaker_at(t, pos, self.roster, None)
        owner = found.speaker if found else None
        what = pos
        request = v["REQUEST_PASSIVE"].search(text, pos) or v["REQUEST_REPORT"].search(text, pos)
        due = _due_in(t, pos, len(text), self.meeting)
        if request is None and due is None:
            return
        if owner is None and addressee is not None:
            owner = Speaker(
                span=outcome.intro.span, kind=_addressee_kind(addressee), text=addressee, title=addressee
            )
        self.commit(CommitmentKind.REQUEST, t, 0, len(text), owner, what, due=due, in_outcome=True)

    # -- result ------------------------------------------------------------

    def exchanges(self) -> tuple[Exchange, ...]:
        out: list[Exchange] = []
        question: Statement | None = None
        first: Statement | None = None
        responses: list[Statement] = []

        def close() -> None:
            if question is not None and first is not None and responses:
                out.append(
                    Exchange(
                        span=Span(start=first.span.start, end=responses[-1].span.end),
                        question=question,
                        responses=tuple(responses),
                    )
                )

        for statement in self.statements:
            if statement.kind is StatementKind.RESPONSE:
                if question is not None:
                    responses.append(statement)
                continue
            if question is not None and not responses:
                # Two remarks before any answer: one question, the sharper of them.
                if question.kind is StatementKind.COMMENT and statement.kind is not StatementKind.COMMENT:
                    question = statement
                continue
            close()
            question, first, responses = statement, statement, []
        close()
        return tuple(out)


_THAT = rx.compile(r"(?:that|That|THAT)[:,]? ")
_POINT_LABEL = rx.compile(r"(?:\(?[0-9]{1,2}[.)]|\(?[a-z]{1,4}[.)]|[-•·▪●*–])\)? ")
_OUTCOME_LABEL = rx.compile(
    r"(?:RESOLVED|Resolved|RECOMMENDED|Recommended|AGREED|Agreed)(?: (?:that|THAT|to|TO))?[:,-–]* ?"
)
_ADDRESSEE = rx.compile(
    r"(?:recommend(?:ed|s|ations?)?|RECOMMENDED|RECOMMEND) to (?:the )?"
    r"((?:Cabinet|Council|Executive|Leader|Mayor|[A-Z][\w'-]*)"
    r"(?: (?:Member|for|of|and|&|[A-Z][\w',&-]*)){0,8})"
)


def _addressee_kind(text: str) -> SpeakerKind:
    low = text.casefold()
    if "cabinet member" in low or "portfolio" in low or "lead member" in low:
        return SpeakerKind.CABINET_MEMBER
    if "chair" in low:
        return SpeakerKind.CHAIR
    if re.search(r"officer|director|head|manager|clerk|executive$", low):
        return SpeakerKind.OFFICER
    if re.search(r"cabinet|council|committee|board|panel|executive|trust|partnership", low):
        return SpeakerKind.COMMITTEE
    return SpeakerKind.WITNESS


_DIGIT = rx.compile(r"[0-9]")
# How every REF_MEETING and REF_DOCUMENT match ends: a word after a space, before the date it
# reads.  The leading space lets the engine skip to each space rather than try every position.
_REF_END = rx.compile(r" (?:on|of|dated|from) (?=[0-9]|mon|tue|wed|thu|fri|sat|sun)", re.IGNORECASE)


def _name_after(text: str, pos: int, end: int) -> str | None:
    m = re.match(
        r" ?(?:by )?((?:(?:Councillor|Cllr\.?|Alderman|Mr|Mrs|Ms|Miss|Dr) )?"
        r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,3})",
        text[pos:end],
    )
    if m is None:
        return None
    name = m.group(1)
    # The full stop that ends the sentence is not the name's (an initial's is: "Councillor A.").
    if name.endswith(".") and not re.search(r"(?:^|[ .])[A-Z]\.$", name):
        name = name[:-1]
    return name


#: The proposer named before the verb: "Councillor A Example moved that …".
_NAME_BEFORE_MOVED = re.compile(
    r"((?:Councillor|Cllr\.?|Alderman|Mr|Mrs|Ms|Miss|Dr) [A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})"
    r" (?:moved|proposed)\b"
)


def _continues(prev: Vote, vote: Vote) -> bool:
    """Whether ``vote`` (a count or a result) ends the motion ``prev`` moved and seconded.

    Only when they are next to each other, ``prev`` has no count or result
    and ``vote`` names no proposer or seconder of its own.
    """
    return (
        0 <= vote.span.start - prev.span.end <= 2
        and (prev.proposer is not None or prev.seconder is not None)
        and prev.result is None
        and prev.votes_for is None
        and vote.proposer is None
        and vote.seconder is None
        and (vote.result is not None or vote.votes_for is not None)
    )


def _count(text: str, pattern: str) -> int | None:
    m = re.search(pattern, text, re.IGNORECASE)
    if m is None:
        return None
    return int(next(g for g in m.groups() if g is not None))


# ---------------------------------------------------------------------------
# Walking an item
# ---------------------------------------------------------------------------


def _prose_nodes(blocks: Iterable[Block]) -> Iterator[Paragraph | Point | PointList]:
    """Paragraphs and points in reading order; each point list is given before its points."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, PointList):
            yield block
            yield from _points(block.points)
        elif isinstance(block, BudgetProposal):
            yield from _prose_nodes(block.blocks)
        elif isinstance(block, Agreement):
            # An agreement is told as narrative: "Members agreed that the plan
            # would be monitored at every meeting" is read like any sentence.
            yield block.intro
            yield from block.body
            yield from _points(block.points)


def _owner_line(t: _Text, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The sentence, or two parts when it opens with a line "Action – Owner" and runs on below it.

    Printed without blank lines, "Action – Head of Parks" ends at its line's end
    though no full stop says so: the next line is the next sentence.
    """
    text = t.text
    if "ction" not in text[start : start + 12]:
        return ((start, end),)
    label = vocabulary()["ACTION_LABEL"].match(text, start, end)
    if label is None:
        return ((start, end),)
    at = label.end()
    while at < end and text[at] in "·•-–* ":
        at += 1
    om = _OWNER_WORDS.match(text, at, end)
    if om is None:
        return ((start, end),)
    cut = om.end()
    if cut >= end - 1 or text[cut] != " " or not text[cut + 1].isupper():
        return ((start, end),)
    line_end = t.raw.find("\n", t.offset(cut - 1) - t.base, t.offset(cut + 1) - t.base)
    if line_end < 0 and not text.startswith(("The ", "ACTION", "Action"), cut + 1):
        return ((start, end),)  # the owner's words run on into the sentence
    return ((start, cut), (cut + 1, end))


def _last_sentence(text: str) -> int:
    """Where the last sentence of folded text starts."""
    return max((start for start, _ in _sentences(text)), default=0)


def _points(points: Iterable[Point]) -> Iterator[Point]:
    for point in points:
        yield point
        yield from _points(point.points)


def _own_raw(node: Paragraph | Point, source: str) -> str:
    """The node's own source text: without its sub-points or trailing whitespace."""
    span = node.span
    end = node.points[0].span.start if isinstance(node, Point) and node.points else span.end
    return source[span.start : end].rstrip()


def _own_text(node: Paragraph | Point, source: str) -> _Text:
    return _Text(_own_raw(node, source), node.span.start)


def proceedings(
    item: AgendaItem, source: str, attendance: Attendance, meeting: datetime.date | None
) -> AgendaItem:
    """The item with its exchanges, stances, commitments, references and votes read from its text."""
    # Under a "Minutes:" label the record is the section; the agenda text above it says what the item was for.
    minutes = item.minutes
    if not any(s.kind is SectionKind.MINUTES for s in item.sections):
        # No "Minutes:" label: the record is wherever the item's text is, the
        # agenda part and any labelled section ("Additional documents:" then
        # the minutes' paragraphs, unlabelled, on a ModernGov page).
        minutes = (*item.agenda, *(b for s in item.sections for b in s.blocks))
    context = "\n".join([item.title, *(b.text for b in item.agenda if isinstance(b, Paragraph))])
    state = _Proceedings(_Roster(attendance, item.officers, context), meeting)
    label_at = label_start = -1  # where an action label ends the paragraph just read, if one does
    labelled: frozenset[int] = frozenset()  # the points of the list under that label
    for node in _prose_nodes(minutes):
        if isinstance(node, PointList):
            labelled = frozenset(id(p) for p in node.points) if label_at >= 0 else frozenset()
            label_at = -1
            continue
        if isinstance(node, Point) and id(node) in labelled:
            if len(labelled) == 1:
                # "Action:" over one point: the label and the point are one action.
                end = node.span.start + len(_own_raw(node, source))
                state.prose(_Text(source[label_start:end], label_start))
            else:
                state.labelled = True
                state.prose(_own_text(node, source))
                state.labelled = False
            continue
        own = _own_text(node, source)
        label_at = -1
        if isinstance(node, Paragraph):
            labelled = frozenset()
            last = _last_sentence(own.text)
            if "ction" in own.text[last:] and vocabulary()["ACTION_LABEL"].fullmatch(own.text, last):
                # "… Action:" closing a paragraph: what it labels is in the points below.
                label_at = label_start = own.offset(last)
                own = _Text(source[node.span.start : label_at].rstrip(), node.span.start)
        state.prose(own)
    replaced: dict[int, Outcome] = {}
    for outcome in item.outcomes():
        if isinstance(outcome, (Resolution, Recommendation, Decision)):
            new = state.outcome(outcome, source)
            if new is not outcome:
                replaced[id(outcome)] = new
        elif isinstance(outcome, Agreement):
            # Read as narrative above: its commitments belong to it, and the
            # first due date among them is the agreement's own.
            inside = [c for c in state.commitments if outcome.span.contains(c.span)]
            if inside:
                state.commitments = [
                    attrs.evolve(c, in_outcome=True) if c in inside else c for c in state.commitments
                ]
                due = next((c.due for c in inside if c.due is not None), None)
                if due is not None and outcome.due is None:
                    replaced[id(outcome)] = attrs.evolve(outcome, due=due)
    if replaced:
        item = _replace_outcomes(item, replaced)
    exchanges = state.exchanges()
    if not (exchanges or state.stances or state.commitments or state.references or state.votes):
        return item
    return attrs.evolve(
        item,
        exchanges=exchanges,
        stances=tuple(state.stances),
        commitments=tuple(sorted(state.commitments, key=lambda c: (c.span.start, c.span.end))),
        references=tuple(state.references),
        votes=tuple(state.votes),
    )


def _swap(blocks: tuple[Block, ...], replaced: dict[int, Outcome]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        if id(block) in replaced:
            out.append(replaced[id(block)])
        elif isinstance(block, BudgetProposal):
            out.append(attrs.evolve(block, blocks=_swap(block.blocks, replaced)))
        else:
            out.append(block)
    return tuple(out)


def _replace_outcomes(item: AgendaItem, replaced: dict[int, Outcome]) -> AgendaItem:
    return attrs.evolve(
        item,
        agenda=_swap(item.agenda, replaced),
        sections=tuple(attrs.evolve(s, blocks=_swap(s.blocks, replaced)) for s in item.sections),
    )
