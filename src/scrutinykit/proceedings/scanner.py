"""Proceedings: who asked, who answered, who must act, and by when — the driver that runs the rules.

The vocabulary lives in ``grammar/proceedings.lark`` as documented terminals
(``ASK_OPENER``, ``RESPONSE_VERB``, ``UNDERTAKING_VERB``, ``DUE_MEETING`` …),
compiled once by :mod:`.terminals`.  Each kind of proceeding is read by a
rule module of its own, beside this one:

* :mod:`.speakers` — who a sentence or clause is about, resolved to the people;
* :mod:`.actions` — "Action: Owner to …", "Owner to …", "Owner will …";
* :mod:`.exchanges` — questions, answers and comments, and their pairing;
* :mod:`.stances` — concern, challenge, welcome, reassurance, doubt;
* :mod:`.undertakings` — "The Head of Service undertook to …";
* :mod:`.requests` — "Members asked for … to be circulated";
* :mod:`.references` — "the meeting held on 3 March 2025", "the report dated …";
* :mod:`.votes` — proposer, seconder, counts and result;
* :mod:`.outcomes` — a resolution's addressee, due time and requested reports;
* :mod:`.due` — when: "by 31 May", "within four weeks", "at every meeting";

with :mod:`.text` (folded text mapped back to the source, sentences, the
rules' trigger words), :mod:`.triggers` (which trigger words a paragraph
holds) and :mod:`.state` (what one item's reading keeps) shared by all.  This module
walks an item's paragraphs and points in reading order, cuts each into
sentences once, and runs the rules over each sentence in a fixed order
(:func:`_sentence`); then the item's outcomes (:mod:`.outcomes`).  What
they find are *annotations* — :class:`~scrutinykit.Exchange`,
:class:`~scrutinykit.Stance`, :class:`~scrutinykit.Commitment`,
:class:`~scrutinykit.Reference`, :class:`~scrutinykit.Vote` — each with a
span into the original source; the text nodes keep owning their characters.

Every scan is linear in the sentence: the patterns are tried at a sentence
or clause start (``match``) or searched once, and a search is skipped
outright when none of its trigger words is in the sentence.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

import attrs

from .._model import (
    AgendaItem,
    Agreement,
    Attendance,
    Block,
    BudgetProposal,
    Paragraph,
    Point,
    PointList,
    SectionKind,
)
from ..parsing.vocabulary import Patterns, default_patterns
from .actions import (
    WILL_TRIGGERS,
    agreed_action,
    clause_action,
    labelled_action,
    owner_line,
    owner_to_action,
    trailing_label,
    will_action,
)
from .due import find_due
from .exchanges import ASK_TRIGGERS, RESPONSE_TRIGGERS, pair, settle, statement
from .outcomes import read_outcomes
from .references import REFERENCE_TRIGGERS, reference
from .requests import REQUEST_TRIGGERS, request
from .speakers import Roster, subject
from .stances import EVERY_STANCE, STANCE_TRIGGERS, stances
from .state import State
from .terminals import PROCEEDINGS_GRAMMAR, vocabulary
from .text import Text, Triggers, sentences
from .triggers import TriggerIndex
from .undertakings import UNDERTAKING_TRIGGERS, undertaking
from .votes import VOTE_TRIGGERS, vote

__all__ = ["PROCEEDINGS_GRAMMAR", "find_due", "proceedings", "vocabulary"]


def proceedings(
    item: AgendaItem,
    source: str,
    attendance: Attendance,
    meeting: datetime.date | None,
    vocab: Patterns | None = None,
) -> AgendaItem:
    """The item with its exchanges, stances, commitments, references and votes read from its text.

    ``vocab`` is the document's vocabulary (``parse(..., vocabulary=DIR)``), the
    one that ships when None: the rules that need its words (the bodies) take them from it.
    """
    # Under a "Minutes:" label the record is the section; the agenda text above it says what the item was for.
    minutes = item.minutes
    if not any(s.kind is SectionKind.MINUTES for s in item.sections):
        # No "Minutes:" label: the record is wherever the item's text is, the
        # agenda part and any labelled section ("Additional documents:" then
        # the minutes' paragraphs, unlabelled, on a ModernGov page).
        minutes = (*item.agenda, *(b for s in item.sections for b in s.blocks))
    context = "\n".join([item.title, *(b.text for b in item.agenda if isinstance(b, Paragraph))])
    state = State(Roster(attendance, item.officers, context), meeting, vocab or default_patterns())
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
                _prose(state, Text(source[label_start:end], label_start))
            else:
                state.labelled = True
                _prose(state, _own_text(node, source))
                state.labelled = False
            continue
        own = _own_text(node, source)
        label_at = -1
        cuts: list[tuple[int, int]] | None = None
        if isinstance(node, Paragraph):
            labelled = frozenset()
            cuts = list(sentences(own.text))  # cut once: for the trailing label and for the rules
            last = trailing_label(own, cuts)
            if last is not None:
                # "… Action:" closing a paragraph: what it labels is in the points below.
                label_at = label_start = own.offset(last)
                own = Text(source[node.span.start : label_at].rstrip(), node.span.start)
                cuts = None
        _prose(state, own, cuts)
    item = read_outcomes(state, item, source)
    paired = pair(state.statements)
    if not (paired or state.stances or state.commitments or state.references or state.votes):
        return item
    return attrs.evolve(
        item,
        exchanges=paired,
        stances=tuple(state.stances),
        commitments=tuple(sorted(state.commitments, key=lambda c: (c.span.start, c.span.end))),
        references=tuple(state.references),
        votes=tuple(state.votes),
    )


def _prose(state: State, t: Text, cuts: list[tuple[int, int]] | None = None) -> None:
    """Run the rules over each sentence of a paragraph or point, in order.

    ``cuts`` are the text's sentences when they are cut already (``sentences(t.text)``).
    """
    labelled = state.labelled
    # Which rules' trigger words the paragraph holds at all, tested once: a
    # sentence's folded text is a piece of the paragraph's (case folding maps
    # each character on its own), so a rule whose words the paragraph lacks is
    # not tested again sentence by sentence.
    low = t.text.casefold()
    rules, stance_rules = _triggers_in(low)
    # ASCII text folds character for character: a sentence's folded text is then a slice of the paragraph's.
    folded = low if t.text.isascii() else None
    for start, end in sentences(t.text) if cuts is None else cuts:
        for part in owner_line(t, start, end):
            _sentence(state, t, *part, rules, stance_rules, folded)
            state.prev_sentence = (t, *part)
            state.labelled = False  # a label stands over a point's first sentence only
    state.labelled = labelled


_AGREED_THAT = Triggers("agreed that")

# The trigger words of the rules :func:`_sentence` tests by them, in the order of its ``rules``.
_RULE_TRIGGERS = (
    UNDERTAKING_TRIGGERS,
    WILL_TRIGGERS,
    REQUEST_TRIGGERS,
    _AGREED_THAT,
    REFERENCE_TRIGGERS,
    VOTE_TRIGGERS,
    ASK_TRIGGERS,
    RESPONSE_TRIGGERS,
)
_ALL_RULES: tuple[int | None, ...] = (0,) * len(_RULE_TRIGGERS)
_NO_STANCE: tuple[int | None, ...] = (None,) * len(EVERY_STANCE)


_INDEX = TriggerIndex((*_RULE_TRIGGERS, *STANCE_TRIGGERS))


def _triggers_in(low: str) -> tuple[tuple[int | None, ...], tuple[int | None, ...]]:
    """The first trigger word ``low`` holds of each rule :func:`_sentence` tests by them, then of each stance.

    (:meth:`~.text.Triggers.first` of each, found through
    :class:`~.triggers.TriggerIndex`: None when it holds none of them.)
    """
    firsts = _INDEX.firsts(low)
    return firsts[: len(_RULE_TRIGGERS)], firsts[len(_RULE_TRIGGERS) :]


def _sentence(
    state: State,
    t: Text,
    start: int,
    end: int,
    rules: tuple[int | None, ...] = _ALL_RULES,
    stance_rules: tuple[int | None, ...] = EVERY_STANCE,
    folded: str | None = None,
) -> None:
    """The rules, in the order they run over one sentence ``t.text[start:end]``.

    An action under a label or by an owner "to" is the whole sentence;
    otherwise the sentence's statement, its stances (which may make a
    member's remark a challenge), then what is promised, asked for,
    referred to and voted on.  Each rule after the statement is tried only
    when one of its trigger words is in the sentence (``rules``: for each,
    the first of them the whole paragraph holds, so that the words before
    it are not tested again, and a rule whose words it lacks not at all;
    ``stance_rules`` likewise for the stances, none tried when it holds no
    stance's words).  ``folded`` is the whole text casefolded when that maps
    it character for character (ASCII), so that the sentence's is a slice.
    """
    undertakings, wills, requests, agreed, references, votes, asks, responses = rules
    low = t.text[start:end].casefold() if folded is None else folded[start:end]
    found, verb_at = subject(t, start, state.roster, state.last)
    who = found.speaker if found else None
    if ("action" in low or state.labelled) and labelled_action(state, t, start, end):
        return
    if found is not None and owner_to_action(state, t, start, end, found):
        return
    if ", " in low or "; " in low or t.lines:
        clause_action(state, t, start, end)
    told = statement(state, t, start, end, low, who, verb_at, asks, responses)
    kinds = stances(state, t, start, end, low, who, stance_rules) if stance_rules != _NO_STANCE else set()
    if told is not None and (told[0] is not None or kinds):  # no kind and no stance: nothing to settle
        settle(state, told, kinds, t, start, end, low, who)
    if undertakings is not None and UNDERTAKING_TRIGGERS.present_from(low, undertakings):
        undertaking(state, t, start, end)
    if wills is not None and WILL_TRIGGERS.present_from(low, wills):
        will_action(state, t, start, end)
    if requests is not None and REQUEST_TRIGGERS.present_from(low, requests):
        request(state, t, start, end, who)
    if agreed is not None and _AGREED_THAT.present_from(low, agreed):
        agreed_action(state, t, start, end, low, who)
    if references is not None and REFERENCE_TRIGGERS.present_from(low, references):
        reference(state, t, start, end)
    if votes is not None and VOTE_TRIGGERS.present_from(low, votes):
        vote(state, t, start, end, low)
    if who is not None:
        state.last = who


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


def _points(points: Iterable[Point]) -> Iterator[Point]:
    for point in points:
        yield point
        yield from _points(point.points)


def _own_raw(node: Paragraph | Point, source: str) -> str:
    """The node's own source text: without its sub-points or trailing whitespace."""
    span = node.span
    end = node.points[0].span.start if isinstance(node, Point) and node.points else span.end
    return source[span.start : end].rstrip()


def _own_text(node: Paragraph | Point, source: str) -> Text:
    return Text(_own_raw(node, source), node.span.start)
