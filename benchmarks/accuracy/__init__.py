"""Accuracy of scrutinykit on three corpora: the development corpus, generated corpora and real documents.

* :mod:`.core` maps a parsed document onto the development corpus's gold
  schema (:func:`predict`) and scores it by that corpus's rules
  (:func:`score`); the generated corpora share the schema and the code.
* :mod:`.generated` generates (and caches) the generator's corpora.
* :mod:`.real` scores ``../shared/realdocs`` through ``parse_file`` by its
  README's facts-level rules.
* :mod:`.cli` is the command, ``python -m benchmarks.accuracy``.
"""

from __future__ import annotations

from .cli import main, miss_class, miss_classes, per_format
from .core import (
    DEFAULT_CORPUS,
    ROLES,
    THRESHOLDS,
    DocResult,
    document_misses,
    fold_name,
    format_figures,
    format_misses,
    map_workers,
    match_spans,
    overlap_ratio,
    predict,
    predict_text,
    read_text,
    run_corpus,
    score,
)
from .generated import (
    CACHE_DIR,
    DEFAULT_COUNT,
    DEFAULT_SEEDS,
    GENERATOR_DIR,
    generated_corpus,
    generator_digest,
    run_generated,
)
from .real import (
    DEFAULT_REAL,
    RealResult,
    fold_person,
    match_items,
    match_outcomes,
    normalise,
    predict_real,
    predict_real_file,
    printed_title,
    real_document_misses,
    run_real,
    score_real,
)

__all__ = [
    "CACHE_DIR",
    "DEFAULT_CORPUS",
    "DEFAULT_COUNT",
    "DEFAULT_REAL",
    "DEFAULT_SEEDS",
    "GENERATOR_DIR",
    "ROLES",
    "THRESHOLDS",
    "DocResult",
    "RealResult",
    "document_misses",
    "fold_name",
    "fold_person",
    "format_figures",
    "format_misses",
    "generated_corpus",
    "generator_digest",
    "main",
    "map_workers",
    "match_items",
    "match_outcomes",
    "match_spans",
    "miss_class",
    "miss_classes",
    "normalise",
    "overlap_ratio",
    "per_format",
    "predict",
    "predict_real",
    "predict_real_file",
    "predict_text",
    "printed_title",
    "read_text",
    "real_document_misses",
    "run_corpus",
    "run_generated",
    "run_real",
    "score",
    "score_real",
]
