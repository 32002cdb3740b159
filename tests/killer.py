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
