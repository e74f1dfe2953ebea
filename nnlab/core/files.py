"""Writing files all at once or not at all.

A folder of results (:func:`write_folder`: ``nnlab run``'s history.csv and summary.json,
``nnlab export``'s figures) or a single file (:func:`write_file`: an exported figure, a saved
experiment): a refused or failed write must leave what was there as it was, with nothing
partial beside it: also when the process is stopped by Ctrl+C or a plain ``kill`` (SIGTERM)
in the middle of it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import Callable, Iterator, Mapping

from .text import Message, QT_TRANSLATE_NOOP


class Terminated(KeyboardInterrupt):
    """A SIGTERM arrived while :func:`write_folder` or :func:`write_file` was writing: raised
    in their place so that, as for Ctrl+C's KeyboardInterrupt, what they had begun is removed;
    then the process ends by SIGTERM after all."""


@contextlib.contextmanager
def terminate_cleanly() -> Iterator[None]:
    """While inside, a SIGTERM first removes what the write had begun, then ends the process
    as SIGTERM would have (killed by the signal: a shell, a service manager or the lecturer's
    script see what they asked for). Without this, SIGTERM ends the process where it stands,
    with the temporary files left behind. Only where SIGTERM would end the process anyway (a
    program with its own SIGTERM handler keeps it) and only in the main thread, the one
    Python runs handlers in."""
    if threading.current_thread() is not threading.main_thread() \
            or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        yield
        return

    def terminated(signum, frame):
        raise Terminated()

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    except Terminated:
        # The write has cleaned up on its way out. Not just an exception: in the window it
        # would end only the slot that was saving, and the program would live on.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.raise_signal(signal.SIGTERM)
        raise  # where raising the signal does not end the process
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _absolute(out_dir: str | os.PathLike) -> Path:
    """``out_dir`` made absolute; an empty path is refused (os.path.abspath would make it the
    current folder, which nobody meant)."""
    if os.fspath(out_dir) in ("", b""):
        raise OSError(errno.ENOENT, Message.of(QT_TRANSLATE_NOOP(
            "core", "no folder given (an empty path)")), os.fspath(out_dir))
    return Path(os.path.abspath(out_dir))


def check_output_dir(out_dir: str | os.PathLike) -> None:
    """Refuse early, before any work, an output folder that :func:`write_folder` could not
    create or write: an empty path, a file, a path through a file, a symbolic link to nothing
    or a loop of them, a folder that takes no new entries (read-only, no permission, a
    pseudo file system such as /proc). Leaves nothing behind. Raises OSError (``filename``:
    ``out_dir``) whose ``strerror`` is a reason a user can act on."""
    given = os.fspath(out_dir)
    out = _absolute(out_dir)
    # Up from out to the nearest folder that exists; what lies below it is created later.
    existing, below = out, None
    while True:
        try:
            status = os.stat(existing)
            break
        except OSError as exc:
            if existing.parent == existing:
                raise OSError(exc.errno, exc.strerror, given) from None
            existing, below = existing.parent, (existing, exc)
    if not stat.S_ISDIR(status.st_mode):
        reason = (_not_a_folder() if existing == out else Message.of(
            QT_TRANSLATE_NOOP("core", "%1 is a file, not a folder"), existing))
        raise OSError(errno.ENOTDIR, reason, given)
    if below is not None:  # the first missing step: must be a name free to create
        path, error = below
        if error.errno == errno.ELOOP:
            raise OSError(errno.ELOOP, Message.of(QT_TRANSLATE_NOOP(
                "core", "%1 is a loop of symbolic links (it never reaches a folder)"), path),
                given)
        if os.path.islink(path):
            raise OSError(errno.ENOENT, Message.of(QT_TRANSLATE_NOOP(
                "core", "%1 is a symbolic link to %2, which does not exist"), path,
                os.readlink(path)), given)
        if error.errno != errno.ENOENT:
            raise OSError(error.errno, Message.of(QT_TRANSLATE_NOOP("core", "%1: %2"), path,
                                                  error.strerror), given)
    # os.access says yes to root everywhere, and knows nothing of read-only or pseudo file
    # systems: only making a folder where write_folder will make its own is sure.
    try:
        probe = tempfile.mkdtemp(prefix=".nnlab-check.", dir=existing)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OSError(exc.errno, Message.of(QT_TRANSLATE_NOOP(
            "core", "no folder can be made in %1 (%2)"), existing, reason), given) from None
    os.rmdir(probe)


def _not_a_folder() -> Message:
    return Message.of(QT_TRANSLATE_NOOP("core", "it exists and is not a folder"))


def make_missing_dirs(folder: Path) -> list[Path]:
    """mkdir -p, returning the folders it created, outermost first; on a failure midway the
    ones it made are removed again before the error goes on."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    created = []
    try:
        for path in reversed(missing):
            path.mkdir()
            created.append(path)
    except BaseException:
        remove_dirs(created)
        raise
    return created


def remove_dirs(created: list[Path]) -> None:
    """Remove the folders ``created`` (outermost first), innermost first, those still empty."""
    for path in reversed(created):
        try:
            path.rmdir()
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(path: str | os.PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically: into a temporary sibling first, then moved into
    place, so ``path`` holds either its old content or all of the new. The file keeps the old
    file's permissions, or gets the usual ones (a temporary file is private). Raises OSError;
    nothing is left beside ``path`` then, also when stopped by Ctrl+C or SIGTERM
    (:class:`Terminated`)."""
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    with terminate_cleanly():
        _write_file(path, data, mode)


def _write_file(path: Path, data: bytes, mode: int) -> None:
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                             dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_folder(out_dir: str | os.PathLike,
                 writers: Mapping[str, Callable[[Path], object]]) -> list[Path]:
    """Create each file ``name`` in ``out_dir`` (created if missing) by calling
    ``writers[name](path)`` with the path to write, and return the final paths.

    Atomic: the files are written into a temporary folder first (hidden, beside a new
    ``out_dir``, inside an existing one, so that only ``out_dir`` needs to be writable) and
    only then moved into place. On any error, Ctrl+C or SIGTERM (:class:`Terminated`), the
    temporary folder is removed, folders this call created are removed, and files already in
    ``out_dir`` are put back, so ``out_dir`` is left as it was.
    """
    out = _absolute(out_dir)
    if out.exists() and not out.is_dir():
        raise OSError(errno.ENOTDIR, _not_a_folder(), os.fspath(out_dir))
    with terminate_cleanly():
        return _write_folder(out, writers)


def _write_folder(out: Path, writers: Mapping[str, Callable[[Path], object]]) -> list[Path]:
    created = make_missing_dirs(out.parent)
    temporary: Path | None = None
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial",
                                          dir=out if out.is_dir() else out.parent))
        # mkdtemp makes a private folder; the results get the user's usual permissions
        os.chmod(temporary, 0o777 & ~_umask())
        for name, write in writers.items():
            write(temporary / name)
        if not out.exists():
            try:
                os.rename(temporary, out)  # one step: the folder appears complete or not at all
                temporary = None
            except OSError:
                if not out.is_dir():
                    raise
        if temporary is not None:
            _replace_files(temporary, out, list(writers))
    except BaseException:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
        remove_dirs(created)
        raise
    if temporary is not None:
        shutil.rmtree(temporary, ignore_errors=True)
    return [out / name for name in writers]


def _replace_files(source: Path, target: Path, names: list[str]) -> None:
    """Move ``names`` from ``source`` into the existing folder ``target``; if any move fails,
    put back what was there before."""
    backups: list[tuple[Path, Path]] = []
    installed: list[Path] = []
    try:
        for name in names:
            old = target / name
            if old.exists() or old.is_symlink():
                backup = source / f".previous-{name}"
                os.replace(old, backup)
                backups.append((old, backup))
        for name in names:
            os.replace(source / name, target / name)
            installed.append(target / name)
    except BaseException:
        for path in installed:
            try:
                path.unlink()
            except OSError:
                pass
        for old, backup in backups:
            try:
                os.replace(backup, old)
            except OSError:
                pass
        raise
