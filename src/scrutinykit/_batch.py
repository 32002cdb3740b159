"""Parse many documents, in order, on several worker processes.

Each worker builds the parser once (on its first document) and keeps it;
documents and errors cross the process boundary by pickling, which every
model class and every :class:`ScrutinyKitError` supports.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Union

from ._api import parse, parse_file
from ._errors import InternalError, ScrutinyKitError
from ._model import Document

__all__ = ["Source", "parse_many"]

Source = Union[str, "os.PathLike[str]"]
"""A text to parse (``str``) or a file to read (``pathlib.Path`` or other path-like)."""


def _parse_one(source: Source) -> Document | ScrutinyKitError:
    try:
        if isinstance(source, str):
            return parse(source)
        return parse_file(source)
    except ScrutinyKitError as exc:
        return exc
    except Exception as exc:  # a bug: report it as a value, keep the batch going
        where = None if isinstance(source, str) else str(source)
        return InternalError(
            f"scrutinykit failed ({type(exc).__name__}: {exc}); please report it", source=where
        )


def parse_many(
    sources: Iterable[Source], *, workers: int | None = 1, chunksize: int = 4
) -> Iterator[Document | ScrutinyKitError]:
    """Parse each source and yield its result, in the order given.

    A ``str`` is parsed as text; a path-like is read as a file.  A source that
    fails yields its :class:`ScrutinyKitError` instead of a document, so one
    bad file never stops a batch.  ``workers`` is the number of processes
    (``None``: one per CPU; ``1``: parse in this process).
    """
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1:
        for source in sources:
            yield _parse_one(source)
        return
    items = [Path(s) if isinstance(s, os.PathLike) else s for s in sources]
    with multiprocessing.get_context().Pool(count) as pool:
        yield from pool.imap(_parse_one, items, chunksize=max(1, chunksize))
