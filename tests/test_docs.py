"""The documentation: the site builds with warnings as errors, and every example runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

FENCE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
PAGES = sorted([*(ROOT / "docs").rglob("*.md"), ROOT / "README.md"])


def pages_with_examples() -> list[Path]:
    """The pages of the docs (and the README) that hold ```python blocks."""
    return [p for p in PAGES if FENCE.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("page", pages_with_examples(), ids=lambda p: str(p.relative_to(ROOT)))
def test_doc_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python examples of each page run in order, as one session, from the repository root."""
    text = page.read_text(encoding="utf-8")
    blocks = [m.group(1) for m in FENCE.finditer(text)]
    if any("tables(" in b or "write_parquet" in b for b in blocks):
        pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
    for module in ("dask", "duckdb"):
        if any(f"import {module}" in b for b in blocks):
            pytest.importorskip(module)
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for n, code in enumerate(blocks, 1):
        exec(compile(code, f"{page.relative_to(ROOT)} example {n}", "exec"), namespace)


@pytest.mark.slow
def test_site_builds_strictly(tmp_path: Path) -> None:
    """mkdocs builds the site with warnings as errors."""
    pytest.importorskip("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "reference" / "api" / "index.html").is_file()
