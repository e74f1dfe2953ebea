"""Which classes a run gets wrong: one confusion matrix per run.

Accuracy says how often a network is wrong; the confusion matrix says *which* mistakes it
makes (on the digits, 4 taken for 9 and 3 for 8, the pairs people confuse too). It is
computed (by :mod:`nnlab.core.evaluation`) from the run's network at the frame's
``network_epoch`` on the test set (the training set when there is none, and the titles say
so), once per run and epoch: the display timer redraws up to 30 times a second, the network
changes about once an epoch.

The view paints itself with QPainter instead of pyqtgraph items: a 10 × 10 matrix is a
hundred rectangles and numbers, painted only when it changes, and a painted widget exports
to SVG and PDF as vectors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QStaticText, QTransform
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from nnlab.app.frames import LabFrame
from nnlab.core.evaluation import Evaluation, EvaluationCache
from nnlab.gui.lessons.lab.views.colours import (
    GRID_COLOUR, ZERO_TEXT_COLOUR, cell_colour, text_colour_on,
)
from nnlab.gui.text import fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of

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


#: An empty cell's shade (no count: no tint).
EMPTY_CELL = cell_colour(0, 0, False)
#: Shades kept per view (see _CellShades) before they are computed afresh.
MAX_KEPT_SHADES = 4096


class _CellShades:
    """A cell's shade and its count's colour, computed once per (count, row total, whether
    on the diagonal): a matrix is repainted every frame while training runs, and most of
    its cells keep their shade from one epoch to the next."""

    def __init__(self) -> None:
        self._kept: dict[tuple[int, int, bool], tuple[QColor, QColor]] = {}

    def _of(self, count: int, row_total: int, diagonal: bool) -> tuple[QColor, QColor]:
        key = (count, row_total, diagonal)
        kept = self._kept.get(key)
        if kept is None:
            if len(self._kept) >= MAX_KEPT_SHADES:
                self._kept.clear()
            background = cell_colour(count, row_total, diagonal)
            kept = self._kept[key] = (background, text_colour_on(background))
        return kept

    def colour(self, count: int, row_total: int, diagonal: bool) -> QColor:
        return self._of(count, row_total, diagonal)[0]

    def text_colour(self, count: int, row_total: int, diagonal: bool) -> QColor:
        return self._of(count, row_total, diagonal)[1]


def _sized(font: QFont, points: float) -> QFont:
    font = QFont(font)
    font.setPointSizeF(max(1.0, points))
    return font


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
    of the row, the diagonal (right answers) in grey and the confusions in wine. Each
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
        self._cell_shades = _CellShades()
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
        return [fill(full, percent, evaluation.correct, evaluation.total),
                fill(short, percent), fill(self.tr("%1 % correct"), percent)]

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
        if dataset is None or not frame.runs or dataset.is_regression:
            panels: tuple[MatrixPanel, ...] = ()
            if dataset is None:
                message = self.tr("No data to show.")
            elif dataset.is_regression:
                message = self.tr("A confusion matrix counts classes: not for regression, "
                                  "whose answers are numbers.")
            else:
                message = self.tr("No runs to show.")
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
        # not clipped to the line: a Chinese glyph from the fallback font reaches below
        # the Latin font's line height (the bottom stroke of 正 was cut off)
        unclipped = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextDontClip)
        painter.drawText(title_rect, unclipped,
                         title_metrics.elidedText(heading, Qt.TextElideMode.ElideRight,
                                                  area.width()))
        painter.setFont(subtitle_font)
        painter.setPen(theme.foreground)
        sub_rect = QRectF(area.left(), title_rect.bottom(), area.width(), sub_metrics.height())
        fitting = [text for text in self.subtitles(panel)
                   if sub_metrics.horizontalAdvance(text) <= area.width()]
        subheading = fitting[0] if fitting else sub_metrics.elidedText(
            self.subtitles(panel)[-1], Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(sub_rect, unclipped, subheading)
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
        # the matrices are repainted every frame while training runs); an empty cell is
        # white, so the whole matrix is filled white first and then only the cells with a
        # count (mostly a tenth of them), each to the same pixels as on its own
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRectF(origin.x(), origin.y(), k * cell, k * cell), EMPTY_CELL)
        shades = self._cell_shades
        rows, columns = np.nonzero(matrix > 0)
        for i, j, count in zip(rows.tolist(), columns.tolist(), matrix[rows, columns].tolist()):
            rect = QRectF(origin.x() + j * cell, origin.y() + i * cell, cell, cell)
            painter.fillRect(rect, shades.colour(int(count), int(row_totals[i]), i == j))
        if geometry.count_font is not None:
            zero_pen = QPen(QColor(ZERO_TEXT_COLOUR))
            half = cell / 2
            for i in range(k):
                for j in range(k):
                    count = int(matrix[i, j])
                    painter.setPen(zero_pen if count == 0 else shades.text_colour(
                        count, int(row_totals[i]), i == j))
                    text = self._count_text(count, geometry.count_font)
                    size = text.size()
                    painter.drawStaticText(
                        QPointF(origin.x() + j * cell + half - size.width() / 2,
                                origin.y() + i * cell + half - size.height() / 2), text)
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
        return fill(self.tr("%1: %2 of the %3 samples of class %4 predicted as %5 (%6 %)"),
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
