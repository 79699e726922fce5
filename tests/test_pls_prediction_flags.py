"""Warnings on PLS predictions (``Quantity.flags``): outside the calibration range,
outside the property's physical bounds, and a spectrum unlike the calibration spectra
(Hotelling T² / Q residual); stored on the value, shown by ``info``, the exports, the
scripting API and the classification explanation, and a physically impossible
prediction never used by the classification as a measured value.

Found on the public Chaix et al. sugarcane NIR set: a total-sugar calibration predicted
-2.55 % (± 5.1) for one sample, stored without a word, and a user route failed the
sample on it."""

from __future__ import annotations

import csv
import math

import numpy as np
import pytest
from scipy import stats
from sklearn.cross_decomposition import PLSRegression

from tests.spectral_synth import project_with_spectra, spectrum_measurement
from workbench import properties as up
from workbench.analysis.model_io import from_stored
from workbench.analysis.registry import discover
from workbench.analysis.runner import run_plugin
from workbench.analysis.spectral_distance import SpectralLimits
from workbench.classify.engine import classify_samples
from workbench.classify.spec import validate_route
from workbench.cli.main import main
from workbench.errors import AnalysisError
from workbench.model import Measurement, Quantity, new_id
from workbench.project.store import close_project, open_project, save_project
from workbench.value_flags import (
    OUTSIDE_CALIBRATION,
    OUTSIDE_PHYSICAL,
    SPECTRAL_OUTLIER,
    clean_flags,
    flags_text,
    physical_bounds,
    usable_as_measured,
)
from workbench.vocab import PROPERTIES

CENTRES, WIDTHS = (1450.0, 1700.0, 2100.0), (60.0, 80.0, 120.0)


@pytest.fixture(scope="module")
def registry():
    return discover(entry_points=False)


def _spectra(x: np.ndarray, C: np.ndarray, seed: int) -> np.ndarray:
    """Mixtures of the three bands of ``tests.spectral_synth`` with concentrations C."""
    rng = np.random.default_rng(seed)
    S = np.array([np.exp(-0.5 * ((x - c) / w) ** 2) for c, w in zip(CENTRES, WIDTHS)])
    return C @ S + rng.normal(0, 0.002, size=(len(C), x.size))


def _calibrated(registry, tmp_path):
    """30 calibration samples (lignin = 15 + 20 c0, 17-35 %) and three to predict: one
    inside the range (c0 = 0.5 -> 25 %), one above it (c0 = 1.3 -> 41 %) and one below
    zero (c0 = -1 -> -5 %, impossible). Saved and reopened."""
    rng = np.random.default_rng(3)
    x = np.linspace(1100.0, 2500.0, 120)
    C = rng.uniform(0.1, 1.0, size=(30, 3))
    C_new = np.array([[0.5, 0.5, 0.5], [1.3, 0.5, 0.5], [-1.0, 0.5, 0.5]])
    Y = _spectra(x, np.vstack([C, C_new]), seed=4)
    y = np.concatenate([15.0 + 20.0 * C[:, 0], np.full(3, np.nan)])
    project = project_with_spectra(x, Y, y, missing=(30, 31, 32))
    params = {"property": "lignin", "pipeline": "none", "folds": 5, "max_components": 5}
    result = run_plugin(
        project, "pls_calibration", list(project.samples), params, registry=registry
    )
    path = tmp_path / "flags.fwproj"
    save_project(project, path)
    close_project(project)
    return path, x, result


def _predicted(project, name: str) -> Quantity:
    sample = project.find_sample(name)
    return next(
        q
        for r in sample.results.values()
        for pid, q in r.values.items()
        if pid == "lignin" and q.origin == "predicted"
    )


def test_flags_are_cleaned_like_any_untrusted_input_and_survive_json():
    raw = [
        {"code": OUTSIDE_PHYSICAL, "lo": 0, "hi": 100, "bad": float("nan"), "x": True},
        "not a flag",
        {"code": 5},
        {"lo": 1.0},
        {"code": "from_a_newer_version", "limit": 2.5, "text": "ignored"},
    ]
    clean = clean_flags(raw)
    assert clean == [
        {"code": OUTSIDE_PHYSICAL, "lo": 0.0, "hi": 100.0},
        {"code": "from_a_newer_version", "limit": 2.5},
    ]
    assert clean_flags("nope") == [] and clean_flags([{"code": "a"}] * 50) == [{"code": "a"}] * 8
    q = Quantity(-2.5, "%", "db", origin="predicted", flags=clean)
    again = Quantity.from_json(q.to_json())
    assert list(again.flags) == clean and again == q
    assert "flags" not in Quantity(1.0, "%").to_json()  # nothing added to plain values
    assert not usable_as_measured(again.flags) and usable_as_measured([])
    # an unknown code is shown by its name, never hidden
    assert flags_text(clean, "%").endswith("; from_a_newer_version")
    assert flags_text(clean[:1], "%", "fi").startswith(
        "fysikaalisesti mahdoton (mahdollinen 0–100 %)"
    )


def test_physical_bounds_follow_the_vocabulary_unit():
    assert physical_bounds("lignin", "%") == (0.0, 100.0)
    assert physical_bounds("lignin", "g/kg") == (0.0, 1000.0)
    assert physical_bounds("potassium", "mg/kg") == (0.0, 1e6)
    assert physical_bounds("dry_matter", "%") == (0.0, 100.0)  # % on a basis
    # no bound claimed: shares by count, indices, ratios above 100 %, energies, temperatures
    for pid in ("curl", "fines_count", "moisture_db", "net_calorific_value", "ph"):
        assert physical_bounds(pid, PROPERTIES[pid].unit) is None, pid
    assert physical_bounds("no_such_property", "%") is None
    try:
        PROPERTIES["TS"] = up.make_definition("TS", unit="%", basis="db", label_en="Total sugar")
        PROPERTIES["GERM"] = up.make_definition("GERM", unit="%", label_en="Germination")
        assert physical_bounds("TS", "%") == (0.0, 100.0)
        assert physical_bounds("GERM", "%") is None  # a % without a basis: not a mass fraction
    finally:
        PROPERTIES.pop("TS", None)
        PROPERTIES.pop("GERM", None)


def test_predictions_outside_the_calibration_range_or_physical_bounds_are_flagged(
    registry, tmp_path, capsys
):
    path, _x, result = _calibrated(registry, tmp_path)
    project = open_project(path, read_only=True)
    inside, above, below = (_predicted(project, n) for n in ("S031", "S032", "S033"))
    model = next(iter(project.models.values()))
    perf = model.params["performance"]
    refs = [r["reference"] for r in perf["cv_predictions"]]
    assert perf["reference_range"] == [min(refs), max(refs)]
    close_project(project)
    assert 23 < inside.value < 27 and not inside.flags
    assert 38 < above.value < 44
    assert [f["code"] for f in above.flags if f["code"] != SPECTRAL_OUTLIER] == [
        OUTSIDE_CALIBRATION
    ]
    flag = above.flags[0]
    assert (flag["lo"], flag["hi"], flag["margin"]) == (min(refs), max(refs), 0.05)
    assert below.value < 0
    codes = [f["code"] for f in below.flags]
    assert codes[:2] == [OUTSIDE_PHYSICAL, OUTSIDE_CALIBRATION]
    assert below.flags[0] == {"code": OUTSIDE_PHYSICAL, "lo": 0.0, "hi": 100.0}
    # the run says so once, naming the samples
    assert any("Predictions with a warning (2 of 3)" in str(m) for m in result[0].messages)

    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    line = next(
        ln for ln in out.splitlines() if ln.strip().startswith(f"lignin = {below.value:.4g}")
    )
    assert "predicted ±" in line and "WARNING: physically impossible (possible: 0–100 %)" in line

    csv_path = tmp_path / "values.csv"
    assert main(["export", str(path), "--out", str(csv_path)]) == 0
    with csv_path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["property"] == "lignin"]
    warning = {r["sample"]: r["warning"] for r in rows if r["origin"] == "predicted"}
    assert warning["S031"] == ""
    assert warning["S032"].startswith("outside the calibration range: the model's reference")
    assert warning["S033"].startswith("physically impossible")

    from workbench import api as fw

    with fw.open_project(path) as p:
        table = p.values(properties=["lignin"], samples=["S033"], as_frame=False)
        assert table["warning"][0].startswith("physically impossible")
        q = p.sample("S033").results[0].values["lignin"]
        assert q.flags[0]["code"] == OUTSIDE_PHYSICAL


def test_pls_predict_flags_the_same_way(registry, tmp_path):
    path, x, _ = _calibrated(registry, tmp_path)
    project = open_project(path)
    sample = project.add_sample("new")
    Y = _spectra(x, np.array([[-1.0, 0.5, 0.5]]), seed=9)
    project.add_measurement(sample.id, spectrum_measurement(x, Y[0]))
    result = run_plugin(project, "pls_predict", [sample.id], {"model": ""}, registry=registry)
    q = result[0].values["lignin"]
    assert q.value < 0 and q.flags[0]["code"] == OUTSIDE_PHYSICAL
    assert any("Predictions with a warning (1 of 1): new" in str(m) for m in result[0].messages)
    close_project(project)


ROUTE = {
    "schema_version": 1,
    "id": "lignin_rich",
    "version": "0.1.0",
    "group": "biochar",
    "name_en": "Lignin-rich feedstock (a test route)",
    "name_fi": "Ligniinipitoinen syöte",
    "description_en": "Lignin at least 10 % on dry basis.",
    "description_fi": "Ligniiniä vähintään 10 % kuiva-aineesta.",
    "criteria": [
        {
            "id": "lignin",
            "property": "lignin",
            "basis": "db",
            "unit": "%",
            "comparator": ">=",
            "limit": 10,
            "kind": "hard",
            "label_en": "Lignin at least 10 %",
            "label_fi": "Ligniiniä vähintään 10 %",
            "source": "test",
            "reliability": "C",
        }
    ],
}


def _sample_with(project, name: str, *quantities: Quantity):
    sample = project.add_sample(name)
    for q in quantities:
        m = Measurement(id=new_id("m"), kind="properties", quantities={"lignin": q})
        project.add_measurement(sample.id, m)
    return sample


def test_a_physically_impossible_prediction_is_not_used_as_a_measured_value():
    """Policy: shown with its warning, never compared with a limit; the criterion is
    unknown (the route's missing-data policy applies) and the explanation says why. A
    warning that does not forbid use (outside the calibration range) is used and shown."""
    from workbench.model import Project

    route = validate_route(ROUTE, "lignin_rich.toml")
    impossible = [{"code": OUTSIDE_PHYSICAL, "lo": 0.0, "hi": 100.0}]
    extrapolated = [{"code": OUTSIDE_CALIBRATION, "lo": 17.0, "hi": 35.0, "margin": 0.05}]
    method = "PLS model m-1"

    def predicted(value, flags):
        return Quantity(value, "%", "db", method=method, origin="predicted", flags=flags)

    project = Project()
    samples = [
        _sample_with(project, "impossible", predicted(-2.55, impossible)),
        _sample_with(project, "plain", predicted(-2.55, [])),  # what happened before
        _sample_with(
            project, "measured too", Quantity(12.0, "%", "db"), predicted(-2.55, impossible)
        ),
        _sample_with(project, "two predictions", predicted(20.0, []), predicted(-3.0, impossible)),
        _sample_with(project, "extrapolated", predicted(40.0, extrapolated)),
    ]
    verdicts = {v.sample: v for v in classify_samples(samples, [route])}
    v = verdicts["impossible"]
    assert v.verdict == "not enough data"  # was: not suitable, on an impossible number
    row = v.criteria[0]
    assert row.result == "unknown" and row.value is None
    assert row.measured["value"] == -2.55
    text = " ".join([row.note, row.missing])
    assert "the value -2.55 % is physically impossible (possible: 0–100 %)" in text
    assert "arvo -2,55 % on fysikaalisesti mahdoton" in row.to_json()["note_fi"]
    assert verdicts["plain"].verdict == "not suitable"  # an unflagged value is judged as is
    assert verdicts["measured too"].criteria[0].value == 12.0
    assert verdicts["two predictions"].criteria[0].value == 20.0
    ext = verdicts["extrapolated"].criteria[0]
    assert ext.result == "pass" and ext.value == 40.0 and "warning" in ext.flags
    assert "the value has a warning: outside the calibration range" in ext.note
    assert ext.to_json()["flags_fi"] == ["ennustettu", "varoitus"]


def test_hotelling_t2_and_q_residual_by_hand():
    """Four calibration spectra of two points, one component. The columns are orthogonal
    and y is the first column, so by hand: weight w = loading p = (1, 0), scores t =
    (-1, 1, -3, 3) with variance 20/3, calibration residuals e = (0, x2), Q = (9, 9, 1,
    1): mean 5, variance 64/3."""
    X = np.array([[-1.0, 3.0], [1.0, -3.0], [-3.0, -1.0], [3.0, 1.0]])
    y = X[:, 0].copy()
    fit = PLSRegression(n_components=1, scale=False).fit(X, y)
    lim = SpectralLimits.fit(X, fit.x_rotations_, fit.x_loadings_, scale=False)
    assert lim.score_var == pytest.approx([20 / 3])
    new = np.array([[2.0, 1.0], [0.0, 10.0], [30.0, 0.0]])
    t2, q = lim.distances(new)
    assert t2 == pytest.approx([4 / (20 / 3), 0.0, 900 / (20 / 3)])  # t² / s²
    assert q == pytest.approx([1.0, 100.0, 0.0])  # the second coordinate squared
    # limits at 99 %: T² = k (n-1)(n+1) / (n (n-k)) F(k, n-k) = 15/12 F(0.99; 1, 3);
    # Q = g chi2(h) with g = v / 2m = 32/15, h = 2 m² / v = 75/32
    assert lim.t2_limit == pytest.approx(15 / 12 * stats.f.ppf(0.99, 1, 3))
    assert 42.0 < lim.t2_limit < 43.0  # F(0.99; 1, 3) = 34.12
    assert lim.q_limit == pytest.approx(32 / 15 * stats.chi2.ppf(0.99, 75 / 32))
    flags = lim.flags(new)
    assert flags[0] is None
    assert flags[1]["code"] == SPECTRAL_OUTLIER and flags[1]["q"] == pytest.approx(100.0)
    assert flags[2]["t2"] == pytest.approx(135.0) and flags[2]["t2_limit"] == lim.t2_limit
    assert "Hotelling T² 135 > its 99 % limit 42.6" in flags_text([flags[2]])
    with pytest.raises(ValueError):  # three spectra cannot set limits for two components
        SpectralLimits.fit(X[:3], np.ones((2, 2)), np.ones((2, 2)), scale=False)


def test_spectral_outlier_limits_are_stored_checked_and_flag_unlike_spectra(registry, tmp_path):
    path, x, _ = _calibrated(registry, tmp_path)
    project = open_project(path, read_only=True)
    model = next(iter(project.models.values()))
    predictor = from_stored(model)
    lim = predictor.limits
    assert lim is not None and lim.confidence == 0.99
    k, p = predictor.n_components, predictor.coef.size
    assert lim.rotations.shape == (k, p) and lim.score_var.shape == (k,)
    # the calibration spectra themselves are within the T² limit
    cal = np.vstack(
        [
            m.columns["absorbance"].values()
            for s in list(project.samples.values())[:30]
            for m in s.measurements.values()
            if m.kind == "spectrum"
        ]
    )
    t2, _q = lim.distances(predictor.preprocess(x, cal))
    assert np.all(t2 < lim.t2_limit)
    # a spectrum with a band the calibration never saw: its residual Q is far out
    odd = _spectra(x, np.array([[0.5, 0.5, 0.5]]), seed=5) + 0.3 * np.exp(
        -0.5 * ((x - 1250.0) / 30.0) ** 2
    )
    flags = predictor.flags(predictor.predict(x, odd), predictor.preprocess(x, odd))[0]
    assert [f["code"] for f in flags] == [SPECTRAL_OUTLIER]
    assert flags[0]["q"] > flags[0]["q_limit"]
    # tampered outlier arrays or limits: the model is refused, with the reason
    for key, bad in (
        ("outlier.score_var", np.array([-1.0] * k)),
        ("outlier.rotations", np.ones(3)),
    ):
        broken = type(model)(**{**model.__dict__, "arrays": {**model.arrays, key: bad}})
        with pytest.raises(AnalysisError, match="cannot be used"):
            from_stored(broken)
    params = {**model.params, "outlier_limits": {"t2": math.inf, "confidence": 0.99}}
    with pytest.raises(AnalysisError, match="outlier limit 't2'"):
        from_stored(type(model)(**{**model.__dict__, "params": params}))
    # a model made before the check existed predicts as before, without it
    old_arrays = {k2: v for k2, v in model.arrays.items() if not k2.startswith("outlier.")}
    old = from_stored(type(model)(**{**model.__dict__, "arrays": old_arrays}))
    assert old.limits is None and old.flags([25.0], predictor.preprocess(x, odd)) == [[]]
    close_project(project)
