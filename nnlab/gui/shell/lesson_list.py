"""The lesson list: the course's lessons in teaching order, each with its one-line
description; choosing one shows it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from nnlab.gui.page.lesson import Lesson
from nnlab.gui.text import fill


class LessonList(QListWidget):
    """``lesson_chosen(name)`` when the user picks a lesson (click, or arrows and Enter)."""

    lesson_chosen = Signal(str)

    def __init__(self, lessons: tuple[Lesson, ...], parent=None):
        super().__init__(parent)
        self.setObjectName("lesson_list")
        # two lines a lesson, each cut with "…" when the list is narrow (the whole text is the
        # tooltip): rows of one height, so the list can be as tall as its lessons
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.lessons = tuple(lessons)
        for lesson in self.lessons:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, lesson.name)
            self.addItem(item)
        self.set_texts()
        # a click, or Enter on the current row: arrows alone only move through the list
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def sizeHint(self) -> QSize:
        """As tall as all the lessons: the list needs no scroll bar while the window has
        room for it."""
        hint = super().sizeHint()
        rows = sum(self.sizeHintForRow(row) + 2 * self.spacing() for row in range(self.count()))
        return QSize(hint.width(), rows + 2 * self.frameWidth())

    def set_texts(self) -> None:
        """Each lesson's title and description, in the interface's language."""
        for row, lesson in enumerate(self.lessons):
            item = self.item(row)
            item.setText(fill(self.tr("%1. %2"), row + 1, lesson.translated_title) + "\n"
                         + lesson.translated_description)
            item.setToolTip(lesson.translated_title + "\n" + lesson.translated_description)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.lesson_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_current(self, name: str) -> None:
        """Mark lesson ``name`` as the one on show."""
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.setCurrentRow(row)
                return
