"""What the views draw: one immutable frame per redraw.

A lesson's page builds a frame on its display timer from the session's histories (a
:class:`NeuronFrame` for the one-neuron lesson, a :class:`LabFrame` for the network lab,
each holding one :class:`RunFrame` per run) and hands the same frame to every view
(``view.update_frame(frame)``). Views keep no history of their own and never talk to the
session or the training process: the frame is everything they show, which is also what makes
the timeline work (a frame can show any past epoch) and what lets the headless export draw
the same pictures from finished runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

import numpy as np

from nnlab.core.datasets import Dataset
from nnlab.core.experiment import neuron_run_parts
from nnlab.core.evaluation import Evaluation
from nnlab.core.network import Network
from nnlab.core.neuron import NEURON_COLUMNS, NeuronState, neuron_training
from nnlab.core.training import network_columns

MIN_DRAWN_ROWS = 400
"""A curve or a path draws every row of a run up to this many (the lesson's 300 epochs are
always drawn point by point); longer runs are thinned (see :func:`drawn_rows`)."""

RANGE_SAMPLE_ROWS = 4096
"""Axis ranges and map windows are chosen from at most this many evenly spaced rows of a
run (:meth:`RunFrame.sample`): reading all 10⁵ every frame cost milliseconds, and the
lesson's smooth curves have no extremes between two of 4096 rows."""


def drawn_rows(pixels: float) -> int:
    """How many rows of a run a curve or path ``pixels`` wide draws: about one per pixel,
    at least MIN_DRAWN_ROWS. The curves are smooth; a 10⁵-row history stroked row by row
    costs tens of milliseconds a frame and looks no different."""
    return max(MIN_DRAWN_ROWS, int(pixels))


@dataclass(frozen=True)
class RunFrame:
    """One run as shown, in any lesson.

    ``name`` is the run's key: the cost ("quadratic", "cross_entropy") in the neuron lesson
    (the cost and the start, "quadratic@2", with several starts), the compared setting's
    value ("cross_entropy", "relu", "sgd", "0.5") in the lab.
    ``label`` is its translated text for legends and titles. ``colour`` is the colour every
    view draws it in (``QColor(colour)``); empty, the view takes the run's colour from the
    theme by ``name``.

    ``columns`` maps each column of the run's history (NEURON_COLUMNS, or a network's
    ``network_columns``: NETWORK_COLUMNS, ``gradient_column(l)`` and ``zero_share_column(l)``)
    to a read-only array, one row per recorded epoch (row i is not always epoch i: very long
    runs keep evenly spaced epochs). ``index`` is the row of the
    epoch on show, -1 when the run has no rows yet.

    ``network`` has the parameters of a network run at epoch ``network_epoch`` (the kept
    snapshot nearest to the epoch on show, at or before it); views may call
    ``forward``/``predict`` on it but must not change it. None for a neuron run, and before
    a network run's first record. ``evaluation`` is that network's
    :class:`~nnlab.core.evaluation.Evaluation` when the training process has computed it
    (for the newest epochs it sent), else None: the views then evaluate it themselves.
    """

    name: str
    label: str
    columns: Mapping[str, np.ndarray]
    index: int
    status: str = "idle"
    message: str = ""
    colour: str = ""
    network: Network | None = None
    network_epoch: int = -1
    evaluation: Evaluation | None = None

    def value(self, column: str) -> float:
        """The value of ``column`` at the epoch on show (NaN when there are no rows)."""
        if self.index < 0 or column not in self.columns:
            return float("nan")
        return float(self.columns[column][self.index])

    def upto(self, column: str, at_most: int | None = None) -> np.ndarray:
        """The column from epoch 0 to the epoch on show (what the timeline reveals).

        With ``at_most``: no more than that many rows, evenly spaced, the first and the
        last always among them (what views draw, see :func:`drawn_rows`).
        """
        values = self.columns[column][: self.index + 1]
        if at_most is None:
            return values
        return values[evenly_spaced_rows(0, len(values), at_most)]

    def sample(self, column: str, at_most: int = RANGE_SAMPLE_ROWS) -> np.ndarray:
        """At most ``at_most`` evenly spaced rows of the whole run (first and last among
        them): enough to choose an axis range without reading every row each frame."""
        values = self.columns[column]
        return values[evenly_spaced_rows(0, len(values), at_most)]

    @property
    def n_layers(self) -> int:
        """Weight layers recorded (gradient columns of a network run)."""
        return sum(1 for name in self.columns if name.startswith("gradient_norm_"))


def evenly_spaced_rows(start: int, stop: int, at_most: int) -> slice | np.ndarray:
    """Rows ``start`` … ``stop - 1``, or ``at_most`` of them evenly spaced, the first and
    the last among them."""
    if stop - start <= at_most:
        return slice(start, stop)
    return np.linspace(start, stop - 1, max(at_most, 2)).round().astype(np.intp)


def empty_columns() -> dict[str, np.ndarray]:
    return {name: np.empty(0) for name in NEURON_COLUMNS}


@dataclass(frozen=True)
class NeuronFrame:
    """The lesson's settings and every run at the epoch on show.

    ``shown_epoch`` is the epoch the timeline points at (``live`` True: the newest one).
    ``training`` says more epochs are arriving: views may then save work on details that
    the next frame replaces anyway.
    ``x``, ``y``, ``w0``, ``b0``, ``learning_rate`` and ``epochs`` are the experiment's
    settings, the same for every run. ``starts`` are the experiment's starts (w, b) when it
    has several, the first being (``w0``, ``b0``); empty, every run starts at (w0, b0). A run
    named "cost@k" (see :func:`~nnlab.core.experiment.neuron_run_name`) starts at the k-th.
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
    training: bool = False
    starts: tuple[tuple[float, float], ...] = ()

    def run(self, name: str) -> RunFrame | None:
        for run in self.runs:
            if run.name == name:
                return run
        return None

    @property
    def start_points(self) -> tuple[tuple[float, float], ...]:
        """Every start (w, b) in order: ``starts``, or the one start (w0, b0)."""
        return self.starts if self.starts else ((self.w0, self.b0),)

    @staticmethod
    def cost_of(name: str) -> str:
        """The cost of the run ``name``: "quadratic" for "quadratic" and "quadratic@2"."""
        return neuron_run_parts(name)[0]

    @staticmethod
    def start_index(name: str) -> int:
        """Which start the run ``name`` has (0: the first)."""
        return neuron_run_parts(name)[1]

    def start_of(self, name: str) -> tuple[float, float]:
        """(w, b) where the run ``name`` starts."""
        starts = self.start_points
        index = self.start_index(name)
        return starts[index] if index < len(starts) else starts[0]

    def start_state(self, name: str) -> NeuronState | None:
        """The neuron at epoch 0 of the run ``name`` (None for a cost core does not know):
        where the run begins, computed by core, so a run without rows yet can still show
        its start."""
        w, b = self.start_of(name)
        try:
            return next(neuron_training(self.x, self.y, w, b, self.cost_of(name),
                                        self.learning_rate, 0))
        except ValueError:
            return None

    def shown_values(self, run: RunFrame) -> dict[str, float] | None:
        """Each of NEURON_COLUMNS of ``run`` at the epoch on show; before the run has rows,
        at its start (see :meth:`start_state`). None: neither is known."""
        if run.index >= 0:
            return {column: run.value(column) for column in NEURON_COLUMNS}
        start = self.start_state(run.name)
        if start is None:
            return None
        return {column: float(getattr(start, column)) for column in NEURON_COLUMNS}


def gradient_column(layer: int) -> str:
    """The history column of weight layer ``layer`` (1 = the first, from the inputs)."""
    return f"gradient_norm_{layer}"


def zero_share_column(layer: int) -> str:
    """The history column of the share of hidden layer ``layer``'s outputs that are exactly
    0 (1 = the first hidden layer)."""
    return f"zero_share_{layer}"


def image_shape(n_features: int) -> tuple[int, int] | None:
    """(rows, columns) when ``n_features`` inputs are a square image (64 → 8×8 digits,
    784 → 28×28 MNIST), else None."""
    side = int(round(n_features ** 0.5))
    return (side, side) if side * side == n_features and side >= 4 else None


def empty_lab_columns(n_layers: int) -> dict[str, np.ndarray]:
    return {name: np.empty(0) for name in network_columns(n_layers)}


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
    runs: tuple[RunFrame, ...] = field(default_factory=tuple)
    shown_epoch: int = 0
    live: bool = True
    training: bool = False
    compared: str = "cost"

    def run(self, name: str) -> RunFrame | None:
        for run in self.runs:
            if run.name == name:
                return run
        return None

    @property
    def task(self) -> str:
        """"classification" or "regression" (a linear output learning numbers, whose runs
        have no accuracy): the dataset's, which is the experiment's ``data.task``."""
        return getattr(self.dataset, "task", "classification")

    @property
    def is_two_dimensional(self) -> bool:
        """Two inputs: the decision regions can be drawn in the plane."""
        return self.dataset is not None and self.dataset.n_features == 2

    @property
    def image_shape(self) -> tuple[int, int] | None:
        """(rows, columns) when each sample is a square image, else None."""
        return None if self.dataset is None else image_shape(self.dataset.n_features)
