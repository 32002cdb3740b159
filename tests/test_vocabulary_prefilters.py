"""The quick tests the transformer puts before two slow prose patterns change no result.

``agreement_verb_alone`` (the agreement verb without its optional lead word)
is found in a text exactly when ``agreement_verb`` is; ``resolution_verb``
is found in every text where ``narrated_resolved`` is.  Both are searched only
in texts holding one of their words (``Gated``), which finds what the bare
pattern finds.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrutinykit.parsing.vocabulary import default_patterns

from .conftest import FIXTURES, SEEDS

_V = default_patterns()
_TEXTS = [p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]]
_PARAGRAPHS = [par for text in _TEXTS for par in re.split(r"\n\s*\n", text) if par.strip()]

_WORDS = st.sampled_from(
    [
        *("it", "It", "was", "unanimously", "Unanimously", "agreed", "AGREED", "A G R E E D", "approved"),
        *("resolved", "RESOLVED", "R E S O L V E D", "and", "that", "to", "the", "note", "noted", "NOTED"),
        *("\n", "disagreed", "agreedly", "unresolved", "was\nresolved", "it  was", "endorsed", "."),
    ]
)


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m is not None else None


def _check(text: str) -> None:
    for gated in (_V.agreement_verb_alone, _V.resolution_verb):
        assert gated.words
        assert _span(gated.search(text)) == _span(gated.pattern.search(text))
    assert (_V.agreement_verb_alone.search(text) is None) == (_V.agreement_verb.search(text) is None)
    if _V.narrated_resolved.search(text) is not None:
        assert _V.resolution_verb.search(text) is not None


def test_prefilters_on_real_paragraphs() -> None:
    """On every paragraph of the seeds and fixtures."""
    assert any(_V.narrated_resolved.search(par) for par in _PARAGRAPHS)
    assert any(_V.agreement_verb.search(par) for par in _PARAGRAPHS)
    for par in _PARAGRAPHS:
        _check(par)


@settings(max_examples=400)
@given(st.lists(_WORDS, max_size=20).map(" ".join))
@example("after discussion it was resolved to note the report")
@example("The report was resolved that it be noted")
@example("It was unanimously agreed and resolved that")
def test_prefilters_on_generated_text(text: str) -> None:
    """On texts made of the words the patterns look for."""
    _check(text)
