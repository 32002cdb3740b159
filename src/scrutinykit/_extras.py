"""Optional dependencies: import them, or say which extra installs them.

HTML pages need ``lxml`` (``pip install 'scrutinykit[html]'``) and PDFs need
``pypdfium2`` (``pip install 'scrutinykit[pdf]'``).  They are imported only when
such a file is read, so plain text needs neither.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ._errors import ScrutinyKitError

__all__ = ["MissingExtraError", "import_extra"]


class MissingExtraError(ScrutinyKitError):
    """A file needs an optional dependency that is not installed.

    The message names the extra that installs it, e.g.
    ``pip install 'scrutinykit[pdf]'``.
    """


def import_extra(module: str, extra: str, what: str, *, source: str | None = None) -> ModuleType:
    """Import ``module``, or raise :class:`MissingExtraError` naming ``extra``.

    ``what`` says what was being read (``"an HTML page"``), for the message.
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(
            f"reading {what} needs the {module.split('.')[0]} package, which is not installed:"
            f" pip install 'scrutinykit[{extra}]'",
            source=source,
        ) from exc
