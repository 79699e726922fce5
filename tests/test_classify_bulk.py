"""Bulk classification gives exactly the verdicts of classifying each sample alone.

``classify_bulk`` decides every sample x route with array operations; a clicked cell is
explained for that one sample. Both must agree on every verdict, score, reason, missing
measurement and condition: on the demo project and on random samples built to hit the
awkward cases (several values of one property from different origins and times, values on
other bases and units, methods a limit does not accept, replicate spreads, attributes in
any case, values missing, product values measured or estimated).
"""

from __future__ import annotations

import random

import pytest

from workbench.classify.engine import classify_bulk, classify_sample
from workbench.classify.routes import load_routes
from workbench.demo import build_demo_project
from workbench.model import Measurement, Quantity, Result, Sample

ROUTES = load_routes(include_user=False).routes


def _same(bulk, i, r, alone):
    doc = bulk.summary(i, r)
    assert doc["verdict"] == alone.verdict
    assert doc["score"] == alone.score
    for key in ("reasons", "missing", "conditions", "notes"):
        assert doc[key] == [str(t) for t in getattr(alone, key)], key
    explained = bulk.explain(i, r, suggestions=False)
    assert [row.to_json() for row in explained.criteria] == [
        row.to_json() for row in alone.criteria
    ]


def _compare(samples):
    bulk = classify_bulk(samples, ROUTES)
    n = 0
    for i, s in enumerate(samples):
        for r, alone in enumerate(classify_sample(s, ROUTES, suggestions=False)):
            _same(bulk, i, r, alone)
            n += 1
    return n


def test_bulk_equals_one_by_one_on_the_demo_project():
    project = build_demo_project()
    assert _compare(list(project.samples.values())) == len(project.samples) * len(ROUTES)


PROPS = {
    "moisture": ("%", 5, 65),
    "ash": ("%", 0.1, 8),
    "nitrogen": ("%", 0.02, 1.2),
    "sulfur": ("%", 0.005, 0.08),
    "chlorine": ("%", 0.002, 0.4),
    "zinc": ("mg/kg", 5, 300),
    "lead": ("mg/kg", 0.5, 40),
    "copper": ("mg/kg", 1, 150),
    "fixed_carbon": ("%", 10, 25),
    "carbon": ("%", 44, 52),
    "lignin": ("%", 3, 35),
    "pentosans": ("%", 5, 28),
    "fibre_length_lw": ("mm", 0.4, 3.5),
    "char_yield": ("%", 20, 40),
    "pellet_durability": ("%", 96, 99.5),
    "ash_deformation_temperature": ("°C", 1000, 1400),
}
TYPES = ["woody", "bark", "sawdust", "straw", "fibre_sludge", "logging_residues", "other"]


def _random_samples(n: int, seed: int) -> list[Sample]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        s = Sample(id=f"s{i}", name=f"random {i}", feedstock_type=rng.choice(TYPES))
        if rng.random() < 0.8:
            s.metadata["chemical_treatment"] = rng.choice(
                ["untreated", "Untreated", "chemically treated", "", "painted?"]
            )
        if rng.random() < 0.5:
            s.metadata["attached_soil"] = rng.choice(["none", "present", "No"])
        for k in range(rng.randint(1, 3)):
            qs = {}
            for pid, (unit, lo, hi) in PROPS.items():
                if rng.random() < 0.45:
                    continue
                value = rng.uniform(lo, hi)
                basis = "db" if pid not in ("moisture", "fibre_length_lw") else "ar"
                if pid in ("fibre_length_lw", "ash_deformation_temperature"):
                    basis = "none"
                if pid == "pellet_durability":
                    basis = "ar"
                if pid in ("ash", "nitrogen") and rng.random() < 0.3:
                    basis = "ar"
                if pid == "moisture" and rng.random() < 0.2:
                    basis = rng.choice(["db", "ad"])
                if unit == "%" and pid in ("chlorine", "sulfur") and rng.random() < 0.3:
                    value, unit = value * 1e4, "mg/kg"
                reps = [value * 0.97, value * 1.03] if rng.random() < 0.2 else []
                method = rng.choice(["", "ISO 18122", "TGA", "ISO 1171 (815 °C)"])
                qs[pid] = Quantity(value, unit, basis, method=method, replicates=reps)
            s.measurements[f"m{k}"] = Measurement(
                id=f"m{k}",
                kind="properties",
                quantities=qs,
                created=f"2026-01-0{1 + rng.randint(0, 8)}T00:00:00Z",
            )
        if rng.random() < 0.3:
            s.results["r"] = Result(
                id="r",
                plugin_id="nir_pls",
                plugin_version="1",
                values={"lignin": Quantity(rng.uniform(5, 30), "%", "db", origin="predicted")},
            )
        out.append(s)
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_bulk_equals_one_by_one_on_random_samples(seed):
    samples = _random_samples(40, seed)
    assert _compare(samples) == 40 * len(ROUTES)


def test_bulk_verdicts_are_arrays_and_cells_are_explained_on_request():
    samples = _random_samples(25, 7)
    bulk = classify_bulk(samples, ROUTES)
    codes = bulk.codes()
    assert codes.shape == (25, len(ROUTES))
    v = bulk.explain(3, 0)
    assert v.verdict == bulk.verdict(3, 0) and len(v.criteria) == len(ROUTES[0].criteria)
