"""The parsing entry points: text, bytes and files to a :class:`Document`.

The pipeline is: decode (bytes only) → normalise → layout → LALR parse →
transform → assemble (page furniture the layout stage kept from the grammar
put back as :class:`Furniture` nodes).  Nothing but a :class:`ScrutinyKitError` escapes from here.

:func:`parse_file` also reads HTML pages and PDFs, choosing by the file's
content (:func:`sniff_format`): their text rendering is made by
:mod:`scrutinykit.sources.html` or :mod:`scrutinykit.sources.pdf` and then parsed.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Union

import attrs

from ._errors import InternalError, MissingFileError, NotMinutesError, ParseError, ScrutinyKitError
from ._memory import release_freed_memory
from ._model import Document, Furniture, InputFormat, Span, line_col
from .build.assemble import assemble
from .build.detect import not_minutes_reason
from .build.furniture import place_furniture
from .build.transform import MinutesTransformer
from .layout.lines import layout
from .layout.normalise import Normalised, normalise
from .parsing import patterns as rx
from .parsing.loader import MinutesParser, parser_for
from .parsing.vocabulary import Patterns, patterns_for
from .sources.decode import decode_bytes

__all__ = ["parse", "parse_bytes", "parse_file", "sniff_format"]

_WORD = rx.compile(r"\w{2,}")

#: The start of an HTML page, after an optional byte-order mark, blanks, an
#: XML declaration and comments (a browser's "saved from" note).
_HTML_START = rx.compile_bytes(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    rb"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.I | re.S,
)

#: File name suffixes read as HTML when the content starts with a tag but sniffing is unsure.
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})

#: How far into a file a PDF header may stand (readers accept junk before it).
_PDF_HEADER_WINDOW = 1024


def sniff_format(data: bytes, name: str | None = None) -> InputFormat:
    """What kind of file ``data`` is, read from its first bytes.

    ``%PDF-`` (within the first kilobyte) is a PDF; ``<!DOCTYPE html``,
    ``<html``, ``<head`` or ``<body`` after an optional UTF-8 byte-order
    mark, blanks, an XML declaration and comments is HTML.  Only when the
    content is not conclusive does the file name count: a ``.html``/``.htm``
    file that starts with ``<`` is HTML.  Everything else is text.
    """
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return InputFormat.PDF
    if _HTML_START.match(data[:4096]):
        return InputFormat.HTML
    starts_with_tag = data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")
    if name is not None and Path(name).suffix.lower() in _HTML_SUFFIXES and starts_with_tag:
        return InputFormat.HTML
    return InputFormat.TEXT


#: Extra vocabulary: a folder of phrase files, or several (``parse(..., vocabulary=DIR)``).
VocabularyDirs = Union[str, "os.PathLike[str]", Sequence[Union[str, "os.PathLike[str]"]], None]


def vocabulary_folders(vocabulary: VocabularyDirs) -> tuple[Path, ...]:
    """The folders of a ``vocabulary=`` argument, as paths."""
    if vocabulary is None:
        return ()
    if isinstance(vocabulary, (str, os.PathLike)):
        return (Path(vocabulary),)
    return tuple(Path(v) for v in vocabulary)


def parse(
    text: str,
    *,
    source: str | None = None,
    encoding: str | None = None,
    vocabulary: VocabularyDirs = None,
) -> Document:
    """Parse the text of council minutes into a :class:`Document`.

    ``source`` names where the text came from: it is the document's
    ``source_name`` and error messages name it.  A ``text`` that is the path
    of an existing file is still parsed as text, with a warning: read a
    file with :func:`parse_file`.
    ``vocabulary`` is a folder of phrase files (or several) whose phrases are
    added to the shipped vocabulary (``grammar/vocabulary/``; its README names
    the files): a council that writes "DETERMINED" or "Members in attendance"
    adds them there, without touching code.  The parser for each vocabulary is
    built once per process.

    :raises NotMinutesError: the text is empty, has no words at all, or reads
        as another kind of page — an agenda, a committee page, a forward-plan
        notice (see :mod:`scrutinykit.build.detect` for the rule).  The error's
        ``document`` then holds what was read, such as the meeting header.
    :raises ScrutinyKitError: for anything else that goes wrong; no other
        exception escapes.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}; use parse_bytes for bytes")
    if _looks_like_a_file(text):
        warnings.warn(
            f"parse() reads its argument as minutes text, but {text!r} is the path of a file:"
            " use scrutinykit.parse_file to read the file",
            UserWarning,
            stacklevel=2,
        )
    if not text or text.isspace():  # as ``not text.strip()``, without a copy of the text
        raise NotMinutesError("the text is empty: there are no minutes to read", source=source)
    if _WORD.search(text) is None:
        raise NotMinutesError("the text has no words: it cannot be minutes", source=source)
    folders = vocabulary_folders(vocabulary)
    return parse_with(text, parser_for(folders), patterns_for(folders), source=source, encoding=encoding)


def parse_with(
    text: str,
    parser: MinutesParser,
    patterns: Patterns,
    *,
    source: str | None = None,
    encoding: str | None = None,
) -> Document:
    """:func:`parse` with a given parser and the vocabulary patterns that go with it.

    For a grammar folder of one's own (a copy with phrases added, say):
    ``parse_with(text, parser_from(folder), Patterns(load_vocabulary(folder / "vocabulary")))``.
    """
    if not text or text.isspace():  # as ``not text.strip()``, without a copy of the text
        raise NotMinutesError("the text is empty: there are no minutes to read", source=source)
    if _WORD.search(text) is None:
        raise NotMinutesError("the text has no words: it cannot be minutes", source=source)
    normalised = layout(normalise(text), parser.terminals)
    release_freed_memory(len(text))  # the stages' copies of the text, freed (see _memory)
    try:
        tree = parser.parse(normalised.text)
    except parser.unexpected_input as exc:  # pragma: no cover - the grammar accepts every line
        offset = normalised.to_original(getattr(exc, "pos_in_stream", None) or 0)
        line, col = line_col(text, offset)
        raise ParseError(
            f"unexpected text: {exc.__class__.__name__}", source=source, line=line, column=col, offset=offset
        ) from exc
    except parser.error as exc:  # pragma: no cover - defensive
        raise ParseError(f"the parser failed: {exc}", source=source) from exc
    try:
        parsed = MinutesTransformer(normalised, patterns).transform(tree, consume=True)
        furniture = furniture_of(normalised, text)
        # The parse tree and the normalised text (together several times the
        # text's size) are done with: let them go before the model is built.
        del tree, normalised
        release_freed_memory(len(text))
        doc = place_furniture(assemble(parsed, text, encoding, patterns), furniture)
        del parsed
        reason = not_minutes_reason(doc, patterns)
    except ScrutinyKitError:
        raise
    except Exception as exc:  # a bug of ours: report it, never a bare traceback
        cause = getattr(exc, "orig_exc", exc)
        raise InternalError(
            f"scrutinykit failed on this text ({type(cause).__name__}: {cause}); please report it",
            source=source,
        ) from exc
    if source is not None:
        doc = attrs.evolve(doc, source_name=source)
    if reason is not None:
        raise NotMinutesError(reason, source=source, document=doc)
    return doc


def furniture_of(normalised: Normalised, text: str) -> list[Furniture]:
    """The page furniture the layout stage set aside, as nodes with their spans in ``text``."""
    return [
        Furniture(span=span, text=text[span.start : span.end])
        for span in (
            Span(start=normalised.to_original(s), end=normalised.to_original_end(e))
            for s, e in normalised.furniture
        )
    ]


def _looks_like_a_file(text: str) -> bool:
    """Whether ``text`` is one short line naming a file that exists."""
    if len(text) > 4096 or "\n" in text or not text.strip():
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):  # a name the system refuses (a NUL, too long)
        return False


def parse_bytes(data: bytes, *, source: str | None = None, vocabulary: VocabularyDirs = None) -> Document:
    """Decode ``data`` (UTF-8, UTF-16 with BOM, Windows-1252) and parse it.

    The encoding found is recorded on the document's ``encoding``.

    :raises NotTextError: the bytes are binary or in no accepted encoding.
    """
    text, encoding = decode_bytes(data, source=source)
    return parse(text, source=source, encoding=encoding, vocabulary=vocabulary)


def parse_file(path: str | os.PathLike[str], *, vocabulary: VocabularyDirs = None) -> Document:
    """Read and parse a minutes file: text, an HTML page or a PDF.

    The kind of file is read from its content (:func:`sniff_format`), not
    from its name.  For HTML and PDF the document's ``source`` is the text
    rendering that was parsed, and ``format``, ``links`` (HTML) and
    ``pages`` (PDF) say where it came from.

    :raises MissingFileError: there is no such file (it is also a
        :class:`FileNotFoundError`).
    :raises MissingExtraError: an HTML page needs ``scrutinykit[html]``, a
        PDF ``scrutinykit[pdf]``, and it is not installed.
    :raises ScrutinyKitError: the file cannot be read, is not text, or is
        not minutes.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise ScrutinyKitError("is a directory, not a file", source=str(p)) from exc
    except FileNotFoundError as exc:
        raise MissingFileError("no such file", source=str(p)) from exc
    except OSError as exc:
        raise ScrutinyKitError(f"cannot read the file: {exc.strerror or exc}", source=str(p)) from exc
    kind = sniff_format(data, p.name)
    if kind is InputFormat.PDF:
        from .sources.pdf import parse_pdf

        return parse_pdf(data, source=str(p), vocabulary=vocabulary)
    if kind is InputFormat.HTML:
        from .sources.html import parse_html

        return parse_html(data, source=str(p), vocabulary=vocabulary)
    text, encoding = decode_bytes(data, source=str(p))
    del data  # the bytes are done with: let them go before the parse's peak
    return parse(text, source=str(p), encoding=encoding, vocabulary=vocabulary)
