"""The model module, imported with its classes' methods compiled through the pattern store.

attrs writes the methods of every class of :mod:`scrutinykit._model` as
source and compiles it, about a tenth of a cold start; the pattern store
keeps those code objects (the file written at install has them) under the
source each was compiled from (:func:`.parsing.patterns.cached_class_code`).
The model itself imports only attrs and the standard library: this module,
which the package imports before it, is where the store comes in.
"""

from __future__ import annotations

import attrs  # noqa: F401 - imported first, for its compiling to be seen

from .parsing.patterns import cached_class_code

with cached_class_code():
    from . import _model

__all__ = ["_model"]
