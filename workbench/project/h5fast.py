"""Creating many small HDF5 groups, datasets and attributes quickly, through h5py.

h5py's high-level ``create_group``/``create_dataset``/``attrs`` rebuild their
property lists and analyse their arguments on every call, and every object they
return is wrapped in a high-level object: most of the time of creating a small
object here. A save makes tens of thousands of them, so the writer uses h5py's public
low-level API (``h5py.h5g``, ``h5d``, ``h5a``) with property lists and types built
once. The objects are exactly what the high-level calls would create (same link name
encoding, no time stamps, contiguous layout); any HDF5 reader sees no difference.

A ``Node`` is an open group or dataset of the file being written: its low-level
identifier and its absolute path. Use it as a context manager (or call ``close``) so
its identifier is released when the writer is done with it.
"""

from __future__ import annotations

from typing import Any

import h5py
import numpy as np
from h5py import h5a, h5d, h5g, h5o, h5p, h5s, h5t

from workbench.errors import ProjectError


def _lcpl(coding: int) -> h5p.PropLCID:
    lcpl = h5p.create(h5p.LINK_CREATE)
    lcpl.set_create_intermediate_group(True)
    lcpl.set_char_encoding(coding)
    return lcpl


# Property lists and types as h5py's high-level API would build them, built once.
LCPL_ASCII = _lcpl(h5t.CSET_ASCII)
LCPL_UTF8 = _lcpl(h5t.CSET_UTF8)
GCPL = h5p.create(h5p.GROUP_CREATE)
GCPL.set_obj_track_times(False)
DCPL = h5p.create(h5p.DATASET_CREATE)
DCPL.set_obj_track_times(False)
STR_DTYPE = h5py.string_dtype("utf-8")
_STR_FILE_TYPE = h5t.py_create(STR_DTYPE, logical=True)
_STR_MEM_TYPE = h5t.py_create(STR_DTYPE)
_SCALAR = h5s.create(h5s.SCALAR)
_I64 = np.dtype("<i8")
_I64_TYPE = h5t.py_create(_I64)
_NUM_TYPES: dict[np.dtype, h5t.TypeID] = {}
_SPACES: dict[tuple[int, ...], h5s.SpaceID] = {}


class Node:
    """An open group or dataset being written (see the module docstring)."""

    __slots__ = ("name", "oid")

    def __init__(self, oid: Any, name: str) -> None:
        self.oid = oid  # h5py low-level identifier (GroupID or DatasetID)
        self.name = name  # absolute path in the file

    def child(self, name: str) -> str:
        return f"{self.name.rstrip('/')}/{name}"

    def close(self) -> None:
        self.oid = None  # h5py releases the identifier with its last reference

    def __enter__(self) -> Node:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def group(self) -> h5py.Group:
        """The group as an h5py object, for the rare operations done through the
        high-level API (object copies, compressed and text datasets)."""
        return h5py.Group(self.oid)


def node(obj: h5py.Group | h5py.Dataset | Node) -> Node:
    """A ``Node`` for an h5py object."""
    if isinstance(obj, Node):
        return obj
    return Node(obj.id, obj.name)


def _name(name: str) -> tuple[bytes, h5p.PropLCID]:
    """The link name as h5py encodes it: ASCII when possible, else UTF-8."""
    try:
        return name.encode("ascii"), LCPL_ASCII
    except UnicodeEncodeError:
        return name.encode("utf-8"), LCPL_UTF8


def new_group(parent: h5py.Group | Node, name: str) -> Node:
    """``parent.create_group(name)``, faster; the caller closes the returned node."""
    where = node(parent)
    encoded, lcpl = _name(name)
    return Node(h5g.create(where.oid, encoded, lcpl=lcpl, gcpl=GCPL), where.child(name))


def can_write_small(arr: np.ndarray) -> bool:
    """True for the arrays ``new_small_dataset`` writes: 1-D or more, not empty, of
    little-endian integers or floats (what imports and analyses produce)."""
    return (
        arr.ndim >= 1 and arr.size > 0 and arr.dtype.kind in "iuf" and arr.dtype.byteorder in "<="
    )


def _num_type(dtype: np.dtype) -> h5t.TypeID:
    tid = _NUM_TYPES.get(dtype)
    if tid is None:
        tid = _NUM_TYPES[dtype] = h5t.py_create(dtype, logical=True)
    return tid


def new_small_dataset(parent: h5py.Group | Node, name: str, arr: np.ndarray) -> Node:
    """``parent.create_dataset(name, data=arr)`` (contiguous, uncompressed), faster;
    the caller closes the returned node."""
    where = node(parent)
    data = np.ascontiguousarray(arr)
    encoded, lcpl = _name(name)
    space = _SPACES.get(data.shape)
    if space is None:
        space = h5s.create_simple(data.shape)
        if len(_SPACES) < 1024:
            _SPACES[data.shape] = space  # curves of one instrument share their length
    dsid = h5d.create(where.oid, encoded, _num_type(data.dtype), space, dcpl=DCPL, lcpl=lcpl)
    dsid.write(h5s.ALL, h5s.ALL, data)
    return Node(dsid, where.child(name))


_U8_TYPE = h5t.py_create(np.dtype(np.uint8), logical=True)


def new_deflated_bytes(
    parent: h5py.Group | Node, name: str, size: int, step: int, level: int
) -> Node:
    """``parent.create_dataset(name, shape=(size,), dtype=uint8, chunks=(step,),
    compression="gzip", compression_opts=level)``, faster, with nothing written yet
    (the caller stores its compressed chunks, ``write_direct_chunk``, and closes it).
    Every file's size differs, so its creation property list is made here each time
    (a few calls) rather than through h5py's argument checks (a third of a source's
    write)."""
    where = node(parent)
    dcpl = h5p.create(h5p.DATASET_CREATE)
    dcpl.set_chunk((step,))
    dcpl.set_deflate(level)
    dcpl.set_obj_track_times(False)
    encoded, lcpl = _name(name)
    space = h5s.create_simple((size,))
    dsid = h5d.create(where.oid, encoded, _U8_TYPE, space, dcpl=dcpl, lcpl=lcpl)
    return Node(dsid, where.child(name))


def attr_target(obj: h5py.HLObject | Node) -> Any:
    """The low-level identifier the attribute writers take."""
    return obj.oid if isinstance(obj, Node) else obj.id


def set_str(obj: h5py.HLObject | Node, name: str, value: str) -> None:
    """A scalar UTF-8 string attribute (the object must not have it yet); variable
    length, so that h5py and other readers give it back as text (a fixed-length one
    would be read as bytes). Text with a NUL character is refused: HDF5 would end it
    there (``model.check_text`` refuses it where names are entered)."""
    if "\x00" in str(value):
        raise ProjectError(
            f"{getattr(obj, 'name', '')}: the attribute {name!r} contains a NUL character "
            "(\\x00), which a project file cannot keep; the project was not saved."
        )
    aid = h5a.create(attr_target(obj), name.encode("utf-8"), _STR_FILE_TYPE, _SCALAR)
    aid.write(np.array(str(value), dtype=STR_DTYPE), mtype=_STR_MEM_TYPE)


def set_int(obj: h5py.HLObject | Node, name: str, value: int) -> None:
    """A scalar 64-bit little-endian integer attribute."""
    aid = h5a.create(attr_target(obj), name.encode("utf-8"), _I64_TYPE, _SCALAR)
    aid.write(np.array(int(value), dtype=_I64), mtype=_I64_TYPE)


def set_str_array(obj: h5py.HLObject | Node, name: str, values: list[str]) -> None:
    """A 1-D attribute of UTF-8 strings (NeXus ``axes``)."""
    space = h5s.create_simple((len(values),))
    aid = h5a.create(attr_target(obj), name.encode("utf-8"), _STR_FILE_TYPE, space)
    aid.write(np.array([str(v) for v in values], dtype=STR_DTYPE), mtype=_STR_MEM_TYPE)


# -- objects copied with their attributes ------------------------------------------------

Attrs = tuple[tuple[str, Any], ...]  # (name, text or tuple of texts) in the order written


def set_attrs(target: h5py.HLObject | Node, attrs: Attrs) -> None:
    for key, value in attrs:
        if isinstance(value, tuple):
            set_str_array(target, key, list(value))
        else:
            set_str(target, key, value)


class Templates:
    """Groups and small datasets copied whole, with their attributes, from a template.

    Writing an attribute through h5py costs about as much as creating a small dataset
    (an identifier object per attribute, a type conversion per value), and a save
    writes the same NeXus attributes on thousands of objects: every spectrum's group
    has NX_class/signal/axes "NXdata"/"absorbance"/["wavelength"], every wavelength
    column units/long_name "nm"/"Wavelength (nm)". The second time the same kind of
    object is asked for, a template of it is made in a scratch file in memory, and
    from then on each one is HDF5's copy of it (``h5o.copy``, h5py's public API): the
    attributes come with the object inside the library, and only the data are written.
    A copy is the same object a creation gives (same attributes, types, layout; no
    time stamps), so no reader can tell. Close it when the save is done.
    """

    LIMIT = 512  # templates kept (a project's kinds of curves repeat: few are needed)

    def __init__(self, libver: Any = None) -> None:
        self.libver = libver  # the target file's: copies keep the template's header versions
        self.file: h5py.File | None = None
        self.seen: dict[Any, int] = {}
        self.made: dict[Any, bytes] = {}
        self.copypl = h5p.create(h5p.OBJECT_COPY)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        self.made.clear()

    def __enter__(self) -> Templates:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _template(self, key: Any, make: Any) -> bytes | None:
        """The name of the template for ``key`` in the scratch file, made by ``make(file,
        name)`` the second time ``key`` is asked for (None: create the object normally)."""
        name = self.made.get(key)
        if name is not None:
            return name
        n = self.seen.get(key, 0) + 1
        if n < 2 or len(self.made) >= self.LIMIT:
            if len(self.seen) < 64 * self.LIMIT:
                self.seen[key] = n
            return None
        if self.file is None:
            self.file = h5py.File(
                f"templates-{id(self)}", "w", driver="core", backing_store=False, libver=self.libver
            )
        name = f"t{len(self.made)}".encode("ascii")
        make(self.file, name.decode("ascii"))
        self.made[key] = name
        return name

    def _copy(self, template: bytes, where: Node, name: str) -> bytes:
        assert self.file is not None
        encoded, lcpl = _name(name)
        h5o.copy(self.file.id, template, where.oid, encoded, copypl=self.copypl, lcpl=lcpl)
        return encoded

    def group(self, parent: h5py.Group | Node, name: str, attrs: Attrs) -> Node:
        """``new_group`` with the string attributes ``attrs``; the caller closes it."""
        where = node(parent)
        if not attrs:
            return new_group(where, name)

        def make(f: h5py.File, tname: str) -> None:
            with new_group(f, tname) as g:
                set_attrs(g, attrs)

        template = self._template(("group", attrs), make)
        if template is None:
            g = new_group(where, name)
            set_attrs(g, attrs)
            return g
        encoded = self._copy(template, where, name)
        return Node(h5g.open(where.oid, encoded), where.child(name))

    def small_dataset(
        self, parent: h5py.Group | Node, name: str, arr: np.ndarray, attrs: Attrs
    ) -> Node:
        """``new_small_dataset`` with the string attributes ``attrs``; the caller closes it."""
        where = node(parent)
        data = np.ascontiguousarray(arr)
        if not attrs:
            return new_small_dataset(where, name, data)

        def make(f: h5py.File, tname: str) -> None:
            with new_small_dataset(f, tname, np.zeros_like(data)) as d:
                set_attrs(d, attrs)

        template = self._template(("dataset", data.shape, data.dtype.str, attrs), make)
        if template is None:
            d = new_small_dataset(where, name, data)
            set_attrs(d, attrs)
            return d
        encoded = self._copy(template, where, name)
        dsid = h5d.open(where.oid, encoded)
        dsid.write(h5s.ALL, h5s.ALL, data)
        return Node(dsid, where.child(name))
