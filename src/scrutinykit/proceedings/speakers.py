"""Speakers: who a sentence or clause is about, resolved to the meeting's people.

Reads: the words a sentence or clause starts with (after a lead word such as
"However," and before an adverb such as "also"), matched against the
``SPEAKER_*`` terminals of ``grammar/proceedings.lark`` ("Councillor
Example", "the Cabinet Member for Parks", "the Head of Street Scene",
"Members", "she"), longest phrase first.  Guarantees: a :class:`Speaker`
with its kind, its words as written, a span into the source, and the name,
title and portfolio of the person on the meeting's lists (:class:`Roster`)
when exactly one person fits — never a guess between two; a pronoun stands
for the last speaker named, and gives nothing before one.  Every other rule
finds its subjects through :func:`subject` and :func:`clause_speaker`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from .._model import Attendance, AttendanceKind, Person, Speaker, SpeakerKind
from ..parsing import patterns as rx
from .terminals import cased, lowered, vocabulary
from .text import Text

__all__ = [
    "ANSWER_SIDE",
    "CAPITAL",
    "MEMBER_SIDE",
    "OWNER_WORDS",
    "SPEAKER_KINDS",
    "Found",
    "Roster",
    "clause_speaker",
    "lead_end",
    "speaker_at",
    "strip_article",
    "subject",
]


SPEAKER_KINDS: tuple[tuple[str, SpeakerKind], ...] = (
    ("SPEAKER_NAMED", SpeakerKind.MEMBER),
    ("SPEAKER_CABINET", SpeakerKind.CABINET_MEMBER),
    ("SPEAKER_CHAIR", SpeakerKind.CHAIR),
    ("SPEAKER_CO_OPTEE", SpeakerKind.CO_OPTEE),
    ("SPEAKER_OFFICER", SpeakerKind.OFFICER),
    ("SPEAKER_MEMBER", SpeakerKind.MEMBER),
    ("SPEAKER_COMMITTEE", SpeakerKind.COMMITTEE),
    ("SPEAKER_WITNESS", SpeakerKind.WITNESS),
)
"""The terminal of each kind of speaker, in the order tried: the longest match wins, the first of equals."""
MEMBER_SIDE = frozenset({SpeakerKind.MEMBER, SpeakerKind.CHAIR, SpeakerKind.CO_OPTEE, SpeakerKind.COMMITTEE})
"""The speakers who scrutinise: they ask, comment, challenge and request."""
ANSWER_SIDE = frozenset({SpeakerKind.OFFICER, SpeakerKind.CABINET_MEMBER, SpeakerKind.WITNESS})
"""The speakers who are scrutinised: they answer and undertake."""


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


# The first word of each lead phrase: a lead word matches only where the text's
# first word (up to a space or a comma), lower-cased, is one of these.
_LEAD_TOKENS = frozenset(word.split(" ")[0] for word in _LEAD_WORDS.split("|"))
_LEAD_TOKEN_MAX = max(map(len, _LEAD_TOKENS))


def lead_end(text: str, pos: int) -> int:
    """Where ``_LEAD`` matched at ``pos`` ends (it always matches, maybe empty)."""
    c = text[pos : pos + 1]
    if c.isascii() and c not in _LEAD_FIRST:
        return pos
    head = text[pos : pos + _LEAD_TOKEN_MAX + 1]
    if head.isascii():
        cut = head.find(" ")
        comma = head.find(",")
        if comma >= 0 and (cut < 0 or comma < cut):
            cut = comma
        if cut < 0 or head[:cut].lower() not in _LEAD_TOKENS:
            return pos  # no lead word ends this first word with a comma or a space
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
    """The words of a person's description, as :meth:`Roster.by_office` compares them."""
    return frozenset(description.casefold().replace(",", " ").split())


@functools.lru_cache(maxsize=4096)
def _letter_words(text: str) -> frozenset[str]:
    """The runs of letters of ``text`` casefolded, as :meth:`Roster.cabinet` compares them."""
    return frozenset(_LETTER_WORDS.findall(text.casefold()))


class Roster:
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
        self._names: tuple[dict[tuple[str, ...], Person], dict[str, Person]] | None = None
        self._offices: dict[str, Person | None] = {}

    def by_name(self, words: str) -> Person | None:
        """The first person whose name ends with ``words`` (any case), or holds it when it is one word."""
        folded = tuple(words.casefold().split())
        if not folded:
            return None
        if self._names is None:  # the names indexed once per item, not scanned on every lookup
            endings: dict[tuple[str, ...], Person] = {}
            holding: dict[str, Person] = {}
            for person in self.people:
                name = tuple(person.name.casefold().split())
                for k in range(1, len(name) + 1):
                    endings.setdefault(name[-k:], person)
                for word in name:
                    holding.setdefault(word, person)
            self._names = endings, holding
        endings, holding = self._names
        # One word: the first name holding it (a name ending with it holds it too).
        return holding.get(folded[0]) if len(folded) == 1 else endings.get(folded)

    def by_office(self, title: str) -> Person | None:
        """The one person whose description is ``title`` (any case, "the" aside), else holds all its words.

        Answered once per title and item: a title recurs through an item's minutes.
        """
        if title in self._offices:
            return self._offices[title]
        person = self._by_office(title)
        self._offices[title] = person
        return person

    def _by_office(self, title: str) -> Person | None:
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


class Found(NamedTuple):
    speaker: Speaker
    end: int


@functools.lru_cache(maxsize=1)
def _speaker_start() -> re.Pattern[str]:
    """The pronoun, then each speaker terminal in :data:`SPEAKER_KINDS`' order, in one pattern.

    It fails where each of them fails: one call rules out a clause start
    with no speaker (about half of them) instead of nine.  Where it
    matches, its group ``s<i>`` names the first of them that matches there
    (an alternation takes the first alternative that matches, and nothing
    follows it), so the ones before it need not be tried again.
    """
    v = vocabulary()
    names = ["SPEAKER_PRONOUN", *(name for name, _ in SPEAKER_KINDS)]
    return rx.compile("|".join(f"(?P<s{i}>{v[name].pattern})" for i, name in enumerate(names)))


@functools.lru_cache(maxsize=1)
def _speaker_start_cased() -> re.Pattern[str] | None:
    """:func:`_speaker_start` with each letter's cases spelled out (:func:`.terminals.cased`), for ASCII text.

    On ASCII text it matches as the union does, with the same group, about a
    quarter quicker; None if a terminal cannot be written so.
    """
    v = vocabulary()
    names = ["SPEAKER_PRONOUN", *(name for name, _ in SPEAKER_KINDS)]
    parts = [cased(v[name].pattern) for name in names]
    if any(part is None for part in parts):
        return None
    return rx.compile("|".join(f"(?P<s{i}>{part})" for i, part in enumerate(parts)))


@functools.lru_cache(maxsize=1)
def _later_lowered() -> dict[str, re.Pattern[str] | None]:
    """Each speaker terminal made case-sensitive for lower-cased ASCII text (:func:`.terminals.lowered`)."""
    v = vocabulary()
    return {terminal: lowered(v[terminal]) for terminal, _ in SPEAKER_KINDS}


def speaker_phrase(text: str, pos: int, low: str | None = None) -> tuple[int, SpeakerKind | None] | None:
    """Where the speaker phrase at ``pos`` ends and its kind (None: the pronoun), or None.

    The pronoun when it matches; otherwise the longest match of the speaker
    terminals, the earlier in :data:`SPEAKER_KINDS` of two as long.  ``low``,
    when given, is ``text`` lower-cased and ASCII: the later terminals are
    tried on it where they can be (the same spans).
    """
    if pos >= len(text):
        return None
    union = _speaker_start_cased() if text.isascii() else None
    m = (union or _speaker_start()).match(text, pos)
    if m is None:
        return None
    assert m.lastgroup is not None  # every alternative is a named group
    first = int(m.lastgroup[1:])
    if first == 0:
        return m.end(), None
    v = vocabulary()
    quick = _later_lowered() if low is not None else {}
    best: tuple[int, SpeakerKind] = (m.end(), SPEAKER_KINDS[first - 1][1])
    for terminal, kind in SPEAKER_KINDS[first:]:  # only a longer match of a later terminal wins
        pattern = quick.get(terminal)
        later = v[terminal].match(text, pos) if pattern is None or low is None else pattern.match(low, pos)
        if later is not None and later.end() > best[0]:
            best = (later.end(), kind)
    return best


def speaker_at(t: Text, pos: int, roster: Roster, last: Speaker | None) -> Found | None:
    """The speaker named at ``pos`` of the folded text, longest phrase first (the earlier of two as long).

    What is read at a position is kept on ``t`` (``t.speakers``) with the
    roster it was resolved by: a sentence start is read again as a clause
    start by the later rules, and only a pronoun, which stands for ``last``,
    is made anew.
    """
    known = t.speakers.get(pos)
    if known is not None and known[0] is roster:
        found: Found | None = known[1]
        if found is not None or known[2] is None:
            return found
        return _pronoun(t, pos, known[2], last)
    found, pronoun_end = _speaker_at(t, pos, roster)
    t.speakers[pos] = (roster, found, pronoun_end)
    if pronoun_end is None:
        return found
    return _pronoun(t, pos, pronoun_end, last)


def _pronoun(t: Text, pos: int, end: int, last: Speaker | None) -> Found | None:
    """The pronoun at ``t.text[pos:end]``: the last speaker named, at the pronoun's place."""
    if last is None:
        return None
    return Found(attrs.evolve(last, span=t.span(pos, end), text=t.text[pos:end]), end)


def _speaker_at(t: Text, pos: int, roster: Roster) -> tuple[Found | None, int | None]:
    """The speaker named at ``pos`` and None, or None and where a pronoun there ends (None: no pronoun)."""
    text = t.text
    phrase = speaker_phrase(text, pos, t.ascii_lower())
    if phrase is None:
        return None, None
    end, found_kind = phrase
    phrase_end = end
    if found_kind is None:  # the pronoun
        return None, end
    kind: SpeakerKind = found_kind
    v = vocabulary()
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
            title = strip_article(text[pos:end])
    elif kind is SpeakerKind.OFFICER:
        m = _OFFICE.match(text, end)
        if m is not None and m.end() > end:
            end = m.end()
        title = strip_article(text[pos:end])
        if lower.rstrip("s") in ("officer", "the officer"):
            title = None
        else:
            person = roster.by_office(title)
    elif kind is SpeakerKind.CHAIR:
        person = roster.chair()
        title = strip_article(words)
    elif kind is SpeakerKind.CO_OPTEE:
        person = roster.co_optee(words)
        title = strip_article(words)
    elif kind is SpeakerKind.WITNESS:
        title = strip_article(words)
    if kind is SpeakerKind.MEMBER and v["SPEAKER_NAMED"].match(text, pos) is not None and phrase_end == end:
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
    return Found(speaker, end), None


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


def strip_article(words: str) -> str:
    return _ARTICLE.sub("", words)


def subject(t: Text, start: int, roster: Roster, last: Speaker | None) -> tuple[Found | None, int]:
    """The speaker a sentence or clause starts with, and where its verb should be."""
    pos = lead_end(t.text, start)
    found = speaker_at(t, pos, roster, last)
    if found is None:
        return None, pos
    after = found.end
    app = _APPOSITIVE.match(t.text, after) if t.text.startswith(", ", after) else None
    if app is not None:
        after = app.end()
    if after < len(t.text) and t.text[after] == " ":
        after += 1
    return found, _adverb_end(t.text, after)


CAPITAL = "[A-ZÀ-ÖØ-Þ]"
"""A capital letter, accented ones too ("Ó Dochartaigh")."""
OWNER_WORDS = rx.compile(
    rf"((?:The |the )?(?:{CAPITAL}\.[ ]?){{0,3}}{CAPITAL}[\w'&()-]*"
    rf"(?: (?!The |Action|ACTION)(?:of |for |and |& )?(?:{CAPITAL}|\()[\w'&()-]*){{0,6}})"
)
"""An owner the vocabulary does not know: capitalised words, initials kept with
the name ("J. Clerk", "A.B. Example", "H.F. Ó Example")."""

_CLAUSE_START = rx.compile(r"(?:, | and | but | while | whilst |; )")


def clause_speaker(
    t: Text, start: int, verb_at: int, roster: Roster, last: Speaker | None
) -> tuple[Found | None, int]:
    """The speaker right before a verb at ``verb_at``: the clause's subject."""
    window = max(start, verb_at - 160)
    clauses = [start, *(m.end() for m in _CLAUSE_START.finditer(t.text, window, verb_at))]
    # The last clause start first; an earlier one when the speaker's own words
    # hold the "and" ("The Cabinet Member for Parks and Leisure undertook").
    for clause in reversed(clauses):
        found, after = subject(t, clause, roster, last)
        if found is not None and after >= verb_at - 1:
            return found, clause
    return None, clauses[-1]
