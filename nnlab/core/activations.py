"""Activation functions σ(z) and their derivatives σ'(z).

Every function works elementwise on arrays of any shape and stays finite for |z| up to 1e4
and beyond: no overflow warnings, no NaN. Backpropagation needs σ'(z) at points where σ(z) is
already known, so each activation can also give its derivative from its output a = σ(z)
(``prime_from_output``), which saves recomputing the exponential.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

LEAKY_RELU_SLOPE = 0.01
"""Slope of the leaky ReLU for z < 0."""


def _as_float(z):
    """An array view of z, converted to float64 only if it is not floating point already
    (float32 networks stay float32)."""
    z = np.asarray(z)
    return z if z.dtype.kind == "f" else z.astype(np.float64)


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)).

    For z < −709, e^(−z) overflows to inf and the quotient is exactly 0, which is the correctly
    rounded value; the overflow warning is therefore silenced rather than avoided.
    """
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-_as_float(z)))


def sigmoid_prime(z):
    """σ'(z) = σ(z)(1 − σ(z)), computed in σ's own array (no temporaries)."""
    a = sigmoid(z)
    if not isinstance(a, np.ndarray):  # a scalar
        return a * (1.0 - a)
    b = np.subtract(1.0, a)
    b *= a
    return b


def tanh(z):
    return np.tanh(z)


def tanh_prime(z):
    """tanh'(z) = 1 − tanh²(z), computed in tanh's own array (no temporaries)."""
    a = np.tanh(z)
    if not isinstance(a, np.ndarray):  # a scalar
        return 1.0 - a * a
    np.multiply(a, a, out=a)
    np.subtract(1.0, a, out=a)
    return a


def relu(z):
    return np.maximum(z, 0.0)


def relu_prime(z):
    """ReLU'(z) = 1 for z > 0, else 0 (the subgradient 0 is taken at z = 0)."""
    z = _as_float(z)
    return (z > 0).astype(z.dtype)


def leaky_relu(z):
    """z for z > 0, else αz: max(z, αz), because 0 < α < 1."""
    z = _as_float(z)
    return np.maximum(z, LEAKY_RELU_SLOPE * z)


def leaky_relu_prime(z):
    """1 for z > 0, else α: written as α + (1 − α)·[z > 0], several times faster than a
    ``where`` over a million values."""
    z = _as_float(z)
    slope = (z > 0).astype(z.dtype)
    slope *= 1.0 - LEAKY_RELU_SLOPE
    slope += LEAKY_RELU_SLOPE
    return slope


def linear(z):
    return _as_float(z)


def linear_prime(z):
    return np.ones_like(_as_float(z))


def softmax(z):
    """Row-wise softmax: a_j = e^(z_j) / Σ_k e^(z_k), along the last axis.

    Subtracting the row maximum first leaves the result unchanged and keeps e^(·) ≤ 1.
    """
    z = _as_float(z)
    # the ufunc reductions skip np.max/np.sum's wrapper: this runs once per training step
    e = np.subtract(z, np.maximum.reduce(z, axis=-1, keepdims=True))
    np.exp(e, out=e)
    e /= np.add.reduce(e, axis=-1, keepdims=True)
    return e


# In-place forms for the network's hidden layers, where z is not needed once a = σ(z) is
# known: they overwrite z and return it, saving an allocation per operation, which counts
# for small batches.


def _sigmoid_inplace(z):
    # σ(z) = ½ + ½ tanh(z/2): four cheap passes, no exponential that can overflow. Near
    # σ = 0 it is exact only to about 1e−17 absolute, which is harmless in a hidden layer;
    # outputs and everything shown to the user use the exact ``sigmoid``.
    z *= 0.5
    np.tanh(z, out=z)
    z *= 0.5
    z += 0.5
    return z


def _leaky_relu_inplace(z):
    # max(z, αz) is z for z > 0 and αz otherwise, because 0 < α < 1
    return np.maximum(z, LEAKY_RELU_SLOPE * z, out=z)


@dataclass(frozen=True)
class Activation:
    """An elementwise activation: ``fn`` is σ, ``prime`` is σ' as a function of z, and
    ``prime_from_output`` is σ' as a function of a = σ(z). ``apply_inplace`` computes σ(z)
    into z's own memory."""

    name: str
    fn: Callable[[np.ndarray], np.ndarray]
    prime: Callable[[np.ndarray], np.ndarray]
    prime_from_output: Callable[[np.ndarray], np.ndarray]
    apply_inplace: Callable[[np.ndarray], np.ndarray]

    def __reduce__(self):
        # pickled by name (its functions include lambdas): a network sent to the training
        # process finds the same activation there
        return (get_activation, (self.name,))


SIGMOID = Activation("sigmoid", sigmoid, sigmoid_prime, lambda a: a * (1.0 - a),
                     _sigmoid_inplace)
TANH = Activation("tanh", tanh, tanh_prime, lambda a: 1.0 - a * a,
                  lambda z: np.tanh(z, out=z))
RELU = Activation("relu", relu, relu_prime, lambda a: (a > 0).astype(a.dtype),
                  lambda z: np.maximum(z, 0.0, out=z))
# For a positive slope, a > 0 exactly when z > 0, so the output decides the branch.
LEAKY_RELU = Activation(
    "leaky_relu", leaky_relu, leaky_relu_prime,
    lambda a: np.where(a > 0, 1.0, LEAKY_RELU_SLOPE).astype(a.dtype),
    _leaky_relu_inplace,
)
LINEAR = Activation("linear", linear, linear_prime, lambda a: np.ones_like(a), lambda z: z)

ACTIVATIONS: dict[str, Activation] = {
    act.name: act for act in (SIGMOID, TANH, RELU, LEAKY_RELU, LINEAR)
}

OUTPUT_ACTIVATIONS = ("sigmoid", "softmax", "linear")
"""Output layers nnlab supports. Sigmoid and softmax outputs lie between 0 and 1 (classes) and
pair with a cross-entropy whose output error is a − y; a linear output a = z reaches any
number (regression) and is trained with the quadratic cost, whose output error is then a − y."""


def get_activation(name: str) -> Activation:
    """Look up a hidden-layer activation by name."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        allowed = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r} (allowed: {allowed})") from None
