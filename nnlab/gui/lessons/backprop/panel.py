"""The lesson's settings: the sample (x1, x2, x3 and its class), η, the biases in or out, a
random start from a seed, the lesson's defaults again, and how the descent methods are
compared (the plot's x axis, the mini-batch size).

Each number is checked as it is typed (:func:`~nnlab.gui.widgets.fields.read_number`, by the
rules of :mod:`nnlab.core.backprop_steps`): a bad value is refused with the reason under its
field, and the lesson keeps the last good one. The weights are typed into the diagram itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from nnlab.core.backprop_steps import INPUTS, LEARNING_RATE_RULE, VALUE_RULE, Example
from nnlab.gui.lessons.backprop.model import MINI_BATCH_RANGE, X_AXES
from nnlab.gui.lessons.backprop.views.descent import axis_label
from nnlab.gui.widgets.fields import NumberField, form_layout, read_number

#: the largest seed the spin box takes
MAX_SEED = 999_999


class BackpropPanel(QWidget):
    """The settings (see the module docstring). Signals carry each valid change."""

    input_edited = Signal(str, float)
    eta_edited = Signal(float)
    target_chosen = Signal(int)
    biases_toggled = Signal(bool)
    random_start_wanted = Signal(int)
    x_axis_chosen = Signal(str)
    mini_batch_chosen = Signal(int)

    def __init__(self, reset: QAction, parent=None):
        super().__init__(parent)
        sample = QGroupBox(self.tr("The sample"))
        form = form_layout(sample)
        self.inputs = {}
        for name in INPUTS:
            field = NumberField(self.tr("An input of the sample, from −100 to 100."))
            field.edited.connect(lambda name=name: self._on_input_edited(name))
            self.inputs[name] = field
            form.addRow(name, field)
        self.target = QComboBox()
        for cls in range(3):
            target = ", ".join("1" if i == cls else "0" for i in range(3))
            self.target.addItem(f"{cls + 1}: y = ({target})", cls)
        self.target.setToolTip(self.tr("The sample's class: its target is 1 at that output "
                                       "and 0 at the others."))
        self.target.activated.connect(lambda index: self.target_chosen.emit(index))
        form.addRow(self.tr("Class"), self.target)
        self.eta = NumberField(self.tr("The learning rate η of the update, more than 0 and at "
                                       "most 10."))
        self.eta.edited.connect(self._on_eta_edited)
        form.addRow(self.tr("Learning rate η"), self.eta)

        network = QGroupBox(self.tr("The network"))
        box = QVBoxLayout(network)
        self.biases = QCheckBox(self.tr("Biases b1 … b5"))
        self.biases.setToolTip(self.tr("Leave them out, as the note's figure does: they are "
                                       "then 0 and are not trained."))
        self.biases.toggled.connect(self.biases_toggled)
        box.addWidget(self.biases)
        seed_row = QHBoxLayout()
        self.seed = QSpinBox()
        self.seed.setRange(0, MAX_SEED)
        self.seed.setToolTip(self.tr("The seed of a random start: the same seed, the same "
                                     "weights."))
        seed_row.addWidget(QLabel(self.tr("Seed")))
        seed_row.addWidget(self.seed, 1)
        box.addLayout(seed_row)
        self.random_button = QPushButton(self.tr("Random start"))
        self.random_button.setToolTip(self.tr("Weights and biases drawn from the seed, "
                                              "rounded to two decimals"))
        self.random_button.clicked.connect(
            lambda *_: self.random_start_wanted.emit(self.seed.value()))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setToolTip(self.tr("The lesson's weights, sample and η again (R)"))
        self.reset_button.clicked.connect(lambda *_: reset.trigger())
        for button in (self.random_button, self.reset_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the window's
            box.addWidget(button)
        self.hint = QLabel(self.tr("Click a weight, a bias or an input in the diagram to type "
                                   "a new value."))
        self.hint.setWordWrap(True)
        self.hint.setMinimumWidth(self.hint.fontMetrics().averageCharWidth() * 16)
        box.addWidget(self.hint)

        train = QGroupBox(self.tr("Train on"))
        self.train_group = train
        form = form_layout(train)
        self.x_axis = QComboBox()
        for axis in X_AXES:
            self.x_axis.addItem(axis_label(axis), axis)
        self.x_axis.setToolTip(self.tr("What the loss is plotted against: on epochs SGD looks "
                                       "fastest, on updates or samples it is many cheap, noisy "
                                       "steps."))
        self.x_axis.activated.connect(
            lambda index: self.x_axis_chosen.emit(self.x_axis.itemData(index)))
        form.addRow(self.tr("x axis"), self.x_axis)
        self.mini_batch = QSpinBox()
        self.mini_batch.setRange(*MINI_BATCH_RANGE)
        self.mini_batch.setToolTip(self.tr("Samples in each step of mini-batch descent"))
        self.mini_batch.valueChanged.connect(self.mini_batch_chosen)
        form.addRow(self.tr("Mini-batch size"), self.mini_batch)

        layout = QVBoxLayout(self)
        layout.addWidget(sample)
        layout.addWidget(network)
        layout.addWidget(train)
        layout.addStretch(1)

    def show_model(self, example: Example, seed: int, x_axis: str, mini_batch: int) -> None:
        """The fields as the model has them (no signals; a field being typed in keeps its
        text)."""
        for name, value in zip(INPUTS, example.x):
            field = self.inputs[name]
            if not field.edit.hasFocus():
                field.set_value(value)
        if not self.eta.edit.hasFocus():
            self.eta.set_value(example.eta)
        widgets = (self.target, self.biases, self.seed, self.x_axis, self.mini_batch)
        blockers = [QSignalBlocker(widget) for widget in widgets]
        self.target.setCurrentIndex(example.y.index(1.0))
        self.biases.setChecked(example.use_biases)
        self.seed.setValue(seed)
        self.x_axis.setCurrentIndex(self.x_axis.findData(x_axis))
        self.mini_batch.setValue(mini_batch)
        del blockers

    def _on_input_edited(self, name: str) -> None:
        value = read_number(self.inputs[name], VALUE_RULE, self.tr("Input"), key=name)
        if value is not None:
            self.input_edited.emit(name, float(value))

    def _on_eta_edited(self) -> None:
        value = read_number(self.eta, LEARNING_RATE_RULE, self.tr("Learning rate"), key="η")
        if value is not None:
            self.eta_edited.emit(float(value))
