"""What the window benchmarks measure in the GUI thread: how late a precise timer comes."""

from __future__ import annotations

import time

TICK_MS = 10


class LatenessTicker:
    """A precise TICK_MS timer in the GUI thread; ``lateness`` (ms) is how late each tick
    came after the one before, the event loop's delay in handling it."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.lateness: list[float] = []
        self._last: float | None = None
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.lateness.append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self._last = now

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(share * len(values)))] if values else float("nan")
