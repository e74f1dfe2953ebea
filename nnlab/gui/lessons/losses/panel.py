"""The lesson's settings: the samples (add, remove, the notes' example again), the
cross-entropy's logarithm (ln as note 002, log₂ as note 001) and whether the outputs are typed
as probabilities or as logits.

The panel changes nothing itself: its buttons trigger the page's actions (which the Run
menu and the keys Insert, Delete and R trigger too), and its switches are announced.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QGroupBox, QLabel, QPushButton, QRadioButton, QVBoxLayout,
    QWidget,
)

from nnlab.gui.lessons.losses.model import LossFrame


class LossesPanel(QWidget):
    """Buttons for ``add``, ``remove`` and ``example`` (the page's actions), the log base
    (``log_base_chosen``: "e" or "2") and the logits switch (``logits_toggled``)."""

    log_base_chosen = Signal(str)
    logits_toggled = Signal(bool)

    def __init__(self, add: QAction, remove: QAction, example: QAction, parent=None):
        super().__init__(parent)
        samples = QGroupBox(self.tr("Samples"))
        self.add_button = QPushButton(self.tr("Add a sample"))
        self.add_button.setToolTip(self.tr("A new sample after the table's current one, "
                                           "which both models are unsure of (Insert)"))
        self.remove_button = QPushButton(self.tr("Remove the sample"))
        self.remove_button.setToolTip(self.tr("The table's current sample goes, from both "
                                              "models (Delete)"))
        self.example_button = QPushButton(self.tr("Note 002's example"))
        self.example_button.setToolTip(self.tr("The notes' three samples and two models "
                                               "again, cross-entropy in ln (R)"))
        for button, action in ((self.add_button, add), (self.remove_button, remove),
                               (self.example_button, example)):
            # the keyboard stays in the table: a click does not take its focus
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda *_, action=action: action.trigger())
        self.help = QLabel(self.tr("Type into the table: ŷ for each class (from 0 to 1), the "
                                   "true class as 1, 2 or 3. Enter or Tab keeps a value, Esc "
                                   "drops it."))
        self.help.setWordWrap(True)
        # as tall as its lines at the panel's width (a scrolling panel must not squeeze it)
        self.help.setMinimumWidth(self.help.fontMetrics().averageCharWidth() * 16)
        box = QVBoxLayout(samples)
        for widget in (self.add_button, self.remove_button, self.example_button, self.help):
            box.addWidget(widget)

        logarithm = QGroupBox(self.tr("Cross-entropy"))
        self.natural = QRadioButton(self.tr("Natural log, ln (note 002)"))
        self.natural.setToolTip(self.tr("−Σ y ln ŷ, as note 002 computes it: 1.378 and "
                                        "0.639 for its example"))
        self.binary = QRadioButton(self.tr("Base 2, log₂ (note 001)"))
        self.binary.setToolTip(self.tr("−Σ y log₂ ŷ, as note 001 writes it: every "
                                       "cross-entropy divided by ln 2"))
        self.log_buttons = QButtonGroup(self)
        self.log_buttons.addButton(self.natural, 0)
        self.log_buttons.addButton(self.binary, 1)
        self.log_buttons.idClicked.connect(
            lambda button: self.log_base_chosen.emit("e" if button == 0 else "2"))
        box = QVBoxLayout(logarithm)
        box.addWidget(self.natural)
        box.addWidget(self.binary)

        outputs = QGroupBox(self.tr("Outputs"))
        self.logits = QCheckBox(self.tr("Type logits z, ŷ = softmax(z)"))
        self.logits.setToolTip(self.tr(
            "Type each model's logits z instead of its probabilities: softmax turns them "
            "into ŷ, which sums to 1. Each row keeps its ŷ when you switch (z = ln ŷ; a row "
            "that does not sum to 1 is divided by its sum)."))
        self.logits.toggled.connect(self.logits_toggled)
        box = QVBoxLayout(outputs)
        box.addWidget(self.logits)

        layout = QVBoxLayout(self)
        layout.addWidget(samples)
        layout.addWidget(logarithm)
        layout.addWidget(outputs)
        layout.addStretch(1)

    def show_frame(self, frame: LossFrame, can_add: bool, can_remove: bool) -> None:
        """The switches as the table has them (no signal)."""
        with QSignalBlocker(self.log_buttons), QSignalBlocker(self.natural), \
                QSignalBlocker(self.binary):
            (self.natural if frame.log_base == "e" else self.binary).setChecked(True)
        with QSignalBlocker(self.logits):
            self.logits.setChecked(frame.logits)
        self.add_button.setEnabled(can_add)
        self.remove_button.setEnabled(can_remove)
        self.help.setText(
            self.tr("Type into the table: the logits z of each class (any number), the true "
                    "class as 1, 2 or 3. Enter or Tab keeps a value, Esc drops it.")
            if frame.logits else
            self.tr("Type into the table: ŷ for each class (from 0 to 1), the true class as "
                    "1, 2 or 3. Enter or Tab keeps a value, Esc drops it."))
