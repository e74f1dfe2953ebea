"""The course window under load: the one-neuron lesson and the network lab, each trained
with the window open at 1366x740, paced and at full speed.

    python benchmarks/bench_windows.py                   # offscreen
    xvfb-run -a python benchmarks/bench_windows.py       # on a (virtual) screen
    python benchmarks/bench_windows.py --source DIR      # the code of another checkout

Prints a table, one row per lesson, experiment and speed (``--rows`` picks some), measured
in one run:

* frames per second while training: the page's ``frame_drawn`` signals (targets ≥ 30 for
  a paced run, ≥ 20 at full speed), and the longest gap between two of them (target ≤ 100
  ms for a paced run); a paced run trains for ``--seconds`` and is paused, a full-speed run
  trains to its end;
* the cost of one frame, update and paint, after training (p50, p99): the timeline at some
  40 epochs, at each the page's frame drawn and the whole window painted synchronously;
* the GUI thread's event-loop lateness while training: a precise 10 ms timer in the GUI
  thread records how late each tick comes (targets p99 ≤ 5 ms, max ≤ 30 ms);
* at full speed, training epochs per second with the window against the same experiment
  trained headless by ``nnlab run`` just before and just after the window (this machine
  drifts; its own training time, from summary.json; target ratio ≥ 0.9);
* once, the time from launch (a fresh interpreter) to the window shown, the best of three
  launches (target ≤ 1.5 s).

A benchmark, not a test: it asserts nothing and is not part of the test suite.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import inspect
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from gui_timing import LatenessTicker, percentile  # beside this script

REPO = Path(__file__).resolve().parents[1]
SIZE = (1366, 740)
COST_FRAMES = 40  # frames timed after training, spread over the timeline


@dataclasses.dataclass(frozen=True)
class Row:
    key: str  # for --rows
    lesson: str
    preset: str
    speed: float | None  # epochs per second; None: full speed, to the end
    epochs: int | None = None  # None: the preset's, or enough for --seconds when paced

    @property
    def label(self) -> str:
        pace = f"{self.speed:g}/s" if self.speed else "full speed"
        return f"{'lesson' if self.lesson == 'neuron' else 'lab'}, {self.preset}, {pace}"


ROWS = (Row("neuron-30", "neuron", "neuron-2-2", 30),
        Row("neuron-100", "neuron", "neuron-2-2", 100),
        Row("neuron-300", "neuron", "neuron-2-2", 300),
        Row("lab-digits-5", "lab", "digits-64-30-10", 5),
        Row("lab-spiral-30", "lab", "spiral-2-16-16-2", 30),
        Row("neuron-full", "neuron", "neuron-2-2", None, 100_000),
        Row("lab-full", "lab", "digits-64-30-10", None, 1_500))  # some 10-20 s


def experiment_of(row: Row, seconds: float):
    from nnlab.core.presets import load_preset

    base = load_preset(row.preset)
    epochs = row.epochs or base.training.epochs
    if row.speed:  # a paced run must not end before the measurement does
        epochs = max(epochs, int(2 * row.speed * seconds))
    return dataclasses.replace(base, training=dataclasses.replace(
        base.training, epochs=epochs, speed=row.speed))


def window_options() -> dict:
    from nnlab.gui.shell.course_window import CourseWindow

    accepted = inspect.signature(CourseWindow.__init__).parameters
    return {"projector": False, **({"remember": False} if "remember" in accepted else {})}


def subprocess_env(source: Path) -> dict:
    paths = [str(source), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


LAUNCH_SCRIPT = """
import time
start = time.perf_counter()
from nnlab.gui.app import create_application
app = create_application([])
from nnlab.gui.shell.course_window import CourseWindow
window = CourseWindow("neuron", **{options!r})
window.show()
app.processEvents()
print(time.perf_counter() - start)
window.close()
import shiboken6
shiboken6.delete(window)
"""


def launch_seconds(source: Path, repeats: int = 3) -> float:
    """Seconds from a fresh interpreter's start of work to the window shown and painted
    (interpreter start-up itself, ~20 ms, is not included)."""
    script = LAUNCH_SCRIPT.format(options=window_options())
    best = float("inf")
    for _ in range(repeats):
        done = subprocess.run([sys.executable, "-c", script], cwd=source, check=True,
                              capture_output=True, text=True, env=subprocess_env(source))
        best = min(best, float(done.stdout.strip().splitlines()[-1]))
    return best


def headless_epochs_per_second(experiment, source: Path) -> float:
    """``nnlab run`` in a fresh interpreter: the experiment's epochs over the training time
    it reports (the runs one after the other; start-up and writing not included)."""
    from nnlab.core.experiment import experiment_to_toml

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "experiment.toml")
        path.write_text(experiment_to_toml(experiment), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "nnlab", "run", str(path), "--out",
                        str(Path(folder, "out"))], cwd=source, check=True,
                       capture_output=True, text=True, env=subprocess_env(source))
        summary = json.loads(Path(folder, "out", "summary.json").read_text(encoding="utf-8"))
    seconds = sum(run["train_seconds"] for run in summary["runs"].values())
    return experiment.training.epochs / seconds


def wait(seconds: float, signal=None, until=lambda *_: False) -> None:
    """Run the event loop for ``seconds``, or until ``signal`` carries what ``until`` wants."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    quit_if = lambda *args: loop.quit() if until(*args) else None  # noqa: E731
    if signal is not None:
        signal.connect(quit_if)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    if signal is not None:
        signal.disconnect(quit_if)


def frame_costs_ms(window) -> list[float]:
    """One frame's update and paint, timed at COST_FRAMES epochs of the timeline (training
    paused or finished): the page draws its frame, the whole window is painted at once."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    page = window.page
    latest = page.session.latest_epoch
    costs = []
    for index in range(COST_FRAMES):
        if hasattr(page, "show_epoch"):
            page.show_epoch(round(latest * index / (COST_FRAMES - 1)))
        QApplication.processEvents()
        start = time.perf_counter()
        page.scheduler.redraw()
        # the scenes gather their changed items in a queued call: delivered before the paint
        QApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        window.repaint()
        costs.append((time.perf_counter() - start) * 1000)
    return sorted(costs)


def measure_row(app, row: Row, experiment, seconds: float) -> dict:
    from PySide6.QtCore import QEvent

    from nnlab.gui.shell.course_window import CourseWindow

    window = CourseWindow(row.lesson, **window_options())
    try:
        window.resize(*SIZE)
        window.show()
        app.processEvents()
        session = window.page.session
        session.set_experiment(experiment)
        session.set_speed(row.speed)
        # as a lecturer would: the window open and the new settings on the screen a moment
        # before Run (long enough for the training process, started 1 s after the lesson is
        # shown, to be ready; the old code has none)
        wait(1.5)

        frames: list[float] = []
        window.page.frame_drawn.connect(lambda *_: frames.append(time.perf_counter()))
        ticker = LatenessTicker()
        ticker.start()
        start = time.perf_counter()
        window.run_action.trigger()  # Space, as a user starts it
        if row.speed:
            wait(seconds)
        elif session.state != "finished":
            wait(600, session.state_changed, lambda state: state == "finished")  # or give up
        end = time.perf_counter()
        ticker.stop()
        epochs_done, state = session.latest_epoch, session.state
        if state == "running":
            session.pause()
            wait(2, session.state_changed, lambda state: state != "running")
        costs = frame_costs_ms(window)
    finally:  # the next row starts without this window
        window.close()
        window.deleteLater()
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()

    during = [t for t in frames if start <= t <= end]
    gaps = [(b - a) * 1000 for a, b in zip(during, during[1:])]
    lateness = sorted(ticker.lateness)
    return {
        "key": row.key, "label": row.label, "lesson": row.lesson, "preset": row.preset,
        "speed": row.speed, "epochs": experiment.training.epochs, "state": state,
        "seconds": end - start, "epochs_done": epochs_done,
        "epochs_per_second": epochs_done / (end - start),
        "frames": len(during), "frames_per_second": len(during) / (end - start),
        "longest_gap_ms": max(gaps, default=float("nan")),
        "frame_cost_p50_ms": statistics.median(costs),
        "frame_cost_p99_ms": percentile(costs, 0.99),
        "lateness_ticks": len(lateness),
        "lateness_p50_ms": statistics.median(lateness) if lateness else float("nan"),
        "lateness_p99_ms": percentile(lateness, 0.99),
        "lateness_max_ms": lateness[-1] if lateness else float("nan"),
    }


def measure(app, row: Row, seconds: float, source: Path) -> dict:
    """One row; at full speed between two headless runs of the same experiment."""
    experiment = experiment_of(row, seconds)
    if row.speed:
        return measure_row(app, row, experiment, seconds)
    before = headless_epochs_per_second(experiment, source)
    result = measure_row(app, row, experiment, seconds)
    after = headless_epochs_per_second(experiment, source)
    headless = (before + after) / 2
    return {**result, "headless_before": before, "headless_after": after,
            "headless_epochs_per_second": headless,
            "ratio": result["epochs_per_second"] / headless}


def failure(error: Exception) -> str:
    """One line: the error, or the last line a failed subprocess wrote on stderr."""
    lines = (getattr(error, "stderr", None) or "").strip().splitlines()
    return lines[-1] if lines else f"{type(error).__name__}: {error}"


HEADER = (f"{'row':<34}{'epochs':>8}{'done':>8}{'epochs/s':>10}{'frames/s':>10}"
          f"{'gap ms':>8}{'frame p50/p99 ms':>18}{'lateness p50/p99/max ms':>25}"
          f"{'headless':>10}{'ratio':>7}")
TARGETS = (f"{'targets':<34}{'':>8}{'':>8}{'':>10}{'>=30|20':>10}{'<=100':>8}{'':>18}"
           f"{'p99<=5 max<=30':>25}{'':>10}{'>=0.9':>7}")


def table_line(r: dict) -> str:
    line = (f"{r['label']:<34}{r['epochs']:>8,}{r['epochs_done']:>8,}"
            f"{r['epochs_per_second']:>10,.0f}{r['frames_per_second']:>10.1f}"
            f"{r['longest_gap_ms']:>8.0f}"
            f"{r['frame_cost_p50_ms']:>10.1f} /{r['frame_cost_p99_ms']:>6.1f}"
            f"{r['lateness_p50_ms']:>11.2f} /{r['lateness_p99_ms']:>5.1f} /"
            f"{r['lateness_max_ms']:>5.1f}")
    if "headless_epochs_per_second" in r:
        line += f"{r['headless_epochs_per_second']:>10,.0f}{r['ratio']:>7.2f}"
    if r["speed"] is None and r["state"] != "finished":
        line += f"   (not finished: {r['state']})"
    return line


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=1,
                        help="how many times the whole table is measured (default 1)")
    parser.add_argument("--rows", nargs="+", choices=[row.key for row in ROWS],
                        metavar="KEY", help="measure only these rows: "
                        + " ".join(row.key for row in ROWS) + " (default: all)")
    parser.add_argument("--seconds", type=float, default=8.0,
                        help="training time of a paced row (default 8)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    parser.add_argument("--source", type=Path, default=REPO,
                        help="the source tree of nnlab to measure (default: this checkout)")
    options = parser.parse_args(argv)
    source = options.source.resolve()
    sys.path.insert(0, str(source))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else "xcb")
    import nnlab
    from nnlab.gui.app import create_application

    rows = [row for row in ROWS if not options.rows or row.key in options.rows]
    print(f"Course window benchmark: window {SIZE[0]}x{SIZE[1]}, paced rows "
          f"{options.seconds:g} s, Qt platform {os.environ['QT_QPA_PLATFORM']}, "
          f"nnlab from {Path(nnlab.__file__).parent}")
    app = create_application([])
    repeats = []
    for repeat in range(1, options.repeats + 1):
        print(f"\nrepeat {repeat}:\n{HEADER}\n{TARGETS}", flush=True)
        results = []
        for row in rows:
            try:
                results.append(measure(app, row, options.seconds, source))
                print(table_line(results[-1]), flush=True)
            except Exception as error:  # said in its row; the other rows are still measured
                results.append({"key": row.key, "label": row.label, "error": failure(error)})
                print(f"{row.label:<34}failed: {failure(error)}", flush=True)
        print("(frames/s: target >= 30 paced, >= 20 at full speed; longest gap: paced rows; "
              "headless: nnlab run, the mean of before and after)")
        for r in results:
            if "headless_before" in r:
                print(f"  {r['key']}: headless (nnlab run) before {r['headless_before']:,.0f}, "
                      f"after {r['headless_after']:,.0f} epochs/s")
        repeats.append(results)
    try:
        launch = launch_seconds(source)
        print(f"\nlaunch to window shown: {launch:.2f} s   (target <= 1.5 s, best of 3)")
    except subprocess.CalledProcessError as error:
        launch = None
        print(f"\nlaunch to window shown: failed: {failure(error)}")
    if options.json:  # JSON has no NaN: a figure that could not be measured is null
        figures = {"platform": os.environ["QT_QPA_PLATFORM"], "window": list(SIZE),
                   "seconds": options.seconds, "launch_seconds": launch, "repeats": repeats}
        figures = json.loads(json.dumps(figures), parse_constant=lambda _: None)
        Path(options.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
