"""A "Run: [label ▾]" chooser for the views that show one run at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from nnlab.app.frames import LabFrame, RunFrame
from nnlab.gui.theme import Theme
from nnlab.gui.views.base import font_of


class RunPicker(QWidget):
    """"Run: [label ▾]", each run's label in its colour. It keeps the chosen run by name while
    the frame's runs come and go, and falls back to the first."""

    run_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self.tr("Run:"))
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self._runs: tuple[tuple[str, str, str], ...] = ()
        self._chosen: str | None = None
        self.combo.currentIndexChanged.connect(self._on_index_changed)

    def set_runs(self, runs) -> None:
        """Offer ``runs`` (RunFrame); cheap when they are the ones offered already."""
        offered = tuple((run.name, run.label, run.colour) for run in runs)
        if offered == self._runs:
            return
        self._runs = offered
        names = [name for name, _, _ in offered]
        chosen = self._chosen if self._chosen in names else (names[0] if names else None)
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for name, label, colour in offered:
                self.combo.addItem(label, name)
                self.combo.setItemData(self.combo.count() - 1, QColor(colour),
                                       Qt.ItemDataRole.ForegroundRole)
            self.combo.setCurrentIndex(names.index(chosen) if chosen is not None else -1)
        finally:
            self.combo.blockSignals(False)
        self._chosen = chosen

    @property
    def chosen(self) -> str | None:
        return self._chosen

    def choose(self, name: str) -> None:
        """Show run ``name``: now, or as soon as a frame offers it."""
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)
        else:
            self._chosen = name
            self._runs = ()  # offered again at the next frame, with this choice

    def chosen_run(self, frame: LabFrame) -> RunFrame | None:
        return frame.run(self._chosen) if self._chosen is not None else None

    def _on_index_changed(self, index: int) -> None:
        name = self.combo.itemData(index) if index >= 0 else None
        if name != self._chosen:
            self._chosen = name
            self.run_changed.emit(name or "")

    def apply_theme(self, theme: Theme) -> None:
        font = font_of(theme)
        self.label.setFont(font)
        self.combo.setFont(font)

