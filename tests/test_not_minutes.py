"""Text that records no meeting is refused: READMEs, data, code, news, guides, random words.

Every page here is invented (Fernby, Quarrybank and their people are no real
council or person).  Minutes need something that ties them to one meeting
(a meeting line, an agenda item, an attendance list, a section label, a
closing line) and evidence of its proceedings; data, code and markup are
refused outright.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import scrutinykit
from scrutinykit.build.detect import not_minutes_reason

README = """\
# Fernby minutes archive

This folder holds the minutes of the Fernby Overview and Scrutiny Committee.

| file | committee | what it is |
| --- | --- | --- |
| `01.txt` | Fernby Overview and Scrutiny Committee | Written minutes of the meeting of 4 March 2024 |
| `02.txt` | Fernby Overview and Scrutiny Committee | An agenda-item page on bus services (2024) |

Run `scrutinykit parse -r .` to read them all.
"""

NEWS = """\
News

Fernby Borough Council backs the library plan

Published: 4 June 2024

Councillors have agreed to support the library plan after a debate at the Overview and Scrutiny Committee. \
The Head of Libraries reported that 420 people had answered the survey.

Councillor Petra Oduya, Cabinet Member for Culture, said: "We listened to residents."

The committee resolved to ask for a further report in September. Residents can read the report online.
"""

GUIDE = """\
Reading our minutes

This page explains how Fernby Borough Council publishes its minutes. Minutes record the decisions taken at \
a meeting, not all that was said. A decision usually starts with RESOLVED, for example: RESOLVED that the \
report be noted.

Draft minutes are published within ten working days. Ask Democratic Services at democracy@fernby.example.
"""

PYTHON = '''\
import json
from pathlib import Path
from pathlib import Path


def resolved(path):
    """Count the resolutions in a file."""
    text = Path(path).read_text()
    count = text.count("RESOLVED")
    return count
'''

JAVASCRIPT = """\
const minutes = require("./minutes");
function resolved(doc) {
  let count = 0;
  for (const item of doc.items) {
    count += item.outcomes.length;
  }
  return count;
}
"""

XML = """\
<?xml version="1.0"?>
<meeting committee="Fernby Overview and Scrutiny Committee" date="2024-03-04">
  <item number="1">Apologies</item>
  <item number="2">RESOLVED that the minutes be agreed</item>
</meeting>
"""

JSON_DOC = json.dumps(
    {
        "committee": "Fernby Overview and Scrutiny Committee",
        "date": "2024-03-04",
        "present": ["Councillor Ann Reyes", "Councillor Tom Walsh"],
        "outcomes": [{"label": "RESOLVED", "text": "that the report be noted"}],
    },
    indent=2,
)

JSON_LINES = "\n".join(
    json.dumps({"file": f"{n}.txt", "text": "RESOLVED that the report be noted.", "items": n})
    for n in range(4)
)

RANDOM_WORDS = (
    "lantern orbit pebble quietly saffron under meadow circuit velvet harbour ledger. Candle river\n"
    "window marble Tuesday orchard the bright folding stair. Copper whistle lantern garden hollow\n"
    "seventeen parcel evening crane mosaic thimble.\n"
)

MINUTES = """\
Minutes of the meeting of the Fernby Overview and Scrutiny Committee held on 4 March 2024

Present: Councillor Ann Reyes (Chair), Councillor Tom Walsh

1. LIBRARY OPENING HOURS

The Committee considered the report of the Head of Libraries.

RESOLVED that the report be noted.
"""


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (README, "Markdown"),
        (NEWS, "nothing in it records a meeting"),
        (GUIDE, "nothing in it records a meeting"),
        (PYTHON, "source code"),
        (JAVASCRIPT, "source code"),
        (XML, "markup"),
        (JSON_DOC, "JSON"),
        (JSON_LINES, "JSON"),
        (RANDOM_WORDS, "nothing in it records a meeting"),
    ],
    ids=["readme", "news", "guide", "python", "javascript", "xml", "json", "json-lines", "random-words"],
)
def test_text_that_records_no_meeting_is_refused(text: str, why: str) -> None:
    """Each kind of page raises NotMinutesError naming why, and no outcome escapes."""
    with pytest.raises(scrutinykit.NotMinutesError) as caught:
        scrutinykit.parse(text, source="page.txt")
    assert why in caught.value.message
    assert "page.txt" in str(caught.value)


def test_minutes_are_still_minutes() -> None:
    """A meeting line, attendance, an item and a resolution: minutes, with nothing to say against them."""
    doc = scrutinykit.parse(MINUTES)
    assert not_minutes_reason(doc) is None
    assert len(doc.outcomes()) == 1


def test_a_decision_page_is_minutes_by_its_label() -> None:
    """A decision page with no meeting line is tied to a meeting by its ``Decision:`` label."""
    text = (
        "Decision details\n\nPlay Area Repairs\n\nDecision:\n\n"
        "RESOLVED: That the Parks Manager report on the repairs in May.\n\n"
        "Reasons for the decision:\n\nTo keep the play areas safe.\n"
    )
    doc = scrutinykit.parse(text)
    assert not_minutes_reason(doc) is None
    assert len(doc.outcomes()) == 1


def test_a_sentence_naming_a_committee_is_not_a_meeting_header() -> None:
    """A news sentence ending in a committee's name is no meeting line: the page is still refused."""
    with pytest.raises(scrutinykit.NotMinutesError) as caught:
        scrutinykit.parse(NEWS)
    read = caught.value.document
    assert isinstance(read, scrutinykit.Document)
    assert not_minutes_reason(read) == caught.value.message


_WORDS = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9), min_size=25, max_size=120
)


@settings(max_examples=40, deadline=None)
@given(_WORDS)
@example(["aa"] * 24 + ["seconded"])  # a lone "seconded" read as a vote with nothing known
def test_random_lower_case_words_are_never_minutes(words: list[str]) -> None:
    """A page of lower-case words (25 or more: shorter is an excerpt) with no meeting in it is not minutes."""
    with pytest.raises(scrutinykit.NotMinutesError):
        scrutinykit.parse(" ".join(words) + "\n")


@settings(max_examples=25, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, min_size=1, max_size=4)
            | st.dictionaries(st.text(min_size=1, max_size=8), inner, min_size=1, max_size=4)
        ),
        max_leaves=12,
    ).filter(lambda v: isinstance(v, (list, dict))),
    st.sampled_from([None, 2]),
)
def test_json_is_never_minutes(value: object, indent: int | None) -> None:
    """Any JSON array or object, however laid out, is refused."""
    with pytest.raises(scrutinykit.NotMinutesError):
        scrutinykit.parse(json.dumps(value, indent=indent) + "\n")


def _run(*argv: str) -> tuple[int, str, str]:
    import io

    from scrutinykit._cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    (folder / "2024").mkdir(parents=True)
    (folder / "README.md").write_text(README, encoding="utf-8")
    (folder / "2024" / "march.txt").write_text(MINUTES, encoding="utf-8")
    (folder / "2024" / "news.txt").write_text(NEWS, encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["parse", "check", "actions"])
def test_recursive_run_skips_not_minutes_with_one_line(command: str, archive: Path) -> None:
    """Under -r a page that is not minutes is skipped with one line on stderr; the status stays 0."""
    status, out, err = _run(command, "-r", str(archive))
    assert status == 0, err
    skipped = [line for line in err.splitlines() if "skipped, not minutes" in line]
    assert sorted(skipped) == sorted(
        [
            f"scrutinykit: {archive / 'README.md'}: skipped, not minutes: "
            + not_minutes_reason(_refused(README)),
            f"scrutinykit: {archive / '2024' / 'news.txt'}: skipped, not minutes: "
            + not_minutes_reason(_refused(NEWS)),
        ]
    )
    assert "1 parsed, 0 failed, 2 not minutes (skipped)" in err
    if command == "parse":
        assert len(out.splitlines()) == 1


def test_a_named_file_that_is_not_minutes_still_fails(archive: Path) -> None:
    """Named on the command line, a page that is not minutes is a failure (status 1)."""
    status, out, err = _run("parse", str(archive / "README.md"), str(archive / "2024" / "march.txt"))
    assert status == 1
    assert len(out.splitlines()) == 1
    assert "1 parsed, 1 failed" in err


def _refused(text: str) -> scrutinykit.Document:
    with pytest.raises(scrutinykit.NotMinutesError) as caught:
        scrutinykit.parse(text)
    assert isinstance(caught.value.document, scrutinykit.Document)
    return caught.value.document


def test_a_short_excerpt_is_given_the_benefit_of_the_doubt() -> None:
    """A line or two with nothing against it is an excerpt of minutes, not refused."""
    assert (
        not_minutes_reason(scrutinykit.parse("Members recalled the audit and asked for an update.\n")) is None
    )


def test_a_flattened_page_that_narrates_a_meeting_is_minutes() -> None:
    """One run-on paragraph whose structure was not found, narrating the meeting: minutes."""
    text = (
        "Agenda item Library hours To receive the report of the Head of Libraries. Minutes: Councillor Ann "
        "Reyes asked whether Sunday opening had been costed, and the Head of Libraries explained that it "
        "had. The Panel noted the figures and Members discussed the survey, which the Chair welcomed as "
        "evidence that residents wanted longer hours at the weekend and in the school holidays.\n"
    )
    assert not_minutes_reason(scrutinykit.parse(text)) is None


def test_sparse_minutes_in_words_the_vocabulary_lacks_are_not_refused() -> None:
    """A meeting line and an item, an outcome worded in no phrase list: the benefit of the doubt."""
    text = (
        "Minutes of the meeting of the Fernby Scrutiny Panel held on 4 March 2025\n\n"
        "Councillors attending: Councillor Ann Reyes (Chair)\n\n"
        "1. LIBRARY OPENING HOURS\n\n"
        "The Panel considered the report.\n\n"
        "It was DETERMINED that the report be noted.\n"
    )
    assert not_minutes_reason(scrutinykit.parse(text)) is None
