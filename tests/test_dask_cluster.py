"""The Dask how-to's cluster code, run on a LocalCluster (workers over TCP), with a worker killed mid-run."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from dask.distributed import Client  # noqa: E402

import scrutinykit as sk  # noqa: E402

PAGE = ROOT / "docs" / "howto" / "dask.md"
FENCE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def _how_to(name: str) -> dict[str, object]:
    """The how-to's examples run in order, as one session, in a module named ``name``."""
    namespace: dict[str, object] = {"__name__": name}
    for n, code in enumerate(FENCE.findall(PAGE.read_text(encoding="utf-8")), 1):
        exec(compile(code, f"docs/howto/dask.md example {n}", "exec"), namespace)
    return namespace


def _texts(folder: Path, count: int) -> list[Path]:
    """``count`` distinct minutes files (the seeds, each copy with its own trailing blank lines)."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    paths = []
    for n in range(count):
        path = folder / f"minutes-{n:03d}.txt"
        path.write_text(seeds[n % len(seeds)].read_text(encoding="utf-8") + "\n" * (n + 1), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_worker_killed_mid_run_and_the_batch_is_still_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_on_cluster completes, each document once in the tables, though a worker was killed mid-run."""
    monkeypatch.chdir(ROOT)
    how_to = _how_to("__doc_example__")
    run_on_cluster = how_to["run_on_cluster"]
    local_cluster = how_to["local_cluster"]
    (tmp_path / "in").mkdir()
    paths = _texts(tmp_path / "in", 48)
    expected = set()
    for path in paths:
        with contextlib.suppress(sk.ScrutinyKitError):
            expected.add(sk.document_id(sk.parse_file(path)))
    out = tmp_path / "out"
    partitions = 16
    with local_cluster() as cluster, Client(cluster) as client:  # type: ignore[operator]
        before = client.run(os.getpid)
        assert all(address.startswith("tcp://127.0.0.1:") for address in before)
        outcome: dict[str, object] = {}

        def run() -> None:
            try:
                outcome["written"] = run_on_cluster(client, paths, out, partitions)  # type: ignore[operator]
            except BaseException as exc:  # reported by the assertion below
                outcome["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        parts = out / "documents"
        deadline = time.monotonic() + 60
        while not (parts.is_dir() and any(parts.iterdir())) and time.monotonic() < deadline:
            time.sleep(0.01)
        done_at_kill = len(list(parts.iterdir())) if parts.is_dir() else 0
        victim = next(iter(before.values()))
        os.kill(victim, signal.SIGKILL)
        thread.join(120)
        assert not thread.is_alive()
        assert "error" not in outcome, outcome.get("error")
        after = client.run(os.getpid)

    assert 0 < done_at_kill < partitions, "the worker was not killed in the middle of the batch"
    assert victim not in after.values()
    assert outcome["written"] == len(expected)
    documents = pd.read_parquet(out / "documents")
    assert sorted(documents["document_id"]) == sorted(expected)
