"""The network lab as a lecturer and a student use it: run, compare, the timeline, data from
files (refused when malformed), divergence, progress, export, projector mode, and opening
and closing it many times."""

from __future__ import annotations

import dataclasses
import gc
import gzip
import struct

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from nnlab.app.lab_session import LabSession
from nnlab.core.experiment import CompareSettings
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs, execute_run
from nnlab.gui.lessons.lab.page import format_duration
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import run_to_the_end, training_processes


def small_experiment(epochs: int = 40, **training):
    """The lecture's 3-2-3 network on its 21 samples: a run of 40 epochs takes milliseconds."""
    exp = load_preset("three-class-3-2-3")
    return dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=epochs,
                                                                 **training))


def open_lab(qtbot, experiment=None, projector=False) -> CourseWindow:
    window = CourseWindow("lab", session=LabSession(experiment), projector=projector)
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    with qtbot.waitExposed(window):
        window.show()
    return window


@pytest.fixture
def lab(qtbot):
    window = open_lab(qtbot, small_experiment())
    yield window
    window.close()


def test_run_trains_every_run_to_the_last_epoch_exactly_as_nnlab_run(qtbot, lab):
    run_to_the_end(qtbot, lab)
    assert lab.page.session.latest_epoch == 40
    expected = {result.name: result for result in
                (execute_run(run) for run in build_runs(lab.page.session.experiment))}
    for name in ("quadratic", "cross_entropy"):
        history = lab.page.session.histories[name].view()
        assert len(history["epoch"]) == 41
        np.testing.assert_allclose(history["train_cost"], expected[name].history["train_cost"],
                                   rtol=1e-12)
    assert "Epoch 40 of 40" in lab.statusBar().currentMessage()
    assert lab.page.progress.value() == 40 and lab.page.progress.maximum() == 40


def test_step_pause_reset_and_the_timeline_show_the_parameters_of_that_epoch(qtbot, lab):
    with qtbot.waitSignal(lab.page.session.data_changed):
        qtbot.keyClick(lab, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: lab.page.session.latest_epoch == 1)
    run_to_the_end(qtbot, lab)
    lab.page.show_epoch(10)
    frame = lab.page.current_frame()
    assert frame.shown_epoch == 10 and not frame.live
    for run in frame.runs:
        assert run.network_epoch == 10
        assert run.value("epoch") == 10
    # the parameters on show are those the run had after epoch 10
    records = list(build_runs(lab.page.session.experiment)[0].start(keep_parameters=True).records)
    np.testing.assert_array_equal(frame.runs[0].network.parameters, records[10].parameters)
    qtbot.keyClick(lab, Qt.Key.Key_R)
    assert lab.page.session.latest_epoch == 0 and lab.page.session.state == "idle"


def test_runs_compared_by_activation_start_from_identical_weights(qtbot, warnings):
    exp = small_experiment(costs=("cross_entropy",))
    exp = dataclasses.replace(exp, compare=CompareSettings("hidden_activation",
                                                           ("sigmoid", "tanh", "relu")))
    window = open_lab(qtbot, exp)
    with qtbot.waitSignal(window.page.session.data_changed):
        window.step_action.trigger()
    qtbot.waitUntil(lambda: window.page.session.latest_epoch == 1)
    window.page.show_epoch(0)
    frame = window.page.current_frame()
    assert [run.name for run in frame.runs] == ["sigmoid", "tanh", "relu"]
    starts = [run.network.parameters.copy() for run in frame.runs]
    for start in starts[1:]:
        np.testing.assert_array_equal(start, starts[0])
    assert len({run.colour for run in frame.runs}) == 3
    window.close()


def test_eta_100_stops_that_run_with_a_visible_message_and_the_others_continue(qtbot,
                                                                                warnings):
    # leaky ReLU layers are unbounded: at η = 100 the first steps overflow
    exp = load_preset("spiral-learning-rates")
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=15),
                              compare=CompareSettings("learning_rate", (0.1, 100.0)))
    window = open_lab(qtbot, exp)
    run_to_the_end(qtbot, window)
    histories = window.page.session.histories
    assert histories["100"].status == "diverged"
    assert histories["0.1"].status == "finished"
    assert len(histories["0.1"]) == 16
    assert window.page.divergence.isVisible()
    text = window.page.divergence.text()
    assert "η = 100" in text and "diverged at epoch" in text
    window.close()


def test_a_malformed_csv_or_idx_file_is_refused_by_name_and_the_data_stay(qtbot, lab,
                                                                          warnings, tmp_path):
    before = lab.page.session.dataset
    experiment = lab.page.session.experiment
    bad_csv = tmp_path / "broken.csv"
    bad_csv.write_text("x1,x2,label\n0.1,0.2,a\n0.3,oops,b\n", encoding="utf-8")
    assert not lab.page.open_dataset(str(bad_csv))
    title, text = warnings[-1]
    assert "broken.csv" in text and "line 3" in text
    bad_images = tmp_path / "t10k-images-idx3-ubyte"
    bad_images.write_bytes(struct.pack(">IIII", 0x803, 10, 28, 28) + bytes(100))  # too short
    (tmp_path / "t10k-labels-idx1-ubyte").write_bytes(struct.pack(">II", 0x801, 10) + bytes(10))
    assert not lab.page.open_dataset(str(bad_images))
    assert "t10k-images-idx3-ubyte" in warnings[-1][1]
    assert lab.page.session.dataset is before
    assert lab.page.session.experiment == experiment


def test_a_csv_file_dropped_on_the_window_becomes_the_data_and_fits_the_layers(qtbot, lab,
                                                                               warnings,
                                                                               tmp_path):
    rng = np.random.default_rng(1)
    rows = ["a,b,c,d,label"] + [",".join(f"{v:.3f}" for v in rng.random(4)) + f",{k % 3}"
                                for k in range(60)]
    path = tmp_path / "four.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    lab.dropEvent(event)
    assert warnings == []
    assert lab.page.session.dataset.n_features == 4 and lab.page.session.dataset.n_classes == 3
    assert lab.page.session.experiment.network.layers == (4, 2, 3)
    assert lab.page.session.experiment.data.dataset == "csv"
    run_to_the_end(qtbot, lab)
    assert lab.page.session.latest_epoch == 40


def test_idx_images_open_with_their_labels_and_show_the_image_views(qtbot, lab, warnings,
                                                                    tmp_path):
    rng = np.random.default_rng(2)
    images = rng.integers(0, 256, size=(30, 8, 8), dtype=np.uint8)
    labels = (np.arange(30) % 3).astype(np.uint8)
    (tmp_path / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(
        struct.pack(">IIII", 0x803, 30, 8, 8) + images.tobytes()))
    (tmp_path / "train-labels-idx1-ubyte.gz").write_bytes(gzip.compress(
        struct.pack(">II", 0x801, 30) + labels.tobytes()))
    assert lab.page.open_dataset(str(tmp_path / "train-images-idx3-ubyte.gz")), warnings
    assert lab.page.session.experiment.network.layers == (64, 2, 3)
    lab.page.redraw()
    assert lab.page.views["confusion"].isVisible() and lab.page.views["misclassified"].isVisible()
    assert not lab.page.views["regions"].isVisible()


def test_two_dimensional_data_show_decision_regions(qtbot, warnings):
    window = open_lab(qtbot, load_preset("xor-2-8-2"))
    assert window.page.views["regions"].isVisible()
    assert not window.page.views["confusion"].isVisible()
    window.close()


def test_an_invalid_setting_blocks_running_with_the_reason(qtbot, lab):
    lab.page.panel.set_dataset_shape(5, 3, "")
    QApplication.processEvents()
    assert not lab.run_action.isEnabled() and not lab.step_action.isEnabled()
    lab.page.toggle_run()  # e.g. from the Run menu's item, enabled again by a race
    assert lab.page.session.state == "idle"
    message = lab.statusBar().currentMessage()
    assert "Cannot run" in message and "5 inputs" in message


@pytest.mark.parametrize("key", [None, "cost", "accuracy", "gradient", "confusion", "diagram"])
def test_every_view_and_the_window_export_to_png(qtbot, lab, tmp_path, key):
    run_to_the_end(qtbot, lab)
    path = lab.page.figures.export_to(key, tmp_path / f"{key or 'window'}.png", width=800)
    image = QImage(str(path))
    assert image.width() == 800
    colours = {image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 10  # not blank


def test_projector_mode_enlarges_the_lab(qtbot, lab):
    normal = lab.font().pointSizeF()
    lab.set_projector_mode(True, persist=False)
    assert QApplication.font().pointSizeF() >= 20 > normal
    assert lab.theme.line_width >= 3
    assert lab.page.dashboard.count() == 3  # learning, results, network
    lab.set_projector_mode(False, persist=False)


def test_on_a_projector_the_digits_confusion_matrices_get_a_page_of_their_own(qtbot):
    exp = load_preset("digits-64-30-10")
    window = open_lab(qtbot, dataclasses.replace(
        exp, training=dataclasses.replace(exp.training, epochs=1)))
    normal_width = window.page.views["confusion"].width()
    window.set_projector_mode(True, persist=False)
    try:
        tabs = [window.page.dashboard.tabText(i) for i in range(window.page.dashboard.count())]
        assert tabs == ["Learning", "Results", "Network"]
        window.page.dashboard.setCurrentIndex(1)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        confusion = window.page.views["confusion"]
        assert confusion.isVisible()
        assert confusion.width() >= 0.9 * window.page.dashboard.width() > 1.5 * normal_width
        window.page.dashboard.setCurrentIndex(0)
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        # the gradient plot alone in its row: as wide as the two plots above it
        gradient, cost = window.page.views["gradient"], window.page.views["cost"]
        assert gradient.width() > 1.8 * cost.width()
    finally:
        window.set_projector_mode(False, persist=False)
        window.close()


@pytest.mark.parametrize("projector", [False, True])
def test_on_screen_the_colour_key_names_the_runs_and_exported_plots_name_them_too(
        qtbot, lab, tmp_path, monkeypatch, projector):
    from nnlab.gui import export

    run_to_the_end(qtbot, lab)
    lab.set_projector_mode(projector, persist=False)
    plots = [lab.page.views[key] for key in ("cost", "accuracy", "gradient")]
    assert not any(plot.legend_visible for plot in plots)  # the key under the plots says it
    assert "quadratic" in lab.page.controls.key.text() and "cross-entropy" in lab.page.controls.key.text()
    seen = []
    export_widget = export.export_widget
    monkeypatch.setattr(export, "export_widget", lambda *args, **kwargs: (
        seen.append([plot.legend_visible for plot in plots]), export_widget(*args, **kwargs))[1])
    lab.page.figures.export_to("cost", tmp_path / "cost.png", width=600)
    assert seen == [[True, True, True]]  # a slide has no colour key: the legend names them
    assert not any(plot.legend_visible for plot in plots)
    lab.set_projector_mode(False, persist=False)


def test_remaining_time_reads_well():
    assert format_duration(5) == "5 s"
    assert format_duration(185) == "3 min 05 s"
    assert format_duration(3720) == "1 h 02 min"


def _live_qt_objects() -> int:
    """Qt objects that still exist: every widget, and every other QObject Python knows."""
    gc.collect()
    return len(QApplication.allWidgets()) + sum(
        1 for o in gc.get_objects() if isinstance(o, QObject) and shiboken6.isValid(o))


def test_opening_running_and_closing_the_lab_20_times_leaks_no_process_or_qt_object(qtbot):
    counts, closed_mid_run = [], 0
    for cycle in range(20):
        # every other window is closed mid-run, while its process trains
        epochs = 20 if cycle % 2 == 0 else 1_000_000
        window = CourseWindow("lab", session=LabSession(small_experiment(epochs=epochs)),
                              projector=False)
        window.page.session.setParent(window)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        if cycle % 2 == 0:
            run_to_the_end(qtbot, window)
        else:
            window.page.session.set_speed(None)
            window.run_action.trigger()
            qtbot.waitUntil(lambda: window.page.session.latest_epoch >= 5)
            assert window.page.session.is_training
        pid = window.page.session.training_process.pid
        window.close()
        assert pid not in [child for child, _ in training_processes()]  # ended and reaped
        closed_mid_run += cycle % 2
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        counts.append(_live_qt_objects())
    assert closed_mid_run == 10
    assert training_processes() == []  # none left behind, not even a zombie
    # after a warm-up (caches, the first window's one-time objects) nothing accumulates
    assert counts[-1] <= counts[3], counts


def test_the_confusion_matrices_and_the_strip_share_one_pass_over_the_test_set(qtbot,
                                                                               monkeypatch):
    from nnlab.core import evaluation

    calls = []
    evaluate = evaluation.evaluate
    monkeypatch.setattr(evaluation, "evaluate",
                        lambda network, dataset: calls.append(1) or evaluate(network, dataset))
    exp = load_preset("digits-64-30-10")
    window = open_lab(qtbot, dataclasses.replace(
        exp, training=dataclasses.replace(exp.training, epochs=1)))
    run_to_the_end(qtbot, window)
    calls.clear()
    window.page.show_epoch(0)  # both views show epoch 0 of both runs
    assert window.page.views["confusion"].isVisible() and window.page.views["misclassified"].isVisible()
    assert len(calls) == 2  # one per run, not one more for the strip's run
    window.close()


def test_the_live_confusion_matrices_show_the_training_process_evaluations(qtbot,
                                                                           monkeypatch):
    """The test set is evaluated where the parameters are, in the training process: after
    epoch 0 (the start, which the session takes itself) the window draws a whole run of the
    digits without evaluating a network itself."""
    from nnlab.core import evaluation

    window = open_lab(qtbot, load_preset("digits-64-30-10"))
    window.page.session.set_speed(None)
    window.page.session.set_experiment(dataclasses.replace(
        window.page.session.experiment,
        training=dataclasses.replace(window.page.session.experiment.training, epochs=12)))
    evaluated_here = []
    real_evaluate = evaluation.evaluate
    monkeypatch.setattr(evaluation, "evaluate",
                        lambda *args: evaluated_here.append(args) or real_evaluate(*args))
    window.page.redraw()  # epoch 0: the session's own, evaluated here
    assert len(evaluated_here) == 2
    evaluated_here.clear()
    frames = []
    window.page.frame_drawn.connect(frames.append)
    assert window.page.views["confusion"].isVisible()
    run_to_the_end(qtbot, window)
    with qtbot.waitSignal(window.page.frame_drawn):
        window.page.scheduler.mark_dirty()  # the last epoch on show
    assert len(frames) >= 2 and evaluated_here == []
    frame = window.page.current_frame()
    for name in window.page.session.run_names:
        run = frame.run(name)
        assert run.network_epoch == 12 and run.evaluation is not None
        assert run.evaluation.accuracy == window.page.session.histories[name].last()[
            "test_accuracy"]
