"""The [compare] table: what the runs of a network experiment differ in, how a file spells it,
every refusal, the runs build_runs makes of it, a dataset given from outside, and the CLI."""

from __future__ import annotations

import csv
import dataclasses
import json
import tomllib

import numpy as np
import pytest

from nnlab import cli
from nnlab.core import datasets
from nnlab.core.experiment import (
    COMPARED_SETTINGS,
    OPTIMIZERS,
    CompareSettings,
    DataSettings,
    Experiment,
    ExperimentError,
    NetworkSettings,
    TrainingSettings,
    experiment_to_mapping,
    experiment_to_toml,
    parse_experiment,
    parse_toml,
    validate_experiment,
)
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs, check_dataset_fits, history_csv, run_experiment


def lab_file(compare: str, training: str = 'costs = ["cross_entropy"]\nbatch_size = 8',
             net: str = "layers = [2, 4, 2]") -> str:
    return (f'schema = 1\nkind = "network"\nseed = 3\n[data]\ndataset = "xor"\nn_samples = 80\n'
            f'[network]\n{net}\nhidden_activation = "tanh"\ninit = "xavier"\n'
            f"[training]\n{training}\nlearning_rate = 0.5\nepochs = 3\n[compare]\n{compare}\n")


def refusal(text: str) -> str:
    with pytest.raises(ExperimentError) as caught:
        parse_toml(text, source="lab.toml")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("lab.toml: "), message
    return message


def small_lab(setting: str, values: tuple, **training) -> Experiment:
    return Experiment(
        kind="network", seed=3,
        data=DataSettings("xor", test_fraction=0.25, n_samples=80),
        network=NetworkSettings((2, 4, 2), "tanh", "softmax", "xavier"),
        training=TrainingSettings(("cross_entropy",), 0.5, 3, **training),
        compare=CompareSettings(setting, values),
    )


# --------------------------------------------------------------------------------------------
# The file


def test_the_names_are_fixed():
    assert COMPARED_SETTINGS == ("cost", "hidden_activation", "optimizer", "learning_rate")
    assert OPTIMIZERS == ("batch", "sgd", "mini-batch")
    assert Experiment().compare == CompareSettings("cost", ())


@pytest.mark.parametrize("compare, expected", [
    ('setting = "hidden_activation"\nvalues = ["sigmoid", "relu"]',
     CompareSettings("hidden_activation", ("sigmoid", "relu"))),
    ('setting = "optimizer"\nvalues = ["batch", "sgd", "mini-batch"]',
     CompareSettings("optimizer", ("batch", "sgd", "mini-batch"))),
    ('setting = "learning_rate"\nvalues = [1, 0.5, 2e-3, 1000]',
     CompareSettings("learning_rate", (1.0, 0.5, 0.002, 1000.0))),
    ('setting = "cost"', CompareSettings()),
])
def test_accepted_tables_and_their_round_trip(compare, expected):
    training = ('costs = ["quadratic", "cross_entropy"]\nbatch_size = 8'
                if expected.setting == "cost" else 'costs = ["cross_entropy"]\nbatch_size = 8')
    exp = parse_toml(lab_file(compare, training))
    assert exp.compare == expected
    if expected.setting == "learning_rate":
        assert all(isinstance(v, float) for v in exp.compare.values)
    text = experiment_to_toml(exp)
    assert parse_toml(text) == exp
    assert tomllib.loads(text) == experiment_to_mapping(exp)
    assert validate_experiment(exp) == exp
    # a comparison of the costs is the default and is not written
    assert ("[compare]" in text) == (expected.setting != "cost")


def test_the_docstring_example_of_the_compare_table_is_accepted():
    from nnlab.core import experiment

    doc = experiment.__doc__
    table = doc[doc.index("    [compare]"):].split("\n\n")[0]
    lines = [line.split("#")[0].strip() for line in table.splitlines()]
    exp = parse_toml(lab_file("\n".join(lines[1:])))
    assert exp.compare == CompareSettings("learning_rate", (0.05, 0.5, 5.0))


@pytest.mark.parametrize("compare, training, expected", [
    ('setting = "learning_rate"\nvalues = [0.1, 0.5]',
     'costs = ["quadratic", "cross_entropy"]',
     'training.costs = ["quadratic", "cross_entropy"]: must name exactly one cost when '
     'compare.setting = "learning_rate"'),
    ('setting = "optimizer"\nvalues = ["sgd", "mini-batch"]', 'costs = ["cross_entropy"]',
     'compare.values[1] = "mini-batch": needs training.batch_size'),
    ('setting = "cost"\nvalues = ["quadratic"]', 'costs = ["cross_entropy"]',
     'compare.values = ["quadratic"]: not used with compare.setting = "cost"'),
    ('values = [0.1, 0.2]', 'costs = ["cross_entropy"]',
     'compare.values = [0.1, 0.2]: not used with compare.setting = "cost", the default'),
    ('setting = "learning_rate"', 'costs = ["cross_entropy"]',
     'compare.setting = "learning_rate" needs compare.values, a list of 2 to 6'),
    ('setting = "momentum"\nvalues = [0.1, 0.9]', 'costs = ["cross_entropy"]',
     'compare.setting = "momentum": must be one of "cost", "hidden_activation", "optimizer", '
     '"learning_rate"'),
    ('setting = "learning_rate"\nvalues = [0.1]', 'costs = ["cross_entropy"]',
     "compare.values = [0.1]: must be a list of 2 to 6 different learning rates > 0 and <= 1000"),
    ('setting = "learning_rate"\nvalues = [1, 2, 3, 4, 5, 6, 7]', 'costs = ["cross_entropy"]',
     "compare.values = [1, 2, 3, 4, 5, 6, 7]: must be a list of 2 to 6"),
    ('setting = "learning_rate"\nvalues = 0.1', 'costs = ["cross_entropy"]',
     "compare.values = 0.1: must be a list of 2 to 6"),
    ('setting = "learning_rate"\nvalues = [0.1, 0]', 'costs = ["cross_entropy"]',
     "compare.values[1] = 0: must be a finite number > 0 and <= 1000"),
    ('setting = "learning_rate"\nvalues = [0.1, 1001]', 'costs = ["cross_entropy"]',
     "compare.values[1] = 1001: must be a finite number > 0 and <= 1000"),
    ('setting = "learning_rate"\nvalues = [0.1, "0.5"]', 'costs = ["cross_entropy"]',
     'compare.values[1] = "0.5": must be a finite number > 0 and <= 1000 (write it without quotes)'),
    ('setting = "learning_rate"\nvalues = [1, 1.0]', 'costs = ["cross_entropy"]',
     "compare.values = [1, 1.0]: must be a list of 2 to 6 different learning rates > 0 and "
     "<= 1000, one run each (each at most once)"),
    ('setting = "learning_rate"\nvalues = [0.1234561, 0.1234562]', 'costs = ["cross_entropy"]',
     "compare.values = [0.1234561, 0.1234562]: learning rates must differ in their first 6 "
     "significant digits"),
    ('setting = "hidden_activation"\nvalues = ["relu", "swish"]', 'costs = ["cross_entropy"]',
     'compare.values[1] = "swish": must be one of "sigmoid", "tanh", "relu", "leaky_relu", '
     '"linear"'),
    ('setting = "hidden_activation"\nvalues = ["relu", "relu"]', 'costs = ["cross_entropy"]',
     'compare.values = ["relu", "relu"]: must be a list of 2 to 6 different names from '
     '"sigmoid", "tanh", "relu", "leaky_relu", "linear", one run each (each at most once)'),
    ('setting = "optimizer"\nvalues = ["sgd", "adam"]', 'costs = ["cross_entropy"]',
     'compare.values[1] = "adam": must be one of "batch", "sgd", "mini-batch"'),
    ('setting = "learning_rate"\nvalues = [0.1, 0.2]\nvalue = 3', 'costs = ["cross_entropy"]',
     "unknown key 'compare.value' (allowed: setting, values, learning_rates; did you mean 'values'?)"),
])
def test_refusals_name_the_key_the_value_and_what_is_allowed(compare, training, expected):
    message = refusal(lab_file(compare, training))
    assert f"lab.toml: {expected}" in message, message


def test_hidden_activations_need_a_hidden_layer():
    message = refusal(lab_file('setting = "hidden_activation"\nvalues = ["relu", "tanh"]',
                               net="layers = [2, 2]"))
    assert message.startswith('lab.toml: network.layers = [2, 2]: has no hidden layer'), message


def test_compare_is_refused_for_the_neuron():
    message = refusal('schema = 1\nkind = "neuron"\n[compare]\nsetting = "learning_rate"\n'
                      "values = [0.1, 0.2]\n")
    assert ('section [compare] is not used with kind = "neuron" (kind = "neuron" uses '
            '[neuron], [training]; [compare] belongs to kind = "network")') in message
    message = refusal('schema = 1\nkind = "network"\ncompare = 3\n')
    assert "compare = 3: must be a table, written [compare] on its own line" in message


def test_validate_experiment_checks_a_comparison_built_in_code():
    exp = small_lab("learning_rate", (0.1, 0.2))
    assert validate_experiment(exp) == exp
    two_costs = dataclasses.replace(
        exp, training=dataclasses.replace(exp.training, costs=("quadratic", "cross_entropy")))
    with pytest.raises(ExperimentError, match=r"training\.costs = .*exactly one cost"):
        validate_experiment(two_costs)
    # values given with the default setting are refused, not silently dropped
    with pytest.raises(ExperimentError, match=r'compare\.values = \[0\.1, 0\.2\]: not used'):
        validate_experiment(small_lab("cost", (0.1, 0.2)))
    with pytest.raises(ExperimentError, match=r'needs training\.batch_size'):
        validate_experiment(small_lab("optimizer", ("batch", "mini-batch")))


# --------------------------------------------------------------------------------------------
# The runs


def test_one_run_per_cost_without_a_compare_table():
    exp = dataclasses.replace(small_lab("cost", ()), training=TrainingSettings(
        ("quadratic", "cross_entropy"), 0.5, 3, batch_size=8))
    runs = build_runs(exp)
    assert [(r.name, r.cost, r.value) for r in runs] == [
        ("quadratic", "quadratic", "quadratic"), ("cross_entropy", "cross_entropy", "cross_entropy")]
    assert all(r.training.batch_size == 8 and r.training.learning_rate == 0.5 for r in runs)


def test_hidden_activation_runs_use_their_activation_in_every_hidden_layer():
    exp = small_lab("hidden_activation", ("sigmoid", "relu", "tanh"), batch_size=8)
    exp = dataclasses.replace(exp, network=NetworkSettings((2, 4, 3, 2), ("tanh", "linear"),
                                                           "softmax", "xavier"))
    runs = build_runs(exp)
    assert [r.name for r in runs] == ["sigmoid", "relu", "tanh"]
    for run, name in zip(runs, ("sigmoid", "relu", "tanh")):
        assert run.initial_network.hidden_activations == [name, name]
        assert run.cost == "cross_entropy" and run.training.batch_size == 8
        np.testing.assert_array_equal(run.initial_network.parameters,
                                      runs[0].initial_network.parameters)
    x = runs[0].dataset.x_train
    outputs = [run.initial_network.forward(x) for run in runs]
    assert not np.allclose(outputs[0], outputs[1])  # the activation is really used


def test_optimizer_runs_take_their_batch_size():
    runs = build_runs(small_lab("optimizer", ("batch", "sgd", "mini-batch"), batch_size=8))
    assert [r.name for r in runs] == ["batch", "sgd", "mini-batch"]
    assert [r.training.batch_size for r in runs] == [None, 1, 8]
    steps = [list(r.start().records)[-1].steps for r in runs]
    assert steps == [3 * 1, 3 * 60, 3 * 8]  # 60 training samples, 3 epochs


def test_learning_rate_runs_are_named_by_their_rate():
    runs = build_runs(small_lab("learning_rate", (0.5, 1e-5, 2.0, 0.1234567)))
    assert [r.name for r in runs] == ["0.5", "1e-05", "2", "0.123457"]
    assert [r.training.learning_rate for r in runs] == [0.5, 1e-5, 2.0, 0.1234567]
    assert [r.value for r in runs] == [0.5, 1e-5, 2.0, 0.1234567]
    last = [list(r.start().records)[-1] for r in runs]
    assert len({rec.train_cost for rec in last}) == 4  # each run really has its own rate


def test_every_run_shares_the_data_and_the_order_seed():
    for exp in (small_lab("hidden_activation", ("sigmoid", "relu")),
                small_lab("optimizer", ("batch", "sgd")),
                small_lab("learning_rate", (0.1, 0.2))):
        runs = build_runs(exp)
        assert len({id(r.dataset) for r in runs}) == 1
        assert len({r.order_seed for r in runs}) == 1


def test_a_neuron_experiment_is_unchanged_and_takes_no_dataset():
    exp = load_preset("neuron-2-2")
    runs = build_runs(exp)
    assert [(r.name, r.value, r.training) for r in runs] == [
        ("quadratic", "quadratic", exp.training), ("cross_entropy", "cross_entropy", exp.training)]
    with pytest.raises(ValueError, match="takes no dataset"):
        build_runs(exp, dataset=datasets.xor(np.random.default_rng(0), n_samples=20))


# --------------------------------------------------------------------------------------------
# A dataset given from outside (a file the user opened in the window)


def test_a_given_dataset_is_used_and_checked():
    exp = small_lab("learning_rate", (0.1, 0.2))
    mine = datasets.circles(np.random.default_rng(7), n_samples=40, test_fraction=0.0)
    runs = build_runs(exp, dataset=mine)
    assert all(run.dataset is mine for run in runs)
    assert [run.samples_per_epoch for run in runs] == [40, 40]
    # not drawn: the same experiment and dataset give the same start every time
    again = build_runs(exp, dataset=mine)
    np.testing.assert_array_equal(runs[0].initial_network.parameters,
                                  again[0].initial_network.parameters)
    assert runs[0].order_seed == again[0].order_seed
    # and the start is the seed's first draw, as documented
    expected = build_runs(exp)[0].initial_network.copy()
    expected.initialise("xavier", np.random.default_rng(3))
    np.testing.assert_array_equal(runs[0].initial_network.parameters, expected.parameters)

    digits = datasets.digits(np.random.default_rng(0))
    with pytest.raises(ExperimentError) as caught:
        build_runs(dataclasses.replace(exp, source="lab.toml"), dataset=digits)
    assert str(caught.value) == (
        'lab.toml: network.layers = [2, 4, 2]: dataset "digits" has 64 inputs and 10 classes, '
        "so the first layer must be 64 and the last 10 (e.g. [64, 4, 10])")
    with pytest.raises(ExperimentError, match="has 64 inputs"):
        check_dataset_fits(exp, digits)
    check_dataset_fits(exp, mine)  # fits: nothing raised


# --------------------------------------------------------------------------------------------
# Results and the command line


def test_results_name_the_runs_by_their_values(tmp_path, capsys):
    path = tmp_path / "lab.toml"
    path.write_text(lab_file('setting = "optimizer"\nvalues = ["batch", "sgd", "mini-batch"]'))
    out = tmp_path / "out"
    assert cli.main(["run", str(path), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in printed[:3]] == ["batch", "sgd", "mini-batch"]
    with open(out / "history.csv", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [row["run"] for row in rows] == ["batch"] * 4 + ["sgd"] * 4 + ["mini-batch"] * 4
    summary = json.loads((out / "summary.json").read_text())
    assert list(summary["runs"]) == ["batch", "sgd", "mini-batch"]
    assert summary["experiment"]["compare"] == {"setting": "optimizer",
                                                "values": ["batch", "sgd", "mini-batch"]}
    assert summary["runs"]["sgd"]["final"]["steps"] == 3 * 64  # 80 samples less 20 % test
    # the summary's experiment reads back as the one that was run
    assert parse_experiment(summary["experiment"]) == parse_toml(path.read_text())


def test_a_comparison_gives_identical_results_twice():
    exp = small_lab("learning_rate", (0.5, 0.25), batch_size=8)
    assert history_csv(run_experiment(exp)) == history_csv(run_experiment(exp))
