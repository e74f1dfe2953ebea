"""The gradient taken apart, with the numbers of the epoch on show.

The lesson in one table: with the quadratic cost ∂C/∂b = (a − y)·σ′(z), and where the neuron
saturates σ′(z) is tiny, so the step is tiny however wrong a is; with cross-entropy
∂C/∂b = a − y, σ′(z) has cancelled. One row per quantity (its formula on the left, small),
one column per run, so the two runs' numbers stand side by side; a small σ′(z) is
highlighted, and one sentence under the table says what it does to the quadratic cost.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor, QTextOption, QTextTable
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from nnlab.gui.frame import LessonFrame, RunFrame
from nnlab.gui.number_text import MINUS, format_number
from nnlab.gui.theme import NORMAL, Theme

#: Below this, σ′(z) is highlighted: the quadratic cost's step is under a tenth of the error.
SMALL_FACTOR = 0.1

PRIME = "\u2032"
SIGMA_PRIME = "σ" + PRIME + "(z)"
_HIGHLIGHT_BACKGROUND = "#FFE08A"  # amber: reads on white in a bright lecture hall
_STRIPE_BACKGROUND = "#F0F0F0"     # every other row: the eye follows a row across the runs
#: The formulas (left column, and in the ∂C/∂b cells) relative to the numbers.
FORMULA_SCALE = 0.75


def _cell_text(cell) -> str:
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n").replace("\u00a0", " ")


def _unbroken(text: str) -> str:
    """``text`` escaped, on one line whatever the width."""
    return f"<span style='white-space:nowrap'>{html.escape(text)}</span>"


class BreakdownView(QWidget):
    """At the shown epoch, one column per run: z, a, σ′(z), the cost C, ∂C/∂b with the cost's
    formula and ∂C/∂w. Rich text in a read-only browser, sized to fit its cell in the lesson
    window (505 × 560 px at 20 pt, 360 × 330 px at 10 pt) without scrolling."""

    slug = "breakdown"

    def __init__(self, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setObjectName("breakdown_text")
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.browser.document().setDocumentMargin(6)
        # between words only (QTextEdit's default also breaks inside a word, which makes
        # the table give a column less room than its longest word)
        self.browser.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        # the window's export menu is the context menu here, not the browser's Copy /
        # Select All: the event goes on to this view (the viewport receives it first)
        for widget in (self.browser, self.browser.viewport()):
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.theme = NORMAL
        self._frame: LessonFrame | None = None
        self._html = ""
        self.apply_theme(theme if theme is not None else NORMAL)
        self._show(self._empty_html())

    @property
    def title(self) -> str:
        return self.tr("Gradient breakdown")

    def export_widget(self) -> QWidget:
        return self.browser

    def html(self) -> str:
        return self._html

    def plain_text(self) -> str:
        """What the view reads, without markup (for tests and for copying)."""
        return self.browser.document().toPlainText()

    def table_text(self) -> list[list[str]]:
        """The table as rows of cell texts (the header row first; empty without runs)."""
        for frame in self.browser.document().rootFrame().childFrames():
            if isinstance(frame, QTextTable):
                return [[_cell_text(frame.cellAt(row, column))
                         for column in range(frame.columns())]
                        for row in range(frame.rows())]
        return []

    def fits(self) -> bool:
        """Whether the whole text shows without scrolling at the view's current size."""
        document = self.browser.document()
        viewport = self.browser.viewport()
        # the layout follows the viewport's width, set when the browser was last resized
        document.setTextWidth(viewport.width())
        size = document.size()
        return size.height() <= viewport.height() + 0.5 and \
            size.width() <= viewport.width() + 0.5

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        font = self.browser.font()
        font.setPointSize(theme.font_point_size)
        self.browser.setFont(font)
        self.browser.document().setDefaultFont(font)
        palette = self.browser.palette()
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Window):
            palette.setColor(role, theme.background)
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
            palette.setColor(role, theme.foreground)
        self.browser.setPalette(palette)
        self.browser.viewport().setPalette(palette)
        self._html = ""  # sizes in the markup follow the theme: write it again
        if self._frame is not None:
            self.update_frame(self._frame)
        else:
            self._show(self._empty_html())

    def update_frame(self, frame: LessonFrame) -> None:
        self._frame = frame
        if not frame.runs:
            self._show(self._empty_html())
            return
        self._show(self._header(frame) + self._table(frame) + self._notes(frame))

    # -- the text --------------------------------------------------------------------------
    def _show(self, text: str) -> None:
        if text != self._html:
            self._html = text
            scroll = self.browser.verticalScrollBar().value()
            self.browser.setHtml(text)
            self.browser.verticalScrollBar().setValue(scroll)

    def _empty_html(self) -> str:
        return f"<p>{html.escape(self.tr('No runs to show.'))}</p>"

    def _small(self, *parts: str) -> str:
        """``parts`` in the formulas' smaller size; a line may break between the parts only
        (after "=", never inside "a(1 − a)" or "x·∂C/∂b")."""
        size = max(1.0, self.theme.font_point_size * FORMULA_SCALE)
        text = " ".join(_unbroken(part) for part in parts)
        return f"<span style='font-size:{size:g}pt'>{text}</span>"

    def _header(self, frame: LessonFrame) -> str:
        epoch = (self.tr("Epoch %1 of %2").replace("%1", str(frame.shown_epoch))
                 .replace("%2", str(frame.epochs)))
        sample = (self.tr("x = %1, y = %2").replace("%1", format_number(frame.x))
                  .replace("%2", format_number(frame.y)))
        return (f"<p style='margin-top:0; margin-bottom:4px'><b>{html.escape(epoch)}</b>"
                f" · {html.escape(sample)}</p>")

    def _table(self, frame: LessonFrame) -> str:
        runs = frame.runs
        e, n = html.escape, format_number
        header = "<tr><td></td>" + "".join(
            f"<td><span style='color:{self.theme.run_color(run.name).name()}; "
            f"font-weight:bold'>■\u00a0{e(run.label)}</span></td>"
            for run in runs) + "</tr>"
        values = [self._values(run) for run in runs]

        def cells(render) -> str:
            return "".join(f"<td>{render(run, v)}</td>" if v is not None
                           else "<td>—</td>" for run, v in zip(runs, values))

        def number(key):
            return lambda run, v: e(n(v[key]))

        def slope(run, v):
            text = e(n(v["slope"]))
            return self._highlight(text) if v["slope"] < SMALL_FACTOR else text

        def cost_gradient(run, v):
            formula = {"quadratic": f"(a {MINUS} y)·{SIGMA_PRIME} =",
                       "cross_entropy": f"a {MINUS} y ="}.get(run.name)
            value = _unbroken(n(v["dC_db"]))
            return f"{self._small(formula)} {value}" if formula else value

        rows = [
            (("z =", "w·x + b"), cells(number("z"))),
            (("a =", "σ(z)"), cells(number("a"))),
            ((f"{SIGMA_PRIME} =", f"a(1 {MINUS} a)"), cells(slope)),
            (("C",), cells(number("cost"))),
            (("∂C/∂b",), cells(cost_gradient)),
            (("∂C/∂w =", "x·∂C/∂b"), cells(number("dC_dw"))),
        ]
        body = "".join(
            f"<tr{' bgcolor=' + _STRIPE_BACKGROUND if index % 2 == 0 else ''}>"
            f"<td>{self._small(*label)}</td>{row}</tr>"
            for index, (label, row) in enumerate(rows))
        return (f"<table width='100%' cellspacing='0' cellpadding='3'>"
                f"{header}{body}</table>")

    @staticmethod
    def _values(run: RunFrame) -> dict[str, float] | None:
        if run.index < 0:
            return None
        values = {column: run.value(column) for column in ("z", "a", "cost", "dC_db", "dC_dw")}
        a = values["a"]
        values["slope"] = a * (1.0 - a)  # σ′(z) = σ(z)(1 − σ(z))
        return values

    def _notes(self, frame: LessonFrame) -> str:
        notes = []
        for run in frame.runs:
            if run.index < 0:
                continue
            if run.status == "diverged" and run.message:
                notes.append(f"{run.label}: {run.message}")
        slow = any(run.name == "quadratic" and run.index >= 0
                   and run.value("a") * (1.0 - run.value("a")) < SMALL_FACTOR
                   for run in frame.runs)
        if slow:
            notes.append(self.tr("σ′(z) is small: the quadratic cost learns slowly here; "
                                 "cross-entropy has no σ′(z) factor."))
        return "".join(f"<p style='margin-top:4px; margin-bottom:0'>{html.escape(note)}</p>"
                       for note in notes)

    @staticmethod
    def _highlight(text: str) -> str:
        return (f"<span style='background-color:{_HIGHLIGHT_BACKGROUND}; color:#000000; "
                f"font-weight:bold'>{text}</span>")
