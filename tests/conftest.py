"""Shared test set-up: run Qt without a display and keep the user's settings untouched."""

import os
import tempfile

# Before anything imports Qt: the suite runs headless (CI, SSH) unless the caller chose a
# platform, e.g. QT_QPA_PLATFORM=xcb under Xvfb for screenshots.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# QSettings (organisation and application "nnlab") writes below XDG_CONFIG_HOME on Linux;
# tests must neither read a developer's saved settings nor overwrite them. Qt reads the
# variable once, so it is set here, before the first QSettings, for the whole session.
_settings_home = tempfile.TemporaryDirectory(prefix="nnlab-test-config-")
os.environ["XDG_CONFIG_HOME"] = _settings_home.name


import pytest  # noqa: E402  (after the environment is set)


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_from_the_event_loop(qapp):
    """As in the app (nnlab.gui.app.create_application): cyclic garbage is collected from a
    timer of the GUI thread, never where an allocation crosses a threshold."""
    from pyqtgraph.util.garbage_collector import GarbageCollector

    from nnlab.gui.app import GARBAGE_COLLECTION_INTERVAL_SECONDS

    collector = GarbageCollector(GARBAGE_COLLECTION_INTERVAL_SECONDS)
    yield
    # Not switched back on: the fixtures torn down after this one disconnect Qt signals, and
    # a collection begun inside a disconnect deadlocked the suite's last moments
    del collector


@pytest.fixture
def warnings(monkeypatch):
    """The messages the window would show in a message box (title, text), instead of a
    modal box."""
    from PySide6.QtWidgets import QMessageBox

    shown = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown
