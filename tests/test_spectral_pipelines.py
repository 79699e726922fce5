"""Preprocessing pipelines: strict validation, fitted state, named storage, the plugin."""

from __future__ import annotations

import json

import numpy as np
import pytest
from spectral_synth import project_with_spectra, spectrum_measurement, synthetic

from workbench.analysis import discover, run_plugin
from workbench.analysis import preprocess as pp
from workbench.analysis.pipelines import (
    apply_pipeline,
    describe,
    fit_pipeline,
    list_pipelines,
    load_pipeline,
    resolve_pipeline,
    save_pipeline,
    validate_steps,
)
from workbench.errors import SpecificationError
from workbench.messages import messages_in, text_in
from workbench.model import Project
from workbench.paths import user_subdir


def test_validation_fills_defaults_and_refuses_bad_steps():
    steps = validate_steps([{"op": "savgol", "window": 7}, {"op": "snv"}])
    assert steps[0] == {"op": "savgol", "window": 7, "polyorder": 2, "deriv": 0}
    bad = [
        {"op": "exec", "code": "import os"},
        {"op": "snv", "extra": 1},
        {"op": "savgol", "window": 8},
        {"op": "savgol", "window": 5, "polyorder": 1, "deriv": 2},
        {"op": "savgol", "window": "7"},
        {"op": "savgol", "window": 7.5},
        {"op": "range", "min": 1.0},
        {"op": "normalise", "method": "median"},
        {"op": "baseline_als", "lam": float("inf")},
        {"op": "msc", "reference": "median"},
        "snv",
    ]
    for step in bad:
        with pytest.raises(SpecificationError):
            validate_steps([step])
    with pytest.raises(SpecificationError):
        validate_steps({"op": "snv"})


def test_apply_pipeline_matches_the_functions_in_order():
    x = np.linspace(1000.0, 1100.0, 51)
    Y = np.random.default_rng(1).normal(size=(4, 51)) + 5.0
    steps = [
        {"op": "range", "min": 1010, "max": 1090},
        {"op": "snv"},
        {"op": "savgol", "window": 7, "polyorder": 2, "deriv": 1},
        {"op": "normalise", "method": "vector"},
    ]
    xn, Yn = apply_pipeline(x, Y, steps)
    xr, Yr = pp.select_range(x, Y, 1010, 1090)
    expected = pp.normalise(xr, pp.savitzky_golay(xr, pp.snv(Yr), 7, 2, 1), "vector")
    assert np.array_equal(xn, xr)
    np.testing.assert_allclose(Yn, expected, rtol=0, atol=0)
    assert describe(steps).startswith("range(")


def test_resample_step_and_fitted_msc_state_replay_exactly():
    x = np.linspace(0.0, 10.0, 41)
    Y = np.random.default_rng(2).normal(size=(5, 41)) + np.linspace(1, 2, 41)
    steps = [{"op": "resample", "start": 1.0, "stop": 9.0, "step": 0.5}, {"op": "msc"}]
    xn, Yn, state = fit_pipeline(x, Y, steps)
    assert xn[0] == 1.0 and xn[-1] == 9.0 and xn.size == 17
    assert set(state) == {"msc_reference_1"}
    # Replaying on a subset with the stored reference reproduces the fitted rows.
    _, Y2 = apply_pipeline(x, Y[:2], steps, state=state)
    np.testing.assert_allclose(Y2, Yn[:2], rtol=0, atol=1e-12)


def test_named_pipelines_project_user_builtin(tmp_path):
    project = Project()
    steps = [{"op": "snv"}, {"op": "savgol", "window": 9, "polyorder": 2, "deriv": 1}]
    save_pipeline("lab NIR", steps, project=project, description="our NIR routine")
    assert project.settings["pipelines"]["lab NIR"]["steps"][1]["window"] == 9
    assert project.audit[-1].action == "save pipeline"
    save_pipeline("shared", [{"op": "msc"}])
    assert (user_subdir("pipelines") / "shared.json").is_file()
    names = list_pipelines(project)
    assert (
        names["lab NIR"] == "project" and names["shared"] == "user" and names["snv"] == "built-in"
    )
    assert load_pipeline("lab NIR", project=project)[1]["window"] == 9
    assert load_pipeline("lab NIR", project=project.settings)[1]["window"] == 9
    assert resolve_pipeline("shared") == [{"op": "msc", "reference": "mean"}]
    assert resolve_pipeline('[{"op": "snv"}]') == [{"op": "snv"}]
    assert resolve_pipeline("") == []
    with pytest.raises(SpecificationError, match="no preprocessing pipeline named"):
        resolve_pipeline("nope")
    with pytest.raises(SpecificationError, match="not a valid pipeline name"):
        save_pipeline("../evil", steps)


def test_tampered_user_pipeline_file_is_refused():
    path = user_subdir("pipelines") / "bad.json"
    path.write_text(json.dumps({"steps": [{"op": "__import__", "name": "os"}]}), encoding="utf-8")
    with pytest.raises(SpecificationError, match="unknown op"):
        load_pipeline("bad")
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SpecificationError, match="not a valid JSON"):
        load_pipeline("bad")


def test_plugin_gives_before_and_after_columns_and_plots():
    x, Y, _y, _c = synthetic(3, 60)
    project = project_with_spectra(x, Y)
    sid = next(iter(project.samples))
    project.add_measurement(sid, spectrum_measurement(x, Y[1] * 1.1, label="second scan"))
    results = run_plugin(
        project,
        "spectral_preprocessing",
        sid,
        {"pipeline": '[{"op": "range", "min": 1200, "max": 2400}, {"op": "msc"}]'},
        registry=discover(entry_points=False),
    )
    r = results[0]
    assert {"x_raw_1", "raw_1", "x_1", "processed_1", "x_2", "processed_2"} <= set(r.columns)
    _xr, Yr = pp.select_range(x, np.vstack([Y[0], Y[1] * 1.1]), 1200, 2400)
    expected, _ = pp.msc(Yr)
    np.testing.assert_allclose(r.columns["processed_2"].values(), expected[1], atol=1e-12)
    titles = [text_in(p["title"], "en") for p in r.plots]
    assert any(t.startswith("After") for t in titles) and any(
        t.startswith("Before") for t in titles
    )
    assert "msc" in messages_in(r.messages, "en")[-1]


def test_cli_pipelines_list_show_save(tmp_path, capsys):
    from workbench.cli.main import main

    assert main(["pipelines", "save", "lab-nir", '[{"op": "snv"}]']) == 0
    assert main(["pipelines", "show", "lab-nir", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1]) == [{"op": "snv"}]
    assert main(["pipelines", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["lab-nir"]["origin"] == "user" and doc["snv-sg1"]["origin"] == "built-in"
    assert main(["pipelines", "save", "evil", '[{"op": "system", "cmd": "rm"}]']) == 2
    project = tmp_path / "p.fwproj"
    assert main(["new", str(project)]) == 0
    assert main(["pipelines", "save", "proj", '[{"op": "msc"}]', "--project", str(project)]) == 0
    capsys.readouterr()
    assert main(["pipelines", "--project", str(project), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["proj"]["origin"] == "project"


def test_hostile_inline_pipelines_are_refused_cleanly():
    hostile = [
        '[{"op": "range", "min": 1' + "0" * 400 + ', "max": 2}]',  # int too big for a float
        '[{"op": "msc", "reference": [1, 1' + "0" * 400 + "]}]",
        "[" * 5000 + "]" * 5000,  # nesting deeper than the JSON parser's recursion limit
        '[{"op": "range", "min": NaN, "max": 2}]',
        '[{"op": "savgol", "window": Infinity}]',
    ]
    for text in hostile:
        with pytest.raises(SpecificationError):
            resolve_pipeline(text)
