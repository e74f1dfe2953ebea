"""Experiment files: the schema, every class of refusal, the round trip, and the presets."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from pathlib import Path

import pytest

from nnlab.core import activations, costs, datasets, network
from nnlab.core.experiment import (
    DATASET_OPTIONS,
    DataSettings,
    Experiment,
    ExperimentError,
    NetworkSettings,
    NeuronSettings,
    TrainingSettings,
    dataset_options,
    experiment_to_mapping,
    experiment_to_toml,
    load_experiment,
    parse_experiment,
    parse_toml,
    validate_experiment,
)
from nnlab.core.presets import list_presets, load_preset, preset_names, preset_text

ISSUE_EXAMPLE_NEURON = """\
schema = 1
kind = "neuron"
seed = 0
[neuron]
x = 1.0
y = 0.0
w = 2.0
b = 2.0
[training]
costs = ["quadratic", "cross_entropy"]
learning_rate = 0.15
epochs = 300
"""

ISSUE_EXAMPLE_NETWORK = """\
schema = 1
kind = "network"
seed = 0
[data]
dataset = "digits"
test_fraction = 0.2
[network]
layers = [64, 30, 10]
hidden_activation = "sigmoid"
output = "softmax"
[training]
costs = ["quadratic", "cross_entropy"]
learning_rate = 0.15
epochs = 300
batch_size = 32
"""


def refusal(text: str, source: str = "lesson.toml") -> str:
    """The message of the ExperimentError that ``text`` raises; it must be one line."""
    with pytest.raises(ExperimentError) as caught:
        parse_toml(text, source=source)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message, message
    assert message.startswith(f"{source}: "), message
    return message


def neuron_file(**training) -> str:
    lines = ['schema = 1', 'kind = "neuron"', "[training]"]
    lines += [f"{key} = {value}" for key, value in training.items()]
    return "\n".join(lines) + "\n"


def network_file(data: str = 'dataset = "xor"', net: str = "layers = [2, 8, 2]",
                 training: str = "") -> str:
    return (f'schema = 1\nkind = "network"\n[data]\n{data}\n[network]\n{net}\n'
            f"[training]\n{training}\n")


# --------------------------------------------------------------------------------------------
# Accepted files


def test_issue_examples_parse_with_the_spelled_keys():
    neuron = parse_toml(ISSUE_EXAMPLE_NEURON)
    assert neuron.kind == "neuron"
    assert neuron.neuron == NeuronSettings(x=1.0, y=0.0, w=2.0, b=2.0)
    assert neuron.training.costs == ("quadratic", "cross_entropy")
    assert neuron.training.learning_rate == 0.15 and neuron.training.epochs == 300

    net = parse_toml(ISSUE_EXAMPLE_NETWORK)
    assert net.kind == "network"
    assert net.data.dataset == "digits" and net.data.test_fraction == 0.2
    assert net.network.layers == (64, 30, 10)
    assert net.network.hidden_activation == "sigmoid" and net.network.output == "softmax"
    assert net.training.batch_size == 32


def test_defaults_of_a_minimal_file():
    exp = parse_toml("schema = 1\n")
    assert exp == Experiment()
    assert exp.kind == "neuron" and exp.seed == 0
    assert exp.neuron == NeuronSettings(1.0, 0.0, 2.0, 2.0)
    assert exp.training == TrainingSettings(("quadratic", "cross_entropy"), 0.15, 300, None, 0.0, 0.0)
    net = parse_toml('schema = 1\nkind = "network"\n')
    assert net.network == NetworkSettings((64, 30, 10), "sigmoid", "softmax", "scaled")
    assert net.data.test_fraction == 0.2 and net.data.noise == 0.1
    assert net.data.n_samples == 400 and net.data.label_column == -1
    assert net.training.batch_size is None  # omitted = full batch


def test_an_int_is_accepted_where_a_float_is_expected():
    exp = parse_toml('schema = 1\n[neuron]\nw = 2\nb = -1\n[training]\nlearning_rate = 1\n')
    assert exp.neuron.w == 2.0 and isinstance(exp.neuron.w, float)
    assert exp.training.learning_rate == 1.0 and isinstance(exp.training.learning_rate, float)


def test_per_layer_hidden_activations():
    exp = parse_toml(network_file(net='layers = [2, 8, 4, 2]\nhidden_activation = ["tanh", "relu"]'))
    assert exp.network.hidden_activation == ("tanh", "relu")
    assert exp.network.hidden_activations == ("tanh", "relu")
    assert parse_toml(network_file()).network.hidden_activations == ("sigmoid",)


def test_relative_data_paths_are_relative_to_the_file(tmp_path):
    folder = tmp_path / "lessons"
    folder.mkdir()
    path = folder / "mine.toml"
    path.write_text(network_file(data='dataset = "csv"\npath = "data/points.csv"',
                                 net="layers = [2, 4, 2]"))
    exp = load_experiment(path)
    assert Path(exp.data.path) == folder / "data" / "points.csv"
    assert exp.source == str(path)
    absolute = tmp_path / "elsewhere.csv"
    path.write_text(network_file(data=f'dataset = "csv"\npath = "{absolute.as_posix()}"'))
    assert Path(load_experiment(path).data.path) == absolute


def test_dataset_options_pass_only_the_keys_the_dataset_uses():
    assert dataset_options(DataSettings("digits")) == {"test_fraction": 0.2}
    assert dataset_options(DataSettings("xor", n_samples=50, noise=0.3)) == {
        "test_fraction": 0.2, "n_samples": 50, "noise": 0.3}
    assert dataset_options(DataSettings("csv", path="a.csv")) == {
        "test_fraction": 0.2, "path": "a.csv", "label_column": -1}


def test_allowed_names_come_from_the_core():
    from nnlab.core import experiment

    assert experiment.HIDDEN_ACTIVATIONS == tuple(activations.ACTIVATIONS)
    assert set(experiment.INIT_METHODS) == set(network.INIT_METHODS) - {"explicit"}
    assert costs.COST_NAMES == ("quadratic", "cross_entropy")
    assert tuple(DATASET_OPTIONS) == datasets.DATASET_NAMES


# --------------------------------------------------------------------------------------------
# Refusals: one line naming the file, the key, the value and what is allowed


@pytest.mark.parametrize("text, expected", [
    ('schema = 1\nseeed = 3\n', ["unknown key 'seeed'", "allowed:", "seed", "did you mean 'seed'"]),
    ('schema = 1\n[trainig]\nepochs = 3\n', ["unknown key 'trainig'", "training"]),
    (neuron_file(lerning_rate=0.1),
     ["unknown key 'training.lerning_rate'", "allowed: costs, learning_rate, epochs",
      "did you mean 'learning_rate'"]),
    ('schema = 1\n[neuron]\nv = 1\n', ["unknown key 'neuron.v'", "allowed: x, y, w, b"]),
    (network_file(net="layers = [2, 8, 2]\nactivation = \"tanh\""),
     ["unknown key 'network.activation'", "hidden_activation"]),
    (network_file(data='dataset = "xor"\nsamples = 3'), ["unknown key 'data.samples'", "n_samples"]),
])
def test_unknown_keys_are_refused(text, expected):
    message = refusal(text)
    for part in expected:
        assert part in message, message


@pytest.mark.parametrize("text, key_and_value, allowed", [
    (neuron_file(learning_rate='"0.1"'), 'training.learning_rate = "0.1"', "must be a finite number > 0 and <= 1000"),
    (neuron_file(epochs='"300"'), 'training.epochs = "300"', "whole number from 1 to 1000000"),
    (neuron_file(epochs="300.0"), "training.epochs = 300.0", "whole number from 1 to 1000000"),
    (neuron_file(costs='"quadratic"'), 'training.costs = "quadratic"', 'list of different names from "quadratic", "cross_entropy"'),
    ('schema = 1\nkind = 3\n', "kind = 3", 'must be one of "neuron", "network"'),
    ('schema = 1\nseed = 1.5\n', "seed = 1.5", "whole number from 0 to"),
    ('schema = 1\n[neuron]\nx = "one"\n', 'neuron.x = "one"', "must be a finite number"),
    ('schema = 1\nname = 3\n', "name = 3", "must be a string"),
    ('schema = 1\ntraining = 5\n', "training = 5", "must be a table"),
    (network_file(net='layers = "2, 8, 2"'), 'network.layers = "2, 8, 2"', "list of 2 to 10 layer sizes"),
    (network_file(net='layers = [2, 8.5, 2]'), "network.layers[1] = 8.5", "whole number from 1 to 512"),
    (network_file(net='layers = [2, 8, 2]\nhidden_activation = 1'), "network.hidden_activation = 1", '"sigmoid", "tanh", "relu", "leaky_relu", "linear"'),
    (network_file(data='dataset = "csv"\npath = 3'), "data.path = 3", "must be a file path"),
    ('schema = 1\n[neuron]\nw = 1979-05-27\n', "neuron.w = 1979-05-27", "must be a finite number"),
])
def test_wrong_types_are_refused(text, key_and_value, allowed):
    message = refusal(text)
    assert f"lesson.toml: {key_and_value}: " in message, message
    assert allowed in message, message


@pytest.mark.parametrize("text, key_and_value", [
    (neuron_file(epochs="true"), "training.epochs = true"),
    ('schema = 1\nseed = false\n', "seed = false"),
    (network_file(net="layers = [2, true, 2]"), "network.layers[1] = true"),
    (network_file(training="batch_size = true"), "training.batch_size = true"),
    (network_file(data='dataset = "xor"\nn_samples = true'), "data.n_samples = true"),
    ('schema = true\n', "schema = true"),
    # a bool is not a number either
    (neuron_file(learning_rate="true"), "training.learning_rate = true"),
])
def test_a_bool_is_not_a_number(text, key_and_value):
    message = refusal(text)
    assert f"lesson.toml: {key_and_value}: " in message, message
    assert "must be" in message or "reads schema 1" in message, message


@pytest.mark.parametrize("text, key_and_value, allowed", [
    (neuron_file(learning_rate=-0.1), "training.learning_rate = -0.1", "must be a finite number > 0 and <= 1000"),
    (neuron_file(learning_rate=0), "training.learning_rate = 0", "> 0 and <= 1000"),
    (neuron_file(learning_rate=1001), "training.learning_rate = 1001", "> 0 and <= 1000"),
    (neuron_file(learning_rate="nan"), "training.learning_rate = nan", "finite number"),
    (neuron_file(epochs=0), "training.epochs = 0", "whole number from 1 to 1000000"),
    (neuron_file(epochs=1_000_001), "training.epochs = 1000001", "from 1 to 1000000"),
    (neuron_file(costs="[]"), "training.costs = []", "non-empty list"),
    (neuron_file(costs='["quadratic", "quadratic"]'), 'training.costs = ["quadratic", "quadratic"]', "each at most once"),
    (neuron_file(costs='["quadratic", "hinge"]'), 'training.costs[1] = "hinge"', 'must be one of "quadratic", "cross_entropy"'),
    ('schema = 1\nseed = -1\n', "seed = -1", "whole number from 0 to"),
    ('schema = 1\nkind = "tree"\n', 'kind = "tree"', 'must be one of "neuron", "network"'),
    ('schema = 1\n[neuron]\ny = 1.5\n', "neuron.y = 1.5", ">= 0 and <= 1"),
    ('schema = 1\n[neuron]\nw = inf\n', "neuron.w = inf", "must be a finite number"),
    ('schema = 1\n[neuron]\nb = -nan\n', "neuron.b = nan", "must be a finite number"),
    (network_file(data='dataset = "fashion_mnist"'), 'data.dataset = "fashion_mnist"', '"digits", "mnist_5k", "mnist", "three_class", "xor", "circles", "gaussians", "spiral", "sine", "step", "csv", "idx"'),
    (network_file(data='dataset = "xor"\ntest_fraction = 0.95'), "data.test_fraction = 0.95", ">= 0 and <= 0.9"),
    (network_file(data='dataset = "xor"\ntest_fraction = -0.1'), "data.test_fraction = -0.1", ">= 0 and <= 0.9"),
    (network_file(data='dataset = "xor"\nnoise = -1'), "data.noise = -1", ">= 0"),
    (network_file(data='dataset = "xor"\nn_samples = 2'), "data.n_samples = 2", "whole number from 10 to 1000000"),
    (network_file(net="layers = [2]"), "network.layers = [2]", "list of 2 to 10 layer sizes"),
    (network_file(net="layers = [2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2]"), "network.layers = [2, 3, 3", "list of 2 to 10 layer sizes"),
    (network_file(net="layers = [2, 0, 2]"), "network.layers[1] = 0", "hidden layer size must be a whole number from 1 to 512"),
    (network_file(net="layers = [2, 513, 2]"), "network.layers[1] = 513", "from 1 to 512"),
    (network_file(net="layers = [1025, 8, 2]"), "network.layers[0] = 1025", "input or output layer size must be a whole number from 1 to 1024"),
    (network_file(net='layers = [2, 8, 2]\nhidden_activation = "softmax"'), 'network.hidden_activation = "softmax"', '"sigmoid", "tanh"'),
    (network_file(net='layers = [2, 8, 8, 2]\nhidden_activation = ["tanh", "swish"]'), 'network.hidden_activation[1] = "swish"', '"relu"'),
    (network_file(net='layers = [2, 8, 8, 2]\nhidden_activation = ["tanh"]'), 'network.hidden_activation = ["tanh"]', "one activation per hidden layer, and network.layers = [2, 8, 8, 2] has 2"),
    (network_file(net='layers = [2, 8, 2]\noutput = "tanh"'), 'network.output = "tanh"', 'must be one of "sigmoid", "softmax"'),
    (network_file(net='layers = [2, 8, 2]\ninit = "explicit"'), 'network.init = "explicit"', '"standard", "scaled", "xavier", "he"'),
    (network_file(training="batch_size = 0"), "training.batch_size = 0", "whole number from 1"),
    (network_file(training="momentum = 1.0"), "training.momentum = 1.0", ">= 0 and < 1"),
    (network_file(training="momentum = -0.5"), "training.momentum = -0.5", ">= 0 and < 1"),
    (network_file(training="l2 = -1e-3"), "training.l2 = -0.001", ">= 0"),
])
def test_out_of_range_values_are_refused(text, key_and_value, allowed):
    message = refusal(text)
    assert f"lesson.toml: {key_and_value}" in message, message
    assert allowed in message, message


def test_a_quoted_number_gets_a_hint():
    assert "(write it without quotes)" in refusal(neuron_file(learning_rate='"0.1"'))
    assert "(write it without a decimal point)" in refusal(neuron_file(epochs="300.0"))


@pytest.mark.parametrize("text, expected", [
    ("schema = 2\n", "lesson.toml: schema = 2: this nnlab reads schema 1"),
    ("schema = 0\n", "lesson.toml: schema = 0: this nnlab reads schema 1"),
    ('schema = "1"\n', 'lesson.toml: schema = "1": this nnlab reads schema 1'),
    ('kind = "neuron"\n', "lesson.toml: missing key 'schema' (write schema = 1 as the first line)"),
])
def test_schema_version(text, expected):
    assert refusal(text) == expected


@pytest.mark.parametrize("text, section, kind", [
    ('schema = 1\nkind = "neuron"\n[data]\ndataset = "xor"\n', "data", "neuron"),
    ('schema = 1\n[network]\nlayers = [1, 1]\n', "network", "neuron"),
    ('schema = 1\nkind = "network"\n[neuron]\nw = 1\n', "neuron", "network"),
])
def test_a_section_of_the_other_kind_is_refused(text, section, kind):
    message = refusal(text)
    assert f"section [{section}] is not used with kind = \"{kind}\"" in message, message


@pytest.mark.parametrize("key", ["batch_size = 8", "momentum = 0.5", "l2 = 0.1"])
def test_network_only_training_keys_are_refused_for_the_neuron(key):
    name, value = key.split(" = ")
    message = refusal(f'schema = 1\nkind = "neuron"\n[training]\n{key}\n')
    assert f"training.{name} = {value}: only used with kind = \"network\"" in message, message


def test_csv_and_idx_need_their_paths():
    message = refusal(network_file(data='dataset = "csv"'))
    assert 'data.dataset = "csv" needs data.path' in message
    message = refusal(network_file(data='dataset = "idx"\nimages = "train-images.idx3-ubyte"'))
    assert 'data.dataset = "idx" needs data.images and data.labels' in message
    assert "missing: labels" in message


@pytest.mark.parametrize("text, position", [
    ("schema = 1\nkind = neuron\n", "line 2, column 8"),
    ("schema = 1\n[training\nepochs = 3\n", "line 2, column 10"),
    ("schema = 1\nseed = 1\nseed = 2\n", "line 3, column 9"),
    ("schema = 1\nlayers = [1,\n", "end of document"),
])
def test_toml_syntax_errors_name_the_line_and_column(text, position):
    message = refusal(text)
    assert message.startswith(f"lesson.toml: not valid TOML: {position}: "), message


def test_missing_unreadable_and_non_utf8_files(tmp_path):
    def load_refusal(path):
        with pytest.raises(ExperimentError) as caught:
            load_experiment(path)
        message = str(caught.value)
        assert "\n" not in message
        assert message.startswith(f"{path}: "), message
        return message

    assert "No such file or directory" in load_refusal(tmp_path / "missing.toml")
    assert "it is a folder" in load_refusal(tmp_path)
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes('schema = 1\nname = "Größe"\n'.encode("latin-1"))
    assert "not UTF-8 text: line 2 has a byte that is not UTF-8 (byte offset 21)" in load_refusal(latin1)
    if os.geteuid() != 0:  # root reads any file
        locked = tmp_path / "locked.toml"
        locked.write_text("schema = 1\n")
        locked.chmod(0)
        assert "Permission denied" in load_refusal(locked)


def test_long_values_are_cut_to_keep_one_line():
    message = refusal(f'schema = 1\nname = "{"x" * 500}"\nkind = "{"y" * 500}"\n')
    assert len(message) < 200 and "…" in message
    message = refusal('schema = 1\nname = """two\nlines"""\n')
    assert 'name = "two\\nlines": must be a single line' in message


def test_parse_experiment_takes_a_mapping():
    exp = parse_experiment({"schema": 1, "seed": 7}, source="gui")
    assert exp.seed == 7 and exp.source == "gui"
    with pytest.raises(ExperimentError, match=r"^gui: seed = -7: "):
        parse_experiment({"schema": 1, "seed": -7}, source="gui")


# --------------------------------------------------------------------------------------------
# Writing


@pytest.mark.parametrize("exp", [
    Experiment(),
    Experiment(kind="neuron", seed=3, name="mine", description='quotes " and \\ and ünïcode',
               neuron=NeuronSettings(x=-1.5, y=1.0, w=0.6, b=0.9),
               training=TrainingSettings(costs=("cross_entropy",), learning_rate=2.5, epochs=7)),
    Experiment(kind="network", seed=12345678901234,
               data=DataSettings("spiral", test_fraction=0.0, n_samples=123, noise=0.25),
               network=NetworkSettings((2, 16, 8, 3), ("relu", "tanh"), "sigmoid", "he"),
               training=TrainingSettings(("quadratic",), 0.01, 5, batch_size=1, momentum=0.9, l2=1e-4)),
    Experiment(kind="network", data=DataSettings("csv", path="/data/points.csv", label_column=0),
               network=NetworkSettings((4, 3))),
    Experiment(kind="network", data=DataSettings("idx", images="/m/images.gz", labels="/m/labels.gz"),
               network=NetworkSettings((784, 100, 10))),
    # a key the dataset does not use, set away from its default, is kept
    Experiment(kind="network", data=DataSettings("digits", n_samples=50)),
])
def test_round_trip(exp):
    text = experiment_to_toml(exp)
    assert parse_toml(text) == exp
    assert tomllib.loads(text) == experiment_to_mapping(exp)
    assert validate_experiment(exp) == exp


def test_toml_text_is_written_as_a_person_would():
    exp = parse_toml(ISSUE_EXAMPLE_NETWORK)
    text = experiment_to_toml(exp)
    assert "layers = [64, 30, 10]\n" in text
    assert 'costs = ["quadratic", "cross_entropy"]\n' in text
    assert "\n[data]\n" in text and "\n[neuron]\n" not in text
    # keys the dataset does not use are left out when they hold their defaults
    assert "n_samples" not in text and "path" not in text
    neuron_text = experiment_to_toml(parse_toml(ISSUE_EXAMPLE_NEURON))
    assert "[data]" not in neuron_text and "batch_size" not in neuron_text


def test_validate_experiment_checks_experiments_built_in_code():
    exp = dataclasses.replace(Experiment(), training=TrainingSettings(learning_rate=-1.0))
    with pytest.raises(ExperimentError, match=r"training\.learning_rate = -1\.0: must be"):
        validate_experiment(exp)


# --------------------------------------------------------------------------------------------
# Presets


def test_the_required_presets_exist():
    names = preset_names()
    for required in ("neuron-0.6-0.9", "neuron-2-2", "three-class-3-2-3", "digits-64-30-10"):
        assert required in names
    assert any(name.startswith(("xor", "circles", "spiral", "gaussians")) for name in names)


@pytest.mark.parametrize("name", preset_names())
def test_every_preset_loads_and_describes_itself(name):
    exp = load_preset(name)
    assert exp.name == name
    assert exp.description and "\n" not in exp.description
    assert parse_toml(experiment_to_toml(exp)) == exp
    assert tomllib.loads(preset_text(name))["schema"] == 1


def test_list_presets_gives_one_description_each():
    entries = list_presets()
    assert [name for name, _ in entries] == preset_names()
    assert all(description for _, description in entries)


def test_classic_neuron_presets_match_the_lesson():
    for name, (w, b) in {"neuron-0.6-0.9": (0.6, 0.9), "neuron-2-2": (2.0, 2.0)}.items():
        exp = load_preset(name)
        assert exp.kind == "neuron"
        assert exp.neuron == NeuronSettings(x=1.0, y=0.0, w=w, b=b)
        assert exp.training.learning_rate == 0.15 and exp.training.epochs == 300
        assert exp.training.costs == ("quadratic", "cross_entropy")


def test_network_presets_have_the_lesson_shapes():
    three = load_preset("three-class-3-2-3")
    assert three.data.dataset == "three_class" and three.network.layers == (3, 2, 3)
    digits = load_preset("digits-64-30-10")
    assert digits.data.dataset == "digits" and digits.network.layers == (64, 30, 10)
    assert digits.training.costs == ("quadratic", "cross_entropy")


def test_unknown_preset_lists_the_names():
    with pytest.raises(ExperimentError) as caught:
        load_preset("neuron-9-9")
    message = str(caught.value)
    assert "unknown preset 'neuron-9-9'" in message and "neuron-2-2" in message
    assert "\n" not in message


def test_every_experiment_example_in_the_readme_is_accepted():
    import pathlib
    import re

    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 2
    kinds = {parse_toml(block, "README.md", None).kind for block in blocks}
    assert kinds == {"neuron", "network"}
