"""Lesson: activation functions (lecture note 004).

Sigmoid, tanh, ReLU, leaky ReLU and linear with their derivatives; where each saturates; why
a product of sigmoid derivatives vanishes with depth; why a network needs a non-linearity;
and why ReLU is cheap and sparse.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnlab.gui.page.lesson import Lesson


def _page(actions, session=None):
    from nnlab.gui.lessons.activations.page import ActivationsPage  # its views only when shown

    return ActivationsPage(actions, session)


LESSON = Lesson(
    name="activations",
    title=QT_TRANSLATE_NOOP("Lessons", "Activation functions and vanishing gradients"),
    description=QT_TRANSLATE_NOOP(
        "Lessons", "Five activations and their slopes, why depth starves sigmoid layers, and "
                   "why a network needs a non-linearity"),
    page=_page,
    kind="",
    figures=("curves", "definitions", "slopes", "saturation", "depth", "depth_notes", "xor"),
)
