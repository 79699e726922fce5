"""Read a format-version-1 or -2 project file into a ``Project`` (structure and attributes only).

The two versions differ only in where an object's own fields are: one attribute each
(version 1) or together in one JSON attribute (version 2, ``layout``); ``Reader.own``
gives them through the same getters either way.

Every array becomes a ``LazyArray`` into the open file; nothing but attributes, the
audit log and dataset headers is read. Each sample, measurement, result, source and
model is read on its own: a part that is damaged or hostile (see ``safety.py``) is
skipped and named in ``project.warnings`` while the rest of the project opens.

Every object of the file that the project does not hold afterwards (a skipped part,
or one this layout does not know: a link, a group another program added), and every
attribute, field or value whose content was ignored (not valid JSON, the wrong type,
unreadable), is listed in ``Reader.dropped``. The store then opens the project read-only, because a save
writes only what the project holds and would drop those objects from the file.
Attributes another program added under names no format uses are kept on the objects
(``_kept_attrs``) and written back by the next save; ``project.warnings`` says how many.
"""

from __future__ import annotations

from typing import Any

import h5py
import numpy as np

from workbench.messages import Message, Text, TextRecord, as_text, message_problem
from workbench.model import (
    FORMAT_VERSION,
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
from workbench.project.audit import AuditLog
from workbench.project.lazy import FileHandle, LazyArray
from workbench.project.writer import sample_signature, source_signature
from workbench.vocab import FeedstockType

MAX_AUDIT_ENTRIES = 1_000_000  # a log declaring more is not read (a hostile file: 5 million)
_FEEDSTOCKS = {f.value for f in FeedstockType}
ROOT_PARTS = ("samples", "sources", "models", "audit", "settings", "index")
SAMPLE_PARTS = ("measurements", "results")
AUDIT_PARTS = ("time", "user", "action", "detail")


class Reader:
    """Reads one open file into a project, collecting warnings for skipped parts."""

    def __init__(
        self,
        f: h5py.File,
        handle: FileHandle,
        project: Project,
        file_size: int,
        version: int = FORMAT_VERSION,
    ):
        self.f = f
        self.version = version  # 1: own fields in attributes of their own; 2: in one JSON
        self.handle = handle
        self.project = project
        self.file_size = file_size
        self.w = project.warnings
        self.signatures: dict[str, str] = {}  # samples read without any warning
        self.dropped: list[str] = []  # objects of the file the project does not hold
        self.unreadable: list[str] = []  # links whose names are not UTF-8 (not followed)
        self.n_kept = 0  # attributes another program added, kept for the next save
        self.kept_note = ""  # the warning that says so (a note, not a problem)

    def own(self, a: S.Attrs, name: str) -> S.Attrs | S.Fields:
        """An object's own fields: the JSON attribute ``name`` (format 2), else the
        object's attributes themselves (format 1)."""
        return S.Fields(a, name) if self.version >= 2 else a

    def info(self, a: S.Attrs, own: S.Attrs | S.Fields, name: str, where: str) -> _Info:
        """The JSON ``info``/``provenance`` fields of an object, in either format."""
        d = own.values if isinstance(own, S.Fields) else a.jsonval(name, {})
        return _Info(d, where, self.w, self.dropped)

    def kept(self, obj: h5py.HLObject, a: S.Attrs, kind: str) -> S.KeptAttrs:
        """The attributes of ``obj`` a project does not use on an object of this kind
        (``safety.OWN_ATTRIBUTES``, as this file's format version uses them), to be
        written back on save."""
        kind = S.own_kind(kind, self.version)
        kept = S.foreign_attrs(obj, list(a.values), self.w, self.dropped, kind)
        self.n_kept += len(kept)
        return kept

    def keep_part(
        self, parts: dict[str, S.KeptAttrs], key: str, obj: h5py.HLObject, kind: str
    ) -> S.Attrs:
        """Keep the foreign attributes of a fixed object of the layout (``/samples``, a
        sample's ``measurements``, an audit dataset) under ``key``; return its attributes."""
        a = S.Attrs(obj, self.w, self.dropped)
        kept = self.kept(obj, a, kind)
        if kept:
            parts[key] = kept
        return a

    def drop(self, where: str, warning: str) -> None:
        """Record an object of the file that the project will not hold, and say so."""
        self.dropped.append(where)
        self.w.append(warning)

    def unread_fields(self, own: S.Attrs | S.Fields) -> None:
        """Name the fields of a format-2 JSON attribute that this version does not read
        (another program's, or a newer version's): a save would drop them, so the project
        is kept read-only, like any other content it could not take in."""
        if not isinstance(own, S.Fields):
            return
        for key in own.unread():
            self.w.append(
                f"{own.where}: field {key!r} of attribute {own.attr!r} is not one this "
                "version reads; it is kept in the file, which opens read-only."
            )
            self.dropped.append(f"{own.where}: field {key!r}")

    def extras(self, group: h5py.Group, known: tuple[str, ...], what: str) -> None:
        """Report the children of ``group`` this layout does not define (links and
        objects added by other programs): never followed, never copied on save."""
        try:
            names = S.child_names(group, self.unreadable)
        except S.Unsafe as exc:
            self.drop(group.name, f"{exc}.")
            return
        finally:
            self._drop_unreadable()
        for name in names:
            if name not in known:
                where = f"{group.name.rstrip('/')}/{name}"
                self.drop(
                    where,
                    f"{where}: {S.describe_link(group, name)} in {what} is not part of a project; it was left out.",
                )

    # -- top level ---------------------------------------------------------------
    def read(self) -> None:
        p, f, w = self.project, self.f, self.w
        a = S.Attrs(f, w, self.dropped)
        p.created = a.text("created", p.created)
        p.modified = a.text("modified", p.created)
        p.written_by = a.text("app_version", "")
        p._kept_attrs = self.kept(f, a, "root")
        self.extras(f, ROOT_PARTS, "the file's top level")
        self.read_index_attrs()
        for name, fn in (
            ("samples", self.read_samples),
            ("sources", self.read_sources),
            ("models", self.read_models),
        ):
            try:
                group = S.child_group(f, name) if name in f else None
            except S.Unsafe as exc:
                self.drop(f"/{name}", f"All {name} were skipped: {exc}.")
                continue
            if group is not None:
                fn(group, self.keep_part(p._kept_parts, name, group, "group"))
        self.read_audit()
        self.read_settings()
        if self.n_kept:
            many = self.n_kept > 1
            self.kept_note = (
                f"{self.n_kept} attribute{'s' if many else ''} written by another program "
                f"{'are' if many else 'is'} kept as {'they are' if many else 'it is'}."
            )
            self.w.append(self.kept_note)

    def read_index_attrs(self) -> None:
        """The index dataset is written anew by each save; keep what others added to it."""
        try:
            obj = S.child(self.f, "index") if "index" in self.f else None
        except S.Unsafe:
            return  # said by ``extras`` and the index check
        if isinstance(obj, h5py.Dataset):
            self.keep_part(self.project._kept_parts, "index", obj, "index")

    def read_samples(self, group: h5py.Group, a: S.Attrs) -> None:
        for sid in self._names(group, a):
            n_warnings = len(self.w)
            try:
                sample = self.read_sample(S.child_group(group, sid))
            except S.Unsafe as exc:
                self.drop(f"{group.name}/{sid}", f"Sample {sid} was skipped: {exc}.")
                continue
            self.project.samples[sample.id] = sample
            if len(self.w) == n_warnings:
                sig = sample_signature(sample)
                if sig is not None:
                    self.signatures[sid] = sig

    def read_sources(self, group: h5py.Group, a: S.Attrs) -> None:
        for sha in self._names(group, a):
            n_warnings = len(self.w)
            try:
                source = self.read_source(S.child(group, sha))
            except S.Unsafe as exc:
                self.drop(f"{group.name}/{sha}", f"Stored source file {sha} was skipped: {exc}.")
                continue
            self.project.sources[source.sha256] = source
            sig = source_signature(source)
            if len(self.w) == n_warnings and sig is not None:
                self.signatures[f"sources/{sha}"] = sig
        if list(self.project.sources) == a.quiet().jsonval("order", []):
            self.signatures["sources/order"] = L.dumps(list(self.project.sources))

    def read_models(self, group: h5py.Group, a: S.Attrs) -> None:
        for mid in self._names(group, a):
            try:
                model = self.read_model(S.child_group(group, mid))
            except S.Unsafe as exc:
                self.drop(f"{group.name}/{mid}", f"Model {mid} was skipped: {exc}.")
                continue
            self.project.models[model.id] = model

    def _names(self, group: h5py.Group, a: S.Attrs | None = None) -> list[str]:
        try:
            return S.ordered_names(group, self.w, self.unreadable, a)
        except S.Unsafe as exc:
            self.drop(group.name, f"{exc}.")
            return []
        finally:
            self._drop_unreadable()

    def _drop_unreadable(self) -> None:
        for where in self.unreadable:
            self.drop(where, f"{where}: a link whose name is not UTF-8 text; it was left out.")
        self.unreadable.clear()

    # -- parts -------------------------------------------------------------------
    def read_sample(self, g: h5py.Group) -> Sample:
        w = self.w
        a = S.Attrs(g, w, self.dropped)
        own = self.own(a, "info")
        sid = g.name.rsplit("/", 1)[-1]
        ftype = own.text("feedstock_type", FeedstockType.OTHER.value)
        if ftype not in _FEEDSTOCKS:
            w.append(f"Sample {sid}: unknown feedstock type {ftype!r} was read as 'other'.")
            self.dropped.append(f"{g.name}: feedstock type {ftype!r}")
            ftype = FeedstockType.OTHER.value
        sample = Sample(
            id=sid,
            name=own.text("name", sid),
            feedstock_type=ftype,
            supplier=own.text("supplier"),
            origin=own.text("origin"),
            date_received=own.text("date_received"),
            notes=own.text("notes"),
            metadata=_str_dict(own.jsonval("metadata", {})),
            labels=_str_dict(own.jsonval("labels", {})),
        )
        sample._kept_attrs = self.kept(g, a, "sample")
        self.unread_fields(own)
        self.extras(g, SAMPLE_PARTS, f"sample {sid}")
        for sub, fn, target in (
            ("measurements", self.read_measurement, sample.measurements),
            ("results", self.read_result, sample.results),
        ):
            if sub not in g:
                continue
            coll = S.child_group(g, sub)
            ca = self.keep_part(sample._kept_parts, sub, coll, "group")
            for item_id in self._names(coll, ca):
                try:
                    target[item_id] = fn(S.child_group(coll, item_id))
                except S.Unsafe as exc:
                    self.drop(
                        f"{coll.name}/{item_id}",
                        f"Sample {sid}: {sub[:-1]} {item_id} was skipped: {exc}.",
                    )
        return sample

    def read_measurement(self, g: h5py.Group) -> Measurement:
        a = S.Attrs(g, self.w, self.dropped)
        own = self.own(a, "info")
        info = self.info(a, own, "info", g.name)
        columns = self.read_columns(g, info.list("columns", str_only=False))
        if a.text("NX_class") == "NXdata":
            signal = L.decode_name(a.text("signal")) or None
            axes = [L.decode_name(x) for x in a.names("axes") if x != L.NO_AXIS]
            if isinstance(own, S.Fields):  # a table's own signal and axes, if any, are
                own.taken("signal", "axes")  # superseded and written back from these
        else:
            signal = info.text("signal") or None
            axes = info.list("axes")
        lengths = {c.shape[0] for c in columns.values()}
        if len(lengths) > 1:  # kept (never drop data), but said: plots may not line up
            self.w.append(f"{g.name}: its columns have different lengths {sorted(lengths)}.")
        problem = curve_problem(columns, signal, axes)
        if problem:  # every column kept; only not drawn as a curve
            self.w.append(f"{g.name}: {problem}; it is shown as a table of its columns.")
            signal, axes = None, []
        m = Measurement(
            id=g.name.rsplit("/", 1)[-1],
            kind=own.text("kind", "table"),
            columns=columns,
            signal=signal,
            axes=axes,
            quantities=self.read_quantities(own, "quantities"),
            label=info.text("label"),
            method=info.text("method"),
            instrument=info.text("instrument"),
            replicate=info.integer("replicate", 1),
            basis=info.text("basis", "none"),
            source_sha256=info.text("source_sha256"),
            source_name=info.text("source_name"),
            source_format=info.text("source_format"),
            metadata=info.dict("metadata"),
            created=info.text("created"),
            _kept_attrs=self.kept(g, a, "measurement"),
        )
        self.unread_fields(own)
        return m

    def read_result(self, g: h5py.Group) -> Result:
        a = S.Attrs(g, self.w, self.dropped)
        own = self.own(a, "provenance")
        info = self.info(a, own, "provenance", g.name)
        columns = self.read_columns(g, info.list("columns", str_only=False))
        stored = info.list("plots", str_only=False)
        plots = plots_from_file(stored, columns)
        if len(plots) < len(stored):
            self.w.append(
                f"{g.name}: {len(stored) - len(plots)} of its plot entries are not plots of its "
                "columns; they were left out."
            )
            self.dropped.append(f"{g.name}: {len(stored) - len(plots)} of its plot entries")
        r = Result(
            id=g.name.rsplit("/", 1)[-1],
            plugin_id=own.text("plugin_id"),
            plugin_version=own.text("plugin_version"),
            parameters=info.dict("parameters"),
            inputs=info.list("inputs", str_only=False),
            values=self.read_quantities(own, "values"),
            columns=columns,
            plots=plots,
            messages=[message_from_file(m) for m in info.list("messages", str_only=False)],
            label=_label(info, "label"),
            app_version=info.text("app_version"),
            created=info.text("created"),
            _kept_attrs=self.kept(g, a, "result"),
        )
        self.unread_fields(own)
        return r

    def read_quantities(self, a: S.Attrs | S.Fields, name: str) -> dict[str, Quantity]:
        out: dict[str, Quantity] = {}
        for key, q in a.jsonval(name, {}).items():
            try:
                out[str(key)] = Quantity.from_json(q)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                self.w.append(
                    f"{a.where}: value {key!r} was skipped (not a valid quantity: {exc})."
                )
                self.dropped.append(f"{a.where}: value {key!r}")
        return out

    def read_columns(self, g: h5py.Group, index: list[Any]) -> dict[str, Column]:
        """Columns in the order of the ``columns`` index (name, unit, label) of the group.

        Units and labels come from the index; datasets the index does not describe (a
        file edited by another tool) get theirs from the ``units``/``fw_label`` attributes.
        """
        known: dict[str, tuple[str, Text]] = {}
        for entry in index:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                unit, label = entry.get("unit", ""), entry.get("label", "")
                known[entry["name"]] = (
                    unit if isinstance(unit, str) else "",
                    as_text(label) if isinstance(label, str | dict) else "",
                )
        links = {L.decode_name(n): n for n in S.child_names(g, self.unreadable)}
        self._drop_unreadable()
        names = [c for c in known if c in links]
        names += sorted(c for c in links if c not in known)
        columns: dict[str, Column] = {}
        for name in names:
            obj = S.child(g, links[name])
            if not isinstance(obj, h5py.Dataset):
                self.drop(
                    obj.name, f"{obj.name}: a group where a column was expected; it was left out."
                )
                continue
            lazy = self.lazy(obj, max_ndim=1, allow_text=True)
            if name in known:
                unit, label = known[name]
            else:
                a = S.Attrs(obj, self.w, self.dropped)
                unit, label = a.text("units"), a.text("fw_label")
            columns[name] = Column(name=name, unit=unit, data=lazy, label=label)
        return columns

    def lazy(self, ds: h5py.Dataset, **checks: Any) -> LazyArray:
        shape, dtype = S.check_dataset(ds, self.file_size, **checks)
        return LazyArray(self.handle, ds.name, shape, dtype)

    def read_source(self, obj: h5py.HLObject) -> SourceFile:
        if not isinstance(obj, h5py.Dataset):
            raise S.Unsafe(f"{obj.name} should be a dataset of bytes")
        lazy = self.lazy(obj, max_ndim=1, allow_text=False, kinds="u", as_numbers=False)
        if lazy.dtype != np.uint8:
            raise S.Unsafe(f"{obj.name} has data type {lazy.dtype}; expected bytes (uint8)")
        sha = obj.name.rsplit("/", 1)[-1]
        a = S.Attrs(obj, self.w, self.dropped)
        own = self.own(a, "info")
        stated = a.text("sha256", sha)
        if stated != sha:
            self.w.append(f"{obj.name}: stated SHA-256 {stated} differs from its name.")
        source = SourceFile(
            sha256=sha,
            name=own.text("name", sha),
            size=a.integer("size", lazy.size),
            data=lazy,
            imported=own.text("imported"),
            format=own.text("format"),
            _kept_attrs=self.kept(obj, a, "source"),
        )
        self.unread_fields(own)
        return source

    def read_model(self, g: h5py.Group) -> StoredModel:
        a = S.Attrs(g, self.w, self.dropped)
        own = self.own(a, "info")
        info = self.info(a, own, "info", g.name)
        order = info.list("arrays")
        links = {L.decode_name(n): n for n in S.child_names(g, self.unreadable)}
        self._drop_unreadable()
        arrays: dict[str, Any] = {}
        for name in order + sorted(c for c in links if c not in set(order)):
            if name in links:
                obj = S.child(g, links[name])
                if isinstance(obj, h5py.Dataset):
                    arrays[name] = self.lazy(obj, max_ndim=3, allow_text=True)
                else:
                    self.drop(
                        obj.name,
                        f"{obj.name}: a group where a model array was expected; it was left out.",
                    )
        model = StoredModel(
            id=g.name.rsplit("/", 1)[-1],
            kind=own.text("kind"),
            name=own.text("name"),
            params=info.dict("params"),
            arrays=arrays,
            provenance=info.dict("provenance"),
            created=info.text("created"),
            _kept_attrs=self.kept(g, a, "model"),
        )
        self.unread_fields(own)
        return model

    def read_audit(self) -> None:
        if "audit" not in self.f:
            return
        try:
            g = S.child_group(self.f, "audit")
            self.extras(g, AUDIT_PARTS, "the audit log")
            parts = self.project._kept_parts
            self.keep_part(parts, "audit", g, "audit")
            lengths = set()
            for key in AUDIT_PARTS:
                ds = S.child(g, key)
                if not isinstance(ds, h5py.Dataset):
                    raise S.Unsafe(f"{g.name}/{key} should be a dataset")
                shape, dtype = S.check_dataset(ds, self.file_size, kinds="")
                self.keep_part(parts, f"audit/{key}", ds, "audit")
                if dtype.kind != "U" or shape[0] > MAX_AUDIT_ENTRIES:
                    raise S.Unsafe(f"{ds.name} should be a list of text entries")
                lengths.add(shape[0])
            if len(lengths) != 1:
                raise S.Unsafe("its four columns have different lengths")
        except (S.Unsafe, OSError, RuntimeError, ValueError) as exc:
            self.drop("/audit", f"The audit log could not be read: {exc}.")
            return
        # entries are read only when someone looks at them (``audit.AuditLog``)
        self.project.audit = AuditLog(self.handle, lengths.pop())

    def read_settings(self) -> None:
        if "settings" not in self.f:
            return
        try:
            g = S.child_group(self.f, "settings")
        except S.Unsafe as exc:
            self.drop("/settings", f"Project settings were skipped: {exc}.")
            return
        self.extras(g, (), "the project settings")
        a = self.keep_part(self.project._kept_parts, "settings", g, "settings")
        self.project.settings = a.jsonval("json", {})


def curve_problem(columns: dict[str, Column], signal: str | None, axes: list[str]) -> str:
    """Why the columns cannot be drawn as the curve ``signal`` over ``axes`` ("" when
    they can): a named column missing, text where numbers are plotted, or a signal and
    axes of different lengths (plots, reports and exports all assume those)."""
    if not signal and not axes:
        return ""
    named = ([signal] if signal else []) + list(axes)
    missing = [n for n in named if n not in columns]
    if missing:
        return f"its curve names columns it does not have ({', '.join(map(repr, missing))})"
    text = [n for n in named if columns[n].data.dtype.kind in "USO"]
    if text:
        return f"its curve's column {text[0]!r} holds text, not numbers"
    lengths = {columns[n].shape[0] for n in named}
    if len(lengths) > 1:
        return f"its signal and axes have different lengths {sorted(lengths)}"
    return ""


class _Info:
    """Typed access to the fields of a JSON ``info``/``provenance`` attribute; a field
    of the wrong type is ignored with a warning and named in ``lost`` (a save would
    drop it; see ``safety.Attrs``)."""

    def __init__(self, d: dict[str, Any], where: str, warnings: list[str], lost: list[str]) -> None:
        self.d, self.where, self.w, self.lost = d, where, warnings, lost

    def _get(self, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        v = self.d.get(key)
        if v is None:
            return default
        if isinstance(v, kind) and not isinstance(v, bool):
            return v
        self.w.append(f"{self.where}: field {key!r} has the wrong type; it was ignored.")
        self.lost.append(f"{self.where}: field {key!r}")
        return default

    def text(self, key: str, default: str = "") -> str:
        return self._get(key, str, default)

    def integer(self, key: str, default: int) -> int:
        return self._get(key, int, default)

    def dict(self, key: str) -> dict[str, Any]:
        return self._get(key, dict, {})

    def list(self, key: str, *, str_only: bool = True) -> list[Any]:
        v = self._get(key, list, [])
        return [x for x in v if isinstance(x, str)] if str_only else v


def _str_dict(d: dict[str, Any]) -> dict[str, str]:
    return {str(k): v if isinstance(v, str) else str(v) for k, v in d.items()}


def message_from_file(stored: Any) -> Message:
    """A stored result message: text, or a valid record of texts by language
    (``workbench.messages``); anything else from a damaged file as text."""
    if isinstance(stored, str):
        return stored
    if message_problem(stored) is None:
        return TextRecord(stored)
    return str(stored)


def _label(info: _Info, key: str) -> Text:
    """A label stored as text or as a ``{"en", "fi"}`` record (kept whole, not str()-ed)."""
    stored = info.d.get(key)
    if isinstance(stored, dict) and message_problem(stored) is None:
        return TextRecord(stored)
    return info.text(key)


def plots_from_file(stored: list[Any], columns: dict[str, Column]) -> list[Any]:
    """The stored plot entries that are plots of these columns (what an analysis is
    allowed to write, ``analysis.validate``), with their text records as
    ``TextRecord``; anything else (junk that crashed reports and ``info``) is left out."""
    from workbench.analysis.validate import OutputError, _check_plots

    # the columns must exist; their lengths are not judged here (a stored result whose
    # table columns differ in length still shows what it can)
    lengths = dict.fromkeys(columns, 0)
    out = []
    for entry in stored:
        try:
            _check_plots([entry], lengths)
        except (OutputError, TypeError, ValueError):
            continue
        out.append(plot_from_file(entry))
    return out


def plot_from_file(stored: Any) -> Any:
    """A stored plot entry with its title and axis-label records as ``TextRecord``."""
    if not isinstance(stored, dict):
        return stored
    out = dict(stored)
    for key in ("title", "x_label", "y_label"):
        if isinstance(out.get(key), dict):
            out[key] = as_text(out[key])
    return out
