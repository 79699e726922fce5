"""The column-mapping table of the template editor: one row per column of the file.

Each row says what the column is: ignored, the sample name, a plain column kept as it
is, or a vocabulary property (with the unit the file uses, limited to units the core
can convert to the property's unit). ``changed`` fires on every edit so the editor can
re-run its live preview.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from workbench.gui.i18n import property_label
from workbench.gui.template_guess import header_unit, slug
from workbench.units import unit_factor, units_for
from workbench.vocab import PROPERTIES

IGNORE, SAMPLE, PLAIN = "__ignore__", "__sample__", "__plain__"


class ColumnMapTable(QTableWidget):
    """Columns of the file with a "use as" and a unit editor each."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.header: list[str] = []
        self.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("Use as"), self.tr("Unit in the file")]
        )
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)

    def set_header(self, header: list[str]) -> None:
        """Show these columns, keeping the choices made for names seen before."""
        old = self.mapping_state()
        self.header = [h for h in dict.fromkeys(header) if h]
        self.setRowCount(len(self.header))
        for r, name in enumerate(self.header):
            self.setItem(r, 0, QTableWidgetItem(name))
            use = QComboBox()
            use.addItem(self.tr("Ignore"), IGNORE)
            use.addItem(self.tr("Sample name"), SAMPLE)
            use.addItem(self.tr("Plain column (kept as is)"), PLAIN)
            for pid in PROPERTIES:
                use.addItem(f"{property_label(pid)} ({pid})", pid)
            unit = QComboBox()
            unit.setEditable(True)
            prev = old.get(name)
            use.setCurrentIndex(use.findData(prev[0]) if prev else 0)
            unit.setEditText(prev[1] if prev else header_unit(name))
            use.currentIndexChanged.connect(lambda _i, r=r: self._use_changed(r))
            unit.currentTextChanged.connect(self.changed)
            self.setCellWidget(r, 1, use)
            self.setCellWidget(r, 2, unit)
        self.changed.emit()

    def _use_changed(self, row: int) -> None:
        use = self.cellWidget(row, 1).currentData()
        unit = self.cellWidget(row, 2)
        if use in PROPERTIES:
            want = PROPERTIES[use].unit
            choices = units_for(use)
            guess = header_unit(self.header[row])
            unit.blockSignals(True)
            unit.clear()
            unit.addItems(choices)
            unit.setEditText(guess if unit_factor(guess or want, want) is not None else want)
            unit.blockSignals(False)
        self.changed.emit()

    def mapping_state(self) -> dict[str, tuple[str, str]]:
        """Column name -> (use, unit) as currently shown."""
        out = {}
        for r, name in enumerate(self.header):
            use, unit = self.cellWidget(r, 1), self.cellWidget(r, 2)
            if use is not None:
                out[name] = (use.currentData(), unit.currentText().strip())
        return out

    def set_column(self, name: str, use: str, unit: str | None = None) -> None:
        """Set one column's role (tests and loading a saved template use this)."""
        r = self.header.index(name)
        combo = self.cellWidget(r, 1)
        if combo.findData(use) < 0:
            raise ValueError(f"{use!r} is not a property id or a column role")
        combo.setCurrentIndex(combo.findData(use))
        if unit is not None:
            self.cellWidget(r, 2).setEditText(unit)

    def targets(self) -> list[str]:
        """The template targets the current mapping produces (for the plot choices)."""
        taken: set[str] = set()
        out = []
        for name, (use, _unit) in self.mapping_state().items():
            if use == PLAIN:
                out.append(slug(name, taken))
                taken.add(out[-1])
            elif use in PROPERTIES:
                out.append(use)
        return out

    def columns_spec(self) -> tuple[dict[str, dict[str, str]], str | None]:
        """The template's ``columns`` mapping and its ``sample_column``."""
        columns: dict[str, dict[str, str]] = {}
        sample_column = None
        taken: set[str] = set()
        for name, (use, unit) in self.mapping_state().items():
            if use == IGNORE:
                continue
            if use == SAMPLE:
                sample_column = name
                continue
            target = slug(name, taken) if use == PLAIN else use
            taken.add(target)
            spec = {"target": target, "label": name[:200]}
            if unit:
                spec["unit"] = unit
            columns[name] = spec
        return columns, sample_column
