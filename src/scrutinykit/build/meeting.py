"""The meeting a document records: its committee, date, times and venue.

Precision first: the date comes only from the meeting's own line
(:func:`meeting_date_of`), never from a reference to another meeting, a
report or a publication; the committee only from where a line says whose
meeting it is ("Minutes of the meeting of the X held on …", a labelled
"Meeting: 23/03/2009 - X (Item 9)" or "Decision Maker: X" on a page that dates
the decision), or from a title block's name line (perhaps run into one line
with its "MINUTES" banner or "Date:" label).  A council's name on a title
line is the meeting's body only when it is a council that meets as one (a
town or parish council) and no committee's name follows.  A site's listing
line cut off with an ellipsis and a flattened page's running header before
its page mark are not the document's own lines.  The words all this reads
are the vocabulary's (``meeting-date-cue.txt``, ``other-meeting.txt``,
``bodies.txt``, ``meeting-body-label.txt``,
``local-councils.txt``).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from .._model import Block, Heading, Meeting, MeetingEnd, Paragraph, Span
from ..parsing import patterns as rx
from ..parsing.vocabulary import Patterns
from .readers import find_dates, parse_time

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


_SPLIT_ORDINAL = rx.compile(r"\b(\d{1,2})[ ](st|nd|rd|th|ST|ND|RD|TH)\b(?=[ ])")


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
    # "HELD ON MONDAY 16 th MAY 2022": an ordinal split from its number (a PDF's superscript),
    # joined with the space moved after it so that every offset stays.
    text = _SPLIT_ORDINAL.sub(r"\1\2 ", text)
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


#: A page mark straight after a date: the date is a flattened page's running header
#: ("People and Communities Committee – 1 May 2023 Page 1 of 2"), page furniture.
_PAGE_MARK_AFTER = rx.compile(
    r"[ \t]*(?:P(?:age|AGE)[ ]+\d{1,3}(?:[ ]+(?:of|OF)[ ]+\d{1,3})?|-[ ]*\d{1,3}[ ]*-)(?![^\s])"
)


def is_listing(text: str) -> bool:
    """Whether a line is a site's snippet of a document, cut off with an ellipsis.

    A search listing or an aggregator's title line ("KELLBRIDGE COUNCIL
    MINUTES OF THE HOUSING PANEL · Monday 4th March 2024 at 7.00pm...") is
    written by the site, not the council: the date it shows may be when the
    file was posted, and the line is not the document's own.
    """
    return text.rstrip().endswith(("...", "\u2026"))


def _after_running_header(raw: str, vocab: Patterns) -> str | None:
    """The words of ``raw`` (a block's source text) after a running header, or ``None`` when it has none.

    A flattened page opens with its running header and page mark ("Housing
    Panel – 1 May 2023 Page 1 of 2 …"): when the date a line gives as its
    meeting's runs into a page mark, the line is read from after that mark.
    """
    own = meeting_date_of(raw, vocab)
    mark = _PAGE_MARK_AFTER.match(raw, own[1]) if own is not None else None
    return " ".join(raw[mark.end() :].split()) if mark is not None else None


def _one_labelled_body(
    lines: Iterable[Heading | Paragraph], vocab: Patterns, date: datetime.date
) -> str | None:
    """The meeting's body from labelled lines after the front matter, when exactly one is so given
    ("Decision Maker: Housing Panel", "Decided at meeting: 16/09/2015 - Housing Panel"); a line
    dated other than ``date`` is another meeting's ("Meeting: 14/02/2017 - Cabinet (Item 6)")."""
    found = set()
    for node in lines:
        named = _labelled_body(node.text, vocab)
        if named is None:
            continue
        own = find_dates(node.text)
        if named[1] and (not own or own[0][2] != date):
            continue
        found.add(named[0])
    return found.pop() if len(found) == 1 else None


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


#: A page banner ("Agenda", "Agenda and minutes", "MINUTES") or a token with a digit
#: (a running header's "06.03.23", "Page 1 of 2") before a name on a flattened page.
_BEFORE_NAME = rx.compile(r"\b(?:minutes|MINUTES|Minutes|agenda|AGENDA|Agenda)\b[ ]*|[^ ]*\d[^ ]*[ ]*")

#: Where a title block's name stops on a flattened page: its "MINUTES" banner
#: ("KELLBRIDGE PARISH COUNCIL MINUTES of a meeting held …") or a "Date:" label.
_TITLE_END = rx.compile(r"[ ]+(?:MINUTES|Minutes)\b|[ ]+(?:Date|DATE)[ ]*:")

#: The small words a body's name may hold in lower case ("Overview and Scrutiny Committee").
_NAME_LINKS = frozenset({"and", "of", "the", "for", "in", "on", "upon", "&", "-", "\u2013"})

#: A bracket that is no remit: one holding a digit ("(Item 92)", "(at its meeting on 26 January 2010)").
_NOT_REMIT = rx.compile(r"\([^)]*\d[^)]*\)")


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


def _is_name(text: str) -> bool:
    """Whether ``text`` has a name's shape: capitalised words and the small words between them."""
    words = text.replace(",", " ").split()
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w in _NAME_LINKS for w in words)


def _whole_name(text: str, vocab: Patterns) -> str | None:
    """``text`` as a body's name when it is one and nothing else (after a council's name), else ``None``.

    "Kellbridge Borough Council Housing Panel" gives "Housing Panel";
    "Cabinet Member for Housing" (an office) and "Housing Panel will meet"
    give none.
    """
    text = text.strip(" ,.-\u2013\u2014")
    if _NOT_REMIT.search(text) or not _is_name(_REMIT.sub("", text)):
        return None
    name = _trim_name(text, vocab)
    if name is None or not text.endswith(name) or name.split()[-1].lower() == "members":
        return None  # "Members" is a body that agrees, never a body's name
    return name


def _title_name(text: str, vocab: Patterns) -> str | None:
    """The body a title line names: the whole line, or the line before its banner or "Date:" label.

    A title block's line ("HOUSING SCRUTINY PANEL", "Kellbridge Parish
    Council"), or, on a page that lost its line breaks, the words before the
    block's "MINUTES" banner or its "Date:" label ("KELLBRIDGE COUNTY COUNCIL
    Housing Panel Date: Monday 3 March 2025 …").
    """
    stripped = _MEETING_OF.sub("", text).strip()
    if stripped.lower().startswith(("minutes of", "held on")):
        return None
    whole = _whole_name(stripped, vocab)
    if whole is not None:
        return whole
    end = _TITLE_END.search(stripped)
    return _whole_name(stripped[: end.start()], vocab) if end else None


def _labelled_body(text: str, vocab: Patterns) -> tuple[str, bool] | None:
    """The body a labelled line names ("Decision Maker: Housing Panel", "Meeting: 23/03/2009 - Housing
    Panel (Item 92)"): the label's value when it is a body's name (after the meeting's date and a
    dash), and whether the line dated it.

    On a page that lost its line breaks a dated label may run on after the
    page's banner and title ("Issue - meetings Youth Review Meeting:
    03/08/2017 - Housing Panel (Item 7)").
    """
    labels = [vocab.meeting_body_label.match(text)]
    labels += [vocab.meeting_body_label.match(text, m.end()) for m in _LABEL_INSIDE.finditer(text)]
    for at, label in enumerate(labels):
        if label is None:
            continue
        value = text[label.end() :]
        dates = find_dates(value)
        dated = bool(dates) and dates[0][0] == 0
        if at and not dated:
            continue
        if dated:
            dash = _DASH_AFTER_DATE.match(value, dates[0][1])
            if dash is None:
                return None
            value = value[dash.end() :]
        name = _whole_name(_ITEM_REF.sub("", value), vocab)
        return (name, dated) if name is not None else None
    return None


#: A space before a capitalised word inside a line, where a label may start.
_LABEL_INSIDE = rx.compile(r"[ ](?=[A-Z])")
#: The item a meeting line points to, at its end: "(Item 92)", "(Agenda item 5)".
_ITEM_REF = rx.compile(r"[ ]*\((?:[A-Za-z]+[ ]+){1,2}\d+[A-Za-z]?\)[ ]*$")
_DASH_AFTER_DATE = rx.compile(r"[ ]*[-\u2013\u2014][ ]*")
#: A name's remit in brackets ("SCRUTINY COMMITTEE (LEARNING AND CULTURE)").
_REMIT = rx.compile(r"\([^()]*\)")


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
    if rest.lstrip().startswith("(") and ")" in rest and not _NOT_REMIT.match(rest.lstrip()):
        end += rest.index(")") + 1  # "SCRUTINY COMMITTEE (LEARNING AND CULTURE)", not "(Item 92)"
    return name[:end].strip(" ,-") or None


def read_meeting(
    front: Sequence[Block],
    closing: Sequence[Block],
    vocab: Patterns,
    rest: Iterable[Heading | Paragraph] = (),
    source: str | None = None,
) -> Meeting:
    """The meeting of the front matter (and the closing's end time; ``rest``: the items' lines,
    read for a labelled "Date of decision:" when the front matter gives no date).

    A site's listing line (:func:`is_listing`) and, in ``source``, a
    flattened page's running header (a date straight before "Page 1 of 2")
    are not the document's own lines: neither gives the date or the committee.
    """
    committee: str | None = None
    council: tuple[str, Span] | None = None
    undated: str | None = None
    entries: set[datetime.date] = set()
    date = None
    start_time = None
    venue: str | None = None
    spans: list[Span] = []
    texts = [b for b in front if isinstance(b, (Heading, Paragraph))]
    for block in texts:
        text = block.text
        if is_listing(text):
            continue
        if source is not None:
            text = _after_running_header(source[block.span.start : block.span.end], vocab) or text
        if venue is None:
            v = _VENUE.match(text) or _HELD_AT.search(text)
            if v:
                venue = v.group("v").strip().rstrip(".")
                # A line that names the place may give the date too:
                # "… held at the Town Hall on 8 October 2024 at 6.30pm".
        own = meeting_date_of(text, vocab) if date is None else None
        if own is None:
            entry = find_dates(text)[:1]
            if entry and entry[0][0] == 0 and _DASH_AFTER_DATE.match(text, entry[0][1]):
                entries.add(entry[0][2])
        elif entries and own[2] not in entries:
            # An issue page's record of a decision ("02/12/2024 - Annual Report" and what the
            # Council decided) before a meeting line of another date: the page is about more
            # than one meeting, and that line does not say which is the page's.
            break
        if date is None and own is not None:
            date = own[2]
            start_time = parse_time(text[own[1] :]) or parse_time(text)
            spans.append(block.span)
        if committee is None:
            named = _named_committee(text, vocab)
            labelled = None if named else _labelled_body(text, vocab)
            if labelled is not None and not labelled[1]:
                # "Decision Maker: Housing Panel" with no date: the body that met only when
                # the page dates the decision ("Date of decision: …"); a forward-plan
                # notice names a body that will decide.
                undated = undated or labelled[0]
                continue
            titled = labelled[0] if labelled else None if named else _title_name(text, vocab)
            if titled is not None and _REMIT.sub("", titled).split()[-1].lower() == "council":
                # A council's name on a title line: the meeting's body only when no
                # committee's name follows it, and only a council that meets as one.
                if council is None and vocab.local_council.search(titled):
                    council = titled, block.span
                titled = None
            if named or titled:
                committee = named or titled
                spans.append(block.span)
    if committee is None and council is not None:
        # A local council's title with no committee's under it: the council met.
        committee, council_span = council
        spans.append(council_span)
    rest = list(rest)
    if date is None:
        date = _labelled_meeting_date(rest, vocab)
    if committee is None and date is not None:
        committee = undated or _one_labelled_body(rest, vocab, date)
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
