"""The ``nnlab`` command: ``run``, ``presets``, ``--version``, errors, and the GUI default."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import nnlab
from nnlab import cli
from nnlab.core.presets import preset_names

from cli_helpers import one_error_line

REPO = Path(__file__).resolve().parents[1]

NEURON_COLUMNS = ["run", "epoch", "cost", "a", "z", "w", "b", "dC_dw", "dC_db"]
NETWORK_COLUMNS = ["run", "epoch", "updates", "samples", "train_cost", "train_accuracy",
                   "test_cost", "test_accuracy"]

SMALL_NETWORK = """\
schema = 1
kind = "network"
seed = 1
[data]
dataset = "gaussians"
n_samples = 60
[network]
layers = [2, 3, 2]
output = "sigmoid"
[training]
costs = ["quadratic", "cross_entropy"]
learning_rate = 0.5
epochs = 4
batch_size = 10
"""


def nnlab_process(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``python -m nnlab ARGS`` in a fresh interpreter, as a user would run it."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("NNLAB_TRACEBACK", None)
    return subprocess.run([sys.executable, "-m", "nnlab", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames), list(reader)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else b"<dir>")
            for p in sorted(folder.rglob("*"))}


# --------------------------------------------------------------------------------------------
# In-process: main([...])


def test_presets_lists_one_line_each(capsys):
    assert cli.main(["presets"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == preset_names()
    assert all(len(line.split(maxsplit=1)) == 2 for line in out)  # every preset has a description


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"nnlab {nnlab.__version__}"


def test_help_exits_zero(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "run" in out and "presets" in out
    assert cli.main(["run", "--help"]) == 0
    assert "--preset" in capsys.readouterr().out


def test_run_a_preset(tmp_path, capsys):
    out_dir = tmp_path / "out"
    assert cli.main(["run", "--preset", "neuron-0.6-0.9", "--out", str(out_dir)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("quadratic") and "finished" in printed[0] and "a = 0.09" in printed[0]
    assert printed[1].startswith("cross_entropy") and "finished" in printed[1]
    assert printed[2:] == [f"wrote {out_dir / 'history.csv'}", f"wrote {out_dir / 'summary.json'}"]
    assert sorted(os.listdir(out_dir)) == ["history.csv", "summary.json"]


def test_run_a_file(tmp_path, capsys):
    exp = write(tmp_path / "net.toml", SMALL_NETWORK)
    assert cli.main(["run", str(exp), "--out", str(tmp_path / "o")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "train accuracy" in lines[0] and "test accuracy" in lines[0]
    columns, rows = read_csv(tmp_path / "o" / "history.csv")
    # layers 2-3-2: a gradient norm for each of the two weight layers, a zero share for the
    # one hidden layer
    assert columns == NETWORK_COLUMNS + ["gradient_norm_1", "gradient_norm_2", "zero_share_1"]
    assert [r["epoch"] for r in rows] == [str(e) for e in range(5)] * 2


@pytest.mark.parametrize("text, expected", [
    ("schema = 1\n[training]\nlearning_rate = -0.1\n",
     "nnlab: error: {file}: training.learning_rate = -0.1: must be a finite number > 0 and <= 1000"),
    ("schema = 1\n[training]\nlerning_rate = 0.1\n",
     "nnlab: error: {file}: unknown key 'training.lerning_rate' (allowed: costs, learning_rate, "
     "epochs, batch_size, momentum, l2, speed, precision; did you mean 'learning_rate'?)"),
    ("schema = 2\n", "nnlab: error: {file}: schema = 2: this nnlab reads schema 1"),
    ("schema = 1\nkind = neuron\n", "nnlab: error: {file}: not valid TOML: line 2, column 8: Invalid value"),
    ("schema = 1\n[training]\nepochs = true\n",
     "nnlab: error: {file}: training.epochs = true: must be a whole number from 1 to 1000000"),
])
def test_a_bad_file_is_one_line_and_leaves_the_folder_alone(tmp_path, capsys, text, expected):
    exp = write(tmp_path / "lesson.toml", text)
    out_dir = tmp_path / "results"
    assert cli.main(["run", str(exp), "--out", str(out_dir)]) == 2
    captured = capsys.readouterr()
    assert one_error_line(captured.err) == expected.format(file=exp)
    assert captured.out == ""
    assert not out_dir.exists()

    # an existing results folder is left exactly as it was
    out_dir.mkdir()
    write(out_dir / "history.csv", "previous results")
    before = snapshot(tmp_path)
    assert cli.main(["run", str(exp), "--out", str(out_dir)]) == 2
    capsys.readouterr()
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("argv, expected", [
    (["run", "--out", "o"], "one of the arguments FILE.toml --preset is required"),
    (["run", "x.toml", "--preset", "neuron-2-2", "--out", "o"], "not allowed with argument"),
    (["run", "--preset", "neuron-2-2"], "the following arguments are required: --out"),
    (["jump"], "invalid choice: 'jump'"),
    (["presets", "--all"], "unrecognized arguments: --all"),
])
def test_usage_errors_are_one_line(tmp_path, capsys, monkeypatch, argv, expected):
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    assert expected in one_error_line(captured.err)
    assert os.listdir(tmp_path) == []


def test_missing_file_and_unknown_preset(tmp_path, capsys):
    out_dir = tmp_path / "o"
    missing = tmp_path / "missing.toml"
    assert cli.main(["run", str(missing), "--out", str(out_dir)]) == 2
    assert one_error_line(capsys.readouterr().err) == (
        f"nnlab: error: {missing}: cannot read experiment file: No such file or directory")
    assert cli.main(["run", "--preset", "neuron-9-9", "--out", str(out_dir)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "unknown preset 'neuron-9-9'" in line and "neuron-2-2" in line
    assert cli.main(["run", str(tmp_path), "--out", str(out_dir)]) == 2
    assert "cannot read experiment file: it is a folder" in one_error_line(capsys.readouterr().err)
    assert sorted(os.listdir(tmp_path)) == []


def test_data_and_shape_errors(tmp_path, capsys):
    out_dir = tmp_path / "o"
    csv_file = write(tmp_path / "c.toml", SMALL_NETWORK.replace(
        'dataset = "gaussians"\nn_samples = 60', 'dataset = "csv"\npath = "nowhere.csv"'))
    assert cli.main(["run", str(csv_file), "--out", str(out_dir)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "nowhere.csv" in line and "not found" in line

    bad = write(tmp_path / "bad.csv", "x1,x2,label\n1,2,a\n3,oops,b\n")
    csv_file.write_text(SMALL_NETWORK.replace(
        'dataset = "gaussians"\nn_samples = 60', 'dataset = "csv"\npath = "bad.csv"'))
    assert cli.main(["run", str(csv_file), "--out", str(out_dir)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert "bad.csv, line 3" in line

    shape = write(tmp_path / "s.toml", SMALL_NETWORK.replace("[2, 3, 2]", "[3, 3, 2]"))
    assert cli.main(["run", str(shape), "--out", str(out_dir)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert f"{shape}: network.layers = [3, 3, 2]: dataset \"gaussians\" has 2 inputs" in line
    assert not out_dir.exists() and bad.exists()


def test_output_under_a_regular_file_is_refused_before_training(tmp_path, capsys):
    blocker = write(tmp_path / "file.txt", "x")
    for out in (blocker / "out", blocker):
        assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(out)]) != 0
        captured = capsys.readouterr()
        assert "cannot write results to" in one_error_line(captured.err)
        assert captured.out == ""  # refused before anything ran
    assert sorted(os.listdir(tmp_path)) == ["file.txt"] and blocker.read_text() == "x"


def test_a_failed_write_is_exit_code_1(tmp_path, capsys, monkeypatch):
    from nnlab.core import runner

    def no_space(result, out_dir):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(runner, "write_results", no_space)
    out_dir = tmp_path / "o"
    assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(out_dir)]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert line == f"nnlab: error: cannot write results to {out_dir}: No space left on device"


def test_a_diverged_run_is_reported_not_an_error(tmp_path, capsys):
    exp = write(tmp_path / "wild.toml", "schema = 1\n[neuron]\nx = 1e308\nb = 0\n")
    assert cli.main(["run", str(exp), "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "diverged" in out and "diverged at epoch 0" in out
    summary = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert summary["runs"]["quadratic"]["status"] == "diverged"


def test_an_unexpected_error_is_one_line_too(tmp_path, capsys, monkeypatch):
    from nnlab.core import runner

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(runner, "run_experiment", broken)
    monkeypatch.delenv("NNLAB_TRACEBACK", raising=False)
    assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(tmp_path / "o")]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert "unexpected ZeroDivisionError: division by zero" in line
    assert not (tmp_path / "o").exists()


def test_no_command_starts_the_gui(monkeypatch):
    calls = []
    fake = types.ModuleType("nnlab.gui.app")
    fake.launch = lambda argv=None, **options: calls.append(argv) or 7
    monkeypatch.setitem(sys.modules, "nnlab.gui.app", fake)
    assert cli.main([]) == 7
    assert cli.main(["-platform", "offscreen"]) == 7  # Qt's own options go to the GUI
    assert calls == [[], ["-platform", "offscreen"]]
    assert cli.main(["--versoin"]) == 2  # a mistyped option of nnlab's is an error, not a window
    assert calls == [[], ["-platform", "offscreen"]]


# --------------------------------------------------------------------------------------------
# As a user runs it: python -m nnlab, in a fresh interpreter


def test_headless_commands_never_import_qt(tmp_path):
    code = ("import sys; from nnlab.cli import main; "
            f"assert main(['run', '--preset', 'neuron-2-2', '--out', {str(tmp_path / 'o')!r}]) == 0; "
            "assert main(['presets']) == 0; "
            "loaded = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]; "
            "assert not loaded, loaded")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_python_m_nnlab_run_preset_neuron(tmp_path):
    done = nnlab_process("run", "--preset", "neuron-0.6-0.9", "--out", "results", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    out_dir = tmp_path / "results"
    assert sorted(os.listdir(out_dir)) == ["history.csv", "summary.json"]
    columns, rows = read_csv(out_dir / "history.csv")
    assert columns == NEURON_COLUMNS
    for cost in ("quadratic", "cross_entropy"):
        run_rows = [r for r in rows if r["run"] == cost]
        assert [int(r["epoch"]) for r in run_rows] == list(range(301))
    quadratic = [r for r in rows if r["run"] == "quadratic"]
    assert float(quadratic[0]["a"]) == pytest.approx(0.82, abs=0.005)
    assert float(quadratic[-1]["a"]) == pytest.approx(0.09, abs=0.005)

    summary = json.loads((out_dir / "summary.json").read_text())
    assert set(summary["runs"]) == {"quadratic", "cross_entropy"}
    for entry in summary["runs"].values():
        assert {"status", "message", "final", "train_seconds", "samples_per_second"} <= set(entry)
        assert entry["status"] == "finished"
        assert set(entry["final"]) >= set(NEURON_COLUMNS[1:])
    assert summary["runs"]["quadratic"]["final"]["a"] == float(quadratic[-1]["a"])


def test_python_m_nnlab_run_file_neuron_2_2(tmp_path):
    write(tmp_path / "lesson.toml", "schema = 1\nkind = \"neuron\"\n[neuron]\nw = 2.0\nb = 2.0\n")
    done = nnlab_process("run", "lesson.toml", "--out", "o", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    _, rows = read_csv(tmp_path / "o" / "history.csv")
    quadratic = [r for r in rows if r["run"] == "quadratic"]
    assert len(quadratic) == 301
    assert float(quadratic[0]["a"]) == pytest.approx(0.98, abs=0.005)
    assert float(quadratic[150]["a"]) == pytest.approx(0.93, abs=0.005)
    assert float(quadratic[300]["a"]) == pytest.approx(0.20, abs=0.005)


def test_python_m_nnlab_is_reproducible(tmp_path):
    write(tmp_path / "net.toml", SMALL_NETWORK)
    for out in ("a", "b"):
        done = nnlab_process("run", "net.toml", "--out", out, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "a" / "history.csv").read_bytes() == (tmp_path / "b" / "history.csv").read_bytes()
    first, second = (json.loads((tmp_path / out / "summary.json").read_text()) for out in "ab")
    for summary in (first, second):  # timing lives only in summary.json
        for entry in summary["runs"].values():
            entry.pop("train_seconds")
            entry.pop("samples_per_second")
    assert first == second


@pytest.mark.parametrize("setup, args", [
    (lambda d: write(d / "bad.toml", "schema = 1\n[training]\nepochs = -3\n"), ["run", "bad.toml"]),
    (lambda d: write(d / "bad.toml", "schema = 1\n[training\n"), ["run", "bad.toml"]),
    (lambda d: None, ["run", "missing.toml"]),
    (lambda d: write(d / "blocker", "x"), ["run", "--preset", "neuron-2-2"]),
])
def test_python_m_nnlab_failures(tmp_path, setup, args):
    setup(tmp_path)
    out = "blocker/out" if "--preset" in args else "out"
    before = snapshot(tmp_path)
    done = nnlab_process(*args, "--out", out, cwd=tmp_path)
    assert done.returncode != 0
    one_error_line(done.stderr)
    assert snapshot(tmp_path) == before  # nothing created, nothing left behind


def test_lab_refuses_a_neuron_experiment_or_an_unknown_preset_without_opening_a_window(capsys):
    assert cli.main(["lab", "--preset", "neuron-2-2"]) == 1
    assert "the lab opens network experiments" in capsys.readouterr().err
    assert cli.main(["lab", "--preset", "no-such-preset"]) == 1
    assert "unknown preset 'no-such-preset'" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# run --out DIR: results already there are replaced only with --force


@pytest.mark.parametrize("existing", [["history.csv"], ["summary.json"],
                                      ["history.csv", "summary.json"]])
def test_run_refuses_to_replace_results_without_force(tmp_path, capsys, existing):
    out_dir = tmp_path / "results"
    out_dir.mkdir()
    for name in existing:
        write(out_dir / name, f"kept {name}")
    before = snapshot(tmp_path)
    assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(out_dir)]) == 2
    captured = capsys.readouterr()
    line = one_error_line(captured.err)
    if len(existing) == 1:
        assert line == (f"nnlab: error: {out_dir / existing[0]} already exists "
                        "(use --force to replace it)")
    else:
        assert line == (f"nnlab: error: 2 files already exist in {out_dir}: history.csv, "
                        "summary.json (use --force to replace them)")
    assert captured.out == ""  # refused before training
    assert snapshot(tmp_path) == before


def test_run_with_force_replaces_the_results_and_keeps_other_files(tmp_path, capsys):
    out_dir = tmp_path / "results"
    out_dir.mkdir()
    write(out_dir / "history.csv", "old")
    write(out_dir / "notes.txt", "kept")
    assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(out_dir), "--force"]) == 0
    columns, rows = read_csv(out_dir / "history.csv")
    assert columns == NEURON_COLUMNS and len(rows) == 2 * 301
    assert json.loads((out_dir / "summary.json").read_text())["runs"]
    assert (out_dir / "notes.txt").read_text() == "kept"
    assert capsys.readouterr().out.splitlines()[-1] == f"wrote {out_dir / 'summary.json'}"


# --------------------------------------------------------------------------------------------
# An unknown option is named, whatever else it spoils (its value taken for FILE.toml, ...)


@pytest.mark.parametrize("argv", [
    ["export", "--preset", "neuron-2-2", "--out", "o", "--bogus", "50"],
    ["export", "--preset", "neuron-2-2", "--out", "o", "--epoch", "50", "--bogus", "3"],
    ["export", "--preset", "neuron-2-2", "--bogus=50", "--out", "o"],
    ["export", "--bogus", "--out", "o"],
    ["run", "--preset", "neuron-2-2", "--out", "o", "--bogus", "50"],
    ["run", "--bogus", "50"],
    ["run", "--preset", "neuron-2-2", "--out", "o", "--bogus"],
    ["lab", "--preset", "xor-2-8-2", "--bogus", "50"],
    ["lab", "--bogus"],
    ["presets", "--bogus", "50"],
    ["presets", "--bogus"],
    ["--bogus", "50"],
    ["--bogus", "run", "--preset", "neuron-2-2", "--out", "o"],
])
def test_an_unknown_option_is_named_for_every_command(tmp_path, capsys, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    captured = capsys.readouterr()
    line = one_error_line(captured.err)
    assert "unrecognized arguments: --bogus" in line, line
    assert "not allowed" not in line and "required" not in line and "invalid choice" not in line
    assert captured.out == "" and os.listdir(tmp_path) == []


@pytest.mark.parametrize("argv, expected", [
    # the other usage errors still say what they said
    (["export", "x.toml", "--preset", "neuron-2-2", "--out", "o"], "not allowed with argument"),
    (["export", "--preset", "neuron-2-2"], "the following arguments are required: --out"),
    (["jump", "--out", "o"], "invalid choice: 'jump'"),
    # an abbreviation of a known option is not unknown
    (["run", "--pre", "neuron-2-2", "--ou", "o", "x.toml"], "not allowed with argument"),
])
def test_known_options_are_not_called_unknown(tmp_path, capsys, monkeypatch, argv, expected):
    monkeypatch.chdir(tmp_path)
    assert cli.main(argv) == 2
    line = one_error_line(capsys.readouterr().err)
    assert expected in line and "unrecognized" not in line, line
    assert os.listdir(tmp_path) == []
