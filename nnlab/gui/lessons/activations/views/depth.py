"""The most a product of n slopes can be, (max σ′)ⁿ, against the depth n, on a log axis: the
sigmoid's (1/4)ⁿ falls a decade every 1.66 layers, while tanh, ReLU, leaky ReLU and linear,
whose slopes reach 1, keep 1ⁿ = 1. Functions with the same bound share one line (named
together in the legend); the depth of the preset deep-sigmoid-vs-relu is marked on the
sigmoid's line with its value.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from nnlab.core.activation_curves import ACTIVATION_NAMES
from nnlab.gui.lessons.activations.model import MARKED_DEPTH, ActivationsFrame
from nnlab.gui.lessons.activations.views.style import activation_colour, activation_pen
from nnlab.gui.text import activation_label, fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import DecadeAxis, font_of, translucent
from nnlab.gui.widgets.legend_above_plot import LegendAbovePlot

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

LABEL_SCALE = 0.8
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def fraction_text(value: float) -> str:
    """1/4 for 0.25, 1 for 1, else the number."""
    if value > 0 and value < 1:
        inverse = 1.0 / value
        if abs(inverse - round(inverse)) < 1e-9:
            return f"1/{round(inverse)}"
    return format_number(value)


def power_text(base: float, n: int) -> str:
    """"(1/4)⁶" or "1⁶"."""
    text = fraction_text(base)
    if "/" in text:
        text = f"({text})"
    return text + str(n).translate(_SUPERSCRIPTS)


def bound_groups(frame: ActivationsFrame) -> list[tuple[float, list[str]]]:
    """(largest slope, names) of the shown functions, those with the same bound together,
    in the order of ACTIVATION_NAMES."""
    groups: dict[float, list[str]] = {}
    for name in ACTIVATION_NAMES:
        if name in frame.shown:
            groups.setdefault(round(frame.curves[name].max_derivative, 12), []).append(name)
    return list(groups.items())


class DepthView(LegendAbovePlot):
    """See the module docstring."""

    slug = "depth"
    fits_axis_labels = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, {"left": DecadeAxis(orientation="left")})
        self._frame: ActivationsFrame | None = None
        self._legend_key: tuple | None = None
        plot = self.plot_item
        plot.setLogMode(x=False, y=True)
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("bottom", translate("DepthView", "depth n (layers)"))
        plot.setLabel("left", translate("DepthView", "largest product of n slopes"))
        self.lines = [pg.PlotDataItem(antialias=True) for _ in ACTIVATION_NAMES]
        for line in self.lines:
            line.setLogMode(False, True)
            plot.addItem(line)
        self.marker = pg.ScatterPlotItem(pxMode=True)
        self.marker.setZValue(20)
        plot.addItem(self.marker)
        self.label = pg.TextItem("", anchor=(0, 1))
        self.label.setZValue(15)
        plot.addItem(self.label, ignoreBounds=True)
        self.apply_theme(NORMAL)

    @property
    def title(self) -> str:
        return translate("DepthView", "A gradient through n layers: at most (max f′)ⁿ")

    def update_frame(self, frame: ActivationsFrame) -> None:
        self._frame = frame
        self._draw()

    def _draw(self) -> None:
        frame = self._frame
        if frame is None:
            return
        theme = self.theme
        n = frame.depths
        plot = self.plot_item
        plot.setXRange(float(n[0]) - 0.5, float(n[-1]) + 0.5, padding=0.0)
        lowest = min((float(frame.bounds[name][-1]) for name in frame.shown), default=1.0)
        plot.setYRange(math.floor(math.log10(lowest)) - 0.2 if lowest < 1 else -1.0, 0.6,
                       padding=0.0)
        groups = bound_groups(frame)
        for index, line in enumerate(self.lines):
            if index >= len(groups):
                line.setData([], [])
                line.hide()
                continue
            _, names = groups[index]
            line.setData(n, frame.bounds[names[0]])
            line.setPen(activation_pen(theme, names[0], 1.0, Qt.PenStyle.SolidLine))
            line.show()
        if "sigmoid" in frame.shown:
            slope = frame.curves["sigmoid"].max_derivative
            value = float(frame.bounds["sigmoid"][list(n).index(MARKED_DEPTH)])
            y = math.log10(value)
            self.marker.setData([{"pos": (MARKED_DEPTH, y), "size": theme.marker_size,
                                  "pen": pg.mkPen(theme.foreground, width=1),
                                  "brush": pg.mkBrush(activation_colour("sigmoid"))}])
            self.label.setText(f"{power_text(slope, MARKED_DEPTH)} = {format_number(value)}",
                               color=theme.foreground)
            self.label.setPos(MARKED_DEPTH + 0.4, y)
            self.label.show()
        else:
            self.marker.setData([])
            self.label.hide()
        self._draw_legend(groups)

    def _draw_legend(self, groups) -> None:
        key = (tuple((bound, tuple(names)) for bound, names in groups), self.theme.name)
        if key == self._legend_key:
            return
        self._legend_key = key
        legend = self.plot_item.legend
        legend.clear()
        for line, (bound, names) in zip(self.lines, groups):
            legend.addItem(line, fill(translate("DepthView", "%1: %2"),
                                      ", ".join(activation_label(name) for name in names),
                                      power_text(bound, 1)[:-1] + "ⁿ"))
        self._style_legend(self.theme)

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._legend_key = None
        font = font_of(theme, LABEL_SCALE)
        self.label.setFont(font)
        self.label.fill = pg.mkBrush(translucent(theme.background, 200))
        self._draw()

