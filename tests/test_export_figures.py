"""Figures as a lecturer puts them on slides: a plot titled and shaped for a 16:9 slide, the
dashboard without the window's controls, captions that wrap between their parts, no
scroll bars, and no Qt warnings printed while exporting."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QTextBrowser

from nnlab.gui.export import export_widget
from nnlab.gui.shell.course_window import CourseWindow

from qt_helpers import show

SVG = "{http://www.w3.org/2000/svg}"
CAPTION = "Costs: quadratic, cross-entropy · start w = 2, b = 2 · η = 0.15 · epoch 300 of 300"


@pytest.fixture
def lesson(qtbot):
    window = show(qtbot, CourseWindow("neuron", projector=False), 1366, 740)
    yield window
    window.close()


def matrix(element) -> np.ndarray:
    values = [float(v) for v in re.findall(r"[-\d.e]+", element.get("transform") or "")]
    a, b, c, d, e, f = values if len(values) == 6 else (1, 0, 0, 1, 0, 0)
    return np.array([[a, c, e], [b, d, f], [0, 0, 1]])


def texts(path) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text element of an SVG, in the picture's coordinates."""
    found = []

    def visit(element, transform):
        transform = transform @ matrix(element)
        if element.tag == f"{SVG}text":
            x, y, _ = transform @ np.array([float(element.get("x", 0)),
                                            float(element.get("y", 0)), 1.0])
            found.append((x, y, "".join(element.itertext())))
        for child in element:
            visit(child, transform)

    visit(ElementTree.parse(path).getroot(), np.eye(3))
    return found


def view_box(path) -> tuple[float, float]:
    _, _, width, height = (float(v) for v in
                           ElementTree.parse(path).getroot().get("viewBox").split())
    return width, height


# -- a plot for a slide ----------------------------------------------------------------------

@pytest.mark.parametrize("key", ["sigmoid", "cost", "surface"])
def test_a_plot_exports_as_a_full_hd_16_9_slide_and_keeps_its_size_on_screen(
        lesson, tmp_path, key):
    view = lesson.page.figures.export_target(key)
    on_screen = view.size()
    image = QImage(str(lesson.page.figures.export_to(key, tmp_path / f"{key}.png")))
    assert image.width() >= 1920
    assert image.width() / image.height() == pytest.approx(16 / 9, abs=0.01)
    assert view.size() == on_screen
    # a width asked for is the width written, in the same shape
    image = QImage(str(lesson.page.figures.export_to(key, tmp_path / f"{key}-800.png", width=800)))
    assert (image.width(), image.height()) == (800, 450)
    width, height = view_box(lesson.page.figures.export_to(key, tmp_path / f"{key}.svg"))
    assert width / height == pytest.approx(16 / 9, abs=0.01)
    media_box = re.search(rb"/MediaBox\s*\[\s*[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s+([-\d.]+)",
                          lesson.page.figures.export_to(key, tmp_path / f"{key}.pdf").read_bytes())
    assert float(media_box[1]) / float(media_box[2]) == pytest.approx(16 / 9, abs=0.01)


@pytest.mark.parametrize("key", ["sigmoid", "breakdown"])
def test_a_plot_is_titled_above_it(lesson, tmp_path, key):
    title = lesson.page.views[key].title
    svg = lesson.page.figures.export_to(key, tmp_path / f"{key}.svg")
    width, height = view_box(svg)
    titles = [(x, y) for x, y, text in texts(svg) if text.strip() == title]
    assert len(titles) == 1, f"the title “{title}” once in the figure"
    x, y = titles[0]
    assert y < 0.08 * height  # above the plot, on the first line
    assert 0.2 * width < x < 0.6 * width  # centred (x is where the text begins)
    # drawn in the PNG as well: dark pixels in the band above the plot
    image = QImage(str(lesson.page.figures.export_to(key, tmp_path / f"{key}.png")))
    band = [image.pixelColor(px, py).lightness() for px in range(0, image.width(), 2)
            for py in range(0, round(0.05 * image.height()))]
    assert sum(1 for lightness in band if lightness < 100) > 100


# -- the dashboard ---------------------------------------------------------------------------

def test_the_dashboard_exports_its_plots_without_the_window_controls(lesson, tmp_path):
    svg = lesson.page.figures.export_to(None, tmp_path / "dashboard.svg")
    words = {text.strip() for _, _, text in texts(svg)}
    controls = {lesson.run_action.text(), lesson.step_action.text(),
                lesson.reset_action.text(), "Live", "Speed", "Epoch"}
    assert not words & controls
    assert "epoch" in words and "z = w·x + b" in words  # the plots are there
    image = QImage(str(lesson.page.figures.export_to(None, tmp_path / "dashboard.png")))
    assert image.width() >= 1920
    assert image.width() / image.height() == pytest.approx(16 / 9, abs=0.01)


def test_scroll_bars_stay_out_of_a_figure(qtbot, tmp_path):
    browser = show(qtbot, QTextBrowser(), 300, 200)
    browser.setPlainText("\n".join(f"line {n}" for n in range(100)))
    assert browser.verticalScrollBar().isVisible()
    image = QImage(str(export_widget(browser, tmp_path / "text.png")))
    # where the scroll bar is on screen: background, as on the rest of the page
    bar = browser.verticalScrollBar()
    where = QRect(bar.mapTo(browser, QPoint(0, 0)), bar.size())
    scale = image.width() / browser.width()
    strip = {image.pixelColor(x, y).name()
             for x in range(round(where.left() * scale) + 2, round(where.right() * scale) - 2)
             for y in range(round(where.top() * scale) + 2, round(where.bottom() * scale) - 2)}
    assert strip == {"#ffffff"}


# -- captions --------------------------------------------------------------------------------

def caption_lines(path) -> list[str]:
    """The caption's lines: its text elements grouped by their baseline."""
    lines: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in texts(path):
        lines.setdefault(round(y), []).append((x, text))
    return [" ".join(" ".join(text for _, text in sorted(parts)).split())
            for _, parts in sorted(lines.items())]


@pytest.mark.parametrize("width", [180, 300, 420, 600])
def test_a_long_caption_wraps_only_between_its_parts(qtbot, tmp_path, width):
    blank = show(qtbot, QTextBrowser(), width, 60)
    lines = caption_lines(export_widget(blank, tmp_path / "captioned.svg", caption=CAPTION))
    parts = CAPTION.split(" · ")
    assert " ".join(lines) == CAPTION  # all of it, in order
    for line in lines:
        # whole parts only: "epoch 300 of 300" never broken after "of"
        assert set(line.rstrip(" ·").split(" · ")) <= set(parts), line


# -- what is printed while exporting -----------------------------------------------------------

def test_exporting_prints_no_qt_warnings(qtbot, qtlog, lesson, tmp_path):
    """The offscreen platform (a headless export) prints "This plugin does not support
    propagateSizeHints()" whenever a top-level window passes new size hints on; exporting
    must not make the window do that, in either mode."""
    for projector in (True, False):
        lesson.set_projector_mode(projector, persist=False)
        before = len(qtlog.records)
        for key in (None, "sigmoid", "breakdown"):
            lesson.page.figures.export_to(key, tmp_path / f"{key}-{projector}.png")
        printed = [record.message for record in qtlog.records[before:]]
        assert printed == []
