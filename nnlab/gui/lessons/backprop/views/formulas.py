"""The step's words and formulas: a lead sentence, the formulas (the general ones larger,
those with the example's numbers under them, a gradient and its finite difference side by
side), and a closing note.

Formulas are typeset (:class:`~nnlab.gui.widgets.formula.Formula`); the words are Qt labels,
in the interface's language. The whole step is set a little smaller when its place is too
low for it (down to :data:`DENSITIES`' last), and scrolls only beyond that. The view is a
:class:`~nnlab.gui.widgets.step_text.StepTextView`; this module says how the walkthrough's
lines fill its grid (formulas side by side, or one under the other where they do not fit)
and how small a step may be set.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from nnlab.gui.widgets.step_text import StepText, StepTextView

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: From roomy to compact: the share of the theme's size the step is set at; the first that
#: fits without scrolling is taken. Not below 0.8 of the theme's size, nor below
#: MIN_POINT_SIZE: smaller type cannot be read from the back of a room (a projector's large
#: type may go down to 0.6, which is still larger than the normal theme's).
DENSITIES = (1.25, 1.1, 1.0, 0.9, 0.8, 0.7, 0.6)
MIN_DENSITY = 0.8
MIN_POINT_SIZE = 10.0
LEAD_SCALE = 1.05
NOTE_SCALE = 0.95
GENERAL_FORMULA_SCALE = 1.35
NUMBERS_FORMULA_SCALE = 1.25
MIN_FORMULA_WIDTH = 60
GAP_LINES = 0.5


class StepFormulas(StepTextView):
    """The words and formulas of the step on show (``update_frame``)."""

    lead_scale = LEAD_SCALE
    note_scale = NOTE_SCALE
    gap_lines = GAP_LINES
    column_gaps = 2
    min_formula_width = MIN_FORMULA_WIDTH

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("backprop_step", parent)
        #: whether the formulas side by side are set one under the other (a narrow place)
        self.split = False

    def _title_texts(self) -> tuple[str, str]:
        return (translate("BackpropFormulas", "Formulas"),
                translate("BackpropFormulas", "Step %1: %2"))

    def _lay_out_lines(self, text: StepText) -> list[QWidget]:
        """The step's lines as rows of the grid: words in the first column, the formulas in
        the next ones; a line of words alone, or of one formula, across them all. Split
        (``self.split``): the formulas of a line one under the other."""
        if self.split:
            text = dataclasses.replace(text, lines=tuple(
                dataclasses.replace(line, words=line.words if index == 0 else "",
                                    cells=(cell,))
                for line in text.lines
                for index, cell in enumerate(line.cells or ("",))))
            text = dataclasses.replace(text, lines=tuple(
                dataclasses.replace(line, cells=tuple(c for c in line.cells if c))
                for line in text.lines))
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        with_words = any(line.words and line.cells for line in text.lines)
        first = 1 if with_words else 0  # the first column of formulas
        columns = first + max((len(line.cells) for line in text.lines), default=1)
        made: list[QWidget] = []
        for row, line in enumerate(text.lines):
            scale = GENERAL_FORMULA_SCALE if line.general else NUMBERS_FORMULA_SCALE
            column = first if line.words and line.cells else 0
            if line.words:
                label = self._line_label(LEAD_SCALE, line.words)
                made.append(label)
                if line.cells:
                    label.setWordWrap(False)
                    self._grid.addWidget(label, row, 0)
                else:
                    self._grid.addWidget(label, row, 0, 1, columns)
            for index, latex in enumerate(line.cells):
                formula = self._formula(latex, scale)
                made.append(formula)
                last = index == len(line.cells) - 1
                span = columns - column - index if last else 1
                self._grid.addWidget(formula, row, column + index, 1, span)
        self._grid.setColumnStretch(columns - 1, 1)
        return made

    def _build_split(self, split: bool) -> None:
        """The step on show again, its formulas side by side or (``split``) one under the
        other."""
        self.split = split
        self._build(self._text)

    def _fit_to(self, width: int, height: int) -> None:
        """The largest density at which the step fits without scrolling, its formulas side
        by side where they fit so, else one under the other."""
        allowed = [d for d in DENSITIES if d >= MIN_DENSITY
                   or d * self.theme.font_point_size >= MIN_POINT_SIZE]
        side_by_side = any(len(line.cells) > 1 for line in self._text.lines)
        best = None  # (density, split) of the largest setting that fits
        for split in (False, True) if side_by_side else (False,):
            if split != self.split:
                self._build_split(split)
            for density in allowed:
                if best is not None and density <= best[0]:
                    break
                self._style(density)
                if self._needed_height(width) <= height and self._columns_fit(width):
                    best = (density, split)
                    break
        density, split = best if best is not None else (allowed[-1], side_by_side)
        if split != self.split:
            self._build_split(split)
        self._style(density)

    def _columns_fit(self, width: int) -> bool:
        """Whether the formulas side by side (a gradient and its estimate, two updates) fit
        the width at their size: the grid squeezes the last column first, down to nothing."""
        left, _, right, _ = self._layout.getContentsMargins()
        widths: dict[int, int] = {}
        for row in range(self._grid.rowCount()):
            for column in range(self._grid.columnCount()):
                item = self._grid.itemAtPosition(row, column)
                if item is None:
                    continue
                _, _, _, span = self._grid.getItemPosition(self._grid.indexOf(item.widget()))
                if span == 1 or column > 0:  # a line across every column fits itself
                    widths[column] = max(widths.get(column, 0),
                                         item.widget().sizeHint().width())
        spacing = self._grid.horizontalSpacing() * max(len(widths) - 1, 0)
        return sum(widths.values()) + spacing <= width - left - right
