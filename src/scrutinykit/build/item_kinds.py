"""Item kinds: what an agenda item is, from its title.

Reads: an item's title ("Apologies for absence", "Declarations of
interest", "Minutes of the previous meeting", "Work programme" …).
Guarantees: the first kind whose pattern the title holds, in a fixed order;
:attr:`~scrutinykit.ItemKind.SUBSTANTIVE` otherwise.  A new kind of item is
a new row of ``_ITEM_KINDS``.
"""

from __future__ import annotations

import re

from .._model import (
    ItemKind,
)
from ..parsing import patterns as rx

_ITEM_KINDS: tuple[tuple[ItemKind, re.Pattern[str]], ...] = (
    (ItemKind.APOLOGIES, rx.compile(r"\bapolog", re.I)),
    (
        ItemKind.DECLARATIONS,
        rx.compile(r"\b(?:disclosures?|declarations?)\b.*\binterests?\b|\binterests?\b", re.I),
    ),
    (ItemKind.PREVIOUS_MINUTES, rx.compile(r"^(?:to (?:approve|confirm|agree) )?(?:the )?minutes\b", re.I)),
    (ItemKind.URGENT_BUSINESS, rx.compile(r"\burgent (?:business|items?)\b", re.I)),
    (
        ItemKind.EXEMPT_ITEMS,
        rx.compile(r"\bexempt (?:items?|information)\b|\bexclusion of (?:the )?(?:press|public)\b", re.I),
    ),
    (
        ItemKind.PUBLIC_QUESTIONS,
        rx.compile(
            r"\bpublic (?:questions?|speaking|participation)\b|questions from (?:members of )?the public",
            re.I,
        ),
    ),
    (ItemKind.WORK_PROGRAMME, rx.compile(r"\bwork ?programme\b|\bforward plan\b", re.I)),
)


#: For each row of ``_ITEM_KINDS``, words one of which the lower-cased title holds wherever the
#: pattern matches: a title holding none is not searched.  The words hold no "i", "s" or "k", the
#: letters the engine also matches case-insensitively to other characters (dotless i, long s,
#: the Kelvin sign) that ``str.lower`` leaves alone.
_NEEDS: tuple[tuple[str, ...], ...] = (
    ("apolog",),
    ("ntere",),
    ("nute",),
    ("urgent",),
    ("exempt", "exclu"),
    ("publ",),
    ("programme", "forward plan"),
)


def _classify_item(title: str) -> ItemKind:
    low = title.lower()
    for (kind, pattern), needs in zip(_ITEM_KINDS, _NEEDS):
        if any(word in low for word in needs) and pattern.search(title):
            return kind
    return ItemKind.SUBSTANTIVE
