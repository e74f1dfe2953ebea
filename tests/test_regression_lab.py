"""Regression in the network lab, the way a lecturer uses it: the sine example opened from
Run › Examples, a few epochs trained, the fitted curve drawn with the data, no accuracy
anywhere; the settings panel moving between classes and numbers to learn; the views made for
classes saying so instead of drawing nonsense."""

from __future__ import annotations

import numpy as np
import pytest

from nnlab.app.frames import LabFrame, RunFrame, empty_lab_columns
from nnlab.app.lab_session import LabSession
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.gui.lessons.lab.panel import LabPanel
from nnlab.gui.lessons.lab.views.confusion import ConfusionMatrixView
from nnlab.gui.lessons.lab.views.fit import CURVE_POINTS, FitView, fitted_values
from nnlab.gui.lessons.lab.views.misclassified import MisclassifiedStrip
from nnlab.gui.lessons.lab.views.regions import DecisionRegionsView
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.text import preset_title

from qt_helpers import menu, show, shown_window

PRESET = "sine-regression"


def open_lab(qtbot, experiment=None, projector=False) -> CourseWindow:
    window = CourseWindow("lab", session=LabSession(experiment), projector=projector)
    window.page.session.setParent(window)
    return shown_window(qtbot, window, (1366, 740))


def open_example(window, name: str) -> None:
    """Run › Examples › the preset, as a user picks it."""
    examples = menu(window, "Examples")
    action = next(a for a in examples.actions() if a.text() == preset_title(name))
    action.trigger()


def train_a_few_epochs(qtbot, window, epochs: int = 5) -> None:
    session = window.page.session
    session.set_speed(None)
    window.run_action.trigger()
    qtbot.waitUntil(lambda: session.latest_epoch >= epochs, timeout=30_000)
    window.run_action.trigger()  # pause
    qtbot.waitUntil(lambda: session.state != "running", timeout=10_000)
    window.page.redraw()


@pytest.fixture
def lab(qtbot, warnings):
    window = open_lab(qtbot, load_preset("xor-2-8-2"))
    yield window
    window.close()


def test_the_sine_example_trains_and_its_fitted_curve_follows_the_network(qtbot, lab,
                                                                           warnings):
    open_example(lab, PRESET)
    page = lab.page
    assert page.session.experiment.data.task == "regression" and not warnings
    views = page.views
    assert views["fit"].isVisible() and views["cost"].isVisible()
    for name in ("accuracy", "regions", "confusion", "misclassified"):
        assert not views[name].isVisible(), name
    train_a_few_epochs(qtbot, lab)
    fit = views["fit"]
    assert fit.message is None
    curve = fit.curves["quadratic"]
    xs, ys = curve.getData()
    assert len(xs) == CURVE_POINTS and np.all(np.isfinite(ys))
    # the curve is the network on show: core's forward pass at those x
    frame = page.current_frame()
    run = frame.runs[0]
    assert run.network_epoch >= 5
    np.testing.assert_allclose(ys, run.network.forward(xs[:, None])[:, 0])
    # the training and test points are the data's
    dataset = page.session.dataset
    assert len(fit.train_points.data) == len(dataset.x_train)
    assert len(fit.test_points.data) == len(dataset.x_test)
    status = lab.statusBar().currentMessage()
    assert "MSE" in status and "accuracy" not in status
    assert "numbers to learn" in page.panel.dataset_info.text()


def test_the_fitted_curve_moves_as_the_network_learns(qtbot, lab):
    open_example(lab, PRESET)
    train_a_few_epochs(qtbot, lab, epochs=30)
    page = lab.page
    fit = page.views["fit"]
    late = fit.curves["quadratic"].getData()[1].copy()
    page.show_epoch(0)
    page.redraw()
    early = fit.curves["quadratic"].getData()[1]
    assert not np.allclose(early, late)
    dataset = page.session.dataset
    sine = np.sin(3 * fit.curves["quadratic"].getData()[0])
    # after 30 epochs the curve is far closer to sin(3x) than the network's start
    assert np.mean((late - sine) ** 2) < np.mean((early - sine) ** 2) / 4
    assert dataset.is_regression


def test_the_projector_shows_the_fitted_curve_across_the_learning_page(qtbot, warnings):
    window = open_lab(qtbot, load_preset(PRESET), projector=True)
    views = window.page.views
    dashboard = window.page.dashboard
    assert dashboard.tabText(0) == "Learning"
    assert views["fit"].isVisible() and not views["accuracy"].isVisible()
    train_a_few_epochs(qtbot, window, epochs=3)
    assert len(views["fit"].curves["quadratic"].getData()[0]) == CURVE_POINTS
    window.close()


def test_back_to_classes_the_accuracy_returns(qtbot, lab):
    open_example(lab, PRESET)
    assert not lab.page.views["accuracy"].isVisible()
    open_example(lab, "xor-2-8-2")
    assert lab.page.views["accuracy"].isVisible() and lab.page.views["regions"].isVisible()
    assert not lab.page.views["fit"].isVisible()


def test_choosing_the_sine_in_the_panel_makes_a_regression_the_lab_can_run(qtbot, lab,
                                                                           warnings):
    panel = lab.page.panel
    panel.dataset.setCurrentIndex(panel.dataset.findData("sine"))
    exp = lab.page.session.experiment
    assert not warnings, warnings
    assert exp.data.dataset == "sine" and exp.data.task == "regression"
    assert exp.network.output == "linear" and exp.training.costs == ("quadratic",)
    assert exp.network.layers == (1, 8, 1)
    assert panel.output.currentData() == "linear" and panel.is_valid
    assert lab.page.views["fit"].isVisible()
    train_a_few_epochs(qtbot, lab, epochs=2)
    # and back to classes: a bounded output and both costs again
    panel.dataset.setCurrentIndex(panel.dataset.findData("xor"))
    assert panel.output.currentData() == "softmax"
    assert set(panel.costs.checked()) == {"quadratic", "cross_entropy"}
    exp = lab.page.session.experiment
    assert exp.data.task == "classification" and exp.network.layers == (2, 8, 2)
    assert not warnings, warnings
    assert lab.page.views["accuracy"].isVisible()


def test_the_panel_refuses_cross_entropy_with_a_linear_output_by_name(qtbot):
    panel = LabPanel(load_preset(PRESET))
    show(qtbot, panel, 420, 900)
    assert panel.is_valid
    panel.costs.set_checked(("quadratic", "cross_entropy"))
    panel.costs.toggled.emit()
    assert not panel.is_valid
    error = panel.costs_field.error.text()
    assert "cross-entropy" in error and "linear" in error, error


def test_the_panel_offers_a_linear_output_and_a_files_labels_as_numbers(qtbot):
    panel = LabPanel(load_preset("xor-2-8-2"))
    show(qtbot, panel, 420, 900)
    assert panel.output.findData("linear") >= 0
    assert panel.task.findData("regression") >= 0
    assert not panel.task_field.isVisibleTo(panel)  # only for a file's labels
    assert panel.dataset.findData("sine") >= 0 and panel.dataset.findData("step") >= 0


def regression_frame(network=None, layers=(1, 16, 16, 1)) -> LabFrame:
    run = build_runs(load_preset(PRESET))[0]
    network = run.initial_network if network is None else network
    return LabFrame(dataset=run.dataset, layers=layers, epochs=300, runs=(
        RunFrame("quadratic", "quadratic", empty_lab_columns(len(layers) - 1), -1,
                 colour="#D55E00", network=network, network_epoch=0),))


@pytest.mark.parametrize("view_type", [DecisionRegionsView, ConfusionMatrixView,
                                       MisclassifiedStrip])
def test_the_views_of_classes_say_they_are_not_for_regression(qtbot, view_type):
    view = show(qtbot, view_type())
    view.update_frame(regression_frame())
    view.repaint()
    assert "not for regression" in view.message


def test_the_fit_view_says_why_it_has_nothing_for_classes(qtbot):
    view = show(qtbot, FitView())
    assert view.message
    xor = build_runs(load_preset("xor-2-8-2"))[0]
    view.update_frame(LabFrame(dataset=xor.dataset, layers=(2, 8, 2), epochs=10))
    assert "regression" in view.message
    frame = regression_frame()
    view.update_frame(frame)
    assert view.message is None
    xs, ys = view.curves["quadratic"].getData()
    np.testing.assert_array_equal(ys, fitted_values(frame.runs[0].network, xs))
    # a diverged network leaves a gap, not a crash
    broken = frame.runs[0].network.copy()
    broken.parameters[:] = np.nan
    view.update_frame(regression_frame(broken))
    assert np.all(np.isnan(view.curves["quadratic"].getData()[1]))
    view.repaint()


def test_a_file_of_numbers_opened_during_a_regression_is_fitted(qtbot, lab, warnings,
                                                                 tmp_path):
    path = tmp_path / "heights.csv"
    rng = np.random.default_rng(4)
    x = rng.uniform(-1, 1, 50)
    path.write_text("x,height\n" + "".join(f"{a:.5f},{2 * a * a - 0.5:.5f}\n" for a in x),
                    encoding="utf-8")
    open_example(lab, PRESET)
    assert lab.page.open_dataset(str(path)), warnings
    session = lab.page.session
    assert session.dataset.is_regression and session.dataset.class_names == ("height",)
    assert session.experiment.data.task == "regression"
    assert session.experiment.network.layers == (1, 16, 16, 1)
    panel = lab.page.panel
    assert panel.task_field.isVisibleTo(panel) and panel.task.currentData() == "regression"
    train_a_few_epochs(qtbot, lab, epochs=3)
    fit = lab.page.views["fit"]
    assert fit.isVisible() and fit.message is None
    assert np.all(np.isfinite(fit.curves["quadratic"].getData()[1]))
    assert fit.plot_item.getAxis("left").labelText == "height"
    assert not warnings
