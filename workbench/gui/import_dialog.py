"""The import preview: what was understood in each file, and where it will go.

One table row per file (so a batch of hundreds stays one dialog): format, instrument,
sample names found, point or row counts, units and value ranges, warnings, and for a
file that could not be read its one-line reason. The user picks the target of the
selected rows (the sample the file names, an existing sample, or a new sample) and
confirms; nothing is written before that. A failed file offers "Define template…", and
saved templates can re-read the failed files.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
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
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.import_command import EACH, EXISTING, FROM_FILE, NEW, Target
from workbench.gui.import_details import ImportDetails
from workbench.gui.import_preview_model import COLS, PreviewItem, PreviewModel
from workbench.importers.service import ImportPlan, display_stem
from workbench.model import Project

__all__ = ["ImportPreviewDialog", "PreviewItem"]
_WRAP = int(Qt.TextFlag.TextWordWrap)
WIDTHS = {
    "file": 200, "result": 100, "notes": 230, "target": 180, "samples": 140, "points": 80,
    "values": 320, "format": 240, "instrument": 160,
}  # fmt: skip


class ImportPreviewDialog(QDialog):
    """Preview of parsed files; ``choices()`` gives the confirmed (plan, target) pairs.

    The file list (left) says per file what was found, where it goes and its warnings;
    the panel beside it (``ImportDetails``) draws the selected file's data and lists its
    warnings or the reason it could not be read, wrapped. The dialog is resizable and
    takes the room the screen offers (it fits a 1366x768 laptop)."""

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
        self.setSizeGripEnabled(True)
        self.project = project
        self.model = PreviewModel(project, self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)  # a failed file's reason is wrapped in its row
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        # two lines per row: a file's warnings show, wrapped, beside its name
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.sectionResized.connect(lambda *_: self._fit_failed_rows())
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, name in enumerate(COLS):  # never narrower than its title (Finnish is longer)
            header.resizeSection(col, max(WIDTHS.get(name, 200), header.sectionSizeHint(col)))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.details = ImportDetails()

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

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
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Take most of the screen it opens on, never more (a 1366x768 laptop included)."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)
        width = min(1800, max(640, int(area.width() * 0.94)))
        height = min(1000, max(480, int(area.height() * 0.92)))
        self.resize(width, height)
        self.splitter.setSizes([int(width * 0.58), int(width * 0.42)])
        if self.parentWidget() is None:
            self.move(area.center() - self.rect().center())

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
        self.radio_each = QRadioButton(self.tr("One new sample per spectrum or curve"))
        self.radio_each.setToolTip(
            self.tr(
                "For a file of several spectra (an SPC file of 20 NIR spectra, a table of "
                "spectra): each becomes a sample of its own, named from the file"
            )
        )
        radios = (self.radio_file, self.radio_existing, self.radio_new, self.radio_each)
        for i, radio in enumerate(radios):
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
        grid.addWidget(self.radio_each, 0, 2)
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
    @property
    def items(self) -> list[PreviewItem]:
        return self.model.items

    @property
    def targets(self) -> list[Target | None]:
        return self.model.targets

    def set_items(self, items: list[PreviewItem]) -> None:
        self.model.set_items(items)
        self.table.clearSpans()
        span_from = COLS.index("notes")
        for row, item in enumerate(self.items):
            if item.plan is None:  # the reason spans the row, wrapped (and in the panel)
                self.table.setSpan(row, span_from, 1, len(COLS) - span_from)
        self._fit_failed_rows()
        self._update_summary()
        if self.items:
            self.table.selectRow(0)

    def _fit_failed_rows(self) -> None:
        """A file that could not be read shows its reason over the columns the table has
        room for, wrapped there, and its row is as tall as that (up to six lines; the
        panel beside shows it whole). Qt's row sizing ignores spanned cells, so the
        height is measured here."""
        first = COLS.index("notes")
        right = self.table.viewport().width()
        count, width = 1, self.table.columnWidth(first)
        while first + count < len(COLS):
            edge = self.table.columnViewportPosition(first + count) + self.table.columnWidth(
                first + count
            )
            if right > 0 and edge > right:
                break
            width += self.table.columnWidth(first + count)
            count += 1
        metrics = self.table.fontMetrics()
        line = metrics.lineSpacing()
        for row, item in enumerate(self.items[:500]):
            if item.plan is not None:
                continue
            if self.table.columnSpan(row, first) != count:
                self.table.setSpan(row, first, 1, count)
            text = self.model.text(row, first)
            box = metrics.boundingRect(0, 0, max(width - 8, 100), 100 * line, _WRAP, text)
            lines = min(6, max(1, round(box.height() / line)))
            self.table.setRowHeight(row, lines * line + 10)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_failed_rows()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_failed_rows)  # once the table has its real width

    def replace_items(self, items: list[PreviewItem]) -> None:
        """Put re-read files (same paths) in place of their old rows."""
        by_path = {i.path: i for i in items}
        merged = [by_path.get(i.path, i) for i in self.items]
        kept = list(self.targets)
        self.set_items(merged)
        for row, old in enumerate(kept):
            if old is not None and self.items[row].plan is not None:
                self.model.set_target(row, old)

    def cell_text(self, row: int, col: int | str) -> str:
        """The text of a cell; ``col`` is an index or a column name of ``COLS``."""
        return self.model.text(row, COLS.index(col) if isinstance(col, str) else col)

    def target_text(self, row: int) -> str:
        return self.model.target_text(row)

    # -- user actions -------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def apply_target_to_selection(self) -> None:
        mode = (FROM_FILE, EXISTING, NEW, EACH)[max(self.mode_group.checkedId(), 0)]
        for row in self.selected_rows():
            plan = self.items[row].plan
            if plan is None:
                continue
            stem = display_stem(plan.path)
            if mode == EXISTING:
                if not self.sample_combo.currentText():
                    continue
                target = Target(EXISTING, self.sample_combo.currentText())
            elif mode == NEW:
                target = Target(NEW, self.new_name.text().strip() or stem)
            elif mode == EACH:
                target = Target(EACH, stem)
            else:
                target = Target(FROM_FILE, stem)
            self.model.set_target(row, target)

    def set_target(self, row: int, target: Target) -> None:
        self.model.set_target(row, target)

    def _on_selection(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.details.show_item(self.items[rows[0]])
        else:
            self.details.show_item(None, len(rows))
        several = any(
            self.items[r].plan is not None and len(self.items[r].plan.parsed.measurements) > 1
            for r in rows
        )
        self.radio_each.setEnabled(several or self.radio_each.isChecked())
        self._update_buttons()

    def details_text(self, row: int) -> str:
        """Everything read from the file of ``row`` (as the panel shows it)."""
        item = self.items[row]
        if item.plan is None:
            return item.texts.get("notes", item.error)
        return self.details.facts_text(item)

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
        return self.items[row].plan is not None and self.model.checked[row]

    def set_checked(self, row: int, checked: bool) -> None:
        self.model.set_checked(row, checked)

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
