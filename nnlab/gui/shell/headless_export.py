"""``nnlab export``: train a neuron experiment without a window and write its figures.

The figures come from the same widgets as on screen, built offscreen: one file per plot and
one of the whole dashboard, written into the output folder all at once or not at all.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from nnlab.core.experiment import Experiment, ExperimentError
from nnlab.core.files import check_output_dir, write_folder
from nnlab.core.neuron import train_neuron

# A size at which every view has room: the figures do not depend on the user's screen.
FIGURE_WINDOW_SIZE = (1600, 1000)

#: Qt warnings that say nothing about the figures: the offscreen platform has no window
#: manager to pass a window's size hints to, and says so each time a window is shown.
HARMLESS_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
)


class ExistingFiles(Exception):
    """Files the export would replace, and was not allowed to (``overwrite=False``)."""

    def __init__(self, paths: list[Path]):
        super().__init__(", ".join(str(path) for path in paths) + " already exist")
        self.paths = paths


@contextlib.contextmanager
def harmless_qt_messages_dropped():
    """While inside, Qt's known-harmless platform warnings (:data:`HARMLESS_QT_MESSAGES`)
    are dropped; every other message goes where it went before (Qt's own handler, or the
    one installed before this), so a real error still shows."""
    from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

    droppable = (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg, QtMsgType.QtWarningMsg)
    previous = None

    def handler(kind, context, message):
        if kind in droppable and message.startswith(HARMLESS_QT_MESSAGES):
            return
        if previous is not None:
            previous(kind, context, message)
        else:  # what Qt's default handler prints
            print(qFormatLogMessage(kind, context, message), file=sys.stderr, flush=True)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _application():
    """The running QApplication, or a new one on the offscreen platform (a headless export
    draws no window on the user's screen, and must not need a display at all), unless the
    user chose a platform."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from nnlab.gui.app import create_application

        app = create_application([])
    return app


def export_figures(experiment: Experiment, out_dir: str | os.PathLike, fmt: str = "png",
                   width: int | None = None, caption: bool = False,
                   projector: bool = False, epoch: int | None = None,
                   overwrite: bool = False) -> list[Path]:
    """Train ``experiment`` (kind "neuron") headless and write ``<view>.<fmt>`` for every view
    plus ``dashboard.<fmt>`` into ``out_dir``; return the paths written. Every figure (and
    its caption) shows ``epoch`` (default: the last), as the window's timeline would.

    Raises ExperimentError for a network experiment, ValueError for an epoch outside
    0..epochs, ExistingFiles when a file of the same name is in ``out_dir`` and not
    ``overwrite``, OSError when ``out_dir`` cannot be written, and export.ExportError if a
    figure cannot be drawn; in every case nothing is left behind.
    """
    if experiment.kind != "neuron":
        raise ExperimentError(f"{experiment.source}: kind = \"{experiment.kind}\": "
                              "nnlab export draws the neuron lesson; use kind = \"neuron\"")
    from nnlab.gui.export import EXPORT_FORMATS

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    n, t = experiment.neuron, experiment.training
    if epoch is not None and not 0 <= epoch <= t.epochs:
        raise ValueError(f"epoch {epoch}: expected 0 to {t.epochs}")
    check_output_dir(out_dir)
    with harmless_qt_messages_dropped():
        app = _application()
        from nnlab.app.neuron_session import NeuronSession
        from nnlab.gui.lessons import lesson_for_kind
        from nnlab.gui.shell.course_window import CourseWindow

        histories = {cost: train_neuron(n.x, n.y, n.w, n.b, cost, t.learning_rate, t.epochs)
                     for cost in t.costs}
        session = NeuronSession(experiment)
        session.load_finished(histories)
        lesson = lesson_for_kind(experiment.kind)
        window = CourseWindow(lesson.name, session=session, projector=projector,
                              remember=False)
        page = window.page
        try:
            window.resize(*FIGURE_WINDOW_SIZE)
            window.show()
            app.processEvents()
            if epoch is None:
                page.redraw()
            else:
                page.show_epoch(epoch)  # the timeline: every view, and the caption
            app.processEvents()

            def writer(key):
                return lambda path: page.figures.export_to(key, path, fmt, width=width,
                                                           caption=caption)

            writers = {f"{page.views[key].slug}.{fmt}": writer(key) for key in lesson.figures}
            writers[f"dashboard.{fmt}"] = writer(None)
            existing = [Path(out_dir, name) for name in writers
                        if os.path.lexists(Path(out_dir, name))]
            if existing and not overwrite:
                raise ExistingFiles(existing)
            return write_folder(out_dir, writers)
        finally:
            window.close()
            window.deleteLater()
            session.deleteLater()
            app.processEvents()
