"""The training worker: drives the runs' record generators in a thread of their own.

A :class:`TrainingWorker` is moved into a ``QThread`` by :class:`~nnlab.app.session.NeuronSession`
and from then on is only spoken to through queued signals. It advances every active run by one
epoch per lockstep step, so two runs compared side by side are always at the same epoch.

These rules keep the window responsive however fast training goes:

* Time slicing. The work is done by a ``QTimer`` in the worker's own thread. At "as fast as
  possible" each timer tick trains for about :data:`SLICE_SECONDS` and then returns to the
  thread's event loop, so a queued pause, stop or speed change waits at most one slice. At a
  set speed the ticks are paced by the clock (no busy waiting): an epoch is due every
  ``1 / epochs_per_second`` seconds.
* Holding still while the GUI draws. Python runs one thread at a time (the interpreter
  lock), and Qt hands the lock back and forth at each of the many small calls a repaint
  makes: a training thread that kept running would make every one of them wait. So the
  window draws only while it has the :class:`DrawingHold`, which the worker gives up
  between short chunks of epochs (about :data:`CHUNK_SECONDS`, however long an epoch is);
  waiting for it takes no interpreter lock and no processor.
* Batching. Records are collected and sent with ``records_ready`` at most every
  :data:`FLUSH_INTERVAL_SECONDS` (60 times a second), so 10⁵ epochs a second arrive as ~60
  signals, not 10⁵, and never flood the GUI's event loop. Pending records are always sent
  before a state change, so whoever sees "paused" or "finished" has every record before it.
* Work off the GUI thread. A batch carries, per run, the records already turned into rows
  (by the ``to_rows`` function the session gives, e.g. one NumPy array per run and batch), so
  the GUI thread only appends arrays: at 10⁵ epochs a second, converting records one by one
  there would leave it no time to draw.
* Immutability. Only :class:`RunBatch` tuples cross the thread boundary, holding fresh rows and
  immutable records (``NeuronState`` namedtuples, frozen ``EpochRecord`` dataclasses).

* Long epochs. An epoch of a wide network at one sample per step may take many seconds. The
  runs' generators are asked for work marks (:data:`~nnlab.core.training.WORKING`, every
  :data:`WORK_MARK_SECONDS` or so of training between mini-batches): at a mark the worker
  leaves the epoch where it is, handles what is queued (a pause, a stop) and later carries on
  from there. Lockstep holds all the same: a run that has finished the epoch under way keeps
  its record back until the other runs have finished it too.

"One epoch of training" is one update of the parameters. A generator's first record (epoch 0)
is the start, before any update, so the very first :meth:`TrainingWorker.step` takes the start
record *and* the record after the first update: a fresh step shows epochs 0 and 1.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from ..core.states import FINISHED, IDLE, PAUSED, RUNNING, STOPPED
from ..core.training import WORKING

SLICE_SECONDS = 0.006
"""How long one timer tick trains at "as fast as possible" before the event loop gets a turn."""

FLUSH_INTERVAL_SECONDS = 1.0 / 60.0
"""Shortest time between two ``records_ready`` signals (the display never redraws faster)."""

MIN_PACED_INTERVAL_MS = 10
"""Shortest timer interval at a set speed: faster speeds do several due epochs per tick
rather than waking the thread a thousand times a second."""

MAX_LAG_SECONDS = 0.25
"""At a set speed, epochs overdue by more than this (the machine was busy) are forgiven,
so training does not race to catch up afterwards."""

EARLY_TOLERANCE_SECONDS = 0.002
"""A timer may fire a little before the epoch is due; such an epoch counts as due."""

HOLD_TIMEOUT_SECONDS = 0.25
"""The longest the worker waits for the GUI to finish drawing before it handles queued
commands (a stop, say) and waits again."""

EPOCHS_BETWEEN_CLOCK_CHECKS = 32
"""At full speed the clock is read at most once per this many epochs: reading it every
epoch costs a noticeable share of an epoch of the single neuron."""

WORK_MARK_SECONDS = 0.005
"""How much training a run's generator does, at most, between two looks at the worker's
commands within an epoch (its ``work_marks``): stop and pause answer within about this, plus
one mini-batch and one epoch's measurement, however long an epoch is."""

CHUNK_SECONDS = 0.002
"""About how long the worker trains before it looks whether the window wants to draw: the
number of epochs per chunk adapts to the epochs' cost (one epoch of the neuron takes
microseconds, one of the digits milliseconds)."""


class DrawingHold:
    """Who may run now: the worker training, or the window drawing.

    The window asks for the hold (:meth:`request`) and then takes it (:meth:`try_take`)
    once the worker has finished its current chunk of epochs; the worker waits while the
    hold is asked for or taken. The window may keep it over several turns of its event loop
    (a frame drawn a view at a time) and :meth:`release` s it when the frame is done.

    Only speed depends on it, never correctness: the runs' data cross threads by queued
    signals. So every wait of the worker has a timeout (it then handles its commands, a
    stop say), and the session may release the hold for the window, e.g. before it joins
    the worker's thread.
    """

    def __init__(self) -> None:
        self._free = threading.Event()  # clear while the window asks for or has the hold
        self._free.set()
        # the worker's while it trains, the window's while it draws
        self._training = threading.Lock()
        self._taken = False

    # -- the window's side (GUI thread) --
    def request(self) -> None:
        """Ask the worker to stop after its current chunk of epochs."""
        self._free.clear()

    def try_take(self) -> bool:
        """Take the hold if the worker is not training now; ``True`` when the window has it."""
        if not self._taken:
            self.request()
            self._taken = self._training.acquire(blocking=False)
        return self._taken

    @property
    def taken(self) -> bool:
        return self._taken

    def release(self) -> None:
        """Let training go on (also when the hold was only asked for)."""
        if self._taken:
            self._taken = False
            self._training.release()
        self._free.set()

    # -- the worker's side (its own thread) --
    def wait_free(self, timeout: float) -> bool:
        """Wait until the window does not ask for the hold; ``False`` after ``timeout``."""
        return self._free.is_set() or self._free.wait(timeout)

    @contextlib.contextmanager
    def training(self):
        """Train within: the window cannot take the hold meanwhile. (If the window keeps
        it longer than HOLD_TIMEOUT_SECONDS, training goes on regardless.)"""
        acquired = self._training.acquire(timeout=HOLD_TIMEOUT_SECONDS)
        try:
            yield
        finally:
            if acquired:
                self._training.release()


_ENDED = object()  # marks, for one step, a run whose records ran out without a final status


def checked_speed(epochs_per_second: float | None) -> float | None:
    """``None`` (as fast as possible) or a finite speed > 0; anything else raises ValueError."""
    if epochs_per_second is None:
        return None
    speed = float(epochs_per_second)
    if not (math.isfinite(speed) and speed > 0.0):
        raise ValueError(f"epochs per second = {epochs_per_second!r}: must be a finite "
                         "number > 0, or None for as fast as possible")
    return speed


class RunBatch(NamedTuple):
    """The records of one run that arrived since the last batch: ``rows`` is what the
    worker's ``to_rows`` made of them, ``last`` the newest record (its status tells whether
    the run ended)."""

    name: str
    rows: Any
    last: Any


def _status(record: Any) -> str:
    return getattr(record, "status", RUNNING)


class TrainingWorker(QObject):
    """Advances ``runs`` in lockstep, one epoch of every active run per step.

    ``runs`` is a list of ``(run_name, records)`` where ``records`` is an iterator of records
    with a ``status`` ("running", or on the last record "finished" or "diverged"). A run
    drops out after its last record; when every run is done the worker says "finished".

    States, reported by ``state_changed`` when they change: "idle" (created, nothing done),
    "running", "paused", "finished" and "stopped" (after :meth:`stop`; final).
    """

    records_ready = Signal(object)  # tuple of RunBatch, one per run that produced records
    state_changed = Signal(str)

    def __init__(self, runs: Iterable[tuple[str, Iterator[Any]]],
                 epochs_per_second: float | None = None, parent: QObject | None = None,
                 to_rows: Callable[[list[Any]], Any] = tuple,
                 hold: DrawingHold | None = None, started: bool = False):
        super().__init__(parent)
        # taken by the window while it draws: training waits, so drawing has the interpreter
        # lock to itself
        self._hold = hold if hold is not None else DrawingHold()
        self._chunk = 1  # epochs per chunk at full speed, adapted to CHUNK_SECONDS
        self._active: list[tuple[str, Iterator[Any]]] = [(name, iter(records))
                                                          for name, records in runs]
        self._to_rows = to_rows
        self._speed = checked_speed(epochs_per_second)
        self._state = IDLE
        # no record taken yet: the next step must include the start. ``started``: the
        # caller took each run's first record (epoch 0) itself
        self._fresh = not started
        self._pending: dict[str, list[Any]] = {name: [] for name, _ in self._active}
        self._last_flush = -math.inf
        self._next_epoch_due = 0.0
        # A child of the worker, so moveToThread takes it along: it must fire in the
        # worker's thread, and only the worker's slots start and stop it.
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        # The epoch under way when a run's generator yielded a work mark: the runs before
        # ``_lane`` in ``_active`` have done it (their records wait at the end of their
        # pending lists), the run at ``_lane`` is part-way through it.
        self._lane = 0
        self._mid_epoch = False
        self._epoch_ended = False  # a run has ended with the epoch under way
        self._step_epochs = 0  # epochs a step still has to do (0: no step under way)
        # carries on with an epoch left at a work mark, once queued commands are handled
        self._resume_timer = QTimer(self)
        self._resume_timer.setSingleShot(True)
        self._resume_timer.timeout.connect(self._resume)

    # --- read-only state (for the worker's own thread and for tests) ------------------------

    @property
    def state(self) -> str:
        return self._state

    @property
    def speed(self) -> float | None:
        return self._speed

    # --- commands: call them through queued signals from other threads --------------------

    @Slot()
    def run(self) -> None:
        """Train until paused, stopped or finished."""
        if self._state in (FINISHED, STOPPED):
            return
        if self._state == RUNNING and not self._step_epochs:
            return
        self._step_epochs = 0  # running on instead of pausing after a step under way
        if not self._active:
            self._finish()
            return
        self._set_state(RUNNING)
        self._start_timer()
        self._tick()  # the first epoch now, not one timer interval later

    @Slot()
    def pause(self) -> None:
        """Stop training until ``run`` or ``step``; an epoch under way is left where it is
        (between two mini-batches) and carried on from there."""
        if self._state != RUNNING and not self._step_epochs:
            return
        self._timer.stop()
        self._resume_timer.stop()
        self._step_epochs = 0
        self._flush()
        self._set_state(PAUSED)

    @Slot()
    def step(self) -> None:
        """Exactly one epoch of training, then paused (or finished if that was the last).

        From a fresh worker that is two records per run: epoch 0 (the start) and epoch 1.
        While running, it pauses after one more epoch (the one under way, if any). A long
        epoch is done in slices, so a pause or stop meanwhile is handled at once (a pause
        ends the step where it is).
        """
        if self._state in (FINISHED, STOPPED):
            return
        self._timer.stop()
        self._step_epochs = 2 if self._fresh else 1
        self._continue_step()

    @Slot(object)
    def set_speed(self, epochs_per_second: float | None) -> None:
        """Change the pace; ``None`` is as fast as possible. Takes effect at once when running."""
        self._speed = checked_speed(epochs_per_second)
        if self._state == RUNNING and not self._step_epochs:
            self._start_timer()

    @Slot()
    def stop(self) -> None:
        """End the work for good; records not yet sent are dropped.

        A worker in a thread of its own also ends that thread's event loop, from inside, so
        the thread finishes right after the stop has been handled. (A ``quit()`` from outside
        could end the loop with this stop still queued and the timer still registered.)
        """
        self._timer.stop()
        self._resume_timer.stop()
        self._step_epochs = 0
        for records in self._pending.values():
            records.clear()
        self._active.clear()
        self._lane, self._mid_epoch = 0, False
        self._set_state(STOPPED)
        thread = self.thread()
        application = QCoreApplication.instance()
        if application is None or thread is not application.thread():
            thread.quit()

    # --- the work ---------------------------------------------------------------------------

    def _start_timer(self) -> None:
        if self._speed is None:
            # a zero timer: the next slice as soon as queued commands have been handled
            self._timer.setSingleShot(True)
            self._timer.start(0)
        else:
            # Precise: a coarse timer may fire up to 5 % early and make a slow pace stutter
            self._timer.setSingleShot(False)
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
            self._timer.start(max(MIN_PACED_INTERVAL_MS, round(1000.0 / self._speed)))
            self._next_epoch_due = time.perf_counter()

    def _tick(self) -> None:
        start = time.perf_counter()
        deadline = start + SLICE_SECONDS
        if self._speed is None:
            advance, clock, hold = self._advance_epochs, time.perf_counter, self._hold
            while self._active:
                if not hold.wait_free(HOLD_TIMEOUT_SECONDS):
                    break  # still drawing: look at queued commands, then wait again
                with hold.training():
                    chunk_start = clock()
                    advance(self._chunk)
                    now = clock()
                self._adapt_chunk(now - chunk_start)
                if now >= deadline:
                    break
        else:
            period = 1.0 / self._speed
            if self._next_epoch_due < start - MAX_LAG_SECONDS:
                self._next_epoch_due = start
            while self._active and self._next_epoch_due <= start + EARLY_TOLERANCE_SECONDS:
                if self._advance_one_epoch():
                    self._next_epoch_due += period
                if time.perf_counter() >= deadline:
                    break
        if not self._active:
            self._finish()
            return
        if time.perf_counter() - self._last_flush >= FLUSH_INTERVAL_SECONDS:
            self._flush()
        if self._state == RUNNING:
            if self._speed is None:
                self._timer.start(0)
            elif self._mid_epoch:
                self._resume_timer.start(0)  # the due epoch goes on after queued commands

    def _resume(self) -> None:
        """Carry on with the epoch left at a work mark (of a step, or of a paced run)."""
        if self._step_epochs:
            self._continue_step()
        elif self._state == RUNNING:
            self._tick()

    def _continue_step(self) -> None:
        """Train the step's epochs for up to one slice; then paused, or more after queued
        commands when the epoch is long."""
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._step_epochs and self._active:
            with self._hold.training():
                self._step_epochs -= self._advance_epochs(1)
            if self._mid_epoch and time.perf_counter() >= deadline:
                break
        if not self._active:
            self._step_epochs = 0
            self._finish()
            return
        if self._step_epochs:
            self._resume_timer.start(0)
            return
        self._flush()
        self._set_state(PAUSED)

    def _adapt_chunk(self, seconds: float) -> None:
        """Epochs per chunk: twice as many after a chunk under half of CHUNK_SECONDS, half as
        many after one over it."""
        if seconds < CHUNK_SECONDS / 2:
            self._chunk = min(EPOCHS_BETWEEN_CLOCK_CHECKS, 2 * self._chunk)
        elif seconds > CHUNK_SECONDS:
            self._chunk = max(1, self._chunk // 2)

    def _advance_one_epoch(self) -> bool:
        """One record of every active run (a run whose record is its last drops out);
        ``False`` when a run's generator made a work mark first (the epoch is under way)."""
        with self._hold.training():
            return self._advance_epochs(1) == 1

    def _advance_epochs(self, count: int) -> int:
        """``count`` epochs of every active run, or fewer when a run ends (it drops out
        after its last record, the others have done that epoch too) or when a run's
        generator makes a work mark (:attr:`_mid_epoch`: the next call carries on with the
        epoch from that run). Returns the number of epochs done."""
        self._fresh = False
        lanes = [(records, self._pending[name].append) for name, records in self._active]
        n_lanes = len(lanes)
        for done in range(count):
            ended = self._epoch_ended
            for lane in range(self._lane, n_lanes):
                records, append = lanes[lane]
                record = next(records, _ENDED)
                if record is WORKING:
                    self._lane, self._mid_epoch, self._epoch_ended = lane, True, ended
                    return done
                append(record)
                if record is _ENDED or getattr(record, "status", RUNNING) != RUNNING:
                    ended = True
            if self._mid_epoch:
                self._lane, self._mid_epoch, self._epoch_ended = 0, False, False
            if ended:  # rare: rebuild the list only when a run has ended
                still_active = []
                for name, records in self._active:
                    pending = self._pending[name]
                    if pending[-1] is _ENDED:  # ended without a final status
                        pending.pop()
                    elif _status(pending[-1]) == RUNNING:
                        still_active.append((name, records))
                self._active = still_active
                return done + 1
        return count

    def _finish(self) -> None:
        self._timer.stop()
        self._resume_timer.stop()
        self._flush()
        self._set_state(FINISHED)

    def _flush(self) -> None:
        self._last_flush = time.perf_counter()
        # lockstep: the records of the epoch under way wait until every run has done it
        held = [(name, self._pending[name].pop()) for name, _ in self._active[:self._lane]]
        batch = tuple(RunBatch(name, self._to_rows(records), records[-1])
                      for name, records in self._pending.items() if records)
        if batch:
            for records in self._pending.values():
                records.clear()
            self.records_ready.emit(batch)
        for name, record in held:
            self._pending[name].append(record)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)
