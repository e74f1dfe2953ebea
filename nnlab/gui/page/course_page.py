"""What the course window asks of every lesson's page, written once.

A lesson's page is either a :class:`~nnlab.gui.page.lesson_page.LessonPage` (it trains runs)
or an :class:`~nnlab.gui.page.explainer_page.ExplainerPage` (it explains: a table to edit,
a derivation to walk through). Both are a :class:`CoursePage`: the signals the window
listens to, the hooks it calls with their defaults, the views' legends, and each view's
right-click menu with export and copy.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from nnlab.gui.page.figure_export import FigureExport
from nnlab.gui.text import fill

#: explicit contexts: a page class's self.tr would look the texts up under its own name
translate = QCoreApplication.translate


@dataclass(frozen=True)
class RunActions:
    """The course window's Run/Pause, Step and Reset actions: every page's run controls show
    them as buttons, so a key, a menu entry and a button are one thing."""

    run: QAction
    step: QAction
    reset: QAction


class CoursePage(QWidget):
    """A lesson's page in the course window. A subclass makes ``self.views`` (key → view:
    a QWidget with ``update_frame(frame)``, ``apply_theme(theme)``, ``export_widget()``, a
    translated ``title`` and a ``slug``), ``self.panel`` (the settings dock's widget),
    ``self.panel_title`` and ``self.dashboard``, and says what a frame is and what its status
    line and captions say."""

    #: a line for the window's status bar, shown for ``timeout`` ms (0: until the next)
    status_message = Signal(str, int)
    #: the settings panel should be shown (a run was refused because of a bad value)
    panel_wanted = Signal()
    #: a frame has been handed to every visible view; the argument is how long that took,
    #: in seconds
    frame_drawn = Signal(float)
    #: show lesson ``name`` with this experiment opened in it (lessons never import each
    #: other: the window does it)
    lesson_wanted = Signal(str, object)

    #: file name offered when saving an experiment; None: the lesson has none, and File ›
    #: Save is off while it is on show
    experiment_file_name: str | None = None

    def __init__(self, session, actions: RunActions, parent=None):
        super().__init__(parent)
        self.session = session
        self.actions = actions
        self._active = False  # the page on show: it draws and owns the window's actions
        self.theme = None  # the window's theme, set by apply_theme
        self.projector_mode = False
        self.views: dict[str, QWidget] = {}
        self.figures = FigureExport(self)

    # -- what a lesson says ----------------------------------------------------------------
    def current_frame(self):
        """The frame the views show now (also what exports and captions describe)."""
        raise NotImplementedError

    def status_text(self, frame) -> str:
        """The status line for ``frame``."""
        raise NotImplementedError

    def caption_text(self, frame) -> str:
        """One line with the settings behind an exported figure."""
        raise NotImplementedError

    def run_key(self) -> list[tuple]:
        """(label, colour name) of each run, for the colour key under the plots; also
        (label, colour, glyph) or (label, colour, glyph, group), see
        :meth:`~nnlab.gui.widgets.run_controls.RunControls.show_key`."""
        return []

    def run_label(self, name: str) -> str:
        """The translated name of run ``name``, for messages."""
        return name

    def widgets_above_controls(self) -> list[QWidget]:
        """Widgets between the views and the controls under them."""
        return []

    def status_widgets(self) -> list[QWidget]:
        """Widgets kept at the right of the window's status bar while the page is on show."""
        return []

    def menu_items(self) -> dict[str, list[QAction | QMenu]]:
        """The page's own entries of the window's menus: "file", "run" and "view" → actions
        or submenus, shown while the page is on show."""
        return {}

    def legends_on_screen(self, projector: bool) -> bool:
        """Whether the plots' legends show on screen (exports always show them)."""
        return True

    def use_opened_experiment(self, experiment, name: str) -> bool:
        """Use ``experiment``, opened from the file ``name``; False: not taken."""
        return False

    def drop_files(self, paths: list[str]) -> bool:
        """Files other than an experiment dropped on the window; False: not taken."""
        return False

    def change_speed(self, direction: int) -> None:
        """Twice (+1) or half (−1) the speed (the keys + and −); nothing where nothing
        trains."""

    def numbers(self) -> dict:
        """What the page shows as plain numbers (``numbers.json`` of ``nnlab export
        --lesson``); empty: none written."""
        return {}

    def figure_steps(self) -> list[int | None]:
        """The steps a headless export draws a set of figures of (None: the page as it
        is)."""
        return [None]

    def set_step(self, index: int) -> None:
        """Show step ``index`` of a lesson of steps."""

    # -- the views -------------------------------------------------------------------------
    def set_legends_visible(self, visible: bool | None) -> None:
        """Every plot's legend on (exports), or (None) as the screen wants it."""
        shown = self.legends_on_screen(self.projector_mode) if visible is None else visible
        for view in self.views.values():
            set_view_legend_visible(view, shown)

    def _theme_views(self, theme, projector: bool) -> None:
        """The window's theme in every view, the legends as the screen wants them, and the
        views on the dashboard's pages of that mode."""
        self.theme = theme
        self.projector_mode = projector
        for view in self.views.values():
            view.apply_theme(theme)
            set_view_legend_visible(view, self.legends_on_screen(projector))
        self.dashboard.arrange(projector=projector)

    def _install_view_menus(self) -> None:
        """Each view's right-click menu offers export and copy of that view."""
        for key, view in self.views.items():
            menu = QMenu(view)
            menu.addAction(fill(translate("LessonPage", "Export “%1”…"), view.title),
                           lambda key=key: self.figures.export_dialog(key))
            menu.addAction(fill(translate("LessonPage", "Copy “%1” to clipboard"), view.title),
                           lambda key=key: self.figures.copy_to_clipboard(key))
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, view=view, menu=menu: menu.popup(view.mapToGlobal(pos)))
            plot_menu = getattr(view, "context_menus", None)
            if plot_menu is not None:
                # pyqtgraph views take the right button themselves: add to their menus
                for target in plot_menu():
                    target.addSeparator()
                    target.addActions(menu.actions())


def set_view_legend_visible(view, visible: bool) -> None:
    setter = getattr(view, "set_legend_visible", None)  # views without a legend have none
    if setter is not None:
        setter(visible)
