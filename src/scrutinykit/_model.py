"""The scrutinykit model: what a set of council minutes says, as typed values.

Every class here is a frozen, slotted, keyword-only attrs class holding
tuples, ``datetime`` values, ``Decimal`` and enums.  This module imports
nothing but attrs and the standard library: no parser types, no JSON.

Two kinds of object make up a document:

* **Nodes** cover the text.  Each carries a :class:`Span` of offsets into the
  original source.  *Textual* nodes (:data:`TEXTUAL_NODES`) own the
  characters of their span that no child node covers; *container* nodes own
  nothing and are exactly covered by their children.  Together the textual
  nodes cover every non-whitespace character of the source exactly once.
  One exception nests: page furniture that a sentence was rejoined around
  (a page number between the two halves of a sentence split by a page
  break) lies inside that sentence's span, and its characters are the
  :class:`Furniture` node's, which follows the sentence's block.
* **Annotations** (:class:`Person`, :class:`Meeting`, :class:`Attendance`)
  are facts read out of the nodes; they point back to the text with spans
  too, but they overlap the nodes they were read from.
"""

from __future__ import annotations

import bisect
import datetime
import enum
import types
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, TypeGuard, Union

import attrs
from attrs import field, frozen

if TYPE_CHECKING:  # the view is imported when used, not with the model
    from .views.show import DocumentView

__all__ = [
    "OUTCOME_TYPES",
    "AgendaItem",
    "Agreement",
    "Attendance",
    "AttendanceBlock",
    "AttendanceKind",
    "Block",
    "BudgetProposal",
    "Commitment",
    "CommitmentKind",
    "Conclusion",
    "Decision",
    "Document",
    "DocumentKind",
    "Due",
    "DueKind",
    "EntryLine",
    "Exchange",
    "Figure",
    "FigureKind",
    "Furniture",
    "Heading",
    "HeadingLine",
    "InputFormat",
    "ItemKind",
    "ItemSection",
    "Link",
    "Marker",
    "MarkerKind",
    "Meeting",
    "MeetingEnd",
    "Note",
    "Outcome",
    "Page",
    "Paragraph",
    "Person",
    "Point",
    "PointList",
    "Proceedings",
    "Recommendation",
    "Reference",
    "ReferenceKind",
    "Resolution",
    "ScrutinyQuestions",
    "SectionKind",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "StanceKind",
    "Statement",
    "StatementKind",
    "Vote",
    "VoteResult",
    "is_outcome",
    "line_col",
]


def line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text`` (clamped to the text)."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@frozen(kw_only=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of offsets into the original text."""

    start: int
    """Offset of the first character (0-based, in ``str`` indices)."""
    end: int
    """Offset one past the last character."""

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


# ---------------------------------------------------------------------------
# Enumerations
# ---------------------------------------------------------------------------


class DocumentKind(enum.Enum):
    """The shape of a minutes document."""

    MEETING = "meeting"
    """The written minutes of a whole meeting, item after item."""
    AGENDA_ITEM = "agenda_item"
    """A page holding one agenda item and its minutes (a ModernGov item page)."""


class InputFormat(enum.Enum):
    """The kind of file a document was read from.

    For HTML and PDF the document's ``source`` is scrutinykit's text
    rendering of the file (the text the grammar read and the spans index),
    not the file's bytes.
    """

    TEXT = "text"
    """Plain text: ``source`` is the text as given."""
    HTML = "html"
    """An HTML page (a ModernGov agenda-item, meeting or decision page), rendered to text."""
    PDF = "pdf"
    """A PDF of written minutes, its text extracted page by page."""


class ItemKind(enum.Enum):
    """What an agenda item is for, read from its title."""

    APOLOGIES = "apologies"
    DECLARATIONS = "declarations"
    PREVIOUS_MINUTES = "previous_minutes"
    URGENT_BUSINESS = "urgent_business"
    EXEMPT_ITEMS = "exempt_items"
    PUBLIC_QUESTIONS = "public_questions"
    WORK_PROGRAMME = "work_programme"
    SUBSTANTIVE = "substantive"
    """Business of substance: a report, a presentation, a question time."""


class SectionKind(enum.Enum):
    """The labelled parts of an agenda item after its agenda text."""

    MINUTES = "minutes"
    """``Minutes:`` — what the meeting recorded."""
    DECISION = "decision"
    """``Decision:`` — a decision block (it may repeat the minutes)."""
    SUPPORTING_DOCUMENTS = "supporting_documents"
    """``Supporting documents:`` / ``Additional documents:``."""


class MarkerKind(enum.Enum):
    """Lines that are page structure rather than content."""

    AGENDA_ITEM_BANNER = "agenda_item_banner"
    BREADCRUMB = "breadcrumb"
    SECTION_LABEL = "section_label"
    LINK = "link"


class FigureKind(enum.Enum):
    """What a figure in the text measures."""

    MONEY = "money"
    """An amount in pounds (``£1.1 million`` → ``Decimal("1100000")``)."""
    PERCENTAGE = "percentage"
    """A percentage (``24%``, ``7.5 per cent``)."""
    COUNT = "count"
    """A number of things (``about 16 cases per officer`` → ``Decimal("16")``)."""


class AttendanceKind(enum.Enum):
    """Which attendance list a block or a person belongs to."""

    PRESENT = "present"
    CO_OPTEE = "co_optee"
    ALSO_ATTENDING = "also_attending"
    OFFICER = "officer"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"


# ---------------------------------------------------------------------------
# Annotations: people and the meeting
# ---------------------------------------------------------------------------


@frozen(kw_only=True)
class Person:
    """A person named in the minutes, with what the text says about them."""

    span: Span
    """Where the whole entry (name, role, description) was written."""
    name: str
    """The name as written, without Councillor/Cllr and without notes."""
    honorific: str | None = None
    """A title written before the name: ``Councillor``, ``Mr``, ``Dr`` …"""
    role: str | None = None
    """A chairing role: ``Chair``, ``Chairman``, ``Vice-Chair`` …"""
    description: str | None = None
    """Office, job title or kind of co-optee, e.g. ``Diocesan co-optee``."""
    kind: AttendanceKind = AttendanceKind.PRESENT
    """The attendance list this entry belongs to."""


@frozen(kw_only=True)
class Figure:
    """A figure written in the text: money, a percentage or a count, with its value."""

    span: Span
    """Where the figure is written (with what it counts, when the text says)."""
    kind: FigureKind
    """Money, a percentage or a count."""
    value: Decimal
    """The value: pounds for money, the number before ``%`` for percentages."""
    text: str
    """The figure as written."""
    unit: str | None = None
    """What it counts or measures, as written: ``of agency staff``, ``saving``,
    ``cases per officer``; ``None`` when the text does not say."""


@frozen(kw_only=True)
class Attendance:
    """Who was at the meeting, by list.

    A list that the minutes do not mention is empty and its ``*_recorded``
    flag is false; ``apologies`` is ``None`` when unknown, and an empty tuple
    when the minutes say there were none.
    """

    present: tuple[Person, ...] = ()
    """Members of the committee present, with chairing roles."""
    co_optees: tuple[Person, ...] = ()
    """Co-opted members, with their kind (``Diocesan co-optee``)."""
    also_attending: tuple[Person, ...] = ()
    """Others in attendance: cabinet members, visiting councillors, guests."""
    officers: tuple[Person, ...] = ()
    """Council officers in attendance, with job titles."""
    apologies: tuple[Person, ...] | None = None
    """Apologies for absence; ``()`` when there were none, ``None`` if unknown."""
    substitutes: tuple[Person, ...] = ()
    """Members attending as substitutes for others."""

    def everyone(self) -> tuple[Person, ...]:
        """Everyone named as present in any role (not apologies)."""
        return self.present + self.co_optees + self.also_attending + self.officers + self.substitutes


@frozen(kw_only=True)
class Meeting:
    """The meeting the document records, as far as the text says."""

    committee: str | None = None
    """The name of the committee or sub-committee that met."""
    date: datetime.date | None = None
    """The date of the meeting."""
    start_time: datetime.time | None = None
    """When the meeting began (``6.30pm`` → 18:30)."""
    end_time: datetime.time | None = None
    """When it ended (``The meeting ended at 9.15pm`` → 21:15)."""
    venue: str | None = None
    """Where it was held, when the text says."""
    span: Span | None = None
    """The header text these facts were read from, if any."""


@frozen(kw_only=True)
class Link:
    """A hyperlink of an HTML page: a supporting document, a report, a webcast."""

    span: Span
    """Where the link's text stands in the rendering (``source``)."""
    text: str
    """The link's text, whitespace folded."""
    url: str
    """The link's target as the page gives it (resolved against the page's ``<base>``, if it has one)."""


@frozen(kw_only=True)
class Page:
    """A page of a PDF: which part of the rendering came from it."""

    span: Span
    """The part of ``source`` taken from this page, furniture included."""
    number: int
    """The page's position in the file, counting from 1 (not its printed number)."""


# ---------------------------------------------------------------------------
# Annotations: proceedings (who asked, who answered, who must act, by when)
# ---------------------------------------------------------------------------


class SpeakerKind(enum.Enum):
    """Who a speaker is, as the minutes describe them."""

    MEMBER = "member"
    """A member of the committee: "A Member", "Members", "Councillor Example"."""
    CHAIR = "chair"
    """The chair or vice-chair of the meeting."""
    CO_OPTEE = "co_optee"
    """A co-opted member: "the teacher representative", "the Diocesan co-optee"."""
    CABINET_MEMBER = "cabinet_member"
    """A cabinet member, portfolio holder or leader, answering for a portfolio."""
    OFFICER = "officer"
    """A council officer, by job title or as "Officers"."""
    WITNESS = "witness"
    """Someone from outside the council: a witness, a guest, head teachers, the police."""
    COMMITTEE = "committee"
    """A body acting as one: "The Sub-Committee", "Cabinet", "the Panel"."""


@frozen(kw_only=True)
class Speaker:
    """Who said, asked or must do something, as named in the text."""

    span: Span
    """Where the speaker is named (a pronoun's span when the text says "She")."""
    kind: SpeakerKind
    """Member, chair, co-optee, cabinet member, officer, witness or committee."""
    text: str
    """The words that name the speaker, as written: "The Cabinet Member"."""
    name: str | None = None
    """The person's name, when the text names them or the attendance list resolves them."""
    title: str | None = None
    """The office or job title: "Director of Human Resources", "Cabinet Member for …"."""
    portfolio: str | None = None
    """For a cabinet member, the portfolio: "Children, Young People and Learning"."""
    plural: bool = False
    """True for a group: "Members", "Officers"."""


class StatementKind(enum.Enum):
    """The part a sentence plays in a debate."""

    QUESTION = "question"
    """A question put: "It was asked …", "Members enquired about …"."""
    CHALLENGE = "challenge"
    """A challenge or concern put to those answering: "A Member raised concerns …"."""
    COMMENT = "comment"
    """A remark from the members' side: "The Chair added that …"."""
    RESPONSE = "response"
    """An answer: "The Cabinet Member responded that …", "Members heard that …"."""


@frozen(kw_only=True)
class Statement:
    """One contribution to a debate: a sentence (or clause) and who made it."""

    span: Span
    """The sentence or clause, in the original text."""
    kind: StatementKind
    """Question, challenge, comment or response."""
    speaker: Speaker | None = None
    """Who made it, when the text says ("It was asked" names nobody)."""
    phrase: str = ""
    """The formula that marks it, as written: "It was asked", "responded that"."""


@frozen(kw_only=True)
class Exchange:
    """A question or challenge and the responses to it."""

    span: Span
    """From the question to the end of the last response."""
    question: Statement
    """What was asked or challenged."""
    responses: tuple[Statement, ...] = ()
    """The answers, in order."""


class StanceKind(enum.Enum):
    """The attitude a statement records."""

    CONCERN = "concern"
    """"expressed serious concerns", "were concerned"."""
    CHALLENGE = "challenge"
    """"challenged", "sought assurances", "questioned whether"."""
    WELCOME = "welcome"
    """"welcomed", "were pleased", "commended"."""
    REASSURANCE = "reassurance"
    """"were reassured that", "was reassuring"."""
    UNCONVINCED = "unconvinced"
    """"remained unconvinced", "were not satisfied"."""


@frozen(kw_only=True)
class Stance:
    """A statement of concern, challenge, welcome, reassurance or doubt."""

    span: Span
    """The sentence that records it."""
    kind: StanceKind
    """Which attitude."""
    speaker: Speaker | None = None
    """Whose attitude, when the sentence names them."""
    phrase: str = ""
    """The words that mark the stance, as written: "expressed serious concerns"."""


class DueKind(enum.Enum):
    """How a due date is stated."""

    DATE = "date"
    """A calendar date: "by 31 January 2025"."""
    MONTH = "month"
    """A month or part of one: "April 2021", "the end of November"."""
    MEETING = "meeting"
    """A meeting: "the April meeting", "the next meeting"."""
    PERIOD = "period"
    """A period from the meeting: "in six months", "within four weeks"."""
    RECURRING = "recurring"
    """Again and again: "at every meeting of this municipal year", "quarterly"."""
    SOON = "soon"
    """"as soon as possible", "in due course", "once available"."""


@frozen(kw_only=True)
class Due:
    """When something is due, as written and, where possible, as a date."""

    span: Span
    """Where the time is written, without its preposition."""
    kind: DueKind
    """Date, month, meeting, period, recurrence or "soon"."""
    text: str
    """The time as written, without its preposition: "the April meeting", "six months"."""
    relation: str | None = None
    """The preposition before it, lower-cased: "by", "before", "in", "within", "at"."""
    date: datetime.date | None = None
    """The date it resolves to, when the text or the meeting date allows.

    For a month or a meeting in a month, the first day of that month; for a
    period, the meeting date plus the period.  ``None`` when it cannot be
    resolved (a relative time in a document without a meeting date).
    """


class CommitmentKind(enum.Enum):
    """What sort of commitment the text records."""

    ACTION = "action"
    """An action given to someone: "Action: the Clerk to …", "The Clerk to write …"."""
    UNDERTAKING = "undertaking"
    """Someone undertook to do something: "The Director undertook to share …"."""
    REQUEST = "request"
    """Information or a report asked for: "Members asked for … to be circulated"."""


@frozen(kw_only=True)
class Commitment:
    """Something someone must do, with who and by when where the text says."""

    span: Span
    """The sentence or outcome point that records it."""
    kind: CommitmentKind
    """Action, undertaking or request."""
    text: str
    """What is to be done, as written (the words after "undertook to" or "Action:")."""
    owner: Speaker | None = None
    """Who must act: the one who undertook it, the action's owner, a request's addressee."""
    due: Due | None = None
    """When it is due, where stated."""
    in_outcome: bool = False
    """True when it was read from a resolution, recommendation or conclusion."""


class ReferenceKind(enum.Enum):
    """What a reference points to."""

    MEETING = "meeting"
    """Another meeting: "its meeting on 12 February 2024", "the minutes of the meeting held on …"."""
    DOCUMENT = "document"
    """A dated document: "the Ofsted inspection report of 4 September 2017"."""


@frozen(kw_only=True)
class Reference:
    """A reference to another meeting or a document, with its date."""

    span: Span
    """From the first word of the reference to the end of its date."""
    kind: ReferenceKind
    """A meeting or a document."""
    text: str
    """The reference as written."""
    date: datetime.date | None = None
    """The date it gives."""


class VoteResult(enum.Enum):
    """How a vote went."""

    CARRIED = "carried"
    LOST = "lost"


@frozen(kw_only=True)
class Vote:
    """A vote the minutes record: mover, seconder, counts and result."""

    span: Span
    """The sentence that records it."""
    proposer: str | None = None
    """Who proposed (moved) it, as written."""
    seconder: str | None = None
    """Who seconded it, as written."""
    votes_for: int | None = None
    """Votes for, when counted."""
    votes_against: int | None = None
    """Votes against, when counted."""
    abstentions: int | None = None
    """Abstentions, when counted."""
    result: VoteResult | None = None
    """Carried or lost, when the text says (a unanimous vote is carried)."""
    unanimous: bool = False
    """True when the text says unanimously, nem con or all in favour."""
    amendment: bool = False
    """True when the vote was on an amendment."""


@frozen(kw_only=True)
class Proceedings:
    """What the debate recorded outside any agenda item: before the first item or after the close.

    An item carries its own exchanges, stances, commitments, references and
    votes as fields; the text before the first item (a preamble, an item
    whose heading was lost) and after the closing line is read the same way
    and kept here (:attr:`Document.front_matter_proceedings`,
    :attr:`Document.closing_proceedings`).  Every value has a span into the
    source, as an item's do.
    """

    exchanges: tuple[Exchange, ...] = ()
    """Questions and challenges, each with its responses."""
    stances: tuple[Stance, ...] = ()
    """Statements of concern, challenge, welcome, reassurance or doubt."""
    commitments: tuple[Commitment, ...] = ()
    """Actions, undertakings and requests, with owner and due date where stated."""
    references: tuple[Reference, ...] = ()
    """References to other meetings and to dated documents."""
    votes: tuple[Vote, ...] = ()
    """Votes recorded."""

    def __bool__(self) -> bool:
        """True when anything was read."""
        return bool(self.exchanges or self.stances or self.commitments or self.references or self.votes)


# ---------------------------------------------------------------------------
# Nodes: textual leaves
# ---------------------------------------------------------------------------


@frozen(kw_only=True)
class Paragraph:
    """A paragraph of prose the grammar has no more specific type for."""

    span: Span
    """Where it stands in the source."""
    text: str
    """The text with runs of whitespace folded to one space."""


@frozen(kw_only=True)
class Heading:
    """A heading line: a document title, an item title, a sub-heading."""

    span: Span
    """Where it stands in the source."""
    text: str
    """The heading text, whitespace folded."""


@frozen(kw_only=True)
class Note:
    """A bracketed note on an agenda item, e.g. ``(Report to follow)``."""

    span: Span
    """Where it stands in the source."""
    text: str
    """The note without its brackets."""


@frozen(kw_only=True)
class Marker:
    """Page structure: ``Agenda item``, ``Minutes:``, a breadcrumb, a link."""

    span: Span
    """Where it stands in the source."""
    kind: MarkerKind
    """What sort of structure the line is."""
    text: str
    """The line as written, whitespace folded."""


@frozen(kw_only=True)
class Furniture:
    """PDF page furniture: a page number, a running header or footer."""

    span: Span
    """Where it stands in the source."""
    text: str
    """The furniture text."""


@frozen(kw_only=True)
class MeetingEnd:
    """The closing line, e.g. ``The meeting ended at 9.15pm``."""

    span: Span
    """Where it stands in the source."""
    text: str
    """The line, whitespace folded."""
    time: datetime.time | None
    """The time it gives, if it gives one."""


@frozen(kw_only=True)
class Point:
    """A numbered, lettered or bulleted point, possibly with sub-points.

    A point owns the text of its own label and sentence; its sub-points own
    theirs.
    """

    span: Span
    """From the label to the end of the last sub-point."""
    label: str
    """The label as written: ``1``, ``a``, ``iv``, ``-``, ``•``."""
    text: str
    """The point's own text, without label or sub-points."""
    points: tuple[Point, ...] = ()
    """Sub-points, in order."""


EntryLine = Union[Paragraph, Point]
"""A line of an attendance list: a plain line or a bulleted entry."""

HeadingLine = Union[Marker, Heading]
"""A line of an item heading: a banner or number line, or the title."""


# ---------------------------------------------------------------------------
# Nodes: containers
# ---------------------------------------------------------------------------


@frozen(kw_only=True)
class PointList:
    """Points that follow a paragraph and belong to no outcome."""

    span: Span
    """From the first point to the end of the last."""
    points: tuple[Point, ...]
    """The top-level points."""


@frozen(kw_only=True)
class AttendanceBlock:
    """Lines of an attendance list as they stand in the text."""

    span: Span
    """From the label to the last entry."""
    kind: AttendanceKind
    """The list the block introduces (``Present:``, ``Also in attendance:``…)."""
    lines: tuple[EntryLine, ...]
    """The label line and the entry lines, in order."""


@frozen(kw_only=True)
class _OutcomeBase:
    span: Span
    """From the introducing phrase to the end of the last point."""
    intro: Paragraph
    """The introducing paragraph (``RESOLVED that:``, ``Conclusions`` …)."""
    made_by: str | None = None
    """The body that made the outcome, when the intro names it."""
    body: tuple[Paragraph, ...] = ()
    """Unnumbered paragraphs of the outcome after the intro (``That …``)."""
    points: tuple[Point, ...] = ()
    """The numbered points, in order."""
    text: str = ""
    """What was resolved, in the outcome's own words: without the label, the
    addressee and the introducing "that" (each a field of its own); empty when
    the outcome is only points."""
    label: str | None = None
    """The label as written (``RESOLVED``, ``The Sub-Committee recommended``,
    ``Members agreed``); ``None`` when the outcome has none (or it was lost)."""
    that: str | None = None
    """The word introducing what was resolved, as written (``that``, ``THAT``),
    when there is one; it is not part of ``text``."""
    implicit: bool = False
    """True when the label was lost and the outcome was recognised by form."""
    addressee: str | None = None
    """To whom the outcome is addressed, where stated: "Cabinet", "officers"."""
    due: Due | None = None
    """When the outcome's own text says it is due (its points' dates are commitments)."""
    duplicate: bool = False
    """True when the item records the same outcome earlier (a ``Decision:`` block
    repeated by the resolution in its minutes): both are kept, the later marked."""


@frozen(kw_only=True)
class Resolution(_OutcomeBase):
    """A formal resolution: ``RESOLVED that …``, ``Resolved: That …``."""


@frozen(kw_only=True)
class Recommendation(_OutcomeBase):
    """Recommendations the committee made (``The Sub-Committee recommended that``)."""


@frozen(kw_only=True)
class Conclusion(_OutcomeBase):
    """Conclusions the committee reached (``came to the following conclusions``)."""


@frozen(kw_only=True)
class Agreement(_OutcomeBase):
    """What the committee agreed or noted, told as narrative rather than resolved.

    "The Committee agreed that …", "It was agreed …", "The Committee NOTED the
    report", "Proposed by …, seconded by … and agreed …", and "The Committee:"
    over points that each say what it noted or agreed.
    """


@frozen(kw_only=True)
class Decision(_OutcomeBase):
    """A decision recorded under a ``Decision:`` label (a decision block, an
    executive decision), often repeated by a resolution in the minutes."""


Outcome = Union[Resolution, Recommendation, Conclusion, Agreement, Decision]
"""Any of the outcome types."""

OUTCOME_TYPES: tuple[type, ...] = (Resolution, Recommendation, Conclusion, Agreement, Decision)
"""The outcome classes, for ``isinstance`` checks."""


def is_outcome(node: object) -> TypeGuard[Outcome]:
    """Whether ``node`` is an outcome of any type."""
    return isinstance(node, OUTCOME_TYPES)


@frozen(kw_only=True)
class ScrutinyQuestions:
    """Questions the committee was asked to reach a conclusion on."""

    span: Span
    """From the asking sentence to the last question."""
    intro: Paragraph
    """The sentence that puts the questions."""
    questions: tuple[Point, ...]
    """The questions, one point each."""


@frozen(kw_only=True)
class BudgetProposal:
    """A budget proposal considered within an item, with what was said of it."""

    span: Span
    """From the proposal heading to the end of its discussion."""
    heading: Heading
    """The heading line, e.g. ``2024-28 SAV CYPE 001 – …``."""
    reference: str
    """The savings reference, e.g. ``2024-28 SAV CYPE 001``."""
    title: str
    """The proposal's title after the reference."""
    blocks: tuple[Block, ...] = ()
    """Its discussion and conclusions, in order."""

    def outcomes(self) -> tuple[Outcome, ...]:
        """The outcomes recorded on this proposal."""
        return tuple(b for b in self.blocks if is_outcome(b))


Block = Union[
    Paragraph,
    Heading,
    Note,
    Marker,
    Furniture,
    MeetingEnd,
    PointList,
    AttendanceBlock,
    Resolution,
    Recommendation,
    Conclusion,
    Agreement,
    Decision,
    ScrutinyQuestions,
    BudgetProposal,
]
"""Anything that can stand in the flow of a document or an item."""


@frozen(kw_only=True)
class ItemSection:
    """A labelled part of an item: its minutes, a decision, its documents."""

    span: Span
    """From the label to the end of the part."""
    kind: SectionKind
    """Which part."""
    label: Marker
    """The label line (``Minutes:``)."""
    blocks: tuple[Block, ...] = ()
    """The part's content, in order."""


@frozen(kw_only=True, repr=False)
class AgendaItem:
    """One agenda item: its heading, agenda text and labelled sections.

    Its ``repr`` is short (number, first words of the title, counts);
    :meth:`full_repr` gives every field.
    """

    span: Span
    """From the heading to the end of the item."""
    heading: tuple[HeadingLine, ...]
    """The heading lines (a number line, a banner and the title line)."""
    title: str
    """The item's title, without its number and agenda-item reference."""
    minute_number: str | None = None
    """The minute reference as written, e.g. ``A31/17``."""
    agenda_number: str | None = None
    """The agenda item number as written, e.g. ``5`` from ``(agenda item 5)``."""
    kind: ItemKind = ItemKind.SUBSTANTIVE
    """Procedural or substantive, read from the title."""
    agenda: tuple[Block, ...] = ()
    """What stands before the first label: the item's purpose, notes."""
    sections: tuple[ItemSection, ...] = ()
    """The labelled parts, in order."""
    previous_minutes_date: datetime.date | None = None
    """For a previous-minutes item, the date of the meeting they record."""
    previous_minutes_agreed: bool | None = None
    """For a previous-minutes item, whether they were agreed."""
    officers: tuple[Person, ...] = ()
    """Officers listed as in attendance for this item."""
    exchanges: tuple[Exchange, ...] = ()
    """Questions and challenges in the minutes, each with its responses."""
    stances: tuple[Stance, ...] = ()
    """Statements of concern, challenge, welcome, reassurance or doubt."""
    commitments: tuple[Commitment, ...] = ()
    """Actions, undertakings and requests, with owner and due date where stated."""
    references: tuple[Reference, ...] = ()
    """References to other meetings and to dated documents."""
    votes: tuple[Vote, ...] = ()
    """Votes recorded on the item."""

    @property
    def minutes(self) -> tuple[Block, ...]:
        """What the meeting recorded on the item.

        The blocks of every ``Minutes:`` section; when the item has no such
        label (written minutes) its agenda part is the minutes.
        """
        found = [s for s in self.sections if s.kind is SectionKind.MINUTES]
        if not found:
            has_labels = any(s.kind is SectionKind.DECISION for s in self.sections)
            return () if has_labels else self.agenda
        return tuple(b for s in found for b in s.blocks)

    @property
    def notes(self) -> tuple[str, ...]:
        """Bracketed notes in the agenda text, e.g. ``Report to follow``."""
        return tuple(b.text for b in self.agenda if isinstance(b, Note))

    def outcomes(self) -> tuple[Outcome, ...]:
        """Every outcome recorded on the item, budget proposals included."""
        out: list[Outcome] = []
        for block in _item_blocks(self):
            if is_outcome(block):
                out.append(block)
            elif isinstance(block, BudgetProposal):
                out.extend(block.outcomes())
        return tuple(out)

    def budget_proposals(self) -> tuple[BudgetProposal, ...]:
        """The budget proposals considered under the item."""
        return tuple(b for b in _item_blocks(self) if isinstance(b, BudgetProposal))

    def scrutiny_questions(self) -> tuple[Point, ...]:
        """The questions the committee was asked to conclude on."""
        return tuple(q for b in _item_blocks(self) if isinstance(b, ScrutinyQuestions) for q in b.questions)

    def __repr__(self) -> str:
        number = self.minute_number or self.agenda_number
        return (
            f"<AgendaItem {number + ' ' if number else ''}{_first_words(self.title)!r}"
            f" ({self.kind.value}, {_count(len(self.outcomes()), 'outcome')},"
            f" {_count(len(self.commitments), 'commitment')}, span {self.span.start}-{self.span.end})>"
        )

    def full_repr(self) -> str:
        """The whole item as an attrs ``repr`` would give it, every field and node."""
        return full_repr(self)


def _item_blocks(item: AgendaItem) -> Iterator[Block]:
    yield from item.agenda
    for section in item.sections:
        yield from section.blocks


@frozen(kw_only=True, repr=False)
class Document:
    """A parsed minutes document: the source text and everything read from it.

    Its ``repr`` is short (where it came from, the committee, counts);
    :meth:`full_repr` gives every field.
    """

    source: str = field(repr=lambda s: f"<{len(s)} characters>")
    """The original text, exactly as given."""
    source_name: str | None = None
    """Where the text came from: the file's path as given to
    :func:`scrutinykit.parse_file`, or the name given as ``source=`` to
    :func:`scrutinykit.parse`; ``None`` when nobody said."""
    kind: DocumentKind
    """A whole meeting's minutes, or one agenda item's page."""
    meeting: Meeting
    """The meeting recorded (fields ``None`` where the text is silent)."""
    attendance: Attendance
    """Who attended, by list."""
    front_matter: tuple[Block, ...] = ()
    """Everything before the first agenda item: titles, attendance lists."""
    front_matter_proceedings: Proceedings = field(factory=Proceedings)
    """Exchanges, stances, commitments, references and votes read from the front matter."""
    items: tuple[AgendaItem, ...] = ()
    """The agenda items, in order."""
    closing: tuple[Block, ...] = ()
    """The closing line and anything after it (signatures)."""
    closing_proceedings: Proceedings = field(factory=Proceedings)
    """Exchanges, stances, commitments, references and votes read from the closing."""
    truncated: bool = False
    """True when the text stops mid-sentence, as a cut-off or scraped excerpt does."""
    figures: tuple[Figure, ...] = ()
    """Money and percentages written anywhere in the text, in order."""
    encoding: str | None = None
    """The encoding the bytes were decoded from, when parsed from bytes."""
    format: InputFormat = InputFormat.TEXT
    """The kind of file read: plain text, an HTML page or a PDF."""
    pages: tuple[Page, ...] = ()
    """For a PDF, its pages in order, covering ``source``; empty otherwise."""
    links: tuple[Link, ...] = ()
    """For an HTML page, its links in order, with their URLs; empty otherwise."""

    @property
    def span(self) -> Span:
        """The whole source."""
        return Span(start=0, end=len(self.source))

    def text_of(self, node: object) -> str:
        """Exactly the source text ``node`` (anything with a ``span``) came from."""
        span = node if isinstance(node, Span) else getattr(node, "span", None)
        if not isinstance(span, Span):
            raise TypeError(f"{type(node).__name__} has no span")
        return self.source[span.start : span.end]

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset into the source."""
        return line_col(self.source, offset)

    def page_of(self, node_or_offset: object) -> int | None:
        """The number of the PDF page a node (where its span starts), a span or an offset is on.

        ``None`` when the document has no pages (it was not read from a PDF)
        or the offset lies outside every page.
        """
        if isinstance(node_or_offset, int) and not isinstance(node_or_offset, bool):
            offset = node_or_offset
        else:
            span = getattr(node_or_offset, "span", node_or_offset)
            if not isinstance(span, Span):
                raise TypeError(f"{type(node_or_offset).__name__} has no span")
            offset = span.start
        index = bisect.bisect_right(self.pages, offset, key=_page_start) - 1
        if index < 0:
            return None
        page = self.pages[index]
        return page.number if offset < page.span.end or offset == page.span.start else None

    def outcomes(self) -> tuple[Outcome, ...]:
        """Every outcome in the document, in order: before the first item, in the items, after the close."""
        return (
            *(b for b in self.front_matter if is_outcome(b)),
            *(o for item in self.items for o in item.outcomes()),
            *(b for b in self.closing if is_outcome(b)),
        )

    def _proceedings(self) -> Iterator[Proceedings | AgendaItem]:
        """Where proceedings are kept, in source order: the front matter, each item, the closing."""
        yield self.front_matter_proceedings
        yield from self.items
        yield self.closing_proceedings

    def exchanges(self) -> tuple[Exchange, ...]:
        """Every question-and-answer exchange, in order: before the first item, in the items,
        after the close."""
        return tuple(e for p in self._proceedings() for e in p.exchanges)

    def stances(self) -> tuple[Stance, ...]:
        """Every statement of stance, in order: before the first item, in the items, after the close."""
        return tuple(s for p in self._proceedings() for s in p.stances)

    def commitments(self) -> tuple[Commitment, ...]:
        """Every action, undertaking and request, in order: before the first item, in the items,
        after the close."""
        return tuple(c for p in self._proceedings() for c in p.commitments)

    def actions(self) -> tuple[Commitment, ...]:
        """The actions and undertakings: what someone must do (all of :meth:`commitments` but requests)."""
        return tuple(c for c in self.commitments() if c.kind is not CommitmentKind.REQUEST)

    def requests(self) -> tuple[Commitment, ...]:
        """The requests for information and reports (of :meth:`commitments`)."""
        return tuple(c for c in self.commitments() if c.kind is CommitmentKind.REQUEST)

    def references(self) -> tuple[Reference, ...]:
        """Every reference to another meeting or a dated document, in order: before the first item,
        in the items, after the close."""
        return tuple(r for p in self._proceedings() for r in p.references)

    def votes(self) -> tuple[Vote, ...]:
        """Every vote recorded, in order: before the first item, in the items, after the close."""
        return tuple(v for p in self._proceedings() for v in p.votes)

    def walk(self) -> Iterator[object]:
        """Every node of the document, parents before children, in order."""
        for block in self.front_matter:
            yield from walk(block)
        for item in self.items:
            yield from walk(item)
        for block in self.closing:
            yield from walk(block)

    def show(self) -> DocumentView:
        """The annotated view: the source with every span highlighted, beside the facts.

        A notebook shows it inline; ``.html`` is the page, ``.save(path)`` writes it
        (see :func:`scrutinykit.show`).
        """
        from .views.show import DocumentView  # the view loads only when asked for

        return DocumentView(self)

    def to_html(self) -> str:
        """The annotated view as one self-contained HTML page (:meth:`show`)."""
        return self.show().html
    def __repr__(self) -> str:
        where = f"{self.source_name!r}, " if self.source_name else ""
        committee = _first_words(self.meeting.committee) if self.meeting.committee else None
        date = f", {self.meeting.date.isoformat()}" if self.meeting.date else ""
        return (
            f"<Document {where}{self.kind.value}: {committee!r}{date};"
            f" {_count(len(self.items), 'item')}, {_count(len(self.outcomes()), 'outcome')},"
            f" {_count(len(self.source), 'character')}>"
        )

    def full_repr(self) -> str:
        """The whole document as an attrs ``repr`` would give it, every field and node."""
        return full_repr(self)


def _first_words(text: str, words: int = 6) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when there are more."""
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def full_repr(node: object) -> str:
    """``node``'s repr with every field, nested nodes in full too (attrs' form).

    :class:`Document` and :class:`AgendaItem` have a short ``repr``; this is
    their long form, as the other model classes print.
    """
    if isinstance(node, tuple):
        inner = ", ".join(full_repr(v) for v in node)
        return f"({inner},)" if len(node) == 1 else f"({inner})"
    cls = type(node)
    if not _is_attrs(cls):
        return repr(node)
    parts = []
    for f in attrs.fields(cls):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        shown = f.repr(value) if callable(f.repr) else full_repr(value)
        parts.append(f"{f.name}={shown}")
    return f"{cls.__qualname__}({', '.join(parts)})"


def _page_start(page: Page) -> int:
    return page.span.start


TEXTUAL_NODES: tuple[type, ...] = (Paragraph, Heading, Note, Marker, Furniture, MeetingEnd, Point)
"""Node types that own text; all other nodes are covered by their children."""


_ANNOTATION_FIELDS = frozenset(
    {
        "span",
        "source",
        "officers",
        "figures",
        "meeting",
        "attendance",
        # Proceedings: annotations read from the text, not nodes of it.
        "exchanges",
        "stances",
        "commitments",
        "references",
        "votes",
        "due",
        "front_matter_proceedings",
        "closing_proceedings",
        # Where the text came from: annotations of the rendering.
        "pages",
        "links",
    }
)


def _child_fields(cls: type) -> tuple[str, ...]:
    names = []
    for f in attrs.fields(cls):
        if f.name in _ANNOTATION_FIELDS:
            continue
        names.append(f.name)
    return tuple(names)


_CHILDREN: dict[type, tuple[str, ...]] = {}


_IS_ATTRS: dict[type, bool] = {}


def _is_attrs(cls: type) -> bool:
    found = _IS_ATTRS.get(cls)
    if found is None:
        found = _IS_ATTRS[cls] = attrs.has(cls)
    return found


#: For each class met in a tuple of children: 1 when its instances are nodes (an attrs
#: class whose ``span`` is a slot, which ``__init__`` always fills), 0 when they are not
#: (not attrs, or no ``span``), 2 when each instance is asked (``hasattr``).
_SPAN_NODES: dict[type, int] = {}


def _span_node(cls: type) -> int:
    if not _is_attrs(cls):
        return 0
    # Anything but a slot of the class's own (a dict class's field, an inherited slot) is asked
    # of each instance, as an instance may hold ``span`` where its class shows none.
    return 1 if isinstance(cls.__dict__.get("span"), types.MemberDescriptorType) else 2


def walk(node: object) -> Iterator[object]:
    """Yield ``node`` and every node under it, parents first, in text order.

    An explicit stack rather than nested generators: a node deep in the
    document costs one step to yield, not one per level above it.  Whether
    an element of a tuple is a node is told once for its class
    (:data:`_SPAN_NODES`), not asked of every element.
    """
    stack = [node]
    pop, extend = stack.pop, stack.extend
    span_nodes = _SPAN_NODES
    while stack:
        node = pop()
        yield node
        cls = type(node)
        names = _CHILDREN.get(cls)
        if names is None:
            names = _child_fields(cls) if attrs.has(cls) else ()
            _CHILDREN[cls] = names
        if not names:
            continue
        kids: list[object] = []
        for name in names:
            value = getattr(node, name)
            if isinstance(value, tuple):
                for c in value:
                    known = span_nodes.get(type(c))
                    if known is None:
                        known = span_nodes[type(c)] = _span_node(type(c))
                    if known == 1 or (known == 2 and hasattr(c, "span")):
                        kids.append(c)
            elif _is_attrs(type(value)) and isinstance(getattr(value, "span", None), Span):
                kids.append(value)
        kids.reverse()
        extend(kids)
