"""Application layer between ``nnlab.core`` and ``nnlab.gui``.

It may use QtCore (threads, signals, QSettings) but never QtGui, QtWidgets or pyqtgraph,
so it can run and be tested without a display. ``tests/test_architecture.py`` enforces this.

Modules: :mod:`.trainer` (the loop of the training process, without Qt),
:mod:`.training_process` (the window's end of that process),
:mod:`.session` (what every session does: an experiment, its runs' histories, the process),
:mod:`.neuron_session` and :mod:`.lab_session` (the sessions of the one-neuron lesson and the
network lab), :mod:`.frames` (what views draw) and :mod:`.loading` (data loaded off the GUI
thread).
"""
