"""Sources that misbehave in a batch worker, for the isolation tests (never used by the library)."""

from __future__ import annotations

import os
import signal


def _die() -> str:
    """Kill the process that unpickles this: a worker, as a crashing PDF engine would."""
    os.kill(os.getpid(), signal.SIGKILL)
    return ""  # pragma: no cover - never reached


class Killer(str):
    """A text that kills the worker process it is sent to, as it is unpickled there."""

    def __reduce__(self) -> tuple[object, ...]:
        return (_die, ())


def _hog() -> str:
    """Allocate a gigabyte where this is unpickled, as a file that makes the engine eat memory."""
    return str(len(bytearray(1 << 30)))


class Hog(str):
    """A text whose unpickling in a worker eats a gigabyte of memory."""

    def __reduce__(self) -> tuple[object, ...]:
        return (_hog, ())
