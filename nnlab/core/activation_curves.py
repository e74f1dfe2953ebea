"""The activation functions as the lesson on them shows them (lecture note 004): their curves
and slopes, where they saturate, their largest slope, what that slope does to a gradient that
passes through n layers, and what a stack of layers computes.

Everything here comes from :mod:`nnlab.core.activations` (σ and σ′ are not written again):

- a unit *saturates* where its slope σ′(z) is below :data:`SATURATION_THRESHOLD`: a gradient
  passing through it shrinks more than fiftyfold;
- backpropagation through n layers multiplies n slopes (and weights):
  ∂C/∂b₁ = σ′(z₁) w₂ σ′(z₂) ⋯ wₙ σ′(zₙ) ∂C/∂aₙ, so with weights of at most 1 the gradient of
  the first layer is at most (max σ′)ⁿ times the last one's: (1/4)ⁿ for the sigmoid, 1 for
  tanh and ReLU.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnlab.core.activations import get_activation

#: The hidden activations, in the order the lesson shows them.
ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "leaky_relu", "linear")

#: A slope below this is saturated: a gradient through the unit shrinks more than 50 times.
SATURATION_THRESHOLD = 0.02

#: The z range the lesson's curves span, and how many points it samples there (odd: z = 0
#: is one of them, where σ′ and tanh′ are largest).
Z_RANGE = (-5.0, 5.0)
CURVE_POINTS = 201

#: A slope's largest value is looked for on this range, finely sampled (z = 0 among the
#: points): every activation here reaches its largest slope at or right of 0.
SEARCH_RANGE = (-20.0, 20.0)
SEARCH_POINTS = 40_001

#: Bisection refines a boundary of a saturated interval to this width in z; the boundary is
#: then rounded to BOUNDARY_DECIMALS (ReLU's jump lands on 0, not on 3 × 10⁻¹³).
BOUNDARY_TOLERANCE = 1e-12
BOUNDARY_DECIMALS = 9


@dataclass(frozen=True)
class ActivationCurve:
    """One activation sampled on ``z``: its ``value`` σ(z) and ``derivative`` σ′(z), its
    largest slope ``max_derivative``, and the ``saturated`` intervals (lo, hi) of ``z``'s
    range where σ′(z) < :data:`SATURATION_THRESHOLD`."""

    name: str
    z: np.ndarray
    value: np.ndarray
    derivative: np.ndarray
    max_derivative: float
    saturated: tuple[tuple[float, float], ...]


def z_samples(z_range: tuple[float, float] = Z_RANGE, points: int = CURVE_POINTS) -> np.ndarray:
    return np.linspace(z_range[0], z_range[1], points)


def max_derivative(name: str) -> float:
    """The largest slope of activation ``name``, max σ′(z), found on a fine grid that holds
    z = 0 (1/4 for the sigmoid, 1 for tanh, ReLU, leaky ReLU and linear)."""
    return float(np.max(get_activation(name).prime(z_samples(SEARCH_RANGE, SEARCH_POINTS))))


def saturated_intervals(name: str, z_range: tuple[float, float] = Z_RANGE,
                        threshold: float = SATURATION_THRESHOLD,
                        points: int = 2001) -> tuple[tuple[float, float], ...]:
    """The intervals of ``z_range`` where σ′(z) < ``threshold``, found numerically: the grid
    says which points are saturated, and bisection on σ′ refines each boundary between two
    grid points to :data:`BOUNDARY_TOLERANCE` (a jump, as ReLU′ at 0, included)."""
    prime = get_activation(name).prime
    z = z_samples(z_range, points)
    low = prime(z) < threshold
    intervals = []
    start = float(z[0]) if low[0] else None
    for i in range(1, len(z)):
        if low[i] == low[i - 1]:
            continue
        edge = _boundary(prime, threshold, float(z[i - 1]), float(z[i]))
        if low[i]:
            start = edge
        else:
            intervals.append((start, edge))
            start = None
    if start is not None:
        intervals.append((start, float(z[-1])))
    return tuple(intervals)


def _boundary(prime, threshold: float, left: float, right: float) -> float:
    """Where σ′ crosses ``threshold`` between ``left`` and ``right`` (one side below it, the
    other not)."""
    left_low = bool(prime(np.array(left)) < threshold)
    while right - left > BOUNDARY_TOLERANCE:
        middle = 0.5 * (left + right)
        if bool(prime(np.array(middle)) < threshold) == left_low:
            left = middle
        else:
            right = middle
    return round(0.5 * (left + right), BOUNDARY_DECIMALS) + 0.0  # no −0


def activation_curve(name: str, z: np.ndarray | None = None) -> ActivationCurve:
    """Activation ``name`` sampled on ``z`` (default: :func:`z_samples`), with its largest
    slope and its saturated intervals on the same range."""
    z = z_samples() if z is None else np.asarray(z, dtype=np.float64)
    activation = get_activation(name)
    return ActivationCurve(
        name=name, z=z, value=activation.fn(z), derivative=activation.prime(z),
        max_derivative=max_derivative(name),
        saturated=saturated_intervals(name, (float(z[0]), float(z[-1]))))


def activation_curves(names=ACTIVATION_NAMES, z: np.ndarray | None = None,
                      ) -> dict[str, ActivationCurve]:
    return {name: activation_curve(name, z) for name in names}


def operating_point(name: str, z: float) -> tuple[float, float]:
    """(σ(z), σ′(z)) of activation ``name`` at one z: the marked point and its slope."""
    activation = get_activation(name)
    z = np.array(float(z))
    return float(activation.fn(z)), float(activation.prime(z))


def depth_bound(max_slope: float, depths) -> np.ndarray:
    """The most a product of n slopes can be, (max σ′)ⁿ, for each n of ``depths``: the
    share of the last layer's gradient that reaches the first of n layers (weights of at most
    1). (1/4)ⁿ for the sigmoid."""
    return float(max_slope) ** np.asarray(depths, dtype=np.float64)
