"""The plot view: every curve and spectrum of the selection, overlaid with a legend.

Curves are grouped by their axes (x quantity and unit, y unit): curves that share axes
are overlaid in one plot, different kinds (a spectrum and a TGA curve) get a plot each,
stacked. Axis labels always carry the unit from ``Column.unit``. Arrays are read only
here, when shown (the project opens lazily).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from workbench.gui.column_labels import column_label
from workbench.gui.i18n import kind_label, local_text
from workbench.gui.locale_axis import locale_axes
from workbench.model import Column, Measurement, Result, Sample

MAX_CURVES = 40
MAX_PLOTS = 4
PALETTE = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
]  # fmt: skip
REVERSED_X_UNITS = {"cm-1", "cm⁻¹", "1/cm", "cm^-1"}  # IR convention: wavenumber decreasing


@dataclass
class Curve:
    """One drawable x/y pair with the columns it came from (for labels and units)."""

    name: str
    x: Column
    y: Column
    kind: str

    @property
    def group(self) -> tuple[str, str, str]:
        return (local_text(self.x.label) or self.x.name, self.x.unit, self.y.unit)


def curves_of(sample: Sample, item: Measurement | Result) -> list[Curve]:
    """The curves a measurement (its NXdata signal over its first axis) or result offers."""
    out: list[Curve] = []
    if isinstance(item, Measurement):
        if item.is_curve and item.signal in item.columns and item.axes[0] in item.columns:
            label = item.label or kind_label(item.kind)
            if item.replicate > 1:
                label += f" #{item.replicate}"
            out.append(
                Curve(
                    f"{sample.name}: {label}",
                    item.columns[item.axes[0]],
                    item.columns[item.signal],
                    item.kind,
                )
            )
        return out
    for plot in item.plots:
        xcol = item.columns.get(str(plot.get("x", "")))
        if xcol is None:
            continue
        for yname in plot.get("y", []):
            ycol = item.columns.get(str(yname))
            if ycol is not None:
                title = column_label(ycol.label or ycol.name)
                out.append(Curve(f"{sample.name}: {title}", xcol, ycol, item.plugin_id))
    return out


def axis_text(column: Column) -> str:
    """The axis title of a column, without a unit the instrument label already carries.

    pyqtgraph appends the unit itself, so "Temp./°C" with unit °C becomes "Temp."
    (shown as "Temp. (°C)") instead of "Temp./°C (°C)".
    """
    text = local_text(column.label) or column.name  # a plugin's {en, fi} label: its text
    unit = column.unit
    if unit:
        for suffix in (f"/{unit}", f" ({unit})", f"({unit})", f" [{unit}]", f"[{unit}]"):
            if text.endswith(suffix) and len(text) > len(suffix):
                text = text[: -len(suffix)].rstrip(" /")
                break
    return column_label(text)


class PlotView(QWidget):
    """Stacked pyqtgraph plots, one per axis group, with a message page when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, foreground="k", background="w")
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setToolTip(
            self.tr("Drag to pan, wheel to zoom, right-click for options and export.")
        )
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666; font-size: 11pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.graphics)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._plots: list[pg.PlotItem] = []
        # PlotItems taken off the layout, kept for the next selection: building a new
        # one (axes, view box, context menus) was a third of the time of selecting a
        # measurement in the tree
        self._spare: list[pg.PlotItem] = []
        self.note = ""
        self.show_message(
            self.tr("Select a sample or a measurement to plot its curves and spectra.")
        )

    def show_message(self, text: str) -> None:
        self.clear()
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def clear(self) -> None:
        for plot in self._plots:
            self.graphics.removeItem(plot)
        self._spare = self._plots + self._spare
        self.graphics.clear()  # anything else left on the layout
        self._plots = []
        self.note = ""

    def _plot_at(self, row: int) -> pg.PlotItem:
        """A PlotItem at ``row``: a spare one reset to a fresh state, or a new one."""
        if not self._spare:
            plot = self.graphics.addPlot(row=row, col=0, axisItems=locale_axes())
            plot.showGrid(x=True, y=True, alpha=0.2)
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
            legend = plot.addLegend(offset=(-10, 10), labelTextSize="9pt")
            legend.setBrush(pg.mkBrush(255, 255, 255, 200))
            for axis_name in ("bottom", "left"):
                plot.getAxis(axis_name).enableAutoSIPrefix(False)
            return plot
        plot = self._spare.pop(0)
        plot.clear()  # its curves, and their legend entries
        if plot.legend is not None:
            plot.legend.clear()
        plot.setLogMode(False, False)
        plot.invertX(False)
        plot.invertY(False)
        self.graphics.addItem(plot, row=row, col=0)
        return plot

    def plot_items(self) -> list[pg.PlotItem]:
        """The PlotItems currently shown (tests and exporters use this)."""
        return list(self._plots)

    def show_selection(self, items: list[tuple[Sample, Measurement | Result]]) -> int:
        """Plot every curve of ``items``; returns the number of curves drawn."""
        curves: list[Curve] = []
        for sample, item in items:
            curves.extend(curves_of(sample, item))
        if not curves:
            text = self.tr("Nothing to plot: the selection has no curves or spectra.")
            if items:
                text += "\n" + self.tr("Its values are listed in the details panel.")
            self.show_message(text)
            return 0
        self.clear()
        dropped = max(0, len(curves) - MAX_CURVES)
        curves = curves[:MAX_CURVES]
        groups: dict[tuple[str, str, str], list[Curve]] = {}
        for curve in curves:
            groups.setdefault(curve.group, []).append(curve)
        shown = list(groups.values())[:MAX_PLOTS]
        drawn = 0
        for row, group in enumerate(shown):
            drawn += self._add_plot(row, group)
        notes = []
        if dropped:
            notes.append(self.tr("%1 more curves not shown.").replace("%1", str(dropped)))
        if len(groups) > MAX_PLOTS:
            notes.append(self.tr("Some kinds of curve not shown; select fewer items."))
        self.note = " ".join(notes)
        self.stack.setCurrentWidget(self.graphics)
        return drawn

    def _add_plot(self, row: int, group: list[Curve]) -> int:
        plot = self._plot_at(row)
        first = group[0]
        for axis_name, column in (("bottom", first.x), ("left", first.y)):
            plot.setLabel(axis_name, axis_text(column), units=column.unit or None)
        ylabels = {axis_text(c.y) for c in group}
        if len(ylabels) > 1:
            plot.setLabel("left", self.tr("Signal"), units=first.y.unit or None)
        if first.x.unit in REVERSED_X_UNITS:
            plot.invertX(True)
        drawn = 0
        plot.disableAutoRange()  # one range computation at the end, not one per curve
        for i, curve in enumerate(group):
            x = np.asarray(curve.x.values(), dtype=float)
            y = np.asarray(curve.y.values(), dtype=float)
            n = min(len(x), len(y))
            colour = PALETTE[i % len(PALETTE)]
            plot.plot(x[:n], y[:n], pen=pg.mkPen(colour, width=1.6), name=curve.name)
            drawn += 1
        plot.enableAutoRange()
        self._plots.append(plot)
        return drawn
