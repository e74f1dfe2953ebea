"""The names of the states of training, written once for core, the sessions and their trainer.

Two things have a state, and share some names:

* a **run's record** (a NeuronState, an EpochRecord) carries the status of its run after it:
  :data:`RUNNING`, or on its last record :data:`FINISHED` or :data:`DIVERGED`;
* the **training of a session's runs** (the session and its trainer) is :data:`IDLE`,
  :data:`RUNNING`, :data:`PAUSED` or :data:`FINISHED`.

They are plain strings: they travel in records, over the training process's pipe and through
Qt signals as they are.
"""

IDLE = "idle"
"""Nothing trained yet: the next run or step starts from epoch 0 (the runs' start)."""

RUNNING = "running"
"""A run: more records follow. Training: epochs are being trained one after another."""

PAUSED = "paused"
"""Training has stopped between two epochs and goes on from there when run or stepped."""

FINISHED = "finished"
"""A run: this is its last epoch. Training: every run has reached its last record."""

DIVERGED = "diverged"
"""A run whose cost, a gradient or a parameter stopped being finite: this record is its
last, and its message names the epoch and the cause."""
