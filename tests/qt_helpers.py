"""Helpers the GUI tests share: show a widget, run a window's training to its end."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

FINISHED_TIMEOUT_MS = 60_000
"""The longest a test waits for a window's runs to finish (a generous bound against a hang)."""


def show(qtbot, widget: QWidget, width=640, height=420) -> QWidget:
    """``widget`` on screen at ``width`` × ``height``, closed with the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def run_to_the_end(qtbot, window, timeout_ms: int = FINISHED_TIMEOUT_MS):
    """Train the window's runs at full speed until they finish, then draw the last frame."""
    window.page.session.set_speed(None)
    with qtbot.waitSignal(window.page.session.state_changed, timeout=timeout_ms,
                          check_params_cb=lambda state: state == "finished"):
        window.run_action.trigger()
    window.page.redraw()
