"""The column-mapping table of the template editor: one row per column of the file.

Each row says what the column is: ignored, the sample name, a plain column kept as it
is, or a vocabulary property (with the unit the file uses, limited to units the core
can convert to the property's unit, the basis the values are on and the method or
standard the lab names, both guessed from the header where it says them: "Cl (mg/kg db)").
``changed`` fires on every edit so the editor can re-run its live preview.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workbench.gui.i18n import property_label
from workbench.gui.template_guess import header_basis, header_unit, slug
from workbench.units import unit_factor, units_for
from workbench.vocab import PROPERTIES

IGNORE, SAMPLE, PLAIN = "__ignore__", "__sample__", "__plain__"
BASES = ("", "ar", "db", "daf", "ad")
translate = QCoreApplication.translate


def basis_choices() -> list[tuple[str, str]]:
    """(basis code, plain label) of the basis column."""
    return [
        ("", translate("ColumnMapTable", "not stated")),
        ("ar", translate("ColumnMapTable", "as received (ar)")),
        ("db", translate("ColumnMapTable", "dry basis (db)")),
        ("daf", translate("ColumnMapTable", "dry, ash-free (daf)")),
        ("ad", translate("ColumnMapTable", "air-dried (ad)")),
    ]


class ColumnMapTable(QTableWidget):
    """Columns of the file with a "use as" and a unit editor each."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.header: list[str] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Column in the file"),
                self.tr("Use as"),
                self.tr("Unit in the file"),
                self.tr("Basis"),
                self.tr("Method"),
            ]
        )
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
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
            basis = QComboBox()
            for code, label in basis_choices():
                basis.addItem(label, code)
            method = QLineEdit()
            method.setPlaceholderText(self.tr("e.g. ISO 18122"))
            prev = old.get(name)
            use.setCurrentIndex(use.findData(prev[0]) if prev else 0)
            unit.setEditText(prev[1] if prev else header_unit(name))
            basis.setCurrentIndex(max(basis.findData(prev[2] if prev else header_basis(name)), 0))
            method.setText(prev[3] if prev else "")
            use.currentIndexChanged.connect(lambda _i, r=r: self._use_changed(r))
            unit.currentTextChanged.connect(self.changed)
            basis.currentIndexChanged.connect(self.changed)
            method.textChanged.connect(self.changed)
            self.setCellWidget(r, 1, use)
            self.setCellWidget(r, 2, unit)
            self.setCellWidget(r, 3, basis)
            self.setCellWidget(r, 4, method)
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

    def mapping_state(self) -> dict[str, tuple[str, str, str, str]]:
        """Column name -> (use, unit, basis, method) as currently shown."""
        out = {}
        for r, name in enumerate(self.header):
            use, unit = self.cellWidget(r, 1), self.cellWidget(r, 2)
            basis, method = self.cellWidget(r, 3), self.cellWidget(r, 4)
            if use is not None:
                out[name] = (
                    use.currentData(),
                    unit.currentText().strip(),
                    str(basis.currentData() or ""),
                    method.text().strip(),
                )
        return out

    def set_column(
        self,
        name: str,
        use: str,
        unit: str | None = None,
        basis: str | None = None,
        method: str | None = None,
    ) -> None:
        """Set one column's role (tests and loading a saved template use this)."""
        r = self.header.index(name)
        combo = self.cellWidget(r, 1)
        if combo.findData(use) < 0:
            raise ValueError(f"{use!r} is not a property id or a column role")
        combo.setCurrentIndex(combo.findData(use))
        if unit is not None:
            self.cellWidget(r, 2).setEditText(unit)
        if basis is not None:
            box = self.cellWidget(r, 3)
            basis = "" if basis == "none" else basis
            if box.findData(basis) < 0:
                raise ValueError(f"{basis!r} is not a basis (ar, db, daf, ad)")
            box.setCurrentIndex(box.findData(basis))
        if method is not None:
            self.cellWidget(r, 4).setText(method)

    def targets(self) -> list[str]:
        """The template targets the current mapping produces (for the plot choices)."""
        taken: set[str] = set()
        out = []
        for name, (use, *_rest) in self.mapping_state().items():
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
        for name, (use, unit, basis, method) in self.mapping_state().items():
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
            if basis and use in PROPERTIES:
                spec["basis"] = basis
            if method and use in PROPERTIES:
                spec["method"] = method[:200]
            columns[name] = spec
        return columns, sample_column
