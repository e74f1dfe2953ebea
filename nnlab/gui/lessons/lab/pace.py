"""How long something still takes, from the pace of the last few seconds: the epochs left of
a run under way, the bytes left of a download.

A pace from the last few seconds (not from the start) follows a run that slows down (the
machine gets busy) or a download whose speed changes, and forgets a slow start.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QCoreApplication

from nnlab.gui.text import fill

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

RATE_WINDOW_SECONDS = 3.0
"""The remaining time is estimated from the last few seconds' pace."""


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


class Pace:
    """(time, amount done) of the last RATE_WINDOW_SECONDS, and the time left at that pace."""

    def __init__(self, window_seconds: float = RATE_WINDOW_SECONDS):
        self.window_seconds = window_seconds
        self._points: deque[tuple[float, float]] = deque()

    def clear(self) -> None:
        self._points.clear()

    def add(self, now: float, done: float) -> None:
        """``done`` (epochs, bytes) at the time ``now`` (seconds, any clock)."""
        self._points.append((now, done))
        # two points are kept at least: a pace needs them, however far apart they are
        while len(self._points) > 2 and now - self._points[0][0] > self.window_seconds:
            self._points.popleft()

    def seconds_left(self, total: float) -> float | None:
        """The seconds until ``total`` is done at the recent pace; None while there is no
        pace yet (nothing done since the first point)."""
        if len(self._points) < 2:
            return None
        (t0, d0), (t1, d1) = self._points[0], self._points[-1]
        if d1 <= d0 or t1 <= t0:
            return None
        return max(total - d1, 0.0) / ((d1 - d0) / (t1 - t0))
