"""Column headers written upwards, for tables with many long-named narrow columns.

The suitability matrix has a dozen product routes whose names are long, longer still in
Finnish ("Puumuovi- ja luonnonkuitukomposiitit"). Written across, each column had to be
as wide as its name's longest word: at 1366 px only four routes were in view. Written
upwards (turned a quarter, read from the bottom, as in printed matrices), a name takes
the header's height and only a line or three of the column's width, so every route fits
beside the sample names. ``RotatedHeader.fit`` sizes the header to the longest word and
each column to its wrapped name and its widest cell; the full name stays in the tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
PAD = 6  # px around the text, each side


class RotatedHeader(QHeaderView):
    """A horizontal header whose section titles are drawn upwards, word-wrapped."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self._height = self.fontMetrics().height() * 6

    def title(self, section: int) -> str:
        model = self.model()
        if model is None:
            return ""
        text = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole)
        return str(text or "")

    def _thickness(self, text: str, length: int) -> int:
        """The width a title needs when wrapped into lines ``length`` px long."""
        box = QRect(0, 0, max(length - 2 * PAD, 1), 100_000)
        return self.fontMetrics().boundingRect(box, _WRAP, text).height() + 2 * PAD

    def fit(
        self, cell_texts: Iterable[str] = (), cell_metrics=None, least: int = 120, most: int = 240
    ) -> None:
        """Header as tall as the longest word of any title, and taller until every title
        wraps onto at most two lines (within ``least`` .. ``most`` px); each column as
        wide as its wrapped title and its widest cell."""
        metrics = self.fontMetrics()
        count = self.count()
        titles = [self.title(s) for s in range(count)]
        longest = max((metrics.horizontalAdvance(w) for t in titles for w in t.split()), default=0)
        height = max(least, min(most, longest + 2 * PAD))
        two_lines = 2 * metrics.lineSpacing() + 2 * PAD
        # taller until every title takes at most two lines (narrow columns), within most
        while height < most and any(self._thickness(t, height) > two_lines for t in titles):
            height = min(height + 10, most)
        self._height = height
        cell_metrics = cell_metrics or metrics
        cells = max((cell_metrics.horizontalAdvance(t) for t in cell_texts), default=0)
        for section, title in enumerate(titles):
            self.resizeSection(section, max(self._thickness(title, self._height), cells + 12))
        self.setFixedHeight(self._height)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self._height)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        option.text = ""
        option.orientation = Qt.Orientation.Horizontal
        selection = self.selectionModel()
        highlight = selection is not None and self.highlightSections()
        if highlight and selection.columnIntersectsSelection(section, self.rootIndex()):
            option.state |= QStyle.StateFlag.State_On
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.translate(rect.left(), rect.bottom())
        painter.rotate(-90)
        box = QRect(PAD, PAD, rect.height() - 2 * PAD, rect.width() - 2 * PAD)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(box, _WRAP, self.title(section))
        painter.restore()
