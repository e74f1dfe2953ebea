"""Projector mode as a lecturer meets it: F5 fills the screen (and leaves it again), F11 is
full screen on its own, the window comes back where it was, and a projector mode remembered
from the last lecture can be left without wrecking the layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QComboBox

from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.theme import save_projector_mode


@pytest.fixture(autouse=True)
def normal_mode_remembered():
    """Each test starts from normal mode (the choice is remembered between windows)."""
    save_projector_mode(False)
    yield
    save_projector_mode(False)


def shown(qtbot, window, size=(760, 560)):  # within the test platform's 800 × 600
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    window.setFocus()
    return window


def test_f5_fills_the_screen_without_the_menu_bar_and_gives_the_window_back(qtbot):
    window = shown(qtbot, CourseWindow("neuron"))
    before = window.geometry()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.projector_mode
    qtbot.waitUntil(window.isFullScreen)
    assert not window.menuBar().isVisible()
    assert not window.panel_dock.isVisible()
    with qtbot.waitSignal(window.page.session.state_changed,  # keys work without the menu bar
                          check_params_cb=lambda state: state == "running"):
        qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.projector_mode
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.menuBar().isVisible() and window.panel_dock.isVisible()
    qtbot.waitUntil(lambda: window.geometry().size() == before.size())
    window.close()


def test_f11_is_full_screen_on_its_own_and_projector_mode_keeps_it(qtbot):
    window = shown(qtbot, CourseWindow("neuron"))
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.full_screen_action.isChecked() and window.menuBar().isVisible()
    assert not window.projector_mode
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # back to what it was: full screen, with menus
    assert window.isFullScreen() and window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.full_screen_action.isChecked()
    window.close()


def test_the_window_opens_where_it_was_closed(qtbot):
    first = shown(qtbot, CourseWindow("neuron"))
    first.setGeometry(QRect(40, 50, 700, 500))  # within the test platform's 800 × 600 screen
    qtbot.waitUntil(lambda: first.geometry().size().width() == 700)
    first.close()
    second = CourseWindow("neuron")
    qtbot.addWidget(second)
    second.show()
    assert second.geometry().size() == first.geometry().size()
    assert second.geometry().topLeft() == first.geometry().topLeft()
    second.close()


def test_a_remembered_projector_mode_fills_the_screen_at_start(qtbot):
    save_projector_mode(True)  # the last lecture ended in projector mode
    lab = CourseWindow("lab")
    qtbot.addWidget(lab)
    with qtbot.waitExposed(lab):
        lab.show()
    assert lab.projector_mode and lab.isFullScreen() and not lab.menuBar().isVisible()
    lab.close()


def test_leaving_projector_mode_the_panel_gets_its_normal_width_back(qtbot):
    normal = shown(qtbot, CourseWindow("lab", projector=False), size=(1366, 740))
    widths = [c.minimumSizeHint().width() for c in normal.page.panel.findChildren(QComboBox)]
    # the views' combo boxes too (the diagram's and the strip's "Run:")
    view_sizes = sorted(c.minimumSizeHint().toTuple() for view in normal.page.views.values()
                        for c in view.findChildren(QComboBox))
    normal.close()

    # started in projector mode, the panel was laid out at the projector's font, hidden
    lab = shown(qtbot, CourseWindow("lab", projector=True), size=(1366, 740))
    qtbot.keyClick(lab, Qt.Key.Key_F5)
    assert not lab.projector_mode and lab.panel_dock.isVisible()

    def combo_widths():
        return [c.minimumSizeHint().width() for c in lab.page.panel.findChildren(QComboBox)]

    qtbot.waitUntil(lambda: combo_widths() == widths)  # measured at the normal font
    assert view_sizes and sorted(c.minimumSizeHint().toTuple() for view in lab.page.views.values()
                                 for c in view.findChildren(QComboBox)) == view_sizes
    # as wide as the panel's contents (and its scroll bar), no wider: it had kept the
    # projector's 540 of 1366 px
    scroll = lab.panels.currentWidget()
    natural = lab.page.panel.sizeHint().width() + 2 * scroll.frameWidth() \
        + scroll.verticalScrollBar().sizeHint().width()
    qtbot.waitUntil(lambda: lab.panel_dock.width() <= natural + 12)
    lab.close()
