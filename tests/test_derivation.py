"""The numbers and curves of the derivation of the cross-entropy (nnlab.core.derivation),
checked against hand computation, the lecture notes' numbers and finite differences of the
costs, never against themselves."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nnlab.core import derivation as d
from nnlab.core.derivation import CLASSIC_STARTS, Start, start_numbers


def sigma(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def quadratic(w, b, x, y):
    return 0.5 * (y - sigma(w * x + b)) ** 2


def cross_entropy(w, b, x, y):
    a = sigma(w * x + b)
    return -(y * math.log(a) + (1.0 - y) * math.log(1.0 - a))


def central_difference(f, point, index, h=1e-6):
    """∂f/∂(argument ``index``) at ``point`` by a central difference."""
    up, down = list(point), list(point)
    up[index] += h
    down[index] -= h
    return (f(*up) - f(*down)) / (2 * h)


# --- the two classic starts, by hand ---------------------------------------------------------


def test_the_mild_start_by_hand():
    n = start_numbers(CLASSIC_STARTS[0])
    # z = 0.6 · 1 + 0.9 = 1.5; a = 1 / (1 + e^−1.5) = 1 / 1.2231302 = 0.8175745
    assert n.z == pytest.approx(1.5)
    assert n.a == pytest.approx(0.8175745, abs=1e-7)
    # σ′ = a(1 − a) = 0.8175745 · 0.1824255 = 0.1491465: the 0.149 of DESIGN.md
    assert n.sigma_prime == pytest.approx(0.1491465, abs=1e-7)
    assert round(n.sigma_prime, 3) == 0.149
    # quadratic: ∂C/∂b = (a − y) σ′ = 0.8175745 · 0.1491465 = 0.1219384, ∂C/∂w = x · that
    assert n.quadratic.dC_db == pytest.approx(0.1219383, abs=1e-7)
    assert n.quadratic.dC_dw == pytest.approx(0.1219383, abs=1e-7)
    assert n.quadratic.cost == pytest.approx(0.5 * 0.8175745 ** 2, abs=1e-7)
    # cross-entropy: ∂C/∂b = a − y = 0.8175745, C = −ln(1 − a) = −ln 0.1824255 = 1.7014133
    assert n.cross_entropy.dC_db == pytest.approx(0.8175745, abs=1e-7)
    assert n.cross_entropy.dC_dw == pytest.approx(0.8175745, abs=1e-7)
    assert n.cross_entropy.cost == pytest.approx(1.7014133, abs=1e-7)
    # the ∂C/∂a the wish needs: (a − y)/(a(1 − a)) = 1/(1 − a) = 5.4816891 for y = 0
    assert n.cross_entropy.dC_da == pytest.approx(5.4816891, abs=1e-6)


def test_the_saturated_start_by_hand():
    n = start_numbers(CLASSIC_STARTS[1])
    # z = 2 · 1 + 2 = 4; a = 1 / (1 + e^−4) = 1 / 1.0183156 = 0.9820138
    assert n.z == pytest.approx(4.0)
    assert n.a == pytest.approx(0.9820138, abs=1e-7)
    # σ′ = 0.9820138 · 0.0179862 = 0.0176627: the 0.0177 of DESIGN.md (note 003 prints
    # 0.0196 from a rounded to 0.98, and 0.1539 on its second line)
    assert n.sigma_prime == pytest.approx(0.0176627, abs=1e-7)
    assert round(n.sigma_prime, 4) == 0.0177
    assert n.quadratic.dC_db == pytest.approx(0.9820138 * 0.0176627, abs=1e-7)
    assert n.cross_entropy.dC_db == pytest.approx(0.9820138, abs=1e-7)
    assert n.cross_entropy.cost == pytest.approx(4.0181499, abs=1e-7)  # ln(1 + e⁴)
    assert n.cross_entropy.dC_da == pytest.approx(55.598150, abs=1e-5)
    # the cross-entropy's gradient is 1/σ′ = 56.6 times the quadratic's
    assert n.speed_up == pytest.approx(56.6165, abs=1e-3)
    assert n.cross_entropy.dC_db / n.quadratic.dC_db == pytest.approx(n.speed_up)


def test_the_saturated_start_learns_eight_times_slower_under_the_quadratic_cost():
    mild, saturated = (start_numbers(s) for s in CLASSIC_STARTS)
    assert mild.sigma_prime / saturated.sigma_prime == pytest.approx(8.444, abs=1e-3)
    assert mild.quadratic.dC_db / saturated.quadratic.dC_db == pytest.approx(7.030, abs=1e-3)


# --- every start against finite differences of the costs -------------------------------------

STARTS = [*CLASSIC_STARTS, Start(-1.5, 0.25, -2.0, 0.3), Start(0.2, -0.7, 3.0, 1.0),
          Start(1.0, 1.0, 0.5, 0.5), Start(-3.0, 2.0, 1.0, 0.0)]


@pytest.mark.parametrize("start", STARTS, ids=lambda s: f"w{s.w}-b{s.b}-x{s.x}-y{s.y}")
def test_the_gradients_are_those_of_finite_differences(start):
    n = start_numbers(start)
    point = (start.w, start.b, start.x, start.y)
    for cost, numbers in ((quadratic, n.quadratic), (cross_entropy, n.cross_entropy)):
        assert numbers.cost == pytest.approx(cost(*point), rel=1e-12)
        assert numbers.dC_dw == pytest.approx(central_difference(cost, point, 0),
                                              rel=1e-6, abs=1e-9)
        assert numbers.dC_db == pytest.approx(central_difference(cost, point, 1),
                                              rel=1e-6, abs=1e-9)


@pytest.mark.parametrize("start", STARTS, ids=lambda s: f"w{s.w}-b{s.b}-x{s.x}-y{s.y}")
def test_the_chain_rule_of_the_derivation_holds_at_every_start(start):
    n = start_numbers(start)
    y = start.y
    # σ′(z) by a finite difference of σ
    assert n.sigma_prime == pytest.approx((sigma(n.z + 1e-6) - sigma(n.z - 1e-6)) / 2e-6,
                                          rel=1e-6)
    # ∂C/∂b = ∂C/∂a · σ′(z) for both costs; the cross-entropy's is the wish a − y
    assert n.quadratic.dC_db == pytest.approx(n.quadratic.dC_da * n.sigma_prime, rel=1e-12)
    assert n.cross_entropy.dC_db == pytest.approx(n.cross_entropy.dC_da * n.sigma_prime,
                                                  rel=1e-12)
    assert n.cross_entropy.dC_db == pytest.approx(n.a - y, rel=1e-12)
    # ∂C/∂a by a finite difference of the costs over a
    a, h = n.a, 1e-7
    for f, slope in ((d.quadratic_cost, n.quadratic.dC_da),
                     (d.cross_entropy_cost, n.cross_entropy.dC_da)):
        assert slope == pytest.approx((f(a + h, y) - f(a - h, y)) / (2 * h), rel=1e-5)


def test_a_saturated_start_keeps_its_true_slope_and_cost():
    # z = 40: a rounds to 1, but 1 − a = σ(−40) = e^−40 / (1 + e^−40) = 4.248·10⁻¹⁸
    n = start_numbers(Start(10.0, 30.0, 1.0, 0.0))
    assert n.one_minus_a == pytest.approx(math.exp(-40) / (1 + math.exp(-40)), rel=1e-12)
    assert n.sigma_prime == pytest.approx(math.exp(-40), rel=1e-12)
    assert n.cross_entropy.cost == pytest.approx(40.0, rel=1e-12)  # ln(1 + e⁴⁰)
    assert n.cross_entropy.dC_db == 1.0 and math.isfinite(n.cross_entropy.dC_da)
    # beyond z ≈ 745 σ′ underflows: the wished ∂C/∂a is then infinite, not NaN
    far = start_numbers(Start(10.0, 800.0, 1.0, 0.3))
    assert far.sigma_prime == 0.0 and far.cross_entropy.dC_da == math.inf
    assert far.quadratic.dC_db == 0.0 and far.cross_entropy.dC_db == pytest.approx(0.7)


# --- the curves of the plots --------------------------------------------------------------------


@pytest.mark.parametrize("y", [0.0, 0.3, 1.0])
def test_the_wished_derivative_integrates_to_the_cross_entropy(y):
    a = np.linspace(0.05, 0.95, 20001)
    needed = d.cross_entropy_dC_da(a, y)
    # the split of the derivation: (a − y)/(a(1 − a)) = (1 − y)/(1 − a) − y/a
    np.testing.assert_allclose(needed, (1 - y) / (1 - a) - y / a, rtol=1e-12)
    # ∫ from 0.05 to a of ∂C/∂a (trapezoids) = C(a) − C(0.05)
    integral = np.concatenate(([0.0], np.cumsum((needed[1:] + needed[:-1]) / 2 * np.diff(a))))
    cost = d.cross_entropy_cost(a, y)
    np.testing.assert_allclose(integral, cost - cost[0], atol=1e-6)


@pytest.mark.parametrize("y", [0.0, 0.3, 1.0])
def test_the_gradient_curves_over_a_are_the_costs_gradients(y):
    a = d.outputs(401)
    z = np.log(a / (1 - a))  # a = σ(z)
    h = 1e-6
    # ∂C/∂b = ∂C/∂z, by a finite difference of each cost along z
    for cost, gradient in ((lambda z: 0.5 * (d.sigmoid_curve(z) - y) ** 2, d.quadratic_dC_db),
                           (lambda z: d.cross_entropy_cost(d.sigmoid_curve(z), y),
                            d.cross_entropy_dC_db)):
        np.testing.assert_allclose(gradient(a, y), (cost(z + h) - cost(z - h)) / (2 * h),
                                   rtol=1e-4, atol=1e-8)
    np.testing.assert_allclose(d.quadratic_cost_of_z(z, y), d.quadratic_cost(a, y),
                               rtol=1e-9, atol=1e-15)


def test_the_cross_entropy_is_a_cost_positive_and_zero_at_the_target():
    a = d.outputs()
    for y in (0.0, 1.0, 0.3):
        assert np.all(d.cross_entropy_cost(a, y) > 0.0)
    # C → 0 as a → y for y = 0 and 1: −ln(1 − a) and −ln a
    assert d.cross_entropy_cost(0.0, 0.0) == 0.0 and d.cross_entropy_cost(1.0, 1.0) == 0.0
    assert math.copysign(1.0, d.cross_entropy_cost(0.0, 0.0)) == 1.0  # no "−0"
    assert d.cross_entropy_cost(1e-6, 0.0) == pytest.approx(1e-6, rel=1e-5)
    assert d.cross_entropy_cost(1 - 1e-6, 1.0) == pytest.approx(1e-6, rel=1e-5)
    # for a y between 0 and 1 its least value, at a = y, is the entropy of y
    assert d.least_cross_entropy(0.5) == pytest.approx(math.log(2))
    grid = np.linspace(0.001, 0.999, 999)
    assert float(d.cross_entropy_cost(grid, 0.3).min()) == pytest.approx(
        d.least_cross_entropy(0.3), abs=1e-5)


def test_the_outputs_of_the_curves_stay_inside_zero_and_one():
    a = d.outputs(801)
    assert a[0] > 0.0 and a[-1] < 1.0 and np.all(np.diff(a) > 0)
    assert np.all(np.isfinite(d.cross_entropy_dC_da(a, 0.0)))
    sigmoid_slope = d.sigmoid_slope_curve(np.array([0.0, 1.5, 4.0]))
    np.testing.assert_allclose(sigmoid_slope, [0.25, 0.1491465, 0.0176627], atol=1e-7)


def test_the_numbers_of_the_lesson_are_the_classic_starts_and_a_start_of_ones_own():
    assert [n.start for n in d.shown_starts(CLASSIC_STARTS[1])] == list(CLASSIC_STARTS)
    own = Start(1.0, -0.5, 2.0, 0.25)
    shown = d.shown_starts(own)
    assert [n.start for n in shown] == [*CLASSIC_STARTS, own]
    record = shown[-1].as_dict()
    assert set(record) == {"w", "b", "x", "y", "z", "a", "sigma_prime", "quadratic",
                           "cross_entropy"}
    assert set(record["quadratic"]) >= {"dC_dw", "dC_db"}
    assert (record["w"], record["b"], record["x"], record["y"]) == (1.0, -0.5, 2.0, 0.25)
    assert record["z"] == pytest.approx(1.5)
