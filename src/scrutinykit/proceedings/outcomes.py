"""Outcomes: whom a resolution or recommendation is addressed to, what its points ask for, and by when.

Reads: the resolutions, recommendations and decisions the grammar found in
an item (their introduction, body and points), for an addressee
("RECOMMENDED to Cabinet that …"), requests in the ``REQUEST_PASSIVE`` and
``REQUEST_REPORT`` terminals of ``grammar/proceedings.lark`` ("a report be
brought …", "be reported at every meeting"), due times (:mod:`.due`) and
references (:mod:`.references`); and the item's agreements, already read as
narrative sentence by sentence.  Guarantees: each point (or, without
points, each paragraph) that asks for something or sets a time is a
:class:`~scrutinykit.Commitment` of kind ``REQUEST`` with ``in_outcome``
set, owned by the person it names or else by the addressee; an outcome
without points takes the first due time of its paragraphs as its own; an
agreement's commitments are marked ``in_outcome`` and its first due time is
the agreement's.  The outcome nodes are replaced by evolved copies (never
moved): the item keeps its blocks in their places.
"""

from __future__ import annotations

import re

import attrs

from .._model import (
    AgendaItem,
    Agreement,
    Block,
    BudgetProposal,
    CommitmentKind,
    Decision,
    Due,
    Outcome,
    Recommendation,
    Resolution,
    Speaker,
    SpeakerKind,
)
from ..parsing import patterns as rx
from ..parsing.vocabulary import THAT
from . import terminals
from .actions import after_outcome
from .due import due_in
from .references import reference
from .speakers import speaker_at
from .state import State
from .text import POINT_LABEL, Text

__all__ = ["read_outcomes"]


def read_outcomes(state: State, item: AgendaItem, source: str) -> AgendaItem:
    """The item with its outcomes given their addressees and due times (the same item when none is)."""
    replaced: dict[int, Outcome] = {}
    for outcome in item.outcomes():
        if isinstance(outcome, (Resolution, Recommendation, Decision)):
            new = _outcome(state, outcome, source)
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
    return item


def _outcome(state: State, outcome: Outcome, source: str) -> Outcome:
    """Give an outcome its addressee and due date; its points' requests become commitments."""
    intro = Text(source[outcome.intro.span.start : outcome.intro.span.end], outcome.intro.span.start)
    addressee: str | None = None
    am = _ADDRESSEE.search(intro.text)
    if am is not None:
        addressee = am.group(1)
    units: list[Text] = []
    if outcome.points:
        for point in outcome.points:
            end = point.points[0].span.start if point.points else point.span.end
            units.append(Text(source[point.span.start : end].rstrip(), point.span.start))
    else:
        for para in (outcome.intro, *outcome.body):
            units.append(Text(source[para.span.start : para.span.end], para.span.start))
    due: Due | None = None
    for unit in units:
        _unit(state, unit, outcome, addressee)
        if isinstance(outcome, Resolution):
            after_outcome(state, unit)
    if not outcome.points:
        for unit in units:
            due = due_in(unit, 0, len(unit.text), state.meeting)
            if due is not None:
                break
    for unit in units:
        reference(state, unit, 0, len(unit.text))
    if addressee is None and due is None:
        return outcome
    return attrs.evolve(outcome, addressee=addressee, due=due)


def _unit(state: State, t: Text, outcome: Outcome, addressee: str | None) -> None:
    """A point (or paragraph) of an outcome that asks for something, or sets a time: a request."""
    text = t.text
    pos = 0
    lm = POINT_LABEL.match(text)
    if lm is not None:
        pos = lm.end()
    label = state.vocab.outcome_label.match(text, pos)  # the vocabulary's outcome labels, as the grammar's
    if label is not None:
        pos = label.end()
    that = _THAT.match(text, pos)
    if that is not None:
        pos = that.end()
    found = speaker_at(t, pos, state.roster, None)
    owner = found.speaker if found else None
    what = pos
    request = terminals.search("REQUEST_PASSIVE", t, pos, len(text)) or terminals.search(
        "REQUEST_REPORT", t, pos, len(text)
    )
    due = due_in(t, pos, len(text), state.meeting)
    if request is None and due is None:
        return
    if owner is None and addressee is not None:
        owner = Speaker(
            span=outcome.intro.span, kind=_addressee_kind(addressee), text=addressee, title=addressee
        )
    state.commit(CommitmentKind.REQUEST, t, 0, len(text), owner, what, due=due, in_outcome=True)


_THAT = rx.compile(rf"{THAT}[:,]? ")
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
