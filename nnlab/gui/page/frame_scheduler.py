"""The display timer of a lesson's page: frames drawn from what has arrived, at most 60 a
second, never once per training step.

Training runs in a process of its own and the session appends what arrives to its
histories; whenever something changed, the scheduler asks the page for one immutable frame
and hands it to every visible view, so redraws never depend on how fast training runs. Qt
paints the views in its next turn of the event loop.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

DISPLAY_INTERVAL_MS = 16  # at most ~60 redraws per second


class FrameScheduler(QObject):
    """Draws ``frame_source()`` into ``views`` (key → view) when :meth:`mark_dirty` was
    called, and ``show_status(frame)`` after them, while the display timer runs
    (:meth:`start`, :meth:`stop`: only the page on show draws).

    A frame is handed to the views one view per turn of the event loop, and Qt paints each
    view in the turn after its update: no single block of drawing keeps the GUI thread from
    its other events (a key, a message from the training process) for long.
    """

    #: a frame has been handed to every visible view by the display timer; the argument is
    #: how long updating them took, in seconds (Qt paints them in between)
    frame_drawn = Signal(float)

    def __init__(self, owner: QWidget, views: dict[str, QWidget], frame_source: Callable,
                 show_status: Callable):
        super().__init__(owner)
        self._views = views
        self._frame_source = frame_source
        self._show_status = show_status
        self._dirty = True
        self._steps: list[Callable] = []  # what is left of the frame being drawn
        self._cost = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(DISPLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw_if_dirty)
        # the next step of a frame, in the event loop's next turn
        self._next_step = QTimer(self)
        self._next_step.setSingleShot(True)
        self._next_step.setInterval(0)
        self._next_step.timeout.connect(self._draw_next)

    def start(self) -> None:
        self.mark_dirty()  # views hidden until now have not drawn the current frame
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._next_step.stop()
        self._steps = []

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def mark_dirty(self, *_) -> None:
        self._dirty = True

    def _redraw_if_dirty(self) -> None:
        """Begin drawing the current frame, if anything changed and the last one is done."""
        if self._steps or not self._dirty:
            return
        self._dirty = False
        frame = self._frame_source()
        # a view on another dashboard page is drawn when its page is shown
        self._steps = [partial(_update_if_visible, view, frame)
                       for view in self._views.values() if view.isVisible()]
        self._steps.append(partial(self._show_status, frame))
        self._cost = 0.0
        self._draw_next()

    def _draw_next(self) -> None:
        if not self._steps:  # stopped, or a synchronous redraw took over
            return
        start = time.perf_counter()
        self._steps.pop(0)()
        self._cost += time.perf_counter() - start
        if self._steps:
            self._next_step.start()
        else:
            self.frame_drawn.emit(self._cost)

    def redraw(self) -> None:
        """Draw the current frame in every visible view now, all at once."""
        self._dirty = False
        self._next_step.stop()
        self._steps = []
        frame = self._frame_source()
        for view in self._views.values():
            if view.isVisible():  # a view on another dashboard page is drawn when shown
                view.update_frame(frame)
        self._show_status(frame)


def _update_if_visible(view, frame) -> None:
    if view.isVisible():  # still: the dashboard page may have changed since the frame began
        view.update_frame(frame)
