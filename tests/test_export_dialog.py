"""File › Export as a lecturer uses it: the dialog never replaces a file unasked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QPushButton,
)

from nnlab.gui.widgets.export_dialog import ExportDialog
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import show

OLD = b"a figure made for last year's slides"


@pytest.fixture
def window(qtbot):
    window = show(qtbot, CourseWindow("neuron", projector=False), 1366, 740)
    yield window
    window.close()


@pytest.fixture
def questions(monkeypatch):
    """The questions the dialog asks (title, text), answered with ``questions.answer``."""
    asked = _Asked()

    def question(parent, title, text, *args, **kwargs):
        asked.append((title, text))
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


class _Asked(list):
    answer = QMessageBox.StandardButton.No


def in_the_dialog(qtbot, *steps):
    """Do ``steps(dialog)`` one after the other in the export dialog once it is open (it is
    modal: the menu's action returns when it closes)."""
    remaining = list(steps)

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(5, act)  # not open yet
            return
        remaining.pop(0)(dialog)
        if remaining:
            QTimer.singleShot(0, act)

    QTimer.singleShot(0, act)
    return remaining


def type_path(qtbot, path):
    def step(dialog):
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.path_edit, str(path).replace("FMT", dialog.format()))
    return step


def press(qtbot, which):
    def step(dialog):
        button = dialog.findChild(QDialogButtonBox).button(which)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return step


SAVE = QDialogButtonBox.StandardButton.Save
CANCEL = QDialogButtonBox.StandardButton.Cancel


def test_a_typed_name_of_an_existing_file_is_asked_about_and_kept_when_declined(
        qtbot, window, tmp_path, questions):
    figures = {fmt: tmp_path / f"slide.{fmt}" for fmt in ("png", "svg", "pdf")}
    for path in figures.values():
        path.write_bytes(OLD)
    questions.answer = QMessageBox.StandardButton.No
    left = in_the_dialog(qtbot, type_path(qtbot, tmp_path / "slide.FMT"), press(qtbot, SAVE),
                         press(qtbot, CANCEL))
    window.export_window_action.trigger()  # File › Export › Export window… (Ctrl+E)
    assert left == []
    assert len(questions) == 1
    title, text = questions[0]
    assert "slide." in text and str(tmp_path) in text  # it names the file
    assert all(path.read_bytes() == OLD for path in figures.values())


def test_the_file_is_replaced_when_the_user_says_so(qtbot, window, tmp_path, questions):
    for fmt in ("png", "svg", "pdf"):
        (tmp_path / f"slide.{fmt}").write_bytes(OLD)
    questions.answer = QMessageBox.StandardButton.Yes
    left = in_the_dialog(qtbot, type_path(qtbot, tmp_path / "slide.FMT"), press(qtbot, SAVE))
    window.export_menu.actions()[0].trigger()  # the first view's entry in File › Export
    assert left == []
    assert len(questions) == 1
    replaced = [path for path in tmp_path.iterdir() if path.read_bytes() != OLD]
    assert len(replaced) == 1 and replaced[0].stem == "slide"


def test_a_new_file_is_written_without_a_question(qtbot, window, tmp_path, questions):
    left = in_the_dialog(qtbot, type_path(qtbot, tmp_path / "new.FMT"), press(qtbot, SAVE))
    window.export_window_action.trigger()
    assert left == [] and questions == []
    assert [path.stem for path in tmp_path.iterdir()] == ["new"]


def test_a_file_chosen_with_browse_is_confirmed_by_the_file_dialog_alone(
        qtbot, window, tmp_path, questions, monkeypatch):
    chosen = {}

    def get_save_file_name(parent, caption, directory, filter_text, *args, **kwargs):
        chosen["options"] = kwargs.get("options", args[1] if len(args) > 1 else None)
        path = tmp_path / f"slide.{parent.format()}"
        path.write_bytes(OLD)  # the file dialog has asked about replacing it
        return str(path), filter_text

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)

    def click_browse(dialog):
        browse_button = next(button for button in dialog.findChildren(QPushButton)
                             if "Browse" in button.text())
        qtbot.mouseClick(browse_button, Qt.MouseButton.LeftButton)

    left = in_the_dialog(qtbot, click_browse, press(qtbot, SAVE))
    window.export_window_action.trigger()
    assert left == []
    assert questions == []  # not asked twice
    options = chosen["options"]
    assert options is None or not options & QFileDialog.Option.DontConfirmOverwrite
    assert [path.read_bytes() != OLD for path in tmp_path.iterdir()] == [True]
