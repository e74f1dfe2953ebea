"""The gradient taken apart, with the numbers of the epoch on show.

The lesson in one line per run: with the quadratic cost ∂C/∂b = (a − y)·σ′(z), and where the
neuron saturates σ′(z) is tiny, so the step is tiny however wrong a is; with cross-entropy
∂C/∂b = a − y, σ′(z) has cancelled. The view writes each run's formulas with the frame's
numbers in them and highlights the small factor when it is small.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextDocument
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from nnlab.gui.frame import LessonFrame, RunFrame
from nnlab.gui.theme import NORMAL, Theme

#: Below this, σ′(z) is highlighted: the quadratic cost's step is under a tenth of the error.
SMALL_FACTOR = 0.1

MINUS = "\u2212"
PRIME = "\u2032"
SIGMA_PRIME = "σ" + PRIME + "(z)"
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_HIGHLIGHT_BACKGROUND = "#FFE08A"  # amber: reads on white in a bright lecture hall


def format_number(value: float, digits: int = 3) -> str:
    """``value`` for people: ``digits`` significant digits (up to 4 for 1000 … 9999), a true
    minus sign, no trailing zeros, and "1.23 × 10⁻⁵" instead of "1.23e-05"."""
    value = float(value)
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return ("−" if value < 0 else "") + "∞"
    if value == 0.0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    if -4 <= exponent < 4:
        text = f"{value:.{max(digits - 1 - exponent, 0)}f}"
        text = _drop_exact_zeros(text, value)
        return "0" if text in ("-0", "0") else text.replace("-", MINUS)
    mantissa, _, power = f"{value:.{digits - 1}e}".partition("e")
    mantissa = _drop_exact_zeros(mantissa, value / 10.0 ** int(power))
    power = str(int(power)).translate(_SUPERSCRIPTS)
    return f"{mantissa.replace('-', MINUS)} × 10{power}"


def _drop_exact_zeros(text: str, value: float) -> str:
    """"1.00" → "1" and "2.50" → "2.5" when the value is exactly that; a rounded value keeps
    its zeros ("0.0580" for 0.05803), so every number shows the same precision."""
    if "." not in text:
        return text
    short = text.rstrip("0").rstrip(".")
    return short if math.isclose(float(short), value, rel_tol=1e-12, abs_tol=0.0) else text


def _operand(value: float) -> str:
    """A number as an operand: negative numbers in parentheses, "(−1)"."""
    text = format_number(value)
    return f"({text})" if text.startswith(MINUS) else text


class BreakdownView(QWidget):
    """Per run, at the shown epoch: z, a, σ′(z), the cost, and ∂C/∂b, ∂C/∂w as formulas with
    their numbers. Rich text in a word-wrapping label, scrolled only when it does not fit."""

    slug = "breakdown"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("breakdown_text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the window's export menu is the context menu here, not QLabel's Copy/Select All
        self.label.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.label.setAutoFillBackground(True)
        self.label.setContentsMargins(8, 6, 8, 6)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.theme = NORMAL
        self._frame: LessonFrame | None = None
        self._html = ""
        self.apply_theme(theme if theme is not None else NORMAL)
        self._show(self._empty_html())

    @property
    def title(self) -> str:
        return self.tr("Gradient breakdown")

    def export_widget(self) -> QWidget:
        return self.label

    def html(self) -> str:
        return self._html

    def plain_text(self) -> str:
        """What the label reads, without markup (for tests and for copying)."""
        document = QTextDocument()
        document.setHtml(self._html)
        return document.toPlainText()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        font = self.label.font()
        font.setPointSize(theme.font_point_size)
        self.label.setFont(font)
        palette = self.label.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.background)
        palette.setColor(QPalette.ColorRole.WindowText, theme.foreground)
        palette.setColor(QPalette.ColorRole.Text, theme.foreground)
        self.label.setPalette(palette)
        self.scroll.viewport().setPalette(palette)
        if self._frame is not None:
            self.update_frame(self._frame)
        else:
            self._show(self._empty_html())

    def update_frame(self, frame: LessonFrame) -> None:
        self._frame = frame
        if not frame.runs:
            self._show(self._empty_html())
            return
        parts = [self._header(frame)]
        parts.extend(self._run_html(frame, run) for run in frame.runs)
        self._show("".join(parts))

    # -- the text --------------------------------------------------------------------------
    def _show(self, text: str) -> None:
        if text != self._html:
            self._html = text
            self.label.setText(text)

    def _empty_html(self) -> str:
        return f"<p>{html.escape(self.tr('No runs to show.'))}</p>"

    def _header(self, frame: LessonFrame) -> str:
        text = (self.tr("Epoch %1 of %2").replace("%1", str(frame.shown_epoch))
                .replace("%2", str(frame.epochs)))
        sample = (self.tr("sample x = %1, y = %2").replace("%1", format_number(frame.x))
                  .replace("%2", format_number(frame.y)))
        return f"<p style='margin:0'><b>{html.escape(text)}</b> · {html.escape(sample)}</p>"

    def _run_html(self, frame: LessonFrame, run: RunFrame) -> str:
        color = self.theme.run_color(run.name).name()
        heading = (f"<p style='margin-top:8px; margin-bottom:0'>"
                   f"<span style='color:{color}; font-weight:bold'>■ {html.escape(run.label)}"
                   f"</span>")
        if run.index < 0:
            return heading + f" — {html.escape(self.tr('no data yet'))}</p>"
        epoch = int(run.value("epoch"))
        heading += f" · {html.escape(self.tr('epoch %1').replace('%1', str(epoch)))}</p>"
        if run.status == "diverged" and not math.isfinite(run.value("a")):
            message = run.message or self.tr("diverged")
            return heading + f"<p style='margin:0'>{html.escape(message)}</p>"

        x, y = frame.x, frame.y
        w, b, z, a = (run.value(c) for c in ("w", "b", "z", "a"))
        cost, dC_dw, dC_db = run.value("cost"), run.value("dC_dw"), run.value("dC_db")
        slope = a * (1.0 - a)  # σ′(z) = σ(z)(1 − σ(z))
        n, e = format_number, html.escape
        # only in the quadratic cost's gradient is σ′(z) a factor: highlighted there, when small
        slows = run.name == "quadratic" and slope < SMALL_FACTOR
        mark = self._highlight if slows else e
        lines = [
            e(f"z = w·x + b = {_operand(w)}·{_operand(x)} + {_operand(b)} = {n(z)}"),
            e(f"a = σ(z) = {n(a)}"),
            mark(f"{SIGMA_PRIME} = a(1 {MINUS} a) = {n(slope)}"),
        ]
        note = ""
        if run.name == "quadratic":
            lines.append(e(f"C = ½(a {MINUS} y)² = {n(cost)}"))
            lines.append(e(f"∂C/∂b = (a {MINUS} y)·{SIGMA_PRIME} = ({n(a)} {MINUS} {_operand(y)})·")
                         + mark(_operand(slope)) + e(f" = {n(dC_db)}"))
            if slows:
                note = self.tr("σ′(z) is tiny: the quadratic cost learns slowly here.")
        elif run.name == "cross_entropy":
            lines.append(e(f"C = {MINUS}[y ln a + (1 {MINUS} y) ln(1 {MINUS} a)] = {n(cost)}"))
            lines.append(e(f"∂C/∂b = a {MINUS} y = {n(a)} {MINUS} {_operand(y)} = {n(dC_db)}"))
            note = self.tr("No σ′(z) in the gradient: it cancels, so the error a − y alone "
                           "sets the step.")
        else:
            lines.append(e(f"C = {n(cost)}"))
            lines.append(e(f"∂C/∂b = {n(dC_db)}"))
        lines.append(e(f"∂C/∂w = x·∂C/∂b = {_operand(x)}·{_operand(dC_db)} = {n(dC_dw)}"))
        text = heading + "".join(f"<p style='margin:0'>{line}</p>" for line in lines)
        if note:
            emphasis = "font-weight:bold" if slows else "font-style:italic"
            text += f"<p style='margin:0; {emphasis}'>{e(note)}</p>"
        return text

    @staticmethod
    def _highlight(text: str) -> str:
        return (f"<span style='background-color:{_HIGHLIGHT_BACKGROUND}; color:#000000; "
                f"font-weight:bold'>{html.escape(text)}</span>")
