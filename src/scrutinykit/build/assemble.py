"""Assemble a :class:`Document` from the transformed parse tree.

The transformer gives nodes in document order; this step reads the facts a
reader wants out of them — the meeting, who attended, what each item is —
without moving or dropping any node.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections.abc import Iterable, Sequence

import attrs

from .._model import (
    TEXTUAL_NODES,
    AgendaItem,
    Attendance,
    AttendanceBlock,
    AttendanceKind,
    Block,
    Document,
    DocumentKind,
    Figure,
    FigureKind,
    Heading,
    ItemKind,
    Marker,
    MarkerKind,
    Note,
    Outcome,
    Paragraph,
    Person,
    Point,
    Resolution,
    Span,
    walk,
)
from ..parsing import patterns as rx
from ..parsing.vocabulary import Patterns, default_patterns
from ..proceedings.scanner import proceedings
from ..views.check import truncated_at
from .inline import (
    POST_NOMINAL,
    ROLE_WORDS,
    counted_after,
    find_counts,
    find_money,
    find_percentages,
    parse_date,
    parse_person,
    split_name_list,
)
from .meeting import read_meeting
from .outside import outside_proceedings
from .transform import ParsedTree

__all__ = ["assemble"]

# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------

_ITEM_KINDS: tuple[tuple[ItemKind, re.Pattern[str]], ...] = (
    (ItemKind.APOLOGIES, rx.compile(r"\bapolog", re.I)),
    (
        ItemKind.DECLARATIONS,
        rx.compile(r"\b(?:disclosures?|declarations?)\b.*\binterests?\b|\binterests?\b", re.I),
    ),
    (ItemKind.PREVIOUS_MINUTES, rx.compile(r"^(?:to (?:approve|confirm|agree) )?(?:the )?minutes\b", re.I)),
    (ItemKind.URGENT_BUSINESS, rx.compile(r"\burgent (?:business|items?)\b", re.I)),
    (
        ItemKind.EXEMPT_ITEMS,
        rx.compile(r"\bexempt (?:items?|information)\b|\bexclusion of (?:the )?(?:press|public)\b", re.I),
    ),
    (
        ItemKind.PUBLIC_QUESTIONS,
        rx.compile(
            r"\bpublic (?:questions?|speaking|participation)\b|questions from (?:members of )?the public",
            re.I,
        ),
    ),
    (ItemKind.WORK_PROGRAMME, rx.compile(r"\bwork ?programme\b|\bforward plan\b", re.I)),
)

_NO_APOLOGIES = rx.compile(
    r"\b(?:there were no|no) apologies\b|\bno apologies (?:for absence )?(?:were|had been) received\b", re.I
)
#: "Apologies were received from …", "Apologies received from …", "reported apologies from …".
_APOLOGIES_FROM = rx.compile(
    r"\bapologies(?:\s+for\s+(?:absence|inability\s+to\s+attend|non-attendance|lateness))?"
    r"(?:(?:\s+(?:were|was|had\s+been|have\s+been|are))?"
    r"\s+(?:received|submitted|given|tendered|reported|intimated|recorded|noted|sent|offered))?"
    r"\s+(?:from|by|on\s+behalf\s+of)\s+",
    re.I,
)
#: Under an apologies heading the sentence need not say "apologies": "These were received from …".
_RECEIVED_FROM = rx.compile(
    r"^\s*(?:these|they)\s+(?:were|was|had\s+been)\s+(?:received|submitted|tendered|reported|intimated)"
    r"\s+(?:from|by|on\s+behalf\s+of)\s+",
    re.I,
)
_AGREED = rx.compile(
    r"\b(?:were|be|was|being) (?:agreed|approved|confirmed|signed|accepted)\b|\bcorrect record\b", re.I
)
_LABEL = rx.compile(r"^[^:]{0,60}:\s*(?:-\s*)?")
_COOPTEE = rx.compile(r"co-?opt", re.I)
_ROLE_WORDS = rx.compile(
    r"\b(?:Director|Head|Officer|Manager|Chief|Executive|Assistant|Clerk|Lead|Leader|Member|Advisor|Adviser"
    r"|Co-?optee|representative|Inspector|Commissioner|Solicitor|Lawyer|Coordinator|Co-ordinator|Analyst"
    r"|Secretary|Treasurer|Governor|Superintendent|Portfolio|Cabinet)\b",
    re.I,
)


def _classify_item(title: str) -> ItemKind:
    for kind, pattern in _ITEM_KINDS:
        if pattern.search(title):
            return kind
    return ItemKind.SUBSTANTIVE


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


_POLICE_RANK = rx.compile(
    r"(?:(?:Assistant|Deputy)\s+)?Chief\s+Constable|(?:Detective\s+)?(?:Chief\s+)?(?:Superintendent|Inspector"
    r"|Sergeant|Constable)|Police\s+Constable"
)


def _person(text: str, base: int, kind: AttendanceKind, plural_honorific: str | None) -> Person | None:
    parts = parse_person(text)
    if parts is None:
        return None
    honorific = parts.honorific or plural_honorific
    description = parts.description
    if kind is AttendanceKind.PRESENT and description and _COOPTEE.search(description):
        kind = AttendanceKind.CO_OPTEE
    name = " ".join(parts.name.split())  # a name wrapped over two lines is one line
    if parts.honorific is not None and _POLICE_RANK.fullmatch(" ".join(parts.honorific.split())):
        # A police rank is how the person is addressed: "Inspector Jo Example".
        rank = text.rfind(parts.honorific.split()[0], 0, parts.name_start)
        if rank >= 0:
            name = " ".join(text[rank : parts.name_end].split())
    stripped = text.rstrip(" .;,")
    lead = len(text) - len(text.lstrip())
    return Person(
        span=Span(start=base + lead, end=base + len(stripped)),
        name=name,
        honorific=honorific,
        role=parts.role,
        description=description,
        kind=kind,
    )


_PLURAL = rx.compile(r"^(?:County\s+)?(Councillors|Cllrs\.?|Aldermen)\s+")
_AND = rx.compile(r"\s*(?:and|&)\s*\Z")


def _is_office(text: str, single_is_name: bool) -> bool:
    """Whether a list entry is an office or a description rather than a person.

    "Head of SEND", "Customer Services Manager", "its Engagement Lead" and
    "parent governor representative" are offices; "Dr Jo Example" and
    "Jo Example" are people.  A lone capitalised word is a surname in a list
    of councillors and a fragment of a job title elsewhere (``single_is_name``).
    """
    words = text.split()
    if not words or not words[0][:1].isupper():
        return True
    parts = parse_person(text)
    if parts is None:
        return True
    tokens = parts.name.split()
    if any(_ROLE_TOKEN.fullmatch(t.strip(".,'’")) for t in tokens) and parts.honorific is None:
        return True
    return len(tokens) == 1 and parts.honorific is None and not single_is_name


_ROLE_TOKEN = rx.compile("|".join(re.escape(w) for w in ROLE_WORDS), re.I)


def _trim_lead(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave out a dash or colon before an entry ("Aldermen – Jo Example")."""
    while start < end and text[start] in " \t–—-:":
        start += 1
    return start, end


def _entry_groups(body: str, kind: AttendanceKind, plural: bool) -> list[tuple[int, int, bool]]:
    """The list entries of ``body`` grouped into people: ``(start, end, office_only)``.

    An office written after a name ("Jo Example, Head of SEND") belongs to
    that name; its words joined by "and" ("Director of Education and Skills")
    stay one office; an office with no name before it is an entry of its own.
    """
    spans = [_trim_lead(body, a, b) for a, b in split_name_list(body)]
    groups: list[list[int | bool]] = []  # [start, end, has_person, ends_in_office]
    single_is_name = plural or kind is not AttendanceKind.OFFICER
    for k, (start, end) in enumerate(spans):
        entry = body[start:end]
        office = _is_office(entry, single_is_name)
        joined_by_and = k > 0 and _AND.search(body, spans[k - 1][1], start) is not None
        serial_and = joined_by_and and "," in body[spans[k - 1][1] : start]
        named = _HONORIFIC_START.match(entry) is not None
        # A list of offices alone ("Head of Finance, Director of Place and Scrutiny Officer"):
        # an office after a whole office starts its own entry, where words with no office
        # in them go on the one before ("Head of Revenues and Benefits", "Scrutiny and
        # Democratic Services Officer").
        next_office = office and kind is AttendanceKind.OFFICER and _ROLE_TOKEN.search(entry) is not None
        if (
            groups
            and not groups[-1][2]
            and next_office
            and _ROLE_TOKEN.search(body, int(groups[-1][0]), int(groups[-1][1])) is not None
        ):
            groups.append([start, end, False, True])
            continue
        if groups and groups[-1][3] and (office or (not named and not serial_and)):
            # The office goes on: "Head of Revenues and Benefits", "Cabinet
            # Member for Children, Young People and Learning"; ", and Jo
            # Example" starts the next person.
            groups[-1][1] = end
            continue
        if not office and len(spans) == 2 and k == 1 and not plural and not joined_by_and:
            # "Inspector Jo Example, Exampleshire Police": one comma, no "and": a description.
            parts = parse_person(entry)
            office = parts is not None and parts.honorific is None and bool(groups) and bool(groups[-1][2])
        if office and groups and groups[-1][2] and not groups[-1][3] and not joined_by_and:
            groups[-1][1] = end
            groups[-1][3] = True
            continue
        if office and groups and groups[-1][3] and groups[-1][2]:
            groups[-1][1] = end  # "Jo Example, Head of Service, Children's Services"
            continue
        # "Jo Example – Director of Education" already ends in an office, which "and Skills" goes on.
        described = (
            not office and (parts := parse_person(entry)) is not None and parts.description is not None
        )
        groups.append([start, end, not office, office or described])
    return [(int(g[0]), int(g[1]), not g[2]) for g in groups]


def people_in_text(text: str, base: int, kind: AttendanceKind) -> list[Person]:
    """The people named in one attendance entry line starting at ``base``."""
    plural = None
    m = _PLURAL.match(text)
    offset = 0
    if m:
        plural = "Councillor" if m.group(1).startswith(("Councillors", "Cllr")) else "Alderman"
        offset = m.end()
    body = text[offset:]
    people: list[Person] = []
    for start, end, office_only in _entry_groups(body, kind, plural is not None):
        entry = body[start:end]
        if office_only:
            # Only a role is given ("Customer Services Manager"): the role is the entry.
            if kind is AttendanceKind.OFFICER and _ROLE_TOKEN.search(entry):
                people.append(
                    Person(
                        span=Span(start=base + offset + start, end=base + offset + end),
                        name=" ".join(entry.split()),
                        description=" ".join(entry.split()),
                        kind=kind,
                    )
                )
            continue
        person = _person(entry, base + offset + start, kind, plural)
        if person is not None:
            people.append(person)
    return people


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _unique(people: list[Person]) -> list[Person]:
    """The first mention of each name (folded), in order."""
    seen: set[str] = set()
    out: list[Person] = []
    for person in people:
        key = " ".join(person.name.casefold().split())
        if key not in seen:
            seen.add(key)
            out.append(person)
    return out


_PROSE = rx.compile(r"\b(?:attended|met|was|were|is|are|had|has|have|welcomed|said|noted|held)\b")
_IN_CHAIR = rx.compile(r"\bin\s+the\s+chair\b", re.I)
_OFFICE_OF_STAFF = rx.compile(
    r"\b(?:Director|Head|Manager|Officer|Clerk|Administrator|Adviser|Advisor|Solicitor|Lawyer|Accountant"
    r"|Engineer|Planner|Analyst|Co-?ordinator|Secretary|Treasurer|RFO|Monitoring|Chief\s+Executive"
    r"|Assistant|Lead|Worker|Specialist|Surveyor|Auditor|(?:General|Legal)\s+Counsel|Democratic\s+Services)\b",
    re.I,
)
_OUTSIDE_BODY = rx.compile(
    r"\b(?:NHS|Trust|Police|Constabulary|Fire|Ambulance|Healthwatch|University|College|Ltd|Limited|plc"
    r"|Integrated\s+Care|ICB|CCG|Diocese|Church|Association|Partnership|Foundation|Charity|Agency)\b"
)
_COUNCILLOR = rx.compile(r"(?:\w+\s+)?(?:Councillor|Cllr|Alderm[ae]n|Deputy)\b", re.I)


#: The list each attendance label of the vocabulary (its group in ``Patterns.attendance_label``,
#: ``attendance_inline`` and ``attendance_roles``) fills.
_ROLE_KIND = {
    "present": AttendanceKind.PRESENT,
    "chair": AttendanceKind.PRESENT,
    "apologies": AttendanceKind.APOLOGIES,
    "also_attending": AttendanceKind.ALSO_ATTENDING,
    "officers": AttendanceKind.OFFICER,
    "co_optees": AttendanceKind.CO_OPTEE,
    "substitutes": AttendanceKind.SUBSTITUTE,
    "absent": AttendanceKind.ABSENT,
}


def _label_kind(m: re.Match[str]) -> AttendanceKind:
    """The list a match of one of the vocabulary's attendance label patterns starts."""
    return _ROLE_KIND[next(role for role, words in m.groupdict().items() if words is not None)]


def _sub_kind(label: str, default: AttendanceKind, vocab: Patterns) -> AttendanceKind:
    """The list a label starts ("IN ATTENDANCE" → also attending), ``default`` for words of no label."""
    m = vocab.attendance_label.match(label)
    return _label_kind(m) if m is not None else default


def _is_heading_line(text: str) -> bool:
    """A line folded into an attendance block that is a heading, not names."""
    words = text.split()
    if not words or _HONORIFIC_START.match(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and not any(c in text for c in ",;–-"):
        return True
    return len(words) == 1 and words[0][:1].isupper()


_HONORIFIC_START = rx.compile(
    r"\s*(?:(?:County|District|Borough|City|Town|Parish)\s+)?(?:Councillors?|Cllrs?|Alderm[ae]n|Mr|Mrs|Ms|Miss|Mx|Dr"
    r"|Canon|Professor|Prof|Reverend|Rev|Revd|Sir|Dame|Lord|Lady|Baroness|Deputy|Inspector|Sergeant|PCSO|PC)\b",
    re.I,
)


def _visitor_or_officer(person: Person, entry: str) -> AttendanceKind:
    """Split an "In attendance" entry: council staff have a job title, visitors do not or are councillors.

    ``entry`` is the entry as written, so a title in brackets counts too:
    "Mrs Jo Example (Clerk and RFO)".
    """
    if _COOPTEE.search(entry):
        return AttendanceKind.CO_OPTEE  # a co-opted member of the committee
    if person.honorific is not None and _COUNCILLOR.fullmatch(person.honorific):
        return AttendanceKind.ALSO_ATTENDING
    if person.honorific is not None and _POLICE_RANK.fullmatch(" ".join(person.honorific.split())):
        return AttendanceKind.ALSO_ATTENDING
    about = entry.replace(person.name, " ", 1)
    if _OFFICE_OF_STAFF.search(about) and not _OUTSIDE_BODY.search(about):
        return AttendanceKind.OFFICER
    return AttendanceKind.ALSO_ATTENDING


def _is_prose(piece: str) -> bool:
    """Whether a line is a sentence, not a list: a verb of narration, or five lower-case words in a row.

    An entry's description has a few ("parent governor representative"); a
    sentence has a run of them ("declared an interest in the item on …").
    """
    bare = _without_brackets(piece)
    if _PROSE.search(bare):
        return True
    for part in _SEPARATOR.split(bare):
        run = 0
        for word in part.split():
            run = run + 1 if word[:1].islower() else 0
            if run >= 5:
                return True
    return False


def _line_people(piece: str, base: int, kind: AttendanceKind) -> list[Person]:
    """The people of one line of an attendance block, with their lists."""
    if _IN_CHAIR.search(piece) and kind is not AttendanceKind.APOLOGIES:
        kind = AttendanceKind.PRESENT  # "Mr Jo Example in the Chair"
    found = people_in_text(piece, base, kind)
    if kind is AttendanceKind.ALSO_ATTENDING:
        found = [
            attrs.evolve(p, kind=_visitor_or_officer(p, piece[p.span.start - base : p.span.end - base]))
            for p in found
        ]
    return found


#: What a label says when its list is empty: "Apologies: None", "Nil.", "N/A".
_NOBODY = rx.compile(
    r"[ ]*(?:none|nil|n/a|no[ ]+apologies(?:[ ]+were[ ]+received)?)[ ]*\.?[ ]*", re.IGNORECASE
)


def _joined_lines(
    block: AttendanceBlock, source: str, vocab: Patterns
) -> list[tuple[Paragraph | Point, int, int]]:
    """The block's lines with their spans, a list wrapped over lines that the layout split joined again."""
    out: list[tuple[Paragraph | Point, int, int]] = []
    for line in block.lines:
        start, end = line.span.start, line.span.end
        if out and isinstance(line, Paragraph) and isinstance(out[-1][0], Paragraph):
            prev, a, b = out[-1]
            before = source[a:b].rsplit("\n", 1)[-1]
            first = source[start:end].split("\n", 1)[0]
            if source[b:start] == "\n" and _wraps(before, first, vocab):
                out[-1] = (prev, a, end)
                continue
        out.append((line, start, end))
    return out


def _block_people(block: AttendanceBlock, source: str, vocab: Patterns) -> list[Person]:
    """The people of an attendance block, each with the list it belongs to.

    Paragraphs folded into the block may start a list of their own ("Also
    present:", "Co-opted Members:", "In Attendance:"); a heading ends the
    block; a sentence is not a list ("The panel met at …").
    """
    people: list[Person] = []
    kind = block.kind
    columns: tuple[AttendanceKind, AttendanceKind] | None = None
    ended = False
    for i, (line, base, stop) in enumerate(_joined_lines(block, source, vocab)):
        text = source[base:stop]
        if i == 0:
            first = text.split("\n", 1)[0]
            two = vocab.attendance_two_labels.match(first)
            if two is not None:
                # "PRESENT        IN ATTENDANCE": two columns flattened into one line each.
                columns = (_sub_kind(two.group("a"), kind, vocab), _sub_kind(two.group("b"), kind, vocab))
                if len(first) + 1 >= len(text):
                    continue
                text, base = text[len(first) + 1 :], base + len(first) + 1
        if columns is not None and not isinstance(line, Point):
            found = _two_column_people(text, base, columns, vocab)
            if found is None:
                columns = None
            else:
                people.extend(found)
                continue
        if isinstance(line, Point):
            own = line.text
            if i > 0 and not _HONORIFIC_START.match(own) and _classify_item(own) is not ItemKind.SUBSTANTIVE:
                ended = True  # "1. Welcome and apologies": the first item, not a list entry
        if ended:
            people.extend(_apologies_from_text(text, base))  # that item's prose
            continue
        if isinstance(line, Point):
            at = text.find(own[:20]) if own else -1
            if at < 0:
                continue
            text, base = text[at:], base + at
        elif i == 0:
            m = _LABEL.match(text)
            if m is None or (block.kind is AttendanceKind.OFFICER and text.rstrip().endswith(":")):
                continue
            text, base = text[m.end() :], base + m.end()
        text = unwrap_list(text, vocab)
        if i == 0 and _NOBODY.fullmatch(text.split("\n")[0]):
            continue  # "Apologies: None": the list is empty, not a person called None
        for piece in text.split("\n"):
            here = base
            base += len(piece) + 1
            if not piece.strip():
                continue
            if i > 0:
                sub = vocab.attendance_label.match(piece)
                if sub is not None:
                    kind = _label_kind(sub)
                    piece, here = piece[sub.end() :], here + sub.end()
                    if not piece.strip():
                        continue
                elif _is_heading_line(piece):
                    return people
                elif _is_prose(piece) and not _IN_CHAIR.search(piece):
                    people.extend(_apologies_from_text(piece, here) or _visitors_in_prose(piece, here))
                    continue
            if "," not in piece and ";" not in piece and len(_TITLED.findall(piece)) >= 2:
                # A list with no separators ("Cllr A Example Cllr B Sample"), as a
                # flattened page gives it, perhaps running on into the next label.
                people.extend(_run_on_people(piece, here, kind, vocab))
                continue
            people.extend(_line_people(piece, here, kind))
    return people


#: A line that cannot end an entry: it ends on a separator, "and", a title or an initial.
_OPEN_END = rx.compile(
    r"(?:[,;(]|\b(?:and|&|of|for|the|to|Councillors?|Cllrs?|Mr|Mrs|Ms|Miss|Dr|[A-Z])\.?)[ \t]*\Z"
)
#: A line that cannot start an entry: a note, a lower-case word, a separator.
_GOES_ON = rx.compile(r"[ \t]*(?:[(,;]|[a-z]|(?:and|&)\s)")
_SEPARATOR = rx.compile(r"[,;]")
#: A line that opens with a label of its own: "Co-opted Members:", "Substitutes:".
_OWN_LABEL = rx.compile(r"[ \t]*[A-Z][^:,;()\n]{0,40}:")


def unwrap_list(text: str, vocab: Patterns | None = None) -> str:
    """``text`` with the line breaks that wrap a list read as spaces (same length, same offsets).

    A break is a wrap when the line before cannot end an entry ("…, R" / "Mr" /
    "Cabinet Member for"), when the line after cannot start one ("(remote)",
    "for Education", "and Jo Example"), when the line before has an open
    bracket, or when it is a long line of a separated list (two separators or
    more in 60 characters or more) that ends mid-entry and the next line does not
    open with a title, as hard-wrapped text gives it.  A list of one entry a line
    ("Jo Example, Clerk") keeps its breaks, and so does a line that opens a
    list of its own ("Co-opted Members: …").
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for k, line in enumerate(lines):
        out.append(line)
        if k + 1 == len(lines):
            break
        out.append(" " if _wraps(line, lines[k + 1], vocab or default_patterns()) else "\n")
    return "".join(out)


def _wraps(line: str, after: str, vocab: Patterns) -> bool:
    """Whether the break between ``line`` and the line ``after`` wraps one list (:func:`unwrap_list`)."""
    if not line.strip() or not after.strip():
        return False
    if vocab.attendance_label.match(after) is not None or _OWN_LABEL.match(after) is not None:
        return False
    return (
        _OPEN_END.search(line) is not None
        or _GOES_ON.match(after) is not None
        or line.count("(") > line.count(")")
        or line.rfind("(") > line.rfind(")")  # "… and Jo Example (Acting Chief" / "Accountant)"
        or (
            len(line.rstrip()) >= 60
            and len(_SEPARATOR.findall(line)) >= 2
            and not line.rstrip().endswith((")", "."))
            and _HONORIFIC_START.match(after) is None
        )
    )


def _run_on_people(piece: str, base: int, kind: AttendanceKind, vocab: Patterns) -> list[Person]:
    """People of a line listing them without separators, and of any labelled lists run on after it."""
    label = vocab.attendance_inline.search(piece)
    cut = label.start() if label is not None else len(piece)
    people = _titled_run(piece[:cut], base, kind)
    if label is not None:
        people.extend(_inline_lists(piece[cut:], base + cut, vocab))
    return people


#: The left column's entry: a title, then initials and a surname or two names, then a note in brackets.
_LEFT_ENTRY = rx.compile(
    r"\s{0,20}(?:(?:County|District|Borough|Town)\s{1,3})?(?:Councillor|Cllr|Alderman|Mr|Mrs|Ms|Miss|Dr)\.?\s{1,3}"
    r"(?:(?:Mrs|Mr|Ms|Dr)\.?\s{1,3})?(?:(?:[A-Z]\.?\s{0,2}){1,3}|[A-Z][\w'’-]{1,40}\s{1,3})"
    r"(?:[A-ZÀ-Þ][\w'’]{0,2}\s{1,2})?[A-ZÀ-Þ][\w'’-]{1,40}"  # a particle before the surname: "Ó", "Ní", "Mac"
    rf"(?:\s{{1,3}}(?:{POST_NOMINAL})\b\.?)*(?:\s*\([^()]{{1,60}}\))?"
)


#: A row of the right column alone, the left one having ended: "Jo Example – Head of Highways".
_RIGHT_ENTRY = rx.compile(r"\s{0,20}[A-Z][\w'’.-]*(?:\s{1,3}[A-Z][\w'’.-]*){1,3}\s{1,3}[–—-]\s")


def _two_column_people(
    text: str, base: int, columns: tuple[AttendanceKind, AttendanceKind], vocab: Patterns
) -> list[Person] | None:
    """The people of each line of a two-column list whose columns were flattened into one line.

    A row is the left column's entry (a titled name and its note) and the right
    column's; once the left column has ended a row is the right one's alone
    ("Jo Example – Head of Highways"); a line that is neither goes on the right
    entry above it, which hard wrapping broke ("Jo Example – Customer Services" /
    "Manager").  None when the lines no longer look like the columns (the list ended).
    """
    rows: list[list[int]] = []  # [left start, left end, right start, right end], offsets into text
    at = 0
    for piece in text.split("\n"):
        here = at
        at += len(piece) + 1
        if not piece.strip():
            continue
        if vocab.attendance_label.match(piece) is not None:
            break
        left = _LEFT_ENTRY.match(piece)
        if left is not None:
            rows.append([here, here + left.end(), here + left.end(), here + len(piece)])
        elif _RIGHT_ENTRY.match(piece) is not None:
            rows.append([here, here, here, here + len(piece)])
        elif (
            rows
            and rows[-1][3] > rows[-1][2]
            and len(piece) <= 60
            and _HONORIFIC_START.match(piece) is None
            and not _is_prose(piece)
        ):
            rows[-1][3] = here + len(piece)  # the wrapped end of the right entry above
        else:
            break
    if not rows:
        return None
    found: list[Person] = []
    flat = text.replace("\n", " ")
    for left_start, left_end, right_start, right_end in rows:
        if left_end > left_start:
            found.extend(_line_people(flat[left_start:left_end], base + left_start, columns[0]))
        if flat[right_start:right_end].strip():
            found.extend(_line_people(flat[right_start:right_end], base + right_start, columns[1]))
    return found


def _without_brackets(text: str) -> str:
    return re.sub(r"\([^()]{0,200}\)", "", text)


def _apologies_from_text(text: str, base: int, under_heading: bool = False) -> list[Person]:
    """Apologies a sentence reports; under an apologies heading also "These were received from …"
    and a bare list of names ("Cllr Jo Example (work commitments).")."""
    m = _APOLOGIES_FROM.search(text)
    if m is None and under_heading:
        m = _RECEIVED_FROM.search(text)
        if m is None:
            return _bare_apologies(text, base)
    if m is None:
        return []
    rest = text[m.end() :]
    stop = _SENTENCE_END.search(rest)
    rest = rest[: stop.start()] if stop else rest
    return people_in_text(rest, base + m.end(), AttendanceKind.APOLOGIES)


#: The end of a sentence: not the stop of an initial or of "Mrs.", nor one inside brackets.
_SENTENCE_END = rx.compile(
    r"(?<!\b(?:Mr|Ms|Dr|St|No))(?<!\b(?:Mrs|Rev))(?<!\bCllr)(?<!\bCllrs)(?<!\b[A-Z])[.;](?:\s|$)(?![^()]*\))"
)

#: The end of a list written in a sentence: a full stop, as :data:`_SENTENCE_END`.
_LIST_END = rx.compile(_SENTENCE_END.pattern.replace("[.;]", "\\."))


def _bare_apologies(text: str, base: int) -> list[Person]:
    """A paragraph under an apologies heading that opens with a list of titled names."""
    if _HONORIFIC_START.match(text) is None:
        return []
    stop = _SENTENCE_END.search(text)
    first = text[: stop.start()] if stop else text
    if _PROSE.search(_without_brackets(first)) or len(first) > 400:
        return []
    plural = _PLURAL.match(first)
    body = first[plural.end() :] if plural else first
    groups = _entry_groups(body, AttendanceKind.APOLOGIES, plural is not None)
    people = people_in_text(first, base, AttendanceKind.APOLOGIES)
    # Every entry must be a person: a sentence that merely starts with a name is not a list.
    return people if people and len(people) == len(groups) else []


#: Where a flattened list ("Cllr A Example Cllr B Sample") starts a new person.
_TITLED = rx.compile(
    r"(?<![^\W\d_])(?:(?:County|District|Borough|Town)\s+)?(?:Councillors?|Cllrs?|Alderm[ae]n|Mr|Mrs|Ms|Miss|Dr"
    r"|Canon|Reverend|Revd|Rev|PCSO)\.?(?=\s)"
)
_TITLED_NAME = rx.compile(
    r"(?:(?:[A-Z]\.?\s{0,2}){1,3}[A-Z][\w'’-]{1,40}|[A-Z][a-z][\w'’-]{0,40}(?:\s{1,3}[A-Z][\w'’-]{1,40}){0,2})"
    r"(?:\s*\([^()]{1,60}\))?"
)


def _titled_run(text: str, base: int, kind: AttendanceKind) -> list[Person]:
    """People of a list flattened without separators: "Cllr A Example (Mayor) Cllr Mrs B Sample …".

    Each person starts at a title; after the name (initials and a surname, or
    up to three capitalised words) and a note in brackets, anything else is
    not part of the list ("4 members of the public", a minute number).
    """
    starts: list[int] = []
    last_end: int | None = None
    depth, seen = 0, 0
    for m in _TITLED.finditer(text):
        depth += text.count("(", seen, m.start()) - text.count(")", seen, m.start())
        seen = m.start()
        if depth > 0:
            continue  # a name in a note: "(substitute for Cllr Jo Example)"
        if last_end is None or text[last_end : m.start()].strip():
            starts.append(m.start())
        last_end = m.end()
    people: list[Person] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        title_end = start
        while True:
            t = _TITLED.match(text, title_end)
            if t is None:
                break
            title_end = t.end()
            while title_end < end and text[title_end].isspace():
                title_end += 1
        name = _TITLED_NAME.match(text, title_end, end)
        if name is None:
            continue
        people.extend(_line_people(text[start : name.end()], base + start, kind))
    return people


#: A chair's note on the first entry of a list of members: "(Chair)", "(in the Chair)", ", Chairman".
_CHAIR_NOTE = rx.compile(r"(?:\(|,\s*)(?:in\s+the\s+)?(?:chair\w*|convene[rn]|mayor|provost)\b", re.I)
#: Words that do not stand in a name: a digit, or a lower-case word outside brackets.
_NOT_NAME = rx.compile(r"\d|(?<![\w'’-])(?!(?:and|de|van|von|du|da|le|la|of)\b)[a-z]")


def _roll_call(text: str, base: int) -> list[Person]:
    """The members a paragraph with no label lists, as a roll call gives them; [] when it is no roll call.

    "Councillors A Example (Chair), B Sample and C Test": a list of names opening
    with a title (or, untitled, whose first entry is the chair's: "A Example
    (Chair), B Sample, C Test"), every entry of it a person, two or more (three
    untitled); or the chair's line "Councillor A Example in the Chair.".  A
    sentence, a title block or a list with an office in it is not one.
    """
    flat = text.replace("\n", " ")
    if len(flat) > 1500 or not flat.strip():
        return []
    # "in the Chair" outside brackets ("A Example (in the Chair), …" is a list's note).
    chair = _IN_CHAIR.search(re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), flat))
    if chair is not None:
        # "Councillor A Example in the Chair." (or "A Example in the Chair"): the chair, present.
        if flat[chair.end() :].strip(" .") or _PROSE.search(flat[: chair.start()]):
            return []
        name = flat[: chair.start()].rstrip(" ,")
        if _NOT_NAME.search(_without_brackets(name)) or not 2 <= len(name.split()) <= 6:
            return []
        people = people_in_text(name, base, AttendanceKind.PRESENT)
        return people if len(people) == 1 else []
    if _is_prose(flat) or flat.rstrip().endswith(":"):
        return []
    plural = _PLURAL.match(flat)
    titled = plural is not None or _HONORIFIC_START.match(flat) is not None
    body = flat[plural.end() :] if plural else flat
    groups = _entry_groups(body, AttendanceKind.PRESENT, plural is not None)
    if not titled:
        first = body[groups[0][0] : groups[0][1]] if groups else ""
        if len(groups) < 3 or _CHAIR_NOTE.search(first) is None:
            return []
    if len(groups) < 2 or any(office for _, _, office in groups):
        return []
    for start, end, _ in groups:
        bare = _CHAIR_NOTE.sub(" ", _without_brackets(body[start:end]))
        if _NOT_NAME.search(bare) or _ROLE_TOKEN.search(bare):
            return []  # a lower-case word, a figure or an office: "Jo Example, Head of Housing"
    people = people_in_text(flat, base, AttendanceKind.PRESENT)
    return people if len(people) == len(groups) else []


def _inline_lists(text: str, base: int, vocab: Patterns) -> list[Person]:
    """Attendance lists written inside a paragraph, after labels such as "Present:-" or "APOLOGIES:"."""
    labels = list(vocab.attendance_inline.finditer(text))
    people: list[Person] = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        kind = _label_kind(m)
        segment = text[m.end() : end]
        if "," in segment or ";" in segment:
            stop = _LIST_END.search(segment)
            segment = segment[: stop.start()] if stop else segment
            for person in people_in_text(segment, base + m.end(), kind):
                if kind is AttendanceKind.ALSO_ATTENDING:
                    person = attrs.evolve(person, kind=_visitor_or_officer(person, person.name))
                people.append(person)
        else:
            people.extend(_titled_run(segment, base + m.end(), kind))
    return people


_P_TITLE = (
    r"(?:(?:Councillor|Cllr|Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Reverend|Revd|Canon|PCSO|(?:Detective\s+)?(?:Chief\s+)?"
    r"(?:Inspector|Superintendent|Sergeant|Constable))\.?\s+)"
)
_P_WORD = r"[A-Z][\w'’-]+"
_P_NAME = rf"(?:{_P_TITLE}{{1,2}}{_P_WORD}(?:\s+{_P_WORD}){{0,2}}|{_P_WORD}(?:\s+{_P_WORD}){{1,2}})"
_P_APPOSITION = r"[^,;.()]{3,90}"
_SPOKE = (
    r"(?:said|presented|introduced|explained|outlined|gave|reported|replied|responded|questioned|confirmed|added"
    r"|stated|attended|addressed|spoke|answered|informed|highlighted|described|updated|advised|summarised)\b"
)
#: "Jo Example, Head of X at the Trust, presented …", "… and Sam Sample, its Lead, presented".
_NAMED_SPEAKERS = rx.compile(
    rf"(?P<p1>{_P_NAME}),\s+(?P<a1>{_P_APPOSITION}),\s+(?:and\s+(?P<p2>{_P_NAME}),\s+(?P<a2>{_P_APPOSITION}),\s+)?"
    rf"{_SPOKE}"
)
#: "the Portfolio Holder for X, Councillor Jo Example, said …".
_CABINET_SPEAKER = rx.compile(
    r"\b(?:Portfolio\s+Holder|Cabinet\s+Member|Executive\s+Member|Lead\s+Member|Leader\s+of\s+the\s+Council"
    rf"|Deputy\s+Leader)\b[^,.;]{{0,80}},\s+(?P<p1>(?:Councillor|Cllr)\.?\s+{_P_WORD}(?:\s+{_P_WORD}){{0,2}}),"
)
_WELCOMED = rx.compile(
    r"\bwelcomed\s+(?P<list>[^.]{5,400}?)(?:\s+to\s+the\s+(?:meeting|panel|committee)|:|\.(?:\s|$))"
)
_PROSE_ATTENDED = rx.compile(
    rf"(?P<p1>{_P_NAME})(?:\s+(?:of|from)\s+[^,.;]{{3,80}}?)?\s+attended\b(?!\s+as\s+(?:a\s+)?substitute)"
)
_MEMBER_APPOSITION = rx.compile(r"\b(?:chair|vice|member\s+of\s+the|ward\s+member)", re.I)
_FROM_OUTSIDE = rx.compile(rf"\b(?:its|their)\b|{_OUTSIDE_BODY.pattern}", re.I)


def _staff_apposition(apposition: str, name: str) -> bool:
    """Whether "Jo Example, <apposition>," reads as council staff (named in prose, not a visitor)."""
    if _COUNCILLOR.match(name):
        return False
    return bool(_OFFICE_OF_STAFF.search(apposition)) and not _FROM_OUTSIDE.search(apposition)


_AFTER_OK = rx.compile(r"(?:^|[.;:!?]\s*|\n\s*|\b(?:and|by|from|with|In\s+response,?)\s+)$")


def _prose_person(text: str, base: int, start: int, end: int) -> Person | None:
    if not _AFTER_OK.search(text[max(0, start - 20) : start]):
        return None  # mid-phrase: "… the Dunmere Teaching Hospitals …"
    person = _person(text[start:end], base + start, AttendanceKind.ALSO_ATTENDING, None)
    if person is None or (person.honorific is None and len(person.name.split()) < 2):
        return None
    return person


#: Words one of which each prose pattern holds (as written, case and all): a text holding
#: none of them is not searched at all.  (Both tables are keyed by the patterns' ids: hashing
#: a compiled pattern hashes its whole code, on every lookup.)
_NEEDS: dict[int, tuple[str, ...]] = {
    id(_WELCOMED): ("welcomed",),
    id(_CABINET_SPEAKER): ("Holder", "Member", "Leader"),
    id(_PROSE_ATTENDED): ("attended",),
}
#: The word each prose pattern must end on (or start with), found first so the pattern runs only near it.
_TRIGGERS: dict[int, re.Pattern[str]] = {
    id(_NAMED_SPEAKERS): rx.compile(rf",\s+{_SPOKE}"),
    id(_PROSE_ATTENDED): rx.compile(r"\battended\b"),
}
_REACH = 420
"""Longer than any match of a prose pattern before its trigger word."""


def _matches_near(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """The matches of ``pattern`` at its trigger words, searching only around each one.

    The search runs from :data:`_REACH` characters before a trigger to 40
    after it, so a look-ahead ("not as a substitute") still sees its words.
    """
    needs = _NEEDS.get(id(pattern))
    if needs is not None and not any(word in text for word in needs):
        return
    trigger = _TRIGGERS.get(id(pattern))
    if trigger is None:
        yield from pattern.finditer(text)
        return
    seen: set[int] = set()
    for t in trigger.finditer(text):
        for m in pattern.finditer(text, max(0, t.start() - _REACH), t.end() + 40):
            if m.start() not in seen:
                seen.add(m.start())
                yield m


def _visitors_in_prose(text: str, base: int) -> list[Person]:
    """Visitors the minutes name in prose.

    The people welcomed to the meeting ("The Chair welcomed Dr Jo Example,
    Medical Director, and …", or "welcomed the following witnesses:" over a
    table), people introduced with their office as they speak ("Jo Example,
    Chief Executive of the Trust, presented …"), a cabinet member named as
    they answer, and a named person who "attended" (not as a substitute).
    """
    found: list[Person] = []
    for m in _matches_near(_WELCOMED, text):
        if m.group(0).endswith(":"):
            after = text[m.end() :]
            for line in after.split("\n")[:20]:
                cells = [c.strip() for c in line.split("|")]
                if len(cells) < 2 or not cells[0] or cells[0].casefold() == "name":
                    if found and not line.strip().strip("\u00a0"):
                        continue
                    continue
                at = base + m.end() + after.find(line)
                person = _person(cells[0], at, AttendanceKind.ALSO_ATTENDING, None)
                if person is not None and (person.honorific or len(person.name.split()) >= 2):
                    found.append(person)
            continue
        for person in people_in_text(m.group("list"), base + m.start("list"), AttendanceKind.ALSO_ATTENDING):
            if person.honorific is not None or len(person.name.split()) >= 2:
                found.append(person)
    for pattern in (_NAMED_SPEAKERS, _CABINET_SPEAKER, _PROSE_ATTENDED):
        for m in _matches_near(pattern, text):
            for k in ("1", "2"):
                name = m.groupdict().get("p" + k)
                if name is None:
                    continue
                apposition = m.groupdict().get("a" + k)
                if apposition and (
                    _MEMBER_APPOSITION.search(apposition) or _staff_apposition(apposition, name)
                ):
                    continue
                if pattern is _CABINET_SPEAKER:
                    person = _person(name, base + m.start("p1"), AttendanceKind.ALSO_ATTENDING, None)
                else:
                    person = _prose_person(text, base, m.start("p" + k), m.end("p" + k))
                if person is not None:
                    found.append(person)
    return found


def _item_visitors(item: AgendaItem, source: str) -> list[Person]:
    """Visitors named in prose in an item's minutes (and a minute run on into its heading)."""
    found: list[Person] = []
    for h in item.heading:
        if isinstance(h, Heading):
            found.extend(_visitors_in_prose(source[h.span.start : h.span.end], h.span.start))
    blocks = item.minutes
    if blocks:
        start, end = blocks[0].span.start, blocks[-1].span.end
        found.extend(_visitors_in_prose(source[start:end], start))
    return found


# ---------------------------------------------------------------------------
# Front matter
# ---------------------------------------------------------------------------


def _group_attendance(blocks: Sequence[Block], source: str) -> list[Block]:
    """Fold the paragraphs that follow an attendance label into its block.

    A note in brackets on the next line goes on the entry it wraps ("… and Mr Jo
    Example" / "(General Counsel)"): it becomes a line of the block, as written.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(prev, AttendanceBlock)
            and isinstance(block, Note)
            and source[prev.span.end : block.span.start] == "\n"
            and source[prev.span.start : prev.span.end].rstrip()[-1:].isalpha()
        ):
            written = source[block.span.start : block.span.end]
            block = Paragraph(span=block.span, text=" ".join(written.split()))
        if isinstance(prev, AttendanceBlock) and isinstance(block, Paragraph):
            out[-1] = attrs.evolve(
                prev, span=Span(start=prev.span.start, end=block.span.end), lines=(*prev.lines, block)
            )
        else:
            out.append(block)
    return out


# ---------------------------------------------------------------------------


def _item_lines(item: AgendaItem) -> Iterable[Heading | Paragraph]:
    """The item's own lines of text: its agenda text and its sections' paragraphs."""
    yield from (b for b in item.agenda if isinstance(b, (Heading, Paragraph)))
    for section in item.sections:
        yield from (b for b in section.blocks if isinstance(b, (Heading, Paragraph)))


def _texts(blocks: Iterable[Block]) -> Iterable[Paragraph]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Resolution):
            yield block.intro
            yield from block.body


#: A paragraph whose last sentence has not ended (no stop, colon or bracket at its end).
_RUNS_ON = rx.compile(r"[\w,]\s*\Z")


def _finish_item(
    item: AgendaItem, source: str, apologies: list[Person] | None, vocab: Patterns
) -> tuple[AgendaItem, list[Person] | None]:
    kind = _classify_item(item.title)
    minutes = item.minutes
    previous_date: datetime.date | None = None
    previous_agreed: bool | None = None
    if kind is ItemKind.PREVIOUS_MINUTES:
        previous_date = parse_date(item.title)
        for p in _texts(minutes):
            if previous_date is None:
                previous_date = parse_date(p.text)
            if _AGREED.search(p.text):
                previous_agreed = True
        if any(_AGREED.search(o.text) for o in item.outcomes()):
            previous_agreed = True
    if kind is ItemKind.APOLOGIES:
        # The minute may run on in the heading: "611  APOLOGIES – Apologies … were received from …".
        listed = _listed(item, source, vocab)  # names under "Present:" are no bare list of apologies
        # A list under another label ("Committee Members:" / "Cllrs …") names who attended.
        others = {
            id(after)
            for before, after in itertools.pairwise(minutes)
            if isinstance(before, AttendanceBlock)
            and before.kind is not AttendanceKind.APOLOGIES
            and len(before.lines) == 1
            and _label_alone(before.lines[0].text, vocab)
        }
        texts: list[Heading | Paragraph] = [
            *(h for h in item.heading if isinstance(h, Heading)),
            *(p for p in _texts(minutes) if id(p) not in others or "pologi" in p.text),
        ]
        for k, node in enumerate(texts):
            if _NO_APOLOGIES.search(node.text):
                apologies = apologies or []
            written = source[node.span.start : node.span.end]
            after = texts[k + 1] if k + 1 < len(texts) else None
            if isinstance(node, Paragraph) and isinstance(after, Paragraph) and _RUNS_ON.search(node.text):
                # A sentence cut by a page break runs on in the next paragraph: "… Mr Jo" / "Example, …";
                # the break is read as a space (offsets unchanged).
                gap = after.span.start - node.span.end
                written += " " * gap + source[after.span.start : after.span.end]
            found = _apologies_from_text(
                written,
                node.span.start,
                under_heading=not isinstance(node, Heading) and node.span.start not in listed,
            )
            if found:
                apologies = (apologies or []) + found
    officers = [p for p in _item_people(item, source, vocab) if p.kind is AttendanceKind.OFFICER]
    finished = attrs.evolve(
        item,
        kind=kind,
        previous_minutes_date=previous_date,
        previous_minutes_agreed=previous_agreed,
        officers=tuple(officers),
    )
    return finished, apologies


def _item_people(item: AgendaItem, source: str, vocab: Patterns) -> list[Person]:
    """The people of the officer lists inside an item ("The following officers were in attendance")."""
    found: list[Person] = []
    for node in _item_blocks(item, source, vocab):
        if isinstance(node, AttendanceBlock) and node.kind is AttendanceKind.OFFICER:
            found.extend(_block_people(node, source, vocab))
    return found


def _item_attendance(item: AgendaItem, source: str, vocab: Patterns) -> list[Person]:
    """The people of an item's attendance lists but its officer lists (those are the item's own)."""
    found: list[Person] = []
    for node in _item_blocks(item, source, vocab):
        if isinstance(node, AttendanceBlock) and node.kind is not AttendanceKind.OFFICER:
            found.extend(_block_people(node, source, vocab))
    return found


def _item_blocks(item: AgendaItem, source: str, vocab: Patterns) -> list[Block]:
    """An item's blocks, a label alone on its line ("Present:-", "PRESENT      IN ATTENDANCE") joined by
    the paragraph of names under it."""
    out: list[Block] = []
    for block in (*item.agenda, *(b for s in item.sections for b in s.blocks)):
        prev = out[-1] if out else None
        if (
            isinstance(prev, AttendanceBlock)
            and isinstance(block, Paragraph)
            and (
                (len(prev.lines) == 1 and _label_alone(prev.lines[0].text, vocab))
                or (
                    prev.kind is AttendanceKind.PRESENT
                    and bool(_roll_call(source[block.span.start : block.span.end].split("\n", 1)[0], 0))
                )
                # a list under a label of its own: "Co-opted members: Mrs Jo Example (…)"
                or (_OWN_LABEL.match(block.text) is not None and _COOPTEE.match(block.text) is not None)
            )
        ):
            out[-1] = attrs.evolve(
                prev, span=Span(start=prev.span.start, end=block.span.end), lines=(*prev.lines, block)
            )
        else:
            out.append(block)
    return out


def _label_alone(text: str, vocab: Patterns) -> bool:
    """Whether a line is an attendance label with no names after it (perhaps two, for two columns)."""
    return (
        _LABEL_ALONE.fullmatch(text) is not None
        or vocab.attendance_label.fullmatch(text) is not None
        or vocab.attendance_two_labels.fullmatch(text) is not None
    )


def _listed(item: AgendaItem, source: str, vocab: Patterns) -> set[int]:
    """The starts of an item's paragraphs that :func:`_item_blocks` joins to a list of those present."""
    return {
        line.span.start
        for block in _item_blocks(item, source, vocab)
        if isinstance(block, AttendanceBlock) and block.kind is AttendanceKind.PRESENT
        for line in block.lines[1:]
    }


_LABEL_ALONE = rx.compile(r"[^:\n]{1,60}:-?\s*")


def _figures(nodes: Iterable[object], source: str) -> tuple[Figure, ...]:
    """Money, percentages and counts in the text each textual node owns, in order."""
    found: list[Figure] = []
    for node in nodes:
        if not isinstance(node, TEXTUAL_NODES):
            continue
        span: Span = node.span  # type: ignore[attr-defined]
        kids = getattr(node, "points", ())
        end = kids[0].span.start if kids else span.end
        text = source[span.start : end]
        for kind, finder in ((FigureKind.MONEY, find_money), (FigureKind.PERCENTAGE, find_percentages)):
            for start, stop, value in finder(text):
                after = counted_after(
                    text, stop, of_only=kind is FigureKind.PERCENTAGE, money=kind is FigureKind.MONEY
                )
                if after is not None:
                    stop = after[1]
                found.append(
                    Figure(
                        span=Span(start=span.start + start, end=span.start + stop),
                        kind=kind,
                        value=value,
                        text=text[start:stop],
                        unit=after[0] if after is not None else None,
                    )
                )
        for start, stop, value, unit in find_counts(text):
            found.append(
                Figure(
                    span=Span(start=span.start + start, end=span.start + stop),
                    kind=FigureKind.COUNT,
                    value=value,
                    text=text[start:stop],
                    unit=unit,
                )
            )
    found.sort(key=lambda f: (f.span.start, f.span.end))  # Span's order, without its tuple-building __lt__
    return tuple(found)


_LABEL_WORDS = rx.compile(
    r"^(?:(?:unanimously|it was)\s+)?(?:resolved|decision|decided|agreed|recommended)\b"
    r"[\s:;,.\-\u2013\u2014]*(?:that\b)?",
    re.IGNORECASE,
)


def _outcome_key(outcome: Outcome) -> str:
    """An outcome's words and points, folded, without the label that opens them."""
    words = " ".join([outcome.text, *(p.text for p in outcome.points)]).casefold()
    words = _LABEL_WORDS.sub("", " ".join(words.split()))
    return re.sub(r"[^a-z0-9]+", " ", words).strip()


def _mark_duplicates(item: AgendaItem) -> AgendaItem:
    """Mark each outcome whose words the item already recorded (a Decision block
    repeated by the minutes); both stay, the later one is the duplicate."""
    outcomes = item.outcomes()
    if len(outcomes) < 2:
        return item
    seen: set[str] = set()
    marked: dict[int, Outcome] = {}
    for outcome in outcomes:
        key = _outcome_key(outcome)
        if len(key) >= 12 and key in seen:
            marked[id(outcome)] = attrs.evolve(outcome, duplicate=True)
        seen.add(key)
    if not marked:
        return item

    def swap(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(marked.get(id(b), b) for b in blocks)

    return attrs.evolve(
        item,
        agenda=swap(item.agenda),
        sections=tuple(attrs.evolve(s, blocks=swap(s.blocks)) for s in item.sections),
    )


def assemble(
    tree: ParsedTree, source: str, encoding: str | None = None, vocab: Patterns | None = None
) -> Document:
    """Build the document from the transformer's result (``vocab``: the vocabulary it was parsed with)."""
    vocab = vocab or default_patterns()
    front = _group_attendance(tree.front_matter, source)
    people: dict[AttendanceKind, list[Person]] = {k: [] for k in AttendanceKind}
    apologies: list[Person] | None = None
    for block in front:
        if isinstance(block, AttendanceBlock):
            found = _block_people(block, source, vocab)
            if block.kind is AttendanceKind.APOLOGIES:
                apologies = apologies or []
            for person in found:
                if person.kind is AttendanceKind.APOLOGIES:
                    apologies = [*(apologies or []), person]
                elif person.kind is not AttendanceKind.ABSENT:
                    people[person.kind].append(person)
        elif isinstance(block, Paragraph):
            written = source[block.span.start : block.span.end]
            found = _apologies_from_text(written, block.span.start)
            if found:
                apologies = (apologies or []) + found
            elif _NO_APOLOGIES.search(block.text):
                apologies = apologies or []
            listed = _inline_lists(written, block.span.start, vocab)
            if not listed and not found and len(people[AttendanceKind.PRESENT]) <= 1:
                # No label: a roll call of the members, or the chair's line, before any list of them.
                listed = _roll_call(written, block.span.start)
            for person in listed:
                if person.kind is AttendanceKind.APOLOGIES:
                    apologies = [*(apologies or []), person]
                elif person.kind is not AttendanceKind.ABSENT:
                    people[person.kind].append(person)
    items: list[AgendaItem] = []
    for item in tree.items:
        item, apologies = _finish_item(item, source, apologies, vocab)
        items.append(item)
        people[AttendanceKind.OFFICER].extend(item.officers)
        people[AttendanceKind.ALSO_ATTENDING].extend(
            p for p in _item_people(item, source, vocab) if p.kind is AttendanceKind.ALSO_ATTENDING
        )
    if not people[AttendanceKind.PRESENT]:
        # No list in the front matter: a meeting page may give it in its first item's minutes.
        for item in items[:2]:
            for person in _item_attendance(item, source, vocab):
                if person.kind is AttendanceKind.APOLOGIES:
                    apologies = [*(apologies or []), person]
                elif person.kind is not AttendanceKind.ABSENT:
                    people[person.kind].append(person)
    if apologies is not None:
        apologies = _unique(apologies)
    known = {
        key
        for p in (*(q for k in people.values() for q in k), *(apologies or ()))
        for key in (_fold(p.name), _fold(p.name.split()[-1]) if p.name.split() else "")
    }
    for item in items:
        for person in _item_visitors(item, source):
            if _fold(person.name) not in known and _fold(person.name.split()[-1]) not in known:
                known.add(_fold(person.name))
                people[AttendanceKind.ALSO_ATTENDING].append(person)
    for kind in (AttendanceKind.PRESENT, AttendanceKind.ALSO_ATTENDING):
        people[kind] = _unique(people[kind])  # "Mr Jo Example in the Chair" after the list names them again
    attendance = Attendance(
        present=tuple(people[AttendanceKind.PRESENT]),
        co_optees=tuple(people[AttendanceKind.CO_OPTEE]),
        also_attending=tuple(people[AttendanceKind.ALSO_ATTENDING]),
        officers=tuple(people[AttendanceKind.OFFICER]),
        apologies=None if apologies is None else tuple(apologies),
        substitutes=tuple(people[AttendanceKind.SUBSTITUTE]),
    )
    is_item_page = bool(items) and any(
        isinstance(n, Marker) and n.kind is MarkerKind.AGENDA_ITEM_BANNER for n in items[0].heading
    )
    # An agenda-item page prints the meeting's own line under its banner.
    page_lines = [n for n in items[0].heading if isinstance(n, Heading)][:-1] if is_item_page else []
    meeting = read_meeting(
        [*front, *page_lines], tree.closing, vocab, (n for it in items for n in _item_lines(it)), source
    )
    # Proceedings: exchanges, stances, commitments, references and votes (_proceedings.py).
    items = [_mark_duplicates(proceedings(item, source, attendance, meeting.date, vocab)) for item in items]
    # The same read before the first item and after the close (build/outside.py).
    front_proceedings = outside_proceedings(front, source, attendance, meeting, vocab)
    closing_proceedings = outside_proceedings(tree.closing, source, attendance, meeting, vocab)
    # Every node in Document.walk order, walked once for the figures and the truncation check.
    nodes = [node for root in (*front, *items, *tree.closing) for node in walk(root)]
    doc = Document(
        source=source,
        kind=DocumentKind.AGENDA_ITEM if is_item_page else DocumentKind.MEETING,
        meeting=meeting,
        attendance=attendance,
        front_matter=tuple(front),
        front_matter_proceedings=front_proceedings,
        items=tuple(items),
        closing=tuple(tree.closing),
        closing_proceedings=closing_proceedings,
        figures=_figures(nodes, source),
        encoding=encoding,
    )
    return attrs.evolve(doc, truncated=True) if truncated_at(doc, nodes) is not None else doc
