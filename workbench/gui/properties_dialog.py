"""Edit > Properties…: the property vocabulary, and properties of the project's own.

Lists the built-in property ids and the project's own (id, unit, basis, label, where it
comes from) with a filter, and adds a new property to the project (stored in the
project file, ``workbench.properties``) as one undoable step. The rules and the
messages are the core's (``workbench.properties.make_definition``), shown under the
form in red, so the window and ``fibre-workbench properties add`` accept the same ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench import properties as up
from workbench.errors import UserFacingError
from workbench.gui.i18n import active_language, basis_label
from workbench.vocab import Basis, PropertyDef

if TYPE_CHECKING:
    from workbench.gui.document import ProjectDocument

translate = QCoreApplication.translate


class AddPropertyCommand(QUndoCommand):
    """Define a property in the project; undo removes it again (it has no values yet)."""

    def __init__(self, doc: ProjectDocument, defn: PropertyDef) -> None:
        super().__init__(translate("Commands", "Add property “%1”").replace("%1", defn.id))
        self.doc = doc
        self.defn = defn

    def redo(self) -> None:
        up.add(self.doc.project, self.defn)
        self.doc.notify_reset()

    def undo(self) -> None:
        up.remove(self.doc.project, self.defn.id)
        self.doc.notify_reset()


class PropertiesDialog(QDialog):
    """The vocabulary table and a form that adds a property to the project."""

    def __init__(
        self, doc: ProjectDocument, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc = doc
        self.undo_stack = undo_stack
        self.setWindowTitle(self.tr("Properties"))
        self.resize(780, 680)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by id or label"))
        self.filter.textChanged.connect(self.fill)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Id"), self.tr("Unit"), self.tr("Basis"), self.tr("Label"), self.tr("From")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.new_id = QLineEdit()
        self.new_id.setPlaceholderText(self.tr("e.g. ADF or crude_protein"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("e.g. % or g/kg"))
        self.basis = QComboBox()
        for b in Basis:
            text = (
                basis_label(b.value) if b != Basis.NONE else self.tr("none (not a mass fraction)")
            )
            self.basis.addItem(f"{b.value}: {text}" if b != Basis.NONE else text, b.value)
        self.basis.setCurrentIndex(self.basis.findData(Basis.NONE.value))
        self.label_en = QLineEdit()
        self.label_fi = QLineEdit()
        self.description = QLineEdit()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020")
        self.add_button = QPushButton(self.tr("Add to project"))
        self.add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow(self.tr("Id"), self.new_id)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Basis"), self.basis)
        form.addRow(self.tr("Label (English)"), self.label_en)
        form.addRow(self.tr("Label (Finnish)"), self.label_fi)
        form.addRow(self.tr("Description"), self.description)
        form.addRow("", self.add_button)
        form.addRow(self.error)
        box = QGroupBox(self.tr("A property of this project's own"))
        box.setLayout(form)
        hint = QLabel(
            self.tr(
                "Every value is named by a property id with its unit and basis. A property of "
                "the project's own is stored in the project file and can be named in import "
                "templates, analyses (e.g. the property of a PLS calibration), route files "
                "and exports."
            )
        )
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(buttons)
        writable = doc.project is not None and not doc.project.read_only
        box.setEnabled(writable)
        if not writable:
            box.setToolTip(self.tr("The project is read-only."))
        self.fill()

    def fill(self) -> None:
        """Fill the table (built-in and the project's own), filtered."""
        wanted = self.filter.text().strip().casefold()
        fi = active_language() == "fi"
        rows = []
        for d in up.all_definitions(self.doc.project):
            label = d.label_fi if fi and d.label_fi else d.label_en
            if wanted and wanted not in d.id.casefold() and wanted not in label.casefold():
                continue
            origin = self.tr("this project") if d.user_defined else self.tr("built in")
            basis = basis_label(d.basis.value) if d.basis != Basis.NONE else ""
            rows.append((d.id, d.unit, basis, label, origin, d.description))
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row[:5]):
                item = QTableWidgetItem(text)
                item.setToolTip(row[5] or text)
                self.table.setItem(r, c, item)

    def add(self) -> None:
        """Validate the form with the core's rules and add the property (undoable)."""
        try:
            defn = up.make_definition(
                self.new_id.text(),
                unit=self.unit.text(),
                basis=self.basis.currentData(),
                label_en=self.label_en.text(),
                label_fi=self.label_fi.text(),
                description=self.description.text(),
            )
            if defn.id in up.defined_in(self.doc.project):
                raise UserFacingError(
                    self.tr("The project already defines %1.").replace("%1", defn.id)
                )
        except UserFacingError as exc:
            self.error.setText(str(exc))
            return
        self.undo_stack.push(AddPropertyCommand(self.doc, defn))
        self.error.setText("")
        for field in (self.new_id, self.unit, self.label_en, self.label_fi, self.description):
            field.clear()
        self.filter.setText(defn.id)
        self.fill()
        self.table.selectRow(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
