"""Read older project format versions into the current in-memory model.

Migration happens in memory only: the original file is opened read-only and never
edited; the next save writes the current format (atomically, like every save). The
project is marked changed and ``project.warnings`` says it was migrated.

Format version 0 (the first prototype layout, before this store) differs from
version 1 as follows::

    /                    attrs format, format_version = 0, app_version, created
    /samples/<id>        attrs sample_name, material (free text), supplier,
                         received (date), comment; free metadata as attrs "meta:<key>"
      /data/<mid>        one group per measurement: attrs kind, instrument, method,
                         replicate, source (SHA-256), x_name, x_unit, y_name, y_unit,
                         values (JSON {property: [value, unit, basis]});
                         curves have two 1-D datasets "x" and "y" (no NeXus attributes)
    /raw/<sha256>        uint8 dataset of an imported file's bytes; attr filename
    (no results, models, audit log or settings)

Free-text materials are mapped onto the feedstock vocabulary by keyword; the original
text is kept in the sample's metadata under ``material (format 0)``. Attributes another
program added (names format 0 does not use on that object) are kept and written at the
same object's place in the new layout (``/raw`` becomes ``/sources``, a sample's
``data`` group its ``measurements``, ``x`` and ``y`` its columns).
"""

from __future__ import annotations

import h5py

from workbench.errors import ProjectError
from workbench.model import Column, Measurement, Project, Quantity, Sample, SourceFile
from workbench.project import safety as S
from workbench.project.lazy import FileHandle, LazyArray
from workbench.vocab import FeedstockType

_KEYWORDS = [
    ("logging", FeedstockType.LOGGING_RESIDUES),
    ("bark", FeedstockType.BARK),
    ("sawdust", FeedstockType.SAWDUST),
    ("straw", FeedstockType.STRAW),
    ("deink", FeedstockType.DEINKING_SLUDGE),
    ("sludge", FeedstockType.FIBRE_SLUDGE),
    ("reject", FeedstockType.RECYCLED_FIBRE_REJECTS),
    ("textile", FeedstockType.TEXTILE_WASTE),
    ("garden", FeedstockType.GARDEN_WASTE),
    ("chip", FeedstockType.WOODY),
    ("wood", FeedstockType.WOODY),
    ("grass", FeedstockType.HERBACEOUS),
    ("reed", FeedstockType.HERBACEOUS),
]


def feedstock_from_text(text: str) -> str:
    """The vocabulary feedstock type a free-text material name most likely means."""
    low = text.casefold().strip()
    if low in {f.value for f in FeedstockType}:
        return low
    for word, ftype in _KEYWORDS:
        if word in low:
            return ftype.value
    return FeedstockType.OTHER.value


def read_old_version(
    version: int, f: h5py.File, handle: FileHandle, project: Project, file_size: int
) -> list[str]:
    """Fill ``project`` from a file of an older format version (in memory only); return
    the objects of the file it could not take in (see ``reader.Reader.dropped``)."""
    if version != 0:
        raise ProjectError(f"{handle.path}: project format version {version} is not known.")
    reader = V0(f, handle, project, file_size)
    reader.read()
    project.warnings.append(
        f"{handle.path.name} uses the older project format version 0. It was converted in "
        "memory; the original file is unchanged until you save."
    )
    project.log("migrate format", f"format version 0 -> 1 ({handle.path.name})")
    return reader.dropped


class V0:
    def __init__(self, f: h5py.File, handle: FileHandle, project: Project, file_size: int):
        self.f, self.handle, self.project, self.size = f, handle, project, file_size
        self.w = project.warnings
        self.dropped: list[str] = []

    def drop(self, where: str, warning: str) -> None:
        self.dropped.append(where)
        self.w.append(warning)

    def kept(self, obj: h5py.HLObject, a: S.Attrs | None, kind: str) -> S.KeptAttrs:
        """The attributes of ``obj`` format 0 does not use (``safety.foreign_attrs``)."""
        a = a if a is not None else S.Attrs(obj, self.w, self.dropped)
        return S.foreign_attrs(obj, list(a.values), self.w, self.dropped, kind)

    def read(self) -> None:
        p, w = self.project, self.w
        ra = S.Attrs(self.f, w, self.dropped)
        p.created = ra.text("created", p.created)
        p.modified = p.created
        p.written_by = ra.text("app_version", "")
        p._kept_attrs = self.kept(self.f, ra, "v0_root")
        for name in S.child_names(self.f):
            if name not in ("samples", "raw"):
                where = f"/{name}"
                self.drop(where, f"{where}: {S.describe_link(self.f, name)} that a version-0 "
                          "project does not have; it was left out.")  # fmt: skip
        for name, fn in (("samples", self.sample), ("raw", self.source)):
            if name not in self.f:
                continue
            try:
                group = S.child_group(self.f, name)
                names = sorted(S.child_names(group))
                kept = self.kept(group, None, "v0_group")
                if kept:
                    p._kept_parts["samples" if name == "samples" else "sources"] = kept
            except S.Unsafe as exc:
                self.drop(f"/{name}", f"All {name} were skipped: {exc}.")
                continue
            for key in names:
                try:
                    fn(group, key)
                except S.Unsafe as exc:
                    self.drop(f"/{name}/{key}", f"{name} {key} was skipped: {exc}.")

    def sample(self, group: h5py.Group, sid: str) -> None:
        g = S.child_group(group, sid)
        w = self.w
        a = S.Attrs(g, w, self.dropped)
        material = a.text("material", "")
        meta = {}
        for key in a.values:
            if key.startswith("meta:"):
                meta[key[5:]] = a.text(key, "")
        if material:
            meta["material (format 0)"] = material
        sample = Sample(
            id=sid,
            name=a.text("sample_name", sid),
            feedstock_type=feedstock_from_text(material),
            supplier=a.text("supplier", ""),
            date_received=a.text("received", ""),
            notes=a.text("comment", ""),
            metadata=meta,
            _kept_attrs=self.kept(g, a, "v0_sample"),
        )
        if "data" in g:
            data = S.child_group(g, "data")
            kept = self.kept(data, None, "v0_group")
            if kept:
                sample._kept_parts["measurements"] = kept
            for mid in sorted(S.child_names(data)):
                try:
                    sample.measurements[mid] = self.measurement(S.child_group(data, mid))
                except S.Unsafe as exc:
                    self.drop(
                        f"{data.name}/{mid}", f"Sample {sid}: measurement {mid} was skipped: {exc}."
                    )
        self.project.samples[sid] = sample

    def measurement(self, g: h5py.Group) -> Measurement:
        w = self.w
        a = S.Attrs(g, w, self.dropped)
        columns: dict[str, Column] = {}
        signal, axes = None, []
        if "x" in g and "y" in g:
            x_name = a.text("x_name", "x") or "x"
            y_name = a.text("y_name", "y") or "y"
            if x_name == y_name:
                y_name += " (signal)"
            for link, name, unit_attr in (("x", x_name, "x_unit"), ("y", y_name, "y_unit")):
                ds = S.child(g, link)
                if not isinstance(ds, h5py.Dataset):
                    raise S.Unsafe(f"{ds.name} should be a dataset")
                shape, dtype = S.check_dataset(ds, self.size, allow_text=False)
                lazy = LazyArray(self.handle, ds.name, shape, dtype)
                lazy.kept = self.kept(ds, None, "v0_column")
                columns[name] = Column(name, a.text(unit_attr, ""), lazy)
            if columns[x_name].shape != columns[y_name].shape:
                raise S.Unsafe(f"{g.name}: x and y have different lengths")
            signal, axes = y_name, [x_name]
        quantities = {}
        for prop, triple in a.jsonval("values", {}).items():
            try:
                value, unit, basis = triple
                quantities[str(prop)] = Quantity(float(value), str(unit), str(basis))
            except (TypeError, ValueError) as exc:
                w.append(f"{g.name}: value {prop!r} was skipped ({exc}).")
        sha = a.text("source", "")
        return Measurement(
            id=g.name.rsplit("/", 1)[-1],
            kind=a.text("kind", "table"),
            columns=columns,
            signal=signal,
            axes=axes,
            quantities=quantities,
            method=a.text("method", ""),
            instrument=a.text("instrument", ""),
            replicate=a.integer("replicate", 1),
            source_sha256=sha,
            created=self.project.created,
            _kept_attrs=self.kept(g, a, "v0_measurement"),
        )

    def source(self, group: h5py.Group, sha: str) -> None:
        ds = S.child(group, sha)
        if not isinstance(ds, h5py.Dataset):
            raise S.Unsafe(f"{ds.name} should be a dataset of bytes")
        shape, dtype = S.check_dataset(ds, self.size, allow_text=False, kinds="u", as_numbers=False)
        if dtype.itemsize != 1:
            raise S.Unsafe(f"{ds.name} should hold bytes (uint8)")
        a = S.Attrs(ds, self.w, self.dropped)
        name = a.text("filename", sha)
        self.project.sources[sha] = SourceFile(
            sha256=sha,
            name=name,
            size=shape[0],
            data=LazyArray(self.handle, ds.name, shape, dtype),
            imported=self.project.created,
            _kept_attrs=self.kept(ds, a, "v0_source"),
        )
        for m in (m for s in self.project.samples.values() for m in s.measurements.values()):
            if m.source_sha256 == sha:
                m.source_name = name
