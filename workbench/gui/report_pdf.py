"""Turning the HTML report into a PDF with Qt's text renderer (works headless).

The core builds the report (``workbench.report.html_report``); this module only lays
it out on A4 pages. Plots arrive as SVG and are rasterised with Qt's SVG renderer at
print resolution, so the PDF needs no browser and no extra dependency. A
QGuiApplication is created on the offscreen platform when none exists, which lets
the CLI write PDFs on machines without a display.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication


def _ensure_app() -> QGuiApplication:
    """The running application, or a new one on the offscreen platform.

    A full QApplication (not a QGuiApplication) is created so that widgets can still be
    made later in the same process (the GUI, or tests), which Qt cannot do once a
    QGuiApplication exists.
    """
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def _svg_to_image(svg: str, scale: float = 2.0) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def write_pdf(build_html, out: str | Path) -> None:
    """Render ``build_html(embed)`` into a PDF at ``out`` (written atomically).

    ``build_html`` is called with an image-embedding callback so that the HTML refers
    to plot images registered as document resources.
    """
    _ensure_app()
    doc = QTextDocument()
    images: dict[str, QImage] = {}

    def embed(svg: str, ident: str) -> str:
        images[ident] = _svg_to_image(svg)
        return f'<img src="{ident}" width="560"/>'

    html = build_html(embed)
    for ident, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(ident), image)
    doc.setHtml(html)
    out = Path(out)
    tmp = out.with_name(f".{out.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    writer.setTitle("Fibre Workbench report")
    writer.setCreator("Fibre Workbench")
    doc.print_(writer)  # paginates without splitting lines or table rows
    del writer
    os.replace(tmp, out)
