"""Freed memory given back to the system between the stages of a long parse.

A parse makes copies of its text (normalised, laid out) and frees them as
the next stage takes over.  CPython takes large strings from the C
allocator, and glibc's allocator keeps what is freed in its heap for reuse
(its threshold for giving large blocks back to the system rises with the
first ones freed), while the parse tree and the model are made of small
objects in CPython's own arenas, which cannot reuse that memory.  So the
process's peak holds the freed copies as well as the model.  Asking glibc
to hand free memory back (``malloc_trim``) between the stages of a long
parse keeps the peak near what is alive: on the 1 MB benchmark document
8.9 → 6.2 MB per MB of input (``python -m benchmarks.throughput
--memory``), for about 0.2 ms a call.

It changes no setting of the process: it releases memory already freed,
as the allocator itself does from time to time.  Elsewhere than glibc
(macOS, Windows, musl) there is no such call and nothing is done.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

__all__ = ["LONG_TEXT", "release_freed_memory"]

LONG_TEXT = 256_000
"""Texts of at least this many characters have freed memory handed back between stages
(for shorter ones the copies are small and the call would cost more than it saves)."""


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only when a long text is parsed: not part of a cold start

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_freed_memory(text_length: int) -> bool:
    """Hand the C allocator's free memory back to the system, for a text of ``text_length`` characters.

    True when it was asked to (a long text, on glibc).
    """
    if text_length < LONG_TEXT:
        return False
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
