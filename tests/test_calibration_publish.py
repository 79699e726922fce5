"""Calibrations worth publishing (issue 15): a property of the project's own, K-fold up to
leave-one-out, repeated K-fold with its spread, an independent test set, every figure and
prediction exported, and the same numbers as a direct scikit-learn run."""

from __future__ import annotations

import csv
import json

import numpy as np
import pytest
from openpyxl import load_workbook
from sklearn.cross_decomposition import PLSRegression
from sklearn.metrics import r2_score
from sklearn.model_selection import KFold, LeaveOneOut, cross_val_predict

from tests.spectral_synth import project_with_spectra, synthetic
from workbench import properties as up
from workbench.analysis.pls import prediction_figures
from workbench.analysis.registry import discover
from workbench.analysis.runner import run_plugin
from workbench.cli.main import main
from workbench.project.store import close_project, open_project, save_project
from workbench.vocab import PROPERTIES


@pytest.fixture(scope="module")
def registry():
    return discover(entry_points=False)


@pytest.fixture
def adf_project(tmp_path):
    """40 samples with spectra; ADF and CP references in a table with a cal/test column
    (every fifth sample is test); the project defines ADF and CP itself."""
    x, Y, y, C = synthetic(40, 120, seed=7)
    project = project_with_spectra(x, Y)
    y = np.round(y, 6)  # as written to the table
    cp = np.round(8.0 + 6.0 * C[:, 1], 6)
    table = tmp_path / "refs.csv"
    with table.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["sample", "ADF", "CP", "set"])
        for i in range(40):
            w.writerow(
                [f"S{i + 1:03d}", f"{y[i]:.6f}", f"{cp[i]:.6f}", "test" if i % 5 == 4 else "cal"]
            )
    up.add(
        project, up.make_definition("ADF", unit="%", basis="db", label_en="Acid detergent fibre")
    )
    up.add(project, up.make_definition("CP", unit="%", basis="db", label_en="Crude protein"))
    path = tmp_path / "adf.fwproj"
    save_project(project, path)
    close_project(project)
    yield path, Y, y, cp, table
    for pid in ("ADF", "CP"):
        PROPERTIES.pop(pid, None)


def _sklearn_cv(X, y, k, cv):
    return cross_val_predict(PLSRegression(n_components=k, scale=False), X, y, cv=cv).ravel()


def test_user_property_calibration_with_test_set_equals_scikit_learn(adf_project, registry):
    path, Y, y, _cp, table = adf_project
    for pid in ("ADF", "CP"):
        PROPERTIES.pop(pid, None)  # a fresh process: only the project file defines them
    project = open_project(path)
    assert PROPERTIES["ADF"].label_en == "Acid detergent fibre" and PROPERTIES["ADF"].user_defined
    params = {
        "property": "ADF",
        "pipeline": "none",
        "reference_table": str(table),
        "test_column": "set",
        "folds": 5,
        "seed": 3,
    }
    results = run_plugin(
        project, "pls_calibration", list(project.samples), params, registry=registry
    )
    model = next(iter(project.models.values()))
    perf = model.params["performance"]
    k = model.params["n_components"]
    test = np.arange(40) % 5 == 4
    X_cal, y_cal = Y[~test], y[~test]
    cvp = _sklearn_cv(X_cal, y_cal, k, KFold(5, shuffle=True, random_state=3))
    ours = np.array([r["predicted"] for r in perf["cv_predictions"]])
    assert np.max(np.abs(ours - cvp)) < 1e-10
    rmsecv = np.sqrt(np.mean((cvp - y_cal) ** 2))
    assert perf["rmsecv"] == pytest.approx(rmsecv, rel=1e-10)
    assert perf["q2"] == pytest.approx(r2_score(y_cal, cvp), rel=1e-10)
    direct = PLSRegression(n_components=k, scale=False).fit(X_cal, y_cal)
    pred_test = direct.predict(Y[test]).ravel()
    e = pred_test - y[test]
    assert perf["test"]["n"] == 8
    assert perf["test"]["rmsep"] == pytest.approx(np.sqrt(np.mean(e**2)), rel=1e-10)
    assert perf["test"]["bias"] == pytest.approx(e.mean(), rel=1e-8, abs=1e-12)
    assert perf["test"]["sep"] == pytest.approx(np.std(e, ddof=1), rel=1e-10)
    assert perf["test"]["r2"] == pytest.approx(r2_score(y[test], pred_test), rel=1e-10)
    assert perf["test"]["rpd"] == pytest.approx(
        np.std(y[test], ddof=1) / np.std(e, ddof=1), rel=1e-10
    )
    r0 = results[0]
    assert r0.values["pls_rmsep"].value == pytest.approx(perf["test"]["rmsep"])
    assert r0.values["pls_rmsep"].unit == "%" and r0.values["pls_rmsep"].basis == "db"
    assert r0.columns["test_predicted"].values().size == 8
    assert any("Independent test set of 8 samples" in str(m) for m in r0.messages)
    close_project(project)


def test_leave_one_out_and_repeated_k_fold_equal_scikit_learn(registry):
    x, Y, y, _ = synthetic(24, 80, seed=5)
    project = project_with_spectra(x, Y, y)
    ids = list(project.samples)
    base = {"property": "lignin", "pipeline": "none", "max_components": 6, "selection": "min"}
    run_plugin(project, "pls_calibration", ids, {**base, "folds": 1000}, registry=registry)
    loo = list(project.models.values())[-1]
    k = loo.params["n_components"]
    perf = loo.params["performance"]
    assert perf["leave_one_out"] and perf["folds"] == 24 and "leave-one-out" in perf["validation"]
    cvp = _sklearn_cv(Y, y, k, LeaveOneOut())
    assert np.max(np.abs(np.array([r["predicted"] for r in perf["cv_predictions"]]) - cvp)) < 1e-10

    run_plugin(
        project,
        "pls_calibration",
        ids,
        {**base, "folds": 4, "repeats": 5, "seed": 11},
        registry=registry,
    )
    rep = list(project.models.values())[-1]
    perf = rep.params["performance"]
    k = rep.params["n_components"]
    per_seed, mse = [], []
    for seed in range(11, 16):
        p = _sklearn_cv(Y, y, k, KFold(4, shuffle=True, random_state=seed))
        mse.append(np.mean((p - y) ** 2))
        per_seed.append(np.sqrt(mse[-1]))
    assert perf["repeats"] == 5
    assert "mean" not in perf["spread"]["rmsecv"]  # one RMSECV: the pooled figure below
    assert perf["spread"]["rmsecv"]["sd"] == pytest.approx(np.std(per_seed, ddof=1), rel=1e-8)
    assert perf["spread"]["rmsecv"]["min"] == pytest.approx(min(per_seed), rel=1e-10)
    assert perf["rmsecv"] == pytest.approx(np.sqrt(np.mean(mse)), rel=1e-10)
    assert perf["q2"] == pytest.approx(1 - np.mean(mse) / np.var(y), rel=1e-10)


def test_prediction_figures_by_hand():
    f = prediction_figures(np.array([10.0, 12.0, 14.0]), np.array([11.0, 12.0, 16.0]))
    # errors 1, 0, 2: RMSEP sqrt(5/3), bias 1, SEP sqrt(((0)^2+(-1)^2+(1)^2)/2) = 1
    assert f["rmsep"] == pytest.approx(np.sqrt(5 / 3))
    assert f["bias"] == pytest.approx(1.0)
    assert f["sep"] == pytest.approx(1.0)
    assert f["rpd"] == pytest.approx(2.0)  # SD(y) = 2
    assert f["r2"] == pytest.approx(1 - 5 / 8)


def test_two_user_properties_keep_their_own_predictions_and_export_them(
    adf_project, tmp_path, capsys
):
    path, _Y, _y, _cp, table = adf_project
    # half the samples lack references in the table: they are predicted
    lines = table.read_text(encoding="utf-8").splitlines()
    table.write_text(
        "\n".join(
            [lines[0]]
            + [
                ln if i % 2 else ",".join([ln.split(",")[0], "", "", "cal"])
                for i, ln in enumerate(lines[1:])
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    for pid in ("ADF", "CP"):
        code = main(
            [
                "analyse",
                str(path),
                "pls_calibration",
                "--param",
                f"property={pid}",
                "--param",
                f"reference_table={table}",
                "--param",
                "pipeline=none",
                "--param",
                "folds=5",
            ]
        )
        assert code == 0
    out = capsys.readouterr().out
    # a project-wide run states its figures once, not once per sample
    assert out.count("pls_rmsecv =") == 2 and out.count("on 40 samples (one run)") == 2
    assert "predicted ±" in out
    project = open_project(path, read_only=True)
    sample = project.find_sample("S001")
    predicted = {
        prop: q
        for r in sample.results.values()
        for prop, q in r.values.items()
        if q.origin == "predicted"
    }
    assert set(predicted) == {"ADF", "CP"}
    close_project(project)

    assert main(["export", str(path), "--out", str(tmp_path / "v.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "v.csv").open(encoding="utf-8")))
    adf = [r for r in rows if r["property"] == "ADF" and r["sample"] == "S001"]
    assert adf and adf[0]["origin"] == "predicted" and float(adf[0]["uncertainty"]) > 0
    assert adf[0]["method"].startswith("PLS model ") and "(m" in adf[0]["model"]
    assert adf[0]["unit"] == "%" and adf[0]["basis"] == "db"

    assert main(["export", str(path), "--out", str(tmp_path / "v.xlsx")]) == 0
    sheet = load_workbook(tmp_path / "v.xlsx")["values"]
    header = [c.value for c in sheet[1]]
    assert {"uncertainty", "origin", "method", "model"} <= set(header)

    project = open_project(path, read_only=True)
    model_id = next(m.id for m in project.models.values() if m.params["property"] == "ADF")
    close_project(project)
    assert (
        main(["export", str(path), "--model", model_id, "--out", str(tmp_path / "cal.xlsx")]) == 0
    )
    wb = load_workbook(tmp_path / "cal.xlsx")
    assert wb.sheetnames == ["figures", "cv_predictions", "rmsecv", "coefficients"]
    figures = {(r[0], r[1]): r[2] for r in wb["figures"].iter_rows(min_row=2, values_only=True)}
    assert figures[("model", "property")] == "ADF" and figures[("cross-validation", "RMSECV")] > 0
    assert wb["cv_predictions"].max_row == 1 + 20
    assert main(["export", str(path), "--model", model_id, "--out", str(tmp_path / "cal.csv")]) == 0
    assert (tmp_path / "cal_coefficients.csv").read_text(encoding="utf-8").startswith("x [nm],")


def _one_line_exit_2(capsys, argv):
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 2, captured
    lines = [ln for ln in captured.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("fibre-workbench: error:"), captured.err
    return lines[0]


@pytest.mark.parametrize("named", [False, True])
def test_analyses_that_save_nothing_exit_2_with_one_line(adf_project, capsys, named):
    path = str(adf_project[0])
    sample = ["--sample", "S001", "--sample", "S002"] if named else []
    line = _one_line_exit_2(
        capsys, ["analyse", path, "pls_calibration", *sample, "--param", "property=ADFX"]
    )
    assert "'ADFX' is not a known property id" in line and "ADF" in line and "properties" in line
    assert "S001, S002" not in line and "AnalysisError" not in line  # one plain sentence
    line = _one_line_exit_2(
        capsys,
        [
            "analyse",
            path,
            "pls_calibration",
            *sample,
            "--param",
            "property=ADF",
            "--param",
            "reference_table=/no/such/refs.csv",
        ],
    )
    assert "/no/such/refs.csv" in line and "cannot be read" in line
    line = _one_line_exit_2(capsys, ["analyse", path, "pls_predict", *sample[:2]])
    assert "no PLS model" in line
    project = open_project(path, read_only=True)
    assert not project.models and all(not s.results for s in project.samples.values())
    close_project(project)


def test_properties_command_and_the_project_file(tmp_path, capsys):
    path = tmp_path / "p.fwproj"
    assert main(["new", str(path)]) == 0
    assert main(["properties", "list"]) == 0
    out = capsys.readouterr().out
    assert "83 built-in properties" in out and "lignin" in out
    assert (
        main(
            [
                "properties",
                "add",
                str(path),
                "ADF",
                "--unit",
                "%",
                "--basis",
                "db",
                "--label-en",
                "Acid detergent fibre",
                "--label-fi",
                "Happodetergenttikuitu",
                "--description",
                "ADF by the Van Soest method",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["properties", "show", str(path), "ADF", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["unit"] == "%" and shown["basis"] == "db" and shown["origin"] == "project"
    assert shown["label_fi"] == "Happodetergenttikuitu" and shown["mass_fraction"]
    line = _one_line_exit_2(capsys, ["properties", "add", str(path), "Lignin", "--unit", "%"])
    assert "built-in" in line
    line = _one_line_exit_2(capsys, ["properties", "add", str(path), "9x", "--unit", "%"])
    assert "not a usable property id" in line
    line = _one_line_exit_2(
        capsys, ["properties", "add", str(path), "CP", "--unit", "%", "--basis", "wet"]
    )
    assert "unknown basis" in line
    line = _one_line_exit_2(capsys, ["properties", "show", "lignn"])
    assert "Did you mean lignin" in line
    PROPERTIES.pop("ADF", None)


def test_untrusted_property_definitions_are_skipped_never_shadow_builtins(tmp_path):
    from workbench.model import Project

    project = Project()
    project.settings["properties"] = {
        "ash": {"unit": "g", "basis": "none"},  # may not replace the built-in
        "bad id": {"unit": "%"},
        "NDF": {"unit": "%", "basis": "db", "label_en": "Neutral detergent fibre"},
        "odd": "not an object",
    }
    path = tmp_path / "u.fwproj"
    save_project(project, path)
    close_project(project)
    reopened = open_project(path, read_only=True)
    try:
        assert PROPERTIES["ash"].unit == "%" and not PROPERTIES["ash"].user_defined
        assert PROPERTIES["NDF"].label_en == "Neutral detergent fibre"
        assert sum("was skipped" in w for w in reopened.warnings) == 3
    finally:
        close_project(reopened)
        PROPERTIES.pop("NDF", None)


def test_repeated_k_fold_rmsecv_figure_and_curve_are_one_number_in_the_export(registry, tmp_path):
    """The RMSECV figure and the exported RMSECV curve at the chosen component count are
    the same number (the pooled RMSECV over all repeats), and equal a direct
    scikit-learn computation of every component count."""
    x, Y, y, _ = synthetic(30, 80, seed=9, noise=0.01)
    project = project_with_spectra(x, Y, y)
    params = {"property": "lignin", "pipeline": "none", "max_components": 6}
    params |= {"folds": 5, "repeats": 7, "seed": 2}
    run_plugin(project, "pls_calibration", list(project.samples), params, registry=registry)
    path = tmp_path / "p.fwproj"
    save_project(project, path)
    close_project(project)
    model_id = next(iter(project.models))
    for suffix in (".xlsx", ".csv"):
        out = tmp_path / f"cal{suffix}"
        assert main(["export", str(path), "--model", model_id, "--out", str(out)]) == 0
        if suffix == ".xlsx":
            wb = load_workbook(out)
            fig_rows = list(wb["figures"].iter_rows(min_row=2, values_only=True))
            curve_rows = list(wb["rmsecv"].iter_rows(min_row=2, values_only=True))
        else:
            with (tmp_path / "cal_figures.csv").open(encoding="utf-8") as fh:
                fig_rows = list(csv.reader(fh))[1:]
            with (tmp_path / "cal_rmsecv.csv").open(encoding="utf-8") as fh:
                curve_rows = list(csv.reader(fh))[1:]
        figures = {(r[0], r[1]): r[2] for r in fig_rows}
        k = int(figures[("model", "components")])
        curve = {int(r[0]): float(r[1]) for r in curve_rows}
        assert float(figures[("cross-validation", "RMSECV")]) == curve[k]
        assert "pooled" in figures[("model", "RMSECV definition")]
        assert ("repeats", "rmsecv mean") not in figures
        assert len(curve) == 6
    direct = [
        np.sqrt(
            np.mean(
                [
                    np.mean((_sklearn_cv(Y, y, c, KFold(5, shuffle=True, random_state=s)) - y) ** 2)
                    for s in range(2, 9)
                ]
            )
        )
        for c in range(1, 7)
    ]
    assert np.allclose([curve[c] for c in range(1, 7)], direct, rtol=1e-10)


def test_predicted_versus_reference_axes_name_the_property(adf_project, registry):
    """The axes (and the columns behind them) say which property they are of by its label
    and unit, not only the title: 'Acid detergent fibre, reference (%)'."""
    path, _Y, _y, _cp, table = adf_project
    project = open_project(path)
    params = {"property": "ADF", "pipeline": "none", "reference_table": str(table)}
    params |= {"test_column": "set", "folds": 5}
    result = run_plugin(
        project, "pls_calibration", list(project.samples), params, registry=registry
    )
    close_project(project)
    plots = {p["x"]: p for p in result[0].plots}
    for x, what_en, what_fi in (
        ("reference", "cross-validated prediction", "ristiinvalidoitu ennuste"),
        ("test_reference", "test-set prediction", "testijoukon ennuste"),
    ):
        plot = plots[x]
        assert plot["x_label"]["en"].startswith("Acid detergent fibre, ")
        assert plot["x_label"]["en"].endswith("reference (%)")
        assert plot["y_label"]["en"] == f"Acid detergent fibre, {what_en} (%)"
        # the project gave no Finnish label: the English one names it in Finnish too
        assert plot["y_label"]["fi"] == f"Acid detergent fibre, {what_fi} (%)"
        assert result[0].columns[x].label == plot["x_label"]
