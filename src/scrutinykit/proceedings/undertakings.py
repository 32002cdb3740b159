"""Undertakings: what an officer, a cabinet member or the chair promised to do.

Reads: each sentence for the ``UNDERTAKING_VERB`` terminal of
``grammar/proceedings.lark`` ("undertook to", "agreed to", "promised to",
"offered to"), searched only when one of its trigger words is in the
sentence, and the speaker of the verb's clause.  Guarantees: at most one
:class:`~scrutinykit.Commitment` of kind ``UNDERTAKING`` per sentence, for
the first verb with an owner: the clause's speaker, or an office the
vocabulary does not know written as "The …" ("The Governance Officer
undertook to …") but not a body of words it does not know ("The Planning
and Licensing Committee agreed to …"); never members who "agreed to" (that
is agreement, not a promise), nor a body that "agreed to" ("The Panel
agreed to note the report": the body's agreement), nor an owner the
document's vocabulary names as a body (its ``bodies.txt``, a user's phrase
folder too).  What is undertaken is the text after the verb; its due time
is read from it.
"""

from __future__ import annotations

from .._model import CommitmentKind, Speaker, SpeakerKind
from . import terminals
from .speakers import OWNER_WORDS, clause_speaker, lead_end, strip_article
from .state import State
from .terminals import vocabulary
from .text import Text, Triggers

__all__ = ["UNDERTAKING_TRIGGERS", "undertaking"]

UNDERTAKING_TRIGGERS = Triggers(
    "undert", "agreed to", "agrees to", "promised", "offered", "committed", "pledged"
)
"""The words one of which a sentence holds when :func:`undertaking` can find one in it."""


def undertaking(state: State, t: Text, start: int, end: int) -> None:
    """Record the undertaking of the sentence ``t.text[start:end]``, if it gives one."""
    v = vocabulary()
    for um in terminals.finditer("UNDERTAKING_VERB", t, start, end):
        found, _ = clause_speaker(t, start, um.start(), state.roster, state.last)
        if found is None:
            owner_at = lead_end(t.text, start)
            om = OWNER_WORDS.fullmatch(t.text, owner_at, um.start() - 1)
            if (
                om is None
                or not om.group().startswith(("The ", "the "))
                or any(
                    m.end() == len(om.group())
                    for name in ("SPEAKER_COMMITTEE", "SPEAKER_MEMBER")
                    for m in v[name].finditer(om.group())
                )
                or state.vocab.body_name.search(om.group()) is not None
            ):
                continue  # no owner, or a body ("The Planning Committee agreed to …")
            # "The Governance Officer undertook to …": an office the vocabulary does not know.
            owner = Speaker(
                span=t.span(owner_at, om.end()),
                kind=SpeakerKind.OFFICER,
                text=om.group(),
                title=strip_article(om.group()),
            )
        else:
            owner = found.speaker
        if um.group().casefold().startswith(("agreed", "agrees")) and (
            (owner.kind is SpeakerKind.MEMBER and owner.plural)
            or owner.kind is SpeakerKind.COMMITTEE
            or state.vocab.body_name.search(owner.text) is not None
        ):
            continue  # members' or a body's agreement, not a promise
        state.commit(CommitmentKind.UNDERTAKING, t, start, end, owner, um.end())
        break
