"""Write recovery files off the GUI thread, from a snapshot of the project.

Writing the whole project can take seconds (minutes for 10,000 measurements), so the
timer in ``project_files.py`` never writes on the GUI thread. It takes a *snapshot*
here (new containers, shared immutable contents: imported measurements and results
are never modified, sample fields are strings) and hands it to the task runner,
which calls the core ``workbench.project.recovery.write_recovery``. The user keeps
editing the real project meanwhile. Recovery is best effort: if a save or close
races with it, the attempt fails quietly and the next tick writes again.
"""

from __future__ import annotations

import copy
import dataclasses

from workbench.model import Project, Sample
from workbench.progress import Progress
from workbench.project import recovery, store


def _copy_sample(sample: Sample) -> Sample:
    return dataclasses.replace(
        sample,
        metadata=dict(sample.metadata),
        labels=dict(sample.labels),
        measurements=dict(sample.measurements),
        results=dict(sample.results),
    )


def snapshot(project: Project) -> Project:
    """A copy of ``project`` that later edits of the original do not change.

    Shares the store state (open file handle for copying unchanged arrays, and the
    key naming the recovery file) and the immutable measurement/result objects.
    """
    store.state_of(project)  # create the shared store state before copying
    snap = copy.copy(project)
    snap.samples = {sid: _copy_sample(s) for sid, s in project.samples.items()}
    snap.sources = dict(project.sources)
    snap.models = dict(project.models)
    snap.settings = copy.deepcopy(project.settings)
    log = project.audit
    snap.audit = log.snapshot() if hasattr(log, "snapshot") else list(log)  # never read here
    snap.warnings = list(project.warnings)
    return snap


def recovery_key(project: Project) -> str:
    return store.recovery_key(project)


def write_snapshot(progress: Progress, snap: Project) -> str:
    """Task body: write the snapshot's recovery file; returns its key."""
    progress.update(0.0)
    recovery.write_recovery(snap)
    return store.recovery_key(snap)
