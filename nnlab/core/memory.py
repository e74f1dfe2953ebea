"""How much memory a network experiment needs, estimated before it runs.

Settings multiply: layers, samples and runs each look harmless, and an experiment that
multiplies them out could take the machine's memory. :func:`check_memory` refuses an
experiment whose estimate is over :func:`memory_limit` (half the machine's memory), with a
message naming the estimate and the settings behind it; the window says so before Run, the
command line before training.

The estimate adds, in bytes of the experiment's ``training.precision`` (8 for float64, 4 for
float32; the data are held in it once, shared by the runs):

* the data: the inputs and one-hot targets of the training and test sets;
* each run's network: its parameters, the gradient and its scratch copies, and the
  optimiser's state (momentum), about six vectors the size of the parameters;
* each run's kept parameters for the timeline (at most the snapshot budget) and its history
  (at most DEFAULT_MAX_ROWS rows);
* the work of one step or measurement: the activations and errors of at most ROWS_AT_ONCE
  rows through every layer, and the outputs of the whole training set.
"""

from __future__ import annotations

import os

from .experiment import Experiment, ExperimentError
from .history import DEFAULT_MAX_ROWS
from .network import ROWS_AT_ONCE
from .snapshots import DEFAULT_MAX_BYTES as SNAPSHOT_BYTES
from .text import Message, QT_TRANSLATE_NOOP
from .training import network_columns

FLOAT = 8
PRECISION_BYTES = {"float64": 8, "float32": 4}
PARAMETER_COPIES = 6
MACHINE_SHARE = 0.5
FALLBACK_MEMORY = 8 * 2**30  # where the machine does not say how much it has


def machine_memory() -> int:
    """The machine's physical memory in bytes (FALLBACK_MEMORY where it cannot be read)."""
    try:
        return int(os.sysconf("SC_PAGE_SIZE")) * int(os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, OSError, ValueError):
        return FALLBACK_MEMORY


def memory_limit() -> int:
    """The most an experiment may need: half the machine's memory."""
    return int(machine_memory() * MACHINE_SHARE)


def estimate_bytes(experiment: Experiment, n_train: int, n_test: int, n_runs: int) -> int:
    """The memory a network ``experiment`` needs with ``n_train`` training and ``n_test``
    test samples and ``n_runs`` runs side by side (see the module docstring)."""
    item = PRECISION_BYTES.get(experiment.training.precision, FLOAT)
    layers = experiment.network.layers
    inputs, classes = layers[0], layers[-1]
    data = (n_train + n_test) * (inputs + classes) * item
    parameters = sum(n_in * n_out + n_out for n_in, n_out in zip(layers, layers[1:]))
    epochs = experiment.training.epochs
    kept = min(SNAPSHOT_BYTES, (epochs + 1) * parameters * item) + parameters * item
    history = min(epochs + 1, DEFAULT_MAX_ROWS) * len(network_columns(len(layers) - 1)) * FLOAT
    per_run = PARAMETER_COPIES * parameters * item + kept + history
    rows = min(max(n_train, n_test, 1), ROWS_AT_ONCE)
    work = 2 * rows * sum(layers) * item + max(n_train, n_test) * classes * item
    return data + n_runs * (per_run + work)


def check_memory(experiment: Experiment, n_train: int, n_test: int, n_runs: int,
                 limit: int | None = None) -> int:
    """The estimate; ExperimentError when it is over ``limit`` (default: memory_limit())."""
    limit = memory_limit() if limit is None else limit
    need = estimate_bytes(experiment, n_train, n_test, n_runs)
    if need > limit:
        layers = "-".join(str(size) for size in experiment.network.layers)
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", "%1: these settings need about %2 of memory (layers %3, %4 samples, %5 runs, "
            "%6 epochs), more than the %7 nnlab may use on this machine (half its memory): use "
            "fewer or smaller layers, fewer samples or fewer runs"),
            experiment.source, _gigabytes(need), layers, f"{n_train + n_test:,}", n_runs,
            f"{experiment.training.epochs:,}", _gigabytes(limit)))
    return need


def _gigabytes(size: int) -> str:
    return f"{size / 2**30:.1f} GB" if size >= 2**30 else f"{size / 2**20:.0f} MB"
