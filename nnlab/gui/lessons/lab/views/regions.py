"""Decision regions: which class each run's network assigns to every point of the plane.

For data with two inputs each run gets a small square plot of its own, all of them with the
same axes, fitted to the data (a margin round them): the plane tinted by the class the network
predicts there, the training points on top (filled) and the test points (hollow). Each class
has a pale tint, a marker colour and a marker shape of its own, named in a key under the
plots. The classes keep out of the runs' colours: orange and blue are runs everywhere in the
lab, so a class must not be either. A marker on a tint of another class is a point the network
gets wrong; with XOR the regions show the curved boundary a hidden layer makes possible.

The regions are the prediction on a GRID_POINTS × GRID_POINTS grid over the data's square.
The plots are square too (one unit as long on either axis), so a plot's cell may leave room
beside or below it; the run's title sits above the plot across its whole cell. The grid is
evaluated only when a run's network (its epoch, its parameters) changes, and the classes are
cached per (run, epoch), so scrubbing the timeline back and forth repeats no forward pass;
the points are set only when the data change. The points can be hidden (context menu) to see
the regions whole.
"""

from __future__ import annotations

import html
import math
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QBoxLayout, QLabel, QMenu, QSizePolicy, QStackedLayout, QWidget,
)

from nnlab.core.datasets import Dataset
from nnlab.core.evaluation import predicted_classes
from nnlab.core.network import Network
from nnlab.core.states import DIVERGED
from nnlab.app.frames import LabFrame, RunFrame
from nnlab.gui.text import fill
from nnlab.gui.theme import NORMAL, Theme, style_plot
from nnlab.gui.views.base import cache_pictures, font_of, plain_pen

__all__ = [
    "CLASS_STYLES", "ClassKey", "ClassStyle", "DecisionRegionsView", "GRID_POINTS",
    "RegionPlot", "class_colour", "class_label", "class_style", "data_window", "grid_axes",
    "point_size", "region_classes", "tinted_regions",
]

WIDGETSIZE_MAX = (1 << 24) - 1  # Qt's largest widget size (QWIDGETSIZE_MAX)
#: Grid points along each side of the (square) data window. 96² predictions of a small
#: network take about a millisecond.
GRID_POINTS = 96
#: Room round the data, as a share of their larger extent, on every side.
DATA_MARGIN = 0.08
#: While training, at most this many grids are evaluated per frame (the runs whose picture
#: is oldest first); the others follow on the next frames. A frame's work then stays small
#: however many runs there are and however big their networks.
TRAINING_GRIDS_PER_FRAME = 2
#: Classes kept per view, for every (run, epoch, parameters, grid) evaluated.
CACHE_SIZE = 256


@dataclass(frozen=True)
class ClassStyle:
    """How one class is drawn: the pale tint of its region, the fill of its markers and
    their shape (a pyqtgraph symbol)."""

    tint: str
    marker: str
    symbol: str


#: Paul Tol's pale scheme for the regions (light enough for any marker to show on any of
#: them) and his muted scheme for the markers: neither is the saturated Okabe–Ito set the
#: runs are drawn in. The shape tells the classes apart without colour.
CLASS_STYLES = (
    ClassStyle("#EEEEBB", "#DDCC77", "o"),      # pale yellow, sand: circles
    ClassStyle("#C9C3E6", "#332288", "t1"),     # pale indigo, indigo: triangles
    ClassStyle("#FFCCCC", "#CC6677", "s"),      # pale red, rose: squares
    ClassStyle("#CCDDAA", "#117733", "d"),      # pale green, green: diamonds
    ClassStyle("#CCEEFF", "#88CCEE", "star"),
    ClassStyle("#EBCFDC", "#882255", "p"),
    ClassStyle("#D5EDE8", "#44AA99", "h"),
    ClassStyle("#E6E6C2", "#999933", "t"),
)
#: How much of a class's pale tint a region has (the rest white). Full on a projector,
#: which washes light colours out.
TINT_STRENGTH = {"normal": 0.85, "projector": 1.0}
#: Where a network's outputs are not finite (a diverged run's parameters) no class is
#: predicted: a neutral grey, not the first class's colour that argmax of NaN would give.
NO_CLASS_TINT = "#BDBDBD"
#: Plots show their axes only where the regions then stay at least this many text lines
#: high and wide: four small plots on a projector's quarter page show the regions alone.
MIN_AXES_SIDE_LINES = 4
#: Views wider than this many times their height show the class key beside the plots, not
#: under them.
KEY_BESIDE_ASPECT = 1.6
#: Pixels the title's label item needs beside its text.
TITLE_MARGIN = 12
#: The runs' titles relative to the theme's font (as the other views' labels).
TITLE_TEXT_SCALE = 0.85
#: The plots are laid out so that every title fits whole, unless that makes them smaller than
#: this share of the side they could have; only then are titles shortened (in the middle:
#: "η = 0.01" and "η = 0.1" differ at their end).
TITLE_SIDE_SHARE = 0.5
#: Markers are sized so that the data's markers would cover about this share of the plot
#: (were they spread over it evenly): hundreds of points must not bury the regions ...
POINT_COVER = 0.1
#: ... but never smaller than this many pixels (the regions are the point of the picture,
#: on a projector too), nor larger than this share of the theme's marker size.
MIN_POINT_PIXELS = 3.0
MAX_POINT_SCALE = 0.6


def class_style(index: int) -> ClassStyle:
    """The style of class ``index`` (the styles repeat after eight classes)."""
    return CLASS_STYLES[index % len(CLASS_STYLES)]


def class_colour(index: int) -> QColor:
    """The fill of class ``index``'s markers."""
    return QColor(class_style(index).marker)


def class_label(names: Sequence[str], index: int) -> str:
    """What the key calls class ``index``: its name from the data ("setosa"), or "class 1"
    where the names are just the numbers 0 … k−1."""
    numbered = tuple(names) == tuple(str(i) for i in range(len(names)))
    if index < len(names) and not numbered:
        return names[index]
    return fill(QCoreApplication.translate("DecisionRegionsView", "class %1"), index)


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


def grid_axes(window: tuple[float, float, float, float],
              shape: tuple[int, int] = (GRID_POINTS, GRID_POINTS)
              ) -> tuple[np.ndarray, np.ndarray]:
    """(xs, ys): the centres of the grid's cells, which tile ``window`` exactly."""
    x0, x1, y0, y1 = window
    columns, rows = shape
    xs = x0 + (np.arange(columns) + 0.5) * ((x1 - x0) / columns)
    ys = y0 + (np.arange(rows) + 0.5) * ((y1 - y0) / rows)
    return xs, ys


def point_size(side: float, n_points: int, theme: Theme) -> float:
    """Marker diameter in pixels on a plot ``side`` pixels square showing ``n_points``
    (see POINT_COVER)."""
    wanted = side * math.sqrt(POINT_COVER / (math.pi / 4 * max(n_points, 1)))
    return float(min(max(wanted, MIN_POINT_PIXELS), theme.marker_size * MAX_POINT_SCALE))


def region_classes(network: Network, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
    """The class ``network`` predicts at every (xs[i], ys[j]): an int8 array of shape
    (len(ys), len(xs)), row j for ys[j]; -1 where the outputs are not finite.

    The class is :func:`~nnlab.core.evaluation.predicted_classes` of the outputs, the rule
    the accuracy and the confusion matrix count by.
    """
    x_grid, y_grid = np.meshgrid(xs, ys)
    points = np.column_stack([x_grid.ravel(), y_grid.ravel()])
    with np.errstate(all="ignore"):
        outputs = network.forward(points)
    classes = predicted_classes(outputs).astype(np.int8)
    # argmax of NaNs names a class; a grid point without a prediction must not look like one
    classes[~np.isfinite(outputs).all(axis=1)] = -1
    return classes.reshape(len(ys), len(xs))


def tinted_regions(classes: np.ndarray, n_classes: int, theme: Theme) -> np.ndarray:
    """RGB (uint8) of the regions: each class's pale tint (TINT_STRENGTH of it, the rest
    white), NO_CLASS_TINT where no class is predicted."""
    strength = TINT_STRENGTH.get(theme.name, TINT_STRENGTH["normal"])
    count = max(n_classes, int(classes.max(initial=0)) + 1, 1)
    table = np.empty((count + 1, 3), dtype=np.uint8)
    for index in range(count):
        colour = QColor(class_style(index).tint)
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
    """The items of one run's plot, created once: its title, the regions image and the two
    sets of points. ``key`` says what the image shows, ``points_of`` which data the points
    are."""

    def __init__(self, name: str) -> None:
        self.name = name
        # above the plot, across its whole cell: a title is not cut to the square's width
        self.title_label = pg.LabelItem(justify="center")
        self.plot = pg.PlotItem()
        self.plot.hideButtons()
        # every plot shows the same window, chosen by the view: no panning or zooming one
        self.plot.setMouseEnabled(x=False, y=False)
        self.view_box: pg.ViewBox = self.plot.getViewBox()
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-10)
        self.plot.addItem(self.image)
        self.train_points = pg.ScatterPlotItem()
        self.train_points.setZValue(10)
        self.test_points = pg.ScatterPlotItem()
        self.test_points.setZValue(11)
        self.plot.addItem(self.train_points)
        self.plot.addItem(self.test_points)
        for axis in self.plot.axes.values():
            # the axes show the data's own numbers: no "(x0.001)" beside the label
            axis["item"].enableAutoSIPrefix(False)
        # the image changes every epoch, the points and axes only with the data
        cache_pictures(self.train_points, self.test_points,
                       *(axis["item"] for axis in self.plot.axes.values()))
        self.key: tuple | None = None
        self.classes: np.ndarray | None = None
        self.n_classes = 0
        self.points_of: Dataset | None = None
        self.title: str | None = None      # the title's text, before any eliding
        self.refreshed = -1   # the update in which the image was last evaluated


class ClassKey(QWidget):
    """The key beside or under the regions: for each class a patch of its tint with its
    marker on it, and its name; then what filled and hollow markers are. In a row under
    the plots, or (``vertical``) in a column beside them where the view is wide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = NORMAL
        self.labels: list[str] = []
        self.has_test = False
        self.vertical = False
        self.set_vertical(False)

    def set_classes(self, labels: Sequence[str], has_test: bool) -> None:
        labels = list(labels)
        if labels != self.labels or has_test != self.has_test:
            self.labels, self.has_test = labels, has_test
            self._fit_height()
            self.updateGeometry()
            self.update()

    def set_vertical(self, vertical: bool) -> None:
        self.vertical = vertical
        policy = QSizePolicy.Policy
        self.setSizePolicy(*((policy.Fixed, policy.Expanding) if vertical
                             else (policy.Expanding, policy.Fixed)))
        self.setMinimumHeight(0)
        self.setMaximumHeight(WIDGETSIZE_MAX)
        self._fit_height()
        self.updateGeometry()
        self.update()

    def _fit_height(self) -> None:
        """In a row, as many lines as the entries need at the key's width (it wraps rather
        than cut an entry). Set as a fixed height, not as a height for width, which would
        make the whole dashboard grid lay its rows out by it."""
        if not self.vertical:
            self.setFixedHeight(self.height_for(max(self.width(), 1)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def texts(self) -> list[str]:
        """Everything the key says, in order (also for tests)."""
        return [text for _, text, _ in self._entries()]

    def _entries(self) -> list[tuple[int, str, bool]]:
        """(class or -1, text, filled) of each entry."""
        entries = [(index, text, True) for index, text in enumerate(self.labels)]
        if self.has_test:
            entries += [(-1, self.tr("training"), True), (-1, self.tr("test"), False)]
        return entries

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setFont(font_of(theme, TITLE_TEXT_SCALE))
        self._fit_height()
        self.updateGeometry()
        self.update()

    def _metrics(self) -> tuple[QFontMetrics, float, float, float]:
        """The font's metrics, a line's height, a patch's side and the gap after it."""
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        return metrics, line, line * 1.1, line * 0.35

    def _places(self, width: float) -> tuple[list[tuple[float, int]], int]:
        """Where each entry of a key in rows starts (x, row) within ``width``, and how many
        rows it takes: an entry that would run past the right edge starts a new row."""
        metrics, line, patch, gap = self._metrics()
        places, x, row = [], line * 0.5, 0
        for _, text, _ in self._entries():
            entry = patch + gap + metrics.horizontalAdvance(text)
            if x > line * 0.5 and x + entry > width:
                x, row = line * 0.5, row + 1
            places.append((x, row))
            x += entry + line * 1.2
        return places, row + 1

    def height_for(self, width: int) -> int:
        """The height of a key in rows at ``width``."""
        _, line, _, _ = self._metrics()
        return int(self._places(width)[1] * line * 1.4 + line * 0.1)

    def sizeHint(self) -> QSize:
        metrics, line, patch, gap = self._metrics()
        if self.vertical:
            widest = max((metrics.horizontalAdvance(text) for _, text, _ in self._entries()),
                         default=0)
            return QSize(int(line + patch + gap + widest + 2),
                         int(len(self._entries()) * line * 1.4 + line))
        return QSize(200, self.height_for(max(self.width(), 200)))

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(hint.width(), 10) if self.vertical else QSize(50, hint.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.fillRect(self.rect(), self.theme.background)
            metrics, line, patch, gap = self._metrics()
            size = min(patch * 0.6, self.theme.marker_size * MAX_POINT_SCALE)
            outline = _cosmetic(plain_pen(self.theme.foreground, 1.0))
            entries = self._entries()
            step = line * 1.4
            x, middle = line * 0.5, self.height() / 2
            if self.vertical:
                middle = max(line, (self.height() - step * len(entries)) / 2 + step / 2)
            else:
                places, rows = self._places(self.width())
                first_row = max(step / 2, (self.height() - step * rows) / 2 + step / 2)
            for number, (index, text, filled) in enumerate(entries):
                if not self.vertical:
                    x, row = places[number]
                    middle = first_row + row * step
                if index >= 0:
                    style = class_style(index)
                    painter.fillRect(QRectF(x, middle - patch / 2, patch, patch),
                                     QColor(style.tint))
                    symbol, brush = style.symbol, QBrush(QColor(style.marker))
                else:   # filled and hollow: the training and test sets
                    symbol = "o"
                    brush = QBrush(self.theme.foreground) if filled \
                        else QBrush(Qt.BrushStyle.NoBrush)
                painter.save()
                painter.translate(QPointF(x + patch / 2, middle))
                drawSymbol(painter, symbol, size, outline, brush)
                painter.restore()
                text_left = x + patch + gap
                painter.setPen(self.theme.foreground)
                painter.drawText(QRectF(text_left, middle - line / 2,
                                        metrics.horizontalAdvance(text) + 2, line),
                                 int(Qt.AlignmentFlag.AlignVCenter), text)
                if self.vertical:
                    middle += step
        finally:
            painter.end()


def _cosmetic(pen: QPen) -> QPen:
    """``pen`` for drawSymbol, which scales the painter by the marker's size: a cosmetic pen
    keeps its width in pixels."""
    pen = QPen(pen)
    pen.setCosmetic(True)
    return pen


class DecisionRegionsView(QWidget):
    """One plot of decision regions per run, for data with two inputs (see the module
    docstring); for other data a message says why there is nothing to show."""

    slug = "decision-regions"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.graphics = pg.GraphicsLayoutWidget()
        self.layout_item: pg.GraphicsLayout = self.graphics.ci
        self.key = ClassKey()
        self._page = QWidget()
        self._page_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._page)
        self._page_layout.setContentsMargins(0, 0, 0, 0)
        self._page_layout.setSpacing(0)
        self._page_layout.addWidget(self.graphics, 1)
        self._page_layout.addWidget(self.key)
        self.graphics.viewport().installEventFilter(self)
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setAutoFillBackground(True)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self._page)
        self._stack.addWidget(self.message_label)
        # The window adds its Export and Copy entries to the menus of context_menus(); plots
        # made later (more runs) copy them from this one, which is never shown.
        self._menu_template = QMenu(self)
        self.points_action = QAction(self.tr("Show data points"), self)
        self.points_action.setCheckable(True)
        self.points_action.setChecked(True)
        self.points_action.setToolTip(self.tr("Hide the points to see the regions whole"))
        self.points_action.toggled.connect(self._on_points_toggled)
        self._menu_template.addAction(self.points_action)
        self._plots: dict[str, RegionPlot] = {}
        self._order: tuple[str, ...] = ()
        self._titles: dict[str, str] = {}   # each run's title before any eliding
        self._arranged_as: tuple | None = None
        self._columns = 1
        self._axes_shown = True
        self._frame: LabFrame | None = None
        self._dataset: Dataset | None = None
        self._window: tuple[float, float, float, float] = (-1.0, 1.0, -1.0, 1.0)
        self._grid: tuple[np.ndarray, np.ndarray] = grid_axes(self._window)
        self._side = 0.0      # the plots' side in pixels
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
        if self._stack.currentWidget() is not self._page:
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
    def window(self) -> tuple[float, float, float, float]:
        """(x_min, x_max, y_min, y_max) every plot shows and the regions' image covers: the
        data's square with a margin."""
        return self._window

    @property
    def points_shown(self) -> bool:
        return self.points_action.isChecked()

    def set_points_shown(self, shown: bool) -> None:
        self.points_action.setChecked(shown)

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
        if frame.dataset.is_regression:
            return self.tr("Decision regions are for classes: not for regression, whose "
                           "answers are numbers")
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
        if self._stack.currentWidget() is not self._page:
            self._stack.setCurrentWidget(self._page)
        self._updates += 1
        if frame.dataset is not self._dataset:
            self._dataset = frame.dataset
            self._window = data_window(frame.dataset)
            self._grid = grid_axes(self._window)
            for plot in self._plots.values():
                self._set_range(plot)
            self._show_key()
        self._keep_plots(tuple(run.name for run in frame.runs), frame.runs)
        for run in frame.runs:
            plot = self._plots[run.name]
            self._show_title(plot, run)
            if plot.points_of is not frame.dataset:
                self._show_points(plot, frame.dataset)
        self._show_regions(frame.runs, frame.dataset.n_classes,
                           TRAINING_GRIDS_PER_FRAME if frame.training else None)

    def _show_key(self) -> None:
        dataset = self._dataset
        names = tuple(dataset.class_names)
        self.key.set_classes([class_label(names, index) for index in range(len(names))],
                             len(dataset.x_test) > 0)

    def _keep_plots(self, names: tuple[str, ...], runs: Sequence[RunFrame]) -> None:
        """One plot per run, made and removed only when the runs change."""
        if names == self._order:
            return
        for name in set(self._plots) - set(names):
            self._remove_plot(self._plots.pop(name))
        for name in names:
            if name not in self._plots:
                self._plots[name] = self._make_plot(name)
        self._order = names
        self._titles = {run.name: self._title_text(run) for run in runs}
        self._arranged_as = None
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
        self._set_range(plot)
        for points in (plot.train_points, plot.test_points):
            points.setVisible(self.points_shown)
        return plot

    def _remove_plot(self, plot: RegionPlot) -> None:
        plot.view_box.sigResized.disconnect(self._on_plot_resized)
        for item in (plot.plot, plot.title_label):
            if item in self.layout_item.items:
                self.layout_item.removeItem(item)

    def _title_text(self, run: RunFrame) -> str:
        """The shortest title the run can have: its label (what _arrange makes room for)."""
        return run.label

    def _title_texts(self, run: RunFrame) -> list[str]:
        """The run's titles, longest first. A diverged run may lose "(diverged)": its grey
        plane and the window's message say so too."""
        if run.status == DIVERGED:
            return [fill(self.tr("%1 (diverged)"), run.label), run.label]
        return [run.label]

    def _show_title(self, plot: RegionPlot, run: RunFrame) -> None:
        texts = self._title_texts(run)
        text = texts[0]
        # cut short only what does not fit even the plot's whole cell (see _arrange)
        metrics = QFontMetrics(font_of(self.theme, TITLE_TEXT_SCALE))
        width = self.graphics.viewport().width()
        if width > 0:
            available = int(width / max(self._columns, 1)
                            - metrics.horizontalAdvance("■ ") - TITLE_MARGIN)
            fitting = [candidate for candidate in texts
                       if metrics.horizontalAdvance(candidate) <= available]
            text = fitting[0] if fitting else metrics.elidedText(
                texts[-1], Qt.TextElideMode.ElideMiddle, max(available, 0))
        # a square in the run's colour ties the plot to the run's curves and the colour key;
        # the text itself stays dark (orange or sky blue text is hard to read on white)
        title = (f"<span style='color:{QColor(run.colour).name()}'>■</span> "
                 f"{html.escape(text)}")
        if self._titles.get(run.name) != self._title_text(run):
            self._titles[run.name] = self._title_text(run)
            self._arranged_as = None
            self._arrange()
        if plot.title != title:
            plot.title = title
            self._set_title(plot)

    def _set_title(self, plot: RegionPlot) -> None:
        theme = self.theme
        plot.title_label.setText(plot.title, color=theme.foreground.name(),
                                 size=f"{theme.font_point_size * TITLE_TEXT_SCALE:g}pt")

    def _show_points(self, plot: RegionPlot, dataset: Dataset) -> None:
        plot.points_of = dataset
        theme = self.theme
        classes = range(dataset.n_classes)
        styles = [class_style(index) for index in classes]
        brushes = [QBrush(QColor(style.marker)) for style in styles]
        outline = plain_pen(theme.foreground, 1.0)
        train, test = dataset.labels_train, dataset.labels_test
        plot.train_points.setData(
            x=np.asarray(dataset.x_train[:, 0], dtype=float),
            y=np.asarray(dataset.x_train[:, 1], dtype=float),
            brush=[brushes[label] for label in train],
            symbol=[styles[label].symbol for label in train], pen=outline)
        # hollow, in the class's marker colour darkened to stand out on any tint
        ring_width = max(1.5, theme.line_width * 0.6)
        rings = [plain_pen(QColor(style.marker).darker(140), ring_width) for style in styles]
        plot.test_points.setData(
            x=np.asarray(dataset.x_test[:, 0], dtype=float),
            y=np.asarray(dataset.x_test[:, 1], dtype=float),
            pen=[rings[label] for label in test],
            symbol=[styles[label].symbol for label in test],
            brush=QBrush(Qt.BrushStyle.NoBrush))
        self._size_points(plot)

    def _size_points(self, plot: RegionPlot) -> None:
        dataset = plot.points_of
        if dataset is None:
            return
        size = point_size(self._side, len(dataset.x_train) + len(dataset.x_test), self.theme)
        for points in (plot.train_points, plot.test_points):
            if points.opts["size"] != size:
                points.setSize(size)

    def _on_points_toggled(self, shown: bool) -> None:
        for plot in self._plots.values():
            plot.train_points.setVisible(shown)
            plot.test_points.setVisible(shown)

    def _show_regions(self, runs: Sequence[RunFrame], n_classes: int,
                      budget: int | None) -> None:
        """Evaluate the grid for every run whose network changed; with a ``budget`` (while
        training) for at most that many, those shown longest first."""
        stale = []
        for run in runs:
            plot = self._plots[run.name]
            network = run.network
            if network is None or network.layer_sizes[0] != 2:
                if plot.key is not None or plot.image.image is not None:
                    plot.key, plot.classes = None, None
                    plot.image.clear()
                continue
            key = (run.name, run.network_epoch, _network_key(network), self._window)
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

    def _set_range(self, plot: RegionPlot) -> None:
        x0, x1, y0, y1 = self._window
        plot.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    # -- the layout ------------------------------------------------------------------------
    def _on_plot_resized(self, *_) -> None:
        # an axis that grew (wider tick labels) leaves the box no longer square
        plots = self.shown_plots
        if plots and abs(plots[0].view_box.width() - plots[0].view_box.height()) > 1.5:
            self._fit_cells()

    def _title_height(self) -> float:
        return QFontMetrics(font_of(self.theme, TITLE_TEXT_SCALE)).height() + 8.0

    def _axes_overhead(self, plot: RegionPlot | None, axes: bool) -> tuple[float, float]:
        """Pixels a plot needs beside and below its square for its axes (and its margins)."""
        if not axes:
            return 2.0, 2.0
        if plot is not None:
            left, bottom = plot.plot.getAxis("left"), plot.plot.getAxis("bottom")
            if left.isVisible() and bottom.isVisible():
                return left.maximumWidth() + 2.0, bottom.maximumHeight() + 2.0
        # before the axes are laid out: as wide as style_plot makes them, with their label
        metrics = QFontMetrics(font_of(self.theme))
        line = metrics.height()
        return line + metrics.horizontalAdvance("−0.00") + 20.0, 2 * line + 12.0

    def _arrange(self) -> None:
        """The plots in a grid whose titles fit their cells (never cut while some grid lets
        them fit) and, among those, with as many columns as make each plot largest; with
        axes where they leave the regions at least MIN_AXES_SIDE_LINES lines high and wide.
        Laid out again only when that changes."""
        count = len(self._order)
        viewport = self.graphics.viewport()
        width, height = max(viewport.width(), 1), max(viewport.height(), 1)
        metrics = QFontMetrics(font_of(self.theme, TITLE_TEXT_SCALE))
        titles = self._titles
        widest_title = max((metrics.horizontalAdvance("■ " + text) for text in titles.values()),
                           default=0) + TITLE_MARGIN
        title_height = self._title_height()
        some_plot = next(iter(self._plots.values()), None)

        def best(axes: bool) -> tuple[int, float]:
            extra_width, extra_height = self._axes_overhead(some_plot, axes)

            def side_of(columns: int) -> float:
                rows = math.ceil(count / columns)
                return min(width / columns - extra_width,
                           height / rows - title_height - extra_height)

            largest = max((side_of(columns) for columns in range(1, count + 1)), default=0.0)

            def merit(columns: int) -> tuple[bool, float, int, int]:
                # whole titles (unless the plots would shrink to less than half the size
                # they could have), then the plots' side, no empty cells, side by side
                rows = math.ceil(count / columns)
                side = side_of(columns)
                fits = widest_title <= width / columns and side >= TITLE_SIDE_SHARE * largest
                return fits, round(side), -(rows * columns - count), columns

            columns = max(range(1, count + 1), key=merit) if count else 1
            return columns, side_of(columns)

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
            for item in (plot.title_label, plot.plot):
                if item in layout.items:
                    layout.removeItem(item)
        for index, name in enumerate(self._order):
            plot = self._plots[name]
            for axis in ("left", "bottom"):
                plot.plot.showAxis(axis, axes)
            row, column = divmod(index, columns)
            layout.addItem(plot.title_label, row=2 * row, col=column)
            layout.addItem(plot.plot, row=2 * row + 1, col=column)
            layout.layout.setAlignment(plot.plot, Qt.AlignmentFlag.AlignHCenter
                                       | Qt.AlignmentFlag.AlignTop)
        self._fit_cells()
        if self._frame is not None:   # the titles' room changed
            for run in self._frame.runs:
                plot = self._plots.get(run.name)
                if plot is not None:
                    self._show_title(plot, run)

    def _fit_cells(self) -> None:
        """Every cell equally large, each plot a square as large as its cell allows (every
        plot shows the same window, so they must share one shape too, or one unit would not
        be equally long in all)."""
        count = len(self._order)
        if not count:
            return
        grid = self.layout_item.layout
        columns = self._columns
        rows = math.ceil(count / columns)
        left, top, right, bottom = grid.getContentsMargins()
        size = self.graphics.viewport().size()
        title_height = self._title_height()
        width = (size.width() - left - right - grid.horizontalSpacing() * (columns - 1))
        height = (size.height() - top - bottom - grid.verticalSpacing() * (2 * rows - 1)
                  - rows * title_height)
        cell_width, cell_height = max(width / columns, 1.0), max(height / rows, 1.0)
        for column in range(grid.columnCount()):
            grid.setColumnFixedWidth(column, cell_width if column < columns else 0.0)
        for row in range(grid.rowCount()):
            if row >= 2 * rows:
                grid.setRowFixedHeight(row, 0.0)
            else:
                grid.setRowFixedHeight(row, title_height if row % 2 == 0 else cell_height)
        plots = [self._plots[name] for name in self._order]
        extra_width, extra_height = self._axes_overhead(plots[0], self._axes_shown)
        side = max(min(cell_width - extra_width, cell_height - extra_height), 10.0)
        for plot in plots:
            # a fixed size: the layout centres the square in its cell
            plot.plot.setMinimumSize(0, 0)
            plot.plot.setMaximumSize(side + extra_width, side + extra_height)
            plot.plot.setPreferredSize(side + extra_width, side + extra_height)
        if side != self._side:
            self._side = side
            for plot in plots:
                self._size_points(plot)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # a wide view keeps its height for the plots: the key goes beside them
        vertical = self.width() > KEY_BESIDE_ASPECT * self.height()
        if vertical != self.key.vertical:
            self.key.set_vertical(vertical)
            self._page_layout.setDirection(QBoxLayout.Direction.LeftToRight if vertical
                                           else QBoxLayout.Direction.TopToBottom)


    def eventFilter(self, watched, event) -> bool:
        # laid out for the plots' own room, once the key has taken its share
        if watched is self.graphics.viewport() and event.type() == QEvent.Type.Resize \
                and self._order:
            self._arrange()
        return super().eventFilter(watched, event)

    # -- theme -----------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.graphics.setBackground(theme.background)
        self.key.apply_theme(theme)
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
