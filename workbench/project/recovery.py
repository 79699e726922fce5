"""Recovery files: unsaved work written aside so a crash does not lose it.

The GUI calls ``write_recovery(project)`` on a timer while the project has unsaved
changes. It writes the whole project (atomically, like a save) to
``<user data>/recovery/<key>.fwproj`` plus a small JSON sidecar naming the original
file, the time and the writing process. The project's own file, path and lazy arrays
are not touched.

A recovery file belongs to the user, not to whoever opens the project next. Its key
names the project's file *and* the editing session that wrote it, so no other
session (a CLI command, a script, a second window, the same file opened again after a
crash) ever writes or removes it. It is removed only when

* the session that wrote it (or restored it) saves the project: its work is in the file;
* the user discards it: the recovery question's Discard, or closing a window's
  unsaved changes with Discard (``store.close_project(..., discard_unsaved=True)``).

Every other open of the project leaves it and says it exists: ``open_project`` adds
a warning, the CLI prints a note, and the window offers it (``crashed_recoveries``).
``open_recovery`` restores one as an unsaved project bound to its original path;
Save writes there and removes the recovery file.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import ProjectError, UserFacingError
from workbench.fileio import atomic_write_text
from workbench.model import Project, now_iso
from workbench.paths import user_subdir
from workbench.project import store
from workbench.project.lock import LockInfo, LockUnavailable, ProjectLock, this_process

SIDE_SUFFIX = ".json"


@dataclass
class RecoveryInfo:
    """One recovery file waiting to be offered to the user."""

    key: str
    file: Path  # the recovery project file
    original_path: Path | None  # None for a project that was never saved
    time: str  # when the recovery file was written (ISO 8601 UTC)
    samples: int
    writer: LockInfo | None = None  # the process that wrote it (None: unknown, older file)

    def writer_alive(self) -> bool:
        """True while the session that wrote it still runs (its work is not orphaned)."""
        return self.writer is not None and self.writer.alive()

    def describe(self) -> str:
        """One sentence for a user who opened the project some other way."""
        when = self.time or "an unknown time"
        what = ""
        if self.samples >= 0:
            what = f" ({self.samples} sample{'' if self.samples == 1 else 's'})"
        if self.writer is not None and self.writer_alive():
            return (
                f"Another Fibre Workbench window (process {self.writer.pid}) has unsaved work "
                f"of this project from {when}{what}, kept in the recovery file {self.file}."
            )
        return (
            f"Unsaved work of this project from {when}{what} was kept in the recovery file "
            f"{self.file} after Fibre Workbench closed without saving it. Open the project in "
            "the window to restore or discard it; it is kept until you do."
        )


def recovery_dir() -> Path:
    return user_subdir("recovery")


def write_recovery(project: Project) -> Path:
    """Write the project's current state to its recovery file; return that file."""
    key = store.recovery_key(project)
    folder = recovery_dir()
    target = folder / f"{key}.fwproj"
    time = now_iso()
    store.atomic_write(project, target, modified=time)
    side = {
        "key": key,
        "original_path": str(project.path) if project.path else None,
        "time": time,
        "samples": len(project.samples),
        "writer": this_process(),
    }
    try:
        atomic_write_text(folder / f"{key}{SIDE_SUFFIX}", json.dumps(side))
    except UserFacingError:
        discard_recovery(key)  # a recovery file without its sidecar would name no project
        raise
    return target


def list_recoveries() -> list[RecoveryInfo]:
    """Recovery files present, newest first (files without a readable sidecar included)."""
    out: list[RecoveryInfo] = []
    try:
        files = list(recovery_dir().glob("*.fwproj"))
    except OSError:
        return out
    for file in files:
        key = file.stem
        side: dict = {}
        with contextlib.suppress(OSError, ValueError):
            loaded = json.loads((file.with_suffix(SIDE_SUFFIX)).read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                side = loaded
        orig = side.get("original_path")
        samples = side.get("samples")
        out.append(
            RecoveryInfo(
                key=key,
                file=file,
                original_path=Path(orig) if isinstance(orig, str) and orig else None,
                time=str(side.get("time") or ""),
                samples=samples if isinstance(samples, int) else -1,
                writer=_writer(side.get("writer")),
            )
        )
    out.sort(key=lambda r: r.time, reverse=True)
    return out


def _writer(d: object) -> LockInfo | None:
    if not isinstance(d, dict):
        return None
    try:
        return LockInfo(
            int(d["pid"]), str(d["host"]), str(d.get("user", "")), str(d.get("time", "")),
            str(d.get("start", "")),
        )  # fmt: skip
    except (KeyError, TypeError, ValueError):
        return None


def recoveries_for(path: str | Path, project: Project | None = None) -> list[RecoveryInfo]:
    """Recovery files of the project file ``path``, newest first, except the ones
    ``project`` itself wrote or was restored from."""
    own: set[str] = set()
    if project is not None:
        state = store.state_of(project)
        own = {store.recovery_key(project), state.restored_key}
    target = Path(path)
    return [
        info
        for info in list_recoveries()
        if info.original_path is not None
        and info.key not in own
        and store.same_file(info.original_path, target)
    ]


def crashed_recoveries(path: str | Path | None = None) -> list[RecoveryInfo]:
    """Recovery files whose session has ended without saving or discarding them (of
    ``path`` only, when given), newest first: what the window offers to restore."""
    found = list_recoveries() if path is None else recoveries_for(path)
    return [info for info in found if not info.writer_alive()]


def _info(which: RecoveryInfo | str) -> RecoveryInfo:
    if isinstance(which, RecoveryInfo):
        return which
    for info in list_recoveries():
        if info.key == which:
            return info
    raise ProjectError(f"There is no recovery file named {which!r}.")


def open_recovery(which: RecoveryInfo | str) -> Project:
    """Restore a recovery file as an unsaved project bound to its original path.

    The restored project goes on writing its unsaved work to the same recovery file,
    which stays until the project is saved or the user discards its changes. If the
    original file is locked by another instance the project is read-only (Save As works).
    """
    info = _info(which)
    project, _version = store.read_file(info.file)
    state = store.state_of(project)
    state.restored_key = info.key
    state.fixed_recovery_key = info.key
    project.path = info.original_path
    if info.original_path is not None:
        lock = ProjectLock(info.original_path)
        try:
            holder = lock.acquire()
        except LockUnavailable as exc:
            holder = None
            project.read_only = True
            project.read_only_reason = (
                f"{info.original_path.name} cannot be locked for writing ({exc.strerror}); "
                "the recovered work can be kept with Save As."
            )
        else:
            if holder is None:
                state.lock = lock
            else:
                project.read_only = True
                project.read_only_reason = (
                    f"{info.original_path.name} is open in another Fibre Workbench "
                    f"{holder.describe()}; the recovered work can be kept with Save As."
                )
    project.dirty = True
    project.warnings.append(f"Recovered unsaved work from {info.time}.")
    return project


def discard_recovery(which: RecoveryInfo | str) -> None:
    """Delete a recovery file and its sidecar (no error if already gone)."""
    key = which.key if isinstance(which, RecoveryInfo) else which
    if not key:
        return
    folder = recovery_dir()
    for p in (folder / f"{key}.fwproj", folder / f"{key}{SIDE_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
