"""Collecting spectra of many samples on a common axis; cancel during a calibration."""

from __future__ import annotations

import numpy as np
import pytest
from spectral_synth import project_with_spectra, spectrum_measurement, synthetic

from workbench.analysis import PluginRunError, discover, prepare_run
from workbench.analysis.api import sample_inputs
from workbench.analysis.spectral_data import collect, common_axis, spectrum_of
from workbench.errors import AnalysisError
from workbench.model import Project
from workbench.progress import Progress


def _inputs(project: Project):
    return [sample_inputs(s, ["spectrum"]) for s in project.samples.values()]


def test_identical_axes_are_used_as_they_are():
    x, Y, _y, _ = synthetic(4, 30)
    data = collect(_inputs(project_with_spectra(x, Y)))
    assert np.array_equal(data.x, x)
    assert np.array_equal(data.Y, Y)
    assert data.x_unit == "nm" and data.names == ["S001", "S002", "S003", "S004"]


def test_different_axes_overlap_at_coarsest_spacing_and_replicates_average():
    project = Project()
    a = project.add_sample("A")
    project.add_measurement(
        a.id, spectrum_measurement(np.arange(0.0, 101.0, 1.0), np.arange(101.0))
    )
    project.add_measurement(
        a.id, spectrum_measurement(np.arange(0.0, 101.0, 1.0), np.arange(101.0) + 2)
    )
    b = project.add_sample("B")
    xb = np.arange(10.0, 121.0, 2.0)[::-1]  # descending, coarser, shifted
    project.add_measurement(b.id, spectrum_measurement(xb, 2 * xb))
    data = collect(_inputs(project))
    np.testing.assert_allclose(data.x, np.arange(10.0, 101.0, 2.0))
    np.testing.assert_allclose(data.Y[0], data.x + 1.0)  # mean of the two replicates
    np.testing.assert_allclose(data.Y[1], 2 * data.x)
    assert len(data.measurement_ids[0]) == 2


def test_no_overlap_and_mixed_units_are_refused():
    m1 = spectrum_measurement(np.linspace(0, 1, 5), np.ones(5))
    m2 = spectrum_measurement(np.linspace(2, 3, 5), np.ones(5))
    with pytest.raises(AnalysisError, match="overlap"):
        common_axis([spectrum_of(m1), spectrum_of(m2)])
    project = Project()
    for unit in ("nm", "cm-1"):
        s = project.add_sample(unit)
        project.add_measurement(
            s.id, spectrum_measurement(np.linspace(0, 1, 5), np.ones(5), unit=unit)
        )
    with pytest.raises(AnalysisError, match="different x units"):
        collect(_inputs(project))


def test_non_finite_points_are_dropped_from_a_spectrum():
    y = np.array([1.0, np.nan, 3.0, 4.0])
    sp = spectrum_of(spectrum_measurement(np.array([3.0, 2.0, 1.0, 0.0]), y))
    assert sp.x.tolist() == [0.0, 1.0, 3.0] and sp.y.tolist() == [4.0, 3.0, 1.0]


def test_cancelled_calibration_leaves_the_project_unchanged():
    x, Y, y, _ = synthetic(30, 60)
    project = project_with_spectra(x, Y, y)
    audit = len(project.audit)
    progress = Progress()
    progress.cancel()
    plugin = discover(entry_points=False).get("pls_calibration")
    with pytest.raises(PluginRunError) as info:
        prepare_run(project, plugin, list(project.samples), {"pipeline": "none"}, progress=progress)
    assert info.value.stage == "cancelled"
    assert not project.models and len(project.audit) == audit
    assert all(not s.results for s in project.samples.values())


def test_preview_gives_before_and_after_of_one_spectrum():
    from workbench.analysis.preprocess import snv
    from workbench.analysis.spectral_data import preview

    x, Y, _y, _ = synthetic(1, 40)
    m = spectrum_measurement(x, Y[0])
    x0, y0, x1, y1 = preview(m, "snv")
    assert np.array_equal(y0, Y[0])
    assert np.array_equal(x0, x) and np.array_equal(x1, x)
    np.testing.assert_allclose(y1, snv(Y)[0])
    with pytest.raises(AnalysisError, match="MSC"):
        preview(m, "msc")
