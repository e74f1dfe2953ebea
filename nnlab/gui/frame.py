"""What the lesson window's views draw: one immutable frame per redraw.

The window builds a :class:`LessonFrame` on its display timer from the session's histories
and hands the same frame to every view (``view.update_frame(frame)``). Views keep no history
of their own and never talk to the session or the training thread: the frame is everything
they show, which is also what makes the timeline work (a frame can show any past epoch) and
what lets the headless export draw the same pictures from finished runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from nnlab.core.neuron import NEURON_COLUMNS


@dataclass(frozen=True)
class RunFrame:
    """One run (one cost) as shown.

    ``columns`` maps each of NEURON_COLUMNS to a read-only array, one row per recorded epoch
    (row i is not always epoch i: very long runs keep evenly spaced epochs). ``index`` is the
    row of the epoch on show, -1 when the run has no rows yet. ``label`` is the translated
    name for legends; ``name`` is the cost's key ("quadratic", "cross_entropy"), which picks
    the run's colour from the theme.
    """

    name: str
    label: str
    columns: Mapping[str, np.ndarray]
    index: int
    status: str = "idle"
    message: str = ""

    def value(self, column: str) -> float:
        """The value of ``column`` at the epoch on show (NaN when there are no rows)."""
        if self.index < 0:
            return float("nan")
        return float(self.columns[column][self.index])

    def upto(self, column: str) -> np.ndarray:
        """The column from epoch 0 to the epoch on show (what the timeline reveals)."""
        return self.columns[column][: self.index + 1]


def empty_columns() -> dict[str, np.ndarray]:
    return {name: np.empty(0) for name in NEURON_COLUMNS}


@dataclass(frozen=True)
class LessonFrame:
    """The lesson's settings and every run at the epoch on show.

    ``shown_epoch`` is the epoch the timeline points at (``live`` True: the newest one).
    ``x``, ``y``, ``w0``, ``b0``, ``learning_rate`` and ``epochs`` are the experiment's
    settings, the same for every run.
    """

    x: float
    y: float
    w0: float
    b0: float
    learning_rate: float
    epochs: int
    runs: tuple[RunFrame, ...] = field(default_factory=tuple)
    shown_epoch: int = 0
    live: bool = True

    def run(self, name: str) -> RunFrame | None:
        for run in self.runs:
            if run.name == name:
                return run
        return None
