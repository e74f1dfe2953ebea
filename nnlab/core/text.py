"""Messages with placeholders, in the form of Qt's translations (``%1`` … ``%9``), so that
core can word a message the window can also translate, and both fill it the same way."""

from __future__ import annotations

import re


def fill(template: str, *values) -> str:
    """``template`` (translated, with Qt's ``%1`` … ``%9``) with ``values`` in their places.

    All places are filled in one pass, so a value that itself contains "%2" stays as it is
    (chained ``.replace`` calls would fill it in too)."""
    def place(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)
    return _PLACE.sub(place, template)


_PLACE = re.compile(r"%([1-9])")
