"""Typed inline values inside one line or paragraph: the readers, under their old names.

The readers live one a module in :mod:`scrutinykit.build.readers` (dates,
times, money, counts, minute numbers, name lists, names, titles); this
module re-exports their public functions so that ``from .inline import
find_dates`` keeps working.  New code imports from the reader's own module.
"""

from __future__ import annotations

from .readers import (
    HONORIFICS,
    POST_NOMINAL,
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
