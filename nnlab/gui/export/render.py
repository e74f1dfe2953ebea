"""Figures for slides and handouts: any widget (one plot, or the whole window) to PNG, SVG or PDF.

How a widget is drawn into a file:

- A pyqtgraph view (any QGraphicsView) is drawn from its scene, with pyqtgraph's export mode
  switched on, so curves, axes and text stay vectors and scatter symbols are drawn as shapes.
  ``QWidget.render`` on a view would paint the view's cached background as a bitmap and the
  symbols from their pixmap cache.
- Any other widget is drawn with ``QWidget.render`` without its children, then each visible
  child the same way at its place (see :func:`_steps`), so a composite (the whole dashboard,
  a view holding several plots) keeps every plot vector in SVG and PDF.
- SVG is written by QSvgGenerator in SVG 1.1 (Qt's default SVG Tiny 1.2 drops all clipping,
  and curves leaving a plot's range would cover its axes), one fragment per widget drawn at
  the origin and then placed (see :class:`_SvgDocument`: Qt misplaces a widget's own clipping
  when it draws the widget at an offset). The generator is drawn into through
  :class:`_FlatClipEngine`, which hands it every clip as one plain path: on its own it keeps a
  nested clip after it has ended, and viewers other than Qt (librsvg, CairoSVG, slide
  programs) then show plots without curves, axes or grid. pyqtgraph's cosmetic lines (widths
  in screen pixels, written as "non-scaling-stroke") are rewritten into ordinary strokes in
  the picture's pixel units, see :func:`_bake_cosmetic_strokes`.
- PNG is drawn at the requested width through the image's device pixel ratio, with cosmetic
  pens widened by the same ratio: Qt keeps cosmetic pens at their pixel width on any device,
  so without that the lines of a 2× image would be half as thick relative to the picture.
- PDF is one page the size of the picture (1 px = 1/dpi inch at the screen's logical dpi,
  96 on most desktops: 0.75 pt), with one device unit per pixel: Qt's PDF engine strokes
  cosmetic pens in device units, so at 300 dpi every pyqtgraph line would come out 3× too thin
  next to the text. Vector parts do not depend on the resolution; images (heatmaps) are
  embedded at their own resolution.

A figure may have a title above it and a caption under it (wrapped only between its
" · "-separated parts), and may be laid out for a slide: the widget is resized for the export
so that the whole picture has the slide's shape (16:9), then given its size back.

Files are written atomically: rendered in memory, written to a temporary file in the target
folder, then renamed over the target. A failure leaves no partial file behind.
"""

from __future__ import annotations

import math
import os
import re
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMarginsF,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPaintDevice,
    QPaintEngine,
    QPdfWriter,
    QPen,
    QPolygonF,
    QRegion,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsView,
    QScrollBar,
    QWidget,
)

from nnlab.core.files import write_file
from nnlab.gui.text import fill

EXPORT_FORMATS = ("png", "svg", "pdf")

#: PNG width when none is asked for, as a multiple of the widget's width on screen.
DEFAULT_PNG_SCALE = 2
#: Widest PNG drawn (pixels), so a typo in the width does not exhaust the memory.
MAX_PNG_WIDTH = 20000

PICTURE_BACKGROUND = QColor("#FFFFFF")
CAPTION_COLOUR = QColor("#111111")
#: Caption line height as a multiple of the font's height: room above and below the text.
CAPTION_LINE_FACTOR = 1.6
#: The caption may shrink to this share of the widget's font size before it wraps.
CAPTION_MIN_FONT_SHARE = 0.6
#: What separates the caption's parts: it wraps only there, never inside "epoch 300 of 300".
CAPTION_SEPARATOR = " · "
#: The title above a figure: its font size as a multiple of the widget's, and its line height.
TITLE_FONT_FACTOR = 1.3
TITLE_LINE_FACTOR = 1.5

#: A slide's shape (width : height), for figures laid out to fill one.
SLIDE_ASPECT = 16 / 9
#: Narrowest a figure laid out for a slide is drawn (pixels of the widget): its default PNG,
#: DEFAULT_PNG_SCALE times as wide, is at least 1920 px wide, a full-HD slide.
FIGURE_MIN_WIDTH = 960

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"

_CONTEXT = "export"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


class ExportError(Exception):
    """A figure could not be written; the message is one line naming the path and the reason."""


def _error(path: Path | str, reason: str) -> ExportError:
    message = fill(_tr("Cannot export to “%1”: %2"), path, reason)
    return ExportError(" ".join(message.split()))


# -- public API ------------------------------------------------------------------------------

def export_widget(widget: QWidget, path: str | os.PathLike, fmt: str | None = None, *,
                  width: int | None = None, caption: str | None = None,
                  title: str | None = None, aspect: float | None = None) -> Path:
    """Write a picture of ``widget`` to ``path`` and return the path written.

    ``fmt`` is one of :data:`EXPORT_FORMATS`, taken from the file's suffix when None (a path
    without a suffix gets ``.fmt`` appended). ``width`` is the PNG's width in pixels (default
    :data:`DEFAULT_PNG_SCALE` times the picture's width; SVG and PDF are vector and sized
    like the picture). ``title``, when given, is drawn above the widget; ``caption`` under it,
    wrapped only between its " · "-separated parts.

    ``aspect`` (e.g. :data:`SLIDE_ASPECT`): the widget is laid out for the export so that the
    whole picture, title and caption included, has this width : height ratio, as wide as the
    widget or :data:`FIGURE_MIN_WIDTH` if that is wider; it gets its own size back after.
    None: the widget as it is.

    Raises ExportError for an unknown format, an empty widget or a path that cannot be
    written; nothing is left at ``path`` (or beside it) then.
    """
    target = Path(path)
    fmt = _format_for(target, fmt)
    if not target.suffix:
        target = target.with_name(target.name + "." + fmt)
    _check_writable(target)
    if widget.width() <= 0 or widget.height() <= 0:
        raise _error(target, _tr("the picture is empty (the widget has no size)"))
    try:
        png_width = None if width is None else _png_width(widget, width)  # refused early
        with _laid_out(widget, aspect, title, caption):
            if fmt == "png":
                data = _png_bytes(widget_image(widget, png_width, caption, title=title))
            elif fmt == "svg":
                data = _svg_bytes(widget, caption, title)
            else:
                data = _pdf_bytes(widget, caption, title)
    except (_WidthError, MemoryError) as error:
        raise _error(target, str(error)) from error
    if not data:
        raise _error(target, _tr("nothing was drawn"))
    _write_atomically(target, data)
    return target


def widget_image(widget: QWidget, width: int | None = None,
                 caption: str | None = None, *, title: str | None = None,
                 aspect: float | None = None) -> QImage:
    """The widget (with title and caption) as an image ``width`` pixels wide, on a white
    background; ``aspect`` as for :func:`export_widget`.

    Default width: :data:`DEFAULT_PNG_SCALE` × the picture's width. The height follows from the
    picture's aspect ratio. Raises ValueError for a width outside 1..:data:`MAX_PNG_WIDTH`.
    """
    if aspect is not None:
        with _laid_out(widget, aspect, title, caption):
            return widget_image(widget, width, caption, title=title)
    width = _png_width(widget, width)
    layout = _PictureLayout(widget, caption, title)
    scale = width / layout.size.width()
    height = max(1, round(layout.size.height() * scale))
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    if image.isNull():
        raise MemoryError(fill(_tr("not enough memory for an image of %1 × %2 px"),
                                width, height))
    image.fill(PICTURE_BACKGROUND)
    # Scaled through the device pixel ratio rather than the painter's transform: pyqtgraph's
    # legends (ItemIgnoresTransformations) would ignore a scaled painter and come out small.
    image.setDevicePixelRatio(scale)
    painter = _CosmeticScalingPainter(image, scale)
    try:
        layout.paint(painter, device_scale=1.0)
    finally:
        painter.end()
    image.setDevicePixelRatio(1.0)
    # Set after drawing (fonts in points are sized by the device's resolution): a nominal
    # resolution at which the image shows at the widget's size when placed at "100 %".
    dots_per_metre = round(layout.dpi * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


class _WidthError(ValueError):
    pass


def _png_width(widget: QWidget, width: int | None) -> int:
    if width is None:
        return DEFAULT_PNG_SCALE * max(1, widget.width())
    if not 1 <= int(width) <= MAX_PNG_WIDTH:
        raise _WidthError(fill(_tr("width %1 px: must be between 1 and %2"),
                                width, MAX_PNG_WIDTH))
    return int(width)


def copy_to_clipboard(widget: QWidget, caption: str | None = None, *,
                      title: str | None = None, aspect: float | None = None) -> None:
    """Put a picture of ``widget`` (at the default PNG width) on the clipboard; the keywords
    as for :func:`export_widget`."""
    QGuiApplication.clipboard().setImage(
        widget_image(widget, caption=caption, title=title, aspect=aspect))


@contextmanager
def _laid_out(widget: QWidget, aspect: float | None, title: str | None,
              caption: str | None):
    """``widget`` resized for a picture of ``aspect`` (see :func:`export_widget`), then
    given its size back. A widget in a layout keeps its place: only its size changes, and
    the layout around it is not asked to move anything."""
    if aspect is None:
        yield
        return
    if not aspect > 0:
        raise ValueError(f"aspect {aspect!r}: must be a positive width : height ratio")
    dpi = max(1, widget.logicalDpiY())
    width = max(widget.width(), FIGURE_MIN_WIDTH)
    texts = (_heading_block(widget.font(), dpi, title, width).height
             + _caption_block(widget.font(), dpi, caption, width).height)
    size = QSize(width, max(1, round(width / aspect - texts)))
    previous = widget.size()
    if size == previous:
        yield
        return
    widget.resize(size)
    try:
        yield
    finally:
        widget.resize(previous)
        _settle_layouts(widget)


# -- checks and writing ------------------------------------------------------------------------

def _format_for(path: Path, fmt: str | None) -> str:
    given = fmt if fmt is not None else path.suffix
    normalised = str(given).strip().lower().lstrip(".")
    if normalised in EXPORT_FORMATS:
        return normalised
    if not normalised:
        reason = fill(_tr("no format given and the file name has no suffix (use one of %1)"),
                       ", ".join(EXPORT_FORMATS))
    else:
        reason = fill(_tr("unknown format “%1” (use one of %2)"), given,
                       ", ".join(EXPORT_FORMATS))
    raise _error(path, reason)


def _check_writable(path: Path) -> None:
    """Refuse early, with a reason a user can act on, what the write would fail on anyway."""
    if path.is_dir():
        raise _error(path, _tr("it is a folder"))
    folder = path.parent
    if not folder.is_dir():
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if existing.exists() and not existing.is_dir():
            raise _error(path, fill(_tr("“%1” is a file, not a folder"), existing))
        raise _error(path, fill(_tr("the folder “%1” does not exist"), folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _error(path, fill(_tr("no permission to write in the folder “%1”"), folder))


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        write_file(path, data)
    except OSError as error:
        raise _error(path, error.strerror or str(error)) from error


# -- formats ---------------------------------------------------------------------------------

def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        return b""
    return bytes(buffer.data())


def _svg_bytes(widget: QWidget, caption: str | None, title: str | None = None) -> bytes:
    layout = _PictureLayout(widget, caption, title)
    document = _SvgDocument(layout)
    for step in layout.steps:
        document.add(step)
    if layout.heading.text or layout.caption.text:
        document.add_texts()
    return document.to_bytes()


def _pdf_bytes(widget: QWidget, caption: str | None, title: str | None = None) -> bytes:
    layout = _PictureLayout(widget, caption, title)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setCreator("nnlab")
    writer.setTitle(layout.title)
    writer.setResolution(layout.dpi)
    points_per_pixel = 72.0 / layout.dpi
    page_size = QPageSize(QSizeF(layout.size.width() * points_per_pixel,
                                 layout.size.height() * points_per_pixel),
                          QPageSize.Unit.Point, "nnlab", QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(page_size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    painter = QPainter()
    if not painter.begin(writer):
        return b""
    try:
        # The page is rounded to whole device units; draw the picture to fill it.
        scale = writer.width() / layout.size.width()
        painter.scale(scale, scale)
        layout.paint(painter, device_scale=scale)
    finally:
        painter.end()
    return bytes(buffer.data())


# -- drawing ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Step:
    """One widget to draw: at ``offset`` in the picture, visible within ``visible`` (both in
    the picture's pixels). A QGraphicsView is drawn from its scene, anything else alone
    (its children are steps of their own)."""

    widget: QWidget
    offset: QPoint
    visible: QRect

    @property
    def is_view(self) -> bool:
        return isinstance(self.widget, QGraphicsView)


def _steps(widget: QWidget, offset: QPoint, clip: QRect) -> list[_Step]:
    """``widget`` and its visible descendants in painting order (parents first, then children
    in stacking order)."""
    visible = QRect(offset, widget.size()).intersected(clip)
    if visible.isEmpty():
        return []
    steps = [_Step(widget, QPoint(offset), visible)]
    if isinstance(widget, QGraphicsView):
        return steps  # its viewport shows the scene; its scroll bars stay out of a figure
    for child in widget.children():
        if (isinstance(child, QWidget) and not child.isWindow()
                and child.isVisibleTo(widget) and not _is_scroll_bar(child)):
            steps += _steps(child, offset + child.pos(), visible)
    return steps


def _is_scroll_bar(widget: QWidget) -> bool:
    """A scroll bar, or the frame a scroll area keeps its scroll bar in: controls, not part
    of a figure."""
    if isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    return (isinstance(parent, QAbstractScrollArea) and widget is not parent.viewport()
            and bool(widget.findChildren(QScrollBar))
            and all(isinstance(child, QScrollBar) or not child.isVisibleTo(widget)
                    for child in widget.findChildren(QWidget)))


@dataclass(frozen=True)
class _TextBlock:
    """A title or caption: its text (lines separated by newlines), font and height."""

    text: str = ""
    font: QFont | None = None
    height: float = 0.0


#: How a title or caption is drawn: it may still wrap inside a line too long on its own.
_TEXT_FLAGS = Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap


def _base_pixel_size(font: QFont, dpi: int) -> float:
    # In pixels: the same size whatever the dpi of the device the text is drawn on.
    point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    return max(1.0, point_size * dpi / 72.0)


def _sized(font: QFont, pixel_size: float, bold: bool = False) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(max(1, round(pixel_size)))
    if bold:
        sized.setBold(True)
    return sized


def _text_height(font: QFont, text: str, width: float, line_factor: float) -> float:
    metrics = QFontMetricsF(font)
    height = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(_TEXT_FLAGS), text).height()
    return math.ceil(height + metrics.height() * (line_factor - 1))


def _heading_block(font: QFont, dpi: int, title: str | None, width: float) -> _TextBlock:
    text = " ".join(title.split()) if title else ""
    if not text:
        return _TextBlock()
    sized = _sized(font, _base_pixel_size(font, dpi) * TITLE_FONT_FACTOR, bold=True)
    return _TextBlock(text, sized, _text_height(sized, text, width * 0.96, TITLE_LINE_FACTOR))


def _caption_block(font: QFont, dpi: int, caption: str | None, width: float) -> _TextBlock:
    """The caption in one line, at a smaller size if need be (down to
    :data:`CAPTION_MIN_FONT_SHARE`); beyond that on several lines, broken only between its
    " · "-separated parts."""
    text = " ".join(caption.split()) if caption else ""
    if not text:
        return _TextBlock()
    available = width * 0.96
    pixel_size = _base_pixel_size(font, dpi)
    needed = QFontMetricsF(_sized(font, pixel_size)).horizontalAdvance(text)
    if needed > available:
        pixel_size = max(pixel_size * CAPTION_MIN_FONT_SHARE, pixel_size * available / needed)
    sized = _sized(font, pixel_size)
    text = "\n".join(_caption_lines(text, QFontMetricsF(sized), available))
    return _TextBlock(text, sized, _text_height(sized, text, available, CAPTION_LINE_FACTOR))


def _caption_lines(text: str, metrics: QFontMetricsF, available: float) -> list[str]:
    """The caption's parts, as many on a line as fit; a line that goes on ends with the
    separator ("η = 0.15 ·"), so the lines read as the one caption."""
    parts = text.split(CAPTION_SEPARATOR)
    lines = [parts[0]]
    for part in parts[1:]:
        joined = lines[-1] + CAPTION_SEPARATOR + part
        if metrics.horizontalAdvance(joined) <= available:
            lines[-1] = joined
        else:
            lines[-1] += CAPTION_SEPARATOR.rstrip()
            lines.append(part)
    return lines


class _PictureLayout:
    """The picture: the title (if any), the widget at its size under it, the caption (if
    any) under the widget."""

    def __init__(self, widget: QWidget, caption: str | None,
                 title: str | None = None) -> None:
        self.widget = widget
        self.dpi = max(1, widget.logicalDpiY())
        _prepare_for_rendering(widget)
        self.widget_size = QSizeF(widget.size())
        width = self.widget_size.width()
        self.heading = _heading_block(widget.font(), self.dpi, title, width)
        self.caption = _caption_block(widget.font(), self.dpi, caption, width)
        # the document's title (SVG, PDF): what the figure shows, in one line
        self.title = (self.heading.text or " ".join(self.caption.text.split())
                      or widget.windowTitle() or "nnlab")
        top = round(self.heading.height)
        self.widget_top = top
        self.steps = _steps(widget, QPoint(0, top), QRect(QPoint(0, top), widget.size()))
        self.size = QSizeF(width, top + self.widget_size.height() + self.caption.height)

    def paint(self, painter: QPainter, device_scale: float) -> None:
        """Draw the picture into ``painter``, whose units are the widget's pixels;
        ``device_scale`` is the painter's scaling to its device (what pyqtgraph's scatter
        symbols, drawn in device pixels, must be enlarged by)."""
        _set_render_hints(painter)
        painter.fillRect(QRectF(QPoint(0, 0), self.size), PICTURE_BACKGROUND)
        for step in self.steps:
            if step.is_view:
                _paint_graphics_view(painter, step.widget, step.offset, step.visible,
                                     device_scale)
            else:
                _paint_widget_alone(painter, step.widget, step.offset, step.visible)
        self.paint_texts(painter)

    def paint_texts(self, painter: QPainter) -> None:
        """The title, centred above the widget, and the caption under it."""
        width = self.widget_size.width()
        margin = width * 0.02
        below = self.widget_top + self.widget_size.height()
        for block, top, alignment in (
                (self.heading, 0.0, Qt.AlignmentFlag.AlignHCenter),
                (self.caption, below, Qt.AlignmentFlag.AlignLeft)):
            if not block.text:
                continue
            painter.save()
            painter.setClipping(False)
            painter.setFont(block.font)
            painter.setPen(CAPTION_COLOUR)
            painter.drawText(QRectF(margin, top, width - 2 * margin, block.height),
                             int(alignment | _TEXT_FLAGS), block.text)
            painter.restore()


def _set_render_hints(painter: QPainter) -> None:
    painter.setRenderHints(QPainter.RenderHint.Antialiasing
                           | QPainter.RenderHint.TextAntialiasing
                           | QPainter.RenderHint.SmoothPixmapTransform)


def _graphics_views(widget: QWidget) -> list[QGraphicsView]:
    views = [widget] if isinstance(widget, QGraphicsView) else []
    return views + widget.findChildren(QGraphicsView)


def _prepare_for_rendering(widget: QWidget) -> None:
    """Bring a widget that may never have been shown (a headless export) up to date.

    ``QWidget.render`` delivers the resize events a hidden widget is still owed, and a first
    paint lets pyqtgraph's axes measure their tick labels; the layouts those measurements
    change are then settled before the picture is drawn.
    """
    scratch = QImage(max(1, widget.width()), max(1, widget.height()),
                     QImage.Format.Format_ARGB32_Premultiplied)
    scratch.fill(PICTURE_BACKGROUND)
    painter = QPainter(scratch)
    try:
        QWidget.render(widget, painter, QPoint(0, 0), QRegion(0, 0, 1, 1),
                       QWidget.RenderFlag.DrawChildren)
        for view in _graphics_views(widget):
            if view is widget or view.isVisibleTo(widget):
                view.render(painter, QRectF(view.viewport().rect()), view.viewport().rect())
    finally:
        painter.end()
    _settle_layouts(widget)


#: Rounds of layout requests delivered: a layout settled may ask its children's again.
_LAYOUT_ROUNDS = 3


def _settle_layouts(widget: QWidget) -> None:
    """Deliver the layout requests pending for ``widget``, its descendants and the items of
    their scenes, and no one else's.

    Not every object's (``sendPostedEvents(None, ...)``): that settles the top-level window's
    layout too, and a window whose minimum size changes hands it to the platform, which on
    the offscreen platform (a headless export) prints "This plugin does not support
    propagateSizeHints()". What is drawn depends on the exported widget's layouts only.
    """
    for _ in range(_LAYOUT_ROUNDS):
        receivers = [widget, *widget.findChildren(QWidget)]
        for view in _graphics_views(widget):
            scene = view.scene()
            if scene is not None:
                receivers += [item for item in scene.items() if isinstance(item, QObject)]
        for receiver in receivers:
            QCoreApplication.sendPostedEvents(receiver, QEvent.Type.LayoutRequest)


def _paint_widget_alone(painter: QPainter, widget: QWidget, offset: QPoint,
                        visible: QRect) -> None:
    """The widget without its children (they are steps of their own).

    Without DrawWindowBackground: the figure's background is white, not the desktop theme's
    window colour; widgets that fill their own background still do. Vector devices ignore the
    source region, hence the painter's clip as well.
    """
    painter.save()
    try:
        painter.setClipRect(visible, Qt.ClipOperation.IntersectClip)
        QWidget.render(widget, painter, offset, QRegion(visible.translated(-offset)),
                       QWidget.RenderFlag(0))
    finally:
        painter.restore()


def _paint_graphics_view(painter: QPainter, view: QGraphicsView, offset: QPoint,
                         visible: QRect, device_scale: float) -> None:
    # The view's own frame, if it has one.
    _paint_widget_alone(painter, view, offset, visible)
    scene = view.scene()
    if scene is None:
        return
    viewport = view.viewport()
    target = QRectF(QRect(offset + viewport.pos(), viewport.size()))
    items = [item for item in scene.items() if hasattr(item, "setExportMode")]
    export_options = {"antialias": True, "background": view.backgroundBrush().color(),
                      "painter": painter, "resolutionScale": device_scale}
    axes = [item for item in scene.items() if isinstance(item, pg.AxisItem)]
    # items cached as screen pixmaps (views' cache_pictures) are drawn afresh: as vectors in
    # SVG and PDF, at the picture's resolution in PNG
    cached = [(item, item.cacheMode()) for item in scene.items()
              if item.cacheMode() != QGraphicsItem.CacheMode.NoCache]
    painter.save()
    try:
        painter.setClipRect(QRectF(visible).intersected(target),
                            Qt.ClipOperation.IntersectClip)
        for item in items:
            item.setExportMode(True, export_options)
        for item, _ in cached:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        scale = getattr(painter, "cosmetic_scale", 1.0)
        with _axis_pens_scaled(axes, scale), _plain_item_pens_scaled(scene.items(), scale):
            view.render(painter, target, viewport.rect(), Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
        for item in items:
            item.setExportMode(False)
        painter.restore()


def _scaled_cosmetic(pen: QPen, scale: float) -> QPen:
    if not pen.isCosmetic() or scale == 1.0:
        return pen
    scaled = QPen(pen)
    # Width 0 is Qt's hairline: one device pixel.
    scaled.setWidthF(max(pen.widthF(), 1.0) * scale)
    return scaled


class _CosmeticScalingPainter(QPainter):
    """A painter for a picture drawn ``scale`` times the widget's size: cosmetic pens (widths
    in device pixels, pyqtgraph's default) get ``scale`` times wider, so lines keep their
    thickness relative to the picture.

    pyqtgraph's items are Python and set their pens on this very object, so they come through
    here; widgets drawn by Qt's C++ code keep their hairlines.
    """

    def __init__(self, device, scale: float) -> None:
        super().__init__(device)
        self.cosmetic_scale = float(scale)

    def setPen(self, *args) -> None:  # noqa: N802 (Qt's name)
        pen = args[0] if len(args) == 1 and isinstance(args[0], QPen) else QPen(*args)
        super().setPen(_scaled_cosmetic(pen, self.cosmetic_scale))


#: Qt's own shape items: they set their pens in C++, where _CosmeticScalingPainter cannot
#: widen them (a Python subclass, like pyqtgraph's, may set them through it as well).
_PLAIN_SHAPE_ITEMS = (QGraphicsLineItem, QGraphicsRectItem, QGraphicsEllipseItem,
                      QGraphicsPathItem, QGraphicsPolygonItem)


@contextmanager
def _plain_item_pens_scaled(items: list, scale: float):
    """Give Qt's own shape items (the network diagram's lines and circles, say) scaled
    cosmetic pens while the picture is drawn, so their lines keep their thickness relative
    to the picture as pyqtgraph's do."""
    changed = []
    if scale != 1.0:
        for item in items:
            if type(item) in _PLAIN_SHAPE_ITEMS and item.pen().isCosmetic():
                changed.append((item, item.pen()))
                item.setPen(_scaled_cosmetic(item.pen(), scale))
    try:
        yield
    finally:
        for item, pen in changed:
            item.setPen(pen)


@contextmanager
def _axis_pens_scaled(axes: list, scale: float):
    """pyqtgraph's axes draw into a QPicture of their own, out of the painter's reach: give
    them scaled pens while the picture is drawn (and record their pictures afresh)."""
    if scale == 1.0 or not axes:
        yield
        return
    for axis in axes:
        axis_pen, tick_pen = axis.pen(), axis.tickPen()
        # Instance attributes shadow the methods until the export is done.
        axis.pen = lambda pen=_scaled_cosmetic(axis_pen, scale): QPen(pen)
        axis.tickPen = lambda pen=_scaled_cosmetic(tick_pen, scale): QPen(pen)
        axis.picture = None
    try:
        yield
    finally:
        for axis in axes:
            for name in ("pen", "tickPen"):
                axis.__dict__.pop(name, None)
            axis.picture = None


# -- SVG: one fragment per widget -------------------------------------------------------------

def _svg(tag: str) -> str:
    return f"{{{SVG_NAMESPACE}}}{tag}"


def _svg_fragment(size: QSize, dpi: int, draw) -> ElementTree.Element | None:
    """What ``draw(painter)`` paints at the origin of an SVG ``size`` pixels large."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # SVG 1.1 rather than Qt's default SVG Tiny 1.2: only 1.1 keeps clipping, and without it
    # curves that leave a plot's range are drawn over its axes.
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    # Qt writes point-sized fonts as pixels at this resolution: the screen's, as laid out.
    generator.setResolution(dpi)
    writer = QPainter()
    if not writer.begin(generator):
        return None
    device = _FlatClipDevice(writer, size, dpi)
    painter = QPainter()
    try:
        if not painter.begin(device):
            return None
        try:
            _set_render_hints(painter)
            draw(painter)
        finally:
            painter.end()
    finally:
        writer.end()
    try:
        return ElementTree.fromstring(bytes(buffer.data()))
    except ElementTree.ParseError:
        return None


_Dirty = QPaintEngine.DirtyFlag
_CLIP_CHANGES = _Dirty.DirtyClipPath | _Dirty.DirtyClipRegion | _Dirty.DirtyClipEnabled
#: the parts of a painter's state passed on to the SVG writer as they are: (what changed,
#: the writer's setter, the state's getter); the clip is worked out apart, the transform last
_PASSED_ON = (
    (_Dirty.DirtyPen, "setPen", "pen"),
    (_Dirty.DirtyBrush, "setBrush", "brush"),
    (_Dirty.DirtyBrushOrigin, "setBrushOrigin", "brushOrigin"),
    (_Dirty.DirtyFont, "setFont", "font"),
    (_Dirty.DirtyBackground, "setBackground", "backgroundBrush"),
    (_Dirty.DirtyBackgroundMode, "setBackgroundMode", "backgroundMode"),
    (_Dirty.DirtyHints, "setRenderHints", "renderHints"),
    (_Dirty.DirtyOpacity, "setOpacity", "opacity"),
)


class _FlatClipEngine(QPaintEngine):
    """Hands every drawing call on to ``writer``, a painter on a QSvgGenerator, with the
    clip in force as one path in device pixels, set anew whenever it changes.

    Qt's SVG writer loses nested clips: once a clip inside another ends (``restore``), it
    keeps writing the inner one, so everything a plot draws after a clipped text item (a
    legend's, a label's) is clipped to that item's little box, and viewers other than Qt's
    own (librsvg, CairoSVG, slide programs) show plots without curves, axes or grid. Here
    the writer never sees a nested clip: the clips (replayed in full by QPainter on every
    ``restore``) are intersected in device pixels and given to it as a plain replacement.
    """

    # what Qt's SVG engine draws itself; QPainter breaks the rest down into these
    FEATURES = (QPaintEngine.PaintEngineFeature.AllFeatures
                & ~QPaintEngine.PaintEngineFeature.PatternBrush
                & ~QPaintEngine.PaintEngineFeature.PerspectiveTransform
                & ~QPaintEngine.PaintEngineFeature.ConicalGradientFill
                & ~QPaintEngine.PaintEngineFeature.PorterDuff)

    def __init__(self, writer: QPainter) -> None:
        super().__init__(self.FEATURES)
        self.writer = writer
        self._clip: QPainterPath | None = None  # in device pixels; None: no clip
        self._clip_enabled = False
        self._written_clip: QPainterPath | None = None
        self._nothing_visible = False

    def begin(self, device) -> bool:  # noqa: N802 (Qt's names)
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.SVG  # QPainter writes text as text for vector devices

    def updateState(self, state) -> None:  # noqa: N802
        flags = state.state()
        writer = self.writer
        for flag, setter, getter in _PASSED_ON:
            if flags & flag:
                getattr(writer, setter)(getattr(state, getter)())
        if flags & _CLIP_CHANGES:
            self._update_clip(state, flags)
        if flags & _Dirty.DirtyTransform:
            writer.setTransform(state.transform())

    def _update_clip(self, state, flags) -> None:
        if flags & _Dirty.DirtyClipEnabled:
            self._clip_enabled = state.isClipEnabled()
        if flags & (_Dirty.DirtyClipPath | _Dirty.DirtyClipRegion):
            operation = state.clipOperation()
            if operation == Qt.ClipOperation.NoClip:
                self._clip = None
            else:
                if flags & _Dirty.DirtyClipPath:
                    shape = QPainterPath(state.clipPath())
                else:
                    shape = QPainterPath()
                    shape.addRegion(state.clipRegion())
                # the clip's own transform (QPainter sends it along with the clip)
                shape = state.transform().map(shape)
                if operation == Qt.ClipOperation.IntersectClip and self._clip is not None:
                    shape = self._clip.intersected(shape)
                self._clip = shape
        clip = self._clip if self._clip_enabled else None
        self._nothing_visible = clip is not None and clip.boundingRect().isEmpty()
        if self._nothing_visible or _same_clip(clip, self._written_clip):
            return
        self._written_clip = clip
        writer = self.writer
        if clip is None:
            writer.setClipping(False)
        else:
            transform = writer.transform()
            writer.resetTransform()
            writer.setClipPath(clip, Qt.ClipOperation.ReplaceClip)
            writer.setTransform(transform)

    # -- drawing: passed on unless the clip leaves nothing to see ----------------------------
    def drawPath(self, path) -> None:  # noqa: N802
        if not self._nothing_visible:
            self.writer.drawPath(path)

    def drawPolygon(self, points, mode) -> None:  # noqa: N802
        if self._nothing_visible:
            return
        polygon = QPolygonF(list(points))
        if mode == QPaintEngine.PolygonDrawMode.PolylineMode:
            self.writer.drawPolyline(polygon)
        elif mode == QPaintEngine.PolygonDrawMode.WindingMode:
            self.writer.drawPolygon(polygon, Qt.FillRule.WindingFill)
        else:
            self.writer.drawPolygon(polygon, Qt.FillRule.OddEvenFill)

    def drawPixmap(self, rect, pixmap, source) -> None:  # noqa: N802
        if not self._nothing_visible:
            self.writer.drawPixmap(rect, pixmap, source)

    def drawTiledPixmap(self, rect, pixmap, offset) -> None:  # noqa: N802
        if not self._nothing_visible:
            self.writer.drawTiledPixmap(rect, pixmap, offset)

    def drawImage(self, rect, image, source,  # noqa: N802
                  flags=Qt.ImageConversionFlag.AutoColor) -> None:
        if not self._nothing_visible:
            self.writer.drawImage(rect, image, source, flags)

    def drawTextItem(self, position, item) -> None:  # noqa: N802
        if not self._nothing_visible:
            self.writer.drawTextItem(position, item)


def _same_clip(a: QPainterPath | None, b: QPainterPath | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b


class _FlatClipDevice(QPaintDevice):
    """A paint device ``size`` pixels large at ``dpi`` whose drawing goes through a
    :class:`_FlatClipEngine` to ``writer``."""

    def __init__(self, writer: QPainter, size: QSize, dpi: int) -> None:
        super().__init__()
        self._engine = _FlatClipEngine(writer)
        self._size = QSize(size)
        self._dpi = dpi

    def paintEngine(self) -> QPaintEngine:  # noqa: N802
        return self._engine

    def metric(self, metric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        millimetres = 25.4 / self._dpi
        values = {
            m.PdmWidth: self._size.width(), m.PdmHeight: self._size.height(),
            m.PdmWidthMM: round(self._size.width() * millimetres),
            m.PdmHeightMM: round(self._size.height() * millimetres),
            m.PdmDpiX: self._dpi, m.PdmDpiY: self._dpi,
            m.PdmPhysicalDpiX: self._dpi, m.PdmPhysicalDpiY: self._dpi,
            m.PdmNumColors: 0x7FFFFFFF, m.PdmDepth: 32,
        }
        if metric in values:
            return values[metric]
        return super().metric(metric)  # the device pixel ratio: 1


def _prune_empty_groups(element: ElementTree.Element) -> None:
    """Qt opens a group at every change of pen or brush, drawn into or not."""
    for child in list(element):
        _prune_empty_groups(child)
        if child.tag == _svg("g") and len(child) == 0 and not (child.text or "").strip():
            element.remove(child)


_URL_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _prefix_ids(fragment: ElementTree.Element, prefix: str) -> None:
    """Make the fragment's ids (clip paths, gradients) unique in the whole document."""
    ids = {element.get("id") for element in fragment.iter() if element.get("id")}
    if not ids:
        return

    def renamed(match: re.Match) -> str:
        name = match.group(1)
        return f"url(#{prefix}{name})" if name in ids else match.group(0)

    for element in fragment.iter():
        for key, value in list(element.attrib.items()):
            if key == "id" and value in ids:
                element.set(key, prefix + value)
            elif "url(#" in value:
                element.set(key, _URL_REFERENCE.sub(renamed, value))
            elif key.endswith("href") and value.startswith("#") and value[1:] in ids:
                element.set(key, "#" + prefix + value[1:])


class _SvgDocument:
    """The picture as one SVG, assembled from one fragment per step.

    Each widget is drawn at the origin of an SVG of its own, then placed with a translation
    inside a clip path of its visible rectangle. Drawn straight into one generator, a widget's
    own clipping (rich-text labels, tab bars, text views) is written by Qt without the offset
    the widget is drawn at, and cuts the wrong part away; at the origin every clip is right,
    and the translation moves drawing and clips alike.
    """

    def __init__(self, layout: _PictureLayout) -> None:
        ElementTree.register_namespace("", SVG_NAMESPACE)
        ElementTree.register_namespace("xlink", XLINK_NAMESPACE)
        self.layout = layout
        width, height = layout.size.width(), layout.size.height()
        millimetres_per_pixel = 25.4 / layout.dpi
        self.root = ElementTree.Element(_svg("svg"), {
            "width": f"{width * millimetres_per_pixel:.3f}mm",
            "height": f"{height * millimetres_per_pixel:.3f}mm",
            "viewBox": f"0 0 {_number(width)} {_number(height)}",
            "version": "1.1",
        })
        ElementTree.SubElement(self.root, _svg("title")).text = layout.title
        ElementTree.SubElement(self.root, _svg("desc")).text = _tr("Drawn by nnlab")
        self.defs = ElementTree.SubElement(self.root, _svg("defs"))
        ElementTree.SubElement(self.root, _svg("rect"), {
            "x": "0", "y": "0", "width": _number(width), "height": _number(height),
            "fill": PICTURE_BACKGROUND.name(), "stroke": "none"})
        self.fragments = 0

    def add(self, step: _Step) -> None:
        local = step.visible.translated(-step.offset)

        def draw(painter: QPainter) -> None:
            if step.is_view:
                _paint_graphics_view(painter, step.widget, QPoint(0, 0), local, 1.0)
            else:
                QWidget.render(step.widget, painter, QPoint(0, 0), QRegion(),
                               QWidget.RenderFlag(0))

        self._place(_svg_fragment(step.widget.size(), self.layout.dpi, draw), step.offset,
                    step.visible)

    def add_texts(self) -> None:
        self._place(_svg_fragment(self.layout.size.toSize(), self.layout.dpi,
                                  self.layout.paint_texts), QPoint(0, 0), None)

    def _place(self, fragment: ElementTree.Element | None, offset: QPoint,
               clip: QRect | None) -> None:
        if fragment is None:
            return
        content = [child for child in fragment
                   if child.tag not in (_svg("title"), _svg("desc"), _svg("defs"))]
        holder = ElementTree.Element(_svg("g"))
        holder.extend(content)
        _prune_empty_groups(holder)
        if len(holder) == 0:
            return
        self.fragments += 1
        prefix = f"w{self.fragments}-"
        found = fragment.find(_svg("defs"))
        definitions = list(found) if found is not None else []
        # Definitions and their users are renamed together, then part ways.
        holder.extend(definitions)
        _prefix_ids(holder, prefix)
        for definition in definitions:
            holder.remove(definition)
            self.defs.append(definition)

        placed = ElementTree.SubElement(self.root, _svg("g"))
        if clip is not None:
            clip_id = f"{prefix}visible"
            clip_path = ElementTree.SubElement(self.defs, _svg("clipPath"), {"id": clip_id})
            ElementTree.SubElement(clip_path, _svg("rect"), {
                "x": str(clip.x()), "y": str(clip.y()),
                "width": str(clip.width()), "height": str(clip.height())})
            placed.set("clip-path", f"url(#{clip_id})")
        if offset != QPoint(0, 0):
            # Its own group: a transform on the clipped group would move the clip as well.
            placed = ElementTree.SubElement(
                placed, _svg("g"), {"transform": f"matrix(1,0,0,1,{offset.x()},{offset.y()})"})
        placed.extend(list(holder))

    def to_bytes(self) -> bytes:
        _bake_cosmetic_strokes(self.root)
        return ElementTree.tostring(self.root, encoding="utf-8", xml_declaration=True)


# -- SVG: cosmetic strokes into ordinary ones --------------------------------------------------

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Absolute path commands whose arguments are all coordinate pairs.
_PAIR_COMMANDS = set("MLCQST")


def _svg_tag(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _parse_matrix(text: str | None) -> tuple[float, ...] | None:
    if not text:
        return _IDENTITY
    match = _MATRIX.match(text)
    if not match:
        return None
    values = tuple(float(v) for v in _NUMBER.findall(match.group(1)))
    return values if len(values) == 6 else None


def _compose(outer: tuple[float, ...], inner: tuple[float, ...]) -> tuple[float, ...]:
    a1, b1, c1, d1, e1, f1 = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def _invert(m: tuple[float, ...]) -> tuple[float, ...] | None:
    a, b, c, d, e, f = m
    determinant = a * d - b * c
    if not math.isfinite(determinant) or abs(determinant) < 1e-300:
        return None
    return (d / determinant, -b / determinant, -c / determinant, a / determinant,
            (c * f - d * e) / determinant, (b * e - a * f) / determinant)


def _is_identity(m: tuple[float, ...]) -> bool:
    return all(abs(x - y) < 1e-12 for x, y in zip(m, _IDENTITY))


def _number(value: float) -> str:
    return repr(round(value, 6) + 0.0)


def _map_pairs(values: list[float], m: tuple[float, ...]) -> list[str]:
    a, b, c, d, e, f = m
    out = []
    for x, y in zip(values[0::2], values[1::2]):
        out.append(f"{_number(a * x + c * y + e)},{_number(b * x + d * y + f)}")
    return out


def _mapped_geometry(element: ElementTree.Element,
                     m: tuple[float, ...]) -> dict[str, str] | None:
    """The element's coordinates mapped by ``m``, as new attribute values (None: cannot)."""
    tag = _svg_tag(element)
    if tag in ("polyline", "polygon"):
        values = [float(v) for v in _NUMBER.findall(element.get("points", ""))]
        if len(values) % 2:
            return None
        return {"points": " ".join(_map_pairs(values, m))}
    if tag == "line":
        values = [float(element.get(k, "0")) for k in ("x1", "y1", "x2", "y2")]
        (p1, p2) = _map_pairs(values, m)
        x1, y1 = p1.split(",")
        x2, y2 = p2.split(",")
        return {"x1": x1, "y1": y1, "x2": x2, "y2": y2}
    if tag == "rect":
        if element.get("rx") or element.get("ry"):
            return None
        x, y = float(element.get("x", "0")), float(element.get("y", "0"))
        w, h = float(element.get("width", "0")), float(element.get("height", "0"))
        corners = _map_pairs([x, y, x + w, y, x + w, y + h, x, y + h], m)
        return {"d": "M" + " L".join(corners) + " Z"}
    if tag == "path":
        tokens = _PATH_TOKEN.findall(element.get("d", ""))
        parts: list[str] = []
        index = 0
        while index < len(tokens):
            command = tokens[index]
            index += 1
            if command in ("Z", "z"):
                parts.append("Z")
                continue
            if command not in _PAIR_COMMANDS:
                return None  # relative or arc commands: not written by Qt, left as they are
            values = []
            while index < len(tokens) and not tokens[index].isalpha():
                values.append(float(tokens[index]))
                index += 1
            if not values or len(values) % 2:
                return None
            parts.append(command + " ".join(_map_pairs(values, m)))
        return {"d": " ".join(parts)}
    return None


def _bake_cosmetic_strokes(root: ElementTree.Element) -> None:
    """Rewrite "non-scaling-stroke" shapes so that any SVG viewer draws them as Qt did.

    Qt writes a cosmetic pen (all of pyqtgraph's lines) as ``vector-effect:
    non-scaling-stroke`` on a shape whose coordinates are data units under a group transform
    such as ``matrix(18.1,0,0,-1.39,...)``. A viewer that ignores vector-effect (several slide
    programs do) then stretches the stroke by that matrix; one that honours it keeps the
    lines at screen pixels however large the figure is shown. Here each such shape gets its
    coordinates mapped into the picture's pixels and a transform cancelling its group's, so its
    stroke width is in the picture's pixels: the same on screen, and it scales with the figure.
    """
    def visit(element: ElementTree.Element, outer: tuple[float, ...] | None) -> None:
        for child in element:
            own = _parse_matrix(child.get("transform"))
            if child.get("vector-effect") == "non-scaling-stroke" and outer is not None \
                    and own is not None:
                _bake(child, outer, own)
            visit(child, None if outer is None or own is None else _compose(outer, own))

    visit(root, _IDENTITY)


def _bake(element: ElementTree.Element, outer: tuple[float, ...],
          own: tuple[float, ...]) -> None:
    """Map ``element``'s coordinates into the picture's pixels and cancel the transform of
    its ancestors (``outer``), so that its stroke width is measured in those pixels."""
    whole = _compose(outer, own)
    if _is_identity(whole):
        del element.attrib["vector-effect"]
        return
    geometry = _mapped_geometry(element, whole)
    cancel_outer = _invert(outer)
    if geometry is None or cancel_outer is None:
        return  # left as Qt wrote it: still right in viewers that honour vector-effect
    if "d" in geometry and _svg_tag(element) == "rect":
        # A rect under a rotation or shear is no longer a rect.
        element.tag = element.tag[: -len("rect")] + "path"
        for key in ("x", "y", "width", "height"):
            element.attrib.pop(key, None)
    element.attrib.update(geometry)
    if _is_identity(outer):
        element.attrib.pop("transform", None)
    else:
        element.set("transform", "matrix(" + ",".join(repr(v) for v in cancel_outer) + ")")
    del element.attrib["vector-effect"]

