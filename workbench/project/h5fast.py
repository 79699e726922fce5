"""Creating many small HDF5 groups and datasets quickly.

h5py's high-level ``create_group``/``create_dataset`` rebuild their property lists
and analyse their arguments on every call, and every object they return carries a
registered identifier object: most of the time of creating a small object here. A
batch of 500 spectra makes thousands of such objects, so the writer creates them
through these helpers, which call the same HDF5 functions with property lists built
once: directly (``h5capi``) when possible, else through h5py's low-level API. The
objects are exactly what h5py would create (same link name encoding, no time stamps,
contiguous layout); h5py and any other HDF5 reader see no difference.

A ``Node`` is an open group or dataset of the file being written: its identifier and
its absolute path. Use it as a context manager (or call ``close``) so its identifier
is closed when the writer is done with it.
"""

from __future__ import annotations

from typing import Any

import h5py
import numpy as np
from h5py import h5d, h5g, h5p, h5s, h5t

from workbench.project import h5capi


class Node:
    """An open group or dataset being written (see the module docstring)."""

    __slots__ = ("_owned", "id", "name", "obj")

    def __init__(self, hid: int, name: str, obj: Any = None, owned: bool = True) -> None:
        self.id = hid  # the HDF5 identifier (hid_t)
        self.name = name  # absolute path in the file
        self.obj = obj  # the h5py object holding the identifier, on the h5py path
        self._owned = owned and obj is None

    def child(self, name: str) -> str:
        return f"{self.name.rstrip('/')}/{name}"

    def close(self) -> None:
        if self._owned:
            self._owned = False
            h5capi.close_object(self.id)

    def __enter__(self) -> Node:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def h5py_object(self) -> h5py.Group | h5py.Dataset:
        """The same object as an h5py object, for the rare operations done through h5py
        (object copies, compressed and text datasets)."""
        if self.obj is not None:
            return self.obj
        h5capi.inc_ref(self.id)  # the h5py identifier object owns this new reference
        if h5capi.is_group(self.id):
            return h5py.Group(h5g.GroupID(self.id))
        return h5py.Dataset(h5d.DatasetID(self.id))


def node(obj: h5py.Group | h5py.Dataset | Node) -> Node:
    """A ``Node`` for an h5py object (left open: h5py owns it)."""
    if isinstance(obj, Node):
        return obj
    return Node(obj.id.id, obj.name, obj, owned=False)


def attr_target(obj: h5py.HLObject | Node) -> Any:
    """What the attribute writers take: an identifier number when HDF5 can be called
    directly, else an h5py identifier object."""
    if h5capi.available():
        return obj.id if isinstance(obj, Node) else obj.id.id
    return obj.obj.id if isinstance(obj, Node) else obj.id


def new_group(parent: h5py.Group | Node, name: str) -> Node:
    """``parent.create_group(name)``, faster; the caller closes the returned node."""
    where = node(parent)
    if h5capi.available():
        return Node(h5capi.create_group(where.id, name), where.child(name))
    encoded, lcpl = _name(name)
    group = h5py.Group(h5g.create(_h5py_id(where), encoded, lcpl=lcpl, gcpl=h5capi.GCPL))
    return Node(group.id.id, group.name, group)


def can_write_small(arr: np.ndarray) -> bool:
    """True for the arrays ``new_small_dataset`` writes: 1-D or more, not empty, of
    little-endian integers or floats (what imports and analyses produce)."""
    return (
        arr.ndim >= 1 and arr.size > 0 and arr.dtype.kind in "iuf" and arr.dtype.byteorder in "<="
    )


def new_small_dataset(parent: h5py.Group | Node, name: str, arr: np.ndarray) -> Node:
    """``parent.create_dataset(name, data=arr)`` (contiguous, uncompressed), faster;
    the caller closes the returned node."""
    where = node(parent)
    data = np.ascontiguousarray(arr)
    if h5capi.available():
        return Node(h5capi.create_small_dataset(where.id, name, data), where.child(name))
    tid = h5t.py_create(data.dtype, logical=True)
    encoded, lcpl = _name(name)
    dsid = h5d.create(
        _h5py_id(where), encoded, tid, h5s.create_simple(data.shape), dcpl=h5capi.DCPL, lcpl=lcpl
    )
    dsid.write(h5s.ALL, h5s.ALL, data)
    ds = h5py.Dataset(dsid)
    return Node(ds.id.id, ds.name, ds)


def new_chunked_bytes(
    parent: h5py.Group | Node, name: str, size: int, step: int, chunks: list[bytes], level: int
) -> Node:
    """A uint8 dataset of ``size`` bytes in chunks of ``step``, gzip level ``level``,
    written from chunks already compressed (``deflate.Prepacked``)."""
    where = node(parent)
    if h5capi.available():
        did = h5capi.create_chunked_bytes(where.id, name, size, step, level)
        try:
            for i, blob in enumerate(chunks):
                h5capi.write_chunk(did, i * step, blob)
        except BaseException:
            h5capi.close_object(did)
            raise
        return Node(did, where.child(name))
    group = where.obj if where.obj is not None else where.h5py_object()
    ds = group.create_dataset(
        name, shape=(size,), dtype=np.uint8, chunks=(step,), compression="gzip",
        compression_opts=level,
    )  # fmt: skip
    for i, blob in enumerate(chunks):
        ds.id.write_direct_chunk((i * step,), blob)
    return Node(ds.id.id, ds.name, ds)


def _h5py_id(where: Node) -> Any:
    return where.obj.id if where.obj is not None else where.h5py_object().id


def _name(name: str) -> tuple[bytes, h5p.PropLCID]:
    """The link name as h5py encodes it: ASCII when possible, else UTF-8."""
    try:
        return name.encode("ascii"), h5capi.LCPL_ASCII
    except UnicodeEncodeError:
        return name.encode("utf-8"), h5capi.LCPL_UTF8
