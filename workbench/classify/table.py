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

Gathering (``ValueTable.from_samples``) has no Python loop over samples or values: the
measurements (and results) that hold the same properties form a block whose values are
read attribute by attribute in the order they lie in memory (``blocks.py``); each
property's candidates are cut out of the blocks as arrays, and their quantities are
listed only when an explanation asks for one. ``Candidates.attrs`` reads one property's
quantities one by one where no block applies (``from_records``, what-if values, one
sample's table); ``tests/test_classify_fast_path.py`` holds the two paths to the same
verdicts, reasons and rows. A block read by the last bulk gathering is reused when it
holds the same (immutable) value objects (``blockcache.py``): the window classifying
the same project again reads only the blocks that changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import attrgetter, methodcaller
from typing import Any

import numpy as np

from workbench.basis import BasisError, convert, moisture_wet_basis, needed_inputs
from workbench.classify.blockcache import BLOCKS
from workbench.classify.blocks import (
    merge_attrs,
)
from workbench.classify.candidates import (
    Candidates,
    Merged,
    Strided,
    as_list,
    gather,
    method_accepted,
    variant_bases,
)
from workbench.units import normalise_unit, unit_factor
from workbench.vocab import (
    PROPERTIES,
    SAMPLE_ATTRIBUTES,
    FeedstockType,
    normalise_attribute,
)

# why a sample has no usable value in a column (``Column.err``)
OK, MISSING, BAD_UNIT, NO_BASIS, NEEDS_INPUT, NOT_CONVERTIBLE, NOT_USABLE = range(7)
DERIVED_CAND = -2  # ``Column.cand`` of a value derived from other properties

# derived property -> (inputs, basis and unit of the derived value)
DERIVED: dict[str, tuple[tuple[str, ...], str, str]] = {
    "dry_matter": (("moisture",), "ar", "%"),
    "volatile_solids": (("ash",), "db", "%"),
    "c_n_ratio": (("carbon", "nitrogen"), "none", ""),
}
_NAME, _ID, _FEEDSTOCK_TYPE, _METADATA = (
    attrgetter(a) for a in ("name", "id", "feedstock_type", "metadata")
)
_MEASUREMENTS, _QUANTITIES, _RESULTS, _VALUES = (
    attrgetter(a) for a in ("measurements", "quantities", "results", "values")
)


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
    empty: bool = False  # no sample has a value (the shared read-only arrays)


def _empty_column(prop: str, basis: str, unit: str, n: int) -> Column:
    """A column to fill: no sample has a value yet."""
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


@lru_cache(maxsize=4)
def _nothing(n: int) -> tuple[np.ndarray, ...]:
    """The arrays of a column no sample has a value for, read-only: most criteria of the
    routes ask for a property few projects have (metals, pellet tests), and such a
    column is never filled (``ValueTable._column``), so all of them share these."""
    out = (
        np.full(n, np.nan),
        np.full(n, MISSING, dtype=np.int8),
        np.full(n, -1, dtype=np.intp),
        np.zeros(n, dtype=bool),
    )
    for a in out:
        a.flags.writeable = False
    return out


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
        # the candidates those sources index ("moisture", "ash"): a what-if table keeps
        # its sample's, whatever value it tries instead
        self._input_props: dict[str, Candidates] = {}
        self._codes: dict[str, np.ndarray] = {}
        self.samples: list[Any] = []
        self.evaluations: dict[tuple, Any] = {}  # criterion signature -> CritEval
        self._files: dict[str, str] | None = None  # measurement id -> source file

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def from_samples(cls, samples: list[Any]) -> ValueTable:
        """Gather every candidate and attribute of ``samples`` in one pass.

        Measurements (and results) with the same set of property ids are grouped first
        (``gather``), so the per-value work is one C-level pass per property and group,
        with no Python loop over samples or values.
        """
        samples = list(samples)
        table = cls(list(map(_NAME, samples)), list(map(_ID, samples)))
        table.samples = samples
        parts: dict[str, list[tuple[np.ndarray, list, list, np.ndarray, str | None]]] = {}
        # every measurement's values, then every result's: within a sample the order
        # the values were added (measurements before results) is kept, which is all the
        # precedence's "added last" compares
        seq0 = 0
        cache = BLOCKS.gathering()
        for owners_of, values_of, unstated in (
            (_MEASUREMENTS, _QUANTITIES, "measured"),
            (_RESULTS, _VALUES, "derived"),
        ):
            per_sample = list(map(owners_of, samples))
            counts = np.fromiter(map(len, per_sample), dtype=np.intp, count=len(samples))
            owners = list(chain.from_iterable(map(dict.values, per_sample)))
            sample_of = np.repeat(np.arange(len(samples), dtype=np.intp), counts)
            dicts = list(map(values_of, owners))
            gather(parts, sample_of, owners, dicts, seq0, unstated, cache)
            seq0 += len(owners)
        cache.done()
        table._finish(parts)
        other = FeedstockType.OTHER.value
        types = list(map(_FEEDSTOCK_TYPE, samples))
        metas = list(map(_METADATA, samples))
        for attr in SAMPLE_ATTRIBUTES:
            if attr == "feedstock_type":
                raw = [("" if v == other else v) for v in types] if other in types else types
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
                idx, qs, owners, seqs, _, *at = chunks[0]
                self.props[pid] = Candidates(
                    self.n, idx, qs, owners, seqs, attrs=at[0] if at else None
                )
                continue
            sample = np.concatenate([c[0] for c in chunks])
            seq = np.concatenate([c[3] for c in chunks])
            order = np.lexsort((seq, sample))
            pick = order.tolist()
            owners = [o for c in chunks for o in c[2]]
            owners = [owners[k] for k in pick]
            block_parts = [c[5] if len(c) > 5 else None for c in chunks]
            if all(p is not None for p in block_parts):  # read in bulk: merged as arrays
                qs: list | Strided | Merged = Merged([c[1] for c in chunks], pick)
                self.props[pid] = Candidates(
                    self.n,
                    sample[order],
                    qs,
                    owners,
                    seq[order],
                    variant_bases(chunks, order),  # for one sample's table (what-if)
                    attrs=merge_attrs(block_parts, order),
                )
                continue
            qs = [q for c in chunks for q in as_list(c[1])]
            over = [c[4] for c in chunks for _ in range(len(c[0]))]
            qs = [qs[k] for k in pick]
            over = [over[k] for k in pick]
            override = {k: b for k, b in enumerate(over) if b is not None}
            self.props[pid] = Candidates(self.n, sample[order], qs, owners, seq[order], override)

    def set_attribute(self, attr: str, raw: list[str]) -> None:
        """Set a categorical attribute from what was stored, matched to the vocabulary."""
        ids = {v: j for j, v in enumerate(dict.fromkeys(raw))}
        which = np.fromiter(map(ids.__getitem__, raw), dtype=np.intp, count=len(raw))
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
                if "ad" in at["bases"]:
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
            self._input_props = {p: self.props[p] for p in ("moisture", "ash") if p in self.props}
        return self._inputs

    def input_source(self, name: str, i: int) -> int:
        """The candidate index the conversion input ``name`` of sample ``i`` came from."""
        self.inputs()
        return int(self._input_sources[name][i])

    def input_candidates(self, name: str) -> Candidates | None:
        """The candidates ``input_source`` indexes for the conversion input ``name``."""
        self.inputs()
        return self._input_props.get("ash" if name == "ash_db" else "moisture")

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
        c = self.props.get(prop)
        if c is None and prop not in DERIVED:  # nothing to fill in
            nan, err, cand, no = _nothing(n)
            return Column(prop, basis, unit, nan, nan, nan, err, cand, nan, no, no, no, empty=True)
        col = _empty_column(prop, basis, unit, n)
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
        analysis = moisture and "ad" in at["bases"]  # analysis-sample moisture: an input only
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
        some = at.get("some_spread")
        if some is None:  # once per property: most state no spread at all
            some = at["some_spread"] = not (
                np.isnan(at["sd"]).all()
                and np.isnan(at["unc"]).all()
                and np.isnan(at["rep_lo"]).all()
            )
        if not some:
            return
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
        t._input_props = self._input_props
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
