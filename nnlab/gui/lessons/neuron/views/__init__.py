"""The one-neuron lesson's views: each draws one :class:`~nnlab.app.frames.NeuronFrame`."""

from nnlab.gui.lessons.neuron.views.breakdown import BreakdownView
from nnlab.gui.lessons.neuron.views.curves import CostPlot, GradientPlot, OutputPlot
from nnlab.gui.lessons.neuron.views.sigmoid import SigmoidView
from nnlab.gui.lessons.neuron.views.surface import SurfaceView

#: The lesson's views in the order of the File › Export menu.
VIEW_CLASSES = (SigmoidView, CostPlot, OutputPlot, GradientPlot, BreakdownView, SurfaceView)

__all__ = [
    "BreakdownView", "CostPlot", "GradientPlot", "OutputPlot", "SigmoidView", "SurfaceView",
    "VIEW_CLASSES",
]
