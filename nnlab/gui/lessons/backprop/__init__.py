"""Lesson: backpropagation one number at a time (lecture note 001).

The note's 3-2-3 sigmoid network with the loss ½Σ(ŷᵢ − yᵢ)², one sample and its target: the
forward pass neuron by neuron, each output's and hidden unit's δ, every weight's gradient
beside its finite-difference estimate, the update wᵢ ← wᵢ − η·∂ℒ/∂wᵢ and the lower loss after
it; then the same network trained by batch, stochastic and mini-batch descent.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnlab.gui.page.lesson import Lesson


def _page(actions, session=None):
    from nnlab.gui.lessons.backprop.page import BackpropPage  # its views only when shown

    return BackpropPage(actions, session)


LESSON = Lesson(
    name="backprop",
    title=QT_TRANSLATE_NOOP("Lessons", "Backpropagation one number at a time"),
    description=QT_TRANSLATE_NOOP(
        "Lessons", "The chain rule through a 3-2-3 network, every gradient checked by finite "
                   "differences"),
    page=_page,
    kind="",
    figures=("network", "formula"),
)
