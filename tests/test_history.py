"""Bounded run histories."""

import numpy as np
import pytest

from nnlab.core.history import History, RunHistory
from nnlab.core.states import DIVERGED, RUNNING


def test_short_history_keeps_every_row():
    h = History(("epoch", "value"), max_rows=10)
    for i in range(7):
        h.append((i, i * i))
    cols = h.columns()
    np.testing.assert_array_equal(cols["epoch"], np.arange(7))
    np.testing.assert_array_equal(cols["value"], np.arange(7) ** 2)
    assert h.last() == {"epoch": 6.0, "value": 36.0}


def test_long_history_stays_bounded_evenly_spaced_and_keeps_the_newest_row():
    h = History(("epoch",), max_rows=64)
    for i in range(100_001):
        h.append((i,))
    epochs = h.columns()["epoch"]
    assert len(epochs) <= 65
    assert epochs[0] == 0 and epochs[-1] == 100_000
    spacing = np.diff(epochs[:-1])
    assert np.all(spacing == spacing[0])  # kept rows are 0, s, 2s, …
    assert h._data.shape[0] <= 64


def test_extend_equals_appending_one_by_one():
    rows = np.column_stack([np.arange(300), np.arange(300) * 0.5])
    a, b = History(("e", "v"), max_rows=100), History(("e", "v"), max_rows=100)
    a.extend(rows)
    for row in rows:
        b.append(row)
    for name in ("e", "v"):
        np.testing.assert_array_equal(a.columns()[name], b.columns()[name])
    small_a, small_b = History(("e",)), History(("e",))
    small_a.extend(rows[:5, :1])
    for row in rows[:5, :1]:
        small_b.append(row)
    np.testing.assert_array_equal(small_a.array(), small_b.array())


def test_too_small_history_is_refused():
    with pytest.raises(ValueError):
        History(("x",), max_rows=1)


def test_view_shares_memory_is_read_only_and_equals_columns():
    h = History(("epoch", "value"), max_rows=8)
    for i in range(5):
        h.append((i, 2 * i))
    view = h.view()
    np.testing.assert_array_equal(view["value"], h.columns()["value"])
    assert not view["value"].flags.writeable
    assert np.shares_memory(view["epoch"], h._data)
    for i in range(5, 20):  # decimated: the newest row is extra, so view() copies
        h.append((i, 2 * i))
    np.testing.assert_array_equal(h.view()["epoch"], h.columns()["epoch"])
    assert h.view()["epoch"][-1] == 19


def test_extend_in_batches_equals_appending_for_long_decimated_runs():
    rng = np.random.default_rng(0)
    rows = np.column_stack([np.arange(5000.0), rng.normal(size=5000)])
    for max_rows in (2, 7, 64, 1000, 6000):
        batched, single = History(("e", "v"), max_rows), History(("e", "v"), max_rows)
        cuts = np.sort(rng.choice(np.arange(1, 5000), size=40, replace=False))
        for part in np.split(rows, cuts):
            batched.extend(part)
        for row in rows:
            single.append(row)
        np.testing.assert_array_equal(batched.array(), single.array())
        assert batched.stride == single.stride and batched.appended == single.appended == 5000


def test_run_history_keeps_the_newest_status_with_its_rows():
    h = RunHistory(("epoch", "cost"), max_rows=8)
    assert (h.status, h.message) == (RUNNING, "")
    h.extend_rows(np.array([[0, 1.0], [1, 0.5]]), RUNNING)
    h.extend_rows(np.array([[2, np.inf]]), DIVERGED, "diverged at epoch 2")
    np.testing.assert_array_equal(h.columns()["epoch"], [0, 1, 2])
    assert (h.status, h.message) == (DIVERGED, "diverged at epoch 2")
