"""The network lab's page: multi-layer perceptrons on real data, runs compared live.

Runs that differ in one setting (by default the cost; also the hidden activation, the
optimiser or η) train side by side from identical initial weights and identical data order
in a :class:`~nnlab.app.lab_session.LabSession`. What every lesson's page shares (display
timer, run controls, timeline, export) is in :mod:`nnlab.gui.page`; this module adds the
lab's views, its panel, its data (File › Open dataset, or files dropped on the window), a
message for each diverged run, and progress with the time remaining.

Data read from files (File › Open dataset, an experiment whose [data] is a CSV or IDX file)
are loaded off the window's thread, by a :class:`~nnlab.app.loading.DataLoader`: the window
keeps drawing, a progress dialog with Cancel appears if loading takes more than
:data:`LOADING_DIALOG_DELAY_MS`, and the data are put in place when they have arrived. While
loading, training under way continues on the current data (the dialog, modal to the window,
holds the window's controls); the data, settings and experiment cannot be changed until the
load ends. The call that starts a load returns when it has ended (it waits in a local event
loop, as a modal dialog does), saying whether the new data are in place.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMenu, QMessageBox, QProgressBar, QProgressDialog,
    QWidget,
)

from nnlab.app.lab_session import FILE_DATASETS, LabSession, PreparedData
from nnlab.app.loading import DataLoader
from nnlab.core import mnist
from nnlab.core.costs import mse_of_quadratic_cost
from nnlab.core.datasets import DatasetError
from nnlab.core.experiment import Experiment, ExperimentError
from nnlab.core.presets import load_preset, preset_names
from nnlab.core.run_time import estimate_run_seconds
from nnlab.core.runner import build_runs
from nnlab.core.states import DIVERGED, RUNNING
from nnlab.app.frames import LabFrame, RunFrame, empty_lab_columns, image_shape
from nnlab.gui.lessons.lab.background import BackgroundCall
from nnlab.gui.lessons.lab.download import MnistDownloadDialog, download_size_text
from nnlab.core.pace import Pace
from nnlab.gui.lessons.lab.durations import RATE_WINDOW_SECONDS, format_duration
from nnlab.gui.lessons.lab.panel import LabPanel
from nnlab.gui.lessons.lab.panel_sections import lab_dataset_label as dataset_label
from nnlab.gui.text import activation_label, cost_label, fill, optimizer_label
from nnlab.gui.text import (
    format_number, preset_title, translated, translated_preset_description,
)
from nnlab.gui.theme import ERROR_COLOUR, OkabeIto
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.course_page import RunActions
from nnlab.gui.page.lesson_page import LessonPage
from nnlab.core.evaluation import EvaluationCache
from nnlab.gui.lessons.lab.views.confusion import ConfusionMatrixView
from nnlab.gui.lessons.lab.views.misclassified import MisclassifiedStrip
from nnlab.gui.lessons.lab.views.regions import DecisionRegionsView
from nnlab.gui.lessons.lab.views.curves import LabAccuracyPlot, LabCostPlot, LayerGradientPlot
from nnlab.gui.lessons.lab.views.diagram import NetworkDiagram
from nnlab.gui.lessons.lab.views.fit import FitView

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: Colours of runs that do not compare costs, in order (Okabe–Ito; yellow is too light).
RUN_PALETTE = (OkabeIto.BLUE, OkabeIto.VERMILLION, OkabeIto.BLUISH_GREEN,
               OkabeIto.REDDISH_PURPLE, OkabeIto.ORANGE, OkabeIto.SKY_BLUE)

LOADING_DIALOG_DELAY_MS = 300  # a quicker load shows no dialog
LOADING_STEPS = 1000  # the progress dialog's range
LOADER_WAIT_MS = 5000  # a load still under way when the window closes ends at its next report
UNDRAWN_DATASETS = ("mnist",)
"""Data read the same whatever the seed (MNIST's own split): an edit that leaves them as they
are trains on the copy in memory instead of reading 70,000 images again."""
LONG_RUN_SECONDS = 20.0
"""A run estimated to take longer than this is announced before it starts."""
ESTIMATE_DELAY_MS = 400
"""The run time is estimated once the settings have stayed the same this long: not once per
key typed, and not for a window closed at once."""



def run_label(compared: str, name: str) -> str:
    """The translated text of a run, by what the runs differ in."""
    if compared == "cost":
        return cost_label(name)
    if compared == "optimizer":
        return optimizer_label(name)
    if compared == "learning_rate":
        return fill(translate("LabPage", "η = %1"), name)
    if compared == "hidden_activation":
        return activation_label(name)
    return name


class LabPage(LessonPage):
    """The network lab on one page: live curves, per-layer gradients, decision regions or
    confusion matrices, the network itself, run controls and timeline; the settings panel in
    the window's dock."""

    experiment_file_name = "network.toml"

    def __init__(self, actions: RunActions, session: LabSession | None = None, parent=None):
        super().__init__(session if session is not None else LabSession(), actions, parent)
        self.session.setParent(self)
        self.panel_title = self.tr("Network")
        self.open_dataset_action = QAction(self.tr("Open &dataset…"), self)
        self.open_dataset_action.setShortcut(QKeySequence(
            Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_O))
        tip = self.tr("Learn from a CSV file or MNIST-style IDX files (or drop them on the "
                      "window)")
        self.open_dataset_action.setToolTip(tip)
        self.open_dataset_action.setStatusTip(tip)
        self.open_dataset_action.triggered.connect(lambda *_: self.open_dataset())
        self.download_action = QAction(self.tr("Download &MNIST…"), self)
        tip = fill(self.tr("Download the full MNIST handwritten digits (%1 MB, once) and "
                           "learn from its 60,000 + 10,000 images"), download_size_text())
        self.download_action.setToolTip(tip)
        self.download_action.setStatusTip(tip)
        self.download_action.triggered.connect(lambda *_: self.download_mnist())
        #: what the download dialog is given (tests: a local server's mirrors and files)
        self.download_options: dict = {}
        self.download_dialog: MnistDownloadDialog | None = None  # the download under way
        self.examples_menu = self._examples_menu()

        evaluations = EvaluationCache()  # the test set's predictions, for both views
        self.views = {
            "cost": LabCostPlot(),
            "accuracy": LabAccuracyPlot(),
            "gradient": LayerGradientPlot(),
            "regions": DecisionRegionsView(),
            "confusion": ConfusionMatrixView(evaluations=evaluations),
            "misclassified": MisclassifiedStrip(evaluations=evaluations),
            "diagram": NetworkDiagram(),
            "fit": FitView(),
        }
        self.views["cost"].link_epochs_with(self.views["accuracy"])

        self.panel = LabPanel(self.session.experiment)
        self.panel.experiment_edited.connect(self._on_experiment_edited)
        self.panel.open_dataset_requested.connect(self.open_dataset)
        self.panel.mnist_download_requested.connect(lambda: self.download_mnist())
        self.dashboard = Dashboard(self.views, self.lab_pages)
        self._pace = Pace(RATE_WINDOW_SECONDS)
        self._estimator: BackgroundCall | None = None  # the run-time estimate under way
        self._estimated: Experiment | None = None  # the experiment the estimate is for
        self._run_time_text = ""  # the status bar's short "training takes about …"
        self._estimate_timer = QTimer(self)
        self._estimate_timer.setSingleShot(True)
        self._estimate_timer.setInterval(ESTIMATE_DELAY_MS)
        self._estimate_timer.timeout.connect(self._estimate_run_time)
        self._loader: DataLoader | None = None  # the load under way
        self._closing = False

        # under the plots, above the run controls: which runs stopped and why
        self.divergence = QLabel()
        self.divergence.setObjectName("divergence_message")
        self.divergence.setWordWrap(True)
        # red and bold in the text itself: a style sheet with a font property would fix the
        # label's font, and on a projector it stayed at the normal size (some 10 px high)
        self.divergence.setTextFormat(Qt.TextFormat.RichText)
        self.divergence.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("training_progress")
        self.progress.setMaximumWidth(220)
        self.progress.setToolTip(self.tr("Epochs trained of those planned"))
        self.remaining = QLabel()
        self.remaining.setObjectName("remaining_time")
        self._set_up()
        self._show_dataset()
        self._estimate_timer.start()

    def shutdown(self) -> None:
        # a load under way is cancelled and its thread joined before the session goes
        self._closing = True
        self._estimate_timer.stop()
        loader = self._loader
        if loader is not None:
            loader.cancel()
            loader.wait(LOADER_WAIT_MS)
        if self.download_dialog is not None:
            self.download_dialog.shutdown()
        if self._estimator is not None:
            self._estimator.join(LOADER_WAIT_MS / 1000)
        super().shutdown()

    def widgets_above_controls(self) -> list[QWidget]:
        return [self.divergence]

    def status_widgets(self) -> list[QWidget]:
        return [self.remaining, self.progress]

    # -- the layout ------------------------------------------------------------------------
    def lab_pages(self, projector: bool) -> list[Page]:
        """The views the data call for: decision regions for two inputs, confusion
        matrices otherwise, and the misclassified images when samples are images; for
        regression no accuracy, no classes, and the fitted curve when there is one input."""
        v = self.views
        dataset = self.session.dataset
        if dataset is not None and dataset.is_regression:
            return self._regression_pages(projector, dataset.n_features == 1)
        two_d = dataset is not None and dataset.n_features == 2
        images = dataset is not None and image_shape(dataset.n_features) is not None
        outcome = v["regions"] if two_d else v["confusion"]
        if projector:
            # side by side: stacked, each gets too little height for its drawing
            network_page = [[v["diagram"], v["misclassified"]] if images else [v["diagram"]]]
            if two_d:  # the regions read well in a quarter of the screen
                return [
                    (translate("Dashboard", "Learning"), [[v["cost"], v["accuracy"]],
                                                   [v["gradient"], outcome]]),
                    (translate("Dashboard", "Network"), network_page),
                ]
            # confusion matrices need a page: in a quarter their class labels were unreadable
            return [
                (translate("Dashboard", "Learning"), [[v["cost"], v["accuracy"]], [v["gradient"]]]),
                (translate("Dashboard", "Results"), [[outcome]]),
                (translate("Dashboard", "Network"), network_page),
            ]
        second = [outcome, v["diagram"]] + ([v["misclassified"]] if images else [])
        return [(translate("Dashboard", "Network lab"),
                 [[v["cost"], v["accuracy"], v["gradient"]], second])]

    def _regression_pages(self, projector: bool, one_input: bool) -> list[Page]:
        """Numbers to learn: the costs (the mean squared error) and the gradients, the
        network, and for one input the data with each run's fitted curve."""
        v = self.views
        if projector:  # the fitted curve across the screen: the picture the class watches
            learning = [[v["fit"]], [v["cost"], v["gradient"]]] if one_input \
                else [[v["cost"], v["gradient"]]]
            return [(translate("Dashboard", "Learning"), learning),
                    (translate("Dashboard", "Network"), [[v["diagram"]]])]
        if one_input:
            rows = [[v["cost"], v["gradient"]], [v["fit"], v["diagram"]]]
        else:
            rows = [[v["cost"], v["gradient"]], [v["diagram"]]]
        return [(translate("Dashboard", "Network lab"), rows)]

    # -- what the lab adds to the menus ----------------------------------------------------
    def menu_items(self) -> dict[str, list]:
        # the curves' x axis (also in their right-click menu): epochs, updates or samples seen
        return {"file": [self.open_dataset_action, self.download_action],
                "run": [self.examples_menu],
                "view": [self.views["cost"].x_axis_menu]}

    def _examples_menu(self) -> QMenu:
        presets = QMenu(self.tr("Examples"), self)
        for name in preset_names():
            try:
                experiment = load_preset(name)
            except (ExperimentError, OSError):
                continue
            if experiment.kind == "network":
                action = presets.addAction(preset_title(name),
                                           lambda name=name: self.load_preset_named(name))
                action.setToolTip(translated_preset_description(experiment.description))
        presets.setToolTipsVisible(True)
        return presets

    def load_preset_named(self, name: str) -> bool:
        """Train the built-in preset ``name`` from now on; one on MNIST while it is not
        downloaded offers the download first (and is used once it is done)."""
        experiment = load_preset(name)
        if self._offer_download(experiment):
            return False
        return self._use_experiment(experiment)

    def legends_on_screen(self, projector: bool) -> bool:
        # the colour key under the plots names the runs in both modes; in legends as well
        # they covered a third of a narrow plot (the line-style entries stay)
        return False


    # -- settings and data -----------------------------------------------------------------
    def _on_experiment_edited(self, experiment: Experiment) -> None:
        self._use_experiment(self._with_current_speed(experiment))

    def _use_experiment(self, experiment: Experiment) -> bool:
        """Train ``experiment`` from now on; if its data cannot be loaded, say why and keep
        everything as it was. The full MNIST is read in the background (see
        :meth:`load_in_background`), or not at all when only other settings changed."""
        if self._refused_while_loading():
            self.panel.set_experiment(self.session.experiment)
            return False
        if self._same_undrawn_data(experiment):
            try:
                self.session.use_prepared(PreparedData(
                    experiment, build_runs(experiment, self.session.dataset)))
            except (DatasetError, ExperimentError, ValueError) as error:
                QMessageBox.warning(self, self.tr("Cannot use these settings"),
                                    translated(error))
                self.panel.set_experiment(self.session.experiment)
                return False
            return True
        if experiment.data.dataset in UNDRAWN_DATASETS:
            used = self.load_in_background(self.session.prepare_experiment(experiment),
                                           dataset_label(experiment.data.dataset),
                                           self.tr("Cannot use these settings"))
            if not used and not self._closing:
                self.panel.set_experiment(self.session.experiment)
            return used
        try:
            self.session.set_experiment(experiment)
        except (DatasetError, ExperimentError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot use these settings"), translated(error))
            self.panel.set_experiment(self.session.experiment)
            return False
        return True

    def _same_undrawn_data(self, experiment: Experiment) -> bool:
        """Whether ``experiment`` learns the very data in memory: the same settings of data
        that no seed draws (see UNDRAWN_DATASETS), so the runs are those ``nnlab run`` makes,
        which reads them again."""
        dataset = self.session.dataset
        return (experiment.data.dataset in UNDRAWN_DATASETS and dataset is not None
                and dataset.name == experiment.data.dataset
                and experiment.data == self.session.experiment.data)

    def _on_session_experiment_changed(self) -> None:
        self._show_dataset()
        self.dashboard.arrange()
        super()._on_session_experiment_changed()
        # the old estimate is of other settings: gone at once, the new one in a moment
        self._run_time_text = ""
        self.panel.set_run_time_text("")
        self._estimate_timer.start()

    # -- how long a run takes ----------------------------------------------------------------
    def _estimate_run_time(self) -> None:
        """Estimate, off the window's thread (it times a few steps: about 0.1 s), how long
        the runs of the experiment in use take here; a long one is announced
        (:meth:`_show_run_time`)."""
        experiment, dataset = self.session.experiment, self.session.dataset
        if self._closing or dataset is None or experiment is self._estimated:
            return
        self._estimated = experiment
        shape = (len(dataset.x_train), len(dataset.x_test))
        estimator = BackgroundCall(lambda: estimate_run_seconds(experiment, shape),
                                   "nnlab run-time estimate", self)
        estimator.done.connect(
            lambda seconds: self._show_run_time(experiment, shape[0], seconds))
        # one slot, which also deletes it: a second one queued after a deleteLater was at
        # times dropped with the object
        estimator.ended.connect(lambda: self._estimate_ended(estimator))
        self._estimator = estimator
        estimator.start()

    def _estimate_ended(self, estimator: BackgroundCall) -> None:
        if self._estimator is estimator:
            self._estimator = None
        estimator.deleteLater()

    def _show_run_time(self, experiment: Experiment, n_train: int, seconds: float) -> None:
        """"30 epochs of 2 runs on 60,000 images: about 6 min on this computer", in the panel
        and (until Run) the status bar, for an estimate over LONG_RUN_SECONDS; nothing for
        a shorter one, or when the settings changed meanwhile."""
        if self._closing or experiment is not self.session.experiment:
            return
        if not seconds > LONG_RUN_SECONDS:
            return
        epochs, runs = experiment.training.epochs, len(self.session.run_names)
        duration = format_duration(seconds)
        if runs == 1:
            text = fill(self.tr("%1 epochs on %2 samples: about %3 on this computer"),
                        epochs, f"{n_train:,}", duration)
        else:
            text = fill(self.tr("%1 epochs of %2 runs on %3 samples: about %4 on this "
                                "computer"), epochs, runs, f"{n_train:,}", duration)
        self.panel.set_run_time_text(text)
        self._run_time_text = fill(self.tr("training takes about %1"), duration)
        self.scheduler.mark_dirty()

    def _show_dataset(self) -> None:
        dataset = self.session.dataset
        if dataset is None:
            return
        template = (self.tr("%1: %2 training and %3 test samples; inputs: %4, numbers to "
                            "learn: %5") if dataset.is_regression else
                    self.tr("%1: %2 training and %3 test samples, %4 inputs, %5 classes"))
        description = fill(
            template, dataset_label(dataset.name), f"{len(dataset.x_train):,}",
            f"{len(dataset.x_test):,}",
            dataset.n_features, dataset.n_classes)
        self.panel.set_dataset_shape(dataset.n_features, dataset.n_classes, description,
                                     regression=dataset.is_regression)

    def open_dataset(self, paths: list[str] | str | None = None) -> bool:
        """Learn from a CSV file, or IDX images and labels, from now on, loaded in the
        background (see the module docstring). A file that cannot be used is named in a
        message, and the current data stay; so they do when the load is cancelled."""
        if self._refused_while_loading():
            return False
        if paths is None:
            chosen, _ = QFileDialog.getOpenFileNames(
                self, self.tr("Open dataset"), "",
                self.tr("Data files (*.csv *.tsv *.txt *idx* *ubyte* *.gz);;All files (*)"))
            if not chosen:
                return False
            paths = chosen
        if isinstance(paths, (str, Path)):
            paths = [str(paths)]
        title = self.tr("Cannot open dataset")
        try:
            images, labels = _images_and_labels([Path(p) for p in paths])
            work = self.session.prepare_dataset(images, labels)
        except (DatasetError, ExperimentError, ValueError, OSError) as error:
            QMessageBox.warning(self, title, translated(error))
            return False
        if not self.load_in_background(work, images.name, title):
            return False
        dataset = self.session.dataset
        self.status_message.emit(
            fill(self.tr("Opened %1: %2 samples; inputs: %3, numbers to learn: %4")
                 if dataset.is_regression else
                 self.tr("Opened %1: %2 samples, %3 inputs, %4 classes"),
                 dataset_label(dataset.name),
                 f"{len(dataset.x_train) + len(dataset.x_test):,}", dataset.n_features,
                 dataset.n_classes),
            8000)
        return True

    def use_opened_experiment(self, experiment: Experiment, name: str) -> bool:
        """File › Open experiment; one whose data are read from files is loaded in the
        background (see the module docstring); one on MNIST while it is not downloaded
        offers the download first."""
        if self._refused_while_loading() or self._offer_download(experiment):
            return False
        return self.use_experiment_in_background(experiment, name)

    # -- downloading MNIST -----------------------------------------------------------------
    def download_mnist(self, then: Experiment | None = None) -> MnistDownloadDialog | None:
        """Download MNIST in the download dialog (see :mod:`.download`); the window goes on
        drawing and training meanwhile. Once it is downloaded the lab learns from it
        (``then``, or the settings in use with MNIST as the data) and says so; a download
        that fails is a message naming the file and what went wrong, and the lab keeps its
        data, as it does when the download is cancelled."""
        if self._refused_while_loading():
            return None
        if self.download_dialog is not None:  # one download at a time
            if self.download_dialog.isVisible():
                self.download_dialog.raise_()
            else:  # cancelled, and waiting for the server's next piece to stop
                self.status_message.emit(self.tr("The cancelled download is still "
                                                 "stopping: try again in a moment"), 5000)
            return self.download_dialog
        dialog = MnistDownloadDialog(self, **self.download_options)
        dialog.ended.connect(lambda kind: self._on_download_ended(dialog, kind, then))
        self.download_dialog = dialog
        self.download_action.setEnabled(False)
        dialog.start()
        return dialog

    def _on_download_ended(self, dialog: MnistDownloadDialog, kind: str,
                           then: Experiment | None) -> None:
        self.download_dialog = None
        dialog.deleteLater()
        if self._closing:
            return
        self.download_action.setEnabled(True)
        self.panel.refresh_datasets()  # "MNIST (download …)" is MNIST itself once it is in
        if kind == "cancelled":
            self.status_message.emit(self.tr("Download cancelled: the lab keeps its data"),
                                     5000)
        elif kind == "failed":
            QMessageBox.warning(self, self.tr("Cannot download MNIST"), dialog.error_text)
        elif then is not None:
            self._use_experiment(then)
        elif self.panel.choose_dataset("mnist") and self.session.dataset.name == "mnist":
            dataset = self.session.dataset
            self.status_message.emit(
                fill(self.tr("MNIST downloaded: learning from its %1 training and %2 test "
                             "images"), f"{len(dataset.x_train):,}", f"{len(dataset.x_test):,}"),
                8000)

    def _offer_download(self, experiment: Experiment) -> bool:
        """An experiment on MNIST while it is not downloaded: ask whether to download it
        now, and if so, start the download, after which ``experiment`` is used. True when
        the question was asked (the experiment is not used now)."""
        if experiment.data.dataset != "mnist" or mnist.cached_files() is not None:
            return False
        answer = QMessageBox.question(
            self, self.tr("Download MNIST?"),
            fill(self.tr("These settings learn from the full MNIST, which is not downloaded "
                         "yet. Download it now (%1 MB)?"), download_size_text()))
        if answer == QMessageBox.StandardButton.Yes:
            self.download_mnist(then=experiment)
        return True

    def use_experiment_in_background(self, experiment: Experiment, name: str) -> bool:
        """Train ``experiment`` from now on, its data loaded in the background when they are
        read from files; if they cannot be, say why ("Cannot open experiment") and keep
        everything as it was."""
        title = self.tr("Cannot open experiment")
        if experiment.data.dataset not in FILE_DATASETS:
            try:
                self.session.set_experiment(experiment)
            except (DatasetError, ExperimentError, ValueError) as error:
                QMessageBox.warning(self, title, translated(error))
                return False
            return True
        try:
            work = self.session.prepare_experiment(experiment)
        except (ExperimentError, ValueError) as error:
            QMessageBox.warning(self, title, translated(error))
            return False
        return self.load_in_background(work, name, title)

    def load_in_background(self, work, name: str, failure_title: str) -> bool:
        """Run ``work`` (from the session's ``prepare_…``) in a loading thread, with a
        progress dialog naming ``name`` and a Cancel button if it takes a while, and use its
        result. Returns when the load has ended: True when the new data are in place; on a
        failure a message titled ``failure_title``, on Cancel a line in the status bar, and
        the current data stay."""
        loader = DataLoader(work, self)
        dialog = QProgressDialog(fill(self.tr("Loading %1…"), name),
                                 self.tr("Cancel"), 0, LOADING_STEPS, self)
        dialog.setObjectName("loading_dialog")
        dialog.setWindowTitle(self.tr("Loading data"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(LOADING_DIALOG_DELAY_MS)
        ended = QEventLoop(self)
        loader.progressed.connect(lambda fraction: dialog.setValue(
            min(int(fraction * LOADING_STEPS), LOADING_STEPS - 1)))
        dialog.canceled.connect(loader.cancel)
        loader.ended.connect(ended.quit)
        self._loader = loader
        self.panel.setEnabled(False)
        self.open_dataset_action.setEnabled(False)
        try:
            dialog.setValue(0)  # starts the dialog's delay
            loader.start()
            if loader.is_running():
                ended.exec()
        finally:
            self._loader = None
            dialog.canceled.disconnect()
            dialog.hide()
            dialog.deleteLater()
            loader.deleteLater()
            if not self._closing:
                self.panel.setEnabled(True)
                self.open_dataset_action.setEnabled(True)
        kind, value = loader.outcome or ("cancelled", None)
        if self._closing:  # the window closed while loading: nothing more to show
            return False
        if kind == "finished":
            try:
                self.session.use_prepared(value)
            except (ExperimentError, ValueError) as error:
                QMessageBox.warning(self, failure_title, translated(error))
                return False
            return True
        if kind == "cancelled":
            self.status_message.emit(self.tr("Loading cancelled"), 5000)
            return False
        QMessageBox.warning(self, failure_title, translated(value))
        return False

    def _refused_while_loading(self) -> bool:
        """While data are loading, the data, settings and experiment stay as they are."""
        if self._loader is None:
            return False
        self.status_message.emit(self.tr("Still loading data: wait, or cancel the "
                                             "loading first"), 5000)
        return True

    def drop_files(self, paths: list[str]) -> bool:
        """Data files dropped on the window: learn from them."""
        self.open_dataset(paths)
        return True

    # -- frames ----------------------------------------------------------------------------
    def run_label(self, name: str) -> str:
        """The run's name; with each cost's own η (compare.learning_rates), its η too:
        "quadratic, η = 3"."""
        exp = self.session.experiment
        label = run_label(exp.compare.setting, name)
        rates = dict(zip(exp.training.costs, exp.compare.learning_rates))
        if exp.compare.setting == "cost" and name in rates:
            label = fill(self.tr("%1, η = %2"), label, format_number(rates[name]))
        return label

    def run_colour(self, index: int, name: str) -> str:
        if self.session.experiment.compare.setting == "cost" and self.theme is not None:
            return self.theme.run_color(name).name()
        return RUN_PALETTE[index % len(RUN_PALETTE)]

    def run_key(self) -> list[tuple[str, str]]:
        return [(self.run_label(name), self.run_colour(i, name))
                for i, name in enumerate(self.session.run_names)]

    def current_frame(self) -> LabFrame:
        exp = self.session.experiment
        shown = self.shown_epoch()
        training = self.session.state == RUNNING
        n_layers = len(exp.network.layers) - 1
        runs = []
        for i, name in enumerate(self.session.run_names):
            history = self.session.histories.get(name)
            label, colour = self.run_label(name), self.run_colour(i, name)
            if history is None or len(history) == 0:
                runs.append(RunFrame(name, label, empty_lab_columns(n_layers), -1,
                                     colour=colour))
                continue
            network, network_epoch = self.session.network_at(name, shown)
            # live while training: the process's newest evaluation, a moment old at most,
            # so that the window never evaluates the test set itself then
            evaluated_epoch, evaluation = self.session.evaluation_at(
                name, network_epoch, newest=self._live and training)
            if evaluation is not None and evaluated_epoch != network_epoch:
                older, older_epoch = self.session.network_at(name, evaluated_epoch)
                if older_epoch == evaluated_epoch:  # its parameters are still kept
                    network, network_epoch = older, older_epoch
                else:
                    evaluation = None
            runs.append(RunFrame(name, label, history.view(),
                                 self.session.row_for_epoch(name, shown), history.status,
                                 history.message, colour, network, network_epoch,
                                 evaluation))
        return LabFrame(dataset=self.session.dataset, layers=exp.network.layers,
                        epochs=exp.training.epochs, runs=tuple(runs), shown_epoch=shown,
                        live=self._live, training=training,
                        compared=exp.compare.setting)

    def _show_frame_status(self, frame: LabFrame) -> None:
        super()._show_frame_status(frame)
        self._show_divergence(frame)
        self._show_progress(frame)

    def status_text(self, frame: LabFrame) -> str:
        parts = [fill(self.tr("Epoch %1 of %2"), frame.shown_epoch, frame.epochs)]
        if self.projector_mode:  # large letters: the accuracies are on the plots
            return parts[0]
        has_test = frame.dataset is not None and len(frame.dataset.x_test) > 0
        regression = frame.dataset is not None and frame.dataset.is_regression
        column = "test_accuracy" if has_test else "train_accuracy"
        for run in frame.runs:
            if run.index < 0:
                continue
            if regression:  # no classes: how far off the answers are, not how many right
                error = mse_of_quadratic_cost(run.value("test_cost" if has_test
                                                        else "train_cost"))
                text = fill(self.tr("%1: test MSE %2") if has_test
                            else self.tr("%1: training MSE %2"), run.label,
                            "—" if error != error else format_number(error, 3))
            else:
                accuracy = run.value(column)
                text = fill(self.tr("%1: test accuracy %2") if has_test
                            else self.tr("%1: training accuracy %2"), run.label,
                            "—" if accuracy != accuracy else f"{100 * accuracy:.1f} %")
            if run.status == DIVERGED:
                text = fill(self.tr("%1: diverged"), run.label)
            parts.append(text)
        return "   ·   ".join(parts)

    def _show_divergence(self, frame: LabFrame) -> None:
        lines = [fill(self.tr("The %1 run stopped: %2"), run.label, translated(run.message))
                 for run in frame.runs if run.status == DIVERGED]
        self.divergence.setText(f'<b style="color: {ERROR_COLOUR}">'
                                + "<br>".join(html.escape(line) for line in lines) + "</b>")
        self.divergence.setVisible(bool(lines))

    def _show_progress(self, frame: LabFrame) -> None:
        latest = self.session.latest_epoch
        planned = max(frame.epochs, 1)
        self.progress.setRange(0, planned)
        self.progress.setValue(min(latest, planned))
        if self.session.state != RUNNING:
            self._pace.clear()
            # before the first epoch, how long a long run takes (after it, the pace says)
            self.remaining.setText(self._run_time_text if latest == 0 else "")
            return
        self._pace.add(time.perf_counter(), latest)
        seconds = self._pace.seconds_left(planned)
        if seconds is not None:
            self.remaining.setText(fill(self.tr("about %1 left"), format_duration(seconds)))

    def caption_text(self, frame: LabFrame) -> str:
        exp = self.session.experiment
        net, training = exp.network, exp.training
        runs = ", ".join(run.label for run in frame.runs) or self.tr("none")
        hidden = net.hidden_activations
        activation = hidden[0] if len(set(hidden)) == 1 and hidden else "/".join(hidden)
        batch = (self.tr("full batch") if training.batch_size is None
                 else fill(self.tr("batch %1"), training.batch_size))
        parts = [
            fill(self.tr("Runs: %1"), runs),
            fill(self.tr("layers %1"), "-".join(str(size) for size in net.layers)),
            f"{activation} → {net.output}" if activation else net.output,
            # each run's own η is in its name
            "" if exp.compare.learning_rates else
            fill(self.tr("η = %1"), format_number(training.learning_rate)),
            batch,
            dataset_label(frame.dataset.name) if frame.dataset is not None else "",
            fill(self.tr("epoch %1 of %2"), frame.shown_epoch, frame.epochs),
        ]
        return " · ".join(part for part in parts if part)


def _images_and_labels(paths: list[Path]) -> tuple[Path, Path | None]:
    """The file to open and, for IDX, its labels: of two files, the one named like labels
    (or the smaller one) holds the labels."""
    if len(paths) == 1:
        return paths[0], None
    if len(paths) != 2:
        raise ValueError(fill(translate(
            "LabPage", "Open one CSV file, or an IDX images file with its labels file "
                         "(got %1 files)"), len(paths)))
    first, second = paths
    if "label" in first.name.lower() or (
            "label" not in second.name.lower() and first.stat().st_size < second.stat().st_size):
        first, second = second, first
    return first, second

