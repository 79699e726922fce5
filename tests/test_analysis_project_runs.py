"""Project-wide plugin runs: project pipelines reach the plugin; shared curves are stored once."""

from __future__ import annotations

import numpy as np
import pytest

from tests.spectral_synth import project_with_spectra
from workbench.analysis.pipelines import save_pipeline
from workbench.analysis.registry import discover
from workbench.analysis.runner import run_plugin


def _project(n: int = 10):
    rng = np.random.default_rng(3)
    x = np.linspace(1000.0, 2000.0, 100)
    bands = np.vstack([np.exp(-0.5 * ((x - c) / 60.0) ** 2) for c in (1300.0, 1700.0)])
    return project_with_spectra(x, rng.uniform(0.2, 1.0, size=(n, 2)) @ bands)


def test_shared_columns_and_plots_are_stored_once_and_referenced():
    project = _project(10)
    ids = list(project.samples)
    results = run_plugin(
        project,
        "pca",
        ids,
        {"pipeline": "none", "n_components": 2},
        registry=discover(entry_points=False),
    )
    owners = [r for r in results if r.columns]
    assert len(owners) == 1 and owners[0].plots
    owner_sample = ids[results.index(owners[0])]
    for sid, r in zip(ids, results):
        assert "pc1_score" in r.values  # every sample keeps its own values
        if r is owners[0]:
            continue
        assert not r.columns and not r.plots
        (run,) = [e for e in r.inputs if e["type"] == "run"]
        assert run["shared_result"] == {"sample": owner_sample, "id": owners[0].id}
        assert project.samples[sid].results[r.id] is r


def test_a_pipeline_saved_in_the_project_is_usable_by_plugins():
    project = _project(6)
    ids = list(project.samples)
    registry = discover(entry_points=False)
    with pytest.raises(Exception, match="lab_snv"):
        run_plugin(project, "pca", ids, {"pipeline": "lab_snv"}, registry=registry)
    save_pipeline("lab_snv", [{"op": "snv"}], project=project)
    results = run_plugin(project, "pca", ids, {"pipeline": "lab_snv"}, registry=registry)
    assert len(results) == 6
    assert results[0].parameters["pipeline"] == "lab_snv"
