"""A plot of values against the epoch, one persistent curve per run and series.

Each curve is fed with ``setData`` from the frame; nothing is cleared and re-plotted per
frame. A curve draws at most about one evenly spaced row of its run per pixel
(``frames.drawn_rows``), so a 10⁵-row history redraws as fast as the lesson's 300 epochs. A
curve shows its run up to the epoch on show (``RunFrame.upto``): moving the timeline back
hides the future, and a vertical line marks that epoch.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsView, QWidget

from nnlab.app.frames import NeuronFrame, RunFrame, drawn_rows, evenly_spaced_rows
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import (
    LEGEND_CORNERS, LEGEND_MARGIN, LEGEND_MOVE_MIN_POINTS, LEGEND_MOVE_RATIO, LEGEND_ROW_GAP,
    LONE_POINT_SCALE, RUN_SYMBOLS, EpochAxis, PlotView, corner_box, draft_pen, plain_pen, run_pen,
    points_along_segments,
)

SPARSE_CURVE_POINTS = 64
"""A curve of at most this many points is counted along its segments too when the legend
picks its corner (see points_along_segments); a longer one is dense enough as it is."""


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
    drop the values a logarithm cannot show. With ``legend_above`` the legend sits in a row
    of its own above the plot, where no curve can run under it (the row is there only while
    the legend is shown); otherwise it sits in the corner that hides the fewest points.
    A curve of a single row (epoch 0) is drawn as a marker.

    While training runs (``frame.training``) the curves are drawn as drafts: without
    antialiasing and with flat ends and bevelled corners. Two plots of four 400-point curves
    2 px wide took 3.2–3.7 ms each to paint with round ends and corners and no antialiasing,
    1.1–1.6 ms as drafts, and an antialiased line costs several times a plain one; on a
    moving curve 2 px wide the difference does not show. The still picture (paused,
    finished, scrubbed) and every export are smooth.
    """

    positive_only = False
    legend_above = False

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, self._axis_items())
        #: the plots whose epoch axis follows this one's (see link_epoch_axes)
        self.linked_epoch_plots: list[EpochPlot] = []
        self._curves: dict[tuple[str, str], pg.PlotDataItem] = {}
        self._smooth = True  # antialiased curves (False while training runs)
        self._legend_text: dict[tuple[str, str], str] = {}
        self._epochs_shown: int | None = None
        self._run_names: list[str] = []
        self._y_range: tuple[float, float] | None = None
        self._legend_corner = LEGEND_CORNERS[0]
        self._legend_row_height = 0.0
        legend = self.plot_item.addLegend(offset=(-LEGEND_MARGIN, LEGEND_MARGIN))
        if self.legend_above:
            # in the title row of the plot item (these plots have no title), right-aligned
            # with the plot: outside the view box, which would clip it
            legend.setParentItem(self.plot_item)
            legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-1, LEGEND_ROW_GAP))
        # the curves and the epoch marker change across the whole plot every frame: one
        # rectangle round all that changed repaints faster than pyqtgraph's many small ones
        self.plot_widget.setViewportUpdateMode(
            QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.epoch_marker = pg.InfiniteLine(angle=90, movable=False)
        self.epoch_marker.setZValue(50)
        self.plot_item.addItem(self.epoch_marker, ignoreBounds=True)
        # the x range is set from the experiment's epochs: curves grow into a fixed axis,
        # and the axis is not redrawn every frame
        self.plot_item.disableAutoRange()
        self.plot_item.setXRange(0, 1, padding=0.02)
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
        return {"bottom": EpochAxis(orientation="bottom")}

    def _create_items(self) -> None:
        """Items a subclass adds to the plot, created once (before the theme is applied)."""

    def legend_label(self, run: RunFrame, series: Series) -> str | None:
        """The curve's legend entry; None: none (another series names the run, or the run
        has nothing drawn yet)."""
        return run.label if run.index >= 0 else None

    def y_range_for(self, frame: NeuronFrame) -> tuple[float, float] | None:
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
                pen=self._curve_pen(run.name, series),
                antialias=self._smooth,
                # connect="all" with skipFiniteCheck: no finiteness scan per frame;
                # _drawable() guarantees finite data
                connect="all",
                skipFiniteCheck=True,
            )
            # one polyline, not a line per segment (pyqtgraph's choice for wide plain
            # pens): with a draft's flat ends that is the cheaper of the two
            curve.curve.opts["segmentedLineMode"] = "off"
            self.plot_item.addItem(curve)
            self._curves[key] = curve
        return curve

    def _pen_for(self, run_name: str, series: Series) -> QPen:
        return run_pen(self.theme, run_name, 1.0, series.style)

    def _curve_pen(self, run_name: str, series: Series) -> QPen:
        """The series' pen, as a draft while training runs (see the class)."""
        pen = self._pen_for(run_name, series)
        return pen if self._smooth else draft_pen(pen)

    def _show_in_legend(self, key: tuple[str, str], curve: pg.PlotDataItem,
                        text: str | None) -> None:
        self._set_legend_entry(self._legend_text, key, curve, text)

    def _hide(self, key: tuple[str, str]) -> None:
        curve = self._curves[key]
        if curve.xData is not None:
            curve.setData([], [])
        if self._legend_text.pop(key, None) is not None:
            self.plot_item.legend.removeItem(curve)
            self.arrange_legend()

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

    def _drawn_rows(self, run: RunFrame) -> slice | np.ndarray:
        """The rows of ``run`` to draw: those up to the epoch on show that are in view (the
        plot may be zoomed), thinned to about one per pixel."""
        epochs = run.columns["epoch"][: run.index + 1]
        (first, last), _ = self.view_box.viewRange()
        start = max(int(np.searchsorted(epochs, first)) - 1, 0)
        stop = min(int(np.searchsorted(epochs, last, side="right")) + 1, len(epochs))
        return evenly_spaced_rows(start, max(start, stop), drawn_rows(self.view_box.width()))

    def update_frame(self, frame: NeuronFrame) -> None:
        self._run_names = [run.name for run in frame.runs]
        epochs = max(int(frame.epochs), 1)
        if epochs != self._epochs_shown:  # first: the curves draw what is in view
            self._epochs_shown = epochs
            self.plot_item.setXRange(0, epochs, padding=0.02)
        self._set_smooth(not frame.training)
        shown = set()
        for run in frame.runs:
            rows = self._drawn_rows(run)  # the same rows for every series of the run
            run_epochs = run.columns["epoch"][rows]
            for series in self.series:
                key = (run.name, series.key)
                curve = self._curve_for(run, series)
                x = run_epochs
                y = run.columns[series.column][rows]
                if series.transform is not None:
                    y = series.transform(y)
                x, y = self._drawable(x, y)
                curve.setData(x, y)
                self._mark_lone_point(curve, run, len(x) == 1)
                self._show_in_legend(key, curve, self.legend_label(run, series))
                shown.add(key)
        for key in self._curves.keys() - shown:
            self._hide(key)
        self.epoch_marker.setPos(frame.shown_epoch)
        y_range = self.y_range_for(frame)
        if y_range is not None and y_range != self._y_range:
            self._y_range = y_range
            self.plot_item.setYRange(*y_range, padding=self._y_padding())
        self._show_legend_if_it_has_entries()
        self._move_legend_off_the_curves()

    def _mark_lone_point(self, curve: pg.PlotDataItem, run: RunFrame, lone: bool) -> None:
        """A marker in the run's colour and symbol on a curve of one point (epoch 0 before
        the first step), none on a longer curve."""
        if lone == (curve.opts.get("symbol") is not None):
            return
        if lone:
            order = next((i for i, other in enumerate(self._run_names)
                          if other == run.name), 0)
            curve.setSymbolSize(self.theme.marker_size * LONE_POINT_SCALE)
            curve.setSymbolBrush(pg.mkBrush(self.theme.run_color(run.name)))
            curve.setSymbolPen(plain_pen(self.theme.background, 1.0))
            curve.setSymbol(RUN_SYMBOLS[order % len(RUN_SYMBOLS)])
        else:
            curve.setSymbol(None)
        # the legend's sample draws the curve's style but is not told it changed
        for sample, _ in self.plot_item.legend.items:
            if sample.item is curve:
                sample.update()

    def _set_smooth(self, smooth: bool) -> None:
        """Smooth curves, or drafts while training runs (antialiasing follows at the next
        setData)."""
        if smooth != self._smooth:
            self._smooth = smooth
            self._restyle_curves()

    def _restyle_curves(self) -> None:
        by_key = {s.key: s for s in self.series}
        for (run_name, key), curve in self._curves.items():
            curve.opts["antialias"] = self._smooth
            curve.setPen(self._curve_pen(run_name, by_key[key]))
            if curve.opts.get("symbol") is not None:
                curve.setSymbolSize(self.theme.marker_size * LONE_POINT_SCALE)
                curve.setSymbolPen(plain_pen(self.theme.background, 1.0))

    @property
    def smooth(self) -> bool:
        """Whether the curves are drawn antialiased (not while training runs)."""
        return self._smooth

    def _legend_visibility_changed(self) -> None:
        self._move_legend_off_the_curves()

    def _show_legend_if_it_has_entries(self) -> None:
        # the legend names runs: with none drawn (the line styles alone) it says nothing
        legend = self.plot_item.legend
        shown = self._legend_visible and bool(self._legend_text)
        if legend.isVisible() != shown:
            legend.setVisible(shown)
        self._reserve_legend_row()

    def _reserve_legend_row(self) -> None:
        """Make the plot item's title row as tall as a legend shown above the plot, or
        nothing when none is."""
        if not self.legend_above:
            return
        legend = self.plot_item.legend
        height = legend.height() + 2 * LEGEND_ROW_GAP if legend.isVisible() else 0.0
        if height != self._legend_row_height:
            self._legend_row_height = height
            self.plot_item.layout.setRowFixedHeight(0, height)
            # at once, not at the next event: an export may draw right after a legend is
            # shown for it
            self.plot_item.layout.activate()

    def arrange_legend(self, *_) -> None:
        super().arrange_legend()
        if self.legend_above:
            self._reserve_legend_row()

    def _legend_available_width(self) -> float:
        if self.legend_above:  # the whole width of the plot item, axes included
            return self.plot_item.width() - 2
        return super()._legend_available_width()

    def _move_legend_off_the_curves(self) -> None:
        """Move the legend to the corner where it hides the fewest curve points (and no
        label), when the corner it is in hides many: its background hides what is under it."""
        legend = self.plot_item.legend
        view = self.view_box.sceneBoundingRect()
        if (self.legend_above or legend is None or not legend.isVisible() or not legend.items
                or view.width() < 20 or view.height() < 20):
            return
        xs, ys = [], []
        for curve in self._curves.values():
            x, y = curve.getData()  # as displayed: thinned, log-mapped
            if x is not None and len(x):
                if len(x) <= SPARSE_CURVE_POINTS:  # few epochs: long straight segments
                    x, y = points_along_segments(x, y)
                xs.append(x)
                ys.append(y)
        (x0, x1), (y0, y1) = self.view_box.viewRange()
        if x1 == x0 or y1 == y0:
            return
        x = np.concatenate(xs) if xs else np.empty(0)
        y = np.concatenate(ys) if ys else np.empty(0)
        px = view.left() + (x - x0) / (x1 - x0) * view.width()
        py = view.top() + (y1 - y) / (y1 - y0) * view.height()
        labels = [rect for rect in self._legend_obstacles() if rect.isValid()]
        width, height = legend.width(), legend.height()

        def hidden(corner: tuple[int, int]) -> int:
            box = corner_box(view, corner, width, height)
            points = np.count_nonzero((px >= box.left()) & (px <= box.right())
                                      & (py >= box.top()) & (py <= box.bottom()))
            # a label under the legend is worse than any length of curve
            return int(points) + len(px) * sum(box.intersects(rect) for rect in labels)

        here = hidden(self._legend_corner)
        if here < LEGEND_MOVE_MIN_POINTS:
            return
        best = min(LEGEND_CORNERS, key=hidden)
        if hidden(best) <= here * LEGEND_MOVE_RATIO:
            self._anchor_legend(best)

    def _legend_obstacles(self) -> list[QRectF]:
        """Scene rectangles of labels on the plot that the legend must not cover."""
        return []

    def _y_padding(self) -> float:
        # room for half a tick label beyond the end ticks, or pyqtgraph drops those labels
        return 0.1 if self.theme.font_point_size >= 16 else 0.05

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._y_range = None  # set again with the new padding at the next frame
        self.epoch_marker.setPen(plain_pen(theme.foreground, max(1.0, theme.line_width / 2),
                                           Qt.PenStyle.DashLine))
        self._restyle_curves()


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
