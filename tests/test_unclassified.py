"""``scrutinykit check -r DIR --unclassified``: the line shapes the grammar left as plain prose, ranked.

The councils and people are invented.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import scrutinykit
from scrutinykit._cli import main
from scrutinykit.views.check import ShapeCounter, line_shape, unclassified_lines


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("line", "shape"),
    [
        ("Members in attendance: Councillor Ada Brennan", "members in attendance:"),
        ("It was DETERMINED that the report be noted.", "it was determined"),
        ("7. The Chair welcomed everyone", "N the chair welcomed"),
        ("The 2024/25 budget was discussed", "the N budget"),
        ("“Quoted”, he said, at length", "quoted he said"),
        ("Attendees:", "attendees:"),
    ],
)
def test_line_shape(line: str, shape: str) -> None:
    assert line_shape(line) == shape


def _minutes(council: str, extra: str) -> str:
    return (
        f"Minutes of the meeting of the {council} Scrutiny Panel held on 4 March 2025\n\n"
        "Present: Councillor Ada Brennan (Chair), Councillor Tomas Ruiz\n\n"
        "1. LIBRARY OPENING HOURS\n\n"
        "The Panel considered the report of the Head of Libraries.\n\n"
        f"{extra}\n\n"
        "RESOLVED that the report be noted.\n"
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "minutes"
    root.mkdir()
    (root / "a.txt").write_text(
        _minutes(
            "Marsh Vale", "It was DETERMINED that the fees be frozen.\n\nIt was DETERMINED to meet in May."
        ),
        encoding="utf-8",
    )
    (root / "b.txt").write_text(_minutes("Fernby", "It was DETERMINED that the fees rise."), encoding="utf-8")
    (root / "c.txt").write_text(_minutes("Quarrybank", "Councillor Ruiz left the room."), encoding="utf-8")
    (root / "README.md").write_text(
        "# Our minutes\n\n| file | meeting |\n| --- | --- |\n| `a.txt` | 4 March 2025 |\n", encoding="utf-8"
    )
    return root


def test_shapes_counted_by_files_then_lines(folder: Path) -> None:
    counter = ShapeCounter()
    for path in sorted(folder.glob("*.txt")):
        counter.add(scrutinykit.parse_file(path), path.name)
    ranked = counter.ranked()
    first = ranked[0]
    assert (first.shape, first.files, first.lines) == ("the panel considered", 3, 3)
    by_shape = {s.shape: s for s in ranked}
    determined = by_shape["it was determined"]
    assert (determined.files, determined.lines) == (2, 3)
    assert determined.example == ("a.txt", 9)
    assert by_shape["councillor ruiz left"].files == 1
    assert [s.files for s in ranked] == sorted((s.files for s in ranked), reverse=True)


def test_only_plain_paragraphs_are_unclassified() -> None:
    """The resolution, the heading and the attendance list are classified: no shape of theirs."""
    doc = scrutinykit.parse(_minutes("Fernby", "Councillor Ruiz left the room."))
    shapes = [shape for shape, _ in unclassified_lines(doc)]
    assert "resolved that the" not in shapes
    assert "councillor ruiz left" in shapes
    for shape, offset in unclassified_lines(doc):
        assert line_shape(doc.source[offset:].split("\n", 1)[0]) == shape


def test_cli_ranks_shapes_across_a_folder(folder: Path) -> None:
    status, out, err = run("check", "-r", str(folder), "--unclassified")
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["files", "lines", "shape", "example"]
    assert lines[1].split()[:2] == ["3", "3"]
    row = next(line for line in lines if "it was determined" in line)
    assert row.split()[:2] == ["2", "3"]
    assert row.endswith(f"{folder / 'a.txt'}:9")
    assert "README.md: skipped, not minutes" in err
    assert "warning" not in out  # the per-file report is replaced by the table


def test_cli_top_limits_the_table(folder: Path) -> None:
    _, out, _ = run("check", "-r", str(folder), "--unclassified", "--top", "1")
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[-1].startswith("(")
    assert "--top 0" in lines[-1]


def test_a_vocabulary_classifies_what_was_unclassified(folder: Path, tmp_path: Path) -> None:
    """Adding the phrase the table shows takes its shape off the table."""
    words = tmp_path / "words"
    words.mkdir()
    (words / "resolution.txt").write_text("determined\n", encoding="utf-8")
    _, out, _ = run("check", "-r", str(folder), "--unclassified", "--vocabulary", str(words))
    assert "it was determined" not in out
