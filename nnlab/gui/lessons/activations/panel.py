"""The lesson's settings dock: what it shows and how to drive it. Its controls (the functions
and the marked z) are under the plots, where they stay in projector mode."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from nnlab.core.activation_curves import SATURATION_THRESHOLD
from nnlab.gui.text import fill, format_number


class ActivationsPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        box = QGroupBox(self.tr("Activation functions"))
        self.help = QLabel(fill(self.tr(
            "Five steps: the functions, their slopes (saturated where the slope is below %1), "
            "what depth does to a gradient, why a network needs a non-linearity, and what "
            "each function costs.\n\nTick the functions to draw under the plots, and mark a z "
            "with the slider or by typing it. → and ← walk through the steps; while the "
            "slider has the focus they move it (Esc gives them back)."),
            format_number(SATURATION_THRESHOLD)))
        self.help.setWordWrap(True)
        # as tall as its lines at the panel's width (a scrolling panel must not squeeze it)
        self.help.setMinimumWidth(self.help.fontMetrics().averageCharWidth() * 34)
        inner = QVBoxLayout(box)
        inner.addWidget(self.help)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
