"""The lesson's numbers: one sigmoid neuron, x = 1, y = 0, η = 0.15, 300 epochs."""

import math

import numpy as np
import pytest

from nnlab.core.neuron import (
    NEURON_COLUMNS, neuron_training, train_neuron, train_neuron_starts,
)

CLASSIC = {"w=0.6,b=0.9": (0.6, 0.9), "w=2,b=2": (2.0, 2.0)}


def lesson_run(start, cost):
    w, b = CLASSIC[start]
    return train_neuron(1.0, 0.0, w, b, cost, 0.15, 300)


def test_quadratic_from_the_mild_start_goes_from_082_to_009():
    h = lesson_run("w=0.6,b=0.9", "quadratic")
    assert len(h) == 301
    assert round(h.a[0], 2) == 0.82
    assert round(h.a[300], 2) == 0.09


def test_quadratic_from_the_saturated_start_stalls_then_reaches_020():
    h = lesson_run("w=2,b=2", "quadratic")
    assert round(h.a[0], 2) == 0.98
    assert round(h.a[150], 2) == 0.93  # still almost where it started, half-way through
    assert round(h.a[300], 2) == 0.20


@pytest.mark.parametrize("start", CLASSIC)
def test_cross_entropy_falls_below_one_half_within_20_epochs(start):
    h = lesson_run(start, "cross_entropy")
    assert np.min(h.a[:21]) < 0.5
    # and it learns fastest at the start, where it is most wrong
    steps = np.abs(np.diff(h.a))
    assert np.argmax(steps) < 20


def test_the_saturated_start_learns_slower_than_the_mild_one_under_quadratic_cost():
    mild, saturated = lesson_run("w=0.6,b=0.9", "quadratic"), lesson_run("w=2,b=2", "quadratic")
    assert abs(saturated.dC_db[0]) < abs(mild.dC_db[0]) / 5


def test_history_columns_are_consistent():
    h = lesson_run("w=2,b=2", "quadratic")
    cols = h.columns()
    assert tuple(cols) == NEURON_COLUMNS
    np.testing.assert_array_equal(cols["epoch"], np.arange(301))
    np.testing.assert_allclose(cols["z"], cols["w"] * 1.0 + cols["b"])
    np.testing.assert_allclose(cols["a"], 1 / (1 + np.exp(-cols["z"])))
    np.testing.assert_allclose(cols["cost"], 0.5 * cols["a"] ** 2)
    np.testing.assert_allclose(cols["dC_db"], cols["a"] * cols["a"] * (1 - cols["a"]))
    # each epoch applies the gradient of the previous state
    np.testing.assert_allclose(np.diff(cols["w"]), -0.15 * cols["dC_dw"][:-1])
    assert h.status == "finished"


def test_cross_entropy_cost_is_exact_when_the_output_rounds_to_one():
    # z = 40: a rounds to 1.0 in float64, yet the cost −ln(1 − a) is 40 + ln(1 + e^−40)
    state = next(neuron_training(1.0, 0.0, 20.0, 20.0, "cross_entropy", 0.15, 1))
    assert state.a == 1.0
    assert state.cost == pytest.approx(40.0)


def test_the_generator_yields_epoch_zero_first_and_marks_the_last_state():
    states = list(neuron_training(1.0, 0.0, 0.6, 0.9, "quadratic", 0.15, 3))
    assert [s.epoch for s in states] == [0, 1, 2, 3]
    assert states[0].w == 0.6 and states[0].b == 0.9
    assert [s.status for s in states] == ["running"] * 3 + ["finished"]


def test_divergence_stops_with_a_message_naming_the_epoch():
    states = list(neuron_training(1e300, 0.0, 1.0, 0.0, "cross_entropy", 1e300, 10))
    assert states[-1].status == "diverged"
    assert f"epoch {states[-1].epoch}" in states[-1].message
    assert len(states) < 11


def test_unknown_cost_is_refused():
    with pytest.raises(ValueError, match="allowed: quadratic, cross_entropy"):
        train_neuron(1, 0, 1, 1, "hinge", 0.1, 10)


@pytest.mark.parametrize("cost", ["quadratic", "cross_entropy"])
def test_many_starts_at_once_match_single_runs(cost):
    rng = np.random.default_rng(1)
    w0, b0 = rng.uniform(-5, 5, 50), rng.uniform(-5, 5, 50)
    result = train_neuron_starts(w0, b0, 1.0, 0.0, cost, 0.15, 300, record=True)
    assert result.a_history.shape == (301, 50)
    for i in (0, 17, 49):
        single = train_neuron(1.0, 0.0, w0[i], b0[i], cost, 0.15, 300)
        np.testing.assert_allclose(result.a_history[:, i], single.a, rtol=1e-12)
        np.testing.assert_allclose(result.cost_history[:, i], single.cost, rtol=1e-9)
        assert result.w[i] == pytest.approx(single.w[-1], rel=1e-12)
        assert result.b[i] == pytest.approx(single.b[-1], rel=1e-12)


def test_many_starts_stay_finite_for_extreme_starts():
    result = train_neuron_starts([-1e4, 1e4, 0.0], [0.0, 0.0, -1e4], 1.0, 0.0,
                                 "cross_entropy", 0.15, 10)
    assert np.all(np.isfinite(result.a)) and np.all(np.isfinite(result.cost))
    # each epoch lowers w and b by η·(a − y) ≈ 0.15, so z by 0.3, and the cost follows z
    assert math.isclose(result.cost[1], 1e4 - 10 * 0.3, rel_tol=1e-9)
