"""Proceedings (issue 3): exchanges, speakers, stances, commitments, references and votes."""

from __future__ import annotations

import datetime
import subprocess
import sys
import time
from pathlib import Path

import pytest
from lark import Lark

import scrutinykit as sk
from scrutinykit import CommitmentKind, DueKind, SpeakerKind, StanceKind, StatementKind
from scrutinykit.proceedings.scanner import PROCEEDINGS_GRAMMAR, find_due, vocabulary

from .conftest import FIXTURES

MARSHWICK = FIXTURES / "proceedings" / "scrutiny-panel-marshwick.txt"


@pytest.fixture(scope="module")
def marshwick() -> sk.Document:
    """The invented Marshwick panel minutes."""
    return sk.parse_file(MARSHWICK)


# ---------------------------------------------------------------------------
# The vocabulary grammar
# ---------------------------------------------------------------------------


def test_vocabulary_grammar_loads_with_plain_lark() -> None:
    """proceedings.lark is a grammar plain Lark loads quickly, and its phrases parse."""
    start = time.perf_counter()
    parser = Lark.open(str(sk.grammar_dir() / PROCEEDINGS_GRAMMAR), parser="lalr")
    assert time.perf_counter() - start < 10
    names = {t.name for t in parser.terminals}
    assert {"ASK_OPENER", "RESPONSE_VERB", "UNDERTAKING_VERB", "ACTION_LABEL", "DUE_MEETING"} <= names
    tree = parser.parse("It was asked the Cabinet Member responded that")
    kinds = [t.type for t in tree.scan_values(lambda v: hasattr(v, "type"))]
    assert kinds == ["ASK_OPENER", "SPEAKER_CABINET", "RESPONSE_VERB"]


def test_vocabulary_is_the_grammars_terminals() -> None:
    """The scanners are compiled from the grammar's terminals, one per name."""
    vocab = vocabulary()
    assert vocab["STANCE_UNCONVINCED"].search("Members remained unconvinced by the reply")
    assert vocab["STANCE_CHALLENGE"].search("Members expressed concerns") is None  # not inside "expressed"


@pytest.mark.parametrize("size", [20_000, 200_000])
def test_scanning_is_linear_on_hostile_text(size: int) -> None:
    """Long runs of near-misses cost time in proportion to their length."""
    hostile = ("the the meeting meeting of of Members asked for for to " * (size // 56))[:size]
    start = time.perf_counter()
    sk.parse("41/24 Item\n\n" + hostile + ".\n")
    assert time.perf_counter() - start < 5 * (size / 20_000)


# ---------------------------------------------------------------------------
# Due dates
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "written", "relation", "date"),
    [
        (
            "to circulate the list by 31 January 2025.",
            DueKind.DATE,
            "31 January 2025",
            "by",
            datetime.date(2025, 1, 31),
        ),
        (
            "a report be brought to the April meeting",
            DueKind.MEETING,
            "the April meeting",
            "to",
            datetime.date(2025, 4, 1),
        ),
        ("be provided in six months", DueKind.PERIOD, "six months", "in", datetime.date(2025, 5, 14)),
        (
            "to report back within four weeks",
            DueKind.PERIOD,
            "four weeks",
            "within",
            datetime.date(2024, 12, 12),
        ),
        ("by the end of November", DueKind.MONTH, "the end of November", "by", datetime.date(2024, 11, 30)),
        (
            "at every meeting of this municipal year",
            DueKind.RECURRING,
            "every meeting of this municipal year",
            "at",
            None,
        ),
        ("before the next meeting", DueKind.MEETING, "the next meeting", "before", None),
        ("as soon as possible", DueKind.SOON, "as soon as possible", None, None),
    ],
)
def test_due_dates_resolve_against_the_meeting(
    text: str, kind: DueKind, written: str, relation: str | None, date: datetime.date | None
) -> None:
    """Dates, months, meetings and periods resolve against a meeting of 14 November 2024."""
    due = find_due(text, datetime.date(2024, 11, 14))
    assert due is not None
    assert (due.kind, due.text, due.relation, due.date) == (kind, written, relation, date)
    assert text[due.span.start : due.span.end] == written


def test_month_names_do_not_follow_the_process_locale() -> None:
    """A program that set a non-English LC_TIME (calendar.month_name not English) still gets due months."""
    code = (
        "import calendar, datetime\n"
        "calendar.month_name = ['', 'Januar', 'Februar', 'Maerz', 'April', 'Mai', 'Juni', 'Juli', 'August',"
        " 'September', 'Oktober', 'November', 'Dezember']\n"
        "from scrutinykit.proceedings.scanner import find_due\n"
        "due = find_due('by the end of February', datetime.date(2024, 11, 14))\n"
        "print(due.date)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout.strip()) == (0, "2025-02-28"), done.stderr


def test_relative_due_dates_stay_text_without_a_meeting_date() -> None:
    """Without a meeting date "in six months" keeps its words and has no date."""
    due = find_due("be provided in six months")
    assert due is not None
    assert (due.kind, due.text, due.date) == (DueKind.PERIOD, "six months", None)
    assert find_due("at the meeting held in the borough") is None
    assert find_due("to the meeting") is None


# ---------------------------------------------------------------------------
# An invented document, end to end
# ---------------------------------------------------------------------------


def test_fixture_exchanges(marshwick: sk.Document) -> None:
    """Three exchanges: an open question, a concern, and an inline question and answer."""
    exchanges = marshwick.exchanges()
    assert [e.question.kind for e in exchanges] == [
        StatementKind.QUESTION,
        StatementKind.CHALLENGE,
        StatementKind.QUESTION,
    ]
    first = exchanges[0]
    assert first.question.speaker is None
    assert marshwick.text_of(first.question).startswith("It was asked how many complaints")
    (answer,) = first.responses
    assert answer.speaker is not None
    assert (answer.speaker.kind, answer.speaker.name, answer.speaker.title) == (
        SpeakerKind.OFFICER,
        "Declan Moorside",
        "Head of Street Scene",
    )
    cabinet = exchanges[1].responses[0].speaker
    assert cabinet is not None
    assert cabinet.kind is SpeakerKind.CABINET_MEMBER
    assert (cabinet.name, cabinet.portfolio) == ("Bryony Castellan", "Parks and Open Spaces")
    assert exchanges[2].responses[0].speaker is not None
    assert exchanges[2].responses[0].speaker.plural


def test_fixture_stances(marshwick: sk.Document) -> None:
    """Concern and doubt are tagged, with their speakers."""
    assert [(s.kind, s.phrase) for s in marshwick.stances()] == [
        (StanceKind.CONCERN, "expressed serious concerns"),
        (StanceKind.UNCONVINCED, "remained unconvinced"),
    ]
    assert all(s.speaker is not None and s.speaker.kind is SpeakerKind.MEMBER for s in marshwick.stances())


def test_fixture_commitments(marshwick: sk.Document) -> None:
    """An undertaking, a request, an action and two recommendation requests, with owners and dues."""
    doc = marshwick
    undertaking, request, action, *recommended = doc.commitments()
    assert undertaking.kind is CommitmentKind.UNDERTAKING
    assert undertaking.owner is not None
    assert undertaking.owner.name == "Bryony Castellan"
    assert undertaking.owner.text == "She"
    assert undertaking.due is not None
    assert undertaking.due.date == datetime.date(2024, 12, 20)
    assert request.kind is CommitmentKind.REQUEST
    assert request.text.startswith("the contract performance figures to be circulated")
    assert request.due is not None
    assert (request.due.relation, request.due.text) == (
        "before",
        "the next meeting",
    )
    assert action.kind is CommitmentKind.ACTION
    assert action.owner is not None
    assert action.owner.name == "Priya Lanyon"
    assert action.due is not None
    assert action.due.date == datetime.date(2025, 3, 1)
    assert [c.kind for c in doc.actions()] == [CommitmentKind.UNDERTAKING, CommitmentKind.ACTION]
    assert [c.in_outcome for c in doc.requests()] == [False, True, True]
    six, every = recommended
    assert six.due is not None
    assert six.due.date == datetime.date(2025, 5, 14)
    assert every.due is not None
    assert every.due.kind is DueKind.RECURRING
    assert six.owner is not None
    assert six.owner.text == "Cabinet"
    (recommendation,) = doc.outcomes()
    assert recommendation.addressee == "Cabinet"
    for c in doc.commitments():
        assert doc.text_of(c).strip() == doc.text_of(c)
        if c.due is not None:
            assert doc.text_of(c.due) == c.due.text


def test_fixture_vote(marshwick: sk.Document) -> None:
    """The vote has its proposer, seconder, counts and result."""
    (vote,) = marshwick.votes()
    assert (vote.proposer, vote.seconder) == ("Councillor Pellow", "Councillor Hartigan")
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (4, 1, None)
    assert vote.result is sk.VoteResult.CARRIED


def test_annotations_are_not_nodes(marshwick: sk.Document) -> None:
    """walk() yields nodes only: the proceedings are annotations beside them."""
    kinds = {type(n) for n in marshwick.walk()}
    assert not kinds & {sk.Exchange, sk.Statement, sk.Speaker, sk.Commitment, sk.Due, sk.Stance, sk.Vote}


def test_fixture_round_trips(marshwick: sk.Document) -> None:
    """The annotations survive JSON."""
    assert sk.loads(sk.dumps(marshwick)) == marshwick


def test_no_proceedings_in_plain_text() -> None:
    """Text without the vocabulary gives no annotations."""
    doc = sk.parse("41/24 Bus review\n\nThe report was noted.\n")
    assert doc.exchanges() == doc.commitments() == doc.stances() == doc.votes() == ()


# ---------------------------------------------------------------------------
# Actions in the shapes minutes print them (issue 15), on invented text
# ---------------------------------------------------------------------------

_ITEM = (
    "Minutes of the Fenwold Scrutiny Panel\n\n7. Library Opening Hours\n\nThe Panel considered a report.\n\n"
)


def _action_texts(text: str) -> list[tuple[str, str]]:
    doc = sk.parse(text)
    return [(doc.text_of(c), c.owner.text if c.owner else "") for c in doc.actions() if not c.in_outcome]


def test_an_action_label_alone_on_its_line_stands_over_the_point_below() -> None:
    """ "Action:" then a bulleted point: the label and the point are one action, owned as the point says."""
    found = _action_texts(_ITEM + "Action:\n· R. Quenby to report back on Sunday opening by 3 June.\n")
    assert found == [("Action:\n· R. Quenby to report back on Sunday opening by 3 June.", "R. Quenby")]


def test_an_action_label_closing_a_paragraph_stands_over_the_point_below() -> None:
    """A flattened page: "… hours. Action:" then the point; the sentences after it are not the action."""
    found = _action_texts(
        _ITEM
        + "Members discussed the hours. Action:\n· The Library Manager to circulate the visitor counts. "
        "Members then thanked the staff.\n"
    )
    assert found == [
        ("Action:\n· The Library Manager to circulate the visitor counts.", "The Library Manager")
    ]


def test_each_point_under_an_actions_label_is_an_action() -> None:
    """Several points under "Actions:": each one that names an owner "to" do something is an action."""
    found = _action_texts(
        _ITEM
        + "Actions:\n\n(a) the Clerk to write to the trust;\n\n(b) Cllr P Marsh to visit the branch;\n\n"
        "(c) the report be noted.\n"
    )
    assert found == [
        ("(a) the Clerk to write to the trust;", "the Clerk"),
        ("(b) Cllr P Marsh to visit the branch;", "Cllr P Marsh"),
    ]


def test_points_without_an_action_label_are_not_actions() -> None:
    found = _action_texts(_ITEM + "Members noted:\n\n(a) the Clerk to the trust had written;\n")
    assert found == []


def test_an_action_owner_is_the_whole_title_and_keeps_accented_initials() -> None:
    """ "The Committee Services Officer", not "The Committee"; "H.J. Ó Example" keeps the name."""
    doc = sk.parse(
        _ITEM + "Action: The Committee Services Officer to circulate the visitor counts.\n\n"
        "Action: H.J. Ó Example to report back on Sunday opening.\n"
    )
    owners = [c.owner.text for c in doc.actions() if c.owner is not None]
    assert owners == ["The Committee Services Officer", "H.J. Ó Example"]


def test_a_day_of_a_month_without_a_year_is_a_due_date_after_the_meeting() -> None:
    """ "by 28 March" is a date: the meeting's year, or the next when that day has passed."""
    meeting = datetime.date(2024, 3, 20)
    due = find_due("to report back by 28 March.", meeting)
    assert due is not None
    assert (due.kind, due.text, due.date) == (
        DueKind.DATE,
        "28 March",
        datetime.date(2024, 3, 28),
    )
    due = find_due("to report back by 3rd March.", meeting)
    assert due is not None
    assert due.date == datetime.date(2025, 3, 3)
    due = find_due("to report back by 31 February.", meeting)
    assert due is not None
    assert due.date is None


def test_every_meeting_after_for_names_papers_not_a_due_date() -> None:
    """ "with the agenda for every meeting" says which agenda; "at every meeting" is when."""
    assert find_due("to circulate a note with the agenda for every meeting.") is None
    due = find_due("to report at every meeting.")
    assert due is not None
    assert due.kind is DueKind.RECURRING


def test_the_minutes_after_a_documents_label_are_read() -> None:
    """No "Minutes:" label on a ModernGov page: the paragraphs after "Additional documents:" are read."""
    doc = sk.parse(
        "Agenda item\n\n12 Library Opening Hours\n\nTo consider a report of the Library Manager.\n\n"
        "Additional documents:\n\nThe Panel considered the report.\n\n"
        "The Chair undertook to write to the trust by 3 June.\n"
    )
    assert [doc.text_of(c) for c in doc.actions()] == ["The Chair undertook to write to the trust by 3 June."]


def test_an_office_the_vocabulary_does_not_know_can_undertake() -> None:
    """ "The Lettings Officer undertook to …" is an undertaking; "The Planning Committee agreed to …", not."""
    found = _action_texts(
        _ITEM + "The Lettings Officer undertook to circulate the waiting list. "
        "The Planning Committee agreed to defer the item.\n"
    )
    assert found == [
        ("The Lettings Officer undertook to circulate the waiting list.", "The Lettings Officer")
    ]


def test_an_action_owner_line_ends_at_its_line_end() -> None:
    """Printed without blank lines: "Action – Owner" closes the request above it; the next line is its own."""
    found = _action_texts(
        _ITEM + "Members asked for the visitor counts to be circulated.\nAction – Head of Libraries\n"
        "The Chair undertook to write to the trust.\n"
    )
    assert found == [
        (
            "Members asked for the visitor counts to be circulated.\nAction – Head of Libraries",
            "Head of Libraries",
        ),
        ("The Chair undertook to write to the trust.", "The Chair"),
    ]


_BODY_AGREED = """\
Minutes of the meeting of the Hollowmere Scrutiny Panel held on 4 March 2025.

Present: Councillor Ada Quenby (Chair), Councillor Bo Tarrant

1. Library Services Review

The Head of Libraries introduced the report.
The Assembly agreed to note the report.
The Head of Libraries agreed to circulate the figures.
"""


def test_the_documents_vocabulary_reaches_the_proceedings(tmp_path: Path) -> None:
    """A body named in a user's phrase folder (``bodies.txt``) agreeing is no officer's undertaking."""
    (tmp_path / "bodies.txt").write_text("Assembly\n", encoding="utf-8")
    plain = [c.owner.text for c in sk.parse(_BODY_AGREED).commitments() if c.owner is not None]
    assert plain == ["The Assembly", "The Head of Libraries"]  # an office the vocabulary does not know
    told = [c.owner.text for c in sk.parse(_BODY_AGREED, vocabulary=tmp_path).commitments() if c.owner]
    assert told == ["The Head of Libraries"]
