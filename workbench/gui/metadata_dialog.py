"""Edit a sample's free key-value metadata (batch number, moisture on arrival, ...).

The dialog edits a copy; ``apply`` turns the differences into ``SetMetadataCommand``s
inside one undo macro, so one Edit > Undo reverts the whole dialog.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.gui.commands import SetMetadataCommand
from workbench.gui.document import ProjectDocument


def metadata_changes(old: dict[str, str], new: dict[str, str]) -> list[tuple[str, str | None]]:
    """(key, value) to set, with ``None`` for keys to remove; sorted by key."""
    changes: list[tuple[str, str | None]] = [(k, None) for k in old if k not in new]
    changes += [(k, v) for k, v in new.items() if old.get(k) != v]
    return sorted(changes, key=lambda kv: kv[0])


class MetadataDialog(QDialog):
    """Two-column table of keys and values with Add row / Remove row."""

    def __init__(
        self, doc: ProjectDocument, undo: QUndoStack, sample_id: str, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.doc, self.undo, self.sample_id = doc, undo, sample_id
        sample = doc.project.samples[sample_id]  # type: ignore[union-attr]
        self.setWindowTitle(self.tr("Metadata of %1").replace("%1", sample.name))
        self.resize(520, 360)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        for key, value in sorted(sample.metadata.items()):
            self.add_row(key, value)
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self.add_row("", ""))
        remove = QPushButton(self.tr("Remove row"))
        remove.setToolTip(self.tr("Remove the selected entry"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.addButton(add, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(remove, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Free notes about the sample as key and value, e.g. batch = B-17."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def add_row(self, key: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))

    def entries(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            if key:
                out[key] = value_item.text() if value_item else ""
        return out

    def apply(self) -> int:
        """Push the changes as one undoable step; returns the number of changed keys."""
        project = self.doc.project
        if project is None or project.read_only or self.doc.busy:
            return 0
        changes = metadata_changes(project.samples[self.sample_id].metadata, self.entries())
        if not changes:
            return 0
        self.undo.beginMacro(self.tr("Edit metadata of a sample"))
        for key, value in changes:
            self.undo.push(SetMetadataCommand(self.doc, self.sample_id, key, value))
        self.undo.endMacro()
        return len(changes)

    def accept(self) -> None:
        self.apply()
        super().accept()
