"""Not-minutes detection: agendas, committee pages and forward plans are told from minutes.

The fixtures under ``tests/fixtures/snippets`` are invented (Quarrybank is no
real council).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit
from scrutinykit.build.detect import not_minutes_reason

from .conftest import FIXTURES, SEEDS

SNIPPETS = FIXTURES / "snippets"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("agenda-only-quarrybank.txt", "an agenda"),
        ("committee-page-quarrybank.txt", "a committee description page"),
        ("forward-plan-quarrybank.txt", "a forward-plan notice"),
    ],
)
def test_other_pages_are_not_minutes(name: str, kind: str) -> None:
    """Another kind of page raises NotMinutesError naming the kind, with what was read attached."""
    with pytest.raises(scrutinykit.NotMinutesError) as caught:
        scrutinykit.parse_file(SNIPPETS / name)
    assert kind in caught.value.message
    assert str(SNIPPETS / name) in str(caught.value)
    read = caught.value.document
    assert isinstance(read, scrutinykit.Document)
    assert not_minutes_reason(read) == caught.value.message


def test_not_minutes_error_pickles_with_its_document() -> None:
    """The error crosses process boundaries (batch workers) with its document."""
    import pickle

    with pytest.raises(scrutinykit.NotMinutesError) as caught:
        scrutinykit.parse_file(SNIPPETS / "forward-plan-quarrybank.txt")
    back = pickle.loads(pickle.dumps(caught.value))
    assert back.message == caught.value.message
    assert back.document == caught.value.document


def test_agenda_wording_with_narration_is_minutes() -> None:
    """Agenda lines do not outweigh sentences narrating what the meeting did."""
    doc = scrutinykit.parse_file(SNIPPETS / "short-minutes-quarrybank.txt")
    assert not_minutes_reason(doc) is None


def test_a_resolution_is_proof_of_minutes() -> None:
    """An agenda-looking page that records a resolution is minutes."""
    text = (
        "Items\n\nNo. Item\n\n1.\n\nBudget monitoring\n\nTo receive the report.\n\n"
        "To consider the savings.\n\nRESOLVED: That the report be noted.\n"
    )
    doc = scrutinykit.parse(text)
    assert not_minutes_reason(doc) is None
    assert len(doc.outcomes()) == 1


def test_no_signals_either_way_is_minutes() -> None:
    """A short excerpt with neither proceedings nor another page's marks is given the benefit of the doubt."""
    assert not_minutes_reason(scrutinykit.parse("Some notes about a meeting.\n")) is None


DOCUMENTS = [*SEEDS, *sorted((FIXTURES / "documents").glob("*.txt"))]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_seeds_and_fixtures_are_minutes(path: Path) -> None:
    """Every seed and document fixture is minutes."""
    assert not_minutes_reason(scrutinykit.parse_file(path)) is None


# ---- The code-line test reads a line's end without a search -----------------------

_PLAIN_CODE_LINE = (
    r"(?:[{};\[(]|\)\s*:|=>|->)$"
    r"|^(?:[})\]]|#include\b|import\s+[\w.{]|from\s+[\w.]+\s+import\b|(?:async\s+)?def\s+\w+\s*\("
    r"|class\s+\w+.*:$|return\b|(?:const|let|var)\s+\w+\s*=|\w+(?:\.\w+)*\s*(?:[-+*/]?=)\s*\S)"
)
_CODE_PIECES = st.sampled_from(
    [
        *(" ", "  ", "\t", "\u2003", "\x1c", "\u00a0", ":", ")", "(", "{", "}", "[", "]", ";", "=>", "->"),
        *("=", "+=", "-", ">", "x", "x.y", "_1", "import", "from", "def", "async", "class", "return"),
        *("const", "let", "var", "#include", "Resolved", ".", "#", "é", "1"),
    ]
)


def _same_code_lines(lines: list[str]) -> None:
    import re

    from scrutinykit.build import detect

    for line in lines:
        assert detect._code_line(line) == (re.search(_PLAIN_CODE_LINE, line) is not None), line


def test_code_line_is_its_plain_search_on_the_seeds_and_fixtures() -> None:
    texts = [p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]]
    _same_code_lines([line.strip() for text in texts for line in text.splitlines()])


@settings(max_examples=1000)
@given(st.lists(_CODE_PIECES, max_size=12).map("".join))
def test_code_line_is_its_plain_search_on_generated_lines(line: str) -> None:
    _same_code_lines([line, line.strip()])


def _plain_structured(text: str) -> str | None:
    """detect._structured as it was before its first-character filter: every line tried with every pattern."""
    import re

    from scrutinykit.build import detect

    first = re.search(r"\S", text)
    if first is not None and first.group() in ("{", "["):
        try:
            json.loads(detect._plain(text).strip())
        except ValueError:
            pass
        else:
            return "JSON data"
    lines = json_lines = code = md_code = tags = 0
    md_heading = md_rule = False
    for line in detect._plain(text).splitlines():
        line = line.strip()
        if not line:
            continue
        lines += 1
        json_lines += line[:1] == "{" and line[-1:] == "}"
        code += re.search(_PLAIN_CODE_LINE, line) is not None
        md_heading = md_heading or re.match(r"#{1,6}[ ]\S", line) is not None
        rule = re.match(r"\|?[ ]*:?-{3,}:?[ ]*\|[ :|-]*$", line) is not None
        md_rule = md_rule or rule or line.startswith("```")
        md_code += re.search(r"`[^`\n]+`", line) is not None
        tags += re.match(r"<[/!?]?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>", line) is not None
    if lines < detect.MIN_STRUCTURED_LINES:
        return None
    if json_lines * 2 > lines:
        return "JSON data"
    if code / lines >= detect.CODE_SHARE:
        return "source code"
    if md_heading and (md_rule or md_code >= detect.MIN_STRUCTURED_LINES):
        return "Markdown (a README or similar)"
    if tags / lines >= detect.CODE_SHARE:
        return "markup (XML or HTML)"
    return None


_MARKUP_PIECES = st.sampled_from(
    [
        *("\n", "\n", " ", "{", "}", '"a": 1', "# ", "## Title", "---", "| --- |", ":---:|", "```", "`x`"),
        *("<p>", "</div>", "<br/>", "<a href='x'>", "x = 1", "def f(", "import os", "return", ";", "("),
        *("text", "Minutes"),
    ]
)


@settings(max_examples=500)
@given(st.lists(_MARKUP_PIECES, max_size=40).map("".join))
def test_structured_reads_what_its_plain_form_reads(text: str) -> None:
    from scrutinykit.build import detect

    assert detect._structured(text) == _plain_structured(text)


def test_structured_reads_what_its_plain_form_reads_on_the_seeds_and_fixtures() -> None:
    from scrutinykit.build import detect

    for path in [*SEEDS, *sorted(Path(FIXTURES).rglob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        assert detect._structured(text) == _plain_structured(text), path
