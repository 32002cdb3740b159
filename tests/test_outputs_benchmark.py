"""benchmarks/outputs.py: the check behind "outputs unchanged" finds every document that moved."""

from __future__ import annotations

from pathlib import Path

from benchmarks import outputs


def test_compare_names_changed_missing_and_added_documents() -> None:
    before = {"a": "1", "b": "2", "c": "3"}
    after = {"a": "1", "b": "9", "d": "4"}
    assert outputs.compare(before, after) == ["b", "c", "d"]
    assert outputs.compare(before, dict(before)) == []


def test_save_then_compare_round_trip(tmp_path: Path) -> None:
    """Fingerprints of the seeds alone (no generated corpus), saved and compared with themselves."""
    saved = tmp_path / "now.json"
    assert outputs.main(["--save", str(saved), "--seeds", ""]) == 0
    assert outputs.main(["--compare", str(saved), str(saved)]) == 0
    text = saved.read_text(encoding="utf-8")
    assert "seeds/000_" in text
    changed = tmp_path / "changed.json"
    changed.write_text(text.replace('"seeds/000_', '"seeds/999_', 1), encoding="utf-8")
    assert outputs.main(["--compare", str(saved), str(changed)]) == 1
