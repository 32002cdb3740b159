"""Real published minutes (../shared/realdocs, when present): no crash; gold date, committee, item count.

Each document's facts are checked against its hand-made gold.  Where today's
parser gets a fact wrong, the case is listed in :data:`KNOWN_FAILURES` with
the reason, and the test asserts that it *still* fails: a fix shows up as a
failing test that asks for its entry to be removed.  Everything else must
hold.  Nothing here is keyed to a document in the library: the list only
records what the parser does today.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest

import scrutinykit as sk

from .test_lossless import assert_lossless

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
MANIFEST = REALDOCS / "manifest.json"

pytestmark = pytest.mark.skipif(not MANIFEST.is_file(), reason="../shared/realdocs is not here")


def _entries() -> list[dict[str, str]]:
    if not MANIFEST.is_file():
        return []
    return list(json.loads(MANIFEST.read_text(encoding="utf-8")))


ENTRIES = _entries()
IDS = [e["id"] for e in ENTRIES]
PDFS = [e["id"] for e in ENTRIES if e["format"] == "pdf"]

_COMMITTEE_IN_PROSE = (
    "an HTML page whose heading gives only the date; the body is named as the subject of the first"
    " sentence, which says that it met, and the meeting reader reads no committee from prose"
)

#: (document id, fact) → why today's parser gets it wrong.  Each must still be wrong.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
    ("018", "committee"): _COMMITTEE_IN_PROSE,
    ("003", "items"): (
        "an unnumbered title before the first numbered minute ('Election of Chair', its paragraphs"
        " numbered '1.', '2.' on lines of their own) is not read as an item: 3 of 4 (the count was right"
        " before only because the paragraph number over a motion made a wrong item of the motion)"
    ),
    ("004", "items"): (
        "one numbered item title has lower-case words and runs onto a second line, so the numbered"
        " heading forms (a capitalised title of at most twelve words) do not take it: 12 of 13"
    ),
    ("009", "date"): (
        "the minutes are a few pages inside an agenda pack: the meeting line at the top is the agenda's"
        " (another meeting's date, rightly not taken), and the minutes' own date stands in their running"
        " header, which no meeting line is read from: no date"
    ),
    ("009", "items"): (
        "an agenda pack: the agenda's items are read as well as the minutes', and a title wrapped"
        " across a page break loses its first line to the running header: 12 for 10"
    ),
    ("018", "items"): (
        "an HTML page: a numbered upper-case line inside a planning objection (printed twice) is read"
        " as an item heading each time: 12 for 10"
    ),
}


def _fold(text: str | None) -> str | None:
    """The gold's normalisation: NFKC, no-break spaces, whitespace collapsed, casefolded."""
    if text is None:
        return None
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@functools.cache
def _parsed(doc_id: str) -> sk.Document:
    (entry,) = [e for e in ENTRIES if e["id"] == doc_id]
    return sk.parse_file(REALDOCS / "docs" / entry["file"])


def _gold(doc_id: str) -> dict[str, object]:
    return dict(json.loads((REALDOCS / "gold" / f"{doc_id}.json").read_text(encoding="utf-8")))


def _facts(doc_id: str) -> dict[str, tuple[object, object]]:
    """Each fact: (what the parser gets, what the gold says)."""
    doc, gold = _parsed(doc_id), _gold(doc_id)
    meeting = gold["meeting"]
    assert isinstance(meeting, dict)
    items = gold["items"]
    assert isinstance(items, list)
    got_date = doc.meeting.date.isoformat() if doc.meeting.date else None
    return {
        "date": (got_date, meeting["date"]),
        "committee": (_fold(doc.meeting.committee), _fold(meeting["committee"])),
        "items": (len(doc.items), len(items)),
    }


@pytest.mark.parametrize("doc_id", IDS)
def test_every_document_parses_losslessly(doc_id: str) -> None:
    """Each real document parses (a PDF with text is never called a scan), and nothing is lost."""
    assert _gold(doc_id)["is_minutes"] is True
    doc = _parsed(doc_id)
    assert doc.items
    assert_lossless(doc)


@pytest.mark.parametrize("doc_id", PDFS)
def test_every_node_of_a_real_pdf_is_on_a_page(doc_id: str) -> None:
    """Pages cover the rendering in order, and every node has its page."""
    doc = _parsed(doc_id)
    assert doc.format is sk.InputFormat.PDF
    assert doc.pages[0].span.start == 0
    assert doc.pages[-1].span.end == len(doc.source)
    for node in doc.walk():
        assert doc.page_of(node) is not None, node


@pytest.mark.parametrize("fact", ["date", "committee", "items"])
@pytest.mark.parametrize("doc_id", IDS)
def test_gold_facts(doc_id: str, fact: str) -> None:
    """The meeting date, committee and item count are the gold's, but for the known failures."""
    got, expected = _facts(doc_id)[fact]
    reason = KNOWN_FAILURES.get((doc_id, fact))
    if reason is None:
        assert got == expected, f"{doc_id} {fact}: got {got!r}, gold {expected!r}"
    else:
        assert got != expected, f"{doc_id} {fact} is right now ({got!r}): remove it from KNOWN_FAILURES"


def test_known_failures_name_real_cases() -> None:
    """Every known failure names a document of the manifest and a checked fact."""
    for doc_id, fact in KNOWN_FAILURES:
        assert doc_id in IDS
        assert fact in {"date", "committee", "items"}
