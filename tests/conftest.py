"""Shared fixtures: the seed documents and the development corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

import scrutinykit

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
    return {p.name[:3]: scrutinykit.parse_file(p) for p in SEEDS}


def devcorpus_docs() -> list[Path]:
    """The development corpus documents, or none when it is absent."""
    docs = DEVCORPUS / "docs"
    return sorted(docs.glob("*.txt")) if docs.is_dir() else []
