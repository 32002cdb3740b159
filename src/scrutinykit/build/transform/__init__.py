"""Turn the grammar's parse tree into model nodes: :class:`MinutesTransformer`.

One method per grammar rule, named after it, grouped by grammar section into
mixin classes, one module each (see ``docs/design.md``); what other modules
import is re-exported here.
"""

from .base import FrontMatter, HeadingInfo, ParsedTree
from .transformer import MinutesTransformer

__all__ = ["FrontMatter", "HeadingInfo", "MinutesTransformer", "ParsedTree"]
