"""Gathering the values of a sample that route criteria compare against.

Every scalar the sample has, from measurements' ``quantities`` and from plugin results'
``values``, becomes a ``Candidate`` for its property, remembering its unit, basis,
spread, method, origin (measured, typed, derived, predicted) and the id of the
measurement or result it came from.

Precedence when a property has several candidates (documented for users in the README):

1. a value whose method the criterion accepts beats one whose method it does not;
2. then by origin: measured = typed (lab values) > derived (computed by a plugin from
   measurements) > predicted (a model, e.g. NIR PLS);
3. then the latest (``created`` time; for equal times the one added last).

A few properties are derived when the sample has no value of its own, each from the
winning value of its inputs (origin ``derived``): dry matter = 100 - moisture (wet
basis); volatile solids = 100 - ash (dry basis) in % of total solids; C/N = C / N (both
dry basis).

Moisture stated without a basis is taken as wet basis (as received): the vocabulary
defines moisture on wet basis. The moisture and ash used to convert between bases (ISO 16993 via
``workbench.basis.convert``) are the sample's winning as-received moisture, air-dried
(analysis-sample) moisture and dry-basis ash.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from workbench.basis import BasisError, convert
from workbench.classify.texts import Text, basis_error, basis_name, msg
from workbench.classify.units import unit_factor
from workbench.model import Sample
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES, Basis, FeedstockType

ORIGIN_RANK = {"measured": 3, "typed": 3, "derived": 2, "predicted": 1}


@dataclass(slots=True)
class Candidate:
    """One available value of a property, before conversion to a criterion's basis/unit."""

    value: float
    unit: str
    basis: str
    origin: str
    source_id: str
    method: str = ""
    sd: float | None = None
    uncertainty: float | None = None
    rep_lo: float | None = None
    rep_hi: float | None = None
    created: str = ""
    order: int = 0

    def sort_key(self) -> tuple[int, str, int]:
        return (ORIGIN_RANK.get(self.origin, 0), self.created, self.order)


def _candidate(q, source_id: str, method: str, created: str, order: int, origin: str) -> Candidate:
    reps = q.replicates
    return Candidate(
        value=float(q.value),
        unit=q.unit,
        basis=q.basis,
        origin=q.origin or origin,
        source_id=source_id,
        method=q.method or method,
        sd=q.sd,
        uncertainty=q.uncertainty,
        rep_lo=min(reps) if reps else None,
        rep_hi=max(reps) if reps else None,
        created=created,
        order=order,
    )


class SampleValues:
    """All candidate values and categorical attributes of one sample."""

    __slots__ = ("_conv", "_fcache", "attributes", "candidates", "sample_id", "sample_name")

    def __init__(self, sample_name: str, sample_id: str) -> None:
        self.sample_name = sample_name
        self.sample_id = sample_id
        self.candidates: dict[str, list[Candidate]] = {}
        self.attributes: dict[str, str] = {}
        self._conv: tuple | None = None
        self._fcache: dict[tuple, float | str] = {}

    @classmethod
    def from_sample(cls, sample: Sample) -> SampleValues:
        sv = cls(sample.name, sample.id)
        order = 0
        cands = sv.candidates
        for m in sample.measurements.values():
            default_method = m.method or (_TGA_METHOD if m.kind == "tga" else "")
            for pid, q in m.quantities.items():
                order += 1
                cands.setdefault(pid, []).append(
                    _candidate(q, m.id, default_method, m.created, order, "measured")
                )
        for r in sample.results.values():
            for pid, q in r.values.items():
                order += 1
                cands.setdefault(pid, []).append(
                    _candidate(
                        q,
                        r.id,
                        _plugin_method(r.plugin_id),
                        r.created,
                        order,
                        "derived",
                    )
                )
        for lst in cands.values():
            if len(lst) > 1:
                lst.sort(key=Candidate.sort_key, reverse=True)
        ftype = sample.feedstock_type
        if ftype and ftype != FeedstockType.OTHER.value:
            sv.attributes["feedstock_type"] = ftype
        for attr in SAMPLE_ATTRIBUTES:
            if attr != "feedstock_type" and sample.metadata.get(attr):
                sv.attributes[attr] = str(sample.metadata[attr]).strip()
        sv._derive()
        return sv

    def _derive(self) -> None:
        c = self.candidates
        if "dry_matter" not in c and "moisture" in c:
            m = c["moisture"][0]
            if m.unit == "%":
                c["dry_matter"] = [_complement(m, Basis.AS_RECEIVED.value)]
        if "volatile_solids" not in c and "ash" in c:
            try:
                a = self.best("ash")
                factor = self.factor("ash", a, Basis.DRY.value, "%")
            except ValueError:
                factor = None
            if factor is not None:
                scaled = replace(a, value=a.value * factor, basis=Basis.DRY.value, unit="%")
                c["volatile_solids"] = [_complement(scaled, Basis.DRY.value)]
        if "c_n_ratio" not in c and "carbon" in c and "nitrogen" in c:
            cc, nn = c["carbon"][0], c["nitrogen"][0]
            try:  # both on dry basis in % (C/N is a mass ratio, the basis must agree)
                c_db = cc.value * self.factor("carbon", cc, Basis.DRY.value, "%")
                n_db = nn.value * self.factor("nitrogen", nn, Basis.DRY.value, "%")
            except ValueError:
                n_db = 0.0
            if n_db > 0:
                c["c_n_ratio"] = [
                    Candidate(
                        value=c_db / n_db,
                        unit="",
                        basis=Basis.NONE.value,
                        origin="derived",
                        source_id=f"{cc.source_id} / {nn.source_id}",
                        method="C / N",
                    )
                ]

    def best(self, prop: str, methods: tuple[str, ...] = ()) -> Candidate:
        """The winning candidate for a criterion accepting ``methods`` (KeyError if none)."""
        lst = self.candidates[prop]
        if methods and len(lst) > 1:
            for cand in lst:
                if method_accepted(cand.method, methods):
                    return cand
        return lst[0]

    def with_values(
        self, overrides: dict[str, Candidate], attributes: dict[str, str]
    ) -> SampleValues:
        """A copy in which some properties/attributes are replaced (what-if evaluation)."""
        sv = SampleValues(self.sample_name, self.sample_id)
        sv.candidates = dict(self.candidates)
        for pid, cand in overrides.items():
            sv.candidates[pid] = [cand]
        sv.attributes = {**self.attributes, **attributes}
        sv._conv = self._conversion_inputs()  # conversions keep the moisture/ash as measured
        return sv

    # -- basis conversion ------------------------------------------------------------------
    def _conversion_inputs(self) -> tuple[float | None, float | None, float | None]:
        if self._conv is None:
            m_ar = m_ad = a_db = None
            for cand in self.candidates.get("moisture", ()):
                if cand.unit != "%":
                    continue
                if cand.basis == Basis.AIR_DRIED.value:
                    m_ad = cand.value if m_ad is None else m_ad
                elif m_ar is None:
                    m_ar = cand.value
            for cand in self.candidates.get("ash", ()):
                if cand.unit != "%":
                    continue
                if cand.basis == Basis.DRY.value:
                    a_db = cand.value
                    break
                try:
                    a_db = convert(
                        cand.value, cand.basis, "db", prop="ash", moisture_ar=m_ar, moisture_ad=m_ad
                    )
                    break
                except (BasisError, ValueError):
                    continue
            self._conv = (m_ar, m_ad, a_db)
        return self._conv

    def factor(self, prop: str, cand: Candidate, basis: str, unit: str) -> float:
        """Multiply the candidate (value, sd, ...) by this to get it on ``basis`` in ``unit``.

        Raises ``ValueError`` with a sentence naming what is missing when no conversion
        is possible (then the criterion is "unknown", never compared raw).
        """
        key = (prop, id(cand), basis, unit)
        hit = self._fcache.get(key)
        if hit is None:
            try:
                hit = self._factor(prop, cand, basis, unit)
            except ValueError as exc:
                hit = exc.args[0] if exc.args and isinstance(exc.args[0], Text) else str(exc)
            self._fcache[key] = hit
        if isinstance(hit, str):
            raise ValueError(hit)
        return hit

    def _factor(self, prop: str, cand: Candidate, basis: str, unit: str) -> float:
        uf = unit_factor(cand.unit, unit)
        if uf is None:
            raise ValueError(msg("err.unit", unit=cand.unit or msg("err.no_unit"), target=unit))
        pdef = PROPERTIES.get(prop)
        src = cand.basis or Basis.NONE.value
        if prop == "moisture" and src == Basis.NONE.value:
            src = Basis.AS_RECEIVED.value  # moisture is a wet-basis property by definition
        if pdef is None or not pdef.mass_fraction or src == basis:
            return uf
        if src == Basis.NONE.value:
            raise ValueError(msg("err.no_basis", basis=basis_name(basis)))
        m_ar, m_ad, a_db = self._conversion_inputs()
        try:
            bf = convert(
                1.0, src, basis, prop=prop, moisture_ar=m_ar, moisture_ad=m_ad, ash_db=a_db
            )
        except BasisError as exc:
            raise ValueError(
                msg(
                    "err.convert",
                    src=basis_name(src),
                    dst=basis_name(basis),
                    detail=basis_error(str(exc)),
                )
            ) from None
        return uf * float(bf)


_TGA_METHOD = msg("row.method_tga")


@lru_cache(maxsize=256)
def _plugin_method(plugin_id: str) -> Text:
    return msg("row.method_plugin", plugin=plugin_id)


@lru_cache(maxsize=1024)
def _complement_method(method: str) -> Text:
    return msg("row.method_complement", method=method)


def _complement(c: Candidate, basis: str) -> Candidate:
    """100 - value, with the spread carried over (replicate range mirrored)."""
    return Candidate(
        value=100.0 - c.value,
        unit="%",
        basis=basis,
        origin="derived",
        source_id=c.source_id,
        method=_complement_method(c.method) if c.method else "",
        sd=c.sd,
        uncertainty=c.uncertainty,
        rep_lo=None if c.rep_hi is None else 100.0 - c.rep_hi,
        rep_hi=None if c.rep_lo is None else 100.0 - c.rep_lo,
        created=c.created,
        order=c.order,
    )


_NORMALISE = str.maketrans("", "", " -_:./")


def normalise_method(text: str) -> str:
    return text.casefold().translate(_NORMALISE)


@lru_cache(maxsize=4096)
def method_accepted(method: str, accepted: tuple[str, ...]) -> bool:
    """True when ``method`` names one of the accepted methods (case/space-insensitive)."""
    if not accepted:
        return True
    norm = normalise_method(method)
    return bool(norm) and any(normalise_method(a) in norm for a in accepted)


def basis_label(basis: str) -> str:
    return {
        "ar": "as-received basis",
        "ad": "air-dried basis",
        "db": "dry basis",
        "daf": "dry ash-free basis",
    }.get(basis, "no basis")
