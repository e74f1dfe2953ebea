"""What the lesson window and the network lab share: a window around a training session.

:class:`TrainingWindow` owns no training. A session (:mod:`nnlab.app.session`) trains on its
worker thread and appends what arrives to its histories; a display timer (at most 60 Hz)
turns them into one immutable frame whenever something changed and hands it to every view,
so redraws never depend on how fast training runs. Around that it keeps what both windows
offer in the same way: Run/Pause, Step and Reset with their keys, the speed, the timeline,
projector mode (F5), export and copy of each view and of the whole window, opening and
saving experiments, the settings panel in a dock and the About box.

A subclass makes the views (``self.views``, key → view), the settings panel, the dashboard
that arranges them, and says what a frame is (:meth:`current_frame`), what the status bar
and an exported figure's caption say, and which experiments it can open.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from functools import partial
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import (
    QCoreApplication, QEvent, QRect, QSettings, QSignalBlocker, QSize, Qt, QTimer, Signal, Slot,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDockWidget, QFileDialog, QGraphicsView, QGridLayout, QMainWindow, QMenu,
    QMessageBox, QScrollArea, QTabWidget, QVBoxLayout, QWidget,
)

import pyqtgraph as pg
import shiboken6

import nnlab
from nnlab.core.experiment import (
    Experiment, ExperimentError, experiment_to_toml, load_experiment,
)
from nnlab.core.files import write_file
from nnlab.gui import export
from nnlab.gui.lessons.neuron.panel import forget_size_hints
from nnlab.gui.widgets.export_dialog import ExportDialog
from nnlab.gui.widgets.run_controls import RunControls
from nnlab.gui.theme import (
    apply_application_theme, load_projector_mode, save_projector_mode, theme_for,
)

DISPLAY_INTERVAL_MS = 16  # at most ~60 redraws per second
HOLD_RETRY_MS = 1  # while training finishes its chunk of epochs, the window looks this often
PREFERRED_SIZE = QSize(1366, 740)
SCREEN_SHARE = 0.95


def default_window_size(available: QSize) -> QSize:
    """The first size of the window on a screen whose available area is ``available``."""
    return QSize(min(PREFERRED_SIZE.width(), int(available.width() * SCREEN_SHARE)),
                 min(PREFERRED_SIZE.height(), int(available.height() * SCREEN_SHARE)))


Page = tuple[str, Sequence[Sequence[QWidget]]]
"""A dashboard page: its tab title and its rows of views."""


class Dashboard(QTabWidget):
    """Arranges the views in a grid on one or more pages. ``pages_for(projector)`` gives the
    pages: normal mode fits everything on one; projector mode, with large fonts, spreads the
    views over more pages so nothing is squeezed. In a row with fewer views than the widest,
    the last view spans the remaining columns. The tab bar shows only with two or more."""

    def __init__(self, views: dict[str, QWidget], pages_for: Callable[[bool], list[Page]],
                 parent=None):
        super().__init__(parent)
        self.views = views
        self._pages_for = pages_for
        self._projector = False
        # views on no page (the lab's decision regions for digits, say) wait here, hidden:
        # a widget without a parent would outlive the window
        self._unused = QWidget(self)
        self._unused.hide()
        self.setDocumentMode(True)
        self.arrange(projector=False)

    def arrange(self, projector: bool | None = None) -> None:
        """Lay the views out again (for ``projector`` mode; None: the current mode)."""
        if projector is not None:
            self._projector = projector
        current = self.currentIndex()
        while self.count():
            page = self.widget(0)
            self.removeTab(0)
            for view in self.views.values():
                if view.parent() is not None and view.parent() is page:
                    view.setParent(None)
            page.deleteLater()
        pages = self._pages_for(self._projector)
        placed = {id(view) for _, rows in pages for row in rows for view in row}
        for view in self.views.values():
            if id(view) not in placed:
                view.setParent(self._unused)
        for title, rows in pages:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(2, 2, 2, 2)
            grid.setSpacing(4)
            columns = max((len(row) for row in rows), default=1)
            for r, row in enumerate(rows):
                grid.setRowStretch(r, 1)
                for c, view in enumerate(row):
                    # a row of fewer views: its last one takes the remaining columns
                    span = columns - c if c == len(row) - 1 else 1
                    grid.addWidget(view, r, c, 1, span)
                    grid.setColumnStretch(c, 1)
            self.addTab(page, title)
        self.tabBar().setVisible(self.count() > 1)
        self.setCurrentIndex(min(max(current, 0), self.count() - 1))


class TrainingWindow(QMainWindow):
    """The window machinery shared by the lesson and the lab (see the module docstring).

    A subclass calls :meth:`_set_up` at the end of its ``__init__``, after making
    ``self.views``, ``self.panel`` and ``self.dashboard``.
    """

    #: a frame has been drawn by the display timer, all of it; the argument is how long
    #: training waited for it (while the window had the hold), in seconds
    frame_drawn = Signal(float)

    #: a frame that held training for t starts the next one at least factor × t later:
    #: drawing takes at most 1/factor of the time
    redraw_share_factor = 4

    #: QSettings group for what this window remembers (its size and place)
    settings_group = "lesson"
    #: file name offered when saving an experiment
    experiment_file_name = "experiment.toml"

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self._shown_epoch = 0
        self._live = True
        self._dirty = True
        self._next_redraw = 0.0
        # the frame being drawn by the display timer, one view per turn of the event loop
        self._drawing = None
        self._draw_steps: list = []
        self._drawing_started = self._held_since = 0.0
        self.theme = None  # the theme in use, set by set_projector_mode
        self._panel_was_visible = True
        self._layout_unsettled = False  # projector mode changed, the fonts not yet
        self._geometry_before_full_screen: QRect | None = None
        # whether the window filled the screen before projector mode made it do so
        self._full_screen_before_projector = False
        self._maximized_before_full_screen = False
        self._about_box: QMessageBox | None = None
        self.views: dict[str, QWidget] = {}
        self._create_actions()

    def _set_up(self, panel_title: str, projector: bool | None) -> None:
        """Assemble the window around ``self.views``, ``self.panel`` and ``self.dashboard``."""
        self.controls = RunControls(self.run_action, self.step_action, self.reset_action)
        self.controls.speed_changed.connect(self._on_speed_changed)
        self.controls.epoch_chosen.connect(self.show_epoch)
        self.controls.live_requested.connect(self.follow_live)
        self.panel.validity_changed.connect(self._on_validity_changed)
        self.panel.installEventFilter(self)
        self.dashboard.currentChanged.connect(self._mark_dirty)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.dashboard, 1)
        for widget in self._widgets_above_controls():
            layout.addWidget(widget)
        layout.addWidget(self.controls)
        self.setCentralWidget(central)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        self.panel_dock = QDockWidget(panel_title, self)
        self.panel_dock.setObjectName("experiment_dock")
        self.panel_dock.setWidget(scroll)
        self.panel_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                    | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel_dock)
        self._create_menus()
        self._install_view_menus()
        # pyqtgraph's menus have no parent widget, so nothing deletes them with the window;
        # they are gathered when it closes (views make some plots late) and deleted after it
        self._plot_menus: list[QMenu] = []
        menus = self._plot_menus
        self.destroyed.connect(lambda *_: _delete_later(menus))

        self.session.data_changed.connect(self._mark_dirty)
        self.session.state_changed.connect(self._on_state_changed)
        self.session.experiment_changed.connect(self._on_session_experiment_changed)
        self.session.run_finished.connect(self._on_run_finished)

        # the pace is the experiment's (a preset's suits its data; a saved file keeps it)
        self.controls.set_speed(self.session.speed)

        self.display_timer = QTimer(self)
        self.display_timer.setInterval(DISPLAY_INTERVAL_MS)
        self.display_timer.timeout.connect(self._redraw_if_dirty)
        self.display_timer.start()
        # the next step of a frame, in the event loop's next turn (a timer of the window's
        # own: a pending QTimer.singleShot would keep a closed window's Python side alive)
        self._next_step_timer = QTimer(self)
        self._next_step_timer.setSingleShot(True)
        self._next_step_timer.setInterval(0)
        self._next_step_timer.timeout.connect(self._draw_next)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self._settle_layout)

        saved = QSettings().value(f"{self.settings_group}/geometry")
        screen = self.screen()
        if not (saved is not None and self.restoreGeometry(saved)) and screen is not None:
            self.resize(default_window_size(screen.availableGeometry().size()))
        # a remembered projector mode fills the screen as F5 does; one asked for by the caller
        # (a test, a headless export) keeps the window's size
        self.set_projector_mode(load_projector_mode() if projector is None else projector,
                                persist=False, full_screen=projector is None)
        self._on_state_changed(self.session.state)
        self.redraw()

    # -- what a subclass says ----------------------------------------------------------------
    def current_frame(self):
        """The frame the views show now (also what exports and captions describe)."""
        raise NotImplementedError

    def run_key(self) -> list[tuple[str, str]]:
        """(label, colour name) of each run, for the colour key under the plots."""
        raise NotImplementedError

    def run_label(self, name: str) -> str:
        """The translated name of run ``name``, for messages."""
        return name

    def _status_text(self, frame) -> str:
        raise NotImplementedError

    def caption_text(self, frame) -> str:
        """One line with the settings behind an exported figure."""
        raise NotImplementedError

    def _widgets_above_controls(self) -> list[QWidget]:
        """Widgets between the views and the run controls."""
        return []

    def _add_run_menu_items(self, run_menu: QMenu) -> None:
        """Entries of the Run menu after Run, Step and Reset."""

    def _add_file_menu_items(self, file_menu: QMenu) -> None:
        """Entries of the File menu after Open and Save."""

    def _add_view_menu_items(self, view_menu: QMenu) -> None:
        """Entries of the View menu after projector mode and the panel."""

    def legends_on_screen(self, projector: bool) -> bool:
        """Whether the plots' legends name the runs on screen (exports always show them). Not
        on a projector: the colour key under the plots names the runs in large letters."""
        return not projector

    def about_text(self) -> str:
        return self.tr("A desktop lab for teaching how neural networks learn.")

    def _refused_experiment(self, experiment: Experiment, path: str) -> str:
        """Why ``experiment`` (opened from ``path``) cannot be used here, or ""."""
        return ""

    # -- actions and menus -----------------------------------------------------------------
    def _create_actions(self) -> None:
        def action(text, shortcut=None, slot=None, tip=""):
            a = QAction(text, self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if tip:
                a.setToolTip(tip)
                a.setStatusTip(tip)
            if slot is not None:
                # triggered passes `checked`, which would land in a slot's first optional
                # parameter (open_experiment's path, say): the slots are called without it
                a.triggered.connect(lambda *_, slot=slot: slot())
            self.addAction(a)  # shortcuts work even with the menu bar hidden
            return a

        self._action = action
        self.run_action = action(self.tr("Run"), Qt.Key.Key_Space, self.toggle_run,
                                 self.tr("Run or pause every run (Space)"))
        self.step_action = action(self.tr("Step"), Qt.Key.Key_Right, self.step,
                                  self.tr("Train one epoch, or show the next one when the "
                                          "timeline is behind (Right arrow)"))
        self.step_back_action = action(self.tr("Step back"), Qt.Key.Key_Left, self.step_back,
                                       self.tr("Show the epoch before (Left arrow)"))
        self.first_epoch_action = action(self.tr("First epoch"), Qt.Key.Key_Home,
                                         lambda: self.show_epoch(0),
                                         self.tr("Show epoch 0, the start (Home)"))
        self.last_epoch_action = action(self.tr("Last epoch"), Qt.Key.Key_End, self.follow_live,
                                        self.tr("Show the newest epoch and follow it (End)"))
        self.reset_action = action(self.tr("Reset"), Qt.Key.Key_R, self.reset,
                                   self.tr("Back to the start (R)"))
        self.slower_action = action(self.tr("Slower"), Qt.Key.Key_Minus,
                                    lambda: self.controls.change_speed(-1),
                                    self.tr("Train at half the speed (−)"))
        self.faster_action = action(self.tr("Faster"), Qt.Key.Key_Plus,
                                    lambda: self.controls.change_speed(+1),
                                    self.tr("Train at twice the speed (+)"))
        # "+" needs Shift on many keyboards: "=" on the same key does it too
        self.faster_action.setShortcuts([QKeySequence(Qt.Key.Key_Plus),
                                         QKeySequence(Qt.Key.Key_Equal)])
        self.full_screen_action = action(self.tr("Full screen"), Qt.Key.Key_F11, None,
                                         self.tr("Fill the screen (F11)"))
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.toggled.connect(self.set_full_screen)
        self.projector_action = action(self.tr("Projector mode"), Qt.Key.Key_F5, None,
                                       self.tr("Full screen, large fonts, thick lines, high "
                                               "contrast (F5)"))
        self.projector_action.setCheckable(True)
        self.projector_action.toggled.connect(self.set_projector_mode)
        self.open_action = action(self.tr("&Open experiment…"), QKeySequence.StandardKey.Open,
                                  self.open_experiment)
        self.save_action = action(self.tr("&Save experiment as…"), QKeySequence.StandardKey.Save,
                                  self.save_experiment)
        self.export_window_action = action(self.tr("Export &window…"),
                                           Qt.Modifier.CTRL | Qt.Key.Key_E,
                                           lambda: self.export_dialog(None))
        self.copy_window_action = action(self.tr("&Copy window to clipboard"),
                                         Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_C,
                                         lambda: self.copy_to_clipboard(None))
        self.caption_action = action(self.tr("Add a caption with the settings"))
        self.caption_action.setCheckable(True)
        self.caption_action.setChecked(QSettings().value("export/caption", False, type=bool))
        self.caption_action.toggled.connect(
            lambda on: QSettings().setValue("export/caption", on))
        self.quit_action = action(self.tr("&Quit"), Qt.Modifier.CTRL | Qt.Key.Key_Q, self.quit,
                                  self.tr("Close every nnlab window (Ctrl+Q)"))
        self.about_action = action(self.tr("&About nnlab"), None, self.show_about)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.setObjectName("file_menu")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_action)
        self._add_file_menu_items(file_menu)
        file_menu.addSeparator()
        self.export_menu = export_menu = file_menu.addMenu(self.tr("&Export"))
        for key, view in self.views.items():
            export_menu.addAction(self.tr("%1…").replace("%1", view.title),
                                  lambda key=key: self.export_dialog(key))
        export_menu.addSeparator()
        export_menu.addAction(self.export_window_action)
        file_menu.addAction(self.copy_window_action)
        file_menu.addAction(self.caption_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        run_menu = bar.addMenu(self.tr("&Run"))
        for a in (self.run_action, self.step_action, self.step_back_action,
                  self.first_epoch_action, self.last_epoch_action, self.reset_action):
            run_menu.addAction(a)
        run_menu.addSeparator()
        run_menu.addAction(self.slower_action)
        run_menu.addAction(self.faster_action)
        run_menu.addSeparator()
        self._add_run_menu_items(run_menu)

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(self.projector_action)
        view_menu.addAction(self.full_screen_action)
        view_menu.addAction(self.panel_dock.toggleViewAction())
        self._add_view_menu_items(view_menu)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")
        help_menu.addAction(self.about_action)

    def _install_view_menus(self) -> None:
        """Each view's right-click menu offers export and copy of that view."""
        for key, view in self.views.items():
            menu = QMenu(view)
            menu.addAction(self.tr("Export “%1”…").replace("%1", view.title),
                           lambda key=key: self.export_dialog(key))
            menu.addAction(self.tr("Copy “%1” to clipboard").replace("%1", view.title),
                           lambda key=key: self.copy_to_clipboard(key))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, view=view, menu=menu: menu.popup(view.mapToGlobal(pos)))
            plot_menu = getattr(view, "context_menus", None)
            if plot_menu is not None:
                # pyqtgraph views take the right button themselves: add to their menus
                for target in plot_menu():
                    target.addSeparator()
                    target.addActions(menu.actions())

    # -- running ---------------------------------------------------------------------------
    @Slot()
    def toggle_run(self) -> None:
        if not self.panel.is_valid:
            self._refuse_invalid()
            return
        if self.session.state == "finished":
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

    def _refuse_invalid(self) -> None:
        self.statusBar().showMessage(
            self.tr("Cannot run: %1").replace("%1", self.panel.first_error()), 5000)
        self.panel_dock.show()

    def _on_state_changed(self, state: str) -> None:
        running = state == "running"
        self.run_action.setText(self.tr("Pause") if running else self.tr("Run"))
        self._mark_dirty()

    def _on_run_finished(self, name: str, status: str, message: str) -> None:
        if status == "diverged":
            self.statusBar().showMessage(
                self.tr("The %1 run stopped: %2").replace("%1", self.run_label(name))
                .replace("%2", message), 10000)

    def _on_speed_changed(self, speed) -> None:
        self.session.set_speed(speed)

    def _on_validity_changed(self, valid: bool) -> None:
        self.run_action.setEnabled(valid or self.session.state == "running")
        self.step_action.setEnabled(valid)

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
        self._mark_dirty()

    def shown_epoch(self) -> int:
        """The epoch the views show now: the newest when live, else the timeline's."""
        latest = self.session.latest_epoch
        return latest if self._live else min(self._shown_epoch, latest)

    # -- drawing ---------------------------------------------------------------------------
    def _mark_dirty(self) -> None:
        self._dirty = True

    def _redraw_if_dirty(self) -> None:
        """Start drawing the current frame, if anything changed and the last frame is done.

        A frame is drawn while training waits (the session's hold, taken once the worker
        has finished its current chunk of epochs, kept until the frame is done), in short
        steps: a view updated, then painted, then the next view, and last the controls and
        the status bar; one step per turn of the event loop, so no single block of drawing
        keeps the GUI thread from its other events for long. Drawing holds training at most
        1/redraw_share_factor of the time: at full training speed the plots still move
        several times a second and training keeps most of the interpreter.
        """
        if self._drawing is not None or not self._dirty:
            return
        now = time.perf_counter()
        if now < self._next_redraw:
            return
        self._dirty = False
        frame = self._drawing = self.current_frame()
        self._shown_epoch = frame.shown_epoch
        self._draw_steps = []
        scenes = self._visible_scenes()
        paint = partial(self._paint_now, scenes)
        # a view on another dashboard page is drawn when its page is shown
        for view in [view for view in self.views.values() if view.isVisible()]:
            self._draw_steps += [partial(_update_if_visible, view, frame), paint]
        self._draw_steps += [partial(self._show_frame_status, frame), paint]
        self._drawing_started = now
        self._draw_next()  # asks for the hold (try_take), and draws once it has it

    def _draw_next(self) -> None:
        """One step of the frame being drawn, then the next in the event loop's next turn;
        while training has not yet given up the hold, a look again a moment later."""
        if self._drawing is None:  # closed, or a synchronous redraw took over
            return
        hold = self.session.hold
        if not hold.taken:
            if not hold.try_take():  # the worker is finishing its chunk of epochs
                self._next_step_timer.start(HOLD_RETRY_MS)
                return
            self._held_since = time.perf_counter()
        self._draw_steps.pop(0)()
        if self._draw_steps:
            self._next_step_timer.start(0)
            return
        self._drawing = None
        hold.release()
        # training waited while the window had the hold: that is the share to keep small
        now = time.perf_counter()
        held = now - self._held_since
        self._next_redraw = max(self._drawing_started + DISPLAY_INTERVAL_MS / 1000,
                                now + (self.redraw_share_factor - 1) * held)
        self.frame_drawn.emit(held)

    def _abandon_frame(self) -> None:
        """Stop drawing the frame under way (if any) and let training go on."""
        self._next_step_timer.stop()
        if self._drawing is not None:
            self._drawing, self._draw_steps = None, []
            self.session.hold.release()

    def _visible_scenes(self) -> list:
        return [view.scene() for view in self.findChildren(QGraphicsView)
                if view.isVisible() and view.scene() is not None]

    def _paint_now(self, scenes: list | None = None) -> None:
        """Paint what was updated, now rather than later in the event loop.

        A pyqtgraph view repaints in two queued steps: its scene gathers the changed items
        (a queued call), then the window paints (an update request). Both are delivered
        here, so the painting happens while training waits, not while the two threads take
        turns at the interpreter lock for every one of Qt's many small calls.
        """
        for scene in self._visible_scenes() if scenes is None else scenes:
            if shiboken6.isValid(scene):
                QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)

    def redraw(self) -> None:
        """Draw the current frame in every visible view now, all at once (the display timer
        draws it a view at a time, see _redraw_if_dirty)."""
        self._dirty = False
        self._abandon_frame()
        frame = self.current_frame()
        self._shown_epoch = frame.shown_epoch
        for view in self.views.values():
            if view.isVisible():  # a view on another dashboard page is drawn when shown
                view.update_frame(frame)
        self._show_frame_status(frame)

    def _show_frame_status(self, frame) -> None:
        self.controls.show_epochs(frame.shown_epoch, self.session.latest_epoch, frame.epochs,
                                  frame.live)
        self.statusBar().showMessage(self._status_text(frame))

    # -- projector mode --------------------------------------------------------------------
    @Slot(bool)
    def set_projector_mode(self, on: bool, persist: bool = True,
                           full_screen: bool = True) -> None:
        """Projector mode on or off: the projector theme, the views on their projector pages,
        the panel hidden and (``full_screen``) the whole screen without the menu bar, whose
        entries keep their keys. Leaving it brings back what was there before."""
        on = bool(on)
        theme = theme_for(on)
        changed = on != (self.theme is not None and self.theme.name == "projector")
        # the widgets take the new font now or in the event loop: the panel and the window's
        # size are fitted to it once they have (see _settle_layout)
        self._layout_unsettled = changed
        app = QApplication.instance()
        if app is not None:
            apply_application_theme(app, theme)
        for view in self.views.values():
            view.apply_theme(theme)
            _set_legend_visible(view, self.legends_on_screen(on))
        self.dashboard.arrange(projector=on)
        was_projector = self.theme is not None and self.theme.name == "projector"
        if on and not was_projector:
            # the room goes to the plots; View › the panel's entry brings the panel back
            self._panel_was_visible = not self.panel_dock.isHidden()
            self.panel_dock.hide()
        elif not on and was_projector and self._panel_was_visible:
            self.panel_dock.show()

        if on != was_projector and full_screen:
            if on:
                self._full_screen_before_projector = self.isFullScreen()
                self.set_full_screen(True)
            elif not self._full_screen_before_projector:
                self.set_full_screen(False)
        self.menuBar().setVisible(not (on and self.isFullScreen()))
        if self.projector_action.isChecked() != on:
            self.projector_action.blockSignals(True)
            self.projector_action.setChecked(on)
            self.projector_action.blockSignals(False)
        self.theme = theme
        self._show_key()
        if changed:
            self._settle_timer.start(0)
        if persist:
            save_projector_mode(on)
        self._mark_dirty()

    def _settle_layout(self) -> None:
        """After projector mode came or went and the widgets have their new font: the panel
        as wide as its contents, and a window that left full screen back at its size and place
        (while the projector's fonts were still in its widgets, it could not be that small).
        Every combo box measures itself again first, the panel's and the views' alike: after
        a font change it keeps its old minimum size (see forget_size_hints)."""
        for combo in self.findChildren(QComboBox):
            forget_size_hints(combo)
        if self.panel_dock.isVisible():
            self._fit_panel_dock()
        if self._geometry_before_full_screen is not None and not (
                self.isFullScreen() or self.isMaximized()):
            self.setGeometry(self._geometry_before_full_screen)

    def _fit_panel_dock(self) -> None:
        """The panel as wide as its contents at the current font. A window started in
        projector mode laid the hidden panel out at the projector's font, and the dock kept
        that width (540 of 1366 px) when it came back."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        scroll = self.panel_dock.widget()
        width = (self.panel.sizeHint().width() + 2 * scroll.frameWidth()
                 + scroll.verticalScrollBar().sizeHint().width())
        self.resizeDocks([self.panel_dock], [width], Qt.Orientation.Horizontal)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.panel and event.type() == QEvent.Type.FontChange
                and self._layout_unsettled):
            self._layout_unsettled = False
            self._settle_timer.start(0)  # after the panel itself has taken the font
        return super().eventFilter(watched, event)

    @Slot(bool)
    def set_full_screen(self, on: bool) -> None:
        """Fill the screen (F11), or go back to the window's size and place."""
        on = bool(on)
        if on and not self.isFullScreen():
            self._maximized_before_full_screen = self.isMaximized()
            self._geometry_before_full_screen = (None if self.isMaximized()
                                                 else self.geometry())
            self.showFullScreen()
        elif not on and self.isFullScreen():
            if self._maximized_before_full_screen:
                self.showMaximized()
            else:
                self.showNormal()
                if self._geometry_before_full_screen is not None:
                    self.setGeometry(self._geometry_before_full_screen)
        if self.full_screen_action.isChecked() != on:
            with QSignalBlocker(self.full_screen_action):
                self.full_screen_action.setChecked(on)
        self.menuBar().setVisible(not (on and self.projector_mode))

    def _show_key(self) -> None:
        if self.theme is not None:
            self.controls.show_key(self.run_key())

    @property
    def projector_mode(self) -> bool:
        return self.projector_action.isChecked()

    # -- files -----------------------------------------------------------------------------
    def open_experiment(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open experiment"), "", self.tr("Experiments (*.toml)"))
            if not path:
                return False
        try:
            experiment = load_experiment(path)
            refusal = self._refused_experiment(experiment, str(path))
            if refusal:
                raise ExperimentError(refusal)
        except (ExperimentError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot open experiment"), str(error))
            return False
        return self._use_opened_experiment(experiment, Path(path).name)

    def _use_opened_experiment(self, experiment: Experiment, name: str) -> bool:
        """Train an experiment opened from the file ``name`` from now on; if it cannot be
        used, say why and keep everything as it was."""
        try:
            self.session.set_experiment(experiment)
        except (ExperimentError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot open experiment"), str(error))
            return False
        return True

    def save_experiment(self, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save experiment"), self.experiment_file_name,
                self.tr("Experiments (*.toml)"))
            if not path:
                return False
        target = Path(path)
        try:
            write_file(target, experiment_to_toml(self.session.experiment).encode("utf-8"))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Cannot save experiment"),
                                self.tr("Cannot write %1: %2").replace("%1", str(target))
                                .replace("%2", error.strerror or str(error)))
            return False
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(target)), 5000)
        return True

    # -- export ----------------------------------------------------------------------------
    def export_target(self, key: str | None) -> QWidget:
        """The widget a view key exports; None: the dashboard's page on show, its plots
        without the run controls (the exported plots' legends name the runs)."""
        if key is None:
            return self.dashboard.currentWidget()
        return self.views[key].export_widget()

    def export_title(self, key: str | None) -> str:
        return self.tr("Whole window") if key is None else self.views[key].title

    def export_to(self, key: str | None, path, fmt=None, width=None,
                  caption: bool | None = None) -> Path:
        """Export one view (or the window) to ``path``; raises export.ExportError."""
        caption = self.caption_action.isChecked() if caption is None else caption
        with self._page_showing(key), self._legends_for_export():
            frame = self._frame_for_export(key)
            text = self.caption_text(frame) if caption else None
            # a plot gets its title above it; the dashboard, a page of plots, none
            title = None if key is None else self.views[key].title
            # laid out for a slide while it is drawn, then back as it was on screen
            return export.export_widget(self.export_target(key), path, fmt, width=width,
                                        caption=text, title=title,
                                        aspect=export.SLIDE_ASPECT)

    @contextlib.contextmanager
    def _page_showing(self, key: str | None):
        """A view on a hidden dashboard page has no up-to-date size: show its page while
        it is exported, then go back."""
        previous = self.dashboard.currentIndex()
        page = self.views[key].parentWidget() if key is not None else None
        index = self.dashboard.indexOf(page) if page is not None else -1
        if index >= 0 and index != previous:
            self.dashboard.setCurrentIndex(index)
            # the dashboard's layouts only: the window's would hand its size hints to the
            # platform (offscreen, a headless export, prints a warning for that)
            for widget in [self.dashboard, *self.dashboard.findChildren(QWidget)]:
                QApplication.sendPostedEvents(widget, QEvent.Type.LayoutRequest)
        try:
            yield
        finally:
            if self.dashboard.currentIndex() != previous:
                self.dashboard.setCurrentIndex(previous)

    def _frame_for_export(self, key: str | None):
        """The current frame, drawn into the exported views too: a view on a hidden page is
        not redrawn while training."""
        frame = self.current_frame()
        for name, view in self.views.items():
            if key is None or name == key:
                view.update_frame(frame)
        return frame

    @contextlib.contextmanager
    def _legends_for_export(self):
        """A figure on a slide needs its legend even when the projector screen hides it."""
        on_screen = self.legends_on_screen(self.projector_mode)
        for view in self.views.values():
            _set_legend_visible(view, True)
        try:
            yield
        finally:
            for view in self.views.values():
                _set_legend_visible(view, on_screen)

    def export_dialog(self, key: str | None) -> None:
        target = self.export_target(key)
        slug = "window" if key is None else self.views[key].slug
        # the PNG's default width: the figure as laid out for a slide, twice over
        png_width = export.DEFAULT_PNG_SCALE * max(target.width(), export.FIGURE_MIN_WIDTH)
        dialog = ExportDialog(self.export_title(key), slug, png_width,
                              self.caption_action.isChecked(), self)
        if not dialog.exec():
            return
        try:
            written = self.export_to(key, dialog.path(), dialog.format(), dialog.png_width(),
                                     dialog.caption())
        except export.ExportError as error:
            QMessageBox.warning(self, self.tr("Export failed"), str(error))
            return
        self.statusBar().showMessage(self.tr("Exported %1").replace("%1", str(written)), 5000)

    def copy_to_clipboard(self, key: str | None) -> None:
        with self._page_showing(key), self._legends_for_export():
            frame = self._frame_for_export(key)
            text = self.caption_text(frame) if self.caption_action.isChecked() else None
            export.copy_to_clipboard(self.export_target(key), caption=text,
                                     title=None if key is None else self.views[key].title,
                                     aspect=export.SLIDE_ASPECT)
        self.statusBar().showMessage(
            self.tr("Copied “%1” to the clipboard").replace("%1", self.export_title(key)), 5000)

    # -- the rest --------------------------------------------------------------------------
    def quit(self) -> None:
        """File › Quit: close every nnlab window, the labs opened from this one too."""
        QApplication.closeAllWindows()

    def show_about(self) -> QMessageBox:
        """Open the About box (not blocking: training keeps running behind it)."""
        if self._about_box is None:
            self._about_box = QMessageBox(self)
            self._about_box.setObjectName("about_box")
            self._about_box.setIcon(QMessageBox.Icon.Information)
            self._about_box.setWindowTitle(self.tr("About nnlab"))
            self._about_box.setStandardButtons(QMessageBox.StandardButton.Close)
            self._about_box.setText(self.tr("nnlab %1").replace("%1", nnlab.__version__))
            self._about_box.setInformativeText(self.about_text())
        self._about_box.open()
        return self._about_box

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._mark_dirty()  # views hidden until now have not drawn the current frame

    def closeEvent(self, event) -> None:
        QSettings().setValue(f"{self.settings_group}/geometry", self.saveGeometry())
        self.display_timer.stop()
        self._abandon_frame()
        self.session.shutdown()
        self._plot_menus[:] = _plot_menus(self)
        super().closeEvent(event)


def _plot_menus(window: QWidget) -> list[QMenu]:
    """The context menus of the pyqtgraph plots in ``window``: each plot's options menu and
    each view box's menu, with their submenus as children."""
    menus = []
    for view in window.findChildren(QGraphicsView):
        scene = view.scene()
        for item in scene.items() if scene is not None else []:
            menus += [getattr(item, "ctrlMenu", None)]
            if isinstance(item, pg.ViewBox):
                menus.append(item.menu)
    return [menu for menu in menus if isinstance(menu, QMenu)]


def _delete_later(objects) -> None:
    for item in objects:
        if shiboken6.isValid(item):
            item.deleteLater()


def _update_if_visible(view, frame) -> None:
    if view.isVisible():  # still: the dashboard page may have changed since the frame began
        view.update_frame(frame)


def _set_legend_visible(view, visible: bool) -> None:
    setter = getattr(view, "set_legend_visible", None)  # views without a legend have none
    if setter is not None:
        setter(visible)
