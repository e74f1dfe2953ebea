"""A plot whose legend sits in a row of its own above it, right-aligned with it, where no
curve or marker can run under it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nnlab.gui.views.base import LEGEND_ROW_GAP, PlotView


class LegendAbovePlot(PlotView):
    """A :class:`PlotView` with its legend in the plot item's title row (these plots have
    no title), that row as high as the legend."""

    def __init__(self, parent: QWidget | None = None, axis_items=None) -> None:
        super().__init__(parent, axis_items)
        self._legend_row_height = -1.0
        plot = self.plot_item
        legend = plot.addLegend()
        legend.setParentItem(plot)
        legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-1, LEGEND_ROW_GAP))

    def _legend_available_width(self) -> float:
        return self.plot_item.width() - 2  # the whole width of the plot item, axes included

    def arrange_legend(self, *_) -> None:
        super().arrange_legend()
        self._reserve_legend_row()

    def _legend_visibility_changed(self) -> None:
        self._reserve_legend_row()

    def _reserve_legend_row(self) -> None:
        """The row above the plot as high as the legend (none while it is hidden)."""
        legend = self.plot_item.legend
        if legend is None:
            return
        height = (legend.height() + 2 * LEGEND_ROW_GAP
                  if legend.isVisible() and legend.items else 0.0)
        if height != self._legend_row_height:
            self._legend_row_height = height
            self.plot_item.layout.setRowFixedHeight(0, height)
            # at once: an export may draw right after the legend is shown for it
            self.plot_item.layout.activate()
