"""What the command-line tests share: reading nnlab's one-line refusals."""

from __future__ import annotations


def one_error_line(stderr: str) -> str:
    """The refusal on ``stderr``: exactly one line, ``nnlab: error: …``, no traceback."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("nnlab: error: "), stderr
    return lines[0]
