"""Sections, markers and front matter: rules ``minutes_section``, ``decision_section``,
``supporting_documents``, ``budget_proposal``, ``meeting_line``, ``note``,
``marker``, ``furniture``, ``front_matter`` and ``closing``.

A new section label is a terminal and a rule in ``grammar/minutes.lark``
(with a :class:`SectionKind`), and a method here built with
:meth:`SectionRules._section`.  Guarantees: a section keeps its label as a
:class:`Marker` and its blocks in order; a ``Decision:`` section's first
deciding paragraph becomes a :class:`Decision` unless the section already
holds an outcome; sections outside an item keep their label and blocks in
the flow; the closing line's time is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..._model import (
    OUTCOME_TYPES,
    Block,
    BudgetProposal,
    Decision,
    Furniture,
    Heading,
    ItemSection,
    Marker,
    MarkerKind,
    MeetingEnd,
    Note,
    SectionKind,
)
from ...parsing import patterns as rx
from ..readers import parse_time
from .base import Closing, FrontMatter, fold
from .blocks import BlockLists

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


_PROPOSAL_REF = rx.compile(
    r"^(\d{4}[-/]\d{2,4}[ ]+[A-Z]{2,6}[ ]+[A-Z]{2,6}[ ]+\d{1,4})\s*(?:[\u2013\u2014:-]\s*)?"
)


class SectionRules(BlockLists):
    """Item sections; markers, notes and furniture; the front matter and the closing."""

    def meeting_line(self, children: list[Token]) -> list[Block]:
        head = self._paragraph(children[0])
        blocks: list[Block] = [Heading(span=head.span, text=head.text)]
        if len(children) > 1:
            blocks.extend(self.paragraph([children[0], *children[1:]])[1:])
        return blocks

    def note(self, children: list[Token]) -> list[Block]:
        para = self._paragraph(children[0])
        inner = para.text.strip(" .")
        if inner.startswith("(") and inner.endswith(")"):
            inner = inner[1:-1].strip()
        return [Note(span=para.span, text=inner)]

    def marker(self, children: list[Token]) -> list[Block]:
        tok = children[0]
        para = self._paragraph(tok)
        kind = MarkerKind.BREADCRUMB if tok.type == "BREADCRUMB" else MarkerKind.LINK
        return [Marker(span=para.span, kind=kind, text=para.text)]

    def furniture(self, children: list[Token]) -> list[Block]:
        para = self._paragraph(children[0])
        return [Furniture(span=para.span, text=para.text)]

    def _section(self, kind: SectionKind, children: list[Any]) -> ItemSection:
        tok = children[0]
        start, end = self._token_span(tok)
        label = Marker(span=self._span(start, end), kind=MarkerKind.SECTION_LABEL, text=fold(tok.value))
        blocks = tuple(self._blocks(children[1:]))
        last = blocks[-1].span if blocks else label.span
        return ItemSection(span=self._joined(label.span, last), kind=kind, label=label, blocks=blocks)

    def minutes_section(self, children: list[Any]) -> ItemSection:
        return self._section(SectionKind.MINUTES, children)

    def decision_section(self, children: list[Any]) -> ItemSection:
        """A ``Decision:`` block: its first paragraph, with its points, is the decision.

        A block that already holds an outcome (``RESOLVED …``) keeps it as it is,
        and a paragraph that only reports ("Apologies were received …",
        "There was no other business") is no decision.
        """
        rest = children[1:]
        if not any(isinstance(b, OUTCOME_TYPES) for c in rest for b in (c if isinstance(c, list) else [c])):
            for n, child in enumerate(rest):
                lines = self._lines.get(id(child[0])) if isinstance(child, list) and child else None
                if lines is not None and self._v.decides.match(lines[0].value):
                    rest = [*rest[:n], self._outcome(Decision, lines, own_words=True), *rest[n + 1 :]]
                    break
        return self._section(SectionKind.DECISION, [children[0], *rest])

    def supporting_documents(self, children: list[Any]) -> ItemSection:
        return self._section(SectionKind.SUPPORTING_DOCUMENTS, children)

    def budget_proposal(self, children: list[Any]) -> list[Block]:
        tok = children[0]
        para = self._paragraph(tok)
        heading = Heading(span=para.span, text=para.text)
        m = _PROPOSAL_REF.match(para.text)
        reference = m.group(1) if m else para.text
        title = para.text[m.end() :].strip() if m else ""
        blocks = tuple(self._blocks(children[1:]))
        last = blocks[-1].span if blocks else heading.span
        return [
            BudgetProposal(
                span=self._joined(heading.span, last),
                heading=heading,
                reference=reference,
                title=title,
                blocks=blocks,
            )
        ]

    def _flat_sections(self, children: list[Any]) -> list[Block]:
        # Sections outside an item (an item page whose heading was lost, or
        # labels after the closing line) keep their label and blocks in the flow.
        flat: list[Any] = []
        for child in children:
            if isinstance(child, ItemSection):
                flat.append([child.label, *child.blocks])
            else:
                flat.append(child)
        return self._blocks(flat)

    def front_matter(self, children: list[Any]) -> FrontMatter:
        front = FrontMatter(self._flat_sections(children))
        self._lines.clear()  # read by Decision: blocks of this part only
        return front

    def closing(self, children: list[Any]) -> Closing:
        tok = children[0]
        para = self._paragraph(tok)
        end = MeetingEnd(span=para.span, text=para.text, time=parse_time(para.text))
        closing = Closing([end, *self._flat_sections(children[1:])])
        self._lines.clear()  # read by Decision: blocks of this part only
        return closing
