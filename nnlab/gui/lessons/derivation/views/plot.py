"""The plot that follows the step: the quadratic cost along z, the sigmoid and its slope, the
gradients and costs over the output a, with the starts marked on them.

Every item is made once and updated with ``setData``; a step says what to draw
(:class:`~nnlab.gui.lessons.derivation.steps.StepPlot`) and this view draws it: its curves in
the lesson's colours (quadratic vermillion, cross-entropy blue, the slope in the accent), the
starts by symbol (filled: the start on show), each with its value beside it and, where the
step is about a slope, its tangent.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from nnlab.gui.lessons.derivation.steps import DerivationFrame, StepPlot
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of, plain_pen, run_pen, translucent
from nnlab.gui.widgets.legend_above_plot import LegendAbovePlot

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

MAX_CURVES = 3
MAX_MARKERS = 6
#: A tangent reaches this share of the x range either side of its point, or less where it is
#: steep: at most this share of the y range.
TANGENT_X_SHARE = 0.12
TANGENT_Y_SHARE = 0.3
LABEL_SCALE = 0.85
LABEL_BACKGROUND_ALPHA = 200
STYLES = {"solid": Qt.PenStyle.SolidLine, "dash": Qt.PenStyle.DashLine,
          "dot": Qt.PenStyle.DotLine}


class StepPlotView(LegendAbovePlot):
    """The step's plot (see the module docstring), its legend in a row of its own above
    it, where no curve or start can run under it."""

    slug = "plot"
    fits_axis_labels = True

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plot: StepPlot | None = None
        self._legend_key: tuple | None = None
        plot = self.plot_item
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)  # the plot shows the step; nothing to pan
        self.curves = [pg.PlotDataItem(antialias=True) for _ in range(MAX_CURVES)]
        self.tangents = [pg.PlotDataItem(antialias=True) for _ in range(MAX_MARKERS)]
        for item in self.curves + self.tangents:
            plot.addItem(item)
        self.markers = pg.ScatterPlotItem(pxMode=True)
        self.markers.setZValue(20)
        plot.addItem(self.markers)
        self.labels = [pg.TextItem("", anchor=(0, 0)) for _ in range(MAX_MARKERS)]
        for label in self.labels:
            label.setZValue(15)  # over the curves, under the markers it labels
            plot.addItem(label, ignoreBounds=True)
        # samples for the legend's start entries, never added to the plot
        self._start_samples = [pg.PlotDataItem() for _ in range(MAX_MARKERS)]
        self.view_box.sigResized.connect(self._place_labels)
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        if self._plot is None:
            return translate("StepPlotView", "Plot")
        return self._plot.title

    @property
    def step_plot(self) -> StepPlot | None:
        """What the view draws now."""
        return self._plot

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: DerivationFrame) -> None:
        self._plot = frame.plot
        self._draw()

    def _colour(self, name: str) -> QColor:
        theme = self.theme
        if name == "foreground":
            return QColor(theme.foreground)
        if name == "accent":
            return QColor(theme.accent)
        return theme.run_color(name)

    def _pen(self, name: str, style: str = "solid", width_scale: float = 1.0):
        style = STYLES.get(style, Qt.PenStyle.SolidLine)
        if name in ("foreground", "accent"):
            return plain_pen(self._colour(name), self.theme.line_width * width_scale, style)
        return run_pen(self.theme, name, width_scale, style)

    def _draw(self) -> None:
        content = self._plot
        if content is None:
            return
        theme = self.theme
        plot = self.plot_item
        plot.setLabel("bottom", content.x_label)
        plot.setLabel("left", content.y_label)
        plot.setXRange(*content.x_range, padding=0)
        plot.setYRange(*content.y_range, padding=0)
        for item, curve in zip(self.curves, [*content.curves, *[None] * MAX_CURVES]):
            if curve is None:
                item.setData([], [])
                item.hide()
                continue
            item.setData(curve.x, curve.y)
            item.setPen(self._pen(curve.colour, curve.style))
            item.show()

        spots, label_places = [], []
        markers = content.markers[:MAX_MARKERS]
        for marker in markers:
            colour = self._colour(marker.colour)
            size = theme.marker_size * (1.0 if marker.current else 0.85)
            spots.append({"pos": (marker.x, marker.y), "symbol": marker.symbol, "size": size,
                          "pen": pg.mkPen(colour, width=max(1.5, theme.line_width * 0.75)),
                          "brush": pg.mkBrush(colour if marker.current
                                              else QColor(theme.background))})
            label_places.append(marker)
        self.markers.setData(spots)
        font = font_of(theme, LABEL_SCALE)
        # a label stays readable where a curve or a tangent runs under it
        fill = pg.mkBrush(translucent(theme.background, LABEL_BACKGROUND_ALPHA))
        for label, marker in zip(self.labels, [*label_places, *[None] * MAX_MARKERS]):
            if marker is None or not marker.label:
                label.hide()
                continue
            label.setText(marker.label, color=theme.foreground)
            label.setFont(font)
            label.fill = fill
            label.setPos(marker.x, marker.y)
            label.show()
        self._place_labels()
        self._draw_tangents(content)
        self._draw_legend(content)

    def _place_labels(self, *_) -> None:
        """Each label on the side of its marker the step asks for, or mirrored to the other
        side where that would leave the plot (a start near its right edge, say)."""
        content = self._plot
        if content is None:
            return
        view = self.view_box.sceneBoundingRect()
        for label, marker in zip(self.labels, content.markers[:MAX_MARKERS]):
            if not marker.label:
                continue
            point = self.view_box.mapViewToScene(QPointF(marker.x, marker.y))
            size = label.textItem.boundingRect()
            ax, ay = marker.anchor
            left = point.x() - ax * size.width()
            top = point.y() - ay * size.height()
            if view.width() > 0 and (left < view.left() or left + size.width() > view.right()):
                ax = 1.0 - ax
            if view.height() > 0 and (top < view.top() or top + size.height() > view.bottom()):
                ay = 1.0 - ay
            label.setAnchor((ax, ay))

    def _draw_tangents(self, content: StepPlot) -> None:
        """A short tangent through each marker that has a slope, steep ones shorter, so that
        it stays in the plot."""
        (x0, x1), (y0, y1) = content.x_range, content.y_range
        sloped = [m for m in content.markers[:MAX_MARKERS] if m.slope is not None
                  and math.isfinite(m.slope)]
        pen = self._pen("accent", "dash", 0.75)
        for item, marker in zip(self.tangents, [*sloped, *[None] * MAX_MARKERS]):
            if marker is None:
                item.setData([], [])
                item.hide()
                continue
            half = TANGENT_X_SHARE * (x1 - x0)
            if marker.slope != 0.0:
                half = min(half, TANGENT_Y_SHARE * (y1 - y0) / abs(marker.slope))
            xs = [marker.x - half, marker.x + half]
            ys = [marker.y - marker.slope * half, marker.y + marker.slope * half]
            item.setData(xs, ys)
            item.setPen(pen)
            item.show()

    def _draw_legend(self, content: StepPlot) -> None:
        """The curves, then the starts by their symbols; laid out again only when what it
        names changed."""
        theme = self.theme
        key = (tuple((c.legend, c.colour, c.style) for c in content.curves),
               tuple((s.symbol, s.name, s.current) for s in content.starts),
               theme.name)
        if key == self._legend_key:
            return
        self._legend_key = key
        legend = self.plot_item.legend
        legend.clear()
        for item, curve in zip(self.curves, content.curves):
            legend.addItem(item, curve.legend)
        for sample, start in zip(self._start_samples, content.starts):
            colour = QColor(theme.foreground)
            sample.setData([0.0], [0.0], pen=None, symbol=start.symbol,
                           symbolSize=theme.marker_size * 0.8,
                           symbolPen=pg.mkPen(colour, width=1.5),
                           symbolBrush=pg.mkBrush(colour if start.current
                                                  else QColor(theme.background)))
            legend.addItem(sample, start.name)
        self._style_legend(theme)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._legend_key = None
        self._draw()
