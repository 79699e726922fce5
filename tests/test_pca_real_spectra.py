"""PCA and preprocessing on real NIR spectra (../shared/samples/spectra/spc_nir.spc).

20 NIR spectra (1100-2498 nm, Kubelka-Munk) read by the SPC importer, one sample each;
the plugin's PCA is compared with scikit-learn's PCA on the same SNV-processed matrix.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.decomposition import PCA

from workbench.analysis import discover, run_plugin
from workbench.analysis.preprocess import snv
from workbench.model import Project

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
NIR = SHARED / "samples" / "spectra" / "spc_nir.spc"


@pytest.fixture(scope="module")
def nir_project():
    if not NIR.is_file():
        pytest.skip(f"shared sample file {NIR} is not available")
    from workbench.importers.registry import parse_path

    raw, parsed = parse_path(NIR)
    project = Project()
    sha, _ = project.add_source(raw, NIR.name, parsed.format_id)
    for i, pm in enumerate(parsed.measurements):
        sample = project.add_sample(f"NIR sample {i + 1}")
        project.add_measurement(sample.id, pm.to_measurement(sha, NIR.name, parsed.format_id))
    return project


def test_pca_of_real_nir_spectra_matches_scikit_learn(nir_project):
    ids = list(nir_project.samples)
    results = run_plugin(
        nir_project,
        "pca",
        ids,
        {"pipeline": "snv", "n_components": 4},
        registry=discover(entry_points=False),
    )
    Y = []
    for sid in ids:
        (m,) = nir_project.samples[sid].measurements.values()
        order = np.argsort(m.columns[m.axes[0]].values())
        Y.append(m.columns[m.signal].values()[order])
    ref = PCA(n_components=4).fit(snv(np.array(Y)))
    evr = results[0].columns["explained_variance_pct"].values() / 100.0
    np.testing.assert_allclose(evr, ref.explained_variance_ratio_, rtol=1e-8, atol=1e-12)
    scores = np.array([[r.values[f"pc{j}_score"].value for j in (1, 2)] for r in results])
    ref_scores = ref.transform(snv(np.array(Y)))[:, :2]
    np.testing.assert_allclose(np.abs(scores), np.abs(ref_scores), rtol=1e-7, atol=1e-9)
    assert results[0].columns["x"].unit == "nm"


def test_preprocessing_plugin_on_a_real_spectrum(nir_project):
    sid = next(iter(nir_project.samples))
    (r,) = run_plugin(
        nir_project,
        "spectral_preprocessing",
        sid,
        {
            "pipeline": '[{"op": "range", "min": 1200, "max": 2400}, {"op": "snv"},'
            ' {"op": "savgol", "window": 11, "polyorder": 2, "deriv": 1}]'
        },
        registry=discover(entry_points=False),
    )
    x = r.columns["x_1"].values()
    assert x.min() >= 1200 and x.max() <= 2400
    assert r.columns["raw_1"].values().size == 700
    assert np.all(np.isfinite(r.columns["processed_1"].values()))
