"""A lesson's page: the views of a training session, its settings panel, its run controls and
timeline, in the course window.

:class:`LessonPage` owns no training. A session (:mod:`nnlab.app.session`) trains in a
process of its own and appends what arrives to its histories; the page's
:class:`~nnlab.gui.page.frame_scheduler.FrameScheduler` turns them into one immutable frame
whenever something changed and hands it to every view. The page answers the course window's
commands (run, step, reset, the timeline, the speed), takes the window's theme, and says
what its status line and the captions of its figures say; exporting its views is
:class:`~nnlab.gui.page.figure_export.FigureExport`'s.

A lesson's page class makes the views (``self.views``, key → view), the settings panel
(``self.panel``) and the dashboard that arranges them, calls :meth:`_set_up`, and says what a
frame is (:meth:`current_frame`), what the status line and a figure's caption say, and which
menu entries of its own it adds (the hooks of :class:`~nnlab.gui.page.course_page.CoursePage`,
which every lesson's page is).
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Slot
from PySide6.QtWidgets import QMessageBox, QVBoxLayout

from nnlab.core.experiment import Experiment, ExperimentError
from nnlab.core.states import DIVERGED, FINISHED, RUNNING
from nnlab.gui.page.course_page import CoursePage, RunActions
from nnlab.gui.page.frame_scheduler import FrameScheduler
from nnlab.gui.text import fill, translated
from nnlab.gui.widgets.run_controls import RunControls



#: explicit contexts: a page class's self.tr would look the texts up under its own name
translate = QCoreApplication.translate

WARM_UP_DELAY_MS = 1000
"""How long after a page is shown its session's training process is started."""


class LessonPage(CoursePage):
    """The page of a lesson that trains runs (see the module docstring)."""

    #: file name offered when saving an experiment
    experiment_file_name = "experiment.toml"

    def __init__(self, session, actions: RunActions, parent=None):
        super().__init__(session, actions, parent)
        self._shown_epoch = 0
        self._live = True
        self._failure_shown = False  # the status bar says that training failed

    def _set_up(self) -> None:
        """Assemble the page around ``self.views``, ``self.panel`` and ``self.dashboard``."""
        self.controls = RunControls(self.actions.run, self.actions.step, self.actions.reset)
        self.controls.speed_changed.connect(self.session.set_speed)
        self.controls.epoch_chosen.connect(self.show_epoch)
        self.controls.live_requested.connect(self.follow_live)
        self.panel.validity_changed.connect(self._on_validity_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.dashboard, 1)
        for widget in self.widgets_above_controls():
            layout.addWidget(widget)
        layout.addWidget(self.controls)

        self.scheduler = FrameScheduler(self, self.views, self.current_frame,
                                        self._show_frame_status)
        self.scheduler.frame_drawn.connect(self.frame_drawn)
        # the training process starts a moment after the page is shown (not while the window
        # opens), so that Run starts at once; a Run before that starts it there and then
        self._warm_up = QTimer(self)
        self._warm_up.setSingleShot(True)
        self._warm_up.setInterval(WARM_UP_DELAY_MS)
        self._warm_up.timeout.connect(self.session.warm_up)
        self.dashboard.currentChanged.connect(self.scheduler.mark_dirty)
        self.session.data_changed.connect(self.scheduler.mark_dirty)
        self.session.state_changed.connect(self._on_state_changed)
        self.session.experiment_changed.connect(self._on_session_experiment_changed)
        self.session.run_finished.connect(self._on_run_finished)
        self.session.training_failed.connect(self._on_training_failed)
        # the pace is the experiment's (a preset's suits its data; a saved file keeps it)
        self.controls.set_speed(self.session.speed)
        self._install_view_menus()

    # -- what a lesson says ----------------------------------------------------------------
    def run_key(self) -> list[tuple]:
        raise NotImplementedError  # a lesson that trains has runs to name

    def legends_on_screen(self, projector: bool) -> bool:
        """Not on a projector: the colour key under the plots names the runs in large
        letters."""
        return not projector

    def use_opened_experiment(self, experiment: Experiment, name: str) -> bool:
        """Train ``experiment``, opened from the file ``name``, from now on; if it cannot be
        used, say why (the message box of ``open_failed``) and keep everything as it was."""
        try:
            self.session.set_experiment(experiment)
        except (ExperimentError, ValueError) as error:
            self.open_failed(translated(error))
            return False
        return True

    def open_failed(self, message: str) -> None:
        QMessageBox.warning(self, translate("LessonPage", "Cannot open experiment"), message)

    # -- the page on show ------------------------------------------------------------------
    def activate(self) -> None:
        """The page is on show: it draws, and the window's actions act on it."""
        self._active = True
        self._on_state_changed(self.session.state)
        self._on_validity_changed(self.panel.is_valid)
        self.scheduler.start()
        self._warm_up.start()

    def deactivate(self) -> bool:
        """Another page is shown: this one stops drawing, and a run under way pauses (only
        the lesson on show trains). True if it paused one."""
        self._active = False
        self._warm_up.stop()
        self.scheduler.stop()
        if self.session.state == RUNNING:
            self.session.pause()
            return True
        return False

    def retire(self) -> None:
        """The page is made again (the language changed): this one stops drawing and no
        longer answers the window's actions, while its session goes on with the new page."""
        self._active = False
        self._warm_up.stop()
        self.scheduler.stop()

    def take_timeline(self, other: LessonPage) -> None:
        """Show what ``other`` showed: the newest epoch, or the one its timeline was at."""
        self._live, self._shown_epoch = other._live, other._shown_epoch

    def shutdown(self) -> None:
        """The window closes: stop drawing and training."""
        self._warm_up.stop()
        self.scheduler.stop()
        self.session.shutdown()

    def apply_theme(self, theme, projector: bool) -> None:
        """The window's theme (normal or projector) in every view, and the views on the
        pages of that mode."""
        self._theme_views(theme, projector)
        self._show_key()
        self.scheduler.mark_dirty()

    # -- running ---------------------------------------------------------------------------
    @Slot()
    def toggle_run(self) -> None:
        if not self.panel.is_valid:
            self._refuse_invalid()
            return
        if self.session.state == FINISHED:
            self.session.reset()
        self.follow_live()
        self.session.toggle_run()

    @Slot()
    def step(self) -> None:
        """One epoch on: the next recorded one while the timeline shows the past, else one
        epoch of training."""
        if not self._live and self._shown_epoch < self.session.latest_epoch:
            self.show_epoch(self._shown_epoch + 1)
            return
        if not self.panel.is_valid:
            self._refuse_invalid()
            return
        self.follow_live()
        self.session.step()

    @Slot()
    def step_back(self) -> None:
        """Show the epoch before the one on show (training, if any, goes on)."""
        self.show_epoch(self.shown_epoch() - 1)

    @Slot()
    def reset(self) -> None:
        self.session.reset()
        self.follow_live()

    def change_speed(self, direction: int) -> None:
        """Train at twice (+1) or half (−1) the speed (the keys + and −)."""
        self.controls.change_speed(direction)

    def _refuse_invalid(self) -> None:
        self.status_message.emit(
            fill(translate("LessonPage", "Cannot run: %1"), self.panel.first_error()), 5000)
        self.panel_wanted.emit()

    def _on_state_changed(self, state: str) -> None:
        if state == RUNNING and self._failure_shown:
            self._failure_shown = False
            self.status_message.emit("", 1)  # training again: the failure is no news now
        if self._active:
            running = state == RUNNING
            self.actions.run.setText(translate("LessonPage", "Pause") if running
                                     else translate("LessonPage", "Run"))
            self.actions.run.setEnabled(self.panel.is_valid or running)
        self.scheduler.mark_dirty()

    def _on_run_finished(self, name: str, status: str, message) -> None:
        if status == DIVERGED:
            self.status_message.emit(
                fill(translate("LessonPage", "The %1 run stopped: %2"), self.run_label(name),
                     translated(message)), 10000)

    def _on_training_failed(self, cause) -> None:
        """The training process failed or was ended: say so where it cannot be missed. The
        window stays up, and the rows so far stay on show."""
        text = fill(translate("LessonPage", "%1 The epochs so far are kept; Run or Reset "
                              "starts again from epoch 0."), translated(cause))
        self.status_message.emit(text, 15000)
        self._failure_shown = True
        box = QMessageBox(QMessageBox.Icon.Warning, translate("LessonPage", "Training stopped"),
                          text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the event loop: the window goes on drawing

    def _on_validity_changed(self, valid: bool) -> None:
        if self._active:
            self.actions.run.setEnabled(valid or self.session.state == RUNNING)
            self.actions.step.setEnabled(valid)

    def _on_experiment_edited(self, experiment: Experiment) -> None:
        self.session.set_experiment(self._with_current_speed(experiment))

    def _with_current_speed(self, experiment: Experiment) -> Experiment:
        """``experiment`` as edited in the panel, at the pace chosen with the speed control
        (the panel does not show the speed, so its copy may have an older one)."""
        return dataclasses.replace(experiment, training=dataclasses.replace(
            experiment.training, speed=self.session.speed))

    def _on_session_experiment_changed(self) -> None:
        if self.panel.experiment != self.session.experiment:
            self.panel.set_experiment(self.session.experiment)
        self.controls.set_speed(self.session.speed)
        self._show_key()
        self.follow_live()

    # -- the timeline ----------------------------------------------------------------------
    @Slot(int)
    def show_epoch(self, epoch: int) -> None:
        self._live = False
        self._shown_epoch = max(0, min(int(epoch), self.session.latest_epoch))
        self.redraw()

    @Slot()
    def follow_live(self) -> None:
        self._live = True
        self.scheduler.mark_dirty()

    def shown_epoch(self) -> int:
        """The epoch the views show now: the newest when live, else the timeline's."""
        latest = self.session.latest_epoch
        return latest if self._live else min(self._shown_epoch, latest)

    # -- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:
        """Draw the current frame in every visible view now, all at once."""
        self.scheduler.redraw()

    def _show_frame_status(self, frame) -> None:
        self._shown_epoch = frame.shown_epoch
        self.controls.show_epochs(frame.shown_epoch, self.session.latest_epoch, frame.epochs,
                                  frame.live)
        if self._active:
            self.status_message.emit(self.status_text(frame), 0)

    def _show_key(self) -> None:
        if self.theme is not None:
            self.controls.show_key(self.run_key())
