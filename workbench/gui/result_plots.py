"""Drawing the plots a plugin result declares: line, scatter, bar and table.

A result's ``plots`` entries name columns of the result (``{"kind", "x", "y",
"title", "x_label", "y_label", "labels", "identity_line", "columns", "row_labels"}``,
see ``workbench.analysis.validate``). ``plot_widget`` turns one entry into a widget:
pyqtgraph for line, scatter (each point names its sample when the pointer is on it;
a 1:1 line for predicted-versus-reference plots) and bar plots (``pg.BarGraphItem``,
several series side by side), a ``QTableView`` for tables. ``markers`` draw labelled
vertical lines (a TGA run's T1 and gas switch), ``points`` named points (DTG peaks).
The legend is beside the plot (``PlotPanel``), never over the data. Axis labels carry
units. Titles, axis, column and row labels may be ``{"en", "fi"}`` records; they show
in the active language.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QHeaderView, QTableView, QWidget

from workbench.gui.column_labels import column_label
from workbench.gui.i18n import local_text
from workbench.gui.locale_axis import locale_axes
from workbench.gui.numbers import locale_number
from workbench.gui.plot_legend import PlotLegend
from workbench.gui.plot_view import PALETTE, draw_curve, light_grid, repeats_text
from workbench.model import Column, Result

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
MARKER_COLOURS = [(120, 60, 160), (200, 90, 0), (0, 120, 120)]


def column_title(col: Column) -> str:
    """The column's label with its unit, unless the label has it or it repeats the label."""
    text = column_label(col.label or col.name)
    if col.unit and f"({col.unit})" not in text and not repeats_text(col.unit, text):
        text += f" ({col.unit})"
    return text


def _axis_label(plot: dict[str, Any], key: str, col: Column | None) -> str:
    text = local_text(plot.get(f"{key}_label"))
    if not text and col is not None:
        text = column_title(col)
    return text


class ColumnsTableModel(QAbstractTableModel):
    """Read-only table of equal-length result columns, with optional row labels."""

    def __init__(self, columns: list[Column], row_labels: list[str] | None = None) -> None:
        super().__init__()
        self.columns = columns
        self.arrays = [np.asarray(c.values()) for c in columns]
        self.row_labels = row_labels or []
        self.n = min((a.shape[0] for a in self.arrays), default=0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.n

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.arrays[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float | np.floating):
                return "" if not np.isfinite(value) else locale_number(value)
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_title(self.columns[section])
        if section < len(self.row_labels):
            return self.row_labels[section]
        return str(section + 1)


def table_widget(result: Result, plot: dict[str, Any]) -> QTableView:
    cols = [result.columns[c] for c in plot.get("columns", []) if c in result.columns]
    view = QTableView()
    labels = [str(local_text(x)) for x in plot.get("row_labels", [])]
    view.setModel(ColumnsTableModel(cols, labels))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.model().setParent(view)
    return view


NARROW_PANEL = 520  # px: a plot panel narrower than this has its legend under the plot
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum" for a widget size


class PlotPanel(QWidget):
    """A result plot with its legend beside it (shown when there is more than one entry)."""

    def __init__(self, plot: dict[str, Any], x: Column, ys: list[Column]) -> None:
        super().__init__()
        self.plot_widget = pg.PlotWidget(background="w", axisItems=locale_axes())
        item = self.plot_widget.getPlotItem()
        light_grid(item)
        item.setLabel("bottom", _axis_label(plot, "x", x))
        y_default = ys[0] if len(ys) == 1 else None
        item.setLabel("left", _axis_label(plot, "y", y_default) or (ys[0].unit if ys else ""))
        self.legend = PlotLegend()
        self.legend.hide()
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(0)
        self.box.addWidget(self.plot_widget, 1)
        self.box.addWidget(self.legend)

    def getPlotItem(self) -> pg.PlotItem:  # the PlotWidget method name, for its callers
        return self.plot_widget.getPlotItem()

    def add_entry(self, name: str, colour: Any, items: list[Any], symbol: bool = False) -> None:
        self.legend.add_entry(name, colour, items, symbol)
        if len(self.legend.entries()) > 1:
            self.legend.show()
            self._place_legend()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        """Beside the plot, or under it when the panel is narrow: beside a narrow plot
        (a PLS plot at 1366 px) it left too little width for the axis label, which
        was cut ("Tuhka, referenssiarvo (%")."""
        if self.legend.isHidden():
            return
        width = self.legend.preferred_width(110, 200)
        if self.width() >= NARROW_PANEL:
            self.box.setDirection(QBoxLayout.Direction.LeftToRight)
            self.legend.setMinimumHeight(0)
            self.legend.setMaximumHeight(QWIDGETSIZE_MAX)
            self.legend.setFixedWidth(width)
            return
        self.box.setDirection(QBoxLayout.Direction.TopToBottom)
        self.legend.setMinimumWidth(0)
        self.legend.setMaximumWidth(QWIDGETSIZE_MAX)
        rows = sum(self.legend.sizeHintForRow(r) for r in range(self.legend.count()))
        self.legend.setFixedHeight(rows + 2 * self.legend.frameWidth() + 4)


def _finite_pairs(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    n = min(len(x), len(y))
    return np.isfinite(x[:n]) & np.isfinite(y[:n])


def point_tip(x: float, y: float, data: Any) -> str:
    """The hover text of a point: its sample and both values."""
    name = str(data) if data is not None else ""
    values = f"{locale_number(x)}; {locale_number(y)}"
    return f"{name}\n{values}" if name else values


def _scatter(
    panel: PlotPanel, xv: np.ndarray, yv: np.ndarray, labels: list[str], i: int, name: str
):
    colour = PALETTE[i % len(PALETTE)]
    ok = _finite_pairs(xv, yv)
    n = ok.size
    data = labels[:n] if len(labels) >= n else [None] * n
    spots = pg.ScatterPlotItem(
        x=xv[:n][ok],
        y=yv[:n][ok],
        data=[d for d, keep in zip(data, ok) if keep],
        symbol="o",
        size=10,
        brush=pg.mkBrush(*colour, 200),
        pen=pg.mkPen("k", width=0.5),
        hoverable=True,
        hoverSize=14,
        hoverBrush=pg.mkBrush(*colour, 255),
        tip=point_tip,  # the sample's name and values when the pointer is on a point
    )
    panel.getPlotItem().addItem(spots)
    panel.add_entry(name, colour, [spots], symbol=True)


def _identity_line(panel: PlotPanel, xv: np.ndarray, ys: list[Column]) -> None:
    values = [xv] + [np.asarray(c.values(), dtype=float) for c in ys]
    both = np.concatenate([v[np.isfinite(v)] for v in values])
    if not both.size:
        return
    lo, hi = float(both.min()), float(both.max())
    pad = 0.05 * (hi - lo or 1.0)
    lo, hi = lo - pad, hi + pad
    item = panel.getPlotItem()
    line = item.plot(
        [lo, hi], [lo, hi], pen=pg.mkPen((90, 90, 90), width=1.2, style=Qt.PenStyle.DashLine)
    )
    panel.add_entry(
        translate("ResultPlots", "1:1 line (perfect prediction)"), (90, 90, 90, "dash"), [line]
    )
    item.getViewBox().setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
    item.getViewBox().disableAutoRange()


def _marks(panel: PlotPanel, plot: dict[str, Any]) -> None:
    """Vertical marker lines (``markers``) and named points (``points``) of a plot entry.

    A marker's label runs up along its line from the bottom, so the plot's edges do not
    cut it and it stays clear of the points' names; a point's name sits above the
    point, turned inwards near the edges, with room made above the highest point.
    """
    item = panel.getPlotItem()
    for k, mark in enumerate(plot.get("markers", []) or []):
        try:
            x = float(mark["x"])
        except (KeyError, TypeError, ValueError):
            continue
        colour = MARKER_COLOURS[k % len(MARKER_COLOURS)]
        label = local_text(mark.get("label")).replace("{", "{{").replace("}", "}}")
        line = pg.InfiniteLine(
            pos=x,
            angle=90,
            pen=pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DashLine),
            label=label or None,
            labelOpts={
                "position": 0.03,
                "color": colour,
                "rotateAxis": (1, 0),
                "anchors": [(0, 0), (0, 0)],
            },
        )
        line.setToolTip(local_text(mark.get("label")))
        item.addItem(line, ignoreBounds=True)
    points = [p for p in plot.get("points", []) or [] if isinstance(p, dict)]
    if not points:
        return
    xs = np.array([float(p.get("x", np.nan)) for p in points])
    ys = np.array([float(p.get("y", np.nan)) for p in points])
    names = [local_text(p.get("label")) for p in points]
    spots = pg.ScatterPlotItem(
        x=xs,
        y=ys,
        data=names,
        symbol="t",
        size=11,
        brush=pg.mkBrush(200, 40, 40),
        pen=pg.mkPen("k", width=0.5),
        hoverable=True,
        tip=lambda x, y, data: str(data),
    )
    item.addItem(spots)
    lo, hi = item.getViewBox().childrenBounds()[0] or (float(xs.min()), float(xs.max()))
    for x, y, name in zip(xs, ys, names):
        share = (x - lo) / (hi - lo) if hi > lo else 0.5
        anchor = (0.0, 1.2) if share < 0.3 else (1.0, 1.2) if share > 0.7 else (0.5, 1.2)
        text = pg.TextItem(name, color=(110, 20, 20), anchor=anchor)
        text.setPos(x, y)
        item.addItem(text, ignoreBounds=True)
    y_lo, y_hi = item.getViewBox().childrenBounds()[1] or (float(ys.min()), float(ys.max()))
    item.setYRange(y_lo, y_hi + 0.3 * (y_hi - y_lo or 1.0))


def line_or_scatter(result: Result, plot: dict[str, Any]) -> PlotPanel:
    x = result.columns[plot["x"]]
    ys = [result.columns[n] for n in plot.get("y", []) if n in result.columns]
    panel = PlotPanel(plot, x, ys)
    item = panel.getPlotItem()
    xv = np.asarray(x.values(), dtype=float)
    scatter = plot.get("kind") == "scatter"
    labels = [str(local_text(v)) for v in plot.get("labels", [])]
    for i, col in enumerate(ys):
        yv = np.asarray(col.values(), dtype=float)
        name = column_label(col.label or col.name)
        if scatter:
            _scatter(panel, xv, yv, labels, i, name)
        else:
            colour = PALETTE[i % len(PALETTE)]
            curve = draw_curve(item, xv, yv, pg.mkPen(colour, width=1.8))
            panel.add_entry(name, colour, [curve])
    if plot.get("identity_line") and ys:
        _identity_line(panel, xv, ys)
    _marks(panel, plot)
    return panel


def bar_plot(result: Result, plot: dict[str, Any]) -> PlotPanel:
    x = result.columns[plot["x"]]
    ys = [result.columns[n] for n in plot.get("y", []) if n in result.columns]
    panel = PlotPanel(plot, x, ys)
    item = panel.getPlotItem()
    xv = np.asarray(x.values(), dtype=float)
    groups = _bar_widths(xv)
    for i, col in enumerate(ys):
        yv = np.asarray(col.values(), dtype=float)
        n = min(len(xv), len(yv))
        width = groups[:n] / max(len(ys), 1)
        offset = -groups[:n] / 2 + width * (i + 0.5)
        colour = PALETTE[i % len(PALETTE)]
        bars = pg.BarGraphItem(
            x=xv[:n] + offset,
            height=np.nan_to_num(yv[:n]),
            width=width * 0.95,
            brush=pg.mkBrush(*colour, 220),
            pen=pg.mkPen(colour),
        )
        item.addItem(bars)
        panel.add_entry(column_label(col.label or col.name), colour, [bars], symbol=True)
    return panel


def _bar_widths(xv: np.ndarray) -> np.ndarray:
    """Width of each bar group: 80 % of the gap to its nearest neighbour (uneven classes)."""
    order = np.argsort(xv)
    xs = xv[order]
    gaps = np.diff(xs)
    gaps = np.where(np.isfinite(gaps) & (gaps > 0), gaps, np.nan)
    if xs.size < 2 or np.all(np.isnan(gaps)):
        return np.full(xv.shape, 0.8)
    left = np.concatenate([[np.nan], gaps])
    right = np.concatenate([gaps, [np.nan]])
    near = np.fmin(left, right)
    near = np.where(np.isnan(near), np.nanmin(gaps), near)
    out = np.empty_like(xv)
    out[order] = 0.8 * near
    return out


def plot_widget(result: Result, plot: dict[str, Any]) -> QWidget:
    """A widget that draws one of ``result.plots``."""
    kind = plot.get("kind", "line")
    if kind == "table":
        return table_widget(result, plot)
    if kind == "bar":
        return bar_plot(result, plot)
    return line_or_scatter(result, plot)


def plot_title(plot: dict[str, Any], index: int) -> str:
    """The tab title of a plot entry in the active language (its number when untitled)."""
    return local_text(plot.get("title")) or f"{index + 1}"
