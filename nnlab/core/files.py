"""Writing files all at once or not at all.

A folder of results (:func:`write_folder`: ``nnlab run``'s history.csv and summary.json,
``nnlab export``'s figures) or a single file (:func:`write_file`: an exported figure, a saved
experiment): a refused or failed write must leave what was there as it was, with nothing
partial beside it.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Mapping


def check_output_dir(out_dir: str | os.PathLike) -> None:
    """Refuse early an output folder that cannot be created or written, without creating
    anything. Raises OSError with a reason a user can act on."""
    out = Path(os.path.abspath(out_dir))
    if out.exists() and not out.is_dir():
        raise OSError(errno.ENOTDIR, "it exists and is not a folder", os.fspath(out_dir))
    ancestor = out if out.exists() else out.parent
    while not ancestor.exists() and not ancestor.is_symlink():
        ancestor = ancestor.parent
    if not ancestor.is_dir():
        raise OSError(errno.ENOTDIR, f"{ancestor} is a file, not a folder", os.fspath(out_dir))
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise OSError(errno.EACCES, f"no permission to write in {ancestor}", os.fspath(out_dir))


def _make_missing_dirs(folder: Path) -> list[Path]:
    """mkdir -p, returning the folders it created, outermost first."""
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
        _remove_dirs(created)
        raise
    return created


def _remove_dirs(created: list[Path]) -> None:
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
    nothing is left beside ``path`` then."""
    path = Path(path)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
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

    Atomic: the files are written into a temporary sibling folder first and only then moved
    into place. On any error the temporary folder is removed, folders this call created are
    removed, and files already in ``out_dir`` are put back, so ``out_dir`` is left as it was.
    """
    out = Path(os.path.abspath(out_dir))
    if out.exists() and not out.is_dir():
        raise OSError(errno.ENOTDIR, "it exists and is not a folder", os.fspath(out_dir))
    created = _make_missing_dirs(out.parent)
    temporary: Path | None = None
    try:
        temporary = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial",
                                          dir=out.parent))
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
        _remove_dirs(created)
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
