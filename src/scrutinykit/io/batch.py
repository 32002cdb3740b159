"""Parse many documents, in order, on several worker processes.

Each worker builds the parser once (on its first document) and keeps it;
documents and errors cross the process boundary by pickling, which every
model class and every :class:`ScrutinyKitError` supports.  A batch that only
stores JSON asks for it (``as_json=True``): each worker then also writes the
document's JSON, and only that text crosses back, so the parent process does
no work per document but pass it on.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal, TypeVar, Union, overload

from .._api import VocabularyDirs, parse, parse_file, vocabulary_folders
from .._errors import InternalError, ScrutinyKitError
from .._model import Document

__all__ = ["Source", "parse_many"]

Source = Union[str, "os.PathLike[str]"]
"""A file to read: its path as a ``str``, a ``pathlib.Path`` or another path-like."""

_T = TypeVar("_T")

#: The default per-file time limit of :func:`parse_many`, in seconds.
DEFAULT_TIMEOUT = 120.0


def _bug(exc: Exception, source: Source) -> InternalError:
    """A bug of ours, reported as a value so that the batch goes on."""
    where = None if isinstance(source, str) else str(source)
    return InternalError(f"scrutinykit failed ({type(exc).__name__}: {exc}); please report it", source=where)


def _parse_one(source: Source, vocabulary: tuple[Path, ...] = ()) -> Document | ScrutinyKitError:
    try:
        if isinstance(source, str):
            return parse(source, vocabulary=vocabulary)
        return parse_file(source, vocabulary=vocabulary)
    except ScrutinyKitError as exc:
        return exc
    except Exception as exc:
        return _bug(exc, source)


def _parse_one_json(
    source: Source, indent: int | None = None, vocabulary: tuple[Path, ...] = ()
) -> str | ScrutinyKitError:
    result = _parse_one(source, vocabulary)
    if isinstance(result, ScrutinyKitError):
        return result
    from .serialise import dumps

    try:
        return dumps(result, indent=indent)
    except ScrutinyKitError as exc:
        return exc
    except Exception as exc:
        return _bug(exc, source)


def _run(
    task: Callable[[Source], _T],
    sources: Iterable[Source],
    workers: int | None,
    chunksize: int,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: int | None = None,
) -> Iterator[_T | ScrutinyKitError]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 and timeout is None and memory_limit is None:
        for source in sources:
            yield task(source)
        return
    # A time limit needs a process to stop: with one worker, one process.
    from .workers import run_isolated

    items = (Path(s) if isinstance(s, os.PathLike) else s for s in sources)
    yield from run_isolated(
        task, items, workers=max(1, count), chunksize=chunksize, timeout=timeout, memory_limit=memory_limit
    )


@overload
def parse_many(
    sources: Iterable[Source] | None = ...,
    *,
    texts: Iterable[str] | None = ...,
    workers: int | None = ...,
    chunksize: int = ...,
    as_json: Literal[False] = ...,
    timeout: float | None = ...,
    memory_limit: int | None = ...,
    vocabulary: VocabularyDirs = ...,
) -> Iterator[Document | ScrutinyKitError]: ...


@overload
def parse_many(
    sources: Iterable[Source] | None = ...,
    *,
    texts: Iterable[str] | None = ...,
    workers: int | None = ...,
    chunksize: int = ...,
    as_json: Literal[True],
    timeout: float | None = ...,
    memory_limit: int | None = ...,
    vocabulary: VocabularyDirs = ...,
) -> Iterator[str | ScrutinyKitError]: ...


def parse_many(
    sources: Iterable[Source] | None = None,
    *,
    texts: Iterable[str] | None = None,
    workers: int | None = 1,
    chunksize: int = 4,
    as_json: bool = False,
    timeout: float | None = DEFAULT_TIMEOUT,
    memory_limit: int | None = None,
    vocabulary: VocabularyDirs = None,
) -> Iterator[Document | str | ScrutinyKitError]:
    """Parse each file (or each text) and yield its result, in the order given.

    ``sources`` are files: paths as ``str`` or any path-like, read as
    :func:`scrutinykit.parse_file` reads them (``glob.glob("*.txt")`` works).
    Texts already in memory go in ``texts=`` instead, each parsed as
    :func:`scrutinykit.parse` parses it; give one or the other.  A source
    that fails yields its :class:`ScrutinyKitError` instead of a document,
    so one bad file never stops a batch.  ``workers`` is the number of
    processes (``None``: one per CPU).  With
    ``as_json=True`` each result is the document's JSON text, exactly what
    :func:`scrutinykit.dumps` gives, written by the worker that parsed it:
    the quicker way to store a batch, since no document is copied back.

    The workers are watched: a file that crashes its worker (the PDF engine
    on a broken file, or the kernel killing a worker that ate its memory)
    yields a :class:`WorkerDiedError`, and one that takes longer than
    ``timeout`` seconds (default :data:`DEFAULT_TIMEOUT`) a
    :class:`TimeLimitError`; a new worker takes over and the batch goes on.
    ``memory_limit`` (bytes) caps the address space of each worker: a file that
    needs more fails with an error saying it ran out of memory.  Limits need
    a process to enforce them, so with ``workers=1`` the files are parsed in
    one worker process; ``workers=1, timeout=None`` (and no memory limit)
    parses in this process, unguarded.

    ``vocabulary`` (a folder of phrase files, or several) is added to the
    shipped vocabulary for every source, as :func:`scrutinykit.parse` adds it;
    each worker builds its parser once.

    :raises TypeError: both ``sources`` and ``texts`` are given, or neither.
    :raises GrammarError: a ``vocabulary`` folder is missing or holds a file
        that names no phrase list (checked before any source is parsed).
    """
    if (sources is None) == (texts is None):
        raise TypeError("parse_many() takes files (sources) or texts (texts=…), one of the two")
    folders = checked_vocabulary(vocabulary)
    items = _items(sources, texts)
    task = functools.partial(_parse_one_json if as_json else _parse_one, vocabulary=folders)
    return _run(task, items, workers, chunksize, timeout, memory_limit)


def checked_vocabulary(vocabulary: VocabularyDirs) -> tuple[Path, ...]:
    """The ``vocabulary`` folders as absolute paths, once their phrase files are read without error.

    :raises GrammarError: a folder is missing, or a file is unreadable or names no phrase list.
    """
    folders = tuple(f.absolute() for f in vocabulary_folders(vocabulary))
    if folders:
        from ..parsing.loader import grammar_dir
        from ..parsing.vocabulary import VOCABULARY_DIR, load_vocabulary

        load_vocabulary(grammar_dir() / VOCABULARY_DIR, folders)
    return folders


def _items(sources: Iterable[Source] | None, texts: Iterable[str] | None) -> Iterator[Source]:
    """What the workers take: a ``Path`` for a file, a ``str`` for a text."""
    if texts is not None:
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"parse_many(texts=…) takes str, not {type(text).__name__}")
            yield text
        return
    for source in sources or ():
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError(f"parse_many() takes paths (str or path-like), not {type(source).__name__}")
        yield Path(source)


def parse_many_json(
    sources: Iterable[Source],
    *,
    workers: int | None = 1,
    chunksize: int = 4,
    indent: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    vocabulary: VocabularyDirs = None,
) -> Iterator[str | ScrutinyKitError]:
    """:func:`parse_many` with ``as_json=True`` and the JSON's ``indent`` (for the command line)."""
    task = functools.partial(_parse_one_json, indent=indent, vocabulary=checked_vocabulary(vocabulary))
    return _run(task, sources, workers, chunksize, timeout)
