"""The network lab on a lecturer's first evening: the starting network before Run, the
message of a diverged run readable on a projector."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from nnlab.app.lab_session import LabSession
from nnlab.core.experiment import CompareSettings
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import run_to_the_end, show


def test_before_run_the_lab_shows_the_starting_network_and_epoch_0(qtbot, warnings):
    experiment = load_preset("xor-2-8-2")
    window = CourseWindow("lab", session=LabSession(experiment), projector=False)
    window.page.session.setParent(window)
    show(qtbot, window, 1366, 740)
    window.page.redraw()
    frame = window.page.current_frame()
    initial = {run.name: run.initial_network for run in build_runs(experiment)}
    for run in frame.runs:
        assert run.index == 0 and run.network_epoch == 0
        # the network drawn is the one the run will start from, not "no network yet"
        assert (run.network.parameters == initial[run.name].parameters).all()
        assert run.value("epoch") == 0
    assert "Epoch 0 of" in window.statusBar().currentMessage()
    assert "—" not in window.statusBar().currentMessage()  # accuracies at the start
    window.close()


def test_a_diverged_runs_message_is_readable_on_a_projector_with_four_runs(qtbot, warnings):
    # leaky ReLU layers are unbounded: at η = 100 the first steps overflow
    exp = load_preset("spiral-learning-rates")
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=5),
                              compare=CompareSettings("learning_rate",
                                                      (0.01, 0.1, 1.0, 100.0)))
    window = CourseWindow("lab", session=LabSession(exp), projector=False)
    window.page.session.setParent(window)
    show(qtbot, window, 1024, 768)
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # the lecturer switches to the projector
    assert window.projector_mode
    run_to_the_end(qtbot, window)
    label = window.page.divergence
    assert label.isVisible() and "η = 100" in label.text()
    # in the projector's large letters, like the status bar under it (it was 10 px high)
    assert label.font().pointSize() == window.statusBar().font().pointSize() >= 20
    assert label.height() >= label.heightForWidth(label.width()) \
        >= label.fontMetrics().height()
    window.close()
