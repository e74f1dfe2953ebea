"""Messages with placeholders, in the form of Qt's translations (``%1`` … ``%9``), so that
core can word a message the window can also translate, and both fill it the same way.

Core never imports Qt. A message the user reads is a :class:`Message`: the English text
(it *is* that str, so printing, comparing and logging it are unchanged) that also keeps its
English template and the values that fill it, so that the window can translate the template
and fill it with the values, themselves translated when they are messages. Templates are
marked with :func:`QT_TRANSLATE_NOOP` under the context "core", the name Qt's
``pyside6-lupdate`` looks for, so that they are extracted for the translators.
"""

from __future__ import annotations

import re

CONTEXT = "core"
"""The translation context of every message of the core."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """``text`` itself; marks it for extraction into the translations under ``context``."""
    return text


def fill(template: str, *values) -> str:
    """``template`` (translated, with Qt's ``%1`` … ``%9``) with ``values`` in their places.

    All places are filled in one pass, so a value that itself contains "%2" stays as it is
    (chained ``.replace`` calls would fill it in too)."""
    def place(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)
    return _PLACE.sub(place, template)


_PLACE = re.compile(r"%([1-9])")


class Message(str):
    """A message for the user: the English text, which keeps its ``template`` (English, with
    ``%1`` …) and the ``values`` that fill it (a value may itself be a Message).

    Build one with :meth:`of`. Anything done to it as a str (``+``, slicing, ``.format``)
    gives a plain str: a message made of parts is a Message whose values are the parts.
    """

    template: str
    values: tuple

    def __new__(cls, text: str = "", template: str | None = None, values: tuple = ()):
        message = super().__new__(cls, text)
        message.template = text if template is None else template
        message.values = tuple(values)
        return message

    @classmethod
    def of(cls, template: str, *values) -> "Message":
        """The message ``fill(template, *values)`` that remembers ``template`` and ``values``."""
        return cls(fill(template, *values), template, values)

    def __reduce__(self):
        # a message crosses threads and processes, and is pickled with its parts
        return (_restore, (str(self), self.template, self.values))


def _restore(text: str, template: str, values: tuple) -> Message:
    return Message(text, template, values)
