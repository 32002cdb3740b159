"""The normaliser's fast paths agree with the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scrutinykit.layout.normalise import (
    _INVISIBLE,
    _SLACK,
    _TABLE,
    _join_split_sentences,
    _translate,
)

ALPHABET = [chr(c) for c in _TABLE] + list("ab \n\u00e9\u2014\u200b")


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(ALPHABET)))
def test_translate_equals_str_translate(text: str) -> None:
    """_translate gives exactly str.translate with the table, on any mix of its characters."""
    assert _translate(text) == text.translate(_TABLE)


def test_slack_holds_every_invisible_character() -> None:
    """The quick build of the slack set misses no invisible character of the BMP."""
    invisible = re.compile(f"[{_INVISIBLE}]")
    assert {chr(cp) for cp in range(0x10000) if invisible.fullmatch(chr(cp))} <= _SLACK


def test_a_list_ending_and_is_not_joined_to_its_next_point() -> None:
    """'…; and' then a blank line and 'iii) …' stays two points, not one sentence."""
    from scrutinykit.layout.normalise import normalise

    text = "ii) the plan be published; and\n\niii) officers report back.\n"
    assert normalise(text).text == text
    split = "the services needed to be\n\nimproved quickly.\n"
    assert normalise(split).text == "the services needed to be  improved quickly.\n"


def test_a_venue_line_gives_its_date_too() -> None:
    """'… held at … on 8 October 2024' gives the venue and the meeting date."""
    import datetime

    import scrutinykit as sk

    doc = sk.parse(
        "MEETING OF THE LIBRARIES PANEL\n\n"
        "The meeting was held at Eastmoor Town Hall on 8 October 2024 at 6.30pm.\n\n"
        "L1/24 Opening hours (agenda item 1)\n\nRESOLVED: That the report be noted.\n"
    )
    assert doc.meeting.venue is not None
    assert doc.meeting.date == datetime.date(2024, 10, 8)


#: The page-split join as one pattern (see _normalise): the specification the join is held to.
SPLIT_SENTENCE = re.compile(r"(?<=[a-z,])[ ]*\n(?:[ ]*\n)+[ ]*(?=[a-z])(?![ivx]{1,5}[.)][ ]|[a-z][.)][ ])")


@settings(max_examples=500)
@given(st.lists(st.sampled_from([*"ab,iv.) \nX1", "\n\n", "ii. ", "b) "]), max_size=30).map("".join))
@example("the report was\n\nnoted")
@example("a list; and\n\nii. the next")
@example("a list; and\n \n b) the next")
@example("and a\n\nb) next, c\n\nd. more, e\n\n  f end")
def test_join_split_sentences_equals_the_pattern(text: str) -> None:
    """Joining page-split sentences from each line break gives what the look-behind pattern gives."""
    expected = SPLIT_SENTENCE.sub(lambda m: " " * len(m.group()), text)
    assert _join_split_sentences(text) == expected
