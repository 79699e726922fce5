"""PLS calibration: cross-validation, component choice, NA references, predictions."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.cross_decomposition import PLSRegression
from sklearn.model_selection import KFold, cross_val_predict
from spectral_synth import project_with_spectra, spectrum_measurement, synthetic

from workbench.analysis import PluginRunError, discover, run_plugin
from workbench.analysis.pls import (
    CrossValidation,
    calibrate,
    choose_components,
    cross_validate,
    cv_figures,
)
from workbench.errors import AnalysisError
from workbench.messages import messages_in


@pytest.fixture(scope="module")
def registry():
    return discover(entry_points=False)


@pytest.mark.parametrize("scale", [False, True])
def test_nested_cross_validation_equals_one_fit_per_component_count(scale):
    _x, Y, y, _ = synthetic(50, 80, seed=1)
    cv = cross_validate(Y, y, 6, n_folds=5, seed=3, scale=scale)
    folds = KFold(5, shuffle=True, random_state=3)
    for k in range(1, 7):
        ref = cross_val_predict(PLSRegression(k, scale=scale), Y, y, cv=folds).ravel()
        np.testing.assert_allclose(cv.predictions[:, k - 1], ref, rtol=0, atol=1e-9)
        assert cv.rmsecv[k - 1] == pytest.approx(np.sqrt(np.mean((ref - y) ** 2)), rel=1e-9)


def test_component_choice_min_and_one_standard_error():
    # MSE by k: 4.0, 1.0, 0.81, 0.80; SE at k = 4 is sd(fold MSEs) / sqrt(4) = 0.1
    fold_mse = np.array(
        [[4.0, 1.0, 0.81, 0.7], [4.0, 1.0, 0.81, 0.9], [4.0, 1.0, 0.81, 0.7], [4.0, 1.0, 0.81, 0.9]]
    )
    rmsecv = np.sqrt([4.0, 1.0, 0.81, 0.80])
    cv = CrossValidation(np.zeros((8, 4)), fold_mse, rmsecv, np.zeros(8, int), 4, 0)
    assert choose_components(cv, "min") == 4
    # sd of (0.7, 0.9, 0.7, 0.9) with ddof 1 = 0.11547; / 2 = 0.0577: 0.81 <= 0.8577 -> k = 3
    assert choose_components(cv, "1se") == 3
    with pytest.raises(AnalysisError):
        choose_components(cv, "max")


def test_cross_validated_figures_by_hand():
    # PRESS = 0.25 + 0 + 0.25 + 0 = 0.5; SS = 5; SD(y) = sqrt(5/3)
    f = cv_figures(np.array([1.0, 2.0, 3.0, 4.0]), np.array([1.5, 2.0, 2.5, 4.0]))
    assert f["rmsecv"] == pytest.approx(np.sqrt(0.125), rel=1e-15)
    assert f["q2"] == pytest.approx(0.9, rel=1e-15)
    assert f["bias"] == pytest.approx(0.0, abs=1e-15)
    assert f["rpd"] == pytest.approx(np.sqrt(5.0 / 3.0) / np.sqrt(0.125), rel=1e-15)


def test_calibrate_synthetic_linear_relation():
    _x, Y, y, _ = synthetic(80, 150, seed=2)
    cal = calibrate(Y, y, max_components=10, n_folds=10, seed=0)
    assert 3 <= cal.n_components <= 5  # three bands plus an additive offset
    assert cal.rmsecv < 0.05  # y spans about 15..35 %
    assert cal.q2 > 0.999
    assert abs(cal.bias) < 0.01
    # Reported error is the cross-validated one, larger than the training-set fit error.
    train_rmse = np.sqrt(np.mean((cal.model.predict(Y).ravel() - y) ** 2))
    assert cal.rmsecv > train_rmse
    with pytest.raises(AnalysisError, match="at least 4"):
        calibrate(Y[:3], y[:3])
    with pytest.raises(AnalysisError, match="equal"):
        calibrate(Y[:10], np.ones(10))


def test_plugin_trains_stores_model_and_predicts_missing(registry):
    x, Y, y, _ = synthetic(40, 120, seed=4)
    missing = [0, 5, 9]
    project = project_with_spectra(x, Y, y, missing=missing)
    ids = list(project.samples)
    results = run_plugin(
        project,
        "pls_calibration",
        ids,
        {"property": "lignin", "pipeline": "none"},
        registry=registry,
    )
    assert len(project.models) == 1
    model = next(iter(project.models.values()))
    assert model.kind == "pls_regression" and model.params["property"] == "lignin"
    r0 = results[0]
    ref, cvp = r0.columns["reference"].values(), r0.columns["cv_predicted"].values()
    assert ref.size == 37
    rmsecv = r0.values["pls_rmsecv"].value
    assert rmsecv == pytest.approx(np.sqrt(np.mean((cvp - ref) ** 2)), rel=1e-12)
    assert rmsecv < 0.1 and r0.values["pls_q2"].value > 0.99
    assert r0.values["pls_calibration_samples"].value == 37
    assert any(p["kind"] == "scatter" and p["x"] == "reference" for p in r0.plots)
    for i, (_sid, r) in enumerate(zip(ids, results)):
        if i in missing:
            q = r.values["lignin"]
            assert q.origin == "predicted" and q.method == f"PLS model {model.id}"
            assert (q.unit, q.basis) == ("%", "db")
            assert q.value == pytest.approx(y[i], abs=4 * rmsecv)
            assert q.uncertainty == pytest.approx(2 * rmsecv)
        else:
            assert "lignin" not in r.values  # measured samples keep their measured value
            assert any(e["type"] == "measurement" and e.get("kind") != "spectrum" for e in r.inputs)
    assert [s["name"] for s in model.provenance["calibration_samples"]][:2] == ["S002", "S003"]
    assert model.provenance["plugin_version"] == registry.get("pls_calibration").version


def test_reference_table_with_na_and_decimal_commas(tmp_path, registry):
    x, Y, y, _ = synthetic(20, 100, seed=6)
    project = project_with_spectra(x, Y)  # no references in the project
    lines = ["Sample;Lignin (%)"]
    for i, v in enumerate(y):
        cell = {2: "NA", 3: "", 4: "n.d."}.get(i, f"{v:.6f}".replace(".", ","))
        lines.append(f"S{i + 1:03d};{cell}")
    table = tmp_path / "lab results.csv"
    table.write_text("\n".join(lines) + "\n", encoding="cp1252")
    ids = list(project.samples)
    results = run_plugin(
        project,
        "pls_calibration",
        ids,
        {"property": "lignin", "pipeline": "none", "reference_table": str(table), "folds": 5},
        registry=registry,
    )
    assert results[0].values["pls_calibration_samples"].value == 17
    for i in (2, 3, 4):
        assert results[i].values["lignin"].origin == "predicted"
    model = next(iter(project.models.values()))
    assert len(model.provenance["reference_table"]["sha256"]) == 64
    table.write_text("Sample;lignin\nS001;12,5\nS002;abc\n", encoding="utf-8")
    with pytest.raises(PluginRunError, match="line 3"):
        run_plugin(
            project,
            "pls_calibration",
            ids,
            {"property": "lignin", "reference_table": str(table)},
            registry=registry,
        )


def test_predictions_are_never_used_as_references(registry):
    x, Y, y, _ = synthetic(30, 100, seed=8)
    project = project_with_spectra(x, Y, y, missing=[0, 1])
    ids = list(project.samples)
    params = {"property": "lignin", "pipeline": "none", "folds": 5}
    run_plugin(project, "pls_calibration", ids, params, registry=registry)
    again = run_plugin(project, "pls_calibration", ids, params, registry=registry)
    assert again[0].values["pls_calibration_samples"].value == 28
    assert again[0].values["lignin"].origin == "predicted"


def test_too_few_references_and_unknown_property(registry):
    x, Y, y, _ = synthetic(10, 50, seed=9)
    project = project_with_spectra(x, Y, y, missing=range(7))
    ids = list(project.samples)
    with pytest.raises(PluginRunError, match="Only 3 of the 10"):
        run_plugin(project, "pls_calibration", ids, {"property": "lignin"}, registry=registry)
    with pytest.raises(PluginRunError, match="not a known property"):
        run_plugin(project, "pls_calibration", ids, {"property": "unobtainium"}, registry=registry)


def test_predict_plugin_applies_stored_model_to_new_samples(registry):
    x, Y, y, _ = synthetic(45, 140, seed=10)
    project = project_with_spectra(x[:], Y[:35], y[:35])
    run_plugin(
        project,
        "pls_calibration",
        list(project.samples),
        {"property": "lignin", "pipeline": "sg2", "model_name": "lignin NIR"},
        registry=registry,
    )
    model = next(iter(project.models.values()))
    new_ids = []
    x_fine = np.linspace(1050.0, 2550.0, 700)  # wider, finer axis: interpolated onto the model's
    for i in range(35, 45):
        s = project.add_sample(f"new {i}")
        project.add_measurement(s.id, spectrum_measurement(x_fine, np.interp(x_fine, x, Y[i])))
        new_ids.append(s.id)
    short = project.add_sample("short range")
    project.add_measurement(short.id, spectrum_measurement(x[:50], Y[40, :50]))
    results = run_plugin(
        project, "pls_predict", [*new_ids, short.id], {"model": "lignin NIR"}, registry=registry
    )
    preds = np.array([r.values["lignin"].value for r in results[:10]])
    rmsecv = model.params["performance"]["rmsecv"]
    assert rmsecv < 0.2
    assert np.sqrt(np.mean((preds - y[35:45]) ** 2)) < 3 * rmsecv
    assert all(r.values["lignin"].method == f"PLS model {model.id}" for r in results[:10])
    assert "lignin" not in results[10].values
    assert any(
        "short range was not predicted" in m for m in messages_in(results[10].messages, "en")
    )


def test_poor_model_stores_no_predictions(registry):
    x, Y, _y, _ = synthetic(30, 80, seed=13)
    noise = np.random.default_rng(0).uniform(10, 40, size=30)  # unrelated to the spectra
    project = project_with_spectra(x, Y, noise, missing=[0, 1])
    ids = list(project.samples)
    results = run_plugin(
        project, "pls_calibration", ids, {"property": "lignin", "folds": 5}, registry=registry
    )
    assert results[0].values["pls_q2"].value < 0.5
    assert all("lignin" not in r.values for r in results)
    assert any("no predictions were stored" in m for m in messages_in(results[0].messages, "en"))
    with pytest.raises(PluginRunError, match="Q2"):
        run_plugin(project, "pls_predict", ids[:2], {}, registry=registry)


def test_predict_refuses_a_model_with_missing_or_garbled_performance(registry):
    x, Y, y, _ = synthetic(30, 80, seed=14)
    project = project_with_spectra(x, Y, y)
    ids = list(project.samples)
    run_plugin(project, "pls_calibration", ids, {"pipeline": "none", "folds": 5}, registry=registry)
    model = next(iter(project.models.values()))
    ok = run_plugin(project, "pls_predict", ids[:1], {}, registry=registry)
    assert ok[0].values["lignin"].origin == "predicted"
    for garbage in ("high", None, [1], float("nan")):
        model.params["performance"] = {"q2": garbage, "rmsecv": "x"}
        with pytest.raises(PluginRunError, match="Q2"):
            run_plugin(project, "pls_predict", ids[:1], {}, registry=registry)
    model.params["performance"] = "not a dict"
    with pytest.raises(PluginRunError, match="Q2"):
        run_plugin(project, "pls_predict", ids[:1], {}, registry=registry)
