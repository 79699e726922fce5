"""Applying previewed files to the open project, and undoing that as one step.

``apply_one`` hands one ``ImportPlan`` to the core (``service.apply_plan``) on the GUI
thread and records exactly what it added: the samples it created, the measurements it
put into samples that already existed, and the source file it stored for the first
time. ``ImportCommand`` holds those records for a whole import (one file or five
hundred) so Edit > Undo removes all of it at once and Redo puts the very same objects
back. The views learn about every change through the ``ProjectDocument`` signals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from workbench.gui.document import ProjectDocument
from workbench.importers.service import FileOutcome, ImportPlan, apply_plan, display_stem
from workbench.model import Measurement, Sample, SourceFile

translate = QCoreApplication.translate

FROM_FILE, EXISTING, NEW, EACH = "file", "existing", "new", "each"


@dataclass
class Target:
    """Where a file's measurements go.

    ``FROM_FILE``: the samples the file names (matched case- and space-insensitively;
    missing ones are created; a file naming none gets a new sample named ``name``, by
    default the file name); ``EXISTING``: the sample called ``name``; ``NEW``: a sample
    called ``name`` (created unless one of that name exists); ``EACH``: every spectrum
    or curve of the file in a sample of its own (``service.per_measurement_names``).
    """

    mode: str
    name: str = ""

    def apply_arguments(self) -> dict:
        if self.mode == EXISTING:
            return {"sample_name": self.name, "new_sample": False}
        if self.mode == NEW:
            return {"sample_name": self.name, "new_sample": True}
        if self.mode == EACH:
            return {"sample_name": None, "new_sample": True, "per_measurement": True}
        return {"sample_name": None, "new_sample": True}


def default_target(plan: ImportPlan) -> Target:
    """The sample(s) the file names, or a new sample named after the file."""
    if plan.parsed.sample_names:
        return Target(FROM_FILE, display_stem(plan.path))
    return Target(NEW, display_stem(plan.path))


@dataclass
class AppliedFile:
    """What importing one file added to the project (kept for undo)."""

    outcome: FileOutcome
    created: list[Sample] = field(default_factory=list)
    added: list[tuple[str, Measurement]] = field(default_factory=list)
    source: SourceFile | None = None


def apply_one(
    doc: ProjectDocument, plan: ImportPlan, target: Target, *, quiet: bool = False
) -> AppliedFile:
    """Apply one plan; raises ``UserFacingError`` (project unchanged) when it cannot.

    With ``quiet`` no view signal is sent: a large batch calls ``doc.notify_reset()``
    once at the end instead of making every view update per file.
    """
    project = doc._require()
    before = set(project.samples)
    new_source = plan.sha256 not in project.sources
    args = target.apply_arguments()
    if target.mode == FROM_FILE and not plan.parsed.sample_names:
        args["sample_name"] = target.name or display_stem(plan.path)
    outcome = apply_plan(project, plan, **args)
    if outcome.status != "imported":
        return AppliedFile(outcome)
    created = [project.samples[sid] for sid in project.samples if sid not in before]
    for sample in created if not quiet else []:
        doc.sampleInserted.emit(sample.id, doc.row_of(sample.id))
    wanted = set(outcome.measurements)
    added: list[tuple[str, Measurement]] = []
    touched: list[str] = [s.id for s in created]
    for name in outcome.samples:
        sample = project.find_sample(name)
        if sample is None or sample.id not in before:
            continue
        added += [(sample.id, m) for mid, m in sample.measurements.items() if mid in wanted]
        touched.append(sample.id)
    for sid in dict.fromkeys(touched) if not quiet else []:
        doc.notify_sample_contents(sid)
    source = project.sources.get(plan.sha256) if new_source else None
    return AppliedFile(outcome, created, added, source)


class ImportCommand(QUndoCommand):
    """One import (any number of files) as one undo step.

    The files are already applied when the command is pushed, so the first ``redo`` (run
    by ``QUndoStack.push``) does nothing; later ``undo``/``redo`` remove and restore the
    same objects (ids unchanged, so selections and references stay valid).
    """

    def __init__(
        self, doc: ProjectDocument, applied: list[AppliedFile], *, quiet: bool = False
    ) -> None:
        files = [a for a in applied if a.outcome.status == "imported"]
        text = translate("Commands", "Import %1 file(s)").replace("%1", str(len(files)))
        if len(files) == 1:
            text = translate("Commands", "Import “%1”").replace(
                "%1", Path(files[0].outcome.path).name
            )
        super().__init__(text)
        self.doc = doc
        self.applied = files
        self.quiet = quiet  # many files: change the project, then one view reset
        self._done = True

    def n_measurements(self) -> int:
        return sum(len(a.outcome.measurements) for a in self.applied)

    def undo(self) -> None:
        project = self.doc._require()
        for record in reversed(self.applied):
            touched = []
            for sid, m in record.added:
                if sid in project.samples and m.id in project.samples[sid].measurements:
                    project.remove_measurement(sid, m.id)
                    touched.append(sid)
            for sid in dict.fromkeys(touched) if not self.quiet else []:
                self.doc.notify_sample_contents(sid)
            for sample in reversed(record.created):
                if sample.id not in project.samples:
                    continue
                if self.quiet:
                    project.remove_sample(sample.id)
                else:
                    self.doc.remove_sample(sample.id)
            if record.source is not None and record.source.sha256 in project.sources:
                project.remove_source(record.source.sha256)
        if self.quiet:
            self.doc.notify_reset()
        self._done = False

    def redo(self) -> None:
        if self._done:
            return
        project = self.doc._require()
        for record in self.applied:
            if record.source is not None:
                project.insert_source(record.source)
            for sample in record.created:
                if self.quiet:
                    project.insert_sample(sample)
                else:
                    self.doc.insert_sample(sample)
            touched = []
            for sid, m in record.added:
                if sid in project.samples:
                    project.add_measurement(sid, m)
                    touched.append(sid)
            for sid in dict.fromkeys(touched) if not self.quiet else []:
                self.doc.notify_sample_contents(sid)
        if self.quiet:
            self.doc.notify_reset()
        self._done = True
