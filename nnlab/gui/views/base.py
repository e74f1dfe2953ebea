"""What every plot view shares: :class:`PlotView` (a pyqtgraph plot in a QWidget, with its
title, theme, legend and export), run pens and fonts, axes that keep their ticks readable
(epochs, decades), and the small helpers that choose axis ranges.
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem, QMenu, QVBoxLayout, QWidget

from nnlab.gui.theme import NORMAL, Theme, style_plot, theme_font
from nnlab.gui.text import format_number

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
#: Points counted along each segment of a polyline when the legend picks a corner: the
#: legend should not hide the line between two far-apart points (a five-epoch run has six).
SEGMENT_SAMPLES = 8
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

    def _set_legend_entry(self, entries: dict, key, curve: pg.PlotDataItem,
                          text: str | None) -> None:
        """Name ``curve`` ``text`` in the legend (None: take it out). ``entries`` maps each
        key to the text its curve has in the legend now; a new text keeps the entry's
        place, and an unchanged one costs nothing."""
        legend = self.plot_item.legend
        current = entries.get(key)
        if current == text:
            return
        if text is None:
            legend.removeItem(curve)
            del entries[key]
        else:
            if current is None:
                legend.addItem(curve, text)
            else:
                label = legend.getLabel(curve)
                if label is not None:
                    label.setText(text)
            entries[key] = text
        self.arrange_legend()

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


def points_along_segments(x: np.ndarray, y: np.ndarray,
                          samples: int = SEGMENT_SAMPLES) -> tuple[np.ndarray, np.ndarray]:
    """The points of the polyline (x, y) and ``samples`` - 1 more evenly spaced on each of its
    segments (a NaN point leaves NaNs on its segments, which no box contains)."""
    if len(x) < 2:
        return x, y
    t = np.linspace(0.0, 1.0, samples, endpoint=False)
    return (np.concatenate([x[:-1, None] + np.outer(np.diff(x), t), x[-1:, None]], axis=None),
            np.concatenate([y[:-1, None] + np.outer(np.diff(y), t), y[-1:, None]], axis=None))


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


def max_finite(columns: Iterable[np.ndarray]) -> float | None:
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
