"""Docs pages: every public name in the API reference, whole fences, the README leading with the summary."""

from __future__ import annotations

import re

import scrutinykit

from .conftest import ROOT

API = ROOT / "docs" / "reference" / "api.md"


def documented() -> set[str]:
    return set(re.findall(r"^::: scrutinykit\.(\w+)\s*$", API.read_text(encoding="utf-8"), re.M))


def test_every_public_name_is_in_the_api_reference() -> None:
    missing = sorted(set(scrutinykit.__all__) - documented() - {"__version__"})
    assert not missing, f"docs/reference/api.md does not list: {', '.join(missing)}"


def test_the_api_reference_lists_only_public_names() -> None:
    unknown = sorted(documented() - set(scrutinykit.__all__))
    assert not unknown, f"docs/reference/api.md lists names scrutinykit does not export: {unknown}"


def test_every_code_fence_stands_on_its_own_line() -> None:
    """A fence closed mid-line (text after ```) swallows the prose after it."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    broken = []
    for page in pages:
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if "```" in line and not re.fullmatch(r"\s*```[\w+-]*\s*", line):
                broken.append(f"{page.relative_to(ROOT)}:{number}: {line[:60]}")
    assert not broken, "\n".join(broken)


def test_readme_first_command_shows_the_summary_then_the_json() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert first is not None
    command = first.group(1)
    assert "--format summary" in command
    assert "--indent" in command
    assert command.index("--format summary") < command.index("--indent")
    synopsis = re.search(r"```text\n(scrutinykit parse .*?)\n", readme)
    assert synopsis is not None
    assert "--indent" in synopsis.group(1)
