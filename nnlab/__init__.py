"""nnlab: a desktop lab for teaching how neural networks learn.

Layers, with dependency arrows pointing down only:

- ``nnlab.cli`` and ``nnlab.__main__``: entry points (GUI by default, headless sub-commands)
- ``nnlab.gui``: widgets, plots, export; imports ``nnlab.app`` and ``nnlab.core``
- ``nnlab.app``: QtCore only (training worker, session of runs, settings)
- ``nnlab.core``: NumPy and the standard library only
"""

__version__ = "0.1.0"
