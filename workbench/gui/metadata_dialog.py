"""Edit a sample's free key-value metadata (batch number, moisture on arrival, ...).

The answers the product routes test (chemical treatment, wood type, soil attached) come
first, each with its controlled values offered as choices in plain words ("not known"
stores nothing); a value stored in another spelling ("Untreated") is recognised and kept
as it is unless changed. Free entries follow. The dialog edits a copy; ``apply`` turns the differences into ``SetMetadataCommand``s
inside one undo macro, so one Edit > Undo reverts the whole dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
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
from workbench.gui.i18n import active_language
from workbench.value_labels import metadata_label
from workbench.vocab import ATTRIBUTE_LABELS, SAMPLE_ATTRIBUTES, normalise_attribute

# the sample answers the routes test, offered as choices (feedstock_type is a sample field)
CHOICE_KEYS = tuple(k for k in SAMPLE_ATTRIBUTES if k != "feedstock_type")


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
        self.choices: dict[str, tuple[QComboBox, str]] = {}  # key -> (combo, stored text)
        for key in CHOICE_KEYS:
            self.add_choice_row(key, sample.metadata.get(key))
        for key, value in sorted(sample.metadata.items()):
            if key not in self.choices:
                self.add_row(key, value)
        add = QPushButton(self.tr("Add row"))
        add.clicked.connect(lambda: self.add_row("", ""))
        remove = QPushButton(self.tr("Remove row"))
        remove.setToolTip(self.tr("Remove the selected entry"))
        remove.clicked.connect(self.remove_current)
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

    def add_choice_row(self, key: str, stored: object) -> None:
        """A row for a controlled answer: its name (not editable) and a choice of values."""
        lang = active_language()
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(metadata_label(key, lang))
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        name.setData(Qt.ItemDataRole.UserRole, key)
        name.setToolTip(key)
        self.table.setItem(row, 0, name)
        combo = QComboBox()
        combo.addItem(self.tr("not known"), "")
        for value in SAMPLE_ATTRIBUTES[key]:
            en_text, fi_text = ATTRIBUTE_LABELS.get(key, {}).get(value, (value, value))
            combo.addItem(fi_text if lang == "fi" else en_text, value)
        text = "" if stored is None else str(stored)
        value = normalise_attribute(key, text) or ""
        if text and not value:  # not a controlled value: shown as stored, kept unless changed
            combo.addItem(text, text)
            value = text
        combo.setCurrentIndex(max(combo.findData(value), 0))
        self.table.setCellWidget(row, 1, combo)
        self.choices[key] = (combo, text)

    def choose(self, key: str, value: str) -> None:
        """Pick a controlled value (tests)."""
        combo = self.choices[key][0]
        combo.setCurrentIndex(combo.findData(value))

    def remove_current(self) -> None:
        """Remove the selected free entry; a choice row is set to "not known" instead."""
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 0)
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if key in self.choices:
            self.choices[key][0].setCurrentIndex(0)
        else:
            self.table.removeRow(row)

    def add_row(self, key: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))

    def entries(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for key, (combo, stored) in self.choices.items():
            value = str(combo.currentData() or "")
            if value:  # unchanged answers keep their stored spelling
                same = normalise_attribute(key, stored) == value or stored == value
                out[key] = stored if same else value
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            if key_item is not None and key_item.data(Qt.ItemDataRole.UserRole):
                continue  # a choice row, read above
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
