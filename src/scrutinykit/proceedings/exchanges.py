"""Exchanges: questions and the answers given to them.

Reads: each sentence for what kind of statement it is — a question ("It was
asked …", "Councillor Example asked whether …", the ``ASK_OPENER`` and
``ASK_VERB`` terminals), a response by an officer, a cabinet member or a
witness (``RESPONSE_VERB``, "… was asked", a member side's "were informed"
from ``HEARD_OPENER``), a member's comment (``COMMENT_VERB``) or a
challenge (a member's remark with a pressing stance, see :mod:`.stances`);
an answer given inside the sentence ("In response to a question, officers
said that …").  Guarantees: statements in reading order, each with a span
of its whole sentence (an inline answer's from its own clause), its verb
phrase and its speaker when one is named; a request for something ("asked
for …") is not a question.  :func:`pair` makes them into exchanges: a
question (of two remarks before any answer, the sharper) with every response
after it up to the next question; a question with no response gives no
exchange.
"""

from __future__ import annotations

from .._model import Exchange, Span, Speaker, SpeakerKind, StanceKind, Statement, StatementKind
from . import terminals
from .speakers import ANSWER_SIDE, MEMBER_SIDE, clause_speaker, lead_end
from .state import State
from .terminals import vocabulary
from .text import Text, Triggers

__all__ = ["ASK_TRIGGERS", "RESPONSE_TRIGGERS", "Told", "inline_answer", "pair", "settle", "statement"]

ASK_TRIGGERS = Triggers("ask", "enquir", "inquir", "quer", "question", "sought", "wanted to know", "challeng")
RESPONSE_TRIGGERS = Triggers(
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
_PRESSING = frozenset({StanceKind.CONCERN, StanceKind.CHALLENGE, StanceKind.UNCONVINCED})

Told = tuple[StatementKind | None, str, Speaker | None]
"""A sentence's statement still to be recorded: its kind (None: none yet), verb phrase and speaker."""


def statement(
    state: State,
    t: Text,
    start: int,
    end: int,
    low: str,
    subject: Speaker | None,
    verb_at: int,
    asks: int | None = 0,
    responses: int | None = 0,
) -> Told | None:
    """What statement the sentence ``t.text[start:end]`` makes, or None when it is recorded already.

    A sentence that holds its own answer ("It was asked … the Head of Service
    explained …") is recorded here, its question and its answer; any other
    is left to :func:`settle`, which knows the sentence's stances.
    ``asks`` and ``responses`` are :meth:`~.text.Triggers.first` of the
    paragraph for :data:`ASK_TRIGGERS` and :data:`RESPONSE_TRIGGERS` (None:
    it holds none of their words).
    """
    v = vocabulary()
    text = t.text
    kind: StatementKind | None = None
    phrase = ""
    speaker = subject
    # Questions put by nobody in particular: "It was asked", "In response to a question".
    opener = v["ASK_OPENER"].match(text, verb_at if subject is None else start, end)
    if opener is None and subject is None:
        lead = lead_end(text, start)
        if lead != verb_at:  # with no speaker named, subject() puts the verb there: not tried twice
            opener = v["ASK_OPENER"].match(text, lead, end)
    if opener is not None:
        kind, phrase, speaker = StatementKind.QUESTION, opener.group(), None
        answer = inline_answer(state, t, opener.end(), end)
        if answer is not None:
            state.statements.append(Statement(span=t.span(start, end), kind=kind, phrase=phrase))
            state.statements.append(answer)
            return None
    elif subject is not None and subject.kind in ANSWER_SIDE:
        # Each verb pattern is tried only where its answer is used.
        if text.startswith(("was asked", "were asked"), verb_at):
            kind, phrase, speaker = StatementKind.QUESTION, text[verb_at : verb_at + 9], None
        else:
            verb = v["RESPONSE_VERB"].match(text, verb_at, end)
            if verb is not None or v["UNDERTAKING_VERB"].match(text, verb_at, end):
                kind = StatementKind.RESPONSE
                phrase = verb.group() if verb is not None else ""
    elif subject is not None and subject.kind in MEMBER_SIDE:
        heard = v["HEARD_OPENER"].match(text, verb_at, end) or (
            v["HEARD_OPENER"].match(text, verb_at + 5, end) if text.startswith("were ", verb_at) else None
        )
        if heard is not None:
            kind, phrase, speaker = StatementKind.RESPONSE, heard.group(), None
        else:
            ask = v["ASK_VERB"].match(text, verb_at, end)
            if ask is None and asks is not None and ASK_TRIGGERS.present_from(low, asks):
                ask = terminals.search("ASK_VERB", t, verb_at, end)
            if ask is not None and not v["REQUEST_FOR"].match(text, ask.start(), end):
                kind, phrase = StatementKind.QUESTION, ask.group()
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
    if kind is None and responses is not None and RESPONSE_TRIGGERS.present_from(low, responses):
        # "…, officers stated that …": an answer in a clause.
        answer = inline_answer(state, t, start, end)
        if answer is not None:
            state.statements.append(answer)
            return None
    return kind, phrase, speaker


def settle(
    state: State,
    told: Told,
    stance_kinds: set[StanceKind],
    t: Text,
    start: int,
    end: int,
    low: str,
    subject: Speaker | None,
) -> None:
    """Record the sentence's statement, a challenge when a member's remark presses a point."""
    kind, phrase, speaker = told
    if (
        kind in (None, StatementKind.COMMENT)
        and subject is not None
        and subject.kind in MEMBER_SIDE
        and stance_kinds & _PRESSING
    ):
        kind = StatementKind.CHALLENGE
    if kind is None and subject is None and StanceKind.CHALLENGE in stance_kinds and "it was" in low[:12]:
        kind = StatementKind.CHALLENGE
    if kind is not None:
        state.statements.append(Statement(span=t.span(start, end), kind=kind, speaker=speaker, phrase=phrase))


def inline_answer(state: State, t: Text, start: int, end: int) -> Statement | None:
    """The first response verb from ``start`` whose clause's subject is on the answering side."""
    for vm in terminals.finditer("RESPONSE_VERB", t, start, end):
        found, clause = clause_speaker(t, start, vm.start(), state.roster, state.last)
        if found is not None and found.speaker.kind in ANSWER_SIDE:
            state.last = found.speaker
            return Statement(
                span=t.span(clause, end),
                kind=StatementKind.RESPONSE,
                speaker=found.speaker,
                phrase=vm.group(),
            )
    return None


def pair(statements: list[Statement]) -> tuple[Exchange, ...]:
    """The exchanges of an item's statements: each question with the responses that follow it."""
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

    for said in statements:
        if said.kind is StatementKind.RESPONSE:
            if question is not None:
                responses.append(said)
            continue
        if question is not None and not responses:
            # Two remarks before any answer: one question, the sharper of them.
            if question.kind is StatementKind.COMMENT and said.kind is not StatementKind.COMMENT:
                question = said
            continue
        close()
        question, first, responses = said, said, []
    close()
    return tuple(out)
