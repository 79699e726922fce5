"""What the store keeps for an open project: its file handle, lock, recovery session,
what the file held when read (signatures, audit log length) and how it was read."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from workbench.errors import ProjectError
from workbench.model import FORMAT_VERSION, Project
from workbench.project.audit import AuditLog
from workbench.project.lazy import FileHandle
from workbench.project.lock import ProjectLock


@dataclass
class StoreState:
    """What the store keeps for an open project (attached as ``project._store``)."""

    handle: FileHandle | None = None
    lock: ProjectLock | None = None
    # this editing session: part of its recovery file's key, so no other session
    # (a CLI command, a script, another window) writes or removes that file
    session: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    fixed_recovery_key: str = ""  # a restored project goes on writing to its old file
    loaded_version: int = FORMAT_VERSION
    # sample id -> signature of the sample as stored in the open file (see writer.Reuse)
    signatures: dict[str, str] = field(default_factory=dict)
    restored_key: str = ""  # the recovery file this project was restored from, if any
    audit_loaded: int = 0  # entries in the audit log when loaded or last saved
    audit_last: tuple[str, ...] = ()  # the last of those entries
    # recovery files of this project left by other sessions, found when it was opened
    recoveries: list[Any] = field(default_factory=list)
    # objects of the file the project does not hold (skipped or unknown): saving over
    # the file would drop them, so it stays read-only (``reader.Reader.dropped``)
    dropped: list[str] = field(default_factory=list)
    read_only_reason: str = ""  # why the file itself must not be overwritten, if it must not
    index: str = ""  # "used" when opened by the project index, else why the tree was walked

    @property
    def untitled_key(self) -> str:
        return f"untitled-{self.session}"


def audit_key(project: Project) -> tuple[str, ...]:
    """The entry at the position of the last loaded/saved one (its identity), for a
    log held as a plain list (a project built in memory)."""
    log = project.audit
    n = state_of(project).audit_loaded
    if isinstance(log, AuditLog) or n == 0 or len(log) < n:
        return ()
    e = log[n - 1]
    return (e.time, e.user, e.action, e.detail)


def check_audit_append_only(project: Project, state: StoreState) -> None:
    """Refuse to save when entries that were in the file's audit log have gone."""
    log = project.audit
    if isinstance(log, AuditLog):
        intact = log.intact()
    else:
        n = state.audit_loaded
        intact = n == 0 or (len(log) >= n and audit_key(project) == state.audit_last)
    if not intact:
        raise ProjectError(
            "The project's audit log is append-only, but entries that were saved before "
            "are missing; the project was not saved."
        )


def state_of(project: Project) -> StoreState:
    state = getattr(project, "_store", None)
    if state is None:
        state = StoreState()
        project._store = state  # type: ignore[attr-defined]
    return state
