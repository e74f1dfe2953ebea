"""Typeset formulas: LaTeX maths drawn as vectors, crisp at any size and in every export.

``ziamath`` (pure Python) lays the maths out with its own maths font and writes SVG, which
``QSvgRenderer`` draws: on screen, in a PNG at any width, and as paths in an exported SVG or
PDF. ziamath writes SVG 2 ``<symbol>`` glyphs unless told not to; QtSvg reads only SVG 1.1
and Tiny, so :data:`ziamath.config.svg2` is switched off once, here. Laying a formula out
takes 10–40 ms, so each one is laid out once (at a reference size, in one colour) and scaled
when drawn.

Formulas hold maths only: the maths font has no Chinese glyphs, so the words around a
formula stay in Qt's labels, which the interface translates.
"""

from __future__ import annotations

from functools import lru_cache

import ziamath
from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

ziamath.config.svg2 = False

REFERENCE_SIZE = 20.0
"""The font size (pixels) a formula is laid out at; it is drawn scaled from there."""

#: how many laid-out formulas are kept (a lesson shows a few dozen)
CACHE_SIZE = 512


class FormulaError(ValueError):
    """A formula that ziamath cannot lay out (a mistake in the LaTeX)."""


@lru_cache(maxsize=CACHE_SIZE)
def formula_svg(latex: str, color: str = "#000000") -> bytes:
    """The SVG of ``latex`` (maths mode) in ``color``, at :data:`REFERENCE_SIZE`."""
    try:
        return ziamath.Latex(latex, size=REFERENCE_SIZE, color=color).svg().encode("utf-8")
    except Exception as error:  # ziamath raises what its parser meets: KeyError, ValueError …
        raise FormulaError(f"cannot typeset {latex!r}: {error}") from error


@lru_cache(maxsize=CACHE_SIZE)
def _renderer(latex: str, color: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(formula_svg(latex, color)))


class Formula(QWidget):
    """One typeset formula, drawn ``scale`` times the font size of the theme (set with
    :meth:`apply_theme`), shrunk to fit when its place is narrower, never stretched.
    ``alignment``: where it sits in a wider place (left or centred)."""

    def __init__(self, latex: str = "", scale: float = 1.2,
                 alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, parent=None):
        super().__init__(parent)
        self._latex = latex
        self._scale = scale
        self._alignment = alignment
        self._color = QColor("#111111")
        self._font_pixels = 16.0 * scale
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    @property
    def latex(self) -> str:
        return self._latex

    def set_latex(self, latex: str) -> None:
        if latex != self._latex:
            self._latex = latex
            self.updateGeometry()
            self.update()

    def apply_theme(self, theme) -> None:
        self._color = QColor(theme.foreground)
        # the theme's point size in pixels, as Qt's text is drawn (96 dpi: 4/3 px a point)
        self._font_pixels = theme.font_point_size * self.logicalDpiY() / 72.0 * self._scale
        self.updateGeometry()
        self.update()

    def _natural_size(self) -> tuple[float, float]:
        if not self._latex:
            return 0.0, 0.0
        size = self._renderer().viewBoxF().size()
        factor = self._font_pixels / REFERENCE_SIZE
        return size.width() * factor, size.height() * factor

    def _renderer(self) -> QSvgRenderer:
        return _renderer(self._latex, self._color.name())

    def sizeHint(self) -> QSize:
        width, height = self._natural_size()
        return QSize(int(width) + 4, int(height) + 4)

    def minimumSizeHint(self) -> QSize:
        width, height = self._natural_size()
        return QSize(min(int(width) + 4, 80), int(height) + 4)

    def paintEvent(self, event) -> None:
        if not self._latex:
            return
        width, height = self._natural_size()
        factor = min(1.0, (self.width() - 4) / width) if width > 0 else 1.0
        width, height = width * factor, height * factor
        if self._alignment & Qt.AlignmentFlag.AlignHCenter:
            left = (self.width() - width) / 2
        else:
            left = 2.0
        top = (self.height() - height) / 2
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer().render(painter, QRectF(left, top, width, height))
        painter.end()
