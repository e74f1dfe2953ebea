"""The build step pyproject.toml cannot declare: the interface's translations, compiled.

``resources/translations/nnlab_<language>.ts`` (the sources translators edit) are compiled
with ``pyside6-lrelease`` into ``nnlab/gui/translations/nnlab_<language>.qm``, which the
application loads. They are compiled in every build (a wheel, ``pip install .`` and
``pip install -e .``), so no compiled file is kept in the repository.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SOURCES = ROOT / "resources" / "translations"
PACKAGE_FOLDER = Path("nnlab", "gui", "translations")


def lrelease() -> str:
    """PySide6's lrelease (a build requirement): on the PATH of the build environment, or
    next to this interpreter."""
    found = shutil.which("pyside6-lrelease")
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if found is None and beside.exists():
        found = str(beside)
    if found is None:
        raise RuntimeError("pyside6-lrelease not found: install PySide6-Essentials to build nnlab")
    return found


def compile_translations(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(SOURCES.glob("nnlab_*.ts")):
        compiled = target / (source.stem + ".qm")
        subprocess.run([lrelease(), "-silent", str(source), "-qm", str(compiled)], check=True)
        written.append(compiled)
    return written


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        # an editable install runs the package from the source tree: the files go there
        folder = ROOT if self.editable_mode else Path(self.build_lib)
        compile_translations(folder / PACKAGE_FOLDER)


setup(cmdclass={"build_py": BuildWithTranslations})
