"""Write the starting corpora for the fuzz harness (see fuzz/README.md).

``fuzz/corpus/parse/`` gets the seeds, the fixture documents and every
``parse``/``parse_bytes`` regression input; ``fuzz/corpus/loads/`` gets the
JSON of each document and every ``loads`` regression input.
Both folders are build products: they are not kept in git.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the tests package, for the regression cases

import scrutinykit as sk  # noqa: E402 - after the path is set
from tests.test_regressions import FILES, load_case  # noqa: E402

CORPUS = ROOT / "fuzz" / "corpus"


def sources() -> list[Path]:
    """The text files the corpora start from."""
    found = sorted((ROOT / "seeds").glob("*.txt"))
    found += sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.txt"))
    return found


def write(folder: Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    for path in sources():
        data = path.read_bytes()
        write(CORPUS / "parse", data)
        try:
            doc = sk.parse_bytes(data)
        except sk.ScrutinyKitError:
            continue
        write(CORPUS / "loads", sk.dumps(doc).encode("utf-8"))
    for path in FILES:
        case = load_case(path)
        data = case["data"]
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogatepass")
        write(CORPUS / ("loads" if case["target"] == "loads" else "parse"), data)
    for name in ("parse", "loads"):
        print(f"{CORPUS / name}: {len(list((CORPUS / name).iterdir()))} inputs")


if __name__ == "__main__":
    main()
