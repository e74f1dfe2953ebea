"""The import contracts of pyproject.toml ([tool.importlinter]), checked with import-linter:
the layers (entry points over gui over app over core), core without Qt, app without
pyqtgraph, a lesson never importing another, and the GUI's own layers (the course window over
the lessons over what every lesson shares; shared code never imports a lesson).

The contracts hold for the package, and they fail when broken: a copy of the package with a
forbidden import added is checked with the same contracts."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True))")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """import-linter with the contracts of ``root``/pyproject.toml, on the package in
    ``root`` (first on the path, before an installed nnlab)."""
    return subprocess.run(
        [sys.executable, "-c", LINT], cwd=root, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(root), "NO_COLOR": "1"})


def plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def contract_lines(output: str) -> dict[str, str]:
    """Contract name → "KEPT" or "BROKEN", from import-linter's report."""
    found = {}
    for line in plain(output).splitlines():
        match = re.match(r"^(.*\S)\s+(KEPT|BROKEN)$", line.strip())
        if match:
            found[match.group(1)] = match.group(2)
    return found


def test_every_contract_holds_for_the_package():
    done = lint_imports(ROOT)
    contracts = contract_lines(done.stdout)
    assert done.returncode == 0, plain(done.stdout + done.stderr)
    assert len(contracts) == 6 and set(contracts.values()) == {"KEPT"}, contracts


@pytest.fixture
def broken_copy(tmp_path) -> Path:
    """A copy of the package and its contracts, to break."""
    shutil.copytree(ROOT / "nnlab", tmp_path / "nnlab",
                    ignore=shutil.ignore_patterns("__pycache__", "data", "presets"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_import(root: Path, module: str, line: str) -> None:
    path = root / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_a_lesson_importing_another_breaks_its_contract(broken_copy):
    add_import(broken_copy, "nnlab.gui.lessons.neuron.page",
               "from nnlab.gui.lessons.lab.page import format_duration  # noqa")
    done = lint_imports(broken_copy)
    contracts = contract_lines(done.stdout)
    assert done.returncode != 0
    assert contracts["A lesson never imports another lesson"] == "BROKEN"
    assert "nnlab.gui.lessons.neuron.page -> nnlab.gui.lessons.lab.page" in plain(done.stdout)


def test_core_importing_qt_breaks_its_contract(broken_copy):
    add_import(broken_copy, "nnlab.core.costs", "from PySide6.QtCore import QObject  # noqa")
    done = lint_imports(broken_copy)
    contracts = contract_lines(done.stdout)
    assert done.returncode != 0
    assert contracts["core is NumPy and the standard library: no Qt, no pyqtgraph"] == "BROKEN"
    assert "nnlab.core.costs -> PySide6" in plain(done.stdout)


def test_shared_view_code_importing_a_lesson_breaks_the_gui_layers(broken_copy):
    add_import(broken_copy, "nnlab.gui.views.base",
               "from nnlab.gui.lessons.neuron.views import notation  # noqa")
    done = lint_imports(broken_copy)
    contracts = contract_lines(done.stdout)
    assert done.returncode != 0
    name = ("The GUI's layers: the course window over the lessons over what every lesson "
            "shares")
    assert contracts[name] == "BROKEN"
    assert "nnlab.gui.views.base -> nnlab.gui.lessons.neuron.views" in plain(done.stdout)


def test_the_training_process_loop_importing_qt_breaks_its_contract(broken_copy):
    # through app.session, which imports QtCore: an indirect import counts too
    add_import(broken_copy, "nnlab.app.trainer", "from nnlab.app import session  # noqa")
    done = lint_imports(broken_copy)
    contracts = contract_lines(done.stdout)
    assert done.returncode != 0
    name = ("The training process's loop imports no Qt: the process starts in a fraction "
            "of a second")
    assert contracts[name] == "BROKEN"
    assert "nnlab.app.session -> PySide6" in plain(done.stdout)
