"""The lesson's model and its frames.

:class:`ActivationsModel` is what the user chose (a plain object, no Qt): the step on show,
the marked z, which functions are shown, and the times measured on this machine. It outlives
the page when the language changes. The page hands every view an
:class:`ActivationsFrame`, an immutable snapshot with everything computed by
:mod:`nnlab.core.activation_curves`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnlab.core.activation_curves import (
    ACTIVATION_NAMES, SATURATION_THRESHOLD, Z_RANGE, ActivationCurve, activation_curves,
    depth_bound, operating_point,
)
from nnlab.core.activation_timing import ActivationTiming

STEP_COUNT = 5
CURVES, SLOPES, DEPTH, LINEARITY, COST = range(STEP_COUNT)

#: The z marked as the lesson opens: left of 0, where the five functions all differ (the
#: sigmoid's slope 0.105, tanh's 0.071, ReLU's 0, leaky ReLU's 0.01, linear's 1).
DEFAULT_Z = -2.0
#: The depths n of the (max σ′)ⁿ plot.
DEPTHS = np.arange(1, 21)
#: The depth marked on it: the hidden layers of the preset deep-sigmoid-vs-relu.
MARKED_DEPTH = 6
#: XOR's four corners (x₁, x₂, class), and the straight cut x₁ + x₂ = XOR_CUT that a net
#: without a non-linearity might make: it puts (1, 1) on the wrong side, as every straight
#: cut puts at least one corner.
XOR_CORNERS = ((0.0, 0.0, 0), (1.0, 1.0, 0), (0.0, 1.0, 1), (1.0, 0.0, 1))
XOR_CUT = 0.5

#: The presets the lesson opens in the lab.
DEEP_PRESET = "deep-sigmoid-vs-relu"
XOR_PRESET = "xor-linear-vs-tanh"
DEEP_XOR_PRESET = "xor-deep-linear-vs-tanh"


class ActivationsModel:
    """``step``: the step on show; ``z``: the marked z; ``shown``: the functions drawn (in
    :data:`ACTIVATION_NAMES` order); ``timings``: the measured times (None: not yet)."""

    def __init__(self) -> None:
        self.timings: tuple[ActivationTiming, ...] | None = None
        self.reset()

    def reset(self) -> None:
        """The lesson as it opens (times measured stay: they are the machine's, not a
        choice)."""
        self.step = 0
        self.z = DEFAULT_Z
        self.shown = ACTIVATION_NAMES

    def set_z(self, z: float) -> None:
        low, high = Z_RANGE
        self.z = min(high, max(low, float(z)))

    def set_shown(self, name: str, on: bool) -> None:
        if name not in ACTIVATION_NAMES:
            raise ValueError(f"unknown activation {name!r}")
        wanted = set(self.shown) | {name} if on else set(self.shown) - {name}
        self.shown = tuple(n for n in ACTIVATION_NAMES if n in wanted)


@dataclass(frozen=True)
class ActivationsFrame:
    """What every view draws: the step, the marked ``z``, the ``shown`` functions, every
    function's ``curves`` and its ``points`` (σ(z), σ′(z)) at z, the depth bounds and the
    measured ``timings`` (None: not yet)."""

    step: int
    z: float
    shown: tuple[str, ...]
    curves: dict[str, ActivationCurve]
    points: dict[str, tuple[float, float]]
    depths: np.ndarray
    bounds: dict[str, np.ndarray]
    timings: tuple[ActivationTiming, ...] | None
    threshold: float = SATURATION_THRESHOLD


_CURVES: dict[str, ActivationCurve] | None = None


def _curves() -> dict[str, ActivationCurve]:
    """The curves do not depend on anything the user chooses: computed once."""
    global _CURVES
    if _CURVES is None:
        _CURVES = activation_curves()
    return _CURVES


def activations_frame(model: ActivationsModel) -> ActivationsFrame:
    curves = _curves()
    return ActivationsFrame(
        step=model.step, z=model.z, shown=tuple(model.shown), curves=curves,
        points={name: operating_point(name, model.z) for name in ACTIVATION_NAMES},
        depths=DEPTHS,
        bounds={name: depth_bound(curve.max_derivative, DEPTHS)
                for name, curve in curves.items()},
        timings=model.timings,
    )
