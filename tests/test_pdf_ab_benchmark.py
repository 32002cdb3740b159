"""benchmarks/pdf_ab.py: another revision's PDF reader loaded beside this one, checked equal, then timed."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("fpdf")

from benchmarks import pdf_ab
from scrutinykit.sources import pdf

from .pdfgen import minutes_pdf
from .test_pdf import BODY, HEADER


@pytest.fixture(scope="module")
def one_pdf() -> bytes:
    return minutes_pdf(BODY, running_header=HEADER, footer="Page {page} of 3")


def test_the_other_revision_is_a_module_of_its_own(one_pdf: bytes, tmp_path: Path) -> None:
    """The committed reader loads as scrutinykit.sources._pdf_other and renders as this one does."""
    other = pdf_ab._load_other("HEAD", tmp_path)
    assert other.__name__ == "scrutinykit.sources._pdf_other"
    assert other is not pdf
    assert other.render_pdf(one_pdf) == pdf.render_pdf(one_pdf)


def test_readers_that_disagree_are_not_timed(one_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader whose rendering differs stops the comparison before any timing."""

    def render_pdf(data: bytes) -> tuple[str, tuple[object, ...], tuple[object, ...]]:
        text, pages, furniture = pdf.render_pdf(data)
        return text + "\n", pages, furniture

    monkeypatch.setattr(pdf_ab, "_load_other", lambda rev, folder: SimpleNamespace(render_pdf=render_pdf))
    monkeypatch.setattr(pdf_ab, "pdf_sets", lambda: {"one PDF": [one_pdf]})
    with pytest.raises(AssertionError, match="the readers disagree"):
        pdf_ab.measure("HEAD", 1)


def test_figures_of_a_set(one_pdf: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """Against itself: each side's pages per second for both stages, and ratios near 1."""
    monkeypatch.setattr(pdf_ab, "pdf_sets", lambda: {"one PDF": [one_pdf]})
    figures = pdf_ab.measure("HEAD", 3)["one PDF"]
    assert figures["files"] == 1
    assert figures["pages"] == 3
    for stage in ("render", "parse"):
        assert figures[f"{stage}_pages_s_cpu_this"] > 0
        assert figures[f"{stage}_pages_s_cpu_other"] > 0
        assert 0.2 < figures[f"{stage}_paired_ratio_this_over_other"] < 5
