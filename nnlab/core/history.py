"""Run histories with bounded memory.

A history keeps at most ``max_rows`` rows however long the run. While there is room every
appended row is kept. When the store fills, every second kept row is dropped and from then on
only every ``stride``-th appended row is stored, with ``stride`` doubling at each such
compaction. The kept rows therefore stay evenly spaced over the whole run (rows 0, s, 2s, …),
and the newest row is always returned as well, so a plot of a 10⁶-epoch run holds at most
``max_rows + 1`` points and memory is O(max_rows × columns), not O(epochs).

:class:`History` is the table alone (the command line's runs use it as is);
:class:`RunHistory` is the history of one training run as a window shows it: the table, plus
the status and message of the run's newest record. The neuron's and the network's histories
are RunHistories with their own columns (:class:`.neuron.NeuronHistory`,
:class:`.training.NetworkHistory`).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .states import RUNNING

DEFAULT_MAX_ROWS = 100_000


class History:
    """Columns of floats appended one row at a time (see the module docstring)."""

    def __init__(self, columns: Sequence[str], max_rows: int = DEFAULT_MAX_ROWS):
        if max_rows < 2:
            raise ValueError("a history needs room for at least 2 rows")
        self.column_names = tuple(columns)
        self.max_rows = int(max_rows)
        self.stride = 1
        self.appended = 0  # rows ever appended, kept or not
        self._size = 0
        self._data = np.empty((min(1024, self.max_rows), len(self.column_names)))
        self._last = None

    def append(self, row: Sequence[float]) -> None:
        index = self.appended
        self.appended += 1
        self._last = (index, row)
        if index % self.stride:
            return
        if self._size == self.max_rows:
            self._compact()
            if index % self.stride:
                return
        self._reserve(self._size + 1)
        self._data[self._size] = row
        self._size += 1

    def extend(self, rows) -> None:
        """Append many rows at once (a 2-D array); the same result as appending each, but
        vectorised: a display thread appends thousands of rows per batch."""
        rows = np.asarray(rows, dtype=float)
        n = len(rows)
        if not n:
            return
        start = 0
        while start < n:
            first = (-self.appended) % self.stride  # offset of the next row to keep
            remaining = n - start
            if first >= remaining:
                self.appended += remaining
                break
            if self._size == self.max_rows:
                # as in append: compact only when a row that would be kept arrives
                self._compact()
                continue
            keepable = 1 + (remaining - 1 - first) // self.stride
            take = min(self.max_rows - self._size, keepable)
            self._reserve(self._size + take)
            begin = start + first
            picked = rows[begin : begin + self.stride * (take - 1) + 1 : self.stride]
            self._data[self._size : self._size + take] = picked
            self._size += take
            consumed = first + self.stride * (take - 1) + 1  # up to the last row kept
            self.appended += consumed
            start += consumed
        self._last = (self.appended - 1, rows[-1])

    def _reserve(self, rows: int) -> None:
        if rows > len(self._data):
            grown = np.empty((min(max(2 * len(self._data), rows), self.max_rows),
                              self._data.shape[1]))
            grown[: self._size] = self._data[: self._size]
            self._data = grown

    def _compact(self) -> None:
        kept = self._data[: self._size : 2].copy()
        self._size = len(kept)
        self._data[: self._size] = kept
        self.stride *= 2

    def __len__(self) -> int:
        """Rows that :meth:`columns` returns."""
        return self._size + (1 if self._last_is_extra() else 0)

    def _last_is_extra(self) -> bool:
        return self._last is not None and self._last[0] % self.stride != 0

    def array(self) -> np.ndarray:
        """The kept rows (and the newest row) as a (rows × columns) array copy."""
        rows = self._data[: self._size]
        if self._last_is_extra():
            rows = np.vstack([rows, np.asarray(self._last[1], dtype=float)])
        return rows.copy()

    def columns(self) -> dict[str, np.ndarray]:
        table = self.array()
        return {name: table[:, i] for i, name in enumerate(self.column_names)}

    def view(self) -> dict[str, np.ndarray]:
        """Like :meth:`columns` but without copying when possible: read-only views of the
        stored rows, valid until the next append. For a display redrawn many times a second
        from a history that only the same thread appends to."""
        if self._last_is_extra():
            return self.columns()
        table = self._data[: self._size].view()
        table.flags.writeable = False
        return {name: table[:, i] for i, name in enumerate(self.column_names)}

    def last(self) -> dict[str, float] | None:
        if self._last is None:
            return None
        return dict(zip(self.column_names, (float(v) for v in self._last[1])))


class RunHistory(History):
    """The rows of one training run and how it stands: ``status`` (see :mod:`.states`) and
    ``message`` of its newest record.

    Rows arrive in batches made from records elsewhere (the training process turns records
    into an array; the thread that reads the history only appends it), so the status comes with
    each batch rather than from the rows.
    """

    def __init__(self, columns: Sequence[str], max_rows: int = DEFAULT_MAX_ROWS):
        super().__init__(columns, max_rows)
        self.status = RUNNING
        self.message = ""

    def extend_rows(self, rows, status: str, message: str = "") -> None:
        """Append ``rows`` (a 2-D array, one row per record) and the status and message of
        the newest record among them."""
        self.extend(rows)
        self.status, self.message = status, message
