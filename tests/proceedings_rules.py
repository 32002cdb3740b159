"""The fixture files of the proceedings' rule modules: minutes and the annotations expected, a file a rule.

Each file ``tests/fixtures/proceedings-rules/<module>.txt`` holds the cases
of the rule module ``scrutinykit/proceedings/<module>.py``, in the format of
the grammar's rule fixtures (see ``tests/rules.py``: a title, ``.``, the
input, ``.``, what is expected, ``.``).  :func:`render` writes every
annotation of every item, whichever rule made it — the expected part says
what the whole scan makes of the case, not only the rule's share — as one
line each: exchanges, stances, commitments (owner, due time, text),
references, votes, and an outcome's addressee and due time.
``python -m tests.proceedings_rules FILE`` prints what the scan makes of
each case of a file beside what the file expects, to review a new case.
"""

from __future__ import annotations

import sys
from pathlib import Path

import scrutinykit as sk
from scrutinykit._model import Due, Speaker, Statement

from .rules import cases

RULES = Path(__file__).resolve().parent / "fixtures" / "proceedings-rules"


def _who(speaker: Speaker | None) -> str:
    if speaker is None:
        return "-"
    said = speaker.name or speaker.title or speaker.text
    return f"{speaker.kind.value}:{said}{'+' if speaker.plural else ''}"


def _due(due: Due | None) -> str:
    if due is None:
        return ""
    when = f" {due.relation}" if due.relation else ""
    return f" due{when} {due.kind.value} '{due.text}'" + (f" {due.date}" if due.date else "")


def _said(statement: Statement) -> str:
    return f"{statement.kind.value} by {_who(statement.speaker)} '{statement.phrase}'"


def render(doc: sk.Document) -> str:
    """Every item's annotations, one line each (the fixtures' expected form)."""
    out: list[str] = []
    for item in doc.items:
        out.append(f"item {item.minute_number or '-'}: {item.title}")
        for exchange in item.exchanges:
            out.append(f"  exchange: {_said(exchange.question)}")
            out.extend(f"    {_said(r)}" for r in exchange.responses)
        for stance in item.stances:
            out.append(f"  stance {stance.kind.value} by {_who(stance.speaker)} '{stance.phrase}'")
        for c in item.commitments:
            where = " in outcome" if c.in_outcome else ""
            out.append(f"  {c.kind.value}{where} by {_who(c.owner)}{_due(c.due)}: {c.text}")
        for ref in item.references:
            out.append(f"  reference {ref.kind.value} {ref.date}: {ref.text}")
        for vote in item.votes:
            facts = [
                f"{name}={value.value if hasattr(value, 'value') else value}"
                for name, value in (
                    ("proposer", vote.proposer),
                    ("seconder", vote.seconder),
                    ("for", vote.votes_for),
                    ("against", vote.votes_against),
                    ("abstentions", vote.abstentions),
                    ("result", vote.result),
                )
                if value is not None
            ]
            facts += [name for name in ("unanimous", "amendment") if getattr(vote, name)]
            out.append("  vote " + " ".join(facts))
        for outcome in item.outcomes():
            if outcome.addressee or outcome.due:
                kind = type(outcome).__name__.lower()
                out.append(f"  {kind} to {outcome.addressee or '-'}{_due(outcome.due)}")
    return "\n".join(out)


def render_text(text: str) -> str:
    """:func:`render` of ``text`` parsed."""
    return render(sk.parse(text))


def main(argv: list[str]) -> int:
    """Print each case of a fixture file: its title, whether it holds, and what the scan gives."""
    for name in argv:
        for case in cases(Path(name)):
            got = render_text(case.text)
            mark = "ok" if got == case.expected else "DIFFERS"
            print(f"== {case.title} ({case.file.name}:{case.line}) {mark}\n{got}\n.\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
