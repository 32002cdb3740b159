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
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..._model import (
    OUTCOME_TYPES,
    AgendaItem,
    Agreement,
    AttendanceBlock,
    AttendanceKind,
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
    ScrutinyQuestions,
    SectionKind,
    Span,
)
from ...parsing import patterns as rx
from ...parsing.vocabulary import Patterns
from ..inline import parse_time
from .base import Closing, FrontMatter, HeadingInfo, ParsedTree, TransformerBase, _lead_that, fold

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

_POINT_LABEL = rx.compile(
    r"(?:(?P<dec>\d{1,2}\.\d{1,2})|(?P<num>\d{1,3})[.)]|\((?P<pnum>\d{1,3})\)|\((?P<paren>[a-z]{1,4}|[A-Z])\)|(?P<close>[a-z]{1,4}|[A-Z])\)"
    r"|(?P<dot>[a-z]|[ivx]{2,5})\.|(?P<bullet>[-\u2022\u00b7\u25aa\u25cf*\u2013]))[ ]+"
)
_ROMAN = rx.compile(r"[ivxlc]+")

# The number that opens a minute's first paragraph: "6.   The Committee had before it …".
_LEADING_NUMBER = rx.compile(r"(\d{1,3}\.)[ ]+")
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
# "(a) … and (b) …", "(i) … (ii) …", "(1) … (2) …" inside one paragraph.
_INLINE_POINT = rx.compile(r"(?:(?<=[ ])|^)\((?P<label>[a-z]|[ivx]{1,5}|\d{1,2})\)[ ]+(?=\S)")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
# A label line that expects its words on the following lines: "The Committee resolved:-".
_OPEN_LABEL = rx.compile(r"(?::-|:|\u2013|\u2014|-)\s*$")
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
# A flattened page: one line holding what were many (a PDF run together).
_FLAT_LINE = 300
# A minute heading inside a flattened line: " TC/121/24-25 MAYOR'S ANNOUNCEMENTS The Mayor …";
# the title is the run of upper-case words after the number (not an outcome label).
_FLAT_HEADING = rx.compile(
    r"(?:(?<=[ ])|^)(?P<number>(?:[A-Za-z]{1,4}/)?\d{1,4}/\d{2}(?:-\d{2})?)[ ]+"
    r"(?P<title>(?!RESOLVED\b)[A-Z][A-Z0-9'&,()-]+(?:[ ]+(?!RESOLVED\b)(?:[A-Z][A-Z0-9'&,()-]+|&))*)"
)
# A title alone on its line: at most eight words, each capitalised but for
# small joining words, with no closing punctuation ("Cemetery Capacity – Land Acquisition").
_TITLE_LINE = rx.compile(
    r"[A-Z][A-Za-z0-9'&/()-]*(?:[ ]+(?:[A-Z0-9(][^ ]*|of|for|to|and|the|in|on|at|with|from|by|a|an|or"
    r"|\u2013|\u2014|-|&)){0,7}(?<![.,;:])"
)
# What says a motion failed: "it was declared lost", "the amendment fell".
_LOST = rx.compile(
    r"\b(?:(?:was|were|being)[ ]+(?:declared[ ]+)?(?:lost|defeated)|(?:motion|amendment)[ ]+fell)\b"
)
# The outcome classes (OUTCOME_TYPES, spelled out for the type checker).
_LABELLED = (Resolution, Recommendation, Conclusion, Agreement, Decision)
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


# The same word closing a label ("RESOLVED that:"), and the punctuation around it.
_LABEL_TAIL = rx.compile(
    r"[ ]*(?:(?P<that>THAT|That|that|T[ ]H[ ]A[ ]T)[ ]*)?(?::-|:|\u2013|\u2014|-|,)?[ ]*$"
)
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


def _inline_run(labels: Sequence[str]) -> tuple[int, int] | None:
    """The first run of two or more labels counting up from (a), (i) or (1): ``(first, end)`` indices."""
    for first, label in enumerate(labels):
        if label == "a":
            order = [chr(c) for c in range(ord("a"), ord("z") + 1)]
        elif label == "i":
            order = list(_ROMANS)
        elif label == "1":
            order = [str(n) for n in range(1, 100)]
        else:
            continue
        end = first + 1
        while end < len(labels) and end - first < len(order) and labels[end] == order[end - first]:
            end += 1
        if end - first >= 2:
            return first, end
    return None


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


#: The attendance list of each role of the vocabulary (``chair``: those present).
_ROLE_KIND = {
    "present": AttendanceKind.PRESENT,
    "apologies": AttendanceKind.APOLOGIES,
    "also_attending": AttendanceKind.ALSO_ATTENDING,
    "officers": AttendanceKind.OFFICER,
    "chair": AttendanceKind.PRESENT,
}


def _attendance_kind(vocab: Patterns, label: str) -> AttendanceKind:
    """The list an attendance label opens, by the vocabulary file its words come from."""
    m = vocab.attendance_roles.match(label)
    if m is None or m.lastgroup is None:  # pragma: no cover - the grammar matched a label
        return AttendanceKind.PRESENT
    return _ROLE_KIND[m.lastgroup]


# ---------------------------------------------------------------------------
# Intermediate values passed up the tree
# ---------------------------------------------------------------------------


# ---------------------------------------------------------------------------
# The transformer
# ---------------------------------------------------------------------------


class MinutesTransformer(TransformerBase):
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

    def _nest_points(self, tokens: Sequence[Token]) -> tuple[Point, ...]:
        """Nest point lines by their label style: ``1.`` > ``(a)`` > ``(i)``."""
        # Each entry: [style, label, token, children]
        roots: list[list[Any]] = []
        stack: list[list[Any]] = []
        for token in tokens:
            value = token.value
            m = _POINT_LABEL.match(value)
            if m is None:  # pragma: no cover - the grammar guarantees a label
                label, style = "", "bullet:"
            else:
                kind = m.lastgroup or "bullet"
                label = m.group(kind)
                style = self._style(kind, label, stack)
            entry: list[Any] = [style, label, token, []]
            level = next((i for i, e in enumerate(stack) if e[0] == style), None)
            if level is not None:
                del stack[level:]
            if stack:
                stack[-1][3].append(entry)
            else:
                roots.append(entry)
            stack.append(entry)
        return tuple(self._point(e) for e in roots)

    @staticmethod
    def _style(kind: str, label: str, stack: list[list[Any]]) -> str:
        if kind in ("paren", "close", "dot") and _ROMAN.fullmatch(label):
            # "(i)" is a letter after "(h)", a roman numeral otherwise.
            alpha = f"alpha:{kind}"
            for entry in reversed(stack):
                if entry[0] == alpha:
                    prev = entry[1]
                    if len(prev) == 1 and len(label) == 1 and ord(label) == ord(prev) + 1:
                        return alpha
                    break
            return f"roman:{kind}"
        if kind in ("paren", "close", "dot"):
            return f"alpha:{kind}"
        if kind == "bullet":
            return f"bullet:{label}"
        return f"num:{kind}"

    def _point(self, entry: list[Any]) -> Point:
        _, label, token, children = entry
        start, end = self._token_span(token)
        m = _POINT_LABEL.match(token.value)
        own = token.value[m.end() :] if m else token.value
        kids = tuple(self._point(c) for c in children)
        span = self._span(start, end)
        if kids:
            span = Span(start=span.start, end=max(span.end, kids[-1].span.end))
        point = Point(span=span, label=label, text=fold(own), points=kids)
        if not kids:
            self._norm[id(point)] = (point, start, end)
        return point

    # -- blocks ---------------------------------------------------------------

    def _split_dependents(
        self, items: Sequence[Token]
    ) -> tuple[list[Token], list[Token], list[Token], list[Token]]:
        """Split dependents into leading points, ``That`` clauses, the points after them, and the rest.

        The rest starts at a ``That`` clause that follows those points: it is
        a clause of its own (an outcome's clauses and points cannot
        interleave, or a point's span would cover a clause).
        """
        lead: list[Token] = []
        clauses: list[Token] = []
        after: list[Token] = []
        for k, tok in enumerate(items):
            if tok.type == "THAT_CLAUSE":
                if after:
                    return lead, clauses, after, list(items[k:])
                clauses.append(tok)
            elif clauses:
                after.append(tok)
            else:
                lead.append(tok)
        return lead, clauses, after, []

    def point(self, children: list[Token]) -> Token:
        return children[0]

    def that_clause(self, children: list[Token]) -> Token:
        return children[0]

    def paragraph(self, children: list[Token]) -> list[Block]:
        head, deps = children[0], children[1:]
        if self._v.present_decision.match(head.value):
            # "The Committee notes the report and asks …": a decision in the
            # present tense whose label was lost; its points are its own.
            return self._outcome(Resolution, children, implicit=True)
        blocks = [*self._prose(head, len(head.value) >= _FLAT_LINE), *self._dependent_blocks(deps)]
        self._lines[id(blocks[0])] = children  # a "Decision:" block may make it an outcome
        return blocks

    def _prose(self, token: Token, flattened: bool) -> list[Block]:
        """A line of prose as blocks: one paragraph, or, in a flattened line, paragraphs and
        the minute headings run in among them ("… TC/121/24-25 MAYOR'S ANNOUNCEMENTS The …").

        The headings are plain :class:`Heading` blocks, remembered so that
        :meth:`start` can open an item at each one found before the first item.
        """
        if not flattened:
            return [self._paragraph(token)]
        blocks: list[Block] = []
        at = 0
        # A minute number holds a slash: without one the search (tried at every position) is skipped.
        found = _FLAT_HEADING.finditer(token.value) if "/" in token.value else ()
        for m in found:
            before = self._piece(token, at, m.start())
            if before is not None:
                blocks.append(self._paragraph(before))
            heading_tok = self._piece(token, m.start(), m.end())
            if heading_tok is None:  # pragma: no cover - a heading is never blank
                continue
            heading = Heading(span=self._span(*self._token_span(heading_tok)), text=fold(heading_tok.value))
            self._flat[id(heading)] = (m.group("number"), fold(m.group("title")).rstrip(",("))
            blocks.append(heading)
            at = m.end()
        rest = self._piece(token, at, len(token.value))
        if rest is not None:
            blocks.append(self._paragraph(rest))
        return blocks

    def _dependent_blocks(self, deps: Sequence[Token]) -> list[Block]:
        """Dependents with no head of their own: a point list, and an implicit resolution."""
        lead, clauses, after, rest = self._split_dependents(deps)
        blocks: list[Block] = []
        if lead:
            points = self._nest_points(lead)
            blocks.append(PointList(span=self._joined(points[0].span, points[-1].span), points=points))
        if clauses:
            body = tuple(self._paragraph(t) for t in clauses)
            points = self._nest_points(after)
            end = points[-1].span if points else body[-1].span
            that, text = _lead_that(" ".join(p.text for p in body))
            blocks.append(
                Resolution(
                    span=self._joined(body[0].span, end),
                    intro=body[0],
                    body=body[1:],
                    points=points,
                    text=text,
                    that=that,
                    implicit=True,
                )
            )
        if rest:
            blocks.extend(self._dependent_blocks(rest))
        return blocks

    def _inline_points(self, token: Token, after: int) -> tuple[Token | None, tuple[Point, ...]]:
        """Split ``(a) … and (b) …`` out of a line: what precedes the first label, and the points.

        Only a run of two or more labels counting up from ``(a)``, ``(i)`` or
        ``(1)`` after offset ``after`` counts; the points own the rest of the line.
        """
        found = [m for m in _INLINE_POINT.finditer(token.value) if m.start() >= after]
        run = _inline_run([m.group("label") for m in found])
        if run is None:
            return token, ()
        marks = found[run[0] : run[1]]
        points = []
        for k, m in enumerate(marks):
            stop = marks[k + 1].start() if k + 1 < len(marks) else len(token.value)
            piece = self._piece(token, m.start(), stop)
            if piece is None:  # pragma: no cover - a label is never blank
                continue
            start, end = self._token_span(piece)
            points.append(
                Point(
                    span=self._span(start, end),
                    label=m.group("label"),
                    text=fold(token.value[m.end() : stop]),
                )
            )
        return self._piece(token, 0, marks[0].start()), tuple(points)

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

    def attendance(self, children: list[Token]) -> list[Block]:
        label = self._paragraph(children[0])
        lines: list[Paragraph | Point] = [label]
        for tok in children[1:]:
            if tok.type == "POINT":
                lines.extend(self._nest_points([tok]))
            else:
                lines.append(self._paragraph(tok))
        return [
            AttendanceBlock(
                span=self._joined(label.span, lines[-1].span),
                kind=_attendance_kind(self._v, label.text),
                lines=tuple(lines),
            )
        ]

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

    def _flat_items(self, front: list[Block]) -> tuple[list[Block], list[AgendaItem]]:
        """Open an item at each minute heading found inside a flattened line of the front matter.

        What precedes the first such heading stays front matter; every block
        after a heading, up to the next, is that item's agenda text.
        """
        if not any(id(b) in self._flat for b in front):
            return front, []
        kept: list[Block] = []
        heads: list[tuple[Heading, list[Block]]] = []
        for block in front:
            if isinstance(block, Heading) and id(block) in self._flat:
                heads.append((block, []))
            elif heads:
                heads[-1][1].append(block)
            else:
                kept.append(block)
        items = []
        for heading, blocks in heads:
            number, title = self._flat[id(heading)]
            last = blocks[-1].span if blocks else heading.span
            items.append(
                AgendaItem(
                    span=self._joined(heading.span, last),
                    heading=(heading,),
                    title=title,
                    minute_number=number,
                    agenda=tuple(blocks),
                )
            )
        return kept, items

    def _titled_items(self, front: list[Block]) -> tuple[list[Block], list[AgendaItem]]:
        """Minutes with no item headings the grammar knows: open an item at each title line.

        Only after the attendance lists (before them, short capitalised lines
        name the council and the committee), and only a title line with text
        after it that is not another title.
        """
        marks = [k for k, b in enumerate(front) if isinstance(b, AttendanceBlock)]
        if not marks:
            return front, []

        def is_title(k: int) -> bool:
            block = front[k]
            return type(block) is Paragraph and _TITLE_LINE.fullmatch(block.text) is not None

        titles = [
            k
            for k in range(marks[-1] + 1, len(front) - 1)
            if is_title(k) and not is_title(k + 1) and not isinstance(front[k + 1], AttendanceBlock)
        ]
        if not titles:
            return front, []
        items = []
        for n, k in enumerate(titles):
            para = front[k]
            blocks = front[k + 1 : titles[n + 1] if n + 1 < len(titles) else len(front)]
            heading = Heading(span=para.span, text=para.text)  # type: ignore[union-attr]
            last = blocks[-1].span if blocks else heading.span
            items.append(
                AgendaItem(
                    span=self._joined(heading.span, last),
                    heading=(heading,),
                    title=heading.text,
                    agenda=tuple(blocks),
                )
            )
        return front[: titles[0]], items

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


#: Each rule's method by rule name (the transformer's public methods).
_RULE_METHODS: dict[str, Any] = {
    name: value
    for name, value in vars(MinutesTransformer).items()
    if callable(value) and name[0] != "_" and name != "transform"
}
