"""The parse's memory-saving paths give what the plain ones gave.

Line tokens that hold their text once, the layout stage's one-pass
rebuilding, and the not-minutes check reading a text a chunk at a time:
each is checked against the straightforward computation it replaced.
"""

from __future__ import annotations

import pickle

import pytest

import scrutinykit as sk
from scrutinykit.build import detect
from scrutinykit.build.assemble import assemble
from scrutinykit.build.transform import MinutesTransformer
from scrutinykit.layout.lines import _apply, cues, lay_out, layout
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser, open_with_lark
from scrutinykit.parsing.tokens import LineToken

from .conftest import SEEDS


def _leaves(tree: object) -> list[object]:
    if hasattr(tree, "children"):
        return [leaf for child in tree.children for leaf in _leaves(child)]
    return [tree]


def test_the_library_parser_makes_line_tokens_equal_to_larks() -> None:
    """Every leaf is a LineToken equal to Lark's token of the same type, text and place."""
    text = normalise(SEEDS[0].read_text(encoding="utf-8")).text
    ours = _leaves(load_parser().parse(text))
    theirs = _leaves(open_with_lark().parse(text))
    assert ours
    assert len(ours) == len(theirs)
    for mine, lark in zip(ours, theirs):
        assert isinstance(mine, LineToken)
        assert mine == lark
        assert (mine.type, mine.value, mine.start_pos, mine.end_pos) == (
            lark.type,  # type: ignore[attr-defined]
            str(lark),
            lark.start_pos,  # type: ignore[attr-defined]
            lark.end_pos,  # type: ignore[attr-defined]
        )
        assert type(mine.value) is str


def test_line_token_compares_pickles_and_prints_as_larks_does() -> None:
    token = LineToken("TEXT", "Apologies were received.", start_pos=4, line=2, column=1)
    assert token == "Apologies were received."
    assert token != LineToken("POINT", "Apologies were received.")
    assert token == LineToken("TEXT", "Apologies were received.")
    assert hash(token) == hash("Apologies were received.")
    assert str(token) == "Apologies were received."
    back = pickle.loads(pickle.dumps(token))
    assert (back.type, back.value, back.start_pos, back.line, back.column) == ("TEXT", token.value, 4, 2, 1)


@pytest.mark.parametrize("path", SEEDS[:3], ids=lambda p: p.name[:3])
def test_a_tree_of_larks_own_tokens_transforms_the_same(path: object) -> None:
    """The transformer reads only what both kinds of token have: a plain Lark tree gives the same document."""
    text = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    normalised = normalise(text)
    ours = assemble(MinutesTransformer(normalised).transform(load_parser().parse(normalised.text)), text)
    plain = assemble(MinutesTransformer(normalised).transform(open_with_lark().parse(normalised.text)), text)
    assert sk.dumps(plain) == sk.dumps(ours)


def test_apply_blanks_win_over_edits_inside_them() -> None:
    text = "one two three four five"
    edits = [(3, "\n"), (7, "\n"), (13, "\n")]
    assert _apply(text, edits, ((4, 13),)) == "one\n         \nfour five"
    assert _apply(text, edits, ()) == "one\ntwo\nthree\nfour five"
    assert _apply(text, [], ((0, 3), (19, 23))) == "    two three four     "


def test_layout_leaves_a_normalised_text_its_caller_keeps_unchanged() -> None:
    """layout lets go of its input's text only by dropping its own reference: the caller's is untouched."""
    text = "Page 1 of 3\n\n" + "\n\n".join(f"{n}. The Committee noted the report." for n in range(1, 4))
    terminals = load_parser().terminals
    kept = normalise(text)
    before = kept.text
    laid = layout(kept, terminals)
    assert kept.text is before
    assert laid.text != before
    assert len(laid.text) == len(before)
    assert laid.text == layout(normalise(text), terminals).text
    assert laid.text[:11] == " " * 11  # the page line blanked
    assert lay_out(before, cues(terminals))[1] == laid.furniture


@pytest.mark.parametrize("break_", ["\n", "\r\n", "\r", "\x0b", "\x1c", "\u2028", "\x85"])
def test_chunked_lines_are_the_whole_texts_lines(break_: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """_lines cuts the text where str.splitlines cuts the whole, whatever the chunk size and line breaks."""
    monkeypatch.setattr(detect, "_CHUNK", 7)
    lines = ["def f(x):", "   ", "return x;\r", "", "<p>\u00a0hi</p>"] * 5
    text = "\t{ a }\u00a0\n" + break_.join(lines) + "\r\n\n end "
    expected = [line.strip() for line in detect._plain(text).splitlines() if line.strip()]
    assert list(detect._lines(text)) == expected


def test_structured_reads_a_long_text_as_a_whole() -> None:
    """Source code longer than a chunk is still found; a minutes text is still prose."""
    code = "import os\n" + "def f(x):\n    return x;\n" * 5000
    assert len(code) > detect._CHUNK
    assert detect._structured(code) == "source code"
    assert detect._structured(SEEDS[0].read_text(encoding="utf-8") * 20) is None
    assert detect._structured('  \u00a0{"a": [1, 2]}\n') == "JSON data"


def test_a_long_parse_hands_freed_memory_back_between_stages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked twice (after the layout, before the model); done for a long text only; the same document."""
    from scrutinykit import _api, _memory

    calls: list[int] = []
    real = _memory.release_freed_memory

    def counted(length: int) -> bool:
        calls.append(length)
        return real(length)

    seed = SEEDS[0].read_text(encoding="utf-8")
    long_text = "\n\n".join([seed] * (_memory.LONG_TEXT // len(seed) + 1))
    before = sk.dumps(sk.parse(long_text))
    monkeypatch.setattr(_api, "release_freed_memory", counted)
    assert sk.dumps(sk.parse(long_text)) == before
    assert calls == [len(long_text), len(long_text)]
    calls.clear()
    sk.parse(seed)
    assert calls == [len(seed), len(seed)]
    assert not real(len(seed))


def test_releasing_memory_is_asked_of_glibc_and_skipped_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from scrutinykit import _memory

    if sys.platform.startswith("linux") and _memory._malloc_trim() is not None:
        assert _memory.release_freed_memory(_memory.LONG_TEXT)
    asked: list[int] = []
    monkeypatch.setattr(_memory, "_malloc_trim", lambda: asked.append)
    assert _memory.release_freed_memory(_memory.LONG_TEXT)
    assert asked == [0]
    assert not _memory.release_freed_memory(_memory.LONG_TEXT - 1)
    monkeypatch.setattr(_memory, "_malloc_trim", lambda: None)
    assert not _memory.release_freed_memory(_memory.LONG_TEXT)
