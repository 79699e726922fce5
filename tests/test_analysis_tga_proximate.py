"""TGA proximate plugin against synthetic curves with known sigmoid steps."""

from __future__ import annotations

import numpy as np
import pytest

from plugins.tga_proximate.proximate import crossing, dtg, proximate
from workbench.analysis import discover, run_plugin
from workbench.messages import messages_in
from workbench.model import Column, Measurement, Project, new_id

M_AR, VM_DB, ASH_DB = 8.0, 78.0, 2.5
FC_DB = 100.0 - VM_DB - ASH_DB


def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def synthetic_curve(step_min=0.1, rate=10.0, hold_min=30.0, mass_scale=100.0):
    """25 -> 900 °C at ``rate`` K/min in N2, then a hold in air burning the fixed carbon."""
    n_heat = round((900.0 - 25.0) / rate / step_min)
    n_hold = round(hold_min / step_min)
    time = np.arange(n_heat + n_hold + 1) * step_min
    temp = np.minimum(25.0 + rate * time, 900.0)
    dry = (100.0 - M_AR) / 100.0
    vm_ar, fc_ar = VM_DB * dry, FC_DB * dry
    w = 100.0 - M_AR * _sig((temp - 70.0) / 6.0)
    w -= vm_ar * (0.4 * _sig((temp - 290.0) / 12.0) + 0.6 * _sig((temp - 420.0) / 15.0))
    switch_time = n_heat * step_min
    burn = 1.0 - np.exp(-np.clip(time - switch_time, 0, None) / 1.5)
    w -= fc_ar * burn / burn[-1]
    return time, temp, w * mass_scale / 100.0, n_heat


def _project(time, temp, mass, mass_unit="%", metadata=None):
    project = Project()
    s = project.add_sample("TGA")
    cols = {
        "time": Column("time", "min", time),
        "temperature": Column("temperature", "°C", temp),
        "mass": Column("mass", mass_unit, mass),
    }
    m = Measurement(
        id=new_id("m"),
        kind="tga",
        columns=cols,
        signal="mass",
        axes=["temperature"],
        metadata=metadata or {},
    )
    project.add_measurement(s.id, m)
    return project, s.id


def test_hand_computed_step_curve():
    # 5 points: 100 % -> 90 % at 150 °C (10 % moisture) -> 30 % at switch -> 4.5 % residue
    t = np.array([25.0, 150.0, 500.0, 900.0, 900.0])
    w = np.array([100.0, 90.0, 50.0, 30.0, 4.5])
    r = proximate(t, w, switch_index=3)
    assert r.moisture_ar == pytest.approx(10.0)
    assert r.volatile_db == pytest.approx(60.0 / 90.0 * 100.0)
    assert r.ash_db == pytest.approx(5.0)
    assert r.fixed_carbon_db == pytest.approx(100.0 - 60.0 / 0.9 - 5.0)
    assert crossing(t, 150.0) == pytest.approx(1.0)
    assert crossing(t, 87.5) == pytest.approx(0.5)


def test_synthetic_curve_temperature_switch():
    time, temp, mass, _ = synthetic_curve()
    project, sid = _project(time, temp, mass)
    result = run_plugin(project, "tga_proximate", sid, registry=discover())[0]
    v = result.values
    assert v["moisture"].value == pytest.approx(M_AR, abs=0.01)
    assert v["volatile_matter"].value == pytest.approx(VM_DB, abs=0.05)
    assert v["ash"].value == pytest.approx(ASH_DB, abs=1e-3)
    assert v["fixed_carbon"].value == pytest.approx(FC_DB, abs=0.05)
    assert v["moisture"].basis == "ar" and v["volatile_matter"].basis == "db"
    peaks = result.columns["peak_temperature"].values()
    assert np.min(np.abs(peaks - 290.0)) < 5.0
    assert np.min(np.abs(peaks - 420.0)) < 5.0
    assert v["dtg_peak_temperature"].value == pytest.approx(420.0, abs=5.0)
    assert len(result.columns["dtg"].values()) == len(result.columns["dtg_temperature"].values())


def test_dtg_integrates_to_mass_loss():
    _time, temp, mass, n_heat = synthetic_curve()
    t, rate = dtg(temp, mass, n_heat + 1, window=11)
    loss = np.trapezoid(rate, t)
    assert loss == pytest.approx(mass[0] - mass[n_heat], rel=0.01)


def test_metadata_switch_and_mg_units():
    time, temp, mass, n_heat = synthetic_curve(mass_scale=12.5)
    switch_time = n_heat * 0.1
    meta = {
        "gas_switches": [
            {"time_min": 0.0, "gas": "nitrogen"},
            {"time_min": switch_time, "gas": "air"},
        ]
    }
    project, sid = _project(time, temp, mass, "mg", meta)
    result = run_plugin(project, "tga_proximate", sid, registry=discover())[0]
    assert result.values["ash"].value == pytest.approx(ASH_DB, abs=1e-3)
    assert result.values["volatile_matter"].value == pytest.approx(VM_DB, abs=0.05)
    assert any("taken from the file" in m for m in messages_in(result.messages, "en"))


def test_inert_only_curve_reports_no_ash():
    time, temp, mass, n_heat = synthetic_curve()
    project, sid = _project(time[: n_heat + 1], temp[: n_heat + 1], mass[: n_heat + 1])
    result = run_plugin(project, "tga_proximate", sid, registry=discover())[0]
    assert "ash" not in result.values and "fixed_carbon" not in result.values
    assert result.values["volatile_matter"].value == pytest.approx(VM_DB, abs=0.05)
    assert any("cannot be determined" in m for m in messages_in(result.messages, "en"))


def test_index_mode_parameter():
    time, temp, mass, n_heat = synthetic_curve()
    project, sid = _project(time, temp, mass)
    params = {"switch_mode": "index", "switch_index": n_heat}
    result = run_plugin(project, "tga_proximate", sid, params, registry=discover())[0]
    assert result.values["fixed_carbon"].value == pytest.approx(FC_DB, abs=0.05)
    assert result.parameters["switch_mode"] == "index"


def test_switch_from_programme_step_metadata():
    """PerkinElmer-style metadata: 'Switch the Gas to Oxygen' in programme step 2."""
    time, temp, mass, n_heat = synthetic_curve()
    project, sid = _project(time, temp, mass)
    m = next(iter(project.samples[sid].measurements.values()))
    m.columns["step"] = Column("step", "", np.where(np.arange(time.size) < n_heat, 1.0, 2.0))
    m.metadata["gas_switches"] = [{"step": 1, "gas": "Nitrogen"}, {"step": 2, "gas": "Oxygen"}]
    result = run_plugin(project, "tga_proximate", sid, registry=discover())[0]
    assert result.values["fixed_carbon"].value == pytest.approx(FC_DB, abs=0.05)
    assert any(f"row {n_heat}" in msg for msg in messages_in(result.messages, "en"))


def test_the_main_dtg_peak_is_decomposition_not_drying():
    """A wet feedstock's drying peak (water, below T1) can be the tallest DTG peak; the
    result's DTG peak temperature is the main decomposition peak, and every peak is
    named by the range it lies in."""
    from workbench.demo import build_demo_project
    from workbench.messages import message_text

    project = build_demo_project()
    sid = "s-birch-chips"
    result = run_plugin(project, "tga_proximate", sid, registry=discover())[0]
    temps = result.columns["peak_temperature"].values()
    rates = result.columns["peak_rate"].values()
    drying = int(np.argmin(temps))
    assert temps[drying] < 150.0 and rates[drying] == rates.max()  # the tallest is drying
    main = result.values["dtg_peak_temperature"].value
    assert 315.0 <= main <= 400.0
    table = next(p for p in result.plots if p["kind"] == "table")
    names = [message_text(n, "en") for n in table["row_labels"]]
    assert names[drying].startswith("Drying (water)")
    assert any(n.startswith("Cellulose range (315–400 °C)") for n in names)
    assert all(message_text(n, "fi") != message_text(n, "en") for n in table["row_labels"])
    curve, dtg_plot = result.plots[0], result.plots[1]
    marked = [m["x"] for m in curve["markers"]]
    assert marked[0] == 150.0  # T1, the moisture end temperature
    assert marked[1] == pytest.approx(900.0, abs=1.0)  # the switch to air
    assert [p["x"] for p in dtg_plot["points"]] == pytest.approx(list(temps))


def test_peak_names_follow_the_temperature_ranges():
    from plugins.tga_proximate.peaks import main_peak, peak_name
    from workbench.messages import message_text

    def name(t):
        return message_text(peak_name(t, 150.0), "en").split(",")[0]

    assert name(80) == "Drying (water)"
    assert name(180) == "Early decomposition (below 220 °C)"
    assert name(220) == "Hemicellulose range (220–315 °C)"
    assert name(315) == "Cellulose range (315–400 °C)"
    assert name(400) == "Cellulose range (315–400 °C)"
    assert name(420) == "Lignin and char range (above 400 °C)"
    assert main_peak(np.array([80.0, 290.0, 350.0]), np.array([2.0, 0.5, 0.9]), 150.0) == 2
    assert main_peak(np.array([80.0]), np.array([2.0]), 150.0) is None
