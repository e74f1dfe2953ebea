"""The lesson "Activation functions and vanishing gradients" as a lecturer uses it: reached
through the course window, walked through with the arrow keys and the step bar; the marked z
moved with the keys on the focused slider or typed, its points and slopes those of the core;
the functions shown or hidden with their check boxes; the buttons that open the lab's
presets; the timings measured in the background; projector mode; a change of language; and
``nnlab export --lesson activations``."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from nnlab.cli import main
from nnlab.core.activation_curves import (
    ACTIVATION_NAMES, Z_RANGE, activation_curve, depth_bound, operating_point,
)
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.text import format_number
from nnlab.gui.theme import save_projector_mode

from qt_helpers import shown_window

STEPS = 5


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the user presses it: to the widget that has the focus."""
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def marked_points(view) -> dict[tuple[float, float], int]:
    data = view.markers.data
    return {(round(float(x), 9), round(float(y), 9)): 1 for x, y in zip(data["x"], data["y"])}


def assert_marks_core_values(page, z: float) -> None:
    """Every shown function's point on the curves and on the slopes, its tangent, and the
    numbers beside them, are the core's at z."""
    curves, slopes = page.views["curves"], page.views["slopes"]
    definitions, saturation = page.views["definitions"], page.views["saturation"]
    for name in page.session.shown:
        value, slope = operating_point(name, z)
        assert (round(z, 9), round(value, 9)) in marked_points(curves), name
        assert (round(z, 9), round(slope, 9)) in marked_points(slopes), name
        xs, ys = page.views["curves"].tangents[name].getData()
        assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(slope, abs=1e-9), name
        assert np.mean(xs) == pytest.approx(z) and np.mean(ys) == pytest.approx(value)
        assert definitions.values[name].text() == format_number(value)
        assert saturation.values[name].text() == format_number(slope)


@pytest.fixture
def window(qtbot):
    window = shown_window(qtbot, CourseWindow("activations", projector=False, remember=False))
    yield window
    window.close()


# --- walking through the steps -------------------------------------------------------------------


def test_the_arrow_keys_home_and_end_walk_through_the_five_steps(qtbot, window):
    page = window.page
    bar = page.step_bar
    assert window.lesson.name == "activations" and page.session.step == 0
    assert bar.label.text() == "Step 1 of 5: the five functions"
    assert page.dashboard.currentWidget().isAncestorOf(page.views["curves"])
    assert not page.dashboard.tabBar().isVisible()  # the step bar moves between the steps
    expected = ("curves", "slopes", "depth", "xor", "timing")
    for step in range(1, STEPS):
        press(qtbot, window, Qt.Key.Key_Right)
        assert page.session.step == step
        assert page.dashboard.currentWidget().isAncestorOf(page.views[expected[step]])
    assert bar.label.text() == "Step 5 of 5: why ReLU is cheap"
    assert not bar.next.isEnabled()
    press(qtbot, window, Qt.Key.Key_Home)
    assert page.session.step == 0
    press(qtbot, window, Qt.Key.Key_End)
    assert page.session.step == 4
    press(qtbot, window, Qt.Key.Key_Left)
    assert bar.label.text() == "Step 4 of 5: why a non-linearity"
    qtbot.mouseClick(bar.back, Qt.MouseButton.LeftButton)
    assert page.session.step == 2 and bar.label.text() == "Step 3 of 5: depth: (1/4)ⁿ"
    # the functions' check boxes where the plot draws them, the marked z where it marks it
    assert page.controls.functions.isVisible() and not page.controls.marked.isVisible()
    page.set_step(0)
    assert page.controls.functions.isVisible() and page.controls.marked.isVisible()
    page.set_step(3)
    assert not page.controls.functions.isVisible() and not page.controls.marked.isVisible()


# --- the marked z --------------------------------------------------------------------------------


def test_the_focused_slider_moves_z_with_the_keys_and_marks_the_cores_values(qtbot, window):
    page = window.page
    slider = page.controls.slider
    assert page.session.z == -2.0
    assert_marks_core_values(page, -2.0)
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    press(qtbot, window, Qt.Key.Key_Right)  # the slider's key now, not the steps'
    assert page.session.step == 0
    assert page.session.z == pytest.approx(-1.9)
    assert page.controls.spin.value() == pytest.approx(-1.9)
    assert_marks_core_values(page, page.session.z)
    press(qtbot, window, Qt.Key.Key_PageUp)
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert page.session.z == pytest.approx(0.1)
    assert_marks_core_values(page, page.session.z)
    press(qtbot, window, Qt.Key.Key_End)
    assert page.session.z == Z_RANGE[1] and page.session.step == 0
    assert page.views["definitions"].at_z.text() == "f(z) at z = 5"
    assert_marks_core_values(page, 5.0)
    assert "z = 5" in window.statusBar().currentMessage()
    # the slope of the sigmoid at z = 5 is saturated: the status line says how small
    assert format_number(operating_point("sigmoid", 5.0)[1]) in window.statusBar().currentMessage()
    press(qtbot, window, Qt.Key.Key_Escape)  # the arrows are the steps' again
    assert not slider.hasFocus()
    press(qtbot, window, Qt.Key.Key_Right)
    assert page.session.step == 1 and page.session.z == 5.0


def test_a_typed_z_is_marked_and_moves_the_slider(qtbot, window):
    page = window.page
    spin = page.controls.spin
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "1.5")
    assert page.session.z == pytest.approx(1.5)
    assert page.controls.slider.value() == 150
    assert_marks_core_values(page, 1.5)
    # the sigmoid's slope at 1.5, as the one-neuron lesson's mild start has it
    assert page.views["saturation"].values["sigmoid"].text() == "0.149"
    press(qtbot, window, Qt.Key.Key_Left)  # the cursor moves in the field; no step back
    assert page.session.step == 0


# --- the curves, their slopes and saturation -----------------------------------------------------


def test_the_curves_and_slopes_are_the_cores_and_the_saturated_regions_are_shaded(qtbot,
                                                                                   window):
    page = window.page
    for name in ACTIVATION_NAMES:
        curve = activation_curve(name)
        z, value = page.views["curves"].curves[name].getData()
        np.testing.assert_array_equal(z, curve.z)
        np.testing.assert_array_equal(value, curve.value)
        _, slope = page.views["slopes"].curves[name].getData()
        np.testing.assert_array_equal(slope, curve.derivative)
    lanes = page.views["slopes"].lane_items
    spans = sorted((round(r.rect().left(), 3), round(r.rect().right(), 3)) for r in lanes)
    # sigmoid |z| > 3.87, tanh |z| > 2.64, ReLU and leaky ReLU z < 0, linear nowhere
    assert spans == sorted([(-5.0, -3.871), (3.871, 5.0), (-5.0, -2.644), (2.644, 5.0),
                            (-5.0, 0.0), (-5.0, 0.0)])
    saturation = page.views["saturation"]
    assert saturation.saturated["sigmoid"].text() == "|z| > 3.87"
    assert saturation.saturated["tanh"].text() == "|z| > 2.64"
    assert saturation.saturated["relu"].text() == "z < 0"
    assert saturation.saturated["linear"].text() == "nowhere"
    # the largest slopes, typeset: σ′ ≤ 1/4, tanh′ ≤ 1
    assert saturation.slopes["sigmoid"].latex.endswith(r"\le\;\frac{1}{4}")
    assert saturation.slopes["tanh"].latex.endswith(r"\le\;1")
    assert page.views["slopes"].threshold_line.value() == 0.02


def test_the_check_boxes_choose_the_functions_drawn(qtbot, window):
    page = window.page
    boxes = page.controls.boxes
    assert all(box.isChecked() for box in boxes.values())
    qtbot.mouseClick(boxes["tanh"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(boxes["linear"], Qt.MouseButton.LeftButton)
    assert page.session.shown == ("sigmoid", "relu", "leaky_relu")
    for key in ("curves", "slopes"):
        view = page.views[key]
        assert not view.curves["tanh"].isVisible() and view.curves["sigmoid"].isVisible()
        legend = [label.text for _, label in view.plot_item.legend.items]
        assert legend == ["sigmoid", "ReLU", "leaky ReLU"]
        assert len(view.markers.data) == 3
    assert not page.views["curves"].tangents["tanh"].isVisible()
    assert len(page.views["slopes"].lane_items) == 4  # sigmoid's two, ReLU's, leaky ReLU's
    page.set_step(2)
    legend = [label.text for _, label in page.views["depth"].plot_item.legend.items]
    assert legend == ["sigmoid: (1/4)ⁿ", "ReLU, leaky ReLU: 1ⁿ"]
    qtbot.mouseClick(boxes["sigmoid"], Qt.MouseButton.LeftButton)
    assert not page.views["depth"].label.isVisible()  # no sigmoid, no (1/4)⁶ marked
    qtbot.mouseClick(boxes["tanh"], Qt.MouseButton.LeftButton)
    assert page.session.shown == ("tanh", "relu", "leaky_relu")


# --- depth, and the lab ----------------------------------------------------------------------


def test_the_depth_plot_shows_the_bounds_and_marks_six_layers(qtbot, window):
    page = window.page
    page.set_step(2)
    view = page.views["depth"]
    n, bound = view.lines[0].xData, view.lines[0].yData  # as given, not as drawn (log10)
    np.testing.assert_array_equal(n, np.arange(1, 21))
    np.testing.assert_allclose(bound, 0.25 ** np.arange(1, 21), rtol=1e-12)
    ones = view.lines[1].yData
    np.testing.assert_array_equal(ones, np.ones(20))
    assert view.plot_item.ctrl.logYCheck.isChecked()  # a log axis
    assert view.label.textItem.toPlainText() == "(1/4)⁶ = 0.000244"
    latex = [formula.latex for formula in page.views["depth_notes"].formulas]
    assert r"\left|\sigma'(z_1)\,\sigma'(z_2)\cdots\sigma'(z_n)\right|\le\left(\frac{1}{4}\right)^{n}" in latex
    assert any(r"=\frac{1}{4096}\approx2.44\times10^{-4}" in text for text in latex)


@pytest.mark.parametrize("button, preset, values", [
    ("open_deep", "deep-sigmoid-vs-relu", ("sigmoid", "relu")),
    ("open_xor", "xor-linear-vs-tanh", ("linear", "tanh")),
    ("open_deep_xor", "xor-deep-linear-vs-tanh", ("linear", "tanh")),
])
def test_the_buttons_open_the_presets_in_the_lab(qtbot, window, button, preset, values):
    page = window.page
    notes = page.views["depth_notes" if button == "open_deep" else "linearity_notes"]
    page.set_step(2 if button == "open_deep" else 3)
    qtbot.mouseClick(getattr(notes, button), Qt.MouseButton.LeftButton)
    assert window.lesson.name == "lab"
    experiment = window.page.session.experiment
    assert experiment.name == preset
    assert experiment.compare is not None and tuple(experiment.compare.values) == values


# --- the timings -----------------------------------------------------------------------------


def test_the_timings_are_measured_in_the_background_when_their_step_is_shown(qtbot, window):
    page = window.page
    assert "timings_on_this_computer" not in page.numbers()
    notes = page.views["cost_notes"]
    with qtbot.waitSignal(page.timings_measured, timeout=30_000):
        press(qtbot, window, Qt.Key.Key_End)
        assert notes.status.text() == "Measuring…" and not notes.measure.isEnabled()
    timings = page.session.timings
    assert [t.name for t in timings] == list(ACTIVATION_NAMES)
    assert all(t.value_seconds > 0 and t.derivative_seconds > 0 for t in timings)
    for timing in timings:
        value, slope = notes.cells[timing.name]
        assert value.text() == format_number(1000 * timing.value_seconds)
        assert slope.text() == format_number(1000 * timing.derivative_seconds)
    assert "10⁶ values" in notes.status.text()
    assert "50" in notes.note.text()  # ReLU is 0 for about half of the values
    labels = [label.textItem.toPlainText() for label in page.views["timing"].labels
              if label.isVisible()]
    assert labels.count("×1") == 2 and len(labels) == 10  # ReLU's own, and the ratios
    numbers = page.numbers()["timings_on_this_computer"]
    assert numbers["relu"]["value_ratio_to_relu"] == 1.0
    # Measure again
    with qtbot.waitSignal(page.timings_measured, timeout=30_000):
        qtbot.mouseClick(notes.measure, Qt.MouseButton.LeftButton)
    assert page.session.timings is not timings


# --- reset, language, projector ------------------------------------------------------------------


def test_reset_and_a_language_change(qtbot, window):
    page = window.page
    page.set_z(3.0)
    qtbot.mouseClick(page.controls.boxes["relu"], Qt.MouseButton.LeftButton)
    page.set_step(1)
    model = page.session
    window.retranslate()  # the page made again, as after View › Language
    assert window.page is not page and window.page.session is model
    page = window.page
    assert page.session.step == 1 and page.controls.spin.value() == 3.0
    assert not page.controls.boxes["relu"].isChecked()
    assert page.dashboard.currentWidget().isAncestorOf(page.views["slopes"])
    assert not window.run_action.isEnabled() and not window.save_action.isEnabled()
    press(qtbot, window, Qt.Key.Key_R)
    assert page.session.step == 0 and page.session.z == -2.0
    assert page.controls.boxes["relu"].isChecked() and page.controls.slider.value() == -200


@pytest.fixture
def normal_mode_remembered():
    save_projector_mode(False)
    yield
    save_projector_mode(False)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)])
def test_in_projector_mode_every_step_is_in_large_type_with_readable_formulas(
        qtbot, window, normal_mode_remembered, size):
    window.set_projector_mode(True, full_screen=False)
    window.resize(*size)
    page = window.page
    qtbot.waitUntil(lambda: page.views["curves"].width() > 300)
    for step in range(STEPS):
        page.set_step(step)
        qtbot.waitUntil(lambda: page.dashboard.currentWidget().width() > 0)
        assert page.views["curves"].theme.name == "projector"
        notes = page.views[("definitions", "saturation", "depth_notes", "linearity_notes",
                            "cost_notes")[step]]
        assert notes.lead.font().pointSizeF() >= 16, step
        for formula in notes.formulas:  # never squeezed below 60 % of its size
            if formula.isVisible():
                assert formula.width() >= 0.6 * formula.sizeHint().width(), (step, formula.latex)
        # nothing wider than the notes' place: no text cut off at the right
        qtbot.waitUntil(lambda: notes.content.width() <= notes.scroll.viewport().width())
        plot = page.views[("curves", "slopes", "depth", "xor", "timing")[step]]
        assert plot.width() >= 300 and plot.height() >= 250, step
    window.set_projector_mode(False, full_screen=False)
    assert page.views["curves"].theme.name == "normal"


# --- nnlab export --lesson activations -----------------------------------------------------------


def test_export_writes_the_figures_and_the_numbers(qapp, tmp_path, capsys):
    out = tmp_path / "figures"
    assert main(["export", "--lesson", "activations", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    figures = ("curves", "definitions", "slopes", "saturation", "depth", "depth_notes", "xor")
    assert names == sorted([f"{key}.png" for key in figures] + ["dashboard.png",
                                                                   "numbers.json"])
    for key in ("curves", "slopes", "depth", "definitions"):
        image = QImage(str(out / f"{key}.png"))
        assert image.width() > 600
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}
        assert len(colours) > 8, key
    assert (out / "curves.png").read_bytes() != (out / "slopes.png").read_bytes()

    numbers = json.loads((out / "numbers.json").read_text(encoding="utf-8"))
    sigmoid = activation_curve("sigmoid")
    np.testing.assert_allclose(numbers["z"], sigmoid.z)
    assert set(numbers["curves"]) == set(ACTIVATION_NAMES)
    np.testing.assert_allclose(numbers["curves"]["sigmoid"]["value"], sigmoid.value)
    np.testing.assert_allclose(numbers["curves"]["sigmoid"]["derivative"], sigmoid.derivative)
    assert numbers["curves"]["sigmoid"]["max_derivative"] == 0.25
    assert numbers["curves"]["tanh"]["max_derivative"] == 1.0
    (lo, hi), (lo2, hi2) = numbers["curves"]["sigmoid"]["saturated"]
    assert (lo, hi2) == (-5.0, 5.0) and hi == pytest.approx(-3.8708, abs=1e-4) and lo2 == -hi
    assert numbers["curves"]["relu"]["saturated"] == [[-5.0, 0.0]]
    assert numbers["curves"]["linear"]["saturated"] == []
    assert numbers["saturation_threshold"] == 0.02
    assert numbers["depth"]["n"] == list(range(1, 21))
    np.testing.assert_allclose(numbers["depth"]["sigmoid_bound"],
                               depth_bound(0.25, range(1, 21)))
    assert numbers["depth"]["relu_bound"] == [1.0] * 20
    assert numbers["z_marked"] == -2.0
    assert numbers["marked"]["sigmoid"]["slope"] == pytest.approx(0.1049936, abs=1e-7)
    assert "timings_on_this_computer" not in numbers  # machine-dependent: never exported
    assert f"wrote {out / 'numbers.json'}" in capsys.readouterr().out


# --- the focus a lesson starts with --------------------------------------------------------------


def test_right_steps_after_coming_from_another_lessons_page(qtbot):
    """A click on the backprop lesson's formulas, then Ctrl+PgDown: Qt hands the focus on
    from the hidden formulas to the next widget, the z field, where → moved its cursor
    instead of stepping."""
    window = shown_window(qtbot, CourseWindow("backprop", projector=False, remember=False),
                          size=(1024, 768))
    with qtbot.waitActive(window):
        window.activateWindow()
    formulas = window.page.views["formula"].scroll
    qtbot.mouseClick(formulas.viewport(), Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is formulas
    press(qtbot, window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.lesson.name == "activations"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not formulas)
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.page.step_index == 1
    window.close()


def test_right_steps_in_projector_mode_at_1024_by_768(qtbot):
    """F5 hides the lesson list, which had the focus: Qt hands it on to the next widget,
    the z field, where → moved its cursor instead of stepping."""
    window = shown_window(qtbot, CourseWindow("activations", projector=False, remember=False),
                          size=(1024, 768))
    with qtbot.waitActive(window):
        window.activateWindow()
    assert QApplication.focusWidget() is window.lesson_list
    press(qtbot, window, Qt.Key.Key_F5)
    assert window.projector_action.isChecked()
    # Qt hands the focus on once the dock is hidden, in the event loop
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.lesson_list)
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.page.step_index == 1
    press(qtbot, window, Qt.Key.Key_Right)
    assert window.page.step_index == 2
    window.close()
