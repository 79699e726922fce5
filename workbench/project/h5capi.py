"""Direct calls into the HDF5 library for the writer's many small objects.

A project save creates tens of thousands of small HDF5 objects: a group, its
attributes, a short column. Each goes through h5py's Python layer, which creates and
registers an identifier object, takes its lock and converts arguments: about two
thirds of the time of writing one attribute here (a profile of 24,000 attribute
writes: HDF5's own ``H5Acreate`` was 15 % of it). These functions call the same HDF5
functions, in the very library h5py has loaded, through ``ctypes`` and with h5py's
lock held, so the objects are exactly what h5py would write and nothing else in the
process can interleave HDF5 calls with them.

``available()`` is False when the library cannot be found or is not the version h5py
was built with (a packaging surprise, another platform); the writer then takes the
plain h5py path, which writes the same file. ``tests/test_project_fast_write.py``
reads back everything written here with plain h5py.
"""

from __future__ import annotations

import ctypes
import glob
import os
from functools import cache
from typing import Any

import h5py
import numpy as np
from h5py import h5p, h5s, h5t
from h5py._objects import phil

HID = ctypes.c_int64  # hid_t since HDF5 1.10
HERR = ctypes.c_int
P_DEFAULT = 0  # H5P_DEFAULT
_STR_DTYPE = h5py.string_dtype("utf-8")

# Identifiers h5py made once and keeps open for the life of the process.
_STR_TYPE = h5t.py_create(_STR_DTYPE, logical=True)
_SCALAR = h5s.create(h5s.SCALAR)
_I64 = h5t.py_create(np.dtype("<i8"))
_NUM_TYPES: dict[np.dtype, h5t.TypeID] = {}


def _lcpl(coding: int) -> h5p.PropLCID:
    lcpl = h5p.create(h5p.LINK_CREATE)
    lcpl.set_create_intermediate_group(True)
    lcpl.set_char_encoding(coding)
    return lcpl


# Property lists as h5py's high-level API would build them, built once (also used by
# ``h5fast`` on its h5py path).
LCPL_ASCII = _lcpl(h5t.CSET_ASCII)
LCPL_UTF8 = _lcpl(h5t.CSET_UTF8)
GCPL = h5p.create(h5p.GROUP_CREATE)
GCPL.set_obj_track_times(False)
DCPL = h5p.create(h5p.DATASET_CREATE)
DCPL.set_obj_track_times(False)
_CHUNKED_DCPL: dict[tuple[int, int], h5p.PropDCID] = {}

_SIGNATURES: dict[str, tuple[list[Any], Any]] = {
    "H5get_libversion": ([ctypes.POINTER(ctypes.c_uint)] * 3, HERR),
    "H5Gcreate2": ([HID, ctypes.c_char_p, HID, HID, HID], HID),
    "H5Gclose": ([HID], HERR),
    "H5Acreate2": ([HID, ctypes.c_char_p, HID, HID, HID, HID], HID),
    "H5Awrite": ([HID, HID, ctypes.c_void_p], HERR),
    "H5Aclose": ([HID], HERR),
    "H5Screate_simple": ([ctypes.c_int, ctypes.POINTER(ctypes.c_uint64), ctypes.c_void_p], HID),
    "H5Sclose": ([HID], HERR),
    "H5Dcreate2": ([HID, ctypes.c_char_p, HID, HID, HID, HID, HID], HID),
    "H5Dwrite": ([HID, HID, HID, HID, HID, ctypes.c_void_p], HERR),
    "H5Dclose": ([HID], HERR),
    "H5Dwrite_chunk": (
        [
            HID,
            HID,
            ctypes.c_uint32,
            ctypes.POINTER(ctypes.c_uint64),
            ctypes.c_size_t,
            ctypes.c_void_p,
        ],
        HERR,
    ),
    "H5Oclose": ([HID], HERR),
    "H5Iinc_ref": ([HID], ctypes.c_int),
    "H5Iget_type": ([HID], ctypes.c_int),
}


class HDF5CallError(OSError):
    """An HDF5 function reported failure (disk full, a name already taken...)."""


def _candidates() -> list[str]:
    """Files that hold (or link to) the HDF5 library h5py has loaded."""
    here = os.path.dirname(h5py.__file__)
    found = [h5py.defs.__file__]  # dlsym on it also searches the libraries it needs
    for pattern in ("hdf5*.dll", ".dylibs/libhdf5*.dylib"):
        found += sorted(glob.glob(os.path.join(here, pattern)))
    found += sorted(glob.glob(os.path.join(here + ".libs", "libhdf5-*.so*")))
    found += sorted(glob.glob(os.path.join(here, "..", "h5py.libs", "libhdf5-*.so*")))
    return found


@cache
def _library() -> ctypes.CDLL | None:
    wanted = tuple(h5py.version.hdf5_version_tuple[:3])
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
            for name, (args, res) in _SIGNATURES.items():
                fn = getattr(lib, name)
                fn.argtypes, fn.restype = args, res
        except (OSError, AttributeError):
            continue
        v = [ctypes.c_uint() for _ in range(3)]
        if lib.H5get_libversion(*map(ctypes.byref, v)) < 0:
            continue
        if tuple(x.value for x in v) == wanted:
            return lib
    return None


# Set FIBRE_WORKBENCH_NO_H5CAPI=1 to write through h5py only (for comparison; tests set
# ``DISABLED`` itself). Read once: ``available`` is asked for every attribute written.
DISABLED = os.environ.get("FIBRE_WORKBENCH_NO_H5CAPI") == "1"


def available() -> bool:
    """True when HDF5 can be called directly (else use h5py; same result)."""
    return not DISABLED and _library() is not None


def _lib() -> ctypes.CDLL:
    lib = _library()
    if lib is None:
        raise RuntimeError("direct HDF5 calls are not available; check available() first")
    return lib


def _check(value: int, what: str) -> int:
    if value < 0:
        raise HDF5CallError(f"HDF5 could not {what}")
    return value


def _name(name: str) -> tuple[bytes, int]:
    """The link name as h5py encodes it: ASCII when possible, else UTF-8."""
    try:
        return name.encode("ascii"), LCPL_ASCII.id
    except UnicodeEncodeError:
        return name.encode("utf-8"), LCPL_UTF8.id


def create_group(parent: int, name: str) -> int:
    """A new group ``name`` under the open object ``parent``; returns its identifier,
    which the caller closes with ``close_object``."""
    encoded, lcpl = _name(name)
    with phil:
        gid = _lib().H5Gcreate2(parent, encoded, lcpl, GCPL.id, P_DEFAULT)
    return _check(gid, f"create the group {name!r}")


def close_object(oid: int) -> None:
    """Close an open group or dataset identifier."""
    with phil:
        _lib().H5Oclose(oid)


def inc_ref(oid: int) -> None:
    """One more reference to ``oid`` (for an h5py identifier object to own)."""
    with phil:
        _check(_lib().H5Iinc_ref(oid), "share an object identifier")


def is_group(oid: int) -> bool:
    with phil:
        return _lib().H5Iget_type(oid) == h5py.h5i.GROUP


def _write_attr(loc: int, name: str, ftype: int, space: int, mtype: int, buf: Any) -> None:
    lib = _lib()
    with phil:
        aid = _check(
            lib.H5Acreate2(loc, name.encode("utf-8"), ftype, space, P_DEFAULT, P_DEFAULT),
            f"create the attribute {name!r}",
        )
        try:
            _check(lib.H5Awrite(aid, mtype, buf), f"write the attribute {name!r}")
        finally:
            lib.H5Aclose(aid)


def set_str(loc: int, name: str, value: str) -> None:
    """A scalar variable-length UTF-8 string attribute, as h5py writes a ``str``."""
    buf = ctypes.c_char_p(str(value).encode("utf-8"))
    _write_attr(loc, name, _STR_TYPE.id, _SCALAR.id, _STR_TYPE.id, ctypes.byref(buf))


def set_int(loc: int, name: str, value: int) -> None:
    """A scalar 64-bit little-endian integer attribute."""
    buf = ctypes.c_int64(int(value))
    _write_attr(loc, name, _I64.id, _SCALAR.id, _I64.id, ctypes.byref(buf))


def set_str_array(loc: int, name: str, values: list[str]) -> None:
    """A 1-D attribute of variable-length UTF-8 strings."""
    items = [str(v).encode("utf-8") for v in values]
    buf = (ctypes.c_char_p * max(len(items), 1))(*items)
    space = _simple_space((len(items),))
    try:
        _write_attr(loc, name, _STR_TYPE.id, space, _STR_TYPE.id, buf)
    finally:
        with phil:
            _lib().H5Sclose(space)


def _simple_space(shape: tuple[int, ...]) -> int:
    dims = (ctypes.c_uint64 * max(len(shape), 1))(*shape)
    with phil:
        return _check(_lib().H5Screate_simple(len(shape), dims, None), "create a dataspace")


def _num_type(dtype: np.dtype) -> int:
    tid = _NUM_TYPES.get(dtype)
    if tid is None:
        tid = _NUM_TYPES[dtype] = h5t.py_create(dtype, logical=True)
    return tid.id


def create_small_dataset(parent: int, name: str, arr: np.ndarray) -> int:
    """A contiguous, uncompressed dataset holding ``arr`` (little-endian numbers, at
    least one element: ``h5fast.can_write_small``); returns its identifier, which the
    caller closes with ``close_object``."""
    data = np.ascontiguousarray(arr)
    tid = _num_type(data.dtype)
    encoded, lcpl = _name(name)
    space = _simple_space(data.shape)
    lib = _lib()
    with phil:
        try:
            did = _check(
                lib.H5Dcreate2(parent, encoded, tid, space, lcpl, DCPL.id, P_DEFAULT),
                f"create the dataset {name!r}",
            )
            try:
                # H5S_ALL (0) for memory and file space: the whole dataset
                _check(
                    lib.H5Dwrite(did, tid, 0, 0, P_DEFAULT, data.ctypes.data),
                    f"write the dataset {name!r}",
                )
            except BaseException:
                lib.H5Dclose(did)
                raise
        finally:
            lib.H5Sclose(space)
    return did


def create_chunked_bytes(parent: int, name: str, size: int, step: int, level: int) -> int:
    """An empty uint8 dataset of ``size`` bytes, chunks of ``step``, gzip ``level``
    (what ``create_dataset(..., chunks=(step,), compression="gzip")`` makes), to be
    filled with ``write_chunk``; the caller closes it with ``close_object``."""
    dcpl = _CHUNKED_DCPL.get((step, level))
    if dcpl is None:
        dcpl = h5p.create(h5p.DATASET_CREATE)
        dcpl.set_obj_track_times(False)
        dcpl.set_chunk((step,))
        dcpl.set_deflate(level)
        _CHUNKED_DCPL[(step, level)] = dcpl
    encoded, lcpl = _name(name)
    space = _simple_space((size,))
    lib = _lib()
    with phil:
        try:
            did = lib.H5Dcreate2(parent, encoded, _num_type(np.dtype(np.uint8)), space, lcpl,
                                 dcpl.id, P_DEFAULT)  # fmt: skip
        finally:
            lib.H5Sclose(space)
    return _check(did, f"create the dataset {name!r}")


def write_chunk(did: int, offset: int, blob: bytes) -> None:
    """Store one already-compressed chunk starting at element ``offset``."""
    where = (ctypes.c_uint64 * 1)(offset)
    with phil:
        _check(
            _lib().H5Dwrite_chunk(did, P_DEFAULT, 0, where, len(blob), blob),
            f"write a chunk at byte {offset}",
        )
