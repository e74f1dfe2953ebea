"""A lecturer's first evening with nnlab, scripted: the real app under a virtual X server,
driven with the keyboard and the mouse, photographed at each step.

    python scripts/walkthrough.py [--out DIR] [--sizes 1024x768 1920x1080]

For each screen size it starts Xvfb (and the openbox window manager, without which "full
screen" means nothing to X), then opens the course at the one-neuron lesson, at the lab on
the spiral and at the lab on the digits, each in normal and in projector mode (F5, full
screen), and takes screenshots at epoch 0, mid-run and at the end; from the one-neuron
lesson it then moves to the next lesson with Ctrl+PgDown and back with a click in the lesson
list (in projector mode, where the list is hidden, with Alt+1). Needs the Debian packages
xvfb, xdotool, imagemagick and openbox. Look at every picture: text cut off, overlap, a plot
unreadable from the back of the room are bugs.

It is not part of the test suite (it needs an X server and takes a few minutes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

END_WAIT_S = 8.0  # at full speed every preset here ends within it (digits: about 3 s)

#: (name, nnlab arguments, seconds of training before "mid-run")
APPS = (
    ("neuron", ["--lesson", "neuron"], 3.0),
    ("lab-spiral", ["lab", "--preset", "spiral-2-16-16-2"], 4.0),
    ("lab-digits", ["lab", "--preset", "digits-64-30-10"], 4.0),
    ("lab-sine", ["lab", "--preset", "sine-regression"], 4.0),
    ("lab-mnist-5k", ["lab", "--preset", "mnist-5k-5-epochs"], 4.0),
)

#: lessons that explain: (name, the steps photographed, 1 for the first; () for none)
EXPLAINERS = (
    ("losses", ()),
    ("derivation", (2, 3, 4, 5, 6, 7)),
    ("backprop", (2, 6, 9, 10, 12, 13, 14)),
    ("activations", (2, 3, 4, 5)),
)


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        sys.exit(f"walkthrough: missing {', '.join(missing)} "
                 "(Debian: apt install xvfb xdotool imagemagick openbox)")


class Screen:
    """An Xvfb server of one size with a window manager on it."""

    def __init__(self, width: int, height: int):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        self.env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        self.env.pop("WAYLAND_DISPLAY", None)
        self.wm = subprocess.Popen(["openbox"], env=self.env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(1.0)  # the window manager takes over the screen

    def xdotool(self, *args: str) -> str:
        return subprocess.run(["xdotool", *args], env=self.env, check=True,
                              capture_output=True, text=True).stdout.strip()

    def key(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", "--clearmodifiers", key)
            time.sleep(0.15)

    def shoot(self, path: Path) -> None:
        subprocess.run(["import", "-window", "root", str(path)], env=self.env, check=True)
        print(path)

    def close(self) -> None:
        for process in (self.wm, self.xvfb):
            process.terminate()
            process.wait(timeout=10)


@contextmanager
def running_app(screen: Screen, arguments: list[str], label: str):
    """nnlab with ``arguments`` on ``screen``, with settings of its own; yields its window
    once shown. Afterwards: quit with Ctrl+Q (killed if it does not end), anything it wrote
    on stderr printed under ``label``."""
    config = tempfile.mkdtemp(prefix="nnlab-walkthrough-")  # settings of its own
    env = dict(screen.env, XDG_CONFIG_HOME=config)
    app = subprocess.Popen([sys.executable, "-m", "nnlab", *arguments], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        window = screen.xdotool("search", "--sync", "--onlyvisible", "--name", "^nnlab — ")
        window = window.splitlines()[0]
        screen.xdotool("windowactivate", "--sync", window)
        time.sleep(1.5)  # the first frames
        yield window
        screen.key("ctrl+q")
        app.wait(timeout=20)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        shutil.rmtree(config, ignore_errors=True)
    errors = app.stderr.read() if app.stderr else ""
    if errors.strip():
        print(f"{label} wrote on stderr:\n{errors}", file=sys.stderr)


def walk(screen: Screen, name: str, arguments: list[str], mid_run_s: float,
         projector: bool, out: Path, size: str) -> None:
    mode = "projector" if projector else "normal"
    with running_app(screen, arguments, f"{name} ({size}, {mode})") as window:
        # the mouse: a click on the plots gives the window the focus, as a lecturer would
        width, height = (int(v) for v in screen.xdotool("getdisplaygeometry").split())
        screen.xdotool("mousemove", str(width * 3 // 4), str(height // 3), "click", "1")
        if projector:
            screen.key("F5")
            time.sleep(1.5)
        stem = f"{name}-{size}-{mode}"
        screen.shoot(out / f"{stem}-1-epoch0.png")
        screen.key("space")
        time.sleep(mid_run_s)
        screen.shoot(out / f"{stem}-2-mid-run.png")
        screen.key(*["plus"] * 10)  # faster: as fast as it goes, to the end
        time.sleep(END_WAIT_S)
        screen.shoot(out / f"{stem}-3-end.png")
        if name == "neuron":
            screen.key("ctrl+Next")  # the next lesson
            time.sleep(2.5)
            screen.shoot(out / f"{stem}-4-next-lesson.png")
            if projector:
                screen.key("alt+2")
            else:  # the neuron's line in the list (the second lesson): a click on it
                screen.xdotool("mousemove", "--window", window, "60", "85", "click", "1")
            time.sleep(1.5)
            screen.shoot(out / f"{stem}-5-back.png")


def walk_explainer(screen: Screen, name: str, steps: tuple[int, ...], projector: bool,
                   out: Path, size: str, language: str) -> None:
    """A lesson that explains: as it opens, then (a lesson of steps) each of ``steps``,
    reached with the Right arrow from the first."""
    mode = "projector" if projector else "normal"
    with running_app(screen, ["--language", language, "--lesson", name],
                     f"{name} ({size}, {mode})"):
        if projector:
            screen.key("F5")
            time.sleep(1.5)
        stem = f"{name}-{size}-{mode}"
        screen.shoot(out / f"{stem}-1.png")
        at = 1
        for step in steps:
            screen.key(*["Right"] * (step - at))
            at = step
            time.sleep(0.8)
            screen.shoot(out / f"{stem}-step{step}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("walkthrough"),
                        help="folder for the screenshots (default: ./walkthrough)")
    parser.add_argument("--sizes", nargs="+", default=["1024x768", "1920x1080"])
    parser.add_argument("--languages", nargs="+", default=["en"],
                        choices=("en", "zh_CN", "zh_TW"),
                        help="the interface languages to walk through (default: en)")
    parser.add_argument("--lessons", nargs="+",
                        default=[name for name, *_ in APPS] + [n for n, _ in EXPLAINERS],
                        help="what to walk through (default: everything)")
    args = parser.parse_args()
    need("Xvfb", "xdotool", "import", "openbox")
    args.out.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        width, height = (int(v) for v in size.split("x"))
        screen = Screen(width, height)
        try:
            for language in args.languages:
                label = size if language == "en" else f"{language}-{size}"
                for name, steps in EXPLAINERS:
                    for projector in (False, True):
                        if name in args.lessons:
                            walk_explainer(screen, name, steps, projector, args.out, label,
                                           language)
                for name, arguments, mid_run_s in APPS:
                    for projector in (False, True):
                        if name in args.lessons:
                            walk(screen, name, ["--language", language, *arguments],
                                 mid_run_s, projector, args.out, label)
        finally:
            screen.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
