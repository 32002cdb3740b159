"""The meeting a document records: its committee, date, times and venue.

Precision first: the date comes only from the meeting's own line
(:func:`meeting_date_of`), never from a reference to another meeting, a
report or a publication; the committee only from where a line says whose
meeting it is, or from a title line that is the committee's name.  The words
both read are the vocabulary's (``meeting-date-cue.txt``, ``other-meeting.txt``,
``bodies.txt``, ``committees.txt``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from .._model import Block, Heading, Meeting, MeetingEnd, Paragraph, Span
from ..parsing import patterns as rx
from ..parsing.vocabulary import Patterns
from .inline import find_dates, parse_time

__all__ = ["meeting_date_of", "read_meeting"]


_MEETING_OF = rx.compile(
    r"^(?:(?:MEETING|Meeting|meeting|Minutes|MINUTES) (?:OF|of) (?:THE|the|a|A|an|AN)\s*)+"
)
_VENUE = rx.compile(r"^(?:Venue|VENUE|Place|Location)\s*:\s*(?P<v>.+?)\.?(?:\s+View directions)?$")
_HELD_AT = rx.compile(r"\b(?:held|met) (?:at|in) (?:the )?(?P<v>[A-Z][^.]{2,120})")


#: What may stand beside a date on a line that gives nothing else: "Tuesday, 4 March 2025 at 7.00 pm".
_DATE_ONLY_REST = rx.compile(
    r"[\s,.;:()-]*(?:(?:at|from)\s*)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?)?[\s,.;:()-]*",
    re.IGNORECASE,
)
_CLAUSE_END = rx.compile(r"[.;](?=\s+[A-Z])")


def _sentence_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The sentence of ``text`` that holds ``text[start:end]``, and the sentence after it."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    stop = after.start() if after else len(text)
    following = _CLAUSE_END.search(text, stop + 1) if after else None
    rest = text[stop : following.start() if following else len(text)]
    return text[before[-1] if before else 0 : stop], rest


def meeting_date_of(text: str, vocab: Patterns) -> tuple[int, int, datetime.date] | None:
    """The date a line gives as its meeting's own, or ``None``.

    Precision first: a date counts only when its sentence shows it is this
    meeting's (a word of ``meeting-date-cue.txt`` — "held on", "Minutes of
    the", "Date" — in it, or opening the next sentence; a meeting page's
    "Committee - Tuesday, 4th March" line; or
    the date alone with its time) and shows nothing of another meeting, a
    report or a publication (a word of ``other-meeting.txt`` — "previous",
    "approved", "published", "report" …).
    """
    for start, end, value in find_dates(text):
        sentence, following = _sentence_around(text, start, end)
        if vocab.other_meeting.search(sentence):
            continue
        alone = _DATE_ONLY_REST.fullmatch(text[:start] + " " + text[end:]) is not None
        cue = vocab.meeting_date_cue.search(sentence)
        cue = cue or vocab.meeting_date_cue.match(following.lstrip(" ."))
        if alone or cue or vocab.body_dash.search(text, 0, start):
            return start, end, value
    return None


def _labelled_meeting_date(lines: Iterable[Heading | Paragraph], vocab: Patterns) -> datetime.date | None:
    """The meeting's date from a labelled line after the front matter, when exactly one date is so given.

    A decision or issue page gives it in the item: "Decided at meeting:
    16/09/2015 - Panel", "Date of decision: 16/09/2015".  Only a line that
    opens with a meeting-date cue as a label ("…:") counts, and two different
    dates give none.
    """
    found = set()
    for node in lines:
        cue = vocab.meeting_date_cue.match(node.text)
        if cue is not None and node.text[cue.end() :].lstrip().startswith(":"):
            own = meeting_date_of(node.text, vocab)
            if own is not None:
                found.add(own[2])
    return found.pop() if len(found) == 1 else None


#: "… a meeting of the Cabinet held in …", "Meeting of Housing Scrutiny Committee, Wednesday …":
#: the name after "meeting of", up to where the sentence goes on.
_MEETING_OF_NAME = rx.compile(
    r"\b(?:meeting|MEETING|Meeting)[ ]+(?:of|OF)[ ]+(?:the[ ]+|THE[ ]+|The[ ]+)?"
    r"(?P<name>[A-Z][\w&'()\- ]{1,120}?)"
    r"(?=[ ]+(?:held|HELD|Held|at|AT|on|ON|in|IN)\b|[ ]*[,.;:]|[ ]+[-\u2013\u2014][ ]|[ ]*$)"
)
#: "Holloway Vale Town Council held their meeting at …".
_HELD_THEIR = rx.compile(
    r"^(?P<name>[A-Z][\w&'\- ]{1,120}?)[ ]+held[ ]+(?:its|their|a|the)[ ]+(?:\w+[ ]+)?meeting\b"
)
#: "Milburn Parish Council - 1st March 2016": a name, a dash, then the date.
_NAME_DASH = rx.compile(
    r"(?:^|[ ][-\u2013\u2014][ ])(?P<name>[A-Z][\w&'()., -]{1,120}?)[ ]+[-\u2013\u2014][ ]+"
    r"(?=(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ ]+)?\d)"
)


_BEFORE_NAME = rx.compile(r"\b(?:minutes|MINUTES|Minutes)\b[ ]*|[^ ]*\d[^ ]*[ ]*")


def _named_committee(text: str, vocab: Patterns) -> str | None:
    """The body a meeting line names, read from where the line says whose meeting it is.

    The name runs to its last body noun ("Cabinet", "Scrutiny Panel",
    "Parish Council"), so words after it that are not the name ("…
    PANEL Minutes of the meeting") are left out; a name with no body noun
    in it is no name.
    """
    for pattern in (_MEETING_OF_NAME, _HELD_THEIR, _NAME_DASH):
        m = pattern.search(text)
        if m is None:
            continue
        # Page banners and running headers run on before the name on a page
        # that lost its line breaks: "Agenda and minutes X", "X 06.03.23 Page 1 of 2 X".
        name = _BEFORE_NAME.split(m.group("name"))[-1]
        if pattern is _NAME_DASH and not find_dates(text[m.end() : m.end() + 40]):
            continue
        trimmed = _trim_name(name, vocab)
        if trimmed is not None:
            return trimmed
    return None


def _trim_name(name: str, vocab: Patterns) -> str | None:
    """``name`` from after a council's name to its last body noun (and that noun's bracket), or None."""
    nouns = list(vocab.body_noun.finditer(name))
    if len(nouns) >= 2 and nouns[-2].group().lower() == "council":
        # "Hartcombe Borough Council OVERVIEW AND SCRUTINY COMMITTEE": the
        # council's name, then its committee's.
        name = name[nouns[-2].end() :].strip(" ,-\u2013\u2014")
        nouns = list(vocab.body_noun.finditer(name))
    if not nouns:
        return None
    end = nouns[-1].end()
    rest = name[end:]
    if rest.lstrip().startswith("(") and ")" in rest:  # "SCRUTINY COMMITTEE (LEARNING AND CULTURE)"
        end += rest.index(")") + 1
    return name[:end].strip(" ,-") or None


def read_meeting(
    front: Sequence[Block],
    closing: Sequence[Block],
    vocab: Patterns,
    rest: Iterable[Heading | Paragraph] = (),
) -> Meeting:
    """The meeting of the front matter (and the closing's end time; ``rest``: the items' lines,
    read for a labelled "Date of decision:" when the front matter gives no date)."""
    committee: str | None = None
    date = None
    start_time = None
    venue: str | None = None
    spans: list[Span] = []
    texts = [b for b in front if isinstance(b, (Heading, Paragraph))]
    for block in texts:
        text = block.text
        if venue is None:
            v = _VENUE.match(text) or _HELD_AT.search(text)
            if v:
                venue = v.group("v").strip().rstrip(".")
                # A line that names the place may give the date too:
                # "… held at the Town Hall on 8 October 2024 at 6.30pm".
        if date is None:
            own = meeting_date_of(text, vocab)
            if own is not None:
                date = own[2]
                start_time = parse_time(text[own[1] :]) or parse_time(text)
                spans.append(block.span)
        if committee is None:
            named = _named_committee(text, vocab)
            if named is not None:
                committee = named
                spans.append(block.span)
                continue
            stripped = _MEETING_OF.sub("", text)
            if stripped.lower().startswith(("minutes of", "held on")):
                continue
            m = vocab.committee_name.match(stripped)
            # A title line that is the body's name (perhaps with its remit in
            # brackets), not a sentence that starts with one.
            after = stripped[m.end() :].strip(" ,.-\u2013") if m else ""
            if after.startswith("(") and after.endswith(")") and ")" not in after[:-1]:
                name = f"{m.group('name')} {after}" if m else ""
            else:
                name = m.group("name") if m and not after else ""
            if name and len(name) <= 120:
                committee = _trim_name(name, vocab) or name.strip(" ,-")
                spans.append(block.span)
    if date is None:
        date = _labelled_meeting_date(rest, vocab)
    end_time = None
    for node in closing:
        if isinstance(node, MeetingEnd):
            end_time = node.time
            break
    span = Span(start=min(s.start for s in spans), end=max(s.end for s in spans)) if spans else None
    return Meeting(
        committee=committee, date=date, start_time=start_time, end_time=end_time, venue=venue, span=span
    )


# ---------------------------------------------------------------------------
# Items
