"""Under the plots: which functions are drawn (a check box each, in its colour) and the marked
z (typed, or a slider). Both stay on screen in projector mode, where the settings dock is
hidden.

The slider and the typed value keep the keys a user expects of them while focused (← and →
move the slider, Home and End go to its ends); elsewhere those keys stay the window's (the
steps). Esc hands the keys back to the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget,
)

from nnlab.core.activation_curves import ACTIVATION_NAMES, Z_RANGE
from nnlab.gui.lessons.activations.views.notes import colour_text
from nnlab.gui.lessons.activations.views.style import ACTIVATION_COLOURS
from nnlab.gui.text import activation_label

#: The slider's steps: a hundredth of z; an arrow key moves it a tenth, Page Up/Down one.
SLIDER_SCALE = 100
SLIDER_STEP = 10
SLIDER_PAGE = 100

#: Keys the focused slider and typed value keep from the window's shortcuts.
OWN_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
            Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
            Qt.Key.Key_Minus, Qt.Key.Key_Plus)


def _keeps(event: QKeyEvent) -> bool:
    return event.key() in OWN_KEYS and not event.modifiers() & (
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)


class KeepsKeysWhileFocused:
    """Mixed into a Qt widget: while focused it keeps OWN_KEYS from the window's shortcuts
    (see the module docstring), and Esc hands them back."""

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _keeps(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clearFocus()
            return
        super().keyPressEvent(event)


class ZSlider(KeepsKeysWhileFocused, QSlider):
    """The slider of z, which keeps its keys while focused."""


class ZSpinBox(KeepsKeysWhileFocused, QDoubleSpinBox):
    """The typed z, which keeps its keys while focused."""


class ControlBar(QWidget):
    """The check boxes (``shown_toggled(name, on)``) and the marked z (``z_edited``)."""

    shown_toggled = Signal(str, bool)
    z_edited = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.functions = QWidget()
        row = QHBoxLayout(self.functions)
        row.setContentsMargins(0, 0, 0, 0)
        self.show_label = QLabel(self.tr("Show:"))
        row.addWidget(self.show_label)
        for name in ACTIVATION_NAMES:
            box = QCheckBox(activation_label(name))
            colour_text(box, ACTIVATION_COLOURS[name])
            box.setToolTip(self.tr("Draw this function in the plots"))
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the arrows stay the window's
            box.toggled.connect(lambda on, name=name: self.shown_toggled.emit(name, on))
            self.boxes[name] = box
            row.addWidget(box)
        row.addStretch(1)

        self.marked = QWidget()
        row = QHBoxLayout(self.marked)
        row.setContentsMargins(0, 0, 0, 0)
        self.z_label = QLabel(self.tr("Mark z ="))
        self.spin = ZSpinBox()
        self.spin.setRange(*Z_RANGE)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(SLIDER_STEP / SLIDER_SCALE)
        self.spin.setToolTip(self.tr("Type the z to mark on every curve"))
        self.z_label.setBuddy(self.spin)
        self.slider = ZSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(round(Z_RANGE[0] * SLIDER_SCALE), round(Z_RANGE[1] * SLIDER_SCALE))
        self.slider.setSingleStep(SLIDER_STEP)
        self.slider.setPageStep(SLIDER_PAGE)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setToolTip(self.tr("Move the z marked on every curve (← and → while it has "
                                       "the focus; Esc gives the arrows back to the steps)"))
        self.spin.valueChanged.connect(self.z_edited)
        self.slider.valueChanged.connect(lambda value: self.z_edited.emit(value / SLIDER_SCALE))
        row.addWidget(self.z_label)
        row.addWidget(self.spin)
        row.addWidget(self.slider, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        layout.addWidget(self.functions)
        layout.addWidget(self.marked)

    def show_state(self, z: float, shown: tuple[str, ...]) -> None:
        """The model's z and functions (no signals)."""
        with QSignalBlocker(self.spin):
            if abs(self.spin.value() - z) > 1e-9:
                self.spin.setValue(z)
        with QSignalBlocker(self.slider):
            self.slider.setValue(round(z * SLIDER_SCALE))
        for name, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(name in shown)
