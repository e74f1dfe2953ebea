"""The cost C(w, b) as a map, one per run's cost, with the run's descent drawn on it.

For the lesson's single sample the cost depends on w and b only through z = w·x + b, so each
map is a valley (or a slope) along the lines w·x + b = const. The quadratic map is flat far
up the wrong side, where σ saturates: that flat plateau is where the quadratic run crawls,
while the cross-entropy map keeps falling steeply there.

With several starts there is still one map per cost: it shows every start (a star each) and
the descent of that cost's run from each, in the start's line style and marker (see
:mod:`.run_style`).
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QMenu, QVBoxLayout, QWidget

from nnlab.core.costs import sigmoid_output_cost
from nnlab.app.frames import NeuronFrame, RunFrame, drawn_rows
from nnlab.gui.theme import NORMAL, Theme, style_plot
from nnlab.gui.text import cost_label
from nnlab.gui.views.base import (
    cache_pictures, disable_si_prefix, font_of, plain_pen, translucent,
)
from nnlab.gui.lessons.neuron.views.run_style import (
    run_colour, run_cost, run_symbol, several_starts, start_pen,
)

SURFACE_POINTS = 161       # grid points per axis: 0.05 apart over the default [−4, 4]
DEFAULT_HALF_WIDTH = 4.0   # w, b ∈ [−4, 4] unless the start or a path lies further out
WINDOW_STEP = 2.0          # the window grows in steps of this, so it is rarely recomputed
WINDOW_MARGIN = 0.5
MAX_HALF_WIDTH = 50.0
CONTOUR_COUNT = 8
MAX_MAPS = 2
COLOR_MAP = "viridis"      # perceptually uniform, readable in greyscale and colour-blind safe


def cost_surface(cost: str, x: float, y: float, w: np.ndarray, b: np.ndarray) -> np.ndarray:
    """C at every (w[i], b[j]) for the sample (x, y): an array of shape (len(w), len(b)),
    the cost from core at z = w·x + b (ValueError for a cost core does not know)."""
    z = np.add.outer(np.asarray(w, dtype=float) * float(x), np.asarray(b, dtype=float))
    return sigmoid_output_cost(cost, z, y)


# Marching squares. Corners of cell (i, j): bit 1 = (i, j), 2 = (i+1, j), 4 = (i+1, j+1),
# 8 = (i, j+1), set where the value is above the level. Edges: 0 = (i, j)–(i+1, j),
# 1 = (i+1, j)–(i+1, j+1), 2 = (i, j+1)–(i+1, j+1), 3 = (i, j)–(i, j+1). For each of the 16
# cases, the edges its contour segment joins (-1: none), and for the two saddles (5, 10),
# cut one fixed way, the edges of a second segment.
_FIRST_SEGMENT = np.array([(-1, -1), (3, 0), (0, 1), (3, 1), (1, 2), (3, 0), (0, 2), (3, 2),
                           (2, 3), (0, 2), (0, 1), (1, 2), (1, 3), (0, 1), (0, 3), (-1, -1)])
_SECOND_SEGMENT = {5: (1, 2), 10: (2, 3)}


def contour_segments(values: np.ndarray, w: np.ndarray, b: np.ndarray,
                     levels) -> tuple[np.ndarray, np.ndarray]:
    """The contour lines of ``values[i, j]`` = C(w[i], b[j]) at ``levels``, as line
    segments: (w, b) of their end points, two rows per segment (for ``connect="pairs"``).

    Marching squares with linear interpolation along the cell edges, every cell of a level
    at once in NumPy: about a millisecond for a map, where tracing each level point by
    point in Python took tens.
    """
    values = np.asarray(values, dtype=float)
    corners = (values[:-1, :-1], values[1:, :-1], values[1:, 1:], values[:-1, 1:])
    ends: list[np.ndarray] = []
    for level in levels:
        case = sum((corner > level).astype(np.int8) << bit
                   for bit, corner in enumerate(corners))
        cells = np.flatnonzero((case > 0) & (case < 15))
        if not len(cells):
            continue
        i, j = np.divmod(cells, case.shape[1])
        a, b_, c, d = (corner.ravel()[cells] for corner in corners)
        with np.errstate(divide="ignore", invalid="ignore"):
            # (row, column) in grid units where the level crosses each edge; an edge that
            # is not crossed gives nonsense that no segment uses
            edges = np.array([
                (i + (level - a) / (b_ - a), j + 0.0),
                (i + 1.0, j + (level - b_) / (c - b_)),
                (i + (level - d) / (c - d), j + 1.0),
                (i + 0.0, j + (level - a) / (d - a)),
            ])  # shape (edge, coordinate, cell)
        cases = case.ravel()[cells]
        everywhere = np.arange(len(cells))
        for column in (0, 1):
            ends.append(edges[_FIRST_SEGMENT[cases, column], :, everywhere])
        for saddle, (first, second) in _SECOND_SEGMENT.items():
            chosen = np.flatnonzero(cases == saddle)
            if len(chosen):
                ends.append(edges[first, :, chosen])
                ends.append(edges[second, :, chosen])
    if not ends:
        return np.empty(0), np.empty(0)
    # two rows per segment: its two ends next to each other
    points = np.stack([np.concatenate(ends[0::2]), np.concatenate(ends[1::2])], axis=1)
    points = points.reshape(-1, 2)
    w, b = np.asarray(w, dtype=float), np.asarray(b, dtype=float)
    return (np.interp(points[:, 0], np.arange(len(w)), w),
            np.interp(points[:, 1], np.arange(len(b)), b))


def surface_window(frame: NeuronFrame) -> tuple[float, float, float, float]:
    """(w_min, w_max, b_min, b_max): [−4, 4]² grown in steps of 2 to hold the starts and the
    recorded (w, b) of the runs (the whole runs, so scrubbing the timeline keeps the map;
    evenly spaced rows of them, :meth:`RunFrame.sample`, the margin covers what lies between)."""
    ws, bs = [w for w, _ in frame.start_points], [b for _, b in frame.start_points]
    for run in frame.runs:
        if run.index >= 0:
            for values, out in ((run.sample("w"), ws), (run.sample("b"), bs)):
                finite = values[np.isfinite(values)]
                if len(finite):
                    out.extend((float(finite.min()), float(finite.max())))

    def limits(values: list[float]) -> tuple[float, float]:
        values = [v for v in values if math.isfinite(v)]
        low = min([-DEFAULT_HALF_WIDTH] + [v - WINDOW_MARGIN for v in values])
        high = max([DEFAULT_HALF_WIDTH] + [v + WINDOW_MARGIN for v in values])
        low = WINDOW_STEP * math.floor(low / WINDOW_STEP)
        high = WINDOW_STEP * math.ceil(high / WINDOW_STEP)
        return max(low, -MAX_HALF_WIDTH), min(high, MAX_HALF_WIDTH)

    return (*limits(ws), *limits(bs))


class SurfaceMap:
    """The items of one map, created once: the heatmap, contours, colour bar, the path and
    current point of each run on it (``path`` and ``current`` are the first run's), and the
    starts. ``key`` says what the heatmap shows, to recompute it only on change."""

    def __init__(self) -> None:
        self.plot = pg.PlotItem()
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)  # a click picks a start, never pans
        # The view shows exactly the map: no aspect lock, which in a cell of any other
        # shape than the map's would leave empty bands beside or above it.
        self.plot.setAspectLocked(False)
        self.view_box: pg.ViewBox = self.plot.getViewBox()
        self.image = pg.ImageItem(axisOrder="col-major")
        self.plot.addItem(self.image)
        # every contour line of the map in one item: segments from contour_segments
        self.contours = pg.PlotCurveItem(connect="pairs", skipFiniteCheck=True)
        self.contours.setZValue(5)
        self.plot.addItem(self.contours)
        self.color_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=COLOR_MAP,
                                         interactive=False, colorMapMenu=False, width=16)
        # inside the map's plot, right of the map and exactly as tall: the plot's layout
        # then reserves the room for the bar's tick labels, which a separate cell of the
        # view's layout did not when the view was narrow
        self.color_bar.setImageItem(self.image, insert_in=self.plot)
        disable_si_prefix(self.plot, self.color_bar.axis)
        # the title (the run's name) over the whole row, b axis and colour bar included: over
        # the heatmap's column alone, it set that column's least width, and a narrow view got
        # a map wider than itself, the bar's tick labels cut off at its right edge
        layout = self.plot.layout
        layout.removeItem(self.plot.titleLabel)
        layout.addItem(self.plot.titleLabel, 0, 0, 1, layout.columnCount())
        self.paths: list[pg.PlotDataItem] = []
        self.currents: list[pg.ScatterPlotItem] = []
        self.path, self.current = self.run_items(0)
        self.start = pg.ScatterPlotItem(symbol="star")
        self.start.setZValue(30)
        self.plot.addItem(self.start)
        # the map and the start change with the settings, the path over them every frame
        cache_pictures(self.image, self.contours, self.color_bar, self.start,
                       *(axis["item"] for axis in self.plot.axes.values()))
        self.key: tuple | None = None
        self.start_at: tuple | None = None  # the (w, b) of every start marker
        self.run_name: str | None = None  # the first run's
        self.run_names: tuple[str, ...] = ()
        self.order = 0

    def run_items(self, index: int) -> tuple[pg.PlotDataItem, pg.ScatterPlotItem]:
        """The path and current point of the map's ``index``-th run, made when first needed."""
        while len(self.paths) <= index:
            path = pg.PlotDataItem(antialias=True)
            path.setZValue(10)
            current = pg.ScatterPlotItem()
            current.setZValue(20)
            self.plot.addItem(path)
            self.plot.addItem(current)
            self.paths.append(path)
            self.currents.append(current)
        return self.paths[index], self.currents[index]


class SurfaceView(QWidget):
    """C(w, b) heatmaps, one per cost present (at most two; side by side, or one above the
    other when the view is tall), each with contour lines, a colour bar, the path of each of
    the cost's runs up to the shown epoch, its current point, and the starts. A left click on
    a map emits ``start_picked(w, b)`` for the point under the mouse (the first start's).
    """

    slug = "surface"
    start_picked = Signal(float, float)

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setToolTip(self.tr("Click a map to start both runs from that (w, b)."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)
        self.layout_item: pg.GraphicsLayout = self.graphics.ci
        self.maps = [SurfaceMap() for _ in range(MAX_MAPS)]
        for surface in self.maps:
            surface.plot.setLabel("bottom", self.tr("w"))
            surface.plot.setLabel("left", self.tr("b"))
        self.placeholder = pg.LabelItem(self.tr("No runs to show."))
        self._arranged: int | None = None
        self._arranged_as: tuple[int, bool] | None = None
        self._window: tuple[float, float, float, float] | None = None
        self._grids: dict[tuple, np.ndarray] = {}
        self.theme = NORMAL
        self.graphics.scene().sigMouseClicked.connect(self._on_click)
        self._arrange(0)
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Cost surface C(w, b)")

    def export_widget(self) -> QWidget:
        return self

    def context_menus(self) -> list[QMenu]:
        return [surface.view_box.menu for surface in self.maps]

    @property
    def shown_maps(self) -> list[SurfaceMap]:
        return self.maps[: self._arranged or 0]

    # -- layout ----------------------------------------------------------------------------
    def _stacked(self) -> bool:
        """Maps one above the other when that leaves each map's shorter side longer than
        side by side does (a map squeezed thin in either direction is hard to read)."""
        width, height = max(self.width(), 1), max(self.height(), 1)
        extra_width, extra_height = self._map_overhead()
        side_by_side = min(width / 2 - extra_width, height - extra_height)
        stacked = min(width - extra_width, height / 2 - extra_height)
        return stacked > side_by_side

    def _map_overhead(self) -> tuple[float, float]:
        """Pixels around one map's heatmap: the b axis, colour bar and its labels beside
        it; the title and the w axis above and below it."""
        metrics = QFontMetrics(font_of(self.theme))
        line = metrics.height()
        bar_labels = metrics.horizontalAdvance("0.00")
        width = (2 * line + metrics.horizontalAdvance("−4")) + 16 + bar_labels + 30
        height = (line + 8) + 2 * line + 10
        return width, height

    def _arrange(self, count: int) -> None:
        """Show ``count`` maps (0: the placeholder); the layout changes only when the number
        of runs or the better orientation does, never per frame."""
        stacked = count > 1 and self._stacked()
        if (count, stacked) == self._arranged_as:
            return
        layout = self.layout_item
        for item in [self.placeholder] + [m.plot for m in self.maps]:
            if item in layout.items:
                layout.removeItem(item)
        if count == 0:
            layout.addItem(self.placeholder, row=0, col=0)
        for index, surface in enumerate(self.maps[:count]):
            row, col = (index, 0) if stacked else (0, index)
            layout.addItem(surface.plot, row=row, col=col)
        self._arranged_as = (count, stacked)
        self._arranged = count

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._arranged:
            self._arrange(self._arranged)

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: NeuronFrame) -> None:
        # the runs of each cost, costs in the order of their first run
        by_cost: dict[str, list[RunFrame]] = {}
        for run in frame.runs:
            by_cost.setdefault(run_cost(run.name), []).append(run)
        groups = list(by_cost.items())[:MAX_MAPS]
        self._arrange(len(groups))
        window = surface_window(frame)
        starts = frame.start_points
        tip = (self.tr("Click a map to start both runs from that (w, b).") if len(starts) == 1
               else self.tr("Click a map to move the first start to that (w, b)."))
        if self.graphics.toolTip() != tip:
            self.graphics.setToolTip(tip)
        for order, (surface, (cost, runs)) in enumerate(zip(self.maps, groups)):
            names = tuple(run.name for run in runs)
            if surface.run_names != names or surface.order != order:
                surface.run_name, surface.run_names, surface.order = names[0], names, order
                self._style_map(surface)
            label = runs[0].label if len(runs) == 1 and not several_starts(runs[0].name) \
                else cost_label(cost)
            title = html.escape(label)
            if surface.plot.titleLabel.text != title:
                surface.plot.setTitle(title)
                style_plot(surface.plot, self.theme)
            self._show_surface(surface, cost, frame.x, frame.y, window)
            for index, run in enumerate(runs):
                self._show_path(surface, index, run)
            for path, current in zip(surface.paths[len(runs):], surface.currents[len(runs):]):
                path.setData([], [])
                current.setData([], [])
            if surface.start_at != starts:  # they move only with the settings
                surface.start_at = starts
                surface.start.setData([w for w, _ in starts], [b for _, b in starts])
        if window != self._window:
            self._window = window
            w_lo, w_hi, b_lo, b_hi = window
            # the heatmap's pixels reach half a grid step beyond the window: show all of them
            # and nothing else
            half_w = (w_hi - w_lo) / (SURFACE_POINTS - 1) / 2
            half_b = (b_hi - b_lo) / (SURFACE_POINTS - 1) / 2
            for surface in self.maps:
                surface.plot.setRange(xRange=(w_lo - half_w, w_hi + half_w),
                                      yRange=(b_lo - half_b, b_hi + half_b), padding=0)

    def _show_surface(self, surface: SurfaceMap, cost: str, x: float, y: float,
                      window: tuple[float, float, float, float]) -> None:
        key = (cost, float(x), float(y), window)
        if surface.key == key:
            return
        surface.key = key
        grid = self._grids.get(key)
        w_lo, w_hi, b_lo, b_hi = window
        w = np.linspace(w_lo, w_hi, SURFACE_POINTS)
        b = np.linspace(b_lo, b_hi, SURFACE_POINTS)
        if grid is None:
            try:
                grid = cost_surface(cost, x, y, w, b)
            except ValueError:
                grid = np.zeros((SURFACE_POINTS, SURFACE_POINTS))
            if len(self._grids) > 8:
                self._grids.clear()
            self._grids[key] = grid
        low, high = float(grid.min()), float(grid.max())
        if not high > low:
            high = low + 1.0
        surface.image.setImage(grid, autoLevels=False, levels=(low, high))
        # grid point i is the centre of pixel i: the image reaches half a step beyond
        dw, db = w[1] - w[0], b[1] - b[0]
        surface.image.setRect(QRectF(w_lo - dw / 2, b_lo - db / 2,
                                     (w_hi - w_lo) + dw, (b_hi - b_lo) + db))
        surface.color_bar.setLevels((low, high))
        surface.contours.setData(*contour_segments(
            grid, w, b, np.linspace(low, high, CONTOUR_COUNT + 2)[1:-1]))

    def _show_path(self, surface: SurfaceMap, index: int, run: RunFrame) -> None:
        path, current = surface.run_items(index)
        if run.index < 0:
            path.setData([], [])
            current.setData([], [])
            return
        at_most = drawn_rows(surface.view_box.width())
        w, b = run.upto("w", at_most), run.upto("b", at_most)
        if len(w) and not (math.isfinite(w[-1]) and math.isfinite(b[-1])):
            keep = np.isfinite(w) & np.isfinite(b)  # a diverged run's last row
            w, b = w[keep], b[keep]
        path.setData(w, b)
        if len(w):
            current.setData([w[-1]], [b[-1]])
        else:
            current.setData([], [])

    # -- clicks ----------------------------------------------------------------------------
    def map_at(self, scene_pos) -> SurfaceMap | None:
        for surface in self.shown_maps:
            if surface.view_box.sceneBoundingRect().contains(scene_pos):
                return surface
        return None

    def _on_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        surface = self.map_at(event.scenePos())
        if surface is None:
            return
        point = surface.view_box.mapSceneToView(event.scenePos())
        event.accept()
        self.start_picked.emit(float(point.x()), float(point.y()))

    # -- theme -----------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.graphics.setBackground(theme.background)
        self.placeholder.setText(self.placeholder.text, color=theme.foreground.name(),
                                 size=f"{theme.font_point_size}pt")
        metrics = QFontMetrics(font_of(theme))
        # ColorBarItem fixes its axis at 45 px, too narrow for projector-size tick labels:
        # room for "0.00" (the quadratic map's levels), the tick and the gap to the bar
        bar_axis_width = metrics.horizontalAdvance("0.00") + 16
        for surface in self.maps:
            style_plot(surface.plot, theme)
            style_plot(surface.color_bar, theme)
            surface.color_bar.axis.setWidth(bar_axis_width)
            # space between the map and its bar
            surface.plot.layout.setColumnFixedWidth(4, max(5, metrics.height() // 3))
            self._style_map(surface)
        if self._arranged:
            self._arranged_as = None  # the better orientation depends on the font
            self._arrange(self._arranged)

    def _style_map(self, surface: SurfaceMap) -> None:
        theme = self.theme
        surface.contours.setPen(plain_pen(translucent(QColor("#FFFFFF"), 150), 1.0))
        for index, name in enumerate(surface.run_names or ("quadratic",)):
            path, current = surface.run_items(index)
            path.setPen(start_pen(theme, name))
            # a white halo keeps the run's colour readable on dark and light parts of the map
            path.setShadowPen(plain_pen(QColor("#FFFFFF"), theme.line_width + 3))
            current.setSymbol(run_symbol(name, surface.order))
            current.setSize(theme.marker_size)
            current.setBrush(pg.mkBrush(run_colour(theme, name)))
            current.setPen(plain_pen(QColor("#FFFFFF"), 2.0))
        surface.start.setSize(theme.marker_size * 1.5)
        surface.start.setBrush(pg.mkBrush("#FFFFFF"))
        surface.start.setPen(plain_pen(theme.foreground, 1.5))
