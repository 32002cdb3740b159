"""Stage 3, parsing: the grammar (``grammar/*.lark``), its vocabulary and the LALR parser over them.

:mod:`.vocabulary` reads the phrase lists of ``grammar/vocabulary/`` (a new
phrasing goes there, as one line of a file); :mod:`.loader` finds the grammar
and builds the parser (the standalone module written at install, or Lark);
:mod:`.standalone` writes that module; :mod:`.tokens` has its lexers make tokens
that hold their text once; :mod:`.patterns` keeps compiled regular
expressions between processes.  Internal: the public API is ``scrutinykit``'s.
"""
