"""PySide6.QtGui as PyInstaller's own hook collects it, less the Qt plugins a desktop nnlab
never loads. Leaving them out here, before PyInstaller looks for the libraries each plugin
needs, leaves those libraries out too:

* platforms for embedded devices and remote screens (vnc, eglfs, linuxfb, minimalegl,
  vkkhrdisplay) and eglfs' device integrations; vnc and the TUIO touch input bring QtNetwork
  and Kerberos;
* the GTK 3 platform theme: it loads the system's GTK, which must not meet the cairo and
  pango PyInstaller would copy from the build machine; without it Qt draws its own dialogs
  (or asks the desktop portal).

The window needs xcb or wayland, the exports and the smoke test offscreen: those stay.
"""

import os

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGINS = {
    "platforms": {"qvnc", "qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay"},
    "generic": {"qtuiotouchplugin"},
    "platformthemes": {"qgtk3"},
}
UNUSED_PLUGIN_FOLDERS = {"egldeviceintegrations"}


def plugin_name(path: str) -> str:
    """``libqvnc.so`` (Linux), ``libqvnc.dylib`` (macOS), ``qvnc.dll`` (Windows): ``qvnc``."""
    return os.path.basename(path).split(".")[0].removeprefix("lib")


def wanted(source: str, destination: str) -> bool:
    folder = os.path.basename(os.path.normpath(destination))
    if folder in UNUSED_PLUGIN_FOLDERS:
        return False
    return plugin_name(source) not in UNUSED_PLUGINS.get(folder, set())


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(source, destination) for source, destination in binaries
            if wanted(source, destination)]
