"""The derivation's settings panel: the start whose numbers the formulas use.

The two classic starts in a list, or any w, b, x and y typed into the fields. Each field is
checked as it is typed, by the experiment file's own rule for that key
(:data:`nnlab.core.experiment.FIELDS`): a value a file refuses is refused here too, the
reason under the field, and the formulas keep the last good start.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from nnlab.core.derivation import CLASSIC_STARTS, Start
from nnlab.core.experiment import FIELDS
from nnlab.gui.widgets.fields import NumberField, form_layout, read_number

#: each field's key in an experiment file, whose rule it checks by
START_KEYS = {"w": "neuron.w", "b": "neuron.b", "x": "neuron.x", "y": "neuron.y"}


class DerivationPanel(QWidget):
    """Chooses the start. ``start_edited`` carries each valid new :class:`Start`."""

    start_edited = Signal(object)

    def __init__(self, start: Start, parent=None):
        super().__init__(parent)
        self._start = start

        self.preset = QComboBox()
        self.preset.addItem(self.tr("w = 0.6, b = 0.9 (a = 0.82)"), 0)
        self.preset.addItem(self.tr("w = 2, b = 2 (a = 0.98)"), 1)
        self.preset.addItem(self.tr("Custom"), None)
        self.preset.setToolTip(self.tr("The two classic starts, for x = 1 and y = 0: a mild "
                                       "one and a saturated one."))
        self.preset.activated.connect(self._on_preset_chosen)

        self.fields = {
            "w": NumberField(self.tr("The weight w at the start.")),
            "b": NumberField(self.tr("The bias b at the start.")),
            "x": NumberField(self.tr("The input x of the one sample.")),
            "y": NumberField(self.tr("The target y of the one sample, from 0 to 1.")),
        }
        self._labels = {"w": self.tr("Weight w"), "b": self.tr("Bias b"),
                        "x": self.tr("Input x"), "y": self.tr("Target y")}
        for field in self.fields.values():
            field.edited.connect(self._on_field_edited)

        box = QGroupBox(self.tr("One neuron, one sample"))
        form = form_layout(box)
        form.addRow(self.tr("Classic start"), self.preset)
        for key, field in self.fields.items():
            form.addRow(self._labels[key], field)
        hint = QLabel(self.tr("Every formula of the walkthrough shows this start's numbers."))
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.set_start(start)

    @property
    def start(self) -> Start:
        return self._start

    def set_start(self, start: Start) -> None:
        """Show ``start`` in the fields (no signal: the caller already has it)."""
        self._start = start
        for key in START_KEYS:
            self.fields[key].set_value(getattr(start, key))
        self._sync_preset(start)

    def _sync_preset(self, start: Start) -> None:
        with QSignalBlocker(self.preset):
            index = CLASSIC_STARTS.index(start) if start in CLASSIC_STARTS else None
            self.preset.setCurrentIndex(len(CLASSIC_STARTS) if index is None else index)

    def _on_preset_chosen(self, index: int) -> None:
        chosen = self.preset.itemData(index)
        if chosen is None:
            return
        self.set_start(CLASSIC_STARTS[chosen])
        self.start_edited.emit(self._start)

    def _on_field_edited(self) -> None:
        values = {key: read_number(self.fields[key], FIELDS[rule], self._labels[key])
                  for key, rule in START_KEYS.items()}
        if any(value is None for value in values.values()):
            return  # the field says why; the formulas keep the last good start
        start = Start(**{key: float(value) for key, value in values.items()})
        self._sync_preset(start)
        if start != self._start:
            self._start = start
            self.start_edited.emit(start)
