"""Lesson: loss functions compared (lecture note 002, with note 001's formulas).

Two models' softmax outputs on the same samples, scored by the classification error, the
mean squared error and the cross-entropy: only the last two tell the better model apart, and
the cross-entropy most clearly. Nothing is trained; the table is edited and every measure
recomputed.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnlab.gui.page.lesson import Lesson


def _page(actions, session=None):
    from nnlab.gui.lessons.losses.page import LossesPage  # its views only when shown

    return LossesPage(actions, session)


LESSON = Lesson(
    name="losses",
    title=QT_TRANSLATE_NOOP("Lessons", "Loss functions compared"),
    description=QT_TRANSLATE_NOOP(
        "Lessons", "Classification error, squared error and cross-entropy score the same "
                   "predictions: which tells the better model apart"),
    page=_page,
    kind="",
    figures=("table", "loss_curves", "definitions"),
)
