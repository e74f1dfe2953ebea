"""``nnlab export``: a lesson's figures written without a window.

A neuron experiment is trained headless first (:func:`export_figures`); any other lesson but
the network lab is drawn as it opens (:func:`export_lesson`), a lesson that explains with
its numbers in ``numbers.json``. The figures come from the same widgets as on screen, built
offscreen: one file per plot and one of the whole dashboard (a lesson of steps: per step),
written into the output folder all at once or not at all.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

from nnlab.core.experiment import Experiment, ExperimentError
from nnlab.core.files import check_output_dir, write_file, write_folder
from nnlab.core.runner import neuron_histories

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


def _application(language: str | None = None):
    """The running QApplication, or a new one on the offscreen platform (a headless export
    draws no window on the user's screen, and must not need a display at all), unless the
    user chose a platform. A new one speaks ``language`` (default: the window's)."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        from nnlab.gui.app import create_application

        app = create_application([], language)
    return app


@contextlib.contextmanager
def _language(app, language: str | None):
    """The interface in ``language`` while inside (None: as it is), then as it was."""
    if language is None:
        yield
        return
    from nnlab.gui.language import translations_of

    translations = translations_of(app)
    before = translations.language
    if before == language:
        yield
        return
    translations.install(language)
    try:
        yield
    finally:
        translations.install(before)


def export_figures(experiment: Experiment, out_dir: str | os.PathLike, fmt: str = "png",
                   width: int | None = None, caption: bool = False,
                   projector: bool = False, epoch: int | None = None,
                   overwrite: bool = False, language: str | None = None) -> list[Path]:
    """Train ``experiment`` (kind "neuron") headless and write ``<view>.<fmt>`` for every view
    plus ``dashboard.<fmt>`` into ``out_dir``; return the paths written. Every figure (and
    its caption) shows ``epoch`` (default: the last), as the window's timeline would, in
    ``language`` (default: the window's).

    Raises ExperimentError for a network experiment, ValueError for an epoch outside
    0..epochs, ExistingFiles when a file of the same name is in ``out_dir`` and not
    ``overwrite``, OSError when ``out_dir`` cannot be written, and export.ExportError if a
    figure cannot be drawn; in every case nothing is left behind.
    """
    if experiment.kind != "neuron":
        raise ExperimentError(f"{experiment.source}: kind = \"{experiment.kind}\": "
                              "nnlab export draws the neuron lesson; use kind = \"neuron\"")
    _check_format(fmt)
    t = experiment.training
    if epoch is not None and not 0 <= epoch <= t.epochs:
        raise ValueError(f"epoch {epoch}: expected 0 to {t.epochs}")
    check_output_dir(out_dir)
    with harmless_qt_messages_dropped():
        app = _application(language)
        from nnlab.app.neuron_session import NeuronSession
        from nnlab.gui.lessons import lesson_for_kind

        histories = neuron_histories(experiment)
        session = NeuronSession(experiment)
        session.load_finished(histories)
        try:
            with _language(app, language):
                return _write_lesson(app, lesson_for_kind(experiment.kind), session, out_dir,
                                     fmt, width, caption, projector, epoch, overwrite)
        finally:
            session.deleteLater()
            app.processEvents()


def export_lesson(name: str, out_dir: str | os.PathLike, fmt: str = "png",
                  width: int | None = None, caption: bool = False, projector: bool = False,
                  overwrite: bool = False, language: str | None = None) -> list[Path]:
    """Write the figures of lesson ``name`` as it opens (its defaults) into ``out_dir``: a
    file per figure of the lesson (a lesson of steps: a file per figure and step) and one
    of the whole page, and, for a lesson that explains, ``numbers.json`` with the numbers
    its page shows. A lesson that trains (the neuron) trains its default experiment first.

    Raises KeyError for an unknown lesson, ValueError for a lesson without figures (the
    network lab) or an unknown format, and otherwise as :func:`export_figures`.
    """
    from nnlab.gui.lessons import lesson_named

    lesson = lesson_named(name)
    if lesson is None:
        raise KeyError(name)
    if lesson.kind == "neuron":
        from nnlab.app.neuron_session import DEFAULT_PRESET
        from nnlab.core.presets import load_preset

        return export_figures(load_preset(DEFAULT_PRESET), out_dir, fmt, width, caption,
                              projector, None, overwrite, language)
    if not lesson.figures:
        raise ValueError(f"the lesson {name!r} has no figures to export")
    _check_format(fmt)
    check_output_dir(out_dir)
    with harmless_qt_messages_dropped():
        app = _application(language)
        with _language(app, language):
            return _write_lesson(app, lesson, None, out_dir, fmt, width, caption, projector,
                                 None, overwrite)


def _check_format(fmt: str) -> None:
    from nnlab.gui.export import EXPORT_FORMATS

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"format {fmt!r}: expected one of {', '.join(EXPORT_FORMATS)}")


def _write_lesson(app, lesson, session, out_dir, fmt, width, caption, projector, epoch,
                  overwrite) -> list[Path]:
    """Build the course window at ``lesson`` offscreen (its page around ``session``, if
    given) and write the lesson's figures; see :func:`export_figures`."""
    from nnlab.gui.shell.course_window import CourseWindow

    window = CourseWindow(lesson.name, session=session, projector=projector, remember=False)
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

        def writer(key, step):
            def write(path):
                if step is not None:
                    page.set_step(step)
                    app.processEvents()
                return page.figures.export_to(key, path, fmt, width=width, caption=caption)
            return write

        writers = {}
        for step in page.figure_steps():
            suffix = "" if step is None else f"-step{step + 1}"
            for key in lesson.figures:
                writers[f"{page.views[key].slug}{suffix}.{fmt}"] = writer(key, step)
            writers[f"dashboard{suffix}.{fmt}"] = writer(None, step)
        numbers = page.numbers()
        if numbers:
            data = (json.dumps(numbers, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
            writers["numbers.json"] = lambda path: write_file(path, data)
        existing = [Path(out_dir, name) for name in writers
                    if os.path.lexists(Path(out_dir, name))]
        if existing and not overwrite:
            raise ExistingFiles(existing)
        return write_folder(out_dir, writers)
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
