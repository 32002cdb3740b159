"""Figures: the money, percentages and counts in the text each textual node owns.

Reads: every textual node's own text through :mod:`.readers.money` and
:mod:`.readers.counts`.  Guarantees: figures in source order, each with its
span into the source and what it counts where the text says.
"""

from __future__ import annotations

from collections.abc import Iterable

from .._model import (
    TEXTUAL_NODES,
    Figure,
    FigureKind,
    Span,
)
from .readers import (
    counted_after,
    find_counts,
    find_money,
    find_percentages,
)


def _holds_digit(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds an ASCII digit, as every figure does (money and
    percentages are written in digits, and so are counts): ten searches for one character,
    each at C speed, quicker than a pattern's character class tried at every character."""
    find = text.find
    return (  # written out: a loop or a generator costs more than the searches of a short node
        find("0", start, end) >= 0
        or find("1", start, end) >= 0
        or find("2", start, end) >= 0
        or find("3", start, end) >= 0
        or find("4", start, end) >= 0
        or find("5", start, end) >= 0
        or find("6", start, end) >= 0
        or find("7", start, end) >= 0
        or find("8", start, end) >= 0
        or find("9", start, end) >= 0
    )


def _figures(nodes: Iterable[object], source: str) -> tuple[Figure, ...]:
    """Money, percentages and counts in the text each textual node owns, in order.

    A node whose text holds no digit holds no figure: it is passed over without a copy of its text.
    """
    found: list[Figure] = []
    for node in nodes:
        if not isinstance(node, TEXTUAL_NODES):
            continue
        span: Span = node.span  # type: ignore[attr-defined]
        kids = getattr(node, "points", ())
        end = kids[0].span.start if kids else span.end
        if not _holds_digit(source, span.start, end):
            continue
        text = source[span.start : end]
        for kind, finder in ((FigureKind.MONEY, find_money), (FigureKind.PERCENTAGE, find_percentages)):
            for start, stop, value in finder(text):
                after = counted_after(
                    text, stop, of_only=kind is FigureKind.PERCENTAGE, money=kind is FigureKind.MONEY
                )
                if after is not None:
                    stop = after[1]
                found.append(
                    Figure(
                        span=Span(start=span.start + start, end=span.start + stop),
                        kind=kind,
                        value=value,
                        text=text[start:stop],
                        unit=after[0] if after is not None else None,
                    )
                )
        for start, stop, value, unit in find_counts(text):
            found.append(
                Figure(
                    span=Span(start=span.start + start, end=span.start + stop),
                    kind=FigureKind.COUNT,
                    value=value,
                    text=text[start:stop],
                    unit=unit,
                )
            )
    found.sort(key=lambda f: (f.span.start, f.span.end))  # Span's order, without its tuple-building __lt__
    return tuple(found)
