"""Decision regions: which class each run's network assigns to every point of the plane.

For data with two inputs each run gets a small plot of its own, all of them with the same
axes: the plane tinted by the class the network predicts there (a light tint of the class's
colour), the training points on top (filled, in their true class's colour, outlined dark) and
the test points (hollow rings). A point on a tint of another colour is a point the network
gets wrong; with XOR the regions show the curved boundary a hidden layer makes possible.

The regions are the prediction on a grid of about GRID_POINTS × GRID_POINTS points over what
the plot shows: the data's range, a margin round it, and on a plot that is not square the
extra room beside it, so the tint fills the plot and one unit is as long on either axis.
The grid is evaluated only when a run's network (its epoch, its parameters) or the grid
changes, and the classes are cached per (run, epoch), so scrubbing the timeline back and
forth repeats no forward pass; the points are set only when the data change.
"""

from __future__ import annotations

import html
import math
import zlib
from collections import OrderedDict
from typing import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QStackedLayout, QWidget

from nnlab.core.datasets import Dataset
from nnlab.core.network import Network
from nnlab.gui.lab_frame import LabFrame, LabRunFrame
from nnlab.gui.theme import NORMAL, OkabeIto, Theme, style_plot
from nnlab.gui.views.curves import cache_pictures, font_of, plain_pen

__all__ = [
    "CLASS_COLOURS", "DecisionRegionsView", "GRID_POINTS", "RegionPlot", "class_colour",
    "data_window", "grid_axes", "grid_shape", "image_aspect", "region_classes", "tinted_regions",
    "view_window",
]

#: Grid points along each side of a square plot; a plot of another shape gets about as many
#: points in all (GRID_POINTS²), in square cells. 96² predictions of a small network take
#: about a millisecond.
GRID_POINTS = 96
#: Room round the data, as a share of their larger extent, on every side.
DATA_MARGIN = 0.1
#: The plot's shape (width / height) is rounded to this step before the window is widened
#: to it, so that resizing by a few pixels does not evaluate every grid again; a unit is then
#: at most 2.5 % longer on one axis than on the other.
ASPECT_STEP = 0.05
#: The regions' image is widened at most to this shape; a plot even wider shows a margin
#: beside it.
MAX_ASPECT = 3.0
#: While training, at most this many grids are evaluated per frame (the runs whose picture
#: is oldest first); the others follow on the next frames. A frame's work then stays small
#: however many runs there are and however big their networks.
TRAINING_GRIDS_PER_FRAME = 2
#: Classes kept per view, for every (run, epoch, parameters, grid) evaluated.
CACHE_SIZE = 256

#: Class colours: Okabe–Ito, distinguishable with the common colour-vision deficiencies.
#: Orange and sky blue first: the two-class data sets are the usual case.
CLASS_COLOURS = (OkabeIto.ORANGE, OkabeIto.SKY_BLUE, OkabeIto.BLUISH_GREEN,
                 OkabeIto.REDDISH_PURPLE, OkabeIto.YELLOW, OkabeIto.BLUE,
                 OkabeIto.VERMILLION, OkabeIto.BLACK)
#: How much of the class's colour a region's tint has (the rest white). Stronger on a
#: projector, which washes light colours out.
TINT_STRENGTH = {"normal": 0.3, "projector": 0.42}
#: Where a network's outputs are not finite (a diverged run's parameters) no class is
#: predicted: a neutral grey, not the first class's colour that argmax of NaN would give.
NO_CLASS_TINT = "#D4D4D4"
#: Plots show their axes only where the regions then stay at least this many text lines
#: high and wide: four small plots on a projector's quarter page show the regions alone.
MIN_AXES_SIDE_LINES = 4
#: Pixels the title's label item and the layout need beside its text.
TITLE_MARGIN = 16
#: Data points relative to the theme's marker size: hundreds of them must not bury the tint.
POINT_SIZE_SCALE = 0.55


def class_colour(index: int) -> QColor:
    """The colour of class ``index`` (the palette repeats after eight classes)."""
    return QColor(CLASS_COLOURS[index % len(CLASS_COLOURS)])


def data_window(dataset: Dataset) -> tuple[float, float, float, float]:
    """(x_min, x_max, y_min, y_max): a square round the training and test points, centred on
    them, DATA_MARGIN of their larger extent beyond them on every side."""
    points = np.concatenate([np.asarray(dataset.x_train, dtype=float),
                             np.asarray(dataset.x_test, dtype=float)])
    points = points[np.isfinite(points).all(axis=1)] if len(points) else points
    if not len(points):
        return -1.0, 1.0, -1.0, 1.0
    low, high = points.min(axis=0), points.max(axis=0)
    centre = (low + high) / 2
    half = float(max(high - low)) / 2
    half = half * (1 + 2 * DATA_MARGIN) if half > 0 else 1.0
    return (float(centre[0] - half), float(centre[0] + half),
            float(centre[1] - half), float(centre[1] + half))


def rounded_aspect(width: float, height: float) -> float:
    """The plot's width / height rounded to ASPECT_STEP (1 while it has no size yet)."""
    if width <= 0 or height <= 0:
        return 1.0
    return max(ASPECT_STEP, round(width / height / ASPECT_STEP) * ASPECT_STEP)


def image_aspect(aspect: float) -> float:
    """The shape of the regions' image for a plot of shape ``aspect``: the same, within
    MAX_ASPECT either way."""
    return min(max(aspect, 1.0 / MAX_ASPECT), MAX_ASPECT)


def view_window(square: tuple[float, float, float, float],
                aspect: float) -> tuple[float, float, float, float]:
    """``square`` widened (aspect > 1) or heightened (aspect < 1) about its centre to the
    plot's shape, so that one unit is equally long on both axes."""
    x0, x1, y0, y1 = square
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_x, half_y = (x1 - x0) / 2, (y1 - y0) / 2
    if aspect >= 1:
        half_x *= aspect
    else:
        half_y /= aspect
    return cx - half_x, cx + half_x, cy - half_y, cy + half_y


def grid_shape(aspect: float) -> tuple[int, int]:
    """(columns, rows) of the grid for a window of shape ``aspect``: square cells, about
    GRID_POINTS² of them."""
    columns = max(2, int(round(GRID_POINTS * math.sqrt(aspect))))
    rows = max(2, int(round(GRID_POINTS / math.sqrt(aspect))))
    return columns, rows


def grid_axes(window: tuple[float, float, float, float],
              shape: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """(xs, ys): the centres of the grid's cells, which tile ``window`` exactly."""
    x0, x1, y0, y1 = window
    columns, rows = shape
    xs = x0 + (np.arange(columns) + 0.5) * ((x1 - x0) / columns)
    ys = y0 + (np.arange(rows) + 0.5) * ((y1 - y0) / rows)
    return xs, ys


def region_classes(network: Network, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The class ``network`` predicts at every (xs[i], ys[j]): an int8 array of shape
    (len(ys), len(xs)), row j for ys[j]; -1 where the outputs are not finite.

    The class is the largest output, as :meth:`Network.predict` has it; a single output unit
    predicts class 1 where a ≥ 0.5, as the accuracy counts it.
    """
    x_grid, y_grid = np.meshgrid(xs, ys)
    points = np.column_stack([x_grid.ravel(), y_grid.ravel()])
    with np.errstate(all="ignore"):
        outputs = network.forward(points)
    if outputs.shape[1] == 1:
        classes = (outputs[:, 0] >= 0.5).astype(np.int8)
    else:
        classes = np.argmax(outputs, axis=1).astype(np.int8)
    classes[~np.isfinite(outputs).all(axis=1)] = -1
    return classes.reshape(len(ys), len(xs))


def tinted_regions(classes: np.ndarray, n_classes: int, theme: Theme) -> np.ndarray:
    """RGB (uint8) of the regions: each class's colour mixed with white (TINT_STRENGTH of
    the colour), NO_CLASS_TINT where no class is predicted."""
    strength = TINT_STRENGTH.get(theme.name, TINT_STRENGTH["normal"])
    count = max(n_classes, int(classes.max(initial=0)) + 1, 1)
    table = np.empty((count + 1, 3), dtype=np.uint8)
    for index in range(count):
        colour = class_colour(index)
        rgb = np.array([colour.red(), colour.green(), colour.blue()], dtype=float)
        table[index] = np.round(255.0 - (255.0 - rgb) * strength)
    grey = QColor(NO_CLASS_TINT)
    table[count] = (grey.red(), grey.green(), grey.blue())
    # -1 (no class) picks the last row
    return table[np.where(classes < 0, count, classes)]


def _network_key(network: Network) -> tuple:
    """What the regions of ``network`` depend on: its shape and its parameters (a checksum:
    a network with two inputs has few of them)."""
    return (network.layer_sizes, tuple(network.hidden_activations), network.output,
            zlib.crc32(np.ascontiguousarray(network.parameters).tobytes()))


class RegionPlot:
    """The items of one run's plot, created once: the regions image and the two sets of
    points. ``key`` says what the image shows, ``points_of`` which data the points are."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.plot = pg.PlotItem()
        self.plot.hideButtons()
        # every plot shows the same window, chosen by the view: no panning or zooming one
        self.plot.setMouseEnabled(x=False, y=False)
        self.view_box: pg.ViewBox = self.plot.getViewBox()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(symbol="o")
        self.train_points.setZValue(10)
        self.test_points = pg.ScatterPlotItem(symbol="o")
        self.test_points.setZValue(11)
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        # the image changes every epoch, the points and axes only with the data
        cache_pictures(self.train_points, self.test_points,
                       *(axis["item"] for axis in self.plot.axes.values()))
        self.key: tuple | None = None
        self.classes: np.ndarray | None = None
        self.n_classes = 0
        self.points_of: Dataset | None = None
        self.title: str | None = None
        self.refreshed = -1   # the update in which the image was last evaluated


class DecisionRegionsView(QWidget):
    """One plot of decision regions per run, for data with two inputs (see the module
    docstring); for other data a message says why there is nothing to show."""

    slug = "decision-regions"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget()
        self.layout_item: pg.GraphicsLayout = self.graphics.ci
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setAutoFillBackground(True)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.graphics)
        self._stack.addWidget(self.message_label)
        # The window adds its Export and Copy entries to the menus of context_menus(); plots
        # made later (more runs) copy them from this one, which is never shown.
        self._menu_template = QMenu(self)
        self._plots: dict[str, RegionPlot] = {}
        self._order: tuple[str, ...] = ()
        self._arranged_as: tuple | None = None
        self._columns = 1
        self._axes_shown = True
        self._frame: LabFrame | None = None
        self._dataset: Dataset | None = None
        self._square: tuple[float, float, float, float] = (-1.0, 1.0, -1.0, 1.0)
        self._window: tuple[float, float, float, float] | None = None
        self._view_range: tuple[float, float, float, float] | None = None
        self._shape: tuple[int, int] = grid_shape(1.0)
        self._grid: tuple[np.ndarray, np.ndarray] = grid_axes(self._square, self._shape)
        self._cache: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._updates = 0
        self.theme = NORMAL
        self._show_message(self.tr("No data to show yet."))
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Decision regions")

    def export_widget(self) -> QWidget:
        return self

    def context_menus(self) -> list[QMenu]:
        """pyqtgraph takes the right mouse button itself: the menus the window extends."""
        return [self._menu_template] + [plot.view_box.menu for plot in self._plots.values()]

    # -- what is shown ---------------------------------------------------------------------
    @property
    def shown_plots(self) -> list[RegionPlot]:
        """The runs' plots, in the order of the runs (none while the message shows)."""
        if self._stack.currentWidget() is not self.graphics:
            return []
        return [self._plots[name] for name in self._order if name in self._plots]

    def region_plot(self, run_name: str) -> RegionPlot | None:
        return self._plots.get(run_name)

    @property
    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """(xs, ys): the points where the regions are evaluated (the centres of the image's
        pixels; ``RegionPlot.classes[j, i]`` is the class at (xs[i], ys[j]))."""
        return self._grid

    @property
    def window(self) -> tuple[float, float, float, float] | None:
        """(x_min, x_max, y_min, y_max) the regions' image covers."""
        return self._window

    @property
    def view_range(self) -> tuple[float, float, float, float] | None:
        """(x_min, x_max, y_min, y_max) every plot shows: the window, and beside it a
        margin where the plots are wider (or taller) than MAX_ASPECT."""
        return self._view_range

    @property
    def message(self) -> str | None:
        """The message shown instead of the plots, or None."""
        if self._stack.currentWidget() is self.message_label:
            return self.message_label.text()
        return None

    def _show_message(self, text: str) -> None:
        if self.message_label.text() != text:
            self.message_label.setText(text)
        if self._stack.currentWidget() is not self.message_label:
            self._stack.setCurrentWidget(self.message_label)

    def _message_for(self, frame: LabFrame) -> str | None:
        if frame.dataset is None:
            return self.tr("No data to show yet.")
        if not frame.is_two_dimensional:
            return self.tr("Decision regions need data with two inputs")
        if not frame.runs:
            return self.tr("No runs to show.")
        return None

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        self._frame = frame
        message = self._message_for(frame)
        if message is not None:
            self._show_message(message)
            return
        if self._stack.currentWidget() is not self.graphics:
            self._stack.setCurrentWidget(self.graphics)
        self._updates += 1
        self._keep_plots(tuple(run.name for run in frame.runs))
        if frame.dataset is not self._dataset:
            self._dataset = frame.dataset
            self._square = data_window(frame.dataset)
        self._set_window()
        for run in frame.runs:
            plot = self._plots[run.name]
            self._show_title(plot, run)
            if plot.points_of is not frame.dataset:
                self._show_points(plot, frame.dataset)
        self._show_regions(frame.runs, frame.dataset.n_classes,
                           TRAINING_GRIDS_PER_FRAME if frame.training else None)

    def _keep_plots(self, names: tuple[str, ...]) -> None:
        """One plot per run, made and removed only when the runs change."""
        if names == self._order:
            return
        for name in set(self._plots) - set(names):
            self._remove_plot(self._plots.pop(name))
        for name in names:
            if name not in self._plots:
                self._plots[name] = self._make_plot(name)
        self._order = names
        self._arrange()

    def _make_plot(self, name: str) -> RegionPlot:
        plot = RegionPlot(name)
        plot.plot.setLabel("bottom", self.tr("x₁"))
        plot.plot.setLabel("left", self.tr("x₂"))
        menu = plot.view_box.menu
        for action in self._menu_template.actions():
            menu.addAction(action)
        plot.view_box.sigResized.connect(self._on_plot_resized)
        style_plot(plot.plot, self.theme)
        if self._view_range is not None:
            self._set_range(plot, self._view_range)
        return plot

    def _remove_plot(self, plot: RegionPlot) -> None:
        plot.view_box.sigResized.disconnect(self._on_plot_resized)
        if plot.plot in self.layout_item.items:
            self.layout_item.removeItem(plot.plot)

    def _show_title(self, plot: RegionPlot, run: LabRunFrame) -> None:
        label = run.label
        if run.status == "diverged":
            label = self.tr("%1 (diverged)").replace("%1", label)
        # cut short rather than widen the plot beyond its cell (and the view)
        metrics = QFontMetrics(font_of(self.theme))
        # the title spans the regions, not the x₂ axis beside them; its label item adds
        # a few pixels of margin to the text
        axis = plot.plot.getAxis("left")
        available = (self.graphics.viewport().width() / max(self._columns, 1)
                     - (axis.width() if self._axes_shown else 0.0)
                     - metrics.horizontalAdvance("■ ") - TITLE_MARGIN)
        if self.graphics.viewport().width() > 0:
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight,
                                       max(int(available), 0))
        # a square in the run's colour ties the plot to the run's curves and the colour key;
        # the text itself stays dark (orange or sky blue text is hard to read on white)
        title = (f"<span style='color:{QColor(run.colour).name()}'>■</span> "
                 f"{html.escape(label)}")
        if plot.title != title:
            plot.title = title
            self._set_title(plot)
            # a shorter title lowers the plot's minimum width, but the layout keeps the width
            # it overflowed to until the view is resized: fit it to the view again
            self.layout_item.setGeometry(self.graphics.range)

    def _set_title(self, plot: RegionPlot) -> None:
        """The title in the theme's colour and size (not style_plot: that also resets the
        axes' widths, which would change the room for the title again)."""
        theme = self.theme
        plot.plot.setTitle(plot.title, color=theme.foreground.name(),
                           size=f"{theme.font_point_size}pt")
        # setTitle fixes the title row at 30 px, too small for projector fonts
        height = max(30, QFontMetrics(font_of(theme)).height() + 8)
        plot.plot.titleLabel.setMaximumHeight(height)
        plot.plot.layout.setRowFixedHeight(0, height)

    def _show_points(self, plot: RegionPlot, dataset: Dataset) -> None:
        plot.points_of = dataset
        theme = self.theme
        size = theme.marker_size * POINT_SIZE_SCALE
        classes = range(dataset.n_classes)
        brushes = [QBrush(class_colour(index)) for index in classes]
        outline = plain_pen(theme.foreground, theme.axis_line_width * 0.75)
        plot.train_points.setData(
            x=np.asarray(dataset.x_train[:, 0], dtype=float),
            y=np.asarray(dataset.x_train[:, 1], dtype=float),
            brush=[brushes[label] for label in dataset.labels_train],
            pen=outline, size=size)
        # hollow rings, a little darker than the class's colour to stand out on its tint
        rings = [plain_pen(class_colour(index).darker(125), theme.line_width * 0.75)
                 for index in classes]
        plot.test_points.setData(
            x=np.asarray(dataset.x_test[:, 0], dtype=float),
            y=np.asarray(dataset.x_test[:, 1], dtype=float),
            pen=[rings[label] for label in dataset.labels_test],
            brush=QBrush(Qt.BrushStyle.NoBrush), size=size)

    def _show_regions(self, runs: Sequence[LabRunFrame], n_classes: int,
                      budget: int | None) -> None:
        """Evaluate the grid for every run whose network or grid changed; with a ``budget``
        (while training) for at most that many, those shown longest first."""
        stale = []
        for run in runs:
            plot = self._plots[run.name]
            network = run.network
            if network is None or network.layer_sizes[0] != 2:
                if plot.key is not None or plot.image.image is not None:
                    plot.key, plot.classes = None, None
                    plot.image.clear()
                continue
            key = (run.name, run.network_epoch, _network_key(network), self._window,
                   self._shape)
            if key == plot.key:
                continue
            classes = self._cache.get(key)
            if classes is not None:
                self._cache.move_to_end(key)
                self._set_image(plot, key, classes, n_classes)
            else:
                stale.append((plot.refreshed, plot, key, network))
        stale.sort(key=lambda entry: entry[0])
        if budget is not None:
            stale = stale[:budget]
        for _, plot, key, network in stale:
            classes = region_classes(network, *self._grid)
            classes.setflags(write=False)
            self._cache[key] = classes
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
            self._set_image(plot, key, classes, n_classes)

    def _set_image(self, plot: RegionPlot, key: tuple, classes: np.ndarray,
                   n_classes: int) -> None:
        plot.key, plot.classes, plot.n_classes = key, classes, n_classes
        plot.refreshed = self._updates
        plot.image.setImage(tinted_regions(classes, n_classes, self.theme), autoLevels=False,
                            levels=None)
        x0, x1, y0, y1 = self._window
        plot.image.setRect(QRectF(x0, y0, x1 - x0, y1 - y0))

    # -- the window and the layout ---------------------------------------------------------
    def _set_window(self) -> None:
        """The window every plot shows: the data's square widened to the plots' shape; the
        regions' image covers it (up to MAX_ASPECT)."""
        shown = [self._plots[name] for name in self._order if name in self._plots]
        if shown:
            box = shown[0].view_box
            aspect = rounded_aspect(box.width(), box.height())
        else:
            aspect = 1.0
        view_range = view_window(self._square, aspect)
        if view_range == self._view_range:
            return
        self._view_range = view_range
        self._window = view_window(self._square, image_aspect(aspect))
        self._shape = grid_shape(image_aspect(aspect))
        self._grid = grid_axes(self._window, self._shape)
        for plot in self._plots.values():
            self._set_range(plot, view_range)

    @staticmethod
    def _set_range(plot: RegionPlot, window: tuple[float, float, float, float]) -> None:
        x0, x1, y0, y1 = window
        plot.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _on_plot_resized(self, *_) -> None:
        frame = self._frame
        if frame is None or not self.shown_plots:
            return
        before = self._view_range
        self._set_window()
        if self._view_range != before:
            self._show_regions(frame.runs, frame.dataset.n_classes, None)
        for run in frame.runs:
            plot = self._plots.get(run.name)
            if plot is not None:   # (not while the plots are being made)
                self._show_title(plot, run)

    def _plot_overhead(self, axes: bool) -> tuple[float, float]:
        """Pixels round one plot's regions: the title above them and, with ``axes``, the x₂
        axis beside them and the x₁ axis below (tick labels and axis label each)."""
        metrics = QFontMetrics(font_of(self.theme))
        line = metrics.height()
        title = line + 8 + 6
        if not axes:
            return 12.0, title + 6.0
        # as wide as style_plot makes a left axis: room for "−0.00", and the label
        return line + metrics.horizontalAdvance("−0.00") + 20.0, title + 2 * line + 12.0

    def _arrange(self) -> None:
        """The plots in a grid with as many columns as make each plot's regions largest
        (side by side in a wide view), with axes where they leave the regions at least
        MIN_AXES_SIDE_LINES lines high and wide; laid out again only when that changes."""
        count = len(self._order)
        width, height = max(self.width(), 1), max(self.height(), 1)

        def best(axes: bool) -> tuple[int, float]:
            extra_width, extra_height = self._plot_overhead(axes)

            def merit(columns: int) -> tuple[float, int, int]:
                # the regions' shorter side, then no empty cells, then side by side
                rows = math.ceil(count / columns)
                side = min(width / columns - extra_width, height / rows - extra_height)
                return round(side), -(rows * columns - count), columns

            columns = max(range(1, count + 1), key=merit) if count else 1
            return columns, merit(columns)[0]

        columns, side = best(True)
        line = QFontMetrics(font_of(self.theme)).height()
        axes = side >= MIN_AXES_SIDE_LINES * line
        if not axes:
            columns, side = best(False)
        arrangement = (self._order, columns, axes)
        if arrangement == self._arranged_as:
            self._fit_cells()
            return
        self._arranged_as = arrangement
        self._columns = columns
        self._axes_shown = axes
        layout = self.layout_item
        for plot in self._plots.values():
            if plot.plot in layout.items:
                layout.removeItem(plot.plot)
        for index, name in enumerate(self._order):
            plot = self._plots[name]
            for axis in ("left", "bottom"):
                plot.plot.showAxis(axis, axes)
            row, column = divmod(index, columns)
            layout.addItem(plot.plot, row=row, col=column)
        self._fit_cells()

    def _fit_cells(self) -> None:
        """Every cell equally large, whatever its title: the plots share one window, so
        they must share one shape too, or one unit would not be equally long in all."""
        count = len(self._order)
        if not count:
            return
        grid = self.layout_item.layout
        columns = self._columns
        rows = math.ceil(count / columns)
        left, top, right, bottom = grid.getContentsMargins()
        size = self.graphics.viewport().size()
        width = (size.width() - left - right - grid.horizontalSpacing() * (columns - 1))
        height = (size.height() - top - bottom - grid.verticalSpacing() * (rows - 1))
        for column in range(grid.columnCount()):
            grid.setColumnFixedWidth(column, max(width / columns, 1.0) if column < columns
                                     else 0.0)
        for row in range(grid.rowCount()):
            grid.setRowFixedHeight(row, max(height / rows, 1.0) if row < rows else 0.0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._order:
            self._arrange()

    # -- theme -----------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.graphics.setBackground(theme.background)
        palette = self.message_label.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.background)
        palette.setColor(QPalette.ColorRole.WindowText, theme.foreground)
        self.message_label.setPalette(palette)
        self.message_label.setFont(font_of(theme))
        margin = QFontMetrics(font_of(theme)).height()
        self.message_label.setContentsMargins(margin, margin, margin, margin)
        for plot in self._plots.values():
            style_plot(plot.plot, theme)
            if plot.title is not None:
                self._set_title(plot)
            if plot.points_of is not None:
                self._show_points(plot, plot.points_of)
            if plot.classes is not None:
                plot.image.setImage(tinted_regions(plot.classes, plot.n_classes, theme),
                                    autoLevels=False, levels=None)
        self._arranged_as = None   # the best number of columns depends on the font
        if self._order:
            self._arrange()
