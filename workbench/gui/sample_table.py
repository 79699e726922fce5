"""The sample table: one row per sample, its metadata editable in place.

Edits do not touch the project directly: ``setData`` pushes a ``SetSampleFieldCommand``
on the undo stack, which calls the core ``Project.set_sample_field`` (audit-logged) and
can be undone. The feedstock type is chosen from the controlled vocabulary with a combo
box showing translated labels.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workbench.gui.commands import SetSampleFieldCommand
from workbench.gui.document import ProjectDocument
from workbench.gui.i18n import feedstock_choices, feedstock_label, sample_field_label
from workbench.model import EDITABLE_SAMPLE_FIELDS

SAMPLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("name", "feedstock_type", "measurements", "supplier", "origin", "date_received", "notes")
PREFERRED_WIDTHS = (230, 150, 40, 150, 150, 40, 200)  # shares of any width beyond the titles
Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()  # the invalid index Qt passes for "top level"


def valid_date(text: str) -> bool:
    """True for an empty text or an ISO date (YYYY-MM-DD)."""
    if not text:
        return True
    try:
        _dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class SampleTableModel(QAbstractTableModel):
    """Table over the document's samples; edits go through the undo stack."""

    def __init__(self, doc: ProjectDocument, undo: QUndoStack, parent: QObject | None = None):
        super().__init__(parent)
        self.doc = doc
        self.undo = undo
        self._ids = doc.sample_ids()
        self._row = {sid: i for i, sid in enumerate(self._ids)}
        doc.projectReplaced.connect(self._reset)
        doc.sampleInserted.connect(self._on_inserted)
        doc.sampleAboutToBeRemoved.connect(self._on_about_to_remove)
        doc.sampleRemoved.connect(lambda _sid: self.endRemoveRows())
        doc.sampleChanged.connect(self._on_changed)
        doc.sampleContentsChanged.connect(self._on_changed)

    def _reindex(self) -> None:
        self._row = {sid: i for i, sid in enumerate(self._ids)}

    def _reset(self) -> None:
        self.beginResetModel()
        self._ids = self.doc.sample_ids()
        self._reindex()
        self.endResetModel()

    def _on_inserted(self, sid: str, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, sid)
        self._reindex()
        self.endInsertRows()

    def _on_about_to_remove(self, sid: str, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._ids.pop(row)
        self._reindex()

    def _on_changed(self, sid: str, _field: str = "") -> None:
        row = self._row.get(sid)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        field = COLUMNS[section]
        return self.tr("Measurements") if field == "measurements" else sample_field_label(field)

    def sample_id(self, row: int) -> str:
        return self._ids[row]

    def row_texts(self, row: int) -> list[str]:
        """The texts a row shows, in column order (read from the sample, for the filter)."""
        assert self.doc.project is not None
        sample = self.doc.project.samples[self._ids[row]]
        out = []
        for field in COLUMNS:
            if field == "measurements":
                out.append(str(len(sample.measurements)))
            elif field == "feedstock_type":
                out.append(feedstock_label(sample.feedstock_type))
            else:
                out.append(str(getattr(sample, field) or ""))
        return out

    def row_of(self, sample_id: str) -> int | None:
        return self._row.get(sample_id)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and COLUMNS[index.column()] in EDITABLE_SAMPLE_FIELDS:
            read_only = self.doc.project is None or self.doc.project.read_only or self.doc.busy
            if not read_only:
                return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.doc.project is None:
            return None
        sid = self._ids[index.row()]
        sample = self.doc.project.samples[sid]
        field = COLUMNS[index.column()]
        if role == SAMPLE_ID_ROLE:
            return sid
        if field == "measurements":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return len(sample.measurements)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        value = getattr(sample, field)
        if role == Qt.ItemDataRole.DisplayRole:
            return feedstock_label(value) if field == "feedstock_type" else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole and value:  # the whole text of a cut cell
            return feedstock_label(value) if field == "feedstock_type" else value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.doc.project is None:
            return False
        field = COLUMNS[index.column()]
        if field not in EDITABLE_SAMPLE_FIELDS or self.doc.project.read_only or self.doc.busy:
            return False
        sid = self._ids[index.row()]
        text = str(value).strip() if field != "notes" else str(value)
        if field == "name" and not text:
            return False
        if field == "date_received" and not valid_date(text):
            return False
        if getattr(self.doc.project.samples[sid], field) == text:
            return True
        self.undo.push(SetSampleFieldCommand(self.doc, sid, field, text))
        return True


class SampleDelegate(QStyledItemDelegate):
    """Combo box for the feedstock type, a date-hinting line edit for the date."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        field = COLUMNS[index.column()]
        if field == "feedstock_type":
            combo = QComboBox(parent)
            for value, label in feedstock_choices():
                combo.addItem(label, value)
            combo.setToolTip(self.tr("Feedstock type (ISO 17225-1 origin group or side stream)"))
            return combo
        editor = super().createEditor(parent, option, index)
        if field == "date_received" and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(self.tr("YYYY-MM-DD"))
            editor.setToolTip(self.tr("Date the sample arrived, as YYYY-MM-DD"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            pos = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(pos, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


class SampleFilter(QSortFilterProxyModel):
    """Rows whose text contains the filter (any case), from one cached text per sample.

    Qt's own filter asked the model for every cell of every row on each keystroke
    (7,000 calls into Python for 1,000 samples); here a row is one lookup in a dict of
    lower-case row texts, rebuilt for a sample only when it changes.
    """

    def __init__(self, model: SampleTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.needle = ""
        self._texts: dict[str, str] = {}
        # connected before the proxy's own handlers, so a changed row is filtered on
        # its new text
        model.modelReset.connect(self._texts.clear)
        model.dataChanged.connect(lambda *_: self._texts.clear())
        model.rowsInserted.connect(lambda *_: self._texts.clear())
        model.rowsRemoved.connect(lambda *_: self._texts.clear())
        self.setSourceModel(model)

    def set_text(self, text: str) -> None:
        """Show only rows containing ``text`` (an empty text shows every row)."""
        needle = text.strip().casefold()
        if needle == self.needle:
            return
        self.beginFilterChange()
        self.needle = needle
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def row_text(self, row: int) -> str:
        """The row's shown texts, lower case (what the table shows, read from the sample)."""
        model: SampleTableModel = self.sourceModel()  # type: ignore[assignment]
        sid = model.sample_id(row)
        text = self._texts.get(sid)
        if text is None:
            text = "\n".join(model.row_texts(row)).casefold()
            self._texts[sid] = text
        return text

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        return not self.needle or self.needle in self.row_text(row)


class SampleTableView(QTableView):
    """Sortable view of the sample table (sorting uses a proxy; the model keeps order)."""

    def __init__(self, model: SampleTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.proxy = SampleFilter(model, self)
        self.setModel(self.proxy)
        self.setItemDelegate(SampleDelegate(self))
        self.setSortingEnabled(True)
        self.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.verticalHeader().setDefaultSectionSize(24)
        self.verticalHeader().setVisible(False)
        self.setWordWrap(False)  # one line per row: long texts end in "…", whole as tooltip
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        self._fitting = False
        self._user_sized = False
        header.sectionResized.connect(self._on_section_resized)
        self.fit_columns()
        self.setToolTip(self.tr("Double-click a cell to edit it. Every edit can be undone."))

    def _on_section_resized(self, *_args: object) -> None:
        if not self._fitting:
            self._user_sized = True  # the user's widths stay

    def header_width(self, column: int) -> int:
        """The width a column needs to show its whole title and the sort arrow."""
        title = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
        return self.horizontalHeader().fontMetrics().horizontalAdvance(title) + 34

    def fit_columns(self) -> None:
        """Share the width among the columns: every title whole, the rest in proportion
        to ``PREFERRED_WIDTHS`` (scrolling only when even the titles do not fit)."""
        if self._user_sized:
            return
        available = self.viewport().width() or sum(PREFERRED_WIDTHS)
        least = [self.header_width(c) for c in range(len(COLUMNS))]
        widths = [max(w, p) for w, p in zip(least, PREFERRED_WIDTHS)]
        if sum(widths) > available:
            spare = max(available - sum(least), 0)
            extra = [max(p - w, 0) for w, p in zip(least, PREFERRED_WIDTHS)]
            total = sum(extra) or 1
            widths = [w + spare * e // total for w, e in zip(least, extra)]
        self._fitting = True
        try:
            for column, width in enumerate(widths):
                self.horizontalHeader().resizeSection(column, width)
        finally:
            self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def selected_sample_ids(self) -> list[str]:
        rows = sorted(
            {self.proxy.mapToSource(i).row() for i in self.selectionModel().selectedRows()}
        )
        return [self.source.sample_id(r) for r in rows]

    def select_sample(self, sample_id: str) -> None:
        row = self.source.row_of(sample_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.source.index(row, 0))
        self.selectRow(index.row())
        self.scrollTo(index)
