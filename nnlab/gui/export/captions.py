"""The text blocks laid out with a figure: a title above it, a caption under it.

A caption is one line, " · " between its parts ("η = 0.15 · epoch 300 of 300"). On a
narrow figure it first shrinks (down to :data:`CAPTION_MIN_FONT_SHARE` of the widget's font
size), then wraps, only between its parts, so that no part is ever cut in two. A title is in
the widget's font, larger and bold, and centred. Sizes are in pixels, so a block is as large
relative to the figure on any device.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

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
#: The blank left and right of a title or caption, as a share of the figure's width.
TEXT_MARGIN_SHARE = 0.02
_TEXT_WIDTH_SHARE = 1 - 2 * TEXT_MARGIN_SHARE


@dataclass(frozen=True)
class TextBlock:
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


def heading_block(font: QFont, dpi: int, title: str | None, width: float) -> TextBlock:
    """The title over a figure ``width`` pixels wide, in ``font`` enlarged and bold; empty
    when there is no title."""
    text = " ".join(title.split()) if title else ""
    if not text:
        return TextBlock()
    sized = _sized(font, _base_pixel_size(font, dpi) * TITLE_FONT_FACTOR, bold=True)
    return TextBlock(text, sized,
                     _text_height(sized, text, width * _TEXT_WIDTH_SHARE, TITLE_LINE_FACTOR))


def caption_block(font: QFont, dpi: int, caption: str | None, width: float) -> TextBlock:
    """The caption in one line, at a smaller size if need be (down to
    :data:`CAPTION_MIN_FONT_SHARE`); beyond that on several lines, broken only between its
    " · "-separated parts."""
    text = " ".join(caption.split()) if caption else ""
    if not text:
        return TextBlock()
    available = width * _TEXT_WIDTH_SHARE
    pixel_size = _base_pixel_size(font, dpi)
    needed = QFontMetricsF(_sized(font, pixel_size)).horizontalAdvance(text)
    if needed > available:
        pixel_size = max(pixel_size * CAPTION_MIN_FONT_SHARE, pixel_size * available / needed)
    sized = _sized(font, pixel_size)
    text = "\n".join(_caption_lines(text, QFontMetricsF(sized), available))
    return TextBlock(text, sized, _text_height(sized, text, available, CAPTION_LINE_FACTOR))


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


def paint_blocks(painter: QPainter, heading: TextBlock, caption: TextBlock, width: float,
                 caption_top: float) -> None:
    """``heading`` centred at the top of a figure ``width`` pixels wide and ``caption`` at
    ``caption_top`` (under the widget), unclipped."""
    margin = width * TEXT_MARGIN_SHARE
    for block, top, alignment in (
            (heading, 0.0, Qt.AlignmentFlag.AlignHCenter),
            (caption, caption_top, Qt.AlignmentFlag.AlignLeft)):
        if not block.text:
            continue
        painter.save()
        painter.setClipping(False)
        painter.setFont(block.font)
        painter.setPen(CAPTION_COLOUR)
        painter.drawText(QRectF(margin, top, width - 2 * margin, block.height),
                         int(alignment | _TEXT_FLAGS), block.text)
        painter.restore()
