"""The lesson's single sigmoid neuron, a = σ(z) with z = w·x + b, trained on one sample (x, y).

This is the fast special case of :mod:`.network` for a 1-1 network: plain floats and the
``math`` module instead of arrays, because a 1×1 matrix product costs far more in NumPy call
overhead than in arithmetic. The results agree with the general network (a test checks it).

For the sample (x, y) the chain rule gives ∂C/∂w = x·∂C/∂z and ∂C/∂b = ∂C/∂z, with

* quadratic, C = ½(a − y)²:                         ∂C/∂z = (a − y)·σ'(z),  σ'(z) = a(1 − a)
* cross-entropy, C = −[y ln a + (1 − y) ln(1 − a)]: ∂C/∂z = a − y

and each epoch is one full-batch gradient step w ← w − η ∂C/∂w, b ← b − η ∂C/∂b.
"""

from __future__ import annotations

import math
from functools import partial
from itertools import chain
from typing import Iterator, NamedTuple

import numpy as np

from .costs import COST_NAMES
from .history import DEFAULT_MAX_ROWS, RunHistory
from .states import DIVERGED, FINISHED, RUNNING
from .text import Message, QT_TRANSLATE_NOOP

NEURON_COLUMNS = ("epoch", "cost", "a", "z", "w", "b", "dC_dw", "dC_db")


class NeuronState(NamedTuple):
    """The neuron at the start of ``epoch`` (before that epoch's update) and the gradient
    there. ``status`` is RUNNING, or on the last state FINISHED or DIVERGED (see
    :mod:`.states`)."""

    epoch: int
    cost: float
    a: float
    z: float
    w: float
    b: float
    dC_dw: float
    dC_db: float
    status: str = RUNNING
    message: str = ""


def _check_cost(cost: str) -> bool:
    """True for the quadratic cost, False for cross-entropy."""
    if cost not in COST_NAMES:
        raise ValueError(f"unknown cost {cost!r} (allowed: {', '.join(COST_NAMES)})")
    return cost == "quadratic"


def neuron_training(x: float, y: float, w: float, b: float, cost: str,
                    learning_rate: float, epochs: int) -> Iterator[NeuronState]:
    """Yield the neuron's state at epochs 0 … ``epochs``; epoch 0 is the start.

    If w or b stops being finite (only an absurd learning rate can do it: σ and σ' are
    bounded), the last state has status "diverged" and a message naming the epoch.
    """
    quadratic = _check_cost(cost)
    x, y, w, b, eta = float(x), float(y), float(w), float(b), float(learning_rate)
    exp, log1p, isfinite = math.exp, math.log1p, math.isfinite
    # tuple.__new__ skips the NamedTuple's Python-level __new__: this loop is the lesson's
    # hot path (four 300-epoch runs must take well under a millisecond)
    state = partial(tuple.__new__, NeuronState)
    running, finished, diverged = RUNNING, FINISHED, DIVERGED  # locals: read every epoch
    for epoch in range(epochs + 1):
        z = w * x + b
        if not isfinite(z):  # z is finite only if w and b are (inf·0 and inf − inf are NaN)
            yield state((epoch, math.nan, math.nan, z, w, b, math.nan, math.nan, diverged,
                         Message.of(QT_TRANSLATE_NOOP(
                             "core", "diverged at epoch %1: w = %2, b = %3"), epoch, w, b)))
            return
        # σ(z) from e = e^(−|z|), which cannot overflow
        if z >= 0.0:
            e = exp(-z)
            a = 1.0 / (1.0 + e)
        else:
            e = exp(z)
            a = e / (1.0 + e)
        if quadratic:
            c = 0.5 * (a - y) ** 2
            dz = (a - y) * a * (1.0 - a)
        else:
            # −[y ln a + (1 − y) ln(1 − a)] = softplus(−z) + (1 − y) z, with
            # softplus(−z) = max(−z, 0) + ln(1 + e): exact even when a rounds to 0 or 1
            c = (-z if z < 0.0 else 0.0) + log1p(e) + (1.0 - y) * z
            dz = a - y
        dw = x * dz
        if epoch == epochs:
            yield state((epoch, c, a, z, w, b, dw, dz, finished, ""))
            return
        yield state((epoch, c, a, z, w, b, dw, dz, running, ""))
        w -= eta * dw
        b -= eta * dz


def state_rows(states: list[NeuronState]) -> np.ndarray:
    """The NEURON_COLUMNS of many states as a (len(states) × 8) array."""
    # fromiter over a flat chain is several times faster than np.array on the tuples
    flat = chain.from_iterable(s[:8] for s in states)
    return np.fromiter(flat, dtype=float, count=8 * len(states)).reshape(len(states), 8)


class NeuronHistory(RunHistory):
    """The states of one neuron run as rows of NEURON_COLUMNS (made by :func:`state_rows`),
    bounded in memory (see :mod:`.history`); ``history.a``, ``history.w``, …: one column as
    an array."""

    def __init__(self, max_rows: int = DEFAULT_MAX_ROWS):
        super().__init__(NEURON_COLUMNS, max_rows)

    def __getattr__(self, name):
        # called only for names that are not attributes
        if name in NEURON_COLUMNS:
            return self.columns()[name]
        raise AttributeError(name)


def train_neuron(x: float, y: float, w: float, b: float, cost: str,
                 learning_rate: float, epochs: int,
                 max_rows: int = DEFAULT_MAX_ROWS) -> NeuronHistory:
    """Run :func:`neuron_training` to the end and return its history."""
    history = NeuronHistory(max_rows)
    states = list(neuron_training(x, y, w, b, cost, learning_rate, epochs))
    if states:
        history.extend_rows(state_rows(states), states[-1].status, states[-1].message)
    return history


class NeuronStarts(NamedTuple):
    """Result of :func:`train_neuron_starts`: final w, b, a, cost of every start, and when
    recorded, a and cost at every epoch (shape (epochs + 1, n_starts))."""

    w: np.ndarray
    b: np.ndarray
    a: np.ndarray
    cost: np.ndarray
    a_history: np.ndarray | None
    cost_history: np.ndarray | None


def train_neuron_starts(w, b, x: float, y: float, cost: str, learning_rate: float,
                        epochs: int, record: bool = False) -> NeuronStarts:
    """Train many independent neurons at once, one per (w, b) start, same (x, y), cost, η.

    The same update as :func:`neuron_training`, vectorised over starts, for cost surfaces
    and learning-speed maps (e.g. 10,000 starts × 300 epochs). Arrays are updated in place
    to keep allocation out of the epoch loop.
    """
    quadratic = _check_cost(cost)
    w = np.array(w, dtype=np.float64).ravel()
    b = np.array(b, dtype=np.float64).ravel()
    if w.shape != b.shape:
        raise ValueError(f"{w.size} w starts but {b.size} b starts")
    x, y, eta = float(x), float(y), float(learning_rate)
    a = np.empty_like(w)
    dz = np.empty_like(w)
    a_history = np.empty((epochs + 1, w.size)) if record else None
    cost_history = np.empty((epochs + 1, w.size)) if record else None
    with np.errstate(over="ignore"):  # e^(−z) → inf gives σ = 0, the right limit
        for epoch in range(epochs + 1):
            # a = σ(z) = 1 / (1 + e^(−z)), z = w x + b
            np.multiply(w, -x, out=a)
            a -= b
            np.exp(a, out=a)
            a += 1.0
            np.reciprocal(a, out=a)
            if record:
                a_history[epoch] = a
                cost_history[epoch] = _neuron_cost(a, w * x + b, y, quadratic)
            if epoch == epochs:
                break
            np.subtract(a, y, out=dz)
            if quadratic:
                dz *= a
                dz *= 1.0 - a
            b -= eta * dz
            dz *= eta * x
            w -= dz
    return NeuronStarts(w, b, a, _neuron_cost(a, w * x + b, y, quadratic),
                        a_history, cost_history)


def _neuron_cost(a, z, y, quadratic):
    if quadratic:
        return 0.5 * (a - y) ** 2
    # −[y ln a + (1 − y) ln(1 − a)] = y softplus(−z) + (1 − y) softplus(z)
    return y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)
