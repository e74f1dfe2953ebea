"""Costs: output errors against finite differences, stability at the ends, and the
loss-table lesson computed from its predictions."""

import math
import warnings
from functools import partial

import numpy as np
import pytest

from nnlab.core.activations import sigmoid, softmax
from nnlab.core.costs import (
    COST_NAMES, categorical_cross_entropy, classification_error, make_cost, mean_squared_error,
    sigmoid_output_cost,
)

RNG = np.random.default_rng(7)
Z = RNG.normal(0, 1.5, size=(4, 3))
Y_ONE_HOT = np.eye(3)[[0, 2, 1, 2]]
Y_SOFT = RNG.uniform(0, 1, size=(4, 3))  # sigmoid targets need not be one-hot


def output_of(output, z):
    return softmax(z) if output == "softmax" else sigmoid(z)


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@pytest.mark.parametrize("name", COST_NAMES)
def test_delta_is_the_derivative_of_the_per_sample_cost(name, output):
    cost = make_cost(name, output)
    y = Y_ONE_HOT if output == "softmax" else Y_SOFT
    n = len(Z)
    h = 1e-6
    numeric = np.zeros_like(Z)
    for i in np.ndindex(Z.shape):
        plus, minus = Z.copy(), Z.copy()
        plus[i] += h
        minus[i] -= h
        # fn is the mean over samples, delta is per sample: compare with n·fn
        numeric[i] = n * (cost.fn(output_of(output, plus), y)
                          - cost.fn(output_of(output, minus), y)) / (2 * h)
    analytic = cost.delta(Z, output_of(output, Z), y)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_cross_entropy_delta_has_no_sigma_prime_and_quadratic_does():
    z = np.array([[4.0]])  # the saturated lesson start w = b = 2, x = 1
    a, y = sigmoid(z), np.array([[0.0]])
    quadratic = make_cost("quadratic").delta(z, a, y)
    cross_entropy = make_cost("cross_entropy").delta(z, a, y)
    np.testing.assert_allclose(cross_entropy, a - y)
    np.testing.assert_allclose(quadratic, (a - y) * a * (1 - a))
    assert quadratic[0, 0] < cross_entropy[0, 0] / 50  # σ'(4) ≈ 0.018 slows it ~56×


@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@pytest.mark.parametrize("name", COST_NAMES)
def test_costs_stay_finite_when_outputs_reach_zero_or_one(name, output):
    cost = make_cost(name, output)
    a = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    y = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = cost.fn(a, y)
        delta = cost.delta(np.zeros_like(a), a, y)
    assert np.isfinite(value) and np.all(np.isfinite(delta))
    if name == "cross_entropy":
        assert value > 100  # confidently wrong is very expensive, but not infinite
    perfect = cost.fn(y, y)
    assert perfect == pytest.approx(0.0, abs=1e-12)


def test_values_match_their_formulas():
    a = np.array([[0.8, 0.3], [0.1, 0.6]])
    y = np.array([[1.0, 0.0], [0.0, 1.0]])
    quad = make_cost("quadratic").fn(a, y)
    assert quad == pytest.approx(((0.2**2 + 0.3**2) / 2 + (0.1**2 + 0.4**2) / 2) / 2)
    ce = make_cost("cross_entropy").fn(a, y)
    expected = -(np.log(0.8) + np.log(0.7) + np.log(0.9) + np.log(0.6)) / 2
    assert ce == pytest.approx(expected)


def test_unknown_cost_and_output_are_refused_with_the_allowed_values():
    with pytest.raises(ValueError, match="allowed: quadratic, cross_entropy"):
        make_cost("hinge")
    with pytest.raises(ValueError, match="allowed: sigmoid, softmax"):
        make_cost("quadratic", "tanh")


@pytest.mark.parametrize("name", COST_NAMES)
def test_sigmoid_output_cost_falls_with_slope_the_output_error(name):
    z = np.array([[-30.0, -4.0, -0.7], [0.0, 1.3, 6.0]])
    y = np.array([[0.0, 1.0, 0.25], [0.5, 0.0, 1.0]])
    h = 1e-6
    numeric = (sigmoid_output_cost(name, z + h, y)
               - sigmoid_output_cost(name, z - h, y)) / (2 * h)
    # ∂C_x/∂z written out by hand, with σ from the exponential directly
    a = 1.0 / (1.0 + np.exp(-z))
    expected = (a - y) * a * (1.0 - a) if name == "quadratic" else a - y
    assert numeric.shape == z.shape
    np.testing.assert_allclose(numeric, expected, rtol=1e-6, atol=1e-9)


def test_sigmoid_output_cost_values_by_hand():
    quadratic = partial(sigmoid_output_cost, "quadratic")
    cross_entropy = partial(sigmoid_output_cost, "cross_entropy")
    # σ(0) = 1/2 and σ(ln 3) = 3/4
    assert quadratic(0.0, 0.0) == pytest.approx(0.125)
    assert cross_entropy(0.0, 1.0) == pytest.approx(math.log(2.0))
    assert quadratic(math.log(3.0), 0.0) == pytest.approx(0.5 * 0.75**2)
    assert quadratic(math.log(3.0), 0.25) == pytest.approx(0.125)
    assert cross_entropy(math.log(3.0), 0.0) == pytest.approx(math.log(4.0))
    assert cross_entropy(math.log(3.0), 0.25) == pytest.approx(
        -(0.25 * math.log(0.75) + 0.75 * math.log(0.25)))
    # where σ(z) rounds to 1 or 0: finite, growing like |z|
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cross_entropy(800.0, 0.0) == pytest.approx(800.0)
        assert cross_entropy(-800.0, 1.0) == pytest.approx(800.0)
        assert quadratic(-800.0, 1.0) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="allowed: quadratic, cross_entropy"):
        sigmoid_output_cost("hinge", 0.0, 0.0)


# The loss-table lesson: three samples, two models' softmax outputs, one-hot targets.
TARGETS = np.array([[0, 0, 1], [0, 1, 0], [1, 0, 0]], dtype=float)
MODEL_1 = np.array([[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]])
MODEL_2 = np.array([[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]])


def test_loss_table_classification_error_is_one_third_for_both_models():
    assert classification_error(MODEL_1, TARGETS) == pytest.approx(1 / 3)
    assert classification_error(MODEL_2, TARGETS) == pytest.approx(1 / 3)


def test_loss_table_mean_squared_error():
    # per-sample sums of squares by hand: 0.54, 0.54, 1.34 and 0.14, 0.14, 0.74
    assert mean_squared_error(MODEL_1, TARGETS) == pytest.approx((0.54 + 0.54 + 1.34) / 3)
    assert mean_squared_error(MODEL_2, TARGETS) == pytest.approx((0.14 + 0.14 + 0.74) / 3)
    assert round(mean_squared_error(MODEL_1, TARGETS), 2) == 0.81
    assert round(mean_squared_error(MODEL_2, TARGETS), 2) == 0.34


def test_loss_table_cross_entropy():
    ce_1 = categorical_cross_entropy(MODEL_1, TARGETS)
    ce_2 = categorical_cross_entropy(MODEL_2, TARGETS)
    assert ce_1 == pytest.approx(-(2 * np.log(0.4) + np.log(0.1)) / 3, rel=1e-12)
    assert ce_2 == pytest.approx(-(2 * np.log(0.7) + np.log(0.3)) / 3, rel=1e-12)
    # The published table rounds each sample first and prints 1.37 and 0.64; the exact
    # means are 1.378 and 0.639.
    assert abs(ce_1 - 1.37) < 0.01
    assert round(ce_2, 2) == 0.64
    # cross-entropy separates the models far more than classification error does
    assert ce_1 > 2 * ce_2
