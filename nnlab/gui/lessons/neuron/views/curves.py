"""The one-neuron lesson's learning curves against the epoch: the cost, the output and the
size of the gradient. Each run is drawn in its cost's colour and, with several starts, in its
start's line style (see :mod:`.run_style`)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QWidget

from nnlab.app.frames import NeuronFrame, RunFrame
from nnlab.gui.theme import Theme
from nnlab.gui.text import fill, format_number
from nnlab.gui.views.base import (
    BoundedTicksAxis, DecadeAxis, EpochAxis, cache_pictures, decade_range, font_of,
    literal_format, max_finite, nice_upper, plain_pen, run_pen,
)
from nnlab.gui.views.epoch_plot import EpochPlot, Series
from nnlab.gui.lessons.neuron.views.notation import DC_DB, DC_DW
from nnlab.gui.lessons.neuron.views.run_style import (
    run_colour, run_cost, run_pen_style, run_symbol, several_starts,
)


class NeuronEpochPlot(EpochPlot):
    """A plot of the lesson's runs against the epoch: each in its cost's colour, and a run
    of one of several starts in that start's line style (its lone first point in that
    start's marker)."""

    def _pen_for(self, run_name: str, series: Series):
        style = run_pen_style(run_name) if several_starts(run_name) else series.style
        return run_pen(self.theme, run_cost(run_name), 1.0, style)

    def _mark_lone_point(self, curve: pg.PlotDataItem, run: RunFrame, lone: bool) -> None:
        marked = curve.opts.get("symbol") is not None
        super()._mark_lone_point(curve, run, lone)
        if lone and not marked and several_starts(run.name):
            curve.setSymbolBrush(pg.mkBrush(run_colour(self.theme, run.name)))
            curve.setSymbol(run_symbol(run.name, 0))


class CostPlot(NeuronEpochPlot):
    """The cost C of each run against the epoch."""

    slug = "cost"
    series = (Series("cost", "cost"),)
    legend_above = True
    fits_axis_labels = True

    @property
    def title(self) -> str:
        return self.tr("Cost")

    def y_label(self) -> str:
        return self.tr("cost C")

    def y_range_for(self, frame: NeuronFrame) -> tuple[float, float] | None:
        """From 0 to a round number above every cost of the runs and their common start:
        right before the first epoch arrives, so the axis need not change when it does."""
        columns = [run.columns["cost"] for run in frame.runs if run.index >= 0]
        for run in frame.runs:  # each run's own start
            start = frame.start_state(run.name)
            if start is not None:
                columns.append(np.array([start.cost]))
        top = max_finite(columns)
        if top is None:
            return None
        return 0.0, nice_upper(top)


class OutputPlot(NeuronEpochPlot):
    """The output a of each run against the epoch, and the target y as a dashed line.

    The target's label lies on the far side of the line from the outputs (below y = 0,
    above y = 1; a sigmoid's output never gets there), in a band the y axis adds for it
    without ticks: it never sits on a curve."""

    slug = "output"
    series = (Series("a", "a"),)
    legend_above = True
    fits_axis_labels = True

    def _axis_items(self) -> dict[str, pg.AxisItem]:
        return {"left": BoundedTicksAxis(orientation="left"),
                "bottom": EpochAxis(orientation="bottom")}

    def _create_items(self) -> None:
        self._target_y: float | None = None
        self._label_below = True
        self.target_line = pg.InfiniteLine(
            angle=0, movable=False, label="",
            labelOpts={"position": 0.02, "anchors": [(0.0, 0.0), (0.0, 0.0)]})
        self.target_line.setZValue(40)
        self.plot_item.addItem(self.target_line, ignoreBounds=True)
        cache_pictures(self.target_line)  # still while the curves move past it each frame
        # the band for the label depends on the plot's height in pixels
        self.view_box.sigResized.connect(self._refit_y_range)

    @property
    def title(self) -> str:
        return self.tr("Output")

    def y_label(self) -> str:
        return self.tr("output a")

    def update_frame(self, frame: NeuronFrame) -> None:
        if frame.y != self._target_y:
            self._target_y = frame.y
            # on the side of the line away from the outputs, which lie in (0, 1)
            self._label_below = frame.y < 0.5
            anchor = (0.0, 0.0) if self._label_below else (0.0, 1.0)
            self.target_line.label.anchors = [anchor, anchor]
            self.target_line.setPos(frame.y)
            self.target_line.label.setFormat(
                literal_format(fill(self.tr("target y = %1"), format_number(frame.y))))
        super().update_frame(frame)

    def _legend_obstacles(self) -> list[QRectF]:
        label = self.target_line.label
        return [label.sceneBoundingRect()] if label.isVisible() and label.format else []

    def y_range_for(self, frame: NeuronFrame) -> tuple[float, float] | None:
        # a = σ(z) lies in (0, 1): a fixed axis shows how far the output still is from y;
        # ticks only there, the band for the target's label beyond it has none
        low, high = min(0.0, frame.y), max(1.0, frame.y)
        self.plot_item.getAxis("left").tick_limits = (low, high)
        band = self._label_band(high - low)
        return (low - band, high) if self._label_below else (low, high + band)

    def _label_band(self, span: float) -> float:
        """The room the target's label takes beyond the line, in units of a, for the
        plot's current height (the axis padding adds its share on top)."""
        pixels = self.view_box.height()
        label = self.target_line.label.boundingRect().height() + 2
        if pixels <= 2 * label:
            return 0.0
        return span * label / (pixels - label)

    def _refit_y_range(self, *_) -> None:
        if self._target_y is None:
            return
        low, high = min(0.0, self._target_y), max(1.0, self._target_y)
        band = self._label_band(high - low)
        y_range = (low - band, high) if self._label_below else (low, high + band)
        if y_range != self._y_range:
            self._y_range = y_range
            self.plot_item.setYRange(*y_range, padding=self._y_padding())

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.target_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.75,
                                          Qt.PenStyle.DashLine))
        self.target_line.label.setColor(theme.foreground)
        self.target_line.label.setFont(font_of(theme, 0.9))
        self._refit_y_range()


def _absolute(values: np.ndarray) -> np.ndarray:
    return np.abs(values)


ONE_START_SERIES = (
    Series("dC_dw", "dC_dw", Qt.PenStyle.SolidLine, _absolute),
    Series("dC_db", "dC_db", Qt.PenStyle.DashLine, _absolute),
)
SEVERAL_STARTS_SERIES = ONE_START_SERIES[1:]


class GradientPlot(NeuronEpochPlot):
    """|∂C/∂w| (solid) and |∂C/∂b| (dashed) of each run on a log axis: the learning speed.

    With several starts the line style is the start's, and only |∂C/∂b| is drawn:
    |∂C/∂w| = |x|·|∂C/∂b| is the same curve moved by log |x| on the log axis, and two
    curves per run in a style each could not be told apart from the starts' styles."""

    slug = "gradient"
    positive_only = True
    legend_above = True
    fits_axis_labels = True
    series = ONE_START_SERIES
    # The legend names each run once (by its solid curve) and the two line styles once:
    # four short entries instead of four long ones, on one row where the plot is wide enough
    # and otherwise the line styles above the runs.
    _STYLE_ENTRIES = (("dC_dw", f"|{DC_DW}|", Qt.PenStyle.SolidLine),
                      ("dC_db", f"|{DC_DB}|", Qt.PenStyle.DashLine))

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.plot_item.setLogMode(x=False, y=True)
        self.plot_item.setYRange(-3, 0, padding=self._y_padding())

    def _create_items(self) -> None:
        # samples only: these items are never added to the plot
        self._style_samples = {key: pg.PlotDataItem() for key, _, _ in self._STYLE_ENTRIES}
        self._several_starts = True
        self._show_series_for(several=False)

    def _show_series_for(self, several: bool) -> None:
        """Both gradients in their styles for one start; |∂C/∂b| alone for several (the
        curves of the other series go, and the line styles leave the legend)."""
        if several == self._several_starts:
            return
        self._several_starts = several
        self.series = SEVERAL_STARTS_SERIES if several else ONE_START_SERIES
        keys = {series.key for series in self.series}
        for key in [key for key in self._curves if key[1] not in keys]:
            self._hide(key)
            self.plot_item.removeItem(self._curves.pop(key))
        legend = self.plot_item.legend
        for key, text, _ in self._STYLE_ENTRIES:
            sample = self._style_samples[key]
            if several:
                legend.removeItem(sample)
            elif legend.getLabel(sample) is None:
                legend.addItem(sample, text)
        self.plot_item.setLabel("left", self.y_label())
        self.arrange_legend()
        if self.fits_axis_labels:
            self.fit_axis_labels()

    def update_frame(self, frame: NeuronFrame) -> None:
        self._show_series_for(several=len(frame.start_points) > 1)
        super().update_frame(frame)

    def legend_label(self, run: RunFrame, series: Series) -> str | None:
        # each run once, by the first of the series drawn (|∂C/∂w|, or |∂C/∂b| alone)
        first = series.key == self.series[0].key
        return super().legend_label(run, series) if first else None

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for key, _, style in self._STYLE_ENTRIES:
            self._style_samples[key].setPen(plain_pen(theme.foreground, theme.line_width,
                                                      style))

    def _axis_items(self) -> dict[str, pg.AxisItem]:
        return {"left": DecadeAxis(orientation="left"), "bottom": EpochAxis(orientation="bottom")}

    @property
    def title(self) -> str:
        return self.tr("Learning speed")

    def y_label(self) -> str:
        if getattr(self, "_several_starts", False):
            return f"|{DC_DB}|"  # a formula, the same in every language (see .notation)
        return self.tr("|∂C/∂w|, |∂C/∂b|")

    def _curve_for(self, run: RunFrame, series: Series) -> pg.PlotDataItem:
        curve = super()._curve_for(run, series)
        curve.setLogMode(False, True)
        return curve

    def y_range_for(self, frame: NeuronFrame) -> tuple[float, float] | None:
        """Whole decades (log10 units) around every positive, finite gradient of the runs."""
        columns = [series.column for series in self.series]
        return decade_range(np.abs(run.sample(column)) for run in frame.runs
                            if run.index >= 0 for column in columns)
