"""The network training generator: records, determinism, descent variants, divergence guard,
and the digits benchmark of the lesson."""

from types import SimpleNamespace

import numpy as np
import pytest

from nnlab.core import datasets
from nnlab.core.costs import make_cost
from nnlab.core.network import Network
from nnlab.core import optimizers
from nnlab.core.optimizers import GradientDescent, minibatches
from nnlab.core.training import WORKING, EpochRecord, NetworkHistory, StepRecord, train_network


def toy_data(n=60, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 2))
    labels = (x[:, 0] * x[:, 1] > 0).astype(int)
    y = np.eye(2)[labels]
    return SimpleNamespace(x_train=x[:40], y_train=y[:40], x_test=x[40:], y_test=y[40:])


def run(seed, batch_size=8, epochs=5, learning_rate=0.5, momentum=0.0, l2=0.0,
        activation="tanh", output="softmax", data=None):
    rng = np.random.default_rng(seed)
    net = Network([2, 6, 2], activation, output).initialise("xavier", rng)
    records = list(train_network(net, data or toy_data(), make_cost("cross_entropy", output),
                                 GradientDescent(learning_rate, momentum, l2), epochs, rng,
                                 batch_size=batch_size))
    return net, records


def test_records_start_at_epoch_zero_and_end_finished():
    _, records = run(0, epochs=4)
    assert [r.epoch for r in records] == [0, 1, 2, 3, 4]
    assert records[0].steps == 0 and records[0].samples == 0
    assert records[-1].steps == 4 * 5  # 40 samples in batches of 8
    assert records[-1].samples == 4 * 40
    assert [r.status for r in records] == ["running"] * 4 + ["finished"]
    assert all(len(r.gradient_norms) == 2 for r in records)
    assert records[-1].train_cost < records[0].train_cost


def test_same_seed_gives_bit_identical_history_and_other_seed_does_not():
    net_a, rec_a = run(42)
    net_b, rec_b = run(42)
    assert rec_a == rec_b  # dataclass equality compares every float exactly
    for wa, wb in zip(net_a.weights, net_b.weights):
        assert np.array_equal(wa, wb)
    _, rec_c = run(43)
    assert rec_a[-1].train_cost != rec_c[-1].train_cost


def test_full_batch_sgd_and_minibatch_take_their_number_of_steps():
    for batch_size, steps_per_epoch in ((None, 1), (1, 40), (16, 3)):
        _, records = run(1, batch_size=batch_size, epochs=2)
        assert records[-1].steps == 2 * steps_per_epoch


def test_minibatches_cover_every_sample_once_per_epoch():
    rng = np.random.default_rng(0)
    x = np.arange(10.0)[:, None]
    y = x * 2
    batches = list(minibatches(x, y, 4, rng))
    assert [len(xb) for xb, _ in batches] == [4, 4, 2]
    seen = np.concatenate([xb[:, 0] for xb, _ in batches])
    assert sorted(seen) == list(range(10)) and list(seen) != list(range(10))
    assert all(np.array_equal(yb, 2 * xb) for xb, yb in batches)  # pairs stay together
    full = list(minibatches(x, y, None, rng))
    assert len(full) == 1 and full[0][0] is x


def test_large_datasets_are_gathered_per_batch_in_the_same_order(monkeypatch):
    x = np.arange(50.0)[:, None]
    copied = [xb[:, 0].tolist() for xb, _ in minibatches(x, x, 8, np.random.default_rng(4))]
    monkeypatch.setattr(optimizers, "SHUFFLED_COPY_LIMIT", 0)
    gathered = [xb[:, 0].tolist() for xb, _ in minibatches(x, x, 8, np.random.default_rng(4))]
    assert copied == gathered


def test_step_records_come_between_epoch_records():
    rng = np.random.default_rng(0)
    net = Network([2, 3, 2], "sigmoid", "softmax").initialise("scaled", rng)
    records = list(train_network(net, toy_data(), make_cost("quadratic", "softmax"),
                                 GradientDescent(0.1), 1, rng, batch_size=20,
                                 record_steps=True))
    kinds = [type(r) for r in records]
    assert kinds == [EpochRecord, StepRecord, StepRecord, EpochRecord]
    assert all(np.isfinite(r.batch_cost) for r in records if isinstance(r, StepRecord))


def test_momentum_and_l2_change_the_trajectory_and_l2_shrinks_weights():
    plain, _ = run(5, epochs=20, learning_rate=0.1)
    with_momentum, _ = run(5, epochs=20, learning_rate=0.1, momentum=0.9)
    with_l2, _ = run(5, epochs=20, learning_rate=0.1, l2=0.5)
    assert not np.allclose(plain.weights[0], with_momentum.weights[0])
    assert np.linalg.norm(with_l2.weights[0]) < np.linalg.norm(plain.weights[0])


def test_a_huge_learning_rate_diverges_with_a_message_and_no_exception():
    _, records = run(0, epochs=50, learning_rate=1e6, activation="relu", output="sigmoid",
                     batch_size=None)
    last = records[-1]
    assert last.status == "diverged"
    assert f"diverged at epoch {last.epoch}" in last.message
    assert "learning rate 1e+06" in last.message
    assert last.epoch < 50


def test_optimizer_refuses_bad_settings():
    with pytest.raises(ValueError, match="learning rate"):
        GradientDescent(0)
    with pytest.raises(ValueError, match="momentum"):
        GradientDescent(0.1, momentum=1.0)
    with pytest.raises(ValueError, match="L2"):
        GradientDescent(0.1, l2=-1)


def test_network_history_collects_records():
    _, records = run(0, epochs=3)
    history = NetworkHistory(n_layers=2)
    for r in records:
        history.append(r)
    cols = history.columns()
    assert list(cols) == ["epoch", "updates", "samples", "train_cost", "train_accuracy",
                          "test_cost", "test_accuracy", "gradient_norm_1", "gradient_norm_2",
                          "zero_share_1"]
    np.testing.assert_array_equal(cols["epoch"], [0, 1, 2, 3])
    np.testing.assert_array_equal(cols["updates"], [r.steps for r in records])
    np.testing.assert_array_equal(cols["samples"], [r.samples for r in records])
    np.testing.assert_array_equal(cols["gradient_norm_2"], [r.gradient_norms[1] for r in records])
    np.testing.assert_array_equal(cols["zero_share_1"], [r.zero_shares[0] for r in records])
    assert history.status == "finished" and history.steps == records[-1].steps


def test_three_class_3_2_3_network_learns_its_training_set():
    rng = np.random.default_rng(0)
    data = datasets.three_class(rng)
    net = Network([3, 2, 3], "sigmoid", "sigmoid").initialise("scaled", rng)
    records = list(train_network(net, data, make_cost("quadratic"), GradientDescent(3.0),
                                 1000, rng))
    assert records[-1].train_accuracy == 1.0


def test_digits_64_30_10_softmax_cross_entropy_reaches_95_percent_in_30_epochs():
    rng = np.random.default_rng(0)
    data = datasets.digits(rng, test_fraction=0.2)
    assert len(data.x_test) == pytest.approx(0.2 * 1797, abs=1)
    net = Network([64, 30, 10], "sigmoid", "softmax").initialise("scaled", rng)
    records = list(train_network(net, data, make_cost("cross_entropy", "softmax"),
                                 GradientDescent(0.5), 30, rng, batch_size=32))
    assert records[-1].epoch == 30
    assert records[-1].test_accuracy >= 0.95


def test_without_evaluation_records_are_nan_but_training_and_the_guard_still_work():
    rng = np.random.default_rng(2)
    net = Network([2, 6, 2], "tanh", "softmax").initialise("xavier", rng)
    start = net.parameters.copy()
    records = list(train_network(net, toy_data(), make_cost("cross_entropy", "softmax"),
                                 GradientDescent(0.5), 3, rng, batch_size=8, evaluate=False))
    assert [r.epoch for r in records] == [0, 1, 2, 3] and records[-1].status == "finished"
    assert np.isnan(records[-1].train_cost) and records[-1].steps == 15
    assert not np.array_equal(net.parameters, start)
    net = Network([2, 6, 2], "linear", "sigmoid").initialise("xavier", rng)
    records = list(train_network(net, toy_data(), make_cost("cross_entropy"), GradientDescent(1e300),
                                 50, rng, evaluate=False))
    assert records[-1].status == "diverged" and "a parameter became" in records[-1].message


@pytest.mark.parametrize("momentum, l2", [(0.0, 0.0), (0.5, 0.0), (0.0, 0.1)])
def test_train_step_equals_a_gradient_followed_by_a_step(momentum, l2):
    rng = np.random.default_rng(9)
    data = toy_data()
    cost = make_cost("quadratic", "softmax")
    a = Network([2, 5, 2], "sigmoid", "softmax").initialise("scaled", rng)
    b = a.copy()
    opt_a, opt_b = GradientDescent(0.3, momentum, l2), GradientDescent(0.3, momentum, l2)
    buffer = np.empty_like(a.parameters)
    for _ in range(3):
        value = opt_a.train_step(a, data.x_train, data.y_train, cost, buffer, compute_cost=True)
        expected, gradient, _ = b.gradient(data.x_train, data.y_train, cost)
        opt_b.step(b, gradient)
        assert value == pytest.approx(expected, rel=1e-12)
        np.testing.assert_allclose(a.parameters, b.parameters, rtol=1e-12, atol=1e-15)
    # by hand: plain descent is θ − η∇C
    if not momentum and not l2:
        before = a.parameters.copy()
        _, gradient, _ = a.gradient(data.x_train, data.y_train, cost)
        opt_a.train_step(a, data.x_train, data.y_train, cost, buffer)
        np.testing.assert_allclose(a.parameters, before - 0.3 * gradient, rtol=1e-12)


@pytest.mark.parametrize("record_steps", [False, True])
def test_work_marks_come_between_mini_batches_and_change_no_record(record_steps):
    def records(work_marks):
        rng = np.random.default_rng(3)
        net = Network([2, 6, 2], "tanh", "softmax").initialise("xavier", rng)
        return list(train_network(net, toy_data(), make_cost("cross_entropy", "softmax"),
                                  GradientDescent(0.5), 4, rng, batch_size=8,
                                  record_steps=record_steps, keep_parameters=True,
                                  work_marks=work_marks)), net

    plain, plain_net = records(None)
    marked, marked_net = records(1e-12)  # a mark after every mini-batch
    assert WORKING not in plain
    # 5 mini-batches per epoch: a mark after each, the epoch's record after the fifth
    assert sum(r is WORKING for r in marked) == 4 * 5
    assert marked[0] == plain[0]  # epoch 0: no mini-batch, no mark before it
    without_marks = [r for r in marked if r is not WORKING]
    assert without_marks == plain
    for a, b in zip(without_marks, plain):
        if isinstance(a, EpochRecord):
            np.testing.assert_array_equal(a.parameters, b.parameters)
    np.testing.assert_array_equal(marked_net.parameters, plain_net.parameters)
    with pytest.raises(ValueError, match="work_marks"):
        next(train_network(plain_net, toy_data(), make_cost("quadratic"), GradientDescent(0.5),
                           1, np.random.default_rng(0), work_marks=0))
