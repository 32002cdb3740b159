"""The layout stage: fixture cases, the offset map, cues from the grammar, layout invariance."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit.layout.lines import RUN_ON, cues, lay_out, layout_text
from scrutinykit.layout.normalise import normalise
from scrutinykit.parsing.loader import load_parser

from .conftest import FIXTURES, SEEDS
from .test_lossless import assert_lossless

LAYOUT_FIXTURES = FIXTURES / "layout"
#: One fixture file per rule of the stage (markdown-it-py style: a title, input, output).
RULES = ("reflow", "run-on", "furniture")
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


CASES = [
    (f"{rule}: {title}", a, b)
    for rule in RULES
    for title, a, b in read_cases(LAYOUT_FIXTURES / f"{rule}.txt")
]


def laid_out(text: str) -> str:
    """``text`` laid out, each piece of page furniture shown between ``[[`` and ``]]``."""
    out, furniture = lay_out(normalise(text).text, cues(load_parser().terminals))
    pieces: list[str] = []
    last = 0
    for start, end in furniture:
        pieces += [out[last:start], "[[", out[start:end], "]]"]
        last = end
    return "".join([*pieces, out[last:]])


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_fixture_case(title: str, source: str, expected: str) -> None:
    """Each fixture case: the input lines laid out give the expected lines."""
    assert laid_out(source) == expected, title


def test_fixture_files_have_cases_of_each_rule() -> None:
    """Every rule has its file, read whole: a broken separator would silently drop cases."""
    assert sorted(p.stem for p in LAYOUT_FIXTURES.glob("*.txt")) == sorted(RULES)
    for rule in RULES:
        assert len(read_cases(LAYOUT_FIXTURES / f"{rule}.txt")) >= 3, rule


def test_laid_out_fixture_documents_are_lossless() -> None:
    """Spans index the original after layout: every fixture case's input parses losslessly."""
    for _title, source, expected in CASES:
        try:
            doc: sk.Document | None = sk.parse(source)
        except sk.NotMinutesError as exc:  # a fragment refused as not minutes carries what was read
            doc = exc.document
        assert doc is not None
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


# Inside a long line the cue union is tried in two parts (lines.Cues.in_line and
# the terminals of Cues.split_parts, each tried only in a line holding one of
# its literals and at a character it may start with); here the two parts are
# compared with the whole union at every offset after a space, on the seeds
# and fixtures and on generated text.
_CUE_PIECES = st.sampled_from(
    [
        *(" ", "  ", ".", ":", "(", ")", "1.", "12", "2024", "7/24", "|", "-", "\u2013", "\n"),
        *("The", "Committee", "Board", "RESOLVED", "resolved", "R E S O L V E D", "that", "AGREED"),
        *("agreed", "Recommended", "RECOMMEND", "decided", "DECISION", "conclusions", "noted", "Present:"),
        *("Minute", "Minutes", "MEETING", "meeting", "closed", "Chairman", "Home", ">", "PDF", "Page 3"),
        *("Apologies", "Also present:", "Councillor", "Sub-Committee", "came to the following", "x"),
    ]
)


def _same_cues(text: str, every: bool) -> None:
    from scrutinykit.layout import lines

    cue = cues(load_parser().terminals)
    assert cue.in_line is not None
    assert cue.split_parts
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        parts = cue.splits_in(line)
        offsets = (
            range(start + 1, end) if every else (m.end() for m in lines._CANDIDATE.finditer(text, start, end))
        )
        for p in offsets:
            if text[p - 1] != " ":
                continue
            window = min(end, p + lines._WINDOW)
            c = text[p]
            split = cue.in_line.match(text, p, window) is not None or any(
                (first is None or c in first or not c.isascii()) and s.match(text, p, window)
                for first, s in parts
            )
            assert split == (cue.splits.match(text, p, window) is not None), (p, text[p:window])
        start = end + 1


def test_cue_parts_find_what_the_union_finds() -> None:
    _same_cues(_SCAN_TEXT, every=False)


@settings(max_examples=300)
@given(st.lists(_CUE_PIECES, max_size=40).map(" ".join))
def test_cue_parts_find_what_the_union_finds_on_generated_text(text: str) -> None:
    _same_cues(text, every=True)


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


_REASONS: dict[str, str] = {
    "002s": (
        "wrapped: a name list wrapped short of the width: rule 2 joins before a capital only after a full"
        " line, so a name cut at the wrap ('Andrew | Rendle', 'Andy | Stranack') stays two names or loses"
        " its surname; flat: the officers list and 'RESOLVED - (1) … (2) … (3)' run on into one line "
        "under 600 characters, so no split and one point"
    ),
    "004d": (
        "wrap90: the item's purpose line '(copy enclosed).' wraps onto a line of its own that reflow "
        "leaves (the line before ends with a year, not mid-sentence), so the title loses its tail"
    ),
    "005d": (
        "flat: a ModernGov title with no minute number ('Task and Finish Group Progress Reports') runs "
        "into its 'Minutes:' label; the run-on split has no cue for an unnumbered title (heading form: "
        "grammar)"
    ),
    "007d": (
        "wrap60: a wrapped line starts '2024. Minutes:' and is read as minute number 2024 (heading form: "
        "ITEM_NUMBER takes a year)"
    ),
    "009d": (
        "pipe-table rows re-wrapped or flattened: rows without a minute number lose their title; the "
        "pipe-row split only cuts after a sentence's full stop (table rows of titles have none)"
    ),
    "010d": (
        "wrap90: a wrapped line starts '2024. ... view the full agenda text' and is read as minute number"
        " 2024 (heading form: ITEM_NUMBER takes a year)"
    ),
    "011d": (
        "a wrapped 'It was moved by … and' / 'RESOLVED' run: a line starting '2024.' becomes an item and "
        "an 'agreed' sentence wrapped onto its own line reads as an Agreement (heading/outcome forms)"
    ),
    "013d": (
        "wrapped: a name list wrapped short of the width: rule 2 joins before a capital only after a full"
        " line, so a name cut at the wrap ('Felicity | Harbottle') stays two names or loses its surname; "
        "wrap72: a line starting '2023/24 academic year' is read as a slash minute number (heading form);"
        " flat: officers 'Name, Role' run together"
    ),
    "014d": (
        "wrap60: a name list wrapped short of the width: rule 2 joins before a capital only after a full "
        "line, so a name cut at the wrap ('Ismail', 'Threlkeld' alone on the next line) stays two names "
        "or loses its surname"
    ),
    "015d": (
        "two-column attendance block (PRESENT | IN ATTENDANCE side by side): re-wrapping cuts each row at"
        " a different word and flattening runs the columns together; without the row breaks the columns "
        "cannot be told apart"
    ),
    "016d": (
        "wrapped: a name list wrapped short of the width: rule 2 joins before a capital only after a full"
        " line, so a name cut at the wrap ('Tamsin | Quarrie', 'Lionel | Spratt') stays two names or "
        "loses its surname; wrap60: a line starting '77/21 as a volunteer' reads as a minute number; "
        "flat: officers listed by role only run together"
    ),
    "017d": (
        "wrap60: the ModernGov heading '21 … pdf icon PDF 96 KB' wraps before '96 KB', so '96 KB' reads "
        "as item 96 (heading form: the link suffix must end the heading line)"
    ),
    "020d": (
        "wrapped: the letter-spaced Welsh attendance list ('D.W. Pryce, G.H. Parry-Jenkins …') wraps "
        "after initials; reflow leaves the lines (they start with a capital after a short line) and the "
        "names are lost"
    ),
    "021d": (
        "wrap60: '5. TOWN CENTRE … 2024/25. pdf icon PDF | 344 KB' wraps inside the link suffix (as 017d)"
    ),
    "023d": (
        "flat: bilingual headings (English title, Gaelic title on the next line) run into one title; the "
        "Gaelic line has no cue (heading form: grammar)"
    ),
    "024d": (
        "wrapped and flat: 'Councillors A O'Driscoll, …' and officers 'Role – Initial Surname' wrapped "
        "after an initial: a name list wrapped short of the width: rule 2 joins before a capital only "
        "after a full line, so a name cut at the wrap ('A | O'Driscoll') stays two names or loses its "
        "surname; wrap60 also cuts an upper-case title after 'QUARTER' and '3 PROGRESS' reads as item 3"
    ),
    "025d": (
        "wrapped: a name list wrapped short of the width: rule 2 joins before a capital only after a full"
        " line, so a name cut at the wrap ('Ó | Dochartaigh', 'Mrs. S. Toner') stays two names or loses "
        "its surname"
    ),
    "026d": (
        "parish: wrapped present list cut after initials ('Cllr M | Ferris'); flat: numbered items "
        "'2411.03 To approve …' run into their RESOLVED sentences (the run-on split finds no sentence "
        "start after a purpose-verb title)"
    ),
    "027d": (
        "town council, truncated: 'TC/118/24-25 PUBLIC QUESTION TIME A resident …' keeps its sentence in "
        "the title in the original; re-wrapped the title ends at the line end, so the items differ from "
        "an original that is itself flattened (the original's summary is not the right one)"
    ),
    "028d": (
        "wrapped: a name list wrapped short of the width: rule 2 joins before a capital only after a full"
        " line, so a name cut at the wrap ('Victor | Ashcroft-Lee', 'Shabnam | Rezaei') stays two names "
        "or loses its surname; wrap72: a line starting '2025/26 was realistic' reads as a slash minute "
        "number (flat, officers 'Name, Role' run together, holds since an entry after a note in "
        "brackets with no comma is one of its own)"
    ),
    "029d": (
        "wrapped: ModernGov headings wrap inside 'pdf icon PDF n KB' (as 017d), a line starting '2025/26'"
        " or '2025. Decision:' reads as a minute number, and 'Teaching Hospitals NHS Foundation Trust' "
        "wrapped from an also-attending line reads as a name; flat: the also-attending list runs on"
    ),
}

#: (document, transform) pairs whose summary still differs, each with the reason found for it.  Each
#: is checked to still differ, so a fix must remove its entry.  82 of 136 pairs held when the stage was
#: added; 84 hold now (furniture and page-split rejoining fixed 002s's items and outcomes when
#: re-wrapped, and 024d at 90 columns).  Where the cause is a heading or label form the grammar
#: owns, the reason says so.
INVARIANCE_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("002s", "flat"): _REASONS["002s"],
    ("002s", "wrap60"): _REASONS["002s"],
    ("004d", "wrap90"): _REASONS["004d"],
    ("005d", "flat"): _REASONS["005d"],
    ("007d", "wrap60"): _REASONS["007d"],
    ("009d", "flat"): _REASONS["009d"],
    ("009d", "wrap72"): _REASONS["009d"],
    ("010d", "wrap90"): _REASONS["010d"],
    ("011d", "wrap60"): _REASONS["011d"],
    ("011d", "wrap72"): _REASONS["011d"],
    ("013d", "flat"): _REASONS["013d"],
    ("013d", "wrap60"): _REASONS["013d"],
    ("013d", "wrap72"): _REASONS["013d"],
    ("015d", "flat"): _REASONS["015d"],
    ("015d", "wrap60"): _REASONS["015d"],
    ("016d", "flat"): _REASONS["016d"],
    ("016d", "wrap60"): _REASONS["016d"],
    ("017d", "wrap60"): _REASONS["017d"],
    ("021d", "wrap60"): _REASONS["021d"],
    ("023d", "flat"): _REASONS["023d"],
    ("024d", "flat"): _REASONS["024d"],
    ("024d", "wrap60"): _REASONS["024d"],
    ("026d", "flat"): _REASONS["026d"],
    ("026d", "wrap72"): _REASONS["026d"],
    ("027d", "wrap60"): _REASONS["027d"],
    ("027d", "wrap72"): _REASONS["027d"],
    ("027d", "wrap90"): _REASONS["027d"],
    ("028d", "wrap72"): _REASONS["028d"],
    ("029d", "flat"): _REASONS["029d"],
    ("029d", "wrap60"): _REASONS["029d"],
    ("029d", "wrap72"): _REASONS["029d"],
    ("029d", "wrap90"): _REASONS["029d"],
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


# Two scanning patterns are written with a character first and what stands
# before it checked by a look-behind after (the engine then skips ahead); here
# each is compared with its plain form on the seeds and fixtures and on
# generated text.
_PLAIN_SCANS = {
    "_ROW_END": r"(?<=[.!?)])[ ]\|(?=[ ]+\S)",
    "_CANDIDATE": r"(?:[.:;!?)|]|(?<![^ ])[A-Z0-9][^ \n]*)[ ]+(?=[A-Z0-9(])",
}
_SCAN_TEXT = "\n".join(
    p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]
)
_SCAN_PIECES = st.sampled_from(
    [" ", "  ", "\n", "|", " | ", ". | ", ") |", "The", "the", "A1", "9", "(", ")", ".", ":", ";", "?", "x"]
)


def _same_scans(text: str) -> None:
    from scrutinykit.layout import lines

    for name, plain in _PLAIN_SCANS.items():
        fast = getattr(lines, name)
        assert fast.pattern != plain
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in re.finditer(plain, text)], name


def test_scans_find_what_their_plain_forms_find() -> None:
    _same_scans(_SCAN_TEXT)


@settings(max_examples=400)
@given(st.lists(_SCAN_PIECES, max_size=30).map("".join))
def test_scans_find_what_their_plain_forms_find_on_generated_text(text: str) -> None:
    _same_scans(text)
