"""Activations against central finite differences and at extreme inputs."""

import warnings

import numpy as np
import pytest

from nnlab.core.activations import (
    ACTIVATIONS, LEAKY_RELU_SLOPE, get_activation, sigmoid, softmax,
)

# Points away from ReLU's kink at 0, where the derivative is one-sided.
Z = np.array([-7.5, -2.0, -0.3, 0.2, 1.1, 4.0, 9.0])


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_matches_finite_differences(name):
    act = ACTIVATIONS[name]
    h = 1e-6
    numeric = (act.fn(Z + h) - act.fn(Z - h)) / (2 * h)
    np.testing.assert_allclose(act.prime(Z), numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_derivative_from_output_equals_derivative_from_input(name):
    act = ACTIVATIONS[name]
    np.testing.assert_allclose(act.prime_from_output(act.fn(Z)), act.prime(Z), rtol=1e-12)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_in_place_form_equals_the_plain_function(name):
    act = ACTIVATIONS[name]
    z = np.linspace(-800, 800, 2001)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        in_place = act.apply_inplace(z.copy())
    np.testing.assert_allclose(in_place, act.fn(z), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_extreme_inputs_give_no_warning_and_no_nan(name):
    act = ACTIVATIONS[name]
    z = np.array([-1e4, -800.0, -50.0, 0.0, 50.0, 800.0, 1e4])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow RuntimeWarning fails the test
        a = act.fn(z)
        d = act.prime(z)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(d))


def test_sigmoid_values_and_limits():
    assert sigmoid(0.0) == 0.5
    assert sigmoid(1e4) == 1.0 and sigmoid(-1e4) == 0.0
    # the lesson's starting outputs: σ(0.6 + 0.9) and σ(2 + 2)
    assert round(float(sigmoid(1.5)), 2) == 0.82
    assert round(float(sigmoid(4.0)), 2) == 0.98
    # symmetric: σ(−z) = 1 − σ(z), also deep in the tails
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)


def test_leaky_relu_slope_and_float32_kept():
    act = get_activation("leaky_relu")
    np.testing.assert_allclose(act.fn(np.array([-2.0, 3.0])), [-2 * LEAKY_RELU_SLOPE, 3.0])
    z32 = np.array([-1.0, 2.0], dtype=np.float32)
    for a in ACTIVATIONS.values():
        assert a.fn(z32).dtype == np.float32, a.name


def test_softmax_rows_sum_to_one_even_for_huge_inputs():
    z = np.array([[1e4, 0.0, -1e4], [1.0, 2.0, 3.0], [-1e4, -1e4, -1e4]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a = softmax(z)
    np.testing.assert_allclose(a.sum(axis=1), 1.0)
    np.testing.assert_allclose(a[0], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(a[2], [1 / 3] * 3)
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(a[1], e / e.sum())


def test_softmax_derivative_matches_finite_differences():
    z = np.array([0.3, -1.2, 2.0])
    a = softmax(z)
    jacobian = np.diag(a) - np.outer(a, a)  # ∂a_i/∂z_j = a_i(δ_ij − a_j)
    h = 1e-6
    for j in range(3):
        step = np.zeros(3)
        step[j] = h
        numeric = (softmax(z + step) - softmax(z - step)) / (2 * h)
        np.testing.assert_allclose(jacobian[:, j], numeric, rtol=1e-6, atol=1e-10)


def test_unknown_activation_names_the_allowed_ones():
    with pytest.raises(ValueError, match="allowed: sigmoid, tanh, relu, leaky_relu, linear"):
        get_activation("swish")
