"""The windows as a lecturer drives them on the first evening: File › Open and Save from the
menu and their keys, with the file dialogs answered as a user would; the run keys while a
field has focus; the timeline and speed keys.

Menu items are fired with ``QAction.trigger()`` on the action found in the menu bar, keys
with ``qtbot.keyClick`` on the focused widget; a slot is never called directly.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from nnlab.app.lab_session import LabSession
from nnlab.core.experiment import load_experiment
from nnlab.core.presets import load_preset
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import menu, shown_window



def menu_action(window, menu_title: str, text: str):
    """The action of the menu ``menu_title`` whose text is ``text`` or starts with ``text``
    and "…" (the '&' of mnemonics ignored), as a user finds it."""
    for action in menu(window, menu_title).actions():
        shown = action.text().replace("&", "")
        if shown == text or shown.startswith(text + "…"):
            return action
    raise AssertionError(f"no {menu_title} › {text} in the menu bar")


def answer_file_dialogs(monkeypatch, *, save=None, open_=None, open_many=None):
    """Patch QFileDialog's static functions to answer as a user picking these paths."""
    asked = []

    def answer(kind, value):
        def dialog(*args, **kwargs):
            asked.append(kind)
            return value, ""
        return dialog

    if save is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", answer("save", str(save)))
    if open_ is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", answer("open", str(open_)))
    if open_many is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                            answer("open many", [str(p) for p in open_many]))
    return asked



@pytest.fixture
def lesson(qtbot):
    window = shown_window(qtbot, CourseWindow("neuron", projector=False))
    yield window
    window.close()


@pytest.fixture
def lab(qtbot):
    experiment = load_preset("three-class-3-2-3")
    window = CourseWindow("lab", session=LabSession(experiment), projector=False)
    window.page.session.setParent(window)
    shown_window(qtbot, window)
    yield window
    window.close()


def type_into(qtbot, field: QLineEdit, text: str) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


# --- File › Open and Save ------------------------------------------------------------------


def test_lesson_save_change_open_through_the_menu_gives_the_saved_settings(
        qtbot, lesson, monkeypatch, tmp_path, warnings):
    path = tmp_path / "class.toml"
    type_into(qtbot, lesson.page.panel.fields["learning_rate"].edit, "0.4")
    saved = lesson.page.session.experiment
    assert saved.training.learning_rate == 0.4
    asked = answer_file_dialogs(monkeypatch, save=path, open_=path)

    menu_action(lesson, "File", "Save experiment as").trigger()
    assert asked == ["save"] and path.exists()
    assert load_experiment(path).training.learning_rate == 0.4

    type_into(qtbot, lesson.page.panel.fields["w"].edit, "0.6")
    assert lesson.page.session.experiment.neuron.w == 0.6
    menu_action(lesson, "File", "Open experiment").trigger()
    assert asked == ["save", "open"]
    assert warnings == []
    assert dataclasses.replace(lesson.page.session.experiment, name="", description="") == \
        dataclasses.replace(saved, name="", description="")
    assert lesson.page.panel.fields["w"].edit.text() == "2"


def test_ctrl_s_and_ctrl_o_save_and_open_in_the_lesson(qtbot, lesson, monkeypatch, tmp_path,
                                                        warnings):
    path = tmp_path / "keys.toml"
    answer_file_dialogs(monkeypatch, save=path, open_=path)
    lesson.setFocus()
    qtbot.keyClick(lesson, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.exists()
    before = lesson.page.session.experiment
    type_into(qtbot, lesson.page.panel.fields["b"].edit, "-1")
    lesson.setFocus()
    qtbot.keyClick(lesson, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert warnings == []
    assert lesson.page.session.experiment.neuron == before.neuron


def test_lab_save_change_open_through_the_menu_gives_the_saved_settings(
        qtbot, lab, monkeypatch, tmp_path, warnings):
    path = tmp_path / "net.toml"
    asked = answer_file_dialogs(monkeypatch, save=path, open_=path)
    saved = lab.page.session.experiment
    menu_action(lab, "File", "Save experiment as").trigger()
    assert path.exists()
    lab.page.load_preset_named("xor-2-8-2")
    assert lab.page.session.experiment.data.dataset == "xor"
    menu_action(lab, "File", "Open experiment").trigger()
    assert asked == ["save", "open"] and warnings == []
    assert lab.page.session.experiment.data == saved.data
    assert lab.page.session.experiment.network == saved.network
    assert lab.page.session.experiment.training == saved.training


def test_lab_open_dataset_from_the_menu_and_ctrl_shift_o(qtbot, lab, monkeypatch, tmp_path,
                                                         warnings):
    rng = np.random.default_rng(3)
    path = tmp_path / "flowers.csv"
    path.write_text("a,b,c,d,kind\n" + "\n".join(
        ",".join(f"{v:.3f}" for v in rng.random(4)) + f",{('setosa', 'virginica')[k % 2]}"
        for k in range(40)) + "\n", encoding="utf-8")
    asked = answer_file_dialogs(monkeypatch, open_many=[path])
    menu_action(lab, "File", "Open dataset").trigger()
    assert warnings == []
    assert asked == ["open many"]
    assert lab.page.session.experiment.data.dataset == "csv"
    assert lab.page.session.dataset.n_features == 4

    lab.page.load_preset_named("xor-2-8-2")
    lab.setFocus()
    qtbot.keyClick(lab, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["open many", "open many"] and warnings == []
    assert lab.page.session.experiment.data.dataset == "csv"


# --- the run keys while a field has focus ---------------------------------------------------


def focused_field(qtbot, window, text: str) -> QLineEdit:
    """η typed into its field, which keeps the focus, the cursor after the text."""
    field = window.page.panel.fields["learning_rate"].edit
    type_into(qtbot, field, text)
    assert QApplication.focusWidget() is field
    return field


def is_state(wanted):
    return lambda state: state == wanted


def test_space_r_and_right_keep_running_the_lesson_while_a_field_has_focus(qtbot, lesson):
    field = focused_field(qtbot, lesson, "0.5")
    lesson.page.session.set_speed(200.0)
    with qtbot.waitSignal(lesson.page.session.state_changed, check_params_cb=is_state("running")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    with qtbot.waitSignal(lesson.page.session.state_changed, check_params_cb=is_state("paused")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert field.text() == "0.5" and lesson.page.panel.is_valid
    with qtbot.waitSignal(lesson.page.session.state_changed, check_params_cb=is_state("idle")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R)
    assert field.text() == "0.5" and lesson.page.panel.is_valid
    assert lesson.page.session.latest_epoch == 0

    with qtbot.waitSignal(lesson.page.session.state_changed, check_params_cb=is_state("paused")):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # cursor at the end: step
    assert lesson.page.session.latest_epoch == 1
    assert QApplication.focusWidget() is field and field.text() == "0.5"


def test_a_number_field_takes_no_letters_or_spaces_but_keeps_its_cursor_keys(qtbot, lesson):
    field = focused_field(qtbot, lesson, "0.25")
    qtbot.keyClicks(field, "x y")
    assert field.text() == "0.25" and lesson.page.panel.is_valid
    qtbot.keyClick(field, Qt.Key.Key_Left)  # the cursor moves: the field's key
    assert field.cursorPosition() == 3 and lesson.page.session.latest_epoch == 0
    qtbot.keyClicks(field, "-")  # a minus is part of a number: typed, not "slower"
    assert field.text() == "0.2-5"
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # leaves the field: every key is the window's
    assert QApplication.focusWidget() is not field


def test_left_home_end_walk_the_timeline_and_minus_plus_change_the_speed(qtbot, lesson):
    lesson.page.session.set_speed(None)
    for epoch in (1, 2, 3):
        menu_action(lesson, "Run", "Step").trigger()
        qtbot.waitUntil(lambda: lesson.page.session.latest_epoch == epoch)
    lesson.setFocus()
    qtbot.keyClick(lesson, Qt.Key.Key_Left)
    assert lesson.page.shown_epoch() == 2
    qtbot.keyClick(lesson, Qt.Key.Key_Home)
    assert lesson.page.shown_epoch() == 0
    qtbot.keyClick(lesson, Qt.Key.Key_Right)  # behind the newest: the next recorded epoch
    assert lesson.page.shown_epoch() == 1 and lesson.page.session.latest_epoch == 3
    qtbot.keyClick(lesson, Qt.Key.Key_End)
    assert lesson.page.shown_epoch() == 3 and lesson.page._live

    lesson.page.controls.set_speed(10.0)
    lesson.page.session.set_speed(10.0)
    qtbot.keyClick(lesson, Qt.Key.Key_Minus)
    assert lesson.page.session.speed == pytest.approx(5.0, rel=0.15)
    qtbot.keyClick(lesson, Qt.Key.Key_Plus)
    qtbot.keyClick(lesson, Qt.Key.Key_Equal)  # "+" without Shift
    assert lesson.page.session.speed == pytest.approx(20.0, rel=0.15)


def test_the_speed_is_saved_in_the_experiment_file_and_comes_back_with_it(
        qtbot, lesson, monkeypatch, tmp_path, warnings):
    assert lesson.page.session.speed == 10.0  # the preset's teaching pace
    lesson.setFocus()
    qtbot.keyClick(lesson, Qt.Key.Key_Minus)
    slow = lesson.page.session.speed
    assert slow < 10.0
    type_into(qtbot, lesson.page.panel.fields["w"].edit, "1.5")  # an edit keeps the pace
    assert lesson.page.session.speed == slow
    path = tmp_path / "slow.toml"
    answer_file_dialogs(monkeypatch, save=path, open_=path)
    menu_action(lesson, "File", "Save experiment as").trigger()
    assert load_experiment(path).training.speed == slow
    menu_action(lesson, "Classic start", "w = 2, b = 2 (a = 0.98)").trigger()
    assert lesson.page.session.speed == 10.0
    menu_action(lesson, "File", "Open experiment").trigger()
    assert lesson.page.session.speed == slow and warnings == []
    assert lesson.page.controls.speed_label.text() == f"{slow:.3g} epochs/s"


