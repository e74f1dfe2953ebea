"""The course window as a lecturer uses it: the lesson list, moving between lessons with the
mouse and the keys, each lesson keeping its state, the menus acting on the lesson on show,
experiment files opening their lesson, and a lesson added by declaring it."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import QSettings, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QWidget

from nnlab import cli
from nnlab.app.neuron_session import NeuronSession
from nnlab.core.experiment import load_experiment
from nnlab.gui.lessons import LESSONS
from nnlab.gui.page.dashboard import Dashboard
from nnlab.gui.page.lesson import Lesson
from nnlab.gui.page.lesson_page import LessonPage
from nnlab.gui.shell.course_window import LESSON_SETTING, CourseWindow

from qt_helpers import PROCESS_START_TIMEOUT_MS, menu, shown_window



def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user presses it: to the widget that has the focus."""
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def row_of(name: str, lessons=LESSONS) -> int:
    """Where lesson ``name`` is in the list (0 for the first)."""
    return [lesson.name for lesson in lessons].index(name)


def alt(name: str, lessons=LESSONS):
    """The key that jumps to lesson ``name``: Alt and its number in the list."""
    return (getattr(Qt.Key, f"Key_{row_of(name, lessons) + 1}"), Qt.KeyboardModifier.AltModifier)


def click_lesson(qtbot, window: CourseWindow, row: int) -> None:
    lessons = window.lesson_list
    rect = lessons.visualItemRect(lessons.item(row))
    qtbot.mouseClick(lessons.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())



def visible_texts(menu_: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu_.actions() if a.isVisible()]


@pytest.fixture
def course(qtbot):
    window = shown_window(qtbot, CourseWindow("neuron", projector=False))
    yield window
    window.close()


# --- the list ---------------------------------------------------------------------------------


def test_the_list_shows_every_lesson_in_teaching_order_with_its_description(course):
    texts = [course.lesson_list.item(row).text() for row in range(course.lesson_list.count())]
    assert len(texts) == len(LESSONS) >= 2
    for number, (text, lesson) in enumerate(zip(texts, LESSONS), start=1):
        title, description = text.split("\n")
        assert title == f"{number}. {lesson.title}"
        assert description == lesson.description
    assert texts[0].startswith("1. Loss functions compared")
    assert texts[1].startswith("2. One neuron: quadratic vs cross-entropy")
    assert texts[2].startswith("3. Why cross-entropy: the derivation")
    assert texts[3].startswith("4. Backpropagation one number at a time")
    assert texts[4].startswith("5. Activation functions and vanishing gradients")
    assert texts[5].startswith("6. Network lab")
    assert course.lesson_list.currentRow() == 1
    assert "One neuron" in course.windowTitle()


def test_a_click_in_the_list_shows_that_lesson(qtbot, course):
    click_lesson(qtbot, course, row_of("lab"))
    assert course.lesson.name == "lab" and course.stack.currentWidget() is course.page
    assert course.page is course.pages["lab"] and course.page.isVisible()
    assert not course.pages["neuron"].isVisible()
    assert "Network lab" in course.windowTitle()
    assert course.panel_dock.windowTitle() == "Network"
    click_lesson(qtbot, course, row_of("neuron"))
    assert course.lesson.name == "neuron" and course.panel_dock.windowTitle() == "Experiment"


def test_ctrl_page_down_and_up_and_alt_numbers_move_between_lessons(qtbot, course):
    press(qtbot, course, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "derivation"
    press(qtbot, course, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "backprop"
    press(qtbot, course, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "activations"
    press(qtbot, course, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "lab"
    press(qtbot, course, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "lab"  # the last lesson: nowhere further
    for _ in range(4):
        press(qtbot, course, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "neuron"
    press(qtbot, course, *alt("lab"))
    assert course.lesson.name == "lab"
    press(qtbot, course, *alt("neuron"))
    assert course.lesson.name == "neuron"
    # the Lessons menu says which lesson is on show
    checked = [a.text() for a in menu(course, "Lessons").actions() if a.isChecked()]
    assert checked == ["2. One neuron: quadratic vs cross-entropy"]


def test_the_lesson_list_folds_away_with_f9_and_comes_back(qtbot, course):
    assert course.list_dock.isVisible()
    press(qtbot, course, Qt.Key.Key_F9)
    assert not course.list_dock.isVisible()
    press(qtbot, course, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "derivation"  # the keys work with the list folded away
    press(qtbot, course, Qt.Key.Key_F9)
    assert course.list_dock.isVisible() and course.lesson_list.currentRow() == 2


# --- each lesson keeps its state --------------------------------------------------------------


def test_each_lesson_keeps_its_state_when_you_switch_away_and_back(qtbot, course):
    neuron = course.page
    neuron.panel.fields["learning_rate"].edit.setFocus()
    neuron.panel.fields["learning_rate"].edit.selectAll()
    qtbot.keyClicks(neuron.panel.fields["learning_rate"].edit, "0.4")
    assert neuron.session.experiment.training.learning_rate == 0.4
    course.setFocus()
    press(qtbot, course, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: neuron.session.latest_epoch == 1)
    press(qtbot, course, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: neuron.session.latest_epoch == 2)

    press(qtbot, course, *alt("lab"))
    lab = course.page
    assert lab is not neuron and lab.session.latest_epoch == 0
    press(qtbot, course, Qt.Key.Key_Right)  # Step acts on the lab now
    qtbot.waitUntil(lambda: lab.session.latest_epoch == 1, timeout=PROCESS_START_TIMEOUT_MS)
    assert neuron.session.latest_epoch == 2

    press(qtbot, course, *alt("neuron"))
    assert course.page is neuron  # the same page, not a new one
    assert neuron.session.latest_epoch == 2
    assert neuron.session.experiment.training.learning_rate == 0.4
    assert neuron.panel.fields["learning_rate"].edit.text() == "0.4"
    assert course.pages["lab"].session.latest_epoch == 1


def test_a_run_under_way_pauses_when_another_lesson_is_shown_and_stays_paused(qtbot, course):
    neuron = course.page
    neuron.session.set_speed(5.0)  # slow: still running when the lesson changes
    with qtbot.waitSignal(neuron.session.state_changed,
                          check_params_cb=lambda state: state == "running"):
        press(qtbot, course, Qt.Key.Key_Space)
    with qtbot.waitSignal(neuron.session.state_changed,
                          check_params_cb=lambda state: state == "paused"):
        press(qtbot, course, *alt("lab"))
    assert course.lesson.name == "lab" and course.page.session.state == "idle"
    message = course.statusBar().currentMessage()
    assert "One neuron" in message and "paused" in message
    assert course.run_action.text() == "Run"  # the lab's state, not the lesson's
    press(qtbot, course, *alt("neuron"))
    assert neuron.session.state == "paused" and course.run_action.text() == "Run"


def test_run_and_reset_act_on_the_lesson_on_show_only(qtbot, course):
    neuron = course.page
    press(qtbot, course, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: neuron.session.latest_epoch == 1)
    press(qtbot, course, *alt("lab"))
    lab = course.page
    lab.session.set_speed(5.0)
    with qtbot.waitSignal(lab.session.state_changed,
                          check_params_cb=lambda state: state == "running"):
        press(qtbot, course, Qt.Key.Key_Space)
    assert course.run_action.text() == "Pause"
    assert neuron.session.state == "paused" or neuron.session.state == "idle"
    press(qtbot, course, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: lab.session.state == "idle")
    assert neuron.session.latest_epoch == 1  # untouched by the lab's Reset


# --- menus ------------------------------------------------------------------------------------


def test_a_lessons_own_menu_entries_show_only_while_it_is_on_show(qtbot, course, monkeypatch):
    assert "Open dataset…" not in visible_texts(menu(course, "File"))
    assert "Classic start" in visible_texts(menu(course, "Run"))
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: asked.append("open many") or ([], ""))
    press(qtbot, course, Qt.Key.Key_O,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == []  # the lab's key does nothing in the neuron lesson

    press(qtbot, course, *alt("lab"))
    assert "Open dataset…" in visible_texts(menu(course, "File"))
    assert "Classic start" not in visible_texts(menu(course, "Run"))
    assert "Examples" in visible_texts(menu(course, "Run"))
    press(qtbot, course, Qt.Key.Key_O,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == ["open many"]


def test_the_export_menu_lists_the_views_of_the_lesson_on_show(qtbot, course):
    neuron_entries = visible_texts(course.export_menu)
    assert "Sigmoid…" in " ".join(neuron_entries) or len(neuron_entries) == 8
    press(qtbot, course, *alt("lab"))
    lab_entries = visible_texts(course.export_menu)
    titles = [view.title + "…" for view in course.page.views.values()]
    assert lab_entries[:len(titles)] == titles and lab_entries[-1] == "Export window…"
    assert lab_entries != neuron_entries


def test_ctrl_q_closes_the_course_and_stops_training_in_every_lesson(qtbot, course):
    neuron = course.page
    neuron.session.set_speed(None)
    course.run_action.trigger()
    press(qtbot, course, *alt("lab"))
    lab = course.page
    lab.session.set_speed(None)
    course.run_action.trigger()
    press(qtbot, course, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not course.isVisible()
    assert neuron.session.training_process is None
    assert lab.session.training_process is None


# --- files --------------------------------------------------------------------------------------


def test_an_experiment_file_opens_the_lesson_it_belongs_to(qtbot, course, monkeypatch,
                                                            tmp_path, warnings):
    network = tmp_path / "network.toml"
    neuron_file = tmp_path / "neuron.toml"
    press(qtbot, course, *alt("lab"))
    course.page.load_preset_named("xor-2-8-2")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(network), ""))
    course.save_action.trigger()
    press(qtbot, course, *alt("neuron"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(neuron_file), ""))
    course.save_action.trigger()
    assert load_experiment(network).kind == "network"
    assert load_experiment(neuron_file).kind == "neuron"

    # in the neuron lesson, a network experiment: the lab is shown, with its settings
    course.pages["lab"].load_preset_named("three-class-3-2-3")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(network), ""))
    course.open_action.trigger()
    assert course.lesson.name == "lab" and warnings == []
    assert course.page.session.experiment.data.dataset == "xor"
    # and back: a neuron experiment opened in the lab shows the neuron lesson
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(neuron_file), ""))
    press(qtbot, course, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert course.lesson.name == "neuron" and warnings == []


def test_nnlab_opens_at_the_lesson_shown_last(qtbot):
    first = shown_window(qtbot, CourseWindow(projector=False))
    press(qtbot, first, *alt("lab"))
    first.close()
    assert QSettings().value(LESSON_SETTING) == "lab"
    second = shown_window(qtbot, CourseWindow(projector=False))
    assert second.lesson.name == "lab" and second.lesson_list.currentRow() == row_of("lab")
    press(qtbot, second, *alt("neuron"))
    second.close()
    third = shown_window(qtbot, CourseWindow(projector=False))
    assert third.lesson.name == "neuron"
    third.close()


def test_projector_mode_is_the_whole_windows(qtbot, course):
    press(qtbot, course, Qt.Key.Key_F5)
    assert course.projector_mode and not course.list_dock.isVisible()
    assert not course.panel_dock.isVisible()
    neuron = course.page
    press(qtbot, course, *alt("lab"))
    lab = course.page
    assert neuron.theme.name == lab.theme.name == "projector" and lab.projector_mode
    assert lab.dashboard.count() > 1  # the lab's projector pages
    press(qtbot, course, Qt.Key.Key_F5)
    assert course.list_dock.isVisible() and course.panel_dock.isVisible()
    assert neuron.theme.name == lab.theme.name == "normal"


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def launches(monkeypatch):
    calls = []
    fake = types.ModuleType("nnlab.gui.app")
    fake.launch = lambda argv=None, **options: calls.append((argv, options)) or 0
    monkeypatch.setitem(sys.modules, "nnlab.gui.app", fake)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return calls


def test_nnlab_dash_dash_lesson_opens_that_lesson(launches, capsys):
    assert cli.main(["--lesson", "lab"]) == 0
    assert launches == [([], {"lesson": "lab", "experiment": None, "language": None})]
    assert cli.main([]) == 0
    assert launches[-1] == ([], {"lesson": None, "experiment": None, "language": None})
    assert cli.main(["--lesson", "nope"]) == 2
    err = capsys.readouterr().err
    assert "unknown lesson 'nope'" in err and "losses, neuron, derivation, backprop, activations, lab" in err
    assert len(launches) == 2


def test_nnlab_lab_opens_the_lab_lesson_with_its_preset(launches):
    assert cli.main(["lab", "--preset", "xor-2-8-2"]) == 0
    (argv, options), = launches
    assert options["lesson"] == "lab" and options["experiment"].data.dataset == "xor"


def test_nnlab_lessons_lists_the_lessons_in_order(capsys):
    assert cli.main(["lessons"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == [lesson.name for lesson in LESSONS]
    assert "Loss functions compared — Classification error" in lines[0]
    assert "One neuron: quadratic vs cross-entropy — Why a neuron" in lines[1]
    assert "Why cross-entropy: the derivation — From the quadratic" in lines[2]
    assert "Backpropagation one number at a time — The chain rule" in lines[3]
    assert "Activation functions and vanishing gradients — Five activations" in lines[4]
    assert "Network lab — Multi-layer networks" in lines[5]


# --- a lesson added by declaring it -------------------------------------------------------------


class EpochView(QLabel):
    """The smallest view: the epoch on show, as text."""

    title = "Epoch"
    slug = "epoch"

    def update_frame(self, frame) -> None:
        self.setText(f"epoch {frame.shown_epoch}")

    def apply_theme(self, theme) -> None:
        self.setStyleSheet(f"color: {QColor(theme.foreground).name()}")

    def export_widget(self) -> QWidget:
        return self


class TinyPanel(QWidget):
    validity_changed = Signal(bool)
    is_valid = True

    def __init__(self, experiment):
        super().__init__()
        self.experiment = experiment

    def set_experiment(self, experiment) -> None:
        self.experiment = experiment

    def first_error(self) -> str:
        return ""


class TinyPage(LessonPage):
    def __init__(self, actions, session=None, parent=None):
        super().__init__(session or NeuronSession(), actions, parent)
        self.session.setParent(self)
        self.panel_title = "Tiny"
        self.views = {"epoch": EpochView()}
        self.panel = TinyPanel(self.session.experiment)
        self.dashboard = Dashboard(self.views, lambda projector: [("Tiny",
                                                                   [[self.views["epoch"]]])])
        self._set_up()

    def current_frame(self):
        return types.SimpleNamespace(shown_epoch=self.shown_epoch(), epochs=300,
                                     live=self._live)

    def run_key(self):
        return []

    def status_text(self, frame) -> str:
        return f"tiny at epoch {frame.shown_epoch}"

    def caption_text(self, frame) -> str:
        return ""


TINY = Lesson(name="tiny", title=QT_TRANSLATE_NOOP("Lessons", "A tiny lesson"),
              description=QT_TRANSLATE_NOOP("Lessons", "Declared in the test suite"),
              page=TinyPage, kind="tiny")


def test_a_lesson_declared_in_one_place_is_listed_and_shown(qtbot):
    window = shown_window(qtbot, CourseWindow("neuron", projector=False,
                                       lessons=(*LESSONS, TINY), remember=False))
    row = len(LESSONS)
    assert window.lesson_list.item(row).text() == f"{row + 1}. A tiny lesson\nDeclared in the test suite"
    press(qtbot, window, *alt("tiny", (*LESSONS, TINY)))
    assert window.lesson.name == "tiny" and window.panel_dock.windowTitle() == "Tiny"
    page = window.page
    press(qtbot, window, Qt.Key.Key_Right)  # the window's Step trains the tiny lesson
    qtbot.waitUntil(lambda: page.session.latest_epoch == 1)
    page.redraw()
    assert page.views["epoch"].text() == "epoch 1"
    assert window.statusBar().currentMessage() == "tiny at epoch 1"
    assert window.export_menu.actions()[0].text() == "Epoch…"
    window.close()


def test_the_page_of_a_lesson_is_made_only_when_it_is_first_shown(qtbot):
    window = shown_window(qtbot, CourseWindow("neuron", projector=False))
    assert set(window.pages) == {"neuron"}
    window.close()
    assert QApplication.instance() is not None
