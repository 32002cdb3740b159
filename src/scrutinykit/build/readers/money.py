"""Money and percentages: "£3,500", "£1.1 million", "£300k", "24%", "7.5 per cent".

Reads: sterling amounts, scaled by "k"/"thousand", "m"/"million",
"bn"/"billion", and percentages written with "%", "per cent" or "percent".
Guarantees: exact :class:`~decimal.Decimal` values (pounds; a scaled whole
amount has no fractional digits), ``(start, end, value)`` in text order;
the patterns start on a character class so a line without a digit is
skipped at C speed; no input raises.
"""

from __future__ import annotations

import decimal
import re

from ...parsing import patterns as rx

_NUMBER = r"(?P<int>[0-9]{1,3}(?:,[0-9]{3}){1,5}|[0-9]{1,15})(?![0-9])(?:\.(?P<frac>[0-9]{1,8})(?![0-9]))?"

_MONEY_RE = rx.compile(
    rf"""
    £\s{{0,2}}{_NUMBER}
    (?:\s{{0,2}}(?P<mult>[Bb]illion|[Bb][Nn]|[Mm]illion|[Mm]n|[Mm]|[Tt]housand|[Kk])
       (?![^\W\d_]))?
    """,
    re.VERBOSE,
)

_MULTIPLIERS: dict[str, int] = {
    "billion": 10**9,
    "bn": 10**9,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "thousand": 10**3,
    "k": 10**3,
}

# A pattern whose first step is a character class lets re skip at C speed to
# the next position that can start a match; a leading look-behind would be
# tried at every character.  So the "no digit, point or comma before" test
# is made after the first digit: "(?<![0-9.,][0-9])" there is "(?<![0-9.,])"
# before it.  The groups and their spans are those of _NUMBER.
_PERCENT_RE = rx.compile(
    r"(?P<int>[0-9](?<![0-9.,][0-9])(?:[0-9]{0,2}(?:,[0-9]{3}){1,5}|[0-9]{0,14}))(?![0-9])"
    r"(?:\.(?P<frac>[0-9]{1,8})(?![0-9]))?"
    r"\s{0,2}(?:[%％]|(?i:per\s{0,2}cent|percent)(?![^\W\d_]))",
)

#: Enough precision that no amount the patterns can match is ever rounded.
_DECIMAL_CONTEXT = decimal.Context(prec=64)


def _number(match: re.Match[str]) -> decimal.Decimal:
    digits = match.group("int").replace(",", "")
    frac = match.group("frac")
    return decimal.Decimal(f"{digits}.{frac}" if frac is not None else digits)


def find_money(text: str) -> list[tuple[int, int, decimal.Decimal]]:
    """Return every sterling amount in ``text`` as an exact Decimal of pounds.

    "£3,500" -> 3500, "£12.50" -> 12.50, "£1.1 million"/"£25million"/"£2.5m"
    scale by a million, "£300k"/"£5 thousand" by a thousand and "£1bn"/
    "£1 billion" by a billion; a scaled whole amount has no fractional digits.
    """
    found: list[tuple[int, int, decimal.Decimal]] = []
    if "£" not in text:  # the common case, at C speed
        return found
    for match in _MONEY_RE.finditer(text):
        value = _number(match)
        mult = match.group("mult")
        if mult is not None:
            factor = decimal.Decimal(_MULTIPLIERS[mult.lower()])
            value = _DECIMAL_CONTEXT.multiply(value, factor)
            if value == value.to_integral_value(context=_DECIMAL_CONTEXT):
                value = value.quantize(decimal.Decimal(1), context=_DECIMAL_CONTEXT)
        found.append((match.start(), match.end(), value))
    return found


def find_percentages(text: str) -> list[tuple[int, int, decimal.Decimal]]:
    """Return every percentage in ``text``: "24%", "7.5 per cent", "12 percent"."""
    if "%" not in text and "％" not in text and "cent" not in text.lower():
        return []
    return [(m.start(), m.end(), _number(m)) for m in _PERCENT_RE.finditer(text)]
