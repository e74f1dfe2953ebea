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
def test_stopping_mid_epoch_joins_the_thread_at_once(qtbot, lab_session, command):
    session = lab_session(long_epochs())
    run_until_mid_epoch(qtbot, session)
    thread = session._thread
    started = time.monotonic()
    if command == "set_experiment":
        session.set_experiment(spiral(400))
    else:
        getattr(session, command)()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert thread.isFinished()
    assert not session.is_training_thread_running
    assert session.state == "idle"
    assert session.latest_epoch == 0


def test_a_pause_mid_epoch_answers_at_once_and_keeps_the_runs_in_lockstep(qtbot, lab_session):
    session = lab_session(long_epochs())
    run_until_mid_epoch(qtbot, session)
    started = time.monotonic()
    with qtbot.waitSignal(session.state_changed, timeout=round(PROMPT_SECONDS * 1000),
                          check_params_cb=is_state("paused")):
        session.pause()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert session.is_training_thread_running  # paused, not stopped: it carries on later
    assert {name: len(history) for name, history in session.histories.items()} == \
        {"quadratic": 1, "cross_entropy": 1}
    started = time.monotonic()
    session.shutdown()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert not session.is_training_thread_running


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
    qtbot.waitUntil(lambda: session.is_training_thread_running)
    with qtbot.waitSignal(session.state_changed, timeout=round(PROMPT_SECONDS * 1000),
                          check_params_cb=is_state("paused")):
        session.pause()
    assert session.latest_epoch == 0
    started = time.monotonic()
    session.shutdown()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert not session.is_training_thread_running


def test_closing_the_lab_mid_epoch_stops_training_at_once(qtbot):
    window = CourseWindow("lab", session=LabSession(long_epochs()))
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    run_until_mid_epoch(qtbot, window.page.session)
    thread = window.page.session._thread
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < PROMPT_SECONDS
    assert thread.isFinished()
    assert not window.page.session.is_training_thread_running


CLOSE_MID_EPOCH = textwrap.dedent("""
    import dataclasses, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import nnlab.app.session
    import nnlab.gui.app
    from nnlab.core.experiment import validate_experiment
    from nnlab.core.presets import load_preset

    nnlab.app.session.SHUTDOWN_TIMEOUT_MS = int(sys.argv[1])
    exp = load_preset("spiral-2-16-16-2")
    exp = validate_experiment(dataclasses.replace(
        exp, data=dataclasses.replace(exp.data, n_samples=400_000),
        training=dataclasses.replace(exp.training, batch_size=1, epochs=3, speed=None)))
    create_application = nnlab.gui.app.create_application

    def create(argv, language=None):
        app = create_application(argv, language)

        def run():
            window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, "page"))

            def close_when_running(state):
                if state == "running":
                    QTimer.singleShot(200, window.close)  # mid-epoch 1: it takes seconds

            window.page.session.state_changed.connect(close_when_running)
            window.page.session.run()

        QTimer.singleShot(0, run)
        return app

    nnlab.gui.app.create_application = create
    sys.exit(nnlab.gui.app.launch([], lesson="lab", experiment=exp))
""")


@pytest.mark.parametrize("shutdown_timeout_ms", [5000, 0], ids=["joined", "not-joined-in-time"])
def test_closing_the_lab_mid_epoch_exits_cleanly(tmp_path, shutdown_timeout_ms):
    """The program ends with 0, not aborted by a thread destroyed while running; also when
    the window gave up waiting for the thread (a timeout of 0: it is waited for at exit)."""
    script = tmp_path / "close_mid_epoch.py"
    script.write_text(CLOSE_MID_EPOCH, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(script), str(shutdown_timeout_ms)], cwd=ROOT,
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
             "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT),
                                                         os.environ.get("PYTHONPATH")]))})
    assert "QThread: Destroyed" not in completed.stderr
    assert completed.returncode == 0, completed.stderr[-2000:]
