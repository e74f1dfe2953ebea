"""What a lecturer sees in the first hour: true axis labels, epoch 0 shown in full, and
nothing crowded or cut in the dashboard's small cells.

The frames are the lesson's (x = 1, y = 0, w = b = 2, η = 0.15, 300 epochs) as the session
hands them over: before Run each run holds only its epoch 0, and right after a reset a run may
hold no rows at all. Reference values come from the formulas and from finite differences of
nnlab.core's σ, never from the views.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QApplication

from nnlab.core.activations import sigmoid as core_sigmoid
from nnlab.core.neuron import train_neuron
from nnlab.app.frames import NeuronFrame, RunFrame, empty_columns
from nnlab.gui.text import format_number
from nnlab.gui.theme import NORMAL, PROJECTOR
from nnlab.gui.lessons.neuron.views import (
    BreakdownView, CostPlot, GradientPlot, OutputPlot, SigmoidView, SurfaceView,
)

from qt_helpers import show

X, Y, W0, B0, ETA, EPOCHS = 1.0, 0.0, 2.0, 2.0, 0.15, 300
COSTS = ("quadratic", "cross_entropy")
LABELS = {"quadratic": "quadratic", "cross_entropy": "cross-entropy"}
PLOTS = (CostPlot, OutputPlot, GradientPlot)

# A dashboard cell at 1024 × 768: three columns by two rows, about 300 × 250 px, and
# 230 × 330 px with the experiment panel open; projector pages at 1024 × 768 and 1920 × 1080.
NORMAL_CELLS = [(300, 250), (230, 330), (360, 330)]
PROJECTOR_CELLS = [(505, 270), (505, 560), (950, 440)]


@pytest.fixture(scope="module")
def histories():
    return {cost: train_neuron(X, Y, W0, B0, cost, ETA, EPOCHS) for cost in COSTS}


def frame_at(histories, shown: int | None, **settings) -> NeuronFrame:
    """The lesson at epoch ``shown``; None: runs without rows yet."""
    runs = []
    for cost in COSTS:
        if shown is None:
            runs.append(RunFrame(cost, LABELS[cost], empty_columns(), -1))
        else:
            runs.append(RunFrame(cost, LABELS[cost], histories[cost].view(), shown,
                                 "finished" if shown == EPOCHS else "running"))
    values = dict(x=X, y=Y, w0=W0, b0=B0, learning_rate=ETA, epochs=EPOCHS)
    values.update(settings)
    return NeuronFrame(runs=tuple(runs), shown_epoch=shown or 0, **values)


def epoch_zero_frame(**settings) -> NeuronFrame:
    """Before Run: each run's history holds its epoch 0 and nothing else."""
    values = dict(x=X, y=Y, w0=W0, b0=B0, learning_rate=ETA, epochs=EPOCHS)
    values.update(settings)
    runs = []
    for cost in COSTS:
        start = train_neuron(values["x"], values["y"], values["w0"], values["b0"], cost, ETA, 0)
        runs.append(RunFrame(cost, LABELS[cost], start.view(), 0, "running"))
    return NeuronFrame(runs=tuple(runs), shown_epoch=0, **values)


def slope_by_finite_differences(z: float, h: float = 1e-5) -> float:
    return float((core_sigmoid(z + h) - core_sigmoid(z - h)) / (2 * h))


def scene_points(plot, curve) -> np.ndarray:
    """The curve's points (as drawn) in scene pixels, shape (n, 2)."""
    x, y = curve.getData()
    if x is None or not len(x):
        return np.empty((0, 2))
    return np.array([(p.x(), p.y()) for p in
                     (plot.view_box.mapViewToScene(QPointF(float(a), float(b)))
                      for a, b in zip(x, y))])


def inside(rect: QRectF, points: np.ndarray) -> int:
    if not len(points):
        return 0
    return int(np.count_nonzero((points[:, 0] >= rect.left()) & (points[:, 0] <= rect.right())
                                & (points[:, 1] >= rect.top())
                                & (points[:, 1] <= rect.bottom())))


# -- 6: axis labels say the true values ----------------------------------------------------------

def test_axis_labels_have_no_si_prefix_when_the_values_are_small(qtbot):
    # a start next to the target: a = 0.018, C ≈ 10⁻⁴, gradients ≈ 3·10⁻⁴
    near = {cost: train_neuron(X, Y, -2.0, -2.0, cost, ETA, EPOCHS) for cost in COSTS}
    frame = frame_at(near, 150, w0=-2.0, b0=-2.0)
    assert max(near["quadratic"].columns()["cost"]) < 1e-3
    views = [show(qtbot, cls(), 360, 330) for cls in (*PLOTS, SigmoidView, SurfaceView)]
    plot_items = []
    for view in views:
        view.update_frame(frame)
        plot_items += ([m.plot for m in view.shown_maps] if isinstance(view, SurfaceView)
                       else [view.plot_item])
    QApplication.processEvents()
    for plot_item in plot_items:
        for name, axis in plot_item.axes.items():
            axis = axis["item"]
            assert axis.autoSIPrefixScale == 1.0, name
            assert "(x" not in axis.labelString(), (name, axis.labelString())
    assert views[0].plot_item.getAxis("left").labelString().endswith("cost C </span>")
    # and the log axis reads true values: its top decade is the largest gradient's
    gradient = views[2].plot_item.getAxis("left")
    top = math.ceil(math.log10(np.abs(near["cross_entropy"].columns()["dC_dw"]).max()))
    assert gradient.logTickStrings([top], 1.0, 1.0) == [format_number(10.0 ** top)]


# -- 7: epoch 0 is a state like any other ------------------------------------------------------

@pytest.mark.parametrize("frame_kind", ["epoch 0 only", "no rows yet"])
def test_the_sigmoid_shows_the_start_with_its_tangent_and_slope(qtbot, histories, frame_kind):
    view = show(qtbot, SigmoidView(), 300, 250)
    frame = epoch_zero_frame() if frame_kind == "epoch 0 only" else frame_at(histories, None)
    view.update_frame(frame)
    z = W0 * X + B0
    slope = slope_by_finite_differences(z)
    assert slope == pytest.approx(0.0177, abs=5e-5)  # the design's number
    for cost in COSTS:
        assert view.operating_point(cost) == pytest.approx((z, float(core_sigmoid(z))))
        tangent = view.tangent(cost)
        assert tangent.isVisible()
        tz, ta = tangent.getData()
        assert (ta[1] - ta[0]) / (tz[1] - tz[0]) == pytest.approx(slope, rel=1e-6)
        label = view.slope_label(cost)
        assert label.isVisible()
        assert label.toPlainText().endswith(format_number(slope))


@pytest.mark.parametrize("frame_kind", ["epoch 0 only", "no rows yet"])
def test_the_breakdown_shows_every_number_of_the_start(qtbot, histories, frame_kind):
    view = show(qtbot, BreakdownView(), 360, 330)
    frame = epoch_zero_frame() if frame_kind == "epoch 0 only" else frame_at(histories, None)
    view.update_frame(frame)
    rows = view.table_text()
    z = W0 * X + B0
    a = float(core_sigmoid(z))
    slope = slope_by_finite_differences(z)
    expected = {
        # C = ½(a − y)², ∂C/∂b = (a − y)σ′(z)
        "quadratic": [z, a, slope, 0.5 * (a - Y) ** 2, (a - Y) * slope, X * (a - Y) * slope],
        # C = −[y ln a + (1 − y) ln(1 − a)], ∂C/∂b = a − y
        "cross_entropy": [z, a, slope, -(Y * math.log(a) + (1 - Y) * math.log(1 - a)),
                          a - Y, X * (a - Y)],
    }
    for column, cost in enumerate(COSTS, start=1):
        cells = [row[column] for row in rows[1:]]
        assert "—" not in " ".join(cells)
        for cell, value in zip(cells, expected[cost]):
            assert cell.split("= ")[-1] == format_number(value)
    assert "σ′(z) is small" in view.plain_text()


def test_the_curves_show_the_epoch_0_point(qtbot):
    frame = epoch_zero_frame()
    for cls in PLOTS:
        plot = show(qtbot, cls(), 300, 250)
        plot.update_frame(frame)
        QApplication.processEvents()
        view_rect = plot.view_box.sceneBoundingRect()
        for order, cost in enumerate(COSTS):
            for series in plot.series:
                curve = plot.curve(cost, series.key)
                assert list(curve.getData()[0]) == [0.0]
                # one point: a line draws nothing there, a marker does
                assert curve.opts["symbol"] is not None
                assert curve.scatter.isVisible() and len(curve.scatter.data) == 1
                (px, py), = scene_points(plot, curve)
                assert view_rect.contains(QPointF(px, py))
        legend = plot.plot_item.legend
        assert legend.isVisible()
        assert {"quadratic", "cross-entropy"} <= {label.text for _, label in legend.items}
    # the marker goes once the curve has a line
    plot.update_frame(frame_at({c: train_neuron(X, Y, W0, B0, c, ETA, EPOCHS)
                                for c in COSTS}, 5))
    assert plot.curve("quadratic", "dC_dw").opts["symbol"] is None


def test_the_surface_shows_the_start_at_epoch_0(qtbot):
    view = show(qtbot, SurfaceView(), 360, 330)
    view.update_frame(epoch_zero_frame())
    for surface in view.shown_maps:
        start = surface.start.data
        current = surface.current.data
        assert (start["x"][0], start["y"][0]) == (W0, B0)
        assert (current["x"][0], current["y"][0]) == (W0, B0)


# -- 15: nothing crowded or cut ----------------------------------------------------------------

def line_breaks(document) -> list[tuple[str, str]]:
    """(end of a line, start of the next) wherever the layout wrapped a paragraph."""
    breaks = []
    block = document.begin()
    while block.isValid():
        layout, text = block.layout(), block.text()
        for index in range(1, layout.lineCount()):
            start = layout.lineAt(index).textStart()
            breaks.append((text[:start], text[start:]))
        block = block.next()
    return breaks


@pytest.mark.parametrize("theme, size", [(NORMAL, cell) for cell in NORMAL_CELLS]
                         + [(PROJECTOR, cell) for cell in PROJECTOR_CELLS])
def test_the_breakdown_fits_its_cell_and_never_cuts_a_word_or_number(
        qtbot, histories, theme, size):
    view = show(qtbot, BreakdownView(theme), *size)
    for shown in (None, 0, 1, 120, 141, 300):
        view.update_frame(epoch_zero_frame() if shown == 0 else frame_at(histories, shown))
        QApplication.processEvents()
        assert not view.browser.verticalScrollBar().isVisible(), shown
        assert not view.browser.horizontalScrollBar().isVisible(), shown
        document = view.browser.document()
        viewport = view.browser.viewport()
        assert document.size().width() <= viewport.width() + 0.5
        assert document.size().height() <= viewport.height() + 0.5
        for before, after in line_breaks(document):
            # lines end at a space (or after the hyphen of "cross-entropy"), never inside
            # a word, a number or a formula such as "x·∂C/∂b"
            assert before.endswith((" ", "-")), (shown, before[-12:], after[:12])
        assert document.defaultFont().pointSizeF() >= 7


@pytest.mark.parametrize("theme, size", [(NORMAL, cell) for cell in NORMAL_CELLS]
                         + [(PROJECTOR, cell) for cell in PROJECTOR_CELLS])
def test_the_saturated_bands_are_always_labelled(qtbot, histories, theme, size):
    view = show(qtbot, SigmoidView(theme), *size)
    view.set_legend_visible(theme is NORMAL)  # as in the window
    for shown in (None, 0, 120, 300):
        view.update_frame(epoch_zero_frame() if shown == 0 else frame_at(histories, shown))
        QApplication.processEvents()
        view._place_labels()
        plot = view.view_box.sceneBoundingRect()
        others = [view.slope_label(cost).sceneBoundingRect() for cost in COSTS]
        others += [view.start_label.sceneBoundingRect()]
        for region, label in zip(view.saturation_regions, view.saturation_labels):
            assert label.isVisible(), (shown, label.toPlainText())
            box = label.mapRectToScene(label.boundingRect())
            low, high = region.getRegion()
            left = view.view_box.mapViewToScene(QPointF(max(low, -1e3), 0)).x()
            right = view.view_box.mapViewToScene(QPointF(min(high, 1e3), 0)).x()
            band = QRectF(left, plot.top(), right - left, plot.height()).intersected(plot)
            assert band.adjusted(-1, -1, 1, 1).contains(box), shown
            assert not any(box.intersects(other) for other in others), shown
            if theme is NORMAL:  # room for the threshold too, turned if need be
                assert "0.02" in label.toPlainText(), (shown, label.toPlainText())


@pytest.mark.parametrize("size", NORMAL_CELLS)
@pytest.mark.parametrize("plot_class", PLOTS)
def test_legends_and_the_target_label_cover_no_curve(qtbot, histories, plot_class, size):
    plot = show(qtbot, plot_class(), *size)
    for shown in (0, 30, 120, 200, 300):
        plot.update_frame(epoch_zero_frame() if shown == 0 else frame_at(histories, shown))
        QApplication.processEvents()
        points = np.vstack([scene_points(plot, curve) for curve in plot._curves.values()])
        legend = plot.plot_item.legend
        assert legend.isVisible()
        assert inside(legend.sceneBoundingRect(), points) == 0, shown
        # the legend itself is whole: inside the plot item, every entry's text in the box
        assert plot.plot_item.sceneBoundingRect().contains(legend.sceneBoundingRect())
        for _, label in legend.items:
            assert legend.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(
                label.sceneBoundingRect())
        if plot_class is OutputPlot:
            target = plot.target_line.label
            box = target.sceneBoundingRect()
            assert target.isVisible() and plot.view_box.sceneBoundingRect().contains(box)
            assert inside(box, points) == 0, shown
            # no tick where the outputs cannot be: the label's band is below a = 0
            axis = plot.plot_item.getAxis("left")
            (low, high), = [plot.view_box.viewRange()[1]]
            ticks = [v for _, values in axis.tickValues(low, high, 200) for v in values]
            assert min(ticks) >= -1e-9


@pytest.mark.parametrize("view_class", [*PLOTS, SigmoidView])
def test_no_legend_box_while_nothing_is_drawn(qtbot, histories, view_class):
    view = show(qtbot, view_class(), 300, 250)
    nothing = NeuronFrame(X, Y, W0, B0, ETA, EPOCHS)
    frames = [nothing] if view_class is SigmoidView else [nothing, frame_at(histories, None)]
    for frame in frames:
        view.update_frame(frame)
        QApplication.processEvents()
        assert not view.plot_item.legend.isVisible()
    view.update_frame(frame_at(histories, 10))
    assert view.plot_item.legend.isVisible()
    view.update_frame(nothing)
    assert not view.plot_item.legend.isVisible()


@pytest.mark.parametrize("theme, size", [(NORMAL, cell) for cell in NORMAL_CELLS]
                         + [(PROJECTOR, (505, 270)), (PROJECTOR, (950, 440))])
def test_axis_labels_are_whole(qtbot, histories, theme, size):
    views = [show(qtbot, cls(theme), *size) for cls in (*PLOTS, SigmoidView)]
    for view in views:
        view.set_legend_visible(theme is NORMAL)
        view.update_frame(frame_at(histories, 300))
    QApplication.processEvents()
    for view in views:
        for name in ("left", "bottom"):
            axis = view.plot_item.getAxis(name)
            text = axis.label.boundingRect()
            length = axis.height() if name == "left" else axis.width()
            assert text.width() <= length, (type(view).__name__, name, text.width(), length)


@pytest.mark.parametrize("size", [(340, 310), (440, 300)])
def test_the_sigmoids_target_label_keeps_off_the_curve_and_the_tangents(qtbot, histories,
                                                                         size):
    # mid-run at 1366 × 740 the label sat on the curve's tail and the cross-entropy tangent
    view = show(qtbot, SigmoidView(), *size)
    for shown in (0, 31, 60, 300):
        view.update_frame(epoch_zero_frame() if shown == 0 else frame_at(histories, shown))
        qtbot.waitUntil(lambda: not view.layout_pending)  # laid out afresh, not just moved
        label = view.target_line.label
        if not label.isVisible():
            continue
        box = label.sceneBoundingRect()
        z = np.linspace(-8, 8, 2000)
        curve = np.array([[p.x(), p.y()] for p in (
            view.view_box.mapViewToScene(QPointF(float(a), float(b)))
            for a, b in zip(z, 1 / (1 + np.exp(-z))))])
        assert inside(box, curve) == 0, shown
        for name in ("quadratic", "cross_entropy"):
            tz, ta = view.tangent(name).getData()
            t = np.linspace(0.0, 1.0, 200)
            tangent = np.array([[p.x(), p.y()] for p in (
                view.view_box.mapViewToScene(QPointF(float(a), float(b)))
                for a, b in zip(tz[0] + t * (tz[1] - tz[0]), ta[0] + t * (ta[1] - ta[0])))])
            assert inside(box, tangent) == 0, (shown, name)
