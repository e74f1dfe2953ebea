"""The fitted curve: for regression data with one input, the data and what each run's network
answers for every x.

The training points are filled dots, the test points hollow rings, both in the foreground's
grey (the runs' colours belong to the runs); each run's network is drawn as a curve in its
own colour, a = network(x) on CURVE_POINTS evenly spaced x across the data (a margin round
them), at the epoch on show: the curve bends to the data as the network learns, and the
timeline shows it at any kept epoch. The axes are fitted to the data once per dataset, so the
picture does not jump while the curves move; a curve that leaves them (a diverging run) is
cut at the edge. For other data a message says why there is nothing to show.

The legend in the top left corner always says which points are the training and which the
test data (nothing else on screen does); it names the runs too unless the window's colour
key does (:meth:`set_legend_visible`).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette, QPen
from PySide6.QtWidgets import QLabel

from nnlab.core.datasets import Dataset
from nnlab.core.evaluation import parameters_fingerprint
from nnlab.core.network import Network
from nnlab.app.frames import LabFrame, RunFrame
from nnlab.gui.text import fill
from nnlab.gui.theme import Theme
from nnlab.gui.views.base import PlotView, font_of, plain_pen, translucent

__all__ = ["CURVE_POINTS", "DATA_MARGIN", "FitView", "curve_xs", "fitted_values",
           "fit_window"]

#: x values each run's curve is evaluated at: smooth at any width, and a 1-16-16-1 network
#: answers all of them in well under a millisecond.
CURVE_POINTS = 256
#: Room round the data, as a share of their extent, on every side ...
DATA_MARGIN = 0.06
#: ... and above them, where the legend goes.
LEGEND_HEADROOM = 0.25
#: Opacity of the training points (0–255): the curves lie on top and must stay readable.
POINT_ALPHA = 150


def fit_window(dataset: Dataset) -> tuple[float, float, float, float]:
    """(x_min, x_max, y_min, y_max) round the training and test points, DATA_MARGIN of each
    extent beyond them (LEGEND_HEADROOM above them)."""
    x = np.concatenate([dataset.x_train[:, 0], dataset.x_test[:, 0]]).astype(float)
    y = np.concatenate([dataset.y_train[:, 0], dataset.y_test[:, 0]]).astype(float)
    window = []
    for values, above in ((x, DATA_MARGIN), (y, LEGEND_HEADROOM)):
        values = values[np.isfinite(values)]
        if not len(values):
            window += [-1.0, 1.0]
            continue
        low, high = float(values.min()), float(values.max())
        extent = high - low if high > low else 1.0
        window += [low - extent * DATA_MARGIN, high + extent * above]
    return tuple(window)


def curve_xs(window: tuple[float, float, float, float], count: int = CURVE_POINTS) -> np.ndarray:
    """The x values a curve is drawn through: ``count`` evenly spaced across the window."""
    return np.linspace(window[0], window[1], count)


def fitted_values(network: Network, xs: np.ndarray) -> np.ndarray:
    """The network's answer a(x) (its first output) at every x of ``xs``; NaN where it is not
    finite (a diverged run), which leaves a gap in the curve."""
    with np.errstate(all="ignore"):
        outputs = network.forward(np.asarray(xs, dtype=float)[:, None])[:, 0]
    return np.where(np.isfinite(outputs), outputs, np.nan)


class FitView(PlotView):
    """The data of a one-input regression and each run's fitted curve (see the module
    docstring)."""

    slug = "fitted-curve"

    def __init__(self, theme: Theme | None = None, parent=None) -> None:
        super().__init__(parent)
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.addLegend(offset=(10, 10))
        self.train_points = pg.ScatterPlotItem()
        self.train_points.setZValue(1)
        self.test_points = pg.ScatterPlotItem()
        self.test_points.setZValue(2)
        self.plot_item.addItem(self.train_points)
        self.plot_item.addItem(self.test_points)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self._legend_texts: dict = {}
        self._keys: dict[str, tuple] = {}
        self._colours: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._dataset: Dataset | None = None
        self._window = (-1.0, 1.0, -1.0, 1.0)
        self._xs = curve_xs(self._window)
        self.message_label = QLabel()
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setAutoFillBackground(True)
        self.layout().addWidget(self.message_label)
        self._show_message(self.tr("No data to show yet."))
        self.apply_theme(theme if theme is not None else self.theme)

    @property
    def title(self) -> str:
        return self.tr("Fitted curve")

    @property
    def message(self) -> str | None:
        """The message shown instead of the plot, or None."""
        return self.message_label.text() if not self.message_label.isHidden() else None

    def _show_message(self, text: str | None) -> None:
        if text is None:
            self.message_label.hide()
            self.plot_widget.show()
            return
        if self.message_label.text() != text:
            self.message_label.setText(text)
        self.plot_widget.hide()
        self.message_label.show()

    def _message_for(self, frame: LabFrame) -> str | None:
        dataset = frame.dataset
        if dataset is None:
            return self.tr("No data to show yet.")
        if not dataset.is_regression:
            return self.tr("The fitted curve is for regression: these data have classes.")
        if dataset.n_features != 1 or dataset.n_classes != 1:
            return fill(self.tr("The fitted curve needs data with one input and one number "
                                "to learn; these have %1 inputs and %2."),
                        dataset.n_features, dataset.n_classes)
        return None

    # -- frames ----------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        message = self._message_for(frame)
        self._show_message(message)
        if message is not None:
            return
        if frame.dataset is not self._dataset:
            self._show_data(frame.dataset)
        names = {run.name for run in frame.runs}
        for name in set(self.curves) - names:
            curve = self.curves.pop(name)
            self._set_legend_entry(self._legend_texts, name, curve, None)
            self.plot_item.removeItem(curve)
            self._keys.pop(name, None)
            self._colours.pop(name, None)
            self._labels.pop(name, None)
        for run in frame.runs:
            self._show_run(run)

    def _show_data(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._window = fit_window(dataset)
        self._xs = curve_xs(self._window)
        self._keys.clear()  # the curves are drawn across the new data
        x0, x1, y0, y1 = self._window
        self.plot_item.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.train_points.setData(x=np.asarray(dataset.x_train[:, 0], dtype=float),
                                  y=np.asarray(dataset.y_train[:, 0], dtype=float))
        self.test_points.setData(x=np.asarray(dataset.x_test[:, 0], dtype=float),
                                 y=np.asarray(dataset.y_test[:, 0], dtype=float))
        self._style_points()
        self._set_legend_entry(self._legend_texts, "train", self.train_points,
                               self.tr("training data"))
        self._set_legend_entry(self._legend_texts, "test", self.test_points,
                               self.tr("test data") if len(dataset.x_test) else None)
        self._show_legend_if_it_has_entries()
        name = dataset.class_names[0] if dataset.class_names else "y"
        self.plot_item.setLabel("bottom", self.tr("x"))
        self.plot_item.setLabel("left", name)

    def _show_run(self, run: RunFrame) -> None:
        curve = self.curves.get(run.name)
        if curve is None:
            curve = pg.PlotDataItem(connect="finite")
            curve.setZValue(10)
            self.plot_item.addItem(curve)
            self.curves[run.name] = curve
        if self._colours.get(run.name) != run.colour:
            self._colours[run.name] = run.colour
            curve.setPen(self._curve_pen(run.colour))
        self._labels[run.name] = run.label
        self._set_legend_entry(self._legend_texts, run.name, curve,
                               run.label if self.legend_visible else None)
        network = run.network
        if network is None or network.layer_sizes[0] != 1:
            if self._keys.pop(run.name, None) is not None or curve.yData is not None:
                curve.setData([], [])
            return
        key = (run.network_epoch, network.layer_sizes, tuple(network.hidden_activations),
               parameters_fingerprint(network))
        if self._keys.get(run.name) == key:
            return
        self._keys[run.name] = key
        curve.setData(self._xs, fitted_values(network, self._xs))

    # -- the legend ------------------------------------------------------------------------
    def _show_legend_if_it_has_entries(self) -> None:
        legend = self.plot_item.legend
        if legend is not None:
            legend.setVisible(bool(legend.items))

    def _legend_visibility_changed(self) -> None:
        # the runs' entries come and go; the data's stay
        for name, curve in self.curves.items():
            self._set_legend_entry(self._legend_texts, name, curve,
                                   self._labels.get(name) if self.legend_visible else None)
        self._show_legend_if_it_has_entries()

    # -- theme -----------------------------------------------------------------------------
    def _curve_pen(self, colour: str) -> QPen:
        pen = plain_pen(QColor(colour or self.theme.foreground.name()), self.theme.line_width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _style_points(self) -> None:
        theme = self.theme
        size = max(4.0, theme.marker_size * 0.6)
        grey = QColor(theme.foreground)
        self.train_points.setData(
            x=self.train_points.data["x"], y=self.train_points.data["y"], size=size,
            brush=QBrush(translucent(grey, POINT_ALPHA)), pen=plain_pen(grey, 0.0),
            symbol="o")
        self.test_points.setData(
            x=self.test_points.data["x"], y=self.test_points.data["y"], size=size,
            brush=QBrush(Qt.BrushStyle.NoBrush),
            pen=plain_pen(grey, max(1.5, theme.line_width * 0.6)), symbol="o")

    def apply_theme(self, theme: Theme) -> None:
        super().apply_theme(theme)
        palette = self.message_label.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.background)
        palette.setColor(QPalette.ColorRole.WindowText, theme.foreground)
        self.message_label.setPalette(palette)
        self.message_label.setFont(font_of(theme))
        self._style_points()
        for name, curve in self.curves.items():
            curve.setPen(self._curve_pen(self._colours.get(name, "")))
