"""Qt widgets, plots and figure export.

Imports ``nnlab.app`` and ``nnlab.core``, never the reverse.
"""
