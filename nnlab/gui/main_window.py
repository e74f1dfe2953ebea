"""The nnlab main window: a welcome page until the lesson window arrives."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import nnlab

#: The size the window asks for on a large screen; smaller screens get a share of what they have.
PREFERRED_SIZE = QSize(1000, 680)
#: Share of the available screen a new window may take, so it fits with its frame on a projector.
SCREEN_SHARE = 0.9


def default_window_size(available: QSize) -> QSize:
    """The first size of the main window on a screen whose available area is ``available``."""
    return QSize(
        min(PREFERRED_SIZE.width(), int(available.width() * SCREEN_SHARE)),
        min(PREFERRED_SIZE.height(), int(available.height() * SCREEN_SHARE)),
    )


class MainWindow(QMainWindow):
    """Top-level window: File and Help menus, a welcome page and a status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("nnlab"))
        self._about_box: QMessageBox | None = None

        self._create_menus()
        self.setCentralWidget(self._create_welcome_page())
        self.statusBar().showMessage(self.tr("Ready"))

        screen = self.screen()
        if screen is not None:
            self.resize(default_window_size(screen.availableGeometry().size()))

    def _create_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setObjectName("file_menu")
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setObjectName("quit_action")
        # Written out rather than QKeySequence.StandardKey.Quit, which is empty on Windows.
        self.quit_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Q))
        self.quit_action.setStatusTip(self.tr("Close nnlab"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.setObjectName("help_menu")
        self.about_action = QAction(self.tr("&About nnlab"), self)
        self.about_action.setObjectName("about_action")
        self.about_action.setStatusTip(self.tr("What nnlab is, and its version"))
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _create_welcome_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("welcome_page")

        title = QLabel(self.tr("nnlab"), page)
        title.setObjectName("welcome_title")
        title_font = title.font()
        # Relative to the user's font, so it scales with the desktop and the projector settings.
        title_font.setPointSizeF(title_font.pointSizeF() * 2.0)
        title_font.setBold(True)
        title.setFont(title_font)

        description = QLabel(
            self.tr(
                "nnlab is a lab for seeing how neural networks learn. Train a single sigmoid "
                "neuron with the quadratic cost and with the cross-entropy cost, side by side, "
                "and watch why a neuron that starts badly wrong learns slowly with one and fast "
                "with the other. Then build small networks, train them by backpropagation with "
                "batch, stochastic or mini-batch gradient descent, and compare activations, "
                "costs and learning rates on handwritten digits."
            ),
            page,
        )
        description.setObjectName("welcome_description")

        coming_soon = QLabel(
            self.tr(
                "The lessons arrive soon. Until then, the nnlab command runs experiments "
                "without a window: see nnlab --help."
            ),
            page,
        )
        coming_soon.setObjectName("welcome_coming_soon")

        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for label in (description, coming_soon):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # A readable line length, whatever the window width; measured in characters, not pixels.
        column = QWidget(page)
        column.setMaximumWidth(column.fontMetrics().averageCharWidth() * 80)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(title)
        column_layout.addSpacing(column.fontMetrics().height())
        column_layout.addWidget(description)
        column_layout.addSpacing(column.fontMetrics().height())
        column_layout.addWidget(coming_soon)

        # The column takes the width it may have, up to its maximum; the margins share the rest.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)

        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

        # Scrolls rather than clips when a small window or a large projector font leaves too
        # little room.
        scroll_area = QScrollArea(self)
        scroll_area.setObjectName("welcome_scroll_area")
        scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        scroll_area.setWidgetResizable(True)
        scroll_area.setWidget(page)
        return scroll_area

    def show_about(self) -> QMessageBox:
        """Open the About box (not blocking: the lesson keeps running behind it) and return it."""
        if self._about_box is None:
            self._about_box = QMessageBox(self)
            self._about_box.setObjectName("about_box")
            self._about_box.setIcon(QMessageBox.Icon.Information)
            self._about_box.setWindowTitle(self.tr("About nnlab"))
            self._about_box.setStandardButtons(QMessageBox.StandardButton.Close)
            self._about_box.setText(
                self.tr("nnlab {version}").format(version=nnlab.__version__)
            )
            self._about_box.setInformativeText(
                self.tr(
                    "A desktop lab for teaching how neural networks learn: the quadratic "
                    "and the cross-entropy cost, backpropagation, gradient descent."
                )
            )
        self._about_box.open()
        return self._about_box
