"""The bulk gathering (blocks of values read in memory order) gives exactly the verdicts
of the per-value object path, cell by cell, reasons and explanation rows included.

``ValueTable.from_samples`` reads the values of measurements (and results) that hold
the same properties as one block (``classify.blocks``), and cuts out each property's
column. The reference here gathers the same samples the way the table did before: a
loop over samples and their owners, every candidate's attributes read from its own
quantity (``Candidates.attrs``). The generated project has blocks of identical
measurements and odd ones out: several candidates of a property from other origins and
times (equal times too), predictions outside physical bounds (not usable), values on
other bases and units and under basis-variant ids (``ash_ar``), stated moisture on dry
and air-dried basis, spreads, methods a limit does not accept, origins not stated,
derived properties (dry matter, volatile solids, C/N) and attributes in any case.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from workbench.classify import blockcache
from workbench.classify.blockcache import BLOCKS
from workbench.classify.candidates import _variant
from workbench.classify.engine import classify_bulk
from workbench.classify.routes import load_routes
from workbench.classify.table import ValueTable
from workbench.model import Measurement, Quantity, Result, Sample
from workbench.value_flags import OUTSIDE_CALIBRATION, OUTSIDE_PHYSICAL
from workbench.vocab import SAMPLE_ATTRIBUTES, FeedstockType

ROUTES = load_routes(include_user=False).routes
LAB = {  # the lab's usual report: one block across most samples
    "moisture": ("%", 5, 65),
    "ash": ("%", 0.1, 8),
    "nitrogen": ("%", 0.02, 1.2),
    "sulfur": ("%", 0.005, 0.08),
    "chlorine": ("%", 0.002, 0.4),
    "zinc": ("mg/kg", 5, 300),
    "lead": ("mg/kg", 0.5, 40),
    "carbon": ("%", 44, 52),
    "fixed_carbon": ("%", 10, 25),
    "lignin": ("%", 3, 35),
    "fibre_length_lw": ("mm", 0.4, 3.5),
    "net_calorific_value": ("MJ/kg", 14, 20),
}
TYPES = ["woody", "bark", "sawdust", "straw", "fibre_sludge", "logging_residues", "other"]
TIMES = ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"]


def _quantity(rng: random.Random, pid: str, origin: str = "measured") -> Quantity:
    unit, lo, hi = LAB[pid]
    value = rng.uniform(lo, hi)
    basis = "db"
    if pid in ("moisture", "net_calorific_value"):
        basis = "ar"
    if pid == "fibre_length_lw":
        basis = "none"
    if pid in ("ash", "nitrogen", "net_calorific_value") and rng.random() < 0.3:
        basis = rng.choice(["ar", "db", "daf"])
    if pid == "moisture" and rng.random() < 0.2:
        basis = rng.choice(["db", "ad", ""])
    if pid in ("chlorine", "sulfur") and rng.random() < 0.3:
        value, unit = value * 1e4, "mg/kg"
    extra: dict = {}
    if rng.random() < 0.15:
        extra["sd"] = value * 0.05
    if rng.random() < 0.1:
        extra["uncertainty"] = value * 0.08
    if rng.random() < 0.1:
        extra["replicates"] = [value * 0.96, value * 1.02]
    if pid == "ash":
        extra["method"] = rng.choice(["", "ISO 18122", "ISO 1171 (815 °C)"])
    return Quantity(value, unit, basis, origin=origin, **extra)


def _samples(n: int, seed: int) -> list[Sample]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        s = Sample(id=f"s{i}", name=f"sample {i}", feedstock_type=rng.choice(TYPES))
        if rng.random() < 0.8:
            s.metadata["chemical_treatment"] = rng.choice(
                ["untreated", "Untreated", "chemically treated", ""]
            )
        if rng.random() < 0.6:
            s.metadata["wood_type"] = rng.choice(["softwood", "hardwood", "Non-wood"])
        # the usual report (one block); a few samples lack a property (other blocks)
        keys = [p for p in LAB if rng.random() < 0.97] if rng.random() < 0.2 else list(LAB)
        origin = rng.choice(["measured", "measured", "typed", ""]) if i % 25 == 0 else "measured"
        s.measurements["lab"] = Measurement(
            id="lab",
            kind="properties",
            quantities={p: _quantity(rng, p, origin) for p in keys},
            created=rng.choice(TIMES),
        )
        if rng.random() < 0.4:  # a repeat: the same properties again, maybe later
            s.measurements["repeat"] = Measurement(
                id="repeat",
                kind="properties",
                quantities={p: _quantity(rng, p, "typed") for p in ("ash", "moisture")},
                created=rng.choice(TIMES),
            )
        if rng.random() < 0.2:  # values under basis-variant ids
            s.measurements["variant"] = Measurement(
                id="variant",
                kind="properties",
                quantities={  # the id carries the basis; the value may state none
                    "ash_ar": Quantity(rng.uniform(0.1, 6), "%", rng.choice(["ar", ""])),
                    "nitrogen_ar": Quantity(rng.uniform(0.02, 1), "%", "ar"),
                },
                created=rng.choice(TIMES),
            )
        if rng.random() < 0.3:  # a prediction, sometimes impossible or extrapolated
            value = rng.uniform(1, 30)
            flags = []
            if rng.random() < 0.4:
                value, flags = -3.0, [{"code": OUTSIDE_PHYSICAL, "lo": 0.0, "hi": 100.0}]
            elif rng.random() < 0.3:
                flags = [{"code": OUTSIDE_CALIBRATION, "lo": 5.0, "hi": 20.0, "margin": 0.05}]
            s.results["pls"] = Result(
                id="pls",
                plugin_id="nir_pls",
                plugin_version="1",
                values={
                    "lignin": Quantity(value, "%", "db", origin="predicted", flags=flags),
                    "ash": Quantity(rng.uniform(0.2, 5), "%", "db", origin="predicted"),
                },
                created=rng.choice(TIMES),
            )
        if rng.random() < 0.2:  # derived by a plugin, origin left to the owner
            s.results["sheet"] = Result(
                id="sheet",
                plugin_id="moisture_ash",
                plugin_version="1",
                values={"ash": Quantity(rng.uniform(0.2, 5), "%", "db", origin="")},
                created=rng.choice(TIMES),
            )
        if i % 17 == 0:
            s.measurements.clear()  # nothing measured: every route lacks data
        out.append(s)
    return out


def _object_path(samples: list[Sample]) -> ValueTable:
    """The samples gathered value by value (the table's earlier loop): every candidate's
    attributes are read from its quantity when first used."""
    table = ValueTable([s.name for s in samples], [s.id for s in samples])
    table.samples = samples
    parts: dict[str, list] = {}
    seq = 0
    for i, s in enumerate(samples):
        owners = [*s.measurements.values(), *s.results.values()]
        for owner in owners:
            values = owner.values if isinstance(owner, Result) else owner.quantities
            for pid, q in values.items():
                chunk = (np.array([i]), [q], [owner], np.array([seq]))
                parts.setdefault(pid, []).append((*chunk, None))
                variant = _variant(pid)
                if variant is not None:
                    parts.setdefault(variant[0], []).append((*chunk, variant[1]))
            seq += 1
    table._finish(parts)
    for attr in SAMPLE_ATTRIBUTES:
        if attr == "feedstock_type":
            other = FeedstockType.OTHER.value
            raw = ["" if s.feedstock_type == other else s.feedstock_type for s in samples]
        else:
            raw = [s.metadata.get(attr, "") for s in samples]
        table.set_attribute(attr, raw)
    return table


@pytest.mark.parametrize("cached", [False, True], ids=["read", "from the block cache"])
def test_block_gathering_gives_the_object_paths_verdicts_cell_by_cell(cached, monkeypatch):
    samples = _samples(300, seed=11)
    BLOCKS.clear()
    if cached:  # every block read once before, then reused (classify.blockcache)
        monkeypatch.setattr(blockcache, "MIN_OWNERS", 1)
        ValueTable.from_samples(samples)
    hits = BLOCKS.hits
    fast_table = ValueTable.from_samples(samples)
    BLOCKS.clear()
    assert (BLOCKS.hits > hits) == cached
    read_in_blocks = {p for p, c in fast_table.props.items() if c.read_in_bulk}
    assert {"moisture", "ash", "nitrogen", "lignin", "zinc"} <= read_in_blocks
    slow_table = _object_path(samples)
    assert not any(c.read_in_bulk for c in slow_table.props.values())

    fast = classify_bulk(fast_table, ROUTES)
    slow = classify_bulk(slow_table, ROUTES)
    codes = fast.codes()
    assert np.array_equal(codes, slow.codes())
    assert len(np.unique(codes)) == 4  # every verdict occurs
    for r, (a, b) in enumerate(zip(fast.evals, slow.evals)):
        assert np.array_equal(a.score, b.score, equal_nan=True), ROUTES[r].id
        for ca, cb in zip(a.crits, b.crits):
            assert np.array_equal(ca.code, cb.code), (ROUTES[r].id, ca.crit.id)
            if ca.x is not None:
                assert np.array_equal(ca.x, cb.x, equal_nan=True), (ROUTES[r].id, ca.crit.id)
    for i in range(len(samples)):
        for r in range(len(ROUTES)):
            assert fast.summary(i, r) == slow.summary(i, r), (i, ROUTES[r].id)
            if i < 60:
                got = fast.explain(i, r, suggestions=False)
                want = slow.explain(i, r, suggestions=False)
                assert got.to_json() == want.to_json(), (i, ROUTES[r].id)


def test_what_if_suggestions_of_a_block_read_table_are_the_object_paths():
    """A sample's own table (the pre-treatment what-ifs) keeps what the block path
    knew: a value stored under ``ash_ar`` is on basis ar even if it states none. (On
    3 of these 12 samples a what-if that tried another moisture or ash raised
    IndexError on both paths: the conversion input's source indexed the tried value's
    candidates, not the sample's.)"""
    samples = [s for s in _samples(300, seed=11) if "variant" in s.measurements][:12]
    assert any(s.measurements["variant"].quantities["ash_ar"].basis == "" for s in samples)
    fast = classify_bulk(ValueTable.from_samples(samples), ROUTES)
    slow = classify_bulk(_object_path(samples), ROUTES)
    for i in range(len(samples)):
        for r in range(len(ROUTES)):
            got = fast.explain(i, r).to_json()
            assert got == slow.explain(i, r).to_json(), (i, ROUTES[r].id)


def test_the_generated_project_reaches_the_awkward_cases():
    """The comparison above means something: the project has what it claims."""
    samples = _samples(300, seed=11)
    table = ValueTable.from_samples(samples)
    ash = table.props["ash"]
    assert ash.alternatives  # several candidates of one sample
    assert {"measured", "typed", "predicted", "derived"} <= ash.attrs["origins"]
    assert {"ar", "db", "daf"} <= ash.attrs["bases"]
    assert ash.attrs["usable"] is None
    lignin = table.props["lignin"].attrs
    assert lignin["usable"] is not None and not lignin["usable"].all()
    assert len(table.props["chlorine"].attrs["units"]) == 2
    assert {"db", "ad"} <= table.props["moisture"].attrs["bases"]
    result = classify_bulk(table, ROUTES)
    derived = [
        ev.crits[k].col
        for ev in result.evals
        for k, c in enumerate(ev.route.criteria)
        if c.property in ("dry_matter", "volatile_solids", "c_n_ratio")
    ]
    assert any((col.cand == -2).any() for col in derived if col is not None)


def test_a_property_no_sample_has_is_evaluated_as_a_filled_column_would_be():
    """Columns no sample has a value for share read-only arrays and their criteria are
    decided without comparing (``ValueTable._column``, ``evaluate._evaluate_number``):
    the same codes, margins and points as a column filled the usual way."""
    import dataclasses

    from workbench.classify import evaluate as ev

    samples = _samples(40, seed=3)
    table = ValueTable.from_samples(samples)
    crits = [
        c
        for r in ROUTES
        for c in r.criteria
        if c.property not in table.props
        and c.applies_to != "product"
        and (c.comparator in ("<", "<=", ">", ">=", "between"))
    ]
    kinds = {c.kind for c in crits}
    assert len(crits) > 10 and {"hard", "informative"} <= kinds
    for c in crits:
        col = table.column(c.property, c.basis, c.unit, c.methods)
        assert col.empty and not col.x.flags.writeable
        short = ev._evaluate_number(c, ev.static(c), table)
        filled = dataclasses.replace(col, empty=False, x=col.x.copy(), lo=col.lo.copy())
        table._columns[(c.property, c.basis, c.unit, c.methods)] = filled
        full = ev._evaluate_number(c, ev.static(c), table)
        table._columns[(c.property, c.basis, c.unit, c.methods)] = col
        assert np.array_equal(short.code, full.code), c.id
        assert (short.points is None) == (full.points is None), c.id
        if full.points is not None:
            assert np.array_equal(short.points, full.points, equal_nan=True), c.id
        assert np.isnan(short.margin[0]) and np.isnan(full.margin[0]), c.id
