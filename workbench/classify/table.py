"""The values of many samples gathered once, as columns the criteria compare (Qt-free).

Every scalar a sample has (a measurement's ``quantities``, a plugin result's ``values``)
is a *candidate* for its property, with its unit, basis, spread, method, origin and the
measurement or result it came from. ``ValueTable`` gathers the candidates of all samples
in one pass and hands each criterion a ``Column``: the winning value of every sample,
converted to the criterion's basis and unit, as numpy arrays (NaN where a sample has no
usable value, with the reason coded), so a criterion is evaluated for all samples at once.

Precedence when a sample has several candidates for a property (README "Which value is
used"):

1. a value whose method the criterion accepts beats one whose method it does not;
2. then by origin: measured = typed (lab values) > derived (computed by a plugin from
   measurements) > predicted (a model, e.g. NIR PLS);
3. then the latest (``created`` time; for equal times the one added last).

A value whose flags say it must not be used as a measured value (a prediction outside
the property's physical bounds, ``workbench.value_flags.usable_as_measured``) ranks
below every other candidate; when it is all a sample has, the column holds no value for
that sample (``Column.err`` = ``NOT_USABLE``), so the criterion is unknown, the route's
missing-data policy applies and the explanation names the value and why it was not used.
This is the one place that policy is applied.

Conversions (each recorded for the explanation, ``explain.py``):

* units by the one unit table (``workbench.units``);
* bases by ISO 16993 (``workbench.basis``), with the sample's winning as-received moisture,
  air-dried (analysis-sample) moisture and dry-basis ash;
* moisture stated without a basis is wet basis (the vocabulary defines moisture so);
  moisture stated on dry basis (u, % of dry mass) becomes wet basis M = 100 u / (100 + u)
  before it is used anywhere (as a value or as a conversion input); moisture on air-dried
  basis is the analysis sample's and is used only as that conversion input;
* a value stored under a basis variant of a property (``net_calorific_value_ar``) is a
  candidate of the property itself on that basis.

A few properties are derived when a sample has no value of its own, from the winning
values of their inputs (origin ``derived``): dry matter = 100 - moisture (wet basis);
volatile solids = 100 - ash (dry basis, % of total solids); C/N = C / N (both dry basis).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter, methodcaller
from typing import Any

import numpy as np

from workbench.basis import BasisError, convert, moisture_wet_basis, needed_inputs
from workbench.classify.texts import Text, msg, pair
from workbench.messages import method_text
from workbench.units import normalise_unit, unit_factor
from workbench.value_flags import usable_as_measured
from workbench.vocab import (
    PROPERTIES,
    SAMPLE_ATTRIBUTES,
    FeedstockType,
    normalise_attribute,
)

ORIGIN_RANK = {"measured": 3, "typed": 3, "derived": 2, "predicted": 1}
TGA_METHOD = msg("row.method_tga")

# why a sample has no usable value in a column (``Column.err``)
OK, MISSING, BAD_UNIT, NO_BASIS, NEEDS_INPUT, NOT_CONVERTIBLE, NOT_USABLE = range(7)
DERIVED_CAND = -2  # ``Column.cand`` of a value derived from other properties

# basis-variant property ids: "<property>_ar" is a candidate of <property> on basis ar
_VARIANT_BASES = {"_ar": "ar", "_db": "db", "_daf": "daf", "_ad": "ad"}
# derived property -> (inputs, basis and unit of the derived value)
DERIVED: dict[str, tuple[tuple[str, ...], str, str]] = {
    "dry_matter": (("moisture",), "ar", "%"),
    "volatile_solids": (("ash",), "db", "%"),
    "c_n_ratio": (("carbon", "nitrogen"), "none", ""),
}
_VALUE, _UNIT, _BASIS, _ORIGIN = (attrgetter(a) for a in ("value", "unit", "basis", "origin"))
_SD, _UNC, _REPS = (attrgetter(a) for a in ("sd", "uncertainty", "replicates"))
_METHOD, _D_METHOD = attrgetter("method"), itemgetter("method")
_NAME, _ID, _FEEDSTOCK_TYPE, _METADATA = (
    attrgetter(a) for a in ("name", "id", "feedstock_type", "metadata")
)
_DICT = attrgetter("__dict__")
_D_VALUE, _D_UNIT, _D_BASIS, _D_ORIGIN, _D_SD, _D_UNC, _D_REPS = (
    itemgetter(a) for a in ("value", "unit", "basis", "origin", "sd", "uncertainty", "replicates")
)
_D_FLAGS = itemgetter("flags")


def _flags_of(q: Any) -> Any:
    return getattr(q, "flags", None)


def _variant(pid: str) -> tuple[str, str] | None:
    for suffix, basis in _VARIANT_BASES.items():
        if pid.endswith(suffix):
            stem = pid[: -len(suffix)]
            if stem in PROPERTIES and PROPERTIES[stem].mass_fraction:
                return stem, basis
    return None


_NORMALISE = str.maketrans("", "", " -_:./()")


def normalise_method(text: str) -> str:
    return text.casefold().translate(_NORMALISE)


@lru_cache(maxsize=4096)
def method_accepted(method: str, accepted: tuple[str, ...]) -> bool:
    """True when ``method`` names one of the accepted methods (case/space-insensitive)."""
    if not accepted:
        return True
    norm = normalise_method(method)
    return bool(norm) and any(normalise_method(a) in norm for a in accepted)


@lru_cache(maxsize=4096)
def method_word(method: str) -> Text:
    """A value's method as stated ("ISO 18122 (550 °C)", "ash at 815 °C (ISO 1171
    style)") with its Finnish wording: standards as written, descriptive words translated
    (``workbench.messages.method_text``)."""
    if isinstance(method, Text):
        return method
    return pair(method, method_text(method, "fi"))


@lru_cache(maxsize=256)
def _plugin_method(plugin_id: str) -> Text:
    return msg("row.method_plugin", plugin=plugin_id)


def owner_method(owner: Any) -> str:
    """The method a measurement or result states for values that state none."""
    if hasattr(owner, "plugin_id"):
        return _plugin_method(owner.plugin_id)
    return getattr(owner, "method", "") or (
        TGA_METHOD if getattr(owner, "kind", "") == "tga" else ""
    )


def _floats(values: list) -> np.ndarray:
    """Numbers (``None`` = NaN) as a float array, quickly when all are ``None``."""
    if values.count(None) == len(values):
        return np.full(len(values), np.nan)
    return np.array([np.nan if v is None else v for v in values], dtype=float)


class Candidates:
    """All candidate values of one property over all samples.

    Parallel per candidate ``k``: ``sample[k]``, ``qs[k]`` (the quantity), ``owners[k]``
    (its measurement or result) and ``seq[k]`` (the order the sample's values were
    added). ``winner[i]`` is the candidate used for sample ``i`` by origin and time (-1:
    none); ``alternatives[i]`` lists the candidates of a sample that has several, best
    first. Per-candidate attributes are arrays built on first use.
    """

    def __init__(
        self,
        n: int,
        sample: np.ndarray,
        qs: list,
        owners: list,
        seq: np.ndarray,
        basis_override: dict[int, str] | None = None,
    ) -> None:
        self.n = n
        self.sample = sample
        self.qs = qs
        self.owners = owners
        self.seq = seq
        self.basis_override = basis_override or {}
        self.winner = np.full(n, -1, dtype=np.intp)
        self.alternatives: dict[int, list[int]] = {}
        self._attrs: dict[str, Any] | None = None
        self._methods: list[str] | None = None
        self._method_codes: tuple[np.ndarray, list[str]] | None = None
        self._rank()

    def __len__(self) -> int:
        return len(self.qs)

    def _rank(self) -> None:
        idx = self.sample
        if len(idx) == 0:
            return
        if len(idx) == 1 or bool(np.all(idx[1:] > idx[:-1])):
            self.winner[idx] = np.arange(len(idx))
            return
        counts = np.bincount(idx, minlength=self.n)
        single = counts[idx] == 1
        self.winner[idx[single]] = np.nonzero(single)[0]
        groups: dict[int, list[int]] = {}
        for k in np.nonzero(~single)[0].tolist():
            groups.setdefault(int(idx[k]), []).append(k)
        origins = self.attrs["origin"]
        usable = self.attrs["usable"]
        for i, ks in groups.items():
            ks.sort(
                key=lambda k: (
                    usable is None or bool(usable[k]),
                    ORIGIN_RANK.get(origins[k], 0),
                    getattr(self.owners[k], "created", "") or "",
                    int(self.seq[k]),
                ),
                reverse=True,
            )
            self.alternatives[i] = ks
            self.winner[i] = ks[0]

    @property
    def attrs(self) -> dict[str, Any]:
        """value, unit, basis, sd, unc, rep_lo, rep_hi, origin per candidate; ``usable``:
        False where the value's flags forbid its use as a measured value (None: all
        usable)."""
        if self._attrs is None:
            qs = self.qs
            try:  # reading the instance dicts is twice as fast as attribute access
                ds = list(map(_DICT, qs))
                value = list(map(_D_VALUE, ds))
                unit = list(map(_D_UNIT, ds))
                basis = list(map(_D_BASIS, ds))
                origin = list(map(_D_ORIGIN, ds))
                sd = list(map(_D_SD, ds))
                unc = list(map(_D_UNC, ds))
                reps = list(map(_D_REPS, ds))
                flags = list(map(_D_FLAGS, ds))
            except (AttributeError, KeyError):  # slotted or partial objects
                value = list(map(_VALUE, qs))
                unit = list(map(_UNIT, qs))
                basis = list(map(_BASIS, qs))
                origin = list(map(_ORIGIN, qs))
                sd = list(map(_SD, qs))
                unc = list(map(_UNC, qs))
                reps = list(map(_REPS, qs))
                flags = list(map(_flags_of, qs))
            for k, b in self.basis_override.items():
                basis[k] = b
            n = len(qs)
            rep_lo = np.full(n, np.nan)
            rep_hi = np.full(n, np.nan)
            if any(reps):
                for k, r in enumerate(reps):
                    if r:
                        rep_lo[k], rep_hi[k] = min(r), max(r)
            origins = set(origin)
            if "" in origins or None in origins:
                origin = [
                    o or ("derived" if hasattr(w, "plugin_id") else "measured")
                    for o, w in zip(origin, self.owners)
                ]
                origins = set(origin)
            bases = set(basis)
            if "" in bases or None in bases:
                basis = [b or "" for b in basis]
                bases = set(basis)
            usable = None
            if any(flags):
                usable = np.fromiter(map(usable_as_measured, flags), dtype=bool, count=n)
                usable = None if usable.all() else usable
            self._attrs = {
                "value": np.array(value, dtype=float),
                "unit": unit,
                "units": set(unit),
                "basis": basis,
                "bases": bases,
                # each candidate's basis as an array (only when they differ)
                "basis_arr": np.array(basis, dtype=object) if len(bases) > 1 else None,
                "sd": _floats(sd),
                "unc": _floats(unc),
                "rep_lo": rep_lo,
                "rep_hi": rep_hi,
                "origin": origin,
                "origins": origins,
                "usable": usable,
            }
        return self._attrs

    @property
    def methods(self) -> list[str]:
        """Each candidate's method: its own, or its measurement's (or result's)."""
        if self._methods is None:
            try:
                own = list(map(_D_METHOD, map(_DICT, self.qs)))
            except (AttributeError, KeyError):
                own = list(map(_METHOD, self.qs))
            owners = self.owners
            self._methods = [
                method_word(m) if m else owner_method(owners[k]) for k, m in enumerate(own)
            ]
        return self._methods

    @property
    def method_codes(self) -> tuple[np.ndarray, list[str]]:
        """Each candidate's method as a code into the list of distinct methods."""
        if self._method_codes is None:
            ids: dict[str, int] = {}
            codes = np.fromiter(
                (ids.setdefault(m, len(ids)) for m in self.methods),
                dtype=np.intp,
                count=len(self.qs),
            )
            self._method_codes = (codes, list(ids))
        return self._method_codes

    def of_sample(self, i: int) -> list[int]:
        """The candidates of sample ``i``, best first."""
        if i in self.alternatives:
            return self.alternatives[i]
        k = int(self.winner[i])
        return [k] if k >= 0 else []

    def select(self, accept) -> np.ndarray:
        """Per sample the best candidate ``accept(k)`` holds for (-1: none)."""
        sel = np.full(self.n, -1, dtype=np.intp)
        w = self.winner
        has = np.nonzero(w >= 0)[0]
        for i in has.tolist():
            for k in self.alternatives.get(i, (int(w[i]),)):
                if accept(k):
                    sel[i] = k
                    break
        return sel


@dataclass
class Column:
    """One criterion's view of a property: a converted value per sample.

    ``x`` is the value on the requested basis and unit (NaN: none usable, ``err`` says
    why); ``lo``/``hi`` the spread (stated SD or uncertainty, widened to the replicate
    range; NaN when none); ``cand`` the candidate used (-1: none, ``DERIVED_CAND``: derived
    from other properties); ``factor`` what the candidate's value was multiplied by (NaN
    for the non-linear moisture conversion).
    """

    prop: str
    basis: str
    unit: str
    x: np.ndarray
    lo: np.ndarray
    hi: np.ndarray
    err: np.ndarray
    cand: np.ndarray
    factor: np.ndarray
    mismatch: np.ndarray
    no_method: np.ndarray
    predicted: np.ndarray
    source: Candidates | None = None


def _empty_column(prop: str, basis: str, unit: str, n: int) -> Column:
    nan = np.full(n, np.nan)
    return Column(
        prop,
        basis,
        unit,
        x=nan,
        lo=nan.copy(),
        hi=nan.copy(),
        err=np.full(n, MISSING, dtype=np.int8),
        cand=np.full(n, -1, dtype=np.intp),
        factor=nan.copy(),
        mismatch=np.zeros(n, dtype=bool),
        no_method=np.zeros(n, dtype=bool),
        predicted=np.zeros(n, dtype=bool),
    )


class ValueTable:
    """Candidates and categorical attributes of ``n`` samples, converted on demand."""

    def __init__(self, names: list[str], ids: list[str]) -> None:
        self.n = len(names)
        self.names = names
        self.ids = ids
        self.props: dict[str, Candidates] = {}
        self.attributes: dict[str, np.ndarray] = {}
        self.raw_attributes: dict[str, list[str]] = {}
        self._columns: dict[tuple, Column] = {}
        self._inputs: dict[str, np.ndarray] | None = None
        self._input_sources: dict[str, np.ndarray] = {}
        self._codes: dict[str, np.ndarray] = {}
        self.samples: list[Any] = []
        self.evaluations: dict[tuple, Any] = {}  # criterion signature -> CritEval
        self._files: dict[str, str] | None = None  # measurement id -> source file

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def from_samples(cls, samples: list[Any]) -> ValueTable:
        """Gather every candidate and attribute of ``samples`` in one pass.

        Measurements (and results) with the same set of property ids are grouped first,
        so the per-value work is one list comprehension per property and group.
        """
        samples = list(samples)
        table = cls(list(map(_NAME, samples)), list(map(_ID, samples)))
        table.samples = samples
        groups: dict[tuple, tuple[list[int], list[Any], list[int], bool]] = {}
        seq = 0
        for i, s in enumerate(samples):
            for owner in s.measurements.values():
                qs = owner.quantities
                if qs:
                    key = (False, *qs)
                    g = groups.get(key)
                    if g is None:
                        g = groups[key] = ([], [], [], False)
                    g[0].append(i)
                    g[1].append(owner)
                    g[2].append(seq)
                    seq += 1
            for owner in s.results.values():
                vs = owner.values
                if vs:
                    key = (True, *vs)
                    g = groups.get(key)
                    if g is None:
                        g = groups[key] = ([], [], [], True)
                    g[0].append(i)
                    g[1].append(owner)
                    g[2].append(seq)
                    seq += 1
        parts: dict[str, list[tuple[list[int], list, list, list[int], str | None]]] = {}
        for key, (idx_list, owners, seq_list, is_result) in groups.items():
            idx = np.asarray(idx_list, dtype=np.intp)
            seqs = np.asarray(seq_list, dtype=np.intp)
            dicts = [o.values for o in owners] if is_result else [o.quantities for o in owners]
            for pid in key[1:]:
                qs = list(map(itemgetter(pid), dicts))
                parts.setdefault(pid, []).append((idx, qs, owners, seqs, None))
                variant = _variant(pid)
                if variant is not None:
                    parts.setdefault(variant[0], []).append((idx, qs, owners, seqs, variant[1]))
        table._finish(parts)
        other = FeedstockType.OTHER.value
        types = list(map(_FEEDSTOCK_TYPE, samples))
        metas = list(map(_METADATA, samples))
        for attr in SAMPLE_ATTRIBUTES:
            if attr == "feedstock_type":
                raw = [("" if v == other else v) for v in types]
            else:
                raw = list(map(methodcaller("get", attr, ""), metas))
            table.set_attribute(attr, raw)
        return table

    @classmethod
    def from_records(
        cls,
        names: list[str],
        ids: list[str],
        records: dict[str, list[tuple[int, Any, Any]]],
        attributes: dict[str, list[str]],
    ) -> ValueTable:
        """A table from prepared candidates (``{property: [(sample, quantity, owner)]}``)."""
        table = cls(names, ids)
        parts = {}
        seq = 0
        for pid, lst in records.items():
            seqs = list(range(seq, seq + len(lst)))
            seq += len(lst)
            parts[pid] = [
                (
                    np.asarray([e[0] for e in lst], dtype=np.intp),
                    [e[1] for e in lst],
                    [e[2] for e in lst],
                    np.asarray(seqs, dtype=np.intp),
                    None,
                )
            ]
        table._finish(parts)
        for attr in SAMPLE_ATTRIBUTES:
            table.set_attribute(attr, attributes.get(attr, [""] * table.n))
        return table

    def _finish(self, parts: dict[str, list]) -> None:
        for pid, chunks in parts.items():
            if len(chunks) == 1 and chunks[0][4] is None:
                idx, qs, owners, seqs, _ = chunks[0]
                self.props[pid] = Candidates(self.n, idx, qs, owners, seqs)
                continue
            sample = np.concatenate([c[0] for c in chunks])
            seq = np.concatenate([c[3] for c in chunks])
            order = np.lexsort((seq, sample))
            qs = [q for c in chunks for q in c[1]]
            owners = [o for c in chunks for o in c[2]]
            over = [c[4] for c in chunks for _ in c[1]]
            qs = [qs[k] for k in order.tolist()]
            owners = [owners[k] for k in order.tolist()]
            over = [over[k] for k in order.tolist()]
            override = {k: b for k, b in enumerate(over) if b is not None}
            self.props[pid] = Candidates(self.n, sample[order], qs, owners, seq[order], override)

    def set_attribute(self, attr: str, raw: list[str]) -> None:
        """Set a categorical attribute from what was stored, matched to the vocabulary."""
        ids: dict[Any, int] = {}
        which = np.fromiter(
            (ids.setdefault(v, len(ids)) for v in raw), dtype=np.intp, count=len(raw)
        )
        distinct = list(ids)
        canon = [(normalise_attribute(attr, str(v)) or "") if v else "" for v in distinct]
        allowed = {v: j for j, v in enumerate(SAMPLE_ATTRIBUTES[attr])}
        codes = np.array([allowed.get(c, -1) for c in canon], dtype=np.int16)
        self.raw_attributes[attr] = raw
        self.attributes[attr] = (
            np.array(canon, dtype=object)[which] if raw else np.array([], dtype=object)
        )
        self._codes[attr] = codes[which] if raw else np.zeros(0, dtype=np.int16)

    def attribute_codes(self, attr: str) -> np.ndarray:
        """The attribute as codes into ``SAMPLE_ATTRIBUTES[attr]`` (-1: not stated or not
        understood)."""
        codes = self._codes.get(attr)
        if codes is None:
            values = self.attributes.get(attr)
            codes = np.full(self.n, -1, dtype=np.int16)
            if values is not None:
                for j, v in enumerate(SAMPLE_ATTRIBUTES[attr]):
                    codes[values == v] = j
            self._codes[attr] = codes
        return codes

    def input_files(self, owner: Any) -> str:
        """The source files of the measurements a plugin result read ("" if none)."""
        files = self._files
        if files is None:
            files = self._files = {
                m.id: m.source_name
                for s in self.samples
                for m in s.measurements.values()
                if getattr(m, "source_name", "")
            }
        names = [
            files[d.get("id")]
            for d in getattr(owner, "inputs", None) or ()
            if isinstance(d, dict) and d.get("id") in files
        ]
        return ", ".join(dict.fromkeys(names))

    # -- conversion inputs ---------------------------------------------------------------------
    def inputs(self) -> dict[str, np.ndarray]:
        """Per sample: as-received moisture, analysis-sample moisture, dry-basis ash (NaN)."""
        if self._inputs is None:
            n = self.n
            self._inputs = {"moisture_ar": np.full(n, np.nan), "moisture_ad": np.full(n, np.nan)}
            m = self.column("moisture", "ar", "%")
            self._inputs["moisture_ar"] = m.x
            self._input_sources["moisture_ar"] = m.cand
            m_ad = np.full(n, np.nan)
            src_ad = np.full(n, -1, dtype=np.intp)
            c = self.props.get("moisture")
            if c is not None:
                at = c.attrs
                basis = at["basis"]
                if any(b == "ad" for b in basis):
                    usable = at["usable"]
                    sel = c.select(
                        lambda k: basis[k] == "ad" and (usable is None or bool(usable[k]))
                    )
                    rows = np.nonzero(sel >= 0)[0]
                    for i in rows.tolist():
                        k = int(sel[i])
                        f = unit_factor(at["unit"][k], "%")
                        if f is not None:
                            m_ad[i], src_ad[i] = at["value"][k] * f, k
            self._inputs["moisture_ad"] = m_ad
            self._input_sources["moisture_ad"] = src_ad
            a = self.column("ash", "db", "%")
            self._inputs["ash_db"] = a.x
            self._input_sources["ash_db"] = a.cand
        return self._inputs

    def input_source(self, name: str, i: int) -> int:
        """The candidate index the conversion input ``name`` of sample ``i`` came from."""
        self.inputs()
        return int(self._input_sources[name][i])

    # -- columns ------------------------------------------------------------------------------
    def column(self, prop: str, basis: str, unit: str, methods: tuple[str, ...] = ()) -> Column:
        """Every sample's value of ``prop`` on ``basis`` in ``unit`` (cached per request)."""
        key = (prop, basis, unit, methods)
        col = self._columns.get(key)
        if col is None:
            col = self._columns[key] = self._column(prop, basis, unit, methods)
        return col

    def _column(self, prop: str, basis: str, unit: str, methods: tuple[str, ...]) -> Column:
        n = self.n
        col = _empty_column(prop, basis, unit, n)
        c = self.props.get(prop)
        if c is not None:
            self._fill(col, c, prop, basis, unit, methods)
        if prop in DERIVED:
            self._fill_derived(col, prop, basis, unit)
        return col

    def _fill(
        self, col: Column, c: Candidates, prop: str, basis: str, unit: str, methods: tuple[str, ...]
    ) -> None:
        at = c.attrs
        bases = at["basis"]
        moisture = prop == "moisture"
        sel = c.winner
        analysis = moisture and "ad" in bases  # analysis-sample moisture: an input only
        usable = at["usable"]
        if (methods and c.alternatives) or analysis:
            meths = c.methods if methods else None

            def accept(k: int) -> bool:
                if moisture and bases[k] == "ad":
                    return False  # the analysis sample's moisture: a conversion input only
                if usable is not None and not usable[k]:
                    return False
                return meths is None or method_accepted(meths[k], methods)

            sel = c.select(accept)
            if methods:  # no candidate with an accepted method: the best one anyway
                fallback = c.select(lambda k: not (analysis and bases[k] == "ad"))
                sel = np.where(sel >= 0, sel, fallback)
        rows = np.nonzero(sel >= 0)[0]
        if len(rows) == 0:
            return
        col.source = c
        k = sel[rows]
        value = at["value"][k]
        units = np.array(at["unit"], dtype=object)[k] if len(at["units"]) > 1 else None
        uf = self._unit_factor(at["unit"], units, unit, len(rows))
        err = np.where(np.isnan(uf), BAD_UNIT, OK).astype(np.int8)
        if len(at["bases"]) == 1:
            src: Any = next(iter(at["bases"]))  # one basis for every candidate
        else:
            src = at["basis_arr"][k]
        pdef = PROPERTIES.get(prop)
        transform = None
        if moisture:
            bf, err2, transform = self._moisture_factors(src, basis, len(rows))
            err = np.where(err == OK, err2, err)
        elif pdef is not None and pdef.mass_fraction:
            bf, err2 = self._basis_factors(prop, src, basis, rows)
            err = np.where(err == OK, err2, err)
        else:
            bf = np.ones(len(rows))
        if usable is not None:  # e.g. a prediction outside physical bounds (module doc)
            err = np.where(usable[k], err, NOT_USABLE).astype(np.int8)
        factor = uf * bf
        x = value * factor
        if transform is not None:
            x = np.where(transform, moisture_wet_basis(value * uf), x)
        ok = err == OK
        col.cand[rows] = k
        col.x[rows] = np.where(ok, x, np.nan)
        col.err[rows] = err
        col.factor[rows] = np.where(transform, np.nan, factor) if transform is not None else factor
        self._spread(col, at, k, rows, value, factor, uf, transform, ok)
        origins = at["origin"]
        if "predicted" in at["origins"]:
            col.predicted[rows] = [origins[j] == "predicted" for j in k.tolist()]
        if methods:
            codes, names = c.method_codes
            wk = codes[k]
            empty = np.array([not m for m in names], dtype=bool)[wk]
            other = np.array(
                [bool(m) and not method_accepted(m, methods) for m in names], dtype=bool
            )[wk]
            if "what-if" in at["origins"]:  # a what-if value has no lab method
                lab = np.array([origins[j] != "what-if" for j in k.tolist()], dtype=bool)
                empty, other = empty & lab, other & lab
            col.no_method[rows] = empty
            col.mismatch[rows] = other

    @staticmethod
    def _unit_factor(all_units, units, target: str, count: int) -> np.ndarray:
        if units is None:  # one unit for every candidate
            f = unit_factor(all_units[0], target) if all_units else 1.0
            return np.full(count, np.nan if f is None else f)
        out = np.empty(count)
        for u in set(units.tolist()):
            f = unit_factor(u, target)
            out[units == u] = np.nan if f is None else f
        return out

    @staticmethod
    def _spread(col, at, k, rows, value, factor, uf, transform, ok) -> None:
        sd, unc = at["sd"][k], at["unc"][k]
        rlo, rhi = at["rep_lo"][k], at["rep_hi"][k]
        has = ~np.isnan(sd) | ~np.isnan(unc) | ~np.isnan(rlo)
        if not has.any():
            return
        u = np.fmax(sd, unc)
        lo, hi = value - u, value + u
        lo = np.where(np.isnan(rlo), lo, np.fmin(lo, rlo))
        hi = np.where(np.isnan(rhi), hi, np.fmax(hi, rhi))
        if transform is not None:
            lo_c = np.where(transform, moisture_wet_basis(lo * uf), lo * factor)
            hi_c = np.where(transform, moisture_wet_basis(hi * uf), hi * factor)
        else:
            lo_c, hi_c = lo * factor, hi * factor
        lo_c, hi_c = np.fmin(lo_c, hi_c), np.fmax(lo_c, hi_c)
        spread = ok & has & (hi_c > lo_c)
        col.lo[rows] = np.where(spread, lo_c, np.nan)
        col.hi[rows] = np.where(spread, hi_c, np.nan)

    def _fill_derived(self, col: Column, prop: str, basis: str, unit: str) -> None:
        """Samples without a value of their own get one derived from the inputs."""
        need = col.err == MISSING
        if not need.any():
            return
        inputs, own_basis, own_unit = DERIVED[prop]
        if prop == "c_n_ratio":
            cc = self.column("carbon", "db", "%")
            nn = self.column("nitrogen", "db", "%")
            with np.errstate(divide="ignore", invalid="ignore"):
                x = np.where(nn.x > 0, cc.x / nn.x, np.nan)
            lo = hi = np.full(self.n, np.nan)
        else:
            src = self.column(inputs[0], own_basis, "%")
            x, lo, hi = 100.0 - src.x, 100.0 - src.hi, 100.0 - src.lo
        if basis != own_basis:
            return  # a derived value is only offered on its own basis
        f = unit_factor(own_unit, unit)
        if f is None:
            return
        use = need & ~np.isnan(x)
        col.x[use] = x[use] * f
        col.err[use] = OK
        col.cand[use] = DERIVED_CAND
        col.factor[use] = f
        col.lo[use] = lo[use] * f
        col.hi[use] = hi[use] * f

    @staticmethod
    def _moisture_factors(bases: np.ndarray | str, target: str, m: int):
        """Moisture is wet basis: none -> wet, db (u) -> wet by M = 100u/(100+u).
        ``bases``: each candidate's basis, or one basis for all."""
        ones = np.ones(m)
        err = np.zeros(m, dtype=np.int8)
        transform = np.zeros(m, dtype=bool)
        if target not in ("ar", "none"):
            err[:] = NOT_CONVERTIBLE
            return ones, err, transform
        barr = np.full(m, bases, dtype=object) if isinstance(bases, str) else bases
        transform[barr == "db"] = True
        wet = (barr == "ar") | (barr == "none") | (barr == "")
        err[~wet & ~transform] = NOT_CONVERTIBLE  # air-dried: the analysis sample's
        return ones, err, transform

    def _basis_factors(self, prop: str, bases: np.ndarray | str, target: str, rows: np.ndarray):
        """Basis conversion factors; ``bases``: each candidate's basis, or one for all."""
        m = len(rows)
        factor = np.ones(m)
        err = np.zeros(m, dtype=np.int8)
        if isinstance(bases, str):
            if bases == target:
                return factor, err
            kinds = {bases}
            barr = np.full(m, bases, dtype=object)
        else:
            kinds = set(bases.tolist())
            if kinds == {target}:
                return factor, err
            barr = bases
        for b in kinds:
            if b == target:
                continue
            where = barr == b
            if b in ("", "none"):
                err[where] = NO_BASIS
                continue
            try:
                need = needed_inputs(b, target)
            except ValueError:
                err[where] = NO_BASIS
                continue
            if prop == "ash" and "ash_db" in need:
                err[where] = NOT_CONVERTIBLE  # ash on dry ash-free basis has no meaning
                continue
            inputs = self.inputs()
            kwargs = {name: inputs[name][rows[where]] for name in need}
            try:
                f = convert(np.ones(int(where.sum())), b, target, prop=prop, **kwargs)
            except BasisError:
                err[where] = NOT_CONVERTIBLE
                continue
            f = np.asarray(f, dtype=float)
            factor[where] = f
            err[where] = np.where(np.isnan(f), NEEDS_INPUT, OK)
        return factor, err

    # -- one sample, what-if --------------------------------------------------------------------
    def one(self, i: int) -> ValueTable:
        """A table of sample ``i`` alone (its candidates and attributes)."""
        t = ValueTable([self.names[i]], [self.ids[i]])
        t.samples = self.samples[i : i + 1]
        for pid, c in self.props.items():
            ks = np.nonzero(c.sample == i)[0].tolist()
            if ks:
                t.props[pid] = Candidates(
                    1,
                    np.zeros(len(ks), dtype=np.intp),
                    [c.qs[k] for k in ks],
                    [c.owners[k] for k in ks],
                    c.seq[ks],
                    {j: c.basis_override[k] for j, k in enumerate(ks) if k in c.basis_override},
                )
        for attr in self.attributes:
            t.raw_attributes[attr] = [self.raw_attributes[attr][i]]
            t.attributes[attr] = self.attributes[attr][i : i + 1].copy()
        return t

    def with_values(self, overrides: dict[str, Any], attributes: dict[str, str]) -> ValueTable:
        """A copy of this one-sample table with some properties replaced (what-if).

        Conversions keep the moisture and ash as measured (drying a material does not
        change its ash on dry basis).
        """
        t = ValueTable(self.names, self.ids)
        t.samples = self.samples
        t.props = dict(self.props)
        for pid, q in overrides.items():
            t.props[pid] = Candidates(
                self.n, np.zeros(1, dtype=np.intp), [q], [_WHAT_IF], np.zeros(1)
            )
        t.attributes = dict(self.attributes)
        t.raw_attributes = dict(self.raw_attributes)
        for attr, value in attributes.items():
            t.attributes[attr] = np.array([value], dtype=object)
            t.raw_attributes[attr] = [value]
        t._inputs = self.inputs()
        t._input_sources = self._input_sources
        return t


class _WhatIf:
    """The owner of a what-if value (a pre-treatment suggestion)."""

    kind = "what-if"
    method = ""
    created = "9999"
    id = "what-if"
    label = ""
    source_name = ""


_WHAT_IF = _WhatIf()


def unit_label(unit: str) -> str:
    """A unit as shown to people (its canonical spelling)."""
    return normalise_unit(unit) or unit
