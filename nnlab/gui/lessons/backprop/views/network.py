"""The 3-2-3 network drawn: the inputs on the left, the hidden units h1, h2 in the middle, the
outputs o1, o2, o3 on the right, every connection labelled with its weight's name and value,
the biases beside their units, and each unit's a and δ once the walkthrough has reached them.

The step's neurons and connections are drawn in the accent colour, the rest in grey. A click
on a weight, a bias or an input opens a field over it: Enter keeps the value (the page checks
it; a bad one keeps the field open with the reason under it), Esc drops it.

Where the labels sit: along each connection at the share ``t`` of its length (from the layer
it leaves) that keeps the six labels of the layer furthest apart vertically; near the hidden
units for both layers, where the lines are spread widest.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from nnlab.core import backprop_steps as bp
from nnlab.gui.lessons.backprop.steps import BackpropFrame
from nnlab.gui.text import fill, format_number
from nnlab.gui.theme import ERROR_COLOUR, NORMAL, Theme
from nnlab.gui.views.base import font_of
from nnlab.gui.widgets.fields import NumberEdit, field_text

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

LABEL_SCALE = 0.95
UNIT_SCALE = 1.05
#: A unit's radius, in line heights of the label font.
RADIUS_LINES = 0.95
#: The shares of the span between the top and bottom rows at which the units sit.
INPUT_ROWS = (0.0, 0.5, 1.0)
HIDDEN_ROWS = (0.2, 0.8)
OUTPUT_ROWS = (0.0, 0.5, 1.0)
#: The shares along a connection a label may sit at (from the layer it leaves).
LABEL_SHARES = tuple(0.25 + 0.025 * i for i in range(21))
MUTED = QColor("#9a9a9a")


@dataclass
class Geometry:
    """Where everything is, in widget pixels, at ``scale`` times the theme's label size."""

    scale: float
    units: dict[str, QPointF]            # h1 … o3: centres
    radius: float
    inputs: dict[str, QRectF]            # x1 … x3: their boxes
    weights: dict[str, QRectF]           # w1 … w12: their labels
    biases: dict[str, QRectF]            # b1 … b5: their labels
    ends: dict[str, tuple[QPointF, QPointF]]  # w1 … w12: the line's ends
    texts: list[tuple[QRectF, str]]      # a, ŷ, y and δ beside the units
    line: float                          # a line height of the label font, and its padding

    def rects(self) -> list[QRectF]:
        """Everything that must not overlap anything else."""
        circles = [QRectF(c.x() - self.radius, c.y() - self.radius, 2 * self.radius,
                          2 * self.radius) for c in self.units.values()]
        return [*self.inputs.values(), *self.weights.values(), *self.biases.values(),
                *circles, *(rect for rect, _ in self.texts)]

    def fits(self, width: float, height: float) -> bool:
        """No two things overlap and all lie inside the widget."""
        rects = self.rects()
        inside = QRectF(0, 0, width, height)
        if not all(inside.contains(rect) for rect in rects):
            return False
        return not any(overlap(a, b) for i, a in enumerate(rects) for b in rects[i + 1:])


def overlap(a: QRectF, b: QRectF) -> bool:
    """Whether two boxes overlap by more than a rounding error (touching is allowed)."""
    return a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b)


#: The label sizes tried, largest first, until everything fits (relative to LABEL_SCALE),
#: but none below MIN_POINT_SIZE: a projector's large type may shrink further than the
#: normal theme's.
SCALES = (1.0, 0.9, 0.8, 0.7, 0.62, 0.55)
MIN_POINT_SIZE = 8.5


class ValueEditor(NumberEdit):
    """The field over a value being typed: Esc drops it."""

    cancelled = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class NetworkDiagram(QWidget):
    """The diagram (see the module docstring). ``value_edited`` carries the name of the value
    typed (w1 … b5, x1 … x3) and the text."""

    slug = "network"
    value_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = NORMAL
        self._frame: BackpropFrame | None = None
        self._geometry: Geometry | None = None
        self.editing: str | None = None
        self.editor = ValueEditor(self)
        self.editor.hide()
        self.editor.returnPressed.connect(self._commit)
        self.editor.cancelled.connect(self.close_editor)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR}; background: white; padding: 2px;")
        self.error.hide()
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setToolTip(translate("NetworkDiagram", "Click a weight, a bias or an input to "
                                                    "type a new value."))

    @property
    def title(self) -> str:
        return translate("NetworkDiagram", "The 3-2-3 network")

    def export_widget(self) -> QWidget:
        return self

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.error.setFont(font_of(theme, 0.8))
        self._geometry = None
        self.update()

    def update_frame(self, frame: BackpropFrame) -> None:
        self._frame = frame
        self._geometry = None
        if self.editing is not None:  # a label may have moved (the update's new values)
            self._place_editor()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._geometry = None
        if self.editing is not None:
            self._place_editor()

    # -- texts -------------------------------------------------------------------------------
    def _value(self, name: str) -> float:
        e = self._frame.example
        if name in bp.INPUTS:
            return e.x[bp.INPUTS.index(name)]
        return e.parameters()[name]

    def label_text(self, name: str) -> str:
        """What a weight's, bias's or input's label says: "w7 = 0.4", after the update its
        new value, "w7 ← 0.423"."""
        if self._frame.diagram.updated and name not in bp.INPUTS:
            return f"{name} ← {format_number(self._frame.numbers.updated[name])}"
        return f"{name} = {format_number(self._value(name))}"

    def unit_lines(self, unit: str) -> list[str]:
        """The lines beside a unit: a (ŷ and y for an output) and δ, as far as the
        walkthrough has reached; at the last step a and ŷ after the update."""
        frame = self._frame
        n, state = frame.numbers, frame.diagram
        lines = []
        if state.a_after:  # the last step: the updated network's outputs
            a = dict(state.a_after)[unit]
            if unit in bp.OUTPUTS:
                i = bp.OUTPUTS.index(unit)
                return [f"ŷ{i + 1}′ = {format_number(a)}, y{i + 1} = "
                        f"{format_number(frame.example.y[i])}"]
            return [f"a′ = {format_number(a)}"]
        if unit in bp.OUTPUTS:
            i = bp.OUTPUTS.index(unit)
            y = frame.example.y[i]
            if unit in state.with_a:
                lines.append(f"ŷ{i + 1} = {format_number(n.a[unit])}, y{i + 1} = "
                             f"{format_number(y)}")
            else:
                lines.append(f"y{i + 1} = {format_number(y)}")
            if unit in state.with_delta:
                lines.append(f"δ = {format_number(n.delta[unit])}")
        elif unit in state.with_a:  # one line: the hidden units have little room above
            line = f"a = {format_number(n.a[unit])}"
            if unit in state.with_delta:
                line += f", δ = {format_number(n.delta[unit])}"
            lines.append(line)
        return lines

    # -- geometry ----------------------------------------------------------------------------
    def geometry_now(self) -> Geometry:
        if self._geometry is None:
            self._geometry = self._lay_out()
        return self._geometry

    def _lay_out(self) -> Geometry:
        """The largest of SCALES at which nothing overlaps (else the smallest)."""
        width, height = float(self.width()), float(self.height())
        smallest = self.theme.font_point_size * LABEL_SCALE
        scales = [s for s in SCALES if s == SCALES[0] or s * smallest >= MIN_POINT_SIZE]
        for scale in scales:
            geometry = self._lay_out_at(scale)
            if geometry.fits(width, height):
                return geometry
        return geometry

    def _lay_out_at(self, scale: float) -> Geometry:
        # measured in bold: a label of the step is drawn bold
        metrics = QFontMetricsF(font_of(self.theme, LABEL_SCALE * scale, bold=True))
        line = metrics.height()
        pad = 0.3 * line
        step = line + pad
        margin = 0.4 * line
        radius = RADIUS_LINES * line
        width, height = float(self.width()), float(self.height())
        biases = self._frame.example.use_biases

        def box(text: str) -> QRectF:
            return QRectF(0, 0, metrics.horizontalAdvance(text) + 2 * pad, step)

        # the right: the outputs' lines and biases; the left: the inputs' boxes
        out_lines = {o: self.unit_lines(o) for o in bp.OUTPUTS}
        out_width = max((metrics.horizontalAdvance(text) + 2 * pad for unit in bp.OUTPUTS
                         for text in [*out_lines[unit], self._bias_text(unit)]), default=0.0)
        input_boxes = {name: box(self.label_text(name)) for name in bp.INPUTS}
        in_width = max(r.width() for r in input_boxes.values())
        x_in = margin + in_width / 2
        x_out = width - margin - out_width - radius - pad
        x_hidden = (x_in + in_width / 2 + x_out) / 2

        # above h1 and below h2: their bias and lines; beside each output: its lines and
        # bias, centred on it; at the bottom a line for η and ℒ
        hidden_lines = max(len(self.unit_lines(h)) for h in bp.HIDDEN) + (1 if biases else 0)
        out_count = max(len(lines) for lines in out_lines.values()) + (1 if biases else 0)
        edge = max(radius, out_count * step / 2, step / 2)
        top, bottom = margin + edge, height - margin - step - edge
        # h1 sits at HIDDEN_ROWS[0] of the span, h2 as far from its end: their lines above
        # h1 and below h2 need room there too (both ends moved in alike)
        room = radius + pad + hidden_lines * step + margin
        share = HIDDEN_ROWS[0]
        inward = (room - top - share * (bottom - top)) / (1 - 2 * share)
        if inward > 0:
            top, bottom = top + inward, bottom - inward
        span = max(bottom - top, 1.0)

        def row(s: float) -> float:
            return top + s * span

        units = {h: QPointF(x_hidden, row(s)) for h, s in zip(bp.HIDDEN, HIDDEN_ROWS)}
        units.update({o: QPointF(x_out, row(s)) for o, s in zip(bp.OUTPUTS, OUTPUT_ROWS)})
        inputs = {}
        for name, s in zip(bp.INPUTS, INPUT_ROWS):
            rect = input_boxes[name]
            rect.moveCenter(QPointF(x_in, row(s)))
            inputs[name] = rect

        ends = {}
        for name, (source, target) in bp.WEIGHT_ENDS.items():
            if source in bp.INPUTS:
                start = QPointF(inputs[source].right(), inputs[source].center().y())
            else:
                start = units[source] + QPointF(radius, 0)
            ends[name] = (start, units[target] - QPointF(radius, 0))
        bias_rects, texts = {}, []
        for unit in bp.HIDDEN:
            centre = units[unit]
            stack = ([self._bias_name(unit)] if biases else []) + self.unit_lines(unit)
            for index, item in enumerate(stack):
                distance = radius + pad + index * step + step / 2
                middle = centre + QPointF(0, -distance if unit == "h1" else distance)
                if index == 0 and biases:
                    rect = box(self.label_text(item))
                    rect.moveCenter(middle)
                    bias_rects[item] = rect
                else:
                    rect = box(item)
                    rect.moveCenter(middle)
                    texts.append((rect, item))
        for unit in bp.OUTPUTS:
            centre = units[unit]
            stack = out_lines[unit] + ([self._bias_name(unit)] if biases else [])
            first = centre.y() - len(stack) * step / 2
            for index, item in enumerate(stack):
                is_bias = biases and index == len(stack) - 1
                rect = box(self.label_text(item) if is_bias else item)
                rect.moveTopLeft(QPointF(centre.x() + radius + pad, first + index * step))
                if is_bias:
                    bias_rects[item] = rect
                else:
                    texts.append((rect, item))
        fixed = Geometry(scale, units, radius, inputs, {}, bias_rects, ends, texts, step).rects()
        weights = {}
        for layer in (bp.WEIGHT_NAMES[:6], bp.WEIGHT_NAMES[6:]):
            weights.update(self._place_labels(layer, ends, box, fixed))
            fixed += [weights[name] for name in layer]
        return Geometry(scale, units, radius, inputs, weights, bias_rects, ends, texts, step)

    def _bias_name(self, unit: str) -> str:
        return next(b for b, u in bp.BIAS_UNITS.items() if u == unit)

    def _bias_text(self, unit: str) -> str:
        if not self._frame.example.use_biases:
            return ""
        return self.label_text(self._bias_name(unit))

    def _place_labels(self, names, ends, box, fixed: list[QRectF]) -> dict[str, QRectF]:
        """The labels of a layer's connections, all at one share of their length: the share
        that keeps them furthest apart vertically among those where none of them covers
        anything already placed (or, where there is none, the furthest apart)."""
        def placed(share: float) -> dict[str, QRectF]:
            rects = {}
            for name in names:
                start, end = ends[name]
                rect = box(self.label_text(name))
                rect.moveCenter(start + (end - start) * share)
                rects[name] = rect
            return rects

        def spread(share: float) -> float:
            ys = sorted(s.y() + (e.y() - s.y()) * share for s, e in (ends[n] for n in names))
            return min(b - a for a, b in zip(ys, ys[1:]))

        shares = sorted(LABEL_SHARES, key=spread, reverse=True)
        for share in shares:
            rects = placed(share)
            mine = list(rects.values())
            if not any(overlap(a, b) for i, a in enumerate(mine) for b in mine[i + 1:]) and \
                    not any(overlap(a, b) for a in mine for b in fixed):
                return rects
        return placed(shares[0])

    # -- drawing -----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.theme.background)
        if self._frame is not None and self.width() > 10 and self.height() > 10:
            self.paint(painter)
        painter.end()

    def _colour(self, name: str) -> QColor:
        lit = name in self._frame.diagram.highlighted
        return QColor(self.theme.accent) if lit else MUTED

    def paint(self, painter: QPainter) -> None:
        theme = self.theme
        g = self.geometry_now()
        highlighted = self._frame.diagram.highlighted
        width = theme.line_width
        # the connections, the lit ones last (on top)
        for lit in (False, True):
            for name, (start, end) in g.ends.items():
                if (name in highlighted) == lit:
                    painter.setPen(QPen(self._colour(name), width * (1.6 if lit else 0.8)))
                    painter.drawLine(start, end)
        label_font = font_of(theme, LABEL_SCALE * g.scale)
        bold = font_of(theme, LABEL_SCALE * g.scale, bold=True)
        for name, rect in [*g.weights.items(), *g.biases.items(), *g.inputs.items()]:
            lit = name in highlighted
            self._paint_box(painter, rect, self.label_text(name), lit,
                            bold if lit else label_font)
        unit_font = font_of(theme, UNIT_SCALE * g.scale, bold=True)
        for unit, centre in g.units.items():
            lit = unit in highlighted
            painter.setPen(QPen(self._colour(unit) if lit else QColor(theme.foreground),
                                width * (1.5 if lit else 1.0)))
            fill = QColor(theme.accent) if lit else QColor(theme.background)
            if lit:
                fill.setAlpha(45)
            painter.setBrush(fill)
            painter.drawEllipse(centre, g.radius, g.radius)
            painter.setFont(unit_font)
            painter.setPen(QColor(theme.foreground))
            painter.drawText(QRectF(centre.x() - g.radius, centre.y() - g.radius,
                                    2 * g.radius, 2 * g.radius),
                             Qt.AlignmentFlag.AlignCenter, unit)
        painter.setFont(label_font)
        painter.setPen(QColor(theme.foreground))
        for rect, text in g.texts:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        corner = QRectF(4, 0, self.width() - 8, self.height() - 2)
        painter.drawText(corner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                         f"η = {format_number(self._frame.example.eta)}")
        n = self._frame.numbers
        step = self._frame.step
        loss = ""
        if step == 13:
            loss = f"ℒ = {format_number(n.loss)} → ℒ′ = {format_number(n.loss_after)}"
        elif step >= 6:
            loss = f"ℒ = {format_number(n.loss)}"
        if loss:
            painter.drawText(corner, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                             loss)

    def _paint_box(self, painter: QPainter, rect: QRectF, text: str, lit: bool, font) -> None:
        theme = self.theme
        painter.setPen(QPen(QColor(theme.accent) if lit else MUTED, 1.5 if lit else 1.0))
        painter.setBrush(QColor(theme.background))
        painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(font)
        painter.setPen(QColor(theme.foreground))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    # -- editing -----------------------------------------------------------------------------
    def value_at(self, point: QPointF) -> str | None:
        """The weight, bias or input whose label is at ``point`` (widget pixels)."""
        if self._frame is None:
            return None
        g = self.geometry_now()
        for name, rect in [*g.inputs.items(), *g.biases.items(), *g.weights.items()]:
            if rect.contains(point):
                return name
        return None

    def mousePressEvent(self, event) -> None:
        name = self.value_at(event.position())
        if name is None:
            self.close_editor()
            super().mousePressEvent(event)
            return
        self.edit_value(name)

    def mouseMoveEvent(self, event) -> None:
        over = self.value_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.IBeamCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def edit_value(self, name: str) -> None:
        """Open the field over ``name``'s label, its value selected."""
        self.editing = name
        self.editor.setText(field_text(self._value(name)))
        self.editor.setToolTip(fill(translate("NetworkDiagram", "The new value of %1: Enter "
                                                                "keeps it, Esc drops it."),
                                    name))
        self.show_error("")
        self._place_editor()
        self.editor.show()
        self.editor.selectAll()
        self.editor.setFocus(Qt.FocusReason.MouseFocusReason)

    def _place_editor(self) -> None:
        g = self.geometry_now()
        name = self.editing
        rect = (g.inputs.get(name) or g.weights.get(name) or g.biases.get(name))
        if rect is None:
            self.close_editor()
            return
        self.editor.setFont(font_of(self.theme, LABEL_SCALE * g.scale))
        line = g.line
        width = max(rect.width(), 6 * line)
        self.editor.setGeometry(int(rect.center().x() - width / 2),
                                int(rect.center().y() - line * 0.7), int(width),
                                int(line * 1.4))
        self.error.setFixedWidth(max(int(12 * line), int(width)))
        self.error.adjustSize()
        left = min(max(0, self.editor.x()), max(0, self.width() - self.error.width()))
        self.error.move(left, self.editor.geometry().bottom() + 2)

    def _commit(self) -> None:
        if self.editing is not None:
            self.value_edited.emit(self.editing, self.editor.text().strip())

    def show_error(self, message: str) -> None:
        """The reason a typed value is refused under the field (or nothing)."""
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.editor.setStyleSheet(f"border: 2px solid {ERROR_COLOUR};" if message else "")
        if message:
            self._place_editor()
            self.error.raise_()

    def close_editor(self) -> None:
        had_focus = self.editor.hasFocus()
        self.editing = None
        self.show_error("")
        self.editor.hide()
        if had_focus:
            self.window().setFocus(Qt.FocusReason.OtherFocusReason)
