"""Shared test set-up: run Qt without a display and keep the user's settings untouched."""

import os
import tempfile

# Before anything imports Qt: the suite runs headless (CI, SSH) unless the caller chose a
# platform, e.g. QT_QPA_PLATFORM=xcb under Xvfb for screenshots.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# QSettings (organisation and application "nnlab") writes below XDG_CONFIG_HOME on Linux;
# tests must neither read a developer's saved settings nor overwrite them. Qt reads the
# variable once, so it is set here, before the first QSettings, for the whole session.
_settings_home = tempfile.TemporaryDirectory(prefix="nnlab-test-config-")
os.environ["XDG_CONFIG_HOME"] = _settings_home.name
