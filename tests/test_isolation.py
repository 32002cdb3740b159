"""Batches survive workers that die, hang or eat memory: the file fails alone, the batch goes on, in order."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

import scrutinykit as sk
from scrutinykit._cli import main
from scrutinykit.io.workers import run_isolated

from .killer import Hog, Killer

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
needs_proc = pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="reads Linux's /proc")


def _headroom(megabytes: int) -> int:
    """An address-space limit this many megabytes above what this process (a worker's parent) uses."""
    status = Path("/proc/self/status").read_text(encoding="ascii")
    (line,) = [line for line in status.splitlines() if line.startswith("VmSize:")]
    return int(line.split()[1]) * 1024 + megabytes * 1024**2


def _fifo(tmp_path: Path) -> Path:
    """A file whose reading blocks for ever (a named pipe nobody writes to): a file that hangs."""
    path = tmp_path / "hangs.txt"
    os.mkfifo(path)
    return path


def _square_or_misbehave(n: int) -> int:
    """A task for run_isolated: n * n, except -1 kills its process, -2 hangs and -3 eats memory."""
    if n == -1:
        os._exit(3)
    if n == -2:
        time.sleep(60)
    if n == -3:
        hog = bytearray(1 << 30)  # a gigabyte, over the worker's limit
        return len(hog)
    return n * n


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_worker_fails_its_file_and_the_batch_goes_on(workers: int) -> None:
    """A source that kills its worker yields WorkerDiedError in its place; the rest parse, in order."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    texts: list[str] = [seeds[0], Killer(), seeds[1], seeds[2], Killer(), seeds[3]]
    results = list(sk.parse_many(texts=texts, workers=workers, chunksize=3))
    assert [type(r).__name__ for r in results] == [
        "Document",
        "WorkerDiedError",
        "Document",
        "Document",
        "WorkerDiedError",
        "Document",
    ]
    assert results[0] == sk.parse(seeds[0])
    assert results[5] == sk.parse(seeds[3])
    died = results[1]
    assert isinstance(died, sk.WorkerDiedError)
    assert isinstance(died, sk.ScrutinyKitError)
    assert "died" in died.message
    assert "SIGKILL" in died.message


@needs_fifo
def test_a_file_over_the_time_limit_fails_alone(tmp_path: Path) -> None:
    """A file that hangs is stopped after ``timeout`` seconds; the files after it still parse."""
    hangs = _fifo(tmp_path)
    start = time.monotonic()
    results = list(sk.parse_many([SEEDS[0], hangs, SEEDS[1]], workers=2, timeout=2.0, as_json=True))
    assert time.monotonic() - start < 30
    assert isinstance(results[0], str)
    assert isinstance(results[2], str)
    late = results[1]
    assert isinstance(late, sk.TimeLimitError)
    assert late.source == str(hangs)
    assert "time limit of 2 s" in str(late)


@needs_proc
def test_a_file_that_eats_memory_fails_alone() -> None:
    """With memory_limit, a source that needs more fails with an error saying so; the rest parse."""
    seeds = [path.read_text(encoding="utf-8") for path in SEEDS[:2]]
    texts = [seeds[0], Hog(), seeds[1]]
    results = list(sk.parse_many(texts=texts, workers=1, memory_limit=_headroom(400)))
    assert [type(r).__name__ for r in results] == ["Document", "ScrutinyKitError", "Document"]
    assert "ran out of memory" in str(results[1])


@needs_proc
def test_the_pool_on_its_own_keeps_order_through_deaths_hangs_and_memory() -> None:
    """run_isolated: one result per item, in order, whichever items kill, hang or eat memory."""
    items = [1, 2, -1, 3, -2, 4, -3, 5, 6, 7]
    results = list(
        run_isolated(
            _square_or_misbehave, items, workers=2, chunksize=3, timeout=2.0, memory_limit=_headroom(400)
        )
    )
    assert results[:2] == [1, 4]
    assert isinstance(results[2], sk.WorkerDiedError)
    assert "exit code 3" in results[2].message
    assert results[3] == 9
    assert isinstance(results[4], sk.TimeLimitError)
    assert results[5] == 16
    assert isinstance(results[6], sk.ScrutinyKitError)
    assert "memory" in results[6].message
    assert results[7:] == [25, 36, 49]


def test_the_workers_are_gone_when_the_caller_stops_early() -> None:
    """Leaving a batch half read stops its workers: no process is left behind."""
    results = sk.parse_many([SEEDS[0]] * 20, workers=2)
    next(results)
    results.close()  # type: ignore[attr-defined]
    assert multiprocessing.active_children() == []


def test_no_time_limit_on_one_worker_parses_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """workers=1, timeout=None: no process at all (nothing to stop), the same results."""

    def no_processes(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker process was started")

    monkeypatch.setattr("scrutinykit.io.workers.run_isolated", no_processes)
    (doc,) = sk.parse_many([SEEDS[0]], workers=1, timeout=None)
    assert doc == sk.parse_file(SEEDS[0])


@needs_fifo
def test_cli_timeout_fails_the_file_and_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """scrutinykit parse --timeout: the hanging file is reported and the others are printed."""
    hangs = _fifo(tmp_path)
    code = main(["parse", str(SEEDS[0]), str(hangs), str(SEEDS[1]), "--timeout", "2"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 2
    assert f"{hangs}: took longer than the time limit of 2 s" in err
    assert "2 parsed, 1 failed" in err
