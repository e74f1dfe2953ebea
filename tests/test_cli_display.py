"""The window's commands without a display: a plain message and exit code 1, not Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from nnlab import cli

REPO = Path(__file__).resolve().parents[1]
WINDOW_COMMANDS = [[], ["lab"]]


def environment(**variables: str | None) -> dict[str, str]:
    """This environment without any display or Qt platform, then ``variables`` (None: unset)."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "NNLAB_TRACEBACK")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update({key: value for key, value in variables.items() if value is not None})
    return env


def unused_display() -> str:
    """An X display number no server listens on (nor, by its lock file, is about to)."""
    for number in range(990, 1100):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") \
                and not os.path.exists(f"/tmp/.X{number}-lock"):
            return f":{number}"
    pytest.skip("no unused X display number")


def nnlab(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    # a timeout, so that a window that opens after all fails the test instead of hanging it
    return subprocess.run([sys.executable, "-m", "nnlab", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland: Linux")
@pytest.mark.parametrize("args", WINDOW_COMMANDS, ids=["nnlab", "nnlab lab"])
def test_without_a_display_the_window_commands_say_so_and_exit_1(tmp_path, args):
    done = nnlab(args, environment(), tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert done.stderr == (
        "nnlab: error: no display found (DISPLAY and WAYLAND_DISPLAY are not set): start nnlab "
        "in a desktop session, or on a machine without a screen with 'xvfb-run nnlab' (the "
        "commands run, export and presets need no display)\n")
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11: Linux")
@pytest.mark.parametrize("args", WINDOW_COMMANDS, ids=["nnlab", "nnlab lab"])
def test_an_unreachable_x_server_is_named_and_exit_1(tmp_path, args):
    display = unused_display()
    done = nnlab(args, environment(DISPLAY=display), tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"nnlab: error: cannot connect to the display DISPLAY={display}: ")
    assert "'xvfb-run nnlab'" in lines[0]


def test_an_explicit_platform_is_not_checked(monkeypatch):
    """-platform or QT_QPA_PLATFORM (offscreen, vnc, ...) is the user's choice: no display
    needed, the window is started."""
    calls = []
    fake = types.ModuleType("nnlab.gui.app")
    fake.launch = lambda argv=None, **options: calls.append(argv) or 0
    monkeypatch.setitem(sys.modules, "nnlab.gui.app", fake)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert cli.main([]) == 0
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert cli.main(["-platform", "offscreen"]) == 0
    assert calls == [[], ["-platform", "offscreen"]]
    if sys.platform.startswith("linux"):  # and without either, the window is not started
        assert cli.main([]) == 1
        assert calls == [[], ["-platform", "offscreen"]]


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("xdotool") is None,
                    reason="needs xvfb-run and xdotool (Debian: xvfb, xauth, xdotool)")
def test_under_xvfb_run_the_window_opens(tmp_path):
    """What the message advises works: under xvfb-run, nnlab shows its window (found by
    xdotool, which waits for it: at most 60 s), and is then stopped."""
    script = ('"$0" -m nnlab & app=$!; '
              'timeout 60 xdotool search --sync --onlyvisible --name "^nnlab"; found=$?; '
              'kill $app; wait $app; exit $found')
    done = subprocess.run(["xvfb-run", "-a", "sh", "-c", script, sys.executable],
                          env=environment(), cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() and all(word.isdigit() for word in done.stdout.split())
    assert "nnlab: error" not in done.stderr and "Traceback" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11: Linux")
def test_export_needs_no_display_even_when_display_names_one_that_is_gone(tmp_path):
    """A headless export draws offscreen: a stale DISPLAY (an SSH session's, say) is no
    reason to fail, and the figures do not depend on the screen."""
    done = nnlab(["export", "--preset", "neuron-2-2", "--out", "figures", "--width", "300"],
                 environment(DISPLAY=unused_display()), tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert (tmp_path / "figures" / "dashboard.png").stat().st_size > 0
