"""``nnlab export``: train a neuron experiment without a window and write its figures.

The figures come from the same widgets as on screen, built offscreen: one file per plot and
one of the whole dashboard, written into the output folder all at once or not at all.
"""

from __future__ import annotations

import os
from pathlib import Path

from nnlab.core.experiment import Experiment, ExperimentError
from nnlab.core.files import check_output_dir, write_folder
from nnlab.core.neuron import train_neuron

# A size at which every view has room: the figures do not depend on the user's screen.
FIGURE_WINDOW_SIZE = (1600, 1000)


def _application():
    """The running QApplication, or a new one on the offscreen platform when there is no
    display (a headless export must not need one)."""
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from nnlab.gui.app import create_application

        app = create_application([])
    return app


def export_figures(experiment: Experiment, out_dir: str | os.PathLike, fmt: str = "png",
                   width: int | None = None, caption: bool = False,
                   projector: bool = False) -> list[Path]:
    """Train ``experiment`` (kind "neuron") headless and write ``<view>.<fmt>`` for every view
    plus ``dashboard.<fmt>`` into ``out_dir``; return the paths written.

    Raises ExperimentError for a network experiment, OSError when ``out_dir`` cannot be
    written (nothing is left behind), and export.ExportError if a figure cannot be drawn.
    """
    if experiment.kind != "neuron":
        raise ExperimentError(f"{experiment.source}: kind = \"{experiment.kind}\": "
                              "nnlab export draws the neuron lesson; use kind = \"neuron\"")
    from nnlab.gui.export import EXPORT_FORMATS

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    check_output_dir(out_dir)
    app = _application()
    from nnlab.app.session import LessonSession
    from nnlab.gui.lesson_window import LessonWindow

    n, t = experiment.neuron, experiment.training
    histories = {cost: train_neuron(n.x, n.y, n.w, n.b, cost, t.learning_rate, t.epochs)
                 for cost in t.costs}
    session = LessonSession(experiment)
    session.load_finished(histories)
    window = LessonWindow(session, projector=projector)
    try:
        window.resize(*FIGURE_WINDOW_SIZE)
        window.show()
        app.processEvents()
        window.redraw()
        app.processEvents()

        def writer(key):
            return lambda path: window.export_to(key, path, fmt, width=width, caption=caption)

        writers = {f"{view.slug}.{fmt}": writer(key) for key, view in window.views.items()}
        writers[f"dashboard.{fmt}"] = writer(None)
        return write_folder(out_dir, writers)
    finally:
        window.close()
        window.deleteLater()
        session.deleteLater()
        app.processEvents()
