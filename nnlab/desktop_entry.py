"""nnlab in the desktop's menu: ``nnlab --install-desktop-entry`` and
``--uninstall-desktop-entry``, for an nnlab installed with pip (a distribution's package
installs the same files system-wide instead).

Installing writes, under ``$XDG_DATA_HOME`` (default ``~/.local/share``; XDG Base Directory
Specification):

    applications/io.github.nnlab.nnlab.desktop                 the menu entry, whose Exec
                                                               runs this installation's nnlab
    icons/hicolor/<N>x<N>/apps/io.github.nnlab.nnlab.png       the icon, N = 16 ... 512
    icons/hicolor/scalable/apps/io.github.nnlab.nnlab.svg
    metainfo/io.github.nnlab.nnlab.metainfo.xml                 AppStream: what it is

Uninstalling removes exactly these files. The sources are packaging/linux/ and
resources/icons/ of the repository; setup.py copies them into ``nnlab/desktop/`` when nnlab
is built, so that every installation (pip, editable, frozen) has them.

Standard library only: the command never loads Qt, and the GUI takes the window icon's files
and the application id from here.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

from nnlab.core.files import make_missing_dirs, remove_dirs

APPLICATION_ID = "io.github.nnlab.nnlab"
"""Reverse-DNS id: the desktop entry's and metainfo's file names, the icon's name, the
metainfo's <id> and QGuiApplication.desktopFileName (which ties windows to the entry)."""

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

DESKTOP_FILES = Path(__file__).resolve().parent / "desktop"
"""The packaged copies of the entry, the metainfo and the icons (made by setup.py)."""

#: Characters that oblige an argument of Exec to be quoted (Desktop Entry Specification,
#: "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = set("\"`$\\")

_CACHE_TIMEOUT_S = 30


class DesktopEntryError(Exception):
    """The entry cannot be installed or removed; the message says why (one line)."""


class NotFreedesktop(DesktopEntryError):
    """This system's desktop does not read freedesktop.org menu entries (Windows, macOS)."""


def icon_png(size: int) -> Path:
    """The packaged PNG of the application icon at ``size`` × ``size`` pixels."""
    return DESKTOP_FILES / f"nnlab-{size}.png"


def icon_svg() -> Path:
    return DESKTOP_FILES / "nnlab.svg"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or relative (the XDG
    Base Directory Specification says to ignore a relative one)."""
    environ = os.environ if environ is None else environ
    value = environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(os.path.expanduser("~")) / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this installation of nnlab: a frozen build's own program, the
    ``nnlab`` script installed beside this interpreter (a virtual environment's bin/), or
    else this interpreter with ``-m nnlab`` (the script may be elsewhere, e.g. ~/.local/bin,
    or not on the desktop's PATH)."""
    if not sys.executable:
        raise DesktopEntryError("cannot tell which program runs this nnlab (Python reports no "
                                "executable): start nnlab with its own 'nnlab' command")
    executable = os.path.abspath(sys.executable)
    if getattr(sys, "frozen", False):
        return [executable]
    # not resolved: a virtual environment's python is a symbolic link to the system's
    scripts = Path(executable).parent
    for name in ("nnlab", "nnlab.exe"):
        if (scripts / name).is_file() and os.access(scripts / name, os.X_OK):
            return [str(scripts / name)]
    return [executable, "-m", "nnlab"]


def exec_value(command: Sequence[str]) -> str:
    """``command`` as the value of an Exec key: arguments with reserved characters in double
    quotes, with ``"`` `` ` `` ``$`` ``\\`` escaped by a backslash inside them; ``%`` doubled
    (it starts a field code); then every backslash doubled again, by the escape rule of
    string values that is undone before the quoting rule."""
    arguments = []
    for argument in command:
        _check_writable_value(argument)
        if argument and not (_RESERVED & set(argument)):
            quoted = argument
        else:
            quoted = '"' + "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c
                                   for c in argument) + '"'
        arguments.append(quoted.replace("%", "%%"))
    return " ".join(arguments).replace("\\", "\\\\")


def string_value(text: str) -> str:
    """``text`` as a desktop entry string value (its backslashes escaped)."""
    _check_writable_value(text)
    return text.replace("\\", "\\\\")


def _check_writable_value(text: str) -> None:
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise DesktopEntryError(f"cannot write {text!r} in a desktop entry: it holds a "
                                "control character (a line break?)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise DesktopEntryError(f"cannot write {text!r} in a desktop entry: a desktop entry "
                                "is UTF-8 and this path is not") from None


def desktop_entry_text(command: Sequence[str]) -> str:
    """The packaged entry with Exec and TryExec pointing at ``command``."""
    source = _packaged(DESKTOP_FILES / f"{APPLICATION_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in source.splitlines():
        key = line.split("=", 1)[0].strip()
        if key == "Exec":
            line = f"Exec={exec_value(command)}"
        elif key == "TryExec":
            line = f"TryExec={string_value(command[0])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class InstalledFile:
    path: Path
    content: bytes


def installed_paths(home: Path) -> list[Path]:
    """The files installing writes under ``home`` (an XDG data folder): exactly what
    uninstalling removes."""
    hicolor = home / "icons" / "hicolor"
    return [home / "applications" / f"{APPLICATION_ID}.desktop",
            *(hicolor / f"{size}x{size}" / "apps" / f"{APPLICATION_ID}.png"
              for size in ICON_SIZES),
            hicolor / "scalable" / "apps" / f"{APPLICATION_ID}.svg",
            home / "metainfo" / f"{APPLICATION_ID}.metainfo.xml"]


def files_to_install(home: Path, command: Sequence[str]) -> list[InstalledFile]:
    """:func:`installed_paths` with their contents."""
    contents = [desktop_entry_text(command).encode("utf-8"),
                *(_packaged(icon_png(size)).read_bytes() for size in ICON_SIZES),
                _packaged(icon_svg()).read_bytes(),
                _packaged(DESKTOP_FILES / f"{APPLICATION_ID}.metainfo.xml").read_bytes()]
    return [InstalledFile(path, content)
            for path, content in zip(installed_paths(home), contents, strict=True)]


def _packaged(path: Path) -> Path:
    if not path.is_file():
        raise DesktopEntryError(
            f"this installation of nnlab lacks {path.name} (in {path.parent}): the build "
            "copies it from packaging/linux and resources/icons; reinstall nnlab with pip")
    return path


def _check_platform() -> None:
    if sys.platform == "win32":
        raise NotFreedesktop(
            "a desktop entry is for Linux and BSD desktops; on Windows, make a shortcut to "
            f"{subprocess.list2cmdline(launch_command())} in the Start menu instead")
    if sys.platform == "darwin":
        raise NotFreedesktop(
            "a desktop entry is for Linux and BSD desktops; on macOS, start nnlab from a "
            f"terminal with {' '.join(launch_command())}, or keep it in the Dock once it runs")


def install(home: Path | None = None, command: Sequence[str] | None = None) -> list[str]:
    """Install the entry, its icons and its metainfo under ``home`` (default: ``data_home()``)
    for ``command`` (default: ``launch_command()``); return the lines to tell the user.

    All files are first written beside their places under temporary names and only then
    renamed into place, so a folder that cannot be written leaves nothing behind. Installing
    again replaces the files (a newer nnlab, or another environment, takes the entry over).
    """
    _check_platform()
    home = data_home() if home is None else home
    command = launch_command() if command is None else list(command)
    files = files_to_install(home, command)
    made_folders: list[Path] = []
    staged: list[tuple[Path, InstalledFile]] = []
    try:
        for file in files:
            made_folders += make_missing_dirs(file.path.parent)
            if file.path.is_dir() and not file.path.is_symlink():
                raise IsADirectoryError(errno.EISDIR, "a folder is in the way", str(file.path))
            handle, temporary = tempfile.mkstemp(dir=file.path.parent,
                                                 prefix=f".{file.path.name}.", suffix=".part")
            staged.append((Path(temporary), file))
            with os.fdopen(handle, "wb") as out:
                out.write(file.content)
            os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide the entry from others' tools
    except OSError as error:
        for temporary, _ in staged:
            _remove_quietly(temporary)
        remove_dirs(made_folders)
        raise DesktopEntryError(f"cannot install the desktop entry into {home}: "
                                f"{_reason(error)}; nothing was installed") from None
    placed = 0
    try:
        for temporary, file in staged:
            os.replace(temporary, file.path)
            placed += 1
    except OSError as error:  # e.g. a folder where the file goes: rare, after all was written
        for temporary, _ in staged[placed:]:
            _remove_quietly(temporary)
        raise DesktopEntryError(
            f"cannot install the desktop entry into {home}: {_reason(error)}; "
            f"{placed} of its {len(staged)} files were installed, and "
            "'nnlab --uninstall-desktop-entry' removes them") from None
    lines = [f"wrote {file.path}" for file in files]
    lines += _refresh_caches(home)
    lines.append(f"nnlab is in the desktop's menu (it runs: {' '.join(command)}); "
                 "'nnlab --uninstall-desktop-entry' takes it out")
    return lines


def uninstall(home: Path | None = None) -> list[str]:
    """Remove exactly the files :func:`install` writes under ``home`` (the folders stay: other
    programs' entries and icons live there too); return the lines to tell the user."""
    _check_platform()
    home = data_home() if home is None else home
    lines, removed = [], False
    for path in installed_paths(home):
        if path.is_dir() and not path.is_symlink():
            continue  # not a file install wrote
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopEntryError(f"cannot remove {path}: {_reason(error)}") from None
        lines.append(f"removed {path}")
        removed = True
    if not removed:
        return [f"nnlab's desktop entry is not installed in {home}: nothing to remove"]
    lines += _refresh_caches(home)
    lines.append("nnlab is no longer in the desktop's menu")
    return lines


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


def _refresh_caches(home: Path) -> list[str]:
    """Tell the desktop that icons and entries changed. The icon theme specification asks to
    touch the theme's folder; caches are brought up to date only where they already exist
    (made anew they would be files nobody removes, and a stale one hides new icons). The
    tools are optional: missing or failing, they cost a note, never the installation."""
    lines = []
    hicolor = home / "icons" / "hicolor"
    try:
        os.utime(hicolor)
    except OSError:
        pass
    for tool, cache, arguments in (
            ("gtk-update-icon-cache", hicolor / "icon-theme.cache",
             ["--force", "--ignore-theme-index", "--quiet", str(hicolor)]),
            ("update-desktop-database", home / "applications" / "mimeinfo.cache",
             ["--quiet", str(home / "applications")])):
        program = shutil.which(tool)
        if not cache.exists() or program is None:
            continue
        try:
            done = subprocess.run([program, *arguments], capture_output=True, text=True,
                                  timeout=_CACHE_TIMEOUT_S)
        except (OSError, subprocess.SubprocessError) as error:
            lines.append(f"note: {tool} did not run ({error}); the desktop may show the "
                         "change after the next login")
            continue
        if done.returncode == 0:
            lines.append(f"updated {cache}")
        else:
            message = " ".join((done.stderr or done.stdout).split()) or f"exit {done.returncode}"
            lines.append(f"note: {tool} failed ({message}); the desktop may show the change "
                         "after the next login")
    return lines
