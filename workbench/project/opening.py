"""Reading a project file into a ``Project``: by its index when the file is exactly as
saved, else by walking its objects (``reader``), older format versions by ``migrate``.

``store.open_project`` adds the lock, the read-only decisions and recovery notes."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

import h5py

from workbench import __version__
from workbench.errors import FormatVersionError, ProjectError, UserFacingError
from workbench.model import FIRST_WALKED_VERSION, FORMAT_NAME, FORMAT_VERSION, Project
from workbench.project import index, versions
from workbench.project import layout as L
from workbench.project import safety as S
from workbench.project.lazy import FileHandle, open_h5_readonly
from workbench.project.reader import Reader
from workbench.project.state import state_of
from workbench.project.writer import sample_signature, source_signature

_READ_ERRORS = (OSError, RuntimeError, ValueError, KeyError, TypeError)


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
        if not index.content_matches(handle):  # not as our last save wrote it (cached)
            S.check_global_heaps(path)
        stated = check_root(path, f)
        how = versions.plan(path, stated, versions.layout_of(f))
        if how is None:
            raise ProjectError(f"{path}: the project format version is missing or not a number.")
        size = path.stat().st_size
        if how.version < FIRST_WALKED_VERSION:
            from workbench.project.migrate import read_old_version

            state.dropped = read_old_version(how.version, f, handle, project, size)
            state.index = "older format"
        elif how.read_only_reason or not _read_by_index(path, f, handle, project, size, for_saving):
            reader = Reader(f, handle, project, size, how.version)
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
