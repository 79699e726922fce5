"""The benchmark harness works end to end (a tiny scale; the real run is manual)."""

from __future__ import annotations

import pytest

from tests.benchmarks.registry import Benchmark, load
from tests.benchmarks.run import child

MODULE = "tests.benchmarks.bench_project"


def test_registry_finds_project_benchmarks():
    for name in (
        "project_save_1000",
        "project_open_1000",
        "project_open_read_all_1000",
        "project_resave_1000",
        "project_open_10000_meas",
    ):
        assert issubclass(load(name, MODULE), Benchmark)


def test_child_measures_both_sides(tmp_path):
    for side in ("ours", "baseline"):
        figures = child("project_open_read_all_1000", side, tmp_path, 0.003, 1, MODULE)
        assert figures["seconds"] > 0 and figures["peak_mb"] >= 0
    assert list(tmp_path.glob("project_3_0.fwproj"))


@pytest.mark.slow  # imports every benchmark module (scikit-learn, scipy): ~30 s
def test_runner_prints_the_table(tmp_path, capsys):
    from tests.benchmarks.run import main

    out_json = tmp_path / "figures.json"
    assert (
        main(["project_open_1000", "--quick", "--workdir", str(tmp_path), "--json", str(out_json)])
        == 0
    )
    table = capsys.readouterr().out
    assert "ours (s)" in table and "project_open_1000" in table
    import json

    (row,) = json.loads(out_json.read_text())
    assert row["ratio"] > 0 and row["baseline_s"] > 0
