"""The network lab's views draw real runs: cost, accuracy, gradient per layer, decision regions.

Frames are built from real training (the xor-2-8-2 preset, quadratic vs cross-entropy, a few
dozen epochs through nnlab.core), and the tests check what the items on screen hold: curve
points against the history's columns, markers against the gradient norms, and the regions'
pixels against the trained network's own predictions.
"""

from __future__ import annotations

import dataclasses
import gc
import math
import weakref

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QMenu

from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.core.training import NETWORK_COLUMNS
from nnlab.gui import export
from nnlab.app.frames import LabFrame, RunFrame, empty_lab_columns, gradient_column
from nnlab.gui.theme import NORMAL, PROJECTOR
from nnlab.gui.lessons.lab.views import regions as decision_regions
from nnlab.gui.lessons.lab.views.regions import (
    NO_CLASS_TINT, DecisionRegionsView, class_colour, tinted_regions,
)
from nnlab.gui.lessons.lab.views.curves import (
    LabAccuracyPlot, LabCostPlot, LayerGradientPlot, PercentAxis, link_lab_epoch_axes,
)

from qt_helpers import show

EPOCHS = 40                      # trained; the experiment plans 200
KEPT = (0, 20, 40)               # epochs whose network the frames can show
COLOURS = {"quadratic": "#D55E00", "cross_entropy": "#0072B2"}
LABELS = {"quadratic": "quadratic", "cross_entropy": "cross-entropy"}


@dataclasses.dataclass
class Trained:
    dataset: object
    layers: tuple[int, ...]
    columns: dict[str, dict[str, np.ndarray]]
    networks: dict[str, dict[int, object]]


def _columns_of(records) -> dict[str, np.ndarray]:
    columns = {name: np.array([getattr(r, name) for r in records], dtype=float)
               for name in NETWORK_COLUMNS}
    for layer in range(1, len(records[0].gradient_norms) + 1):
        columns[gradient_column(layer)] = np.array([r.gradient_norms[layer - 1]
                                                    for r in records])
    for values in columns.values():
        values.setflags(write=False)
    return columns


@pytest.fixture(scope="module")
def trained() -> Trained:
    experiment = load_preset("xor-2-8-2")
    runs = build_runs(experiment)
    columns, networks = {}, {}
    for run in runs:
        started = run.start()
        records, kept = [], {}
        for record in started.records:
            records.append(record)
            if record.epoch in KEPT:
                kept[record.epoch] = started.network.copy()
            if record.epoch == EPOCHS:
                break
        columns[run.name], networks[run.name] = _columns_of(records), kept
    return Trained(runs[0].dataset, tuple(experiment.network.layers), columns, networks)


def lab_frame(trained: Trained, shown: int = EPOCHS, names=("quadratic", "cross_entropy"),
              **changes) -> LabFrame:
    runs = []
    for name in names:
        network_epoch = max(epoch for epoch in KEPT if epoch <= shown)
        runs.append(RunFrame(name, LABELS[name], trained.columns[name], shown, "running",
                             colour=COLOURS[name], network=trained.networks[name][network_epoch],
                             network_epoch=network_epoch))
    values = dict(dataset=trained.dataset, layers=trained.layers, epochs=200,
                  runs=tuple(runs), shown_epoch=shown, live=shown == EPOCHS)
    values.update(changes)
    return LabFrame(**values)


def diverged_run(trained: Trained) -> RunFrame:
    """A run that blew up at epoch 12: its costs climb, then NaN; its last gradients are
    infinite; its network's parameters are NaN."""
    columns = {name: values[:13].copy() for name, values in
               trained.columns["cross_entropy"].items()}
    columns["train_cost"][9:12] = [3.0, 1e8, 1e200]
    for name in ("train_cost", "test_cost", "train_accuracy", "test_accuracy"):
        columns[name][12] = math.nan
    columns[gradient_column(1)][12] = math.inf
    columns[gradient_column(2)][12] = math.nan
    network = trained.networks["cross_entropy"][0].copy()
    network.parameters[...] = math.nan
    return RunFrame("eta_100", "η = 100", columns, 12, "diverged", colour="#CC79A7",
                    network=network, network_epoch=12)


CURVE_PLOTS = ((LabCostPlot, "train_cost", "test_cost"),
               (LabAccuracyPlot, "train_accuracy", "test_accuracy"))


def legend_texts(plot) -> list[str]:
    return [label.text for _, label in plot.plot_item.legend.items]


# -- cost and accuracy ---------------------------------------------------------------------------

@pytest.mark.parametrize("plot_class, train, test", CURVE_PLOTS)
def test_curves_hold_the_columns_up_to_the_shown_epoch_and_the_timeline_shortens_them(
        qtbot, trained, plot_class, train, test):
    plot = show(qtbot, plot_class())
    for shown in (EPOCHS, 15, 0, 30):
        plot.update_frame(lab_frame(trained, shown))
        for name in COLOURS:
            columns = trained.columns[name]
            for key, column in (("train", train), ("test", test)):
                curve = plot.curve(name, key)
                np.testing.assert_array_equal(curve.xData, columns["epoch"][:shown + 1])
                np.testing.assert_array_equal(curve.yData, columns[column][:shown + 1])
        assert plot.epoch_marker.value() == shown
    low, high = plot.view_box.viewRange()[0]
    assert low <= 0 and high >= 200   # the planned epochs: curves grow into a fixed axis


@pytest.mark.parametrize("plot_class, train, test", CURVE_PLOTS)
def test_each_run_has_its_colour_training_solid_and_test_dashed(
        qtbot, trained, plot_class, train, test):
    plot = show(qtbot, plot_class())
    plot.update_frame(lab_frame(trained))
    for name, colour in COLOURS.items():
        solid, dashed = plot.curve(name, "train").opts["pen"], plot.curve(name, "test").opts["pen"]
        assert solid.color() == QColor(colour) == dashed.color()
        assert solid.style() == Qt.PenStyle.SolidLine
        assert dashed.style() == Qt.PenStyle.CustomDashLine and dashed.dashPattern()
    # the run's colour comes from the frame, whatever the run is called
    recoloured = lab_frame(trained)
    recoloured = dataclasses.replace(recoloured, runs=(
        dataclasses.replace(recoloured.runs[0], colour="#009E73"), recoloured.runs[1]))
    plot.update_frame(recoloured)
    assert plot.curve("quadratic", "train").opts["pen"].color() == QColor("#009E73")


def test_the_legend_names_the_line_styles_then_each_run_once(qtbot, trained):
    plot = show(qtbot, LabCostPlot())
    plot.update_frame(lab_frame(trained))
    assert legend_texts(plot) == ["training", "test", "quadratic", "cross-entropy"]
    # on a projector the window's colour key names the runs; the line styles stay
    plot.set_legend_visible(False)
    assert not plot.legend_visible
    assert legend_texts(plot) == ["training", "test"]
    assert plot.plot_item.legend.isVisible()
    plot.update_frame(lab_frame(trained, 30))
    assert legend_texts(plot) == ["training", "test"]
    plot.set_legend_visible(True)
    assert legend_texts(plot) == ["training", "test", "quadratic", "cross-entropy"]
    # without a test set every line is solid: no line-style key, and nothing at all to show
    # while the runs are named elsewhere
    no_test = dataclasses.replace(trained.dataset, x_test=trained.dataset.x_test[:0],
                                  y_test=trained.dataset.y_test[:0])
    plot.update_frame(lab_frame(trained, dataset=no_test))
    assert legend_texts(plot) == ["quadratic", "cross-entropy"]
    plot.set_legend_visible(False)
    assert not plot.plot_item.legend.isVisible()
    plot.set_legend_visible(True)
    plot.update_frame(lab_frame(trained))
    assert legend_texts(plot) == ["training", "test", "quadratic", "cross-entropy"]


def test_the_cost_axis_starts_at_0_and_holds_every_cost(qtbot, trained):
    plot = show(qtbot, LabCostPlot())
    plot.update_frame(lab_frame(trained, 5))
    low, high = plot.view_box.viewRange()[1]
    highest = max(np.nanmax(trained.columns[name][column]) for name in COLOURS
                  for column in ("train_cost", "test_cost"))
    assert low < 0 < highest <= high <= 2 * highest + 0.2
    plot.update_frame(lab_frame(trained, 30))  # the timeline does not move the axis
    assert plot.view_box.viewRange()[1] == pytest.approx([low, high])


def test_the_accuracy_axis_is_0_to_100_percent(qtbot, trained):
    plot = show(qtbot, LabAccuracyPlot())
    plot.update_frame(lab_frame(trained))
    low, high = plot.view_box.viewRange()[1]
    assert low < 0 and 1 < high < 1.2
    axis = plot.plot_item.getAxis("left")
    assert isinstance(axis, PercentAxis) and axis.labelText == "accuracy"
    assert axis.tickStrings([0.0, 0.2, 0.6000000000000001, 1.0], 1.0, 0.2) == \
        ["0%", "20%", "60%", "100%"]
    assert axis.tickStrings([0.25, 0.3], 1.0, 0.05) == ["25%", "30%"]
    assert axis.tickStrings([-0.1, 1.1], 1.0, 0.1) == ["", ""]  # not a share


def test_a_long_history_is_thinned_to_about_one_row_per_pixel(qtbot, trained):
    plot = show(qtbot, LabCostPlot(), 500, 300)
    rows = 100_000
    columns = empty_lab_columns(2)
    columns.update({name: np.linspace(1.0, 0.1, rows) for name in columns})
    columns["epoch"] = np.arange(float(rows))
    run = RunFrame("sgd", "SGD", columns, rows - 1, colour="#0072B2")
    plot.update_frame(LabFrame(trained.dataset, trained.layers, rows - 1, (run,), rows - 1))
    x, y = plot.curve("sgd", "train").getData()
    assert len(x) <= max(400, plot.view_box.width()) + 2
    assert (x[0], x[-1]) == (0, rows - 1)
    np.testing.assert_array_equal(y, columns["train_cost"][x.astype(int)])


def test_the_epoch_axes_of_cost_and_accuracy_are_linked(qtbot, trained):
    cost, accuracy = show(qtbot, LabCostPlot()), show(qtbot, LabAccuracyPlot())
    link_lab_epoch_axes([cost, accuracy])
    for plot in (cost, accuracy):
        plot.update_frame(lab_frame(trained))
    accuracy.view_box.setXRange(10, 30, padding=0)
    assert cost.view_box.viewRange()[0] == pytest.approx([10, 30])
    # what the lab window calls
    other = show(qtbot, LabAccuracyPlot())
    cost.link_epochs_with(other)
    cost.view_box.setXRange(5, 25, padding=0)
    assert other.view_box.viewRange()[0] == pytest.approx([5, 25])


# -- the gradient per layer ---------------------------------------------------------------------

def test_the_gradient_plot_shows_each_layers_norm_at_the_shown_epoch(qtbot, trained):
    plot = show(qtbot, LayerGradientPlot())
    for shown in (EPOCHS, 3):
        plot.update_frame(lab_frame(trained, shown))
        for name in COLOURS:
            x, y = plot.curve(name).getOriginalDataset()
            np.testing.assert_array_equal(x, [1, 2])
            np.testing.assert_array_equal(
                y, [trained.columns[name][gradient_column(layer)][shown] for layer in (1, 2)])
            assert plot.curve(name).opts["pen"].color() == QColor(COLOURS[name])
            assert plot.curve(name).opts["symbolBrush"].color() == QColor(COLOURS[name])
    assert plot.plot_item.getAxis("left").logMode
    bottom = plot.plot_item.getAxis("bottom")
    assert bottom.labelText == "layer (input → output)"
    assert [text for _, text in bottom._tickLevels[0]] == ["1", "2"]
    assert "‖∂C/∂W‖" in plot.plot_item.getAxis("left").labelText
    assert "‖∂C/∂W‖" in plot.title
    assert plot.view_box.viewRange()[0] == pytest.approx([0.5, 2.5])
    assert legend_texts(plot) == ["quadratic", "cross-entropy"]
    # whole decades round every norm of the runs
    norms = np.concatenate([trained.columns[name][gradient_column(layer)]
                            for name in COLOURS for layer in (1, 2)])
    low, high = plot.view_box.viewRange()[1]
    assert low <= math.log10(norms.min()) and math.log10(norms.max()) <= high


def test_the_gradient_plot_skips_zeros_and_nans_and_keeps_its_axis(qtbot, trained):
    plot = show(qtbot, LayerGradientPlot())
    columns = empty_lab_columns(5)
    columns.update({name: np.full(3, 0.5) for name in columns})
    columns["epoch"] = np.arange(3.0)
    norms = {1: [0.2, 1e-300, 0.0], 2: [0.3, 0.1, math.nan], 3: [0.4, 0.2, 0.01],
             4: [0.5, 0.3, math.inf], 5: [0.6, 0.4, 1.0]}   # underflow, vanish, blow up
    for layer, values in norms.items():
        columns[gradient_column(layer)] = np.array(values)
    run = RunFrame("sigmoid", "sigmoid", columns, 2, status="diverged", colour="#D55E00")
    plot.update_frame(LabFrame(trained.dataset, (2, 4, 4, 4, 4, 2), 2, (run,), 2))
    x, y = plot.curve("sigmoid").getOriginalDataset()
    np.testing.assert_array_equal(x, [3, 5])
    np.testing.assert_array_equal(y, [0.01, 1.0])
    assert [text for _, text in plot.plot_item.getAxis("bottom")._tickLevels[0]] == \
        ["1", "2", "3", "4", "5"]
    low, high = plot.view_box.viewRange()[1]
    assert -13 < low and high < 1   # 1e-300 does not squash the axis
    plot.update_frame(LabFrame(trained.dataset, (2, 4, 4, 4, 4, 2), 2,
                               (dataclasses.replace(run, index=0),), 0))
    assert len(plot.curve("sigmoid").getOriginalDataset()[0]) == 5


# -- a diverged run ----------------------------------------------------------------------------

def test_a_diverged_run_draws_what_it_has(qtbot, trained):
    frame = lab_frame(trained, 12)
    frame = dataclasses.replace(frame, runs=frame.runs + (diverged_run(trained),))
    cost, accuracy = show(qtbot, LabCostPlot()), show(qtbot, LabAccuracyPlot())
    gradient, regions = show(qtbot, LayerGradientPlot()), show(qtbot, DecisionRegionsView())
    for view in (cost, accuracy, gradient, regions):
        view.update_frame(frame)
        QApplication.processEvents()
        assert not view.grab().isNull()
    for plot in (cost, accuracy):
        for key in ("train", "test"):
            x, y = plot.curve("eta_100", key).getData()
            assert len(x) == 12 and np.all(np.isfinite(y))
    # its cost shoots off the top; the axis still shows the others' costs readably
    top = cost.view_box.viewRange()[1][1]
    assert top <= 4 * max(trained.columns[name]["train_cost"][0] for name in COLOURS) + 1
    x, _ = gradient.curve("eta_100").getOriginalDataset()   # both its norms infinite or NaN
    assert x is None or len(x) == 0
    classes = regions.region_plot("eta_100").classes
    assert np.all(classes == -1)   # no class where the outputs are NaN: grey
    grey = QColor(NO_CLASS_TINT)
    assert tuple(regions.region_plot("eta_100").image.image[0, 0]) == \
        (grey.red(), grey.green(), grey.blue())
    assert "(diverged)" in regions.region_plot("eta_100").title


# -- decision regions --------------------------------------------------------------------------

def test_the_regions_are_the_networks_predictions_on_the_grid(qtbot, trained):
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    frame = lab_frame(trained)
    view.update_frame(frame)
    QApplication.processEvents()
    view.update_frame(frame)
    xs, ys = view.grid
    gx, gy = np.meshgrid(xs, ys)
    points = np.column_stack([gx.ravel(), gy.ravel()])
    dataset = trained.dataset
    for run in frame.runs:
        plot = view.region_plot(run.name)
        expected = run.network.predict(points).reshape(len(ys), len(xs))
        np.testing.assert_array_equal(plot.classes, expected)
        assert plot.image.image.shape[:2] == expected.shape
        # a few pixels, found through the plot's own mapping from data to image
        for i, j in ((0, 0), (len(xs) // 3, len(ys) // 2), (len(xs) - 1, len(ys) - 1)):
            scene = plot.view_box.mapViewToScene(QPointF(xs[i], ys[j]))
            pixel = plot.image.mapFromScene(scene)
            column, row = int(pixel.x()), int(pixel.y())
            assert (column, row) == (i, j)
            colour = tinted_regions(expected[j:j + 1, i:i + 1], 2, NORMAL)[0, 0]
            np.testing.assert_array_equal(plot.image.image[row, column], colour)
        # trained XOR: nearly every training point lies in the region of its own class
        columns = np.clip(np.searchsorted(xs, dataset.x_train[:, 0]), 0, len(xs) - 1)
        rows = np.clip(np.searchsorted(ys, dataset.x_train[:, 1]), 0, len(ys) - 1)
        assert np.mean(plot.classes[rows, columns] == dataset.labels_train) > 0.9
        # the points: every training point filled, every test point hollow
        assert len(plot.train_points.data) == len(dataset.x_train)
        assert len(plot.test_points.data) == len(dataset.x_test)
        brushes = {brush.color().name() for brush in plot.train_points.data["brush"]}
        assert brushes == {class_colour(0).name(), class_colour(1).name()}
        assert plot.test_points.opts["brush"].style() == Qt.BrushStyle.NoBrush
        assert LABELS[run.name] in plot.title and COLOURS[run.name].lower() in plot.title.lower()


def test_every_plot_shows_the_same_window_with_equal_units(qtbot, trained):
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    view.update_frame(lab_frame(trained))
    QApplication.processEvents()
    ranges = [plot.view_box.viewRange() for plot in view.shown_plots]
    assert len(ranges) == 2
    assert np.ravel(ranges[0]) == pytest.approx(np.ravel(ranges[1]))
    (x0, x1), (y0, y1) = ranges[0]
    data = np.concatenate([trained.dataset.x_train, trained.dataset.x_test])
    assert x0 < data[:, 0].min() and data[:, 0].max() < x1
    assert y0 < data[:, 1].min() and data[:, 1].max() < y1
    for plot in view.shown_plots:
        box = plot.view_box
        assert (x1 - x0) / box.width() == pytest.approx((y1 - y0) / box.height(), rel=0.03)
        # the image covers the plot
        assert plot.image.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(
            box.sceneBoundingRect())
    visible = view.graphics.mapToScene(view.graphics.viewport().rect()).boundingRect()
    for plot in view.shown_plots:
        assert visible.contains(plot.plot.sceneBoundingRect())


def test_the_grid_is_evaluated_only_when_a_runs_network_changes(qtbot, trained, monkeypatch):
    calls = []
    original = decision_regions.region_classes

    def counting(network, xs, ys):
        calls.append(network)
        return original(network, xs, ys)

    monkeypatch.setattr(decision_regions, "region_classes", counting)
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    assert calls == []   # nothing computed before the first frame
    view.update_frame(lab_frame(trained, 40))
    QApplication.processEvents()
    evaluated = len(calls)
    view.update_frame(lab_frame(trained, 40))
    view.update_frame(lab_frame(trained, 39))
    view.update_frame(lab_frame(trained, 25))   # the same kept network, epoch 20
    view.update_frame(lab_frame(trained, 20))
    assert len(calls) == evaluated + 2
    view.update_frame(lab_frame(trained, 40))   # back: cached
    assert len(calls) == evaluated + 2
    # while training, at most two grids a frame; the rest follow in the next frames
    names = ("quadratic", "cross_entropy")
    runs = [dataclasses.replace(run, name=f"{run.name}_{copy}") for copy in range(3)
            for run in lab_frame(trained, 0, names).runs]
    frame = dataclasses.replace(lab_frame(trained, 0), runs=tuple(runs), training=True)
    view.update_frame(frame)   # six new plots
    QApplication.processEvents()
    before = len(calls)
    view.update_frame(frame)
    assert len(calls) - before <= 2
    for _ in range(3):
        view.update_frame(frame)
    assert all(view.region_plot(run.name).classes is not None for run in runs)


def test_points_are_set_only_when_the_data_change(qtbot, trained, monkeypatch):
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    shown = []
    original = view._show_points
    monkeypatch.setattr(view, "_show_points",
                        lambda plot, dataset: (shown.append(plot.name), original(plot, dataset)))
    for epoch in (40, 30, 20):
        view.update_frame(lab_frame(trained, epoch))
    assert sorted(shown) == ["cross_entropy", "quadratic"]
    dataset = trained.dataset
    fewer = dataclasses.replace(dataset, x_train=dataset.x_train[:50],
                                y_train=dataset.y_train[:50], x_test=dataset.x_test[:0],
                                y_test=dataset.y_test[:0])
    view.update_frame(lab_frame(trained, 20, dataset=fewer))
    assert len(shown) == 4
    assert len(view.region_plot("quadratic").train_points.data) == 50
    assert len(view.region_plot("quadratic").test_points.data) == 0


def test_plots_come_and_go_with_the_runs_and_are_freed(qtbot, trained):
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    view.update_frame(lab_frame(trained))
    first = view.region_plot("quadratic")
    view.update_frame(lab_frame(trained, names=("cross_entropy",)))
    assert [plot.name for plot in view.shown_plots] == ["cross_entropy"]
    assert view.region_plot("quadratic") is None
    gone = weakref.ref(first.plot)
    del first
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert gone() is None
    view.update_frame(lab_frame(trained, names=("quadratic", "cross_entropy")))
    assert [plot.name for plot in view.shown_plots] == ["quadratic", "cross_entropy"]
    assert len(view.layout_item.items) == 4   # each run's title and plot


def test_new_plots_get_the_menu_entries_the_window_added(qtbot, trained):
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    menus = view.context_menus()
    assert menus and all(isinstance(menu, QMenu) for menu in menus)
    export = menus[0].addAction("Export")
    view.update_frame(lab_frame(trained))
    for plot in view.shown_plots:
        assert export in plot.view_box.menu.actions()
        assert plot.view_box.menu in view.context_menus()


def test_other_data_get_a_message_instead_of_plots(qtbot, trained):
    digits = build_runs(load_preset("digits-64-30-10"))[0].dataset
    view = show(qtbot, DecisionRegionsView(), 900, 420)
    view.update_frame(lab_frame(trained))
    assert view.message is None and len(view.shown_plots) == 2
    view.update_frame(LabFrame(digits, (64, 30, 10), 30))
    assert view.message == "Decision regions need data with two inputs"
    assert view.message_label.isVisible() and not view.graphics.isVisible()
    assert view.shown_plots == []
    assert not view.grab().isNull()
    view.update_frame(LabFrame(None, (), 0))
    assert view.message and view.message_label.isVisible()
    view.update_frame(lab_frame(trained, names=()))
    assert view.message and view.message_label.isVisible()
    view.update_frame(lab_frame(trained))
    assert view.message is None and view.graphics.isVisible()


def test_many_runs_in_a_small_projector_cell_fit_without_axes(qtbot, trained):
    # the projector's "Learning" page at 1024 × 768: a quarter of the page
    view = show(qtbot, DecisionRegionsView(PROJECTOR), 505, 270)
    frame = lab_frame(trained)
    runs = [dataclasses.replace(run, name=f"{run.name}_{copy}", label=f"{run.label} {copy}")
            for copy in range(2) for run in frame.runs]
    for shown in (frame, dataclasses.replace(frame, runs=tuple(runs))):
        view.update_frame(shown)
        QApplication.processEvents()
        view.update_frame(shown)
        visible = view.graphics.mapToScene(view.graphics.viewport().rect()).boundingRect()
        for plot in view.shown_plots:
            assert visible.adjusted(-1, -1, 1, 1).contains(plot.plot.sceneBoundingRect())
            assert visible.contains(plot.title_label.sceneBoundingRect())
            assert plot.view_box.width() > 60 and plot.view_box.height() > 60
    # two runs keep their axes; four would squeeze them, so they show the regions alone
    assert not view.shown_plots[0].plot.getAxis("left").isVisible()


# -- every view --------------------------------------------------------------------------------

ALL_VIEWS = (LabCostPlot, LabAccuracyPlot, LayerGradientPlot, DecisionRegionsView)


@pytest.mark.parametrize("view_class", ALL_VIEWS)
def test_every_view_survives_no_data_no_runs_and_empty_runs(qtbot, trained, view_class):
    view = show(qtbot, view_class())
    empty = tuple(RunFrame(name, LABELS[name], empty_lab_columns(2), -1, colour=COLOURS[name])
                  for name in COLOURS)
    for frame in (LabFrame(None, (), 0), LabFrame(trained.dataset, trained.layers, 200),
                  LabFrame(trained.dataset, trained.layers, 200, empty),
                  lab_frame(trained, 10), LabFrame(trained.dataset, trained.layers, 200, empty)):
        view.update_frame(frame)
        QApplication.processEvents()
    assert not view.export_widget().grab().isNull()
    assert view.slug and view.slug.replace("-", "").isalnum()
    assert view.title and isinstance(view.title, str)


@pytest.mark.parametrize("view_class", ALL_VIEWS)
def test_the_projector_theme_makes_fonts_big_and_lines_thick(qtbot, trained, view_class):
    view = show(qtbot, view_class(NORMAL))
    frame = lab_frame(trained)
    view.update_frame(frame)
    view.apply_theme(PROJECTOR)
    view.update_frame(frame)
    if isinstance(view, DecisionRegionsView):
        plot_items = [plot.plot for plot in view.shown_plots]
        for plot in view.shown_plots:
            # small enough for hundreds of points, rings thick enough for the back of the room
            assert 3 <= plot.train_points.opts["size"] <= 0.6 * PROJECTOR.marker_size
            assert plot.test_points.data["pen"][0].widthF() >= 2
        assert view.message_label.font().pointSize() == PROJECTOR.font_point_size
    else:
        plot_items = [view.plot_item]
        curves = (view._curves.values() if not isinstance(view, LayerGradientPlot)
                  else [view.curve(name) for name in COLOURS])
        for curve in curves:
            assert curve.opts["pen"].widthF() >= PROJECTOR.line_width
        if isinstance(view, LayerGradientPlot):
            assert view.curve("quadratic").opts["symbolSize"] == PROJECTOR.marker_size
    for plot_item in plot_items:
        for name in ("left", "bottom"):
            assert plot_item.getAxis(name).style["tickFont"].pointSize() >= 20
    view.apply_theme(NORMAL)
    for plot_item in plot_items:
        assert plot_item.getAxis("left").style["tickFont"].pointSize() == \
            NORMAL.font_point_size


@pytest.mark.parametrize("view_class", (LabCostPlot, LabAccuracyPlot, LayerGradientPlot))
def test_nothing_is_clipped_in_a_projector_cell(qtbot, trained, view_class):
    view = show(qtbot, view_class(PROJECTOR), 505, 270)
    view.update_frame(lab_frame(trained))
    QApplication.processEvents()
    view.update_frame(lab_frame(trained))
    widget = view.plot_widget
    visible = widget.mapToScene(widget.viewport().rect()).boundingRect()
    for name in ("left", "bottom"):
        label = view.plot_item.getAxis(name).label
        margin = label.document().documentMargin()   # blank, round the text
        text = label.sceneBoundingRect().adjusted(margin, margin, -margin, -margin)
        assert visible.contains(text), name
    legend = view.plot_item.legend
    assert view.view_box.sceneBoundingRect().contains(legend.sceneBoundingRect())


def test_views_are_cheap_to_make_and_free_their_items(qtbot):
    def make_and_drop() -> list[weakref.ref]:
        refs = []
        for view_class in ALL_VIEWS:
            view = view_class()
            refs.append(weakref.ref(view))
            items = getattr(view, "plot_item", None) or view.layout_item
            refs.append(weakref.ref(items))
            view.deleteLater()
            del view
        return refs

    refs = make_and_drop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    gc.collect()
    assert [ref() for ref in refs] == [None] * len(refs)


def test_the_gradient_legend_keeps_off_the_markers(qtbot, trained):
    # a vanishing gradient: each layer's norm 30 times its predecessor's, rising to the
    # top right corner, where the legend starts
    plot = show(qtbot, LayerGradientPlot(), 640, 360)
    columns = empty_lab_columns(4)
    columns.update({name: np.ones(1) for name in columns})
    for layer in range(1, 5):
        columns[gradient_column(layer)] = np.array([30.0 ** (layer - 4)])
    runs = tuple(RunFrame(name, LABELS[name], columns, 0, colour=COLOURS[name])
                 for name in COLOURS)
    frame = LabFrame(trained.dataset, (2, 8, 8, 8, 2), 1, runs, 0)
    plot.update_frame(frame)
    QApplication.processEvents()
    plot.update_frame(frame)
    legend = plot.plot_item.legend.sceneBoundingRect()
    area = plot.view_box.sceneBoundingRect()
    assert area.contains(legend)
    assert not (legend.center().x() > area.center().x()
                and legend.center().y() < area.center().y())   # moved off the top right
    for name in COLOURS:
        x, y = plot.curve(name).getData()   # log10 of the norms
        for px, py in zip(x, y):
            assert not legend.contains(plot.view_box.mapViewToScene(QPointF(px, py)))


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_the_regions_and_the_curves_export(qtbot, trained, tmp_path, fmt):
    frame = lab_frame(trained)
    for view_class in (DecisionRegionsView, LabCostPlot):
        view = show(qtbot, view_class(), 700, 360)
        view.update_frame(frame)
        QApplication.processEvents()
        path = export.export_widget(view.export_widget(), tmp_path / f"{view.slug}.{fmt}")
        assert path.stat().st_size > 1000
        if fmt == "png":
            image = QImage(str(path))
            colours = {image.pixel(x, y) for x in range(0, image.width(), 9)
                       for y in range(0, image.height(), 9)}
            assert len(colours) > 10
