"""Curves are drawn as the data are, whatever the order of x; legends beside the plot.

A TGA run that heats, holds and cools has a temperature that rises, stays and falls.
pyqtgraph's clip-to-view and "peak" downsampling assume x increases and drew such a
curve as a staircase of vertical drops; these tests compare the drawn points with the
data, zoomed out and zoomed in.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from workbench.gui.curve_sampling import MAX_UNREDUCED, drawing_mode, reduce_path
from workbench.gui.plot_view import axis_unit
from workbench.model import Column, Measurement, Project

SHARED = Path(__file__).resolve().parents[3] / "shared" / "samples"
Q500 = SHARED / "tga" / "pytga_ta_q500_utf16.txt"


def heat_hold_cool(n: int = 6000) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Time (s), temperature (°C) and mass (mg) of a run: 25 -> 120 °C, hold, -> 25 °C, hold."""
    time = np.linspace(0, 7200, n)
    quarter = n // 4
    temperature = np.concatenate(
        [
            np.linspace(25, 120, quarter),
            120 + 0.05 * np.sin(np.linspace(0, 40, quarter)),  # a hold, with control noise
            np.linspace(120, 25, quarter),
            np.full(n - 3 * quarter, 25.0),
        ]
    )
    mass = 20 - 2 * (1 - np.exp(-time / 900)) + 0.01 * np.cos(time / 50)
    return time, temperature, mass


def tga_project(n: int = 6000) -> Project:
    time, temperature, mass = heat_hold_cool(n)
    project = Project()
    sample = project.add_sample("Dried sludge")
    m = Measurement(
        id="m-tga",
        kind="tga",
        columns={
            "time": Column("time", "s", time, "Time"),
            "temperature": Column("temperature", "°C", temperature, "Temperature"),
            "mass": Column("mass", "mg", mass, "Mass"),
        },
        signal="mass",
        axes=["temperature"],
        label="TGA Dried sludge",
    )
    project.add_measurement(sample.id, m)
    project.dirty = False
    return project


def drawn(window) -> list:
    return [i for p in window.plot.plot_items() for i in p.listDataItems()]


def settle(window, qtbot) -> None:
    """Wait until every plot has the range it shows (pyqtgraph sets it lazily)."""

    def ranged() -> bool:
        return all(p.getViewBox().viewRect().width() != 1.0 for p in window.plot.plot_items())

    qtbot.waitUntil(ranged, timeout=5000)
    qtbot.wait(100)


def test_a_curve_whose_temperature_turns_back_is_drawn_as_the_data_are(window, qtbot):
    project = tga_project()
    window.set_project(project)
    window.resize(1366, 768)
    window.select_sample(next(iter(project.samples)))
    (curve,) = drawn(window)
    m = next(iter(project.samples.values())).measurements["m-tga"]
    x_data, y_data = m.columns["temperature"].values(), m.columns["mass"].values()
    settle(window, qtbot)  # the view has its range: pyqtgraph would downsample from here on
    x, y = curve.getData()
    np.testing.assert_array_equal(x, x_data)
    np.testing.assert_array_equal(y, y_data)

    # zoomed in on the hold: no clipping by a search that assumes increasing x
    plot = window.plot.plot_items()[0]
    plot.getViewBox().setXRange(100, 121, padding=0)
    settle(window, qtbot)
    x, y = curve.getData()
    np.testing.assert_array_equal(x, x_data)
    np.testing.assert_array_equal(y, y_data)


def test_increasing_x_is_still_clipped_and_downsampled(window, qtbot):
    x = np.linspace(400, 2500, 200_000)
    project = Project()
    sample = project.add_sample("Long spectrum")
    m = Measurement(
        id="m-nir",
        kind="spectrum",
        columns={
            "x": Column("x", "nm", x, "Wavelength"),
            "y": Column("y", "", np.sin(x / 30), "Absorbance"),
        },
        signal="y",
        axes=["x"],
    )
    project.add_measurement(sample.id, m)
    window.set_project(project)
    window.select_sample(sample.id)
    (curve,) = drawn(window)
    assert curve.opts["clipToView"] and curve.opts["autoDownsample"]
    # far fewer than the 200,000 points are drawn once the view has its range
    qtbot.waitUntil(lambda: len(curve.getData()[0]) < 20_000, timeout=5000)


def test_a_long_curve_that_turns_back_is_reduced_in_measuring_order():
    n = 4 * MAX_UNREDUCED
    t = np.linspace(0, 1, n)
    x = 25 + 95 * np.sin(np.pi * t)  # heats to 120 °C and cools again
    y = 20 - 5 * t + 0.1 * np.sin(t * 3000)
    rx, ry = reduce_path(x, y)
    assert len(rx) < n / 10
    assert rx.max() == x.max() and rx.min() == x.min()  # the turning point stays
    assert ry.max() == y.max() and ry.min() == y.min()  # and so do the peaks
    assert (rx[0], rx[-1]) == (x[0], x[-1])
    # the path keeps one direction change: up, then down
    signs = np.sign(np.diff(rx))
    signs = signs[signs != 0]
    assert np.count_nonzero(np.diff(signs)) == 1
    assert not drawing_mode(x).monotonic and drawing_mode(np.sort(x)).increasing
    assert drawing_mode(x[::-1][: n // 2]).monotonic  # falling x: monotonic, not increasing


def test_tga_curves_can_be_drawn_against_time(window, qtbot):
    project = tga_project(600)
    window.set_project(project)
    window.select_sample(next(iter(project.samples)))
    assert not window.plot.x_bar.isHidden()
    window.plot.set_x_mode("time")
    (plot,) = window.plot.plot_items()
    assert plot.getAxis("bottom").labelUnits == "min"
    (curve,) = drawn(window)
    time_s = next(iter(project.samples.values())).measurements["m-tga"].columns["time"].values()
    settle(window, qtbot)
    np.testing.assert_allclose(curve.getData()[0], time_s / 60)
    window.plot.set_x_mode("")
    (plot,) = window.plot.plot_items()
    assert plot.getAxis("bottom").labelUnits == "°C"


def test_spectra_offer_no_time_axis(window, demo_project):
    window.set_project(demo_project)
    sample = next(iter(demo_project.samples.values()))
    spectrum = next(m for m in sample.measurements.values() if m.kind == "spectrum")
    window.plot.show_selection([(sample, spectrum)])
    assert window.plot.x_bar.isHidden()


def test_legend_is_beside_the_plot_and_lists_every_curve(window, qtbot, make_project):
    project = make_project(15, 1)
    window.set_project(project)
    window.resize(1366, 768)
    window.table.selectAll()
    window.flush_plot()  # the curves follow a selection in the next turn of the event loop
    (plot,) = window.plot.plot_items()
    assert plot.legend is None  # nothing drawn over the data
    names = window.plot.legend.entries()
    assert len(names) == 15 == len(plot.listDataItems())
    assert names == [f"Sample {i + 1}: TGA" for i in range(15)]
    legend = window.plot.legend
    legend.scrollToItem(legend.item(legend.count() - 1))
    assert legend.visualItemRect(legend.item(legend.count() - 1)).bottom() <= (
        legend.viewport().height()
    )  # the last entry can be scrolled into sight
    legend.toggle(legend.item(1))  # the first entry (after no heading: several samples)
    assert not plot.listDataItems()[1].isVisible()
    legend.toggle(legend.item(1))
    assert plot.listDataItems()[1].isVisible()


def test_one_sample_names_its_curves_without_repeating_the_sample(window, demo_project):
    window.set_project(demo_project)
    sample = next(iter(demo_project.samples.values()))
    window.select_sample(sample.id)
    legend = window.plot.legend
    assert legend.item(0).text() == sample.name  # the heading
    assert all(not name.startswith(sample.name + ":") for name in legend.entries())


def test_units_that_repeat_the_quantity_are_shown_once(window):
    assert axis_unit(Column("y", "transmittance", np.zeros(2), "Transmittance")) is None
    assert axis_unit(Column("y", "Kubelka-Munk", np.zeros(2), "Kubelka-Munk")) is None
    assert axis_unit(Column("y", "a.u.", np.zeros(2), "Intensity")) == "a.u."
    assert axis_unit(Column("x", "°C", np.zeros(2), "Temperature")) == "°C"
    project = Project()
    sample = project.add_sample("Film")
    x = np.linspace(4000, 400, 50)
    project.add_measurement(
        sample.id,
        Measurement(
            id="m-ir",
            kind="spectrum",
            columns={
                "x": Column("x", "cm⁻¹", x, "Wavenumber"),
                "y": Column("y", "transmittance", np.ones(50), "Transmittance"),
            },
            signal="y",
            axes=["x"],
        ),
    )
    window.set_project(project)
    window.select_sample(sample.id)
    (plot,) = window.plot.plot_items()
    label = plot.getAxis("left").labelString()
    assert "Transmittance" in label and "(transmittance)" not in label


def test_demo_raw_tga_curve_is_not_named_after_an_analysis(demo_project):
    for sample in demo_project.samples.values():
        for m in sample.measurements.values():
            if m.kind == "tga":
                assert "analysis" not in (m.label or "").lower()


@pytest.mark.skipif(not Q500.is_file(), reason="needs ../shared/samples (TA Q500 export)")
def test_the_ta_q500_export_is_drawn_as_its_data(window, qtbot, tmp_path):
    from workbench.importers.service import apply_plan, preview_bytes

    project = Project()
    plan = preview_bytes(Q500.read_bytes(), Q500.name)
    apply_plan(project, plan, new_sample=True)
    window.set_project(project)
    window.resize(1366, 768)
    sample = next(iter(project.samples.values()))
    window.select_sample(sample.id)
    settle(window, qtbot)
    (curve,) = drawn(window)
    m = next(iter(sample.measurements.values()))
    t = m.columns[m.axes[0]].values()
    assert not drawing_mode(t).monotonic  # heats, holds, cools
    x, y = curve.getData()
    np.testing.assert_array_equal(x, t)
    np.testing.assert_array_equal(y, m.columns[m.signal].values())


def test_the_first_curve_of_a_new_plot_is_shown_whole(window, demo_project, qtbot):
    """A TGA curve drawn in a new plot with clip-to-view: the view takes the whole curve
    (it zoomed onto the first point, 24.5..25.5 °C, as the curve had been clipped to the
    new plot's 0..1 range before the range was made automatic)."""
    window.resize(1920, 1080)
    window.set_project(demo_project)
    sample = demo_project.samples["s-birch-chips"]
    m = next(m for m in sample.measurements.values() if m.kind == "tga")
    model = window.tree_model
    parent = model.index_of_sample(sample.id)
    row = list(sample.measurements).index(m.id)
    window.tree.setCurrentIndex(model.index(row, 0, parent))
    window.flush_plot()
    qtbot.wait(50)
    (plot,) = window.plot.plot_items()
    (x_lo, x_hi), (y_lo, y_hi) = plot.getViewBox().viewRange()
    x = m.columns[m.axes[0]].values()
    y = m.columns[m.signal].values()
    assert x_lo <= x.min() and x_hi >= x.max(), (x_lo, x_hi)
    assert y_lo <= y.min() and y_hi >= y.max(), (y_lo, y_hi)
