"""The lesson's experiment panel: the sample (x, y), the start (w, b), η, epochs, the costs.

Every field is checked as it is typed. A bad value is marked on the field itself, with the
reason written under it, and the panel reports itself invalid so the window can refuse to
start a run. A valid change is announced as a whole new :class:`Experiment`.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from nnlab.core.experiment import FIELDS, Experiment
from nnlab.gui.widgets.fields import NumberField, form_layout, read_number
# the course window still imports it from here; it lives in nnlab.gui.widgets.fields now

# (w, b) of the two classic starts of the lesson
CLASSIC_STARTS = ((0.6, 0.9), (2.0, 2.0))
COST_CHOICES = (("quadratic",), ("cross_entropy",), ("quadratic", "cross_entropy"))
NEURON_KEYS = {"x": "neuron.x", "y": "neuron.y", "w": "neuron.w", "b": "neuron.b",
               "learning_rate": "training.learning_rate", "epochs": "training.epochs"}
"""Each field's key in an experiment file, whose rule (experiment.FIELDS) it checks by."""


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
        self._labels = labels
        for field in self.fields.values():
            field.edited.connect(self._on_field_edited)

        sample_box = QGroupBox(self.tr("Experiment"))
        form = form_layout(sample_box)
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
    def _on_field_edited(self, *_args) -> None:
        # by the experiment file's own rules: a value a file refuses is refused here too
        values = {name: read_number(self.fields[name], FIELDS[key], self._labels[name])
                  for name, key in NEURON_KEYS.items()}
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
        """The first field's error (it names the field and its key), for the status bar; ''
        when valid."""
        for field in self.fields.values():
            if field.edit.property("invalid"):
                return field.error.text()
        return ""

