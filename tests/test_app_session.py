"""The lesson session and its training worker: states, threads, batching, pacing.

Everything waits with qtbot.waitSignal / waitUntil / assertNotEmitted; nothing sleeps. Time is
measured only as a generous bound against a hang or as a lower bound that pacing guarantees by
construction, never as a speed requirement.
"""

from __future__ import annotations

import dataclasses
import threading
import time

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QtMsgType

from nnlab.app.neuron_session import NeuronSession
from nnlab.app import worker as worker_module
from nnlab.app.worker import DrawingHold, TrainingWorker
from nnlab.core.experiment import ExperimentError
from nnlab.core.neuron import NeuronHistory, NeuronState, train_neuron
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs

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
    assert not any(session.is_training_thread_running for session in sessions)


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
    assert not session.is_training_thread_running


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
    # a finished session holds no thread
    assert not session.is_training_thread_running


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
    assert session.is_training_thread_running  # paused, not stopped

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


def test_the_worker_sends_records_of_every_run_in_lockstep(qtbot):
    def records(count, final="finished", message=""):
        for epoch in range(count):
            last = epoch == count - 1
            yield NeuronState(epoch, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0,
                              final if last else "running", message if last else "")

    # lives in the test's thread: the timer and the signals work without a second thread
    worker = TrainingWorker([("short", records(3, "diverged", "diverged at epoch 2")),
                             ("long", records(5))])
    batches, states = [], []
    worker.records_ready.connect(batches.append)
    worker.state_changed.connect(states.append)
    with qtbot.waitSignal(worker.state_changed, check_params_cb=is_state("finished")):
        worker.run()
    sent = {}
    for batch in batches:
        for name, rows, last in batch:
            assert rows[-1] is last
            sent.setdefault(name, []).extend((record.epoch, record.status) for record in rows)
    assert sent == {
        "short": [(0, "running"), (1, "running"), (2, "diverged")],
        "long": [(0, "running"), (1, "running"), (2, "running"), (3, "running"),
                 (4, "finished")],
    }
    assert states == ["running", "finished"]
    worker.run()  # finished is final
    assert states == ["running", "finished"]


def test_at_full_speed_the_worker_trains_nothing_while_the_gui_draws(qtbot):
    taken = []

    def records(count):
        for epoch in range(count):
            taken.append(epoch)
            yield NeuronState(epoch, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0,
                              "finished" if epoch == count - 1 else "running", "")

    hold = DrawingHold()
    assert hold.try_take()  # the GUI is drawing
    worker = TrainingWorker([("run", records(1000))], None, hold=hold)
    with qtbot.assertNotEmitted(worker.records_ready, wait=400):
        worker.run()  # waits for the drawing, handles its event loop, waits again
    assert taken == [] and worker.state == "running"
    with qtbot.waitSignal(worker.state_changed, check_params_cb=is_state("finished")):
        hold.release()  # drawn: training goes on
    assert taken == list(range(1000))


def test_the_window_takes_the_hold_only_between_chunks_of_training():
    hold = DrawingHold()
    inside, leave = threading.Event(), threading.Event()

    def chunk():  # the worker, in the middle of a chunk of epochs
        with hold.training():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=chunk)
    worker.start()
    try:
        assert inside.wait(5)
        assert not hold.try_take() and not hold.taken  # training now: not yet
        assert not hold.wait_free(0)  # but asked: the worker stops after this chunk
    finally:
        leave.set()
        worker.join(5)
    assert hold.try_take() and hold.taken
    assert hold.try_take()  # already the window's
    hold.release()
    assert not hold.taken and hold.wait_free(0)


def test_a_worker_with_slow_epochs_gives_up_the_hold_after_the_epoch_under_way(qtbot):
    """A digits epoch takes milliseconds, a neuron's microseconds: the worker looks whether
    the window wants to draw after about CHUNK_SECONDS of training, not after 32 epochs."""
    hold = DrawingHold()
    taken = []

    def slow_records(count):
        for epoch in range(count):
            end = time.perf_counter() + 2.5 * worker_module.CHUNK_SECONDS
            while time.perf_counter() < end:  # an epoch's work, longer than a chunk
                pass
            taken.append(epoch)
            if epoch == 5:
                hold.request()  # the window asks while this epoch is under way
            yield NeuronState(epoch, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0,
                              "finished" if epoch == count - 1 else "running", "")

    worker = TrainingWorker([("run", slow_records(40))], None, hold=hold)
    worker.run()
    qtbot.waitUntil(lambda: len(taken) >= 6)
    with qtbot.assertNotEmitted(worker.state_changed, wait=300):
        pass  # the event loop turns; the worker waits for the window
    assert taken == list(range(6))
    with qtbot.waitSignal(worker.state_changed, check_params_cb=is_state("finished")):
        hold.release()
    assert taken == list(range(40))


def test_a_worker_with_fast_epochs_trains_them_in_chunks(qtbot):
    hold = DrawingHold()
    taken = []

    def records(count):
        for epoch in range(count):
            taken.append(epoch)
            if epoch == 100:
                hold.request()
            yield NeuronState(epoch, 0.0, 0.5, 0.0, 0.0, 0.0, 0.0, 0.0,
                              "finished" if epoch == count - 1 else "running", "")

    worker = TrainingWorker([("run", records(1000))], None, hold=hold)
    with qtbot.waitSignal(worker.state_changed, check_params_cb=is_state("running")):
        worker.run()
    # the chunks grew to the most epochs between two looks at the clock; the chunk under
    # way when the window asked was finished
    assert 100 < len(taken) <= 101 + worker_module.EPOCHS_BETWEEN_CLOCK_CHECKS
    with qtbot.waitSignal(worker.state_changed, check_params_cb=is_state("finished")):
        hold.release()


def test_a_fresh_workers_first_step_includes_the_start(qtbot):
    worker = TrainingWorker([(run.name, run.start().records) for run in build_runs(lesson())])
    batches = []
    worker.records_ready.connect(batches.append)
    with qtbot.waitSignal(worker.state_changed, check_params_cb=is_state("paused")):
        worker.step()
    assert [(name, [record.epoch for record in rows]) for name, rows, _ in batches[0]] == [
        ("quadratic", [0, 1]), ("cross_entropy", [0, 1])]
    worker.step()
    assert [(name, [record.epoch for record in rows]) for name, rows, _ in batches[1]] == [
        ("quadratic", [2]), ("cross_entropy", [2])]
    worker.stop()
    assert worker.state == "stopped"
    with qtbot.assertNotEmitted(worker.records_ready, wait=20):
        worker.run()  # stopped is final


# --- reset, shutdown, threads -------------------------------------------------------------


def test_reset_mid_run_joins_the_thread_and_a_new_run_starts_clean(qtbot, qtlog,
                                                                   make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 1000, timeout=10_000)
    thread = session._thread
    with qtbot.waitSignal(session.data_changed, timeout=0):
        with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("idle")):
            session.reset()
    assert not thread.isRunning()
    assert not session.is_training_thread_running
    assert session.state == "idle"
    assert session.latest_epoch == 0
    at_the_start = {name: list(history.view()["epoch"])
                    for name, history in session.histories.items()}
    assert at_the_start == {"quadratic": [0], "cross_entropy": [0]}
    with qtbot.assertNotEmitted(session.data_changed, wait=100):
        pass  # records the old worker had already sent must not arrive now
    assert {name: list(history.view()["epoch"])
            for name, history in session.histories.items()} == at_the_start

    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 100, timeout=10_000)
    session.pause()
    qtbot.waitUntil(lambda: session.state == "paused")
    epochs = session.histories["quadratic"].view()["epoch"]
    np.testing.assert_array_equal(epochs, np.arange(len(epochs)))
    assert qt_warnings(qtlog) == []


def test_shutdown_mid_run_at_max_speed_returns_promptly(qtbot, qtlog, make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 1000, timeout=10_000)
    thread = session._thread
    started = time.monotonic()
    session.shutdown()
    assert time.monotonic() - started < 5.0  # a bound against a hang, not a speed target
    assert not thread.isRunning()
    assert session.state == "idle"
    assert session.latest_epoch > 1000  # kept, e.g. for an export while closing
    session.shutdown()  # idempotent
    assert qt_warnings(qtlog) == []


def test_closing_twenty_sessions_in_a_row_leaves_no_thread_running(qtbot, qtlog):
    threads = []
    for _ in range(20):
        session = NeuronSession(lesson(epochs=1_000_000))
        with qtbot.waitSignal(session.state_changed, check_params_cb=is_state("running")):
            session.run()
        threads.append(session._thread)
        session.shutdown()
        session.deleteLater()
    # each joined thread is finished, or already freed
    assert all(not shiboken6.isValid(thread) or thread.isFinished() for thread in threads)
    assert qt_warnings(qtlog) == []


def test_a_new_experiment_resets(qtbot, make_session):
    session = make_session(lesson(epochs=1_000_000))
    session.run()
    qtbot.waitUntil(lambda: session.latest_epoch > 0, timeout=10_000)
    with qtbot.waitSignal(session.experiment_changed):
        session.set_experiment(lesson(epochs=300))
    assert session.state == "idle" and session.latest_epoch == 0
    assert not session.is_training_thread_running
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


# --- garbage collection --------------------------------------------------------------------

def test_cyclic_garbage_is_collected_in_the_gui_thread_not_the_training_thread(qtbot):
    import gc

    from nnlab.app.garbage import GuiThreadGarbageCollector

    enabled_before = gc.isenabled()  # off already under the suite's own collector
    collector = GuiThreadGarbageCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        freed_in = []

        class Node:
            def __del__(self):
                freed_in.append(threading.current_thread())

        node = Node()
        node.cycle = node  # only the cycle collector can free it
        del node

        def allocate():  # what a training thread does at full speed: many tracked objects
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
    finally:
        collector.stop()
    assert gc.isenabled() == enabled_before
