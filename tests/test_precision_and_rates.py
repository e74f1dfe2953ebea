"""training.precision (float64 or float32), compare.learning_rates (one rate per cost), the
memory estimate in the chosen precision, and the run-time estimate."""

from __future__ import annotations

import dataclasses
import pickle

import numpy as np
import pytest

from nnlab.core.experiment import (
    FIELDS,
    ExperimentError,
    experiment_to_toml,
    parse_toml,
    validate_experiment,
)
from nnlab.core.memory import estimate_bytes
from nnlab.core.presets import load_preset
from nnlab.core.run_time import estimate_run_seconds, sample_counts
from nnlab.core.runner import build_runs, execute_run, run_experiment

DIGITS = """schema = 1
kind = "network"
seed = 4
[data]
dataset = "digits"
[network]
layers = [64, 16, 10]
output = "sigmoid"
[training]
costs = {costs}
learning_rate = 0.5
epochs = 3
batch_size = 20
{training}
{compare}
"""


def digits_toml(costs='["quadratic", "cross_entropy"]', training="", compare="") -> str:
    return DIGITS.format(costs=costs, training=training, compare=compare)


def refusal(text: str) -> str:
    with pytest.raises(ExperimentError) as caught:
        parse_toml(text, "exp.toml")
    return str(caught.value)


# --------------------------------------------------------------------------------------------
# training.precision


def test_precision_is_float64_unless_a_file_says_float32():
    assert FIELDS["training.precision"].default == "float64"
    assert parse_toml(digits_toml()).training.precision == "float64"
    exp = parse_toml(digits_toml(training='precision = "float32"'))
    assert exp.training.precision == "float32"
    assert parse_toml(experiment_to_toml(exp)) == exp
    # a float64 experiment is written as before, without the key
    assert "precision" not in experiment_to_toml(parse_toml(digits_toml()))


def test_a_bad_precision_names_the_key_the_value_and_the_choices():
    message = refusal(digits_toml(training='precision = "float16"'))
    assert message == ('exp.toml: training.precision = "float16": must be one of "float64", '
                       '"float32"')
    neuron = 'schema = 1\nkind = "neuron"\n[training]\nprecision = "float32"\n'
    assert 'only used with kind = "network"' in refusal(neuron)


def test_float32_runs_compute_in_float32_and_learn_as_float64_does():
    results = {}
    for precision in ("float64", "float32"):
        exp = parse_toml(digits_toml(training=f'precision = "{precision}"'))
        runs = build_runs(exp)
        assert all(run.initial_network.dtype == np.dtype(precision) for run in runs)
        assert runs[0].dataset.x_train.dtype == np.dtype(precision)
        started = runs[1].start()
        list(started.records)
        assert started.network.parameters.dtype == np.dtype(precision)
        results[precision] = {run.name: execute_run(run) for run in runs}
    for name in ("quadratic", "cross_entropy"):
        cost64 = results["float64"][name].history["train_cost"]
        cost32 = results["float32"][name].history["train_cost"]
        # the same start (drawn in float64, then rounded) and the same data order
        np.testing.assert_allclose(cost32, cost64, rtol=1e-4)


def test_a_float32_run_reaches_the_training_process_as_float32():
    exp = parse_toml(digits_toml(training='precision = "float32"'))
    run = pickle.loads(pickle.dumps(build_runs(exp)[0]))
    assert run.initial_network.dtype == np.float32
    assert run.dataset.x_train.dtype == np.float32


def test_the_memory_estimate_counts_float32_data_at_4_bytes():
    exp64 = parse_toml(digits_toml())
    exp32 = parse_toml(digits_toml(training='precision = "float32"'))
    n_train, n_test = 60_000, 10_000
    data64 = (n_train + n_test) * (64 + 10) * 8
    bytes64 = estimate_bytes(exp64, n_train, n_test, 2)
    bytes32 = estimate_bytes(exp32, n_train, n_test, 2)
    assert bytes64 > data64 and bytes64 - bytes32 >= data64 / 2


# --------------------------------------------------------------------------------------------
# compare.learning_rates


def test_each_cost_trains_with_its_own_learning_rate():
    exp = parse_toml(digits_toml(compare="[compare]\nlearning_rates = [3.0, 0.05]"))
    assert exp.compare.learning_rates == (3.0, 0.05)
    runs = build_runs(exp)
    assert [(run.name, run.training.learning_rate) for run in runs] == [
        ("quadratic", 3.0), ("cross_entropy", 0.05)]
    # each run is the run of its cost alone at its rate: the same start, the same order
    for run, cost, rate in zip(runs, ("quadratic", "cross_entropy"), (3.0, 0.05)):
        alone = parse_toml(digits_toml(costs=f'["{cost}"]').replace(
            "learning_rate = 0.5", f"learning_rate = {rate}"))
        expected = execute_run(build_runs(alone)[0]).history
        got = execute_run(run).history
        np.testing.assert_array_equal(got["train_cost"], expected["train_cost"])
        np.testing.assert_array_equal(got["test_accuracy"], expected["test_accuracy"])


def test_learning_rates_round_trip_and_validate():
    exp = parse_toml(digits_toml(compare="[compare]\nlearning_rates = [3.0, 0.5]"))
    text = experiment_to_toml(exp)
    assert "learning_rates = [3.0, 0.5]" in text
    assert parse_toml(text) == exp
    assert validate_experiment(exp) == exp


def test_bad_learning_rates_are_refused_with_what_is_allowed():
    wrong_count = refusal(digits_toml(compare="[compare]\nlearning_rates = [3.0]"))
    assert wrong_count == (
        'exp.toml: compare.learning_rates = [3.0]: must be a list of 2 learning rates, one per '
        'name in training.costs = ["quadratic", "cross_entropy"], in the same order')
    too_large = refusal(digits_toml(compare="[compare]\nlearning_rates = [3.0, 5000]"))
    assert too_large == ("exp.toml: compare.learning_rates[1] = 5000: must be a finite number "
                         "> 0 and <= 1000")
    not_a_number = refusal(digits_toml(compare='[compare]\nlearning_rates = [3.0, "fast"]'))
    assert 'compare.learning_rates[1] = "fast"' in not_a_number
    other_setting = refusal(digits_toml(
        costs='["quadratic"]',
        compare='[compare]\nsetting = "learning_rate"\nvalues = [0.1, 1.0]\n'
                'learning_rates = [3.0]'))
    assert "compare.learning_rates = [3.0]" in other_setting
    assert 'only used with compare.setting = "cost"' in other_setting


# --------------------------------------------------------------------------------------------
# The run-time estimate


def test_sample_counts_follow_the_data_settings():
    assert sample_counts(load_preset("mnist-nielsen-ch3")) == (50_000, 10_000)
    assert sample_counts(load_preset("mnist-5k-5-epochs")) == (4_000, 1_000)
    assert sample_counts(load_preset("digits-64-30-10")) == (1_438, 359)
    exp = parse_toml('schema = 1\nkind = "network"\n[data]\ndataset = "csv"\npath = "x.csv"\n')
    assert sample_counts(exp) is None
    with pytest.raises(ValueError, match="give dataset_shape"):
        estimate_run_seconds(exp)


def test_the_estimate_is_near_a_real_short_run():
    exp = load_preset("mnist-5k-5-epochs")
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=2))
    # Another program busy for a moment skews one pair of timings, not three in a row: an
    # estimate that is off in itself fails every time.
    pairs = []
    for _ in range(3):
        estimate = estimate_run_seconds(exp)
        result = run_experiment(exp)
        real = sum(run.train_seconds for run in result.runs)
        pairs.append((real, estimate))
        if 1 / 3 < real / estimate < 3:
            break
    else:
        pytest.fail(f"(real, estimated) seconds, three times: {pairs}")


# --------------------------------------------------------------------------------------------
# The lab's training process


def test_the_lab_trains_in_float32_with_each_costs_rate(qtbot):
    from nnlab.app.lab_session import LabSession

    exp = parse_toml(digits_toml(training='precision = "float32"\nspeed = "max"',
                                 compare="[compare]\nlearning_rates = [3.0, 0.05]"))
    session = LabSession(exp)
    try:
        with qtbot.waitSignal(session.state_changed, check_params_cb=lambda s: s == "finished",
                              timeout=30_000):
            session.run()
        expected = {run.name: execute_run(run) for run in build_runs(exp)}
        for name in ("quadratic", "cross_entropy"):
            got = session.histories[name].columns()["train_cost"]
            # the process's rows are the core's float32 runs at each cost's own rate
            np.testing.assert_array_equal(got, expected[name].history["train_cost"])
            network, epoch = session.network_at(name, exp.training.epochs)
            assert epoch == exp.training.epochs and network.parameters.dtype == np.float32
    finally:
        session.shutdown()
