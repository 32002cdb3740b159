"""Outcomes told in sentences of prose, found when a rule's blocks are gathered.

Handles no grammar rule of its own: :meth:`BlockLists._blocks` calls
:meth:`NarratedOutcomes._narrated` on every list of blocks a rule gathers.
Guarantees: a sentence that tells what the meeting agreed ("It was
unanimously agreed to …", "All Councillors agreed that …") or resolved
("… and it was resolved …") becomes an :class:`Agreement` or
:class:`Resolution` running to its sentence's end, and the paragraph's other
sentences stay paragraphs around it, nothing dropped; a point telling one is
cut the same way, keeping its label; a motion followed by a bare "Agreed." is
one agreement.  A paragraph that tells none is returned as it is.
"""

from __future__ import annotations

import functools
import re

import attrs

from ..._model import (
    Agreement,
    Block,
    Paragraph,
    Point,
    PointList,
    Resolution,
    Span,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns
from .base import _lead_that, fold
from .outcomes import OutcomeRules
from .points import _POINT_LABEL

# An agreement with no words of its own, closing the motion before it: "Agreed unanimously.", "AGREED".
_BARE_AGREED = rx.compile(r"(?:Agreed|AGREED)(?:[ ]+(?:unanimously|UNANIMOUSLY|nem\.?[ ]*con\.?))?[ ]*\.?")

# A paragraph that opens with a motion: "Mr A proposed, and Mr B seconded, that …",
# "3) Proposed by Cllr A and seconded by Cllr B that …" (a paragraph number may stand first).
_MOTION_OPENS = rx.compile(
    r"(?:\(?\d{1,3}[.)][ ]+)?(?:(?:[A-Z][\w.'-]*[ ]+){1,4}(?:proposed|moved)|(?:Proposed|Moved)[ ]+by)\b"
    r"[^.]{0,120}?\bseconded\b[ ]*(?:by[ ]+[^,.]{1,60}?)?[ ]*,?[ ]*(?=(?:that|THAT)\b)"
)

# Where a sentence of prose ends: a full stop, "!" or "?" before a capital or the end, or a
# colon at the end; not the stop of an abbreviation or an initial ("Cllr. O. Williams").
_SENTENCE_STOP = rx.compile(r"[.!?](?=[\"')\]]{0,2}(?:\s+[\"'(]?[A-Z0-9]|\s*$))|:-?(?=[ ]*(?:\n|$))")

_ABBREVIATED = rx.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Cllrs|St|No|Nos|Prof|Rev|Revd|approx|etc|e\.g|i\.e|Chq)|(?<![\w.])[A-Z]|\.[A-Z])$"
)


def _sentence_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, blanks trimmed, the closing mark included."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_STOP.finditer(text):
        stop = m.end()
        if text[m.start()] == "." and _ABBREVIATED.search(text, max(0, m.start() - 8), m.start()):
            continue
        ranges.append((start, stop))
        start = stop
    if text[start:].strip():
        ranges.append((start, len(text)))
    trimmed = []
    for a, b in ranges:
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


@functools.cache
def _narrated_agreement(vocab: Patterns) -> re.Pattern[str]:
    """A sentence that tells what the meeting agreed (see :meth:`MinutesTransformer._narrated`)."""
    verb = vocab.agreement_verb.pattern
    # A body's name may be split over two lines ("by the Parish" / "Council").
    body = vocab.body.pattern.replace("[ ]+", r"\s+")
    return rx.compile(
        # What may stand before: a point's label ("11i) "), a title run in ("Internal Audit - ",
        # "Payments "), "Following a discussion".
        r"(?:[\w.]{1,16}[.)]\s+)?"
        r"(?:(?!It\b)[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}\s+(?:[-\u2013:]\s+)?)?"
        r"(?:(?:Following|After)\s+(?:a\s+|some\s+|further\s+|brief\s+)?(?:discussion|debate)\s*,?\s+)?"
        r"(?:"
        rf"(?:it|It)\s+was\s+(?:further\s+|also\s+)?{verb}\s+(?:that|to)\b"
        rf"|(?:All\s+(?:Councillors\s+|Members\s+|present\s+|those\s+present\s+)?|Councillors\s+){verb}"
        r"\s+(?:that|to)\b"
        # A motion put and agreed: the agreement starts at its verb, after the movers' names.
        r"|(?:(?:It|it)\s+was\s+)?(?:(?:[A-Z][\w.'-]*\s+){1,4})?(?:[Pp]roposed|[Mm]oved)\b"
        rf".{{0,200}}?\bseconded\b.{{0,150}}?\band\s+(?P<at>(?:it\s+was\s+)?{verb})"
        rf"|(?:The|the)\s+following\b.{{0,60}}?\b(?:was|were)\s+{verb}"
        # A motion put by one member and agreed, to the sentence's end: "The Chairman proposed
        # that Council extend the meeting and it was agreed unanimously." (what was agreed: the motion).
        r"|(?:(?:[A-Z][\w.'-]*\s+){1,4})(?:proposed|moved)\s+that\s+(?P<motion>.{1,300}?)"
        rf"\s+and\s+it\s+was\s+{verb}(?:\s+(?:unanimously|UNANIMOUSLY|nem\.?\s*con\.?))?[ ]*\.?$"
        rf"|.{{0,150}}?\b(?:was|were)\s+(?:unanimously|UNANIMOUSLY)\s+{verb}"
        # Approved by the meeting's own body: "The Accounts were approved by the Parish Council".
        rf"|.{{0,150}}?\b(?:was|were)\s+(?:[a-z]+\s+and\s+)?{verb}\s+by\s+{body}\b"
        r")",
        re.DOTALL,
    )


class NarratedOutcomes(OutcomeRules):
    """Agreements and resolutions told in sentences of prose, cut out of their paragraphs and points."""

    def _narrated(self, blocks: list[Block]) -> list[Block]:
        """Agreements told as sentences of prose, made outcomes of their own.

        * A sentence of a paragraph that tells what the meeting agreed ("It
          was unanimously agreed to …", "It was proposed by …, seconded by …
          and agreed that …", "All Councillors agreed that …", "The following
          payments were approved:", "… was unanimously approved.") is an
          agreement, running to its sentence's end; the paragraph's other
          sentences stay prose around it.  One ending in a colon takes the
          point list that follows.
        * A motion ("Mr A proposed, and Mr B seconded, that …") followed by an
          agreement with no words of its own ("Agreed unanimously.") is one
          agreement: the motion is what was agreed.
        """
        out: list[Block] = []
        k = 0
        while k < len(blocks):
            block = blocks[k]
            nxt = blocks[k + 1] if k + 1 < len(blocks) else None
            if (
                type(block) is Paragraph
                and isinstance(nxt, Agreement)
                and not nxt.body
                and not nxt.points
                and _BARE_AGREED.fullmatch(nxt.intro.text)
                and _MOTION_OPENS.match(block.text)
            ):
                that, text = _lead_that(_MOTION_OPENS.sub("", block.text, count=1))
                out.append(
                    attrs.evolve(
                        nxt,
                        span=Span(start=block.span.start, end=nxt.span.end),
                        intro=block,
                        body=(nxt.intro,),
                        text=text,
                        that=that,
                    )
                )
                k += 2
                continue
            if isinstance(block, PointList):
                out.extend(self._narrated_points(block))
                k += 1
                continue
            pieces = self._narrated_pieces(block) if type(block) is Paragraph else None
            if pieces is None:
                out.append(block)
                k += 1
                continue
            last = pieces[-1]
            if (
                isinstance(last, Agreement)
                and isinstance(nxt, PointList)
                and last.intro.text.endswith((":", ":-"))
            ):
                pieces[-1] = attrs.evolve(
                    last, span=Span(start=last.span.start, end=nxt.span.end), points=nxt.points
                )
                k += 1
            out.extend(pieces)
            k += 1
        return out

    def _narrated_pieces(self, par: Paragraph | Point) -> list[Block] | None:
        """``par`` cut into prose and the outcomes its sentences tell, or ``None`` if it tells none.

        A sentence tells an agreement (:func:`_narrated_agreement`) or a
        resolution: "… and it was" / "resolved Councillor A sign …", a
        resolution whose label the lines of a paragraph split, runs from its
        "it was resolved" to the sentence's end.
        """
        agreed = self._v.agreement_verb_alone.search(par.text) is not None
        resolved = (
            self._v.resolution_verb.search(par.text) is not None
            and self._v.narrated_resolved.search(par.text) is not None
        )
        if not agreed and not resolved:
            return None
        where = self._normalised_range(par)
        if where is None or self._token_type is None:
            return None
        start, end = where
        value = self._text[start:end]
        found: list[tuple[int, int, bool]] = []
        # What a motion agreed at the sentence's end said, by the sentence's start.
        motions: dict[int, str] = {}
        # Every match of the agreement pattern holds its verb, so one of the verb's words.
        verbs = self._v.agreement_verb_alone.words
        for s_start, s_end in _sentence_ranges(value):
            m = None
            if agreed and any(w in value[s_start:s_end] for w in verbs):
                m = _narrated_agreement(self._v).match(value, s_start, s_end)
            if m is not None:
                found.append((m.start("at") if m.group("at") else s_start, s_end, False))
                if m.group("motion"):
                    motions[s_start] = fold(m.group("motion"))
                continue
            r = self._v.narrated_resolved.search(value, s_start, s_end) if resolved else None
            if r is not None:
                found.append((r.start(), s_end, True))
        if not found:
            return None
        token = self._token_type("TEXT", value, start_pos=start)
        pieces: list[Block] = []
        at = 0
        for s_start, s_end, resolution in found:
            before = self._piece(token, at, s_start)
            if before is not None:
                pieces.append(self._paragraph(before))
            piece = self._piece(token, s_start, s_end)
            if piece is not None and resolution:
                # Its label read on one line: a line end is a space (the offsets stay).
                flat = type(piece)(piece.type, piece.value.replace("\n", " "), start_pos=piece.start_pos)
                pieces.extend(self._outcome(Resolution, [flat]))
            elif piece is not None:
                agreed_blocks = self.agreement([piece])
                first = agreed_blocks[0]
                if s_start in motions and isinstance(first, Agreement):
                    agreed_blocks[0] = attrs.evolve(first, text=motions[s_start], that="that", label=None)
                pieces.extend(agreed_blocks)
            at = s_end
        rest = self._piece(token, at, len(value))
        if rest is not None:
            pieces.append(self._paragraph(rest))
        return pieces

    def _narrated_points(self, block: PointList) -> list[Block]:
        """A list whose points tell agreements in their sentences, cut around each agreement.

        A point of one sentence or more ("ix) Renewal of membership. It was
        proposed by …, seconded by … and agreed to renew …") is cut as a
        paragraph is: the point keeps its label and the words before the
        agreement (the agreement takes the label when it is the point's first
        sentence), the agreement follows it, then the point's words after it
        as prose, then the rest of the list.  A point with points of its own
        is left whole.
        """
        out: list[Block] = []
        kept: list[Point] = []

        def flush() -> None:
            if kept:
                out.append(PointList(span=self._joined(kept[0].span, kept[-1].span), points=tuple(kept)))
                kept.clear()

        for point in block.points:
            pieces = None if point.points else self._narrated_pieces(point)
            if pieces is None:
                kept.append(point)
                continue
            first = pieces[0]
            if type(first) is Paragraph:
                own = _POINT_LABEL.match(first.text)
                text = first.text[own.end() :] if own else first.text
                kept.append(Point(span=first.span, label=point.label, text=text))
                pieces = pieces[1:]
            flush()
            out.extend(pieces)
        if len(out) == 0:
            return [block]
        flush()
        return out
