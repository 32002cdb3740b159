"""Parse minutes files and write each one's JSON beside it (``name.json``).

python examples/parse_to_json.py seeds/*.txt
"""

from __future__ import annotations

import sys
from pathlib import Path

import scrutinykit


def main(paths: list[str]) -> int:
    """Write ``<file>.json`` for every file that parses; report the others."""
    failed = 0
    for name in paths:
        try:
            doc = scrutinykit.parse_file(name)
        except scrutinykit.ScrutinyKitError as exc:
            print(exc, file=sys.stderr)
            failed += 1
            continue
        out = Path(name).with_suffix(".json")
        out.write_text(scrutinykit.dumps(doc, indent=1), encoding="utf-8")
        print(f"{name} -> {out}: {len(doc.items)} items, {len(doc.outcomes())} outcomes")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
