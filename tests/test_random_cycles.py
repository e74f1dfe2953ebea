"""Both windows driven at random, as a class of students would: Run, Pause, Step, step back,
Reset, the speed, the timeline and closing the window, in a seeded random order.

Nothing may raise (pytest-qt fails a test on an exception in a slot), Qt may not warn about
threads, no training thread may outlive its window, and the live widgets may not grow from
one window to the next. CI runs CYCLES actions per window; NNLAB_CYCLES=500 runs more.
"""

from __future__ import annotations

import dataclasses
import os
import random

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QtMsgType, Qt
from PySide6.QtWidgets import QApplication

from nnlab.app.lab_session import LabSession
from nnlab.core.presets import load_preset
from nnlab.gui.shell.course_window import CourseWindow

CYCLES = int(os.environ.get("NNLAB_CYCLES", "120"))
WINDOWS_PER_TEST = 4  # the actions are shared out over this many windows, opened in turn


def lesson_window():
    return CourseWindow("neuron", projector=False)


def lab_window():
    exp = load_preset("three-class-3-2-3")
    exp = dataclasses.replace(exp, training=dataclasses.replace(exp.training, epochs=200))
    window = CourseWindow("lab", session=LabSession(exp), projector=False)
    window.page.session.setParent(window)
    return window


def act(window, rng: random.Random) -> None:
    """One thing a user does."""
    choice = rng.randrange(9)
    if choice == 0:
        window.run_action.trigger()
    elif choice == 1:
        window.step_action.trigger()
    elif choice == 2:
        window.step_back_action.trigger()
    elif choice == 3:
        window.reset_action.trigger()
    elif choice == 4:
        (window.slower_action if rng.random() < 0.5 else window.faster_action).trigger()
    elif choice == 5:
        window.page.controls.set_speed(rng.choice([None, 1.0, 30.0, 1000.0]))
        window.page.session.set_speed(rng.choice([None, 5.0, 300.0]))
    elif choice == 6:
        latest = window.page.session.latest_epoch
        window.page.controls.epoch_chosen.emit(rng.randint(0, max(latest, 0)))
    elif choice == 7:
        (window.first_epoch_action if rng.random() < 0.5 else window.last_epoch_action).trigger()
    else:
        window.page.redraw()
    for _ in range(rng.randrange(1, 4)):
        QApplication.processEvents()


@pytest.mark.parametrize("make", [lesson_window, lab_window], ids=["lesson", "lab"])
def test_random_use_leaves_no_thread_no_warning_and_no_growth(qtbot, qtlog, make):
    rng = random.Random(20261204)
    widgets_after = []
    for _ in range(WINDOWS_PER_TEST):
        window = make()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.resize(1024, 700)
        window.show()
        for _ in range(CYCLES // WINDOWS_PER_TEST):
            act(window, rng)
        session = window.page.session
        window.close()  # mid-run, paused or finished, whatever the dice left
        assert session.training_process is None
        del window, session
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        widgets_after.append(len(QApplication.allWidgets()))
    # the first window may create what lives on (style objects, caches): compare the rest
    assert max(widgets_after[1:]) <= widgets_after[1] + 5, widgets_after
    thread_warnings = [record.message for record in qtlog.records
                       if record.type != QtMsgType.QtDebugMsg and "thread" in
                       record.message.lower()]
    assert thread_warnings == []
