"""The parser's tokens: one string each, not two.

Lark's ``Token`` is a subclass of ``str`` that also keeps the matched text
as ``.value``: every line of a document is held twice while its tree is
alive (the token's own characters, copied from the match, and the match
itself), which is most of a parse's peak memory beside the texts.
:class:`LineToken` keeps the match alone, as ``.value``, with Lark's
position attributes beside it.  :func:`use_line_tokens` has the lexers of a
parser (Lark's, or the standalone module written at install) make them;
the transformer reads only ``type``, ``value`` and ``start_pos``, which
both kinds of token have, so a tree from a plain Lark parser still
transforms.  The trees are otherwise Lark's: the same shapes, types,
texts and positions (tests compare them with Lark's own).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

__all__ = ["LineToken", "use_line_tokens"]


class LineToken:
    """A terminal matched by the lexer: its ``type``, its text (``value``) and where it stands."""

    __slots__ = ("column", "end_column", "end_line", "end_pos", "line", "start_pos", "type", "value")

    type: str
    value: str
    start_pos: int | None
    line: int | None
    column: int | None
    end_line: int | None
    end_column: int | None
    end_pos: int | None

    def __init__(
        self,
        type: str,
        value: str,
        start_pos: int | None = None,
        line: int | None = None,
        column: int | None = None,
        end_line: int | None = None,
        end_column: int | None = None,
        end_pos: int | None = None,
    ) -> None:
        self.type = type
        self.value = value
        self.start_pos = start_pos
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.end_pos = end_pos

    @classmethod
    def new_borrow_pos(cls, type_: str, value: str, borrow_t: Any) -> LineToken:
        """A token at the position of ``borrow_t`` (Lark's constructor of that name)."""
        return cls(
            type_,
            value,
            borrow_t.start_pos,
            borrow_t.line,
            borrow_t.column,
            borrow_t.end_line,
            borrow_t.end_column,
            borrow_t.end_pos,
        )

    def __str__(self) -> str:
        return self.value

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {self.value!r})"

    def __eq__(self, other: object) -> bool:
        # As Lark's: equal to a token of the same type and text, or to the text itself.
        if isinstance(other, LineToken):
            return self.type == other.type and self.value == other.value
        if isinstance(other, str):
            return getattr(other, "type", self.type) == self.type and self.value == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.value)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LineToken, (self.type, self.value, self.start_pos, self.line, self.column))


def use_line_tokens(parser: Any, lexers: ModuleType) -> None:
    """Have every lexer of ``parser`` make :class:`LineToken` objects.

    ``lexers`` is the module defining the parser's lexer classes: Lark's
    ``lark.lexer``, or the built module, which carries its own copy.  Each
    basic lexer of the contextual lexer gets :func:`_next_token` in place of
    its own ``next_token``: the same steps, but the token is made without
    copying the matched text.
    """
    lexer = getattr(parser.parser, "lexer", None)
    if not isinstance(lexer, lexers.ContextualLexer):  # pragma: no cover - the grammar's lexer is contextual
        return
    for basic in (*lexer.lexers.values(), lexer.root_lexer):
        if isinstance(basic, lexers.BasicLexer):
            basic.next_token = _next_token(basic, lexers.UnexpectedCharacters, lexers.LexError)


def _next_token(basic: Any, unexpected: Any, lex_error: type[Exception]) -> Callable[..., LineToken]:
    """``basic.next_token`` (Lark's ``BasicLexer.next_token``, step for step) making :class:`LineToken`."""

    def next_token(lex_state: Any, parser_state: Any = None) -> LineToken:
        line_ctr = lex_state.line_ctr
        end = lex_state.text.end
        while line_ctr.char_pos < end:
            res = basic.match(lex_state.text, line_ctr.char_pos)
            if not res:
                allowed = basic.scanner.allowed_types - basic.ignore_types
                if not allowed:
                    allowed = {"<END-OF-FILE>"}
                raise unexpected(
                    lex_state.text.text,
                    line_ctr.char_pos,
                    line_ctr.line,
                    line_ctr.column,
                    allowed=allowed,
                    token_history=lex_state.last_token and [lex_state.last_token],
                    state=parser_state,
                    terminals_by_name=basic.terminals_by_name,
                )
            value, type_ = res
            ignored = type_ in basic.ignore_types
            t = None
            if not ignored or type_ in basic.callback:
                t = LineToken(type_, value, line_ctr.char_pos, line_ctr.line, line_ctr.column)
            line_ctr.feed(value, type_ in basic.newline_types)
            if t is not None:
                t.end_line = line_ctr.line
                t.end_column = line_ctr.column
                t.end_pos = line_ctr.char_pos
                if t.type in basic.callback:
                    t = basic.callback[t.type](t)
                if not ignored:
                    if not isinstance(t, LineToken):
                        raise lex_error(f"Callbacks must return a token (returned {t!r})")
                    lex_state.last_token = t
                    return t
        raise EOFError(basic)

    return next_token
