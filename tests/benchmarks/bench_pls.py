"""Benchmark: PLS calibration with cross-validated component choice, ours vs scikit-learn.

Workload (issue 4): 1,000 spectra of 1,500 points with a reference value each, SNV +
Savitzky-Golay first derivative, 10-fold shuffled cross-validation over 1..10
components, component choice, final model, predictions.

* **ours**: the ``pls_calibration`` plugin through the plugin runner
  (``workbench.analysis.prepare_run`` + ``commit``) on a project holding the 1,000
  samples: read-only input views, common axis, pipeline, cross-validation, model
  packing, output validation and one result per sample.
* **baseline**: the same computation written directly against numpy/scipy/
  scikit-learn the usual way: preprocess the matrix, then for each component count
  ``cross_val_predict(PLSRegression(k), X, y, cv=KFold(10, shuffle=True))``, pick the
  count, fit the final model.

Run with the harness: ``.venv/bin/python -m tests.benchmarks pls_calibration_1000x1500``
(each side in its own process), or alone: ``.venv/bin/python tests/benchmarks/bench_pls.py
[--repeat N] [--json]`` (both sides in one process, also checks that both give the same
RMSECV).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
from scipy.signal import savgol_filter
from sklearn.cross_decomposition import PLSRegression
from sklearn.model_selection import KFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from spectral_synth import project_with_spectra, synthetic  # noqa: E402

from tests.benchmarks.registry import Benchmark, register  # noqa: E402
from workbench.analysis import commit, discover, prepare_run  # noqa: E402

NAME = "PLS calibration, 1000 x 1500, 10-fold CV, 1..10 components"
N_SAMPLES, N_POINTS, MAX_K, FOLDS, SEED = 1000, 1500, 10, 10, 0
PARAMS = {
    "property": "lignin",
    "pipeline": "snv-sg1",
    "max_components": MAX_K,
    "folds": FOLDS,
    "seed": SEED,
    "selection": "min",
}


def dataset(n: int = N_SAMPLES):
    x, Y, y, _ = synthetic(n, N_POINTS, seed=42)
    return x, Y, y


def ours(project, plugin, ids) -> float:
    outcome = prepare_run(project, plugin, ids, PARAMS)
    commit(project, outcome)
    model = next(iter(project.models.values()))
    return float(model.params["performance"]["rmsecv"])


def baseline(x, Y, y) -> float:
    mean = Y.mean(axis=1, keepdims=True)
    sd = Y.std(axis=1, ddof=1, keepdims=True)
    X = savgol_filter((Y - mean) / sd, 15, 2, deriv=1, delta=x[1] - x[0], axis=1)
    folds = KFold(FOLDS, shuffle=True, random_state=SEED)
    rmsecv = []
    for k in range(1, MAX_K + 1):
        pred = cross_val_predict(PLSRegression(n_components=k, scale=False), X, y, cv=folds)
        rmsecv.append(float(np.sqrt(np.mean((pred.ravel() - y) ** 2))))
    best = int(np.argmin(rmsecv)) + 1
    PLSRegression(n_components=best, scale=False).fit(X, y)
    return rmsecv[best - 1]


@register
class PlsCalibration(Benchmark):
    """The harness entry: same workload, each side in its own process."""

    name = "pls_calibration_1000x1500"
    description = NAME

    def setup(self, workdir: Path, scale: float) -> None:
        self.x, self.Y, self.y = dataset(max(50, int(N_SAMPLES * scale)))
        self.project, self.ids = _fresh_project(self.x, self.Y, self.y)
        self.plugin = discover(entry_points=False).get("pls_calibration")
        self.plugin.load()

    def ours(self) -> None:
        ours(self.project, self.plugin, self.ids)

    def baseline(self) -> None:
        baseline(self.x, self.Y, self.y)

    def teardown(self) -> None:
        # Leave the project as set up, so every timed repeat does the same work.
        for sample in self.project.samples.values():
            sample.results.clear()
        self.project.models.clear()


def _fresh_project(x, Y, y):
    project = project_with_spectra(x, Y, y)
    return project, list(project.samples)


def run(repeat: int = 3) -> dict:
    """Time both sides ``repeat`` times (best of), then measure peak memory once each."""
    x, Y, y = dataset()
    plugin = discover(entry_points=False).get("pls_calibration")
    plugin.load()  # import cost is not part of the computation
    t_ours, t_base = [], []
    r_ours = r_base = float("nan")
    for _ in range(repeat):
        project, ids = _fresh_project(x, Y, y)
        t0 = time.perf_counter()
        r_ours = ours(project, plugin, ids)
        t_ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        r_base = baseline(x, Y, y)
        t_base.append(time.perf_counter() - t0)
    project, ids = _fresh_project(x, Y, y)
    tracemalloc.start()
    ours(project, plugin, ids)
    peak_ours = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    tracemalloc.start()
    baseline(x, Y, y)
    peak_base = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "benchmark": NAME,
        "ours_s": min(t_ours),
        "baseline_s": min(t_base),
        "ratio": min(t_ours) / min(t_base),
        "peak_mb": peak_ours / 2**20,
        "baseline_peak_mb": peak_base / 2**20,
        "rmsecv_ours": r_ours,
        "rmsecv_baseline": r_base,
        "target_ratio": 1.2,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.repeat)
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(f"{'benchmark':62} {'ours s':>8} {'base s':>8} {'ratio':>6} {'peak MB':>8}")
        print(
            f"{res['benchmark']:62} {res['ours_s']:8.2f} {res['baseline_s']:8.2f} "
            f"{res['ratio']:6.2f} {res['peak_mb']:8.1f}"
        )
        print(
            f"RMSECV ours {res['rmsecv_ours']:.6g}, baseline {res['rmsecv_baseline']:.6g} "
            f"(same folds, same component choice rule)"
        )
    return 0 if res["ratio"] <= res["target_ratio"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
