"""The proceedings scanner's patterns rewritten for speed match what they were first written as."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrutinykit.proceedings.speakers import _is_cabinet_office
from scrutinykit.proceedings.text import _SENTENCE_END, _SPACES

#: The sentence end as first written: two alternatives, each tried at every position.
FIRST_SENTENCE_END = re.compile(
    r"[.!?][\"')\]]{0,2} (?=[\"'(]{0,2}[A-Z0-9])|[:;] (?=(?:action|ACTION|Action)\b)"
)
#: Whitespace folding as first written: every run, one space or more.
FIRST_SPACES = re.compile(r"\s+")

PIECES = st.sampled_from(
    [*"aA1 .!?:;\"')](\t\n\u00a0", ". ", "! ", "? ", ": ", "; ", ".) ", "!' (", "action", "Action", "ACTION"]
)


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("It ended. Then! A question? 1. Yes: Action: none; ACTION: her")
@example("He said \"no.\" (Then) it 'ended.' 'A")
def test_sentence_end_finds_what_it_first_found(text: str) -> None:
    """The punctuation-first sentence end gives the same matches as the pattern first written."""
    assert [m.span() for m in _SENTENCE_END.finditer(text)] == [
        m.span() for m in FIRST_SENTENCE_END.finditer(text)
    ]


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_space_folding_folds_as_first_written(text: str) -> None:
    """Substituting only runs and odd whitespace folds a text as substituting every run did."""
    assert _SPACES.sub(" ", text) == FIRST_SPACES.sub(" ", text)


def test_cabinet_office_descriptions() -> None:
    """A description names a cabinet office whatever its case; other offices do not."""
    assert _is_cabinet_office("Cabinet Member for Children and Young People")
    assert _is_cabinet_office("deputy PORTFOLIO HOLDER for Housing")
    assert not _is_cabinet_office("Director of Children's Services")


#: ACTION_WILL as first written: its look-behind first, tried at every position.
FIRST_ACTION_WILL = re.compile(
    r"(?<![a-z])(?:will|would|was asked to)"
    r"(?= (?!(?:be|have|like|not|need|want|wish|prefer|appreciate|welcome)\b)[a-z])"
)
WILL_PIECES = st.sampled_from(
    ["will", "would", "was asked to", "w", "ill", " ", "s", "S", "The Clerk ", "be", "write", "like", "."]
)


@settings(max_examples=400)
@given(st.lists(WILL_PIECES, max_size=20).map("".join))
@example("The Clerk will write. She would be. swill write. He was asked to call")
def test_action_will_finds_what_it_first_found(text: str) -> None:
    """The "w"-first ACTION_WILL gives the same matches as the pattern first written, searched and matched."""
    from scrutinykit.proceedings.terminals import vocabulary

    will = vocabulary()["ACTION_WILL"]
    assert will.pattern != FIRST_ACTION_WILL.pattern
    assert [m.span() for m in will.finditer(text)] == [m.span() for m in FIRST_ACTION_WILL.finditer(text)]
    for pos in range(len(text) + 1):
        a, b = will.match(text, pos), FIRST_ACTION_WILL.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def _lowered_pieces() -> list[str]:
    """Words of the vocabulary's terminals (as written, capitalised and in capitals), and odd characters."""
    from scrutinykit.proceedings.terminals import vocabulary

    words = sorted(
        {w.strip() for p in vocabulary().values() for w in re.findall(r"[a-z][a-z' -]{1,30}", p.pattern)}
    )
    return [
        *(w + " " for w in words),
        *(w.capitalize() + " " for w in words[::3]),
        *(w.upper() + " " for w in words[::7]),
        *"aA1 .,;:()-'\"",
        "3 March 2025 ",
        "ſ",
        "\u212a",
        "İ",
        "é",
    ]


_LOWERED_PIECES = st.sampled_from(_lowered_pieces())


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...], str]]:
    return [(m.span(), m.groups(), m.group()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(st.lists(_LOWERED_PIECES, max_size=14).map("".join), st.integers(0, 200), st.integers(0, 400))
def test_lowered_search_is_the_terminal_search(raw: str, start: int, end: int) -> None:
    """terminals.search and finditer give the terminal's own matches, ASCII text or not."""
    from scrutinykit.proceedings import terminals
    from scrutinykit.proceedings.text import Text

    t = Text(raw, 0)
    start = min(start, len(t.text))
    for name, pattern in terminals.vocabulary().items():
        got, want = terminals.search(name, t, start, end), pattern.search(t.text, start, end)
        assert _spans([got] if got else []) == _spans([want] if want else []), name
        found = _spans(terminals.finditer(name, t, start, end))
        assert found == _spans(pattern.finditer(t.text, start, end)), name


def test_lowered_search_on_the_seeds() -> None:
    """On the seed documents, every terminal found through the lower case is found as written."""
    from scrutinykit.proceedings import terminals
    from scrutinykit.proceedings.text import Text

    from .conftest import SEEDS

    quick = [name for name, p in terminals.vocabulary().items() if terminals.lowered(p) is not None]
    assert "RESPONSE_VERB" in quick
    assert "STANCE_CONCERN" in quick
    found = 0
    for path in SEEDS:
        t = Text(path.read_text(encoding="utf-8"), 0)
        for name in quick:
            pattern = terminals.vocabulary()[name]
            got = _spans(terminals.finditer(name, t, 0, len(t.text)))
            assert got == _spans(pattern.finditer(t.text, 0, len(t.text))), (path.name, name)
            found += len(got)
    assert found > 100


def test_lowered_refuses_what_it_cannot_keep() -> None:
    """A pattern with a case-sensitive part, a capital or something outside its group is not lowered."""
    from scrutinykit.proceedings.terminals import lowered

    assert lowered(re.compile(r"(?i:(?<![a-z])said)")) is not None
    for source in (
        r"(?i:said (?-i:[A-Z]))",
        r"(?i:said)x",
        r"(?i:\S+)",
        r"said",
        r"(?i:a)|(?i:b)",
        r"(?i:a(?s:.))",
    ):
        assert lowered(re.compile(source)) is None, source
    assert lowered(re.compile("said", re.IGNORECASE)) is None


#: The whitespace patterns of Text as first written: the alternatives tried at every position.
FIRST_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
FIRST_FOLDED_SPACES = re.compile(r"\s{2,}|[^\S ]")
FIRST_WIDE_SPACE = re.compile(r"\s{2,}")


@settings(max_examples=400)
@given(st.lists(PIECES, max_size=40).map("".join))
@example("a \n b\t\tc  d\u00a0e\r\n")
def test_whitespace_first_patterns_match_as_first_written(text: str) -> None:
    """The whitespace-first forms of Text's patterns find the spans the alternations found."""
    from scrutinykit.proceedings.text import _ODD_SPACE, _WIDE_SPACE

    for quick, first in (
        (_ODD_SPACE, FIRST_ODD_SPACE),
        (_SPACES, FIRST_FOLDED_SPACES),
        (_WIDE_SPACE, FIRST_WIDE_SPACE),
    ):
        assert [m.span() for m in quick.finditer(text)] == [m.span() for m in first.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(_LOWERED_PIECES, max_size=12).map("".join))
def test_cased_terminals_match_as_written_on_ascii_text(raw: str) -> None:
    """Each terminal with its letters' cases spelled out matches as written, anywhere in ASCII text."""
    from scrutinykit.proceedings import terminals

    text = raw.encode("ascii", "ignore").decode()
    for name, pattern in terminals.vocabulary().items():
        source = terminals.cased(pattern.pattern)
        if source is None:
            continue
        quick = re.compile(source)
        for pos in range(len(text) + 1):
            got, want = quick.match(text, pos), pattern.match(text, pos)
            assert (got and got.span()) == (want and want.span()), (name, pos)


def test_cased_spells_out_cases_and_refuses_what_it_cannot_read() -> None:
    from scrutinykit.proceedings.terminals import cased

    assert cased(r"(?i:(?<![a-z])ab)") == r"(?:(?<![a-zA-Z])[aA][bB])"
    assert cased(r"(?i:a(?-i:[A-Z]b))") == r"(?:[aA](?:[A-Z]b))"
    assert cased(r"(?i:\w)") is None
    assert cased(r"(?i:[^a])") is None
    assert cased(r"(?i:(?P<x>a))") is None
