"""The one-neuron lesson's page: quadratic vs cross-entropy, side by side, live; with several
starts, every start under every cost (the lecture notes' two experiments on one plot).

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
from nnlab.core.experiment import neuron_run_parts
from nnlab.core.presets import load_preset
from nnlab.core.states import DIVERGED, RUNNING
from nnlab.gui.lessons.neuron.panel import ExperimentPanel
from nnlab.gui.lessons.neuron.views.breakdown import BreakdownView
from nnlab.gui.lessons.neuron.views.curves import CostPlot, GradientPlot, OutputPlot
from nnlab.gui.lessons.neuron.views.run_style import (
    run_colour, run_glyph, run_label, short_run_label,
)
from nnlab.gui.lessons.neuron.views.sigmoid import SigmoidView
from nnlab.gui.lessons.neuron.views.surface import SurfaceView
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.course_page import RunActions
from nnlab.gui.page.lesson_page import LessonPage
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
        self.views["sigmoid"].other_start_changed.connect(self._on_other_start_chosen)
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
        self.presets_menu.addSeparator()
        self.presets_menu.addAction(self.tr("Both starts, quadratic cost (the notes' figure)"),
                                    lambda: self.load_preset_named("neuron-two-starts"))
        self.presets_menu.addAction(
            self.tr("Both starts, both costs (four runs)"),
            lambda: self.load_preset_named("neuron-two-starts-both-costs"))
        self._set_up()
        # with several starts the key under the plots names the runs (see legends_on_screen)
        self.session.experiment_changed.connect(lambda: self.set_legends_visible(None))

    def menu_items(self) -> dict[str, list]:
        return {"run": [self.presets_menu]}

    def _on_start_chosen(self, w: float, b: float) -> None:
        # rounded so the fields read well; the lesson does not need more digits
        self.panel.set_start(round(w, 3), round(b, 3))

    def _on_other_start_chosen(self, index: int, w: float, b: float) -> None:
        self.panel.set_start(round(w, 3), round(b, 3), index)

    def load_preset_named(self, name: str) -> None:
        self.session.set_experiment(load_preset(name))

    @property
    def several_starts(self) -> bool:
        return len(self.session.experiment.neuron.start_points) > 1

    def legends_on_screen(self, projector: bool) -> bool:
        # with several starts, four long entries covered much of a small plot: the key under
        # the plots names every run, with its start's line and marker (exports show legends)
        return not projector and not self.several_starts

    def run_label(self, name: str) -> str:
        return run_label(name, self.session.experiment.neuron.start_points)

    def run_key(self) -> list[tuple]:
        """(label, colour name) of each run; with several starts (cost, colour name, the
        start's line and marker, the start), a line per start in the key."""
        starts = self.session.experiment.neuron.start_points
        if len(starts) == 1:
            return [(cost_label(name), self.theme.run_color(name).name())
                    for name in self.session.run_names]
        key = []
        for name in self.session.run_names:
            cost, index = neuron_run_parts(name)
            w, b = starts[index]
            start = fill(self.tr("start %1 (w = %2, b = %3)"), index + 1, format_number(w),
                         format_number(b))
            key.append((cost_label(cost), run_colour(self.theme, name).name(),
                        run_glyph(name), start))
        return key

    def current_frame(self) -> NeuronFrame:
        """The frame the views show now (also what exports and captions describe)."""
        exp = self.session.experiment
        shown = self.shown_epoch()
        runs = []
        for name in self.session.run_names:
            history = self.session.histories.get(name)
            label = self.run_label(name)
            if history is None or len(history) == 0:
                runs.append(RunFrame(name, label, empty_columns(), -1))
                continue
            runs.append(RunFrame(name, label, history.view(),
                                 self.session.row_for_epoch(name, shown),
                                 history.status, history.message))
        n = exp.neuron
        return NeuronFrame(x=n.x, y=n.y, w0=n.w, b0=n.b,
                           learning_rate=exp.training.learning_rate,
                           epochs=exp.training.epochs, runs=tuple(runs),
                           shown_epoch=shown, live=self._live,
                           training=self.session.state == RUNNING, starts=n.starts)

    def caption_text(self, frame: NeuronFrame) -> str:
        return caption_text(frame)

    def status_text(self, frame: NeuronFrame) -> str:
        parts = [fill(self.tr("Epoch %1 of %2"), frame.shown_epoch, frame.epochs)]
        several = len(frame.start_points) > 1
        if several and self.projector_mode:
            return parts[0]  # large letters: the key and the plots name the runs
        for run in frame.runs:
            if run.index < 0:
                continue
            if several:  # the runs by cost and start's number: the key has their starts
                text = fill(self.tr("%1: a = %2"), short_run_label(run.name),
                            format_number(run.value("a")))
            elif self.projector_mode:  # large letters: only what the room must see
                text = fill(self.tr("%1: a = %2"), run.label, format_number(run.value("a")))
            else:
                text = fill(self.tr("%1: C = %2, a = %3"), run.label,
                            format_number(run.value("cost")), format_number(run.value("a")))
            if run.status == DIVERGED:
                text += " — " + self.tr("diverged")
            parts.append(text)
        text = "   ·   ".join(parts)
        if several and self.fontMetrics().horizontalAdvance(text) > self.window().width() - 20:
            # four runs do not fit the status line of a narrow window: the breakdown has them
            return parts[0]
        return text


def caption_text(frame: NeuronFrame) -> str:
    """The settings behind a figure, in one line, e.g.
    "Costs: quadratic, cross-entropy · start w = 2, b = 2 · η = 0.15 · epoch 150 of 300", or
    with several starts "… · start 1: w = 0.6, b = 0.9; start 2: w = 2, b = 2 · …"."""
    names = []
    for run in frame.runs:
        cost = frame.cost_of(run.name)
        name = (run.label or run.name) if cost == run.name else cost_label(cost)
        if name not in names:
            names.append(name)
    costs = ", ".join(names) if names else translate("export", "none")
    if len(frame.start_points) == 1:
        start = fill(translate("export", "start w = %1, b = %2"), format_number(frame.w0),
                     format_number(frame.b0))
    else:
        start = "; ".join(fill(translate("export", "start %1: w = %2, b = %3"), index + 1,
                               format_number(w), format_number(b))
                          for index, (w, b) in enumerate(frame.start_points))
    parts = (
        fill(translate("export", "Costs: %1"), costs),
        start,
        fill(translate("export", "η = %1"), format_number(frame.learning_rate)),
        fill(translate("export", "epoch %1 of %2"), int(frame.shown_epoch), int(frame.epochs)),
    )
    return " · ".join(parts)
