"""One function called off the window's thread, its result handed back by a signal.

For short work whose result the window can do without (how long a run will take): the thread
is a daemon thread of Python's ``threading`` that holds no Qt object, so it never keeps the
app from quitting and is never counted among the data loads (:mod:`nnlab.app.loading`).
"""

from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal

_log = logging.getLogger(__name__)


class BackgroundCall(QObject):
    """Calls ``work()`` in a daemon thread once :meth:`start` is called; ``done`` carries
    its result to the thread that made this object (queued). A failure is logged and
    ``done`` is not sent; ``ended`` follows in every case."""

    done = Signal(object)
    ended = Signal()

    def __init__(self, work: Callable[[], object], name: str, parent: QObject | None = None):
        super().__init__(parent)
        self._work = work
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, seconds: float) -> bool:
        """Wait at most ``seconds`` for the call to end; whether it has."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            result = self._work()
        except Exception:  # noqa: BLE001 - an estimate that fails is no news for the user
            _log.exception("work in the background failed")
        else:
            self._emit(self.done, result)
        finally:
            self._work = None
        self._emit(self.ended)

    @staticmethod
    def _emit(signal, *values) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the Qt side is gone (the window closed, the app quits)
            pass
