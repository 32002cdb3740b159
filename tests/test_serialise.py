"""JSON through cattrs: exact round trips, deterministic output, clear errors."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scrutinykit as sk
from scrutinykit import SerialisationError

from .conftest import SEEDS

# ---------------------------------------------------------------------------
# Strategies for model instances
# ---------------------------------------------------------------------------

spans = st.builds(
    lambda a, b: sk.Span(start=min(a, b), end=max(a, b)),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)
texts = st.text(max_size=40)
names = st.none() | texts
paragraphs = st.builds(sk.Paragraph, span=spans, text=texts)
headings = st.builds(sk.Heading, span=spans, text=texts)
markers = st.builds(sk.Marker, span=spans, kind=st.sampled_from(sk.MarkerKind), text=texts)
points = st.recursive(
    st.builds(sk.Point, span=spans, label=texts, text=texts, points=st.just(())),
    lambda kids: st.builds(
        sk.Point, span=spans, label=texts, text=texts, points=st.lists(kids, max_size=3).map(tuple)
    ),
    max_leaves=6,
)

# Proceedings: every annotation class of issue 3.
speakers = st.builds(
    sk.Speaker,
    span=spans,
    kind=st.sampled_from(sk.SpeakerKind),
    text=texts,
    name=names,
    title=names,
    portfolio=names,
    plural=st.booleans(),
)
statements = st.builds(
    sk.Statement,
    span=spans,
    kind=st.sampled_from(sk.StatementKind),
    speaker=st.none() | speakers,
    phrase=texts,
)
dues = st.builds(
    sk.Due,
    span=spans,
    kind=st.sampled_from(sk.DueKind),
    text=texts,
    relation=names,
    date=st.none() | st.dates(),
)
exchanges = st.builds(
    sk.Exchange, span=spans, question=statements, responses=st.lists(statements, max_size=2).map(tuple)
)
stances = st.builds(
    sk.Stance, span=spans, kind=st.sampled_from(sk.StanceKind), speaker=st.none() | speakers, phrase=texts
)
commitments = st.builds(
    sk.Commitment,
    span=spans,
    kind=st.sampled_from(sk.CommitmentKind),
    text=texts,
    owner=st.none() | speakers,
    due=st.none() | dues,
    in_outcome=st.booleans(),
)
references = st.builds(
    sk.Reference, span=spans, kind=st.sampled_from(sk.ReferenceKind), text=texts, date=st.none() | st.dates()
)
counts = st.none() | st.integers(0, 999)
votes = st.builds(
    sk.Vote,
    span=spans,
    proposer=names,
    seconder=names,
    votes_for=counts,
    votes_against=counts,
    abstentions=counts,
    result=st.none() | st.sampled_from(sk.VoteResult),
    unanimous=st.booleans(),
    amendment=st.booleans(),
)


def outcome(cls: type) -> st.SearchStrategy[object]:
    """Outcomes of one class."""
    return st.builds(
        cls,
        span=spans,
        intro=paragraphs,
        made_by=names,
        body=st.lists(paragraphs, max_size=2).map(tuple),
        points=st.lists(points, max_size=3).map(tuple),
        text=texts,
        implicit=st.booleans(),
        addressee=names,
        due=st.none() | dues,
        duplicate=st.booleans(),
    )


simple_blocks = st.one_of(
    paragraphs,
    headings,
    markers,
    st.builds(sk.Note, span=spans, text=texts),
    st.builds(sk.Furniture, span=spans, text=texts),
    st.builds(sk.MeetingEnd, span=spans, text=texts, time=st.none() | st.times()),
    st.builds(sk.PointList, span=spans, points=st.lists(points, max_size=3).map(tuple)),
    st.builds(
        sk.AttendanceBlock,
        span=spans,
        kind=st.sampled_from(sk.AttendanceKind),
        lines=st.lists(paragraphs | points, max_size=3).map(tuple),
    ),
    outcome(sk.Resolution),
    outcome(sk.Recommendation),
    outcome(sk.Conclusion),
    outcome(sk.Agreement),
    outcome(sk.Decision),
    st.builds(
        sk.ScrutinyQuestions, span=spans, intro=paragraphs, questions=st.lists(points, max_size=3).map(tuple)
    ),
)
blocks = st.one_of(
    simple_blocks,
    st.builds(
        sk.BudgetProposal,
        span=spans,
        heading=headings,
        reference=texts,
        title=texts,
        blocks=st.lists(simple_blocks, max_size=3).map(tuple),
    ),
)
people = st.builds(
    sk.Person,
    span=spans,
    name=texts,
    honorific=names,
    role=names,
    description=names,
    kind=st.sampled_from(sk.AttendanceKind),
)
people_tuples = st.lists(people, max_size=3).map(tuple)
items = st.builds(
    sk.AgendaItem,
    span=spans,
    heading=st.lists(markers | headings, min_size=1, max_size=2).map(tuple),
    title=texts,
    minute_number=names,
    agenda_number=names,
    kind=st.sampled_from(sk.ItemKind),
    agenda=st.lists(blocks, max_size=3).map(tuple),
    sections=st.lists(
        st.builds(
            sk.ItemSection,
            span=spans,
            kind=st.sampled_from(sk.SectionKind),
            label=markers,
            blocks=st.lists(blocks, max_size=3).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    previous_minutes_date=st.none() | st.dates(),
    previous_minutes_agreed=st.none() | st.booleans(),
    officers=people_tuples,
    exchanges=st.lists(exchanges, max_size=2).map(tuple),
    stances=st.lists(stances, max_size=2).map(tuple),
    commitments=st.lists(commitments, max_size=2).map(tuple),
    references=st.lists(references, max_size=2).map(tuple),
    votes=st.lists(votes, max_size=2).map(tuple),
)
documents = st.builds(
    sk.Document,
    source=st.text(max_size=200),
    kind=st.sampled_from(sk.DocumentKind),
    meeting=st.builds(
        sk.Meeting,
        committee=names,
        date=st.none() | st.dates(),
        start_time=st.none() | st.times(),
        end_time=st.none() | st.times(),
        venue=names,
        span=st.none() | spans,
    ),
    attendance=st.builds(
        sk.Attendance,
        present=people_tuples,
        co_optees=people_tuples,
        also_attending=people_tuples,
        officers=people_tuples,
        apologies=st.none() | people_tuples,
        substitutes=people_tuples,
    ),
    front_matter=st.lists(blocks, max_size=3).map(tuple),
    items=st.lists(items, max_size=2).map(tuple),
    closing=st.lists(blocks, max_size=2).map(tuple),
    figures=st.lists(
        st.builds(
            sk.Figure,
            span=spans,
            kind=st.sampled_from(sk.FigureKind),
            value=st.decimals(allow_nan=False, allow_infinity=False),
            text=texts,
            unit=names,
        ),
        max_size=3,
    ).map(tuple),
    encoding=names,
    truncated=st.booleans(),
    format=st.sampled_from(sk.InputFormat),
    pages=st.lists(st.builds(sk.Page, span=spans, number=st.integers(1, 999)), max_size=3).map(tuple),
    links=st.lists(st.builds(sk.Link, span=spans, text=texts, url=texts), max_size=3).map(tuple),
)


def _widest(value: object) -> int:
    """The largest span end anywhere in a model value."""
    if isinstance(value, sk.Span):
        return value.end
    if isinstance(value, tuple):
        return max((_widest(v) for v in value), default=0)
    if attrs.has(type(value)):
        return max((_widest(getattr(value, f.name)) for f in attrs.fields(type(value))), default=0)
    return 0


# A document's spans lie inside its source: pad the source to reach them.
documents = documents.map(
    lambda d: attrs.evolve(d, source=d.source + " " * max(0, _widest(d) - len(d.source)))
)


@settings(max_examples=150, deadline=None)
@given(documents)
def test_generated_documents_round_trip(doc: sk.Document) -> None:
    """Any model instance survives dumps/loads unchanged."""
    assert sk.loads(sk.dumps(doc)) == doc


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_round_trip_is_exact_and_deterministic(path: Path) -> None:
    """Seeds round-trip exactly, and two parses give the same bytes."""
    doc = sk.parse_file(path)
    text = sk.dumps(doc)
    assert sk.loads(text) == doc
    assert sk.dumps(sk.parse_file(path)) == text


def test_json_shape(seed_docs: dict[str, sk.Document]) -> None:
    """The JSON has a schema version, ISO dates and times, and tagged unions."""
    data = json.loads(sk.dumps(seed_docs["002"]))
    assert data["schema_version"] == sk.SCHEMA_VERSION
    assert data["meeting"]["date"] == "2017-09-19"
    assert data["meeting"]["start_time"] == "18:30:00"
    assert data["items"][5]["agenda"][0]["type"] == "attendance_block"
    assert data["items"][6]["agenda"][-1]["type"] == "resolution"
    assert data["items"][0]["span"] == [data["items"][0]["span"][0], data["items"][0]["span"][1]]


def test_decimal_and_dates_convert_with_a_custom_converter() -> None:
    """configure_converter teaches another converter the same rules."""
    import cattrs

    conv = cattrs.Converter()
    sk.configure_converter(conv)
    assert conv.unstructure(Decimal("1.10")) == "1.10"
    assert conv.structure("2017-09-19", datetime.date) == datetime.date(2017, 9, 19)
    assert conv.structure([3, 9], sk.Span) == sk.Span(start=3, end=9)


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ("{}", "schema_version"),
        ('{"schema_version": 99}', "unknown schema_version 99"),
        ('{"schema_version": 1, "source": "x"}', "required field missing"),
    ],
)
def test_bad_json_raises_serialisation_error(text: str, needle: str) -> None:
    """Malformed or foreign JSON raises SerialisationError saying why."""
    with pytest.raises(SerialisationError, match=needle):
        sk.loads(text)


def test_wrong_field_type_names_the_field(seed_docs: dict[str, sk.Document]) -> None:
    """A field of the wrong type is named with its path in the message."""
    data = json.loads(sk.dumps(seed_docs["003"]))
    data["items"][0]["span"] = "everywhere"
    with pytest.raises(SerialisationError, match=r"\$\.items\[0\]\.span"):
        sk.loads(json.dumps(data))


def test_span_past_the_source_is_refused(seed_docs: dict[str, sk.Document]) -> None:
    """A span reaching past the end of the source does not fit the model."""
    data = json.loads(sk.dumps(seed_docs["003"]))
    data["items"][0]["span"] = [0, len(data["source"]) + 5]
    outside = r"span \[0, \d+\] at \$\.items\[0\]\.span lies outside the source"
    with pytest.raises(SerialisationError, match=outside):
        sk.loads(json.dumps(data))


@pytest.mark.parametrize(
    ("where", "value", "expected"),
    [
        (("items", 0, "title"), None, "expected str"),
        (("source",), 5, "expected str"),
        (("items", 0, "previous_minutes_agreed"), "no", "expected bool"),
        (("front_matter",), {}, "expected tuple"),
    ],
)
def test_look_alike_values_are_refused(
    seed_docs: dict[str, sk.Document], where: tuple[object, ...], value: object, expected: str
) -> None:
    """null for a string, a number for text, a string for a flag, an object for a list: refused."""
    data = json.loads(sk.dumps(seed_docs["002"]))
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    with pytest.raises(SerialisationError, match=expected):
        sk.loads(json.dumps(data))
