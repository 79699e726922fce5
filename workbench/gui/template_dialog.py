"""The import-template editor: map a table's columns once, with a live preview.

The user opens a sample file, sets how it is written (delimiter, decimal mark,
encoding, header row, rows to skip, measurement kind) and says what each column is
(ignored, the sample name, a vocabulary property with its unit, or a plain column).
Every change re-reads the first ``PREVIEW_BYTES`` of the file with the core's
``parse_with_template`` (after a short debounce) and shows the result or the error,
so the user sees at once whether the mapping works. Save writes the template through
the core (readable JSON in the user's templates folder); it is then offered by name
in the import preview and usable from the CLI (``import --template NAME``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontDatabase,
    QGuiApplication,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.errors import UserFacingError
from workbench.gui.i18n import kind_label
from workbench.gui.template_guess import (
    guess_columns,
    guess_delimiter,
    guess_header_row,
    guess_kind,
    slug,
    split_cells,
)
from workbench.gui.template_mapping import IGNORE, PLAIN, SAMPLE, ColumnMapTable
from workbench.importers.base import ParsedFile
from workbench.importers.containers import is_workbook, recognise
from workbench.importers.registry import read_file
from workbench.importers.template_schema import DELIMITERS
from workbench.importers.templates import (
    list_templates,
    load_template,
    parse_with_template,
    save_template,
    template_from_dict,
)
from workbench.importers.text import decode, sniff_delimiter, split_lines
from workbench.importers.workbook import read_sheets, sheet_names
from workbench.vocab import PROPERTIES, MeasurementKind

__all__ = [
    "IGNORE",
    "PLAIN",
    "SAMPLE",
    "TemplateDialog",
    "guess_delimiter",
    "guess_header_row",
    "slug",
]
PREVIEW_BYTES = 128 * 1024
PREVIEW_ROWS = 200


class TemplateDialog(QDialog):
    """Edit, live-test and save an import template for a sample file."""

    templateSaved = Signal(str)

    def __init__(self, path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import template"))
        self.path = ""
        self.raw = b""
        self.lines: list[str] = []
        self.parsed: ParsedFile | None = None
        self.error = ""
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self._build()
        self.sheets: list[str] = []
        if path:
            self.load_file(path)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Most of the screen it opens on, never more (a 768-pixel-high laptop too)."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen else QRect(0, 0, 1366, 768)
        self.resize(min(1300, int(area.width() * 0.94)), min(820, int(area.height() * 0.92)))

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.file_label = QLabel(self.tr("No sample file opened."))
        open_button = QPushButton(self.tr("Open sample file…"))
        open_button.clicked.connect(self._choose_file)
        self.saved_combo = QComboBox()
        self.saved_combo.setMinimumWidth(180)
        load_button = QPushButton(self.tr("Load"))
        load_button.setToolTip(self.tr("Edit a saved template"))
        load_button.clicked.connect(lambda: self.load_template(self.saved_combo.currentText()))
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(open_button)
        top.addWidget(QLabel(self.tr("Saved templates:")))
        top.addWidget(self.saved_combo)
        top.addWidget(load_button)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Fibre analyser, lab 2"))
        self.kind_combo = QComboBox()
        for kind in MeasurementKind:
            self.kind_combo.addItem(kind_label(kind.value), kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData("fibre_summary"))
        self.delim_combo = QComboBox()
        for label, value in (
            (self.tr("Automatic"), "auto"),
            (self.tr("Comma ,"), ","),
            (self.tr("Semicolon ;"), ";"),
            (self.tr("Tab"), "tab"),
            (self.tr("Spaces"), "space"),
        ):
            self.delim_combo.addItem(label, value)
        self.decimal_combo = QComboBox()
        for label, value in (
            (self.tr("Automatic"), "auto"),
            (self.tr("Point 1.5"), "."),
            (self.tr("Comma 1,5"), ","),
        ):
            self.decimal_combo.addItem(label, value)
        self.encoding_combo = QComboBox()
        self.encoding_combo.setEditable(True)
        self.encoding_combo.addItems(["auto", "utf-8", "cp1252", "utf-16", "latin-1", "cp850"])
        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, 10000)
        self.header_spin.setToolTip(self.tr("Line number of the column names (0: no header)"))
        self.skip_spin = QSpinBox()
        self.skip_spin.setRange(0, 10000)
        self.skip_spin.setToolTip(self.tr("Lines after the header to skip (units rows)"))
        self.stop_check = QCheckBox(self.tr("Data end at the first blank line"))
        self.stop_check.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Template name:"), self.name_edit)
        form.addRow(self.tr("Measurement kind:"), self.kind_combo)
        form.addRow(self.tr("Delimiter:"), self.delim_combo)
        form.addRow(self.tr("Decimal mark:"), self.decimal_combo)
        form.addRow(self.tr("Encoding:"), self.encoding_combo)
        form.addRow(self.tr("Header row:"), self.header_spin)
        form.addRow(self.tr("Rows to skip after it:"), self.skip_spin)
        form.addRow("", self.stop_check)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setToolTip(self.tr("The sheet of an Excel workbook to read"))
        self.range_edit = QLineEdit()
        self.range_edit.setPlaceholderText(self.tr("whole sheet, or e.g. B3:H40"))
        self.range_edit.setToolTip(
            self.tr("The cells to read; the header row counts from the top of the range")
        )
        for widget in (self.sheet_combo, self.range_edit):
            widget.setEnabled(False)
        form.addRow(self.tr("Sheet (Excel):"), self.sheet_combo)
        form.addRow(self.tr("Cell range:"), self.range_edit)

        self.raw_view = QPlainTextEdit()
        self.raw_view.setReadOnly(True)
        self.raw_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.raw_view.setToolTip(
            self.tr("The start of the file, with line numbers; the header row is highlighted")
        )
        self.raw_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))

        self.map_table = ColumnMapTable()
        self.map_table.changed.connect(self._mapping_changed)
        self.x_combo = QComboBox()
        self.signal_combo = QComboBox()
        plot_row = QHBoxLayout()
        plot_row.addWidget(QLabel(self.tr("Plot x axis:")))
        plot_row.addWidget(self.x_combo, 1)
        plot_row.addWidget(QLabel(self.tr("Plot signal:")))
        plot_row.addWidget(self.signal_combo, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.preview = QTableWidget(0, 0)
        self.preview.verticalHeader().setVisible(False)
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        left_layout.addWidget(self.raw_view, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Columns")))
        right_layout.addWidget(self.map_table, 2)
        right_layout.addLayout(plot_row)
        right_layout.addWidget(QLabel(self.tr("Preview of what will be imported")))
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.preview, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(
            self.tr("Save template"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self.name_edit.textChanged.connect(self.schedule)
        for combo in (self.kind_combo, self.decimal_combo, self.x_combo, self.signal_combo):
            combo.currentIndexChanged.connect(self.schedule)
        self.delim_combo.currentIndexChanged.connect(self._layout_changed)
        self.encoding_combo.currentTextChanged.connect(self._layout_changed)
        self.header_spin.valueChanged.connect(self._layout_changed)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.range_edit.editingFinished.connect(self._layout_changed)
        self.skip_spin.valueChanged.connect(self.schedule)
        self.stop_check.toggled.connect(self.schedule)
        self._fill_saved()

    def _fill_saved(self) -> None:
        self.saved_combo.clear()
        self.saved_combo.addItems([n for n, p in list_templates().items() if isinstance(p, Path)])

    # -- the sample file ------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a sample file"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read the start of ``path`` (all of an Excel workbook) and guess the delimiter,
        header row, measurement kind and what each column is."""
        try:
            with open(path, "rb") as fh:
                raw = fh.read(PREVIEW_BYTES + 1)
            self.sheets = []
            if is_workbook(raw) or recognise(raw[:4096]) is not None:
                raw = read_file(path)
                self.sheets = sheet_names(raw, path) if is_workbook(raw) else []
        except (OSError, UserFacingError) as exc:
            self._show_note(str(exc))
            return
        if not self.sheets and len(raw) > PREVIEW_BYTES:  # the first lines only
            raw = raw[: max(raw.rfind(b"\n", 0, PREVIEW_BYTES), 1) + 1]
        self.path, self.raw = path, raw
        self._loading = True
        self.sheet_combo.clear()
        self.sheet_combo.addItems(self.sheets)
        self.sheet_combo.setCurrentIndex(self._table_sheet())
        self.range_edit.clear()
        for widget in (self.sheet_combo, self.range_edit):
            widget.setEnabled(bool(self.sheets))
        self._loading = False
        self.file_label.setText(self.tr("Sample file: %1").replace("%1", Path(path).name))
        self.file_label.setToolTip(path)
        if not self.name_edit.text():
            self.name_edit.setText(slug(Path(path).stem, set()).replace("_", " ")[:60])
        self._decode()
        delim = guess_delimiter(self.lines)
        self._loading = True
        value = {None: "space", "\t": "tab"}.get(delim, delim)
        self.delim_combo.setCurrentIndex(max(self.delim_combo.findData(value), 0))
        self.header_spin.setValue(guess_header_row(self.lines, delim))
        self._loading = False
        self._layout_changed()
        self._apply_guesses()

    def _table_sheet(self) -> int:
        """The first sheet that holds more than a line or two (a table, not a note)."""
        for i, name in enumerate(self.sheets):
            try:
                sheet = read_sheets(self.raw, self.path, sheet=name)[0]
            except UserFacingError:
                continue
            if sum(1 for row in sheet.rows if sum(1 for c in row if c) >= 2) >= 2:
                return i
        return 0

    def _sheet_changed(self) -> None:
        """Another sheet: its header row, kind and columns are guessed afresh."""
        if self._loading or not self.raw:
            return
        self._decode()
        self._loading = True
        self.header_spin.setValue(guess_header_row(self.lines, "\t"))
        self._loading = False
        self._layout_changed()
        self._apply_guesses()

    def _apply_guesses(self) -> None:
        """The kind the columns' names suggest, and a first mapping of the columns."""
        kind = guess_kind(self.header)
        self._loading = True
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind), 0))
        for name, (use, unit) in guess_columns(self.header, kind).items():
            role = {"sample": SAMPLE, "plain": PLAIN}.get(use, use)
            if name in self.header:
                try:
                    self.set_column(name, role, unit)
                except ValueError:
                    continue
        self._loading = False
        self._mapping_changed()
        axis, signal = {"tga": ("temperature", "mass"), "fibre_particles": ("", "length")}.get(
            kind, ("", "")
        )
        for combo, target in ((self.x_combo, axis), (self.signal_combo, signal)):
            if target and combo.findData(target) >= 0:
                combo.setCurrentIndex(combo.findData(target))

    def _decode(self) -> None:
        enc = self.encoding_combo.currentText().strip() or "auto"
        try:
            if self.sheets:  # a workbook: the chosen sheet (range) as the importer reads it
                sheet = read_sheets(
                    self.raw, self.path, sheet=self.sheet_combo.currentText() or None,
                    cell_range=self._cell_range(),
                )[0]  # fmt: skip
                text = sheet.text()
            else:
                text, _used = decode(self.raw, self.path, None if enc == "auto" else enc)
        except (UserFacingError, LookupError) as exc:
            text = ""
            self.error = str(exc)
        self.lines = split_lines(text)
        numbered = [f"{i + 1:>4}  {line}" for i, line in enumerate(self.lines[:80])]
        self.raw_view.setPlainText("\n".join(numbered))

    def delimiter(self) -> str | None:
        value = self.delim_combo.currentData()
        d = DELIMITERS[value]
        if d == "auto":
            row = self.header_spin.value()
            d = sniff_delimiter(self.lines[max(row - 1, 0) : row + 10])
        return d

    def _layout_changed(self) -> None:
        """Delimiter, encoding or header row changed: list the columns again."""
        if self._loading or not self.raw:
            return
        self._decode()
        delim = self.delimiter()
        row = self.header_spin.value()
        if row and row <= len(self.lines):
            header = split_cells(self.lines[row - 1], delim)
        else:
            start = row + self.skip_spin.value()
            width = max(
                (len(split_cells(ln, delim)) for ln in self.lines[start : start + 50]), default=0
            )
            header = [f"#{j + 1}" for j in range(width)]
        self._highlight_header(row)
        self.map_table.set_header(header)

    def _highlight_header(self, row: int) -> None:
        marks = []
        if 0 < row <= self.raw_view.blockCount():
            mark = QTextEdit.ExtraSelection()
            mark.format.setBackground(QColor(255, 236, 150))
            mark.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(self.raw_view.document().findBlockByNumber(row - 1))
            mark.cursor = cursor
            marks.append(mark)
        self.raw_view.setExtraSelections(marks)

    def _mapping_changed(self) -> None:
        self._fill_plot_combos()
        self.schedule()

    @property
    def header(self) -> list[str]:
        return self.map_table.header

    def set_column(
        self,
        name: str,
        use: str,
        unit: str | None = None,
        basis: str | None = None,
        method: str | None = None,
    ) -> None:
        self.map_table.set_column(name, use, unit, basis, method)

    def _fill_plot_combos(self) -> None:
        targets = [t for t in self.map_table.targets() if t]
        for combo in (self.x_combo, self.signal_combo):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            for t in targets:
                combo.addItem(t, t)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    # -- mapping --------------------------------------------------------------------------
    def template_dict(self) -> dict[str, Any]:
        columns, sample_column = self.map_table.columns_spec()
        data: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "delimiter": self.delim_combo.currentData(),
            "decimal": self.decimal_combo.currentData(),
            "encoding": self.encoding_combo.currentText().strip() or "auto",
            "header_row": self.header_spin.value(),
            "skip_rows": self.skip_spin.value(),
            "sample_column": sample_column,
            "measurement_kind": self.kind_combo.currentData(),
            "columns": columns,
            "stop_at_blank": self.stop_check.isChecked(),
        }
        x, sig = self.x_combo.currentData(), self.signal_combo.currentData()
        if x and sig and x != sig:
            data["axes"], data["signal"] = [x], sig
        if self.sheets:
            data["sheet"] = self.sheet_combo.currentText() or None
            data["cell_range"] = self._cell_range()
        return data

    def _cell_range(self) -> str | None:
        text = self.range_edit.text().strip()
        return text or None

    # -- live preview ----------------------------------------------------------------------
    def schedule(self) -> None:
        if not self._loading:
            self._timer.start()

    def refresh(self) -> None:
        """Re-parse the previewed bytes with the current mapping and show the outcome."""
        self._timer.stop()
        self.parsed, self.error = None, ""
        if not self.raw:
            self._show_note(self.tr("Open a sample file to see a preview."))
            return
        columns, _sample = self.map_table.columns_spec()
        if not columns:  # nothing asked yet: guidance, not an error
            self._show_note(
                self.tr(
                    "Say what each column is (a property with its unit, or a plain column "
                    "kept as it is); the preview appears as soon as one column is mapped."
                )
            )
            return
        try:
            template = template_from_dict(self.template_dict(), self.tr("this template"))
            self.parsed = parse_with_template(self.raw, Path(self.path).name, template)
        except UserFacingError as exc:
            self._show_error(str(exc))
            return
        self._show_parsed(self.parsed)

    def _show_note(self, text: str) -> None:
        """A neutral message (what to do next), not an error."""
        self._show_error(text)
        self.error = ""
        self.status.setStyleSheet("color: #555;")

    def _show_error(self, text: str) -> None:
        self.error = text
        self.status.setText(text)
        self.status.setStyleSheet("color: #b41414;")
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.save_button.setEnabled(False)

    def _show_parsed(self, parsed: ParsedFile) -> None:
        ms = parsed.measurements
        heads = [self.tr("Sample")]
        rows: list[list[str]] = []
        for m in ms:
            for pid, q in m.quantities.items():
                head = f"{pid} [{q.unit}]"
                if head not in heads:
                    heads.append(head)
            for name, col in m.columns.items():
                head = f"{name} [{col.unit}]" if col.unit else name
                if head not in heads:
                    heads.append(head)
        for m in ms:
            if m.quantities:
                row = {f"{p} [{q.unit}]": f"{q.value:.6g}" for p, q in m.quantities.items()}
                rows.append([m.sample_name or "", *(row.get(h, "") for h in heads[1:])])
                continue
            arrays = {
                (f"{n} [{c.unit}]" if c.unit else n): c.values() for n, c in m.columns.items()
            }
            n = max((len(a) for a in arrays.values()), default=0)
            for i in range(min(n, PREVIEW_ROWS - len(rows))):
                cells = [f"{arrays[h][i]:.6g}" if h in arrays else "" for h in heads[1:]]
                rows.append([m.sample_name or "", *cells])
            if len(rows) >= PREVIEW_ROWS:
                break
        self.preview.clear()
        self.preview.setColumnCount(len(heads))
        self.preview.setHorizontalHeaderLabels(heads)
        self.preview.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if text == "nan":
                    item.setForeground(QBrush(QColor(150, 150, 150)))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        names = ", ".join(parsed.sample_names[:5]) or self.tr("(no sample column)")
        text = self.tr("%1 measurement(s) of kind %2 for samples: %3")
        text = text.replace("%1", str(len(ms))).replace("%2", kind_label(ms[0].kind) if ms else "-")
        self.status.setText(text.replace("%3", names))
        self.status.setStyleSheet("color: #1a6b1a;")
        self.save_button.setEnabled(bool(ms) and bool(self.name_edit.text().strip()))

    # -- saving and loading ---------------------------------------------------------------
    def save(self) -> str | None:
        """Validate and save through the core; returns the name, or None on error."""
        try:
            template = template_from_dict(self.template_dict(), self.tr("this template"))
            path = save_template(template)
        except (UserFacingError, OSError) as exc:
            self._show_error(str(exc))
            return None
        self.status.setText(
            self.tr("Saved template “%1” to %2")
            .replace("%1", template.name)
            .replace("%2", str(path))
        )
        self.status.setStyleSheet("color: #1a6b1a;")
        self._fill_saved()
        self.saved_combo.setCurrentText(template.name)
        self.templateSaved.emit(template.name)
        return template.name

    def load_template(self, name: str) -> None:
        """Show a saved template's settings (the sample file stays as it is)."""
        if not name:
            return
        try:
            data = load_template(name).to_dict()
        except UserFacingError as exc:
            self._show_error(str(exc))
            return
        self._loading = True
        self.name_edit.setText(data["name"])
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(data["measurement_kind"]))
        self.delim_combo.setCurrentIndex(max(self.delim_combo.findData(data["delimiter"]), 0))
        self.decimal_combo.setCurrentIndex(max(self.decimal_combo.findData(data["decimal"]), 0))
        self.encoding_combo.setEditText(data.get("encoding", "auto"))
        self.header_spin.setValue(data["header_row"])
        self.skip_spin.setValue(data.get("skip_rows", 0))
        self.stop_check.setChecked(data.get("stop_at_blank", True))
        self._loading = False
        self._layout_changed()
        for col, spec in data["columns"].items():
            if col in self.header:
                use = spec["target"] if spec["target"] in PROPERTIES else PLAIN
                self.set_column(
                    col, use, spec.get("unit", ""), spec.get("basis", ""), spec.get("method", "")
                )
        if data.get("sample_column") in self.header:
            self.set_column(data["sample_column"], SAMPLE)
        self.refresh()
