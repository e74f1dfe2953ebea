"""How the lesson's views tell its runs apart: each cost by its colour, each start by its line
style and its marker.

With one start the runs are named by their costs ("quadratic") and look as they always have:
the cost's colour, solid lines, and the markers of the runs' order. With several starts
(``neuron.starts``) the runs are "cost@k" (see :func:`nnlab.core.experiment.neuron_run_name`):
the colour still says the cost, and the k-th start's line style and marker, the same in every
view and in the key under the plots, say which start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPen

from nnlab.app.frames import NeuronFrame
from nnlab.gui.text import cost_label, fill, format_number
from nnlab.gui.theme import Theme
from nnlab.gui.views.base import RUN_SYMBOLS, run_pen

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: Each start's line style: the first solid, then dashed, dotted, dash-dotted.
START_PEN_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine,
                    Qt.PenStyle.DashDotLine)
#: Each start's marker (pyqtgraph's names: circle, square, triangle, diamond) ...
START_SYMBOLS = ("o", "s", "t", "d")
#: ... and the same marker and line style as text, for the key under the plots.
START_GLYPHS = ("●", "■", "▼", "◆")
START_LINE_GLYPHS = ("━", "╍", "┅", "┉")


def several_starts(name: str) -> bool:
    """Whether the run ``name`` is one of an experiment with several starts."""
    return NeuronFrame.cost_of(name) != name


def run_cost(name: str) -> str:
    """The run's cost: "quadratic" for "quadratic" and "quadratic@2"."""
    return NeuronFrame.cost_of(name)


def run_start_index(name: str) -> int:
    """Which start the run has (0: the first, and the only one of a single start)."""
    return NeuronFrame.start_index(name)


def run_colour(theme: Theme, name: str) -> QColor:
    """The run's colour: its cost's."""
    return theme.run_color(run_cost(name))


def start_pen(theme: Theme, name: str, width_scale: float = 1.0) -> QPen:
    """The run's pen: its cost's colour (see :func:`~nnlab.gui.views.base.run_pen`) in its
    start's line style."""
    return run_pen(theme, run_cost(name), width_scale, run_pen_style(name))


def run_pen_style(name: str) -> Qt.PenStyle:
    """The run's line style: its start's (solid for the first, and for a single start)."""
    return START_PEN_STYLES[NeuronFrame.start_index(name) % len(START_PEN_STYLES)]


def run_symbol(name: str, order: int) -> str:
    """The run's marker: its start's, or with one start the ``order``-th of RUN_SYMBOLS (the
    two costs' markers differ, as they always have)."""
    if several_starts(name):
        return START_SYMBOLS[NeuronFrame.start_index(name) % len(START_SYMBOLS)]
    return RUN_SYMBOLS[order % len(RUN_SYMBOLS)]


def run_glyph(name: str) -> str:
    """The run's marker and line style as text ("━●━"), or the plain colour square of a run
    of a single start."""
    if not several_starts(name):
        return "■"
    index = NeuronFrame.start_index(name)
    line = START_LINE_GLYPHS[index % len(START_LINE_GLYPHS)]
    return f"{line}{START_GLYPHS[index % len(START_GLYPHS)]}{line}"


def run_label(name: str, starts) -> str:
    """The run's name for people: its cost ("quadratic"), or with several ``starts`` (w, b)
    its cost and start, "quadratic, start 1 (w = 0.6, b = 0.9)"."""
    cost, index = NeuronFrame.cost_of(name), NeuronFrame.start_index(name)
    if cost == name or index >= len(starts):
        return cost_label(cost)
    w, b = starts[index]
    return fill(translate("NeuronPage", "%1, start %2 (w = %3, b = %4)"), cost_label(cost),
                index + 1, format_number(w), format_number(b))


def short_run_label(name: str) -> str:
    """The run's cost and, of several starts, the start's number: "quadratic, start 1" (where
    the start's w and b are said elsewhere: the key, the sigmoid's start markers)."""
    cost = NeuronFrame.cost_of(name)
    if cost == name:
        return cost_label(cost)
    return fill(translate("NeuronPage", "%1, start %2"), cost_label(cost),
                NeuronFrame.start_index(name) + 1)
