"""The table model behind the import preview: one row per file, texts made ahead.

A batch can hold hundreds of files, so the preview is a ``QAbstractTableModel`` (no
widget per cell) and each row's texts (format, samples, counts, units and ranges) are
computed once by ``row_texts``, on the worker thread that parsed the file; the GUI
thread only looks them up when a row is painted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from workbench.gui.column_labels import column_label
from workbench.gui.i18n import active_language, basis_label, kind_label
from workbench.gui.import_command import EACH, EXISTING, FROM_FILE, Target, default_target
from workbench.gui.import_texts import format_text, message_text, warning_text
from workbench.gui.numbers import locale_number
from workbench.importers.service import ImportPlan, per_measurement_names
from workbench.model import Project
from workbench.value_labels import value_label

translate = QCoreApplication.translate
# warnings (and a failed file's reason) beside the file name, seen without scrolling
COLS = ("file", "result", "notes", "target", "samples", "points", "values", "format", "instrument")
RED, GREY, AMBER = QColor(180, 20, 20), QColor(110, 110, 110), QColor(160, 100, 0)
Index = QModelIndex


@dataclass
class PreviewItem:
    """One file of the preview: a plan, or the reason it could not be read."""

    path: str
    plan: ImportPlan | None
    error: str = ""
    texts: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.texts:
            self.texts = row_texts(self)


def fmt_num(v: float) -> str:
    return locale_number(v)


def values_text(plan: ImportPlan) -> str:
    """Units and value ranges of every measurement, short ("temperature 30–800 °C")."""
    parts: list[str] = []
    for m in plan.parsed.measurements:
        s = m.summary()
        for name, info in s.get("columns", {}).items():
            unit = info.get("unit", "")
            rng = info.get("range")
            # the canonical name in the interface language, not the file's own header
            label = column_label(name.replace("_", " ").capitalize())
            text = f"{label} {fmt_num(rng[0])}–{fmt_num(rng[1])}" if rng else label
            parts.append(f"{text} {unit}".strip())
        for pid, q in m.quantities.items():
            basis = f", {basis_label(q.basis)}" if q.basis and q.basis != "none" else ""
            name = value_label(pid, active_language())
            parts.append(f"{name} {fmt_num(q.value)} {q.unit}{basis}".strip())
    out = list(dict.fromkeys(parts))
    return "; ".join(out[:6]) + (" …" if len(out) > 6 else "")


def points_text(plan: ImportPlan) -> str:
    counts = [m.summary().get("n_points") for m in plan.parsed.measurements]
    counts = [c for c in counts if c is not None]
    n = len(plan.parsed.measurements)
    if not counts:
        return str(n)
    if len(set(counts)) == 1 and n > 1:
        return f"{n} × {counts[0]}"
    return ", ".join(str(c) for c in counts[:4]) + (" …" if len(counts) > 4 else "")


def _inner_formats(parsed) -> list[str]:
    """The format ids of a workbook's sheets or an archive's members that gave data."""
    return [
        m.metadata.get("sheet_format") or m.metadata.get("member_format") or ""
        for m in parsed.measurements
        if m.metadata.get("sheet_format") or m.metadata.get("member_format")
    ]


def row_texts(item: PreviewItem) -> dict[str, str]:
    """The texts of one preview row (safe to call on a worker thread)."""
    name = Path(item.path).name
    plan = item.plan
    if plan is None:
        reason = message_text(item.error, item.path)
        return {"file": name, "result": translate("ImportPreview", "Failed"), "notes": reason}
    parsed = plan.parsed
    kinds = ", ".join(dict.fromkeys(kind_label(m.kind) for m in parsed.measurements))
    instrument = parsed.instrument or next(
        (m.instrument for m in parsed.measurements if m.instrument), ""
    )
    return {
        "file": name,
        "result": kinds or translate("ImportPreview", "Nothing found"),
        "samples": ", ".join(parsed.sample_names) or translate("ImportPreview", "(none named)"),
        "points": points_text(plan),
        "values": values_text(plan),
        "format": format_text(parsed.format_id, parsed.format_label, _inner_formats(parsed)),
        "instrument": instrument,
        "notes": "; ".join(warning_text(w) for w in parsed.warnings),
        "n_warnings": str(len(parsed.warnings)),
    }


class PreviewModel(QAbstractTableModel):
    """Rows of ``PreviewItem`` with a tick (import or not) and a target each."""

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.items: list[PreviewItem] = []
        self.targets: list[Target | None] = []
        self.checked: list[bool] = []
        self.present = {m.source_sha256 for _s, m in project.iter_measurements()}
        self.headers = [
            self.tr("File"),
            self.tr("Result"),
            self.tr("Warnings and errors"),
            self.tr("Goes to"),
            self.tr("Samples in file"),
            self.tr("Points/rows"),
            self.tr("Units and ranges"),
            self.tr("Format"),
            self.tr("Instrument"),
        ]

    def set_items(self, items: list[PreviewItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.targets = [default_target(i.plan) if i.plan else None for i in self.items]
        self.checked = [bool(i.plan) and i.plan.sha256 not in self.present for i in self.items]
        self.endResetModel()

    def is_present(self, row: int) -> bool:
        plan = self.items[row].plan
        return plan is not None and plan.sha256 in self.present

    def target_text(self, row: int) -> str:
        target, item = self.targets[row], self.items[row]
        if item.plan is None:
            return ""
        if target is None:
            return ""
        if target.mode == EXISTING:
            return self.tr("Sample “%1”").replace("%1", target.name)
        if target.mode == EACH:
            names = per_measurement_names(item.plan)
            new = sum(1 for n in names if self.project.find_sample(n) is None)
            text = self.tr("One sample per measurement: %1 (%2 new)")
            shown = ", ".join(names[:2]) + (", …" if len(names) > 2 else "")
            return text.replace("%1", shown).replace("%2", str(new))
        names = item.plan.parsed.sample_names if target.mode == FROM_FILE else []
        names = names or [target.name]
        marked = [
            n if self.project.find_sample(n) else self.tr("%1 (new)").replace("%1", n)
            for n in names
        ]
        return ", ".join(marked)

    def text(self, row: int, col: int) -> str:
        name = COLS[col]
        if name == "target":
            return self.target_text(row)
        if name == "result" and self.is_present(row):
            return self.tr("Already imported")
        return self.items[row].texts.get(name, "")

    def set_target(self, row: int, target: Target) -> None:
        self.targets[row] = target
        index = self.index(row, COLS.index("target"))
        self.dataChanged.emit(index, index)

    def set_checked(self, row: int, checked: bool) -> None:
        if self.items[row].plan is not None:
            self.checked[row] = checked
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.items[index.row()].plan is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and col == 0:
                return self.items[row].path
            return self.text(row, col)
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            if self.items[row].plan is None:
                return None
            return Qt.CheckState.Checked if self.checked[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.items[row].plan is None and COLS[col] in ("result", "notes"):
                return QBrush(RED)
            if COLS[col] == "result" and self.is_present(row):
                return QBrush(GREY)
            if COLS[col] == "notes":
                return QBrush(AMBER)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            state = Qt.CheckState(value) if isinstance(value, int) else value
            self.set_checked(index.row(), state == Qt.CheckState.Checked)
            return True
        return False
