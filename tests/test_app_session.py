"""The lesson session and its training process: states, batching, pacing, and the trainer
that runs in the process.

Everything waits with qtbot.waitSignal / waitUntil / assertNotEmitted; nothing sleeps. Time is
measured only as a generous bound against a hang or as a lower bound that pacing guarantees by
construction, never as a speed requirement.
"""

from __future__ import annotations

import dataclasses
import os
import signal
import threading
import time

import numpy as np
import pytest
from PySide6.QtCore import QtMsgType

from nnlab.app.neuron_session import NeuronSession
from nnlab.app.trainer import FLUSH_INTERVAL_SECONDS, Trainer
from nnlab.core.experiment import ExperimentError
from nnlab.core.neuron import NeuronHistory, NeuronState, train_neuron
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from qt_helpers import training_processes

BOTH_COSTS = ("quadratic", "cross_entropy")


def lesson(epochs: int = 300, costs: tuple[str, ...] = BOTH_COSTS, speed=None):
    """The default lesson (preset neuron-2-2) with another length or other costs, trained
    as fast as possible unless a ``speed`` is given."""
    experiment = load_preset("neuron-2-2")
    training = dataclasses.replace(experiment.training, epochs=epochs, costs=costs,
                                   speed=speed)
    return dataclasses.replace(experiment, training=training)


def reference(experiment, cost: str) -> NeuronHistory:
    n, t = experiment.neuron, experiment.training
    return train_neuron(n.x, n.y, n.w, n.b, cost, t.learning_rate, t.epochs)


def is_state(wanted: str):
    return lambda state: state == wanted


def qt_warnings(qtlog) -> list[str]:
    bad = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
    return [record.message for record in qtlog.records if record.type in bad]


@pytest.fixture
def make_session(qtbot):
    """A factory of sessions, every one shut down at the end of the test even if it fails.
    They train as fast as possible unless ``at_its_pace`` (the experiment's speed)."""
    sessions = []

    def make(experiment=None, at_its_pace=False):
        session = NeuronSession(experiment)
        sessions.append(session)
        if not at_its_pace:
            session.set_speed(None)
        return session

    yield make
    for session in sessions:
        session.shutdown()
    assert all(session.training_process is None for session in sessions)


def run_to_end(qtbot, session, timeout=10_000):
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("finished"),
                          timeout=timeout):
        session.run()


# --- running ------------------------------------------------------------------------------


def test_a_new_session_is_idle_with_the_default_lesson(make_session):
    session = make_session(at_its_pace=True)
    assert session.experiment == load_preset("neuron-2-2")
    assert session.costs == BOTH_COSTS
    assert session.state == "idle"
    assert session.latest_epoch == 0
    assert session.speed == 10.0  # the preset's pace, which a class can follow
    # epoch 0, the start, is there before any training: a = σ(w·x + b) = σ(4)
    assert {name: len(history) for name, history in session.histories.items()} == {
        "quadratic": 1, "cross_entropy": 1}
    assert session.row_for_epoch("quadratic", 0) == 0
    start_a = 1 / (1 + np.exp(-4.0))
    for history in session.histories.values():
        assert history.view()["epoch"][0] == 0
        assert history.view()["a"][0] == pytest.approx(start_a, rel=1e-12)
    assert session.training_process is None  # started when first needed


def test_the_first_step_adds_epoch_1_after_the_start(qtbot, make_session):
    session = make_session()
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("paused")):
        session.step()
    for name, history in session.histories.items():
        assert list(history.view()["epoch"]) == [0, 1], name


def test_running_to_the_end_gives_train_neurons_histories(qtbot, make_session):
    session = make_session()
    finished = []
    session.run_finished.connect(lambda *args: finished.append(args))
    run_to_end(qtbot, session)

    assert session.state == "finished"
    assert session.latest_epoch == 300
    for cost in BOTH_COSTS:
        history = session.histories[cost]
        assert len(history) == 301
        expected = reference(session.experiment, cost).columns()
        for column, values in history.columns().items():
            np.testing.assert_array_equal(values, expected[column], err_msg=column)
        assert history.status == "finished"
    assert sorted(finished) == [("cross_entropy", "finished", ""), ("quadratic", "finished", "")]
    # nothing under way: the process waits for the next run
    assert not session.is_training


def test_set_costs_to_one_cost_gives_one_run(qtbot, make_session):
    session = make_session()
    with qtbot.waitSignal(session.experiment_changed):
        session.set_costs(("quadratic",))
    assert session.costs == ("quadratic",)
    assert session.experiment.training.costs == ("quadratic",)
    run_to_end(qtbot, session)
    assert list(session.histories) == ["quadratic"]
    assert len(session.histories["quadratic"]) == 301


def test_a_bad_cost_or_speed_or_kind_is_refused(make_session):
    session = make_session()
    with pytest.raises(ExperimentError, match="training.costs"):
        session.set_costs(("hinge",))
    for speed in (0, -1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="epochs per second"):
            session.set_speed(speed)
    network = load_preset("xor-2-8-2")
    with pytest.raises(ValueError, match="network"):
        session.set_experiment(network)
    assert session.costs == BOTH_COSTS and session.speed is None  # unchanged


def test_run_after_finished_starts_again_from_epoch_0(qtbot, make_session):
    session = make_session()
    run_to_end(qtbot, session)
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("finished")):
        session.toggle_run()
    epochs = session.histories["quadratic"].view()["epoch"]
    np.testing.assert_array_equal(epochs, np.arange(301))


# --- pause, step, speed -------------------------------------------------------------------


def test_pause_stops_growth_and_run_resumes(qtbot, make_session):
    session = make_session(lesson(epochs=1_000_000))
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
        session.toggle_run()
    qtbot.waitUntil(lambda: session.latest_epoch > 0)
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("paused")):
        session.toggle_run()
    rows = {name: len(history) for name, history in session.histories.items()}
    latest = session.latest_epoch

    with qtbot.assertNotEmitted(session.data_changed, wait=200):
        pass  # processes events for 200 ms: no record may arrive while paused
    assert {name: len(history) for name, history in session.histories.items()} == rows
    assert session.latest_epoch == latest
    assert rows["quadratic"] == rows["cross_entropy"]  # lockstep
    assert session.is_training  # paused, not stopped

    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
        session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > latest)


def test_step_from_idle_shows_epochs_0_and_1_then_one_epoch_per_step(qtbot, make_session):
    session = make_session()
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("paused")):
        session.step()
    assert session.latest_epoch == 1
    for cost in BOTH_COSTS:
        columns = session.histories[cost].columns()
        np.testing.assert_array_equal(columns["epoch"], [0, 1])
        np.testing.assert_array_equal(columns["a"], reference(session.experiment, cost).a[:2])

    for expected_epoch in (2, 3):
        with qtbot.waitSignal(session.data_changed):
            session.step()
        assert session.latest_epoch == expected_epoch
        assert all(len(history) == expected_epoch + 1 for history in session.histories.values())
    with qtbot.assertNotEmitted(session.data_changed, wait=100):
        pass  # a step is one epoch, not the start of a run
    assert session.latest_epoch == 3
    assert session.state == "paused"


def test_stepping_past_the_last_epoch_finishes(qtbot, make_session):
    session = make_session(lesson(epochs=2))
    session.step()
    qtbot.waitUntil(lambda: session.latest_epoch == 1)
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("finished")):
        session.step()
    assert session.latest_epoch == 2
    session.step()  # nothing left to do
    assert session.state == "finished" and session.latest_epoch == 2


def test_a_slow_speed_trains_fewer_epochs_than_max_speed(qtbot, make_session):
    slow = make_session(lesson(epochs=10_000))
    slow.set_speed(5)
    fast = make_session(lesson(epochs=1_000_000))
    started = time.monotonic()
    slow.run()
    fast.run()
    qtbot.waitUntil(lambda: slow.latest_epoch >= 3, timeout=10_000)
    elapsed = time.monotonic() - started
    slow_epochs, fast_epochs = slow.latest_epoch, fast.latest_epoch

    # at 5 epochs/s epoch k is due (k - 1)/5 s after Run (epoch 1 at once), never earlier
    assert elapsed >= 0.35
    assert slow_epochs <= 5 * elapsed + 2
    assert fast_epochs > 10 * slow_epochs
    np.testing.assert_array_equal(slow.histories["quadratic"].view()["epoch"],
                                  np.arange(slow_epochs + 1))


def test_speed_can_change_while_running(qtbot, make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.set_speed(2)
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
        session.run()
    session.set_speed(None)
    qtbot.waitUntil(lambda: session.latest_epoch > 1000, timeout=10_000)
    assert session.speed is None


# --- batching -----------------------------------------------------------------------------


def test_records_arrive_in_batches_not_one_signal_each(qtbot, make_session):
    epochs = 100_000
    session = make_session(lesson(epochs=epochs))
    batches = []
    session.data_changed.connect(lambda: batches.append(session.latest_epoch))
    run_to_end(qtbot, session, timeout=60_000)
    assert session.latest_epoch == epochs
    assert 0 < len(batches) < epochs / 50
    assert batches == sorted(batches)
    # the history is bounded: evenly spaced epochs plus the last one
    for history in session.histories.values():
        assert len(history) <= 100_001
        assert history.last()["epoch"] == epochs


# --- the trainer: the training process's loop, driven here in the test's own process -----


class ListedRun:
    """A stand-in for a PreparedRun: ``count`` records, the last with status ``final``; at
    epoch ``fail_at`` its generator raises."""

    def __init__(self, name, count, final="finished", message="", fail_at=None):
        self.name, self.count, self.final, self.message = name, count, final, message
        self.fail_at = fail_at

    def start(self, **options):
        def records():
            for epoch in range(self.count):
                if epoch == self.fail_at:
                    raise ValueError("the data went away")
                last = epoch == self.count - 1
                yield NeuronState(epoch, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0,
                                  self.final if last else "running",
                                  self.message if last else "")
        return type("Started", (), {"records": records()})()


def trainer_with(runs, generation=7, speed=None, to_rows=list):
    sent = []
    trainer = Trainer(sent.append)
    trainer.handle(("load", runs, {}, to_rows))
    trainer.handle(("speed", speed))
    trainer.handle(("start", generation))
    return trainer, sent


def work_until(trainer, done, limit=10_000):
    """Let the trainer work, as its loop does when no command waits, until ``done()``."""
    for _ in range(limit):
        if done():
            return
        trainer.work()
    raise AssertionError("the trainer never got there")


def sent_rows(sent):
    rows = {}
    for kind, _generation, content in sent:
        if kind == "rows":
            for name, records, status, message, _evaluated in content:
                assert records[-1].status == status and records[-1].message == message
                rows.setdefault(name, []).extend((r.epoch, r.status) for r in records)
    return rows


def test_the_trainer_sends_the_rows_of_every_run_in_lockstep():
    trainer, sent = trainer_with([ListedRun("short", 3, "diverged", "diverged at epoch 2"),
                                  ListedRun("long", 5)])
    trainer.handle(("run",))
    work_until(trainer, lambda: ("state", 7, "finished") in sent)
    assert all(generation == 7 for _kind, generation, _content in sent)
    # epoch 0 is the session's own: the process sends from epoch 1
    assert sent_rows(sent) == {
        "short": [(1, "running"), (2, "diverged")],
        "long": [(1, "running"), (2, "running"), (3, "running"), (4, "finished")],
    }
    assert [content for kind, _, content in sent if kind == "state"] == ["running", "finished"]
    count = len(sent)
    trainer.handle(("run",))  # finished: nothing more to train in this generation
    trainer.work()
    assert len(sent) == count


def test_a_step_trains_one_epoch_of_every_run_and_pauses():
    runs = build_runs(lesson())
    trainer, sent = trainer_with(runs)
    for expected_epoch in (1, 2):
        sent.clear()
        trainer.handle(("step",))
        work_until(trainer, lambda: any(kind == "state" for kind, _, _ in sent)
                   or trainer.timeout() is None)
        assert sent_rows(sent) == {"quadratic": [(expected_epoch, "running")],
                                   "cross_entropy": [(expected_epoch, "running")]}
        assert trainer.timeout() is None  # paused: nothing to do until a command comes
    for kind, _, content in sent:
        if kind == "rows":
            for name, records, _status, _message, _evaluated in content:
                assert records[-1].a == reference(lesson(), name).a[2]


def test_two_steps_that_arrive_together_train_two_epochs():
    """→ pressed twice quickly: both commands are read before the trainer works again, and
    each is one epoch (the second used to replace the first)."""
    trainer, sent = trainer_with(build_runs(lesson()))
    trainer.handle(("step",))
    trainer.handle(("step",))
    work_until(trainer, lambda: trainer.timeout() is None)
    assert sent_rows(sent) == {"quadratic": [(1, "running"), (2, "running")],
                               "cross_entropy": [(1, "running"), (2, "running")]}


def test_a_stopped_generation_sends_nothing_more():
    trainer, sent = trainer_with([ListedRun("run", 1000)])
    trainer.handle(("run",))
    trainer.work()
    trainer.handle(("stop",))
    count = len(sent)
    for command in (("run",), ("step",)):
        trainer.handle(command)
        trainer.work()
    assert len(sent) == count and trainer.timeout() is None


def test_a_run_that_raises_is_reported_with_its_error_and_the_trainer_goes_on():
    trainer, sent = trainer_with([ListedRun("run", 10, fail_at=3)])
    trainer.handle(("run",))
    work_until(trainer, lambda: any(kind == "failed" for kind, _, _ in sent))
    kind, generation, text = sent[-1]
    assert (kind, generation) == ("failed", 7)
    assert text.startswith("ValueError: the data went away")
    assert trainer.timeout() is None  # idle, ready for the next generation
    trainer.handle(("load", [ListedRun("again", 3)], {}, list))
    trainer.handle(("start", 8))
    trainer.handle(("run",))
    work_until(trainer, lambda: ("state", 8, "finished") in sent)


def test_at_a_set_speed_the_trainer_waits_for_the_next_epoch_without_working():
    trainer, sent = trainer_with([ListedRun("run", 1000)], speed=5)
    trainer.handle(("run",))
    trainer.work()  # epoch 1 is due at once
    assert 0 < trainer.timeout() <= 0.2  # epoch 2 is due 1/5 s later: it waits in poll
    trainer.work()  # too early: nothing
    trainer.handle(("pause",))
    assert sent_rows(sent) == {"run": [(1, "running")]}


def test_rows_travel_in_batches_at_most_sixty_a_second():
    trainer, sent = trainer_with([ListedRun("a", 200_001), ListedRun("b", 200_001)])
    started = time.perf_counter()
    trainer.handle(("run",))
    work_until(trainer, lambda: ("state", 7, "finished") in sent, limit=1_000_000)
    seconds = time.perf_counter() - started
    batches = [content for kind, _, content in sent if kind == "rows"]
    # one batch per flush interval at most, and a last one with the state
    assert len(batches) <= seconds / FLUSH_INTERVAL_SECONDS + 2
    assert sent_rows(sent)["a"][-1] == (200_000, "finished")


# --- reset, shutdown, the process -----------------------------------------------------------


def test_reset_mid_run_keeps_the_process_and_a_new_run_starts_clean(qtbot, qtlog,
                                                                    make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 1000, timeout=10_000)
    process = session.training_process
    with qtbot.waitSignal(session.data_changed, timeout=0):
        with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("idle")):
            session.reset()
    assert session.training_process is process and process.is_alive  # warm for the next run
    assert not session.is_training
    assert session.state == "idle"
    assert session.latest_epoch == 0
    at_the_start = {name: list(history.view()["epoch"])
                    for name, history in session.histories.items()}
    assert at_the_start == {"quadratic": [0], "cross_entropy": [0]}
    with qtbot.assertNotEmitted(session.data_changed, wait=300):
        pass  # rows the process had already sent must not arrive now
    assert {name: list(history.view()["epoch"])
            for name, history in session.histories.items()} == at_the_start

    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 100, timeout=10_000)
    session.pause()
    qtbot.waitUntil(lambda: session.state == "paused")
    epochs = session.histories["quadratic"].view()["epoch"]
    np.testing.assert_array_equal(epochs, np.arange(len(epochs)))
    assert qt_warnings(qtlog) == []


def test_shutdown_mid_run_at_max_speed_ends_the_process_promptly(qtbot, qtlog, make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 1000, timeout=10_000)
    pid = session.training_process.pid
    started = time.monotonic()
    session.shutdown()
    assert time.monotonic() - started < 5.0  # a bound against a hang, not a speed target
    assert pid not in [child for child, _ in training_processes()]  # ended and reaped
    assert session.state == "idle"
    assert session.latest_epoch > 1000  # kept, e.g. for an export while closing
    session.shutdown()  # idempotent
    # a later run starts from epoch 0 in a new process
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
        session.run()
    assert session.training_process.pid != pid
    assert session.histories["quadratic"].view()["epoch"][0] == 0
    assert qt_warnings(qtlog) == []


def test_twenty_sessions_run_and_shut_down_leave_no_process(qtbot, qtlog):
    for _ in range(20):
        session = NeuronSession(lesson(epochs=1_000_000))
        with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
            session.run()
        session.shutdown()
        session.deleteLater()
    assert training_processes() == []  # none running, none a zombie
    assert qt_warnings(qtlog) == []


def test_a_killed_process_is_reported_the_rows_stay_and_a_run_starts_a_new_one(
        qtbot, make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 100, timeout=10_000)
    pid = session.training_process.pid
    with qtbot.waitSignal(session.training_failed, timeout=5_000) as failed:
        os.kill(pid, signal.SIGKILL)
    assert "ended unexpectedly" in failed.args[0] and "SIGKILL" in failed.args[0]
    assert session.state == "idle" and session.training_process is None
    assert session.latest_epoch > 100  # what was trained stays on show
    assert pid not in [child for child, _ in training_processes()]  # reaped
    with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
        session.run()
    assert session.training_process.pid != pid
    qtbot.waitUntil(lambda: session.latest_epoch > 10, timeout=10_000)
    assert session.histories["quadratic"].view()["epoch"][0] == 0  # from the start again


def test_a_new_experiment_resets(qtbot, make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 0, timeout=10_000)
    with qtbot.waitSignal(session.experiment_changed):
        session.set_experiment(lesson(epochs=300))
    assert session.state == "idle" and session.latest_epoch == 0
    assert not session.is_training
    run_to_end(qtbot, session)
    assert session.latest_epoch == 300


def test_the_histories_may_only_be_touched_from_the_sessions_thread(make_session):
    session = make_session()
    errors = []

    def reset_from_another_thread():
        try:
            session.reset()
        except AssertionError as error:
            errors.append(error)

    other = threading.Thread(target=reset_from_another_thread)
    other.start()
    other.join()
    assert len(errors) == 1


# --- what the window reads ----------------------------------------------------------------


def test_load_finished_and_row_for_epoch_on_a_thinned_history(qtbot, make_session):
    session = make_session()
    experiment = session.experiment
    n, t = experiment.neuron, experiment.training
    thinned = train_neuron(n.x, n.y, n.w, n.b, "quadratic", t.learning_rate, t.epochs,
                           max_rows=100)
    with qtbot.waitSignal(session.experiment_changed):
        session.load_finished({"quadratic": thinned})
    assert session.state == "finished"
    assert session.costs == ("quadratic",)
    assert session.latest_epoch == 300

    epochs = session.histories["quadratic"].view()["epoch"]
    assert len(epochs) < 301  # evenly spaced epochs, not every one
    for epoch in (0, 1, 5, 150, 299, 300, 10_000):
        row = session.row_for_epoch("quadratic", epoch)
        assert epochs[row] <= epoch
        assert row == len(epochs) - 1 or epochs[row + 1] > epoch
    assert session.row_for_epoch("quadratic", -1) == -1


def test_the_trainer_evaluates_the_newest_parameters_of_a_batch_where_they_are():
    from nnlab.core.evaluation import evaluate, evaluate_parameters
    from nnlab.core.training import network_rows

    runs = build_runs(load_preset("xor-2-8-2"))
    sent = []
    trainer = Trainer(sent.append)
    trainer.handle(("load", runs, {"keep_parameters": True}, network_rows,
                    evaluate_parameters))
    trainer.handle(("start", 1))
    trainer.handle(("step",))
    work_until(trainer, lambda: ("state", 1, "paused") in sent)
    (kind, _, batch), = [message for message in sent if message[0] == "rows"]
    assert [item.name for item in batch] == [run.name for run in runs]
    for item, run in zip(batch, runs):
        epoch, evaluation = item.evaluated
        assert epoch == 1
        # the run's epoch 1 trained again here, and its network evaluated here
        records = run.start(keep_parameters=True).records
        next(records)
        network = run.initial_network.copy()
        network.parameters[...] = next(records).parameters
        expected = evaluate(network, run.dataset)
        np.testing.assert_array_equal(evaluation.outputs, expected.outputs)
        np.testing.assert_array_equal(evaluation.matrix, expected.matrix)
        assert evaluation.on_test_set and evaluation.total == len(run.dataset.x_test)


# --- garbage collection --------------------------------------------------------------------

def test_cyclic_garbage_is_collected_from_the_gui_threads_event_loop(qtbot):
    """Not in a thread that allocates (a data loading thread), and not inside whatever Qt
    call was under way when a threshold was crossed: from a timer of the event loop."""
    import gc
    import subprocess
    import sys

    app_sets_it_up = subprocess.run(
        [sys.executable, "-c", "import gc; from nnlab.gui.app import create_application; "
         "app = create_application([]); "
         "print(gc.isenabled(), app.garbage_collector.timer.isActive())"],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert app_sets_it_up.stdout.split() == ["False", "True"], app_sets_it_up.stderr
    assert not gc.isenabled()  # the suite sets up the same collector (conftest.py)
    freed_in = []

    class Node:
        def __del__(self):
            freed_in.append(threading.current_thread())

    node = Node()
    node.cycle = node  # only the cycle collector can free it
    del node

    def allocate():  # what a loading thread does: many tracked objects
        keep = []
        for index in range(200_000):
            keep.append((index, [index]))
            if len(keep) > 1000:
                keep.clear()

    thread = threading.Thread(target=allocate)
    thread.start()
    thread.join()
    assert freed_in == []  # the allocations did not collect
    # more live objects than the youngest generation's threshold: a collection is due
    survivors = [[index] for index in range(2 * gc.get_threshold()[0])]
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5_000)
    del survivors
    assert freed_in == [threading.main_thread()]
