"""Figure export: what each format's file holds, composites stay vector, failures leave nothing."""

from __future__ import annotations

import os
import re
import uuid
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nnlab.gui import export
from nnlab.gui.export import (
    EXPORT_FORMATS,
    ExportError,
    copy_to_clipboard,
    export_widget,
    widget_image,
)
from nnlab.app.frames import NeuronFrame, RunFrame, empty_columns
from nnlab.gui.lessons.neuron.page import caption_text
from nnlab.gui.theme import NORMAL, PROJECTOR, style_plot

SVG = "{http://www.w3.org/2000/svg}"
VERMILLION = QColor("#D55E00")
BLUE = QColor("#0072B2")
CAPTION = "Costs: quadratic, cross-entropy · start w = 2, b = 2 · η = 0.15 · epoch 150 of 300"


# -- widgets to export ---------------------------------------------------------------------------

def make_plot(run: str, axis_label: str, theme=NORMAL) -> pg.PlotWidget:
    plot = pg.PlotWidget()
    plot.addLegend()
    epochs = np.arange(301.0)
    plot.plot(epochs, 0.5 * np.exp(-epochs / 120.0), pen=theme.pen(run), name=run)
    plot.setLabel("bottom", axis_label)
    plot.setLabel("left", "cost C")
    # A range narrower than the data: the curve must be clipped at the plot's edge.
    plot.setXRange(0, 200, padding=0)
    style_plot(plot, theme)
    return plot


@pytest.fixture
def plot(qtbot):
    widget = make_plot("quadratic", "epoch")
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def make_composite() -> QWidget:
    """Two plots and a rich-text label, like a dashboard."""
    top = QWidget()
    column = QVBoxLayout(top)
    column.addWidget(QLabel("<b>Dashboard</b> of the lesson"))
    row = QHBoxLayout()
    column.addLayout(row)
    top.plots = (make_plot("quadratic", "cost epochs"), make_plot("cross_entropy", "output epochs"))
    for child in top.plots:
        row.addWidget(child)
    top.resize(800, 400)
    return top


@pytest.fixture
def composite(qtbot):
    top = make_composite()
    qtbot.addWidget(top)
    top.show()
    qtbot.waitExposed(top)
    return top


# -- reading the files back --------------------------------------------------------------------

def colour_distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def pixels_like(image: QImage, colour: QColor, step: int = 1, box=None) -> int:
    x0, y0, x1, y1 = box or (0, 0, image.width(), image.height())
    return sum(1 for x in range(x0, x1, step) for y in range(y0, y1, step)
               if colour_distance(QColor(image.pixel(x, y)), colour) < 60)


def distinct_colours(image: QImage, step: int = 5) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)}


def svg_root(path: Path) -> ElementTree.Element:
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    return root


def svg_text(root: ElementTree.Element) -> str:
    """All text of the drawing, one space between text elements (a wrapped caption is
    several)."""
    return " ".join(" ".join("".join(text.itertext()) for text in root.iter(f"{SVG}text"))
                    .split())


def shapes_by_stroke(root: ElementTree.Element) -> dict[str, int]:
    """Number of vector shapes (path, polyline, line) per stroke colour they inherit."""
    counts: dict[str, int] = {}

    def visit(element, stroke):
        stroke = element.get("stroke", stroke)
        if element.tag in (f"{SVG}path", f"{SVG}polyline", f"{SVG}line") and stroke:
            counts[stroke.lower()] = counts.get(stroke.lower(), 0) + 1
        for child in element:
            visit(child, stroke)

    visit(root, None)
    return counts


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def pdf_media_box(data: bytes) -> tuple[float, float]:
    x0, y0, x1, y1 = (float(v) for v in re.search(
        rb"/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]", data).groups())
    return x1 - x0, y1 - y0


# -- PNG ----------------------------------------------------------------------------------------

def test_png_is_twice_the_widget_width_and_not_blank(plot, tmp_path):
    path = export_widget(plot, tmp_path / "cost.png")
    assert path == tmp_path / "cost.png"
    image = QImage(str(path))
    assert not image.isNull()
    assert (image.width(), image.height()) == (2 * plot.width(), 2 * plot.height())
    assert len(distinct_colours(image)) > 5  # background, axes, text, curve, grid
    assert image.pixelColor(1, 1) == QColor("white")
    # The curve shows inside the plot area.
    middle = (image.width() // 4, image.height() // 8, image.width() - 4, image.height() * 3 // 4)
    assert pixels_like(image, VERMILLION, step=2, box=middle) > 50


def test_png_has_the_requested_width(plot, tmp_path):
    image = QImage(str(export_widget(plot, tmp_path / "cost.png", width=1000)))
    assert image.width() == 1000
    assert image.height() == round(1000 * plot.height() / plot.width())


def test_png_lines_keep_their_thickness_relative_to_the_picture(qtbot, tmp_path):
    flat = pg.PlotWidget()
    qtbot.addWidget(flat)
    flat.plot([0.0, 1.0], [0.5, 0.5], pen=PROJECTOR.pen("quadratic"))
    flat.setYRange(0, 1)
    flat.resize(300, 200)

    def thickness(width):
        image = widget_image(flat, width)
        column = image.width() // 2
        return sum(1 for y in range(image.height())
                   if colour_distance(image.pixelColor(column, y), VERMILLION) < 120)

    assert thickness(300) >= PROJECTOR.line_width - 1
    assert thickness(600) >= 1.7 * thickness(300)
    # The export leaves the plot's own pens as they were.
    axis = flat.getPlotItem().getAxis("left")
    assert "pen" not in vars(axis) and "tickPen" not in vars(axis)


def test_png_caption_makes_the_picture_taller(plot, tmp_path):
    plain = QImage(str(export_widget(plot, tmp_path / "plain.png")))
    captioned = QImage(str(export_widget(plot, tmp_path / "captioned.png", caption=CAPTION)))
    assert captioned.width() == plain.width()
    assert captioned.height() > plain.height()
    # The caption line holds dark text on white.
    strip = (0, plain.height(), captioned.width(), captioned.height())
    assert pixels_like(captioned, QColor("#111111"), step=1, box=strip) > 100


def test_a_widget_never_shown_exports_too(qtbot, tmp_path):
    top = make_composite()
    qtbot.addWidget(top)
    image = QImage(str(export_widget(top, tmp_path / "dashboard.png")))
    assert image.width() == 2 * top.width()
    assert pixels_like(image, VERMILLION, step=2) > 50
    assert pixels_like(image, BLUE, step=2) > 50


# -- SVG ----------------------------------------------------------------------------------------

def test_svg_is_vector_with_the_axis_label(plot, tmp_path):
    root = svg_root(export_widget(plot, tmp_path / "cost.svg"))
    shapes = shapes_by_stroke(root)
    assert shapes.get(VERMILLION.name(), 0) > 10  # the curve, as vector shapes
    assert sum(shapes.values()) > 20
    assert "epoch" in svg_text(root)
    assert not list(root.iter(f"{SVG}image"))  # nothing rasterised
    assert list(root.iter(f"{SVG}clipPath"))  # the plot area clips the curve
    # pyqtgraph's cosmetic lines are ordinary strokes in the picture's pixels.
    assert b"non-scaling-stroke" not in (tmp_path / "cost.svg").read_bytes()


def test_svg_caption_is_text(plot, tmp_path):
    root = svg_root(export_widget(plot, tmp_path / "cost.svg", caption=CAPTION))
    assert CAPTION in svg_text(root)
    narrow = QWidget()
    narrow.resize(120, 40)
    wrapped = svg_root(export_widget(narrow, tmp_path / "narrow.svg", caption=CAPTION))
    # wrapped onto several lines (maybe at a hyphen), never cut
    assert CAPTION.replace(" ", "") in svg_text(wrapped).replace(" ", "")
    view_box = [float(v) for v in root.get("viewBox").split()]
    assert view_box[3] > plot.height()


def test_composite_svg_keeps_both_plots_vector(composite, tmp_path):
    root = svg_root(export_widget(composite, tmp_path / "dashboard.svg"))
    shapes = shapes_by_stroke(root)
    assert shapes.get(VERMILLION.name(), 0) > 10
    assert shapes.get(BLUE.name(), 0) > 10
    text = svg_text(root)
    assert "cost epochs" in text and "output epochs" in text and "Dashboard" in text
    assert not list(root.iter(f"{SVG}image"))


def matrix_of(element) -> np.ndarray:
    values = [float(v) for v in re.findall(r"[-\d.e]+", element.get("transform") or "")]
    a, b, c, d, e, f = values if len(values) == 6 else (1, 0, 0, 1, 0, 0)
    return np.array([[a, c, e], [b, d, f], [0, 0, 1]])


def clip_box(clip) -> tuple[float, float, float, float]:
    shape = clip[0]
    if shape.tag == f"{SVG}rect":
        x, y = float(shape.get("x")), float(shape.get("y"))
        return x, y, x + float(shape.get("width")), y + float(shape.get("height"))
    numbers = [float(v) for v in re.findall(r"[-\d.e]+", shape.get("d"))]
    return min(numbers[0::2]), min(numbers[1::2]), max(numbers[0::2]), max(numbers[1::2])


def test_composite_svg_clips_child_widgets_where_they_are(composite, tmp_path):
    """Qt's SVG engine writes a widget's own clipping without the offset the widget is drawn
    at: every clip around the rich-text label's text must contain that text."""
    root = svg_root(export_widget(composite, tmp_path / "dashboard.svg"))
    clips = {clip.get("id"): clip_box(clip) for clip in root.iter(f"{SVG}clipPath")}
    found = []

    def visit(element, transform, clip_boxes):
        transform = transform @ matrix_of(element)
        reference = re.fullmatch(r"url\(#(.*)\)", element.get("clip-path", ""))
        if reference:
            x0, y0, x1, y1 = clips[reference.group(1)]
            corners = transform @ np.array([[x0, x1], [y0, y1], [1, 1]])
            clip_boxes = clip_boxes + [(corners[0].min(), corners[1].min(),
                                        corners[0].max(), corners[1].max())]
        if element.tag == f"{SVG}text" and "Dashboard" in "".join(element.itertext()):
            x, y, _ = transform @ np.array([float(element.get("x")), float(element.get("y")), 1])
            found.append((x, y, clip_boxes))
        for child in element:
            visit(child, transform, clip_boxes)

    visit(root, np.eye(3), [])
    assert len(found) == 1
    x, y, clip_boxes = found[0]
    label = composite.findChild(QLabel)
    assert label.geometry().contains(round(x), round(y))  # the text is where the label is
    assert clip_boxes, "the label is clipped to itself"
    for x0, y0, x1, y1 in clip_boxes:
        assert x0 <= x <= x1 and y0 <= y <= y1


# -- PDF ----------------------------------------------------------------------------------------

def test_pdf_is_one_page_the_size_of_the_widget(plot, tmp_path):
    data = export_widget(plot, tmp_path / "cost.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_pages(data) == 1
    points_per_pixel = 72 / plot.logicalDpiY()
    width, height = pdf_media_box(data)
    assert width == pytest.approx(plot.width() * points_per_pixel, abs=1)
    assert height == pytest.approx(plot.height() * points_per_pixel, abs=1)
    assert b"/Subtype /Image" not in data  # the plot stays vector


def test_pdf_of_a_composite_with_caption(composite, tmp_path):
    plain = export_widget(composite, tmp_path / "plain.pdf").read_bytes()
    data = export_widget(composite, tmp_path / "dashboard.pdf", caption=CAPTION).read_bytes()
    assert data.startswith(b"%PDF") and pdf_pages(data) == 1
    assert pdf_media_box(data)[1] > pdf_media_box(plain)[1]
    assert b"/Subtype /Image" not in data


# -- formats and paths --------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_format_from_the_argument_and_suffix_added(plot, tmp_path, fmt):
    path = export_widget(plot, tmp_path / "figure", fmt.upper())
    assert path == tmp_path / f"figure.{fmt}"
    assert path.stat().st_size > 0
    assert sorted(os.listdir(tmp_path)) == [f"figure.{fmt}"]  # no temporary file left


def test_an_existing_file_is_replaced_whole(plot, tmp_path):
    path = tmp_path / "cost.png"
    path.write_bytes(b"old")
    export_widget(plot, path)
    assert not QImage(str(path)).isNull()
    assert os.listdir(tmp_path) == ["cost.png"]


def assert_one_line_naming(error: ExportError, path: Path, reason: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert str(path) in message
    assert reason in message


@pytest.mark.parametrize("name, fmt", [("cost.bmp", None), ("cost.png", "gif"), ("cost", None)])
def test_unknown_format_is_refused(plot, tmp_path, name, fmt):
    with pytest.raises(ExportError) as caught:
        export_widget(plot, tmp_path / name, fmt)
    assert_one_line_naming(caught.value, tmp_path / name, "png, svg, pdf")
    assert os.listdir(tmp_path) == []


def test_a_file_used_as_a_folder_is_refused(plot, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a folder")
    target = notes / "figures" / "cost.svg"
    with pytest.raises(ExportError) as caught:
        export_widget(plot, target)
    assert_one_line_naming(caught.value, target, "is a file, not a folder")
    assert os.listdir(tmp_path) == ["notes.txt"]
    assert notes.read_text() == "not a folder"


def test_a_missing_drive_is_refused(plot, tmp_path):
    drive = Path(tmp_path.anchor) / f"nnlab-no-such-drive-{uuid.uuid4().hex}"
    target = drive / "figures" / "cost.pdf"
    with pytest.raises(ExportError) as caught:
        export_widget(plot, target)
    assert_one_line_naming(caught.value, target, "does not exist")
    assert not drive.exists()


def test_a_folder_as_target_is_refused(plot, tmp_path):
    (tmp_path / "cost.png").mkdir()
    with pytest.raises(ExportError) as caught:
        export_widget(plot, tmp_path / "cost.png")
    assert_one_line_naming(caught.value, tmp_path / "cost.png", "folder")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(plot, tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError) as caught:
            export_widget(plot, folder / "cost.png")
        assert_one_line_naming(caught.value, folder / "cost.png", "permission")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(0o755)


def test_a_failing_write_leaves_nothing_behind(plot, tmp_path, monkeypatch):
    """Whatever fails during the write (here the final rename), the old file stays as it was
    and no temporary file is left; this also covers read-only folders when running as root."""
    path = tmp_path / "cost.svg"
    path.write_bytes(b"previous figure")

    def refuse(source, target):
        raise PermissionError(13, "Permission denied", str(target))

    monkeypatch.setattr(export.render.os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        export_widget(plot, path)
    assert_one_line_naming(caught.value, path, "Permission denied")
    assert os.listdir(tmp_path) == ["cost.svg"]
    assert path.read_bytes() == b"previous figure"


def test_an_impossible_png_width_is_refused(plot, tmp_path):
    with pytest.raises(ExportError) as caught:
        export_widget(plot, tmp_path / "cost.png", width=0)
    assert_one_line_naming(caught.value, tmp_path / "cost.png", "width")
    assert os.listdir(tmp_path) == []


# -- clipboard and caption -------------------------------------------------------------------

def test_copy_to_clipboard_holds_the_image(plot):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    copy_to_clipboard(plot)
    image = clipboard.image()
    assert not image.isNull()
    assert (image.width(), image.height()) == (2 * plot.width(), 2 * plot.height())
    assert pixels_like(image, VERMILLION, step=2) > 50

    copy_to_clipboard(plot, caption=CAPTION)
    assert clipboard.image().height() > 2 * plot.height()


def lesson_frame(**changes) -> NeuronFrame:
    runs = (RunFrame("quadratic", "quadratic", empty_columns(), -1),
            RunFrame("cross_entropy", "cross-entropy", empty_columns(), -1))
    settings = dict(x=1.0, y=0.0, w0=2.0, b0=2.0, learning_rate=0.15, epochs=300, runs=runs,
                    shown_epoch=150)
    settings.update(changes)
    return NeuronFrame(**settings)


def test_caption_text_names_the_settings():
    assert caption_text(lesson_frame()) == CAPTION


def test_caption_text_with_one_run_and_negative_start():
    frame = lesson_frame(w0=-0.6, b0=0.9, learning_rate=1.5, shown_epoch=0, epochs=1000,
                         runs=lesson_frame().runs[:1])
    assert caption_text(frame) == ("Costs: quadratic · start w = −0.6, b = 0.9 · η = 1.5 · "
                                   "epoch 0 of 1000")


# -- titles and slides -------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_a_titled_figure_for_a_slide_is_16_9_and_the_widget_keeps_its_size(plot, tmp_path, fmt):
    on_screen = plot.size()
    path = export_widget(plot, tmp_path / f"slide.{fmt}", title="Cost per epoch",
                         caption=CAPTION, aspect=export.SLIDE_ASPECT)
    assert plot.size() == on_screen
    if fmt == "png":
        image = QImage(str(path))
        width, height = image.width(), image.height()
        assert width == export.DEFAULT_PNG_SCALE * export.FIGURE_MIN_WIDTH
        assert pixels_like(image, VERMILLION, step=3) > 50
    elif fmt == "svg":
        root = svg_root(path)
        width, height = (float(v) for v in root.get("viewBox").split()[2:])
        assert "Cost per epoch" in svg_text(root) and CAPTION in svg_text(root)
    else:
        width, height = pdf_media_box(path.read_bytes())
    assert width / height == pytest.approx(16 / 9, abs=0.01)
