"""Real minutes (``../shared/realdocs``) through :func:`scrutinykit.parse_file`, by their README's rules.

The gold of the real documents has no offsets (a PDF's text depends on the
extractor): titles, the words an outcome begins with, names and dates, all as
printed.  So the prediction is text too, and matching is by normalised text:

* text is normalised by :func:`normalise`: NFKC, no-break spaces as spaces,
  curly quotes straight, en and em dashes as ``-``, whitespace runs collapsed,
  casefolded, a trailing ``pdf icon PDF nn KB`` and edge punctuation removed;
* **items** match one-to-one in gold order, each gold title taking the first
  unused predicted title whose :class:`difflib.SequenceMatcher` ratio is at
  least 0.85, or of which it is a prefix (or that is a prefix of it) when the
  shorter of the two has at least 20 characters;
* **outcomes** match one-to-one in gold order: a prediction matches when the
  gold's ``begins`` occurs in the first ``len(begins) + 80`` characters of the
  prediction's source text (label included); *typed* when the types are equal
  too.  The predictions are every outcome node, plus the commitments of kind
  action or undertaking that stand outside an outcome, typed ``action``;
* **people** per role, as sets of names folded by :func:`fold_person`; the four
  roles pooled give "people all";
* **meeting date** exact, over the documents whose gold has one (recall); a
  predicted date that is not the gold's, or where the gold has none, is a
  wrong date, counted on its own.

A :class:`scrutinykit.NotMinutesError` is the answer "not minutes" (a minutes
document refused, or a not-minutes one detected); any other exception is a
crash.  Text of the documents is printed at run time only, never stored.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import scrutinykit

from .core import (
    _GOLD_TYPE,
    ROLES,
    ROOT,
    _fold_text,
    _outcome_nodes,
    _prf,
    _ratio,
    _snippet,
    _title_span,
    map_workers,
)

__all__ = [
    "DEFAULT_REAL",
    "RealResult",
    "fold_person",
    "format_real_figures",
    "format_real_misses",
    "match_items",
    "match_outcomes",
    "normalise",
    "predict_real",
    "predict_real_file",
    "printed_title",
    "real_document_misses",
    "run_real",
    "score_real",
]

DEFAULT_REAL = ROOT.parent / "shared" / "realdocs"
"""Where the real documents live when nothing else is said."""

Gold = dict[str, Any]
Pred = dict[str, Any]

#: How much of an outcome's source text a prediction keeps: ample for ``begins`` + 80 once normalised.
_KEEP = 2000
_ITEM_RATIO = 0.85
_PREFIX_MIN = 20
_BEGINS_SLACK = 80

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})
_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-"})
_PDF_SUFFIX = re.compile(r"\s*pdf icon pdf \d+ kb\s*$")
_EDGE = " .,;:-"


def normalise(text: str) -> str:
    """Text normalised for matching, by the realdocs README."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    text = text.translate(_QUOTES).translate(_DASHES)
    text = " ".join(text.split()).casefold()
    text = _PDF_SUFFIX.sub("", text)
    return text.strip(_EDGE)


_TITLES = frozenset(
    {
        "councillor",
        "councillors",
        "cllr",
        "cllrs",
        "alderman",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
    }
)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def fold_person(name: str) -> str:
    """A name folded for comparison: parentheticals and leading titles gone, no punctuation, casefolded.

    ``"County Cllr D. Smith (Chair)"`` and ``"d smith"`` fold alike.
    """
    text = _PAREN.sub(" ", unicodedata.normalize("NFKC", name))
    text = "".join(" " if c in "-/" else c for c in text)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("P"))
    words = text.casefold().split()
    while words and (
        words[0] in _TITLES or (words[0] == "county" and len(words) > 1 and words[1] in _TITLES)
    ):
        words.pop(0)
    return " ".join(words)


def _people(names: Iterable[str] | None) -> set[str]:
    return {f for f in (fold_person(n) for n in names or ()) if f}


# ---------------------------------------------------------------------------
# Prediction
# ---------------------------------------------------------------------------


def _iso(value: object) -> str | None:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()[:10]
    return None


def printed_title(item: scrutinykit.AgendaItem, source: str) -> str:
    """An item's title as printed: its title heading's text without the minute number.

    The model's ``title`` leaves out an agenda-item reference such as
    ``(Agenda item 7)``; the gold keeps the heading as printed, so the heading's
    own text is used when it holds the title.
    """
    start, end = _title_span(item, source)
    text = " ".join(source[start:end].split())
    number = item.minute_number
    if number and text.startswith(number):
        text = text[len(number) :].lstrip(" .:-–\t")
    title = item.title or ""
    return text if title and _fold_text(title)[:20] in _fold_text(text) else title


def predict_real(doc: scrutinykit.Document) -> Pred:
    """What the real-document gold asks of a parsed document, as text.

        ``items``: number (minute number, else agenda number) and title as printed
    (:func:`printed_title`);
        ``outcomes``: type and source text (``doc.text_of``) of every outcome node
        and of every action or undertaking outside an outcome; the four attendance
        roles (``present`` with co-optees and substitutes); the meeting date.
    """
    outcomes = [
        {
            "type": _GOLD_TYPE.get(type(o).__name__.lower(), type(o).__name__.lower()),
            "start": o.span.start,
            "text": doc.text_of(o)[:_KEEP],
        }
        for o in _outcome_nodes(doc)
    ]
    outcomes.extend(
        {"type": "action", "start": c.span.start, "text": doc.text_of(c)[:_KEEP]}
        for c in doc.actions()
        if not c.in_outcome
    )
    outcomes.sort(key=lambda o: o["start"])
    att = doc.attendance
    present = (*att.present, *att.co_optees, *getattr(att, "substitutes", ()))
    return {
        "is_minutes": True,
        "refused": None,
        "date": _iso(doc.meeting.date),
        "committee": doc.meeting.committee,
        "items": [
            {"number": item.minute_number or item.agenda_number, "title": printed_title(item, doc.source)}
            for item in doc.items
        ],
        "outcomes": outcomes,
        "present": [p.name for p in present],
        "apologies": [p.name for p in att.apologies or ()],
        "also_attending": [p.name for p in att.also_attending],
        "officers": [p.name for p in att.officers],
    }


def _refused(reason: str, date: str | None) -> Pred:
    return {
        "is_minutes": False,
        "refused": reason,
        "date": date,
        "items": [],
        "outcomes": [],
        **{role: [] for role in ROLES},
    }


def predict_real_file(path: Path) -> tuple[Pred | None, str | None]:
    """Parse ``path`` with :func:`scrutinykit.parse_file` and predict; ``(None, message)`` on a crash."""
    try:
        doc = scrutinykit.parse_file(path)
    except scrutinykit.NotMinutesError as exc:
        read = getattr(exc, "document", None)
        date = _iso(read.meeting.date) if read is not None else None
        return _refused(str(exc).replace(str(path), "").lstrip(": "), date), None
    except Exception as exc:  # every other failure is a crash, one document's only
        return None, f"{type(exc).__name__}: {exc}"
    try:
        return predict_real(doc), None
    except Exception as exc:  # the model changed under the benchmark
        return None, f"predict_real() failed: {type(exc).__name__}: {exc}"


# ---------------------------------------------------------------------------
# Matching and scoring
# ---------------------------------------------------------------------------


def _titles_match(gold: str, pred: str) -> bool:
    if not gold or not pred:
        return False
    shorter, longer = sorted((gold, pred), key=len)
    if len(shorter) >= _PREFIX_MIN and longer.startswith(shorter):
        return True
    return difflib.SequenceMatcher(None, gold, pred, autojunk=False).ratio() >= _ITEM_RATIO


def match_items(gold: Sequence[str], pred: Sequence[str]) -> list[tuple[int, int]]:
    """Match titles one-to-one in gold order; ``(gold index, pred index)`` pairs."""
    g_norm, p_norm = [normalise(t) for t in gold], [normalise(t) for t in pred]
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(g_norm):
        for pi, p in enumerate(p_norm):
            if pi not in used and _titles_match(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def match_outcomes(begins: Sequence[str], texts: Sequence[str]) -> list[tuple[int, int]]:
    """Match outcomes one-to-one in gold order, by ``begins`` near the start of the predicted text."""
    heads = [normalise(t) for t in texts]
    used: set[int] = set()
    pairs = []
    for gi, b in enumerate(begins):
        wanted = normalise(b)
        for pi, head in enumerate(heads):
            if pi not in used and wanted and wanted in head[: len(wanted) + _BEGINS_SLACK]:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def score_real(pairs: Iterable[tuple[Gold, Pred | None]]) -> dict[str, Any]:
    """Score ``(gold, prediction)`` pairs of real documents; counts pooled over documents.

    A prediction of ``None`` is a crash and predicts nothing.
    """
    n_docs = crashes = 0
    out = [0, 0, 0, 0]  # matched, typed, gold, predicted
    items = [0, 0, 0]  # matched, gold, predicted
    people = {role: [0, 0, 0] for role in ROLES}
    date_n = date_ok = date_predicted = date_wrong = date_wrong_no_gold = 0
    committee_n = committee_ok = committee_wrong = 0
    not_minutes_gold = not_minutes_detected = not_minutes_outcomes = minutes_refused = 0
    for gold, pred in pairs:
        n_docs += 1
        if pred is None:
            crashes += 1
            pred = _refused("crash", None)
            pred["is_minutes"] = None
        g_out, p_out = gold.get("outcomes", []), pred.get("outcomes", [])
        matched = match_outcomes([g["begins"] for g in g_out], [p["text"] for p in p_out])
        out[0] += len(matched)
        out[1] += sum(g_out[gi]["type"] == p_out[pi]["type"] for gi, pi in matched)
        out[2] += len(g_out)
        out[3] += len(p_out)
        g_items, p_items = gold.get("items", []), pred.get("items", [])
        items[0] += len(match_items([g["title"] for g in g_items], [p["title"] for p in p_items]))
        items[1] += len(g_items)
        items[2] += len(p_items)
        for role in ROLES:
            g_names, p_names = _people(gold.get(role)), _people(pred.get(role))
            people[role][0] += len(g_names & p_names)
            people[role][1] += len(g_names)
            people[role][2] += len(p_names)
        g_committee, p_committee = gold.get("meeting", {}).get("committee"), pred.get("committee")
        same = p_committee is not None and g_committee is not None
        same = same and normalise(str(p_committee)) == normalise(str(g_committee))
        if g_committee is not None:
            committee_n += 1
            committee_ok += same
        if p_committee is not None and not same:
            committee_wrong += 1
        g_date, p_date = gold.get("meeting", {}).get("date"), pred.get("date")
        if g_date is not None:
            date_n += 1
            date_ok += p_date == g_date
        if p_date is not None:
            date_predicted += 1
            if p_date != g_date:
                date_wrong += 1
                date_wrong_no_gold += g_date is None
        if gold.get("is_minutes") is False:
            not_minutes_gold += 1
            not_minutes_detected += pred.get("is_minutes") is False
            not_minutes_outcomes += len(p_out)
        elif pred.get("is_minutes") is False:
            minutes_refused += 1

    figures: dict[str, Any] = {"documents": n_docs, "crashes": crashes}
    precision, recall, f1 = _prf(out[0], out[2], out[3])
    figures.update(
        {
            "outcomes_gold": out[2],
            "outcomes_predicted": out[3],
            "outcomes_matched": out[0],
            "outcomes_typed_matched": out[1],
            "outcomes_precision": precision,
            "outcomes_recall": recall,
            "outcomes_f1": f1,
            "outcomes_typed_f1": _prf(out[1], out[2], out[3])[2],
        }
    )
    precision, recall, f1 = _prf(*items)
    figures.update(
        {
            "items_gold": items[1],
            "items_predicted": items[2],
            "items_matched": items[0],
            "items_precision": precision,
            "items_recall": recall,
            "items_f1": f1,
        }
    )
    totals = [0, 0, 0]
    for role in (*ROLES, "all"):
        counts = totals if role == "all" else people[role]
        precision, recall, f1 = _prf(*counts)
        figures[f"people_{role}_matched"] = counts[0]
        figures[f"people_{role}_gold"] = counts[1]
        figures[f"people_{role}_predicted"] = counts[2]
        figures[f"people_{role}_precision"] = precision
        figures[f"people_{role}_recall"] = recall
        figures[f"people_{role}_f1"] = f1
        if role != "all":
            totals[:] = [a + b for a, b in zip(totals, counts)]
    figures.update(
        {
            "committee_accuracy": _ratio(committee_ok, committee_n),
            "committee_n": committee_n,
            "committee_wrong": committee_wrong,
            "meeting_date_accuracy": _ratio(date_ok, date_n),
            "meeting_date_n": date_n,
            "meeting_date_predicted": date_predicted,
            "meeting_date_precision": _ratio(date_ok, date_predicted),
            "meeting_date_wrong": date_wrong,
            "meeting_date_wrong_no_gold": date_wrong_no_gold,
            "not_minutes_gold": not_minutes_gold,
            "not_minutes_detected": not_minutes_detected,
            "not_minutes_recall": _ratio(not_minutes_detected, not_minutes_gold),
            "not_minutes_outcomes": not_minutes_outcomes,
            "minutes_refused": minutes_refused,
        }
    )
    return figures


# ---------------------------------------------------------------------------
# Per-document misses, running, reporting
# ---------------------------------------------------------------------------


def _short(text: str) -> str:
    return _snippet(text, 0, len(text))


def real_document_misses(gold: Gold, pred: Pred | None, error: str | None = None) -> list[str]:
    """What one real document's prediction missed or invented, one line each (quotes the document)."""
    lines: list[str] = []
    if pred is None:
        lines.append(f"crash: {error or 'no prediction'}")
        pred = _refused("crash", None)
    elif pred.get("refused") and gold.get("is_minutes", True):
        lines.append(f"refused as not minutes: {pred['refused']}")
    elif not pred.get("refused") and gold.get("is_minutes") is False:
        lines.append("not minutes, but parsed as minutes")

    g_items, p_items = gold.get("items", []), pred.get("items", [])
    pairs = match_items([g["title"] for g in g_items], [p["title"] for p in p_items])
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    lines.extend(
        f"missed item {g.get('number')}: {_short(g['title'])}"
        for i, g in enumerate(g_items)
        if i not in hit_g
    )
    lines.extend(
        f"extra item {p.get('number')}: {_short(p['title'])}" for i, p in enumerate(p_items) if i not in hit_p
    )

    g_out, p_out = gold.get("outcomes", []), pred.get("outcomes", [])
    pairs = match_outcomes([g["begins"] for g in g_out], [p["text"] for p in p_out])
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    lines.extend(
        f"missed outcome {g['type']} (item {g.get('item')}): {_short(g['begins'])}"
        for i, g in enumerate(g_out)
        if i not in hit_g
    )
    lines.extend(
        f"extra outcome {p['type']}: {_short(p['text'])}" for i, p in enumerate(p_out) if i not in hit_p
    )
    lines.extend(
        f"wrong type: predicted {p_out[pi]['type']}, gold {g_out[gi]['type']}: {_short(g_out[gi]['begins'])}"
        for gi, pi in pairs
        if g_out[gi]["type"] != p_out[pi]["type"]
    )

    for role in ROLES:
        g_names = {fold_person(n): n for n in gold.get(role) or ()}
        p_names = {fold_person(n): n for n in pred.get(role) or ()}
        missed = [g_names[k] for k in g_names if k and k not in p_names]
        extra = [p_names[k] for k in p_names if k and k not in g_names]
        if missed:
            lines.append(f"missed {role}: {'; '.join(missed)}")
        if extra:
            lines.append(f"extra {role}: {'; '.join(extra)}")

    g_date, p_date = gold.get("meeting", {}).get("date"), pred.get("date")
    if p_date != g_date and (g_date is not None or p_date is not None):
        lines.append(f"meeting date: predicted {p_date}, gold {g_date}")
    return lines


@dataclass(frozen=True)
class RealResult:
    """One real document: its gold annotation and what was predicted."""

    doc_id: str
    path: Path
    gold: Gold
    pred: Pred | None
    error: str | None


def run_real(folder: Path = DEFAULT_REAL, *, workers: int = 1) -> list[RealResult]:
    """Parse and predict every annotated document of ``folder`` (``docs/NNN-*``, ``gold/NNN.json``).

    :raises FileNotFoundError: ``folder`` has no ``docs/`` or ``gold/`` directory.
    """
    docs_dir, gold_dir = folder / "docs", folder / "gold"
    if not docs_dir.is_dir() or not gold_dir.is_dir():
        raise FileNotFoundError(f"no real documents at {folder} (expected docs/ and gold/ in it)")
    found: list[tuple[str, Path, Gold]] = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        files = sorted(docs_dir.glob(f"{gold_path.stem}-*"))
        if not files:
            print(f"accuracy: no document for gold {gold_path.name}; skipped", file=sys.stderr)
            continue
        found.append((gold_path.stem, files[0], json.loads(gold_path.read_text(encoding="utf-8"))))
    predictions = map_workers(predict_real_file, [path for _, path, _ in found], workers)
    return [
        RealResult(doc_id, path, gold, pred, error)
        for (doc_id, path, gold), (pred, error) in zip(found, predictions)
    ]


def _fmt(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def format_real_figures(figures: dict[str, Any]) -> str:
    """The real-document figures as a Markdown table: figure, value, and the counts behind it."""
    f = figures
    rows = [
        ("documents", _fmt(f["documents"]), ""),
        ("crashes", _fmt(f["crashes"]), ""),
    ]
    for what in ("outcomes", "items"):
        rows.append(
            (
                f"{what} precision",
                _fmt(f[f"{what}_precision"]),
                f"{f[f'{what}_matched']}/{f[f'{what}_predicted']} predicted",
            )
        )
        rows.append(
            (f"{what} recall", _fmt(f[f"{what}_recall"]), f"{f[f'{what}_matched']}/{f[f'{what}_gold']} gold")
        )
        rows.append((f"{what} F1", _fmt(f[f"{what}_f1"]), ""))
        if what == "outcomes":
            rows.append(
                (
                    "outcomes F1, type must match",
                    _fmt(f["outcomes_typed_f1"]),
                    f"{f['outcomes_typed_matched']} typed",
                )
            )
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
    rows.extend(
        [
            (
                "meeting date recall",
                _fmt(f["meeting_date_accuracy"]),
                f"of {f['meeting_date_n']} with a gold date",
            ),
            ("committee right", _fmt(f["committee_accuracy"]), f"of {f['committee_n']} with a committee"),
            ("committees wrong", _fmt(f["committee_wrong"]), "a committee given that is not the gold's"),
            (
                "meeting dates wrong",
                _fmt(f["meeting_date_wrong"]),
                f"of {f['meeting_date_predicted']} predicted; "
                f"{f['meeting_date_wrong_no_gold']} where gold has none",
            ),
            (
                "not-minutes refused",
                _fmt(f["not_minutes_recall"]),
                f"{f['not_minutes_detected']} of {f['not_minutes_gold']} not-minutes documents",
            ),
            ("outcomes on not-minutes docs", _fmt(f["not_minutes_outcomes"]), "each one an error"),
            ("minutes refused as not minutes", _fmt(f["minutes_refused"]), "each one an error"),
        ]
    )
    lines = ["| figure | value | detail |", "| --- | ---: | --- |"]
    lines.extend(f"| {a} | {b} | {c} |" for a, b, c in rows)
    return "\n".join(lines)


def format_real_misses(results: Sequence[RealResult]) -> str:
    """The per-document misses of the real documents as a Markdown table."""
    lines = ["| doc | miss |", "| --- | --- |"]
    for r in results:
        for miss in real_document_misses(r.gold, r.pred, r.error):
            lines.append(f"| {r.doc_id} | {miss.replace('|', '¦')} |")
    return "\n".join(lines) if len(lines) > 2 else "No misses."
