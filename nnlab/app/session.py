"""A session: one experiment, its runs' histories and their training process.

:class:`TrainingSession` lives in the GUI thread. It owns

* the :class:`~nnlab.core.experiment.Experiment`, whose runs are shown side by side (all from
  the same start);
* one history per run, appended to only in the GUI thread, so the window can read them at
  any time without locks;
* a :class:`~nnlab.app.training_process.TrainingProcess`, started the first time it is
  needed (or ahead, :meth:`TrainingSession.warm_up`) and kept for every later run, reset and
  experiment, until :meth:`TrainingSession.shutdown` ends it.

Training runs in that process (see :mod:`nnlab.app.trainer`): the session sends it the runs
(data included) when they change, and commands (start, run, pause, step, speed, stop); the
process sends back rows in batches and its states. So the window draws on one core while
training goes on at full speed on another.

Each start of the runs is a *generation*. Everything the process sends carries the generation
it is about, and the session takes only the current one's: rows of runs that a reset has
thrown away, still in the pipe, never reach the new histories. The session's :attr:`state`
follows what the process *reports*: after "paused" no more rows arrive, because the process
sends its pending rows before any state and both travel through the same pipe in order.

Before any training each history already holds its run's epoch 0 (the start): the session
takes the first record of every fresh run itself (the process skips it). Epoch 0 is a state
like any other, shown before Run.

States (named in :mod:`nnlab.core.states`): "idle" (no training under way; the next run or
step starts from epoch 0), "running", "paused", "finished" (every run reached its last epoch
or diverged)::

    idle ──run──▶ running ◀──pause / run──▶ paused ◀──step── idle
                     │                         │
                     └──── last epoch ─────────┴──▶ finished

    reset, set_experiment, set_costs: any state ──▶ idle (histories back to epoch 0)
    run in "finished": reset, then run
    the training process gone or failed: ──▶ idle, the rows so far kept, ``training_failed``

Two kinds of session share all of this: :class:`~nnlab.app.neuron_session.NeuronSession`
(the single neuron, one run per cost, :class:`~nnlab.core.neuron.NeuronHistory`) and the
network lab's :class:`~nnlab.app.lab_session.LabSession`
(:class:`~nnlab.core.training.NetworkHistory`), both a :class:`~nnlab.core.history.RunHistory`
appended to with ``extend_rows``. A subclass says which experiments it takes, what its runs
are and how their records become history rows.

The window does not redraw per batch: ``data_changed`` only says rows were appended, and
the window redraws on its own display timer from :attr:`histories` (``view()``),
:attr:`latest_epoch` and :meth:`row_for_epoch`.
"""

from __future__ import annotations

import dataclasses
import functools
import signal
import threading
import weakref

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from ..core.experiment import Experiment
from ..core.presets import load_preset
from ..core.states import FINISHED, IDLE, PAUSED, RUNNING
from ..core.text import QT_TRANSLATE_NOOP, Message
from .training_process import ProcessEnded, TrainingProcess, close_all

_CLOSES_PROCESSES = "nnlab_closes_training_processes"  # an application property

READ_INTERVAL_MS = 4
"""How often the session reads the training process's pipe while rows are expected."""

IDLE_INTERVAL_MS = 250
"""How often it looks otherwise: a process that died is noticed within this."""

READ_BUDGET_SECONDS = 0.008
"""The longest one look at the pipe reads messages before the event loop goes on."""


def exit_description(code: int | None) -> Message:
    """How a process ended, from its exit code (minus the signal that ended it)."""
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = "?"
        return Message.of(QT_TRANSLATE_NOOP("core", "ended by signal %1, %2"), -code, name)
    return Message.of(QT_TRANSLATE_NOOP("core", "exit code %1"), code)


def checked_speed(epochs_per_second: float | None) -> float | None:
    """``None`` (as fast as possible) or a finite speed > 0; anything else raises ValueError."""
    if epochs_per_second is None:
        return None
    speed = float(epochs_per_second)
    if not (np.isfinite(speed) and speed > 0.0):
        raise ValueError(f"epochs per second = {epochs_per_second!r}: must be a finite "
                         "number > 0, or None for as fast as possible")
    return speed


class TrainingSession(QObject):
    """The runs of one experiment and their training (see the module docstring)."""

    data_changed = Signal()                 # rows were appended or the histories were replaced
    state_changed = Signal(str)             # "idle" | "running" | "paused" | "finished"
    # run name, "finished" | "diverged", message (a str; a core Message, which the window
    # translates, when it diverged): object, since a str argument would lose the Message
    run_finished = Signal(str, str, object)
    experiment_changed = Signal()
    #: training stopped because its process failed or ended (a core Message saying why);
    #: the rows so far are kept and the session is "idle"
    training_failed = Signal(object)

    #: the preset a session starts with when given no experiment
    default_preset = ""

    def __init__(self, experiment: Experiment | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._thread_ident = threading.get_ident()
        if experiment is None:
            experiment = load_preset(self.default_preset)
        self._check_kind(experiment)
        self._experiment = experiment
        self._speed: float | None = checked_speed(experiment.training.speed)
        self._state = IDLE
        self._process: TrainingProcess | None = None
        # reads the process's messages in this (the GUI) thread; connected through a weak
        # reference, so that a session let go of is freed at once, not by a later garbage
        # collection
        self._reader = QTimer(self)
        self._reader.timeout.connect(functools.partial(_read_process_of, weakref.ref(self)))
        self._runs_version = 0  # counts changes of the runs; the process has _loaded_version's
        self._loaded_version = -1
        self._generation = 0  # counts fresh starts of the runs (see the module docstring)
        self._started: int | None = None  # the generation the process was told to start
        self._fresh = False  # the histories hold exactly the epoch 0 of this generation
        self.histories: dict = self._empty_histories()
        self._begin_runs()
        application = QCoreApplication.instance()
        if application is not None and not application.property(_CLOSES_PROCESSES):
            # a last chance to end the processes of sessions nobody shut down: one connection
            # for all of them (at exit, close_all runs again, for scripts without a window)
            application.aboutToQuit.connect(close_all)
            application.setProperty(_CLOSES_PROCESSES, True)

    # --- settings ---------------------------------------------------------------------------

    @property
    def experiment(self) -> Experiment:
        return self._experiment

    def set_experiment(self, experiment: Experiment) -> None:
        """Use ``experiment`` from now on; training so far is discarded (a reset)."""
        self._check_kind(experiment)
        self._experiment = experiment
        self._runs_version += 1
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
        if self._process is not None:
            self._process.send("speed", self._speed)

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
    def is_training(self) -> bool:
        """The process has this session's runs under way: running, paused or stepping."""
        return self._started is not None and self._state != FINISHED

    @property
    def training_process(self) -> TrainingProcess | None:
        """The process that trains this session's runs (None before the first is needed
        and after shutdown)."""
        return self._process

    # --- commands ---------------------------------------------------------------------------

    @Slot()
    def warm_up(self) -> None:
        """Start the training process now, so that the first Run starts at once."""
        self._ensure_process()

    @Slot()
    def run(self) -> None:
        """Train until paused or finished. After "finished" it starts again from epoch 0."""
        if self._state == FINISHED:
            self.reset()
        self._start_training()
        self._process.send("run")
        self._expect_messages(True)

    @Slot()
    def pause(self) -> None:
        if self._started is not None and self._process is not None:
            self._process.send("pause")

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
        self._start_training()
        self._process.send("step")
        self._expect_messages(True)

    @Slot()
    def reset(self) -> None:
        """Stop training and go back to the histories' epoch 0: "idle". The process stays,
        ready for the next run."""
        self._assert_gui_thread()
        if self._started is not None and self._process is not None:
            self._process.send("stop")
        self._started = None
        self._begin_runs()
        self._set_state(IDLE)
        self.data_changed.emit()

    @Slot()
    def shutdown(self) -> None:
        """End the training process (within a second), keeping the histories, e.g. for an
        export while the window closes. Safe to call any number of times; the window calls
        it when it closes. A later run or step starts from epoch 0, in a new process."""
        self._close_process()
        if self._state in (RUNNING, PAUSED):
            self._set_state(IDLE)

    # --- the training process ----------------------------------------------------------------

    def _ensure_process(self) -> TrainingProcess:
        self._assert_gui_thread()
        if self._process is None:
            process = TrainingProcess()
            process.send("speed", self._speed)
            self._process, self._loaded_version = process, -1
            self._expect_messages(False)
        return self._process

    def _expect_messages(self, expecting: bool) -> None:
        """Read the pipe often (rows are coming) or only now and then."""
        self._reader.start(READ_INTERVAL_MS if expecting else IDLE_INTERVAL_MS)

    def _read_process(self) -> None:
        process = self._process
        if process is None:
            self._reader.stop()
            return
        try:
            for message in process.received(READ_BUDGET_SECONDS):
                self._on_message(message)
                if self._process is not process:
                    return  # closed or replaced by what the message set off
        except ProcessEnded:
            self._on_process_ended()

    def _close_process(self) -> None:
        process, self._process = self._process, None
        if self._started is not None:
            self._fresh = False  # the rows since epoch 0 stay; the next run begins anew
        self._started = None
        self._reader.stop()
        if process is not None:
            process.close()

    def _start_training(self) -> None:
        """Make sure the process trains this generation's runs: a fresh generation if the
        histories hold more than epoch 0 of runs no process trains, the runs sent if the
        process does not have them, the start sent if not yet."""
        if self._process is not None and not self._process.is_alive:
            self._on_process_ended()  # gone before its end was noticed: said now
        if not self._fresh and self._started is None:
            self._begin_runs()
            self.data_changed.emit()
        process = self._ensure_process()
        if self._loaded_version != self._runs_version:
            process.send("load", self._process_runs(), self._start_options(), self._to_rows,
                         self._evaluate)
            self._loaded_version = self._runs_version
        if self._started != self._generation:
            process.send("start", self._generation)
            self._started = self._generation

    @Slot(object)
    def _on_message(self, message: tuple) -> None:
        self._assert_gui_thread()
        kind, generation, content = message
        if generation != self._generation or self._started != generation:
            return  # about runs a reset has thrown away
        if kind == "rows":
            self._on_rows(content)
        elif kind == "state":
            self._fresh = False
            if content != RUNNING:
                self._expect_messages(False)  # nothing more until the next command
            self._set_state(content)
        elif kind == "failed":
            self._fail(Message.of(QT_TRANSLATE_NOOP(
                "core", "Training stopped: the training process failed: %1"), content))

    def _on_rows(self, batch: tuple) -> None:
        self._fresh = False
        ended = []
        for name, rows, status, message, evaluated in batch:
            history = self.histories[name]
            history.extend_rows(rows, status, message)
            if evaluated is not None:
                history.evaluated = evaluated
            if status != RUNNING:
                ended.append((name, status, message))
        histories = self.histories
        self.data_changed.emit()
        if self.histories is not histories:
            return  # a handler reset the session: these runs are gone
        for name, status, message in ended:
            self.run_finished.emit(name, status, message)

    def _on_process_ended(self) -> None:
        """The process went without being asked (killed, out of memory, a crash)."""
        process = self._process
        if process is None:
            return
        how = exit_description(process.exit_code)
        was_training = self._started is not None
        self._close_process()
        if was_training:
            self._fail(Message.of(QT_TRANSLATE_NOOP(
                "core", "Training stopped: the training process ended unexpectedly (%1)."),
                how))

    def _fail(self, cause: Message) -> None:
        """Training of this generation is over: the rows so far stay, the next run or step
        starts again from epoch 0 (in a new process, if this one is gone)."""
        self._started = None
        self._fresh = False
        if self._process is not None:
            self._expect_messages(False)
        self._set_state(IDLE)
        self.training_failed.emit(cause)

    def _begin_runs(self) -> None:
        """Fresh runs (a new generation), each advanced by one record: its epoch 0, which
        becomes the first row of its (new) history."""
        self._generation += 1
        self.histories = self._empty_histories()
        options = self._start_options()
        for run in self._process_runs():
            records = run.start(**options).records
            first = next(records, None)
            records.close()  # the training process trains the run; this one only shows it
            if first is not None:
                self.histories[run.name].extend_rows(self._to_rows([first]),
                                                     getattr(first, "status", RUNNING),
                                                     getattr(first, "message", ""))
        self._fresh = True

    # --- what a subclass says --------------------------------------------------------------

    def _process_runs(self) -> list:
        """The :class:`~nnlab.core.runner.PreparedRun` s to train (sent to the process)."""
        raise NotImplementedError

    def _start_options(self) -> dict:
        """Keywords of ``PreparedRun.start`` for the runs' records."""
        return {}

    @staticmethod
    def _to_rows(records: list):
        """What the training process makes of a run's new records, for its history's
        ``extend_rows``: a module-level function of core (it is sent to the process)."""
        raise NotImplementedError

    #: ``evaluate(run, parameters)``, a module-level function of core, or None: what the
    #: training process computes of each run's newest parameters for every batch
    _evaluate = None

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
        # The histories have no locks: only the session's own thread may touch them. (Python's
        # thread identity, not QObject.thread(): the wrapper of the main QThread that call
        # returns was kept by the session, and freed with it by the garbage collector.)
        assert threading.get_ident() == self._thread_ident, \
            "session used from a thread other than its own"


def _read_process_of(session_reference: weakref.ref) -> None:
    session = session_reference()
    if session is not None:
        session._read_process()
