"""The sigmoid σ(z) with each run's operating point on it: where the lesson happens.

The gradient of the quadratic cost carries the factor σ′(z), the slope of this curve at the
operating point. The view draws that slope as a tangent with its value, shades the saturated
ends of the curve where the slope is almost zero, and lets the lecturer drag the start along
the curve: a start deep in the flat part is the one that learns slowly. With several starts
each has its marker ("start 1", "start 2", …), and each run's point takes its start's marker
and its cost's colour (see :mod:`.run_style`).
"""

from __future__ import annotations

import functools
import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QWidget

from nnlab.core.activations import sigmoid, sigmoid_prime
from nnlab.app.frames import NeuronFrame, RunFrame
from nnlab.gui.text import fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.lessons.neuron.views.label_placement import (
    Box, LabelLayout, LabelScene, SaturationRegion, TargetLabel, lay_out_labels, same_scene,
)
from nnlab.gui.lessons.neuron.views.notation import SIGMA_PRIME
from nnlab.gui.lessons.neuron.views.run_style import (
    START_GLYPHS, run_colour, run_start_index, run_symbol, several_starts, short_run_label,
    start_pen,
)
from nnlab.gui.views.base import (
    LEGEND_MARGIN, PlotView, cache_pictures, literal_format, font_of, plain_pen,
)

__all__ = ["SATURATION_SLOPE", "SATURATION_Z", "SigmoidView", "StartMarker"]

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
LABEL_LAYOUT_SECONDS = 0.5  # while the points move, the labels are laid out this often
# The shaded regions reach "infinitely" far out as far as anyone can see: to this share of the
# visible z range beyond the view's edges, and no further. The bands are cached as pixmaps
# (cache_pictures); drawn into anything but the view's own viewport (export, preview,
# clipboard), Qt makes that pixmap as large as the whole item, and a band out to z = ±10⁴ was
# over half a million pixels wide: about 0.6 s per band, 7 s for a full-screen figure.
REGION_OVERHANG = 0.01
_CURVE_POINTS = 801


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
    saturated regions shaded, the target y dashed and each start as a draggable marker.

    ``start_changed(w, b)`` is emitted when a drag of the (first) start's marker ends: w stays
    the start's w₀ and b = z − w₀·x puts the start at the dropped z.
    ``other_start_changed(index, w, b)`` is the same for the start ``index`` (1: the
    second) of several.
    """

    slug = "sigmoid"
    start_changed = Signal(float, float)
    other_start_changed = Signal(int, float, float)
    fits_axis_labels = True

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: NeuronFrame | None = None
        self._z_limits = (-DEFAULT_Z_LIMIT, DEFAULT_Z_LIMIT)
        self._points: dict[str, pg.ScatterPlotItem] = {}
        self._tangents: dict[str, pg.PlotDataItem] = {}
        self._slope_labels: dict[str, pg.TextItem] = {}
        self._operating: dict[str, tuple[float, float]] = {}
        self._legend_text: dict[str, str] = {}
        self._run_order: list[str] = []
        # the last layout of the labels: when, for what, and where the points were then
        self._laid_out_at = -math.inf
        self._laid_out_for: tuple | None = None
        self._laid_out_points: dict[str, tuple[float, float]] = {}
        self._last_layout: tuple[LabelScene, LabelLayout] | None = None  # see _layout_for
        # the layout that follows the last frame whose labels only moved with their points
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(round(LABEL_LAYOUT_SECONDS * 1000))
        self._layout_timer.timeout.connect(self._place_labels)

        plot = self.plot_item
        plot.disableAutoRange()
        # a mis-aimed drag at the start marker must not pan the curve away
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("bottom", self.tr("z = w·x + b"))
        plot.setLabel("left", self.tr("σ(z)"))
        # in one of the two corners the rising curve leaves free, bottom right or top left,
        # whichever the points leave free too (see label_placement.legend_place)
        plot.addLegend(offset=(-LEGEND_MARGIN, -LEGEND_MARGIN))

        # from the view's edge to |z| = SATURATION_Z (see _fit_saturation_regions)
        self.saturation_regions = [
            pg.LinearRegionItem((-DEFAULT_Z_LIMIT, -SATURATION_Z), movable=False),
            pg.LinearRegionItem((SATURATION_Z, DEFAULT_Z_LIMIT), movable=False),
        ]
        # each label inside its shaded region; where the region is too narrow (or full) for
        # the whole text level, the whole text reading upwards, else the short one (see
        # label_placement.saturation_label_place)
        self.saturation_texts = (
            self.tr("saturated") + "\n" + f"{SIGMA_PRIME} < {format_number(SATURATION_SLOPE)}",
            self.tr("saturated"),
        )
        self.saturation_labels = [pg.TextItem(self.saturation_texts[0], anchor=(0, 0)),
                                  pg.TextItem(self.saturation_texts[0], anchor=(0, 0))]
        self._text_sizes: dict[tuple[str, str], tuple[float, float]] = {}
        self._legend_corner = (1, 1)
        for region, label in zip(self.saturation_regions, self.saturation_labels):
            region.setZValue(-10)
            for line in region.lines:
                line.setPen(pg.mkPen(None))
            plot.addItem(region, ignoreBounds=True)
            plot.addItem(label, ignoreBounds=True)

        self.curve = pg.PlotDataItem(antialias=True)
        plot.addItem(self.curve)
        # drawn once, under the moving points: copied, not drawn again, each frame
        cache_pictures(self.curve.curve, *self.saturation_regions, *self.saturation_labels)
        self.target_line = pg.InfiniteLine(
            angle=0, movable=False, label="",
            labelOpts={"position": 0.5, "anchors": [(0.5, 1.0), (0.5, 1.0)]})
        plot.addItem(self.target_line, ignoreBounds=True)

        # one marker and label per start, the first always there (see _start_items)
        self.start_markers: list[StartMarker] = []
        self.start_labels: list[pg.TextItem] = []
        self._starts: tuple[tuple[float, float], ...] = ((0.0, 0.0),)
        self.start_marker, self.start_label = self._start_items(0)
        # still while a run trains, under the moving points: copied, not drawn
        cache_pictures(self.target_line)

        self._set_z_limits(self._z_limits)
        plot.setYRange(*A_RANGE, padding=0)
        self._fit_saturation_regions()
        self.view_box.sigResized.connect(self._place_labels)
        self.view_box.sigRangeChanged.connect(self._on_range_changed)
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Sigmoid")

    # -- what tests and the window may look at ---------------------------------------------
    def operating_point(self, run_name: str) -> tuple[float, float] | None:
        """(z, a) of the run's marker, None when the run is not shown."""
        return self._operating.get(run_name)

    def operating_points(self) -> dict[str, tuple[float, float]]:
        """(z, a) of every run's marker on show, by run name."""
        return dict(self._operating)

    @property
    def shown_start_markers(self) -> list[StartMarker]:
        """The markers of the starts on show, in the order of the starts."""
        return [marker for marker in self.start_markers if marker.isVisible()]

    def tangent(self, run_name: str) -> pg.PlotDataItem | None:
        return self._tangents.get(run_name)

    def slope_label(self, run_name: str) -> pg.TextItem | None:
        return self._slope_labels.get(run_name)

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: NeuronFrame) -> None:
        self._frame = frame
        self._operating = {}
        self._run_order = []
        for order, run in enumerate(frame.runs):
            # before a run has rows it shows its start: epoch 0 is a state like any other
            values = frame.shown_values(run)
            z, a = (values["z"], values["a"]) if values is not None else (math.nan, math.nan)
            if not (math.isfinite(z) and math.isfinite(a)):
                self._hide_run(run.name)
                continue
            self._show_run(run, order, z, a)
        for name in set(self._points) - set(self._operating):
            self._hide_run(name)

        if frame.y != self.target_line.value() or not self.target_line.label.format:
            self.target_line.setPos(frame.y)
            self.target_line.label.setFormat(
                literal_format(fill(self.tr("target y = %1"), format_number(frame.y))))
        starts = frame.start_points
        self._starts = starts
        dragging = any(marker.moving for marker in self.start_markers)
        start_zs = []
        for index, (w, b) in enumerate(starts):
            marker, label = self._start_items(index)
            start_z = w * frame.x + b
            if not dragging and math.isfinite(start_z):
                marker.setPos(start_z, 0.0)
                label.setText(self._start_text(index))
            marker.setVisible(True)
            label.setVisible(True)
            start_zs.append(start_z)
        for marker, label in zip(self.start_markers[len(starts):],
                                 self.start_labels[len(starts):]):
            marker.setVisible(False)
            label.setVisible(False)
        if not dragging:
            shown = [z for z, _ in self._operating.values()]
            shown.extend(z for z in start_zs if math.isfinite(z))
            self._set_z_limits(_z_limits_for(shown))
        self._update_labels(frame.training)

    def _start_text(self, index: int) -> str:
        """"start", or with several starts "start 1", "start 2", …"""
        if len(self._starts) == 1:
            return self.tr("start")
        return fill(self.tr("start %1"), index + 1)

    def _start_items(self, index: int) -> tuple[StartMarker, pg.TextItem]:
        """The marker and label of start ``index``, made the first time it is needed."""
        while len(self.start_markers) <= index:
            plot = self.plot_item
            marker = StartMarker(pos=(0.0, 0.5), symbol="crosshair")
            marker.setZValue(100)
            marker.setToolTip(self.tr(
                "The start: z₀ = w·x + b. Drag it along the curve to start from another b "
                "(w stays); the runs restart from there."))
            number = len(self.start_markers)
            marker.sigPositionChanged.connect(functools.partial(self._on_start_dragged, number))
            marker.sigPositionChangeFinished.connect(
                functools.partial(self._on_start_dropped, number))
            plot.addItem(marker, ignoreBounds=True)
            label = pg.TextItem(self.tr("start"), anchor=(0.5, 0))
            label.setZValue(100)
            plot.addItem(label, ignoreBounds=True)
            self.start_markers.append(marker)
            self.start_labels.append(label)
            self._style_start(marker, label)
        return self.start_markers[index], self.start_labels[index]

    def _shown_starts(self) -> list[tuple[StartMarker, pg.TextItem]]:
        return [(marker, label) for marker, label in zip(self.start_markers, self.start_labels)
                if marker.isVisible()]

    @property
    def layout_pending(self) -> bool:
        """True while the labels have only moved with their points and a layout is due."""
        return self._layout_timer.isActive()

    def _layout_key(self) -> tuple:
        """What a layout of the labels holds for: the same runs and texts in the same view."""
        return (tuple(self._run_order), self._z_limits, self.view_box.sceneBoundingRect(),
                self.plot_item.legend.isVisible(), self.target_line.value(),
                tuple(marker.z for marker, _ in self._shown_starts()))

    def _update_labels(self, training: bool) -> None:
        """Lay the labels out afresh; or, while training goes on and the last layout is less
        than LABEL_LAYOUT_SECONDS old and holds for the same runs and view, move each σ′
        label with its point (a layout costs milliseconds, too many for every frame of a run
        at full speed). A timer lays them out once more after the last such frame."""
        if (not training
                or time.perf_counter() - self._laid_out_at >= LABEL_LAYOUT_SECONDS
                or self._layout_key() != self._laid_out_for):
            self._place_labels()
            return
        for name in self._run_order:
            old, new = self._laid_out_points.get(name), self._operating[name]
            if old is None:
                self._place_labels()
                return
            label = self._slope_labels[name]
            label.setPos(label.pos() + QPointF(new[0] - old[0], new[1] - old[1]))
            self._laid_out_points[name] = new
        self._layout_timer.start()

    def _show_run(self, run: RunFrame, order: int, z: float, a: float) -> None:
        name = run.name
        if name not in self._points:
            point = pg.ScatterPlotItem(symbol=run_symbol(name, order))
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
        slope = float(sigmoid_prime(z))  # the tangent's slope
        point.setData([z], [a])
        half = TANGENT_HALF_LENGTH
        tangent.setData([z - half, z + half], [a - slope * half, a + slope * half])
        text = f"{SIGMA_PRIME} = {format_number(slope)}"
        if several_starts(name):  # whose it is: the start's marker, in the cost's colour
            text = f"{START_GLYPHS[run_start_index(name) % len(START_GLYPHS)]} {text}"
        label.setText(text)
        for item in (point, tangent, label):
            item.setVisible(True)
        self._operating[name] = (z, a)
        self._run_order.append(name)
        # of several starts the short name: the start markers on the curve say their w, b
        legend_text = short_run_label(name) if several_starts(name) else run.label
        if self._legend_text.get(name) != legend_text:
            legend = self.plot_item.legend
            if name in self._legend_text:
                legend.removeItem(point)
            legend.addItem(point, legend_text)
            self._legend_text[name] = legend_text
            self.arrange_legend()
            self._show_legend_if_it_has_entries()

    def _hide_run(self, name: str) -> None:
        if name not in self._points:
            return
        for item in (self._points[name], self._tangents[name], self._slope_labels[name]):
            item.setVisible(False)
        if self._legend_text.pop(name, None) is not None:
            self.plot_item.legend.removeItem(self._points[name])
            self.arrange_legend()
            self._show_legend_if_it_has_entries()

    def _show_legend_if_it_has_entries(self) -> None:
        # without a point to name, the legend would be an empty box
        legend = self.plot_item.legend
        shown = self._legend_visible and bool(self._legend_text)
        if legend.isVisible() != shown:
            legend.setVisible(shown)

    def _set_z_limits(self, limits: tuple[float, float]) -> None:
        if limits == self._z_limits and self.curve.xData is not None:
            return
        self._z_limits = limits
        z = np.linspace(limits[0], limits[1], _CURVE_POINTS)
        self.curve.setData(z, sigmoid(z))
        self.plot_item.setXRange(*limits, padding=0)

    def _on_range_changed(self, *_) -> None:
        self._fit_saturation_regions()
        self._place_labels()

    def _fit_saturation_regions(self) -> None:
        """Shade from the view's edges (and REGION_OVERHANG beyond them, so no seam can
        show) to z = ∓SATURATION_Z: the saturated ends as far as they are seen."""
        low, high = self.view_box.viewRange()[0]
        overhang = REGION_OVERHANG * (high - low)
        left, right = self.saturation_regions
        for region, wanted in (
                (left, (min(low - overhang, -SATURATION_Z), -SATURATION_Z)),
                (right, (SATURATION_Z, max(high + overhang, SATURATION_Z)))):
            if tuple(region.getRegion()) != wanted:
                region.setRegion(wanted)

    # -- labels that keep out of each other's way -----------------------------------------
    def _legend_visibility_changed(self) -> None:
        self._place_labels()

    def _place_labels(self, *_) -> None:
        """Put the legend and the labels where no text overlaps other text, a marker or
        the axes, and as little text as can be lies over the curves (see
        :func:`.label_placement.lay_out_labels`)."""
        self._layout_timer.stop()
        self._laid_out_at = time.perf_counter()
        self._laid_out_for = self._layout_key()
        self._laid_out_points = dict(self._operating)
        vb = self.view_box
        view_rect = vb.sceneBoundingRect()
        if view_rect.width() < 20 or view_rect.height() < 20:
            # not laid out yet (hidden widget): alternate sides, refined on the first resize
            for i, name in enumerate(self._run_order):
                label = self._slope_labels[name]
                label.setAnchor((0, 0) if i % 2 == 0 else (1, 1))
                label.setPos(*self._operating[name])
            for marker, label in self._shown_starts():
                label.setPos(marker.z, float(sigmoid(marker.z)))
            for label in self.saturation_labels:
                label.setVisible(False)
            return
        layout = self._layout_for(self._label_scene(view_rect))
        if layout.legend_corner is not None and layout.legend_corner != self._legend_corner:
            corner = self._legend_corner = layout.legend_corner
            offset = LEGEND_MARGIN if corner == (0, 0) else -LEGEND_MARGIN
            self.plot_item.legend.anchor(itemPos=corner, parentPos=corner,
                                         offset=(offset, offset))
        labels = ([self._slope_labels[name] for name in self._run_order]
                  + [label for _, label in self._shown_starts()])
        for label, box in zip(labels, layout.slope_boxes + layout.start_boxes):
            label.setAnchor((0, 0))
            label.setPos(vb.mapSceneToView(QPointF(box[0], box[1])))
        self._show_target_label(layout.target)
        for label, placed in zip(self.saturation_labels, layout.saturation):
            self._show_saturation_label(label, placed)

    def _layout_for(self, scene: LabelScene) -> LabelLayout:
        """The labels laid out for ``scene``: computed afresh only when something in it moved
        (a frame drawn again as it was, paused or on the view's return, costs no layout)."""
        last = self._last_layout
        if last is not None and same_scene(last[0], scene):
            return last[1]
        layout = lay_out_labels(scene)
        self._last_layout = (scene, layout)
        return layout

    def _label_scene(self, view_rect: QRectF) -> LabelScene:
        """The geometry the labels must fit around, in scene pixels."""
        vb = self.view_box
        low, high = self._z_limits
        origin, unit = vb.mapViewToScene(QPointF(0, 0)), vb.mapViewToScene(QPointF(1, 1))
        scale_x, scale_y = unit.x() - origin.x(), unit.y() - origin.y()

        def to_scene(z, a):
            return origin.x() + scale_x * np.asarray(z), origin.y() + scale_y * np.asarray(a)

        offset = self.theme.marker_size / 2 + 4
        points = [to_scene(*self._operating[name]) for name in self._run_order]
        starts = self._shown_starts()
        start_points = []
        for marker, _ in starts:
            start_x, start_y = to_scene(marker.z, float(sigmoid(marker.z)))
            start_points.append((float(start_x), float(start_y)))
        # the curve and the tangents, as points every few pixels along them
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
        legend = self.plot_item.legend
        legend_shown = legend is not None and legend.isVisible() and legend.items
        target = self.target_line.label
        regions = []
        for region, label in zip(self.saturation_regions, self.saturation_labels):
            (left, right), _ = to_scene(np.array(region.getRegion()), 0.0)
            sizes = [self._text_size(text, label) for text in self.saturation_texts]
            regions.append(SaturationRegion(min(left, right), max(left, right), sizes))
        return LabelScene(
            view=_box(view_rect),
            slope_points=[(float(x), float(y)) for x, y in points],
            slope_sizes=[_size(self._slope_labels[name]) for name in self._run_order],
            start_points=start_points,
            start_sizes=[_size(label) for _, label in starts],
            offset=offset,
            marker_half=offset - 2,
            line_xs=np.concatenate(xs),
            line_ys=np.concatenate(ys),
            line_half=self.theme.line_width / 2 + 2,
            target_y=float(to_scene(0.0, self.target_line.value())[1]),
            legend_size=(legend.width(), legend.height()) if legend_shown else None,
            legend_margin=LEGEND_MARGIN,
            target=TargetLabel(_box(target.sceneBoundingRect()), target.anchors[0][1] == 1.0,
                               target.orthoPos),
            regions=regions,
            preferred_y=float(to_scene(0.0, 0.5)[1]),
        )

    def _show_target_label(self, placed: tuple[bool, float, np.ndarray] | None) -> None:
        label = self.target_line.label
        if placed is None:
            label.setVisible(False)
            return
        above, position, _ = placed
        anchor = (0.5, 1.0) if above else (0.5, 0.0)
        if label.anchors[0] != anchor:
            label.anchors = [anchor, anchor]
            label.updatePosition()
        if label.orthoPos != position:
            label.setPosition(position)
        label.setVisible(True)

    def _show_saturation_label(self, label: pg.TextItem,
                               placed: tuple[int, int, np.ndarray] | None) -> None:
        if placed is None:
            label.setVisible(False)
            return
        which, angle, box = placed
        # shown first: a hidden TextItem keeps its old turn when given a new angle
        label.setVisible(True)
        text = self.saturation_texts[which]
        if label.toPlainText() != text:
            label.setText(text)
        if label.angle != angle:
            label.setAngle(angle)
        label.setAnchor((0, 0))
        # where the (perhaps turned) text's corner lands depends on the turn: put it
        # anywhere, then move it by what its box is off by
        target = QPointF(box[0], box[1])
        label.setPos(self.view_box.mapSceneToView(target))
        off = target - label.mapRectToScene(label.boundingRect()).topLeft()
        if abs(off.x()) > 0.01 or abs(off.y()) > 0.01:
            label.setPos(self.view_box.mapSceneToView(target + off))

    def _legend_available_width(self) -> float:
        # a corner only: further in, the curve crosses the plot
        return self.view_box.width() * 0.55 - LEGEND_MARGIN

    def _text_size(self, text: str, label: pg.TextItem) -> tuple[float, float]:
        """The size in pixels ``label`` would have showing ``text``."""
        font = label.textItem.font()
        key = (text, font.key())
        size = self._text_sizes.get(key)
        if size is None:
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(label.textItem.document().documentMargin())
            document.setPlainText(text)
            size = (document.size().width(), document.size().height())
            self._text_sizes[key] = size
        return size

    # -- the start markers -----------------------------------------------------------------
    def _start_from(self, index: int, z: float) -> tuple[float, float]:
        frame = self._frame
        if frame is None:
            return 0.0, z
        starts = frame.start_points
        w0 = starts[index][0] if index < len(starts) else frame.w0
        return w0, z - w0 * frame.x

    def _on_start_dragged(self, index: int, marker) -> None:
        if not marker.moving:
            return
        _, b = self._start_from(index, marker.z)
        self.start_labels[index].setText(fill(self.tr("start: b = %1"), format_number(b)))
        self._place_labels()

    def _on_start_dropped(self, index: int, marker) -> None:
        w, b = self._start_from(index, marker.z)
        self.start_labels[index].setText(self._start_text(index))
        if index == 0:
            self.start_changed.emit(float(w), float(b))
        else:
            self.other_start_changed.emit(index, float(w), float(b))

    # -- theme -----------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.curve.setPen(plain_pen(theme.foreground, theme.line_width))
        for region in self.saturation_regions:
            region.setBrush(pg.mkBrush(theme.saturation_fill))
            region.setHoverBrush(pg.mkBrush(theme.saturation_fill))
        for label in self.saturation_labels:
            label.setColor(theme.foreground)
            label.setFont(font_of(theme, ANNOTATION_SCALE))
            # the shaded regions are narrow on a projector: no blank margin around the text
            label.textItem.document().setDocumentMargin(1)
        self.target_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.75,
                                          Qt.PenStyle.DashLine))
        self.target_line.label.setColor(theme.foreground)
        self.target_line.label.setFont(font_of(theme, ANNOTATION_SCALE))
        for marker, label in zip(self.start_markers, self.start_labels):
            self._style_start(marker, label)
        for name in self._points:
            self._style_run(name)
        self._place_labels()

    def _style_start(self, marker: StartMarker, label: pg.TextItem) -> None:
        theme = self.theme
        marker_pen = plain_pen(theme.accent, max(2.0, theme.line_width * 0.75))
        marker.setPen(marker_pen)
        marker.setHoverPen(plain_pen(theme.foreground, marker_pen.widthF()))
        marker.setBrush(pg.mkBrush(None))
        marker.setHoverBrush(pg.mkBrush(None))
        marker.prepareGeometryChange()
        marker.scale = theme.marker_size * 1.6  # TargetItem's size, in pixels
        marker._shape = None  # the size is baked into the cached shape
        marker.update()
        label.setColor(theme.accent)
        label.setFont(font_of(theme, ANNOTATION_SCALE, bold=True))

    def _style_run(self, name: str) -> None:
        # the cost's colour; with several starts the start's marker and line style
        theme = self.theme
        colour = run_colour(theme, name)
        self._points[name].setSize(theme.marker_size)
        self._points[name].setBrush(pg.mkBrush(colour))
        self._points[name].setPen(plain_pen(theme.background, 1.5))
        self._tangents[name].setPen(start_pen(theme, name, 0.75))
        self._slope_labels[name].setColor(colour)
        self._slope_labels[name].setFont(font_of(theme, SLOPE_LABEL_SCALE, bold=True))


def _box(rect: QRectF) -> Box:
    return rect.left(), rect.top(), rect.right(), rect.bottom()


def _size(label: pg.TextItem) -> tuple[float, float]:
    """The size of ``label``'s text in pixels, whatever its anchor and position."""
    size = label.textItem.boundingRect().size()
    return size.width(), size.height()


def _z_limits_for(zs: list[float]) -> tuple[float, float]:
    """[−8, 8], widened in steps of 4 to hold every z with a margin, at most ±60."""
    low, high = -DEFAULT_Z_LIMIT, DEFAULT_Z_LIMIT
    finite = [z for z in zs if math.isfinite(z)]
    if finite:
        low = min(low, -Z_STEP * math.ceil((1.0 - min(finite)) / Z_STEP))
        high = max(high, Z_STEP * math.ceil((max(finite) + 1.0) / Z_STEP))
    return max(low, -MAX_Z_LIMIT), min(high, MAX_Z_LIMIT)
