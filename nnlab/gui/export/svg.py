"""SVG that renders the same in other programs as in Qt: the picture assembled from one
fragment per widget, with Qt's SVG output fixed where other viewers read it differently.

- Written by QSvgGenerator in SVG 1.1: Qt's default SVG Tiny 1.2 drops all clipping, and
  curves leaving a plot's range would cover its axes.
- One fragment per widget, drawn at the origin and then placed (see :class:`SvgDocument`):
  Qt misplaces a widget's own clipping when it draws the widget at an offset.
- The generator is drawn into through :class:`_FlatClipEngine`, which hands it every clip as
  one plain path: on its own it keeps a nested clip after it has ended, and viewers other
  than Qt (librsvg, CairoSVG, slide programs) then show plots without curves, axes or grid.
- pyqtgraph's cosmetic lines (widths in screen pixels, written as "non-scaling-stroke") are
  rewritten into ordinary strokes in the picture's pixel units, see
  :func:`_bake_cosmetic_strokes`.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree
from typing import Callable

from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPaintDevice,
    QPaintEngine,
    QPolygonF,
)
from PySide6.QtSvg import QSvgGenerator

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"

#: What paints a fragment: called with a painter whose origin is the fragment's.
Draw = Callable[[QPainter], None]


# -- one fragment per widget ------------------------------------------------------------------

def _svg(tag: str) -> str:
    return f"{{{SVG_NAMESPACE}}}{tag}"


def _svg_fragment(size: QSize, dpi: int, draw: Draw) -> ElementTree.Element | None:
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


class SvgDocument:
    """The picture as one SVG, ``size`` pixels large at ``dpi``, assembled from one fragment
    per widget (see :meth:`add`) on a ``background`` rectangle.

    Each widget is drawn at the origin of an SVG of its own, then placed with a translation
    inside a clip path of its visible rectangle. Drawn straight into one generator, a widget's
    own clipping (rich-text labels, tab bars, text views) is written by Qt without the offset
    the widget is drawn at, and cuts the wrong part away; at the origin every clip is right,
    and the translation moves drawing and clips alike.
    """

    def __init__(self, size: QSizeF, dpi: int, *, title: str, description: str,
                 background: QColor) -> None:
        ElementTree.register_namespace("", SVG_NAMESPACE)
        ElementTree.register_namespace("xlink", XLINK_NAMESPACE)
        self.dpi = dpi
        width, height = size.width(), size.height()
        millimetres_per_pixel = 25.4 / dpi
        self.root = ElementTree.Element(_svg("svg"), {
            "width": f"{width * millimetres_per_pixel:.3f}mm",
            "height": f"{height * millimetres_per_pixel:.3f}mm",
            "viewBox": f"0 0 {_number(width)} {_number(height)}",
            "version": "1.1",
        })
        ElementTree.SubElement(self.root, _svg("title")).text = title
        ElementTree.SubElement(self.root, _svg("desc")).text = description
        self.defs = ElementTree.SubElement(self.root, _svg("defs"))
        ElementTree.SubElement(self.root, _svg("rect"), {
            "x": "0", "y": "0", "width": _number(width), "height": _number(height),
            "fill": background.name(), "stroke": "none"})
        self.fragments = 0

    def add(self, size: QSize, draw: Draw, offset: QPoint | None = None,
            clip: QRect | None = None) -> None:
        """What ``draw(painter)`` paints at the origin of an area ``size`` pixels large,
        placed at ``offset`` in the picture (None: the origin) and cut to ``clip`` there
        (None: not cut). Nothing is added when nothing was drawn."""
        fragment = _svg_fragment(size, self.dpi, draw)
        self._place(fragment, QPoint(0, 0) if offset is None else offset, clip)

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


# -- cosmetic strokes into ordinary ones -------------------------------------------------------

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

