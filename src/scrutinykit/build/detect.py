"""Tell minutes from the other pages councils publish beside them.

A council website prints agendas, committee description pages and
forward-plan notices in the same layouts as minutes.  They share the
vocabulary (item headings, ``RECOMMENDED that …``, ``Decision:``), so the
grammar parses them happily; this module decides, after the parse, whether
what was read records a meeting's proceedings at all.

The rule (:func:`not_minutes_reason`), in order:

0. **Data, code and markup are refused outright**: a text that is JSON (a
   whole value, or JSON Lines), whose lines are mostly code (``def …(``,
   ``import …``, lines ending ``{``, ``;``) or tags, or Markdown (a ``#``
   heading with a table rule, a code fence or code spans: a README).

1. **Evidence of proceedings.**  Minutes record what happened; any of these
   is such evidence:

   - a ``Minutes:`` or ``Decision:`` section with something in it;
   - a resolution or conclusion (a recommendation is not enough: agendas
     print the recommendations of their reports);
   - an attendance list naming anyone who attended, or a closing line
     ("The meeting ended at …");
   - actions, questions with their answers, or votes;
   - at least :data:`NARRATION_NEEDED` sentences narrating the meeting in
     the past tense ("Members asked …", "The Committee noted …", "the
     Cabinet Member undertook …", "There were no apologies").

2. **Another kind of page.**  Without proceedings, at least
   :data:`MARKS_NEEDED` lines of one of these families name the page:

   - *agenda*: an item's purpose in the infinitive ("To receive …",
     "To consider …", "To approve …"), "Members are asked to …", the report's
     "Recommendation(s):", "Report of the …", "Items" / "No. Item" tables;
   - *forward plan*: "Decision maker:", "Decision due:", "Key decision",
     "Decision type:", "Lead member:", "Notice of … decision", "Reason key";
   - *committee page*: "Committee details", "Purpose of committee",
     "Membership", "Contact information", "Browse meetings".

3. **A meeting anchor.**  Minutes are of one meeting, so something must tie
   the text to it: an agenda item, a meeting line or header (a date, a start
   time, or a committee's name that reads as a name, not as a sentence that
   mentions one), an attendance list, a closing line, a section label
   (``Minutes:``, ``Decision:``) or an agenda-item banner.  A news item about
   a committee's decision, a guide to reading minutes ("a decision usually
   starts with RESOLVED …") or random words have none, and are refused even
   when an outcome word stands in their prose.

   At least :data:`NARRATION_NEEDED` sentences narrating the meeting, or a
   ``Minutes:`` / ``Decision:`` label run into a line, are an anchor too (a
   flattened or pipe-rendered page whose structure was not found).  A short
   excerpt (under :data:`ANCHORLESS_MIN_WORDS` words) is given the benefit
   of the doubt.  Otherwise, without an anchor, a text is
   minutes only when it is mostly proceedings:
   at least :data:`ANCHORLESS_SHARE` of its words stand in outcomes, votes,
   exchanges or commitments (an excerpt: "After debate it was resolved that
   the hall be let.").  A page that mentions a resolution in passing is not.
   With an anchor, a text without proceedings or another page's marks is
   given the benefit of the doubt: sparse minutes whose wording the
   vocabulary lacks must not be refused.

What passes is minutes.  Real minutes carry both an anchor and
proceedings, so none is refused for want of a signal: the benchmark's
"minutes refused" count, on the development, generated and real corpora,
is 0 and must stay so.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from .._model import (
    Agreement,
    AttendanceBlock,
    AttendanceKind,
    Conclusion,
    Decision,
    Document,
    Marker,
    MarkerKind,
    MeetingEnd,
    Resolution,
    SectionKind,
    Vote,
)
from ..parsing import patterns as rx
from ..parsing.vocabulary import Patterns, default_patterns

__all__ = ["MARKS_NEEDED", "NARRATION_NEEDED", "not_minutes_reason"]

NARRATION_NEEDED = 2
"""Past-tense sentences about the meeting that make a text minutes."""

MARKS_NEEDED = 2
"""Lines of one not-minutes family that make a text look like that family."""

_INLINE_LABEL = rx.compile(r"\b(?:Minutes|Decision)[ ]*:(?![ ]*$)", re.MULTILINE)
"""The section labels of a meeting page (the grammar's ``MINUTES_LABEL``, ``Decision:``) run into a line,
as pipe-rendered and flattened pages print them: an anchor even where the layout did not split them off."""

ANCHORLESS_MIN_WORDS = 25
"""Below this many words, a text with no meeting anchor is given the benefit of the doubt (an excerpt)."""

ANCHORLESS_SHARE = 0.5
"""The share of its words a text with no meeting anchor must have in proceedings to be minutes."""

_WORD = rx.compile(r"\w+")

MIN_STRUCTURED_LINES = 3
"""Non-blank lines a text needs before its lines are judged as code or markup."""

CODE_SHARE = 0.4
"""The share of non-blank lines that look like code (or tags) that makes a text code (or markup)."""

#: How a line of code starts (a line's end is read by :func:`_code_line`).
_CODE_START = rx.compile(
    r"[})\]]|#include\b|import\s+[\w.{]|from\s+[\w.]+\s+import\b|(?:async\s+)?def\s+\w+\s*\("
    r"|class\s+\w+.*:$|return\b|(?:const|let|var)\s+\w+\s*=|\w+(?:\.\w+)*\s*(?:[-+*/]?=)\s*\S"
)
_CODE_ENDS = ("{", "}", ";", "[", "(", "=>", "->")


def _code_line(line: str) -> bool:
    """Whether ``line`` (holding no line break) looks like code: it ends with an opening bracket,
    ``{``/``}``, ``;``, an arrow or ``)`` and ``:`` (spaces between), or starts as :data:`_CODE_START` does.

    The same as searching it for ``(?:[{};\\[(]|\\)\\s*:|=>|->)$|^(?:…)``, without trying the
    line's end at each of its characters (tests compare the two).
    """
    return (
        line.endswith(_CODE_ENDS)
        or (line.endswith(":") and line[:-1].rstrip().endswith(")"))
        or _CODE_START.match(line) is not None
    )


SHORT_NAME_WORDS = 6
"""A committee name this short counts as a name whatever its case ("Audit and governance committee")."""

_JOINING_WORDS = frozenset({"and", "of", "for", "the", "&", "on", "in", "with", "to", "a"})
"""The small words a committee's name may hold in lower case."""

#: The first characters of a JSON line, a Markdown heading, table rule or code fence, and a tag.
_MARKUP_FIRST = frozenset("{#|:-`<")
_MD_HEADING = rx.compile(r"#{1,6}[ ]\S")
_MD_TABLE_RULE = rx.compile(r"\|?[ ]*:?-{3,}:?[ ]*\|[ :|-]*$")
_MD_CODE = rx.compile(r"`[^`\n]+`")
_TAG_LINE = rx.compile(r"<[/!?]?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")

#: The families of other pages, named as a refusal says them.
_FAMILY_NAMES = {
    "agenda": "an agenda",
    "forward-plan": "a forward-plan notice",
    "committee-page": "a committee description page",
}


def _proceedings(doc: Document) -> str | None:
    """What in its model shows that ``doc`` records a meeting, or ``None`` (narration is weighed apart)."""
    for item in doc.items:
        for section in item.sections:
            if section.kind in (SectionKind.MINUTES, SectionKind.DECISION) and section.blocks:
                return f"it has a {section.label.text} section"
    for node in doc.walk():
        if isinstance(node, (Resolution, Conclusion, Agreement, Decision)):
            return "it records a resolution, conclusion, agreement or decision"
        if isinstance(node, MeetingEnd):
            return "it says when the meeting ended"
        if isinstance(node, AttendanceBlock) and node.kind is AttendanceKind.PRESENT:
            return "it lists who was present"
    # Not co-optees alone: a committee's page lists its co-opted members too.
    att = doc.attendance
    if att.present or att.apologies or att.also_attending or att.officers:
        return "it lists who attended"
    if doc.commitments() or doc.exchanges() or any(_told(v) for v in doc.votes()):
        return "it records actions, questions or votes"
    return None


def _plain(text: str) -> str:
    """``text`` with tabs and no-break spaces made plain spaces, as the checks read it."""
    return text.replace("\u00a0", " ").replace("\t", " ")


#: How much of the source :func:`_lines` makes plain and splits at a time.
_CHUNK = 1 << 16


def _lines(text: str) -> Iterator[str]:
    """The stripped non-blank lines of ``_plain(text)`` (as ``str.splitlines`` cuts them), a chunk at a time.

    Each chunk ends just after a ``"\\n"``, where ``splitlines`` cuts too, so
    the lines are those of the whole text, without a copy of it or of all
    its lines at once.
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK)
        end = len(text) if end < 0 else end + 1
        for line in _plain(text[start:end]).splitlines():
            line = line.strip()
            if line:
                yield line
        start = end


def _structured(text: str) -> str | None:
    """What kind of data, code or markup ``text`` (made :func:`_plain`) is, or ``None`` if it is prose."""
    first = _FIRST_CHAR.search(text)
    if first is not None and first.group() in ("{", "["):
        try:
            json.loads(_plain(text).strip())
        except ValueError:
            pass
        else:
            return "JSON data"
    lines = json_lines = code = md_code = tags = 0
    md_heading = md_rule = False
    # Inline code is between backticks: a text with none (most minutes) is not searched line by line.
    ticks = "`" in text
    for line in _lines(text):
        lines += 1
        code += _code_line(line)
        if ticks:
            md_code += _MD_CODE.search(line) is not None
        # A line (stripped, not blank) is tried only with the patterns that may start with its first.
        first_char = line[0]
        if first_char not in _MARKUP_FIRST:
            continue
        json_lines += first_char == "{" and line[-1] == "}"
        md_heading = md_heading or (first_char == "#" and _MD_HEADING.match(line) is not None)
        md_rule = md_rule or _MD_TABLE_RULE.match(line) is not None or line.startswith("```")
        tags += first_char == "<" and _TAG_LINE.match(line) is not None
    if lines < MIN_STRUCTURED_LINES:
        return None
    if json_lines * 2 > lines:
        return "JSON data"
    if code / lines >= CODE_SHARE:
        return "source code"
    if md_heading and (md_rule or md_code >= MIN_STRUCTURED_LINES):
        return "Markdown (a README or similar)"
    if tags / lines >= CODE_SHARE:
        return "markup (XML or HTML)"
    return None


#: The first character of a text that is not whitespace (as ``str.strip`` knows it).
_FIRST_CHAR = rx.compile(r"\S")


_ANCHOR_MARKERS = (MarkerKind.SECTION_LABEL, MarkerKind.AGENDA_ITEM_BANNER)


def _title_like(name: str) -> bool:
    """Whether a committee name reads as a name, not as a sentence that mentions one.

    A name is short, or its words are capitalised but for the small words
    that join them ("Overview and Scrutiny Committee for the North").
    """
    words = name.split()
    if len(words) <= SHORT_NAME_WORDS:
        return True
    return sum(1 for w in words if w[:1].islower() and w.lower() not in _JOINING_WORDS) <= 1


def _anchor(doc: Document) -> str | None:
    """What ties ``doc`` to one meeting, or ``None``."""
    if doc.items:
        return "it has an agenda item"
    if doc.attendance.everyone() or doc.attendance.apologies is not None:
        return "it has an attendance list"
    for node in doc.walk():
        if isinstance(node, (AttendanceBlock, MeetingEnd)):
            return "it has an attendance list or a closing line"
        if isinstance(node, Marker) and node.kind in _ANCHOR_MARKERS:
            return "it has a section label or an agenda-item banner"
    meeting = doc.meeting
    if meeting.date or meeting.start_time or (meeting.committee and _title_like(meeting.committee)):
        return "it has a meeting line or header"
    return None


def not_minutes_reason(doc: Document, vocab: Patterns | None = None) -> str | None:
    """Why the parsed ``doc`` is not minutes, or ``None`` if it is.

    The rule is in the module's docstring: data, code and markup are
    refused outright; minutes need something that ties them to a meeting
    *and* evidence of its proceedings; a page without proceedings that has
    at least :data:`MARKS_NEEDED` lines typical of an agenda, a forward-plan
    notice or a committee description page is named as one.  The patterns
    read ``doc.source`` with tabs and no-break spaces made plain spaces.
    """
    vocab = vocab or default_patterns()
    structured = _structured(doc.source)
    if structured is not None:
        return f"this is {structured}, not minutes"
    # The whole text made plain is a copy of the source: made only when a check reads it.
    text: str | None = None
    proceedings = _proceedings(doc)
    if proceedings is None:
        text = _plain(doc.source)
        if len(vocab.narration.findall(text)) >= NARRATION_NEEDED:
            proceedings = "it narrates the meeting"
    if proceedings is None:
        assert text is not None
        best: tuple[int, str] | None = None
        for family, pattern in vocab.page_marks:
            marks = len(pattern.findall(text))
            if marks >= MARKS_NEEDED and (best is None or marks > best[0]):
                best = (marks, _FAMILY_NAMES[family])
        if best is not None:
            return (
                f"this looks like {best[1]}, not minutes: {best[0]} lines typical of one, "
                "and no minutes text, resolution, attendance or account of a meeting"
            )
    if _anchor(doc) is not None:
        return None
    text = _plain(doc.source) if text is None else text
    if _INLINE_LABEL.search(text) or len(vocab.narration.findall(text)) >= NARRATION_NEEDED:
        return None
    words = len(_WORD.findall(text))
    if words < ANCHORLESS_MIN_WORDS:
        return None
    if proceedings is None:
        return (
            "nothing in it records a meeting: no meeting line or header, agenda item, attendance list,"
            " closing line, resolution or account of a meeting"
        )
    share = _proceedings_share(doc)
    if share < ANCHORLESS_SHARE:
        return (
            "nothing in it records a meeting: no meeting line or header, agenda item, attendance list or"
            f" closing line, and what reads as proceedings is {share:.0%} of its text, in running prose"
        )
    return None


def _told(vote: Vote) -> bool:
    """Whether a vote says anything: who moved or seconded it, a count, its result or that it was unanimous.

    A lone "seconded" in running words is read as a vote with nothing known;
    it is no evidence that the text records a meeting.
    """
    return bool(
        vote.proposer
        or vote.seconder
        or vote.result
        or vote.unanimous
        or vote.votes_for is not None
        or vote.votes_against is not None
        or vote.abstentions is not None
    )


def _proceedings_share(doc: Document) -> float:
    """The share of ``doc``'s words that stand in its outcomes, votes, exchanges and commitments."""
    covered = bytearray(len(doc.source))
    spans = [o.span for o in doc.outcomes()]
    spans += [v.span for v in doc.votes() if _told(v)]
    spans += [e.span for e in doc.exchanges()]
    spans += [c.span for c in doc.commitments()]
    for span in spans:
        covered[span.start : span.end] = b"\x01" * (span.end - span.start)
    words = [m.span() for m in _WORD.finditer(doc.source)]
    if not words:
        return 0.0
    return sum(1 for start, _ in words if covered[start]) / len(words)
