"""Stage 4, build: the parse tree made into the model.

:mod:`.transform` has one method per grammar rule; :mod:`.assemble` (the driver) puts the
document together (meeting, :mod:`.attendance` one module a layout, :mod:`.items`,
:mod:`.figures`); :mod:`.readers` reads the values inside a line (names,
dates, times, numbers), one module a kind; :mod:`.detect` tells minutes from
the other pages councils publish.  Internal: the public API is ``scrutinykit``'s.
"""
