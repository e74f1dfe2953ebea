"""How long each activation and its derivative take on many values, on this machine (lecture
note 004: the sigmoid needs an exponential, ReLU only a comparison), and how many of the
outputs are exactly 0 (ReLU's sparsity).

The times depend on the machine, its load and NumPy's build: they are measured where the
lesson runs, never stored as facts. Each is the best of a few repeats (the least disturbed
by other work), as :mod:`timeit` advises.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from nnlab.core.activation_curves import ACTIVATION_NAMES
from nnlab.core.activations import get_activation

#: How many values each function is timed on.
TIMING_SIZE = 1_000_000
#: How many times each is run; the fastest counts.
TIMING_REPEATS = 5


@dataclass(frozen=True)
class ActivationTiming:
    """The best time (seconds) of σ(z) and of σ′(z) on ``size`` values, and the share of
    those values where σ(z) is exactly 0."""

    name: str
    size: int
    value_seconds: float
    derivative_seconds: float
    zero_share: float


def timing_inputs(size: int = TIMING_SIZE, seed: int = 0) -> np.ndarray:
    """``size`` standard-normal values of z: half below 0, as a layer's inputs often are."""
    return np.random.default_rng(seed).standard_normal(size)


def _best_time(function, z: np.ndarray, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        function(z)
        best = min(best, time.perf_counter() - start)
    # a clock too coarse for a function that does nothing (linear) still gives a time
    return max(best, 1e-9)


def time_activation(name: str, z: np.ndarray, repeats: int = TIMING_REPEATS
                    ) -> ActivationTiming:
    """Time activation ``name`` and its derivative on ``z``."""
    activation = get_activation(name)
    value = activation.fn(z)
    return ActivationTiming(
        name=name, size=int(np.size(z)),
        value_seconds=_best_time(activation.fn, z, repeats),
        derivative_seconds=_best_time(activation.prime, z, repeats),
        zero_share=float(np.count_nonzero(value == 0.0)) / max(1, np.size(z)))


def time_activations(names=ACTIVATION_NAMES, size: int = TIMING_SIZE,
                     repeats: int = TIMING_REPEATS, seed: int = 0
                     ) -> Iterator[ActivationTiming]:
    """Each activation timed in turn on the same ``size`` values, yielded as it is done (a
    caller may stop between two)."""
    z = timing_inputs(size, seed)
    for name in names:
        yield time_activation(name, z, repeats)


def ratios_to(timings, reference: str = "relu") -> dict[str, tuple[float, float]]:
    """Each activation's (value, derivative) time divided by ``reference``'s."""
    by_name = {timing.name: timing for timing in timings}
    ref = by_name[reference]
    return {name: (t.value_seconds / ref.value_seconds,
                   t.derivative_seconds / ref.derivative_seconds)
            for name, t in by_name.items()}
