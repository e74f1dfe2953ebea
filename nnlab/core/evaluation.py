"""How well a network classifies: its predicted classes, accuracy, confusion counts and most
confident mistakes, written once for the training loop, the lab's views and the tests.

For outputs a (one row a sample) the predicted class is

    ŷ = argmax_j a_j          (several output units: the largest output)
    ŷ = [a_1 ≥ 0.5]           (one output unit: class 1 where a ≥ 0.5, else class 0)

the same rule turning one-hot (or 0/1) targets y into true classes. Then

    accuracy  = (1/n) Σ_x [ŷ(x) = y(x)]
    C_ij      = #{x : y(x) = i, ŷ(x) = j}      (the confusion matrix; trace C = number right)

A regression (data with number targets, a network with a linear output) has no classes: its
accuracy is NaN, it has no confusion matrix and no mistakes, and it is measured by its mean
squared error (1/n) Σ_x ‖a − y‖² instead (:func:`~nnlab.core.costs.mean_squared_error`).

Pure NumPy: the views draw what this module computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol

import numpy as np

from .costs import mean_squared_error
from .datasets import Dataset

#: One output unit reads as class 1 from this output up (a sigmoid's midpoint, z = 0).
THRESHOLD = 0.5
#: Parameters read for a fingerprint (see :func:`parameters_fingerprint`).
FINGERPRINT_SIZE = 32


def predicted_classes(outputs) -> np.ndarray:
    """ŷ of each row of ``outputs`` (n × k): argmax_j a_j, or for k = 1 the indicator
    [a ≥ 0.5]. An integer array of length n.

    Ties and NaNs follow ``np.argmax``: the first largest entry (a NaN counts as largest)."""
    outputs = np.asarray(outputs)
    if outputs.ndim != 2:
        raise ValueError(f"outputs must be one row a sample (2-D), got shape {outputs.shape}")
    if outputs.shape[1] == 1:
        return (outputs[:, 0] >= THRESHOLD).astype(np.intp)
    return np.argmax(outputs, axis=1)


def accuracy(outputs, targets) -> float:
    """(1/n) Σ_x [ŷ(x) = y(x)]: the share of rows whose predicted class is the target's class,
    both read by :func:`predicted_classes` (so 0/1 targets of one unit compare at 0.5, one-hot
    targets by their largest entry). NaN for no rows."""
    outputs, targets = np.asarray(outputs), np.asarray(targets)
    if len(outputs) == 0:
        return float("nan")
    return float(np.mean(predicted_classes(outputs) == predicted_classes(targets)))


def confusion_matrix(predicted, true, n_classes: int) -> np.ndarray:
    """C_ij = #{x : y(x) = i, ŷ(x) = j}: an (n_classes, n_classes) integer array whose row i
    tells where the samples of class i went; its trace is the number right.

    One ``np.bincount`` of ``i · n_classes + j``: no loop over the samples.
    """
    predicted = np.asarray(predicted).ravel()
    true = np.asarray(true).ravel()
    if predicted.shape != true.shape:
        raise ValueError(f"{len(predicted)} predictions for {len(true)} true classes")
    n_classes = int(n_classes)
    if n_classes < 1:
        raise ValueError(f"n_classes must be at least 1, got {n_classes}")
    predicted = predicted.astype(np.intp, copy=False)
    true = true.astype(np.intp, copy=False)
    for name, values in (("predicted", predicted), ("true", true)):
        if len(values) and (values.min() < 0 or values.max() >= n_classes):
            raise ValueError(f"{name} classes must lie in 0..{n_classes - 1}, "
                             f"found {values.min()}..{values.max()}")
    counts = np.bincount(true * n_classes + predicted, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes)


def evaluated_part(dataset: Dataset) -> tuple[np.ndarray, np.ndarray, bool]:
    """(inputs, true classes, is the test set): the test set, or the training set when the
    data have no test set."""
    if len(dataset.x_test):
        return dataset.x_test, dataset.labels_test, True
    return dataset.x_train, dataset.labels_train, False


def mistakes_by_confidence(outputs, predicted, true) -> np.ndarray:
    """Indices of the samples with ŷ ≠ y, the most confident mistake first: by the output
    a_ŷ of the wrongly predicted class, or for one output unit by |a − 0.5|, how far the
    output is from undecided. Ties keep the samples' order."""
    outputs = np.asarray(outputs)
    predicted, true = np.asarray(predicted), np.asarray(true)
    wrong = np.flatnonzero(predicted != true)
    if outputs.shape[1] > 1:
        confidence = outputs[wrong, predicted[wrong]]
    else:
        confidence = np.abs(outputs[wrong, 0] - THRESHOLD)
    return wrong[np.argsort(-confidence, kind="stable")]


def largest_outputs(outputs_of_sample, count: int) -> np.ndarray:
    """The units of one sample's outputs with the ``count`` largest a_j, largest first (ties
    in unit order)."""
    return np.argsort(-np.asarray(outputs_of_sample), kind="stable")[:count]


@dataclass(frozen=True, eq=False)
class Evaluation:
    """One network on one part of the data: its outputs a, predicted classes ŷ and confusion
    matrix C against the true classes y. ``diverged``: the parameters are not all finite,
    and nothing else is filled in.

    For regression data ``targets`` holds the numbers y to learn and ``outputs`` the network's
    answers; there are no classes (``predicted`` and ``matrix`` None, accuracy NaN) and
    :attr:`mean_squared_error` says how far off the answers are."""

    on_test_set: bool
    n_classes: int
    true: np.ndarray
    outputs: np.ndarray | None = None
    predicted: np.ndarray | None = None
    matrix: np.ndarray | None = None
    diverged: bool = False
    targets: np.ndarray | None = None

    @property
    def is_regression(self) -> bool:
        return self.targets is not None

    @property
    def mean_squared_error(self) -> float:
        """(1/n) Σ_x ‖a − y‖² of a regression (NaN for classes, or with nothing to count)."""
        if self.targets is None or self.outputs is None or not len(self.targets):
            return float("nan")
        with np.errstate(all="ignore"):
            return mean_squared_error(self.outputs, self.targets)

    @property
    def correct(self) -> int:
        """trace C: the samples predicted right."""
        return 0 if self.matrix is None else int(np.trace(self.matrix))

    @property
    def total(self) -> int:
        return len(self.true)

    @property
    def accuracy(self) -> float:
        """trace C / n (NaN when there is nothing to count)."""
        return self.correct / self.total if self.total and self.matrix is not None \
            else float("nan")

    def misclassified(self) -> np.ndarray:
        """Indices of the wrongly predicted samples, the most confident mistakes first
        (see :func:`mistakes_by_confidence`)."""
        if self.predicted is None:
            return np.empty(0, dtype=np.intp)
        return mistakes_by_confidence(self.outputs, self.predicted, self.true)


def evaluate(network, dataset: Dataset) -> Evaluation:
    """``network`` on the part of ``dataset`` that :func:`evaluated_part` names: a = its
    outputs, ŷ = :func:`predicted_classes` (a), C = :func:`confusion_matrix` (ŷ, y); for
    regression data, a and the targets only."""
    x, true, on_test = evaluated_part(dataset)
    n_classes = dataset.n_classes
    targets = None
    if dataset.is_regression:
        targets = dataset.y_test if on_test else dataset.y_train
    if not np.all(np.isfinite(network.parameters)):
        return Evaluation(on_test, n_classes, true, diverged=True, targets=targets)
    with np.errstate(all="ignore"):
        outputs = network.forward(x)
    if targets is not None:
        return Evaluation(on_test, n_classes, true, outputs, targets=targets)
    predicted = predicted_classes(outputs)
    return Evaluation(on_test, n_classes, true, outputs, predicted,
                      confusion_matrix(predicted, true, n_classes))


def evaluate_parameters(run, parameters) -> Evaluation:
    """:func:`evaluate` of ``run``'s network (``run.initial_network``'s shape and activations)
    with ``parameters``, on ``run.dataset``: what the training process computes for the
    newest epoch it sends, where the parameters are."""
    network = run.initial_network.copy()
    network.parameters[...] = parameters
    return evaluate(network, run.dataset)


def parameters_fingerprint(network) -> bytes:
    """About FINGERPRINT_SIZE of the network's parameters, evenly spaced, as bytes: tells a
    run that was reset and trained again to the same epoch (other parameters under the same
    run name and epoch) from another copy of the same parameters, for the price of reading a
    few numbers. Bytes, so that NaNs compare equal to themselves."""
    parameters = network.parameters
    return parameters[:: max(1, len(parameters) // FINGERPRINT_SIZE)].tobytes()


class EvaluatedRun(Protocol):
    """What :class:`EvaluationCache` reads of a run (the lab's run frames have it)."""

    name: str
    network: object | None
    network_epoch: int
    evaluation: Evaluation | None


class EvaluationCache:
    """The latest evaluation of each run, recomputed only when the run's ``network_epoch``,
    its network's shape or the data change (not when a run merely hands over another copy
    of the same parameters): views redraw many times an epoch, the network changes about
    once an epoch. A run that brings its ``evaluation`` (made by the training process for
    that very epoch) is not evaluated again."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple, Dataset, Evaluation]] = {}

    def get(self, run: EvaluatedRun, dataset: Dataset | None) -> Evaluation | None:
        if run.network is None or dataset is None:
            return None
        sizes = run.network.layer_sizes
        if sizes[0] != dataset.n_features or sizes[-1] not in (1, dataset.n_classes):
            return None  # a network of other data (a frame between two experiments)
        key = (run.network_epoch, sizes, parameters_fingerprint(run.network))
        entry = self._entries.get(run.name)
        if entry is not None and entry[0] == key and entry[1] is dataset:
            return entry[2]
        evaluation = run.evaluation if getattr(run, "evaluation", None) is not None \
            else evaluate(run.network, dataset)
        self._entries[run.name] = (key, dataset, evaluation)
        return evaluation

    def forget_others(self, names: Iterable[str]) -> None:
        """Drop the runs not in ``names`` (runs removed from the lab)."""
        for name in set(self._entries) - set(names):
            del self._entries[name]
