"""The build steps pyproject.toml cannot declare: the interface's translations, compiled, and
the desktop files, copied into the package.

``resources/translations/nnlab_<language>.ts`` (the sources translators edit) are compiled
with ``pyside6-lrelease`` into ``nnlab/gui/translations/nnlab_<language>.qm``, which the
application loads. The application icon (``resources/icons``: the SVG and its PNGs) and the
Linux desktop entry and AppStream metainfo (``packaging/linux``) are copied into
``nnlab/desktop/``: the windows' icon and ``nnlab --install-desktop-entry`` take them from
there. Both happen in every build (a wheel, ``pip install .`` and ``pip install -e .``), so
no generated file is kept in the package's folder in the repository.
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
DESKTOP_SOURCES = (
    (ROOT / "resources" / "icons", ("nnlab.svg", "nnlab-*.png")),
    (ROOT / "packaging" / "linux", ("*.desktop", "*.metainfo.xml")),
)
DESKTOP_FOLDER = Path("nnlab", "desktop")


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


def copy_desktop_files(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for folder, patterns in DESKTOP_SOURCES:
        for pattern in patterns:
            sources = sorted(folder.glob(pattern))
            if not sources:
                raise RuntimeError(f"no {pattern} in {folder.relative_to(ROOT)}: the build "
                                   "needs it for the desktop files")
            for source in sources:
                written.append(Path(shutil.copyfile(source, target / source.name)))
    return written


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        # an editable install runs the package from the source tree: the files go there
        folder = ROOT if self.editable_mode else Path(self.build_lib)
        compile_translations(folder / PACKAGE_FOLDER)
        copy_desktop_files(folder / DESKTOP_FOLDER)


setup(cmdclass={"build_py": BuildWithTranslations})
