"""The colours the lab's confusion matrices and network diagram share: tints of a colour into
white, the matrices' cell shades, and text that stays readable on them."""

from __future__ import annotations

from PySide6.QtGui import QColor

from nnlab.gui.theme import NEAR_BLACK

#: Correct predictions (the diagonal) are shades of grey and confusions of wine (Paul Tol's
#: muted scheme), so the mistakes stand out without reading a number, for colour-blind
#: viewers as well; neither is a run's colour (blue and vermillion mean runs in the lab).
CORRECT_COLOUR = "#4D4D4D"
CONFUSED_COLOUR = "#882255"
#: A cell with any count at all is at least this strongly tinted: one confusion in 300 must
#: not look like none.
MIN_TINT = 0.12
#: Above this relative luminance a cell gets dark text, below it white text.
LIGHT_CELL_LUMINANCE = 0.4
ZERO_TEXT_COLOUR = "#6E6E6E"  # about 5:1 on white: a zero is readable but does not shout
GRID_COLOUR = "#C8C8C8"


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG) of an sRGB colour."""
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4
    return (0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF())
            + 0.0722 * linear(colour.blueF()))


def tint(base: str, share: float) -> QColor:
    """``share`` of ``base`` mixed into white."""
    colour = QColor(base)
    share = min(max(share, 0.0), 1.0)
    return QColor.fromRgbF(1 - share * (1 - colour.redF()), 1 - share * (1 - colour.greenF()),
                           1 - share * (1 - colour.blueF()))


def cell_colour(count: int, row_total: int, diagonal: bool) -> QColor:
    """The shade of a cell: its share of the row (the samples of its true class)."""
    if count <= 0 or row_total <= 0:
        return QColor("#FFFFFF")
    share = MIN_TINT + (1 - MIN_TINT) * count / row_total
    return tint(CORRECT_COLOUR if diagonal else CONFUSED_COLOUR, share)


def text_colour_on(background: QColor) -> QColor:
    return QColor(NEAR_BLACK) if luminance(background) > LIGHT_CELL_LUMINANCE \
        else QColor("#FFFFFF")
