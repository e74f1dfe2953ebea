"""The lesson "Backpropagation one number at a time" as a lecturer uses it: reached through
the lesson list or ``nnlab --lesson backprop``, walked through with the arrow keys, Home, End
and the Next / Back buttons, the diagram lighting the step's neurons and connections and the
formulas carrying the numbers; a weight typed into the diagram (a bad value refused with the
reason); the bias switch; a random start from a seed; the descent methods compared on the
"Train on" tab, against epochs, updates and samples; projector mode; and
``nnlab export --lesson backprop``."""

from __future__ import annotations

import json
import sys
import types

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage

from nnlab import cli
from nnlab.cli import main
from nnlab.core.backprop_steps import (
    BIAS_NAMES, DEFAULT_EXAMPLE, PARAMETER_NAMES, WEIGHT_NAMES, backprop_numbers,
)
from nnlab.gui.lessons import LESSONS
from nnlab.gui.lessons.backprop.steps import STEP_COUNT
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import shown_window


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user presses it: to the widget that has the focus."""
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def latex_of(page) -> str:
    return "\n".join(formula.latex for formula in page.views["formula"].formulas)


def words_of(page) -> str:
    return "\n".join(label.text() for label in page.views["formula"].labels)


def click_label(qtbot, diagram, name: str) -> None:
    """A click on the label of a weight, bias or input in the diagram."""
    g = diagram.geometry_now()
    rect = g.weights.get(name) or g.biases.get(name) or g.inputs.get(name)
    qtbot.mouseClick(diagram, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def click_check_box(qtbot, box) -> None:
    """A click on a check box's square, where the user clicks."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def type_into_diagram(qtbot, page, name: str, text: str) -> None:
    diagram = page.views["network"]
    click_label(qtbot, diagram, name)
    assert diagram.editing == name and diagram.editor.hasFocus()
    qtbot.keyClicks(diagram.editor, text)
    qtbot.keyClick(diagram.editor, Qt.Key.Key_Return)


@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot, CourseWindow("backprop", projector=False, remember=False))
    yield window
    window.close()


# --- reaching the lesson ---------------------------------------------------------------------


def test_the_lesson_list_opens_the_lesson_after_the_derivation(qtbot):
    window = shown_window(qtbot, CourseWindow("losses", projector=False, remember=False))
    names = [lesson.name for lesson in LESSONS]
    assert names.index("backprop") == names.index("derivation") + 1
    lessons = window.lesson_list
    row = names.index("backprop")
    assert lessons.item(row).text().startswith(f"{row + 1}. Backpropagation one number")
    rect = lessons.visualItemRect(lessons.item(row))
    qtbot.mouseClick(lessons.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.lesson.name == "backprop"
    assert window.page.step_bar.label.text() == (
        "Step 1 of 14: the network, the sample and the loss")
    window.close()


def test_nnlab_dash_dash_lesson_backprop(monkeypatch):
    calls = []
    fake = types.ModuleType("nnlab.gui.app")
    fake.launch = lambda argv=None, **options: calls.append(options) or 0
    monkeypatch.setitem(sys.modules, "nnlab.gui.app", fake)
    assert cli.main(["--lesson", "backprop"]) == 0
    assert calls[-1]["lesson"] == "backprop"


# --- walking through the steps -----------------------------------------------------------------


def test_the_arrow_keys_home_and_end_walk_through_the_fourteen_steps(qtbot, window):
    page = window.page
    bar = page.step_bar
    diagram = page.views["network"]
    assert page.session.step == 0 and not bar.back.isEnabled()
    lit = [diagram._frame.diagram.highlighted]
    for step in range(1, STEP_COUNT):
        press(qtbot, window, Qt.Key.Key_Right)
        assert page.session.step == step
        assert bar.label.text().startswith(f"Step {step + 1} of 14: ")
        lit.append(diagram._frame.diagram.highlighted)
    assert not bar.next.isEnabled()
    press(qtbot, window, Qt.Key.Key_Right)  # past the last: it stays
    assert page.session.step == STEP_COUNT - 1
    assert "the loss after the update" in bar.label.text()
    # the diagram lights what each step is about
    assert lit[1] == {"x1", "x2", "x3", "w1", "w2", "w3", "b1", "h1"}
    assert lit[2] == {"x1", "x2", "x3", "w4", "w5", "w6", "b2", "h2"}
    assert lit[3] == {"h1", "h2", "w7", "w8", "b3", "o1"}
    assert lit[8] == {"h1", "o1", "w7"}
    assert lit[11] == {"x1", "x2", "x3", "h1", "h2", *WEIGHT_NAMES[:6], "b1", "b2"}
    assert lit[12] == set(WEIGHT_NAMES) | set(BIAS_NAMES)
    press(qtbot, window, Qt.Key.Key_Left)
    assert page.session.step == STEP_COUNT - 2 and "the update" in bar.label.text()
    press(qtbot, window, Qt.Key.Key_Home)
    assert page.session.step == 0
    press(qtbot, window, Qt.Key.Key_End)
    assert page.session.step == STEP_COUNT - 1


def test_next_and_back_step_with_the_mouse(qtbot, window):
    page = window.page
    bar = page.step_bar
    for _ in range(3):
        qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)
    assert page.session.step == 3 and "forward: output o1" in bar.label.text()
    qtbot.mouseClick(bar.back, Qt.MouseButton.LeftButton)
    assert page.session.step == 2 and "hidden unit h2" in bar.label.text()
    press(qtbot, window, Qt.Key.Key_Right)  # the keys still reach the window
    assert page.session.step == 3


def test_each_step_shows_its_formulas_with_the_numbers(qtbot, window):
    page = window.page
    n = backprop_numbers(DEFAULT_EXAMPLE)
    page.set_step(0)
    assert r"\mathcal{L} = \frac{1}{2}\sum_{i=1}^{3}(\hat{y}_i - y_i)^2" in latex_of(page)
    assert "w1, w2, w3 carry x1, x2, x3 into the hidden unit h1" in words_of(page)
    assert "w7, w8 carry h1, h2 into the output o1" in words_of(page)
    assert r"x = (1, 0.5, {−}0.5)" in latex_of(page) and r"\eta = 0.5" in latex_of(page)
    page.set_step(1)  # z_h1 = 0.15·1 + (−0.2)·0.5 + 0.25·(−0.5) + 0.1 = 0.025
    assert (r"z_{h_{1}} = 0.15 \cdot 1 + ({−}0.2) \cdot 0.5 + 0.25 \cdot ({−}0.5) + 0.1 "
            r"= 0.025") in latex_of(page)
    assert r"a_{h_{1}} = \sigma(0.025) = 0.506" in latex_of(page)
    page.set_step(6)
    assert "= 0.430" in latex_of(page) or "= 0.43" in latex_of(page)
    page.set_step(7)
    assert r"\delta_{o_{1}} = (0.495 - 1) \cdot 0.495 \cdot (1 - 0.495) = {−}0.126" \
        in latex_of(page)
    page.set_step(8)  # ∂ℒ/∂w7 = δ_o1·a_h1, beside it its finite difference, six digits
    grad = f"{n.gradients['w7']:.6g}".replace("-", "{−}")
    assert rf"= {grad}" in latex_of(page)
    assert rf"D_{{w_{{7}}}} = {grad}" in latex_of(page)
    page.set_step(9)
    for name in ("w8", "w12", "b3", "b5"):
        assert rf"\partial \mathcal{{L}} / \partial {name[0]}_{{{name[1:]}}}" in latex_of(page)
    page.set_step(12)
    assert r"w_{7} \leftarrow 0.4 - 0.5 \cdot ({−}0.06390) = 0.4319" in latex_of(page)
    page.set_step(13)
    assert r"\mathcal{L}' = " in latex_of(page) and "= 0.388" in latex_of(page)
    assert n.loss_after < n.loss


def test_every_formula_of_every_step_is_drawn(qtbot, window):
    page = window.page
    for step in range(STEP_COUNT):
        page.set_step(step)
        formulas = page.views["formula"].formulas
        assert formulas, step
        for formula in formulas:
            image = formula.grab().toImage()
            dark = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                       if QColor(image.pixel(x, y)).lightness() < 110)
            assert dark > 10, (step, formula.latex)


# --- typing into the diagram -------------------------------------------------------------------


def test_a_weight_typed_into_the_diagram_changes_the_gradients(qtbot, window):
    page = window.page
    page.set_step(8)
    before = page.numbers()["gradients"]["w7"]
    type_into_diagram(qtbot, page, "w7", "1.5")
    assert page.session.example.weights[6] == 1.5
    assert not page.views["network"].editor.isVisible()
    numbers = page.numbers()
    assert numbers["weights"]["w7"] == 1.5
    assert numbers["gradients"]["w7"] != before
    assert numbers["gradients"]["w7"] == pytest.approx(numbers["finite_differences"]["w7"],
                                                       abs=1e-9)
    assert page.views["network"].label_text("w7") == "w7 = 1.5"
    assert f"{numbers['gradients']['w7']:.6g}".replace("-", "{−}") in latex_of(page)
    # an input, too
    type_into_diagram(qtbot, page, "x2", "-1")
    assert page.session.example.x == (1.0, -1.0, -0.5)
    assert page.panel.inputs["x2"].edit.text() == "-1"


def test_a_bad_value_is_refused_with_the_reason_and_nothing_changes(qtbot, window):
    page = window.page
    diagram = page.views["network"]
    type_into_diagram(qtbot, page, "w3", "1.2.3")
    assert diagram.editing == "w3" and diagram.error.isVisible()
    assert "w3" in diagram.error.text() and "not a number" in diagram.error.text()
    assert page.session.example == DEFAULT_EXAMPLE
    diagram.editor.selectAll()
    qtbot.keyClicks(diagram.editor, "1e9")
    qtbot.keyClick(diagram.editor, Qt.Key.Key_Return)
    assert "from -100 to 100" in diagram.error.text().replace("−", "-")
    assert page.session.example == DEFAULT_EXAMPLE
    qtbot.keyClick(diagram.editor, Qt.Key.Key_Escape)  # dropped
    assert diagram.editing is None and not diagram.editor.isVisible()
    assert page.session.example == DEFAULT_EXAMPLE
    # a bad input typed into the panel: the reason under the field
    field = page.panel.inputs["x1"]
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "5e3")  # "5" is good, "5e" and "5e3" are not
    assert field.error.isVisibleTo(page.panel) and "x1" in field.error.text()
    assert page.session.example.x[0] == 5.0  # the last good value


def test_the_panel_sets_the_sample_class_and_learning_rate(qtbot, window):
    page = window.page
    field = page.panel.eta
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "0.1")
    assert page.session.example.eta == 0.1
    assert page.numbers()["eta"] == 0.1
    page.panel.target.setCurrentIndex(2)
    page.panel.target.activated.emit(2)
    assert page.numbers()["y"] == [0.0, 0.0, 1.0]


# --- biases, a random start, reset ---------------------------------------------------------------


def test_the_bias_switch_leaves_the_biases_out(qtbot, window):
    page = window.page
    page.set_step(1)
    assert "+ b_{1}" in latex_of(page)
    click_check_box(qtbot, page.panel.biases)
    assert not page.session.example.use_biases
    assert "b_{1}" not in latex_of(page)
    numbers = page.numbers()
    assert numbers["use_biases"] is False
    assert numbers["biases"] == {name: 0.0 for name in BIAS_NAMES}
    assert numbers["updated"]["b3"] == 0.0  # not trained
    assert page.views["network"].geometry_now().biases == {}
    for name in PARAMETER_NAMES:
        assert numbers["gradients"][name] == pytest.approx(numbers["finite_differences"][name],
                                                           abs=1e-9)
    page.set_step(9)
    assert "b_{3}" not in latex_of(page)
    click_check_box(qtbot, page.panel.biases)
    assert page.session.example.use_biases and page.numbers()["biases"]["b1"] == 0.1


def test_a_random_start_is_reproducible_and_reset_brings_the_defaults(qtbot, window):
    page = window.page
    page.panel.seed.setValue(42)
    qtbot.mouseClick(page.panel.random_button, Qt.MouseButton.LeftButton)
    first = page.numbers()["weights"]
    assert first != backprop_numbers(DEFAULT_EXAMPLE).as_dict()["weights"]
    page.panel.seed.setValue(43)
    qtbot.mouseClick(page.panel.random_button, Qt.MouseButton.LeftButton)
    assert page.numbers()["weights"] != first
    page.panel.seed.setValue(42)
    qtbot.mouseClick(page.panel.random_button, Qt.MouseButton.LeftButton)
    assert page.numbers()["weights"] == first
    press(qtbot, window, Qt.Key.Key_End)
    qtbot.mouseClick(page.panel.reset_button, Qt.MouseButton.LeftButton)
    assert page.session.example == DEFAULT_EXAMPLE and page.session.step == 0
    page.set_step(3)
    press(qtbot, window, Qt.Key.Key_R)  # the window's Reset
    assert page.session.step == 0


def test_a_language_change_keeps_the_weights_and_the_step(qtbot, window):
    page = window.page
    type_into_diagram(qtbot, page, "w1", "0.7")
    press(qtbot, window, Qt.Key.Key_Right)
    model = page.session
    window.retranslate()
    assert window.page is not page and window.page.session is model
    assert window.page.session.example.weights[0] == 0.7 and window.page.session.step == 1


# --- train on: batch, stochastic and mini-batch descent ----------------------------------------


def test_the_train_on_plot_switches_its_x_axis(qtbot, window):
    page = window.page
    plot = page.views["descent"]
    assert not plot.histories  # trained only when shown
    tab = page.dashboard.tabBar()
    qtbot.mouseClick(tab, Qt.MouseButton.LeftButton, pos=tab.tabRect(1).center())
    qtbot.waitUntil(lambda: bool(plot.histories))
    assert page.descent_seconds < 0.5
    x, _ = plot.curves["sgd"].getData()
    assert x[-1] == 100  # epochs
    assert plot.plot_item.getAxis("bottom").labelText == "epochs"
    legend = [label.text for _, label in plot.plot_item.legend.items]
    assert legend == ["batch GD (all samples)", "SGD (batches of 1)",
                      "mini-batch (batches of 4)"]
    combo = page.panel.x_axis
    choose(qtbot, combo, "updates")
    assert plot.plot_item.getAxis("bottom").labelText == "parameter updates"
    assert plot.curves["sgd"].getData()[0][-1] == 2100
    assert plot.curves["batch"].getData()[0][-1] == 100
    assert plot.curves["mini-batch"].getData()[0][-1] == 600
    choose(qtbot, combo, "samples")
    assert plot.plot_item.getAxis("bottom").labelText == "samples seen"
    assert plot.curves["batch"].getData()[0][-1] == plot.curves["sgd"].getData()[0][-1] == 2100
    # on epochs SGD ends lowest
    losses = {m: plot.curves[m].getData()[1][-1] for m in plot.curves}
    assert losses["sgd"] < losses["mini-batch"] < losses["batch"]
    # a new mini-batch size trains again
    page.panel.mini_batch.setValue(7)
    assert plot.curves["mini-batch"].getData()[0][-1] == 2100
    choose(qtbot, combo, "updates")
    assert plot.curves["mini-batch"].getData()[0][-1] == 300


def choose(qtbot, combo, data) -> None:
    """The entry of ``combo`` whose data is ``data``, reached with the arrow keys as a user
    does on the focused combo box."""
    combo.setFocus()
    key = Qt.Key.Key_Down if combo.findData(data) > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentData() != data:
        before = combo.currentIndex()
        qtbot.keyClick(combo, key)
        assert combo.currentIndex() != before, f"{data!r} not reached"


def test_the_train_on_tab_brings_its_settings_into_view_in_a_small_window(qtbot):
    window = shown_window(qtbot, CourseWindow("backprop", projector=False, remember=False),
                          size=(1024, 768))
    page = window.page
    group = page.panel.train_group

    def shown_height():
        return group.visibleRegion().boundingRect().height()

    assert shown_height() < group.height() / 2  # below the panel's fold at 1024 × 768
    tab = page.dashboard.tabBar()
    qtbot.mouseClick(tab, Qt.MouseButton.LeftButton, pos=tab.tabRect(1).center())
    qtbot.waitUntil(lambda: shown_height() == group.height())
    window.close()


# --- projector mode ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_projector_mode_shows_every_step_in_large_type(qtbot, window, size):
    window.set_projector_mode(True, full_screen=False)
    window.resize(*size)
    page = window.page
    qtbot.waitUntil(lambda: page.views["formula"].width() > 300)
    diagram = page.views["network"]
    for step in range(STEP_COUNT):
        page.set_step(step)
        assert page.views["formula"].theme.name == "projector"
        assert page.views["formula"].lead.font().pointSizeF() >= 10.0, step
        geometry = diagram.geometry_now()
        assert geometry.fits(diagram.width(), diagram.height()), step
        # the diagram's labels never smaller than the normal theme's
        assert 20 * 0.95 * geometry.scale >= 10.0, step
    window.set_projector_mode(False, full_screen=False)
    assert page.views["formula"].theme.name == "normal"


def test_in_the_usual_window_the_diagram_fits_and_no_label_overlaps(qtbot, window):
    diagram = window.page.views["network"]
    for step in range(STEP_COUNT):
        window.page.set_step(step)
        assert diagram.geometry_now().fits(diagram.width(), diagram.height()), step


# --- nnlab export --lesson backprop ------------------------------------------------------------


def test_export_writes_a_figure_per_step_and_the_numbers(qapp, tmp_path):
    out = tmp_path / "figures"
    assert main(["export", "--lesson", "backprop", "--out", str(out), "--format", "png"]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([f"{view}-step{k}.png" for view in ("network", "formula",
                                                               "dashboard")
                            for k in range(1, STEP_COUNT + 1)] + ["numbers.json"])
    image = QImage(str(out / "network-step2.png"))
    assert image.width() > 400
    assert (out / "network-step1.png").read_bytes() != (out / "network-step2.png").read_bytes()
    assert (out / "formula-step8.png").read_bytes() != (out / "formula-step9.png").read_bytes()

    numbers = json.loads((out / "numbers.json").read_text(encoding="utf-8"))
    assert list(numbers) == ["x", "y", "eta", "use_biases", "weights", "biases", "z", "a",
                             "loss", "delta", "gradients", "finite_differences", "updated",
                             "loss_after"]
    assert numbers["x"] == [1.0, 0.5, -0.5] and numbers["y"] == [1.0, 0.0, 0.0]
    assert numbers["eta"] == 0.5 and numbers["use_biases"] is True
    assert list(numbers["weights"]) == list(WEIGHT_NAMES)
    assert list(numbers["biases"]) == list(BIAS_NAMES)
    for key in ("z", "a", "delta"):
        assert list(numbers[key]) == ["h1", "h2", "o1", "o2", "o3"]
    for key in ("gradients", "finite_differences", "updated"):
        assert list(numbers[key]) == list(PARAMETER_NAMES)
    for name in PARAMETER_NAMES:
        assert numbers["gradients"][name] == pytest.approx(
            numbers["finite_differences"][name], abs=1e-6)
    assert numbers["loss_after"] < numbers["loss"]
    assert numbers["updated"]["w7"] == pytest.approx(
        numbers["weights"]["w7"] - 0.5 * numbers["gradients"]["w7"])
