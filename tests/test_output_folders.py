"""The --out folder of ``nnlab run`` and ``nnlab export``: refused before any work when it
cannot hold the results, and never left with half-written files, also after SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nnlab import cli
from nnlab.core import files

from cli_helpers import one_error_line

REPO = Path(__file__).resolve().parents[1]


def nnlab_command(*args: str, cwd: Path, **kwargs) -> subprocess.Popen:
    """``python -m nnlab ARGS`` in a fresh interpreter, as a user would run it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("NNLAB_TRACEBACK", None)
    return subprocess.Popen([sys.executable, "-m", "nnlab", *args], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def partial_folders(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.endswith((".partial", ".part"))]


# --------------------------------------------------------------------------------------------
# An empty --out: not the current folder


@pytest.mark.parametrize("command", ["run", "export"])
def test_an_empty_out_is_refused_and_the_current_folder_left_alone(tmp_path, command):
    process = nnlab_command(command, "--preset", "neuron-2-2", "--out", "", cwd=tmp_path)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert "--out" in one_error_line(err)
    assert out == ""
    assert os.listdir(tmp_path) == []


def test_the_file_functions_refuse_an_empty_folder_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OSError):
        files.check_output_dir("")
    with pytest.raises(OSError):
        files.write_folder("", {"history.csv": lambda path: path.write_text("x")})
    assert os.listdir(tmp_path) == []


# --------------------------------------------------------------------------------------------
# Links to nothing, link loops, pseudo file systems: refused before training


def _dangling(tmp_path: Path) -> Path:
    (tmp_path / "figures").symlink_to(tmp_path / "missing")
    return tmp_path / "figures"


def _dangling_parent(tmp_path: Path) -> Path:
    return _dangling(tmp_path) / "epoch-50"


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    return tmp_path / "a"


def _self_loop(tmp_path: Path) -> Path:
    (tmp_path / "out").symlink_to("out")
    return tmp_path / "out" / "figures"


def _proc(tmp_path: Path) -> Path:
    if not os.path.isdir("/proc/self"):
        pytest.skip("no /proc here")
    return Path("/proc/nnlab-figures")


# each way of making an unusable --out, and what the refusal must say about it
UNUSABLE = pytest.mark.parametrize("make_out, reason", [
    (_dangling, "is a symbolic link to"),
    (_dangling_parent, "is a symbolic link to"),
    (_loop, "is a loop of symbolic links"),
    (_self_loop, "is a loop of symbolic links"),
    (_proc, "no folder can be made in /proc"),
])


def _snapshot(folder: Path) -> list[tuple[str, str]]:
    return sorted((name, os.readlink(folder / name) if os.path.islink(folder / name) else "")
                  for name in os.listdir(folder))


@UNUSABLE
def test_run_refuses_an_unusable_out_before_training(tmp_path, capsys, monkeypatch, make_out,
                                                     reason):
    from nnlab.core import runner

    trained = []

    def run_experiment(*args, **kwargs):
        trained.append(args)
        raise AssertionError("trained although the results could not be written")

    monkeypatch.setattr(runner, "run_experiment", run_experiment)
    monkeypatch.delenv("NNLAB_TRACEBACK", raising=False)
    out = make_out(tmp_path)
    before = _snapshot(tmp_path)
    assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    line = one_error_line(captured.err)
    assert f"cannot write results to {out}: " in line and reason in line
    assert trained == [] and captured.out == ""
    assert _snapshot(tmp_path) == before


@UNUSABLE
def test_export_refuses_an_unusable_out_before_drawing(qapp, tmp_path, capsys, monkeypatch,
                                                       make_out, reason):
    from nnlab.gui.shell import headless_export

    trained = []

    def neuron_histories(*args, **kwargs):
        trained.append(args)
        raise AssertionError("trained although the figures could not be written")

    monkeypatch.setattr(headless_export, "neuron_histories", neuron_histories)
    monkeypatch.delenv("NNLAB_TRACEBACK", raising=False)
    out = make_out(tmp_path)
    before = _snapshot(tmp_path)
    assert cli.main(["export", "--preset", "neuron-2-2", "--out", str(out)]) == 2
    captured = capsys.readouterr()
    line = one_error_line(captured.err)
    assert f"cannot write figures to {out}: " in line and reason in line
    assert trained == [] and captured.out == ""
    assert _snapshot(tmp_path) == before


def test_a_link_to_a_folder_is_a_folder(tmp_path, capsys):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert cli.main(["run", "--preset", "neuron-2-2", "--out", str(tmp_path / "link")]) == 0
    assert sorted(os.listdir(tmp_path / "real")) == ["history.csv", "summary.json"]
    assert sorted(os.listdir(tmp_path)) == ["link", "real"]


# --------------------------------------------------------------------------------------------
# SIGTERM while the figures are written: cleaned up as after Ctrl+C


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_sigterm_while_exporting_leaves_no_partial_folder(tmp_path):
    out = tmp_path / "figures"
    process = nnlab_command("export", "--preset", "neuron-2-2", "--out", str(out),
                            cwd=tmp_path)
    try:
        # The figures are drawn into a hidden .partial folder beside DIR for about a second;
        # poll for it (no sleeping: yield the processor between looks), then stop the export.
        deadline = time.monotonic() + 60
        while not partial_folders(tmp_path):
            assert process.poll() is None, "the export ended before its figures were written"
            assert time.monotonic() < deadline, "no .partial folder appeared within 60 s"
            os.sched_yield()
        process.send_signal(signal.SIGTERM)
        out_text, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert partial_folders(tmp_path) == []
    assert not out.exists() and os.listdir(tmp_path) == []
    # ended by the signal, as the sender asked, once the temporary folder was removed
    assert process.returncode == -signal.SIGTERM
    assert "Traceback" not in err and out_text == ""


def test_an_existing_out_is_written_from_inside_so_its_parent_may_be_read_only(tmp_path):
    # e.g. --out ~ where /home takes no new entries: the temporary folder goes inside DIR
    out = tmp_path / "figures"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    drafts = []

    def draft(path: Path) -> None:
        drafts.append(path)
        path.write_text("new")

    assert files.write_folder(out, {"cost.png": draft}) == [out / "cost.png"]
    assert drafts[0].parent.parent == out
    assert sorted(os.listdir(tmp_path)) == ["figures"]
    assert sorted(os.listdir(out)) == ["cost.png", "notes.txt"]
