"""What the network lab's views draw: one immutable frame per redraw.

The lab window builds a :class:`LabFrame` on its display timer from the lab session's
histories and hands the same frame to every view (``view.update_frame(frame)``), exactly as
the lesson window does with its :class:`~nnlab.gui.frame.LessonFrame`. Views keep no history
of their own and never talk to the session or the training thread; the frame is everything
they show, which is what makes the timeline work (a frame can show any past epoch).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from nnlab.core.datasets import Dataset
from nnlab.core.network import Network
from nnlab.core.training import NETWORK_COLUMNS

from .frame import evenly_spaced_rows


def gradient_column(layer: int) -> str:
    """The history column of weight layer ``layer`` (1 = the first, from the inputs)."""
    return f"gradient_norm_{layer}"


def image_shape(n_features: int) -> tuple[int, int] | None:
    """(rows, columns) when ``n_features`` inputs are a square image (64 → 8×8 digits,
    784 → 28×28 MNIST), else None."""
    side = int(round(n_features ** 0.5))
    return (side, side) if side * side == n_features and side >= 4 else None


@dataclass(frozen=True)
class LabRunFrame:
    """One run as shown.

    ``name`` is the run's key: the compared setting's value ("cross_entropy", "relu", "sgd",
    "0.5"). ``label`` is its translated text for legends and titles; ``colour`` the colour
    every view draws it in (``QColor(colour)``), the same in every view.

    ``columns`` maps each of NETWORK_COLUMNS ("epoch", "train_cost", "train_accuracy",
    "test_cost", "test_accuracy") and ``gradient_column(l)`` for l = 1 … L to a read-only
    array, one row per recorded epoch (test columns are NaN without a test set). ``index``
    is the row of the epoch on show, -1 when the run has no rows yet.

    ``network`` has the parameters of the run at epoch ``network_epoch`` (the kept snapshot
    nearest to the epoch on show, at or before it); views may call ``forward``/``predict``
    on it but must not change it. None before the run's first record.
    """

    name: str
    label: str
    colour: str
    columns: Mapping[str, np.ndarray]
    index: int
    network: Network | None = None
    network_epoch: int = -1
    status: str = "idle"
    message: str = ""

    def value(self, column: str) -> float:
        """The value of ``column`` at the epoch on show (NaN when there are no rows)."""
        if self.index < 0 or column not in self.columns:
            return float("nan")
        return float(self.columns[column][self.index])

    def upto(self, column: str, at_most: int | None = None) -> np.ndarray:
        """The column from the first row to the epoch on show; with ``at_most`` no more
        than that many rows, evenly spaced, the first and the last always among them."""
        values = self.columns[column][: self.index + 1]
        if at_most is None:
            return values
        return values[evenly_spaced_rows(0, len(values), at_most)]

    @property
    def n_layers(self) -> int:
        """Weight layers recorded (gradient columns)."""
        return sum(1 for name in self.columns if name.startswith("gradient_norm_"))


def empty_lab_columns(n_layers: int) -> dict[str, np.ndarray]:
    names = NETWORK_COLUMNS + tuple(gradient_column(l) for l in range(1, n_layers + 1))
    return {name: np.empty(0) for name in names}


@dataclass(frozen=True)
class LabFrame:
    """The lab's data, settings and every run at the epoch on show.

    ``dataset`` is the data every run learns (identical for all runs). ``layers`` are the
    layer sizes, input first. ``compared`` names the setting the runs differ in ("cost",
    "hidden_activation", "optimizer", "learning_rate"). ``shown_epoch`` is the epoch the
    timeline points at (``live`` True: the newest); ``training`` says more epochs are
    arriving, so views may skip details the next frame replaces anyway.
    """

    dataset: Dataset | None
    layers: tuple[int, ...]
    epochs: int
    runs: tuple[LabRunFrame, ...] = field(default_factory=tuple)
    shown_epoch: int = 0
    live: bool = True
    training: bool = False
    compared: str = "cost"

    def run(self, name: str) -> LabRunFrame | None:
        for run in self.runs:
            if run.name == name:
                return run
        return None

    @property
    def is_two_dimensional(self) -> bool:
        """Two inputs: the decision regions can be drawn in the plane."""
        return self.dataset is not None and self.dataset.n_features == 2

    @property
    def image_shape(self) -> tuple[int, int] | None:
        """(rows, columns) when each sample is a square image, else None."""
        return None if self.dataset is None else image_shape(self.dataset.n_features)
