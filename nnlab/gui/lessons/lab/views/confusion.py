"""Which classes a run gets wrong: its confusion matrix, and the test images it misclassifies.

Accuracy says how often a network is wrong; the confusion matrix says *which* mistakes it
makes (on the digits, 4 taken for 9 and 3 for 8, the pairs people confuse too), and the strip
of misclassified images shows them. Both are computed from the run's network at the frame's
``network_epoch`` on the test set (the training set when there is none, and the titles say
so), once per run and epoch: the display timer redraws up to 30 times a second, the network
changes about once an epoch.

Both views paint themselves with QPainter instead of pyqtgraph items: a 10 × 10 matrix is a
hundred rectangles and numbers, painted only when it changes, and a painted widget exports
to SVG and PDF as vectors (the images as crisp, nearest-neighbour pixels).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QStaticText, QTransform,
)
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolTip, QVBoxLayout, QWidget,
)

from nnlab.core.datasets import Dataset
from nnlab.app.frames import LabFrame, RunFrame
from nnlab.gui.text import format_number
from nnlab.gui.theme import NEAR_BLACK, NORMAL, Theme
from nnlab.gui.views.base import font_of

#: Correct predictions (the diagonal) are shades of grey and confusions of wine (Paul Tol's
#: muted scheme), so the mistakes stand out without reading a number, for colour-blind
#: viewers as well; neither is a run's colour (blue and vermillion mean runs in the lab).
CORRECT_COLOUR = "#4D4D4D"
CONFUSED_COLOUR = "#882255"
#: A cell with any count at all is at least this strongly tinted: one confusion in 300 must
#: not look like none.
MIN_TINT = 0.12
#: Above this relative luminance a cell gets dark text, below it white text.
LIGHT_CELL_LUMINANCE = 0.4
ZERO_TEXT_COLOUR = "#6E6E6E"  # about 5:1 on white: a zero is readable but does not shout
GRID_COLOUR = "#C8C8C8"
#: Counts are written at this share of the theme's font, shrunk to fit their cell, and left
#: out once they would have to shrink below MIN_COUNT_SCALE of it (or below
#: MIN_COUNT_POINTS): shading without numbers reads better than numbers nobody can read.
COUNT_TEXT_SCALE = 1.0
MIN_COUNT_SCALE = 0.55
MIN_COUNT_POINTS = 7.0
LABEL_TEXT_SCALE = 0.85

#: Cells grow with the view up to this many lines of label text: a 3 × 3 matrix filling a
#: whole screen is mostly empty colour.
MAX_CELL_LINES = 5

#: Misclassified images are drawn this many pixels tall at least (the 8 × 8 digits at 7×).
MIN_IMAGE_PIXELS = 48
MAX_IMAGE_SCALE = 12
#: Outputs listed in an image's tooltip.
TOOLTIP_OUTPUTS = 3


def _fill(template: str, *values) -> str:
    """Qt-style placeholders: ``%1``, ``%2``... replaced by ``values`` (translators may reorder)."""
    for number in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def confusion_matrix(predicted, true, n_classes: int) -> np.ndarray:
    """Counts of (true class i, predicted class j): an (n_classes, n_classes) integer array
    whose row i tells where the samples of class i went; its trace is the number right.

    One ``np.bincount`` of ``true · n + predicted``: no loop over the samples.
    """
    predicted = np.asarray(predicted).ravel()
    true = np.asarray(true).ravel()
    if predicted.shape != true.shape:
        raise ValueError(f"{len(predicted)} predictions for {len(true)} true classes")
    n_classes = int(n_classes)
    if n_classes < 1:
        raise ValueError(f"n_classes must be at least 1, got {n_classes}")
    predicted = predicted.astype(np.intp, copy=False)
    true = true.astype(np.intp, copy=False)
    for name, values in (("predicted", predicted), ("true", true)):
        if len(values) and (values.min() < 0 or values.max() >= n_classes):
            raise ValueError(f"{name} classes must lie in 0..{n_classes - 1}, "
                             f"found {values.min()}..{values.max()}")
    counts = np.bincount(true * n_classes + predicted, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes)


def predicted_classes(outputs: np.ndarray) -> np.ndarray:
    """The class each row of outputs stands for: the largest output, or for a single output
    unit a ≥ 0.5 (as :func:`nnlab.core.network.accuracy` counts it)."""
    outputs = np.asarray(outputs)
    if outputs.ndim == 2 and outputs.shape[1] == 1:
        return (outputs[:, 0] >= 0.5).astype(np.intp)
    return np.argmax(outputs, axis=1)


def evaluated_part(dataset: Dataset) -> tuple[np.ndarray, np.ndarray, bool]:
    """(inputs, true classes, is the test set): the test set, or the training set when the
    data have no test set."""
    if len(dataset.x_test):
        return dataset.x_test, dataset.labels_test, True
    return dataset.x_train, dataset.labels_train, False


@dataclass(frozen=True, eq=False)
class Evaluation:
    """One run's network on one part of the data. ``diverged``: its parameters are not all
    finite, and nothing else is filled in."""

    on_test_set: bool
    n_classes: int
    true: np.ndarray
    outputs: np.ndarray | None = None
    predicted: np.ndarray | None = None
    matrix: np.ndarray | None = None
    diverged: bool = False

    @property
    def correct(self) -> int:
        return 0 if self.matrix is None else int(np.trace(self.matrix))

    @property
    def total(self) -> int:
        return len(self.true)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total and self.matrix is not None \
            else float("nan")

    def misclassified(self) -> np.ndarray:
        """Indices of the wrongly predicted samples, the most confident mistakes first
        (largest output of the wrong class; ties in sample order)."""
        if self.predicted is None:
            return np.empty(0, dtype=np.intp)
        wrong = np.flatnonzero(self.predicted != self.true)
        confidence = self.outputs[wrong, self.predicted[wrong]] \
            if self.outputs.shape[1] > 1 else np.abs(self.outputs[wrong, 0] - 0.5)
        return wrong[np.argsort(-confidence, kind="stable")]


def evaluate(network, dataset: Dataset) -> Evaluation:
    x, true, on_test = evaluated_part(dataset)
    n_classes = dataset.n_classes
    if not np.all(np.isfinite(network.parameters)):
        return Evaluation(on_test, n_classes, true, diverged=True)
    with np.errstate(all="ignore"):
        outputs = network.forward(x)
    predicted = predicted_classes(outputs)
    return Evaluation(on_test, n_classes, true, outputs, predicted,
                      confusion_matrix(predicted, true, n_classes))


def parameters_fingerprint(network) -> bytes:
    """A few dozen of the network's parameters, evenly spaced, as bytes: tells a run that
    was reset and trained again to the same epoch (other parameters under the same run
    name and epoch) from another copy of the same parameters, for the price of reading
    32 numbers. Bytes, so that NaNs compare equal to themselves."""
    parameters = network.parameters
    return parameters[:: max(1, len(parameters) // 32)].tobytes()


class EvaluationCache:
    """The latest evaluation of each run, recomputed only when the run's ``network_epoch``,
    its network's shape or the data change (not when the frame merely hands over another
    copy of the same parameters)."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple, Dataset, Evaluation]] = {}

    def get(self, run: RunFrame, dataset: Dataset | None) -> Evaluation | None:
        if run.network is None or dataset is None:
            return None
        sizes = run.network.layer_sizes
        if sizes[0] != dataset.n_features or sizes[-1] not in (1, dataset.n_classes):
            return None  # a network of other data (a frame between two experiments)
        key = (run.network_epoch, sizes, parameters_fingerprint(run.network))
        entry = self._entries.get(run.name)
        if entry is not None and entry[0] == key and entry[1] is dataset:
            return entry[2]
        evaluation = evaluate(run.network, dataset)
        self._entries[run.name] = (key, dataset, evaluation)
        return evaluation

    def forget_others(self, names) -> None:
        for name in set(self._entries) - set(names):
            del self._entries[name]


def _luminance(colour: QColor) -> float:
    """Relative luminance (WCAG) of an sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def tint(base: str, share: float) -> QColor:
    """``share`` of ``base`` mixed into white."""
    colour = QColor(base)
    share = min(max(share, 0.0), 1.0)
    return QColor.fromRgbF(1 - share * (1 - colour.redF()), 1 - share * (1 - colour.greenF()),
                           1 - share * (1 - colour.blueF()))


def cell_colour(count: int, row_total: int, diagonal: bool) -> QColor:
    """The shade of a cell: its share of the row (the samples of its true class)."""
    if count <= 0 or row_total <= 0:
        return QColor("#FFFFFF")
    share = MIN_TINT + (1 - MIN_TINT) * count / row_total
    return tint(CORRECT_COLOUR if diagonal else CONFUSED_COLOUR, share)


def text_colour_on(background: QColor) -> QColor:
    return QColor(NEAR_BLACK) if _luminance(background) > LIGHT_CELL_LUMINANCE \
        else QColor("#FFFFFF")


def _sized(font: QFont, points: float) -> QFont:
    font = QFont(font)
    font.setPointSizeF(max(1.0, points))
    return font


# -- the run picker ----------------------------------------------------------------------------

class RunPicker(QWidget):
    """"Run: [label ▾]", each run's label in its colour. It keeps the chosen run by name while
    the frame's runs come and go, and falls back to the first."""

    run_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Run:"))
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self._runs: tuple[tuple[str, str, str], ...] = ()
        self._chosen: str | None = None
        self.combo.currentIndexChanged.connect(self._on_index_changed)

    def set_runs(self, runs) -> None:
        """Offer ``runs`` (RunFrame); cheap when they are the ones offered already."""
        offered = tuple((run.name, run.label, run.colour) for run in runs)
        if offered == self._runs:
            return
        self._runs = offered
        names = [name for name, _, _ in offered]
        chosen = self._chosen if self._chosen in names else (names[0] if names else None)
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for name, label, colour in offered:
                self.combo.addItem(label, name)
                self.combo.setItemData(self.combo.count() - 1, QColor(colour),
                                       Qt.ItemDataRole.ForegroundRole)
            self.combo.setCurrentIndex(names.index(chosen) if chosen is not None else -1)
        finally:
            self.combo.blockSignals(False)
        self._chosen = chosen

    @property
    def chosen(self) -> str | None:
        return self._chosen

    def choose(self, name: str) -> None:
        """Show run ``name``: now, or as soon as a frame offers it."""
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self._chosen = name
            self._runs = ()  # offered again at the next frame, with this choice

    def chosen_run(self, frame: LabFrame) -> RunFrame | None:
        return frame.run(self._chosen) if self._chosen is not None else None

    def _on_index_changed(self, index: int) -> None:
        name = self.combo.itemData(index) if index >= 0 else None
        if name != self._chosen:
            self._chosen = name
            self.run_changed.emit(name or "")

    def apply_theme(self, theme: Theme) -> None:
        font = font_of(theme)
        self.label.setFont(font)
        self.combo.setFont(font)


# -- the confusion matrices ------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class MatrixPanel:
    """What one run's panel shows: its label and colour, and its evaluation (None: no
    network yet)."""

    name: str
    label: str
    colour: str
    evaluation: Evaluation | None

    def key(self) -> tuple:
        return (self.name, self.label, self.colour, id(self.evaluation))


@dataclass(frozen=True)
class PanelGeometry:
    """Where a panel's parts go, in the canvas's pixels."""

    panel: QRectF
    matrix: QRectF
    cell: float
    count_font: QFont | None   # None: the cells are too small for legible numbers
    label_font: QFont
    #: the predicted classes' names stand upright under the matrix: wider than a cell, they
    #: would be cut ("vers…") or run into each other
    upright: bool = False


class ConfusionMatrixView(QWidget):
    """One confusion matrix per run, side by side (or in a grid for many runs): rows are the
    true classes, columns the predicted ones, every cell with its count, shaded by its share
    of the row, the diagonal (right answers) in blue and the confusions in vermillion. Each
    panel is titled with the run's label in its colour and its accuracy. Hovering a cell
    tells its count and share in words."""

    slug = "confusion"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None,
                 evaluations: EvaluationCache | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(200, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.theme = NORMAL
        # shared with the other view of the same runs: one pass over the test set per epoch
        self._cache = evaluations if evaluations is not None else EvaluationCache()
        self._panels: tuple[MatrixPanel, ...] = ()
        self._panel_keys: tuple = ()
        self._class_names: tuple[str, ...] = ()
        self._message = self.tr("No runs to show.")
        self._geometry: tuple[tuple, list[PanelGeometry]] | None = None
        self._laid_out_font: QFont | None = None
        self._laid_out_counts: dict[int, QStaticText] = {}
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Confusion matrix")

    def export_widget(self) -> QWidget:
        return self

    def context_menus(self) -> list[QMenu]:
        return []

    def sizeHint(self) -> QSize:
        return QSize(640, 420)

    # -- what is shown (also for tests) ------------------------------------------------------
    @property
    def panels(self) -> tuple[MatrixPanel, ...]:
        return self._panels

    @property
    def class_names(self) -> tuple[str, ...]:
        return self._class_names

    @property
    def message(self) -> str:
        """The text shown instead of matrices ("" when matrices are shown)."""
        return self._message

    def matrix(self, run_name: str) -> np.ndarray | None:
        """The matrix shown for ``run_name`` (None: none shown for it)."""
        for panel in self._panels:
            if panel.name == run_name and panel.evaluation is not None:
                return panel.evaluation.matrix
        return None

    def panel_title(self, panel: MatrixPanel) -> tuple[str, str]:
        """(the run's label, the line under it: which set, and the accuracy)."""
        return panel.label, self.subtitles(panel)[0]

    def subtitles(self, panel: MatrixPanel) -> list[str]:
        """The line under a panel's title, longest first: the first that fits is shown
        (on a projector "(345 of 359)" gives way before anything is cut)."""
        evaluation = panel.evaluation
        if evaluation is None:
            return [self.tr("no network yet")]
        if evaluation.diverged:
            return [self.tr("diverged: its parameters are not numbers"), self.tr("diverged")]
        percent = format_number(100.0 * evaluation.accuracy, 3)
        if evaluation.on_test_set:
            full = self.tr("test set: %1 % correct (%2 of %3)")
            short = self.tr("test set: %1 % correct")
        else:
            full = self.tr("training set (there is no test set): %1 % correct (%2 of %3)")
            short = self.tr("training set: %1 % correct")
        return [_fill(full, percent, evaluation.correct, evaluation.total),
                _fill(short, percent), _fill(self.tr("%1 % correct"), percent)]

    def titles(self) -> list[tuple[str, str]]:
        return [self.panel_title(panel) for panel in self._panels]

    def layout_geometry(self) -> list[PanelGeometry]:
        """The panels' geometry at the widget's current size (computed once per size,
        theme and class count)."""
        key = (self.width(), self.height(), self.theme.name, len(self._panels),
               len(self._class_names), self._class_names, self._largest_count())
        if self._geometry is None or self._geometry[0] != key:
            self._geometry = (key, self._layout())
        return self._geometry[1]

    # -- frames ------------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        dataset = frame.dataset
        self._cache.forget_others(run.name for run in frame.runs)
        if dataset is None or not frame.runs:
            panels: tuple[MatrixPanel, ...] = ()
            message = self.tr("No data to show.") if dataset is None \
                else self.tr("No runs to show.")
            class_names: tuple[str, ...] = ()
        else:
            panels = tuple(MatrixPanel(run.name, run.label, run.colour,
                                       self._cache.get(run, dataset))
                           for run in frame.runs)
            message = ""
            class_names = tuple(dataset.class_names)
        keys = tuple(panel.key() for panel in panels)
        if keys == self._panel_keys and message == self._message \
                and class_names == self._class_names:
            return
        self._panels, self._panel_keys = panels, keys
        self._message, self._class_names = message, class_names
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._geometry = None
        self.update()

    # -- layout ------------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        theme = self.theme
        return (font_of(theme, 1.0, bold=True), font_of(theme),
                font_of(theme, LABEL_TEXT_SCALE))

    def _largest_count(self) -> int:
        counts = [int(p.evaluation.matrix.max()) for p in self._panels
                  if p.evaluation is not None and p.evaluation.matrix is not None
                  and p.evaluation.matrix.size]
        return max(counts, default=0)

    def _layout(self) -> list[PanelGeometry]:
        count = len(self._panels)
        if not count:
            return []
        title_font, subtitle_font, label_font = self._fonts()
        k = max(1, len(self._class_names))
        label_metrics = QFontMetricsF(label_font, self)
        line = label_metrics.height()
        pad = max(4.0, line * 0.4)
        names_width = max((label_metrics.horizontalAdvance(name) for name in self._class_names),
                          default=0.0)
        fixed_height = (QFontMetricsF(title_font, self).height()
                        + QFontMetricsF(subtitle_font, self).height()
                        + pad + 2 * line + 3 * pad)
        fixed_width = line + names_width + 4 * pad
        width, height = float(max(self.width(), 1)), float(max(self.height(), 1))

        def best_cell(extra_height: float) -> tuple[float, int, int]:
            best = None
            for columns in range(1, count + 1):
                rows = math.ceil(count / columns)
                cell = min((width / columns - fixed_width) / k,
                           (height / rows - fixed_height - extra_height) / k)
                if best is None or cell > best[0] + 1e-9:
                    best = (cell, columns, rows)
            return best

        cell, columns, rows = best_cell(0.0)
        upright = names_width > max(math.floor(min(cell, MAX_CELL_LINES * line)), 1.0) - pad
        if upright:   # the names need their width below the matrix
            cell, columns, rows = best_cell(names_width - line)
        cell = max(math.floor(min(cell, MAX_CELL_LINES * line)), 1.0)
        # class names shrink (to half the label size) rather than overlap their neighbours
        if line > cell:
            label_font = _sized(label_font, max(label_font.pointSizeF() * cell / line,
                                                label_font.pointSizeF() * 0.5))
            label_metrics = QFontMetricsF(label_font, self)
            names_width = max((label_metrics.horizontalAdvance(n) for n in self._class_names),
                              default=0.0)
        count_font = self._count_font(cell)
        geometries = []
        panel_width, panel_height = width / columns, height / rows
        for index in range(count):
            row, column = divmod(index, columns)
            panel = QRectF(column * panel_width, row * panel_height, panel_width, panel_height)
            top = panel.top() + pad + (fixed_height - 2 * line - 3 * pad)
            left_part = line + names_width + 3 * pad
            side = cell * k
            spare = panel.width() - left_part - side - pad
            left = panel.left() + left_part + max(0.0, spare / 2)
            geometries.append(PanelGeometry(panel, QRectF(left, top, side, side), cell,
                                            count_font, label_font, upright))
        return geometries

    def _count_font(self, cell: float) -> QFont | None:
        """The largest font up to COUNT_TEXT_SCALE of the theme's in which the widest count
        fits its cell; None when that would be too small to read."""
        theme = self.theme
        font = font_of(theme, COUNT_TEXT_SCALE)
        text = str(max(self._largest_count(), 10))
        metrics = QFontMetricsF(font, self)
        ratio = min(cell * 0.86 / max(metrics.horizontalAdvance(text), 1e-6),
                    cell * 0.9 / max(metrics.height(), 1e-6), 1.0)
        points = font.pointSizeF() * ratio
        if points < max(MIN_COUNT_POINTS, theme.font_point_size * MIN_COUNT_SCALE):
            return None
        return _sized(font, points)

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            painter.fillRect(self.rect(), self.theme.background)
            if self._message or not self._panels:
                painter.setFont(font_of(self.theme))
                painter.setPen(self.theme.foreground)
                painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter
                                                          | Qt.TextFlag.TextWordWrap),
                                 self._message or self.tr("No runs to show."))
                return
            for panel, geometry in zip(self._panels, self.layout_geometry()):
                self._paint_panel(painter, panel, geometry)
        finally:
            painter.end()

    def _paint_panel(self, painter: QPainter, panel: MatrixPanel,
                     geometry: PanelGeometry) -> None:
        theme = self.theme
        title_font, subtitle_font, _ = self._fonts()
        label_font = geometry.label_font
        pad = max(4.0, QFontMetricsF(font_of(theme, LABEL_TEXT_SCALE), self).height() * 0.4)
        area = geometry.panel.adjusted(pad, pad, -pad, -pad)
        heading = panel.label
        title_metrics = QFontMetricsF(title_font, self)
        sub_metrics = QFontMetricsF(subtitle_font, self)
        painter.setFont(title_font)
        painter.setPen(QColor(panel.colour))
        title_rect = QRectF(area.left(), area.top(), area.width(), title_metrics.height())
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignHCenter),
                         title_metrics.elidedText(heading, Qt.TextElideMode.ElideRight,
                                                  area.width()))
        painter.setFont(subtitle_font)
        painter.setPen(theme.foreground)
        sub_rect = QRectF(area.left(), title_rect.bottom(), area.width(), sub_metrics.height())
        fitting = [text for text in self.subtitles(panel)
                   if sub_metrics.horizontalAdvance(text) <= area.width()]
        subheading = fitting[0] if fitting else sub_metrics.elidedText(
            self.subtitles(panel)[-1], Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(sub_rect, int(Qt.AlignmentFlag.AlignHCenter), subheading)
        evaluation = panel.evaluation
        if evaluation is None or evaluation.matrix is None:
            self._paint_outline(painter, geometry)
            return
        self._paint_cells(painter, evaluation.matrix, geometry)
        self._paint_axes(painter, geometry, label_font)

    def _paint_outline(self, painter: QPainter, geometry: PanelGeometry) -> None:
        """An empty frame where the matrix would be: the layout does not jump when the
        first network arrives."""
        painter.setPen(QPen(QColor(GRID_COLOUR), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(geometry.matrix)

    def _paint_cells(self, painter: QPainter, matrix: np.ndarray,
                     geometry: PanelGeometry) -> None:
        k, cell, origin = matrix.shape[0], geometry.cell, geometry.matrix.topLeft()
        row_totals = matrix.sum(axis=1)
        painter.setFont(geometry.count_font or font_of(self.theme))
        # cells filled and the grid drawn in one go, without antialiasing (crisp and cheap:
        # the matrices are repainted every frame while training runs)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        zero_pen = QPen(QColor(ZERO_TEXT_COLOUR))
        for i in range(k):
            for j in range(k):
                rect = QRectF(origin.x() + j * cell, origin.y() + i * cell, cell, cell)
                count = int(matrix[i, j])
                background = cell_colour(count, int(row_totals[i]), i == j)
                painter.fillRect(rect, background)
                if geometry.count_font is not None:
                    painter.setPen(zero_pen if count == 0 else text_colour_on(background))
                    text = self._count_text(count, geometry.count_font)
                    size = text.size()
                    painter.drawStaticText(QPointF(rect.center().x() - size.width() / 2,
                                                   rect.center().y() - size.height() / 2), text)
        painter.setPen(QPen(QColor(GRID_COLOUR), 1.0))
        left, top = origin.x(), origin.y()
        right, bottom = left + k * cell, top + k * cell
        steps = [n * cell for n in range(k + 1)]
        painter.drawLines([QLineF(left + step, top, left + step, bottom) for step in steps]
                          + [QLineF(left, top + step, right, top + step) for step in steps])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # the diagonal framed as well: distinct even in greys and where a row is all zeros
        diagonal_pen = QPen(self.theme.foreground, max(1.5, self.theme.line_width * 0.6))
        diagonal_pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(diagonal_pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        inset = diagonal_pen.widthF() / 2
        for i in range(k):
            painter.drawRect(QRectF(origin.x() + i * cell + inset, origin.y() + i * cell + inset,
                                    cell - 2 * inset, cell - 2 * inset))

    def _count_text(self, count: int, font: QFont) -> QStaticText:
        """A cell's count laid out once per font: a matrix is repainted every frame while
        training runs, and laying out its 100 numbers each time was some 40 % of the cost."""
        if self._laid_out_font != font:
            self._laid_out_font, self._laid_out_counts = QFont(font), {}
        text = self._laid_out_counts.get(count)
        if text is None:
            text = self._laid_out_counts[count] = QStaticText(str(count))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(QTransform(), font)
        return text

    def _paint_axes(self, painter: QPainter, geometry: PanelGeometry, font: QFont) -> None:
        """Class names along the left (true) and under the matrix (predicted), and the two
        axis titles."""
        metrics = QFontMetricsF(font, self)
        line = metrics.height()
        pad = max(3.0, line * 0.3)
        matrix, cell = geometry.matrix, geometry.cell
        painter.setFont(font)
        painter.setPen(self.theme.foreground)
        below = self.axis_texts(geometry)
        names_height = max((metrics.horizontalAdvance(name) for name in below), default=0.0) \
            if geometry.upright else line
        for index, name in enumerate(self._class_names):
            top = matrix.top() + index * cell
            painter.drawText(QRectF(geometry.panel.left(), top, matrix.left() - pad
                                    - geometry.panel.left(), cell),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             name)
            left = matrix.left() + index * cell
            if geometry.upright:   # read from bottom to top, ending at the matrix
                painter.save()
                painter.translate(left + cell / 2, matrix.bottom() + pad * 0.5)
                painter.rotate(-90)
                painter.drawText(QRectF(-names_height, -line / 2, names_height, line),
                                 int(Qt.AlignmentFlag.AlignRight
                                     | Qt.AlignmentFlag.AlignVCenter), below[index])
                painter.restore()
            else:
                painter.drawText(QRectF(left, matrix.bottom() + pad * 0.5, cell, line),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                                 below[index])
        title_font = font_of(self.theme, LABEL_TEXT_SCALE)
        title_metrics = QFontMetricsF(title_font, self)
        painter.setFont(title_font)
        predicted = self.tr("predicted class")
        painter.drawText(QRectF(geometry.panel.left(), matrix.bottom() + pad * 0.5
                                + names_height,
                                geometry.panel.width(), title_metrics.height()),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         title_metrics.elidedText(predicted, Qt.TextElideMode.ElideRight,
                                                  geometry.panel.width()))
        true = self.tr("true class")
        painter.save()
        painter.translate(geometry.panel.left() + pad, matrix.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-matrix.height() / 2, 0, matrix.height(),
                                title_metrics.height()),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                         title_metrics.elidedText(true, Qt.TextElideMode.ElideRight,
                                                  matrix.height()))
        painter.restore()

    def axis_texts(self, geometry: PanelGeometry) -> list[str]:
        """The predicted classes' names as written under the matrix: whole when upright,
        else cut to a cell's width where they must be."""
        if geometry.upright:
            return list(self._class_names)
        metrics = QFontMetricsF(geometry.label_font, self)
        return [metrics.elidedText(name, Qt.TextElideMode.ElideRight, geometry.cell)
                for name in self._class_names]

    # -- tooltips ----------------------------------------------------------------------------
    def cell_at(self, pos: QPointF) -> tuple[MatrixPanel, int, int] | None:
        """(panel, true class, predicted class) of the cell under ``pos`` (widget pixels)."""
        for panel, geometry in zip(self._panels, self.layout_geometry()):
            evaluation = panel.evaluation
            if evaluation is None or evaluation.matrix is None \
                    or not geometry.matrix.contains(pos):
                continue
            k = evaluation.matrix.shape[0]
            row = int((pos.y() - geometry.matrix.top()) // geometry.cell)
            column = int((pos.x() - geometry.matrix.left()) // geometry.cell)
            if 0 <= row < k and 0 <= column < k:
                return panel, row, column
        return None

    def cell_text(self, panel: MatrixPanel, true: int, predicted: int) -> str:
        matrix = panel.evaluation.matrix
        count, total = int(matrix[true, predicted]), int(matrix[true].sum())
        share = format_number(100.0 * count / total, 3) if total else "—"
        names = self._class_names
        return _fill(self.tr("%1: %2 of the %3 samples of class %4 predicted as %5 (%6 %)"),
                     panel.label, count, total, names[true], names[predicted], share)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            found = self.cell_at(QPointF(event.pos()))
            if found is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.cell_text(*found), self)
            return True
        return super().event(event)


# -- the misclassified images -----------------------------------------------------------------

def _image_of(values: np.ndarray, shape: tuple[int, int], low: float, high: float,
              scale: int) -> QImage:
    """A sample as dark ink on white, each input one ``scale`` × ``scale`` block: scaled here
    (nearest neighbour) so no painter or export smooths the pixels into a blur."""
    span = high - low if high > low else 1.0
    ink = np.clip((np.asarray(values, dtype=float) - low) / span, 0.0, 1.0)
    grey = np.round(255.0 * (1.0 - ink)).astype(np.uint8).reshape(shape)
    grey = np.repeat(np.repeat(grey, scale, axis=0), scale, axis=1)
    grey = np.ascontiguousarray(grey)
    rows, columns = grey.shape
    image = QImage(grey.data, columns, rows, columns, QImage.Format.Format_Grayscale8)
    return image.copy()  # owns its pixels: ``grey`` goes away


@dataclass(frozen=True)
class Tile:
    """One misclassified sample on show: its index in the evaluated part, its true and
    predicted class, and where it is drawn."""

    sample: int
    true: int
    predicted: int
    image_rect: QRectF
    caption_rect: QRectF


class _StripCanvas(QWidget):
    """Paints the strip for :class:`MisclassifiedStrip` (the part that is exported)."""

    def __init__(self, owner: "MisclassifiedStrip") -> None:
        super().__init__(owner)
        self.owner = owner
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 100)

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            self.owner._paint(painter, self)
        finally:
            painter.end()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.owner._layout_changed()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.owner.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            text = self.owner.tooltip_at(event.position())
            if text:
                QToolTip.showText(event.globalPosition().toPoint(), text, self)
                event.accept()
                return
        super().mousePressEvent(event)


class MisclassifiedStrip(QWidget):
    """The test images one run currently gets wrong, as many as fit, the most confident
    mistakes first, each with "true 4 → predicted 9" under it ("and N more" when they do not
    all fit). A click (or hovering) on an image tells the network's largest outputs for it.
    A picker chooses the run; data that are not square images get a message instead."""

    slug = "misclassified"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None,
                 evaluations: EvaluationCache | None = None) -> None:
        super().__init__(parent)
        self.picker = RunPicker()
        self.canvas = _StripCanvas(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.picker)
        layout.addWidget(self.canvas, 1)
        self.theme = NORMAL
        # shared with the other view of the same runs: one pass over the test set per epoch
        self._cache = evaluations if evaluations is not None else EvaluationCache()
        self._frame: LabFrame | None = None
        self._run: RunFrame | None = None
        self._evaluation: Evaluation | None = None
        self._order: np.ndarray = np.empty(0, dtype=np.intp)
        self._message = self.tr("No runs to show.")
        self._shown_key: tuple = ()
        self._tiles: list[Tile] | None = None
        self._more = 0
        self._images: dict[int, QImage] = {}
        self._images_key: tuple | None = None
        self._ink_range = (0.0, 1.0)
        self.picker.run_changed.connect(self._on_run_changed)
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Misclassified images")

    def export_widget(self) -> QWidget:
        return self.canvas

    def context_menus(self) -> list[QMenu]:
        return []

    # -- what is shown (also for tests) ------------------------------------------------------
    @property
    def message(self) -> str:
        """The text shown instead of images ("" when images are shown)."""
        return self._message

    @property
    def misclassified_count(self) -> int:
        return len(self._order)

    @property
    def more_count(self) -> int:
        """Misclassified samples that did not fit ("and N more")."""
        self.tiles()
        return self._more

    def tiles(self) -> list[Tile]:
        """The images on show at the canvas's current size, in order."""
        if self._tiles is None:
            self._tiles, self._more = self._layout()
        return self._tiles

    def caption(self, tile: Tile) -> str:
        names = self._frame.dataset.class_names if self._frame and self._frame.dataset else ()
        true = names[tile.true] if tile.true < len(names) else str(tile.true)
        predicted = names[tile.predicted] if tile.predicted < len(names) else str(tile.predicted)
        # said in words: "1 → 9" left the viewer to guess which was the truth
        return _fill(self.tr("true %1 → predicted %2"), true, predicted)

    def heading(self) -> str:
        """The line above the images: which run, how many of which set are wrong."""
        headings = self.headings()
        return headings[0] if headings else ""

    def headings(self) -> list[str]:
        """The heading, longest first: the first that fits the width is shown."""
        if self._run is None or self._evaluation is None or self._message:
            return []
        evaluation = self._evaluation
        values = (self._run.label, len(self._order), evaluation.total)
        if evaluation.on_test_set:
            full = self.tr("%1: %2 of %3 test images misclassified")
        else:
            full = self.tr("%1: %2 of %3 training images misclassified (there is no test set)")
        return [_fill(full, *values), _fill(self.tr("%1: %2 of %3 wrong"), *values)]

    def more_text(self) -> str:
        return _fill(self.tr("and %1 more"), self._more) if self._more else ""

    # -- frames ------------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        self._frame = frame
        self.picker.set_runs(frame.runs)
        self._cache.forget_others(run.name for run in frame.runs)
        run = self.picker.chosen_run(frame)
        evaluation = None
        if frame.dataset is None or run is None:
            message = self.tr("No runs to show.")
        elif frame.image_shape is None:
            message = self.tr("The samples of this data set are not images: "
                              "there are no pictures of the mistakes to show.")
        else:
            evaluation = self._cache.get(run, frame.dataset)
            if evaluation is None:
                message = _fill(self.tr("%1: no network yet."), run.label)
            elif evaluation.diverged:
                message = _fill(self.tr("%1 diverged: its parameters are not numbers."),
                                run.label)
            else:
                message = ""
        key = (id(evaluation), message, None if run is None else (run.name, run.label,
                                                                  run.colour))
        if key == self._shown_key:
            return
        self._shown_key = key
        self._run, self._evaluation, self._message = run, evaluation, message
        self._order = evaluation.misclassified() if evaluation is not None and not message \
            else np.empty(0, dtype=np.intp)
        self._layout_changed()

    def _on_run_changed(self, _name: str) -> None:
        if self._frame is not None:
            self.update_frame(self._frame)

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.picker.apply_theme(theme)
        self._layout_changed()

    # -- layout ------------------------------------------------------------------------------
    def _layout_changed(self) -> None:
        self._tiles = None
        self.canvas.update()

    def _fonts(self) -> tuple[QFont, QFont]:
        return font_of(self.theme), font_of(self.theme, LABEL_TEXT_SCALE)

    def _image_scale(self) -> int:
        shape = self._frame.image_shape if self._frame is not None else None
        if shape is None:
            return 1
        caption_line = QFontMetricsF(self._fonts()[1], self.canvas).height()
        wanted = max(MIN_IMAGE_PIXELS, 2.5 * caption_line)
        return int(min(MAX_IMAGE_SCALE, max(1, math.ceil(wanted / max(shape)))))

    def _layout(self) -> tuple[list[Tile], int]:
        count = len(self._order)
        if not count or self._message:
            return [], 0
        heading_font, caption_font = self._fonts()
        heading_height = QFontMetricsF(heading_font, self.canvas).height()
        caption_metrics = QFontMetricsF(caption_font, self.canvas)
        rows_px, columns_px = self._frame.image_shape
        scale = self._image_scale()
        image_w, image_h = columns_px * scale, rows_px * scale
        names = self._frame.dataset.class_names
        widest_name = max(names, key=caption_metrics.horizontalAdvance, default="")
        widest = caption_metrics.horizontalAdvance(
            _fill(self.tr("true %1 → predicted %2"), widest_name, widest_name))
        gap = max(6.0, caption_metrics.height() * 0.5)
        tile_w = max(image_w, widest) + gap
        tile_h = image_h + caption_metrics.height() + gap
        pad = gap
        width = max(self.canvas.width() - 2 * pad, 1.0)
        height = max(self.canvas.height() - heading_height - 2 * pad, 0.0)
        columns = max(1, int((width + gap) // tile_w))
        rows = max(0, int((height + gap) // tile_h))
        capacity = columns * rows
        shown = min(count, capacity)
        if count > capacity and capacity > 0:
            # the "and N more" takes the place of as many images as its text needs
            more_width = caption_metrics.horizontalAdvance(
                _fill(self.tr("and %1 more"), count)) + gap
            shown = max(0, capacity - math.ceil(more_width / tile_w))
        tiles = []
        top = pad + heading_height + gap / 2
        for place, sample in enumerate(self._order[:shown]):
            row, column = divmod(place, columns)
            left = pad + column * tile_w
            y = top + row * tile_h
            cell_width = tile_w - gap
            image_rect = QRectF(left + (cell_width - image_w) / 2, y, image_w, image_h)
            caption_rect = QRectF(left, y + image_h, cell_width, caption_metrics.height())
            tiles.append(Tile(int(sample), int(self._evaluation.true[sample]),
                              int(self._evaluation.predicted[sample]), image_rect,
                              caption_rect))
        return tiles, count - shown

    def _image(self, sample: int, scale: int) -> QImage:
        dataset = self._frame.dataset
        x, _, _ = evaluated_part(dataset)
        # the dataset itself, not its id: compared by identity, and never mistaken for a
        # new one that happens to get the old one's address
        key = (dataset, self._evaluation.on_test_set, scale)
        if self._images_key != key:
            self._images_key = key
            self._images = {}
            self._ink_range = (float(np.min(dataset.x_train)), float(np.max(dataset.x_train)))
        image = self._images.get(sample)
        if image is None:
            image = _image_of(x[sample], self._frame.image_shape, *self._ink_range, scale)
            self._images[sample] = image
        return image

    # -- painting ----------------------------------------------------------------------------
    def _paint(self, painter: QPainter, canvas: QWidget) -> None:
        theme = self.theme
        painter.fillRect(canvas.rect(), theme.background)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # the pixels are the point: never interpolated
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        heading_font, caption_font = self._fonts()
        if self._message:
            painter.setFont(heading_font)
            painter.setPen(theme.foreground)
            painter.drawText(QRectF(canvas.rect()).adjusted(8, 8, -8, -8),
                             int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self._message)
            return
        tiles = self.tiles()
        caption_metrics = QFontMetricsF(caption_font, canvas)
        pad = max(6.0, caption_metrics.height() * 0.5)
        heading_metrics = QFontMetricsF(heading_font, canvas)
        # the run's label in its colour, the rest in the text colour
        available = max(canvas.width() - 2 * pad, 0)
        headings = self.headings()
        heading = next((text for text in headings
                        if heading_metrics.horizontalAdvance(text) <= available),
                       heading_metrics.elidedText(headings[-1], Qt.TextElideMode.ElideRight,
                                                  available))
        label = self._run.label
        at = heading.find(label) if label else -1
        parts = [(heading, theme.foreground)] if at < 0 else [
            (heading[:at], theme.foreground), (label, QColor(self._run.colour)),
            (heading[at + len(label):], theme.foreground)]
        x = pad
        painter.setFont(heading_font)
        for text, colour in parts:
            painter.setPen(colour)
            painter.drawText(QPointF(x, pad + heading_metrics.ascent()), text)
            x += heading_metrics.horizontalAdvance(text)
        if not self._order.size:
            return
        scale = self._image_scale()
        frame_pen = QPen(QColor(GRID_COLOUR), 1.0)
        painter.setFont(caption_font)
        for tile in tiles:
            painter.drawImage(tile.image_rect, self._image(tile.sample, scale))
            painter.setPen(frame_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(tile.image_rect)
            painter.setPen(theme.foreground)
            painter.drawText(tile.caption_rect, int(Qt.AlignmentFlag.AlignHCenter
                                                    | Qt.AlignmentFlag.AlignTop),
                             self.caption(tile))
        if self._more:
            last = tiles[-1] if tiles else None
            if last is not None:
                left = last.caption_rect.right() + pad
                top = last.image_rect.top()
                height = last.image_rect.height()
            else:
                left, top, height = pad, pad + heading_metrics.height(), caption_metrics.height()
            painter.drawText(QRectF(left, top, max(canvas.width() - left - pad, 0), height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             self.more_text())

    # -- tooltips ----------------------------------------------------------------------------
    def tile_at(self, pos: QPointF) -> Tile | None:
        for tile in self.tiles():
            if tile.image_rect.united(tile.caption_rect).contains(pos):
                return tile
        return None

    def tooltip_at(self, pos: QPointF) -> str:
        tile = self.tile_at(pos)
        return "" if tile is None else self.tile_text(tile)

    def tile_text(self, tile: Tile) -> str:
        """The sample, its true and predicted class and the network's largest outputs."""
        names = self._frame.dataset.class_names
        outputs = self._evaluation.outputs[tile.sample]
        lines = [_fill(self.tr("sample %1: true %2, predicted %3"), tile.sample + 1,
                       names[tile.true], names[tile.predicted])]
        if len(outputs) > 1:
            order = np.argsort(-outputs, kind="stable")[:TOOLTIP_OUTPUTS]
            lines.append(self.tr("largest outputs:"))
            lines += [f"{names[j]}: {format_number(float(outputs[j]), 2)}" for j in order]
        else:
            lines.append(_fill(self.tr("output: %1"), format_number(float(outputs[0]), 2)))
        return "\n".join(lines)
