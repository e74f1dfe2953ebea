"""Built-in experiments, shipped as TOML files in ``nnlab/core/presets/`` (package data).

A preset's name is its file name without ``.toml``; each file also carries the same ``name``
and a one-line ``description``, so a preset copied out of the package is still self-describing.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from .experiment import Experiment, ExperimentError, parse_toml
from .text import Message, QT_TRANSLATE_NOOP

_SUFFIX = ".toml"


def _preset_files() -> dict[str, Traversable]:
    folder = resources.files("nnlab.core").joinpath("presets")
    files = {}
    for entry in folder.iterdir():
        if entry.is_file() and entry.name.endswith(_SUFFIX):
            files[entry.name[: -len(_SUFFIX)]] = entry
    return dict(sorted(files.items()))


def preset_names() -> list[str]:
    """The names of all presets, sorted."""
    return list(_preset_files())


def list_presets() -> list[tuple[str, str]]:
    """(name, one-line description) of every preset, sorted by name."""
    return [(name, load_preset(name).description) for name in _preset_files()]


def preset_text(name: str) -> str:
    """The TOML text of a preset, e.g. to save it as a starting point for a new experiment."""
    files = _preset_files()
    if name not in files:
        if not files:
            raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
                "core", "unknown preset %1 (available: none installed)"), repr(name)))
        raise ExperimentError(Message.of(QT_TRANSLATE_NOOP(
            "core", "unknown preset %1 (available: %2)"), repr(name), ", ".join(files)))
    return files[name].read_text(encoding="utf-8")


def load_preset(name: str) -> Experiment:
    """The checked :class:`Experiment` of the preset ``name``; an unknown name raises
    :class:`ExperimentError` listing the available ones."""
    return parse_toml(preset_text(name), source=f"preset {name}")
