"""A neuron experiment with several starts: the lecture notes' two experiments (w = 0.6,
b = 0.9 and w = 2, b = 2) side by side, every start under every cost.

The file's key (neuron.starts) and its refusals, the runs it makes (each start × cost, named
"cost@k"), the presets that draw the notes' figure, ``nnlab run`` on them, and the lesson
window with the four runs: four operating points on the sigmoid, a breakdown column per run
and a key that names each run.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import math
from importlib import resources

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from nnlab import cli
from nnlab.app.neuron_session import NeuronSession
from nnlab.core.experiment import (
    FIELDS, MAX_NEURON_RUNS, Experiment, ExperimentError, NeuronSettings, TrainingSettings,
    experiment_to_toml, neuron_run_name, neuron_run_parts, neuron_runs, parse_toml,
    validate_experiment,
)
from nnlab.core.neuron import NEURON_COLUMNS, train_neuron
from nnlab.core.presets import load_preset, preset_names
from nnlab.core.runner import build_runs, execute_run, neuron_histories, run_experiment
from nnlab.gui.lessons.neuron.panel import CLASSIC_STARTS, ExperimentPanel
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import run_to_the_end, shown_window

BOTH_COSTS = ("quadratic", "cross_entropy")
NOTES_STARTS = ((0.6, 0.9), (2.0, 2.0))
FOUR_RUNS = ("quadratic@1", "cross_entropy@1", "quadratic@2", "cross_entropy@2")


def neuron_file(neuron: str, training: str = "") -> str:
    return (f'schema = 1\nkind = "neuron"\n[neuron]\n{neuron}\n'
            + (f"[training]\n{training}\n" if training else ""))


def refusal(text: str) -> str:
    with pytest.raises(ExperimentError) as caught:
        parse_toml(text, source="lesson.toml")
    return str(caught.value)


def by_hand(w: float, b: float, cost: str, epochs: int = 300, eta: float = 0.15,
            x: float = 1.0, y: float = 0.0) -> list[tuple[float, float]]:
    """(a, C) at epochs 0 … ``epochs``, by the chain rule written out in plain floats:
    independent of nnlab's own code."""
    out = []
    for _ in range(epochs + 1):
        z = w * x + b
        a = 1.0 / (1.0 + math.exp(-z))
        if cost == "quadratic":
            c, dz = 0.5 * (a - y) ** 2, (a - y) * a * (1.0 - a)
        else:
            c, dz = -(y * math.log(a) + (1.0 - y) * math.log(1.0 - a)), a - y
        out.append((a, c))
        w, b = w - eta * x * dz, b - eta * dz
    return out


# --- the file -------------------------------------------------------------------------------

def test_starts_replace_w_and_b_and_make_a_run_per_start_and_cost():
    exp = parse_toml(neuron_file("starts = [[0.6, 0.9], [2, 2]]"), source="lesson.toml")
    assert exp.neuron.starts == NOTES_STARTS
    assert exp.neuron.start_points == NOTES_STARTS
    assert (exp.neuron.w, exp.neuron.b) == (0.6, 0.9)  # the first start, for what reads one
    assert [run.name for run in neuron_runs(exp)] == list(FOUR_RUNS)
    assert [(run.cost, run.start, run.w, run.b) for run in neuron_runs(exp)] == [
        ("quadratic", 0, 0.6, 0.9), ("cross_entropy", 0, 0.6, 0.9),
        ("quadratic", 1, 2.0, 2.0), ("cross_entropy", 1, 2.0, 2.0)]


def test_one_start_keeps_todays_runs_and_names():
    plain = parse_toml(neuron_file("w = 0.6\nb = 0.9"))
    listed = parse_toml(neuron_file("starts = [[0.6, 0.9]]"))
    assert listed == plain and listed.neuron.starts == ()
    assert [run.name for run in neuron_runs(plain)] == list(BOTH_COSTS)
    assert [run.name for run in build_runs(load_preset("neuron-2-2"))] == list(BOTH_COSTS)
    assert experiment_to_toml(listed) == experiment_to_toml(plain)
    assert "starts" not in experiment_to_toml(plain)


def test_run_names_say_the_cost_and_the_start():
    assert neuron_run_name("quadratic", 0, 1) == "quadratic"
    assert neuron_run_name("cross_entropy", 1, 2) == "cross_entropy@2"
    for name in ("quadratic", "cross_entropy", *FOUR_RUNS):
        cost, start = neuron_run_parts(name)
        assert neuron_run_name(cost, start, 1 if name in BOTH_COSTS else 2) == name
    # history.csv needs no quoting, and nothing in a run's name is a separator of it
    assert all("," not in name and " " not in name for name in FOUR_RUNS)


@pytest.mark.parametrize("text", [
    neuron_file("x = 1.0\ny = 0.0\nstarts = [[0.6, 0.9], [2.0, 2.0]]",
                'costs = ["quadratic", "cross_entropy"]\nlearning_rate = 0.15\nepochs = 300'),
    neuron_file("starts = [[0.6, 0.9], [2.0, 2.0], [-1.0, 3.5], [0.0, 0.0]]",
                'costs = ["cross_entropy"]'),
    neuron_file("starts = [[1e-3, -7]]"),
])
def test_an_experiment_with_starts_round_trips_through_toml(text):
    exp = parse_toml(text)
    again = parse_toml(experiment_to_toml(exp))
    assert again == exp
    assert experiment_to_toml(again) == experiment_to_toml(exp)
    assert validate_experiment(exp) == exp


@pytest.mark.parametrize("neuron, training, message", [
    ("w = 2.0\nstarts = [[0.6, 0.9], [2.0, 2.0]]", "",
     "lesson.toml: neuron.w = 2.0: not used with neuron.starts, which gives the w and b of "
     "every start (write this start in neuron.starts, or leave neuron.starts out)"),
    ("starts = [[0.6, 0.9], [0.6, 0.9]]", "",
     "lesson.toml: neuron.starts = [[0.6, 0.9], [0.6, 0.9]]: must be a list of 1 to 4 "
     "different starts [w, b], each two finite numbers (each at most once)"),
    ("starts = []", "",
     "lesson.toml: neuron.starts = []: must be a list of 1 to 4 different starts [w, b], "
     "each two finite numbers"),
    ("starts = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]", 'costs = ["quadratic"]',
     "lesson.toml: neuron.starts = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]: must be a list "
     "of 1 to 4 different starts [w, b], each two finite numbers"),
    ("starts = [0.6, 0.9]", "",
     "lesson.toml: neuron.starts[0] = 0.6: must be a start [w, b]: a list of two finite "
     "numbers, the weight and the bias"),
    ("starts = [[0.6, 0.9], [2.0, 2.0, 2.0]]", "",
     "lesson.toml: neuron.starts[1] = [2.0, 2.0, 2.0]: must be a start [w, b]: a list of two "
     "finite numbers, the weight and the bias"),
    ('starts = [[0.6, 0.9], [2.0, "2"]]', "",
     'lesson.toml: neuron.starts[1][1] = "2": must be a finite number (write it without '
     "quotes)"),
    ("starts = [[0.6, 0.9], [nan, 2.0]]", "",
     "lesson.toml: neuron.starts[1][0] = nan: must be a finite number"),
    ("starts = [[1, 2], [3, 4], [5, 6]]", "",
     "lesson.toml: neuron.starts = [[1, 2], [3, 4], [5, 6]]: 3 starts × 2 costs "
     "(training.costs) make 6 runs, more than the 4 a neuron experiment shows side by side: "
     "list fewer starts, or one cost"),
])
def test_a_bad_list_of_starts_is_refused_naming_the_file_key_and_value(neuron, training,
                                                                         message):
    assert refusal(neuron_file(neuron, training)) == message


def test_three_or_four_starts_take_one_cost():
    exp = parse_toml(neuron_file("starts = [[1, 2], [3, 4], [5, 6], [7, 8]]",
                                 'costs = ["quadratic"]'))
    assert len(neuron_runs(exp)) == MAX_NEURON_RUNS == 4
    assert [run.name for run in neuron_runs(exp)][-1] == "quadratic@4"


def test_compare_start_points_to_neuron_starts():
    message = refusal('schema = 1\nkind = "neuron"\n[compare]\nsetting = "start"\n'
                      "values = [[0.6, 0.9], [2.0, 2.0]]\n")
    assert message == (
        'lesson.toml: compare.setting = "start": not used with kind = "neuron": a neuron '
        "experiment lists its starts in neuron.starts, e.g. starts = [[0.6, 0.9], [2.0, 2.0]], "
        "one run per start and cost")


def test_the_field_table_has_the_rule_of_starts():
    rule = FIELDS["neuron.starts"]
    assert rule.default == () and rule.bounds == (1, 4)
    assert str(rule.allowed) == ("must be a list of 1 to 4 different starts [w, b], each two "
                                 "finite numbers")


def test_an_experiment_built_in_code_is_checked_by_the_same_rules():
    five = Experiment(neuron=NeuronSettings(starts=((1.0, 1.0), (2.0, 2.0), (3.0, 3.0))))
    with pytest.raises(ExperimentError, match=r"3 starts × 2 costs"):
        validate_experiment(five)
    one_cost = dataclasses.replace(five, training=TrainingSettings(costs=("quadratic",)))
    checked = validate_experiment(one_cost)
    assert checked.neuron.start_points == ((1.0, 1.0), (2.0, 2.0), (3.0, 3.0))
    assert (checked.neuron.w, checked.neuron.b) == (1.0, 1.0)


# --- the runs -------------------------------------------------------------------------------

def test_the_four_runs_equal_four_single_runs_column_by_column():
    exp = load_preset("neuron-two-starts-both-costs")
    t = exp.training
    results = {run.name: execute_run(run) for run in build_runs(exp)}
    assert list(results) == list(FOUR_RUNS)
    histories = neuron_histories(exp)
    assert list(histories) == list(FOUR_RUNS)
    for name in FOUR_RUNS:
        cost, start = neuron_run_parts(name)
        w, b = NOTES_STARTS[start]
        single = train_neuron(1.0, 0.0, w, b, cost, t.learning_rate, t.epochs).columns()
        assert len(single["epoch"]) == t.epochs + 1
        for column in NEURON_COLUMNS:
            assert np.array_equal(results[name].history[column], single[column]), (name, column)
            assert np.array_equal(histories[name].columns()[column], single[column]), \
                (name, column)


def test_the_two_starts_preset_draws_the_notes_figure():
    exp = load_preset("neuron-two-starts")
    assert exp.neuron.start_points == NOTES_STARTS
    assert exp.training.costs == ("quadratic",)
    assert (exp.neuron.x, exp.neuron.y, exp.training.learning_rate, exp.training.epochs) == \
        (1.0, 0.0, 0.15, 300)
    result = run_experiment(exp)
    assert [run.name for run in result.runs] == ["quadratic@1", "quadratic@2"]
    for run, (w, b), (start_a, end_a) in zip(result.runs, NOTES_STARTS,
                                             ((0.82, 0.09), (0.98, 0.20))):
        expected = by_hand(w, b, "quadratic")
        assert len(run.history["a"]) == 301
        np.testing.assert_allclose(run.history["a"], [a for a, _ in expected], rtol=1e-12)
        np.testing.assert_allclose(run.history["cost"], [c for _, c in expected], rtol=1e-12)
        # the notes' numbers: the start's output and the output at epoch 300
        assert run.history["a"][0] == pytest.approx(start_a, abs=0.005)
        assert run.history["a"][300] == pytest.approx(end_a, abs=0.005)
    # the saturated start is still more than twice as far from y = 0 after 300 epochs
    assert result.runs[1].final["a"] > 2 * result.runs[0].final["a"]


def test_the_both_costs_preset_has_the_two_starts_under_both_costs():
    exp = load_preset("neuron-two-starts-both-costs")
    assert exp.neuron.start_points == NOTES_STARTS and exp.training.costs == BOTH_COSTS
    result = run_experiment(exp)
    for run in result.runs:
        cost, start = neuron_run_parts(run.name)
        expected = by_hand(*NOTES_STARTS[start], cost)
        np.testing.assert_allclose(run.history["a"], [a for a, _ in expected], rtol=1e-12)
    final = {run.name: run.final["a"] for run in result.runs}
    # cross-entropy learns fast from either start; the quadratic cost crawls from the second
    assert final["cross_entropy@1"] < 0.02 and final["cross_entropy@2"] < 0.02
    assert final["quadratic@2"] > 0.2


def test_both_presets_are_listed_and_described():
    for name in ("neuron-two-starts", "neuron-two-starts-both-costs"):
        assert name in preset_names()
        exp = load_preset(name)
        assert exp.name == name and "a = 0.82" in exp.description
        assert parse_toml(experiment_to_toml(exp)) == exp


def test_nnlab_run_writes_a_history_per_run(tmp_path, capsys):
    out = tmp_path / "results"
    assert cli.main(["run", "--preset", "neuron-two-starts-both-costs", "--out", str(out)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in printed[:4]] == list(FOUR_RUNS)
    with open(out / "history.csv", newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    names = [row["run"] for row in rows]
    assert sorted(set(names)) == sorted(FOUR_RUNS)
    for name in FOUR_RUNS:
        epochs = [int(row["epoch"]) for row in rows if row["run"] == name]
        assert epochs == list(range(301))
    last = {row["run"]: float(row["a"]) for row in rows if row["epoch"] == "300"}
    assert round(last["quadratic@1"], 2) == 0.09 and round(last["quadratic@2"], 2) == 0.20
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert list(summary["runs"]) == list(FOUR_RUNS)
    assert summary["experiment"]["neuron"] == {"x": 1.0, "y": 0.0,
                                               "starts": [[0.6, 0.9], [2.0, 2.0]]}


def test_nnlab_export_draws_the_four_runs(qapp, tmp_path):
    out = tmp_path / "figures"
    assert cli.main(["export", "--preset", "neuron-two-starts-both-costs", "--out", str(out),
                     "--caption", "--width", "600"]) == 0
    assert sorted(path.name for path in out.iterdir()) == sorted(
        f"{view}.png" for view in ("sigmoid", "cost", "output", "gradient", "breakdown",
                                   "surface", "dashboard"))


# --- the session ----------------------------------------------------------------------------

def test_the_session_runs_are_starts_times_costs_and_costs_still_work(qtbot):
    session = NeuronSession(load_preset("neuron-two-starts-both-costs"))
    try:
        assert session.run_names == FOUR_RUNS
        assert session.costs == BOTH_COSTS
        assert set(session.histories) == set(FOUR_RUNS)
        assert session.histories["quadratic@2"].columns()["a"][0] == pytest.approx(0.982, abs=1e-3)
        session.set_costs(("cross_entropy",))
        assert session.run_names == ("cross_entropy@1", "cross_entropy@2")
        assert session.experiment.neuron.start_points == NOTES_STARTS
        finished = neuron_histories(session.experiment)
        session.load_finished(finished)
        assert session.state == "finished" and session.run_names == tuple(finished)
        assert session.experiment.neuron.start_points == NOTES_STARTS
    finally:
        session.shutdown()


# --- the panel ------------------------------------------------------------------------------

def test_the_panel_adds_a_second_start_and_refuses_the_same_one_twice(qtbot):
    panel = ExperimentPanel(load_preset("neuron-0.6-0.9"))
    qtbot.addWidget(panel)
    edited = []
    panel.experiment_edited.connect(edited.append)
    assert not panel.second_start.isChecked()
    assert not panel.second_fields["w2"].isEnabled()
    panel.second_start.setChecked(True)  # the other classic start, ready as it is ticked
    assert edited[-1].neuron.start_points == NOTES_STARTS == CLASSIC_STARTS
    assert [run.name for run in neuron_runs(edited[-1])] == list(FOUR_RUNS)
    panel.set_start(0.6, 0.9, index=1)  # the same as the first
    assert not panel.is_valid
    assert panel.first_error() == "Start 2 is the same as start 1: change its w or b."
    panel.set_start(-1.0, 3.0, index=1)  # as a drag of the second start on the sigmoid
    assert panel.is_valid
    assert edited[-1].neuron.start_points == ((0.6, 0.9), (-1.0, 3.0))
    panel.show()
    edit = panel.second_fields["w2"].edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "1e999")  # typed: beyond the floats
    assert panel.first_error() == ("Start 2: weight w (neuron.starts[1][0]) = 1e999: must be "
                                   "a finite number.")
    panel.second_start.setChecked(False)
    assert panel.is_valid and edited[-1].neuron.start_points == ((0.6, 0.9),)


def test_the_panel_shows_a_files_starts_and_keeps_more_than_two(qtbot):
    exp = parse_toml(neuron_file("starts = [[1, 2], [3, 4], [5, 6]]", 'costs = ["quadratic"]'))
    panel = ExperimentPanel(exp)
    qtbot.addWidget(panel)
    assert panel.second_start.isChecked()
    assert panel.second_fields["w2"].text() == "3" and panel.second_fields["b2"].text() == "4"
    both = panel.cost_buttons.button(2)
    assert not both.isEnabled()  # three starts × two costs would be six runs
    edited = []
    panel.experiment_edited.connect(edited.append)
    panel.set_start(0.5, 2.0)
    assert edited[-1].neuron.start_points == ((0.5, 2.0), (3.0, 4.0), (5.0, 6.0))
    assert validate_experiment(edited[-1]) == edited[-1]


# --- the window -----------------------------------------------------------------------------

@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot, CourseWindow("neuron", projector=False))
    yield window
    window.close()


def open_preset(window, monkeypatch, name: str) -> None:
    """File › Open with the preset's file chosen in the dialog, as a lecturer opens it."""
    path = resources.files("nnlab.core").joinpath("presets", f"{name}.toml")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    window.open_action.trigger()


def test_the_window_trains_the_four_runs_and_names_each(qtbot, window, monkeypatch, warnings):
    open_preset(window, monkeypatch, "neuron-two-starts-both-costs")
    assert warnings == []
    page = window.page
    assert page.session.run_names == FOUR_RUNS
    run_to_the_end(qtbot, window)
    assert page.session.latest_epoch == 300

    # the sigmoid: an operating point per run, a marker per start
    sigmoid = page.views["sigmoid"]
    points = sigmoid.operating_points()
    assert sorted(points) == sorted(FOUR_RUNS)
    for name, (z, a) in points.items():
        cost, start = neuron_run_parts(name)
        assert a == pytest.approx(by_hand(*NOTES_STARTS[start], cost)[-1][0], rel=1e-9)
    assert [round(marker.z, 6) for marker in sigmoid.shown_start_markers] == [1.5, 4.0]
    assert [label.toPlainText() for label in sigmoid.start_labels[:2]] == ["start 1", "start 2"]
    # the start's marker and the cost's colour on each point
    assert sigmoid._points["quadratic@2"].opts["symbol"] == "s"
    assert sigmoid._points["quadratic@1"].opts["symbol"] == "o"

    # the breakdown: the label column and one column per run, grouped by cost
    rows = page.views["breakdown"].table_text()
    assert all(len(row) == 1 + 4 for row in rows)
    assert rows[1][1:] == ["● 1", "■ 2", "● 1", "■ 2"]
    a_row = next(row for row in rows if row[0].startswith("a ="))
    assert a_row[1:] == ["0.0940", "0.203", "0.0116", "0.0120"]

    # the curves: the cost's colour, the start's line style
    cost_plot = page.views["cost"]
    first, second = cost_plot.curve("quadratic@1", "cost"), cost_plot.curve("quadratic@2", "cost")
    assert first.opts["pen"].style() == Qt.PenStyle.SolidLine
    assert second.opts["pen"].style() == Qt.PenStyle.DashLine
    assert first.opts["pen"].color() == second.opts["pen"].color() \
        == page.theme.run_color("quadratic")
    assert cost_plot.curve("cross_entropy@2", "cost").opts["pen"].color() \
        == page.theme.run_color("cross_entropy")

    # the key under the plots names every run: its cost on the line of its start
    key = page.run_key()
    first, second = "start 1 (w = 0.6, b = 0.9)", "start 2 (w = 2, b = 2)"
    assert [(label, group) for label, _, _, group in key] == [
        ("quadratic", first), ("cross-entropy", first),
        ("quadratic", second), ("cross-entropy", second)]
    text = page.controls.key.text()
    for words in ("start&nbsp;1&nbsp;(w&nbsp;=&nbsp;0.6,&nbsp;b&nbsp;=&nbsp;0.9)",
                  "start&nbsp;2&nbsp;(w&nbsp;=&nbsp;2,&nbsp;b&nbsp;=&nbsp;2)", "quadratic",
                  "cross-entropy", "━●━", "╍■╍"):
        assert words in text
    assert page.controls.key_on_own_row
    # exports show legends; on screen the key names the runs
    assert not cost_plot.legend_visible
    assert page.current_frame().run("cross_entropy@2").label == \
        "cross-entropy, start 2 (w = 2, b = 2)"


def test_the_notes_figure_in_the_window_and_back_to_one_start(qtbot, window, monkeypatch):
    open_preset(window, monkeypatch, "neuron-two-starts")
    page = window.page
    run_to_the_end(qtbot, window)
    output = page.views["output"]
    ends = {name: output.curve(name, "a").yData[-1] for name in ("quadratic@1", "quadratic@2")}
    assert round(ends["quadratic@1"], 2) == 0.09 and round(ends["quadratic@2"], 2) == 0.20
    assert output.curve("quadratic@1", "a").yData[0] == pytest.approx(0.8176, abs=1e-4)
    # the gradient plot draws |∂C/∂b| only, in each start's style
    gradient = page.views["gradient"]
    assert gradient.curve("quadratic@1", "dC_dw") is None
    assert gradient.curve("quadratic@2", "dC_db").opts["pen"].style() == Qt.PenStyle.DashLine
    page.set_legends_visible(True)  # as for an export: each run named once
    assert [label.text for _, label in gradient.plot_item.legend.items] == [
        "quadratic, start 1 (w = 0.6, b = 0.9)", "quadratic, start 2 (w = 2, b = 2)"]
    page.set_legends_visible(None)

    # the classic start again: today's runs, names, legends and key
    page.load_preset_named("neuron-2-2")
    run_to_the_end(qtbot, window)
    assert page.session.run_names == BOTH_COSTS
    assert len(page.views["sigmoid"].shown_start_markers) == 1
    assert page.views["sigmoid"].start_label.toPlainText() == "start"
    assert gradient.curve("quadratic", "dC_dw").opts["pen"].style() == Qt.PenStyle.SolidLine
    assert gradient.curve("quadratic", "dC_db").opts["pen"].style() == Qt.PenStyle.DashLine
    assert page.views["cost"].legend_visible
    assert not page.controls.key_on_own_row
    assert [len(row) for row in page.views["breakdown"].table_text()] == [3] * 7
