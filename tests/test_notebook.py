"""The example notebook runs from top to bottom and shows what it promises."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT


def test_notebook_executes(tmp_path: Path) -> None:
    """examples/explore.ipynb runs without error: outline, table and plot."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    work = tmp_path / "examples"
    work.mkdir()
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    nb = nbformat.read(ROOT / "examples" / "explore.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(work)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("CHILDREN AND YOUNG PEOPLE SCRUTINY SUB-COMMITTEE" in h for h in html)
    text = "".join(o.get("text", "") for o in outputs)
    assert "RESOLVED that:" in text
    assert "plotted" in text
    assert (work / "outcomes_per_item.png").stat().st_size > 1000
