"""How long something still takes, from the pace of the last few seconds: the epochs left of
a run under way in the lab, the bytes left of a download (the lab's dialog, ``nnlab data
fetch``).

A pace from the last few seconds (not from the start) follows a run that slows down (the
machine gets busy) or a connection whose speed changes, and forgets a slow start:

    seconds left = (total − done) × (t_now − t_first) / (done_now − done_first)

over the points of the last ``window_seconds``.
"""

from __future__ import annotations

from collections import deque


class Pace:
    """(time, amount done) of the last ``window_seconds``, and the time left at that pace.

    No answer until ``settle_seconds`` of progress have been watched (one quick piece says
    little about a download's speed). When the amount done goes back (a download starting
    its file again on the next mirror, a run reset), the pace starts over."""

    def __init__(self, window_seconds: float = 3.0, settle_seconds: float = 0.0):
        self.window_seconds = window_seconds
        self.settle_seconds = settle_seconds
        self._points: deque[tuple[float, float]] = deque()

    def clear(self) -> None:
        self._points.clear()

    def add(self, now: float, done: float) -> None:
        """``done`` (epochs, bytes) at the time ``now`` (seconds, a monotonic clock)."""
        if self._points and done < self._points[-1][1]:
            self._points.clear()
        self._points.append((now, done))
        # keep the newest point older than the window, so that the span covers the window
        while len(self._points) > 2 and self._points[1][0] <= now - self.window_seconds:
            self._points.popleft()

    def seconds_left(self, total: float) -> float | None:
        """The seconds until ``total`` is done at the recent pace; None while there is no
        pace yet (nothing done since the first point, or not watched long enough)."""
        if len(self._points) < 2:
            return None
        (t0, d0), (t1, d1) = self._points[0], self._points[-1]
        if d1 <= d0 or t1 - t0 < max(self.settle_seconds, 0.0) or t1 <= t0:
            return None
        return max(total - d1, 0.0) * (t1 - t0) / (d1 - d0)
