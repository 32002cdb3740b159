"""Outcomes and paragraphs: rules ``paragraph``, ``resolution``, ``recommendation``,
``conclusion``, ``agreement``, ``decision`` and ``scrutiny_questions``.

A new outcome label's words belong in the vocabulary (``grammar/vocabulary/``);
its rule's method goes here, and builds its node with :meth:`OutcomeRules._outcome`,
the one rule for every outcome.  Guarantees: the label (``RESOLVED``, ``The
Sub-Committee recommended``), a recommendation's addressee and the
introducing "that" are not the outcome's text, the rest of its lines are; a
resolution inside a line of prose starts at its label (or at the motion it
settles just before it) and the prose around it stays paragraphs; the points
after a line belong to the outcome only when its line asks for them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from ..._model import (
    Agreement,
    Block,
    Conclusion,
    Decision,
    Recommendation,
    Resolution,
    ScrutinyQuestions,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import SEPARATOR, THAT, Patterns
from .base import _lead_that
from .flattened import _FLAT_LINE, FlattenedLines
from .points import PointRules

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


# A paragraph number before a label: "21.3   RESOLVED – that …".
_PARA_NUMBER = rx.compile(r"\d{1,3}\.\d{1,2}[ ]+(?=\S)")

# The motion an inline resolution settles: "Proposed Cllr A, seconded Cllr B, all in favour."
_MOTION = rx.compile(
    r"(?:(?<=[.;:][ ])|^)"
    r"(?:Proposed|PROPOSED|Moved|It[ ]+was[ ]+(?:moved|proposed)|On[ ]+the[ ]+proposal[ ]+of)\b"
)

_MOTION_REACH = 250


# Where the next minute starts inside a flattened line: " TC/121/24-25 MAYOR'S …", " 77/21 MINUTES".
_NEXT_MINUTE = rx.compile(r"[ ](?=(?:[A-Za-z]{1,4}/)?\d{1,4}/\d{2,4}(?:-\d{2})?[ ]+[A-Z]{2,})")

# A label line that expects its words on the following lines: "The Committee resolved:-".
_OPEN_LABEL = rx.compile(r"(?::-|:|\u2013|\u2014|-)\s*$")

# The outcome classes (OUTCOME_TYPES, spelled out for the type checker).
_LABELLED = (Resolution, Recommendation, Conclusion, Agreement, Decision)

# The same word closing a label ("RESOLVED that:"), and the punctuation around it.
_LABEL_TAIL = rx.compile(rf"[ ]*(?:(?P<that>{THAT})[ ]*)?{SEPARATOR}?[ ]*$")

# Whom a recommendation is made to, before its "that": "recommended to Cabinet that …"
# (the addressee itself is read by the proceedings, from the intro).
_ADDRESSED = rx.compile(
    r"to[ ]+(?:the[ ]+)?[A-Z][\w'&-]*(?:[ ]+(?:Member|for|of|and|&|[A-Z][\w'&,-]*)){0,8}?[ ]*,?[ ]*"
    r"(?=(?:THAT|That|that)\b|:)"
)


def _outcome_words(
    vocab: Patterns, intro: str, m: re.Match[str] | None, *, own_words: bool
) -> tuple[str | None, str | None, str]:
    """An outcome's label, its introducing "that" and what it says, from its intro line.

    The one rule for every outcome: the label (``RESOLVED``, ``The
    Sub-Committee recommended``, ``Members agreed``), the addressee of a
    recommendation ("to Cabinet") and the "that" are not the words of what
    was resolved; the rest is.
    """
    if own_words:
        agreed = vocab.agreement_label.match(intro)
        if agreed is None:
            that, rest = _lead_that(intro)
            return None, that, rest
        return agreed.group("label"), agreed.group("that"), intro[agreed.end() :]
    if m is None:
        that, rest = _lead_that(intro)
        return None, that, rest
    matched = intro[m.start() : m.end()]
    tail = _LABEL_TAIL.search(matched)
    label = matched[: tail.start()] if tail is not None else matched.rstrip()
    that = tail.group("that") if tail is not None else None
    rest = intro[m.end() :].strip()
    if that is None:
        if "recommend" in label.lower():
            to = _ADDRESSED.match(rest)
            if to is not None:
                rest = rest[to.end() :].lstrip(": ")
        that, rest = _lead_that(rest)
    return label.strip() or None, that, rest


def _label(vocab: Patterns, text: str) -> re.Match[str] | None:
    """The outcome label of a line: at its start, or inside it ("Proposed …. RESOLVED that …")."""
    m = vocab.outcome_label.match(text)
    if m is None:
        inline = vocab.inline_resolved.search(text)
        if inline is not None:
            m = vocab.outcome_label.match(text, inline.start())
    return m


def _expects_more(vocab: Patterns, line: str) -> bool:
    """Whether an outcome's line points at what follows: it ends in a colon or a dash, or at its label."""
    line = line.rstrip()
    if _OPEN_LABEL.search(line):
        return True
    labels = list(vocab.inline_resolved.finditer(line))
    return bool(labels) and labels[-1].end() == len(line)


class OutcomeRules(PointRules, FlattenedLines):
    """One method per outcome rule, all built by :meth:`_outcome`; the paragraph rule."""

    def paragraph(self, children: list[Token]) -> list[Block]:
        head, deps = children[0], children[1:]
        if self._v.present_decision.match(head.value):
            # "The Committee notes the report and asks …": a decision in the
            # present tense whose label was lost; its points are its own.
            return self._outcome(Resolution, children, implicit=True)
        blocks = [*self._prose(head, len(head.value) >= _FLAT_LINE), *self._dependent_blocks(deps)]
        self._lines[id(blocks[0])] = children  # a "Decision:" block may make it an outcome
        return blocks

    def _outcome(
        self,
        cls: type[Resolution | Recommendation | Conclusion | Agreement | Decision],
        children: list[Token],
        *,
        attach: bool = True,
        implicit: bool = False,
        own_words: bool = False,
    ) -> list[Block]:
        """An outcome from its label line and the dependents that follow.

        With ``attach`` false the dependents are not the outcome's (a
        resolution inside a line of prose that closes with words of its own)
        and follow it as blocks of their own.  An ``implicit`` outcome has no
        label: its first line is all its own words, as it is for an outcome
        told in ``own_words`` (an agreement, a decision block).
        """
        head, deps = children[0], list(children[1:])
        extra: list[Block] = []
        if not attach:
            extra, deps = self._dependent_blocks(deps), []
        lead, clauses, after, later = self._split_dependents(deps)
        extra.extend(self._dependent_blocks(later))
        body_tokens = list(clauses)
        points = self._nest_points(lead) + self._nest_points(after)
        label = _label(self._v, head.value)
        label_end = label.end() if label else 0
        if not points:
            if label_end < len(head.value.rstrip()):
                cut, points = self._inline_points(head, label_end)
                head = cut or head
            elif body_tokens:
                cut, points = self._inline_points(body_tokens[0], 0)
                if cut is None:
                    body_tokens.pop(0)
                else:
                    body_tokens[0] = cut
        intro = self._paragraph(head)
        body = tuple(self._paragraph(t) for t in body_tokens)
        m = _label(self._v, intro.text)
        made_by = None
        if m and m.group("body"):
            b = self._v.body_name.search(m.group("body"))
            made_by = b.group(1) if b else None
        if implicit or own_words:
            made_by = None
        label_text, that, rest = _outcome_words(
            self._v, intro.text, None if implicit else m, own_words=own_words
        )
        text = " ".join([rest] * bool(rest) + [p.text for p in body])
        if that is None and not rest:
            that, text = _lead_that(text)
        last = intro.span
        if body:
            last = max(last, body[-1].span, key=lambda s: s.end)
        if points:
            last = max(last, points[-1].span, key=lambda s: s.end)
        return [
            cls(
                span=self._joined(intro.span, last),
                intro=intro,
                made_by=made_by,
                body=body,
                points=points,
                text=text,
                label=label_text,
                that=that,
                implicit=implicit,
            ),
            *extra,
        ]

    def _inline_resolutions(self, children: list[Token]) -> list[Block]:
        """Resolutions inside a line of prose, and the prose around them.

        Each starts at its label ("RESOLVED", "it was RESOLVED"), or at the
        motion it settles when one just precedes it in the line ("Proposed
        Cllr A, seconded Cllr B, all in favour."); it runs to the next such
        start, to a minute number that begins the next minute in a flattened
        line, or to the end of the line.  The points after the line belong to
        the last resolution only when it ends the line with a colon or with
        nothing after its label.
        """
        head, deps = children[0], children[1:]
        value = head.value
        starts: list[int] = []
        for m in self._v.inline_resolved.finditer(value):
            start = m.start()
            floor = starts[-1] + 1 if starts else 0
            motions = [mo.start() for mo in _MOTION.finditer(value, floor, start)]
            if (
                motions
                and start - motions[-1] <= _MOTION_REACH
                and "second" in value[motions[-1] : start].lower()
            ):
                start = motions[-1]
            if not starts or start > starts[-1]:
                starts.append(start)
        flattened = len(value) >= _FLAT_LINE
        blocks: list[Block] = []
        prefix = self._piece(head, 0, starts[0]) if starts else head
        if prefix is not None:
            blocks.extend(self._prose(prefix, flattened))
        for k, start in enumerate(starts):
            stop = starts[k + 1] if k + 1 < len(starts) else len(value)
            cut = _NEXT_MINUTE.search(value, start + 1, stop)
            end = cut.start() if cut else stop
            piece = self._piece(head, start, end)
            if piece is None:  # pragma: no cover - a label is never blank
                continue
            last = k + 1 == len(starts)
            tail = self._piece(head, end, stop)
            attach = last and tail is None and _expects_more(self._v, piece.value)
            # The points after the line follow the resolution only when nothing of
            # the line comes between them; otherwise they follow the tail below.
            own = deps if last and tail is None else []
            blocks.extend(self._outcome(Resolution, [piece, *own], attach=attach))
            if tail is not None:
                blocks.extend(self._prose(tail, flattened))
                if last:
                    blocks.extend(self._dependent_blocks(deps))
        if not starts:  # pragma: no cover - the terminal holds a label
            blocks.extend(self._dependent_blocks(deps))
        return blocks

    def resolution(self, children: list[Token]) -> list[Block]:
        head = children[0]
        if head.type == "RESOLVED_INLINE":
            return self._inline_resolutions(children)
        number = _PARA_NUMBER.match(head.value)
        if number is not None:
            # "21.3  RESOLVED – …": the number stays a paragraph; the outcome starts at its label.
            label = self._piece(head, number.end(), len(head.value))
            numbered = self._piece(head, 0, number.end())
            if label is not None and numbered is not None:
                return [self._paragraph(numbered), *self._outcome(Resolution, [label, *children[1:]])]
        return self._outcome(Resolution, children)

    def recommendation(self, children: list[Token]) -> list[Block]:
        return self._outcome(Recommendation, children)

    def conclusion(self, children: list[Token]) -> list[Block]:
        return self._outcome(Conclusion, children)

    def agreement(self, children: list[Token]) -> list[Block]:
        """What the committee agreed or noted: its words are the whole line."""
        blocks = self._outcome(Agreement, children, own_words=True)
        made = self._v.agreeing_body.match(children[0].value)
        first = blocks[0]
        if made is not None and isinstance(first, Agreement):
            blocks[0] = attrs.evolve(first, made_by=made.group(1))
        return blocks

    def decision(self, children: list[Token]) -> list[Block]:
        """A decision told with its label: "DECIDED that …", "Decision: …"."""
        return self._outcome(Decision, children)

    def scrutiny_questions(self, children: list[Token]) -> list[Block]:
        intro = self._paragraph(children[0])
        points = self._nest_points(children[1:])
        end = points[-1].span if points else intro.span
        return [ScrutinyQuestions(span=self._joined(intro.span, end), intro=intro, questions=points)]
