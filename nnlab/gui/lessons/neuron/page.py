"""The one-neuron lesson's page: quadratic vs cross-entropy, side by side, live.

The page owns no training: a :class:`~nnlab.app.neuron_session.NeuronSession` trains in its
training process and appends what arrives to its histories. What every lesson's page shares
(display timer, run controls, timeline, export) is in :mod:`nnlab.gui.page`; this module adds
the lesson's views, its panel and what its frame, its status line and its captions say.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from nnlab.app.frames import NeuronFrame, RunFrame, empty_columns
from nnlab.app.neuron_session import NeuronSession
from nnlab.core.presets import load_preset
from nnlab.core.states import DIVERGED, RUNNING
from nnlab.gui.lessons.neuron.panel import ExperimentPanel
from nnlab.gui.lessons.neuron.views.breakdown import BreakdownView
from nnlab.gui.lessons.neuron.views.curves import CostPlot, GradientPlot, OutputPlot
from nnlab.gui.lessons.neuron.views.sigmoid import SigmoidView
from nnlab.gui.lessons.neuron.views.surface import SurfaceView
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.lesson_page import LessonPage, RunActions
from nnlab.gui.text import cost_label, fill, format_number
from nnlab.gui.views.epoch_plot import link_epoch_axes

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate


def lesson_pages(views: dict[str, QWidget], projector: bool) -> list[Page]:
    """One page of six in normal mode; in projector mode, with large fonts, two pages
    ("Learning" and "Gradient and surface") so nothing is squeezed."""
    v = views
    if projector:
        return [
            (translate("Dashboard", "Learning"), [[v["sigmoid"], v["gradient"]],
                                           [v["output"], v["cost"]]]),
            (translate("Dashboard", "Gradient and surface"), [[v["breakdown"], v["surface"]]]),
        ]
    return [(translate("Dashboard", "Lesson"), [[v["sigmoid"], v["cost"], v["output"]],
                                         [v["breakdown"], v["gradient"], v["surface"]]])]


class NeuronPage(LessonPage):
    """The lesson on one page: live plots, sigmoid, breakdown, surface, run controls and
    timeline; the experiment panel in the window's dock."""

    experiment_file_name = "lesson.toml"

    def __init__(self, actions: RunActions, session: NeuronSession | None = None,
                 parent=None):
        super().__init__(session if session is not None else NeuronSession(), actions, parent)
        self.session.setParent(self)
        self.panel_title = self.tr("Experiment")

        self.views = {
            "sigmoid": SigmoidView(),
            "cost": CostPlot(),
            "output": OutputPlot(),
            "gradient": GradientPlot(),
            "breakdown": BreakdownView(),
            "surface": SurfaceView(),
        }
        link_epoch_axes([self.views["cost"], self.views["output"], self.views["gradient"]])
        self.views["sigmoid"].start_changed.connect(self._on_start_chosen)
        self.views["surface"].start_picked.connect(self._on_start_chosen)

        self.panel = ExperimentPanel(self.session.experiment)
        self.panel.experiment_edited.connect(self._on_experiment_edited)
        self.dashboard = Dashboard(self.views, lambda projector: lesson_pages(self.views,
                                                                              projector))
        self.presets_menu = QMenu(self.tr("Classic start"), self)
        self.presets_menu.addAction(self.tr("w = 0.6, b = 0.9 (a = 0.82)"),
                                    lambda: self.load_preset_named("neuron-0.6-0.9"))
        self.presets_menu.addAction(self.tr("w = 2, b = 2 (a = 0.98)"),
                                    lambda: self.load_preset_named("neuron-2-2"))
        self._set_up()

    def menu_items(self) -> dict[str, list]:
        return {"run": [self.presets_menu]}

    def _on_start_chosen(self, w: float, b: float) -> None:
        # rounded so the fields read well; the lesson does not need more digits
        self.panel.set_start(round(w, 3), round(b, 3))

    def load_preset_named(self, name: str) -> None:
        self.session.set_experiment(load_preset(name))

    def run_label(self, name: str) -> str:
        return cost_label(name)

    def run_key(self) -> list[tuple[str, str]]:
        return [(cost_label(name), self.theme.run_color(name).name())
                for name in self.session.costs]

    def current_frame(self) -> NeuronFrame:
        """The frame the views show now (also what exports and captions describe)."""
        exp = self.session.experiment
        shown = self.shown_epoch()
        runs = []
        for name in self.session.costs:
            history = self.session.histories.get(name)
            if history is None or len(history) == 0:
                runs.append(RunFrame(name, cost_label(name), empty_columns(), -1))
                continue
            runs.append(RunFrame(name, cost_label(name), history.view(),
                                 self.session.row_for_epoch(name, shown),
                                 history.status, history.message))
        n = exp.neuron
        return NeuronFrame(x=n.x, y=n.y, w0=n.w, b0=n.b,
                           learning_rate=exp.training.learning_rate,
                           epochs=exp.training.epochs, runs=tuple(runs),
                           shown_epoch=shown, live=self._live,
                           training=self.session.state == RUNNING)

    def caption_text(self, frame: NeuronFrame) -> str:
        return caption_text(frame)

    def status_text(self, frame: NeuronFrame) -> str:
        parts = [fill(self.tr("Epoch %1 of %2"), frame.shown_epoch, frame.epochs)]
        for run in frame.runs:
            if run.index < 0:
                continue
            if self.projector_mode:  # large letters: only what the room must see
                text = fill(self.tr("%1: a = %2"), run.label, format_number(run.value("a")))
            else:
                text = fill(self.tr("%1: C = %2, a = %3"), run.label,
                            format_number(run.value("cost")), format_number(run.value("a")))
            if run.status == DIVERGED:
                text += " — " + self.tr("diverged")
            parts.append(text)
        return "   ·   ".join(parts)


def caption_text(frame: NeuronFrame) -> str:
    """The settings behind a figure, in one line, e.g.
    "Costs: quadratic, cross-entropy · start w = 2, b = 2 · η = 0.15 · epoch 150 of 300"."""
    names = [run.label or run.name for run in frame.runs]
    costs = ", ".join(names) if names else translate("export", "none")
    parts = (
        fill(translate("export", "Costs: %1"), costs),
        fill(translate("export", "start w = %1, b = %2"), format_number(frame.w0),
             format_number(frame.b0)),
        fill(translate("export", "η = %1"), format_number(frame.learning_rate)),
        fill(translate("export", "epoch %1 of %2"), int(frame.shown_epoch), int(frame.epochs)),
    )
    return " · ".join(parts)
