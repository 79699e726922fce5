"""Plot axes whose tick labels use the locale's decimal mark ("0,5" in Finnish).

pyqtgraph writes tick labels with Python's formatting, always with a decimal point;
every other number in the window follows the locale (``workbench.gui.numbers``), so a
Finnish window showed "0,6" in its tables and "0.6" on the axis beside them.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QLocale


class LocaleAxisItem(pg.AxisItem):
    """An ``AxisItem`` writing its tick labels with the default locale's decimal mark."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        strings = super().tickStrings(values, scale, spacing)
        mark = QLocale().decimalPoint()
        if mark == ".":
            return strings
        return [s.replace(".", mark) for s in strings]


def locale_axes() -> dict[str, pg.AxisItem]:
    """Bottom and left axes for ``PlotWidget(axisItems=...)`` or ``addPlot(axisItems=...)``."""
    return {name: LocaleAxisItem(orientation=name) for name in ("bottom", "left")}
