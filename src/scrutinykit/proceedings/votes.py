"""Votes: who moved and seconded a motion, the count and the result.

Reads: each sentence that holds one of the trigger words for the ``VOTE_*``
terminals of ``grammar/proceedings.lark`` ("Proposed by Councillor A,
seconded by Councillor B", "Councillor A moved that …", "(4 for, 1
against, 2 abstentions)", "carried", "LOST", "unanimously").  Guarantees: a
:class:`~scrutinykit.Vote` only where a motion is moved or seconded or a
count is given (a bare count needs "against", "abstain" or "vote" beside
it); the proposer and seconder as written; counts as numbers; a result only
where it is said or where the counts decide it; a count or result in the
sentence right after a motion that had none finishes that motion's vote
rather than making a second.
"""

from __future__ import annotations

import re

import attrs

from .._model import Span, Vote, VoteResult
from ..parsing import patterns as rx
from . import terminals
from .state import State
from .text import Text, Triggers

__all__ = ["VOTE_TRIGGERS", "vote"]

VOTE_TRIGGERS = Triggers(
    "propos", "moved", "second", " for", "favour", "abstain", "abstention", "amendment", "nem"
)
"""The words one of which a sentence holds when :func:`vote` can find one in it."""
_DIGIT = rx.compile(r"[0-9]")
_AGAINST_OR_VOTE = rx.compile(r"against|abstain|vote")
_AGREED_OR_RESOLVED = rx.compile(r"\bagreed\b|\bresolved\b")
_INITIAL_AT_END = rx.compile(r"(?:^|[ .])[A-Z]\.$")


def vote(state: State, t: Text, start: int, end: int, low: str) -> None:
    """Record the vote told in ``t.text[start:end]`` (``low`` casefolded), or finish the one before it."""
    text = t.text
    # Each pattern holds these words or a digit (none an "i", which
    # matches "ı" and "İ" but is not what they fold to): no search without them.
    proposed = (
        terminals.search("VOTE_PROPOSED", t, start, end) if "proposed" in low or "moved" in low else None
    )
    seconded = terminals.search("VOTE_SECONDED", t, start, end) if "seconded" in low else None
    counts = terminals.search("VOTE_COUNTS", t, start, end) if _DIGIT.search(low) else None
    if proposed is None and seconded is None and counts is None:
        return
    if (
        proposed is None
        and seconded is None
        and counts is not None
        and not _AGAINST_OR_VOTE.search(low)
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
    unanimous = terminals.search("VOTE_UNANIMOUS", t, start, end) is not None
    result: VoteResult | None = None
    if terminals.search("VOTE_LOST", t, start, end):
        result = VoteResult.LOST
    elif (
        terminals.search("VOTE_CARRIED", t, start, end)
        or unanimous
        or _AGREED_OR_RESOLVED.search(low)
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
    prev = state.votes[-1] if state.votes else None
    if prev is not None and _continues(prev, vote):
        # "Councillor A moved …; seconded by Councillor B. On being put to the vote
        # the motion was LOST (2 for, 4 against)": one vote, told in two sentences.
        state.votes[-1] = attrs.evolve(
            vote,
            span=Span(start=prev.span.start, end=vote.span.end),
            proposer=prev.proposer,
            seconder=prev.seconder,
            amendment=prev.amendment or vote.amendment,
        )
        return
    state.votes.append(vote)


# -- outcomes ----------------------------------------------------------


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
    if name.endswith(".") and not _INITIAL_AT_END.search(name):
        name = name[:-1]
    return name


#: The proposer named before the verb: "Councillor A Example moved that …".
_NAME_BEFORE_MOVED = rx.compile(
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
