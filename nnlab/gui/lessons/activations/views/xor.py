"""XOR's four corners and one straight cut: the two half-planes tinted in the colour of the
class each side is given, the corners in their class's colour and symbol, the one on the
wrong side ringed. A network without a non-linearity computes one linear map, so its
boundary is one such line, and every line leaves at least one corner on the wrong side.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import QGraphicsPolygonItem, QWidget

from nnlab.gui.lessons.activations.model import XOR_CORNERS, XOR_CUT, ActivationsFrame
from nnlab.gui.text import fill
from nnlab.gui.theme import NORMAL, OkabeIto, Theme
from nnlab.gui.views.base import LEGEND_MARGIN, PlotView, font_of, plain_pen, translucent

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

CLASS_COLOURS = (OkabeIto.BLUE, OkabeIto.VERMILLION)
CLASS_SYMBOLS = ("o", "s")
#: The plane shown, in x₁ and x₂.
LOW, HIGH = -0.5, 1.5
TINT_ALPHA = 40
LABEL_SCALE = 0.85
#: The half-planes reach this far beyond the plane shown.
FAR = 10.0


def cut_class(x1: float, x2: float) -> int:
    """The class the cut gives a point: 0 below the line x₁ + x₂ = XOR_CUT, 1 above."""
    return int(x1 + x2 > XOR_CUT)


class XorView(PlotView):
    """See the module docstring."""

    slug = "xor"
    fits_axis_labels = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        plot = self.plot_item
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)
        plot.setXRange(LOW, HIGH, padding=0.0)
        plot.setYRange(LOW, HIGH, padding=0.0)
        plot.setAspectLocked(True)
        plot.setLabel("bottom", "x₁")
        plot.setLabel("left", "x₂")
        plot.addLegend(offset=(-LEGEND_MARGIN, LEGEND_MARGIN))
        self._anchor_legend((1, 0))
        # the half-planes, far beyond the plane shown (its aspect is kept: the view may
        # show more of one axis than LOW … HIGH)
        below, above = [], []
        far_low, far_high = LOW - FAR, HIGH + FAR
        corners = [(far_low, far_low), (far_high, far_low), (far_high, far_high),
                   (far_low, far_high)]
        for i, (x1, x2) in enumerate(corners):
            (above if cut_class(x1, x2) else below).append(QPointF(x1, x2))
            nx1, nx2 = corners[(i + 1) % 4]
            s1, s2 = x1 + x2 - XOR_CUT, nx1 + nx2 - XOR_CUT
            if s1 * s2 < 0:  # the cut crosses this edge of the plane
                t = s1 / (s1 - s2)
                crossing = QPointF(x1 + t * (nx1 - x1), x2 + t * (nx2 - x2))
                below.append(crossing)
                above.append(crossing)
        self.half_planes = [QGraphicsPolygonItem(QPolygonF(points)) for points in (below, above)]
        for item in self.half_planes:
            item.setZValue(-10)
            plot.addItem(item, ignoreBounds=True)
        self.cut = pg.PlotDataItem([far_low, XOR_CUT - far_low], [XOR_CUT - far_low, far_low])
        plot.addItem(self.cut, ignoreBounds=True)
        self.classes = [pg.ScatterPlotItem(pxMode=True) for _ in CLASS_COLOURS]
        for item in self.classes:
            item.setZValue(20)
            plot.addItem(item)
        self.wrong = pg.ScatterPlotItem(pxMode=True)
        self.wrong.setZValue(19)
        plot.addItem(self.wrong)
        # above the ring round the corner, in the label's own heights (the ring grows with
        # the theme as the text does)
        self.wrong_label = pg.TextItem("", anchor=(0.5, 1.9))
        plot.addItem(self.wrong_label, ignoreBounds=True)
        self.apply_theme(NORMAL)

    @property
    def title(self) -> str:
        return translate("XorView", "XOR: one straight cut leaves a corner on the wrong side")

    def update_frame(self, frame: ActivationsFrame) -> None:
        """Nothing here follows the user's choices."""

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        for item, colour in zip(self.half_planes, CLASS_COLOURS):
            item.setPen(pg.mkPen(None))
            item.setBrush(pg.mkBrush(translucent(pg.mkColor(colour), TINT_ALPHA)))
        self.cut.setPen(plain_pen(theme.foreground, theme.line_width, Qt.PenStyle.DashLine))
        wrong = []
        for cls, (item, colour, symbol) in enumerate(zip(self.classes, CLASS_COLOURS,
                                                         CLASS_SYMBOLS)):
            points = [(x1, x2) for x1, x2, c in XOR_CORNERS if c == cls]
            item.setData(pos=points, symbol=symbol, size=theme.marker_size * 1.6,
                         pen=pg.mkPen(theme.foreground, width=1), brush=pg.mkBrush(colour))
            wrong += [p for p in points if cut_class(*p) != cls]
        self.wrong.setData([{"pos": p, "symbol": "o", "size": theme.marker_size * 3.2,
                             "pen": pg.mkPen(theme.foreground, width=theme.line_width * 0.75),
                             "brush": pg.mkBrush(None)} for p in wrong])
        if wrong:
            self.wrong_label.setText(translate("XorView", "wrong side"), color=theme.foreground)
            self.wrong_label.setFont(font_of(theme, LABEL_SCALE))
            self.wrong_label.setPos(*wrong[0])
        legend = self.plot_item.legend
        legend.clear()
        for cls, item in enumerate(self.classes):
            legend.addItem(item, fill(translate("XorView", "class %1"), cls))
        self._style_legend(theme)
