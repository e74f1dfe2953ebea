"""Parameter snapshots for the timeline: bounded memory, even thinning, the first and newest
kept, at_or_before, and the training loop's copies that feed them."""

from __future__ import annotations

import numpy as np
import pytest

from nnlab.core.presets import load_preset
from nnlab.core.runner import build_runs
from nnlab.core.snapshots import DEFAULT_MAX_BYTES, ParameterSnapshots
from nnlab.core.training import EpochRecord


def test_ten_thousand_large_snapshots_stay_within_the_budget():
    n = 100_000  # 800 KB a snapshot
    budget = 8 * 2**20
    snapshots = ParameterSnapshots(max_bytes=budget)
    vector = np.zeros(n)
    peak = 0
    for epoch in range(10_000):
        vector[0] = epoch  # each snapshot tells which epoch it is
        snapshots.add(epoch, vector)
        peak = max(peak, snapshots.nbytes)
    assert peak <= budget
    assert len(snapshots) <= budget // vector.nbytes
    epochs = snapshots.epochs
    assert epochs[0] == 0 and epochs[-1] == 9999
    # evenly spaced apart from the newest
    assert len(set(np.diff(epochs[:-1]))) == 1 and len(epochs) >= 5
    for epoch in epochs:
        kept_epoch, parameters = snapshots.at_or_before(epoch)
        assert kept_epoch == epoch and parameters[0] == epoch
    assert snapshots.latest[0] == 9999 and snapshots.latest[1][0] == 9999


def test_at_or_before_gives_the_latest_kept_snapshot_not_after_the_epoch():
    snapshots = ParameterSnapshots()
    assert len(snapshots) == 0 and snapshots.latest is None
    assert snapshots.at_or_before(5) is None
    for epoch in (0, 3, 7, 20):
        snapshots.add(epoch, np.full(4, float(epoch)))
    assert len(snapshots) == 4
    np.testing.assert_array_equal(snapshots.epochs, [0, 3, 7, 20])
    for asked, expected in [(0, 0), (2, 0), (3, 3), (6, 3), (7, 7), (19, 7), (20, 20), (10**9, 20)]:
        epoch, parameters = snapshots.at_or_before(asked)
        assert epoch == expected
        np.testing.assert_array_equal(parameters, np.full(4, float(expected)))
    assert snapshots.at_or_before(-1) is None


def test_a_run_that_starts_later_has_nothing_before_its_first_snapshot():
    snapshots = ParameterSnapshots()
    snapshots.add(10, np.ones(3))
    assert snapshots.at_or_before(9) is None
    assert snapshots.at_or_before(10)[0] == 10


def test_epoch_zero_and_the_newest_survive_any_budget():
    one_snapshot = 8 * 10
    snapshots = ParameterSnapshots(max_bytes=one_snapshot)  # not even room for two
    for epoch in range(1000):
        snapshots.add(epoch, np.full(10, float(epoch)))
        epochs = snapshots.epochs
        assert epochs[0] == 0 and epochs[-1] == epoch
        assert len(snapshots) <= 2
    assert snapshots.at_or_before(500)[0] == 0


def test_thinning_keeps_every_second_snapshot_like_the_history():
    n = 10
    snapshots = ParameterSnapshots(max_bytes=5 * 8 * n)  # 4 kept plus the newest
    for epoch in range(9):
        snapshots.add(epoch, np.full(n, float(epoch)))
    # 0..3 kept, 4 arrives: thinned to 0, 2, stride 2; then 4 and 6 kept, 8 thins to 0, 4, 8
    np.testing.assert_array_equal(snapshots.epochs, [0, 4, 8])
    snapshots.add(9, np.full(n, 9.0))
    np.testing.assert_array_equal(snapshots.epochs, [0, 4, 8, 9])
    assert snapshots.stride == 4 and snapshots.added == 10


def test_snapshots_are_read_only_copies():
    snapshots = ParameterSnapshots()
    source = np.arange(5.0)
    snapshots.add(0, source)
    source[:] = -1  # the caller reuses its buffer
    _, kept = snapshots.at_or_before(0)
    np.testing.assert_array_equal(kept, np.arange(5.0))
    with pytest.raises(ValueError):
        kept[0] = 3.0


def test_epochs_must_increase_and_sizes_must_match():
    snapshots = ParameterSnapshots()
    snapshots.add(3, np.zeros(4))
    with pytest.raises(ValueError, match="epochs must increase"):
        snapshots.add(3, np.zeros(4))
    with pytest.raises(ValueError, match="shape"):
        snapshots.add(4, np.zeros(5))
    with pytest.raises(ValueError, match="max_bytes"):
        ParameterSnapshots(max_bytes=0)
    assert ParameterSnapshots().max_bytes == DEFAULT_MAX_BYTES == 64 * 2**20


def test_the_training_loop_hands_out_the_parameters_of_each_epoch():
    run = build_runs(load_preset("xor-2-8-2"))[1]
    started = run.start(keep_parameters=True)
    snapshots = ParameterSnapshots()
    records = []
    for record in started.records:
        records.append(record)
        snapshots.add(record.epoch, record.parameters)
        if record.epoch == 3:
            # the copy of the epoch just finished is the network's current state
            np.testing.assert_array_equal(record.parameters, started.network.parameters)
            break
    np.testing.assert_array_equal(records[0].parameters, run.initial_network.parameters)
    assert not records[0].parameters.flags.writeable
    assert not np.array_equal(records[0].parameters, records[3].parameters)
    assert records[1].parameters is not records[2].parameters
    np.testing.assert_array_equal(snapshots.at_or_before(2)[1], records[2].parameters)
    # not kept unless asked for, and never part of a record's equality
    plain = [r for _, r in zip(range(4), run.start().records)]
    assert all(r.parameters is None for r in plain)
    assert plain == records
    assert "parameters" not in repr(records[0]) and EpochRecord.__dataclass_fields__[
        "parameters"].compare is False
