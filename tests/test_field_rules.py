"""One rule per setting: a value an experiment file refuses is refused when typed into a panel,
by the same rule (experiment.FIELDS), and a value a file accepts is accepted there too.

Each case writes the value into a file and types it, key by key, into the focused field of
the lesson's panel or the lab's panel; both must agree, and the panel's message must name the
file's key, the value and the rule's bounds."""

from __future__ import annotations

import dataclasses

import pytest

from nnlab.core.experiment import (
    FIELDS, CompareSettings, DataSettings, Experiment, ExperimentError, NetworkSettings,
    TrainingSettings, parse_toml, validate_experiment,
)
from nnlab.gui.lessons.lab.panel import LabPanel
from nnlab.gui.lessons.neuron.panel import NEURON_KEYS, ExperimentPanel
from nnlab.gui.widgets.fields import NUMBER_WORDINGS, allowed_text


def file_refusal(text: str) -> str:
    """'' when the file is accepted, else the refusal's message."""
    try:
        parse_toml(text, source="lesson.toml")
    except ExperimentError as error:
        return str(error)
    return ""


def type_into_focused(qtbot, panel, edit, text: str) -> None:
    """Focus the field, select what it holds and type ``text`` key by key."""
    panel.show()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def assert_same_verdict(key: str, text: str, refusal: str, message: str) -> None:
    rule = FIELDS["training.learning_rate" if key == "compare.values" else key]
    if refusal:
        assert message, f"{key} = {text}: the file refuses it ({refusal}), the panel takes it"
        assert f"({key})" in message and f"= {text}" in message, message
        assert allowed_text(rule) in message, message
        assert key in refusal and rule.allowed in refusal, refusal
    else:
        assert not message, f"{key} = {text}: the file takes it, the panel says: {message}"


# --- the lesson's panel ---------------------------------------------------------------------

NEURON_CASES = [
    ("x", "2e6"), ("x", "-5000000"), ("x", "1e308"), ("x", "1e309"),
    ("w", "1000001"), ("w", "-1e300"), ("b", "2e6"), ("b", "-1e309"),
    ("y", "-0.1"), ("y", "0"), ("y", "1"), ("y", "1.5"),
    ("learning_rate", "0"), ("learning_rate", "1e-9"), ("learning_rate", "1000"),
    ("learning_rate", "1000.5"), ("learning_rate", "-1"),
    ("epochs", "0"), ("epochs", "1"), ("epochs", "1000000"), ("epochs", "1000001"),
    ("epochs", "2.5"),
]


def neuron_file(key: str, text: str) -> str:
    section, name = key.split(".")
    return f'schema = 1\nkind = "neuron"\n[{section}]\n{name} = {text}\n'


@pytest.mark.parametrize("name, text", NEURON_CASES)
def test_the_lesson_panel_refuses_what_a_file_refuses_by_the_same_rule(qtbot, name, text):
    panel = ExperimentPanel(Experiment())
    qtbot.addWidget(panel)
    field = panel.fields[name]
    type_into_focused(qtbot, panel, field.edit, text)
    key = NEURON_KEYS[name]
    assert_same_verdict(key, text, file_refusal(neuron_file(key, text)), field.error.text())
    assert panel.is_valid == (not field.error.text())


def test_the_lesson_panel_takes_any_finite_start_as_files_do(qtbot):
    # the panel refused x, w and b beyond ±10⁶ while files took any finite number
    panel = ExperimentPanel(Experiment())
    qtbot.addWidget(panel)
    edited = []
    panel.experiment_edited.connect(edited.append)
    for name, text in (("x", "3000000"), ("w", "-2e6"), ("b", "1e7")):
        type_into_focused(qtbot, panel, panel.fields[name].edit, text)
        assert panel.is_valid, panel.first_error()
    neuron = edited[-1].neuron
    assert (neuron.x, neuron.w, neuron.b) == (3e6, -2e6, 1e7)
    assert file_refusal('schema = 1\n[neuron]\nx = 3000000\nw = -2e6\nb = 1e7\n') == ""


def test_the_lesson_panels_message_names_the_setting_its_key_and_the_rule(qtbot):
    panel = ExperimentPanel(Experiment())
    qtbot.addWidget(panel)
    type_into_focused(qtbot, panel, panel.fields["learning_rate"].edit, "-1")
    assert panel.first_error() == ("Learning rate η (training.learning_rate) = -1: must be a "
                                   "number more than 0 and at most 1000.")
    assert "training.learning_rate = -1: must be a finite number > 0 and <= 1000" \
        in file_refusal(neuron_file("training.learning_rate", "-1"))


# --- the lab's panel ------------------------------------------------------------------------

def lab_experiment(compare_rates: bool = False) -> Experiment:
    """A toy with every number field of the panel in use: a mini-batch, and either one run
    per cost or one run per learning rate."""
    return validate_experiment(Experiment(
        kind="network",
        data=DataSettings(dataset="xor"),
        network=NetworkSettings(layers=(2, 8, 2)),
        training=TrainingSettings(costs=("cross_entropy",), batch_size=16),
        compare=(CompareSettings("learning_rate", (0.1, 0.5)) if compare_rates
                 else CompareSettings()),
    ))


def lab_file(key: str, text: str) -> str:
    """The lab experiment as a file, with ``key`` set to ``text``."""
    lines = {"": ['schema = 1', 'kind = "network"'], "data": ['dataset = "xor"'],
             "network": ["layers = [2, 8, 2]"],
             "training": ['costs = ["cross_entropy"]', "batch_size = 16"], "compare": []}
    if key == "compare.values":
        lines["compare"] = ['setting = "learning_rate"', f"values = [{text}, 0.5]"]
    else:
        section, _, name = key.rpartition(".")
        lines[section] = [line for line in lines[section] if not line.startswith(name + " ")]
        lines[section].append(f"{name} = {text}")
    parts = lines.pop("")
    for section, body in lines.items():
        if body:
            parts += [f"[{section}]", *body]
    return "\n".join(parts) + "\n"


LAB_FIELDS = {
    "data.n_samples": "n_samples", "data.noise": "noise",
    "data.test_fraction": "test_fraction", "training.batch_size": "batch_size",
    "training.learning_rate": "learning_rate", "training.momentum": "momentum",
    "training.l2": "l2", "training.epochs": "epochs", "seed": "seed",
    "compare.values": "compare_rates",
}
LAB_CASES = [
    ("data.n_samples", "9"), ("data.n_samples", "10"), ("data.n_samples", "1000000"),
    ("data.n_samples", "1000001"),
    ("data.noise", "-0.5"), ("data.noise", "0"), ("data.noise", "10"), ("data.noise", "10.5"),
    ("data.test_fraction", "0"), ("data.test_fraction", "0.9"),
    ("data.test_fraction", "0.95"),
    ("training.batch_size", "0"), ("training.batch_size", "1"),
    ("training.batch_size", "10000000"), ("training.batch_size", "10000001"),
    ("training.learning_rate", "0"), ("training.learning_rate", "0.001"),
    ("training.learning_rate", "1000"), ("training.learning_rate", "1001"),
    ("training.momentum", "0"), ("training.momentum", "0.99"), ("training.momentum", "1"),
    ("training.l2", "-0.1"), ("training.l2", "0"), ("training.l2", "1000"),
    ("training.l2", "1000.5"),
    ("training.epochs", "0"), ("training.epochs", "1"), ("training.epochs", "1000000"),
    ("training.epochs", "1000001"),
    ("seed", "-1"), ("seed", "0"), ("seed", "9223372036854775807"),
    ("seed", "9223372036854775808"),
    ("compare.values", "0"), ("compare.values", "1000"), ("compare.values", "1000.5"),
]


@pytest.mark.parametrize("key, text", LAB_CASES)
def test_the_lab_panel_refuses_what_a_file_refuses_by_the_same_rule(qtbot, key, text):
    panel = LabPanel(lab_experiment(compare_rates=key == "compare.values"))
    qtbot.addWidget(panel)
    field = getattr(panel, LAB_FIELDS[key])
    assert field.isEnabled() and field.isVisibleTo(panel)
    # the file compares [text, 0.5]: so does the panel (a space is not typed, Space runs)
    typed = f"{text},0.5" if key == "compare.values" else text
    type_into_focused(qtbot, panel, field.edit, typed)
    assert_same_verdict(key, text, file_refusal(lab_file(key, text)), field.error.text())
    assert panel.is_valid == (not field.error.text()), panel.first_error()


@pytest.mark.parametrize("layers, refused_key", [
    ("2-512-2", ""), ("2-513-2", "network.layers[1]"), ("1024-8-2", ""),
    ("1025-8-2", "network.layers[0]"), ("2-8-1025", "network.layers[2]"),
    ("2-0-2", "network.layers[1]"),
])
def test_the_lab_panel_checks_layer_sizes_by_the_files_rule(qtbot, layers, refused_key):
    panel = LabPanel(lab_experiment())
    qtbot.addWidget(panel)
    type_into_focused(qtbot, panel, panel.layers.edit, layers)
    refusal = file_refusal(lab_file("network.layers", f"[{layers.replace('-', ', ')}]"))
    message = panel.layers.error.text()
    if refused_key:
        assert f"{refused_key} = " in refusal and f"({refused_key})" in message, message
    else:
        assert refusal == "" and message == ""


# --- the table itself -----------------------------------------------------------------------

def test_every_setting_of_an_experiment_has_a_field_whose_rule_takes_its_default():
    for section, settings in (("neuron", Experiment().neuron), ("data", Experiment().data),
                              ("network", Experiment().network),
                              ("training", Experiment().training),
                              ("compare", Experiment().compare)):
        for name in (f.name for f in dataclasses.fields(settings)):
            rule = FIELDS[f"{section}.{name}"]
            assert rule.default == getattr(settings, name)
            if rule.kind in ("number", "whole", "choice") and rule.default is not None:
                assert rule.accepts(rule.default), rule
    assert FIELDS["seed"].default == Experiment().seed


def test_every_number_rule_a_panel_shows_is_worded_in_its_translations():
    for rule in FIELDS.values():
        if rule.kind in ("number", "whole") and not rule.words:
            assert rule.wording in NUMBER_WORDINGS, rule.key
