"""The MNIST download dialog: a progress bar over the download, the file being fetched, the
megabytes done of the total, the time left at the recent pace, and Cancel (Esc too).

The download is :func:`nnlab.core.mnist.fetch_mnist`, a generator that yields a
:class:`~nnlab.core.mnist.FetchProgress` after each piece it has written. A
:class:`_FetchWorker` iterates it in a thread of its own and hands each progress to the GUI
thread by a signal; Cancel sets a flag that the thread reads between two pieces, and then it
closes the generator, which deletes the file it was writing, so nothing half-written stays in
the cache. Whatever ends the download (done, refused, cancelled), :attr:`MnistDownloadDialog.
ended` says so once, from the GUI thread.

The thread is a daemon thread (Python's ``threading``) and holds no Qt object of its own: a
download stuck on a silent server (it waits up to the fetch's timeout for the next piece)
never keeps the app from quitting, and nothing of Qt's is destroyed under it. Closing the
window cancels the download and waits a moment (:data:`SHUTDOWN_WAIT_SECONDS`) for it to
clean up.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.parse
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout

from nnlab.core import mnist
from nnlab.core.pace import Pace
from nnlab.gui.lessons.lab.durations import RATE_WINDOW_SECONDS, format_duration
from nnlab.gui.text import fill, translated

_log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000
"""The progress bar's range (a bar counting bytes would overflow an int for large files)."""
MEBIBYTE = 1024 * 1024
"""The "MB" of the dialog and the data list: 11,594,722 bytes are "11 MB" as file managers say."""
SHUTDOWN_WAIT_SECONDS = 2.0
"""How long closing the window waits for a cancelled download to delete its partial file."""
LABEL_INTERVAL_SECONDS = 0.25
"""The labels (megabytes, time left) change at most this often: readable, not flickering."""


def megabytes(size: int) -> str:
    """``size`` bytes as MB with one decimal ("11.1")."""
    return f"{size / MEBIBYTE:.1f}"


def download_size_text() -> str:
    """The download's size in whole MB ("11")."""
    return str(round(mnist.DOWNLOAD_BYTES / MEBIBYTE))


class _FetchWorker(QObject):
    """Iterates ``fetch_mnist(**arguments)`` in a daemon thread (see the module docstring).

    ``progressed`` carries each FetchProgress; ``ended`` carries (kind, value) once: ("finished",
    None), ("failed", the exception) or ("cancelled", None). Both reach the GUI thread queued
    (the worker lives there; the thread only emits)."""

    progressed = Signal(object)
    ended = Signal(str, object)

    def __init__(self, arguments: dict):
        super().__init__()
        self._arguments = arguments
        self.cancel_requested = False  # set by the GUI thread; a bool is read atomically
        self._thread = threading.Thread(target=self._run, name="nnlab MNIST download",
                                        daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_requested = True

    def remove_partial_files(self) -> None:
        """Delete the partial files of this download (see :meth:`MnistDownloadDialog.shutdown`)."""
        mnist.remove_partial_files(self._arguments.get("folder"),
                                   self._arguments.get("files", mnist.MNIST_FILES))

    def join(self, seconds: float) -> bool:
        """Wait at most ``seconds`` for the thread to end; whether it has."""
        self._thread.join(seconds)
        return not self._thread.is_alive()

    def _run(self) -> None:
        outcome: tuple[str, object] = ("cancelled", None)
        fetch = None
        try:
            fetch = mnist.fetch_mnist(**self._arguments)
            for progress in fetch:
                if self.cancel_requested:
                    break
                self._emit(self.progressed, progress)
            else:
                outcome = ("finished", None)
        except Exception as error:  # noqa: BLE001 - every failure is a message, not a crash
            if not isinstance(error, (mnist.FetchError, OSError, ValueError)):
                _log.exception("downloading MNIST failed")
            outcome = ("failed", error)
        finally:
            if fetch is not None:
                try:
                    fetch.close()  # a partial file is deleted here, in this thread
                except Exception:  # noqa: BLE001 - the outcome is already known
                    _log.exception("closing the MNIST download failed")
        if outcome[0] == "finished" and self.cancel_requested:
            outcome = ("cancelled", None)  # a Cancel after the last piece still cancels
        self._emit(self.ended, *outcome)

    @staticmethod
    def _emit(signal, *values) -> None:
        try:
            signal.emit(*values)
        except RuntimeError:  # the worker's Qt side is gone (the app is quitting)
            pass


class MnistDownloadDialog(QDialog):
    """Downloads MNIST into the cache, with progress, the time left and Cancel.

    ``folder`` (default: the cache, :func:`nnlab.core.mnist.default_cache_folder`),
    ``mirrors``, ``files`` and ``timeout`` are passed to
    :func:`~nnlab.core.mnist.fetch_mnist` (tests give a local server and small files).
    :meth:`start` shows the dialog (window-modal, not blocking) and starts the download;
    :attr:`ended` then says once how it ended: "finished", "failed" (:attr:`error_text` says
    why, naming the file) or "cancelled"."""

    ended = Signal(str)

    def __init__(self, parent=None, *, folder: str | Path | None = None,
                 mirrors=None, files=None, timeout: float | None = None):
        super().__init__(parent)
        self.setObjectName("mnist_download_dialog")
        self.setWindowTitle(self.tr("Download MNIST"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        arguments: dict = {"folder": folder}
        if mirrors is not None:
            arguments["mirrors"] = mirrors
        if files is not None:
            arguments["files"] = files
        if timeout is not None:
            arguments["timeout"] = timeout
        self._arguments = arguments
        self._file_names = [file.name for file in (mnist.MNIST_FILES if files is None
                                                   else files)]
        self._worker: _FetchWorker | None = None
        self._pace = Pace(RATE_WINDOW_SECONDS)
        self._last_label_time = -1.0
        self.outcome: str | None = None
        self.error_text = ""

        # lines that never wrap: a wrapped label in a dialog was cut at its foot (Qt sizes a
        # dialog before it knows a wrapped label's height); the dialog widens to fit instead
        self.heading = QLabel(fill(self.tr("Downloading MNIST (%1 MB, kept in the cache)…"),
                                   download_size_text()))
        self.file_label = QLabel(self.tr("Connecting…"))
        self.file_label.setObjectName("download_file")
        self.bar = QProgressBar()
        self.bar.setObjectName("download_progress")
        self.bar.setRange(0, PROGRESS_STEPS)
        self.bar.setValue(0)
        self.amount_label = QLabel()
        self.amount_label.setObjectName("download_amount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip(
            self.tr("Stop the download; the lab keeps its current data (Esc)"))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.file_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.amount_label)
        layout.addWidget(self.buttons)
        width = self.fontMetrics().horizontalAdvance("M") * 34
        self.setMinimumWidth(width)

    # -- running -----------------------------------------------------------------------------
    def start(self) -> None:
        """Show the dialog and start the download."""
        self._worker = _FetchWorker(self._arguments)
        self._worker.progressed.connect(self._on_progress)
        self._worker.ended.connect(self._on_ended)
        self.open()
        self._worker.start()

    @property
    def is_running(self) -> bool:
        return self._worker is not None and self.outcome is None

    def reject(self) -> None:
        """Cancel, Esc or the window's close button: stop the download. The dialog goes at
        once; :attr:`ended` follows when the download has deleted its partial file."""
        if self._worker is not None:
            self._worker.cancel()
        super().reject()

    def shutdown(self) -> None:
        """The window closes: cancel, and give the download a moment to clean up."""
        worker = self._worker
        if worker is None:
            return
        worker.cancel()
        if not worker.join(SHUTDOWN_WAIT_SECONDS):
            # a silent server holds the read: the program ends before the download can
            # delete its partial file, so delete it here
            _log.warning("the MNIST download did not stop within %s s", SHUTDOWN_WAIT_SECONDS)
            worker.remove_partial_files()
        self.hide()

    @Slot(object)
    def _on_progress(self, progress) -> None:
        if self.outcome is not None:
            return
        total = max(int(progress.total), 1)
        self.bar.setValue(min(int(PROGRESS_STEPS * progress.done / total), PROGRESS_STEPS))
        now = time.monotonic()
        self._pace.add(now, progress.done)
        if now - self._last_label_time < LABEL_INTERVAL_SECONDS and progress.done < total:
            return
        self._last_label_time = now
        number = (self._file_names.index(progress.file) + 1
                  if progress.file in self._file_names else 0)
        if progress.cached:  # downloaded before (a download that stopped midway)
            text = fill(self.tr("File %1 of %2: %3, already downloaded"), number,
                        len(self._file_names), progress.file)
        else:
            # the server's name, not its whole address: a mirror's path made it too long
            server = urllib.parse.urlsplit(progress.source).netloc or progress.source
            text = fill(self.tr("File %1 of %2: %3 from %4"), number,
                        len(self._file_names), progress.file, server)
        self.file_label.setText(text)
        self.file_label.setToolTip(progress.source)
        amount = fill(self.tr("%1 MB of %2 MB"), megabytes(progress.done), megabytes(total))
        left = self._pace.seconds_left(total)
        if left is not None:
            amount = fill(self.tr("%1, about %2 left"), amount, format_duration(left))
        self.amount_label.setText(amount)

    @Slot(str, object)
    def _on_ended(self, kind: str, value) -> None:
        if self.outcome is not None:
            return
        self.outcome = kind
        if kind == "failed":
            self.error_text = translated(value)
        self.hide()
        self.ended.emit(kind)
