"""Building runs from an experiment, running them, and writing the results atomically."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
import os

import numpy as np
import pytest

from nnlab.core import files, runner
from nnlab.core.datasets import DatasetError
from nnlab.core.experiment import (
    DataSettings,
    Experiment,
    ExperimentError,
    NetworkSettings,
    NeuronSettings,
    TrainingSettings,
)
from nnlab.core.presets import load_preset
from nnlab.core.runner import (
    NETWORK_HISTORY_COLUMNS,
    NEURON_HISTORY_COLUMNS,
    build_runs,
    execute_run,
    history_csv,
    run_experiment,
    summary_dict,
    write_results,
)


def small_network(**changes) -> Experiment:
    """A fast network experiment: XOR, 2-4-2, a few epochs of mini-batches."""
    exp = Experiment(
        kind="network", seed=3,
        data=DataSettings("xor", test_fraction=0.25, n_samples=80, noise=0.1),
        network=NetworkSettings((2, 4, 2), "tanh", "softmax", "xavier"),
        training=TrainingSettings(("quadratic", "cross_entropy"), 0.5, 5, batch_size=8),
    )
    return dataclasses.replace(exp, **changes)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --------------------------------------------------------------------------------------------
# The lesson's numbers


@pytest.mark.parametrize("preset, a_start, a_150, a_end", [
    ("neuron-0.6-0.9", 0.82, None, 0.09),
    ("neuron-2-2", 0.98, 0.93, 0.20),
])
def test_classic_starts_reproduce_the_lesson(preset, a_start, a_150, a_end):
    result = run_experiment(load_preset(preset))
    quadratic, cross_entropy = result.runs
    assert (quadratic.name, cross_entropy.name) == ("quadratic", "cross_entropy")
    for run in result.runs:
        assert run.status == "finished" and run.message == ""
        np.testing.assert_array_equal(run.history["epoch"], np.arange(301))
        assert list(run.history) == list(NEURON_HISTORY_COLUMNS)
    a = quadratic.history["a"]
    assert a[0] == pytest.approx(a_start, abs=0.005)
    assert a[-1] == pytest.approx(a_end, abs=0.005)
    if a_150 is not None:
        assert a[150] == pytest.approx(a_150, abs=0.005)
    # cross-entropy: the same start, below a = 0.5 within 20 epochs
    assert cross_entropy.history["a"][0] == a[0]
    assert np.argmax(cross_entropy.history["a"] < 0.5) <= 20
    assert quadratic.final["a"] == a[-1] and quadratic.final["epoch"] == 300


def test_neuron_history_is_consistent_with_its_own_gradient():
    run = run_experiment(load_preset("neuron-2-2")).runs[0]
    h = run.history
    np.testing.assert_allclose(h["z"], h["w"] * 1.0 + h["b"])
    # each epoch's update is w ← w − η ∂C/∂w with the gradient recorded at the epoch before
    np.testing.assert_allclose(h["w"][1:], h["w"][:-1] - 0.15 * h["dC_dw"][:-1])
    np.testing.assert_allclose(h["b"][1:], h["b"][:-1] - 0.15 * h["dC_db"][:-1])


# --------------------------------------------------------------------------------------------
# Fair comparison: identical start and data order


def test_runs_share_the_initial_network_and_the_order_seed():
    runs = build_runs(small_network())
    assert [run.name for run in runs] == ["quadratic", "cross_entropy"]
    first, second = runs
    assert first.initial_network is second.initial_network
    assert first.dataset is second.dataset
    assert first.order_seed == second.order_seed


def test_every_run_starts_from_the_same_parameters_and_batch_order(monkeypatch):
    seen = []

    def spy(network, dataset, cost, optimizer, epochs, rng, batch_size=None, record_steps=False,
            keep_parameters=False, work_marks=None):
        seen.append(([w.copy() for w in network.weights], [b.copy() for b in network.biases],
                     rng.permutation(100), cost.name, batch_size))
        return iter(())

    monkeypatch.setattr(runner, "train_network", spy)
    for run in build_runs(small_network()):
        run.start()
    (w1, b1, order1, cost1, batch1), (w2, b2, order2, cost2, batch2) = seen
    assert (cost1, cost2) == ("quadratic", "cross_entropy") and batch1 == batch2 == 8
    for x, y in zip(w1 + b1, w2 + b2):
        np.testing.assert_array_equal(x, y)
    np.testing.assert_array_equal(order1, order2)


def test_start_can_be_called_again_and_leaves_the_shared_state_alone():
    run = build_runs(small_network())[0]
    before = [w.copy() for w in run.initial_network.weights]
    first = [run.row(r) for r in run.start().records]
    second = [run.row(r) for r in run.start().records]
    assert first == second and len(first) == 6
    for w, original in zip(run.initial_network.weights, before):
        np.testing.assert_array_equal(w, original)
    started = run.start()
    assert started.network is not run.initial_network


def test_the_step_by_step_generator_gives_the_blocking_result():
    """The GUI drives run.start(); the CLI uses execute_run: both must see the same history."""
    for exp in (load_preset("neuron-0.6-0.9"), small_network()):
        for run in build_runs(exp):
            rows = np.array([run.row(r) for r in run.start().records], dtype=float)
            result = execute_run(run)
            table = np.column_stack([result.history[c] for c in run.columns]).astype(float)
            np.testing.assert_array_equal(rows, table)


def test_a_long_run_keeps_a_bounded_evenly_spaced_history_with_its_last_epoch():
    exp = load_preset("neuron-2-2")
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=5000))
    result = execute_run(build_runs(exp)[0], max_rows=100)
    epochs = result.history["epoch"]
    assert len(epochs) <= 101
    assert epochs[0] == 0 and epochs[-1] == 5000 and result.final["epoch"] == 5000
    assert len(set(np.diff(epochs[:-1]))) == 1


def test_same_experiment_same_seed_gives_identical_histories():
    for exp in (load_preset("neuron-2-2"), small_network(), load_preset("three-class-3-2-3")):
        first = history_csv(run_experiment(exp))
        second = history_csv(run_experiment(exp))
        assert first.encode() == second.encode()
    other_seed = history_csv(run_experiment(small_network(seed=4)))
    assert other_seed != history_csv(run_experiment(small_network()))


# --------------------------------------------------------------------------------------------
# Network runs


def test_network_history_columns_and_throughput():
    result = run_experiment(small_network())
    assert result.dataset_name == "xor"
    for run in result.runs:
        assert list(run.history) == [*NETWORK_HISTORY_COLUMNS, "gradient_norm_1",
                                     "gradient_norm_2", "zero_share_1"]
        np.testing.assert_array_equal(run.history["epoch"], np.arange(6))
        np.testing.assert_array_equal(run.history["updates"], 8 * np.arange(6))
        np.testing.assert_array_equal(run.history["samples"], 60 * np.arange(6))
        assert run.status == "finished"
        assert run.samples == 60 * 5  # 60 training samples (80 less 25 % test) per epoch
        assert run.final["steps"] == 8 * 5  # ceil(60 / 8) batches per epoch
        assert run.samples_per_second == pytest.approx(run.samples / run.train_seconds)
        assert 0 <= run.final["test_accuracy"] <= 1


def test_no_test_set_gives_nan_test_columns():
    run = run_experiment(load_preset("three-class-3-2-3")).runs[0]
    assert np.isnan(run.history["test_cost"]).all()
    assert run.final["train_accuracy"] == 1.0


def test_layers_must_match_the_dataset():
    exp = small_network(network=NetworkSettings((3, 4, 2)), source="mine.toml")
    with pytest.raises(ExperimentError) as caught:
        build_runs(exp)
    message = str(caught.value)
    assert message.startswith("mine.toml: network.layers = [3, 4, 2]: ")
    assert 'dataset "xor" has 2 inputs and 2 classes' in message
    assert "e.g. [2, 4, 2]" in message
    with pytest.raises(ExperimentError, match=r"has 64 inputs and 10 classes"):
        build_runs(Experiment(kind="network", network=NetworkSettings((64, 30, 9))))


def test_data_file_errors_are_dataset_errors(tmp_path):
    missing = small_network(data=DataSettings("csv", path=str(tmp_path / "none.csv")))
    with pytest.raises(DatasetError, match="none.csv"):
        build_runs(missing)
    one_row = tmp_path / "one.csv"
    one_row.write_text("1,2,0\n")
    with pytest.raises((DatasetError, ExperimentError)) as caught:
        build_runs(small_network(data=DataSettings("csv", path=str(one_row), test_fraction=0.9)))
    assert "\n" not in str(caught.value)


def test_a_csv_dataset_runs(tmp_path):
    path = tmp_path / "points.csv"
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 2))
    labels = (x[:, 0] > 0).astype(int)
    path.write_text("x1,x2,label\n" + "".join(f"{a},{b},{c}\n" for (a, b), c in zip(x, labels)))
    exp = small_network(data=DataSettings("csv", path=str(path)))
    result = run_experiment(exp)
    assert [run.status for run in result.runs] == ["finished", "finished"]


def test_divergence_is_a_status_not_an_exception():
    exp = Experiment(neuron=NeuronSettings(x=1e308, y=0.0, w=2.0, b=0.0))
    result = run_experiment(exp)
    for run in result.runs:
        assert run.status == "diverged" and "diverged at epoch" in run.message
    summary = summary_dict(result)
    json.dumps(summary, allow_nan=False)  # strict JSON: non-finite values became null
    assert summary["runs"]["quadratic"]["status"] == "diverged"
    assert summary["runs"]["quadratic"]["final"]["cost"] is None

    # a deep linear network at η = 1000: the gradients overflow within a few epochs
    wild = small_network(training=TrainingSettings(("cross_entropy",), 1000.0, 50),
                         network=NetworkSettings((2, 64, 64, 64, 2), "linear", "softmax", "standard"))
    run = run_experiment(wild).runs[0]
    assert run.status == "diverged" and "diverged at epoch" in run.message
    assert run.final["epoch"] < 50 and len(run.history["epoch"]) == run.final["epoch"] + 1
    assert run.samples == 60 * run.final["epoch"]
    json.dumps(summary_dict(run_experiment(wild)), allow_nan=False)


def test_digits_64_30_10_cross_entropy_reaches_95_percent():
    preset = load_preset("digits-64-30-10")
    exp = dataclasses.replace(
        preset,
        training=dataclasses.replace(preset.training, costs=("cross_entropy",), batch_size=32,
                                     learning_rate=0.5, epochs=30),
    )
    assert exp.network == NetworkSettings((64, 30, 10), "sigmoid", "softmax", "scaled")
    assert exp.data.test_fraction == 0.2
    run = run_experiment(exp).runs[0]
    assert run.status == "finished"
    # 1,797 digits, 20 % held out
    assert run.samples == 30 * (1797 - round(0.2 * 1797))
    assert run.final["test_accuracy"] >= 0.95


# --------------------------------------------------------------------------------------------
# Output files


def test_history_csv_format():
    text = history_csv(run_experiment(load_preset("neuron-0.6-0.9")))
    lines = text.splitlines()
    assert lines[0] == "run,epoch,cost,a,z,w,b,dC_dw,dC_db"
    rows = csv_rows(text)
    assert len(rows) == 2 * 301
    assert [r["epoch"] for r in rows[:3]] == ["0", "1", "2"]
    assert {r["run"] for r in rows} == {"quadratic", "cross_entropy"}
    assert float(rows[0]["w"]) == 0.6 and float(rows[0]["b"]) == 0.9
    net_text = history_csv(run_experiment(small_network()))
    assert net_text.splitlines()[0] == ("run,epoch,updates,samples,train_cost,train_accuracy,"
                                        "test_cost,test_accuracy,gradient_norm_1,"
                                        "gradient_norm_2,zero_share_1")
    net_rows = csv_rows(net_text)
    # counts are whole numbers: 8 mini-batches of the 60 training samples per epoch
    assert [(r["epoch"], r["updates"], r["samples"]) for r in net_rows[:3]] == [
        ("0", "0", "0"), ("1", "8", "60"), ("2", "16", "120")]


def test_write_results_creates_the_folder_and_both_files(tmp_path):
    result = run_experiment(small_network())
    out = tmp_path / "a" / "b" / "out"
    history, summary = write_results(result, out)
    assert (history, summary) == (out / "history.csv", out / "summary.json")
    assert sorted(os.listdir(out)) == ["history.csv", "summary.json"]
    assert sorted(os.listdir(out.parent)) == ["out"]  # no temporary folder left beside it
    assert history.read_text() == history_csv(result)
    data = json.loads(summary.read_text())
    assert data["kind"] == "network" and data["dataset"] == "xor"
    assert data["experiment"]["network"]["layers"] == [2, 4, 2]
    for name in ("quadratic", "cross_entropy"):
        entry = data["runs"][name]
        assert {"status", "message", "final", "train_seconds", "samples_per_second"} <= set(entry)
        assert set(NETWORK_HISTORY_COLUMNS) <= set(entry["final"])


def test_write_results_into_an_existing_folder_keeps_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "history.csv").write_text("old")
    write_results(run_experiment(load_preset("neuron-2-2")), tmp_path)
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "history.csv").read_text().startswith("run,epoch,cost")
    assert sorted(os.listdir(tmp_path)) == ["history.csv", "notes.txt", "summary.json"]
    assert not [p for p in os.listdir(tmp_path.parent) if p.startswith(f".{tmp_path.name}.")]


def test_write_results_under_a_regular_file_fails_and_creates_nothing(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    result = run_experiment(load_preset("neuron-2-2"))
    for out in (blocker / "out", blocker / "deeper" / "out", blocker):
        with pytest.raises(OSError):
            write_results(result, out)
        with pytest.raises(OSError):
            files.check_output_dir(out)
    assert sorted(os.listdir(tmp_path)) == ["file.txt"] and blocker.read_text() == "x"


def test_a_failed_move_restores_the_previous_files(tmp_path, monkeypatch):
    (tmp_path / "history.csv").write_text("old history")
    (tmp_path / "summary.json").write_text("old summary")
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        # moving the NEW summary.json into place fails (after history.csv was moved in)
        calls.append((src, dst))
        if os.path.basename(src) == "summary.json" and os.path.dirname(dst) == str(tmp_path):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        write_results(run_experiment(load_preset("neuron-2-2")), tmp_path)
    monkeypatch.undo()
    assert any(os.path.basename(src) == "history.csv" and os.path.dirname(dst) == str(tmp_path)
               for src, dst in calls)  # the new history.csv had been moved in, then undone
    assert (tmp_path / "history.csv").read_text() == "old history"
    assert (tmp_path / "summary.json").read_text() == "old summary"
    assert sorted(os.listdir(tmp_path)) == ["history.csv", "summary.json"]
    assert not [p for p in os.listdir(tmp_path.parent) if p.startswith(f".{tmp_path.name}.")]


def test_a_failed_write_removes_the_folders_it_created(tmp_path, monkeypatch):
    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.tempfile, "mkdtemp", no_space)
    with pytest.raises(OSError):
        write_results(run_experiment(load_preset("neuron-2-2")), tmp_path / "new" / "out")
    assert os.listdir(tmp_path) == []


def test_summary_numbers_are_strict_json(tmp_path):
    _, summary = write_results(run_experiment(load_preset("neuron-0.6-0.9")), tmp_path / "o")
    data = json.loads(summary.read_text(), parse_constant=lambda name: pytest.fail(name))
    quadratic = data["runs"]["quadratic"]
    assert quadratic["final"]["a"] == pytest.approx(0.09, abs=0.005)
    assert quadratic["samples"] == 300
    assert quadratic["train_seconds"] > 0 and quadratic["samples_per_second"] > 0
    assert math.isclose(quadratic["samples_per_second"],
                        quadratic["samples"] / quadratic["train_seconds"])


def test_write_file_replaces_whole_keeps_the_mode_and_leaves_nothing_on_failure(
        tmp_path, monkeypatch):
    target = tmp_path / "lesson.toml"
    files.write_file(target, b"first")
    assert target.read_bytes() == b"first"
    assert target.stat().st_mode & 0o777 == 0o666 & ~files._umask()  # not private
    os.chmod(target, 0o640)
    files.write_file(target, b"second")
    assert target.read_bytes() == b"second" and target.stat().st_mode & 0o777 == 0o640

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        files.write_file(target, b"third")
    monkeypatch.undo()
    assert target.read_bytes() == b"second"
    assert os.listdir(tmp_path) == ["lesson.toml"]
