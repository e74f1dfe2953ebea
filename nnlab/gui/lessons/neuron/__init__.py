"""Lesson: one neuron, quadratic vs cross-entropy (lecture notes 000 and 003).

A sigmoid neuron that starts badly wrong learns slowly under the quadratic cost, whose
gradient carries σ′(z); the cross-entropy cost cancels σ′(z) and learns fastest when the
error is largest. Runs side by side, same start, one per cost; an experiment with several
starts (``neuron.starts``, the presets neuron-two-starts and neuron-two-starts-both-costs)
runs every start under every cost, each start in its own line style and marker.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

from nnlab.gui.page.lesson import Lesson


def _page(actions, session=None):
    from nnlab.gui.lessons.neuron.page import NeuronPage  # its views only when shown

    return NeuronPage(actions, session)


LESSON = Lesson(
    name="neuron",
    title=QT_TRANSLATE_NOOP("Lessons", "One neuron: quadratic vs cross-entropy"),
    description=QT_TRANSLATE_NOOP(
        "Lessons", "Why a neuron that starts badly wrong learns slowly with the quadratic "
                   "cost and fast with cross-entropy"),
    page=_page,
    kind="neuron",
    figures=("sigmoid", "cost", "output", "gradient", "breakdown", "surface"),
)
