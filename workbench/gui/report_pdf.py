"""Laying the HTML report out on A4 pages with Qt's text renderer (works headless).

The core builds the report (``workbench.report.html_report``); this module lays it out
once and then paints those same pages into the PDF or into pictures (the screenshot
suite, tests), so a page count or a look at a page is the PDF's own. Text breaks only
between words (never inside one), each page carries a footer with its number, and plots
arrive as SVG and are drawn as vectors by Qt's SVG renderer, so the PDF needs no
browser and no extra dependency. A QApplication is created on the offscreen platform
when none exists, which lets the CLI write PDFs on machines without a display; all of
it may run on a worker thread (the window saves reports in the background).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from workbench.fileio import atomic_write_bytes

RESOLUTION = 1200  # dots per inch of the layout: the PDF's own
MARGINS_MM = QMarginsF(18, 14, 18, 10)  # left, top, right, bottom of the printable area
FOOTER_MM = 8.0  # the page number's band at the bottom of the printable area


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


PLOT_WIDTH = 320  # in 96-dpi pixels (85 mm): two plots side by side on a page


class PlotObject(QPyTextObject):
    """Draws the report's images, its plots, from their SVG as vectors (it takes the place
    of Qt's image handler): the PDF stays sharp and small, and no picture has to be
    rasterised or compressed while a page is painted."""

    def __init__(self, parent: QObject, scale: float) -> None:
        super().__init__(parent)
        self.scale = scale  # device pixels per 96-dpi pixel
        self.renderers: dict[str, QSvgRenderer] = {}

    def add(self, ident: str, svg: str) -> None:
        self.renderers[ident] = QSvgRenderer(QByteArray(svg.encode("utf-8")), self)

    def intrinsicSize(self, doc, position, fmt) -> QSizeF:
        renderer = self.renderers.get(fmt.toImageFormat().name())
        if renderer is None:
            return QSizeF(0, 0)
        size = renderer.defaultSize()
        width = PLOT_WIDTH * self.scale
        return QSizeF(width, width * size.height() / max(size.width(), 1))

    def drawObject(self, painter, rect, doc, position, fmt) -> None:
        renderer = self.renderers.get(fmt.toImageFormat().name())
        if renderer is not None:
            renderer.render(painter, rect)


def _page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _writer(target: str | QIODevice) -> QPdfWriter:
    writer = QPdfWriter(target)
    writer.setPageLayout(_page_layout())
    writer.setResolution(RESOLUTION)
    writer.setCreator("Fibre Workbench")
    return writer


class ReportDocument:
    """The report laid out on A4 pages: count them, paint them into a PDF or pictures.

    Each section (``html_report.report_sections``: the overview, one per sample) is a
    document of its own that starts on a new page, so no single call into Qt's text
    layout works on the whole report: on a worker thread the window stays responsive.
    """

    def __init__(
        self,
        build_sections: Callable[[Callable[[str, str], str]], list[str]],
        title: str = "",
        lang: str = "en",
    ) -> None:
        _ensure_app()
        self.title = title
        self.lang = lang  # of the page footer ("page 2 of 5")
        self._buffer = QBuffer()
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._device = _writer(self._buffer)  # the layout's metrics are the PDF's
        paint = _page_layout().paintRectPixels(RESOLUTION)
        self.page_width = float(paint.width())
        self.footer = FOOTER_MM / 25.4 * RESOLUTION
        self.page_height = float(paint.height()) - self.footer
        self.plots = PlotObject(None, RESOLUTION / 96)

        def embed(svg: str, ident: str) -> str:
            self.plots.add(ident, svg)
            return f'<img src="{ident}" width="{PLOT_WIDTH}"/>'

        self.docs = [self._section(html) for html in build_sections(embed)]
        self.starts: list[int] = []  # the first page of each section
        total = 0
        for doc in self.docs:
            self.starts.append(total)
            total += doc.pageCount()
        self._pages = total

    def _section(self, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self._device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)  # never inside a word
        doc.setDefaultTextOption(option)
        doc.setDocumentMargin(0)
        doc.documentLayout().registerHandler(QTextFormat.ObjectTypes.ImageObject, self.plots)
        doc.setHtml(html)
        doc.setPageSize(QSizeF(self.page_width, self.page_height))
        # Block by block: each step is a short call into Qt, so a report laid out on a
        # worker thread never holds Python's lock for long (the whole layout in one call
        # kept the window's event loop waiting 0.3 s).
        layout = doc.documentLayout()
        block = doc.begin()
        while block.isValid():
            layout.blockBoundingRect(block)
            block = block.next()
        return doc

    def page_count(self) -> int:
        return self._pages

    def _locate(self, page: int) -> tuple[QTextDocument, int]:
        """The section showing ``page`` and the page's number within it."""
        index = max(i for i, start in enumerate(self.starts) if start <= page)
        return self.docs[index], page - self.starts[index]

    # -- painting ----------------------------------------------------------------------------
    def _paint_page(self, painter: QPainter, page: int) -> None:
        doc, local = self._locate(page)
        painter.save()
        painter.translate(0, -local * self.page_height)
        doc.drawContents(
            painter, QRectF(0, local * self.page_height, self.page_width, self.page_height)
        )
        painter.restore()
        font = QFont(doc.defaultFont())
        font.setPointSizeF(7.5)
        painter.setFont(font)
        painter.setPen(QColor("#666666"))
        from workbench.report.strings import text

        words = text("page", self.lang, page + 1, self.page_count())
        band = QRectF(0, self.page_height, self.page_width, self.footer)
        painter.drawText(
            band, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), self.title
        )
        painter.drawText(
            band, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), words
        )

    def write_pdf(self, out: str | Path) -> None:
        """Write the pages to ``out`` atomically (a complete file or none)."""
        # painted in memory, then written like every file (atomically, through links,
        # a full disk said in one line): Qt's own file writing reports no errors
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = _writer(buffer)
        writer.setTitle(self.title or "Fibre Workbench report")
        painter = QPainter(writer)
        try:
            for page in range(self.page_count()):
                if page:
                    writer.newPage()
                self._paint_page(painter, page)
        finally:
            painter.end()
            del writer
        buffer.close()
        atomic_write_bytes(Path(out), bytes(buffer.data()))

    def render_page(self, page: int, dpi: int = 80) -> QImage:
        """One whole A4 page (margins included) as a picture at ``dpi``."""
        layout = _page_layout()
        full = layout.fullRectPixels(dpi)
        image = QImage(full.width(), full.height(), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        dots_per_metre = round(RESOLUTION / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)  # fonts resolve as on the PDF ...
        image.setDotsPerMeterY(dots_per_metre)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(dpi / RESOLUTION, dpi / RESOLUTION)  # ... and are scaled down here
        margins = layout.marginsPixels(RESOLUTION)
        painter.translate(QPointF(margins.left(), margins.top()))
        self._paint_page(painter, page)
        painter.end()
        return image

    # -- reading the layout (tests, screenshot suite) ---------------------------------------
    def lines(self) -> Iterator[tuple[int, str, bool]]:
        """(page, text, wrapped) of every laid-out line; ``wrapped`` when the next line
        continues the same paragraph (a soft line break)."""
        for doc, start in zip(self.docs, self.starts):
            layout = doc.documentLayout()
            block = doc.begin()
            while block.isValid():
                top = layout.blockBoundingRect(block).top()
                text_layout = block.layout()
                content = block.text()
                n = text_layout.lineCount()
                for i in range(n):
                    line = text_layout.lineAt(i)
                    page = start + int((top + line.y()) // self.page_height)
                    piece = content[line.textStart() : line.textStart() + line.textLength()]
                    yield page, piece, i < n - 1
                block = block.next()

    def page_text(self, page: int) -> str:
        return "\n".join(t for p, t, _w in self.lines() if p == page)


def render_pages(document: ReportDocument, dpi: int = 80) -> list[QImage]:
    """Every page of ``document`` as a picture."""
    return [document.render_page(page, dpi) for page in range(document.page_count())]
