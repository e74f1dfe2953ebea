"""The dashboard: a lesson's views in a grid, on one page or (on a projector) several."""

from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtWidgets import QGridLayout, QTabWidget, QWidget

Page = tuple[str, Sequence[Sequence[QWidget]]]
"""A dashboard page: its tab title and its rows of views."""


class Dashboard(QTabWidget):
    """Arranges the views in a grid on one or more pages. ``pages_for(projector)`` gives the
    pages: normal mode fits everything on one; projector mode, with large fonts, spreads the
    views over more pages so nothing is squeezed. In a row with fewer views than the widest,
    the last view spans the remaining columns. The tab bar shows only with two or more."""

    def __init__(self, views: dict[str, QWidget], pages_for: Callable[[bool], list[Page]],
                 parent=None):
        super().__init__(parent)
        self.views = views
        self._pages_for = pages_for
        self._projector = False
        # views on no page (the lab's decision regions for digits, say) wait here, hidden:
        # a widget without a parent would outlive the window
        self._unused = QWidget(self)
        self._unused.hide()
        self.setDocumentMode(True)
        self.arrange(projector=False)

    def arrange(self, projector: bool | None = None) -> None:
        """Lay the views out again (for ``projector`` mode; None: the current mode)."""
        if projector is not None:
            self._projector = projector
        current = self.currentIndex()
        while self.count():
            page = self.widget(0)
            self.removeTab(0)
            for view in self.views.values():
                if view.parent() is not None and view.parent() is page:
                    view.setParent(None)
            page.deleteLater()
        pages = self._pages_for(self._projector)
        placed = {id(view) for _, rows in pages for row in rows for view in row}
        for view in self.views.values():
            if id(view) not in placed:
                view.setParent(self._unused)
        for title, rows in pages:
            page = QWidget()
            grid = QGridLayout(page)
            grid.setContentsMargins(2, 2, 2, 2)
            grid.setSpacing(4)
            columns = max((len(row) for row in rows), default=1)
            for r, row in enumerate(rows):
                grid.setRowStretch(r, 1)
                for c, view in enumerate(row):
                    # a row of fewer views: its last one takes the remaining columns
                    span = columns - c if c == len(row) - 1 else 1
                    grid.addWidget(view, r, c, 1, span)
                    grid.setColumnStretch(c, 1)
            self.addTab(page, title)
        self.tabBar().setVisible(self.count() > 1)
        self.setCurrentIndex(min(max(current, 0), self.count() - 1))
