"""The lab's views as a lecturer meets them in the first hour: before Run, on a projector,
with four runs, with a deep network, with the spiral and with named classes.

Frames are built from the built-in presets through nnlab.core: the runs' epoch-0 row and
their starting network (what the lab shows before Run), or a few epochs of real training.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import QApplication

from nnlab.core.datasets import split
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.core.training import NETWORK_COLUMNS
from nnlab.app.frames import LabFrame, RunFrame, gradient_column
from nnlab.gui.lessons.lab.page import RUN_PALETTE
from nnlab.gui.theme import FALLBACK_RUN_COLOURS, NORMAL, PROJECTOR, RUN_COLOURS
from nnlab.gui.lessons.lab.views.confusion import ConfusionMatrixView
from nnlab.gui.lessons.lab.views.misclassified import LABEL_TEXT_SCALE, MisclassifiedStrip
from nnlab.gui.views.base import font_of
from nnlab.gui.lessons.lab.views.regions import DecisionRegionsView
from nnlab.gui.lessons.lab.views.curves import LabAccuracyPlot, LabCostPlot, LayerGradientPlot
from nnlab.gui.lessons.lab.views.diagram import NetworkDiagram

from qt_helpers import show

RUN_HUES = set(RUN_PALETTE) | set(RUN_COLOURS.values()) | set(FALLBACK_RUN_COLOURS)


def frame_of(preset: str, epochs: int = 0, labels: dict[str, str] | None = None,
             dataset=None, **changes) -> LabFrame:
    """The preset's runs after ``epochs`` epochs of real training (0: the epoch-0 row and the
    starting network, as the lab shows them before Run)."""
    experiment = load_preset(preset)
    prepared = build_runs(experiment)
    runs = []
    for order, run in enumerate(prepared):
        started = run.start()
        records = []
        for record in started.records:
            records.append(record)
            if record.epoch >= epochs:
                break
        columns = {name: np.array([getattr(r, name) for r in records], dtype=float)
                   for name in NETWORK_COLUMNS}
        for layer in range(1, len(records[0].gradient_norms) + 1):
            columns[gradient_column(layer)] = np.array(
                [r.gradient_norms[layer - 1] for r in records], dtype=float)
        network = run.initial_network.copy() if epochs == 0 else started.network.copy()
        label = (labels or {}).get(run.name, run.name)
        runs.append(RunFrame(run.name, label, columns, len(records) - 1,
                             "idle" if epochs == 0 else "running",
                             colour=RUN_PALETTE[order % len(RUN_PALETTE)], network=network,
                             network_epoch=records[-1].epoch))
    values = dict(dataset=dataset if dataset is not None else prepared[0].dataset,
                  layers=tuple(experiment.network.layers), epochs=experiment.training.epochs,
                  runs=tuple(runs), shown_epoch=epochs, compared=experiment.compare.setting)
    values.update(changes)
    return LabFrame(**values)


def settle(view, frame: LabFrame) -> None:
    """Show ``frame`` and let the layout settle (the views lay out on resize events)."""
    view.update_frame(frame)
    QApplication.processEvents()
    view.update_frame(frame)


def colour_distance(first: str, second: str) -> float:
    a, b = QColor(first), QColor(second)
    return math.dist((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()))


# -- 6: no "(x0.001)" ------------------------------------------------------------------------------

def test_no_axis_rescales_its_numbers_with_an_si_prefix(qtbot):
    """pyqtgraph would label a cost axis of 10⁻⁶ … "cost C (x1e-06)" and ticks of 1 … 4."""
    frame = frame_of("xor-2-8-2", 5)
    tiny = tuple(dataclasses.replace(run, columns={
        name: values * (1e-6 if name.endswith("_cost") else 1.0)
        for name, values in run.columns.items()}) for run in frame.runs)
    dataset = frame.dataset
    small = dataclasses.replace(dataset, x_train=dataset.x_train * 1e-4,
                                x_test=dataset.x_test * 1e-4)
    views = [show(qtbot, view_class()) for view_class in
             (LabCostPlot, LabAccuracyPlot, LayerGradientPlot)]
    for view in views:
        settle(view, dataclasses.replace(frame, runs=tiny))
    regions = show(qtbot, DecisionRegionsView(), 700, 420)
    settle(regions, dataclasses.replace(frame, dataset=small))
    items = [view.plot_item for view in views] + [plot.plot for plot in regions.shown_plots]
    assert len(items) == 5
    cost_range = views[0].view_box.viewRange()[1]
    assert cost_range[1] < 1e-5   # the axis does show the tiny costs
    for item in items:
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            assert axis.autoSIPrefixScale == 1.0
            assert "(x" not in axis.labelString() and "×1e" not in axis.labelString()
            assert axis.autoSIPrefix is False   # nor later, for other numbers


# -- 9: the spiral's regions ------------------------------------------------------------------------

def test_the_spirals_regions_show_the_data_small_markers_and_can_hide_them(qtbot):
    frame = frame_of("spiral-2-16-16-2", 3)
    # the normal layout's cell for the regions: two tall plots side by side
    view = show(qtbot, DecisionRegionsView(), 540, 480)
    settle(view, frame)
    data = np.concatenate([frame.dataset.x_train, frame.dataset.x_test])
    low, high = data.min(axis=0), data.max(axis=0)
    extent = float(max(high - low))
    for plot in view.shown_plots:
        (x0, x1), (y0, y1) = plot.view_box.viewRange()
        # the axes fit the data (a margin round them), not ±2.5 beside ±1
        assert x0 < low[0] and high[0] < x1 and y0 < low[1] and high[1] < y1
        assert x1 - x0 <= 1.25 * extent and y1 - y0 <= 1.25 * extent
        # one unit as long either way: the box is square
        assert plot.view_box.width() == pytest.approx(plot.view_box.height(), abs=2)
        # the regions are computed over that same range
        xs, ys = view.grid
        assert x0 <= xs[0] < xs[1] and xs[-1] <= x1 and y0 <= ys[0] and ys[-1] <= y1
        assert (xs[1] - xs[0]) * len(xs) == pytest.approx(x1 - x0)
        # ~400 markers cover a small part of the plot
        size = plot.train_points.opts["size"]
        covered = len(data) * math.pi * (size / 2) ** 2
        assert covered < 0.15 * plot.view_box.width() * plot.view_box.height()
        assert size >= 3
    # "Show data points" in every plot's context menu hides the points of all plots
    menus = [plot.view_box.menu for plot in view.shown_plots]
    action = next(action for action in menus[0].actions()
                  if action.isCheckable() and "points" in action.text())
    assert all(action in menu.actions() for menu in menus)
    action.trigger()
    assert not any(plot.train_points.isVisible() or plot.test_points.isVisible()
                   for plot in view.shown_plots)
    action.trigger()
    assert all(plot.train_points.isVisible() and plot.test_points.isVisible()
               for plot in view.shown_plots)


# -- 10: colours mean runs only ---------------------------------------------------------------------

def test_classes_are_not_drawn_in_run_colours_and_have_shapes_and_a_key(qtbot):
    frame = frame_of("spiral-2-16-16-2", 3)
    view = show(qtbot, DecisionRegionsView(), 700, 480)
    settle(view, frame)
    plot = view.shown_plots[0]
    train = plot.train_points.data
    labels = frame.dataset.labels_train
    for label in (0, 1):
        fills = {spot.color().name().upper() for spot in train["brush"][labels == label]}
        symbols = set(train["symbol"][labels == label])
        assert len(fills) == 1 and len(symbols) == 1
        fill = fills.pop()
        tint = QColor(*plot.image.image[np.nonzero(plot.classes == label)][0]).name()
        for run_colour in RUN_HUES:
            assert colour_distance(fill, run_colour) > 80, (fill, run_colour)
            assert colour_distance(tint, run_colour) > 80, (tint, run_colour)
    assert set(train["symbol"][labels == 0]) != set(train["symbol"][labels == 1])
    # a key names the classes (numbered classes as "class 0") and the filled/hollow markers
    assert view.key.isVisible()
    assert view.key.texts() == ["class 0", "class 1", "training", "test"]


def test_the_diagram_draws_signs_as_solid_and_dashed_greys_with_a_key(qtbot):
    frame = frame_of("three-class-3-2-3", 50)
    diagram = show(qtbot, NetworkDiagram(), 700, 500)
    diagram.update_frame(frame)
    network = frame.runs[0].network
    for line, (layer, to, source) in zip(diagram.lines, diagram.line_pairs()):
        weight = network.weights[layer - 1][to, source]
        assert line.pen().color().hsvSaturation() == 0   # a grey: colours are the runs'
        assert (line.pen().style() == Qt.PenStyle.SolidLine) == (weight >= 0)
    for circle, (layer, unit) in zip(diagram.neurons, diagram.neuron_units()):
        assert circle.brush().color().hsvSaturation() == 0
        if layer:
            negative = network.biases[layer - 1][unit] < 0
            assert (circle.pen().style() != Qt.PenStyle.SolidLine) == negative
    texts = [text.text() for text in diagram.key_texts if text.isVisible()]
    assert "positive" in texts and "negative" in texts
    solid, dashed = diagram.key_lines
    assert solid.pen().style() == Qt.PenStyle.SolidLine
    assert dashed.pen().style() != Qt.PenStyle.SolidLine
    area = diagram.scene.sceneRect()
    labels_bottom = max(label.sceneBoundingRect().bottom() for label in diagram.layer_labels)
    for item in (*diagram.key_lines, *diagram.key_texts):
        if item.isVisible():
            assert area.contains(item.sceneBoundingRect())
            assert item.sceneBoundingRect().top() >= labels_bottom - 1   # under the labels


def test_misclassified_images_say_which_class_is_true_and_which_predicted(qtbot):
    frame = frame_of("digits-64-30-10", 1)
    strip = show(qtbot, MisclassifiedStrip(), 900, 400)
    strip.update_frame(frame)
    tiles = strip.tiles()
    assert tiles
    for tile in tiles:
        assert strip.caption(tile) == f"true {tile.true} → predicted {tile.predicted}"
        # the caption fits under its image, clear of the next tile
        caption_font = font_of(strip.theme, LABEL_TEXT_SCALE)
        assert tile.caption_rect.width() >= QFontMetricsF(
            caption_font, strip.canvas).horizontalAdvance(strip.caption(tile)) - 0.5


# -- 16: projector, four runs, deep networks --------------------------------------------------------

RATES = {"0.01": "η = 0.01", "0.1": "η = 0.1", "1.0": "η = 1", "100.0": "η = 100"}


@pytest.mark.parametrize("size", [(505, 270), (950, 430)])
def test_four_runs_regions_on_a_projector_keep_their_titles_whole(qtbot, size):
    # the Learning page's quarter for the regions at 1024 × 768 and at 1920 × 1080
    frame = frame_of("spiral-learning-rates", 0)
    frame = dataclasses.replace(frame, runs=tuple(
        dataclasses.replace(run, label=RATES.get(run.name, run.name)) for run in frame.runs))
    assert len(frame.runs) == 4
    view = show(qtbot, DecisionRegionsView(PROJECTOR), *size)
    settle(view, frame)
    visible = view.graphics.mapToScene(view.graphics.viewport().rect()).boundingRect()
    for run in frame.runs:
        plot = view.region_plot(run.name)
        assert run.label in plot.title and "…" not in plot.title
        title = plot.title_label.sceneBoundingRect()
        assert visible.adjusted(-1, -1, 1, 1).contains(title)
        assert visible.adjusted(-1, -1, 1, 1).contains(plot.plot.sceneBoundingRect())
        assert plot.view_box.width() > 60
        # the title above its own plot, not over another
        assert title.bottom() <= plot.view_box.sceneBoundingRect().top() + 1


def ink_rect(item) -> QRectF:
    """Where a centred text item's text actually is (its box may be wider than the text)."""
    box = item.sceneBoundingRect()
    ideal = item.document().idealWidth()
    return QRectF(box.center().x() - ideal / 2, box.top(), ideal, box.height())


@pytest.mark.parametrize("theme, size", [(PROJECTOR, (480, 560)), (PROJECTOR, (940, 900)),
                                         (NORMAL, (420, 360))])
def test_a_deep_networks_layer_labels_never_run_together(qtbot, theme, size):
    frame = frame_of("deep-sigmoid-vs-relu", 0)
    diagram = show(qtbot, NetworkDiagram(theme), *size)
    diagram.update_frame(frame)
    assert diagram.message_text == ""
    rows = [diagram.layer_labels, [item for item in diagram.summary_labels if item]]
    assert len(rows[0]) == 8 and len(rows[1]) == 7
    area = diagram.scene.sceneRect()
    for row in rows:
        rects = sorted((ink_rect(item) for item in row), key=lambda rect: rect.left())
        # apart by more than a space: "30 units30 units" reads as one label
        gap = 0.35 * QFontMetricsF(row[0].font()).height()
        for left, right in zip(rects, rects[1:]):
            assert right.left() - left.right() >= gap, [item.toPlainText() for item in row]
        for rect in rects:
            assert area.adjusted(-1, -1, 1, 1).contains(rect)
    # still the sizes of the layers, at least
    assert [label.toPlainText().split()[-1].strip("()") for label in rows[0]][0] in (
        "64", "input 64".split()[-1])
    assert all("30" in label.toPlainText() for label in rows[0][1:-1])


# -- 17: before Run, and the classes' names --------------------------------------------------------

def test_before_run_every_view_draws_the_starting_network(qtbot):
    spiral = frame_of("spiral-2-16-16-2", 0)
    digits = frame_of("digits-64-30-10", 0)
    assert all(run.index == 0 and run.network_epoch == 0 for run in spiral.runs)
    diagram = show(qtbot, NetworkDiagram(), 700, 500)
    diagram.update_frame(digits)
    assert diagram.message_text == ""
    assert diagram.lines and all(line.isVisible() for line in diagram.lines)
    assert diagram.epoch_label.text() == "weights after epoch 0"
    regions = show(qtbot, DecisionRegionsView(), 700, 420)
    settle(regions, spiral)
    for run in spiral.runs:
        plot = regions.region_plot(run.name)
        xs, ys = regions.grid
        gx, gy = np.meshgrid(xs, ys)
        expected = run.network.predict(np.column_stack([gx.ravel(), gy.ravel()]))
        np.testing.assert_array_equal(plot.classes, expected.reshape(len(ys), len(xs)))
    matrix = show(qtbot, ConfusionMatrixView(), 900, 500)
    matrix.update_frame(digits)
    for run in digits.runs:
        counts = matrix.matrix(run.name)
        assert counts is not None and counts.sum() == len(digits.dataset.x_test)
    strip = show(qtbot, MisclassifiedStrip(), 900, 400)
    strip.update_frame(digits)
    assert strip.message == "" and strip.misclassified_count > 0
    for view_class in (LabCostPlot, LabAccuracyPlot, LayerGradientPlot):
        view = show(qtbot, view_class())
        view.update_frame(spiral)   # one row each: nothing to fail on


def named(dataset, names: tuple[str, ...]):
    return dataclasses.replace(dataset, class_names=names)


def test_the_classes_names_are_shown_in_the_key_the_matrix_and_the_captions(qtbot):
    rng = np.random.default_rng(3)
    centres = np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 3.0]])
    labels = np.repeat(np.arange(3), 40)
    points = centres[labels] + rng.normal(scale=0.6, size=(len(labels), 2))
    iris = split(points, labels, rng, 0.25, "flowers.csv",
                 ("setosa", "versicolor", "virginica"))
    experiment_frame = frame_of("xor-2-8-2", 0)
    # a 2-3 network for the three named classes (random, as before Run)
    from nnlab.core.network import Network
    network = Network((2, 3), [], "softmax")
    network.initialise("xavier", np.random.default_rng(0))
    runs = tuple(dataclasses.replace(run, network=network) for run in experiment_frame.runs)
    frame = dataclasses.replace(experiment_frame, dataset=iris, runs=runs, layers=(2, 3))
    regions = show(qtbot, DecisionRegionsView(), 700, 420)
    settle(regions, frame)
    assert regions.key.texts()[:3] == ["setosa", "versicolor", "virginica"]
    matrix = show(qtbot, ConfusionMatrixView(), 900, 500)
    matrix.update_frame(frame)
    assert matrix.class_names == ("setosa", "versicolor", "virginica")
    for geometry in matrix.layout_geometry():
        # the names whole along both axes, not "vers…"
        assert matrix.axis_texts(geometry) == ["setosa", "versicolor", "virginica"]


def test_the_confusion_matrix_shades_are_not_run_colours():
    from nnlab.gui.lessons.lab.views.colours import cell_colour
    for diagonal in (True, False):
        full = cell_colour(10, 10, diagonal).name()
        for run_colour in RUN_HUES:
            assert colour_distance(full, run_colour) > 80, (full, run_colour)


@pytest.mark.parametrize("theme, size", [(NORMAL, (219, 330)), (NORMAL, (160, 330)),
                                         (PROJECTOR, (330, 420))])
def test_the_class_key_wraps_rather_than_cut_an_entry(qtbot, theme, size):
    # at 1024 × 768 with the panel open the key ran out of room after "training"
    frame = frame_of("spiral-2-16-16-2", 3)
    view = show(qtbot, DecisionRegionsView(), *size)
    view.apply_theme(theme)
    settle(view, frame)
    key = view.key
    assert key.isVisible() and not key.vertical
    metrics = QFontMetricsF(key.font())
    line = metrics.height()
    # each entry: a patch (1.1 lines), a gap, its text, and a line's space after it
    one_row = sum(1.1 * line + 0.35 * line + metrics.horizontalAdvance(text) + 1.2 * line
                  for text in key.texts())
    assert one_row > key.width()  # these sizes cannot hold the key in one row ...
    assert key.height() >= 2 * line  # ... so it takes two or more
    assert key.geometry().bottom() <= view.height()
    places, rows = key._places(key.width())
    for (x, row), text in zip(places, key.texts()):
        assert x + 1.45 * line + metrics.horizontalAdvance(text) <= key.width(), text


def curve_points_under_the_legend(plot) -> int:
    """How many points of the plot's curves, and of the straight lines drawn between them
    (20 points a segment), lie under its legend, in scene coordinates."""
    box = plot.plot_item.legend.sceneBoundingRect()
    view = plot.view_box.sceneBoundingRect()
    (x0, x1), (y0, y1) = plot.view_box.viewRange()
    hidden = 0
    for key in plot._curves:
        x, y = plot._curves[key].getData()
        if x is None or len(x) < 2:
            continue
        t = np.linspace(0.0, 1.0, 20, endpoint=False)
        x = np.concatenate([x[:-1, None] + np.outer(np.diff(x), t), x[-1:, None]], axis=None)
        y = np.concatenate([y[:-1, None] + np.outer(np.diff(y), t), y[-1:, None]], axis=None)
        px = view.left() + (x - x0) / (x1 - x0) * view.width()
        py = view.top() + (y1 - y) / (y1 - y0) * view.height()
        hidden += int(np.count_nonzero((px >= box.left()) & (px <= box.right())
                                       & (py >= box.top()) & (py <= box.bottom())))
    return hidden


@pytest.mark.parametrize("size", [(215, 300), (300, 300), (420, 330)])
def test_the_legend_of_a_five_epoch_run_leaves_its_lines_visible(qtbot, size):
    """Note 004's comparison has six points a curve: at 1024 × 768 the accuracy legend sat
    over the line that climbs to cross-entropy's 86 %, where only the points were counted."""
    plot = show(qtbot, LabAccuracyPlot())
    plot.set_legend_visible(False)  # the lab names the runs in its colour key
    plot.resize(*size)
    settle(plot, frame_of("mnist-5k-5-epochs", 5))
    settle(plot, frame_of("mnist-5k-5-epochs", 5))
    assert curve_points_under_the_legend(plot) == 0
