"""Data from files load off the window's thread: File › Open dataset on an MNIST-size file
keeps the window turning, shows progress with Cancel, refuses a malformed file with the
current data kept, and a window closed while loading leaves no thread behind."""

from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from nnlab.app import loading
from nnlab.app.lab_session import LabSession
from nnlab.core.presets import load_preset
from nnlab.gui.shell.course_window import CourseWindow

LOAD_TIMEOUT_MS = 60_000


@pytest.fixture
def lab(qtbot):
    window = CourseWindow("lab", session=LabSession(load_preset("xor-2-8-2")), projector=False)
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    with qtbot.waitExposed(window):
        window.show()
    yield window
    window.close()


def large_csv(path, rows=20_000, features=64, bad_last_row=False):
    """rows × (features + 1) numbers, the last column a class 0..9 (some 8 MB of text)."""
    rng = np.random.default_rng(7)
    values = rng.random((rows, features))
    labels = np.arange(rows) % 10
    lines = [",".join(f"f{i}" for i in range(features)) + ",label"]
    lines += [",".join(f"{v:.4f}" for v in row) + f",{label}"
              for row, label in zip(values, labels)]
    if bad_last_row:
        lines[-1] = lines[-1].replace(",", ",oops,", 1).replace(",oops,", ",x,", 1)
        cells = lines[-1].split(",")
        cells[3] = "oops"
        lines[-1] = ",".join(cells[:features + 1])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def answer_open_dataset(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *args, **kwargs: ([str(path)], "")))


def ticking(window):
    """A timer in the GUI thread counting its ticks: they stop while the thread is held."""
    ticks = []
    timer = QTimer(window)
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    return timer, ticks


def when_loading_dialog_shows(window, then):
    """Call ``then(dialog)`` once the window's loading dialog is on screen."""
    seen = []

    def look():
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if dialogs:
            seen.append(dialogs[0])
            then(dialogs[0])
            return
        if window.isVisible():
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
    return seen


def test_a_large_csv_loads_while_the_window_keeps_turning(qtbot, lab, monkeypatch, tmp_path,
                                                          warnings):
    path = large_csv(tmp_path / "large.csv")
    answer_open_dataset(monkeypatch, path)
    timer, ticks = ticking(lab)
    progress = []
    start = time.perf_counter()
    with qtbot.waitSignal(lab.page.session.experiment_changed, timeout=LOAD_TIMEOUT_MS):
        lab.page.open_dataset_action.trigger()
    seconds = time.perf_counter() - start
    timer.stop()
    during = [t for t in ticks if start <= t]
    assert warnings == []
    assert lab.page.session.dataset.n_features == 64 and lab.page.session.dataset.n_classes == 10
    assert lab.page.session.experiment.network.layers[0] == 64
    assert "Opened large.csv" in lab.statusBar().currentMessage()
    gaps = np.diff([start, *during])
    print(f"load {seconds:.2f} s, {len(during)} ticks of 10 ms, longest wait "
          f"{gaps.max():.3f} s")
    # held by a synchronous load the timer could not tick at all until the load ended
    # (putting the data in place, a reset with its epoch 0, is in the GUI thread: that is
    # the longest wait)
    assert seconds > 0.2 and len(during) >= 3
    assert loading.running_threads() == []


def test_cancel_keeps_the_current_data_and_leaves_no_thread(qtbot, lab, monkeypatch, tmp_path,
                                                            warnings):
    before, experiment = lab.page.session.dataset, lab.page.session.experiment
    # five times the other tests' file: the load must still be under way when the dialog
    # appears and Cancel is clicked, also on a busy machine (20,000 rows once ended first)
    path = large_csv(tmp_path / "large.csv", rows=100_000)
    answer_open_dataset(monkeypatch, path)

    def cancel(dialog):
        assert dialog.isModal() and "large.csv" in dialog.labelText()
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    seen = when_loading_dialog_shows(lab, cancel)
    lab.page.open_dataset_action.trigger()
    assert seen, "no progress dialog was shown"
    assert warnings == []
    assert lab.page.session.dataset is before and lab.page.session.experiment == experiment
    assert lab.statusBar().currentMessage() == "Loading cancelled"
    assert loading.running_threads() == []
    assert lab.page.open_dataset_action.isEnabled() and lab.page.panel.isEnabled()


def test_a_malformed_large_file_is_refused_and_the_data_stay(qtbot, lab, monkeypatch, tmp_path,
                                                             warnings):
    before, experiment = lab.page.session.dataset, lab.page.session.experiment
    path = large_csv(tmp_path / "broken.csv", bad_last_row=True)
    answer_open_dataset(monkeypatch, path)
    lab.page.open_dataset_action.trigger()
    assert [title for title, _ in warnings] == ["Cannot open dataset"]
    text = warnings[0][1]
    assert "broken.csv" in text and "\n" not in text
    assert lab.page.session.dataset is before and lab.page.session.experiment == experiment
    assert loading.running_threads() == []


def test_closing_the_window_while_loading_leaves_no_thread(qtbot, monkeypatch, tmp_path,
                                                           warnings):
    window = CourseWindow("lab", session=LabSession(load_preset("xor-2-8-2")), projector=False)
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    path = large_csv(tmp_path / "large.csv")
    answer_open_dataset(monkeypatch, path)
    seen = when_loading_dialog_shows(window, lambda dialog: window.close())
    assert window.page.open_dataset_action.trigger() is None
    assert seen, "no progress dialog was shown"
    assert not window.isVisible()
    assert warnings == []
    assert loading.running_threads() == []
    assert window.page.session.training_process is None
