"""The four sections of the network lab's settings panel, as group boxes that build and
lay out their fields: the data, the network, the training and what the runs compare.

They only build: :class:`~nnlab.gui.lessons.lab.panel.LabPanel` connects the fields, shows an
experiment in them and checks what is typed.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QPushButton, QWidget

from nnlab.core import mnist
from nnlab.core.activations import OUTPUT_ACTIVATIONS
from nnlab.core.costs import COST_NAMES
from nnlab.core.datasets import DATASET_NAMES, TASKS
from nnlab.core.experiment import (
    COMPARED_SETTINGS,
    HIDDEN_ACTIVATIONS,
    INIT_METHODS,
    MAX_LAYERS,
    OPTIMIZERS,
    DataSettings,
)
from nnlab.gui.text import activation_label, cost_label, dataset_label, fill, optimizer_label
from nnlab.gui.widgets.fields import Checks, FormField, NumberField, fit_combo, form_layout

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

FILE_DATASETS = ("csv", "idx")
BUILT_IN_DATASETS = tuple(name for name in DATASET_NAMES if name not in FILE_DATASETS)
PER_LAYER = "per-layer"
"""Item data of the hidden-activation entry that opens one choice per hidden layer."""
DOWNLOAD_MNIST = "download:mnist"
"""Item data of the data list's entry that downloads MNIST (shown while it is not in the
cache; once it is, the entry is "mnist" itself)."""
MEBIBYTE = 1024 * 1024


def mnist_entry(downloaded: bool) -> tuple[str, str, str]:
    """(item data, text, tooltip) of the full MNIST's entry in the data list."""
    if downloaded:
        return ("mnist", translate("LabPanel", "MNIST (60,000 + 10,000 images)"),
                translate("LabPanel", "The full MNIST handwritten digits, 28×28 pixels, with "
                          "their official split: 60,000 to train on and 10,000 to test."))
    size = str(round(mnist.DOWNLOAD_BYTES / MEBIBYTE))
    return (DOWNLOAD_MNIST, fill(translate("LabPanel", "MNIST (download, %1 MB)"), size),
            fill(translate("LabPanel", "Download the full MNIST (%1 MB, once: it stays in the "
                           "cache) and learn from its 60,000 + 10,000 images."), size))


def lab_dataset_label(name: str) -> str:
    """A dataset's name in the lab's texts: the MNIST sets by their names, the others as
    everywhere (:func:`~nnlab.gui.text.dataset_label`)."""
    labels = {"mnist": translate("LabPanel", "MNIST"),
              "mnist_5k": translate("LabPanel", "MNIST subset")}
    return labels.get(name) or dataset_label(name)


def subset_entry() -> tuple[str, str, str]:
    """(item data, text, tooltip) of the bundled MNIST subset's entry in the data list."""
    return ("mnist_5k", translate("LabPanel", "MNIST subset (5,000 images, offline)"),
            translate("LabPanel", "5,000 of MNIST's 28×28 handwritten digits (500 of each), "
                      "shipped with nnlab: no download."))


def select(combo: QComboBox, data) -> None:
    """Choose the entry whose item data is ``data`` (none when it has none)."""
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def combo_box(items, tooltip: str) -> QComboBox:
    """A combo box of (data, text, tooltip) entries."""
    combo = QComboBox()
    for data, text, tip in items:
        combo.addItem(text, data)
        combo.setItemData(combo.count() - 1, tip, role=Qt.ItemDataRole.ToolTipRole)
    combo.setToolTip(tooltip)
    return combo


def labelled(names, labels: dict[str, tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(name, text, tooltip) for each of ``names``; a name without a label shows itself."""
    return [(name, *labels.get(name, (name, name))) for name in names]


def activation_items() -> list[tuple[str, str, str]]:
    """(name, label, tooltip) of each hidden activation."""
    labels = {
        "sigmoid": (
            activation_label("sigmoid"),
            translate(
                "LabPanel",
                "σ(z) = 1/(1 + e^−z): smooth, but its slope is tiny where it "
                "saturates, so deep sigmoid networks learn slowly.",
            ),
        ),
        "tanh": (
            activation_label("tanh"),
            translate("LabPanel", "tanh(z): like the sigmoid but centred on 0, from −1 to 1."),
        ),
        "relu": (
            activation_label("relu"),
            translate(
                "LabPanel",
                "max(0, z): slope 1 for every positive z, so gradients do not "
                "fade through many layers.",
            ),
        ),
        "leaky_relu": (
            activation_label("leaky_relu"),
            translate(
                "LabPanel", "Like ReLU, but a small slope for negative z keeps every unit learning."
            ),
        ),
        "linear": (
            activation_label("linear"),
            translate(
                "LabPanel", "a = z: no bend at all, so the whole network stays a linear map."
            ),
        ),
    }
    return labelled(HIDDEN_ACTIVATIONS, labels)


def optimizer_items() -> list[tuple[str, str, str]]:
    """(name, label, tooltip) of each optimiser."""
    labels = {
        "batch": (
            optimizer_label("batch"),
            translate("LabPanel", "One step per epoch, with the gradient of all training samples."),
        ),
        "sgd": (
            translate("LabPanel", "SGD (1 sample)"),
            translate("LabPanel", "One step per sample: many small, noisy steps per epoch."),
        ),
        "mini-batch": (
            optimizer_label("mini-batch"),
            translate("LabPanel", "One step per mini-batch of samples: the usual compromise."),
        ),
    }
    return labelled(OPTIMIZERS, labels)


def compare_labels() -> dict[str, str]:
    """What each comparable setting is called in the panel."""
    return {
        "cost": translate("LabPanel", "cost"),
        "hidden_activation": translate("LabPanel", "hidden activation"),
        "optimizer": translate("LabPanel", "optimiser"),
        "learning_rate": translate("LabPanel", "learning rate η"),
    }


def task_items() -> list[tuple[str, str, str]]:
    """(name, label, tooltip) of each task: what a file's label column holds."""
    labels = {
        "classification": (
            translate("LabPanel", "classes"),
            translate("LabPanel", "The label column names a class: the network picks one."),
        ),
        "regression": (
            translate("LabPanel", "numbers (regression)"),
            translate(
                "LabPanel",
                "The label column holds a number: the network learns to answer it, with a "
                "linear output and the quadratic cost (the mean squared error).",
            ),
        ),
    }
    return labelled(TASKS, labels)


class DataSection(QGroupBox):
    """The dataset (built in, or a file), what a file's labels are (classes or numbers), the
    toy problems' size and noise, the test share."""

    def __init__(self, parent=None):
        super().__init__(translate("LabPanel", "Data"), parent)
        self.dataset = QComboBox()
        self.dataset.setToolTip(
            translate(
                "LabPanel",
                "The samples the network learns from: handwritten "
                "digits, small toy problems, or your own file.",
            )
        )
        self.dataset_field = FormField(self.dataset)
        self.dataset_info = QLabel()
        self.dataset_info.setWordWrap(True)
        self.dataset_info.hide()
        self.open_button = QPushButton(translate("LabPanel", "Open file…"))
        self.open_button.setToolTip(
            translate(
                "LabPanel",
                "Learn from your own data: a CSV file (one sample "
                "per row, the label in one column) or MNIST's "
                "IDX files.",
            )
        )
        self.task = combo_box(
            task_items(),
            translate("LabPanel", "What the file's label column holds: classes or numbers."),
        )
        self.task_field = FormField(self.task)
        self.n_samples = NumberField(
            translate(
                "LabPanel",
                "How many points the toy problem draws (training and test together).",
            )
        )
        self.noise = NumberField(
            translate(
                "LabPanel",
                "How much random jitter is added to each point: more "
                "noise makes the classes overlap.",
            )
        )
        self.test_fraction = NumberField(
            translate(
                "LabPanel",
                "The share of samples kept aside to test the "
                "network on data it never trained on (0 = no "
                "test set).",
            )
        )
        self.form = form = form_layout(self)
        # the label above the list, which takes the panel's width: "MNIST subset (5,000
        # images, offline)" beside it made the panel too wide for a 1024-pixel screen
        dataset_label_above = QLabel(translate("LabPanel", "Dataset"))
        dataset_label_above.setBuddy(self.dataset)
        form.addRow(dataset_label_above)
        form.addRow(self.dataset_field)
        form.addRow(self.dataset_info)
        form.addRow(self.open_button)
        form.addRow(translate("LabPanel", "Labels"), self.task_field)
        form.addRow(translate("LabPanel", "Samples"), self.n_samples)
        form.addRow(translate("LabPanel", "Noise"), self.noise)
        form.addRow(translate("LabPanel", "Test fraction"), self.test_fraction)

    def fill_datasets(self, data: DataSettings) -> None:
        """The built-in datasets (MNIST as a download while it is not in the cache), and an
        entry for each file ``data`` names."""
        self.dataset.clear()
        downloaded = data.dataset == "mnist" or mnist.cached_files() is not None
        for name in BUILT_IN_DATASETS:
            if name in ("mnist", "mnist_5k"):
                entry, text, tip = mnist_entry(downloaded) if name == "mnist" else subset_entry()
                self.dataset.addItem(text, entry)
                self.dataset.setItemData(self.dataset.count() - 1, tip,
                                         role=Qt.ItemDataRole.ToolTipRole)
                continue
            self.dataset.addItem(dataset_label(name), name)
        files = {"csv": data.path, "idx": data.images}
        for name in FILE_DATASETS:
            path = files[name]
            if path is not None or data.dataset == name:
                text = (
                    fill(translate("LabPanel", "file: %1"), os.path.basename(path))
                    if path
                    else translate("LabPanel", "file")
                )
                self.dataset.addItem(text, name)
                self.dataset.setItemData(
                    self.dataset.count() - 1, path or "", role=Qt.ItemDataRole.ToolTipRole
                )
        select(self.dataset, data.dataset)
        fit_combo(self.dataset)


class NetworkSection(QGroupBox):
    """The layers, the hidden activation (one, or one per hidden layer), the output and the
    initialisation."""

    def __init__(self, parent=None):
        super().__init__(translate("LabPanel", "Network"), parent)
        self.layers = NumberField(
            translate(
                "LabPanel",
                "Layer sizes from the inputs to the outputs, e.g. 64-30-10: 64 inputs, one hidden "
                "layer of 30 units, 10 outputs (one per class).",
            )
        )
        activations = activation_items()
        activations.append(
            (
                PER_LAYER,
                translate("LabPanel", "per layer…"),
                translate("LabPanel", "Choose the activation of each hidden layer."),
            )
        )
        self.activation = combo_box(
            activations,
            translate("LabPanel", "The function each hidden unit applies to its weighted input z."),
        )
        self.activation_field = FormField(self.activation)
        self.layer_box = QWidget()
        self.layer_form = form_layout(self.layer_box)
        self.layer_form.setContentsMargins(0, 0, 0, 0)
        self.layer_combos: list[QComboBox] = []
        for number in range(1, MAX_LAYERS - 1):
            combo = combo_box(
                activation_items(),
                fill(
                    translate(
                        "LabPanel", "The activation of hidden layer %1 (counted from the inputs)."
                    ),
                    number,
                ),
            )
            self.layer_combos.append(combo)
            self.layer_form.addRow(fill(translate("LabPanel", "Hidden layer %1"), number), combo)
        output_tips = {
            "sigmoid": (
                activation_label("sigmoid"),
                translate("LabPanel", "Each output unit is a sigmoid between 0 and 1, on its own."),
            ),
            "softmax": (
                activation_label("softmax"),
                translate(
                    "LabPanel",
                    "The outputs are positive and add up to 1, like probabilities of the classes.",
                ),
            ),
            "linear": (
                activation_label("linear"),
                translate(
                    "LabPanel",
                    "a = z: any number, for regression; trained with the quadratic cost "
                    "(the mean squared error).",
                ),
            ),
        }
        self.output = combo_box(
            labelled(OUTPUT_ACTIVATIONS, output_tips),
            translate(
                "LabPanel",
                "How the output layer turns its weighted inputs into the network's answer.",
            ),
        )
        self.output_field = FormField(self.output)
        init_tips = {
            "standard": (
                translate("LabPanel", "standard N(0, 1)"),
                translate(
                    "LabPanel",
                    "Every weight and bias drawn from N(0, 1): big weights that "
                    "often start saturated.",
                ),
            ),
            "scaled": (
                translate("LabPanel", "scaled N(0, 1/n)"),
                translate(
                    "LabPanel",
                    "Weights from N(0, 1/n) for n inputs, so z starts small and the "
                    "units are not saturated.",
                ),
            ),
            "xavier": (
                translate("LabPanel", "Xavier"),
                translate(
                    "LabPanel",
                    "Weights from N(0, 2/(n_in + n_out)), biases 0: suits sigmoid and tanh.",
                ),
            ),
            "he": (
                translate("LabPanel", "He"),
                translate("LabPanel", "Weights from N(0, 2/n_in), biases 0: suits ReLU."),
            ),
        }
        self.init = combo_box(
            labelled(INIT_METHODS, init_tips),
            translate(
                "LabPanel",
                "How the starting weights and biases are drawn (every run starts from the "
                "same ones).",
            ),
        )
        self.init_field = FormField(self.init)
        self.form = form = form_layout(self)
        # the label above the field, which takes the panel's width: a deep network's
        # layers ("64-30-30-30-30-30-30-10") show whole
        layers_label = QLabel(translate("LabPanel", "Layers"))
        layers_label.setBuddy(self.layers.edit)
        form.addRow(layers_label)
        form.addRow(self.layers)
        form.addRow(translate("LabPanel", "Hidden activation"), self.activation_field)
        form.addRow(self.layer_box)
        form.addRow(translate("LabPanel", "Output"), self.output_field)
        form.addRow(translate("LabPanel", "Initialisation"), self.init_field)


class TrainingSection(QGroupBox):
    """The costs, the optimiser and its mini-batch size, η (or each cost's own), momentum,
    L2, epochs, seed."""

    def __init__(self, parent=None):
        super().__init__(translate("LabPanel", "Training"), parent)
        cost_tips = {
            "quadratic": (
                cost_label("quadratic"),
                translate(
                    "LabPanel",
                    "C = ½‖a − y‖²: its gradient carries σ'(z), so saturated units learn slowly.",
                ),
            ),
            "cross_entropy": (
                cost_label("cross_entropy"),
                translate(
                    "LabPanel",
                    "C = −Σ y ln a (…): σ'(z) cancels, so a unit learns "
                    "fastest when it is most wrong.",
                ),
            ),
        }
        self.costs = Checks(labelled(COST_NAMES, cost_tips))
        self.costs.setToolTip(
            translate(
                "LabPanel",
                "The cost the network minimises; each ticked cost is one run, side by side.",
            )
        )
        self.costs_field = FormField(self.costs)
        self.optimizer = combo_box(
            optimizer_items(),
            translate("LabPanel", "How many samples each gradient step looks at."),
        )
        self.optimizer_field = FormField(self.optimizer)
        self.batch_size = NumberField(
            translate("LabPanel", "How many samples each mini-batch holds.")
        )
        self.learning_rate = NumberField(
            translate(
                "LabPanel",
                "The learning rate η: each step moves the weights by −η times the gradient.",
            )
        )
        self.momentum = NumberField(
            translate(
                "LabPanel",
                "Momentum μ from 0 to just under 1: each step keeps "
                "μ times the previous step (0 = plain gradient "
                "descent).",
            )
        )
        self.l2 = NumberField(
            translate(
                "LabPanel",
                "L2 regularisation λ: pulls every weight towards 0 a little each step (0 = none).",
            )
        )
        # each run's own η (a comparison by cost whose values carry their rates,
        # compare.learning_rates): one field per cost, shown while its cost is ticked; the
        # one η field is off then
        self.cost_rates = {
            name: NumberField(fill(
                translate("LabPanel", "The learning rate η of the %1 run: each of its steps "
                          "moves the weights by −η times the gradient."), cost_label(name)))
            for name in COST_NAMES}
        self.precision = combo_box(
            [("float64", translate("LabPanel", "float64"),
              translate("LabPanel", "64-bit numbers: results to the last digit.")),
             ("float32", translate("LabPanel", "float32 (faster)"),
              translate("LabPanel", "32-bit numbers: about 1.5× faster on MNIST-size data, "
                        "and agrees with float64 to about 7 digits."))],
            translate("LabPanel", "The numbers the network computes with: float64, or "
                      "float32, about 1.5× faster and agreeing to about 7 digits."))
        self.precision_field = FormField(self.precision)
        self.epochs = NumberField(
            translate("LabPanel", "How many times the network goes through all training samples.")
        )
        self.seed = NumberField(
            translate(
                "LabPanel",
                "The seed of the random numbers (data, start, order of "
                "samples): the same seed gives the same run.",
            )
        )
        self.form = form = form_layout(self)
        form.addRow(translate("LabPanel", "Costs"), self.costs_field)
        form.addRow(translate("LabPanel", "Optimiser"), self.optimizer_field)
        form.addRow(translate("LabPanel", "Mini-batch size"), self.batch_size)
        form.addRow(translate("LabPanel", "Learning rate η"), self.learning_rate)
        for name, field in self.cost_rates.items():
            form.addRow(fill(translate("LabPanel", "η %1"), cost_label(name)), field)
        form.addRow(translate("LabPanel", "Momentum"), self.momentum)
        form.addRow(translate("LabPanel", "L2"), self.l2)
        form.addRow(translate("LabPanel", "Epochs"), self.epochs)
        form.addRow(translate("LabPanel", "Seed"), self.seed)
        form.addRow(translate("LabPanel", "Precision"), self.precision_field)
        # how long a run of these settings takes here, when that is long (the page says)
        self.run_time = QLabel()
        self.run_time.setObjectName("run_time_estimate")
        self.run_time.setWordWrap(True)
        self.run_time.hide()
        form.addRow(self.run_time)


class CompareSection(QGroupBox):
    """The one setting the runs differ in, and its values: ticked activations or optimisers,
    or typed learning rates."""

    def __init__(self, parent=None):
        super().__init__(translate("LabPanel", "Compare"), parent)
        labels = compare_labels()
        tips = {
            "cost": translate("LabPanel", "One run per ticked cost."),
            "hidden_activation": translate(
                "LabPanel",
                "One run per ticked activation (every hidden layer uses it); tick one cost.",
            ),
            "optimizer": translate("LabPanel", "One run per ticked optimiser; tick one cost."),
            "learning_rate": translate("LabPanel", "One run per learning rate; tick one cost."),
        }
        self.compare = combo_box(
            [(name, labels.get(name, name), tips.get(name, name)) for name in COMPARED_SETTINGS],
            translate(
                "LabPanel",
                "The one setting the runs differ in; everything else, the start and the "
                "order of the samples are the same in every run.",
            ),
        )
        self.compare_field = FormField(self.compare)
        self.activations = Checks(activation_items(), columns=2)
        self.activations.setToolTip(
            translate("LabPanel", "The hidden activations to compare: one run each.")
        )
        self.activations_field = FormField(self.activations)
        self.optimizers = Checks(optimizer_items())
        self.optimizers.setToolTip(
            translate("LabPanel", "The optimisers to compare: one run each.")
        )
        self.optimizers_field = FormField(self.optimizers)
        self.rates = NumberField(
            translate(
                "LabPanel",
                "The learning rates to compare, separated by commas, "
                "e.g. 0.1, 0.5, 3: one run each.",
            )
        )
        # what a comparison of something other than the costs starts from
        self.activations.set_checked(("sigmoid", "relu"))
        self.optimizers.set_checked(OPTIMIZERS)
        self.rates.edit.setText("0.1, 0.5, 3")
        self.form = form = form_layout(self)
        form.addRow(translate("LabPanel", "Runs differ in"), self.compare_field)
        form.addRow(translate("LabPanel", "Values"), self.activations_field)
        form.addRow(translate("LabPanel", "Values"), self.optimizers_field)
        form.addRow(translate("LabPanel", "Values"), self.rates)
