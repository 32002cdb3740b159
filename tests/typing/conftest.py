"""``api.py`` here is for mypy only (see ``tests/test_typing.py``): pytest must not import it."""

collect_ignore = ["api.py"]
