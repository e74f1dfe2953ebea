"""Loading data off the window's thread, with progress and Cancel.

A :class:`DataLoader` runs one function in a thread of its own. The function takes a
``progress(fraction)`` callback, which the core's readers call now and then while they read
(see :func:`nnlab.core.datasets.load_csv`); the loader passes each fraction on as
:attr:`DataLoader.progressed` and, once :meth:`DataLoader.cancel` was called, raises
:class:`~nnlab.core.LoadCancelled` from the callback, which ends the reading there.

The function's result reaches the GUI thread as :attr:`DataLoader.finished`; a refusal (a
DatasetError, an ExperimentError, any exception) as :attr:`DataLoader.failed` with its one-line
message; a cancelled load as :attr:`DataLoader.cancelled`. Exactly one of the three is emitted,
then :attr:`DataLoader.ended`.

The thread never outlives what it needs, and is never destroyed while it runs (Qt aborts the
process then): it has no Qt parent, and is kept in :data:`_threads` until it has ended and been
waited for, even after its loader is gone (e.g. a window closed while loading). Threads still
running at exit are waited for.
"""

from __future__ import annotations

import atexit
import logging
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ..core.datasets import LoadCancelled
from ..core.text import Message

Progress = Callable[[float], None]
"""``progress(fraction)``, fraction in [0, 1]; raises LoadCancelled once cancelled."""

PROGRESS_STEP = 0.005
"""Fractions closer than this to the last one sent are not sent (a reader may call the
callback per row: the window needs a few hundred updates, not a million)."""

_log = logging.getLogger(__name__)


class _LoadingThread(QThread):
    """Runs ``work(progress)`` once and keeps its outcome: ("finished", result),
    ("failed", message) or ("cancelled", None). Touches no other Qt object."""

    progressed = Signal(float)

    def __init__(self, work: Callable[[Progress], object]):
        super().__init__()  # no parent: see the module docstring
        self.setObjectName("nnlab data loading")
        self._work = work
        self.cancel_requested = False  # set by the GUI thread; a bool is read atomically
        self.outcome: tuple[str, object] | None = None
        self._last_sent = -1.0

    def progress(self, fraction: float) -> None:
        if self.cancel_requested:
            raise LoadCancelled("loading cancelled")
        fraction = min(max(float(fraction), 0.0), 1.0)
        if fraction - self._last_sent >= PROGRESS_STEP or (fraction == 1.0 > self._last_sent):
            self._last_sent = fraction
            self.progressed.emit(fraction)  # queued to the GUI thread

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except LoadCancelled:
            self.outcome = ("cancelled", None)
        except Exception as error:  # noqa: BLE001 - every refusal is a message, not a crash
            if not isinstance(error, (ValueError, OSError, MemoryError)):
                _log.exception("loading data failed")
            self.outcome = ("failed", _message_of(error))
        else:
            # a Cancel that came after the last look at the flag still cancels
            self.outcome = ("cancelled", None) if self.cancel_requested else ("finished", result)
        finally:
            self._work = None  # drop what the work held (the data, if refused)


def _message_of(error: Exception) -> str:
    """The one-line message of ``error``: its core Message when it has one (the window
    translates it), else its text, else the name of its type."""
    first = error.args[0] if error.args else None
    if isinstance(first, Message):
        return first
    return str(error) or type(error).__name__


# Every loading thread not yet ended and waited for (see the module docstring).
_threads: list[_LoadingThread] = []


def _forget_ended_threads() -> None:
    for thread in list(_threads):
        if thread.isFinished() and thread.wait(0):
            _threads.remove(thread)


def running_threads() -> list[QThread]:
    """The loading threads still running (none, once every load has ended or was joined)."""
    return [thread for thread in _threads if thread.isRunning()]


def _join_threads_at_exit() -> None:
    for thread in _threads:
        if thread.isRunning():
            thread.cancel_requested = True
            thread.wait()


atexit.register(_join_threads_at_exit)


class DataLoader(QObject):
    """Runs ``work(progress)`` in a thread of its own (see the module docstring).

    Signals reach the GUI thread (the thread that created the loader)."""

    progressed = Signal(float)
    finished = Signal(object)   # work's result
    failed = Signal(object)     # a one-line message: a str (a core Message, if it is one)
    cancelled = Signal()
    ended = Signal()            # after any one of the three

    def __init__(self, work: Callable[[Progress], object], parent: QObject | None = None):
        super().__init__(parent)
        _forget_ended_threads()
        self._thread = _LoadingThread(work)
        self._thread.progressed.connect(self.progressed)
        self._thread.finished.connect(self._on_thread_finished)  # queued: another thread
        self._reported = False
        self.outcome: tuple[str, object] | None = None

    def start(self) -> None:
        _threads.append(self._thread)
        self._thread.start()

    def cancel(self) -> None:
        """Stop at the reader's next progress report; :attr:`cancelled` follows."""
        self._thread.cancel_requested = True

    @property
    def is_cancelling(self) -> bool:
        return self._thread.cancel_requested

    def is_running(self) -> bool:
        return not self._reported

    def wait(self, timeout_ms: int) -> bool:
        """Wait at most ``timeout_ms`` for the thread to end; if it did, report its outcome
        now (rather than when the event loop gets to it). False: it still runs (it is kept
        until it ends, and waited for at exit)."""
        if not self._thread.wait(timeout_ms):
            return False
        self._on_thread_finished()
        return True

    @Slot()
    def _on_thread_finished(self) -> None:
        if self._reported:
            return
        self._thread.wait()  # `finished` is sent just before the thread's last instructions
        self._reported = True
        _forget_ended_threads()
        self.outcome = self._thread.outcome or ("failed", "loading ended without a result")
        kind, value = self.outcome
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
        self.ended.emit()
