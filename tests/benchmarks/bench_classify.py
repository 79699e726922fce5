"""Benchmark: classifying 10,000 samples against every route, engine vs vectorised numpy.

Workload (issue 5): 10,000 hand-built samples (seeded random feedstock type, treatment
and lab values: moisture, ash - half of them stated as received so they need basis
conversion - N, S, Cl, Zn, fixed carbon, fibre length, C/N inputs) classified against
every built-in route.

* **ours**: ``classify_sample(sample, routes, suggestions=False)`` for every sample: value
  gathering and precedence, basis/unit conversion, every criterion row (hard, scored,
  informative, classes), borderline checks, verdict, score, missing measurements.
  Timed again with pre-treatment suggestions on (what-if re-evaluation).
* **baseline**: the same *hard limits* evaluated with numpy on pre-built column arrays:
  vectorised ISO 16993 conversion of the as-received ash, one comparison per hard
  criterion (NaN = unknown), ``np.isin`` for categorical gates, the char-carbon
  predictor as an array expression, then any-fail / any-unknown per route. It computes
  only the verdict class, not the explanation, so it is the floor for the hard-limit
  part of the work.

Both sides must agree on which (sample, route) pairs fail a hard limit; the run checks it.

Run: ``.venv/bin/python tests/benchmarks/bench_classify.py [--samples N] [--repeat N] [--json]``.
``run()`` returns the figures as a dict for the benchmark harness.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from workbench.basis import convert  # noqa: E402
from workbench.classify.engine import classify_sample, classify_samples  # noqa: E402
from workbench.classify.predictors import PREDICTORS  # noqa: E402
from workbench.classify.routes import load_routes  # noqa: E402
from workbench.classify.spec import NUMERIC_COMPARATORS  # noqa: E402
from workbench.classify.values import SampleValues  # noqa: E402
from workbench.model import Measurement, Quantity, Sample  # noqa: E402
from workbench.vocab import FeedstockType  # noqa: E402

NAME = "classify 10,000 samples x every route"
N_SAMPLES = 10_000
TYPES = [t.value for t in FeedstockType if t is not FeedstockType.OTHER]


def make_samples(n: int, seed: int = 7) -> list[Sample]:
    rng = random.Random(seed)
    samples = []
    for i in range(n):
        moisture = rng.uniform(5, 65)
        ash_db = rng.uniform(0.1, 8.0)
        ash = (
            Quantity(ash_db * (100 - moisture) / 100, "%", "ar", method="ISO 18122")
            if i % 2
            else Quantity(ash_db, "%", "db", method="ISO 18122")
        )
        q = {
            "moisture": Quantity(moisture, "%", "ar"),
            "ash": ash,
            "nitrogen": Quantity(rng.uniform(0.02, 1.5), "%", "db"),
            "sulfur": Quantity(rng.uniform(0.005, 0.08), "%", "db"),
            "chlorine": Quantity(rng.uniform(0.002, 0.5), "%", "db"),
            "zinc": Quantity(rng.uniform(5, 300), "mg/kg", "db"),
            "fixed_carbon": Quantity(rng.uniform(10, 25), "%", "db"),
            "carbon": Quantity(rng.uniform(44, 52), "%", "db"),
            "lignin": Quantity(rng.uniform(3, 35), "%", "db"),
            "fibre_length_lw": Quantity(rng.uniform(0.4, 3.5), "mm", "none"),
        }
        s = Sample(id=f"s{i}", name=f"sample {i}", feedstock_type=rng.choice(TYPES))
        s.metadata["chemical_treatment"] = rng.choice(
            ("untreated", "untreated", "chemically_treated")
        )
        s.metadata["wood_type"] = rng.choice(("softwood", "hardwood", "non_wood"))
        s.measurements["m"] = Measurement(id="m", kind="properties", quantities=q)
        samples.append(s)
    return samples


def columns(samples: list[Sample]) -> dict[str, np.ndarray]:
    """Column arrays for the numpy baseline (built outside the timed part)."""
    props = sorted({p for s in samples for p in s.measurements["m"].quantities})
    cols: dict[str, np.ndarray] = {}
    for p in props:
        cols[p] = np.array([s.measurements["m"].quantities[p].value for s in samples])
        cols[p + ":basis"] = np.array([s.measurements["m"].quantities[p].basis for s in samples])
    cols["feedstock_type"] = np.array([s.feedstock_type for s in samples])
    for attr in ("chemical_treatment", "wood_type"):
        cols[attr] = np.array([s.metadata.get(attr, "") for s in samples])
    return cols


_UNIT = {("mg/kg", "%"): 1e-4, ("%", "mg/kg"): 1e4}


def baseline(cols: dict[str, np.ndarray], routes) -> dict[str, np.ndarray]:
    """Vectorised hard limits: per route an int array 3 = fail, 2 = unknown, 0 = pass."""
    n = len(cols["moisture"])
    ash = cols["ash"].copy()
    ar = cols["ash:basis"] == "ar"
    ash[ar] = convert(ash[ar], "ar", "db", prop="ash", moisture_ar=cols["moisture"][ar])
    values = {k: v for k, v in cols.items() if not k.endswith(":basis")}
    values["ash"] = ash
    out = {}
    for route in routes:
        fail = np.zeros(n, dtype=bool)
        unknown = np.zeros(n, dtype=bool)
        for c in route.criteria:
            if c.kind != "hard":
                continue
            if c.comparator in ("in", "not_in"):
                col = values[c.property]
                known = col != ""
                ok = np.isin(col, c.values) == (c.comparator == "in")
            else:
                if c.applies_to == "product" and PREDICTORS[c.predictor].func is not None:
                    fc, a = values["fixed_carbon"], values["ash"]
                    x = fc / (fc + a) * 100.0
                else:
                    x = values.get(c.property)
                    if x is None:
                        x = np.full(n, np.nan)
                    else:
                        pdef_unit = {"zinc": "mg/kg"}.get(c.property, c.unit)
                        x = x * _UNIT.get((pdef_unit, c.unit), 1.0)
                known = ~np.isnan(x)
                if c.comparator in NUMERIC_COMPARATORS:
                    ok = {
                        "<": np.less,
                        "<=": np.less_equal,
                        ">": np.greater,
                        ">=": np.greater_equal,
                    }[c.comparator](x, c.limit)
                else:
                    ok = (x >= c.limits[0]) & (x <= c.limits[1])
            if c.only_for_types:
                applies = np.isin(values["feedstock_type"], c.only_for_types)
                known, ok = known | ~applies, ok | ~applies
            fail |= known & ~ok
            if c.if_missing == "missing":
                unknown |= ~known
        out[route.id] = np.where(fail, 3, np.where(unknown, 2, 0))
    return out


def ours(samples, routes, suggestions: bool) -> list:
    return classify_samples(samples, routes, suggestions=suggestions)


def run(repeat: int = 3, n_samples: int = N_SAMPLES) -> dict:
    routes = load_routes(include_user=False).routes
    samples = make_samples(n_samples)
    cols = columns(samples)
    classify_sample(samples[0], routes)  # compile the routes (first-use texts) outside timing
    t_ours, t_sugg, t_base = [], [], []
    c_ours, c_base = [], []  # CPU time: steadier than wall time on a shared machine
    verdicts, base = [], {}
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        verdicts = ours(samples, routes, suggestions=False)
        t_ours.append(time.perf_counter() - t0)
        c_ours.append(time.process_time() - c0)
        t0, c0 = time.perf_counter(), time.process_time()
        base = baseline(cols, routes)
        t_base.append(time.perf_counter() - t0)
        c_base.append(time.process_time() - c0)
    t0 = time.perf_counter()
    ours(samples, routes, suggestions=True)
    t_sugg.append(time.perf_counter() - t0)
    # agreement on hard failures
    disagree = 0
    for i, v in enumerate(verdicts):
        s_idx = i // len(routes)
        if (v.verdict == "not suitable" and not route_has_score(v)) != (base[v.route][s_idx] == 3):
            disagree += 1
    n_verdicts = len(verdicts)
    rows = sum(len(v.criteria) for v in verdicts)
    return {
        "benchmark": NAME,
        "samples": n_samples,
        "routes": len(routes),
        "verdicts": n_verdicts,
        "criterion_rows": rows,
        "ours_s": min(t_ours),
        "ours_with_suggestions_s": min(t_sugg),
        "baseline_s": min(t_base),
        "ratio": min(t_ours) / min(t_base),
        "ours_cpu_s": min(c_ours),
        "baseline_cpu_s": min(c_base),
        "cpu_ratio": min(c_ours) / min(c_base),
        "verdicts_per_s": n_verdicts / min(t_ours),
        "samples_per_s": n_samples / min(t_ours),
        "hard_fail_disagreements": disagree,
        "sample_values_build_s": _time_values(samples),
    }


def route_has_score(v) -> bool:
    """True when a score-policy verdict (not a hard limit) made it 'not suitable'."""
    return any("workbench policy" in r for r in v.reasons) and not any(
        r.result == "fail" and r.kind == "hard" for r in v.criteria
    )


def _time_values(samples) -> float:
    t0 = time.perf_counter()
    for s in samples:
        SampleValues.from_sample(s)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--samples", type=int, default=N_SAMPLES)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    result = run(args.repeat, args.samples)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:>28}: {v:.4g}" if isinstance(v, float) else f"{k:>28}: {v}")


if __name__ == "__main__":
    main()


# -- the benchmark table (python -m tests.benchmarks classify_10000) ------------------
from tests.benchmarks.registry import Benchmark, register  # noqa: E402


@register
class ClassifyMany(Benchmark):
    name = "classify_10000"
    description = "Classify 10,000 samples against every route (explained) vs numpy hard limits"

    def setup(self, workdir: Path, scale: float) -> None:
        self.samples = make_samples(max(10, int(N_SAMPLES * scale)))
        self.routes = load_routes().routes
        self.cols = columns(self.samples)

    def ours(self) -> None:
        ours(self.samples, self.routes, suggestions=False)

    def baseline(self) -> None:
        baseline(self.cols, self.routes)
