"""The network lab's session: a network experiment, its data, its runs and their training.

:class:`LabSession` is a :class:`~nnlab.app.session.TrainingSession` (the same worker thread,
commands, states and shutdown as the lesson) for experiments of kind "network". What it adds:

* **the data.** The dataset is loaded when the experiment is set, in the GUI thread, before
  anything else changes: a file that cannot be read raises and leaves the current experiment,
  dataset and runs as they were. It is drawn as ``nnlab run`` draws it, so the lab and the
  command line give the same runs for the same file. :meth:`open_dataset` puts a user's CSV or IDX file in place
  of the current data the same way, and fits the network's first and last layers to it.
* **the runs.** One run per value of the compared setting (by default one per cost), all from
  identical initial parameters and in identical data order (see :func:`~nnlab.core.runner.
  build_runs`).
* **the parameters over time.** Every epoch's record carries a copy of the run's
  parameters; each run's :class:`LabRunHistory` keeps them in bounded memory
  (:class:`~nnlab.core.snapshots.ParameterSnapshots`) so the timeline can show the decision
  regions, the confusion matrix and the network of any kept epoch.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Iterator

import numpy as np

from ..core.datasets import Dataset, make_dataset
from ..core.experiment import Experiment, dataset_options, validate_experiment
from ..core.history import DEFAULT_MAX_ROWS, History
from ..core.network import Network
from ..core.runner import PreparedRun, build_runs
from ..core.snapshots import ParameterSnapshots
from ..core.training import NETWORK_COLUMNS, RUNNING
from .session import TrainingSession
from .worker import WORK_MARK_SECONDS

DEFAULT_LAB_PRESET = "digits-64-30-10"


class LabRunHistory:
    """One network run: its per-epoch rows (NETWORK_COLUMNS, then ``gradient_norm_1`` …
    ``gradient_norm_L``) and its kept parameters, both bounded in memory."""

    def __init__(self, n_layers: int, max_rows: int = DEFAULT_MAX_ROWS):
        self.n_layers = n_layers
        self._history = History(
            NETWORK_COLUMNS + tuple(f"gradient_norm_{l}" for l in range(1, n_layers + 1)),
            max_rows)
        self.snapshots = ParameterSnapshots()
        self.status = RUNNING
        self.message = ""

    def extend_rows(self, rows, status: str, message: str = "") -> None:
        """Append what :func:`network_rows` made of some records."""
        table, snapshots = rows
        self._history.extend(table)
        for epoch, parameters in snapshots:
            self.snapshots.add(epoch, parameters)
        self.status, self.message = status, message

    def __len__(self) -> int:
        return len(self._history)

    def view(self) -> dict[str, np.ndarray]:
        """Read-only column views without copying (see :meth:`.History.view`)."""
        return self._history.view()

    def last(self) -> dict[str, float] | None:
        return self._history.last()


def network_rows(records: list) -> tuple[np.ndarray, list[tuple[int, np.ndarray]]]:
    """The history rows and the (epoch, parameters) snapshots of some EpochRecords; runs in
    the worker thread, so the GUI thread only appends arrays."""
    table = np.array([(r.epoch, r.train_cost, r.train_accuracy, r.test_cost, r.test_accuracy,
                       *r.gradient_norms) for r in records], dtype=float)
    snapshots = [(r.epoch, r.parameters) for r in records if r.parameters is not None]
    return table, snapshots


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
        runs = build_runs(experiment)
        self._experiment = experiment
        self._use_runs(runs)
        self.reset()
        self.set_speed(experiment.training.speed)
        self.experiment_changed.emit()

    def open_dataset(self, path: str | Path, labels: str | Path | None = None) -> Dataset:
        """Learn from a user's file from now on: a CSV file (``path``), or IDX images
        (``path``) with their labels (``labels``; found by MNIST's naming when None).

        The network's first and last layers are fitted to the file's inputs and classes.
        A file that cannot be used raises DatasetError (naming the file, and the line or byte
        where it went wrong) and the current data, experiment and runs stay as they were.
        """
        path = Path(path)
        data = self._experiment.data
        if is_idx_file(path):
            labels = Path(labels) if labels is not None else idx_labels_for(path)
            data = dataclasses.replace(data, dataset="idx", images=str(path),
                                       labels=str(labels), path=None)
        else:
            data = dataclasses.replace(data, dataset="csv", path=str(path), images=None,
                                       labels=None)
        candidate = dataclasses.replace(self._experiment, data=data)
        dataset = load_dataset_only(candidate)  # its shape fits the layers to it
        network = dataclasses.replace(candidate.network,
                                      layers=fitted_layers(candidate.network.layers, dataset))
        self.set_experiment(validate_experiment(dataclasses.replace(candidate,
                                                                    network=network)))
        return self.dataset

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

    # --- the runs ---------------------------------------------------------------------------

    def _use_runs(self, runs: list[PreparedRun]) -> None:
        """Show ``runs`` from now on, each with a network for showing its parameters."""
        self._runs = runs
        self._networks = {run.name: run.initial_network.copy() for run in runs}

    def _started_runs(self) -> list[tuple[str, Iterator]]:
        # work marks: the worker can stop or pause within a long epoch
        return [(run.name, run.start(keep_parameters=True, work_marks=WORK_MARK_SECONDS).records)
                for run in self._runs]

    _to_rows = staticmethod(network_rows)

    def _empty_histories(self) -> dict[str, LabRunHistory]:
        n_layers = max(len(self._experiment.network.layers) - 1, 1)
        return {name: LabRunHistory(n_layers) for name in self.run_names}

    @staticmethod
    def _check_kind(experiment: Experiment) -> None:
        if experiment.kind != "network":
            raise ValueError(f"the network lab trains networks, not an experiment of kind "
                             f"{experiment.kind!r}")


def load_dataset_only(experiment: Experiment) -> Dataset:
    """The dataset of ``experiment`` without checking it against the layers."""
    return make_dataset(experiment.data.dataset, np.random.default_rng(experiment.seed),
                        **dataset_options(experiment.data))


def is_idx_file(path: Path) -> bool:
    """An IDX file by its name (MNIST's ``*-idx3-ubyte``, ``.idx``, gzipped or not)."""
    name = path.name.lower().removesuffix(".gz")
    return "idx" in name.rsplit(".", 1)[-1] or "-idx" in name or name.endswith(".idx")


def idx_labels_for(images: Path) -> Path:
    """The labels file that goes with an IDX images file, by MNIST's naming
    (``train-images-idx3-ubyte`` → ``train-labels-idx1-ubyte``, also ``.gz``)."""
    name = images.name.replace("images", "labels").replace("idx3", "idx1")
    return images.with_name(name)
