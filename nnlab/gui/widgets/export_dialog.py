"""The dialog behind File › Export: where to, which format, how wide, with a caption or not.

It never lets an export replace a file unasked: a file chosen with Browse… is confirmed by
the file dialog itself; a path typed into the field that names an existing file is asked
about when Save is pressed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
    QLineEdit, QMessageBox, QPushButton, QSpinBox, QWidget,
)

from nnlab.gui.text import fill

FORMATS = ("png", "svg", "pdf")


class ExportDialog(QDialog):
    """``png_width``: the width the PNG is offered at (the figure's default)."""

    def __init__(self, title: str, slug: str, png_width: int, caption: bool, parent=None):
        super().__init__(parent)
        # the file the file dialog has already asked about replacing, if any
        self._confirmed: Path | None = None
        self.setWindowTitle(fill(self.tr("Export “%1”"), title))
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
        self.width_box.setValue(max(100, png_width))
        self.width_box.setToolTip(self.tr("Width of the PNG image; by default a full-HD slide "
                                          "(16:9) or wider, sharp on a projector"))
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
        # the file dialog asks before replacing a file (DontConfirmOverwrite is not given)
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), self.path_edit.text(),
                                              f"{fmt.upper()} (*.{fmt})")
        if path:
            self.path_edit.setText(path)
            self._confirmed = self.target()

    def format(self) -> str:
        return self.format_box.currentData()

    def path(self) -> str:
        return self.path_edit.text().strip()

    def target(self) -> Path:
        """The file the export writes: the path, with the format's suffix if it has none."""
        path = Path(self.path())
        if path.suffix or not path.name:  # no name: the export says what is wrong
            return path
        return path.with_name(f"{path.name}.{self.format()}")

    def png_width(self) -> int:
        return self.width_box.value()

    def caption(self) -> bool:
        return self.caption_box.isChecked()

    def accept(self) -> None:
        if not self._may_write(self.target()):
            return  # the dialog stays open for another name
        settings = QSettings()
        settings.setValue("export/format", self.format())
        settings.setValue("export/folder", str(Path(self.path()).parent))
        settings.setValue("export/caption", self.caption())
        super().accept()

    def _may_write(self, target: Path) -> bool:
        """Whether to write ``target``: yes unless it is a file that exists and the user,
        asked now (or by the file dialog for this very file), does not want it replaced."""
        if not target.is_file() or target == self._confirmed:
            return True
        answer = QMessageBox.question(
            self, self.tr("Replace file?"),
            fill(self.tr("“%1” already exists. Do you want to replace it?"), target),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
