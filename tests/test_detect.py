"""Not-minutes detection: agendas, committee pages and forward plans are told from minutes.

The fixtures under ``tests/fixtures/snippets`` are invented (Quarrybank is no
real council).
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
