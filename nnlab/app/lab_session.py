"""The network lab's session: a network experiment, its data, its runs and their training.

:class:`LabSession` is a :class:`~nnlab.app.session.TrainingSession` (the same training
process, commands, states and shutdown as the lesson) for experiments of kind "network". What
it adds:

* **the data.** The dataset is loaded when the experiment is set, before anything else
  changes: a file that cannot be read raises and leaves the current experiment, dataset and
  runs as they were. It is drawn as ``nnlab run`` draws it, so the lab and the command line
  give the same runs for the same file. :meth:`open_dataset` puts a user's CSV or IDX file in
  place of the current data the same way, and fits the network's first and last layers to it.
  Both load in the calling thread (built-in data take milliseconds); a file may take seconds,
  so the window loads it in the background: :meth:`prepare_dataset` and
  :meth:`prepare_experiment` give the work to run in a :class:`~nnlab.app.loading.DataLoader`
  (it reports progress and can be cancelled), and :meth:`use_prepared` puts its result in
  place, in the GUI thread.
* **the runs.** One run per value of the compared setting (by default one per cost), all from
  identical initial parameters and in identical data order (see :func:`~nnlab.core.runner.
  build_runs`).
* **the parameters over time.** Every epoch's record carries a copy of the run's
  parameters; each run's :class:`~nnlab.core.training.NetworkHistory` keeps them in bounded
  memory (:class:`~nnlab.core.snapshots.ParameterSnapshots`) so the timeline can show the
  decision regions, the confusion matrix and the network of any kept epoch.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

import numpy as np

from ..core.datasets import Dataset, make_dataset
from ..core.evaluation import Evaluation, evaluate_parameters
from ..core.experiment import Experiment, dataset_options, validate_experiment
from ..core.network import Network
from ..core.runner import PreparedRun, build_runs
from ..core.training import NetworkHistory, network_rows
from .loading import Progress
from .session import TrainingSession
from .trainer import WORK_MARK_SECONDS

DEFAULT_LAB_PRESET = "digits-64-30-10"

FILE_DATASETS = ("csv", "idx", "mnist")
"""The data sets read from files: a user's, or the full MNIST from the download cache (the
others are built in or drawn at random); they are loaded in the background, with progress."""

READING_SHARE = 0.5
"""The share of a background load's progress given to reading the file the first time (to
learn its shape, with progress and Cancel); the rest is drawing the runs, which reads it again
as ``nnlab run`` does (see :meth:`LabSession.prepare_dataset`)."""


@dataclasses.dataclass(frozen=True)
class PreparedData:
    """An experiment and its runs, data loaded: made in a loading thread, used in the GUI
    thread by :meth:`LabSession.use_prepared`."""

    experiment: Experiment
    runs: list[PreparedRun]


def fitted_layers(layers: tuple[int, ...], dataset: Dataset) -> tuple[int, ...]:
    """``layers`` with the first set to the data's inputs and the last to its classes."""
    return (dataset.n_features, *layers[1:-1], dataset.n_classes)


class LabSession(TrainingSession):
    """The runs of one network experiment (see the module docstring)."""

    default_preset = DEFAULT_LAB_PRESET

    def __init__(self, experiment: Experiment | None = None, parent=None):
        self._runs: list[PreparedRun] = []
        self._networks: dict[str, Network] = {}
        super().__init__(experiment, parent)
        # the data are loaded here: a file that cannot be read fails before any state exists
        self._use_runs(build_runs(self._experiment))
        self._begin_runs()

    @property
    def dataset(self) -> Dataset | None:
        """The data every run learns (drawn as ``nnlab run`` draws them: same seed, split)."""
        return self._runs[0].dataset if self._runs else None

    # --- settings ---------------------------------------------------------------------------

    @property
    def run_names(self) -> tuple[str, ...]:
        return tuple(run.name for run in self._runs)

    def set_experiment(self, experiment: Experiment) -> None:
        """Use ``experiment`` from now on (a reset). Its data are loaded first: if that fails
        (DatasetError, ExperimentError) nothing changes and the error is raised."""
        self._check_kind(experiment)
        self.use_prepared(PreparedData(experiment, build_runs(experiment)))

    def open_dataset(self, path: str | Path, labels: str | Path | None = None) -> Dataset:
        """Learn from a user's file from now on: a CSV file (``path``), or IDX images
        (``path``) with their labels (``labels``; found by MNIST's naming when None).

        The network's first and last layers are fitted to the file's inputs and classes.
        A file that cannot be used raises DatasetError (naming the file, and the line or byte
        where it went wrong) and the current data, experiment and runs stay as they were.
        """
        self.use_prepared(self.prepare_dataset(path, labels)(None))
        return self.dataset

    # --- loading in the background ----------------------------------------------------------

    def prepare_dataset(self, path: str | Path,
                        labels: str | Path | None = None
                        ) -> Callable[[Progress | None], PreparedData]:
        """The work of :meth:`open_dataset` up to changing anything: a function of a
        ``progress`` callback (or None), safe to run in another thread, that loads the file,
        fits the layers to it and draws the runs. It raises as :meth:`open_dataset` does, and
        LoadCancelled when ``progress`` does. Give its result to :meth:`use_prepared`.

        The file is read twice, as the synchronous way reads it: once to learn its shape
        (with progress), once as ``nnlab run`` draws the data, so that the runs are those of
        the command line for the same experiment.
        """
        path = Path(path)
        data = self._experiment.data
        if is_idx_file(path):
            labels = Path(labels) if labels is not None else idx_labels_for(path)
            data = dataclasses.replace(data, dataset="idx", images=str(path),
                                       labels=str(labels), path=None, test_images=None,
                                       test_labels=None, train_samples=None)
        else:
            data = dataclasses.replace(data, dataset="csv", path=str(path), images=None,
                                       labels=None, test_images=None, test_labels=None,
                                       train_samples=None)
        candidate = dataclasses.replace(self._experiment, data=data)

        def work(progress: Progress | None) -> PreparedData:
            # its shape fits the layers to it
            dataset = load_dataset_only(candidate, _scaled(progress, 0.0, READING_SHARE))
            network = dataclasses.replace(candidate.network,
                                          layers=fitted_layers(candidate.network.layers,
                                                               dataset))
            del dataset
            experiment = validate_experiment(dataclasses.replace(candidate, network=network))
            return _prepared_runs(experiment, progress)

        return work

    def prepare_experiment(self, experiment: Experiment
                           ) -> Callable[[Progress | None], PreparedData]:
        """The work of :meth:`set_experiment` up to changing anything (see
        :meth:`prepare_dataset`): loads the experiment's data and draws its runs."""
        self._check_kind(experiment)

        def work(progress: Progress | None) -> PreparedData:
            if experiment.data.dataset in FILE_DATASETS:
                # read once with progress (and Cancel, and the reader's refusal), then as
                # ``nnlab run`` draws it
                load_dataset_only(experiment, _scaled(progress, 0.0, READING_SHARE))
            return _prepared_runs(experiment, progress)

        return work

    def use_prepared(self, prepared: PreparedData) -> None:
        """Use what :meth:`prepare_dataset` or :meth:`prepare_experiment` made (a reset);
        in the GUI thread."""
        self._assert_gui_thread()
        self._check_kind(prepared.experiment)
        self._experiment = prepared.experiment
        self._use_runs(prepared.runs)
        self.reset()
        self.set_speed(prepared.experiment.training.speed)
        self.experiment_changed.emit()

    # --- what the window reads --------------------------------------------------------------

    def network_at(self, name: str, epoch: int) -> tuple[Network | None, int]:
        """Run ``name``'s network with the parameters of the kept epoch nearest to
        ``epoch`` (at or before it), and that epoch; (None, -1) before any record.

        The same Network object is reused for every call about one run (no copy per frame):
        readers must not keep it across frames or change it.
        """
        history = self.histories.get(name)
        network = self._networks.get(name)
        if history is None or network is None:
            return None, -1
        kept = history.snapshots.at_or_before(epoch)
        if kept is None:
            return None, -1
        kept_epoch, parameters = kept
        network.parameters[...] = parameters
        return network, kept_epoch

    def evaluation_at(self, name: str, epoch: int,
                      newest: bool = False) -> tuple[int, Evaluation] | tuple[int, None]:
        """(epoch, evaluation): the training process's evaluation of run ``name`` at
        ``epoch`` (on the test set, or the training set when there is none), if it made one
        for exactly that epoch. With ``newest`` (a live frame while training), its newest
        evaluation at or before ``epoch``: the process evaluates at most a share of its time
        (see :data:`~nnlab.app.trainer.EVALUATION_SHARE`), so that one may be a moment older;
        the last before a pause or the end is always exact. (epoch, None): none."""
        history = self.histories.get(name)
        evaluated = getattr(history, "evaluated", None)
        if evaluated is None or evaluated[0] > epoch or (evaluated[0] < epoch and not newest):
            return epoch, None
        return evaluated

    # --- the runs ---------------------------------------------------------------------------

    def _use_runs(self, runs: list[PreparedRun]) -> None:
        """Show ``runs`` from now on, each with a network for showing its parameters."""
        self._runs = runs
        self._runs_version += 1
        self._networks = {run.name: run.initial_network.copy() for run in runs}

    def _process_runs(self) -> list[PreparedRun]:
        return self._runs

    def _start_options(self) -> dict:
        # every record with its parameters, for the timeline; work marks, so that the
        # process can stop or pause within a long epoch
        return {"keep_parameters": True, "work_marks": WORK_MARK_SECONDS}

    _to_rows = staticmethod(network_rows)
    _evaluate = staticmethod(evaluate_parameters)

    def _empty_histories(self) -> dict[str, NetworkHistory]:
        n_layers = max(len(self._experiment.network.layers) - 1, 1)
        return {name: NetworkHistory(n_layers) for name in self.run_names}

    @staticmethod
    def _check_kind(experiment: Experiment) -> None:
        if experiment.kind != "network":
            raise ValueError(f"the network lab trains networks, not an experiment of kind "
                             f"{experiment.kind!r}")


def load_dataset_only(experiment: Experiment, progress: Progress | None = None) -> Dataset:
    """The dataset of ``experiment`` without checking it against the layers; ``progress``,
    when given, is called by the reader now and then (see :mod:`nnlab.app.loading`)."""
    options = dataset_options(experiment.data)
    if progress is not None:
        options["progress"] = progress
    return make_dataset(experiment.data.dataset, np.random.default_rng(experiment.seed),
                        **options)


def _prepared_runs(experiment: Experiment, progress: Progress | None) -> PreparedData:
    """The runs of ``experiment``, drawn as ``nnlab run`` draws them (the rest of a
    background load's progress: the runner reports none while it reads)."""
    if progress is not None:
        progress(READING_SHARE)
    runs = build_runs(experiment)
    if progress is not None:
        progress(1.0)
    return PreparedData(experiment, runs)


def _scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` for a part of the work that takes the share [start, end] of it."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)


def is_idx_file(path: Path) -> bool:
    """An IDX file by its name (MNIST's ``*-idx3-ubyte``, ``.idx``, gzipped or not)."""
    name = path.name.lower().removesuffix(".gz")
    return "idx" in name.rsplit(".", 1)[-1] or "-idx" in name or name.endswith(".idx")


def idx_labels_for(images: Path) -> Path:
    """The labels file that goes with an IDX images file, by MNIST's naming
    (``train-images-idx3-ubyte`` → ``train-labels-idx1-ubyte``, also ``.gz``)."""
    name = images.name.replace("images", "labels").replace("idx3", "idx1")
    return images.with_name(name)
