"""The layering rule of DESIGN.md, enforced: dependency arrows point down only.

- ``nnlab.core`` imports NumPy and the standard library: never Qt, pyqtgraph or the layers above.
- ``nnlab.app`` may use QtCore, but not QtGui, QtWidgets, pyqtgraph or ``nnlab.gui``.

Each rule is checked twice: statically (every import statement in every file, also those inside
functions) and dynamically (importing every module in a fresh interpreter must not load Qt).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parents[1] / "nnlab"
CORE_DIR = PACKAGE_DIR / "core"
APP_DIR = PACKAGE_DIR / "app"

QT_BINDINGS = ("PySide6", "PySide2", "PyQt6", "PyQt5", "shiboken6", "shiboken2", "sip", "qtpy")
PLOTTING = ("pyqtgraph",)


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    module: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.module}"


def imported_modules(source: str, module_name: str) -> list[tuple[int, str]]:
    """Every module ``source`` imports, as ``(line, dotted name)``, wherever the import stands.

    ``from a import b`` yields both ``a`` and ``a.b`` (``b`` may be a sub-module); relative
    imports are resolved against ``module_name``; ``importlib.import_module("x")`` and
    ``__import__("x")`` with a literal name count too.
    """
    package_parts = module_name.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package_parts[: len(package_parts) - (node.level - 1)]
                base = ".".join([*base_parts, *([node.module] if node.module else [])])
            else:
                base = node.module or ""
            found.append((node.lineno, base))
            found.extend(
                (node.lineno, f"{base}.{alias.name}") for alias in node.names if alias.name != "*"
            )
        elif isinstance(node, ast.Call) and node.args:
            function = node.func
            if isinstance(function, ast.Attribute):
                name = function.attr
            else:
                name = getattr(function, "id", None)
            first = node.args[0]
            if name in ("import_module", "__import__") and isinstance(first, ast.Constant):
                if isinstance(first.value, str):
                    found.append((node.lineno, first.value))
    return found


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def core_violation(module: str) -> bool:
    """True if ``nnlab.core`` must not import ``module``."""
    return _within(module, QT_BINDINGS + PLOTTING + ("nnlab.app", "nnlab.gui", "nnlab.cli"))


def app_violation(module: str) -> bool:
    """True if ``nnlab.app`` must not import ``module`` (of Qt, only QtCore is allowed)."""
    if module in ("PySide6", "PySide6.QtCore") or module.startswith("PySide6.QtCore."):
        return False
    return _within(module, QT_BINDINGS + PLOTTING + ("nnlab.gui", "nnlab.cli"))


def check_source(source: str, module_name: str, path: str, forbidden) -> list[Violation]:
    return [
        Violation(path, line, module)
        for line, module in imported_modules(source, module_name)
        if forbidden(module)
    ]


def python_files(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.py"))


def module_name_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
        parts.append("__init__")  # so that relative imports resolve against the package itself
    return ".".join(parts)


def check_directory(directory: Path, forbidden) -> list[Violation]:
    violations = []
    for path in python_files(directory):
        violations += check_source(
            path.read_text(encoding="utf-8"),
            module_name_of(path),
            str(path.relative_to(PACKAGE_DIR.parent)),
            forbidden,
        )
    return violations


# --- the checker itself can fail ------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "from PySide6.QtWidgets import QWidget",
        "from PySide6 import QtCore",
        "import pyqtgraph as pg",
        "import shiboken6",
        "from PyQt5 import QtGui",
        "def plot():\n    import pyqtgraph\n",
        "class A:\n    def f(self):\n        if True:\n            from PySide6 import QtGui\n",
        "try:\n    import PyQt6.QtCore\nexcept ImportError:\n    pass\n",
        "import importlib\nqt = importlib.import_module('PySide6.QtCore')",
        "qt = __import__('PySide6')",
        "from ..gui import main_window",
        "from nnlab.app import worker",
    ],
)
def test_core_checker_flags_forbidden_imports(source):
    violations = check_source(source, "nnlab.core.network", "sample.py", core_violation)
    assert violations, f"the checker missed a forbidden import in:\n{source}"


def test_core_checker_accepts_numpy_stdlib_and_core():
    source = textwrap.dedent(
        """
        import math
        import numpy as np
        import tomllib
        from dataclasses import dataclass
        from . import activations
        from .costs import make_cost
        from nnlab.core.network import Network
        def later():
            import tomli_w
        """
    )
    assert check_source(source, "nnlab.core.experiment", "sample.py", core_violation) == []


def test_relative_imports_resolve_against_the_module():
    found = {name for _, name in imported_modules("from ..gui import plots", "nnlab.core.network")}
    assert "nnlab.gui" in found
    found = {name for _, name in imported_modules("from . import costs", "nnlab.core.__init__")}
    assert "nnlab.core.costs" in found


@pytest.mark.parametrize(
    "source",
    [
        "from PySide6 import QtWidgets",
        "from PySide6.QtGui import QColor",
        "import PySide6.QtWidgets",
        "import pyqtgraph",
        "from PyQt6.QtCore import QObject",
        "from nnlab.gui.main_window import MainWindow",
        "def f():\n    from PySide6 import QtCore, QtGui\n",
    ],
)
def test_app_checker_flags_gui_imports(source):
    assert check_source(source, "nnlab.app.worker", "sample.py", app_violation)


def test_app_checker_accepts_qtcore_and_core():
    source = textwrap.dedent(
        """
        from PySide6 import QtCore
        from PySide6.QtCore import QObject, QThread, Signal
        import PySide6.QtCore
        from nnlab.core.training import train_network
        from ..core import datasets
        """
    )
    assert check_source(source, "nnlab.app.worker", "sample.py", app_violation) == []


# --- the rules hold for the real package ----------------------------------------------------


def test_core_has_modules_to_check():
    # Guards against the rule passing vacuously because the files moved.
    assert len(python_files(CORE_DIR)) >= 2


def test_core_imports_no_qt_no_pyqtgraph_no_upper_layer():
    violations = check_directory(CORE_DIR, core_violation)
    assert not violations, "nnlab/core must stay pure NumPy:\n" + "\n".join(map(str, violations))


def test_app_imports_qtcore_only():
    assert APP_DIR.is_dir()
    violations = check_directory(APP_DIR, app_violation)
    assert not violations, "nnlab/app may use QtCore only:\n" + "\n".join(map(str, violations))


_IMPORT_ALL_AND_REPORT = """
import importlib, json, pkgutil, sys
package = importlib.import_module(sys.argv[1])
names = [package.__name__]
for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(info.name)  # an import error fails the test, with its traceback
    names.append(info.name)
print(json.dumps({"imported": names, "loaded": sorted(sys.modules)}))
"""


def import_all_in_fresh_interpreter(package: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL_AND_REPORT, package],
        cwd=PACKAGE_DIR.parent,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_importing_all_of_core_loads_no_qt():
    report = import_all_in_fresh_interpreter("nnlab.core")
    expected = {module_name_of(path).removesuffix(".__init__") for path in python_files(CORE_DIR)}
    assert expected <= set(report["imported"]), "pkgutil missed core modules"
    loaded = [name for name in report["loaded"] if _within(name, QT_BINDINGS + PLOTTING)]
    assert loaded == [], f"importing nnlab.core loaded {loaded}"


def gui_module(name: str) -> bool:
    """True for a loaded module that only GUI code needs (QtCore and shiboken are fine)."""
    if name.startswith("PySide6.Qt"):
        return name != "PySide6.QtCore" and not name.startswith("PySide6.QtCore.")
    return _within(name, ("PySide2", "PyQt5", "PyQt6", "qtpy", "nnlab.gui") + PLOTTING)


def test_importing_all_of_app_loads_no_gui_modules():
    report = import_all_in_fresh_interpreter("nnlab.app")
    loaded = [name for name in report["loaded"] if gui_module(name)]
    assert loaded == [], f"importing nnlab.app loaded {loaded}"


@pytest.mark.parametrize("user_value, expected", [(None, "1"), ("3", "3")])
def test_importing_nnlab_keeps_blas_to_one_thread_unless_the_user_chose(user_value, expected):
    """One BLAS thread: its busy-waiting helpers took the processor from the GUI thread. The
    setting must come before NumPy loads its BLAS, i.e. with the package itself."""
    import os

    env = {name: value for name, value in os.environ.items()
           if name not in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
    if user_value is not None:
        env["OPENBLAS_NUM_THREADS"] = user_value
    code = ("import os, sys, nnlab; assert 'numpy' not in sys.modules; "
            "print(os.environ['OPENBLAS_NUM_THREADS'], os.environ['MKL_NUM_THREADS'])")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, cwd=PACKAGE_DIR.parent, check=True)
    assert result.stdout.split() == [expected, "1"]
