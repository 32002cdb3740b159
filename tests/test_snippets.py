"""Small invented snippets, one per reading rule (no text here comes from a real council)."""

from __future__ import annotations

import scrutinykit
from scrutinykit import Resolution


def _items(text: str) -> list[tuple[str | None, str]]:
    return [(i.minute_number, i.title) for i in scrutinykit.parse(text).items]


def test_item_numbers_are_kept_as_written() -> None:
    """A number alone on its line keeps its full stop; so does one before an upper-case title."""
    text = (
        "Minutes of the Parks Panel\n\n"
        "17.\n\nTree Planting Strategy\n\nThe Panel noted the strategy.\n\n"
        "18. PLAY AREAS – The Panel received an update.\n"
    )
    assert [number for number, _ in _items(text)] == ["17.", "18."]


def _resolutions(text: str) -> list[Resolution]:
    return [o for o in scrutinykit.parse(text).outcomes() if isinstance(o, Resolution)]
