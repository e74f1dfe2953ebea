"""One sample's loss against p, the probability its model gives the true class: the
cross-entropy −log p and the squared error, with every sample of the table marked on them.

What the curves assume: the cross-entropy of a one-hot target depends on p alone,
−log p, and grows without bound as p → 0 (a confident mistake). The squared error
Σ_c (y_c − ŷ_c)² depends on how the rest of the probability, 1 − p, lies on the wrong
classes: with M classes it is at least (1 − p)²·M/(M − 1) (the rest spread evenly, dashed)
and at most 2(1 − p)² (the rest on one wrong class, solid), so never more than 2. Its band
lies between the two; the marked samples show their own values, inside it.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from nnlab.core.loss_table import binary_cross_entropy, squared_error_range
from nnlab.gui.lessons.losses.model import CLASSES, MODELS, LossFrame
from nnlab.gui.theme import Theme
from nnlab.gui.text import fill
from nnlab.gui.views.base import (
    LEGEND_MARGIN, RUN_SYMBOLS, PlotView, font_of, literal_format, plain_pen, run_pen,
    translucent,
)

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: p from here to 1: −log p at the left edge is already beyond the axis.
P_FIRST = 1e-3
CURVE_POINTS = 400
#: The loss axis reaches at least −log p at this p (about 3.9 in ln), and at most this top:
#: a sample beyond it (p close to 0, or exactly 0: ∞) is drawn at the top, as a triangle.
P_AT_TOP = 0.02
MAX_TOP = 10.0
MEASURES = (("squared_error", "quadratic"), ("cross_entropy", "cross_entropy"))
LABEL_SCALE = 0.8


class LossCurvesView(PlotView):
    """The curves of the module docstring, the line at 2 (the most a squared error can
    be), and each sample of the table: its squared error and its cross-entropy at its p,
    in the measure's colour, in its model's marker (model 1 ●, model 2 ■), numbered."""

    slug = "loss_curves"
    fits_axis_labels = True

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._frame: LossFrame | None = None
        self._top = 4.0
        plot = self.plot_item
        plot.disableAutoRange()
        plot.setMouseEnabled(x=False, y=False)
        plot.setLabel("bottom", self.tr("p: the probability ŷ of the true class"))
        plot.setLabel("left", self.tr("loss of one sample"))
        plot.setXRange(0.0, 1.0, padding=0.02)
        plot.addLegend(offset=(-LEGEND_MARGIN, LEGEND_MARGIN))
        self._anchor_legend((1, 0))
        self._p = np.linspace(P_FIRST, 1.0, CURVE_POINTS)

        self.cross_entropy_curve = pg.PlotDataItem()
        self.squared_most = pg.PlotDataItem()
        self.squared_least = pg.PlotDataItem()
        self.squared_band = pg.FillBetweenItem(self.squared_least, self.squared_most)
        plot.addItem(self.squared_band)
        for curve in (self.squared_least, self.squared_most, self.cross_entropy_curve):
            plot.addItem(curve)
        self.bound_line = pg.InfiniteLine(
            pos=2.0, angle=0, movable=False, label="",
            labelOpts={"position": 0.98, "anchors": [(1.0, 1.0), (1.0, 1.0)]})
        plot.addItem(self.bound_line, ignoreBounds=True)

        self.markers: dict[tuple[str, int], pg.ScatterPlotItem] = {}
        for measure, _ in MEASURES:
            for model in range(MODELS):
                item = pg.ScatterPlotItem()
                item.setZValue(20 + model)
                plot.addItem(item)
                self.markers[(measure, model)] = item
        self._labels: list[pg.TextItem] = []
        # legend samples for the models' markers, never drawn on the plot
        self._model_keys = [pg.ScatterPlotItem() for _ in range(MODELS)]
        self._legend_entries: dict = {}

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.note.setContentsMargins(6, 2, 6, 2)
        self.layout().addWidget(self.note)
        self.note.setText(self.tr(
            "Squared error: solid when the rest of ŷ lies on one wrong class (at most 2), "
            "dashed when it is spread evenly; every sample lies between. Cross-entropy: "
            "−log p alone, without bound."))
        self._set_legend_texts("e")

    @property
    def title(self) -> str:
        return self.tr("Loss of one sample against p")

    def _set_legend_texts(self, base: str) -> None:
        log = "ln" if base == "e" else "log₂"
        entries = (
            ("ce", self.cross_entropy_curve,
             fill(self.tr("cross-entropy −%1 p"), log)),
            ("most", self.squared_most, self.tr("squared error, rest on one wrong class")),
            ("least", self.squared_least, self.tr("squared error, rest spread evenly")),
        ) + tuple((f"model{m}", key, fill(self.tr("model %1"), m + 1))
                  for m, key in enumerate(self._model_keys))
        for key, item, text in entries:
            self._set_legend_entry(self._legend_entries, key, item, text)

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: LossFrame) -> None:
        self._frame = frame
        base = frame.log_base
        cross_entropy = binary_cross_entropy(self._p, np.ones_like(self._p), base)
        least, most = squared_error_range(self._p, CLASSES)
        self.cross_entropy_curve.setData(self._p, cross_entropy)
        self.squared_most.setData(self._p, most)
        self.squared_least.setData(self._p, least)
        self._set_legend_texts(base)

        finite = [value for score in frame.scores for sample in score.samples
                  for value in (sample.cross_entropy, sample.squared_error)
                  if math.isfinite(value)]
        top = float(binary_cross_entropy(P_AT_TOP, 1, base))
        top = min(MAX_TOP, math.ceil(max([top, 2.2] + finite) * 1.05))
        if top != self._top:
            self._top = top
        self.plot_item.setYRange(0.0, self._top, padding=0.02)
        self._draw_samples(frame)

    def _draw_samples(self, frame: LossFrame) -> None:
        for label in self._labels:
            self.plot_item.removeItem(label)
        self._labels = []
        # the samples' numbers, one label for the markers that coincide: above right of
        # the cross-entropy's, below right of the squared error's (which lies lower)
        places: dict[tuple[str, float, float], list[str]] = {}
        for measure, run in MEASURES:
            for model in range(MODELS):
                spots = []
                for index, sample in enumerate(frame.scores[model].samples):
                    value = getattr(sample, measure)
                    clipped = not value <= self._top
                    y = self._top if clipped else value
                    x = sample.true_probability
                    symbol = "t1" if clipped else RUN_SYMBOLS[model]
                    spots.append({"pos": (x, y), "symbol": symbol,
                                  "data": (model, index, measure)})
                    places.setdefault((measure, round(x, 4), round(y, 4)), []).append(
                        str(index + 1))
                self._style_markers(self.markers[(measure, model)], run, model)
                self.markers[(measure, model)].setData(spots)
        font = font_of(self.theme, LABEL_SCALE)
        for (measure, x, y), names in places.items():
            # below a marker at the top of the axis (an unbounded loss), else as said
            above = measure == "cross_entropy" and y < self._top
            right = x < 0.85
            anchor = (-0.15 if right else 1.15, 0.85 if above else 0.15)
            label = pg.TextItem(", ".join(dict.fromkeys(names)), color=self.theme.foreground,
                                anchor=anchor)
            label.setFont(font)
            label.setPos(x, y)
            label.setZValue(30)
            self.plot_item.addItem(label, ignoreBounds=True)
            self._labels.append(label)

    def _style_markers(self, item: pg.ScatterPlotItem, run: str, model: int) -> None:
        colour = self.theme.run_color(run)
        item.setSize(self.theme.marker_size)
        item.setPen(pg.mkPen(self.theme.foreground, width=1))
        item.setBrush(pg.mkBrush(colour if model == 0 else translucent(colour, 150)))

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        self.cross_entropy_curve.setPen(run_pen(theme, "cross_entropy"))
        self.squared_most.setPen(run_pen(theme, "quadratic"))
        self.squared_least.setPen(run_pen(theme, "quadratic", 0.75, Qt.PenStyle.DashLine))
        self.squared_band.setBrush(pg.mkBrush(translucent(theme.run_color("quadratic"), 40)))
        self.squared_band.setPen(pg.mkPen(None))
        self.bound_line.setPen(plain_pen(theme.foreground, theme.line_width * 0.5,
                                         Qt.PenStyle.DotLine))
        self.bound_line.label.setFormat(literal_format(
            self.tr("2: the most a squared error can be")))
        self.bound_line.label.setColor(theme.foreground)
        self.bound_line.label.setFont(font_of(theme, LABEL_SCALE))
        for model, key in enumerate(self._model_keys):
            key.setSymbol(RUN_SYMBOLS[model])
            key.setSize(theme.marker_size)
            key.setPen(pg.mkPen(theme.foreground, width=1))
            key.setBrush(pg.mkBrush(QColor("#9a9a9a")))
        if self._frame is not None:
            self.update_frame(self._frame)
