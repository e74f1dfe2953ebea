"""How the lesson draws each activation: one colour of the Okabe–Ito palette each (as every
figure of the course uses), and a line style as well, so that ReLU, leaky ReLU and linear,
which coincide for z > 0, and a black-and-white handout, still tell them apart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nnlab.gui.theme import OkabeIto, Theme
from nnlab.gui.views.base import plain_pen

ACTIVATION_COLOURS = {
    "sigmoid": OkabeIto.VERMILLION,
    "tanh": OkabeIto.BLUE,
    "relu": OkabeIto.BLUISH_GREEN,
    "leaky_relu": OkabeIto.REDDISH_PURPLE,
    "linear": OkabeIto.ORANGE,
}

ACTIVATION_LINE_STYLES = {
    "sigmoid": Qt.PenStyle.SolidLine,
    "tanh": Qt.PenStyle.SolidLine,
    "relu": Qt.PenStyle.SolidLine,
    "leaky_relu": Qt.PenStyle.DashLine,
    "linear": Qt.PenStyle.DotLine,
}

#: Marker symbols, in the same order: a point's function without its colour.
ACTIVATION_SYMBOLS = {"sigmoid": "o", "tanh": "s", "relu": "t", "leaky_relu": "d",
                      "linear": "star"}


def activation_colour(name: str) -> QColor:
    return QColor(ACTIVATION_COLOURS[name])


def activation_pen(theme: Theme, name: str, width_scale: float = 1.0,
                   style: Qt.PenStyle | None = None):
    return plain_pen(activation_colour(name), theme.line_width * width_scale,
                     ACTIVATION_LINE_STYLES[name] if style is None else style)
