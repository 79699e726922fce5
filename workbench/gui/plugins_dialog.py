"""Help > Plugins: every discovered plugin with version, origin, status and errors.

A table lists each plugin (name in the UI language, id, version, origin: built-in,
installed package or user folder, and status); selecting a row shows its manifest
file, what it consumes and, for a failed plugin, the error with the full traceback
(selectable, to copy into a bug report). The user plugin folder is shown with an
"Open folder" button, so a lab knows where to drop its own plugins.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.analysis.registry import PluginRecord, Registry
from workbench.gui.analysis_dialog import plugin_description, plugin_name
from workbench.paths import user_subdir


class PluginsDialog(QDialog):
    """The plugins view."""

    def __init__(self, registry: Registry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plugins"))
        self.records: list[PluginRecord] = list(registry)
        self.table = QTableWidget(len(self.records), 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Id"), self.tr("Version"), self.tr("Origin"),
             self.tr("Status")]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for row, rec in enumerate(self.records):
            ok = rec.status == "ok"
            cells = [
                plugin_name(rec) if rec.manifest else rec.id,
                rec.id,
                rec.version,
                self.origin_text(rec.origin),
                self.tr("OK") if ok else self.tr("Failed"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not ok:
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setToolTip(rec.error)
                self.table.setItem(row, col, item)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_details(row))

        folder = str(user_subdir("plugins"))
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setReadOnly(True)
        open_button = QPushButton(self.tr("Open folder"))
        open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder_edit.text()))
        )
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Your plugin folder:")))
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(open_button)
        hint = QLabel(
            self.tr(
                "Copy a plugin folder (with its plugin.toml) here and restart the workbench "
                "to use it."
            )
        )
        hint.setStyleSheet("color:#666")

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([260, 220])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        n_failed = sum(r.status != "ok" for r in self.records)
        summary = self.tr("%1 plugins, %2 failed to load.")
        layout.addWidget(
            QLabel(summary.replace("%1", str(len(self.records))).replace("%2", str(n_failed)))
        )
        layout.addWidget(splitter, 1)
        layout.addLayout(folder_row)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(860, 600)
        if self.records:
            failed = [i for i, r in enumerate(self.records) if r.status != "ok"]
            self.table.selectRow(failed[0] if failed else 0)

    def origin_text(self, origin: str) -> str:
        texts = {
            "built-in": self.tr("built-in"),
            "installed": self.tr("installed package"),
            "user": self.tr("user folder"),
        }
        return texts.get(origin, origin)

    def show_details(self, row: int) -> None:
        if row < 0 or row >= len(self.records):
            self.details.clear()
            return
        rec = self.records[row]
        parts = [f"<h3>{escape(plugin_name(rec) if rec.manifest else rec.id)}</h3>"]
        if rec.manifest is not None:
            parts.append(f"<p>{escape(plugin_description(rec))}</p>")
            consumes = ", ".join(rec.manifest.consumes_kinds + rec.manifest.consumes_properties)
            rows = [
                (self.tr("Consumes"), consumes),
                (self.tr("Method"), rec.manifest.standard),
                (self.tr("Plugin API"), rec.manifest.api_version),
                (self.tr("Scope"), rec.manifest.scope),
            ]
            parts.append(
                "<table>"
                + "".join(
                    f"<tr><td style='color:#555;padding-right:10px'>{escape(k)}</td>"
                    f"<td>{escape(v)}</td></tr>"
                    for k, v in rows
                    if v
                )
                + "</table>"
            )
        source_word = self.tr("Source:")  # outside the f-string, where lupdate finds it
        parts.append(f"<p style='color:#555'>{escape(source_word)} {escape(rec.source)}</p>")
        if rec.status != "ok":
            parts.append(f"<p style='color:#b00020'><b>{escape(rec.error)}</b></p>")
            if rec.traceback:
                parts.append(f"<pre>{escape(rec.traceback)}</pre>")
        self.details.setHtml("".join(parts))

    def row_texts(self) -> list[list[str]]:
        """Every cell's text (for tests)."""
        return [
            [self.table.item(r, c).text() for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]
