"""Input and output for other programs: JSON (cattrs), its schema, tables and Parquet, batches.

Internal: the public API is ``scrutinykit``'s.
"""
