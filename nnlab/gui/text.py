"""What the user reads, written once: the translated names of the settings' keys (costs,
activations, optimisers, datasets), the core's messages translated (:func:`translated`),
numbers as people read them, and (from :mod:`nnlab.core.text`) ``fill`` for Qt's ``%1``
placeholders.

Experiment files and the core use keys ("cross_entropy", "leaky_relu", "mini-batch"); every
label, legend, key and title shows the translated name from here, so a name reads the same
everywhere. Numbers in plots, the breakdown, the status bar and the captions of exported
figures all go through :func:`format_number`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from nnlab.core.preset_texts import PRESET_TITLES
from nnlab.core.text import CONTEXT, Message, fill

#: a name of its own, so that pyside6-lupdate finds the texts it translates
translate = QCoreApplication.translate

__all__ = ["MINUS", "activation_label", "cost_label", "dataset_label", "fill", "format_number",
           "optimizer_label", "preset_title", "translated", "translated_preset_description"]

MINUS = "\u2212"
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def cost_label(name: str) -> str:
    """"quadratic", "cross-entropy"; an unknown key as it is."""
    # literal calls, so that pyside6-lupdate finds the texts
    labels = {"quadratic": translate("Names", "quadratic"),
              "cross_entropy": translate("Names", "cross-entropy")}
    return labels.get(name, name)


def activation_label(name: str) -> str:
    """"sigmoid", "tanh", "ReLU", "leaky ReLU", "linear", "softmax"."""
    labels = {"sigmoid": translate("Names", "sigmoid"), "tanh": translate("Names", "tanh"),
              "relu": translate("Names", "ReLU"), "leaky_relu": translate("Names", "leaky ReLU"),
              "linear": translate("Names", "linear"), "softmax": translate("Names", "softmax")}
    return labels.get(name, name)


def dataset_label(name: str) -> str:
    """A built-in dataset's name ("digits (8×8)", "spiral" …); a file's name as it is."""
    labels = {"digits": translate("Names", "digits (8×8)"),
              "three_class": translate("Names", "three-class toy"),
              "xor": translate("Names", "XOR"), "circles": translate("Names", "circles"),
              "gaussians": translate("Names", "gaussians"),
              "spiral": translate("Names", "spiral"),
              "sine": translate("Names", "sine (regression)"),
              "step": translate("Names", "step (regression)")}
    return labels.get(name, name)


def optimizer_label(name: str) -> str:
    """"batch GD", "SGD", "mini-batch"."""
    labels = {"batch": translate("Names", "batch GD"), "sgd": translate("Names", "SGD"),
              "mini-batch": translate("Names", "mini-batch")}
    return labels.get(name, name)


def translated(message) -> str:
    """What the core says, in the interface's language: a :class:`~nnlab.core.text.Message`
    has its template translated (context "core") and filled with its values, each translated
    in turn when it is a message; an exception, its message (the text of one that carries
    no Message); anything else, its text."""
    if isinstance(message, BaseException):
        first = message.args[0] if message.args else None
        return translated(first) if isinstance(first, Message) else str(message)
    if isinstance(message, Message):
        # not `translate`: the template is no literal for pyside6-lupdate to find
        template = QCoreApplication.translate(CONTEXT, message.template)
        return fill(template, *(translated(value) for value in message.values))
    return str(message)


def preset_title(name: str) -> str:
    """A built-in preset's short title, translated; an unknown name as it is."""
    title = PRESET_TITLES.get(name)
    return name if title is None else QCoreApplication.translate("presets", title)


def translated_preset_description(text: str) -> str:
    """A built-in preset's description (see :mod:`nnlab.core.preset_texts`), translated."""
    return QCoreApplication.translate("presets", text)


def format_number(value: float, digits: int = 3) -> str:
    """``value`` for people: ``digits`` significant digits (up to 4 for 1000 … 9999), a true
    minus sign, no trailing zeros, and "1.23 × 10⁻⁵" instead of "1.23e-05"."""
    value = float(value)
    if math.isnan(value):
        return "—"
    if math.isinf(value):
        return ("−" if value < 0 else "") + "∞"
    if value == 0.0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    if -4 <= exponent < 4:
        text = f"{value:.{max(digits - 1 - exponent, 0)}f}"
        text = _drop_exact_zeros(text, value)
        return "0" if text in ("-0", "0") else text.replace("-", MINUS)
    mantissa, _, power = f"{value:.{digits - 1}e}".partition("e")
    mantissa = _drop_exact_zeros(mantissa, value / 10.0 ** int(power))
    power = str(int(power)).translate(_SUPERSCRIPTS)
    return f"{mantissa.replace('-', MINUS)} × 10{power}"


def _drop_exact_zeros(text: str, value: float) -> str:
    """"1.00" → "1" and "2.50" → "2.5" when the value is exactly that; a rounded value keeps
    its zeros ("0.0580" for 0.05803), so every number shows the same precision."""
    if "." not in text:
        return text
    short = text.rstrip("0").rstrip(".")
    return short if math.isclose(float(short), value, rel_tol=1e-12, abs_tol=0.0) else text
