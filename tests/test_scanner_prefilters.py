"""The proceedings rules' quick tests before a pattern agree with the pattern they stand in front of."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinykit._model import Attendance, Person, Span
from scrutinykit.proceedings import speakers
from scrutinykit.proceedings.text import Triggers

# Words of the patterns, their capitals, the characters that match ASCII
# letters only under IGNORECASE (long s, Kelvin sign, dotless and dotted i),
# punctuation and spaces.
_PIECES = st.sampled_from(
    [
        *speakers._LEAD_WORDS.split("|"),
        *speakers._ADVERB_WORDS.split("|"),
        "However",
        "ALSO",
        "Then",
        "ſubsequently",
        "ın addition",
        "İn summary",
        "K",
        "the",
        "Members",
        ", ",
        " ",
        ",",
        "for ",
        " for ",
        ", Councillor Example,",
        "x",
        "é",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=8).map("".join)


@settings(max_examples=500)
@given(_TEXTS, st.integers(min_value=0, max_value=40))
def test_lead_end_is_the_lead_pattern(text: str, pos: int) -> None:
    """lead_end gives where _LEAD's match ends, at every position."""
    pos = min(pos, len(text))
    m = speakers._LEAD.match(text, pos)
    assert speakers.lead_end(text, pos) == (m.end() if m else pos)


@settings(max_examples=500)
@given(_TEXTS, st.integers(min_value=0, max_value=40))
def test_adverb_end_is_the_adverb_pattern(text: str, pos: int) -> None:
    """_adverb_end gives where _ADVERB's match ends, or the position where it does not match."""
    pos = min(pos, len(text))
    m = speakers._ADVERB.match(text, pos)
    assert speakers._adverb_end(text, pos) == (m.end() if m else pos)


@settings(max_examples=500)
@given(_TEXTS, st.integers(min_value=0, max_value=40))
def test_literal_starts_of_appositive_and_portfolio(text: str, pos: int) -> None:
    """_APPOSITIVE matches only at ", " and _PORTFOLIO only at " for ": the tests put before them."""
    pos = min(pos, len(text))
    if speakers._APPOSITIVE.match(text, pos):
        assert text.startswith(", ", pos)
    if speakers._PORTFOLIO.match(text, pos):
        assert text.startswith(" for ", pos)


def test_first_letters_cover_every_word() -> None:
    """Each word's first letter, in both cases, is in the set the quick test uses."""
    for words, firsts in (
        (speakers._LEAD_WORDS, speakers._LEAD_FIRST),
        (speakers._ADVERB_WORDS, speakers._ADVERB_FIRST),
    ):
        for word in words.split("|"):
            assert {word[0].lower(), word[0].upper()} <= firsts


_NAME_WORDS = st.sampled_from(
    ["Ann", "ann", "Example", "Jo", "Sample", "Van", "der", "Berg", "ÉCLAIR", "Éclair"]
)
_NAMES = st.lists(_NAME_WORDS, min_size=0, max_size=4).map(" ".join)


def _scan(people: list[Person], words: str) -> Person | None:
    """by_name's definition, as a scan of the names in order."""
    folded = words.casefold().split()
    if not folded:
        return None
    for person in people:
        name = person.name.casefold().split()
        if name[-len(folded) :] == folded or (len(folded) == 1 and folded[0] in name):
            return person
    return None


@settings(max_examples=300)
@given(st.lists(_NAMES, max_size=8), st.lists(_NAMES, min_size=1, max_size=6))
def test_by_name_index_is_the_scan(names: list[str], lookups: list[str]) -> None:
    """Roster.by_name's index finds the first person a scan of the names finds."""
    people = [Person(span=Span(start=i, end=i + 1), name=name) for i, name in enumerate(names)]
    roster = speakers.Roster(Attendance(present=tuple(people)), ())
    for words in lookups:
        assert roster.by_name(words) is _scan(roster.people, words)


_SENTENCE_LIST = [
    "Members expressed concern about the waiting lists.",
    "Councillor Ann Example pressed for an assurance that the plan would be funded.",
    "The Committee welcomed the report and thanked the officers.",
    "Members were reassured by the answer.",
    "The Panel remained unconvinced.",
    "The Head of Service said that the figures would be circulated.",
    "It was asked whether the budget was enough.",
    "The Clerk to write to the owner.",
    "Members asked for a report in March.",
    "The motion was carried with 6 votes for and 2 against.",
    "Reference was made to the Housing Strategy.",
    "The report was noted.",
    "Nothing else was said",
]
_SENTENCES = st.sampled_from(_SENTENCE_LIST)


def _scanner_triggers() -> tuple[Triggers, ...]:
    from scrutinykit.proceedings import scanner

    return scanner._RULE_TRIGGERS


def _stance_triggers() -> tuple[Triggers, ...]:
    from scrutinykit.proceedings import stances

    return stances.STANCE_TRIGGERS


def _read(text: str) -> tuple[object, ...]:
    from scrutinykit.parsing.vocabulary import default_patterns
    from scrutinykit.proceedings import scanner
    from scrutinykit.proceedings.state import State
    from scrutinykit.proceedings.text import Text

    state = State(speakers.Roster(Attendance(), ()), None, default_patterns())
    scanner._prose(state, Text(text, 0))
    return (
        tuple(state.statements),
        tuple(state.stances),
        tuple(state.commitments),
        tuple(state.references),
        tuple(state.votes),
    )


@settings(max_examples=150)
@given(st.lists(_SENTENCES, min_size=1, max_size=6).map(" ".join))
def test_paragraph_gates_change_nothing(text: str) -> None:
    """The rules a paragraph's words rule out, tested anyway, find nothing more."""
    from scrutinykit.proceedings import scanner, stances

    gated = _read(text)
    saved = scanner._triggers_in
    try:
        scanner._triggers_in = lambda low: (scanner._ALL_RULES, stances.EVERY_STANCE)  # type: ignore[assignment]
        assert _read(text) == gated
    finally:
        scanner._triggers_in = saved


def test_paragraph_gates_leave_out_rules() -> None:
    """The gates do rule stances and rules out: a paragraph without their words tests none."""
    from scrutinykit.proceedings import scanner, stances

    rules, stance_rules = scanner._triggers_in("nothing else happened.")
    plain = tuple(t.first("nothing else happened.") for t in stances.STANCE_TRIGGERS)
    assert stance_rules == plain == (None,) * 5
    assert rules == (None,) * len(scanner._RULE_TRIGGERS)
    # "said" is the response verbs' trigger word: the rule is kept, from that word on.
    said, _ = scanner._triggers_in("nothing else was said.")
    assert said[-1] == scanner.RESPONSE_TRIGGERS.words.index("said")
    assert said[:-1] == (None,) * (len(said) - 1)
    assert any(_read("Members expressed concern about the waiting lists.")[1])


def _holds(triggers: Triggers, text: str) -> bool:
    """The plain definition: whether any of the words is in ``text``."""
    return any(word in text for word in triggers.words)


_TRIGGER_WORDS = sorted(
    {w for t in (*_scanner_triggers(), *_stance_triggers()) for w in t.words} | {"x", " ", ". "}
)


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_TRIGGER_WORDS), max_size=10).map("".join),
    st.integers(min_value=0, max_value=80),
    st.integers(min_value=0, max_value=80),
)
def test_trigger_tests_from_the_first_word_found(whole: str, a: int, b: int) -> None:
    """A piece of a text holds a rule's words exactly when it holds those from the text's first found on."""
    piece = whole[min(a, b) : max(a, b)]
    for triggers in (*_scanner_triggers(), *_stance_triggers()):
        first = triggers.first(whole)
        assert (first is not None) == _holds(triggers, whole)
        if first is not None:
            assert triggers.words[first] in whole
            assert not any(w in whole for w in triggers.words[:first])
        assert triggers.present_from(piece, first) == _holds(triggers, piece)


def _phrase_by_every_terminal(text: str, pos: int) -> tuple[int, object] | None:
    """speaker_phrase's definition: the pronoun, else each terminal tried, the longest (earliest) kept."""
    from scrutinykit.proceedings.terminals import vocabulary

    v = vocabulary()
    if pos >= len(text):
        return None
    m = v["SPEAKER_PRONOUN"].match(text, pos)
    if m is not None:
        return m.end(), None
    best: tuple[int, object] | None = None
    for terminal, kind in speakers.SPEAKER_KINDS:
        m = v[terminal].match(text, pos)
        if m is not None and (best is None or m.end() > best[0]):
            best = (m.end(), kind)
    return best


_SPEAKER_PIECES = st.sampled_from(
    [
        *("The ", "the ", "Cabinet Member", " for Parks", "Chair", "Vice-Chair", "Director"),
        *("Head of Service", "Members", "member", "Councillor Ann Example", "Cllr. J. Sample"),
        *("Committee", "Panel", "she", "They"),
        *("witness", "resident", "representative", "co-optee", "officers", "Scrutiny Officer", "Leader"),
        *(" ", ", ", " said", " asked", "x", "Finance ", "Deputy ", "Interim "),
    ]
)


@settings(max_examples=300)
@given(
    st.lists(
        st.one_of(_SPEAKER_PIECES, st.sampled_from(["ſhe", "\u212aeith", "İnterim ", "é"])), max_size=8
    ).map("".join)
)
def test_speaker_phrase_is_every_terminal_tried(text: str) -> None:
    """One union match, then only the later terminals, gives what trying every terminal gives."""
    for pos in range(len(text) + 1):
        assert speakers.speaker_phrase(text, pos) == _phrase_by_every_terminal(text, pos)


def test_speaker_phrase_on_the_seeds() -> None:
    from scrutinykit.proceedings.text import Text

    from .conftest import SEEDS

    found = 0
    for path in SEEDS:
        text = Text(path.read_text(encoding="utf-8"), 0).text
        for pos in range(0, len(text), 7):
            got = speakers.speaker_phrase(text, pos)
            assert got == _phrase_by_every_terminal(text, pos)
            found += got is not None
    assert found > 50


def _roster() -> speakers.Roster:
    people = (
        Person(span=Span(start=0, end=1), name="Ann Example", description="Cabinet Member for Parks"),
        Person(span=Span(start=1, end=2), name="Jo Sample", description="Head of Service", role="Chair"),
    )
    return speakers.Roster(Attendance(present=people), ())


@settings(max_examples=200)
@given(
    st.lists(_SPEAKER_PIECES, max_size=8).map("".join),
    st.lists(st.tuples(st.integers(min_value=0, max_value=60), st.booleans()), max_size=12),
)
def test_speaker_at_read_once_is_read_afresh(text: str, reads: list[tuple[int, bool]]) -> None:
    """A position read again on the same Text gives what a fresh Text gives, whoever spoke last."""
    from scrutinykit._model import Speaker as SpeakerModel
    from scrutinykit._model import SpeakerKind
    from scrutinykit.proceedings.text import Text

    roster = _roster()
    last = SpeakerModel(span=Span(start=0, end=3), kind=SpeakerKind.OFFICER, text="The Clerk")
    kept = Text(text, 5)
    for pos, with_last in reads:
        pos = min(pos, len(text))
        who = last if with_last else None
        assert speakers.speaker_at(kept, pos, roster, who) == speakers.speaker_at(
            Text(text, 5), pos, roster, who
        )
    # Another roster does not take the first one's reading.
    other = speakers.Roster(Attendance(), ())
    for pos, _ in reads:
        pos = min(pos, len(text))
        assert speakers.speaker_at(kept, pos, other, None) == speakers.speaker_at(
            Text(text, 5), pos, other, None
        )


@settings(max_examples=150)
@given(st.lists(st.sampled_from([*_SENTENCE_LIST, "Action:", "ACTION: Head of Parks."]), max_size=6))
def test_trailing_label_with_the_cuts_is_without(pieces: list[str]) -> None:
    """trailing_label given the sentences already cut finds what it finds cutting them itself."""
    from scrutinykit.proceedings import actions
    from scrutinykit.proceedings.text import Text, sentences

    t = Text(" ".join(pieces), 0)
    assert actions.trailing_label(t, list(sentences(t.text))) == actions.trailing_label(t)


_TO_PIECES = st.sampled_from(
    [" to ", " to", "to ", " - to ", " – to ", "-", " ", "the Clerk", "write", "To", "x", "t", "o"]
)


@settings(max_examples=500)
@given(st.lists(_TO_PIECES, max_size=8).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_action_to_holds_its_literal(text: str, pos: int, end: int) -> None:
    """ACTION_TO matches only where " to " lies before ``end``: clause_action's test before its clauses."""
    from scrutinykit.proceedings.terminals import vocabulary

    if vocabulary()["ACTION_TO"].match(text, pos, end) is not None:
        assert text.find(" to ", pos, end) >= 0


_OFFICE_TITLES = st.sampled_from(
    [
        "Head of Service",
        "the head of service",
        "Director",
        "Director of Finance",
        "Clerk",
        "Finance Officer",
        "x",
    ]
)


@settings(max_examples=200)
@given(st.lists(_OFFICE_TITLES, max_size=4), st.lists(_OFFICE_TITLES, min_size=1, max_size=8))
def test_by_office_answered_once_is_answered_afresh(descriptions: list[str], titles: list[str]) -> None:
    """Roster.by_office asked a title again gives what a fresh roster gives."""
    people = tuple(
        Person(span=Span(start=i, end=i + 1), name=f"Person {i}", description=d)
        for i, d in enumerate(descriptions)
    )
    kept = speakers.Roster(Attendance(present=people), ())
    for title in titles:
        assert kept.by_office(title) is speakers.Roster(Attendance(present=people), ()).by_office(title)


@settings(max_examples=300)
@given(st.lists(_SPEAKER_PIECES, max_size=8).map("".join))
def test_speaker_phrase_on_the_lower_case_is_as_written(text: str) -> None:
    """The later terminals tried on the lower-cased ASCII text give the phrase tried on the text."""
    if not text.isascii():
        return
    for pos in range(len(text) + 1):
        assert speakers.speaker_phrase(text, pos, text.lower()) == _phrase_by_every_terminal(text, pos)
