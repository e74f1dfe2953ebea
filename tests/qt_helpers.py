"""Helpers the GUI tests share: show a widget or a window, find a menu as a user does, run a
window's training to its end."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QWidget

FINISHED_TIMEOUT_MS = 60_000
#: The lab's first epoch waits for its training process to start (a fresh Python importing
#: NumPy): over 5 s once on a busy machine, the default of qtbot.waitUntil.
PROCESS_START_TIMEOUT_MS = 30_000
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


def child_processes() -> list[tuple[int, str]]:
    """(pid, state) of every process whose parent is this one, from the process table
    (``/proc``): running ones and zombies (state "Z", ended but never reaped) alike."""
    import os
    from pathlib import Path

    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        # "pid (name) state ppid …": the name may hold spaces and brackets
        state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
        if int(ppid) == os.getpid():
            children.append((int(entry.name), state))
    return children


def training_processes() -> list[tuple[int, str]]:
    """The children of this process that are training processes (interpreters started by
    multiprocessing's spawn), zombies included. Not multiprocessing's resource tracker, one
    helper process that lives as long as this one."""
    from pathlib import Path

    found = []
    for pid, state in child_processes():
        try:
            command = (Path("/proc") / str(pid) / "cmdline").read_bytes()
        except OSError:
            command = b""
        if state == "Z" or b"spawn_main" in command:
            found.append((pid, state))
    return found
