"""The reference feedstock library and each sample's nearest reference feedstocks.

``resources/reference/feedstocks.toml`` holds typical values of common Finnish
feedstocks and side streams, every value with its source key (the reference list is in
the same file). A value printed as a range keeps the range: the typical value is its
middle, and the range travels as the replicate spread, so classifying a reference entry
says "borderline" when its published range crosses a limit.

``nearest_references(sample, k=3)`` compares a sample with every entry over the
properties the sample has (each value converted to the vocabulary's basis and unit).
Each difference is divided by the spread of that property across the library - a
robust spread, 1.4826 x the median absolute deviation over the entries that have it
(falling back to the standard deviation, then to the mean), so that one extreme entry
(paper sludge at 55 % ash) does not flatten every ash difference - and the distance is
the root-mean-square over the sample's properties, counting a property the entry lacks
as one spread away (``MISSING_PENALTY``), so an entry matching one property closely does
not beat one matching four nearly as well. Entries sharing no property with the sample
are not candidates; for equal distances the entry sharing more properties comes first.
Each match carries the entry's own route verdicts (the reference entries are classified
with the same engine).
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.classify.spec import RouteSpec
from workbench.classify.table import ValueTable
from workbench.classify.verdict import Verdict
from workbench.errors import SpecificationError
from workbench.model import Quantity, Sample
from workbench.paths import resources_dir
from workbench.vocab import PROPERTIES, SAMPLE_ATTRIBUTES

_ENTRY_KEYS = {"id", "name_en", "name_fi", "feedstock_type", "wood_type", "note", "values"}
_VALUE_KEYS = {"property", "value", "range", "sd", "basis", "unit", "source"}


@dataclass
class ReferenceValue:
    property: str
    value: float
    unit: str
    basis: str
    source: str
    range: tuple[float, float] | None = None
    sd: float | None = None


@dataclass
class ReferenceEntry:
    id: str
    name_en: str
    name_fi: str
    feedstock_type: str
    wood_type: str = ""
    note: str = ""
    values: dict[str, ReferenceValue] = field(default_factory=dict)

    def table(self) -> ValueTable:
        """The entry as a one-sample ``ValueTable`` (origin 'reference', from
        'reference:<source>'; a stated range is its spread)."""
        records = {}
        for pid, rv in self.values.items():
            reps = list(rv.range) if rv.range else []
            q = Quantity(rv.value, rv.unit, rv.basis, sd=rv.sd, origin="reference", replicates=reps)
            records[pid] = [(0, q, _ReferenceOwner(f"reference:{rv.source}"))]
        attributes = {"feedstock_type": [self.feedstock_type], "wood_type": [self.wood_type]}
        return ValueTable.from_records(
            [f"reference: {self.name_en}"], [f"ref-{self.id}"], records, attributes
        )


@dataclass
class _ReferenceOwner:
    """Where a reference value comes from (the cited source)."""

    id: str
    kind: str = "reference"
    method: str = ""
    created: str = ""
    label: str = ""
    source_name: str = ""


@dataclass
class ReferenceLibrary:
    version: str
    sources: dict[str, dict[str, str]]
    entries: list[ReferenceEntry]
    _verdicts: dict[tuple, dict[str, list[Verdict]]] = field(default_factory=dict, repr=False)

    def citation(self, key: str) -> str:
        s = self.sources.get(key, {})
        return f"[{key}] {s.get('citation', '')} (grade {s.get('grade', '?')})"

    def verdicts(self, entry: ReferenceEntry, routes: list[RouteSpec]) -> list[Verdict]:
        """The entry's verdicts for ``routes`` (computed once per route set)."""
        key = tuple((r.id, r.version, str(r.path)) for r in routes)
        cache = self._verdicts.setdefault(key, {})
        if entry.id not in cache:
            from workbench.classify.engine import classify_sample

            cache[entry.id] = classify_sample(entry.table(), routes, suggestions=False)
        return cache[entry.id]


def _fail(file: str, where: str, what: str) -> SpecificationError:
    return SpecificationError(f"reference library {file}: {where}: {what}")


def load_reference_library(path: Path | None = None) -> ReferenceLibrary:
    """Read and validate the reference library (every value must cite a listed source)."""
    path = path or resources_dir() / "reference" / "feedstocks.toml"
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SpecificationError(
            f"reference library {Path(path).name}: cannot be read ({exc})"
        ) from None
    file = Path(path).name
    sources = data.get("sources", {})
    if not isinstance(sources, dict) or not sources:
        raise _fail(file, "[sources]", "the reference list is missing")
    entries: list[ReferenceEntry] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("feedstock", [])):
        where = f"feedstock #{i + 1} {raw.get('id', '')!r}"
        unknown = set(raw) - _ENTRY_KEYS
        if unknown:
            raise _fail(file, where, f"unknown key(s) {', '.join(sorted(unknown))}")
        if raw.get("id") in seen or not raw.get("id"):
            raise _fail(file, where, "missing or duplicate id")
        seen.add(raw["id"])
        if raw.get("feedstock_type") not in SAMPLE_ATTRIBUTES["feedstock_type"]:
            raise _fail(file, where, f"unknown feedstock_type {raw.get('feedstock_type')!r}")
        entry = ReferenceEntry(
            raw["id"],
            raw["name_en"],
            raw["name_fi"],
            raw["feedstock_type"],
            raw.get("wood_type", ""),
            raw.get("note", ""),
        )
        for v in raw.get("values", []):
            if set(v) - _VALUE_KEYS:
                raise _fail(
                    file, where, f"unknown value key(s) {', '.join(sorted(set(v) - _VALUE_KEYS))}"
                )
            pid = v.get("property")
            if pid not in PROPERTIES:
                raise _fail(file, where, f"unknown property {pid!r}")
            if v.get("source") not in sources:
                raise _fail(file, where, f"{pid}: source {v.get('source')!r} is not in [sources]")
            rng = v.get("range")
            if rng is not None:
                lo, hi = float(rng[0]), float(rng[1])
                if lo > hi:
                    raise _fail(file, where, f"{pid}: range low above high")
                value = (lo + hi) / 2.0
            elif "value" in v:
                value = float(v["value"])
            else:
                raise _fail(file, where, f"{pid}: needs 'value' or 'range'")
            entry.values[pid] = ReferenceValue(
                pid,
                value,
                str(v.get("unit", PROPERTIES[pid].unit)),
                str(v.get("basis", PROPERTIES[pid].basis.value)),
                v["source"],
                (lo, hi) if rng is not None else None,
                v.get("sd"),
            )
        entries.append(entry)
    return ReferenceLibrary(str(data.get("version", "")), sources, entries)


@dataclass
class ReferenceMatch:
    entry: ReferenceEntry
    distance: float
    shared: list[str]
    verdicts: list[Verdict]

    def to_json(self) -> dict[str, Any]:
        return {
            "reference": self.entry.id,
            "name_en": self.entry.name_en,
            "name_fi": self.entry.name_fi,
            "feedstock_type": self.entry.feedstock_type,
            "distance": round(self.distance, 4),
            "shared_properties": list(self.shared),
            "verdicts": {v.route: v.verdict for v in self.verdicts},
        }


MISSING_PENALTY = 1.0  # a property the entry lacks counts as one spread away


def robust_spread(xs: list[float]) -> float:
    """1.4826 x median absolute deviation; else the standard deviation; else |mean| or 1."""
    xs = sorted(xs)
    med = _median(xs)
    mad = _median(sorted(abs(x - med) for x in xs)) * 1.4826
    if mad > 0:
        return mad
    mean = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1)) if len(xs) > 1 else 0.0
    return sd if sd > 0 else (abs(mean) or 1.0)


def _median(xs: list[float]) -> float:
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2.0


def _vocab_value(table: ValueTable, pid: str) -> float | None:
    """The sample's value of ``pid`` on the vocabulary's basis and unit, or None."""
    pdef = PROPERTIES[pid]
    x = float(table.column(pid, pdef.basis.value, pdef.unit).x[0])
    return None if math.isnan(x) else x


def nearest_references(
    sample: Sample | ValueTable,
    k: int = 3,
    *,
    library: ReferenceLibrary | None = None,
    routes: list[RouteSpec] | None = None,
) -> list[ReferenceMatch]:
    """The ``k`` reference feedstocks nearest to ``sample`` (see the module docstring)."""
    lib = library or load_reference_library()
    if routes is None:
        from workbench.classify.routes import load_routes

        routes = load_routes().routes
    sv = sample if isinstance(sample, ValueTable) else ValueTable.from_samples([sample])
    ref_values = {e.id: e.table() for e in lib.entries}
    table: dict[str, dict[str, float]] = {}
    for e in lib.entries:
        for pid in e.values:
            v = _vocab_value(ref_values[e.id], pid)
            if v is not None:
                table.setdefault(pid, {})[e.id] = v
    scale = {pid: robust_spread(list(vals.values())) for pid, vals in table.items()}
    mine = {pid: v for pid in table if (v := _vocab_value(sv, pid)) is not None}
    scored = []
    for e in lib.entries:
        shared = [pid for pid in mine if e.id in table[pid]]
        if not shared:
            continue
        d2 = sum(((mine[p] - table[p][e.id]) / scale[p]) ** 2 for p in shared)
        d2 += MISSING_PENALTY**2 * (len(mine) - len(shared))
        scored.append((math.sqrt(d2 / len(mine)), -len(shared), e.id, e, shared))
    scored.sort(key=lambda t: (t[0], t[1], t[2]))
    return [
        ReferenceMatch(e, d, sorted(sh), lib.verdicts(e, routes)) for d, _, _, e, sh in scored[:k]
    ]
