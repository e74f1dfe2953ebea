"""The activations against z, or their slopes: the shown functions' curves, the marked z with
each function's point on its curve and, on the values, a short tangent of the point's slope.

On the slopes (:class:`SlopeCurvesView`), each shown function also has a lane under the
axis, filled in its colour where it saturates (σ′(z) below the threshold, drawn as a dotted
line): where a gradient through it all but stops.

Every item is made once and updated with ``setData``.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtWidgets import QGraphicsRectItem, QWidget

from nnlab.core.activation_curves import ACTIVATION_NAMES, Z_RANGE
from nnlab.gui.lessons.activations.model import ActivationsFrame
from nnlab.gui.lessons.activations.views.style import (
    ACTIVATION_SYMBOLS, activation_colour, activation_pen,
)
from nnlab.gui.text import activation_label, fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import (
    BoundedTicksAxis, font_of, literal_format, plain_pen, translucent,
)
from nnlab.gui.widgets.legend_above_plot import LegendAbovePlot

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: The values' y range: the bounded functions whole, the unbounded ones as far as they
#: stay near them.
VALUE_RANGE = (-2.0, 3.0)
#: A tangent reaches this far in z either side of its point, or less where it is steep
#: (at most TANGENT_Y_SHARE of the y range).
TANGENT_HALF_WIDTH = 0.8
TANGENT_Y_SHARE = 0.15
#: The slopes' plot: the curves from 0 to SLOPE_TOP, and under 0 a lane for each function,
#: LANE_HEIGHT high (LANE_FILL of it filled where it saturates).
SLOPE_TOP = 1.12
LANE_HEIGHT = 0.045
LANE_FILL = 0.7
LABEL_SCALE = 0.85


class ActivationCurvesView(LegendAbovePlot):
    """The shown functions' values (or, with ``slopes``, their derivatives) against z; see
    the module docstring."""

    slug = "curves"
    slopes = False
    fits_axis_labels = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, {"left": BoundedTicksAxis("left")})
        self._frame: ActivationsFrame | None = None
        self._legend_key: tuple | None = None
        plot = self.plot_item
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)
        plot.setXRange(*Z_RANGE, padding=0.0)
        self.curves = {name: pg.PlotDataItem(antialias=True) for name in ACTIVATION_NAMES}
        self.tangents = {name: pg.PlotDataItem(antialias=True) for name in ACTIVATION_NAMES}
        # the lines first, ReLU last: where ReLU, leaky ReLU and linear coincide, the solid
        # ReLU shows over the others' dashes
        for name in reversed(ACTIVATION_NAMES):
            plot.addItem(self.curves[name])
            plot.addItem(self.tangents[name])
        self.z_line = pg.InfiniteLine(angle=90, movable=False)
        plot.addItem(self.z_line, ignoreBounds=True)
        self.markers = pg.ScatterPlotItem(pxMode=True)
        self.markers.setZValue(20)
        plot.addItem(self.markers)
        self.z_label = pg.TextItem("", anchor=(0, 1))
        self.z_label.setZValue(15)
        plot.addItem(self.z_label, ignoreBounds=True)
        self._set_up_extras()
        self.view_box.sigResized.connect(self._place_z_label)
        self.apply_theme(NORMAL)

    def _set_up_extras(self) -> None:
        plot = self.plot_item
        plot.setYRange(*VALUE_RANGE, padding=0.0)
        plot.setLabel("bottom", "z")
        plot.setLabel("left", translate("ActivationCurvesView", "activation a = f(z)"))

    @property
    def title(self) -> str:
        return translate("ActivationCurvesView", "The activation functions")

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: ActivationsFrame) -> None:
        self._frame = frame
        self._draw()

    def _series(self, name: str):
        curve = self._frame.curves[name]
        return curve.z, curve.value

    def _point(self, name: str) -> tuple[float, float]:
        """Where the marked z lies on ``name``'s curve."""
        return self._frame.z, self._frame.points[name][0]

    def _draw(self) -> None:
        frame = self._frame
        if frame is None:
            return
        theme = self.theme
        spots = []
        for name in ACTIVATION_NAMES:
            curve = self.curves[name]
            shown = name in frame.shown
            curve.setVisible(shown)
            if shown:
                curve.setData(*self._series(name))
                x, y = self._point(name)
                colour = activation_colour(name)
                spots.append({"pos": (x, y), "symbol": ACTIVATION_SYMBOLS[name],
                              "size": theme.marker_size,
                              "pen": pg.mkPen(theme.foreground, width=1),
                              "brush": pg.mkBrush(colour)})
        self.markers.setData(spots)
        self._draw_tangents()
        self.z_line.setValue(frame.z)
        self.z_label.setText(fill(translate("ActivationCurvesView", "z = %1"),
                                  format_number(frame.z)), color=theme.foreground)
        self._place_z_label()
        self._draw_extras()
        self._draw_legend()

    def _draw_tangents(self) -> None:
        """A short dashed tangent through each point: the slope σ′(z) the point has."""
        frame = self._frame
        low, high = self.view_box.viewRange()[1]
        for name in ACTIVATION_NAMES:
            item = self.tangents[name]
            value, slope = frame.points[name]
            if name not in frame.shown or not math.isfinite(slope):
                item.hide()
                continue
            half = TANGENT_HALF_WIDTH
            if slope != 0.0:
                half = min(half, TANGENT_Y_SHARE * (high - low) / abs(slope))
            z = frame.z
            item.setData([z - half, z + half], [value - slope * half, value + slope * half])
            item.setPen(activation_pen(self.theme, name, 0.6, Qt.PenStyle.DashLine))
            item.show()

    def _draw_extras(self) -> None:
        """What the slopes add (nothing on the values)."""

    def _place_z_label(self, *_) -> None:
        """The z at the top of its line, on the side with more room."""
        frame = self._frame
        if frame is None:
            return
        (x0, x1), (_, y1) = self.view_box.viewRange()
        right = frame.z < 0.5 * (x0 + x1)
        self.z_label.setAnchor((-0.05, 0.0) if right else (1.05, 0.0))
        self.z_label.setPos(frame.z, y1)

    def _draw_legend(self) -> None:
        key = (self._frame.shown, self.theme.name)
        if key == self._legend_key:
            return
        self._legend_key = key
        legend = self.plot_item.legend
        legend.clear()
        for name in ACTIVATION_NAMES:
            if name in self._frame.shown:
                legend.addItem(self.curves[name], activation_label(name))
        self._style_legend(self.theme)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._legend_key = None
        for name, curve in self.curves.items():
            curve.setPen(activation_pen(theme, name))
        self.z_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.5,
                                     Qt.PenStyle.DotLine))
        self.z_label.setFont(font_of(theme, LABEL_SCALE))
        self._theme_extras(theme)
        self._draw()

    def _theme_extras(self, theme: Theme) -> None:
        pass


class SlopeCurvesView(ActivationCurvesView):
    """The slopes σ′(z), the saturation threshold, and a lane per function filled where it
    saturates."""

    slug = "slopes"
    slopes = True

    def _set_up_extras(self) -> None:
        plot = self.plot_item
        lanes = len(ACTIVATION_NAMES)
        plot.setYRange(-lanes * LANE_HEIGHT, SLOPE_TOP, padding=0.0)
        self.plot_item.getAxis("left").tick_limits = (0.0, SLOPE_TOP)  # no ticks by the lanes
        plot.setLabel("bottom", "z")
        plot.setLabel("left", translate("ActivationCurvesView", "slope f′(z)"))
        self.threshold_line = pg.InfiniteLine(
            angle=0, movable=False, label="",
            labelOpts={"position": 0.98, "anchors": [(1.0, 1.0), (1.0, 1.0)]})
        plot.addItem(self.threshold_line, ignoreBounds=True)
        self.lane_items: list[QGraphicsRectItem] = []

    @property
    def title(self) -> str:
        return translate("ActivationCurvesView", "Their slopes, and where they saturate")

    def _series(self, name: str):
        curve = self._frame.curves[name]
        return curve.z, curve.derivative

    def _point(self, name: str) -> tuple[float, float]:
        return self._frame.z, self._frame.points[name][1]

    def _draw_tangents(self) -> None:
        for item in self.tangents.values():
            item.hide()

    def _draw_extras(self) -> None:
        """Each shown function's lane, top to bottom in the order of the legend, filled in
        its colour over its saturated intervals."""
        frame = self._frame
        for item in self.lane_items:
            self.plot_item.removeItem(item)
        self.lane_items = []
        self.threshold_line.setValue(frame.threshold)
        self.threshold_line.label.setFormat(literal_format(format_number(frame.threshold)))
        for lane, name in enumerate(n for n in ACTIVATION_NAMES if n in frame.shown):
            top = -lane * LANE_HEIGHT - (1.0 - LANE_FILL) * LANE_HEIGHT / 2
            colour = activation_colour(name)
            for lo, hi in frame.curves[name].saturated:
                rect = QGraphicsRectItem(QRectF(lo, top - LANE_FILL * LANE_HEIGHT, hi - lo,
                                                LANE_FILL * LANE_HEIGHT))
                rect.setPen(pg.mkPen(None))
                rect.setBrush(pg.mkBrush(translucent(colour, 200)))
                self.plot_item.addItem(rect, ignoreBounds=True)
                self.lane_items.append(rect)

    def _theme_extras(self, theme: Theme) -> None:
        self.threshold_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.5,
                                             Qt.PenStyle.DotLine))
        self.threshold_line.label.setColor(theme.foreground)
        self.threshold_line.label.setFont(font_of(theme, LABEL_SCALE))
