"""Checks that keep an untrusted project file from reaching outside itself or exhausting memory.

Project files travel between people, so the reader treats every file as hostile:

* the file must start with the HDF5 signature (at offset 0 or a user-block offset);
* only hard links are followed; soft links and external links are never resolved;
* datasets with external raw storage or virtual (VDS) mappings are refused, because
  reading them would read other files;
* shapes, dtypes and the stored extent are checked before a dataset becomes a lazy
  array: numeric (or UTF-8 text) only, the expected number of dimensions, at most
  ``MAX_ELEMENTS`` elements, and data that lie inside the file;
* attributes are read through typed helpers that fall back to a default (and record
  a warning) when an attribute is missing, has the wrong type or is oversized.

A bad part is skipped and named in ``project.warnings``; a bad root is a ``ProjectError``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import h5py
import numpy as np

from workbench.errors import ProjectError

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
MAX_ELEMENTS = 2**31
MAX_ATTR_BYTES = 16 * 1024 * 1024
NUMERIC_KINDS = "biuf"


class Unsafe(Exception):
    """A part of the file that must be skipped; the message says what and where."""


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
    except OSError as exc:
        raise ProjectError(f"{path}: the file cannot be read: {exc.strerror or exc}.") from exc
    raise ProjectError(
        f"{path}: this is not a Fibre Workbench project (not an HDF5 file: "
        "the HDF5 signature is missing)."
    )


def child(group: h5py.Group, name: str) -> h5py.Group | h5py.Dataset:
    """The object linked as ``name`` in ``group``, following hard links only."""
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
        raise Unsafe(f"{group.name}/{name} cannot be opened ({exc})") from exc


def child_group(group: h5py.Group, name: str) -> h5py.Group:
    obj = child(group, name)
    if not isinstance(obj, h5py.Group):
        raise Unsafe(f"{obj.name} should be a group but is a dataset")
    return obj


def child_names(group: h5py.Group) -> list[str]:
    try:
        return list(group.keys())
    except (OSError, RuntimeError, ValueError) as exc:
        raise Unsafe(f"the contents of {group.name} cannot be listed ({exc})") from exc


def ordered_names(group: h5py.Group, warnings: list[str]) -> list[str]:
    """Child names in the order stored in the ``order`` attribute, then any others."""
    names = child_names(group)
    order = attr_json(group, "order", [], warnings)
    present = set(names)
    out = (
        [n for n in order if isinstance(n, str) and n in present] if isinstance(order, list) else []
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
) -> tuple[tuple[int, ...], np.dtype]:
    """Validate a dataset before exposing it; return its (shape, in-memory dtype)."""
    where = ds.name
    if ds.is_virtual:
        raise Unsafe(f"{where} is a virtual dataset that maps data from other files")
    if ds.external:
        raise Unsafe(f"{where} stores its data in external files {ds.external!r}")
    shape = ds.shape
    if shape is None or len(shape) == 0 or len(shape) > max_ndim:
        raise Unsafe(
            f"{where} has shape {shape}; expected {max_ndim if max_ndim > 1 else 1} dimension(s)"
            if max_ndim > 1
            else f"{where} has shape {shape}; expected a 1-D array"
        )
    size = int(np.prod(shape, dtype=np.int64))
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
    check_extent(ds, file_size, size, text is None)
    return tuple(int(n) for n in shape), mem_dtype


def check_extent(ds: h5py.Dataset, file_size: int, size: int, numeric: bool) -> None:
    """The stored bytes must lie inside the file (catches truncation and forged headers)."""
    if size == 0:
        return
    dcpl = ds.id.get_create_plist()
    layout = dcpl.get_layout()
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


# -- typed attribute readers ------------------------------------------------------


def _raw_attr(obj: h5py.HLObject, name: str) -> Any:
    if name not in obj.attrs:
        return None
    aid = obj.attrs.get_id(name)
    if aid.get_storage_size() > MAX_ATTR_BYTES:
        raise Unsafe(f"attribute {name!r} of {obj.name} is larger than {MAX_ATTR_BYTES} bytes")
    return obj.attrs[name]


def attr_str(obj: h5py.HLObject, name: str, default: str, warnings: list[str]) -> str:
    try:
        value = _raw_attr(obj, name)
    except (Unsafe, OSError, RuntimeError, ValueError, TypeError) as exc:
        warnings.append(f"{obj.name}: attribute {name!r} skipped ({exc}).")
        return default
    if value is None:
        return default
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        return value
    if isinstance(value, np.ndarray) and value.shape == () and value.dtype.kind in "OSU":
        return attr_value_to_str(value.item())
    warnings.append(f"{obj.name}: attribute {name!r} should be text; it was ignored.")
    return default


def attr_value_to_str(v: Any) -> str:
    return v.decode("utf-8", errors="replace") if isinstance(v, bytes) else str(v)


def attr_int(obj: h5py.HLObject, name: str, default: int, warnings: list[str]) -> int:
    try:
        value = _raw_attr(obj, name)
    except (Unsafe, OSError, RuntimeError, ValueError, TypeError) as exc:
        warnings.append(f"{obj.name}: attribute {name!r} skipped ({exc}).")
        return default
    if value is None:
        return default
    if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "iu":
        value = value.reshape(()).item()
    if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
        return int(value)
    warnings.append(f"{obj.name}: attribute {name!r} should be an integer; it was ignored.")
    return default


def attr_json(obj: h5py.HLObject, name: str, default: Any, warnings: list[str]) -> Any:
    """A JSON attribute of the expected container type (dict or list) or the default."""
    text = attr_str(obj, name, "", warnings)
    if not text:
        return default
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        warnings.append(f"{obj.name}: attribute {name!r} is not valid JSON ({exc}); ignored.")
        return default
    if default is not None and not isinstance(value, type(default)):
        warnings.append(
            f"{obj.name}: attribute {name!r} should be a JSON {type(default).__name__}; ignored."
        )
        return default
    return value
