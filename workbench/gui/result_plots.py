"""Drawing the plots a plugin result declares: line, scatter, bar and table.

A result's ``plots`` entries name columns of the result (``{"kind", "x", "y",
"title", "x_label", "y_label", "labels", "identity_line", "columns", "row_labels"}``,
see ``workbench.analysis.validate``). ``plot_widget`` turns one entry into a widget:
pyqtgraph for line, scatter (points with their sample labels; a 1:1 line for
predicted-versus-reference plots) and bar plots (``pg.BarGraphItem``, several series
side by side), a ``QTableView`` for tables. Axis labels carry units. Titles, axis
and column labels may be ``{"en", "fi"}`` records; they show in the active language.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from workbench.gui.column_labels import column_label
from workbench.gui.i18n import local_text
from workbench.gui.locale_axis import locale_axes
from workbench.gui.numbers import locale_number
from workbench.gui.plot_view import PALETTE
from workbench.model import Column, Result

Index = QModelIndex | QPersistentModelIndex
MAX_POINT_LABELS = 60


def column_title(col: Column) -> str:
    text = column_label(col.label or col.name)
    if col.unit and f"({col.unit})" not in text:
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
    view.setModel(ColumnsTableModel(cols, [str(x) for x in plot.get("row_labels", [])]))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.model().setParent(view)
    return view


def _new_plot(plot: dict[str, Any], x: Column, ys: list[Column]) -> pg.PlotWidget:
    widget = pg.PlotWidget(background="w", axisItems=locale_axes())
    item = widget.getPlotItem()
    item.showGrid(x=True, y=True, alpha=0.2)
    for axis in ("bottom", "left"):
        item.getAxis(axis).enableAutoSIPrefix(False)
    item.setLabel("bottom", _axis_label(plot, "x", x))
    y_default = ys[0] if len(ys) == 1 else None
    item.setLabel("left", _axis_label(plot, "y", y_default) or (ys[0].unit if ys else ""))
    if len(ys) > 1 or plot.get("identity_line"):
        # predicted-vs-reference points gather along the diagonal: legend bottom right
        offset = (-10, -10) if plot.get("identity_line") else (-10, 10)
        legend = item.addLegend(offset=offset, labelTextSize="9pt")
        legend.setBrush(pg.mkBrush(255, 255, 255, 210))
    return widget


def _finite_pairs(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    n = min(len(x), len(y))
    return np.isfinite(x[:n]) & np.isfinite(y[:n])


def line_or_scatter(result: Result, plot: dict[str, Any]) -> pg.PlotWidget:
    x = result.columns[plot["x"]]
    ys = [result.columns[n] for n in plot.get("y", []) if n in result.columns]
    widget = _new_plot(plot, x, ys)
    item = widget.getPlotItem()
    xv = np.asarray(x.values(), dtype=float)
    scatter = plot.get("kind") == "scatter"
    labels = [str(v) for v in plot.get("labels", [])]
    for i, col in enumerate(ys):
        yv = np.asarray(col.values(), dtype=float)
        colour = PALETTE[i % len(PALETTE)]
        name = column_label(col.label or col.name)
        if scatter:
            item.plot(
                xv[: len(yv)],
                yv[: len(xv)],
                pen=None,
                symbol="o",
                symbolSize=9,
                symbolBrush=pg.mkBrush(*colour, 200),
                symbolPen=pg.mkPen("k", width=0.5),
                name=name,
            )
            ok = _finite_pairs(xv, yv)
            if labels and len(labels) >= ok.size and ok.sum() <= MAX_POINT_LABELS:
                xs = xv[: ok.size][ok]
                mid = (float(xs.min()) + float(xs.max())) / 2 if xs.size else 0.0
                for j in np.flatnonzero(ok):
                    # labels point inwards, so those at the right edge are not cut off
                    anchor = (1.06, 1.0) if xv[j] > mid else (-0.06, 1.0)
                    text = pg.TextItem(labels[j], color=(40, 40, 40), anchor=anchor)
                    text.setPos(float(xv[j]), float(yv[j]))
                    item.addItem(text, ignoreBounds=True)
        else:
            item.plot(xv[: len(yv)], yv[: len(xv)], pen=pg.mkPen(colour, width=1.8), name=name)
    if plot.get("identity_line") and ys:
        values = [xv] + [np.asarray(c.values(), dtype=float) for c in ys]
        both = np.concatenate([v[np.isfinite(v)] for v in values])
        if both.size:
            lo, hi = float(both.min()), float(both.max())
            pad = 0.05 * (hi - lo or 1.0)
            lo, hi = lo - pad, hi + pad
            item.plot(
                [lo, hi],
                [lo, hi],
                pen=pg.mkPen((90, 90, 90), width=1.2, style=Qt.PenStyle.DashLine),
                name="1:1",
            )
            item.getViewBox().setRange(xRange=(lo, hi), yRange=(lo, hi), padding=0)
            item.getViewBox().disableAutoRange()
    return widget


def bar_plot(result: Result, plot: dict[str, Any]) -> pg.PlotWidget:
    x = result.columns[plot["x"]]
    ys = [result.columns[n] for n in plot.get("y", []) if n in result.columns]
    widget = _new_plot(plot, x, ys)
    item = widget.getPlotItem()
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
            name=column_label(col.label or col.name),
        )
        item.addItem(bars)  # the legend picks the series up by its name
    return widget


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
