"""The facts each seed must yield (issue: end to end on the seed minutes)."""

from __future__ import annotations

import datetime

import scrutinykit as sk
from scrutinykit import (
    Conclusion,
    DocumentKind,
    ItemKind,
    Recommendation,
    Resolution,
)


def test_002_meeting(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 002 is a whole meeting on 19 Sep 2017 from 18:30 to 21:15."""
    doc = seed_docs["002"]
    assert doc.kind is DocumentKind.MEETING
    assert doc.meeting.date == datetime.date(2017, 9, 19)
    assert doc.meeting.start_time == datetime.time(18, 30)
    assert doc.meeting.end_time == datetime.time(21, 15)
    assert doc.meeting.committee == "CHILDREN AND YOUNG PEOPLE SCRUTINY SUB-COMMITTEE"


def test_002_attendance(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 002 lists the chair, 6 members, 2 co-optees, 1 also attending, no apologies."""
    a = seed_docs["002"].attendance
    assert [p.name for p in a.present] == [
        "Jan Buttinger",
        "Sean Fitzsimons",
        "Maddie Henson",
        "Bernadette Khan",
        "Andrew Rendle",
        "Andy Stranack",
    ]
    assert a.present[0].role == "Chairman"
    assert all(p.honorific == "Councillor" for p in a.present)
    assert [(p.name, p.description) for p in a.co_optees] == [
        ("Elaine Jones", "Diocesan co-optee"),
        ("Dave Harvey", "teacher representative co-optee"),
    ]
    assert [(p.name, p.description) for p in a.also_attending] == [
        ("Alisa Flemming", "Cabinet Member for Children, Young People and Learning")
    ]
    assert a.apologies == ()


def test_002_items(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 002 has items A26/17 to A31/17 and the Children's Workforce (item 7)."""
    items = seed_docs["002"].items
    assert [i.minute_number for i in items] == [
        "A26/17",
        "A27/17",
        "A28/17",
        "A29/17",
        "A30/17",
        "A31/17",
        None,
    ]
    assert [i.kind for i in items] == [
        ItemKind.APOLOGIES,
        ItemKind.DECLARATIONS,
        ItemKind.PREVIOUS_MINUTES,
        ItemKind.URGENT_BUSINESS,
        ItemKind.EXEMPT_ITEMS,
        ItemKind.SUBSTANTIVE,
        ItemKind.SUBSTANTIVE,
    ]
    assert items[6].title == "The Children's Workforce"
    assert items[6].agenda_number == "7"
    assert items[0].agenda_number == "1"
    previous = items[2]
    assert previous.previous_minutes_date == datetime.date(2017, 6, 20)
    assert previous.previous_minutes_agreed is True


def test_002_officers_for_item(seed_docs: dict[str, sk.Document]) -> None:
    """Two officers attended for item A31/17, with job titles."""
    item = seed_docs["002"].items[5]
    assert [(p.name, p.description) for p in item.officers] == [
        ("Sarah Warman", "Head of Commissioning and Improvement (People)"),
        ("Sarah Moorman", "Director of Human Resources"),
    ]


def test_002_resolutions(seed_docs: dict[str, sk.Document]) -> None:
    """A31/17 records an agreement, then a 3-point resolution; item 7 a one-paragraph resolution."""
    doc = seed_docs["002"]
    agreement, three = doc.items[5].outcomes()
    assert isinstance(agreement, sk.Agreement)
    assert agreement.made_by == "Members"
    # One rule for every outcome: the label and the "that" are fields, text is what was agreed.
    assert (agreement.label, agreement.that) == ("Members agreed", "that")
    assert agreement.text.startswith("the Improvement Plan would be monitored")
    assert isinstance(three, Resolution)
    assert [p.label for p in three.points] == ["1", "2", "3"]
    assert three.points[1].text.startswith("That the plan should include")
    (one,) = doc.items[6].outcomes()
    assert isinstance(one, Resolution)
    assert one.points == ()
    assert one.that == "That"
    assert one.text.startswith("consideration should be given to running a dedicated staff")
    assert doc.text_of(one).startswith("RESOLVED:")
    assert doc.text_of(one).endswith("lead to swift improvements")


def test_000_conclusions_and_recommendations(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 000 (an item page) has 6 conclusions and 4 recommendations."""
    doc = seed_docs["000"]
    assert doc.kind is DocumentKind.AGENDA_ITEM
    (item,) = doc.items
    assert item.notes == ("Report to follow",)
    conclusion, recommendation = item.outcomes()
    assert isinstance(conclusion, Conclusion)
    assert len(conclusion.points) == 6
    assert conclusion.made_by == "Sub-Committee"
    assert isinstance(recommendation, Recommendation)
    assert len(recommendation.points) == 4
    assert recommendation.made_by == "Sub-Committee"


def test_001_budget_proposals(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 001 puts 3 questions and two budget proposals with 6 and 7 conclusions."""
    (item,) = seed_docs["001"].items
    assert item.title == "Budget Scrutiny Challenge"
    questions = item.scrutiny_questions()
    assert len(questions) == 3
    assert questions[0].text == "Are the savings deliverable, sustainable and not an unacceptable risk?"
    first, second = item.budget_proposals()
    assert first.reference == "2024-28 SAV CYPE 001"
    assert first.title == "Children's Social Care staffing budget realignment"
    assert second.reference == "2024-28 SAV CYPE 003"
    assert [len(o.points) for o in first.outcomes()] == [6]
    assert [len(o.points) for o in second.outcomes()] == [7]
    assert all(isinstance(o, Conclusion) for o in item.outcomes())


def test_003_one_resolution(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 003 has exactly one resolution, written on one line."""
    (item,) = seed_docs["003"].items
    (resolution,) = item.outcomes()
    assert isinstance(resolution, Resolution)
    assert (resolution.label, resolution.that) == ("Resolved", "That")
    assert resolution.text.startswith("the Cabinet Member and Officers be congratulated")


def test_004_conclusions_and_recommendations(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 004 has 4 conclusions and 2 recommendations."""
    (item,) = seed_docs["004"].items
    assert [(type(o), len(o.points)) for o in item.outcomes()] == [(Conclusion, 4), (Recommendation, 2)]
    assert item.notes == ("To follow",)
    assert item.title == "Early Help CSC and Education Dashboard"


def test_figures_are_typed_decimals(seed_docs: dict[str, sk.Document]) -> None:
    """Money and percentages become Decimal figures with spans."""
    from decimal import Decimal

    figures = [f for f in seed_docs["001"].figures if f.kind is not sk.FigureKind.COUNT]
    assert [(f.kind.value, f.value, f.unit) for f in figures] == [
        ("percentage", Decimal("7"), None),
        ("money", Decimal("1100000"), "saving"),
        ("money", Decimal("1100000"), "saving"),
    ]
    doc = seed_docs["000"]
    (money,) = [f for f in doc.figures if f.kind is sk.FigureKind.MONEY]
    assert money.value == Decimal("25000000")
    assert doc.text_of(money) == "£25million"
    (agency,) = [f for f in doc.figures if f.value == 24]
    assert (agency.unit, doc.text_of(agency)) == ("of agency staff", "24% of agency staff")


def test_counts_say_what_they_count(seed_docs: dict[str, sk.Document]) -> None:
    """Counts in seed 002: 21 recommendations, about 16 and 20 cases per officer."""
    from decimal import Decimal

    doc = seed_docs["002"]
    counts = [(f.value, f.unit, doc.text_of(f)) for f in doc.figures if f.kind is sk.FigureKind.COUNT]
    assert (Decimal("21"), "recommendations", "21 recommendations") in counts
    assert (Decimal("16"), "cases per officer", "about 16 cases per officer") in counts
    assert (Decimal("20"), "cases per officer", "20 cases per officer") in counts
    assert not [c for c in counts if c[0] in (3, 9, 17, 2017)]  # dates are not counts


def test_002_proceedings(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 002: two undertakings, the requests to circulate the plan, monitoring every meeting."""
    doc = seed_docs["002"]
    cabinet, director = doc.actions()[0], doc.actions()[-1]
    assert cabinet.kind is sk.CommitmentKind.UNDERTAKING
    assert cabinet.owner is not None
    assert cabinet.owner.kind is sk.SpeakerKind.CABINET_MEMBER
    assert cabinet.owner.name == "Alisa Flemming"
    assert cabinet.text == "take up this issue with the Executive Director (People)"
    assert director.kind is sk.CommitmentKind.UNDERTAKING
    assert director.owner is not None
    assert director.owner.kind is sk.SpeakerKind.OFFICER
    assert director.owner.name == "Sarah Moorman"
    assert director.text == "share these views with senior management"
    monitored = [c for c in doc.actions() if c.due is not None and c.due.kind is sk.DueKind.RECURRING]
    assert [c.due.text for c in monitored if c.due] == [
        "every meeting of the sub-committee during this municipal year"
    ]
    requests = [c.text for c in doc.requests() if not c.in_outcome]
    assert requests[0].startswith("the up-to-date Improvement Plan to be circulated")
    assert "Red Amber Green" in requests[1]
    assert len(doc.exchanges()) >= 10
    assert any(s.kind is sk.StanceKind.UNCONVINCED for s in doc.stances())
    assert any(s.kind is sk.StanceKind.CONCERN and "serious" in s.phrase for s in doc.stances())
    refs = [(r.kind, r.date) for r in doc.references()]
    assert (sk.ReferenceKind.MEETING, datetime.date(2017, 6, 20)) in refs
    assert (sk.ReferenceKind.DOCUMENT, datetime.date(2017, 9, 4)) in refs


def test_000_proceedings(seed_docs: dict[str, sk.Document]) -> None:
    """Seed 000: the report due in six months (relative: no meeting date) and the April 2021 meeting."""
    doc = seed_docs["000"]
    assert doc.meeting.date is None
    six, april, april_2021 = doc.requests()
    assert six.due is not None
    assert (six.due.kind, six.due.text, six.due.date) == (sk.DueKind.PERIOD, "six months", None)
    assert april.due is not None
    assert april.due.text == "the April meeting"
    assert april_2021.due is not None
    assert april_2021.due.date == datetime.date(2021, 4, 1)
    assert april_2021.owner is not None
    assert april_2021.owner.text == "Head teachers"
    assert all(c.in_outcome for c in doc.requests())
    exchanges = doc.exchanges()
    assert len(exchanges) == 6
    first = exchanges[0].responses[0].speaker
    assert first is not None
    assert first.kind is sk.SpeakerKind.OFFICER
    assert first.plural
    cabinet = exchanges[1].responses[0].speaker
    assert cabinet is not None
    assert cabinet.kind is sk.SpeakerKind.CABINET_MEMBER
    assert cabinet.portfolio == "Children Young People and Learning"
