"""Shared fixtures: the seed documents and the development corpus.

Property tests run the same examples on every run (Hypothesis derandomised,
no example database), so the suite is deterministic: a failure is the code's,
never the draw's.  ``HYPOTHESIS_PROFILE=explore`` (or ``long``, which also
runs more examples in tests/test_robustness.py) draws new examples each run,
as the fuzzing does; add what it finds as an ``@example``.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import pytest
from hypothesis import settings

import scrutinykit

settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
_EXPLORE = os.environ.get("HYPOTHESIS_PROFILE") in ("explore", "long")
settings.load_profile("explore" if _EXPLORE else "deterministic")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEVCORPUS = ROOT.parent / "shared" / "devcorpus"
FIXTURES = ROOT / "tests" / "fixtures"


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (e.g. ``"002"``)."""
    (path,) = [p for p in SEEDS if p.name.startswith(prefix)]
    return path


@pytest.fixture(scope="session")
def seed_docs() -> dict[str, scrutinykit.Document]:
    """Every seed parsed once, keyed by its three-digit prefix."""
    return {p.name[:3]: parse_seed(p) for p in SEEDS}


def parse_seed(path: Path) -> scrutinykit.Document:
    """A seed as parse_file reads it, named by its path in the repository (``seeds/…``).

    The document records the path it was read from; the golden files hold
    the one that is the same on every machine.
    """
    doc = scrutinykit.parse_file(path)
    return attrs.evolve(doc, source_name=path.relative_to(ROOT).as_posix())


def devcorpus_docs() -> list[Path]:
    """The development corpus documents, or none when it is absent."""
    docs = DEVCORPUS / "docs"
    return sorted(docs.glob("*.txt")) if docs.is_dir() else []
