"""A plot legend beside the plot, never over the data, with every entry reachable.

pyqtgraph's ``LegendItem`` sits inside the view box: it covers curves and points and
runs off the plot after about ten entries. ``PlotLegend`` is a list beside the
plot instead: one row per curve (its colour, its whole name, the name again as a
tooltip), a heading per plot when several are stacked, a scroll bar when the entries
outnumber the rows. Clicking an entry hides its curve (the entry turns grey) and
clicking it again shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

ITEMS_ROLE = Qt.ItemDataRole.UserRole + 3
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 4
HIDDEN_COLOUR = QColor(150, 150, 150)


_SWATCHES: dict[tuple, QIcon] = {}


def swatch(colour: Sequence[Any], symbol: bool = False) -> QIcon:
    """A short line (or a dot, for points) in ``colour``, as the entry's icon (made once
    per colour: the legend is rebuilt on every selection)."""
    key = (tuple(colour), symbol)
    if key not in _SWATCHES:
        _SWATCHES[key] = _paint_swatch(colour, symbol)
    return _SWATCHES[key]


def _paint_swatch(colour: Sequence[Any], symbol: bool) -> QIcon:
    pixmap = QPixmap(22, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    qcolour = QColor(*colour[:3])
    if symbol:
        painter.setPen(QPen(QColor(0, 0, 0), 0.5))
        painter.setBrush(QBrush(qcolour))
        painter.drawEllipse(6, 1, 10, 10)
    else:
        pen = QPen(qcolour, 2.4)
        if len(colour) > 3 and colour[3] == "dash":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(1, 6, 21, 6)
    painter.end()
    return QIcon(pixmap)


class PlotLegend(QListWidget):
    """The entries of one or more plots; clicking an entry shows or hides its items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(QSize(22, 12))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
        self.setPalette(palette)
        self.itemClicked.connect(self.toggle)

    def add_heading(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setToolTip(text)
        self.addItem(item)
        return item

    def add_entry(
        self, name: str, colour: Sequence[Any], items: list[Any], symbol: bool = False
    ) -> QListWidgetItem:
        """One entry for ``items`` (pyqtgraph items shown and hidden together)."""
        entry = QListWidgetItem(swatch(colour, symbol), name)
        entry.setFlags(Qt.ItemFlag.ItemIsEnabled)
        entry.setToolTip(name + "\n" + self.tr("Click to hide or show this curve."))
        entry.setData(ITEMS_ROLE, items)
        entry.setData(SHOWN_ROLE, True)
        self.addItem(entry)
        return entry

    def entries(self) -> list[str]:
        """The names of the entries (headings left out), for tests and exports."""
        return [
            self.item(i).text()
            for i in range(self.count())
            if self.item(i).data(SHOWN_ROLE) is not None
        ]

    def toggle(self, entry: QListWidgetItem) -> None:
        """Hide the entry's curve when shown, show it when hidden."""
        shown = entry.data(SHOWN_ROLE)
        if shown is None:  # a heading
            return
        shown = not shown
        entry.setData(SHOWN_ROLE, shown)
        font = QFont(entry.font())
        font.setItalic(not shown)
        entry.setFont(font)
        entry.setForeground(
            QBrush(self.palette().color(QPalette.ColorRole.Text) if shown else HIDDEN_COLOUR)
        )
        for item in entry.data(ITEMS_ROLE) or []:
            item.setVisible(shown)

    def preferred_width(self, least: int = 120, most: int = 240) -> int:
        """Wide enough for the longest name on one line, within ``least``..``most``."""
        metrics = self.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.item(i).text()) for i in range(self.count())),
            default=0,
        )
        return max(least, min(most, widest + self.iconSize().width() + 40))
