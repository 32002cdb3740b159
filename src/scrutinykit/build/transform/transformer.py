"""The transformer: :class:`MinutesTransformer`, and the walk that calls one method per rule.

Turns the grammar's parse tree into model nodes.  One method per grammar rule,
named after it; the methods live in the mixin classes the transformer
inherits, one module for each section of the grammar:

* ``headings.py`` -- the item heading forms (``numbered_heading``, ``title_then_purpose`` …);
* ``items.py`` -- ``agenda_item`` and ``start``;
* ``outcomes.py`` -- ``paragraph`` and the outcome rules (``resolution``, ``agreement`` …);
* ``points.py`` -- ``point`` and ``that_clause``, and the nesting of points;
* ``attendance.py`` -- ``attendance``;
* ``sections.py`` -- item sections, markers, notes, furniture, ``front_matter``, ``closing``;
* ``flattened.py``, ``narrated.py``, ``blocks.py`` -- no rule of their own: flattened
  lines, outcomes told in prose, and the gathering of a rule's blocks;
* ``base.py`` -- the state, the span helpers and the values passed up the tree.

Guarantees: tokens carry offsets into the *normalised* text; every span is
mapped back to the original text, so the model only ever sees original
offsets.  Rules that yield more than one block (a paragraph followed by
points, say) return a list, which the rule above flattens.  A rule with no
method keeps its tree node (none does: a test checks every rule has one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...parsing.tokens import LineToken
from .attendance import AttendanceRules
from .base import FrontMatter, HeadingInfo, ParsedTree
from .headings import HeadingRules
from .items import ItemRules
from .sections import SectionRules

if TYPE_CHECKING:
    # The trees come from Lark or from the built standalone module, whose
    # classes are copies of Lark's: nothing here names either at run time.
    from lark import Token, Tree

__all__ = ["FrontMatter", "HeadingInfo", "MinutesTransformer", "ParsedTree"]


class MinutesTransformer(ItemRules, SectionRules, HeadingRules, AttendanceRules):
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
        # Tokens are the lexer's LineTokens (or a plain Lark parser's, strings); anything else is a subtree.
        children = [c if isinstance(c, (LineToken, str)) else self._visit(c, consume) for c in kids]
        del kids
        method = _RULE_METHODS.get(tree.data)
        if method is None:
            return type(tree)(tree.data, children, tree.meta)
        return method(self, children)


#: Each rule's method by rule name (the transformer's public methods, its own and its mixins').
_RULE_METHODS: dict[str, Any] = {
    name: value
    for cls in reversed(MinutesTransformer.__mro__)
    for name, value in vars(cls).items()
    if callable(value) and name[0] != "_" and name != "transform"
}
