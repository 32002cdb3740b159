"""The example notebook runs from top to bottom, from any folder, and shows what it promises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "examples" / "explore.ipynb"


def test_notebook_executes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/explore.ipynb runs without error from a folder far from the checkout: outline, table, plot."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    # No display here: the test, not the notebook, chooses the non-interactive backend.
    monkeypatch.setenv("MPLBACKEND", "Agg")
    work = tmp_path / "anywhere"
    work.mkdir()
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(work)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("CHILDREN AND YOUNG PEOPLE SCRUTINY SUB-COMMITTEE" in h for h in html)
    text = "".join(o.get("text", "") for o in outputs)
    assert "RESOLVED that:" in text
    assert "plotted" in text
    assert (work / "outcomes_per_item.png").stat().st_size > 1000


def test_notebook_leaves_the_backend_to_jupyter() -> None:
    """The notebook never forces a backend (matplotlib.use), so Jupyter shows the plot inline."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = "".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "matplotlib.use(" not in code
    assert "plt.show()" in code
    assert "'../seeds'" not in code


def test_an_extra_installs_what_opens_the_notebook() -> None:
    """The notebook extra brings Jupyter, nbconvert and the notebook's libraries; the README says so."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    names = {req.split(">")[0].split("=")[0].split("[")[0].strip() for req in extras["notebook"]}
    assert {"notebook", "nbconvert", "pandas", "matplotlib"} <= names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "scrutinykit[notebook]" in readme or ".[notebook]" in readme
    assert "examples/explore.ipynb" in readme
