"""The lesson window's views: each draws one :class:`~nnlab.gui.frame.LessonFrame`.

Every view is a QWidget with ``update_frame(frame)``, ``apply_theme(theme)``,
``export_widget()``, a translated ``title`` and a ``slug`` for file names. Views keep pyqtgraph
items for their whole life and update them in place; they never talk to the session or the
training thread.
"""

from nnlab.gui.number_text import format_number
from nnlab.gui.views.breakdown import BreakdownView
from nnlab.gui.views.curves import CostPlot, GradientPlot, OutputPlot, link_epoch_axes
from nnlab.gui.views.sigmoid_view import SigmoidView
from nnlab.gui.views.surface_view import SurfaceView

#: The lesson's views in the order of the File › Export menu.
VIEW_CLASSES = (SigmoidView, CostPlot, OutputPlot, GradientPlot, BreakdownView, SurfaceView)

__all__ = [
    "BreakdownView", "CostPlot", "GradientPlot", "OutputPlot", "SigmoidView", "SurfaceView",
    "VIEW_CLASSES", "format_number", "link_epoch_axes",
]
