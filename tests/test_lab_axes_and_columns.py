"""What the lab records of every epoch and how its curves are read: history.csv carries the
parameter updates and samples so far, each layer's gradient norm and each hidden layer's share
of outputs at exactly 0, each checked against a computation of its own; in the window the
curves are drawn against epochs, updates or samples seen as chosen in their right-click menu,
the zero shares are shown beside the gradients, and a regression shows its mean squared error
and no accuracy."""

from __future__ import annotations

import csv
import dataclasses
import math
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu
from qt_helpers import menu, run_to_the_end

from nnlab import cli
from nnlab.app.frames import LabFrame, RunFrame, empty_lab_columns
from nnlab.app.lab_session import LabSession
from nnlab.core.costs import make_cost
from nnlab.core.experiment import CompareSettings, experiment_to_toml
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.gui.lessons.lab.views.curves import (
    EPOCHS, SAMPLES, UPDATES, X_AXIS_SETTING, LabAccuracyPlot, LabCostPlot,
)
from nnlab.gui.shell.course_window import CourseWindow


@pytest.fixture(autouse=True)
def curves_against_epochs():
    """Each test starts with the curves against epochs, and leaves them so (the choice is
    remembered between windows)."""
    QSettings().setValue(X_AXIS_SETTING, EPOCHS)
    yield
    QSettings().setValue(X_AXIS_SETTING, EPOCHS)


def with_epochs(preset: str, epochs: int, **changes):
    experiment = load_preset(preset)
    return dataclasses.replace(experiment, training=dataclasses.replace(
        experiment.training, epochs=epochs), **changes)


def nnlab_run(tmp_path, experiment=None, preset: str | None = None) -> list[dict[str, str]]:
    """``nnlab run`` as a user types it; the rows of the history.csv it wrote."""
    out = tmp_path / "out"
    if preset is not None:
        arguments = ["run", "--preset", preset, "--out", str(out)]
    else:
        path = tmp_path / "experiment.toml"
        path.write_text(experiment_to_toml(experiment), encoding="utf-8")
        arguments = ["run", str(path), "--out", str(out)]
    assert cli.main(arguments) == 0
    with open(out / "history.csv", newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def rows_of(rows: list[dict[str, str]], run: str) -> list[dict[str, str]]:
    return [row for row in rows if row["run"] == run]


def parameters_by_epoch(prepared) -> dict[int, np.ndarray]:
    """The parameters of a run after each epoch (its own training, driven to the end)."""
    return {record.epoch: record.parameters
            for record in prepared.start(keep_parameters=True).records}


# -- history.csv ----------------------------------------------------------------------------------

def finite_difference_norms(network, x, y, cost, h=1e-6) -> list[float]:
    """‖∂C/∂W_l, ∂C/∂b_l‖ of each layer by central differences of the cost itself (the
    network's forward pass and the cost's value; no backpropagation)."""
    parameters = network.parameters
    norms = []
    for weights, biases in zip(network.weights, network.biases):
        squares = 0.0
        for block in (weights, biases):
            flat = block.reshape(-1)  # a view into ``parameters``
            for i in range(flat.size):
                kept = flat[i]
                flat[i] = kept + h
                up = cost.fn(network.forward(x), y)
                flat[i] = kept - h
                down = cost.fn(network.forward(x), y)
                flat[i] = kept
                squares += ((up - down) / (2 * h)) ** 2
        norms.append(math.sqrt(squares))
    assert np.all(np.isfinite(parameters))
    return norms


def test_history_csv_has_the_gradient_norms_of_the_cost_by_finite_differences(tmp_path):
    rows = nnlab_run(tmp_path, preset="xor-2-8-2")
    assert list(rows[0]) == ["run", "epoch", "updates", "samples", "train_cost",
                             "train_accuracy", "test_cost", "test_accuracy", "gradient_norm_1",
                             "gradient_norm_2", "zero_share_1"]
    experiment = load_preset("xor-2-8-2")
    for prepared in build_runs(experiment):
        cost = make_cost(prepared.cost, output=prepared.initial_network.output)
        x, y = prepared.dataset.x_train, prepared.dataset.y_train
        kept = parameters_by_epoch(prepared)
        last = experiment.training.epochs
        for epoch in (0, 1, last):
            network = prepared.initial_network.copy()
            network.parameters[...] = kept[epoch]
            expected = finite_difference_norms(network, x, y, cost)
            row = rows_of(rows, prepared.name)[epoch]
            assert int(row["epoch"]) == epoch
            written = [float(row["gradient_norm_1"]), float(row["gradient_norm_2"])]
            assert min(written) > 0
            np.testing.assert_allclose(written, expected, rtol=1e-5, err_msg=prepared.name)


def test_the_zero_share_of_a_relu_net_is_the_count_of_its_outputs_at_zero(tmp_path):
    experiment = with_epochs("spiral-2-16-16-2", 3)
    rows = nnlab_run(tmp_path, experiment)
    for prepared in build_runs(experiment):
        x = prepared.dataset.x_train
        kept = parameters_by_epoch(prepared)
        for epoch in (0, 3):
            network = prepared.initial_network.copy()
            network.parameters[...] = kept[epoch]
            (w1, w2, _), (b1, b2, _) = network.weights, network.biases
            # counted here with NumPy alone: ReLU's output is 0 exactly where z ≤ 0
            z1 = x @ w1.T + b1
            z2 = np.maximum(z1, 0.0) @ w2.T + b2
            expected = [np.count_nonzero(z1 <= 0) / z1.size, np.count_nonzero(z2 <= 0) / z2.size]
            row = rows_of(rows, prepared.name)[epoch]
            written = [float(row["zero_share_1"]), float(row["zero_share_2"])]
            assert written == pytest.approx(expected, abs=1e-12), (prepared.name, epoch)
            assert all(0.1 < share < 0.9 for share in written)  # a count, not a constant


def test_tanh_units_are_never_exactly_zero(tmp_path):
    rows = nnlab_run(tmp_path, with_epochs("xor-2-8-2", 5))
    assert {row["zero_share_1"] for row in rows} == {"0.0"}


def test_updates_and_samples_per_epoch_of_batch_sgd_and_mini_batch(tmp_path):
    experiment = with_epochs("digits-optimizers", 2)
    assert experiment.compare.values == ("batch", "sgd", "mini-batch")
    batch_size = experiment.training.batch_size
    rows = nnlab_run(tmp_path, experiment)
    n = len(build_runs(experiment)[0].dataset.x_train)
    assert n % batch_size  # a last, smaller mini-batch counts as an update too
    per_epoch = {"batch": 1, "sgd": n, "mini-batch": math.ceil(n / batch_size)}
    for name, updates in per_epoch.items():
        run = rows_of(rows, name)
        assert [row["epoch"] for row in run] == ["0", "1", "2"]
        assert [row["updates"] for row in run] == [str(e * updates) for e in range(3)], name
        assert [row["samples"] for row in run] == [str(e * n) for e in range(3)], name


# -- the window -----------------------------------------------------------------------------------

def open_lab(qtbot, experiment, size=(1366, 740)) -> CourseWindow:
    window = CourseWindow("lab", session=LabSession(experiment))
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    return window


def menu_action(menu: QMenu, *texts: str):
    """The action reached through ``menu`` by the entries ``texts`` (submenus, then the
    action), as a user clicks through it."""
    *submenus, last = texts
    for text in submenus:
        menu = next(action.menu() for action in menu.actions()
                    if action.menu() is not None and action.text() == text)
    return next(action for action in menu.actions() if action.text() == last)


def optimizers_experiment(epochs=12):
    """The lecture's 3-2-3 network on its 21 samples, by batch, stochastic and mini-batch
    (5) descent."""
    experiment = with_epochs("three-class-3-2-3", epochs, compare=CompareSettings(
        "optimizer", ("batch", "sgd", "mini-batch")))
    return dataclasses.replace(experiment, training=dataclasses.replace(
        experiment.training, costs=("cross_entropy",), batch_size=5))


def test_the_curves_are_drawn_against_the_axis_chosen_in_their_menu(qtbot):
    window = open_lab(qtbot, optimizers_experiment())
    run_to_the_end(qtbot, window)
    cost, accuracy = window.page.views["cost"], window.page.views["accuracy"]
    histories = window.page.session.histories

    def drawn_x(plot, run):
        return plot.curve(run, "train").getData()[0]

    for run in ("batch", "sgd", "mini-batch"):
        np.testing.assert_array_equal(drawn_x(cost, run), histories[run].columns()["epoch"])
    # right-click › Plot against › Samples seen, on the cost plot
    menu_action(cost.view_box.menu, "Plot against", "Samples seen").trigger()
    for run in ("batch", "sgd", "mini-batch"):
        samples = histories[run].columns()["samples"]
        np.testing.assert_array_equal(samples, 21 * np.arange(13))
        for plot in (cost, accuracy):  # both plots follow the choice
            np.testing.assert_array_equal(drawn_x(plot, run), samples)
            assert plot.plot_item.getAxis("bottom").labelText == "samples seen"
    assert cost.epoch_marker.isVisible()  # every run has seen 252 samples at epoch 12
    assert cost.epoch_marker.value() == 252
    assert accuracy.x_axis_actions[SAMPLES].isChecked()

    # and on the accuracy plot, Parameter updates: 1, 21 and 5 per epoch
    menu_action(accuracy.view_box.menu, "Plot against", "Parameter updates").trigger()
    for run, per_epoch in (("batch", 1), ("sgd", 21), ("mini-batch", 5)):
        updates = histories[run].columns()["updates"]
        np.testing.assert_array_equal(updates, per_epoch * np.arange(13))
        for plot in (cost, accuracy):
            np.testing.assert_array_equal(drawn_x(plot, run), updates)
            assert plot.plot_item.getAxis("bottom").labelText == "parameter updates"
    # the runs are at different updates at one epoch: no marker says where "the" epoch is
    assert not cost.epoch_marker.isVisible() and not accuracy.epoch_marker.isVisible()
    assert cost.view_box.viewRange()[0][1] >= 21 * 12  # SGD's 252 updates in view

    # the timeline still shows the epoch on show: each curve ends there
    window.page.show_epoch(4)
    window.page.redraw()
    for run, per_epoch in (("batch", 1), ("sgd", 21), ("mini-batch", 5)):
        assert drawn_x(cost, run)[-1] == 4 * per_epoch

    # remembered: the next window draws against updates
    assert QSettings().value(X_AXIS_SETTING) == UPDATES
    later = LabCostPlot()
    qtbot.addWidget(later)
    assert later.x_axis == UPDATES and later.x_axis_actions[UPDATES].isChecked()
    assert later.plot_item.getAxis("bottom").labelText == "parameter updates"
    menu_action(cost.view_box.menu, "Plot against", "Epochs").trigger()
    np.testing.assert_array_equal(drawn_x(cost, "sgd"), np.arange(5))
    assert cost.epoch_marker.isVisible() and cost.epoch_marker.value() == 4
    window.close()


def test_the_view_menu_plots_the_curves_against_samples_seen(qtbot):
    window = open_lab(qtbot, optimizers_experiment())
    run_to_the_end(qtbot, window)
    cost, accuracy = window.page.views["cost"], window.page.views["accuracy"]
    menu_action(menu(window, "View"), "Plot against", "Samples seen").trigger()
    for plot in (cost, accuracy):
        assert plot.plot_item.getAxis("bottom").labelText == "samples seen"
        np.testing.assert_array_equal(plot.curve("sgd", "train").getData()[0],
                                      21 * np.arange(13))
    menu_action(menu(window, "View"), "Plot against", "Epochs").trigger()
    assert cost.plot_item.getAxis("bottom").labelText == "epoch"
    window.close()


def test_the_hidden_outputs_at_zero_show_for_relu_and_not_for_sigmoid(qtbot):
    window = open_lab(qtbot, with_epochs("deep-sigmoid-vs-relu", 1), size=(1024, 768))
    run_to_the_end(qtbot, window)
    zeros = window.page.views["gradient"].zeros
    assert zeros.isVisible() and zeros.height() > 50 and zeros.width() > 100
    histories = window.page.session.histories
    for run in ("sigmoid", "relu"):
        layers, shares = zeros.curve(run).getData()
        np.testing.assert_array_equal(layers, [1, 2, 3, 4, 5, 6])
        newest = histories[run].last()
        np.testing.assert_array_equal(shares, [newest[f"zero_share_{l}"] for l in range(1, 7)])
    assert np.all(zeros.curve("sigmoid").getData()[1] == 0.0)
    assert np.all((zeros.curve("relu").getData()[1] > 0.2) & (zeros.curve("relu").getData()[1] < 0.8))
    window.close()


def test_a_network_without_hidden_layers_has_no_zero_shares(qtbot):
    experiment = with_epochs("xor-2-8-2", 2)
    experiment = dataclasses.replace(experiment, network=dataclasses.replace(
        experiment.network, layers=(2, 2), hidden_activation=()))
    window = open_lab(qtbot, experiment)
    run_to_the_end(qtbot, window)
    assert not window.page.views["gradient"].zeros.isVisible()
    assert window.page.views["gradient"].curve("cross_entropy").getData()[0].tolist() == [1.0]
    window.close()


def regression_frame(epochs: int = 6) -> LabFrame:
    """A frame of a regression run: costs that fall, NaN accuracies (a linear output has no
    classes)."""
    columns = empty_lab_columns(2)
    rows = np.arange(epochs + 1, dtype=float)
    columns.update(epoch=rows, updates=3 * rows, samples=40 * rows,
                   train_cost=0.5 / (1 + rows), test_cost=0.6 / (1 + rows),
                   train_accuracy=np.full(epochs + 1, np.nan),
                   test_accuracy=np.full(epochs + 1, np.nan),
                   gradient_norm_1=np.full(epochs + 1, 0.1),
                   gradient_norm_2=np.full(epochs + 1, 0.2),
                   zero_share_1=np.zeros(epochs + 1))
    dataset = SimpleNamespace(task="regression", x_train=np.zeros((40, 1)),
                              x_test=np.zeros((10, 1)), n_features=1)
    run = RunFrame("quadratic", "quadratic", columns, epochs, "finished", colour="#D55E00")
    return LabFrame(dataset, (1, 8, 1), epochs, (run,), shown_epoch=epochs, live=True)


def test_a_regression_shows_its_mean_squared_error_and_no_accuracy(qtbot):
    frame = regression_frame()
    assert frame.task == "regression"
    cost, accuracy = LabCostPlot(), LabAccuracyPlot()
    for view in (cost, accuracy):
        qtbot.addWidget(view)
        view.resize(480, 320)
        view.show()
    cost.link_epochs_with(accuracy)
    cost.update_frame(frame)
    accuracy.update_frame(frame)
    assert cost.title == "Cost (MSE)"
    assert cost.plot_item.getAxis("left").labelText == "mean squared error"
    _, y = cost.curve("quadratic", "train").getData()
    np.testing.assert_allclose(y, 2 * frame.runs[0].columns["train_cost"])  # MSE = 2C
    assert not accuracy.plot_widget.isVisible() and accuracy.no_accuracy.isVisible()
    assert "no accuracy" in accuracy.no_accuracy.text()
    # NaN accuracies on another axis break nothing either
    menu_action(cost.view_box.menu, "Plot against", "Samples seen").trigger()
    np.testing.assert_array_equal(cost.curve("quadratic", "train").getData()[0], 40 * np.arange(7))
    assert accuracy.x_axis == SAMPLES

    # the same views, given classification again, show costs and accuracies
    classification = dataclasses.replace(frame, dataset=None)
    assert classification.task == "classification"
    cost.update_frame(classification)
    accuracy.update_frame(classification)
    assert cost.title == "Cost" and cost.plot_item.getAxis("left").labelText == "cost C"
    np.testing.assert_allclose(cost.curve("quadratic", "train").getData()[1],
                               frame.runs[0].columns["train_cost"])
    assert accuracy.plot_widget.isVisible() and not accuracy.no_accuracy.isVisible()
