"""What the user reads for the keys of the settings: costs, activations, optimisers.

Experiment files and the core use keys ("cross_entropy", "leaky_relu", "mini-batch"); every
label, legend, key and title shows the translated name from here, so a name reads the same
everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Names", text)


def cost_label(name: str) -> str:
    """"quadratic", "cross-entropy"; an unknown key as it is."""
    # literal calls, so that pyside6-lupdate finds the texts
    labels = {"quadratic": _tr("quadratic"), "cross_entropy": _tr("cross-entropy")}
    return labels.get(name, name)


def activation_label(name: str) -> str:
    """"sigmoid", "tanh", "ReLU", "leaky ReLU", "linear", "softmax"."""
    labels = {"sigmoid": _tr("sigmoid"), "tanh": _tr("tanh"), "relu": _tr("ReLU"),
              "leaky_relu": _tr("leaky ReLU"), "linear": _tr("linear"),
              "softmax": _tr("softmax")}
    return labels.get(name, name)


def optimizer_label(name: str) -> str:
    """"batch GD", "SGD", "mini-batch"."""
    labels = {"batch": _tr("batch GD"), "sgd": _tr("SGD"), "mini-batch": _tr("mini-batch")}
    return labels.get(name, name)
