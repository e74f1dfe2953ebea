"""The training process seen from the window: the rows that reach the window are the rows of
``nnlab run``, byte for byte; a killed process is reported in the window, which stays up,
and Reset starts a new one.

Everything waits with qtbot.waitSignal / waitUntil; nothing sleeps.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from nnlab.app.lab_session import LabSession
from nnlab.app.neuron_session import NeuronSession
from nnlab.core.experiment import experiment_to_toml
from nnlab.core.presets import load_preset
from nnlab.core.runner import ExperimentResult, RunResult, history_csv
from nnlab.gui.shell.course_window import CourseWindow
from qt_helpers import run_to_the_end, training_processes


def with_epochs(preset: str, epochs: int, speed=None):
    experiment = load_preset(preset)
    return dataclasses.replace(experiment, training=dataclasses.replace(
        experiment.training, epochs=epochs, speed=speed))


def window_history_csv(session, columns: list[str]) -> str:
    """history.csv as ``nnlab run`` writes it (its ``columns``), made from the rows that
    reached the window."""
    runs = []
    for name in session.run_names:
        history = {column: np.asarray(session.histories[name].columns()[column]).copy()
                   for column in columns}
        history["epoch"] = history["epoch"].astype(np.int64)
        runs.append(RunResult(name, session.experiment.kind, session.histories[name].status,
                              "", history, 0.0, 0, 0.0))
    return history_csv(ExperimentResult(session.experiment, runs))


@pytest.mark.parametrize("preset, epochs", [("neuron-2-2", 300), ("xor-2-8-2", 40),
                                            ("digits-optimizers", 3)])
def test_the_rows_in_the_window_are_those_of_nnlab_run_byte_for_byte(qtbot, tmp_path, preset,
                                                                      epochs):
    experiment = with_epochs(preset, epochs)
    session = (NeuronSession if experiment.kind == "neuron" else LabSession)(experiment)
    try:
        with qtbot.waitSignal(session.state_changed, timeout=60_000,
                              check_params_cb=lambda state: state == "finished"):
            session.run()
        assert session.latest_epoch == epochs
    finally:
        session.shutdown()
    experiment_file = tmp_path / "experiment.toml"
    experiment_file.write_text(experiment_to_toml(experiment), encoding="utf-8")
    # in a process of its own, as a user runs it: nnlab's one BLAS thread is set before
    # NumPy loads there, but not in this test's process, which loaded NumPy first, and two
    # threads sum a gradient over the samples in another order (its norm then differs in
    # the last bit)
    subprocess.run([sys.executable, "-m", "nnlab", "run", str(experiment_file), "--out",
                    str(tmp_path / "out")], check=True, capture_output=True, timeout=120)
    from_the_command_line = (tmp_path / "out" / "history.csv").read_text(encoding="utf-8")
    # every column the command line writes: the gradients' norms and zero shares included
    columns = from_the_command_line.splitlines()[0].split(",")[1:]
    in_the_window = window_history_csv(session, columns)
    assert in_the_window.count("\n") == len(session.run_names) * (epochs + 1) + 1
    assert in_the_window == from_the_command_line


def test_commands_reach_the_process_and_take_effect(qtbot):
    session = NeuronSession(with_epochs("neuron-2-2", 1_000_000, speed=20))
    try:
        # step: exactly one epoch, then paused
        with qtbot.waitSignal(session.state_changed,
                              check_params_cb=lambda state: state == "paused"):
            session.step()
        assert session.latest_epoch == 1
        # run at 20 epochs a second, then as fast as possible: far more epochs arrive
        with qtbot.waitSignal(session.state_changed,
                              check_params_cb=lambda state: state == "running"):
            session.run()
        qtbot.waitUntil(lambda: session.latest_epoch >= 3, timeout=5_000)
        paced = session.latest_epoch
        assert paced < 20  # 20 a second, and the first few hundred milliseconds have passed
        session.set_speed(None)
        qtbot.waitUntil(lambda: session.latest_epoch > paced + 10_000, timeout=10_000)
        # pause: nothing more arrives
        with qtbot.waitSignal(session.state_changed,
                              check_params_cb=lambda state: state == "paused"):
            session.pause()
        latest = session.latest_epoch
        with qtbot.assertNotEmitted(session.data_changed, wait=300):
            pass
        assert session.latest_epoch == latest
        # reset: back to epoch 0, in the same process
        process = session.training_process
        session.reset()
        assert session.latest_epoch == 0 and session.training_process is process
        with qtbot.waitSignal(session.state_changed,
                              check_params_cb=lambda state: state == "paused"):
            session.step()
        assert session.latest_epoch == 1
    finally:
        session.shutdown()


def test_a_killed_training_process_is_reported_in_the_window_and_reset_recovers(qtbot):
    window = CourseWindow("neuron", session=NeuronSession(with_epochs("neuron-2-2", 10**7)),
                          projector=False, remember=False)
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.show()
    session = window.page.session
    session.set_speed(None)
    with qtbot.waitSignal(session.state_changed,
                          check_params_cb=lambda state: state == "running"):
        window.run_action.trigger()
    qtbot.waitUntil(lambda: session.latest_epoch > 1000, timeout=10_000)
    pid = session.training_process.pid
    with qtbot.waitSignal(session.training_failed, timeout=5_000):
        os.kill(pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: any(isinstance(widget, QMessageBox) and widget.isVisible()
                                for widget in QApplication.topLevelWidgets()))
    box = next(widget for widget in QApplication.topLevelWidgets()
               if isinstance(widget, QMessageBox) and widget.isVisible())
    assert box.windowTitle() == "Training stopped"
    assert "ended unexpectedly" in box.text() and "SIGKILL" in box.text()
    assert "Run or Reset starts again" in box.text()
    assert window.isVisible()
    assert session.latest_epoch > 1000  # the curves so far stay on show
    assert window.run_action.text() == "Run"
    box.accept()
    assert pid not in [child for child, _ in training_processes()]  # reaped, no zombie

    window.reset_action.trigger()
    assert session.latest_epoch == 0
    run_to_the_end_or_a_while = 50
    with qtbot.waitSignal(session.state_changed,
                          check_params_cb=lambda state: state == "running"):
        window.run_action.trigger()
    qtbot.waitUntil(lambda: session.latest_epoch > run_to_the_end_or_a_while, timeout=10_000)
    assert session.training_process.pid != pid
    # training again: the status line is the run's, not the old failure
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Epoch"))
    window.close()
    assert training_processes() == []


def test_a_lab_run_reaches_its_end_with_every_epoch_shown(qtbot):
    window = CourseWindow("lab", session=LabSession(with_epochs("xor-2-8-2", 60)),
                          projector=False, remember=False)
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.show()
    run_to_the_end(qtbot, window)
    for history in window.page.session.histories.values():
        np.testing.assert_array_equal(history.view()["epoch"], np.arange(61))
        assert history.snapshots.epochs.tolist() == list(range(61))
    window.close()


def test_the_training_process_is_started_a_moment_after_the_lesson_is_shown(qtbot):
    window = CourseWindow("neuron", projector=False, remember=False)
    qtbot.addWidget(window)
    window.show()
    session = window.page.session
    assert session.training_process is None  # not while the window opens
    qtbot.waitUntil(lambda: session.training_process is not None, timeout=5_000)
    assert session.training_process.is_alive and session.state == "idle"
    pid = session.training_process.pid
    with qtbot.waitSignal(session.state_changed,
                          check_params_cb=lambda state: state == "paused"):
        window.step_action.trigger()
    assert session.training_process.pid == pid and session.latest_epoch == 1
    window.close()
    assert pid not in [child for child, _ in training_processes()]
