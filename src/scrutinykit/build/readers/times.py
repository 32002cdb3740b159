"""Times: "6.30pm", "10.00 a.m.", "noon", and "18:30" where it is clearly a time.

Reads: clock times, twelve-hour with am/pm, the named ones (noon, midday,
midnight), and twenty-four-hour where the hour is above 12, has a leading
zero or follows a word such as "at" or "until".  Guarantees:
:func:`find_times` gives ``(start, end, time)`` in text order, the span
leaving out the context word; a figure followed by "%" or "million" is no
time; no input raises.
"""

from __future__ import annotations

import datetime
import re

from ...parsing import patterns as rx

#: A bare "H.MM" with hour 0-12 is a time after one of these words
#: ("started at 6.30").
_TIME_CONTEXT = r"""
    (?:at|from|until|till|to|by|between|commenced|commencing|started|starting
      |began|beginning|begins|ended|ending|ends|closed|closing|finished
      |concluded|adjourned|reconvened|resumed|approximately|approx\.?|around
      |about|before|after)
"""

#: ...but not when a unit follows that makes it a plain number.
_NOT_A_TIME_AFTER = r"(?!\s{0,2}(?:[%％]|per\s{0,2}cent|percent|million|billion|bn|[mk](?![^\W\d_])))"

# The optional context word is captured so the span can leave it out; the
# conditional ``(?(ctx)...)`` lets a 24-hour "H.MM" with hour 0-12 through
# only after such a word (or with a leading zero, "09.30").
_TIME_RE = rx.compile(
    rf"""
    (?<![\w.:,/£$€])
    (?:(?=[a-z])(?P<ctx>{_TIME_CONTEXT})\s{{1,3}})?
    (?=[0-9nm])
    (?P<time>
        (?P<word>(?:12(?:[.:]00)?\s{{0,2}})?(?:noon|mid-?day|midnight))(?![^\W\d_])
      |
        (?P<h>1[0-2]|0?[1-9])(?![0-9])(?:[.:](?P<m>[0-5][0-9]))?
        \s{{0,2}}(?P<ampm>[ap])(?:\.m(?![^\W\d_])\.?|m(?![^\W\d_]))
      |
        (?P<h24>2[0-3]|1[3-9]|0[0-9]|(?(ctx)1?[0-9]|(?!)))[.:](?P<m24>[0-5][0-9])
        (?![.:/]?[0-9]){_NOT_A_TIME_AFTER}
    )
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _time_from_match(match: re.Match[str]) -> datetime.time:
    word = match.group("word")
    if word is not None:
        return datetime.time(0, 0) if "night" in word.casefold() else datetime.time(12, 0)
    hour_text = match.group("h")
    if hour_text is not None:
        minute_text = match.group("m")
        hour = int(hour_text) % 12 + (12 if match.group("ampm") in "pP" else 0)
        return datetime.time(hour, int(minute_text) if minute_text is not None else 0)
    return datetime.time(int(match.group("h24")), int(match.group("m24")))


def find_times(text: str) -> list[tuple[int, int, datetime.time]]:
    """Return every clock time written in ``text``, in order.

    Recognised: "6.30pm", "6.30 p.m.", "6:30pm", "10am", "10.00 a.m.",
    "12 noon", "noon", "midday", "midnight", and 24-hour "18:30"/"18.30" when
    clearly a time: hour above 12, a leading zero ("09.30"), or a preceding
    word such as "at", "from" or "until" ("started at 6.30").  The span
    covers the time only, not that word.
    """
    return [
        (match.start("time"), match.end("time"), _time_from_match(match)) for match in _TIME_RE.finditer(text)
    ]


def parse_time(text: str) -> datetime.time | None:
    """Return the first clock time in ``text`` (see :func:`find_times`), or None."""
    match = _TIME_RE.search(text)
    return _time_from_match(match) if match is not None else None
