"""The window's side of the training process: it starts the process, sends it commands and
reads what it sends, without waiting.

The process runs :func:`nnlab.app.trainer.serve` and is started with ``spawn`` (a fresh
interpreter, the same on Linux, Windows and macOS; a frozen build calls
``multiprocessing.freeze_support()`` first, see :mod:`nnlab.cli`). A script that makes
sessions must therefore keep its top level under ``if __name__ == "__main__":``, since the
new interpreter imports the script's main module again.

:class:`TrainingProcess` is plain Python, no Qt object: the session reads it from a timer of
the GUI thread (:meth:`~TrainingProcess.received` never blocks). No thread of the window's
process reads the pipe: a reading thread would allocate objects as it unpickles, and a
garbage collection it set off could destroy Qt objects outside the GUI thread.

:meth:`~TrainingProcess.close` ends the process on purpose: it asks, then terminates, then
kills, and reaps it, within :data:`CLOSE_TIMEOUT_SECONDS`.
"""

from __future__ import annotations

import atexit
import multiprocessing
import time
import weakref
from typing import Iterator

from . import trainer

CLOSE_TIMEOUT_SECONDS = 1.0
"""The longest :meth:`TrainingProcess.close` takes: the process is asked to quit, then
terminated, then killed."""


# Every training process not yet closed, so that none outlives the program (see close_all).
_open_processes: weakref.WeakSet = weakref.WeakSet()


def close_all() -> None:
    """Close every training process still open: when the application quits, and at exit (a
    window that was never closed, a script that made sessions)."""
    for process in list(_open_processes):
        process.close()


atexit.register(close_all)


class ProcessEnded(Exception):
    """The training process has gone without being closed (killed, out of memory, a crash)."""


class TrainingProcess:
    """A training process and this process's end of its pipe (see the module docstring)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=trainer.serve, args=(child_end,),
                                        name="nnlab training", daemon=True)
        self._process.start()
        child_end.close()  # the process has its own copy: the pipe ends when it does
        self._closed = False
        _open_processes.add(self)

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def is_alive(self) -> bool:
        return not self._closed and self._process.is_alive()

    def send(self, *command) -> bool:
        """Send one command; False when the process is gone (:meth:`received` then raises
        ProcessEnded)."""
        if self._closed:
            return False
        try:
            self._connection.send(command)
            return True
        except (OSError, ValueError):
            return False

    def received(self, budget_seconds: float) -> Iterator[tuple]:
        """The messages that have arrived, without waiting, for at most ``budget_seconds``.
        Raises ProcessEnded once the pipe has closed (every message before that was given)."""
        if self._closed:
            return
        deadline = time.perf_counter() + budget_seconds
        try:
            while self._connection.poll(0):
                yield self._connection.recv()
                if self._closed or time.perf_counter() > deadline:
                    return
        except (EOFError, OSError):
            raise ProcessEnded from None
        if not self._process.is_alive() and not self._connection.poll(0):
            raise ProcessEnded

    @property
    def exit_code(self) -> int | None:
        """How the process ended: its exit code, or minus the signal that ended it; None
        while it runs. Waits a moment for a process whose pipe has just closed."""
        self._process.join(0.2)
        return self._process.exitcode

    def close(self) -> None:
        """End the process (asked, then terminated, then killed) and reap it; within
        CLOSE_TIMEOUT_SECONDS. Safe to call any number of times."""
        if self._closed:
            return
        self._closed = True
        _open_processes.discard(self)
        try:
            self._connection.send(("quit",))
        except (OSError, ValueError):
            pass
        process = self._process
        process.join(CLOSE_TIMEOUT_SECONDS * 0.6)
        if process.is_alive():
            process.terminate()
            process.join(CLOSE_TIMEOUT_SECONDS * 0.3)
        if process.is_alive():
            process.kill()
            process.join()
        self._connection.close()
        # its file descriptors closed now, not whenever a garbage collection frees it
        process.close()
