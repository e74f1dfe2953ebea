"""The sigmoid σ(z) with each run's operating point on it: where the lesson happens.

The gradient of the quadratic cost carries the factor σ′(z), the slope of this curve at the
operating point. The view draws that slope as a tangent with its value, shades the saturated
ends of the curve where the slope is almost zero, and lets the lecturer drag the start along
the curve: a start deep in the flat part is the one that learns slowly.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtWidgets import QWidget

from nnlab.gui.frame import LessonFrame, RunFrame
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.breakdown import SIGMA_PRIME, format_number
from nnlab.gui.views.curves import (
    RUN_SYMBOLS, PlotView, literal_format, font_of, plain_pen, run_pen,
)

#: The curve counts as saturated where its slope σ′(z) is below this.
SATURATION_SLOPE = 0.02
# σ′(z) = a(1 − a) = s  ⇔  a = (1 ± √(1 − 4s)) / 2, and z = ln(a / (1 − a))
_ROOT = math.sqrt(1.0 - 4.0 * SATURATION_SLOPE)
#: |z| beyond which σ′(z) < SATURATION_SLOPE (≈ 3.87).
SATURATION_Z = math.log((1.0 + _ROOT) / (1.0 - _ROOT))

DEFAULT_Z_LIMIT = 8.0    # z ∈ [−8, 8] unless a point lies further out
Z_STEP = 4.0             # the z range widens in steps of this, so it rarely changes
MAX_Z_LIMIT = 60.0       # σ(60) = 1 − 10⁻²⁶: nothing further out is worth a wider axis
TANGENT_HALF_LENGTH = 1.6  # in units of z, either side of the operating point
# room above a = 1 and below a = 0 for the labels of saturated points
A_RANGE = (-0.1, 1.22)
ANNOTATION_SCALE = 0.8   # text on the plot, relative to the theme's font
SLOPE_LABEL_SCALE = 0.9  # the σ′ values are the lesson: a little larger
TEXT_CLASH = 4.0         # a pixel of text over text (or off the plot) against one over a line
_FAR = 1.0e4             # the shaded regions reach "infinitely" far out
_CURVE_POINTS = 801


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)) as ½ + ½ tanh(z/2): no overflow for any z, scalars or arrays."""
    return 0.5 + 0.5 * np.tanh(np.multiply(z, 0.5))


class StartMarker(pg.TargetItem):
    """The draggable start z₀ = w₀·x + b₀; it stays on the curve, only z follows the mouse."""

    def setPos(self, *args):
        point = pg.Point(*args)
        z = float(point.x())
        super().setPos(z, float(sigmoid(z)))

    @property
    def z(self) -> float:
        return float(self.pos().x())


class SigmoidView(PlotView):
    """σ(z) over z, the runs' operating points (z, a) with tangents of slope σ′(z), the
    saturated regions shaded, the target y dashed and the start as a draggable marker.

    ``start_changed(w, b)`` is emitted when a drag of the start marker ends: w stays the
    experiment's w₀ and b = z − w₀·x puts the start at the dropped z.
    """

    slug = "sigmoid"
    start_changed = Signal(float, float)

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: LessonFrame | None = None
        self._z_limits = (-DEFAULT_Z_LIMIT, DEFAULT_Z_LIMIT)
        self._points: dict[str, pg.ScatterPlotItem] = {}
        self._tangents: dict[str, pg.PlotDataItem] = {}
        self._slope_labels: dict[str, pg.TextItem] = {}
        self._operating: dict[str, tuple[float, float]] = {}
        self._legend_text: dict[str, str] = {}
        self._run_order: list[str] = []

        plot = self.plot_item
        plot.disableAutoRange()
        # a mis-aimed drag at the start marker must not pan the curve away
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("bottom", self.tr("z = w·x + b"))
        plot.setLabel("left", self.tr("σ(z)"))
        # bottom right: the one corner the rising curve and its saturated points leave free
        plot.addLegend(offset=(-8, -8))

        self.saturation_regions = [
            pg.LinearRegionItem((-_FAR, -SATURATION_Z), movable=False),
            pg.LinearRegionItem((SATURATION_Z, _FAR), movable=False),
        ]
        text = self.tr("saturated") + "\n" + \
            f"{SIGMA_PRIME} < {format_number(SATURATION_SLOPE)}"
        # where the curve leaves room: left half-way up (the curve is near 0 there), right
        # between the saturated points near a = 1 and the legend in the bottom corner
        self.saturation_labels = [pg.TextItem(text, anchor=(0, 0.5)),
                                  pg.TextItem(text, anchor=(1, 0.5))]
        for region, label in zip(self.saturation_regions, self.saturation_labels):
            region.setZValue(-10)
            for line in region.lines:
                line.setPen(pg.mkPen(None))
            plot.addItem(region, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)

        self.curve = pg.PlotDataItem(antialias=True)
        plot.addItem(self.curve)
        self.target_line = pg.InfiniteLine(
            angle=0, movable=False, label="",
            labelOpts={"position": 0.5, "anchors": [(0.5, 1.0), (0.5, 1.0)]})
        plot.addItem(self.target_line, ignoreBounds=True)

        self.start_marker = StartMarker(pos=(0.0, 0.5), symbol="crosshair")
        self.start_marker.setZValue(100)
        self.start_marker.setToolTip(self.tr(
            "The start: z₀ = w·x + b. Drag it along the curve to start from another b "
            "(w stays); the runs restart from there."))
        self.start_marker.sigPositionChanged.connect(self._on_start_dragged)
        self.start_marker.sigPositionChangeFinished.connect(self._on_start_dropped)
        plot.addItem(self.start_marker, ignoreBounds=True)
        self.start_label = pg.TextItem(self.tr("start"), anchor=(0.5, 0))
        self.start_label.setZValue(100)
        plot.addItem(self.start_label, ignoreBounds=True)

        self._set_z_limits(self._z_limits)
        plot.setYRange(*A_RANGE, padding=0)
        self.view_box.sigResized.connect(self._place_labels)
        self.view_box.sigRangeChanged.connect(self._place_labels)
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Sigmoid")

    # -- what tests and the window may look at ---------------------------------------------
    def operating_point(self, run_name: str) -> tuple[float, float] | None:
        """(z, a) of the run's marker, None when the run is not shown."""
        return self._operating.get(run_name)

    def tangent(self, run_name: str) -> pg.PlotDataItem | None:
        return self._tangents.get(run_name)

    def slope_label(self, run_name: str) -> pg.TextItem | None:
        return self._slope_labels.get(run_name)

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: LessonFrame) -> None:
        self._frame = frame
        self._operating = {}
        self._run_order = []
        for order, run in enumerate(frame.runs):
            z, a = run.value("z"), run.value("a")
            if run.index < 0 or not (math.isfinite(z) and math.isfinite(a)):
                self._hide_run(run.name)
                continue
            self._show_run(run, order, z, a)
        for name in set(self._points) - set(self._operating):
            self._hide_run(name)

        if frame.y != self.target_line.value() or not self.target_line.label.format:
            self.target_line.setPos(frame.y)
            self.target_line.label.setFormat(
                literal_format(self.tr("target y = %1").replace("%1", format_number(frame.y))))
        start_z = frame.w0 * frame.x + frame.b0
        dragging = self.start_marker.moving
        if not dragging and math.isfinite(start_z):
            self.start_marker.setPos(start_z, 0.0)
            self.start_label.setText(self.tr("start"))
        if not dragging:
            shown = [z for z, _ in self._operating.values()]
            if math.isfinite(start_z):
                shown.append(start_z)
            self._set_z_limits(_z_limits_for(shown))
        self._place_labels()

    def _show_run(self, run: RunFrame, order: int, z: float, a: float) -> None:
        name = run.name
        if name not in self._points:
            point = pg.ScatterPlotItem(symbol=RUN_SYMBOLS[order % len(RUN_SYMBOLS)])
            point.setZValue(60)
            tangent = pg.PlotDataItem(antialias=True)
            tangent.setZValue(55)
            label = pg.TextItem("", anchor=(0, 0))
            label.setZValue(70)
            self.plot_item.addItem(tangent)
            self.plot_item.addItem(point)
            self.plot_item.addItem(label, ignoreBounds=True)
            self._points[name], self._tangents[name], self._slope_labels[name] = \
                point, tangent, label
            self._style_run(name)
        point, tangent, label = self._points[name], self._tangents[name], self._slope_labels[name]
        slope = a * (1.0 - a)  # σ′(z) = σ(z)(1 − σ(z)), the tangent's slope
        point.setData([z], [a])
        half = TANGENT_HALF_LENGTH
        tangent.setData([z - half, z + half], [a - slope * half, a + slope * half])
        label.setText(f"{SIGMA_PRIME} = {format_number(slope)}")
        for item in (point, tangent, label):
            item.setVisible(True)
        self._operating[name] = (z, a)
        self._run_order.append(name)
        if self._legend_text.get(name) != run.label:
            legend = self.plot_item.legend
            if name in self._legend_text:
                legend.removeItem(point)
            legend.addItem(point, run.label)
            self._legend_text[name] = run.label

    def _hide_run(self, name: str) -> None:
        if name not in self._points:
            return
        for item in (self._points[name], self._tangents[name], self._slope_labels[name]):
            item.setVisible(False)
        if self._legend_text.pop(name, None) is not None:
            self.plot_item.legend.removeItem(self._points[name])

    def _set_z_limits(self, limits: tuple[float, float]) -> None:
        if limits == self._z_limits and self.curve.xData is not None:
            return
        self._z_limits = limits
        z = np.linspace(limits[0], limits[1], _CURVE_POINTS)
        self.curve.setData(z, sigmoid(z))
        self.plot_item.setXRange(*limits, padding=0)

    # -- labels that keep out of each other's way -----------------------------------------
    def _place_labels(self, *_) -> None:
        """Put the start label and the σ′ labels next to their points, clear of each other,
        the legend, the saturation and target labels, the curve and the tangents.

        All in scene pixels, because text keeps its size whatever the axes' scale: each
        label takes the first of a few places around its point that overlaps nothing and
        lies inside the plot, or else the place that overlaps least.
        """
        low, high = self._z_limits
        margin = 0.015 * (high - low)
        self.saturation_labels[0].setPos(low + margin, 0.5)
        self.saturation_labels[1].setPos(high - margin, 0.5)

        vb = self.view_box
        view_rect = vb.sceneBoundingRect()
        offset = self.theme.marker_size / 2 + 4
        if view_rect.width() < 20 or view_rect.height() < 20:
            # not laid out yet (hidden widget): alternate sides, refined on the first resize
            for i, name in enumerate(self._run_order):
                label = self._slope_labels[name]
                label.setAnchor((0, 0) if i % 2 == 0 else (1, 1))
                label.setPos(*self._operating[name])
            self.start_label.setPos(self.start_marker.z, float(sigmoid(self.start_marker.z)))
            return

        origin, unit = vb.mapViewToScene(QPointF(0, 0)), vb.mapViewToScene(QPointF(1, 1))
        scale_x, scale_y = unit.x() - origin.x(), unit.y() - origin.y()

        def to_scene(z, a):
            return origin.x() + scale_x * np.asarray(z), origin.y() + scale_y * np.asarray(a)

        boxes = [_box(label.sceneBoundingRect()) for label in self.saturation_labels]
        legend = self.plot_item.legend
        if legend is not None and legend.isVisible() and legend.items:
            boxes.append(_box(legend.sceneBoundingRect()))
        if self.target_line.label.isVisible():
            boxes.append(_box(self.target_line.label.sceneBoundingRect()))
        # the curve and the tangents, as small squares every few pixels along them
        line_half = self.theme.line_width / 2 + 2
        z = np.linspace(low, high, max(int(view_rect.width() / 6), 2))
        curve_x, curve_y = to_scene(z, sigmoid(z))
        xs, ys = [curve_x], [curve_y]
        for name in self._run_order:
            tangent_z, tangent_a = self._tangents[name].getOriginalDataset()
            t = np.linspace(0.0, 1.0, 12)
            tz = tangent_z[0] + t * (tangent_z[1] - tangent_z[0])
            ta = tangent_a[0] + t * (tangent_a[1] - tangent_a[0])
            sx, sy = to_scene(tz, ta)
            xs.append(sx)
            ys.append(sy)
        xs, ys = np.concatenate(xs), np.concatenate(ys)
        line_boxes = np.column_stack([xs - line_half, ys - line_half,
                                      xs + line_half, ys + line_half])
        # the markers themselves
        marker_half = offset - 2
        points = [to_scene(*self._operating[name]) for name in self._run_order]
        points.append(to_scene(self.start_marker.z, float(sigmoid(self.start_marker.z))))
        for x, y in points:
            boxes.append((x - marker_half, y - marker_half, x + marker_half, y + marker_half))
        # text over a line stays readable, text over text does not: the weights say so
        obstacles = np.vstack([np.array(boxes, dtype=float).reshape(-1, 4), line_boxes])
        weights = np.concatenate([np.full(len(boxes), TEXT_CLASH), np.ones(len(line_boxes))])

        start = QPointF(*[float(v) for v in points[-1]])
        # the σ′ values first: they are the lesson; the short start label fits in afterwards
        labels = [(self._slope_labels[name], QPointF(float(x), float(y)), _LABEL_CANDIDATES)
                  for name, (x, y) in zip(self._run_order, points)]
        labels.append((self.start_label, start, _START_CANDIDATES))
        for label, point, candidates in labels:
            placed = self._place(label, point, offset, candidates, view_rect, obstacles,
                                 weights)
            obstacles = np.vstack([obstacles, placed])
            weights = np.append(weights, TEXT_CLASH)

    def _place(self, label: pg.TextItem, point: QPointF, offset: float, candidates,
               view_rect: QRectF, obstacles: np.ndarray, weights: np.ndarray) -> np.ndarray:
        size = label.textItem.boundingRect().size()
        width, height = size.width(), size.height()
        view = _box(view_rect)
        chosen, least = None, math.inf
        for dx, dy, stack, ax, ay in candidates:
            left = point.x() + dx * offset - ax * width
            top = point.y() + dy * offset + stack * (height + 2) - ay * height
            # each place as it is, and slid inside the plot if it sticks out
            slid_left = min(max(left, view[0] + 2), view[2] - 2 - width)
            slid_top = min(max(top, view[1] + 2), view[3] - 2 - height)
            for x0, y0 in ((left, top), (slid_left, slid_top)):
                box = np.array([x0, y0, x0 + width, y0 + height])
                # overlap in square pixels: with nothing free, the least bad place wins
                outside = width * height - float(_overlaps(box, np.array([view]))[0])
                clash = TEXT_CLASH * outside + float(_overlaps(box, obstacles) @ weights)
                if clash < least:
                    chosen, least = box, clash
            if least == 0:
                break
        label.setAnchor((0, 0))
        label.setPos(self.view_box.mapSceneToView(QPointF(chosen[0], chosen[1])))
        return chosen

    # -- the start marker ------------------------------------------------------------------
    def _start_from(self, z: float) -> tuple[float, float]:
        frame = self._frame
        w0, x = (frame.w0, frame.x) if frame is not None else (0.0, 1.0)
        return w0, z - w0 * x

    def _on_start_dragged(self, marker) -> None:
        if not marker.moving:
            return
        _, b = self._start_from(marker.z)
        self.start_label.setText(self.tr("start: b = %1").replace("%1", format_number(b)))
        self._place_labels()

    def _on_start_dropped(self, marker) -> None:
        w, b = self._start_from(marker.z)
        self.start_label.setText(self.tr("start"))
        self.start_changed.emit(float(w), float(b))

    # -- theme -----------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        # a smaller legend than the other plots': this one shares its corners with labels
        legend = self.plot_item.legend
        legend.setLabelTextSize(f"{ANNOTATION_SCALE * theme.font_point_size:.0f}pt")
        for _sample, label in legend.items:
            label.setText(label.text)
        legend.updateSize()
        self.curve.setPen(plain_pen(theme.foreground, theme.line_width))
        for region in self.saturation_regions:
            region.setBrush(pg.mkBrush(theme.saturation_fill))
            region.setHoverBrush(pg.mkBrush(theme.saturation_fill))
        for label in self.saturation_labels:
            label.setColor(theme.foreground)
            label.setFont(font_of(theme, ANNOTATION_SCALE))
        self.target_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.75,
                                          Qt.PenStyle.DashLine))
        self.target_line.label.setColor(theme.foreground)
        self.target_line.label.setFont(font_of(theme, ANNOTATION_SCALE))
        marker_pen = plain_pen(theme.accent, max(2.0, theme.line_width * 0.75))
        self.start_marker.setPen(marker_pen)
        self.start_marker.setHoverPen(plain_pen(theme.foreground, marker_pen.widthF()))
        self.start_marker.setBrush(pg.mkBrush(None))
        self.start_marker.setHoverBrush(pg.mkBrush(None))
        self.start_marker.prepareGeometryChange()
        self.start_marker.scale = theme.marker_size * 1.6  # TargetItem's size, in pixels
        self.start_marker._shape = None  # the size is baked into the cached shape
        self.start_marker.update()
        self.start_label.setColor(theme.accent)
        self.start_label.setFont(font_of(theme, ANNOTATION_SCALE, bold=True))
        for name in self._points:
            self._style_run(name)
        self._place_labels()

    def _style_run(self, name: str) -> None:
        theme = self.theme
        self._points[name].setSize(theme.marker_size)
        self._points[name].setBrush(pg.mkBrush(theme.run_color(name)))
        self._points[name].setPen(plain_pen(theme.background, 1.5))
        self._tangents[name].setPen(run_pen(theme, name, 0.75))
        self._slope_labels[name].setColor(theme.run_color(name))
        self._slope_labels[name].setFont(font_of(theme, SLOPE_LABEL_SCALE, bold=True))


# (dx, dy, stack, anchor x, anchor y): the label's anchor goes to point + offset·(dx, dy),
# moved down (stack > 0) or up (stack < 0) by whole label heights. Above-left and
# below-right of a point on the rising curve are free of the curve and of the tangent.
_LABEL_CANDIDATES = (
    (1, 1, 0, 0, 0),     # below right
    (-1, -1, 0, 1, 1),   # above left
    (1, 1, 1, 0, 0),     # below right, one row further down
    (-1, -1, -1, 1, 1),  # above left, one row further up
    (1, -1, 0, 0, 1),    # above right
    (-1, 1, 0, 1, 0),    # below left
    (1, 1, 2, 0, 0),
    (-1, -1, -2, 1, 1),
)
_START_CANDIDATES = (
    (0, 1, 0, 0.5, 0),   # centred below: a saturated start sits at the top of the axis
    (0, -1, 0, 0.5, 1),  # centred above
    (1, 1, 0, 0, 0),
    (-1, -1, 0, 1, 1),
    (1, -1, 0, 0, 1),
    (-1, 1, 0, 1, 0),
    (0, 1, 1, 0.5, 0),
)


def _box(rect: QRectF) -> tuple[float, float, float, float]:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _overlaps(box: np.ndarray, boxes: np.ndarray) -> np.ndarray:
    """The overlap area of ``box`` (x0, y0, x1, y1) with each row of ``boxes``."""
    width = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    height = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return np.clip(width, 0.0, None) * np.clip(height, 0.0, None)


def _z_limits_for(zs: list[float]) -> tuple[float, float]:
    """[−8, 8], widened in steps of 4 to hold every z with a margin, at most ±60."""
    low, high = -DEFAULT_Z_LIMIT, DEFAULT_Z_LIMIT
    finite = [z for z in zs if math.isfinite(z)]
    if finite:
        low = min(low, -Z_STEP * math.ceil((1.0 - min(finite)) / Z_STEP))
        high = max(high, Z_STEP * math.ceil((max(finite) + 1.0) / Z_STEP))
    return max(low, -MAX_Z_LIMIT), min(high, MAX_Z_LIMIT)
