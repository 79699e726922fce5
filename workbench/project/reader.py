"""Read a format-version-1 project file into a ``Project`` (structure and attributes only).

Every array becomes a ``LazyArray`` into the open file; nothing but attributes, the
audit log and dataset headers is read. Each sample, measurement, result, source and
model is read on its own: a part that is damaged or hostile (see ``safety.py``) is
skipped and named in ``project.warnings`` while the rest of the project opens.
"""

from __future__ import annotations

from typing import Any

import h5py
import numpy as np

from workbench.model import (
    AuditEntry,
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
from workbench.project.lazy import FileHandle, LazyArray
from workbench.vocab import FeedstockType

MAX_AUDIT_ENTRIES = 10_000_000
_FEEDSTOCKS = {f.value for f in FeedstockType}


class Reader:
    """Reads one open file into a project, collecting warnings for skipped parts."""

    def __init__(self, f: h5py.File, handle: FileHandle, project: Project, file_size: int):
        self.f = f
        self.handle = handle
        self.project = project
        self.file_size = file_size
        self.w = project.warnings

    # -- top level ---------------------------------------------------------------
    def read(self) -> None:
        p, f, w = self.project, self.f, self.w
        p.created = S.attr_str(f, "created", p.created, w)
        p.modified = S.attr_str(f, "modified", p.created, w)
        p.written_by = S.attr_str(f, "app_version", "", w)
        for name, fn in (
            ("samples", self.read_samples),
            ("sources", self.read_sources),
            ("models", self.read_models),
        ):
            try:
                group = S.child_group(f, name) if name in f else None
            except S.Unsafe as exc:
                w.append(f"All {name} were skipped: {exc}.")
                continue
            if group is not None:
                fn(group)
        self.read_audit()
        self.read_settings()

    def read_samples(self, group: h5py.Group) -> None:
        for sid in self._names(group):
            try:
                sample = self.read_sample(S.child_group(group, sid))
            except S.Unsafe as exc:
                self.w.append(f"Sample {sid} was skipped: {exc}.")
                continue
            self.project.samples[sample.id] = sample

    def read_sources(self, group: h5py.Group) -> None:
        for sha in self._names(group):
            try:
                source = self.read_source(S.child(group, sha))
            except S.Unsafe as exc:
                self.w.append(f"Stored source file {sha} was skipped: {exc}.")
                continue
            self.project.sources[source.sha256] = source

    def read_models(self, group: h5py.Group) -> None:
        for mid in self._names(group):
            try:
                model = self.read_model(S.child_group(group, mid))
            except S.Unsafe as exc:
                self.w.append(f"Model {mid} was skipped: {exc}.")
                continue
            self.project.models[model.id] = model

    def _names(self, group: h5py.Group) -> list[str]:
        try:
            return S.ordered_names(group, self.w)
        except S.Unsafe as exc:
            self.w.append(f"{exc}.")
            return []

    # -- parts -------------------------------------------------------------------
    def read_sample(self, g: h5py.Group) -> Sample:
        w = self.w
        sid = g.name.rsplit("/", 1)[-1]
        ftype = S.attr_str(g, "feedstock_type", FeedstockType.OTHER.value, w)
        if ftype not in _FEEDSTOCKS:
            w.append(f"Sample {sid}: unknown feedstock type {ftype!r} was read as 'other'.")
            ftype = FeedstockType.OTHER.value
        sample = Sample(
            id=sid,
            name=S.attr_str(g, "name", sid, w),
            feedstock_type=ftype,
            supplier=S.attr_str(g, "supplier", "", w),
            origin=S.attr_str(g, "origin", "", w),
            date_received=S.attr_str(g, "date_received", "", w),
            notes=S.attr_str(g, "notes", "", w),
            metadata=_str_dict(S.attr_json(g, "metadata", {}, w)),
            labels=_str_dict(S.attr_json(g, "labels", {}, w)),
        )
        for sub, fn, target in (
            ("measurements", self.read_measurement, sample.measurements),
            ("results", self.read_result, sample.results),
        ):
            if sub not in g:
                continue
            coll = S.child_group(g, sub)
            for item_id in self._names(coll):
                try:
                    target[item_id] = fn(S.child_group(coll, item_id))
                except S.Unsafe as exc:
                    w.append(f"Sample {sid}: {sub[:-1]} {item_id} was skipped: {exc}.")
        return sample

    def read_measurement(self, g: h5py.Group) -> Measurement:
        w = self.w
        columns = self.read_columns(g)
        nx = S.attr_str(g, "NX_class", "", w) == "NXdata"
        if nx:
            signal = L.decode_name(S.attr_str(g, "signal", "", w)) or None
            axes = [L.decode_name(a) for a in _str_list(g, "axes", w)]
        else:
            signal = S.attr_str(g, "fw_signal", "", w) or None
            axes = [a for a in S.attr_json(g, "fw_axes", [], w) if isinstance(a, str)]
        return Measurement(
            id=g.name.rsplit("/", 1)[-1],
            kind=S.attr_str(g, "kind", "table", w),
            columns=columns,
            signal=signal,
            axes=axes,
            quantities=self.read_quantities(g, "quantities"),
            label=S.attr_str(g, "label", "", w),
            method=S.attr_str(g, "method", "", w),
            instrument=S.attr_str(g, "instrument", "", w),
            replicate=S.attr_int(g, "replicate", 1, w),
            basis=S.attr_str(g, "basis", "none", w),
            source_sha256=S.attr_str(g, "source_sha256", "", w),
            source_name=S.attr_str(g, "source_name", "", w),
            source_format=S.attr_str(g, "source_format", "", w),
            metadata=S.attr_json(g, "metadata", {}, w),
            created=S.attr_str(g, "created", "", w),
        )

    def read_result(self, g: h5py.Group) -> Result:
        w = self.w
        return Result(
            id=g.name.rsplit("/", 1)[-1],
            plugin_id=S.attr_str(g, "plugin_id", "", w),
            plugin_version=S.attr_str(g, "plugin_version", "", w),
            parameters=S.attr_json(g, "parameters", {}, w),
            inputs=S.attr_json(g, "inputs", [], w),
            values=self.read_quantities(g, "values"),
            columns=self.read_columns(g),
            plots=S.attr_json(g, "plots", [], w),
            messages=[str(m) for m in S.attr_json(g, "messages", [], w)],
            label=S.attr_str(g, "label", "", w),
            app_version=S.attr_str(g, "app_version", "", w),
            created=S.attr_str(g, "created", "", w),
        )

    def read_quantities(self, g: h5py.Group, name: str) -> dict[str, Quantity]:
        out: dict[str, Quantity] = {}
        for key, q in S.attr_json(g, name, {}, self.w).items():
            try:
                out[str(key)] = Quantity.from_json(q)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                self.w.append(f"{g.name}: value {key!r} was skipped (not a valid quantity: {exc}).")
        return out

    def read_columns(self, g: h5py.Group) -> dict[str, Column]:
        order = [c for c in S.attr_json(g, "columns", [], self.w) if isinstance(c, str)]
        links = {L.decode_name(n): n for n in S.child_names(g)}
        names = [c for c in order if c in links]
        names += sorted(c for c in links if c not in set(order))
        columns: dict[str, Column] = {}
        for name in names:
            obj = S.child(g, links[name])
            if not isinstance(obj, h5py.Dataset):
                continue
            lazy = self.lazy(obj, max_ndim=1, allow_text=True)
            columns[name] = Column(
                name=name,
                unit=S.attr_str(obj, "units", "", self.w),
                data=lazy,
                label=S.attr_str(obj, "fw_label", "", self.w),
            )
        return columns

    def lazy(self, ds: h5py.Dataset, **checks: Any) -> LazyArray:
        shape, dtype = S.check_dataset(ds, self.file_size, **checks)
        return LazyArray(self.handle, ds.name, shape, dtype)

    def read_source(self, obj: h5py.HLObject) -> SourceFile:
        if not isinstance(obj, h5py.Dataset):
            raise S.Unsafe(f"{obj.name} should be a dataset of bytes")
        lazy = self.lazy(obj, max_ndim=1, allow_text=False, kinds="u")
        if lazy.dtype != np.uint8:
            raise S.Unsafe(f"{obj.name} has data type {lazy.dtype}; expected bytes (uint8)")
        sha = obj.name.rsplit("/", 1)[-1]
        stated = S.attr_str(obj, "sha256", sha, self.w)
        if stated != sha:
            self.w.append(f"{obj.name}: stated SHA-256 {stated} differs from its name.")
        return SourceFile(
            sha256=sha,
            name=S.attr_str(obj, "name", sha, self.w),
            size=S.attr_int(obj, "size", lazy.size, self.w),
            data=lazy,
            imported=S.attr_str(obj, "imported", "", self.w),
            format=S.attr_str(obj, "format", "", self.w),
        )

    def read_model(self, g: h5py.Group) -> StoredModel:
        w = self.w
        order = [a for a in S.attr_json(g, "arrays", [], w) if isinstance(a, str)]
        links = {L.decode_name(n): n for n in S.child_names(g)}
        arrays: dict[str, Any] = {}
        for name in order + sorted(c for c in links if c not in set(order)):
            if name in links:
                obj = S.child(g, links[name])
                if isinstance(obj, h5py.Dataset):
                    arrays[name] = self.lazy(obj, max_ndim=3, allow_text=True)
        return StoredModel(
            id=g.name.rsplit("/", 1)[-1],
            kind=S.attr_str(g, "kind", "", w),
            name=S.attr_str(g, "name", "", w),
            params=S.attr_json(g, "params", {}, w),
            arrays=arrays,
            provenance=S.attr_json(g, "provenance", {}, w),
            created=S.attr_str(g, "created", "", w),
        )

    def read_audit(self) -> None:
        if "audit" not in self.f:
            return
        try:
            g = S.child_group(self.f, "audit")
            cols = []
            for key in ("time", "user", "action", "detail"):
                ds = S.child(g, key)
                if not isinstance(ds, h5py.Dataset):
                    raise S.Unsafe(f"{g.name}/{key} should be a dataset")
                shape, dtype = S.check_dataset(ds, self.file_size, kinds="")
                if dtype.kind != "U" or shape[0] > MAX_AUDIT_ENTRIES:
                    raise S.Unsafe(f"{ds.name} should be a list of text entries")
                cols.append(ds.asstr()[()])
            if len({len(c) for c in cols}) != 1:
                raise S.Unsafe("its four columns have different lengths")
        except (S.Unsafe, OSError, RuntimeError, ValueError) as exc:
            self.w.append(f"The audit log could not be read and starts afresh: {exc}.")
            return
        self.project.audit = [AuditEntry(*map(str, row)) for row in zip(*cols)]

    def read_settings(self) -> None:
        if "settings" not in self.f:
            return
        try:
            g = S.child_group(self.f, "settings")
        except S.Unsafe as exc:
            self.w.append(f"Project settings were skipped: {exc}.")
            return
        self.project.settings = S.attr_json(g, "json", {}, self.w)


def _str_dict(d: dict[str, Any]) -> dict[str, str]:
    return {str(k): v if isinstance(v, str) else str(v) for k, v in d.items()}


def _str_list(g: h5py.Group, name: str, w: list[str]) -> list[str]:
    """A string-array attribute (NeXus ``axes``), also accepted as one string."""
    if name not in g.attrs:
        return []
    try:
        value = S._raw_attr(g, name)
    except (S.Unsafe, OSError, RuntimeError, ValueError, TypeError) as exc:
        w.append(f"{g.name}: attribute {name!r} skipped ({exc}).")
        return []
    if isinstance(value, (str, bytes)):
        return [S.attr_value_to_str(value)]
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "OSU":
        return [S.attr_value_to_str(v) for v in value.tolist()]
    w.append(f"{g.name}: attribute {name!r} should be a list of names; ignored.")
    return []
