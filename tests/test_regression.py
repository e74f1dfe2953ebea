"""Regression with the mean squared error (note 004: "regression uses MSE, classification uses
cross-entropy"): a linear output, number targets, the sine and step data, a CSV file of
numbers, the refusals that keep the pairs right, and the sine preset fitting its curve."""

from __future__ import annotations

import dataclasses
import json
import math

import numpy as np
import pytest

from nnlab import cli
from nnlab.core.activations import OUTPUT_ACTIVATIONS
from nnlab.core.costs import (
    CrossEntropyCost, QuadraticCost, make_cost, mean_squared_error, mse_of_quadratic_cost,
)
from nnlab.core.datasets import DatasetError, load_csv, make_dataset, sine, step
from nnlab.core.evaluation import EvaluationCache, evaluate
from nnlab.core.experiment import (
    ExperimentError, experiment_to_toml, parse_toml, validate_experiment,
)
from nnlab.core.network import Network
from nnlab.core.presets import load_preset, preset_names
from nnlab.core.runner import build_runs, execute_run, run_experiment, write_results

from cli_helpers import one_error_line

PRESET = "sine-regression"


def regression_toml(dataset="sine", output="linear", costs='["quadratic"]', task=None,
                    layers="[1, 8, 1]", extra_data="") -> str:
    task_line = f'task = "{task}"\n' if task is not None else ""
    return (f'schema = 1\nkind = "network"\nseed = 3\n[data]\ndataset = "{dataset}"\n'
            f"{task_line}n_samples = 60\n{extra_data}[network]\nlayers = {layers}\n"
            f'hidden_activation = "tanh"\noutput = "{output}"\n[training]\ncosts = {costs}\n'
            "learning_rate = 0.05\nepochs = 3\n")


# --- the maths: checked against finite differences, never against itself ------------------

def numerical_gradient(network: Network, x, y, cost, h=1e-6) -> np.ndarray:
    """∂C/∂θ by central differences of the cost of the forward pass."""
    theta = network.parameters
    gradient = np.empty_like(theta)
    for i in range(len(theta)):
        kept = theta[i]
        theta[i] = kept + h
        up = cost.fn(network.forward(x), y)
        theta[i] = kept - h
        down = cost.fn(network.forward(x), y)
        theta[i] = kept
        gradient[i] = (up - down) / (2 * h)
    return gradient


@pytest.mark.parametrize("hidden", ["tanh", "sigmoid", "relu"])
def test_a_linear_output_backpropagates_the_gradient_finite_differences_give(hidden):
    rng = np.random.default_rng(7)
    network = Network([2, 5, 4, 2], hidden, output="linear")
    network.initialise("scaled", rng)
    x = rng.uniform(-1, 1, (9, 2))
    y = rng.normal(0.0, 3.0, (9, 2))  # numbers far outside (0, 1)
    cost = make_cost("quadratic", output="linear")
    value, gradient, a = network.gradient(x, y, cost)
    np.testing.assert_allclose(gradient, numerical_gradient(network, x, y, cost),
                               rtol=1e-6, atol=1e-8)
    # the output is z itself: the last layer's weighted input, unbounded
    z = np.tanh(x @ network.weights[0].T + network.biases[0]) if hidden == "tanh" else None
    if z is not None:
        z = np.tanh(z @ network.weights[1].T + network.biases[1])
        np.testing.assert_allclose(a, z @ network.weights[2].T + network.biases[2])
    assert value == pytest.approx(0.5 * np.sum((a - y) ** 2) / len(x))


def test_the_quadratic_costs_output_error_for_a_linear_output_is_a_minus_y():
    a = np.array([[2.5, -4.0], [0.1, 7.0]])
    y = np.array([[1.0, 1.0], [0.0, -2.0]])
    delta = QuadraticCost("linear").delta(a.copy(), a, y)
    np.testing.assert_array_equal(delta, a - y)
    # against the cost's own derivative, by finite differences of C_x = ½‖a − y‖²
    h = 1e-6
    for i, j in np.ndindex(a.shape):
        up, down = a.copy(), a.copy()
        up[i, j] += h
        down[i, j] -= h
        numeric = (0.5 * np.sum((up[i] - y[i]) ** 2) - 0.5 * np.sum((down[i] - y[i]) ** 2)) \
            / (2 * h)
        assert delta[i, j] == pytest.approx(numeric, rel=1e-6)


def test_the_mse_of_a_quadratic_cost_is_twice_the_cost():
    rng = np.random.default_rng(1)
    a, y = rng.normal(size=(20, 1)), rng.normal(size=(20, 1))
    assert mse_of_quadratic_cost(QuadraticCost("linear").fn(a, y)) \
        == pytest.approx(float(np.mean((a - y) ** 2)))
    assert mean_squared_error(a, y) == pytest.approx(float(np.mean((a - y) ** 2)))


def test_linear_is_an_output_and_cross_entropy_refuses_it_by_name():
    assert "linear" in OUTPUT_ACTIVATIONS
    with pytest.raises(ValueError) as caught:
        make_cost("cross_entropy", output="linear")
    message = str(caught.value)
    assert "cross-entropy" in message and "linear output" in message
    assert "quadratic cost" in message and "\n" not in message
    with pytest.raises(ValueError):
        CrossEntropyCost("linear")
    for output in ("sigmoid", "softmax"):  # classes as before
        assert make_cost("cross_entropy", output=output).output == output


def test_a_linear_network_has_no_accuracy():
    rng = np.random.default_rng(0)
    network = Network([1, 4, 1], "tanh", output="linear").initialise("xavier", rng)
    x = rng.uniform(-1, 1, (10, 1))
    y = np.sin(3 * x)
    cost_value, accuracy = network.evaluate(x, y, make_cost("quadratic", "linear"))
    assert math.isnan(accuracy) and math.isnan(network.accuracy(network.forward(x), y))
    assert cost_value == pytest.approx(0.5 * np.mean((network.forward(x) - y) ** 2))
    classifier = Network([1, 4, 2], "tanh", output="softmax").initialise("xavier", rng)
    assert not math.isnan(classifier.accuracy(classifier.forward(x),
                                              np.eye(2)[(x[:, 0] > 0).astype(int)]))


# --- data ------------------------------------------------------------------------------------

def test_the_sine_is_sin_3x_plus_noise_on_minus_one_to_one():
    clean = sine(np.random.default_rng(0), n_samples=300, noise=0.0, test_fraction=0.2)
    assert clean.task == "regression" and clean.is_regression
    assert clean.n_features == 1 and clean.n_classes == 1 and clean.class_names == ("y",)
    assert clean.x_train.shape == (240, 1) and clean.y_train.shape == (240, 1)
    assert clean.x_test.shape == (60, 1) and clean.y_test.dtype == np.float64
    for x, y in ((clean.x_train, clean.y_train), (clean.x_test, clean.y_test)):
        assert np.all((x >= -1) & (x <= 1))
        np.testing.assert_allclose(y, np.sin(3 * x), atol=1e-12)
        assert not x.flags.writeable and not y.flags.writeable
    noisy = sine(np.random.default_rng(0), n_samples=2000, noise=0.1)
    residual = noisy.y_train - np.sin(3 * noisy.x_train)
    assert np.std(residual) == pytest.approx(0.1, rel=0.1)
    again = sine(np.random.default_rng(0), n_samples=2000, noise=0.1)
    np.testing.assert_array_equal(noisy.y_train, again.y_train)


def test_the_step_jumps_from_0_to_1_at_0():
    data = step(np.random.default_rng(2), n_samples=100, noise=0.0)
    assert data.task == "regression"
    x, y = data.x_train[:, 0], data.y_train[:, 0]
    np.testing.assert_array_equal(y, (x >= 0).astype(float))
    by_name = make_dataset("step", np.random.default_rng(2), n_samples=100, noise=0.0)
    np.testing.assert_array_equal(by_name.y_train, data.y_train)


def test_classification_data_keep_their_classes():
    data = make_dataset("xor", np.random.default_rng(0), n_samples=40)
    assert data.task == "classification" and not data.is_regression
    assert set(np.unique(data.y_train)) == {0.0, 1.0}


def write_numbers_csv(path, rows=40, header=True):
    rng = np.random.default_rng(5)
    x = rng.uniform(-2, 2, rows)
    lines = ["x,height"] if header else []
    lines += [f"{value:.6f},{3.5 * value - 1.25:.6f}" for value in x]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return x


def test_a_regression_csv_loads_numbers_as_float_targets(tmp_path):
    path = tmp_path / "line.csv"
    write_numbers_csv(path)
    data = load_csv(path, np.random.default_rng(0), test_fraction=0.25, task="regression")
    assert data.task == "regression" and data.class_names == ("height",)
    assert data.y_train.shape == (30, 1) and data.y_test.shape == (10, 1)
    assert data.y_train.dtype == np.float64
    np.testing.assert_allclose(data.y_train[:, 0], 3.5 * data.x_train[:, 0] - 1.25, atol=1e-5)
    # the same file as classes: forty different labels, forty classes
    assert load_csv(path, np.random.default_rng(0)).n_classes == 40


def test_an_experiment_learns_numbers_from_a_csv_file(tmp_path):
    write_numbers_csv(tmp_path / "line.csv", header=False)
    text = regression_toml("csv", task="regression", extra_data='path = "line.csv"\n')
    (tmp_path / "line.toml").write_text(text, encoding="utf-8")
    from nnlab.core.experiment import load_experiment

    exp = load_experiment(tmp_path / "line.toml")
    assert exp.data.task == "regression"
    runs = build_runs(exp)
    assert runs[0].dataset.is_regression and runs[0].dataset.class_names == ("y",)
    result = execute_run(runs[0])
    assert result.status == "finished" and math.isnan(result.final["test_accuracy"])
    # without task = "regression" a linear output is refused: it is for numbers
    classes = dataclasses.replace(exp, data=dataclasses.replace(exp.data,
                                                               task="classification"))
    with pytest.raises(ExperimentError) as caught:
        validate_experiment(classes)
    assert "network.output" in str(caught.value)


def test_a_regression_csv_names_the_line_of_a_label_that_is_not_a_number(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("x,y\n0.1,0.5\n0.2,0.7\n0.3,tall\n0.4,0.9\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_csv(path, np.random.default_rng(0), task="regression")
    message = str(caught.value)
    assert "bad.csv, line 4" in message and "'tall'" in message and "regression" in message
    assert caught.value.line == 4
    path.write_text("x,y\n0.1,0.5\n0.2,\n", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_csv(path, np.random.default_rng(0), task="regression")
    assert "line 3" in str(caught.value) and "empty" in str(caught.value)


# --- the experiment file: regression is a linear output and the quadratic cost -------------

def refusal(text: str) -> str:
    with pytest.raises(ExperimentError) as caught:
        parse_toml(text, "reg.toml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("reg.toml: ")
    return message


def test_cross_entropy_with_a_linear_output_is_refused_naming_both():
    message = refusal(regression_toml(costs='["quadratic", "cross_entropy"]'))
    assert "training.costs" in message and 'network.output = "linear"' in message
    assert "cross-entropy needs outputs between 0 and 1" in message
    assert "mean squared error" in message


def test_regression_needs_a_linear_output_and_classes_a_bounded_one():
    message = refusal(regression_toml(output="softmax", costs='["quadratic"]'))
    assert 'network.output = "softmax"' in message and 'must be "linear"' in message
    message = refusal(regression_toml(dataset="xor", output="linear", layers="[2, 8, 2]",
                                      task="classification"))
    assert 'network.output = "linear"' in message and "regression" in message


def test_regression_data_and_the_task_must_agree():
    message = refusal(regression_toml(task="classification"))
    assert 'data.task = "classification"' in message and '"sine"' in message
    message = refusal(regression_toml(dataset="xor", task="regression", layers="[2, 8, 1]"))
    assert 'data.task = "regression"' in message and '"xor"' in message
    message = refusal(regression_toml(dataset="idx", task="regression",
                                      extra_data='images = "a"\nlabels = "b"\n'))
    assert 'data.task = "regression"' in message


def test_the_sine_and_step_imply_regression_and_files_say_so():
    for dataset in ("sine", "step"):
        exp = parse_toml(regression_toml(dataset))
        assert exp.data.task == "regression"
        text = experiment_to_toml(exp)
        assert 'task = "regression"' in text and parse_toml(text) == exp
    assert parse_toml(regression_toml(task="regression")) == parse_toml(regression_toml())


def test_the_layers_must_fit_the_numbers_to_learn():
    exp = parse_toml(regression_toml(layers="[1, 8, 2]"), "reg.toml")
    with pytest.raises(ExperimentError) as caught:
        build_runs(exp)
    assert "inputs: 1, numbers to learn: 1;" in str(caught.value)
    assert "[1, 8, 1]" in str(caught.value)


def test_classification_files_are_written_as_before():
    for name in preset_names():
        exp = load_preset(name)
        if exp.kind == "network" and name != PRESET:
            assert exp.data.task == "classification"
            assert "task" not in experiment_to_toml(exp)
            assert exp.network.output in ("sigmoid", "softmax")


def test_nnlab_run_refuses_cross_entropy_with_a_linear_output_in_one_line(tmp_path, capsys):
    path = tmp_path / "reg.toml"
    path.write_text(regression_toml(costs='["quadratic", "cross_entropy"]'), encoding="utf-8")
    code = cli.main(["run", str(path), "--out", str(tmp_path / "out")])
    assert code == 2
    line = one_error_line(capsys.readouterr().err)
    assert "training.costs" in line and "cross-entropy" in line and "linear" in line
    assert not (tmp_path / "out").exists()


# --- the preset: the network fits the sine --------------------------------------------------

@pytest.fixture(scope="module")
def fitted():
    exp = load_preset(PRESET)
    run = build_runs(exp)[0]
    started = run.start()
    records = list(started.records)
    return exp, run, started.network, records


def test_the_sine_preset_is_a_regression_with_a_linear_output(fitted):
    exp, run, _, _ = fitted
    assert exp.data.dataset == "sine" and exp.data.task == "regression"
    assert exp.network.output == "linear" and exp.training.costs == ("quadratic",)
    assert exp.network.layers == (1, 16, 16, 1)
    assert run.dataset.is_regression


def test_the_sine_preset_fits_the_sine_far_better_than_its_mean(fitted):
    _, run, network, records = fitted
    data = run.dataset
    test_mse = mean_squared_error(network.forward(data.x_test), data.y_test)
    train_mse = mean_squared_error(network.forward(data.x_train), data.y_train)
    variance = float(np.var(data.y_test))  # the MSE of answering the mean
    # seed 0: test MSE 0.0119, train MSE 0.0161, variance 0.450; the noise alone is 0.01
    assert test_mse < 0.03 and train_mse < 0.03
    assert test_mse < variance / 15
    # what the history records is the quadratic cost, half the MSE
    assert mse_of_quadratic_cost(records[-1].test_cost) == pytest.approx(test_mse, rel=1e-9)
    assert records[-1].status == "finished" and records[-1].epoch == 300
    # it learns from a start that knows nothing of the sine
    assert mse_of_quadratic_cost(records[0].test_cost) > variance / 2


def test_regression_runs_record_no_test_accuracy(fitted, tmp_path):
    _, _, _, records = fitted
    assert all(math.isnan(record.test_accuracy) for record in records)
    result = run_experiment(load_preset(PRESET))
    history_path, summary_path = write_results(result, tmp_path)
    header, *rows = history_path.read_text().splitlines()
    columns = header.split(",")
    assert {"train_cost", "train_accuracy", "test_cost", "test_accuracy"} <= set(columns)
    assert all(row.split(",")[columns.index("test_accuracy")] == "nan" for row in rows)
    final = json.loads(summary_path.read_text())["runs"]["quadratic"]["final"]
    assert final["test_accuracy"] is None


def test_regression_runs_record_no_training_accuracy(fitted):
    _, _, _, records = fitted
    assert all(math.isnan(record.train_accuracy) for record in records)


def test_nnlab_run_reports_the_mse_of_a_regression(tmp_path, capsys):
    code = cli.main(["run", "--preset", PRESET, "--out", str(tmp_path)])
    assert code == 0
    out = capsys.readouterr().out
    assert "train MSE" in out and "test MSE" in out and "accuracy" not in out


def test_a_regression_is_evaluated_without_classes(fitted):
    _, run, network, _ = fitted
    evaluation = evaluate(network, run.dataset)
    assert evaluation.is_regression and evaluation.on_test_set
    assert math.isnan(evaluation.accuracy) and evaluation.matrix is None
    assert len(evaluation.misclassified()) == 0
    assert evaluation.mean_squared_error == pytest.approx(
        mean_squared_error(network.forward(run.dataset.x_test), run.dataset.y_test))
    diverged = network.copy()
    diverged.parameters[0] = np.nan
    assert evaluate(diverged, run.dataset).diverged

    class Run:
        name, network_epoch, evaluation = "quadratic", 300, None

    Run.network = network
    assert EvaluationCache().get(Run, run.dataset).is_regression
