"""Readers: the typed values inside one line or paragraph of minutes text.

One module a kind of value, each a small, linear-time scan:

* :mod:`.dates` — "Tuesday 19 September 2017", "19/09/2017", "2017-09-19";
* :mod:`.times` — "6.30pm", "10.00 a.m.", "noon", "18:30";
* :mod:`.money` — "£3,500", "£1.1 million", "24%", "7.5 per cent";
* :mod:`.counts` — "16 cases per officer", and what a figure counts;
* :mod:`.minute_numbers` — "A26/17", "CYP.12", "Minute No. 512";
* :mod:`.name_lists` — a list of people cut into one span an entry;
* :mod:`.names` — one entry taken apart: title, name, chairing role, description;

with :mod:`.titles` (honorifics, role words, particles, post-nominals) and
:mod:`.spans` (trimming a span) shared by the name readers.

What every reader guarantees: the regular expressions use only bounded
quantifiers (no ``+``/``*`` over open-ended runs, no nested repetition), so
searching a megabyte line that holds no match costs one pass over it.  Each
``find_*`` function returns ``(start, end, value)`` triples in text order,
where ``start``/``end`` index into the string passed in (end exclusive).  No
function raises on any ``str``: text that holds nothing gives ``None`` or an
empty list.
"""

from __future__ import annotations

from .counts import counted_after, find_counts
from .dates import find_dates, parse_date
from .minute_numbers import find_minute_numbers
from .money import find_money, find_percentages
from .name_lists import split_name_list
from .names import POST_NOMINAL, PersonParts, parse_person
from .times import find_times, parse_time
from .titles import HONORIFICS, ROLE_WORDS

__all__ = [
    "HONORIFICS",
    "POST_NOMINAL",
    "ROLE_WORDS",
    "PersonParts",
    "counted_after",
    "find_counts",
    "find_dates",
    "find_minute_numbers",
    "find_money",
    "find_percentages",
    "find_times",
    "parse_date",
    "parse_person",
    "parse_time",
    "split_name_list",
]
