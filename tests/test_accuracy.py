"""Accuracy ratchets on three corpora, and unit tests of the benchmark's scorers.

The floors below are the figures ``python -m benchmarks.accuracy`` measured
when they were set, rounded down a little.  They are ratchets: raise one when
the parser improves, never lower it.  The ceilings are counts of errors that
may only go down.  Each corpus's tests skip when its part of ../shared is
absent; the scorer's unit tests run everywhere.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
GENERATOR = DEVCORPUS / "generator"
REALDOCS = ROOT.parent / "shared" / "realdocs"

if str(ROOT) not in sys.path:  # benchmarks/ is not installed; import it from the checkout
    sys.path.insert(0, str(ROOT))

import scrutinykit  # noqa: E402
from benchmarks.accuracy import (  # noqa: E402
    DocResult,
    RealResult,
    document_misses,
    fold_name,
    fold_person,
    generated_corpus,
    main,
    match_items,
    match_outcomes,
    match_spans,
    miss_class,
    normalise,
    overlap_ratio,
    per_format,
    predict,
    predict_text,
    printed_title,
    read_text,
    real_document_misses,
    run_corpus,
    run_generated,
    run_real,
    score,
    score_real,
)


def _has(folder: Path, *parts: str) -> bool:
    return all((folder / part).exists() for part in parts)


FLOORS: dict[str, float] = {
    "outcomes_50_precision": 0.99,
    "outcomes_50_recall": 0.973,  # 0.9754 (raised 0.96 -> 0.973)
    "outcomes_50_f1": 0.981,  # 0.9835 (raised 0.97 -> 0.981)
    "outcomes_50_typed_f1": 0.981,  # 0.9835 (raised 0.97 -> 0.981)
    "outcomes_50_points_accuracy": 1.00,
    "outcomes_90_precision": 0.973,  # 0.9750 (raised 0.97 -> 0.973)
    "outcomes_90_recall": 0.957,  # 0.9590 (raised 0.95 -> 0.957)
    "outcomes_90_f1": 0.964,  # 0.9669 (raised 0.96 -> 0.964)
    "outcomes_90_typed_f1": 0.964,  # 0.9669 (raised 0.96 -> 0.964)
    "outcomes_90_points_accuracy": 1.00,
    "items_precision": 1.00,
    "items_recall": 0.984,  # 0.9862 (raised 0.97 -> 0.984)
    "items_f1": 0.991,  # 0.9931 (raised 0.98 -> 0.991)
    "items_number_accuracy": 1.00,
    "people_present_f1": 1.0,
    "people_apologies_f1": 0.998,  # 1.0000 (raised 0.99 -> 0.998)
    "people_also_attending_f1": 1.0,
    "people_officers_f1": 1.0,
    "people_all_f1": 0.998,  # 1.0000 (raised 0.99 -> 0.998)
    "meeting_date_accuracy": 0.95,
    "committee_accuracy": 0.798,  # 0.800 (first set: labelled meeting lines, title blocks)
    "meeting_end_time_accuracy": 0.907,  # 0.9091 (raised 0.9 -> 0.907)
    "is_minutes_accuracy": 1.0,
}
"""Figure → the lowest value allowed (measured, rounded down to 2 decimals)."""

CEILINGS: dict[str, int] = {
    "crashes": 0,
    "not_minutes_outcomes": 0,
    "meeting_date_wrong": 0,  # was 1 (an issue page's later meeting line)
    "committee_wrong": 0,
}
"""Error count → the highest value allowed (measured now)."""


@pytest.fixture(scope="module")
def results() -> list[DocResult]:
    """The whole development corpus parsed and predicted, once."""
    if not _has(DEVCORPUS, "docs", "gold"):
        pytest.skip(f"the development corpus is absent ({DEVCORPUS})")
    return run_corpus(DEVCORPUS)


@pytest.fixture(scope="module")
def figures(results: list[DocResult]) -> dict[str, Any]:
    """The corpus figures, scored once."""
    return score((r.gold, r.pred) for r in results)


# ---------------------------------------------------------------------------
# Ratchets on the corpus
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor_held(figures: dict[str, Any], name: str) -> None:
    """Each corpus figure is at least its recorded floor."""
    value = figures[name]
    assert value is not None, f"{name} is n/a"
    assert value >= FLOORS[name], f"{name} fell to {value:.3f} (floor {FLOORS[name]:.2f})"


@pytest.mark.parametrize("name", sorted(CEILINGS))
def test_ceiling_held(figures: dict[str, Any], name: str) -> None:
    """Each error count is at most its recorded ceiling."""
    assert figures[name] <= CEILINGS[name], f"{name} rose to {figures[name]} (ceiling {CEILINGS[name]})"


def test_no_document_crashes(results: list[DocResult]) -> None:
    """Every corpus document parses without a crash (hard requirement)."""
    crashed = {r.doc_id: r.error for r in results if r.pred is None}
    assert not crashed, f"documents crashed: {sorted(crashed)}"


def test_every_document_scored(results: list[DocResult]) -> None:
    """Every gold annotation has its document, so the figures cover the whole corpus."""
    assert len(results) == len(list((DEVCORPUS / "gold").glob("*.json")))


# ---------------------------------------------------------------------------
# The scorer on hand-made gold and predictions
# ---------------------------------------------------------------------------


def _doc(**fields: Any) -> dict[str, Any]:
    """A gold or predicted document: empty minutes with ``fields`` set."""
    base: dict[str, Any] = {
        "id": "t",
        "is_minutes": True,
        "meeting": {
            "committee": None,
            "date": None,
            "start_time": None,
            "end_time": None,
            "venue_present": False,
        },
        "present": [],
        "apologies": [],
        "also_attending": [],
        "officers": [],
        "items": [],
        "outcomes": [],
        "previous_minutes_approved": None,
        "declarations": None,
        "truncated": False,
        "exchanges": 0,
    }
    base.update(fields)
    return base


def _out(start: int, end: int, kind: str = "resolution", points: int = 0, **extra: Any) -> dict[str, Any]:
    """An outcome entry."""
    return {"type": kind, "start": start, "end": end, "points": points, **extra}


def _item(start: int, end: int, number: str | None = None) -> dict[str, Any]:
    """An item entry."""
    return {"number": number, "title_start": start, "title_end": end}


def test_overlap_ratio_uses_the_longer_span() -> None:
    """Overlap is a share of the longer span, so containment alone is not a match."""
    assert overlap_ratio((0, 100), (50, 150)) == 0.5
    assert overlap_ratio((0, 100), (0, 200)) == 0.5
    assert overlap_ratio((0, 100), (10, 100)) == 0.9
    assert overlap_ratio((0, 10), (10, 20)) == 0.0
    assert overlap_ratio((5, 5), (5, 5)) == 0.0


@pytest.mark.parametrize(
    ("pred", "at_50", "at_90"),
    [
        pytest.param((50, 150), True, False, id="exactly-0.5"),
        pytest.param((51, 151), False, False, id="just-under-0.5"),
        pytest.param((0, 90), True, True, id="exactly-0.9"),
        pytest.param((0, 89), True, False, id="just-under-0.9"),
        pytest.param((0, 200), True, False, id="contains-gold-but-twice-as-long"),
    ],
)
def test_outcome_threshold_boundaries(pred: tuple[int, int], at_50: bool, at_90: bool) -> None:
    """A prediction matches at 0.5 and at 0.9 exactly when its overlap reaches the threshold."""
    figures = score([(_doc(outcomes=[_out(0, 100)]), _doc(outcomes=[_out(*pred)]))])
    assert figures["outcomes_50_matched"] == int(at_50)
    assert figures["outcomes_90_matched"] == int(at_90)


def test_outcomes_match_one_to_one() -> None:
    """Two predictions over one gold outcome give one match and one false positive."""
    figures = score([(_doc(outcomes=[_out(0, 100)]), _doc(outcomes=[_out(0, 60), _out(0, 100)]))])
    assert figures["outcomes_50_matched"] == 1
    assert figures["outcomes_50_precision"] == 0.5
    assert figures["outcomes_50_recall"] == 1.0


def test_matching_is_greedy_by_best_overlap() -> None:
    """The best-overlapping pair is taken first, so a near-miss cannot steal an exact match."""
    gold = [(0, 100), (20, 120)]
    pred = [(15, 115), (0, 100)]
    assert match_spans(gold, pred, 0.5) == [(0, 1), (1, 0)]
    # One gold outcome, two candidates: the exact one wins, whatever the order.
    assert match_spans([(0, 100)], [(0, 60), (0, 100)], 0.5) == [(0, 1)]
    assert match_spans([(0, 100)], [(0, 100), (0, 60)], 0.5) == [(0, 0)]


def test_typed_f1_and_points() -> None:
    """A matched outcome of the wrong type counts against the typed F1; points are checked on matches."""
    gold = _doc(outcomes=[_out(0, 100, "resolution", 2), _out(200, 300, "action", 0)])
    pred = _doc(outcomes=[_out(0, 100, "resolution", 3), _out(200, 300, "resolution", 0)])
    figures = score([(gold, pred)])
    assert figures["outcomes_50_f1"] == 1.0
    assert figures["outcomes_50_typed_f1"] == 0.5
    assert figures["outcomes_50_points_accuracy"] == 0.5


def test_f1_is_micro_averaged_over_documents() -> None:
    """Counts are pooled over documents before precision and recall are taken."""
    doc_a = (_doc(outcomes=[_out(0, 10), _out(20, 30)]), _doc(outcomes=[_out(0, 10), _out(20, 30)]))
    doc_b = (_doc(outcomes=[_out(0, 10)]), _doc(outcomes=[]))
    figures = score([doc_a, doc_b])
    assert figures["outcomes_50_precision"] == 1.0
    assert figures["outcomes_50_recall"] == pytest.approx(2 / 3)
    assert figures["outcomes_50_f1"] == pytest.approx(0.8)


def test_items_match_on_any_overlap() -> None:
    """Item titles match when they share a character; touching spans do not; numbers are exact."""
    gold = _doc(items=[_item(10, 40, "41."), _item(100, 130, "42."), _item(200, 230, "43.")])
    pred = _doc(items=[_item(5, 11, "41."), _item(120, 140, "42"), _item(230, 260, "43.")])
    figures = score([(gold, pred)])
    assert figures["items_matched"] == 2
    assert figures["items_number_accuracy"] == 0.5


def test_names_fold_case_and_spaces_only() -> None:
    """Names compare after case-folding and collapsing whitespace, and nothing else."""
    assert fold_name("  MRS   Anita\u00a0Dobrev ") == fold_name("Mrs Anita Dobrev")
    assert fold_name("Anita Dobrev") != fold_name("Mrs Anita Dobrev")
    gold = _doc(present=["Mrs Anita Dobrev", "J Smith"], officers=["Head of Legal"])
    pred = _doc(present=["mrs  anita dobrev", "Smith"], officers=["head of legal"], apologies=["J Smith"])
    figures = score([(gold, pred)])
    assert figures["people_present_matched"] == 1
    assert figures["people_officers_f1"] == 1.0
    assert figures["people_apologies_precision"] == 0.0
    assert figures["people_all_matched"] == 2
    assert figures["people_all_gold"] == 3
    assert figures["people_all_predicted"] == 4


def test_meeting_accuracy_only_where_gold_has_a_value() -> None:
    """Date and end time are scored only over documents whose gold states them."""
    meeting = {
        "committee": None,
        "date": "2025-01-15",
        "start_time": None,
        "end_time": None,
        "venue_present": False,
    }
    gold_a, pred_a = _doc(meeting=meeting), _doc(meeting=dict(meeting, end_time="21:00"))
    gold_b, pred_b = _doc(), _doc(meeting=dict(meeting, date="2025-01-16"))
    figures = score([(gold_a, pred_a), (gold_b, pred_b)])
    assert figures["meeting_date_n"] == 1
    assert figures["meeting_date_accuracy"] == 1.0
    assert figures["meeting_end_time_n"] == 0
    assert figures["meeting_end_time_accuracy"] is None


def test_not_minutes_and_crashes() -> None:
    """Outcomes on a not-minutes document are counted; a crash is a miss on every count."""
    not_minutes = _doc(is_minutes=False)
    figures = score(
        [
            (not_minutes, _doc(is_minutes=True, outcomes=[_out(0, 10)])),
            (_doc(outcomes=[_out(0, 10)]), None),
            (not_minutes, _doc(is_minutes=False)),
        ]
    )
    assert figures["not_minutes_outcomes"] == 1
    assert figures["crashes"] == 1
    assert figures["is_minutes_accuracy"] == pytest.approx(1 / 3)
    assert figures["outcomes_50_matched"] == 0


def test_owner_due_exchanges_are_na_unless_provided() -> None:
    """Owners, due dates and exchanges are n/a until the prediction says the model provides them."""
    gold = _doc(outcomes=[_out(0, 10, "action", owner="Clerk", due="March 2025")], exchanges=3)
    plain = score([(gold, _doc(outcomes=[_out(0, 10, "action")]))])
    assert plain["owner_accuracy"] is None
    assert plain["due_accuracy"] is None
    assert plain["exchanges_accuracy"] is None
    pred = _doc(
        outcomes=[_out(0, 10, "action", owner="the Clerk", due="march  2025")],
        exchanges=3,
        provided={"owner": True, "due": True, "exchanges": True, "truncated": False},
    )
    figures = score([(gold, pred)])
    assert figures["owner_accuracy"] == 0.0
    assert figures["due_accuracy"] == 1.0
    assert figures["exchanges_accuracy"] == 1.0


def test_document_misses_name_the_misses() -> None:
    """The per-document report lists missed and extra outcomes, items and people."""
    text = "x" * 400
    gold = _doc(outcomes=[_out(0, 100)], items=[_item(200, 210, "1.")], present=["A Person"])
    pred = _doc(outcomes=[_out(300, 350)], items=[_item(200, 205, "1")], present=["B Person"])
    lines = document_misses(gold, pred, text)
    assert any(line.startswith("missed outcome resolution [0:100]") for line in lines)
    assert any(line.startswith("extra outcome resolution [300:350]") for line in lines)
    assert "wrong item number: predicted '1', gold '1.'" in lines
    assert "missed present: A Person" in lines
    assert "extra present: B Person" in lines
    assert document_misses(gold, None, text, "ParseError: boom")[0] == "crash: ParseError: boom"


def test_not_minutes_error_is_an_answer_not_a_crash() -> None:
    """Text the parser rejects as not minutes predicts is_minutes false, with no error."""
    pred, error = predict_text("   \n")
    assert error is None
    assert pred is not None
    assert pred["is_minutes"] is False
    assert pred["outcomes"] == []


def test_predict_gives_the_gold_schema() -> None:
    """A parsed document maps onto every key of the gold schema."""
    text = "Minutes\n\n1. Apologies for absence\n\nThere were no apologies.\n"
    pred = predict(scrutinykit.parse(text))
    expected = set(_doc()) - {"id"}
    assert expected <= set(pred)
    assert set(pred["meeting"]) == {"committee", "date", "start_time", "end_time", "venue_present"}
    for item in pred["items"]:
        assert item["title_start"] <= item["title_end"]


def test_main_exits_2_without_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command exits 2 with a message naming the missing corpus."""
    assert main(["--corpus", str(tmp_path / "nowhere")]) == 2
    assert "no development corpus" in capsys.readouterr().err


# ---------------------------------------------------------------------------
# Proceedings (issue 3): commitments and exchanges, floors of their own
# ---------------------------------------------------------------------------

PROCEEDINGS_FLOORS: dict[str, float] = {
    # Actions and undertakings (Document.actions()) against the gold actions and
    # owned outcomes, matched at 0.5: measured 0.852 (23 of 29 gold, 25 predicted).
    "commitments_f1": 0.89,  # 0.8929 (raised 0.87 -> 0.89)
    # Owner right on 22 of 23 matches, due date on 14 of 15 (gold's "as written" form).
    "commitment_owner_accuracy": 0.958,  # 0.9600 (raised 0.95 -> 0.958)
    "commitment_due_accuracy": 1.00,
    # Exact exchange count per document: 16 of 32 (the gold counts by hand; near
    # misses of one or two exchanges count as wrong).
    "exchanges_accuracy": 0.53,  # 17 of 32 (raised 0.50 -> 0.53)
}
"""Proceedings figure → the lowest value allowed (measured, rounded down to 2 decimals)."""


@pytest.mark.parametrize("name", sorted(PROCEEDINGS_FLOORS))
def test_proceedings_floor_held(figures: dict[str, Any], name: str) -> None:
    """Each proceedings figure is at least its recorded floor."""
    value = figures[name]
    assert value is not None, f"{name} is n/a: the model no longer provides it"
    assert value >= PROCEEDINGS_FLOORS[name], (
        f"{name} fell to {value:.3f} (floor {PROCEEDINGS_FLOORS[name]:.2f})"
    )


# ---------------------------------------------------------------------------
# Generated corpora (issue 15): generator seeds 1, 2 and 3, 300 documents each
# ---------------------------------------------------------------------------

# Measured by `python -m benchmarks.accuracy --corpus generated` (900 documents)
# when set, minus 0.002 after rounding down to 3 decimals: the parse and the
# generator are deterministic, so a fall below a floor is a real change.
# The targets: outcomes F1 >= 0.95 at overlap 0.5 (typed >= 0.95),
# items >= 0.95, people >= 0.93, meeting date recall >= 0.95 with no wrong
# date, not-minutes refused 100% with no outcome invented on them.  Raise the
# floors (and lower the ceilings) as the parser improves; never the reverse.
GENERATED_FLOORS: dict[str, float] = {
    "outcomes_50_precision": 0.98,  # 0.9820 (raised 0.979 -> 0.98)
    "outcomes_50_recall": 0.934,  # 0.9369 (raised 0.928 -> 0.934)
    "outcomes_50_f1": 0.956,  # 0.9588 (raised 0.953 -> 0.956)
    "outcomes_50_typed_f1": 0.956,  # 0.9581 (raised 0.955 -> 0.956)
    "outcomes_90_f1": 0.94,  # 0.9429 (raised 0.937 -> 0.94)
    "items_precision": 0.991,  # 0.9931 (raised 0.989 -> 0.991: sentence-case titles over purpose lines)
    "items_recall": 0.917,  # 0.9192 (raised 0.904 -> 0.917: numbers with no stop, titles over purpose lines)
    "items_f1": 0.952,  # 0.9547 (raised 0.945 -> 0.952)
    "people_present_f1": 0.952,  # 0.9549 (raised 0.946 -> 0.952: issue 15 attendance)
    "items_number_accuracy": 0.973,  # 0.9752 (new: 0.9614 before a number line over a title counted)
    "people_apologies_f1": 0.963,  # 0.9659 (raised 0.962 -> 0.963)
    "people_also_attending_f1": 0.975,  # 0.9775 (raised 0.974 -> 0.975: issue 15 attendance)
    "people_officers_f1": 0.881,  # 0.8830 (raised 0.865 -> 0.881: issue 15 attendance)
    "people_all_precision": 0.978,  # 0.9804 (raised 0.971 -> 0.978: issue 15 attendance)
    "people_all_recall": 0.899,  # 0.9014 (raised 0.891 -> 0.899: issue 15 attendance)
    "people_all_f1": 0.937,  # 0.9392 (raised 0.929 -> 0.937: issue 15 attendance)
    "meeting_date_accuracy": 0.980,  # 0.9821 (raised 0.953 -> 0.980: split ordinals, running headers)
    "committee_accuracy": 0.977,  # 0.9796 (raised 0.833 -> 0.977: labelled meeting lines, title blocks)
    "not_minutes_recall": 1.0,  # 1.0000 (raised 0.719 -> 1.0: 79 of 79)
    "is_minutes_accuracy": 1.0,  # 1.0000 (raised 0.973 -> 1.0)
}
"""Generated-corpora figure → the lowest value allowed."""

GENERATED_CEILINGS: dict[str, int] = {
    "committee_wrong": 0,  # the target (22 when first scored, 19 before issue 15's committee rules)
    "crashes": 0,
    "meeting_date_wrong": 0,  # the target (104 before the meeting's own line rule, 4 before listing lines)
    "not_minutes_outcomes": 0,  # was 36
    "minutes_refused": 0,
}
"""Generated-corpora error count → the highest value allowed (measured when set)."""


@pytest.fixture(scope="module")
def generated_results() -> list[DocResult]:
    """The 900 generated documents, generated once (cached under .cache/) and parsed on 2 workers."""
    if not _has(GENERATOR, "generate.py"):
        pytest.skip(f"the generator is absent ({GENERATOR})")
    started = time.perf_counter()
    results = run_generated((1, 2, 3), 300, workers=2, generator_dir=GENERATOR)
    print(f"generated corpora: {len(results)} documents in {time.perf_counter() - started:.1f} s")
    return results


@pytest.fixture(scope="module")
def generated_figures(generated_results: list[DocResult]) -> dict[str, Any]:
    """The figures of the generated corpora, pooled over the seeds."""
    return score((r.gold, r.pred) for r in generated_results)


def test_generated_corpora_are_whole(generated_results: list[DocResult]) -> None:
    """Every seed gives its 300 documents, each with its gold, read with the file's own line ends."""
    assert len(generated_results) == 900
    assert {r.doc_id.split("/")[0] for r in generated_results} == {"s1", "s2", "s3"}
    for r in generated_results:
        for o in r.gold["outcomes"]:
            assert 0 <= o["start"] < o["end"] <= len(r.text)


@pytest.mark.parametrize("name", sorted(GENERATED_FLOORS))
def test_generated_floor_held(generated_figures: dict[str, Any], name: str) -> None:
    """Each figure of the generated corpora is at least its recorded floor."""
    value = generated_figures[name]
    assert value is not None, f"{name} is n/a"
    assert value >= GENERATED_FLOORS[name], f"{name} fell to {value:.4f} (floor {GENERATED_FLOORS[name]})"


@pytest.mark.parametrize("name", sorted(GENERATED_CEILINGS))
def test_generated_ceiling_held(generated_figures: dict[str, Any], name: str) -> None:
    """Each error count of the generated corpora is at most its recorded ceiling."""
    value = generated_figures[name]
    assert value <= GENERATED_CEILINGS[name], f"{name} rose to {value} (ceiling {GENERATED_CEILINGS[name]})"


def test_generated_per_format_covers_every_document(generated_results: list[DocResult]) -> None:
    """The per-format figures partition the documents by the gold style."""
    groups = per_format(generated_results)
    assert sum(f["documents"] for f in groups.values()) == len(generated_results)
    assert {"not-minutes", "written-minutes", "moderngov-meeting"} <= set(groups)
    assert groups["not-minutes"]["not_minutes_gold"] == groups["not-minutes"]["documents"]


# ---------------------------------------------------------------------------
# Real documents (issue 15): ../shared/realdocs through parse_file
# ---------------------------------------------------------------------------

# Measured by `python -m benchmarks.accuracy --corpus real` (11 documents) when
# set, minus 0.002 after rounding down to 3 decimals.  The targets:
# items, outcomes and people F1 >= 0.90, no wrong meeting date, no crash.
# Raise the floors (and lower the ceilings) as the parser improves.
REAL_FLOORS: dict[str, float] = {
    "outcomes_precision": 0.943,  # 0.9457 (raised 0.940 -> 0.943: line-start and post-resolution actions)
    "outcomes_recall": 0.913,  # 0.9158 (raised 0.861 -> 0.913)
    "outcomes_f1": 0.928,  # 0.9305 (raised 0.899 -> 0.928)
    "outcomes_typed_f1": 0.928,  # 0.9305 (raised 0.899 -> 0.928)
    "items_precision": 0.923,  # 0.9250 (raised 0.886 -> 0.923: a date in capitals is no heading)
    "items_recall": 0.938,  # 0.9407 (raised 0.938 -> 0.938)
    "items_f1": 0.930,  # 0.9328 (raised 0.911 -> 0.930)
    "people_present_f1": 0.987,  # 0.9900 (raised 0.985 -> 0.987: issue 15 attendance)
    "people_apologies_f1": 0.951,  # 0.9533 (raised 0.951 -> 0.951)
    "people_officers_f1": 0.899,  # 0.9014 (raised 0.779 -> 0.899: issue 15 attendance)
    "people_all_precision": 0.994,  # 0.9970 (raised 0.976 -> 0.994: issue 15 attendance)
    "people_all_recall": 0.912,  # 0.9141 (raised 0.889 -> 0.912: issue 15 attendance)
    "people_all_f1": 0.951,  # 0.9538 (raised 0.931 -> 0.951: issue 15 attendance)
    "meeting_date_accuracy": 0.907,  # 0.9091 (raised 0.907 -> 0.907)
}
"""Real-document figure → the lowest value allowed (also attending, 0 of 15 today, has no floor yet)."""

REAL_CEILINGS: dict[str, int] = {
    "committee_wrong": 0,
    "crashes": 0,
    "meeting_date_wrong": 0,  # the target (1 before the meeting's own line rule)
    "minutes_refused": 1,  # a scanned PDF with no text layer (no OCR in scope)
}
"""Real-document error count → the highest value allowed (measured when set)."""


@pytest.fixture(scope="module")
def real_results() -> list[RealResult]:
    """The real documents parsed through parse_file on 2 workers, once."""
    if not _has(REALDOCS, "docs", "gold"):
        pytest.skip(f"the real documents are absent ({REALDOCS})")
    return run_real(REALDOCS, workers=2)


@pytest.fixture(scope="module")
def real_figures(real_results: list[RealResult]) -> dict[str, Any]:
    """The figures of the real documents."""
    return score_real((r.gold, r.pred) for r in real_results)


def test_every_real_document_scored(real_results: list[RealResult]) -> None:
    """Every real gold annotation has its document."""
    assert len(real_results) == len(list((REALDOCS / "gold").glob("*.json")))


@pytest.mark.parametrize("name", sorted(REAL_FLOORS))
def test_real_floor_held(real_figures: dict[str, Any], name: str) -> None:
    """Each real-document figure is at least its recorded floor."""
    value = real_figures[name]
    assert value is not None, f"{name} is n/a"
    assert value >= REAL_FLOORS[name], f"{name} fell to {value:.4f} (floor {REAL_FLOORS[name]})"


@pytest.mark.parametrize("name", sorted(REAL_CEILINGS))
def test_real_ceiling_held(real_figures: dict[str, Any], name: str) -> None:
    """Each real-document error count is at most its recorded ceiling."""
    value = real_figures[name]
    assert value <= REAL_CEILINGS[name], f"{name} rose to {value} (ceiling {REAL_CEILINGS[name]})"


# ---------------------------------------------------------------------------
# The real-document scorer on hand-made gold and predictions
# ---------------------------------------------------------------------------


def _real_gold(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "t",
        "is_minutes": True,
        "meeting": {"committee": None, "date": None, "start_time": None, "end_time": None, "venue": None},
        "present": [],
        "apologies": [],
        "also_attending": [],
        "officers": [],
        "items": [],
        "outcomes": [],
    }
    base.update(fields)
    return base


def _real_pred(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "is_minutes": True,
        "refused": None,
        "date": None,
        "items": [],
        "outcomes": [],
        "present": [],
        "apologies": [],
        "also_attending": [],
        "officers": [],
    }
    base.update(fields)
    return base


def test_normalise_follows_the_readme() -> None:
    """NFKC, no-break spaces, curly quotes, dashes, whitespace, case, the PDF suffix and edge punctuation."""
    assert normalise("  \u201cBudget\u201d\u00a0\u2013  Q2\u2019s   Report. ") == '"budget" - q2\'s report'
    assert normalise("Work Programme pdf icon PDF 214 KB") == "work programme"
    assert normalise("-- Minutes: ;") == "minutes"
    assert normalise("\ufb01nance") == "finance"  # NFKC unfolds the ligature


def test_fold_person_drops_titles_parentheticals_and_punctuation() -> None:
    """Names fold alike whatever titles, notes, dots and case they carry; the rest of the name counts."""
    assert fold_person("County Cllr D. Smith (Chair)") == "d smith"
    assert fold_person("Councillor Mrs A Jones") == fold_person("a jones")
    assert fold_person("Mr M Joyce") == "m joyce"
    assert fold_person("A Jones") != fold_person("B Jones")
    assert fold_person("County Hall") == "county hall"  # "County" alone is not a title


def test_items_match_by_ratio_or_a_long_enough_prefix() -> None:
    """Titles match at a difflib ratio of 0.85, or by prefix when the shorter has 20 characters."""
    assert match_items(["Review of Standing Orders"], ["Review of  Standing Orders."]) == [(0, 0)]
    # 20 characters, then more: a prefix match; 19 characters are not enough.
    assert match_items(["Internal audit plans"], ["Internal audit plans and the progress report"]) == [(0, 0)]
    assert match_items(["Internal audit plan"], ["Internal audit plan and the progress report"]) == []
    # One-to-one, in gold order: the second gold title cannot reuse the first prediction.
    assert match_items(["Finance", "Finance"], ["Finance"]) == [(0, 0)]
    assert match_items(["Minutes"], ["Matters Arising"]) == []


def test_printed_title_keeps_the_agenda_item_reference_and_drops_the_number() -> None:
    """The real gold's titles are headings as printed: "(Agenda item N)" kept, the minute number not."""
    text = "Minutes of the Audit Committee\n\n12. Work Programme (Agenda item 7)\n\n13. Finance\n\nNoted.\n"
    doc = scrutinykit.parse(text)
    titles = [printed_title(item, doc.source) for item in doc.items]
    assert titles[0].endswith("Work Programme (Agenda item 7)")
    assert titles[-1] == "Finance"


def test_outcomes_match_by_begins_near_the_start() -> None:
    """The begins must occur within its own length plus 80 characters of the prediction's text."""
    begins = "the report be noted"
    assert match_outcomes([begins], ["RESOLVED that the report be noted."]) == [(0, 0)]
    near = "x" * 79 + " the report be noted"  # ends at character 99 = 19 + 80
    far = "x" * 80 + " the report be noted"  # ends at 100: one past the window
    assert match_outcomes([begins], [near]) == [(0, 0)]
    assert match_outcomes([begins], [far]) == []
    assert match_outcomes([begins, begins], ["RESOLVED: the report be noted"]) == [(0, 0)]


def test_score_real_counts_typed_items_people_and_wrong_dates() -> None:
    """Typed matches, pooled people, date recall and wrong dates (including where gold has none)."""
    gold = _real_gold(
        meeting={"date": "2024-03-01"},
        items=[{"number": "1.", "title": "Apologies for absence"}, {"number": "2.", "title": "Finance"}],
        outcomes=[
            {"type": "resolution", "item": "2.", "begins": "the payments be approved", "points": 0},
            {"type": "action", "item": "2.", "begins": "Clerk to pay", "points": 0},
        ],
        present=["D Richardson", "S Linsley"],
        apologies=None,
    )
    pred = _real_pred(
        date="2024-02-01",
        items=[{"number": "1", "title": "Apologies for Absence"}, {"number": "3", "title": "Page 2"}],
        outcomes=[
            {"type": "agreed", "text": "It was AGREED that the payments be approved."},
            {"type": "action", "text": "Clerk to pay."},
            {"type": "resolution", "text": "RESOLVED that something else happen"},
        ],
        present=["Councillor D Richardson (Chair)"],
        apologies=["R Healey"],
    )
    undated = (_real_gold(), _real_pred(date="2024-01-01"))
    f = score_real([(gold, pred), undated, (_real_gold(), None)])
    assert (f["outcomes_matched"], f["outcomes_typed_matched"], f["outcomes_predicted"]) == (2, 1, 3)
    assert f["items_matched"] == 1
    assert f["items_precision"] == 0.5
    assert (f["people_present_matched"], f["people_present_gold"]) == (1, 2)
    assert f["people_apologies_precision"] == 0.0
    assert (f["people_all_matched"], f["people_all_gold"], f["people_all_predicted"]) == (1, 2, 2)
    assert f["meeting_date_n"] == 1
    assert f["meeting_date_accuracy"] == 0.0
    assert f["meeting_date_wrong"] == 2
    assert f["meeting_date_wrong_no_gold"] == 1
    assert f["crashes"] == 1


def test_score_real_not_minutes() -> None:
    """Not-minutes refused are detected, outcomes on one accepted counted, and minutes refused too."""
    refused = _real_pred(is_minutes=False, refused="an agenda")
    invented = _real_pred(outcomes=[{"type": "resolution", "text": "RESOLVED that x"}])
    f = score_real(
        [
            (_real_gold(is_minutes=False), refused),
            (_real_gold(is_minutes=False), invented),
            (_real_gold(), refused),
        ]
    )
    assert (f["not_minutes_gold"], f["not_minutes_detected"], f["not_minutes_outcomes"]) == (2, 1, 1)
    assert f["minutes_refused"] == 1
    lines = real_document_misses(_real_gold(), refused)
    assert lines == ["refused as not minutes: an agenda"]


def test_real_misses_name_what_was_missed() -> None:
    """The per-document lines name missed and extra items, outcomes, people and a wrong date."""
    gold = _real_gold(
        meeting={"date": "2024-03-01"},
        items=[{"number": "1.", "title": "Finance"}],
        outcomes=[{"type": "agreed", "item": "1.", "begins": "to pay the hall", "points": 0}],
        officers=["J Connelly"],
    )
    pred = _real_pred(date="2024-02-01", items=[{"number": "24", "title": "SEPTEMBER 2009"}])
    lines = real_document_misses(gold, pred)
    assert "missed item 1.: Finance" in lines
    assert "extra item 24: SEPTEMBER 2009" in lines
    assert "missed outcome agreed (item 1.): to pay the hall" in lines
    assert "missed officers: J Connelly" in lines
    assert "meeting date: predicted 2024-02-01, gold 2024-03-01" in lines
    assert [miss_class(line)[0] for line in lines] == [
        "missed item",
        "extra item",
        "missed outcome agreed",
        "missed officers",
        "meeting date wrong",
    ]


def test_miss_classes_count_names_and_drop_spans() -> None:
    """A miss line's class leaves out spans, numbers and quotations; people lines count each name."""
    assert miss_class("missed outcome resolution [12:80] points=2: RESOLVED that") == (
        "missed outcome resolution",
        1,
    )
    assert miss_class("missed present: A B; C D; E F") == ("missed present", 3)
    assert miss_class("missed item 16.03.2 (heading missing): Minutes") == (
        "missed item (heading missing)",
        1,
    )
    assert miss_class("meeting date: predicted None, gold 2024-01-01") == ("meeting date missing", 1)
    assert miss_class("loose span [1:9]: predicted [1:5], overlap 0.44") == ("loose span", 1)


# ---------------------------------------------------------------------------
# Devcorpus-schema additions: wrong dates, not-minutes refused, the generator cache
# ---------------------------------------------------------------------------


def test_wrong_dates_and_not_minutes_counted_on_their_own() -> None:
    """A date where gold has none is wrong; not-minutes refused and minutes refused are counted."""
    dated = dict(_doc()["meeting"], date="2025-01-15")
    figures = score(
        [
            (_doc(meeting=dated), _doc(meeting=dict(dated, date="2025-01-16"))),
            (_doc(), _doc(meeting=dated)),
            (_doc(is_minutes=False), _doc(is_minutes=False)),
            (_doc(), _doc(is_minutes=False)),
        ]
    )
    assert figures["meeting_date_wrong"] == 2
    assert figures["meeting_date_wrong_no_gold"] == 1
    assert figures["meeting_date_precision"] == 0.0
    assert (figures["not_minutes_gold"], figures["not_minutes_detected"]) == (1, 1)
    assert figures["minutes_refused"] == 1
    lines = document_misses(_doc(), _doc(meeting=dated), "")
    assert "meeting date: predicted 2025-01-15, gold None" in lines


def test_documents_are_read_with_their_own_line_ends(tmp_path: Path) -> None:
    """CRLF stays CRLF, so gold offsets index the text as stored."""
    path = tmp_path / "001-x.txt"
    path.write_bytes(b"Minutes\r\n\r\n1. Apologies\r\n")
    assert read_text(path) == "Minutes\r\n\r\n1. Apologies\r\n"


_FAKE_GENERATOR = """
import argparse, json, pathlib
p = argparse.ArgumentParser()
p.add_argument("--seed", type=int); p.add_argument("--count", type=int); p.add_argument("--out")
a = p.parse_args()
out = pathlib.Path(a.out)
(out / "docs").mkdir(parents=True); (out / "gold").mkdir()
runs = pathlib.Path(__file__).with_name("runs.txt")
runs.write_text(runs.read_text() + "x" if runs.exists() else "x")
for i in range(1, a.count + 1):
    (out / "docs" / f"{i:03d}-not-minutes.txt").write_text("seed %d" % a.seed)
    (out / "gold" / f"{i:03d}.json").write_text(json.dumps({"is_minutes": False, "style": "not-minutes"}))
"""


def test_generated_corpus_is_cached_and_regenerated_when_the_generator_changes(tmp_path: Path) -> None:
    """The same seed and count reuse the cache; an edit to the generator's sources generates anew."""
    generator, cache = tmp_path / "generator", tmp_path / "cache"
    generator.mkdir()
    (generator / "generate.py").write_text(_FAKE_GENERATOR)
    runs = generator / "runs.txt"
    first = generated_corpus(7, 2, generator_dir=generator, cache_dir=cache)
    assert sorted(p.name for p in (first / "docs").iterdir()) == [
        "001-not-minutes.txt",
        "002-not-minutes.txt",
    ]
    assert generated_corpus(7, 2, generator_dir=generator, cache_dir=cache) == first
    assert runs.read_text() == "x"
    other = generated_corpus(8, 2, generator_dir=generator, cache_dir=cache)
    assert other != first
    assert runs.read_text() == "xx"
    (generator / "generate.py").write_text(_FAKE_GENERATOR + "\n# changed\n")
    changed = generated_corpus(7, 2, generator_dir=generator, cache_dir=cache)
    assert changed != first
    assert runs.read_text() == "xxx"
    assert not first.exists()  # the corpora of the old generator are gone
    results = run_generated((7,), 2, generator_dir=generator, cache_dir=cache)
    assert [r.doc_id for r in results] == ["s7/001", "s7/002"]
    assert all(r.error is None and r.pred is not None for r in results)


def test_main_prints_json_per_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json nests the figures by corpus; a corpus asked for alone and absent exits 2."""
    assert main(["--corpus", "real", "--real-dir", str(tmp_path), "--json"]) == 2
    assert "no real documents" in capsys.readouterr().err
    docs, gold = tmp_path / "c" / "docs", tmp_path / "c" / "gold"
    docs.mkdir(parents=True)
    gold.mkdir()
    (docs / "001-x.txt").write_text("Minutes\n\n1. Apologies for absence\n\nThere were no apologies.\n")
    (gold / "001.json").write_text(json.dumps({"is_minutes": True, "items": [], "outcomes": []}))
    assert main(["--corpus", str(tmp_path / "c"), "--json", "--workers", "1"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"dev"}
    assert out["dev"]["documents"] == 1
