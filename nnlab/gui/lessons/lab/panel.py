"""The network lab's settings panel: the data, the network, its training, and what the runs
compare.

As in the lesson's panel, every field is checked as it is typed: a bad value is marked on the
field itself, with the reason written under it, and the panel reports itself invalid so the
window can refuse to start a run. A valid edit is built into a whole new :class:`Experiment`
and checked by the core's own rules (``validate_experiment``); a refusal there is shown on the
field its dotted key names (``training.costs`` → the cost check boxes).
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from nnlab.core.costs import COST_NAMES
from nnlab.core.datasets import DATASET_NAMES, DATASET_OPTIONS
from nnlab.core.experiment import (
    COMPARED_SETTINGS, HIDDEN_ACTIVATIONS, INIT_METHODS, MAX_EPOCHS, MAX_HIDDEN_SIZE,
    MAX_LAYER_SIZE, MAX_LAYERS, MAX_LEARNING_RATE, MAX_NOISE, MAX_SAMPLES, MAX_SEED,
    MAX_TEST_FRACTION, MIN_LAYERS, MIN_SAMPLES, OPTIMIZERS, CompareSettings, Experiment,
    ExperimentError, validate_experiment,
)
from nnlab.core.activations import OUTPUT_ACTIVATIONS
from nnlab.gui.text import activation_label, cost_label, optimizer_label

from nnlab.gui.lessons.neuron.panel import NumberField, field_text, forget_size_hints

FILE_DATASETS = ("csv", "idx")
BUILT_IN_DATASETS = tuple(name for name in DATASET_NAMES if name not in FILE_DATASETS)
PER_LAYER = "per-layer"
"""Item data of the hidden-activation entry that opens one choice per hidden layer."""
LONG_LAYERS_EXAMPLE = "64-30-30-30-30-30-30-10"
"""The layers field is wide enough to show this whole."""
DEFAULT_MINI_BATCH = 32
MAX_BATCH_SIZE = 10_000_000
ERROR_COLOUR = "#b00020"  # as NumberField marks a bad number
WIDGETSIZE_MAX = (1 << 24) - 1

_SEPARATORS = re.compile(r"\s*[,;\-–—]\s*|\s+")
_LIST_SEPARATORS = re.compile(r"[\s,;]+")
_KEY = re.compile(r"\b(seed|(?:data|network|training|compare)\.[a-z_]+)")


@dataclass(frozen=True)
class _Range:
    """The numbers a field accepts, as the core's reader of the same key does."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    whole: bool = False


class _Slot(QWidget):
    """A choice (combo box, check boxes) with an error line under it, marked the way
    NumberField marks a line edit: a red frame, and the reason underneath."""

    def __init__(self, inner: QWidget, parent=None):
        super().__init__(parent)
        self.inner = inner
        inner.setObjectName("slot_input")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(inner)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.inner.setStyleSheet(
            f"#slot_input {{ border: 2px solid {ERROR_COLOUR}; }}" if message else "")
        self.inner.setProperty("invalid", bool(message))


class _Checks(QFrame):
    """One check box per name, in a grid of ``columns``; ``checked()`` lists the ticked names
    in the order given."""

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


def _form(box: QGroupBox) -> QFormLayout:
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    # at projector size a field moves under its label instead of widening the panel
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _fit_combo(combo: QComboBox) -> None:
    """Never narrower than its longest entry, at its current font."""
    forget_size_hints(combo)
    combo.setMinimumWidth(0)
    combo.setMinimumWidth(combo.sizeHint().width())


def _parse_float(text: str) -> float | None:
    """A number as typed; a decimal comma is read as a point when there is no point."""
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def _parse_whole(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        value = _parse_float(text)
        if value is not None and math.isfinite(value) and value.is_integer() \
                and abs(value) < 2**53:
            return int(value)
        return None


def _same_settings(a: Experiment, b: Experiment) -> bool:
    """Equal apart from the name and description (an edit makes a new, unnamed experiment)."""
    return dataclasses.replace(a, name=b.name, description=b.description) == b


def _in_order(names: list[str], before: tuple) -> tuple:
    """The ticked names, in the order the experiment had them when they are the same set (so
    showing an experiment and reading it back gives it unchanged)."""
    return tuple(before) if set(names) == set(before) else tuple(names)


class LabPanel(QWidget):
    """Edits a network experiment (kind "network").

    ``experiment_edited`` carries each valid new experiment; ``validity_changed`` tells
    whether the fields as typed can be run; ``open_dataset_requested`` asks the window to
    show its file dialog. The window calls :meth:`set_dataset_shape` whenever the loaded data
    change, so the layers can be checked against them.
    """

    experiment_edited = Signal(object)
    validity_changed = Signal(bool)
    open_dataset_requested = Signal()

    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        self._experiment = experiment
        self._valid = True
        self._filling = True  # fields being filled by code: no edits to announce
        self._shape: tuple[int, int] | None = None
        self._n_hidden = 0  # hidden layers of the layers as last read
        self._rows_set = 0  # per-layer choices made so far (kept while the layers are retyped)

        data_box = self._build_data_box()
        network_box = self._build_network_box()
        training_box = self._build_training_box()
        compare_box = self._build_compare_box()

        # a refusal of the core that names no field of the panel
        self.general_error = QLabel()
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.general_error.hide()

        layout = QVBoxLayout(self)
        for box in (data_box, network_box, training_box, compare_box):
            layout.addWidget(box)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

        # every field, in the order shown: the first error is the one reported
        self._fields = [
            self.dataset_slot, self.n_samples, self.noise, self.test_fraction,
            self.layers, self.activation_slot, self.output_slot, self.init_slot,
            self.costs_slot, self.optimizer_slot, self.batch_size, self.learning_rate,
            self.momentum, self.l2, self.epochs, self.seed,
            self.compare_slot, self.compare_activations_slot, self.compare_optimizers_slot,
            self.compare_rates,
        ]
        self._field_for_key = {
            "data.dataset": self.dataset_slot, "data.path": self.dataset_slot,
            "data.label_column": self.dataset_slot, "data.images": self.dataset_slot,
            "data.labels": self.dataset_slot, "data.n_samples": self.n_samples,
            "data.noise": self.noise, "data.test_fraction": self.test_fraction,
            "network.layers": self.layers, "network.hidden_activation": self.activation_slot,
            "network.output": self.output_slot, "network.init": self.init_slot,
            "training.costs": self.costs_slot, "training.batch_size": self.batch_size,
            "training.learning_rate": self.learning_rate, "training.momentum": self.momentum,
            "training.l2": self.l2, "training.epochs": self.epochs, "seed": self.seed,
            "compare.setting": self.compare_slot,
        }
        self._fit_fields_to_font()
        self.set_experiment(experiment)

    # -- building the fields ----------------------------------------------------------------
    def _dataset_labels(self) -> dict[str, str]:
        return {
            "digits": self.tr("digits (8×8)"),
            "three_class": self.tr("three-class toy"),
            "xor": self.tr("XOR"),
            "circles": self.tr("circles"),
            "gaussians": self.tr("gaussians"),
            "spiral": self.tr("spiral"),
        }

    def _activation_items(self) -> list[tuple[str, str, str]]:
        labels = {
            "sigmoid": (activation_label("sigmoid"),
                        self.tr("σ(z) = 1/(1 + e^−z): smooth, but its slope is tiny where it "
                                "saturates, so deep sigmoid networks learn slowly.")),
            "tanh": (activation_label("tanh"),
                     self.tr("tanh(z): like the sigmoid but centred on 0, from −1 to 1.")),
            "relu": (activation_label("relu"),
                     self.tr("max(0, z): slope 1 for every positive z, so gradients do not "
                             "fade through many layers.")),
            "leaky_relu": (activation_label("leaky_relu"),
                           self.tr("Like ReLU, but a small slope for negative z keeps every "
                                   "unit learning.")),
            "linear": (activation_label("linear"),
                       self.tr("a = z: no bend at all, so the whole network stays a linear "
                               "map.")),
        }
        return [(name, *labels.get(name, (name, name))) for name in HIDDEN_ACTIVATIONS]

    def _optimizer_items(self) -> list[tuple[str, str, str]]:
        labels = {
            "batch": (optimizer_label("batch"),
                      self.tr("One step per epoch, with the gradient of all training "
                              "samples.")),
            "sgd": (self.tr("SGD (1 sample)"),
                    self.tr("One step per sample: many small, noisy steps per epoch.")),
            "mini-batch": (optimizer_label("mini-batch"),
                           self.tr("One step per mini-batch of samples: the usual "
                                   "compromise.")),
        }
        return [(name, *labels.get(name, (name, name))) for name in OPTIMIZERS]

    def _compare_labels(self) -> dict[str, str]:
        return {
            "cost": self.tr("cost"),
            "hidden_activation": self.tr("hidden activation"),
            "optimizer": self.tr("optimiser"),
            "learning_rate": self.tr("learning rate η"),
        }

    def _combo(self, items, tooltip: str, handler=None) -> QComboBox:
        combo = QComboBox()
        for data, text, tip in items:
            combo.addItem(text, data)
            combo.setItemData(combo.count() - 1, tip, role=Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(tooltip)
        combo.currentIndexChanged.connect(handler or self._on_edited)
        return combo

    def _number_field(self, tooltip: str) -> NumberField:
        field = NumberField(tooltip)
        field.edited.connect(self._on_edited)
        return field

    def _build_data_box(self) -> QGroupBox:
        self.dataset = QComboBox()
        self.dataset.setToolTip(self.tr("The samples the network learns from: handwritten "
                                        "digits, small toy problems, or your own file."))
        self.dataset.currentIndexChanged.connect(self._on_dataset_chosen)
        self.dataset_slot = _Slot(self.dataset)
        self.dataset_info = QLabel()
        self.dataset_info.setWordWrap(True)
        self.dataset_info.hide()
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setToolTip(self.tr("Learn from your own data: a CSV file (one sample "
                                            "per row, the label in one column) or MNIST's "
                                            "IDX files."))
        self.open_button.clicked.connect(self.open_dataset_requested)
        self.n_samples = self._number_field(self.tr("How many points the 2-D toy problem "
                                                    "draws (training and test together)."))
        self.noise = self._number_field(self.tr("How much random jitter is added to each "
                                                "point: more noise makes the classes "
                                                "overlap."))
        self.test_fraction = self._number_field(self.tr("The share of samples kept aside to "
                                                        "test the network on data it never "
                                                        "trained on (0 = no test set)."))
        box = QGroupBox(self.tr("Data"))
        self.data_form = form = _form(box)
        form.addRow(self.tr("Dataset"), self.dataset_slot)
        form.addRow(self.dataset_info)
        form.addRow(self.open_button)
        form.addRow(self.tr("Samples"), self.n_samples)
        form.addRow(self.tr("Noise"), self.noise)
        form.addRow(self.tr("Test fraction"), self.test_fraction)
        return box

    def _build_network_box(self) -> QGroupBox:
        self.layers = self._number_field(self.tr(
            "Layer sizes from the inputs to the outputs, e.g. 64-30-10: 64 inputs, one hidden "
            "layer of 30 units, 10 outputs (one per class)."))
        activations = [(name, text, tip) for name, text, tip in self._activation_items()]
        activations.append((PER_LAYER, self.tr("per layer…"),
                            self.tr("Choose the activation of each hidden layer.")))
        self.activation = self._combo(
            activations, self.tr("The function each hidden unit applies to its weighted "
                                 "input z."), self._on_activation_chosen)
        self.activation_slot = _Slot(self.activation)
        self.layer_box = QWidget()
        self.layer_form = QFormLayout(self.layer_box)
        self.layer_form.setContentsMargins(0, 0, 0, 0)
        self.layer_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layer_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layer_combos: list[QComboBox] = []
        for number in range(1, MAX_LAYERS - 1):
            combo = self._combo(self._activation_items(),
                                self.tr("The activation of hidden layer %1 (counted from the "
                                        "inputs).").replace("%1", str(number)))
            self.layer_combos.append(combo)
            self.layer_form.addRow(self.tr("Hidden layer %1").replace("%1", str(number)),
                                   combo)
        output_tips = {
            "sigmoid": (activation_label("sigmoid"),
                        self.tr("Each output unit is a sigmoid between 0 and 1, on its own.")),
            "softmax": (activation_label("softmax"),
                        self.tr("The outputs are positive and add up to 1, like "
                                "probabilities of the classes.")),
        }
        self.output = self._combo(
            [(name, *output_tips.get(name, (name, name))) for name in OUTPUT_ACTIVATIONS],
            self.tr("How the output layer turns its weighted inputs into the network's "
                    "answer."))
        self.output_slot = _Slot(self.output)
        init_tips = {
            "standard": (self.tr("standard N(0, 1)"),
                         self.tr("Every weight and bias drawn from N(0, 1): big weights that "
                                 "often start saturated.")),
            "scaled": (self.tr("scaled N(0, 1/n)"),
                       self.tr("Weights from N(0, 1/n) for n inputs, so z starts small and "
                               "the units are not saturated.")),
            "xavier": (self.tr("Xavier"),
                       self.tr("Weights from N(0, 2/(n_in + n_out)), biases 0: suits sigmoid "
                               "and tanh.")),
            "he": (self.tr("He"),
                   self.tr("Weights from N(0, 2/n_in), biases 0: suits ReLU.")),
        }
        self.init = self._combo(
            [(name, *init_tips.get(name, (name, name))) for name in INIT_METHODS],
            self.tr("How the starting weights and biases are drawn (every run starts from "
                    "the same ones)."))
        self.init_slot = _Slot(self.init)
        box = QGroupBox(self.tr("Network"))
        self.network_form = form = _form(box)
        # the label above the field, which takes the panel's width: a deep network's
        # layers ("64-30-30-30-30-30-30-10") show whole
        layers_label = QLabel(self.tr("Layers"))
        layers_label.setBuddy(self.layers.edit)
        form.addRow(layers_label)
        form.addRow(self.layers)
        form.addRow(self.tr("Hidden activation"), self.activation_slot)
        form.addRow(self.layer_box)
        form.addRow(self.tr("Output"), self.output_slot)
        form.addRow(self.tr("Initialisation"), self.init_slot)
        return box

    def _build_training_box(self) -> QGroupBox:
        cost_tips = {
            "quadratic": (cost_label("quadratic"),
                          self.tr("C = ½‖a − y‖²: its gradient carries σ'(z), so saturated "
                                  "units learn slowly.")),
            "cross_entropy": (cost_label("cross_entropy"),
                              self.tr("C = −Σ y ln a (…): σ'(z) cancels, so a unit learns "
                                      "fastest when it is most wrong.")),
        }
        self.costs = _Checks([(name, *cost_tips.get(name, (name, name)))
                              for name in COST_NAMES])
        self.costs.setToolTip(self.tr("The cost the network minimises; each ticked cost is one "
                                      "run, side by side."))
        self.costs.toggled.connect(self._on_edited)
        self.costs_slot = _Slot(self.costs)
        self.optimizer = self._combo(
            self._optimizer_items(),
            self.tr("How many samples each gradient step looks at."))
        self.optimizer_slot = _Slot(self.optimizer)
        self.batch_size = self._number_field(self.tr("How many samples each mini-batch "
                                                     "holds."))
        self.learning_rate = self._number_field(self.tr("The learning rate η: each step moves "
                                                        "the weights by −η times the "
                                                        "gradient."))
        self.momentum = self._number_field(self.tr("Momentum μ from 0 to just under 1: each "
                                                   "step keeps μ times the previous step "
                                                   "(0 = plain gradient descent)."))
        self.l2 = self._number_field(self.tr("L2 regularisation λ: pulls every weight towards "
                                             "0 a little each step (0 = none)."))
        self.epochs = self._number_field(self.tr("How many times the network goes through all "
                                                 "training samples."))
        self.seed = self._number_field(self.tr("The seed of the random numbers (data, start, "
                                               "order of samples): the same seed gives the "
                                               "same run."))
        box = QGroupBox(self.tr("Training"))
        self.training_form = form = _form(box)
        form.addRow(self.tr("Costs"), self.costs_slot)
        form.addRow(self.tr("Optimiser"), self.optimizer_slot)
        form.addRow(self.tr("Mini-batch size"), self.batch_size)
        form.addRow(self.tr("Learning rate η"), self.learning_rate)
        form.addRow(self.tr("Momentum"), self.momentum)
        form.addRow(self.tr("L2"), self.l2)
        form.addRow(self.tr("Epochs"), self.epochs)
        form.addRow(self.tr("Seed"), self.seed)
        return box

    def _build_compare_box(self) -> QGroupBox:
        labels = self._compare_labels()
        tips = {
            "cost": self.tr("One run per ticked cost."),
            "hidden_activation": self.tr("One run per ticked activation (every hidden layer "
                                         "uses it); tick one cost."),
            "optimizer": self.tr("One run per ticked optimiser; tick one cost."),
            "learning_rate": self.tr("One run per learning rate; tick one cost."),
        }
        self.compare = self._combo(
            [(name, labels.get(name, name), tips.get(name, name))
             for name in COMPARED_SETTINGS],
            self.tr("The one setting the runs differ in; everything else, the start and the "
                    "order of the samples are the same in every run."),
            self._on_compare_chosen)
        self.compare_slot = _Slot(self.compare)
        self.compare_activations = _Checks(self._activation_items(), columns=2)
        self.compare_activations.setToolTip(self.tr("The hidden activations to compare: one "
                                                    "run each."))
        self.compare_activations.toggled.connect(self._on_edited)
        self.compare_activations_slot = _Slot(self.compare_activations)
        self.compare_optimizers = _Checks(self._optimizer_items())
        self.compare_optimizers.setToolTip(self.tr("The optimisers to compare: one run each."))
        self.compare_optimizers.toggled.connect(self._on_edited)
        self.compare_optimizers_slot = _Slot(self.compare_optimizers)
        self.compare_rates = self._number_field(self.tr(
            "The learning rates to compare, separated by commas, e.g. 0.1, 0.5, 3: one run "
            "each."))
        # what a comparison of something other than the costs starts from
        self.compare_activations.set_checked(("sigmoid", "relu"))
        self.compare_optimizers.set_checked(OPTIMIZERS)
        self.compare_rates.edit.setText("0.1, 0.5, 3")
        box = QGroupBox(self.tr("Compare"))
        self.compare_form = form = _form(box)
        form.addRow(self.tr("Runs differ in"), self.compare_slot)
        form.addRow(self.tr("Values"), self.compare_activations_slot)
        form.addRow(self.tr("Values"), self.compare_optimizers_slot)
        form.addRow(self.tr("Values"), self.compare_rates)
        return box

    # -- the projector's font ----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_fields_to_font()

    def _fit_fields_to_font(self) -> None:
        """Number fields as wide as their numbers at the current font (NumberField measures
        only the font it was made with, and the projector doubles it)."""
        digit = self.fontMetrics().horizontalAdvance("0")
        padding = digit * 2
        for field in (self.n_samples, self.noise, self.test_fraction, self.batch_size,
                      self.learning_rate, self.momentum, self.l2, self.epochs):
            field.edit.setMinimumWidth(digit * 8 + padding)
            field.edit.setMaximumWidth(digit * 12 + padding)
        for field in (self.compare_rates, self.seed):
            field.edit.setMinimumWidth(digit * 11 + padding)
            field.edit.setMaximumWidth(WIDGETSIZE_MAX)
        # room for a deep network's layers (the field has a row of its own)
        self.layers.edit.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(LONG_LAYERS_EXAMPLE) + padding)
        self.layers.edit.setMaximumWidth(WIDGETSIZE_MAX)
        for combo in self.findChildren(QComboBox):
            _fit_combo(combo)

    # -- showing an experiment -------------------------------------------------------------
    @property
    def experiment(self) -> Experiment:
        """The last valid experiment (the one shown, or the last one announced)."""
        return self._experiment

    @property
    def is_valid(self) -> bool:
        return self._valid

    def set_experiment(self, experiment: Experiment) -> None:
        """Show ``experiment`` in every field. ``experiment_edited`` is not emitted (the
        caller already has it); ``validity_changed`` is, if the fields' validity changes."""
        self._filling = True
        try:
            self._fill(experiment)
        finally:
            self._filling = False
        self._experiment = experiment
        self._sync_rows()
        self._check(announce=False)

    def _fill(self, exp: Experiment) -> None:
        data, net, train, compare = exp.data, exp.network, exp.training, exp.compare
        self._fill_datasets(data)
        self._set_number(self.n_samples, data.n_samples, whole=True)
        self._set_number(self.noise, data.noise)
        self._set_number(self.test_fraction, data.test_fraction)

        self.layers.edit.setText("-".join(str(size) for size in net.layers))
        self.layers.set_error("")
        if isinstance(net.hidden_activation, str):
            self._select(self.activation, net.hidden_activation)
            for combo in self.layer_combos:
                self._select(combo, net.hidden_activation)
        else:
            self._select(self.activation, PER_LAYER)
            for combo, name in zip(self.layer_combos, net.hidden_activation):
                self._select(combo, name)
        n_hidden = max(len(net.layers) - 2, 0)
        self._rows_set = n_hidden
        self._show_layer_rows(n_hidden)
        self._select(self.output, net.output)
        self._select(self.init, net.init)

        self.costs.set_checked(train.costs)
        if train.batch_size is None:
            self._select(self.optimizer, "batch")
        elif train.batch_size == 1:
            self._select(self.optimizer, "sgd")
        else:
            self._select(self.optimizer, "mini-batch")
        if train.batch_size is not None and train.batch_size > 1:
            self._set_number(self.batch_size, train.batch_size, whole=True)
        elif not self.batch_size.text():
            self._set_number(self.batch_size, DEFAULT_MINI_BATCH, whole=True)
        self._set_number(self.learning_rate, train.learning_rate)
        self._set_number(self.momentum, train.momentum)
        self._set_number(self.l2, train.l2)
        self._set_number(self.epochs, train.epochs, whole=True)
        self._set_number(self.seed, exp.seed, whole=True)

        self._select(self.compare, compare.setting)
        if compare.setting == "hidden_activation":
            self.compare_activations.set_checked(compare.values)
        elif compare.setting == "optimizer":
            self.compare_optimizers.set_checked(compare.values)
        elif compare.setting == "learning_rate":
            self.compare_rates.edit.setText(", ".join(field_text(v) for v in compare.values))

    def _fill_datasets(self, data) -> None:
        """The built-in datasets, and an entry for each file the experiment names."""
        self.dataset.clear()
        labels = self._dataset_labels()
        for name in BUILT_IN_DATASETS:
            self.dataset.addItem(labels.get(name, name), name)
        files = {"csv": data.path, "idx": data.images}
        for name in FILE_DATASETS:
            path = files[name]
            if path is not None or data.dataset == name:
                text = (self.tr("file: %1").replace("%1", os.path.basename(path)) if path
                        else self.tr("file"))
                self.dataset.addItem(text, name)
                self.dataset.setItemData(self.dataset.count() - 1, path or "",
                                         role=Qt.ItemDataRole.ToolTipRole)
        self._select(self.dataset, data.dataset)
        _fit_combo(self.dataset)

    @staticmethod
    def _select(combo: QComboBox, data) -> None:
        index = combo.findData(data)
        if index >= 0:
            combo.setCurrentIndex(index)

    @staticmethod
    def _set_number(field: NumberField, value, whole: bool = False) -> None:
        field.edit.setText(str(int(value)) if whole else field_text(value))
        field.set_error("")

    def set_dataset_shape(self, n_features: int, n_classes: int, description: str) -> None:
        """The loaded data have ``n_features`` inputs and ``n_classes`` classes: the layers
        must start and end with them. ``description`` is shown under the dataset chooser."""
        self._shape = (int(n_features), int(n_classes))
        self.dataset_info.setText(description)
        self.dataset_info.setVisible(bool(description))
        self._check(announce=True)

    # -- reacting to edits -----------------------------------------------------------------
    def _on_edited(self, *_args) -> None:
        if self._filling:
            return
        self._sync_rows()
        self._check(announce=True)

    def _on_dataset_chosen(self, *_args) -> None:
        if self._filling:
            return
        # the shape is the old data's until the window has loaded the new ones
        self._shape = None
        self.dataset_info.clear()
        self.dataset_info.hide()
        self._on_edited()

    def _on_activation_chosen(self, *_args) -> None:
        if self._filling:
            return
        single = self._experiment.network.hidden_activation
        if self.activation.currentData() == PER_LAYER and isinstance(single, str):
            self._filling = True
            try:
                for combo in self.layer_combos:
                    self._select(combo, single)
            finally:
                self._filling = False
        self._on_edited()

    def _on_compare_chosen(self, *_args) -> None:
        if self._filling:
            return
        if self.compare.currentData() == "learning_rate" and self.learning_rate.error.text():
            # η is about to be disabled: it must not stay stuck with an error
            self._set_number(self.learning_rate, self._experiment.training.learning_rate)
        self._on_edited()

    def _sync_rows(self) -> None:
        """Show the rows that matter for the chosen dataset, optimiser and comparison."""
        toy = "noise" in DATASET_OPTIONS.get(self.dataset.currentData(), ())
        self.data_form.setRowVisible(self.n_samples, toy)
        self.data_form.setRowVisible(self.noise, toy)
        per_layer = self.activation.currentData() == PER_LAYER
        self.network_form.setRowVisible(self.layer_box, per_layer and self._n_hidden > 0)
        setting = self.compare.currentData()
        self.activation_slot.setEnabled(setting != "hidden_activation")
        self.layer_box.setEnabled(setting != "hidden_activation")
        self.optimizer_slot.setEnabled(setting != "optimizer")
        self.learning_rate.setEnabled(setting != "learning_rate")
        self.batch_size.setEnabled(self._needs_batch_size())
        self.compare_form.setRowVisible(self.compare_activations_slot,
                                        setting == "hidden_activation")
        self.compare_form.setRowVisible(self.compare_optimizers_slot, setting == "optimizer")
        self.compare_form.setRowVisible(self.compare_rates, setting == "learning_rate")

    def _needs_batch_size(self) -> bool:
        if self.compare.currentData() == "optimizer" \
                and "mini-batch" in self.compare_optimizers.checked():
            return True
        return self.optimizer.currentData() == "mini-batch"

    def _show_layer_rows(self, n_hidden: int) -> None:
        """One activation choice per hidden layer. A layer that appears for the first time
        starts like the one before it; a choice is kept while the layers are retyped."""
        n_hidden = min(n_hidden, len(self.layer_combos))
        for i in range(max(self._rows_set, 1), n_hidden):
            self._select(self.layer_combos[i], self.layer_combos[i - 1].currentData())
        self._rows_set = max(self._rows_set, n_hidden)
        self._n_hidden = n_hidden
        for i in range(len(self.layer_combos)):
            self.layer_form.setRowVisible(i, i < n_hidden)

    # -- checking what was typed -----------------------------------------------------------
    def _allowed(self, rng: _Range) -> str:
        if rng.whole:
            return (self.tr("a whole number from %1 to %2")
                    .replace("%1", f"{int(rng.low):,}").replace("%2", f"{int(rng.high):,}"))
        if rng.low_open:
            text = self.tr("a number > %1 and ≤ %2")
        elif rng.high_open:
            text = self.tr("a number ≥ %1 and < %2")
        else:
            text = self.tr("a number ≥ %1 and ≤ %2")
        return text.replace("%1", field_text(rng.low)).replace("%2", field_text(rng.high))

    def _check_number(self, text: str, name: str, rng: _Range) -> tuple[float | None, str]:
        """(value, "") for a good number, (None, reason) for a bad one."""
        must = self.tr("%1 must be %2.").replace("%1", name).replace("%2", self._allowed(rng))
        if not text:
            return None, must
        value = _parse_whole(text) if rng.whole else _parse_float(text)
        if value is None or not math.isfinite(value):
            what = (self.tr("“%1” is not a whole number: ") if rng.whole
                    else self.tr("“%1” is not a number: "))
            return None, what.replace("%1", text) + must
        too_low = value <= rng.low if rng.low_open else value < rng.low
        too_high = value >= rng.high if rng.high_open else value > rng.high
        if too_low or too_high:
            return None, must
        return value, ""

    def _read(self, field: NumberField, name: str, rng: _Range):
        value, reason = self._check_number(field.text(), name, rng)
        field.set_error(reason)
        return value

    def _read_layers(self) -> tuple[int, ...] | None:
        field = self.layers
        text = field.text()
        example = self.tr("e.g. 64-30-10")
        if not text:
            field.set_error(self.tr("Enter the layer sizes from the inputs to the outputs, "
                                    "%1.").replace("%1", example))
            return None
        tokens = _SEPARATORS.split(text)
        if "" in tokens:
            field.set_error(self.tr("A layer size is missing: write the sizes from the inputs "
                                    "to the outputs, %1.").replace("%1", example))
            return None
        sizes = []
        for token in tokens:
            if not token.isdigit():
                field.set_error(self.tr("“%1” is not a layer size: layer sizes are whole "
                                        "numbers, %2.").replace("%1", token)
                                .replace("%2", example))
                return None
            sizes.append(int(token))
        if not MIN_LAYERS <= len(sizes) <= MAX_LAYERS:
            field.set_error(
                self.tr("%1 layers: a network has %2 to %3 layers (the inputs, up to %4 "
                        "hidden layers, the outputs).")
                .replace("%1", str(len(sizes))).replace("%2", str(MIN_LAYERS))
                .replace("%3", str(MAX_LAYERS)).replace("%4", str(MAX_LAYERS - 2)))
            return None
        for i, size in enumerate(sizes):
            if 0 < i < len(sizes) - 1:
                if not 1 <= size <= MAX_HIDDEN_SIZE:
                    field.set_error(
                        self.tr("Hidden layer %1 has %2 units: a hidden layer has 1 to %3.")
                        .replace("%1", str(i)).replace("%2", str(size))
                        .replace("%3", str(MAX_HIDDEN_SIZE)))
                    return None
            elif not 1 <= size <= MAX_LAYER_SIZE:
                which = (self.tr("The input layer has %1 units: inputs and outputs have 1 to "
                                 "%2.") if i == 0 else
                         self.tr("The output layer has %1 units: inputs and outputs have 1 "
                                 "to %2."))
                field.set_error(which.replace("%1", str(size))
                                .replace("%2", str(MAX_LAYER_SIZE)))
                return None
        if self._shape is not None and (sizes[0], sizes[-1]) != self._shape:
            n_features, n_classes = self._shape
            suggestion = "-".join(str(s) for s in (n_features, *sizes[1:-1], n_classes))
            field.set_error(
                self.tr("The data have %1 inputs and %2 classes: start with %1 and end with "
                        "%2, e.g. %3.").replace("%1", str(n_features))
                .replace("%2", str(n_classes)).replace("%3", suggestion))
            return None
        field.set_error("")
        return tuple(sizes)

    def _read_rates(self) -> tuple[float, ...] | None:
        field = self.compare_rates
        rng = _Range(0.0, MAX_LEARNING_RATE, low_open=True)
        text = field.text()
        if not text:
            field.set_error(self.tr("Enter the learning rates to compare, e.g. 0.1, 0.5, 3."))
            return None
        rates = []
        for token in _LIST_SEPARATORS.split(text.strip(" ,;")):
            value, reason = self._check_number(token, self.tr("Each η"), rng)
            if value is None:
                field.set_error(reason)
                return None
            if value in rates:
                field.set_error(self.tr("η = %1 is there twice: each run needs a different "
                                        "η.").replace("%1", token))
                return None
            rates.append(value)
        field.set_error("")
        return tuple(rates)

    def _build(self) -> Experiment | None:
        """The experiment the fields describe, or None when a field is bad (each bad field
        then shows why)."""
        for field in self._fields:
            field.set_error("")
        self.general_error.hide()
        old = self._experiment
        bad = object()

        def ok(value):
            return bad if value is None else value

        dataset = self.dataset.currentData()
        toy = "noise" in DATASET_OPTIONS.get(dataset, ())
        n_samples, noise = old.data.n_samples, old.data.noise
        if toy:
            n_samples = ok(self._read(self.n_samples, self.tr("Samples"),
                                      _Range(MIN_SAMPLES, MAX_SAMPLES, whole=True)))
            noise = ok(self._read(self.noise, self.tr("Noise"), _Range(0.0, MAX_NOISE)))
        test_fraction = ok(self._read(self.test_fraction, self.tr("Test fraction"),
                                      _Range(0.0, MAX_TEST_FRACTION)))

        layers = self._read_layers()
        if layers is not None:
            self._filling = True
            try:
                self._show_layer_rows(len(layers) - 2)
            finally:
                self._filling = False
            self._sync_rows()
        if self.activation.currentData() == PER_LAYER:
            hidden_activation = tuple(combo.currentData()
                                      for combo in self.layer_combos[:self._n_hidden])
        else:
            hidden_activation = self.activation.currentData()

        setting = self.compare.currentData()
        costs = tuple(self.costs.checked())
        before = old.compare.values if old.compare.setting == setting else ()
        if setting == "hidden_activation":
            values = _in_order(self.compare_activations.checked(), before)
        elif setting == "optimizer":
            values = _in_order(self.compare_optimizers.checked(), before)
        elif setting == "learning_rate":
            values = ok(self._read_rates())
        else:
            values = ()
        labels = self._compare_labels()
        if setting == "cost" and not costs:
            self.costs_slot.set_error(self.tr("Tick at least one cost: each ticked cost is "
                                              "one run."))
            costs = bad
        elif setting != "cost" and len(costs) != 1:
            self.costs_slot.set_error(self.tr("The runs differ in the %1, so tick exactly one "
                                              "cost.").replace("%1", labels.get(setting,
                                                                                setting)))
            costs = bad

        optimizer = self.optimizer.currentData()
        if self._needs_batch_size():
            batch_size = ok(self._read(self.batch_size, self.tr("Mini-batch size"),
                                       _Range(2, MAX_BATCH_SIZE, whole=True)))
        elif optimizer == "sgd":
            batch_size = 1
        else:
            batch_size = None
        learning_rate = ok(self._read(self.learning_rate, self.tr("η"),
                                      _Range(0.0, MAX_LEARNING_RATE, low_open=True)))
        momentum = ok(self._read(self.momentum, self.tr("Momentum"),
                                 _Range(0.0, 1.0, high_open=True)))
        l2 = ok(self._read(self.l2, self.tr("L2"), _Range(0.0, MAX_LEARNING_RATE)))
        epochs = ok(self._read(self.epochs, self.tr("Epochs"),
                               _Range(1, MAX_EPOCHS, whole=True)))
        seed = ok(self._read(self.seed, self.tr("Seed"), _Range(0, MAX_SEED, whole=True)))

        read = (n_samples, noise, test_fraction, layers, values, costs, batch_size,
                learning_rate, momentum, l2, epochs, seed)
        if layers is None or any(value is bad for value in read):
            return None
        return dataclasses.replace(
            old,
            kind="network",
            seed=int(seed),
            data=dataclasses.replace(old.data, dataset=dataset, n_samples=int(n_samples),
                                     noise=float(noise), test_fraction=float(test_fraction)),
            network=dataclasses.replace(old.network, layers=layers,
                                        hidden_activation=hidden_activation,
                                        output=self.output.currentData(),
                                        init=self.init.currentData()),
            training=dataclasses.replace(old.training, costs=costs,
                                         learning_rate=float(learning_rate),
                                         epochs=int(epochs), batch_size=batch_size,
                                         momentum=float(momentum), l2=float(l2)),
            compare=CompareSettings(setting, values) if setting != "cost" else CompareSettings(),
        )

    def _check(self, announce: bool) -> None:
        """Read every field; when all are good, let the core check the whole experiment, and
        with ``announce`` take it and emit it if it is new."""
        built = self._build()
        if built is None:
            self._set_valid(False)
            return
        try:
            checked = validate_experiment(built)
        except ExperimentError as error:
            self._show_core_error(str(error), built.source)
            self._set_valid(False)
            return
        self._set_valid(True)
        if announce and not _same_settings(checked, self._experiment):
            self._experiment = dataclasses.replace(checked, name="", description="")
            self.experiment_edited.emit(self._experiment)

    def _show_core_error(self, message: str, source: str) -> None:
        """Show the core's refusal on the field its dotted key names (``training.costs``)."""
        prefix = f"{source}: "
        if message.startswith(prefix):
            message = message[len(prefix):]
        match = _KEY.search(message)
        key = match.group(1) if match else ""
        if key == "compare.values":
            field = {"hidden_activation": self.compare_activations_slot,
                     "optimizer": self.compare_optimizers_slot,
                     "learning_rate": self.compare_rates}.get(self.compare.currentData())
        else:
            field = self._field_for_key.get(key)
        if field is not None and field.isVisibleTo(self):
            field.set_error(message)
        else:
            self.general_error.setText(message)
            self.general_error.show()

    def _set_valid(self, valid: bool) -> None:
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)

    def first_error(self) -> str:
        """The first field's error, for the status bar when Run is refused; '' when valid."""
        for field in self._fields:
            if field.error.text():
                return field.error.text()
        return self.general_error.text() if not self.general_error.isHidden() else ""
