"""A lesson of the course, declared in one place.

Each lesson package (``nnlab/gui/lessons/<name>/``) declares one :class:`Lesson` in its
``__init__.py``, and the registry (``nnlab/gui/lessons/__init__.py``) lists them in teaching
order. The course window builds a lesson's page only when it is first shown, so a lesson's
views cost nothing until then.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication

#: The translation context of the lessons' titles and descriptions.
LESSONS_CONTEXT = "Lessons"


@dataclass(frozen=True)
class Lesson:
    """``name``: the key (``nnlab --lesson NAME``, settings, file names), lower case.
    ``title`` and ``description`` (one line): English source texts, marked for translation
    in the context :data:`LESSONS_CONTEXT` (``QT_TRANSLATE_NOOP("Lessons", …)``) and shown
    translated. ``page``: makes the lesson's page, ``page(actions, session=None)``; see
    :class:`~nnlab.gui.page.lesson_page.LessonPage` (a lesson that trains) or
    :class:`~nnlab.gui.page.explainer_page.ExplainerPage` (one that explains). ``kind``: the
    experiment kind its files have (``kind = "neuron"``): opening such a file opens this
    lesson; empty for a lesson without experiment files. ``figures``: the view
    keys ``nnlab export`` writes, in order (empty: the lesson has no batch export).
    """

    name: str
    title: str
    description: str
    page: Callable
    kind: str
    figures: tuple[str, ...] = ()

    @property
    def translated_title(self) -> str:
        return QCoreApplication.translate(LESSONS_CONTEXT, self.title)

    @property
    def translated_description(self) -> str:
        return QCoreApplication.translate(LESSONS_CONTEXT, self.description)
