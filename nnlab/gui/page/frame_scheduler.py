"""The display timer of a lesson's page: frames drawn from what has arrived, at most 60 a
second, never once per training step.

A session trains on its worker thread and appends what arrives to its histories; whenever
something changed, the scheduler asks the page for one immutable frame and hands it to every
visible view, so redraws never depend on how fast training runs.
"""

from __future__ import annotations

import time
from functools import partial
from typing import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QGraphicsView, QWidget

DISPLAY_INTERVAL_MS = 16  # at most ~60 redraws per second
HOLD_RETRY_MS = 1  # while training finishes its chunk of epochs, the page looks this often


class FrameScheduler(QObject):
    """Draws ``frame_source()`` into ``views`` (key → view) when :meth:`mark_dirty` was
    called, and ``show_status(frame)`` after them, while the display timer runs
    (:meth:`start`, :meth:`stop`: only the page on show draws).

    A frame is drawn while training waits (the session's hold, taken once the worker has
    finished its current chunk of epochs, kept until the frame is done), in short steps: a
    view updated, then painted, then the next view, and last ``show_status``; one step per
    turn of the event loop, so no single block of drawing keeps the GUI thread from its
    other events for long. Drawing holds training at most 1/``redraw_share_factor`` of the
    time: at full training speed the plots still move several times a second and training
    keeps most of the interpreter.
    """

    #: a frame has been drawn by the display timer, all of it; the argument is how long
    #: training waited for it (while the page had the hold), in seconds
    frame_drawn = Signal(float)

    def __init__(self, owner: QWidget, session, views: dict[str, QWidget],
                 frame_source: Callable, show_status: Callable, redraw_share_factor: int):
        super().__init__(owner)
        self._owner = owner
        self._session = session
        self._views = views
        self._frame_source = frame_source
        self._show_status = show_status
        #: a frame that held training for t starts the next one at least factor × t later
        self.redraw_share_factor = redraw_share_factor
        self._dirty = True
        self._next_redraw = 0.0
        self._drawing = None  # the frame being drawn, one view per turn of the event loop
        self._draw_steps: list = []
        self._drawing_started = self._held_since = 0.0

        self._timer = QTimer(self)
        self._timer.setInterval(DISPLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw_if_dirty)
        # the next step of a frame, in the event loop's next turn (a timer of the page's
        # own: a pending QTimer.singleShot would keep a closed page's Python side alive)
        self._next_step_timer = QTimer(self)
        self._next_step_timer.setSingleShot(True)
        self._next_step_timer.setInterval(0)
        self._next_step_timer.timeout.connect(self._draw_next)

    def start(self) -> None:
        self.mark_dirty()  # views hidden until now have not drawn the current frame
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.abandon()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def mark_dirty(self, *_) -> None:
        self._dirty = True

    def _redraw_if_dirty(self) -> None:
        """Start drawing the current frame, if anything changed and the last frame is done."""
        if self._drawing is not None or not self._dirty:
            return
        now = time.perf_counter()
        if now < self._next_redraw:
            return
        self._dirty = False
        frame = self._drawing = self._frame_source()
        self._draw_steps = []
        scenes = self._visible_scenes()
        paint = partial(self._paint_now, scenes)
        # a view on another dashboard page is drawn when its page is shown
        for view in [view for view in self._views.values() if view.isVisible()]:
            self._draw_steps += [partial(_update_if_visible, view, frame), paint]
        self._draw_steps += [partial(self._show_status, frame), paint]
        self._drawing_started = now
        self._draw_next()  # asks for the hold (try_take), and draws once it has it

    def _draw_next(self) -> None:
        """One step of the frame being drawn, then the next in the event loop's next turn;
        while training has not yet given up the hold, a look again a moment later."""
        if self._drawing is None:  # closed, or a synchronous redraw took over
            return
        hold = self._session.hold
        if not hold.taken:
            if not hold.try_take():  # the worker is finishing its chunk of epochs
                self._next_step_timer.start(HOLD_RETRY_MS)
                return
            self._held_since = time.perf_counter()
        self._draw_steps.pop(0)()
        if self._draw_steps:
            self._next_step_timer.start(0)
            return
        self._drawing = None
        hold.release()
        # training waited while the page had the hold: that is the share to keep small
        now = time.perf_counter()
        held = now - self._held_since
        self._next_redraw = max(self._drawing_started + DISPLAY_INTERVAL_MS / 1000,
                                now + (self.redraw_share_factor - 1) * held)
        self.frame_drawn.emit(held)

    def abandon(self) -> None:
        """Stop drawing the frame under way (if any) and let training go on."""
        self._next_step_timer.stop()
        if self._drawing is not None:
            self._drawing, self._draw_steps = None, []
            self._session.hold.release()

    def _visible_scenes(self) -> list:
        return [view.scene() for view in self._owner.findChildren(QGraphicsView)
                if view.isVisible() and view.scene() is not None]

    def _paint_now(self, scenes: list | None = None) -> None:
        """Paint what was updated, now rather than later in the event loop.

        A pyqtgraph view repaints in two queued steps: its scene gathers the changed items
        (a queued call), then the window paints (an update request). Both are delivered
        here, so the painting happens while training waits, not while the two threads take
        turns at the interpreter lock for every one of Qt's many small calls.
        """
        for scene in self._visible_scenes() if scenes is None else scenes:
            if shiboken6.isValid(scene):
                QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)

    def redraw(self) -> None:
        """Draw the current frame in every visible view now, all at once (the display timer
        draws it a view at a time)."""
        self._dirty = False
        self.abandon()
        frame = self._frame_source()
        for view in self._views.values():
            if view.isVisible():  # a view on another dashboard page is drawn when shown
                view.update_frame(frame)
        self._show_status(frame)


def _update_if_visible(view, frame) -> None:
    if view.isVisible():  # still: the dashboard page may have changed since the frame began
        view.update_frame(frame)
