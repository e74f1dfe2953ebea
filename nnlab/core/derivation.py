"""The numbers and curves of the derivation of the cross-entropy cost (lecture note 003, the
appendix of note 000, Nielsen chapter 3).

One sigmoid neuron and one sample (x, y): z = w·x + b, a = σ(z). By the chain rule
∂C/∂w = x·∂C/∂z and ∂C/∂b = ∂C/∂z = ∂C/∂a·σ′(z), with σ′(z) = σ(z)(1 − σ(z)) = a(1 − a):

* quadratic, C = (y − a)²/2:   ∂C/∂a = a − y,                ∂C/∂b = (a − y)·σ′(z)
* cross-entropy, C = −[y ln a + (1 − y) ln(1 − a)]:
                               ∂C/∂a = (a − y) / (a(1 − a)),   ∂C/∂b = a − y

The derivation runs backwards through the second line: wishing for ∂C/∂b = a − y, the chain
rule asks for ∂C/∂a = (a − y)/(a(1 − a)) = (1 − y)/(1 − a) − y/a, and integrating that over a
gives the cross-entropy (plus a constant, taken as 0).

Everything here works elementwise on arrays of outputs a ∈ (0, 1) or of z, and the numbers of
a start come from z itself: 1 − a is computed as σ(−z), so a saturated start (a rounding to 1)
still has its true 1 − a, σ′(z) and cost.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activations import sigmoid, sigmoid_prime
from .costs import sigmoid_output_cost


@dataclass(frozen=True)
class Start:
    """A neuron's start (w, b) and its one sample (x, y)."""

    w: float
    b: float
    x: float = 1.0
    y: float = 0.0


#: The lesson's two classic starts for x = 1, y = 0: a mild one (z = 1.5, a = 0.818) and a
#: saturated one (z = 4, a = 0.982), as in the presets neuron-0.6-0.9 and neuron-2-2.
CLASSIC_STARTS = (Start(0.6, 0.9, 1.0, 0.0), Start(2.0, 2.0, 1.0, 0.0))


@dataclass(frozen=True)
class CostGradient:
    """One cost at a start: its value, ∂C/∂a, ∂C/∂b (= ∂C/∂z) and ∂C/∂w (= x·∂C/∂z)."""

    cost: float
    dC_da: float
    dC_db: float
    dC_dw: float

    def as_dict(self) -> dict[str, float]:
        return {"cost": self.cost, "dC_da": self.dC_da, "dC_dw": self.dC_dw,
                "dC_db": self.dC_db}


@dataclass(frozen=True)
class StartNumbers:
    """What the derivation shows of one start: z, a, 1 − a, σ′(z) and both costs."""

    start: Start
    z: float
    a: float
    one_minus_a: float
    sigma_prime: float
    quadratic: CostGradient
    cross_entropy: CostGradient

    @property
    def speed_up(self) -> float:
        """How many times the cross-entropy's gradient is the quadratic's: 1/σ′(z)."""
        return 1.0 / self.sigma_prime if self.sigma_prime > 0.0 else math.inf

    def as_dict(self) -> dict:
        """The numbers as plain floats, by the names of ``numbers.json``."""
        s = self.start
        return {"w": s.w, "b": s.b, "x": s.x, "y": s.y, "z": self.z, "a": self.a,
                "sigma_prime": self.sigma_prime,
                "quadratic": self.quadratic.as_dict(),
                "cross_entropy": self.cross_entropy.as_dict()}


def start_numbers(start: Start) -> StartNumbers:
    """The numbers of ``start`` for both costs (see the module docstring for the formulas)."""
    w, b, x, y = (float(v) for v in (start.w, start.b, start.x, start.y))
    z = w * x + b
    a = float(sigmoid(z))
    one_minus_a = float(sigmoid(-z))  # not 1 − a, which loses its digits as a → 1
    slope = a * one_minus_a
    error = a - y
    quadratic_dz = error * slope
    if slope > 0.0:
        ce_dC_da = error / slope
    else:  # σ′(z) underflows beyond |z| ≈ 745: the wished ∂C/∂a is infinite there
        ce_dC_da = math.copysign(math.inf, error) if error else 0.0
    return StartNumbers(
        start=Start(w, b, x, y), z=z, a=a, one_minus_a=one_minus_a, sigma_prime=slope,
        quadratic=CostGradient(cost=0.5 * (y - a) ** 2, dC_da=error, dC_db=quadratic_dz,
                               dC_dw=x * quadratic_dz),
        cross_entropy=CostGradient(cost=float(sigmoid_output_cost("cross_entropy", z, y)),
                                   dC_da=ce_dC_da, dC_db=error, dC_dw=x * error),
    )


# -- curves over the output a ------------------------------------------------------------------

#: The outputs the curves over a are drawn at: (0, 1) without its ends, where ln a,
#: ln(1 − a) and 1/(a(1 − a)) are infinite. Closer to the ends near 0 and 1, where they turn.
OUTPUT_MARGIN = 1e-4


def outputs(count: int = 801) -> np.ndarray:
    """``count`` outputs a from OUTPUT_MARGIN to 1 − OUTPUT_MARGIN, denser near both ends
    (a = ½ − ½cos θ for evenly spaced θ)."""
    theta = np.linspace(0.0, np.pi, count)
    a = 0.5 - 0.5 * np.cos(theta)
    return OUTPUT_MARGIN + (1.0 - 2.0 * OUTPUT_MARGIN) * a


def quadratic_cost(a, y):
    """C = (y − a)²/2."""
    a = np.asarray(a, dtype=float)
    return 0.5 * (y - a) ** 2


def cross_entropy_cost(a, y):
    """C = −[y ln a + (1 − y) ln(1 − a)], with 0·ln 0 = 0 (so y = 0 or 1 gives C = 0 at
    a = y) and ln 0 = −∞ otherwise."""
    a = np.asarray(a, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        first = np.where(y == 0.0, 0.0, y * np.log(a))
        second = np.where(y == 1.0, 0.0, (1.0 - y) * np.log1p(-a))
    return 0.0 - (first + second)  # 0 − 0 = +0: a cost of zero without a sign


def least_cross_entropy(y: float) -> float:
    """The least cross-entropy over a, reached at a = y: −[y ln y + (1 − y) ln(1 − y)], the
    entropy of y (0 for y = 0 or 1)."""
    return float(cross_entropy_cost(y, y))


def quadratic_dC_da(a, y):
    """∂C/∂a of the quadratic cost: a − y."""
    return np.asarray(a, dtype=float) - y


def cross_entropy_dC_da(a, y):
    """∂C/∂a of the cross-entropy: (a − y) / (a(1 − a)), the derivative the chain rule asks
    for; equal to (1 − y)/(1 − a) − y/a, whose integral over a is the cross-entropy."""
    a = np.asarray(a, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (a - y) / (a * (1.0 - a))


def quadratic_dC_db(a, y):
    """∂C/∂b of the quadratic cost as a function of a: (a − y)·a(1 − a), since
    σ′(z) = a(1 − a)."""
    a = np.asarray(a, dtype=float)
    return (a - y) * a * (1.0 - a)


def cross_entropy_dC_db(a, y):
    """∂C/∂b of the cross-entropy as a function of a: a − y (σ′(z) has cancelled)."""
    return np.asarray(a, dtype=float) - y


# -- curves over z -----------------------------------------------------------------------------


def z_values(low: float, high: float, count: int = 801) -> np.ndarray:
    return np.linspace(float(low), float(high), count)


def quadratic_cost_of_z(z, y):
    """C(z) = (σ(z) − y)²/2: the quadratic cost as the neuron moves along z; its slope is
    ∂C/∂z = ∂C/∂b = (a − y)·σ′(z)."""
    return sigmoid_output_cost("quadratic", z, y)


def sigmoid_curve(z):
    """σ(z)."""
    return sigmoid(np.asarray(z, dtype=float))


def sigmoid_slope_curve(z):
    """σ′(z) = σ(z)(1 − σ(z))."""
    return sigmoid_prime(np.asarray(z, dtype=float))


def classic_numbers() -> tuple[StartNumbers, ...]:
    """The numbers of :data:`CLASSIC_STARTS`."""
    return tuple(start_numbers(start) for start in CLASSIC_STARTS)


def shown_starts(start: Start) -> list[StartNumbers]:
    """The classic starts, then ``start`` if it is neither of them: what the lesson
    reports (``numbers.json``)."""
    numbers = list(classic_numbers())
    if start not in CLASSIC_STARTS:
        numbers.append(start_numbers(start))
    return numbers
