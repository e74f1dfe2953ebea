"""Python's cyclic garbage collection, in the GUI thread only.

Left automatic, a collection runs in whichever thread happens to allocate when a threshold
is crossed, and at full speed that is the training thread: it allocates a record per epoch.
A collection there may find an unreachable cycle holding Qt objects (the widgets of a closed
window, a plot's context menu) and destroy them in the training thread, which Qt forbids.
It was seen to deadlock the window: the training thread, destroying a menu, waited for the
interpreter lock, while the GUI thread, holding the lock, waited for that menu's mutex.

So automatic collection is switched off and :class:`GuiThreadGarbageCollector` collects on a
timer in the thread it was created in (the GUI thread), as automatic collection would, by
the same per-generation counts.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_INTERVAL_MS = 500
"""How often the counts are looked at."""


class GuiThreadGarbageCollector(QObject):
    """Switches automatic collection off and collects from a timer in this object's thread.

    ``stop()`` switches automatic collection back on (as it was before)."""

    def __init__(self, parent: QObject | None = None,
                 interval_ms: int = COLLECT_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        """Collect the oldest generation whose count is over its threshold (what automatic
        collection does at the next allocation); returns the number of objects found."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                return gc.collect(generation)
        return 0

    def stop(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
