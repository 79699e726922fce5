"""Checks that keep an untrusted project file from reaching outside itself or exhausting memory.

Project files travel between people, so the reader treats every file as hostile:

* the file must start with the HDF5 signature (at offset 0 or a user-block offset);
* only hard links are followed; soft links and external links are never resolved;
* datasets with external raw storage or virtual (VDS) mappings are refused, because
  reading them would read other files, and so are datasets whose filters are not built
  into libhdf5, because reading them would load a filter plugin library;
* shapes, dtypes and the stored extent are checked before a dataset becomes a lazy
  array: numeric (or UTF-8 text) only, the expected number of dimensions, at most
  ``MAX_ELEMENTS`` elements and ``MAX_BYTES`` bytes in memory, and data that lie
  inside the file;
* attributes are read through typed helpers that fall back to a default (and record
  a warning) when an attribute is missing, has the wrong type or is oversized.

A bad part is skipped and named in ``project.warnings``; a bad root is a ``ProjectError``.
"""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import h5py
import numpy as np

from workbench.errors import ProjectError
from workbench.project import oldheaders

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
PROJECT_MAGIC = b"FIBRE-WORKBENCH-PROJECT\n"  # a save's header (``index.MAGIC``)
MAX_ELEMENTS = 2**31
MAX_BYTES = 2**30
"""Largest array (in memory) a project may hold: 1 GiB. Imported files are at most
512 MiB; a compressed dataset claiming more is a decompression bomb (a few kB of gzip
chunks or unwritten chunks read back as gigabytes of fill values)."""
MAX_ATTR_BYTES = 16 * 1024 * 1024
NUMERIC_KINDS = "biuf"
# deflate (gzip), shuffle, fletcher32, szip, nbit, scale-offset: built into libhdf5
BUILTIN_FILTERS = frozenset({1, 2, 3, 4, 5, 6})


class Unsafe(Exception):
    """A part of the file that must be skipped; the message says what and where."""


def reason(exc: BaseException) -> str:
    """HDF5's error in words: a wrong metadata checksum (saves since ``diskwrite.LIBVER``
    have them) says the file is damaged there; anything else as HDF5 put it."""
    text = str(exc)
    if "checksum" in text.lower():
        return "the file is damaged there: its stored checksum does not match"
    return text


def check_signature(path: Path) -> None:
    """Refuse files that are not HDF5 before handing them to the HDF5 library."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            offset = 0
            while offset + 8 <= size:
                fh.seek(offset)
                if fh.read(8) == HDF5_SIGNATURE:
                    return
                offset = 512 if offset == 0 else offset * 2
        with open(path, "rb") as fh:
            ours = fh.read(len(PROJECT_MAGIC)) == PROJECT_MAGIC
    except OSError as exc:
        raise ProjectError(f"{path}: the file cannot be read: {exc.strerror or exc}.") from exc
    if ours:  # the header a save writes first, but no HDF5 data after it
        raise ProjectError(
            f"{path}: the project file is damaged or truncated ({size} bytes; its HDF5 "
            "data are missing)."
        )
    raise ProjectError(
        f"{path}: this is not a Fibre Workbench project (not an HDF5 file: "
        "the HDF5 signature is missing)."
    )


_GCOL = b"GCOL"
_SCAN_BLOCK = 8 * 2**20


def check_global_heaps(path: Path) -> None:
    """Refuse a file whose global heap (where HDF5 keeps variable-length strings, such
    as every text attribute of a project) would make the HDF5 library loop forever.

    HDF5 walks the objects of a heap collection by their stated sizes; an object of
    size 0 in the free-space slot (a zeroed disk block) never advances the walk, and
    the process hangs inside the library, beyond any timeout or Ctrl+C (the adversarial
    pass of issue 18: 9 of 280 corrupted copies hung every command, the window too).
    This reads the file once looking for heap collections ("GCOL", version 1) and
    walks each as HDF5 would, before HDF5 does. A match inside raw data that is not a
    collection fails the plausibility checks and is ignored."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            offset, tail = 0, b""
            while block := fh.read(_SCAN_BLOCK):
                data, base = tail + block, offset - len(tail)
                at = data.find(_GCOL)
                while at != -1:
                    _check_collection(fh, path, base + at, size)
                    at = data.find(_GCOL, at + 1)
                offset += len(block)
                tail = block[-3:]  # a signature split between two blocks
                fh.seek(offset)
    except OSError as exc:
        raise ProjectError(f"{path}: the file cannot be read: {exc.strerror or exc}.") from exc


def _check_collection(fh: Any, path: Path, at: int, file_size: int) -> None:
    fh.seek(at)
    head = fh.read(16)
    if len(head) < 16 or head[4] != 1:
        return
    length = int.from_bytes(head[8:16], "little")
    if length < 4096 or at + length > file_size:
        return  # not a collection HDF5 could have written
    body = head + fh.read(length - 16)
    p = 16
    while p + 16 <= length:
        index = int.from_bytes(body[p : p + 2], "little")
        obj = int.from_bytes(body[p + 8 : p + 16], "little")
        need = obj if index == 0 else (16 + ((obj + 7) & ~7)) % 2**64
        if need == 0 or need >= 2**63:
            raise ProjectError(
                f"{path}: the file is damaged (its heap of texts at byte {at} is broken in a "
                "way that would make the HDF5 library hang); nothing was read. A copy "
                "saved before the damage, or a backup, holds the project."
            )
        p += need


def child(group: h5py.Group, name: str) -> h5py.Group | h5py.Dataset:
    """The object linked as ``name`` in ``group``, following hard links only."""
    try:
        if group.id.links.get_info(name.encode("utf-8")).type == h5py.h5l.TYPE_HARD:
            return group[name]
    except (KeyError, OSError, RuntimeError, ValueError):
        pass  # examined below, with a message
    try:
        link = group.get(name, getlink=True)
    except (KeyError, OSError, RuntimeError, ValueError) as exc:
        raise Unsafe(f"{group.name}/{name}: the link cannot be read ({exc})") from exc
    if link is None:
        raise Unsafe(f"{group.name}/{name} is missing")
    if isinstance(link, h5py.ExternalLink):
        raise Unsafe(
            f"{group.name}/{name} is an external link to {link.filename!r}; "
            "links to other files are not followed"
        )
    if isinstance(link, h5py.SoftLink):
        raise Unsafe(f"{group.name}/{name} is a soft link to {link.path!r}; links are not followed")
    if not isinstance(link, h5py.HardLink):
        raise Unsafe(f"{group.name}/{name} is a link of an unknown kind")
    try:
        return group[name]
    except (KeyError, OSError, RuntimeError, ValueError) as exc:
        raise Unsafe(f"{group.name}/{name} cannot be opened ({reason(exc)})") from exc


def describe_link(group: h5py.Group, name: str) -> str:
    """What the link ``name`` in ``group`` is, in words, without following it."""
    try:
        link = group.get(name, getlink=True)
    except (KeyError, OSError, RuntimeError, ValueError):
        return "a link that cannot be read"
    if isinstance(link, h5py.ExternalLink):
        return f"an external link to {link.filename!r}"
    if isinstance(link, h5py.SoftLink):
        return f"a soft link to {link.path!r}"
    if not isinstance(link, h5py.HardLink):
        return "a link of an unknown kind"
    try:
        obj = group[name]
    except (KeyError, OSError, RuntimeError, ValueError):
        return "an object that cannot be opened"
    if isinstance(obj, h5py.Group):
        return "a group"
    if isinstance(obj, h5py.Dataset):
        try:
            if obj.id.get_create_plist().get_layout() == h5py.h5d.VIRTUAL:
                return "a virtual dataset"
        except (OSError, RuntimeError, ValueError):
            pass
        return "a dataset"
    return "an object"


def child_group(group: h5py.Group, name: str) -> h5py.Group:
    obj = child(group, name)
    if not isinstance(obj, h5py.Group):
        raise Unsafe(f"{obj.name} should be a group but is a dataset")
    return obj


def child_names(group: h5py.Group, unreadable: list[str] | None = None) -> list[str]:
    """The names of the links in ``group`` that are UTF-8 text; the others (h5py gives
    them as bytes) are added to ``unreadable`` as paths, and never followed."""
    try:
        names = list(group.keys())
    except (OSError, RuntimeError, ValueError) as exc:
        raise Unsafe(f"the contents of {group.name} cannot be listed ({reason(exc)})") from exc
    good = [n for n in names if isinstance(n, str)]
    if len(good) < len(names) and unreadable is not None:
        base = group.name.rstrip("/")
        unreadable += [f"{base}/{n!r}" for n in names if not isinstance(n, str)]
    return good


def ordered_names(
    group: h5py.Group,
    warnings: list[str],
    unreadable: list[str] | None = None,
    attrs: Attrs | None = None,
) -> list[str]:
    """Child names in the order stored in the ``order`` attribute, then any others.

    Each name once: an order naming one sample 20,000 times made opening read that
    sample 20,000 times (quadratic); repeats, unknown names and an order longer than
    the group are said in a warning and ignored. ``attrs``: the group's attributes
    when already read. A bad order loses nothing (a save writes the order again)."""
    names = child_names(group, unreadable)
    order = (attrs.quiet() if attrs is not None else Attrs(group, warnings)).jsonval("order", [])
    present = set(names)
    out: list[str] = []
    if isinstance(order, list):
        listed = [n for n in order if isinstance(n, str)]
        out = [n for n in dict.fromkeys(listed) if n in present]
        if len(listed) > len(out):
            warnings.append(
                f"{group.name}: its attribute 'order' names {len(listed)} entries for "
                f"{len(names)} objects (repeated or unknown names were ignored)."
            )
    seen = set(out)
    out += sorted(n for n in names if n not in seen)
    return out


def check_dataset(
    ds: h5py.Dataset,
    file_size: int,
    *,
    max_ndim: int = 1,
    allow_text: bool = True,
    kinds: str = NUMERIC_KINDS,
    as_numbers: bool = True,
) -> tuple[tuple[int, ...], np.dtype]:
    """Validate a dataset before exposing it; return its (shape, in-memory dtype)."""
    where = ds.name
    dcpl = ds.id.get_create_plist()
    layout = dcpl.get_layout()
    if layout == h5py.h5d.VIRTUAL:
        raise Unsafe(f"{where} is a virtual dataset that maps data from other files")
    if dcpl.get_external_count():
        raise Unsafe(f"{where} stores its data in external files {ds.external!r}")
    for i in range(dcpl.get_nfilters()):
        code = dcpl.get_filter(i)[0]
        if code not in BUILTIN_FILTERS:
            # reading it would make HDF5 look for (and load) a filter plugin library
            raise Unsafe(f"{where} needs HDF5 filter plugin {code}; only built-in filters are read")
    shape = ds.shape
    if shape is None or len(shape) == 0 or len(shape) > max_ndim:
        raise Unsafe(
            f"{where} has shape {shape}; expected {max_ndim if max_ndim > 1 else 1} dimension(s)"
            if max_ndim > 1
            else f"{where} has shape {shape}; expected a 1-D array"
        )
    size = math.prod(shape)
    if size > MAX_ELEMENTS:
        raise Unsafe(f"{where} claims {size} elements (more than {MAX_ELEMENTS})")
    dtype = ds.dtype
    text = h5py.check_string_dtype(dtype)
    if text is not None:
        if not allow_text:
            raise Unsafe(f"{where} holds text where numbers are expected")
        if text.length is not None:
            raise Unsafe(f"{where} holds fixed-length text; expected numbers or UTF-8 text")
        mem_dtype = np.dtype(str)
    elif dtype.kind not in kinds or dtype.fields is not None or dtype.subdtype is not None:
        raise Unsafe(f"{where} has data type {dtype}; expected plain numbers")
    else:
        mem_dtype = dtype
    # numbers are used as 64-bit floats (plots, analyses, ranges): a 1 GiB int8 or bool
    # array stored in 2 MB made ``info`` and ``report`` take 9.5 GB; stored bytes
    # (imported files) are used as they are
    per_element = 16 if text is not None else max(dtype.itemsize, 8 if as_numbers else 1)
    nbytes = size * per_element
    if nbytes > MAX_BYTES:
        raise Unsafe(
            f"{where} would need {nbytes / 2**20:.0f} MiB of memory "
            f"(more than {MAX_BYTES // 2**20} MiB)"
        )
    check_extent(ds, layout, file_size, size, text is None)
    return tuple(int(n) for n in shape), mem_dtype


def check_extent(ds: h5py.Dataset, layout: int, file_size: int, size: int, numeric: bool) -> None:
    """The stored bytes must lie inside the file (catches truncation and forged headers)."""
    if size == 0:
        return
    storage = ds.id.get_storage_size()
    if layout == h5py.h5d.COMPACT:
        return
    if storage == 0:
        raise Unsafe(f"{ds.name} declares {size} values but stores no data")
    if layout == h5py.h5d.CONTIGUOUS:
        offset = ds.id.get_offset()
        if offset is None or offset + storage > file_size:
            raise Unsafe(f"{ds.name}: its data lie beyond the end of the file (truncated?)")
        if numeric and storage < size * ds.dtype.itemsize:
            raise Unsafe(f"{ds.name}: it stores fewer bytes than its shape needs")
        return
    if layout == h5py.h5d.CHUNKED:
        n = ds.id.get_num_chunks()
        for i in range(n):
            info = ds.id.get_chunk_info(i)
            if info.byte_offset is None or info.byte_offset + info.size > file_size:
                raise Unsafe(f"{ds.name}: chunk {i} lies beyond the end of the file (truncated?)")
        return
    raise Unsafe(f"{ds.name} uses an unsupported storage layout")


# how a variable-length string is stored in a dataset's bytes: its length, then its place
# in a global heap (collection address, index); HDF5 file format, "Variable-length"
VLEN_DESCRIPTOR = np.dtype([("length", "<u4"), ("address", "<u8"), ("index", "<u4")])


def text_slots_sound(ds: h5py.Dataset, file_size: int) -> bool:
    """True when every text slot stored in ``ds`` (a variable-length string dataset)
    states a length and heap address the file could hold, read from the raw bytes
    (never converted by HDF5, which reserves each stated length before reading it:
    damaged lengths made it reserve gigabytes). Compact data lie in the checked object
    header; filtered chunks are not checked here."""
    limit = min(file_size, MAX_BYTES)
    try:
        dcpl = ds.id.get_create_plist()
        layout = dcpl.get_layout()
        raws: list[bytes] = []
        if layout == h5py.h5d.CONTIGUOUS:
            offset, storage = ds.id.get_offset(), ds.id.get_storage_size()
            if offset is None or storage == 0:
                return True
            if offset + storage > file_size:
                return False
            with open(ds.file.filename, "rb") as fh:
                fh.seek(offset)
                raws.append(fh.read(storage))
        elif layout == h5py.h5d.CHUNKED and not dcpl.get_nfilters():
            for i in range(ds.id.get_num_chunks()):
                raws.append(ds.id.read_direct_chunk(ds.id.get_chunk_info(i).chunk_offset)[1])
        for raw in raws:
            slots = np.frombuffer(raw[: len(raw) // 16 * 16], dtype=VLEN_DESCRIPTOR)
            if slots.size and (
                int(slots["length"].max()) > limit or int(slots["address"].max()) > file_size
            ):
                return False
    except (OSError, RuntimeError, ValueError):
        return False
    return True


# -- attributes ----------------------------------------------------------------------

MAX_ATTRS_PER_OBJECT = 64  # ours have at most a dozen; 10,000 made every open slow
# the attribute names a project (format 0 or 1) uses, by the kind of object that bears
# them: any other attribute of that object was added by another program and is kept
# (``foreign_attrs``), even one that reuses a name we use elsewhere (``kind`` on a column)
_NX = ("NX_class", "signal", "axes", "auxiliary_signals")
OWN_ATTRIBUTES: dict[str, frozenset[str]] = {
    kind: frozenset(names)
    for kind, names in {
        "root": ("format", "format_version", "app_version", "created", "modified"),
        "group": ("order", "NX_class"),  # /samples, /sources, /models, measurements, results
        "settings": ("json",),
        "audit": (),  # the group and its four datasets
        "index": ("content", "index_version"),
        "sample": ("NX_class", "name", "feedstock_type", "supplier", "origin",
                   "date_received", "notes", "metadata", "labels"),
        "measurement": ("kind", "quantities", "info", "fw_type", *_NX),
        "result": ("plugin_id", "plugin_version", "values", "provenance", *_NX),
        "column": ("units", "long_name", "fw_label"),
        "source": ("name", "imported", "format", "sha256", "size"),
        "model": ("kind", "name", "info"),
        "model_array": (),
        # format 2: an object's own fields in one JSON attribute (``layout``); the
        # kinds above without "v2_" are format 1's
        "v2_sample": ("NX_class", "info"),
        "v2_measurement": ("info", *_NX),
        "v2_result": ("provenance", *_NX),
        "v2_source": ("info", "sha256", "size"),  # (the reader still takes the last two)
        "v2_model": ("info",),
        # format 0 (``migrate``); a sample's "meta:<key>" attributes are its metadata
        "v0_root": ("format", "format_version", "app_version", "created"),
        "v0_group": (),  # /samples, /raw, a sample's data group
        "v0_sample": ("sample_name", "material", "supplier", "received", "comment"),
        "v0_measurement": ("kind", "instrument", "method", "replicate", "source", "x_name",
                           "x_unit", "y_name", "y_unit", "values"),
        "v0_column": (),
        "v0_source": ("filename",),
    }.items()
}  # fmt: skip


def own_kind(kind: str, version: int) -> str:
    """The ``OWN_ATTRIBUTES`` key for an object of ``kind`` in a file of format ``version``."""
    return f"v2_{kind}" if version >= 2 and f"v2_{kind}" in OWN_ATTRIBUTES else kind


# every attribute name any project object uses (an object with too many attributes
# has only these read)
KNOWN_ATTRIBUTES = tuple(sorted(set().union(*OWN_ATTRIBUTES.values())))


def read_attrs(
    obj: h5py.HLObject, warnings: list[str], lost: list[str] | None = None
) -> dict[str, Any]:
    """All attributes of an object in one pass (one low-level open per attribute).

    Text comes back as ``str``; numbers as numpy scalars or arrays. Attributes that
    are oversized, of compound/array type or unreadable are left out with a warning,
    and named in ``lost`` (a save would not write them: see ``Attrs``).
    """
    out: dict[str, Any] = {}
    oid = obj.id
    lost = [] if lost is None else lost
    try:
        n = h5py.h5a.get_num_attrs(oid)
    except (OSError, RuntimeError, ValueError) as exc:
        warnings.append(f"{obj.name}: its attributes cannot be read ({reason(exc)}).")
        lost.append(f"{obj.name}: its attributes")
        return out
    try:  # an HDF5 1.8-style header: its stated text lengths bounded before HDF5 reads them
        too_long = oldheaders.long_texts(obj, MAX_ATTR_BYTES) if n else None
    except oldheaders.Damaged as exc:
        warnings.append(f"{obj.name}: its attributes cannot be read (the file is damaged: {exc}).")
        lost.append(f"{obj.name}: its attributes")
        return out
    opener: list[tuple[str, dict[str, Any]]] = [(f"#{i}", {"index": i}) for i in range(n)]
    if n > MAX_ATTRS_PER_OBJECT:  # not an object of ours: only the names a project uses
        warnings.append(
            f"{obj.name}: it has {n} attributes, more than the {MAX_ATTRS_PER_OBJECT} a project "
            "object has; only those a project uses were read."
        )
        lost.append(f"{obj.name}: its {n} attributes")
        opener = [
            (name, {"name": name.encode("utf-8")})
            for name in KNOWN_ATTRIBUTES
            if h5py.h5a.exists(oid, name.encode("utf-8"))
        ]
    for name, where in opener:
        try:
            aid = h5py.h5a.open(oid, **where)
            name = aid.name.decode("utf-8", errors="replace")
            if too_long and name in too_long:
                raise Unsafe(
                    f"{obj.name}: attribute {name!r} states a text longer than "
                    f"{MAX_ATTR_BYTES} bytes (the file is damaged?)"
                )
            out[name] = _read_one(aid, obj.name, name)
        except Unsafe as exc:
            warnings.append(f"{exc}; skipped.")
            lost.append(f"{obj.name}: attribute {name!r}")
        except (OSError, RuntimeError, ValueError, TypeError, KeyError) as exc:
            warnings.append(
                f"{obj.name}: attribute {name!r} cannot be read ({reason(exc)}); skipped."
            )
            lost.append(f"{obj.name}: attribute {name!r}")
    return out


KeptAttrs = dict[str, tuple[Any, np.dtype, Any]]  # name -> (value, dtype, shape)


def foreign_attrs(
    obj: h5py.HLObject, names: Any, warnings: list[str], lost: list[str], kind: str
) -> KeptAttrs:
    """The attributes among ``names`` that a project does not use on an object of this
    ``kind`` (a key of ``OWN_ATTRIBUTES``): another program added them (e.g. a LIMS
    reference), so they are read with h5py's public API as their value, data type and
    shape, and a save writes them back unchanged (``write_kept``).

    ``names`` are attributes ``read_attrs`` already read (its size and type bounds
    hold); one that cannot be read back faithfully is named in ``lost`` (the store
    then keeps the project read-only rather than let a save drop it)."""
    own = OWN_ATTRIBUTES[kind]
    out: KeptAttrs = {}
    for name in names:
        if name in own or (kind == "v0_sample" and name.startswith("meta:")):
            continue
        try:
            aid = obj.attrs.get_id(name)
            dtype, shape = aid.dtype, aid.shape
            if dtype.kind == "O" and h5py.check_string_dtype(dtype) is None:
                raise TypeError(f"data type {dtype} cannot be written back")
            out[name] = (obj.attrs[name], dtype, shape)
        except (OSError, RuntimeError, ValueError, TypeError, KeyError) as exc:
            warnings.append(f"{obj.name}: attribute {name!r} cannot be kept ({exc}).")
            lost.append(f"{obj.name}: attribute {name!r}")
    return out


def read_foreign_attrs(obj: h5py.HLObject, kind: str = "column") -> KeptAttrs:
    """``foreign_attrs`` of a dataset whose attributes were not read at opening (a
    column or model array: opening reads none of their attributes); those that cannot
    be read back are left out, as before (a whole-sample copy keeps them all)."""
    own = OWN_ATTRIBUTES[kind]
    try:
        n = h5py.h5a.get_num_attrs(obj.id)
        if n == 0 or n > MAX_ATTRS_PER_OBJECT or (n == 2 and _own_column(obj.id, own)):
            return {}
        names = []
        for i in range(n):
            name = h5py.h5a.open(obj.id, index=i).name.decode("utf-8")
            if name not in own:
                names.append(name)
    except (OSError, RuntimeError, ValueError, UnicodeDecodeError):
        return {}
    values = read_attrs(obj, [], []) if names else {}
    return foreign_attrs(obj, [n for n in names if n in values], [], [], kind)


def _own_column(oid: Any, own: frozenset[str]) -> bool:
    """True for the two attributes a save writes on every column (the common case)."""
    return "units" in own and h5py.h5a.exists(oid, b"units") and h5py.h5a.exists(oid, b"long_name")


def write_kept(target: h5py.HLObject, kept: KeptAttrs) -> None:
    """Write attributes kept from the opened file back as they were (same name, value,
    data type and shape)."""
    for name, (value, dtype, shape) in kept.items():
        if name not in target.attrs:
            target.attrs.create(name, data=value, shape=shape, dtype=dtype)


_VLEN_STR = h5py.string_dtype("utf-8")
_VLEN_MEM = h5py.h5t.py_create(_VLEN_STR)


def _read_one(aid: Any, where: str, name: str) -> Any:
    shape = aid.shape
    if shape is None:
        return None
    tid = aid.get_type()
    if math.prod(shape) == 0:  # an empty list (older files' NeXus axes of a table; HDF5
        # reports no storage for it, which h5py takes for an error)
        if tid.get_class() == h5py.h5t.STRING:
            return np.array([], dtype=object).reshape(shape)
        return np.zeros(shape, dtype=aid.dtype)
    if aid.get_storage_size() > MAX_ATTR_BYTES:
        raise Unsafe(f"{where}: attribute {name!r} is larger than {MAX_ATTR_BYTES} bytes")
    if math.prod(shape) > MAX_ATTR_BYTES:
        raise Unsafe(f"{where}: attribute {name!r} has too many elements")
    if tid.get_class() == h5py.h5t.STRING and tid.is_variable_str():
        # fast path for the common case (our own text attributes): no dtype round trip
        arr = np.empty(shape, dtype=_VLEN_STR)
        aid.read(arr, mtype=_VLEN_MEM)
        flat = [_text(b) for b in arr.flat]
    else:
        dtype = aid.dtype
        sinfo = h5py.check_string_dtype(dtype)
        if sinfo is None and (
            dtype.fields is not None or dtype.subdtype is not None or dtype.kind in "OV"
        ):
            raise Unsafe(f"{where}: attribute {name!r} has unsupported type {dtype}")
        arr = np.zeros(shape, dtype=dtype)
        aid.read(arr, mtype=h5py.h5t.py_create(dtype))
        if sinfo is None:
            return arr[()] if arr.ndim == 0 else arr
        flat = [_text(b) for b in arr.flat]
    if sum(len(t) for t in flat) > MAX_ATTR_BYTES:
        raise Unsafe(f"{where}: attribute {name!r} is larger than {MAX_ATTR_BYTES} bytes")
    if len(shape) == 0:
        return flat[0]
    return np.array(flat, dtype=object).reshape(shape)


def _text(v: Any) -> str:
    return v.decode("utf-8", errors="replace") if isinstance(v, bytes) else str(v)


class Attrs:
    """The attributes of one object, read once, with typed getters that never raise.

    A missing attribute gives the default silently; one of the wrong type (or text
    that is not valid JSON) gives the default and a warning naming the object and the
    attribute. Every attribute whose content was not taken in is also named in
    ``lost`` (when given): a save writes only what the project holds, so it would drop
    that content, and the store keeps such a file read-only (``reader.Reader.dropped``).
    """

    def __init__(
        self, obj: h5py.HLObject, warnings: list[str], lost: list[str] | None = None
    ) -> None:
        self.where = obj.name
        self.w = warnings
        self.lost = [] if lost is None else lost
        self.values = read_attrs(obj, warnings, self.lost)

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def quiet(self) -> Attrs:
        """The same values whose ignored content is not named in ``lost`` (an
        attribute a save writes again from what the project holds, like ``order``)."""
        other = copy.copy(self)
        other.lost = []
        return other

    def _bad(self, name: str, expected: str) -> None:
        self.w.append(f"{self.where}: attribute {name!r} should be {expected}; it was ignored.")
        self.lost.append(f"{self.where}: attribute {name!r}")

    def text(self, name: str, default: str = "") -> str:
        v = self.values.get(name)
        if v is None:
            return default
        if isinstance(v, str):
            return v
        self._bad(name, "text")
        return default

    def integer(self, name: str, default: int) -> int:
        v = self.values.get(name)
        if v is None:
            return default
        if isinstance(v, np.ndarray) and v.size == 1:
            v = v.reshape(()).item()
        if isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_)):
            return int(v)
        self._bad(name, "an integer")
        return default

    def jsonval(self, name: str, default: Any) -> Any:
        """A JSON attribute of the default's container type (dict or list)."""
        raw = self.text(name, "")
        if not raw:
            return default
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            self.w.append(f"{self.where}: attribute {name!r} is not valid JSON ({exc}); ignored.")
            self.lost.append(f"{self.where}: attribute {name!r}")
            return default
        if not isinstance(value, type(default)):
            self._bad(name, f"a JSON {type(default).__name__}")
            return default
        return value

    def names(self, name: str) -> list[str]:
        """A string-array attribute (NeXus ``axes``), also accepted as one string."""
        v = self.values.get(name)
        if v is None:
            return []
        if isinstance(v, str):
            return [v]
        if isinstance(v, np.ndarray) and v.ndim == 1 and v.dtype.kind == "O":
            return [str(x) for x in v]
        self._bad(name, "a list of names")
        return []


class SeenDict(dict):
    """A dict that remembers which keys were asked for (``get``, ``[]``, ``in``), so
    that the fields nobody read can be named afterwards (``Fields.unread``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()

    def get(self, key: Any, default: Any = None) -> Any:
        self.seen.add(key)
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self.seen.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.seen.add(key)  # type: ignore[arg-type]
        return super().__contains__(key)


class Fields(Attrs):
    """The fields of one JSON-object attribute, with the getters of ``Attrs``.

    Format version 2 keeps an object's own fields (a sample's name and supplier, a
    source's name, a result's plugin ...) together in one JSON attribute instead of
    one attribute each (``layout``); the reader asks this for them exactly as it asks
    ``Attrs`` for the separate attributes of a version-1 file. A field of the wrong
    type gives the default, a warning and an entry in ``lost``, like an attribute."""

    def __init__(self, attrs: Attrs, name: str) -> None:  # not Attrs's: nothing is read
        self.where = attrs.where
        self.attr = name
        self.w = attrs.w
        self.lost = attrs.lost
        self.values: SeenDict = SeenDict(attrs.jsonval(name, {}))

    def taken(self, *names: str) -> None:
        """Count ``names`` as read: their content is held elsewhere in the model and
        written back from there (a curve's signal and axes, from its NeXus attributes)."""
        self.values.seen.update(names)

    def unread(self) -> list[str]:
        """The fields no reader asked for: another program's or a newer version's, which
        a save would drop (the reader names them in ``lost``)."""
        return [str(k) for k in self.values if k not in self.values.seen]

    def _bad(self, name: str, expected: str) -> None:
        self.w.append(
            f"{self.where}: field {name!r} of attribute {self.attr!r} should be {expected}; "
            "it was ignored."
        )
        self.lost.append(f"{self.where}: field {name!r}")

    def jsonval(self, name: str, default: Any) -> Any:
        """A field of the default's container type (dict or list)."""
        v = self.values.get(name)
        if v is None:
            return default
        if isinstance(v, type(default)):
            return v
        self._bad(name, f"a JSON {type(default).__name__}")
        return default
