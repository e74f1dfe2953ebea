"""The registry: the course's lessons in teaching order.

Each lesson is a package here that declares its :class:`~nnlab.gui.page.lesson.Lesson` in its
``__init__.py`` (see docs/adding-a-lesson.md); adding a lesson is adding its package and one
line below. Lessons never import each other.
"""

from __future__ import annotations

from nnlab.gui.page.lesson import Lesson

from nnlab.gui.lessons import activations, backprop, derivation, lab, losses, neuron

LESSONS: tuple[Lesson, ...] = (
    losses.LESSON,
    neuron.LESSON,
    derivation.LESSON,
    backprop.LESSON,
    activations.LESSON,
    lab.LESSON,
)


def lesson_named(name: str, lessons: tuple[Lesson, ...] | None = None) -> Lesson | None:
    """The lesson called ``name`` in ``lessons`` (default: the registry's), or None."""
    for lesson in LESSONS if lessons is None else lessons:
        if lesson.name == name:
            return lesson
    return None


def lesson_for_kind(kind: str, lessons: tuple[Lesson, ...] | None = None) -> Lesson | None:
    """The lesson that opens experiment files of ``kind`` (the first, if several do)."""
    for lesson in LESSONS if lessons is None else lessons:
        if kind and lesson.kind == kind:
            return lesson
    return None
