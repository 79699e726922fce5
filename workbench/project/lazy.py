"""Lazy array references into an open project file.

Opening a project reads structure and attributes only. Every column, source file and
model array becomes a ``LazyArray``: it knows its shape and dtype (read from the
dataset header) and reads the data from the file only when converted with
``numpy.asarray`` (or sliced). All lazy arrays of one project share one
``FileHandle``; after an atomic save the store points the handle at the new file and
re-points each lazy array to its path there, so references never go stale.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from pathlib import Path
from typing import Any

import h5py
import numpy as np

from workbench.errors import ProjectError


def finite_range(data: Any) -> list[float] | None:
    """[min, max] of the finite values of a 1-D numeric array (a lazy one's known
    range, without reading it), or None."""
    if isinstance(data, LazyArray) and not data.is_cached:
        return data.range
    try:
        values = np.asarray(data, dtype=float)
    except (TypeError, ValueError):
        return None
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return None
    return [float(finite.min()), float(finite.max())]


def open_h5_readonly(path: str | Path) -> h5py.File:
    """Open an HDF5 file read-only with the library's default file-locking settings.

    We never write a project file in place (saves replace the file atomically), so a
    read-only open is all the store needs. The default locking flags are kept on
    purpose: HDF5 refuses to open one file twice in a process with different flags,
    and other code (tests, viewers) opens project files with plain ``h5py.File``.
    """
    return h5py.File(path, "r")


class FileHandle:
    """The one read-only h5py handle a project keeps to its file while open."""

    def __init__(self, path: str | Path, file: h5py.File | None = None) -> None:
        self.path = Path(path)
        self.file: h5py.File | None = file
        self.lazies: weakref.WeakSet[LazyArray] = weakref.WeakSet()
        # held by a save from closing the old file until the new one is open and every
        # lazy array re-pointed, so reads from other threads wait instead of failing
        self.swap_lock = threading.RLock()
        self._checksum: tuple[tuple, int] | None = None

    @property
    def is_open(self) -> bool:
        return self.file is not None and bool(self.file.id.valid)

    def open(self) -> h5py.File:
        if not self.is_open:
            self.file = open_h5_readonly(self.path)
        assert self.file is not None
        return self.file

    def close(self) -> None:
        if self.file is not None:
            try:
                self.file.close()
            finally:
                self.file = None

    def materialize_orphans(self, keep: set[int]) -> None:
        """Read into memory every lazy array of this file not in ``keep`` (by id).

        Called before the file is closed or replaced by a save: arrays the saved
        project no longer holds (a deleted sample kept by undo) stay readable.
        """
        for lazy in list(self.lazies):
            if id(lazy) not in keep and lazy._cache is None:
                # an array that was unreadable before stays unreadable
                with contextlib.suppress(ProjectError):
                    kept = lazy.kept_attrs()  # they travel with it (a sample brought back)
                    lazy._cache = lazy.read()
                    lazy.kept = kept

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    def file_size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0

    def dataset(self, name: str) -> h5py.Dataset:
        if not self.is_open:
            raise ProjectError(
                f"{self.path}: the project file is closed, so the data at {name} cannot be read."
            )
        assert self.file is not None
        from workbench.project import safety as S

        obj: h5py.HLObject = self.file
        try:  # hard links only: a link to another file or place is never followed
            for part in name.strip("/").split("/"):
                if not isinstance(obj, h5py.Group):
                    raise S.Unsafe(f"{obj.name} is not a group")
                obj = S.child(obj, part)
        except S.Unsafe as exc:
            raise ProjectError(f"{self.path}: the data at {name} cannot be read: {exc}.") from exc
        if not isinstance(obj, h5py.Dataset):
            raise ProjectError(f"{self.path}: expected a dataset at {name}, found none.")
        return obj

    def seed_checksum(self, crc: int | None) -> None:
        """The checksum of the file just written by a save (known without reading it)."""
        if crc is None:
            return
        try:
            st = self.path.stat()
        except OSError:
            return
        self._checksum = ((str(self.path), st.st_ino, st.st_size, st.st_mtime_ns), crc)

    def content_checksum(self) -> int | None:
        """Checksum of the file's bytes after its user block (``diskwrite.checksum``;
        cached while the file is unchanged on disk), or None when it cannot be read."""
        try:
            st = self.path.stat()
        except OSError:
            return None
        key = (str(self.path), st.st_ino, st.st_size, st.st_mtime_ns)
        if self._checksum is not None and self._checksum[0] == key:
            return self._checksum[1]
        from workbench.project.diskwrite import CHECKSUM_START, USERBLOCK, checksum

        crc = CHECKSUM_START
        try:
            with open(self.path, "rb") as fh:
                fh.seek(USERBLOCK)
                while block := fh.read(8 * 2**20):
                    crc = checksum(block, crc)
        except OSError:
            return None
        self._checksum = (key, crc)
        return crc


class LazyArray:
    """A reference to a dataset in the project file that reads it on demand.

    Behaves as an ``ArrayLike`` (``shape``, ``dtype``, ``__array__``); ``len()``,
    ``ndim``, ``size`` and slicing (which reads only the slice) also work. The data
    are not cached: each use reads the file, which keeps memory flat for big projects.
    """

    __slots__ = (
        "__weakref__",
        "_cache",
        "_check",
        "_dtype",
        "_shape",
        "handle",
        "kept",
        "name",
        "range",
    )

    def __init__(
        self,
        handle: FileHandle,
        name: str,
        shape: tuple[int, ...],
        dtype: np.dtype,
        check: dict[str, Any] | None = None,
    ) -> None:
        self.handle = handle
        self.name = name  # absolute path of the dataset inside the file
        self._shape = tuple(map(int, shape))
        self._dtype = dtype if isinstance(dtype, np.dtype) else np.dtype(dtype)
        self._cache: np.ndarray | None = None
        # the safety checks still to run on the dataset before its first use (arrays
        # made from the project index; the walk checks every dataset on open)
        self._check = check
        # [min, max] of the finite values when known without reading (from the index
        # for a curve's axis: ``info`` shows it), else None
        self.range: list[float] | None = None
        # the attributes another program added to the dataset (``safety.foreign_attrs``)
        # when known: taken with the data when they are held in memory, or read on
        # opening (format 0); None: read from the file when a save needs them
        self.kept: dict[str, Any] | None = None
        handle.lazies.add(self)

    def kept_attrs(self, kind: str = "") -> dict[str, Any]:
        """The attributes another program added to this array's dataset, for a save to
        write back: those taken with it, else read from its file now. ``kind`` is the
        object's kind in ``safety.OWN_ATTRIBUTES`` (default: from its path)."""
        if self.kept is not None:
            return self.kept
        if self._cache is not None:
            return {}  # its file is gone and nothing was taken with it
        if self.name.startswith(("/sources/", "/raw/")):
            return {}  # a stored source's are held by its ``SourceFile``
        from workbench.project import safety as S

        kind = kind or ("model_array" if self.name.startswith("/models/") else "column")
        try:
            with self.handle.swap_lock:
                return S.read_foreign_attrs(self.handle.dataset(self.name), kind)
        except (OSError, RuntimeError, ValueError, KeyError, ProjectError):
            return {}

    def ensure_checked(self) -> None:
        """Run the dataset's safety checks (``safety.check_dataset``) once, before it is
        first read or copied; its shape and type must be the ones this array stated."""
        if self._check is None:
            return
        from workbench.project import safety as S

        with self.handle.swap_lock:
            ds = self.handle.dataset(self.name)
            try:
                shape, dtype = S.check_dataset(ds, self.handle.file_size(), **self._check)
            except S.Unsafe as exc:
                raise ProjectError(
                    f"{self.handle.path}: the data at {self.name} are refused: {exc}."
                ) from exc
        if shape != self._shape or (
            dtype != self._dtype and not (dtype.kind == self._dtype.kind == "U")
        ):
            raise ProjectError(
                f"{self.handle.path}: the data at {self.name} have shape {shape} and type {dtype}, "
                f"not {self._shape} {self._dtype} as the project's index says (the file was "
                "changed by another program?); check it with 'fibre-workbench info --verify'."
            )
        self._check = None

    @property
    def shape(self) -> tuple[int, ...]:
        return self._shape

    @property
    def dtype(self) -> np.dtype:
        return self._dtype

    @property
    def ndim(self) -> int:
        return len(self._shape)

    @property
    def size(self) -> int:
        return int(np.prod(self._shape, dtype=np.int64))

    @property
    def nbytes(self) -> int:
        return self.size * self._dtype.itemsize

    def __len__(self) -> int:
        return self._shape[0] if self._shape else 0

    def __repr__(self) -> str:
        return f"LazyArray({self.handle.path.name}:{self.name}, shape={self._shape}, {self._dtype})"

    def rebind(self, handle: FileHandle, name: str) -> None:
        """Point this reference at a dataset in another (newly saved) file."""
        self.handle.lazies.discard(self)
        self.handle = handle
        self.name = name
        self._cache = None
        self._check = None  # written by this save from checked data
        self.kept = None  # written there too
        handle.lazies.add(self)

    @property
    def is_cached(self) -> bool:
        """True when the data are held in memory because their file was replaced."""
        return self._cache is not None

    def _read(self, key: Any = ()) -> np.ndarray:
        if self._cache is not None:
            return np.array(self._cache[key])
        self.ensure_checked()
        try:
            with self.handle.swap_lock:  # a save may be swapping the file right now
                ds = self.handle.dataset(self.name)
                if self._dtype.kind == "U":
                    self.check_texts(ds)
                    return np.asarray(ds.asstr()[key], dtype=str)
                if isinstance(key, tuple) and key == () and ds.shape == self._shape:
                    # whole array: one low-level read, without h5py's selection logic
                    arr = np.empty(self._shape, dtype=ds.dtype)
                    if arr.size:
                        ds.id.read(h5py.h5s.ALL, h5py.h5s.ALL, arr)
                    return arr
                return np.asarray(ds[key])
        except (OSError, RuntimeError, ValueError) as exc:
            raise ProjectError(
                f"{self.handle.path}: the data at {self.name} could not be read "
                f"(the file may be damaged): {exc}"
            ) from exc

    def check_texts(self, ds: h5py.Dataset) -> None:
        """Refuse a text dataset whose stored lengths the file cannot hold (before HDF5
        reserves them: ``safety.text_slots_sound``)."""
        from workbench.project import safety as S

        if not S.text_slots_sound(ds, self.handle.file_size()):
            raise ProjectError(
                f"{self.handle.path}: the texts at {self.name} are damaged (their stored "
                "lengths do not fit in the file); they were not read."
            )

    def read(self) -> np.ndarray:
        """The whole array, read from the file now."""
        return self._read(())

    def __getitem__(self, key: Any) -> np.ndarray:
        return self._read(key)

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        arr = self._read(())
        if dtype is not None and np.dtype(dtype) != arr.dtype:
            arr = arr.astype(dtype)
        return arr
