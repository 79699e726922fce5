"""Write a whole ``Project`` into a new, empty HDF5 file (layout in ``layout.py``).

The store calls this on a temporary file beside the target and only then replaces the
target, so the writer never has to be careful about partial states. Arrays that are
still lazy references into the currently open project file are copied with HDF5's
object copy (``H5Ocopy``): the bytes move inside the HDF5 library and never become
Python objects. ``write_project`` returns the list of lazy arrays with their new paths
so that the store can re-point them once the new file is in place.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import h5py
import numpy as np

from workbench import __version__
from workbench.errors import ProjectError
from workbench.model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Column,
    Measurement,
    Project,
    Result,
    Sample,
    SourceFile,
    StoredModel,
    now_iso,
)
from workbench.project import audit, index, packing
from workbench.project import layout as L
from workbench.project import safety as S
from workbench.project.h5fast import (
    Attrs,
    Node,
    Templates,
    can_write_small,
    new_deflated_bytes,
    new_group,
    node,
    set_attrs,
)
from workbench.project.heldbytes import HeldBytes
from workbench.project.lazy import LazyArray


class WriteLog(list):
    """What a write did, for the store to apply once the new file is in place.

    The list itself holds ``(lazy_array, new_path)`` re-bindings; ``fresh`` holds
    ``(owner, path, shape, dtype)`` for arrays written from memory (a column or source
    whose ``data`` can become a lazy reference into the new file).
    """

    def __init__(self) -> None:
        super().__init__()
        self.fresh: list[tuple[Any, str, tuple[int, ...], np.dtype]] = []
        self.copied_samples = 0
        self.locked: Any = None  # the FileHandle whose swap lock the store holds
        self.index_bytes = b""  # the stored index (its digest goes to the file's header)
        self.content_crc: int | None = None  # CRC-32 of the file after its header
        self.axes: set[str] = set()  # paths of curve axes written (their range is indexed)
        self.packs: dict[int, Any] = {}  # arrays being compressed meanwhile (``packing``)
        self.templates = Templates()  # objects with repeated attributes (``h5fast``)


Rebinds = WriteLog


@dataclass
class Reuse:
    """Samples that may be copied whole from the open file: signatures taken at load."""

    file: h5py.File
    signatures: dict[str, str]


def source_signature(s: SourceFile) -> str | None:
    """Like ``sample_signature`` for a stored source file (None when held in memory)."""
    d = s.data
    if not isinstance(d, LazyArray) or d.is_cached:
        return None
    return f"source|{s.sha256}|{s.name}|{s.size}|{s.imported}|{s.format}|{id(d.handle)}|{d.name}"


def sample_signature(sample: Sample) -> str | None:
    """A digest of everything the writer would write for ``sample``, or None.

    None when any array is held in memory (the sample is new or changed). Equal
    digests mean the sample's group in the open file is exactly what would be written,
    so the save can copy the group whole inside HDF5.
    """
    try:
        parts: list[Any] = [
            sample.id,
            [getattr(sample, k) for k in L.SAMPLE_FIELDS],
            sample.metadata,
            sample.labels,
        ]
        for m in sample.measurements.values():
            parts.append(
                [
                    m.id,
                    m.kind,
                    m.signal,
                    list(m.axes),
                    {k: q.to_json() for k, q in m.quantities.items()},
                    [getattr(m, k) for k in L.MEASUREMENT_INFO],
                    _columns_signature(m.columns),
                ]
            )
        for r in sample.results.values():
            parts.append(
                [
                    r.id,
                    r.plugin_id,
                    r.plugin_version,
                    {k: q.to_json() for k, q in r.values.items()},
                    [getattr(r, k) for k in L.RESULT_INFO],
                    _columns_signature(r.columns),
                ]
            )
        text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    except (_NotLazy, TypeError, ValueError):
        return None
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class _NotLazy(Exception):
    pass


def _columns_signature(columns: dict[str, Column]) -> list[Any]:
    out = []
    for name, c in columns.items():
        d = c.data
        if not isinstance(d, LazyArray) or d.is_cached:
            raise _NotLazy
        out.append([name, c.unit, c.label, id(d.handle), d.name, list(d.shape), d.dtype.str])
    return out


def _lazies(sample: Sample) -> list[LazyArray]:
    cols = [c for m in sample.measurements.values() for c in m.columns.values()]
    cols += [c for r in sample.results.values() for c in r.columns.values()]
    return [c.data for c in cols if isinstance(c.data, LazyArray)]


def write_project(
    project: Project,
    f: h5py.File,
    *,
    modified: str | None = None,
    reuse: Reuse | None = None,
) -> WriteLog:
    """Write every part of ``project`` into the empty file ``f``; return the write log."""
    rebinds = WriteLog()
    rebinds.templates.libver = f.libver
    pool = packing.new_pool()
    try:
        rebinds.packs = _start_packing(project, pool)
        return _write_project(project, f, rebinds, modified, reuse)
    finally:
        rebinds.templates.close()
        for pack in rebinds.packs.values():
            pack.cancel()
        rebinds.packs = {}
        pool.shutdown(wait=True)


def _start_packing(project: Project, pool: Any) -> dict[int, packing.Packed]:
    """Start compressing, on the spare cores, every large array this save writes from
    memory (``packing``); keyed by the id of the array object."""
    packs: dict[int, packing.Packed] = {}

    def add(data: Any) -> None:
        if isinstance(data, LazyArray) or id(data) in packs:
            return
        arr = data if isinstance(data, np.ndarray) else None
        if arr is not None and packing.worth_packing(arr, L.CHUNK_THRESHOLD):
            packs[id(data)] = packing.Packed(arr, L.GZIP_LEVEL, pool)

    for sample in project.samples.values():
        for part in (*sample.measurements.values(), *sample.results.values()):
            for col in part.columns.values():
                add(col.data)
    for src in project.sources.values():
        add(src.data)
    return packs


def _write_project(
    project: Project, f: h5py.File, rebinds: WriteLog, modified: str | None, reuse: Reuse | None
) -> WriteLog:
    modified_at = modified or now_iso()
    L.set_str(f, L.FORMAT_ATTR, FORMAT_NAME)
    L.set_int(f, L.VERSION_ATTR, FORMAT_VERSION)
    L.set_str(f, "app_version", __version__)
    L.set_str(f, "created", project.created)
    L.set_str(f, "modified", modified_at)
    write_kept(f, project._kept_attrs)

    parts = project._kept_parts
    samples = f.create_group("samples")
    L.set_json(samples, "order", list(project.samples))
    write_kept(samples, parts.get("samples"))
    for sample in project.samples.values():
        if reuse is not None and _can_copy(sample, reuse):
            samples.copy(reuse.file[f"samples/{sample.id}"], samples, name=sample.id)
            rebinds.extend((lazy, lazy.name) for lazy in _lazies(sample))
            rebinds.copied_samples += 1
        else:
            write_sample(samples, sample, rebinds)

    write_sources(f, project, reuse, rebinds)

    models = f.create_group("models")
    L.set_json(models, "order", list(project.models))
    write_kept(models, parts.get("models"))
    for model in project.models.values():
        write_model(models, model, rebinds)

    audit.write(f, project.audit, reuse.file if reuse is not None else None)
    for key in ("audit", *(f"audit/{name}" for name in audit.FIELDS)):
        if key in parts and key in f:  # kept by the object copy when the log was copied
            write_kept(f[key], parts[key])
    settings = f.create_group("settings")
    L.set_json(settings, "json", project.settings)
    write_kept(settings, parts.get("settings"))
    # last: the index of everything above, derived from the same objects (index.py)
    doc = index.project_document(
        project, created=project.created, modified=modified_at, app=__version__
    )
    rebinds.index_bytes = index.write(f, doc)
    write_kept(f[index.INDEX], parts.get("index"))
    return rebinds


def write_sources(f: h5py.File, project: Project, reuse: Reuse | None, log: WriteLog) -> None:
    """Write ``/sources``: copied whole when unchanged, else source by source."""
    copyable = {
        sha
        for sha, src in project.sources.items()
        if reuse is not None and _can_copy_source(src, reuse)
    }
    if reuse is not None and len(copyable) == len(project.sources) and "sources" in reuse.file:
        old = reuse.file["sources"]
        if set(old.keys()) == copyable and reuse.signatures.get("sources/order") == L.dumps(
            list(project.sources)
        ):
            f.copy(old, f, name="sources")  # one HDF5 copy for all stored files
            log.extend((src.data, src.data.name) for src in project.sources.values())
            write_kept(f["sources"], project._kept_parts.get("sources"))
            return
    sources = f.create_group("sources")
    L.set_json(sources, "order", list(project.sources))
    write_kept(sources, project._kept_parts.get("sources"))
    for sha, source in project.sources.items():
        if sha in copyable:
            assert reuse is not None
            sources.copy(reuse.file[f"sources/{sha}"], sources, name=sha)  # with attributes
            log.append((source.data, source.data.name))
        else:
            write_source(sources, source, log)


def _can_copy_source(source: SourceFile, reuse: Reuse) -> bool:
    key = f"sources/{source.sha256}"
    sig = source_signature(source)
    return (
        sig is not None
        and reuse.signatures.get(key) == sig
        and source.data.handle.file is reuse.file
        and source.data.name == f"/{key}"
    )


def _can_copy(sample: Sample, reuse: Reuse) -> bool:
    old = reuse.signatures.get(sample.id)
    if old is None or sample_signature(sample) != old:
        return False
    prefix = f"/samples/{sample.id}/"
    lazies = _lazies(sample)
    if not all(lazy.handle.file is reuse.file and lazy.name.startswith(prefix) for lazy in lazies):
        return False
    size = reuse.file.id.get_filesize()
    # a text column is copied by HDF5 text by text: checked first (``write_array`` refuses)
    return all(
        S.text_slots_sound(reuse.file[lazy.name], size) for lazy in lazies if lazy.dtype.kind == "U"
    )


def write_sample(parent: h5py.Group, sample: Sample, rebinds: Rebinds) -> None:
    with rebinds.templates.group(parent, sample.id, (("NX_class", "NXentry"),)) as g:
        _write_sample_parts(g, sample, rebinds)


def _write_sample_parts(g: Node, sample: Sample, rebinds: Rebinds) -> None:
    own: dict[str, Any] = {}
    for key in L.SAMPLE_FIELDS:
        value = getattr(sample, key)
        if value or key in L.SAMPLE_FIELDS_ALWAYS:
            if isinstance(value, str) and "\x00" in value:  # set past the model's checks
                raise ProjectError(
                    f"{g.name}: the sample's {key} contains a NUL character (\\x00), which "
                    "a project cannot keep; the project was not saved."
                )
            own[key] = value
    if sample.metadata:
        own["metadata"] = sample.metadata
    if sample.labels:
        own["labels"] = sample.labels
    L.set_json(g, "info", own)
    write_kept(g, sample._kept_attrs)
    with new_group(g, "measurements") as ms:
        _set_order(ms, list(sample.measurements))
        write_kept(ms, sample._kept_parts.get("measurements"))
        for m in sample.measurements.values():
            with rebinds.templates.group(ms, m.id, measurement_nxdata(m)) as mg:
                write_measurement(mg, m, rebinds)
    if sample.results or sample._kept_parts.get("results"):
        # an emptied group stays while it carries another program's attributes
        with new_group(g, "results") as rs:
            _set_order(rs, list(sample.results))
            write_kept(rs, sample._kept_parts.get("results"))
            for r in sample.results.values():
                with rebinds.templates.group(rs, r.id, result_nxdata(r)) as rg:
                    write_result(rg, r, rebinds)


def write_kept(obj: h5py.HLObject | Node, kept: S.KeptAttrs | None) -> None:
    """Write back the attributes another program had added to this object."""
    if not kept:
        return
    if isinstance(obj, Node):
        oid = obj.oid
        obj = h5py.Dataset(oid) if isinstance(oid, h5py.h5d.DatasetID) else h5py.Group(oid)
    S.write_kept(obj, kept)


def _set_order(g: Node, ids: list[str]) -> None:
    """The display order of a sample's measurements or results; left out for a single
    one (the reader then takes the names in sorted order, which is the same)."""
    if len(ids) > 1:
        L.set_json(g, "order", ids)


def _is_curve(m: Measurement) -> bool:
    return bool(m.signal and m.signal in m.columns and all(a in m.columns for a in m.axes))


def measurement_nxdata(m: Measurement) -> Attrs:
    """The NeXus attributes of a measurement's group: NXdata for a curve or spectrum,
    none for a table."""
    return nxdata(str(m.signal), list(m.axes), []) if _is_curve(m) else ()


def result_nxdata(r: Result) -> Attrs:
    """The NeXus attributes of a result's group: NXdata when it has a plot of its columns."""
    plot = next((p for p in r.plots if isinstance(p, dict)), None)
    if plot:
        x, ys = plot.get("x"), plot.get("y") or []
        ys = [ys] if isinstance(ys, str) else [y for y in ys if isinstance(y, str)]
        if isinstance(x, str) and x in r.columns and ys and all(y in r.columns for y in ys):
            return nxdata(ys[0], [x], ys[1:])
    return ()


def write_measurement(g: Node, m: Measurement, rebinds: Rebinds) -> None:
    """Fill the new group ``g`` (with its ``measurement_nxdata``) with the measurement ``m``."""
    info: dict[str, Any] = {"kind": m.kind}
    if m.quantities:  # left out when empty (a curve or spectrum); the reader defaults it
        info["quantities"] = {k: q.to_json() for k, q in m.quantities.items()}
    info.update((key, getattr(m, key)) for key in L.MEASUREMENT_INFO)
    info["columns"] = column_index(m.columns)
    curve = _is_curve(m)
    if not curve:
        info["signal"], info["axes"] = m.signal, list(m.axes)
    L.set_json(g, "info", info)
    write_columns(g, m.columns, rebinds)
    if curve and m.axes:
        rebinds.axes.add(g.child(L.encode_name(m.axes[0])))
    write_kept(g, m._kept_attrs)


def write_result(g: Node, r: Result, rebinds: Rebinds) -> None:
    """Fill the new group ``g`` (with its ``result_nxdata``) with the result ``r``."""
    info: dict[str, Any] = {"plugin_id": r.plugin_id, "plugin_version": r.plugin_version}
    info["values"] = {k: q.to_json() for k, q in r.values.items()}
    info.update((key, getattr(r, key)) for key in L.RESULT_INFO)
    info["columns"] = column_index(r.columns)
    L.set_json(g, "provenance", info)
    write_columns(g, r.columns, rebinds)
    write_kept(g, r._kept_attrs)


def nxdata(signal: str, axes: list[str], aux: list[str]) -> Attrs:
    """The attributes that mark a group as NeXus NXdata so generic viewers (silx, h5web)
    plot it. A signal without an axis (a per-particle list) gets NeXus's "." (no axis),
    not an empty list, which h5py cannot read back."""
    out: Attrs = (
        ("NX_class", "NXdata"),
        ("signal", L.encode_name(signal)),
        ("axes", tuple(L.encode_name(a) for a in axes) or (L.NO_AXIS,)),
    )
    if aux:
        out += (("auxiliary_signals", tuple(L.encode_name(a) for a in aux)),)
    return out


def column_index(columns: dict[str, Column]) -> list[dict[str, str]]:
    """Column names in order with unit and label, so opening needs no per-column attributes."""
    return [{"name": n, "unit": c.unit, "label": c.label} for n, c in columns.items()]


def write_columns(g: Node, columns: dict[str, Column], rebinds: Rebinds) -> None:
    for name, col in columns.items():
        link, where = L.encode_name(name), f"column {name!r}"
        attrs = (("units", str(col.unit)), ("long_name", str(long_name(col))))
        with write_array(g, link, col.data, rebinds, where=where, owner=col, attrs=attrs) as ds:
            if isinstance(col.data, LazyArray):  # opening reads no column attributes
                write_kept(ds, col.data.kept_attrs("column"))


def long_name(col: Column) -> str:
    label = col.label or col.name
    return f"{label} ({col.unit})" if col.unit else label


def write_array(
    parent: h5py.Group | Node,
    link: str,
    data: Any,
    rebinds: Rebinds,
    *,
    where: str,
    owner: Any = None,
    attrs: Attrs = (),
) -> Node:
    """Write one array with the string attributes ``attrs``: copy a lazy dataset inside
    HDF5, or create it from memory.

    An array written from memory is noted in ``rebinds.fresh`` for ``owner`` (whose
    ``data`` it is; default: none noted); the caller closes the returned node."""
    g = node(parent)
    if isinstance(data, LazyArray) and not data.is_cached:
        data.ensure_checked()  # never copy what would not be read (a virtual dataset...)
        src = data.handle.dataset(data.name)
        if data.dtype.kind == "U":  # HDF5's copy converts every text it holds
            data.check_texts(src)
        group = g.group()
        group.copy(src, group, name=link, without_attrs=True)
        rebinds.append((data, g.child(link)))
        ds = node(group[link])
        set_attrs(ds, attrs)
        return ds
    pack = rebinds.packs.pop(id(data), None)
    arr = np.asarray(data)
    if pack is not None:  # compressed on the spare cores meanwhile (``packing``)
        ds = node(pack.write(g.group(), link))
    elif arr.dtype.kind == "U":
        ds = node(g.group().create_dataset(link, data=arr.astype(object), dtype=L.STR_DTYPE))
    elif arr.size <= L.CHUNK_THRESHOLD and can_write_small(arr):
        ds = rebinds.templates.small_dataset(g, link, arr, attrs)
        attrs = ()  # written with it
    elif arr.dtype.kind in "biuf":
        ds = node(g.group().create_dataset(link, data=arr, **L.dataset_options(arr.size)))
    else:
        raise ProjectError(
            f"Cannot save {where} at {g.name}: its values have type {arr.dtype}, "
            "expected numbers or text."
        )
    set_attrs(ds, attrs)
    if isinstance(data, LazyArray):  # held in memory after its file went away
        rebinds.append((data, ds.name))
    elif owner is not None:
        rebinds.fresh.append(
            (owner, ds.name, arr.shape, np.dtype(str) if arr.dtype.kind == "U" else arr.dtype)
        )
    return ds


def write_source(parent: h5py.Group, s: SourceFile, rebinds: Rebinds) -> None:
    data = s.data
    if isinstance(data, HeldBytes):  # deflated when it was added: stored as it is
        ds = write_held(parent, s.sha256, data)
        rebinds.fresh.append((s, ds.name, data.shape, data.dtype))
    else:
        fresh = not isinstance(data, LazyArray)
        if fresh:
            data = np.asarray(data, dtype=np.uint8)  # the same object when already bytes
            data = data if data.ndim == 1 else data.reshape(-1)
        where, owner = f"source file {s.name!r}", s if fresh else None
        ds = write_array(parent, s.sha256, data, rebinds, where=where, owner=owner)
    with ds:  # its SHA-256 is its name and its size its length: not written twice
        L.set_json(ds, "info", {"name": s.name, "imported": s.imported, "format": s.format})
        write_kept(ds, s._kept_attrs)


def write_held(parent: h5py.Group, name: str, held: HeldBytes) -> Node:
    """An ordinary gzip-chunked dataset of the bytes, from their deflated chunks."""
    ds = new_deflated_bytes(parent, name, held.size, held.step, held.level)
    for i, chunk in enumerate(held.chunks):
        ds.oid.write_direct_chunk((i * held.step,), chunk)
    return ds


def write_model(parent: h5py.Group, model: StoredModel, rebinds: Rebinds) -> None:
    g = parent.create_group(model.id)
    info = {"kind": model.kind, "name": model.name, "params": model.params}
    info.update(provenance=model.provenance, created=model.created)
    info["arrays"] = list(model.arrays)
    L.set_json(g, "info", info)
    write_kept(g, model._kept_attrs)
    for name, arr in model.arrays.items():
        where = f"model array {name!r}"
        with write_array(g, L.encode_name(name), arr, rebinds, where=where) as ds:
            if isinstance(arr, LazyArray):  # opening reads no model array attributes
                write_kept(ds, arr.kept_attrs("model_array"))
