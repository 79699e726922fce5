"""Fuel properties plugin: correlations against hand-computed values."""

from __future__ import annotations

import pytest

from plugins.fuel_properties.correlations import (
    hhv_channiwala,
    hhv_parikh,
    lhv_as_received,
    lhv_dry,
    molar_ratio,
)
from workbench.analysis import PluginRunError, discover, run_plugin
from workbench.messages import messages_in
from workbench.model import Measurement, Project, Quantity, new_id


def test_correlations_hand_computed():
    # 0.3536*15 + 0.1559*80 - 0.0078*5 = 5.304 + 12.472 - 0.039
    assert hhv_parikh(15.0, 80.0, 5.0) == pytest.approx(17.737, rel=1e-12)
    # 17.455 + 7.0698 + 0.01005 - 4.3428 - 0.00604 - 0.03165
    assert hhv_channiwala(50.0, 6.0, 0.1, 42.0, 0.4, 1.5) == pytest.approx(20.15436, rel=1e-12)
    assert lhv_dry(20.15436, 6.0) == pytest.approx(18.88116, rel=1e-12)
    # 18.88116 * 0.6 - 0.02443 * 40 = 11.328696 - 0.9772
    assert lhv_as_received(18.88116, 40.0) == pytest.approx(10.351496, rel=1e-12)
    # (6/1.008) / (50/12.011) = 5.952381 / 4.162851
    assert molar_ratio(6.0, "H", 50.0, "C") == pytest.approx(1.4298809524, rel=1e-9)


def _sample(values: dict[str, tuple[float, str]]) -> tuple[Project, str]:
    project = Project()
    s = project.add_sample("Fuel")
    qs = {k: Quantity(v, "%", b, origin="typed") for k, (v, b) in values.items()}
    project.add_measurement(s.id, Measurement(id=new_id("m"), kind="properties", quantities=qs))
    return project, s.id


def test_plugin_ultimate_and_proximate():
    project, sid = _sample(
        {
            "carbon": (50.0, "db"),
            "hydrogen": (6.0, "db"),
            "oxygen": (42.0, "db"),
            "nitrogen": (0.4, "db"),
            "sulfur": (0.1, "db"),
            "ash": (1.5, "db"),
            "volatile_matter": (80.0, "db"),
            "moisture": (40.0, "ar"),
        }
    )
    r = run_plugin(project, "fuel_properties", sid, registry=discover())[0]
    v = r.values
    assert v["hhv_ultimate"].value == pytest.approx(20.15436, rel=1e-9)
    # FC by difference 100 - 80 - 1.5 = 18.5: 0.3536*18.5 + 0.1559*80 - 0.0078*1.5
    assert v["hhv_proximate"].value == pytest.approx(6.5416 + 12.472 - 0.0117, rel=1e-9)
    assert v["gross_calorific_value"].value == pytest.approx(20.15436, rel=1e-9)
    assert v["net_calorific_value"].value == pytest.approx(18.88116, rel=1e-9)
    assert v["net_calorific_value_ar"].value == pytest.approx(10.351496, rel=1e-9)
    assert v["net_calorific_value_ar"].basis == "ar"
    assert v["h_c_molar"].value == pytest.approx(1.4298809524, rel=1e-9)
    assert v["o_c_molar"].value == pytest.approx((42 / 15.999) / (50 / 12.011), rel=1e-12)
    assert "Channiwala" in v["hhv_ultimate"].method and "Parikh" in v["hhv_proximate"].method


def test_plugin_uses_prior_results_and_converts_basis():
    # VM as received at 20 % moisture: 64 % ar -> 80 % db
    project, sid = _sample(
        {"volatile_matter": (64.0, "ar"), "moisture": (20.0, "ar"), "ash": (5.0, "db")}
    )
    r = run_plugin(project, "fuel_properties", sid, registry=discover())[0]
    assert r.values["hhv_proximate"].value == pytest.approx(17.737, rel=1e-9)
    assert "net_calorific_value" not in r.values  # no hydrogen
    assert any("converted from ar" in m for m in messages_in(r.messages, "en"))


def test_plugin_refuses_without_enough_data():
    project, sid = _sample({"carbon": (50.0, "db")})
    with pytest.raises(PluginRunError) as info:
        run_plugin(project, "fuel_properties", sid, registry=discover())
    assert "needs volatile matter" in str(info.value)
    assert not project.samples[sid].results


def test_chain_tga_result_feeds_fuel_properties():
    import numpy as np
    from test_analysis_tga_proximate import ASH_DB, FC_DB, VM_DB, _project, synthetic_curve

    time, temp, mass, _ = synthetic_curve()
    project, sid = _project(time, temp, mass)
    reg = discover()
    tga = run_plugin(project, "tga_proximate", sid, registry=reg)[0]
    r = run_plugin(project, "fuel_properties", sid, registry=reg)[0]
    assert r.values["hhv_proximate"].value == pytest.approx(
        hhv_parikh(FC_DB, VM_DB, ASH_DB), abs=0.02
    )
    assert {"type": "result", "id": tga.id, "sample": sid, "plugin": "tga_proximate"} in r.inputs
    assert np.isfinite(r.values["gross_calorific_value"].value)


def test_fuel_result_goes_stale_when_proximate_inputs_change():
    from test_analysis_tga_proximate import _project, synthetic_curve

    from workbench.analysis import rerun, stale_results

    time, temp, mass, _ = synthetic_curve()
    project, sid = _project(time, temp, mass)
    reg = discover()
    tga = run_plugin(project, "tga_proximate", sid, registry=reg)[0]
    fuel = run_plugin(project, "fuel_properties", sid, registry=reg)[0]
    assert stale_results(project, reg) == []
    # a newer typed value of a consumed property
    newer = Measurement(
        id=new_id("m"),
        kind="properties",
        quantities={"carbon": Quantity(50.0, "%", "db")},
        created="9999-01-01T00:00:00Z",
    )
    project.add_measurement(sid, newer)
    reasons = {s.result_id: s.reasons for s in stale_results(project, reg)}
    assert "carbon" in reasons[fuel.id][0]
    project.remove_measurement(sid, newer.id)
    # re-running the TGA analysis replaces the result the estimate was computed from
    rerun(project, sid, tga.id, {"moisture_end_temperature": 140.0}, registry=reg)
    reasons = {s.result_id: s.reasons for s in stale_results(project, reg)}
    assert any("no longer exists" in r for r in reasons[fuel.id])


def test_cli_skips_samples_without_enough_data(tmp_path, capsys):
    import json

    from workbench.cli.main import main
    from workbench.project.store import close_project, save_project

    project, _ = _sample({"volatile_matter": (80.0, "db"), "ash": (5.0, "db")})
    thin = project.add_sample("Thin")
    project.add_measurement(
        thin.id,
        Measurement(
            id=new_id("m"), kind="properties", quantities={"carbon": Quantity(50.0, "%", "db")}
        ),
    )
    path = tmp_path / "f.fwproj"
    save_project(project, path)
    close_project(project)
    capsys.readouterr()
    assert main(["analyse", str(path), "fuel_properties", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["saved"] and [r["sample"] for r in doc["results"]] == ["Fuel"]
    assert doc["skipped"][0]["sample"] == "Thin" and not doc["failures"]
    # naming the sample makes its failure an error: nothing is saved
    before = path.read_bytes()
    assert main(["analyse", str(path), "fuel_properties", "--sample", "Thin"]) == 2
    assert path.read_bytes() == before
