"""The core's messages are translatable without the core importing Qt.

Every message the user reads from the core is a :class:`nnlab.core.text.Message`: the English
str it always was, which also keeps its template (marked for pyside6-lupdate under the context
"core") and its values. The window translates it with :func:`nnlab.gui.text.translated`.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

import nnlab.core
from nnlab.app.lab_session import LabSession
from nnlab.core.datasets import DatasetError, load_csv, load_idx
from nnlab.core.experiment import ExperimentError, load_experiment, parse_toml
from nnlab.core.files import check_output_dir
from nnlab.core.memory import check_memory
from nnlab.core.neuron import neuron_training, train_neuron
from nnlab.core.preset_texts import PRESET_DESCRIPTIONS
from nnlab.core.presets import load_preset, preset_names
from nnlab.core.runner import build_runs, execute_run
from nnlab.core.text import QT_TRANSLATE_NOOP, Message
from nnlab.gui.text import translated, translated_preset_description

CORE = Path(nnlab.core.__file__).parent
TOOLS = Path(sys.executable).parent


# --- what lupdate extracts from the core --------------------------------------------------


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[str, set[str]]:
    """The source texts pyside6-lupdate finds in nnlab/core, by context."""
    ts = tmp_path_factory.mktemp("lupdate") / "core.ts"
    sources = sorted(str(path) for path in CORE.glob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, "-locations", "none",
                    "-ts", str(ts)], check=True, capture_output=True)
    contexts: dict[str, set[str]] = {}
    for context in ET.parse(ts).iter("context"):
        texts = contexts.setdefault(context.findtext("name"), set())
        texts.update(message.findtext("source") for message in context.iter("message"))
    return contexts


def templates(message: Message) -> list[str]:
    """The templates of ``message`` and of every message among its values, recursively."""
    found = [message.template]
    for value in message.values:
        if isinstance(value, Message):
            found.extend(templates(value))
    return found


def assert_translatable(message, extracted) -> None:
    assert isinstance(message, Message), repr(message)
    missing = [t for t in templates(message) if t not in extracted["core"]]
    assert not missing, f"templates not marked with QT_TRANSLATE_NOOP: {missing}"


def refusal_of(text: str, source: str = "lesson.toml") -> ExperimentError:
    with pytest.raises(ExperimentError) as caught:
        parse_toml(text, source=source)
    return caught.value


# --- Message ------------------------------------------------------------------------------


def test_a_message_is_the_str_it_fills_to():
    inner = Message.of("must be %1", "a whole number")
    message = Message.of("%1: %2 = %3", "lesson.toml", "training.epochs", inner)
    text = "lesson.toml: training.epochs = must be a whole number"
    assert message == text and text == message
    assert str(message) == text and type(str(message)) is str
    assert f"{message}" == text and f"[{message}]" == f"[{text}]"
    assert message.startswith("lesson.toml") and len(message) == len(text)
    assert hash(message) == hash(text) and {text: 1}[message] == 1
    assert message.template == "%1: %2 = %3"
    assert message.values == ("lesson.toml", "training.epochs", inner)
    assert message.values[2].template == "must be %1"


def test_a_message_survives_pickling_and_copying():
    message = Message.of("%1 of %2", Message.of("part %1", 3), 7)
    for copied in (pickle.loads(pickle.dumps(message)), copy.deepcopy(message),
                   copy.copy(message)):
        assert copied == message and isinstance(copied, Message)
        assert copied.template == message.template and copied.values == message.values
        assert copied.values[0].template == "part %1"
    error = pickle.loads(pickle.dumps(ExperimentError(message)))
    assert isinstance(error.args[0], Message) and error.args[0].values == message.values


def test_a_message_fills_its_places_in_one_pass():
    message = Message.of("%1 and %2", "%2", "x")
    assert message == "%2 and x"


def test_the_marker_returns_its_text():
    assert QT_TRANSLATE_NOOP("core", "a text") == "a text"


# --- each kind of message is a Message whose templates lupdate finds ----------------------


def test_a_refused_experiment_value_is_a_translatable_message(extracted):
    error = refusal_of('schema = 1\nkind = "neuron"\n[training]\nlearning_rate = -0.1\n')
    message = error.args[0]
    assert message == ("lesson.toml: training.learning_rate = -0.1: "
                       "must be a finite number > 0 and <= 1000")
    assert str(error) == message
    assert_translatable(message, extracted)
    assert message.values[0] == "lesson.toml"  # the source, apart from the rest


@pytest.mark.parametrize("text", [
    'schema = 2\n',
    'kind = "neuron"\n',
    'schema = 1\nkind = "neuron"\nlearning_rat = 0.1\n',
    'schema = 1\nkind = "neuron"\n[training]\nepochs = 300.0\n',
    'schema = 1\nkind = "neuron"\n[training]\nlearning_rate = "0.1"\n',
    'schema = 1\nkind = "neuron"\n[training]\ncosts = ["quadratic", "quadratic"]\n',
    'schema = 1\nkind = "neuron"\n[training]\nspeed = 0\n',
    'schema = 1\nkind = "neuron"\n[network]\nlayers = [2, 2]\n',
    'schema = 1\nkind = "network"\n[network]\nlayers = [2, 0, 2]\n',
    'schema = 1\nkind = "network"\n[network]\nhidden_activation = ["relu", "tanh"]\n',
    'schema = 1\nkind = "network"\n[data]\ndataset = "csv"\n',
    'schema = 1\nkind = "network"\n[compare]\nsetting = "learning_rate"\nvalues = [1, 1]\n',
    'schema = 1\nkind = "network"\n[compare]\nsetting = "optimizer"\n',
    'schema = 1\nkind = "network"\n[training]\ncosts = ["quadratic"]\n'
    '[compare]\nsetting = "learning_rate"\nvalues = [0.1, 0.10000001]\n',
    'schema = 1\nkind = "network"\n[data]\ndataset = "fashion_mnist"\n',
    'schema = 1\nkind = "network"\ndata = 3\n',
    'schema = [[[[',
])
def test_every_refusal_of_a_file_is_translatable(text, extracted):
    assert_translatable(refusal_of(text).args[0], extracted)


def test_an_unreadable_experiment_file_is_translatable(tmp_path, extracted):
    for path in (tmp_path, tmp_path / "missing.toml"):
        with pytest.raises(ExperimentError) as caught:
            load_experiment(path)
        assert_translatable(caught.value.args[0], extracted)
    assert "it is a folder" in str(caught.value) or "No such file" in str(caught.value)


def test_a_refused_data_file_is_a_translatable_message(tmp_path, extracted):
    rng = np.random.default_rng(0)
    bad_cell = tmp_path / "cells.csv"
    bad_cell.write_text("a,b,label\n1,2,0\n3,x,1\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    one_label = tmp_path / "one.csv"
    one_label.write_text("1,2,0\n3,4,0\n", encoding="utf-8")
    not_idx = tmp_path / "images.idx"
    not_idx.write_bytes(b"\x00\x00\x08\x01" + b"\x00" * 8)
    cases = [(load_csv, (bad_cell,)), (load_csv, (empty,)), (load_csv, (one_label,)),
             (load_csv, (tmp_path / "missing.csv",)), (load_csv, (tmp_path,)),
             (load_idx, (not_idx, not_idx))]
    for load, paths in cases:
        with pytest.raises(DatasetError) as caught:
            load(*paths, rng)
        assert_translatable(caught.value.args[0], extracted)
    with pytest.raises(DatasetError) as caught:
        load_csv(bad_cell, rng)
    assert str(caught.value) == "cells.csv, line 3: expected a number in column 2 ('b'), found 'x'"


def test_memory_and_folder_refusals_are_translatable(tmp_path, extracted):
    with pytest.raises(ExperimentError) as caught:
        check_memory(load_preset("digits-64-30-10"), 1000, 100, 2, limit=1)
    assert_translatable(caught.value.args[0], extracted)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    for folder in (a_file, a_file / "below"):
        with pytest.raises(OSError) as caught:
            check_output_dir(folder)
        assert_translatable(caught.value.strerror, extracted)


def _diverging_lab_experiment(epochs: int = 5):
    exp = load_preset("spiral-learning-rates")
    return dataclasses.replace(
        exp, training=dataclasses.replace(exp.training, epochs=epochs, speed=None),
        compare=dataclasses.replace(exp.compare, values=(1.0, 100.0)))


def test_a_diverged_run_has_a_translatable_message(extracted):
    results = {run.name: execute_run(run) for run in build_runs(_diverging_lab_experiment())}
    diverged = results["100"]
    assert diverged.status == "diverged"
    assert diverged.message.startswith("diverged at epoch 1: the training cost became nan")
    assert_translatable(diverged.message, extracted)
    assert results["1"].message == ""


def test_a_diverged_neuron_has_a_translatable_message(extracted):
    states = list(neuron_training(1.0, 0.0, 2.0, 2.0, "cross_entropy", 1e308, 10))
    assert states[-1].status == "diverged"
    assert_translatable(states[-1].message, extracted)
    history = train_neuron(1.0, 0.0, 2.0, 2.0, "cross_entropy", 1e308, 10)
    assert history.status == "diverged"
    assert_translatable(history.message, extracted)


def test_the_session_hands_the_window_the_message_itself(qtbot, extracted):
    session = LabSession(_diverging_lab_experiment(epochs=3))
    ended = []
    session.run_finished.connect(lambda *args: ended.append(args))
    try:
        session.set_speed(None)
        with qtbot.waitSignal(session.state_changed, timeout=20_000,
                              check_params_cb=lambda state: state == "finished"):
            session.run()
    finally:
        session.shutdown()
    assert_translatable(session.histories["100"].message, extracted)
    messages = {name: message for name, status, message in ended if status == "diverged"}
    assert_translatable(messages["100"], extracted)


# --- translated() -------------------------------------------------------------------------


_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>core</name>
    <message>
        <source>%1 = %2: %3</source>
        <translation>%1 = %2：%3</translation>
    </message>
    <message>
        <source>must be %1</source>
        <translation>必须是%1</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def chinese(qapp, tmp_path):
    ts = tmp_path / "core_zh.ts"
    ts.write_text(_TS, encoding="utf-8")
    qm = tmp_path / "core_zh.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_translated_translates_the_template_and_its_values(chinese):
    error = refusal_of('schema = 1\nkind = "neuron"\n[training]\nepochs = "many"\n')
    english = str(error)
    assert english == ('lesson.toml: training.epochs = "many": '
                       "must be a whole number from 1 to 1000000")
    # "%1: %2" and "a whole number from %1 to %2" have no translation here: they stay English
    assert translated(error) == ('lesson.toml: training.epochs = "many"：'
                                 "必须是a whole number from 1 to 1000000")
    assert translated(error.args[0]) == translated(error)
    assert str(error) == english  # the str is untouched


def test_translated_without_a_translation_is_the_english_text(qapp):
    error = refusal_of('schema = 1\nkind = "neuron"\n[training]\nepochs = 0\n')
    assert translated(error) == str(error)
    assert translated("plain text") == "plain text"
    assert translated(ValueError("no message")) == "no message"
    assert translated(Message.of("%1 + %2", 1, 2.5)) == "1 + 2.5"


# --- preset descriptions ------------------------------------------------------------------


def test_every_preset_description_is_listed_for_translation(extracted):
    in_files = {}
    for path in sorted((CORE / "presets").glob("*.toml")):
        with path.open("rb") as file:
            in_files[path.stem] = tomllib.load(file)["description"]
    assert PRESET_DESCRIPTIONS == in_files
    assert set(PRESET_DESCRIPTIONS) == set(preset_names())
    from nnlab.core.preset_texts import PRESET_TITLES

    assert extracted["presets"] == set(in_files.values()) | set(PRESET_TITLES.values())


def test_a_preset_description_without_a_translation_is_itself(qapp):
    text = PRESET_DESCRIPTIONS["neuron-2-2"]
    assert translated_preset_description(text) == text


def test_the_speed_wording_names_the_files_word_for_full_speed():
    from nnlab.core.experiment import FIELDS, FULL_SPEED

    assert f'or "{FULL_SPEED}" for as fast as possible' in FIELDS["training.speed"].wording
