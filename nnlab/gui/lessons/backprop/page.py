"""The page of "Backpropagation one number at a time": the 3-2-3 network drawn with every weight
on it beside the step's typeset formulas, fourteen steps from the forward pass to the lower
loss after one update; and a second tab, "Train on", with batch, stochastic and mini-batch
descent from the same start.

→ / ← (or Next / Back), Home and End walk through the steps. A click on a weight, bias or
input in the diagram types a new value; the panel holds the sample, η, the bias switch, a
random start from a seed and the comparison's settings. Reset (R) brings the lesson's
defaults back.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QScrollArea, QWidget

from nnlab.core.backprop_steps import VALUE_RULE
from nnlab.gui.lessons.backprop.model import BackpropModel
from nnlab.gui.lessons.backprop.panel import BackpropPanel
from nnlab.gui.lessons.backprop.steps import (
    STEP_COUNT, BackpropFrame, backprop_frame, step_title,
)
from nnlab.gui.lessons.backprop.views.descent import DescentPlot
from nnlab.gui.lessons.backprop.views.formulas import StepFormulas
from nnlab.gui.lessons.backprop.views.network import NetworkDiagram
from nnlab.gui.page.course_page import RunActions
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.explainer_page import ExplainerPage
from nnlab.gui.text import fill, format_number
from nnlab.gui.widgets.fields import check_number

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: The diagram stands beside the formulas on a dashboard at least this many times as wide as
#: it is high, where each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere above
#: them.
SIDE_BY_SIDE_ASPECT = 1.45
MIN_COLUMN_EMS = 24
#: In projector mode, with the diagram above the formulas, the formulas' share of the height
#: (their large type needs it more than the diagram, whose labels shrink to fit).
PROJECTOR_FORMULA_SHARE = 0.6


def lesson_pages(views: dict[str, QWidget], side_by_side: bool) -> list[Page]:
    """The walkthrough (the diagram beside or above the formulas), and the descent plot."""
    walkthrough = ([[views["network"], views["formula"]]] if side_by_side
                   else [[views["network"]], [views["formula"]]])
    return [(translate("Dashboard", "Backpropagation"), walkthrough),
            (translate("Dashboard", "Train on"), [[views["descent"]]])]


class BackpropPage(ExplainerPage):
    """The lesson's page (see the module docstring); ``session`` is its
    :class:`~nnlab.gui.lessons.backprop.model.BackpropModel`."""

    side_by_side_aspect = SIDE_BY_SIDE_ASPECT
    min_column_ems = MIN_COLUMN_EMS

    def __init__(self, actions: RunActions, session: BackpropModel | None = None, parent=None):
        super().__init__(session if session is not None else BackpropModel(), actions, parent)
        self.panel_title = self.tr("Network and sample")
        self.views = {"network": NetworkDiagram(), "formula": StepFormulas(),
                      "descent": DescentPlot()}
        #: how long the last training of the three methods took, in seconds
        self.descent_seconds = 0.0
        self.views["network"].value_edited.connect(self._on_value_typed)
        self.random_action = QAction(self.tr("Random start"), self)
        self.random_action.setToolTip(self.tr("Weights and biases drawn from the panel's seed"))
        self.random_action.triggered.connect(
            lambda *_: self.random_start(self.panel.seed.value()))
        self.panel = BackpropPanel(actions.reset)
        self.panel.input_edited.connect(self._on_input_edited)
        self.panel.eta_edited.connect(self._on_eta_edited)
        self.panel.target_chosen.connect(self._on_target_chosen)
        self.panel.biases_toggled.connect(self.set_use_biases)
        self.panel.random_start_wanted.connect(self.random_start)
        self.panel.x_axis_chosen.connect(self.set_x_axis)
        self.panel.mini_batch_chosen.connect(self._on_mini_batch_chosen)
        self.dashboard = Dashboard(
            self.views, lambda projector: lesson_pages(self.views, self._side_by_side))
        self.dashboard.currentChanged.connect(self._on_tab_changed)
        self._set_up()
        self._show_model()

    # -- layout ----------------------------------------------------------------------------
    def _views_arranged(self) -> None:
        self._share_height()

    def _share_height(self) -> None:
        """The diagram above the formulas: half the height each, in projector mode
        PROJECTOR_FORMULA_SHARE for the formulas."""
        grid = self.dashboard.widget(0).layout()
        if self._side_by_side or grid.rowCount() < 2:
            return
        formulas = round(10 * PROJECTOR_FORMULA_SHARE) if self.projector_mode else 5
        grid.setRowStretch(0, 10 - formulas)
        grid.setRowStretch(1, formulas)

    def _on_tab_changed(self, index: int) -> None:
        """On the tab "Train on", its settings come into view in a panel that scrolls."""
        if index != 1:
            return
        scroll = self.panel.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:
            scroll.ensureWidgetVisible(self.panel.train_group)

    def show_training(self) -> None:
        """The tab "Train on"."""
        self.dashboard.setCurrentIndex(1)

    # -- the steps -------------------------------------------------------------------------
    def step_count(self) -> int:
        return STEP_COUNT

    def step_title(self, index: int) -> str:
        return step_title(index)

    def figure_steps(self) -> list[int]:
        return list(range(STEP_COUNT))

    # -- what it shows ---------------------------------------------------------------------
    def current_frame(self) -> BackpropFrame:
        descent = None
        if self.views["descent"].isVisible():  # trained only when the plot is on show
            started = time.perf_counter()
            histories = self.session.descent()
            if time.perf_counter() - started > 0.005:  # trained now, not taken as it was
                self.descent_seconds = time.perf_counter() - started
            descent = (histories, self.session.x_axis)
        return backprop_frame(self.step_index, self.session.numbers(), descent)

    def numbers(self) -> dict:
        """Every number of the walkthrough, by the names of ``numbers.json``."""
        return self.session.numbers().as_dict()

    def status_text(self, frame: BackpropFrame) -> str:
        n = frame.numbers
        if self.projector_mode:  # large letters: the loss before and after only
            return fill(self.tr("ℒ = %1, after one update ℒ′ = %2"), format_number(n.loss),
                        format_number(n.loss_after))
        return fill(self.tr("ℒ = %1, after one update ℒ′ = %2 (η = %3) · largest |gradient − "
                            "finite difference| = %4"),
                    format_number(n.loss), format_number(n.loss_after),
                    format_number(n.example.eta), format_number(n.largest_difference, 2))

    def caption_text(self, frame: BackpropFrame) -> str:
        e = frame.example
        parts = [f"x = ({', '.join(format_number(v) for v in e.x)})",
                 f"y = ({', '.join(format_number(v) for v in e.y)})",
                 f"η = {format_number(e.eta)}",
                 fill(self.tr("step %1 of %2"), frame.step + 1, STEP_COUNT)]
        if not e.use_biases:
            parts.insert(3, self.tr("no biases"))
        return " · ".join(parts)

    def menu_items(self) -> dict[str, list]:
        return {"run": [self.random_action]}

    # -- changes ---------------------------------------------------------------------------
    def model_changed(self) -> None:
        self._show_model()
        self.redraw()

    def _show_model(self) -> None:
        s = self.session
        self.panel.show_model(s.example, s.seed, s.x_axis, s.mini_batch)

    def _on_value_typed(self, name: str, text: str) -> None:
        """A value typed into the diagram: taken, or refused with the reason under it."""
        diagram = self.views["network"]
        label = (self.tr("Input") if name.startswith("x") else
                 self.tr("Bias") if name.startswith("b") else self.tr("Weight"))
        value, reason = check_number(text, VALUE_RULE, label, key=name)
        if value is None:
            diagram.show_error(reason)
            self.status_message.emit(reason, 6000)
            return
        diagram.close_editor()
        self.set_value(name, float(value))

    def set_value(self, name: str, value: float) -> None:
        """A weight, bias or input of the example."""
        self.session.set_value(name, value)
        self.model_changed()

    def _on_input_edited(self, name: str, value: float) -> None:
        self.session.set_value(name, value)
        self.redraw()

    def _on_eta_edited(self, eta: float) -> None:
        self.session.set_eta(eta)
        self.redraw()

    def _on_target_chosen(self, cls: int) -> None:
        self.session.set_target(cls)
        self.model_changed()

    def set_use_biases(self, on: bool) -> None:
        self.session.set_use_biases(on)
        self.model_changed()

    def random_start(self, seed: int) -> None:
        """Weights and biases drawn from ``seed``."""
        self.session.random_start(seed)
        self.model_changed()

    def set_x_axis(self, axis: str) -> None:
        self.session.set_x_axis(axis)
        self.model_changed()

    def _on_mini_batch_chosen(self, size: int) -> None:
        self.session.set_mini_batch(size)
        self.model_changed()
