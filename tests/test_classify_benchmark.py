"""The classification benchmark runs, and the engine agrees with the numpy hard limits."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent / "benchmarks" / "bench_classify.py"


def _module():
    spec = importlib.util.spec_from_file_location("bench_classify", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_small_benchmark_run_agrees_with_numpy():
    result = _module().run(repeat=1, n_samples=150)
    assert result["verdicts"] == 150 * result["routes"]
    assert result["hard_fail_disagreements"] == 0
    assert result["ours_s"] > 0 and result["baseline_s"] > 0
    assert result["explained_rows"] > 0
