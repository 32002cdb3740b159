"""Minute numbers: "A26/17", "77/21", "CYP.12", "2307.01", "Minute No. 512".

Reads: the references councils give their minutes and items.  Guarantees:
``text[start:end]`` equals the reference returned; financial years such as
"2017/18" are no reference; no input raises.
"""

from __future__ import annotations

import re

from ...parsing import patterns as rx

_MINUTE_REF = r"""
    (?:
        [A-Z][A-Za-z]{1,5}/[0-9]{1,4}/[0-9]{2}(?:[0-9]{2})?(?:-[0-9]{2})?   # Cou/286/07-08
      | [A-Z]{0,3}[0-9]{1,4}/[0-9]{2}(?:[0-9]{2})?                       # A26/17, 77/21
      | [A-Z]{2,6}\.[0-9]{1,4}                                           # CYP.12
      | [0-9]{4}\.[0-9]{2}                                               # 2307.01
    )
"""

_MINUTE_RE = rx.compile(
    rf"""
    (?<![\w/.,£$-])
    (?:
        (?i:minutes?)\s{{1,3}}(?:(?i:no|number|ref)\.?\s{{0,3}})?
        (?P<ref>{_MINUTE_REF}|[0-9]{{1,4}}[a-z]?)
      |
        (?P<bare>{_MINUTE_REF})
    )
    (?![\w/]|[.-][0-9])
    """,
    re.VERBOSE,
)

_YEAR_SPAN_RE = rx.compile(r"((?:19|20)[0-9]{2})/([0-9]{2}|[0-9]{4})")
_YYMM_ITEM_RE = rx.compile(r"[0-9]{2}([0-9]{2})\.[0-9]{2}")


def _is_minute_reference(ref: str) -> bool:
    span = _YEAR_SPAN_RE.fullmatch(ref)
    if span is not None:  # "2017/18" is a financial year, not a minute
        first, second = int(span.group(1)), int(span.group(2))
        return (first + 1) % (100 if len(span.group(2)) == 2 else 10000) != second
    yymm = _YYMM_ITEM_RE.fullmatch(ref)
    if yymm is not None:  # "2307.01": year 23, month 07, item 01
        return 1 <= int(yymm.group(1)) <= 12
    return True


def find_minute_numbers(text: str) -> list[tuple[int, int, str]]:
    """Return minute/item references in ``text`` as written, in order.

    Recognised: "A26/17", "77/21", "C41/24", "CYP.12", "2307.01" (YYMM.NN),
    "Cou/286/07-08", and "Minute 45" / "Minute No. 512" (giving "45"/"512").
    Each span covers exactly the returned reference, so ``text[start:end]``
    equals it.  Financial years such as "2017/18" are not references.
    """
    found: list[tuple[int, int, str]] = []
    for match in _MINUTE_RE.finditer(text):
        name = "ref" if match.group("ref") is not None else "bare"
        ref = match.group(name)
        if _is_minute_reference(ref):
            found.append((match.start(name), match.end(name), ref))
    return found
