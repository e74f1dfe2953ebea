"""Learning curves against the epoch: the cost, the output and the size of the gradient.

Each plot holds one persistent curve per run (and per series) that is fed with ``setData``
from the frame; nothing is cleared and re-plotted per frame. Curves are clipped to the
visible epochs and peak-downsampled to the pixel width, so a 10⁵-row history redraws in a
few milliseconds. A curve shows its run up to the epoch on show (``RunFrame.upto``): moving
the timeline back hides the future, and a vertical line marks that epoch.

The module also holds :class:`PlotView`, the pyqtgraph plumbing the other plot views share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from nnlab.gui.frame import LessonFrame, RunFrame
from nnlab.gui.theme import NORMAL, Theme, style_plot, theme_font
from nnlab.gui.views.breakdown import format_number

#: Symbols that tell the runs apart without colour (first run, second run, …).
RUN_SYMBOLS = ("o", "s", "t", "d", "star")

#: Curves with more rows than this are drawn without antialiasing (see update_frame).
ANTIALIAS_MAX_ROWS = 5000

#: At most this many decades of |∂C/∂w| are shown below the largest value on the log axis:
#: a gradient that underflows towards 10⁻³⁰⁰ must not squash the lesson's 10⁻² … 10⁰.
MAX_GRADIENT_DECADES = 12


def font_of(theme: Theme, scale: float = 1.0, bold: bool = False) -> QFont:
    """The theme's font (the application's family), scaled."""
    font = theme_font(theme, bold)
    font.setPointSizeF(max(1.0, theme.font_point_size * scale))
    return font


def run_pen(theme: Theme, name: str, width_scale: float = 1.0,
            style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """The run's cosmetic pen from the theme, at least one pixel wide, in ``style``."""
    pen = theme.pen(name, max(width_scale, 1.0 / theme.line_width))
    pen.setStyle(style)
    return pen


def plain_pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color))
    pen.setCosmetic(True)
    pen.setWidthF(max(1.0, width))
    pen.setStyle(style)
    return pen


def literal_format(text: str) -> str:
    """``text`` as an InfLineLabel format that shows it as it is (braces escaped)."""
    return text.replace("{", "{{").replace("}", "}}")


def translucent(color: QColor, alpha: int) -> QColor:
    color = QColor(color)
    color.setAlpha(alpha)
    return color


class PlotView(QWidget):
    """A QWidget holding one pyqtgraph PlotWidget, themed as a whole."""

    slug = ""

    def __init__(self, parent: QWidget | None = None,
                 axis_items: dict[str, pg.AxisItem] | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(axisItems=axis_items)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        self.view_box: pg.ViewBox = self.plot_item.getViewBox()
        self.plot_item.hideButtons()  # the "A" button is clutter on a projector
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self.theme: Theme = NORMAL
        for name in ("left", "bottom"):
            # major and minor grid lines, not the third level: the translucent grid is most
            # of a repaint's cost, and the finest lines only add clutter on a projector
            self.plot_item.getAxis(name).setStyle(maxTickLevel=1)

    @property
    def title(self) -> str:
        raise NotImplementedError

    def export_widget(self) -> QWidget:
        return self

    def context_menus(self) -> list[QMenu]:
        """pyqtgraph takes the right mouse button itself: the menus the window extends."""
        return [self.view_box.menu]

    def apply_theme(self, theme: Theme) -> None:
        # No title inside the plot: the axis labels say what is drawn, slides bring their
        # own titles, and at projector size a title row costs a tenth of the height.
        self.theme = theme
        style_plot(self.plot_widget, theme)
        self.plot_item.showGrid(x=True, y=True, alpha=theme.grid_alpha)


@dataclass(frozen=True)
class Series:
    """One curve per run: which column, how it is transformed and how it is drawn."""

    key: str
    column: str
    style: Qt.PenStyle = Qt.PenStyle.SolidLine
    transform: Callable[[np.ndarray], np.ndarray] | None = None


class EpochPlot(PlotView):
    """A plot of columns against the epoch, with a legend and a marker at the shown epoch.

    Subclasses name their ``series`` and axis labels; ``positive_only`` plots (log axes)
    drop the values a logarithm cannot show.
    """

    positive_only = False

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, self._axis_items())
        #: the plots whose epoch axis follows this one's (see link_epoch_axes)
        self.linked_epoch_plots: list[EpochPlot] = []
        self._curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self._legend_text: dict[tuple[str, str], str] = {}
        self._epochs_shown: int | None = None
        self._y_range: tuple[float, float] | None = None
        self.plot_item.addLegend(offset=(-8, 8))
        self.epoch_marker = pg.InfiniteLine(angle=90, movable=False)
        self.epoch_marker.setZValue(50)
        self.plot_item.addItem(self.epoch_marker, ignoreBounds=True)
        # the x range is set from the experiment's epochs: curves grow into a fixed axis,
        # which is also what lets clipToView clip (it does nothing while x auto-ranges)
        self.plot_item.disableAutoRange()
        self.plot_item.setXRange(0, 1, padding=0.02)
        # the plot's own settings too, so its context menu shows them and keeps them
        self.plot_item.setClipToView(True)
        self.plot_item.setDownsampling(auto=True, mode="peak")
        self.plot_item.setLabel(
            "bottom", QCoreApplication.translate("EpochPlot", "epoch"))
        self.plot_item.setLabel("left", self.y_label())
        self._create_items()
        self.apply_theme(theme if theme is not None else NORMAL)

    # -- what subclasses define ------------------------------------------------------------
    series: Sequence[Series] = ()

    def y_label(self) -> str:
        raise NotImplementedError

    def _axis_items(self) -> dict[str, pg.AxisItem] | None:
        return None

    def _create_items(self) -> None:
        """Items a subclass adds to the plot, created once (before the theme is applied)."""

    def legend_label(self, run: RunFrame, series: Series) -> str | None:
        """The curve's legend entry; None: none (another series names the run)."""
        return run.label

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
        """The y range to show for the whole runs (not just up to the shown epoch, so that
        scrubbing the timeline does not make the axis jump); None: leave it as it is."""
        return None

    # -- drawing ---------------------------------------------------------------------------
    def curve(self, run_name: str, key: str) -> pg.PlotDataItem | None:
        """The persistent curve of ``run_name``'s series ``key`` (None if never drawn)."""
        return self._curves.get((run_name, key))

    def _curve_for(self, run: RunFrame, series: Series) -> pg.PlotDataItem:
        key = (run.name, series.key)
        curve = self._curves.get(key)
        if curve is None:
            curve = pg.PlotDataItem(
                pen=self._pen_for(run.name, series),
                antialias=True,
                # connect="all" with skipFiniteCheck: the finiteness scan of 10⁵ points per
                # frame is skipped; _drawable() guarantees finite data
                connect="all",
                skipFiniteCheck=True,
                # one min/max pair per pixel column draws the same picture as pyqtgraph's
                # default of five, with a fifth of the points to stroke
                autoDownsampleFactor=1.0,
            )
            self.plot_item.addItem(curve)
            # after addItem, which hands every item the plot's own (menu) settings
            curve.setClipToView(True)
            curve.setDownsampling(auto=True, method="peak")
            self._curves[key] = curve
        return curve

    def _pen_for(self, run_name: str, series: Series) -> QPen:
        return run_pen(self.theme, run_name, 1.0, series.style)

    def _show_in_legend(self, key: tuple[str, str], curve: pg.PlotDataItem,
                        text: str | None) -> None:
        legend = self.plot_item.legend
        current = self._legend_text.get(key)
        if current == text:
            return
        if text is None:
            legend.removeItem(curve)
            del self._legend_text[key]
            return
        if current is None:
            legend.addItem(curve, text)
        else:
            label = legend.getLabel(curve)
            if label is not None:
                label.setText(text)
        self._legend_text[key] = text

    def _hide(self, key: tuple[str, str]) -> None:
        curve = self._curves[key]
        if curve.xData is not None:
            curve.setData([], [])
        if self._legend_text.pop(key, None) is not None:
            self.plot_item.legend.removeItem(curve)

    def _drawable(self, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """x and y with nothing a cheap renderer would choke on.

        Only a diverged run has non-finite values, and only in its last row, so checking
        that row keeps the per-frame cost O(1); log plots drop non-positive values too.
        """
        if self.positive_only:
            keep = (y > 0.0) & (y < math.inf)
            if not keep.all():
                return x[keep], y[keep]
            return x, y
        if len(y) and not (math.isfinite(y[-1]) and math.isfinite(x[-1])):
            keep = np.isfinite(x) & np.isfinite(y)
            return x[keep], y[keep]
        return x, y

    def update_frame(self, frame: LessonFrame) -> None:
        shown = set()
        for run in frame.runs:
            for series in self.series:
                key = (run.name, series.key)
                curve = self._curve_for(run, series)
                x = run.upto("epoch")
                y = run.upto(series.column)
                if series.transform is not None:
                    y = series.transform(y)
                x, y = self._drawable(x, y)
                # smooth lines for the lesson's hundreds of epochs; a long run, drawn as a
                # dense min/max band anyway, repaints twice as fast without
                curve.setData(x, y, antialias=len(x) <= ANTIALIAS_MAX_ROWS)
                self._show_in_legend(key, curve, self.legend_label(run, series))
                shown.add(key)
        for key in self._curves.keys() - shown:
            self._hide(key)
        self.epoch_marker.setPos(frame.shown_epoch)
        epochs = max(int(frame.epochs), 1)
        if epochs != self._epochs_shown:
            self._epochs_shown = epochs
            self.plot_item.setXRange(0, epochs, padding=0.02)
        y_range = self.y_range_for(frame)
        if y_range is not None and y_range != self._y_range:
            self._y_range = y_range
            self.plot_item.setYRange(*y_range, padding=self._y_padding())

    def _y_padding(self) -> float:
        # room for half a tick label beyond the end ticks, or pyqtgraph drops those labels
        return 0.1 if self.theme.font_point_size >= 16 else 0.05

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._y_range = None  # set again with the new padding at the next frame
        self.epoch_marker.setPen(plain_pen(theme.foreground, max(1.0, theme.line_width / 2),
                                           Qt.PenStyle.DashLine))
        by_key = {s.key: s for s in self.series}
        for (run_name, key), curve in self._curves.items():
            curve.setPen(self._pen_for(run_name, by_key[key]))


def _max_finite(columns: Iterable[np.ndarray]) -> float | None:
    best = None
    for values in columns:
        if len(values) and not math.isfinite(values[-1]):  # a diverged run's last row
            values = values[np.isfinite(values)]
        if len(values):
            top = float(values.max())
            best = top if best is None else max(best, top)
    return best


def nice_upper(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ not below ``value``: stable axis ends."""
    if value <= 0 or not math.isfinite(value):
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        candidate = step * 10.0 ** exponent
        if candidate >= value * (1 - 1e-12):
            return candidate
    return 10.0 ** (exponent + 1)


class CostPlot(EpochPlot):
    """The cost C of each run against the epoch."""

    slug = "cost"
    series = (Series("cost", "cost"),)

    @property
    def title(self) -> str:
        return self.tr("Cost")

    def y_label(self) -> str:
        return self.tr("cost C")

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
        top = _max_finite(run.columns["cost"] for run in frame.runs if run.index >= 0)
        if top is None:
            return None
        return 0.0, nice_upper(top)


class OutputPlot(EpochPlot):
    """The output a of each run against the epoch, and the target y as a dashed line."""

    slug = "output"
    series = (Series("a", "a"),)

    def _create_items(self) -> None:
        self._target_y: float | None = None
        # the label sits at the left end: there the outputs are still far from the target
        self.target_line = pg.InfiniteLine(
            angle=0, movable=False, label="",
            labelOpts={"position": 0.02, "anchors": [(0.0, 1.0), (0.0, 1.0)]})
        self.target_line.setZValue(40)
        self.plot_item.addItem(self.target_line, ignoreBounds=True)

    @property
    def title(self) -> str:
        return self.tr("Output")

    def y_label(self) -> str:
        return self.tr("output a")

    def update_frame(self, frame: LessonFrame) -> None:
        if frame.y != self._target_y:
            self._target_y = frame.y
            # above the line, unless the line is at the top of the axis
            anchor = (0.0, 0.0) if frame.y >= 0.5 else (0.0, 1.0)
            self.target_line.label.anchors = [anchor, anchor]
            self.target_line.setPos(frame.y)
            self.target_line.label.setFormat(
                literal_format(self.tr("target y = %1").replace("%1", format_number(frame.y))))
        super().update_frame(frame)

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
        # a = σ(z) lies in (0, 1): a fixed axis shows how far the output still is from y
        return min(0.0, frame.y), max(1.0, frame.y)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.target_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.75,
                                          Qt.PenStyle.DashLine))
        self.target_line.label.setColor(theme.foreground)
        self.target_line.label.setFont(font_of(theme, 0.9))


def _absolute(values: np.ndarray) -> np.ndarray:
    return np.abs(values)


class GradientPlot(EpochPlot):
    """|∂C/∂w| (solid) and |∂C/∂b| (dashed) of each run on a log axis: the learning speed."""

    slug = "gradient"
    positive_only = True
    series = (
        Series("dC_dw", "dC_dw", Qt.PenStyle.SolidLine, _absolute),
        Series("dC_db", "dC_db", Qt.PenStyle.DashLine, _absolute),
    )
    # The legend names each run once (by its solid curve) and the two line styles once, in
    # two columns: four short entries instead of four long ones.
    _STYLE_ENTRIES = (("dC_dw", "|∂C/∂w|", Qt.PenStyle.SolidLine),
                      ("dC_db", "|∂C/∂b|", Qt.PenStyle.DashLine))

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.plot_item.setLogMode(x=False, y=True)
        self.plot_item.setYRange(-3, 0, padding=self._y_padding())

    def _create_items(self) -> None:
        legend = self.plot_item.legend
        legend.setColumnCount(2)
        # samples only: these items are never added to the plot
        self._style_samples = {key: pg.PlotDataItem() for key, _, _ in self._STYLE_ENTRIES}
        for key, text, _ in self._STYLE_ENTRIES:
            legend.addItem(self._style_samples[key], text)

    def legend_label(self, run: RunFrame, series: Series) -> str | None:
        return run.label if series.key == "dC_dw" else None

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for key, _, style in self._STYLE_ENTRIES:
            self._style_samples[key].setPen(plain_pen(theme.foreground, theme.line_width,
                                                      style))

    def _axis_items(self) -> dict[str, pg.AxisItem]:
        return {"left": DecadeAxis(orientation="left")}

    @property
    def title(self) -> str:
        return self.tr("Learning speed")

    def y_label(self) -> str:
        return self.tr("|∂C/∂w|, |∂C/∂b|")

    def _curve_for(self, run: RunFrame, series: Series) -> pg.PlotDataItem:
        curve = super()._curve_for(run, series)
        curve.setLogMode(False, True)
        return curve

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
        """Whole decades (log10 units) around every positive, finite gradient of the runs."""
        low = high = None
        for run in frame.runs:
            if run.index < 0:
                continue
            for column in ("dC_dw", "dC_db"):
                values = np.abs(run.columns[column])
                values = values[(values > 0.0) & (values < math.inf)]
                if not len(values):
                    continue
                lo, hi = float(values.min()), float(values.max())
                low = lo if low is None else min(low, lo)
                high = hi if high is None else max(high, hi)
        if low is None:
            return None
        top = math.ceil(math.log10(high))
        bottom = max(math.floor(math.log10(low)), top - MAX_GRADIENT_DECADES)
        return float(min(bottom, top - 1)), float(top)


def link_epoch_axes(plots: Sequence[EpochPlot]) -> None:
    """Zooming or panning the epochs of one plot shows the same epochs in the others.

    The range is copied as it is. (pyqtgraph's own setXLink lines linked views up pixel by
    pixel when they overlap on screen; with left axes of different widths that shifts the
    range, and a plot in the dashboard would lose epoch 0 off its left edge.)
    """
    plots = list(plots)
    copying = False

    def copy_range(source: pg.ViewBox, x_range) -> None:
        nonlocal copying
        if copying:
            return
        copying = True
        try:
            x0, x1 = source.viewRange()[0]
            for plot in plots:
                if plot.view_box is not source and plot.view_box.viewRange()[0] != [x0, x1]:
                    plot.view_box.setXRange(x0, x1, padding=0)
        finally:
            copying = False

    for plot in plots:
        plot.linked_epoch_plots = [other for other in plots if other is not plot]
        plot.view_box.sigXRangeChanged.connect(copy_range)


_SUPERSCRIPT_DIGITS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def decade_label(exponent: int) -> str:
    """10^exponent as people write it: 0.001 … 1000, beyond that 10⁻⁸, 10⁶."""
    if -3 <= exponent <= 3:
        return format_number(10.0 ** exponent)
    return "10" + str(exponent).translate(_SUPERSCRIPT_DIGITS)


class DecadeAxis(pg.AxisItem):
    """A log axis labelled at whole decades only: "0.01, 0.1, 1" instead of pyqtgraph's
    crowd of "0.02 0.03 … 0.09" labels on the minor ticks."""

    def logTickStrings(self, values, scale, spacing):
        labels = []
        for value in values:
            exponent = round(value)
            whole = abs(value - exponent) < 1e-9
            labels.append(decade_label(int(exponent)) if whole else "")
        return labels
