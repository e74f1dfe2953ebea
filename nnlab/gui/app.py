"""Start the nnlab GUI: the QApplication, its translations and the course window."""

from __future__ import annotations

import sys

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox
from pyqtgraph.util.garbage_collector import GarbageCollector

import nnlab
from nnlab.desktop_entry import APPLICATION_ID, ICON_SIZES, icon_png
from nnlab.gui.language import chosen_language, translations_of
from nnlab.gui.text import translated

GARBAGE_COLLECTION_INTERVAL_SECONDS = 0.5
"""How often the GUI thread looks whether a garbage collection is due (see
:func:`create_application`)."""

APPLICATION_NAME = "nnlab"
ORGANISATION_NAME = "nnlab"


def create_application(argv: list[str] | None = None,
                       language: str | None = None) -> QApplication:
    """Create the QApplication, named so that QSettings works, in the interface language
    (``language``, else the one chosen before, else the system's: see nnlab.gui.language).

    ``argv`` are the command-line arguments without the program name, as for ``argparse``
    (``None``: ``sys.argv[1:]``); Qt takes its own options (``-platform``, ``-style``...) from them.
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    program = sys.argv[0] if sys.argv and sys.argv[0] else APPLICATION_NAME
    app = QApplication([program, *arguments])
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationVersion(nnlab.__version__)
    # The id ties the windows to the desktop entry (Wayland's app_id; the menu's icon and
    # name in the task switcher); the window icon is every window's, dialogs' too.
    app.setDesktopFileName(APPLICATION_ID)
    app.setWindowIcon(application_icon())
    # Python's cyclic garbage collection runs from a timer of the GUI thread's event loop,
    # never where an allocation happens to cross a threshold: a collection that began inside
    # a Qt call (a signal disconnected while a page is built) and destroyed a closed
    # window's widgets there deadlocked on the lock that call held; one begun in the data
    # loading thread would destroy widgets outside the GUI thread.
    app.garbage_collector = GarbageCollector(GARBAGE_COLLECTION_INTERVAL_SECONDS)
    translations_of(app).install(chosen_language(language))
    return app


def application_icon() -> QIcon:
    """nnlab's icon at every size it is drawn in (resources/icons, packaged by setup.py); an
    empty icon, and Qt's default, if the files are missing."""
    icon = QIcon()
    for size in ICON_SIZES:
        if icon_png(size).is_file():
            icon.addFile(str(icon_png(size)))
    return icon


def launch(argv: list[str] | None = None, lesson: str | None = None,
           experiment=None, language: str | None = None,
           quit_after: float | None = None) -> int:
    """Show the course window until it closes; return the exit code.

    ``argv``: command-line arguments without the program name (``None``: ``sys.argv[1:]``).
    ``lesson``: the lesson to show (default: the one shown last). ``experiment``: an
    experiment to open in the lesson its kind belongs to; one that cannot be used is reported,
    and the lesson opens with its default. ``language``: the interface's language for this
    launch (``--language``), not remembered. ``quit_after``: seconds after which every
    window is closed, as its user would close it (``--quit-after``, for checks and demos).
    """
    app = create_application(argv, language)
    # after the app: widgets need it
    from nnlab.gui.lessons import lesson_for_kind
    from nnlab.gui.shell.course_window import CourseWindow

    session, problem, download_first = None, "", None
    if experiment is not None:
        owner = lesson_for_kind(experiment.kind)
        lesson = owner.name if owner is not None else lesson
        if _needs_mnist_download(experiment):
            download_first = experiment  # the lab offers the download once it is up
        else:
            try:
                session = _session_for(experiment)
            except ValueError as error:  # DatasetError and ExperimentError among them
                problem = translated(error)
    window = CourseWindow(lesson, session=session)
    window.show()
    if download_first is not None:
        # as File › Open experiment does: "Download MNIST?", and the experiment once it is in
        QTimer.singleShot(0, lambda: window.page.use_opened_experiment(
            download_first, download_first.name))
    if quit_after is not None:
        # set before the warning below, whose dialog it closes too
        QTimer.singleShot(round(quit_after * 1000), QApplication.closeAllWindows)
    if problem:
        window.say(problem, 15000)
        title = QApplication.translate("CourseWindow", "Cannot open experiment")
        QMessageBox.warning(window, title, problem)
    # (the window closed while the warning was up: no event loop left to run)
    code = app.exec() if window.isVisible() else 0
    # Tear the window down while the application still exists: left to the interpreter's
    # exit, Qt objects are destroyed in no particular order and may crash on the way out.
    window.close()
    shiboken6.delete(window)
    return code


def _needs_mnist_download(experiment) -> bool:
    """An experiment on the full MNIST while MNIST is not in the download cache."""
    from nnlab.core import mnist

    return (experiment.kind == "network" and experiment.data.dataset == "mnist"
            and mnist.cached_files() is None)


def _session_for(experiment):
    """A session training ``experiment`` (its data loaded now), for the lesson of its kind."""
    if experiment.kind == "network":
        from nnlab.app.lab_session import LabSession

        return LabSession(experiment)
    from nnlab.app.neuron_session import NeuronSession

    return NeuronSession(experiment)


if __name__ == "__main__":
    raise SystemExit(launch())
