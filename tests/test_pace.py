"""The time left at the recent pace (nnlab/core/pace.py), as the lab's status line, its
download dialog and `nnlab data fetch` say it."""

from __future__ import annotations

import pytest

from nnlab.core.pace import Pace


def test_the_time_left_follows_the_recent_pace():
    pace = Pace(window_seconds=10.0, settle_seconds=1.0)
    total = 10_000
    pace.add(0.0, 0)
    assert pace.seconds_left(total) is None
    pace.add(0.5, 50)
    assert pace.seconds_left(total) is None  # watched for less than a second: too early
    # 100 a second for 10 s, then 10 a second: the estimate takes the new pace
    for second in range(1, 11):
        pace.add(float(second), 100 * second)
    assert pace.seconds_left(total) == pytest.approx((total - 1000) / 100)
    for second in range(11, 22):
        pace.add(float(second), 1000 + 10 * (second - 10))
    assert pace.seconds_left(total) == pytest.approx((total - 1110) / 10, rel=0.15)


def test_the_pace_starts_over_when_the_amount_goes_back():
    """The next mirror starts the file again; a reset run starts at epoch 0."""
    pace = Pace(window_seconds=3.0)
    pace.add(0.0, 0)
    pace.add(1.0, 500)
    assert pace.seconds_left(1000) == pytest.approx(1.0)
    pace.add(2.0, 0)
    assert pace.seconds_left(1000) is None  # one point: no pace yet
    pace.add(3.0, 100)
    assert pace.seconds_left(1000) == pytest.approx(9.0)


def test_the_window_keeps_only_the_last_seconds_and_no_progress_says_nothing():
    pace = Pace(window_seconds=3.0)
    for second in range(10):  # 10 a second, then nothing for a while
        pace.add(float(second), 10 * second)
    assert pace.seconds_left(190) == pytest.approx(10.0)
    for second in range(10, 20):
        pace.add(float(second), 90)
    assert pace.seconds_left(190) is None  # no progress in the window
