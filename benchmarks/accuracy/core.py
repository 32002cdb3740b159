"""Accuracy on corpora in the development corpus's gold schema (the corpus itself and generated ones).

Each document of the corpus (``docs/NNN-*.txt``) is parsed with
:func:`scrutinykit.parse`, the resulting :class:`scrutinykit.Document` is
mapped onto the gold schema by :func:`predict`, and :func:`score` compares the
predictions with ``gold/NNN.json`` by the rules in the corpus README:

* outcomes match one-to-one when their spans overlap by at least 0.5 (and,
  separately, 0.9) of the longer span, greedily by best overlap;
* items match one-to-one when their title spans overlap at all;
* people match per role by name, after folding case and runs of whitespace;
* meeting date and end time are exact matches over documents whose gold has one;
  a predicted date that is not the gold one (or where the gold has none) is
  counted on its own as a wrong date;
* ``is_minutes`` is an exact match, and any outcome predicted on a document
  that is not minutes is counted;
* owners, due dates and exchanges are scored only when the model provides them;
* commitments (``Document.actions()``: actions and undertakings) are matched
  to the gold ``action`` outcomes (and any gold outcome with an owner) at 0.5
  overlap, and their owners and due dates compared on the matches.

The same code scores the generated corpora (:mod:`benchmarks.accuracy.generated`),
whose gold has this schema too.  Run it from the repository root::

    python -m benchmarks.accuracy [--corpus dev|generated|real|all] [--json]

It prints the figures and, per document, what was missed or invented.  The
corpus text is read at run time only; nothing of it is stored in the project.
"""

from __future__ import annotations

import datetime
import json
import multiprocessing
import sys
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import attrs

import scrutinykit

__all__ = [
    "DEFAULT_CORPUS",
    "ROLES",
    "THRESHOLDS",
    "DocResult",
    "document_misses",
    "fold_name",
    "format_figures",
    "format_misses",
    "map_workers",
    "match_spans",
    "overlap_ratio",
    "predict",
    "predict_text",
    "read_text",
    "run_corpus",
    "score",
]

ROOT = Path(__file__).resolve().parents[2]
"""The repository root."""
DEFAULT_CORPUS = ROOT.parent / "shared" / "devcorpus"
"""Where the development corpus lives when nothing else is said."""
ROLES: tuple[str, ...] = ("present", "apologies", "also_attending", "officers")
"""The attendance roles of the gold schema, in report order."""
THRESHOLDS: tuple[float, ...] = (0.5, 0.9)
"""The outcome span-overlap thresholds, as shares of the longer span."""

Gold = dict[str, Any]
Pred = dict[str, Any]
Span2 = tuple[int, int]

_SNIPPET = 70

_T = TypeVar("_T")
_R = TypeVar("_R")


# ---------------------------------------------------------------------------
# Prediction: a Document in the gold schema
# ---------------------------------------------------------------------------


def _hhmm(value: object) -> str | None:
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    return None if value is None else str(value)


def _iso(value: object) -> str | None:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return None if value is None else str(value)


def _as_text(value: object) -> str | None:
    """A stated value as text: a person's name, a date in ISO form, or ``str``."""
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    name = getattr(value, "name", None)
    if isinstance(name, str):
        return name
    text = getattr(value, "text", None)
    if isinstance(text, str):
        return text
    return str(value)


def _has_field(cls: type, name: str) -> bool:
    if attrs.has(cls):
        return name in attrs.fields_dict(cls)
    return hasattr(cls, name)


def _outcome_classes() -> tuple[type, ...]:
    """The outcome classes the model declares (``scrutinykit.Outcome``'s members)."""
    outcome = getattr(scrutinykit, "Outcome", None)
    return tuple(c for c in typing.get_args(outcome) if isinstance(c, type))


def _is_outcome(node: object) -> bool:
    """Whether ``node`` is an outcome: a declared outcome class, or shaped like one."""
    if isinstance(node, _outcome_classes()):
        return True
    return all(hasattr(node, a) for a in ("span", "intro", "points"))


def _outcome_nodes(doc: scrutinykit.Document) -> list[Any]:
    """Every outcome in the document, wherever it stands, in text order."""
    found: list[Any] = list(doc.outcomes())
    seen = {id(o) for o in found}
    for node in doc.walk():
        if id(node) not in seen and _is_outcome(node):
            found.append(node)
            seen.add(id(node))
    found.sort(key=lambda o: (o.span.start, o.span.end))
    return found


def _fold_text(text: str) -> str:
    return " ".join(text.split()).casefold()


def _title_span(item: scrutinykit.AgendaItem, source: str) -> Span2:
    """The span of the item's title Heading node (not a number line or banner)."""
    headings = [h for h in item.heading if isinstance(h, scrutinykit.Heading)]
    title = _fold_text(item.title or "")[:20]
    if title:
        for h in reversed(headings):
            if title in _fold_text(h.text):
                return (h.span.start, h.span.end)
    if headings:
        last = headings[-1]
        return (last.span.start, last.span.end)
    if item.title:  # no Heading node: where the title text stands, if it is verbatim
        at = source.find(item.title, item.span.start, item.span.end)
        if at >= 0:
            return (at, at + len(item.title))
    if item.heading:
        line = item.heading[-1]
        return (line.span.start, line.span.end)
    return (item.span.start, item.span.start)


def _previous_minutes(doc: scrutinykit.Document) -> bool | None:
    stated = getattr(doc, "previous_minutes_approved", None)
    if isinstance(stated, bool):
        return stated
    verdicts = [getattr(i, "previous_minutes_agreed", None) for i in doc.items]
    if any(v is True for v in verdicts):
        return True
    if any(v is False for v in verdicts):
        return False
    return None


def _declarations(doc: scrutinykit.Document) -> str | None:
    value = getattr(doc, "declarations", None)
    value = getattr(value, "value", value)
    return value if value in ("none", "some") else None


def _exchanges(doc: scrutinykit.Document) -> tuple[int, bool]:
    """The exchanges count and whether the model provides one at all."""

    def count(value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, Sequence) and not isinstance(value, str):
            return len(value)
        return 0

    if _has_field(type(doc), "exchanges"):
        return count(getattr(doc, "exchanges", 0)), True
    if _has_field(scrutinykit.AgendaItem, "exchanges"):
        return sum(count(getattr(i, "exchanges", 0)) for i in doc.items), True
    return 0, False


_ARTICLE = ("the ", "a ", "an ", "its ", "their ")


def _owner_text(owner: object) -> str | None:
    """A commitment's owner as the gold writes it: the office, else the words naming them."""
    if owner is None:
        return None
    title = getattr(owner, "title", None)
    text = title if isinstance(title, str) and title else str(getattr(owner, "text", "") or "")
    for article in _ARTICLE:
        if text.casefold().startswith(article):
            text = text[len(article) :]
            break
    return text or None


#: The gold's name for a model outcome class, where they differ.
_GOLD_TYPE = {"agreement": "agreed"}


def _due_resolved(due: object) -> str | None:
    """A meeting due date with its month's year, as the gold sometimes writes it.

    "the March meeting" resolved to March 2025 is "March 2025 meeting"; the
    gold writes a due date as written in some documents and so in others, and
    either form counts as right.
    """
    text = _due_text(due)
    value = getattr(due, "date", None)
    if text is None or not isinstance(value, datetime.date) or any(c.isdigit() for c in text):
        return None
    month = value.strftime("%B")
    if not text.startswith(month + " "):
        return None
    return f"{month} {value.year} {text[len(month) + 1 :]}"


def _same_due(gold: object, pred: dict[str, Any]) -> bool:
    """Whether a predicted due date is the gold one, as written or with its year."""
    resolved = pred.get("due_resolved")
    return _same_text(gold, pred.get("due")) or (resolved is not None and _same_text(gold, resolved))


def _due_text(due: object) -> str | None:
    """A due date as the gold writes it: an ISO date for a plain date, else the words, keeping "before"."""
    if due is None:
        return None
    text = str(getattr(due, "text", "") or "")
    kind = getattr(getattr(due, "kind", None), "value", None)
    value = getattr(due, "date", None)
    relation = getattr(due, "relation", None)
    if (
        kind == "date"
        and isinstance(value, datetime.date)
        and not any(w in text for w in ("meeting", "before"))
        and relation not in ("before", "after")
        and (str(value.year) in text or "/" in text or "." in text)
    ):
        return value.isoformat()  # a full date; "by 28 March", with no year, the gold keeps as written
    if "'s " in text:
        text = text.split("'s ", 1)[1]
    for article in _ARTICLE:
        if text.casefold().startswith(article):
            text = text[len(article) :]
            break
    if relation in ("before", "after"):
        text = f"{relation} {getattr(due, 'text', text)}"
    return text or None


def _commitments(doc: scrutinykit.Document) -> tuple[list[dict[str, Any]], bool]:
    """The document's actions and undertakings in the gold's outcome form, and whether the model has them."""
    actions = getattr(doc, "actions", None)
    if not callable(actions):
        return [], False
    out = []
    for c in actions():
        out.append(
            {
                "type": "action",
                "start": c.span.start,
                "end": c.span.end,
                "owner": _owner_text(getattr(c, "owner", None)),
                "due": _due_text(getattr(c, "due", None)),
                "due_resolved": _due_resolved(getattr(c, "due", None)),
                "in_outcome": bool(getattr(c, "in_outcome", False)),
            }
        )
    return out, True


def _points_within(points: Sequence[Span2], start: int, end: int) -> int:
    """How many points start in an action's span ("Action:" over a point), sub-points not counted."""
    inside = [p for p in points if start <= p[0] < end]
    return sum(not any(o != p and o[0] <= p[0] and p[1] <= o[1] for o in inside) for p in inside)


def _empty_prediction(is_minutes: bool | None) -> Pred:
    return {
        "is_minutes": is_minutes,
        "meeting": {
            "committee": None,
            "date": None,
            "start_time": None,
            "end_time": None,
            "venue_present": False,
        },
        **{role: [] for role in ROLES},
        "items": [],
        "outcomes": [],
        "previous_minutes_approved": None,
        "declarations": None,
        "truncated": False,
        "exchanges": 0,
        "commitments": [],
        "provided": {
            "owner": False,
            "due": False,
            "exchanges": False,
            "truncated": False,
            "commitments": False,
        },
    }


def predict(doc: scrutinykit.Document) -> Pred:
    """Map a parsed document onto the gold schema of the development corpus.

    ``present`` holds the members present, the co-optees and the substitutes
    named in lists; fields the model does not (yet) have take the schema's
    neutral value, and ``provided`` says which optional facts the model gave.
    """
    meeting = doc.meeting
    att = doc.attendance
    outcome_nodes = _outcome_nodes(doc)
    classes = (*_outcome_classes(), *(type(o) for o in outcome_nodes))
    has_owner = any(_has_field(c, "owner") for c in classes)
    has_due = any(_has_field(c, "due") for c in classes)
    outcomes: list[dict[str, Any]] = []
    for o in outcome_nodes:
        entry: dict[str, Any] = {
            "type": _GOLD_TYPE.get(type(o).__name__.lower(), type(o).__name__.lower()),
            "start": o.span.start,
            "end": o.span.end,
            "points": len(getattr(o, "points", ()) or ()),
            "implicit": bool(getattr(o, "implicit", False)),
        }
        if has_owner:
            entry["owner"] = _as_text(getattr(o, "owner", None))
        if has_due:
            entry["due"] = _as_text(getattr(o, "due", None))
        outcomes.append(entry)
    # The gold's "action" outcomes are actions and undertakings; the model
    # keeps those as commitments (requests are not actions).  One written
    # inside a resolution or recommendation is already that outcome.
    commitments, has_commitments = _commitments(doc)
    points = [(n.span.start, n.span.end) for n in doc.walk() if type(n).__name__ == "Point"]
    outcomes.extend(
        {**c, "points": _points_within(points, c["start"], c["end"]), "implicit": False}
        for c in commitments
        if not c["in_outcome"]
    )
    outcomes.sort(key=lambda o: (o["start"], o["end"]))
    items = []
    for item in doc.items:
        start, end = _title_span(item, doc.source)
        items.append(
            {
                "number": item.minute_number or item.agenda_number,
                "title_start": start,
                "title_end": end,
            }
        )
    is_minutes = getattr(doc, "is_minutes", True)
    if getattr(getattr(doc, "kind", None), "value", None) in ("not_minutes", "agenda", "other"):
        is_minutes = False  # a document kind the model may add for pages that are not minutes
    truncated = getattr(doc, "truncated", False)
    exchanges, has_exchanges = _exchanges(doc)
    present = (*att.present, *att.co_optees, *getattr(att, "substitutes", ()))
    return {
        "is_minutes": is_minutes if isinstance(is_minutes, bool) else True,
        "meeting": {
            "committee": meeting.committee,
            "date": _iso(meeting.date),
            "start_time": _hhmm(meeting.start_time),
            "end_time": _hhmm(meeting.end_time),
            "venue_present": bool(meeting.venue),
        },
        "present": [p.name for p in present],
        "apologies": [p.name for p in att.apologies or ()],
        "also_attending": [p.name for p in att.also_attending],
        "officers": [p.name for p in att.officers],
        "items": items,
        "outcomes": outcomes,
        "previous_minutes_approved": _previous_minutes(doc),
        "declarations": _declarations(doc),
        "truncated": bool(truncated),
        "exchanges": exchanges,
        "commitments": commitments,
        "provided": {
            "owner": has_owner,
            "due": has_due,
            "exchanges": has_exchanges,
            "truncated": _has_field(type(doc), "truncated"),
            "commitments": has_commitments,
        },
    }


def predict_text(text: str) -> tuple[Pred | None, str | None]:
    """Parse ``text`` and predict; ``(None, message)`` when anything crashes.

    :class:`scrutinykit.NotMinutesError` is an answer, not a crash: the
    prediction is an empty one with ``is_minutes`` false.
    """
    try:
        doc = scrutinykit.parse(text)
    except scrutinykit.NotMinutesError as exc:
        pred = _empty_prediction(False)
        read = getattr(exc, "document", None)
        if read is not None:  # a page that is not minutes may still name its meeting
            pred["meeting"] = predict(read)["meeting"]
        return pred, None
    except Exception as exc:  # every other failure is a crash, one document's only
        return None, f"{type(exc).__name__}: {exc}"
    try:
        return predict(doc), None
    except Exception as exc:  # the model changed under the benchmark
        return None, f"predict() failed: {type(exc).__name__}: {exc}"


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def overlap_ratio(a: Span2, b: Span2) -> float:
    """The overlap of two ``(start, end)`` spans as a share of the longer one."""
    longer = max(a[1] - a[0], b[1] - b[0])
    if longer <= 0:
        return 0.0
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / longer


def match_spans(gold: Sequence[Span2], pred: Sequence[Span2], threshold: float) -> list[tuple[int, int]]:
    """Match spans one-to-one, greedily by best overlap; ``(gold index, pred index)`` pairs.

    A pair qualifies when the spans share at least one character and their
    overlap is at least ``threshold`` of the longer span (``0`` accepts any
    overlap).  Ties go to the earlier gold span, then the earlier prediction.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = min(g[1], p[1]) - max(g[0], p[0])
            ratio = overlap_ratio(g, p)
            if shared > 0 and ratio >= threshold:
                candidates.append((-ratio, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def fold_name(name: str) -> str:
    """A name folded for comparison: case-folded, whitespace runs made one space."""
    return " ".join(name.split()).casefold()


def _names(names: Iterable[str]) -> set[str]:
    return {fold_name(n) for n in names if fold_name(n)}


def _spans(entries: Sequence[dict[str, Any]], start: str, end: str) -> list[Span2]:
    return [(int(e[start]), int(e[end])) for e in entries]


def _prf(tp: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1; all 1.0 when there was nothing to find and nothing found."""
    if n_gold == 0 and n_pred == 0:
        return 1.0, 1.0, 1.0
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ratio(ok: int, n: int) -> float | None:
    return ok / n if n else None


def _same_text(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return fold_name(str(a)) == fold_name(str(b))


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def _tag(threshold: float) -> str:
    return f"{round(threshold * 100):02d}"


def score(pairs: Iterable[tuple[Gold, Pred | None]]) -> dict[str, Any]:
    """Score ``(gold, prediction)`` pairs by the corpus README's rules.

    A prediction of ``None`` is a crash: it predicts nothing and gets
    ``is_minutes`` wrong.  Counts are micro-averaged over all documents.
    Ratios whose denominator is empty, and figures the model cannot yet
    provide (owners, due dates, exchanges), are ``None`` (n/a).
    """
    n_docs = crashes = 0
    out_gold = out_pred = 0
    out_tp = dict.fromkeys(THRESHOLDS, 0)
    out_typed = dict.fromkeys(THRESHOLDS, 0)
    out_points = dict.fromkeys(THRESHOLDS, 0)
    owner_n = owner_ok = due_n = due_ok = 0
    owner_provided = due_provided = exchanges_provided = False
    exchanges_n = exchanges_ok = 0
    commit_provided = False
    commit_gold = commit_pred = commit_tp = 0
    commit_owner_n = commit_owner_ok = commit_due_n = commit_due_ok = 0
    item_gold = item_pred = item_tp = number_ok = 0
    people = {role: [0, 0, 0] for role in ROLES}  # tp, gold, predicted
    date_n = date_ok = end_n = end_ok = 0
    date_predicted = date_wrong = date_wrong_no_gold = 0
    committee_n = committee_ok = committee_wrong = 0
    minutes_ok = 0
    not_minutes_outcomes = not_minutes_gold = not_minutes_detected = minutes_refused = 0

    for gold, pred in pairs:
        n_docs += 1
        crashed = pred is None
        if pred is None:
            crashes += 1
            pred = _empty_prediction(None)
        provided = pred.get("provided", {})

        # Outcomes
        g_out, p_out = gold.get("outcomes", []), pred.get("outcomes", [])
        out_gold += len(g_out)
        out_pred += len(p_out)
        if not gold.get("is_minutes", True):
            not_minutes_outcomes += len(p_out)
        g_spans, p_spans = _spans(g_out, "start", "end"), _spans(p_out, "start", "end")
        for threshold in THRESHOLDS:
            matched = match_spans(g_spans, p_spans, threshold)
            out_tp[threshold] += len(matched)
            out_typed[threshold] += sum(g_out[gi]["type"] == p_out[pi]["type"] for gi, pi in matched)
            out_points[threshold] += sum(
                int(g_out[gi].get("points", 0)) == int(p_out[pi].get("points", 0)) for gi, pi in matched
            )
            if threshold != THRESHOLDS[0]:
                continue
            owner_provided = owner_provided or bool(provided.get("owner"))
            due_provided = due_provided or bool(provided.get("due"))
            for gi, pi in matched:
                g, p = g_out[gi], p_out[pi]
                if g.get("owner") is not None or p.get("owner") is not None:
                    owner_n += 1
                    owner_ok += _same_text(g.get("owner"), p.get("owner"))
                if g.get("due") is not None or p.get("due") is not None:
                    due_n += 1
                    due_ok += _same_due(g.get("due"), p)

        # Commitments: actions and undertakings against the gold actions (and outcomes with owners)
        commit_provided = commit_provided or bool(provided.get("commitments"))
        g_com = [o for o in g_out if o.get("type") == "action" or o.get("owner") is not None]
        p_com = pred.get("commitments", [])
        commit_gold += len(g_com)
        commit_pred += len(p_com)
        for gi, pi in match_spans(
            _spans(g_com, "start", "end"), _spans(p_com, "start", "end"), THRESHOLDS[0]
        ):
            commit_tp += 1
            g, p = g_com[gi], p_com[pi]
            if g.get("owner") is not None or p.get("owner") is not None:
                commit_owner_n += 1
                commit_owner_ok += _same_text(g.get("owner"), p.get("owner"))
            if g.get("due") is not None or p.get("due") is not None:
                commit_due_n += 1
                commit_due_ok += _same_due(g.get("due"), p)

        # Items
        g_items, p_items = gold.get("items", []), pred.get("items", [])
        item_gold += len(g_items)
        item_pred += len(p_items)
        matched = match_spans(
            _spans(g_items, "title_start", "title_end"), _spans(p_items, "title_start", "title_end"), 0.0
        )
        item_tp += len(matched)
        number_ok += sum(g_items[gi].get("number") == p_items[pi].get("number") for gi, pi in matched)

        # People
        for role in ROLES:
            g_names, p_names = _names(gold.get(role, [])), _names(pred.get(role, []))
            people[role][0] += len(g_names & p_names)
            people[role][1] += len(g_names)
            people[role][2] += len(p_names)

        # Meeting
        g_meeting, p_meeting = gold.get("meeting", {}), pred.get("meeting", {})
        if g_meeting.get("date") is not None:
            date_n += 1
            date_ok += p_meeting.get("date") == g_meeting["date"]
        if p_meeting.get("date") is not None:
            date_predicted += 1
            if p_meeting["date"] != g_meeting.get("date"):
                date_wrong += 1
                date_wrong_no_gold += g_meeting.get("date") is None
        if g_meeting.get("committee") is not None:
            committee_n += 1
            committee_ok += _same_text(p_meeting.get("committee"), g_meeting["committee"])
        if p_meeting.get("committee") is not None and not _same_text(
            p_meeting.get("committee"), g_meeting.get("committee")
        ):
            committee_wrong += 1
        if g_meeting.get("end_time") is not None:
            end_n += 1
            end_ok += p_meeting.get("end_time") == g_meeting["end_time"]

        # Not minutes, exchanges
        minutes_ok += not crashed and pred.get("is_minutes") == gold.get("is_minutes")
        if gold.get("is_minutes") is False:
            not_minutes_gold += 1
            not_minutes_detected += not crashed and pred.get("is_minutes") is False
        elif not crashed and pred.get("is_minutes") is False:
            minutes_refused += 1
        if provided.get("exchanges"):
            exchanges_provided = True
        exchanges_n += 1
        exchanges_ok += int(pred.get("exchanges", 0)) == int(gold.get("exchanges", 0))

    figures: dict[str, Any] = {
        "documents": n_docs,
        "crashes": crashes,
        "outcomes_gold": out_gold,
        "outcomes_predicted": out_pred,
    }
    for threshold in THRESHOLDS:
        tag = _tag(threshold)
        tp = out_tp[threshold]
        precision, recall, f1 = _prf(tp, out_gold, out_pred)
        figures[f"outcomes_{tag}_matched"] = tp
        figures[f"outcomes_{tag}_precision"] = precision
        figures[f"outcomes_{tag}_recall"] = recall
        figures[f"outcomes_{tag}_f1"] = f1
        figures[f"outcomes_{tag}_typed_f1"] = _prf(out_typed[threshold], out_gold, out_pred)[2]
        figures[f"outcomes_{tag}_points_accuracy"] = _ratio(out_points[threshold], tp)
    figures["owner_accuracy"] = _ratio(owner_ok, owner_n) if owner_provided else None
    figures["owner_n"] = owner_n if owner_provided else None
    figures["due_accuracy"] = _ratio(due_ok, due_n) if due_provided else None
    figures["due_n"] = due_n if due_provided else None
    if commit_provided:
        precision, recall, f1 = _prf(commit_tp, commit_gold, commit_pred)
        figures.update(
            {
                "commitments_gold": commit_gold,
                "commitments_predicted": commit_pred,
                "commitments_matched": commit_tp,
                "commitments_precision": precision,
                "commitments_recall": recall,
                "commitments_f1": f1,
                "commitment_owner_accuracy": _ratio(commit_owner_ok, commit_owner_n),
                "commitment_owner_n": commit_owner_n,
                "commitment_due_accuracy": _ratio(commit_due_ok, commit_due_n),
                "commitment_due_n": commit_due_n,
            }
        )
    else:
        figures.update(
            dict.fromkeys(
                (
                    "commitments_gold",
                    "commitments_predicted",
                    "commitments_matched",
                    "commitments_precision",
                    "commitments_recall",
                    "commitments_f1",
                    "commitment_owner_accuracy",
                    "commitment_owner_n",
                    "commitment_due_accuracy",
                    "commitment_due_n",
                )
            )
        )

    precision, recall, f1 = _prf(item_tp, item_gold, item_pred)
    figures.update(
        {
            "items_gold": item_gold,
            "items_predicted": item_pred,
            "items_matched": item_tp,
            "items_precision": precision,
            "items_recall": recall,
            "items_f1": f1,
            "items_number_accuracy": _ratio(number_ok, item_tp),
        }
    )

    totals = [0, 0, 0]
    for role in ROLES:
        tp, n_gold, n_pred = people[role]
        precision, recall, f1 = _prf(tp, n_gold, n_pred)
        figures[f"people_{role}_gold"] = n_gold
        figures[f"people_{role}_predicted"] = n_pred
        figures[f"people_{role}_matched"] = tp
        figures[f"people_{role}_precision"] = precision
        figures[f"people_{role}_recall"] = recall
        figures[f"people_{role}_f1"] = f1
        totals = [a + b for a, b in zip(totals, people[role])]
    precision, recall, f1 = _prf(*totals)
    figures.update(
        {
            "people_all_gold": totals[1],
            "people_all_predicted": totals[2],
            "people_all_matched": totals[0],
            "people_all_precision": precision,
            "people_all_recall": recall,
            "people_all_f1": f1,
        }
    )

    figures.update(
        {
            "meeting_date_accuracy": _ratio(date_ok, date_n),
            "meeting_date_n": date_n,
            "committee_accuracy": _ratio(committee_ok, committee_n),
            "committee_n": committee_n,
            "committee_wrong": committee_wrong,
            "meeting_date_predicted": date_predicted,
            "meeting_date_precision": _ratio(date_ok, date_predicted),
            "meeting_date_wrong": date_wrong,
            "meeting_date_wrong_no_gold": date_wrong_no_gold,
            "meeting_end_time_accuracy": _ratio(end_ok, end_n),
            "meeting_end_time_n": end_n,
            "is_minutes_accuracy": _ratio(minutes_ok, n_docs),
            "not_minutes_outcomes": not_minutes_outcomes,
            "not_minutes_gold": not_minutes_gold,
            "not_minutes_detected": not_minutes_detected,
            "not_minutes_recall": _ratio(not_minutes_detected, not_minutes_gold),
            "minutes_refused": minutes_refused,
            "exchanges_accuracy": _ratio(exchanges_ok, exchanges_n) if exchanges_provided else None,
        }
    )
    return figures


# ---------------------------------------------------------------------------
# Per-document misses
# ---------------------------------------------------------------------------


def _snippet(text: str, start: int, end: int) -> str:
    folded = " ".join(text[start:end].split())
    return folded if len(folded) <= _SNIPPET else folded[: _SNIPPET - 1] + "…"


def document_misses(gold: Gold, pred: Pred | None, text: str, error: str | None = None) -> list[str]:
    """What one document's prediction missed or invented, one line each.

    Outcomes are matched at the 0.5 threshold; a match that fails 0.9 is
    reported as a loose span.  Snippets quote the document (printed at run
    time only).
    """
    lines: list[str] = []
    if pred is None:
        lines.append(f"crash: {error or 'no prediction'}")
        pred = _empty_prediction(None)
    elif pred.get("is_minutes") != gold.get("is_minutes"):
        lines.append(f"is_minutes: predicted {pred.get('is_minutes')}, gold {gold.get('is_minutes')}")

    g_out, p_out = gold.get("outcomes", []), pred.get("outcomes", [])
    matched = match_spans(_spans(g_out, "start", "end"), _spans(p_out, "start", "end"), THRESHOLDS[0])
    hit_gold = {gi for gi, _ in matched}
    hit_pred = {pi for _, pi in matched}
    for gi, g in enumerate(g_out):
        if gi not in hit_gold:
            lines.append(
                f"missed outcome {g['type']} [{g['start']}:{g['end']}] points={g.get('points', 0)}: "
                f"{_snippet(text, g['start'], g['end'])}"
            )
    for pi, p in enumerate(p_out):
        if pi not in hit_pred:
            lines.append(
                f"extra outcome {p['type']} [{p['start']}:{p['end']}] points={p.get('points', 0)}: "
                f"{_snippet(text, p['start'], p['end'])}"
            )
    for gi, pi in matched:
        g, p = g_out[gi], p_out[pi]
        where = f"[{g['start']}:{g['end']}]"
        if g["type"] != p["type"]:
            lines.append(f"wrong type {where}: predicted {p['type']}, gold {g['type']}")
        if int(g.get("points", 0)) != int(p.get("points", 0)):
            lines.append(f"wrong points {where}: predicted {p.get('points', 0)}, gold {g.get('points', 0)}")
        ratio = overlap_ratio((g["start"], g["end"]), (p["start"], p["end"]))
        if ratio < THRESHOLDS[-1]:
            lines.append(f"loose span {where}: predicted [{p['start']}:{p['end']}], overlap {ratio:.2f}")

    g_items, p_items = gold.get("items", []), pred.get("items", [])
    matched = match_spans(
        _spans(g_items, "title_start", "title_end"), _spans(p_items, "title_start", "title_end"), 0.0
    )
    hit_gold = {gi for gi, _ in matched}
    hit_pred = {pi for _, pi in matched}
    for gi, g in enumerate(g_items):
        if gi not in hit_gold:
            flag = " (heading missing)" if g.get("heading_missing") else ""
            lines.append(
                f"missed item {g.get('number')}{flag}: {_snippet(text, g['title_start'], g['title_end'])}"
            )
    for pi, p in enumerate(p_items):
        if pi not in hit_pred:
            lines.append(f"extra item {p.get('number')}: {_snippet(text, p['title_start'], p['title_end'])}")
    for gi, pi in matched:
        if g_items[gi].get("number") != p_items[pi].get("number"):
            lines.append(
                f"wrong item number: predicted {p_items[pi].get('number')!r}, "
                f"gold {g_items[gi].get('number')!r}"
            )

    for role in ROLES:
        g_names = {fold_name(n): n for n in gold.get(role, [])}
        p_names = {fold_name(n): n for n in pred.get(role, [])}
        missed = [g_names[k] for k in g_names if k not in p_names]
        extra = [p_names[k] for k in p_names if k not in g_names]
        if missed:
            lines.append(f"missed {role}: {'; '.join(missed)}")
        if extra:
            lines.append(f"extra {role}: {'; '.join(extra)}")

    g_meeting, p_meeting = gold.get("meeting", {}), pred.get("meeting", {})
    for key in ("date", "end_time"):
        if g_meeting.get(key) is not None and p_meeting.get(key) != g_meeting[key]:
            lines.append(f"meeting {key}: predicted {p_meeting.get(key)}, gold {g_meeting[key]}")
    if g_meeting.get("date") is None and p_meeting.get("date") is not None:
        lines.append(f"meeting date: predicted {p_meeting['date']}, gold None")
    return lines


# ---------------------------------------------------------------------------
# Running the corpus
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DocResult:
    """One corpus document: its text, gold annotation and what was predicted."""

    doc_id: str
    path: Path
    text: str
    gold: Gold
    pred: Pred | None
    error: str | None


def read_text(path: Path) -> str:
    """A corpus document as stored: UTF-8, line ends untouched (gold offsets index the file as is)."""
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _predict_path(path: Path) -> tuple[Pred | None, str | None]:
    return predict_text(read_text(path))


def map_workers(func: Callable[[_T], _R], items: Sequence[_T], workers: int = 1) -> list[_R]:
    """``[func(x) for x in items]``, on ``workers`` processes when more than one (order kept)."""
    if workers <= 1 or len(items) <= 1:
        return [func(x) for x in items]
    with multiprocessing.get_context().Pool(min(workers, len(items))) as pool:
        return list(pool.imap(func, items, chunksize=4))


def run_corpus(corpus: Path, *, workers: int = 1, prefix: str = "") -> list[DocResult]:
    """Parse and predict every annotated document of ``corpus``, in id order.

    Documents are read as stored (``newline=""``), parsed and predicted on
    ``workers`` processes; each result's id is ``prefix`` + the gold file's stem.

    :raises FileNotFoundError: ``corpus`` has no ``docs/`` or ``gold/`` directory.
    """
    docs_dir, gold_dir = corpus / "docs", corpus / "gold"
    if not docs_dir.is_dir() or not gold_dir.is_dir():
        raise FileNotFoundError(f"no development corpus at {corpus} (expected docs/ and gold/ in it)")
    found: list[tuple[str, Path, Gold]] = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        doc_id = gold_path.stem
        texts = sorted(docs_dir.glob(f"{doc_id}-*.txt")) or sorted(docs_dir.glob(f"{doc_id}.txt"))
        if not texts:
            print(f"accuracy: no document for gold {gold_path.name}; skipped", file=sys.stderr)
            continue
        found.append((doc_id, texts[0], json.loads(gold_path.read_text(encoding="utf-8"))))
    predictions = map_workers(_predict_path, [path for _, path, _ in found], workers)
    return [
        DocResult(prefix + doc_id, path, read_text(path), gold, pred, error)
        for (doc_id, path, gold), (pred, error) in zip(found, predictions)
    ]


def _fmt(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_figures(figures: dict[str, Any]) -> str:
    """The figures as a Markdown table: figure, value, and the counts behind it."""
    rows: list[tuple[str, str, str]] = []
    f = figures
    rows.append(("documents", _fmt(f["documents"]), ""))
    rows.append(("crashes", _fmt(f["crashes"]), ""))
    for threshold in THRESHOLDS:
        t = _tag(threshold)
        label = f"outcomes ≥{threshold:g}"
        rows.append(
            (
                f"{label} precision",
                _fmt(f[f"outcomes_{t}_precision"]),
                f"{f[f'outcomes_{t}_matched']}/{f['outcomes_predicted']} predicted",
            )
        )
        rows.append(
            (
                f"{label} recall",
                _fmt(f[f"outcomes_{t}_recall"]),
                f"{f[f'outcomes_{t}_matched']}/{f['outcomes_gold']} gold",
            )
        )
        rows.append((f"{label} F1", _fmt(f[f"outcomes_{t}_f1"]), ""))
        rows.append((f"{label} F1, type must match", _fmt(f[f"outcomes_{t}_typed_f1"]), ""))
        rows.append(
            (
                f"{label} points right",
                _fmt(f[f"outcomes_{t}_points_accuracy"]),
                f"of {f[f'outcomes_{t}_matched']} matched",
            )
        )
    rows.append(
        (
            "action owners right",
            _fmt(f["owner_accuracy"]),
            "" if f["owner_n"] is None else f"of {f['owner_n']} matched with an owner",
        )
    )
    rows.append(
        (
            "action due dates right",
            _fmt(f["due_accuracy"]),
            "" if f["due_n"] is None else f"of {f['due_n']} matched with a due date",
        )
    )
    if f.get("commitments_f1") is not None:
        rows.append(
            (
                "commitments F1",
                _fmt(f["commitments_f1"]),
                f"P {_fmt(f['commitments_precision'])}, R {_fmt(f['commitments_recall'])}; "
                f"{f['commitments_matched']} matched, {f['commitments_gold']} gold actions, "
                f"{f['commitments_predicted']} predicted",
            )
        )
        rows.append(
            (
                "commitment owners right",
                _fmt(f["commitment_owner_accuracy"]),
                f"of {f['commitment_owner_n']} matched with an owner",
            )
        )
        rows.append(
            (
                "commitment due dates right",
                _fmt(f["commitment_due_accuracy"]),
                f"of {f['commitment_due_n']} matched with a due date",
            )
        )
    rows.append(
        (
            "items precision",
            _fmt(f["items_precision"]),
            f"{f['items_matched']}/{f['items_predicted']} predicted",
        )
    )
    rows.append(("items recall", _fmt(f["items_recall"]), f"{f['items_matched']}/{f['items_gold']} gold"))
    rows.append(("items F1", _fmt(f["items_f1"]), ""))
    rows.append(("item numbers right", _fmt(f["items_number_accuracy"]), f"of {f['items_matched']} matched"))
    for role in (*ROLES, "all"):
        rows.append(
            (
                f"people {role.replace('_', ' ')} F1",
                _fmt(f[f"people_{role}_f1"]),
                f"P {_fmt(f[f'people_{role}_precision'])}, R {_fmt(f[f'people_{role}_recall'])}; "
                f"{f[f'people_{role}_matched']} matched, {f[f'people_{role}_gold']} gold, "
                f"{f[f'people_{role}_predicted']} predicted",
            )
        )
    rows.append(
        ("meeting date right", _fmt(f["meeting_date_accuracy"]), f"of {f['meeting_date_n']} with a gold date")
    )
    rows.append(
        ("committee right", _fmt(f["committee_accuracy"]), f"of {f['committee_n']} with a gold committee")
    )
    rows.append(("committees wrong", _fmt(f["committee_wrong"]), "a committee given that is not the gold's"))
    rows.append(
        (
            "meeting dates wrong",
            _fmt(f["meeting_date_wrong"]),
            f"of {f['meeting_date_predicted']} predicted; "
            f"{f['meeting_date_wrong_no_gold']} where gold has none",
        )
    )
    rows.append(
        (
            "meeting end time right",
            _fmt(f["meeting_end_time_accuracy"]),
            f"of {f['meeting_end_time_n']} with a gold end time",
        )
    )
    rows.append(("is_minutes right", _fmt(f["is_minutes_accuracy"]), f"of {f['documents']} documents"))
    rows.append(
        (
            "not-minutes refused",
            _fmt(f["not_minutes_recall"]),
            f"{f['not_minutes_detected']} of {f['not_minutes_gold']} not-minutes documents",
        )
    )
    rows.append(("outcomes on not-minutes docs", _fmt(f["not_minutes_outcomes"]), "each one an error"))
    rows.append(("minutes refused as not minutes", _fmt(f["minutes_refused"]), "each one an error"))
    rows.append(("exchanges counts right", _fmt(f["exchanges_accuracy"]), ""))
    lines = ["| figure | value | detail |", "| --- | ---: | --- |"]
    lines.extend(f"| {a} | {b} | {c} |" for a, b, c in rows)
    return "\n".join(lines)


def format_misses(results: Sequence[DocResult]) -> str:
    """The per-document misses as a Markdown table (``doc``, ``miss``)."""
    lines = ["| doc | miss |", "| --- | --- |"]
    for r in results:
        for miss in document_misses(r.gold, r.pred, r.text, r.error):
            lines.append(f"| {r.doc_id} | {miss.replace('|', '¦')} |")
    return "\n".join(lines) if len(lines) > 2 else "No misses."
