"""What the network lessons claim, checked on the presets that show them.

Each claim is measured through ``build_runs``, as the lab and ``nnlab run`` run it: the same
start and data order for every run of a preset, so a difference between runs is the compared
setting's doing. The numbers in the comments were measured with the presets' seeds.
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest

from nnlab.core import training as training_module
from nnlab.core.experiment import (
    CompareSettings,
    DataSettings,
    Experiment,
    NetworkSettings,
    TrainingSettings,
    validate_experiment,
)
from nnlab.core.presets import load_preset, preset_names
from nnlab.core.runner import build_runs, execute_run, history_csv, run_experiment
from nnlab.core.snapshots import ParameterSnapshots
from nnlab.core.training import EpochRecord


def runs_by_name(exp: Experiment) -> dict:
    return {run.name: run for run in build_runs(exp)}


def first_epochs(run, n: int, **options) -> list[EpochRecord]:
    """The records of epochs 0..n of a run, without training it any further."""
    return list(itertools.islice(run.start(**options).records, n + 1))


def test_the_lesson_presets_are_listed():
    names = preset_names()
    for name in ("three-class-3-2-3", "digits-64-30-10", "digits-sigmoid-outputs",
                 "deep-sigmoid-vs-relu", "spiral-2-16-16-2", "spiral-learning-rates",
                 "digits-optimizers"):
        assert name in names


# --------------------------------------------------------------------------------------------
# Cross-entropy against the quadratic cost


def test_the_3_2_3_network_learns_the_three_classes_exactly():
    exp = load_preset("three-class-3-2-3")
    assert exp.network.layers == (3, 2, 3) and exp.network.output == "sigmoid"
    first_perfect = {}
    for run in build_runs(exp):
        result = execute_run(run)
        accuracy = result.history["train_accuracy"]
        assert result.final["train_accuracy"] == 1.0, run.name
        first_perfect[run.name] = int(np.argmax(accuracy == 1.0))
    # both get every one of the 21 samples right; cross-entropy much sooner (89 vs 438 epochs)
    assert first_perfect["cross_entropy"] < first_perfect["quadratic"] / 2


def test_digits_64_30_10_cross_entropy_reaches_95_percent_in_30_epochs():
    exp = load_preset("digits-64-30-10")
    assert exp.training.epochs == 30 and exp.network.output == "softmax"
    result = execute_run(runs_by_name(exp)["cross_entropy"])
    assert result.status == "finished" and result.final["epoch"] == 30
    assert result.final["test_accuracy"] >= 0.95  # 0.972


def test_saturated_sigmoid_outputs_learn_faster_with_cross_entropy():
    """With sigmoid outputs and N(0, 1) starting weights many outputs start saturated, where
    the quadratic cost's gradient carries the tiny σ'(z) and cross-entropy's does not."""
    exp = load_preset("digits-sigmoid-outputs")
    assert exp.network.output == "sigmoid" and exp.network.init == "standard"
    runs = runs_by_name(exp)
    quadratic = [r.test_accuracy for r in first_epochs(runs["quadratic"], 5)]
    cross_entropy = [r.test_accuracy for r in first_epochs(runs["cross_entropy"], 5)]
    assert quadratic[0] == cross_entropy[0]  # the same network at epoch 0
    for epoch in range(1, 6):
        # measured: 0.07 vs 0.81 at epoch 1, 0.61 vs 0.94 at epoch 5
        assert cross_entropy[epoch] > quadratic[epoch] + 0.2, epoch


# --------------------------------------------------------------------------------------------
# Vanishing gradients


def test_a_deep_sigmoid_net_has_vanishing_gradients_and_a_relu_net_does_not():
    exp = load_preset("deep-sigmoid-vs-relu")
    assert exp.network.layers == (64, 30, 30, 30, 30, 30, 30, 10)  # six hidden layers
    assert exp.compare == CompareSettings("hidden_activation", ("sigmoid", "relu"))
    runs = runs_by_name(exp)
    ratios = {}
    for name, run in runs.items():
        norms = first_epochs(run, 0)[0].gradient_norms
        assert len(norms) == 7
        ratios[name] = norms[-1] / norms[0]  # last layer's gradient over the first's
    assert ratios["sigmoid"] >= 10  # measured: 1333
    assert ratios["relu"] < 10  # measured: 0.83 (the first layer gets more, not less)

    # and it shows in learning: after 30 epochs the sigmoid net is still at chance
    sigmoid, relu = (execute_run(runs[name]) for name in ("sigmoid", "relu"))
    assert sigmoid.final["test_accuracy"] < 0.2  # 0.09
    assert relu.final["test_accuracy"] > 0.9  # 0.96


# --------------------------------------------------------------------------------------------
# Learning rates


def test_a_huge_learning_rate_diverges_with_a_message_and_nothing_raised():
    exp = load_preset("spiral-learning-rates")
    assert exp.compare.setting == "learning_rate" and 100.0 in exp.compare.values
    runs = runs_by_name(exp)
    wild = execute_run(runs["100"])
    assert wild.status == "diverged"
    epoch = wild.final["epoch"]
    assert 1 <= epoch < exp.training.epochs
    assert wild.message == (f"diverged at epoch {epoch}: the training cost became nan "
                            f"(learning rate 100 may be too large)")
    tame = execute_run(runs["0.1"])
    assert tame.status == "finished" and tame.final["train_accuracy"] > 0.9  # 0.956


# --------------------------------------------------------------------------------------------
# A 2-D toy that learns visibly


def test_the_spiral_is_learnt_in_a_few_hundred_epochs():
    exp = load_preset("spiral-2-16-16-2")
    assert exp.network.layers[0] == 2 and exp.training.epochs <= 500
    for run in build_runs(exp):
        result = execute_run(run)
        accuracy = result.history["train_accuracy"]
        assert accuracy[0] < 0.7, run.name  # the start is no better than a straight line
        # measured: train 0.950 (quadratic) and 0.969 (cross-entropy), test 0.975 both
        wanted = 0.95 if run.name == "cross_entropy" else 0.9
        assert result.final["train_accuracy"] >= wanted, run.name
        assert result.final["test_accuracy"] >= 0.9, run.name


# --------------------------------------------------------------------------------------------
# Fair comparison


def lab(setting: str, values: tuple, costs=("cross_entropy",)) -> Experiment:
    return validate_experiment(Experiment(
        kind="network", seed=11,
        data=DataSettings("circles", test_fraction=0.25, n_samples=60),
        network=NetworkSettings((2, 5, 4, 2), "tanh", "softmax", "xavier"),
        training=TrainingSettings(costs, 0.5, 4, batch_size=7),
        compare=CompareSettings(setting, values),
    ))


EVERY_SETTING = [
    lab("cost", (), costs=("quadratic", "cross_entropy")),
    lab("hidden_activation", ("sigmoid", "tanh", "relu", "leaky_relu", "linear")),
    lab("optimizer", ("batch", "sgd", "mini-batch")),
    lab("learning_rate", (0.5, 0.5001)),
]


@pytest.mark.parametrize("exp", EVERY_SETTING, ids=lambda exp: exp.compare.setting)
def test_every_run_of_every_comparison_starts_from_the_same_parameters(exp):
    runs = build_runs(exp)
    starts = []
    for run in runs:
        snapshots = ParameterSnapshots()
        for record in first_epochs(run, 2, keep_parameters=True):
            snapshots.add(record.epoch, record.parameters)
        epoch, parameters = snapshots.at_or_before(0)
        assert epoch == 0
        starts.append(parameters)
    for parameters in starts[1:]:
        np.testing.assert_array_equal(parameters, starts[0])


def test_runs_that_differ_in_a_hair_of_learning_rate_start_identically_and_part_slowly():
    runs = build_runs(lab("learning_rate", (0.5, 0.5001)))
    a, b = (first_epochs(run, 4, keep_parameters=True) for run in runs)
    assert a[0] == b[0]  # every measured value of epoch 0
    np.testing.assert_array_equal(a[0].parameters, b[0].parameters)
    for x, y in zip(a[1:], b[1:]):
        assert x.train_cost != y.train_cost
        assert x.train_cost == pytest.approx(y.train_cost, rel=1e-2)


def record_sample_order(monkeypatch) -> list:
    """Patch the training loop's batching to note the samples of each epoch in the order the
    run sees them; returns the list that each started run appends its epochs to."""
    seen: list = []
    real = training_module.minibatches

    def noting(x, y, batch_size, rng):
        batches = list(real(x, y, batch_size, rng))
        seen.append(np.concatenate([xb for xb, _ in batches]))
        yield from batches

    monkeypatch.setattr(training_module, "minibatches", noting)
    return seen


@pytest.mark.parametrize("exp", [e for e in EVERY_SETTING if e.compare.setting != "optimizer"],
                         ids=lambda exp: exp.compare.setting)
def test_every_run_sees_the_data_in_the_same_order(monkeypatch, exp):
    orders = []
    for run in build_runs(exp):
        seen = record_sample_order(monkeypatch)
        first_epochs(run, 4)
        orders.append(seen)
        monkeypatch.undo()
    assert len(orders[0]) == 4
    for order in orders[1:]:
        for epoch_a, epoch_b in zip(orders[0], order):
            np.testing.assert_array_equal(epoch_a, epoch_b)
    assert not np.array_equal(orders[0][0], orders[0][1])  # shuffled anew every epoch


def test_sgd_and_mini_batches_see_the_samples_in_the_same_order_cut_differently(monkeypatch):
    runs = runs_by_name(lab("optimizer", ("batch", "sgd", "mini-batch")))
    orders = {}
    for name in ("sgd", "mini-batch"):
        seen = record_sample_order(monkeypatch)
        first_epochs(runs[name], 3)
        orders[name] = seen
        monkeypatch.undo()
    for epoch_sgd, epoch_mini in zip(orders["sgd"], orders["mini-batch"]):
        np.testing.assert_array_equal(epoch_sgd, epoch_mini)


@pytest.mark.parametrize("exp", EVERY_SETTING, ids=lambda exp: exp.compare.setting)
def test_two_builds_of_one_experiment_give_identical_histories(exp):
    assert history_csv(run_experiment(exp)) == history_csv(run_experiment(exp))
    reseeded = dataclasses.replace(exp, seed=exp.seed + 1)
    assert history_csv(run_experiment(reseeded)) != history_csv(run_experiment(exp))
