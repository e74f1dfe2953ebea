"""The evaluation maths against independent references: small cases worked out by hand, and
plain loops over the samples (pure Python arithmetic, one sample at a time)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from nnlab.core import evaluation
from nnlab.core.datasets import Dataset
from nnlab.core.evaluation import (
    Evaluation, EvaluationCache, accuracy, confusion_matrix, evaluate, evaluated_part,
    largest_outputs, mistakes_by_confidence, parameters_fingerprint, predicted_classes,
)
from nnlab.core.network import Network


def one_hot(labels, n_classes: int) -> np.ndarray:
    targets = np.zeros((len(labels), n_classes))
    for row, label in enumerate(labels):
        targets[row, label] = 1.0
    return targets


def dataset(x_train, labels_train, x_test, labels_test, n_classes: int) -> Dataset:
    x_train = np.asarray(x_train, dtype=float).reshape(len(labels_train), -1)
    x_test = np.asarray(x_test, dtype=float).reshape(len(labels_test), x_train.shape[1])
    return Dataset("hand-made", x_train, one_hot(labels_train, n_classes), x_test,
                   one_hot(labels_test, n_classes),
                   tuple(str(i) for i in range(n_classes)))


def largest_by_loop(row) -> int:
    """The first index of the largest entry, by walking the row."""
    best = 0
    for j in range(1, len(row)):
        if row[j] > row[best]:
            best = j
    return best


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def output_z_by_loop(network: Network, sample) -> list[float]:
    """z of the output layer for one sample, weight by weight (tanh hidden layers)."""
    a = [float(v) for v in sample]
    for layer, (w, b) in enumerate(zip(network.weights, network.biases)):
        z = [float(b[j]) + sum(float(w[j, k]) * a[k] for k in range(len(a)))
             for j in range(len(b))]
        if layer == network.n_layers - 1:
            return z
        a = [math.tanh(value) for value in z]
    raise AssertionError("a network has at least one weight layer")


# -- the predicted-class rule --------------------------------------------------------------

def test_the_predicted_class_is_the_largest_output_worked_by_hand():
    outputs = [[0.1, 0.7, 0.2],
               [0.9, 0.05, 0.05],
               [0.3, 0.3, 0.4],
               [0.5, 0.5, 0.0]]   # a tie: the first of the largest
    assert predicted_classes(outputs).tolist() == [1, 0, 2, 0]


def test_one_output_unit_predicts_class_one_from_one_half_up():
    outputs = [[0.0], [0.4999], [0.5], [0.5001], [1.0]]
    assert predicted_classes(outputs).tolist() == [0, 0, 1, 1, 1]


def test_the_predicted_class_agrees_with_a_loop_over_the_rows():
    rng = np.random.default_rng(3)
    outputs = rng.random((300, 6))
    looped = [largest_by_loop(row) for row in outputs]
    assert predicted_classes(outputs).tolist() == looped
    single = rng.random((300, 1))
    assert predicted_classes(single).tolist() == [1 if row[0] >= 0.5 else 0 for row in single]


def test_the_predicted_class_wants_one_row_a_sample():
    with pytest.raises(ValueError):
        predicted_classes([0.2, 0.8])


def test_the_network_predicts_by_the_same_rule():
    # one output unit: σ(z) ≥ 0.5 exactly where z ≥ 0, so x ≥ 1 for w = 2, b = −2
    network = Network([1, 1]).initialise("explicit", weights=[[[2.0]]], biases=[[-2.0]])
    assert network.predict([[0.0], [0.9], [1.0], [3.0]]).tolist() == [0, 0, 1, 1]
    # two units, w = (1, −1): class 0 for x > 0, class 1 for x < 0, the first at the tie
    network = Network([1, 2]).initialise("explicit", weights=[[[1.0], [-1.0]]],
                                         biases=[[0.0, 0.0]])
    assert network.predict([[2.0], [-1.0], [0.0]]).tolist() == [0, 1, 0]


# -- accuracy ------------------------------------------------------------------------------

def test_accuracy_worked_by_hand():
    outputs = [[0.8, 0.2], [0.3, 0.7], [0.6, 0.4], [0.1, 0.9]]
    targets = [[1, 0], [1, 0], [0, 1], [0, 1]]
    assert accuracy(outputs, targets) == pytest.approx(2 / 4)
    # one unit: outputs and 0/1 targets both read at 0.5
    assert accuracy([[0.7], [0.2], [0.5]], [[1.0], [1.0], [1.0]]) == pytest.approx(2 / 3)
    assert math.isnan(accuracy(np.empty((0, 2)), np.empty((0, 2))))


def test_accuracy_agrees_with_a_loop_over_the_samples():
    rng = np.random.default_rng(11)
    outputs = rng.random((250, 4))
    labels = rng.integers(0, 4, 250)
    right = sum(largest_by_loop(row) == label for row, label in zip(outputs, labels))
    assert accuracy(outputs, one_hot(labels, 4)) == pytest.approx(right / 250)


# -- the confusion matrix ------------------------------------------------------------------

def test_confusion_matrix_counts_a_hand_made_example():
    predicted = [0, 1, 1, 2, 2, 0, 1]
    true = [0, 1, 2, 2, 1, 0, 0]
    expected = np.array([[2, 1, 0],
                         [0, 1, 1],
                         [0, 1, 1]])
    matrix = confusion_matrix(predicted, true, 3)
    np.testing.assert_array_equal(matrix, expected)
    assert matrix.sum() == 7 and np.trace(matrix) == 4
    # a class never seen or predicted keeps its zeros
    np.testing.assert_array_equal(confusion_matrix([0, 0], [0, 0], 3),
                                  [[2, 0, 0], [0, 0, 0], [0, 0, 0]])
    assert confusion_matrix([], [], 2).tolist() == [[0, 0], [0, 0]]
    with pytest.raises(ValueError):
        confusion_matrix([0, 1], [0], 2)
    with pytest.raises(ValueError):
        confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError):
        confusion_matrix([0], [0], 0)


def test_confusion_matrix_agrees_with_a_loop():
    rng = np.random.default_rng(7)
    true = rng.integers(0, 7, 500)
    predicted = np.where(rng.random(500) < 0.6, true, rng.integers(0, 7, 500))
    looped = np.zeros((7, 7), dtype=int)
    for t, p in zip(true, predicted):
        looped[t, p] += 1
    np.testing.assert_array_equal(confusion_matrix(predicted, true, 7), looped)


# -- the evaluated part and the most confident mistakes ------------------------------------

def test_the_test_set_is_evaluated_or_else_the_training_set():
    with_test = dataset([[0.0], [1.0]], [0, 1], [[2.0]], [1], 2)
    x, true, on_test = evaluated_part(with_test)
    assert on_test and x.tolist() == [[2.0]] and true.tolist() == [1]
    without = dataset([[0.0], [1.0]], [0, 1], [], [], 2)
    x, true, on_test = evaluated_part(without)
    assert not on_test and x.tolist() == [[0.0], [1.0]] and true.tolist() == [0, 1]


def test_the_most_confident_mistakes_come_first():
    outputs = np.array([[0.9, 0.1, 0.0],    # right
                        [0.2, 0.7, 0.1],    # wrong, a_ŷ = 0.7
                        [0.1, 0.1, 0.8],    # wrong, a_ŷ = 0.8
                        [0.4, 0.6, 0.0],    # wrong, a_ŷ = 0.6
                        [0.3, 0.7, 0.0]])   # wrong, a_ŷ = 0.7: after sample 1
    true = np.array([0, 0, 1, 2, 2])
    order = mistakes_by_confidence(outputs, predicted_classes(outputs), true)
    assert order.tolist() == [2, 1, 4, 3]
    # one unit: how far the output is from 0.5
    single = np.array([[0.55], [0.02], [0.3], [0.97]])
    order = mistakes_by_confidence(single, predicted_classes(single), np.array([0, 1, 1, 1]))
    assert order.tolist() == [1, 2, 0]


def test_the_largest_outputs_of_a_sample():
    assert largest_outputs([0.1, 0.5, 0.2, 0.5], 3).tolist() == [1, 3, 2]
    assert largest_outputs([0.3], 3).tolist() == [0]


# -- a network evaluated ---------------------------------------------------------------------

def test_a_small_network_evaluated_by_hand():
    # a = (σ(x), σ(−x)): x = 2 → class 0, x = −1 → class 1, x = 0 → a tie, class 0
    network = Network([1, 2]).initialise("explicit", weights=[[[1.0], [-1.0]]],
                                         biases=[[0.0, 0.0]])
    data = dataset([[5.0]], [0], [[2.0], [-1.0], [0.0]], [0, 0, 1], 2)
    result = evaluate(network, data)
    assert result.on_test_set and not result.diverged
    np.testing.assert_allclose(result.outputs, [[sigmoid(2), sigmoid(-2)],
                                                [sigmoid(-1), sigmoid(1)],
                                                [0.5, 0.5]])
    assert result.predicted.tolist() == [0, 1, 0]
    assert result.matrix.tolist() == [[1, 1], [1, 0]]
    assert (result.correct, result.total) == (1, 3)
    assert result.accuracy == pytest.approx(1 / 3)
    # sample 1 is wrong with a_1 = σ(1) ≈ 0.73, sample 2 with a_0 = 0.5
    assert result.misclassified().tolist() == [1, 2]


@pytest.mark.parametrize("output, sizes", [("sigmoid", [3, 5, 4]), ("softmax", [3, 4, 6, 4]),
                                           ("sigmoid", [3, 4, 1])])
def test_evaluation_agrees_with_a_loop_over_the_samples(output, sizes):
    rng = np.random.default_rng(5)
    network = Network(sizes, "tanh", output=output).initialise("standard", rng)
    n_classes = max(sizes[-1], 2)
    data = dataset(rng.standard_normal((10, 3)), rng.integers(0, n_classes, 10),
                   rng.standard_normal((120, 3)), rng.integers(0, n_classes, 120), n_classes)
    result = evaluate(network, data)
    # σ and softmax keep the order of z: the class is the largest z, or for one unit z ≥ 0
    looped_classes, looped = [], np.zeros((n_classes, n_classes), dtype=int)
    for sample, label in zip(data.x_test, data.labels_test):
        z = output_z_by_loop(network, sample)
        predicted = (1 if z[0] >= 0 else 0) if len(z) == 1 else largest_by_loop(z)
        looped_classes.append(predicted)
        looped[label, predicted] += 1
    assert result.predicted.tolist() == looped_classes
    np.testing.assert_array_equal(result.matrix, looped)
    assert result.correct == int(np.trace(looped))
    assert result.accuracy == pytest.approx(np.trace(looped) / 120)
    wrong = [i for i, (p, t) in enumerate(zip(looped_classes, data.labels_test)) if p != t]
    assert sorted(result.misclassified().tolist()) == wrong


def test_a_diverged_network_is_said_to_be_so():
    network = Network([1, 2]).initialise("explicit", weights=[[[1.0], [np.nan]]],
                                         biases=[[0.0, 0.0]])
    result = evaluate(network, dataset([[0.0]], [0], [], [], 2))
    assert result.diverged and not result.on_test_set
    assert result.matrix is None and result.correct == 0 and math.isnan(result.accuracy)
    assert result.misclassified().size == 0


def test_no_network_evaluated_counts_nothing():
    empty = Evaluation(True, 3, np.array([0, 1]))
    assert empty.total == 2 and empty.correct == 0 and math.isnan(empty.accuracy)


# -- the fingerprint and the cache -------------------------------------------------------------

def test_the_fingerprint_tells_other_parameters_from_a_copy_of_the_same():
    rng = np.random.default_rng(1)
    network = Network([4, 8, 3]).initialise("scaled", rng)
    assert parameters_fingerprint(network.copy()) == parameters_fingerprint(network)
    other = network.copy()
    other.parameters[0] += 1.0
    assert parameters_fingerprint(other) != parameters_fingerprint(network)
    network.parameters[0] = np.nan
    assert parameters_fingerprint(network.copy()) == parameters_fingerprint(network)


def test_the_cache_evaluates_once_per_run_and_epoch(monkeypatch):
    calls = []
    real = evaluation.evaluate
    monkeypatch.setattr(evaluation, "evaluate",
                        lambda network, data: calls.append(1) or real(network, data))
    rng = np.random.default_rng(2)
    network = Network([2, 3, 3]).initialise("scaled", rng)
    data = dataset(rng.standard_normal((6, 2)), [0, 1, 2, 0, 1, 2],
                   rng.standard_normal((9, 2)), [0, 1, 2] * 3, 3)
    cache = EvaluationCache()
    run = SimpleNamespace(name="a", network=network, network_epoch=1)
    first = cache.get(run, data)
    assert len(calls) == 1 and first.total == 9
    # another copy of the same parameters: the same evaluation
    assert cache.get(SimpleNamespace(name="a", network=network.copy(), network_epoch=1),
                     data) is first
    assert len(calls) == 1
    # a new epoch, other parameters at the same epoch, other data: evaluated again
    cache.get(SimpleNamespace(name="a", network=network, network_epoch=2), data)
    changed = network.copy()
    changed.parameters[:] += 0.5
    cache.get(SimpleNamespace(name="a", network=changed, network_epoch=2), data)
    copied = dataset(data.x_train, data.labels_train, data.x_test, data.labels_test, 3)
    cache.get(SimpleNamespace(name="a", network=changed, network_epoch=2), copied)
    assert len(calls) == 4
    # no network, no data, or a network of other data: nothing to evaluate
    assert cache.get(SimpleNamespace(name="a", network=None, network_epoch=0), data) is None
    assert cache.get(run, None) is None
    wide = Network([5, 3]).initialise("scaled", rng)
    assert cache.get(SimpleNamespace(name="b", network=wide, network_epoch=1), data) is None
    assert len(calls) == 4
    # a run removed is forgotten: evaluated anew when it comes back
    cache.forget_others(["b"])
    cache.get(run, data)
    assert len(calls) == 5
