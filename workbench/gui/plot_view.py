"""The plot view: every curve and spectrum of the selection, overlaid, legend beside.

Curves are grouped by their axes (x quantity and unit, y unit): curves that share axes
are overlaid in one plot, different kinds (a spectrum and a TGA curve) get a plot each,
stacked. Axis labels always carry the unit from ``Column.unit`` (once: not
"Transmittance (transmittance)"). Arrays are read only here, when shown (the project
opens lazily).

Curves are drawn as the data are, whatever the order of x: pyqtgraph's clip-to-view
and "peak" downsampling are switched on per curve only where x allows them
(``curve_sampling``). TGA curves can be drawn against time instead of temperature
(a run that heats, holds and cools reads better that way). The legend is a list
beside the plots (``plot_legend``), never over the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.array_cache import ArrayCache
from workbench.gui.column_labels import column_label
from workbench.gui.curve_sampling import drawing_mode, reduce_path
from workbench.gui.i18n import kind_label, local_text
from workbench.gui.locale_axis import locale_axes
from workbench.gui.plot_legend import PlotLegend
from workbench.model import Column, Measurement, Result, Sample

LEGEND_SLACK = 60  # px a legend may be wider than its names before it shrinks
MAX_CURVES = 40
GRID_GREY = (222, 222, 222)
MAX_PLOTS = 4
PALETTE = [
    (31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
    (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207),
]  # fmt: skip
REVERSED_X_UNITS = {"cm-1", "cm⁻¹", "1/cm", "cm^-1"}  # IR convention: wavenumber decreasing
TIME_UNITS_IN_MIN = {"s": 1 / 60, "sec": 1 / 60, "min": 1.0, "h": 60.0}
X_SETTING = "plot/tga_x_axis"  # "" (as recorded: temperature) or "time"


@dataclass
class Curve:
    """One drawable x/y pair with the columns it came from (for labels and units).

    ``sample`` and ``label`` make the legend text; ``time`` is the curve's time column
    when it may be drawn against time instead (TGA curves).
    """

    name: str
    x: Column
    y: Column
    kind: str
    sample: str = ""
    label: str = ""
    time: Column | None = None

    @property
    def group(self) -> tuple[str, str, str]:
        return (local_text(self.x.label) or self.x.name, self.x.unit, self.y.unit)


def time_column(m: Measurement) -> Column | None:
    """The time column of a TGA measurement (not its x axis), or None."""
    if m.kind != "tga":
        return None
    for column in m.columns.values():
        if column.name == m.axes[0] or column.unit.strip().lower() not in TIME_UNITS_IN_MIN:
            continue
        if column.name.lower() in ("time", "t") or (column.label or "").lower().startswith("time"):
            return column
    return None


def in_minutes(column: Column) -> Column:
    """``column`` (a time) converted to minutes, the unit TGA programmes are written in."""
    factor = TIME_UNITS_IN_MIN.get(column.unit.strip().lower(), 1.0)
    if factor == 1.0 and column.unit == "min":
        return Column(column.name, "min", column.values(), "Time")
    values = np.asarray(column.values(), dtype=float) * factor
    return Column(column.name, "min", values, "Time")


def measurement_label(sample: Sample, m: Measurement) -> str:
    """What the legend calls a measurement: its label without the sample's name in it
    ("TGA" for "TGA AlPyr" of sample AlPyr), or its kind, and its replicate number."""
    label = m.label or kind_label(m.kind)
    name = sample.name.strip()
    if name and name in label and label.strip() != name:
        label = label.replace(name, "").strip(" -:_,;") or kind_label(m.kind)
    if m.replicate > 1:
        label += f" #{m.replicate}"
    return label


def curves_of(sample: Sample, item: Measurement | Result) -> list[Curve]:
    """The curves a measurement (its NXdata signal over its first axis) or result offers."""
    out: list[Curve] = []
    if isinstance(item, Measurement):
        if item.is_curve and item.signal in item.columns and item.axes[0] in item.columns:
            label = measurement_label(sample, item)
            out.append(
                Curve(
                    f"{sample.name}: {label}",
                    item.columns[item.axes[0]],
                    item.columns[item.signal],
                    item.kind,
                    sample.name,
                    label,
                    time_column(item),
                )
            )
        return out
    for plot in item.plots:
        if plot.get("kind", "line") != "line":
            continue  # points, bars and tables are drawn by the result view only
        xcol = item.columns.get(str(plot.get("x", "")))
        if xcol is None:
            continue
        for yname in plot.get("y", []):
            ycol = item.columns.get(str(yname))
            if ycol is not None:
                title = column_label(ycol.label or ycol.name)
                out.append(
                    Curve(f"{sample.name}: {title}", xcol, ycol, item.plugin_id, sample.name, title)
                )
    return out


def repeats_text(unit: str, text: str) -> bool:
    """True when the unit only repeats the quantity's name ("transmittance" for
    "Transmittance", "Kubelka-Munk" for "Kubelka-Munk"): the axis then shows it once."""
    u = unit.strip().casefold()
    return bool(u) and any(ch.isalpha() for ch in u) and u in text.casefold() and len(u) > 3


def axis_unit(column: Column) -> str | None:
    """The unit pyqtgraph appends to an axis title, or None when it would repeat it."""
    unit = column.unit
    if not unit or repeats_text(unit, local_text(column.label) or column.name):
        return None
    return unit


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
        self.legend = PlotLegend()
        self.x_choice = QComboBox()
        self.x_choice.addItem(self.tr("Temperature"), "")
        self.x_choice.addItem(self.tr("Time"), "time")
        self.x_choice.setToolTip(
            self.tr(
                "Draw TGA curves against temperature or against time (a run that "
                "heats, holds and cools reads better against time)"
            )
        )
        saved = str(QSettings().value(X_SETTING, "") or "")
        self.x_choice.setCurrentIndex(max(self.x_choice.findData(saved), 0))
        self.x_choice.currentIndexChanged.connect(self._x_changed)
        self.x_bar = QWidget()
        bar = QHBoxLayout(self.x_bar)
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(QLabel(self.tr("TGA curves against:")))
        bar.addWidget(self.x_choice)
        bar.addStretch(1)
        self.x_bar.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.graphics)
        self.splitter.addWidget(self.legend)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setChildrenCollapsible(False)
        self.plots_page = QWidget()
        page = QVBoxLayout(self.plots_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.x_bar)
        page.addWidget(self.splitter, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.plots_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._items: list[tuple[Sample, Measurement | Result]] = []
        self._plots: list[pg.PlotItem] = []
        # PlotItems taken off the layout, kept for the next selection: building a new
        # one (axes, view box, context menus) was a third of the time of selecting a
        # measurement in the tree
        self._spare: list[pg.PlotItem] = []
        self.arrays = ArrayCache()  # the last curves read, for the next selection
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
        self.legend.clear()
        self.note = ""

    def x_mode(self) -> str:
        """ "" (TGA curves against their recorded x, temperature) or "time"."""
        return str(self.x_choice.currentData() or "")

    def set_x_mode(self, mode: str) -> None:
        self.x_choice.setCurrentIndex(max(self.x_choice.findData(mode), 0))

    def _x_changed(self) -> None:
        QSettings().setValue(X_SETTING, self.x_mode())
        if self._items and self.stack.currentWidget() is self.plots_page:
            self.show_selection(self._items)

    def _plot_at(self, row: int) -> pg.PlotItem:
        """A PlotItem at ``row``: a spare one reset to a fresh state, or a new one."""
        if not self._spare:
            # clip-to-view and downsampling are set per curve (``_draw``), as its x allows
            plot = self.graphics.addPlot(row=row, col=0, axisItems=locale_axes())
            light_grid(plot)
            return plot
        plot = self._spare.pop(0)
        self._reset(plot)
        self.graphics.addItem(plot, row=row, col=0)
        return plot

    @staticmethod
    def _reset(plot: pg.PlotItem) -> None:
        """A used plot as a fresh one, except that its curve items stay: ``_add_plot``
        gives them the new data (creating and adding curve items was half the time of
        selecting a sample with ten spectra)."""
        plot.setTitle(None)
        plot.setLogMode(False, False)
        plot.invertX(False)
        plot.invertY(False)

    def plot_items(self) -> list[pg.PlotItem]:
        """The PlotItems currently shown (tests and exporters use this)."""
        return list(self._plots)

    def prefetch(self, items: list[tuple[Sample, Measurement | Result]]) -> bool:
        """Read the arrays of ``items``' curves not yet at hand; False when there were
        none. The window reads in one turn of the event loop and draws in the next, so
        neither holds the window as long as both did."""
        read = False
        for sample, item in items:
            for curve in curves_of(sample, item)[:MAX_CURVES]:
                for column in (curve.x, curve.y):
                    if not self.arrays.cached(column):
                        self.arrays.values(column)
                        read = True
        return read

    def show_selection(self, items: list[tuple[Sample, Measurement | Result]]) -> int:
        """Plot every curve of ``items``; returns the number of curves drawn."""
        self._items = list(items)
        curves: list[Curve] = []
        for sample, item in items:
            curves.extend(curves_of(sample, item))
        self.x_bar.setVisible(any(c.time is not None for c in curves))
        if self.x_mode() == "time":
            for curve in curves:
                if curve.time is not None:
                    curve.x = in_minutes(curve.time)
        if not curves:
            text = self.tr("Nothing to plot: the selection has no curves or spectra.")
            if items:
                text += "\n" + self.tr("Its values are listed in the details panel.")
            self.show_message(text)
            return 0
        kept = self._plots  # stay on the layout for the new curves (no new layout pass)
        self._plots = []
        self.legend.clear()
        self.note = ""
        dropped = max(0, len(curves) - MAX_CURVES)
        curves = curves[:MAX_CURVES]
        groups: dict[tuple[str, str, str], list[Curve]] = {}
        for curve in curves:
            groups.setdefault(curve.group, []).append(curve)
        shown = list(groups.values())[:MAX_PLOTS]
        samples = {c.sample for group in shown for c in group}
        one_sample = len(samples) == 1 and "" not in samples
        if one_sample:
            self.legend.add_heading(next(iter(samples)))
        drawn = 0
        for row, group in enumerate(shown):
            if len(shown) > 1:
                first = group[0]
                self.legend.add_heading(axis_text(first.y))
            drawn += self._add_plot(row, group, one_sample, kept[row] if row < len(kept) else None)
        for plot in kept[len(shown) :]:  # plots this selection does not need wait aside
            self.graphics.removeItem(plot)
            self._spare.append(plot)
        width, current = self.legend.preferred_width(), self.splitter.sizes()[1]
        # A new width lays the plots out again and repaints them whole: the legend grows
        # for a longer name but shrinks only when much too wide (selecting a sample and
        # then one of its curves, back and forth, kept resizing the plots).
        if width > current or width < current - LEGEND_SLACK:
            self.splitter.setSizes([max(self.width() - width, 200), width])
        notes = []
        if dropped:
            notes.append(self.tr("%1 more curves not shown.").replace("%1", str(dropped)))
        if len(groups) > MAX_PLOTS:
            notes.append(self.tr("Some kinds of curve not shown; select fewer items."))
        self.note = " ".join(notes)
        self.stack.setCurrentWidget(self.plots_page)
        return drawn

    def _add_plot(
        self,
        row: int,
        group: list[Curve],
        one_sample: bool = False,
        plot: pg.PlotItem | None = None,
    ) -> int:
        """Draw ``group`` in ``plot`` (one on the layout at ``row``), or in a spare or new one."""
        if plot is None:
            plot = self._plot_at(row)
        else:
            self._reset(plot)
        first = group[0]
        labels = {"bottom": (axis_text(first.x), axis_unit(first.x))}
        labels["left"] = (axis_text(first.y), axis_unit(first.y))
        if len({axis_text(c.y) for c in group}) > 1:
            labels["left"] = (self.tr("Signal"), first.y.unit or None)
        for axis_name, (text, units) in labels.items():
            set_axis_label(plot, axis_name, text, units)
        if first.x.unit in REVERSED_X_UNITS:
            plot.invertX(True)
        drawn = 0
        plot.disableAutoRange()  # one range computation at the end, not one per curve
        old = plot.listDataItems()
        arrays = [(self.arrays.values(c.x), self.arrays.values(c.y)) for c in group]
        for i, (curve, (x, y)) in enumerate(zip(group, arrays)):
            colour = PALETTE[i % len(PALETTE)]
            # one-pixel lines: a wider pen goes through Qt's stroker, 20 times slower
            # (2.7 ms against 0.13 ms for 300 antialiased points), and a selection of ten
            # spectra took 100 ms to paint
            pen = pg.mkPen(colour, width=1)
            reuse = old[i] if i < len(old) else None
            item = draw_curve(plot, x, y, pen, reuse=reuse)
            self.legend.add_entry(curve.label if one_sample else curve.name, colour, [item])
            drawn += 1
        for item in old[len(group) :]:
            plot.removeItem(item)
        plot.enableAutoRange()
        # A clipped curve drawn while the range was fixed kept only its points inside the
        # old range (a new plot's 0..1), and the automatic range, taken from those,
        # zoomed onto a TGA curve's first point: its clipping is set again (which makes
        # its drawn points again) now that the range is automatic.
        for item in plot.listDataItems():
            if item.opts["clipToView"]:
                item.setClipToView(False)
                item.setClipToView(True)
        self._plots.append(plot)
        return drawn


def light_grid(plot: pg.PlotItem) -> None:
    """A grid of opaque light-grey lines (translucent ones took a third of the time of
    painting a plot) and axes without SI prefixes (units are written as given; an axis
    with them set its label's rich text again at every change of range, hidden ones too)."""
    for axis_name in ("bottom", "left"):
        axis = plot.getAxis(axis_name)
        axis.setTickPen(pg.mkPen(GRID_GREY))
        axis.setGrid(255)
    for axis_name in ("bottom", "left", "top", "right"):
        plot.getAxis(axis_name).enableAutoSIPrefix(False)


def set_axis_label(plot: pg.PlotItem, axis_name: str, text: str, units: str | None) -> None:
    """Label an axis, unless it already says this: each new label is a rich-text layout
    and a new axis size (several milliseconds of each selection in a large project, where
    consecutive selections mostly keep their axes)."""
    axis = plot.getAxis(axis_name)
    if axis.labelText == text and axis.labelUnits == (units or "") and axis.label.isVisible():
        return
    plot.setLabel(axis_name, text, units=units)


def draw_curve(
    plot: pg.PlotItem,
    x: np.ndarray,
    y: np.ndarray,
    pen: Any,
    *,
    reuse: pg.PlotDataItem | None = None,
) -> pg.PlotDataItem:
    """Draw the curve ``x``, ``y`` in ``plot`` as the data are, whatever the order of x
    (in ``reuse``, a curve item of the plot, when given; else in a new one).

    Clip-to-view only where x increases and "peak" downsampling only where it never
    turns back (both assume it); a long curve whose x turns back is reduced in
    measuring order instead (``curve_sampling.reduce_path``).
    """
    n = min(len(x), len(y))
    x, y = x[:n], y[:n]
    mode = drawing_mode(x)
    if not mode.monotonic:
        x, y = reduce_path(x, y)
    if reuse is None:
        item = plot.plot(x, y, pen=pen)
    else:
        item = reuse
        item.setVisible(True)
        item.setData(x, y, pen=pen)
    item.setClipToView(mode.increasing)
    item.setDownsampling(auto=mode.monotonic, method="peak")
    return item
