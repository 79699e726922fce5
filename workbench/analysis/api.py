"""The data a plugin function receives and returns (plugin API version ``API_VERSION``).

A plugin's analysis is a plain function::

    def run(inputs: AnalysisInputs, params: dict, progress: Progress) -> AnalysisOutput

``inputs`` gives read-only views of the sample(s) and their selected measurements
(column arrays load lazily through ``Column.values()``) and the sample's earlier
results; ``params`` holds the validated parameters (defaults filled in, types coerced);
``progress`` is the core progress/cancel object (call ``progress.update``/``check``).
The function returns an ``AnalysisOutput``; the runner validates it before anything
is written to the project. The function must not modify its inputs.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workbench.messages import Message, Text, TextRecord, bilingual
from workbench.model import Column, Measurement, Quantity, Result, Sample, StoredModel

API_VERSION = "1.0"
"""The plugin API version this application provides (major.minor).

A manifest's ``api_version`` must have the same major number and a minor number not
greater than this one."""


class _ReadOnlyArray:
    """Wraps an array (or lazy array) so that plugins get non-writeable numpy views."""

    def __init__(self, data: Any) -> None:
        self._data = data

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self._data.shape)

    @property
    def dtype(self) -> np.dtype:
        return self._data.dtype

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        arr = np.asarray(self._data)
        if dtype is not None:
            arr = arr.astype(dtype)
        view = arr.view()
        view.flags.writeable = False
        return view


def read_only_measurement(m: Measurement) -> Measurement:
    """A shallow copy of a measurement whose arrays are read-only and dicts are copies."""
    out = copy.copy(m)
    out.columns = {
        name: Column(c.name, c.unit, _ReadOnlyArray(c.data), c.label)
        for name, c in m.columns.items()
    }
    out.axes = list(m.axes)
    out.quantities = dict(m.quantities)  # values are immutable: shared, not copied
    out.metadata = copy.deepcopy(m.metadata)
    return out


def read_only_result(r: Result) -> Result:
    """A shallow copy of a result with read-only arrays, its own dicts of (immutable,
    shared) values, and copies of its other contents."""
    out = copy.copy(r)
    out.columns = {
        name: Column(c.name, c.unit, _ReadOnlyArray(c.data), c.label)
        for name, c in r.columns.items()
    }
    out.values = dict(r.values)
    out.parameters = copy.deepcopy(r.parameters)
    out.inputs = copy.deepcopy(r.inputs)
    out.plots = copy.deepcopy(r.plots)
    out.messages = copy.deepcopy(r.messages)
    return out


def read_only_model(m: StoredModel) -> StoredModel:
    """A shallow copy of a stored model with read-only arrays and copied JSON parts."""
    out = copy.copy(m)
    out.arrays = {k: _ReadOnlyArray(a) for k, a in m.arrays.items()}
    out.params = copy.deepcopy(m.params)
    out.provenance = copy.deepcopy(m.provenance)
    return out


def in_vocabulary_unit(prop: str, q: Quantity) -> Quantity:
    """``q`` expressed in the vocabulary unit of ``prop`` (a lab value is stored in the
    unit the lab gave; an analysis computes in the vocabulary's unit): a new value, or
    ``q`` itself when its unit is already the vocabulary's."""
    from workbench.units import unit_factor
    from workbench.vocab import PROPERTIES

    pdef = PROPERTIES.get(prop)
    if pdef is None or q.unit == pdef.unit:
        return q
    f = unit_factor(q.unit, pdef.unit)
    if f is None or f == 1.0:
        return q
    return dataclasses.replace(
        q,
        value=q.value * f,
        sd=None if q.sd is None else q.sd * f,
        uncertainty=None if q.uncertainty is None else q.uncertainty * f,
        replicates=tuple(r * f for r in q.replicates),
        unit=pdef.unit,
    )


@dataclass
class QuantitySource:
    """Where a quantity found by ``SampleInputs.find_quantity`` came from."""

    type: str  # "measurement" | "result"
    id: str
    plugin_id: str = ""


@dataclass
class SampleInputs:
    """One sample as a plugin sees it.

    ``measurements`` are the sample's measurements of the kinds the plugin consumes (or
    the ones the user selected), oldest first. ``results`` are all earlier results of
    the sample, oldest first. ``used`` records which results ``find_quantity`` handed
    out, so the runner can list them in the new result's provenance.
    """

    sample_id: str
    name: str
    feedstock_type: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    measurements: list[Measurement] = field(default_factory=list)
    all_measurements: list[Measurement] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    used: list[QuantitySource] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[Measurement]:
        """The selected measurements of the given kinds."""
        return [m for m in self.measurements if m.kind in kinds]

    def quantities(self, prop: str) -> list[tuple[Quantity, QuantitySource]]:
        """Every value of ``prop`` known for the sample, newest last.

        Measured quantities (from any measurement of the sample) come first, then
        values of earlier results; within each group oldest first.
        """
        found: list[tuple[Quantity, QuantitySource]] = []
        for m in self.all_measurements:
            if prop in m.quantities:
                found.append((m.quantities[prop], QuantitySource("measurement", m.id)))
        for r in self.results:
            if prop in r.values:
                found.append((r.values[prop], QuantitySource("result", r.id, r.plugin_id)))
        return found

    def find_quantity(
        self, prop: str, *, basis: str | None = None, prefer: Iterable[str] = ()
    ) -> Quantity | None:
        """The newest value of ``prop`` (optionally on ``basis``), recorded as used.

        ``prefer`` lists plugin ids whose results win over other sources (in order).
        Returns the value (values are immutable) in the vocabulary unit, or ``None``
        when the sample has no such value.
        """
        cands = [(q, s) for q, s in self.quantities(prop) if basis is None or q.basis == basis]
        if not cands:
            return None
        chosen = cands[-1]
        for pid in prefer:
            preferred = [(q, s) for q, s in cands if s.plugin_id == pid]
            if preferred:
                chosen = preferred[-1]
                break
        q, src = chosen
        if src not in self.used:
            self.used.append(src)
        return in_vocabulary_unit(prop, q)


@dataclass
class AnalysisInputs:
    """Everything a plugin run gets: the sample(s), stored models, and the run scope.

    A ``scope = "sample"`` plugin gets exactly one sample (``inputs.sample``); a
    ``scope = "project"`` plugin gets every selected sample in ``inputs.samples``.
    ``models`` maps stored-model ids to read-only copies of the project's models;
    ``settings`` is a copy of the project's settings (named pipelines live there).
    """

    samples: list[SampleInputs]
    models: Mapping[str, StoredModel] = field(default_factory=dict)
    plugin_id: str = ""
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def sample(self) -> SampleInputs:
        """The single sample of a per-sample run."""
        if len(self.samples) != 1:
            raise ValueError(f"this run has {len(self.samples)} samples, not one")
        return self.samples[0]


@dataclass
class AnalysisOutput:
    """What a plugin returns; validated by the runner before it becomes a ``Result``.

    * ``values``: property id -> ``Quantity`` (finite value, unit and basis as declared
      in the manifest's ``produces``).
    * ``columns``: column name -> ``Column`` with a 1-D finite numeric array and unit
      (a DTG curve, a distribution table).
    * ``plots``: how to draw columns: ``{"x": col, "y": [cols], "title": str,
      "kind": "line"|"bar"|"scatter", "x_label": str, "y_label": str}``; a table is
      ``{"kind": "table", "columns": [cols], "title": str}``. All columns of one plot
      or table must have the same length. ``title``, ``x_label`` and ``y_label`` are
      texts like messages: a string, or ``{"en": ..., "fi": ...}`` (``bilingual``).
    * ``messages``: notes and flags for the user. Each is either a plain string
      (shown as is in every language) or a record of texts by language code,
      ``{"en": "...", "fi": "..."}`` (English required; shown in the user's language,
      English when the record lacks it). Add records with ``note(en=..., fi=...)``;
      see ``workbench.messages``.
    * ``label``: the result's name in the project tree and the report (a string or a
      ``{"en", "fi"}`` record); empty means the manifest's name in the user's language.
    * ``sample_values`` (project scope only): sample id -> property -> ``Quantity``,
      values that belong to one sample (a prediction, a score).
    * ``models``: new ``StoredModel`` objects to add to the project (no pickle: arrays
      and JSON only).
    """

    values: dict[str, Quantity] = field(default_factory=dict)
    columns: dict[str, Column] = field(default_factory=dict)
    plots: list[dict[str, Any]] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    sample_values: dict[str, dict[str, Quantity]] = field(default_factory=dict)
    models: list[StoredModel] = field(default_factory=list)
    label: Text = ""

    def add_column(self, name: str, unit: str, data: Any, label: Text = "") -> None:
        """Convenience: add a 1-D column from any array-like.

        ``label`` is a string or a ``{"en": ..., "fi": ...}`` record (``bilingual``),
        shown in the user's language in table headers, legends and axis titles.
        """
        if isinstance(label, dict):
            label = TextRecord(label)
        self.columns[name] = Column(name, unit, np.asarray(data, dtype=float), label or name)

    def note(self, en: str, fi: str | None = None) -> None:
        """Add a message for the user: English, and its Finnish translation when given.

        ``out.note(en="Only one ash replicate.", fi="Vain yksi tuhkan rinnakkaismääritys.")``
        stores ``{"en": ..., "fi": ...}``; the GUI and reports show the text of the
        user's language. Without ``fi`` the English sentence is stored as a plain
        string (shown as is), as ``messages.append(en)`` always did.
        """
        self.messages.append(bilingual(en, fi) if fi else en)


def sample_inputs(
    sample: Sample, kinds: Iterable[str], measurement_ids: Iterable[str] = ()
) -> SampleInputs:
    """Build the read-only view of ``sample`` for a plugin consuming ``kinds``.

    With ``measurement_ids`` only those measurements are selected; otherwise every
    measurement of a consumed kind.
    """
    kinds = set(kinds)
    ids = set(measurement_ids)
    ordered = sorted(sample.measurements.values(), key=lambda m: m.created)
    allm = [read_only_measurement(m) for m in ordered]
    if ids:
        selected = [m for m in allm if m.id in ids]
    else:
        selected = [m for m in allm if m.kind in kinds]
    results = [
        read_only_result(r) for r in sorted(sample.results.values(), key=lambda r: r.created)
    ]
    return SampleInputs(
        sample_id=sample.id,
        name=sample.name,
        feedstock_type=sample.feedstock_type,
        metadata=dict(sample.metadata),
        measurements=selected,
        all_measurements=allm,
        results=results,
    )
