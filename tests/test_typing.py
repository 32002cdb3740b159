"""The public API type-checks as a user writes against it (mypy --strict on tests/typing/api.py)."""

from __future__ import annotations

import re
from pathlib import Path

from mypy import api as mypy_api

from .conftest import ROOT

API = ROOT / "tests" / "typing" / "api.py"
IGNORE = re.compile(r"  # type: ignore\[[a-z-]+\]$")


def run_mypy(path: Path) -> tuple[int, str]:
    """mypy --strict with the project's configuration; its exit status and report."""
    stdout, stderr, status = mypy_api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--cache-dir",
            str(ROOT / ".mypy_cache"),
            "--no-color-output",
            "--show-error-codes",
            str(path),
        ]
    )
    return status, stdout + stderr


def test_public_api_type_checks_strictly() -> None:
    """tests/typing/api.py passes mypy --strict: the types say what the API does."""
    status, report = run_mypy(API)
    assert status == 0, report


def test_misuses_are_type_errors(tmp_path: Path) -> None:
    """Without their ``type: ignore`` comments, the misuses in api.py are errors, each one."""
    lines = API.read_text(encoding="utf-8").splitlines()
    ignored = [number for number, line in enumerate(lines, 1) if IGNORE.search(line)]
    assert len(ignored) >= 5
    bare = tmp_path / "api_without_ignores.py"
    bare.write_text("\n".join(IGNORE.sub("", line) for line in lines) + "\n", encoding="utf-8")
    status, report = run_mypy(bare)
    assert status == 1, report
    flagged = {int(m.group(1)) for m in re.finditer(r"api_without_ignores\.py:(\d+): error", report)}
    assert flagged == set(ignored), report


def test_api_script_is_not_collected() -> None:
    """pytest leaves api.py alone (it is never meant to run)."""
    from .typing.conftest import collect_ignore

    assert collect_ignore == ["api.py"]
    assert not API.name.startswith("test_")
