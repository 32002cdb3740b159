"""The vocabulary: every phrase list declared once, as data, and used everywhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import scrutinykit
from scrutinykit._api import parse_with
from scrutinykit._errors import GrammarError
from scrutinykit._model import Agreement, AttendanceKind, Conclusion, Decision, Recommendation, Resolution
from scrutinykit.parsing.loader import grammar_dir, parser_from
from scrutinykit.parsing.vocabulary import (
    GENERATED_FILE,
    OUTCOME_KINDS,
    VOCABULARY_DIR,
    Patterns,
    Phrase,
    load_vocabulary,
    render_lark,
    variants,
)

_OUTCOME_CLASS = {
    "resolution": Resolution,
    "recommendation": Recommendation,
    "conclusion": Conclusion,
    "agreement": Agreement,
    "decision": Decision,
}

_HEAD = "Minutes of the meeting of the Marsh Vale Scrutiny Panel held on 4 March 2025\n\n"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "grammar"
    shutil.copytree(grammar_dir(), folder)
    return folder


def _append(folder: Path, name: str, phrase: str) -> None:
    with open(folder / VOCABULARY_DIR / f"{name}.txt", "a", encoding="utf-8") as f:
        f.write(phrase + "\n")


def _parse_with_folder(text: str, folder: Path) -> scrutinykit.Document:
    return parse_with(text, parser_from(folder), Patterns(load_vocabulary(folder / VOCABULARY_DIR)))


def test_the_committed_grammar_file_is_what_the_phrase_files_give() -> None:
    """grammar/vocabulary.lark is generated: it must equal what the phrase files render to."""
    folder = grammar_dir()
    committed = (folder / GENERATED_FILE).read_text(encoding="utf-8")
    assert committed == render_lark(load_vocabulary(folder / VOCABULARY_DIR)), (
        "run: python -m scrutinykit.parsing.vocabulary --write"
    )


def test_a_new_resolution_label_in_a_copy_of_the_grammar(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    text = _HEAD + "1. Library Opening Hours\n\nDETERMINED that the report be noted.\n"
    before = _parse_with_folder(text, folder)
    assert not [o for o in before.outcomes() if isinstance(o, Resolution)]
    _append(folder, "resolution", "determined")
    doc = _parse_with_folder(text, folder)
    (outcome,) = doc.outcomes()
    assert isinstance(outcome, Resolution)
    assert outcome.text == "the report be noted."
    assert doc.text_of(outcome) == "DETERMINED that the report be noted."


def test_a_new_attendance_label_in_a_copy_of_the_grammar(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    text = (
        _HEAD + "Councillors attending: Councillor Ada Brennan, Councillor Tomas Ruiz\n\n"
        "1. Library Opening Hours\n\nThe report was noted.\n"
    )
    assert not _parse_with_folder(text, folder).attendance.present
    _append(folder, "present", "Councillors attending")
    doc = _parse_with_folder(text, folder)
    assert [p.name for p in doc.attendance.present] == ["Ada Brennan", "Tomas Ruiz"]
    assert all(p.kind is AttendanceKind.PRESENT for p in doc.attendance.present)


def test_a_new_apologies_label_gives_the_apologies_role(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _append(folder, "apologies", "Unable to attend")
    text = _HEAD + "Unable to attend: Councillor Ada Brennan\n\n1. Library Opening Hours\n\nNoted.\n"
    doc = _parse_with_folder(text, folder)
    assert [p.name for p in doc.attendance.apologies or ()] == ["Ada Brennan"]


def test_a_new_closing_phrase_in_a_copy_of_the_grammar(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    text = _HEAD + "1. Library Opening Hours\n\nThe report was noted.\n\nThe proceedings ended at 8.40 pm\n"
    assert _parse_with_folder(text, folder).meeting.end_time is None
    _append(folder, "closing", "The proceedings ended | open")
    doc = _parse_with_folder(text, folder)
    assert doc.meeting.end_time is not None
    assert doc.meeting.end_time.strftime("%H:%M") == "20:40"
    assert doc.closing


def _label_lines(kind: str) -> list[tuple[str, str]]:
    """One outcome line per phrase of the list (and per form the variant rule gives it)."""
    lines = []
    for phrase in load_vocabulary(grammar_dir() / VOCABULARY_DIR).phrases(kind):
        for form in variants(phrase):
            words = " ".join(form)
            if "alone" in phrase.flags:
                if form[0][:1].islower():  # a heading opens its line with a capital
                    continue
                lines.append((words, f"{words}\n\n(a) the report be noted;\n(b) the plan be adopted.\n"))
            elif "body" in phrase.flags or form[0][:1].islower():
                if form[0][:1].islower() or form[0].isupper():  # after a body: lower case or capitals
                    lines.append((words, f"The Panel {words} that the report be noted.\n"))
            else:
                lines.append((words, f"{words} that the report be noted.\n"))
    return lines


@pytest.mark.parametrize("kind", OUTCOME_KINDS)
def test_every_declared_outcome_label_yields_outcome_text(kind: str) -> None:
    """Every phrase of every outcome list, in every form, gives one outcome of its type with words."""
    failures = []
    for words, line in _label_lines(kind):
        doc = scrutinykit.parse(_HEAD + "1. Library Opening Hours\n\n" + line)
        outcomes = list(doc.outcomes())
        if len(outcomes) != 1 or not isinstance(outcomes[0], _OUTCOME_CLASS[kind]):
            failures.append(f"{words!r}: {[type(o).__name__ for o in outcomes]}")
            continue
        outcome = outcomes[0]
        said = outcome.text or " ".join(p.text for p in outcome.points)
        if not said.strip() or said.strip() == words:
            failures.append(f"{words!r}: empty text {outcome.text!r}")
    assert not failures, failures


def test_user_vocabulary_folder_is_merged_with_the_shipped_one(tmp_path: Path) -> None:
    extra = tmp_path / "our-council"
    extra.mkdir()
    (extra / "resolution.txt").write_text("# how our clerk writes it\ndetermined\n", encoding="utf-8")
    text = (
        _HEAD + "1. Library Opening Hours\n\nIt was DETERMINED that the report be noted.\n\n"
        "RESOLVED that the plan be adopted.\n"
    )
    plain = scrutinykit.parse(text)
    assert len([o for o in plain.outcomes() if isinstance(o, Resolution)]) == 1
    doc = scrutinykit.parse(text, vocabulary=extra)
    assert len([o for o in doc.outcomes() if isinstance(o, Resolution)]) == 2
    # the shipped parser is untouched by a vocabulary of one's own
    assert len([o for o in scrutinykit.parse(text).outcomes() if isinstance(o, Resolution)]) == 1


def test_a_vocabulary_file_that_names_no_list_is_a_clear_error(tmp_path: Path) -> None:
    extra = tmp_path / "ours"
    extra.mkdir()
    (extra / "resolutions.txt").write_text("determined\n", encoding="utf-8")
    with pytest.raises(GrammarError, match=r"resolutions\.txt: no phrase list is called 'resolutions'"):
        scrutinykit.parse(_HEAD + "RESOLVED that it be noted.\n", vocabulary=extra)
    with pytest.raises(GrammarError, match="does not exist"):
        scrutinykit.parse(_HEAD + "RESOLVED that it be noted.\n", vocabulary=tmp_path / "missing")


def test_an_unknown_flag_names_its_file_and_line(tmp_path: Path) -> None:
    extra = tmp_path / "ours"
    extra.mkdir()
    (extra / "closing.txt").write_text("# closings\nThe proceedings ended | opne\n", encoding="utf-8")
    with pytest.raises(GrammarError, match=r"closing\.txt:2: unknown flag 'opne'"):
        scrutinykit.parse(_HEAD + "RESOLVED that it be noted.\n", vocabulary=extra)


def test_the_variant_rule() -> None:
    forms = {" ".join(f) for f in variants(Phrase(words=("resolved",)))}
    assert forms == {"resolved", "RESOLVED", "Resolved", "R E S O L V E D"}
    forms = {" ".join(f) for f in variants(Phrase(words=("Also", "in", "attendance")))}
    assert {"Also in attendance", "ALSO IN ATTENDANCE", "also in attendance", "Also In Attendance"} <= forms
    assert {" ".join(f) for f in variants(Phrase(words=("NOTED",), flags=frozenset({"upper"})))} == {"NOTED"}


def test_label_forms_work_with_any_spacing_and_a_lead() -> None:
    for line in (
        "UNANIMOUSLY  RESOLVED  that the report be noted.",
        "R E S O L V E D that the report be noted.",
        "Resolved:- That the report be noted.",
        "RESOLVED – That the report be noted.",
    ):
        (outcome,) = scrutinykit.parse(_HEAD + "1. Library Opening Hours\n\n" + line + "\n").outcomes()
        assert isinstance(outcome, Resolution), line
        assert outcome.text.lower().endswith("the report be noted."), (line, outcome.text)


def test_a_present_tense_decision_verb_added_as_data(tmp_path: Path) -> None:
    """The transformer's reading of a label-less decision comes from the vocabulary too."""
    text = _HEAD + "1. Library Opening Hours\n\nThe Committee directs that the parks plan be revised.\n"
    assert scrutinykit.parse(text).outcomes() == ()
    (tmp_path / "present-decision-verbs.txt").write_text("directs\n", encoding="utf-8")
    (outcome,) = scrutinykit.parse(text, vocabulary=tmp_path).outcomes()
    assert isinstance(outcome, Resolution)
    # A council's sentence in the present tense is a motion's words, not its decision.
    council = _HEAD + "1. Library Opening Hours\n\nThis Council resolves to keep the library open.\n"
    assert scrutinykit.parse(council).outcomes() == ()


def test_a_page_mark_added_as_data_refuses_a_new_kind_of_agenda(tmp_path: Path) -> None:
    """The not-minutes families come from the vocabulary: a council's own agenda wording added."""
    agenda = (
        "Harrowgate Scrutiny Panel - Tuesday, 3rd June, 2025 7.00 pm\n\n"
        "1. Bus Shelters\n\nFor the Panel to examine the repair programme.\n\n"
        "2. Parks Strategy\n\nFor the Panel to examine the draft strategy.\n"
    )
    scrutinykit.parse(agenda)  # read as minutes with nothing to say it is not
    (tmp_path / "agenda-marks.txt").write_text("For the Panel to examine\n", encoding="utf-8")
    with pytest.raises(scrutinykit.NotMinutesError, match="an agenda"):
        scrutinykit.parse(agenda, vocabulary=tmp_path)
