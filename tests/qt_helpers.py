"""Helpers the GUI tests share: show a widget or a window, find a menu as a user does, run a
window's training to its end."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

FINISHED_TIMEOUT_MS = 60_000
"""The longest a test waits for a window's runs to finish (a generous bound against a hang)."""


def show(qtbot, widget: QWidget, width=640, height=420) -> QWidget:
    """``widget`` on screen at ``width`` × ``height``, closed with the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_window(qtbot, window, size=(1366, 740)):
    """A main window on screen at ``size``, active (its keys reach it), closed with the test."""
    qtbot.addWidget(window)
    window.resize(*size)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    return window


def menu(window, title: str) -> QMenu:
    """The menu called ``title`` (the '&' of mnemonics ignored) in the window's menu bar, or
    a submenu shown in one of its menus, as a user finds it."""
    # found among the window's children: menus reached through QAction.menu() came back
    # as deleted objects in PySide6 6.9.3
    for found in window.findChildren(QMenu):
        if found.title().replace("&", "") == title and found.menuAction().isVisible():
            return found
    raise AssertionError(f"no menu {title} in the menu bar")


def run_to_the_end(qtbot, window, timeout_ms: int = FINISHED_TIMEOUT_MS):
    """Train the window's runs at full speed until they finish, then draw the last frame."""
    window.page.session.set_speed(None)
    with qtbot.waitSignal(window.page.session.state_changed, timeout=timeout_ms,
                          check_params_cb=lambda state: state == "finished"):
        window.run_action.trigger()
    window.page.redraw()
