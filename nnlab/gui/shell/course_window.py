"""The course window: one main window, the lessons in a list, the chosen lesson's page.

The lesson list (a collapsible sidebar) shows the lessons of the registry
(:mod:`nnlab.gui.lessons`) in teaching order; Ctrl+PgUp / Ctrl+PgDown and Alt+1…9 move
between them. The window shows one lesson's page at a time (its views, run controls and
timeline in the middle, its settings panel in the dock); a page is made the first time its
lesson is shown and then kept, with its state, until the window closes. Only the lesson on
show trains: a run under way pauses when another lesson is shown, and stays paused there.

The menus and keys (Run, Step, Reset, the timeline, the speed, export, open and save) act on
the lesson on show; a lesson adds entries of its own while it is on show. Projector mode
(F5) and full screen (F11) are the whole window's. Opening an experiment file shows the
lesson its kind belongs to.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QRect, QSettings, QSignalBlocker, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDockWidget, QFileDialog, QGraphicsView, QMainWindow, QMenu,
    QMessageBox, QScrollArea, QStackedWidget, QWidget,
)

import nnlab
from nnlab.core.experiment import ExperimentError, experiment_to_toml, load_experiment
from nnlab.core.files import write_file
from nnlab.gui.language import (
    CJK_FAMILIES, LANGUAGE_SETTING, LANGUAGES, cjk_family, current_language, translations_of,
)
from nnlab.gui.lessons import LESSONS, lesson_for_kind, lesson_named
from nnlab.gui.page.figure_export import CAPTION_SETTING, caption_wanted
from nnlab.gui.page.lesson import Lesson
from nnlab.gui.page.course_page import CoursePage, RunActions
from nnlab.gui.shell.lesson_list import LessonList
from nnlab.gui.text import fill, translated
from nnlab.gui.theme import (
    apply_application_theme, load_projector_mode, save_projector_mode, theme_for,
)
from nnlab.gui.widgets.fields import forget_size_hints

PREFERRED_SIZE = QSize(1366, 740)
SCREEN_SHARE = 0.95
#: QSettings keys: the window's size and place, and the lesson last shown
GEOMETRY_SETTING = "course/geometry"
LESSON_SETTING = "course/lesson"


def default_window_size(available: QSize) -> QSize:
    """The first size of the window on a screen whose available area is ``available``."""
    return QSize(min(PREFERRED_SIZE.width(), int(available.width() * SCREEN_SHARE)),
                 min(PREFERRED_SIZE.height(), int(available.height() * SCREEN_SHARE)))


def remembered_lesson(lessons: tuple[Lesson, ...] = LESSONS) -> str:
    """The lesson shown last (the first of the course when none was, or it is gone)."""
    name = QSettings().value(LESSON_SETTING, "", type=str)
    return name if lesson_named(name, lessons) is not None else lessons[0].name


class CourseWindow(QMainWindow):
    """The course (see the module docstring). ``lesson``: the lesson shown first (default:
    the one shown last); ``session``: that lesson's session (default: its page makes one);
    ``projector``: the mode to start in (default: the one remembered, full screen).
    ``lessons``: the course (default: the registry's). ``remember``: whether the window keeps
    its size, place and lesson for the next start (a headless export does not)."""

    def __init__(self, lesson: str | None = None, session=None, projector: bool | None = None,
                 lessons: tuple[Lesson, ...] | None = None, remember: bool = True,
                 parent=None):
        super().__init__(parent)
        self._remember = remember
        self.setObjectName("course_window")
        self.lessons = LESSONS if lessons is None else tuple(lessons)
        self.pages: dict[str, CoursePage] = {}
        self._panel_scrolls: dict[str, QScrollArea] = {}  # each page's panel, scrolling
        self.page: CoursePage | None = None
        self.lesson: Lesson | None = None
        self.theme = None  # the theme in use, set by set_projector_mode
        self._projector_shown = False  # the mode the window is laid out for
        self._panel_was_visible = True
        self._list_was_visible = True
        self._layout_unsettled = False  # projector mode changed, the fonts not yet
        self._geometry_before_full_screen: QRect | None = None
        # whether the window filled the screen before projector mode made it do so
        self._full_screen_before_projector = False
        self._maximized_before_full_screen = False
        self._about_box: QMessageBox | None = None
        self._fonts_missing_said: set[str] = set()  # languages whose missing font was said
        self._message_until = 0.0  # a message for a while is shown until then
        self._lesson_items: dict[str, list] = {}  # a page's own menu entries, by lesson
        self.setAcceptDrops(True)

        self._create_actions()
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.panels = QStackedWidget()
        self.panel_dock = QDockWidget(self)
        self.panel_dock.setObjectName("experiment_dock")
        self.panel_dock.setWidget(self.panels)
        self.panel_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                                    | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.lesson_list = LessonList(self.lessons)
        self.lesson_list.lesson_chosen.connect(self.show_lesson)
        self.list_dock = QDockWidget(self)
        self.list_dock.setObjectName("lesson_list_dock")
        self.list_dock.setWidget(self.lesson_list)
        self.list_dock.setFeatures(self.panel_dock.features())
        # the list above the panel, in one column: beside it, the two took more than half of
        # a 1024-pixel screen from the plots
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.list_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.panel_dock)
        self.splitDockWidget(self.list_dock, self.panel_dock, Qt.Orientation.Vertical)
        self._create_menus()
        self._set_texts()
        self.statusBar()  # made now: a page's first line and its status widgets need it
        # pyqtgraph's menus have no parent widget, so nothing deletes them with the window;
        # they are gathered when it closes (views make some plots late) and deleted after it
        self._plot_menus: list[QMenu] = []
        menus = self._plot_menus
        self.destroyed.connect(lambda *_: _delete_later(menus))
        self._retranslate_timer = QTimer(self)
        self._retranslate_timer.setSingleShot(True)
        self._retranslate_timer.timeout.connect(self.retranslate)
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self._settle_layout)
        # a method of this window: Qt disconnects it when the window is destroyed
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

        saved = QSettings().value(GEOMETRY_SETTING)
        screen = self.screen()
        if not (saved is not None and self.restoreGeometry(saved)) and screen is not None:
            self.resize(default_window_size(screen.availableGeometry().size()))
        self.theme = theme_for(False)
        self.show_lesson(lesson or remembered_lesson(self.lessons), session=session)
        # a remembered projector mode fills the screen as F5 does; one asked for by the caller
        # (a test, a headless export) keeps the window's size
        self.set_projector_mode(load_projector_mode() if projector is None else projector,
                                persist=False, full_screen=projector is None)
        self._check_language()

    # -- actions and menus -----------------------------------------------------------------
    def _create_actions(self) -> None:
        """The window's actions, without their texts (see :meth:`_set_texts`)."""
        def action(shortcut=None, slot=None):
            a = QAction(self)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            if slot is not None:
                # triggered passes `checked`, which would land in a slot's first optional
                # parameter (open_experiment's path, say): the slots are called without it
                a.triggered.connect(lambda *_, slot=slot: slot())
            self.addAction(a)  # shortcuts work even with the menu bar hidden
            return a

        on_page = self._on_page
        self.run_action = action(Qt.Key.Key_Space, on_page("toggle_run"))
        self.step_action = action(Qt.Key.Key_Right, on_page("step"))
        self.step_back_action = action(Qt.Key.Key_Left, on_page("step_back"))
        self.first_epoch_action = action(Qt.Key.Key_Home, lambda: self.page.show_epoch(0))
        self.last_epoch_action = action(Qt.Key.Key_End, on_page("follow_live"))
        self.reset_action = action(Qt.Key.Key_R, on_page("reset"))
        self.slower_action = action(Qt.Key.Key_Minus, lambda: self.page.change_speed(-1))
        self.faster_action = action(Qt.Key.Key_Plus, lambda: self.page.change_speed(+1))
        # "+" needs Shift on many keyboards: "=" on the same key does it too
        self.faster_action.setShortcuts([QKeySequence(Qt.Key.Key_Plus),
                                         QKeySequence(Qt.Key.Key_Equal)])
        self.full_screen_action = action(Qt.Key.Key_F11)
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.toggled.connect(self.set_full_screen)
        self.projector_action = action(Qt.Key.Key_F5)
        self.projector_action.setCheckable(True)
        self.projector_action.toggled.connect(self.set_projector_mode)
        self.open_action = action(QKeySequence.StandardKey.Open, self.open_experiment)
        self.save_action = action(QKeySequence.StandardKey.Save, self.save_experiment)
        self.export_window_action = action(Qt.Modifier.CTRL | Qt.Key.Key_E,
                                           lambda: self.page.figures.export_dialog(None))
        self.copy_window_action = action(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_C,
                                         lambda: self.page.figures.copy_to_clipboard(None))
        self.caption_action = action()
        self.caption_action.setCheckable(True)
        self.caption_action.setChecked(caption_wanted())
        self.caption_action.toggled.connect(
            lambda on: QSettings().setValue(CAPTION_SETTING, on))
        self.quit_action = action(Qt.Modifier.CTRL | Qt.Key.Key_Q, self.close)
        self.about_action = action(None, self.show_about)
        self.previous_lesson_action = action(Qt.Modifier.CTRL | Qt.Key.Key_PageUp,
                                             lambda: self.step_lesson(-1))
        self.next_lesson_action = action(Qt.Modifier.CTRL | Qt.Key.Key_PageDown,
                                         lambda: self.step_lesson(+1))
        self.lesson_actions = []
        for number, lesson in enumerate(self.lessons[:9], start=1):
            key = getattr(Qt.Key, f"Key_{number}")
            self.lesson_actions.append(action(
                Qt.Modifier.ALT | key, lambda name=lesson.name: self.show_lesson(name)))
        self.language_actions = QActionGroup(self)
        for code, name in LANGUAGES.items():
            # named in itself, in every language: a reader finds their own
            a = action(None, lambda code=code: self.set_language(code))
            a.setText(name)
            a.setCheckable(True)
            a.setData(code)
            self.language_actions.addAction(a)
        self.run_actions = RunActions(self.run_action, self.step_action, self.reset_action)

    def _on_page(self, method: str):
        return lambda: getattr(self.page, method)()

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = file_menu = bar.addMenu("")
        file_menu.setObjectName("file_menu")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.save_action)
        self._file_items_at = file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("")
        # made again each time it opens: a lesson's figure titles may follow its step
        self.export_menu.aboutToShow.connect(self._fill_export_menu)
        file_menu.addAction(self.copy_window_action)
        file_menu.addAction(self.caption_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.run_menu = run_menu = bar.addMenu("")
        for a in (self.run_action, self.step_action, self.step_back_action,
                  self.first_epoch_action, self.last_epoch_action, self.reset_action):
            run_menu.addAction(a)
        run_menu.addSeparator()
        run_menu.addAction(self.slower_action)
        run_menu.addAction(self.faster_action)
        run_menu.addSeparator()

        self.view_menu = view_menu = bar.addMenu("")
        view_menu.addAction(self.projector_action)
        view_menu.addAction(self.full_screen_action)
        view_menu.addAction(self.panel_dock.toggleViewAction())
        list_toggle = self.list_dock.toggleViewAction()
        list_toggle.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.addAction(list_toggle)
        view_menu.addAction(list_toggle)
        self.language_menu = view_menu.addMenu("")
        self.language_menu.setObjectName("language_menu")
        self.language_menu.addActions(self.language_actions.actions())
        view_menu.addSeparator()

        self.lessons_menu = lessons_menu = bar.addMenu("")
        lessons_menu.setObjectName("lessons_menu")
        lessons_menu.setToolTipsVisible(True)
        lessons_menu.addAction(self.previous_lesson_action)
        lessons_menu.addAction(self.next_lesson_action)
        lessons_menu.addSeparator()
        for a in self.lesson_actions:
            a.setCheckable(True)
            lessons_menu.addAction(a)

        self.help_menu = help_menu = bar.addMenu("")
        help_menu.setObjectName("help_menu")
        help_menu.addAction(self.about_action)

    def _set_texts(self) -> None:
        """Every text of the window's own, in the interface's language (again after a
        change of language)."""
        def texts(a: QAction, text: str, tip: str = "") -> None:
            a.setText(text)
            a.setToolTip(tip or text.replace("&", ""))
            a.setStatusTip(tip)

        texts(self.run_action, self.tr("Run"), self.tr("Run or pause every run (Space)"))
        texts(self.step_action, self.tr("Step"),
              self.tr("Train one epoch, or show the next one when the timeline is behind "
                      "(Right arrow)"))
        texts(self.step_back_action, self.tr("Step back"),
              self.tr("Show the epoch before (Left arrow)"))
        texts(self.first_epoch_action, self.tr("First epoch"),
              self.tr("Show epoch 0, the start (Home)"))
        texts(self.last_epoch_action, self.tr("Last epoch"),
              self.tr("Show the newest epoch and follow it (End)"))
        texts(self.reset_action, self.tr("Reset"), self.tr("Back to the start (R)"))
        texts(self.slower_action, self.tr("Slower"), self.tr("Train at half the speed (−)"))
        texts(self.faster_action, self.tr("Faster"), self.tr("Train at twice the speed (+)"))
        texts(self.full_screen_action, self.tr("Full screen"), self.tr("Fill the screen (F11)"))
        texts(self.projector_action, self.tr("Projector mode"),
              self.tr("Full screen, large fonts, thick lines, high contrast (F5)"))
        texts(self.open_action, self.tr("&Open experiment…"),
              self.tr("Open an experiment file in the lesson it belongs to (Ctrl+O)"))
        texts(self.save_action, self.tr("&Save experiment as…"),
              self.tr("Save the settings of the lesson on show (Ctrl+S)"))
        texts(self.export_window_action, self.tr("Export &window…"))
        texts(self.copy_window_action, self.tr("&Copy window to clipboard"))
        texts(self.caption_action, self.tr("Add a caption with the settings"))
        texts(self.quit_action, self.tr("&Quit"), self.tr("Close nnlab (Ctrl+Q)"))
        texts(self.about_action, self.tr("&About nnlab"))
        texts(self.previous_lesson_action, self.tr("&Previous lesson"),
              self.tr("Show the lesson before (Ctrl+PgUp)"))
        texts(self.next_lesson_action, self.tr("&Next lesson"),
              self.tr("Show the next lesson (Ctrl+PgDown)"))
        for number, (a, lesson) in enumerate(zip(self.lesson_actions, self.lessons), start=1):
            texts(a, fill(self.tr("%1. %2"), number, lesson.translated_title),
                  lesson.translated_description)
        self.file_menu.setTitle(self.tr("&File"))
        self.export_menu.setTitle(self.tr("&Export"))
        self.run_menu.setTitle(self.tr("&Run"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.lessons_menu.setTitle(self.tr("&Lessons"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts(self.panel_dock.toggleViewAction(), self.tr("Settings panel"))
        texts(self.list_dock.toggleViewAction(), self.tr("Lesson list"),
              self.tr("Show or hide the list of lessons (F9)"))
        self.list_dock.setWindowTitle(self.tr("Lessons"))
        self.lesson_list.set_texts()
        self._about_box = None  # made again, in the language of the day, when next opened

    def _add_lesson_items(self, name: str, page: CoursePage) -> None:
        """A page's own menu entries, in the menus, shown while it is on show."""
        items = []
        places = {"file": (self.file_menu, self._file_items_at),
                  "run": (self.run_menu, None), "view": (self.view_menu, None)}
        for menu_name, entries in page.menu_items().items():
            menu, before = places[menu_name]
            for entry in entries:
                item = entry.menuAction() if isinstance(entry, QMenu) else entry
                if before is not None:
                    menu.insertAction(before, item)
                else:
                    menu.addAction(item)
                if not isinstance(entry, QMenu):
                    self.addAction(entry)  # its key works with the menu bar hidden
                items.append(item)
        self._lesson_items[name] = items

    def _fill_export_menu(self) -> None:
        menu = self.export_menu
        menu.clear()
        page = self.page
        for key, view in page.views.items():
            menu.addAction(fill(self.tr("%1…"), view.title),
                           lambda key=key: self.page.figures.export_dialog(key))
        menu.addSeparator()
        menu.addAction(self.export_window_action)

    # -- lessons ---------------------------------------------------------------------------
    def page_of(self, name: str, session=None) -> CoursePage:
        """The page of lesson ``name``, made (with ``session``, if given) the first time."""
        page = self.pages.get(name)
        if page is None:
            lesson = self._lesson(name)
            page = lesson.page(self.run_actions, session=session)
            page.setObjectName(f"{name}_page")
            self.pages[name] = page
            self.stack.addWidget(page)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page.panel)
            self.panels.addWidget(scroll)
            self._panel_scrolls[name] = scroll
            page.panel.installEventFilter(self)
            page.status_message.connect(
                lambda text, timeout, page=page: self._show_status(page, text, timeout))
            page.panel_wanted.connect(self.panel_dock.show)
            page.lesson_wanted.connect(self.show_lesson_with)
            for widget in page.status_widgets():
                self.statusBar().addPermanentWidget(widget)
                widget.hide()
            self._add_lesson_items(name, page)
            for item in self._lesson_items[name]:
                item.setVisible(False)
            page.apply_theme(self.theme, self.projector_mode)
        return page

    def _lesson(self, name: str) -> Lesson:
        lesson = lesson_named(name, self.lessons)
        if lesson is None:
            raise KeyError(f"no lesson named {name!r}")
        return lesson

    def _on_focus_changed(self, old, new) -> None:
        """When the focused widget is hidden (another lesson shown, the docks folded away
        for the projector), Qt hands the focus on to the next widget of the window, which
        may be a field or slider of the page on show that keeps the arrow keys: → would then
        not step. The user has not chosen that field: the focus goes to the lesson list, or
        nowhere (the window's keys work either way)."""
        if old is None or new is None or old.isVisible() or not shiboken6.isValid(self):
            return
        if self.isAncestorOf(old):  # not a dialog closing: the focus goes back as it was
            self._focus_out_of_the_page(new)

    def _focus_out_of_the_page(self, focused) -> None:
        """If ``focused`` (the focus widget) is on the page or its panel, the focus goes to
        the lesson list, or nowhere (see :meth:`_on_focus_changed`)."""
        if focused is None or not (self.stack.isAncestorOf(focused)
                                   or self.panels.isAncestorOf(focused)):
            return
        if self.list_dock.isVisible():
            self.lesson_list.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            focused.clearFocus()

    @Slot(str)
    def show_lesson(self, name: str, session=None) -> CoursePage:
        """Show lesson ``name`` (its page made, with ``session``, the first time). The
        lesson on show before pauses a run under way and says so."""
        lesson = self._lesson(name)
        page = self.page_of(name, session)
        previous, previous_lesson = self.page, self.lesson
        if page is previous:
            return page
        paused = False
        if previous is not None:
            paused = previous.deactivate()
            for item in self._lesson_items[previous_lesson.name]:
                item.setVisible(False)
            for widget in previous.status_widgets():
                widget.hide()
        self.page, self.lesson = page, lesson
        # the stack hands the focus of the page going out to the first field of the new one
        focused = QApplication.focusWidget()
        focus_was_on_page = focused is not None and self.stack.isAncestorOf(focused)
        self.stack.setCurrentWidget(page)
        self.panels.setCurrentWidget(self._panel_scrolls[name])
        if focus_was_on_page:
            self._focus_out_of_the_page(QApplication.focusWidget())
        self.panel_dock.setWindowTitle(page.panel_title)
        for item in self._lesson_items[name]:
            item.setVisible(True)
        for widget in page.status_widgets():
            widget.show()
        self.save_action.setEnabled(page.experiment_file_name is not None)
        self._fill_export_menu()
        self.lesson_list.show_current(name)
        for a, each in zip(self.lesson_actions, self.lessons):
            a.setChecked(each.name == name)
        self.setWindowTitle(fill(self.tr("nnlab — %1"), lesson.translated_title))
        page.activate()
        if paused:
            self.say(
                fill(self.tr("“%1” paused: only the lesson on show trains"),
                     previous_lesson.translated_title), 8000)
        if self.panel_dock.isVisible():
            self._fit_panel_dock()
        return page

    def show_lesson_with(self, name: str, experiment) -> bool:
        """Show lesson ``name`` with ``experiment`` opened in it (a lesson's button that
        shows what it explains in the lesson that trains it)."""
        page = self.show_lesson(name)
        return page.use_opened_experiment(experiment, "")

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.panel_dock.isVisible():
            self._settle_timer.start(0)  # the docks fitted once the window has its size

    def step_lesson(self, direction: int) -> None:
        """The lesson before (−1) or after (+1) the one on show, if there is one."""
        names = [lesson.name for lesson in self.lessons]
        index = names.index(self.lesson.name) + direction
        if 0 <= index < len(names):
            self.show_lesson(names[index])

    def say(self, text: str, timeout: int) -> None:
        """A message of the window's own in the status bar for ``timeout`` ms."""
        self._message_until = time.monotonic() + timeout / 1000
        self.statusBar().showMessage(text, timeout)

    def _show_status(self, page: CoursePage, text: str, timeout: int) -> None:
        """A page's line in the status bar. A message for a while ("Opened …", "Saved …")
        stays its while: the frames' status lines, many a second, wait until it has gone."""
        if page is not self.page:
            return
        now = time.monotonic()
        if timeout == 0 and now < self._message_until:
            return
        self._message_until = now + timeout / 1000 if timeout else 0.0
        self.statusBar().showMessage(text, timeout)

    # -- language ------------------------------------------------------------------------
    def set_language(self, language: str) -> bool:
        """The interface in ``language`` ("zh_CN", "zh_TW", "en") from now on, remembered for
        the next start. Every text changes at once; training goes on. False (and a message)
        when its translations are missing."""
        app = QApplication.instance()
        done = translations_of(app).install(language)
        # Qt posts every widget its LanguageChange: delivered now, Qt's own widgets take the
        # new texts, and the rebuild they ask for (changeEvent) is the one done below
        QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        apply_application_theme(app, self.theme)  # the fonts of the new language
        if done:
            QSettings().setValue(LANGUAGE_SETTING, language)
        else:
            self.say(
                fill(self.tr("The translations of %1 are missing: the interface stays in "
                             "English"), LANGUAGES.get(language, language)), 8000)
        self.retranslate()
        return done

    def _check_language(self) -> None:
        """The language menu's tick; a missing Chinese font said once."""
        language = current_language()
        for a in self.language_actions.actions():
            a.setChecked(a.data() == language)
        if language in CJK_FAMILIES and cjk_family(language) is None \
                and language not in self._fonts_missing_said:
            self._fonts_missing_said.add(language)
            self.say(
                fill(self.tr("No Chinese font is installed: install one (Debian: "
                             "fonts-noto-cjk) to read %1"), LANGUAGES[language]), 15000)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and self.page is not None:
            # a switch removes and installs translators, an event each: one rebuild for all
            self._retranslate_timer.start(0)

    def retranslate(self) -> None:
        """Every text in the interface's language: the window's own, and each lesson's page
        made again."""
        self._retranslate_timer.stop()
        self._set_texts()
        self._rebuild_pages()
        self._check_language()

    def _rebuild_pages(self) -> None:
        """Every lesson's page made again in the language of the day, around the same
        session: the runs, their histories and a training under way go on as they were."""
        current = self.lesson.name
        for name in list(self.pages):
            old = self.pages.pop(name)
            old.retire()
            for item in self._lesson_items.pop(name):
                for menu in (self.file_menu, self.run_menu, self.view_menu):
                    menu.removeAction(item)
                self.removeAction(item)
            for widget in old.status_widgets():
                self.statusBar().removeWidget(widget)
            scroll = self._panel_scrolls.pop(name)
            self.panels.removeWidget(scroll)
            self.stack.removeWidget(old)
            page = self.page_of(name, old.session)  # the session moves to the new page
            page.take_timeline(old)
            scroll.deleteLater()
            old.deleteLater()
        self.page = self.lesson = None
        self.show_lesson(current)

    # -- projector mode --------------------------------------------------------------------
    @Slot(bool)
    def set_projector_mode(self, on: bool, persist: bool = True,
                           full_screen: bool = True) -> None:
        """Projector mode on or off: the projector theme in every lesson, the views on their
        projector pages, the lesson list and the panel hidden and (``full_screen``) the whole
        screen without the menu bar, whose entries keep their keys. Leaving it brings back
        what was there before."""
        on = bool(on)
        was_projector = self._projector_shown
        theme = theme_for(on)
        changed = on != was_projector
        # the widgets take the new font now or in the event loop: the panel and the window's
        # size are fitted to it once they have (see _settle_layout)
        self._layout_unsettled = changed
        app = QApplication.instance()
        if app is not None:
            apply_application_theme(app, theme)
        self.theme = theme
        for page in self.pages.values():
            page.apply_theme(theme, on)
        if on and not was_projector:
            # the room goes to the plots; the View menu brings the docks back
            self._panel_was_visible = not self.panel_dock.isHidden()
            self._list_was_visible = not self.list_dock.isHidden()
            self.panel_dock.hide()
            self.list_dock.hide()
        elif not on and was_projector:
            self.panel_dock.setVisible(self._panel_was_visible)
            self.list_dock.setVisible(self._list_was_visible)

        if changed and full_screen:
            if on:
                self._full_screen_before_projector = self.isFullScreen()
                self.set_full_screen(True)
            elif not self._full_screen_before_projector:
                self.set_full_screen(False)
        self.menuBar().setVisible(not (on and self.isFullScreen()))
        if self.projector_action.isChecked() != on:
            with QSignalBlocker(self.projector_action):
                self.projector_action.setChecked(on)
        self._projector_shown = on
        if changed:
            self._settle_timer.start(0)
        if persist:
            save_projector_mode(on)

    @property
    def projector_mode(self) -> bool:
        return self.projector_action.isChecked()

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
        scroll = self.panels.currentWidget()
        width = (self.page.panel.sizeHint().width() + 2 * scroll.frameWidth()
                 + scroll.verticalScrollBar().sizeHint().width())
        self.resizeDocks([self.panel_dock], [width], Qt.Orientation.Horizontal)
        if self.list_dock.isVisible():  # the list as tall as its lessons, the panel the rest
            title = self.list_dock.height() - self.lesson_list.height()  # and margins
            self.resizeDocks([self.list_dock], [self.lesson_list.sizeHint().height() + title],
                             Qt.Orientation.Vertical)

    def eventFilter(self, watched, event) -> bool:
        if (self.page is not None and watched is self.page.panel
                and event.type() == QEvent.Type.FontChange and self._layout_unsettled):
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

    # -- files -----------------------------------------------------------------------------
    def open_experiment(self, path: str | None = None) -> bool:
        """Open an experiment file in the lesson its kind belongs to (shown from now on)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open experiment"), "", self.tr("Experiments (*.toml)"))
            if not path:
                return False
        try:
            experiment = load_experiment(path)
            lesson = lesson_for_kind(experiment.kind, self.lessons)
            if lesson is None:
                raise ExperimentError(fill(self.tr("%1: no lesson of nnlab opens experiments "
                                                   "of kind “%2”"), path, experiment.kind))
        except (ExperimentError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot open experiment"), translated(error))
            return False
        page = self.show_lesson(lesson.name)
        return page.use_opened_experiment(experiment, Path(path).name)

    def save_experiment(self, path: str | None = None) -> bool:
        """Save the settings of the lesson on show (a lesson without an experiment has
        none: Save is off while it is on show)."""
        if self.page.experiment_file_name is None:
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save experiment"), self.page.experiment_file_name,
                self.tr("Experiments (*.toml)"))
            if not path:
                return False
        target = Path(path)
        try:
            write_file(target, experiment_to_toml(self.page.session.experiment).encode("utf-8"))
        except OSError as error:
            QMessageBox.warning(self, self.tr("Cannot save experiment"),
                                fill(self.tr("Cannot write %1: %2"), target,
                                     translated(error.strerror or error)))
            return False
        self.say(fill(self.tr("Saved %1"), target), 5000)
        return True

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(url.isLocalFile()
                                              for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        """An experiment file opens in its lesson; other files go to the lesson on show
        (the network lab takes data files)."""
        paths = [url.toLocalFile() for url in event.mimeData().urls()]
        event.acceptProposedAction()
        if len(paths) == 1 and paths[0].lower().endswith(".toml"):
            self.open_experiment(paths[0])
        elif not self.page.drop_files(paths):
            self.say(
                fill(self.tr("“%1” takes no data files: drop them on the network lab"),
                     self.lesson.translated_title), 8000)

    # -- the rest --------------------------------------------------------------------------
    def show_about(self) -> QMessageBox:
        """Open the About box (not blocking: training keeps running behind it)."""
        if self._about_box is None:
            self._about_box = QMessageBox(self)
            self._about_box.setObjectName("about_box")
            self._about_box.setIcon(QMessageBox.Icon.Information)
            self._about_box.setWindowTitle(self.tr("About nnlab"))
            self._about_box.setStandardButtons(QMessageBox.StandardButton.Close)
            self._about_box.setText(fill(self.tr("nnlab %1"), nnlab.__version__))
        lessons = "\n".join(fill(self.tr("%1. %2"), number, lesson.translated_title)
                            for number, lesson in enumerate(self.lessons, start=1))
        self._about_box.setInformativeText(
            self.tr("A desktop course in how neural networks learn: why a sigmoid neuron "
                    "that starts badly wrong learns slowly with the quadratic cost and fast "
                    "with the cross-entropy cost, and the lessons around it:") + "\n\n"
            + lessons)
        self._about_box.open()
        return self._about_box

    def closeEvent(self, event) -> None:
        if self._remember:
            QSettings().setValue(GEOMETRY_SETTING, self.saveGeometry())
            QSettings().setValue(LESSON_SETTING, self.lesson.name)
        for page in self.pages.values():
            page.shutdown()
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
