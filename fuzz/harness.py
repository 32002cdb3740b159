"""Coverage-guided fuzzing of scrutinykit with atheris (libFuzzer).

Two targets, chosen by the first argument:

* ``parse`` — the fuzzer's bytes go to :func:`scrutinykit.parse_bytes` and,
  decoded as UTF-8 (replacing what does not decode), to
  :func:`scrutinykit.parse`.  Every result must be a :class:`Document` whose
  ``source`` is the input, whose non-whitespace characters are each owned by
  exactly one textual node, and whose JSON loads back equal and is written
  the same twice; every error must be a ``ScrutinyKitError`` other than
  ``InternalError``.  These are the checks of ``tests/test_robustness.py``,
  imported from there.
* ``loads`` — the bytes go to :func:`scrutinykit.loads`, which must return a
  ``Document`` that dumps and loads back equal, or raise ``SerialisationError``.

Anything else is a crash: libFuzzer writes the input to ``crash-*`` and stops.
See ``fuzz/README.md`` for the commands.  All other arguments go to libFuzzer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["scrutinykit", "lark", "cattrs"]):
    # ``import scrutinykit`` loads only the model; the pipeline's modules load on
    # first use, so each is imported here, inside the block, to be instrumented.
    import scrutinykit
    import scrutinykit._api
    import scrutinykit.build.assemble
    import scrutinykit.io.serialise
    import scrutinykit.parsing.loader
    import scrutinykit.views.check

    # The parser module written at install is imported when the parser is first built.
    scrutinykit.parsing.loader.load_parser()

from tests.test_robustness import check_bytes, check_json, check_text  # noqa: E402

#: Inputs longer than this are cut: the properties are about shape, not size.
MAX_BYTES = 20_000


def parse_one(data: bytes) -> None:
    """Target ``parse``: bytes and text both parse soundly or raise our error."""
    data = data[:MAX_BYTES]
    check_bytes(data)
    check_text(data.decode("utf-8", errors="replace"))


def loads_one(data: bytes) -> None:
    """Target ``loads``: JSON loads to a sound document or raises SerialisationError."""
    check_json(data)


TARGETS = {"parse": parse_one, "loads": loads_one}


def main() -> None:
    """``python fuzz/harness.py parse|loads [libFuzzer options] [corpus dirs]``."""
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{'|'.join(TARGETS)}}} [libFuzzer options] [corpus...]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
