"""The derivation's model: the step on show and the start whose numbers the formulas use.

A plain object (no Qt): when the language changes, the window makes the page again around
the same model, so the step and the start the user chose stay as they were.
"""

from __future__ import annotations

from nnlab.core.derivation import CLASSIC_STARTS, Start

#: The start the lesson opens at: the saturated one, whose slow learning it explains.
DEFAULT_START = CLASSIC_STARTS[1]


class DerivationModel:
    """``step``: the step on show (0 … 6); ``start``: the start (w, b) and sample (x, y)."""

    def __init__(self, start: Start = DEFAULT_START, step: int = 0):
        self.start = start
        self.step = step

    def reset(self) -> None:
        """The lesson as it opens: the first step, the default start."""
        self.start = DEFAULT_START
        self.step = 0
