"""The measured time of each activation f(z) and of its slope f′(z) on a million values, in
milliseconds, as horizontal bars (the functions' names read along the left axis): the
function's in its colour, the slope's lighter under it, each with its ratio to ReLU's at its
end. Empty, with a word on why, until they are measured.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from nnlab.core.activation_curves import ACTIVATION_NAMES
from nnlab.core.activation_timing import ratios_to
from nnlab.gui.lessons.activations.model import ActivationsFrame
from nnlab.gui.lessons.activations.views.style import activation_colour
from nnlab.gui.text import activation_label, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import LEGEND_MARGIN, PlotView, font_of, nice_upper, translucent

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

BAR_WIDTH = 0.4
DERIVATIVE_ALPHA = 110
LABEL_SCALE = 0.75


def ratio_text(ratio: float) -> str:
    """"×10.2" (how many times ReLU's time)."""
    return "×" + format_number(ratio, 2 if ratio < 10 else 3)


class TimingView(PlotView):
    """See the module docstring."""

    slug = "timing"
    fits_axis_labels = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: ActivationsFrame | None = None
        plot = self.plot_item
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)
        plot.invertY(True)  # the first function at the top
        plot.setYRange(-0.6, len(ACTIVATION_NAMES) - 0.4, padding=0.0)
        plot.getAxis("left").setTicks([[(i, activation_label(name))
                                        for i, name in enumerate(ACTIVATION_NAMES)], []])
        plot.setLabel("bottom", translate("TimingView", "time for 10⁶ values (ms)"))
        plot.addLegend(offset=(-LEGEND_MARGIN, -LEGEND_MARGIN))
        self._anchor_legend((1, 1))
        self.values = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_WIDTH)
        self.derivatives = pg.BarGraphItem(x0=[], y=[], width=[], height=BAR_WIDTH)
        plot.addItem(self.values)
        plot.addItem(self.derivatives)
        self.labels = [pg.TextItem("", anchor=(0.0, 0.5))
                       for _ in range(2 * len(ACTIVATION_NAMES))]
        for label in self.labels:
            plot.addItem(label, ignoreBounds=True)
        self.waiting = pg.TextItem("", anchor=(0.5, 0.5))
        self.measuring = False  # set by the page while the times are being measured
        plot.addItem(self.waiting, ignoreBounds=True)
        self.apply_theme(NORMAL)

    @property
    def title(self) -> str:
        return translate("TimingView", "Time of f(z) and f′(z) on this computer")

    def update_frame(self, frame: ActivationsFrame) -> None:
        self._frame = frame
        self._draw()

    def _draw(self) -> None:
        frame = self._frame
        theme = self.theme
        plot = self.plot_item
        timings = None if frame is None else frame.timings
        if not timings:
            self.values.setOpts(x0=[], y=[], width=[])
            self.derivatives.setOpts(x0=[], y=[], width=[])
            for label in self.labels:
                label.hide()
            plot.setXRange(0.0, 1.0, padding=0.0)
            self.waiting.setText(translate("TimingView", "Measuring…") if self.measuring
                                 else translate("TimingView", "Not measured yet"),
                                 color=theme.foreground)
            self.waiting.setPos(0.5, 0.5 * (len(ACTIVATION_NAMES) - 1))
            self.waiting.show()
            return
        self.waiting.hide()
        by_name = {t.name: t for t in timings}
        names = [n for n in ACTIVATION_NAMES if n in by_name]
        rows = [ACTIVATION_NAMES.index(name) for name in names]
        value_ms = [1000.0 * by_name[n].value_seconds for n in names]
        slope_ms = [1000.0 * by_name[n].derivative_seconds for n in names]
        colours = [activation_colour(n) for n in names]
        outline = pg.mkPen(theme.foreground, width=1)
        self.values.setOpts(
            x0=[0.0] * len(names), y=[r - BAR_WIDTH / 2 for r in rows], width=value_ms,
            height=BAR_WIDTH, brushes=[pg.mkBrush(c) for c in colours], pen=outline)
        self.derivatives.setOpts(
            x0=[0.0] * len(names), y=[r + BAR_WIDTH / 2 for r in rows], width=slope_ms,
            height=BAR_WIDTH,
            brushes=[pg.mkBrush(translucent(c, DERIVATIVE_ALPHA)) for c in colours],
            pen=outline)
        # room at the right for the ratio beside the longest bar
        plot.setXRange(0.0, nice_upper(1.3 * max(value_ms + slope_ms)), padding=0.0)
        ratios = ratios_to(timings) if "relu" in by_name else {}
        font = font_of(theme, LABEL_SCALE)
        for label in self.labels:
            label.hide()
        for i, name in enumerate(names):
            if name not in ratios:
                continue
            for j, (offset, ms) in enumerate(((-BAR_WIDTH / 2, value_ms[i]),
                                              (BAR_WIDTH / 2, slope_ms[i]))):
                label = self.labels[2 * i + j]
                label.setText(ratio_text(ratios[name][j]), color=theme.foreground)
                label.setFont(font)
                label.setPos(ms, rows[i] + offset)
                label.show()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.waiting.setFont(font_of(theme))
        legend = self.plot_item.legend
        legend.clear()
        grey = QColor("#777777")
        self._value_key = pg.BarGraphItem(x=[0], height=[1], width=1, brush=pg.mkBrush(grey))
        self._slope_key = pg.BarGraphItem(x=[0], height=[1], width=1,
                                          brush=pg.mkBrush(translucent(grey, DERIVATIVE_ALPHA)))
        legend.addItem(self._value_key, "f(z)")
        legend.addItem(self._slope_key, "f′(z)")
        self._style_legend(theme)
        self._draw()
