"""The network of one run as the lecture draws it: neurons in columns, one per layer, and the
weights as lines between them, updated live while the run trains.

A line's style is the sign of its weight (solid positive, dashed negative) and its width and
darkness |w| relative to the largest |w| of the network, so a weight that grows is seen to
grow. A neuron is filled by the size of its bias the same way, and its outline is solid or
dashed by the bias's sign. All of it in greys: colour means the runs everywhere in the lab
(the title is in the run's colour), so a sign must not be orange or blue. A key under the
diagram says so. Hovering a line or a neuron tells its value.

Large layers are summarised: at most MAX_SHOWN_UNITS neurons a layer with a "⋮ 64 units"
marker, and between such layers only the strongest weights of the shown neurons. The scene's
items are created when the network's shape changes and only their pens and brushes change
from one epoch to the next; pens come from a small table of quantised widths, so an item is
touched only when its weight moves to another step of that table.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTextOption
from PySide6.QtWidgets import (
    QFrame, QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem,
    QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsTextItem, QGraphicsView, QMenu,
    QToolTip, QVBoxLayout, QWidget,
)

from nnlab.core.datasets import Dataset
from nnlab.core.network import Network
from nnlab.app.frames import LabFrame, RunFrame
from nnlab.core.evaluation import parameters_fingerprint
from nnlab.gui.lessons.lab.views.colours import tint
from nnlab.gui.text import activation_label, fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of
from nnlab.gui.widgets.run_picker import RunPicker

#: Neurons drawn per layer at most; a larger layer shows this many and says how many it has.
MAX_SHOWN_UNITS = 12
#: Lines drawn in the whole diagram at most.
MAX_LINES = 480
#: Between layers of which one is summarised, this many lines per shown neuron of the larger
#: side: its strongest weights (all 144 between two columns of 12 are a grey mat).
STRONGEST_PER_UNIT = 4
#: |w| / max |w| is shown in this many steps of width and opacity.
WEIGHT_LEVELS = 10
#: Weights and biases are drawn in this grey, as a tint of it by their size.
WEIGHT_COLOUR = "#303030"
DIVERGED_COLOUR = "#C0C0C0"
#: A negative weight's dashes and gaps, in pixels (whatever the line's width).
NEGATIVE_DASH_PIXELS = (7.0, 4.0)
LABEL_TEXT_SCALE = 0.85
#: The thinnest and the widest weight line, as multiples of the theme's line width.
MIN_LINE_SCALE = 0.25
MAX_LINE_SCALE = 2.0
#: The weakest line's colour: this share of its sign's colour, the rest white.
MIN_LINE_TINT = 0.35
#: Pixels around the mouse in which a hovered line or neuron is found.
HOVER_RADIUS = 4

_KIND, _INDEX = 0, 1  # QGraphicsItem.data keys: what an item is, and its index in its list


def shown_units(size: int, limit: int = MAX_SHOWN_UNITS,
                importance: np.ndarray | None = None) -> np.ndarray:
    """The units of a layer of ``size`` that are drawn, in order: all of them up to ``limit``;
    beyond that the ``limit`` most important ones (``importance``, e.g. the inputs that vary
    most in the data: the digits' always-blank corner pixels tell nothing), or evenly spaced
    ones (hidden units are interchangeable)."""
    if size <= limit:
        return np.arange(size)
    if importance is not None and len(importance) == size \
            and np.all(np.isfinite(importance)):
        return np.sort(np.argsort(-np.asarray(importance), kind="stable")[:limit])
    # more units than places: the rounded positions are over one apart, so all distinct
    # (np.unique would do, but its first call imports numpy.ma, 13 ms, in the GUI thread)
    return np.round(np.linspace(0, size - 1, limit)).astype(np.intp)


def _dash(pen: QPen) -> None:
    """Dash ``pen`` with NEGATIVE_DASH_PIXELS (Qt counts dashes in line widths)."""
    width = max(pen.widthF(), 1.0)
    pen.setDashPattern([length / width for length in NEGATIVE_DASH_PIXELS])


def fitting_text(texts: tuple[str, ...], font: QFont, room: float) -> tuple[str, float]:
    """(text, point size): the first of ``texts`` whose every word fits ``room`` pixels in
    ``font``; if none does, the last one in the size that makes it fit (down to half)."""
    metrics = QFontMetricsF(font)

    def widest(text: str) -> float:
        return max((metrics.horizontalAdvance(word) for word in text.split()), default=0.0)

    for text in texts:
        if widest(text) <= room:
            return text, font.pointSizeF()
    last = texts[-1]
    share = room / max(widest(last), 1.0)
    return last, max(font.pointSizeF() * share * 0.95, font.pointSizeF() / 2)


def weight_levels(values: np.ndarray, largest: float) -> np.ndarray:
    """|value| / largest in steps 1 … WEIGHT_LEVELS (the smallest still visible)."""
    if not largest > 0 or not math.isfinite(largest):
        return np.ones(np.shape(values), dtype=np.intp)
    levels = np.ceil(np.abs(values) / largest * WEIGHT_LEVELS)
    return np.clip(np.nan_to_num(levels, nan=1.0), 1, WEIGHT_LEVELS).astype(np.intp)


class _LayerLinks:
    """The lines between two columns: which (to, from) units they may show (all pairs of the
    shown neurons), how many lines there are, and which pairs the lines show now."""

    def __init__(self, layer: int, to_units: np.ndarray, from_units: np.ndarray,
                 count: int) -> None:
        self.layer = layer  # weight layer, 0 = from the inputs
        to_grid, from_grid = np.meshgrid(np.arange(len(to_units)), np.arange(len(from_units)),
                                         indexing="ij")
        # positions in the columns' shown neurons, and the units they are
        self.to_place = to_grid.ravel()
        self.from_place = from_grid.ravel()
        self.to_unit = to_units[self.to_place]
        self.from_unit = from_units[self.from_place]
        self.count = min(count, len(self.to_place))
        self.strongest_only = self.count < len(self.to_place)
        self.chosen = np.arange(self.count)  # candidate index of each line

    def choose(self, weights: np.ndarray) -> np.ndarray:
        """The candidates the lines show for ``weights`` (this layer's matrix): all, or the
        strongest, kept in candidate order so that unchanged lines keep their items."""
        values = weights[self.to_unit, self.from_unit]
        if self.strongest_only:
            strength = np.nan_to_num(np.abs(values), nan=-1.0)
            chosen = np.sort(np.argpartition(-strength, self.count - 1)[: self.count])
            self.chosen = chosen
        return values[self.chosen]


class _DiagramView(QGraphicsView):
    """The scene at one pixel per unit, no scroll bars; tooltips from the diagram."""

    def __init__(self, owner: "NetworkDiagram") -> None:
        super().__init__(owner.scene)
        self.owner = owner
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setMinimumSize(160, 120)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.owner._relayout()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            text = self.owner.text_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)


class NetworkDiagram(QWidget):
    """One run's network (a picker chooses the run): neurons in columns by layer, weights as
    lines coloured by sign and as wide as their size, biases as the neurons' fill, layer names
    under the columns ("input 64", "hidden 30 (sigmoid)", "output 10 (softmax)")."""

    slug = "network"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = RunPicker()
        self.scene = QGraphicsScene(self)
        self.view = _DiagramView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.picker)
        layout.addWidget(self.view, 1)
        self.theme = NORMAL
        self._frame: LabFrame | None = None
        self._network: Network | None = None
        self._shape_key: tuple | None = None
        self._values_key: tuple | None = None
        self._items_visible = True
        self._layers: tuple[int, ...] = ()
        self._shown: list[np.ndarray] = []
        self._links: list[_LayerLinks] = []
        self._neuron_units: list[tuple[int, int]] = []     # (layer, unit) of each circle
        self._neuron_layer_start: list[int] = []
        self._centres: list[list[QPointF]] = []
        self.neurons: list[QGraphicsEllipseItem] = []
        self.lines: list[QGraphicsLineItem] = []
        self._line_state = np.empty((0, 2), dtype=np.intp)   # (sign, level) of each line
        self._neuron_state = np.empty((0, 2), dtype=np.intp)
        self._line_pairs = np.empty((0, 3), dtype=np.intp)   # (layer, to, from) of each line
        self.layer_labels: list[QGraphicsTextItem] = []
        # the texts each layer label and "⋮ 64 units" marker may have, longest first
        self._layer_texts: list[tuple[str, ...]] = []
        self._summary_texts: list[tuple[str, ...] | None] = []
        self.summary_labels: list[QGraphicsTextItem | None] = []
        self.run_title = QGraphicsSimpleTextItem()
        self.epoch_label = QGraphicsSimpleTextItem()
        self.message_box = QGraphicsRectItem()
        self.message = QGraphicsSimpleTextItem(self.message_box)
        # the key to the lines' styles: "weights and biases: ── positive  ╌╌ negative"
        self.key_lines = [QGraphicsLineItem(), QGraphicsLineItem()]
        self.key_texts = [QGraphicsSimpleTextItem(self.tr("weights and biases:")),
                          QGraphicsSimpleTextItem(self.tr("positive")),
                          QGraphicsSimpleTextItem(self.tr("negative"))]
        for item in (self.run_title, self.epoch_label, self.message_box, *self.key_lines,
                     *self.key_texts):
            self.scene.addItem(item)
        self.message_box.setZValue(10)
        self._line_pens: dict[tuple[int, int], QPen] = {}
        self._neuron_brushes: dict[tuple[int, int], QBrush] = {}
        self.picker.run_changed.connect(self._on_run_changed)
        self.apply_theme(theme if theme is not None else NORMAL)
        self._show_message(self.tr("No runs to show."))

    @property
    def title(self) -> str:
        return self.tr("Network diagram")

    def export_widget(self) -> QWidget:
        return self.view

    def context_menus(self) -> list[QMenu]:
        return []

    # -- what is shown (also for tests) ------------------------------------------------------
    @property
    def shown(self) -> list[np.ndarray]:
        """The units drawn of each layer (input first)."""
        return list(self._shown)

    def line_pairs(self) -> np.ndarray:
        """(weight layer from 1, to unit, from unit) of each line, units counted from 0."""
        pairs = self._line_pairs.copy()
        pairs[:, 0] += 1
        return pairs

    def neuron_units(self) -> list[tuple[int, int]]:
        """(layer from 0 = input, unit from 0) of each circle."""
        return list(self._neuron_units)

    @property
    def message_text(self) -> str:
        return self.message.text() if self.message_box.isVisible() else ""

    # -- frames ------------------------------------------------------------------------------
    def update_frame(self, frame: LabFrame) -> None:
        self._frame = frame
        self.picker.set_runs(frame.runs)
        run = self.picker.chosen_run(frame)
        self._show_title(run)
        if run is None:
            self._set_items_visible(False)
            self._show_message(self.tr("No runs to show."))
            self._values_key = None
            return
        network = run.network
        if network is None:
            self._set_items_visible(False)
            self._show_message(fill(self.tr("%1: no network yet."), run.label))
            self._values_key = None
            return
        self._network = network
        self._ensure_shape(network, frame.dataset)
        key = (run.name, run.network_epoch, network.layer_sizes,
               parameters_fingerprint(network))
        if key == self._values_key:
            return
        self._values_key = key
        self._show_values(network, run)

    def _on_run_changed(self, _name: str) -> None:
        self._values_key = None
        if self._frame is not None:
            self.update_frame(self._frame)

    def _show_title(self, run: RunFrame | None) -> None:
        label = run.label if run is not None else ""
        colour = QColor(run.colour) if run is not None else self.theme.foreground
        if self.run_title.text() != label:
            self.run_title.setText(label)
            self._place_title()
        if self.run_title.brush().color() != colour:
            self.run_title.setBrush(colour)
        epoch = "" if run is None or run.network is None else \
            fill(self.tr("weights after epoch %1"), run.network_epoch)
        if self.epoch_label.text() != epoch:
            self.epoch_label.setText(epoch)
            self._place_title()

    def _set_items_visible(self, visible: bool) -> None:
        if visible == self._items_visible:
            return
        self._items_visible = visible
        for item in self._all_shape_items():
            item.setVisible(visible)
        self._place_key()

    def _all_shape_items(self) -> list[QGraphicsItem]:
        return [*self.neurons, *self.lines, *self.layer_labels,
                *(item for item in self.summary_labels if item is not None)]

    def _show_message(self, text: str) -> None:
        if not text:
            self.message_box.setVisible(False)
            return
        if self.message_box.isVisible() and self.message.text() == text:
            return
        self.message.setText(text)
        self.message_box.setVisible(True)
        self._place_message()

    # -- items -------------------------------------------------------------------------------
    def _ensure_shape(self, network: Network, dataset: Dataset | None) -> None:
        """Create the items for the network's shape (only when it changes)."""
        importance_source = dataset if dataset is not None \
            and dataset.n_features == network.layer_sizes[0] else None
        # the dataset itself (compared by identity), not its id, which a new one may reuse
        key = (network.layer_sizes, tuple(network.hidden_activations), network.output,
               importance_source)
        if key == self._shape_key:
            self._set_items_visible(True)
            return
        self._shape_key = key
        for item in self._all_shape_items():
            self.scene.removeItem(item)
        self._items_visible = True
        sizes = network.layer_sizes
        self._layers = sizes
        importance = None
        if importance_source is not None:
            importance = np.var(importance_source.x_train, axis=0)
        self._shown = [shown_units(size, MAX_SHOWN_UNITS, importance if index == 0 else None)
                       for index, size in enumerate(sizes)]
        # lines: all pairs of shown neurons where that is few, the strongest where a layer
        # is summarised, and never more than MAX_LINES in all
        budget = MAX_LINES // max(1, len(sizes) - 1)
        self._links = []
        for layer in range(len(sizes) - 1):
            from_units, to_units = self._shown[layer], self._shown[layer + 1]
            pairs = len(from_units) * len(to_units)
            summarised = len(from_units) < sizes[layer] or len(to_units) < sizes[layer + 1]
            count = min(pairs, budget)
            if summarised:
                count = min(count, STRONGEST_PER_UNIT * max(len(from_units), len(to_units)))
            self._links.append(_LayerLinks(layer, to_units, from_units, count))
        self.lines = []
        for links in self._links:
            for _ in range(links.count):
                line = QGraphicsLineItem()
                line.setData(_KIND, "line")
                line.setData(_INDEX, len(self.lines))
                line.setZValue(1)
                self.scene.addItem(line)
                self.lines.append(line)
        self._line_state = np.full((len(self.lines), 2), -1, dtype=np.intp)
        self._line_pairs = np.concatenate(
            [np.column_stack([np.full(links.count, links.layer),
                              links.to_unit[links.chosen], links.from_unit[links.chosen]])
             for links in self._links]) if self._links else np.empty((0, 3), dtype=np.intp)
        self.neurons, self._neuron_units, self._neuron_layer_start = [], [], []
        for layer, units in enumerate(self._shown):
            self._neuron_layer_start.append(len(self.neurons))
            for unit in units:
                circle = QGraphicsEllipseItem()
                circle.setData(_KIND, "neuron")
                circle.setData(_INDEX, len(self.neurons))
                circle.setZValue(3)
                self.scene.addItem(circle)
                self.neurons.append(circle)
                self._neuron_units.append((layer, int(unit)))
        self._neuron_state = np.full((len(self.neurons), 2), -1, dtype=np.intp)
        self.layer_labels, self.summary_labels = [], []
        self._layer_texts, self._summary_texts = [], []
        for layer, size in enumerate(sizes):
            self._layer_texts.append((self._layer_text(network, layer), str(size)))
            self.layer_labels.append(self._centred_text(self._layer_texts[-1][0]))
            summary = None
            texts = None
            if len(self._shown[layer]) < size:
                # "⋮" continues the column: its units are not all drawn
                texts = (fill(self.tr("⋮\n%1 units"), size), f"⋮\n{size}")
                summary = self._centred_text(texts[0])
            self.summary_labels.append(summary)
            self._summary_texts.append(texts)
        self._style_items()
        self._relayout()

    def _centred_text(self, text: str) -> QGraphicsTextItem:
        item = QGraphicsTextItem()
        item.setPlainText(text)
        item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignHCenter))
        item.document().setDocumentMargin(0)
        self.scene.addItem(item)
        return item

    def _layer_text(self, network: Network, layer: int) -> str:
        size = network.layer_sizes[layer]
        if layer == 0:
            return fill(self.tr("input %1"), size)
        if layer == len(network.layer_sizes) - 1:
            return fill(self.tr("output %1 (%2)"), size, activation_label(network.output))
        return fill(self.tr("hidden %1 (%2)"), size,
                    activation_label(network.hidden_activations[layer - 1]))

    def _show_values(self, network: Network, run: RunFrame) -> None:
        """Pens of the lines and brushes of the neurons for the network's parameters."""
        diverged = not np.all(np.isfinite(network.parameters))
        self._set_items_visible(True)
        if diverged:
            self._show_message(fill(self.tr("%1 diverged: its parameters are not numbers."),
                                    run.label))
            grey = self._line_pen(-1, 1)
            for line in self.lines:
                line.setPen(grey)
            self._line_state[:] = -1
            for circle in self.neurons:
                circle.setBrush(QBrush(QColor("#FFFFFF")))
                circle.setPen(self._neuron_pen(False))
            self._neuron_state[:] = -1
            return
        self._show_message("")
        largest = max((float(np.max(np.abs(w))) for w in network.weights if w.size),
                      default=0.0)
        start = 0
        for links in self._links:
            previous = links.chosen.copy()
            values = links.choose(network.weights[links.layer])
            block = slice(start, start + links.count)
            if links.strongest_only and not np.array_equal(previous, links.chosen):
                self._line_pairs[block, 1] = links.to_unit[links.chosen]
                self._line_pairs[block, 2] = links.from_unit[links.chosen]
                self._place_lines(range(start, start + links.count))
            state = np.column_stack([(values < 0).astype(np.intp),
                                     weight_levels(values, largest)])
            changed = np.flatnonzero(np.any(state != self._line_state[block], axis=1))
            for index in changed:
                sign, level = state[index]
                line = self.lines[start + index]
                line.setPen(self._line_pen(int(sign), int(level)))
                # the strong lines over the weak ones
                line.setZValue(1 + level / (WEIGHT_LEVELS + 1))
            self._line_state[block] = state
            start += links.count
        biases = [b for b in network.biases if b.size]
        largest_bias = max((float(np.max(np.abs(b))) for b in biases), default=0.0)
        for layer in range(1, len(self._layers)):
            first = self._neuron_layer_start[layer]
            units = self._shown[layer]
            values = network.biases[layer - 1][units]
            state = np.column_stack([(values < 0).astype(np.intp),
                                     weight_levels(values, largest_bias)])
            block = slice(first, first + len(units))
            changed = np.flatnonzero(np.any(state != self._neuron_state[block], axis=1))
            for index in changed:
                sign, level = state[index]
                circle = self.neurons[first + index]
                circle.setBrush(self._neuron_brush(int(level)))
                circle.setPen(self._neuron_pen(bool(sign)))
            self._neuron_state[block] = state

    # -- pens and brushes --------------------------------------------------------------------
    def _line_pen(self, sign: int, level: int) -> QPen:
        """The pen of a line of weight sign ``sign`` (1 negative, 0 positive, -1 unknown) and
        strength ``level``, from a table rebuilt when the theme changes."""
        pen = self._line_pens.get((sign, level))
        if pen is None:
            theme = self.theme
            share = level / WEIGHT_LEVELS
            # weak weights paler, as a tint rather than transparency, and with flat ends
            # (hidden under the neurons): translucent, round-capped wide lines took several
            # times as long to paint, which a diagram repainted every epoch cannot afford
            colour = tint(WEIGHT_COLOUR, MIN_LINE_TINT + (1 - MIN_LINE_TINT) * share) \
                if sign >= 0 else QColor(DIVERGED_COLOUR)
            width = theme.line_width * (MIN_LINE_SCALE + (MAX_LINE_SCALE - MIN_LINE_SCALE)
                                        * share)
            pen = QPen(colour)
            pen.setWidthF(max(0.75, width))
            pen.setCosmetic(True)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            if sign == 1:
                _dash(pen)
            self._line_pens[(sign, level)] = pen
        return pen

    def _neuron_brush(self, level: int) -> QBrush:
        brush = self._neuron_brushes.get(level)
        if brush is None:
            brush = QBrush(tint(WEIGHT_COLOUR, 0.08 + 0.62 * level / WEIGHT_LEVELS))
            self._neuron_brushes[level] = brush
        return brush

    def _neuron_pen(self, negative: bool) -> QPen:
        outline = QPen(self.theme.foreground)
        outline.setWidthF(max(1.0, self.theme.line_width * 0.5))
        outline.setCosmetic(True)
        if negative:
            _dash(outline)
        return outline

    def _style_items(self) -> None:
        theme = self.theme
        outline = self._neuron_pen(False)
        white = QBrush(QColor("#FFFFFF"))
        for index, circle in enumerate(self.neurons):
            circle.setPen(outline)
            if self._neuron_units[index][0] == 0:
                circle.setBrush(white)  # inputs have no bias
        label_font = font_of(theme, LABEL_TEXT_SCALE)
        for text in self._text_items():
            text.setFont(label_font)
            text.setDefaultTextColor(theme.foreground)
        self._line_state[:] = -1
        self._neuron_state[:] = -1

    # -- layout ------------------------------------------------------------------------------
    def _relayout(self) -> None:
        """Place every item for the view's size and the theme's fonts (never per frame).

        The neurons, the "⋮ 64 units" markers and the layer names form one block, centred
        in the space under the title; neurons are as large as the tallest column and the
        column width allow, so a 3-2-3 network is drawn large and a 64-30-10 one still fits.
        """
        viewport = self.view.viewport()
        width, height = max(viewport.width(), 120), max(viewport.height(), 90)
        self.scene.setSceneRect(QRectF(0, 0, width, height))
        self._place_title()
        self._place_message()
        height -= self._place_key()
        if not self._layers:
            return
        metrics = QFontMetricsF(font_of(self.theme, LABEL_TEXT_SCALE))
        pad = max(4.0, metrics.height() * 0.4)
        top = self._title_bottom() + pad
        columns = len(self._layers)
        column_width = (width - 2 * pad) / columns
        label_height = 0.0
        room = column_width - pad
        # a text whose widest line does not fit its column would run into the next one:
        # the shorter texts ("30" for "hidden 30 (sigmoid)"), and at last a smaller font
        font = font_of(self.theme, LABEL_TEXT_SCALE)
        labelled = [(label, texts) for label, texts in zip(self.layer_labels, self._layer_texts)]
        labelled += [(summary, texts) for summary, texts
                     in zip(self.summary_labels, self._summary_texts) if summary is not None]
        chosen = [fitting_text(texts, font, room) for _, texts in labelled]
        smallest = min((size for _, size in chosen), default=font.pointSizeF())
        for (item, _), (text, _) in zip(labelled, chosen):
            small = QFont(font)
            small.setPointSizeF(smallest)   # one size for all: a row of labels reads as one
            item.setFont(small)
            item.setPlainText(text)
        for item in self._text_items():
            item.setTextWidth(max(room, 10.0))
        for label in self.layer_labels:
            label_height = max(label_height, label.boundingRect().height())
        summary_height = max((s.boundingRect().height() for s in self.summary_labels
                              if s is not None), default=0.0)
        below = label_height + pad + (summary_height + pad * 0.5 if summary_height else 0.0)
        span = max(height - pad - top - below, 10.0)
        most = max(len(units) for units in self._shown)
        radius = min(span / most * 0.32, column_width * 0.12, metrics.height() * 1.5)
        radius = max(radius, 2.5)
        steps = [min((span - 2 * radius) / max(len(units) - 1, 1), 5 * radius)
                 for units in self._shown]
        extent = max(step * (len(units) - 1) for step, units in zip(steps, self._shown))
        block = extent + 2 * radius + below
        block_top = top + max(0.0, (height - pad - top - block) / 2)
        middle = block_top + radius + extent / 2
        summary_top = block_top + extent + 2 * radius + pad * 0.5
        label_top = summary_top + (summary_height + pad * 0.5 if summary_height else 0.0)
        self._centres = []
        for layer, units in enumerate(self._shown):
            x = pad + column_width * (layer + 0.5)
            step = steps[layer]
            first_y = middle - step * (len(units) - 1) / 2
            centres = [QPointF(x, first_y + step * place) for place in range(len(units))]
            self._centres.append(centres)
            start = self._neuron_layer_start[layer]
            for place, centre in enumerate(centres):
                self.neurons[start + place].setRect(QRectF(centre.x() - radius,
                                                           centre.y() - radius,
                                                           2 * radius, 2 * radius))
            summary = self.summary_labels[layer]
            if summary is not None:
                summary.setPos(x - summary.textWidth() / 2, summary_top)
            label = self.layer_labels[layer]
            label.setPos(x - label.textWidth() / 2, label_top)
        self._place_lines(range(len(self.lines)))

    def _place_key(self) -> float:
        """Put the key along the bottom of the scene, as much of it as fits (the lead text
        goes first); the height it takes (0 while no network is drawn)."""
        rect = self.scene.sceneRect()
        pad = max(4.0, self.theme.font_point_size * 0.4)
        line_height = max(text.boundingRect().height() for text in self.key_texts)
        sample = line_height * 1.6
        lead, positive, negative = self.key_texts
        entries_width = sum(sample + pad + text.boundingRect().width() + 2 * pad
                            for text in (positive, negative))
        show_lead = pad + lead.boundingRect().width() + pad + entries_width <= rect.width()
        shown = self._items_visible and bool(self._layers)
        for item in (*self.key_lines, positive, negative):
            item.setVisible(shown)
        lead.setVisible(shown and show_lead)
        if not shown:
            return 0.0
        y = rect.bottom() - pad - line_height
        x = pad
        if show_lead:
            lead.setPos(x, y)
            x += lead.boundingRect().width() + pad
        for line, text in zip(self.key_lines, (positive, negative)):
            line.setLine(x, y + line_height / 2, x + sample, y + line_height / 2)
            x += sample + pad
            text.setPos(x, y)
            x += text.boundingRect().width() + 2 * pad
        return line_height + pad

    def _text_items(self) -> list[QGraphicsTextItem]:
        return [*self.layer_labels, *(s for s in self.summary_labels if s is not None)]

    def _place_lines(self, indices) -> None:
        if not self._centres:
            return
        place_of = [{int(unit): place for place, unit in enumerate(units)}
                    for units in self._shown]
        for index in indices:
            layer, to_unit, from_unit = (int(v) for v in self._line_pairs[index])
            start = self._centres[layer][place_of[layer][from_unit]]
            end = self._centres[layer + 1][place_of[layer + 1][to_unit]]
            self.lines[index].setLine(start.x(), start.y(), end.x(), end.y())

    def _title_bottom(self) -> float:
        bottom = self.run_title.pos().y() + self.run_title.boundingRect().height()
        return max(bottom, self.epoch_label.pos().y() + self.epoch_label.boundingRect().height())

    def _place_title(self) -> None:
        pad = max(4.0, self.theme.font_point_size * 0.4)
        self.run_title.setPos(pad, pad * 0.5)
        width = self.scene.sceneRect().width()
        epoch_rect = self.epoch_label.boundingRect()
        title_rect = self.run_title.boundingRect()
        if pad + title_rect.width() + 2 * pad + epoch_rect.width() <= width - pad:
            self.epoch_label.setPos(width - pad - epoch_rect.width(),
                                    pad * 0.5 + (title_rect.height() - epoch_rect.height()))
        else:  # a narrow view: under the run's name
            self.epoch_label.setPos(pad, pad * 0.5 + title_rect.height())

    def _place_message(self) -> None:
        rect = self.scene.sceneRect()
        text = self.message.boundingRect()
        pad = max(4.0, self.theme.font_point_size * 0.5)
        self.message_box.setRect(QRectF(0, 0, text.width() + 2 * pad, text.height() + 2 * pad))
        self.message.setPos(pad, pad)
        self.message_box.setPos(max(0.0, rect.center().x() - text.width() / 2 - pad),
                                max(0.0, rect.center().y() - text.height() / 2 - pad))

    # -- hover -------------------------------------------------------------------------------
    def item_at(self, view_pos: QPoint) -> QGraphicsItem | None:
        """The neuron or line under ``view_pos`` (viewport pixels), neurons first."""
        area = QRect(view_pos.x() - HOVER_RADIUS, view_pos.y() - HOVER_RADIUS,
                     2 * HOVER_RADIUS + 1, 2 * HOVER_RADIUS + 1)
        found = [item for item in self.view.items(area)
                 if item.isVisible() and item.data(_KIND) in ("neuron", "line")]
        neurons = [item for item in found if item.data(_KIND) == "neuron"]
        if neurons:
            return neurons[0]
        if not found:
            return None
        # the line passing nearest the mouse
        point = self.view.mapToScene(view_pos)

        def distance(item) -> float:
            line = item.line()
            dx, dy = line.x2() - line.x1(), line.y2() - line.y1()
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, (
                (point.x() - line.x1()) * dx + (point.y() - line.y1()) * dy) / length))
            return math.hypot(line.x1() + t * dx - point.x(), line.y1() + t * dy - point.y())

        return min(found, key=distance)

    def text_at(self, view_pos: QPoint) -> str:
        item = self.item_at(view_pos)
        return "" if item is None else self.describe(item)

    def describe(self, item: QGraphicsItem) -> str:
        """"w = 0.53 (layer 1, unit 3 → unit 2)" or "b = −0.2 (layer 2, unit 4)": units and
        layers counted from 1, as the lecture does."""
        network = self._network
        index = int(item.data(_INDEX))
        if item.data(_KIND) == "line":
            layer, to_unit, from_unit = (int(v) for v in self._line_pairs[index])
            value = float(network.weights[layer][to_unit, from_unit]) if network else math.nan
            return fill(self.tr("w = %1 (layer %2, unit %3 → unit %4)"),
                        format_number(value), layer + 1, from_unit + 1, to_unit + 1)
        layer, unit = self._neuron_units[index]
        if layer == 0:
            return fill(self.tr("input %1 (no bias)"), unit + 1)
        value = float(network.biases[layer - 1][unit]) if network else math.nan
        text = fill(self.tr("b = %1 (layer %2, unit %3)"), format_number(value), layer + 1,
                    unit + 1)
        dataset = self._frame.dataset if self._frame is not None else None
        if layer == len(self._layers) - 1 and dataset is not None \
                and not dataset.is_regression \
                and len(dataset.class_names) == self._layers[-1]:
            text += " · " + fill(self.tr("class %1"), dataset.class_names[unit])
        return text

    # -- theme -------------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.picker.apply_theme(theme)
        self.view.setBackgroundBrush(QBrush(theme.background))
        self._line_pens.clear()
        self._neuron_brushes.clear()
        self.run_title.setFont(font_of(theme, 1.0, bold=True))
        self.epoch_label.setFont(font_of(theme, LABEL_TEXT_SCALE))
        self.epoch_label.setBrush(theme.foreground)
        for text in self.key_texts:
            text.setFont(font_of(theme, LABEL_TEXT_SCALE))
            text.setBrush(theme.foreground)
        for line, sign in zip(self.key_lines, (0, 1)):
            line.setPen(self._line_pen(sign, WEIGHT_LEVELS * 3 // 4))
        self.message.setFont(font_of(theme))
        self.message.setBrush(theme.foreground)
        background = QColor(theme.background)
        background.setAlpha(235)
        self.message_box.setBrush(QBrush(background))
        border = QPen(theme.foreground)
        border.setCosmetic(True)
        border.setWidthF(1.0)
        self.message_box.setPen(border)
        self._style_items()
        self._relayout()
        self._values_key = None
        if self._frame is not None:
            self.update_frame(self._frame)
