"""Draw the application icon with Qt and write ``resources/icons/fibre-workbench.{png,ico}``.

Run once when the design changes (the results are committed):

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py

The design: a rounded green square (biomass), three curved light fibres crossing it,
and a small bar chart (measurement and suitability). The Windows ``.ico`` holds PNG
images at the sizes Windows asks for (16-256 px); it is assembled here by hand because
Qt's ICO writer stores a single size only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """The icon drawn at ``size`` x ``size`` pixels (transparent background)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256.0, size / 256.0)  # draw on a 256-unit canvas

    gradient = QLinearGradient(QPointF(0, 0), QPointF(256, 256))
    gradient.setColorAt(0.0, QColor("#3f8f4f"))
    gradient.setColorAt(1.0, QColor("#1f5a3a"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)

    fibres = (
        ((28, 196), (90, 40), (160, 230), (228, 70), "#f3e7c9"),
        ((28, 120), (100, 200), (150, 20), (228, 150), "#e2c98f"),
        ((40, 60), (120, 110), (140, 170), (220, 210), "#fff8e6"),
    )
    for start, c1, c2, end, colour in fibres:
        path = QPainterPath(QPointF(*start))
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*end))
        pen = QPen(QColor(colour), 14 if size >= 32 else 20)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)

    # a small bar chart in the lower right corner on a light tile
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(255, 255, 255))
    p.drawRoundedRect(QRectF(140, 140, 96, 96), 18, 18)
    p.setBrush(QColor("#1f5a3a"))
    for i, height in enumerate((30, 52, 70)):
        p.drawRoundedRect(QRectF(154 + i * 24, 222 - height, 16, height), 4, 4)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image encoded as PNG (Qt's built-in writer)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico with one PNG-compressed image per size (ICONDIR + ICONDIRENTRY)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries = b""
    payload = b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        payload += data
    return header + entries + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in ICO_SIZES}
    (OUT_DIR / "fibre-workbench.png").write_bytes(pngs[256])
    (OUT_DIR / "fibre-workbench.ico").write_bytes(ico_bytes(pngs))
    print(f"Wrote {OUT_DIR / 'fibre-workbench.png'} and {OUT_DIR / 'fibre-workbench.ico'}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
