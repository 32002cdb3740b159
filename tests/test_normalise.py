"""The normaliser's fast paths agree with the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinykit.layout.normalise import (
    _INVISIBLE,
    _SLACK,
    _TABLE,
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


def test_the_normaliser_leaves_page_split_sentences_to_the_layout_stage() -> None:
    """A sentence split by a blank line is rejoined by the layout stage (fixtures/layout/furniture.txt)."""
    from scrutinykit.layout.normalise import normalise

    split = "the services needed to be\n\nimproved quickly.\n"
    assert normalise(split).text == split


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


def test_any_special_is_unseen_or_rare_for_every_character() -> None:
    """normalise scans a text once for _ANY_SPECIAL: it must find just the characters of _UNSEEN and _RARE."""
    import sys

    from scrutinykit.layout import normalise as module

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    want = sorted(set(module._UNSEEN.findall(every)) | set(module._RARE.findall(every)))
    assert "\r" in want
    assert want == sorted(set(module._ANY_SPECIAL.findall(every)))
