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
from collections import deque
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog, QLabel, QMenu, QMessageBox, QProgressBar, QProgressDialog,
    QWidget,
)

from nnlab.app.lab_session import FILE_DATASETS, LabSession
from nnlab.app.loading import DataLoader
from nnlab.core.costs import mse_of_quadratic_cost
from nnlab.core.datasets import DatasetError
from nnlab.core.experiment import Experiment, ExperimentError
from nnlab.core.presets import load_preset, preset_names
from nnlab.core.states import DIVERGED, RUNNING
from nnlab.app.frames import LabFrame, RunFrame, empty_lab_columns, image_shape
from nnlab.gui.lessons.lab.panel import LabPanel
from nnlab.gui.text import activation_label, cost_label, dataset_label, fill, optimizer_label
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

RATE_WINDOW_SECONDS = 3.0  # the remaining time is estimated from the last few seconds' pace

LOADING_DIALOG_DELAY_MS = 300  # a quicker load shows no dialog
LOADING_STEPS = 1000  # the progress dialog's range
LOADER_WAIT_MS = 5000  # a load still under way when the window closes ends at its next report



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


def format_duration(seconds: float) -> str:
    """"12 s", "3 min 05 s", "1 h 02 min"."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return fill(translate("LabPage", "%1 s"), seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return fill(translate("LabPage", "%1 min %2 s"),
                    minutes, f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return fill(translate("LabPage", "%1 h %2 min"), hours, f"{minutes:02d}")


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
        self.dashboard = Dashboard(self.views, self.lab_pages)
        self._rates: deque[tuple[float, int]] = deque()
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

    def shutdown(self) -> None:
        # a load under way is cancelled and its thread joined before the session goes
        self._closing = True
        loader = self._loader
        if loader is not None:
            loader.cancel()
            loader.wait(LOADER_WAIT_MS)
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
        return {"file": [self.open_dataset_action], "run": [self.examples_menu],
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
        return self._use_experiment(load_preset(name))

    def legends_on_screen(self, projector: bool) -> bool:
        # the colour key under the plots names the runs in both modes; in legends as well
        # they covered a third of a narrow plot (the line-style entries stay)
        return False


    # -- settings and data -----------------------------------------------------------------
    def _on_experiment_edited(self, experiment: Experiment) -> None:
        self._use_experiment(self._with_current_speed(experiment))

    def _use_experiment(self, experiment: Experiment) -> bool:
        """Train ``experiment`` from now on; if its data cannot be loaded, say why and keep
        everything as it was."""
        if self._refused_while_loading():
            self.panel.set_experiment(self.session.experiment)
            return False
        try:
            self.session.set_experiment(experiment)
        except (DatasetError, ExperimentError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot use these settings"), translated(error))
            self.panel.set_experiment(self.session.experiment)
            return False
        return True

    def _on_session_experiment_changed(self) -> None:
        self._show_dataset()
        self.dashboard.arrange()
        super()._on_session_experiment_changed()

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
        background (see the module docstring)."""
        if self._refused_while_loading():
            return False
        return self.use_experiment_in_background(experiment, name)

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
        return run_label(self.session.experiment.compare.setting, name)

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
        now = time.perf_counter()
        if self.session.state != RUNNING:
            self._rates.clear()
            self.remaining.setText("")
            return
        self._rates.append((now, latest))
        while len(self._rates) > 2 and now - self._rates[0][0] > RATE_WINDOW_SECONDS:
            self._rates.popleft()
        (t0, e0), (t1, e1) = self._rates[0], self._rates[-1]
        if e1 > e0 and t1 > t0:
            seconds = (planned - latest) / ((e1 - e0) / (t1 - t0))
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

