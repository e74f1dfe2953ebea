"""How long an experiment's runs will take on this computer, said before they start.

A run of Nielsen's MNIST setting trains 30 epochs of 5,000 mini-batches: minutes, not the
seconds of the toys. :func:`estimate_run_seconds` times a few real mini-batch steps and one
measurement of the experiment's own network (its layers, activations, output, precision,
batch size, momentum) on random data of the experiment's shape, this machine's speed
included, and extrapolates::

    seconds = runs × (epochs × (steps per epoch × seconds per step + measurement)
                      + measurement)

with steps per epoch = ⌈n_train / batch size⌉ and one measurement per epoch and at epoch 0
(the costs, accuracies and gradient norms on the whole training set and the test set, as
:func:`~nnlab.core.training.train_network` measures them). What it leaves out (the window's
drawing, the parameters kept for the timeline, another program busy at the same time) makes
a real run somewhat slower, rarely faster. The calibration itself takes about
CALIBRATION_SECONDS (a few tens of milliseconds more on a first call, which warms up the
linear algebra).
"""

from __future__ import annotations

import math
import time

import numpy as np

from .costs import make_cost
from .datasets import BUILT_IN_SHAPES
from .experiment import Experiment
from .network import ROWS_AT_ONCE, Network
from .neuron import neuron_training
from .optimizers import GradientDescent
from .training import ZERO_SHARE_ROWS

CALIBRATION_SECONDS = 0.06
"""How long the timed steps of one network configuration take, at most about."""
WARM_UP_SECONDS = 0.01
"""Untimed steps before the timed ones (see _seconds_per_run)."""
MIN_TIMED_STEPS = 3
"""Steps timed at least, however slow, so that one slow step is not all the estimate sees."""
TIMED_ROWS = ROWS_AT_ONCE
"""A full-batch step or a measurement is timed on at most this many rows and scaled by the
rows it really has: both cost the same per row once the rows fill the matrix products."""

_BUILT_IN_SAMPLES = {"digits": 1797, "mnist_5k": 5000, "three_class": 21}
_MNIST_TRAIN, _MNIST_TEST = 60_000, 10_000


def sample_counts(experiment: Experiment) -> tuple[int, int] | None:
    """(training samples, test samples) of a network experiment's data, known without
    loading them; None for a user's file (csv, idx), whose counts only the file knows."""
    data = experiment.data
    if data.dataset == "mnist":
        n_train = _MNIST_TRAIN if data.train_samples is None else min(data.train_samples,
                                                                      _MNIST_TRAIN)
        return n_train, _MNIST_TEST
    if data.dataset in _BUILT_IN_SAMPLES:
        total = _BUILT_IN_SAMPLES[data.dataset]
    elif data.dataset in BUILT_IN_SHAPES:
        total = data.n_samples
    else:
        return None
    # as datasets._split_indices rounds: half up
    n_test = math.floor(total * data.test_fraction + 0.5)
    return total - n_test, n_test


def estimate_run_seconds(experiment: Experiment,
                         dataset_shape: tuple[int, int] | None = None) -> float:
    """The seconds all runs of ``experiment`` take to train on this computer, estimated by
    timing its network's steps (see the module docstring); about CALIBRATION_SECONDS per
    different network or batch size the runs have.

    ``dataset_shape`` is (training samples, test samples); by default the experiment's own
    (see :func:`sample_counts`), which a user's CSV or IDX file must be given.
    """
    if experiment.kind == "neuron":
        return _neuron_seconds(experiment)
    if dataset_shape is None:
        dataset_shape = sample_counts(experiment)
        if dataset_shape is None:
            raise ValueError(f"the sample counts of dataset {experiment.data.dataset!r} are "
                             "known only once its file is read: give dataset_shape")
    n_train, n_test = (int(count) for count in dataset_shape)
    if n_train < 1 or n_test < 0:
        raise ValueError(f"dataset_shape {dataset_shape!r}: expected (n_train >= 1, n_test >= 0)")
    training = experiment.training
    total = 0.0
    timed: dict[tuple, float] = {}
    for activation, batch_size in _run_settings(experiment):
        key = (activation, batch_size)
        if key not in timed:
            timed[key] = _seconds_per_run(experiment, activation, batch_size, n_train, n_test)
        total += timed[key]
    return total if training.epochs else 0.0


def _run_settings(experiment: Experiment) -> list[tuple[object, int | None]]:
    """(hidden activation, batch size) of each run, the only settings that change its time."""
    compare, training = experiment.compare, experiment.training
    activation = experiment.network.hidden_activation
    if compare.setting == "hidden_activation":
        return [(value, training.batch_size) for value in compare.values]
    if compare.setting == "optimizer":
        sizes = {"batch": None, "sgd": 1, "mini-batch": training.batch_size}
        return [(activation, sizes[value]) for value in compare.values]
    n_runs = len(compare.values) if compare.setting != "cost" else len(training.costs)
    return [(activation, training.batch_size)] * n_runs


def _seconds_per_run(experiment: Experiment, activation, batch_size: int | None,
                     n_train: int, n_test: int) -> float:
    net, training = experiment.network, experiment.training
    dtype = np.dtype(training.precision)
    rng = np.random.default_rng(0)
    network = Network(net.layers, activation, output=net.output, dtype=dtype)
    network.initialise(net.init, rng)
    cost = make_cost(training.costs[0], output=net.output)
    optimizer = GradientDescent(training.learning_rate, training.momentum, training.l2)
    inputs, outputs = net.layers[0], net.layers[-1]

    def data(rows: int) -> tuple[np.ndarray, np.ndarray]:
        x = rng.random((rows, inputs)).astype(dtype)
        y = np.zeros((rows, outputs), dtype)
        y[np.arange(rows), rng.integers(0, outputs, rows)] = 1.0
        return x, y

    batch = n_train if batch_size is None else min(batch_size, n_train)
    step_rows = min(batch, TIMED_ROWS)
    xb, yb = data(step_rows)
    buffer = np.empty_like(network.parameters)
    with np.errstate(all="ignore"):  # random data and a large rate may overflow: timing only
        # warm-up, not timed: the first steps of a process pay for the linear algebra's
        # start (threads, caches), which made a first estimate up to twice too long
        warm_until = time.perf_counter() + WARM_UP_SECONDS
        for _ in range(MIN_TIMED_STEPS):
            optimizer.train_step(network, xb, yb, cost, buffer)
        while time.perf_counter() < warm_until:
            optimizer.train_step(network, xb, yb, cost, buffer)
        steps, start = 0, time.perf_counter()
        while steps < MIN_TIMED_STEPS or time.perf_counter() - start < CALIBRATION_SECONDS:
            optimizer.train_step(network, xb, yb, cost, buffer)
            steps += 1
        step_seconds = (time.perf_counter() - start) / steps * (batch / step_rows)

        # one measurement: backprop on the training rows, a forward pass on the test rows
        # and on the rows whose hidden zero shares are counted
        rows = min(n_train, TIMED_ROWS)
        x, y = data(rows)
        start = time.perf_counter()
        network.backprop(x, y, cost)
        backprop_per_row = (time.perf_counter() - start) / rows
        start = time.perf_counter()
        network.evaluate(x, y, cost)
        forward_per_row = (time.perf_counter() - start) / rows
    measure_seconds = (backprop_per_row * n_train
                       + forward_per_row * (n_test + min(n_train, ZERO_SHARE_ROWS)))
    steps_per_epoch = math.ceil(n_train / batch)
    epochs = experiment.training.epochs
    return epochs * (steps_per_epoch * step_seconds + measure_seconds) + measure_seconds


def _neuron_seconds(experiment: Experiment) -> float:
    """A neuron's epochs take microseconds: time a few hundred and extrapolate."""
    timed_epochs = 200
    start = time.perf_counter()
    for _ in neuron_training(1.0, 0.0, 2.0, 2.0, experiment.training.costs[0],
                             experiment.training.learning_rate, timed_epochs):
        pass
    per_epoch = (time.perf_counter() - start) / timed_epochs
    runs = len(experiment.neuron.start_points) * len(experiment.training.costs)
    return runs * experiment.training.epochs * per_epoch
