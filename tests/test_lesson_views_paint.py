"""What the lesson's views cost to paint and what of them fits on screen.

The sigmoid's shaded saturated bands: a band item as wide as the region it stands for (out to
z = ±10⁴, half a million pixels) is cached by Qt as a pixmap of that size whenever the scene
is drawn into an image, a printer or an SVG: over a second per exported figure. The bands are
checked to end near the view's edges, still shaded from the edge to where σ′(z) < 0.02, on
screen and in the exported PNG and SVG.

The cost surface's maps in narrow cells: each map's layout (title, b axis, heatmap, colour
bar and the bar's axis) must fit its view, or the bar's tick labels are cut off at the right.

Self-contained: frames are built here from nnlab.core's runs.
"""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter
from PySide6.QtWidgets import QApplication

from nnlab.core.neuron import train_neuron
from nnlab.gui.export import export_widget, widget_image
from nnlab.app.frames import NeuronFrame, RunFrame
from nnlab.gui.theme import NORMAL, PROJECTOR
from nnlab.gui.lessons.neuron.views import SigmoidView, SurfaceView
from nnlab.gui.lessons.neuron.views.sigmoid import SATURATION_Z

from qt_helpers import show

X, Y, ETA, EPOCHS = 1.0, 0.0, 0.15, 300
COSTS = ("quadratic", "cross_entropy")
LABELS = {"quadratic": "quadratic", "cross_entropy": "cross-entropy"}
#: How far a band item may reach beyond its view, in view widths: a little overhang hides
#: rounding at the edge; the old bands reached some 600 view widths out.
BAND_REACH = 0.25
#: Least darkening (0–255, per channel) that counts as the band's shading: the themes' fills
#: (black at alpha 26 and 40) darken white by about 26 and 40.
SHADE = 12
RSVG = shutil.which("rsvg-convert")


def lesson_frame(w0: float = 2.0, b0: float = 2.0, shown: int = 150) -> NeuronFrame:
    runs = tuple(RunFrame(cost, LABELS[cost], train_neuron(X, Y, w0, b0, cost, ETA,
                                                           EPOCHS).view(), shown)
                 for cost in COSTS)
    return NeuronFrame(X, Y, w0, b0, ETA, EPOCHS, runs, shown)


# -- the sigmoid's saturated bands -------------------------------------------------------------

def shown_sigmoid(qtbot, theme, width, height, frame) -> SigmoidView:
    view = show(qtbot, SigmoidView(theme), width, height)
    view.update_frame(frame)
    QApplication.processEvents()  # the axes settle their widths: the plot moves
    view.update_frame(frame)
    return view


def band_rect(region) -> QRectF:
    """The scene rectangle Qt fills for ``region`` (what it paints is its bounding rect)."""
    return region.mapRectToScene(region.boundingRect())


@pytest.mark.parametrize("theme, width, height", [
    (NORMAL, 960, 500), (NORMAL, 505, 270), (PROJECTOR, 960, 500), (PROJECTOR, 1920, 1080)])
@pytest.mark.parametrize("b0", [2.0, 28.0])  # the lesson's start, and one that widens the z axis
def test_the_saturated_bands_end_near_the_edges_of_the_view(qtbot, theme, width, height, b0):
    view = shown_sigmoid(qtbot, theme, width, height, lesson_frame(b0=b0))
    plot = view.view_box.sceneBoundingRect()
    reach = BAND_REACH * plot.width()
    allowed = plot.adjusted(-reach, -reach, reach, reach)
    left, right = (band_rect(region) for region in view.saturation_regions)
    for band in (left, right):
        assert allowed.contains(band), (band, plot)
    # still shaded from the view's edge to where σ′(z) falls below 0.02
    inner_left = view.view_box.mapViewToScene(QPointF(-SATURATION_Z, 0.5)).x()
    inner_right = view.view_box.mapViewToScene(QPointF(SATURATION_Z, 0.5)).x()
    assert left.left() <= plot.left() and left.right() == pytest.approx(inner_left, abs=0.5)
    assert right.right() >= plot.right() and right.left() == pytest.approx(inner_right, abs=0.5)
    assert left.top() <= plot.top() + 0.5 and left.bottom() >= plot.bottom() - 0.5


def test_the_bands_follow_the_z_axis_when_it_widens_and_narrows(qtbot):
    view = shown_sigmoid(qtbot, NORMAL, 640, 400, lesson_frame())
    narrow = view.view_box.viewRange()[0]
    for b0 in (40.0, 2.0, -40.0):
        view.update_frame(lesson_frame(b0=b0))
        low, high = view.view_box.viewRange()[0]
        plot = view.view_box.sceneBoundingRect()
        reach = BAND_REACH * plot.width()
        for band in (band_rect(region) for region in view.saturation_regions):
            assert plot.adjusted(-reach, -reach, reach, reach).contains(band), (b0, band)
        left, right = view.saturation_regions
        assert left.getRegion()[0] <= low and right.getRegion()[1] >= high, b0
        assert left.getRegion()[1] == pytest.approx(-SATURATION_Z)
        assert right.getRegion()[0] == pytest.approx(SATURATION_Z)
    assert view.view_box.viewRange()[0] != narrow  # the last frame did widen it


def rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8)
    rows = data.reshape(image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, :image.width(), 2::-1].astype(int)  # BGRA in memory


def band_samples(view: SigmoidView, scale: float) -> dict[str, list[tuple[int, int]]]:
    """Pixels (x, y) of a picture of ``view`` drawn ``scale`` times its size: just inside
    the plot's left and right edges, in each band's middle, and between the bands; all at
    heights where the curve is not (a = 0.75 on the left, 0.25 on the right)."""
    vb = view.view_box
    plot = vb.sceneBoundingRect()
    low, high = vb.viewRange()[0]

    def pixel(scene: QPointF) -> tuple[int, int]:
        at = view.plot_widget.mapTo(view, view.plot_widget.mapFromScene(scene))
        return int(at.x() * scale), int(at.y() * scale)

    def height(a):
        return vb.mapViewToScene(QPointF(0, a)).y()

    samples = {"left edge": [], "left band": [], "right edge": [], "right band": [],
               "unshaded": []}
    for a in (0.7, 0.75, 0.8):
        samples["left edge"].append(pixel(QPointF(plot.left() + 3, height(a))))
        samples["left band"].append(pixel(vb.mapViewToScene(
            QPointF((low - SATURATION_Z) / 2, a))))
        samples["unshaded"].append(pixel(vb.mapViewToScene(QPointF(-2.2, a))))
    for a in (0.2, 0.25, 0.3):
        samples["right edge"].append(pixel(QPointF(plot.right() - 3, height(a))))
        samples["right band"].append(pixel(vb.mapViewToScene(
            QPointF((high + SATURATION_Z) / 2, a))))
        samples["unshaded"].append(pixel(vb.mapViewToScene(QPointF(2.2, a))))
    return samples


def assert_bands_shaded(pixels: np.ndarray, samples, what: str) -> None:
    def brightness(points):  # the median of a 5 × 5 patch around each: no grid line decides
        return float(np.median([pixels[y - 2:y + 3, x - 2:x + 3].mean(axis=2)
                                for x, y in points]))

    unshaded = brightness(samples["unshaded"])
    for where in ("left edge", "left band", "right edge", "right band"):
        assert brightness(samples[where]) <= unshaded - SHADE, (what, where)


@pytest.mark.parametrize("theme", [NORMAL, PROJECTOR])
def test_the_bands_are_shaded_to_the_edges_on_screen_and_in_the_png(qtbot, theme):
    view = shown_sigmoid(qtbot, theme, 720, 420, lesson_frame())
    screen = view.grab().toImage()
    assert_bands_shaded(rgb(screen), band_samples(view, screen.width() / view.width()),
                        "on screen")
    image = widget_image(view)
    assert_bands_shaded(rgb(image), band_samples(view, image.width() / view.width()), "PNG")


@pytest.mark.skipif(RSVG is None, reason="rsvg-convert (Debian librsvg2-bin) is not installed")
def test_the_bands_are_shaded_to_the_edges_in_the_svg(qtbot, tmp_path):
    view = shown_sigmoid(qtbot, NORMAL, 720, 420, lesson_frame())
    svg = export_widget(view, tmp_path / "sigmoid.svg")
    width, height = 2 * view.width(), 2 * view.height()
    out = tmp_path / "sigmoid.librsvg.png"
    subprocess.run([RSVG, "--width", str(width), "--height", str(height),
                    "--background-color", "white", "--output", str(out), str(svg)],
                   check=True, capture_output=True, timeout=60)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (width, height)
    assert_bands_shaded(rgb(image), band_samples(view, 2.0), "SVG read back by librsvg")


# -- the cost surface's colour bars ------------------------------------------------------------

def tick_texts(axis) -> list[tuple[QRectF, str]]:
    """The tick labels ``axis`` draws: their rectangles (in the axis's coordinates) and
    texts, as its own drawing computes them."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    return [(QRectF(rect), text) for rect, _, text in specs[2]]


@pytest.mark.parametrize("theme, width, height", [
    (NORMAL, 180, 300), (NORMAL, 219, 300), (NORMAL, 300, 250), (NORMAL, 180, 520),
    (PROJECTOR, 505, 270)])
@pytest.mark.parametrize("runs", [2, 1])
def test_the_maps_fit_narrow_views_with_every_bar_label_whole(qtbot, theme, width, height,
                                                              runs):
    view = show(qtbot, SurfaceView(theme), width, height)
    frame = lesson_frame(shown=141)
    frame = NeuronFrame(frame.x, frame.y, frame.w0, frame.b0, frame.learning_rate,
                        frame.epochs, frame.runs[:runs], frame.shown_epoch)
    view.update_frame(frame)
    QApplication.processEvents()
    graphics = view.graphics
    visible = QRectF(graphics.mapToScene(QPoint(0, 0)),
                     graphics.mapToScene(QPoint(graphics.viewport().width(),
                                                graphics.viewport().height())))
    assert len(view.shown_maps) == runs
    for surface in view.shown_maps:
        assert visible.contains(surface.plot.sceneBoundingRect()), \
            (surface.plot.sceneBoundingRect(), visible)
        axis = surface.color_bar.axis
        assert visible.contains(axis.sceneBoundingRect()), (axis.sceneBoundingRect(), visible)
        texts = tick_texts(axis)
        metrics = QFontMetricsF(axis.style["tickFont"] or axis.font())
        assert len(texts) >= 2
        map_right = surface.view_box.sceneBoundingRect().right()
        for rect, text in texts:
            box = axis.mapRectToScene(rect)
            assert visible.contains(box), (text, box, visible)
            assert box.left() >= map_right, text
            # the string's own advance in the axis's font, from where it starts
            assert box.left() + metrics.horizontalAdvance(text) <= visible.right() + 0.5, text
