"""The in-memory project document: samples, their measurements and derived results.

This is the one model every part of the workbench works on. The HDF5 store
(``workbench.project.store``) reads and writes it; importers add measurements and
source files; analyses add results; the classifier reads quantities; the GUI edits it
through undoable commands that call the mutating methods below. Mutating methods mark
the project dirty and append to the audit log, so every change is recorded.

Arrays may be *lazy*: after opening a file, a column's ``data`` is a reference that
reads the dataset only when ``Column.values()`` is called, so opening a large project
reads structure and metadata only.

Imported measurements are never modified after they are added: corrections are new
derived results. The model enforces this by offering no method that edits a
measurement's data.
"""

from __future__ import annotations

import datetime as _dt
import getpass
import hashlib
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from workbench import __version__
from workbench.errors import UserFacingError
from workbench.value_flags import clean_flags
from workbench.vocab import Basis, FeedstockType

FORMAT_NAME = "fibre-workbench-project"
# 2: an object's own fields in one JSON attribute (1: one attribute each; still read)
FORMAT_VERSION = 2
FIRST_WALKED_VERSION = 1  # older versions are converted by ``project.migrate``
PROJECT_SUFFIX = ".fwproj"


def check_text(value: str, what: str) -> str:
    """Refuse text a project file would silently change: a NUL character (HDF5 ends text
    at it: ``Birch\\x00chips`` was stored as ``Birch``)."""
    if "\x00" in value:
        shown = value.replace("\x00", "\\x00")
        raise UserFacingError(
            f"{what} '{shown[:80]}' contains a NUL character (\\x00), which a project "
            "cannot keep; remove it and try again."
        )
    return value


def now_iso() -> str:
    """Current UTC time as ISO 8601 with seconds and a Z suffix."""
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id(prefix: str) -> str:
    """A short random identifier such as ``s-3f9a1c2b7d4e`` (also a valid HDF5 name)."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@lru_cache(maxsize=1)
def os_user() -> str:
    """The operating-system user recorded in the audit log (looked up once per run:
    every import, analysis and edit writes an entry)."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in some containers and services
        return "unknown"


@runtime_checkable
class ArrayLike(Protocol):
    """A numpy array or a lazy reference that loads one on demand."""

    @property
    def shape(self) -> tuple[int, ...]: ...

    @property
    def dtype(self) -> np.dtype: ...

    def __array__(self, dtype=None, copy=None) -> np.ndarray: ...


@dataclass
class Column:
    """A named 1-D array with its unit (an axis, a signal or an auxiliary column)."""

    name: str
    unit: str
    data: ArrayLike
    label: str = ""  # human-readable name ("Temperature", "Mass")

    def values(self) -> np.ndarray:
        """The data as a numpy array (reads it from the file if it is lazy)."""
        return np.asarray(self.data)

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.data.shape)


class Flag(dict):
    """One warning on a value (``Quantity.flags``): a dict that cannot be changed.

    A value is never changed in place (``Quantity``), and that includes its warnings: the
    classifier keeps what it read from a value for the next classification."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a value's flags cannot be changed; make a new Quantity instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __reduce__(self) -> tuple:
        return (Flag, (dict(self),))

    def __copy__(self) -> Flag:
        return self

    def __deepcopy__(self, memo: dict) -> Flag:
        return self


@dataclass(slots=True, frozen=True)
class Quantity:
    """A single value with its unit, basis and how it was obtained.

    ``origin`` says whether the value was measured, derived by a plugin, predicted by
    a model, or typed in; ``method`` names the standard or method ("ISO 18122",
    "ASTM E1131 (TGA)"). ``sd`` and ``n`` describe replicate spread when known;
    ``uncertainty`` is a stated expanded uncertainty in the same unit. ``flags`` are
    warnings on the value (a prediction outside its calibration range, physically
    impossible, from a spectrum unlike the calibration set): ``workbench.value_flags``.

    Immutable (replicates and flags become tuples, each flag a ``Flag``): a value is
    replaced, never changed in place (``dataclasses.replace``). Whoever holds a value
    can rely on it: the classifier keeps the columns it read from a project's values
    for the next classification and checks only that the values are the same objects
    (``workbench.classify.blockcache.BlockCache``).
    """

    value: float
    unit: str
    basis: str = Basis.NONE.value
    sd: float | None = None
    n: int | None = None
    method: str = ""
    origin: str = "measured"  # measured | derived | predicted | typed
    uncertainty: float | None = None
    replicates: tuple[float, ...] = ()
    flags: tuple[Flag, ...] = ()

    def __post_init__(self) -> None:
        if type(self.replicates) is not tuple:
            object.__setattr__(self, "replicates", tuple(self.replicates))
        flags = self.flags
        if flags or type(flags) is not tuple:  # an empty tuple (the usual case) is kept
            object.__setattr__(
                self, "flags", tuple(f if type(f) is Flag else Flag(f) for f in flags)
            )

    def __copy__(self) -> Quantity:
        return self  # immutable: a copy is the value itself

    def __deepcopy__(self, memo: dict) -> Quantity:
        return self

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"value": self.value, "unit": self.unit, "basis": self.basis}
        for key in ("sd", "n", "uncertainty"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        if self.method:
            d["method"] = self.method
        d["origin"] = self.origin
        if self.replicates:
            d["replicates"] = list(self.replicates)
        if self.flags:
            d["flags"] = [dict(f) for f in self.flags]
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Quantity:
        reps, flags = d.get("replicates"), d.get("flags")
        return cls(
            value=float(d["value"]),
            unit=str(d.get("unit", "")),
            basis=str(d.get("basis", Basis.NONE.value)),
            sd=None if d.get("sd") is None else float(d["sd"]),
            n=None if d.get("n") is None else int(d["n"]),
            method=str(d.get("method", "")),
            origin=str(d.get("origin", "measured")),
            uncertainty=None if d.get("uncertainty") is None else float(d["uncertainty"]),
            replicates=tuple(map(float, reps)) if reps else (),
            flags=tuple(map(Flag, clean_flags(flags))) if flags else (),
        )


@dataclass
class Measurement:
    """One imported (or typed-in) measurement of a sample. Never modified once added.

    A curve or spectrum has ``columns`` with one ``signal`` and its ``axes`` (stored as
    NeXus NXdata); a table (per-particle list, weighings) has columns and no signal;
    scalar results read from the file (a moisture analyser's end result) are
    ``quantities``. ``metadata`` holds JSON-serialisable facts the file stated (sample
    mass, heating programme, gas switches, operator).
    """

    id: str
    kind: str
    columns: dict[str, Column] = field(default_factory=dict)
    signal: str | None = None
    axes: list[str] = field(default_factory=list)
    quantities: dict[str, Quantity] = field(default_factory=dict)
    label: str = ""
    method: str = ""
    instrument: str = ""
    replicate: int = 1
    basis: str = Basis.NONE.value
    source_sha256: str = ""
    source_name: str = ""
    source_format: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=now_iso)
    # attributes another program added to its object in the file, written back on
    # save as they were (``project.safety.foreign_attrs``); never shown
    _kept_attrs: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_points(self) -> int:
        """Points of a curve or spectrum, rows of a table, particles of a particle list."""
        if self.signal and self.signal in self.columns:
            return int(self.columns[self.signal].shape[0])
        if self.columns:
            return int(next(iter(self.columns.values())).shape[0])
        return 0

    @property
    def is_curve(self) -> bool:
        return bool(self.signal and self.axes)


@dataclass
class Result:
    """A derived result of a plugin run, with full provenance.

    ``inputs`` lists what the run consumed, each ``{"type": "measurement"|"result",
    "id": ..., "sample": ...}``; ``values`` are the scalar outputs by property id;
    ``columns`` hold curves and tables (a DTG curve, a length distribution) with
    ``plots`` describing how to draw them (``{"x": col, "y": [cols], "title": ...}``).
    ``messages`` are flags and warnings the analysis raised for the user: plain
    strings, or ``{"en": ..., "fi": ...}`` records of one message in several languages
    (``workbench.messages`` picks the text for a language).
    """

    id: str
    plugin_id: str
    plugin_version: str
    parameters: dict[str, Any] = field(default_factory=dict)
    inputs: list[dict[str, Any]] = field(default_factory=list)
    values: dict[str, Quantity] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)
    plots: list[dict[str, Any]] = field(default_factory=list)
    messages: list[str | dict[str, str]] = field(default_factory=list)
    label: str = ""
    app_version: str = __version__
    created: str = field(default_factory=now_iso)
    # attributes another program added to its object in the file, written back on
    # save as they were (``project.safety.foreign_attrs``); never shown
    _kept_attrs: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class Sample:
    """A physical sample: identity, origin metadata, measurements and results."""

    id: str
    name: str
    feedstock_type: str = FeedstockType.OTHER.value
    supplier: str = ""
    origin: str = ""
    date_received: str = ""
    notes: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # for learned models
    measurements: dict[str, Measurement] = field(default_factory=dict)
    results: dict[str, Result] = field(default_factory=dict)
    # see Measurement._kept_attrs
    _kept_attrs: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # the same for its "measurements" and "results" groups, by group name
    _kept_parts: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __setattr__(self, attr: str, value: Any) -> None:
        if attr == "name" and "name" in self.__dict__:
            _RENAMES[0] += 1  # a rename: every project's name index is out of date
        object.__setattr__(self, attr, value)


_RENAMES = [0]  # renames of samples so far, in this process (see Project.find_sample)


class SampleDict(dict):
    """``Project.samples``: a dict that counts its changes, so the project's index of
    sample names knows when it is out of date, however the dict was changed."""

    __slots__ = ("changes",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.changes = 0

    def __setitem__(self, key: str, value: Sample) -> None:
        super().__setitem__(key, value)
        self.changes += 1

    def __delitem__(self, key: str) -> None:
        super().__delitem__(key)
        self.changes += 1

    def pop(self, *args: Any) -> Any:
        self.changes += 1
        return super().pop(*args)

    def popitem(self) -> Any:
        self.changes += 1
        return super().popitem()

    def clear(self) -> None:
        self.changes += 1
        super().clear()

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.changes += 1
        super().update(*args, **kwargs)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self.changes += 1
        return super().setdefault(key, default)

    def __ior__(self, other: Any) -> SampleDict:
        self.changes += 1
        return super().__ior__(other)


EDITABLE_SAMPLE_FIELDS = ("name", "feedstock_type", "supplier", "origin", "date_received", "notes")


@dataclass
class SourceFile:
    """The original bytes of an imported file, stored once and keyed by SHA-256."""

    sha256: str
    name: str  # base name only: projects stay portable
    size: int
    data: ArrayLike  # uint8 bytes, possibly lazy
    imported: str = field(default_factory=now_iso)
    format: str = ""
    # see Measurement._kept_attrs
    _kept_attrs: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def read_bytes(self) -> bytes:
        return np.asarray(self.data, dtype=np.uint8).tobytes()


@dataclass
class StoredModel:
    """A learned model (PLS calibration, classifier) kept as arrays and JSON, no pickle."""

    id: str
    kind: str
    name: str
    params: dict[str, Any] = field(default_factory=dict)
    arrays: dict[str, ArrayLike] = field(default_factory=dict)
    provenance: dict[str, Any] = field(default_factory=dict)
    created: str = field(default_factory=now_iso)
    # attributes another program added to its object in the file, written back on
    # save as they were (``project.safety.foreign_attrs``); never shown
    _kept_attrs: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass
class AuditEntry:
    time: str
    user: str
    action: str
    detail: str


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """A sample name as compared: case and runs of white space do not matter.
    (Cached: an import of many files compares each name with every sample.)"""
    return " ".join(name.split()).casefold()


# ``Project.read_only_reason`` of a project opened read-only because the caller asked
# (``open_project(read_only=True)``), not because of the file or another instance
READ_ONLY_ON_REQUEST = "Opened read-only."


class Project:
    """A project document. Use ``workbench.project.store`` to open and save it."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.read_only = False
        self.read_only_reason = ""
        self.format_version = FORMAT_VERSION
        self.created = now_iso()
        self.modified = self.created
        self.written_by = __version__
        self.samples = SampleDict()
        self.sources: dict[str, SourceFile] = {}
        self.models: dict[str, StoredModel] = {}
        self.settings: dict[str, Any] = {}  # JSON-serialisable project settings
        self.audit: list[AuditEntry] = []
        self.dirty = False
        self.warnings: list[str] = []  # parts skipped on open, named for the user
        self._kept_attrs: dict[str, Any] = {}  # see Measurement._kept_attrs (the file's root)
        # the same for the fixed objects of the layout ("samples", "audit/time", "index")
        self._kept_parts: dict[str, Any] = {}

    @property
    def samples(self) -> SampleDict:
        """The samples by id (a plain dict assigned here is wrapped)."""
        return self._samples

    @samples.setter
    def samples(self, value: dict[str, Sample]) -> None:
        self._samples = value if isinstance(value, SampleDict) else SampleDict(value)
        self._name_index: dict[str, str] | None = None

    # -- audit -----------------------------------------------------------------
    @property
    def held_read_only_reason(self) -> str:
        """Why the file itself is read-only (another instance holds it, its version or
        content is damaged), or "" when it is read-only only because it was asked to be."""
        if not self.read_only or self.read_only_reason == READ_ONLY_ON_REQUEST:
            return ""
        return self.read_only_reason

    def log(self, action: str, detail: str = "") -> None:
        """Append to the audit log and mark the project changed."""
        self.audit.append(AuditEntry(now_iso(), os_user(), action, detail))
        self.dirty = True

    # -- samples ---------------------------------------------------------------
    def add_sample(self, name: str, **fields: Any) -> Sample:
        check_text(name, "a sample name")
        for key, value in fields.items():
            if isinstance(value, str):
                check_text(value, f"the sample field {key!r}")
        sample = Sample(id=fields.pop("id", None) or new_id("s"), name=name, **fields)
        self.insert_sample(sample)
        return sample

    def insert_sample(self, sample: Sample) -> None:
        """Add an existing Sample object (used by undo to restore a deleted sample)."""
        if sample.id in self.samples:
            raise ValueError(f"sample id {sample.id} already exists")
        current = self._name_index is not None and self._name_stamp == (
            self.samples.changes,
            _RENAMES[0],
        )
        self.samples[sample.id] = sample
        if current:  # keep the index instead of rebuilding it for every new sample
            self._name_index.setdefault(name_key(sample.name), sample.id)
            self._name_stamp = (self.samples.changes, _RENAMES[0])
        self.log("add sample", f"{sample.id} {sample.name!r}")

    def remove_sample(self, sample_id: str) -> Sample:
        sample = self.samples.pop(sample_id)
        self.log("delete sample", f"{sample.id} {sample.name!r}")
        return sample

    def set_sample_field(self, sample_id: str, fieldname: str, value: str) -> str:
        """Set an editable field; returns the old value (for undo)."""
        if fieldname not in EDITABLE_SAMPLE_FIELDS:
            raise ValueError(f"{fieldname!r} is not an editable sample field")
        check_text(value, f"the sample field {fieldname!r}")
        sample = self.samples[sample_id]
        old = getattr(sample, fieldname)
        if fieldname == "feedstock_type":
            value = FeedstockType(value).value
        setattr(sample, fieldname, value)
        self.log("edit sample", f"{sample_id} {fieldname}: {old!r} -> {value!r}")
        return old

    def set_sample_metadata(self, sample_id: str, key: str, value: str | None) -> str | None:
        """Set (or with ``None`` remove) a free key-value entry; returns the old value."""
        check_text(key, "a metadata key")
        if value is not None:
            check_text(str(value), f"the metadata {key!r}")
        meta = self.samples[sample_id].metadata
        old = meta.get(key)
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = str(value)
        self.log("edit metadata", f"{sample_id} {key}: {old!r} -> {value!r}")
        return old

    def set_sample_label(self, sample_id: str, key: str, value: str | None) -> str | None:
        """Set (or with ``None`` remove) a training label; returns the old value (for undo).

        Labels are what learned models are trained on: a feedstock type, or an observed
        route outcome from a pilot trial (key ``route:<route id>``).
        """
        check_text(key, "a label key")
        if value is not None:
            check_text(str(value), f"the label {key!r}")
        labels = self.samples[sample_id].labels
        old = labels.get(key)
        if value is None:
            labels.pop(key, None)
        else:
            labels[key] = str(value)
        self.log("edit label", f"{sample_id} {key}: {old!r} -> {value!r}")
        return old

    def find_sample(self, name: str) -> Sample | None:
        """The sample with this name (case- and space-insensitive), or None; the first
        of several with the same name.

        Looked up in an index of the names, rebuilt when the samples or any sample's
        name changed since it was built (``SampleDict``, ``Sample.__setattr__``): an
        import of n files asks this n times, which was n * n / 2 name comparisons."""
        sid = self._names().get(name_key(name))
        return None if sid is None else self.samples[sid]

    def _names(self) -> dict[str, str]:
        stamp = (self.samples.changes, _RENAMES[0])
        if self._name_index is None or self._name_stamp != stamp:
            index: dict[str, str] = {}
            for sid, sample in self.samples.items():
                index.setdefault(name_key(sample.name), sid)
            self._name_index, self._name_stamp = index, stamp
        return self._name_index

    # -- measurements, results, sources ---------------------------------------
    def add_measurement(self, sample_id: str, measurement: Measurement) -> None:
        sample = self.samples[sample_id]
        if measurement.id in sample.measurements:
            raise ValueError(f"measurement id {measurement.id} already exists")
        sample.measurements[measurement.id] = measurement
        self.log("add measurement", f"{sample_id}/{measurement.id} {measurement.kind}")

    def remove_measurement(self, sample_id: str, measurement_id: str) -> Measurement:
        m = self.samples[sample_id].measurements.pop(measurement_id)
        self.log("delete measurement", f"{sample_id}/{measurement_id} {m.kind}")
        return m

    def add_result(self, sample_id: str, result: Result) -> None:
        sample = self.samples[sample_id]
        sample.results[result.id] = result
        self.log(
            "add result", f"{sample_id}/{result.id} {result.plugin_id} {result.plugin_version}"
        )

    def remove_result(self, sample_id: str, result_id: str) -> Result:
        r = self.samples[sample_id].results.pop(result_id)
        self.log("delete result", f"{sample_id}/{result_id} {r.plugin_id}")
        return r

    def add_source(
        self,
        raw: bytes,
        name: str,
        fmt: str = "",
        *,
        sha256: str | None = None,
    ) -> tuple[str, bool]:
        """Store a file's original bytes once; returns (sha256, newly_added).

        ``sha256`` may be given when the caller has just computed it from ``raw``."""
        from workbench.project.heldbytes import hold

        sha = sha256 or hashlib.sha256(raw).hexdigest()
        if sha in self.sources:
            return sha, False
        self.sources[sha] = SourceFile(
            sha256=sha,
            name=Path(name).name,
            size=len(raw),
            # read-only, held deflated until saved (workbench.project.heldbytes)
            data=hold(raw),
            format=fmt,
        )
        self.log("store source", f"{sha} {Path(name).name!r} ({len(raw)} bytes)")
        return sha, True

    def remove_source(self, sha256: str) -> SourceFile:
        """Forget a stored file (undo of an import); refused while a measurement uses it."""
        users = self.measurements_from_source(sha256)
        if users:
            raise ValueError(f"source {sha256[:12]} is used by {len(users)} measurement(s)")
        source = self.sources.pop(sha256)
        self.log("remove source", f"{sha256} {source.name!r}")
        return source

    def insert_source(self, source: SourceFile) -> None:
        """Store an existing SourceFile object again (redo of an undone import)."""
        if source.sha256 not in self.sources:
            self.sources[source.sha256] = source
            self.log("store source", f"{source.sha256} {source.name!r} ({source.size} bytes)")

    def add_model(self, model: StoredModel) -> None:
        self.models[model.id] = model
        self.log("add model", f"{model.id} {model.kind} {model.name!r}")

    # -- iteration helpers -----------------------------------------------------
    def iter_measurements(self) -> Iterator[tuple[Sample, Measurement]]:
        for sample in self.samples.values():
            for m in sample.measurements.values():
                yield sample, m

    def measurements_from_source(self, sha256: str) -> list[tuple[Sample, Measurement]]:
        return [(s, m) for s, m in self.iter_measurements() if m.source_sha256 == sha256]
