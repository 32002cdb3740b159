"""Actions: who is to do what, and by when — "Action: the Clerk to write to the owner by 31 May."

Reads: each sentence for an action in one of its forms, all from the
``ACTION_*`` terminals of ``grammar/proceedings.lark``: under its label
("Action: …", "ACTION – Head of Parks", a trailing "… ACTION: Councillor
Example", a point of a list under "Actions:"), a named owner "to" do it
("The Scrutiny Officer to add …", "Cllr. A. Example and the Clerk to review
…", "…, the Clerk to write …"), an owner who "will" do it ("The Head of
Service would circulate …") and what members "agreed that" someone would do
by a date.  Guarantees: a :class:`~scrutinykit.Commitment` of kind
``ACTION`` whose owner is one person who can act (a named member, an officer,
the chair, a cabinet member; never "Members" or a pronoun's narration); an
owner the vocabulary does not know is read from its capitalised words as an
officer's title; a label's owner standing alone after the sentence it
follows makes that sentence the action.  A sentence that is an action under
a label or by an owner "to" is nothing else (the driver stops there).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._model import CommitmentKind, Speaker, SpeakerKind
from ..parsing import patterns as rx
from . import terminals
from .due import due_in
from .speakers import (
    CAPITAL,
    MEMBER_SIDE,
    OWNER_WORDS,
    Found,
    clause_speaker,
    lead_end,
    speaker_at,
    strip_article,
    subject,
)
from .state import State
from .terminals import vocabulary
from .text import POINT_LABEL, Text, Triggers, last_sentence

__all__ = [
    "WILL_TRIGGERS",
    "after_outcome",
    "agreed_action",
    "clause_action",
    "labelled_action",
    "one_owner",
    "owner_line",
    "owner_to_action",
    "trailing_label",
    "will_action",
]

WILL_TRIGGERS = Triggers("will ", "would ", "was asked to")
"""The words one of which a sentence holds when :func:`will_action` can find an action in it."""
# Where a clause that gives an action may start: "…, the Clerk to write …", "…; Clerk to check …".
_ACTION_CLAUSE = rx.compile(r"[,;] (?=(?:the |The )?[A-Z])")
# Where a line may start an action of its own inside a sentence that no full stop ended:
# "… exceeding the limit" / "Clerk to write and confirm.".
_LINE_START = rx.compile(r" (?=(?:the |The )?[A-Z])")
# The last word of a line that runs on into the next: "… and it was agreed to ask the" / "Clerk to …".
_RUNS_ON = rx.compile(
    r"(?:^|[ (])(?:the|a|an|to|of|and|or|for|with|by|that|in|on|at|from|as|be|is|was|were|asked|"
    r"requested|instructed|invited|agreed|resolved|thank|thanked|whether|if|than|into|onto|upon|via|per|"
    r"Cllr\.?|Councillor|Mr|Mrs|Ms|Dr)$"
)
# A point's label that opens a paragraph of its own: "11i) ", "3. ", "(b) ".
_OPENING_LABEL = rx.compile(r"\(?(?:[0-9]{1,3}[a-z]{0,5}|[a-z]{1,4})[.)]\)? (?=[A-Z])")
_CAPITAL_NEXT = rx.compile(f" {CAPITAL}[a-z]")
# What follows "to" when it is not a verb: "the Clerk to the Council".
_NOT_A_VERB = rx.compile(r"(?:the|a|an|this|that|these|those|all|any|each|its|their|his|her)\b")
_AGREED_THAT = rx.compile(r"agreed that ")
_WOULD = rx.compile(r"\b(?:would|will|should)\b")


def labelled_action(state: State, t: Text, start: int, end: int) -> bool:
    """An action under its label: "Action: the Clerk to write …", "… ACTION: Councillor Example".

    Also a point of a list under an "Actions:" label (``state.labelled``)
    that names an owner "to" do something.  True when the sentence is one.
    """
    v = vocabulary()
    text = t.text
    pos = lead_end(text, start)
    label = v["ACTION_LABEL"].match(text, pos, end)
    if label is not None:
        label_start, at = label.start(), label.end()
    elif state.labelled:
        # A point under an "Actions:" label: the label is above it, the point's own label here.
        point = POINT_LABEL.match(text, start, end)
        label_start, at = start, point.end() if point is not None else start
    else:
        label = terminals.search("ACTION_LABEL", t, pos, end)
        if (
            label is None
            or text[label.start() - 1 : label.start()] not in (" ", "(")
            or not text[label.start()].isupper()
        ):
            return False
        label_start, at = label.start(), label.end()
    while at < end and text[at] in "·•-–* ":
        at += 1
    found, _ = subject(t, at, state.roster, state.last)
    if found is not None and (found.end > end or _CAPITAL_NEXT.match(text, found.end, end)):
        # "The Committee Services Officer": the words known make only the start of the owner's title.
        found = None
    owner_end = found.end if found else at
    to = v["ACTION_TO"].search(text, owner_end, min(end, owner_end + 80))
    if found is None:
        # An owner the vocabulary does not know: the capitalised words before " to ".
        om = OWNER_WORDS.match(text[at:end])
        if om is None:
            return False
        owner = Speaker(
            span=t.span(at, at + om.end()),
            kind=SpeakerKind.OFFICER,
            text=om.group(1),
            title=strip_article(om.group(1)),
        )
        owner_end = at + om.end()
        to = v["ACTION_TO"].match(text, owner_end, end)
    else:
        owner = found.speaker
    if label is None and (to is None or to.start() > owner_end + 2):
        return False  # a point under the label that names no owner "to" do something
    if label_start > pos and to is None:
        # "… write to the Portfolio Holder. ACTION: Councillor Example": the owner trails the sentence.
        state.commit(CommitmentKind.ACTION, t, start, end, owner, start)
        return True
    if to is None or to.start() > owner_end + 2:
        if state.prev_sentence is not None and owner_end >= end - 2:
            pt, ps, pe = state.prev_sentence
            if pt is t:
                before = t.span(ps, pe)
                state.commitments = [c for c in state.commitments if not before.contains(c.span)]
                state.commit(CommitmentKind.ACTION, t, ps, end, owner, ps)
                return True
        state.commit(CommitmentKind.ACTION, t, start, end, owner, owner_end)
        return True
    state.commit(CommitmentKind.ACTION, t, start, end, owner, to.end())
    return True


def owner_to_action(state: State, t: Text, start: int, end: int, found: Found) -> bool:
    """An owner named at the sentence's start "to" do something: "The Clerk to circulate …".

    Two owners, the first named, count too ("Cllr. A. Example and the Clerk
    to review …"); the action is the first's.  True when the sentence is one.
    """
    v = vocabulary()
    text = t.text
    to = v["ACTION_TO"].match(text, found.end, end)
    if to is None and text.startswith(" and ", found.end):
        # "Cllr. A. Example and the Clerk to review …": two owners, the first named.
        second = speaker_at(t, found.end + 5, state.roster, state.last)
        if second is not None:
            to = v["ACTION_TO"].match(text, second.end, end)
    if to is None:
        return False
    state.commit(CommitmentKind.ACTION, t, start, end, found.speaker, to.end())
    state.last = found.speaker
    return True


def clause_action(state: State, t: Text, start: int, end: int, *, lines: bool = True) -> bool:
    """An action given in a clause after a comma: "…, the Clerk to write to the owner.".

    Also a line that starts an owner "to" do something inside a sentence no
    full stop ended ("… exceeding the limit" / "Clerk to write and confirm."),
    when the line before does not run on into it (it ends in no article,
    preposition or "asked").  True when one is found.
    """
    v = vocabulary()
    text = t.text
    if text.find(" to ", start, end) < 0:
        return False  # every action here is an owner then ACTION_TO, which holds " to " before ``end``
    starts = [cm.end() for cm in _ACTION_CLAUSE.finditer(text, start, end)]
    if lines and t.lines:
        for lm in _LINE_START.finditer(text, start, end):
            at = lm.start()
            if at > start and t.raw[t.offset(at) - t.base] == "\n" and not _runs_on(text, start, at):
                starts.append(lm.end())
        starts.sort()
    for at in starts:
        found = speaker_at(t, at, state.roster, state.last)
        if found is None or not one_owner(found.speaker):
            continue
        to = v["ACTION_TO"].match(text, found.end, end)
        if to is None or _NOT_A_VERB.match(text, to.end()):
            continue
        state.commit(CommitmentKind.ACTION, t, at, end, found.speaker, to.end())
        return True
    return False


def after_outcome(state: State, t: Text) -> None:
    """An action in a clause of its own after what a resolution resolved: not part of the outcome.

    "It was resolved to decline, the Clerk to write and inform them." and
    "…, Councillor Example will ascertain the cost." — after a comma, or on a
    line of its own that the resolved words do not run on into.
    """
    text = t.text
    if clause_action(state, t, 0, len(text)):
        return
    v = vocabulary()
    for cm in _ACTION_CLAUSE.finditer(text):
        found = speaker_at(t, cm.end(), state.roster, state.last)
        if found is None or not one_owner(found.speaker) or not text.startswith(" ", found.end):
            continue
        wm = v["ACTION_WILL"].match(text, found.end + 1)
        if wm is not None:
            state.commit(CommitmentKind.ACTION, t, cm.end(), len(text), found.speaker, wm.end())
            return


def _runs_on(text: str, start: int, at: int) -> bool:
    """Whether the line ending at ``at`` runs on into the next: its last word needs what follows."""
    return _RUNS_ON.search(text, max(start, at - 14), at) is not None or text[at - 1] in ",;:-–&/"


def will_action(state: State, t: Text, start: int, end: int) -> None:
    """An owner who will do something: "The Head of Service would circulate the figures."."""
    if any(c.span == t.span(start, end) for c in state.commitments[-1:]):
        return
    v = vocabulary()
    label = _OPENING_LABEL.match(t.text, start, end)
    if label is not None:
        start = label.end()  # "11i) Cllr. A. Example would look into …"
    for wm in v["ACTION_WILL"].finditer(t.text, start, end):
        found, clause = clause_speaker(t, start, wm.start(), state.roster, state.last)
        if found is not None and one_owner(found.speaker):
            state.commit(CommitmentKind.ACTION, t, clause, end, found.speaker, wm.end())
            break


def agreed_action(state: State, t: Text, start: int, end: int, low: str, who: Speaker | None) -> None:
    """What members "agreed that" someone would do by a due time: an action, the named one's or theirs."""
    if who is None or who.kind not in MEMBER_SIDE:
        return
    am = _AGREED_THAT.search(t.text[start:end])
    if am is not None:
        due = due_in(t, start + am.end(), end, state.meeting)
        if due is not None and _WOULD.search(low):
            named = speaker_at(t, start + am.end(), state.roster, None)
            owner = named.speaker if named is not None else who
            state.commit(CommitmentKind.ACTION, t, start, end, owner, start + am.end(), due=due)


def one_owner(speaker: Speaker) -> bool:
    """Whether ``speaker`` is one person who can be given an action: a named member, an officer, the chair."""
    if speaker.plural or speaker.text.casefold() in ("he", "she", "they"):
        return False  # a pronoun's sentence narrates ("She would remain in the room")
    if speaker.kind is SpeakerKind.MEMBER:
        return speaker.name is not None
    return speaker.kind in (SpeakerKind.OFFICER, SpeakerKind.CHAIR, SpeakerKind.CABINET_MEMBER)


def owner_line(t: Text, start: int, end: int) -> tuple[tuple[int, int], ...]:
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
    om = OWNER_WORDS.match(text, at, end)
    if om is None:
        return ((start, end),)
    cut = om.end()
    if cut >= end - 1 or text[cut] != " " or not text[cut + 1].isupper():
        return ((start, end),)
    line_end = t.raw.find("\n", t.offset(cut - 1) - t.base, t.offset(cut + 1) - t.base)
    if line_end < 0 and not text.startswith(("The ", "ACTION", "Action"), cut + 1):
        return ((start, end),)  # the owner's words run on into the sentence
    return ((start, cut), (cut + 1, end))


def trailing_label(t: Text, cuts: Sequence[tuple[int, int]] | None = None) -> int | None:
    """Where an action label closing a paragraph starts ("… Action:"), in folded text.

    What it labels is in the points below it.  ``cuts`` are the text's
    sentences (``sentences(t.text)``) when the caller has them already.
    """
    last = last_sentence(t.text) if cuts is None else (cuts[-1][0] if cuts else 0)
    if "ction" in t.text[last:] and vocabulary()["ACTION_LABEL"].fullmatch(t.text, last):
        return last
    return None
