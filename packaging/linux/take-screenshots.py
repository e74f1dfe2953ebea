"""Take the screenshots of packaging/linux/screenshots/: the course window at 1280 × 800 in
English, at the one-neuron lesson and at the network lab, each after its training ran to the
end. Drawn offscreen (no display needed), with settings of its own (the user's are neither
read nor changed).

    python packaging/linux/take-screenshots.py [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

WIDTH, HEIGHT = 1280, 800
SHOTS = (("neuron", "neuron-lesson.png"), ("lab", "network-lab.png"))
TRAINING_LIMIT_S = 120


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent
                        / "screenshots", help="folder for the PNGs (default: screenshots/)")
    args = parser.parse_args(argv)
    settings = tempfile.mkdtemp(prefix="nnlab-screenshots-")
    os.environ.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=settings,
                      XDG_CACHE_HOME=settings, HOME=settings)

    from PySide6.QtCore import QCoreApplication

    from nnlab.gui.app import create_application
    from nnlab.gui.shell.course_window import CourseWindow

    app = create_application([], "en")
    args.out.mkdir(parents=True, exist_ok=True)
    for lesson, name in SHOTS:
        window = CourseWindow(lesson, projector=False, remember=False)
        window.resize(WIDTH, HEIGHT)
        window.show()
        window.run_action.trigger()
        ends = time.monotonic() + TRAINING_LIMIT_S
        while window.page.session.state != "finished":
            if time.monotonic() > ends:
                print(f"{lesson}: training did not end within {TRAINING_LIMIT_S} s",
                      file=sys.stderr)
                return 1
            app.processEvents()
            time.sleep(0.01)
        ends = time.monotonic() + 1.0  # the display timer draws the last frame
        while time.monotonic() < ends:
            app.processEvents()
            time.sleep(0.01)
        image = window.grab().toImage()
        if (image.width(), image.height()) != (WIDTH, HEIGHT):
            print(f"{lesson}: the window is {image.width()} × {image.height()}, not "
                  f"{WIDTH} × {HEIGHT}", file=sys.stderr)
            return 1
        path = args.out / name
        image.save(str(path))
        print(f"wrote {path}")
        window.close()
        QCoreApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
