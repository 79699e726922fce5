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

import contextlib
import gc
import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import h5py

from workbench import __version__
from workbench.errors import FormatVersionError, ProjectError, ProjectLockedError, UserFacingError
from workbench.fileio import check_name, describe_os_error, resolve_destination
from workbench.model import FORMAT_NAME, FORMAT_VERSION, PROJECT_SUFFIX, Project, now_iso
from workbench.project import atomic, index, versions
from workbench.project import layout as L
from workbench.project import safety as S
from workbench.project.audit import AuditLog
from workbench.project.lazy import FileHandle, LazyArray, finite_range, open_h5_readonly
from workbench.project.lock import LOCK_SUFFIX, LockUnavailable, ProjectLock
from workbench.project.reader import Reader
from workbench.project.writer import (
    WriteLog,
    sample_signature,
    source_signature,
)
from workbench.properties import activate as activate_properties
from workbench.properties import deactivate as deactivate_properties

_READ_ERRORS = (OSError, RuntimeError, ValueError, KeyError, TypeError)


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


def _audit_key(project: Project) -> tuple[str, ...]:
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
        intact = n == 0 or (len(log) >= n and _audit_key(project) == state.audit_last)
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


# -- open ----------------------------------------------------------------------------


def open_project(
    path: str | Path, *, read_only: bool = False, for_writing: bool = False
) -> Project:
    """Open a project file. Another instance's lock makes it read-only (with a reason).

    ``for_writing`` (a command that will save) refuses at once, with the reason, a
    project that would open read-only, before any work is done."""
    path = Path(path).absolute()
    if not path.is_file():
        raise ProjectError(f"{path}: no such project file.")
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
        if holder is not None:
            lock = None
            cause = f"{path.name} is open in another Fibre Workbench {holder.describe()}."
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
    state.audit_last = _audit_key(project)
    project.path = path
    project.read_only = read_only or bool(reason)
    project.read_only_reason = reason or ("Opened read-only." if read_only else "")
    project.dirty = version != FORMAT_VERSION
    note_recoveries(project)
    activate_properties(project)  # the project's own vocabulary (workbench.properties)
    if for_writing and project.read_only:
        close_project(project)
        raise ProjectError(f"{cause or project.read_only_reason} Nothing was changed.")
    return project


def _dropped_reason(path: Path, dropped: list[str]) -> str:
    if not dropped:
        return ""
    n = len(dropped)
    return (
        f"{path.name}: {n} part{'s' if n > 1 else ''} of the file could not be taken in "
        f"(first: {dropped[0]}; all are named in the warnings). It was opened read-only so "
        "that saving cannot drop them from the file; Save As writes a copy without them, "
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


def read_file(path: Path, *, for_saving: bool = True) -> tuple[Project, int | None]:
    """Read any supported version into a new Project whose arrays stay lazy in the file.

    Returns the project and the format version the file states (None when missing).
    Objects it could not take in and a version number that disagrees with the content
    are recorded in the store state (``dropped``, ``read_only_reason``)."""
    S.check_signature(path)
    try:
        f = open_h5_readonly(path)
    except _READ_ERRORS as exc:
        raise ProjectError(_open_failure(path, exc)) from exc
    handle = FileHandle(path, f)
    project = Project()
    state = state_of(project)
    state.handle = handle
    try:
        stated = check_root(path, f)
        how = versions.plan(path, stated, versions.layout_of(f))
        if how is None:
            raise ProjectError(f"{path}: the project format version is missing or not a number.")
        size = path.stat().st_size
        if how.version < FORMAT_VERSION:
            from workbench.project.migrate import read_old_version

            state.dropped = read_old_version(how.version, f, handle, project, size)
            state.index = "older format"
        elif how.read_only_reason or not _read_by_index(path, f, handle, project, size, for_saving):
            reader = Reader(f, handle, project, size)
            reader.read()
            state.signatures = reader.signatures
            state.dropped = reader.dropped
        state.read_only_reason = how.read_only_reason
        if how.read_only_reason:
            project.warnings.insert(0, how.read_only_reason)
    except UserFacingError:
        handle.close()
        raise
    except _READ_ERRORS as exc:
        handle.close()
        raise ProjectError(f"{path}: the file is damaged and cannot be read ({exc}).") from exc
    except BaseException:
        handle.close()
        raise
    project.format_version = FORMAT_VERSION
    return project, stated


def _read_by_index(
    path: Path, f: h5py.File, handle: FileHandle, project: Project, size: int, for_saving: bool
) -> bool:
    """Fill ``project`` from the file's index when it describes the file (``index``);
    False (with ``state.index`` saying why) when the objects must be walked."""
    state = state_of(project)
    try:
        with open(path, "rb") as fh:
            first = fh.read(index.HEADER)
    except OSError:
        first = b""
    with no_cyclic_gc():
        loaded = index.load(f, handle, first, size)
        reason = loaded.reason or index.cheap_check(f, loaded.doc or {})
        built = Project()
        if not reason:
            try:
                index.build(loaded.doc or {}, handle, built, size)
            except index.Malformed as exc:
                reason = f"damaged: {exc}"
    if not reason:
        for key in ("samples", "sources", "models", "settings", "created", "modified"):
            setattr(project, key, getattr(built, key))
        project.written_by = built.written_by
    state.index = reason or "used"
    if reason:
        return False
    audit = Reader(f, handle, project, size)
    audit.read_audit()
    state.dropped = audit.dropped
    if for_saving:  # what a save may copy whole (a read-only open never saves over it)
        state.signatures = signatures_of(project)
    return True


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many objects are made at once
    (the index of 10,000 measurements: two thirds of its building time went into
    collections that found nothing). The window keeps it off anyway (gui.gc_guard)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def signatures_of(project: Project) -> dict[str, str]:
    """What a save compares to know which samples and sources it may copy whole from
    the open file (``writer.Reuse``): their signatures as they are now."""
    out = {
        sid: sig
        for sid, smp in project.samples.items()
        if (sig := sample_signature(smp)) is not None
    }
    out.update(
        (f"sources/{sha}", sig)
        for sha, src in project.sources.items()
        if (sig := source_signature(src)) is not None
    )
    out["sources/order"] = L.dumps(list(project.sources))
    return out


def _open_failure(path: Path, exc: BaseException) -> str:
    """Why HDF5 could not open a file that has its signature: held open for writing by
    another program (HDF5's file locking), or damaged."""
    text = str(exc)
    if "unable to lock file" in text or ("lock" in text.lower() and "errno = 11" in text):
        return (
            f"{path}: another program has the file open for writing (HDF5 refused to open "
            "it while it is locked); close it there and open it again."
        )
    return f"{path}: the file cannot be opened as HDF5; it is damaged or truncated ({exc})."


def check_root(path: Path, f: h5py.File) -> int | None:
    """The file's stated format version (None when missing or not a number), after
    checking it is a project and not of a newer version than this one reads."""
    a = S.Attrs(f, [])
    fmt = a.text(L.FORMAT_ATTR, "")
    if fmt != FORMAT_NAME:
        raise ProjectError(
            f"{path}: this HDF5 file is not a Fibre Workbench project "
            f"(root attribute 'format' is {fmt or 'missing'}; expected {FORMAT_NAME!r})."
        )
    version = a.integer(L.VERSION_ATTR, -1)
    if version > FORMAT_VERSION:
        raise FormatVersionError(
            f"{path} was written with project format version {version}; this Fibre Workbench "
            f"({__version__}) reads up to version {FORMAT_VERSION}. Please update Fibre "
            "Workbench to open it."
        )
    return version if version >= 0 else None


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
        raise ProjectError(
            "This project is open read-only and cannot be saved to its file. "
            + (project.read_only_reason or "")
            + " Use Save As to a new file."
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
    state.audit_last = _audit_key(project)
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
