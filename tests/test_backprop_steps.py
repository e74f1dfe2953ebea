"""The numbers of "Backpropagation one number at a time" (nnlab.core.backprop_steps), checked
against independent references: the core's Network.backprop, central finite differences and
a forward pass written out by hand; the numbering w1 … w12, b1 … b5 against what each
parameter touches; one update lowers the loss; and the update counts of batch, stochastic and
mini-batch descent on the lesson's 21 samples."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from nnlab.core import backprop_steps as bp
from nnlab.core.backprop_steps import (
    BIAS_NAMES, DEFAULT_EXAMPLE, PARAMETER_NAMES, WEIGHT_NAMES, Example, backprop_numbers,
    descent_histories, forward, lesson_dataset, network_gradients, random_example,
    to_network, updates_per_epoch,
)


def random_examples(count: int, use_biases: bool, seed: int = 7) -> list[Example]:
    rng = np.random.default_rng(seed)
    examples = []
    for _ in range(count):
        examples.append(Example(
            x=tuple(rng.uniform(-2, 2, 3)), y=bp.one_hot(int(rng.integers(3))),
            eta=float(rng.uniform(0.05, 2.0)), weights=tuple(rng.normal(0, 1.5, 12)),
            biases=tuple(rng.normal(0, 1, 5)), use_biases=use_biases))
    return examples


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


# --- gradients: backprop = Network.backprop = finite differences ------------------------------


@pytest.mark.parametrize("use_biases", [True, False], ids=["biases", "no-biases"])
def test_gradients_equal_the_networks_backprop_for_random_weights(use_biases):
    for example in random_examples(25, use_biases):
        numbers = backprop_numbers(example)
        loss, expected = network_gradients(example)
        # Network's quadratic cost is the mean over rows of ½Σ(a − y)²: one row, ℒ itself
        assert numbers.loss == pytest.approx(loss, rel=1e-12, abs=1e-15)
        for name in WEIGHT_NAMES:
            assert numbers.gradients[name] == pytest.approx(expected[name], rel=1e-9,
                                                            abs=1e-13), name
        for name in BIAS_NAMES:  # the slope ℒ would have at b = 0, as the network sees it
            assert numbers.gradients[name] == pytest.approx(expected[name], rel=1e-9,
                                                            abs=1e-13), name


@pytest.mark.parametrize("use_biases", [True, False], ids=["biases", "no-biases"])
def test_gradients_equal_central_finite_differences_to_six_digits(use_biases):
    for example in [DEFAULT_EXAMPLE, *random_examples(25, use_biases, seed=11)]:
        example = replace(example, use_biases=use_biases)
        numbers = backprop_numbers(example)
        for name in PARAMETER_NAMES:
            gradient, estimate = numbers.gradients[name], numbers.finite_differences[name]
            assert abs(gradient - estimate) < 1e-8, name
            # six significant digits (a digit at a rounding boundary aside)
            assert abs(gradient - estimate) <= 1e-6 * abs(gradient) + 1e-10, name
        assert numbers.largest_difference < 1e-8


def test_the_forward_pass_is_the_sum_written_out():
    e = DEFAULT_EXAMPLE
    w = dict(zip(WEIGHT_NAMES, e.weights))
    b = dict(zip(BIAS_NAMES, e.biases))
    x1, x2, x3 = e.x
    h1 = sigmoid(w["w1"] * x1 + w["w2"] * x2 + w["w3"] * x3 + b["b1"])
    h2 = sigmoid(w["w4"] * x1 + w["w5"] * x2 + w["w6"] * x3 + b["b2"])
    o1 = sigmoid(w["w7"] * h1 + w["w8"] * h2 + b["b3"])
    o2 = sigmoid(w["w9"] * h1 + w["w10"] * h2 + b["b4"])
    o3 = sigmoid(w["w11"] * h1 + w["w12"] * h2 + b["b5"])
    f = forward(e)
    assert [f.a[u] for u in ("h1", "h2", "o1", "o2", "o3")] == pytest.approx([h1, h2, o1, o2, o3])
    assert f.loss == pytest.approx(0.5 * ((o1 - 1) ** 2 + o2 ** 2 + o3 ** 2))
    # and the same as the core's network
    network_out = to_network(e).forward(np.array([e.x]))[0]
    assert network_out == pytest.approx([o1, o2, o3], abs=1e-15)
    # the chain rule by hand: ∂ℒ/∂w7 = (ŷ1 − y1)·σ′(z_o1)·a_h1
    n = backprop_numbers(e)
    assert n.gradients["w7"] == pytest.approx((o1 - 1) * o1 * (1 - o1) * h1)
    delta_h1 = ((o1 - 1) * o1 * (1 - o1) * w["w7"] + o2 * o2 * (1 - o2) * w["w9"]
                + o3 * o3 * (1 - o3) * w["w11"]) * h1 * (1 - h1)
    assert n.delta["h1"] == pytest.approx(delta_h1)
    assert n.gradients["w2"] == pytest.approx(delta_h1 * x2)


def test_the_lessons_default_numbers():
    n = backprop_numbers(DEFAULT_EXAMPLE)
    assert DEFAULT_EXAMPLE.x == (1.0, 0.5, -0.5) and DEFAULT_EXAMPLE.y == (1.0, 0.0, 0.0)
    assert DEFAULT_EXAMPLE.eta == 0.5 and DEFAULT_EXAMPLE.use_biases
    assert n.z["h1"] == pytest.approx(0.15 - 0.1 - 0.125 + 0.1)
    assert round(n.loss, 3) == 0.430 and round(n.loss_after, 3) == 0.388
    assert n.loss_after < n.loss


# --- the update ---------------------------------------------------------------------------------


@pytest.mark.parametrize("use_biases", [True, False], ids=["biases", "no-biases"])
def test_an_update_at_a_small_learning_rate_lowers_the_loss(use_biases):
    for example in random_examples(30, use_biases, seed=3):
        example = replace(example, eta=0.01)
        n = backprop_numbers(example)
        for name in WEIGHT_NAMES:
            assert n.updated[name] == pytest.approx(
                example.weights[WEIGHT_NAMES.index(name)] - 0.01 * n.gradients[name])
        if any(abs(g) > 1e-9 for g in n.gradients.values()):
            assert n.loss_after < n.loss
        if not use_biases:  # left out: 0, and not trained
            assert all(n.updated[name] == 0.0 for name in BIAS_NAMES)
        else:
            assert n.updated["b3"] == pytest.approx(example.biases[2] - 0.01 * n.gradients["b3"])


def test_biases_left_out_are_zero_in_the_network():
    example = replace(DEFAULT_EXAMPLE, use_biases=False)
    network = to_network(example)
    assert all(np.all(b == 0.0) for b in network.biases)
    assert backprop_numbers(example).as_dict()["biases"] == {name: 0.0 for name in BIAS_NAMES}
    assert backprop_numbers(example).loss != backprop_numbers(DEFAULT_EXAMPLE).loss


# --- the numbering ------------------------------------------------------------------------------


def test_perturbing_w7_changes_only_o1s_input_from_h1():
    before = forward(DEFAULT_EXAMPLE)
    after = forward(DEFAULT_EXAMPLE.with_parameters({"w7": DEFAULT_EXAMPLE.weights[6] + 0.3}))
    assert after.z["o1"] == pytest.approx(before.z["o1"] + 0.3 * before.a["h1"])
    for unit in ("h1", "h2", "o2", "o3"):
        assert after.z[unit] == before.z[unit]


@pytest.mark.parametrize("name", PARAMETER_NAMES)
def test_each_parameter_moves_only_the_unit_it_leads_into(name):
    """Each name sits where the lesson says: w1 … w3 carry x1 … x3 into h1, w4 … w6 into h2;
    w7, w8 carry h1, h2 into o1, w9, w10 into o2, w11, w12 into o3; b1, b2 the hidden
    units', b3 … b5 the outputs'. Checked in the core's network: its weight matrices."""
    example = replace(DEFAULT_EXAMPLE, x=(1.0, 2.0, 3.0))
    base = to_network(example)
    moved = to_network(example.with_parameters({name: example.parameters()[name] + 1.0}))
    changed = [(layer, index) for layer in range(2)
               for index in zip(*np.nonzero(moved.weights[layer] != base.weights[layer]))]
    changed_b = [(layer, int(j)) for layer in range(2)
                 for j in np.nonzero(moved.biases[layer] != base.biases[layer])[0]]
    expected_unit = {
        **{f"w{i}": "h1" for i in (1, 2, 3)}, **{f"w{i}": "h2" for i in (4, 5, 6)},
        "w7": "o1", "w8": "o1", "w9": "o2", "w10": "o2", "w11": "o3", "w12": "o3",
        "b1": "h1", "b2": "h2", "b3": "o1", "b4": "o2", "b5": "o3"}[name]
    unit_index = {"h1": (0, 0), "h2": (0, 1), "o1": (1, 0), "o2": (1, 1), "o3": (1, 2)}
    layer, j = unit_index[expected_unit]
    if name.startswith("w"):
        carries = {**{f"w{i}": (i - 1) % 3 for i in range(1, 7)},
                   "w7": 0, "w9": 0, "w11": 0, "w8": 1, "w10": 1, "w12": 1}[name]
        assert changed == [(layer, (j, carries))] and changed_b == []
    else:
        assert changed == [] and changed_b == [(layer, j)]
    # and the forward pass: only that unit's z changes (and what it feeds)
    before, after = forward(example), forward(example.with_parameters(
        {name: example.parameters()[name] + 1.0}))
    assert after.z[expected_unit] != before.z[expected_unit]
    for unit in ("h1", "h2") if expected_unit.startswith("o") else ():
        assert after.z[unit] == before.z[unit]
    for unit in ("o1", "o2", "o3") if expected_unit.startswith("o") else ():
        if unit != expected_unit:
            assert after.z[unit] == before.z[unit]


def test_the_names_survive_a_trip_through_the_network():
    example = random_examples(1, True)[0]
    values = bp.named_parameters(to_network(example))
    assert values == pytest.approx(example.parameters())


# --- a random start -----------------------------------------------------------------------------


def test_a_random_start_is_reproducible_from_its_seed():
    one, again, other = random_example(5), random_example(5), random_example(6)
    assert one == again and one != other
    assert one.x == DEFAULT_EXAMPLE.x and one.eta == DEFAULT_EXAMPLE.eta
    assert all(round(v, 2) == v for v in (*one.weights, *one.biases))


# --- batch, stochastic and mini-batch descent ---------------------------------------------------


def test_update_counts_per_epoch_of_the_three_methods():
    dataset = lesson_dataset()
    n = len(dataset.x_train)
    assert n == 21
    assert updates_per_epoch("batch", n) == 1
    assert updates_per_epoch("sgd", n) == 21
    for size in (2, 4, 5, 10):
        assert updates_per_epoch("mini-batch", n, size) == math.ceil(21 / size)
    histories = descent_histories(DEFAULT_EXAMPLE, dataset, epochs=3, mini_batch=4)
    assert list(histories) == ["batch", "sgd", "mini-batch"]
    assert list(histories["batch"].updates) == [0, 1, 2, 3]
    assert list(histories["sgd"].updates) == [0, 21, 42, 63]
    assert list(histories["mini-batch"].updates) == [0, 6, 12, 18]
    for history in histories.values():  # every method sees every sample once an epoch
        assert list(history.samples) == [0, 21, 42, 63]
        assert list(history.epochs) == [0, 1, 2, 3]
    # the same start: the same loss at epoch 0
    assert len({h.loss[0] for h in histories.values()}) == 1


def test_on_epochs_sgd_is_fastest_and_on_updates_it_is_not():
    histories = descent_histories(DEFAULT_EXAMPLE, lesson_dataset())
    batch, sgd = histories["batch"], histories["sgd"]
    assert sgd.loss[-1] < histories["mini-batch"].loss[-1] < batch.loss[-1]
    # after as many updates as batch descent made in all its epochs, SGD is no better off
    at_same_updates = np.interp(batch.updates[-1], sgd.updates, sgd.loss)
    assert at_same_updates > 0.5 * batch.loss[-1]
    assert batch.seconds < sgd.seconds


@pytest.mark.parametrize("momentum", [0.0, 0.9])
def test_weights_only_descent_keeps_every_bias_and_steps_the_weights_by_eta_times_dw(momentum):
    """The note's network without biases, trained: the biases stay as they are and each
    weight moves by −η ∂C/∂w, the gradient taken here by central differences of the cost."""
    from nnlab.core.costs import make_cost
    from nnlab.core.optimizers import GradientDescent

    dataset = lesson_dataset()
    example = replace(random_examples(1, use_biases=True)[0], eta=0.3)
    network = to_network(example)
    cost = make_cost("quadratic")
    x, y = dataset.x_train, dataset.y_train
    expected = network.parameters.copy()
    h = 1e-6
    for i in range(expected.size):
        if network.weight_mask[i]:
            up, down = network.copy(), network.copy()
            up.parameters[i] += h
            down.parameters[i] -= h
            slope = (cost.fn(up.forward(x), y) - cost.fn(down.forward(x), y)) / (2 * h)
            expected[i] -= 0.3 * slope
    before = network.parameters.copy()
    GradientDescent(0.3, momentum=momentum, weights_only=True).train_step(
        network, x, y, cost, np.empty_like(network.parameters))
    biases = network.weight_mask == 0
    np.testing.assert_array_equal(network.parameters[biases], before[biases])
    np.testing.assert_allclose(network.parameters, expected, rtol=0, atol=1e-8)


def test_train_on_without_biases_trains_the_weights_alone():
    """Batch descent without biases against a loop that trains every parameter and sets
    the biases back to 0 after each step (the same thing, reached another way)."""
    from nnlab.core.costs import make_cost
    from nnlab.core.optimizers import GradientDescent
    from nnlab.core.training import EpochRecord, StepRecord, train_network

    dataset = lesson_dataset()
    without = replace(DEFAULT_EXAMPLE, use_biases=False)
    histories = descent_histories(without, dataset, epochs=5)
    network = to_network(without)
    biases = network.weight_mask == 0
    losses = []
    for record in train_network(network, dataset, make_cost("quadratic"),
                                GradientDescent(without.eta), 5, np.random.default_rng(0),
                                None, record_steps=True):
        if isinstance(record, StepRecord):
            network.parameters[biases] = 0.0
        elif isinstance(record, EpochRecord):
            losses.append(record.train_cost)
    np.testing.assert_allclose(histories["batch"].loss, losses, rtol=1e-12)
    assert losses[-1] < losses[0]
