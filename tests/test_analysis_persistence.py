"""Plugin results survive a save and reopen (values, units, bases, columns, plots, provenance)."""

from __future__ import annotations

import numpy as np
import pytest
from test_analysis_tga_proximate import _project, synthetic_curve

from workbench.analysis import discover, run_plugin, stale_results
from workbench.model import Column


def test_results_round_trip_through_project_file(tmp_path):
    from workbench.project.store import close_project, open_project, save_project

    time, temp, mass, _ = synthetic_curve()
    project, sid = _project(time, temp, mass)
    reg = discover()
    tga = run_plugin(project, "tga_proximate", sid, registry=reg)[0]
    fuel = run_plugin(project, "fuel_properties", sid, registry=reg)[0]
    # a result with an empty column (no DTG peaks) must be storable too
    tga.columns["peak_temperature"] = Column("peak_temperature", "°C", np.array([]))
    expected_dtg = np.array(tga.columns["dtg"].values())  # arrays become lazy after a save
    path = tmp_path / "r.fwproj"
    save_project(project, path)
    close_project(project)
    again = open_project(path, read_only=True)
    try:
        results = again.samples[sid].results
        r = results[tga.id]
        assert r.plugin_id == "tga_proximate" and r.plugin_version == tga.plugin_version
        assert r.parameters == tga.parameters
        assert r.inputs == tga.inputs
        for key, q in tga.values.items():
            assert r.values[key].value == pytest.approx(q.value)
            assert (r.values[key].unit, r.values[key].basis) == (q.unit, q.basis)
        assert r.columns["dtg"].unit == "%/°C"
        np.testing.assert_allclose(r.columns["dtg"].values(), expected_dtg)
        assert r.plots == tga.plots
        assert results[fuel.id].values["gross_calorific_value"].unit == "MJ/kg"
        assert stale_results(again, reg) == []
    finally:
        close_project(again)
