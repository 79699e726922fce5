"""Selecting one thing after another reuses the plot items, and each selection still
looks as if it were drawn on fresh plots (no curves, legend entries or axis
direction left over from the previous one)."""

from __future__ import annotations

import numpy as np

from workbench.importers.spectrum_common import spectrum as parsed_spectrum


def _sample_with_tga(project):
    for sample in project.samples.values():
        tga = next((m for m in sample.measurements.values() if m.kind == "tga"), None)
        if tga is not None and tga.is_curve:
            return sample, tga
    raise AssertionError("the demo has no sample with a TGA curve")


def test_plots_are_reused_and_reset_between_selections(window, demo_project):
    window.set_project(demo_project)
    sample, tga = _sample_with_tga(demo_project)
    x = np.linspace(4000.0, 400.0, 300)  # an FTIR spectrum: its x axis is drawn reversed
    spectrum = parsed_spectrum(
        x, np.exp(-(((x - 1650) / 80) ** 2)), x_unit="cm⁻¹", y_unit="", label="FTIR"
    ).to_measurement("0" * 64, "ftir.csv", "spectrum_text")
    view = window.plot

    view.show_selection([(sample, tga)])
    (first,) = view.plot_items()
    assert len(first.listDataItems()) == 1 and len(view.legend.entries()) == 1
    assert not first.getViewBox().state["xInverted"]

    view.show_selection([(sample, spectrum)])
    (second,) = view.plot_items()
    assert second is first  # the same PlotItem, not a new one
    assert len(second.listDataItems()) == 1 and len(view.legend.entries()) == 1
    assert second.getAxis("bottom").labelUnits == "cm⁻¹"
    assert second.getViewBox().state["xInverted"]  # wavenumbers run from high to low

    view.show_selection([(sample, tga)])
    (third,) = view.plot_items()
    assert third is first
    assert not third.getViewBox().state["xInverted"]  # the spectrum's reversal is undone
    assert third.getAxis("bottom").labelUnits == "°C"
    (curve,) = third.listDataItems()
    assert len(curve.xData) == len(tga.columns[tga.axes[0]].values())

    # two groups (TGA and spectrum) then back to one: the spare item waits, unused
    view.show_selection([(sample, tga), (sample, spectrum)])
    assert len(view.plot_items()) == 2
    view.show_selection([(sample, tga)])
    assert len(view.plot_items()) == 1
    assert len(window.plot.graphics.ci.items) == 1  # only the shown plot is on the layout
