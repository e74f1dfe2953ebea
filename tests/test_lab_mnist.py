"""MNIST in the network lab as a student and a lecturer use it: the offline subset chosen from
the data list with the keyboard and trained, the full MNIST downloaded from the list (from a
local server: these machines have no network) with success, a refusal or Cancel, the
precision saved with the experiment, each run's own η, and how long a long run will take."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import gzip
import hashlib
import struct

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nnlab.app.lab_session import LabSession
from nnlab.core import mnist
from nnlab.core.experiment import load_experiment
from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.gui.lessons.lab.panel import LabPanel
from nnlab.gui.lessons.lab.panel_sections import DOWNLOAD_MNIST
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.text import preset_title

from mnist_server import mnist_server, no_proxy, refused_url  # noqa: F401 (fixtures)
from qt_helpers import PROCESS_START_TIMEOUT_MS, menu

DOWNLOAD_TIMEOUT_MS = 30_000
"""A bound on a local download of a few kilobytes (against a hang, not a measure)."""
PIXELS = 28 * 28


def idx_images(images: np.ndarray) -> bytes:
    """IDX3 bytes (MNIST's format) of uint8 images (n, 28, 28), gzipped as published."""
    header = struct.pack(">IIII", 0x00000803, len(images), 28, 28)
    return gzip.compress(header + images.astype(np.uint8).tobytes(), mtime=0)


def idx_labels(labels: np.ndarray) -> bytes:
    header = struct.pack(">II", 0x00000801, len(labels))
    return gzip.compress(header + labels.astype(np.uint8).tobytes(), mtime=0)


@pytest.fixture
def small_mnist(monkeypatch, tmp_path):
    """A small MNIST in MNIST's four files (20 training images, 10 test images, every digit),
    with the sizes and SHA-256 sums the cache checks made for it; the cache in a temporary
    folder (NNLAB_CACHE_DIR), where these files count as MNIST. Returns (files, contents)."""
    rng = np.random.default_rng(3)
    train_labels = np.arange(20) % 10
    test_labels = np.arange(10)
    contents = {
        "train-images-idx3-ubyte.gz": idx_images(rng.integers(0, 256, (20, 28, 28))),
        "train-labels-idx1-ubyte.gz": idx_labels(train_labels),
        "t10k-images-idx3-ubyte.gz": idx_images(rng.integers(0, 256, (10, 28, 28))),
        "t10k-labels-idx1-ubyte.gz": idx_labels(test_labels),
    }
    files = tuple(mnist.MnistFile(real.role, real.name, len(contents[real.name]),
                                  hashlib.sha256(contents[real.name]).hexdigest())
                  for real in mnist.MNIST_FILES)
    monkeypatch.setenv(mnist.CACHE_FOLDER_VARIABLE, str(tmp_path / "cache"))
    real_cached_files = mnist.cached_files
    monkeypatch.setattr(mnist, "cached_files",
                        lambda folder=None, files=files: real_cached_files(folder, files))
    return files, contents


def cache_folder_entries() -> list[str]:
    folder = mnist.default_cache_folder()
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def open_lab(qtbot, experiment=None) -> CourseWindow:
    window = CourseWindow("lab", session=LabSession(experiment), projector=False)
    window.page.session.setParent(window)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    return window


def press_on(qtbot, widget, key, times: int = 1) -> None:
    """Keys on ``widget`` with the focus on it, as a student presses them."""
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)


def subset_experiment(**training):
    exp = load_preset("mnist-5k-5-epochs")
    return dataclasses.replace(exp, training=dataclasses.replace(exp.training, **training))


# -- the offline subset --------------------------------------------------------------------

def test_the_subset_chosen_with_the_keyboard_fits_the_layers_and_trains_an_epoch(qtbot):
    window = open_lab(qtbot)  # the digits, 64-30-10
    page, panel = window.page, window.page.panel
    assert panel.dataset.currentData() == "digits"
    subset = panel.dataset.findData("mnist_5k")
    assert panel.dataset.itemText(subset) == "MNIST subset (5,000 images, offline)"

    press_on(qtbot, panel.dataset, Qt.Key.Key_Down)  # the entry under the digits

    dataset = page.session.dataset
    assert dataset.name == "mnist_5k"
    assert (dataset.n_features, dataset.n_classes) == (784, 10)
    assert len(dataset.x_train) + len(dataset.x_test) == 5000
    assert page.session.experiment.network.layers == (784, 30, 10)  # the hidden layer kept
    assert panel.layers.text() == "784-30-10" and panel.is_valid
    assert "MNIST subset" in panel.dataset_info.text()
    assert panel.test_fraction.isVisibleTo(panel)  # the subset is split by it

    with qtbot.waitSignal(page.session.data_changed, timeout=PROCESS_START_TIMEOUT_MS):
        window.step_action.trigger()
    qtbot.waitUntil(lambda: page.session.latest_epoch == 1, timeout=PROCESS_START_TIMEOUT_MS)
    page.redraw()
    frame = page.current_frame()
    assert all(run.network_epoch == 1 for run in frame.runs)
    assert "Epoch 1 of" in window.statusBar().currentMessage()
    # the misclassified images are MNIST's 28 × 28
    assert page.views["misclassified"].isVisible()
    window.close()


# -- downloading the full MNIST ------------------------------------------------------------

def serve_all(server, contents, **modes) -> None:
    for name, data in contents.items():
        server.serve(name, data, **modes.get(name, {}))


def test_the_download_entry_downloads_mnist_and_the_lab_learns_from_it(
        qtbot, small_mnist, mnist_server, no_proxy):
    files, contents = small_mnist
    serve_all(mnist_server, contents)
    window = open_lab(qtbot, subset_experiment())
    page, panel = window.page, window.page.panel
    page.download_options = {"mirrors": [mnist_server.url], "files": files}
    entry = panel.dataset.findData(DOWNLOAD_MNIST)
    assert panel.dataset.itemText(entry) == "MNIST (download, 11 MB)"
    assert entry == panel.dataset.currentIndex() + 1

    press_on(qtbot, panel.dataset, Qt.Key.Key_Down)

    qtbot.waitUntil(lambda: page.session.dataset.name == "mnist", timeout=DOWNLOAD_TIMEOUT_MS)
    dataset = page.session.dataset
    assert (len(dataset.x_train), len(dataset.x_test), dataset.n_features) == (20, 10, 784)
    # MNIST's own split: the test set is the test file's images, in its order
    expected = np.frombuffer(gzip.decompress(contents["t10k-images-idx3-ubyte.gz"])[16:],
                             np.uint8).reshape(10, PIXELS) / 255
    np.testing.assert_allclose(dataset.x_test, expected, rtol=1e-6)
    assert page.session.experiment.network.layers == (784, 30, 10)
    assert panel.dataset.currentData() == "mnist"
    assert panel.dataset.currentText() == "MNIST (60,000 + 10,000 images)"
    assert panel.dataset.findData(DOWNLOAD_MNIST) < 0
    assert not panel.test_fraction.isVisibleTo(panel)  # MNIST's own split

    # another epoch count: the same images, not read again
    panel.epochs.edit.selectAll()
    qtbot.keyClicks(panel.epochs.edit, "7")
    assert page.session.experiment.training.epochs == 7
    assert page.session.dataset is dataset
    # the runs start as `nnlab run` starts them, which reads the files again
    expected = build_runs(page.session.experiment)
    for run, again in zip(page.session._process_runs(), expected):
        np.testing.assert_array_equal(run.initial_network.parameters,
                                      again.initial_network.parameters)
        assert run.order_seed == again.order_seed
    assert cache_folder_entries() == sorted(contents)  # no .part left
    assert "MNIST downloaded" in window.statusBar().currentMessage()
    assert page.download_dialog is None and page.download_action.isEnabled()
    window.close()


@pytest.mark.parametrize("fault", ["404", "mismatch", "truncated", "no server"])
def test_a_failed_download_names_the_file_and_the_lab_keeps_its_data(
        qtbot, small_mnist, mnist_server, refused_url, no_proxy, warnings, fault):
    files, contents = small_mnist
    broken = "train-labels-idx1-ubyte.gz"
    modes = {"404": {"mode": "404"}, "truncated": {"mode": "truncated"}}
    if fault == "mismatch":  # the right size, other bytes
        contents = dict(contents)
        contents[broken] = bytes(len(contents[broken]))
    serve_all(mnist_server, contents, **{broken: modes.get(fault, {})})
    window = open_lab(qtbot, subset_experiment())
    page, panel = window.page, window.page.panel
    before_dataset, before = page.session.dataset, page.session.experiment
    mirror = refused_url if fault == "no server" else mnist_server.url
    page.download_options = {"mirrors": [mirror], "files": files}
    if fault == "no server":  # nothing listens there: the first file fails
        broken = "train-images-idx3-ubyte.gz"

    press_on(qtbot, panel.dataset, Qt.Key.Key_Down)
    assert panel.dataset.currentData() == "mnist_5k"  # the list shows the data in use
    qtbot.waitUntil(lambda: page.download_dialog is None, timeout=DOWNLOAD_TIMEOUT_MS)

    assert len(warnings) == 1
    title, text = warnings[0]
    assert title == "Cannot download MNIST"
    assert broken in text
    assert {"404": "HTTP 404", "mismatch": "SHA-256 mismatch", "truncated": "truncated",
            "no server": "refused"}[fault] in text
    assert page.session.dataset is before_dataset and page.session.experiment == before
    assert panel.dataset.currentData() == "mnist_5k"
    assert panel.dataset.findData(DOWNLOAD_MNIST) >= 0  # still there, to try again
    assert broken + ".part" not in cache_folder_entries()
    assert broken not in cache_folder_entries()
    window.close()


def test_cancel_midway_by_esc_keeps_the_data_and_leaves_no_partial_file(
        qtbot, small_mnist, mnist_server, no_proxy, warnings):
    files, contents = small_mnist
    gated = "train-images-idx3-ubyte.gz"
    serve_all(mnist_server, contents, **{gated: {"mode": "gated", "chunk_size": 1024}})
    window = open_lab(qtbot, subset_experiment())
    page, panel = window.page, window.page.panel
    before = page.session.experiment
    page.download_options = {"mirrors": [mnist_server.url], "files": files}

    press_on(qtbot, panel.dataset, Qt.Key.Key_Down)
    dialog = page.download_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=DOWNLOAD_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "MB of" in dialog.amount_label.text())
    assert gated in dialog.file_label.text()
    assert (mnist.default_cache_folder() / (gated + ".part")).exists()  # midway

    with qtbot.waitSignal(dialog.ended, timeout=DOWNLOAD_TIMEOUT_MS) as ended:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()  # gone at once
        mnist_server.allow(gated)  # the next piece arrives: the download sees the Cancel
    assert ended.args == ["cancelled"]

    assert warnings == []  # a cancel is no failure
    assert page.session.experiment == before and page.session.dataset.name == "mnist_5k"
    assert panel.dataset.currentData() == "mnist_5k"
    assert gated + ".part" not in cache_folder_entries()
    assert gated not in cache_folder_entries()
    assert "cancelled" in window.statusBar().currentMessage()
    window.close()


def test_closing_the_window_mid_download_cancels_it(qtbot, small_mnist, mnist_server,
                                                     no_proxy):
    files, contents = small_mnist
    gated = "train-images-idx3-ubyte.gz"
    serve_all(mnist_server, contents, **{gated: {"mode": "gated"}})
    window = open_lab(qtbot, subset_experiment())
    page = window.page
    page.download_options = {"mirrors": [mnist_server.url], "files": files}
    page.download_action.trigger()  # File › Download MNIST…
    dialog = page.download_dialog
    qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=DOWNLOAD_TIMEOUT_MS)
    assert (mnist.default_cache_folder() / (gated + ".part")).exists()
    worker = dialog._worker
    cancel = worker.cancel

    def cancel_and_send_the_next_piece():
        cancel()
        mnist_server.allow(gated)  # the download, waiting for it, then sees the Cancel

    worker.cancel = cancel_and_send_the_next_piece
    window.close()
    assert worker.join(0)  # the download has ended, not left running
    assert gated + ".part" not in cache_folder_entries()
    assert gated not in cache_folder_entries()


def test_closing_the_window_while_the_server_is_silent_leaves_no_partial_file(
        qtbot, small_mnist, mnist_server, no_proxy, monkeypatch):
    """A server that holds the read longer than the window waits on closing: the download
    cannot delete its partial file before the program ends, so the window does."""
    files, contents = small_mnist
    gated = "train-images-idx3-ubyte.gz"
    serve_all(mnist_server, contents, **{gated: {"mode": "gated"}})
    window = open_lab(qtbot, subset_experiment())
    page = window.page
    page.download_options = {"mirrors": [mnist_server.url], "files": files}
    page.download_action.trigger()  # File › Download MNIST…
    dialog = page.download_dialog
    qtbot.waitUntil(lambda: dialog.bar.value() > 0, timeout=DOWNLOAD_TIMEOUT_MS)
    assert gated + ".part" in cache_folder_entries()
    monkeypatch.setattr("nnlab.gui.lessons.lab.download.SHUTDOWN_WAIT_SECONDS", 0.05)
    worker = dialog._worker
    window.close()  # the server sends nothing more: the download is still in its read
    assert not worker.join(0)
    assert gated + ".part" not in cache_folder_entries()
    mnist_server.allow(gated)  # let the download see its Cancel and end
    assert worker.join(DOWNLOAD_TIMEOUT_MS / 1000)
    assert cache_folder_entries() == []


def test_an_example_on_mnist_offers_the_download_first(qtbot, small_mnist, mnist_server,
                                                       no_proxy, monkeypatch):
    files, contents = small_mnist
    serve_all(mnist_server, contents)
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window = open_lab(qtbot)
    page = window.page
    page.download_options = {"mirrors": [mnist_server.url], "files": files}
    examples = menu(window, "Examples")
    action = next(a for a in examples.actions() if a.text() == preset_title("mnist-5-epochs"))
    preset = load_preset("mnist-5-epochs")
    # these 20 images take the place of MNIST's first 50,000
    preset = dataclasses.replace(preset, data=dataclasses.replace(preset.data,
                                                                  train_samples=None))
    monkeypatch.setattr("nnlab.gui.lessons.lab.page.load_preset", lambda name: preset)
    action.trigger()
    assert len(asked) == 1 and "not downloaded" in asked[0]
    qtbot.waitUntil(lambda: page.session.dataset.name == "mnist", timeout=DOWNLOAD_TIMEOUT_MS)
    assert page.session.experiment.training.epochs == preset.training.epochs
    window.close()


# -- precision, each run's own η, the run time ---------------------------------------------

def test_float32_chosen_in_the_panel_is_trained_and_saved(qtbot, tmp_path, monkeypatch):
    window = open_lab(qtbot)
    page, panel = window.page, window.page.panel
    assert panel.precision.currentData() == "float64"
    assert "1.5×" in panel.precision.toolTip() and "7 digits" in panel.precision.toolTip()
    press_on(qtbot, panel.precision, Qt.Key.Key_Down)
    assert page.session.experiment.training.precision == "float32"

    target = tmp_path / "lab.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Experiments (*.toml)"))
    window.save_action.trigger()
    assert load_experiment(target).training.precision == "float32"

    press_on(qtbot, panel.precision, Qt.Key.Key_Up)
    window.save_action.trigger()
    assert load_experiment(target).training.precision == "float64"
    window.close()


def test_each_runs_own_learning_rate_is_shown_kept_and_saved(qtbot, tmp_path, monkeypatch):
    window = open_lab(qtbot)
    page, panel = window.page, window.page.panel
    examples = menu(window, "Examples")
    next(a for a in examples.actions()
         if a.text() == preset_title("mnist-5k-nielsen-ch3")).trigger()
    exp = page.session.experiment
    assert exp.compare.learning_rates == (3.0, 0.5)
    assert exp.training.costs == ("quadratic", "cross_entropy")

    assert [label for label, _ in page.run_key()] == ["quadratic, η = 3",
                                                      "cross-entropy, η = 0.5"]
    assert not panel.learning_rate.isEnabled()
    assert "own η" in panel.learning_rate.edit.toolTip()
    assert [(cost, field.text()) for cost, field in panel.cost_rates.items()
            if field.isVisibleTo(panel)] == [("quadratic", "3"), ("cross_entropy", "0.5")]

    # another setting edited: the rates stay
    panel.epochs.edit.selectAll()
    qtbot.keyClicks(panel.epochs.edit, "3")
    assert page.session.experiment.training.epochs == 3
    assert page.session.experiment.compare.learning_rates == (3.0, 0.5)

    target = tmp_path / "nielsen.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Experiments (*.toml)"))
    window.save_action.trigger()
    saved = load_experiment(target)
    assert saved.compare.learning_rates == (3.0, 0.5) and saved.training.epochs == 3

    # one cost unticked: its run goes, the other keeps its η
    panel.costs.boxes["quadratic"].click()
    assert page.session.experiment.training.costs == ("cross_entropy",)
    assert page.session.experiment.compare.learning_rates == (0.5,)
    assert [label for label, _ in page.run_key()] == ["cross-entropy, η = 0.5"]
    # ticked again: its own η is back
    panel.costs.boxes["quadratic"].click()
    assert page.session.experiment.compare.learning_rates == (3.0, 0.5)
    assert not panel.learning_rate.isEnabled()
    assert panel.cost_rates["quadratic"].isVisibleTo(panel)
    window.close()


def test_a_long_run_says_how_long_it_will_take_before_it_starts(qtbot):
    window = open_lab(qtbot, subset_experiment(epochs=2))
    page, panel = window.page, window.page.panel
    # estimated once the settings have stayed the same a moment
    qtbot.waitUntil(lambda: page._estimated is page.session.experiment
                    and page._estimator is None)
    assert not panel.run_time.isVisibleTo(panel)  # two epochs of 4,000 images: seconds

    panel.epochs.edit.selectAll()
    panel.epochs.edit.insert("5000")  # pasted: one edit
    qtbot.waitUntil(lambda: panel.run_time.isVisibleTo(panel))
    text = panel.run_time.text()
    assert text.startswith("5000 epochs of 2 runs on 4,000 samples: about ")
    assert text.endswith(" on this computer")
    page.redraw()
    assert page.remaining.text().startswith("training takes about ")
    window.close()
    QApplication.processEvents()



# -- the command line ------------------------------------------------------------------------

QUESTION_PROBE = """\
import sys
from PySide6.QtWidgets import QMessageBox

def question(parent, title, text, *args, **kwargs):
    print("asked:", text, flush=True)
    return QMessageBox.StandardButton.No

def warning(parent, title, text, *args, **kwargs):
    print("warned:", text, flush=True)
    return QMessageBox.StandardButton.Ok

QMessageBox.question = question
QMessageBox.warning = warning
from nnlab.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_nnlab_lab_with_an_mnist_preset_offers_the_download_first(tmp_path):
    """`nnlab lab --preset mnist-nielsen-ch3` before MNIST is downloaded: the lab asks
    whether to download it, as its Examples menu does (it only said it was missing)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           mnist.CACHE_FOLDER_VARIABLE: str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", QUESTION_PROBE, "--quit-after", "2", "lab",
                           "--preset", "mnist-nielsen-ch3"], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("asked:"), lines
    assert "not downloaded yet" in lines[0]
    assert not (tmp_path / "cache" / "mnist").exists()  # No: nothing fetched


# -- each run's own η typed in the panel, the test share of split files --------------------

def open_example(window, name: str) -> None:
    """Examples › the preset ``name``, as a user opens it."""
    examples = menu(window, "Examples")
    next(a for a in examples.actions() if a.text() == preset_title(name)).trigger()


def type_over(qtbot, field, text: str) -> None:
    """``text`` typed over what ``field`` holds (focused, Ctrl+A, the keys), then Return."""
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def save_as(window, monkeypatch, target):
    """File › Save to ``target``; the experiment read back from it."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "Experiments (*.toml)"))
    window.save_action.trigger()
    return load_experiment(target)


def click_box(qtbot, box) -> None:
    """A click on a check box's tick square (Space is the window's Run key)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def run_labels(page) -> list[str]:
    return [label for label, _ in page.run_key()]


def test_each_runs_own_learning_rate_is_typed_in_its_own_field(qtbot, tmp_path, monkeypatch):
    window = open_lab(qtbot)
    page, panel = window.page, window.page.panel
    open_example(window, "mnist-5k-nielsen-ch3")
    quadratic, cross_entropy = panel.cost_rates["quadratic"], panel.cost_rates["cross_entropy"]
    form = panel.training_box.form
    assert form.labelForField(quadratic).text() == "η quadratic"
    assert form.labelForField(cross_entropy).text() == "η cross-entropy"
    assert quadratic.isVisibleTo(panel) and cross_entropy.isVisibleTo(panel)
    assert (quadratic.text(), cross_entropy.text()) == ("3", "0.5")
    assert quadratic.isEnabled() and cross_entropy.isEnabled()
    assert not panel.learning_rate.isEnabled()  # no run learns at the one η
    assert "own η" in panel.learning_rate.edit.toolTip()

    type_over(qtbot, quadratic, "2.5")
    assert page.session.experiment.compare.learning_rates == (2.5, 0.5)
    assert run_labels(page) == ["quadratic, η = 2.5", "cross-entropy, η = 0.5"]
    assert not quadratic.edit.hasFocus()  # Return gave the keys back to the window

    # a value the file would refuse: marked on its field, named by its key, not taken
    type_over(qtbot, cross_entropy, "0")
    assert cross_entropy.error.isVisibleTo(panel)
    assert cross_entropy.error.text() == ("η cross-entropy (compare.learning_rates[1]) = 0: "
                                          "must be a number more than 0 and at most 1000.")
    assert cross_entropy.inner.property("invalid")
    assert not panel.is_valid and not window.run_action.isEnabled()
    assert panel.first_error() == cross_entropy.error.text()
    assert page.session.experiment.compare.learning_rates == (2.5, 0.5)
    type_over(qtbot, cross_entropy, "0.4")
    assert not cross_entropy.error.isVisibleTo(panel) and panel.is_valid
    assert page.session.experiment.compare.learning_rates == (2.5, 0.4)

    saved = save_as(window, monkeypatch, tmp_path / "nielsen.toml")
    assert saved.compare.learning_rates == (2.5, 0.4)
    assert saved.training.costs == ("quadratic", "cross_entropy")
    window.close()


def test_a_cost_unticked_and_ticked_again_keeps_its_own_learning_rate(qtbot, tmp_path,
                                                                       monkeypatch):
    window = open_lab(qtbot)
    page, panel = window.page, window.page.panel
    open_example(window, "mnist-5k-nielsen-ch3")
    quadratic, cross_entropy = panel.cost_rates["quadratic"], panel.cost_rates["cross_entropy"]
    box = panel.costs.boxes["quadratic"]

    click_box(qtbot, box)  # unticked
    exp = page.session.experiment
    assert exp.training.costs == ("cross_entropy",) and exp.compare.learning_rates == (0.5,)
    assert not quadratic.isVisibleTo(panel) and cross_entropy.isVisibleTo(panel)
    assert run_labels(page) == ["cross-entropy, η = 0.5"]
    click_box(qtbot, box)  # ticked again: its 3 is back
    exp = page.session.experiment
    assert exp.training.costs == ("quadratic", "cross_entropy")
    assert exp.compare.learning_rates == (3.0, 0.5)
    assert quadratic.isVisibleTo(panel) and quadratic.text() == "3"
    assert run_labels(page) == ["quadratic, η = 3", "cross-entropy, η = 0.5"]

    # a rate typed, then its cost unticked and ticked again: kept too
    type_over(qtbot, quadratic, "2")
    click_box(qtbot, box)
    assert page.session.experiment.compare.learning_rates == (0.5,)
    click_box(qtbot, box)
    assert page.session.experiment.compare.learning_rates == (2.0, 0.5)
    assert run_labels(page) == ["quadratic, η = 2", "cross-entropy, η = 0.5"]

    # the other one too, across an edit of another setting
    click_box(qtbot, panel.costs.boxes["cross_entropy"])
    assert page.session.experiment.compare.learning_rates == (2.0,)
    type_over(qtbot, panel.epochs, "3")
    click_box(qtbot, panel.costs.boxes["cross_entropy"])
    saved = save_as(window, monkeypatch, tmp_path / "kept.toml")
    assert saved.training.epochs == 3
    assert saved.training.costs == ("quadratic", "cross_entropy")
    assert saved.compare.learning_rates == (2.0, 0.5)
    window.close()


def test_the_two_learning_rate_fields_fit_the_side_panel(qtbot):
    panel = LabPanel(load_preset("mnist-5k-nielsen-ch3"))
    qtbot.addWidget(panel)
    font = QFont(QApplication.font())
    font.setPointSize(10)
    panel.setFont(font)
    assert panel.sizeHint().width() <= 330
    panel.resize(324, 1400)
    with qtbot.waitExposed(panel):
        panel.show()
    for field in panel.cost_rates.values():
        assert field.isVisible()
        edit = field.edit
        assert edit.width() > edit.fontMetrics().horizontalAdvance(edit.text()) + 8
        label = panel.training_box.form.labelForField(field)
        assert label.width() >= label.sizeHint().width()


def split_idx_experiment(folder, test_files: bool) -> str:
    """An experiment file on IDX files in ``folder``; with ``test_files``, the test set in
    files of its own (an official split, as MNIST's)."""
    rng = np.random.default_rng(5)
    for name, content in (("train-images.gz", idx_images(rng.integers(0, 256, (20, 28, 28)))),
                          ("train-labels.gz", idx_labels(np.arange(20) % 10)),
                          ("test-images.gz", idx_images(rng.integers(0, 256, (10, 28, 28)))),
                          ("test-labels.gz", idx_labels(np.arange(10)))):
        (folder / name).write_bytes(content)
    # a test share with test files is refused by the file's rules
    split = ('test_images = "test-images.gz"\ntest_labels = "test-labels.gz"\n'
             if test_files else "test_fraction = 0.3\n")
    path = folder / ("split.toml" if test_files else "unsplit.toml")
    path.write_text(f"""schema = 1
kind = "network"

[data]
dataset = "idx"
images = "train-images.gz"
labels = "train-labels.gz"
{split}
[network]
layers = [784, 8, 10]

[training]
costs = ["cross_entropy"]
epochs = 2
""", encoding="utf-8")
    return str(path)


def test_the_test_fraction_is_hidden_when_idx_files_bring_their_test_set(qtbot, tmp_path,
                                                                         monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: warnings.append(text))
    window = open_lab(qtbot)
    page, panel = window.page, window.page.panel
    for test_files in (True, False):
        path = split_idx_experiment(tmp_path, test_files)
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, path=path, **k: (path, ""))
        window.open_action.trigger()  # File › Open experiment…
        qtbot.waitUntil(lambda test_files=test_files: warnings or (
            page.session.experiment.data.dataset == "idx"
            and page.session.experiment.data.has_test_files == test_files),
            timeout=PROCESS_START_TIMEOUT_MS)
        assert warnings == []
        assert panel.dataset.currentData() == "idx" and panel.is_valid
        # the test files are the test set: a test share would be dropped without a word
        assert panel.test_fraction.isVisibleTo(panel) == (not test_files)
    window.close()
