"""A step of a walkthrough in words and typeset formulas: a lead sentence, a grid of lines
(words, formulas, or both), and a closing note, set a little smaller where its place is too
low for it, and scrolling only beyond that.

:class:`StepTextView` is what the lessons that walk through formulas share; each lesson
says how its lines fill the grid (``_lay_out_lines``), how far the step may shrink
(``_fit_to``), its sizes and its title in its own translation context. The formulas are
typeset (:class:`~nnlab.gui.widgets.formula.Formula`); the words are Qt labels, in the
interface's language.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QLabel, QLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from nnlab.gui.text import fill
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.views.base import font_of
from nnlab.gui.widgets.formula import Formula

#: The property that holds a label's size relative to the theme's font.
SCALE_PROPERTY = "step_scale"


@dataclass(frozen=True)
class StepText:
    """The words and formulas of a step: a lead sentence, its lines (of the lesson's own
    kind: the view that shows them lays them out) and a closing note."""

    title: str
    lead: str
    lines: tuple
    note: str = ""


class FittedFormula(Formula):
    """A formula whose height follows its width: shrunk to fit a narrow place, it asks for
    only the height it then takes, not the height it would have at full size. It is shrunk
    down to ``min_width`` pixels, and cut beyond."""

    def __init__(self, latex: str, scale: float, min_width: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(latex, scale=scale, parent=parent)
        self._min_width = min_width
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
        return QSize(min(self.sizeHint().width(), self._min_width), 4)


def scroll_area_filling(view: QWidget, content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that fills ``view`` and never scrolls sideways
    (the words wrap to its width instead)."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    layout = QVBoxLayout(view)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll


class StepTextView(QWidget):
    """The words and formulas of the step on show (``update_frame``; a frame has ``step``
    and ``text``, a :class:`StepText`). A lesson's subclass sets the sizes below, says its
    title (:meth:`_title_texts`), how a step's lines fill the grid (:meth:`_lay_out_lines`)
    and the size the step is set at in its place (:meth:`_fit_to`)."""

    slug = "formula"
    #: Sizes relative to the theme's font: the lead sentence (and the gaps are counted in
    #: its lines) and the closing note.
    lead_scale = 1.0
    note_scale = 1.0
    #: Between the lead, the formulas and the note, in lines of the lead.
    gap_lines = 0.5
    #: Between the grid's columns, in those gaps.
    column_gaps = 1
    #: A formula is shrunk to fit down to this width (pixels), and cut beyond.
    min_formula_width = 60

    def __init__(self, content_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = NORMAL
        self._frame = None
        self._text: StepText | None = None
        self.density = 1.0
        self.labels: list[QLabel] = []
        self.formulas: list[Formula] = []

        self.content = QWidget()
        self.content.setObjectName(content_name)
        self.content.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self.content)
        # as high as its words need at its width (heightForWidth), not as high as they would
        # be at their narrowest (a wrapped label's minimum size): that left a scroll bar
        # where everything fitted
        self._layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.lead = self._label(self.lead_scale)
        self.lines = QWidget()
        self._grid = QGridLayout(self.lines)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self.note = self._label(self.note_scale)
        self._layout.addWidget(self.lead)
        self._layout.addWidget(self.lines)
        self._layout.addWidget(self.note)
        self._layout.addStretch(1)

        self.scroll = scroll_area_filling(self, self.content)
        # its place comes from the dashboard, not from how long the step is
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.apply_theme(NORMAL)

    # -- what a lesson says ----------------------------------------------------------------
    def _title_texts(self) -> tuple[str, str]:
        """The view's title before a step is shown, and a step's ("Step %1: %2": its number
        and title), translated in the lesson's context."""
        raise NotImplementedError

    def _lay_out_lines(self, text: StepText) -> list[QWidget]:
        """The step's lines in ``self._grid`` (labels from :meth:`_line_label`, formulas from
        :meth:`_formula`); returns the widgets made."""
        raise NotImplementedError

    def _fit_to(self, width: int, height: int) -> None:
        """The step set (:meth:`_style`) at the density it takes in ``width`` × ``height``
        pixels."""
        raise NotImplementedError

    # -- the view --------------------------------------------------------------------------
    @property
    def title(self) -> str:
        """The step on show, as an exported figure's heading says it."""
        untitled, step = self._title_texts()
        if self._frame is None:
            return untitled
        return fill(step, self._frame.step + 1, self._text.title)

    def export_widget(self) -> QWidget:
        # the view itself, not its content: a scroll area keeps its content at its own size,
        # so only the view can be laid out for a slide (and the step set to fit it); an
        # export leaves scroll bars out
        return self

    def update_frame(self, frame) -> None:
        self._frame = frame
        if frame.text == self._text:
            return
        self._text = frame.text
        self._build(frame.text)
        self._fit()

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

    # -- building a step -------------------------------------------------------------------
    def _label(self, scale: float, words: str = "") -> QLabel:
        label = QLabel(words)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        label.setProperty(SCALE_PROPERTY, scale)
        self.labels.append(label)
        return label

    def _line_label(self, scale: float, words: str) -> QLabel:
        """A line's words, in the grid."""
        label = self._label(scale, words)
        label.setParent(self.lines)
        return label

    def _formula(self, latex: str, scale: float) -> FittedFormula:
        """A line's formula, in the grid."""
        formula = FittedFormula(latex, scale, self.min_formula_width, parent=self.lines)
        self.formulas.append(formula)
        return formula

    def _build(self, text: StepText) -> None:
        """The words and formulas of ``text``, in place of the last step's."""
        for widget in self.lines.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self._grid.removeWidget(widget)
            self._forget(widget)
            widget.hide()  # deleted only when the event loop is next reached
            widget.deleteLater()
        self.lead.setText(text.lead)
        self.note.setText(text.note)
        self.note.setVisible(bool(text.note))
        for widget in self._lay_out_lines(text):
            widget.show()  # now, not when the event loop gets to it: it is measured next
        self._style(self.density)

    def _forget(self, widget: QWidget) -> None:
        if widget in self.labels:
            self.labels.remove(widget)
        if widget in self.formulas:
            self.formulas.remove(widget)

    # -- fitting it in its place -----------------------------------------------------------
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
        line = font_of(theme, self.lead_scale * density)
        gap = round(self.gap_lines * line.pointSizeF() * self.logicalDpiY() / 72.0)
        self._layout.setSpacing(gap)
        self._grid.setVerticalSpacing(max(2, gap // 2))
        self._grid.setHorizontalSpacing(gap * self.column_gaps)
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

    def _fit(self) -> None:
        """The step set to fit the view's place (:meth:`_fit_to`)."""
        if self._text is None:
            return
        # the view's own size: the scroll area fills it (without a scroll bar once the step
        # fits) but follows it only when laid out, which a hidden dashboard page is not
        width, height = self.width(), self.height()
        if width <= 0 or height <= 0:
            return
        self._fit_to(width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()
