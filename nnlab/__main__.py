"""``python -m nnlab``: the same as the ``nnlab`` command."""

from nnlab.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
