"""Tell minutes from the other pages councils publish beside them.

A council website prints agendas, committee description pages and
forward-plan notices in the same layouts as minutes.  They share the
vocabulary (item headings, ``RECOMMENDED that …``, ``Decision:``), so the
grammar parses them happily; this module decides, after the parse, whether
what was read records a meeting's proceedings at all.

The rule (:func:`not_minutes_reason`) needs *both*:

1. **No evidence of proceedings.**  Minutes record what happened, so any of
   these makes a text minutes, whatever else it holds:

   - a ``Minutes:`` or ``Decision:`` section with something in it;
   - a resolution or conclusion (a recommendation is not enough: agendas
     print the recommendations of their reports);
   - an attendance list naming someone present, or a closing line
     ("The meeting ended at …");
   - at least :data:`NARRATION_NEEDED` sentences narrating the meeting in
     the past tense ("Members asked …", "The Committee noted …", "the
     Cabinet Member undertook …", "There were no apologies").

2. **Evidence of another kind of page.**  At least
   :data:`MARKS_NEEDED` lines of one of these families:

   - *agenda*: an item's purpose in the infinitive ("To receive …",
     "To consider …", "To approve …"), "Members are asked to …", the report's
     "Recommendation(s):", "Report of the …", "Items" / "No. Item" tables;
   - *forward plan*: "Decision maker:", "Decision due:", "Key decision",
     "Decision type:", "Lead member:", "Notice of … decision", "Reason key";
   - *committee page*: "Committee details", "Purpose of committee",
     "Membership", "Contact information", "Browse meetings".

Absent either, the text is taken for minutes: the parser never rejects
minutes for want of a signal, only pages that show they are something else.
"""

from __future__ import annotations

import re

from .._model import (
    Agreement,
    AttendanceBlock,
    AttendanceKind,
    Conclusion,
    Decision,
    Document,
    MeetingEnd,
    Resolution,
    SectionKind,
)
from ..parsing import patterns as rx

__all__ = ["MARKS_NEEDED", "NARRATION_NEEDED", "not_minutes_reason"]

NARRATION_NEEDED = 2
"""Past-tense sentences about the meeting that make a text minutes."""

MARKS_NEEDED = 2
"""Lines of one not-minutes family that make a text look like that family."""

_BODY = (
    r"(?:Committee|Sub-Committee|Panel|Board|Council|Forum|Commission|Group|Cabinet|Members?|Chair(?:man)?"
    r"|Councillors?|Officers?|Mayor|he|she|they|it|He|She|They|It)"
)
_PAST = (
    r"(?:resolved|agreed|noted|considered|received|discussed|asked|explained|reported|welcomed|informed"
    r"|stated|confirmed|advised|presented|undertook|commented|questioned|responded|highlighted|approved"
    r"|declared|queried|suggested|requested|thanked|expressed|raised|outlined|introduced|sought|heard"
    r"|acknowledged|replied|said|accepted)"
)
_NARRATION = rx.compile(
    rf"\b{_BODY}[ ]+(?:(?:had|also|then|further|unanimously)[ ]+)?{_PAST}\b"
    r"|\b(?:There|there)[ ]+(?:was|were)[ ]+no\b"
    r"|\b(?:It|it)[ ]+was[ ]+(?:noted|agreed|resolved|reported|explained|confirmed|asked|highlighted)\b"
)

_AGENDA = rx.compile(
    r"^[ \t]*(?:To[ ]+(?:receive|consider|approve|note|agree|review|scrutinise|elect|appoint|confirm)\b"
    r"|Members[ ]+are[ ]+(?:asked|invited|requested)[ ]+to\b"
    r"|Recommendations?(?:[ ]+of[ ]+the[ ]+report)?[ ]*:"
    r"|Report[ ]+of[ ]+the\b"
    r"|(?:No\.?[ ]+)?Items?[ ]*$|No\.?[ ]+Item\b)",
    re.MULTILINE,
)
_FORWARD_PLAN = rx.compile(
    r"^[ \t]*(?:Decision[ ]+(?:maker|due|type|to[ ]+be[ ]+taken[ ]+by)[ ]*:"
    r"|Lead[ ]+(?:member|director|officer)[ ]*:"
    r"|Reason[ ]+key\b"
    r"|Notice[ ]+of[ ]+(?:proposed[ ]+)?(?:key[ ]+)?decision\b"
    r"|Wards?[ ]+affected[ ]*:"
    r"|Issue[ ]+details\b"
    r"|Exempt[ ]+information[ ]*:)"
    r"|\b[Kk]ey[ ]+decision\b",
    re.MULTILINE,
)
_COMMITTEE_PAGE = rx.compile(
    r"^[ \t]*(?:Committee[ ]+details|Purpose[ ]+of[ ]+(?:the[ ]+)?committee|Membership[ ]*:?[ ]*$"
    r"|Contact[ ]+information|Browse[ ]+meetings|Terms[ ]+of[ ]+reference[ ]*:?[ ]*$)",
    re.MULTILINE,
)
_FAMILIES = (
    ("an agenda", _AGENDA),
    ("a forward-plan notice", _FORWARD_PLAN),
    ("a committee description page", _COMMITTEE_PAGE),
)


def _proceedings(doc: Document, text: str) -> str | None:
    """What shows that ``doc`` records a meeting, or ``None``."""
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
    if doc.attendance.present or doc.attendance.apologies:
        return "it lists who attended"
    if len(_NARRATION.findall(text)) >= NARRATION_NEEDED:
        return "it narrates the meeting"
    return None


def not_minutes_reason(doc: Document) -> str | None:
    """Why the parsed ``doc`` is not minutes, or ``None`` if it is.

    The rule is in the module's docstring: no evidence of proceedings, and
    at least :data:`MARKS_NEEDED` lines typical of an agenda, a forward-plan
    notice or a committee description page.  The patterns read
    ``doc.source`` with tabs and no-break spaces made plain spaces.
    """
    text = doc.source.replace("\u00a0", " ").replace("\t", " ")
    if _proceedings(doc, text) is not None:
        return None
    best: tuple[int, str] | None = None
    for name, pattern in _FAMILIES:
        marks = len(pattern.findall(text))
        if marks >= MARKS_NEEDED and (best is None or marks > best[0]):
            best = (marks, name)
    if best is None:
        return None
    return (
        f"this looks like {best[1]}, not minutes: {best[0]} lines typical of one, "
        "and no minutes text, resolution, attendance or account of a meeting"
    )
