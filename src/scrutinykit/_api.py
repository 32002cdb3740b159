"""The parsing entry points: text, bytes and files to a :class:`Document`.

The pipeline is: decode (bytes only) → normalise → LALR parse → transform →
assemble.  Nothing but a :class:`ScrutinyKitError` escapes from here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lark.exceptions import LarkError, UnexpectedInput

from ._assemble import assemble
from ._decode import decode_bytes
from ._detect import not_minutes_reason
from ._errors import InternalError, NotMinutesError, ParseError, ScrutinyKitError
from ._grammar import load_parser
from ._model import Document
from ._normalise import normalise
from ._transform import MinutesTransformer

__all__ = ["parse", "parse_bytes", "parse_file"]

_WORD = re.compile(r"\w{2,}")


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def parse(text: str, *, source: str | None = None, encoding: str | None = None) -> Document:
    """Parse the text of council minutes into a :class:`Document`.

    ``source`` names where the text came from, for error messages.

    :raises NotMinutesError: the text is empty, has no words at all, or reads
        as another kind of page — an agenda, a committee page, a forward-plan
        notice (see :mod:`scrutinykit._detect` for the rule).  The error's
        ``document`` then holds what was read, such as the meeting header.
    :raises ScrutinyKitError: for anything else that goes wrong; no other
        exception escapes.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}; use parse_bytes for bytes")
    if not text.strip():
        raise NotMinutesError("the text is empty: there are no minutes to read", source=source)
    if _WORD.search(text) is None:
        raise NotMinutesError("the text has no words: it cannot be minutes", source=source)
    normalised = normalise(text)
    try:
        tree = load_parser().parse(normalised.text)
    except UnexpectedInput as exc:  # pragma: no cover - the grammar accepts every line
        offset = normalised.to_original(exc.pos_in_stream or 0)
        line, col = _line_col(text, offset)
        raise ParseError(
            f"unexpected text: {exc.__class__.__name__}", source=source, line=line, column=col, offset=offset
        ) from exc
    except LarkError as exc:  # pragma: no cover - defensive
        raise ParseError(f"the parser failed: {exc}", source=source) from exc
    try:
        parsed = MinutesTransformer(normalised).transform(tree)
        doc = assemble(parsed, text, encoding)
        reason = not_minutes_reason(doc)
    except ScrutinyKitError:
        raise
    except Exception as exc:  # a bug of ours: report it, never a bare traceback
        cause = getattr(exc, "orig_exc", exc)
        raise InternalError(
            f"scrutinykit failed on this text ({type(cause).__name__}: {cause}); please report it",
            source=source,
        ) from exc
    if reason is not None:
        raise NotMinutesError(reason, source=source, document=doc)
    return doc


def parse_bytes(data: bytes, *, source: str | None = None) -> Document:
    """Decode ``data`` (UTF-8, UTF-16 with BOM, Windows-1252) and parse it.

    The encoding found is recorded on the document's ``encoding``.

    :raises NotTextError: the bytes are binary or in no accepted encoding.
    """
    text, encoding = decode_bytes(data, source=source)
    return parse(text, source=source, encoding=encoding)


def parse_file(path: str | os.PathLike[str]) -> Document:
    """Read and parse a minutes file.

    :raises ScrutinyKitError: the file cannot be read, is not text, or is
        not minutes.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise ScrutinyKitError("is a directory, not a file", source=str(p)) from exc
    except FileNotFoundError as exc:
        raise ScrutinyKitError("no such file", source=str(p)) from exc
    except OSError as exc:
        raise ScrutinyKitError(f"cannot read the file: {exc.strerror or exc}", source=str(p)) from exc
    return parse_bytes(data, source=str(p))
