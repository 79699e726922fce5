"""The project tree: samples > measurements and results, as a lazy Qt item model.

The model never copies the project: it keeps the list of sample ids (one entry per
sample) and, for a sample only once it is expanded or asked for, the ids of its
measurements and results. Row counts, names and tooltips are read from the core
objects on demand, so a project with 1,000 samples and 10,000 measurements opens and
scrolls without building 11,000 widget items.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QTreeView,
    QWidget,
)

from workbench.gui.document import ProjectDocument
from workbench.gui.i18n import feedstock_choices, feedstock_label, kind_label, result_label
from workbench.model import Measurement, Result, Sample

REF_ROLE = Qt.ItemDataRole.UserRole + 1
NARROW_TREE = 330  # pixels: below this the tree shows names only  # ("sample"|"measurement"|"result", sample_id, child_id)

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()  # the invalid index Qt passes for "top level"


_ICONS: dict[QStyle.StandardPixmap, QIcon] = {}


def _icon(which: QStyle.StandardPixmap) -> QIcon:
    """The style's icon, made once: the tree asks for one per visible row at every
    repaint, and the style built a new icon each time (2,700 icons, 4 % of the time of
    80 selections in a 1,000-sample project)."""
    if which not in _ICONS:
        _ICONS[which] = QApplication.style().standardIcon(which)
    return _ICONS[which]


class _Key:
    """Identity object handed to Qt as an index's internal pointer (kept alive here)."""

    __slots__ = ("sample_id",)

    def __init__(self, sample_id: str | None) -> None:
        self.sample_id = sample_id


class ProjectTreeModel(QAbstractItemModel):
    """Read-only tree over ``doc.project``; updates itself from the document's signals."""

    def __init__(self, doc: ProjectDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self._root = _Key(None)
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._keys: dict[str, _Key] = {}
        self._children: dict[str, list[tuple[str, str]]] = {}
        self.stale_results: dict[str, list[str]] = {}  # result id -> reasons (set by analyses)
        self._reload()
        doc.projectReplaced.connect(self._reset)
        doc.sampleInserted.connect(self._on_inserted)
        doc.sampleAboutToBeRemoved.connect(self._on_about_to_remove)
        doc.sampleRemoved.connect(self._on_removed)
        doc.sampleChanged.connect(self._on_changed)
        doc.sampleContentsChanged.connect(self._on_contents)

    # -- bookkeeping ------------------------------------------------------------
    def _reload(self) -> None:
        self._ids = self.doc.sample_ids()
        self._row = {sid: i for i, sid in enumerate(self._ids)}
        self._keys = {sid: self._keys.get(sid) or _Key(sid) for sid in self._ids}
        self._children = {}

    def _reset(self) -> None:
        self.beginResetModel()
        self._reload()
        self.endResetModel()

    def _sample(self, sid: str) -> Sample:
        assert self.doc.project is not None
        return self.doc.project.samples[sid]

    def _child_list(self, sid: str) -> list[tuple[str, str]]:
        kids = self._children.get(sid)
        if kids is None:
            sample = self._sample(sid)
            kids = [("measurement", mid) for mid in sample.measurements]
            kids += [("result", rid) for rid in sample.results]
            self._children[sid] = kids
        return kids

    # -- QAbstractItemModel -------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _NO_PARENT) -> QModelIndex:
        if column < 0 or column >= 2 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._ids):
                return QModelIndex()
            return self.createIndex(row, column, self._root)
        key = parent.internalPointer()
        if key is not self._root:
            return QModelIndex()
        sid = self._ids[parent.row()]
        if row >= len(self._child_list(sid)):
            return QModelIndex()
        return self.createIndex(row, column, self._keys[sid])

    def parent(self, index: Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        key = index.internalPointer()
        if key is self._root or key is None:
            return QModelIndex()
        row = self._row.get(key.sample_id)
        if row is None:
            return QModelIndex()
        return self.createIndex(row, 0, self._root)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._ids)
        if parent.column() != 0 or parent.internalPointer() is not self._root:
            return 0
        return len(self._child_list(self._ids[parent.row()]))

    def hasChildren(self, parent: Index = _NO_PARENT) -> bool:
        if not parent.isValid():
            return bool(self._ids)
        if parent.internalPointer() is not self._root or parent.column() != 0:
            return False
        sample = self._sample(self._ids[parent.row()])
        return bool(sample.measurements or sample.results)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Name"), self.tr("Type")][section]
        return None

    def ref(self, index: Index) -> tuple[str, str, str | None] | None:
        """("sample", sid, None) or ("measurement"|"result", sid, child id)."""
        if not index.isValid():
            return None
        key = index.internalPointer()
        if key is self._root:
            return ("sample", self._ids[index.row()], None)
        kind, cid = self._child_list(key.sample_id)[index.row()]
        return (kind, key.sample_id, cid)

    def index_of_sample(self, sample_id: str) -> QModelIndex:
        row = self._row.get(sample_id)
        return QModelIndex() if row is None else self.index(row, 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ref = self.ref(index)
        if ref is None:
            return None
        if role == REF_ROLE:
            return ref
        kind, sid, cid = ref
        sample = self._sample(sid)
        if kind == "sample":
            return self._sample_data(sample, index.column(), role)
        if kind == "measurement":
            return self._measurement_data(sample.measurements[cid], index.column(), role)
        return self._result_data(sample.results[cid], index.column(), role)

    def _sample_data(self, sample: Sample, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return sample.name if column == 0 else feedstock_label(sample.feedstock_type)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return _icon(QStyle.StandardPixmap.SP_DirIcon)
        if role == Qt.ItemDataRole.ToolTipRole:
            counts = (
                self.tr("%1 measurements, %2 results")
                .replace("%1", str(len(sample.measurements)))
                .replace("%2", str(len(sample.results)))
            )
            return "\n".join([sample.name, feedstock_label(sample.feedstock_type), counts])
        return None

    def _measurement_data(self, m: Measurement, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return kind_label(m.kind)
            name = m.label or kind_label(m.kind)
            return f"{name} #{m.replicate}" if m.replicate > 1 else name
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return _icon(QStyle.StandardPixmap.SP_FileIcon)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self._measurement_data(m, 0, Qt.ItemDataRole.DisplayRole), kind_label(m.kind)]
            if m.source_name:
                lines.append(self.tr("From %1").replace("%1", m.source_name))
            return "\n".join(lines)
        return None

    def _result_data(self, r: Result, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 1:
                return self.tr("Result")
            name = result_label(r)
            return name + " " + self.tr("(stale)") if r.id in self.stale_results else name
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            icon = QStyle.StandardPixmap.SP_FileDialogInfoView
            if r.id in self.stale_results:
                icon = QStyle.StandardPixmap.SP_MessageBoxWarning
            return _icon(icon)
        if role == Qt.ItemDataRole.ToolTipRole and r.id in self.stale_results:
            return "\n".join(
                [
                    result_label(r),
                    self.tr("Stale: %1").replace("%1", "; ".join(self.stale_results[r.id])),
                ]
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return result_label(r)
        return None

    # -- document signals ------------------------------------------------------------
    def _on_inserted(self, sid: str, row: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._ids.insert(row, sid)
        self._row = {s: i for i, s in enumerate(self._ids)}
        self._keys.setdefault(sid, _Key(sid))
        self._children.pop(sid, None)
        self.endInsertRows()

    def _on_about_to_remove(self, sid: str, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        self._ids.pop(row)
        self._row = {s: i for i, s in enumerate(self._ids)}
        self._children.pop(sid, None)

    def _on_removed(self, sid: str) -> None:
        self.endRemoveRows()

    def _on_changed(self, sid: str, field: str) -> None:
        index = self.index_of_sample(sid)
        if index.isValid():
            self.dataChanged.emit(index, self.index(index.row(), 1))

    def _on_contents(self, sid: str) -> None:
        parent = self.index_of_sample(sid)
        if not parent.isValid():
            return
        old = self._children.get(sid)
        if old:
            self.beginRemoveRows(parent, 0, len(old) - 1)
            self._children[sid] = []
            self.endRemoveRows()
        self._children[sid] = []
        sample = self._sample(sid)
        new = [("measurement", mid) for mid in sample.measurements]
        new += [("result", rid) for rid in sample.results]
        if new:
            self.beginInsertRows(parent, 0, len(new) - 1)
            self._children[sid] = new
            self.endInsertRows()
        self.dataChanged.emit(parent, self.index(parent.row(), 1))


class ProjectTreeView(QTreeView):
    """The tree widget: extended selection, uniform row heights for speed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole name as tooltip
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setToolTip(
            self.tr(
                "Samples with their measurements and results. "
                "Select several to overlay their curves."
            )
        )

    def setModel(self, model: QAbstractItemModel) -> None:
        super().setModel(model)
        # the names get the room; the type column as wide as most type names (longer
        # ones elided, whole in the tooltip), the user may widen it
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        widths = sorted(self.fontMetrics().horizontalAdvance(t) for _v, t in feedstock_choices())
        self._type_width = (widths[len(widths) // 2] if widths else 90) + 12
        self._fit_type_column()

    def _fit_type_column(self) -> None:
        """Names come first: in a narrow tree the type column is hidden (each name's
        tooltip says its type); otherwise it is as wide as a middling type name, at
        most a third of the tree (longer types end in "…", whole in the tooltip)."""
        width = self.viewport().width()
        narrow = width < NARROW_TREE
        self.header().setSectionHidden(1, narrow)
        if not narrow:
            self.header().resizeSection(1, min(self._type_width, width // 3))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.model() is not None and hasattr(self, "_type_width"):
            self._fit_type_column()

    def selected_refs(self) -> list[tuple[str, str, str | None]]:
        model = self.model()
        refs = []
        for index in self.selectionModel().selectedRows(0):
            ref = model.data(index, REF_ROLE)
            if ref is not None:
                refs.append(ref)
        return refs
