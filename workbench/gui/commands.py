"""Undo commands: each one calls the core model through ``ProjectDocument`` methods.

Undoing a change is itself a change of the project, so the audit log records both the
edit and its reversal (the log is append-only by design).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.gui.document import ProjectDocument
from workbench.gui.i18n import sample_field_label
from workbench.model import Sample

translate = QCoreApplication.translate


class AddSampleCommand(QUndoCommand):
    """Add a new sample; undo removes it, redo adds it back with the same id."""

    def __init__(self, doc: ProjectDocument, name: str) -> None:
        super().__init__(translate("Commands", "Add sample “%1”").replace("%1", name))
        self.doc = doc
        self.name = name
        self.sample: Sample | None = None

    def redo(self) -> None:
        if self.sample is None:
            self.sample = self.doc.add_sample(self.name)
        else:
            self.doc.insert_sample(self.sample)

    def undo(self) -> None:
        assert self.sample is not None
        self.sample = self.doc.remove_sample(self.sample.id)


class DeleteSampleCommand(QUndoCommand):
    """Delete a sample with everything in it; undo restores the same object."""

    def __init__(self, doc: ProjectDocument, sample_id: str) -> None:
        name = doc.project.samples[sample_id].name if doc.project else sample_id
        super().__init__(translate("Commands", "Delete sample “%1”").replace("%1", name))
        self.doc = doc
        self.sample_id = sample_id
        self.sample: Sample | None = None

    def redo(self) -> None:
        self.sample = self.doc.remove_sample(self.sample_id)

    def undo(self) -> None:
        assert self.sample is not None
        self.doc.insert_sample(self.sample)


class SetSampleFieldCommand(QUndoCommand):
    """Change one editable field (name, feedstock type, supplier, ...) of a sample."""

    def __init__(self, doc: ProjectDocument, sample_id: str, field: str, value: str) -> None:
        if field == "name":
            text = translate("Commands", "Rename sample to “%1”").replace("%1", value)
        else:
            text = translate("Commands", "Edit %1 of a sample").replace(
                "%1", sample_field_label(field)
            )
        super().__init__(text)
        self.doc = doc
        self.sample_id = sample_id
        self.field = field
        self.value = value
        self.old: str | None = None

    def redo(self) -> None:
        self.old = self.doc.set_sample_field(self.sample_id, self.field, self.value)

    def undo(self) -> None:
        assert self.old is not None
        self.doc.set_sample_field(self.sample_id, self.field, self.old)


class SetMetadataCommand(QUndoCommand):
    """Set or remove (value ``None``) one free key-value metadata entry of a sample."""

    def __init__(self, doc: ProjectDocument, sample_id: str, key: str, value: str | None) -> None:
        super().__init__(translate("Commands", "Edit metadata “%1”").replace("%1", key))
        self.doc = doc
        self.sample_id = sample_id
        self.key = key
        self.value = value
        self.old: str | None = None

    def redo(self) -> None:
        self.old = self.doc.set_sample_metadata(self.sample_id, self.key, self.value)

    def undo(self) -> None:
        self.doc.set_sample_metadata(self.sample_id, self.key, self.old)
