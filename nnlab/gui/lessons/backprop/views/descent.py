"""Batch, stochastic and mini-batch descent on one plot: the mean loss over the lesson's 21
samples against epochs, parameter updates or samples seen (note 001's three methods, from the
same start, on the same data).

Against epochs stochastic descent looks fastest; against updates the picture turns: batch
descent's one update an epoch is as good as stochastic descent's, which are many, cheap and
noisy. Every curve is made once and updated with ``setData``.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from nnlab.core.backprop_steps import DESCENT_METHODS, DescentHistory
from nnlab.gui.text import fill, optimizer_label
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import PlotView, run_pen

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: The loss axis reaches this many times the highest loss: the legend sits above the curves.
LEGEND_HEADROOM = 1.3
#: each method's line style (its colour: Theme.run_color of its name)
STYLES = {"batch": Qt.PenStyle.SolidLine, "sgd": Qt.PenStyle.SolidLine,
          "mini-batch": Qt.PenStyle.DashLine}


def axis_label(axis: str) -> str:
    labels = {"epochs": translate("DescentPlot", "epochs"),
              "updates": translate("DescentPlot", "parameter updates"),
              "samples": translate("DescentPlot", "samples seen")}
    return labels[axis]


def method_label(method: str, batch_size: int | None) -> str:
    """"batch GD (all samples)", "SGD (batches of 1)", "mini-batch (batches of 4)"."""
    if batch_size is None:
        return fill(translate("DescentPlot", "%1 (all samples)"), optimizer_label(method))
    return fill(translate("DescentPlot", "%1 (batches of %2)"), optimizer_label(method),
                batch_size)


class DescentPlot(PlotView):
    """The three runs' loss against the chosen x axis."""

    slug = "descent"
    fits_axis_labels = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.histories: dict[str, DescentHistory] = {}
        self.axis = "epochs"
        self.plot_item.addLegend(offset=(-8, 8))
        self.curves = {method: pg.PlotDataItem(antialias=True) for method in DESCENT_METHODS}
        for curve in self.curves.values():
            self.plot_item.addItem(curve)
        self._legend_texts: dict = {}
        self.apply_theme(NORMAL)

    @property
    def title(self) -> str:
        return translate("DescentPlot", "Batch, stochastic and mini-batch descent")

    def update_frame(self, frame) -> None:
        """Draw the frame's (histories by method, x axis), if it has them (it has them only
        while this plot is on show)."""
        if frame.descent is None:
            return
        self.histories, self.axis = frame.descent
        self._draw()

    def _draw(self) -> None:
        theme = self.theme
        for method in DESCENT_METHODS:
            curve = self.curves[method]
            history = self.histories.get(method)
            if history is None:
                curve.setData([], [])
                continue
            curve.setData(history.axis(self.axis), history.loss)
            curve.setPen(run_pen(theme, method, 1.0, STYLES[method]))
            self._set_legend_entry(self._legend_texts, method, curve,
                                   method_label(method, history.batch_size))
        self.plot_item.setLabel("bottom", axis_label(self.axis))
        self.plot_item.setLabel("left", translate("DescentPlot", "mean loss ℒ over the 21 "
                                                                "samples"))
        highest = max((float(h.loss.max()) for h in self.histories.values()), default=0.0)
        self.plot_item.enableAutoRange(axis="x")
        # room above the curves for the legend in the top right corner
        top = LEGEND_HEADROOM * highest if highest > 0 else 1.0
        self.plot_item.setYRange(-0.02 * top, top, padding=0)  # 0 and its tick in view
        if self.fits_axis_labels:
            self.fit_axis_labels()

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self._draw()

