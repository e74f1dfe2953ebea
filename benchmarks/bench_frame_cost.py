"""What one frame costs, view by view: the course window at 1366×740, its runs trained, then
some fifty frames drawn one after the other, each view updated (``update_frame``) and painted.

    python benchmarks/bench_frame_cost.py                      # offscreen
    python benchmarks/bench_frame_cost.py --source OTHER_TREE  # the same, of another checkout
    python benchmarks/bench_frame_cost.py --only neuron --mode normal --frames 20
    python benchmarks/bench_frame_cost.py --clock cpu --repeats 3   # on a busy machine

A projector shows the plots moving at 30 frames a second or more only if a whole frame (every
visible view updated from one immutable frame, then painted) costs about 10 ms at most. For
each lesson — the one-neuron lesson (neuron-2-2), the lab on the digits (digits-64-30-10:
confusion matrices, misclassified images) and on the spiral (spiral-2-16-16-2: decision
regions) — in normal and in projector mode, and on each dashboard page, prints per view:

* ``update``: ``view.update_frame(frame)``, in ms (p50, p99);
* ``paint``: painting what that update changed, as the page's display timer does (the
  scenes' queued updates and the window's update request delivered at once), in ms;

and for the whole frame: ``page.scheduler.redraw()`` (every visible view updated, and the
status line) with the paint of what changed, and ``window.grab()`` on its own: the whole
window painted afresh into a pixmap, every view, the panel and the controls (what a window
uncovered costs; ``window.repaint()`` would leave out the plots, whose graphics views Qt
does not repaint with their window).

Frames are drawn twice over, epoch 0 to the last in evenly spaced steps: ``still``, the
finished runs on the timeline (as when scrubbing or paused), and ``live``, frames as they
arrive while training runs (``training`` True, each run's rows ending at the epoch on show).
The runs are trained first, at full speed; nothing trains while frames are timed. Every
frame drawn brings networks the views have not seen (see ``with_own_networks``), so what a
view keeps per network (decision regions, evaluations) is computed as for a network just
trained, however often the same epochs are drawn.

``--source DIR`` imports nnlab from DIR instead of this checkout (e.g. a worktree of an
older commit), so that two versions are measured by the same script. On a machine kept busy
by other programs, ``--clock cpu`` times the GUI thread's processor time instead of the
elapsed time, which such programs disturb less, and ``--repeats N`` times every sequence of
frames N times and prints the lowest of each time.

A benchmark, not a test: it asserts nothing and is not part of the test suite.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SIZE = (1366, 740)
TRAINING_TIMEOUT_MS = 300_000

#: the clock frames are timed with (see --clock)
clock = time.perf_counter
#: each frame drawn gets networks of its own, never drawn before (see with_own_networks)
SALTS = itertools.count(1)


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] if values else float("nan")


def train_to_the_end(session) -> None:
    """The session's runs trained at full speed until they finish."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    session.state_changed.connect(lambda state: loop.quit() if state == "finished" else None)
    QTimer.singleShot(TRAINING_TIMEOUT_MS, loop.quit)  # a safety net
    session.set_speed(None)
    session.run()
    loop.exec()
    if session.state != "finished":
        raise RuntimeError(f"training did not finish (state {session.state})")


def live_frame(frame):
    """``frame`` as it would arrive while training runs: every run's rows end at the epoch
    on show, and more are coming."""
    runs = tuple(dataclasses.replace(
        run, columns={name: values[: run.index + 1] for name, values in run.columns.items()})
        for run in frame.runs)
    return dataclasses.replace(frame, runs=runs, live=True, training=True)


def frames_of(page, count: int) -> dict[str, list]:
    """``count`` frames of each kind ("still", "live"), epoch 0 to the last evenly spaced."""
    last = page.session.latest_epoch
    epochs = sorted({round(i * last / max(count - 1, 1)) for i in range(count)})
    still = []
    for epoch in epochs:
        page.show_epoch(epoch)
        still.append(with_own_networks(page.current_frame(), 0))
    return {"still": still, "live": [live_frame(frame) for frame in still]}


def with_own_networks(frame, salt: int):
    """``frame`` with a copy of each run's network of its own (a lab session lends every
    frame the same network, its parameters overwritten for the epoch asked for), the
    parameters changed by a relative ``salt`` × 2⁻⁴⁰: views that keep what they computed for
    a network (regions, evaluations) compute it afresh, as for a network just trained, and
    draw the same picture."""
    runs = []
    for run in frame.runs:
        network = copy.deepcopy(run.network)
        if network is not None:
            network.parameters *= 1.0 + salt * 2.0 ** -40
        runs.append(dataclasses.replace(run, network=network))
    return dataclasses.replace(frame, runs=tuple(runs))


def paint_pending(widget) -> None:
    """Paint what has changed, now, as the page's display timer does: the scenes' queued
    updates delivered, then the window's update request."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QGraphicsView

    views = widget.findChildren(QGraphicsView)
    if isinstance(widget, QGraphicsView):
        views.append(widget)
    for view in views:
        if view.scene() is not None:
            QCoreApplication.sendPostedEvents(view.scene(), QEvent.Type.MetaCall)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)


def settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def measure_page(app, window, frames: list) -> dict[str, dict[str, list[float]]]:
    """Per visible view, and for the whole frame: times in ms over ``frames``, each frame's
    networks new to the views (see with_own_networks)."""
    page = window.page
    views = {key: view for key, view in page.views.items() if view.isVisible()}
    times = {key: {"update": [], "paint": []} for key in views}
    times["whole frame"] = {"update": [], "paint": []}
    times["window.grab()"] = {"update": [], "paint": []}
    scheduler = page.scheduler
    for frame in [with_own_networks(frame, next(SALTS)) for frame in frames]:
        for key, view in views.items():
            start = clock()
            view.update_frame(frame)
            middle = clock()
            paint_pending(view)
            end = clock()
            times[key]["update"].append((middle - start) * 1000)
            times[key]["paint"].append((end - middle) * 1000)
        settle(app)
    # the whole frame: the page's synchronous redraw of every visible view, then the paint
    # (the scheduler draws what its frame source gives: here, each frame in turn)
    original_source = getattr(scheduler, "_frame_source", None)
    try:
        for frame in [with_own_networks(frame, next(SALTS)) for frame in frames]:
            start = clock()
            if original_source is not None:
                scheduler._frame_source = lambda frame=frame: frame
                scheduler.redraw()
            else:  # a scheduler of another make: the views alone
                for view in views.values():
                    view.update_frame(frame)
            middle = clock()
            paint_pending(window)
            end = clock()
            window.grab()
            repainted = clock()
            times["whole frame"]["update"].append((middle - start) * 1000)
            times["whole frame"]["paint"].append((end - middle) * 1000)
            times["window.grab()"]["paint"].append((repainted - end) * 1000)
            settle(app)
    finally:
        if original_source is not None:
            scheduler._frame_source = original_source
    return times


def print_table(title: str, repeats: list[dict[str, dict[str, list[float]]]]) -> None:
    """Each time's median and 99th percentile over the frames; of several repeats, the
    lowest (the run least disturbed by the rest of the machine)."""
    print(f"  {title}")
    print(f"    {'view':<22}{'update p50':>11}{'p99':>8}{'paint p50':>11}{'p99':>8}"
          f"{'sum p50':>10}")
    for key in repeats[0]:
        cells, total = "", 0.0
        for kind in ("update", "paint"):
            if not repeats[0][key][kind]:
                cells += f"{'':19}"
                continue
            median = min(statistics.median(times[key][kind]) for times in repeats)
            high = min(percentile(times[key][kind], 0.99) for times in repeats)
            cells += f"{median:11.2f}{high:8.2f}"
            total += median
        if key == "whole frame":
            print(f"    {'-' * 70}")
        print(f"    {key:<22}{cells}{total:10.2f}")


def lesson_window(lesson: str, projector: bool, preset: str | None):
    from nnlab.gui.shell.course_window import CourseWindow

    window = CourseWindow(lesson, projector=projector, remember=False)
    window.resize(*SIZE)
    window.show()
    if preset is not None:
        window.page.load_preset_named(preset)
    return window


def measure(app, lesson: str, preset: str | None, label: str, count: int,
            modes: list[str], repeats: int) -> None:
    for projector in [mode == "projector" for mode in modes]:
        window = lesson_window(lesson, projector, preset)
        settle(app)
        train_to_the_end(window.page.session)
        settle(app)
        frames = frames_of(window.page, count)
        dashboard = window.page.dashboard
        for index in range(dashboard.count()):
            dashboard.setCurrentIndex(index)
            settle(app)
            for kind, sequence in frames.items():
                times = [measure_page(app, window, sequence) for _ in range(repeats)]
                tab = f", page “{dashboard.tabText(index)}”" if dashboard.count() > 1 else ""
                print_table(f"{label}, {'projector' if projector else 'normal'} mode{tab}, "
                            f"{kind} frames ({len(sequence)})", times)
        window.close()
        window.deleteLater()
        settle(app)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=REPO,
                        help="the source tree whose nnlab is measured (default: this one)")
    parser.add_argument("--frames", type=int, default=50,
                        help="frames of each kind, at evenly spaced epochs (default 50)")
    parser.add_argument("--repeats", type=int, default=1,
                        help="time every sequence of frames this many times and print the "
                             "lowest of each time (default 1)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="wall: elapsed time (default); cpu: the GUI thread's processor "
                             "time, which other programs keeping the machine busy disturb less")
    parser.add_argument("--only", choices=("neuron", "digits", "spiral"), action="append",
                        help="measure only this lesson (may be repeated)")
    parser.add_argument("--mode", choices=("normal", "projector"), action="append",
                        help="measure only in this mode (default: both)")
    options = parser.parse_args(argv)
    sys.path.insert(0, str(options.source.resolve()))
    global clock
    clock = time.perf_counter if options.clock == "wall" else time.thread_time
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else "xcb")
    # QSettings writes below XDG_CONFIG_HOME: the user's saved settings stay untouched
    settings = tempfile.TemporaryDirectory(prefix="nnlab-bench-config-")
    os.environ["XDG_CONFIG_HOME"] = settings.name
    import nnlab
    from nnlab.gui.app import create_application

    app = create_application([], language="en")
    print(f"Frame cost benchmark: nnlab from {Path(nnlab.__file__).parent.parent}, window "
          f"{SIZE[0]}x{SIZE[1]}, Qt platform {os.environ['QT_QPA_PLATFORM']}; "
          f"{'elapsed' if options.clock == 'wall' else 'processor'} times in ms")
    chosen = options.only or ["neuron", "digits", "spiral"]
    cases = {"neuron": ("neuron", "neuron-2-2", "neuron lesson (neuron-2-2)"),
             "digits": ("lab", "digits-64-30-10", "lab, digits-64-30-10"),
             "spiral": ("lab", "spiral-2-16-16-2", "lab, spiral-2-16-16-2")}
    for name in chosen:
        lesson, preset, label = cases[name]
        measure(app, lesson, preset, label, options.frames,
                options.mode or ["normal", "projector"], options.repeats)
    settings.cleanup()


if __name__ == "__main__":
    main()
