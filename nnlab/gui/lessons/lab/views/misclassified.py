"""The test images one run gets wrong, the most confident mistakes first.

The mistakes and their order come from :mod:`nnlab.core.evaluation`, evaluated once per run
and epoch (the cache is shared with the confusion matrices). The strip paints itself with
QPainter, the images as crisp, nearest-neighbour pixels, so that SVG and PDF exports keep
every pixel a square.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from nnlab.app.frames import LabFrame, RunFrame
from nnlab.core.evaluation import Evaluation, EvaluationCache, evaluated_part, largest_outputs
from nnlab.gui.lessons.lab.views.colours import GRID_COLOUR
from nnlab.gui.text import fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of
from nnlab.gui.widgets.run_picker import RunPicker

LABEL_TEXT_SCALE = 0.85
#: Misclassified images are drawn this many pixels tall at least (the 8 × 8 digits at 7×).
MIN_IMAGE_PIXELS = 48
MAX_IMAGE_SCALE = 12
#: Outputs listed in an image's tooltip.
TOOLTIP_OUTPUTS = 3


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
        return fill(self.tr("true %1 → predicted %2"), true, predicted)

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
        return [fill(full, *values), fill(self.tr("%1: %2 of %3 wrong"), *values)]

    def more_text(self) -> str:
        return fill(self.tr("and %1 more"), self._more) if self._more else ""

    # -- frames ------------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        self._frame = frame
        self.picker.set_runs(frame.runs)
        self._cache.forget_others(run.name for run in frame.runs)
        run = self.picker.chosen_run(frame)
        evaluation = None
        if frame.dataset is None or run is None:
            message = self.tr("No runs to show.")
        elif frame.dataset.is_regression:
            message = self.tr("Misclassified samples are for classes: not for regression, "
                              "whose answers are numbers.")
        elif frame.image_shape is None:
            message = self.tr("The samples of this data set are not images: "
                              "there are no pictures of the mistakes to show.")
        else:
            evaluation = self._cache.get(run, frame.dataset)
            if evaluation is None:
                message = fill(self.tr("%1: no network yet."), run.label)
            elif evaluation.diverged:
                message = fill(self.tr("%1 diverged: its parameters are not numbers."),
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
            fill(self.tr("true %1 → predicted %2"), widest_name, widest_name))
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
                fill(self.tr("and %1 more"), count)) + gap
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
        lines = [fill(self.tr("sample %1: true %2, predicted %3"), tile.sample + 1,
                      names[tile.true], names[tile.predicted])]
        if len(outputs) > 1:
            order = largest_outputs(outputs, TOOLTIP_OUTPUTS)
            lines.append(self.tr("largest outputs:"))
            lines += [f"{names[j]}: {format_number(float(outputs[j]), 2)}" for j in order]
        else:
            lines.append(fill(self.tr("output: %1"), format_number(float(outputs[0]), 2)))
        return "\n".join(lines)
