"""A run's parameters at past epochs, in bounded memory, for a timeline that scrubs back.

The lab's timeline shows the network as it was at any epoch (its decision regions, its
weights). Keeping the parameters of every epoch is not an option: a 64-30-10 network has
2,260 of them, 18 KB a copy, so 10⁶ epochs would take 18 GB. :class:`ParameterSnapshots`
keeps at most ``max_bytes`` of them, thinned the way :mod:`.history` thins rows: while there
is room every added snapshot is kept; when the store is full, every second kept snapshot is
dropped and from then on only every ``stride``-th added one is stored, with ``stride``
doubling at each such thinning. The kept snapshots therefore stay evenly spaced over the
whole run (adds 0, s, 2s, …), the first one (epoch 0) is never dropped, and the newest is
kept beside them, so a timeline can always show the start and the present.

Scrubbing to an epoch that was thinned away shows the nearest kept snapshot before it
(:meth:`ParameterSnapshots.at_or_before`): the view never shows parameters the run had not
reached yet. Snapshots are stored read-only, so the arrays handed out can be shared with any
view without copying.
"""

from __future__ import annotations

import bisect

import numpy as np

DEFAULT_MAX_BYTES = 64 * 2**20


class ParameterSnapshots:
    """(epoch, parameters) pairs of one run, in at most ``max_bytes`` (see the module
    docstring). The first and the newest snapshot are kept whatever the budget, so a budget
    smaller than three snapshots still holds those two."""

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES):
        if max_bytes <= 0:
            raise ValueError(f"max_bytes {max_bytes!r} must be > 0")
        self.max_bytes = int(max_bytes)
        self.stride = 1
        self.added = 0  # snapshots ever added, kept or not
        self._capacity: int | None = None  # kept snapshots besides the newest; set by the first add
        self._epochs: list[int] = []
        self._kept: list[np.ndarray] = []
        self._latest: tuple[int, np.ndarray] | None = None
        self._latest_index = -1

    def add(self, epoch: int, parameters) -> None:
        """Add the parameters after ``epoch``; epochs must increase from one add to the next
        and every snapshot must have the size of the first."""
        epoch = int(epoch)
        if self._latest is not None and epoch <= self._latest[0]:
            raise ValueError(f"epoch {epoch} added after epoch {self._latest[0]}: "
                             "epochs must increase")
        parameters = np.asarray(parameters)
        if self._capacity is None:
            # the newest snapshot is held beside the kept ones: leave room for it
            self._capacity = max(1, self.max_bytes // max(parameters.nbytes, 1) - 1)
        elif parameters.shape != self._kept[0].shape:
            raise ValueError(f"parameters of shape {parameters.shape} added to snapshots of "
                             f"shape {self._kept[0].shape}")
        index = self.added
        self.added += 1
        stored = parameters.copy()
        stored.flags.writeable = False
        self._latest, self._latest_index = (epoch, stored), index
        if index % self.stride:
            return
        if len(self._kept) == self._capacity:
            self._thin()
            if index % self.stride:
                return
        self._epochs.append(epoch)
        self._kept.append(stored)

    def _thin(self) -> None:
        # the kept snapshots are adds 0, s, 2s, …: keeping every second leaves 0, 2s, 4s, …
        self._epochs = self._epochs[::2]
        self._kept = self._kept[::2]
        self.stride *= 2

    def _latest_is_extra(self) -> bool:
        return self._latest is not None and self._latest_index % self.stride != 0

    def __len__(self) -> int:
        """Snapshots held: the kept ones and the newest."""
        return len(self._kept) + (1 if self._latest_is_extra() else 0)

    @property
    def nbytes(self) -> int:
        """Bytes of parameters held (at most ``max_bytes`` once three snapshots fit in it)."""
        held = sum(p.nbytes for p in self._kept)
        return held + (self._latest[1].nbytes if self._latest_is_extra() else 0)

    @property
    def epochs(self) -> np.ndarray:
        """The epochs of the snapshots held, increasing (the newest last)."""
        epochs = list(self._epochs)
        if self._latest_is_extra():
            epochs.append(self._latest[0])
        return np.array(epochs, dtype=np.int64)

    @property
    def latest(self) -> tuple[int, np.ndarray] | None:
        """(epoch, parameters) of the newest snapshot, or None before the first add."""
        return self._latest

    def at_or_before(self, epoch: int) -> tuple[int, np.ndarray] | None:
        """(epoch, parameters) of the held snapshot with the largest epoch <= ``epoch``;
        None when every snapshot is later (or there is none)."""
        if self._latest is not None and self._latest[0] <= epoch:
            return self._latest
        i = bisect.bisect_right(self._epochs, epoch)
        if i == 0:
            return None
        return self._epochs[i - 1], self._kept[i - 1]
