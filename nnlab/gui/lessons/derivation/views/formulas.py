"""The step's words and formulas: a lead sentence, the formulas (the general ones larger,
those with the start's numbers under them), and a closing note.

Formulas are typeset (:class:`~nnlab.gui.widgets.formula.Formula`); the words are Qt labels,
in the interface's language. The whole step is set a little smaller when its place is too
low for it (down to :data:`DENSITIES`' last), and scrolls only beyond that.
"""

from __future__ import annotations

import dataclasses
import math

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from nnlab.gui.lessons.derivation.steps import DerivationFrame, StepText
from nnlab.gui.text import fill
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of
from nnlab.gui.widgets.formula import Formula

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: From roomy to compact: the share of the theme's size the step is set at. The first that
#: fits its place without scrolling is taken: larger where there is room (a full-HD screen),
#: smaller down to the last, and beyond that it scrolls. Not below 0.8: smaller type (8 px
#: on a 1024-pixel screen) cannot be read from the back of a room.
DENSITIES = (1.25, 1.1, 1.0, 0.9, 0.8)

#: Sizes relative to the theme's font: the words, the note, the formulas of a step and those
#: with the start's numbers.
LEAD_SCALE = 1.1
ROW_WORDS_SCALE = 1.0  # the words before a formula on its line
NOTE_SCALE = 0.95
GENERAL_FORMULA_SCALE = 1.5
NUMBERS_FORMULA_SCALE = 1.4
#: A formula is shrunk to fit down to this width (pixels), and cut beyond.
MIN_FORMULA_WIDTH = 80
#: The step is set smaller rather than shrink a formula below this share of its size.
MIN_FORMULA_SHARE = 0.6
#: The property that holds a label's size relative to the theme's font.
SCALE_PROPERTY = "step_scale"
#: Between the lead, the formulas and the note, in line heights.
GAP_LINES = 0.6


class FittedFormula(Formula):
    """A formula whose height follows its width: shrunk to fit a narrow place, it asks for
    only the height it then takes, not the height it would have at full size."""

    def __init__(self, latex: str, scale: float, parent: QWidget | None = None) -> None:
        super().__init__(latex, scale=scale, parent=parent)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        full = self.sizeHint()
        if width >= full.width() or full.width() <= 4:
            return full.height()
        return 4 + math.ceil((full.height() - 4) * max(width - 4, 1) / (full.width() - 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(min(self.sizeHint().width(), MIN_FORMULA_WIDTH), 4)


class StepFormulas(QWidget):
    """The words and formulas of the step on show (``update_frame``)."""

    slug = "formula"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = NORMAL
        self._frame: DerivationFrame | None = None
        self._text: StepText | None = None
        self.density = 1.0
        self.labels: list[QLabel] = []
        self.formulas: list[Formula] = []

        self.content = QWidget()
        self.content.setObjectName("derivation_step")
        self.content.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self.content)
        # as high as its words need at its width (heightForWidth), not as high as they would
        # be at their narrowest (a wrapped label's minimum size): that left a scroll bar
        # where everything fitted
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.lead = self._label(LEAD_SCALE)
        self.lines = QWidget()
        self._grid = QGridLayout(self.lines)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self.note = self._label(NOTE_SCALE)
        self._layout.addWidget(self.lead)
        self._layout.addWidget(self.lines)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        # its place comes from the dashboard, not from how long the step is
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.apply_theme(NORMAL)

    @property
    def title(self) -> str:
        """The step on show, as an exported figure's heading says it."""
        if self._frame is None:
            return translate("StepFormulas", "Formulas")
        return fill(translate("StepFormulas", "Step %1: %2"), self._frame.step + 1,
                    self._text.title)

    def export_widget(self) -> QWidget:
        # the view itself, not its content: a scroll area keeps its content at its own size,
        # so only the view can be laid out for a slide (and the step set to fit it); an
        # export leaves scroll bars out
        return self

    # -- drawing ---------------------------------------------------------------------------
    def update_frame(self, frame: DerivationFrame) -> None:
        self._frame = frame
        if frame.text == self._text:
            return
        self._text = frame.text
        self._build(frame.text)
        self._fit()

    def _label(self, scale: float, words: str = "") -> QLabel:
        label = QLabel(words)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setProperty(SCALE_PROPERTY, scale)
        self.labels.append(label)
        return label

    def _build(self, text: StepText) -> None:
        """The step's lines as rows of the grid: words and a formula side by side, or one of
        them across both columns."""
        for widget in self.lines.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self._grid.removeWidget(widget)
            self._forget(widget)
            widget.hide()  # deleted only when the event loop is next reached
            widget.deleteLater()
        self.lead.setText(text.lead)
        self.note.setText(text.note)
        self.note.setVisible(bool(text.note))
        made: list[QWidget] = []
        for row, line in enumerate(text.lines):
            formula = None
            if line.latex:
                scale = GENERAL_FORMULA_SCALE if line.general else NUMBERS_FORMULA_SCALE
                formula = FittedFormula(line.latex, scale, parent=self.lines)
                self.formulas.append(formula)
                made.append(formula)
            if line.words:
                label = self._label(LEAD_SCALE if formula is None else ROW_WORDS_SCALE,
                                    line.words)
                label.setParent(self.lines)
                made.append(label)
                if formula is None:
                    self._grid.addWidget(label, row, 0, 1, 2)
                else:
                    label.setWordWrap(False)
                    self._grid.addWidget(label, row, 0)
                    self._grid.addWidget(formula, row, 1)
            elif formula is not None:
                self._grid.addWidget(formula, row, 0, 1, 2)
        for widget in made:
            widget.show()  # now, not when the event loop gets to it: it is measured next
        self._style(self.density)

    def _forget(self, widget: QWidget) -> None:
        if widget in self.labels:
            self.labels.remove(widget)
        if widget in self.formulas:
            self.formulas.remove(widget)

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        for widget in (self.content, self.scroll.viewport()):
            palette = widget.palette()
            palette.setColor(QPalette.ColorRole.Window, theme.background)
            palette.setColor(QPalette.ColorRole.WindowText, theme.foreground)
            widget.setPalette(palette)
        self.scroll.viewport().setAutoFillBackground(True)
        self._style(self.density)
        self._fit()

    def _style(self, density: float) -> None:
        """Fonts and formulas at ``density`` times their full size."""
        self.density = density
        theme = self.theme
        for label in self.labels:
            label.setFont(font_of(theme, label.property(SCALE_PROPERTY) * density))
        # a formula is sized by the theme's font: a theme of smaller type sets it smaller
        scaled = dataclasses.replace(theme, font_point_size=theme.font_point_size * density)
        for formula in self.formulas:
            formula.apply_theme(scaled)
        line = font_of(theme, LEAD_SCALE * density)
        gap = round(GAP_LINES * line.pointSizeF() * self.logicalDpiY() / 72.0)
        self._layout.setSpacing(gap)
        self._grid.setVerticalSpacing(max(2, gap // 2))
        self._grid.setHorizontalSpacing(gap)
        margin = max(4, gap)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)

    def _needed_height(self, width: int) -> int:
        # the sizes as they are now: a layout keeps its children's last sizes until the
        # event loop delivers their LayoutRequest
        self._grid.invalidate()
        self.lines.updateGeometry()
        layout = self._layout
        layout.invalidate()
        if layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return layout.totalSizeHint().height()

    def _formulas_shrunk(self, width: int) -> bool:
        """Whether a formula would be drawn at less than MIN_FORMULA_SHARE of its size in a
        step ``width`` pixels wide (a formula beside words has the width the words leave)."""
        left, _, right, _ = self._layout.getContentsMargins()
        inner = width - left - right
        rows = []  # (words beside it or None, formula) of each row with a formula
        for row in range(self._grid.rowCount()):
            first, second = (self._grid.itemAtPosition(row, column) for column in (0, 1))
            if first is None:
                continue
            # (a line across both columns is at both places)
            if second is not None and second.widget() is not first.widget():
                rows.append((first.widget(), second.widget()))
            elif isinstance(first.widget(), Formula):
                rows.append((None, first.widget()))
        words_width = max((words.sizeHint().width() for words, _ in rows if words is not None),
                          default=0)
        beside = inner - words_width - self._grid.horizontalSpacing()
        for words, formula in rows:
            room = inner if words is None else beside
            if formula.sizeHint().width() * MIN_FORMULA_SHARE > room:
                return True
        return False

    def _fit(self) -> None:
        """The largest density at which the step fits its place without scrolling and no
        formula is shrunk much below its size (the words beside it would dwarf it); where
        none does, the largest that fits without scrolling."""
        if self._text is None:
            return
        # the view's own size: the scroll area fills it (without a scroll bar once the step
        # fits) but follows it only when laid out, which a hidden dashboard page is not
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        fitting = None
        for density in DENSITIES:
            self._style(density)
            if self._needed_height(width) <= height:
                if not self._formulas_shrunk(width):
                    return
                if fitting is None:
                    fitting = density
        self._style(fitting if fitting is not None else DENSITIES[-1])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()
