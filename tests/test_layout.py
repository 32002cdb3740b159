"""The layout stage: fixture cases, the offset map, cues from the grammar, layout invariance."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit.layout.lines import RUN_ON, cues, layout_text
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser

from .conftest import FIXTURES, SEEDS
from .test_lossless import assert_lossless

LAYOUT_FIXTURES = FIXTURES / "layout" / "layout.txt"
DEVCORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "devcorpus" / "docs"


def read_cases(path: Path) -> list[tuple[str, str, str]]:
    """A fixture file's cases: a description line, then input and expected output, each closed by ``.``."""
    cases: list[tuple[str, str, str]] = []
    lines = path.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == ".", f"{path.name}: a '.' line must follow {title!r}"
        i += 2
        parts: list[str] = []
        for _ in range(2):
            body: list[str] = []
            while lines[i] != ".":
                body.append(lines[i])
                i += 1
            parts.append("\n".join(body) + "\n")
            i += 1
        cases.append((title, parts[0], parts[1]))
    return cases


CASES = read_cases(LAYOUT_FIXTURES)


def laid_out(text: str) -> str:
    return layout_text(normalise(text).text, cues(load_parser().terminals))


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_fixture_case(title: str, source: str, expected: str) -> None:
    """Each fixture case: the input lines laid out give the expected lines."""
    assert laid_out(source) == expected, title


def test_fixture_file_has_cases_of_each_rule() -> None:
    """The fixture file is read whole: a broken separator would silently drop cases."""
    assert len(CASES) >= 9


def test_laid_out_fixture_documents_are_lossless() -> None:
    """Spans index the original after layout: every fixture case's input parses losslessly."""
    for _title, source, expected in CASES:
        doc = sk.parse(source)
        assert_lossless(doc)
        assert doc.source == source
        assert expected != source or "\n" in source


# ---- The offset map -------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "the report be noted",
        "RESOLVED that",
        "Present:",
        "Cllr A Brightwater",
        "12. Road Safety Review",
        "(a)",
        "Page 2 of 9",
        "The meeting ended at 9pm.",
        " |",
        "and",
        "\u00b7",
        "Minutes:",
        "1412 FOOTPATHS",
        "x" * 40,
    ]
)
_GAPS = st.sampled_from([" ", "\n", "\n\n", "  ", "\n   ", ", ", ". "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GAPS), min_size=1, max_size=80))
def test_layout_only_swaps_newlines_and_spaces(parts: list[tuple[str, str]]) -> None:
    """Layout keeps the length and every non-whitespace character where it was."""
    text = normalise("".join(p + g for p, g in parts)).text
    out = layout_text(text, cues(load_parser().terminals))
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or {a, b} == {" ", "\n"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GAPS), min_size=1, max_size=60), st.integers(min_value=30, max_value=90))
def test_every_span_indexes_the_original_after_layout(parts: list[tuple[str, str]], width: int) -> None:
    """Wrapped or flattened, what is parsed is lossless against the source."""
    text = "".join(p + g for p, g in parts)
    for variant in (rewrap(text, width), flatten(text)):
        try:
            doc = sk.parse(variant)
        except sk.NotMinutesError as exc:
            doc = exc.document  # type: ignore[assignment]
            if doc is None:
                continue
        assert doc.source == variant
        assert_lossless(doc)


def test_long_lines_only_are_split() -> None:
    """A short line holding cues is never split: it may be a heading or a sentence."""
    line = "Present: Cllr A Rowe 3. Bins RESOLVED that the bins be emptied."
    assert len(line) < RUN_ON
    assert laid_out(line) == line + "\n"


# ---- Cues come from the grammar's terminals -----------------------------------------


def test_cues_follow_the_terminals() -> None:
    """A new terminal is a new cue; catch-all terminals are not cues."""
    terminals = load_parser().terminals
    base = cues(terminals)
    assert base.opens.match("RESOLVED that the report be noted.\n")
    assert base.opens.match("Present: Cllr A Rowe\n")
    assert not base.opens.match("the report be noted.\n")
    assert not base.opens.match(
        "After a long debate it was RESOLVED that\n"
    )  # RESOLVED_INLINE finds it later
    assert not base.splits.match("(a) that the report be noted\n")  # a dependent point
    extra = (*terminals, ("DETERMINED", r"DETERMINED\b[^\n]*"))
    assert not base.opens.match("DETERMINED that the fence be mended.\n")
    assert cues(extra).opens.match("DETERMINED that the fence be mended.\n")
    assert cues(extra).splits.match("DETERMINED that the fence be mended.\n")


# ---- Layout invariance ------------------------------------------------------------

_LABEL = re.compile(r"(?:\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)]|\([a-z0-9]+\)|[\u2022\u00b7-])[ ]+")


def rewrap(text: str, width: int) -> str:
    """Every line longer than ``width`` hard-wrapped at spaces, as PDF-to-text gives it (no indents)."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width + 1)
            if cut <= len(line) - len(line.lstrip()):
                break
            out.append(line[:cut])
            line = line[cut + 1 :]
        out.append(line)
    return "\n".join(out)


def flatten(text: str) -> str:
    """Each run of blocks (lines not parted by a blank line) joined into one line, as aggregators do."""
    return re.sub(r"[ \t]*\n(?![ \t]*\n)(?<!\n\n)[ \t]*", " ", text)


def summary(doc: sk.Document) -> dict[str, object]:
    """What layout must not change: items, outcomes (type, points) and attendance."""
    att = doc.attendance
    lists = {
        "present": att.present,
        "also": att.also_attending,
        "officers": att.officers,
        "apologies": att.apologies or (),
    }
    return {
        "items": [(it.minute_number, " ".join(it.title.split())) for it in doc.items],
        "outcomes": [(type(o).__name__, len(o.points)) for o in doc.outcomes()],
        "people": {k: sorted(" ".join((p.name or "").split()) for p in v) for k, v in lists.items()},
    }


def _documents() -> list[Path]:
    docs = sorted(DEVCORPUS.glob("*.txt")) if DEVCORPUS.is_dir() else []
    return [*SEEDS, *docs]


_UNDIAGNOSED = (
    "not invariant yet: reflow or splitting misses a structure of this document in this form (items, "
    "outcome points or attendance differ); not diagnosed one by one yet"
)

#: (document, transform) pairs whose summary still differs, with the reason.  Each
#: is checked to still differ, so a fix must remove its entry.  Measured when the
#: layout stage was added: 82 of 136 pairs invariant (wrap60 17/34, wrap72 21/34,
#: wrap90 21/34, flat 23/34; without the stage 5, 8, 11 and 23).
INVARIANCE_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("002s", "wrap60"): _UNDIAGNOSED,
    ("002s", "wrap72"): _UNDIAGNOSED,
    ("002s", "wrap90"): _UNDIAGNOSED,
    ("002s", "flat"): _UNDIAGNOSED,
    ("004d", "wrap90"): _UNDIAGNOSED,
    ("005d", "flat"): _UNDIAGNOSED,
    ("007d", "wrap60"): _UNDIAGNOSED,
    ("009d", "wrap72"): _UNDIAGNOSED,
    ("009d", "flat"): _UNDIAGNOSED,
    ("010d", "wrap90"): _UNDIAGNOSED,
    ("011d", "wrap60"): _UNDIAGNOSED,
    ("011d", "wrap72"): _UNDIAGNOSED,
    ("013d", "wrap60"): _UNDIAGNOSED,
    ("013d", "wrap72"): _UNDIAGNOSED,
    ("013d", "flat"): _UNDIAGNOSED,
    ("015d", "wrap60"): _UNDIAGNOSED,
    ("015d", "flat"): _UNDIAGNOSED,
    ("016d", "wrap60"): _UNDIAGNOSED,
    ("016d", "flat"): _UNDIAGNOSED,
    ("017d", "wrap60"): _UNDIAGNOSED,
    ("021d", "wrap60"): _UNDIAGNOSED,
    ("023d", "flat"): _UNDIAGNOSED,
    ("024d", "wrap60"): _UNDIAGNOSED,
    ("024d", "wrap72"): _UNDIAGNOSED,
    ("024d", "wrap90"): _UNDIAGNOSED,
    ("024d", "flat"): _UNDIAGNOSED,
    ("026d", "wrap72"): _UNDIAGNOSED,
    ("026d", "flat"): _UNDIAGNOSED,
    ("027d", "wrap60"): _UNDIAGNOSED,
    ("027d", "wrap72"): _UNDIAGNOSED,
    ("027d", "wrap90"): _UNDIAGNOSED,
    ("028d", "wrap72"): _UNDIAGNOSED,
    ("028d", "flat"): _UNDIAGNOSED,
    ("029d", "wrap60"): _UNDIAGNOSED,
    ("029d", "wrap72"): _UNDIAGNOSED,
    ("029d", "wrap90"): _UNDIAGNOSED,
    ("029d", "flat"): _UNDIAGNOSED,
}


def _transforms() -> dict[str, object]:
    return {"wrap60": 60, "wrap72": 72, "wrap90": 90, "flat": None}


@pytest.mark.parametrize("transform", list(_transforms()))
@pytest.mark.parametrize(
    "path", _documents(), ids=lambda p: p.name[:3] + ("s" if p.parent.name == "seeds" else "d")
)
def test_layout_invariance(path: Path, transform: str) -> None:
    """A document re-wrapped or flattened gives the items, outcomes and attendance of the original."""
    source = path.read_text(encoding="utf-8")
    width = _transforms()[transform]
    variant = flatten(source) if width is None else rewrap(source, int(str(width)))
    key = (path.name[:3] + ("s" if path.parent.name == "seeds" else "d"), transform)
    try:
        want = summary(sk.parse(source))
    except sk.NotMinutesError:
        # The corpus's not-minutes pages: re-wrapped or flattened, still refused.
        with pytest.raises(sk.NotMinutesError):
            sk.parse(variant)
        return
    got = summary(sk.parse(variant))
    if key in INVARIANCE_EXCEPTIONS:
        assert got != want, f"{key} now holds: remove it from INVARIANCE_EXCEPTIONS"
        return
    assert got == want, json.dumps({"want": want, "got": got}, indent=1)[:3000]
