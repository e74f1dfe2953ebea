"""Stopping and pausing within a long epoch: closing the lab, a reset, a new experiment and a
pause answer at once, however long an epoch takes, and a paused epoch carries on where it was
to the same record as a run never paused.

The long experiment is the spiral at 400,000 points, one point per step: its epoch 0 (the
start, measured on the whole set) takes a fraction of a second, its epoch 1 many seconds,
so the tests need only reach the middle of epoch 1. The time bounds guard against a hang;
stopping takes milliseconds.
"""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pytest

from nnlab.app.lab_session import LabSession
from nnlab.core.experiment import validate_experiment
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.gui.shell.course_window import CourseWindow
from qt_helpers import training_processes

PROMPT_SECONDS = 3.0
"""The longest a stop or pause may take here: a bound against waiting for the epoch's end
(it takes many seconds), not a speed target (it takes milliseconds)."""

ROOT = Path(__file__).resolve().parent.parent


def spiral(n_samples: int, epochs: int = 3):
    exp = load_preset("spiral-2-16-16-2")
    return validate_experiment(dataclasses.replace(
        exp, data=dataclasses.replace(exp.data, n_samples=n_samples),
        training=dataclasses.replace(exp.training, batch_size=1, epochs=epochs, speed=None)))


def long_epochs():
    """An epoch of 320,000 steps per run: many seconds."""
    return spiral(400_000)


def is_state(wanted: str):
    return lambda state: state == wanted


def run_until_mid_epoch(qtbot, session):
    """Run, and return once the worker says it is training epoch 1 (its start is shown)."""
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
        session.run()
    assert session.latest_epoch == 0


@pytest.fixture
def lab_session(qtbot):
    sessions = []

    def make(experiment):
        session = LabSession(experiment)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.shutdown()


@pytest.mark.parametrize("command", ["shutdown", "reset", "set_experiment"])
def test_stopping_mid_epoch_answers_at_once(qtbot, lab_session, command):
    session = lab_session(long_epochs())
    run_until_mid_epoch(qtbot, session)
    process = session.training_process
    started = time.monotonic()
    if command == "set_experiment":
        session.set_experiment(spiral(400))
    else:
        getattr(session, command)()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert not session.is_training
    assert session.state == "idle"
    assert session.latest_epoch == 0
    if command == "shutdown":
        assert session.training_process is None and not process.is_alive
        return
    # the process left the long epoch at once: it takes the next command at once
    assert session.training_process is process
    if command == "reset":
        session.set_experiment(spiral(400))
    with qtbot.waitSignal(session.state_changed, timeout=round(PROMPT_SECONDS * 1000),
                          check_params_cb=is_state("finished")):
        session.run()
    assert session.latest_epoch == 3


def test_a_pause_mid_epoch_answers_at_once_and_keeps_the_runs_in_lockstep(qtbot, lab_session):
    session = lab_session(long_epochs())
    run_until_mid_epoch(qtbot, session)
    started = time.monotonic()
    with qtbot.waitSignal(session.state_changed, timeout=round(PROMPT_SECONDS * 1000),
                          check_params_cb=is_state("paused")):
        session.pause()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert session.is_training  # paused, not stopped: it carries on later
    assert {name: len(history) for name, history in session.histories.items()} == \
        {"quadratic": 1, "cross_entropy": 1}
    started = time.monotonic()
    session.shutdown()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert session.training_process is None


def test_paused_mid_epoch_many_times_the_runs_end_as_if_never_paused(qtbot, lab_session):
    experiment = spiral(8_000, epochs=2)
    session = lab_session(experiment)
    for _ in range(4):  # each pause lands between two mini-batches of an epoch
        with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
            session.run()
        with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("paused")):
            session.pause()
        epochs = {len(history) for history in session.histories.values()}
        assert len(epochs) == 1  # lockstep: both runs show the same epochs
    with qtbot.waitSignal(session.state_changed, timeout=60_000,
                          check_params_cb=is_state("finished")):
        session.run()
    for run in build_runs(experiment):
        expected = list(run.start(keep_parameters=True).records)
        history = session.histories[run.name]
        rows = history.view()
        assert list(rows["epoch"]) == [0, 1, 2]
        for column in ("train_cost", "train_accuracy", "test_cost", "test_accuracy"):
            np.testing.assert_array_equal(rows[column],
                                          [getattr(record, column) for record in expected])
        np.testing.assert_array_equal(rows["gradient_norm_1"],
                                      [record.gradient_norms[0] for record in expected])
        epoch, parameters = history.snapshots.at_or_before(2)
        assert epoch == 2
        np.testing.assert_array_equal(parameters, expected[-1].parameters)


def test_a_step_of_a_long_epoch_can_be_paused_and_stopped(qtbot, lab_session):
    session = lab_session(long_epochs())
    session.step()  # an epoch of many seconds, done in slices
    assert session.is_training
    with qtbot.waitSignal(session.state_changed, timeout=round(PROMPT_SECONDS * 1000),
                          check_params_cb=is_state("paused")):
        session.pause()
    assert session.latest_epoch == 0
    started = time.monotonic()
    session.shutdown()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert session.training_process is None


def test_closing_the_lab_mid_epoch_stops_training_at_once(qtbot):
    window = CourseWindow("lab", session=LabSession(long_epochs()))
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_until_mid_epoch(qtbot, window.page.session)
    pid = window.page.session.training_process.pid
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert window.page.session.training_process is None
    assert pid not in [child for child, _ in training_processes()]


CLOSE_MID_EPOCH = textwrap.dedent("""
    import dataclasses, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import nnlab.gui.app
    from nnlab.core.experiment import validate_experiment
    from nnlab.core.presets import load_preset


    def main():
        exp = load_preset("spiral-2-16-16-2")
        exp = validate_experiment(dataclasses.replace(
            exp, data=dataclasses.replace(exp.data, n_samples=400_000),
            training=dataclasses.replace(exp.training, batch_size=1, epochs=3, speed=None)))
        create_application = nnlab.gui.app.create_application

        def create(argv, language=None):
            app = create_application(argv, language)

            def run():
                window = next(w for w in QApplication.topLevelWidgets()
                              if hasattr(w, "page"))

                def close_when_running(state):
                    if state == "running":  # mid-epoch 1: it takes seconds
                        print(window.page.session.training_process.pid, flush=True)
                        QTimer.singleShot(200, window.close if sys.argv[1] == "close"
                                          else QApplication.quit)

                window.page.session.state_changed.connect(close_when_running)
                window.page.session.run()

            QTimer.singleShot(0, run)
            return app

        nnlab.gui.app.create_application = create
        sys.exit(nnlab.gui.app.launch([], lesson="lab", experiment=exp))


    if __name__ == "__main__":  # the training process imports this script again
        main()
""")


@pytest.mark.parametrize("how", ["close", "quit"])
def test_closing_or_quitting_mid_epoch_exits_cleanly_and_leaves_no_process(tmp_path, how):
    """The program ends with 0, and its training process is gone: not left training, not
    a zombie, not adopted by another parent."""
    script = tmp_path / "close_mid_epoch.py"
    script.write_text(CLOSE_MID_EPOCH, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(script), "close" if how == "close" else "quit"], cwd=ROOT,
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
             "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                         os.environ.get("PYTHONPATH")]))})
    assert completed.returncode == 0, completed.stderr[-2000:]
    pid = int(completed.stdout.split()[0])
    assert not Path(f"/proc/{pid}").exists()  # the process table has no such process
