"""The network lab's curves: cost and accuracy against the epoch, and the gradient per layer.

The lab compares runs that differ in one setting (cost, hidden activation, optimiser or η).
Each run is drawn in its own colour (``RunFrame.colour``); on the cost and accuracy plots
the training set is a solid line and the test set a dashed one. The legend names each run
once and the two line styles once, as the lesson's gradient plot does: with four runs that is
six short entries instead of eight long ones ("cross-entropy train", "cross-entropy test", …),
and each entry says one thing. When the window hides the legends (on a projector, where a
colour key under the plots names the runs) the line-style entries stay: the colour key says
which run is which colour, but nothing else on screen says which line is the test set.

The cost and accuracy plots are :class:`~nnlab.gui.views.base.EpochPlot` subclasses: the
same persistent curves fed with ``setData``, the same thinning to about one row per pixel,
the same timeline marker, and :func:`~nnlab.gui.views.base.link_epoch_axes` links their
epoch axes as it links the lesson's.

Their x axis is the epoch, or (right-click › Plot against) the parameter updates or the
training samples seen so far. Against epochs stochastic descent looks fastest, since it makes
one update per sample; against updates or samples the price of its many cheap steps shows
(lecture note 001). The choice holds for both plots and is remembered (QSettings). The dashed
marker of the epoch on show stays where it means one thing: against updates, runs of
different batch sizes are at different places at the same epoch, and the marker is hidden
(each curve still ends at the epoch on show).

A regression (a linear output learning numbers) has no accuracy: the cost plot shows the mean
squared error (2C of its quadratic cost C, as the window reports it), and the accuracy plot,
where a page still shows it, gives way to a line saying why it is empty.

:class:`LayerGradientPlot` is the vanishing-gradient picture: ‖∂C/∂W‖ of every weight layer at
the epoch on show, one polyline per run, on a log axis. With sigmoid hidden layers the norms
fall by a factor of several from each layer to the one before it, so the first layers learn
slowest; ReLU keeps them level. Under it, :class:`HiddenZeroPlot` shows the price ReLU pays
for that: the share of each hidden layer's outputs that are exactly 0 (a unit at 0 passes no
gradient back for that sample), where sigmoid and tanh units are practically never 0.
"""

from __future__ import annotations

import math
from typing import Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QRectF, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QPen
from PySide6.QtWidgets import QBoxLayout, QLabel, QMenu, QWidget

from nnlab.app.frames import RANGE_SAMPLE_ROWS, evenly_spaced_rows
from nnlab.app.frames import LabFrame, RunFrame, gradient_column, zero_share_column
from nnlab.core.costs import mse_of_quadratic_cost
from nnlab.core.states import DIVERGED
from nnlab.gui.text import fill
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import (
    LEGEND_CORNERS, LEGEND_MARGIN, RUN_SYMBOLS, DecadeAxis, EpochAxis, PlotView, corner_box,
    decade_range, nice_upper, plain_pen, points_along_segments,
)
from nnlab.gui.views.epoch_plot import EpochPlot, Series, link_epoch_axes

__all__ = [
    "DIVERGED_COST_FACTOR", "DIVERGED_GRADIENT_DECADES", "EPOCHS", "SAMPLES", "UPDATES",
    "X_AXES", "X_AXIS_SETTING", "HiddenZeroPlot", "LabAccuracyPlot", "LabCostPlot", "LabXAxis",
    "LayerGradientPlot", "PercentAxis", "cost_axis_top", "count_label", "frame_on_x_axis",
    "gradient_decades", "hidden_zero_shares", "layer_gradient_norms", "least_covered_corner",
    "link_lab_epoch_axes", "run_pen_of", "saved_x_axis",
    "without_si_prefix", "x_axis_label",
]

#: A diverged run's cost climbs towards infinity before it becomes NaN. The cost axis follows
#: it only up to this many times the largest starting cost: above that the curve leaves the
#: top of the plot (which is the lesson: it blew up) and the other runs stay readable.
DIVERGED_COST_FACTOR = 4.0
#: Likewise the gradient axis follows a diverged run's norms only up to this many decades
#: above the largest norm at epoch 0.
DIVERGED_GRADIENT_DECADES = 3

#: The line-style entries of the cost and accuracy legends (key, text, pen style).
TRAIN, TEST = "train", "test"

#: The test curves' dashes and gaps, in line widths.
TEST_DASHES = (2.5, 2.0)

#: The gradient view puts the zero shares beside the gradients when it is this many times
#: wider than high, under them otherwise.
ZEROS_BESIDE_ASPECT = 1.5

#: What the cost and accuracy curves can be drawn against: each is a history column.
EPOCHS, UPDATES, SAMPLES = "epoch", "updates", "samples"
X_AXES = (EPOCHS, UPDATES, SAMPLES)
#: QSettings key: the x axis last chosen for the lab's curves
X_AXIS_SETTING = "lab/curves_x_axis"


def saved_x_axis() -> str:
    """The x axis last chosen (EPOCHS at first, or when the setting is not one of X_AXES)."""
    axis = QSettings().value(X_AXIS_SETTING, EPOCHS, type=str)
    return axis if axis in X_AXES else EPOCHS


def x_axis_label(axis: str) -> str:
    """The translated label of the x axis ``axis``."""
    # literal calls, so that pyside6-lupdate finds the texts
    if axis == UPDATES:
        return QCoreApplication.translate("LabEpochPlot", "parameter updates")
    if axis == SAMPLES:
        return QCoreApplication.translate("LabEpochPlot", "samples seen")
    return QCoreApplication.translate("EpochPlot", "epoch")


def _x_axis_choices() -> tuple[tuple[str, str], ...]:
    """(axis, menu text) of each of X_AXES."""
    return ((EPOCHS, QCoreApplication.translate("LabEpochPlot", "Epochs")),
            (UPDATES, QCoreApplication.translate("LabEpochPlot", "Parameter updates")),
            (SAMPLES, QCoreApplication.translate("LabEpochPlot", "Samples seen")))


def frame_on_x_axis(frame: LabFrame, axis: str) -> tuple[LabFrame, bool]:
    """``frame`` as an EpochPlot draws it against ``axis``, and whether its marker means
    something there.

    Each run's ``epoch`` column is replaced by its ``axis`` column (updates or samples so
    far, one value per recorded epoch); ``epochs``, where the axis ends, by the count at the
    planned last epoch (a run makes as many updates and sees as many samples in every
    epoch); ``shown_epoch``, where the marker goes, by the count at the epoch on show. The
    marker means something only when every run is at the same count there (the same batch
    size; against samples, always).
    """
    if axis == EPOCHS:
        return frame, True
    runs, end, shown = [], 0.0, set()
    for run in frame.runs:
        counts = run.columns.get(axis)
        epochs = run.columns.get("epoch")
        if counts is None or epochs is None:
            continue  # a history without counts cannot be drawn against them
        if len(counts) and epochs[-1] > 0:
            end = max(end, float(counts[-1]) / float(epochs[-1]) * frame.epochs)
        if run.index >= 0:
            shown.add(float(counts[run.index]))
        runs.append(replace(run, columns={**run.columns, "epoch": counts}))
    if end <= 0 and axis == SAMPLES and frame.dataset is not None:
        end = float(len(frame.dataset.x_train) * frame.epochs)
    end = math.ceil(end) if end > 0 else frame.epochs  # before epoch 1: at least one each
    marker = next(iter(shown)) if len(shown) == 1 else 0.0
    return replace(frame, runs=tuple(runs), epochs=end, shown_epoch=marker), len(shown) <= 1


def count_label(value: float, step: float, largest: float) -> str:
    """A tick label of a count of updates or samples: "800", "20k", "1.5M" (thousands and
    millions once the ticks, ``step`` apart, run into them; ``largest`` is the largest tick),
    with the decimals that the step needs."""
    if largest >= 1e6 and step >= 1e5:
        unit, template = 1e6, QCoreApplication.translate("LabXAxis", "%1M")
    elif largest >= 1e4 and step >= 1e3:
        unit, template = 1e3, QCoreApplication.translate("LabXAxis", "%1k")
    else:
        return f"{value:.0f}"
    if value == 0:
        return "0"
    decimals = max(0, -math.floor(math.log10(step / unit) + 1e-9))
    return fill(template, f"{value / unit:.{decimals}f}")


class LabXAxis(EpochAxis):
    """The lab's x axis: epochs, or (``counts`` True) counts of updates or samples, which
    run into hundreds of thousands: labelled "200k", "1.5M" rather than "1e+06"."""

    counts = False

    def tickStrings(self, values, scale, spacing):
        strings = super().tickStrings(values, scale, spacing)
        if not self.counts or not values:
            return strings
        largest = max(abs(value * scale) for value in values)
        return [count_label(value * scale, spacing * scale, largest) if text else ""
                for value, text in zip(values, strings)]


def run_pen_of(theme: Theme, colour: str, style: Qt.PenStyle = Qt.PenStyle.SolidLine,
               width_scale: float = 1.0) -> QPen:
    """A cosmetic pen in a lab run's own colour, the theme's width, round ends and joins.

    The lesson's :func:`~nnlab.gui.views.base.run_pen` picks the colour from the run's cost;
    the lab's runs bring theirs in the frame.
    """
    pen = QPen(QColor(colour))
    pen.setWidthF(max(1.0, theme.line_width * width_scale))
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if style == Qt.PenStyle.DashLine:
        # shorter dashes than Qt's (4 on, 2 off, in line widths), with flat ends: a legend's
        # sample line, 20 pixels long, then shows a gap even at projector width
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern(TEST_DASHES)
    else:
        pen.setStyle(style)
    return pen


def without_si_prefix(plot_item: pg.PlotItem) -> None:
    """Axes that show the values themselves: pyqtgraph would otherwise rescale small or large
    ones and put "(x0.001)" beside the label, which reads as if the ticks were wrong."""
    for axis in plot_item.axes.values():
        axis["item"].enableAutoSIPrefix(False)


def link_lab_epoch_axes(plots: Sequence[EpochPlot]) -> None:
    """Zooming or panning the epochs of one lab plot shows the same epochs in the others
    (the lesson's :func:`~nnlab.gui.views.base.link_epoch_axes`, which works on any
    EpochPlot)."""
    link_epoch_axes(plots)


def _sampled(values: np.ndarray) -> np.ndarray:
    """At most RANGE_SAMPLE_ROWS evenly spaced rows (first and last among them): enough to
    choose an axis range without reading every row each frame."""
    return values[evenly_spaced_rows(0, len(values), RANGE_SAMPLE_ROWS)]


def _has_test_set(frame: LabFrame) -> bool:
    return frame.dataset is not None and len(frame.dataset.x_test) > 0


class FittedAxisLabels:
    """For a PlotView with ``fits_axis_labels``: a label set smaller is centred on its axis
    again (pyqtgraph centres a label only when its axis is resized, so a smaller label kept
    the left end of the larger one and ran off the plot's right edge)."""

    def fit_axis_labels(self, *_) -> None:
        super().fit_axis_labels()
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).resizeEvent()


class LabEpochPlot(FittedAxisLabels, EpochPlot):
    """A lab plot of a training and a test column against the epoch (or the updates or the
    samples seen, see ``x_axis``), per run.

    Subclasses name the two columns in ``series`` (keys TRAIN and TEST) and the y axis.
    """

    series: Sequence[Series] = ()
    #: "parameter updates" is longer than "epoch": in a narrow plot it is set smaller
    fits_axis_labels = True

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        self._run_colours: dict[str, str] = {}
        self._last_frame: LabFrame | None = None
        self._has_test: bool | None = None
        #: what the curves are drawn against: EPOCHS, UPDATES or SAMPLES
        self.x_axis = saved_x_axis()
        super().__init__(theme, parent)
        without_si_prefix(self.plot_item)
        self._add_x_axis_menu()
        self._show_x_axis(self.x_axis)

    def _axis_items(self) -> dict[str, pg.AxisItem]:
        return {"bottom": LabXAxis(orientation="bottom")}

    # -- the x axis ------------------------------------------------------------------------
    def _add_x_axis_menu(self) -> None:
        """"Plot against" › Epochs, Parameter updates, Samples seen, first in the plot's
        right-click menu."""
        self.x_axis_menu = QMenu(QCoreApplication.translate("LabEpochPlot", "Plot against"),
                                 self)
        group = QActionGroup(self.x_axis_menu)
        self.x_axis_actions: dict[str, QAction] = {}
        for axis, text in _x_axis_choices():
            action = QAction(text, self.x_axis_menu)
            action.setCheckable(True)
            action.triggered.connect(lambda *_, axis=axis: self.choose_x_axis(axis))
            group.addAction(action)
            self.x_axis_menu.addAction(action)
            self.x_axis_actions[axis] = action
        menu = self.view_box.menu
        first = menu.actions()[0] if menu.actions() else None
        menu.insertMenu(first, self.x_axis_menu)
        menu.insertSeparator(first)

    def choose_x_axis(self, axis: str) -> None:
        """Draw the curves of this plot and of the plots linked to it (see
        :meth:`link_epochs_with`) against ``axis`` (one of X_AXES), and remember it."""
        if axis not in X_AXES:
            raise ValueError(f"x axis {axis!r}: one of {', '.join(X_AXES)}")
        QSettings().setValue(X_AXIS_SETTING, axis)
        for plot in [self, *self.linked_epoch_plots]:
            if isinstance(plot, LabEpochPlot):
                plot._show_x_axis(axis)

    def _show_x_axis(self, axis: str) -> None:
        self.x_axis = axis
        for key, action in self.x_axis_actions.items():
            action.setChecked(key == axis)
        bottom = self.plot_item.getAxis("bottom")
        if isinstance(bottom, LabXAxis):
            bottom.counts = axis != EPOCHS
            bottom.picture = None  # the labels are drawn again, even if the range stays
            bottom.update()
        self.set_axis_label("bottom", x_axis_label(axis))
        self._epochs_shown = None  # the axis's range is set again at the next frame
        if self._last_frame is not None:
            self.update_frame(self._last_frame)

    def _create_items(self) -> None:
        # samples only, never added to the plot; they join the legend when there is a test
        # set (without one every line is solid and needs no key)
        self._style_samples = {TRAIN: pg.PlotDataItem(), TEST: pg.PlotDataItem()}

    def _style_texts(self) -> tuple[tuple[str, str, Qt.PenStyle], ...]:
        # literal calls, so that pyside6-lupdate finds the texts
        return ((TRAIN, QCoreApplication.translate("LabEpochPlot", "training"),
                 Qt.PenStyle.SolidLine),
                (TEST, QCoreApplication.translate("LabEpochPlot", "test"),
                 Qt.PenStyle.DashLine))

    def link_epochs_with(self, *others: EpochPlot) -> None:
        """Zooming or panning the epochs of this plot or of ``others`` shows the same
        epochs in all of them (see :func:`~nnlab.gui.views.base.link_epoch_axes`)."""
        link_epoch_axes([self, *others])

    def set_axis_label(self, name: str, text: str) -> None:
        """Label the axis ``name`` ``text``, fitted to the axis and centred on it."""
        self.plot_item.setLabel(name, text)
        self.fit_axis_labels()

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        self._last_frame = frame
        for run in frame.runs:
            if self._run_colours.get(run.name) != run.colour:
                self._run_colours[run.name] = run.colour
                for series in self.series:
                    curve = self.curve(run.name, series.key)
                    if curve is not None:
                        curve.setPen(self._curve_pen(run.name, series))
        self._show_style_entries(_has_test_set(frame))
        drawn, marked = frame_on_x_axis(frame, self.x_axis)
        super().update_frame(drawn)
        if self.epoch_marker.isVisible() != marked:
            self.epoch_marker.setVisible(marked)
        self._show_legend_if_it_has_entries()

    def _pen_for(self, run_name: str, series: Series) -> QPen:
        colour = self._run_colours.get(run_name, self.theme.foreground.name())
        return run_pen_of(self.theme, colour, series.style)

    def legend_label(self, run: RunFrame, series: Series) -> str | None:
        # each run once, by its training curve; none while the window's colour key names them
        if series.key == TRAIN and self._legend_visible:
            return run.label
        return None

    def _drawable(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """x and y without NaN or infinity, wherever they are.

        A lab run's test cost may be infinite in any row (a test sample the network is
        certain about and wrong on) without the run diverging, so every drawn row is checked;
        they are about one per pixel, which costs microseconds.
        """
        keep = np.isfinite(x) & np.isfinite(y)
        if keep.all():
            return x, y
        return x[keep], y[keep]

    # -- the legend ------------------------------------------------------------------------
    def _show_style_entries(self, has_test: bool) -> None:
        if has_test == self._has_test:
            return
        self._has_test = has_test
        legend = self.plot_item.legend
        samples = set(self._style_samples.values())
        for sample in samples:
            legend.removeItem(sample)
        if has_test:
            for key, text, _ in self._style_texts():
                legend.addItem(self._style_samples[key], text)
            # the line styles first, then the runs
            legend.items[:] = ([entry for entry in legend.items if entry[0].item in samples]
                               + [entry for entry in legend.items
                                  if entry[0].item not in samples])
        self._legend_arrangement = None
        self.arrange_legend()
        self._show_legend_if_it_has_entries()

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the runs' entries. The line-style entries stay: the window's colour
        key names the runs, not the line styles."""
        self._legend_visible = bool(visible)
        if self._last_frame is not None:
            self.update_frame(self._last_frame)  # adds or removes the runs' entries
        self._show_legend_if_it_has_entries()
        self._legend_visibility_changed()

    def _show_legend_if_it_has_entries(self) -> None:
        legend = self.plot_item.legend
        shown = bool(legend.items)
        if legend.isVisible() != shown:
            legend.setVisible(shown)

    def _style_legend(self, theme: Theme) -> None:
        super()._style_legend(theme)
        self._show_legend_if_it_has_entries()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for key, _, style in self._style_texts():
            self._style_samples[key].setPen(run_pen_of(theme, theme.foreground.name(), style))


class LabCostPlot(LabEpochPlot):
    """The cost of each run on the training set (solid) and the test set (dashed); for a
    regression (trained with the quadratic cost) the mean squared error, 2C, which is what
    the window reports of a regression run."""

    slug = "lab-cost"
    series = (Series(TRAIN, "train_cost"),
              Series(TEST, "test_cost", Qt.PenStyle.DashLine))
    regression_series = (
        Series(TRAIN, "train_cost", transform=mse_of_quadratic_cost),
        Series(TEST, "test_cost", Qt.PenStyle.DashLine, mse_of_quadratic_cost))

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        self._regression = False
        super().__init__(theme, parent)

    @property
    def title(self) -> str:
        return self.tr("Cost (MSE)") if self._regression else self.tr("Cost")

    def y_label(self) -> str:
        return self.tr("mean squared error") if self._regression else self.tr("cost C")

    def update_frame(self, frame: LabFrame) -> None:
        regression = frame.task == "regression"
        if regression != self._regression:
            self._regression = regression
            self.series = self.regression_series if regression else type(self).series
            self._y_range = None
            self.set_axis_label("left", self.y_label())
        super().update_frame(frame)

    def y_range_for(self, frame: LabFrame) -> tuple[float, float] | None:
        """From 0 to a round number above every cost of the runs (whole runs, so that the
        timeline does not move the axis), a diverged run's climb cut off (see
        DIVERGED_COST_FACTOR)."""
        top = cost_axis_top(frame.runs, [series.column for series in self.series])
        if top is not None and self._regression:
            top = float(mse_of_quadratic_cost(top))
        return None if top is None else (0.0, nice_upper(top))


def cost_axis_top(runs: Iterable[RunFrame], columns: Sequence[str]) -> float | None:
    """The largest finite value of ``columns`` in ``runs``, a diverged run's values counted
    only up to DIVERGED_COST_FACTOR times the largest value of the first rows; None if
    there is none."""
    runs = [run for run in runs if len(run.columns.get("epoch", ()))]
    starts = [float(run.columns[column][0]) for run in runs for column in columns
              if column in run.columns and math.isfinite(run.columns[column][0])]
    limit = DIVERGED_COST_FACTOR * max(starts) if starts else math.inf
    top = None
    for run in runs:
        for column in columns:
            if column not in run.columns:
                continue
            values = _sampled(run.columns[column])
            values = values[np.isfinite(values)]
            if run.status == DIVERGED:
                values = values[values <= limit]
            if len(values):
                high = float(values.max())
                top = high if top is None else max(top, high)
    return top


class PercentAxis(pg.AxisItem):
    """An axis of shares (0 … 1) labelled in per cent, "0%" … "100%"; no labels outside."""

    def tickStrings(self, values, scale, spacing):
        step = abs(spacing * scale) * 100.0
        decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
        # "%1%" in English; translators may want "%1 %" (French) or "%1%" with another sign
        template = QCoreApplication.translate("PercentAxis", "%1%")
        labels = []
        for value in values:
            share = value * scale
            if share < -1e-9 or share > 1.0 + 1e-9:
                labels.append("")
            else:
                labels.append(fill(template, f"{abs(share) * 100.0:.{decimals}f}"))
        return labels


class LabAccuracyPlot(LabEpochPlot):
    """The accuracy of each run on the training set (solid) and the test set (dashed), on a
    fixed axis from 0 to 100 %: how far each run still is from classifying everything.

    A regression has no accuracy (its runs' accuracies are NaN): the plot then gives way to
    a line that says so (``no_accuracy``)."""

    slug = "lab-accuracy"
    series = (Series(TRAIN, "train_accuracy"),
              Series(TEST, "test_accuracy", Qt.PenStyle.DashLine))

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        self._regression = False
        super().__init__(theme, parent)
        self.no_accuracy = QLabel(self.tr(
            "A regression has no accuracy: its outputs are numbers, not classes. The cost, "
            "the mean squared error, measures how far they are from the targets."))
        self.no_accuracy.setObjectName("no_accuracy")
        self.no_accuracy.setWordWrap(True)
        self.no_accuracy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_accuracy.setMargin(12)
        self.no_accuracy.hide()
        self.layout().addWidget(self.no_accuracy)

    def _axis_items(self) -> dict[str, pg.AxisItem]:
        return {"left": PercentAxis(orientation="left"),
                "bottom": LabXAxis(orientation="bottom")}

    def update_frame(self, frame: LabFrame) -> None:
        regression = frame.task == "regression"
        if regression != self._regression:
            self._regression = regression
            self.plot_widget.setVisible(not regression)
            self.no_accuracy.setVisible(regression)
        if regression:
            self._last_frame = frame
            return
        super().update_frame(frame)

    @property
    def title(self) -> str:
        return self.tr("Accuracy")

    def y_label(self) -> str:
        return self.tr("accuracy")

    def y_range_for(self, frame: LabFrame) -> tuple[float, float] | None:
        return 0.0, 1.0


# -- the gradient per layer ----------------------------------------------------------------------

def layer_gradient_norms(run: RunFrame, n_layers: int) -> tuple[np.ndarray, np.ndarray]:
    """(layers, norms) of ``run`` at the epoch on show: layer l = 1 … n_layers and its
    ‖∂C/∂W_l‖, leaving out the norms a log axis cannot show (0, NaN, infinite, missing)."""
    layers = np.arange(1, n_layers + 1, dtype=float)
    norms = np.array([run.value(gradient_column(layer)) for layer in range(1, n_layers + 1)],
                     dtype=float)
    keep = (norms > 0.0) & (norms < math.inf)
    return layers[keep], norms[keep]


def gradient_decades(runs: Iterable[RunFrame], n_layers: int) -> tuple[float, float] | None:
    """(bottom, top) in log10 units: whole decades around every positive, finite gradient
    norm of the runs (whole runs, so the timeline does not move the axis), at most
    MAX_GRADIENT_DECADES of them, a diverged run's blow-up cut off (see
    DIVERGED_GRADIENT_DECADES); None when there is no such norm."""
    columns = [gradient_column(layer) for layer in range(1, n_layers + 1)]
    runs = [run for run in runs if len(run.columns.get("epoch", ()))]
    starts = [float(run.columns[column][0]) for run in runs for column in columns
              if column in run.columns and len(run.columns[column])]
    starts = [value for value in starts if 0.0 < value < math.inf]
    limit = max(starts) * 10.0 ** DIVERGED_GRADIENT_DECADES if starts else math.inf

    def kept(run: RunFrame, column: str) -> np.ndarray:
        values = _sampled(run.columns[column])
        return values[values <= limit] if run.status == DIVERGED else values

    return decade_range(kept(run, column) for run in runs for column in columns
                        if column in run.columns)


class LayerGradientPlot(FittedAxisLabels, PlotView):
    """‖∂C/∂W‖ of each weight layer, input layer first, at the epoch on show: one polyline
    with markers per run on a log axis. A falling line towards the input is the vanishing
    gradient: the first layers barely learn."""

    slug = "layer-gradients"
    #: beside the zero shares, the gradients' plot is narrower than the view
    fits_axis_labels = True

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, {"left": DecadeAxis(orientation="left")})
        without_si_prefix(self.plot_item)
        #: under the gradients: the share of each hidden layer's outputs at 0 (shown when
        #: the network has hidden layers)
        self.zeros = HiddenZeroPlot(theme)
        self.zeros.hide()
        self.layout().addWidget(self.zeros)
        self.layout().setStretch(0, 3)  # under or beside them (see resizeEvent)
        self.layout().setStretch(1, 2)
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._run_styles: dict[str, tuple[str, int]] = {}   # name: (colour, order)
        self._in_legend: dict[str, str] = {}
        self._n_layers: int | None = None
        self._y_range: tuple[float, float] | None = None
        self._legend_corner = LEGEND_CORNERS[0]
        self.plot_item.addLegend(offset=(-LEGEND_MARGIN, LEGEND_MARGIN))
        self.plot_item.setLogMode(x=False, y=True)
        self.plot_item.disableAutoRange()
        self.plot_item.setXRange(0.5, 1.5, padding=0)
        self.plot_item.setYRange(-3, 0, padding=0.05)
        # short labels: at 20 pt on a projector's half-page plot a longer one is cut off
        self.plot_item.setLabel("bottom", self.tr("layer (input → output)"))
        self.plot_item.setLabel("left", self.tr("‖∂C/∂W‖"))
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Gradient ‖∂C/∂W‖ per layer")

    def curve(self, run_name: str) -> pg.PlotDataItem | None:
        """The persistent polyline of ``run_name`` (None if never drawn)."""
        return self._curves.get(run_name)

    def context_menus(self) -> list[QMenu]:
        return [self.view_box.menu, *self.zeros.context_menus()]

    def resizeEvent(self, event) -> None:
        # the zero shares beside the gradients in a wide, low cell (a projector's quarter
        # screen), under them otherwise: stacked there, the gradients' axis label no longer
        # fitted its height
        wide = event.size().width() > ZEROS_BESIDE_ASPECT * event.size().height()
        direction = (QBoxLayout.Direction.LeftToRight if wide
                     else QBoxLayout.Direction.TopToBottom)
        if self.layout().direction() != direction:
            self.layout().setDirection(direction)
            # beside: enough of the width for "layer (input → output)" at the smallest size
            # the axis labels take (MIN_AXIS_LABEL_SCALE), as much as can be for the zeros
            gradients, zeros = (2, 1) if wide else (3, 2)
            self.layout().setStretch(0, gradients)
            self.layout().setStretch(1, zeros)
        super().resizeEvent(event)

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        n_layers = (len(frame.layers) - 1 if len(frame.layers) >= 2
                    else max((run.n_layers for run in frame.runs), default=0))
        if n_layers != self._n_layers:
            self._n_layers = n_layers
            self._show_layers(n_layers)
            self.zeros.setVisible(n_layers >= 2)
        if self.zeros.isVisibleTo(self):
            self.zeros.update_frame(frame)
        shown = set()
        for order, run in enumerate(frame.runs):
            curve = self._curve_for(run, order)
            curve.setData(*layer_gradient_norms(run, n_layers))
            self._set_legend_entry(self._in_legend, run.name, curve, run.label)
            shown.add(run.name)
        for name in self._curves.keys() - shown:
            curve = self._curves[name]
            if curve.xData is not None and len(curve.xData):
                curve.setData([], [])
            self._set_legend_entry(self._in_legend, name, curve, None)
        y_range = gradient_decades(frame.runs, n_layers)
        if y_range is not None and y_range != self._y_range:
            self._y_range = y_range
            self.plot_item.setYRange(*y_range, padding=self._y_padding())
        self._move_legend_off_the_points()

    def _show_layers(self, n_layers: int) -> None:
        """Integer ticks "1" … "L", and exactly the layers in view (half a layer beyond)."""
        count = max(n_layers, 1)
        self.plot_item.getAxis("bottom").setTicks(
            [[(float(layer), str(layer)) for layer in range(1, count + 1)], []])
        self.plot_item.setXRange(0.5, count + 0.5, padding=0)

    def _curve_for(self, run: RunFrame, order: int) -> pg.PlotDataItem:
        curve = self._curves.get(run.name)
        if curve is None:
            curve = pg.PlotDataItem(antialias=True)
            curve.setLogMode(False, True)
            self.plot_item.addItem(curve)
            self._curves[run.name] = curve
        if self._run_styles.get(run.name) != (run.colour, order):
            self._run_styles[run.name] = (run.colour, order)
            self._style_curve(run.name)
        return curve

    def _style_curve(self, name: str) -> None:
        colour, order = self._run_styles[name]
        style_layer_curve(self._curves[name], self.theme, colour, order)

    def _y_padding(self) -> float:
        # room for half a tick label beyond the end ticks, and for half a marker
        return 0.1 if self.theme.font_point_size >= 16 else 0.06

    def _move_legend_off_the_points(self) -> None:
        """Put the legend in the corner where it covers the fewest markers and lines.

        Sloping polylines of a few points each: a vanishing gradient leaves the top left
        free, an exploding one the top right.
        """
        legend = self.plot_item.legend
        view = self.view_box.sceneBoundingRect()
        if (legend is None or not legend.isVisible() or not legend.items
                or view.width() < 20 or view.height() < 20):
            return
        xs, ys = [], []
        for curve in self._curves.values():
            x, y = curve.getData()  # as displayed: log10 of the norms
            if x is None or not len(x):
                continue
            x, y = points_along_segments(x, y)
            xs.append(x)
            ys.append(y)
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        if not xs or x1 == x0 or y1 == y0:
            return
        x, y = np.concatenate(xs), np.concatenate(ys)
        points = (view.left() + (x - x0) / (x1 - x0) * view.width(),
                  view.top() + (y1 - y) / (y1 - y0) * view.height())
        corner = least_covered_corner(view, legend.width(), legend.height(), points,
                                      self._legend_corner)
        if corner != self._legend_corner:
            self._anchor_legend(corner)

    def _legend_visibility_changed(self) -> None:
        self._move_legend_off_the_points()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.zeros.apply_theme(theme)
        self._y_range = None  # set again with the new padding at the next frame
        for name in self._curves:
            self._style_curve(name)


def style_layer_curve(curve: pg.PlotDataItem, theme: Theme, colour: str, order: int) -> None:
    """A run's polyline over the layers: its colour, and the marker of its place among the
    runs."""
    curve.setPen(run_pen_of(theme, colour))
    curve.setSymbol(RUN_SYMBOLS[order % len(RUN_SYMBOLS)])
    curve.setSymbolSize(theme.marker_size)
    curve.setSymbolBrush(QColor(colour))
    # a rim in the background colour keeps a marker apart from a line behind it
    curve.setSymbolPen(plain_pen(theme.background, 1.5))


# -- the hidden outputs at zero ----------------------------------------------------------------

def hidden_zero_shares(run: RunFrame, n_hidden: int) -> tuple[np.ndarray, np.ndarray]:
    """(layers, shares) of ``run`` at the epoch on show: hidden layer l = 1 … n_hidden and
    the share of its outputs that are exactly 0, leaving out what is not known (NaN,
    missing)."""
    layers = np.arange(1, n_hidden + 1, dtype=float)
    shares = np.array([run.value(zero_share_column(layer)) for layer in range(1, n_hidden + 1)],
                      dtype=float)
    keep = np.isfinite(shares)
    return layers[keep], shares[keep]


class HiddenZeroPlot(FittedAxisLabels, PlotView):
    """The share of each hidden layer's outputs that are exactly 0 at the epoch on show, in
    per cent: one polyline with markers per run, as in the gradient plot above it (which
    names the runs). A ReLU unit outputs 0 wherever z < 0, about half the time from the
    start; for that sample it passes no gradient back, and a unit that is 0 for every sample
    has stopped learning. Sigmoid and tanh units are practically never exactly 0."""

    slug = "hidden-zeros"
    fits_axis_labels = True

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._curves: dict[str, pg.PlotDataItem] = {}
        self._run_styles: dict[str, tuple[str, int]] = {}
        self._n_hidden: int | None = None
        self.plot_item.disableAutoRange()
        self.plot_item.setXRange(0.5, 1.5, padding=0)
        self.plot_item.setYRange(0.0, 1.0, padding=0.1)
        # 0, 50 and 100 (%, said by the label): a short plot has room for no more, and a
        # narrow one for no "100%" beside the label
        self.plot_item.getAxis("left").setTicks(
            [[(share, f"{share * 100:.0f}") for share in (0.0, 0.5, 1.0)], []])
        # layer l's outputs are those of the gradient plot's weight layer l: one numbering;
        # the short label fits beside the gradients in a projector's quarter screen
        self.plot_item.setLabel("bottom", self.tr("layer"))
        self.plot_item.setLabel("left", self.tr("outputs at 0 (%)"))
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Hidden outputs at zero (%)")

    def curve(self, run_name: str) -> pg.PlotDataItem | None:
        """The persistent polyline of ``run_name`` (None if never drawn)."""
        return self._curves.get(run_name)

    def update_frame(self, frame: LabFrame) -> None:
        n_hidden = max(len(frame.layers) - 2, 0)
        if n_hidden != self._n_hidden:
            self._n_hidden = n_hidden
            count = max(n_hidden, 1)
            self.plot_item.getAxis("bottom").setTicks(
                [[(float(layer), str(layer)) for layer in range(1, count + 1)], []])
            self.plot_item.setXRange(0.5, count + 0.5, padding=0)
        shown = set()
        for order, run in enumerate(frame.runs):
            curve = self._curves.get(run.name)
            if curve is None:
                curve = self._curves[run.name] = pg.PlotDataItem(antialias=True)
                self.plot_item.addItem(curve)
            if self._run_styles.get(run.name) != (run.colour, order):
                self._run_styles[run.name] = (run.colour, order)
                style_layer_curve(curve, self.theme, run.colour, order)
            curve.setData(*hidden_zero_shares(run, n_hidden))
            shown.add(run.name)
        for name in self._curves.keys() - shown:
            curve = self._curves[name]
            if curve.xData is not None and len(curve.xData):
                curve.setData([], [])

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for name, (colour, order) in self._run_styles.items():
            style_layer_curve(self._curves[name], theme, colour, order)


def least_covered_corner(view: QRectF, width: float, height: float,
                         points: tuple[np.ndarray, np.ndarray],
                         current: tuple[int, int]) -> tuple[int, int]:
    """The corner of ``view`` (one of LEGEND_CORNERS) where a box of ``width`` × ``height``,
    LEGEND_MARGIN from the edges, covers the fewest ``points`` (scene x and y); ``current``
    while no corner covers fewer than it does, so the legend does not wander."""
    px, py = points

    def covered(corner: tuple[int, int]) -> int:
        box = corner_box(view, corner, width, height)
        return int(np.count_nonzero((px >= box.left()) & (px <= box.right())
                                    & (py >= box.top()) & (py <= box.bottom())))

    here = covered(current)
    if here == 0:
        return current
    best = min(LEGEND_CORNERS, key=covered)
    return best if covered(best) < here else current
