"""Colours, fonts and line widths of the plots: a normal theme and a projector theme.

Both themes are light (white plot backgrounds, near-black text) and draw the runs in colours
of the Okabe–Ito palette, which stays distinguishable for the common forms of colour
blindness and in black-and-white handouts' greys. The projector theme only makes everything
bigger and bolder, so a figure exported in either mode shows the same lesson in the same
colours: quadratic cost vermillion, cross-entropy blue.

``apply_application_theme`` sets the widgets' font and palette; ``style_plot`` sets what Qt's
palette does not reach (pyqtgraph draws its own backgrounds, axes, ticks and legends), so every
plot view styles itself with one call.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSettings, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QPen
from PySide6.QtWidgets import QApplication

from nnlab.gui.language import current_language, interface_font

SETTINGS_ORGANISATION = "nnlab"
SETTINGS_APPLICATION = "nnlab"
PROJECTOR_MODE_KEY = "view/projector_mode"


class OkabeIto:
    """The eight colours of Okabe & Ito (2008), "Color Universal Design"."""

    BLACK = "#000000"
    ORANGE = "#E69F00"
    SKY_BLUE = "#56B4E9"
    BLUISH_GREEN = "#009E73"
    YELLOW = "#F0E442"
    BLUE = "#0072B2"
    VERMILLION = "#D55E00"
    REDDISH_PURPLE = "#CC79A7"


#: The lesson's two runs keep their colours in every figure, so slides and screen agree.
RUN_COLOURS = {"quadratic": OkabeIto.VERMILLION, "cross_entropy": OkabeIto.BLUE}

#: Colours for any further run, in order of preference. Yellow is left out: it is nearly
#: invisible on white; bluish green is the accent (tangent, start marker).
FALLBACK_RUN_COLOURS = (OkabeIto.REDDISH_PURPLE, OkabeIto.ORANGE, OkabeIto.SKY_BLUE,
                        OkabeIto.BLACK)

NEAR_BLACK = "#111111"

#: What marks a bad value: a field's frame, the reason under it, a diverged run's warning.
ERROR_COLOUR = "#b00020"


@dataclass(frozen=True)
class Theme:
    """How the plots look: one frozen value per mode, shared by every view."""

    name: str
    font_point_size: int
    line_width: float
    marker_size: float
    background: QColor
    foreground: QColor
    grid_alpha: float
    run_colors: Mapping[str, QColor]
    saturation_fill: QColor
    accent: QColor

    def run_color(self, name: str) -> QColor:
        """The colour of run ``name`` (a cost's key), a copy the caller may change.

        Runs other than the lesson's two get one of the remaining Okabe–Ito colours, picked
        from the name so that a run keeps its colour from one redraw (and session) to the next.
        """
        colour = self.run_colors.get(name)
        if colour is None:
            index = zlib.crc32(name.encode("utf-8")) % len(FALLBACK_RUN_COLOURS)
            colour = FALLBACK_RUN_COLOURS[index]
        return QColor(colour)

    def pen(self, name: str, width_scale: float = 1.0) -> QPen:
        """A cosmetic pen (width in screen pixels, whatever the zoom) in run ``name``'s colour."""
        pen = QPen(self.run_color(name))
        pen.setWidthF(self.line_width * width_scale)
        pen.setCosmetic(True)
        # Round ends and joins: thick polylines on a projector otherwise show notches.
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    @property
    def axis_line_width(self) -> float:
        """Axes thinner than the data, so the curves stay the strongest lines."""
        return max(1.0, self.line_width / 2)


def _run_colours() -> Mapping[str, QColor]:
    return MappingProxyType({name: QColor(hex_code) for name, hex_code in RUN_COLOURS.items()})


NORMAL = Theme(
    name="normal",
    font_point_size=10,
    line_width=2.0,
    marker_size=10.0,
    background=QColor("#FFFFFF"),
    foreground=QColor(NEAR_BLACK),
    grid_alpha=0.25,
    run_colors=_run_colours(),
    saturation_fill=QColor(0, 0, 0, 26),
    accent=QColor(OkabeIto.BLUISH_GREEN),
)

PROJECTOR = Theme(
    name="projector",
    font_point_size=20,
    line_width=4.0,
    marker_size=18.0,
    background=QColor("#FFFFFF"),
    foreground=QColor(NEAR_BLACK),
    # Projectors wash out light greys: stronger grid and shading than on a monitor.
    grid_alpha=0.4,
    run_colors=_run_colours(),
    saturation_fill=QColor(0, 0, 0, 40),
    accent=QColor(OkabeIto.BLUISH_GREEN),
)


def theme_for(projector: bool) -> Theme:
    return PROJECTOR if projector else NORMAL


# -- the application: widgets' fonts and palette ------------------------------------------

class _PlatformLook:
    """The style and font the application had before nnlab changed them, to go back to."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.style_name = app.style().name()
        self.font = QFont(app.font())


_platform_look: _PlatformLook | None = None


def _remember_platform_look(app: QApplication) -> _PlatformLook:
    global _platform_look
    if _platform_look is None or _platform_look.app is not app:
        _platform_look = _PlatformLook(app)
    return _platform_look


def projector_palette() -> QPalette:
    """Light and high-contrast: white surfaces, near-black text, the theme's blue for selection.

    Disabled text stays at a contrast of about 5:1 against white, so greyed-out controls are
    still readable from the back of a lecture hall.
    """
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    colours = {
        role.Window: "#FFFFFF",
        role.WindowText: NEAR_BLACK,
        role.Base: "#FFFFFF",
        role.AlternateBase: "#EEF3F8",
        role.Text: NEAR_BLACK,
        role.PlaceholderText: "#5A5A5A",
        role.Button: "#F0F0F0",
        role.ButtonText: NEAR_BLACK,
        role.BrightText: "#FFFFFF",
        role.Light: "#FFFFFF",
        role.Midlight: "#E3E3E3",
        role.Mid: "#A0A0A0",
        role.Dark: "#5A5A5A",
        role.Shadow: "#000000",
        role.Highlight: OkabeIto.BLUE,
        role.HighlightedText: "#FFFFFF",
        role.Link: OkabeIto.BLUE,
        role.LinkVisited: OkabeIto.REDDISH_PURPLE,
        role.ToolTipBase: "#FFFFFF",
        role.ToolTipText: NEAR_BLACK,
    }
    for colour_role, colour in colours.items():
        palette.setColor(colour_role, QColor(colour))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#6E6E6E"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#A0A0A0"))
    return palette


def apply_application_theme(app: QApplication, theme: Theme) -> None:
    """Give the widgets the theme's look.

    Projector: Fusion style (the same on every platform, and it honours the palette fully),
    a light high-contrast palette and the theme's font size for every widget. Normal: the
    platform's own style, palette and font, as they were before nnlab changed them, at no less
    than the theme's size (a platform's 13 pt stays 13 pt); the plots keep the theme's colours
    (see :func:`style_plot`).
    """
    look = _remember_platform_look(app)
    if theme.name == "projector":
        app.setStyle("Fusion")
        app.setPalette(projector_palette())
        font = interface_font(look.font, current_language())
        font.setPointSize(theme.font_point_size)
        app.setFont(font)
    else:
        if app.style().name().lower() != look.style_name.lower():
            app.setStyle(look.style_name)
        # A default-constructed palette resets to the style's and platform's own, which keeps
        # following the desktop (e.g. a switch to dark mode) where an explicit copy would not.
        app.setPalette(QPalette())
        font = interface_font(look.font, current_language())
        if font.pointSize() < theme.font_point_size:
            font.setPointSize(theme.font_point_size)
        app.setFont(font)


# -- persisted choice ------------------------------------------------------------------------

def _settings() -> QSettings:
    # Named explicitly so that it works before (or without) a named QApplication, e.g. in
    # the headless export.
    return QSettings(SETTINGS_ORGANISATION, SETTINGS_APPLICATION)


def load_projector_mode() -> bool:
    """The projector choice saved last time (False if never saved or unreadable)."""
    value = _settings().value(PROJECTOR_MODE_KEY, False)
    if isinstance(value, str):  # INI back-ends hand booleans back as "true" / "false"
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


def save_projector_mode(on: bool) -> None:
    settings = _settings()
    settings.setValue(PROJECTOR_MODE_KEY, bool(on))
    settings.sync()


# -- pyqtgraph plots ---------------------------------------------------------------------------

AXIS_NAMES = ("left", "bottom", "right", "top")


def _plot_item(plot) -> pg.PlotItem:
    if isinstance(plot, pg.PlotItem):
        return plot
    get_plot_item = getattr(plot, "getPlotItem", None)
    if get_plot_item is not None:
        return get_plot_item()
    raise TypeError(f"style_plot: expected a pyqtgraph PlotWidget or PlotItem, "
                    f"got {type(plot).__name__}")


def theme_font(theme: Theme, bold: bool = False) -> QFont:
    """The application's font family at the theme's point size."""
    font = QFont(QApplication.font())
    font.setPointSize(theme.font_point_size)
    font.setBold(bold)
    return font


def _style_axis(axis: pg.AxisItem, theme: Theme, font: QFont) -> None:
    foreground = theme.foreground
    axis.setPen(pg.mkPen(foreground, width=theme.axis_line_width))
    axis.setTextPen(pg.mkPen(foreground))
    # pyqtgraph sizes the axis from the largest tick text it has painted so far; start it
    # at the new font's size, or the first paint after a switch (or an export of a plot
    # never shown) clips the labels.
    metrics = QFontMetrics(font)
    if axis.orientation in ("bottom", "top"):
        axis.textHeight = metrics.height()
    else:
        axis.textWidth = metrics.horizontalAdvance("−0.00")
    if axis.grid is not False:
        axis.setGrid(int(round(theme.grid_alpha * 255)))
    axis.setStyle(tickFont=QFont(font))

    # Re-render the label text with the new colour and size; keep what it says and whether
    # it is shown (setLabel would show a label that was hidden on purpose).
    label_shown = axis.label.isVisible()
    style = dict(axis.labelStyle)
    style["color"] = foreground.name()
    style["font-size"] = f"{theme.font_point_size}pt"
    axis.setLabel(axis.labelText or None, axis.labelUnits or None,
                  unitPrefix=axis.labelUnitPrefix or None,
                  siPrefixEnableRanges=getattr(axis, "_siPrefixEnableRanges", None),
                  unitPower=getattr(axis, "unitPower", 1), **style)
    if axis.label.isVisible() != label_shown:
        axis.showLabel(label_shown)


def _style_legend(legend: pg.LegendItem, theme: Theme) -> None:
    legend.setLabelTextColor(theme.foreground)
    legend.setLabelTextSize(f"{theme.font_point_size}pt")
    # LegendItem only stores the new colour and size; each label renders them on setText.
    for _sample, label in legend.items:
        label.setText(label.text)
    # A nearly opaque white box keeps the entries readable where they overlap a curve.
    background = QColor(theme.background)
    background.setAlpha(220)
    legend.setBrush(background)
    border = QColor(theme.foreground)
    border.setAlpha(90)
    legend.setPen(pg.mkPen(border, width=1))
    # LegendItem sizes itself from its entries' current geometry, and its layout would then
    # stretch the entries to that size: after a switch to a smaller font the box would keep
    # the larger one. Shrink it to its layout's minimum first, then size it to the entries.
    legend.layout.invalidate()
    legend.setGeometry(QRectF(legend.pos(), QSizeF(0, 0)))
    legend.layout.activate()
    legend.updateSize()


def _style_title(plot_item: pg.PlotItem, theme: Theme, font: QFont) -> None:
    title = plot_item.titleLabel
    if not title.isVisible() or not title.text:
        return
    plot_item.setTitle(title.text, color=theme.foreground.name(),
                       size=f"{theme.font_point_size}pt")
    # setTitle fixes the title row at 30 px, too small for projector fonts.
    height = max(30, QFontMetrics(font).height() + 8)
    title.setMaximumHeight(height)
    plot_item.layout.setRowFixedHeight(0, height)


def style_plot(plot, theme: Theme) -> None:
    """Apply ``theme`` to a pyqtgraph PlotWidget or PlotItem.

    Background, axis lines, tick and axis-label text (the theme's font size), title, grid
    strength and the legend, if the plot has one. Curves keep their pens: their colours
    depend on the run and are the view's business (:meth:`Theme.pen`). Safe to call again
    on every theme switch.
    """
    plot_item = _plot_item(plot)
    background = QColor(theme.background)
    if hasattr(plot, "setBackground"):
        plot.setBackground(background)
    elif plot_item.scene() is not None:
        for view in plot_item.scene().views():
            if hasattr(view, "setBackground"):
                view.setBackground(background)

    font = theme_font(theme)
    for name in AXIS_NAMES:
        if name in plot_item.axes:
            _style_axis(plot_item.getAxis(name), theme, font)
    _style_title(plot_item, theme, font)
    legend = getattr(plot_item, "legend", None)
    if legend is not None:
        _style_legend(legend, theme)
