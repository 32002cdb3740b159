"""Single parts of the text → model pipeline, each timed alone on the 1 MB document.

Run from the repository root::

    python -m benchmarks.pipeline_parts
    PYTHONPATH=<another checkout>/src python -m benchmarks.pipeline_parts   # another revision

The stage figures (``benchmarks/stages.py``, ``benchmarks/stages_ab.py``)
hold many parts each; a change to one part moves its stage by less than the
machine's drift.  This times the parts such changes touch, each over the
whole of the 1 MB document (as ``benchmarks/throughput.py`` builds it),
parsed once beforehand: the outcome keys that mark duplicates, folding every
line token, the visitors named in prose, walking every node, the counts in
every textual node that holds a digit, reading every item's kind from its
title, the figure scan of every node, and the transformer on the parse
tree.  Each figure is the fastest of ``--repeats`` runs in CPU time, in
milliseconds.  Only functions every revision since 1f91895 has are called,
so the same command gives the figures of an older checkout; except the
proceedings' trigger words, which a checkout with
``scrutinykit.proceedings.triggers`` times both ways over every paragraph
and point of the document (casefolded): each rule's first word found by one
``in`` test a word, as the scanner did before, and through
``TriggerIndex.firsts`` (warm: a long document's later paragraphs find
their pieces kept).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from typing import Any


def _fastest(fn: Callable[[], object], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best * 1000


def measure(repeats: int) -> dict[str, float]:
    """Milliseconds for each part, the fastest of ``repeats`` runs."""
    import scrutinykit as sk
    from benchmarks.throughput import MB, SEEDS, _build, _texts
    from scrutinykit._model import TEXTUAL_NODES, walk
    from scrutinykit.build.attendance.prose import _item_visitors
    from scrutinykit.build.figures import _figures
    from scrutinykit.build.item_kinds import _classify_item
    from scrutinykit.build.items import _outcome_key
    from scrutinykit.build.readers import find_counts
    from scrutinykit.build.transform import MinutesTransformer
    from scrutinykit.build.transform.base import fold
    from scrutinykit.layout.lines import layout
    from scrutinykit.layout.normalise import normalise
    from scrutinykit.parsing.loader import load_parser

    text = _build(_texts(SEEDS), MB)
    doc = sk.parse(text)
    parser = load_parser()
    laid_out = layout(normalise(text), parser.terminals)
    tree = parser.parse(laid_out.text)
    tokens: list[str] = []
    stack: list[Any] = [tree]
    while stack:
        node = stack.pop()
        for child in node.children:
            if hasattr(child, "children"):
                stack.append(child)
            else:
                tokens.append(child.value if hasattr(child, "value") else str(child))
    roots = (*doc.front_matter, *doc.items, *doc.closing)
    nodes = [n for root in roots for n in walk(root)]
    outcomes = [o for item in doc.items for o in item.outcomes()]
    figure_texts = []
    for node in nodes:
        if isinstance(node, TEXTUAL_NODES):
            span = node.span  # type: ignore[attr-defined]
            kids = getattr(node, "points", ())
            piece = text[span.start : kids[0].span.start if kids else span.end]
            if any(d in piece for d in "0123456789"):
                figure_texts.append(piece)
    parts: dict[str, Callable[[], object]] = {
        "outcome keys": lambda: [_outcome_key(o) for o in outcomes],
        "fold every line token": lambda: [fold(t) for t in tokens],
        "visitors in prose": lambda: [_item_visitors(item, text) for item in doc.items],
        "walk every node": lambda: [n for root in roots for n in walk(root)],
        "counts in textual nodes": lambda: [find_counts(t) for t in figure_texts],
        "item kinds from titles": lambda: [_classify_item(item.title) for item in doc.items],
        "figures of every node": lambda: _figures(nodes, text),
        "transform the parse tree": lambda: MinutesTransformer(laid_out).transform(tree),
    }
    parts.update(_trigger_parts(doc))
    return {name: _fastest(fn, repeats) for name, fn in parts.items()}


def _trigger_parts(doc: Any) -> dict[str, Callable[[], object]]:
    """The proceedings' trigger words of every paragraph and point, word by word and through the index."""
    try:
        from scrutinykit.proceedings import scanner, stances
        from scrutinykit.proceedings.triggers import TriggerIndex
    except ImportError:  # a checkout before the index
        return {}
    from scrutinykit._model import Paragraph, Point, walk

    rules = (*scanner._RULE_TRIGGERS, *stances.STANCE_TRIGGERS)
    lows = [
        node.text.casefold()
        for root in (*doc.front_matter, *doc.items, *doc.closing)
        for node in walk(root)
        if isinstance(node, (Paragraph, Point))
    ]
    index = TriggerIndex(rules)
    for low in lows:
        index.firsts(low)

    def word_by_word() -> None:
        for low in lows:
            for rule in rules:
                for word in rule.words:
                    if word in low:
                        break

    return {
        "trigger words, word by word": word_by_word,
        "trigger words, indexed": lambda: [index.firsts(low) for low in lows],
    }


def main() -> None:
    """Print each part's time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    import scrutinykit

    print(f"scrutinykit from {scrutinykit.__file__}")
    for name, ms in measure(args.repeats).items():
        print(f"  {name:<26} {ms:7.2f} ms")


if __name__ == "__main__":
    main()
