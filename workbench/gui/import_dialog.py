"""The import preview: what was understood in each file, and where it will go.

One table row per file (so a batch of hundreds stays one dialog): format, instrument,
sample names found, point or row counts, units and value ranges, warnings, and for a
file that could not be read its one-line reason. The user picks the target of the
selected rows (the sample the file names, an existing sample, or a new sample) and
confirms; nothing is written before that. A failed file offers "Define template…", and
saved templates can re-read the failed files.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.i18n import kind_label
from workbench.gui.import_command import EXISTING, FROM_FILE, NEW, Target, default_target
from workbench.importers.service import ImportPlan
from workbench.model import Project

RED, GREY = QColor(180, 20, 20), QColor(110, 110, 110)
COLS = ("file", "result", "target", "samples", "points", "values", "format", "instrument", "notes")
WIDTHS = {"file": 260, "result": 130, "target": 200, "samples": 160, "values": 380, "format": 260}


@dataclass
class PreviewItem:
    """One file of the preview: a plan, or the reason it could not be read."""

    path: str
    plan: ImportPlan | None
    error: str = ""


def fmt_num(v: float) -> str:
    return f"{v:.4g}"


def values_text(plan: ImportPlan) -> str:
    """Units and value ranges of every measurement, short ("temperature 30–800 °C")."""
    parts: list[str] = []
    for m in plan.parsed.measurements:
        s = m.summary()
        for name, info in s.get("columns", {}).items():
            unit = info.get("unit", "")
            rng = info.get("range")
            text = f"{name} {fmt_num(rng[0])}–{fmt_num(rng[1])}" if rng else name
            parts.append(f"{text} {unit}".strip())
        for pid, q in m.quantities.items():
            basis = f", {q.basis}" if q.basis and q.basis != "none" else ""
            parts.append(f"{pid} {fmt_num(q.value)} {q.unit}{basis}".strip())
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


class ImportPreviewDialog(QDialog):
    """Preview of parsed files; ``choices()`` gives the confirmed (plan, target) pairs."""

    reparseRequested = Signal(list, str)  # failed file paths, template name
    templateRequested = Signal(str)  # a failed file to define a template for

    def __init__(
        self,
        items: list[PreviewItem],
        project: Project,
        templates: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import preview"))
        self.project = project
        self.items: list[PreviewItem] = []
        self.targets: list[Target | None] = []
        self._present = {m.source_sha256 for _s, m in project.iter_measurements()}
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, len(COLS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Result"),
                self.tr("Goes to"),
                self.tr("Samples in file"),
                self.tr("Points/rows"),
                self.tr("Units and ranges"),
                self.tr("Format"),
                self.tr("Instrument"),
                self.tr("Warnings and errors"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select a file to see everything read from it."))

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._target_box())
        layout.addLayout(self._template_row())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.set_templates(templates or [])
        self.set_items(items)
        self.resize(1200, 640)

    # -- building blocks ------------------------------------------------------------
    def _target_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where the selected files go"))
        grid = QGridLayout(box)
        self.mode_group = QButtonGroup(self)
        self.radio_file = QRadioButton(self.tr("The sample named in the file"))
        self.radio_file.setToolTip(
            self.tr(
                "Matched by name (case and spaces ignored); a sample not yet in the project "
                "is created. A file that names no sample gets a new sample named after the file."
            )
        )
        self.radio_existing = QRadioButton(self.tr("An existing sample:"))
        self.radio_new = QRadioButton(self.tr("A new sample named:"))
        for i, radio in enumerate((self.radio_file, self.radio_existing, self.radio_new)):
            self.mode_group.addButton(radio, i)
        self.radio_file.setChecked(True)
        self.sample_combo = QComboBox()
        self.sample_combo.addItems(sorted(s.name for s in self.project.samples.values()))
        self.radio_existing.setEnabled(self.sample_combo.count() > 0)
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("default: the file name"))
        self.apply_target_button = QPushButton(self.tr("Use for selected files"))
        self.apply_target_button.clicked.connect(self.apply_target_to_selection)
        grid.addWidget(self.radio_file, 0, 0, 1, 2)
        grid.addWidget(self.radio_existing, 1, 0)
        grid.addWidget(self.sample_combo, 1, 1)
        grid.addWidget(self.radio_new, 2, 0)
        grid.addWidget(self.new_name, 2, 1)
        grid.addWidget(self.apply_target_button, 2, 2)
        grid.setColumnStretch(1, 1)
        return box

    def _template_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.define_button = QPushButton(self.tr("Define template…"))
        self.define_button.setToolTip(
            self.tr("Teach the workbench this table layout once (columns, units, decimal mark)")
        )
        self.define_button.clicked.connect(self._request_template)
        self.template_combo = QComboBox()
        self.template_combo.setMinimumWidth(200)
        self.reread_button = QPushButton(self.tr("Re-read failed files with template"))
        self.reread_button.clicked.connect(self._request_reparse)
        row.addWidget(self.define_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Saved template:")))
        row.addWidget(self.template_combo)
        row.addWidget(self.reread_button)
        return row

    def set_templates(self, names: list[str]) -> None:
        self.template_combo.clear()
        self.template_combo.addItems(names)
        self._update_buttons()

    # -- rows ---------------------------------------------------------------------------
    def set_items(self, items: list[PreviewItem]) -> None:
        self.items = list(items)
        self.targets = [default_target(i.plan) if i.plan else None for i in self.items]
        self.table.clearSpans()
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill_row(row, item)
        self.table.resizeColumnsToContents()
        for col, name in enumerate(COLS):
            limit = WIDTHS.get(name, 220)
            self.table.setColumnWidth(col, min(self.table.columnWidth(col) + 8, limit))
        rows_px = self.table.verticalHeader().defaultSectionSize() * (len(self.items) + 2)
        self.splitter.setSizes([min(max(rows_px, 120), 420), 220])
        self._update_summary()
        if self.items:
            self.table.selectRow(0)

    def replace_items(self, items: list[PreviewItem]) -> None:
        """Put re-read files (same paths) in place of their old rows."""
        by_path = {i.path: i for i in items}
        merged = [by_path.get(i.path, i) for i in self.items]
        kept = [t for t in self.targets]
        self.set_items(merged)
        for row, old in enumerate(kept):
            if old is not None and self.items[row].plan is not None:
                self.targets[row] = old
                self._show_target(row)

    def _cell(self, row: int, col: str, text: str, colour: QColor | None = None) -> None:
        cell = QTableWidgetItem(text)
        cell.setToolTip(text)
        if colour is not None:
            cell.setForeground(QBrush(colour))
        self.table.setItem(row, COLS.index(col), cell)

    def _fill_row(self, row: int, item: PreviewItem) -> None:
        name = Path(item.path).name
        file_cell = QTableWidgetItem(name)
        file_cell.setToolTip(item.path)
        self.table.setItem(row, 0, file_cell)
        plan = item.plan
        if plan is None:
            self._cell(row, "result", self.tr("Failed"), RED)
            reason = item.error.removeprefix(item.path + ": ").removeprefix(name + ": ")
            for col in COLS[3:]:
                self._cell(row, col, "")
            self._cell(row, "target", reason, RED)  # the reason spans the row (and details)
            self.table.setSpan(row, COLS.index("target"), 1, len(COLS) - COLS.index("target"))
            return
        file_cell.setFlags(file_cell.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        present = plan.sha256 in self._present
        file_cell.setCheckState(Qt.CheckState.Unchecked if present else Qt.CheckState.Checked)
        parsed = plan.parsed
        kinds = ", ".join(dict.fromkeys(kind_label(m.kind) for m in parsed.measurements))
        if present:
            self._cell(row, "result", self.tr("Already imported"), GREY)
        else:
            self._cell(row, "result", kinds or self.tr("Nothing found"))
        self._cell(row, "format", parsed.format_label)
        instrument = parsed.instrument or next(
            (m.instrument for m in parsed.measurements if m.instrument), ""
        )
        self._cell(row, "instrument", instrument)
        self._cell(row, "samples", ", ".join(parsed.sample_names) or self.tr("(none named)"))
        self._cell(row, "points", points_text(plan))
        self._cell(row, "values", values_text(plan))
        notes = "; ".join(parsed.warnings)
        self._cell(row, "notes", notes, QColor(160, 100, 0) if notes else None)
        self._show_target(row)

    def target_text(self, row: int) -> str:
        target, plan = self.targets[row], self.items[row].plan
        if target is None or plan is None:
            return ""
        if target.mode == EXISTING:
            return self.tr("Sample “%1”").replace("%1", target.name)
        names = plan.parsed.sample_names if target.mode == FROM_FILE else []
        names = names or [target.name]
        marked = [
            n if self.project.find_sample(n) else self.tr("%1 (new)").replace("%1", n)
            for n in names
        ]
        return ", ".join(marked)

    def _show_target(self, row: int) -> None:
        self._cell(row, "target", self.target_text(row))

    # -- user actions -------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def apply_target_to_selection(self) -> None:
        mode = (FROM_FILE, EXISTING, NEW)[max(self.mode_group.checkedId(), 0)]
        for row in self.selected_rows():
            plan = self.items[row].plan
            if plan is None:
                continue
            stem = Path(plan.path).stem
            if mode == EXISTING:
                if not self.sample_combo.currentText():
                    continue
                target = Target(EXISTING, self.sample_combo.currentText())
            elif mode == NEW:
                target = Target(NEW, self.new_name.text().strip() or stem)
            else:
                target = Target(FROM_FILE, stem)
            self.targets[row] = target
            self._show_target(row)

    def set_target(self, row: int, target: Target) -> None:
        self.targets[row] = target
        self._show_target(row)

    def _on_selection(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            self.details.setPlainText(
                self.tr("%1 files selected.").replace("%1", str(len(rows))) if rows else ""
            )
        else:
            self.details.setPlainText(self.details_text(rows[0]))
        self._update_buttons()

    def details_text(self, row: int) -> str:
        item = self.items[row]
        if item.plan is None:
            return item.error
        parsed = item.plan.parsed
        lines = [
            item.path,
            self.tr("Format: %1").replace("%1", parsed.format_label),
            self.tr("Encoding: %1").replace("%1", parsed.encoding or "-"),
            "SHA-256: " + item.plan.sha256,
        ]
        for m in parsed.measurements:
            lines.append("")
            lines.append(f"{kind_label(m.kind)}: {m.label}  [{m.sample_name or '-'}]")
            summary = m.summary()
            if "n_points" in summary:
                lines.append(self.tr("  points/rows: %1").replace("%1", str(summary["n_points"])))
            for name, info in summary.get("columns", {}).items():
                rng = info.get("range")
                span = f"{fmt_num(rng[0])} … {fmt_num(rng[1])}" if rng else ""
                lines.append(f"  {name} [{info.get('unit', '')}] {span}")
            for pid, q in m.quantities.items():
                lines.append(f"  {pid} = {fmt_num(q.value)} {q.unit} ({q.basis})")
            facts = [
                f"{k}: {v}"
                for k, v in m.metadata.items()
                if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v)
            ]
            if facts:
                lines.append("  " + "; ".join(facts[:8]))
        for w in parsed.warnings:
            lines.append(self.tr("Warning: %1").replace("%1", w))
        return "\n".join(lines)

    def failed_paths(self) -> list[str]:
        return [i.path for i in self.items if i.plan is None]

    def _request_template(self) -> None:
        rows = [r for r in self.selected_rows() if self.items[r].plan is None]
        failed = [self.items[r].path for r in rows] or self.failed_paths()
        if failed:
            self.templateRequested.emit(failed[0])

    def _request_reparse(self) -> None:
        name = self.template_combo.currentText()
        if name and self.failed_paths():
            self.reparseRequested.emit(self.failed_paths(), name)

    def _update_buttons(self) -> None:
        failed = bool(self.failed_paths()) if hasattr(self, "table") else False
        self.define_button.setEnabled(failed)
        self.reread_button.setEnabled(failed and self.template_combo.count() > 0)
        self.template_combo.setEnabled(self.template_combo.count() > 0)

    def _update_summary(self) -> None:
        ok = sum(1 for i in self.items if i.plan is not None)
        failed = len(self.items) - ok
        text = self.tr("%1 file(s) read, %2 ready to import, %3 could not be read.")
        text = text.replace("%1", str(len(self.items))).replace("%2", str(ok))
        text = text.replace("%3", str(failed))
        text += " " + self.tr("Nothing is written until you press Import.")
        self.summary_label.setText(text)
        self.import_button.setEnabled(ok > 0)
        self._update_buttons()

    # -- result ---------------------------------------------------------------------------
    def is_checked(self, row: int) -> bool:
        cell = self.table.item(row, 0)
        return bool(cell.flags() & Qt.ItemFlag.ItemIsUserCheckable) and (
            cell.checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, row: int, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self.table.item(row, 0).setCheckState(state)

    def choices(self) -> list[tuple[ImportPlan, Target]]:
        """The files to import (checked rows that were read) with their targets."""
        out = []
        for row, item in enumerate(self.items):
            target = self.targets[row]
            if item.plan is not None and target is not None and self.is_checked(row):
                out.append((item.plan, target))
        return out

    def failures(self) -> list[PreviewItem]:
        return [i for i in self.items if i.plan is None]
