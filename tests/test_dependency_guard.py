"""Guards for the pinned PySide6 + pyqtgraph pair (see "Dependency pins" in README.md).

PySide6 6.12 with pyqtgraph 0.14 aborts the interpreter after a few hundred repaints of a plot
whose data grows, and pyqtgraph's SVG exporter breaks on 6.11 and 6.12. These tests do exactly
those things, so a version bump that brings either back fails here and not in a lecture.
The crash kills the interpreter, so the repaint runs in a child process.
"""

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ElementTree

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator


def test_a_growing_plot_survives_a_thousand_repaints():
    script = textwrap.dedent("""
        import numpy as np
        import pyqtgraph as pg
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        plot = pg.PlotWidget()
        plot.setLogMode(y=True)
        curve = plot.plot(pen=pg.mkPen(width=3))
        plot.resize(640, 480)
        plot.show()
        x = np.arange(1001.0)
        y = np.exp(-x / 300.0) + 1e-3
        for n in range(1, 1001):
            curve.setData(x[:n + 1], y[:n + 1])
            plot.repaint()
            app.processEvents()
        print("repainted", n)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "repainted 1000" in done.stdout


@pytest.fixture
def plot(qtbot):
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.plot(np.arange(50.0), np.sin(np.arange(50.0) / 5), pen=pg.mkPen("b", width=3))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_pyqtgraph_svg_exporter_works(plot, tmp_path):
    from pyqtgraph.exporters import SVGExporter

    path = tmp_path / "plot.svg"
    SVGExporter(plot.plotItem).export(str(path))
    root = ElementTree.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 10


def test_rendering_the_scene_into_svg_pdf_and_png_works(plot, tmp_path):
    scene = plot.scene()
    source = QRectF(0, 0, 400, 300)

    svg_path = tmp_path / "scene.svg"
    generator = QSvgGenerator()
    generator.setFileName(str(svg_path))
    generator.setSize(QSize(400, 300))
    generator.setViewBox(source)
    painter = QPainter(generator)
    scene.render(painter, source, source)
    painter.end()
    assert ElementTree.parse(svg_path).getroot().tag.endswith("svg")

    pdf_path = tmp_path / "scene.pdf"
    writer = QPdfWriter(str(pdf_path))
    writer.setPageSize(QPageSize(QSizeF(400, 300), QPageSize.Unit.Point))
    painter = QPainter(writer)
    scene.render(painter)
    painter.end()
    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data

    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    scene.render(painter)
    painter.end()
    png_path = tmp_path / "scene.png"
    assert image.save(str(png_path))
    reloaded = QImage(str(png_path))
    colours = {reloaded.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 600, 7)}
    assert len(colours) > 2  # not blank: axes, curve and background
