"""Turn the grammar's parse tree into model nodes.

One :class:`MinutesTransformer` method per grammar rule, named after it.
Tokens carry offsets into the *normalised* text; every span is mapped back
to the original text here, so the model only ever sees original offsets.
Rules that yield more than one block (a paragraph followed by points, say)
return a list, which the rule above flattens.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from ..._model import (
    OUTCOME_TYPES,
    AgendaItem,
    Agreement,
    Block,
    BudgetProposal,
    Conclusion,
    Decision,
    Furniture,
    Heading,
    ItemSection,
    Marker,
    MarkerKind,
    MeetingEnd,
    Note,
    Outcome,
    Paragraph,
    Point,
    PointList,
    Recommendation,
    Resolution,
    SectionKind,
    Span,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns
from ..inline import parse_time
from .attendance import AttendanceRules
from .base import Closing, FrontMatter, HeadingInfo, ParsedTree, TransformerBase, _lead_that, fold
from .flattened import FlattenedLines
from .outcomes import (
    _LABELLED,
    _OPEN_LABEL,
    OutcomeRules,
)
from .points import _POINT_LABEL, PointRules

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token, Tree

__all__ = ["FrontMatter", "HeadingInfo", "MinutesTransformer", "ParsedTree"]


def _extend_item(item: AgendaItem, blocks: list[Block]) -> AgendaItem:
    """``item`` with ``blocks`` appended to its last part."""
    end = Span(start=item.span.start, end=blocks[-1].span.end)
    if item.sections:
        last = item.sections[-1]
        last = attrs.evolve(
            last, span=Span(start=last.span.start, end=end.end), blocks=(*last.blocks, *blocks)
        )
        return attrs.evolve(item, span=end, sections=(*item.sections[:-1], last))
    return attrs.evolve(item, span=end, agenda=(*item.agenda, *blocks))


_SECONDED = rx.compile(r"(?:Seconded|SECONDED) by\b")
_PROPOSED = rx.compile(r"(?:Proposed|PROPOSED|Moved|MOVED) by\b")


# ---------------------------------------------------------------------------
# Inline patterns used while transforming
# ---------------------------------------------------------------------------


# The number that opens a minute's first paragraph: "6.   The Committee had before it …".
_LEADING_NUMBER = rx.compile(r"(\d{1,3}\.)[ ]+")
# A motion whose outcome label was lost in extraction: "It was moved by …, seconded by … and".
# The motion's own words ("seconded, that the Council …") are not a lost label: no "that" after "seconded".
_MOTION_AND = rx.compile(
    r"\b(?:moved|proposed)\b.*\bseconded\b(?:(?!\bthat\b).)*\band$", re.IGNORECASE
)
# Its last word, tried first: searched alone from four characters before the end it is one
# step, where the whole pattern is tried at every position of the paragraph.
_MOTION_AND_END = rx.compile(r"and$", re.IGNORECASE)
# Where the title of a flattened table row stops: its report link or its section labels.
# The number cell of a pipe-rendered items table row: "49. | ".
_ROW_NUMBER = rx.compile(r"(?P<number>\d{1,4}\.?)[ ]+\|[ \n]+")
# What says a motion failed: "it was declared lost", "the amendment fell".
_LOST = rx.compile(
    r"\b(?:(?:was|were|being)[ ]+(?:declared[ ]+)?(?:lost|defeated)|(?:motion|amendment)[ ]+fell)\b"
)
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
# The end of a line that stops mid-sentence: a word or a comma, not a closing mark
# ("." "!" "?" ";" ":" a dash, or a closing bracket or quote).
_MID_SENTENCE = rx.compile(r"[\w,]$")
# A short entry of a list printed one per line: no full stop, a few words.
_LIST_LINE = rx.compile(r"[^.]{1,60}")


# The item number an issue page's meeting line gives: "Meeting: 13/11/2024 - Committee (Item 8)".
_ISSUE_ITEM = rx.compile(r"^(?:Meeting|MEETING)[ ]*:.*\([Ii]tem[ ]+(\d{1,4}[a-z]?)\)[ ]*$")
_AGENDA_REF = rx.compile(r"\(\s*[Aa]genda [Ii]tem\s+(\d{1,3}[a-z]?)\s*\)[ .]*$")
# The number of a minute heading, as written ("A26/17", "41.", "3.1"); after
# the word "Minute" only the number itself ("Minute 85 –" is minute "85").
_MINUTE_NUMBER = rx.compile(
    r"^(?:(?:Minute|MINUTE)[ ]+(?:[Nn][Oo]\.?[ ]*)?)?"
    r"(?P<number>(?:[A-Z]{1,4}\.?)?\d{1,4}/\d{2,4}(?:-\d{2})?|[A-Za-z]{1,4}/\d{1,4}/\d{2}(?:-\d{2})?"
    r"|[A-Z]{2,5}\.\d{1,3}|\d{1,4}\.\d{1,2}\.\d{1,3}\.?|\d{4}\.\d{2}|\d{1,3}\.\d{1,2}(?=[ ])|\d{1,4}\.?)"
)
_PROPOSAL_REF = rx.compile(
    r"^(\d{4}[-/]\d{2,4}[ ]+[A-Z]{2,6}[ ]+[A-Z]{2,6}[ ]+\d{1,4})\s*(?:[\u2013\u2014:-]\s*)?"
)
_PDF_SUFFIX = rx.compile(r"\s*(?:pdf icon\s*)?PDF\s+\d+\s*[KM]B\s*$", re.IGNORECASE)


# ---------------------------------------------------------------------------
# Intermediate values passed up the tree
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# The transformer
# ---------------------------------------------------------------------------


class MinutesTransformer(AttendanceRules, OutcomeRules, PointRules, FlattenedLines, TransformerBase):
    """Build model nodes from the parse tree of one normalised text."""

    def transform(self, tree: Tree[Token], *, consume: bool = False) -> ParsedTree:
        """Run each rule's method on its transformed children, bottom up; the start rule's result.

        What Lark's ``Transformer.transform`` does, as a plain recursion: the
        methods here use none of its extras (no ``Discard``, no token
        visits, no ``v_args``), and an exception raised by a method comes
        out as itself rather than wrapped in ``VisitError``.

        With ``consume`` the tree is emptied as it is read: each node lets go
        of its children once they are transformed, so the line tokens of a
        long document are freed item by item rather than all at the end.
        The parse uses it; the tree is of no use afterwards.
        """
        result = self._visit(tree, consume)
        assert isinstance(result, ParsedTree)
        return result

    def _visit(self, tree: Tree[Token], consume: bool) -> Any:
        kids = tree.children
        if consume:
            tree.children = []
        # Tokens are strings; anything else is a subtree.
        children = [c if isinstance(c, str) else self._visit(c, consume) for c in kids]
        del kids
        method = _RULE_METHODS.get(tree.data)
        if method is None:
            return type(tree)(tree.data, children, tree.meta)
        return method(self, children)

    # -- spans --------------------------------------------------------------

    # -- points ---------------------------------------------------------------

    # -- blocks ---------------------------------------------------------------

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

    # -- item headings ------------------------------------------------------------

    def _title_node(self, token: Token) -> tuple[Heading, str, str | None]:
        para = self._paragraph(token)
        title = _PDF_SUFFIX.sub("", para.text)
        agenda_number = None
        m = _AGENDA_REF.search(title)
        if m:
            agenda_number = m.group(1)
            title = title[: m.start()].rstrip()
        return Heading(span=para.span, text=para.text), title, agenda_number

    def numbered_heading(self, children: list[Token]) -> HeadingInfo:
        token = children[0]
        extra: tuple[Block, ...] = ()
        split = self._v.heading_outcome.search(token.value)
        if split is not None:
            # "613  MINUTES – Resolved – That …": the heading, then the item's resolution.
            outcome = self._piece(token, split.start("label"), len(token.value))
            heading = self._piece(token, 0, split.start("label"))
            if outcome is not None and heading is not None:
                token = heading
                extra = tuple(self._outcome(Resolution, [outcome]))
        node, title, agenda_number = self._title_node(token)
        m = _MINUTE_NUMBER.match(title)
        number = None
        if m:
            number = m.group("number")  # as written: "41." keeps its full stop
            title = title[m.end() :].strip()
            title = title.lstrip("\u2013\u2014-:. ").strip()
        if extra:
            title = title.rstrip("\u2013\u2014-:. ")
        return HeadingInfo((node,), title, number, agenda_number, False, extra)

    def referenced_heading(self, children: list[Token]) -> HeadingInfo:
        node, title, agenda_number = self._title_node(children[0])
        return HeadingInfo((node,), title, None, agenda_number, False)

    def _two_lines(self, token: Token) -> tuple[tuple[int, int, str], Token]:
        """Split a number-or-banner token into its first line and a title token."""
        value = token.value
        start = token.start_pos or 0
        first = value.split("\n", 1)[0]
        rest = value[len(first) :]
        lead = len(rest) - len(rest.lstrip())
        title_start = start + len(first) + lead
        title = type(token)("TEXT", rest[lead:], start_pos=title_start)
        return (start, start + len(first.rstrip()), fold(first)), title

    def number_then_title(self, children: list[Token]) -> HeadingInfo:
        (start, end, text), title_tok = self._two_lines(children[0])
        number = Heading(span=self._span(start, end), text=text)
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((number, node), title, text, agenda_number, False)

    def title_then_number(self, children: list[Token]) -> HeadingInfo:
        """An upper-case title line, then the minute's first paragraph with its number ("1.")."""
        token = children[0]
        line_end = token.value.index("\n")
        number = _LEADING_NUMBER.search(token.value, line_end)
        title_tok = self._piece(token, 0, line_end)
        number_tok = self._piece(token, number.start(1), number.end(1)) if number else None
        if title_tok is None or number_tok is None or number is None:  # pragma: no cover - terminal shape
            raise ValueError(f"not an upper-case title and a numbered paragraph: {token.value!r}")
        node, title, agenda_number = self._title_node(title_tok)
        number_node = Heading(span=self._span(*self._token_span(number_tok)), text=number_tok.value)
        words = self._piece(token, number.end(), len(token.value))
        extra = (self._paragraph(words),) if words is not None else ()
        return HeadingInfo((node, number_node), title, number_tok.value, agenda_number, False, extra)

    def title_then_purpose(self, children: list[Token]) -> HeadingInfo:
        """An unnumbered title, then the line saying what the item is for (its first agenda text)."""
        token = children[0]
        line_end = token.value.index("\n")
        title_tok = self._piece(token, 0, line_end)
        purpose = self._piece(token, line_end, len(token.value))
        if title_tok is None or purpose is None:  # pragma: no cover - terminal shape
            raise ValueError(f"not a title and a purpose line: {token.value!r}")
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((node,), title, None, agenda_number, False, (self._paragraph(purpose),))

    def title_then_section(self, children: list[Token]) -> HeadingInfo:
        """A title a section label soon follows: alone, with its number, or under its number line."""
        token = children[0]
        if "\n" not in token.value:
            info = self.numbered_heading(children)
            info.loose = info.minute_number is None
            return info
        (start, end, text), title_tok = self._two_lines(token)
        number = Heading(span=self._span(start, end), text=text)
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((number, node), title, text, agenda_number, False)

    def table_row_heading(self, children: list[Token]) -> HeadingInfo:
        """A flattened items-table row: the title, then the rest of the row as the item's text.

        The title stops at the report link or the section labels; a
        resolution in the rest ("… Minutes: Resolved:-") is read as in prose.
        """
        token = children[0]
        numbered = _ROW_NUMBER.match(token.value)
        begin = numbered.end() if numbered else 0
        cut = self._v.row_title_end.search(token.value, begin)
        end = cut.start() if cut else len(token.value)
        title_tok = self._piece(token, begin, end)
        if title_tok is None:  # pragma: no cover - the terminal starts with a letter
            raise ValueError(f"not a table row: {token.value!r}")
        node, title, agenda_number = self._title_node(title_tok)
        nodes: tuple[Marker | Heading, ...] = (node,)
        number = None
        if numbered is not None:
            number = numbered.group("number")
            number_tok = self._piece(token, 0, numbered.end())  # the cell's "|" with it
            if number_tok is not None:
                nodes = (Heading(span=self._span(*self._token_span(number_tok)), text=number), node)
        rest = self._piece(token, end, len(token.value))
        extra: list[Block] = []
        if rest is not None:
            if self._v.inline_resolved.search(rest.value):
                extra = self._inline_resolutions([rest])
            else:
                extra = [self._paragraph(rest)]
        return HeadingInfo(nodes, title, number, agenda_number, False, tuple(extra))

    def banner_then_title(self, children: list[Token]) -> HeadingInfo:
        """The "Agenda item" banner, perhaps the meeting's line or the item's time, then the title."""
        (start, end, text), title_tok = self._two_lines(children[0])
        banner = Marker(span=self._span(start, end), kind=MarkerKind.AGENDA_ITEM_BANNER, text=text)
        nodes: tuple[Marker | Heading, ...] = (banner,)
        while "\n" in title_tok.value:
            (start, end, text), title_tok = self._two_lines(title_tok)
            nodes = (*nodes, Heading(span=self._span(start, end), text=text))
        node, title, agenda_number = self._title_node(title_tok)
        return HeadingInfo((*nodes, node), title, None, agenda_number, True)

    # -- items and sections ----------------------------------------------------------

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

    def agenda_item(self, children: list[Any]) -> AgendaItem:
        info: HeadingInfo = children[0]
        agenda: list[Any] = []
        sections: list[ItemSection] = []
        for child in children[1:]:
            if isinstance(child, ItemSection):
                sections.append(child)
            else:
                agenda.append(child)
        blocks = tuple(self._blocks([list(info.extra), *agenda]))
        last = info.nodes[-1].span
        if sections:
            last = sections[-1].span
        elif blocks:
            last = blocks[-1].span
        self._lines.clear()  # read by Decision: blocks of this item only
        item = AgendaItem(
            span=self._joined(info.nodes[0].span, last),
            heading=info.nodes,
            title=info.title,
            minute_number=info.minute_number,
            agenda_number=info.agenda_number,
            agenda=blocks,
            sections=tuple(sections),
        )
        if info.loose and isinstance(info.nodes[0], Heading):
            self._loose[id(item)] = info.nodes[0]
        return item

    def _issue_number(self, item: AgendaItem, before: AgendaItem | list[Block]) -> AgendaItem:
        """An unnumbered title under an issue page's meeting line takes that line's item number.

        "Meeting: 13/11/2024 - Scrutiny Committee (Item 8)" / "Annual Report" /
        … "Minutes:": the line stays where it stands (it is the meeting's, and
        dates it); only the number is read from it.
        """
        if id(item) not in self._loose or item.minute_number or item.agenda_number:
            return item
        if isinstance(before, AgendaItem):
            blocks = before.sections[-1].blocks if before.sections else before.agenda
        else:
            blocks = tuple(before)
        last = blocks[-1] if blocks else None
        m = _ISSUE_ITEM.search(last.text) if isinstance(last, Paragraph) else None
        return item if m is None else attrs.evolve(item, agenda_number=m.group(1))

    def _fold_loose_title(self, items: list[AgendaItem], item: AgendaItem) -> bool:
        """Fold ``item`` into the last of ``items`` when that one is a heading alone.

        A title with nothing under it, then an unnumbered line that a section
        label follows ("Agenda item" / "Impact of …" / "Presentation on behalf
        of …" / "Minutes:"): the second line is the first item's agenda text,
        not a title of its own.
        """
        heading = self._loose.get(id(item))
        if heading is None or not items or items[-1].agenda or items[-1].sections:
            return False
        prev = items[-1]
        items[-1] = attrs.evolve(
            prev,
            span=self._joined(prev.span, item.span),
            agenda=(Paragraph(span=heading.span, text=heading.text), *item.agenda),
            sections=item.sections,
        )
        return True

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

    def start(self, children: list[Any]) -> ParsedTree:
        front, items = self._flat_items(list(children[0]))
        if not items and not any(isinstance(child, AgendaItem) for child in children[1:]):
            front, items = self._titled_items(front)
        closing: list[Block] = []
        for child in children[1:]:
            if isinstance(child, AgendaItem):
                if closing:
                    # A closing line with items after it (two meetings on one
                    # page): it stays in the flow, at the end of what it closed.
                    if items:
                        items[-1] = _extend_item(items[-1], closing)
                    else:
                        front.extend(closing)
                    closing = []
                if not self._fold_loose_title(items, child):
                    items.append(self._issue_number(child, items[-1] if items else front))
            else:
                closing.extend(child)
        return ParsedTree(front, items, closing)

    # -- block lists ---------------------------------------------------------------

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

    # -- agreements told in prose ---------------------------------------------

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
        for s_start, s_end in _sentence_ranges(value):
            m = _narrated_agreement(self._v).match(value, s_start, s_end) if agreed else None
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
        that = outcome.that
        if outcome.text:
            text = f"{outcome.text} {block.text}"
        elif that is None:
            that, text = _lead_that(block.text)
        else:
            text = block.text
        span = Span(start=outcome.span.start, end=block.span.end)
        return attrs.evolve(outcome, span=span, body=(*outcome.body, block), text=text, that=that)


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


#: Each rule's method by rule name (the transformer's public methods, its own and its mixins').
_RULE_METHODS: dict[str, Any] = {
    name: value
    for cls in reversed(MinutesTransformer.__mro__)
    for name, value in vars(cls).items()
    if callable(value) and name[0] != "_" and name != "transform"
}
