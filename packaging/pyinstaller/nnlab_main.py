"""The frozen program's entry point: the ``nnlab`` command (see nnlab.cli).

``nnlab.cli.main`` calls ``multiprocessing.freeze_support()`` before anything else, so that
this program, started again by multiprocessing as the lab's training process (or as
multiprocessing's resource tracker), does that work instead of parsing a command line. The
guard keeps the command from running again if multiprocessing imports this file as a
module.
"""

from nnlab.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
