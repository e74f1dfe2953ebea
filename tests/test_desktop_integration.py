"""nnlab on a Linux desktop: the application icon, the desktop entry and the AppStream
metainfo of packaging/linux, checked with the validators distributions and software centres
use (desktop-file-validate, appstreamcli); ``nnlab --install-desktop-entry`` and
``--uninstall-desktop-entry`` into a folder of the test's own; and the running application's
icon and desktop file name.

The validators come from the Debian packages desktop-file-utils and appstream, which
scripts/install-debian-deps installs: without them these tests fail (they do not skip), so CI
cannot pass without checking the files.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import textwrap
import zlib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage, QImageReader

import nnlab
from nnlab import desktop_entry
from nnlab.cli import main
from nnlab.desktop_entry import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
DESKTOP_FILE = LINUX / f"{APPLICATION_ID}.desktop"
METAINFO = LINUX / f"{APPLICATION_ID}.metainfo.xml"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LANGUAGES = ("zh_CN", "zh_TW")


def tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing (Debian package {package}): run "
                    "scripts/install-debian-deps, which installs what the test suite needs")
    return found


def desktop_file_validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([tool("desktop-file-validate", "desktop-file-utils"), str(path)],
                          capture_output=True, text=True, timeout=60)


def appstreamcli(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([tool("appstreamcli", "appstream"), *arguments],
                          capture_output=True, text=True, timeout=60)


def problems(output: str) -> list[str]:
    """desktop-file-validate's errors and warnings. Its hints stay: "Education;Science;"
    names two main categories on purpose (the menu may list nnlab under both)."""
    return [line for line in output.splitlines() if "error:" in line or "warning:" in line]


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive: Name[zh_CN]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def unescape_string(value: str) -> str:
    """The escape rules of string values (Desktop Entry Specification, "Possible value
    types"): \\s \\n \\t \\r \\\\."""
    out, characters = [], iter(value)
    for c in characters:
        if c == "\\":
            following = next(characters)
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[following])
        else:
            out.append(c)
    return "".join(out)


def exec_arguments(value: str) -> list[str]:
    """The arguments an Exec value stands for ("The Exec key"): string escapes undone first,
    then the quoting (a backslash escapes " ` $ \\ inside double quotes), then %% → %."""
    text, arguments, current, quoted, started = unescape_string(value), [], [], False, False
    index = 0
    while index < len(text):
        c = text[index]
        if quoted:
            if c == "\\":
                index += 1
                assert text[index] in "\"`$\\", f"bad escape in {value!r}"
                current.append(text[index])
            elif c == '"':
                quoted = False
            else:
                current.append(c)
        elif c == '"':
            quoted = started = True
        elif c == " ":
            if started:
                arguments.append("".join(current))
            current, started = [], False
        else:
            assert c not in "\"'\\><~|&;$*?#()`", f"unquoted reserved {c!r} in {value!r}"
            current.append(c)
            started = True
        index += 1
    assert not quoted, f"unterminated quote in {value!r}"
    if started:
        arguments.append("".join(current))
    for argument in arguments:
        assert "%" not in argument.replace("%%", ""), f"a field code in {value!r}"
    return [argument.replace("%%", "%") for argument in arguments]


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, which must be whole (CRC) and RGBA."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    body = data[16:29]
    assert struct.unpack(">I", data[29:33])[0] == zlib.crc32(kind + body), "IHDR CRC"
    width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    assert (depth, colour) == (8, 6), "8-bit RGBA expected"
    return width, height


def premultiplied(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888_Premultiplied)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(),
                                                               image.bytesPerLine())
    return rows[:, :4 * image.width()].reshape(image.height(), image.width(), 4).astype(int)


# -- the files in the repository -------------------------------------------------------------

def test_the_desktop_entry_validates_and_speaks_the_three_languages():
    done = desktop_file_validate(DESKTOP_FILE)
    assert done.returncode == 0 and not problems(done.stdout + done.stderr), done.stdout
    entry = read_entry(DESKTOP_FILE)
    assert entry["Type"] == "Application" and entry["Icon"] == APPLICATION_ID
    assert {"Education", "Science"} <= set(entry["Categories"].rstrip(";").split(";"))
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        texts = [entry[key]] + [entry[f"{key}[{language}]"] for language in LANGUAGES]
        assert len(set(texts)) == 3, f"{key} must differ per language: {texts}"
    for language in LANGUAGES:
        assert "nnlab" in entry[f"Name[{language}]"]
    # the glossary's terms: 神经网络 in Simplified, 神經網路 in Traditional
    assert "神经网络" in entry["Comment[zh_CN]"] and "神經網路" in entry["Comment[zh_TW]"]


def test_the_metainfo_validates_and_names_the_same_application():
    for pedantic in ([], ["--pedantic"]):
        done = appstreamcli("validate", "--no-net", *pedantic, str(METAINFO))
        assert done.returncode == 0, done.stdout + done.stderr
        assert not [line for line in done.stdout.splitlines()
                    if line.lstrip().startswith(("E:", "W:", "I:", "P:"))], done.stdout
    component = ElementTree.parse(METAINFO).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APPLICATION_ID
    assert component.findtext("launchable[@type='desktop-id']") == f"{APPLICATION_ID}.desktop"
    assert component.find("content_rating").get("type").startswith("oars-")
    versions = [release.get("version") for release in component.iter("release")]
    assert nnlab.__version__ in versions
    assert component.find("description") is not None


def test_the_appstream_validator_is_not_a_rubber_stamp(tmp_path):
    """A metainfo with a mistake fails, so a passing validation means something."""
    broken = tmp_path / METAINFO.name
    broken.write_text(METAINFO.read_text(encoding="utf-8").replace(
        "<metadata_license>CC0-1.0</metadata_license>", ""), encoding="utf-8")
    assert appstreamcli("validate", "--no-net", str(broken)).returncode != 0


def test_every_png_is_the_svg_drawn_at_its_size():
    """The PNGs match a fresh drawing of the SVG by an independent renderer (librsvg, which
    also draws the scalable icon on GNOME): scripts/make-icons.py was run after the last
    change of the SVG."""
    rsvg = tool("rsvg-convert", "librsvg2-bin")
    for size in SIZES:
        path = ICONS / f"nnlab-{size}.png"
        assert png_size(path.read_bytes()) == (size, size), path.name
        fresh = subprocess.run([rsvg, "-w", str(size), "-h", str(size), str(ICONS / "nnlab.svg")],
                               capture_output=True, check=True, timeout=60).stdout
        difference = np.abs(premultiplied(QImage(str(path)))
                            - premultiplied(QImage.fromData(fresh)))
        assert difference.mean() < 3 and (difference > 32).mean() < 0.005, (
            f"{path.name} differs from nnlab.svg (mean {difference.mean():.2f}): run "
            "scripts/make-icons.py")


@pytest.mark.parametrize("name, sizes", [
    ("nnlab.ico", (16, 24, 32, 48, 64, 128, 256)),
    ("nnlab.icns", (16, 32, 64, 128, 256, 512, 32, 64, 256, 512)),
])
def test_the_windows_and_macos_icons_hold_the_pngs(qapp, name, sizes):
    reader = QImageReader(str(ICONS / name))
    assert reader.imageCount() == len(sizes), reader.errorString()
    for index, size in enumerate(sizes):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert (image.width(), image.height()) == (size, size)
        png = QImage(str(ICONS / f"nnlab-{size}.png"))
        assert (premultiplied(image) == premultiplied(png)).all(), f"{name}: {size} px"


def test_the_package_carries_the_current_desktop_files():
    """setup.py copies the sources into the package; a stale copy (an editable install
    built before a change) would be what the app and --install-desktop-entry use."""
    sources = [ICONS / "nnlab.svg", *(ICONS / f"nnlab-{size}.png" for size in SIZES),
               DESKTOP_FILE, METAINFO]
    for source in sources:
        packaged = desktop_entry.DESKTOP_FILES / source.name
        assert packaged.is_file() and packaged.read_bytes() == source.read_bytes(), (
            f"{packaged} is missing or stale: build nnlab again (pip install -e .)")


# -- installing and uninstalling -------------------------------------------------------------

@pytest.fixture
def data_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "root" / "usr" / "share"  # the layout appstreamcli validate-tree reads
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def installed(home: Path) -> list[Path]:
    return [home / "applications" / f"{APPLICATION_ID}.desktop",
            *(home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APPLICATION_ID}.png"
              for size in SIZES),
            home / "icons" / "hicolor" / "scalable" / "apps" / f"{APPLICATION_ID}.svg",
            home / "metainfo" / f"{APPLICATION_ID}.metainfo.xml"]


def tree(folder: Path) -> dict[str, bytes | None]:
    return {str(path.relative_to(folder)): path.read_bytes() if path.is_file() else None
            for path in sorted(folder.rglob("*"))}


def test_install_and_uninstall_round_trip(data_home, capsys):
    # files of other programs, in the same folders: uninstalling leaves them
    others = [data_home / "applications" / "other.desktop",
              data_home / "icons" / "hicolor" / "16x16" / "apps" / "other.png"]
    for path in others:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("someone else's")

    assert main(["--install-desktop-entry"]) == 0
    said = capsys.readouterr().out
    for path in installed(data_home):
        assert path.is_file() and f"wrote {path}" in said

    entry_path = installed(data_home)[0]
    done = desktop_file_validate(entry_path)
    assert done.returncode == 0 and not problems(done.stdout + done.stderr), done.stdout
    tree_check = appstreamcli("validate-tree", "--no-net", str(data_home.parents[1]))
    assert tree_check.returncode == 0, tree_check.stdout + tree_check.stderr
    entry = read_entry(entry_path)
    command = exec_arguments(entry["Exec"])
    assert os.path.isabs(command[0]) and os.access(command[0], os.X_OK)
    assert unescape_string(entry["TryExec"]) == command[0]
    ran = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0 and ran.stdout.split() == ["nnlab", nnlab.__version__]
    # the rest of the entry is packaging/linux's
    source = read_entry(DESKTOP_FILE)
    assert {k: v for k, v in entry.items() if k not in ("Exec", "TryExec")} == \
        {k: v for k, v in source.items() if k not in ("Exec", "TryExec")}
    for size, path in zip(SIZES, installed(data_home)[1:]):
        assert png_size(path.read_bytes()) == (size, size), path
    assert installed(data_home)[-2].read_bytes() == (ICONS / "nnlab.svg").read_bytes()
    assert installed(data_home)[-1].read_bytes() == METAINFO.read_bytes()

    assert main(["--install-desktop-entry"]) == 0  # again: replaces, no complaint
    capsys.readouterr()

    before_uninstall = tree(data_home)
    assert main(["--uninstall-desktop-entry"]) == 0
    said = capsys.readouterr().out
    for path in installed(data_home):
        assert not path.exists() and f"removed {path}" in said
    after = tree(data_home)
    assert set(before_uninstall) - set(after) == \
        {str(path.relative_to(data_home)) for path in installed(data_home)}
    for path in others:
        assert path.read_text() == "someone else's"

    assert main(["--uninstall-desktop-entry"]) == 0  # again: nothing to remove, said so
    assert "nothing to remove" in capsys.readouterr().out
    assert tree(data_home) == after


def test_caches_are_refreshed_only_where_they_exist_and_never_fail_the_install(
        data_home, tmp_path, monkeypatch, capsys):
    """gtk-update-icon-cache and update-desktop-database run when their cache is there (made
    anew, a cache would be a file nobody removes); a failing one is a note, not a failure.
    Stand-ins on PATH record their calls: the real tools need not be installed."""
    tools = tmp_path / "bin"
    tools.mkdir()
    calls = tmp_path / "calls"
    for name, code in (("gtk-update-icon-cache", 0), ("update-desktop-database", 3)):
        (tools / name).write_text(f'#!/bin/sh\necho "{name} $*" >> "{calls}"\n'
                                  f'echo "{name} broke" >&2\nexit {code}\n')
        (tools / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")

    assert main(["--install-desktop-entry"]) == 0
    assert not calls.exists()  # no cache yet: nothing to run
    assert not (data_home / "icons" / "hicolor" / "icon-theme.cache").exists()
    assert not (data_home / "applications" / "mimeinfo.cache").exists()

    (data_home / "icons" / "hicolor" / "icon-theme.cache").write_bytes(b"")
    (data_home / "applications" / "mimeinfo.cache").write_bytes(b"")
    capsys.readouterr()
    assert main(["--install-desktop-entry"]) == 0
    said = capsys.readouterr().out
    ran = calls.read_text().splitlines()
    assert any(line.startswith("gtk-update-icon-cache") and
               line.endswith(str(data_home / "icons" / "hicolor")) for line in ran)
    assert any(line.startswith("update-desktop-database") and
               line.endswith(str(data_home / "applications")) for line in ran)
    assert "note: update-desktop-database failed (update-desktop-database broke)" in said
    assert main(["--uninstall-desktop-entry"]) == 0
    assert len(calls.read_text().splitlines()) == 4  # both again after removing


def test_the_entry_runs_this_installation(tmp_path, monkeypatch):
    """The nnlab script beside the interpreter (a virtual environment), else the
    interpreter with -m nnlab (e.g. pip install --user), a frozen build's own program."""
    python = tmp_path / "bin" / "python3"
    python.parent.mkdir()
    python.write_text("")
    monkeypatch.setattr(sys, "executable", str(python))
    assert desktop_entry.launch_command() == [str(python), "-m", "nnlab"]
    script = python.parent / "nnlab"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    assert desktop_entry.launch_command() == [str(script)]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert desktop_entry.launch_command() == [str(python)]


@pytest.mark.parametrize("folder", [
    "my programs",             # a space
    "dollar $HOME (x) & y",    # shell characters
    "100% sure; it's",         # a field code's %, a quote
    'say "hi" `now`',          # characters escaped inside quotes
    "back\\slash",             # doubly escaped in the file
    "中文 文件夹",               # UTF-8
])
def test_exec_runs_this_nnlab_from_any_folder_name(tmp_path, folder):
    """Exec and TryExec quote and escape a path as the specification says: the entry
    validates, and its command, read back by the specification's rules, runs nnlab."""
    program = tmp_path / folder / "nnlab"
    program.parent.mkdir()
    program.symlink_to(Path(sys.executable).parent / "nnlab"
                       if (Path(sys.executable).parent / "nnlab").exists() else sys.executable)
    command = [str(program)] if program.resolve().name == "nnlab" else [str(program), "-m",
                                                                        "nnlab"]
    home = tmp_path / "share"
    desktop_entry.install(home, command)
    entry_path = home / "applications" / f"{APPLICATION_ID}.desktop"
    done = desktop_file_validate(entry_path)
    assert done.returncode == 0 and not problems(done.stdout + done.stderr), done.stdout
    entry = read_entry(entry_path)
    assert exec_arguments(entry["Exec"]) == command
    assert unescape_string(entry["TryExec"]) == command[0]
    ran = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr


def test_a_path_with_a_line_break_is_refused(tmp_path):
    with pytest.raises(desktop_entry.DesktopEntryError, match="control character"):
        desktop_entry.install(tmp_path / "share", [str(tmp_path / "a\nb" / "nnlab")])
    assert not (tmp_path / "share").exists()


@pytest.mark.parametrize("in_the_way", ["icons", f"metainfo/{APPLICATION_ID}.metainfo.xml"])
def test_a_folder_that_cannot_be_written_leaves_nothing_half_written(data_home, capsys,
                                                                     in_the_way):
    """A file where the icons' folder goes, or a folder where the metainfo (written last)
    goes: the files written before must not stay behind, nor the folders made for them."""
    data_home.mkdir(parents=True)
    if in_the_way == "icons":
        (data_home / in_the_way).write_text("not a folder")
    else:
        (data_home / in_the_way).mkdir(parents=True)
    before = tree(data_home)
    assert main(["--install-desktop-entry"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("nnlab: error: cannot install the desktop entry into "
                            f"{data_home}") and "nothing was installed" in error
    assert error.count("\n") == 1
    assert tree(data_home) == before


def test_windows_and_macos_are_told_what_to_do_instead(data_home, monkeypatch, capsys):
    for platform, advice in (("win32", "shortcut"), ("darwin", "terminal")):
        monkeypatch.setattr(sys, "platform", platform)
        for option in ("--install-desktop-entry", "--uninstall-desktop-entry"):
            assert main([option]) == 2
            error = capsys.readouterr().err
            assert "Linux and BSD" in error and advice in error
    assert not data_home.exists()


@pytest.mark.parametrize("argv", [
    ["--install-desktop-entry", "--uninstall-desktop-entry"],
    ["--install-desktop-entry", "presets"],
    ["--install-desktop-entry", "--lesson", "neuron"],
])
def test_the_options_go_alone(data_home, capsys, argv):
    assert main(argv) == 2
    assert capsys.readouterr().err.startswith("nnlab: error: ")
    assert not data_home.exists()


def test_the_command_loads_no_qt(tmp_path):
    """``nnlab --install-desktop-entry`` works where Qt cannot even load (a server, a
    broken Qt): it imports the standard library only."""
    code = textwrap.dedent("""
        import json, sys
        from nnlab.cli import main
        code = main(["--install-desktop-entry"])
        loaded = sorted(m for m in sys.modules
                        if m.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph", "numpy"))
        print(json.dumps([code, loaded]))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "XDG_DATA_HOME": str(tmp_path)})
    code, loaded = json.loads(done.stdout.splitlines()[-1])
    assert code == 0 and loaded == [], done.stderr


# -- the running application -----------------------------------------------------------------

def test_the_windows_carry_the_icon_and_the_desktop_file_name(tmp_path):
    """The application as nnlab starts it (nnlab.gui.app), in a fresh interpreter: the
    desktop file name ties its windows to the entry, and the course window has the icon."""
    code = textwrap.dedent("""
        import json
        from PySide6.QtGui import QGuiApplication
        from nnlab.gui.app import create_application
        from nnlab.gui.shell.course_window import CourseWindow

        app = create_application([], "en")
        window = CourseWindow("neuron", projector=False, remember=False)
        window.show()
        app.processEvents()
        icon = window.windowIcon()
        print(json.dumps({
            "desktop_file_name": QGuiApplication.desktopFileName(),
            "window_icon_null": icon.isNull(),
            "sizes": sorted(size.width() for size in app.windowIcon().availableSizes()),
            "pixel": icon.pixmap(16, 16).toImage().pixelColor(8, 8).name(),
        }))
        window.close()
    """)
    settings = tmp_path / "settings"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(settings),
             "XDG_CACHE_HOME": str(settings)})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["desktop_file_name"] == APPLICATION_ID
    assert not found["window_icon_null"]
    assert found["sizes"] == list(SIZES)
    expected = QImage(str(ICONS / "nnlab-16.png")).pixelColor(8, 8).name()
    assert found["pixel"] == expected
