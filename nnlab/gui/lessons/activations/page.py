"""The page of the lesson "Activation functions and vanishing gradients": five steps, each a
plot beside its words and formulas.

1. The five functions: their curves, a point and a tangent at the marked z.
2. Their slopes and saturation: the derivatives, where each is below the threshold, and
   each one's largest slope.
3. Depth: the most a product of n slopes can be, (1/4)ⁿ for the sigmoid; a button opens
   the preset deep-sigmoid-vs-relu in the lab.
4. Why non-linearity: linear layers make one linear map, one straight cut; buttons open the
   XOR presets (linear vs tanh hidden units) in the lab.
5. Why ReLU is cheap: each function and its slope timed on this computer (in the
   background, the first time the step is shown, or with Measure), and ReLU's zeros.

Each step is a page of the dashboard (its tab bar hidden: the step bar moves between them),
so a figure of any view can be exported whatever the step on show. The functions drawn and
the marked z are chosen under the plots.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from nnlab.core.activation_curves import ACTIVATION_NAMES
from nnlab.core.activation_timing import ratios_to, time_activations
from nnlab.core.presets import load_preset
from nnlab.gui.lessons.activations.controls import ControlBar
from nnlab.gui.lessons.activations.model import (
    COST, CURVES, DEEP_PRESET, DEEP_XOR_PRESET, DEPTH, SLOPES, STEP_COUNT,
    XOR_PRESET, ActivationsFrame, ActivationsModel, activations_frame,
)
from nnlab.gui.lessons.activations.panel import ActivationsPanel
from nnlab.gui.lessons.activations.views.curves import ActivationCurvesView, SlopeCurvesView
from nnlab.gui.lessons.activations.views.depth import DepthView
from nnlab.gui.lessons.activations.views.notes import (
    CostNotes, DefinitionsNotes, DepthNotes, LinearityNotes, SaturationNotes,
)
from nnlab.gui.lessons.activations.views.timing import TimingView
from nnlab.gui.lessons.activations.views.xor import XorView
from nnlab.gui.page.course_page import RunActions
from nnlab.gui.page.dashboard import Dashboard, Page
from nnlab.gui.page.explainer_page import ExplainerPage
from nnlab.gui.text import fill, format_number

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

#: Each step's plot and notes (view keys).
STEP_VIEWS = (("curves", "definitions"), ("slopes", "saturation"), ("depth", "depth_notes"),
              ("xor", "linearity_notes"), ("timing", "cost_notes"))

#: The notes stand beside the plot where the dashboard is at least this many times as wide
#: as it is high and each half is at least MIN_COLUMN_EMS font sizes wide; elsewhere under it.
SIDE_BY_SIDE_ASPECT = 1.3
MIN_COLUMN_EMS = 18
#: The share of the width the notes take beside the plot (their rows of names, formulas and
#: numbers need more than the plot), less on a dashboard at least WIDE_DASHBOARD pixels wide.
NOTES_SHARE = 0.55
WIDE_NOTES_SHARE = 0.45
WIDE_DASHBOARD = 1400


def step_title(index: int) -> str:
    titles = (translate("ActivationsPage", "the five functions"),
              translate("ActivationsPage", "their slopes and saturation"),
              translate("ActivationsPage", "depth: (1/4)ⁿ"),
              translate("ActivationsPage", "why a non-linearity"),
              translate("ActivationsPage", "why ReLU is cheap"))
    return titles[index]


class StepDashboard(Dashboard):
    """A page per step, without a tab bar: the step bar moves between them."""

    def arrange(self, projector: bool | None = None) -> None:
        super().arrange(projector)
        self.tabBar().hide()


class TimingJob(QRunnable):
    """Times the activations on a worker thread (:func:`time_activations`) and hands the
    results to ``signals.finished``."""

    class Signals(QObject):
        finished = Signal(object)

    def __init__(self):
        super().__init__()
        self.signals = TimingJob.Signals()

    def run(self) -> None:
        self.signals.finished.emit(tuple(time_activations()))


class ActivationsPage(ExplainerPage):
    """The lesson's page (see the module docstring); ``session`` is its
    :class:`~nnlab.gui.lessons.activations.model.ActivationsModel`."""

    side_by_side_aspect = SIDE_BY_SIDE_ASPECT
    min_column_ems = MIN_COLUMN_EMS

    #: the times have been measured (and are on show)
    timings_measured = Signal()

    def __init__(self, actions: RunActions, session: ActivationsModel | None = None,
                 parent=None):
        super().__init__(session if session is not None else ActivationsModel(), actions,
                         parent)
        self.panel_title = self.tr("Activation functions")
        self.views: dict[str, QWidget] = {
            "curves": ActivationCurvesView(), "definitions": DefinitionsNotes(),
            "slopes": SlopeCurvesView(), "saturation": SaturationNotes(),
            "depth": DepthView(), "depth_notes": DepthNotes(),
            "xor": XorView(), "linearity_notes": LinearityNotes(),
            "timing": TimingView(), "cost_notes": CostNotes(),
        }
        self.panel = ActivationsPanel()
        self.controls = ControlBar()
        self.controls.shown_toggled.connect(self.set_shown)
        self.controls.z_edited.connect(self.set_z)
        v = self.views
        v["depth_notes"].open_deep.clicked.connect(lambda: self.open_preset(DEEP_PRESET))
        v["linearity_notes"].open_xor.clicked.connect(lambda: self.open_preset(XOR_PRESET))
        v["linearity_notes"].open_deep_xor.clicked.connect(
            lambda: self.open_preset(DEEP_XOR_PRESET))
        v["cost_notes"].measure.clicked.connect(self.measure_timings)
        self._timing_signals: TimingJob.Signals | None = None  # while measuring
        self._side_by_side = True
        self.dashboard = StepDashboard(self.views, self._pages)
        self._set_up()
        self._show_state()

    # -- layout ----------------------------------------------------------------------------
    def _pages(self, projector: bool) -> list[Page]:
        pages = []
        for index, (plot, notes) in enumerate(STEP_VIEWS):
            plot, notes = self.views[plot], self.views[notes]
            notes.set_fills(self._side_by_side)
            rows = [[plot, notes]] if self._side_by_side else [[notes], [plot]]
            pages.append((step_title(index), rows))
        return pages

    def _share_width(self) -> None:
        """Beside the plot, the notes take NOTES_SHARE of the width (their rows of names,
        formulas and numbers need more than the plot does)."""
        share = NOTES_SHARE if self.dashboard.width() < WIDE_DASHBOARD else WIDE_NOTES_SHARE
        width = int(share * self.dashboard.width()) if self._side_by_side else 0
        for _, notes in STEP_VIEWS:
            self.views[notes].setMinimumWidth(width)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # the arrangement chosen for the new size
        self._share_width()

    def apply_theme(self, theme, projector: bool) -> None:
        self._choose_arrangement(theme)  # the notes' width for it, before they are arranged
        self._share_width()
        super().apply_theme(theme, projector)

    def widgets_above_controls(self) -> list[QWidget]:
        return [self.controls]

    # -- the steps -------------------------------------------------------------------------
    def step_count(self) -> int:
        return STEP_COUNT

    def step_title(self, index: int) -> str:
        return step_title(index)

    def set_step(self, index: int) -> None:
        super().set_step(index)
        self._show_state()

    def model_changed(self) -> None:
        self._show_state()
        self.redraw()

    def _show_state(self) -> None:
        """The step's page, the controls as the model has them (those the step uses), and
        the times measured the first time their step is shown."""
        step = self.step_index
        if self.dashboard.currentIndex() != step:
            self.dashboard.setCurrentIndex(step)
        self.controls.show_state(self.session.z, self.session.shown)
        self.controls.functions.setVisible(step in (CURVES, SLOPES, DEPTH))
        self.controls.marked.setVisible(step in (CURVES, SLOPES))
        if step == COST and self.session.timings is None:
            self.measure_timings()

    # -- the user's choices ----------------------------------------------------------------
    def set_z(self, z: float) -> None:
        self.session.set_z(z)
        self.model_changed()

    def set_shown(self, name: str, on: bool) -> None:
        self.session.set_shown(name, on)
        self.model_changed()

    def open_preset(self, name: str) -> None:
        """The lab, training preset ``name``."""
        self.lesson_wanted.emit("lab", load_preset(name))

    def measure_timings(self) -> None:
        """Time the activations on a worker thread (a few hundred ms: the window stays
        free); :attr:`timings_measured` says when they are on show."""
        if self._timing_signals is not None:
            return  # already measuring
        job = TimingJob()
        # the page keeps the job's signals: the pool deletes the job once it has run
        self._timing_signals = job.signals
        job.signals.finished.connect(self._on_timings)
        self.views["cost_notes"].measuring = self.views["timing"].measuring = True
        self.redraw()
        QThreadPool.globalInstance().start(job)

    @Slot(object)
    def _on_timings(self, timings) -> None:
        self._timing_signals = None
        self.views["cost_notes"].measuring = self.views["timing"].measuring = False
        self.session.timings = timings
        self.redraw()
        self.timings_measured.emit()

    # -- what it shows ---------------------------------------------------------------------
    def current_frame(self) -> ActivationsFrame:
        return activations_frame(self.session)

    def status_text(self, frame: ActivationsFrame) -> str:
        slopes = frame.points
        return fill(self.tr("z = %1 · slopes: sigmoid %2, tanh %3, ReLU %4"),
                    format_number(frame.z), format_number(slopes["sigmoid"][1]),
                    format_number(slopes["tanh"][1]), format_number(slopes["relu"][1]))

    def caption_text(self, frame: ActivationsFrame) -> str:
        return " · ".join((fill(self.tr("z = %1"), format_number(frame.z)),
                           fill(self.tr("step %1 of %2"), frame.step + 1, STEP_COUNT)))

    def numbers(self) -> dict:
        """The sampled curves (z, each function's value and slope, largest slope and
        saturated intervals), the marked z with each function's value and slope there, the
        depth bounds; the times only once measured, under a key that says they are this
        computer's."""
        frame = self.current_frame()
        first = frame.curves[ACTIVATION_NAMES[0]]
        numbers = {
            "z": first.z.tolist(),
            "saturation_threshold": frame.threshold,
            "curves": {name: {"value": curve.value.tolist(),
                              "derivative": curve.derivative.tolist(),
                              "max_derivative": curve.max_derivative,
                              "saturated": [list(interval) for interval in curve.saturated]}
                       for name, curve in frame.curves.items()},
            "z_marked": frame.z,
            "marked": {name: {"value": value, "slope": slope}
                       for name, (value, slope) in frame.points.items()},
            "depth": {"n": [int(n) for n in frame.depths],
                      **{f"{name}_bound": bound.tolist()
                         for name, bound in frame.bounds.items()}},
            "shown": list(frame.shown),
        }
        if frame.timings:
            ratios = ratios_to(frame.timings)
            numbers["timings_on_this_computer"] = {
                t.name: {"values": t.size, "value_ms": 1000 * t.value_seconds,
                         "derivative_ms": 1000 * t.derivative_seconds,
                         "value_ratio_to_relu": ratios[t.name][0],
                         "derivative_ratio_to_relu": ratios[t.name][1],
                         "zero_share": t.zero_share}
                for t in frame.timings}
        return numbers

    def shutdown(self) -> None:
        super().shutdown()
        if self._timing_signals is not None:
            self._timing_signals.finished.disconnect(self._on_timings)
            self._timing_signals = None

