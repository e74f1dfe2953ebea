"""The gradient taken apart, with the numbers of the epoch on show.

The lesson in one table: with the quadratic cost ∂C/∂b = (a − y)·σ′(z), and where the neuron
saturates σ′(z) is tiny, so the step is tiny however wrong a is; with cross-entropy
∂C/∂b = a − y, σ′(z) has cancelled. One row per quantity (its formula on the left, small),
one column per run, so the two runs' numbers stand side by side; a small σ′(z) is
highlighted, and one sentence under the table says what it does to the quadratic cost.

With several starts there is a column per start and cost, grouped by cost: the cost's name
and its ∂C/∂b formula head its group, once, and each column is headed by its start's marker
and number. Four columns of numbers then fit a cell of the lesson's window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor, QTextOption, QTextTable
from PySide6.QtWidgets import QFrame, QTextBrowser, QVBoxLayout, QWidget

from nnlab.core.activations import sigmoid_prime
from nnlab.core.states import DIVERGED
from nnlab.app.frames import NeuronFrame, RunFrame
from nnlab.gui.text import MINUS, cost_label, fill, format_number, translated
from nnlab.gui.theme import NORMAL, Theme
from nnlab.gui.lessons.neuron.views.notation import DC_DB, DC_DW, SIGMA_PRIME
from nnlab.gui.lessons.neuron.views.run_style import (
    START_GLYPHS, run_colour, run_cost, several_starts,
)

#: Below this, σ′(z) is highlighted: the quadratic cost's step is under a tenth of the error.
SMALL_FACTOR = 0.1

#: From roomy to compact: (text size relative to the theme's, cell padding in pixels). The
#: view takes the first that shows everything without scrolling in its cell (a dashboard
#: cell at 1024 × 768 is about 300 × 250 px), never smaller than MIN_POINT_SIZE.
DENSITIES = ((1.0, 3), (0.9, 2), (0.8, 1), (0.7, 1))
MIN_POINT_SIZE = 7.0

_HIGHLIGHT_BACKGROUND = "#FFE08A"  # amber: reads on white in a bright lecture hall
_STRIPE_BACKGROUND = "#F0F0F0"     # every other row: the eye follows a row across the runs
#: The formulas (left column, and in the ∂C/∂b cells) relative to the numbers.
FORMULA_SCALE = 0.75


WORD_JOINER = "\u2060"
# no line break at a space or after a slash ("x·∂C/∂b" would break after "/"): Qt's rich
# text honours neither "white-space: nowrap" on a span nor a break rule of its own for these
_NO_BREAK = str.maketrans({" ": "\u00a0", "/": "/" + WORD_JOINER})


def _cell_text(cell) -> str:
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return (cursor.selectedText().replace("\u2029", "\n").replace("\u00a0", " ")
            .replace(WORD_JOINER, ""))


def _unbroken(text: str) -> str:
    """``text`` escaped, on one line whatever the width."""
    return html.escape(text).translate(_NO_BREAK)


class BreakdownView(QWidget):
    """At the shown epoch, one column per run: z, a, σ′(z), the cost C, ∂C/∂b with the cost's
    formula and ∂C/∂w. Rich text in a read-only browser that fits its cell in the lesson
    window without scrolling: where the roomy layout does not fit, a more compact one of
    DENSITIES (smaller text, tighter cells) is taken. Lines break between words only, never
    inside a word or a number. A run without rows yet shows its start (epoch 0)."""

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
        self._frame: NeuronFrame | None = None
        self._html = ""
        self._density = 0  # index into DENSITIES of the layout on show
        self.apply_theme(theme if theme is not None else NORMAL)

    @property
    def title(self) -> str:
        return self.tr("Gradient breakdown")

    def export_widget(self) -> QWidget:
        return self.browser

    def html(self) -> str:
        return self._html

    def plain_text(self) -> str:
        """What the view reads, without markup (for tests and for copying)."""
        return self.browser.document().toPlainText().replace(WORD_JOINER, "")

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
        # measured against the viewport without scroll bars: a bar shown for the last text
        # must not make the next one look too wide
        room = self.browser.maximumViewportSize()
        if document.textWidth() != room.width():  # else laid out for it already (setHtml)
            document.setTextWidth(room.width())
        size = document.size()
        fits = size.height() <= room.height() + 0.5 and size.width() <= room.width() + 0.5
        if not fits:  # it scrolls: lay it out for the viewport the bars leave
            document.setTextWidth(self.browser.viewport().width())
        return fits

    @property
    def density(self) -> int:
        """Which of DENSITIES is on show (0: the roomiest)."""
        return self._density

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._density = 0  # more room may fit a roomier layout
        self._html = ""
        self._render()

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
        self._density = 0
        self._render()

    def update_frame(self, frame: NeuronFrame) -> None:
        self._frame = frame
        self._render()

    # -- the text --------------------------------------------------------------------------
    def _render(self) -> None:
        """Show the frame in the current density, or in the first more compact one that
        fits (a frame's numbers may need more room than the last one's)."""
        frame = self._frame
        if frame is None or not frame.runs:
            self._set_density_font(0)
            self._show(self._empty_html())
            return
        for density in range(self._density, len(DENSITIES)):
            self._density = density
            self._set_density_font(density)
            self._show(self._header(frame) + self._table(frame) + self._notes(frame))
            if not self.isVisible() or self.fits():
                break

    def _point_size(self, scale: float = 1.0) -> float:
        """The theme's size × the density's × ``scale``, not below MIN_POINT_SIZE."""
        text_scale = DENSITIES[self._density][0]
        return max(MIN_POINT_SIZE, self.theme.font_point_size * text_scale * scale)

    def _set_density_font(self, density: int) -> None:
        self._density = density
        font = self.browser.document().defaultFont()
        size = self._point_size()
        if font.pointSizeF() != size:
            font.setPointSizeF(size)
            self.browser.document().setDefaultFont(font)
            self._html = ""

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
        size = self._point_size(FORMULA_SCALE)
        text = " ".join(_unbroken(part) for part in parts)
        return f"<span style='font-size:{size:g}pt'>{text}</span>"

    def _header(self, frame: NeuronFrame) -> str:
        epoch = fill(self.tr("Epoch %1 of %2"), frame.shown_epoch, frame.epochs)
        sample = fill(self.tr("x = %1, y = %2"), format_number(frame.x), format_number(frame.y))
        return (f"<p style='margin-top:0; margin-bottom:4px'><b>{html.escape(epoch)}</b>"
                f" · {_unbroken(sample)}</p>")

    @staticmethod
    def _formula(cost: str) -> str | None:
        """The cost's ∂C/∂b before its value ("a − y ="), None for a cost without one."""
        return {"quadratic": f"(a {MINUS} y)·{SIGMA_PRIME} =",
                "cross_entropy": f"a {MINUS} y ="}.get(cost)

    def _run_head(self, run: RunFrame) -> str:
        colour = run_colour(self.theme, run.name).name()
        return (f"<span style='color:{colour}; font-weight:bold'>■\u00a0"
                f"{html.escape(run.label)}</span>")

    def _starts_head(self, frame: NeuronFrame) -> tuple[list[RunFrame], str]:
        """The runs of several starts grouped by cost, and the two header rows over them:
        each cost over its group with its ∂C/∂b formula, each start's marker and number
        over its column."""
        groups: dict[str, list[RunFrame]] = {}
        for run in frame.runs:
            groups.setdefault(run_cost(run.name), []).append(run)
        costs, starts = [], []
        for cost, group in groups.items():
            group.sort(key=lambda run: frame.start_index(run.name))
            colour = run_colour(self.theme, group[0].name).name()
            formula = self._formula(cost)
            formula = (f"<br>{self._small(f'{DC_DB} =', formula.removesuffix(' ='))}"
                       if formula else "")
            costs.append(f"<td colspan='{len(group)}'><span style='color:{colour}; "
                         f"font-weight:bold'>{html.escape(cost_label(cost))}</span>"
                         f"{formula}</td>")
            for run in group:
                index = frame.start_index(run.name)
                glyph = START_GLYPHS[index % len(START_GLYPHS)]
                starts.append(f"<td><span style='color:{colour}'>{glyph}</span>\u00a0"
                              f"{index + 1}</td>")
        runs = [run for group in groups.values() for run in group]
        # "start" once, left of the starts' numbers (the key under the plots has their w, b)
        start = self._small(self.tr("start"))
        return runs, (f"<tr><td></td>{''.join(costs)}</tr>"
                      f"<tr><td>{start}</td>{''.join(starts)}</tr>")

    def _table(self, frame: NeuronFrame) -> str:
        runs = list(frame.runs)
        n = format_number
        several = any(several_starts(run.name) for run in runs)
        if several:
            runs, header = self._starts_head(frame)
        else:
            header = "<tr><td></td>" + "".join(
                f"<td>{self._run_head(run)}</td>" for run in runs) + "</tr>"
        values = [self._values(frame, run) for run in runs]

        def cells(render) -> str:
            return "".join(f"<td>{render(run, v)}</td>" if v is not None
                           else "<td>—</td>" for run, v in zip(runs, values))

        def number(key):
            return lambda run, v: _unbroken(n(v[key]))

        def slope(run, v):
            text = _unbroken(n(v["slope"]))
            return self._highlight(text) if v["slope"] < SMALL_FACTOR else text

        def cost_gradient(run, v):
            # with several starts the formula heads the cost's columns, once
            formula = None if several else self._formula(run_cost(run.name))
            value = _unbroken(n(v["dC_db"]))
            return f"{self._small(formula)} {value}" if formula else value

        rows = [
            (("z =", "w·x + b"), cells(number("z"))),
            (("a =", "σ(z)"), cells(number("a"))),
            ((f"{SIGMA_PRIME} =", f"a(1 {MINUS} a)"), cells(slope)),
            (("C",), cells(number("cost"))),
            ((DC_DB,), cells(cost_gradient)),
            ((f"{DC_DW} =", f"x·{DC_DB}"), cells(number("dC_dw"))),
        ]
        body = "".join(
            f"<tr{' bgcolor=' + _STRIPE_BACKGROUND if index % 2 == 0 else ''}>"
            f"<td>{self._small(*label)}</td>{row}</tr>"
            for index, (label, row) in enumerate(rows))
        padding = DENSITIES[self._density][1]
        return (f"<table width='100%' cellspacing='0' cellpadding='{padding}'>"
                f"{header}{body}</table>")

    @staticmethod
    def _values(frame: NeuronFrame, run: RunFrame) -> dict[str, float] | None:
        """The run's numbers at the epoch on show (its start before it has rows), with σ′(z)
        from core."""
        values = frame.shown_values(run)
        if values is None:
            return None
        values["slope"] = float(sigmoid_prime(values["z"]))
        return values

    def _notes(self, frame: NeuronFrame) -> str:
        notes = []
        slow = False
        for run in frame.runs:
            if run.index >= 0 and run.status == DIVERGED and run.message:
                notes.append(f"{run.label}: {translated(run.message)}")
            values = self._values(frame, run) if run_cost(run.name) == "quadratic" else None
            slow = slow or (values is not None and values["slope"] < SMALL_FACTOR)
        if slow:
            notes.append(self.tr("σ′(z) is small: the quadratic cost learns slowly here; "
                                 "cross-entropy has no σ′(z) factor."))
        return "".join(f"<p style='margin-top:4px; margin-bottom:0'>{html.escape(note)}</p>"
                       for note in notes)

    @staticmethod
    def _highlight(text: str) -> str:
        return (f"<span style='background-color:{_HIGHLIGHT_BACKGROUND}; color:#000000; "
                f"font-weight:bold'>{text}</span>")
