"""Hostile files opened from the windows' menus: a named pipe, a device, a file of 40,000
classes. Each is a message box naming what is wrong, and what the window had stays."""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtWidgets import QFileDialog

from nnlab.app.lab_session import LabSession
from nnlab.core.presets import load_preset
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import show


@pytest.fixture(autouse=True)
def bounded_time():
    """A reader that blocks on a pipe or reads a device for ever fails the test (an alarm
    interrupts it) instead of hanging the suite."""
    def too_long(signum, frame):
        raise TimeoutError("the window was still reading after 30 s")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def answer_open(monkeypatch, *paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(paths[0]), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a, **k: ([str(p) for p in paths], ""))


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_the_lesson_refuses_a_pipe_or_a_device_as_an_experiment(qtbot, monkeypatch, tmp_path,
                                                                warnings, kind):
    path = tmp_path / "lesson.toml"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = "/dev/zero"
    window = show(qtbot, CourseWindow("neuron", projector=False), 1024, 700)
    before = window.page.session.experiment
    answer_open(monkeypatch, path)
    window.open_action.trigger()
    assert len(warnings) == 1
    title, text = warnings[0]
    assert "\n" not in text and len(text) < 300
    assert ("named pipe" if kind == "fifo" else "device") in text
    assert window.page.session.experiment == before


def test_the_lab_refuses_a_pipe_or_40000_classes_as_data_and_keeps_its_own(
        qtbot, monkeypatch, tmp_path, warnings):
    window = CourseWindow("lab", session=LabSession(load_preset("xor-2-8-2")), projector=False)
    window.page.session.setParent(window)
    show(qtbot, window, 1024, 700)
    before = window.page.session.dataset
    pipe = tmp_path / "data.csv"
    os.mkfifo(pipe)
    answer_open(monkeypatch, pipe)
    window.page.open_dataset_action.trigger()
    many = tmp_path / "many.csv"
    many.write_text("a,label\n" + "".join(f"{i % 7},c{i}\n" for i in range(40_000)),
                    encoding="utf-8")
    answer_open(monkeypatch, many)
    window.page.open_dataset_action.trigger()
    assert [title for title, _ in warnings] == ["Cannot open dataset"] * 2
    assert "named pipe" in warnings[0][1]
    assert "1024" in warnings[1][1].replace(",", "") or "1,024" in warnings[1][1]
    assert all("\n" not in text and len(text) < 400 for _, text in warnings)
    assert window.page.session.dataset is before
