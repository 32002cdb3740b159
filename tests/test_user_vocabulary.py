"""The vocabulary as the user's lever: ``vocabulary=DIR`` and ``--vocabulary DIR`` reach every entry point.

A folder holding ``resolution.txt`` with the phrase ``determined`` makes
"DETERMINED that …" a resolution: through ``parse_file`` on text, HTML and
PDF, through ``parse_many`` in this process and in workers, and through the
command line's ``parse``, ``check``, ``actions`` and ``show``.  The council
and its people are invented.
"""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import pytest

import scrutinykit
from scrutinykit._cli import main
from scrutinykit._errors import GrammarError
from scrutinykit._model import Resolution

from .pdfgen import minutes_pdf

LINES = [
    "Minutes of the meeting of the Marsh Vale Scrutiny Panel held on 4 March 2025",
    "Present: Councillor Ada Brennan (Chair), Councillor Tomas Ruiz",
    "1. LIBRARY OPENING HOURS",
    "The Panel considered the report of the Head of Libraries.",
    "DETERMINED that the Head of Libraries report on Sunday opening by 30 June 2025.",
]
TEXT = "\n\n".join(LINES) + "\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def vocabulary(tmp_path: Path) -> Path:
    folder = tmp_path / "our-words"
    folder.mkdir()
    (folder / "resolution.txt").write_text("# how our clerk writes it\ndetermined\n", encoding="utf-8")
    return folder


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "minutes.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _resolutions(doc: scrutinykit.Document) -> list[str]:
    return [o.text for o in doc.outcomes() if isinstance(o, Resolution)]


def test_parse_file_text(text_file: Path, vocabulary: Path) -> None:
    assert _resolutions(scrutinykit.parse_file(text_file)) == []
    (text,) = _resolutions(scrutinykit.parse_file(text_file, vocabulary=vocabulary))
    assert text.startswith("the Head of Libraries report")


def test_parse_file_html(tmp_path: Path, vocabulary: Path) -> None:
    pytest.importorskip("lxml")
    page = tmp_path / "minutes.html"
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in LINES)
    page.write_text(f"<!DOCTYPE html><html><body><main>{body}</main></body></html>", encoding="utf-8")
    assert _resolutions(scrutinykit.parse_file(page)) == []
    assert len(_resolutions(scrutinykit.parse_file(page, vocabulary=vocabulary))) == 1


def test_parse_file_pdf(tmp_path: Path, vocabulary: Path) -> None:
    pytest.importorskip("pypdfium2")
    pdf = tmp_path / "minutes.pdf"
    pieces: list[str | list[str] | tuple[str, str]] = []
    for line in LINES:
        pieces += [line, ""]
    pdf.write_bytes(minutes_pdf(pieces))
    assert _resolutions(scrutinykit.parse_file(pdf)) == []
    assert len(_resolutions(scrutinykit.parse_file(pdf, vocabulary=vocabulary))) == 1


@pytest.mark.parametrize(("workers", "timeout"), [(1, None), (2, 60.0)], ids=["in-process", "workers"])
def test_parse_many(text_file: Path, vocabulary: Path, workers: int, timeout: float | None) -> None:
    """The folders reach the workers, for files and for texts, documents and JSON."""
    (doc,) = scrutinykit.parse_many([text_file], workers=workers, timeout=timeout, vocabulary=vocabulary)
    assert isinstance(doc, scrutinykit.Document)
    assert len(_resolutions(doc)) == 1
    (from_text,) = scrutinykit.parse_many(
        texts=[TEXT], workers=workers, timeout=timeout, vocabulary=[vocabulary]
    )
    assert isinstance(from_text, scrutinykit.Document)
    assert len(_resolutions(from_text)) == 1
    (as_json,) = scrutinykit.parse_many(
        [text_file], workers=workers, timeout=timeout, vocabulary=vocabulary, as_json=True
    )
    assert isinstance(as_json, str)
    assert len(_resolutions(scrutinykit.loads(as_json))) == 1
    (plain,) = scrutinykit.parse_many([text_file], workers=workers, timeout=timeout)
    assert isinstance(plain, scrutinykit.Document)
    assert _resolutions(plain) == []


def test_parse_many_checks_the_folder_first(text_file: Path, tmp_path: Path) -> None:
    """A missing folder is a GrammarError at the call, not one error per file."""
    with pytest.raises(GrammarError, match="does not exist"):
        scrutinykit.parse_many([text_file], vocabulary=tmp_path / "nowhere")


def test_cli_parse(text_file: Path, vocabulary: Path) -> None:
    status, out, _ = run("parse", str(text_file))
    assert status == 0
    assert _resolutions(scrutinykit.loads(out)) == []
    status, out, err = run("parse", "--vocabulary", str(vocabulary), str(text_file))
    assert status == 0, err
    assert len(_resolutions(scrutinykit.loads(out))) == 1
    status, out, _ = run("parse", "-j", "2", "--vocabulary", str(vocabulary), str(text_file), str(text_file))
    assert status == 0
    assert all(len(_resolutions(scrutinykit.loads(line))) == 1 for line in out.splitlines())


def test_cli_check_actions_and_show(text_file: Path, vocabulary: Path, tmp_path: Path) -> None:
    _, before, _ = run("check", str(text_file))
    _, after, _ = run("check", "--vocabulary", str(vocabulary), str(text_file))
    assert "0 outcomes" in before
    assert "1 outcomes" in after
    _, before, _ = run("actions", "--format", "csv", str(text_file))
    _, after, _ = run("actions", "--format", "csv", "--vocabulary", str(vocabulary), str(text_file))
    assert len(before.splitlines()) == 1  # the header only
    # the request's words start after the user's label, as they do after a shipped one
    assert "the Head of Libraries report on Sunday opening" in after
    assert "DETERMINED" not in after
    status, page, _ = run("show", "--vocabulary", str(vocabulary), str(text_file))
    assert status == 0
    plain_status, plain_page, _ = run("show", str(text_file))
    assert plain_status == 0
    assert page.count("resolution") > plain_page.count("resolution")


@pytest.mark.parametrize("command", ["parse", "check", "actions", "show"])
def test_cli_missing_vocabulary_folder_is_a_usage_error(
    command: str, text_file: Path, tmp_path: Path
) -> None:
    status, out, err = run(command, "--vocabulary", str(tmp_path / "nowhere"), str(text_file))
    assert status == 2
    assert out == ""
    assert err.startswith("scrutinykit: ")
    assert "nowhere" in err
    assert "does not exist" in err
    assert len(err.splitlines()) == 1


def test_cli_file_naming_no_list_is_a_usage_error(text_file: Path, vocabulary: Path) -> None:
    (vocabulary / "resolutions.txt").write_text("determined\n", encoding="utf-8")
    status, _, err = run("parse", "--vocabulary", str(vocabulary), str(text_file))
    assert status == 2
    assert "resolutions.txt" in err
    assert "no phrase list" in err


def test_json_of_a_user_vocabulary_loads_back(text_file: Path, vocabulary: Path) -> None:
    """What a user vocabulary reads is ordinary JSON, loaded back without the vocabulary."""
    _, out, _ = run("parse", "--vocabulary", str(vocabulary), str(text_file))
    assert json.loads(out)["items"]
