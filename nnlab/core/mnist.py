"""MNIST's four files, fetched into the user's cache folder and checked before they are used.

MNIST (LeCun, Cortes and Burges) is published as four gzipped IDX files: 60,000 training
images and their labels, 10,000 test images and theirs, 11,594,722 bytes in all. Their sizes
and SHA-256 sums are published and fixed here (:data:`MNIST_FILES`); a file is used only when
its size and SHA-256 are exactly those, wherever it came from.

:func:`fetch_mnist` is a generator in the manner of superqt's generator worker: it does the
work, yields a :class:`FetchProgress` after every chunk, and is cancelled by whoever iterates
it, by stopping and calling ``.close()``. For each file that is not in the cache yet:

* it is written to ``<name>.part`` in the cache folder while it streams in, hashed as it
  goes, and moved into place with ``os.replace`` only once its size and SHA-256 match, so the
  cache never holds a wrong or a half file under a real name;
* the mirrors (:data:`MIRRORS`, or the caller's) are tried in turn: an HTTP error, a refused
  or failed connection, a time-out, a truncated or a wrong file on one mirror moves on to the
  next, and only when all have failed is a :class:`FetchError` raised, naming the file and
  what each mirror did;
* or, with ``source_dir``, it is copied from a folder (a USB stick a lecturer brings), checked
  the same way.

After an error, a cancel or Ctrl+C the ``.part`` file is removed; files already verified stay,
so a second fetch downloads only what is missing (whole files: a half file is not resumed with
an HTTP Range request, the largest file is 9.9 MB). A file already in place with the right size
and SHA-256 is never downloaded again.

Only the standard library (urllib) and platformdirs; no Qt.
"""

from __future__ import annotations

import dataclasses
import hashlib
import http.client
import os
import shutil
import socket
import ssl
import stat
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import platformdirs

import nnlab

from .files import make_missing_dirs, remove_dirs
from .reading import open_regular_file, shorten, shorten_path
from .text import QT_TRANSLATE_NOOP, Message

__all__ = [
    "CACHE_FOLDER_VARIABLE",
    "DOWNLOAD_BYTES",
    "MIRRORS",
    "MNIST_FILES",
    "FetchError",
    "FetchProgress",
    "MnistFile",
    "cached_files",
    "remove_partial_files",
    "default_cache_folder",
    "fetch_mnist",
    "missing_files",
]


@dataclass(frozen=True)
class MnistFile:
    """One of MNIST's published files: its role, its name on every mirror, its size and its
    published SHA-256 (hex, lower case)."""

    role: str  # "train_images" | "train_labels" | "test_images" | "test_labels"
    name: str
    size: int
    sha256: str


MNIST_FILES: tuple[MnistFile, ...] = (
    MnistFile("train_images", "train-images-idx3-ubyte.gz", 9_912_422,
              "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
    MnistFile("train_labels", "train-labels-idx1-ubyte.gz", 28_881,
              "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
    MnistFile("test_images", "t10k-images-idx3-ubyte.gz", 1_648_877,
              "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
    MnistFile("test_labels", "t10k-labels-idx1-ubyte.gz", 4_542,
              "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
)
"""The four files, in the order training images, training labels, test images, test labels."""

MIRRORS: tuple[str, ...] = (
    # the copy torchvision downloads from first
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    # the copy TensorFlow's tutorials used
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
    # the original site: plain http, and at times refusing downloads; last, and the SHA-256
    # check makes plain http as safe as the others
    "http://yann.lecun.com/exdb/mnist/",
)
"""Base URLs (ending in "/") of servers holding the four files under their names, in the
order they are tried."""

DOWNLOAD_BYTES: int = sum(file.size for file in MNIST_FILES)
"""What a full download transfers: 11,594,722 bytes."""

CACHE_FOLDER_VARIABLE = "NNLAB_CACHE_DIR"
"""An environment variable naming the folder to cache data in instead of the user's cache
folder (for the tests, and for a frozen build that must keep its data beside it)."""

CHUNK_BYTES = 64 * 1024
"""How much is read (and a progress yielded) at a time."""

SHORT_HASH = 12
"""How many hex digits of a SHA-256 a message shows."""

USER_AGENT = f"nnlab/{nnlab.__version__} (MNIST download)"


def default_cache_folder() -> Path:
    """Where MNIST is kept: ``$NNLAB_CACHE_DIR/mnist`` when that variable is set, else
    ``mnist`` in the user's cache folder for nnlab (platformdirs: ``~/.cache/nnlab/mnist`` on
    Linux, ``~/Library/Caches/nnlab/mnist`` on macOS, ``%LOCALAPPDATA%\\nnlab\\Cache\\mnist``
    on Windows)."""
    override = os.environ.get(CACHE_FOLDER_VARIABLE)
    if override:  # made absolute: the same folder wherever the program is started
        return Path(override).expanduser().absolute() / "mnist"
    return platformdirs.user_cache_path("nnlab", appauthor=False) / "mnist"


# --- what is in the cache -----------------------------------------------------------------

# SHA-256 of the files already hashed, by (path, size, modification time, inode): the lab
# asks whether MNIST is there each time its data list is shown, and hashing 11 MB each time
# would cost ~30 ms. A file changed or replaced since has another key and is hashed again.
_known_hashes: dict[tuple[str, int, int, int], str] = {}


def _file_key(path: Path) -> tuple[str, int, int, int] | None:
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    return (os.fspath(path), status.st_size, status.st_mtime_ns, status.st_ino)


def _is_in_place(path: Path, file: MnistFile) -> bool:
    """Whether ``path`` is a regular file of ``file``'s size and SHA-256."""
    key = _file_key(path)
    if key is None or key[1] != file.size:
        return False
    digest = _known_hashes.get(key)
    if digest is None:
        try:
            with open_regular_file(path) as stream:
                hasher = hashlib.sha256()
                for chunk in iter(lambda: stream.read(1024 * 1024), b""):
                    hasher.update(chunk)
        except (OSError, ValueError):
            return False
        digest = _known_hashes[key] = hasher.hexdigest()
    return digest == file.sha256


def missing_files(folder: Path | None = None,
                  files: Sequence[MnistFile] = MNIST_FILES) -> list[MnistFile]:
    """The files of ``files`` not in ``folder`` (default: :func:`default_cache_folder`) with
    their right size and SHA-256, in order."""
    folder = default_cache_folder() if folder is None else Path(folder)
    return [file for file in files if not _is_in_place(folder / file.name, file)]


def cached_files(folder: Path | None = None,
                 files: Sequence[MnistFile] = MNIST_FILES) -> dict[str, Path] | None:
    """role → path of each of ``files`` in ``folder`` (default: :func:`default_cache_folder`)
    when all are there with their right size and SHA-256; else None.

    Each file is hashed once per process while it stays the same file (same size,
    modification time and inode)."""
    folder = default_cache_folder() if folder is None else Path(folder)
    if missing_files(folder, files):
        return None
    return {file.role: folder / file.name for file in files}


# --- progress and errors ------------------------------------------------------------------


@dataclass(frozen=True)
class FetchProgress:
    """Where a fetch is: the file it is on, and the bytes done of that file and of all.

    ``done`` and ``total`` count every file of the fetch, those already in the cache as done.
    ``source`` is the URL the file comes from (a new progress with ``file_done == 0`` when a
    mirror failed and the next is tried), or the folder it is copied from.

    ``verified``: the file is in the cache, checked. Each file's last progress has it: a
    fetched file's comes once it was checked and moved into place (the progress before, at
    ``file_done == file_total``, is before the check); a file found in the cache already is
    reported once, with ``cached`` and ``verified`` set and the cache folder as its source."""

    file: str
    file_done: int
    file_total: int
    done: int
    total: int
    source: str
    cached: bool = False
    verified: bool = False


class FetchError(Exception):
    """A file that could not be fetched or imported, or a cache folder that cannot hold it.

    ``str(error)`` is one line naming the file and what went wrong; ``args[0]`` is that line
    as a :class:`~nnlab.core.text.Message`, for the window to translate. ``file`` is the
    name of the file (None when the fault is no file's, e.g. a mirror URL that is not http)
    and ``failures`` the (mirror, reason) of each mirror tried, in order."""

    def __init__(self, message: Message, *, file: str | None = None,
                 failures: Sequence[tuple[str, Message]] = ()) -> None:
        super().__init__(message)
        self.file = file
        self.failures = tuple(failures)


class _SourceFailed(Exception):
    """One mirror did not deliver the file; the next one may. ``args[0]``: the reason."""

    @property
    def reason(self) -> Message:
        return self.args[0]


def _bytes(count: int) -> str:
    return f"{count:,}"


def _short(digest: str) -> str:
    return digest[:SHORT_HASH] + "…"


def _mismatch(file: MnistFile, digest: str) -> Message:
    return Message.of(QT_TRANSLATE_NOOP("core", "SHA-256 mismatch: expected %1, got %2"),
                      _short(file.sha256), _short(digest))


# --- the fetch ----------------------------------------------------------------------------


def fetch_mnist(folder: Path | None = None, *, mirrors: Sequence[str] | None = None,
                source_dir: Path | None = None, timeout: float = 30.0,
                files: Sequence[MnistFile] = MNIST_FILES) -> Iterator[FetchProgress]:
    """Bring ``files`` (default: MNIST's four) into ``folder`` (default:
    :func:`default_cache_folder`, created if missing), yielding a :class:`FetchProgress`
    as it goes; see the module's description.

    ``mirrors``: base URLs (http or https) tried in turn for each file (default
    :data:`MIRRORS`); ``source_dir``: copy the files from this folder instead (only the
    ``.gz`` files as published: gzip output differs between programs, so unzipped files could
    not be checked against the published SHA-256). ``timeout``: seconds to wait for a
    connection and for each read; a server silent that long counts as failed.

    Raises :class:`FetchError` when a file cannot be had (after every mirror was tried) or
    cannot be written; nothing half-written is left behind, files verified before stay."""
    folder = default_cache_folder() if folder is None else Path(folder)
    bases = _mirror_bases(MIRRORS if mirrors is None else mirrors)
    if source_dir is not None:
        source_dir = Path(source_dir)
        if not source_dir.is_dir():
            raise FetchError(Message.of(QT_TRANSLATE_NOOP(
                "core", "cannot import MNIST from %1: it is not a folder"),
                shorten_path(source_dir)))
    missing = missing_files(folder, files)
    total = sum(file.size for file in files)
    done = total - sum(file.size for file in missing)
    made = _prepare_folder(folder, sum(file.size for file in missing)) if missing else []
    remove_partial_files(folder, files)  # what a process killed mid-file left
    try:
        for file in files:
            if file not in missing:
                yield FetchProgress(file.name, file.size, file.size, done, total,
                                    str(folder), cached=True, verified=True)
                continue
            if source_dir is not None:
                copies = _copy_into(folder, file, source_dir, done, total)
            else:
                copies = _download_into(folder, file, bases, timeout, done, total)
            yield from copies
            done += file.size
    finally:
        # a fetch that placed no file leaves no empty folder behind either
        remove_dirs(made)


def _mirror_bases(mirrors: Sequence[str]) -> list[str]:
    """The mirrors as base URLs ending in "/"; a FetchError for one that is not http(s)."""
    if isinstance(mirrors, str):
        mirrors = [mirrors]
    bases = []
    for mirror in mirrors:
        parts = urllib.parse.urlsplit(mirror)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise FetchError(Message.of(QT_TRANSLATE_NOOP(
                "core", "mirror %1: expected an http:// or https:// address of a folder"),
                shorten(repr(mirror), 80)))
        bases.append(mirror if mirror.endswith("/") else mirror + "/")
    if not bases:
        raise FetchError(Message.of(QT_TRANSLATE_NOOP("core", "no mirror to download from")))
    return bases


def _folder_error(folder: Path, reason) -> FetchError:
    return FetchError(Message.of(QT_TRANSLATE_NOOP(
        "core", "cannot write to the cache folder %1: %2"), shorten_path(folder), reason))


def _os_reason(error: OSError) -> str:
    return shorten(error.strerror or str(error), 80)


def remove_partial_files(folder: Path | None = None,
                         files: Sequence[MnistFile] = MNIST_FILES) -> list[Path]:
    """Delete the ``<name>.part`` files of ``files`` in ``folder`` (default: the cache
    folder): what a fetch leaves when its process ends in the middle of a file (a window
    closed while a silent server holds the read). Returns those deleted."""
    folder = default_cache_folder() if folder is None else Path(folder)
    removed = []
    for file in files:
        part = folder / (file.name + ".part")
        try:
            part.unlink()
        except OSError:  # not there, or not ours to delete: nothing to do
            continue
        removed.append(part)
    return removed


def _prepare_folder(folder: Path, needed: int) -> list[Path]:
    """Make ``folder``; a FetchError when it cannot be made or has no room for ``needed``.
    Returns the folders it made, outermost first."""
    made = []
    try:
        made = make_missing_dirs(folder)
        free = shutil.disk_usage(folder).free
    except (OSError, ValueError) as error:
        raise _folder_error(folder, _os_reason(error) if isinstance(error, OSError)
                            else shorten(str(error), 80)) from None
    if free < needed:
        remove_dirs(made)
        raise _folder_error(folder, Message.of(QT_TRANSLATE_NOOP(
            "core", "not enough free space (%1 bytes needed, %2 free)"),
            _bytes(needed), _bytes(free)))
    return made


def _into_place(folder: Path, file: MnistFile, fill) -> Iterator[FetchProgress]:
    """Write ``file`` as ``<name>.part`` with the generator ``fill(stream)`` (which yields
    progress and raises when the file cannot be had), then move it into place. The ``.part``
    file is gone afterwards, whatever happened: an error, a cancel (``close()``), Ctrl+C."""
    part = folder / (file.name + ".part")
    target = folder / file.name
    moved = False
    last = None
    try:
        try:
            stream = open(part, "wb")  # noqa: SIM115 - closed below, before the move
        except OSError as error:
            raise _folder_error(folder, _os_reason(error)) from None
        try:
            for last in fill(stream):
                yield last
            stream.flush()
            os.fsync(stream.fileno())  # on the disk before its name is: no empty file after a crash
            stream.close()
        except OSError as error:  # the cache's writes: a full disk, a drive gone
            raise FetchError(Message.of(QT_TRANSLATE_NOOP(
                "core", "cannot write %1 to the cache folder %2: %3"), file.name,
                shorten_path(folder), _os_reason(error)), file=file.name) from None
        finally:
            stream.close()
        try:
            os.replace(part, target)
        except OSError as error:
            raise _folder_error(folder, _os_reason(error)) from None
        moved = True
        key = _file_key(target)
        if key is not None:
            _known_hashes[key] = file.sha256
        yield dataclasses.replace(last, verified=True)
    finally:
        if not moved:
            try:
                os.unlink(part)
            except OSError:
                pass


def _write(stream: BinaryIO, chunk: bytes) -> None:
    stream.write(chunk)  # an OSError here is the cache's, not the source's: see _into_place


def _download_into(folder: Path, file: MnistFile, bases: Sequence[str], timeout: float,
                   done: int, total: int) -> Iterator[FetchProgress]:
    def fill(stream: BinaryIO) -> Iterator[FetchProgress]:
        failures: list[tuple[str, Message]] = []
        for base in bases:
            stream.seek(0)
            stream.truncate()
            try:
                yield from _download(base + file.name, file, stream, timeout, done, total)
                return
            except _SourceFailed as failure:
                failures.append((base, failure.reason))
        raise _download_error(file, failures)
    return _into_place(folder, file, fill)


def _download_error(file: MnistFile, failures: list[tuple[str, Message]]) -> FetchError:
    """The error after every mirror failed: one mirror is named by the file's URL, several by
    their base URLs, each with its reason."""
    if len(failures) == 1:
        base, reason = failures[0]
        message = Message.of(QT_TRANSLATE_NOOP("core", "cannot download %1 from %2: %3"),
                             file.name, shorten(base + file.name, 120), reason)
    else:
        each = Message.of(QT_TRANSLATE_NOOP("core", "%1: %2"), shorten(failures[0][0], 120),
                          failures[0][1])
        for url, reason in failures[1:]:
            each = Message.of(QT_TRANSLATE_NOOP("core", "%1; %2"), each, Message.of(
                QT_TRANSLATE_NOOP("core", "%1: %2"), shorten(url, 120), reason))
        message = Message.of(QT_TRANSLATE_NOOP(
            "core", "cannot download %1 from any of the %2 mirrors: %3"),
            file.name, len(failures), each)
    return FetchError(message, file=file.name, failures=failures)


class _RefusedRedirect(urllib.error.URLError):
    """A redirect to something other than http or https (file:, ftp:, ...)."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects (as urllib does: at most 10, no loops) to http and https only;
    urllib alone would also follow one to ftp."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = headers.get("location") or headers.get("uri")
        if location:
            target = urllib.parse.urljoin(req.full_url, location)
            if urllib.parse.urlsplit(target).scheme.lower() not in ("http", "https"):
                fp.close()
                raise _RefusedRedirect(Message.of(QT_TRANSLATE_NOOP(
                    "core", "it redirects to %1, which is not an http or https address"),
                    shorten(target, 80)))
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener() -> urllib.request.OpenerDirector:
    # built for each download: it takes the proxies from the environment as it is then
    return urllib.request.build_opener(_HttpOnlyRedirects)


def _timed_out(timeout: float) -> Message:
    return Message.of(QT_TRANSLATE_NOOP("core", "timed out after %1 s with no data"),
                      f"{timeout:g}")


def _connection_reason(reason, timeout: float) -> Message:
    """Why a connection failed, from urllib's URLError.reason (or an OSError)."""
    if isinstance(reason, Message):
        return reason
    if isinstance(reason, TimeoutError):
        return _timed_out(timeout)
    if isinstance(reason, ConnectionRefusedError):
        return Message.of(QT_TRANSLATE_NOOP("core", "cannot connect: connection refused"))
    if isinstance(reason, socket.gaierror):
        return Message.of(QT_TRANSLATE_NOOP(
            "core", "cannot connect: server name not found (no network?)"))
    if isinstance(reason, ssl.SSLError):
        return Message.of(QT_TRANSLATE_NOOP("core", "secure connection failed: %1"),
                          shorten(getattr(reason, "reason", None) or str(reason), 80))
    text = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
    return Message.of(QT_TRANSLATE_NOOP("core", "cannot connect: %1"), shorten(text, 80))


def _download(url: str, file: MnistFile, stream: BinaryIO, timeout: float, done: int,
              total: int) -> Iterator[FetchProgress]:
    """Stream ``url`` into ``stream``, checking size and SHA-256; _SourceFailed if this mirror
    does not deliver ``file``. ``timeout`` bounds the connection and each read."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept-Encoding": "identity"})
    try:
        response = _opener().open(request, timeout=timeout)
    except urllib.error.HTTPError as error:
        error.close()
        raise _SourceFailed(Message.of(QT_TRANSLATE_NOOP("core", "HTTP %1 (%2)"), error.code,
                                       shorten(str(error.reason), 60))) from None
    except urllib.error.URLError as error:
        raise _SourceFailed(_connection_reason(error.reason, timeout)) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise _SourceFailed(_connection_reason(error, timeout)) from None
    with response:
        yield FetchProgress(file.name, 0, file.size, done, total, url)
        announced = response.headers.get("Content-Length")
        if announced is not None and announced.strip().isdigit() \
                and int(announced) != file.size:
            raise _SourceFailed(Message.of(QT_TRANSLATE_NOOP(
                "core", "the server offers %1 bytes, expected %2"),
                _bytes(int(announced)), _bytes(file.size)))

        def read(limit: int, received: int) -> bytes:
            try:
                # what has arrived (read would wait for a whole chunk), and one byte past
                # the size at most: a server that sends more is refused
                return response.read1(limit)
            except TimeoutError:
                raise _SourceFailed(_timed_out(timeout)) from None
            except http.client.IncompleteRead:  # the connection closed early
                return b""
            except (OSError, http.client.HTTPException) as error:
                raise _SourceFailed(Message.of(QT_TRANSLATE_NOOP(
                    "core", "the connection broke after %1 of %2 bytes: %3"),
                    _bytes(received), _bytes(file.size),
                    shorten(getattr(error, "strerror", None) or str(error) or
                            type(error).__name__, 60))) from None

        yield from _checked_copy(read, stream, file, done, total, url, _SourceFailed,
                                 Message.of(QT_TRANSLATE_NOOP(
                                     "core", "the server sent more than the expected %1 bytes"),
                                     _bytes(file.size)))


def _checked_copy(read, stream: BinaryIO, file: MnistFile, done: int, total: int,
                  source: str, refused, too_long: Message) -> Iterator[FetchProgress]:
    """Copy what ``read(limit, received)`` returns (b"" at the end) into ``stream``, hashing
    it as it comes, with a progress after each piece; ``refused(reason)`` is raised when
    there is more than ``file.size`` (``too_long``), less, or another SHA-256."""
    hasher = hashlib.sha256()
    received = 0
    while chunk := read(min(CHUNK_BYTES, file.size + 1 - received), received):
        received += len(chunk)
        if received > file.size:
            raise refused(too_long)
        hasher.update(chunk)
        _write(stream, chunk)
        yield FetchProgress(file.name, received, file.size, done + received, total, source)
    if received < file.size:
        raise refused(Message.of(QT_TRANSLATE_NOOP(
            "core", "truncated: got %1 of %2 bytes"), _bytes(received), _bytes(file.size)))
    if hasher.hexdigest() != file.sha256:
        raise refused(_mismatch(file, hasher.hexdigest()))


def _copy_into(folder: Path, file: MnistFile, source_dir: Path, done: int,
               total: int) -> Iterator[FetchProgress]:
    source = source_dir / file.name
    shown = str(source_dir)

    def refused(reason) -> FetchError:
        return FetchError(Message.of(QT_TRANSLATE_NOOP("core", "cannot import %1 from %2: %3"),
                                     file.name, shorten_path(source_dir), reason),
                          file=file.name)

    def fill(stream: BinaryIO) -> Iterator[FetchProgress]:
        try:
            original = open_regular_file(source)
        except FileNotFoundError:
            unzipped = source_dir / file.name.removesuffix(".gz")
            if unzipped.exists():
                raise refused(Message.of(QT_TRANSLATE_NOOP(
                    "core", "the folder holds only the unzipped %1: bring the .gz file as "
                            "published (its SHA-256 is what is checked)"),
                    unzipped.name)) from None
            raise refused(Message.of(QT_TRANSLATE_NOOP("core", "the file is not there"))) \
                from None
        except (OSError, ValueError) as error:
            raise refused(_os_reason(error) if isinstance(error, OSError)
                          else shorten(str(error), 80)) from None
        with original:
            try:
                size = os.fstat(original.fileno()).st_size
            except OSError as error:
                raise refused(_os_reason(error)) from None
            if size != file.size:
                raise refused(Message.of(QT_TRANSLATE_NOOP(
                    "core", "it has %1 bytes, expected %2"), _bytes(size), _bytes(file.size)))
            yield FetchProgress(file.name, 0, file.size, done, total, shown)

            def read(limit: int, received: int) -> bytes:
                try:
                    return original.read(limit)
                except OSError as error:
                    raise refused(_os_reason(error)) from None

            yield from _checked_copy(read, stream, file, done, total, shown, refused,
                                     Message.of(QT_TRANSLATE_NOOP(
                                         "core", "it has more than the expected %1 bytes"),
                                         _bytes(file.size)))
    return _into_place(folder, file, fill)
