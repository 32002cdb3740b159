"""Run a task over many items on worker processes that a bad item cannot take down.

:func:`run_isolated` is what :func:`scrutinykit.parse_many` runs on: each
worker process takes a few items at a time (``chunksize``) and sends back
each item's result as soon as it has it.  The parent watches every worker:

* a worker that **dies** (a crash in the PDF engine, a kill by the kernel's
  out-of-memory killer, a ``memory_limit`` reached) fails the item it was on
  with a :class:`~scrutinykit.WorkerDiedError`; the items it had not begun go
  to a new worker;
* a worker that spends longer than ``timeout`` seconds on one item is
  killed, and the item fails with a :class:`~scrutinykit.TimeLimitError`.

Results come out in the order of the items, errors as values, whatever
happens to the workers.  Each item is pickled on its own and unpickled by
the worker when it starts on it, so even an item that cannot be unpickled
fails alone.  Items are read from the iterable a few at a time, and results
are yielded as soon as the ones before them are in, so a batch of any size
runs in bounded memory.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Final, TypeVar

from .._errors import InternalError, ScrutinyKitError, TimeLimitError, WorkerDiedError

__all__ = ["run_isolated"]

_T = TypeVar("_T")

#: How long a worker is given to finish cleanly at the end of a batch.
_JOIN_SECONDS: Final = 5.0

#: What a worker sends once it has started.
_READY: Final = (-1, None)


def _where(item: object) -> str | None:
    """The file an item names, for an error message (``None`` for a text)."""
    if isinstance(item, str):
        return None
    try:
        return os.fspath(item)  # type: ignore[call-overload,no-any-return]
    except TypeError:
        return None


def _limit_memory(limit: int | None) -> None:
    if limit is None:
        return
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _receive(conn: Connection, chunks: queue.SimpleQueue[Any]) -> None:
    """Take chunks off the pipe as they come, so that the parent never waits to send one."""
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            chunk = None
        chunks.put(chunk)
        if chunk is None:
            return


def _worker(conn: Connection, task: Callable[[Any], Any], memory_limit: int | None) -> None:
    """A worker's loop: take a chunk of pickled items, send back ``(index, result)`` for each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    _limit_memory(memory_limit)
    chunks: queue.SimpleQueue[Any] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(conn, chunks), daemon=True).start()
    conn.send(_READY)  # the time limit counts from here, not from the process's start
    while True:
        chunk = chunks.get()
        if chunk is None:
            return
        for index, payload in chunk:
            try:
                result = task(pickle.loads(payload))
            except MemoryError:
                result = ScrutinyKitError(
                    f"ran out of memory (the worker's limit is {memory_limit} bytes)"
                    if memory_limit
                    else "ran out of memory"
                )
            except Exception as exc:  # a task reports its own errors; this is a bug of ours
                result = InternalError(f"scrutinykit failed ({type(exc).__name__}: {exc}); please report it")
            try:
                conn.send((index, result))
            except Exception as exc:  # a result that cannot be pickled
                conn.send((index, InternalError(f"a result could not be sent back ({type(exc).__name__})")))


class _Worker:
    """A worker process, its pipe, and the items it has been given and not yet answered."""

    def __init__(self, context: Any, task: Callable[[Any], Any], memory_limit: int | None) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, task, memory_limit), daemon=True)
        self.process.start()
        child.close()
        self.pending: deque[tuple[int, bytes]] = deque()  # given, not yet answered, in order
        self.since = time.monotonic()  # when it began its current item

    def give(self, chunk: list[tuple[int, bytes]]) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.conn.send(chunk)
        self.pending.extend(chunk)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        self.process.join(_JOIN_SECONDS)
        self.kill()


def _death(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (out of memory?)" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit code {code}"


def run_isolated(
    task: Callable[[Any], _T],
    sources: Iterable[object],
    *,
    workers: int,
    chunksize: int = 4,
    timeout: float | None = None,
    memory_limit: int | None = None,
) -> Iterator[_T | ScrutinyKitError]:
    """``task(source)`` for each of ``sources``, in order, on ``workers`` supervised processes.

    ``task`` must be picklable (a module-level function, or a
    :func:`functools.partial` of one) and should return its errors rather
    than raise them; an exception that escapes it becomes an
    :class:`~scrutinykit.InternalError`.  ``timeout`` is the limit in seconds
    for one item (``None``: no limit), ``memory_limit`` the address space
    a worker may use, in bytes (``None``: no limit).
    """
    context = multiprocessing.get_context()
    workers = max(1, workers)
    chunksize = max(1, chunksize)
    source = iter(sources)
    exhausted = False
    items: deque[tuple[int, bytes]] = deque()  # read and not yet given to a worker
    where: dict[int, str | None] = {}
    results: dict[int, _T | ScrutinyKitError] = {}
    read = 0
    ahead = workers * chunksize * 3

    def fill() -> None:
        nonlocal exhausted, read
        while not exhausted and len(items) < ahead:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                return
            where[read] = _where(item)
            try:
                items.append((read, pickle.dumps(item)))
            except Exception as exc:
                results[read] = ScrutinyKitError(
                    f"cannot be sent to a worker process ({type(exc).__name__}: {exc})", source=where[read]
                )
            read += 1

    # Workers start when there is work for them (a batch of one file starts one).
    pool: list[_Worker | None] = [None] * workers
    done = 0
    finished = False
    try:
        while True:
            fill()
            for n, idle in enumerate(pool):
                worker = idle
                # A worker holds its chunk and the next, so it never waits for this process.
                while items and (worker is None or len(worker.pending) <= chunksize):
                    chunk = [items.popleft() for _ in range(min(chunksize, len(items)))]
                    if worker is None:
                        pool[n] = worker = _Worker(context, task, memory_limit)
                    try:
                        worker.give(chunk)
                    except OSError:  # it died: the chunk goes back; the watch below reports its item
                        items.extendleft(reversed(chunk))
                        if not worker.pending:
                            worker.kill()
                            pool[n] = None
                        break
            while done in results:
                yield results.pop(done)
                where.pop(done, None)
                done += 1
            busy = [w for w in pool if w is not None and w.pending]
            if not busy:
                if exhausted and not items:
                    finished = True
                    return
                continue
            wait_for: float | None = None
            if timeout is not None:
                now = time.monotonic()
                wait_for = max(0.0, min(w.since + timeout - now for w in busy))
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for)
            for n, watched in enumerate(pool):
                if watched is None or not watched.pending:
                    continue
                worker = watched
                failure: ScrutinyKitError | None = None
                if worker.conn in ready or worker.process.sentinel in ready:
                    try:
                        while worker.pending and worker.conn.poll():
                            index, result = worker.conn.recv()
                            if index < 0:  # started: its first item begins now
                                worker.since = time.monotonic()
                                continue
                            if isinstance(result, ScrutinyKitError) and result.source is None:
                                result.source = where.get(index)
                            worker.pending.popleft()
                            worker.since = time.monotonic()
                            results[index] = result
                        if worker.pending and not worker.process.is_alive():
                            raise EOFError
                    except (EOFError, OSError):
                        worker.process.join()
                        failure = WorkerDiedError(
                            f"the worker process parsing this file died ({_death(worker.process)})",
                            source=where.get(worker.pending[0][0]),
                        )
                elif timeout is not None and time.monotonic() - worker.since >= timeout:
                    failure = TimeLimitError(
                        f"took longer than the time limit of {timeout:g} s; the worker was stopped",
                        source=where.get(worker.pending[0][0]),
                    )
                if failure is None:
                    continue
                failed, _ = worker.pending.popleft()
                results[failed] = failure
                worker.kill()
                # The items the worker had not begun go back to the front of the queue.
                items.extendleft(reversed(worker.pending))
                pool[n] = None
    finally:
        # Stopped early (an error, Ctrl-C, the caller gave up on the results): no waiting.
        for left in pool:
            if left is None:
                continue
            if finished:
                left.stop()
            else:
                left.kill()
