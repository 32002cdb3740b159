"""Attendance: who was present, who sent apologies, who attended — one module a layout.

* :mod:`.labelled` — the blocks the grammar finds under a label ("Present:",
  "Apologies:", "In attendance:"), line by line, and the driver of the others;
* :mod:`.wrapped` — one list broken over lines, names run together;
* :mod:`.columns` — two lists side by side, flattened into one line a row;
* :mod:`.roll_calls` — a paragraph with no label that only lists members;
* :mod:`.inline_lists` — lists inside a paragraph after "Present:-" and the like;
* :mod:`.apologies` — "Apologies were received from …", "No apologies";
* :mod:`.prose` — visitors the minutes name in running text;

with :mod:`.entries` (one entry read into people; which list a label starts)
shared by all.  A new attendance layout is a module beside these, called
from :mod:`.labelled` (or, for a paragraph outside any block, from
:func:`scrutinykit.build.assemble.assemble`); a new label is a phrase in
``grammar/vocabulary``; a new name form is :mod:`scrutinykit.build.readers.names`.
"""
