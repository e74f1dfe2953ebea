"""Lesson: the network lab (lecture note 004 and Nielsen, chapter 3).

Multi-layer networks on real data (handwritten digits, spirals, files of your own), runs that
differ in one setting (the cost, the activation, the optimiser or η) trained side by side
from the same start.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnlab.gui.page.lesson import Lesson


def _page(actions, session=None):
    from nnlab.gui.lessons.lab.page import LabPage  # its views only when shown

    return LabPage(actions, session)


LESSON = Lesson(
    name="lab",
    title=QT_TRANSLATE_NOOP("Lessons", "Network lab"),
    description=QT_TRANSLATE_NOOP(
        "Lessons", "Multi-layer networks on real data, runs compared live"),
    page=_page,
    kind="network",
)
