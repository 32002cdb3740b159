"""Stage 5, proceedings: who asked, who answered, who must act and by when (``grammar/proceedings.lark``).

Internal: the public API is ``scrutinykit``'s.
"""
