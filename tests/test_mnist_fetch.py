"""Fetching MNIST (nnlab.core.mnist and ``nnlab data``) against a local HTTP server.

Every test serves small stand-in files whose sizes and SHA-256 the test computes (``files=``),
from tests/mnist_server.py on 127.0.0.1, in the way a real mirror can fail: a wrong file, a
truncated one, a 404, a server that stalls, a cancel midway. After each, the cache folder holds
only complete, verified files: never a ``.part`` file, never a wrong file under a real name.
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import io
import os
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import platformdirs
import pytest
from cli_helpers import one_error_line
from mnist_server import mnist_server, no_proxy, refused_url, silent_url

from nnlab import cli
from nnlab.core import mnist
from nnlab.core.mnist import (
    DOWNLOAD_BYTES,
    MIRRORS,
    MNIST_FILES,
    FetchError,
    MnistFile,
    cached_files,
    default_cache_folder,
    fetch_mnist,
    missing_files,
)
from nnlab.core.text import Message

# the fixtures of tests/mnist_server.py, which the tests take by name
FIXTURES = (mnist_server, no_proxy, refused_url, silent_url)

TIMEOUT = 5.0  # for the tests that expect an answer: generous, never reached when all is well


@dataclasses.dataclass
class FakeMnist:
    """Four small files in MNIST's roles and names, with their sizes and SHA-256."""

    files: list[MnistFile]
    data: dict[str, bytes]

    @property
    def names(self) -> list[str]:
        return [file.name for file in self.files]

    @property
    def total(self) -> int:
        return sum(len(data) for data in self.data.values())

    def serve(self, server, prefix: str = "") -> None:
        for name, data in self.data.items():
            server.serve(prefix + name, data)

    def write_to(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in self.data.items():
            (folder / name).write_bytes(data)


def make_fake(sizes=(3000, 4096, 5000, 50), seed: int = 4) -> FakeMnist:
    rng = np.random.default_rng(seed)
    files, data = [], {}
    for real, size in zip(MNIST_FILES, sizes):
        content = rng.bytes(size)
        files.append(MnistFile(real.role, real.name, size, hashlib.sha256(content).hexdigest()))
        data[real.name] = content
    return FakeMnist(files, data)


def spoiled(data: bytes) -> bytes:
    """The same size, one byte changed."""
    return data[:10] + bytes([data[10] ^ 0xFF]) + data[11:]


@pytest.fixture
def fake() -> FakeMnist:
    return make_fake()


@pytest.fixture
def cache(tmp_path, no_proxy) -> Path:
    """The cache folder of the test: not there yet, as on a fresh machine."""
    return tmp_path / "cache" / "mnist"


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


def fetch(folder: Path, fake: FakeMnist, **options) -> list:
    options.setdefault("timeout", TIMEOUT)
    return list(fetch_mnist(folder, files=fake.files, **options))


def refusal(folder: Path, fake: FakeMnist, **options) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(folder, fake, **options)
    error = caught.value
    assert "\n" not in str(error) and isinstance(error.args[0], Message)
    return error


# --- the published files ------------------------------------------------------------------


def test_the_published_files_add_up_and_the_mirrors_are_http_folders():
    assert [file.role for file in MNIST_FILES] == [
        "train_images", "train_labels", "test_images", "test_labels"]
    assert DOWNLOAD_BYTES == sum(file.size for file in MNIST_FILES)
    assert all(len(file.sha256) == 64 and int(file.sha256, 16) >= 0 for file in MNIST_FILES)
    assert all(mirror.endswith("/") for mirror in MIRRORS)
    assert MIRRORS[0].startswith("https://") and all(
        mirror.startswith(("https://", "http://")) for mirror in MIRRORS)


def test_the_cache_folder_is_the_variables_or_the_users(monkeypatch, tmp_path):
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path))
    assert default_cache_folder() == tmp_path / "mnist"
    monkeypatch.delenv("NNLAB_CACHE_DIR")
    folder = default_cache_folder()
    assert folder.name == "mnist" and folder.parent == platformdirs.user_cache_path(
        "nnlab", appauthor=False)


def test_a_relative_cache_variable_is_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NNLAB_CACHE_DIR", "here")
    assert default_cache_folder() == tmp_path / "here" / "mnist"


# --- fetches that succeed -----------------------------------------------------------------


def test_a_fetch_removes_the_partial_files_a_killed_one_left(mnist_server, cache, fake):
    """A process that ended in the middle of a file (a window closed while the server was
    silent) left its .part; the next fetch clears it, even one with nothing to download."""
    fake.serve(mnist_server)
    fetch(cache, fake, mirrors=[mnist_server.url])
    (cache / (fake.names[0] + ".part")).write_bytes(b"half a file")
    fetch(cache, fake, mirrors=[mnist_server.url])
    assert listing(cache) == sorted(fake.names)


def test_a_fetch_fills_the_cache_and_a_second_one_downloads_nothing(mnist_server, cache,
                                                                      fake):
    fake.serve(mnist_server)
    progress = fetch(cache, fake, mirrors=[mnist_server.url])

    assert listing(cache) == sorted(fake.names)
    for name, data in fake.data.items():
        assert (cache / name).read_bytes() == data
    assert cached_files(cache, fake.files) == {
        file.role: cache / file.name for file in fake.files}
    done = [p.done for p in progress]
    assert done == sorted(done) and done[-1] == progress[-1].total == fake.total
    verified = [p for p in progress if p.verified]
    assert [p.file for p in verified] == fake.names
    assert [p.source for p in verified] == [mnist_server.url + name for name in fake.names]
    assert all(p.file_done == p.file_total for p in verified) and not any(
        p.cached for p in progress)
    assert mnist_server.requests == fake.names

    again = fetch(cache, fake, mirrors=[mnist_server.url])
    assert [p.file for p in again] == fake.names
    assert all(p.cached and p.verified and p.done == fake.total for p in again)
    assert mnist_server.requests == fake.names  # nothing downloaded the second time


def test_a_404_on_the_first_mirror_falls_back_to_the_second(mnist_server, cache, fake):
    fake.serve(mnist_server, prefix="second/")
    progress = fetch(cache, fake, mirrors=[mnist_server.url + "first",  # no "/": added
                                           mnist_server.url + "second/"])
    assert cached_files(cache, fake.files) is not None
    assert mnist_server.requests == [f"{mirror}/{name}" for name in fake.names
                                     for mirror in ("first", "second")]
    assert {p.source for p in progress if p.verified} == {
        mnist_server.url + "second/" + name for name in fake.names}


@pytest.mark.parametrize("elsewhere", ["file:///etc/passwd", "ftp://127.0.0.1/mnist.gz"])
def test_a_redirect_is_followed_to_http_only(mnist_server, cache, fake, elsewhere):
    fake.serve(mnist_server, prefix="moved/")
    mnist_server.serve(fake.names[0], mode="redirect",
                       location="/moved/" + fake.names[0])
    mnist_server.serve(fake.names[1], mode="redirect", location=elsewhere)
    error = refusal(cache, fake, mirrors=[mnist_server.url])
    assert error.file == fake.names[1]
    assert f"redirects to {elsewhere}, which is not an http or https address" in str(error)
    assert listing(cache) == [fake.names[0]]
    assert (cache / fake.names[0]).read_bytes() == fake.data[fake.names[0]]


def test_a_folder_of_the_files_is_imported_without_the_network(tmp_path, cache, fake,
                                                                  refused_url):
    stick = tmp_path / "stick"
    fake.write_to(stick)
    progress = fetch(cache, fake, source_dir=stick, mirrors=[refused_url])
    assert cached_files(cache, fake.files) is not None and listing(cache) == sorted(fake.names)
    assert {p.source for p in progress} == {str(stick)}
    assert [p.file for p in progress if p.verified] == fake.names


# --- fetches that fail: the cache keeps only what was verified ----------------------------


def test_a_mismatch_keeps_the_verified_files_and_nothing_of_the_wrong_one(mnist_server,
                                                                          cache, fake):
    fake.serve(mnist_server)
    wrong = spoiled(fake.data[fake.names[2]])
    mnist_server.serve(fake.names[2], wrong)
    error = refusal(cache, fake, mirrors=[mnist_server.url])
    assert error.file == fake.names[2]
    assert str(error) == (
        f"cannot download {fake.names[2]} from {mnist_server.url}{fake.names[2]}: "
        f"SHA-256 mismatch: expected {fake.files[2].sha256[:12]}…, "
        f"got {hashlib.sha256(wrong).hexdigest()[:12]}…")
    assert listing(cache) == sorted(fake.names[:2])
    assert mnist_server.requests_for(fake.names[3]) == 0


def test_a_truncated_file_leaves_the_cache_untouched(mnist_server, cache, fake):
    fake.serve(mnist_server)
    mnist_server.serve(fake.names[0], fake.data[fake.names[0]], mode="truncated", sent=1000)
    error = refusal(cache, fake, mirrors=[mnist_server.url])
    assert error.file == fake.names[0]
    assert str(error).endswith(f": truncated: got 1,000 of {fake.files[0].size:,} bytes")
    assert not cache.exists() and not cache.parent.exists()  # not even an empty folder


def test_a_404_on_every_mirror_names_each(mnist_server, cache, fake):
    error = refusal(cache, fake, mirrors=[mnist_server.url + "a/", mnist_server.url + "b/"])
    assert error.file == fake.names[0]
    assert str(error) == (
        f"cannot download {fake.names[0]} from any of the 2 mirrors: "
        f"{mnist_server.url}a/: HTTP 404 (Not Found); {mnist_server.url}b/: HTTP 404 (Not Found)")
    assert [mirror for mirror, _ in error.failures] == [mnist_server.url + "a/",
                                                        mnist_server.url + "b/"]
    assert not cache.exists()


@pytest.mark.parametrize("sent", [0, 1000])
def test_a_stalled_server_times_out(mnist_server, cache, fake, sent):
    fake.serve(mnist_server)
    mnist_server.serve(fake.names[1], fake.data[fake.names[1]], mode="stall", sent=sent)
    started = time.monotonic()
    error = refusal(cache, fake, mirrors=[mnist_server.url], timeout=0.5)
    waited = time.monotonic() - started
    assert error.file == fake.names[1]
    assert str(error).endswith(": timed out after 0.5 s with no data")
    assert 0.45 <= waited < TIMEOUT
    assert listing(cache) == [fake.names[0]]


def test_a_server_silent_before_its_headers_times_out(cache, fake, silent_url):
    started = time.monotonic()
    error = refusal(cache, fake, mirrors=[silent_url], timeout=0.5)
    assert str(error) == (f"cannot download {fake.names[0]} from {silent_url}{fake.names[0]}: "
                          "timed out after 0.5 s with no data")
    assert 0.45 <= time.monotonic() - started < TIMEOUT
    assert not cache.exists()


def test_a_refused_connection_says_so(cache, fake, refused_url):
    error = refusal(cache, fake, mirrors=[refused_url])
    assert str(error) == (f"cannot download {fake.names[0]} from {refused_url}"
                          f"{fake.names[0]}: cannot connect: connection refused")
    assert not cache.exists()


def test_a_server_offering_more_bytes_is_refused(mnist_server, cache, fake):
    name = fake.names[0]
    mnist_server.serve(name, fake.data[name] + b"extra")  # its Content-Length says so
    error = refusal(cache, fake, mirrors=[mnist_server.url])
    assert str(error).endswith(f"the server offers {fake.files[0].size + 5:,} bytes, "
                               f"expected {fake.files[0].size:,}")
    mnist_server.serve(name, fake.data[name] + b"extra", mode="no_length")  # it does not
    error = refusal(cache, fake, mirrors=[mnist_server.url])
    assert str(error).endswith(f"the server sent more than the expected "
                               f"{fake.files[0].size:,} bytes")
    assert not cache.exists()


def test_cancel_midway_keeps_the_first_file_and_a_new_fetch_gets_only_the_rest(
        mnist_server, cache, fake):
    fake.serve(mnist_server)
    second = fake.names[1]
    mnist_server.serve(second, fake.data[second], mode="gated", chunk_size=1024)
    fetching = fetch_mnist(cache, mirrors=[mnist_server.url], files=fake.files,
                           timeout=TIMEOUT)
    for progress in fetching:
        if progress.file == second and progress.file_done > 0:
            break
    assert 0 < progress.file_done < progress.file_total
    assert listing(cache) == sorted([fake.names[0], second + ".part"])
    fetching.close()  # Cancel
    assert listing(cache) == [fake.names[0]]

    mnist_server.serve(second, fake.data[second])
    resumed = fetch(cache, fake, mirrors=[mnist_server.url])
    assert resumed[0].cached and resumed[0].file == fake.names[0]
    assert resumed[1].done == fake.files[0].size  # counted as done from the start
    assert cached_files(cache, fake.files) is not None
    assert [mnist_server.requests_for(name) for name in fake.names] == [1, 2, 1, 1]


def test_a_full_disk_is_the_caches_fault_not_the_mirrors(mnist_server, cache, fake,
                                                         monkeypatch):
    fake.serve(mnist_server)
    fake.serve(mnist_server, prefix="other/")

    def full(stream, chunk):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(mnist, "_write", full)
    error = refusal(cache, fake, mirrors=[mnist_server.url, mnist_server.url + "other/"])
    assert str(error) == (f"cannot write {fake.names[0]} to the cache folder {cache}: "
                          "No space left on device")
    assert mnist_server.requests == [fake.names[0]]  # no other mirror is asked
    assert not cache.exists()


def test_too_little_free_space_is_refused_before_downloading(mnist_server, cache, fake,
                                                             monkeypatch):
    fake.serve(mnist_server)
    usage = collections.namedtuple("usage", "total used free")
    monkeypatch.setattr(mnist.shutil, "disk_usage", lambda path: usage(10**9, 10**9 - 100, 100))
    error = refusal(cache, fake, mirrors=[mnist_server.url])
    assert f"not enough free space ({fake.total:,} bytes needed, 100 free)" in str(error)
    assert mnist_server.requests == [] and not cache.exists()


def cannot_write(folder: Path) -> bool:
    try:
        (folder / "probe").write_bytes(b"")
    except OSError:
        return True
    (folder / "probe").unlink()
    return False


@pytest.mark.parametrize("how", ["read-only folder", "under a file", "a folder as .part"])
def test_an_unwritable_cache_folder_is_refused_before_downloading(mnist_server, tmp_path,
                                                                  fake, how, no_proxy):
    fake.serve(mnist_server)
    if how == "read-only folder":
        folder = tmp_path / "mnist"
        folder.mkdir()
        folder.chmod(0o500)
        if not cannot_write(folder):
            folder.chmod(0o700)
            pytest.skip("this user can write to a read-only folder (root)")
    elif how == "under a file":
        (tmp_path / "a file").write_text("x")
        folder = tmp_path / "a file" / "mnist"
    else:  # the file being written cannot be made (root too cannot write over a folder)
        folder = tmp_path / "mnist"
        (folder / (fake.names[0] + ".part")).mkdir(parents=True)
    try:
        error = refusal(folder, fake, mirrors=[mnist_server.url])
    finally:
        if how == "read-only folder":
            folder.chmod(0o700)
    assert str(error).startswith(f"cannot write to the cache folder {folder}: ")
    assert mnist_server.requests == []
    assert listing(folder) == ([fake.names[0] + ".part"] if how == "a folder as .part" else [])


@pytest.mark.parametrize("fault", ["mismatch", "unzipped only", "missing", "wrong size",
                                   "a folder"])
def test_a_bad_folder_to_import_from_is_named(tmp_path, cache, fake, fault):
    stick = tmp_path / "stick"
    fake.write_to(stick)
    bad = stick / fake.names[2]
    if fault == "mismatch":
        bad.write_bytes(spoiled(fake.data[bad.name]))
        expected = "SHA-256 mismatch: expected"
    elif fault == "unzipped only":
        bad.rename(stick / bad.name.removesuffix(".gz"))
        expected = f"the folder holds only the unzipped {bad.name.removesuffix('.gz')}"
    elif fault == "missing":
        bad.unlink()
        expected = "the file is not there"
    elif fault == "wrong size":
        bad.write_bytes(fake.data[bad.name] + b"x")
        expected = f"it has {fake.files[2].size + 1:,} bytes, expected {fake.files[2].size:,}"
    else:
        bad.unlink()
        bad.mkdir()
        expected = "it is a folder, not a file"
    error = refusal(cache, fake, source_dir=stick)
    assert error.file == bad.name
    assert str(error).startswith(f"cannot import {bad.name} from {stick}: {expected}")
    assert listing(cache) == sorted(fake.names[:2])


def test_a_mirror_or_a_folder_that_cannot_be_one_is_refused(tmp_path, cache, fake):
    for mirror in ("ftp://example.org/mnist/", "file:///tmp/", "example.org/mnist/"):
        error = refusal(cache, fake, mirrors=[mirror])
        assert "expected an http:// or https:// address" in str(error)
    error = refusal(cache, fake, source_dir=tmp_path / "absent")
    assert str(error).endswith("it is not a folder")
    assert not cache.exists()


# --- what is in the cache -----------------------------------------------------------------


def test_cached_files_answers_only_for_all_four_intact(tmp_path, fake):
    folder = tmp_path / "mnist"
    assert cached_files(folder, fake.files) is None  # no folder at all
    fake.write_to(folder)
    (folder / fake.names[3]).unlink()
    assert cached_files(folder, fake.files) is None
    assert missing_files(folder, fake.files) == [fake.files[3]]
    (folder / fake.names[3]).write_bytes(fake.data[fake.names[3]])
    assert cached_files(folder, fake.files) == {f.role: folder / f.name for f in fake.files}
    # a file spoiled in place (same size) is seen, although it was hashed before
    temporary = folder / "spoiled"
    temporary.write_bytes(spoiled(fake.data[fake.names[0]]))
    os.replace(temporary, folder / fake.names[0])
    assert cached_files(folder, fake.files) is None
    assert missing_files(folder, fake.files) == [fake.files[0]]


# --- the time left ------------------------------------------------------------------------


# --- the messages can be translated -------------------------------------------------------


def test_every_refusal_is_a_message_whose_templates_are_marked(tmp_path, mnist_server, cache,
                                                               fake, refused_url):
    ts = tmp_path / "mnist.ts"
    subprocess.run([str(Path(sys.executable).parent / "pyside6-lupdate"), mnist.__file__,
                    "-locations", "none", "-ts", str(ts)], check=True, capture_output=True)
    marked = {message.findtext("source") for message in ET.parse(ts).iter("message")}
    mnist_server.serve(fake.names[0], spoiled(fake.data[fake.names[0]]))
    errors = [refusal(cache, fake, mirrors=[refused_url]),
              refusal(cache, fake, mirrors=[refused_url, mnist_server.url]),
              refusal(cache, fake, mirrors=["ftp://x/"]),
              refusal(cache, fake, source_dir=tmp_path)]

    def templates(message):
        yield message.template
        for value in message.values:
            if isinstance(value, Message):
                yield from templates(value)

    for error in errors:
        assert set(templates(error.args[0])) <= marked, str(error)


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def cli_cache(tmp_path, monkeypatch, fake, no_proxy) -> Path:
    """NNLAB_CACHE_DIR for the command, and the stand-in files in place of MNIST's."""
    monkeypatch.setenv("NNLAB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(mnist, "MNIST_FILES", tuple(fake.files))
    return tmp_path / "cache" / "mnist"


def test_the_command_fetches_then_finds_the_files_in_the_cache(mnist_server, cli_cache, fake,
                                                               capsys):
    fake.serve(mnist_server)
    assert cli.main(["data", "fetch", "mnist", "--mirror", mnist_server.url]) == 0
    out, err = capsys.readouterr()
    assert f"MNIST is in {cli_cache}" in out
    assert err.splitlines() == [line for name in fake.names for line in (
        f"{name}: fetching from {mnist_server.url}{name}",
        f"{name}: {len(fake.data[name]):,} bytes, SHA-256 checked")]
    assert cached_files(cli_cache, fake.files) is not None

    assert cli.main(["data", "fetch", "mnist", "--mirror", mnist_server.url]) == 0
    out, err = capsys.readouterr()
    assert err.splitlines() == [f"{name}: already in the cache, checked" for name in fake.names]
    assert mnist_server.requests == fake.names

    assert cli.main(["data", "where"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines() == [f"cache folder: {cli_cache}", "MNIST: complete (4 files, checked)"]


def test_the_command_on_a_terminal_counts_up_on_one_line(mnist_server, cli_cache, fake,
                                                         monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self):
            return True
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(cli._FetchReport, "INTERVAL_SECONDS", 0.0)  # draw every piece
    fake.serve(mnist_server)
    assert cli.main(["data", "fetch", "mnist", "--mirror", mnist_server.url]) == 0
    text = terminal.getvalue()
    big = fake.names[2]  # 5000 bytes: read in pieces as they come, at least one drawn
    assert f"\r{big}: 100 %" in text
    assert text.count("SHA-256 checked\n") == 4


def test_the_command_reports_a_failure_in_one_line(mnist_server, cli_cache, fake, capsys):
    assert cli.main(["data", "fetch", "mnist", "--mirror", mnist_server.url]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert line == (f"nnlab: error: cannot download {fake.names[0]} from {mnist_server.url}"
                    f"{fake.names[0]}: HTTP 404 (Not Found)")
    assert not cli_cache.exists()


def test_the_command_imports_a_folder_and_refuses_a_bad_one(tmp_path, cli_cache, fake, capsys):
    stick = tmp_path / "stick"
    fake.write_to(stick)
    (stick / fake.names[3]).write_bytes(spoiled(fake.data[fake.names[3]]))
    assert cli.main(["data", "fetch", "mnist", "--from", str(stick)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(
        f"nnlab: error: cannot import {fake.names[3]} from {stick}: SHA-256 mismatch")
    assert listing(cli_cache) == sorted(fake.names[:3])
    (stick / fake.names[3]).write_bytes(fake.data[fake.names[3]])
    assert cli.main(["data", "where"]) == 0
    assert "MNIST: 3 of 4 files; missing " + fake.names[3] in capsys.readouterr().out
    assert cli.main(["data", "fetch", "mnist", "--from", str(stick)]) == 0
    assert cached_files(cli_cache, fake.files) is not None


def test_ctrl_c_in_the_command_leaves_nothing_half_written(mnist_server, cli_cache, fake,
                                                           monkeypatch, capsys):
    fake.serve(mnist_server)
    second = fake.names[1]
    mnist_server.serve(second, fake.data[second], mode="gated", chunk_size=1024)
    show = cli._FetchReport.show

    def show_then_interrupt(report, progress):
        show(report, progress)
        if progress.file == second and progress.file_done > 0:
            assert (cli_cache / (second + ".part")).exists()
            raise KeyboardInterrupt  # what Ctrl+C raises in the main thread
    monkeypatch.setattr(cli._FetchReport, "show", show_then_interrupt)
    assert cli.main(["data", "fetch", "mnist", "--mirror", mnist_server.url]) == 130
    assert capsys.readouterr().err.splitlines()[-1] == "nnlab: error: interrupted"
    assert listing(cli_cache) == [fake.names[0]]


@pytest.mark.parametrize("arguments, expected", [
    (["--mirror", "ftp://example.org/"], "--mirror ftp://example.org/: expected an http"),
    (["--from", "/nonexistent/stick"], "--from /nonexistent/stick: not a folder"),
    (["--from", ".", "--mirror", "http://x/"], "not allowed with argument"),
])
def test_the_command_refuses_a_bad_source(cli_cache, capsys, arguments, expected):
    assert cli.main(["data", "fetch", "mnist", *arguments]) == 2
    assert expected in one_error_line(capsys.readouterr().err)
    assert not cli_cache.exists()


def test_where_says_what_is_missing(cli_cache, capsys):
    assert cli.main(["data", "where"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"cache folder: {cli_cache}", "MNIST: not there (get it with: nnlab data fetch mnist)"]
