"""The frozen build's files (packaging/pyinstaller) and what its smoke test runs.

PyInstaller is not installed for the test suite (CI builds and smoke-tests the frozen program
itself, see .ci/run): the spec and the hook are run here with PyInstaller's names stood in
for, once per platform, to check what they would ask PyInstaller to make."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import nnlab
from nnlab import cli
from nnlab.gui.language import ENGLISH, LANGUAGES

from cli_helpers import one_error_line

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging" / "pyinstaller"
SCRIPTS = ("build.sh", "smoke-test.sh")


# --- the scripts and CI ---------------------------------------------------------------------

@pytest.mark.parametrize("name", SCRIPTS)
def test_the_scripts_are_executable_bash_that_stops_at_the_first_failure(name):
    script = PACKAGING / name
    assert os.access(script, os.X_OK), f"{name} is not executable"
    lines = script.read_text().splitlines()
    assert lines[0] == "#!/usr/bin/env bash"
    assert "set -euo pipefail" in lines
    syntax = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr


def test_ci_builds_and_smoke_tests_the_frozen_program_before_the_test_command():
    lines = (REPO / ".ci" / "run").read_text().splitlines()
    assert "set -euo pipefail" in lines
    order = [lines.index(line) for line in ("bash scripts/install-debian-deps",
                                            "packaging/pyinstaller/build.sh",
                                            "packaging/pyinstaller/smoke-test.sh")]
    assert order == sorted(order)
    # the test command stays the last line (README.md's, which .ci/run checks itself)
    assert order[-1] < len(lines) - 1
    assert lines[-1].endswith(".venv/bin/python -m pytest -q")


# --- the spec, per platform -------------------------------------------------------------------

class Recorded(types.SimpleNamespace):
    """What a stand-in for one of PyInstaller's spec names was called with."""


def run_spec(tmp_path: Path, platform: str, datas=()) -> dict:
    """Run nnlab.spec as PyInstaller would on ``platform``, from a copy of the packaging
    folder whose repository has every icon; return the spec's names afterwards."""
    spec_folder = tmp_path / "packaging" / "pyinstaller"
    spec_folder.mkdir(parents=True)
    shutil.copy(PACKAGING / "nnlab.spec", spec_folder)
    icons = tmp_path / "resources" / "icons"
    icons.mkdir(parents=True)
    for name in ("nnlab.ico", "nnlab.icns"):
        (icons / name).write_bytes(b"icon")

    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, **options: [(f"{package}/data", package)]
    hooks.collect_submodules = lambda package, **options: [f"{package}.module"]
    made: dict[str, list] = {"EXE": [], "COLLECT": [], "BUNDLE": []}

    def analysis(scripts, **options):
        return Recorded(scripts=scripts, options=options, pure=["pure"], binaries=[],
                        datas=list(datas))

    def record(kind):
        def called(*args, **options):
            made[kind].append(Recorded(args=args, **options))
            return made[kind][-1]
        return called

    names = {"SPECPATH": str(spec_folder), "Analysis": analysis, "PYZ": lambda pure: "pyz",
             "EXE": record("EXE"), "COLLECT": record("COLLECT"), "BUNDLE": record("BUNDLE"),
             "__name__": "__main__"}
    code = compile((spec_folder / "nnlab.spec").read_text(), "nnlab.spec", "exec")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("PyInstaller", "PyInstaller.utils"):
            patch.setitem(sys.modules, name, types.ModuleType(name))
        patch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
        patch.setattr(sys, "platform", platform)
        exec(code, names)
    return {**names, **made}


def test_on_linux_one_console_program_in_one_folder(tmp_path):
    spec = run_spec(tmp_path, "linux")
    (program,) = spec["EXE"]
    assert (program.name, program.console, program.exclude_binaries) == ("nnlab", True, True)
    (folder,) = spec["COLLECT"]
    assert folder.name == "nnlab" and folder.args[0] is program
    assert spec["BUNDLE"] == []


def test_on_windows_a_console_program_and_a_windowed_one_share_the_folder(tmp_path):
    spec = run_spec(tmp_path, "win32")
    programs = {program.name: program for program in spec["EXE"]}
    assert {name: program.console for name, program in programs.items()} == \
        {"nnlab": True, "nnlab-gui": False}
    icon = str(tmp_path / "resources" / "icons" / "nnlab.ico")
    assert all(program.icon == [icon] for program in programs.values())
    (folder,) = spec["COLLECT"]
    assert list(folder.args[:2]) == spec["EXE"]
    assert spec["BUNDLE"] == []


def test_on_macos_an_app_bundle_with_the_application_id(tmp_path):
    spec = run_spec(tmp_path, "darwin")
    (program,) = spec["EXE"]
    assert (program.name, program.console) == ("nnlab", False)
    (bundle,) = spec["BUNDLE"]
    assert bundle.name == "nnlab.app"
    assert bundle.bundle_identifier == "io.github.nnlab.nnlab"
    assert bundle.icon == str(tmp_path / "resources" / "icons" / "nnlab.icns")
    assert bundle.version == nnlab.__version__
    assert bundle.args[0] is spec["COLLECT"][0]


def test_the_spec_finds_its_files_from_its_own_folder(tmp_path):
    spec = run_spec(tmp_path, "linux")
    analysis = spec["analysis"]
    folder = tmp_path / "packaging" / "pyinstaller"
    assert analysis.scripts == [str(folder / "nnlab_main.py")]
    assert analysis.options["hookspath"] == [str(folder / "hooks")]
    assert (PACKAGING / "nnlab_main.py").is_file()
    assert (PACKAGING / "hooks" / "hook-PySide6.QtGui.py").is_file()
    # nnlab's data and the fonts the formulas are typeset in go into the folder
    collected = {package for _, package in analysis.options["datas"]}
    assert {"nnlab", "ziamath", "ziafont", "latex2mathml"} <= collected


def test_of_qts_own_translations_only_the_interfaces_languages_are_kept(tmp_path):
    def data(destination):
        return (destination, "source", "DATA")

    kept = [data("PySide6/Qt/translations/qtbase_zh_CN.qm"),
            data("PySide6/Qt/translations/qtbase_zh_TW.qm"),
            data("PySide6\\translations\\qtbase_zh_TW.qm"),  # Windows' layout
            data("nnlab/gui/translations/nnlab_zh_CN.qm"),
            data("nnlab/core/presets/neuron-2-2.toml")]
    dropped = [data("PySide6/Qt/translations/qtbase_de.qm"),
               data("PySide6/Qt/translations/qt_zh_CN.qm"),
               data("PySide6\\translations\\qt_help_fr.qm")]
    spec = run_spec(tmp_path, "linux", datas=kept + dropped)
    assert spec["analysis"].datas == kept
    assert set(spec["LANGUAGES"]) == set(LANGUAGES) - {ENGLISH}


def test_the_program_runs_without_the_qt_modules_left_out(tmp_path):
    """Every module of nnlab imported, and pyqtgraph with it, with the Qt modules the spec
    leaves out made unimportable, as in the frozen program: none of them may be needed
    (pyqtgraph, for one, imports QtOpenGL with every curve and QtTest only if it is there)."""
    excluded = run_spec(tmp_path, "linux")["analysis"].options["excludes"]
    code = ("import importlib, pkgutil, sys\n"
            f"for name in {excluded!r}:\n"
            "    sys.modules[name] = None  # import raises ImportError\n"
            "import nnlab, pyqtgraph\n"
            "for module in pkgutil.walk_packages(nnlab.__path__, 'nnlab.'):\n"
            "    importlib.import_module(module.name)\n"
            "print('\\n'.join(sys.modules))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    imported = set(done.stdout.split())
    assert {"PySide6.QtWidgets", "PySide6.QtSvg", "nnlab.gui.app", "nnlab.app.trainer"} \
        <= imported
    assert "PySide6.QtNetwork" in excluded and "PySide6.QtOpenGL" not in excluded


# --- the hook: the Qt plugins left out ----------------------------------------------------

def test_the_hook_leaves_out_the_plugins_a_desktop_never_loads(monkeypatch):
    kept = [("Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms"),
            ("Qt/plugins/platforms/libqwayland-egl.so", "PySide6/Qt/plugins/platforms"),
            ("Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms"),
            ("plugins/platforms/qwindows.dll", "PySide6/plugins/platforms"),  # Windows
            ("Qt/plugins/platforms/libqcocoa.dylib", "PySide6/Qt/plugins/platforms"),  # macOS
            ("Qt/plugins/platformthemes/libqxdgdesktopportal.so",
             "PySide6/Qt/plugins/platformthemes"),
            ("Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/imageformats"),
            ("Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib")]
    dropped = [("Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/plugins/platforms"),
               ("plugins/platforms/qvnc.dll", "PySide6/plugins/platforms"),
               ("Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms"),
               ("Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platformthemes"),
               ("Qt/plugins/generic/libqtuiotouchplugin.so", "PySide6/Qt/plugins/generic"),
               ("Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
                "PySide6/Qt/plugins/egldeviceintegrations")]
    qt = types.ModuleType("PyInstaller.utils.hooks.qt")
    qt.add_qt6_dependencies = lambda hook_file: (["PySide6.QtCore"], kept + dropped, [])
    for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks.qt", qt)
    hook_file = PACKAGING / "hooks" / "hook-PySide6.QtGui.py"
    names = {"__file__": str(hook_file), "__name__": "hook"}
    exec(compile(hook_file.read_text(), str(hook_file), "exec"), names)
    assert names["binaries"] == kept
    assert names["hiddenimports"] == ["PySide6.QtCore"]


# --- what the smoke test runs: --quit-after and self-check ---------------------------------

@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon", "1e9"])
def test_quit_after_takes_seconds_above_zero(value, capsys):
    assert cli.main(["--quit-after", value]) == 2
    error = one_error_line(capsys.readouterr().err)
    assert "--quit-after" in error and repr(value) in error


def test_quit_after_goes_with_a_window_only(tmp_path, capsys):
    assert cli.main(["--quit-after", "3", "presets"]) == 2
    assert "'presets' opens none" in one_error_line(capsys.readouterr().err)


# The window of `nnlab --quit-after 1 lab FILE` for an experiment whose data cannot be read:
# its warning (a modal dialog, before the event loop runs) must close too, and nnlab exit.
WARNING_PROBE = """\
import sys, time
from PySide6.QtWidgets import QMessageBox
real_warning = QMessageBox.warning
def warning(*args):
    print("warning shown", flush=True)
    answer = real_warning(*args)
    print("warning closed", flush=True)
    return answer
QMessageBox.warning = warning
from nnlab.cli import main
sys.exit(main(sys.argv[1:]))
"""

UNREADABLE_DATA = """\
schema = 1
kind = "network"
[data]
dataset = "csv"
path = "no-such-file.csv"
[network]
layers = [2, 4, 2]
"""


def test_quit_after_closes_the_window_and_the_warning_over_it(tmp_path):
    experiment = tmp_path / "unreadable.toml"
    experiment.write_text(UNREADABLE_DATA)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", WARNING_PROBE, "--quit-after", "1", "lab",
                           str(experiment)], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["warning shown", "warning closed"]
    assert "Traceback" not in done.stderr


def test_self_check_trains_in_the_labs_training_process(qapp, capsys):
    assert cli.main(["self-check"]) == 0
    out = capsys.readouterr().out
    assert f"epochs of {cli.SELF_CHECK_PRESET} arrived" in out
    # the process is named and epochs were counted, at least as many as asked for
    pid, epochs = out.split("(pid ")[1].split(")")[0], int(out.split("): ")[1].split()[0])
    assert pid.isdigit() and int(pid) != os.getpid()
    assert epochs >= cli.SELF_CHECK_EPOCHS


def dying_trainer(connection):
    """A training process that ends at once, as a frozen build without freeze_support's
    work would (there, the program parses the trainer's arguments and exits)."""
    os._exit(3)


def test_self_check_fails_with_the_reason_when_the_training_process_dies(qapp, monkeypatch,
                                                                          capsys):
    from nnlab.app import trainer

    monkeypatch.setattr(trainer, "serve", dying_trainer)
    assert cli.main(["self-check"]) == 1
    error = one_error_line(capsys.readouterr().err)
    assert "ended unexpectedly (exit code 3)" in error


def test_self_check_is_not_among_the_commands_help_lists(capsys):
    assert cli.main(["--help"]) == 0
    assert "self-check" not in capsys.readouterr().out
