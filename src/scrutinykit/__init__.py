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

from typing import TYPE_CHECKING

from ._errors import (
    GrammarError,
    InternalError,
    MissingFileError,
    NotMinutesError,
    NotTextError,
    ParseError,
    ScrutinyKitError,
    SerialisationError,
    TimeLimitError,
    WorkerDiedError,
)
from ._extras import MissingExtraError
from ._load_model import _model  # noqa: F401 - first, so the model's classes are made with stored code
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
    Proceedings,
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

if TYPE_CHECKING:
    from ._api import parse, parse_bytes, parse_file
    from .io.batch import parse_many
    from .io.serialise import SCHEMA_VERSION, configure_converter, dump, dumps, loads, make_converter, to_dict
    from .io.tables import COLUMNS, document_id, table_rows, tables, write_parquet
    from .parsing.loader import grammar_dir
    from .views.check import Finding, check
    from .views.show import DocumentView, show

    __version__: str

# The parser (lark), JSON (cattrs), tables, checks and batches are imported
# when one of their names is first used, so that ``import scrutinykit`` costs
# little more than the model; the names are the same objects as before.
_LAZY: dict[str, str] = {
    "parse": "_api",
    "parse_bytes": "_api",
    "parse_file": "_api",
    "parse_many": "io.batch",
    "Finding": "views.check",
    "check": "views.check",
    "grammar_dir": "parsing.loader",
    "SCHEMA_VERSION": "io.serialise",
    "configure_converter": "io.serialise",
    "dump": "io.serialise",
    "dumps": "io.serialise",
    "loads": "io.serialise",
    "make_converter": "io.serialise",
    "to_dict": "io.serialise",
    "DocumentView": "views.show",
    "show": "views.show",
    "COLUMNS": "io.tables",
    "document_id": "io.tables",
    "table_rows": "io.tables",
    "tables": "io.tables",
    "write_parquet": "io.tables",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is not None:
        import importlib

        from .parsing.patterns import cached_class_code

        with cached_class_code():  # the classes of the modules it imports are made with stored code
            value: object = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value  # the next look-up is an ordinary attribute
        return value
    # __version__ comes from the installed package's metadata, read on first
    # use: importlib.metadata costs more than the rest of the import.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("scrutinykit")
        except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
            return "0+unknown"
    raise AttributeError(f"module 'scrutinykit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _repr_html_(self: object) -> str:
    """The notebook view (an HTML outline), written by :mod:`scrutinykit.views.display` on first use."""
    from .views.display import repr_html

    return repr_html(self)


# Jupyter shows an object by its _repr_html_.  The method is attached here,
# not written in the model, so the model stays free of presentation, and the
# renderer (and the html module) load only when a notebook asks.
_DISPLAYED: tuple[type, ...] = (
    Document,
    AgendaItem,
    Resolution,
    Recommendation,
    Conclusion,
    Agreement,
    Decision,
)
for _cls in _DISPLAYED:
    _cls._repr_html_ = _repr_html_  # type: ignore[attr-defined]
del _cls


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
    "DocumentView",
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
    "MissingFileError",
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
    "Proceedings",
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
    "TimeLimitError",
    "Vote",
    "VoteResult",
    "WorkerDiedError",
    "__version__",
    "check",
    "configure_converter",
    "document_id",
    "dump",
    "dumps",
    "grammar_dir",
    "is_outcome",
    "loads",
    "make_converter",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_many",
    "show",
    "table_rows",
    "tables",
    "to_dict",
    "walk",
    "write_parquet",
]
