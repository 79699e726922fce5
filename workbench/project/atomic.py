"""Write a whole project file atomically: the old file or the new one, never a mix.

``atomic_write`` writes the project to a temporary file beside the file it replaces
(through a symbolic link: beside the file the link points to), makes it durable,
gives it the replaced file's permissions and owner/group, and ``os.replace``-s it
over that file. Until the replace the target is untouched. HDF5 never writes to the
disk itself (``diskwrite``), so a full disk, a quota, an I/O error or the file-size
limit is one clear ``ProjectError``: the temporary file is removed, the old file is
byte for byte as it was, and the project in memory keeps all its work.

Temporary names carry a tag of this host and the writing process, so a later save
removes those that a process which has died left behind (``remove_stale_temps``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import uuid
from pathlib import Path
from typing import Any

import h5py
import numpy as np

from workbench.errors import ProjectError, SaveFailedError, UserFacingError
from workbench.fileio import (
    FileWriteError,
    describe_os_error,
    fsync_dir,
    keep_attributes,
    resolve_destination,
    temp_path,
)
from workbench.model import Project
from workbench.project import index
from workbench.project.diskwrite import new_hdf5_file
from workbench.project.lazy import FileHandle
from workbench.project.lock import pid_alive
from workbench.project.writer import Reuse, WriteLog, write_project

TEMP_SUFFIX = ".fwtmp"
HOST_TAG = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_READ_ERRORS = (OSError, RuntimeError, ValueError, KeyError, TypeError)
OBJECT_OVERHEAD = 2048  # bytes of HDF5 metadata per stored array, for the size estimate

# HDF5 starts the metadata cache of a new file at 2 MiB (counted as the entries' size
# on disk; in memory they take many times that), so saving 500 spectra grew the process
# by 31 MB. A save writes each object once, so it starts small instead: the cache still
# grows by itself where a write needs it (the chunk index of a big column), and the
# 500-spectrum save grows the process by 7 MB, no slower (benchmarks import_spectra_500,
# import_particles_1m, project_save_1000).
WRITE_CACHE_START = 256 * 1024


def start_metadata_cache_small(f: h5py.File, start: int = WRITE_CACHE_START) -> None:
    """Start the HDF5 metadata cache of a file being written at ``start`` bytes."""
    config = f.id.get_mdc_config()
    config.set_initial_size = True
    config.initial_size = start
    config.min_size = start
    f.id.set_mdc_config(config)


def _temp_tag(pid: int, rand: str) -> str:
    return f"{HOST_TAG}.{pid:010d}.{rand}"  # fixed length: one shortened name per target


def temp_for(target: Path) -> Path:
    return temp_path(target, _temp_tag(os.getpid(), uuid.uuid4().hex[:8]), TEMP_SUFFIX)


def estimate_size(project: Project) -> int:
    """About how many bytes the saved file takes at most (uncompressed arrays plus
    metadata): decides whether it is built in memory (``diskwrite``)."""
    total = 0

    def add(data: Any) -> None:
        nonlocal total
        nbytes = getattr(data, "nbytes", None)
        if nbytes is None:
            with contextlib.suppress(TypeError, ValueError):
                nbytes = np.asarray(data).nbytes
        total += int(nbytes or 0) + OBJECT_OVERHEAD

    for s in project.samples.values():
        for part in (*s.measurements.values(), *s.results.values()):
            for c in part.columns.values():
                add(c.data)
            total += OBJECT_OVERHEAD
    for src in project.sources.values():
        total += int(src.size) + OBJECT_OVERHEAD
    for model in project.models.values():
        for arr in model.arrays.values():
            add(arr)
    return total + len(project.audit) * 256 + (1 << 20)


def atomic_write(
    project: Project,
    target: Path,
    *,
    modified: str,
    handle: FileHandle | None,
    signatures: dict[str, str],
    detach_old: bool = False,
) -> WriteLog:
    """Write the project over ``target`` atomically (see the module docstring).

    ``handle`` is the project's open file (unchanged parts are copied from it inside
    HDF5) with the ``signatures`` taken when it was read. With ``detach_old`` (a real
    save) lazy arrays the saved project no longer holds are read into memory and the
    handle is closed before the replace, so the old file is never held open across it
    (required on Windows, harmless elsewhere).
    """
    dest = resolve_destination(target)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProjectError(f"{target}: not saved: {describe_os_error(exc)}.") from exc
    remove_stale_temps(dest)
    tmp = temp_for(dest)
    reuse = Reuse(handle.file, signatures) if handle is not None and handle.is_open else None
    closed = locked = False
    try:
        log: list[WriteLog] = []

        def header(length: int, crc: int) -> bytes:  # length, index digest, content CRC
            log[0].content_crc = crc
            return index.header_bytes(length, log[0].index_bytes, crc)

        with new_hdf5_file(tmp, header) as f:
            start_metadata_cache_small(f)
            rebinds = write_project(project, f, modified=modified, reuse=reuse)
            log.append(rebinds)
        keep_attributes(tmp, dest)
        if detach_old and handle is not None and handle.is_open:
            handle.swap_lock.acquire()  # released by save_project once re-pointed
            locked = True
            rebinds.locked = handle
            handle.materialize_orphans({id(lazy) for lazy, _ in rebinds})
            handle.close()
            closed = True
        os.replace(tmp, dest)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if closed and handle is not None:
            with contextlib.suppress(*_READ_ERRORS):
                handle.open()
        if locked and handle is not None:
            handle.swap_lock.release()
        raise _save_failure(target, exc) from exc
    with contextlib.suppress(OSError):  # the file is in place; durability of the name only
        fsync_dir(dest.parent)
    return rebinds


def _save_failure(target: Path, exc: BaseException) -> BaseException:
    """The error a failed save raises: one line, saying the old file is unchanged."""
    if isinstance(exc, FileWriteError | OSError):
        reason = exc.reason if isinstance(exc, FileWriteError) else describe_os_error(exc)
        return SaveFailedError(str(target), reason, existed=target.exists(), errno=exc.errno)
    if isinstance(exc, UserFacingError | KeyboardInterrupt | SystemExit) or not isinstance(
        exc, Exception
    ):
        return exc
    return ProjectError(
        f"{target}: the project could not be saved ({exc}). The previous file is unchanged."
    )


def remove_stale_temps(target: Path) -> None:
    """Delete temporary files left beside ``target`` by saves of processes that died
    on this host (older releases named them ``.<name>.<host>.<pid>.<random>.fwtmp``)."""
    probe = temp_path(target, _temp_tag(0, "0" * 8), TEMP_SUFFIX).name
    ours = probe[: len(probe) - len(f"{0:010d}.{'0' * 8}{TEMP_SUFFIX}")]  # ".<short>.<host>."
    old = f".{target.name}.{socket.gethostname()}."
    try:
        candidates = [
            p for p in target.parent.iterdir() if p.name.endswith(TEMP_SUFFIX) and p.name[:1] == "."
        ]
    except OSError:
        return
    for tmp in candidates:
        for prefix in (ours, old):
            if tmp.name.startswith(prefix):
                pid = tmp.name[len(prefix) :].split(".", 1)[0]
                if pid.isdigit() and not pid_alive(int(pid)):
                    with contextlib.suppress(OSError):
                        tmp.unlink()
                break
