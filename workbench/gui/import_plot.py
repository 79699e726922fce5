"""A small plot of one parsed measurement, for the import preview.

Before anything is written the user sees the data as they were understood: a spectrum
against its x axis, a TGA curve against temperature (or time), the lengths of a
per-particle list as a histogram. A file of values only (moisture, ash, fibre summary)
has nothing to draw, and the plot says so instead of showing empty axes.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from workbench.gui.column_labels import column_label
from workbench.gui.locale_axis import locale_axes
from workbench.gui.plot_view import draw_curve
from workbench.importers.base import ParsedMeasurement

MAX_POINTS = 20_000  # a preview needs no more (a million particles are binned anyway)


class PreviewPlot(QStackedWidget):
    """Plot of one measurement, or a one-line message when there is nothing to draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, foreground="k", background="w")
        self.plot = pg.PlotWidget(axisItems=locale_axes())
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #666;")
        self.addWidget(self.plot)
        self.addWidget(self.message)
        self.setMinimumHeight(150)
        self.drawn = ""  # what is drawn: "curve", "histogram" or "" (for tests)
        self.show_measurement(None)

    def show_measurement(self, pm: ParsedMeasurement | None, message: str = "") -> None:
        """Draw ``pm`` (None: clear, with ``message`` or a prompt to select a file)."""
        self.plot.clear()
        self.drawn = ""
        if pm is None:
            self._say(message or self.tr("Select a file to see its data."))
            return
        if pm.kind == "fibre_particles" and "length" in pm.columns:
            self._histogram(pm.columns["length"].values(), pm.columns["length"])
            return
        axis, signal = _axis_and_signal(pm)
        if axis is None or signal is None:
            self._say(self.tr("Values only: nothing to draw."))
            return
        x = np.asarray(pm.columns[axis].values(), dtype=float)
        y = np.asarray(pm.columns[signal].values(), dtype=float)
        step = max(1, len(x) // MAX_POINTS)
        draw_curve(self.plot.getPlotItem(), x[::step], y[::step], pg.mkPen("#1f5fa8", width=1.4))
        self._labels(pm.columns[axis], pm.columns[signal])
        # spectroscopists read wavenumbers falling to the right, as the file has them
        descending = x.size > 1 and x[0] > x[-1] and pm.kind == "spectrum"
        self.plot.getPlotItem().invertX(bool(descending))
        self.plot.getPlotItem().enableAutoRange()
        self.drawn = "curve"
        self.setCurrentWidget(self.plot)

    def _histogram(self, values: np.ndarray, col) -> None:
        finite = values[np.isfinite(values)]
        if not finite.size:
            self._say(self.tr("Values only: nothing to draw."))
            return
        counts, edges = np.histogram(finite, bins=min(50, max(5, int(np.sqrt(finite.size)))))
        self.plot.getPlotItem().invertX(False)
        self.plot.plot(edges, counts, stepMode="center", fillLevel=0, brush=(31, 95, 168, 90))
        name = axis_name(col)
        self.plot.setLabel("bottom", f"{name} ({col.unit})" if col.unit else name)
        self.plot.setLabel("left", self.tr("Particles"))
        self.plot.getPlotItem().enableAutoRange()
        self.drawn = "histogram"
        self.setCurrentWidget(self.plot)

    def _labels(self, xcol, ycol) -> None:
        for side, col in (("bottom", xcol), ("left", ycol)):
            text = axis_name(col)
            if col.unit and col.unit not in text:
                text = f"{text} ({col.unit})"
            self.plot.setLabel(side, text)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)


def axis_name(col) -> str:
    """A column's name for people in the window's language: the importers' own column
    names (temperature, time, mass, length...) translated, a spectrum's axis by its
    label (Wavenumber, Absorbance), anything else as the file wrote it."""
    if col.name in _IMPORTER_NAMES:
        return column_label(col.name.replace("_", " ").capitalize())
    return column_label(col.label or col.name)


# the columns importers name themselves (tga_common, fibre readers, gravimetric)
_IMPORTER_NAMES = {
    "temperature", "time", "mass", "heat_flow", "length", "width", "curl", "kinks", "replicate",
}  # fmt: skip


def _axis_and_signal(pm: ParsedMeasurement) -> tuple[str | None, str | None]:
    """The column to draw along x and the one to draw up, from the measurement's own
    ``axes`` and ``signal`` (a TGA curve: temperature, else time, and mass)."""
    cols = pm.columns
    signal = pm.signal if pm.signal in cols else None
    axis = next((a for a in pm.axes if a in cols), None)
    if axis is None and signal is not None:
        axis = next((c for c in ("temperature", "time", "x") if c in cols and c != signal), None)
    if signal is None or axis is None or np.asarray(cols[axis].data).size < 2:
        return None, None
    return axis, signal
