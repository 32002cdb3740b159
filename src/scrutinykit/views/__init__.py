"""What a person reads: the notebook outline, the annotated HTML view and ``check``'s warnings.

Internal: the public API is ``scrutinykit``'s.
"""
