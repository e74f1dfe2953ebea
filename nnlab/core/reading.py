"""Reading a user's file safely: only regular files, never more than a known size.

A path in an experiment file or chosen in a dialog may name anything. Opening a named pipe
waits for a writer that may never come; a device such as ``/dev/zero`` never ends; a folder
or a socket has no content to read. So a file is read only when it is a regular file:

* its type is checked with ``os.stat`` before it is opened (opening some devices has effects
  of its own), and again with ``os.fstat`` on the opened descriptor, in case the path was
  replaced in between;
* it is opened with ``O_NONBLOCK``, so that even then opening a named pipe cannot wait;
* its size is checked before anything is read, and reading stops one byte past the limit
  (some files report a size of 0 and still have content).

A refusal is an :class:`OSError` (:class:`NotARegularFile` or :class:`FileTooLarge`) whose
``strerror`` is one line a user can act on, e.g. "it is a named pipe, not a file", so callers
that already turn an ``OSError`` into a message handle these as well.
"""

from __future__ import annotations

import errno
import os
import stat
from typing import BinaryIO

from .text import Message, QT_TRANSLATE_NOOP

__all__ = [
    "FileTooLarge",
    "NotARegularFile",
    "describe_size",
    "kind_of",
    "open_regular_file",
    "read_at_most",
    "read_regular_file",
    "shorten",
    "shorten_path",
]

MIB = 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, QT_TRANSLATE_NOOP("core", "a folder")),
    (stat.S_ISFIFO, QT_TRANSLATE_NOOP("core", "a named pipe")),
    (stat.S_ISCHR, QT_TRANSLATE_NOOP("core", "a character device")),
    (stat.S_ISBLK, QT_TRANSLATE_NOOP("core", "a block device")),
    (stat.S_ISSOCK, QT_TRANSLATE_NOOP("core", "a socket")),
)

# O_NONBLOCK: opening a named pipe for reading returns at once instead of waiting for a
# writer. It does not change how a regular file is read. Windows has neither.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))


class NotARegularFile(OSError):
    """The path names a folder, a named pipe, a device or a socket, not a regular file."""


class FileTooLarge(OSError):
    """The file is larger than what may be read from it."""


def shorten(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to its first ``limit`` characters followed by "…" if longer.
    A :class:`~nnlab.core.text.Message` that needs no change is returned as it is."""
    # Only the start is looked at, so a value of megabytes costs no more than a short one.
    start = " ".join(text[: limit * 4].split())
    if len(start) <= limit and len(text) <= limit * 4:
        return text if isinstance(text, Message) and start == text else start
    return start[:limit] + "…"


def shorten_path(path: str | os.PathLike, limit: int = 80) -> str:
    """A path for a message: whole if short, else "…" and its last ``limit`` characters,
    which keep the file's own name."""
    text = os.fspath(path)
    if not isinstance(text, str):
        text = os.fsdecode(text)
    return text if len(text) <= limit else "…" + text[-limit:]


def describe_size(n_bytes: int) -> str:
    """A byte count as a person reads it: "512 bytes", "3.2 MiB"."""
    if n_bytes < 1024:
        return Message.of(QT_TRANSLATE_NOOP("core", "%1 bytes"), n_bytes)
    for unit, factor in (("GiB", 1024 ** 3), ("MiB", MIB), ("KiB", 1024)):
        if n_bytes >= factor:
            return f"{n_bytes / factor:.3g} {unit}"
    return Message.of(QT_TRANSLATE_NOOP("core", "%1 bytes"), n_bytes)  # not reached


def kind_of(mode: int) -> Message:
    """What a file of this ``st_mode`` is, for a message: "a named pipe", "a folder", ..."""
    for test, name in _KINDS:
        if test(mode):
            return Message.of(name)
    return Message.of(QT_TRANSLATE_NOOP("core", "a regular file") if stat.S_ISREG(mode)
                      else QT_TRANSLATE_NOOP("core", "not a regular file"))


def _refuse_unless_regular(mode: int, path: str | os.PathLike) -> None:
    if not stat.S_ISREG(mode):
        kind = kind_of(mode)
        reason = (Message.of(QT_TRANSLATE_NOOP("core", "it is %1, not a file"), kind)
                  if kind != "not a regular file"
                  else Message.of(QT_TRANSLATE_NOOP("core", "it is not a regular file")))
        raise NotARegularFile(errno.EINVAL, reason, os.fspath(path))


def open_regular_file(path: str | os.PathLike) -> BinaryIO:
    """Open ``path`` for reading in binary mode, refusing anything but a regular file.

    Raises :class:`NotARegularFile`, or the ``OSError`` of ``os.stat`` / ``os.open`` (e.g.
    ``FileNotFoundError``, ``PermissionError``). The caller closes the returned file.
    """
    _refuse_unless_regular(os.stat(path).st_mode, path)
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        _refuse_unless_regular(os.fstat(descriptor).st_mode, path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_at_most(stream: BinaryIO, limit: int, path: str | os.PathLike) -> bytes:
    """All of ``stream``, refusing (:class:`FileTooLarge`) as soon as it has more than
    ``limit`` bytes: at most ``limit + 1`` bytes are ever read."""
    try:
        size = os.fstat(stream.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        size = 0
    if size > limit:
        raise FileTooLarge(errno.EFBIG, too_large(size, limit), os.fspath(path))
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = stream.read(min(remaining, MIB))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileTooLarge(errno.EFBIG, Message.of(QT_TRANSLATE_NOOP(
            "core", "it is more than the %1 nnlab reads"), describe_size(limit)),
                           os.fspath(path))
    return data


def too_large(size: int, limit: int) -> Message:
    """Why a file of ``size`` bytes is not read: "it is 3 MiB, more than the 1 MiB nnlab
    reads"."""
    return Message.of(QT_TRANSLATE_NOOP("core", "it is %1, more than the %2 nnlab reads"),
                      describe_size(size), describe_size(limit))


def read_regular_file(path: str | os.PathLike, limit: int) -> bytes:
    """The content of the regular file ``path``, refusing any other kind of file and any
    file of more than ``limit`` bytes before reading it. Raises ``OSError``."""
    with open_regular_file(path) as stream:
        return read_at_most(stream, limit, path)
