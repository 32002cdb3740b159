"""The command line, run in-process: data on stdout, messages on stderr."""

from __future__ import annotations

import io
import json
from pathlib import Path

import scrutinykit as sk
from scrutinykit._cli import main

from .conftest import seed_path


def run(*argv: str) -> tuple[int, str, str]:
    """Run the CLI and return (status, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def test_parse_prints_json_that_loads_back() -> None:
    """`parse FILE` prints the document's JSON on one line."""
    status, out, err = run("parse", str(seed_path("003")))
    assert status == 0
    assert err == ""
    doc = sk.loads(out)
    assert len(doc.outcomes()) == 1


def test_parse_summary_lists_items_and_outcomes() -> None:
    """`--format summary` gives a readable outline."""
    status, out, _ = run("parse", "--format", "summary", str(seed_path("002")))
    assert status == 0
    assert "[A31/17]" in out
    assert "resolution: 3 points" in out
    assert "apologies: none" in out


def test_missing_file_is_one_line_and_others_still_run(tmp_path: Path) -> None:
    """A missing file fails with a one-line message; the next file is still parsed."""
    missing = tmp_path / "nope.txt"
    status, out, err = run("parse", str(missing), str(seed_path("003")))
    assert status == 1
    assert f"scrutinykit: {missing}: no such file" in err
    assert "1 parsed, 1 failed" in err
    assert json.loads(out)["schema_version"] == sk.SCHEMA_VERSION


def test_directory_needs_recursive(tmp_path: Path) -> None:
    """A directory without -r is refused; with -r its files are read."""
    (tmp_path / "a.txt").write_text(seed_path("004").read_text(encoding="utf-8"), encoding="utf-8")
    status, _, err = run("parse", str(tmp_path))
    assert status == 1
    assert "use -r" in err
    status, out, _ = run("parse", "-r", str(tmp_path))
    assert status == 0
    assert len(out.splitlines()) == 1


def test_empty_file_is_not_minutes(tmp_path: Path) -> None:
    """An empty file fails with a NotMinutesError message naming it."""
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    status, out, err = run("parse", str(empty))
    assert status == 1
    assert out == ""
    assert "empty" in err
    assert str(empty) in err


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    """A PDF passed as text is reported as not text."""
    pdf = tmp_path / "minutes.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    status, _, err = run("parse", str(pdf))
    assert status == 1
    assert "PDF" in err


def test_check_reports_counts() -> None:
    """`check` reports items, outcomes and unclassified paragraphs."""
    status, out, _ = run("check", str(seed_path("000")))
    assert status == 0
    assert "1 items, 2 outcomes" in out
    assert "plain paragraphs (unclassified)" in out


def test_grammar_path_points_at_the_lark_files() -> None:
    """`grammar --path` prints the folder of the .lark files."""
    status, out, _ = run("grammar", "--path")
    assert status == 0
    assert (Path(out.strip()) / "minutes.lark").is_file()


def test_bad_usage_exits_2() -> None:
    """An unknown command exits with status 2."""
    status, _, err = run("frobnicate")
    assert status == 2
    assert "invalid choice" in err


def test_help_documents_exit_status() -> None:
    """--help explains the exit statuses."""
    status, out, _ = run("parse", "--help")
    assert status == 0
    assert "exit status" in out
