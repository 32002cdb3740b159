"""The normaliser's fast paths agree with the plain definitions they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutinykit._normalise import _INVISIBLE, _SLACK, _TABLE, _translate

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
