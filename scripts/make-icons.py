"""Render nnlab's application icon, resources/icons/nnlab.svg, into the files beside it:

    nnlab-16.png ... nnlab-512.png   the sizes desktops ask for (hicolor theme, window icons)
    nnlab.ico                        Windows (16 to 256 pixels, PNG-compressed entries)
    nnlab.icns                       macOS (16 to 512 pixels and their @2x)

    python scripts/make-icons.py            write them
    python scripts/make-icons.py --check    say which differ from a fresh render (exit 1)

Run it after every change of the SVG and commit what it writes: the PNGs are rendered with
Qt's SVG renderer (PySide6, which nnlab needs anyway), so the same command works on Linux,
Windows and macOS. tests/test_desktop_integration.py checks that the files match the SVG.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: works without a display

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "nnlab.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an ICO entry can say
# The ICNS element types that hold a PNG, with the pixel size of each: icp4 ... ic09 are
# 16 ... 512 px at 1x, ic11 ... ic14 the @2x images of 16, 32, 128 and 256 points.
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
    (b"ic09", 512), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICONS / f"nnlab-{size}.png"


def render(size: int, svg: Path = SVG) -> QImage:
    """The SVG drawn into a transparent ``size`` × ``size`` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make-icons: cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file (ICONDIR, one ICONDIRENTRY per image, then the images) whose images are
    PNGs, as Windows reads them since Vista; a width or height of 256 is written as 0."""
    header = struct.pack("<HHH", 0, 1, len(pngs))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size == 256 else size
        # width, height, colours in palette, reserved, colour planes, bits per pixel,
        # size of the image's data, its offset from the start of the file
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file: the magic ``icns`` and the file's length, then elements of a four-byte
    type, a length (with its 8-byte header) and the data, big-endian."""
    elements = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                        for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def wanted_files() -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    pngs = {size: png_bytes(render(size)) for size in PNG_SIZES}
    files = {png_path(size): data for size, data in pngs.items()}
    files[ICONS / "nnlab.ico"] = ico_bytes({size: pngs[size] for size in ICO_SIZES})
    files[ICONS / "nnlab.icns"] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="write nothing; list the files that differ from a fresh render")
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (fonts)
    stale = []
    for path, data in wanted_files().items():
        if path.exists() and path.read_bytes() == data:
            continue
        stale.append(path)
        if not args.check:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ICONS.parents[1])}")
    if args.check:
        for path in stale:
            print(f"differs from nnlab.svg: {path.relative_to(ICONS.parents[1])}")
        return 1 if stale else 0
    if not stale:
        print("the icons are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
