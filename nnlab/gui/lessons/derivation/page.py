"""The derivation's page: seven steps from the quadratic cost's slow gradient to the
cross-entropy, each a typeset formula with the start's numbers beside a plot that follows it.

→ / ← (or Next / Back), Home and End walk through the steps; the start is one of the two
classic ones (the buttons under the plots, or the panel) or any w, b, x, y typed into the
panel. "Open the neuron lesson at this start" shows the one-neuron lesson training from it.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QWidget

from nnlab.core.derivation import CLASSIC_STARTS, Start, shown_starts
from nnlab.core.experiment import Experiment
from nnlab.core.presets import load_preset
from nnlab.gui.lessons.derivation.model import DerivationModel
from nnlab.gui.lessons.derivation.panel import DerivationPanel
from nnlab.gui.lessons.derivation.steps import (
    STEP_COUNT, DerivationFrame, derivation_frame, start_name, step_title,
)
from nnlab.gui.lessons.derivation.views.formulas import StepFormulas
from nnlab.gui.lessons.derivation.views.plot import StepPlotView
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.explainer_page import ExplainerPage
from nnlab.gui.page.course_page import RunActions
from nnlab.gui.text import fill, format_number

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: The presets of the classic starts, in the order of CLASSIC_STARTS: the neuron lesson opens
#: them as they are (with their names), any other start as the second one changed.
CLASSIC_PRESETS = ("neuron-0.6-0.9", "neuron-2-2")

#: The formulas stand beside the plot on a dashboard at least this many times as wide as it
#: is high, where each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere (a
#: 1024-pixel screen beside the lesson list and the panel) above it, both the whole width.
SIDE_BY_SIDE_ASPECT = 1.5
MIN_COLUMN_EMS = 18


def lesson_pages(views: dict[str, QWidget], side_by_side: bool) -> list[Page]:
    """One page: the formulas beside the plot, or above it."""
    title = translate("Dashboard", "Derivation")
    if side_by_side:
        return [(title, [[views["formula"], views["plot"]]])]
    return [(title, [[views["formula"]], [views["plot"]]])]


def neuron_experiment(start: Start) -> Experiment:
    """The one-neuron lesson's experiment that trains from ``start``, both costs side by
    side: a classic start's own preset, any other the saturated one's with this start."""
    for preset, classic in zip(CLASSIC_PRESETS, CLASSIC_STARTS):
        if start == classic:
            return load_preset(preset)
    experiment = load_preset(CLASSIC_PRESETS[-1])
    return dataclasses.replace(
        experiment, name="", description="",
        neuron=dataclasses.replace(experiment.neuron, w=start.w, b=start.b, x=start.x,
                                   y=start.y))


class StartBar(QWidget):
    """Under the plots: the two classic starts to choose from, and the button that opens
    the neuron lesson at the start on show."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.label = QLabel(self.tr("Start:"))
        self.classic = QButtonGroup(self)
        self.classic.setExclusive(False)  # a start of the user's leaves both unchecked
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label)
        for index, text in enumerate((self.tr("w = 0.6, b = 0.9"), self.tr("w = 2, b = 2"))):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the window's
            button.setToolTip(self.tr("A classic start, x = 1 and y = 0"))
            self.classic.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        self.open_neuron = QPushButton(self.tr("Open the neuron lesson at this start"))
        self.open_neuron.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_neuron.setToolTip(self.tr("Train a neuron from this start in the one-neuron "
                                            "lesson, both costs side by side"))
        layout.addWidget(self.open_neuron)

    def show_start(self, start: Start) -> None:
        for index, classic in enumerate(CLASSIC_STARTS):
            self.classic.button(index).setChecked(start == classic)


class DerivationPage(ExplainerPage):
    """The walkthrough (see the module docstring); ``session`` is its
    :class:`~nnlab.gui.lessons.derivation.model.DerivationModel`."""

    side_by_side_aspect = SIDE_BY_SIDE_ASPECT
    min_column_ems = MIN_COLUMN_EMS

    def __init__(self, actions: RunActions, session: DerivationModel | None = None,
                 parent=None):
        super().__init__(session if session is not None else DerivationModel(), actions,
                         parent)
        self.panel_title = self.tr("Start")
        self.views = {"formula": StepFormulas(), "plot": StepPlotView()}
        self.panel = DerivationPanel(self.session.start)
        self.panel.start_edited.connect(self.set_start)
        self.start_bar = StartBar()
        self.start_bar.classic.idClicked.connect(
            lambda index: self.set_start(CLASSIC_STARTS[index]))
        self.start_bar.open_neuron.clicked.connect(self.open_neuron_lesson)
        self.start_bar.show_start(self.session.start)
        self.dashboard = Dashboard(
            self.views, lambda projector: lesson_pages(self.views, self._side_by_side))
        self._set_up()

    def widgets_above_controls(self) -> list[QWidget]:
        return [self.start_bar]

    # -- the steps -------------------------------------------------------------------------
    def step_count(self) -> int:
        return STEP_COUNT

    def step_title(self, index: int) -> str:
        return step_title(index)

    def figure_steps(self) -> list[int]:
        return list(range(STEP_COUNT))

    # -- the start -------------------------------------------------------------------------
    def set_start(self, start: Start) -> None:
        """Show every step with the numbers of ``start``."""
        self.session.start = start
        self.model_changed()

    def model_changed(self) -> None:
        if self.panel.start != self.session.start:  # not while its own field is typed in
            self.panel.set_start(self.session.start)
        self.start_bar.show_start(self.session.start)
        self.redraw()

    def open_neuron_lesson(self) -> None:
        """The one-neuron lesson, training from the start on show."""
        self.lesson_wanted.emit("neuron", neuron_experiment(self.session.start))

    # -- what it shows ---------------------------------------------------------------------
    def current_frame(self) -> DerivationFrame:
        return derivation_frame(self.step_index, self.session.start)

    def numbers(self) -> dict:
        """Both classic starts, and the start on show if it is neither: w, b, x, y, z, a,
        σ′(z) and each cost's value and gradients."""
        return {"starts": [numbers.as_dict() for numbers in shown_starts(self.session.start)]}

    def status_text(self, frame: DerivationFrame) -> str:
        n = frame.numbers
        return fill(self.tr("Start %1: z = %2, a = %3, σ′(z) = %4"), start_name(n.start),
                    format_number(n.z), format_number(n.a), format_number(n.sigma_prime))

    def caption_text(self, frame: DerivationFrame) -> str:
        """The start and the step behind a figure, e.g. "start w = 2, b = 2 · step 3 of 7"."""
        return " · ".join((
            fill(self.tr("start %1"), start_name(frame.numbers.start)),
            fill(self.tr("step %1 of %2"), frame.step + 1, STEP_COUNT),
        ))
