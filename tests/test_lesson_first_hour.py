"""The lesson window's opening moment, as the lecturer sees it before pressing Run: epoch 0
is a state like any other, every view shows it."""

from __future__ import annotations

import math

from nnlab.gui.shell.course_window import CourseWindow
from nnlab.gui.text import format_number

from qt_helpers import show


def slope_by_finite_differences(z: float, h: float = 1e-6) -> float:
    def sigma(t):
        return 1.0 / (1.0 + math.exp(-t))
    return (sigma(z + h) - sigma(z - h)) / (2 * h)


def test_before_run_the_sigmoid_and_breakdown_show_the_start(qtbot):
    window = show(qtbot, CourseWindow("neuron", projector=False), 1366, 740)  # preset w = b = 2
    window.page.redraw()
    assert window.page.session.state == "idle"
    slope = slope_by_finite_differences(2.0 * 1.0 + 2.0)
    assert format_number(slope) == "0.0177"  # the opening slide's number
    sigmoid = window.page.views["sigmoid"]
    for cost in ("quadratic", "cross_entropy"):
        tangent = sigmoid.tangent(cost)
        assert tangent.isVisible()
        assert sigmoid.slope_label(cost).toPlainText().endswith(format_number(slope))
    rows = window.page.views["breakdown"].table_text()
    assert "—" not in " ".join(" ".join(row) for row in rows)
    assert "0.0177" in " ".join(" ".join(row) for row in rows)
    status = window.statusBar().currentMessage()
    assert status.startswith("Epoch 0 of 300") and "a = 0.982" in status
    window.close()
