"""The proceedings' vocabulary: ``grammar/proceedings.lark``'s terminals, compiled once.

Reads: the vocabulary grammar beside ``minutes.lark`` (documented terminals
such as ``ASK_OPENER``, ``RESPONSE_VERB``, ``UNDERTAKING_VERB``,
``DUE_MEETING``).  Guarantees: :func:`vocabulary` gives each terminal's
pattern, as Lark turns it into a regular expression, compiled, keyed by the
terminal's name; the table is made once per process (and kept in the pattern
store, so a process whose store has it needs no Lark here).  Every rule
module takes its phrases from here: none spells a formula of its own.
:func:`search` and :func:`finditer` give a terminal's own matches in a
:class:`~.text.Text`, found through the text's lower case when it is ASCII
(:func:`lowered`: quicker, the same spans).
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections.abc import Iterator
from pathlib import Path

from ..parsing import patterns as rx
from ..parsing.loader import grammar_dir
from .text import Text

__all__ = ["PROCEEDINGS_GRAMMAR", "finditer", "lowered", "search", "vocabulary"]

PROCEEDINGS_GRAMMAR = "proceedings.lark"
"""The vocabulary grammar's file name, beside ``minutes.lark``."""

_lock = threading.Lock()
_vocabulary: dict[str, re.Pattern[str]] | None = None


def vocabulary() -> dict[str, re.Pattern[str]]:
    """The grammar's terminals as compiled patterns, by terminal name (loaded once).

    Lark turns the terminals into regular expressions; the table of them is
    kept in the pattern store under the hashes of the grammar file and of
    Lark's version file (the file written at install has it), so a process
    whose store has it needs no Lark here.
    """
    global _vocabulary
    if _vocabulary is None:
        with _lock:
            if _vocabulary is None:
                path = grammar_dir() / PROCEEDINGS_GRAMMAR
                table = rx.store().derived(_vocabulary_key(path), lambda: _terminal_patterns(path))
                _vocabulary = {name: rx.compile(pattern) for name, pattern in table.items()}
    return _vocabulary


def _terminal_patterns(path: Path) -> dict[str, str]:
    from lark import Lark

    # No cache=True: Lark would write its cache file into $TMPDIR, a file the caller did not ask for.
    lark = Lark.open(str(path), parser="lalr", lexer="basic")
    return {t.name: t.pattern.to_regexp() for t in lark.terminals}


def _vocabulary_key(path: Path) -> str:
    """What the vocabulary's regular expressions depend on: the grammar and Lark's version."""
    digest = rx.sha256(path.read_bytes())
    spec = importlib.util.find_spec("lark")
    if spec is not None and spec.origin is not None:
        digest.update(Path(spec.origin).read_bytes())  # lark/__init__.py holds __version__
    return f"proceedings-terminals:{digest.hexdigest()}"


# ---------------------------------------------------------------------------
# Searching ASCII text through its lower case
# ---------------------------------------------------------------------------

_lowered: dict[str, re.Pattern[str] | None] = {}
_IGNORE_CASE_GROUP = "(?i:"
_GROUP_OPENERS = ("(?:", "(?<=", "(?<!", "(?=", "(?!")


def lowered(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    r"""``pattern`` made case-sensitive, for the lower case of ASCII text; None when it cannot be.

    A terminal that is one ignore-case group, ``(?i:…)``, with no upper-case
    letter in it (so no ``\S``, ``\W`` or ``\B`` either) and no other flag
    group: in ASCII text, which lower-casing maps one character for one, it
    matches where the group without the flag matches the lower-cased text,
    with the same spans.  The engine compares plain characters quicker than
    ignore-case ones (an alternative whose first character differs is
    skipped at once).
    """
    source = pattern.pattern
    if pattern.flags & ~re.UNICODE or not source.startswith(_IGNORE_CASE_GROUP) or source != source.lower():
        return None
    # The group must close at the end (nothing outside it), and no other group may set a flag.
    depth = 0
    escaped = in_class = False
    for i, c in enumerate(source):
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            if i > 0 and source.startswith("(?", i) and not source.startswith(_GROUP_OPENERS, i):
                return None
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and i != len(source) - 1:
                return None
    return rx.compile("(?:" + source[len(_IGNORE_CASE_GROUP) :])


def _lowered_of(name: str) -> re.Pattern[str] | None:
    if name not in _lowered:
        _lowered[name] = lowered(vocabulary()[name])
    return _lowered[name]


def search(name: str, t: Text, start: int, end: int) -> re.Match[str] | None:
    """``vocabulary()[name].search(t.text, start, end)``, found through the lower case of ASCII text.

    The match is the terminal's own, made again where the lower-cased search
    found it (the same span; its text in the source's case).
    """
    pattern = vocabulary()[name]
    low = t.ascii_lower()
    quick = _lowered_of(name) if low is not None else None
    if quick is None or low is None:
        return pattern.search(t.text, start, end)
    found = quick.search(low, start, end)
    return None if found is None else pattern.match(t.text, found.start(), end)


def finditer(name: str, t: Text, start: int, end: int) -> Iterator[re.Match[str]]:
    """``vocabulary()[name].finditer(t.text, start, end)``, found through the lower case of ASCII text."""
    pattern = vocabulary()[name]
    low = t.ascii_lower()
    quick = _lowered_of(name) if low is not None else None
    if quick is None or low is None:
        yield from pattern.finditer(t.text, start, end)
        return
    text = t.text
    pos = start
    while True:
        found = quick.search(low, pos, end)
        if found is None:
            return
        m = pattern.match(text, found.start(), end)
        assert m is not None  # the two match alike on ASCII text
        if m.end() == m.start():
            # An empty match: what follows it is finditer's to say, from here on.
            yield from pattern.finditer(text, m.start(), end)
            return
        yield m
        pos = m.end()


def _swapped(c: str) -> str:
    return c.upper() if c.islower() else c.lower()


def _class_cased(body: str) -> str:
    """A character class's contents with the other case of each ASCII letter and letter range added."""
    items: list[str] = []
    extra: list[str] = []
    i = 0
    while i < len(body):
        if body[i] == "\\":
            items.append(body[i : i + 2])
            i += 2
            continue
        if i + 2 < len(body) and body[i + 1] == "-":
            lo, hi = body[i], body[i + 2]
            items.append(body[i : i + 3])
            letters = lo.isascii() and hi.isascii() and lo.isalpha() and hi.isalpha()
            if letters and lo.islower() == hi.islower():
                extra.append(f"{_swapped(lo)}-{_swapped(hi)}")
            i += 3
            continue
        items.append(body[i])
        if body[i].isascii() and body[i].isalpha():
            extra.append(_swapped(body[i]))
        i += 1
    return "".join(items) + "".join(extra)


def cased(source: str) -> str | None:
    """``source``, whose ignore-case parts are ``(?i:…)`` groups, with every part case-sensitive.

    Each ASCII letter of an ignore-case part becomes a class of both its
    cases ("a" → "[aA]", "[a-z]" → "[a-zA-Z]"); ``(?-i:…)`` parts are kept as
    they are, as groups.  On ASCII text it matches where ``source`` matches
    (ignore-case adds only the long s, the Kelvin sign and the dotted and
    dotless i, none ASCII), and quicker: an alternative that opens with a
    class is passed over after one test of the character, which an
    ignore-case letter does not get.  Only the syntax Lark writes for the
    vocabulary's terminals is read (escapes, classes, groups, quantifiers):
    None for a negated class or an escape of a letter inside an ignore-case part.
    """
    out: list[str] = []
    stack: list[bool] = []  # for each open group: whether it ignores case
    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        folding = bool(stack) and stack[-1]
        if c == "\\":
            if folding and source[i + 1 : i + 2].isalpha():
                return None  # \w, \S, \b …: left to the pattern as written
            out.append(source[i : i + 2])
            i += 2
        elif c == "[":
            j = i + 1
            if source.startswith("^", j):
                if folding:
                    return None
                j += 1
            if source.startswith("]", j):
                j += 1
            while source[j] != "]":
                j += 2 if source[j] == "\\" else 1
            body = source[i + 1 : j]
            out.append(f"[{_class_cased(body) if folding else body}]")
            i = j + 1
        elif c == "(":
            if source.startswith("(?i:", i):
                stack.append(True)
                out.append("(?:")
                i += 4
            elif source.startswith("(?-i:", i):
                stack.append(False)
                out.append("(?:")
                i += 5
            elif source.startswith(("(?:", "(?=", "(?!"), i):
                stack.append(folding)
                out.append(source[i : i + 3])
                i += 3
            elif source.startswith(("(?<=", "(?<!"), i):
                stack.append(folding)
                out.append(source[i : i + 4])
                i += 4
            elif source.startswith("(?", i):
                return None  # another flag or a named group: not read here
            else:
                stack.append(folding)
                out.append(c)
                i += 1
        elif c == ")":
            stack.pop()
            out.append(c)
            i += 1
        elif c == "{":
            j = source.index("}", i) + 1
            out.append(source[i:j])
            i = j
        elif folding and c.isascii() and c.isalpha():
            out.append(f"[{c.lower()}{c.upper()}]")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)
