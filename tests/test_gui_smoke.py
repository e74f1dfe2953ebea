"""The GUI starts, shows its window, translates, and closes; the launchers start."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

import nnlab
from nnlab.gui.language import Translations
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.shell.course_window import PREFERRED_SIZE, default_window_size

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def window(qtbot):
    window = CourseWindow("neuron")
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def test_main_window_opens_with_title_and_closes(window):
    assert window.isVisible()
    assert window.windowTitle().startswith("nnlab")
    assert window.statusBar().isVisible()
    assert window.close()
    assert not window.isVisible()


def test_file_menu_quit_has_ctrl_q_and_closes_the_window(window):
    file_menu = window.findChild(QMenu, "file_menu")
    assert file_menu is not None
    assert file_menu.menuAction() in window.menuBar().actions()
    assert window.quit_action in file_menu.actions()
    assert window.quit_action.shortcut() == QKeySequence("Ctrl+Q")

    window.quit_action.trigger()
    assert not window.isVisible()


def test_ctrl_q_from_the_keyboard_closes_the_window(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_help_about_names_the_version(qtbot, window):
    help_menu = window.findChild(QMenu, "help_menu")
    assert window.about_action in help_menu.actions()

    window.about_action.trigger()
    box = window.findChild(QMessageBox, "about_box")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert nnlab.__version__ in box.text()
    box.close()
    assert window.close()


def test_default_size_fits_a_1024x768_projector():
    available = QSize(1024, 768 - 40)  # minus a task bar
    size = default_window_size(available)
    assert size.width() <= available.width()
    assert size.height() <= available.height()
    assert default_window_size(QSize(1920, 1080)) == PREFERRED_SIZE


def test_window_fits_its_screen_and_can_shrink(window):
    available = window.screen().availableGeometry()
    assert window.width() <= available.width()
    assert window.height() <= available.height()
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 768


def _compile_translation(tmp_path: Path, source: str, translation: str) -> Path:
    """Write ``nnlab_zh_CN.qm`` translating ``source`` in context CourseWindow; return its folder."""
    ts_file = tmp_path / "nnlab_zh_CN.ts"
    ts_file.write_text(
        textwrap.dedent(
            f"""\
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE TS>
            <TS version="2.1" language="zh_CN">
            <context>
                <name>CourseWindow</name>
                <message>
                    <source>{source}</source>
                    <translation>{translation}</translation>
                </message>
            </context>
            </TS>
            """
        ),
        encoding="utf-8",
    )
    import PySide6

    lrelease = Path(PySide6.__file__).parent / "lrelease"
    subprocess.run(
        [str(lrelease), str(ts_file), "-qm", str(tmp_path / "nnlab_zh_CN.qm")],
        check=True,
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    return tmp_path


def test_interface_strings_are_translated_when_a_qm_file_exists(qtbot, tmp_path):
    folder = _compile_translation(tmp_path, "&amp;File", "文件(&amp;F)")
    translations = Translations(QApplication.instance(), directory=folder)
    try:
        assert translations.install("zh_CN") and translations.language == "zh_CN"
        window = CourseWindow("neuron")
        qtbot.addWidget(window)
        assert window.findChild(QMenu, "file_menu").title() == "文件(&F)"
        # A string without a translation stays in English.
        assert window.findChild(QMenu, "help_menu").title() == "&Help"
    finally:
        translations.install("en")


def test_a_language_without_its_qm_file_stays_english_and_no_error(tmp_path):
    translations = Translations(QApplication.instance(), directory=tmp_path)
    assert not translations.install("zh_TW")
    assert translations.language == "en"
    assert QCoreApplication.translate("CourseWindow", "&File") == "&File"


def _run_python(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


# Runs launch() in a fresh interpreter and, once the event loop runs, checks the window and the
# application names, then ends the loop with a code that launch() must hand back.
_LAUNCH_AND_CHECK = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from nnlab.gui import app as gui_app
from nnlab.gui.shell.course_window import CourseWindow

def check():
    app = QApplication.instance()
    shown = [w for w in app.topLevelWidgets() if isinstance(w, CourseWindow) and w.isVisible()]
    problems = []
    if len(shown) != 1:
        problems.append(f"{len(shown)} main windows shown")
    if (app.applicationName(), app.organizationName()) != ("nnlab", "nnlab"):
        problems.append(f"names {app.applicationName()!r}, {app.organizationName()!r}")
    if "nnlab" not in QSettings().fileName():
        problems.append(f"settings file {QSettings().fileName()!r}")
    print("; ".join(problems))
    app.exit(3 if problems else 42)

create_application = gui_app.create_application

def create_and_schedule_check(argv, language=None):
    app = create_application(argv, language)
    QTimer.singleShot(0, check)
    return app

gui_app.create_application = create_and_schedule_check
sys.exit(gui_app.launch([]))
"""


def test_launch_shows_the_main_window_and_returns_the_exit_code():
    result = _run_python("-c", _LAUNCH_AND_CHECK)
    assert result.returncode == 42, result.stdout + result.stderr


def test_python_m_nnlab_help_exits_0():
    result = _run_python("-m", "nnlab", "--help")
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout.lower()
    assert "nnlab" in result.stdout
