"""The lesson "Why cross-entropy: the derivation" as a lecturer uses it: reached through the
course window, walked through with the arrow keys, Home and End and the Next / Back buttons;
each step's typeset formulas carry the numbers of the start on show and its plot follows
the step; the start chosen with the buttons under the plots or typed into the panel; the
button that opens the neuron lesson at that start; projector mode; and
``nnlab export --lesson derivation``."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from nnlab.cli import main
from nnlab.core.derivation import CLASSIC_STARTS, Start
from nnlab.gui.lessons.derivation.steps import STEP_COUNT, derivation_frame
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.widgets.formula import formula_svg

from qt_helpers import shown_window

MILD, SATURATED = CLASSIC_STARTS


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user presses it: to the widget that has the focus."""
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def dark_pixels(widget) -> int:
    image = widget.grab().toImage()
    return sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if QColor(image.pixel(x, y)).lightness() < 110)


def latex_of(page) -> str:
    return "\n".join(formula.latex for formula in page.views["formula"].formulas)


def words_of(page) -> str:
    return "\n".join(label.text() for label in page.views["formula"].labels)


def markers(page) -> list[tuple[float, float]]:
    data = page.views["plot"].markers.data
    return [(float(x), float(y)) for x, y in zip(data["x"], data["y"])]


def has_marker(page, x, y, tolerance=5e-4) -> bool:
    return any(abs(mx - x) < tolerance and abs(my - y) < tolerance for mx, my in markers(page))


@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot, CourseWindow("derivation", projector=False, remember=False))
    yield window
    window.close()


# --- walking through the steps -----------------------------------------------------------------


def test_the_arrow_keys_home_and_end_walk_through_the_seven_steps(qtbot, window):
    page = window.page
    bar = page.step_bar
    assert window.lesson.name == "derivation" and page.session.step == 0
    assert bar.label.text() == "Step 1 of 7: the quadratic cost and its gradients"
    assert not bar.back.isEnabled() and bar.next.isEnabled()
    titles = [page.views["plot"].title]
    for step in range(1, STEP_COUNT):
        press(qtbot, window, Qt.Key.Key_Right)
        assert page.session.step == step
        assert bar.label.text().startswith(f"Step {step + 1} of 7: ")
        titles.append(page.views["plot"].title)
    assert len(set(titles)) == STEP_COUNT  # a plot of its own at every step
    assert not bar.next.isEnabled()
    press(qtbot, window, Qt.Key.Key_Right)  # past the last step: it stays there
    assert page.session.step == 6
    assert bar.label.text() == "Step 7 of 7: the payoff: σ′(z) cancels"
    press(qtbot, window, Qt.Key.Key_Left)
    assert page.session.step == 5 and "why it is a cost" in bar.label.text()
    press(qtbot, window, Qt.Key.Key_Home)
    assert page.session.step == 0 and page.views["plot"].title == titles[0]
    press(qtbot, window, Qt.Key.Key_End)
    assert page.session.step == 6 and page.views["plot"].title == titles[6]
    assert "The larger the error" in window.page.views["formula"].note.text()


def test_next_and_back_step_with_the_mouse(qtbot, window):
    page = window.page
    bar = page.step_bar
    qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.next, Qt.MouseButton.LeftButton)
    assert page.session.step == 2
    assert "the wish" in bar.label.text()
    assert r"\frac{\partial C}{\partial b} = a - y" in latex_of(page)
    qtbot.mouseClick(bar.back, Qt.MouseButton.LeftButton)
    assert page.session.step == 1 and "the slope of the sigmoid" in bar.label.text()
    # the keys still reach the window after a click on a button
    press(qtbot, window, Qt.Key.Key_Right)
    assert page.session.step == 2


def test_each_step_shows_its_own_formulas_and_words(qtbot, window):
    page = window.page
    expected = [
        r"C = \frac{(y - a)^2}{2}",
        r"\sigma'(z) = \sigma(z)\left(1 - \sigma(z)\right) = a(1 - a)",
        r"\frac{\partial C}{\partial w} = x\,(a - y)",
        r"\frac{\partial C}{\partial a} = \frac{a - y}{a(1 - a)}",
        r"\left[y \ln a + (1 - y)\ln(1 - a)\right] + K",
        r"\lim_{a \to 1} C = 0",
        r"\cancel{\sigma'(z)}",
    ]
    for step, formula in enumerate(expected):
        page.set_step(step)
        assert formula in latex_of(page), step
    page.set_step(4)
    assert r"\frac{1}{n}\sum_x" in latex_of(page)  # the mean over the samples
    assert "For n samples" in words_of(page)


# --- the formulas, typeset with the start's numbers ----------------------------------------------


def test_every_formula_of_every_step_renders_at_every_kind_of_start(qtbot, window):
    page = window.page
    starts = [*CLASSIC_STARTS, Start(-1.5, 0.25, -2.0, 0.3), Start(10.0, 30.0, 1.0, 1.0),
              Start(1e-7, 0.0, 1.0, 0.5)]
    for start in starts:
        for step in range(STEP_COUNT):
            for line in derivation_frame(step, start).text.lines:
                if line.latex:
                    assert formula_svg(line.latex, "#000000")  # no FormulaError
    # and drawn on screen: every formula of every step has ink
    page.set_start(SATURATED)
    for step in range(STEP_COUNT):
        press(qtbot, window, Qt.Key.Key_End if step == STEP_COUNT - 1 else Qt.Key.Key_Home)
        page.set_step(step)
        formulas = page.views["formula"].formulas
        assert formulas
        for formula in formulas:
            assert formula.isVisible()
            assert dark_pixels(formula) > 20, (step, formula.latex)


def test_the_formulas_substitute_the_numbers_of_the_start_on_show(qtbot, window):
    page = window.page
    page.set_step(1)  # σ′(z) at the two classic starts: the computed values, not note 003's
    latex = latex_of(page)
    assert r"\sigma'(1.5) = 0.818 \cdot (1 - 0.818) = 0.149" in latex
    assert r"\sigma'(4) = 0.982 \cdot (1 - 0.982) = 0.0177" in latex
    assert "0.1539" in page.views["formula"].note.text()  # the note says where note 003 slips
    page.set_step(0)
    assert r"= (0.982 - 0) \cdot 0.0177 = 0.0173" in latex_of(page)
    assert "w = 2, b = 2, x = 1, y = 0" in words_of(page)
    qtbot.mouseClick(page.start_bar.classic.button(0), Qt.MouseButton.LeftButton)
    assert page.session.start == MILD
    assert r"= (0.818 - 0) \cdot 0.149 = 0.122" in latex_of(page)
    page.set_step(3)
    assert r"= 5.48" in latex_of(page)  # ∂C/∂a = 1/(1 − a) at a = 0.818
    page.set_step(6)
    assert "6.70 times" in page.views["formula"].note.text()  # 1/σ′(1.5) = 6.705


def test_a_start_typed_into_the_panel_goes_into_every_formula(qtbot, window):
    page = window.page
    fields = page.panel.fields
    for key, text in (("w", "-1.5"), ("b", "0.25"), ("x", "-2"), ("y", "0.3")):
        fields[key].edit.setFocus()
        fields[key].edit.selectAll()
        qtbot.keyClicks(fields[key].edit, text)
    assert page.session.start == Start(-1.5, 0.25, -2.0, 0.3)
    assert page.panel.preset.currentText() == "Custom"
    # numbers.json: the classic starts, then this one
    assert [(s["w"], s["b"], s["x"], s["y"]) for s in page.numbers()["starts"]] == [
        (0.6, 0.9, 1.0, 0.0), (2.0, 2.0, 1.0, 0.0), (-1.5, 0.25, -2.0, 0.3)]
    assert page.numbers()["starts"][2]["z"] == pytest.approx(3.25)
    assert not any(button.isChecked() for button in page.start_bar.classic.buttons())
    page.set_step(0)
    # z = −1.5 · (−2) + 0.25 = 3.25, with the minus signs of numbers, not operators
    assert r"z = ({−}1.5) \cdot ({−}2) + 0.25 = 3.25" in latex_of(page)
    page.set_step(1)  # the classic starts, then this one
    assert r"\sigma'(3.25)" in latex_of(page) and r"\sigma'(4)" in latex_of(page)
    page.set_step(5)  # a target between 0 and 1: the least cost is the entropy of y
    assert r"\min_a C" in latex_of(page) and "= 0.611" in latex_of(page)
    # a value the experiment file refuses is refused here: the formulas keep the last start
    fields["y"].edit.setFocus()
    fields["y"].edit.selectAll()
    qtbot.keyClicks(fields["y"].edit, "2")
    assert fields["y"].error.isVisibleTo(page.panel)
    assert "neuron.y" in fields["y"].error.text()
    assert page.session.start.y == 0.3
    # a classic start chosen in the panel's list
    page.panel.preset.setCurrentIndex(1)
    page.panel.preset.activated.emit(1)
    assert page.session.start == SATURATED and fields["y"].edit.text() == "0"
    assert page.start_bar.classic.button(1).isChecked()


def test_the_arrows_step_with_a_panel_field_focused(qtbot, window):
    page = window.page
    edit = page.panel.fields["w"].edit
    edit.setFocus()
    edit.end(False)
    press(qtbot, window, Qt.Key.Key_Right)  # the cursor is at the end: the window's key
    assert page.session.step == 1
    page.panel.preset.setFocus()  # the list of classic starts
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_End)
    assert page.session.step == 6 and page.session.start == SATURATED


# --- the plot follows the step ---------------------------------------------------------------


def test_the_plot_follows_the_step_and_marks_the_starts(qtbot, window):
    page = window.page
    plot = page.views["plot"]
    page.set_step(0)  # the quadratic cost along z, the starts at z = 1.5 and 4
    assert plot.plot_item.getAxis("bottom").labelText == "z = w·x + b"
    assert has_marker(page, 1.5, 0.5 * 0.8175745 ** 2)
    assert has_marker(page, 4.0, 0.5 * 0.9820138 ** 2)
    page.set_step(1)  # σ′ = 0.149 and 0.0177 marked on the slope of the sigmoid
    assert has_marker(page, 1.5, 0.1491465) and has_marker(page, 4.0, 0.0176627)
    assert has_marker(page, 1.5, 0.8175745) and has_marker(page, 4.0, 0.9820138)
    labels = [label.textItem.toPlainText() for label in plot.labels if label.isVisible()]
    assert "σ′(1.5) = 0.149" in labels and "σ′(4) = 0.0177" in labels
    x, y = plot.curves[1].getData()
    np.testing.assert_allclose(y, 1 / (1 + np.exp(-x)) * (1 - 1 / (1 + np.exp(-x))),
                               atol=1e-12)
    page.set_step(6)  # |∂C/∂b| against a for both costs, the two starts marked
    assert plot.plot_item.getAxis("bottom").labelText == "output a"
    assert plot.plot_item.getAxis("left").labelText == "|∂C/∂b|"
    assert has_marker(page, 0.8175745, 0.1219383) and has_marker(page, 0.8175745, 0.8175745)
    assert has_marker(page, 0.9820138, 0.0173450) and has_marker(page, 0.9820138, 0.9820138)
    a, quadratic = plot.curves[0].getData()
    np.testing.assert_allclose(quadratic, a * a * (1 - a), atol=1e-12)  # y = 0
    legend = [label.text for _, label in plot.plot_item.legend.items]
    assert legend[:2] == ["quadratic: |a − y|·σ′(z)", "cross-entropy: |a − y|"]
    assert "w = 0.6, b = 0.9" in legend and "w = 2, b = 2" in legend
    page.set_step(5)  # the cross-entropy for y = 0 and y = 1
    assert [plot.curves[i].isVisible() for i in range(3)] == [True, True, False]
    assert legend != [label.text for _, label in plot.plot_item.legend.items]


def test_a_start_of_ones_own_is_marked_beside_the_classic_ones(qtbot, window):
    page = window.page
    page.set_start(Start(1.0, 0.0, 1.0, 0.0))  # z = 1, a = 0.731
    page.set_step(6)
    assert has_marker(page, 0.7310586, 0.7310586)
    assert has_marker(page, 0.8175745, 0.8175745)  # the classic ones, with the same y
    page.set_start(Start(1.0, 0.0, 1.0, 1.0))  # another target: curves of its own y
    # only this start: the classic ones have y = 0; |∂C/∂b| = (1 − a)·σ′ and 1 − a
    assert len(markers(page)) == 2
    assert has_marker(page, 0.7310586, 0.2689414 * 0.7310586 * 0.2689414)
    assert has_marker(page, 0.7310586, 0.2689414)


# --- the start and the neuron lesson ---------------------------------------------------------


def test_the_start_buttons_choose_a_classic_start(qtbot, window):
    page = window.page
    mild, saturated = page.start_bar.classic.buttons()
    assert saturated.isChecked() and not mild.isChecked()
    qtbot.mouseClick(mild, Qt.MouseButton.LeftButton)
    assert page.session.start == MILD and mild.isChecked() and not saturated.isChecked()
    assert page.panel.fields["w"].edit.text() == "0.6"
    assert "Start w = 0.6, b = 0.9" in window.statusBar().currentMessage()
    qtbot.mouseClick(mild, Qt.MouseButton.LeftButton)  # clicked again: it stays chosen
    assert page.session.start == MILD and mild.isChecked()


@pytest.mark.parametrize("start", [MILD, SATURATED, Start(-1.5, 0.25, -2.0, 0.3)],
                         ids=["mild", "saturated", "own"])
def test_the_button_opens_the_neuron_lesson_at_the_start_on_show(qtbot, window, start):
    window.page.set_start(start)
    qtbot.mouseClick(window.page.start_bar.open_neuron, Qt.MouseButton.LeftButton)
    assert window.lesson.name == "neuron"
    experiment = window.page.session.experiment
    neuron = experiment.neuron
    assert (neuron.w, neuron.b, neuron.x, neuron.y) == (start.w, start.b, start.x, start.y)
    assert experiment.kind == "neuron"
    assert set(experiment.training.costs) == {"quadratic", "cross_entropy"}
    assert window.page.panel.fields["w"].edit.text() == f"{start.w:g}"


def test_reset_brings_back_the_first_step_and_the_saturated_start(qtbot, window):
    page = window.page
    page.set_start(MILD)
    press(qtbot, window, Qt.Key.Key_End)
    press(qtbot, window, Qt.Key.Key_R)
    assert page.session.step == 0 and page.session.start == SATURATED
    assert page.panel.fields["w"].edit.text() == "2"
    assert page.start_bar.classic.button(1).isChecked()


def test_run_and_save_are_off_and_a_language_change_keeps_the_step_and_start(qtbot, window):
    assert not window.run_action.isEnabled() and not window.save_action.isEnabled()
    page = window.page
    page.set_start(MILD)
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    model = page.session
    window.retranslate()  # the page made again, as after View › Language
    assert window.page is not page and window.page.session is model
    assert window.page.session.step == 2 and window.page.session.start == MILD
    assert window.page.step_bar.label.text().startswith("Step 3 of 7")
    assert "= 0.122" in latex_of(window.page)


# --- projector mode --------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_in_projector_mode_every_step_fits_its_place_in_large_type(qtbot, window, size):
    window.set_projector_mode(True, full_screen=False)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.page.views["formula"].width() > 300)
    page = window.page
    view = page.views["formula"]
    for step in range(STEP_COUNT):
        page.set_step(step)
        assert page.views["plot"].theme.name == "projector"
        assert not view.scroll.verticalScrollBar().isVisible(), step
        # the words in large type: at least the size of the normal theme's, and on a
        # full-HD projector not much below the projector theme's own
        assert view.lead.font().pointSizeF() >= 10.0, step
        if size[0] >= 1920:
            assert view.density >= 0.8, step
    window.set_projector_mode(False, full_screen=False)
    assert page.views["plot"].theme.name == "normal"


def test_every_step_fits_without_scrolling_in_the_usual_window(qtbot, window):
    view = window.page.views["formula"]
    for step in range(STEP_COUNT):
        window.page.set_step(step)
        assert not view.scroll.verticalScrollBar().isVisible(), step


# --- nnlab export --lesson derivation --------------------------------------------------------


def test_export_writes_a_figure_per_step_and_the_numbers(qapp, tmp_path, capsys):
    out = tmp_path / "figures"
    assert main(["export", "--lesson", "derivation", "--out", str(out), "--format", "png"]) == 0
    names = sorted(p.name for p in out.iterdir())
    expected = sorted([f"{view}-step{k}.png" for view in ("formula", "plot", "dashboard")
                       for k in range(1, STEP_COUNT + 1)] + ["numbers.json"])
    assert names == expected
    for k in (1, 2, 7):
        for view in ("formula", "plot"):
            image = QImage(str(out / f"{view}-step{k}.png"))
            assert image.width() > 600
            colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                       for y in range(0, image.height(), 7)}
            assert len(colours) > 8, (view, k)
    # one figure per step: the steps' figures differ
    assert (out / "plot-step1.png").read_bytes() != (out / "plot-step2.png").read_bytes()
    assert (out / "formula-step1.png").read_bytes() != (out / "formula-step2.png").read_bytes()

    numbers = json.loads((out / "numbers.json").read_text(encoding="utf-8"))
    mild, saturated = numbers["starts"]
    assert (mild["w"], mild["b"], mild["x"], mild["y"]) == (0.6, 0.9, 1.0, 0.0)
    assert mild["z"] == pytest.approx(1.5) and mild["a"] == pytest.approx(0.8175745, abs=1e-7)
    assert round(mild["sigma_prime"], 3) == 0.149
    assert round(saturated["sigma_prime"], 4) == 0.0177
    assert saturated["a"] == pytest.approx(0.9820138, abs=1e-7)
    assert saturated["quadratic"]["dC_db"] == pytest.approx(0.0173450, abs=1e-7)
    assert saturated["quadratic"]["dC_dw"] == pytest.approx(0.0173450, abs=1e-7)
    assert saturated["cross_entropy"]["dC_db"] == pytest.approx(0.9820138, abs=1e-7)
    assert saturated["cross_entropy"]["dC_dw"] == pytest.approx(0.9820138, abs=1e-7)
    assert mild["quadratic"]["dC_db"] == pytest.approx(0.1219383, abs=1e-7)
    assert f"wrote {out / 'numbers.json'}" in capsys.readouterr().out


def test_export_as_svg_titles_each_figure_with_its_step(qapp, tmp_path):
    out = tmp_path / "figures"
    assert main(["export", "--lesson", "derivation", "--out", str(out), "--format", "svg",
                 "--caption"]) == 0
    plot = (out / "plot-step2.svg").read_text(encoding="utf-8")
    assert "The sigmoid and its slope" in plot and "step 2 of 7" in plot
    assert "Step 7: the payoff" in (out / "formula-step7.svg").read_text(encoding="utf-8")
