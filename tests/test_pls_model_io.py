"""PLS models survive a project save and reopen without pickle and predict exactly."""

from __future__ import annotations

import copy

import h5py
import numpy as np
import pytest
from sklearn.cross_decomposition import PLSRegression
from spectral_synth import project_with_spectra, synthetic

from workbench.analysis import discover, run_plugin
from workbench.analysis.model_io import from_stored, to_stored
from workbench.analysis.pipelines import apply_pipeline, fit_pipeline
from workbench.errors import AnalysisError, SpecificationError
from workbench.project.store import close_project, open_project, save_project

PIPELINE = [
    {"op": "range", "min": 1150, "max": 2450},
    {"op": "msc"},
    {"op": "savgol", "window": 11, "polyorder": 2, "deriv": 1},
]


def _fitted(seed: int = 11):
    x, Y, y, _ = synthetic(50, 160, seed=seed)
    xp, Xp, state = fit_pipeline(x, Y[:40], PIPELINE)
    ref = PLSRegression(n_components=4, scale=False).fit(Xp, y[:40])
    stored = to_stored(
        name="test",
        property="lignin",
        unit="%",
        basis="db",
        n_components=4,
        steps=PIPELINE,
        x_axis=x,
        x_unit="nm",
        x_processed=xp,
        x_mean=Xp.mean(axis=0),
        coef=ref.coef_,
        intercept=float(ref.intercept_[0]),
        state=state,
        performance={"rmsecv": 0.1},
        provenance={"plugin_id": "test"},
    )
    return x, Y, y, state, ref, stored


def test_predictor_equals_sklearn_predict():
    x, Y, _y, state, ref, stored = _fitted()
    _, Xnew = apply_pipeline(x, Y[40:], PIPELINE, state=state)
    expected = ref.predict(Xnew).ravel()
    got = from_stored(stored).predict(x, Y[40:])
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-10)


def test_round_trip_through_project_file_without_pickle(tmp_path):
    x, _, _, C = synthetic(40, 150, seed=12)
    # Spectra with multiplicative and additive scatter, which MSC removes: the property
    # depends on the relative composition.
    rng = np.random.default_rng(12)
    F = C / C.sum(axis=1, keepdims=True)
    bands = np.array([np.exp(-0.5 * ((x - c) / 80.0) ** 2) for c in (1450.0, 1700.0, 2100.0)])
    Y = rng.uniform(-0.1, 0.1, (40, 1)) + rng.uniform(0.8, 1.2, (40, 1)) * (F @ bands)
    y = 15.0 + 40.0 * F[:, 0]
    project = project_with_spectra(x, Y, y, missing=[1, 2])
    ids = list(project.samples)
    params = {"property": "lignin", "pipeline": PIPELINE_TEXT, "folds": 5, "max_components": 8}
    results = run_plugin(
        project, "pls_calibration", ids, params, registry=discover(entry_points=False)
    )
    model_id = next(iter(project.models))
    k = project.models[model_id].params["n_components"]
    path = tmp_path / "calib.fwproj"
    save_project(project, path)
    with h5py.File(path, "r") as f:  # the model is plain numeric arrays + JSON text
        g = f["models"][model_id]
        kinds = {g[name].dtype.kind for name in g}
        assert kinds == {"f"}
        texts = [v.decode() if isinstance(v, bytes) else str(v) for v in g.attrs.values()]
        assert any('"msc"' in t and '"savgol"' in t for t in texts)  # the pipeline as JSON text
    reopened = open_project(path)
    try:
        predictor = from_stored(reopened.models[model_id])
        # Same model fitted directly with scikit-learn on the same preprocessed spectra.
        train = [i for i in range(40) if i not in (1, 2)]
        _xp, Xtrain, state = fit_pipeline(x, Y[train], PIPELINE)
        ref = PLSRegression(n_components=k, scale=False).fit(Xtrain, y[train])
        _, Xall = apply_pipeline(x, Y, PIPELINE, state=state)
        np.testing.assert_allclose(
            predictor.predict(x, Y), ref.predict(Xall).ravel(), rtol=0, atol=1e-10
        )
        # The predictions stored at calibration time are the model's predictions.
        assert results[0].values["pls_q2"].value > 0.95
        stored_pred = results[1].values["lignin"].value
        assert stored_pred == pytest.approx(predictor.predict(x, Y[1:2])[0], abs=1e-10)
        r1 = reopened.samples[ids[1]].results[results[1].id]
        assert r1.values["lignin"].method == f"PLS model {model_id}"
        assert r1.values["lignin"].origin == "predicted"
        assert np.array_equal(predictor.x_axis, x)
    finally:
        close_project(reopened)


PIPELINE_TEXT = (
    '[{"op": "range", "min": 1150, "max": 2450}, {"op": "msc"},'
    ' {"op": "savgol", "window": 11, "polyorder": 2, "deriv": 1}]'
)


def test_tampered_models_are_refused():
    *_, stored = _fitted()
    cases = []
    m = copy.deepcopy(stored)
    m.kind = "random_forest"
    cases.append((m, AnalysisError, "not a PLS calibration"))
    m = copy.deepcopy(stored)
    del m.arrays["coef"]
    cases.append((m, AnalysisError, "missing"))
    m = copy.deepcopy(stored)
    m.arrays["coef"] = m.arrays["coef"][:-1]
    cases.append((m, AnalysisError, "expected"))
    m = copy.deepcopy(stored)
    m.arrays["x_mean"] = np.full_like(m.arrays["x_mean"], np.nan)
    cases.append((m, AnalysisError, "NaN"))
    m = copy.deepcopy(stored)
    m.params["pipeline"] = [{"op": "eval", "code": "1"}]
    cases.append((m, SpecificationError, "unknown op"))
    m = copy.deepcopy(stored)
    m.params["format"] = 99
    cases.append((m, AnalysisError, "format"))
    m = copy.deepcopy(stored)
    m.params["n_components"] = True
    cases.append((m, AnalysisError, "component count"))
    for model, exc, text in cases:
        with pytest.raises(exc, match=text):
            from_stored(model)


def test_spectra_outside_the_model_range_are_refused():
    x, Y, _y, _state, _ref, stored = _fitted()
    with pytest.raises(AnalysisError, match="extrapolated"):
        from_stored(stored).predict(x[10:], Y[40:, 10:])
