"""The page of a lesson that explains rather than trains: a table to edit, a derivation to
walk through. It answers the course window as a training lesson's page does, so the window,
its menus, projector mode and figure export treat every lesson alike.

What differs from :class:`~nnlab.gui.page.lesson_page.LessonPage`:

- There is no session. ``self.session`` is the lesson's *model*, a plain object with what
  the page shows (the table's rows, the step on show), which outlives the page when the
  language changes and the window makes the page again.
- Nothing runs: Run is off while the page is on show. Reset brings the lesson's defaults back.
- A lesson of steps (``step_count()`` > 0) shows a step bar (Back, "Step k of n", Next):
  → and Step show the next step, ← the one before, Home the first and End the last, as
  they move the timeline of a training lesson.
- ``numbers()``: what the page shows as plain numbers, written to ``numbers.json`` by
  ``nnlab export --lesson``; ``figure_steps()``: the steps a headless export draws one
  figure each of.
- A lesson whose views stand side by side on a wide dashboard and one above the other
  elsewhere sets ``side_by_side_aspect`` and ``min_column_ems``: the page chooses the
  arrangement (``self._side_by_side``) as it is resized or themed, and its ``pages_for``
  lays the views out for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from nnlab.gui.page.course_page import CoursePage, RunActions
from nnlab.gui.text import fill
from nnlab.gui.theme import NORMAL

#: explicit contexts: a page class's self.tr would look the texts up under its own name
translate = QCoreApplication.translate


class StepBar(QWidget):
    """Back, where the walkthrough is ("Step 3 of 7: the chain rule"), Next."""

    back_clicked = Signal()
    next_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.back = QPushButton(translate("ExplainerPage", "← Back"))
        self.back.setToolTip(translate("ExplainerPage", "The step before (Left arrow)"))
        self.next = QPushButton(translate("ExplainerPage", "Next →"))
        self.next.setToolTip(translate("ExplainerPage", "The next step (Right arrow)"))
        for button in (self.back, self.next):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the window's
        self.back.clicked.connect(self.back_clicked)
        self.next.clicked.connect(self.next_clicked)
        self.label = QLabel()
        self.label.setObjectName("step_label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.back)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.next)

    def show_step(self, index: int, count: int, title: str) -> None:
        self.label.setText(fill(translate("ExplainerPage", "Step %1 of %2: %3"),
                                index + 1, count, title))
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < count - 1)


class ExplainerPage(CoursePage):
    """The page of a lesson without training (see the module docstring). A subclass makes
    ``self.views``, ``self.panel`` (a widget for the settings dock), ``self.panel_title``
    and ``self.dashboard``, calls :meth:`_set_up`, and says what a frame is, what the status
    line and a figure's caption say, and, for a lesson of steps, how many there are and
    what each is called."""

    #: Views side by side where the dashboard is at least this many times as wide as it is
    #: high and each half at least ``min_column_ems`` font sizes wide (see
    #: :meth:`side_by_side_fits`); None: the lesson has one arrangement.
    side_by_side_aspect: float | None = None
    min_column_ems = 0.0

    def __init__(self, model, actions: RunActions, parent=None):
        super().__init__(model, actions, parent)
        self.step_bar: StepBar | None = None
        #: whether the views stand side by side now (see side_by_side_aspect)
        self._side_by_side = False

    def _set_up(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.dashboard, 1)
        for widget in self.widgets_above_controls():
            layout.addWidget(widget)
        if self.step_count() > 0:
            self.step_bar = StepBar()
            self.step_bar.back_clicked.connect(self.step_back)
            self.step_bar.next_clicked.connect(self.step)
            layout.addWidget(self.step_bar)
        self.dashboard.currentChanged.connect(lambda *_: self.redraw())
        self._install_view_menus()

    # -- what a lesson says ----------------------------------------------------------------
    def current_frame(self):
        """What the views draw now (the model itself will often do)."""
        return self.session

    def status_text(self, frame) -> str:
        return ""

    def caption_text(self, frame) -> str:
        return ""

    def step_count(self) -> int:
        """How many steps the lesson walks through (0: it has none)."""
        return 0

    def step_title(self, index: int) -> str:
        return ""

    @property
    def step_index(self) -> int:
        return getattr(self.session, "step", 0)

    def set_step(self, index: int) -> None:
        """Show step ``index`` (clamped to the steps there are)."""
        count = self.step_count()
        if count == 0:
            return
        self.session.step = max(0, min(int(index), count - 1))
        self.redraw()

    # -- the window's commands -------------------------------------------------------------
    def activate(self) -> None:
        self._active = True
        self.actions.run.setText(translate("LessonPage", "Run"))
        self.actions.run.setEnabled(False)
        self.actions.step.setEnabled(self.step_count() > 0)
        self.actions.reset.setEnabled(True)
        self.redraw()

    def deactivate(self) -> bool:
        self._active = False
        return False

    def retire(self) -> None:
        self._active = False

    def take_timeline(self, other) -> None:
        """Nothing to take: the model (``session``), with the step on show, moved over."""

    def shutdown(self) -> None:
        self._active = False

    def apply_theme(self, theme, projector: bool) -> None:
        self._choose_arrangement(theme)  # the dashboard is arranged for it next
        self._theme_views(theme, projector)
        self.redraw()
        self._views_arranged()

    # -- side by side or one above the other -----------------------------------------------
    def side_by_side_fits(self, theme) -> bool:
        """Whether the dashboard is wide enough for the views side by side in ``theme``'s
        type (see side_by_side_aspect)."""
        size = self.dashboard.size()
        em = (theme or NORMAL).font_point_size * self.logicalDpiY() / 72.0
        return (size.width() >= self.side_by_side_aspect * size.height()
                and size.width() / 2 >= self.min_column_ems * em)

    def _choose_arrangement(self, theme) -> bool:
        """Choose whether the views stand side by side; True when that changed."""
        if self.side_by_side_aspect is None:
            return False
        side_by_side = self.side_by_side_fits(theme)
        changed = side_by_side != self._side_by_side
        self._side_by_side = side_by_side
        return changed

    def _views_arranged(self) -> None:
        """The dashboard was laid out again (for another theme, or another arrangement
        after a resize): what the lesson adjusts in its pages."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._choose_arrangement(self.theme):
            self.dashboard.arrange()
            self._views_arranged()

    @Slot()
    def toggle_run(self) -> None:
        """Nothing trains here (Run is off; its key does nothing)."""

    @Slot()
    def step(self) -> None:
        self.set_step(self.step_index + 1)

    @Slot()
    def step_back(self) -> None:
        self.set_step(self.step_index - 1)

    @Slot(int)
    def show_epoch(self, epoch: int) -> None:
        """Home: the first step."""
        self.set_step(epoch)

    @Slot()
    def follow_live(self) -> None:
        """End: the last step."""
        self.set_step(self.step_count() - 1)

    @Slot()
    def reset(self) -> None:
        """The lesson's defaults again."""
        reset = getattr(self.session, "reset", None)
        if reset is not None:
            reset()
        self.model_changed()

    def model_changed(self) -> None:
        """The model changed (an edit, a reset): the panel and the views show it."""
        self.redraw()

    # -- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.theme is None:
            return  # not themed yet: apply_theme draws
        frame = self.current_frame()
        for view in self.views.values():
            view.update_frame(frame)
        if self.step_bar is not None:
            index = self.step_index
            self.step_bar.show_step(index, self.step_count(), self.step_title(index))
        self.frame_drawn.emit(0.0)
        if self._active:
            self.status_message.emit(self.status_text(frame), 0)
