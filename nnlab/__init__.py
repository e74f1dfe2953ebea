"""nnlab: a desktop lab for teaching how neural networks learn.

Layers, with dependency arrows pointing down only:

- ``nnlab.cli`` and ``nnlab.__main__``: entry points (GUI by default, headless sub-commands)
- ``nnlab.gui``: widgets, plots, export; imports ``nnlab.app`` and ``nnlab.core``
- ``nnlab.app``: QtCore only (sessions of runs and their training process, settings)
- ``nnlab.core``: NumPy and the standard library only
"""

import os

# One BLAS thread. The networks here are small, so more threads do not train them faster
# (digits 64-30-10: the same samples per second with one or two), but the helper threads
# busy-wait between products: on a two-core machine they took the processor from the GUI
# thread for a scheduler time slice at a time, and the window stalled 4-5 ms after every
# frame. Set before NumPy loads its BLAS; a value the user set is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
del _variable

__version__ = "0.1.0"
