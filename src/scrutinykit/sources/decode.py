"""Turn the raw bytes of a minutes file into text, and undo double encoding.

:func:`decode_bytes` decides what the bytes are, in this order:

1. Known binary formats (PDF, ZIP/DOCX/XLSX, gzip, PNG, JPEG, GIF, OLE2, ELF)
   are refused by their leading signature.
2. A byte-order mark (UTF-32, UTF-8, UTF-16) fixes the encoding; the bytes
   after it must decode strictly.  UTF-16 without a mark is recognised only
   when it is unmistakable (one byte of nearly every pair is NUL).
3. Otherwise NUL bytes, or more than one control byte in ten (other than
   tab, newline, vertical tab, carriage return and form feed — Word writes a
   vertical tab for a manual line break), mean binary data.
4. Valid UTF-8, then Windows-1252, then Latin-1 (which always decodes).

Every decoded text is also refused when more than one character in ten is a
control character (C0, DEL or C1), so binary data cannot slip through as
Latin-1.  Everything refused raises :class:`NotTextError`, whose ``offset`` is
a 0-based index into the *bytes*.

:func:`detect_mojibake` and :func:`repair_mojibake` deal with text that was
UTF-8, was read as Windows-1252 (or Latin-1), and was saved again, so that
``Council’s`` became ``Councilâ€™s`` and ``£5`` became ``Â£5``.

Everything here runs in time linear in the size of the input.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from typing import Final

from .._errors import NotTextError
from ..parsing import patterns as rx

__all__ = ["decode_bytes", "detect_mojibake", "repair_mojibake"]

# --------------------------------------------------------------------------
# Binary signatures
# --------------------------------------------------------------------------

_EXTRACT: Final = ", not text: extract its text first"

#: Leading bytes of binary formats, and what to call them in a message.
_SIGNATURES: Final[tuple[tuple[bytes, str], ...]] = (
    (b"%PDF-", "a PDF file" + _EXTRACT),
    (b"PK\x03\x04", "a ZIP archive (such as a .docx or .xlsx file)" + _EXTRACT),
    (b"PK\x05\x06", "a ZIP archive (such as a .docx or .xlsx file)" + _EXTRACT),
    (b"PK\x07\x08", "a ZIP archive (such as a .docx or .xlsx file)" + _EXTRACT),
    (b"\x1f\x8b", "gzip-compressed data, not text: decompress it first"),
    (b"\x89PNG", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF87a", "a GIF image, not text"),
    (b"GIF89a", "a GIF image, not text"),
    (b"\xd0\xcf\x11\xe0", "an OLE2 file (such as an old .doc or .xls file)" + _EXTRACT),
    (b"\x7fELF", "an ELF executable, not text"),
)

# --------------------------------------------------------------------------
# Byte-order marks and UTF-16 sniffing
# --------------------------------------------------------------------------

#: Byte-order marks, longest first where one is a prefix of another, with
#: the encoding name returned and the codec that decodes the bytes after it.
_BOMS: Final[tuple[tuple[bytes, str, str], ...]] = (
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe", "utf-16-le", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be", "utf-16-be"),
)

#: How many leading bytes are examined to recognise UTF-16 without a BOM.
_UTF16_SNIFF_BYTES: Final = 200

#: The fewest code units a BOM-less UTF-16 text must have to be recognised.
_UTF16_MIN_UNITS: Final = 2

#: Out of ten code units, how many must have a NUL in the expected half.
_UTF16_NUL_TENTHS: Final = 9

# --------------------------------------------------------------------------
# Control characters
# --------------------------------------------------------------------------

#: Input is binary when more than one byte (or character) in this many is a
#: control.
_CONTROL_ONE_IN: Final = 10

#: C0 controls other than tab, newline, vertical tab, form feed and carriage
#: return, and DEL.
_CONTROL_BYTES: Final = bytes(b for b in (*range(0x20), 0x7F) if b not in b"\t\n\v\f\r")
_CONTROL_BYTES_RE: Final = rx.compile_bytes(rb"[\x00-\x08\x0e-\x1f\x7f]")

#: The same, plus the C1 controls, as characters.
_CONTROL_CHARS_RE: Final = rx.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_DELETE_CONTROL_CHARS: Final = str.maketrans(
    "", "", "".join(chr(c) for c in (*_CONTROL_BYTES, *range(0x80, 0xA0)))
)

#: Human names of the encodings, for messages.
_LABELS: Final[dict[str, str]] = {
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16-LE",
    "utf-16-be": "UTF-16-BE",
    "utf-32-le": "UTF-32-LE",
    "utf-32-be": "UTF-32-BE",
    "cp1252": "Windows-1252",
    "latin-1": "Latin-1",
}


def decode_bytes(data: bytes, *, source: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_name)`` for the raw bytes of a text file.

    ``encoding_name`` is one of ``"utf-8"``, ``"utf-8-sig"``,
    ``"utf-16-le"``, ``"utf-16-be"``, ``"utf-32-le"``, ``"utf-32-be"``,
    ``"cp1252"`` or ``"latin-1"``; a byte-order mark is never part of
    ``text``.  Empty input gives ``("", "utf-8")``: whether empty text is an
    error is for the caller to decide.

    Raises :class:`NotTextError` (and nothing else) when the bytes look like
    a binary format, contain NUL bytes or too many control characters, or do
    not decode in the encoding a byte-order mark (or unmistakable UTF-16)
    declares.  The error carries ``source`` and, where there is one, the
    0-based ``offset`` of the offending byte.
    """
    if not data:
        return "", "utf-8"
    _refuse_signatures(data, source)

    declared = _declared_encoding(data)
    if declared is not None:
        name, codec, start, why = declared
        text = _decode_strict(data, start, codec, why, source)
        _refuse_nul_char(text, start, codec, source)
        _refuse_control_chars(text, start, codec, source)
        return text, name

    _refuse_binary_bytes(data, source)
    try:
        text = data.decode("utf-8")
        name = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            name = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            name = "latin-1"
    _refuse_control_chars(text, 0, name, source)
    return text, name


def _refuse_signatures(data: bytes, source: str | None) -> None:
    """Raise :class:`NotTextError` if ``data`` starts like a binary format."""
    for signature, description in _SIGNATURES:
        if data.startswith(signature):
            raise NotTextError(f"looks like {description}", source=source, offset=0)


def _declared_encoding(data: bytes) -> tuple[str, str, int, str] | None:
    """Find a byte-order mark, or unmistakable UTF-16 without one.

    Returns ``(encoding_name, codec, start, why)`` where ``start`` is where
    the text begins and ``why`` explains the choice for error messages, or
    ``None`` when the encoding is not declared.
    """
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            why = f"it starts with a {_LABELS[codec]} byte-order mark"
            return name, codec, len(bom), why
    codec_or_none = _sniff_utf16(data)
    if codec_or_none is not None:
        why = f"it looks like {_LABELS[codec_or_none]} without a byte-order mark"
        return codec_or_none, codec_or_none, 0, why
    return None


def _sniff_utf16(data: bytes) -> str | None:
    """Return the UTF-16 codec ``data`` unmistakably is in, else ``None``.

    Within the first :data:`_UTF16_SNIFF_BYTES` bytes, one byte of at least
    nine code units in ten must be NUL and the other byte of every unit must
    not be: text in Latin script stored as UTF-16 looks like that, and
    nothing else we accept does.
    """
    window = data[:_UTF16_SNIFF_BYTES]
    units = len(window) // 2
    if units < _UTF16_MIN_UNITS:
        return None
    window = window[: units * 2]
    even_nuls = window[0::2].count(0)
    odd_nuls = window[1::2].count(0)
    needed = units * _UTF16_NUL_TENTHS
    if even_nuls == 0 and odd_nuls * 10 >= needed:
        return "utf-16-le"
    if odd_nuls == 0 and even_nuls * 10 >= needed:
        return "utf-16-be"
    return None


def _decode_strict(data: bytes, start: int, codec: str, why: str, source: str | None) -> str:
    """Decode ``data[start:]`` with ``codec`` or raise :class:`NotTextError`."""
    try:
        return data[start:].decode(codec)
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        label = _LABELS[codec]
        raise NotTextError(
            f"the bytes at offset {offset} are not valid {label} ({exc.reason}), although {why}",
            source=source,
            offset=offset,
        ) from exc


def _byte_offset(text: str, index: int, start: int, codec: str) -> int:
    """Return the offset in the input bytes of ``text[index]``."""
    return start + len(text[:index].encode(codec))


def _refuse_nul_char(text: str, start: int, codec: str, source: str | None) -> None:
    """Raise :class:`NotTextError` if the decoded ``text`` holds a NUL."""
    index = text.find("\x00")
    if index >= 0:
        offset = _byte_offset(text, index, start, codec)
        raise NotTextError(
            f"contains a NUL character at offset {offset}: binary data, not text",
            source=source,
            offset=offset,
        )


def _refuse_binary_bytes(data: bytes, source: str | None) -> None:
    """Raise :class:`NotTextError` for NUL bytes or too many control bytes."""
    offset = data.find(b"\x00")
    if offset >= 0:
        raise NotTextError(
            f"contains NUL bytes at offset {offset}: binary data, not text",
            source=source,
            offset=offset,
        )
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls * _CONTROL_ONE_IN > len(data):
        found = _CONTROL_BYTES_RE.search(data)
        offset = found.start() if found is not None else 0
        raise NotTextError(
            f"{controls} of its {len(data)} bytes are control bytes (the first"
            f" at offset {offset}): binary data, not text",
            source=source,
            offset=offset,
        )


def _refuse_control_chars(text: str, start: int, codec: str, source: str | None) -> None:
    """Raise :class:`NotTextError` if ``text`` is too full of control characters.

    Tab, newline, vertical tab, carriage return and form feed do not count; C1 controls
    (which Latin-1 gives for bytes 0x80 to 0x9F) do.
    """
    controls = len(text) - len(text.translate(_DELETE_CONTROL_CHARS))
    if controls * _CONTROL_ONE_IN > len(text):
        found = _CONTROL_CHARS_RE.search(text)
        index = found.start() if found is not None else 0
        offset = _byte_offset(text, index, start, codec)
        raise NotTextError(
            f"is mostly non-printable when read as {_LABELS[codec]}: {controls} of"
            f" {len(text)} characters are control characters (the first at"
            f" offset {offset}): binary data, not text",
            source=source,
            offset=offset,
        )


# --------------------------------------------------------------------------
# Mojibake
# --------------------------------------------------------------------------


def _mojibake_byte_table() -> dict[str, int]:
    """Map each character a byte reads as in Windows-1252 or Latin-1 to it."""
    table: dict[str, int] = {}
    for byte in range(256):
        table[chr(byte)] = byte
        with contextlib.suppress(UnicodeDecodeError):
            table[bytes([byte]).decode("cp1252")] = byte
    return table


#: Character -> the byte it came from, when UTF-8 was misread.
_MOJIBAKE_BYTE: Final = _mojibake_byte_table()

#: Characters that UTF-8 continuation bytes (0x80 to 0xBF) are misread as.
_CONTINUATION: Final = (
    "["
    + "".join(re.escape(char) for char, byte in sorted(_MOJIBAKE_BYTE.items()) if 0x80 <= byte <= 0xBF)
    + "]"
)

#: One misread UTF-8 sequence: a lead byte and its continuation bytes.
_MOJIBAKE_RE: Final = rx.compile(
    "[\xc2-\xdf]"
    + _CONTINUATION
    + "|[\xe0-\xef]"
    + _CONTINUATION
    + "{2}"
    + "|[\xf0-\xf4]"
    + _CONTINUATION
    + "{3}"
)

#: A repair that gives one of these (controls, unassigned, private use,
#: surrogates) is not believed.
_UNBELIEVABLE: Final = frozenset({"Cc", "Cn", "Co", "Cs"})

#: Text encoded twice over needs one pass for each time; stop after this.
_MAX_REPAIR_PASSES: Final = 3


def _unmangle(match: re.Match[str]) -> str:
    """Return what a misread UTF-8 sequence meant, or it unchanged."""
    sequence = match.group()
    try:
        char = bytes(_MOJIBAKE_BYTE[c] for c in sequence).decode("utf-8")
    except UnicodeDecodeError:
        return sequence
    if unicodedata.category(char) in _UNBELIEVABLE:
        return sequence
    return char


def _count_mojibake(text: str) -> int:
    """Count the misread UTF-8 sequences in ``text`` that can be repaired."""
    return sum(1 for m in _MOJIBAKE_RE.finditer(text) if _unmangle(m) != m.group())


def detect_mojibake(text: str) -> bool:
    """Report whether ``text`` holds UTF-8 that was misread as Windows-1252.

    True when some run of characters, turned back into Windows-1252 (or
    Latin-1) bytes, is a valid UTF-8 sequence for a printable character, as
    in ``Councilâ€™s`` (for ``Council’s``) or ``Â£5`` (for ``£5``).  Exactly
    then :func:`repair_mojibake` changes something.
    """
    return any(_unmangle(m) != m.group() for m in _MOJIBAKE_RE.finditer(text))


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 misread as Windows-1252 (or Latin-1), such as ``â€™``.

    Each misread sequence is re-encoded as Windows-1252 and decoded as
    UTF-8 on its own, so correctly encoded characters elsewhere in the text
    are left alone.  A pass is kept only when it reduces the number of
    misread sequences; up to :data:`_MAX_REPAIR_PASSES` passes undo text that
    was encoded twice over.  Never raises; returns ``text`` unchanged when
    there is nothing to repair.
    """
    remaining = _count_mojibake(text)
    for _ in range(_MAX_REPAIR_PASSES):
        if remaining == 0:
            break
        repaired = _MOJIBAKE_RE.sub(_unmangle, text)
        left = _count_mojibake(repaired)
        if left >= remaining:
            break
        text, remaining = repaired, left
    return text
