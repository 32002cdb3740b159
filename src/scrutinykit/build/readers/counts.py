"""Counts, and what a figure counts: "about 16 cases per officer", "24% of agency staff".

Reads: a number written in digits followed by the thing it counts, and the
phrase after a figure that says what it is of (:func:`counted_after`).
Guarantees: years, dates, times, money, percentages and numbers that label
something ("agenda item 5", "page 3", "Ward 7") are not counts; numbers in
words are not read; ``(start, end, value, what)`` in text order; no input
raises.
"""

from __future__ import annotations

import decimal
import re

from ...parsing import patterns as rx

#: Words that end the phrase naming what a figure counts.
_UNIT_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "would",
        "will",
        "could",
        "should",
        "may",
        "might",
        "can",
        "did",
        "do",
        "does",
        "not",
        "it",
        "its",
        "their",
        "this",
        "these",
        "those",
        "there",
        "here",
        "per",
        "so",
        "if",
        "when",
        "while",
        "whilst",
        "after",
        "before",
        "since",
        "until",
        "during",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "around",
        "between",
        "within",
        "without",
        "across",
        "against",
        "among",
    ]
)
_MONTH_WORDS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_NOT_COUNTED = frozenset(
    ["am", "pm", "a.m", "p.m", "years'", "year-old", "am.", "pm.", "o'clock", "per", "percent"]
)
#: Words before a number that make it a label, not a count: "agenda item 5".
_LABEL_WORDS = (
    *("item", "items", "minute", "minutes", "paragraph", "paragraphs", "page", "pages", "section"),
    *("appendix", "annex", "no", "number", "recommendation", "ward", "phase", "stage", "level", "year"),
    *("tier", "key stage", "ks", "room", "bed", "flat", "house", "route", "bus", "quarter", "quarters"),
    *("q", "week", "day", "grade", "band", "option", "question"),
)
_LABEL_BEFORE = rx.compile(
    rf"(?:{'|'.join(_LABEL_WORDS)})"
    # "quarter 3 and 4": the second number is a label too.
    r"\s{1,3}(?:[0-9]{1,4}\s{0,3}(?:,|and|or|to|&)\s{1,3})?\Z",
    re.IGNORECASE,
)
#: :data:`_LABEL_BEFORE` written backwards, matched at the start of the text before a number
#: read backwards: a text ends with a match of the one exactly when its reverse starts with a
#: match of the other.  Searching the 20 characters before each number for a match ending
#: there tries every word at every character; the reverse is tried once (tests compare the two).
_LABEL_BEFORE_REVERSED = rx.compile(
    r"(?:\s{1,3}(?:,|dna|ro|ot|&)\s{0,3}[0-9]{1,4})?\s{1,3}"
    rf"(?:{'|'.join(word[::-1] for word in _LABEL_WORDS)})",
    re.IGNORECASE,
)
# The number is found first and the hedge before it ("about 16") after: a
# pattern that opened with the optional hedge would try its words at every
# character of the text.
# As for _PERCENT_RE, the look-behind comes after the first digit so that the
# pattern opens with a character class: "(?<![\w£$€.,/:#-])" before the number.
_COUNT_RE = rx.compile(
    r"(?P<n>[0-9](?<![\w£$€.,/:#-][0-9])(?:[0-9]{0,2}(?:,[0-9]{3}){1,4}|[0-9]{0,8}))"
    r"(?![0-9.,/:%£-]|\.[0-9])"
    r"(?=\s{1,3}[a-z])"
)
_APPROX_BEFORE = rx.compile(
    r"(?<![\w£$€.,/:#-])(?:about|around|approximately|some|over|under|nearly|almost|roughly|more\s{1,3}than"
    r"|fewer\s{1,3}than|less\s{1,3}than|up\s{1,3}to|at\s{1,3}least)\s{1,3}\Z"
)
_DIGIT = rx.compile(r"[0-9]")
_PER_RE = rx.compile(r"\s{1,3}per\s{1,3}(?P<what>[a-z][a-z'-]{0,30})")
_UNIT_AFTER_RE = rx.compile(r"\s{0,3}(?P<unit>[a-z][a-z'-]{0,30}(?:\s{1,3}[a-z][a-z'-]{0,30}){0,2})")
_OF_AFTER_RE = rx.compile(
    r"\s{1,3}(?P<unit>of\s{1,3}(?:the\s{1,3}|all\s{1,3}|our\s{1,3})?[a-z][a-z'-]{0,30}(?:\s{1,3}[a-z][a-z'-]{0,30}){0,2})"
)


def _unit_words(phrase: str) -> str:
    """The leading words of ``phrase`` that name a thing.

    They stop at a stop word, and after the first word at a word that reads
    as a verb or an adverb (``-ed``, ``-ing``, ``-ly``): "12 months given" is
    twelve months.
    """
    words: list[str] = []
    for word in phrase.split():
        low = word.casefold()
        if low in _UNIT_STOP or (words and low.endswith(("ed", "ing", "ly"))):
            break
        words.append(word)
        if low.endswith("s") and not low.endswith("ss"):
            break  # a plural noun ends the phrase: "12 months given" counts months
    return " ".join(words)


#: What an amount of money is, when a single word after it says so.
_MONEY_NOUNS = frozenset(
    [
        "saving",
        "savings",
        "overspend",
        "overspends",
        "underspend",
        "budget",
        "budgets",
        "funding",
        "grant",
        "grants",
        "investment",
        "cost",
        "costs",
        "deficit",
        "surplus",
        "pressure",
        "pressures",
        "reduction",
        "reductions",
        "spend",
        "spending",
        "allocation",
        "contract",
        "income",
        "shortfall",
        "gap",
        "loan",
        "loans",
        "uplift",
        "increase",
        "cut",
        "cuts",
        "reserve",
        "reserves",
        "fund",
        "bid",
        "capital",
        "revenue",
        "subsidy",
        "payment",
        "payments",
        "fee",
        "fees",
        "charge",
        "charges",
    ]
)


def counted_after(
    text: str, end: int, *, of_only: bool = False, money: bool = False
) -> tuple[str, int] | None:
    """What a figure ending at ``end`` counts, and where that phrase ends.

    "24% of agency staff" → ``"of agency staff"``; "£1.1 million saving" →
    ``"saving"``; "16 cases per officer" → ``"cases per officer"``.  With
    ``of_only`` only the "of …" form counts (a percentage is of something);
    with ``money`` a word after the amount counts only when it names money
    (``saving``, ``budget``, ``overspend`` …).
    """
    m = _OF_AFTER_RE.match(text, end)
    if m is not None:
        rest = _unit_words(m.group("unit")[2:].strip().removeprefix("the ").removeprefix("all "))
        if rest:
            head = m.group("unit")[: m.group("unit").index(rest.split()[0])] if rest else ""
            phrase = (head + rest).strip()
            stop = m.start("unit") + len(phrase)
            return " ".join(phrase.split()), stop
    if of_only:
        return None
    m = _UNIT_AFTER_RE.match(text, end)
    if m is None:
        return None
    unit = _unit_words(m.group("unit"))
    if not unit or unit.split()[0].casefold() in _MONTH_WORDS | _NOT_COUNTED:
        return None
    if money:
        first = unit.split()[0]
        if first.casefold() not in _MONEY_NOUNS:
            return None
        unit = first
    stop = m.start("unit") + len(unit)
    per = _PER_RE.match(text, stop)
    if per is not None and per.group("what").casefold() not in _UNIT_STOP:
        unit = f"{unit} per {per.group('what')}"
        stop = per.end()
    return unit, stop


def find_counts(text: str) -> list[tuple[int, int, decimal.Decimal, str]]:
    """Counts with what they count: "about 16 cases per officer" → (…, 16, "cases per officer").

    A number written in digits followed by the thing it counts.  Not counts:
    years, dates and times, money and percentages, and numbers that label
    something ("agenda item 5", "page 3", "Ward 7").  Numbers written in words
    ("two letters") are not read.
    """
    found: list[tuple[int, int, decimal.Decimal, str]] = []
    if _DIGIT.search(text) is None:
        return found
    for m in _COUNT_RE.finditer(text):
        digits = m.group("n").replace(",", "")
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            continue  # a year
        if _LABEL_BEFORE_REVERSED.match(text[max(0, m.start() - 20) : m.start()][::-1]):
            continue
        after = counted_after(text, m.end("n"))
        if after is None:
            continue
        unit, stop = after
        hedge = _APPROX_BEFORE.search(text, max(0, m.start() - 25), m.start())
        start = hedge.start() if hedge is not None else m.start()
        found.append((start, stop, decimal.Decimal(digits), unit))
    return found
