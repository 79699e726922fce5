"""Recovery files: unsaved work written aside so a crash does not lose it.

The GUI calls ``write_recovery(project)`` on a timer while the project has unsaved
changes. It writes the whole project (atomically, like a save) to
``<user data>/recovery/<key>.fwproj`` plus a small JSON sidecar naming the original
file and the time. The project's own file, path and lazy arrays are not touched. A
clean save or close discards the recovery file. At start the GUI calls
``list_recoveries()`` and offers each one: ``open_recovery`` restores it as an unsaved
project bound to its original path (Save writes there), ``discard_recovery`` drops it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import ProjectError
from workbench.model import Project, now_iso
from workbench.paths import user_subdir
from workbench.project import store
from workbench.project.lock import ProjectLock

SIDE_SUFFIX = ".json"


@dataclass
class RecoveryInfo:
    """One recovery file waiting to be offered to the user."""

    key: str
    file: Path  # the recovery project file
    original_path: Path | None  # None for a project that was never saved
    time: str  # when the recovery file was written (ISO 8601 UTC)
    samples: int


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
    }
    tmp = folder / f".{key}.{os.getpid()}.json.tmp"
    tmp.write_text(json.dumps(side), encoding="utf-8")
    store.fsync_file(tmp)
    os.replace(tmp, folder / f"{key}{SIDE_SUFFIX}")
    store.fsync_dir(folder)
    return target


def list_recoveries() -> list[RecoveryInfo]:
    """Recovery files present, newest first (files without a readable sidecar included)."""
    out: list[RecoveryInfo] = []
    for file in recovery_dir().glob("*.fwproj"):
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
            )
        )
    out.sort(key=lambda r: r.time, reverse=True)
    return out


def _info(which: RecoveryInfo | str) -> RecoveryInfo:
    if isinstance(which, RecoveryInfo):
        return which
    for info in list_recoveries():
        if info.key == which:
            return info
    raise ProjectError(f"There is no recovery file named {which!r}.")


def open_recovery(which: RecoveryInfo | str) -> Project:
    """Restore a recovery file as an unsaved project bound to its original path.

    The recovery file stays until the restored project is saved or closed. If the
    original file is locked by another instance the project is read-only (Save As works).
    """
    info = _info(which)
    project, _version = store.read_file(info.file)
    state = store.state_of(project)
    state.restored_key = info.key
    project.path = info.original_path
    if info.original_path is None:
        state.untitled_key = info.key
    else:
        lock = ProjectLock(info.original_path)
        holder = lock.acquire()
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
    folder = recovery_dir()
    for p in (folder / f"{key}.fwproj", folder / f"{key}{SIDE_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()
