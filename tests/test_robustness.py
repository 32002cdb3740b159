"""Never crash, never lose text: properties over broken, hostile and foreign input.

Every input either parses into a :class:`Document` that keeps all of its text
and survives JSON, or raises a ``ScrutinyKitError`` that is not an
``InternalError`` (an ``InternalError`` means a bug).  The inputs are the
seeds and our fixture documents, mutated the ways real minutes are broken
(lines lost, doubled, swapped; truncation; pasted junk and invisible
characters; changed whitespace and case), text generated from the grammar,
and arbitrary text and bytes.

Hypothesis runs a small number of examples by default so the whole suite
stays quick; ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_robustness.py``
runs many more (see ``docs/robustness.md``).
"""

from __future__ import annotations

import codecs
import copy
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark
from lark import Lark

import scrutinykit as sk
from scrutinykit.parsing.loader import GRAMMAR_FILE
from scrutinykit.views.check import check_warnings

from .conftest import FIXTURES, ROOT, SEEDS
from .test_lossless import assert_lossless, ownership, siblings_ordered

# ---------------------------------------------------------------------------
# Hypothesis profiles: small by default, HYPOTHESIS_PROFILE=long for more
# ---------------------------------------------------------------------------

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]
settings.register_profile(
    "robustness-default", max_examples=40, deadline=None, suppress_health_check=_SLOW_OK
)
settings.register_profile("robustness-long", max_examples=1500, deadline=None, suppress_health_check=_SLOW_OK)
PROFILE = "robustness-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "robustness-default"
ROBUST = settings(settings.get_profile(PROFILE))
"""The settings every property here runs with."""

# ---------------------------------------------------------------------------
# The properties every input must have
# ---------------------------------------------------------------------------


def check_document(doc: sk.Document, text: str) -> None:
    """A parsed document keeps its text, owns it once, survives JSON, and can be checked."""
    assert doc.source == text
    assert_lossless(doc)
    # Stricter than assert_lossless: invisible characters count too.
    owners = ownership(doc)
    unowned = [i for i, ch in enumerate(text) if not ch.isspace() and owners[i] != 1]
    assert not unowned, f"{text[unowned[0]]!r} at {unowned[0]} owned {owners[unowned[0]]} times"
    siblings_ordered(doc)
    dumped = sk.dumps(doc)
    assert sk.dumps(doc) == dumped, "dumps is not deterministic"
    assert sk.loads(dumped) == doc, "loads(dumps(doc)) != doc"
    for offset, message in check_warnings(doc):
        assert 0 <= offset <= len(text), message


def outcome(call: Callable[[Any], Any], arg: Any) -> Any:
    """``call(arg)``, or the ScrutinyKitError it raised; an InternalError is re-raised."""
    try:
        return call(arg)
    except sk.InternalError:
        raise
    except sk.ScrutinyKitError as exc:
        return exc


def _sound(result: sk.Document | sk.ScrutinyKitError, text: str | None) -> sk.Document | None:
    """A document checked against ``text`` (its own source for bytes), or None for our error."""
    if isinstance(result, sk.ScrutinyKitError):
        assert str(result), "an error without a message"
        return None
    check_document(result, result.source if text is None else text)
    return result


def check_text(text: str) -> sk.Document | None:
    """Parse ``text``: a sound document, or our error (never a bug); return the document."""
    return _sound(outcome(sk.parse, text), text)


def check_bytes(data: bytes) -> sk.Document | None:
    """Parse ``data`` through ``parse_bytes``, with the same guarantees and an encoding."""
    doc = _sound(outcome(sk.parse_bytes, data), None)
    assert doc is None or doc.encoding is not None
    return doc


def check_json(text: str | bytes) -> sk.Document | None:
    """Load JSON: a document that round-trips, or a SerialisationError."""
    doc = outcome(sk.loads, text)
    if isinstance(doc, sk.ScrutinyKitError):
        assert isinstance(doc, sk.SerialisationError), f"loads raised {type(doc).__name__}"
        assert str(doc)
        return None
    again = sk.dumps(doc)
    assert sk.loads(again) == doc
    assert sk.dumps(sk.loads(again)) == again
    return doc


#: Inputs that meet a bug already reported and replayed as an expected failure
#: in ``tests/regressions/`` (the file is named).  The properties pass over them
#: (``hypothesis.assume``) so that one known bug does not hide the next; when
#: the bug is fixed its regression passes, strict xfail fails, and the entry
#: here goes with the file's ``xfail``.
KNOWN_BUGS: dict[str, re.Pattern[str]] = {}


def known_bug(text: str) -> bool:
    """Whether ``text`` meets a bug listed in :data:`KNOWN_BUGS`."""
    return any(pattern.search(text) for pattern in KNOWN_BUGS.values())


def sound_text(text: str) -> None:
    """:func:`check_text`, passing over inputs that meet a known bug."""
    assume(not known_bug(text))
    check_text(text)


def sound_bytes(data: bytes) -> None:
    """:func:`check_bytes`, passing over inputs that meet a known bug."""
    assume(not known_bug(data.decode("utf-8", errors="replace")))
    check_bytes(data)


# ---------------------------------------------------------------------------
# Mutations
# ---------------------------------------------------------------------------

BASES: list[str] = [
    p.read_text(encoding="utf-8") for p in [*SEEDS, *sorted((FIXTURES / "documents").glob("*.txt"))]
]

CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]
BIDI = ["\u200e", "\u200f", "\u061c", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u034f"]
EMOJI = ["😀", "👍🏽", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "1️⃣", "👩‍👩‍👧"]
COMBINING = [*map(chr, range(0x0300, 0x0370)), "\u20dd", "\u0489"]
WHITESPACE = ["\t", "\xa0", "\r", "\r\n", "\f", "\v", "\x85", "\u2028", "\u2029", "\u3000", "\u202f", " "]

junk = st.one_of(
    st.sampled_from(CONTROLS),
    st.sampled_from(BIDI),
    st.sampled_from(ZERO_WIDTH),
    st.sampled_from(EMOJI),
    st.sampled_from(COMBINING),
    st.sampled_from(WHITESPACE),
    st.characters(),  # anything at all, lone surrogates included
    st.text(max_size=12),
)

Draw = Callable[..., Any]


def _line_index(draw: Draw, lines: list[str]) -> int:
    return int(draw(st.integers(0, max(len(lines) - 1, 0))))


def delete_line(draw: Draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        del lines[_line_index(draw, lines)]
    return "".join(lines)


def duplicate_line(draw: Draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        i = _line_index(draw, lines)
        lines.insert(i, lines[i])
    return "".join(lines)


def swap_lines(draw: Draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if len(lines) > 1:
        i, j = _line_index(draw, lines), _line_index(draw, lines)
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def truncate(draw: Draw, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


def insert_junk(draw: Draw, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(junk) + text[at:]


def junk_at_line_start(draw: Draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        i = _line_index(draw, lines)
        lines[i] = draw(junk) + lines[i]
    return "".join(lines)


def change_whitespace(draw: Draw, text: str) -> str:
    spaces = [i for i, ch in enumerate(text[:20_000]) if ch in " \n"]
    if not spaces:
        return text
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.sampled_from(spaces))
        text = text[:i] + draw(st.sampled_from(WHITESPACE)) + text[i + 1 :]
    return text


def change_line_ends(draw: Draw, text: str) -> str:
    return text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\f", "\u2028", "\n\n", " \n", "\x85"])))


def change_case(draw: Draw, text: str) -> str:
    how = draw(st.sampled_from([str.upper, str.lower, str.swapcase, str.title, str.casefold]))
    if draw(st.booleans()):
        return str(how(text))
    lines = text.splitlines(keepends=True)
    if lines:
        i = _line_index(draw, lines)
        lines[i] = how(lines[i])
    return "".join(lines)


MUTATIONS = [
    delete_line,
    duplicate_line,
    swap_lines,
    truncate,
    insert_junk,
    junk_at_line_start,
    change_whitespace,
    change_line_ends,
    change_case,
]


@st.composite
def mutated(draw: Draw, base: st.SearchStrategy[str]) -> str:
    """A base text with one to four mutations applied."""
    text = draw(base)
    for _ in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(MUTATIONS))(draw, text)
    return str(text)


GRAMMAR = Lark.open(str(sk.grammar_dir() / GRAMMAR_FILE), parser="lalr", strict=True)

# ---------------------------------------------------------------------------
# Properties over text
# ---------------------------------------------------------------------------


@ROBUST
@given(mutated(st.sampled_from(BASES)))
def test_mutated_documents_parse_soundly_or_raise_our_error(text: str) -> None:
    """Broken seeds and fixtures parse losslessly or raise a ScrutinyKitError (not InternalError)."""
    sound_text(text)


@ROBUST
@given(mutated(from_lark(GRAMMAR, start="start")))
def test_mutated_grammar_text_parses_soundly(text: str) -> None:
    """Text generated from the grammar, then mutated, keeps every property too."""
    sound_text(text)


@ROBUST
@given(st.text(max_size=400))
def test_any_text_parses_soundly_or_raises_our_error(text: str) -> None:
    """Arbitrary strings, lone surrogates included, never crash."""
    sound_text(text)


SOUP = [*CONTROLS, *BIDI, *ZERO_WIDTH, *WHITESPACE, "RESOLVED", "1.", "a"]


@ROBUST
@given(st.lists(st.sampled_from(SOUP), max_size=40))
def test_invisible_soup_loses_nothing(pieces: list[str]) -> None:
    """Lines of nothing but controls and invisible marks are still owned by a node."""
    sound_text("".join(pieces))


@pytest.mark.parametrize(
    "text",
    [
        "\x023. Head teachers be invited\n",
        "\u202bRESOLVED: That the report be noted.\u202c\r\n",
        "Minutes:\n\u200b\n\x07\n\u2066\u2069\nThat it be noted.",
        "RESOLVED that:\n1.\x00 the plan be approved\x01\n\t\x02(a) and funded\n",
        "\ufeff\ufeffPresent: Councillor Ada Example (Chair)\n",
    ],
)
def test_invisible_characters_at_line_edges_are_owned(text: str) -> None:
    """Controls and invisible marks at the start or end of a line lie in a node's span."""
    doc = check_text(text)
    assert doc is not None
    owned = "".join(doc.text_of(n) for n in doc.walk() if type(n) is not sk.Point or not n.points)
    for ch in text:
        if not ch.isspace():
            assert ch in owned, f"{ch!r} is in no node"


# ---------------------------------------------------------------------------
# Properties over bytes
# ---------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]


@ROBUST
@given(st.binary(max_size=400))
def test_any_bytes_parse_soundly_or_raise_our_error(data: bytes) -> None:
    """Arbitrary bytes never crash parse_bytes."""
    sound_bytes(data)


@ROBUST
@given(mutated(st.sampled_from(BASES)), st.sampled_from(ENCODINGS))
def test_mutated_documents_in_any_encoding(text: str, encoding: str) -> None:
    """Broken documents saved in any encoding we accept parse or raise our error."""
    errors = "surrogatepass" if encoding.startswith("utf") else "replace"
    data = text.encode(encoding, errors=errors)
    sound_bytes(data)


# ---------------------------------------------------------------------------
# Determinism and threads
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_parsing_is_deterministic(path: Path) -> None:
    """The same text parses to equal documents and the same JSON bytes every time."""
    text = path.read_text(encoding="utf-8")
    first, second = sk.parse(text), sk.parse(text)
    assert first == second
    assert sk.dumps(first).encode() == sk.dumps(second).encode()


def _parse_in_threads(texts: list[str]) -> list[sk.Document]:
    results: list[sk.Document | BaseException | None] = [None] * len(texts)
    barrier = threading.Barrier(len(texts))

    def work(i: int) -> None:
        try:
            barrier.wait()
            results[i] = sk.parse(texts[i])
        except BaseException as exc:  # reported by the caller
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for r in results:
        if isinstance(r, BaseException):
            raise r
    return [r for r in results if isinstance(r, sk.Document)]


@pytest.mark.parametrize("path", SEEDS[:3], ids=lambda p: p.name[:3])
def test_same_document_from_eight_threads_at_once(path: Path) -> None:
    """Eight threads parsing one document at once all get the single-threaded result."""
    text = path.read_text(encoding="utf-8")
    expected = sk.parse(text)
    docs = _parse_in_threads([text] * 8)
    assert len(docs) == 8
    assert all(doc == expected for doc in docs)
    assert {sk.dumps(doc) for doc in docs} == {sk.dumps(expected)}


def test_first_parse_from_eight_threads_in_a_fresh_process() -> None:
    """Eight threads making the first parse of a process (building the parser) all succeed alike."""
    code = f"""
import threading, scrutinykit as sk
text = open({str(SEEDS[0])!r}, encoding="utf-8").read()
barrier = threading.Barrier(8)
out = []
def work():
    barrier.wait()
    out.append(sk.dumps(sk.parse(text)))
threads = [threading.Thread(target=work) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
assert len(out) == 8 and len(set(out)) == 1, len(out)
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_different_documents_from_threads_at_once() -> None:
    """Threads parsing different documents do not disturb each other."""
    texts = (BASES * 2)[:8]
    expected = [sk.parse(t) for t in texts]
    assert _parse_in_threads(texts) == expected


# ---------------------------------------------------------------------------
# Bytes: encodings recorded, binary refused
# ---------------------------------------------------------------------------

SAMPLE = (
    "Agenda item\n\nBudget monitoring\n\nMinutes:\n\n"
    "RESOLVED: That the Council’s £1.5m report be noted – café.\n"
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("cp1252"), "cp1252"),
        # 0x81 is undefined in Windows-1252: only Latin-1 reads it.
        (SAMPLE.replace("’", "'").replace("–", "-").encode("latin-1") + b"\x81\n", "latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "latin-1"],
)
def test_parse_bytes_records_the_encoding(data: bytes, encoding: str) -> None:
    """parse_bytes reads each encoding minutes come in and says which it was."""
    doc = sk.parse_bytes(data)
    assert doc.encoding == encoding
    assert "\ufeff" not in doc.source
    assert "£1.5m" in doc.source
    assert "caf" in doc.source
    (outcome,) = doc.outcomes()
    assert doc.text_of(outcome).startswith("RESOLVED")
    check_document(doc, doc.source)


def test_parse_file_records_the_encoding(tmp_path: Path) -> None:
    """parse_file goes through the same detection as parse_bytes."""
    path = tmp_path / "minutes.txt"
    path.write_bytes(SAMPLE.encode("cp1252"))
    doc = sk.parse_file(path)
    assert doc.encoding == "cp1252"
    assert "Council’s" in doc.source


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "OLE2"),
        (b"RESOLVED: That\x00 the report be noted.\n", "NUL"),
        (bytes(range(1, 32)) * 4, "control"),
        (codecs.BOM_UTF8 + b"RESOLVED \xff\xfe broken", "UTF-8"),
    ],
    ids=["pdf", "zip", "gzip", "png", "ole2", "nul", "controls", "bad-utf8-after-bom"],
)
def test_binary_is_not_text_and_says_what_it_looks_like(tmp_path: Path, data: bytes, named: str) -> None:
    """Binary input raises NotTextError naming what it looks like, from bytes and from files."""
    with pytest.raises(sk.NotTextError, match=named):
        sk.parse_bytes(data)
    path = tmp_path / "minutes.txt"
    path.write_bytes(data)
    with pytest.raises(sk.NotTextError, match=named) as caught:
        sk.parse_file(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)


# ---------------------------------------------------------------------------
# Not minutes: empty, blank, no words
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("\n\n\t\r\n\f\v", "empty"),
        ("\xa0\u2028\u3000\u202f\n", "empty"),
        ("... --- !!! ***\n1.\n-\n", "no words"),
        ("\u200b\u200b\ufeff\n", "no words"),
        ("\x02\x03\x04", "no words"),
        ("😀 👍🏽\n", "no words"),
    ],
    ids=["empty", "spaces", "whitespace", "unicode-spaces", "punctuation", "zero-width", "controls", "emoji"],
)
def test_empty_blank_and_wordless_text_is_not_minutes(text: str, reason: str) -> None:
    """Text with nothing to read raises NotMinutesError with the reason; never a document."""
    with pytest.raises(sk.NotMinutesError, match=reason):
        sk.parse(text, source="blank.txt")
    # As bytes, control characters alone are refused sooner, as binary.
    refused = sk.NotTextError if reason == "no words" and text.startswith("\x02") else sk.NotMinutesError
    with pytest.raises(refused):
        sk.parse_bytes(text.encode("utf-8"))


def test_empty_file_is_not_minutes(tmp_path: Path) -> None:
    """An empty file gives NotMinutesError naming the file."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(sk.NotMinutesError, match="empty") as caught:
        sk.parse_file(path)
    assert caught.value.source == str(path)


# ---------------------------------------------------------------------------
# JSON: broken, foreign, old
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_json() -> dict[str, Any]:
    """The JSON of one seed, as data."""
    return dict(json.loads(sk.dumps(sk.parse_file(SEEDS[3]))))


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("", "not valid JSON"),
        ('{"schema_version": 1,', "not valid JSON"),
        (b"\xff\xfe\x00{", "not valid JSON"),
        ("[" * 100_000, "nested too deeply"),
        ('{"schema_version": ' + "9" * 5000 + "}", "not valid JSON"),
        ("null", "expected a JSON object"),
        ('"minutes"', "expected a JSON object"),
        ('{"source": "x"}', "schema_version"),
        ('{"schema_version": "1"}', "schema_version"),
        ('{"schema_version": true}', "schema_version"),
        ('{"schema_version": 1.0}', "schema_version"),
        ('{"schema_version": -1}', "unknown schema_version -1"),
        (f'{{"schema_version": {sk.SCHEMA_VERSION + 1}}}', f"unknown schema_version {sk.SCHEMA_VERSION + 1}"),
        ('{"schema_version": 0, "source": "x"}', "cannot migrate schema_version 0"),
    ],
    ids=[
        "empty",
        "truncated",
        "bad-utf16",
        "deep",
        "huge-int",
        "null",
        "string",
        "no-version",
        "version-string",
        "version-bool",
        "version-float",
        "version-negative",
        "version-future",
        "version-0-wrong-shape",
    ],
)
def test_bad_json_says_why(text: str | bytes, needle: str) -> None:
    """Malformed, foreign and unknown-version JSON raise SerialisationError saying why."""
    with pytest.raises(sk.SerialisationError, match=needle):
        sk.loads(text)


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    target: Any = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "named"),
    [
        (("kind",), "minutes", r"\$\.kind"),
        (("meeting", "date"), "19 September", r"\$\.meeting\.date"),
        (("meeting", "start_time"), 1830, r"\$\.meeting\.start_time"),
        (("items", 0, "span"), [9, 3], r"\$\.items\[0\]\.span"),
        (("items", 0, "kind"), "tea_break", r"\$\.items\[0\]\.kind"),
        (("items", 0, "heading", 0, "type"), "banner", r"\$\.items\[0\]\.heading\[0\]"),
        (("attendance", "present"), None, r"\$\.attendance\.present"),
        (("items", 0, "surprise"), 1, "surprise"),
    ],
    ids=["kind", "date", "time", "span-backwards", "enum", "tag", "null-list", "extra-key"],
)
def test_json_that_does_not_fit_names_the_field(
    seed_json: dict[str, Any], path: tuple[str | int, ...], value: object, named: str
) -> None:
    """JSON of the right version but the wrong shape names the field that does not fit."""
    with pytest.raises(sk.SerialisationError, match=named):
        sk.loads(json.dumps(_set(seed_json, path, value)))


def to_version_0(data: Any) -> Any:
    """Write version-1 data in the version-0 shape (docs/robustness.md)."""
    if isinstance(data, dict):
        out = {k: to_version_0(v) for k, v in data.items()}
        if "source" in out and "schema_version" in out:
            out["text"] = out.pop("source")
            out["schema_version"] = 0
        return out
    if isinstance(data, list):
        if len(data) == 2 and all(type(v) is int for v in data):
            return {"start": data[0], "end": data[1]}
        return [to_version_0(v) for v in data]
    return data


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_version_0_json_migrates(path: Path) -> None:
    """JSON in the version-0 shape loads to the same document as version 1."""
    doc = sk.parse_file(path)
    old = to_version_0(json.loads(sk.dumps(doc)))
    assert old["schema_version"] == 0
    assert "source" not in old
    assert sk.loads(json.dumps(old)) == doc


def test_migrations_cover_every_older_version() -> None:
    """There is one migration for each version from the oldest accepted to the current one."""
    from scrutinykit.io.serialise import MIGRATIONS

    oldest = min(MIGRATIONS)
    assert sorted(MIGRATIONS) == list(range(oldest, sk.SCHEMA_VERSION))


_V2_ITEM_FIELDS = ("exchanges", "stances", "commitments", "references", "votes")
_V2_OUTCOME_FIELDS = ("addressee", "due")


def _as_version_1(value: Any) -> Any:
    """JSON of the current form written back as version 1 wrote it (no proceedings)."""
    if isinstance(value, dict):
        drop = set()
        if "minute_number" in value:
            drop.update(_V2_ITEM_FIELDS)
        if "intro" in value and "implicit" in value:
            drop.update(_V2_OUTCOME_FIELDS)
        return {k: _as_version_1(v) for k, v in value.items() if k not in drop}
    if isinstance(value, list):
        return [_as_version_1(v) for v in value]
    return value


def test_version_1_json_loads_through_the_migration() -> None:
    """JSON written before the proceedings were added (version 1) loads, with no proceedings."""
    doc = sk.parse_file(ROOT / "seeds" / "002_eb523b947f5c9452.txt")
    data = _as_version_1(json.loads(sk.dumps(doc)))
    data["schema_version"] = 1
    old = sk.loads(json.dumps(data))
    assert old.source == doc.source
    assert [i.title for i in old.items] == [i.title for i in doc.items]
    assert doc.items[5].commitments
    assert not old.items[5].commitments
    assert [len(o.points) for o in old.outcomes()] == [len(o.points) for o in doc.outcomes()]


def _json_values() -> st.SearchStrategy[Any]:
    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10)
    return st.recursive(
        scalars,
        lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3),
        max_leaves=6,
    )


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


_SEED_DATA = json.loads(sk.dumps(sk.parse(BASES[-1])))
_SEED_PATHS = _paths(_SEED_DATA)


@ROBUST
@given(st.sampled_from(_SEED_PATHS), _json_values())
def test_json_with_any_value_anywhere_loads_or_says_why(path: tuple[Any, ...], value: Any) -> None:
    """Replacing any value of a document's JSON gives a document or a SerialisationError."""
    check_json(json.dumps(_set(_SEED_DATA, path, value)))


@ROBUST
@given(st.data())
def test_json_text_mutated_loads_or_says_why(data: st.DataObject) -> None:
    """Cut, spliced or junk-filled JSON text gives a document or a SerialisationError."""
    text = sk.dumps(sk.parse(data.draw(st.sampled_from(BASES))))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        how = data.draw(st.sampled_from(["cut", "insert", "delete"]))
        if how == "cut":
            text = text[:at]
        elif how == "insert":
            piece = data.draw(st.sampled_from(["{", "}", "[", "]", ",", '"', ":", "0", "null"]))
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 20)) :]
    check_json(text)
