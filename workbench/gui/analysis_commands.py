"""Undo commands for analyses, typed lab values, training labels and learned models.

Each command applies an already prepared change (a validated ``RunOutcome``, a typed
``Measurement``, a trained ``StoredModel``) to the project through its mutators (so the
audit log records it) and tells the views through ``ProjectDocument``. The work itself
(running a plugin, training) happens before, off the GUI thread; a command only moves
finished objects in and out of the project, so undo and redo are instant and exact.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.analysis.runner import RunOutcome
from workbench.gui.document import ProjectDocument
from workbench.model import Measurement, Result, StoredModel

translate = QCoreApplication.translate


def _touch(doc: ProjectDocument, sample_ids: list[str]) -> None:
    for sid in dict.fromkeys(sample_ids):
        if doc.project is not None and sid in doc.project.samples:
            doc.notify_sample_contents(sid)


class AddResultsCommand(QUndoCommand):
    """Add a plugin run's results (and models); optionally replace older results.

    ``replaced`` lists ``(sample id, result id)`` of results the run supersedes (a
    re-run): they are removed on redo and put back on undo.
    """

    def __init__(
        self,
        doc: ProjectDocument,
        outcome: RunOutcome,
        title: str,
        replaced: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(title)
        self.doc = doc
        self.outcome = outcome
        self.replaced_ids = list(replaced or [])
        self.replaced: list[tuple[str, Result]] = []

    def redo(self) -> None:
        project = self.doc._require()
        for model in self.outcome.models:
            project.add_model(model)
        for sid, result in self.outcome.results:
            project.add_result(sid, result)
        self.replaced = []
        for sid, rid in self.replaced_ids:
            if sid in project.samples and rid in project.samples[sid].results:
                self.replaced.append((sid, project.remove_result(sid, rid)))
        _touch(self.doc, [sid for sid, _ in self.outcome.results])

    def undo(self) -> None:
        project = self.doc._require()
        for sid, result in self.outcome.results:
            if sid in project.samples and result.id in project.samples[sid].results:
                project.remove_result(sid, result.id)
        for sid, old in self.replaced:
            if sid in project.samples:
                project.add_result(sid, old)
        for model in self.outcome.models:
            if project.models.pop(model.id, None) is not None:
                project.log("delete model", f"{model.id} {model.kind} {model.name!r}")
        _touch(self.doc, [sid for sid, _ in self.outcome.results])

    def result_ids(self) -> list[tuple[str, str]]:
        return [(sid, r.id) for sid, r in self.outcome.results]


class AddMeasurementCommand(QUndoCommand):
    """Add a typed-in measurement (lab values) to a sample."""

    def __init__(self, doc: ProjectDocument, sample_id: str, measurement: Measurement) -> None:
        super().__init__(translate("Commands", "Type lab values"))
        self.doc = doc
        self.sample_id = sample_id
        self.measurement = measurement

    def redo(self) -> None:
        self.doc._require().add_measurement(self.sample_id, self.measurement)
        _touch(self.doc, [self.sample_id])

    def undo(self) -> None:
        project = self.doc._require()
        if self.measurement.id in project.samples[self.sample_id].measurements:
            project.remove_measurement(self.sample_id, self.measurement.id)
        _touch(self.doc, [self.sample_id])


class AddModelCommand(QUndoCommand):
    """Keep a trained model in the project."""

    def __init__(self, doc: ProjectDocument, model: StoredModel) -> None:
        super().__init__(translate("Commands", "Save model “%1”").replace("%1", model.name))
        self.doc = doc
        self.model = model

    def redo(self) -> None:
        self.doc._require().add_model(self.model)
        self.doc._sync_dirty()

    def undo(self) -> None:
        project = self.doc._require()
        if project.models.pop(self.model.id, None) is not None:
            project.log("delete model", f"{self.model.id} {self.model.kind} {self.model.name!r}")
        self.doc._sync_dirty()


class SetLabelCommand(QUndoCommand):
    """Set or remove (``None``) one training label of a sample."""

    def __init__(self, doc: ProjectDocument, sample_id: str, key: str, value: str | None) -> None:
        super().__init__(translate("Commands", "Edit label “%1”").replace("%1", key))
        self.doc = doc
        self.sample_id = sample_id
        self.key = key
        self.value = value
        self.old: str | None = None

    def redo(self) -> None:
        self.old = self.doc._require().set_sample_label(self.sample_id, self.key, self.value)
        self.doc.sampleChanged.emit(self.sample_id, "labels")
        self.doc._sync_dirty()

    def undo(self) -> None:
        self.doc._require().set_sample_label(self.sample_id, self.key, self.old)
        self.doc.sampleChanged.emit(self.sample_id, "labels")
        self.doc._sync_dirty()
