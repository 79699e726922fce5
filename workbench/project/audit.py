"""The project's audit log, read from the file only when someone looks at it.

A project keeps an append-only log of every change (``/audit``: four equal-length
UTF-8 string datasets time, user, action, detail). A year of work is tens of
thousands of entries, and a hostile file may declare millions: reading them all on
every open made every command slow and large (5 million entries: 7-25 s, 800 MB). So
``AuditLog`` knows only the number of stored entries until an entry is asked for;
appending (``Project.log``) never reads. A save copies the stored entries inside
HDF5 (no Python objects) and appends the new ones (``write``).
"""

from __future__ import annotations

from collections.abc import Iterator, MutableSequence
from typing import Any

import h5py
import numpy as np

from workbench.errors import ProjectError
from workbench.model import AuditEntry
from workbench.project import layout as L
from workbench.project import safety as S
from workbench.project.lazy import FileHandle

FIELDS = ("time", "user", "action", "detail")
MAX_LOADED = 2_000_000  # entries read into memory at most (a longer log stays in the file)


class AuditLog(MutableSequence):
    """The log: ``count`` entries stored in ``handle``'s file, plus those appended since.

    Behaves as a list of ``AuditEntry``; only ``len`` and ``append`` work without
    reading the stored entries."""

    def __init__(self, handle: FileHandle, count: int) -> None:
        self.handle = handle
        self.stored = count  # entries in the file, not read yet
        self.appended: list[AuditEntry] = []
        self._items: list[AuditEntry] | None = None  # all entries, once read
        self._last_stored: tuple[str, ...] = ()  # the last stored entry, once read

    @property
    def loaded(self) -> bool:
        return self._items is not None

    def _all(self) -> list[AuditEntry]:
        if self._items is None:
            if self.stored > MAX_LOADED:
                raise ProjectError(
                    f"{self.handle.path}: its audit log has {self.stored:,} entries, more than "
                    f"the {MAX_LOADED:,} this application reads into memory."
                )
            self._items = read_entries(self.handle, self.stored) + self.appended
            self.appended = []
            if self.stored:
                self._last_stored = _key(self._items[self.stored - 1])
        return self._items

    def __len__(self) -> int:
        return len(self._items) if self._items is not None else self.stored + len(self.appended)

    def append(self, entry: AuditEntry) -> None:
        if self._items is None:
            self.appended.append(entry)
        else:
            self._items.append(entry)

    def __getitem__(self, i: Any) -> Any:
        n = len(self)
        if self._items is None and isinstance(i, int) and (i >= self.stored or -n <= i < 0):
            k = i if i >= 0 else n + i
            if k >= self.stored:
                return self.appended[k - self.stored]
        return self._all()[i]

    def __setitem__(self, i: Any, value: Any) -> None:
        self._all()[i] = value

    def __delitem__(self, i: Any) -> None:
        del self._all()[i]

    def insert(self, i: int, value: AuditEntry) -> None:
        self._all().insert(i, value)

    def __iter__(self) -> Iterator[AuditEntry]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, list | AuditLog) else NotImplemented

    def __repr__(self) -> str:
        return f"AuditLog({self.stored} stored, {len(self.appended)} appended)"

    def saved(self) -> None:
        """A save wrote every entry to the (re-pointed) file: all of them are stored."""
        if self._items is None:
            self.stored += len(self.appended)
            self.appended = []
        else:
            self.stored = len(self._items)
            self._last_stored = _key(self._items[-1]) if self._items else ()

    def snapshot(self) -> AuditLog:
        """An independent copy (for a recovery file written in the background)."""
        copy = AuditLog(self.handle, self.stored)
        copy.appended = list(self.appended)
        copy._items = None if self._items is None else list(self._items)
        return copy

    def intact(self) -> bool:
        """False when entries that are in the file were removed or changed in memory
        (the log is append-only)."""
        items = self._items
        if items is None or not self.stored:
            return True
        return len(items) >= self.stored and _key(items[self.stored - 1]) == self._last_stored

    def unchanged_stored_part(self) -> bool:
        """True when the stored entries were never read (so cannot have been changed)."""
        return self._items is None


def _key(e: AuditEntry) -> tuple[str, ...]:
    return (e.time, e.user, e.action, e.detail)


def read_entries(handle: FileHandle, count: int) -> list[AuditEntry]:
    try:
        with handle.swap_lock:
            g = handle.open()["audit"]
            size = handle.file_size()
            if not all(S.text_slots_sound(g[key], size) for key in FIELDS):
                raise ProjectError(
                    f"{handle.path}: its audit log is damaged (stored text lengths that do not "
                    "fit in the file); it was not read."
                )
            cols = [g[key].asstr()[()] for key in FIELDS]
    except (KeyError, OSError, RuntimeError, ValueError) as exc:
        raise ProjectError(f"{handle.path}: its audit log cannot be read ({exc}).") from exc
    if any(len(c) != count for c in cols):
        raise ProjectError(f"{handle.path}: its audit log changed since the project was opened.")
    return [AuditEntry(*map(str, row)) for row in zip(*cols)]


def write(f: h5py.File, log: Any, source: h5py.File | None) -> None:
    """Write ``/audit`` into the new file ``f``: the stored entries copied from
    ``source`` (the open file) when they were never read, then the new ones.

    The datasets are chunked and extendable, so the next save copies them whole
    inside HDF5 and only writes the new entries; older files' fixed-size ones are
    copied once in blocks."""
    if isinstance(log, AuditLog) and log.unchanged_stored_part() and log.stored:
        if source is not None and source is log.handle.file and "audit" in source:
            _extend_copy(f, source["audit"], log)
            return
        entries = read_entries(log.handle, log.stored) + log.appended
    else:
        entries = list(log)
    g = f.create_group("audit")
    for key in FIELDS:
        values = np.array([str(getattr(e, key)) for e in entries], dtype=object)
        g.create_dataset(key, data=values, **_extendable(len(values)))


def _extendable(n: int) -> dict[str, Any]:
    return {"dtype": L.STR_DTYPE, "maxshape": (None,), "chunks": (CHUNK,), "shape": (n,)}


CHUNK = 4096  # entries per chunk of an audit dataset


# how a variable-length string is stored in a dataset: its length in bytes, then its
# place in a global heap (collection address, index); HDF5 file format, "Variable-length"
VLEN_DESCRIPTOR = np.dtype([("length", "<u4"), ("address", "<u8"), ("index", "<u4")])


def _chunks_sound(ds: h5py.Dataset, file_size: int) -> bool:
    """True when every string slot in ``ds``'s chunks (the unused slots of the last
    chunk too) points inside the file with a length the file could hold.

    An HDF5 object copy converts whole chunks: one damaged slot past the log's end
    (a torn write in the 64 KiB chunk) made it allocate gigabytes (2.8-3.7 GB, 20 s)
    before failing. Read raw (``read_direct_chunk``), never converted."""
    if ds.compression is not None or ds.id.get_create_plist().get_nfilters():
        return False  # filtered chunks are not checked here: copied entry by entry
    try:
        for i in range(ds.id.get_num_chunks()):
            info = ds.id.get_chunk_info(i)
            _, raw = ds.id.read_direct_chunk(info.chunk_offset)
            slots = np.frombuffer(raw[: len(raw) // 16 * 16], dtype=VLEN_DESCRIPTOR)
            if slots.size and (
                int(slots["length"].max()) > file_size or int(slots["address"].max()) > file_size
            ):
                return False
    except (OSError, RuntimeError, ValueError):
        return False
    return True


def _extend_copy(f: h5py.File, old: h5py.Group, log: AuditLog) -> None:
    n, new_n = log.stored, log.stored + len(log.appended)
    size = log.handle.file_size()
    if all(
        old[key].maxshape == (None,) and old[key].chunks and _chunks_sound(old[key], size)
        for key in FIELDS
    ):
        f.copy(old, f, name="audit")  # inside HDF5: no entry becomes a Python object
        g = f["audit"]
        for key in FIELDS:
            g[key].resize((new_n,))
    else:  # an older file's fixed-size datasets (or damaged slots): copied in blocks
        g = f.create_group("audit")
        for key in FIELDS:
            ds = g.create_dataset(key, **_extendable(new_n))
            for start in range(0, n, 65536):
                stop = min(n, start + 65536)
                ds[start:stop] = old[key][start:stop]
    if log.appended:
        for key in FIELDS:
            g[key][n:] = np.array([str(getattr(e, key)) for e in log.appended], dtype=object)
