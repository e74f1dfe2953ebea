"""The lesson window as a lecturer uses it: run, pause, step, reset, the timeline, the start
picked on the plots, export, projector mode, closing mid-run."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from nnlab.core.neuron import train_neuron
from nnlab.gui import export
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import run_to_the_end, training_processes


@pytest.fixture
def window(qtbot):
    window = CourseWindow("neuron", projector=False)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    with qtbot.waitExposed(window):
        window.show()
    yield window
    window.close()


def points(window, plot, run, key):
    curve = window.page.views[plot].curve(run, key)
    return 0 if curve is None or curve.xData is None else len(curve.xData)


def test_run_with_both_costs_reaches_300_epochs_with_301_points_per_run(qtbot, window):
    run_to_the_end(qtbot, window)
    assert window.page.session.latest_epoch == 300
    for run in ("quadratic", "cross_entropy"):
        assert points(window, "cost", run, "cost") == 301
        assert points(window, "output", run, "a") == 301
        assert points(window, "gradient", run, "dC_db") == 301
    assert "Epoch 300 of 300" in window.statusBar().currentMessage()
    # the runs are the core's: the window shows exactly what nnlab run computes
    expected = train_neuron(1.0, 0.0, 2.0, 2.0, "quadratic", 0.15, 300).a
    shown = window.page.views["output"].curve("quadratic", "a").yData
    assert shown[-1] == pytest.approx(expected[-1], rel=1e-12)


def test_space_pauses_and_resumes_and_pause_stops_the_epochs(qtbot, window):
    window.page.session.set_speed(200.0)
    with qtbot.waitSignal(window.page.session.state_changed,
                          check_params_cb=lambda state: state == "running"):
        qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.page.session.latest_epoch >= 3)
    assert window.run_action.text() == "Pause"
    with qtbot.waitSignal(window.page.session.state_changed,
                          check_params_cb=lambda state: state == "paused"):
        qtbot.keyClick(window, Qt.Key.Key_Space)
    paused_at = window.page.session.latest_epoch
    with qtbot.assertNotEmitted(window.page.session.data_changed, wait=150):
        pass
    assert window.page.session.latest_epoch == paused_at
    assert window.run_action.text() == "Run"


def test_right_arrow_steps_one_epoch_and_r_resets(qtbot, window):
    with qtbot.waitSignal(window.page.session.data_changed):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.page.session.latest_epoch == 1)
    with qtbot.waitSignal(window.page.session.data_changed):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.page.session.latest_epoch == 2)
    window.page.redraw()
    assert points(window, "cost", "quadratic", "cost") == 3
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert window.page.session.state == "idle"
    assert window.page.session.latest_epoch == 0
    window.page.redraw()
    assert points(window, "cost", "quadratic", "cost") == 1  # the start, epoch 0


def test_scrubbing_the_timeline_to_epoch_150_shows_a_093_for_the_quadratic_run(qtbot, window):
    run_to_the_end(qtbot, window)
    window.page.controls.epoch_chosen.emit(150)  # what dragging the timeline slider sends
    frame = window.page.current_frame()
    assert frame.shown_epoch == 150 and not frame.live
    assert round(frame.run("quadratic").value("a"), 2) == 0.93
    z, a = window.page.views["sigmoid"].operating_point("quadratic")
    assert a == pytest.approx(frame.run("quadratic").value("a"))
    assert points(window, "output", "quadratic", "a") == 151  # the future is hidden
    assert window.page.controls.timeline.value() == 150
    window.page.controls.live.click()
    assert window.page.current_frame().shown_epoch == 300


def test_dragging_on_the_sigmoid_and_clicking_a_surface_change_the_start(qtbot, window):
    with qtbot.waitSignal(window.page.session.experiment_changed):
        window.page.views["sigmoid"].start_changed.emit(2.0, -1.25)
    assert window.page.session.experiment.neuron.b == -1.25
    assert window.page.panel.fields["b"].text() == "-1.25"
    with qtbot.waitSignal(window.page.session.experiment_changed):
        window.page.views["surface"].start_picked.emit(0.6, 0.9)
    neuron = window.page.session.experiment.neuron
    assert (neuron.w, neuron.b) == (0.6, 0.9)
    assert window.page.panel.preset.currentIndex() == 0  # recognised as the mild classic start


def test_an_invalid_field_is_marked_and_blocks_running(qtbot, window):
    field = window.page.panel.fields["learning_rate"]
    field.edit.clear()
    qtbot.keyClicks(field.edit, "-1")
    assert field.edit.property("invalid")
    assert "more than 0" in field.error.text()
    assert not window.step_action.isEnabled()
    window.page.toggle_run()
    assert window.page.session.state == "idle"
    assert "Cannot run" in window.statusBar().currentMessage()
    field.edit.clear()
    qtbot.keyClicks(field.edit, "0.5")
    assert not field.edit.property("invalid")
    assert window.page.session.experiment.training.learning_rate == 0.5


@pytest.mark.parametrize("key", [None, "sigmoid", "cost", "output", "gradient", "breakdown",
                                 "surface"])
def test_every_view_and_the_window_export_to_png_svg_and_pdf(qtbot, window, tmp_path, key):
    run_to_the_end(qtbot, window)
    name = key or "window"
    png = window.page.figures.export_to(key, tmp_path / f"{name}.png", caption=True)
    image = QImage(str(png))
    target = window.page.figures.export_target(key)
    # a slide's figure: twice the plot's width, laid out at least FIGURE_MIN_WIDTH wide
    assert image.width() == 2 * max(target.width(), export.FIGURE_MIN_WIDTH)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 5)
               for y in range(0, image.height(), 5)}
    assert len(colours) > 8  # drawn, not blank
    svg = window.page.figures.export_to(key, tmp_path / f"{name}.svg", caption=True)
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert "η = 0.15" in svg.read_text(encoding="utf-8")  # the caption
    pdf = window.page.figures.export_to(key, tmp_path / f"{name}.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page") >= 1


def test_export_to_an_unwritable_place_says_so_and_leaves_nothing(qtbot, window, tmp_path):
    from nnlab.gui.export import ExportError

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="a-file"):
        window.page.figures.export_to("cost", blocker / "cost.png")
    assert blocker.read_text() == "not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_copy_to_clipboard_puts_the_picture_there(qtbot, window):
    window.page.figures.copy_to_clipboard("cost")
    image = QApplication.clipboard().image()
    assert image.width() >= window.page.views["cost"].width()


def test_projector_mode_makes_fonts_and_lines_large_and_is_remembered(qtbot, window):
    from nnlab.gui.theme import load_projector_mode

    normal_font = QApplication.font().pointSizeF()
    normal_pen = window.page.views["cost"].curve("quadratic", "cost")
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.projector_mode
    assert QApplication.font().pointSizeF() >= 20 > normal_font
    assert window.theme.line_width >= 3
    window.page.session.set_speed(None)
    with qtbot.waitSignal(window.page.session.data_changed):
        window.page.step()
    window.page.redraw()
    pen = window.page.views["cost"].curve("quadratic", "cost").opts["pen"]
    assert pen.widthF() >= 3
    assert load_projector_mode() is True
    assert window.panel_dock.isHidden()  # the room goes to the plots
    assert window.page.dashboard.count() == 2
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.projector_mode
    assert QApplication.font().pointSizeF() == normal_font
    assert not window.panel_dock.isHidden()
    assert load_projector_mode() is False
    del normal_pen


def test_closing_mid_run_ends_the_training_process_within_a_second(qtbot):
    window = CourseWindow("neuron", projector=False)
    qtbot.addWidget(window)
    window.show()
    window.page.session.set_speed(1000.0)
    window.page.session.set_experiment(_long_experiment(window))
    with qtbot.waitSignal(window.page.session.state_changed,
                          check_params_cb=lambda state: state == "running"):
        window.run_action.trigger()
    qtbot.waitUntil(lambda: window.page.session.latest_epoch > 10)
    pid = window.page.session.training_process.pid
    assert (pid, "R") in training_processes() or (pid, "S") in training_processes()
    started = time.monotonic()
    assert window.close()
    assert time.monotonic() - started < 1.5  # the process is given 1 s (a bound, not a goal)
    assert window.page.session.training_process is None
    assert pid not in [child for child, _ in training_processes()]  # ended and reaped


def _long_experiment(window):
    import dataclasses

    exp = window.page.session.experiment
    return dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=1_000_000))


def test_open_and_save_experiment_round_trip_and_refuse_bad_files(qtbot, window, tmp_path,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    window.page.panel.set_start(0.6, 0.9)
    path = tmp_path / "lesson.toml"
    assert window.save_experiment(str(path))
    window.page.load_preset_named("neuron-2-2")
    assert window.page.session.experiment.neuron.w == 2.0
    assert window.open_experiment(str(path))
    assert window.page.session.experiment.neuron.w == 0.6
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\nkind = "neuron"\n[training]\nlearning_rate = -1\n')
    before = window.page.session.experiment
    assert not window.open_experiment(str(bad))
    assert "training.learning_rate = -1" in warnings[-1]
    assert window.page.session.experiment == before  # nothing the user had is lost
    assert not window.save_experiment(str(tmp_path / "missing-folder" / "x.toml"))
    assert "missing-folder" in warnings[-1]


def test_a_view_on_the_hidden_projector_page_exports_at_its_real_size(qtbot, window, tmp_path):
    window.set_projector_mode(True, persist=False)
    window.page.dashboard.setCurrentIndex(0)  # the breakdown sits on the other page
    assert not window.page.views["breakdown"].isVisible()
    png = window.page.figures.export_to("breakdown", tmp_path / "breakdown.png")
    assert window.page.dashboard.currentIndex() == 0  # the user's page is back
    image = QImage(str(png))
    # as wide as half the dashboard, not the stale size of a never-shown page
    assert image.width() >= 0.8 * window.page.dashboard.width()
    assert window.page.views["breakdown"].fits()
    window.set_projector_mode(False, persist=False)


def test_the_display_timer_draws_when_something_changed_and_only_then(qtbot, window):
    window.page.redraw()  # all drawn now
    updated = []
    for name, view in window.page.views.items():
        def update_frame(frame, name=name, original=view.update_frame):
            updated.append(name)
            original(frame)
        view.update_frame = update_frame  # the display timer calls each view's method
    with qtbot.assertNotEmitted(window.page.frame_drawn, wait=300):
        pass  # nothing changed: nothing drawn, however often the timer fires
    assert updated == []
    with qtbot.waitSignal(window.page.frame_drawn, timeout=5_000) as drawn:
        window.page.session.step()  # new data: the next display tick draws a frame
    assert sorted(updated) == sorted(window.page.views)  # every view once (all visible)
    assert drawn.args[0] > 0  # how long the views took to update


