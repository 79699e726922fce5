"""The open project as seen by the GUI: one core ``Project`` plus change signals.

Every change the GUI makes goes through the methods below, which call the core
``Project`` mutators (so the audit log records them) and then emit a signal that the
tree, the table and the details panel listen to. Undo commands (``commands.py``) call
these methods too, so undo and redo update every view the same way. Work done on a
worker thread (imports, analyses) hands its result back on the GUI thread and then
calls ``notify_sample_contents`` or ``notify_reset``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from workbench.model import Project, Sample


class ProjectDocument(QObject):
    """Owns the current project and tells the views what changed."""

    projectReplaced = Signal()  # a different project (or none) is now open
    sampleInserted = Signal(str, int)  # sample id, row
    sampleAboutToBeRemoved = Signal(str, int)
    sampleRemoved = Signal(str)
    sampleChanged = Signal(str, str)  # sample id, field name
    sampleContentsChanged = Signal(str)  # measurements/results of a sample changed
    dirtyChanged = Signal(bool)
    busyChanged = Signal(bool)  # a save is writing the project on a worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._dirty = False
        self.busy = False

    # -- whole project ---------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        self.project = project
        self._dirty = bool(project and project.dirty)
        self.projectReplaced.emit()
        self.dirtyChanged.emit(self._dirty)

    def set_busy(self, busy: bool) -> None:
        """While busy (saving) the project must not change: edits are refused."""
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def notify_reset(self) -> None:
        """Many things changed at once (a batch import): views rebuild from the project."""
        self.projectReplaced.emit()
        self._sync_dirty()

    def notify_sample_contents(self, sample_id: str) -> None:
        """Measurements or results of one sample were added or removed."""
        self.sampleContentsChanged.emit(sample_id)
        self._sync_dirty()

    def mark_saved(self) -> None:
        if self.project is not None:
            self.project.dirty = False
        self._sync_dirty()

    @property
    def dirty(self) -> bool:
        return bool(self.project and self.project.dirty)

    def _sync_dirty(self) -> None:
        if self.dirty != self._dirty:
            self._dirty = self.dirty
            self.dirtyChanged.emit(self._dirty)

    def _require(self) -> Project:
        if self.project is None:
            raise RuntimeError("no project is open")
        if self.busy:
            raise RuntimeError("the project is being saved; it cannot change until that ends")
        return self.project

    # -- sample mutations (called by undo commands) ---------------------------
    def sample_ids(self) -> list[str]:
        return list(self.project.samples) if self.project else []

    def row_of(self, sample_id: str) -> int:
        return self.sample_ids().index(sample_id)

    def add_sample(self, name: str, sample_id: str | None = None) -> Sample:
        project = self._require()
        sample = project.add_sample(name, id=sample_id)
        self.sampleInserted.emit(sample.id, len(project.samples) - 1)
        self._sync_dirty()
        return sample

    def insert_sample(self, sample: Sample) -> None:
        project = self._require()
        project.insert_sample(sample)
        self.sampleInserted.emit(sample.id, len(project.samples) - 1)
        self._sync_dirty()

    def remove_sample(self, sample_id: str) -> Sample:
        project = self._require()
        self.sampleAboutToBeRemoved.emit(sample_id, self.row_of(sample_id))
        sample = project.remove_sample(sample_id)
        self.sampleRemoved.emit(sample_id)
        self._sync_dirty()
        return sample

    def set_sample_field(self, sample_id: str, field: str, value: str) -> str:
        old = self._require().set_sample_field(sample_id, field, value)
        self.sampleChanged.emit(sample_id, field)
        self._sync_dirty()
        return old

    def set_sample_metadata(self, sample_id: str, key: str, value: str | None) -> str | None:
        old = self._require().set_sample_metadata(sample_id, key, value)
        self.sampleChanged.emit(sample_id, "metadata")
        self._sync_dirty()
        return old
