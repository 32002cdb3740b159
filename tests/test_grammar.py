"""The grammar as a product: loadable with plain Lark, total over any lines."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

import scrutinykit as sk
from scrutinykit.parsing.loader import GRAMMAR_FILE

GRAMMAR = sk.grammar_dir() / GRAMMAR_FILE


@pytest.fixture(scope="module")
def plain_parser() -> Lark:
    """The grammar loaded the way a downstream tool would."""
    return Lark.open(str(GRAMMAR), parser="lalr", strict=True)


def test_grammar_loads_strict_with_plain_lark(plain_parser: Lark) -> None:
    """A downstream tool loads the grammar with Lark.open, LALR and strict."""
    tree = plain_parser.parse("Agenda item\n\nA title\n\nMinutes:\n\nRESOLVED: That it be noted.\n")
    assert [c.data for c in tree.children[1:]] == ["agenda_item"]


def test_grammar_file_has_no_common_name() -> None:
    """No grammar file shadows Lark's own common.lark."""
    assert not (sk.grammar_dir() / "common.lark").exists()


@pytest.mark.parametrize(
    "line",
    [
        "RESOLVED that:",
        "Minutes:",
        "1.",
        "(a) the report be noted; and",
        "Conclusions",
        "The meeting ended at 9.15pm",
        "12",
        "Present: Councillor Ada Example (Chair)",
        "A12/24 Apologies for absence",
        "That the report be noted.",
        "- a bullet",
        "Some ordinary prose line.",
    ],
)
def test_any_line_kind_parses_anywhere(plain_parser: Lark, line: str) -> None:
    """Each kind of line parses at the start, after prose, and inside an item."""
    for text in (
        f"{line}\n",
        f"Prose first.\n\n{line}\n",
        f"A1/24 Item\n\n{line}\n\n{line}\n",
        f"Agenda item\n\nTitle\n\nMinutes:\n\n{line}\n",
    ):
        plain_parser.parse(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(from_lark(Lark.open(str(GRAMMAR), parser="lalr", strict=True), start="start"))
def test_grammar_generated_text_parses_or_raises_our_error(text: str) -> None:
    """Text generated from the grammar either parses or raises a ScrutinyKitError — never a bug."""
    try:
        doc = sk.parse(text)
    except sk.InternalError:
        raise
    except sk.ScrutinyKitError:
        return
    assert doc.source == text
    assert sk.loads(sk.dumps(doc)) == doc


SAMPLE_LINES = [
    "RESOLVED that:",
    "Resolved: That the plan be approved.",
    "The Panel recommended that",
    "The Committee came to the following conclusions",
    "Conclusions",
    "Recommendations",
    "Minutes:",
    "Decision:",
    "Supporting documents:",
    "41.",
    "Agenda item",
    "Home > Agenda item",
    "(Report to follow)",
    "12",
    "Page 3 of 9",
    "1.  The report be noted.",
    "(b) officers report back; and",
    "- a bulleted line",
    "That the report be noted.",
    "Present: Councillor Ada Example (Chair)",
    "Also in attendance:",
    "Apologies: Councillor Bo Sample",
    "Minutes of the meeting held on Monday 3 March 2025 at 6pm",
    "The meeting ended at 8.05pm",
    "B7/25 Budget monitoring (agenda item 4)",
    "Road safety review (Agenda item 6)",
    "2025-29 SAV PLC 004 - Parking charges",
    "The Board is asked to reach a conclusion on the following:-",
    "Share this item",
    "The Panel resolved:-",
    "4.2   RESOLVED – that the minutes be signed.",
    "6.1   that the report be received;",
    "Proposed Cllr Ada Fenwick, seconded Cllr Bo Lintott, all in favour. RESOLVED that the grant be paid.",
    "After debate it was RESOLVED to object on the grounds that (i) access is poor and (ii) it is too tall.",
    "1           APOLOGIES",
    "3.1  GR/17 GRANTS TO VILLAGE HALLS",
    "37 Review of Allotment Rents pdf icon PDF 88 KB",
    "Minute 12 – Declarations of Interest",
    "4.   Street Lighting Plan 2025/26",
    "SCHOOL TRANSPORT POLICY",
    "6.   The Committee had before it a report on school transport.",
    "5  MINUTES – Resolved – That the minutes be approved.",
    "In the Chair :     Alderman R Quinlan",
    "Committee Members Present (In Person) :  Councillors – A Brook and C Dale",
    "Non-Committee Members :   Councillor E Frew",
    "Officers:",
    "That the trust publish waiting times | Accepted | Done |",
    "On a vote, four Members voted for and six against and it was declared lost.",
    "Bus Shelter Renewal",
    "Report of the Head of Transport",
    "To approve the minutes of 4 June.",
    "The Panel received the figures and noted them. Resolved:-",
    "Library Hours Review PDF 120 KB Additional documents: Minutes: Members met. Resolved:-",
    "MINUTES PRESENT: Cllr A Lowther "
    + "and others " * 30
    + "PC/12/25-26 APOLOGIES None. PC/13/25-26 LEASE RESOLVED: That it be renewed.",
    "RESOLVED",
    "PRESENT",
    "1. Councillor Ann Shaw",
    "Ordinary prose about the library service.",
    "lower-case prose continuing a sentence",
    "",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SAMPLE_LINES), max_size=25), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_any_sequence_of_line_kinds_parses(lines: list[str], sep: str) -> None:
    """The grammar is total: every sequence of known line kinds parses without error."""
    text = sep.join(lines)
    if not any(line.strip() for line in lines):
        return
    try:
        doc = sk.parse(text)
    except sk.NotMinutesError as exc:  # parsed, then judged another kind of page
        read = exc.document
        assert isinstance(read, sk.Document)
        doc = read
    assert doc.source == text


def test_every_rule_and_terminal_is_documented() -> None:
    """docs/grammar.md names every rule, alias and terminal of the grammar."""
    import re

    from .conftest import ROOT

    grammar = GRAMMAR.read_text(encoding="utf-8")
    doc = (ROOT / "docs" / "grammar.md").read_text(encoding="utf-8")
    rules = set(re.findall(r"^\??([a-z][a-z0-9_]*):", grammar, re.M)) | set(
        re.findall(r"->\s*([a-z_]+)", grammar)
    )
    terminals = set(re.findall(r"^([A-Z][A-Z0-9_]*)(?:\.\d+)?:", grammar, re.M))
    missing = sorted(name for name in rules | terminals if f"`{name}`" not in doc)
    assert not missing, f"not in docs/grammar.md: {missing}"
