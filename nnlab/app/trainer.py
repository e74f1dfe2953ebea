"""The training process: it runs the core's generators for a session and sends their rows.

:class:`~nnlab.app.training_process.TrainingProcess` starts :func:`serve` in a process of its
own (the ``spawn`` start method), so training and drawing run side by side on separate cores
instead of taking turns at one interpreter lock. This module imports no Qt: the process
starts in a fraction of a second and knows nothing of windows.

Commands arrive over the pipe as tuples; what the process sends back is tuples too:

=============================  ===========================================================
command                        what the trainer does
=============================  ===========================================================
``("load", runs, options,      keep these :class:`~nnlab.core.runner.PreparedRun` s (data
to_rows, evaluate)``           included) for the starts that follow; ``options`` are the
                               keywords of ``run.start``, ``to_rows`` turns a run's new
                               records into what its history's ``extend_rows`` takes,
                               ``evaluate(run, parameters)`` (or None) evaluates a run's
                               newest parameters for the batch
``("start", generation)``      begin the loaded runs anew (their epoch 0, which the session
                               took itself, is skipped); everything sent about them carries
                               ``generation``
``("run",)``, ``("pause",)``,  as the session's commands of the same name
``("step",)``
``("speed", s)``               epochs per second, ``None`` as fast as possible
``("stop",)``                  drop the runs: training of this generation is over
``("quit",)``                  end the process
=============================  ===========================================================

=====================================  ===================================================
message                                meaning
=====================================  ===================================================
``("rows", generation, batch)``        a tuple of :class:`RunBatch`, one per run with new
                                       records since the last message
``("state", generation, state)``       "running", "paused" or "finished"
``("failed", generation, text)``       training raised (``text`` names the error); the
                                       runs are dropped
=====================================  ===================================================

Rows are sent in batches, at most :data:`FLUSH_INTERVAL_SECONDS` apart (never per epoch), and
pending rows always before a state, so whoever reads "paused" or "finished" has every row
before it. A batch also carries, when the session asked for it, each run's evaluation of the
newest parameters in it (the lab's accuracy, confusion counts and mistakes on the test set),
computed here where the parameters are, in at most :data:`EVALUATION_SHARE` of the time.
Runs advance in lockstep, one epoch of every active run at a time: runs compared
side by side are at the same epoch. A long epoch yields work marks
(:data:`~nnlab.core.training.WORKING`) between mini-batches, at which the trainer looks at its
commands and later carries on from there.

"One epoch of training" is one update of the parameters.
"""

from __future__ import annotations

import math
import signal
import time
import traceback
from itertools import islice
from typing import Any, Callable, NamedTuple

from ..core.states import FINISHED, IDLE, PAUSED, RUNNING
from ..core.training import WORKING

SLICE_SECONDS = 0.01
"""How long the trainer trains at full speed before it looks at its commands again."""

FLUSH_INTERVAL_SECONDS = 1.0 / 60.0
"""Shortest time between two ``rows`` messages: at most 60 a second, whatever the speed."""

MAX_LAG_SECONDS = 0.25
"""At a set speed, epochs overdue by more than this (the machine was busy) are forgiven,
so training does not race to catch up afterwards."""

WORK_MARK_SECONDS = 0.005
"""How much training a run's generator does, at most, between two looks at the commands
within an epoch (its ``work_marks``): pause and stop answer within about this, plus one
mini-batch, however long an epoch is."""

EVALUATION_SHARE = 0.05
"""The most of its time the trainer spends evaluating the newest parameters for the batches:
after an evaluation that took t, the next one waits t / EVALUATION_SHARE."""

EPOCHS_PER_CLOCK_CHECK = 1024
"""At full speed the clock is read at most once per this many epochs (reading it every
epoch costs a noticeable share of an epoch of the single neuron); fewer when an epoch is
long, so that a slice stays near SLICE_SECONDS."""


class RunBatch(NamedTuple):
    """One run's records since the last batch: ``rows`` is what ``to_rows`` made of them,
    ``status`` and ``message`` are the newest record's (the status tells if the run ended);
    ``evaluated`` is (epoch, evaluation) of the newest parameters among them, or None."""

    name: str
    rows: Any
    status: str
    message: str
    evaluated: tuple[int, Any] | None = None


_ENDED = object()  # a run whose records ran out without a final status


def _status(record: Any) -> str:
    return getattr(record, "status", RUNNING)


class Trainer:
    """The runs of one generation and the commands about them (see the module docstring).
    ``send`` takes one message; :meth:`handle` one command; :meth:`work` trains a little and
    :meth:`timeout` says when it wants to next (None: only when a command comes)."""

    def __init__(self, send: Callable[[tuple], None]):
        self._send = send
        self._runs: list = []
        self._runs_by_name: dict = {}
        self._options: dict = {}
        self._to_rows: Callable[[list], Any] = tuple
        self._evaluate: Callable[[Any, Any], Any] | None = None
        self._work_marks = False  # the runs' generators may yield WORKING
        self._next_evaluation = 0.0
        self._generation = -1
        self._active: list[tuple[str, Any]] = []
        self._pending: dict[str, list] = {}
        self._state = IDLE
        self._pace: float | None = None
        self._step_epochs = 0  # epochs a step still has to do
        self._next_epoch_due = 0.0
        self._last_flush = -math.inf
        # a run's generator made a work mark: the runs before ``_lane`` have done the epoch
        # under way (their records wait at the end of their pending lists), ``_lane`` is in it
        self._lane = 0
        self._mid_epoch = False
        self._epoch_ended = False
        self.quit = False

    # --- commands -----------------------------------------------------------------------

    def handle(self, command: tuple) -> None:
        name, *arguments = command
        self._guarded(getattr(self, "_" + name), *arguments)

    def _load(self, runs: list, options: dict, to_rows: Callable[[list], Any],
              evaluate: Callable[[Any, Any], Any] | None = None) -> None:
        self._stop()
        self._runs, self._options, self._to_rows = runs, options, to_rows
        self._runs_by_name = {run.name: run for run in runs}
        self._evaluate = evaluate
        self._work_marks = bool(options.get("work_marks"))

    def _start(self, generation: int) -> None:
        self._stop()
        self._generation = generation
        self._active = []
        for run in self._runs:
            records = run.start(**self._options).records
            first = next(records, None)  # epoch 0: the session has it
            if first is not None and _status(first) == RUNNING:
                self._active.append((run.name, records))
        self._pending = {name: [] for name, _ in self._active}

    def _run(self) -> None:
        if self._generation < 0 or self._state == FINISHED:
            return
        self._step_epochs = 0
        if not self._active:
            self._finish()
            return
        if self._state != RUNNING:
            self._next_epoch_due = time.perf_counter()
            self._set_state(RUNNING)

    def _pause(self) -> None:
        if self._state != RUNNING and not self._step_epochs:
            return
        self._step_epochs = 0
        self._flush(evaluate=True)
        self._set_state(PAUSED)

    def _step(self) -> None:
        if self._generation < 0 or self._state == FINISHED:
            return
        if not self._active:
            self._finish()
            return
        self._step_epochs += 1  # each step one epoch, however quickly they come

    def _speed(self, epochs_per_second: float | None) -> None:
        self._pace = epochs_per_second
        self._next_epoch_due = time.perf_counter()

    def _stop(self) -> None:
        self._active, self._pending = [], {}
        self._lane, self._mid_epoch, self._epoch_ended = 0, False, False
        self._step_epochs = 0
        self._state = IDLE
        self._generation = -1

    def _quit(self) -> None:
        self._stop()
        self.quit = True

    # --- the work -------------------------------------------------------------------------

    def timeout(self) -> float | None:
        """Seconds until the trainer wants to work again; None: not before a command."""
        if self._step_epochs or (self._state == RUNNING and self._pace is None):
            return 0.0
        if self._state != RUNNING:
            return None
        wait = self._next_epoch_due - time.perf_counter()
        if self._mid_epoch:
            wait = 0.0
        flush = self._last_flush + FLUSH_INTERVAL_SECONDS - time.perf_counter()
        if any(self._pending.values()):
            wait = min(wait, max(flush, 0.0))
        return max(wait, 0.0)

    def work(self) -> None:
        """Train for up to one slice (a step's epoch, the due epochs at a set speed, or as
        many as fit at full speed), then send the rows if it is time."""
        self._guarded(self._work)

    def _guarded(self, action: Callable, *arguments) -> None:
        """``action``; if it raises, the runs are dropped and the session told why."""
        try:
            action(*arguments)
        except Exception as error:  # noqa: BLE001 - the session must hear of any failure
            generation = self._generation
            self._stop()
            self._send(("failed", generation, _error_text(error)))

    def _work(self) -> None:
        start = time.perf_counter()
        deadline = start + SLICE_SECONDS
        if self._step_epochs:
            while self._step_epochs and self._active:
                self._step_epochs -= self._advance_epochs(1)
                if self._mid_epoch and time.perf_counter() >= deadline:
                    return  # the rest of the epoch after a look at the commands
            if not self._active:
                self._finish()
                return
            self._flush(evaluate=True)
            self._set_state(PAUSED)
            return
        if self._state != RUNNING:
            return
        if self._pace is None:
            chunk = 1
            while self._active:
                chunk_start = time.perf_counter()
                self._advance_epochs(chunk)
                now = time.perf_counter()
                if now >= deadline or self._mid_epoch:
                    break
                if now - chunk_start < SLICE_SECONDS / 8:
                    chunk = min(EPOCHS_PER_CLOCK_CHECK, 2 * chunk)
        else:
            period = 1.0 / self._pace
            if self._next_epoch_due < start - MAX_LAG_SECONDS:
                self._next_epoch_due = start
            while self._active and (self._mid_epoch or self._next_epoch_due <= start):
                if self._advance_epochs(1):
                    self._next_epoch_due += period
                if time.perf_counter() >= deadline:
                    break
        if not self._active:
            self._finish()
        elif time.perf_counter() - self._last_flush >= FLUSH_INTERVAL_SECONDS:
            self._flush()

    def _advance_epochs(self, count: int) -> int:
        """``count`` epochs of every active run, or fewer when a run ends (it drops out after
        its last record; the others have done that epoch too) or when a run's generator makes
        a work mark (the next call carries on with the epoch from that run). Returns the
        number of epochs done."""
        if not self._work_marks:
            return self._advance_unmarked(count)
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
                # every record has a status (NeuronState, EpochRecord)
                if record is _ENDED or record.status != RUNNING:
                    ended = True
            if self._mid_epoch:
                self._lane, self._mid_epoch, self._epoch_ended = 0, False, False
            if ended:
                self._drop_ended_runs()
                return done + 1
        return count

    def _advance_unmarked(self, count: int) -> int:
        """:meth:`_advance_epochs` for runs that make no work marks (the single neuron's),
        where one epoch takes a microsecond: each run's ``count`` records are taken in one
        go (``islice``, without a Python loop per record), so the runs are in lockstep at
        every batch rather than at every epoch. A run that ends sooner drops out."""
        still_active = []
        for name, records in self._active:
            pending = self._pending[name]
            before = len(pending)
            pending.extend(islice(records, count))
            if len(pending) - before == count and pending[-1].status == RUNNING:
                still_active.append((name, records))
        self._active = still_active
        return count

    def _drop_ended_runs(self) -> None:
        """After an epoch in which a run ended (rare): the runs still running go on."""
        still_active = []
        for name, records in self._active:
            pending = self._pending[name]
            if pending[-1] is _ENDED:  # its records ran out without a final status
                pending.pop()
            elif _status(pending[-1]) == RUNNING:
                still_active.append((name, records))
        self._active = still_active

    def _finish(self) -> None:
        self._step_epochs = 0
        self._flush(evaluate=True)
        self._set_state(FINISHED)

    def _flush(self, evaluate: bool = False) -> None:
        """Send the pending rows (with evaluations, if due or ``evaluate``: the last batch
        before a pause or the end always has them)."""
        self._last_flush = time.perf_counter()
        # lockstep: the records of the epoch under way wait until every run has done it
        held = [(name, self._pending[name].pop()) for name, _ in self._active[:self._lane]]
        evaluated = self._evaluated(evaluate)
        batch = tuple(RunBatch(name, self._to_rows(records), _status(records[-1]),
                               getattr(records[-1], "message", ""), evaluated.get(name))
                      for name, records in self._pending.items() if records)
        if batch:
            for records in self._pending.values():
                records.clear()
            self._send(("rows", self._generation, batch))
        for name, record in held:
            self._pending[name].append(record)

    def _evaluated(self, anyway: bool) -> dict[str, tuple[int, Any]]:
        """name → (epoch, evaluation) of the newest parameters pending for each run, if the
        session asked for evaluations and the time share allows one now (or ``anyway``)."""
        now = time.perf_counter()
        if self._evaluate is None or (now < self._next_evaluation and not anyway):
            return {}
        runs = self._runs_by_name
        evaluated = {}
        for name, records in self._pending.items():
            record = records[-1] if records else None
            parameters = getattr(record, "parameters", None)
            if parameters is not None and name in runs:
                evaluated[name] = (record.epoch, self._evaluate(runs[name], parameters))
        self._next_evaluation = now + (time.perf_counter() - now) / EVALUATION_SHARE
        return evaluated

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self._send(("state", self._generation, state))


def _error_text(error: BaseException) -> str:
    """The error's type and text, and where in nnlab it was raised."""
    frames = [frame for frame in traceback.extract_tb(error.__traceback__)
              if "nnlab" in frame.filename]
    where = f" ({frames[-1].name}, line {frames[-1].lineno})" if frames else ""
    return f"{type(error).__name__}: {error}{where}"


def serve(connection) -> None:
    """The training process's main loop: commands from ``connection``, messages back over
    it, until "quit" or until the window's process is gone (the pipe closes)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the window's
    trainer = Trainer(connection.send)
    try:
        while not trainer.quit:
            if connection.poll(trainer.timeout()):
                trainer.handle(connection.recv())
                continue
            trainer.work()
    except (EOFError, OSError, KeyboardInterrupt):
        pass  # the window's process has gone: nothing to train for
    finally:
        connection.close()
