"""The memory estimate of a network experiment: an upper bound of what training really
allocates (tracemalloc sees NumPy's arrays), not wildly above it, and a refusal in one line
naming the settings when it is over the limit."""

from __future__ import annotations

import dataclasses
import tracemalloc

import pytest

from nnlab.core.experiment import ExperimentError, NetworkSettings
from nnlab.core.memory import check_memory, estimate_bytes, memory_limit
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs


def experiment(preset: str, epochs: int = 2, **network):
    exp = load_preset(preset)
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=epochs))
    if network:
        exp = dataclasses.replace(exp, network=dataclasses.replace(exp.network, **network))
    return exp


def measured_peak(exp) -> tuple[int, list]:
    """The most allocated at once while the runs are built and trained to their end, each
    run's records kept as the window keeps them."""
    tracemalloc.start()
    runs = build_runs(exp)
    kept = [list(run.start(keep_parameters=True).records) for run in runs]
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak, runs


@pytest.mark.parametrize("exp", [
    experiment("digits-64-30-10"),
    experiment("spiral-2-16-16-2", layers=(2, 256, 256, 2)),
    experiment("deep-sigmoid-vs-relu", epochs=1),
], ids=["digits", "wide spiral", "deep digits"])
def test_the_estimate_bounds_what_training_allocates(exp):
    peak, runs = measured_peak(exp)
    dataset = runs[0].dataset
    estimate = estimate_bytes(exp, len(dataset.x_train), len(dataset.x_test), len(runs))
    assert peak <= estimate <= 4 * peak + 2**20, (peak, estimate)


def test_settings_over_the_limit_are_refused_in_one_line_naming_them():
    exp = experiment("digits-64-30-10", layers=(64, 512, 512, 10))
    with pytest.raises(ExperimentError) as refused:
        check_memory(exp, 1_438, 359, 2, limit=2**20)
    message = str(refused.value)
    assert "\n" not in message and len(message) < 300
    assert "64-512-512-10" in message and "1,797 samples" in message and "2 runs" in message
    assert check_memory(exp, 1_438, 359, 2) < memory_limit()  # this machine has room
