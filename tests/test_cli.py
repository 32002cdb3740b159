"""The command line, run in-process: data on stdout, messages on stderr."""

from __future__ import annotations

import errno
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

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


# ---------------------------------------------------------------------------
# Errors with a place, and check's warnings
# ---------------------------------------------------------------------------

ITEM = "Agenda item\n\nBudget monitoring\n\nMinutes:\n\n"


def test_error_with_a_place_shows_the_line_and_a_caret(tmp_path: Path) -> None:
    """A NUL byte is reported at file:line:col with the line and a caret under it."""
    path = tmp_path / "nul.txt"
    path.write_bytes((ITEM + "RESOLVED: That\x00 the report be noted.\n").encode())
    status, out, err = run("parse", str(path))
    assert status == 1
    assert out == ""
    first, excerpt, caret, summary = err.splitlines()
    assert first.startswith(f"scrutinykit: {path}:7:15: contains NUL bytes")
    assert excerpt == "  7 | RESOLVED: That? the report be noted."
    assert caret.index("^") == excerpt.index("?")
    assert summary == "scrutinykit: 0 parsed, 1 failed"


def test_excerpt_of_a_long_line_is_a_window(tmp_path: Path) -> None:
    """On a very long line the excerpt shows only the text around the column."""
    path = tmp_path / "long.txt"
    path.write_bytes(b"word " * 2000 + b"\x00" + b" word" * 2000)
    _, _, err = run("parse", str(path))
    excerpt, caret = err.splitlines()[1:3]
    assert len(excerpt) < 120
    assert excerpt[caret.index("^")] == "?"


def test_many_files_each_failure_one_line_then_a_summary(tmp_path: Path) -> None:
    """With several files, each failure is reported and the rest are still parsed."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.4\n")
    status, out, err = run("parse", str(empty), str(seed_path("003")), str(pdf), str(tmp_path))
    assert status == 1
    assert len(out.splitlines()) == 1
    lines = err.splitlines()
    assert lines[0] == f"scrutinykit: {empty}: the text is empty: there are no minutes to read"
    assert lines[1].startswith(f"scrutinykit: {pdf}:1:1: looks like a PDF file")
    assert lines[-2] == f"scrutinykit: {tmp_path}: is a directory (use -r to read the files under it)"
    assert lines[-1] == "scrutinykit: 1 parsed, 3 failed"


def test_a_bug_is_reported_and_the_other_files_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected exception becomes a one-line report asking for a bug report."""
    import scrutinykit.io.batch as batch

    real = batch.parse_file

    def flaky(path: Path, **kwargs: Any) -> sk.Document:
        if path.name.startswith("000"):
            raise RuntimeError("boom\non two lines")
        return real(path, **kwargs)

    monkeypatch.setattr(batch, "parse_file", flaky)
    status, out, err = run("parse", str(seed_path("000")), str(seed_path("003")))
    assert status == 1
    assert len(out.splitlines()) == 1
    assert "RuntimeError: boom on two lines" in err
    assert len(err.splitlines()) == 2
    assert "please report it" in err
    assert "1 parsed, 1 failed" in err


WARNED = (
    ITEM + "The Sub-Committee discussed the report.\n\n"
    "(c) officers report back in March\n\n"
    "RESOLVED that:\n\n"
    "Agenda item\n\nRoad safety\n\nMinutes:\n\n"
    "The meeting ended at 9pm\n\nChair\n\n"
    "Stray text\u200b after the end, and the officers were asked to look at the"
)


def test_check_warnings_each_with_a_place(tmp_path: Path) -> None:
    """check prints a file:line:col warning for each kind of thing a clerk would look at."""
    path = tmp_path / "warned.txt"
    path.write_text(WARNED, encoding="utf-8")
    status, out, err = run("check", "--pedantic", str(path))
    assert status == 0
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    expected = [
        f"{path}:11:1: warning: resolution announces points but has none",
        f"{path}:13:1: warning: item 'Road safety' has no minutes",
        f"{path}:23:1: warning: unclassified text after the closing line",
        f"{path}:23:11: warning: the text holds 1 control or invisible character(s), the first ZERO WIDTH",
        f"{path}:23:70: warning: the text may be truncated: it ends mid-sentence",
    ]
    assert len(warnings) == len(expected), out
    for line, start in zip(warnings, expected):
        assert line.startswith(start), line
    assert err == ""


def test_check_warns_of_outcome_words_and_point_labels_read_as_prose() -> None:
    """A line starting like an outcome or a point that stayed prose is pointed out."""
    from scrutinykit.views.check import check_warnings

    text = ITEM + "Members asked questions.\nAgreed - the plan be noted.\n(b) this stayed prose\n"
    doc = sk.parse(text)
    paragraphs = [n for n in doc.walk() if type(n) is sk.Paragraph]
    found = check_warnings(doc)
    for offset, message in found:
        if "read as prose" in message:
            assert any(p.span.start <= offset < p.span.end for p in paragraphs)
    flagged = {doc.source[offset : offset + 5] for offset, message in found if "read as prose" in message}
    assert flagged <= {"Agree", "(b) t"}


def test_check_warns_of_names_never_mentioned_again() -> None:
    """An attendance name that appears nowhere else gets a warning; one mentioned later does not."""
    from scrutinykit.views.check import check_warnings

    text = (
        "Present: Councillor Ada Example (Chair), Councillor Bo Sample\n\n"
        + ITEM
        + "Councillor Example introduced the report.\n\nRESOLVED: That the report be noted.\n"
    )
    doc = sk.parse(text)
    assert not [m for _, m in check_warnings(doc) if "not mentioned again" in m]  # pedantic only
    messages = [m for _, m in check_warnings(doc, pedantic=True) if "not mentioned again" in m]
    assert messages == ["'Bo Sample' (present) is not mentioned again in the text"]


def test_check_is_quiet_on_clean_minutes() -> None:
    """Complete minutes ending with the closing line give no truncation or list warnings."""
    status, out, _ = run("check", str(seed_path("002")))
    assert status == 0
    assert "truncated" not in out
    assert "announces points" not in out
    assert "has no minutes" not in out


def test_check_strict_fails_on_warnings(tmp_path: Path) -> None:
    """--strict turns warnings into exit status 1, and the summary counts them."""
    path = tmp_path / "warned.txt"
    path.write_text(WARNED, encoding="utf-8")
    status, _, err = run("check", "--strict", str(path), str(seed_path("003")))
    assert status == 1
    assert "2 parsed, 0 failed, 4 warnings" in err
    status, _, _ = run("check", "--strict", str(seed_path("003")))
    assert status == 0


def test_check_help_lists_warnings_and_exit_status() -> None:
    """check --help names each warning and the exit statuses."""
    status, out, _ = run("check", "--help")
    assert status == 0
    for word in ("unclassified", "announced", "no minutes", "attendance", "truncation", "--strict"):
        assert word in out
    assert "exit status" in out
    assert "FILE:LINE:COL" in out


def test_actions_lists_commitments_with_owner_and_line() -> None:
    """`actions` lists seed 002's undertakings with their owners and places."""
    status, out, err = run("actions", str(seed_path("002")))
    assert status == 0
    assert f"{seed_path('002')}:76:262  [A31/17] undertaking: take up this issue with the Executive" in out
    assert "owner: Cabinet Member for Children, Young People and Learning (Alisa Flemming)" in out
    assert "undertaking: share these views with senior management" in out
    assert err == ""


def test_actions_as_csv() -> None:
    """`actions --format csv` writes a header and one row per commitment."""
    import csv as csv_module

    status, out, _ = run("actions", "--format", "csv", str(seed_path("002")), str(seed_path("000")))
    assert status == 0
    rows = list(csv_module.DictReader(io.StringIO(out)))
    assert rows
    assert list(rows[0]) == [
        "file",
        "line",
        "column",
        "item",
        "kind",
        "owner",
        "due_text",
        "due_date",
        "text",
    ]
    assert any(r["kind"] == "request" for r in rows)
    # Due text and due date apart; file, line and column each in its own column.
    dated = [r for r in rows if r["due_date"]]
    assert dated
    assert all(r["due_date"][:4].isdigit() and "[" not in r["due_text"] for r in dated)
    assert all(r["line"].isdigit() and r["column"].isdigit() for r in rows)
    assert {r["file"] for r in rows} == {str(seed_path("002")), str(seed_path("000"))}


def test_grammar_standalone_writes_a_parser_module(tmp_path: Path) -> None:
    """`grammar --standalone` prints a Python module that parses without lark installed."""
    status, out, _ = run("grammar", "--standalone")
    assert status == 0
    module = tmp_path / "minutes_parser.py"
    module.write_text(out, encoding="utf-8")
    compile(out, str(module), "exec")
    assert "Lark_StandAlone" in out


def test_schema_prints_the_json_schema() -> None:
    """`schema` prints the JSON Schema naming the current schema version."""
    status, out, _ = run("schema")
    assert status == 0
    schema = json.loads(out)
    assert schema["properties"]["schema_version"]["const"] == sk.SCHEMA_VERSION


def test_parse_batch_to_jsonl_and_resume(tmp_path: Path) -> None:
    """--jobs with --out appends JSON Lines; --resume skips files already written."""
    folder = tmp_path / "in"
    folder.mkdir()
    for prefix in ("000", "003", "004"):
        (folder / f"{prefix}.txt").write_text(seed_path(prefix).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    status, out, err = run("parse", "-r", "--jobs", "2", "--out", str(out_file), str(folder))
    assert status == 0  # found by -r, the empty file is skipped as not minutes, not a failure
    assert out == ""
    assert "empty.txt: skipped, not minutes: the text is empty" in err
    assert "3 parsed, 0 failed, 1 not minutes (skipped)" in err
    lines = out_file.read_text(encoding="utf-8").splitlines()
    assert [sk.loads(line).source for line in lines] == [
        seed_path(p).read_text(encoding="utf-8") for p in ("000", "003", "004")
    ]
    (folder / "001.txt").write_text(seed_path("001").read_text(encoding="utf-8"), encoding="utf-8")
    status, _, err = run("parse", "-r", "--resume", "--out", str(out_file), str(folder))
    assert "1 parsed, 0 failed, 1 not minutes (skipped), 3 skipped (already written)" in err
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 4


def test_resume_needs_out() -> None:
    """--resume without --out is a usage error."""
    status, _, err = run("parse", "--resume", str(seed_path("003")))
    assert status == 2
    assert "--resume needs --out" in err


def test_parse_writes_parquet_tables(tmp_path: Path) -> None:
    """--parquet DIR writes a part of each table."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    status, _, _ = run(
        "parse", "--parquet", str(tmp_path / "t"), str(seed_path("002")), str(seed_path("000"))
    )
    assert status == 0
    assert len(pd.read_parquet(tmp_path / "t" / "items")) == 8
    actions = pd.read_parquet(tmp_path / "t" / "actions")
    expected = sum(len(sk.parse_file(seed_path(p)).commitments()) for p in ("002", "000"))
    assert len(actions) == expected


def test_parquet_parts_keep_a_long_run_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--parquet writes a part every few documents; together the parts hold every document once."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    import scrutinykit._cli as cli

    monkeypatch.setattr(cli, "_PARQUET_PART", 2)
    files = [str(seed_path(p)) for p in ("000", "001", "002", "003", "004")]
    status, _, _ = run("parse", "--parquet", str(tmp_path / "t"), *files)
    assert status == 0
    assert len(list((tmp_path / "t" / "documents").glob("part-*.parquet"))) == 3
    documents = pd.read_parquet(tmp_path / "t" / "documents")
    assert sorted(documents["document_id"]) == sorted(sk.document_id(sk.parse_file(f)) for f in files)


def test_closed_pipe_ends_quietly() -> None:
    """`scrutinykit parse … | head -c 100` ends with status 0 and no traceback."""
    import subprocess
    import sys

    proc = subprocess.run(
        f"'{sys.executable}' -m scrutinykit parse '{seed_path('002')}' '{seed_path('001')}' | head -c 100",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert "Traceback" not in proc.stderr
    assert len(proc.stdout) == 100


def test_a_failure_writing_json_is_reported_and_the_batch_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug writing one document's JSON ends its line, is reported, and the next file is written."""
    import scrutinykit._cli as cli

    real = cli.dump
    calls: list[int] = []

    def flaky(document: sk.Document, fp: object, *, indent: int | None = None) -> None:
        calls.append(1)
        if len(calls) == 2:
            fp.write('{"schema_version": ')  # type: ignore[attr-defined]
            raise ValueError("boom")
        real(document, fp, indent=indent)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "dump", flaky)
    status, out, err = run("parse", str(seed_path("000")), str(seed_path("001")), str(seed_path("002")))
    lines = out.splitlines()
    assert status != 0
    assert len(lines) == 3
    assert sk.loads(lines[0]) == sk.parse_file(seed_path("000"))
    assert sk.loads(lines[2]) == sk.parse_file(seed_path("002"))
    assert "ValueError: boom" in err
    assert "2 parsed, 1 failed" in err


# -- issue 16: outputs that say where they came from, a CLI without tracebacks ------


def test_json_lines_and_summary_name_their_source(tmp_path: Path) -> None:
    """Each JSON line of a batch and each summary names the file it came from."""
    files = [str(seed_path("003")), str(seed_path("004"))]
    status, out, _ = run("parse", *files)
    assert status == 0
    assert [json.loads(line)["source_name"] for line in out.splitlines()] == files
    status, out, _ = run("parse", "--format", "summary", *files)
    assert status == 0
    for name in files:
        assert f"{name}: agenda_item: " in out


@pytest.mark.parametrize(
    ("make", "args", "problem"),
    [
        (lambda t: None, lambda t: ["--out", str(t / "nowhere" / "x.jsonl")], "no such directory"),
        (lambda t: (t / "d").mkdir(), lambda t: ["--out", str(t / "d")], "is a directory"),
        (lambda t: (t / "f").write_text("x"), lambda t: ["--parquet", str(t / "f")], "is a file"),
        (lambda t: (t / "o.jsonl").write_text("{}\n"), lambda t: ["--out", str(t / "o.jsonl")], "--resume"),
        (lambda t: None, lambda t: ["--out", str(t / "o.jsonl"), "--indent", "2"], "JSON Lines"),
    ],
    ids=["out-missing-dir", "out-is-dir", "parquet-is-file", "out-has-results", "out-with-indent"],
)
def test_output_problems_are_one_line_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Any, args: Any, problem: str
) -> None:
    """Each output problem: one line naming the path and the problem, status 2, nothing parsed."""
    import scrutinykit._cli as cli

    make(tmp_path)
    parsed: list[object] = []
    monkeypatch.setattr(cli, "parse_many", lambda *a, **k: parsed.append(a) or iter(()))
    status, out, err = run("parse", *args(tmp_path), str(seed_path("003")))
    assert status == 2
    assert out == ""
    (line,) = err.splitlines()
    assert line.startswith("scrutinykit: ")
    assert problem in line
    assert str(tmp_path) in line
    assert parsed == []


def test_parquet_without_pyarrow_is_refused_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    status, _, err = run("parse", "--parquet", str(tmp_path / "t"), str(seed_path("003")))
    assert status == 2
    (line,) = err.splitlines()
    assert "pyarrow" in line
    assert "scrutinykit[parquet]" in line
    assert not (tmp_path / "t").exists()


def test_parquet_into_results_needs_resume_and_resume_skips(tmp_path: Path) -> None:
    """A second run into the same Parquet folder is refused; with --resume it adds only new files."""
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    folder = tmp_path / "t"
    assert run("parse", "--parquet", str(folder), str(seed_path("003")))[0] == 0
    status, _, err = run("parse", "--parquet", str(folder), str(seed_path("003")), str(seed_path("004")))
    assert status == 2
    assert "already holds Parquet results" in err
    status, _, err = run(
        "parse", "--resume", "--parquet", str(folder), str(seed_path("003")), str(seed_path("004"))
    )
    assert status == 0
    assert "1 skipped" in err
    documents = pd.read_parquet(folder / "documents")
    assert sorted(documents["source"]) == sorted([str(seed_path("003")), str(seed_path("004"))])


class _Full(io.StringIO):
    """A stream on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_is_one_line_and_status_2() -> None:
    err = io.StringIO()
    status = main(["parse", str(seed_path("003"))], stdout=_Full(), stderr=err)
    assert status == 2
    (line,) = err.getvalue().splitlines()
    assert line == "scrutinykit: standard output: cannot write: No space left on device"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_dev_full_ends_without_a_traceback() -> None:
    import subprocess

    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "scrutinykit", "parse", str(seed_path("003"))],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [
        "scrutinykit: standard output: cannot write: No space left on device"
    ]


def test_indent_with_several_files_is_one_json_array() -> None:
    files = [str(seed_path("003")), str(seed_path("004"))]
    status, out, _ = run("parse", "--indent", "2", *files)
    assert status == 0
    data = json.loads(out)
    assert [d["source_name"] for d in data] == files
    status, out, _ = run("parse", "--indent", "2", "--jobs", "2", *files)
    assert json.loads(out) == data
    status, out, _ = run("parse", "--indent", "2", str(seed_path("003")))
    assert json.loads(out)["source_name"] == files[0]  # one file: one object, as before


def test_version() -> None:
    status, out, _ = run("--version")
    assert status == 0
    assert out.strip() == f"scrutinykit {sk.__version__}"


def test_dash_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    data = seed_path("003").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status, out, err = run("parse", "-")
    assert status == 0, err
    doc = sk.loads(out)
    assert doc.source_name == "<stdin>"
    assert doc.source == sk.parse_file(seed_path("003")).source


@pytest.mark.parametrize("jobs", ["0", "-3", "many"])
def test_jobs_must_be_a_positive_number(jobs: str) -> None:
    status, out, err = run("parse", "-j", jobs, str(seed_path("003")))
    assert status == 2
    assert out == ""
    assert "number of processes" in err
    assert "Traceback" not in err


def test_binary_input_is_never_echoed(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg.txt"
    path.write_bytes(b"RESOLVED \xff\xfe\x00\x1b[31m\xe9\x80 raw")
    status, out, err = run("parse", str(path))
    assert status == 1
    assert out == ""
    assert "\ufffd" not in err
    assert "\x1b" not in err
    assert all(ch.isprintable() or ch == "\n" for ch in err)


def test_check_is_usable_with_strict_on_a_clean_seed() -> None:
    """Clean minutes pass check --strict; the pedantic warnings wait for --pedantic."""
    status, out, _ = run("check", "--strict", str(seed_path("002")))
    assert status == 0, out
    assert ": warning: " not in out
    status, out, _ = run("check", "--strict", "--pedantic", str(seed_path("002")))
    assert status == 1
    assert "not mentioned again" in out


def test_check_warns_of_an_outcome_outside_any_item() -> None:
    from scrutinykit.views.check import check

    doc = sk.parse(
        "Minutes of the Parks Panel held on 2 May 2025\n\nRESOLVED that the agenda be taken as read.\n\n"
        + ITEM
        + "RESOLVED: That the report be noted.\n"
    )
    (finding,) = check(doc)
    assert finding.kind == "outside"
    assert finding.message.startswith("resolution outside any agenda item")
    assert doc.line_col(finding.offset) == (3, 1)
