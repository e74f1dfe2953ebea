"""The dialog behind File › Export: where to, which format, how wide, with a caption or not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLineEdit, QPushButton, QSpinBox, QWidget,
)

FORMATS = ("png", "svg", "pdf")


class ExportDialog(QDialog):
    def __init__(self, title: str, slug: str, screen_width: int, caption: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export “%1”").replace("%1", title))
        settings = QSettings()
        folder = settings.value("export/folder", str(Path.home()))
        fmt = settings.value("export/format", "png")
        fmt = fmt if fmt in FORMATS else "png"

        self.format_box = QComboBox()
        for name, text in zip(FORMATS, (self.tr("PNG image"), self.tr("SVG drawing"),
                                        self.tr("PDF document"))):
            self.format_box.addItem(text, name)
        self.format_box.setCurrentIndex(FORMATS.index(fmt))
        self.path_edit = QLineEdit(str(Path(folder) / f"nnlab-{slug}.{fmt}"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        path_widget = QWidget()
        path_widget.setLayout(path_row)
        path_row.setContentsMargins(0, 0, 0, 0)

        self.width_box = QSpinBox()
        self.width_box.setRange(100, 16000)
        self.width_box.setSuffix(self.tr(" px"))
        self.width_box.setValue(max(100, 2 * screen_width))
        self.width_box.setToolTip(self.tr("Width of the PNG image; twice the on-screen size by "
                                          "default, sharp on slides"))
        self.caption_box = QCheckBox(self.tr("Add a caption with the settings"))
        self.caption_box.setChecked(caption)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("File"), path_widget)
        form.addRow(self.tr("Width"), self.width_box)
        form.addRow("", self.caption_box)
        form.addRow(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    def _on_format_changed(self, *_args) -> None:
        fmt = self.format()
        self.width_box.setEnabled(fmt == "png")
        path = Path(self.path_edit.text())
        if path.suffix.lower().lstrip(".") in FORMATS:
            self.path_edit.setText(str(path.with_suffix("." + fmt)))

    def _browse(self) -> None:
        fmt = self.format()
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path_edit.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.path_edit.setText(path)

    def format(self) -> str:
        return self.format_box.currentData()

    def path(self) -> str:
        return self.path_edit.text().strip()

    def png_width(self) -> int:
        return self.width_box.value()

    def caption(self) -> bool:
        return self.caption_box.isChecked()

    def accept(self) -> None:
        settings = QSettings()
        settings.setValue("export/format", self.format())
        settings.setValue("export/folder", str(Path(self.path()).parent))
        settings.setValue("export/caption", self.caption())
        super().accept()
