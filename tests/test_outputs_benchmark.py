"""benchmarks/outputs.py: the check behind "outputs unchanged" finds every document that moved."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import orjson
import pytest

from benchmarks import outputs
from scrutinykit.io import serialise


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


def test_indent_and_round_trip_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--indent changes every fingerprint; --through-loads, with orjson or hidden, changes none."""
    monkeypatch.setitem(sys.modules, "orjson", orjson)  # --without-orjson hides it: restored after
    monkeypatch.setattr(serialise, "_ORJSON", [])
    files = {name: tmp_path / f"{name}.json" for name in ("plain", "indent", "loads", "both", "without")}
    assert outputs.main(["--save", str(files["plain"]), "--seeds", ""]) == 0
    assert outputs.main(["--save", str(files["indent"]), "--seeds", "", "--indent", "2"]) == 0
    assert outputs.main(["--save", str(files["loads"]), "--seeds", "", "--through-loads"]) == 0
    both = ["--seeds", "", "--indent", "2", "--through-loads"]
    assert outputs.main(["--save", str(files["both"]), *both]) == 0
    assert serialise._orjson() is not None
    assert outputs.main(["--save", str(files["without"]), *both, "--without-orjson"]) == 0
    assert serialise._orjson() is None
    saved = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in files.items()}
    assert outputs.compare(saved["plain"], saved["loads"]) == []
    assert outputs.compare(saved["indent"], saved["both"]) == []
    assert outputs.compare(saved["both"], saved["without"]) == []
    parsed = sorted(name for name, found in saved["plain"].items() if not found.startswith("error: "))
    assert len(parsed) >= 5
    assert outputs.compare(saved["plain"], saved["indent"]) == parsed
