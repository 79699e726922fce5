"""The project index: the whole structure and metadata of a project in one object.

Opening a year of a lab's work by walking its HDF5 objects took 10-11 s for 1,000
samples with 10,000 measurements (tens of thousands of groups, datasets and
attributes). The index holds everything opening needs (samples, measurements,
results, stored sources, models, settings, each column's name, unit, label, shape
and dtype) as one JSON document, written by every save in the same atomic write as
the objects, and read on open in one go. Arrays stay lazy in the file.

The object tree stays the source of truth (NeXus-readable; the index is derived from
the same model objects the tree is written from). The index is used only when it is
known to describe the tree:

* ``header``: 512 bytes at the start of the file's HDF5 user block (which HDF5
  leaves to applications) records the file's length and the index's SHA-256 at the save. An
  HDF5 program that edits the file (adds, renames or rewrites objects or attributes)
  makes it longer; a damaged index no longer matches its digest.
* ``cheap_check``: the tree's shape as the index describes it (the top-level names,
  the sample names, the number of links in each sample, measurements and results
  group) against the file: one small HDF5 call per group, no attributes read.
* ``full_check`` (``fibre-workbench info --verify``, self-test): every object walked
  and compared with the index, which also catches an attribute changed in place.

A file without an index (older files, or one written by another tool), or whose index
is stale, opens by the walk (``reader.Reader``) as before; the next save writes a
new index. Columns built from the index check their dataset's safety when first read
(``lazy.LazyArray``), as the walk checks it on open.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass
from typing import Any

import h5py
import numpy as np

from workbench.messages import as_text
from workbench.model import (
    Column,
    Measurement,
    Project,
    Quantity,
    Result,
    Sample,
    SourceFile,
    StoredModel,
)
from workbench.project import layout as L
from workbench.project import safety as S
from workbench.project.diskwrite import HEADER
from workbench.project.lazy import FileHandle, LazyArray, finite_range
from workbench.vocab import FeedstockType

INDEX = "index"  # the dataset at the file's root
INDEX_VERSION = 1
MAGIC = S.PROJECT_MAGIC
MAX_INDEX_BYTES = 256 * 2**20  # a larger index is not read (decompression bomb)
# its JSON text at most (about 70,000 measurements and results; a larger one is not
# read, the tree is walked): a crafted 5 MB file whose index inflated to 700 MB made
# every command take 17 s and 2.2 GB (the cap was 64 times the stored bytes, 16 GiB)
MAX_INDEX_TEXT = 128 * 2**20
_DTYPES = {
    "str",
    "|u1",
    "|i1",
    "|b1",
    "<i2",
    "<i4",
    "<i8",
    "<u2",
    "<u4",
    "<u8",
    "<f2",
    "<f4",
    "<f8",
}
_FEEDSTOCKS = {f.value for f in FeedstockType}


# -- the document, from the project ------------------------------------------------------


def dtype_code(dtype: np.dtype) -> str:
    """How a column's dtype is written in the index (text: "str")."""
    dt = np.dtype(dtype)
    return "str" if dt.kind in "UO" else dt.newbyteorder("<").str if dt.itemsize > 1 else dt.str


def _columns(columns: dict[str, Column], axis: str | None = None) -> list[dict[str, Any]]:
    out = []
    for name, c in columns.items():
        data = c.data
        shape = [int(n) for n in getattr(data, "shape", np.shape(data))]
        dtype = getattr(data, "dtype", None)
        if dtype is None:
            dtype = np.asarray(data).dtype
        entry = {"name": name, "unit": c.unit, "label": c.label, "shape": shape}
        entry["dtype"] = dtype_code(dtype)
        if name == axis and entry["dtype"] != "str":
            entry["range"] = finite_range(data)  # shown by ``info`` without reading
        out.append(entry)
    return out


def measurement_entry(m: Measurement) -> dict[str, Any]:
    entry = {"id": m.id, "kind": m.kind, "signal": m.signal, "axes": list(m.axes)}
    entry["quantities"] = {k: q.to_json() for k, q in m.quantities.items()}
    entry.update({key: getattr(m, key) for key in L.MEASUREMENT_INFO})
    entry["columns"] = _columns(m.columns, m.axes[0] if m.axes else None)
    return entry


def result_entry(r: Result) -> dict[str, Any]:
    entry = {"id": r.id, "plugin_id": r.plugin_id, "plugin_version": r.plugin_version}
    entry["values"] = {k: q.to_json() for k, q in r.values.items()}
    entry.update({key: getattr(r, key) for key in L.RESULT_INFO})
    entry["columns"] = _columns(r.columns)
    return entry


def sample_entry(s: Sample) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": s.id}
    entry.update({key: getattr(s, key) for key in L.SAMPLE_FIELDS})
    entry["metadata"], entry["labels"] = s.metadata, s.labels
    entry["measurements"] = [measurement_entry(m) for m in s.measurements.values()]
    entry["results"] = [result_entry(r) for r in s.results.values()]
    return entry


def source_entry(src: SourceFile) -> dict[str, Any]:
    return {
        "sha256": src.sha256,
        "name": src.name,
        "size": int(src.size),
        "imported": src.imported,
        "format": src.format,
    }


def model_entry(model: StoredModel) -> dict[str, Any]:
    arrays = []
    for name, arr in model.arrays.items():
        dtype = getattr(arr, "dtype", None)
        if dtype is None:
            dtype = np.asarray(arr).dtype
        shape = [int(n) for n in getattr(arr, "shape", np.shape(arr))]
        arrays.append({"name": name, "shape": shape, "dtype": dtype_code(dtype)})
    return {
        "id": model.id,
        "kind": model.kind,
        "name": model.name,
        "params": model.params,
        "provenance": model.provenance,
        "created": model.created,
        "arrays": arrays,
    }


def tree_shape(project: Project) -> dict[str, list[int]]:
    """Per sample: links in its group, in its measurements group, in its results group
    (0 when it has none), as the writer lays them out (``cheap_check`` compares)."""
    return {
        s.id: [1 + bool(s.results), len(s.measurements), len(s.results)]
        for s in project.samples.values()
    }


def project_document(project: Project, *, created: str, modified: str, app: str) -> dict:
    """The index document of ``project`` as the writer saves it."""
    doc = {
        "index_version": INDEX_VERSION,
        "format_version": project.format_version,
        "app_version": app,
        "created": created,
        "modified": modified,
        "samples": [sample_entry(s) for s in project.samples.values()],
        "sources": [source_entry(s) for s in project.sources.values()],
        "models": [model_entry(m) for m in project.models.values()],
        "settings": project.settings,
        "audit_entries": len(project.audit),
        "tree": tree_shape(project),
    }
    kept = kept_attribute_count(project)
    if kept:  # such a file is opened by the walk, which reads them (``cheap_check``)
        doc["kept_attributes"] = kept
    return doc


def kept_attribute_count(project: Project) -> int:
    """How many attributes another program added that the project keeps for saving."""
    n = len(project._kept_attrs) + sum(len(k) for k in project._kept_parts.values())
    for s in project.samples.values():
        n += len(s._kept_attrs) + sum(len(k) for k in s._kept_parts.values())
        n += sum(len(m._kept_attrs) for m in s.measurements.values())
        n += sum(len(r._kept_attrs) for r in s.results.values())
    n += sum(len(s._kept_attrs) for s in project.sources.values())
    return n + sum(len(m._kept_attrs) for m in project.models.values())


def inflate(raw: bytes) -> bytes:
    """The index's JSON text; ValueError when it inflates beyond ``MAX_INDEX_TEXT``."""
    z = zlib.decompressobj()
    text = z.decompress(raw, MAX_INDEX_TEXT)
    if z.unconsumed_tail:
        raise ValueError(f"its text is larger than {MAX_INDEX_TEXT >> 20} MiB")
    return text


def encode(doc: dict) -> bytes:
    """The stored bytes: compact JSON (NaN allowed, as in the attributes), zlib level 1.

    The text goes into the compressor an entry at a time (a sample, a source), so the
    whole JSON text of a large project is never held at once: a save's memory peak
    (issue 3 allows 3x the arrays of an import) was the text, its UTF-8 bytes and the
    document together. Decompressed it is exactly ``L.dumps(doc)``."""
    z = zlib.compressobj(1)
    out: list[bytes] = []

    def put(text: str) -> None:
        out.append(z.compress(text.encode("utf-8")))

    for i, (key, value) in enumerate(doc.items()):
        put(("{" if i == 0 else ",") + L.dumps(key) + ":")
        if isinstance(value, list):
            for j, item in enumerate(value):
                put(("[" if j == 0 else ",") + L.dumps(item))
            put("]" if value else "[]")
        else:
            put(L.dumps(value))
    put("}" if doc else "{}")
    out.append(z.flush())
    return b"".join(out)


def write(f: h5py.File, doc: dict) -> bytes:
    """Store the index in ``f``; returns its bytes (their digest goes to the header)."""
    data = encode(doc)
    ds = f.create_dataset(INDEX, data=np.frombuffer(data, dtype=np.uint8))
    L.set_str(ds, "content", "zlib-compressed UTF-8 JSON: the project index (see README)")
    L.set_int(ds, "index_version", INDEX_VERSION)
    return data


# -- the header in the HDF5 user block -------------------------------------------------


def header_bytes(length: int, index_data: bytes, content: int) -> bytes:
    """The 512 bytes at the start of a saved file (HDF5's user block): the file's
    length, the index's SHA-256 and the checksum of everything after the header
    (``diskwrite.checksum``): the index is used only for a file exactly as saved."""
    info = {
        "file_length": length,
        "index_sha256": hashlib.sha256(index_data).hexdigest(),
        "index_version": INDEX_VERSION,
        "content_adler32": content,
    }
    text = MAGIC + json.dumps(info, separators=(",", ":")).encode("ascii") + b"\n"
    return text.ljust(HEADER, b" ")


def read_header(first: bytes) -> dict[str, Any] | None:
    """The header's fields, or None when the file has none (or a damaged one)."""
    if not first.startswith(MAGIC):
        return None
    try:
        info = json.loads(first[len(MAGIC) :].split(b"\n", 1)[0].decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None
    return info if isinstance(info, dict) else None


def content_matches(handle: FileHandle) -> bool:
    """True when the file's bytes are exactly those its last save wrote (the header's
    checksum): no other program changed anything since. Reads the whole file once
    (at disk speed; cached while it is unchanged on disk)."""
    try:
        with open(handle.path, "rb") as fh:
            header = read_header(fh.read(HEADER))
    except OSError:
        return False
    if header is None or header.get("file_length") != handle.file_size():
        return False
    return handle.content_checksum() == header.get("content_adler32")


# -- reading ---------------------------------------------------------------------------


@dataclass
class Loaded:
    """The outcome of looking for a usable index: the document, or why it is not used."""

    doc: dict | None
    reason: str  # "" when used; else "missing", "stale: ...", "damaged: ..."


def load(f: h5py.File, handle: FileHandle, first: bytes, file_size: int) -> Loaded:
    """The stored index when the header vouches for it, else why not. No walk: the
    header's length and checksum say whether the file is exactly as last saved (the
    checksum reads the file once, at disk speed)."""
    if INDEX not in f:
        return Loaded(None, "missing")
    header = read_header(first)
    if header is None:
        return Loaded(None, "stale: the file has no header from a save")
    if header.get("file_length") != file_size:
        return Loaded(None, "stale: the file was changed after its last save")
    if header.get("index_version") != INDEX_VERSION:
        return Loaded(None, f"stale: index version {header.get('index_version')!r}")
    if handle.content_checksum() != header.get("content_adler32"):
        return Loaded(None, "stale: the file was changed in place after its last save")
    try:
        ds = S.child(f, INDEX)
        if not isinstance(ds, h5py.Dataset):
            return Loaded(None, "damaged: not a dataset")
        shape, dtype = S.check_dataset(ds, file_size, kinds="u", allow_text=False, as_numbers=False)
        if dtype != np.uint8 or shape[0] > MAX_INDEX_BYTES:
            return Loaded(None, "damaged: not a byte array of a sensible size")
        raw = ds[()].tobytes()
    except (S.Unsafe, OSError, RuntimeError, ValueError) as exc:
        return Loaded(None, f"damaged: {exc}")
    if hashlib.sha256(raw).hexdigest() != header.get("index_sha256"):
        return Loaded(None, "damaged: its digest does not match")
    try:
        text = inflate(raw)
        doc = json.loads(text.decode("utf-8"))
    except (zlib.error, ValueError, UnicodeDecodeError, RecursionError) as exc:
        return Loaded(None, f"damaged: {exc}")
    if not isinstance(doc, dict) or doc.get("index_version") != INDEX_VERSION:
        return Loaded(None, "damaged: not an index document")
    return Loaded(doc, "")


def cheap_check(f: h5py.File, doc: dict) -> str:
    """ "" when the tree has the shape the index describes, else what differs."""
    try:
        root = set(S.child_names(f))
        if not {"samples", INDEX} <= root:
            return "the file's top level differs"
        samples = S.child_group(f, "samples")
        shape = doc.get("tree")
        if not isinstance(shape, dict):
            return "no tree shape"
        if doc.get("kept_attributes"):  # the index does not hold their values
            return "attributes written by another program are kept"
        names = S.child_names(samples)
        if len(names) != len(shape) or set(names) != set(shape):
            return "its samples differ"
        gid = samples.id
        for sid, want in shape.items():
            g = h5py.h5g.open(gid, sid.encode("utf-8"))
            if not isinstance(want, list) or len(want) != 3 or g.get_num_objs() != want[0]:
                return f"sample {sid} differs"
            for sub, n in ((b"measurements", want[1]), (b"results", want[2])):
                if (n or sub == b"measurements") and h5py.h5g.open(g, sub).get_num_objs() != n:
                    return f"sample {sid} differs"
    except (S.Unsafe, KeyError, OSError, RuntimeError, ValueError, TypeError) as exc:
        return f"it cannot be compared ({exc})"
    return ""


# -- building the project from the document -------------------------------------------


class Malformed(ValueError):
    """The index document is not what a save writes (the walk is used instead)."""


def _text(d: dict, key: str) -> str:
    v = d.get(key, "")
    if type(v) is str:
        return v
    if v is None:
        return ""
    raise Malformed(f"{key!r} is not text")


def _dict(d: dict, key: str) -> dict:
    v = d.get(key) or {}
    if not isinstance(v, dict):
        raise Malformed(f"{key!r} is not an object")
    return v


def _list(d: dict, key: str) -> list:
    v = d.get(key) or []
    if not isinstance(v, list):
        raise Malformed(f"{key!r} is not a list")
    return v


_DTYPE_OF = {code: np.dtype(str) if code == "str" else np.dtype(code) for code in _DTYPES}
COLUMN_CHECK = {"max_ndim": 1, "allow_text": True}  # what the walk checks (safety.check_dataset)
SOURCE_CHECK = {"max_ndim": 1, "allow_text": False, "kinds": "u", "as_numbers": False}
MODEL_CHECK = {"max_ndim": 3, "allow_text": True}


def _shape(entry: dict, max_ndim: int) -> tuple[tuple[int, ...], np.dtype]:
    shape, code = entry.get("shape"), entry.get("dtype")
    dtype = _DTYPE_OF.get(code) if isinstance(code, str) else None
    if dtype is None or type(shape) is not list or not 1 <= len(shape) <= max_ndim:
        raise Malformed(f"array {entry.get('name')!r} has no valid shape and type")
    for n in shape:
        if type(n) is not int or not 0 <= n <= S.MAX_ELEMENTS:
            raise Malformed(f"array {entry.get('name')!r} has no valid shape")
    return tuple(shape), dtype


def _part_id(sid: str, entry: dict, seen: dict) -> str:
    """A measurement's or result's id as a save writes it: one path part, listed once."""
    pid = _text(entry, "id")
    if not pid or "/" in pid or pid in (".", "..") or pid in seen:
        raise Malformed(f"sample {sid}: a part without a valid, unique id")
    return pid


class Builder:
    """Makes the project's objects from an index document (no HDF5 reads)."""

    def __init__(self, handle: FileHandle, project: Project, file_size: int) -> None:
        self.handle, self.project, self.size = handle, project, file_size

    def lazy(self, path: str, entry: dict, check: dict[str, Any]) -> LazyArray:
        shape, dtype = _shape(entry, check["max_ndim"])
        return LazyArray(self.handle, path, shape, dtype, check=check)

    def columns(self, path: str, entries: list) -> dict[str, Column]:
        out: dict[str, Column] = {}
        for e in entries:
            if not isinstance(e, dict) or not isinstance(e.get("name"), str):
                raise Malformed("a column without a name")
            name = e["name"]
            data = self.lazy(f"{path}/{L.encode_name(name)}", e, COLUMN_CHECK)
            rng = e.get("range")
            if type(rng) is list and len(rng) == 2 and all(type(v) is float for v in rng):
                data.range = rng
            out[name] = Column(
                name=name, unit=_text(e, "unit"), data=data, label=as_text(e.get("label", ""))
            )
        return out

    @staticmethod
    def quantities(d: dict) -> dict[str, Quantity]:
        return {str(k): Quantity.from_json(q) for k, q in d.items()}

    def measurement(self, path: str, e: dict) -> Measurement:
        axes = _list(e, "axes")
        replicate = e.get("replicate", 1)
        if not isinstance(replicate, int) or isinstance(replicate, bool):
            raise Malformed("replicate is not an integer")
        signal = e.get("signal")
        return Measurement(
            id=_text(e, "id"),
            kind=_text(e, "kind"),
            columns=self.columns(path, _list(e, "columns")),
            signal=signal if isinstance(signal, str) and signal else None,
            axes=[a for a in axes if isinstance(a, str)],
            quantities=self.quantities(_dict(e, "quantities")),
            label=as_text(e.get("label", "")),
            method=_text(e, "method"),
            instrument=_text(e, "instrument"),
            replicate=replicate,
            basis=_text(e, "basis") or "none",
            source_sha256=_text(e, "source_sha256"),
            source_name=_text(e, "source_name"),
            source_format=_text(e, "source_format"),
            metadata=_dict(e, "metadata"),
            created=_text(e, "created"),
        )

    def result(self, path: str, e: dict) -> Result:
        from workbench.project.reader import message_from_file, plots_from_file

        columns = self.columns(path, _list(e, "columns"))
        return Result(
            id=_text(e, "id"),
            plugin_id=_text(e, "plugin_id"),
            plugin_version=_text(e, "plugin_version"),
            parameters=_dict(e, "parameters"),
            inputs=_list(e, "inputs"),
            values=self.quantities(_dict(e, "values")),
            columns=columns,
            plots=plots_from_file(_list(e, "plots"), columns),
            messages=[message_from_file(m) for m in _list(e, "messages")],
            label=as_text(e.get("label", "")),
            app_version=_text(e, "app_version"),
            created=_text(e, "created"),
        )

    def sample(self, e: dict) -> Sample:
        sid = _text(e, "id")
        if not sid or "/" in sid:
            raise Malformed("a sample without a valid id")
        base = f"/samples/{sid}"
        ftype = _text(e, "feedstock_type")
        if ftype not in _FEEDSTOCKS:
            raise Malformed(f"sample {sid}: unknown feedstock type")
        sample = Sample(
            id=sid,
            name=_text(e, "name"),
            feedstock_type=ftype,
            supplier=_text(e, "supplier"),
            origin=_text(e, "origin"),
            date_received=_text(e, "date_received"),
            notes=_text(e, "notes"),
            metadata={str(k): str(v) for k, v in _dict(e, "metadata").items()},
            labels={str(k): str(v) for k, v in _dict(e, "labels").items()},
        )
        for m in _list(e, "measurements"):
            mid = _part_id(sid, m, sample.measurements)
            sample.measurements[mid] = self.measurement(f"{base}/measurements/{mid}", m)
        for r in _list(e, "results"):
            rid = _part_id(sid, r, sample.results)
            sample.results[rid] = self.result(f"{base}/results/{rid}", r)
        return sample

    def build(self, doc: dict) -> None:
        p = self.project
        p.created = _text(doc, "created")
        p.modified = _text(doc, "modified")
        p.written_by = _text(doc, "app_version")
        for e in _list(doc, "samples"):
            sample = self.sample(e)
            if sample.id in p.samples:  # a save lists each once; a crafted index 201
                # times each took 7-10 s to open (collapsed silently): the walk instead
                raise Malformed(f"sample {sample.id} listed twice")
            p.samples[sample.id] = sample
        for e in _list(doc, "sources"):
            sha = _text(e, "sha256")
            size = e.get("size")
            if not isinstance(size, int) or size < 0:
                raise Malformed("a source without a size")
            data = self.lazy(f"/sources/{sha}", {"shape": [size], "dtype": "|u1"}, SOURCE_CHECK)
            p.sources[sha] = SourceFile(
                sha256=sha,
                name=_text(e, "name"),
                size=size,
                data=data,
                imported=_text(e, "imported"),
                format=_text(e, "format"),
            )
        for e in _list(doc, "models"):
            mid = _text(e, "id")
            arrays = {
                a["name"]: self.lazy(f"/models/{mid}/{L.encode_name(a['name'])}", a, MODEL_CHECK)
                for a in _list(e, "arrays")
                if isinstance(a, dict) and isinstance(a.get("name"), str)
            }
            p.models[mid] = StoredModel(
                id=mid,
                kind=_text(e, "kind"),
                name=_text(e, "name"),
                params=_dict(e, "params"),
                arrays=arrays,
                provenance=_dict(e, "provenance"),
                created=_text(e, "created"),
            )
        p.settings = _dict(doc, "settings")


def build(doc: dict, handle: FileHandle, project: Project, file_size: int) -> None:
    """Fill ``project`` from ``doc``; raises ``Malformed`` when the document is not one
    a save writes (the caller then walks the tree)."""
    try:
        Builder(handle, project, file_size).build(doc)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        if isinstance(exc, Malformed):
            raise
        raise Malformed(str(exc)) from exc
