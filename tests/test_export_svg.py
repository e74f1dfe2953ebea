"""Exported SVGs as other programs see them: every figure the windows export is drawn by an
independent SVG renderer (librsvg's ``rsvg-convert``, what GNOME, Inkscape's import and many
converters use) and compared with Qt's own PNG of the same figure at the same size.

Qt draws the PNG; nothing of Qt takes part in reading the SVG back. A figure that a slide
program would show blank, without curves or axes, fails here.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from nnlab.app.lab_session import LabSession
from nnlab.core.presets import load_preset
from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.theme import NORMAL

from qt_helpers import run_to_the_end, show

RSVG = shutil.which("rsvg-convert")
pytestmark = pytest.mark.skipif(
    RSVG is None,
    reason="rsvg-convert is not installed (Debian package librsvg2-bin, installed by "
           "scripts/install-debian-deps): these tests render the exported SVGs with it")

#: A pixel is drawn on (not background) when its colour differs from white by more than this
#: (sum over red, green and blue): text, lines and fills, not the faint edges that two
#: renderers antialias differently.
INK_DISTANCE = 300
#: How far the SVG's share of drawn pixels may be from the PNG's.
INK_TOLERANCE = 0.10

LESSON_KEYS = [None, "sigmoid", "cost", "output", "gradient", "breakdown", "surface"]


# -- the windows ---------------------------------------------------------------------------------

@pytest.fixture
def lesson(qtbot):
    window = show(qtbot, CourseWindow("neuron", projector=False), 1366, 740)
    run_to_the_end(qtbot, window)
    yield window
    window.close()


def lab_window(qtbot, preset: str) -> CourseWindow:
    experiment = load_preset(preset)
    experiment = dataclasses.replace(
        experiment, training=dataclasses.replace(experiment.training, epochs=40))
    window = CourseWindow("lab", session=LabSession(experiment), projector=False)
    window.page.session.setParent(window)
    show(qtbot, window, 1366, 740)
    run_to_the_end(qtbot, window)
    return window


def shown_views(window) -> list[str]:
    """The keys of the views on the dashboard's pages (the lab leaves some off)."""
    return [key for key, view in window.page.views.items()
            if window.page.dashboard.indexOf(view.parentWidget()) >= 0]


# -- reading the pictures ------------------------------------------------------------------------

def pixels(image: QImage) -> np.ndarray:
    """The image's red, green and blue as an array of shape (height, width, 3)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8)
    rows = data.reshape(image.height(), image.bytesPerLine() // 4, 4)
    return rows[:, :image.width(), 2::-1].astype(int)  # BGRA in memory


def ink_share(rgb: np.ndarray) -> float:
    return float((np.abs(rgb - 255).sum(axis=2) > INK_DISTANCE).mean())


def near(rgb: np.ndarray, colour: str, distance: int = 60) -> int:
    """How many pixels have about ``colour``."""
    target = QColor(colour)
    wanted = np.array([target.red(), target.green(), target.blue()])
    return int((np.abs(rgb - wanted).sum(axis=2) < distance).sum())


def rendered_by_librsvg(svg: Path, width: int, height: int) -> np.ndarray:
    out = svg.with_suffix(".librsvg.png")
    subprocess.run([RSVG, "--width", str(width), "--height", str(height),
                    "--background-color", "white", "--output", str(out), str(svg)],
                   check=True, capture_output=True, timeout=60)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (width, height)
    return pixels(image)


def png_and_svg(window, key, tmp_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Qt's PNG of the figure, and librsvg's rendering of its SVG at the PNG's size."""
    name = key or "dashboard"
    png = QImage(str(window.page.figures.export_to(key, tmp_path / f"{name}.png")))
    svg = window.page.figures.export_to(key, tmp_path / f"{name}.svg")
    return pixels(png), rendered_by_librsvg(svg, png.width(), png.height())


def assert_drawn_alike(png: np.ndarray, svg: np.ndarray, what: str) -> None:
    drawn, read_back = ink_share(png), ink_share(svg)
    assert drawn > 0.005, f"{what}: the PNG itself is blank"
    assert abs(read_back - drawn) <= INK_TOLERANCE * drawn, (
        f"{what}: {read_back:.2%} of the SVG (as librsvg draws it) is drawn on, "
        f"{drawn:.2%} of the PNG")


# -- the lesson ----------------------------------------------------------------------------------

@pytest.mark.parametrize("key", LESSON_KEYS)
def test_every_lesson_figure_reads_back_like_its_png(qtbot, lesson, tmp_path, key):
    png, svg = png_and_svg(lesson, key, tmp_path)
    assert_drawn_alike(png, svg, key or "the dashboard")


def test_the_sigmoid_curve_operating_points_and_start_survive_in_the_svg(
        qtbot, lesson, tmp_path):
    png, svg = png_and_svg(lesson, "sigmoid", tmp_path)
    colours = {
        "the quadratic run's point and tangent": NORMAL.run_color("quadratic").name(),
        "the cross-entropy run's point and tangent": NORMAL.run_color("cross_entropy").name(),
        "the start marker": "#009E73",
        "the curve and the axes": NORMAL.foreground.name(),
    }
    for what, colour in colours.items():
        in_png, in_svg = near(png, colour), near(svg, colour)
        assert in_png > 200, f"{what} ({colour}) not in the PNG"
        assert in_svg >= 0.8 * in_png, f"{what} ({colour}): {in_svg} px in the SVG, " \
                                       f"{in_png} px in the PNG"


def test_projector_figures_read_back_like_their_pngs(qtbot, tmp_path):
    window = show(qtbot, CourseWindow("neuron", projector=True), 1366, 740)
    run_to_the_end(qtbot, window)
    for key in (None, "sigmoid", "surface"):
        png, svg = png_and_svg(window, key, tmp_path)
        assert_drawn_alike(png, svg, f"projector {key or 'dashboard'}")
    window.close()


# -- the network lab -----------------------------------------------------------------------------

@pytest.mark.parametrize("preset", ["three-class-3-2-3", "xor-2-8-2"])
def test_every_lab_figure_reads_back_like_its_png(qtbot, tmp_path, preset):
    """The 3-2-3 network shows confusion matrices, XOR its decision regions."""
    window = lab_window(qtbot, preset)
    keys = shown_views(window)
    assert ("regions" if preset.startswith("xor") else "confusion") in keys
    for key in [None, *keys]:
        png, svg = png_and_svg(window, key, tmp_path)
        assert_drawn_alike(png, svg, f"{preset}: {key or 'the dashboard'}")
    window.close()


# -- the renderer the suite needs ------------------------------------------------------------

def test_the_debian_dependency_script_installs_the_svg_renderer():
    script = (Path(__file__).parents[1] / "scripts" / "install-debian-deps").read_text()
    arrays = dict(re.findall(r"^(\w+)=\(\s*(.*?)\)", script, flags=re.M | re.S))
    wanted = re.search(r"^wanted=\((.*?)\)", script, flags=re.M | re.S).group(1)
    listed = " ".join(arrays[name] for name in re.findall(r"\$\{(\w+)\[@\]\}", wanted)
                      if name in arrays)
    assert "librsvg2-bin" in re.sub(r"#.*", "", listed).split()
