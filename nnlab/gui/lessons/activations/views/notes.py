"""The words and typeset formulas beside each step's plot.

A :class:`NotesView` is a lead sentence, a grid of rows (a function's name in its colour, a
formula, numbers), a closing note and buttons, scrolling where its place is too short. The
formulas are typeset (:class:`~nnlab.gui.widgets.formula.Formula`) and hold maths only; the
words are Qt labels in the interface's language. Numbers that follow the z slider are labels
too (laying a formula out takes milliseconds, a label's text none).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from nnlab.core.activation_curves import ACTIVATION_NAMES
from nnlab.core.activation_timing import TIMING_REPEATS, TIMING_SIZE
from nnlab.gui.lessons.activations.model import MARKED_DEPTH, ActivationsFrame
from nnlab.gui.lessons.activations.views.depth import fraction_text
from nnlab.gui.lessons.activations.views.style import ACTIVATION_COLOURS
from nnlab.gui.text import activation_label, fill, format_number
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of
from nnlab.gui.widgets.formula import Formula
from nnlab.gui.widgets.step_text import scroll_area_filling

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

FORMULA_SCALE = 1.25
ROW_FORMULA_SCALE = 1.1
#: A column of numbers is counted at least this many line heights wide (see
#: NotesView._compact).
NUMBER_EMS = 3.5

DEFINITIONS = {
    "sigmoid": r"\sigma(z)=\frac{1}{1+e^{-z}}",
    "tanh": r"\tanh z=\frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}",
    "relu": r"f(z)=\max(0,\,z)",
    "leaky_relu": r"f(z)=\max(0.01\,z,\;z)",
    "linear": r"f(z)=z",
}

SLOPES = {
    "sigmoid": r"\sigma'(z)=\sigma(z)\,\bigl(1-\sigma(z)\bigr)",
    "tanh": r"\tanh' z=1-\tanh^{2}z",
    "relu": r"f'(z)=\begin{cases}1 &\quad z>0\\0 &\quad z\le 0\end{cases}",
    "leaky_relu": r"f'(z)=\begin{cases}1 &\quad z>0\\0.01 &\quad z\le 0\end{cases}",
    "linear": r"f'(z)=1",
}


def latex_number(value: float, exact: bool = True) -> str:
    """A number in a formula: \\frac{1}{4} for 0.25 (``exact``: a fraction where it is
    one), 2.44\\times10^{-4} for 0.000244."""
    text = fraction_text(value) if exact else ""
    if "/" in text:
        numerator, denominator = text.split("/")
        return rf"\frac{{{numerator}}}{{{denominator}}}"
    if value != 0 and not 1e-3 <= abs(value) < 1e4:
        exponent = math.floor(math.log10(abs(value)))
        mantissa = format_number(value / 10.0 ** exponent).replace("−", "-")
        return rf"{mantissa}\times10^{{{exponent}}}"
    return format_number(value).replace("−", "-")


def slope_latex(name: str, max_derivative: float) -> str:
    """The slope's formula and, from the core, its largest value: "… ≤ 1/4"."""
    return rf"{SLOPES[name]}\;\le\;{latex_number(max_derivative)}"


def saturation_text(intervals, z_range) -> str:
    """Where a function saturates, in words: "|z| > 3.87", "z < 0", "nowhere"."""
    low, high = z_range
    if not intervals:
        return translate("ActivationNotes", "nowhere")
    parts = []
    if (len(intervals) == 2 and intervals[0][0] == low and intervals[1][1] == high
            and math.isclose(-intervals[0][1], intervals[1][0], rel_tol=1e-9, abs_tol=1e-9)):
        return f"|z| > {format_number(intervals[1][0])}"
    for lo, hi in intervals:
        if lo == low:
            parts.append(f"z < {format_number(hi)}")
        elif hi == high:
            parts.append(f"z > {format_number(lo)}")
        else:
            parts.append(f"{format_number(lo)} < z < {format_number(hi)}")
    return ", ".join(parts)


def count_text(count: int) -> str:
    """10⁶ for a million, else the number."""
    exponent = round(math.log10(count)) if count > 0 else 0
    if count >= 1000 and 10 ** exponent == count:
        return "10" + str(exponent).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return format_number(count)


def colour_text(widget: QWidget, colour: str) -> None:
    """``widget``'s text in ``colour``, bold (the size follows the theme's font)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    palette.setColor(QPalette.ColorRole.Text, QColor(colour))
    widget.setPalette(palette)
    bold = QFont()
    bold.setBold(True)
    widget.setFont(bold)


def _label(text: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if wrap:
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class NotesView(QWidget):
    """A lead, rows, a note and buttons (see the module docstring); a subclass fills them
    and updates them in ``update_frame``."""

    slug = "notes"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = NORMAL
        self.formulas: list[Formula] = []
        self.content = QWidget()
        self.content.setAutoFillBackground(False)
        self._layout = QVBoxLayout(self.content)
        self._layout.setContentsMargins(8, 6, 8, 6)
        self.lead = _label()
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(4)
        self.note = _label()
        self.buttons = QVBoxLayout()
        self._layout.addWidget(self.lead)
        self._layout.addLayout(self.grid)
        self._layout.addLayout(self.buttons)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)
        self.scroll = scroll_area_filling(self, self.content)
        # white as the plots, on screen and in a figure
        self.scroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.scroll.viewport().setAutoFillBackground(True)
        self._fills = True
        self.set_fills(True)

    def set_fills(self, fills: bool) -> None:
        """Fill the place the page gives (beside the plot), or (above it) be no taller than
        the notes, the plot taking the rest."""
        self._fills = fills
        vertical = QSizePolicy.Policy.Ignored if fills else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = self.content.sizeHint()
        width = self.width() if self.width() > 0 else hint.width()
        height = self.content.heightForWidth(width)
        return QSize(hint.width(), height if height > 0 else hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._lay_out_rows()
        if not self._fills and event.size().width() != event.oldSize().width():
            self.updateGeometry()  # its height follows its width

    def set_function_rows(self, headings: list[QLabel],
                          rows: list[tuple[QLabel, Formula, list[QLabel]]]) -> None:
        """A row per function: its name, its formula and its numbers under ``headings``,
        on one line where the notes are wide, or (compact) the formula on a line of its
        own under the name and the numbers."""
        self._headings = headings
        self._rows = rows
        self._lay_out_rows()

    def _compact(self) -> bool:
        """Whether the names, formulas and numbers are too wide for one line each. A
        number's column is counted at least NUMBER_EMS wide, so that the layout does not
        change back and forth as the numbers change with z."""
        em = QFontMetrics(font_of(self.theme)).height()
        spacing = self.grid.horizontalSpacing()
        columns = [[name for name, _, _ in self._rows], [f for _, f, _ in self._rows]]
        columns += [list(column) for column in zip(self._headings,
                                                    *(numbers for _, _, numbers in self._rows))]
        widths = [max(widget.sizeHint().width() for widget in column) for column in columns]
        widths[2:] = [max(width, NUMBER_EMS * em) for width in widths[2:]]
        margins = self._layout.contentsMargins()
        wide = sum(widths) + spacing * len(widths) + margins.left() + margins.right()
        return self.scroll.viewport().width() < wide

    def _lay_out_rows(self) -> None:
        if not getattr(self, "_rows", None):
            return
        compact = self._compact()
        if compact == getattr(self, "_compact_now", None):
            return
        self._compact_now = compact
        grid = self.grid
        for widget in [*self._headings, *(w for name, formula, numbers in self._rows
                                          for w in (name, formula, *numbers))]:
            grid.removeWidget(widget)
        for column in range(grid.columnCount()):
            grid.setColumnStretch(column, 0)
        first = 1 if compact else 2  # the numbers' first column
        right = Qt.AlignmentFlag.AlignRight
        for column, heading in enumerate(self._headings, start=first):
            grid.addWidget(heading, 0, column, right)
        columns = first + len(self._headings)
        for index, (name, formula, numbers) in enumerate(self._rows):
            row = 1 + (2 * index if compact else index)
            grid.addWidget(name, row, 0)
            if compact:
                grid.addWidget(formula, row + 1, 0, 1, columns + 1)
            else:
                grid.addWidget(formula, row, 1)
            for column, number in enumerate(numbers, start=first):
                grid.addWidget(number, row, column, right)
        grid.setColumnStretch(columns, 1)
        self.updateGeometry()

    def formula(self, latex: str, scale: float = FORMULA_SCALE) -> Formula:
        formula = Formula(latex, scale)
        self.formulas.append(formula)
        return formula

    def name_label(self, name: str) -> QLabel:
        label = _label(activation_label(name), wrap=False)
        colour_text(label, ACTIVATION_COLOURS[name])
        return label

    def button(self, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tooltip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the window's
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self.buttons.addLayout(row)
        return button

    def export_widget(self) -> QWidget:
        return self

    def update_frame(self, frame: ActivationsFrame) -> None:
        pass

    def apply_theme(self, theme: Theme) -> None:
        """The theme's font for every word (the names bold), its size for every formula."""
        self.theme = theme
        for formula in self.formulas:
            formula.apply_theme(theme)
        for widget in [*self.content.findChildren(QLabel), *self.content.findChildren(QPushButton)]:
            widget.setFont(font_of(theme, bold=widget.font().bold()))
        self._compact_now = None
        self._lay_out_rows()


class DefinitionsNotes(NotesView):
    """Step 1: the five definitions, each with its value at the marked z."""

    slug = "definitions"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead.setText(translate(
            "ActivationNotes", "A unit passes its input z = w·x + b through an activation "
                               "f: its output is a = f(z)."))
        self.at_z = _label(wrap=False)
        self.values = {name: _label(wrap=False) for name in ACTIVATION_NAMES}
        self.set_function_rows([self.at_z], [
            (self.name_label(name), self.formula(DEFINITIONS[name], ROW_FORMULA_SCALE),
             [self.values[name]]) for name in ACTIVATION_NAMES])
        self.note.setText(translate(
            "ActivationNotes", "Move z with the slider (or type it): each point sits on its "
                               "curve, its dashed tangent has the function's slope there."))

    @property
    def title(self) -> str:
        return translate("ActivationNotes", "Definitions")

    def update_frame(self, frame: ActivationsFrame) -> None:
        self.at_z.setText(fill(translate("ActivationNotes", "f(z) at z = %1"),
                               format_number(frame.z)))
        for name, label in self.values.items():
            label.setText(format_number(frame.points[name][0]))


class SaturationNotes(NotesView):
    """Step 2: each slope's formula with its largest value, its value at z and where it
    saturates."""

    slug = "saturation"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.at_z = _label(wrap=False)
        self.saturated_heading = _label(translate("ActivationNotes", "saturated"), wrap=False)
        self.slopes = {name: self.formula("", ROW_FORMULA_SCALE) for name in ACTIVATION_NAMES}
        self.values = {name: _label(wrap=False) for name in ACTIVATION_NAMES}
        self.saturated = {name: _label(wrap=False) for name in ACTIVATION_NAMES}
        self.set_function_rows([self.at_z, self.saturated_heading], [
            (self.name_label(name), self.slopes[name], [self.values[name], self.saturated[name]])
            for name in ACTIVATION_NAMES])
        self._threshold = None

    @property
    def title(self) -> str:
        return translate("ActivationNotes", "Largest slopes and saturation")

    def update_frame(self, frame: ActivationsFrame) -> None:
        self.at_z.setText(fill(translate("ActivationNotes", "f′ at z = %1"),
                               format_number(frame.z)))
        for name in ACTIVATION_NAMES:
            curve = frame.curves[name]
            self.slopes[name].set_latex(slope_latex(name, curve.max_derivative))
            self.values[name].setText(format_number(frame.points[name][1]))
            self.saturated[name].setText(saturation_text(
                curve.saturated, (float(curve.z[0]), float(curve.z[-1]))))
        if frame.threshold != self._threshold:
            self._threshold = frame.threshold
            threshold = format_number(frame.threshold)
            self.lead.setText(fill(translate(
                "ActivationNotes", "Slope below %1 (shaded under the axis): saturated, a "
                                   "gradient through the unit all but stops."), threshold))
            self.note.setText(translate(
                "ActivationNotes", "f′(z) multiplies every gradient passing back through the "
                                   "unit. The sigmoid's slope is never more than 1/4; tanh's "
                                   "and ReLU's reach 1. ReLU's slope is 0 for every z < 0, "
                                   "leaky ReLU's stays 0.01 there: small, but never zero."))


class DepthNotes(NotesView):
    """Step 3: the chain of slopes in backpropagation and its bound."""

    slug = "depth_notes"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead.setText(translate(
            "ActivationNotes", "Backpropagation multiplies one slope per layer: the gradient "
                               "reaching the first of n layers is"))
        self.chain = self.formula(
            r"\frac{\partial C}{\partial b_1}=\sigma'(z_1)\,w_2\,\sigma'(z_2)\,w_3\cdots "
            r"w_n\,\sigma'(z_n)\,\frac{\partial C}{\partial a_n}")
        self.with_weights = _label()
        self.bound = self.formula("")
        self.worked = [self.formula("", ROW_FORMULA_SCALE), self.formula("", ROW_FORMULA_SCALE)]
        for row, widget in enumerate([self.chain, self.with_weights, self.bound, *self.worked]):
            self.grid.addWidget(widget, row, 0)
        self.with_weights.setText(translate(
            "ActivationNotes", "With weights of at most 1, the sigmoid's slopes alone give"))
        self.note.setText(translate(
            "ActivationNotes", "The first layers of a deep sigmoid net hardly learn: their "
                               "gradient vanishes. tanh′ and ReLU′ reach 1, so their bound "
                               "stays 1 (ReLU′ is exactly 1 wherever a unit is on)."))
        self.open_deep = self.button(
            translate("ActivationNotes", "In the lab: deep sigmoid vs ReLU"),
            translate("ActivationNotes", "Open the example “Deep network: sigmoid vs ReLU” in "
                                         "the lab: six hidden layers of sigmoid units against "
                                         "ReLU units, from the same start, on handwritten "
                                         "digits"))
        self._key = None

    @property
    def title(self) -> str:
        return translate("ActivationNotes", "Why depth starves sigmoid layers")

    def update_frame(self, frame: ActivationsFrame) -> None:
        slope = frame.curves["sigmoid"].max_derivative
        depths = list(frame.depths)
        key = (slope, tuple(depths))
        if key == self._key:
            return
        self._key = key
        base = rf"\left({latex_number(slope)}\right)"
        self.bound.set_latex(
            rf"\left|\sigma'(z_1)\,\sigma'(z_2)\cdots\sigma'(z_n)\right|\le{base}^{{n}}")
        for formula, n in zip(self.worked, (MARKED_DEPTH, 10)):
            value = float(frame.bounds["sigmoid"][depths.index(n)])
            formula.set_latex(rf"{base}^{{{n}}}={latex_number(value)}"
                              rf"\approx{latex_number(value, exact=False)}")


class LinearityNotes(NotesView):
    """Step 4: linear layers compose to one linear map; the lab's XOR presets."""

    slug = "linearity_notes"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead.setText(translate(
            "ActivationNotes", "Without a non-linearity each layer is a linear map, and two "
                               "linear maps make one:"))
        self.collapse = self.formula(
            r"W_2\,(W_1x+b_1)+b_2=(W_2W_1)\,x+(W_2b_1+b_2)")
        self.grid.addWidget(self.collapse, 0, 0)
        self.note.setText(translate(
            "ActivationNotes", "However many linear layers: one linear map, one straight cut "
                               "through the plane, no better than no hidden layer at all. No "
                               "straight cut separates XOR's classes. In the lab, watch the "
                               "decision regions: linear units stay one straight cut, tanh "
                               "units bend around the corners."))
        self.open_xor = self.button(
            translate("ActivationNotes", "In the lab: XOR, linear vs tanh"),
            translate("ActivationNotes", "Open the example “XOR: linear vs tanh hidden units” "
                                         "in the lab: a 2-8-2 network on noisy XOR, linear "
                                         "hidden units against tanh units"))
        self.open_deep_xor = self.button(
            translate("ActivationNotes", "In the lab: three linear layers"),
            translate("ActivationNotes", "Open the example “XOR: three linear hidden layers vs "
                                         "tanh” in the lab: a 2-8-8-8-2 network on noisy XOR; "
                                         "more linear layers do not help"))

    @property
    def title(self) -> str:
        return translate("ActivationNotes", "Why a network needs a non-linearity")


class CostNotes(NotesView):
    """Step 5: the times measured here, their ratios to ReLU, and ReLU's zeros."""

    slug = "cost_notes"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lead.setText(translate(
            "ActivationNotes", "The sigmoid and tanh need exponentials; ReLU only compares z "
                               "with 0, and its slope is 0 or 1."))
        self.measure = QPushButton(translate("ActivationNotes", "Measure"))
        self.measure.setToolTip(fill(translate(
            "ActivationNotes", "Time each function and its slope on %1 values on this "
                               "computer (the best of %2 runs)"),
            format_number(TIMING_SIZE), TIMING_REPEATS))
        self.measure.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the window's
        row = QHBoxLayout()
        row.addWidget(self.measure)
        row.addStretch(1)
        self._layout.insertLayout(1, row)
        self.status = _label()
        self._layout.insertWidget(2, self.status)
        headings = ("", "f(z)", "f′(z)")
        for column, text in enumerate(headings):
            self.grid.addWidget(_label(text, wrap=False), 0, column, Qt.AlignmentFlag.AlignRight)
        self.cells: dict[str, list[QLabel]] = {}
        for row, name in enumerate(ACTIVATION_NAMES, start=1):
            self.grid.addWidget(self.name_label(name), row, 0)
            self.cells[name] = [_label(wrap=False) for _ in range(2)]
            for column, cell in enumerate(self.cells[name], start=1):
                self.grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignRight)
        self.grid.setColumnStretch(3, 1)
        self.measuring = False

    @property
    def title(self) -> str:
        return translate("ActivationNotes", "Why ReLU is cheap and sparse")

    def update_frame(self, frame: ActivationsFrame) -> None:
        timings = frame.timings
        self.measure.setEnabled(not self.measuring)
        if self.measuring:
            self.status.setText(translate("ActivationNotes", "Measuring…"))
        elif not timings:
            self.status.setText(translate("ActivationNotes", "Not measured yet."))
        else:
            self.status.setText(fill(translate(
                "ActivationNotes", "Milliseconds for %1 values on this computer, the best of "
                                   "%2 runs (beside the bars: how many times ReLU's time):"), count_text(timings[0].size), TIMING_REPEATS))
        by_name = {t.name: t for t in timings or ()}
        for name, (value, slope) in self.cells.items():
            timing = by_name.get(name)
            if timing is None:
                value.setText("—")
                slope.setText("—")
                continue
            value.setText(format_number(1000 * timing.value_seconds))
            slope.setText(format_number(1000 * timing.derivative_seconds))
        relu = by_name.get("relu")
        share = "—" if relu is None else f"{format_number(100 * relu.zero_share)} %"
        self.note.setText(fill(translate(
            "ActivationNotes", "Sparse: ReLU's output is exactly 0 for every z < 0 (here %1 "
                               "of the values), so only some units of a layer are on, and an "
                               "off unit passes no gradient back. In the lab, see how many "
                               "hidden units sit at zero."), share))
