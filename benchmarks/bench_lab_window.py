"""The network lab under load: digits 64-30-10, both costs, trained with the lab open.

    python benchmarks/bench_lab_window.py                 # offscreen
    xvfb-run -a python benchmarks/bench_lab_window.py     # on a (virtual) screen

Prints, measured in one run:

* training throughput (samples per second, all runs together) with the lab open and its
  views live, against the same experiment trained headless as ``nnlab run`` trains it
  (``run_experiment``: per-epoch evaluation included; target ratio ≥ 0.8);
* the GUI thread's event-loop lateness while training: a precise 10 ms timer in the GUI
  thread records how late each tick comes (target p99 ≤ 5 ms);
* redraws per second, and how long training waits while one is drawn.

This machine's speed varies from run to run, so the headless and the lab measurements
alternate, and each lab run is compared with the mean of the headless runs just before and
just after it.

A benchmark, not a test: it asserts nothing and is not part of the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from gui_timing import LatenessTicker, percentile  # noqa: E402  (beside this script)


def headless_samples_per_second(experiment) -> float:
    """``nnlab run``'s own loop: every run to its end, one after the other."""
    from nnlab.core.runner import run_experiment

    start = time.perf_counter()
    result = run_experiment(experiment)
    seconds = time.perf_counter() - start
    return sum(run.samples for run in result.runs) / seconds


def lab_under_load(app, experiment, size: tuple[int, int]):
    from PySide6.QtCore import QEventLoop, QTimer

    from nnlab.app.lab_session import LabSession
    from nnlab.gui.shell.course_window import CourseWindow

    window = CourseWindow("lab", session=LabSession(experiment), projector=False)
    window.page.session.setParent(window)
    window.resize(*size)
    window.show()
    app.processEvents()
    session = window.page.session
    session.set_speed(None)
    pause = QEventLoop()
    QTimer.singleShot(300, pause.quit)  # the settings on screen a moment before Run
    pause.exec()

    frames, costs = [], []
    window.page.frame_drawn.connect(lambda seconds: (frames.append(time.perf_counter()),
                                                costs.append(seconds * 1000)))
    ticker = LatenessTicker()
    finished = []
    loop = QEventLoop()
    session.state_changed.connect(lambda state: (finished.append(time.perf_counter()),
                                                 loop.quit()) if state == "finished" else None)
    QTimer.singleShot(600_000, loop.quit)  # a safety net, never reached in a healthy run
    ticker.start()
    start = time.perf_counter()
    window.run_action.trigger()
    loop.exec()
    seconds = (finished[0] if finished else time.perf_counter()) - start
    ticker.stop()
    samples = sum(history.view()["epoch"][-1] for history in session.histories.values()) \
        * len(session.dataset.x_train)
    window.close()
    window.deleteLater()
    app.processEvents()
    during = [c for t, c in zip(frames, costs) if start <= t <= start + seconds]
    return samples / seconds, sorted(ticker.lateness), len(during) / seconds, during


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--epochs", type=int, default=600,
                        help="epochs of the digits experiment (default 600: a few seconds, "
                             "some 500 ticks of the lateness timer)")
    parser.add_argument("--size", default="1366x740", help="window size (default 1366x740)")
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else "xcb")
    from nnlab.core.presets import load_preset
    from nnlab.gui.app import create_application

    base = load_preset("digits-64-30-10")
    experiment = dataclasses.replace(
        base, training=dataclasses.replace(base.training, epochs=options.epochs))
    size = tuple(int(v) for v in options.size.split("x"))
    print(f"Network lab benchmark: digits 64-30-10, {', '.join(experiment.training.costs)}, "
          f"{options.epochs} epochs, window {size[0]}x{size[1]}, "
          f"Qt platform {os.environ['QT_QPA_PLATFORM']}")
    app = create_application([])
    before = headless_samples_per_second(experiment)
    for repeat in range(1, options.repeats + 1):
        rate, lateness, fps, costs = lab_under_load(app, experiment, size)
        after = headless_samples_per_second(experiment)
        # the peer: the headless runs just before and just after (this machine drifts)
        headless = (before + after) / 2
        print(f"run {repeat}:")
        print(f"  headless (nnlab run):    {headless:12,.0f} samples/s   "
              f"(before {before:,.0f}, after {after:,.0f})")
        print(f"  lab open, views live:    {rate:12,.0f} samples/s   "
              f"ratio {rate / headless:.2f}   (target >= 0.8)")
        before = after
        print(f"  redraws while training:  {fps:12.1f} frames/s")
        if costs:
            print(f"  training waits a redraw: p50 {statistics.median(costs):.1f} ms, "
                  f"max {max(costs):.1f} ms over {len(costs)} frames, "
                  f"{100 * sum(costs) / 1000 / (len(costs) / fps):.0f} % of the run")
        if lateness:
            print(f"  event-loop lateness:     p50 {statistics.median(lateness):.2f} ms, "
                  f"p99 {percentile(lateness, 0.99):.2f} ms, max {lateness[-1]:.2f} ms over "
                  f"{len(lateness)} ticks   (target p99 <= 5 ms)")


if __name__ == "__main__":
    main()
