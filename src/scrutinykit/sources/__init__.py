"""Stage 1, sources: bytes, HTML pages and PDFs made into text (with pages, links and furniture).

A source never parses: it hands text to :func:`scrutinykit.parse`.  A new input
format goes here, as one module.  Internal: the public API is ``scrutinykit``'s.
"""
