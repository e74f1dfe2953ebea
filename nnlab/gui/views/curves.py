"""Learning curves against the epoch: the cost, the output and the size of the gradient.

Each plot holds one persistent curve per run (and per series) that is fed with ``setData``
from the frame; nothing is cleared and re-plotted per frame. A curve draws at most
about one evenly spaced row of its run per pixel (``frame.drawn_rows``), so a 10⁵-row
history redraws as fast as the lesson's 300 epochs. A curve shows its run up to the epoch on show (``RunFrame.upto``):
moving the timeline back hides the future, and a vertical line marks that epoch.

The module also holds :class:`PlotView`, the pyqtgraph plumbing the other plot views share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem, QMenu, QVBoxLayout, QWidget

from nnlab.gui.frame import LessonFrame, RunFrame, drawn_rows, evenly_spaced_rows
from nnlab.gui.theme import NORMAL, Theme, style_plot, theme_font
from nnlab.gui.number_text import format_number

#: Symbols that tell the runs apart without colour (first run, second run, …).
RUN_SYMBOLS = ("o", "s", "t", "d", "star")

#: At most this many decades of |∂C/∂w| are shown below the largest value on the log axis:
#: a gradient that underflows towards 10⁻³⁰⁰ must not squash the lesson's 10⁻² … 10⁰.
MAX_GRADIENT_DECADES = 12

#: Legend text relative to the theme's font: legends name what the axes and colours show,
#: they are not the lesson.
LEGEND_TEXT_SCALE = 0.85
#: Nearly opaque: a curve passing under the legend must not make its text unreadable.
LEGEND_BACKGROUND_ALPHA = 235
#: Between the legend's box and the plot's edge, in pixels (the legends' offset).
LEGEND_MARGIN = 8
#: The legend of a plot against the epoch moves to another corner only when there it would
#: hide at most this share of the curve points it hides where it is, and where it is it
#: hides at least LEGEND_MOVE_MIN_POINTS: it should not wander about as the curves grow.
LEGEND_MOVE_RATIO = 0.5
LEGEND_MOVE_MIN_POINTS = 5
#: (x, y) of the legend's corner, in order of preference: top right, where the lesson's
#: costs and gradients leave most room, first.
LEGEND_CORNERS = ((1, 0), (1, 1), (0, 0), (0, 1))
#: Pixels above and below a legend that sits in a row of its own above the plot.
LEGEND_ROW_GAP = 2
#: An axis label longer than its axis is set smaller, down to this share of the theme's size.
MIN_AXIS_LABEL_SCALE = 0.6
#: A run's only point (epoch 0) is drawn as a marker this size relative to the theme's:
#: a line through one point draws nothing.
LONE_POINT_SCALE = 0.8


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


def draft_pen(pen: QPen) -> QPen:
    """``pen`` with flat ends and bevelled corners: much cheaper to stroke than round ones
    (a curve while training runs, see EpochPlot)."""
    draft = QPen(pen)
    draft.setCapStyle(Qt.PenCapStyle.FlatCap)
    draft.setJoinStyle(Qt.PenJoinStyle.BevelJoin)
    return draft


def literal_format(text: str) -> str:
    """``text`` as an InfLineLabel format that shows it as it is (braces escaped)."""
    return text.replace("{", "{{").replace("}", "}}")


def translucent(color: QColor, alpha: int) -> QColor:
    color = QColor(color)
    color.setAlpha(alpha)
    return color


def disable_si_prefix(*items: pg.PlotItem | pg.AxisItem) -> None:
    """No automatic SI prefix on any axis of ``items`` (plot items or axes).

    pyqtgraph scales an axis whose values are all below 1 and appends "(x0.001)" to its
    label; the lessons' axes show true values and say so in their labels (a log axis, whose
    tick labels ignore the scale, would even read 1000 times too small). Call it for every
    plot a view creates.
    """
    for item in items:
        axes = ([axis["item"] for axis in item.axes.values()] if isinstance(item, pg.PlotItem)
                else [item])
        for axis in axes:
            axis.enableAutoSIPrefix(False)


def cache_pictures(*items: QGraphicsItem) -> None:
    """Keep each item's picture in a pixmap of the screen's resolution.

    For items that rarely change but lie under ones that move every frame: an axis with its
    grid lines (which cover the whole plot), the sigmoid and its shading, a heatmap. A
    frame then copies their pixels instead of drawing them again. Exports turn the caches
    off while they draw, so vector files get vectors and large PNGs full resolution.
    """
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class PlotView(QWidget):
    """A QWidget holding one pyqtgraph PlotWidget, themed as a whole."""

    slug = ""
    #: Set an axis label smaller where the axis is too short for it (see fit_axis_labels).
    fits_axis_labels = False

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
        self._legend_visible = True
        self._legend_arrangement: tuple | None = None
        for name in ("left", "bottom"):
            # major and minor grid lines, not the third level: the translucent grid is most
            # of a repaint's cost, and the finest lines only add clutter on a projector
            self.plot_item.getAxis(name).setStyle(maxTickLevel=1)
        cache_pictures(*(axis["item"] for axis in self.plot_item.axes.values()))
        disable_si_prefix(self.plot_item)
        self.view_box.sigResized.connect(self.arrange_legend)
        if self.fits_axis_labels:
            self.view_box.sigResized.connect(self.fit_axis_labels)

    @property
    def title(self) -> str:
        raise NotImplementedError

    def export_widget(self) -> QWidget:
        return self

    def context_menus(self) -> list[QMenu]:
        """pyqtgraph takes the right mouse button itself: the menus the window extends."""
        return [self.view_box.menu]

    # -- the legend ------------------------------------------------------------------------
    @property
    def legend_visible(self) -> bool:
        return self._legend_visible

    def set_legend_visible(self, visible: bool) -> None:
        """Show or hide the legend (on a projector the window shows one colour key for all
        plots; exports show the legends again)."""
        self._legend_visible = bool(visible)
        self._show_legend_if_it_has_entries()
        self._legend_visibility_changed()

    def _show_legend_if_it_has_entries(self) -> None:
        """Show the legend as chosen (views whose legend may be empty show it only when
        it names something: an empty legend is a blank box over the plot)."""
        legend = self.plot_item.legend
        if legend is not None:
            legend.setVisible(self._legend_visible)

    def _legend_visibility_changed(self) -> None:
        """For views that keep other items clear of the legend."""

    def arrange_legend(self, *_) -> None:
        """Lay the legend's entries out on as few rows as the plot's width allows.

        pyqtgraph fills a multi-column legend in the order entries were added and leaves a
        hole where one is removed; the entries are laid out again here, in order, row by row,
        with the most columns (fewest rows) whose box fits inside the plot.
        """
        legend = self.plot_item.legend
        if legend is None:
            return
        entries = list(legend.items)
        available = self._legend_available_width()
        label_widths = tuple(round(label.minimumWidth(), 1) for _, label in entries)
        key = (tuple(id(sample) for sample, _ in entries), label_widths, round(available))
        if key == self._legend_arrangement:
            return
        self._legend_arrangement = key
        gap = QFontMetricsF(font_of(self.theme, LEGEND_TEXT_SCALE)).height() * 0.6
        count = len(entries)
        choices = sorted({math.ceil(count / rows) for rows in range(1, count + 1)},
                         reverse=True) or [1]
        left, _, right, _ = legend.layout.getContentsMargins()
        columns = choices[-1]
        for candidate in choices:
            width = _legend_width(entries, candidate, gap) + left + right
            if available <= 0 or width <= available:
                columns = candidate
                break
        layout = legend.layout
        for index in range(layout.count() - 1, -1, -1):
            layout.removeAt(index)
        for index, (sample, label) in enumerate(entries):
            row, column = divmod(index, columns)
            layout.addItem(sample, row, 2 * column, alignment=Qt.AlignmentFlag.AlignVCenter)
            layout.addItem(label, row, 2 * column + 1)
        for column in range(columns):
            layout.setColumnSpacing(2 * column, 2.0)
            layout.setColumnSpacing(2 * column + 1, gap)
        legend.columnCount = columns
        legend.rowCount = max(1, math.ceil(count / columns))
        # sized by the layout itself (LegendItem.updateSize leaves out margins and spacing)
        layout.invalidate()
        legend.setGeometry(QRectF(legend.pos(), QSizeF(0, 0)))
        layout.activate()
        size = layout.effectiveSizeHint(Qt.SizeHint.PreferredSize) if entries else QSizeF(0, 0)
        legend.setGeometry(QRectF(legend.pos(), size))

    def _anchor_legend(self, corner: tuple[int, int]) -> None:
        """Put the legend in ``corner`` of the plot (one of LEGEND_CORNERS)."""
        self._legend_corner = corner
        offset = tuple(LEGEND_MARGIN if end == 0 else -LEGEND_MARGIN for end in corner)
        self.plot_item.legend.anchor(itemPos=corner, parentPos=corner, offset=offset)

    def _legend_available_width(self) -> float:
        """How wide the legend may be, in pixels."""
        return self.view_box.width() - 2 * LEGEND_MARGIN

    def _style_legend(self, theme: Theme) -> None:
        legend = self.plot_item.legend
        if legend is None:
            return
        legend.setLabelTextSize(f"{theme.font_point_size * LEGEND_TEXT_SCALE:g}pt")
        for _sample, label in legend.items:
            label.setText(label.text)  # LabelItem renders the new size on setText only
        background = QColor(theme.background)
        background.setAlpha(LEGEND_BACKGROUND_ALPHA)
        legend.setBrush(background)
        padding = max(2.0, theme.font_point_size * 0.2)
        legend.layout.setContentsMargins(padding, padding / 2, padding, padding / 2)
        legend.layout.setVerticalSpacing(0.0)
        self._show_legend_if_it_has_entries()
        self._legend_arrangement = None
        self.arrange_legend()

    def apply_theme(self, theme: Theme) -> None:
        # No title inside the plot: the axis labels say what is drawn, slides bring their
        # own titles, and at projector size a title row costs a tenth of the height.
        self.theme = theme
        style_plot(self.plot_widget, theme)
        self.plot_item.showGrid(x=True, y=True, alpha=theme.grid_alpha)
        self._style_legend(theme)
        if self.fits_axis_labels:
            self.fit_axis_labels()

    def fit_axis_labels(self, *_) -> None:
        """The left and bottom axis labels in the theme's size, or smaller where that is
        longer than the axis (a projector's 20 pt "|∂C/∂w|, |∂C/∂b|" beside a short plot):
        a label cut at both ends says nothing."""
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            length = axis.height() if name == "left" else axis.width()
            if not axis.labelText or length <= 0:
                continue
            size = float(self.theme.font_point_size)
            smallest = size * MIN_AXIS_LABEL_SCALE
            self._set_axis_label_size(axis, size)
            # the label's box (margins included) against the axis, in half-point steps
            while axis.label.boundingRect().width() > length and size > smallest:
                size = max(smallest, math.floor(
                    2 * size * length / axis.label.boundingRect().width()) / 2)
                self._set_axis_label_size(axis, size)

    @staticmethod
    def _set_axis_label_size(axis: pg.AxisItem, size: float) -> None:
        wanted = f"{size:g}pt"
        if axis.labelStyle.get("font-size") != wanted:
            axis.labelStyle["font-size"] = wanted
            axis._updateLabel()


def corner_box(view: QRectF, corner: tuple[int, int], width: float, height: float) -> QRectF:
    """Where a legend of ``width`` × ``height`` lies in ``corner`` of ``view``."""
    left = (view.left() + LEGEND_MARGIN if corner[0] == 0
            else view.right() - LEGEND_MARGIN - width)
    top = (view.top() + LEGEND_MARGIN if corner[1] == 0
           else view.bottom() - LEGEND_MARGIN - height)
    return QRectF(left, top, width, height)


def _legend_width(entries, columns: int, gap: float) -> float:
    """The width of a legend of ``entries`` (sample, label) laid out in ``columns``."""
    widths = [0.0] * columns
    for index, (sample, label) in enumerate(entries):
        column = index % columns
        widths[column] = max(widths[column],
                             sample.minimumWidth() + 2.0 + label.minimumWidth())
    return sum(widths) + gap * (columns - 1)


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
        legend = self.plot_item.legend
        current = self._legend_text.get(key)
        if current == text:
            return
        if text is None:
            legend.removeItem(curve)
            del self._legend_text[key]
        else:
            if current is None:
                legend.addItem(curve, text)
            else:
                label = legend.getLabel(curve)
                if label is not None:
                    label.setText(text)
            self._legend_text[key] = text
        self.arrange_legend()

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

    def update_frame(self, frame: LessonFrame) -> None:
        self._run_names = [run.name for run in frame.runs]
        epochs = max(int(frame.epochs), 1)
        if epochs != self._epochs_shown:  # first: the curves draw what is in view
            self._epochs_shown = epochs
            self.plot_item.setXRange(0, epochs, padding=0.02)
        self._set_smooth(not frame.training)
        shown = set()
        for run in frame.runs:
            for series in self.series:
                key = (run.name, series.key)
                curve = self._curve_for(run, series)
                rows = self._drawn_rows(run)
                x = run.columns["epoch"][rows]
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
    legend_above = True
    fits_axis_labels = True

    @property
    def title(self) -> str:
        return self.tr("Cost")

    def y_label(self) -> str:
        return self.tr("cost C")

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
        """From 0 to a round number above every cost of the runs and their common start:
        right before the first epoch arrives, so the axis need not change when it does."""
        columns = [run.columns["cost"] for run in frame.runs if run.index >= 0]
        for run in frame.runs:
            start = frame.start_state(run.name)
            if start is not None:
                columns.append(np.array([start.cost]))
        top = _max_finite(columns)
        if top is None:
            return None
        return 0.0, nice_upper(top)


class OutputPlot(EpochPlot):
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
        # the band for the label depends on the plot's height in pixels
        self.view_box.sigResized.connect(self._refit_y_range)

    @property
    def title(self) -> str:
        return self.tr("Output")

    def y_label(self) -> str:
        return self.tr("output a")

    def update_frame(self, frame: LessonFrame) -> None:
        if frame.y != self._target_y:
            self._target_y = frame.y
            # on the side of the line away from the outputs, which lie in (0, 1)
            self._label_below = frame.y < 0.5
            anchor = (0.0, 0.0) if self._label_below else (0.0, 1.0)
            self.target_line.label.anchors = [anchor, anchor]
            self.target_line.setPos(frame.y)
            self.target_line.label.setFormat(
                literal_format(self.tr("target y = %1").replace("%1", format_number(frame.y))))
        super().update_frame(frame)

    def _legend_obstacles(self) -> list[QRectF]:
        label = self.target_line.label
        return [label.sceneBoundingRect()] if label.isVisible() and label.format else []

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
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


class GradientPlot(EpochPlot):
    """|∂C/∂w| (solid) and |∂C/∂b| (dashed) of each run on a log axis: the learning speed."""

    slug = "gradient"
    positive_only = True
    legend_above = True
    fits_axis_labels = True
    series = (
        Series("dC_dw", "dC_dw", Qt.PenStyle.SolidLine, _absolute),
        Series("dC_db", "dC_db", Qt.PenStyle.DashLine, _absolute),
    )
    # The legend names each run once (by its solid curve) and the two line styles once:
    # four short entries instead of four long ones, on one row where the plot is wide enough
    # and otherwise the line styles above the runs.
    _STYLE_ENTRIES = (("dC_dw", "|∂C/∂w|", Qt.PenStyle.SolidLine),
                      ("dC_db", "|∂C/∂b|", Qt.PenStyle.DashLine))

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(theme, parent)
        self.plot_item.setLogMode(x=False, y=True)
        self.plot_item.setYRange(-3, 0, padding=self._y_padding())

    def _create_items(self) -> None:
        legend = self.plot_item.legend
        # samples only: these items are never added to the plot
        self._style_samples = {key: pg.PlotDataItem() for key, _, _ in self._STYLE_ENTRIES}
        for key, text, _ in self._STYLE_ENTRIES:
            legend.addItem(self._style_samples[key], text)

    def legend_label(self, run: RunFrame, series: Series) -> str | None:
        return super().legend_label(run, series) if series.key == "dC_dw" else None

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
        return self.tr("|∂C/∂w|, |∂C/∂b|")

    def _curve_for(self, run: RunFrame, series: Series) -> pg.PlotDataItem:
        curve = super()._curve_for(run, series)
        curve.setLogMode(False, True)
        return curve

    def y_range_for(self, frame: LessonFrame) -> tuple[float, float] | None:
        """Whole decades (log10 units) around every positive, finite gradient of the runs."""
        return decade_range(np.abs(run.sample(column)) for run in frame.runs
                            if run.index >= 0 for column in ("dC_dw", "dC_db"))


def decade_range(arrays: Iterable[np.ndarray]) -> tuple[float, float] | None:
    """(bottom, top) in log10 units for a log axis: whole decades around every positive,
    finite value of ``arrays``, at most MAX_GRADIENT_DECADES of them (at least one); None
    when there is no such value."""
    low = high = None
    for values in arrays:
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


class BoundedTicksAxis(pg.AxisItem):
    """An axis with ticks only within ``tick_limits``: room the plot keeps beyond its data
    (for a label) gets no ticks that would suggest values there."""

    tick_limits = (-math.inf, math.inf)

    def tickValues(self, minVal, maxVal, size):
        low, high = self.tick_limits
        slack = 1e-9 * max(1.0, abs(high - low)) if math.isfinite(high - low) else 0.0
        return [(spacing, [value for value in values if low - slack <= value <= high + slack])
                for spacing, values in super().tickValues(minVal, maxVal, size)]


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


class EpochAxis(pg.AxisItem):
    """An axis of whole numbers whose labels never collide, whatever the font and width.

    pyqtgraph spaces ticks by the axis length alone and always labels the major ticks, so at
    projector size on a narrow plot ("100000" at 20 pt) the labels run into each other. Here
    the major spacing is the smallest 1, 2 or 5 × 10ⁿ whose labels, at the tick font, keep
    about a line height apart; the minor ticks in between get no labels. The "0" at the left
    end may stick out of the axis by half its width (pyqtgraph would drop it), into the
    empty corner below the left axis.
    """

    def __init__(self, *args, **kwargs) -> None:
        self._major_spacing: float | None = None
        self._left_overhang = 0.0
        super().__init__(*args, **kwargs)

    def setStyle(self, **kwargs) -> None:
        super().setStyle(**kwargs)
        overhang = math.ceil(self._metrics().horizontalAdvance("0") / 2) + 1
        if overhang != self._left_overhang:
            self.prepareGeometryChange()
            self._left_overhang = overhang

    def _metrics(self) -> QFontMetricsF:
        font = getattr(self, "style", {}).get("tickFont")
        return QFontMetricsF(font if font is not None else self.font())

    def boundingRect(self) -> QRectF:
        rect = super().boundingRect()
        if self.orientation in ("bottom", "top"):
            rect = rect.adjusted(-self._left_overhang, 0, 0, 0)
        return rect

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        if self._tickSpacing is not None:  # set explicitly with setTickSpacing
            return self._tickSpacing
        span = abs(maxVal - minVal)
        if span == 0 or size <= 0 or not math.isfinite(span):
            return []
        major = readable_tick_spacing(minVal, maxVal, size, self._metrics())
        self._major_spacing = major
        minor = major / (4 if _mantissa(major) == 2 else 5)
        if minor < 1:
            minor = major / 2 if major >= 2 else None
        return [(major, 0.0)] + ([(minor, 0.0)] if minor else [])

    def tickStrings(self, values, scale, spacing):
        if self._major_spacing is not None and spacing * scale < self._major_spacing * 0.999:
            return ["" for _ in values]
        return super().tickStrings(values, scale, spacing)


def _mantissa(step: float) -> int:
    return int(round(step / 10.0 ** math.floor(math.log10(step))))


def readable_tick_spacing(low: float, high: float, pixels: float,
                          metrics: QFontMetricsF) -> float:
    """The smallest whole 1, 2 or 5 × 10ⁿ step between labels at which the widest label of
    [low, high] plus a gap of one line height fits between neighbouring ticks (on an axis
    ``pixels`` long, labels in the font of ``metrics``)."""
    low, high = sorted((low, high))
    # the longest labels at either end (digits share one width in the usual fonts);
    # pyqtgraph writes negative ticks with a hyphen-minus
    widths = [metrics.horizontalAdvance(("-" if value < 0 else "")
                                        + "0" * len(str(int(abs(value)))))
              for value in (low, high) if math.isfinite(value)] or [0.0]
    needed = max(widths) + metrics.height()
    units_per_pixel = abs(high - low) / pixels
    minimum = max(needed * units_per_pixel, 1.0)
    exponent = math.floor(math.log10(minimum))
    for factor in (1, 2, 5, 10):
        step = factor * 10.0 ** exponent
        if step >= minimum * (1 - 1e-9):
            return step
    return 10.0 ** (exponent + 1)
