"""Themes: projector sizes, Okabe–Ito run colours, the persisted choice, and plot styling."""

from __future__ import annotations

import os
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from nnlab.gui import theme
from nnlab.gui.theme import (
    NORMAL,
    PROJECTOR,
    apply_application_theme,
    load_projector_mode,
    save_projector_mode,
    style_plot,
    theme_for,
)

OKABE_ITO = {"#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00",
             "#cc79a7"}


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_projector_theme_has_big_fonts_and_thick_lines():
    assert theme_for(True) is PROJECTOR and theme_for(False) is NORMAL
    assert PROJECTOR.name == "projector" and NORMAL.name == "normal"
    assert PROJECTOR.font_point_size >= 20
    assert PROJECTOR.line_width >= 3
    assert PROJECTOR.marker_size > NORMAL.marker_size
    assert NORMAL.font_point_size < PROJECTOR.font_point_size
    assert NORMAL.line_width < PROJECTOR.line_width


@pytest.mark.parametrize("chosen", [NORMAL, PROJECTOR], ids=lambda t: t.name)
def test_both_themes_are_light_and_high_contrast(chosen):
    assert chosen.background.name() == "#ffffff"
    assert contrast(chosen.foreground, chosen.background) >= 15
    assert 0 < chosen.grid_alpha <= 1
    assert 0 < chosen.saturation_fill.alpha() < 255  # translucent: the curve stays visible


@pytest.mark.parametrize("chosen", [NORMAL, PROJECTOR], ids=lambda t: t.name)
def test_run_colours_are_the_okabe_ito_ones_and_differ(chosen):
    quadratic = chosen.run_color("quadratic")
    cross_entropy = chosen.run_color("cross_entropy")
    assert quadratic.name() == "#d55e00"  # vermillion
    assert cross_entropy.name() == "#0072b2"  # blue
    assert quadratic != cross_entropy
    assert chosen.accent.name() in OKABE_ITO

    others = {chosen.run_color(name).name() for name in ("log_likelihood", "hinge", "mse")}
    assert others <= OKABE_ITO
    assert not others & {"#d55e00", "#0072b2", "#f0e442"}  # no clash; no yellow on white
    assert chosen.run_color("hinge") == chosen.run_color("hinge")  # the same on every call


def test_run_color_returns_a_copy():
    colour = NORMAL.run_color("quadratic")
    colour.setRgb(1, 2, 3)
    assert NORMAL.run_color("quadratic").name() == "#d55e00"


@pytest.mark.parametrize("chosen", [NORMAL, PROJECTOR], ids=lambda t: t.name)
def test_pen_is_cosmetic_in_the_run_colour_at_the_theme_width(chosen):
    pen = chosen.pen("cross_entropy")
    assert pen.isCosmetic()
    assert pen.color().name() == "#0072b2"
    assert pen.widthF() == pytest.approx(chosen.line_width)
    assert chosen.pen("quadratic", width_scale=0.5).widthF() == pytest.approx(
        chosen.line_width / 2)


def test_projector_mode_round_trips_through_the_settings(qapp):
    settings_file = Path(QSettings("nnlab", "nnlab").fileName()).resolve()
    # conftest.py points QSettings at a temporary folder: the developer's settings are safe.
    assert settings_file.is_relative_to(Path(os.environ["XDG_CONFIG_HOME"]).resolve())

    save_projector_mode(True)
    assert load_projector_mode() is True
    assert QSettings("nnlab", "nnlab").value(theme.PROJECTOR_MODE_KEY, type=bool) is True
    save_projector_mode(False)
    assert load_projector_mode() is False


def test_projector_mode_defaults_to_off(qapp):
    QSettings("nnlab", "nnlab").remove(theme.PROJECTOR_MODE_KEY)
    assert load_projector_mode() is False


@pytest.fixture
def restored_application_look(qapp):
    """Put the application's look back as it was, for the tests that follow."""
    font, style = qapp.font(), qapp.style().name()
    yield qapp
    apply_application_theme(qapp, NORMAL)
    qapp.setFont(font)
    qapp.setStyle(style)
    qapp.setPalette(QPalette())


def test_apply_application_theme_projector_then_normal(restored_application_look):
    app: QApplication = restored_application_look
    platform_font_size = app.font().pointSize()
    style_before = app.style().name()

    apply_application_theme(app, PROJECTOR)
    assert app.font().pointSize() == PROJECTOR.font_point_size
    assert app.style().name().lower() == "fusion"
    palette = app.palette()
    window = palette.color(QPalette.ColorRole.Window)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        assert contrast(palette.color(role), window) >= 15
    assert window.name() == "#ffffff"
    assert palette.color(QPalette.ColorRole.Base).name() == "#ffffff"
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert contrast(disabled, window) >= 4.5

    apply_application_theme(app, NORMAL)
    assert app.font().pointSize() == max(platform_font_size, NORMAL.font_point_size)
    assert app.style().name().lower() == style_before.lower()
    assert app.palette().color(QPalette.ColorRole.Window) == app.style().standardPalette().color(
        QPalette.ColorRole.Window)


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.addLegend()
    widget.plot([0, 1, 2], [1, 0.5, 0.2], pen=NORMAL.pen("quadratic"), name="quadratic")
    widget.setLabel("bottom", "epoch")
    widget.setLabel("left", "cost", units="C")
    widget.setTitle("Cost")
    widget.showGrid(x=True, y=True)
    widget.resize(400, 300)
    return widget


def label_sizes(plot_widget) -> list[str]:
    legend = plot_widget.getPlotItem().legend
    return [label.opts.get("size") for _sample, label in legend.items]


def test_style_plot_changes_fonts_colours_and_legend(plot):
    item = plot.getPlotItem()
    style_plot(plot, NORMAL)
    assert item.getAxis("bottom").style["tickFont"].pointSize() == NORMAL.font_point_size

    style_plot(plot, PROJECTOR)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        assert axis.style["tickFont"].pointSize() == PROJECTOR.font_point_size
        assert axis.pen().color() == PROJECTOR.foreground
        assert axis.pen().widthF() >= 2
        assert f"{PROJECTOR.font_point_size}pt" in axis.labelString()
    # The label keeps its text and units, and the grid stays on at the theme's strength.
    assert "epoch" in item.getAxis("bottom").labelString()
    assert "(C)" in item.getAxis("left").labelString()
    assert item.getAxis("bottom").grid == round(PROJECTOR.grid_alpha * 255)
    assert plot.backgroundBrush().color() == PROJECTOR.background
    assert label_sizes(plot) == [f"{PROJECTOR.font_point_size}pt"]
    assert item.titleLabel.opts["size"] == f"{PROJECTOR.font_point_size}pt"


def test_style_plot_shrinks_the_legend_again_after_projector_mode(plot, qtbot):
    plot.show()
    qtbot.waitExposed(plot)
    legend = plot.getPlotItem().legend
    style_plot(plot, NORMAL)
    normal_width = legend.boundingRect().width()
    style_plot(plot, PROJECTOR)
    assert legend.boundingRect().width() > normal_width * 1.4
    style_plot(plot, NORMAL)
    assert legend.boundingRect().width() == pytest.approx(normal_width, abs=1)


def test_style_plot_keeps_a_hidden_axis_label_hidden(plot):
    axis = plot.getPlotItem().getAxis("left")
    axis.showLabel(False)
    style_plot(plot, PROJECTOR)
    assert not axis.label.isVisible()


def test_style_plot_works_on_a_plot_item_without_a_legend(qtbot):
    layout = pg.GraphicsLayoutWidget()
    qtbot.addWidget(layout)
    item = layout.addPlot()
    item.plot([0, 1], [0, 1])
    assert item.legend is None
    style_plot(item, PROJECTOR)
    assert item.getAxis("left").style["tickFont"].pointSize() == PROJECTOR.font_point_size
    assert layout.backgroundBrush().color() == PROJECTOR.background


def test_style_plot_refuses_what_is_not_a_plot():
    with pytest.raises(TypeError, match="PlotWidget or PlotItem"):
        style_plot(object(), NORMAL)
