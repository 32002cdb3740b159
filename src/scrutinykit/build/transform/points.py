"""Points and the lines that depend on a paragraph: rules ``point`` and ``that_clause``.

Both rules pass their line token up unchanged; the block that owns the lines
(a paragraph, an outcome, an attendance list, scrutiny questions) nests them
here.  Guarantees: point lines nest by label style (``1.`` > ``(a)`` >
``(i)``; ``(i)`` after ``(h)`` is a letter); every point's span covers its
children; the dependents of a paragraph split into leading points, ``That``
clauses (an implicit :class:`Resolution`) and the points after them, and an
inline run ``(a) … (b) …`` of two or more labels counting up becomes points.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..._model import (
    Block,
    Point,
    PointList,
    Resolution,
    Span,
)
from ...parsing import patterns as rx
from .base import TransformerBase, _lead_that, fold

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token


_POINT_LABEL = rx.compile(
    r"(?:(?P<dec>\d{1,2}\.\d{1,2})|(?P<num>\d{1,3})[.)]|\((?P<pnum>\d{1,3})\)|\((?P<paren>[a-z]{1,4}|[A-Z])\)|(?P<close>[a-z]{1,4}|[A-Z])\)"
    r"|(?P<dot>[a-z]|[ivx]{2,5})\.|(?P<bullet>[-\u2022\u00b7\u25aa\u25cf*\u2013]))[ ]+"
)

_ROMAN = rx.compile(r"[ivxlc]+")


# "(a) … and (b) …", "(i) … (ii) …", "(1) … (2) …" inside one paragraph.
_INLINE_POINT = rx.compile(r"(?:(?<=[ ])|^)\((?P<label>[a-z]|[ivx]{1,5}|\d{1,2})\)[ ]+(?=\S)")

_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


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


class PointRules(TransformerBase):
    """Nested points, ``That`` clauses and the dependent lines of a paragraph."""

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
