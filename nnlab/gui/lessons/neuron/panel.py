"""The lesson's experiment panel: the sample (x, y), the start (w, b), η, epochs, the costs.

Every field is checked as it is typed. A bad value is marked on the field itself, with the
reason written under it, and the panel reports itself invalid so the window can refuse to
start a run. A valid change is announced as a whole new :class:`Experiment`.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QRadioButton,
    QVBoxLayout, QWidget,
)

from nnlab.core.experiment import MAX_EPOCHS, MAX_LEARNING_RATE, Experiment

# (w, b) of the two classic starts of the lesson
CLASSIC_STARTS = ((0.6, 0.9), (2.0, 2.0))
COST_CHOICES = (("quadratic",), ("cross_entropy",), ("quadratic", "cross_entropy"))


NUMBER_CHARACTERS = frozenset("0123456789.,;+-eE")
"""What a number field takes from the keyboard: numbers (1e-3, a decimal comma) and lists of
them (64-30-10, "0.1, 0.5"). Letters and spaces are never typed into a number field: with it
focused, Space and R still run and reset."""

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


def field_text(value: float) -> str:
    """Short text for a number put into a field: 0.15, 2, -0.6 (no float noise)."""
    return f"{value:.6g}"


class NumberField(QWidget):
    """A line edit for one number with its error text underneath."""

    edited = Signal()

    def __init__(self, tooltip: str, parent=None):
        super().__init__(parent)
        self.edit = NumberEdit()
        self.edit.setToolTip(tooltip)
        # numbers are short: a narrow field keeps the panel from crowding the plots
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 12)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.textEdited.connect(self.edited)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: float) -> None:
        self.edit.setText(field_text(value))
        self.set_error("")

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        # a red frame marks the field; the text underneath says why
        self.edit.setStyleSheet("QLineEdit { border: 2px solid #b00020; }" if message else "")
        self.edit.setProperty("invalid", bool(message))


class ExperimentPanel(QWidget):
    """Edits the neuron experiment. ``experiment_edited`` carries each valid new experiment;
    ``validity_changed`` tells whether the fields as typed can be run."""

    experiment_edited = Signal(object)
    validity_changed = Signal(bool)

    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        self._experiment = experiment
        self._valid = True

        self.preset = QComboBox()
        self.preset.addItem(self.tr("w = 0.6, b = 0.9 (mild)"), CLASSIC_STARTS[0])
        self.preset.addItem(self.tr("w = 2, b = 2 (saturated)"), CLASSIC_STARTS[1])
        self.preset.addItem(self.tr("Custom"), None)
        self.preset.setToolTip(self.tr("The two classic starts of the lesson: a mild one "
                                       "(a = 0.82) and a saturated one (a = 0.98). Both runs "
                                       "always start from the same w and b."))
        self.preset.activated.connect(self._on_preset_chosen)

        self.fields = {
            "x": NumberField(self.tr("The input x of the single training sample.")),
            "y": NumberField(self.tr("The desired output y, between 0 and 1.")),
            "w": NumberField(self.tr("The starting weight w. You can also drag the start point "
                                     "on the sigmoid plot or click on a cost surface.")),
            "b": NumberField(self.tr("The starting bias b.")),
            "learning_rate": NumberField(self.tr("The learning rate η: each epoch moves w and b "
                                                 "by −η times the gradient.")),
            "epochs": NumberField(self.tr("How many epochs (gradient steps) to train.")),
        }
        labels = {
            "x": self.tr("Input x"), "y": self.tr("Target y"),
            "w": self.tr("Start weight w"), "b": self.tr("Start bias b"),
            "learning_rate": self.tr("Learning rate η"), "epochs": self.tr("Epochs"),
        }
        for field in self.fields.values():
            field.edited.connect(self._on_field_edited)

        sample_box = QGroupBox(self.tr("Experiment"))
        form = QFormLayout(sample_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Start"), self.preset)
        for key, field in self.fields.items():
            form.addRow(labels[key], field)

        cost_box = QGroupBox(self.tr("Cost"))
        cost_layout = QVBoxLayout(cost_box)
        self.cost_buttons = QButtonGroup(self)
        texts = (self.tr("Quadratic"), self.tr("Cross-entropy"), self.tr("Both, side by side"))
        tips = (self.tr("C = ½(a − y)²: its gradient carries σ'(z)."),
                self.tr("C = −[y ln a + (1 − y) ln(1 − a)]: σ'(z) cancels."),
                self.tr("Two runs from the same start on the same data, one per cost."))
        for i, (text, tip) in enumerate(zip(texts, tips)):
            button = QRadioButton(text)
            button.setToolTip(tip)
            self.cost_buttons.addButton(button, i)
            cost_layout.addWidget(button)
        self.cost_buttons.idClicked.connect(self._on_field_edited)

        layout = QVBoxLayout(self)
        layout.addWidget(sample_box)
        layout.addWidget(cost_box)
        layout.addStretch(1)
        self.set_experiment(experiment)

    # -- showing an experiment -------------------------------------------------------------
    @property
    def experiment(self) -> Experiment:
        return self._experiment

    @property
    def is_valid(self) -> bool:
        return self._valid

    def set_experiment(self, experiment: Experiment) -> None:
        """Show ``experiment`` in the fields (no signal: the caller already has it)."""
        self._experiment = experiment
        n, t = experiment.neuron, experiment.training
        values = {"x": n.x, "y": n.y, "w": n.w, "b": n.b,
                  "learning_rate": t.learning_rate, "epochs": t.epochs}
        for key, value in values.items():
            self.fields[key].set_value(value)
        with QSignalBlocker(self.cost_buttons):
            costs = tuple(c for c in ("quadratic", "cross_entropy") if c in t.costs)
            self.cost_buttons.button(COST_CHOICES.index(costs)).setChecked(True)
        self._sync_preset(n.w, n.b)
        self._set_valid(True)

    def set_start(self, w: float, b: float) -> None:
        """A new start from the plots (dragging on the sigmoid, clicking on a surface)."""
        self.fields["w"].set_value(w)
        self.fields["b"].set_value(b)
        self._on_field_edited()

    def _sync_preset(self, w: float, b: float) -> None:
        with QSignalBlocker(self.preset):
            for i, start in enumerate(CLASSIC_STARTS):
                if math.isclose(w, start[0]) and math.isclose(b, start[1]):
                    self.preset.setCurrentIndex(i)
                    return
            self.preset.setCurrentIndex(len(CLASSIC_STARTS))

    def _on_preset_chosen(self, index: int) -> None:
        start = self.preset.itemData(index)
        if start is not None:
            self.set_start(*start)

    # -- checking what was typed -----------------------------------------------------------
    def _read_number(self, key: str, low: float | None, high: float | None,
                     whole: bool = False, low_open: bool = False) -> float | None:
        field = self.fields[key]
        text = field.text()
        if not text:
            field.set_error(self.tr("Enter a number."))
            return None
        try:
            value = float(text.replace(",", ".") if "." not in text else text)
        except ValueError:
            field.set_error(self.tr("“%1” is not a number.").replace("%1", text))
            return None
        if not math.isfinite(value):
            field.set_error(self.tr("Enter a finite number."))
            return None
        if whole and value != int(value):
            field.set_error(self.tr("Enter a whole number."))
            return None
        too_low = low is not None and (value <= low if low_open else value < low)
        too_high = high is not None and value > high
        if too_low or too_high:
            if whole:
                message = self.tr("Must be a whole number from %1 to %2.")
            elif low_open:
                message = self.tr("Must be more than %1 and at most %2.")
            else:
                message = self.tr("Must be between %1 and %2.")
            field.set_error(message.replace("%1", field_text(low))
                            .replace("%2", field_text(high)))
            return None
        field.set_error("")
        return value

    def _on_field_edited(self, *_args) -> None:
        values = {
            "x": self._read_number("x", -1e6, 1e6),
            "y": self._read_number("y", 0.0, 1.0),
            "w": self._read_number("w", -1e6, 1e6),
            "b": self._read_number("b", -1e6, 1e6),
            "learning_rate": self._read_number("learning_rate", 0.0, MAX_LEARNING_RATE,
                                               low_open=True),
            "epochs": self._read_number("epochs", 1, MAX_EPOCHS, whole=True),
        }
        if any(value is None for value in values.values()):
            self._set_valid(False)
            return
        costs = COST_CHOICES[max(self.cost_buttons.checkedId(), 0)]
        old = self._experiment
        experiment = dataclasses.replace(
            old,
            name="",
            description="",
            neuron=dataclasses.replace(old.neuron, x=values["x"], y=values["y"],
                                       w=values["w"], b=values["b"]),
            training=dataclasses.replace(old.training, costs=costs,
                                         learning_rate=values["learning_rate"],
                                         epochs=int(values["epochs"])),
        )
        self._sync_preset(values["w"], values["b"])
        self._set_valid(True)
        if experiment != old:
            self._experiment = experiment
            self.experiment_edited.emit(experiment)

    def _set_valid(self, valid: bool) -> None:
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def first_error(self) -> str:
        """The first field's error as 'Field: reason', for the status bar; '' when valid."""
        for field in self.fields.values():
            if field.edit.property("invalid"):
                return field.error.text()
        return ""

