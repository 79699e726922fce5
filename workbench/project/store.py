"""Open, save and close project files: lazy, locked, atomic, version-checked.

* ``open_project`` checks the file is HDF5 and a Fibre Workbench project of a format
  version this application reads (older versions are migrated in memory, newer ones
  refused), takes the lock (or opens read-only when another instance holds it), and
  reads structure and attributes only: arrays stay in the file as lazy references,
  read through one read-only h5py handle kept open while the project is open.
* ``save_project`` writes the complete project to a temporary file in the target's
  folder, flushes and fsyncs it, ``os.replace``-s it over the target and fsyncs the
  folder. Until the replace the target is untouched; after it the new file is
  complete. Unchanged samples and source files (recognised by a signature taken when
  they were read or last saved) are copied whole inside HDF5 from the open file,
  other unchanged arrays dataset by dataset; nothing passes through Python. Lazy
  references are then re-pointed to the new file (reads from other threads wait for
  that swap), and arrays written from memory become lazy references too.
* ``close_project`` closes the handle and releases the lock. It removes the project's
  own recovery file only when the work is saved or the user discarded it
  (``discard_unsaved``); recovery files of other sessions are never touched here
  (see ``workbench.project.recovery``).

The file layout is documented in ``workbench.project.layout``.
"""

from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from workbench import __version__
from workbench.errors import ProjectError, ProjectLockedError
from workbench.fileio import check_name, describe_os_error, file_kind, resolve_destination
from workbench.model import FORMAT_VERSION, PROJECT_SUFFIX, READ_ONLY_ON_REQUEST, Project, now_iso
from workbench.project import atomic, index
from workbench.project.audit import AuditLog
from workbench.project.lazy import FileHandle, LazyArray, finite_range
from workbench.project.lock import LOCK_SUFFIX, LockUnavailable, ProjectLock
from workbench.project.opening import (  # noqa: F401 (the store's API)
    check_root,
    no_cyclic_gc,
    read_file,
    signatures_of,
)
from workbench.project.state import (  # noqa: F401 (the store's API)
    StoreState,
    audit_key,
    check_audit_append_only,
    state_of,
)
from workbench.project.writer import (
    WriteLog,
)
from workbench.properties import activate as activate_properties
from workbench.properties import deactivate as deactivate_properties

# -- open ----------------------------------------------------------------------------


def open_project(
    path: str | Path, *, read_only: bool = False, for_writing: bool = False
) -> Project:
    """Open a project file. Another instance's lock makes it read-only (with a reason).

    ``for_writing`` (a command that will save) refuses at once, with the reason, a
    project that would open read-only, before any work is done."""
    path = Path(path).absolute()
    if not path.is_file():
        try:
            kind = file_kind(path.stat().st_mode)  # a FIFO or device was "no such file"
        except OSError:
            raise ProjectError(f"{path}: no such project file.") from None
        raise ProjectError(f"{path}: is {kind}, not a project file.")
    reason = cause = ""
    lock: ProjectLock | None = None
    if not read_only:
        lock = ProjectLock(path)
        try:
            holder = lock.acquire()
        except LockUnavailable as exc:
            lock, holder = None, None
            cause = (
                f"{path.name}: its lock file {exc.filename} could not be written "
                f"({describe_os_error(exc)})."
            )
            reason = f"{cause} It was opened read-only; use Save As to keep changes elsewhere."
            # a command line has no Save As: what to do before running the command again
            space = exc.errno in (errno.ENOSPC, errno.EDQUOT)
            cause += (
                " Nothing was changed; "
                + ("free some space" if space else "make sure the folder can be written to")
                + " and run the command again."
            )
        if holder is not None:
            lock = None
            cause = (
                f"{path.name} is open in another Fibre Workbench {holder.describe()}. "
                "Nothing was changed."
            )
            reason = (
                f"{path.name} is open in another Fibre Workbench {holder.describe()}, so it "
                "was opened read-only. Use Save As to keep your changes in a new file."
            )
    try:
        project, version = read_file(path, for_saving=not read_only)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    state = state_of(project)
    if not reason:
        reason = state.read_only_reason or _dropped_reason(path, state.dropped)
        if reason and lock is not None:
            lock.release()  # read-only: the file is not held for writing
            lock = None
    state.lock = lock
    state.loaded_version = version
    state.audit_loaded = len(project.audit)
    state.audit_last = audit_key(project)
    project.path = path
    project.read_only = read_only or bool(reason)
    project.read_only_reason = reason or (READ_ONLY_ON_REQUEST if read_only else "")
    project.dirty = version != FORMAT_VERSION
    note_recoveries(project)
    activate_properties(project)  # the project's own vocabulary (workbench.properties)
    if for_writing and project.read_only:
        close_project(project)
        raise ProjectError(cause or f"{project.read_only_reason} Nothing was changed.")
    return project


def _dropped_reason(path: Path, dropped: list[str]) -> str:
    if not dropped:
        return ""
    n = len(dropped)
    return (
        f"{path.name}: {n} part{'s' if n > 1 else ''} of the file could not be taken in "
        f"(first: {dropped[0]}; all are named in the warnings). It was opened read-only so "
        "that saving cannot drop them from the file; File > Save As in the window writes a "
        "copy without them, "
        "and this file keeps them."
    )


# Notes for the user that a command line prints once the command is done (recovery
# files of the projects it opened); the window and scripts see them in
# ``project.warnings``.
NOTICES: list[str] = []


def take_notices() -> list[str]:
    """The notes collected since the last call (each once), emptying the list."""
    out = list(dict.fromkeys(NOTICES))
    NOTICES.clear()
    return out


def note_recoveries(project: Project) -> None:
    """Say that unsaved work of this project waits in recovery files of other sessions."""
    from workbench.project.recovery import recoveries_for

    if project.path is None:
        return
    state = state_of(project)
    state.recoveries = recoveries_for(project.path, project)
    for info in state.recoveries:
        text = info.describe()
        project.warnings.append(text)
        NOTICES.append(text)


# -- save ----------------------------------------------------------------------------


def save_project(project: Project, path: str | Path | None = None) -> None:
    """Save atomically to ``path`` (Save As) or to the project's own file (Save).

    A read-only project can only be saved to another file (Save As); afterwards it is
    writable there. Entries loaded from the audit log must all still be present (the
    log is append-only), else the save is refused.
    """
    target_in = path if path is not None else project.path
    if target_in is None:
        raise ProjectError("The project has no file yet; choose where to save it (Save As).")
    target = Path(target_in).absolute()
    # a name the folder cannot take (with its lock file's suffix) is refused first
    check_name(resolve_destination(target), len(LOCK_SUFFIX), folder_must_exist=False)
    state = state_of(project)
    same = project.path is not None and same_file(target, Path(project.path))
    if same and (state.dropped or state.read_only_reason):
        reason = state.read_only_reason or _dropped_reason(target, state.dropped)
        raise ProjectError(f"{reason} The project was not saved.")
    if project.read_only and same:
        reason = project.read_only_reason or ""
        raise ProjectError(
            f"This project is open read-only and cannot be saved to its file. {reason}"
            + ("" if "Save As" in reason else " Use Save As to a new file.")
        )
    check_audit_append_only(project, state)
    new_lock: ProjectLock | None = None
    if not same or state.lock is None:
        new_lock = ProjectLock(target)
        try:
            holder = new_lock.acquire()
        except LockUnavailable as exc:
            raise ProjectError(
                f"{target}: the project could not be saved: its lock file could not be "
                f"written ({exc.strerror}). The previous file is unchanged."
            ) from exc
        if holder is not None:
            raise ProjectLockedError(
                f"{target.name} is open in another Fibre Workbench {holder.describe()}; "
                "it cannot be overwritten. Choose another file name."
            )
    old_recovery = recovery_key(project)
    try:
        modified = now_iso()
        rebinds = atomic_write(project, target, modified=modified, detach_old=True)
    except BaseException:
        if new_lock is not None:
            new_lock.release()
        raise
    handle = state.handle
    if handle is None:
        handle = state.handle = FileHandle(target)
    with handle.swap_lock:
        if rebinds.locked is not None:
            rebinds.locked.swap_lock.release()  # still held by this thread via `with`
        handle.close()
        handle.path = target
        handle.open()
        handle.seed_checksum(rebinds.content_crc)
        for lazy, name in rebinds:
            lazy.rebind(handle, name)
        for owner, name, shape, dtype in rebinds.fresh:
            kept = finite_range(owner.data) if name in rebinds.axes else None
            owner.data = LazyArray(handle, name, shape, dtype)  # free the in-memory copy
            owner.data.range = kept
    state.signatures = signatures_of(project)
    if new_lock is not None:
        if state.lock is not None:
            state.lock.release()
        state.lock = new_lock
    project.path = target
    project.read_only = False
    project.read_only_reason = ""
    state.dropped, state.read_only_reason = [], ""  # the new file holds what was saved
    state.index = "used"  # the project is what the new file and its index hold
    if isinstance(project.audit, AuditLog):
        project.audit.saved()  # every entry is in the new file now
    state.audit_loaded = len(project.audit)
    state.audit_last = audit_key(project)
    project.modified = modified
    project.written_by = __version__
    project.format_version = FORMAT_VERSION
    project.dirty = False
    state.loaded_version = FORMAT_VERSION
    from workbench.project.recovery import discard_recovery

    # the work of this session's recovery file (and of one it was restored from) is
    # in the saved file now; nobody else's recovery file is touched
    discard_recovery(old_recovery)
    state.fixed_recovery_key = ""
    discard_recovery(recovery_key(project))
    if state.restored_key:
        discard_recovery(state.restored_key)
        state.restored_key = ""


def atomic_write(
    project: Project, target: Path, *, modified: str, detach_old: bool = False
) -> WriteLog:
    """Write the project over ``target`` atomically (``workbench.project.atomic``)."""
    state = state_of(project)
    signatures = state.signatures
    handle = state.handle
    if state.index == "used" and handle is not None and not index.content_matches(handle):
        # opened by its index, but the file was changed in place since its last save:
        # nothing is copied from it whole, every part is checked on its own
        signatures = {}
    if state.loaded_version != FORMAT_VERSION:
        # its objects are laid out as an older version wrote them: all written anew
        signatures = {}
    return atomic.atomic_write(
        project,
        target,
        modified=modified,
        handle=handle,
        signatures=signatures,
        detach_old=detach_old,
    )


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (by identity when both exist, else by name)."""
    try:
        return a.samefile(b)
    except OSError:
        return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


# -- close and recovery key -----------------------------------------------------------


def close_project(project: Project, *, discard_unsaved: bool = False) -> None:
    """Close the file handle and release the lock.

    This session's recovery file (and one it was restored from) is removed only when
    the project has no unsaved changes or the user chose to discard them
    (``discard_unsaved``): otherwise it waits to be offered again.
    """
    from workbench.project.recovery import discard_recovery

    state = state_of(project)
    if state.handle is not None:
        state.handle.close()
    if discard_unsaved or not project.dirty:
        discard_recovery(recovery_key(project))
        if state.restored_key:
            discard_recovery(state.restored_key)
            state.restored_key = ""
    if state.lock is not None:
        state.lock.release()
        state.lock = None
    deactivate_properties(project)  # its own vocabulary leaves with it (workbench.properties)


def recovery_key(project: Project) -> str:
    """A file-name-safe key naming this session's recovery file for the project.

    The project's file name and path digest (so a person can tell whose it is) and
    the editing session: two sessions of one project (two windows, a window and a
    script, the file opened again after a crash) never share a recovery file. A
    project restored from a recovery file keeps that file's key until it is saved.
    """
    state = state_of(project)
    if state.fixed_recovery_key:
        return state.fixed_recovery_key
    if project.path is None:
        return state.untitled_key
    resolved = str(Path(project.path).absolute())
    stem = Path(project.path).stem[:40]
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"{safe}-{digest}-{state.session}"


def default_suffix(path: str | Path) -> Path:
    """``path`` with the project suffix added when it has none."""
    p = Path(path)
    return p if p.suffix else p.with_suffix(PROJECT_SUFFIX)
