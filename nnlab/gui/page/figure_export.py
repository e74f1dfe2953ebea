"""Figures of a lesson's page: one view, or the dashboard's page on show, exported to a file
or copied to the clipboard, laid out for a slide, with the settings as a caption if wanted.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from nnlab.gui import export
from nnlab.gui.text import fill
from nnlab.gui.widgets.export_dialog import ExportDialog

#: QSettings key: whether figures get a caption with the settings (File › Add a caption)
CAPTION_SETTING = "export/caption"


def caption_wanted() -> bool:
    return QSettings().value(CAPTION_SETTING, False, type=bool)


class FigureExport:
    """Export and copy of a page's views (key) or, for the key None, of the dashboard's page
    on show: its plots without the run controls (the exported plots' legends name the
    runs)."""

    def __init__(self, page):
        self.page = page

    def export_target(self, key: str | None) -> QWidget:
        """The widget a view key exports."""
        if key is None:
            return self.page.dashboard.currentWidget()
        return self.page.views[key].export_widget()

    def export_title(self, key: str | None) -> str:
        if key is None:
            return QApplication.translate("LessonPage", "Whole window")
        return self.page.views[key].title

    def export_to(self, key: str | None, path, fmt=None, width=None,
                  caption: bool | None = None) -> Path:
        """Export one view (or the page) to ``path``; raises export.ExportError."""
        caption = caption_wanted() if caption is None else caption
        with self._page_showing(key), self._legends_for_export():
            frame = self._frame_for_export(key)
            text = self.page.caption_text(frame) if caption else None
            # a plot gets its title above it; the dashboard, a page of plots, none
            title = None if key is None else self.page.views[key].title
            # laid out for a slide while it is drawn, then back as it was on screen
            return export.export_widget(self.export_target(key), path, fmt, width=width,
                                        caption=text, title=title,
                                        aspect=export.SLIDE_ASPECT)

    def export_dialog(self, key: str | None) -> None:
        """Ask where and how, then export; a failure is a message box."""
        target = self.export_target(key)
        slug = "window" if key is None else self.page.views[key].slug
        # the PNG's default width: the figure as laid out for a slide, twice over
        png_width = export.DEFAULT_PNG_SCALE * max(target.width(), export.FIGURE_MIN_WIDTH)
        dialog = ExportDialog(self.export_title(key), slug, png_width, caption_wanted(),
                              self.page.window())
        if not dialog.exec():
            return
        try:
            written = self.export_to(key, dialog.path(), dialog.format(), dialog.png_width(),
                                     dialog.caption())
        except export.ExportError as error:
            QMessageBox.warning(self.page.window(),
                                QApplication.translate("LessonPage", "Export failed"),
                                str(error))
            return
        self.page.status_message.emit(
            fill(QApplication.translate("LessonPage", "Exported %1"), written), 5000)

    def copy_to_clipboard(self, key: str | None) -> None:
        with self._page_showing(key), self._legends_for_export():
            frame = self._frame_for_export(key)
            text = self.page.caption_text(frame) if caption_wanted() else None
            export.copy_to_clipboard(self.export_target(key), caption=text,
                                     title=None if key is None else self.page.views[key].title,
                                     aspect=export.SLIDE_ASPECT)
        self.page.status_message.emit(
            fill(QApplication.translate("LessonPage", "Copied “%1” to the clipboard"),
                 self.export_title(key)), 5000)

    @contextlib.contextmanager
    def _page_showing(self, key: str | None):
        """A view on a hidden dashboard page has no up-to-date size: show its page while
        it is exported, then go back."""
        dashboard = self.page.dashboard
        previous = dashboard.currentIndex()
        view_page = self.page.views[key].parentWidget() if key is not None else None
        index = dashboard.indexOf(view_page) if view_page is not None else -1
        if index >= 0 and index != previous:
            dashboard.setCurrentIndex(index)
            # the dashboard's layouts only: the window's would hand its size hints to the
            # platform (offscreen, a headless export, prints a warning for that)
            for widget in [dashboard, *dashboard.findChildren(QWidget)]:
                QApplication.sendPostedEvents(widget, QEvent.Type.LayoutRequest)
        try:
            yield
        finally:
            if dashboard.currentIndex() != previous:
                dashboard.setCurrentIndex(previous)

    def _frame_for_export(self, key: str | None):
        """The current frame, drawn into the exported views too: a view on a hidden page is
        not redrawn while training."""
        frame = self.page.current_frame()
        for name, view in self.page.views.items():
            if key is None or name == key:
                view.update_frame(frame)
        return frame

    @contextlib.contextmanager
    def _legends_for_export(self):
        """A figure on a slide needs its legend even when the projector screen hides it."""
        self.page.set_legends_visible(True)
        try:
            yield
        finally:
            self.page.set_legends_visible(None)
