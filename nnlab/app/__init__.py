"""Application layer between ``nnlab.core`` and ``nnlab.gui``.

It may use QtCore (threads, signals, QSettings) but never QtGui, QtWidgets or pyqtgraph,
so it can run and be tested without a display. ``tests/test_architecture.py`` enforces this.

Modules: :mod:`.worker` (the training worker that runs in its own ``QThread``) and
:mod:`.session` (the lesson session the window talks to: experiment, runs' histories, thread).
"""
