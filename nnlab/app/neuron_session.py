"""The one-neuron lesson's session: a single sigmoid neuron, one run per cost, all from the
same start, or with several starts one run per start and cost (see :mod:`nnlab.app.session`
for what every session does)."""

from __future__ import annotations

import dataclasses
from typing import Iterable, Mapping

from ..core.experiment import Experiment, neuron_runs, validate_experiment
from ..core.neuron import NeuronHistory, state_rows
from ..core.runner import build_runs
from ..core.states import FINISHED
from .session import TrainingSession

DEFAULT_PRESET = "neuron-2-2"


class NeuronSession(TrainingSession):
    """The one-neuron lesson: one run per cost in ``training.costs``, all from the same
    start; with several ``neuron.starts``, one per start and cost ("quadratic@1", …, see
    :func:`~nnlab.core.experiment.neuron_runs`). Recorded in
    :class:`~nnlab.core.neuron.NeuronHistory`."""

    default_preset = DEFAULT_PRESET

    @property
    def run_names(self) -> tuple[str, ...]:
        """The runs shown, in order: the costs for one start, else each start's costs."""
        return tuple(run.name for run in neuron_runs(self._experiment))

    @property
    def costs(self) -> tuple[str, ...]:
        """The runs shown: the experiment's ``training.costs``."""
        return self._experiment.training.costs

    def set_costs(self, costs: Iterable[str]) -> None:
        """Show the runs of ``costs`` (e.g. ``("quadratic",)``); a reset. An unknown, repeated
        or missing cost raises ExperimentError naming ``training.costs``."""
        training = dataclasses.replace(self._experiment.training, costs=tuple(costs))
        self.set_experiment(validate_experiment(
            dataclasses.replace(self._experiment, training=training)))

    def load_finished(self, histories: Mapping[str, NeuronHistory]) -> None:
        """Show finished runs computed elsewhere (e.g. headless, for export) instead of
        training: the experiment's own runs by name (see
        :func:`~nnlab.core.runner.neuron_histories`), or runs named by their costs alone,
        which then become :attr:`costs`."""
        self._close_process()
        names = tuple(histories)
        experiment_changed = names != self.run_names
        if experiment_changed:  # one start (the first), one run per cost
            experiment = self._experiment
            self._experiment = dataclasses.replace(
                experiment, neuron=dataclasses.replace(experiment.neuron, starts=()),
                training=dataclasses.replace(experiment.training, costs=names))
        self._runs_version += 1
        self.histories = dict(histories)
        self._fresh = False
        self._set_state(FINISHED)
        self.data_changed.emit()
        if experiment_changed:
            self.experiment_changed.emit()

    def _process_runs(self) -> list:
        return build_runs(self._experiment)

    _to_rows = staticmethod(state_rows)

    def _empty_histories(self) -> dict[str, NeuronHistory]:
        return {name: NeuronHistory() for name in self.run_names}

    @staticmethod
    def _check_kind(experiment: Experiment) -> None:
        if experiment.kind != "neuron":
            raise ValueError(f"the lesson session trains a single neuron, not an experiment "
                             f"of kind {experiment.kind!r}")
