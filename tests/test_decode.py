"""Tests for scrutinykit.sources.decode: bytes to text, binary sniffing, mojibake."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scrutinykit._errors import NotTextError, ScrutinyKitError
from scrutinykit.sources.decode import (
    decode_bytes,
    detect_mojibake,
    repair_mojibake,
)

REPORT = "Councillor Ana Example’s report – £5"
LATIN = "Minutes of the Exampleton Parish Council: café budget agreed"
ITEM = "Item 7: Councillor Bryn Sample (Chair) – apologies"

# --------------------------------------------------------------------------
# decode_bytes: text that decodes
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(b"", "", "utf-8", id="empty"),
        pytest.param(b"Agenda\n", "Agenda\n", "utf-8", id="ascii"),
        pytest.param(REPORT.encode("utf-8"), REPORT, "utf-8", id="utf-8"),
        pytest.param(
            b"Agenda\x0c\tItem 1\r\nItem 2\r\n",
            "Agenda\x0c\tItem 1\r\nItem 2\r\n",
            "utf-8",
            id="tab-ff-crlf-allowed",
        ),
        pytest.param(
            b"Item\x0b one of the minutes, with a stray\x07 bell",
            "Item\x0b one of the minutes, with a stray\x07 bell",
            "utf-8",
            id="few-controls-allowed",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + REPORT.encode("utf-8"),
            REPORT,
            "utf-8-sig",
            id="utf-8-bom",
        ),
        pytest.param(b"\xef\xbb\xbf", "", "utf-8-sig", id="utf-8-bom-only"),
        pytest.param(
            b"\xff\xfe" + REPORT.encode("utf-16-le"),
            REPORT,
            "utf-16-le",
            id="utf-16-le-bom",
        ),
        pytest.param(
            b"\xfe\xff" + REPORT.encode("utf-16-be"),
            REPORT,
            "utf-16-be",
            id="utf-16-be-bom",
        ),
        pytest.param(
            b"\xff\xfe\x00\x00" + REPORT.encode("utf-32-le"),
            REPORT,
            "utf-32-le",
            id="utf-32-le-bom",
        ),
        pytest.param(
            b"\x00\x00\xfe\xff" + REPORT.encode("utf-32-be"),
            REPORT,
            "utf-32-be",
            id="utf-32-be-bom",
        ),
        pytest.param(
            "Minutes\r\n".encode("utf-16-le"),
            "Minutes\r\n",
            "utf-16-le",
            id="utf-16-le-sniffed",
        ),
        pytest.param(
            "Minutes\r\n".encode("utf-16-be"),
            "Minutes\r\n",
            "utf-16-be",
            id="utf-16-be-sniffed",
        ),
        pytest.param(ITEM.encode("utf-16-le"), ITEM, "utf-16-le", id="utf-16-le-sniffed-one-dash"),
        pytest.param(REPORT.encode("cp1252"), REPORT, "cp1252", id="cp1252"),
        pytest.param(LATIN.encode("latin-1"), LATIN, "cp1252", id="latin-1-as-cp1252"),
        pytest.param(
            b"Caf\xe9 \x81 budget agreed by the committee",
            "Café \x81 budget agreed by the committee",
            "latin-1",
            id="latin-1-undefined-cp1252-byte",
        ),
    ],
)
def test_decode_bytes_text(data: bytes, text: str, encoding: str) -> None:
    """Text in each accepted encoding decodes to the right text and name."""
    assert decode_bytes(data) == (text, encoding)


def test_decode_bytes_strips_only_the_bom() -> None:
    """A byte-order mark is dropped but a later U+FEFF is kept."""
    data = b"\xef\xbb\xbfA\xef\xbb\xbfB"
    assert decode_bytes(data) == ("A\ufeffB", "utf-8-sig")


# --------------------------------------------------------------------------
# decode_bytes: what is not text
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "needle", "offset"),
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF file", 0, id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml", "ZIP archive", 0, id="zip"),
        pytest.param(b"PK\x05\x06" + b"\x00" * 18, "ZIP archive", 0, id="empty-zip"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip", 0, id="gzip"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image", 0, id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image", 0, id="jpeg"),
        pytest.param(b"GIF89a\x01\x00\x01\x00", "GIF image", 0, id="gif89a"),
        pytest.param(b"GIF87a\x01\x00\x01\x00", "GIF image", 0, id="gif87a"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "OLE2", 0, id="ole2-doc"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00", "ELF executable", 0, id="elf"),
        pytest.param(
            b"Minutes of the meeting\x00\x00 of the committee",
            "NUL bytes at offset 22",
            22,
            id="nul-bytes",
        ),
        pytest.param(b"\x00", "NUL bytes at offset 0", 0, id="single-nul"),
        pytest.param(b"A\x00", "NUL bytes at offset 1", 1, id="too-short-for-utf-16"),
        pytest.param(b"\x00\x00\x00\x00", "NUL bytes at offset 0", 0, id="all-nul"),
        pytest.param(
            b"Agenda " + b"\x01\x02\x03\x04\x05\x06" * 5,
            "control bytes (the first at offset 7)",
            7,
            id="control-bytes",
        ),
        pytest.param(
            b"\xef\xbb\xbfGood \xff bad",
            "offset 8 are not valid UTF-8",
            8,
            id="utf-8-bom-invalid",
        ),
        pytest.param(
            b"\xef\xbb\xbfAgenda\x00",
            "NUL character at offset 9",
            9,
            id="utf-8-bom-nul",
        ),
        pytest.param(
            b"\xff\xfe" + "Agenda".encode("utf-16-le") + b"A",
            "offset 14 are not valid UTF-16-LE (truncated data)",
            14,
            id="utf-16-le-bom-truncated",
        ),
        pytest.param(
            b"\xff\xfeA\x00\x00\xd8B\x00",
            "offset 4 are not valid UTF-16-LE",
            4,
            id="utf-16-le-bom-lone-surrogate",
        ),
        pytest.param(
            "Agenda item".encode("utf-16-be") + b"\xdcA",
            "offset 22 are not valid UTF-16-BE",
            22,
            id="utf-16-be-sniffed-lone-surrogate",
        ),
        pytest.param(
            b"\xff\xfe" + "Ag\x00nda".encode("utf-16-le"),
            "NUL character at offset 6",
            6,
            id="utf-16-le-bom-nul-char",
        ),
        pytest.param(
            b"\xff\xfe\x00\x00A\x00\x00\x00\x00\x00\x11\x00",
            "offset 8 are not valid UTF-32-LE",
            8,
            id="utf-32-le-bom-out-of-range",
        ),
        pytest.param(
            b"\xfe\xff" + "Agenda\x01\x02\x03".encode("utf-16-be"),
            "control characters (the first at offset 14)",
            14,
            id="utf-16-be-bom-control-heavy",
        ),
        pytest.param(
            b"Notes " + b"\x81\x8d\x8f\x90\x9d" * 4,
            "non-printable when read as Latin-1",
            6,
            id="latin-1-mostly-c1",
        ),
        pytest.param(
            b"Notes \xc2\x85\xc2\x85\xc2\x85",
            "non-printable when read as UTF-8",
            6,
            id="utf-8-mostly-c1",
        ),
    ],
)
def test_decode_bytes_not_text(data: bytes, needle: str, offset: int) -> None:
    """Binary or undecodable bytes raise NotTextError naming what and where."""
    with pytest.raises(NotTextError) as caught:
        decode_bytes(data)
    assert needle in caught.value.message
    assert caught.value.offset == offset
    assert caught.value.source is None


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        pytest.param(b"%PDF-1.4\n", "extract its text first", id="pdf"),
        pytest.param(b"PK\x03\x04", "such as a .docx or .xlsx file", id="docx"),
        pytest.param(b"\xd0\xcf\x11\xe0", "old .doc", id="doc"),
        pytest.param(b"\x1f\x8b\x08", "decompress it first", id="gzip"),
        pytest.param(b"x\x00y", "binary data, not text", id="nul"),
    ],
)
def test_decode_bytes_error_advice(data: bytes, needle: str) -> None:
    """Messages say what the input looks like and what to do about it."""
    with pytest.raises(NotTextError, match=r"^looks like|^contains") as caught:
        decode_bytes(data)
    assert needle in caught.value.message


def test_decode_bytes_error_carries_source() -> None:
    """The source given is on the error and at the front of its str()."""
    with pytest.raises(NotTextError) as caught:
        decode_bytes(b"%PDF-1.7\n...", source="minutes/2024-05-01.pdf")
    assert caught.value.source == "minutes/2024-05-01.pdf"
    assert str(caught.value).startswith("minutes/2024-05-01.pdf: looks like a PDF file")
    assert isinstance(caught.value, ScrutinyKitError)


def test_decode_bytes_signature_beats_bom_rules() -> None:
    """Signatures are sniffed before anything else, even a NUL later on."""
    with pytest.raises(NotTextError, match="PDF"):
        decode_bytes(b"%PDF-1.7\n\x00\x00\x00")


def test_decode_bytes_long_input() -> None:
    """A large text decodes (and quickly: everything is linear)."""
    data = (REPORT + "\n").encode("cp1252") * 50_000
    text, encoding = decode_bytes(data)
    assert encoding == "cp1252"
    assert len(text) == len(data)


# --------------------------------------------------------------------------
# decode_bytes: properties
# --------------------------------------------------------------------------

_CONTROLS = frozenset(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n\r\f")


@given(st.binary())
def test_decode_bytes_any_bytes(data: bytes) -> None:
    """Any bytes decode to a str or raise NotTextError, nothing else."""
    try:
        text, encoding = decode_bytes(data)
    except NotTextError as exc:
        offset = exc.offset
        assert offset is None or 0 <= offset <= len(data)
    else:
        assert isinstance(text, str)
        assert isinstance(encoding, str)


@given(st.text())
def test_decode_bytes_utf8_round_trip(text: str) -> None:
    """UTF-8 text without NULs or a glut of controls comes back unchanged."""
    data = text.encode("utf-8")
    assume("\x00" not in text)
    assume(sum(c in _CONTROLS for c in text) * 10 <= len(text))
    assume(not text.startswith("\ufeff"))
    assume(not data.startswith((b"%PDF-", b"GIF87a", b"GIF89a", b"\x7fELF", b"PK")))
    assert decode_bytes(data) == (text, "utf-8")


# --------------------------------------------------------------------------
# Mojibake
# --------------------------------------------------------------------------


def _misread(text: str, codec: str = "cp1252") -> str:
    """Return ``text`` as UTF-8 read byte by byte in ``codec`` (Latin-1 fallback)."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Councilâ€™s report", True, id="apostrophe"),
        pytest.param("a budget of Â£5,000", True, id="pound"),
        pytest.param("the cafÃ© on the high street", True, id="e-acute"),
        pytest.param("â€œquotedâ€\x9d and â€“ dashed", True, id="quotes-dash"),
        pytest.param("Council\xe2\x80\x99s report", True, id="latin-1-misread"),
        pytest.param("Councillor Åukasz", False, id="lone-lead"),
        pytest.param(REPORT, False, id="correct-utf-8"),
        pytest.param("Plain ASCII minutes.", False, id="ascii"),
        pytest.param("Café – £5 – naïve", False, id="correct-accents"),
        pytest.param("Â\x85 is a control, not a repair", False, id="control-result"),
        pytest.param("", False, id="empty"),
    ],
)
def test_detect_mojibake(text: str, expected: bool) -> None:
    """Double-encoded UTF-8 is spotted; correct text is not flagged."""
    assert detect_mojibake(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Councilâ€™s report", "Council’s report", id="apostrophe"),
        pytest.param("a budget of Â£5,000", "a budget of £5,000", id="pound"),
        pytest.param(_misread(REPORT), REPORT, id="whole-report"),
        pytest.param(_misread(REPORT, "latin-1"), REPORT, id="latin-1-misread"),
        pytest.param("Café minutes: Councilâ€™s plan", "Café minutes: Council’s plan", id="mixed"),
        pytest.param(_misread(_misread(REPORT)), REPORT, id="encoded-twice"),
        pytest.param(
            _misread("Councillor Łucja Przykład"),
            "Councillor Łucja Przykład",
            id="polish",
        ),
        pytest.param(
            _misread("Cyngor Sir Enghraifft – ŵ ŷ"),
            "Cyngor Sir Enghraifft – ŵ ŷ",
            id="welsh",
        ),
        pytest.param("Councilâ€ incomplete", "Councilâ€ incomplete", id="incomplete"),
        pytest.param(REPORT, REPORT, id="already-correct"),
        pytest.param("", "", id="empty"),
    ],
)
def test_repair_mojibake(text: str, expected: str) -> None:
    """Misread UTF-8 is repaired; anything else is left as it was."""
    assert repair_mojibake(text) == expected


_PLAIN = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyz ABCXYZ.,;:0123456789") + list("’‘“”–—…£€°½ŵŷłŁœüö")
    )
)


@given(_PLAIN, st.sampled_from(["cp1252", "latin-1"]))
def test_repair_mojibake_round_trip(text: str, codec: str) -> None:
    """Misreading text then repairing it gives the text back."""
    mangled = _misread(text, codec)
    assert repair_mojibake(mangled) == text
    assert detect_mojibake(mangled) is (not text.isascii())


@given(st.text())
def test_mojibake_never_raises(text: str) -> None:
    """detect and repair take any str; repair changes only what detect flags."""
    repaired = repair_mojibake(text)
    assert isinstance(repaired, str)
    if not detect_mojibake(text):
        assert repaired == text
