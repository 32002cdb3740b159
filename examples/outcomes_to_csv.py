"""Every outcome and point of some minutes as one CSV, ready for a spreadsheet.

python examples/outcomes_to_csv.py seeds/*.txt > outcomes.csv
"""

from __future__ import annotations

import csv
import sys

import scrutinykit


def main(paths: list[str]) -> int:
    """Write one CSV row per outcome point (or per outcome without points)."""
    writer = csv.writer(sys.stdout)
    writer.writerow(["file", "meeting_date", "item", "outcome", "point", "text", "line"])
    for name in paths:
        doc = scrutinykit.parse_file(name)
        for item in doc.items:
            number = item.minute_number or item.agenda_number or ""
            for outcome in item.outcomes():
                kind = type(outcome).__name__.lower()
                line, _ = doc.line_col(outcome.span.start)
                rows = [(p.label, p.text) for p in outcome.points] or [("", outcome.text)]
                for label, text in rows:
                    writer.writerow(
                        [
                            name,
                            doc.meeting.date or "",
                            f"{number} {item.title}".strip(),
                            kind,
                            label,
                            text,
                            line,
                        ]
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
