"""Tests for scrutinykit.build.readers: dates, times, money, minute numbers, people."""

from __future__ import annotations

import random
from datetime import date, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scrutinykit.build.readers import (
    HONORIFICS,
    ROLE_WORDS,
    PersonParts,
    counted_after,
    find_counts,
    find_dates,
    find_minute_numbers,
    find_money,
    find_percentages,
    find_times,
    parse_date,
    parse_person,
    parse_time,
    split_name_list,
)

SPAN_FINDERS = (find_dates, find_times, find_money, find_percentages, find_minute_numbers)

# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Tuesday 19 September 2017", date(2017, 9, 19), id="weekday-dmy"),
        pytest.param(
            "Minutes of the meeting held on Tuesday 20 June 2017",
            date(2017, 6, 20),
            id="in-sentence",
        ),
        pytest.param("19 September 2017", date(2017, 9, 19), id="dmy"),
        pytest.param("19th September, 2017", date(2017, 9, 19), id="ordinal-comma"),
        pytest.param("Wednesday, 15th January, 2025", date(2025, 1, 15), id="weekday-comma"),
        pytest.param("Thursday 1st of July 2021", date(2021, 7, 1), id="of-month"),
        pytest.param("September 19, 2017", date(2017, 9, 19), id="mdy"),
        pytest.param("Tuesday, September 19, 2017", date(2017, 9, 19), id="weekday-mdy"),
        pytest.param("19 Sept 2017", date(2017, 9, 19), id="sept"),
        pytest.param("3 Mar. 2022", date(2022, 3, 3), id="abbrev-dot"),
        pytest.param("held on 3 MAY 2022", date(2022, 5, 3), id="upper-case"),
        pytest.param("19/09/2017", date(2017, 9, 19), id="slashes"),
        pytest.param("19.09.2017", date(2017, 9, 19), id="dots"),
        pytest.param("19-09-2017", date(2017, 9, 19), id="dashes"),
        pytest.param("2017-09-19", date(2017, 9, 19), id="iso"),
        pytest.param("29 Feb 2024", date(2024, 2, 29), id="leap-day"),
        pytest.param("31 February 2017, then 1 March 2017", date(2017, 3, 1), id="skip-invalid"),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    """parse_date returns the first valid date in each written form."""
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("Item 5 of 2017", id="item-of-year"),
        pytest.param("31 February 2017", id="invalid-day"),
        pytest.param("19 Marching 2017", id="not-a-month"),
        pytest.param("Mayor 19, 2017", id="mayor"),
        pytest.param("the 2017/18 budget", id="financial-year"),
        pytest.param("version 1.19/09/2017", id="glued-number"),
        pytest.param("19 September", id="no-year"),
    ],
)
def test_parse_date_none(text: str) -> None:
    """parse_date returns None when no valid date is written."""
    assert parse_date(text) is None
    assert find_dates(text) == []


def test_find_dates_spans() -> None:
    """find_dates returns every date with a span that includes the weekday."""
    text = "Held on Tuesday 19 September 2017; next on 2017-10-17 (not 30/02/2018)."
    found = find_dates(text)
    assert [value for _, _, value in found] == [date(2017, 9, 19), date(2017, 10, 17)]
    assert [text[s:e] for s, e, _ in found] == ["Tuesday 19 September 2017", "2017-10-17"]


# --------------------------------------------------------------------------
# Times
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("at 6.30pm", time(18, 30), id="dot-pm"),
        pytest.param("The meeting ended at 9.15pm", time(21, 15), id="ended"),
        pytest.param("6.30 pm", time(18, 30), id="space-pm"),
        pytest.param("6.30 p.m.", time(18, 30), id="dotted-pm"),
        pytest.param("6:30pm", time(18, 30), id="colon-pm"),
        pytest.param("10am", time(10, 0), id="hour-am"),
        pytest.param("10.00 a.m.", time(10, 0), id="dotted-am"),
        pytest.param("12.00pm", time(12, 0), id="twelve-pm"),
        pytest.param("12am", time(0, 0), id="twelve-am"),
        pytest.param("18:30", time(18, 30), id="24h-colon"),
        pytest.param("18.30", time(18, 30), id="24h-dot"),
        pytest.param("at 06.30", time(6, 30), id="leading-zero"),
        pytest.param("The meeting started at 6.30", time(6, 30), id="context-word"),
        pytest.param("12 noon", time(12, 0), id="twelve-noon"),
        pytest.param("adjourned until noon", time(12, 0), id="noon"),
        pytest.param("midday", time(12, 0), id="midday"),
        pytest.param("from 7.15pm", time(19, 15), id="from"),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    """parse_time returns the first clock time in each written form."""
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("6.30", id="ambiguous-bare"),
        pytest.param("in the afternoon", id="afternoon"),
        pytest.param("10 amendments", id="amendments"),
        pytest.param("19.09.2017", id="date"),
        pytest.param("£12.50", id="money"),
        pytest.param("a rise of 15.25%", id="percentage"),
        pytest.param("at 25.30", id="bad-hour"),
        pytest.param("at 6.75pm", id="bad-minute"),
        pytest.param("2307.01", id="minute-number"),
    ],
)
def test_parse_time_none(text: str) -> None:
    """parse_time returns None for numbers that are not clock times."""
    assert parse_time(text) is None
    assert find_times(text) == []


def test_find_times_spans_leave_out_context() -> None:
    """find_times spans cover the time only, not the word before it."""
    text = "Members met from 09:30 to 10:45 and again at 6pm."
    found = find_times(text)
    assert [value for _, _, value in found] == [time(9, 30), time(10, 45), time(18, 0)]
    assert [text[s:e] for s, e, _ in found] == ["09:30", "10:45", "6pm"]


# --------------------------------------------------------------------------
# Money and percentages
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "written"),
    [
        pytest.param("£1.1 million saving", Decimal("1100000"), "£1.1 million", id="million"),
        pytest.param("£25million", Decimal("25000000"), "£25million", id="glued-million"),
        pytest.param("£2.5m", Decimal("2500000"), "£2.5m", id="m"),
        pytest.param("£0.5m.", Decimal("500000"), "£0.5m", id="half-m"),
        pytest.param("£300k", Decimal("300000"), "£300k", id="k"),
        pytest.param("£1bn", Decimal("1000000000"), "£1bn", id="bn"),
        pytest.param("£1 billion", Decimal("1000000000"), "£1 billion", id="billion"),
        pytest.param("£3,500", Decimal("3500"), "£3,500", id="thousands-comma"),
        pytest.param("£12.50", Decimal("12.50"), "£12.50", id="pence"),
        pytest.param("£1,000,000.99 each", Decimal("1000000.99"), "£1,000,000.99", id="big"),
        pytest.param("£5 more", Decimal("5"), "£5", id="word-after"),
        pytest.param("£1.23456789bn", Decimal("1234567890"), "£1.23456789bn", id="exact"),
    ],
)
def test_find_money(text: str, expected: Decimal, written: str) -> None:
    """find_money gives exact pounds and a span over the amount as written."""
    [(start, end, value)] = find_money(text)
    assert value == expected
    assert isinstance(value, Decimal)
    assert text[start:end] == written


def test_find_money_scaled_is_whole() -> None:
    """A scaled whole amount carries no fractional digits."""
    [(_, _, value)] = find_money("£1.1 million")
    assert str(value) == "1100000"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("£", id="pound-alone"),
        pytest.param("££ and £.", id="pounds-no-digits"),
        pytest.param("1.1 million", id="no-pound"),
    ],
)
def test_find_money_none(text: str) -> None:
    """find_money finds nothing where no amount follows a pound sign."""
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("24% of agency staff", Decimal("24"), id="percent-sign"),
        pytest.param("7.5 per cent", Decimal("7.5"), id="per-cent"),
        pytest.param("12 percent", Decimal("12"), id="percent-word"),
        pytest.param("a 3 % rise", Decimal("3"), id="spaced-sign"),
    ],
)
def test_find_percentages(text: str, expected: Decimal) -> None:
    """find_percentages returns each percentage as a Decimal."""
    assert [value for _, _, value in find_percentages(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("%", id="sign-alone"),
        pytest.param("percentage 5", id="percentage-word"),
        pytest.param("24 people", id="no-percent"),
    ],
)
def test_find_percentages_none(text: str) -> None:
    """find_percentages finds nothing without a number and a percent mark."""
    assert find_percentages(text) == []


# --------------------------------------------------------------------------
# Minute numbers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A26/17 Apologies for absence", ["A26/17"], id="letter-prefix"),
        pytest.param("77/21 and C41/24", ["77/21", "C41/24"], id="two"),
        pytest.param("CYP.12 Declarations", ["CYP.12"], id="committee-code"),
        pytest.param("2307.01 Minutes", ["2307.01"], id="yymm"),
        pytest.param("Cou/286/07-08", ["Cou/286/07-08"], id="council-code"),
        pytest.param("as set out in Minute 45 above", ["45"], id="minute-word"),
        pytest.param("see Minute No. 512.", ["512"], id="minute-no"),
        pytest.param("see minute A26/17", ["A26/17"], id="minute-with-code"),
    ],
)
def test_find_minute_numbers(text: str, expected: list[str]) -> None:
    """find_minute_numbers returns references as written, spans over each."""
    found = find_minute_numbers(text)
    assert [value for _, _, value in found] == expected
    assert all(text[s:e] == value for s, e, value in found)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("the 2017/18 budget", id="financial-year"),
        pytest.param("the 2017/2018 budget", id="long-financial-year"),
        pytest.param("19/09/2017", id="date"),
        pytest.param("£2307.01", id="money"),
        pytest.param("2399.01", id="not-yymm"),
        pytest.param("1/2 and 24/7", id="fractions"),
        pytest.param("Item 5 of 2017", id="item"),
    ],
)
def test_find_minute_numbers_none(text: str) -> None:
    """find_minute_numbers ignores dates, money, fractions and financial years."""
    assert find_minute_numbers(text) == []


# --------------------------------------------------------------------------
# Name lists
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Councillors Ann Example, Bob Sample, Cara Tester, Dan Placeholder and Eve Dummy",
            ["Ann Example", "Bob Sample", "Cara Tester", "Dan Placeholder", "Eve Dummy"],
            id="councillors",
        ),
        pytest.param(
            "Present: Councillors Jan Example (Chair), Bob Sample (Vice-Chair, from 7.15pm) & Cat Test.",
            ["Jan Example (Chair)", "Bob Sample (Vice-Chair, from 7.15pm)", "Cat Test"],
            id="label-and-ampersand",
        ),
        pytest.param(
            "Councillor A Example (Chair, from 7pm); Mr B Sample and Dr C Tester.",
            ["Councillor A Example (Chair, from 7pm)", "Mr B Sample", "Dr C Tester"],
            id="singular-kept",
        ),
        pytest.param(
            "Cllrs J. B. Example, K. Sample, and L. T.",
            ["J. B. Example", "K. Sample", "L. T."],
            id="oxford-comma-initials",
        ),
        pytest.param("Jan Example", ["Jan Example"], id="one"),
    ],
)
def test_split_name_list(text: str, expected: list[str]) -> None:
    """split_name_list splits outside brackets and drops plural titles."""
    assert [text[s:e] for s, e in split_name_list(text)] == expected


@pytest.mark.parametrize("text", ["", "   ", " and , ; & ", "Councillors "])
def test_split_name_list_empty(text: str) -> None:
    """split_name_list returns no spans when there are no entries."""
    assert split_name_list(text) == []


# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "honorific", "name", "role", "description", "note"),
    [
        pytest.param(
            "Councillor Jan Example (Chairman)",
            "Councillor",
            "Jan Example",
            "Chairman",
            None,
            None,
            id="councillor-chairman",
        ),
        pytest.param(
            "Elaine Sample, Diocesan co-optee",
            None,
            "Elaine Sample",
            None,
            "Diocesan co-optee",
            None,
            id="diocesan-co-optee",
        ),
        pytest.param(
            "Dave Tester, teacher representative co-optee",
            None,
            "Dave Tester",
            None,
            "teacher representative co-optee",
            None,
            id="teacher-co-optee",
        ),
        pytest.param(
            "Councillor Alisa Example, Cabinet Member for Children, Young People and Learning",
            "Councillor",
            "Alisa Example",
            None,
            "Cabinet Member for Children, Young People and Learning",
            None,
            id="cabinet-member",
        ),
        pytest.param(
            "Sarah Sample, Head of Commissioning and Improvement (People)",
            None,
            "Sarah Sample",
            None,
            "Head of Commissioning and Improvement (People)",
            None,
            id="job-title-with-brackets",
        ),
        pytest.param(
            "Head of SEND - Pat Example",
            None,
            "Pat Example",
            None,
            "Head of SEND",
            None,
            id="role-dash-name",
        ),
        pytest.param(
            "Pat Example – Head of SEND",
            None,
            "Pat Example",
            None,
            "Head of SEND",
            None,
            id="name-dash-role",
        ),
        pytest.param(
            "Councillor A Example (Chair, from 7pm)",
            "Councillor",
            "A Example",
            "Chair",
            None,
            "from 7pm",
            id="chair-and-note",
        ),
        pytest.param(
            "Councillor Jan Example (Vice Chair)",
            "Councillor",
            "Jan Example",
            "Vice-Chair",
            None,
            None,
            id="vice-chair-normalised",
        ),
        pytest.param(
            "Cllr Jan Example (vice-chairman.)",
            "Cllr",
            "Jan Example",
            "Vice-Chairman",
            None,
            None,
            id="vice-chairman-lower-case",
        ),
        pytest.param(
            "Councillor Jan Example (substitute)",
            "Councillor",
            "Jan Example",
            None,
            None,
            "substitute",
            id="substitute",
        ),
        pytest.param(
            "Councillor Jan Example in the Chair",
            "Councillor",
            "Jan Example",
            "in the Chair",
            None,
            None,
            id="in-the-chair-suffix",
        ),
        pytest.param(
            "Councillor Jan Example (Vice-Chairman in the Chair)",
            "Councillor",
            "Jan Example",
            "in the Chair",
            None,
            "Vice-Chairman",
            id="vice-in-the-chair",
        ),
        pytest.param(
            "Dr Rachel Example",
            "Dr",
            "Dr Rachel Example",
            None,
            None,
            None,
            id="doctor-kept",
        ),
        pytest.param(
            "Councillor Dr Jo Sample MBE (Deputy Chair)",
            "Councillor",
            "Dr Jo Sample",
            "Deputy Chair",
            None,
            None,
            id="post-nominal",
        ),
        pytest.param(
            "Councillors Jan Example.",
            "Councillor",
            "Jan Example",
            None,
            None,
            None,
            id="plural-title",
        ),
        pytest.param(
            "Cllr. Bob Example JP",
            "Cllr",
            "Bob Example",
            None,
            None,
            None,
            id="cllr",
        ),
        pytest.param(
            "County Councillor Mo Tester",
            "County Councillor",
            "Mo Tester",
            None,
            None,
            None,
            id="county-councillor",
        ),
        pytest.param(
            "Alderman Tom de Example",
            "Alderman",
            "Tom de Example",
            None,
            None,
            None,
            id="alderman-particle",
        ),
        pytest.param(
            "Detective Inspector Sam Example, Exampleshire Police",
            "Detective Inspector",
            "Sam Example",
            None,
            "Exampleshire Police",
            None,
            id="police-rank",
        ),
        pytest.param(
            "Canon Jo Sample, Diocesan representative",
            "Canon",
            "Canon Jo Sample",
            None,
            "Diocesan representative",
            None,
            id="canon",
        ),
        pytest.param(
            "Mrs Ann O'Example-Sample",
            "Mrs",
            "Mrs Ann O'Example-Sample",
            None,
            None,
            None,
            id="apostrophe-hyphen",
        ),
        pytest.param(
            "Jan Example, Vice-Chair",
            None,
            "Jan Example",
            "Vice-Chair",
            None,
            None,
            id="role-after-comma",
        ),
        pytest.param(
            "Chairman: Councillor Jan Example",
            "Councillor",
            "Jan Example",
            "Chairman",
            None,
            None,
            id="role-label",
        ),
        pytest.param(
            "Deputy Mel Example",
            "Deputy",
            "Mel Example",
            None,
            None,
            None,
            id="deputy-before-a-name",
        ),
        pytest.param(
            "District Cllr K Sample",
            "District Cllr",
            "K Sample",
            None,
            None,
            None,
            id="district-cllr",
        ),
        pytest.param(
            "Councillor Tester, Vice Convener",
            "Councillor",
            "Tester",
            "Vice-Convener",
            None,
            None,
            id="convener",
        ),
    ],
)
def test_parse_person(
    text: str,
    honorific: str | None,
    name: str,
    role: str | None,
    description: str | None,
    note: str | None,
) -> None:
    """parse_person splits title, name, role, description and notes."""
    person = parse_person(text)
    assert person is not None
    assert (person.honorific, person.name, person.role, person.description, person.note) == (
        honorific,
        name,
        role,
        description,
        note,
    )
    assert text[person.name_start : person.name_end] == person.name


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("Councillor", id="title-only"),
        pytest.param("Mr", id="honorific-only"),
        pytest.param("(Chair)", id="role-only"),
        pytest.param("£5", id="money"),
        pytest.param("Director of Finance", id="job-title"),
        pytest.param("Chief Executive", id="role-words"),
        pytest.param("the meeting was quorate", id="prose"),
        pytest.param("Item 5", id="item"),
        pytest.param("Vice Chair", id="chairing-role-alone"),
        pytest.param("Depute Convener", id="scottish-chairing-role-alone"),
    ],
)
def test_parse_person_none(text: str) -> None:
    """parse_person returns None when there is no plausible name."""
    assert parse_person(text) is None


def test_parse_person_is_named_tuple() -> None:
    """PersonParts is a NamedTuple with the documented field order."""
    person = parse_person("Councillor Jan Example (Chair)")
    assert isinstance(person, PersonParts)
    assert person._fields == (
        "honorific",
        "name",
        "role",
        "description",
        "note",
        "name_start",
        "name_end",
    )


def test_vocabulary_constants() -> None:
    """ROLE_WORDS and HONORIFICS are tuples holding the key words."""
    assert isinstance(ROLE_WORDS, tuple)
    assert isinstance(HONORIFICS, tuple)
    assert {"Head", "Director", "Officer", "Manager", "Member"} <= set(ROLE_WORDS)
    assert {"Councillor", "Cllr", "Alderman", "Mr", "Dr", "Canon"} <= set(HONORIFICS)


# --------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------

FRAGMENTS = [
    "Councillor",
    "Councillors",
    "Cllr",
    "Dr",
    "Jan",
    "Example",
    "(",
    ")",
    "Chair",
    ",",
    ";",
    "and",
    "&",
    "-",
    "–",
    "19",
    "September",
    "2017",
    "Tuesday",
    "6.30",
    "pm",
    "at",
    "noon",
    "£",
    "1.1",
    "million",
    "m",
    "k",
    "%",
    "per cent",
    "Minute",
    "No.",
    "A26/17",
    "/",
    ".",
    ":",
    "MBE",
    "in the Chair",
    "Head of",
    "0",
    "12",
    "\u00a0",
    "\n",
    "İ",
    "ſ",
]

inline_text = st.one_of(
    st.text(),
    st.text(alphabet="0123456789£/.,:;-–()[]% &apmkAPMnoCcJjuSsehirt"),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join),
)


@given(inline_text)
def test_every_function_accepts_any_text(text: str) -> None:
    """Every extractor takes arbitrary text without raising, spans in bounds."""
    for finder in SPAN_FINDERS:
        found = finder(text)
        assert isinstance(found, list)
        for start, end, _ in found:
            assert 0 <= start < end <= len(text)
        starts = [start for start, _, _ in found]
        assert starts == sorted(starts)
    for start, end, ref in find_minute_numbers(text):
        assert text[start:end] == ref
    previous_end = 0
    for start, end in split_name_list(text):
        assert previous_end <= start < end <= len(text)
        previous_end = end
    parse_date(text)
    parse_time(text)
    person = parse_person(text)
    if person is not None:
        assert 0 <= person.name_start < person.name_end <= len(text)
        assert text[person.name_start : person.name_end] == person.name


def test_long_line_without_newline() -> None:
    """A 200 KB line of digits, letters, pound signs and slashes is handled."""
    rng = random.Random(20170919)
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz£/"
    text = "".join(rng.choice(alphabet) for _ in range(200_000))
    for finder in SPAN_FINDERS:
        assert all(0 <= s < e <= len(text) for s, e, _ in finder(text))
    assert all(0 <= s < e <= len(text) for s, e in split_name_list(text))
    assert parse_person(text) is None
    assert find_times(text) == []  # no spaces, dots or colons: no clock times

    slashes = "1/" * 100_000
    assert find_minute_numbers(slashes) == []
    assert find_dates(slashes) == []
    assert find_money("£" * 200_000) == []
    digits = "7" * 200_000
    assert find_dates(digits) == []
    assert find_times(digits) == []
    assert find_percentages(digits) == []

    tail = digits + " Tuesday 19 September 2017"
    assert parse_date(tail) == date(2017, 9, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the average was about 16 cases per officer.", [(Decimal("16"), "cases per officer")]),
        ("Ofsted made 21 recommendations, 19 of which", [(Decimal("21"), "recommendations")]),
        ("between 12 and 20 visits per month", [(Decimal("20"), "visits per month")]),
        ("36 additional beds opened", [(Decimal("36"), "additional beds")]),
        ("a plan for the next 12 months given the risk", [(Decimal("12"), "months")]),
        ("by 3 October and on 9 October 2024", []),
        ("see agenda item 5 and page 12 notes", []),
        ("quarter 3 and 4 overspend", []),
        ("in 2017 the service", []),
        ("at 10 am the panel", []),
        ("aged 0-5 years", []),
        ("24% of staff and £5m saving", []),
    ],
)
def test_find_counts(text: str, expected: list[tuple[Decimal, str]]) -> None:
    """Counts come with what they count; dates, labels, years and times are not counts."""
    assert [(value, unit) for _, _, value, unit in find_counts(text)] == expected


def test_counted_after_percent_and_money() -> None:
    """A percentage counts only "of …"; money only a money word."""
    assert counted_after("24% of agency staff", 3, of_only=True) == ("of agency staff", 19)
    assert counted_after("80% two years ago", 3, of_only=True) is None
    assert counted_after("£1.1 million saving would", 12, money=True) == ("saving", 19)
    assert counted_after("£25million right sized money", 10, money=True) is None


@given(st.text(max_size=300))
def test_find_counts_never_raises(text: str) -> None:
    """find_counts accepts any text; spans lie inside it."""
    for start, end, _, unit in find_counts(text):
        assert 0 <= start < end <= len(text)
        assert unit


# The count and percentage patterns test "no digit or word before" after their
# first digit (so that they open with a character class); these are the
# patterns as first written, with the look-behind in front.
_NUMBER_AS_WRITTEN = (
    r"(?P<int>[0-9]{1,3}(?:,[0-9]{3}){1,5}|[0-9]{1,15})(?![0-9])(?:\.(?P<frac>[0-9]{1,8})(?![0-9]))?"
)
_PATTERNS_AS_WRITTEN = {
    "_PERCENT_RE": (
        rf"(?<![0-9.,]){_NUMBER_AS_WRITTEN}\s{{0,2}}(?:[%％]|(?i:per\s{{0,2}}cent|percent)(?![^\W\d_]))",
        ("int", "frac"),
    ),
    "_COUNT_RE": (
        r"(?<![\w£$€.,/:#-])(?P<n>[0-9]{1,3}(?:,[0-9]{3}){1,4}|[0-9]{1,9})(?![0-9.,/:%£-]|\.[0-9])"
        r"(?=\s{1,3}[a-z])",
        ("n",),
    ),
}
_NUMBER_PIECES = [
    *"0123456789",
    *(",", ".", " ", "%", "％", "£", "$", "€", "/", ":", "#", "-", "a", "Z", "_", "٣", "\u00a0", "\n"),
    *(" per cent", "percent", "PER CENT", " cases", " of", ",000", "1,234", "12.5"),
]


@pytest.mark.parametrize("name", sorted(_PATTERNS_AS_WRITTEN))
def test_digit_first_patterns_match_as_written(name: str) -> None:
    """The reordered count and percentage patterns find exactly the spans and groups of the originals."""
    import re

    from scrutinykit.build.readers import counts, money

    written, groups = _PATTERNS_AS_WRITTEN[name]
    original, ours = re.compile(written), getattr(money if name == "_PERCENT_RE" else counts, name)
    rnd = random.Random(20240611)
    for _ in range(20000):
        text = "".join(rnd.choice(_NUMBER_PIECES) for _ in range(rnd.randint(1, 14)))
        want = [(m.span(), *(m.span(g) for g in groups)) for m in original.finditer(text)]
        assert [(m.span(), *(m.span(g) for g in groups)) for m in ours.finditer(text)] == want, text


def test_date_finders_skip_text_without_a_year() -> None:
    """Text without four digits in a row holds no date; with them the full pattern still decides."""
    assert find_dates("Tuesday 19 September, no year") == []
    assert parse_date("19/09/17") is None
    assert find_dates("Tuesday 19 September 2017") == [(0, 25, date(2017, 9, 19))]
    assert parse_date("on 2017-09-19.") == date(2017, 9, 19)


def test_parse_person_kept_answer_is_the_same() -> None:
    """Asking twice about the same entry gives the same parts (the answer is kept, not recomputed)."""
    entry = "Councillor Jan Example (Chairman)"
    assert parse_person(entry) == parse_person(entry) == parse_person.__wrapped__(entry)
