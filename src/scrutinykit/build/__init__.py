"""Stage 4, build: the parse tree made into the model.

:mod:`.transform` has one method per grammar rule; :mod:`.assemble` puts the
document together (meeting, attendance, items); :mod:`.inline` reads the values
inside a line (names, dates, times, numbers); :mod:`.detect` tells minutes from
the other pages councils publish.  Internal: the public API is ``scrutinykit``'s.
"""
