"""The vocabulary of minutes: every phrase list, declared once, as data.

The phrases live in ``grammar/vocabulary/*.txt`` (one phrase per line, ``#``
comments; that folder's README says what each file holds and the flags a
phrase may carry).  Everything that needs those words is derived from them:

* the grammar's line terminals, through ``grammar/vocabulary.lark``, which
  :func:`render_lark` writes from the files (it is committed, so the shipped
  grammar stays loadable with plain ``Lark.open``; a test checks that it equals
  what the files give, and ``python -m scrutinykit.parsing.vocabulary --write``
  rewrites it);
* the Python classifiers that split a label from its words or tell an
  attendance list's role (:class:`Patterns`).

**The variant function.**  A phrase is written once; :func:`variants` gives its
other forms by one rule, so no list spells them out:

* case: as written, lower case, UPPER CASE, Sentence case (first letter
  capital) and Title Case (every word's first letter capital);
* a one-word phrase also letter-spaced in capitals: ``R E S O L V E D``;
* between words any run of spaces.

The flags narrow it: ``upper`` keeps only the UPPER CASE form; ``body`` puts
the phrase only after a body ("The Committee …", "It was …"), ``alone`` only
alone on its line (a heading), and ``open`` lets a label's words follow it
with no colon or dash.  What stands around a label is the same for every
phrase of a list and is written once, here: :data:`LEAD` (a preceding
"UNANIMOUSLY", from ``outcome-lead.txt``) and :data:`TAIL` (a following ``:``,
``:-``, ``-``, ``–``, ``that``, ``THAT:``).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from attrs import frozen

from .._errors import GrammarError
from . import patterns as rx

__all__ = [
    "ATTENDANCE_ROLES",
    "FLAGS",
    "LISTS",
    "LIST_ROLES",
    "OUTCOME_KINDS",
    "Gated",
    "Patterns",
    "Phrase",
    "Vocabulary",
    "load_vocabulary",
    "render_lark",
    "variants",
]

OUTCOME_KINDS = ("resolution", "recommendation", "conclusion", "agreement", "decision")
"""The outcome lists, each naming an outcome type."""

ATTENDANCE_ROLES = ("present", "apologies", "also-attending", "officers", "chair")
"""The attendance label lists, each naming a role."""

LIST_ROLES = ("co-optees", "substitutes", "absent")
"""Labels of further attendance lists, known to Python only: the grammar reads
their lines as paragraphs, and the attendance reader starts a list at them."""

LISTS = (
    *OUTCOME_KINDS,
    "outcome-lead",
    "bodies",
    *ATTENDANCE_ROLES,
    *LIST_ROLES,
    "closing",
    "purpose",
    "meeting-line",
    "item-page-meeting-line",
    "meeting-date-cue",
    "other-meeting",
    "meeting-body-label",
    "local-councils",
    "decision-verbs",
    "present-decision-verbs",
    "committees",
    "decision-makers",
    "agenda-marks",
    "forward-plan-marks",
    "committee-page-marks",
    "narrators",
    "narrating-verbs",
)
"""Every phrase list; each is the file ``<name>.txt`` of the vocabulary folder."""

FLAGS = frozenset({"upper", "body", "alone", "open"})
"""The flags a phrase may carry after `` |``."""

VOCABULARY_DIR = "vocabulary"
"""The vocabulary's folder inside the grammar folder."""

GENERATED_FILE = "vocabulary.lark"
"""The grammar file written from the vocabulary."""

#: The separators that may follow a label: ":-", ":", "-", "–", "—", ",".
SEPARATOR = r"(?::-|:|\u2013|\u2014|-|,)"



@frozen(kw_only=True)
class Phrase:
    """One phrase of a list, as written in its file."""

    words: tuple[str, ...]
    """The phrase's words, as written."""
    flags: frozenset[str] = frozenset()
    """Its flags (:data:`FLAGS`)."""


@frozen(kw_only=True)
class Vocabulary:
    """Every phrase list, read from one or more folders of phrase files."""

    lists: tuple[tuple[str, tuple[Phrase, ...]], ...]
    """``(name, phrases)`` for each list of :data:`LISTS`, in that order."""
    digest: str
    """A digest of the phrases: equal vocabularies have equal digests."""

    def phrases(self, name: str) -> tuple[Phrase, ...]:
        """The phrases of list ``name``."""
        for key, phrases in self.lists:
            if key == name:
                return phrases
        raise KeyError(name)


def _read(path: Path) -> list[Phrase]:
    phrases: list[Phrase] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GrammarError(f"cannot read the phrase file {path}: {exc}") from exc
    for number, raw in enumerate(lines, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        text, _, flag_text = line.partition("|")
        flags = frozenset(f.strip() for f in flag_text.split(",") if f.strip())
        unknown = flags - FLAGS
        if unknown:
            raise GrammarError(
                f"{path}:{number}: unknown flag {sorted(unknown)[0]!r} (known: {', '.join(sorted(FLAGS))})"
            )
        words = tuple(text.split())
        if not words:
            raise GrammarError(f"{path}:{number}: a flag with no phrase")
        phrases.append(Phrase(words=words, flags=flags))
    return phrases


def load_vocabulary(folder: Path, extra: Sequence[Path] = ()) -> Vocabulary:
    """The vocabulary of ``folder`` (a grammar's ``vocabulary/``), with the phrases of ``extra`` folders.

    Every list of :data:`LISTS` must have its file in ``folder``; an ``extra``
    folder may hold any of them, whose phrases are added to the list.

    :raises GrammarError: a file is missing or unreadable, a file of an extra
        folder names no list, or a phrase carries an unknown flag.
    """
    merged: dict[str, list[Phrase]] = {}
    for name in LISTS:
        path = folder / f"{name}.txt"
        if not path.is_file():
            raise GrammarError(f"the vocabulary has no {name}.txt in {folder}")
        merged[name] = _read(path)
    for more in extra:
        if not more.is_dir():
            raise GrammarError(f"the vocabulary folder {more} does not exist")
        for path in sorted(more.glob("*.txt")):
            if path.stem not in merged:
                raise GrammarError(
                    f"{path}: no phrase list is called {path.stem!r} (the lists: {', '.join(LISTS)})"
                )
            for phrase in _read(path):
                if phrase not in merged[path.stem]:
                    merged[path.stem].append(phrase)
    lists = tuple((name, tuple(merged[name])) for name in LISTS)
    digest = rx.sha256(repr(lists).encode()).hexdigest()[:16]
    return Vocabulary(lists=lists, digest=digest)


def _sentence(word: str) -> str:
    return word[:1].upper() + word[1:]


def variants(phrase: Phrase) -> tuple[tuple[str, ...], ...]:
    """The forms of ``phrase`` (as word tuples) by the variant rule of the module docstring.

    Letter-spaced forms are given as one word of spaced letters.
    """
    words = phrase.words
    if "upper" in phrase.flags:
        forms = [tuple(w.upper() for w in words)]
    else:
        forms = [
            words,
            tuple(w.lower() for w in words),
            tuple(w.upper() for w in words),
            (_sentence(words[0].lower()), *(w.lower() for w in words[1:])),
            (_sentence(words[0]), *words[1:]),
            tuple(_sentence(w.lower()) for w in words),
        ]
        if len(words) == 1 and len(words[0]) > 2 and words[0].isalpha():
            forms.append((" ".join(words[0].upper()),))
    seen: dict[tuple[str, ...], None] = {}
    for form in forms:
        seen.setdefault(form, None)
    return tuple(seen)


def _form_regex(form: tuple[str, ...]) -> str:
    return r"[ ]+".join(re.escape(w).replace(r"\ ", "[ ]") for w in form)


def _alternation(forms: Iterable[tuple[str, ...]]) -> str:
    pieces = sorted({_form_regex(f) for f in forms}, key=lambda p: (-len(p), p))
    if not pieces:
        return r"[^\s\S]"  # matches nothing, but is one character wide (Lark wants no empty terminal)
    return "(?:" + "|".join(pieces) + ")"


THAT = _alternation(variants(Phrase(words=("that",))))
"""The word "that" in every form the variant rule gives it ("that", "That", "THAT", "T H A T"): what
follows a label and opens an outcome's words.  The transformer and the proceedings read it from here."""

TAIL = (
    r"(?:[ ]*" + THAT + r"[ ]*(?=:|-|\u2013|\u2014))?[ ]*" + SEPARATOR + r"?[ ]*"
)
"""What may follow an outcome label and belongs to it: "that" when punctuation
follows it ("RESOLVED that:"), then a separator.  A "that" followed by words
opens the outcome's own words ("Resolved: That the report …")."""


def _in_line(forms: Iterable[tuple[str, ...]]) -> str:
    """A look-ahead: the rest of the line holds one of ``forms`` somewhere.

    One branch a form, each ``[^\\n]*`` and then the form: the form opens
    with a letter, so Python's engine runs to the line's end and steps back
    to each place that letter stands, in one tight loop.  A single
    ``[^\\n]*(?:…|…)`` tries the whole alternation at every character of the
    line, several times slower (``python -m benchmarks.stages``, terminals).
    It is one look-ahead, so the layout stage's cues still see a terminal
    that opens with it as one that finds its cue further along the line.
    """
    pieces = sorted({_form_regex(f) for f in forms}, key=lambda p: (-len(p), p))
    if not pieces:
        return r"(?=[^\s\S])"
    return "(?=" + "|".join(rf"[^\n]*{p}" for p in pieces) + ")"


def _phrase_set(phrases: Iterable[Phrase]) -> str:
    """Every form of every phrase, as one alternation."""
    return _alternation(f for p in phrases for f in variants(p))


def _line_marks(phrases: Iterable[Phrase]) -> str:
    """A pattern (:func:`_spec`) of phrases at the start of a line; ``alone`` phrases with nothing
    but a colon after them."""
    phrases = tuple(phrases)
    opening = _phrase_set(p for p in phrases if "alone" not in p.flags)
    alone = _phrase_set(p for p in phrases if "alone" in p.flags)
    return _spec(
        rf"^[ \t]*(?:{opening}(?:(?<=:)|\b)|{alone}[ ]*:?[ ]*$)",
        re.MULTILINE,
    )


def _select(phrases: Iterable[Phrase], *, keep: Iterable[str] = (), drop: Iterable[str] = ()) -> list[Phrase]:
    keep_set, drop_set = frozenset(keep), frozenset(drop)
    return [
        p for p in phrases if (not keep_set or p.flags & keep_set) and not (p.flags & drop_set)
    ]


def _no_lower(forms: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Forms that do not start with a lower-case letter (a label opens its line)."""
    return [f for f in forms if not f[0][:1].islower()]


class _Pieces:
    """The regular expressions the vocabulary gives, as pattern text."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        ph = vocab.phrases
        self.lead = _alternation(
            form for p in ph("outcome-lead") for form in variants(p) if not form[0][:1].islower()
        )
        self.lead_lower = _alternation(
            form for p in ph("outcome-lead") for form in variants(p) if form[0][:1].islower()
        )
        self.bodies = _alternation(
            form for p in ph("bodies") for form in variants(p) if not form[0].isupper() or len(form[0]) <= 3
        )
        self.label: dict[str, str] = {}
        self.upper: dict[str, str] = {}
        self.verb: dict[str, str] = {}
        self.heading: dict[str, str] = {}
        self.in_line: dict[str, str] = {}
        self.verb_forms: dict[str, list[tuple[str, ...]]] = {}
        for kind in OUTCOME_KINDS:
            phrases = ph(kind)
            label_forms = [
                f for p in _select(phrases, drop=("body", "alone")) for f in _no_lower(variants(p))
            ]
            upper_forms = [
                f
                for p in _select(phrases, drop=("body", "alone"))
                for f in variants(p)
                if f[0].isupper() and " " not in f[0]
            ]
            verb_forms = [
                f
                for p in _select(phrases, drop=("alone",))
                for f in variants(p)
                if f[0][:1].islower() or f[0].isupper()
            ]
            self.in_line[kind] = _in_line([*label_forms, *upper_forms, *verb_forms])
            self.label[kind] = _alternation(label_forms)
            self.upper[kind] = _alternation(upper_forms)
            self.verb[kind] = _alternation(verb_forms)
            self.verb_forms[kind] = verb_forms
            self.heading[kind] = _alternation(
                f for p in _select(phrases, keep=("alone",)) for f in _no_lower(variants(p))
            )
        self.any_label = _alternation(
            f
            for kind in OUTCOME_KINDS
            for p in _select(ph(kind), drop=("body",))
            for f in _no_lower(variants(p))
        )
        self.attendance_closed: dict[str, str] = {}
        self.attendance_open: dict[str, str] = {}
        for role in ATTENDANCE_ROLES:
            phrases = ph(role)
            self.attendance_closed[role] = _alternation(
                f for p in _select(phrases, drop=("open",)) for f in _no_lower(variants(p))
            )
            self.attendance_open[role] = _alternation(
                f for p in _select(phrases, keep=("open",)) for f in _no_lower(variants(p))
            )
        self.closing = _alternation(f for p in ph("closing") for f in _no_lower(variants(p)))
        # A purpose line is prose: "To receive …" as written (or in Sentence case),
        # never in Title Case ("To Receive Apologies" is an agenda heading itself).
        purpose_forms = [
            f for p in ph("purpose") for f in (p.words, (_sentence(p.words[0]), *p.words[1:]))
        ]
        self.purpose = _alternation(purpose_forms)
        self.purpose_first = _alternation(f[:1] for f in purpose_forms)
        # The labels of those who attended (not of apologies: "Apologies for absence"
        # alone on its line is as often an item's title).
        self.attendance_any = _alternation(
            f
            for role in ATTENDANCE_ROLES
            if role != "apologies"
            for p in ph(role)
            for f in _no_lower(variants(p))
        )
        self.meeting_line = _alternation(f for p in ph("meeting-line") for f in _no_lower(variants(p)))
        self.item_page_meeting_line = _alternation(
            f for p in ph("item-page-meeting-line") for f in _no_lower(variants(p))
        )

    def attendance(self, role: str) -> str:
        """A whole attendance label of ``role``, to the end of its words' line (pattern text)."""
        closed, opened = self.attendance_closed[role], self.attendance_open[role]
        return (
            rf"(?:{opened}\b|{closed}\b(?:[ ]*\([^()\n]{{0,40}}\))?[ ]*(?::-|:|\u2013|-))"
        )


_TERMINALS = (
    # name, comment, attribute path
    ("OUTCOME_LEAD", "a word before any outcome label: UNANIMOUSLY", "lead"),
    ("OUTCOME_LEAD_LOWER", "the same, in lower case, after a body", "lead_lower"),
    ("BODY_NOUN", "a body's noun: Committee, Panel …", "bodies"),
    ("OUTCOME_LABEL_ANY", "any outcome label at the start of a line", "any_label"),
    ("CLOSING_PHRASE", "what opens the closing line", "closing"),
    ("PURPOSE_VERB", "the words that open an item's purpose line", "purpose"),
    ("PURPOSE_FIRST", "the first word of a purpose line", "purpose_first"),
    ("ATTENDANCE_ANY", "the words of any label of those who attended", "attendance_any"),
    ("MEETING_LINE_PHRASE", "what opens the meeting's own line", "meeting_line"),
    ("ITEM_PAGE_MEETING", "the meeting line under an item page's banner", "item_page_meeting_line"),
)


def render_lark(vocab: Vocabulary) -> str:
    """The text of ``grammar/vocabulary.lark`` for ``vocab``."""
    pieces = _Pieces(vocab)
    out = [
        "// Generated from grammar/vocabulary/*.txt by `python -m scrutinykit.parsing.vocabulary --write`:",
        "// do not edit; edit the phrase files and run that command (a test checks the two agree).",
        "// Each terminal is a building block of a line terminal of minutes.lark.",
        "",
    ]

    def term(name: str, comment: str, pattern: str) -> None:
        out.append(f"// {comment}")
        out.append(f"{name}: /{pattern}/")
        out.append("")

    for name, comment, attr in _TERMINALS:
        term(name, comment, getattr(pieces, attr))
    for kind in OUTCOME_KINDS:
        up = kind.upper()
        term(f"{up}_WORD", f"a {kind} label at the start of a line ({kind}.txt)", pieces.label[kind])
        term(f"{up}_UPPER", f"a {kind} label in capitals, inside a line ({kind}.txt)", pieces.upper[kind])
        term(f"{up}_VERB", f"a {kind} verb after a body or 'It was' ({kind}.txt)", pieces.verb[kind])
        term(f"{up}_HEADING", f"a {kind} heading alone on its line ({kind}.txt)", pieces.heading[kind])
        term(
            f"{up}_IN_LINE",
            f"a look-ahead: a {kind} label or verb somewhere in the rest of the line ({kind}.txt)",
            pieces.in_line[kind],
        )
    for role in ATTENDANCE_ROLES:
        up = role.upper().replace("-", "_")
        term(f"{up}_WORDS", f"an attendance label: {role} ({role}.txt)", pieces.attendance(role))
    term("LABEL_TAIL", "what may follow an outcome label: that:, :-, :, -, –", TAIL)
    return "\n".join(out).rstrip("\n") + "\n"


class Gated:
    """A pattern searched for only in texts that hold one of its words.

    Python's engine has no quick way to skip ahead to an alternation of
    words: it tries the alternation at every character (about 10 ns each).
    A text's ``in`` test for each phrase's first word is a C substring
    search, several times quicker, and every match of the pattern holds one
    of them, so a text without any is not searched at all.
    """

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], forms: Iterable[tuple[str, ...]]) -> None:
        self.pattern = pattern
        self.words = tuple(sorted({form[0] for form in forms}))
        """The first word of every form the pattern opens with (letter-spaced forms as spaced)."""

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's first match in ``text``, or None."""
        for word in self.words:
            if word in text:
                return self.pattern.search(text)
        return None


_PAGE_FAMILIES = ("agenda", "forward-plan", "committee-page")
"""The families of page marks (``<family>-marks.txt``), in :attr:`Patterns.page_marks` order."""


def _spec(source: str, flags: int = 0) -> str:
    """A pattern of :func:`_sources`: its source and flags, as JSON."""
    return json.dumps([source, int(flags)])


def _gated(source: str, forms: Iterable[tuple[str, ...]]) -> str:
    """A :class:`Gated` pattern of :func:`_sources`: its source, no flags and its words, as JSON."""
    return json.dumps([source, 0, sorted({form[0] for form in forms})])


def _sources(vocab: Vocabulary) -> dict[str, str]:
    """The pattern text of every :class:`Patterns` attribute of ``vocab`` (``_spec`` JSON), by name.

    The page marks are under ``page_marks:<family>``.  The table of the shipped
    vocabulary is kept in the pattern store (:func:`default_patterns`).
    """
    out: dict[str, str] = {}
    p = _Pieces(vocab)
    body = rf"(?:(?:The|the|This|this)[ ]+)?(?:[A-Z][A-Za-z&'-]*[ ]+){{0,5}}?{p.bodies}"
    labels = "|".join(p.label[k] for k in OUTCOME_KINDS)
    verbs = "|".join(p.verb[k] for k in OUTCOME_KINDS)
    headings = "|".join(p.heading[k] for k in OUTCOME_KINDS)
    out["body"] = _spec(body)
    out["body_name"] = _spec(rf"({p.bodies})\s*$")
    out["agreeing_body"] = _spec(
        r"(?:(?:Accordingly|Therefore|Thereafter|After discussion|Following (?:discussion|debate)) ?, ?)?"
        rf"(?:(?:The|the|This|this) )?(?:[A-Z][A-Za-z&'-]* ){{0,5}}?({p.bodies})\b"
    )
    # "It was agreed and resolved", "was resolved" (its "it" lost): the resolution's label.
    agreed_and = rf"(?:(?:{p.verb['agreement']})[ ]+and[ ]+(?={p.verb['resolution']}))?"
    out["outcome_label"] = _spec(
        rf"(?P<body>{body}[ ]+)?(?:(?:[Ii]t[ ]+)?was[ ]+)?(?:(?:{p.lead}|{p.lead_lower})[ ]+)?"
        rf"{agreed_and}(?:{labels}|{verbs}|{headings})\b{TAIL}"
    )
    # A resolution told in a sentence of prose, found once its lines are joined
    # ("All Councillors approved and it was" / "resolved Councillor A sign …",
    # "after discussion it was" / "resolved to …"); without its "it", only before
    # "that" or "to" and a verb ("the matter was resolved" is not a resolution).
    out["narrated_resolved"] = _spec(
        rf"(?:(?<=\s)|^)(?:(?:it|It)\s+was\s+(?:{p.lead_lower}\s+)?"
        rf"(?:(?:{p.verb['agreement']})\s+and\s+)?(?:{p.verb['resolution']})\b"
        rf"|was\s+(?:{p.verb['resolution']})\s+(?:that\b|to\s+(?!the\b)[a-z]))"
    )
    # Its verb alone, which every match holds: a quick test of a whole paragraph
    # first (the pattern above has no literal start to skip ahead by), itself
    # searched only in a text that holds one of its words.
    out["resolution_verb"] = _gated(rf"(?:{p.verb['resolution']})\b", p.verb_forms["resolution"])
    # An agreement's own label before what was agreed: "AGREED that …", "Members
    # agreed that …", "It was agreed: …", "The Committee agreed to …" (the "to"
    # stays with what was agreed), "iv) It was agreed that …" (a point's label).
    agreed = f"(?:{p.label['agreement']}|{p.verb['agreement']})"
    out["agreement_label"] = _spec(
        rf"(?P<label>(?:[\w'&,.()-]+[ ]+){{0,6}}?{agreed}(?:[ ]+(?:{p.lead}|{p.lead_lower}))?)[ ]*"
        r"(?:(?P<that>THAT|That|that)\b[ ]*(?::-|:|\u2013|\u2014|-|,)?|(?::-|:|\u2013|\u2014|-)|(?=to\b))"
        r"[ ]*(?=\S)"
    )
    # A line that decides (the first line of a Decision: block): "That …", a label,
    # or a body or office-holder that noted, agreed, approved … in either tense.
    decided = "|".join(p.label[k] for k in ("resolution", "decision", "agreement"))
    makers = _phrase_set(vocab.phrases("decision-makers"))
    verbs = _alternation(tuple(q.words) for q in vocab.phrases("decision-verbs"))
    out["decides"] = _spec(
        rf"(?:That|THAT|{decided})\b"
        rf"|(?:(?:The|the) )?(?:[A-Z][A-Za-z&'-]* ){{0,5}}?(?:{p.bodies}|{makers})\b"
        rf"[^.\n]{{0,60}}?\b{verbs}\b"
    )
    # A body's present-tense sentence of deciding opens a paragraph: the decision
    # itself, its label lost ("The Committee notes the report and asks that …").
    present = _alternation(tuple(q.words) for q in vocab.phrases("present-decision-verbs"))
    present_bodies = _phrase_set(vocab.phrases("committees"))
    out["present_decision"] = _spec(rf"(?:The|This)[ ]+{present_bodies}[ ]+{present}\b")
    # The lines that mark a page of another kind (build/detect.py), each family
    # at the start of a line; "| alone" marks stand alone on theirs.
    for family in _PAGE_FAMILIES:
        out[f"page_marks:{family}"] = _line_marks(vocab.phrases(f"{family}-marks"))
    # A body narrates with its capital ("The Committee resolved", not a news item's
    # "the committee resolved"); the narrators list has the pronouns in either case.
    narrators = _alternation(
        [
            *(f for q in vocab.phrases("bodies") for f in _no_lower(variants(q))),
            *(f for q in vocab.phrases("narrators") for f in variants(q)),
        ]
    )
    narrated = _phrase_set(vocab.phrases("narrating-verbs"))
    out["narration"] = _spec(
        rf"\b{narrators}[ ]+(?:(?:had|also|then|further|unanimously)[ ]+)?{narrated}\b"
        r"|\b(?:There|there)[ ]+(?:was|were)[ ]+no\b"
        rf"|\b(?:It|it)[ ]+was[ ]+{narrated}\b"
    )
    out["inline_resolved"] = _spec(
        rf"(?:(?<=[ ])|^)(?:(?:it|It)[ ]+was[ ]+(?:{p.lead_lower}[ ]+)?(?:{p.verb['resolution']}"
        rf"|{p.label['resolution']})\b|(?:{p.lead}[ ]+)?{p.upper['resolution']}\b"
        rf"|(?:{p.label['resolution']}|{p.verb['resolution']})[ ]*:-?[ ]*$)"
    )
    # An agreement's verb inside a sentence of prose ("… and unanimously agreed to …",
    # "… was unanimously approved"), lower case or capitals, perhaps after a lead word.
    out["agreement_verb"] = _spec(
        rf"(?:(?:{p.lead_lower}|{p.lead})\s+)?(?:{p.verb['agreement']})\b"
    )
    # The verb without its optional lead word: found in a text exactly when the
    # pattern above is, and searched far quicker (a test of a whole paragraph).
    out["agreement_verb_alone"] = _gated(rf"(?:{p.verb['agreement']})\b", p.verb_forms["agreement"])
    out["heading_outcome"] = _spec(
        rf"[ ](?:\u2013|\u2014|-)[ ]+(?P<label>(?:{p.lead}[ ]+)?{p.label['resolution']})\b"
    )
    # Words anywhere in a line, in any case at all ("Minute of Meeting of the").
    out["meeting_date_cue"] = _spec(
        rf"\b{_phrase_set(vocab.phrases('meeting-date-cue'))}\b", re.IGNORECASE
    )
    out["other_meeting"] = _spec(rf"\b{_phrase_set(vocab.phrases('other-meeting'))}\b", re.IGNORECASE)
    # A label whose value is the meeting's body ("Decision Maker: …"), at the start of a line.
    out["meeting_body_label"] = _spec(
        rf"{_phrase_set(vocab.phrases('meeting-body-label'))}[ ]*:[ ]*", re.IGNORECASE
    )
    # A council that meets as one body, at the end of a name ("Holloway Vale Town Council").
    out["local_council"] = _spec(rf"\b{_phrase_set(vocab.phrases('local-councils'))}$", re.IGNORECASE)
    # A body's noun in any case, for reading a committee's name out of a line.
    out["body_noun"] = _spec(rf"\b{_phrase_set(vocab.phrases('bodies'))}\b", re.IGNORECASE)
    # Where an items-table row's title stops: its report link, "(Report to
    # follow)", a section label, or its purpose line ("… To receive …").
    out["row_title_end"] = _spec(
        r"[ ]+(?:(?:pdf icon[ ]+)?PDF[ ]+\d|\(Report|(?:Minutes|Recommendations?|Decision)[ ]*:"
        rf"|(?:Additional|Supporting|Background)[ ]+documents[ ]*:|(?:{p.purpose})\b)"
    )
    out["body_dash"] = _spec(rf"{p.bodies}(?:[ ]+[^ \n]+){{0,3}}?[ ]*(?:-|\u2013|\u2014)[ ]*$")
    # An attendance label inside a paragraph ("…COMMITTEE.  Present:- …", "… IN ATTENDANCE: …"),
    # one group per role: a label of any role's file, then a colon.
    out["attendance_inline"] = _spec(
        r"(?:(?<=^)|(?<=\s))(?:"
        + "|".join(
            rf"(?P<{role.replace('-', '_')}>{p.attendance_closed[role]}|{p.attendance_open[role]})"
            for role in ATTENDANCE_ROLES
        )
        + "".join(
            rf"|(?P<{role.replace('-', '_')}>"
            rf"{_alternation(_no_lower(f for q in vocab.phrases(role) for f in variants(q)))})"
            for role in LIST_ROLES
        )
        + r")[ ]*:-?\s+"
    )
    # Every attendance label (of the grammar's roles and the Python-only lists), in any
    # case, alone on its line or before a colon: a list of its own starts at it inside
    # a block ("Co-opted Members:", "Substitutes:"), one group per role.
    everyone = (*ATTENDANCE_ROLES, *LIST_ROLES)
    out["attendance_label"] = _spec(
        r"^\s*(?:"
        + "|".join(
            rf"(?P<{role.replace('-', '_')}>{_phrase_set(vocab.phrases(role))})" for role in everyone
        )
        + r")\s*(?:\([^)]{0,40}\)\s*)?(?P<colon>:-?|\Z)\s*",
        re.IGNORECASE,
    )
    # Two labels on one line, as two columns of names flattened into lines give them
    # ("PRESENT        IN ATTENDANCE"): the list each column starts.
    any_label = "|".join(_phrase_set(vocab.phrases(role)) for role in everyone)
    out["attendance_two_labels"] = _spec(
        rf"[ \t\u00a0]{{0,20}}(?P<a>{any_label})[ \t]{{0,3}}(?::-?)?[ \t\u00a0]{{3,120}}"
        rf"(?P<b>{any_label})[ \t]{{0,3}}(?::-?)?\s{{0,20}}\Z",
        re.IGNORECASE,
    )
    out["attendance_roles"] = _spec(
        "|".join(
            rf"(?P<{role.replace('-', '_')}>{p.attendance_closed[role]}|{p.attendance_open[role]})\b"
            for role in ATTENDANCE_ROLES
        )
    )
    return out


class Patterns:
    """The compiled Python patterns the vocabulary gives to the transformer and the readers."""

    def __init__(self, vocab: Vocabulary) -> None:
        """The patterns of ``vocab``."""
        self._make(_sources(vocab))

    @classmethod
    def of_sources(cls, sources: dict[str, str]) -> Patterns:
        """The patterns of a table :func:`_sources` gave."""
        made = cls.__new__(cls)
        made._make(sources)
        return made

    def _make(self, sources: dict[str, str]) -> None:
        table = {name: json.loads(value) for name, value in sources.items()}

        def made(name: str) -> re.Pattern[str]:
            source, flags = table[name][:2]
            return rx.compile(source, flags)

        def gated(name: str) -> Gated:
            return Gated(made(name), [(word,) for word in table[name][2]])

        self.body = made("body")
        self.body_name = made("body_name")
        self.agreeing_body = made("agreeing_body")
        self.outcome_label = made("outcome_label")
        self.narrated_resolved = made("narrated_resolved")
        self.resolution_verb = gated("resolution_verb")
        self.agreement_label = made("agreement_label")
        self.decides = made("decides")
        self.present_decision = made("present_decision")
        self.page_marks = tuple((family, made(f"page_marks:{family}")) for family in _PAGE_FAMILIES)
        self.narration = made("narration")
        self.inline_resolved = made("inline_resolved")
        self.agreement_verb = made("agreement_verb")
        self.agreement_verb_alone = gated("agreement_verb_alone")
        self.heading_outcome = made("heading_outcome")
        self.meeting_date_cue = made("meeting_date_cue")
        self.other_meeting = made("other_meeting")
        self.meeting_body_label = made("meeting_body_label")
        self.local_council = made("local_council")
        self.body_noun = made("body_noun")
        self.row_title_end = made("row_title_end")
        self.body_dash = made("body_dash")
        self.attendance_inline = made("attendance_inline")
        self.attendance_label = made("attendance_label")
        self.attendance_two_labels = made("attendance_two_labels")
        self.attendance_roles = made("attendance_roles")


@cache
def patterns(vocab: Vocabulary) -> Patterns:
    """The compiled patterns of ``vocab``, made once per vocabulary."""
    return Patterns(vocab)


@cache
def default_vocabulary() -> Vocabulary:
    """The vocabulary that ships with scrutinykit (its grammar folder's phrase files)."""
    from .loader import grammar_dir

    return load_vocabulary(grammar_dir() / VOCABULARY_DIR)


@cache
def default_patterns() -> Patterns:
    """The compiled patterns of :func:`default_vocabulary`.

    Their pattern text (:func:`_sources`) is kept in the pattern store under a
    digest of the phrase files and of this module's code (the file written at
    install has it), so a process whose store has it reads no phrase file.
    """
    from .loader import grammar_dir

    key = _sources_key(grammar_dir() / VOCABULARY_DIR)
    if key is None:  # a phrase file cannot be read: the vocabulary says why
        return patterns(default_vocabulary())
    return Patterns.of_sources(rx.store().derived(key, lambda: _sources(default_vocabulary())))


def _sources_key(folder: Path) -> str | None:
    """What :func:`_sources` of ``folder``'s vocabulary depends on: its phrase files and this module."""
    digest = rx.sha256(Path(__file__).read_bytes())
    try:
        for name in LISTS:
            digest.update(f"{name}\0".encode())
            digest.update((folder / f"{name}.txt").read_bytes())
            digest.update(b"\0")
    except OSError:
        return None
    return f"vocabulary-patterns:{digest.hexdigest()}"


def patterns_for(folders: Sequence[Path]) -> Patterns:
    """The compiled patterns of the shipped vocabulary with the phrases of ``folders`` added."""
    if not folders:
        return default_patterns()
    from .loader import grammar_dir

    return patterns(load_vocabulary(grammar_dir() / VOCABULARY_DIR, tuple(Path(f) for f in folders)))


def _main(argv: Sequence[str]) -> int:
    from .loader import grammar_dir

    folder = grammar_dir()
    text = render_lark(load_vocabulary(folder / VOCABULARY_DIR))
    target = folder / GENERATED_FILE
    if "--write" in argv:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
