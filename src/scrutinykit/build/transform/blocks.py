"""Block lists: the blocks of a rule gathered in order, lines of one paragraph rejoined.

Handles no grammar rule of its own: every rule whose children are blocks
(an item's agenda, a section, the front matter, the closing) gathers them
with :meth:`BlockLists._blocks`.  The grammar sees lines; a paragraph or an
outcome hard-wrapped over several lines arrives in pieces, joined here.
Guarantees: paragraphs printed on consecutive lines become one; a line that
finishes an outcome's or a point's open sentence joins it; an outcome label
that asks for what follows ("RESOLVED:-") takes the next paragraph or point
list; "Proposed by …" / "Seconded by … and agreed" is one agreement; a
"That …" clause declared lost stays prose; no block is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from ..._model import (
    Agreement,
    Block,
    Conclusion,
    Outcome,
    Paragraph,
    PointList,
    Recommendation,
    Resolution,
    Span,
)
from ...parsing import patterns as rx
from .base import _lead_that
from .narrated import NarratedOutcomes
from .outcomes import (
    _LABELLED,
    _OPEN_LABEL,
)

_SECONDED = rx.compile(r"(?:Seconded|SECONDED) by\b")

_PROPOSED = rx.compile(r"(?:Proposed|PROPOSED|Moved|MOVED) by\b")


# A motion whose outcome label was lost in extraction: "It was moved by …, seconded by … and".
# The motion's own words ("seconded, that the Council …") are not a lost label: no "that" after "seconded".
_MOTION_AND = rx.compile(
    r"\b(?:moved|proposed)\b.*\bseconded\b(?:(?!\bthat\b).)*\band$", re.IGNORECASE
)

# Its last word, tried first: searched alone from four characters before the end it is one
# step, where the whole pattern is tried at every position of the paragraph.
_MOTION_AND_END = rx.compile(r"and$", re.IGNORECASE)

# What says a motion failed: "it was declared lost", "the amendment fell".
_LOST = rx.compile(
    r"\b(?:(?:was|were|being)[ ]+(?:declared[ ]+)?(?:lost|defeated)|(?:motion|amendment)[ ]+fell)\b"
)

# The end of a line that stops mid-sentence: a word or a comma, not a closing mark
# ("." "!" "?" ";" ":" a dash, or a closing bracket or quote).
_MID_SENTENCE = rx.compile(r"[\w,]$")

# A short entry of a list printed one per line: no full stop, a few words.
_LIST_LINE = rx.compile(r"[^.]{1,60}")


class BlockLists(NarratedOutcomes):
    """Gathering a rule's blocks: joining the pieces of hard-wrapped paragraphs, points and outcomes."""

    def _blocks(self, children: Iterable[Any]) -> list[Block]:
        """Flatten rule results into blocks, rejoining lines of one paragraph.

        The grammar sees lines; a paragraph hard-wrapped over several lines
        (PDF text) arrives as several paragraphs with no blank line between,
        and is joined here into one.
        """
        out: list[Block] = []
        for child in children:
            if isinstance(child, list):
                for block in child:
                    self._append(out, block)
            else:
                self._append(out, child)
        return self._narrated(out)

    def _append(self, out: list[Block], block: Block) -> None:
        prev = out[-1] if out else None
        if (
            isinstance(block, Agreement)
            and type(prev) is Paragraph
            and _SECONDED.match(block.intro.text)
            and _PROPOSED.match(prev.text)
        ):
            # "Proposed by Cllr A" / "Seconded by Cllr B and agreed that …": one agreement.
            out[-1] = attrs.evolve(
                block,
                span=Span(start=prev.span.start, end=block.span.end),
                intro=prev,
                body=(block.intro, *block.body),
                text=f"{prev.text} {block.text}",
            )
            return
        if isinstance(prev, PointList) and type(block) is Paragraph:
            run_on = self._point_run_on(prev, block)
            if run_on is not None:
                out[-1] = run_on
                return
        if isinstance(prev, PointList) and isinstance(block, PointList):
            # The points after a point's run-on line: the list goes on.
            out[-1] = PointList(
                span=Span(start=prev.span.start, end=block.span.end), points=(*prev.points, *block.points)
            )
            return
        if (
            isinstance(prev, _LABELLED)
            and isinstance(block, Paragraph)
            and not prev.implicit
            and self._runs_on(prev, block)
        ):
            out[-1] = self._run_on(prev, block)
            return
        if (
            isinstance(prev, _LABELLED)
            and isinstance(block, Agreement)
            and not prev.implicit
            and not block.points
            and self._agreement_runs_on(prev, block)
        ):
            # "RESOLVED that pursuant to section 25 of the Act," / "Council noted the report
            # and agreed to …": the line that reads as an agreement finishes the resolution.
            run = prev
            for par in (block.intro, *block.body):
                run = self._run_on(run, par)
            out[-1] = run
            return
        if isinstance(prev, (Resolution, Recommendation, Conclusion)) and not prev.implicit:
            taken = self._take(prev, block)
            if taken is not None:
                out[-1] = taken
                return
        if (
            isinstance(prev, Resolution)
            and prev.implicit
            and type(block) is Paragraph
            and _LOST.search(block.text)
        ):
            # "That …" followed by "… and it was declared lost": a motion that failed, not a resolution.
            out[-1:] = [prev.intro, *prev.body]
            if prev.points:
                out.append(
                    PointList(
                        span=self._joined(prev.points[0].span, prev.points[-1].span), points=prev.points
                    )
                )
            out.append(block)
            return
        if (
            type(prev) is Paragraph
            and type(block) is Paragraph
            and _MOTION_AND_END.search(prev.text, max(0, len(prev.text) - 4))
            and _MOTION_AND.search(prev.text)
        ):
            # "It was moved by …, seconded by … and" — the label after "and" was lost:
            # the paragraph that follows is what was resolved.
            that, text = _lead_that(block.text)
            out.append(Resolution(span=block.span, intro=block, text=text, that=that, implicit=True))
            return
        if out and type(block) is Paragraph and type(out[-1]) is Paragraph:
            prev = out[-1]
            gap = self._gap(prev.span.end, block.span.start)
            if gap.count("\n") <= 1:
                joined = Paragraph(
                    span=Span(start=prev.span.start, end=block.span.end), text=f"{prev.text} {block.text}"
                )
                first, last = self._normalised_range(prev), self._normalised_range(block)
                if first is not None and last is not None:
                    self._norm[id(joined)] = (joined, first[0], last[1])
                out[-1] = joined
                return
        out.append(block)

    def _runs_on(self, outcome: Outcome, block: Paragraph) -> bool:
        """Whether ``block`` is the rest of the sentence ``outcome``'s last line leaves open.

        A PDF prints a resolution hard-wrapped, and the layout stage may leave
        its lines apart: a line that stops mid-sentence (no closing
        punctuation) runs on into the paragraph printed on the very next line.
        """
        if type(block) is not Paragraph or outcome.points:
            return False
        last = outcome.body[-1] if outcome.body else outcome.intro
        if not _MID_SENTENCE.search(last.text):
            return False
        return self._gap(outcome.span.end, block.span.start).count("\n") <= 1

    def _agreement_runs_on(self, outcome: Outcome, block: Agreement) -> bool:
        """Whether the agreement ``block`` is the rest of the sentence ``outcome`` leaves open.

        Stricter than :meth:`_runs_on`: the outcome's last line ends in a comma
        (a clause that must go on), and the agreement is printed on the very next line.
        """
        if outcome.points:
            return False
        last = outcome.body[-1] if outcome.body else outcome.intro
        if not last.text.endswith(","):
            return False
        return self._gap(outcome.span.end, block.span.start).count("\n") <= 1

    def _point_run_on(self, points: PointList, block: Paragraph) -> PointList | None:
        """``points`` with ``block`` as the rest of its last point's sentence, or ``None``.

        A point hard-wrapped over lines arrives as the point's line and a
        paragraph: the paragraph finishes the point when the point's line stops
        mid-sentence (a word or a comma), the paragraph starts in lower case,
        and it is printed on the very next line ("ix) … seconded by Cllr B and"
        / "unanimously agreed to …"); once a point has run on, a line that
        follows one it left mid-sentence goes on with it in any case, as the
        lines of a paragraph do.
        """
        last = points.points[-1]
        if last.points or not _MID_SENTENCE.search(last.text):
            return None
        if not block.text[:1].islower() and id(last) not in self._run_points:
            return None
        if self._gap(points.span.end, block.span.start).count("\n") > 1:
            return None
        point = attrs.evolve(
            last, span=Span(start=last.span.start, end=block.span.end), text=f"{last.text} {block.text}"
        )
        first, rest = self._normalised_range(last), self._normalised_range(block)
        if first is not None and rest is not None:
            self._norm[id(point)] = (point, first[0], rest[1])
        self._run_points.add(id(point))
        return PointList(
            span=Span(start=points.span.start, end=block.span.end), points=(*points.points[:-1], point)
        )

    @staticmethod
    def _run_on(outcome: Outcome, block: Paragraph) -> Outcome:
        """``outcome`` with the paragraph that finishes its sentence as its body's last part."""
        that = outcome.that
        if outcome.text:
            text = f"{outcome.text} {block.text}"
        elif that is None:
            that, text = _lead_that(block.text)
        else:
            text = block.text
        span = Span(start=outcome.span.start, end=block.span.end)
        return attrs.evolve(outcome, span=span, body=(*outcome.body, block), text=text, that=that)

    @staticmethod
    def _take(outcome: Outcome, block: Block) -> Outcome | None:
        """``outcome`` extended by the block after it, when its label line asks for it.

        * A label with no words of its own that ends in a colon or a dash
          ("The Committee resolved:-") takes the next paragraph as its text.
        * Words ending in a colon ("… be noted:-") take the short lines that
          follow, a list printed one entry per line with no bullets.
        * Either takes the point list that follows, if it has none yet.
        """
        if outcome.points:
            return None
        if isinstance(block, PointList):
            texts = [outcome.intro.text, *(p.text for p in outcome.body)]
            if not _OPEN_LABEL.search(texts[-1]) or (outcome.body and not texts[-1].endswith((":", ":-"))):
                return None
            span = Span(start=outcome.span.start, end=block.span.end)
            return attrs.evolve(outcome, span=span, points=block.points)
        if type(block) is not Paragraph:
            return None
        if not outcome.text and not outcome.body:
            if not _OPEN_LABEL.search(outcome.intro.text):
                return None
        else:
            listed = list(outcome.body)
            while listed and _LIST_LINE.fullmatch(listed[-1].text):
                listed.pop()
            anchor = listed[-1].text if listed else outcome.intro.text
            if not anchor.endswith((":", ":-")) or not _LIST_LINE.fullmatch(block.text):
                return None
        return BlockLists._run_on(outcome, block)
