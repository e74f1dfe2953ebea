"""The network lab's settings panel as a student uses it: typing layers, picking the optimiser,
comparing learning rates, activations per layer, bad values marked on their field, the data's
shape checked against the layers, and the projector's large font."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QMainWindow, QPushButton,
    QScrollArea, QSplitter, QWidget,
)

from nnlab.core.experiment import (
    CompareSettings, DataSettings, Experiment, NetworkSettings, TrainingSettings,
    validate_experiment,
)
from nnlab.core.presets import load_preset
from nnlab.gui.lessons.lab.panel import LabPanel

PRESETS = ("digits-64-30-10", "three-class-3-2-3", "xor-2-8-2")


def custom_experiment() -> Experiment:
    """Every setting away from its default: per-layer activations, a comparison, a toy."""
    return validate_experiment(Experiment(
        kind="network", seed=7,
        data=DataSettings(dataset="spiral", test_fraction=0.25, n_samples=500, noise=0.3),
        network=NetworkSettings(layers=(2, 8, 6, 2), hidden_activation=("relu", "tanh"),
                                output="sigmoid", init="he"),
        training=TrainingSettings(costs=("cross_entropy",), learning_rate=0.05, epochs=40,
                                  batch_size=16, momentum=0.5, l2=0.001),
        compare=CompareSettings("optimizer", ("sgd", "mini-batch")),
    ))


@pytest.fixture
def panel(qtbot):
    panel = LabPanel(load_preset("digits-64-30-10"))
    qtbot.addWidget(panel)
    return panel


@pytest.fixture
def emitted(panel):
    experiments = []
    panel.experiment_edited.connect(experiments.append)
    return experiments


def type_into(qtbot, field, text: str) -> None:
    """Replace the field's text key by key, as a student types it."""
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)


def paste_into(field, text: str) -> None:
    """Replace the field's text in one edit, as pasting does."""
    field.edit.selectAll()
    field.edit.insert(text)


def shown_layer_activations(panel) -> list[str]:
    return [c.currentData() for c in panel.layer_combos if c.isVisibleTo(panel)]


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


@pytest.mark.parametrize("name", PRESETS)
def test_a_preset_shown_and_read_back_is_unchanged(qtbot, panel, emitted, name):
    preset = load_preset(name)
    panel.set_experiment(preset)
    assert not emitted  # showing is not editing
    assert panel.is_valid and panel.first_error() == ""
    assert panel.experiment == preset

    # an edit reads every field back: the same values give the same experiment, unannounced
    paste_into(panel.epochs, str(preset.training.epochs))
    assert not emitted
    assert panel.experiment == preset

    type_into(qtbot, panel.epochs, "77")
    expected = dataclasses.replace(preset, name="", description="",
                                   training=dataclasses.replace(preset.training, epochs=77))
    assert emitted[-1] == expected
    assert panel.experiment == expected


def test_every_setting_round_trips_including_per_layer_activations_and_a_comparison(
        qtbot, panel, emitted):
    exp = custom_experiment()
    panel.set_experiment(exp)
    assert panel.is_valid, panel.first_error()
    assert panel.activation.currentData() == "per-layer"
    assert shown_layer_activations(panel) == ["relu", "tanh"]
    assert panel.n_samples.isVisibleTo(panel) and panel.noise.isVisibleTo(panel)
    assert panel.compare_optimizers_field.isVisibleTo(panel)
    assert not panel.optimizer_field.isEnabled()  # the comparison decides the optimiser

    type_into(qtbot, panel.seed, "8")
    assert emitted[-1] == dataclasses.replace(exp, seed=8)


def test_typing_layers_announces_them_with_any_separator(qtbot, panel, emitted):
    type_into(qtbot, panel.layers, "64-20-10")
    assert emitted[-1].network.layers == (64, 20, 10)
    type_into(qtbot, panel.layers, "64-30-10")
    assert emitted[-1].network.layers == (64, 30, 10)
    assert emitted[-1].kind == "network"
    type_into(qtbot, panel.layers, "64,40;10")
    assert emitted[-1].network.layers == (64, 40, 10)
    type_into(qtbot, panel.layers, "64 - 50 - 10")  # a space is not typed: Space runs
    assert panel.layers.edit.text() == "64-50-10"
    assert emitted[-1].network.layers == (64, 50, 10)
    assert panel.is_valid


@pytest.mark.parametrize("text, reason", [
    ("64-0-10", "Hidden layer 1 has 0 units: a hidden layer has 1 to 512"),
    ("64-x-10", "“x” is not a layer size"),
    ("64-" + "-".join(["30"] * 9) + "-10", "11 layers: a network has 2 to 10 layers"),
    ("64-513-513-10", "Hidden layer 1 has 513 units: a hidden layer has 1 to 512"),
    ("2000-30-10", "The input layer has 2000 units: inputs and outputs have 1 to 1024"),
    ("64--10", "A layer size is missing"),
])
def test_bad_layers_are_marked_on_the_field_and_make_the_panel_invalid(
        qtbot, panel, emitted, text, reason):
    before = panel.experiment
    with qtbot.waitSignal(panel.validity_changed, check_params_cb=lambda ok: not ok):
        paste_into(panel.layers, text)
    assert not panel.is_valid
    assert reason in panel.layers.error.text()
    assert panel.layers.error.isVisibleTo(panel)
    assert panel.layers.edit.property("invalid")
    assert panel.first_error() == panel.layers.error.text()
    assert not emitted and panel.experiment == before

    with qtbot.waitSignal(panel.validity_changed, check_params_cb=lambda ok: ok):
        type_into(qtbot, panel.layers, "64-30-10")
    assert not panel.layers.error.isVisibleTo(panel)
    assert panel.first_error() == ""


def test_layers_must_match_the_loaded_data(qtbot, panel, emitted):
    with qtbot.waitSignal(panel.validity_changed, check_params_cb=lambda ok: not ok):
        panel.set_dataset_shape(2, 2, "xor: 320 training and 80 test samples")
    assert panel.layers.error.text() == ("The data have 2 inputs and 2 classes: start with 2 "
                                         "and end with 2, e.g. 2-30-2.")
    assert panel.dataset_info.text() == "xor: 320 training and 80 test samples"
    assert panel.dataset_info.isVisibleTo(panel)

    type_into(qtbot, panel.layers, "2-30-2")
    assert panel.is_valid
    assert emitted[-1].network.layers == (2, 30, 2)

    panel.set_dataset_shape(64, 10, "digits: 1,437 training and 360 test samples")
    assert panel.layers.error.text() == ("The data have 64 inputs and 10 classes: start with "
                                         "64 and end with 10, e.g. 64-30-10.")
    assert not panel.is_valid


def test_choosing_another_dataset_forgets_the_old_shape_and_shows_the_toy_fields(
        qtbot, panel, emitted):
    panel.set_dataset_shape(64, 10, "digits: 1,437 training and 360 test samples")
    assert not panel.n_samples.isVisibleTo(panel)
    choose(panel.dataset, "circles")
    assert emitted[-1].data.dataset == "circles"
    assert panel.n_samples.isVisibleTo(panel) and panel.noise.isVisibleTo(panel)
    assert panel.dataset_info.text() == ""
    type_into(qtbot, panel.noise, "0.25")
    assert emitted[-1].data.noise == 0.25
    type_into(qtbot, panel.n_samples, "5")
    assert panel.n_samples.error.text() == ("Samples (data.n_samples) = 5: must be a whole "
                                            "number from 10 to 1,000,000.")
    assert not panel.is_valid


def test_optimiser_sets_the_batch_size(qtbot, panel, emitted):
    choose(panel.optimizer, "sgd")
    assert emitted[-1].training.batch_size == 1
    assert not panel.batch_size.isEnabled()

    choose(panel.optimizer, "mini-batch")
    assert panel.batch_size.isEnabled()
    type_into(qtbot, panel.batch_size, "10")
    assert emitted[-1].training.batch_size == 10

    choose(panel.optimizer, "batch")
    assert emitted[-1].training.batch_size is None
    assert not panel.batch_size.isEnabled()


def test_a_bad_learning_rate_names_the_setting_and_its_range(qtbot, panel, emitted):
    type_into(qtbot, panel.learning_rate, "-0.1")
    assert panel.learning_rate.error.text() == ("η (training.learning_rate) = -0.1: must be a "
                                                "number more than 0 and at most 1000.")
    type_into(qtbot, panel.learning_rate, "e1")
    assert panel.learning_rate.error.text() == ("η (training.learning_rate) = e1 is not a "
                                                "number: it must be a number more than 0 and "
                                                "at most 1000.")
    assert panel.first_error() == panel.learning_rate.error.text()
    assert not panel.is_valid and not emitted
    type_into(qtbot, panel.momentum, "1")
    assert panel.momentum.error.text() == ("Momentum (training.momentum) = 1: must be a number "
                                           "from 0 to less than 1.")


def test_comparing_learning_rates_needs_one_cost_and_reads_the_values(qtbot, panel, emitted):
    assert not panel.compare_rates.isVisibleTo(panel)  # comparing costs: the boxes pick runs
    choose(panel.compare, "learning_rate")
    assert panel.compare_rates.isVisibleTo(panel)
    assert not panel.is_valid  # the preset ticks two costs
    assert "tick exactly one cost" in panel.costs_field.error.text()
    assert panel.first_error() == panel.costs_field.error.text()

    panel.costs.boxes["quadratic"].click()
    assert panel.is_valid
    type_into(qtbot, panel.compare_rates, "0.1, 0.5")
    exp = emitted[-1]
    assert exp.compare == CompareSettings("learning_rate", (0.1, 0.5))
    assert exp.training.costs == ("cross_entropy",)
    assert not panel.learning_rate.isEnabled()

    type_into(qtbot, panel.compare_rates, "0.1,0.1")
    assert "there twice" in panel.compare_rates.error.text()
    type_into(qtbot, panel.compare_rates, "0.1, 2000")
    assert panel.compare_rates.error.text() == ("Each η (compare.values) = 2000: must be a "
                                                "number more than 0 and at most 1000.")
    assert not panel.is_valid


def test_comparing_activations_and_optimisers_uses_the_ticked_boxes(qtbot, panel, emitted):
    panel.costs.boxes["quadratic"].click()
    choose(panel.compare, "hidden_activation")
    assert emitted[-1].compare == CompareSettings("hidden_activation", ("sigmoid", "relu"))
    panel.compare_activations.boxes["tanh"].click()
    assert emitted[-1].compare.values == ("sigmoid", "tanh", "relu")

    choose(panel.compare, "optimizer")
    panel.compare_optimizers.boxes["batch"].click()
    assert emitted[-1].compare == CompareSettings("optimizer", ("sgd", "mini-batch"))
    assert emitted[-1].training.batch_size == 32  # the mini-batch run's size
    assert panel.batch_size.isEnabled()


def test_the_cores_refusal_is_shown_on_the_field_its_key_names(qtbot, panel, emitted):
    panel.costs.boxes["quadratic"].click()
    choose(panel.compare, "hidden_activation")
    type_into(qtbot, panel.layers, "64-10")  # nothing left to vary
    assert not panel.is_valid
    assert panel.layers.error.text().startswith("network.layers = [64, 10]: has no hidden layer")
    assert emitted[-1].network.layers != (64, 10)


def test_per_layer_activations_follow_the_number_of_hidden_layers(qtbot, panel, emitted):
    type_into(qtbot, panel.layers, "64-30-20-10")
    assert not panel.layer_box.isVisibleTo(panel)
    choose(panel.activation, "per-layer")
    assert panel.layer_box.isVisibleTo(panel)
    assert shown_layer_activations(panel) == ["sigmoid", "sigmoid"]
    choose(panel.layer_combos[0], "relu")
    choose(panel.layer_combos[1], "tanh")
    assert emitted[-1].network.hidden_activation == ("relu", "tanh")

    type_into(qtbot, panel.layers, "64-30-20-20-10")  # a new layer starts like the last
    assert emitted[-1].network.hidden_activation == ("relu", "tanh", "tanh")
    type_into(qtbot, panel.layers, "64-30-10")
    assert emitted[-1].network.hidden_activation == ("relu",)
    assert shown_layer_activations(panel) == ["relu"]

    choose(panel.activation, "leaky_relu")
    assert emitted[-1].network.hidden_activation == "leaky_relu"
    assert not panel.layer_box.isVisibleTo(panel)


def test_a_file_dataset_gets_its_own_entry_and_open_file_asks_the_window(
        qtbot, panel, emitted, tmp_path):
    path = str(tmp_path / "points.csv")
    exp = load_preset("xor-2-8-2")
    panel.set_experiment(dataclasses.replace(
        exp, data=dataclasses.replace(exp.data, dataset="csv", path=path)))
    assert panel.dataset.currentText() == "file: points.csv"
    assert not panel.noise.isVisibleTo(panel)
    choose(panel.dataset, "xor")
    assert panel.noise.isVisibleTo(panel)
    assert panel.dataset.findText("file: points.csv") >= 0  # still there to go back to
    choose(panel.dataset, "csv")
    assert emitted[-1].data.dataset == "csv" and emitted[-1].data.path == path

    with qtbot.waitSignal(panel.open_dataset_requested):
        panel.open_button.click()


def test_every_field_explains_itself(panel):
    panel.activation.setCurrentIndex(panel.activation.findData("per-layer"))
    for widget in panel.findChildren(QLineEdit) + panel.findChildren(QComboBox) \
            + panel.findChildren(QCheckBox) + panel.findChildren(QPushButton):
        assert widget.toolTip(), widget


def narrow_widgets(panel: QWidget) -> list[str]:
    """Visible inputs and labels narrower than what they show."""
    narrow = []
    for widget in panel.findChildren(QWidget):
        if not widget.isVisibleTo(panel):
            continue
        if isinstance(widget, QLineEdit):
            # the text, plus the frame and the margins a line edit keeps around it
            need = widget.fontMetrics().horizontalAdvance(widget.text()) + 8
        elif isinstance(widget, (QComboBox, QCheckBox, QPushButton)) or (
                isinstance(widget, QLabel) and not widget.wordWrap()):
            need = widget.sizeHint().width()
        else:
            continue
        if widget.width() < need:
            narrow.append(f"{type(widget).__name__} {widget.width()} < {need}")
    return narrow


def test_fits_a_side_panel_at_10_pt_and_nothing_is_cut_at_the_projectors_20_pt(qtbot):
    panel = LabPanel(custom_experiment())
    font = QFont(QApplication.font())
    font.setPointSize(10)
    panel.setFont(font)
    assert panel.sizeHint().width() <= 330

    window = QMainWindow()
    qtbot.addWidget(window)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(panel)
    splitter = QSplitter()
    splitter.addWidget(QWidget())  # where the plots go
    splitter.addWidget(scroll)
    window.setCentralWidget(splitter)
    window.resize(1024, 768)
    splitter.setSizes([700, 324])
    with qtbot.waitExposed(window):
        window.show()
    type_into(qtbot, panel.learning_rate, "-1")  # an error line shown, too
    QApplication.processEvents()
    assert narrow_widgets(panel) == []

    font.setPointSize(20)
    panel.setFont(font)
    qtbot.waitUntil(lambda: panel.width() >= panel.minimumSizeHint().width())
    QApplication.processEvents()
    assert panel.layer_combos[0].font().pointSize() == 20
    assert narrow_widgets(panel) == []


@pytest.mark.parametrize("projector_font", [False, True])
def test_a_deep_networks_layers_show_whole_in_the_layers_field(qtbot, panel, projector_font):
    if projector_font:
        font = QFont(panel.font())
        font.setPointSizeF(20)
        panel.setFont(font)
    paste_into(panel.layers, "64-30-30-30-30-30-30-10")
    panel.resize(260, 1400)  # as narrow as the dock gets on a 1024-pixel screen
    with qtbot.waitExposed(panel):
        panel.show()
    edit = panel.layers.edit
    margins = edit.textMargins().left() + edit.textMargins().right()
    assert edit.width() - margins > edit.fontMetrics().horizontalAdvance(edit.text())
