"""Rich display in notebooks: an HTML outline of documents, items and outcomes.

Jupyter shows an object with its ``_repr_html_``; ``scrutinykit`` attaches
that method to the model classes and it calls :func:`repr_html` here, imported
on first use, so the model module stays free of presentation and a program
that never displays pays nothing for it.  Everything shown is escaped.
"""

from __future__ import annotations

import datetime
from html import escape

from .._model import (
    AgendaItem,
    Agreement,
    Attendance,
    Commitment,
    Conclusion,
    Decision,
    Document,
    Exchange,
    Outcome,
    Person,
    Point,
    Proceedings,
    Recommendation,
    Resolution,
    Statement,
)

__all__ = ["document_html", "item_html", "outcome_html", "repr_html"]

_STYLE = "font-family: sans-serif; line-height: 1.35"


def _people(label: str, people: tuple[Person, ...] | None) -> str:
    if people is None:
        return ""
    if not people:
        return f"<li><b>{escape(label)}:</b> none</li>"
    names = []
    for p in people:
        extra = ", ".join(x for x in (p.role, p.description) if x)
        names.append(escape(p.name) + (f" <i>({escape(extra)})</i>" if extra else ""))
    return f"<li><b>{escape(label)}:</b> {'; '.join(names)}</li>"


def _attendance(a: Attendance) -> str:
    # An empty list is a list the minutes do not give, not one that names nobody;
    # only "Apologies: none" is said in so many words (``apologies`` is ``()``).
    rows = [
        _people("Present", a.present or None),
        _people("Co-optees", a.co_optees or None),
        _people("Also in attendance", a.also_attending or None),
        _people("Officers", a.officers or None),
        _people("Apologies", a.apologies),
    ]
    body = "".join(rows)
    return f"<ul>{body}</ul>" if body else ""


def _points(points: tuple[Point, ...]) -> str:
    if not points:
        return ""
    items = "".join(f"<li><b>{escape(p.label)}</b> {escape(p.text)}{_points(p.points)}</li>" for p in points)
    return f"<ul style='list-style: none'>{items}</ul>"


def _time(value: datetime.time) -> str:
    """A time of day as minutes give it: ``18:30``, without seconds."""
    return value.strftime("%H:%M")


def outcome_html(outcome: Outcome) -> str:
    """An outcome: its type, who made it, to whom, its words and its points."""
    kind = type(outcome).__name__
    by = f" by the {escape(outcome.made_by)}" if outcome.made_by else ""
    to = f" to {escape(outcome.addressee)}" if outcome.addressee else ""
    implicit = " <i>(label lost)</i>" if outcome.implicit else ""
    text = f"<div>{escape(outcome.text)}</div>" if outcome.text else ""
    return f"<div style='{_STYLE}'><b>{kind}</b>{by}{to}{implicit}{text}{_points(outcome.points)}</div>"


def _who(statement: Statement) -> str:
    speaker = statement.speaker
    if speaker is None:
        return ""
    return f"<b>{escape(speaker.name or speaker.title or speaker.text)}</b>: "


def _exchange_html(exchange: Exchange, doc_source: str | None) -> str:
    def words(statement: Statement) -> str:
        return escape(_clip(doc_source[statement.span.start : statement.span.end])) if doc_source else ""

    answers = "".join(f"<li>{_who(r)}{words(r)}</li>" for r in exchange.responses)
    question = f"{_who(exchange.question)}{words(exchange.question)}"
    return f"<li>Q: {question}" + (f"<ul>{answers}</ul>" if answers else "") + "</li>"


def _commitment_html(c: Commitment) -> str:
    owner = c.owner.title or c.owner.text if c.owner is not None else ""
    details = ", ".join(
        x for x in (f"owner: {owner}" if owner else "", f"due: {c.due.text}" if c.due else "") if x
    )
    extra = f" <i>({escape(details)})</i>" if details else ""
    return f"<li>{escape(c.kind.value)}: {escape(_clip(c.text))}{extra}</li>"


def _clip(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def item_html(item: AgendaItem, source: str | None = None) -> str:
    """An item: number, title, kind, notes, its outcomes, commitments and exchanges.

    The exchanges' words are shown when the document's ``source`` is given.
    """
    number = escape(item.minute_number or item.agenda_number or "")
    notes = "".join(f" <i>({escape(n)})</i>" for n in item.notes)
    outcomes = "".join(f"<li>{outcome_html(o)}</li>" for o in item.outcomes())
    proposals = "".join(
        f"<li><b>{escape(p.reference)}</b> {escape(p.title)}</li>" for p in item.budget_proposals()
    )
    parts = [
        f"<div style='{_STYLE}'>{f'<b>{number}</b> ' if number else ''}{escape(item.title)} "
        f"<span style='color: gray'>[{item.kind.value}]</span>{notes}"
    ]
    if proposals:
        parts.append(f"<ul>{proposals}</ul>")
    if outcomes:
        parts.append(f"<ul>{outcomes}</ul>")
    if item.commitments:
        parts.append(
            "<div><i>Commitments</i></div><ul>"
            + "".join(_commitment_html(c) for c in item.commitments)
            + "</ul>"
        )
    if item.exchanges:
        parts.append(
            "<div><i>Exchanges</i></div><ul>"
            + "".join(_exchange_html(e, source) for e in item.exchanges)
            + "</ul>"
        )
    parts.append("</div>")
    return "".join(parts)


def _outside_html(where: str, found: Proceedings, source: str) -> str:
    """Commitments and exchanges read before the first item or after the close, under ``where``."""
    if not (found.commitments or found.exchanges):
        return ""
    parts = [f"<li><div style='{_STYLE}'><i>{escape(where)}</i>"]
    if found.commitments:
        commitments = "".join(_commitment_html(c) for c in found.commitments)
        parts.append(f"<div><i>Commitments</i></div><ul>{commitments}</ul>")
    if found.exchanges:
        exchanges = "".join(_exchange_html(e, source) for e in found.exchanges)
        parts.append(f"<div><i>Exchanges</i></div><ul>{exchanges}</ul>")
    parts.append("</div></li>")
    return "".join(parts)


def document_html(doc: Document) -> str:
    """A readable outline of a document: the meeting, attendance, items and outcomes."""
    m = doc.meeting
    when = ", ".join(
        x for x in (m.date.isoformat() if m.date else "", _time(m.start_time) if m.start_time else "") if x
    )
    end = f", ended {_time(m.end_time)}" if m.end_time else ""
    title = escape(m.committee or "(committee not named)")
    where = f"<div style='color: gray'>{escape(doc.source_name)}</div>" if doc.source_name else ""
    items = (
        _outside_html("Before the first item", doc.front_matter_proceedings, doc.source)
        + "".join(f"<li>{item_html(i, doc.source)}</li>" for i in doc.items)
        + _outside_html("After the close", doc.closing_proceedings, doc.source)
    )
    return (
        f"<div style='{_STYLE}'><h3 style='margin: 0'>{title}</h3>{where}"
        f"<div>{escape(doc.kind.value)}{' — ' + escape(when) if when else ''}{escape(end)}</div>"
        f"{_attendance(doc.attendance)}<ol style='list-style: none; padding-left: 0'>{items}</ol></div>"
    )


def repr_html(obj: object) -> str:
    """The HTML a notebook shows for a document, an agenda item or an outcome."""
    if isinstance(obj, Document):
        return document_html(obj)
    if isinstance(obj, AgendaItem):
        return item_html(obj)
    if isinstance(obj, (Resolution, Recommendation, Conclusion, Agreement, Decision)):
        return outcome_html(obj)
    raise TypeError(f"no HTML view of a {type(obj).__name__}")
