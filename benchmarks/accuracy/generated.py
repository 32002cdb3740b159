"""Generated corpora: synthetic minutes from the shared generator, scored like the development corpus.

The generator (``../shared/devcorpus/generator``) writes documents with exact
gold in the development corpus's schema, so :func:`~benchmarks.accuracy.core.score`
serves both.  Each ``(seed, count)`` corpus is generated once into a cache
folder (``.cache/accuracy/`` at the repository root, git-ignored), keyed on a
digest of the generator's sources: when the generator changes, its corpora are
generated again.  Nothing generated is stored in the project.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .core import DEFAULT_CORPUS, ROOT, DocResult, run_corpus

__all__ = [
    "CACHE_DIR",
    "DEFAULT_COUNT",
    "DEFAULT_SEEDS",
    "GENERATOR_DIR",
    "generated_corpus",
    "generator_digest",
    "run_generated",
]

GENERATOR_DIR = DEFAULT_CORPUS / "generator"
"""Where the generator lives when nothing else is said."""
CACHE_DIR = ROOT / ".cache" / "accuracy"
"""Where generated corpora are kept between runs (git-ignored)."""
DEFAULT_SEEDS: tuple[int, ...] = (1, 2, 3)
"""The generator seeds scored by default (issue 15)."""
DEFAULT_COUNT = 300
"""Documents per seed by default."""

_COMPLETE = "complete"


def generator_digest(generator_dir: Path = GENERATOR_DIR) -> str:
    """A SHA-256 over the generator's Python sources (names and bytes), in name order.

    :raises FileNotFoundError: the folder holds no ``generate.py``.
    """
    if not (generator_dir / "generate.py").is_file():
        raise FileNotFoundError(f"no generator at {generator_dir} (expected generate.py in it)")
    digest = hashlib.sha256()
    for path in sorted(generator_dir.glob("*.py")):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def generated_corpus(
    seed: int, count: int, *, generator_dir: Path = GENERATOR_DIR, cache_dir: Path = CACHE_DIR
) -> Path:
    """The folder of the generated corpus for ``seed`` and ``count``, generating it when not cached.

    The generator runs as a subprocess (``generate.py --seed S --count N --out
    DIR``) into a temporary folder that is renamed into place once complete, so
    a run that is interrupted, or two runs at once, never leave half a corpus.
    Cached corpora of other generator versions are removed.

    :raises FileNotFoundError: there is no generator at ``generator_dir``.
    :raises subprocess.CalledProcessError: the generator failed.
    """
    digest = generator_digest(generator_dir)[:16]
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{digest}-seed{seed}-count{count}"
    if (target / _COMPLETE).is_file():
        return target
    for stale in cache_dir.iterdir():
        if stale.is_dir() and not stale.name.startswith(digest) and (stale / _COMPLETE).is_file():
            shutil.rmtree(stale, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=cache_dir))
    try:
        subprocess.run(
            [
                sys.executable,
                str(generator_dir / "generate.py"),
                "--seed",
                str(seed),
                "--count",
                str(count),
                "--out",
                str(work),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        (work / _COMPLETE).write_text(f"generator {digest} seed {seed} count {count}\n", encoding="utf-8")
        try:
            os.rename(work, target)
        except OSError:  # another run put the same corpus in place first
            if not (target / _COMPLETE).is_file():
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return target


def run_generated(
    seeds: Sequence[int] = DEFAULT_SEEDS,
    count: int = DEFAULT_COUNT,
    *,
    workers: int = 1,
    generator_dir: Path = GENERATOR_DIR,
    cache_dir: Path = CACHE_DIR,
) -> list[DocResult]:
    """Generate (or reuse) one corpus per seed, parse and predict every document.

    Results are in seed order, then document order; each id is ``sS/NNN``.
    """
    results: list[DocResult] = []
    for seed in seeds:
        corpus = generated_corpus(seed, count, generator_dir=generator_dir, cache_dir=cache_dir)
        results.extend(run_corpus(corpus, workers=workers, prefix=f"s{seed}/"))
    return results
