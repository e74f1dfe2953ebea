"""Cost functions, each a pair in the manner of Nielsen's ``network2.py``.

``fn(a, y)`` is the cost C = (1/n) Σ_x C_x averaged over the n rows (samples) of a and y, and
``delta(z, a, y)`` is the output error δ^L = ∂C_x/∂z^L of every sample (one row each, not
divided by n). The whole lesson is in the two deltas:

* quadratic cost, C_x = ½‖a − y‖²: δ = (a − y) ⊙ σ'(z). Where the output neuron saturates,
  σ'(z) ≈ 0 and learning crawls, however wrong a is.
* cross-entropy with sigmoid outputs, C_x = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)]:
  δ = a − y. The σ'(z) of the chain rule cancels against the cost's own derivative, so the
  error drives learning directly.
* cross-entropy with softmax outputs, C_x = −Σ_j y_j ln a_j (categorical): δ = a − y as well,
  for one-hot (or any row-normalised) y.
* quadratic cost with a linear output a = z (regression): σ'(z) = 1, so δ = a − y. The
  quadratic cost is then the mean squared error (Nielsen's name for it; it is half the
  per-sample sum of squares of :func:`mean_squared_error`). Cross-entropy takes ln a and
  ln(1 − a), which need 0 < a < 1: it is refused for a linear output.

Logarithms are taken of max(a, tiny) so a → 0 or a → 1 gives a large finite cost, never
log(0) = −inf or 0·(−inf) = NaN.
"""

from __future__ import annotations

import numpy as np

from .activations import ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid
from .text import Message, QT_TRANSLATE_NOOP

COST_NAMES = ("quadratic", "cross_entropy")

_TINY = np.finfo(np.float64).tiny  # ln(tiny) ≈ −708: finite, and far beyond any real cost


def _safe_log(p):
    return np.log(np.maximum(p, _TINY))


def _rows(a):
    """Number of samples: a 1-D array is one sample."""
    return a.shape[0] if a.ndim > 1 else 1


class Cost:
    """A cost paired with the output activation whose σ'(z) its delta needs."""

    name = ""

    def __init__(self, output: str = "sigmoid"):
        if output not in OUTPUT_ACTIVATIONS:
            allowed = ", ".join(OUTPUT_ACTIVATIONS)
            raise ValueError(f"unknown output activation {output!r} (allowed: {allowed})")
        self.output = output

    def fn(self, a, y) -> float:
        raise NotImplementedError

    def delta(self, z, a, y):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}(output={self.output!r})"


class QuadraticCost(Cost):
    """C_x = ½‖a − y‖²; δ = (a − y) ⊙ σ'(z), or the softmax Jacobian applied to a − y."""

    name = "quadratic"

    def fn(self, a, y) -> float:
        a, y = np.asarray(a), np.asarray(y)
        diff = a - y
        return float(0.5 * np.vdot(diff, diff) / _rows(a))

    def delta(self, z, a, y):
        error = a - y
        if self.output == "linear":
            return error  # σ'(z) = 1
        if self.output == "softmax":
            # ∂a_i/∂z_j = a_i(δ_ij − a_j), so δ_j = a_j [(a_j − y_j) − Σ_i (a_i − y_i) a_i].
            return a * (error - np.sum(error * a, axis=-1, keepdims=True))
        return error * ACTIVATIONS[self.output].prime_from_output(a)


class CrossEntropyCost(Cost):
    """Binary cross-entropy per output for sigmoid outputs, categorical for softmax;
    in both cases δ = a − y: σ'(z) does not appear."""

    name = "cross_entropy"

    def __init__(self, output: str = "sigmoid"):
        super().__init__(output)
        if output == "linear":
            raise ValueError(LINEAR_CROSS_ENTROPY)

    def fn(self, a, y) -> float:
        a, y = np.asarray(a), np.asarray(y)
        if self.output == "softmax":
            per_output = y * _safe_log(a)
        else:
            per_output = y * _safe_log(a) + (1.0 - y) * _safe_log(1.0 - a)
        return float(-np.sum(per_output) / _rows(a))

    def delta(self, z, a, y):
        return a - y


LINEAR_CROSS_ENTROPY = Message.of(QT_TRANSLATE_NOOP(
    "core", "cross-entropy needs outputs between 0 and 1 (sigmoid or softmax); a linear output "
    "is trained with the quadratic cost, the mean squared error"))
"""Why cross-entropy is refused for a linear output (its ln a and ln(1 − a) need 0 < a < 1)."""

_COST_CLASSES = {cls.name: cls for cls in (QuadraticCost, CrossEntropyCost)}


def sigmoid_output_cost(name: str, z, y):
    """C_x of one sigmoid output a = σ(z) with target y, elementwise over z of any shape
    (e.g. a grid of z = w·x + b, for a map of the cost over w and b):

    * quadratic:      C_x = ½(σ(z) − y)²
    * cross-entropy:  C_x = −[y ln σ(z) + (1 − y) ln(1 − σ(z))]
                          = y·ln(1 + e^(−z)) + (1 − y)·ln(1 + e^z),

    because ln σ(z) = −ln(1 + e^(−z)) and ln(1 − σ(z)) = −ln(1 + e^z). The second form
    (``logaddexp``) stays finite and exact where σ(z) rounds to 0 or 1: there the cost grows
    like |z|, and the first form would give ln(0).
    """
    if name not in _COST_CLASSES:
        raise ValueError(f"unknown cost {name!r} (allowed: {', '.join(COST_NAMES)})")
    z = np.asarray(z, dtype=float)
    if name == "quadratic":
        return 0.5 * (sigmoid(z) - y) ** 2
    return y * np.logaddexp(0.0, -z) + (1.0 - y) * np.logaddexp(0.0, z)


def make_cost(name: str, output: str = "sigmoid") -> Cost:
    """The cost called ``name`` (one of COST_NAMES) for a network with the given output."""
    try:
        cls = _COST_CLASSES[name]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown cost {name!r} (allowed: {', '.join(COST_NAMES)})"
        ) from None
    return cls(output)


# Measures for the loss-table lesson: they score given predictions, nothing is trained.


def classification_error(a, y) -> float:
    """Fraction of samples whose largest output is not the true class."""
    a, y = np.atleast_2d(a), np.atleast_2d(y)
    return float(np.mean(np.argmax(a, axis=1) != np.argmax(y, axis=1)))


def mean_squared_error(a, y) -> float:
    """(1/n) Σ_x Σ_j (a_j − y_j)²: each sample's sum of squares, averaged over samples."""
    a, y = np.atleast_2d(a), np.atleast_2d(y)
    return float(np.mean(np.sum((a - y) ** 2, axis=1)))


def mse_of_quadratic_cost(value):
    """The mean squared error (1/n) Σ_x ‖a − y‖² (:func:`mean_squared_error`) of a network
    whose quadratic cost C = (1/n) Σ_x ½‖a − y‖² is ``value`` (a number, or an array of
    them, e.g. a history's column): 2C (the ½ only tidies the derivative). What a regression
    run reports of its cost."""
    return 2.0 * value


def categorical_cross_entropy(a, y) -> float:
    """−(1/n) Σ_x Σ_j y_j ln a_j, natural logarithm."""
    a, y = np.atleast_2d(a), np.atleast_2d(y)
    return float(-np.mean(np.sum(y * _safe_log(a), axis=1)))
