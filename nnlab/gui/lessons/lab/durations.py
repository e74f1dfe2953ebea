"""Durations as the lab writes them ("3 min 05 s"), in the interface's language; the pace
they come from is :class:`nnlab.core.pace.Pace`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from nnlab.gui.text import fill

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

RATE_WINDOW_SECONDS = 3.0
"""The window's remaining times are estimated from the last few seconds' pace."""


def format_duration(seconds: float) -> str:
    """"12 s", "3 min 05 s", "1 h 02 min"."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return fill(translate("LabPage", "%1 s"), seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return fill(translate("LabPage", "%1 min %2 s"),
                    minutes, f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return fill(translate("LabPage", "%1 h %2 min"), hours, f"{minutes:02d}")
