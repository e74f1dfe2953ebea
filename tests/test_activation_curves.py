"""The maths behind the lesson "Activation functions": every activation's slope against
central finite differences, the saturated intervals against their closed forms, the largest
slopes, the depth bound (1/4)ⁿ, the timings of the functions on this machine, and the XOR
presets where linear hidden units fail and tanh units learn."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnlab.core.activation_curves import (
    ACTIVATION_NAMES, SATURATION_THRESHOLD, Z_RANGE, activation_curve, activation_curves,
    depth_bound, max_derivative, operating_point, saturated_intervals,
)
from nnlab.core.activation_timing import ratios_to, time_activations
from nnlab.core.activations import LEAKY_RELU_SLOPE
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs, execute_run

H = 1e-6


def test_the_lesson_shows_the_five_hidden_activations():
    assert ACTIVATION_NAMES == ("sigmoid", "tanh", "relu", "leaky_relu", "linear")


@pytest.mark.parametrize("name", ACTIVATION_NAMES)
def test_every_sampled_slope_matches_central_differences(name):
    curve = activation_curve(name)
    z = curve.z
    away_from_kink = np.abs(z) > 10 * H  # ReLU's and leaky ReLU's slope jumps at 0
    up = np.array([operating_point(name, v + H)[0] for v in z])
    down = np.array([operating_point(name, v - H)[0] for v in z])
    numeric = (up - down) / (2 * H)
    np.testing.assert_allclose(curve.derivative[away_from_kink], numeric[away_from_kink],
                               rtol=1e-6, atol=1e-8)
    # the value curve is the function itself, and the marked point lies on both curves
    for index in (0, 37, 100, 163, 200):
        value, slope = operating_point(name, z[index])
        assert value == pytest.approx(curve.value[index], abs=1e-15)
        assert slope == pytest.approx(curve.derivative[index], abs=1e-15)


def test_the_curves_span_the_lessons_z_range_with_zero_among_the_points():
    curve = activation_curve("sigmoid")
    assert (curve.z[0], curve.z[-1]) == Z_RANGE
    assert 0.0 in curve.z
    assert set(activation_curves()) == set(ACTIVATION_NAMES)


def test_the_largest_slopes():
    expected = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0, "leaky_relu": 1.0, "linear": 1.0}
    for name, bound in expected.items():
        assert max_derivative(name) == pytest.approx(bound, abs=1e-12), name
        # and no sampled slope exceeds it
        assert activation_curve(name).derivative.max() <= bound + 1e-12


def test_the_saturated_intervals_agree_with_their_closed_forms():
    # σ′ = σ(1 − σ) = t  ⇔  σ = (1 ± √(1 − 4t))/2, z = ln(σ/(1 − σ))
    t = SATURATION_THRESHOLD
    root = math.sqrt(1 - 4 * t)
    sigmoid_edge = math.log((1 + root) / (1 - root))
    # tanh′ = 1 − tanh² = t  ⇔  z = artanh(√(1 − t))
    tanh_edge = math.atanh(math.sqrt(1 - t))
    low, high = Z_RANGE
    got = {name: saturated_intervals(name) for name in ACTIVATION_NAMES}
    assert sigmoid_edge == pytest.approx(3.8708, abs=1e-4)
    assert tanh_edge == pytest.approx(2.6441, abs=1e-4)
    np.testing.assert_allclose(got["sigmoid"], [(low, -sigmoid_edge), (sigmoid_edge, high)],
                               atol=1e-9)
    np.testing.assert_allclose(got["tanh"], [(low, -tanh_edge), (tanh_edge, high)], atol=1e-9)
    assert got["relu"] == ((low, 0.0),)  # slope 0 for every z ≤ 0
    assert LEAKY_RELU_SLOPE < t and got["leaky_relu"] == ((low, 0.0),)  # 0.01 < 0.02
    assert got["linear"] == ()


def test_saturated_intervals_follow_the_threshold_and_the_range():
    # a threshold the sigmoid never reaches below: nowhere saturated within ±1
    assert saturated_intervals("sigmoid", (-1.0, 1.0)) == ()
    # leaky ReLU's 0.01 is below 0.02 but not below 0.005
    assert saturated_intervals("leaky_relu", threshold=0.005) == ()
    # an interval inside the range, not touching its ends
    (lo, hi), = saturated_intervals("relu", (-2.0, 3.0))
    assert (lo, hi) == (-2.0, 0.0)
    # every point inside an interval is saturated, every point outside is not
    z = np.linspace(*Z_RANGE, 1001)
    for name in ACTIVATION_NAMES:
        intervals = saturated_intervals(name)
        inside = np.zeros_like(z, dtype=bool)
        for lo, hi in intervals:
            inside |= (z > lo + 1e-9) & (z < hi - 1e-9)
        slope = np.array([operating_point(name, v)[1] for v in z])
        assert np.all(slope[inside] < SATURATION_THRESHOLD), name
        edges = np.zeros_like(z, dtype=bool)
        for lo, hi in intervals:
            edges |= (np.abs(z - lo) < 1e-9) | (np.abs(z - hi) < 1e-9)
        assert np.all(slope[~inside & ~edges] >= SATURATION_THRESHOLD), name


def test_the_depth_bound_is_a_power_of_the_largest_slope():
    n = np.arange(1, 21)
    np.testing.assert_allclose(depth_bound(max_derivative("sigmoid"), n), 0.25 ** n,
                               rtol=1e-12)
    assert depth_bound(0.25, [6])[0] == pytest.approx(2.44140625e-4, rel=1e-12)
    for name in ("tanh", "relu", "leaky_relu", "linear"):
        np.testing.assert_array_equal(depth_bound(max_derivative(name), n), np.ones(20))


def test_the_timings_are_positive_for_every_function_and_its_slope():
    timings = list(time_activations(size=20_000, repeats=2))
    assert [t.name for t in timings] == list(ACTIVATION_NAMES)
    for timing in timings:
        assert timing.size == 20_000
        assert timing.value_seconds > 0 and timing.derivative_seconds > 0, timing.name
        assert math.isfinite(timing.value_seconds) and math.isfinite(timing.derivative_seconds)
    shares = {t.name: t.zero_share for t in timings}
    # ReLU is exactly 0 for the inputs below 0 (about half of standard-normal values)
    assert 0.45 < shares["relu"] < 0.55
    assert shares["sigmoid"] == shares["tanh"] == shares["leaky_relu"] == 0.0
    ratios = ratios_to(timings)
    assert ratios["relu"] == (1.0, 1.0)
    assert all(r > 0 for pair in ratios.values() for r in pair)


# --- the preset that shows why a network needs a non-linearity ---------------------------------


@pytest.mark.parametrize("preset, layers", [("xor-linear-vs-tanh", (2, 8, 2)),
                                            ("xor-deep-linear-vs-tanh", (2, 8, 8, 8, 2))])
def test_on_xor_linear_hidden_units_stay_near_chance_and_tanh_units_learn(preset, layers):
    experiment = load_preset(preset)
    assert experiment.network.layers == layers and experiment.data.dataset == "xor"
    assert experiment.network.output == "softmax"
    assert experiment.training.costs == ("cross_entropy",)
    results = {run.name: execute_run(run) for run in build_runs(experiment)}
    assert set(results) == {"linear", "tanh"}
    linear, tanh = (results[name].final["test_accuracy"] for name in ("linear", "tanh"))
    assert linear <= 0.60  # one straight cut: 33.8 % (2-8-2), 46.2 % (2-8-8-8-2)
    assert tanh >= 0.95    # 100 %
