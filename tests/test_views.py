"""The lesson window's views draw real runs: the curves, the sigmoid, the surface, the breakdown.

Frames are built from the lesson's own runs (one sigmoid neuron, x = 1, y = 0, from w = b = 2,
η = 0.15, 300 epochs, trained by nnlab.core), and the tests check what the items on screen
hold: points, positions, slopes, text, pens and fonts. Mouse interaction goes through real
Qt mouse events on the views' viewports.
"""

from __future__ import annotations

import dataclasses
import math
import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QFontMetricsF, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from nnlab.core.activations import sigmoid
from nnlab.core.neuron import train_neuron
from nnlab.app.frames import (
    MIN_DRAWN_ROWS, NEURON_COLUMNS, NeuronFrame, RunFrame, drawn_rows, empty_columns,
    evenly_spaced_rows,
)
from nnlab.gui.theme import NORMAL, PROJECTOR
from nnlab.gui.lessons.neuron.views import (
    VIEW_CLASSES, BreakdownView, CostPlot, GradientPlot, OutputPlot, SigmoidView, SurfaceView,
)
from nnlab.gui.text import format_number
from nnlab.gui.views.epoch_plot import link_epoch_axes
from nnlab.gui.lessons.neuron.views.label_placement import (
    LABEL_CANDIDATES, SaturationRegion, best_label_box, overlap_areas, saturation_label_place,
)
from nnlab.gui.lessons.neuron.views.sigmoid import SATURATION_SLOPE, SATURATION_Z
from nnlab.gui.lessons.neuron.views.surface import (
    CONTOUR_COUNT, contour_segments, cost_surface, surface_window,
)

from qt_helpers import show

X, Y, W0, B0, ETA, EPOCHS = 1.0, 0.0, 2.0, 2.0, 0.15, 300
COSTS = ("quadratic", "cross_entropy")
LABELS = {"quadratic": "quadratic", "cross_entropy": "cross-entropy"}


@pytest.fixture(scope="module")
def histories():
    return {cost: train_neuron(X, Y, W0, B0, cost, ETA, EPOCHS) for cost in COSTS}


def make_frame(histories, shown: int, costs=COSTS, **settings) -> NeuronFrame:
    runs = tuple(RunFrame(cost, LABELS[cost], histories[cost].view(), shown,
                          histories[cost].status) for cost in costs)
    values = dict(x=X, y=Y, w0=W0, b0=B0, learning_rate=ETA, epochs=EPOCHS)
    values.update(settings)
    return NeuronFrame(runs=runs, shown_epoch=shown, live=shown == EPOCHS, **values)


def empty_frame(costs=COSTS) -> NeuronFrame:
    runs = tuple(RunFrame(cost, LABELS[cost], empty_columns(), -1) for cost in costs)
    return NeuronFrame(X, Y, W0, B0, ETA, EPOCHS, runs, 0)


# -- the learning curves ---------------------------------------------------------------------

@pytest.fixture
def curve_plots(qtbot):
    plots = [CostPlot(), OutputPlot(), GradientPlot()]
    for plot in plots:
        show(qtbot, plot, 520, 360)
    link_epoch_axes(plots)
    return plots


@pytest.mark.parametrize("shown", [EPOCHS, 150, 0])
def test_curves_hold_the_runs_up_to_the_shown_epoch(curve_plots, histories, shown):
    frame = make_frame(histories, shown)
    for plot in curve_plots:
        plot.update_frame(frame)
        for cost in COSTS:
            for series in plot.series:
                curve = plot.curve(cost, series.key)
                assert len(curve.xData) == shown + 1 == len(curve.yData)
                assert curve.xData[-1] == shown
                assert curve.isVisible()
        assert plot.epoch_marker.value() == shown


def test_curves_show_the_columns_values(curve_plots, histories):
    cost_plot, output_plot, gradient_plot = curve_plots
    frame = make_frame(histories, 150)
    for plot in curve_plots:
        plot.update_frame(frame)
    quadratic = histories["quadratic"].columns()
    np.testing.assert_array_equal(cost_plot.curve("quadratic", "cost").yData,
                                  quadratic["cost"][:151])
    np.testing.assert_array_equal(output_plot.curve("quadratic", "a").yData,
                                  quadratic["a"][:151])
    np.testing.assert_allclose(output_plot.curve("quadratic", "a").yData[150], 0.933, atol=5e-4)
    np.testing.assert_array_equal(gradient_plot.curve("cross_entropy", "dC_db").yData,
                                  np.abs(histories["cross_entropy"].columns()["dC_db"][:151]))


def test_scrubbing_back_hides_the_future_and_forward_shows_it_again(curve_plots, histories):
    cost_plot = curve_plots[0]
    cost_plot.update_frame(make_frame(histories, EPOCHS))
    cost_plot.update_frame(make_frame(histories, 20))
    assert len(cost_plot.curve("quadratic", "cost").xData) == 21
    assert cost_plot.epoch_marker.value() == 20
    cost_plot.update_frame(make_frame(histories, 250))
    assert len(cost_plot.curve("quadratic", "cost").xData) == 251


def test_the_epoch_axes_are_linked_and_show_every_epoch(curve_plots, histories):
    frame = make_frame(histories, 150)
    for plot in curve_plots:
        plot.update_frame(frame)
        low, high = plot.view_box.viewRange()[0]
        assert low <= 0 and high >= EPOCHS  # epoch 0 is never cut off, the axis is fixed
    curve_plots[1].view_box.setXRange(100, 200, padding=0)
    for plot in curve_plots:
        assert plot.view_box.viewRange()[0] == pytest.approx([100, 200])
    assert set(curve_plots[0].linked_epoch_plots) == set(curve_plots[1:])


def test_legends_name_the_runs_with_their_labels(curve_plots, histories):
    frame = make_frame(histories, 10)
    for plot in curve_plots:
        plot.update_frame(frame)
        texts = [label.text for _, label in plot.plot_item.legend.items]
        assert "quadratic" in texts and "cross-entropy" in texts
    gradient_texts = [label.text for _, label in curve_plots[2].plot_item.legend.items]
    assert "|∂C/∂w|" in gradient_texts and "|∂C/∂b|" in gradient_texts


LEGEND_VIEWS = (CostPlot, OutputPlot, GradientPlot, SigmoidView)


def legend_texts_in_reading_order(legend) -> list[str]:
    labels = sorted(legend.items, key=lambda item: (round(item[1].sceneBoundingRect().top()),
                                                    item[1].sceneBoundingRect().left()))
    return [label.text for _, label in labels]


def legend_rows(legend) -> int:
    return len({round(label.sceneBoundingRect().center().y()) for _, label in legend.items})


@pytest.mark.parametrize("view_class", LEGEND_VIEWS)
def test_legends_can_be_hidden_and_shown_again(qtbot, histories, view_class):
    view = show(qtbot, view_class(theme=PROJECTOR), 505, 270)
    frame = make_frame(histories, 141)
    view.update_frame(frame)
    legend = view.plot_item.legend
    assert view.legend_visible and legend.isVisible()
    view.set_legend_visible(False)
    assert not view.legend_visible and not legend.isVisible()
    # neither a theme switch nor new frames bring it back, and it is kept up to date
    view.apply_theme(NORMAL)
    view.update_frame(make_frame(histories, 142, costs=("quadratic",)))
    view.update_frame(frame)
    assert not legend.isVisible()
    view.set_legend_visible(True)
    assert view.legend_visible and legend.isVisible()
    texts = [label.text for _, label in legend.items]
    assert "quadratic" in texts and "cross-entropy" in texts
    assert not view.grab().isNull()


@pytest.mark.parametrize("theme", [NORMAL, PROJECTOR])
@pytest.mark.parametrize("view_class", LEGEND_VIEWS)
def test_legend_text_is_smaller_than_the_axes_and_its_box_nearly_opaque(
        qtbot, histories, view_class, theme):
    view = show(qtbot, view_class(theme=theme), 505, 270)
    view.update_frame(make_frame(histories, 141))
    legend = view.plot_item.legend
    assert legend.items
    for _, label in legend.items:
        assert label.opts["size"] == f"{theme.font_point_size * 0.85:g}pt"
    brush = legend.opts["brush"].color()
    assert brush.alpha() >= 220 and brush.rgb() == theme.background.rgb()


@pytest.mark.parametrize("view_class, theme, width, height, rows", [
    (GradientPlot, PROJECTOR, 505, 270, 2),   # a cell of the projector's "Learning" page
    (GradientPlot, NORMAL, 360, 330, 1),      # a cell of the normal dashboard
    (GradientPlot, NORMAL, 230, 330, 2),      # … with the experiment panel open
    (GradientPlot, PROJECTOR, 1100, 400, 1),
    (GradientPlot, NORMAL, 700, 330, 1),
    (CostPlot, PROJECTOR, 505, 270, 1),
    (OutputPlot, NORMAL, 360, 330, 1),
])
def test_legends_take_as_few_rows_as_fit_inside_the_plot(
        qtbot, histories, view_class, theme, width, height, rows):
    view = show(qtbot, view_class(theme=theme), width, height)
    view.update_frame(make_frame(histories, 141))
    QApplication.processEvents()
    legend = view.plot_item.legend
    assert legend_rows(legend) == rows
    # in a row of its own above the plot, where no curve runs, right-aligned with it
    box, plot = legend.sceneBoundingRect(), view.view_box.sceneBoundingRect()
    assert view.plot_item.sceneBoundingRect().contains(box)
    assert box.bottom() <= plot.top() and abs(box.right() - plot.right()) <= 2
    if view_class is GradientPlot:
        # the line styles first, then the runs
        assert legend_texts_in_reading_order(legend) == \
            ["|∂C/∂w|", "|∂C/∂b|", "quadratic", "cross-entropy"]


class CornerOutputPlot(OutputPlot):
    """The output plot with its legend in a corner of the plot, as plots without a legend
    row have it (the network lab's), and its target label inside the curves' range."""

    legend_above = False

    def _label_band(self, span: float) -> float:
        return 0.0


def test_a_legend_moves_off_a_crowded_corner_but_never_over_a_label(qtbot, histories):
    # target y = 1 from a = 0.02: both outputs climb into the top right corner
    rising = {cost: train_neuron(X, 1.0, -2.0, -2.0, cost, ETA, EPOCHS) for cost in COSTS}
    view = show(qtbot, CornerOutputPlot(), 360, 330)
    frame = make_frame(rising, EPOCHS, y=1.0, w0=-2.0, b0=-2.0)
    view.update_frame(frame)
    QApplication.processEvents()
    view.update_frame(frame)
    legend = view.plot_item.legend.sceneBoundingRect()
    plot = view.view_box.sceneBoundingRect()
    assert plot.contains(legend)
    assert legend.center().y() > plot.center().y()  # moved down, off the climbing curves
    assert not legend.intersects(view.target_line.label.sceneBoundingRect())
    # where the lesson's curves leave the top right free, the legend stays there
    class CornerCostPlot(CostPlot):
        legend_above = False

    lesson = show(qtbot, CornerCostPlot(), 360, 330)
    lesson.update_frame(make_frame(histories, EPOCHS))
    QApplication.processEvents()
    box = lesson.plot_item.legend.sceneBoundingRect()
    area = lesson.view_box.sceneBoundingRect()
    assert box.right() > area.center().x() and box.bottom() < area.center().y()


def test_a_legend_closes_up_when_a_run_goes(qtbot, histories):
    view = show(qtbot, GradientPlot(), 360, 330)
    view.update_frame(make_frame(histories, 50))
    view.update_frame(make_frame(histories, 50, costs=("cross_entropy",)))
    QApplication.processEvents()
    legend = view.plot_item.legend
    assert legend_texts_in_reading_order(legend) == ["|∂C/∂w|", "|∂C/∂b|", "cross-entropy"]
    # no hole where the quadratic entry was: the box is as small as its entries
    entries = QRectF()
    for sample, label in legend.items:
        entries = entries.united(sample.sceneBoundingRect()).united(label.sceneBoundingRect())
    box = legend.sceneBoundingRect()
    assert box.width() - entries.width() < 20 and box.height() - entries.height() < 20


def test_axis_labels_say_what_is_drawn(curve_plots):
    cost_plot, output_plot, gradient_plot = curve_plots
    assert cost_plot.plot_item.getAxis("bottom").labelText == "epoch"
    assert cost_plot.plot_item.getAxis("left").labelText == "cost C"
    assert output_plot.plot_item.getAxis("left").labelText == "output a"
    assert gradient_plot.plot_item.getAxis("left").labelText == "|∂C/∂w|, |∂C/∂b|"


def test_the_output_plot_draws_the_target_as_a_dashed_line(curve_plots, histories):
    output_plot = curve_plots[1]
    output_plot.update_frame(make_frame(histories, 100))
    assert output_plot.target_line.value() == Y
    assert output_plot.target_line.pen.style() == Qt.PenStyle.DashLine
    assert "target y = 0" in output_plot.target_line.label.toPlainText()
    output_plot.update_frame(make_frame(histories, 100, y=0.25))
    assert output_plot.target_line.value() == 0.25


def painted(view: QWidget) -> QImage:
    QApplication.processEvents()
    return view.grab().toImage()


def test_a_moved_target_is_painted_where_it_is_now(qtbot, histories):
    # the dashed target line is kept as a picture between frames: it must follow y
    moved, fresh = (show(qtbot, OutputPlot(), 520, 360) for _ in range(2))
    moved.update_frame(make_frame(histories, 150))
    before = painted(moved)
    moved.update_frame(make_frame(histories, 150, y=1.0))
    fresh.update_frame(make_frame(histories, 150, y=1.0))
    assert painted(moved) == painted(fresh)
    assert painted(moved) != before


def test_the_gradient_plot_is_logarithmic_with_positive_data(curve_plots, histories):
    gradient_plot = curve_plots[2]
    gradient_plot.update_frame(make_frame(histories, EPOCHS))
    assert gradient_plot.plot_item.getAxis("left").logMode
    for cost in COSTS:
        for key in ("dC_dw", "dC_db"):
            curve = gradient_plot.curve(cost, key)
            assert curve.opts["logMode"][1]
            assert np.all(curve.yData > 0) and np.all(np.isfinite(curve.yData))
    # the lesson's gradients lie between 0.01 and 1: whole decades around them
    low, high = gradient_plot.view_box.viewRange()[1]
    assert -2.5 < low < -2 and 0 <= high < 0.5


def test_the_gradient_plot_drops_zeros_and_nans_and_keeps_a_sensible_range(qtbot):
    plot = show(qtbot, GradientPlot())
    columns = {name: np.linspace(1.0, 5.0, 5) for name in NEURON_COLUMNS}
    columns["epoch"] = np.arange(5.0)
    columns["dC_dw"] = np.array([0.5, 0.0, 1e-300, 0.02, np.nan])   # underflow, then diverged
    columns["dC_db"] = np.array([-0.5, 0.0, 0.1, 0.02, np.inf])
    frame = NeuronFrame(X, Y, W0, B0, ETA, 4, (RunFrame("quadratic", "q", columns, 4),), 4)
    plot.update_frame(frame)
    w_curve, b_curve = plot.curve("quadratic", "dC_dw"), plot.curve("quadratic", "dC_db")
    np.testing.assert_array_equal(w_curve.xData, [0, 2, 3])
    np.testing.assert_array_equal(b_curve.yData, [0.5, 0.1, 0.02])
    low, high = plot.view_box.viewRange()[1]
    # 10⁰ down to at most 10⁻¹², plus padding: a 1e-300 must not squash the axis
    assert -13 < low < -11 and 0 <= high < 1


def test_a_long_history_is_thinned_to_the_plot_width_and_zooming_shows_the_detail(qtbot):
    plot = show(qtbot, CostPlot(), 500, 300)
    rows = 100_000
    columns = {name: np.linspace(1.0, 0.0, rows) for name in NEURON_COLUMNS}
    columns["epoch"] = np.arange(float(rows))
    columns["cost"] = np.cos(np.arange(rows) / 1000.0) ** 2
    frame = NeuronFrame(X, Y, W0, B0, ETA, rows - 1,
                        (RunFrame("quadratic", "q", columns, rows - 1),), rows - 1)
    plot.update_frame(frame)
    curve = plot.curve("quadratic", "cost")
    x, y = curve.getData()
    width = plot.view_box.width()
    assert MIN_DRAWN_ROWS <= len(x) <= max(MIN_DRAWN_ROWS, width) + 1  # about one a pixel
    assert (x[0], x[-1]) == (0, rows - 1)                    # from the start to the newest
    np.testing.assert_array_equal(y, columns["cost"][x.astype(int)])  # rows as they are
    # zoomed in on 300 epochs, the curve draws every one of them (and one either side)
    plot.plot_item.setXRange(50_000, 50_299, padding=0)
    plot.update_frame(frame)
    x, _ = curve.getData()
    assert x[0] <= 50_000 and x[-1] >= 50_299 and len(x) <= 302
    assert np.all(np.diff(x) == 1)


def test_the_cost_axis_holds_the_starts_cost_before_the_first_epoch(qtbot, histories):
    plot = show(qtbot, CostPlot())
    plot.update_frame(empty_frame())  # nothing trained yet
    before = plot.view_box.viewRange()[1]
    start_costs = [histories[cost].columns()["cost"][0] for cost in COSTS]
    assert before[0] <= 0 and max(start_costs) <= before[1] <= 2 * max(start_costs) + 1
    plot.update_frame(make_frame(histories, EPOCHS))  # the whole run: the axis stays
    assert plot.view_box.viewRange()[1] == pytest.approx(before)


def test_thinned_rows_are_evenly_spaced_and_keep_the_first_and_the_last():
    assert evenly_spaced_rows(0, 300, 400) == slice(0, 300)
    rows = evenly_spaced_rows(10, 100_010, 400)
    assert len(rows) == 400 and rows[0] == 10 and rows[-1] == 100_009
    steps = np.diff(rows)
    assert steps.min() >= 250 and steps.max() <= 251
    assert drawn_rows(100) == MIN_DRAWN_ROWS and drawn_rows(1200.7) == 1200
    run = RunFrame("quadratic", "q", {"a": np.arange(10_000.0)}, 4_999)
    shown = run.upto("a", 100)
    assert len(shown) == 100 and (shown[0], shown[-1]) == (0, 4_999)
    whole = run.sample("a", 100)
    assert len(whole) == 100 and (whole[0], whole[-1]) == (0, 9_999)


def test_a_diverged_runs_last_row_is_not_drawn(qtbot, histories):
    plot = show(qtbot, OutputPlot())
    # a diverged run ends with the row neuron_training yields for it: z = inf, a = NaN
    columns = {name: values[:11].copy()
               for name, values in histories["quadratic"].columns().items()}
    for name, value in dict(cost=math.nan, a=math.nan, z=math.inf, w=math.inf,
                            dC_dw=math.nan, dC_db=math.nan).items():
        columns[name][10] = value
    frame = NeuronFrame(X, Y, W0, B0, ETA, EPOCHS,
                        (RunFrame("quadratic", "q", columns, 10, "diverged"),), 10)
    plot.update_frame(frame)
    curve = plot.curve("quadratic", "a")
    assert len(curve.yData) == 10 and np.all(np.isfinite(curve.yData))
    for view in (SigmoidView(), BreakdownView(), SurfaceView()):
        show(qtbot, view)
        view.update_frame(frame)


def test_while_training_runs_curves_are_plain_drafts_and_smooth_again_when_it_stops(
        curve_plots, histories):
    plot = curve_plots[0]

    def styles():
        return {(curve.opts["antialias"], curve.curve.opts["antialias"],
                 curve.opts["pen"].capStyle(), curve.opts["pen"].joinStyle(),
                 curve.opts["pen"].widthF())
                for curve in (plot.curve(cost, "cost") for cost in COSTS)}

    width = NORMAL.line_width
    plot.update_frame(make_frame(histories, 100))
    assert plot.smooth
    assert styles() == {(True, True, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin, width)}
    plot.update_frame(make_frame(histories, 120, training=True))
    assert not plot.smooth
    assert styles() == {(False, False, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.BevelJoin,
                         width)}
    plot.apply_theme(PROJECTOR)  # a theme change keeps the drafts while training runs
    assert {style[:4] for style in styles()} == {
        (False, False, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.BevelJoin)}
    plot.update_frame(make_frame(histories, 120))  # paused: the picture is smooth again
    assert {style[:4] for style in styles()} == {
        (True, True, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)}


# -- the sigmoid -------------------------------------------------------------------------------

@pytest.fixture
def sigmoid_view(qtbot):
    return show(qtbot, SigmoidView(), 680, 420)


def test_the_quadratic_run_operates_at_z_2_64_with_tangent_slope_a_1_minus_a(
        sigmoid_view, histories):
    sigmoid_view.update_frame(make_frame(histories, 150))
    z, a = sigmoid_view.operating_point("quadratic")
    assert (z, a) == pytest.approx((2.64, 0.933), abs=5e-3)
    assert a == pytest.approx(float(sigmoid(z)), abs=1e-12)  # the point is on the curve
    point_x, point_y = sigmoid_view._points["quadratic"].getData()
    assert (point_x[0], point_y[0]) == (z, a)

    tangent_z, tangent_a = sigmoid_view.tangent("quadratic").getOriginalDataset()
    slope = (tangent_a[1] - tangent_a[0]) / (tangent_z[1] - tangent_z[0])
    assert slope == pytest.approx(a * (1 - a), rel=1e-9)
    assert np.interp(z, tangent_z, tangent_a) == pytest.approx(a)  # it touches at (z, a)
    assert sigmoid_view.slope_label("quadratic").toPlainText() == \
        f"σ′(z) = {format_number(a * (1 - a))}"


def test_the_saturated_regions_are_where_the_slope_is_below_0_02(sigmoid_view, histories):
    sigmoid_view.update_frame(make_frame(histories, 0))
    left, right = sigmoid_view.saturation_regions
    assert left.getRegion()[1] == pytest.approx(-SATURATION_Z)
    assert right.getRegion()[0] == pytest.approx(SATURATION_Z)
    a = float(sigmoid(SATURATION_Z))
    assert a * (1 - a) == pytest.approx(SATURATION_SLOPE)
    for label in sigmoid_view.saturation_labels:
        assert label.toPlainText() == "saturated\nσ′(z) < 0.02"
    # the lesson's saturated start z = 4 lies in the shaded region
    assert sigmoid_view.operating_point("quadratic")[0] > SATURATION_Z


def test_the_sigmoid_shows_the_target_and_the_axes(sigmoid_view, histories):
    sigmoid_view.update_frame(make_frame(histories, 0))
    assert sigmoid_view.target_line.value() == Y
    assert sigmoid_view.target_line.pen.style() == Qt.PenStyle.DashLine
    assert sigmoid_view.plot_item.getAxis("bottom").labelText == "z = w·x + b"
    assert sigmoid_view.plot_item.getAxis("left").labelText == "σ(z)"
    low, high = sigmoid_view.view_box.viewRange()[0]
    assert low <= -8 and high >= 8


@pytest.mark.parametrize("shown", [0, 1, 2])
def test_slope_labels_do_not_overlap_when_both_runs_sit_at_the_same_z(
        qtbot, sigmoid_view, histories, shown):
    sigmoid_view.update_frame(make_frame(histories, shown))
    QApplication.processEvents()  # the queued layout and transform updates, no waiting
    sigmoid_view.update_frame(make_frame(histories, shown))
    quadratic = sigmoid_view.slope_label("quadratic").sceneBoundingRect()
    cross_entropy = sigmoid_view.slope_label("cross_entropy").sceneBoundingRect()
    start = sigmoid_view.start_label.sceneBoundingRect()
    assert not quadratic.intersects(cross_entropy)
    assert not start.intersects(quadratic) and not start.intersects(cross_entropy)
    view = sigmoid_view.view_box.sceneBoundingRect()
    assert view.contains(quadratic) and view.contains(cross_entropy)


def test_while_training_the_slope_labels_move_with_their_points_then_are_laid_out(
        qtbot, sigmoid_view, histories):
    def training_frame(shown):
        return dataclasses.replace(make_frame(histories, shown), training=True)

    sigmoid_view.update_frame(training_frame(100))  # a full layout
    label = sigmoid_view.slope_label("quadratic")
    before = label.pos()
    run_then, run_now = make_frame(histories, 100).runs[0], make_frame(histories, 101).runs[0]
    sigmoid_view.update_frame(training_frame(101))  # moments later: the label follows
    moved = label.pos() - before
    assert moved.x() == pytest.approx(run_now.value("z") - run_then.value("z"))
    assert moved.y() == pytest.approx(run_now.value("a") - run_then.value("a"))
    assert sigmoid_view.layout_pending
    # when no frame comes for a while (the run paused, say), a full layout follows
    qtbot.waitUntil(lambda: not sigmoid_view.layout_pending, timeout=5_000)
    rects = sigmoid_texts(sigmoid_view)
    names = sorted(rects)
    for index, name in enumerate(names):
        for other in names[index + 1:]:
            assert not rects[name].intersects(rects[other]), (name, other)


def test_the_labels_are_laid_out_again_only_when_something_moved(
        qtbot, sigmoid_view, histories, monkeypatch):
    from nnlab.gui.lessons.neuron.views import sigmoid as sigmoid_module

    layouts = []
    original = sigmoid_module.lay_out_labels
    monkeypatch.setattr(sigmoid_module, "lay_out_labels",
                        lambda scene: layouts.append(scene) or original(scene))
    frame = make_frame(histories, 100)
    for _ in range(3):  # until the axes and the labels have settled
        sigmoid_view.update_frame(frame)
        QApplication.processEvents()
    label = sigmoid_view.slope_label("quadratic")
    placed, count = label.pos(), len(layouts)
    sigmoid_view.update_frame(frame)  # the same frame again (paused, redrawn): no layout
    assert len(layouts) == count and label.pos() == placed
    sigmoid_view.update_frame(make_frame(histories, 10))  # the points moved: laid out
    assert len(layouts) == count + 1
    moved = sigmoid_view.slope_label("cross_entropy").sceneBoundingRect()
    assert moved.intersects(sigmoid_view.view_box.sceneBoundingRect())
    sigmoid_view.resize(500, 420)  # the plot changed: laid out for it
    QApplication.processEvents()
    assert len(layouts) > count + 1
    rects = sigmoid_texts(sigmoid_view)
    names = sorted(rects)
    for index, name in enumerate(names):
        for other in names[index + 1:]:
            assert not rects[name].intersects(rects[other]), (name, other)


def sigmoid_texts(view) -> dict[str, QRectF]:
    """The scene rectangles of the sigmoid view's visible text, by name."""
    rects = {}
    for index, label in enumerate(view.saturation_labels):
        if label.isVisible():
            rects[f"saturated {index}"] = label.sceneBoundingRect()
    for name in COSTS:
        label = view.slope_label(name)
        if label is not None and label.isVisible():
            rects[f"σ′ {name}"] = label.sceneBoundingRect()
    rects["start"] = view.start_label.sceneBoundingRect()
    if view.target_line.label.isVisible():
        rects["target"] = view.target_line.label.sceneBoundingRect()
    legend = view.plot_item.legend
    if legend.isVisible():
        rects["legend"] = legend.sceneBoundingRect()
    return rects


@pytest.mark.parametrize("theme", [NORMAL, PROJECTOR])
@pytest.mark.parametrize("width, height", [(505, 270), (360, 330), (900, 500)])
@pytest.mark.parametrize("legend", [True, False])
def test_saturation_labels_sit_inside_their_regions_clear_of_all_other_text(
        qtbot, histories, theme, width, height, legend):
    view = show(qtbot, SigmoidView(theme), width, height)
    view.set_legend_visible(legend)
    for shown in (0, 141, 300):
        view.update_frame(make_frame(histories, shown))
        QApplication.processEvents()  # the axes settle their widths: the plot moves
        view.update_frame(make_frame(histories, shown))
        plot = view.view_box.sceneBoundingRect()
        rects = sigmoid_texts(view)
        for index, (label, region) in enumerate(zip(view.saturation_labels,
                                                    view.saturation_regions)):
            if not label.isVisible():
                continue
            assert label.toPlainText() in view.saturation_texts
            rect = label.sceneBoundingRect()
            assert plot.contains(rect), (shown, index)  # never over the axes
            low, high = (view.view_box.mapViewToScene(QPointF(z, 0.0)).x()
                         for z in region.getRegion())
            assert max(low, plot.left()) <= rect.left() + 0.5, (shown, index)
            assert rect.right() <= min(high, plot.right()) + 0.5, (shown, index)
            for name, other in rects.items():
                if name != f"saturated {index}":
                    assert not rect.intersects(other), (shown, index, name)
        # and no text over other text anywhere: σ′ values, start, target, legend
        names = sorted(rects)
        for index, name in enumerate(names):
            for other in names[index + 1:]:
                assert not rects[name].intersects(rects[other]), (shown, name, other)
        if (width, height) == (900, 500):
            assert [label.toPlainText() for label in view.saturation_labels
                    if label.isVisible()] == [view.saturation_texts[0]] * 2


def test_saturation_labels_turn_then_shorten_as_their_regions_narrow(qtbot, histories):
    view = show(qtbot, SigmoidView(PROJECTOR), 900, 500)
    view.set_legend_visible(False)
    frame = make_frame(histories, 141)
    seen = []
    for width in (900, 505, 330, 220, 150):
        view.resize(width, 500)
        QApplication.processEvents()
        view.update_frame(frame)
        label = view.saturation_labels[1]
        seen.append((label.toPlainText(), label.angle) if label.isVisible() else None)
    full, short = view.saturation_texts
    # the whole text level, then turned to read upwards in the narrower region (it is
    # as tall as the plot), then the short text, then none
    order = {(full, 0): 0, (full, 90): 1, (short, 0): 2, (short, 90): 3, None: 4}
    assert seen[0] == (full, 0) and (full, 90) in seen
    # once shortened or turned, never back as the view narrows
    assert [order[layout] for layout in seen] == sorted(order[layout] for layout in seen)


def test_the_target_label_keeps_clear_of_the_legend(qtbot, histories):
    view = show(qtbot, SigmoidView(PROJECTOR), 505, 270)
    view.update_frame(make_frame(histories, 141))
    QApplication.processEvents()
    view.update_frame(make_frame(histories, 141))
    target = view.target_line.label
    if target.isVisible():
        assert not target.sceneBoundingRect().intersects(
            view.plot_item.legend.sceneBoundingRect())
    view.set_legend_visible(False)
    assert target.isVisible()


def test_the_sigmoid_widens_to_include_far_points(sigmoid_view, histories):
    sigmoid_view.update_frame(make_frame(histories, 0, w0=6.0, b0=5.0))  # start at z = 11
    low, high = sigmoid_view.view_box.viewRange()[0]
    assert low <= -8 and high >= 12


def drag(widget, view_box, start: QPointF, end: QPointF, release=True):
    """Press at ``start``, move to ``end`` and release, in data coordinates."""
    viewport = widget.viewport()
    press = widget.mapFromScene(view_box.mapViewToScene(start))
    to = widget.mapFromScene(view_box.mapViewToScene(end))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, press)
    QTest.mouseMove(viewport, to)
    if release:
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier, to)


def test_dragging_the_start_marker_emits_the_new_start(qtbot, sigmoid_view, histories):
    sigmoid_view.update_frame(make_frame(histories, 150))
    z0 = W0 * X + B0
    marker = sigmoid_view.start_marker
    assert marker.z == z0 and marker.pos().y() == pytest.approx(float(sigmoid(z0)))
    with qtbot.waitSignal(sigmoid_view.start_changed) as blocker:
        drag(sigmoid_view.plot_widget, sigmoid_view.view_box,
             QPointF(z0, float(sigmoid(z0))), QPointF(1.0, 0.3))
    w, b = blocker.args
    assert w == W0                                  # w is kept ...
    assert b == pytest.approx(marker.z - W0 * X)    # ... and b puts the start at the drop
    pixel = 16.0 / sigmoid_view.view_box.width()    # z units per pixel
    assert marker.z == pytest.approx(1.0, abs=2 * pixel)
    assert marker.pos().y() == pytest.approx(float(sigmoid(marker.z)))  # still on the curve


def test_frames_arriving_during_a_drag_do_not_move_the_marker_back(
        qtbot, sigmoid_view, histories):
    frame = make_frame(histories, 10)
    sigmoid_view.update_frame(frame)
    z0 = W0 * X + B0
    drag(sigmoid_view.plot_widget, sigmoid_view.view_box,
         QPointF(z0, float(sigmoid(z0))), QPointF(-2.0, 0.5), release=False)
    assert sigmoid_view.start_marker.moving
    dragged = sigmoid_view.start_marker.z
    sigmoid_view.update_frame(frame)               # the display timer keeps drawing
    assert sigmoid_view.start_marker.z == dragged
    assert "b = " in sigmoid_view.start_label.toPlainText()
    with qtbot.waitSignal(sigmoid_view.start_changed):
        QTest.mouseRelease(sigmoid_view.plot_widget.viewport(), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier,
                           sigmoid_view.plot_widget.mapFromScene(
                               sigmoid_view.view_box.mapViewToScene(QPointF(-2.0, 0.5))))
    sigmoid_view.update_frame(frame)               # the old start until the window resets
    assert sigmoid_view.start_marker.z == z0


def test_with_x_zero_dragging_sets_b_to_z(qtbot, sigmoid_view, histories):
    sigmoid_view.update_frame(make_frame(histories, 0, x=0.0, b0=3.0))
    assert sigmoid_view.start_marker.z == 3.0
    with qtbot.waitSignal(sigmoid_view.start_changed) as blocker:
        drag(sigmoid_view.plot_widget, sigmoid_view.view_box,
             QPointF(3.0, float(sigmoid(3.0))), QPointF(0.0, 0.5))
    w, b = blocker.args
    assert w == W0 and b == pytest.approx(sigmoid_view.start_marker.z)


def axis_texts(axis) -> list[tuple[QRectF, str]]:
    """The tick labels the axis draws: (rectangle in the axis' coordinates, text)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [(rect, text) for rect, _flags, text in specs[2] if text]


@pytest.mark.parametrize("epochs", [300, 1000, 12345, 100_000])
@pytest.mark.parametrize("view_class", [CostPlot, GradientPlot])
@pytest.mark.parametrize("theme, width", [(PROJECTOR, 505), (NORMAL, 360)])
def test_epoch_labels_never_collide(qtbot, view_class, epochs, theme, width):
    view = show(qtbot, view_class(theme=theme), width, 270)
    view.update_frame(NeuronFrame(X, Y, W0, B0, ETA, epochs))
    QApplication.processEvents()
    axis = view.plot_item.getAxis("bottom")
    texts = axis_texts(axis)
    assert len(texts) >= 2
    rects = sorted((rect for rect, _ in texts), key=QRectF.left)
    gap = QFontMetricsF(axis.style["tickFont"]).horizontalAdvance("0")
    for left, right in zip(rects, rects[1:]):
        assert right.left() - left.right() >= gap
    if epochs == 300:
        assert texts[0][1] == "0"  # pyqtgraph would drop it: it sticks out half a digit


# The label placement on its own: plain boxes (left, top, right, bottom) in pixels.
PLOT_BOX = (0.0, 0.0, 400.0, 300.0)


def test_overlap_areas_by_hand():
    boxes = np.array([[0.0, 0.0, 10.0, 10.0], [5.0, 5.0, 15.0, 25.0]])
    others = np.array([[5.0, 5.0, 15.0, 15.0], [20.0, 20.0, 30.0, 30.0], [0.0, 8.0, 4.0, 9.0]])
    np.testing.assert_array_equal(overlap_areas(boxes, others),
                                  [[25.0, 0.0, 4.0], [100.0, 0.0, 0.0]])


def test_a_label_goes_below_right_of_its_point_unless_that_place_is_taken():
    point, size, offset = (200.0, 150.0), (40.0, 12.0), 8.0
    nothing = np.empty((0, 4))
    box, _, adjacent = best_label_box(point, size, offset, LABEL_CANDIDATES, PLOT_BOX,
                                      nothing, np.empty(0))
    np.testing.assert_array_equal(box, [208.0, 158.0, 248.0, 170.0])
    assert adjacent
    # text over that place: the next candidate, above left of the point
    box, _, adjacent = best_label_box(point, size, offset, LABEL_CANDIDATES, PLOT_BOX,
                                      np.array([[205.0, 155.0, 260.0, 175.0]]),
                                      np.array([4.0]))
    np.testing.assert_array_equal(box, [152.0, 130.0, 192.0, 142.0])
    assert adjacent


def test_a_saturation_label_turns_in_a_narrow_region_and_hides_in_one_too_narrow():
    sizes = [(60.0, 30.0), (40.0, 14.0)]  # the whole text, the short one
    nothing = np.empty((0, 4))
    wide = saturation_label_place(SaturationRegion(0.0, 100.0, sizes), PLOT_BOX, 150.0,
                                  nothing, nothing)
    assert wide[:2] == (0, 0)
    narrow = saturation_label_place(SaturationRegion(0.0, 40.0, sizes), PLOT_BOX, 150.0,
                                    nothing, nothing)
    assert narrow[:2] == (0, 90)
    left, top, right, bottom = narrow[2]
    assert (right - left, bottom - top) == (30.0, 60.0)
    assert (left + right) / 2 == 20.0 and abs((top + bottom) / 2 - 150.0) <= 2.0
    assert saturation_label_place(SaturationRegion(0.0, 12.0, sizes), PLOT_BOX, 150.0,
                                  nothing, nothing) is None


# -- the cost surface --------------------------------------------------------------------------

def test_cost_surface_matches_the_trained_neurons_costs(histories):
    for cost in COSTS:
        history = histories[cost].columns()
        for row in (0, 150, 300):
            w, b = history["w"][row], history["b"][row]
            surface = cost_surface(cost, X, Y, np.array([w]), np.array([b]))
            assert surface[0, 0] == pytest.approx(history["cost"][row], rel=1e-12)
    # stable where σ rounds to 0 or 1: cross-entropy grows linearly, never inf or NaN
    far = cost_surface("cross_entropy", 1.0, 0.0, np.array([400.0]), np.array([400.0]))
    assert far[0, 0] == pytest.approx(800.0)
    assert np.isfinite(cost_surface("cross_entropy", 1.0, 1.0, np.array([-400.0]),
                                    np.array([-400.0]))).all()


def test_cost_surface_is_a_valley_along_lines_of_constant_z():
    w = np.linspace(-4, 4, 9)
    surface = cost_surface("quadratic", 1.0, 0.3, w, w)
    # C depends on z = w + b only: constant along each anti-diagonal
    flipped = np.fliplr(surface)
    for offset in range(-8, 9):
        assert np.ptp(np.diagonal(flipped, offset)) < 1e-15
    # and is smallest where σ(z) = y
    i, j = np.unravel_index(np.argmin(surface), surface.shape)
    assert float(sigmoid(w[i] + w[j])) == pytest.approx(0.3, abs=0.1)


@pytest.fixture
def surface_view(qtbot):
    return show(qtbot, SurfaceView(), 900, 420)


def test_the_surface_draws_one_map_per_run_with_path_and_start(surface_view, histories):
    surface_view.update_frame(make_frame(histories, 150))
    maps = surface_view.shown_maps
    assert [m.run_name for m in maps] == list(COSTS)
    assert [m.plot.titleLabel.text for m in maps] == ["quadratic", "cross-entropy"]
    for surface, cost in zip(maps, COSTS):
        history = histories[cost].columns()
        path_w, path_b = surface.path.getOriginalDataset()
        np.testing.assert_array_equal(path_w, history["w"][:151])
        np.testing.assert_array_equal(path_b, history["b"][:151])
        current_w, current_b = surface.current.getData()
        assert (current_w[0], current_b[0]) == (history["w"][150], history["b"][150])
        start_w, start_b = surface.start.getData()
        assert (start_w[0], start_b[0]) == (W0, B0)
        low, high = surface.color_bar.levels()
        assert low < high
        assert surface.image.image.shape[0] > 50
        # the contour lines: segments whose every end lies where the cost is one of the
        # CONTOUR_COUNT levels evenly spaced between the map's lowest and highest value
        ends_w, ends_b = surface.contours.getData()
        assert len(ends_w) > 100 and len(ends_w) % 2 == 0
        z = ends_w * X + ends_b
        a = 1 / (1 + np.exp(-z))
        cost = (0.5 * (a - Y) ** 2 if cost == "quadratic"
                else -(Y * np.log(a) + (1 - Y) * np.log(1 - a)))
        levels = np.linspace(low, high, CONTOUR_COUNT + 2)[1:-1]
        nearest = np.abs(cost[:, None] - levels[None, :]).min(axis=1)
        assert nearest.max() < 0.01 * (high - low)
        assert len(np.unique(np.abs(cost[:, None] - levels[None, :]).argmin(axis=1))) >= 4


def test_contour_segments_of_a_bowl_are_circles_of_the_right_radius():
    w = np.linspace(-4, 4, 161)
    b = np.linspace(-4, 4, 101)  # not square: rows are w, columns b
    bowl = np.add.outer(w ** 2, b ** 2)
    for radius in (1.0, 2.0, 3.0):
        ends_w, ends_b = contour_segments(bowl, w, b, [radius ** 2])
        assert len(ends_w) % 2 == 0 and len(ends_w) > 40
        # every end on the circle (the bowl is interpolated linearly between grid points)
        np.testing.assert_allclose(np.hypot(ends_w, ends_b), radius, atol=0.01)
        # the segments close up into the whole circle: their lengths add up to 2πr
        lengths = np.hypot(ends_w[1::2] - ends_w[0::2], ends_b[1::2] - ends_b[0::2])
        assert lengths.max() < 0.1
        assert lengths.sum() == pytest.approx(2 * math.pi * radius, rel=0.01)
    # a level outside the values has no line, and neither has a flat map
    assert len(contour_segments(bowl, w, b, [100.0])[0]) == 0
    assert len(contour_segments(np.zeros((5, 5)), np.arange(5.0), np.arange(5.0), [0.5])[0]) == 0


def test_the_surface_is_recomputed_only_when_x_y_or_the_window_change(
        surface_view, histories):
    surface_view.update_frame(make_frame(histories, 10))
    image = surface_view.maps[0].image.image
    surface_view.update_frame(make_frame(histories, 200))
    assert surface_view.maps[0].image.image is image
    surface_view.update_frame(make_frame(histories, 200, y=1.0))
    assert surface_view.maps[0].image.image is not image


def test_the_start_marker_follows_the_settings(surface_view, histories):
    surface_view.update_frame(make_frame(histories, 10))
    surface_view.update_frame(make_frame(histories, 20))
    for surface in surface_view.shown_maps:
        assert [float(v[0]) for v in surface.start.getData()] == [W0, B0]
    surface_view.update_frame(make_frame(histories, 20, w0=1.5, b0=-0.5))
    for surface in surface_view.shown_maps:
        assert [float(v[0]) for v in surface.start.getData()] == [1.5, -0.5]


def test_a_moved_start_is_painted_where_it_is_now(qtbot, histories):
    # the start's star is kept as a picture between frames: it must follow the settings
    moved, fresh = (show(qtbot, SurfaceView(), 900, 420) for _ in range(2))
    moved.update_frame(make_frame(histories, 0))
    before = painted(moved)
    moved.update_frame(make_frame(histories, 0, w0=1.0, b0=-1.0))
    fresh.update_frame(make_frame(histories, 0, w0=1.0, b0=-1.0))
    assert painted(moved) == painted(fresh)
    assert painted(moved) != before


def test_the_window_holds_the_start_and_the_paths(histories):
    frame = make_frame(histories, 300)
    assert surface_window(frame) == (-4.0, 4.0, -4.0, 4.0)
    far = make_frame(histories, 0, w0=7.2, b0=-5.1)
    w_lo, w_hi, b_lo, b_hi = surface_window(far)
    assert w_hi >= 7.7 and b_lo <= -5.6


def test_a_click_on_a_map_picks_the_start_under_the_mouse(qtbot, surface_view, histories):
    surface_view.update_frame(make_frame(histories, 150))
    for surface in surface_view.shown_maps:
        target = QPointF(-1.5, 2.5)
        pos = surface_view.graphics.mapFromScene(surface.view_box.mapViewToScene(target))
        with qtbot.waitSignal(surface_view.start_picked) as blocker:
            QTest.mouseClick(surface_view.graphics.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, pos)
        w, b = blocker.args
        units_per_pixel = 10.0 / surface.view_box.width()
        assert w == pytest.approx(-1.5, abs=2 * units_per_pixel)
        assert b == pytest.approx(2.5, abs=2 * units_per_pixel)


def test_two_maps_sit_side_by_side_when_wide_and_stacked_when_tall(qtbot, histories):
    view = show(qtbot, SurfaceView(), 1000, 400)
    view.update_frame(make_frame(histories, 50))
    first, second = (m.plot.sceneBoundingRect() for m in view.shown_maps)
    assert second.left() > first.right() - 1 and abs(second.top() - first.top()) < 1
    view.resize(400, 900)
    QApplication.processEvents()
    first, second = (m.plot.sceneBoundingRect() for m in view.shown_maps)
    assert second.top() > first.bottom() - 1 and abs(second.left() - first.left()) < 1


@pytest.mark.parametrize("theme, width, height", [(NORMAL, 360, 330), (PROJECTOR, 505, 560)])
def test_the_maps_fill_their_views_and_the_colour_bars_show_whole_labels(
        qtbot, histories, theme, width, height):
    view = show(qtbot, SurfaceView(theme), width, height)
    view.update_frame(make_frame(histories, 141))
    QApplication.processEvents()
    graphics = view.graphics
    visible = graphics.mapToScene(graphics.viewport().rect()).boundingRect()
    assert len(view.shown_maps) == 2
    for surface in view.shown_maps:
        assert visible.contains(surface.plot.sceneBoundingRect())
        # no empty margins: the heatmap covers the view exactly
        image = surface.image.sceneBoundingRect()
        box = surface.view_box.sceneBoundingRect()
        assert image.adjusted(-1, -1, 1, 1).contains(box)
        assert box.adjusted(-1, -1, 1, 1).contains(image)
        # the colour bar right of the map, every tick label whole and on screen
        bar = surface.color_bar
        assert bar.sceneBoundingRect().left() >= box.right()
        texts = axis_texts(bar.axis)
        assert len(texts) >= 2
        for rect, text in texts:
            assert visible.contains(bar.axis.mapRectToScene(rect)), text
            assert bar.axis.mapRectToScene(rect).left() >= box.right(), text


def test_a_click_outside_the_maps_picks_nothing(qtbot, surface_view, histories):
    surface_view.update_frame(make_frame(histories, 150))
    picked = []
    surface_view.start_picked.connect(lambda w, b: picked.append((w, b)))
    QTest.mouseClick(surface_view.graphics.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     surface_view.graphics.mapFromScene(
                         surface_view.maps[0].color_bar.sceneBoundingRect().center()))
    assert picked == []


# -- the breakdown -----------------------------------------------------------------------------

ROW_LABELS = ["z = w·x + b", "a = σ(z)", "σ′(z) = a(1 − a)", "C", "∂C/∂b", "∂C/∂w = x·∂C/∂b"]


def test_the_breakdown_is_a_table_with_one_column_per_run(qtbot, histories):
    view = show(qtbot, BreakdownView(), 360, 330)
    view.update_frame(make_frame(histories, 150))
    rows = view.table_text()
    assert rows[0] == ["", "■ quadratic", "■ cross-entropy"]
    assert [row[0] for row in rows[1:]] == ROW_LABELS
    formulas = {"quadratic": "(a − y)·σ′(z) = ", "cross_entropy": "a − y = "}
    for column, cost in enumerate(COSTS, start=1):
        history = histories[cost].columns()
        a = history["a"][150]
        assert [row[column] for row in rows[1:]] == [
            format_number(history["z"][150]), format_number(a), format_number(a * (1 - a)),
            format_number(history["cost"][150]),
            formulas[cost] + format_number(history["dC_db"][150]),
            format_number(history["dC_dw"][150]),
        ]
    # the numbers of the lesson, computed independently of format_number
    assert rows[1][1] == "2.64" and rows[2][1] == "0.933"
    assert view.plain_text().startswith("Epoch 150 of 300 · x = 1, y = 0")


def test_the_breakdown_of_one_run_has_one_column(qtbot, histories):
    view = show(qtbot, BreakdownView(), 360, 330)
    view.update_frame(make_frame(histories, 10, costs=("cross_entropy",)))
    rows = view.table_text()
    assert rows[0] == ["", "■ cross-entropy"]
    assert all(len(row) == 2 for row in rows) and len(rows) == 1 + len(ROW_LABELS)


def test_the_breakdown_colours_the_run_names(qtbot, histories):
    view = show(qtbot, BreakdownView(PROJECTOR), 505, 560)
    view.update_frame(make_frame(histories, 150))
    for cost in COSTS:
        assert f"color:{PROJECTOR.run_color(cost).name()}" in view.html()


def highlighted(view) -> list[str]:
    return re.findall(r"<span style='background-color:[^']*'>([^<]*)</span>", view.html())


def test_the_breakdown_highlights_small_slopes_and_says_what_they_do(qtbot, histories):
    view = show(qtbot, BreakdownView(), 360, 330)
    note = ("σ′(z) is small: the quadratic cost learns slowly here; cross-entropy has no "
            "σ′(z) factor.")
    # both runs start at z = 4, where σ′(z) = 0.0177
    view.update_frame(make_frame(histories, 0))
    assert highlighted(view) == ["0.0177", "0.0177"]
    assert view.table_text()[3][1:] == ["0.0177", "0.0177"]
    assert view.plain_text().endswith(note)
    # late in the quadratic run σ′(z) is no longer small: no highlight there, no sentence;
    # cross-entropy's σ′(z) is small but no factor of its gradient
    view.update_frame(make_frame(histories, 220))
    quadratic_slope = float(view.table_text()[3][1])
    assert quadratic_slope >= 0.1
    assert highlighted(view) == [view.table_text()[3][2]]
    assert "σ′(z) is small" not in view.plain_text()
    # the sentence is about the quadratic cost only
    view.update_frame(make_frame(histories, 0, costs=("cross_entropy",)))
    assert highlighted(view) == ["0.0177"]
    assert "σ′(z) is small" not in view.plain_text()
    view.update_frame(make_frame(histories, 0, costs=("quadratic",)))
    assert view.plain_text().endswith(note)


def test_the_breakdown_has_no_python_reprs(qtbot, histories):
    view = show(qtbot, BreakdownView(), 360, 330)
    for shown in (0, 1, 150, 300):
        view.update_frame(make_frame(histories, shown))
        text = view.plain_text()
        assert "np.float64" not in text and "nan" not in text.lower()
        assert not re.search(r"\de[-+]?\d", text), "no 1e-05 style numbers"
        assert not re.search(r"-\d", text), "minus signs are −, not hyphens"
    view.update_frame(make_frame(histories, 150))
    z = histories["cross_entropy"].columns()["z"][150]
    assert z < 0 and view.table_text()[1][2] == format_number(z)
    assert format_number(z).startswith("−")


@pytest.mark.parametrize("theme, width, height", [(PROJECTOR, 505, 560), (NORMAL, 360, 330)])
@pytest.mark.parametrize("costs", [COSTS, ("quadratic",), ("cross_entropy",)])
def test_the_breakdown_fits_its_cell_without_scrolling(qtbot, histories, theme, width, height,
                                                       costs):
    # the lesson window's cells: projector page "Gradient and surface" at 1024 × 768, and
    # the normal dashboard at 1366 × 768
    view = show(qtbot, BreakdownView(theme), width, height)
    for shown in (0, 1, 141, 150, 300):
        view.update_frame(make_frame(histories, shown, costs=costs))
        QApplication.processEvents()
        document = view.browser.document()
        viewport = view.browser.viewport()
        assert document.size().height() <= viewport.height(), shown
        assert document.size().width() <= viewport.width() + 0.5, shown
        assert view.fits()
        assert not view.browser.verticalScrollBar().isVisible()
        assert not view.browser.horizontalScrollBar().isVisible()
    assert view.browser.font().pointSize() == theme.font_point_size


def test_the_breakdown_measures_its_text_without_scroll_bars_whatever_came_before(
        qtbot, histories):
    # the text is measured at the width the viewport has without scroll bars, also after
    # a frame that did not fit (and was laid out for the narrower viewport beside a bar)
    view = show(qtbot, BreakdownView(PROJECTOR), 505, 560)
    view.update_frame(make_frame(histories, 141))
    QApplication.processEvents()
    probe = view.browser.document().clone()
    probe.setTextWidth(view.browser.maximumViewportSize().width())
    needed = probe.size().height()
    for height in (560, 200, round(needed) + 2, 150, round(needed) + 1, 560):
        view.resize(505, height)
        QApplication.processEvents()
        view.update_frame(make_frame(histories, 141))
        QApplication.processEvents()
        room = view.browser.maximumViewportSize()
        probe = view.browser.document().clone()
        probe.setTextWidth(room.width())
        expected = (probe.size().height() <= room.height() + 0.5
                    and probe.size().width() <= room.width() + 0.5)
        assert view.fits() == expected, height
        assert view.browser.verticalScrollBar().isVisible() == (not expected), height


def test_the_breakdown_scrolls_when_it_does_not_fit(qtbot, histories):
    view = show(qtbot, BreakdownView(PROJECTOR), 505, 200)
    view.update_frame(make_frame(histories, 141))
    QApplication.processEvents()
    assert not view.fits()
    assert view.browser.verticalScrollBar().isVisible()


def test_the_breakdowns_context_menu_is_the_views(qtbot, histories):
    # the window puts its export menu on the view; the text must not keep the event for
    # its own Copy / Select All menu
    view = show(qtbot, BreakdownView(), 330, 400)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    viewport = view.browser.viewport()
    with qtbot.waitSignal(view.customContextMenuRequested):
        position = QPoint(20, 20)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, position,
                                  viewport.mapToGlobal(position))
        QApplication.sendEvent(viewport, event)


@pytest.mark.parametrize("value, text", [
    (0.0177422, "0.0177"), (0.98201379, "0.982"), (-2.5, "−2.5"), (1.0, "1"), (0.0, "0"),
    (0.058027, "0.0580"), (2.64, "2.64"), (-1.2e-5, "−1.2 × 10⁻⁵"), (12345.6, "1.23 × 10⁴"),
    (float("nan"), "—"), (float("-inf"), "−∞"),
])
def test_format_number(value, text):
    assert format_number(value) == text


# -- every view --------------------------------------------------------------------------------

@pytest.mark.parametrize("view_class", VIEW_CLASSES)
def test_every_view_survives_no_runs_one_run_and_empty_runs(qtbot, histories, view_class):
    view = show(qtbot, view_class())
    frames = [
        NeuronFrame(X, Y, W0, B0, ETA, EPOCHS),             # no runs at all
        empty_frame(),                                      # runs without rows yet
        make_frame(histories, 5, costs=("cross_entropy",)),  # one run
        make_frame(histories, 300),                          # both, finished
        empty_frame(),                                      # reset
        NeuronFrame(X, Y, W0, B0, ETA, EPOCHS),
    ]
    for frame in frames:
        view.update_frame(frame)
        QApplication.processEvents()
    image = view.export_widget().grab()
    assert not image.isNull()


def test_views_hide_what_a_frame_no_longer_holds(qtbot, histories):
    cost_plot = show(qtbot, CostPlot())
    sigmoid_view = show(qtbot, SigmoidView())
    surface_view = show(qtbot, SurfaceView())
    for view in (cost_plot, sigmoid_view, surface_view):
        view.update_frame(make_frame(histories, 50))
        view.update_frame(make_frame(histories, 50, costs=("cross_entropy",)))
    assert cost_plot.curve("quadratic", "cost").xData is None
    assert [label.text for _, label in cost_plot.plot_item.legend.items] == ["cross-entropy"]
    assert sigmoid_view.operating_point("quadratic") is None
    assert not sigmoid_view._points["quadratic"].isVisible()
    assert [m.run_name for m in surface_view.shown_maps] == ["cross_entropy"]
    for view in (cost_plot, sigmoid_view):
        view.update_frame(empty_frame())
    assert cost_plot.curve("cross_entropy", "cost").xData is None
    # a run without rows yet sits at its start (w₀·x + b₀ = 4), not where it was
    assert sigmoid_view.operating_point("cross_entropy") == pytest.approx((4.0, sigmoid(4.0)))


@pytest.mark.parametrize("view_class", VIEW_CLASSES)
def test_every_view_has_a_slug_a_title_and_an_export_widget(qtbot, view_class):
    view = show(qtbot, view_class())
    assert view.slug in ("cost", "output", "gradient", "sigmoid", "surface", "breakdown")
    assert view.title and isinstance(view.title, str)
    assert isinstance(view.export_widget(), QWidget)


def test_projector_theme_makes_fonts_big_and_lines_thick(qtbot, histories):
    plots = [show(qtbot, cls(theme=NORMAL)) for cls in (CostPlot, OutputPlot, GradientPlot)]
    sigmoid_view = show(qtbot, SigmoidView())
    surface_view = show(qtbot, SurfaceView())
    frame = make_frame(histories, 100)
    for view in (*plots, sigmoid_view, surface_view):
        view.update_frame(frame)
        view.apply_theme(PROJECTOR)
        view.update_frame(frame)
    plot_items = [p.plot_item for p in (*plots, sigmoid_view)]
    plot_items += [m.plot for m in surface_view.shown_maps]
    for plot_item in plot_items:
        for name in ("left", "bottom"):
            assert plot_item.getAxis(name).style["tickFont"].pointSize() >= 20
    for plot in plots:
        for curve in plot._curves.values():
            assert curve.opts["pen"].widthF() >= 3
    assert sigmoid_view.curve.opts["pen"].widthF() >= 3
    assert sigmoid_view.tangent("quadratic").opts["pen"].widthF() >= 3
    assert sigmoid_view.slope_label("quadratic").textItem.font().pointSizeF() >= 16
    for surface in surface_view.shown_maps:
        assert surface.path.opts["pen"].widthF() >= 3

    for view in (*plots, sigmoid_view):
        view.apply_theme(NORMAL)
    assert plots[0].plot_item.getAxis("left").style["tickFont"].pointSize() == \
        NORMAL.font_point_size


def test_run_colours_come_from_the_theme(qtbot, histories):
    plot = show(qtbot, CostPlot())
    plot.update_frame(make_frame(histories, 10))
    for cost in COSTS:
        assert plot.curve(cost, "cost").opts["pen"].color() == NORMAL.run_color(cost)


def test_views_use_no_python_reprs_in_labels(qtbot, histories):
    sigmoid_view = show(qtbot, SigmoidView())
    sigmoid_view.update_frame(make_frame(histories, 300))
    for name in COSTS:
        text = sigmoid_view.slope_label(name).toPlainText()
        assert not re.search(r"e-0|np\.|float", text)
    assert math.isfinite(sigmoid_view.operating_point("quadratic")[0])
