"""Lessons that explain rather than train: a page of steps declared in the test, reached
through the course window, moved with the window's keys and the step bar's buttons; Run and
Save off while it is on show; a button that opens another lesson; the typeset formulas; and
``nnlab export --lesson``."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from nnlab.cli import main
from nnlab.core.presets import load_preset
from nnlab.gui.lessons import LESSONS
from nnlab.gui.page.dashboard import Dashboard
from nnlab.gui.page.explainer_page import ExplainerPage
from nnlab.gui.page.lesson import Lesson
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.widgets.formula import Formula, FormulaError, formula_svg

from qt_helpers import shown_window


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


class StepModel:
    """The smallest model: the step on show and a number that Reset brings back."""

    def __init__(self):
        self.step = 0
        self.value = 1.0

    def reset(self) -> None:
        self.step = 0
        self.value = 1.0


class StepView(QWidget):
    title = "Step"
    slug = "step"

    def __init__(self):
        super().__init__()
        self.label = QLabel()
        self.formula = Formula()
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.formula)

    def update_frame(self, model) -> None:
        self.label.setText(f"step {model.step}, value {model.value}")
        self.formula.set_latex(rf"x_{{{model.step}}} = \frac{{{model.step}}}{{2}}")

    def apply_theme(self, theme) -> None:
        self.formula.apply_theme(theme)

    def export_widget(self) -> QWidget:
        return self


class StepPage(ExplainerPage):
    def __init__(self, actions, session=None, parent=None):
        super().__init__(session or StepModel(), actions, parent)
        self.panel_title = "Steps"
        self.panel = QWidget()
        self.views = {"step": StepView()}
        self.dashboard = Dashboard(self.views, lambda projector: [("Steps",
                                                                   [[self.views["step"]]])])
        self.open_neuron = QPushButton("See it train")
        self.open_neuron.clicked.connect(self._open_neuron)
        self._set_up()

    def widgets_above_controls(self):
        return [self.open_neuron] if hasattr(self, "open_neuron") else []

    def step_count(self) -> int:
        return 4

    def step_title(self, index: int) -> str:
        return f"title {index}"

    def status_text(self, model) -> str:
        return f"at step {model.step}"

    def numbers(self) -> dict:
        return {"step": self.session.step}

    def figure_steps(self):
        return [0, 3]

    def _open_neuron(self) -> None:
        experiment = load_preset("neuron-2-2")
        self.lesson_wanted.emit("neuron", dataclasses.replace(
            experiment, neuron=dataclasses.replace(experiment.neuron, w=0.6, b=0.9)))


STEPS = Lesson(name="steps", title=QT_TRANSLATE_NOOP("Lessons", "Steps"),
               description=QT_TRANSLATE_NOOP("Lessons", "Declared in the test suite"),
               page=StepPage, kind="", figures=("step",))


@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot, CourseWindow("steps", projector=False,
                                              lessons=(*LESSONS, STEPS), remember=False))
    yield window
    window.close()


def test_the_window_keys_and_the_step_bar_walk_through_the_steps(qtbot, window):
    page = window.page
    bar = page.step_bar
    assert bar.label.text() == "Step 1 of 4: title 0" and not bar.back.isEnabled()
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    assert page.session.step == 2 and page.views["step"].label.text().startswith("step 2")
    assert window.statusBar().currentMessage() == "at step 2"
    press(qtbot, window, Qt.Key.Key_Left)
    assert page.session.step == 1
    press(qtbot, window, Qt.Key.Key_End)
    assert page.session.step == 3 and not bar.next.isEnabled()
    press(qtbot, window, Qt.Key.Key_Right)  # past the last step: stays there
    assert page.session.step == 3
    press(qtbot, window, Qt.Key.Key_Home)
    assert page.session.step == 0
    qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)
    assert page.session.step == 1 and bar.label.text() == "Step 2 of 4: title 1"
    qtbot.mouseClick(bar.back, Qt.MouseButton.LeftButton)
    assert page.session.step == 0


def test_run_and_save_are_off_while_it_is_on_show_and_on_again_elsewhere(qtbot, window):
    assert not window.run_action.isEnabled() and not window.save_action.isEnabled()
    assert window.step_action.isEnabled() and window.reset_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_Plus)  # no speed to change: nothing happens, no error
    press(qtbot, window, Qt.Key.Key_Minus)
    window.show_lesson("neuron")
    assert window.run_action.isEnabled() and window.save_action.isEnabled()
    window.show_lesson("steps")
    assert not window.save_action.isEnabled()
    assert window.save_experiment() is False  # Ctrl+S with the action off changes nothing


def test_reset_brings_the_model_back(qtbot, window):
    page = window.page
    page.session.value = 5.0
    press(qtbot, window, Qt.Key.Key_End)
    press(qtbot, window, Qt.Key.Key_R)
    assert page.session.step == 0 and page.session.value == 1.0
    assert page.views["step"].label.text() == "step 0, value 1.0"


def test_a_button_opens_another_lesson_with_an_experiment(qtbot, window):
    qtbot.mouseClick(window.page.open_neuron, Qt.MouseButton.LeftButton)
    assert window.lesson.name == "neuron"
    neuron = window.page.session.experiment.neuron
    assert (neuron.w, neuron.b) == (0.6, 0.9)


def test_a_change_of_language_keeps_the_step_on_show(qtbot, window):
    press(qtbot, window, Qt.Key.Key_Right)
    old = window.page
    window.retranslate()
    assert window.page is not old and window.page.session is old.session
    assert window.page.session.step == 1
    assert window.page.step_bar.label.text() == "Step 2 of 4: title 1"


# --- the typeset formulas -----------------------------------------------------------------------


def test_a_formula_is_drawn_in_the_themes_colour_and_grows_with_its_font(qtbot, window):
    formula = window.page.views["step"].formula
    image = formula.grab().toImage()
    dark = sum(1 for x in range(image.width()) for y in range(image.height())
               if QColor(image.pixel(x, y)).lightness() < 100)
    assert dark > 50  # the formula is there, not a blank box
    normal = formula.sizeHint()
    window.projector_action.trigger()
    assert formula.sizeHint().width() > 1.3 * normal.width()


def test_a_formula_with_a_mistake_says_what_it_could_not_typeset():
    with pytest.raises(FormulaError, match=r"\\frac"):
        formula_svg(r"\frac{1}{", "#000000")


# --- nnlab export --lesson --------------------------------------------------------------------


def test_export_of_a_lesson_of_steps_writes_a_figure_per_step_and_its_numbers(
        qapp, tmp_path, monkeypatch):
    import nnlab.gui.lessons as registry

    monkeypatch.setattr(registry, "LESSONS", (*LESSONS, STEPS))
    monkeypatch.setattr("nnlab.gui.shell.course_window.LESSONS", (*LESSONS, STEPS))
    monkeypatch.setattr("nnlab.cli.LESSONS", (*LESSONS, STEPS), raising=False)
    from nnlab.gui.shell.headless_export import export_lesson

    written = export_lesson("steps", tmp_path / "out", "png")
    assert sorted(p.name for p in written) == [
        "dashboard-step1.png", "dashboard-step4.png", "numbers.json", "step-step1.png",
        "step-step4.png"]
    assert (tmp_path / "out" / "numbers.json").read_text().strip().startswith("{")
    assert QImage(str(tmp_path / "out" / "step-step4.png")).width() > 200


def test_export_of_the_network_lab_by_lesson_is_refused(qapp, tmp_path, capsys):
    assert main(["export", "--lesson", "lab", "--out", str(tmp_path / "out")]) == 2
    assert "no figures" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_export_of_an_unknown_lesson_or_an_epoch_with_a_lesson_is_refused(qapp, tmp_path,
                                                                           capsys):
    assert main(["export", "--lesson", "nope", "--out", str(tmp_path / "out")]) == 2
    assert "unknown lesson" in capsys.readouterr().err
    assert main(["export", "--lesson", "neuron", "--epoch", "3",
                 "--out", str(tmp_path / "out")]) == 2
    assert "--epoch" in capsys.readouterr().err
    assert main(["export", "--lesson", "neuron", "--preset", "neuron-2-2",
                 "--out", str(tmp_path / "out")]) == 2  # one source, not two
    assert not (tmp_path / "out").exists()


def test_export_of_the_neuron_lesson_by_name_uses_its_default_experiment(qapp, tmp_path):
    out = tmp_path / "out"
    assert main(["export", "--lesson", "neuron", "--out", str(out), "--caption",
                 "--format", "svg"]) == 0
    assert "w = 2, b = 2" in (out / "cost.svg").read_text(encoding="utf-8")


def test_export_in_chinese_then_the_interface_is_as_it_was(qapp, tmp_path):
    from nnlab.gui.language import current_language

    before = current_language()
    out = tmp_path / "out"
    assert main(["export", "--preset", "neuron-2-2", "--out", str(out), "--format", "svg",
                 "--caption", "--language", "zh_CN"]) == 0
    assert "轮次" in (out / "cost.svg").read_text(encoding="utf-8")
    assert current_language() == before


def test_a_right_click_on_a_view_offers_its_export_and_copy(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMenu

    view = window.page.views["step"]
    shown = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *args: shown.append(menu))
    view.customContextMenuRequested.emit(view.rect().center())
    assert [a.text() for a in shown[0].actions()] == ["Export “Step”…",
                                                      "Copy “Step” to clipboard"]
