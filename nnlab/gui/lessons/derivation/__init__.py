"""Lesson: why cross-entropy, the derivation (lecture note 003, note 000's appendix, Nielsen
chapter 3).

A walkthrough, a step at a time, from the quadratic cost's gradient, which carries σ′(z),
to the cost whose gradient is the error a − y itself: the chain rule asks for
∂C/∂a = (a − y)/(a(1 − a)), and integrating it over a gives the cross-entropy. Each step is
a typeset formula with the numbers of the start on show, beside a plot that follows it.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnlab.gui.page.lesson import Lesson


def _page(actions, session=None):
    from nnlab.gui.lessons.derivation.page import DerivationPage  # its views only when shown

    return DerivationPage(actions, session)


LESSON = Lesson(
    name="derivation",
    title=QT_TRANSLATE_NOOP("Lessons", "Why cross-entropy: the derivation"),
    description=QT_TRANSLATE_NOOP(
        "Lessons", "From the quadratic cost's slow gradient to the cost whose gradient is "
                   "the error itself, a step at a time"),
    page=_page,
    kind="",
    figures=("formula", "plot"),
)
