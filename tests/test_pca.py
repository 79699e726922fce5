"""PCA explorer: explained variance of known structures, sign convention, the plugin."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from spectral_synth import project_with_spectra, spectrum_measurement

from workbench.analysis import discover, run_plugin
from workbench.errors import AnalysisError

pca = importlib.import_module("plugins.pca.compute").pca


def test_hand_built_rank2_explained_variance_and_scores():
    # Orthogonal zero-mean score vectors t1, t2 and orthonormal loadings v1, v2:
    # variance shares are |t1|^2 / (|t1|^2 + |t2|^2) = 16 / 20 and 4 / 20.
    t1 = np.array([2.0, -2.0, 2.0, -2.0])
    t2 = np.array([1.0, 1.0, -1.0, -1.0])
    v1 = np.array([1.0, 0.0, 0.0])
    v2 = np.array([0.0, 0.6, 0.8])
    X = 5.0 + np.outer(t1, v1) + np.outer(t2, v2)
    res = pca(X, 3)
    assert res.scores.shape == (4, 3)  # n - 1 = 3 components possible
    np.testing.assert_allclose(res.explained_variance_ratio, [0.8, 0.2, 0.0], atol=1e-12)
    np.testing.assert_allclose(np.abs(res.scores[:, 0]), np.abs(t1), atol=1e-12)
    np.testing.assert_allclose(np.abs(res.scores[:, 1]), np.abs(t2), atol=1e-12)
    # Sign convention: the largest-magnitude entry of each loading is positive.
    np.testing.assert_allclose(res.loadings[0], v1, atol=1e-12)
    np.testing.assert_allclose(res.loadings[1], v2, atol=1e-12)
    np.testing.assert_allclose(res.mean, [5.0, 5.0, 5.0])


def test_synthetic_rank2_spectra_recover_two_components():
    rng = np.random.default_rng(7)
    x = np.linspace(0, 1, 80)
    s1, s2 = np.sin(3 * x), np.exp(-((x - 0.5) ** 2) / 0.01)
    C = rng.normal(size=(25, 2))
    X = C @ np.vstack([s1, s2]) + 1.0
    res = pca(X, 4)
    assert res.explained_variance_ratio[:2].sum() == pytest.approx(1.0, abs=1e-12)
    assert res.explained_variance_ratio[2:].sum() < 1e-20
    # The scores reproduce the centred data exactly with two components.
    np.testing.assert_allclose(res.scores[:, :2] @ res.loadings[:2] + res.mean, X, atol=1e-10)


def test_autoscale_and_refusals():
    X = np.random.default_rng(0).normal(size=(6, 4)) * [1, 10, 100, 1000]
    res = pca(X, 2, autoscale=True)
    np.testing.assert_allclose(res.scale, X.std(axis=0, ddof=1))
    with pytest.raises(AnalysisError, match="at least 3 samples"):
        pca(X[:2], 2)
    with pytest.raises(AnalysisError, match="identical"):
        pca(np.ones((4, 5)), 2)


def test_pca_plugin_stores_scores_per_sample_and_shared_loadings():
    rng = np.random.default_rng(5)
    x = np.linspace(1000.0, 2000.0, 120)
    bands = np.vstack([np.exp(-0.5 * ((x - c) / 50.0) ** 2) for c in (1300.0, 1700.0)])
    C = rng.uniform(0.2, 1.0, size=(12, 2))
    Y = C @ bands
    project = project_with_spectra(x, Y)
    ids = list(project.samples)
    # A replicate scan of the first sample on a shifted, finer axis is averaged in.
    x2 = np.linspace(990.0, 2010.0, 301)
    project.add_measurement(ids[0], spectrum_measurement(x2, np.interp(x2, x, Y[0])))
    results = run_plugin(
        project,
        "pca",
        ids,
        {"pipeline": "none", "n_components": 3},
        registry=discover(entry_points=False),
    )
    assert len(results) == 12
    r0 = results[0]
    evr = r0.columns["explained_variance_pct"].values()
    assert evr[:2].sum() == pytest.approx(100.0, abs=1e-3)  # replicate is interpolated
    scores = np.column_stack([r.values["pc1_score"].value for r in results])
    np.testing.assert_allclose(scores[0], r0.columns["score_pc1"].values(), atol=1e-12)
    scatter = next(p for p in r0.plots if p["kind"] == "scatter")
    assert scatter["labels"] == [project.samples[i].name for i in ids]
    assert {"x", "loading_pc1", "loading_pc2", "loading_pc3"} <= set(r0.columns)
    assert any(p["kind"] == "bar" for p in r0.plots)
    # One run links every sample's result.
    run_ids = {e["id"] for r in results for e in r.inputs if e["type"] == "run"}
    assert len(run_ids) == 1
