"""The lesson's experiment panel: the sample (x, y), the start (w, b), a second start if
wanted, η, epochs, the costs.

Every field is checked as it is typed. A bad value is marked on the field itself, with the
reason written under it, and the panel reports itself invalid so the window can refuse to
start a run. A valid change is announced as a whole new :class:`Experiment`.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QGroupBox, QRadioButton, QVBoxLayout, QWidget,
)

from nnlab.core.experiment import FIELDS, MAX_NEURON_RUNS, Experiment
from nnlab.gui.widgets.fields import NumberField, form_layout, read_number
# the course window still imports it from here; it lives in nnlab.gui.widgets.fields now

# (w, b) of the two classic starts of the lesson
CLASSIC_STARTS = ((0.6, 0.9), (2.0, 2.0))
COST_CHOICES = (("quadratic",), ("cross_entropy",), ("quadratic", "cross_entropy"))
NEURON_KEYS = {"x": "neuron.x", "y": "neuron.y", "w": "neuron.w", "b": "neuron.b",
               "learning_rate": "training.learning_rate", "epochs": "training.epochs"}
"""Each field's key in an experiment file, whose rule (experiment.FIELDS) it checks by."""
SECOND_START_KEYS = {"w2": "neuron.w", "b2": "neuron.b"}
"""The rules of the second start's fields (a file writes it as neuron.starts[1])."""


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

        # a second start: every cost from both, as the lecture notes draw them
        self.second_start = QCheckBox(self.tr("Second start"))
        self.second_start.setToolTip(self.tr(
            "Train every cost from a second start (w, b) as well, on the same plots: each "
            "start has its own line style and marker, each cost its colour."))
        self.second_start.toggled.connect(self._on_second_start_toggled)
        self.second_fields = {
            "w2": NumberField(self.tr("The second start's weight w.")),
            "b2": NumberField(self.tr("The second start's bias b.")),
        }
        labels.update({"w2": self.tr("Start 2: weight w"), "b2": self.tr("Start 2: bias b")})
        for field in self.second_fields.values():
            field.edited.connect(self._on_field_edited)
        # starts beyond the second come from a file; the panel keeps them as they are
        self._more_starts: tuple[tuple[float, float], ...] = ()

        sample_box = QGroupBox(self.tr("Experiment"))
        form = form_layout(sample_box)
        form.addRow(self.tr("Start"), self.preset)
        for key, field in self.fields.items():
            form.addRow(labels[key], field)
            if key == "b":
                form.addRow(self.second_start)
                for second_key, second_field in self.second_fields.items():
                    form.addRow(labels[second_key], second_field)

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
        starts = n.start_points
        with QSignalBlocker(self.second_start):
            self.second_start.setChecked(len(starts) > 1)
        self._show_second_start(starts[1] if len(starts) > 1 else None)
        self._more_starts = starts[2:]
        with QSignalBlocker(self.cost_buttons):
            costs = tuple(c for c in ("quadratic", "cross_entropy") if c in t.costs)
            self.cost_buttons.button(COST_CHOICES.index(costs)).setChecked(True)
        self._enable_costs(len(starts))
        self._sync_preset(n.w, n.b)
        self._set_valid(True)

    def set_start(self, w: float, b: float, index: int = 0) -> None:
        """A new start from the plots (dragging on the sigmoid, clicking on a surface): the
        first, or with ``index`` 1 the second."""
        if index == 1 and self.second_start.isChecked():
            self.second_fields["w2"].set_value(w)
            self.second_fields["b2"].set_value(b)
        elif index == 0:
            self.fields["w"].set_value(w)
            self.fields["b"].set_value(b)
        else:
            return
        self._on_field_edited()

    def _show_second_start(self, start: tuple[float, float] | None) -> None:
        """The second start's fields, usable only while the box is ticked; unticked, they
        hold the classic start the first is not, ready to be ticked."""
        if start is None:
            first = (self.experiment.neuron.w, self.experiment.neuron.b)
            start = CLASSIC_STARTS[0] if first == CLASSIC_STARTS[1] else CLASSIC_STARTS[1]
        self.second_fields["w2"].set_value(start[0])
        self.second_fields["b2"].set_value(start[1])
        for field in self.second_fields.values():
            field.setEnabled(self.second_start.isChecked())

    def _on_second_start_toggled(self, checked: bool) -> None:
        for field in self.second_fields.values():
            field.setEnabled(checked)
            if not checked:
                field.set_error("")
        self._on_field_edited()

    def _enable_costs(self, n_starts: int) -> None:
        """Both costs only while starts × costs stay within MAX_NEURON_RUNS (a file with
        more than two starts compares them under one cost)."""
        both = self.cost_buttons.button(COST_CHOICES.index(("quadratic", "cross_entropy")))
        both.setEnabled(2 * n_starts <= MAX_NEURON_RUNS)

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
        several = self.second_start.isChecked()
        # with several starts the first is neuron.starts[0] in a file: its fields say so
        first_keys = ({"w": "neuron.starts[0][0]", "b": "neuron.starts[0][1]"} if several
                      else {})
        values = {name: read_number(self.fields[name], FIELDS[key], self._labels[name],
                                    first_keys.get(name))
                  for name, key in NEURON_KEYS.items()}
        if several:
            for name, key in SECOND_START_KEYS.items():
                file_key = f"neuron.starts[1][{0 if name == 'w2' else 1}]"
                values[name] = read_number(self.second_fields[name], FIELDS[key],
                                           self._labels[name], file_key)
        if any(value is None for value in values.values()):
            self._set_valid(False)
            return
        starts: tuple[tuple[float, float], ...] = ()
        if several:
            first, second = (values["w"], values["b"]), (values["w2"], values["b2"])
            if second == first:
                self.second_fields["b2"].set_error(self.tr(
                    "Start 2 is the same as start 1: change its w or b."))
                self._set_valid(False)
                return
            starts = (first, second) + tuple(s for s in self._more_starts
                                             if s not in (first, second))
        self._enable_costs(len(starts) or 1)
        costs = COST_CHOICES[max(self.cost_buttons.checkedId(), 0)]
        if len(costs) * max(len(starts), 1) > MAX_NEURON_RUNS:
            costs = ("quadratic",)  # "both" is disabled for so many starts
            with QSignalBlocker(self.cost_buttons):
                self.cost_buttons.button(COST_CHOICES.index(costs)).setChecked(True)
        old = self._experiment
        experiment = dataclasses.replace(
            old,
            name="",
            description="",
            neuron=dataclasses.replace(old.neuron, x=values["x"], y=values["y"],
                                       w=values["w"], b=values["b"], starts=starts),
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
        for field in [*self.fields.values(), *self.second_fields.values()]:
            if field.edit.property("invalid"):
                return field.error.text()
        return ""

