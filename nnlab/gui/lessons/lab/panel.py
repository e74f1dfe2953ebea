"""The network lab's settings panel: the data, the network, its training, and what the runs
compare.

As in the lesson's panel, every field is checked as it is typed, by the experiment file's own
rules (:data:`nnlab.core.experiment.FIELDS`): a bad value is marked on the field itself, with
the reason written under it, and the panel reports itself invalid so the window can refuse to
start a run. A valid edit is built into a whole new :class:`Experiment` and checked by the
core's own rules (``validate_experiment``); a refusal there is shown on the field its dotted
key names (``training.costs`` → the cost check boxes). The sections' fields are built in
:mod:`.panel_sections`.
"""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from nnlab.core.datasets import BUILT_IN_SHAPES, DATASET_OPTIONS, REGRESSION_DATASETS
from nnlab.core.experiment import (
    FIELDS, CompareSettings, Experiment, ExperimentError, layer_size_field, validate_experiment,
)
from nnlab.gui.lessons.lab.panel_sections import (
    DOWNLOAD_MNIST, PER_LAYER, CompareSection, DataSection, NetworkSection, TrainingSection,
    compare_labels, select,
)
from nnlab.core.text import Message
from nnlab.gui.text import cost_label, fill, translated
from nnlab.gui.widgets.fields import (
    NumberField, check_number, error_label, field_text, fit_combo, read_number,
)

LONG_LAYERS_EXAMPLE = "64-30-30-30-30-30-30-10"
"""The layers field is wide enough to show this whole."""
DEFAULT_MINI_BATCH = 32
WIDGETSIZE_MAX = (1 << 24) - 1

_SEPARATORS = re.compile(r"\s*[,;\-–—]\s*|\s+")
_LIST_SEPARATORS = re.compile(r"[\s,;]+")
_KEY = re.compile(r"\b(seed|(?:data|network|training|compare)\.[a-z_]+)")


def _same_settings(a: Experiment, b: Experiment) -> bool:
    """Equal apart from the name and description (an edit makes a new, unnamed experiment)."""
    return dataclasses.replace(a, name=b.name, description=b.description) == b


def _same_but_pace(a: Experiment, b: Experiment) -> bool:
    """Equal apart from the name, the description and the pace (the page gives an edited
    experiment the pace of its speed control)."""
    return _same_settings(a, dataclasses.replace(
        b, training=dataclasses.replace(b.training, speed=a.training.speed)))


def _in_order(names: list[str], before: tuple) -> tuple:
    """The ticked names, in the order the experiment had them when they are the same set (so
    showing an experiment and reading it back gives it unchanged)."""
    return tuple(before) if set(names) == set(before) else tuple(names)


class LabPanel(QWidget):
    """Edits a network experiment (kind "network").

    ``experiment_edited`` carries each valid new experiment; ``validity_changed`` tells
    whether the fields as typed can be run; ``open_dataset_requested`` asks the window to
    show its file dialog, ``mnist_download_requested`` to download MNIST (its entry in the
    data list was chosen while it is not in the cache: the list goes back to the data in
    use, and the window switches to MNIST once it is downloaded). The window calls
    :meth:`set_dataset_shape` whenever the loaded data change, so the layers can be checked
    against them, and :meth:`set_run_time_text` to say how long a run takes.
    """

    experiment_edited = Signal(object)
    validity_changed = Signal(bool)
    open_dataset_requested = Signal()
    mnist_download_requested = Signal()

    def __init__(self, experiment: Experiment, parent=None):
        super().__init__(parent)
        self._experiment = experiment
        self._valid = True
        self._filling = True  # fields being filled by code: no edits to announce
        self._shape: tuple[int, int] | None = None
        self._shape_is_regression = False
        self._n_hidden = 0  # hidden layers of the layers as last read
        self._rows_set = 0  # per-layer choices made so far (kept while the layers are retyped)
        # each cost's own η, by cost name, while the experiment has them: a cost unticked and
        # ticked again gets its η back
        self._cost_rates: dict[str, float] = {}

        # parented at once: _connect_fields finds their number fields among its children
        self.data_box = DataSection(self)
        self.network_box = NetworkSection(self)
        self.training_box = TrainingSection(self)
        self.compare_box = CompareSection(self)
        self._take_fields()
        self._connect_fields()

        # a refusal of the core that names no field of the panel
        self.general_error = error_label()

        layout = QVBoxLayout(self)
        for box in (self.data_box, self.network_box, self.training_box, self.compare_box):
            layout.addWidget(box)
        layout.addWidget(self.general_error)
        layout.addStretch(1)

        # every field, in the order shown: the first error is the one reported
        self._fields = [
            self.dataset_field, self.task_field, self.n_samples, self.noise, self.test_fraction,
            self.layers, self.activation_field, self.output_field, self.init_field,
            self.costs_field, self.optimizer_field, self.batch_size, self.learning_rate,
            *self.cost_rates.values(), self.momentum, self.l2, self.epochs, self.seed, self.precision_field,
            self.compare_field, self.compare_activations_field, self.compare_optimizers_field,
            self.compare_rates,
        ]
        self._field_for_key = {
            "data.dataset": self.dataset_field, "data.path": self.dataset_field,
            "data.label_column": self.dataset_field, "data.images": self.dataset_field,
            "data.labels": self.dataset_field, "data.n_samples": self.n_samples,
            "data.task": self.task_field,
            "data.noise": self.noise, "data.test_fraction": self.test_fraction,
            "network.layers": self.layers, "network.hidden_activation": self.activation_field,
            "network.output": self.output_field, "network.init": self.init_field,
            "training.costs": self.costs_field, "training.batch_size": self.batch_size,
            "training.learning_rate": self.learning_rate, "training.momentum": self.momentum,
            "training.l2": self.l2, "training.epochs": self.epochs, "seed": self.seed,
            "training.precision": self.precision_field,
            "compare.learning_rates": self.costs_field,
            "compare.setting": self.compare_field,
        }
        self._fit_fields_to_font()
        self.set_experiment(experiment)

    # -- the fields ----------------------------------------------------------------------------
    def _take_fields(self) -> None:
        """The sections' fields, by the names the window and its tests use."""
        data, network = self.data_box, self.network_box
        self.dataset, self.dataset_field = data.dataset, data.dataset_field
        self.dataset_info, self.open_button = data.dataset_info, data.open_button
        self.task, self.task_field = data.task, data.task_field
        self.n_samples, self.noise = data.n_samples, data.noise
        self.test_fraction, self.data_form = data.test_fraction, data.form
        self.layers, self.layer_box = network.layers, network.layer_box
        self.layer_form, self.layer_combos = network.layer_form, network.layer_combos
        self.activation, self.activation_field = network.activation, network.activation_field
        self.output, self.output_field = network.output, network.output_field
        self.init, self.init_field = network.init, network.init_field
        self.network_form = network.form
        training, compare = self.training_box, self.compare_box
        self.costs, self.costs_field = training.costs, training.costs_field
        self.optimizer, self.optimizer_field = training.optimizer, training.optimizer_field
        self.batch_size, self.learning_rate = training.batch_size, training.learning_rate
        self.momentum, self.l2 = training.momentum, training.l2
        self.epochs, self.seed = training.epochs, training.seed
        self.precision, self.precision_field = training.precision, training.precision_field
        self.cost_rates, self.run_time = training.cost_rates, training.run_time
        self.training_form = training.form
        self._learning_rate_tip = self.learning_rate.edit.toolTip()
        self.compare, self.compare_field = compare.compare, compare.compare_field
        self.compare_activations = compare.activations
        self.compare_activations_field = compare.activations_field
        self.compare_optimizers = compare.optimizers
        self.compare_optimizers_field = compare.optimizers_field
        self.compare_rates, self.compare_form = compare.rates, compare.form

    def _connect_fields(self) -> None:
        for field in self.findChildren(NumberField):
            field.edited.connect(self._on_edited)
        for combo in (*self.layer_combos, self.output, self.init, self.optimizer,
                      self.precision):
            combo.currentIndexChanged.connect(self._on_edited)
        for checks in (self.costs, self.compare_activations, self.compare_optimizers):
            checks.toggled.connect(self._on_edited)
        self.dataset.currentIndexChanged.connect(self._on_dataset_chosen)
        self.task.currentIndexChanged.connect(self._on_task_chosen)
        self.activation.currentIndexChanged.connect(self._on_activation_chosen)
        self.compare.currentIndexChanged.connect(self._on_compare_chosen)
        self.open_button.clicked.connect(self.open_dataset_requested)

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
                      self.learning_rate, *self.cost_rates.values(), self.momentum, self.l2,
                      self.epochs):
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
            fit_combo(combo)

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
        # the panel's own experiment shown again (at another pace) keeps the rates of the
        # costs unticked; another experiment brings its own
        self._remember_rates(experiment, keep=_same_but_pace(experiment, self._experiment))
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
        self.data_box.fill_datasets(data)
        select(self.task, data.task)
        self._set_number(self.n_samples, data.n_samples, whole=True)
        self._set_number(self.noise, data.noise)
        self._set_number(self.test_fraction, data.test_fraction)

        self.layers.edit.setText("-".join(str(size) for size in net.layers))
        self.layers.set_error("")
        if isinstance(net.hidden_activation, str):
            select(self.activation, net.hidden_activation)
            for combo in self.layer_combos:
                select(combo, net.hidden_activation)
        else:
            select(self.activation, PER_LAYER)
            for combo, name in zip(self.layer_combos, net.hidden_activation):
                select(combo, name)
        n_hidden = max(len(net.layers) - 2, 0)
        self._rows_set = n_hidden
        self._show_layer_rows(n_hidden)
        select(self.output, net.output)
        select(self.init, net.init)

        self.costs.set_checked(train.costs)
        if train.batch_size is None:
            select(self.optimizer, "batch")
        elif train.batch_size == 1:
            select(self.optimizer, "sgd")
        else:
            select(self.optimizer, "mini-batch")
        if train.batch_size is not None and train.batch_size > 1:
            self._set_number(self.batch_size, train.batch_size, whole=True)
        elif not self.batch_size.text():
            self._set_number(self.batch_size, DEFAULT_MINI_BATCH, whole=True)
        self._set_number(self.learning_rate, train.learning_rate)
        for cost, field in self.cost_rates.items():
            # a cost the experiment does not run starts from the one η when ticked
            self._set_number(field, self._cost_rates.get(cost, train.learning_rate))
        self._set_number(self.momentum, train.momentum)
        self._set_number(self.l2, train.l2)
        self._set_number(self.epochs, train.epochs, whole=True)
        self._set_number(self.seed, exp.seed, whole=True)
        select(self.precision, train.precision)

        select(self.compare, compare.setting)
        if compare.setting == "hidden_activation":
            self.compare_activations.set_checked(compare.values)
        elif compare.setting == "optimizer":
            self.compare_optimizers.set_checked(compare.values)
        elif compare.setting == "learning_rate":
            self.compare_rates.edit.setText(", ".join(field_text(v) for v in compare.values))

    def _remember_rates(self, experiment: Experiment, keep: bool) -> None:
        """Remember each cost's own η in ``experiment`` (with ``keep``, the remembered η of
        the costs it does not run too); none when it has none."""
        rates = dict(zip(experiment.training.costs, experiment.compare.learning_rates))
        if not rates:
            self._cost_rates = {}
        elif keep:
            self._cost_rates.update(rates)
        else:
            self._cost_rates = rates

    @staticmethod
    def _set_number(field: NumberField, value, whole: bool = False) -> None:
        field.edit.setText(str(int(value)) if whole else field_text(value))
        field.set_error("")

    def refresh_datasets(self) -> None:
        """List the data again (MNIST's entry changes once it is downloaded), the data in
        use chosen."""
        self._filling = True
        try:
            self.data_box.fill_datasets(self._experiment.data)
        finally:
            self._filling = False

    def choose_dataset(self, name: str) -> bool:
        """Choose the data ``name`` in the list, as a user does (an edit is announced);
        False when the list has no such entry."""
        index = self.dataset.findData(name)
        if index < 0:
            return False
        self.dataset.setCurrentIndex(index)
        return True

    def set_run_time_text(self, text: str) -> None:
        """How long a run of these settings takes on this computer ('' hides the line)."""
        self.run_time.setText(text)
        self.run_time.setVisible(bool(text))

    def set_dataset_shape(self, n_features: int, n_classes: int, description: str,
                          regression: bool = False) -> None:
        """The loaded data have ``n_features`` inputs and ``n_classes`` classes (with
        ``regression``, numbers to learn): the layers must start and end with them.
        ``description`` is shown under the dataset chooser."""
        self._shape = (int(n_features), int(n_classes))
        self._shape_is_regression = regression
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
        if self.dataset.currentData() == DOWNLOAD_MNIST:
            # not data yet: the list shows the data in use until the download has ended
            self._filling = True
            try:
                select(self.dataset, self._experiment.data.dataset)
            finally:
                self._filling = False
            self.mnist_download_requested.emit()
            return
        # the shape is the old data's until the window has loaded the new ones
        self._shape = None
        self.dataset_info.clear()
        self.dataset_info.hide()
        self._suit_task(self._chosen_task())
        self._fit_layer_ends(BUILT_IN_SHAPES.get(self.dataset.currentData()))
        self._on_edited()

    def _fit_layer_ends(self, shape: tuple[int, int] | None) -> None:
        """Built-in data's inputs and classes (``shape``, known before they are drawn) as the
        first and last of the layers typed, the hidden layers kept: 64-30-10 becomes
        784-30-10 for MNIST."""
        sizes = [token for token in _SEPARATORS.split(self.layers.text()) if token]
        if shape is None or len(sizes) < 2 or not all(t.isdigit() for t in sizes):
            return
        self._filling = True
        try:
            self.layers.edit.setText("-".join([str(shape[0]), *sizes[1:-1], str(shape[1])]))
        finally:
            self._filling = False

    def _on_task_chosen(self, *_args) -> None:
        if self._filling:
            return
        self._suit_task(self._chosen_task())
        self._on_edited()

    def _chosen_task(self) -> str:
        """The task of the chosen data: the sine and step are numbers to learn, a file's is
        chosen under Labels, the other built-in data have classes."""
        dataset = self.dataset.currentData()
        if dataset in REGRESSION_DATASETS:
            return "regression"
        if dataset == "csv":
            return self.task.currentData()
        return "classification"

    def _suit_task(self, task: str) -> None:
        """A change between classes and numbers to learn changes the output and the costs
        with it (regression: a linear output, the quadratic cost only; classes: softmax,
        both costs), and for the built-in numbers the layers' ends (one input, one output):
        the other way round they are refused, each with its reason. The layers' ends are
        fitted to built-in data, whose shape is known before they are drawn."""
        if task == self._experiment.data.task:
            return
        self._filling = True
        try:
            regression = task == "regression"
            select(self.output, "linear" if regression else "softmax")
            self.costs.set_checked(("quadratic",) if regression
                                   else ("quadratic", "cross_entropy"))
        finally:
            self._filling = False
        self._fit_layer_ends(BUILT_IN_SHAPES.get(self.dataset.currentData()))

    def _on_activation_chosen(self, *_args) -> None:
        if self._filling:
            return
        single = self._experiment.network.hidden_activation
        if self.activation.currentData() == PER_LAYER and isinstance(single, str):
            self._filling = True
            try:
                for combo in self.layer_combos:
                    select(combo, single)
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
        self.data_form.setRowVisible(self.task_field, self.dataset.currentData() == "csv")
        self.data_form.setRowVisible(self.n_samples, toy)
        self.data_form.setRowVisible(self.noise, toy)
        # the test set is given, not drawn by the test fraction
        self.data_form.setRowVisible(self.test_fraction, not self._test_set_given())
        per_layer = self.activation.currentData() == PER_LAYER
        self.network_form.setRowVisible(self.layer_box, per_layer and self._n_hidden > 0)
        setting = self.compare.currentData()
        self.activation_field.setEnabled(setting != "hidden_activation")
        self.layer_box.setEnabled(setting != "hidden_activation")
        self.optimizer_field.setEnabled(setting != "optimizer")
        run_rates = self._has_run_rates()
        self.learning_rate.setEnabled(setting != "learning_rate" and not run_rates)
        self._show_run_rates(self._ticked_costs() if run_rates else ())
        self.batch_size.setEnabled(self._needs_batch_size())
        self.compare_form.setRowVisible(self.compare_activations_field,
                                        setting == "hidden_activation")
        self.compare_form.setRowVisible(self.compare_optimizers_field, setting == "optimizer")
        self.compare_form.setRowVisible(self.compare_rates, setting == "learning_rate")

    def _ticked_costs(self) -> tuple[str, ...]:
        """The ticked costs, in the experiment's order when they are its costs."""
        return _in_order(self.costs.checked(), self._experiment.training.costs)

    def _test_set_given(self) -> bool:
        """Whether the chosen data bring their test set, so that no test fraction is used:
        the full MNIST's 10,000 test images, or IDX files with test files of their own."""
        dataset = self.dataset.currentData()
        return dataset == "mnist" or (dataset == "idx"
                                      and self._experiment.data.has_test_files)

    def _has_run_rates(self) -> bool:
        """Whether each run has its own η (compare.learning_rates): while the runs compare
        the costs and the experiment has them. Otherwise every run takes the one η."""
        return self.compare.currentData() == "cost" and bool(self._cost_rates)

    def _show_run_rates(self, costs: tuple[str, ...]) -> None:
        """An η field for each of ``costs`` (each run's own η), and why the one η field is
        off; () hides them all."""
        for cost, field in self.cost_rates.items():
            self.training_form.setRowVisible(field, cost in costs)
        if costs:
            self.learning_rate.edit.setToolTip(self.tr(
                "Off: each run has its own η, set below (compare.learning_rates in the "
                "experiment file). Compare something else to set one η for every run."))
        else:
            self.learning_rate.edit.setToolTip(self._learning_rate_tip)

    def _read_run_rates(self, costs: tuple[str, ...]) -> tuple[float, ...] | None:
        """Each of ``costs``' own η as typed, in their order, by the rule of η; None when one
        is bad (its field then shows why)."""
        rates = []
        for i, cost in enumerate(costs):
            rates.append(read_number(self.cost_rates[cost], FIELDS["training.learning_rate"],
                                     fill(self.tr("η %1"), cost_label(cost)),
                                     key=f"compare.learning_rates[{i}]"))
        return None if None in rates else tuple(float(rate) for rate in rates)

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
            select(self.layer_combos[i], self.layer_combos[i - 1].currentData())
        self._rows_set = max(self._rows_set, n_hidden)
        self._n_hidden = n_hidden
        for i in range(len(self.layer_combos)):
            self.layer_form.setRowVisible(i, i < n_hidden)

    # -- checking what was typed -----------------------------------------------------------
    def _read_layers(self) -> tuple[int, ...] | None:
        field = self.layers
        text = field.text()
        example = self.tr("e.g. 64-30-10")
        if not text:
            field.set_error(fill(self.tr("Enter the layer sizes from the inputs to the "
                                         "outputs, %1."), example))
            return None
        tokens = _SEPARATORS.split(text)
        if "" in tokens:
            field.set_error(fill(self.tr("A layer size is missing: write the sizes from the "
                                         "inputs to the outputs, %1."), example))
            return None
        sizes = []
        for token in tokens:
            if not token.isdigit():
                field.set_error(fill(self.tr("“%1” is not a layer size: layer sizes are whole "
                                             "numbers, %2."), token, example))
                return None
            sizes.append(int(token))
        count = FIELDS["network.layers"]
        if not count.low <= len(sizes) <= count.high:
            field.set_error(fill(
                self.tr("%1 layers: a network has %2 to %3 layers (the inputs, up to %4 "
                        "hidden layers, the outputs) (%5)."),
                len(sizes), count.low, count.high, count.high - 2, count.key))
            return None
        for i, size in enumerate(sizes):
            rule = layer_size_field(i, len(sizes))
            if rule.accepts(size):
                continue
            key = f"{rule.key}[{i}]"
            if 0 < i < len(sizes) - 1:
                field.set_error(fill(self.tr("Hidden layer %1 has %2 units: a hidden layer has "
                                             "%3 to %4 (%5)."),
                                     i, size, rule.low, rule.high, key))
            else:
                which = (self.tr("The input layer has %1 units: inputs and outputs have %2 "
                                 "to %3 (%4).") if i == 0 else
                         self.tr("The output layer has %1 units: inputs and outputs have %2 "
                                 "to %3 (%4)."))
                field.set_error(fill(which, size, rule.low, rule.high, key))
            return None
        if self._shape is not None and (sizes[0], sizes[-1]) != self._shape:
            n_features, n_classes = self._shape
            suggestion = "-".join(str(s) for s in (n_features, *sizes[1:-1], n_classes))
            template = (self.tr("The data have inputs: %1, numbers to learn: %2. Start with "
                                "%1 and end with %2, e.g. %3.")
                        if self._shape_is_regression else
                        self.tr("The data have %1 inputs and %2 classes: start with %1 and "
                                "end with %2, e.g. %3."))
            field.set_error(fill(template, n_features, n_classes, suggestion))
            return None
        field.set_error("")
        return tuple(sizes)

    def _read_rates(self) -> tuple[float, ...] | None:
        field = self.compare_rates
        text = field.text()
        if not text:
            field.set_error(self.tr("Enter the learning rates to compare, e.g. 0.1, 0.5, 3."))
            return None
        rates = []
        for token in _LIST_SEPARATORS.split(text.strip(" ,;")):
            # each compared rate is a learning rate, by the same rule
            value, reason = check_number(token, FIELDS["training.learning_rate"],
                                         self.tr("Each η"), key="compare.values")
            if value is None:
                field.set_error(reason)
                return None
            if value in rates:
                field.set_error(fill(self.tr("η = %1 is there twice: each run needs a "
                                             "different η."), token))
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
            n_samples = ok(read_number(self.n_samples, FIELDS["data.n_samples"],
                                       self.tr("Samples")))
            noise = ok(read_number(self.noise, FIELDS["data.noise"], self.tr("Noise")))
        if self._test_set_given():
            test_fraction = old.data.test_fraction  # not used: the field is hidden
        else:
            test_fraction = ok(read_number(self.test_fraction, FIELDS["data.test_fraction"],
                                           self.tr("Test fraction")))

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
        costs = self._ticked_costs()
        before = old.compare.values if old.compare.setting == setting else ()
        if setting == "hidden_activation":
            values = _in_order(self.compare_activations.checked(), before)
        elif setting == "optimizer":
            values = _in_order(self.compare_optimizers.checked(), before)
        elif setting == "learning_rate":
            values = ok(self._read_rates())
        else:
            values = ()
        labels = compare_labels()
        if setting == "cost" and not costs:
            self.costs_field.set_error(self.tr("Tick at least one cost: each ticked cost is "
                                              "one run."))
            costs = bad
        elif setting != "cost" and len(costs) != 1:
            self.costs_field.set_error(fill(self.tr("The runs differ in the %1, so tick "
                                                    "exactly one cost."),
                                            labels.get(setting, setting)))
            costs = bad
        run_rates = ()
        if setting == "cost" and costs is not bad and self._has_run_rates():
            run_rates = ok(self._read_run_rates(costs))

        optimizer = self.optimizer.currentData()
        if self._needs_batch_size():
            batch_size = ok(read_number(self.batch_size, FIELDS["training.batch_size"],
                                        self.tr("Mini-batch size")))
        elif optimizer == "sgd":
            batch_size = 1
        else:
            batch_size = None
        # by the experiment file's own rules: a value a file refuses is refused here too
        learning_rate, momentum, l2, epochs, seed = (
            ok(read_number(field, FIELDS[key], label)) for field, key, label in (
                (self.learning_rate, "training.learning_rate", self.tr("η")),
                (self.momentum, "training.momentum", self.tr("Momentum")),
                (self.l2, "training.l2", self.tr("L2")),
                (self.epochs, "training.epochs", self.tr("Epochs")),
                (self.seed, "seed", self.tr("Seed"))))

        read = (n_samples, noise, test_fraction, layers, values, costs, run_rates, batch_size,
                learning_rate, momentum, l2, epochs, seed)
        if layers is None or any(value is bad for value in read):
            return None
        return dataclasses.replace(
            old,
            kind="network",
            seed=int(seed),
            data=dataclasses.replace(old.data, dataset=dataset, n_samples=int(n_samples),
                                     noise=float(noise), test_fraction=float(test_fraction),
                                     task=self._chosen_task()),
            network=dataclasses.replace(old.network, layers=layers,
                                        hidden_activation=hidden_activation,
                                        output=self.output.currentData(),
                                        init=self.init.currentData()),
            training=dataclasses.replace(old.training, costs=costs,
                                         learning_rate=float(learning_rate),
                                         epochs=int(epochs), batch_size=batch_size,
                                         momentum=float(momentum), l2=float(l2),
                                         precision=self.precision.currentData()),
            compare=(CompareSettings(setting, values) if setting != "cost" else
                     CompareSettings(learning_rates=run_rates)),
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
            self._show_core_error(error.args[0] if error.args else str(error), built.source)
            self._set_valid(False)
            return
        self._set_valid(True)
        if announce and not _same_settings(checked, self._experiment):
            self._experiment = dataclasses.replace(checked, name="", description="")
            self._remember_rates(self._experiment, keep=True)
            self.experiment_edited.emit(self._experiment)

    def _show_core_error(self, message: str, source: str) -> None:
        """Show the core's refusal, translated, on the field its dotted key names
        (``training.costs``)."""
        prefix = f"{source}: "
        if isinstance(message, Message) and message.template == "%1: %2" \
                and message.values[0] == source:
            message = message.values[1]  # the refusal names the source apart from the rest
        elif message.startswith(prefix):
            message = message[len(prefix):]
        match = _KEY.search(message)
        key = match.group(1) if match else ""
        if key == "compare.values":
            field = {"hidden_activation": self.compare_activations_field,
                     "optimizer": self.compare_optimizers_field,
                     "learning_rate": self.compare_rates}.get(self.compare.currentData())
        else:
            field = self._field_for_key.get(key)
        message = translated(message)
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
