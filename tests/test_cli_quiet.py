"""nnlab export prints what it wrote and nothing else: Qt's harmless platform chatter is
dropped, Qt's other messages still show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler, qWarning

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("platform", ["offscreen", None], ids=["offscreen", "no-display"])
def test_export_prints_only_the_files_it_wrote(tmp_path, platform):
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "NNLAB_TRACEBACK")}
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    done = subprocess.run([sys.executable, "-m", "nnlab", "export", "--preset", "neuron-2-2",
                           "--out", "figures", "--width", "400"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    written = sorted((tmp_path / "figures").iterdir())
    assert len(written) >= 2
    assert sorted(done.stdout.splitlines()) == [f"wrote {path}" for path in written]


def test_only_the_harmless_messages_are_dropped(qapp):
    from nnlab.gui.shell.headless_export import harmless_qt_messages_dropped

    received = []
    previous = qInstallMessageHandler(lambda kind, context, message:
                                      received.append((kind, message)))
    try:
        with harmless_qt_messages_dropped():
            qWarning("This plugin does not support propagateSizeHints()")
            qWarning("QPainter::begin: Paint device returned engine == 0")
        qWarning("This plugin does not support propagateSizeHints()")  # after: as before
    finally:
        qInstallMessageHandler(previous)
    assert received == [
        (QtMsgType.QtWarningMsg, "QPainter::begin: Paint device returned engine == 0"),
        (QtMsgType.QtWarningMsg, "This plugin does not support propagateSizeHints()"),
    ]
