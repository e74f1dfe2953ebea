"""Figures for slides and handouts: any widget (one plot, or the whole window) to PNG, SVG or PDF.

How a widget is drawn into a file:

- A pyqtgraph view (any QGraphicsView) is drawn from its scene, with pyqtgraph's export mode
  switched on, so curves, axes and text stay vectors and scatter symbols are drawn as shapes.
  ``QWidget.render`` on a view would paint the view's cached background as a bitmap and the
  symbols from their pixmap cache.
- Any other widget is drawn with ``QWidget.render`` without its children, then each visible
  child the same way at its place (see :func:`_steps`), so a composite (the whole dashboard,
  a view holding several plots) keeps every plot vector in SVG and PDF.
- SVG: each widget is drawn into a fragment of its own, made to render in other programs as
  in Qt (see :mod:`nnlab.gui.export.svg`).
- PNG is drawn at the requested width through the image's device pixel ratio, with cosmetic
  pens widened by the same ratio: Qt keeps cosmetic pens at their pixel width on any device,
  so without that the lines of a 2× image would be half as thick relative to the picture.
- PDF is one page the size of the picture (1 px = 1/dpi inch at the screen's logical dpi,
  96 on most desktops: 0.75 pt), with one device unit per pixel: Qt's PDF engine strokes
  cosmetic pens in device units, so at 300 dpi every pyqtgraph line would come out 3× too thin
  next to the text. Vector parts do not depend on the resolution; images (heatmaps) are
  embedded at their own resolution.

A figure may have a title above it and a caption under it (wrapped only between its
" · "-separated parts, see :mod:`nnlab.gui.export.captions`), and may be laid out for a slide:
the widget is resized for the export so that the whole picture has the slide's shape (16:9),
then given its size back.

Files are written atomically: rendered in memory, written to a temporary file in the target
folder, then renamed over the target. A failure leaves no partial file behind.
"""

from __future__ import annotations

import os
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
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRegion,
)
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
from nnlab.gui.export.captions import caption_block, heading_block, paint_blocks
from nnlab.gui.export.svg import SvgDocument
from nnlab.gui.text import fill, translated

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

EXPORT_FORMATS = ("png", "svg", "pdf")

#: PNG width when none is asked for, as a multiple of the widget's width on screen.
DEFAULT_PNG_SCALE = 2
#: Widest PNG drawn (pixels), so a typo in the width does not exhaust the memory.
MAX_PNG_WIDTH = 20000

PICTURE_BACKGROUND = QColor("#FFFFFF")

#: A slide's shape (width : height), for figures laid out to fill one.
SLIDE_ASPECT = 16 / 9
#: Narrowest a figure laid out for a slide is drawn (pixels of the widget): its default PNG,
#: DEFAULT_PNG_SCALE times as wide, is at least 1920 px wide, a full-HD slide.
FIGURE_MIN_WIDTH = 960




class ExportError(Exception):
    """A figure could not be written; the message is one line naming the path and the reason."""


def _error(path: Path | str, reason: str) -> ExportError:
    message = fill(translate("export", "Cannot export to “%1”: %2"), path, reason)
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
        raise _error(target, translate("export", "the picture is empty (the widget has no size)"))
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
        raise _error(target, translate("export", "nothing was drawn"))
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
        raise MemoryError(fill(translate("export", "not enough memory for an image of %1 × %2 px"),
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
        raise _WidthError(fill(translate("export", "width %1 px: must be between 1 and %2"),
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
    texts = (heading_block(widget.font(), dpi, title, width).height
             + caption_block(widget.font(), dpi, caption, width).height)
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
        reason = fill(translate("export", "no format given and the file name has no suffix "
                                          "(use one of %1)"),
                       ", ".join(EXPORT_FORMATS))
    else:
        reason = fill(translate("export", "unknown format “%1” (use one of %2)"), given,
                       ", ".join(EXPORT_FORMATS))
    raise _error(path, reason)


def _check_writable(path: Path) -> None:
    """Refuse early, with a reason a user can act on, what the write would fail on anyway."""
    if path.is_dir():
        raise _error(path, translate("export", "it is a folder"))
    folder = path.parent
    if not folder.is_dir():
        existing = folder
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if existing.exists() and not existing.is_dir():
            raise _error(path, fill(translate("export", "“%1” is a file, not a folder"),
                                    existing))
        raise _error(path, fill(translate("export", "the folder “%1” does not exist"), folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _error(path, fill(translate("export", "no permission to write in the folder “%1”"),
                                folder))


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        write_file(path, data)
    except OSError as error:
        raise _error(path, translated(error.strerror or error)) from error


# -- formats ---------------------------------------------------------------------------------

def _png_bytes(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        return b""
    return bytes(buffer.data())


def _svg_bytes(widget: QWidget, caption: str | None, title: str | None = None) -> bytes:
    layout = _PictureLayout(widget, caption, title)
    document = SvgDocument(layout.size, layout.dpi, title=layout.title,
                           description=translate("export", "Drawn by nnlab"),
                           background=PICTURE_BACKGROUND)
    for step in layout.steps:
        document.add(step.widget.size(), _at_origin(step), step.offset, step.visible)
    if layout.heading.text or layout.caption.text:

        def texts(painter: QPainter) -> None:
            _set_render_hints(painter)
            layout.paint_texts(painter)

        document.add(layout.size.toSize(), texts)
    return document.to_bytes()


def _at_origin(step: _Step):
    """What draws ``step``'s widget at the origin, for an SVG fragment of its own (see
    :class:`~nnlab.gui.export.svg.SvgDocument`)."""
    local = step.visible.translated(-step.offset)

    def draw(painter: QPainter) -> None:
        _set_render_hints(painter)
        if step.is_view:
            _paint_graphics_view(painter, step.widget, QPoint(0, 0), local, 1.0)
        else:
            QWidget.render(step.widget, painter, QPoint(0, 0), QRegion(),
                           QWidget.RenderFlag(0))

    return draw


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
        self.heading = heading_block(widget.font(), self.dpi, title, width)
        self.caption = caption_block(widget.font(), self.dpi, caption, width)
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
        paint_blocks(painter, self.heading, self.caption, self.widget_size.width(),
                     self.widget_top + self.widget_size.height())


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
