"""The step's words and formulas: a lead sentence, the formulas (the general ones larger,
those with the start's numbers under them), and a closing note.

Formulas are typeset (:class:`~nnlab.gui.widgets.formula.Formula`); the words are Qt labels,
in the interface's language. The whole step is set a little smaller when its place is too
low for it (down to :data:`DENSITIES`' last), and scrolls only beyond that. The view is a
:class:`~nnlab.gui.widgets.step_text.StepTextView`; this module says how the derivation's
lines fill its grid and how small a step may be set.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from nnlab.gui.widgets.formula import Formula
from nnlab.gui.widgets.step_text import StepText, StepTextView

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
#: Between the lead, the formulas and the note, in line heights.
GAP_LINES = 0.6


class StepFormulas(StepTextView):
    """The words and formulas of the step on show (``update_frame``): words and a formula
    side by side on a line, or one of them across both columns."""

    lead_scale = LEAD_SCALE
    note_scale = NOTE_SCALE
    gap_lines = GAP_LINES
    min_formula_width = MIN_FORMULA_WIDTH

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("derivation_step", parent)
        self._grid.setColumnStretch(1, 1)

    def _title_texts(self) -> tuple[str, str]:
        return (translate("StepFormulas", "Formulas"),
                translate("StepFormulas", "Step %1: %2"))

    def _lay_out_lines(self, text: StepText) -> list[QWidget]:
        """The step's lines as rows of the grid: words and a formula side by side, or one of
        them across both columns."""
        made: list[QWidget] = []
        for row, line in enumerate(text.lines):
            formula = None
            if line.latex:
                scale = GENERAL_FORMULA_SCALE if line.general else NUMBERS_FORMULA_SCALE
                formula = self._formula(line.latex, scale)
                made.append(formula)
            if line.words:
                label = self._line_label(LEAD_SCALE if formula is None else ROW_WORDS_SCALE,
                                         line.words)
                made.append(label)
                if formula is None:
                    self._grid.addWidget(label, row, 0, 1, 2)
                else:
                    label.setWordWrap(False)
                    self._grid.addWidget(label, row, 0)
                    self._grid.addWidget(formula, row, 1)
            elif formula is not None:
                self._grid.addWidget(formula, row, 0, 1, 2)
        return made

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

    def _fit_to(self, width: int, height: int) -> None:
        """The largest density at which the step fits its place without scrolling and no
        formula is shrunk much below its size (the words beside it would dwarf it); where
        none does, the largest that fits without scrolling."""
        fitting = None
        for density in DENSITIES:
            self._style(density)
            if self._needed_height(width) <= height:
                if not self._formulas_shrunk(width):
                    return
                if fitting is None:
                    fitting = density
        self._style(fitting if fitting is not None else DENSITIES[-1])
