"""The errors scrutinykit raises: every one is a :class:`ScrutinyKitError`.

A program embedding scrutinykit can catch ``ScrutinyKitError`` and know that
nothing else escapes from :func:`scrutinykit.parse` and friends.  Errors that
point at a place in a text carry its ``line`` and ``column`` (both 1-based)
and the ``offset`` into the original text.
"""

from __future__ import annotations

import errno

__all__ = [
    "GrammarError",
    "InternalError",
    "MissingFileError",
    "NotMinutesError",
    "NotTextError",
    "ParseError",
    "ScrutinyKitError",
    "SerialisationError",
    "TimeLimitError",
    "WorkerDiedError",
]


class ScrutinyKitError(Exception):
    """Base class of every error scrutinykit raises on purpose.

    ``source`` names where the text came from (a file path, or ``None``),
    ``line``/``column`` are 1-based and ``offset`` is a 0-based index into the
    original text, all ``None`` when the error has no place.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.offset = offset

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only arguments do not survive the default pickling; errors
        # must cross process boundaries (batch workers) intact.
        return (
            _rebuild,
            (type(self), self.message, self.source, self.line, self.column, self.offset),
        )

    def location(self) -> str:
        """``source:line:col`` (the parts that are known), or ``""``."""
        parts = [self.source or "<text>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        if self.source is None and self.line is None:
            return ""
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.message}" if where else self.message


def _rebuild(
    cls: type[ScrutinyKitError],
    message: str,
    source: str | None,
    line: int | None,
    column: int | None,
    offset: int | None,
) -> ScrutinyKitError:
    return cls(message, source=source, line=line, column=column, offset=offset)


class MissingFileError(ScrutinyKitError, FileNotFoundError):
    """The file to read does not exist.

    It is also a :class:`FileNotFoundError` (``errno`` is ``ENOENT`` and
    ``filename`` the path), so code that catches the built-in error for a
    missing file catches this one too.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(message, source=source, line=line, column=column, offset=offset)
        self.errno = errno.ENOENT
        self.filename = source


class NotTextError(ScrutinyKitError):
    """The input is not text: binary data, or bytes in no encoding we accept."""


class NotMinutesError(ScrutinyKitError):
    """The input is text, but not the minutes of a meeting (or it is empty).

    When the text did parse but reads as another kind of page (an agenda, a
    committee page, a forward-plan notice), ``document`` holds what was read —
    its meeting header, say — for a caller that wants it; otherwise ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
        document: object | None = None,
    ) -> None:
        super().__init__(message, source=source, line=line, column=column, offset=offset)
        self.document = document

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_not_minutes,
            (self.message, self.source, self.line, self.column, self.offset, self.document),
        )


def _rebuild_not_minutes(
    message: str,
    source: str | None,
    line: int | None,
    column: int | None,
    offset: int | None,
    document: object | None,
) -> NotMinutesError:
    return NotMinutesError(message, source=source, line=line, column=column, offset=offset, document=document)


class ParseError(ScrutinyKitError):
    """The grammar could not account for the text at a place."""


class SerialisationError(ScrutinyKitError):
    """Serialised JSON that is malformed or does not fit the model."""


class GrammarError(ScrutinyKitError):
    """The grammar files could not be found or loaded."""


class InternalError(ScrutinyKitError):
    """A bug in scrutinykit met this input; the message asks for a report.

    The test suite asserts that no input ever raises it.
    """


class WorkerDiedError(ScrutinyKitError):
    """The worker process parsing this file died (a crash, or killed for its memory).

    Raised as a value by :func:`scrutinykit.parse_many`: the batch goes on
    with a new worker.
    """


class TimeLimitError(ScrutinyKitError):
    """Parsing this file took longer than the batch's per-file time limit.

    Raised as a value by :func:`scrutinykit.parse_many` (``timeout=``): the
    worker is stopped and the batch goes on with a new one.
    """
