"""Turn an :class:`~nnlab.core.experiment.Experiment` into runs, run them, and write the results.

One run per cost in ``training.costs`` (for a neuron experiment with several
``neuron.starts``, one per start and cost, see :func:`~.experiment.neuron_runs`), or, for a
network experiment with a ``[compare]`` table, one run per compared value: a hidden
activation (used by every hidden layer of that run), an optimizer (the batch size: full
batch, 1, or ``training.batch_size``) or a learning rate. Costs compared may each have their
own learning rate (``compare.learning_rates``), and a network computes in
``training.precision`` (float64 or float32). The runs of an experiment are a
fair comparison: they start from IDENTICAL parameters (a neuron's several starts aside) and
see the data in the IDENTICAL order. For a network, one
``numpy.random.default_rng(exp.seed)`` draws, in this order, the dataset (sampling and the
train/test split), the initial parameters, and one integer ``order_seed``; every run then gets
its own fresh ``default_rng(order_seed)`` for the order of its mini-batches. A dataset given to
:func:`build_runs` (one already loaded, e.g. a user's file opened in the window) is not drawn:
the same generator then draws the initial parameters first and ``order_seed`` next, so the
runs are just as reproducible, but their start differs from that of the experiment's own
dataset. The single neuron is deterministic and draws nothing.

Two ways to drive a run:

* :meth:`PreparedRun.start` gives a fresh generator of records (and, for a network, the
  network it trains in place). The GUI's training process takes one record at a time and checks
  stop/pause between records, and asks for ``work_marks`` so that it can also check them
  between the mini-batches of a long epoch; calling ``start`` again begins the same run from
  the start.
* :func:`execute_run` / :func:`run_experiment` drive the generators to the end (CLI, tests)
  and collect every record into columns.

:func:`write_results` writes ``history.csv`` and ``summary.json`` atomically. Timing lives only
in ``summary.json``, so two runs of the same experiment give byte-identical ``history.csv``.
"""

from __future__ import annotations

import dataclasses
import io
import json
import math
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, TextIO

import numpy as np

from .. import __version__ as NNLAB_VERSION
from .costs import make_cost
from .datasets import Dataset, DatasetError, as_precision, make_dataset
from .experiment import (
    Experiment,
    ExperimentError,
    TrainingSettings,
    NeuronSettings,
    compared_value_name,
    dataset_options,
    experiment_to_mapping,
    neuron_runs,
    run_learning_rates,
    show_value,
)
from .files import write_folder
from .history import DEFAULT_MAX_ROWS, History
from .memory import check_memory
from .network import Network
from .neuron import NEURON_COLUMNS, NeuronHistory, NeuronState, neuron_training, train_neuron
from .optimizers import GradientDescent
from .text import Message, QT_TRANSLATE_NOOP
from .training import NETWORK_COLUMNS, EpochRecord, network_columns, network_row, train_network

# the history.csv columns of each kind, after "run"; a network's are followed by one
# gradient_norm_l per weight layer and one zero_share_l per hidden layer (network_columns)
NEURON_HISTORY_COLUMNS = NEURON_COLUMNS
NETWORK_HISTORY_COLUMNS = NETWORK_COLUMNS
# counts, written as whole numbers
INTEGER_COLUMNS = ("epoch", "updates", "samples")
HISTORY_FILE = "history.csv"
SUMMARY_FILE = "summary.json"


@dataclass
class StartedRun:
    """A run under way: ``records`` yields NeuronState (neuron) or EpochRecord (network; also
    StepRecord when started with ``record_steps``); ``network`` is the network being trained
    in place (None for the neuron)."""

    run: "PreparedRun"
    records: Iterator[Any]
    network: Network | None = None


@dataclass(frozen=True, eq=False)
class PreparedRun:
    """One run of an experiment, ready to start any number of times from the same state.

    ``dataset`` and ``initial_network`` are shared between the runs of an experiment and must
    not be modified; :meth:`start` trains a copy of the network. The initial networks of a
    hidden-activation comparison are different objects (their activations differ) holding
    equal parameters.

    ``training`` is this run's own training settings: the experiment's, with its ``costs``
    reduced to ``cost`` and, in a comparison, its learning rate or batch size set to the
    compared value (None: the experiment's, unchanged). ``value`` is the run's compared value
    (the cost's name when the costs are compared); ``name`` is its text.

    ``neuron`` is a neuron run's own neuron: the experiment's, with this run's one start as
    (w, b) (None: the experiment's, unchanged).
    """

    name: str
    cost: str
    kind: str
    experiment: Experiment
    columns: tuple[str, ...]
    samples_per_epoch: int
    dataset: Dataset | None = None
    initial_network: Network | None = None
    order_seed: int | None = None
    training: TrainingSettings | None = None
    value: Any = None
    neuron: NeuronSettings | None = None

    def __post_init__(self) -> None:
        if self.training is None:
            object.__setattr__(self, "training", self.experiment.training)
        if self.neuron is None:
            object.__setattr__(self, "neuron", self.experiment.neuron)
        if self.value is None:
            object.__setattr__(self, "value", self.cost)

    def start(self, record_steps: bool = False, keep_parameters: bool = False,
              work_marks: float | None = None) -> StartedRun:
        """A fresh generator of this run's records, from epoch 0. With ``keep_parameters``
        every network EpochRecord carries a read-only copy of the parameters after its epoch
        (see :class:`.snapshots.ParameterSnapshots` for keeping them in bounded memory).
        With ``work_marks`` (seconds) a network run also yields
        :data:`~nnlab.core.training.WORKING` between mini-batches of a long epoch, so that its
        driver can stop or pause mid-epoch (see :func:`~.training.train_network`); the single
        neuron's epochs take microseconds and never mark."""
        training = self.training
        if self.kind == "neuron":
            n = self.neuron
            records = neuron_training(n.x, n.y, n.w, n.b, self.cost,
                                      training.learning_rate, training.epochs)
            return StartedRun(self, records)
        network = self.initial_network.copy()
        optimizer = GradientDescent(training.learning_rate, training.momentum, training.l2)
        records = train_network(
            network, self.dataset, make_cost(self.cost, output=network.output), optimizer,
            training.epochs, np.random.default_rng(self.order_seed),
            batch_size=training.batch_size, record_steps=record_steps,
            keep_parameters=keep_parameters, work_marks=work_marks,
        )
        return StartedRun(self, records, network)

    def row(self, record: NeuronState | EpochRecord) -> tuple[float, ...]:
        """The history row (values of :attr:`columns`) of one epoch's record."""
        if self.kind == "neuron":
            return tuple(record[:8])
        return network_row(record)


@dataclass
class RunResult:
    """A finished (or diverged) run: its history columns, final values and timing."""

    name: str
    kind: str
    status: str
    message: str
    history: dict[str, np.ndarray]
    train_seconds: float
    samples: int
    samples_per_second: float
    final: dict[str, float] = field(default_factory=dict)


@dataclass
class ExperimentResult:
    experiment: Experiment
    runs: list[RunResult]
    dataset_name: str | None = None


def load_dataset(exp: Experiment, rng: np.random.Generator) -> Dataset:
    """The experiment's dataset, checked against ``network.layers``; a mismatch or a value
    the dataset cannot use raises ExperimentError naming the experiment file."""
    data = exp.data
    try:
        dataset = make_dataset(data.dataset, rng, **dataset_options(data))
    except DatasetError:
        raise
    except ValueError as exc:
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP("core", '%1: [data] dataset = "%2": %3'),
                                         exp.source, data.dataset, _reason(exc))) from None
    check_dataset_fits(exp, dataset)
    return dataset


def _reason(error: Exception) -> str:
    """An error's message, kept as a Message when it is one."""
    first = error.args[0] if error.args else None
    return first if isinstance(first, Message) else str(error)


def check_dataset_fits(exp: Experiment, dataset: Dataset) -> None:
    """Raise ExperimentError unless the first of ``network.layers`` is the dataset's number
    of inputs and the last its number of classes (for regression, of target values), and
    unless the data's targets are what ``data.task`` says; the message suggests layers that
    fit."""
    layers = exp.network.layers
    if dataset.task != exp.data.task:
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", '%1: data.task = "%2": the targets of dataset "%3" are for task = "%4"'),
            exp.source, exp.data.task, dataset.name, dataset.task))
    if layers[0] != dataset.n_features or layers[-1] != dataset.n_classes:
        wanted = [dataset.n_features, *layers[1:-1], dataset.n_classes]
        if dataset.is_regression:
            raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
                "core", '%1: network.layers = %2: dataset "%3" has inputs: %4, numbers to '
                "learn: %5; so the first layer must be %4 and the last %5 (e.g. %6)"),
                exp.source, show_value(list(layers)), dataset.name, dataset.n_features,
                dataset.n_classes, show_value(wanted)))
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", '%1: network.layers = %2: dataset "%3" has %4 inputs and %5 classes, so the '
            "first layer must be %4 and the last %5 (e.g. %6)"),
            exp.source, show_value(list(layers)), dataset.name, dataset.n_features,
            dataset.n_classes, show_value(wanted)))


# the batch size of each optimizer; "mini-batch" takes training.batch_size
_OPTIMIZER_BATCH_SIZES = {"batch": None, "sgd": 1}


def build_runs(exp: Experiment, dataset: Dataset | None = None) -> list[PreparedRun]:
    """One :class:`PreparedRun` per cost, or per value of ``exp.compare``, in order, all
    from the same start and data order; for a neuron experiment, one per start and cost
    (see :func:`~.experiment.neuron_runs`), each from its own start.

    ``dataset``, when given, is used instead of the experiment's own (and not drawn; see the
    module docstring); it must still fit ``network.layers`` (see :func:`check_dataset_fits`).
    """
    training = exp.training
    if exp.kind == "neuron":
        if dataset is not None:
            raise ValueError("a neuron experiment learns its one sample and takes no dataset")
        return [PreparedRun(name=run.name, cost=run.cost, kind="neuron", experiment=exp,
                            columns=NEURON_HISTORY_COLUMNS, samples_per_epoch=1,
                            neuron=dataclasses.replace(exp.neuron, w=run.w, b=run.b,
                                                       starts=()))
                for run in neuron_runs(exp)]
    rng = np.random.default_rng(exp.seed)
    if dataset is None:
        dataset = load_dataset(exp, rng)
    else:
        check_dataset_fits(exp, dataset)
    # settings that multiply into more memory than the machine can spare are refused here,
    # before any of it is allocated (the window then says so before Run)
    n_runs = len(training.costs) if exp.compare.setting == "cost" else len(exp.compare.values)
    check_memory(exp, len(dataset.x_train), len(dataset.x_test), n_runs)
    # the data in the network's precision once, shared by the runs (each run would
    # otherwise convert its own copy: 376 MB for MNIST's training set in float64)
    dtype = np.dtype(training.precision)
    dataset = as_precision(dataset, dtype)
    net = exp.network
    network = Network(net.layers, list(net.hidden_activations), output=net.output, dtype=dtype)
    # drawn in float64 and then rounded, so that both precisions start from the same numbers
    network.initialise(net.init, rng)
    order_seed = int(rng.integers(0, 2**63 - 1))
    setting = exp.compare.setting

    def prepared(value, cost: str, initial: Network, run_training: TrainingSettings):
        return PreparedRun(name=compared_value_name(setting, value), cost=cost, kind="network",
                           experiment=exp, columns=network_columns(network.n_layers),
                           samples_per_epoch=len(dataset.x_train), dataset=dataset,
                           initial_network=initial, order_seed=order_seed,
                           training=run_training, value=value)

    if setting == "cost":
        # each cost with its own learning rate where compare.learning_rates gives them
        return [prepared(cost, cost, network, dataclasses.replace(training, costs=(cost,),
                                                                  learning_rate=rate))
                for cost, rate in zip(training.costs, run_learning_rates(exp), strict=True)]
    cost = training.costs[0]
    one_cost = dataclasses.replace(training, costs=(cost,))
    runs = []
    for value in exp.compare.values:
        initial, run_training = network, one_cost
        if setting == "hidden_activation":
            initial = Network(net.layers, value, output=net.output, dtype=dtype)
            initial.parameters[...] = network.parameters
        elif setting == "optimizer":
            batch_size = (training.batch_size if value == "mini-batch"
                          else _OPTIMIZER_BATCH_SIZES[value])
            run_training = dataclasses.replace(one_cost, batch_size=batch_size)
        elif setting == "learning_rate":
            run_training = dataclasses.replace(one_cost, learning_rate=float(value))
        else:
            raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
                "core", "%1: compare.setting = %2: cannot be compared"), exp.source,
                show_value(setting)))
        runs.append(prepared(value, cost, initial, run_training))
    return runs


def neuron_histories(exp: Experiment,
                     max_rows: int = DEFAULT_MAX_ROWS) -> dict[str, NeuronHistory]:
    """Every run of the neuron experiment ``exp`` trained to the end, by run name in the
    order of :func:`~.experiment.neuron_runs` (what the window shows once they finish, e.g.
    for a headless export)."""
    if exp.kind != "neuron":
        raise ValueError(f"an experiment of kind {exp.kind!r} has no neuron runs")
    n, t = exp.neuron, exp.training
    return {run.name: train_neuron(n.x, n.y, run.w, run.b, run.cost, t.learning_rate,
                                   t.epochs, max_rows)
            for run in neuron_runs(exp)}


def execute_run(run: PreparedRun, max_rows: int = DEFAULT_MAX_ROWS) -> RunResult:
    """Drive one run to its end. Its history keeps every epoch of runs up to ``max_rows``
    rows, and evenly spaced epochs plus the last beyond that (see :mod:`.history`), so
    memory stays bounded however many epochs are asked for."""
    rows = History(run.columns, max_rows)
    last = None
    started = run.start()
    clock = time.perf_counter()
    for record in started.records:
        rows.append(run.row(record))
        last = record
    seconds = time.perf_counter() - clock
    table = rows.array()
    history = {name: table[:, i].copy() for i, name in enumerate(run.columns)}
    final: dict[str, float] = {name: float(table[-1, i]) for i, name in enumerate(run.columns)}
    for name in INTEGER_COLUMNS:
        if name in history:
            history[name] = history[name].astype(np.int64)
            final[name] = int(history[name][-1])
    if run.kind == "neuron":
        # one sample per epoch; a run that diverged at epoch k made k updates
        samples = int(last.epoch)
    else:
        samples = int(last.samples)
        final["steps"] = int(last.steps)
    return RunResult(
        name=run.name, kind=run.kind, status=last.status, message=last.message,
        history=history, train_seconds=seconds, samples=samples,
        samples_per_second=samples / seconds if seconds > 0 else math.inf,
        final=final,
    )


def run_experiment(exp: Experiment,
                   on_run_done: Callable[[RunResult], None] | None = None) -> ExperimentResult:
    """Build and run every run of ``exp`` to the end; ``on_run_done`` is called after each."""
    runs = build_runs(exp)
    results = []
    for run in runs:
        result = execute_run(run)
        results.append(result)
        if on_run_done is not None:
            on_run_done(result)
    dataset_name = runs[0].dataset.name if runs and runs[0].dataset is not None else None
    return ExperimentResult(exp, results, dataset_name)


# ---------------------------------------------------------------------------------------------
# Output files


def _number_text(value: float) -> str:
    # repr is the shortest text that reads back as the same float: exact and reproducible
    return repr(value)


def _whole_number_text(value: float) -> str:
    return str(int(value))


def write_history_csv(result: ExperimentResult, stream: TextIO) -> None:
    """Write history.csv to ``stream``: a ``run`` column (the run's name: its cost, its
    cost and start, "quadratic@2", or its compared value), then the history columns, one row
    per epoch of each run; epoch 0 is the start before any update.

    A network run's columns are ``epoch, updates, samples`` (whole numbers: the parameter
    updates and training samples so far), ``train_cost, train_accuracy, test_cost,
    test_accuracy``, ``gradient_norm_1`` … ``gradient_norm_L`` (‖∂C/∂W‖ of each weight layer
    on the whole training set) and ``zero_share_1`` … ``zero_share_(L−1)`` (the share of each
    hidden layer's outputs that are exactly 0); see :func:`~.training.network_columns`."""
    if not result.runs:
        return
    columns = list(result.runs[0].history)
    stream.write(",".join(["run", *columns]) + "\n")
    for run in result.runs:
        values = [run.history[name].tolist() for name in columns]
        texts = [_whole_number_text if name in INTEGER_COLUMNS else _number_text
                 for name in columns]
        for i in range(len(values[0])):
            cells = [run.name]
            cells.extend(text(column[i]) for text, column in zip(texts, values))
            stream.write(",".join(cells) + "\n")


def history_csv(result: ExperimentResult) -> str:
    """The text of history.csv (see :func:`write_history_csv`)."""
    buffer = io.StringIO()
    write_history_csv(result, buffer)
    return buffer.getvalue()


def _json_number(value: Any) -> Any:
    """JSON has no NaN or infinity: a diverged run's non-finite values become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def summary_dict(result: ExperimentResult) -> dict[str, Any]:
    """The content of summary.json."""
    runs = {}
    for run in result.runs:
        runs[run.name] = {
            "status": run.status,
            "message": run.message,
            "final": {key: _json_number(value) for key, value in run.final.items()},
            "train_seconds": run.train_seconds,
            "samples": run.samples,
            "samples_per_second": _json_number(run.samples_per_second),
        }
    summary = {
        "nnlab_version": NNLAB_VERSION,
        "kind": result.experiment.kind,
        "experiment": experiment_to_mapping(result.experiment),
        "runs": runs,
    }
    if result.dataset_name is not None:
        summary["dataset"] = result.dataset_name
    return summary


def write_results(result: ExperimentResult, out_dir: str | os.PathLike) -> tuple[Path, Path]:
    """Write ``history.csv`` and ``summary.json`` into ``out_dir`` (created if missing),
    all or nothing (see :func:`.files.write_folder`), and return their paths."""
    summary = json.dumps(summary_dict(result), indent=2, allow_nan=False) + "\n"

    def write_history(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            write_history_csv(result, stream)

    def write_summary(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(summary)

    history, summary_path = write_folder(out_dir, {HISTORY_FILE: write_history,
                                                   SUMMARY_FILE: write_summary})
    return history, summary_path
