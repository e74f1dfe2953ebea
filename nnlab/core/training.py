"""The network training loop, as a generator of per-epoch records.

``train_network`` yields one :class:`EpochRecord` per epoch, starting with epoch 0 (the
network as initialised, before any update), and optionally a :class:`StepRecord` after every
gradient step. It prints nothing, keeps no global state and draws every random choice (the
order of the mini-batches) from the generator it is given. Whoever drives it (the CLI, a test,
the GUI's training process) decides when to take the next record, so stopping or pausing between
records needs no cooperation from this module.

An epoch may take seconds (a wide network, one sample per step). A driver that must be able to
stop or pause within it asks for ``work_marks``: between mini-batches, at least that many
seconds of work apart, the generator then yields :data:`WORKING`, a marker that carries no
data. Taking the next item after it simply continues the epoch where it was; a driver that
stops taking items ends the run there. The records themselves are the same with or without
marks (the marks change no computation and draw nothing).

Divergence guard: when the training cost or a gradient becomes NaN or infinite, the run ends
with a record whose status is DIVERGED (see :mod:`.states`) and whose message names the epoch
and the cause. Nothing is raised to the caller for it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple, Union

import numpy as np

from .costs import Cost
from .history import DEFAULT_MAX_ROWS, RunHistory
from .network import ROWS_AT_ONCE, Network, gradient_norms
from .optimizers import GradientDescent, minibatches
from .snapshots import ParameterSnapshots
from .states import DIVERGED, FINISHED, RUNNING
from .text import Message, QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class EpochRecord:
    """The state of a run after ``epoch`` epochs (epoch 0: before any update).

    Costs and accuracies are measured on the whole training and test sets with the
    parameters at the end of the epoch; ``gradient_norms`` are the full-batch gradient norms
    of each weight layer at that point, and ``zero_shares`` the share of each hidden layer's
    outputs on the training set that are exactly 0 (see :func:`hidden_zero_shares`). Test
    values are NaN when there is no test set. ``steps`` (the parameter updates, also
    :attr:`updates`) and ``samples`` are counted from the start of the run.
    ``parameters`` is a read-only copy of ``network.parameters`` at that point when the loop
    was asked to keep them (None otherwise); it takes no part in comparing records.
    """

    epoch: int
    train_cost: float
    train_accuracy: float
    test_cost: float
    test_accuracy: float
    gradient_norms: tuple[float, ...]
    steps: int
    samples: int
    zero_shares: tuple[float, ...] = ()
    status: str = RUNNING
    message: str = ""
    parameters: np.ndarray | None = field(default=None, compare=False, repr=False)

    @property
    def updates(self) -> int:
        """The parameter updates (gradient steps) so far: the history's ``updates``."""
        return self.steps


@dataclass(frozen=True)
class StepRecord:
    """One gradient step: its epoch, the total steps so far and the mini-batch's cost."""

    epoch: int
    step: int
    batch_cost: float


class _Working:
    """The type of :data:`WORKING` (one instance only)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "WORKING"


WORKING = _Working()
"""Yielded by :func:`train_network` with ``work_marks`` between mini-batches of a long
epoch: "still working, nothing to record". Compare with ``is``."""

TrainingRecord = Union[EpochRecord, StepRecord]


def train_network(
    network: Network,
    dataset,
    cost: Cost,
    optimizer: GradientDescent,
    epochs: int,
    rng: np.random.Generator,
    batch_size: int | None = None,
    record_steps: bool = False,
    evaluate: bool = True,
    keep_parameters: bool = False,
    work_marks: float | None = None,
) -> Iterator[TrainingRecord | _Working]:
    """Train ``network`` in place on ``dataset`` (x_train, y_train, x_test, y_test) for
    ``epochs`` epochs of gradient descent with the given batch size (None: full batch).

    With ``evaluate`` False the per-epoch measurement is skipped (costs, accuracies and
    gradient norms are NaN) and divergence is detected from the parameters instead; this is
    for timing the gradient steps alone. With ``keep_parameters`` every EpochRecord carries
    a copy of the parameters after its epoch, for a timeline that can show the network as it
    was at any epoch (a copy per epoch: O(parameters) memory per record). With
    ``work_marks`` (seconds > 0) :data:`WORKING` is yielded between mini-batches whenever
    that much time has passed since the generator last resumed (see the module docstring).
    """
    if work_marks is not None and not work_marks > 0:
        raise ValueError(f"work_marks = {work_marks!r}: must be a number of seconds > 0, "
                         "or None for no marks")
    x = np.ascontiguousarray(dataset.x_train, dtype=network.dtype)
    y = np.ascontiguousarray(dataset.y_train, dtype=network.dtype)
    x_test = np.asarray(dataset.x_test, dtype=network.dtype)
    y_test = np.asarray(dataset.y_test, dtype=network.dtype)
    steps = 0
    samples = 0
    gradient_buffer = np.empty_like(network.parameters)

    def measure(epoch: int) -> EpochRecord:
        nan = float("nan")
        train_cost = train_acc = test_cost = test_acc = nan
        norms = (nan,) * network.n_layers
        zero_shares = (nan,) * (network.n_layers - 1)
        with np.errstate(all="ignore"):
            if evaluate:
                train_cost, grads_w, grads_b, a = network.backprop(x, y, cost)
                norms = gradient_norms(grads_w, grads_b)
                train_acc = network.accuracy(a, y)  # NaN for a regression (no classes)
                zero_shares = hidden_zero_shares(network, x)
                if len(x_test):
                    test_cost, test_acc = network.evaluate(x_test, y_test, cost)
                cause = _divergence_cause(train_cost, norms)
            else:
                total = float(np.sum(network.parameters))
                cause = "" if math.isfinite(total) else Message.of(
                    QT_TRANSLATE_NOOP("core", "a parameter became %1"), total)
        status, message = (FINISHED if epoch == epochs else RUNNING), ""
        if cause:
            status = DIVERGED
            message = Message.of(QT_TRANSLATE_NOOP(
                "core", "diverged at epoch %1: %2 (learning rate %3 may be too large)"),
                epoch, cause, f"{optimizer.learning_rate:g}")
        parameters = None
        if keep_parameters:
            parameters = network.parameters.copy()
            parameters.flags.writeable = False  # handed to other threads: never changed
        return EpochRecord(epoch, train_cost, train_acc, test_cost, test_acc, norms,
                           steps, samples, zero_shares, status, message, parameters)

    record = measure(0)
    yield record
    if record.status == DIVERGED:
        return
    clock = time.perf_counter
    marking = work_marks is not None
    for epoch in range(1, epochs + 1):
        batches = minibatches(x, y, batch_size, rng)
        mark_due = clock() + work_marks if marking else math.inf  # the driver may have waited
        while True:
            # Never yield inside errstate: its state would leak into the driver's code, and
            # a generator resumed in another context (a Qt slot's) could not leave it.
            step = None
            with np.errstate(all="ignore"):  # a diverging run overflows; the guard reports it
                for xb, yb in batches:
                    batch_cost = optimizer.train_step(network, xb, yb, cost, gradient_buffer,
                                                      compute_cost=record_steps)
                    steps += 1
                    samples += len(xb)
                    if record_steps:
                        step = StepRecord(epoch, steps, batch_cost)
                        break
                    if marking and clock() >= mark_due:
                        break
                else:
                    break  # the epoch's last mini-batch is done
            if step is not None:
                yield step
            if marking and clock() >= mark_due:
                yield WORKING
                mark_due = clock() + work_marks  # from the resumption: it may have paused
        record = measure(epoch)
        yield record
        if record.status == DIVERGED:
            return


ZERO_SHARE_ROWS = 8192
"""Training sets of more rows have their zero shares counted on evenly spaced rows, this many
at most: the count is a forward pass through the hidden layers, which for 60,000 MNIST rows
added half the per-epoch measurement; on 7,500 of them the share is within a few tenths of a
per cent, and the small datasets are counted whole."""


def hidden_zero_shares(network: Network, x: np.ndarray) -> tuple[float, ...]:
    """For each hidden layer l = 1 … L−1, the share of the (sample, unit) outputs a^l on the
    rows of ``x`` (ZERO_SHARE_ROWS of them at most, evenly spaced) that are exactly 0: the
    units a ReLU switches off (z ≤ 0), which pass no gradient back for that sample. Sigmoid
    and tanh units are 0 only where they saturate completely, which is rare.

    The rows go through the hidden layers ROWS_AT_ONCE at a time
    (:meth:`Network.hidden_outputs`, the network's own forward pass without its output
    layer), so the count is of the outputs the network computes.
    """
    n_hidden = network.n_layers - 1
    if n_hidden < 1:
        return ()
    if len(x) > ZERO_SHARE_ROWS:
        x = x[:: -(-len(x) // ZERO_SHARE_ROWS)]
    n = len(x)
    if n == 0:
        return (float("nan"),) * n_hidden
    zeros = [0] * n_hidden
    for start in range(0, n, ROWS_AT_ONCE):
        for l, a in enumerate(network.hidden_outputs(x[start:start + ROWS_AT_ONCE])):
            zeros[l] += a.size - np.count_nonzero(a)
    sizes = network.layer_sizes[1:-1]
    return tuple(count / (n * size) for count, size in zip(zeros, sizes))


def _divergence_cause(train_cost: float, norms: tuple[float, ...]) -> str:
    if not math.isfinite(train_cost):
        return Message.of(QT_TRANSLATE_NOOP("core", "the training cost became %1"), train_cost)
    for layer, norm in enumerate(norms, start=1):
        if not math.isfinite(norm):
            return Message.of(QT_TRANSLATE_NOOP("core", "the gradient of layer %1 became %2"),
                              layer, norm)
    return ""


NETWORK_COLUMNS = ("epoch", "updates", "samples", "train_cost", "train_accuracy", "test_cost",
                   "test_accuracy")
"""The columns of every network run's history: the epoch, the parameter updates and the
training samples seen by the end of it (the x axes on which batch, stochastic and mini-batch
descent compare fairly), the costs and the accuracies."""


def network_columns(n_layers: int) -> tuple[str, ...]:
    """A network run's history columns: the NETWORK_COLUMNS, then ``gradient_norm_1`` …
    ``gradient_norm_L``, the norm ‖∂C/∂W^l‖ of each of its ``n_layers`` weight layers, then
    ``zero_share_1`` … ``zero_share_(L−1)``, the share of each hidden layer's outputs that
    are exactly 0 (see :func:`hidden_zero_shares`)."""
    return (NETWORK_COLUMNS
            + tuple(f"gradient_norm_{l}" for l in range(1, n_layers + 1))
            + tuple(f"zero_share_{l}" for l in range(1, n_layers)))


def network_row(record: EpochRecord) -> tuple[float, ...]:
    """The history row (the values of :func:`network_columns`) of one record."""
    return (record.epoch, record.steps, record.samples, record.train_cost,
            record.train_accuracy, record.test_cost, record.test_accuracy,
            *record.gradient_norms, *record.zero_shares)


class NetworkRows(NamedTuple):
    """Some EpochRecords of one run made into what its :class:`NetworkHistory` appends:
    the rows of :func:`network_columns`, the (epoch, parameters) of the records that carry
    parameters, and the steps and samples so far at the newest record."""

    table: np.ndarray
    snapshots: list[tuple[int, np.ndarray]]
    steps: int
    samples: int


def network_rows(records: list[EpochRecord]) -> NetworkRows:
    """The history rows and parameter snapshots of ``records`` (at least one); runs in the
    training process, so that the window's thread, which reads the history, only appends
    arrays."""
    table = np.array([network_row(r) for r in records], dtype=float)
    snapshots = [(r.epoch, r.parameters) for r in records if r.parameters is not None]
    return NetworkRows(table, snapshots, records[-1].steps, records[-1].samples)


class NetworkHistory(RunHistory):
    """Per-epoch records of one network run, in bounded memory (see :mod:`.history`): rows of
    :func:`network_columns`, and the parameters of the records that carry them
    (``keep_parameters``), kept in :class:`.snapshots.ParameterSnapshots` for a timeline that
    shows the network at a past epoch."""

    def __init__(self, n_layers: int, max_rows: int = DEFAULT_MAX_ROWS):
        super().__init__(network_columns(n_layers), max_rows)
        self.n_layers = n_layers
        self.snapshots = ParameterSnapshots()
        self.steps = 0
        self.samples = 0
        #: (epoch, Evaluation) of the newest epoch the training process evaluated, or None
        self.evaluated: tuple[int, object] | None = None

    def append(self, record: EpochRecord) -> None:
        """Append one record (rather than a row: a network's row is made from its record)."""
        self.extend_rows(network_rows([record]), record.status, record.message)

    def extend_rows(self, rows: NetworkRows, status: str, message: str = "") -> None:
        """Append what :func:`network_rows` made of some records, and the status and
        message of the newest."""
        super().extend_rows(rows.table, status, message)
        for epoch, parameters in rows.snapshots:
            self.snapshots.add(epoch, parameters)
        self.steps, self.samples = rows.steps, rows.samples
