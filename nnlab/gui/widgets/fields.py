"""Form fields shared by the lessons' settings panels: number fields that leave the window its
keys, a choice with an error line, a grid of check boxes, and the checking of a typed number
against the experiment file's own rule (:data:`nnlab.core.experiment.FIELDS`).

A bad value is marked the same way everywhere: a red frame round the input and the reason
written under it, naming the setting, its key in an experiment file, the value and what is
allowed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QLabel, QLineEdit,
    QVBoxLayout, QWidget,
)

from nnlab.core.experiment import Field
from nnlab.core.reading import shorten
from nnlab.gui.text import fill
from nnlab.gui.theme import ERROR_COLOUR

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

NUMBER_CHARACTERS = frozenset("0123456789.,;+-eE")
"""What a number field takes from the keyboard: numbers (1e-3, a decimal comma) and lists of
them (64-30-10, "0.1, 0.5"). Letters and spaces are never typed into a number field: with it
focused, Space and R still run and reset."""

SHOWN_TEXT = 40
"""A typed value is quoted in a message up to this many characters (a paste can be long)."""

_TEXT_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier



class NumberEdit(QLineEdit):
    """A line edit for numbers that hands the window every key it has no use for.

    A line edit claims every printable key and the arrows, Home and End before the window's
    shortcuts see them. This one claims only the characters of numbers and the cursor keys
    that still move its cursor, so while it has focus Space runs, R resets, → steps once the
    cursor is at the end, ← steps back at the start, and so on. Return, Enter and Escape leave
    the field, so that every key goes to the window again.
    """

    def gives_up(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is a key this field does not use (the window's, then)."""
        if event.modifiers() & ~_TEXT_MODIFIERS:
            return False  # Ctrl+A, Ctrl+V ... are the field's
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Home):
            if event.modifiers() or self.hasSelectedText():
                return False
            at_end = self.cursorPosition() == len(self.text())
            forward = key in (Qt.Key.Key_Right, Qt.Key.Key_End)
            return at_end if forward else self.cursorPosition() == 0
        text = event.text()
        return bool(text) and text.isprintable() and text not in NUMBER_CHARACTERS

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self.gives_up(event):
            event.ignore()  # not claimed: the window's shortcut takes the key
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.gives_up(event):
            event.ignore()  # a letter or a space is not part of a number
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.clearFocus()


def forget_size_hints(combo: QComboBox) -> None:
    """Make ``combo`` measure itself again at its current font. A combo box forgets its size
    hint when its font changes, but not its minimum size hint, which layouts use: after
    projector mode the panel kept the projector's widths. A change of style clears both."""
    QApplication.sendEvent(combo, QEvent(QEvent.Type.StyleChange))
    combo.updateGeometry()


def fit_combo(combo: QComboBox) -> None:
    """Never narrower than its longest entry, at its current font."""
    forget_size_hints(combo)
    combo.setMinimumWidth(0)
    combo.setMinimumWidth(combo.sizeHint().width())


def field_text(value: float) -> str:
    """Short text for a number put into a field: 0.15, 2, -0.6 (no float noise)."""
    return f"{value:.6g}"


def error_label() -> QLabel:
    """The line under an input that says why its value is refused (hidden while it is good)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


class FormField(QWidget):
    """An input with an error line under it. A bad value is marked with a red frame round
    the input and the reason underneath; ``inner`` is the input (a combo box, check boxes)."""

    def __init__(self, inner: QWidget, parent=None):
        super().__init__(parent)
        self.inner = inner
        inner.setObjectName("form_field_input")
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(inner)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.inner.setStyleSheet(
            f"#form_field_input {{ border: 2px solid {ERROR_COLOUR}; }}" if message else "")
        self.inner.setProperty("invalid", bool(message))


class NumberField(FormField):
    """A line edit for one number (or a list of them) with its error text underneath."""

    edited = Signal()

    def __init__(self, tooltip: str, parent=None):
        super().__init__(NumberEdit(), parent)
        self.edit: NumberEdit = self.inner
        self.edit.setToolTip(tooltip)
        # numbers are short: a narrow field keeps the panel from crowding the plots
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 12)
        self.edit.textEdited.connect(self.edited)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: float) -> None:
        self.edit.setText(field_text(value))
        self.set_error("")


class Checks(QFrame):
    """One check box per name, in a grid of ``columns``; ``checked()`` lists the ticked names
    in the order given. ``items`` are (name, text, tooltip)."""

    toggled = Signal()

    def __init__(self, items, columns: int = 1, parent=None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        grid.setSpacing(4)
        for i, (name, text, tip) in enumerate(items):
            box = QCheckBox(text)
            box.setToolTip(tip)
            box.toggled.connect(self.toggled)
            grid.addWidget(box, i // columns, i % columns)
            self.boxes[name] = box

    def checked(self) -> list[str]:
        return [name for name, box in self.boxes.items() if box.isChecked()]

    def set_checked(self, names) -> None:
        for name, box in self.boxes.items():
            box.setChecked(name in names)


def form_layout(parent: QWidget | None = None) -> QFormLayout:
    """A form whose fields take the panel's width."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # at projector size a field moves under its label instead of widening the panel
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def parse_number(text: str) -> float | None:
    """A number as typed; a decimal comma is read as a point when there is no point."""
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def parse_whole(text: str) -> int | None:
    """A whole number as typed: 300, 3e2, 300.0 (an exact float, not 1e300)."""
    try:
        return int(text)
    except ValueError:
        value = parse_number(text)
        if value is not None and math.isfinite(value) and value.is_integer() \
                and abs(value) < 2**53:
            return int(value)
        return None


def _wordings() -> dict[str, str]:
    """The translation of each wording of :attr:`Field.wording` that a number field shows."""
    # literal calls, so that pyside6-lupdate finds the texts
    return {
        "a finite number": translate("Fields", "a finite number"),
        "a finite number >= %1": translate("Fields", "a number of at least %1"),
        "a finite number >= %1 and <= %2": translate("Fields", "a number from %1 to %2"),
        "a finite number > %1 and <= %2":
            translate("Fields", "a number more than %1 and at most %2"),
        "a finite number >= %1 and < %2": translate("Fields", "a number from %1 to less than %2"),
        "a whole number": translate("Fields", "a whole number"),
        "a whole number >= %1": translate("Fields", "a whole number of at least %1"),
        "a whole number from %1 to %2": translate("Fields", "a whole number from %1 to %2"),
    }


NUMBER_WORDINGS = frozenset(_wordings())
"""The wordings a number field can translate (a test checks every rule it shows is here)."""


def allowed_text(rule: Field) -> str:
    """What ``rule`` allows, translated: "a number more than 0 and at most 1000"."""
    shown = (f"{int(b):,}" if rule.kind == "whole" else field_text(b) for b in rule.bounds)
    return fill(_wordings().get(rule.wording, rule.wording), *shown)


def check_number(text: str, rule: Field, label: str,
                 key: str | None = None) -> tuple[float | int | None, str]:
    """(value, "") when ``text`` is a value ``rule`` accepts, else (None, why): a message
    naming the setting's ``label``, its ``key`` in a file (the rule's own by default), the
    value as typed and what is allowed."""
    key = rule.key if key is None else key
    allowed = allowed_text(rule)
    if not text:
        return None, fill(translate("Fields", "%1 (%2) is empty: it must be %3."), label, key,
                          allowed)
    value = parse_whole(text) if rule.kind == "whole" else parse_number(text)
    shown = shorten(text, SHOWN_TEXT)
    if value is None:
        what = (translate("Fields", "%1 (%2) = %3 is not a whole number: it must be %4.")
                if rule.kind == "whole" else
                translate("Fields", "%1 (%2) = %3 is not a number: it must be %4."))
        return None, fill(what, label, key, shown, allowed)
    if not rule.accepts(value):
        return None, fill(translate("Fields", "%1 (%2) = %3: must be %4."), label, key, shown,
                          allowed)
    return value, ""


def read_number(field: NumberField, rule: Field, label: str,
                key: str | None = None) -> float | int | None:
    """The number in ``field`` if ``rule`` accepts it; otherwise None, and the field shows
    why (see :func:`check_number`)."""
    value, reason = check_number(field.text(), rule, label, key)
    field.set_error(reason)
    return value
