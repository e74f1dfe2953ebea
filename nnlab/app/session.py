"""A session: one experiment, its runs' histories and the training thread.

:class:`TrainingSession` lives in the GUI thread. It owns

* the :class:`~nnlab.core.experiment.Experiment`, whose runs are shown side by side (all from
  the same start);
* one history per run, appended to only in the GUI thread, so the window can read them at
  any time without locks;
* a ``QThread`` with a :class:`~nnlab.app.worker.TrainingWorker` in it, created when training
  starts (``run`` or ``step``) and joined when it ends (reset, a new experiment, the last
  epoch, shutdown).

Commands reach the worker only through queued signals, never by calling it across threads.
The session's :attr:`state` follows what the worker *reports*: after ``state_changed("paused")``
no more records arrive, because the worker sends its pending records before any state change
and both travel through the same queue in order.

Before any training each history already holds its run's epoch 0 (the start): the session
takes the first record of every fresh run itself and hands the runs, so begun, to the next
worker. Epoch 0 is a state like any other, shown before Run.

States (named in :mod:`nnlab.core.states`): "idle" (no training under way; the next run or
step starts from epoch 0), "running", "paused", "finished" (every run reached its last epoch
or diverged)::

    idle ──run──▶ running ◀──pause / run──▶ paused ◀──step── idle
                     │                         │
                     └──── last epoch ─────────┴──▶ finished

    reset, set_experiment, set_costs: any state ──▶ idle (histories back to epoch 0)
    run in "finished": reset, then run

Two kinds of session share all of this: :class:`~nnlab.app.neuron_session.NeuronSession`
(the single neuron, one run per cost, :class:`~nnlab.core.neuron.NeuronHistory`) and the
network lab's :class:`~nnlab.app.lab_session.LabSession`
(:class:`~nnlab.core.training.NetworkHistory`), both a :class:`~nnlab.core.history.RunHistory`
appended to with ``extend_rows``. A subclass says which experiments it takes, what its runs
are and how their records become history rows.

A session must be shut down (:meth:`TrainingSession.shutdown`) before it is dropped: Qt aborts
the process when a ``QThread`` object is destroyed while its thread still runs. The window
does it when it closes, and the application's ``aboutToQuit`` does it as a last resort.

The window does not redraw per record: ``data_changed`` only says rows were appended, and
the window redraws on its own display timer from :attr:`histories` (``view()``),
:attr:`latest_epoch` and :meth:`row_for_epoch`.
"""

from __future__ import annotations

import atexit
import dataclasses
import logging
from typing import Iterator

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThread, Signal, Slot

from ..core.experiment import Experiment
from ..core.presets import load_preset
from ..core.states import FINISHED, IDLE, PAUSED, RUNNING
from .worker import DrawingHold, RunBatch, TrainingWorker, checked_speed

SHUTDOWN_TIMEOUT_MS = 5000
"""How long stopping the training thread may take before the session gives up waiting. The
worker answers within one time slice or one work mark (milliseconds, however long an epoch
is; only a single mini-batch longer than this, e.g. full-batch descent on a large network,
can keep it longer); this bound only guards against a hang."""

_log = logging.getLogger(__name__)

# Threads that did not stop within SHUTDOWN_TIMEOUT_MS. Destroying a running QThread aborts
# the process ("QThread: Destroyed while thread ... is still running"), so such a thread is
# kept referenced rather than freed. Each has been told to stop and ends at its worker's next
# look at its commands; at exit it is waited for (see below).
_unjoined_threads: list[tuple[QThread, TrainingWorker]] = []


def _join_unjoined_threads() -> None:
    """Wait for the threads that did not stop in time, before the interpreter's exit frees
    them: a thread still running when its QThread is freed aborts the process. Registered
    with ``atexit`` at import, after PySide6's own exit handling, so it runs before it."""
    for thread, _worker in _unjoined_threads:
        if thread.isRunning():
            _log.warning("waiting for a training thread to stop before exiting")
            thread.wait()


atexit.register(_join_unjoined_threads)


class TrainingSession(QObject):
    """The runs of one experiment and their training (see the module docstring)."""

    data_changed = Signal()                 # rows were appended or the histories were replaced
    state_changed = Signal(str)             # "idle" | "running" | "paused" | "finished"
    # run name, "finished" | "diverged", message (a str; a core Message, which the window
    # translates, when it diverged): object, since a str argument would lose the Message
    run_finished = Signal(str, str, object)
    experiment_changed = Signal()

    # Commands to the worker: queued into its thread (see _start_worker)
    _run_requested = Signal()
    _pause_requested = Signal()
    _step_requested = Signal()
    _speed_requested = Signal(object)
    _stop_requested = Signal()

    #: the preset used when no experiment is given
    #: the preset a session starts with when given no experiment
    default_preset = ""

    def __init__(self, experiment: Experiment | None = None, parent: QObject | None = None):
        super().__init__(parent)
        #: the window draws while it has this, training goes on while it does not
        self.hold = DrawingHold()
        if experiment is None:
            experiment = load_preset(self.default_preset)
        self._check_kind(experiment)
        self._experiment = experiment
        self._speed: float | None = checked_speed(experiment.training.speed)
        self._state = IDLE
        self._worker: TrainingWorker | None = None
        self._thread: QThread | None = None
        # each run begun (its epoch 0 taken into the histories), for the next worker
        self._begun_runs: list[tuple[str, Iterator]] | None = None
        self.histories: dict = self._empty_histories()
        self._begin_runs()
        application = QCoreApplication.instance()
        if application is not None:
            # a last chance to join the thread if the window forgot to call shutdown()
            application.aboutToQuit.connect(self.shutdown)

    # --- settings ---------------------------------------------------------------------------

    @property
    def experiment(self) -> Experiment:
        return self._experiment

    def set_experiment(self, experiment: Experiment) -> None:
        """Use ``experiment`` from now on; training so far is discarded (a reset)."""
        self._check_kind(experiment)
        self._experiment = experiment
        self.reset()
        self.set_speed(experiment.training.speed)
        self.experiment_changed.emit()

    @property
    def run_names(self) -> tuple[str, ...]:
        """The runs shown, in order (the keys of :attr:`histories`)."""
        raise NotImplementedError

    @property
    def speed(self) -> float | None:
        """Epochs per second of every run; ``None`` is as fast as possible."""
        return self._speed

    def set_speed(self, epochs_per_second: float | None) -> None:
        """Train at this pace from now on; the experiment keeps it (a saved file has it)."""
        self._speed = checked_speed(epochs_per_second)
        if self._experiment.training.speed != self._speed:
            self._experiment = dataclasses.replace(
                self._experiment,
                training=dataclasses.replace(self._experiment.training, speed=self._speed))
        if self._worker is not None:
            self._speed_requested.emit(self._speed)

    # --- what the window reads --------------------------------------------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def latest_epoch(self) -> int:
        """The newest epoch of any run; 0 when there are no rows yet."""
        epochs = [int(history.last()["epoch"]) for history in self.histories.values()
                  if len(history)]
        return max(epochs, default=0)

    def row_for_epoch(self, name: str, epoch: int) -> int:
        """The row of run ``name`` that shows ``epoch``: the one with the largest recorded
        epoch ≤ ``epoch`` (long runs keep only evenly spaced epochs); -1 if there is none."""
        epochs = self.histories[name].view()["epoch"]
        return int(np.searchsorted(epochs, epoch, side="right")) - 1

    @property
    def is_training_thread_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    # --- commands ---------------------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        """Train until paused or finished. After "finished" it starts again from epoch 0."""
        if self._state == FINISHED:
            self.reset()
        self._start_worker()
        self._run_requested.emit()

    @Slot()
    def pause(self) -> None:
        if self._worker is not None:
            self._pause_requested.emit()

    @Slot()
    def toggle_run(self) -> None:
        """Run ⇄ pause, for a single button or the space bar."""
        if self._state == RUNNING:
            self.pause()
        else:
            self.run()

    @Slot()
    def step(self) -> None:
        """One epoch of training (one parameter update) of every run, then paused.

        From "idle" the histories hold epoch 0 (the start) already and get epoch 1. Does
        nothing when finished.
        """
        if self._state == FINISHED:
            return
        self._start_worker()
        self._step_requested.emit()

    @Slot()
    def reset(self) -> None:
        """Stop training, join the thread and go back to the histories' epoch 0: "idle"."""
        self._stop_worker()
        self._begin_runs()
        self._set_state(IDLE)
        self.data_changed.emit()

    @Slot()
    def shutdown(self) -> None:
        """Stop training and join the thread (waiting at most SHUTDOWN_TIMEOUT_MS), keeping
        the histories, e.g. for an export while the window closes. Safe to call any number of
        times; the window calls it when it closes. A later run or step starts from epoch 0."""
        self._stop_worker()
        if self._state in (RUNNING, PAUSED):
            self._set_state(IDLE)

    # --- the training thread ----------------------------------------------------------------

    def _start_worker(self) -> None:
        """Create the worker and its thread unless they exist. A new worker trains the runs
        begun at the last reset; after an earlier worker (a shutdown) the runs begin anew, so
        its rows are cleared."""
        self._assert_gui_thread()
        if self._worker is not None:
            return
        if self._begun_runs is None:
            self._begin_runs()
            self.data_changed.emit()
        runs, self._begun_runs = self._begun_runs, None
        worker = TrainingWorker(runs, self._speed, to_rows=self._to_rows, hold=self.hold,
                                started=True)
        thread = QThread()  # no parent: _stop_worker decides when it may be destroyed
        thread.setObjectName("nnlab training")
        worker.moveToThread(thread)
        queued = Qt.ConnectionType.QueuedConnection
        worker.records_ready.connect(self._on_records, queued)
        worker.state_changed.connect(self._on_worker_state, queued)
        self._run_requested.connect(worker.run, queued)
        self._pause_requested.connect(worker.pause, queued)
        self._step_requested.connect(worker.step, queued)
        self._speed_requested.connect(worker.set_speed, queued)
        self._stop_requested.connect(worker.stop, queued)
        self._worker, self._thread = worker, thread
        thread.start()

    def _stop_worker(self) -> None:
        """Stop the worker, wait for its thread to end and drop both."""
        self._assert_gui_thread()
        worker, thread = self._worker, self._thread
        if worker is None:
            return
        self._worker = self._thread = None
        self.hold.release()  # a worker waiting for the window to draw stops at once
        self._stop_requested.emit()  # the worker's stop() also ends its thread's event loop
        joined = thread.wait(SHUTDOWN_TIMEOUT_MS)
        for signal in (self._run_requested, self._pause_requested, self._step_requested,
                       self._speed_requested, self._stop_requested):
            signal.disconnect()
        # Records and states the worker sent before it stopped may still wait in this
        # thread's queue; they belong to the old runs and must not reach the new histories.
        # (This drops every queued call to the session; only the worker makes such calls.)
        QCoreApplication.removePostedEvents(self, QEvent.Type.MetaCall)
        if not joined:
            _log.warning("the training thread did not stop within %d ms", SHUTDOWN_TIMEOUT_MS)
            _unjoined_threads.append((thread, worker))
            return
        # Joined: freed soon, by the event loop. Left to Python, a thread stopped mid-run
        # stayed alive after the session let go of it.
        thread.deleteLater()


    @Slot(object)
    def _on_records(self, batch: tuple[RunBatch, ...]) -> None:
        self._assert_gui_thread()
        if self._worker is None:
            return
        ended = []
        for name, rows, last in batch:
            self.histories[name].extend_rows(rows, last.status, last.message)
            if last.status != RUNNING:
                ended.append((name, last.status, last.message))
        histories = self.histories
        self.data_changed.emit()
        if self.histories is not histories:
            return  # a handler reset the session: these runs are gone
        for name, status, message in ended:
            self.run_finished.emit(name, status, message)

    @Slot(str)
    def _on_worker_state(self, state: str) -> None:
        self._assert_gui_thread()
        if self._worker is None:
            return
        if state == FINISHED:
            self._stop_worker()  # nothing left to train: free the thread now
        if state in (RUNNING, PAUSED, FINISHED):
            self._set_state(state)

    def _begin_runs(self) -> None:
        """Fresh runs, each advanced by one record: its epoch 0, which becomes the first row
        of its (new) history."""
        self.histories = self._empty_histories()
        begun = []
        for name, records in self._started_runs():
            first = next(records, None)
            if first is None:
                continue
            self.histories[name].extend_rows(self._to_rows([first]),
                                             getattr(first, "status", RUNNING),
                                             getattr(first, "message", ""))
            begun.append((name, records))
        self._begun_runs = begun

    # --- what a subclass says --------------------------------------------------------------

    def _started_runs(self) -> list[tuple[str, Iterator]]:
        """(name, records) of every run, each records iterator fresh from epoch 0."""
        raise NotImplementedError

    @staticmethod
    def _to_rows(records: list):
        """What the worker thread makes of a run's new records, for its history's
        ``extend_rows`` (called in the worker thread)."""
        raise NotImplementedError

    def _empty_histories(self) -> dict:
        raise NotImplementedError

    @staticmethod
    def _check_kind(experiment: Experiment) -> None:
        """Raise ValueError if this session cannot train ``experiment``."""

    # --- helpers ----------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _assert_gui_thread(self) -> None:
        # The histories have no locks: only the session's own thread may touch them.
        assert QThread.currentThread() is self.thread(), \
            "session used from a thread other than its own"
