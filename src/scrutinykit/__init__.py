"""scrutinykit: UK council committee minutes as a typed model.

Parse the minutes of overview and scrutiny committees (ModernGov pages,
written minutes) into attrs objects — the meeting, attendance, agenda items,
resolutions, recommendations and conclusions — every node with its span in
the source text, and serialise them to JSON with cattrs::

    import scrutinykit
    doc = scrutinykit.parse_file("minutes.txt")
    for outcome in doc.outcomes():
        print(type(outcome).__name__, outcome.text or outcome.points[0].text)
    json_text = scrutinykit.dumps(doc)
"""

from __future__ import annotations

from . import _display  # noqa: F401 - attaches _repr_html_ to the model classes
from ._api import parse, parse_bytes, parse_file
from ._batch import parse_many
from ._check import Finding, check
from ._errors import (
    GrammarError,
    InternalError,
    NotMinutesError,
    NotTextError,
    ParseError,
    ScrutinyKitError,
    SerialisationError,
)
from ._extras import MissingExtraError
from ._grammar import grammar_dir
from ._model import (
    AgendaItem,
    Agreement,
    Attendance,
    AttendanceBlock,
    AttendanceKind,
    Block,
    BudgetProposal,
    Commitment,
    CommitmentKind,
    Conclusion,
    Decision,
    Document,
    DocumentKind,
    Due,
    DueKind,
    Exchange,
    Figure,
    FigureKind,
    Furniture,
    Heading,
    InputFormat,
    ItemKind,
    ItemSection,
    Link,
    Marker,
    MarkerKind,
    Meeting,
    MeetingEnd,
    Note,
    Outcome,
    Page,
    Paragraph,
    Person,
    Point,
    PointList,
    Recommendation,
    Reference,
    ReferenceKind,
    Resolution,
    ScrutinyQuestions,
    SectionKind,
    Span,
    Speaker,
    SpeakerKind,
    Stance,
    StanceKind,
    Statement,
    StatementKind,
    Vote,
    VoteResult,
    is_outcome,
    walk,
)
from ._serialise import SCHEMA_VERSION, configure_converter, dumps, loads, make_converter, to_dict
from ._tables import COLUMNS, document_id, table_rows, tables, write_parquet


def __getattr__(name: str) -> str:
    # __version__ comes from the installed package's metadata, read on first
    # use: importlib.metadata costs more than the rest of the import.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("scrutinykit")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            return "0+unknown"
    raise AttributeError(f"module 'scrutinykit' has no attribute {name!r}")


__all__ = [
    "COLUMNS",
    "SCHEMA_VERSION",
    "AgendaItem",
    "Agreement",
    "Attendance",
    "AttendanceBlock",
    "AttendanceKind",
    "Block",
    "BudgetProposal",
    "Commitment",
    "CommitmentKind",
    "Conclusion",
    "Decision",
    "Document",
    "DocumentKind",
    "Due",
    "DueKind",
    "Exchange",
    "Figure",
    "FigureKind",
    "Finding",
    "Furniture",
    "GrammarError",
    "Heading",
    "InputFormat",
    "InternalError",
    "ItemKind",
    "ItemSection",
    "Link",
    "Marker",
    "MarkerKind",
    "Meeting",
    "MeetingEnd",
    "MissingExtraError",
    "NotMinutesError",
    "NotTextError",
    "Note",
    "Outcome",
    "Page",
    "Paragraph",
    "ParseError",
    "Person",
    "Point",
    "PointList",
    "Recommendation",
    "Reference",
    "ReferenceKind",
    "Resolution",
    "ScrutinyKitError",
    "ScrutinyQuestions",
    "SectionKind",
    "SerialisationError",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Stance",
    "StanceKind",
    "Statement",
    "StatementKind",
    "Vote",
    "VoteResult",
    "__version__",
    "check",
    "configure_converter",
    "document_id",
    "dumps",
    "grammar_dir",
    "is_outcome",
    "loads",
    "make_converter",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "table_rows",
    "tables",
    "to_dict",
    "walk",
    "write_parquet",
]
