"""Stage 2, layout: text made regular for a line-level grammar.

:mod:`.normalise` (line ends, spaces, quotes, invisible characters) and
:mod:`.lines` (hard-wrapped lines reflowed, flattened pages split at their
structure), each with its guarantees in its docstring and an offset map back to
the source.  Internal: the public API is ``scrutinykit``'s.
"""
